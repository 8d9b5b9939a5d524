/**
 * The {@code sigil} command line: {@code verify}, {@code inspect}, {@code jwks} and {@code demo}.
 * An application over Sigil's public API, not part of it: nothing here is exported or stable, and,
 * unlike core, it may use {@code java.security} directly (to describe certificates, compute
 * thumbprints and sign the demo's tokens).
 */
package dev.sigil.cli;
