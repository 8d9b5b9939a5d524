package dev.sigil.benchmarks;

import dev.sigil.jwk.JwkSet;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.TokenCachePolicy;
import dev.sigil.jwt.VerificationListener;
import dev.sigil.jwt.VerifiedJwt;
import dev.sigil.spi.JwsAlgorithm;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a {@link VerificationListener} costs on the verify path (issue 17): the same HS256 token on
 * the JCA backend, verified in full or served by the verified-token cache, by a verifier without a
 * listener and by one whose listener only sums the durations it hears. Run with {@code -prof gc}:
 * equal {@code gc.alloc.rate.norm} in each pair of rows shows that reporting a verified token
 * allocates nothing; the time column shows the two clock reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerificationListenerCost {

    @Param({"full", "cacheHit"})
    public String path;

    @Param({"none", "summing"})
    public String listener;

    private String token;
    private JwtVerifier verifier;
    private final Summing summing = new Summing();

    /** Hears every outcome and keeps only a sum, so the call cannot be dropped as dead code. */
    static final class Summing implements VerificationListener {
        long verified;
        long nanos;

        @Override
        public void verified(JwsAlgorithm algorithm, String issuer, long took) {
            verified++;
            nanos += took;
        }

        @Override
        public void refused(Reason reason, JwsAlgorithm algorithm, String issuer, long took) {
            nanos += took;
        }
    }

    @Setup
    public void setUp() throws JwtVerificationException {
        TokenFixture fixture = TokenFixture.create(Alg.of("HS256"));
        token = fixture.token;
        JwtVerifier.Builder builder = JwtVerifier.builder()
                .issuer(fixture.issuer)
                .audience(TokenFixture.AUDIENCE)
                .algorithms(fixture.alg.jws())
                .keys(JwkSet.parse(fixture.jwksJson))
                .cryptoBackend(SigilSetup.backend("jca"))
                .jsonCodec(SigilSetup.codec("builtin"));
        if (path.equals("cacheHit")) {
            builder.tokenCache(TokenCachePolicy.defaults());
        }
        if (listener.equals("summing")) {
            builder.verificationListener(summing);
        }
        verifier = builder.build();
        Check.subject(verifier.verify(token).claims().subject().orElse(null), "sigil listener " + path + " " + listener);
    }

    @TearDown
    public void theListenerHeardEveryCall() {
        Check.accepted(listener.equals("none") ? summing.verified == 0 : summing.verified > 1,
                "sigil listener " + path + " " + listener + ": heard " + summing.verified);
    }

    @Benchmark
    public VerifiedJwt verify() throws JwtVerificationException {
        return verifier.verify(token);
    }
}
