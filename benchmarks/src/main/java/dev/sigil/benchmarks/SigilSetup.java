package dev.sigil.benchmarks;

import dev.sigil.backend.bouncycastle.BouncyCastleCryptoBackend;
import dev.sigil.backend.jca.JcaCryptoBackend;
import dev.sigil.internal.json.BuiltinJsonCodec;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.JsonCodec;
import java.util.ServiceLoader;

/** Builds the Sigil verifiers the benchmarks share, by backend and codec name. */
final class SigilSetup {

    private SigilSetup() {
    }

    static CryptoBackend backend(String name) {
        switch (name) {
            case "jca":
                return new JcaCryptoBackend();
            case "bouncycastle":
                return new BouncyCastleCryptoBackend();
            default:
                throw new IllegalArgumentException("unknown crypto backend '" + name + "'");
        }
    }

    /** The built-in codec, or any codec on the class path by its {@code name()} ({@code jackson}). */
    static JsonCodec codec(String name) {
        if (name.equals("builtin")) {
            return new BuiltinJsonCodec();
        }
        for (JsonCodec codec : ServiceLoader.load(JsonCodec.class)) {
            if (codec.name().equals(name)) {
                return codec;
            }
        }
        throw new IllegalArgumentException("no json codec named '" + name + "' on the class path");
    }

    /** A verifier with the fixture's key cached (static keys), checking exp, nbf, iat, iss and aud. */
    static JwtVerifier verifier(TokenFixture fixture, String backend, String codec) throws JwtVerificationException {
        JwtVerifier verifier = JwtVerifier.builder()
                .issuer(fixture.issuer)
                .audience(TokenFixture.AUDIENCE)
                .algorithms(fixture.alg.jws())
                .keys(JwkSet.parse(fixture.jwksJson))
                .cryptoBackend(backend(backend))
                .jsonCodec(codec(codec))
                .build();
        Check.subject(verifier.verify(fixture.token).claims().subject().orElse(null),
                "sigil " + backend + "/" + codec + " " + fixture.alg);
        return verifier;
    }
}
