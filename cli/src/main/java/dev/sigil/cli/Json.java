package dev.sigil.cli;

import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.KeySource;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import java.nio.charset.StandardCharsets;

/**
 * JSON for the commands, through the same codec a verifier would use. The codec is taken from a
 * verifier that is never asked to verify: {@link JwtVerifier#jsonCodec()} is the codec that
 * {@code build()} resolved (the {@code sigil.json} property, else a codec provider on the class
 * path, else core's built-in codec, which is itself a provider and the fallback, and is used even if
 * a repackaged jar lost the services files), which keeps the CLI's JSON exactly the library's.
 *
 * @param codec the codec every command's JSON goes through
 */
record Json(JsonCodec codec) {

    /** The codec a verifier resolves; builds a key-less verifier, which does no I/O. */
    static Json resolve() {
        try (JwtVerifier verifier = JwtVerifier.builder().ignoreIssuer().ignoreAudience()
                .keySource(KeySource.of(JwkSet.of())).build()) {
            return new Json(verifier.jsonCodec());
        }
    }

    /**
     * Two-space indented, for the terminal: the values come from tokens and key sets, so every
     * character that could act on a terminal is a JSON escape ({@link Printable#json}).
     */
    String pretty(Object value) {
        return Printable.json(new String(codec.write(value, true), StandardCharsets.UTF_8));
    }

    /** Compact and unescaped beyond RFC 8259: for bytes a program reads, never for the terminal. */
    String compact(Object value) {
        return new String(codec.write(value, false), StandardCharsets.UTF_8);
    }

    Object parse(byte[] utf8) throws JsonParseException {
        return codec.parse(utf8, JsonLimits.DEFAULT);
    }
}
