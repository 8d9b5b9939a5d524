package dev.sigil.backend.jca;

import dev.sigil.spi.TokenBuffers;

/**
 * What every pooled engine carries beside its JCA object: the buffers a token is read into when it
 * is verified from its chars. Owned by the engine, so a call that holds the engine holds them, and
 * a token costs no arrays of its own.
 */
abstract class PooledEngine {

    final TokenBuffers buffers = new TokenBuffers();
}
