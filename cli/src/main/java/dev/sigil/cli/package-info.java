/**
 * The {@code sigil} command line: {@code verify}, {@code inspect}, {@code jwks} and {@code demo}.
 * An application over Sigil's public API, not part of it: nothing here is exported or stable, and,
 * unlike core, it may use {@code java.security} directly (to describe certificates, compute
 * thumbprints and sign the demo's tokens) and the JDK's {@code com.sun.net.httpserver} (the demo's
 * loopback issuer). Otherwise it depends on core's exported packages only; the JCA backend and the
 * JDK transport arrive at run time. Everything it prints that came from a token, a key set or a
 * response goes through {@link dev.sigil.spi.UntrustedText}.
 */
package dev.sigil.cli;
