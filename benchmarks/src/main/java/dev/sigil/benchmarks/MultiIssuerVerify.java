package dev.sigil.benchmarks;

import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.VerifiedJwt;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.JsonCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link SigilVerify}'s token through a {@link MultiIssuerVerifier} trusting three issuers (issue
 * 16): the routing (the payload decoded and parsed before the signature check to read {@code iss},
 * the issuer looked up, its verifier found) on top of the full path, whose claims it then reuses.
 * Each issuer has static keys ({@code b -> b.keys(..)}); the audience, algorithm, backend and
 * codec are shared, as {@link SigilVerify}'s single-issuer verifier has them. No token cache.
 * Compare each row with {@link SigilVerify} of the same {@code alg}, {@code backend} and {@code codec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MultiIssuerVerify {

    /** Two more trusted issuers, one before and one after the token's in the configuration. */
    static final String OTHER_ISSUER_A = "https://login.sigil-bench.example/tenant-a/v2.0";
    static final String OTHER_ISSUER_B = "https://sigil-bench.okta.example/oauth2/default";

    @Param({"RS256", "ES256"})
    public String alg;

    @Param({"jca", "bouncycastle"})
    public String backend;

    @Param({"builtin"})
    public String codec;

    private String token;
    private MultiIssuerVerifier verifier;

    @Setup
    public void setUp() throws JwtVerificationException {
        TokenFixture fixture = TokenFixture.create(Alg.of(alg));
        token = fixture.token;
        // The other issuers' keys are of the same kind (the same seed, so the same key): they are
        // never used, only routed around.
        JwkSet keys = JwkSet.parse(fixture.jwksJson);
        JwkSet otherKeys = JwkSet.parse(TokenFixture.create(Alg.of(alg), OTHER_ISSUER_A).jwksJson);
        CryptoBackend crypto = SigilSetup.backend(backend);
        JsonCodec json = SigilSetup.codec(codec);
        verifier = MultiIssuerVerifier.builder()
                .trustedIssuer(OTHER_ISSUER_A, b -> b.keys(otherKeys))
                .trustedIssuer(fixture.issuer, b -> b.keys(keys))
                .trustedIssuer(OTHER_ISSUER_B, b -> b.keys(otherKeys))
                .audience(TokenFixture.AUDIENCE)
                .defaults(b -> b.algorithms(fixture.alg.jws()).cryptoBackend(crypto).jsonCodec(json))
                .build();
        Check.subject(verifier.verify(token).claims().subject().orElse(null), "sigil multi-issuer " + backend + " " + alg);
        Check.accepted(verifier.stats().liveIssuers() == 1, "sigil multi-issuer " + backend + " " + alg
                + ": one issuer's verifier made (" + verifier.stats() + ")");
    }

    @Benchmark
    public VerifiedJwt verify() throws JwtVerificationException {
        return verifier.verify(token);
    }
}
