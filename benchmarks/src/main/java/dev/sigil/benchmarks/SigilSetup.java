package dev.sigil.benchmarks;

import dev.sigil.backend.bouncycastle.BouncyCastleCryptoBackend;
import dev.sigil.backend.jca.JcaCryptoBackend;
import dev.sigil.json.jackson.JacksonJsonCodec;
import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.TokenCachePolicy;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.JsonCodec;

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

    /** A codec by its {@code name()}, created through its public class as an application would. */
    static JsonCodec codec(String name) {
        switch (name) {
            case "builtin":
                return new BuiltinJsonCodec();
            case "jackson":
                return new JacksonJsonCodec();
            default:
                throw new IllegalArgumentException("unknown json codec '" + name + "'");
        }
    }

    /** A verifier with the fixture's key cached (static keys), checking exp, nbf, iat, iss and aud. */
    static JwtVerifier verifier(TokenFixture fixture, String backend, String codec) throws JwtVerificationException {
        return verifier(fixture, backend, codec, null);
    }

    /**
     * As {@link #verifier(TokenFixture, String, String)}, with a verified-token cache of
     * {@code tokenCache} (none for {@code null}); the check below then puts the fixture's token in it.
     */
    static JwtVerifier verifier(TokenFixture fixture, String backend, String codec, TokenCachePolicy tokenCache)
            throws JwtVerificationException {
        JwtVerifier.Builder builder = JwtVerifier.builder()
                .issuer(fixture.issuer)
                .audience(TokenFixture.AUDIENCE)
                .algorithms(fixture.alg.jws())
                .keys(JwkSet.parse(fixture.jwksJson))
                .cryptoBackend(backend(backend))
                .jsonCodec(codec(codec));
        if (tokenCache != null) {
            builder.tokenCache(tokenCache);
        }
        JwtVerifier verifier = builder.build();
        Check.subject(verifier.verify(fixture.token).claims().subject().orElse(null),
                "sigil " + backend + "/" + codec + " " + fixture.alg);
        return verifier;
    }
}
