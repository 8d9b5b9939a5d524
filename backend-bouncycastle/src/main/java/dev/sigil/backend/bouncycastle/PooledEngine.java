package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.TokenBuffers;

/**
 * What every pooled engine carries: the buffers a token is read into when it is verified from its
 * chars. Owned by the engine, so a call that holds the engine holds them, and a token costs no arrays
 * of its own. EdDSA, whose RFC 8032 code keeps no state, pools instances of this class alone.
 */
class PooledEngine {

    final TokenBuffers buffers = new TokenBuffers();
}
