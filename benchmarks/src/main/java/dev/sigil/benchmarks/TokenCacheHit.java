package dev.sigil.benchmarks;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.TokenCachePolicy;
import dev.sigil.jwt.TokenCacheStats;
import dev.sigil.jwt.VerifiedJwt;
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
 * The verified-token cache's hit path (issue 16): the same token verified again and again by a
 * verifier built as {@link SigilVerify}'s, plus {@code tokenCache(TokenCachePolicy.defaults())}.
 * Each call hashes the token (SHA-256 through the backend), finds the entry, checks its key is still
 * in the set under its {@code kid}, and checks exp, nbf and iat again. Compare each row with
 * {@link SigilVerify} of the same {@code alg}, {@code backend} and {@code codec}: the full path.
 *
 * <p>The token's {@code exp} is in 2100, so an entry lives for the policy's 5-minute ttl, longer
 * than any trial of this harness's commands; the teardown fails the run if any call measured was a
 * miss.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenCacheHit {

    @Param({"RS256", "ES256", "EdDSA", "HS256"})
    public String alg;

    @Param({"jca", "bouncycastle"})
    public String backend;

    @Param({"builtin"})
    public String codec;

    private String token;
    private JwtVerifier verifier;

    @Setup
    public void setUp() throws JwtVerificationException {
        TokenFixture fixture = TokenFixture.create(Alg.of(alg));
        token = fixture.token;
        // Verifies the token once: a miss, which puts it in the cache.
        verifier = SigilSetup.verifier(fixture, backend, codec, TokenCachePolicy.defaults());
        Check.subject(verifier.verify(token).claims().subject().orElse(null), "sigil cache hit " + backend + " " + alg);
        TokenCacheStats stats = verifier.tokenCacheStats().orElseThrow();
        Check.accepted(stats.misses() == 1 && stats.hits() == 1 && stats.entries() == 1,
                "sigil cache hit " + backend + " " + alg + ": " + stats);
    }

    @TearDown
    public void everyCallWasAHit() {
        TokenCacheStats stats = verifier.tokenCacheStats().orElseThrow();
        Check.accepted(stats.misses() == 1 && stats.hits() > 1,
                "sigil cache hit " + backend + " " + alg + " (every call after the first a hit: " + stats + ")");
    }

    @Benchmark
    public VerifiedJwt verify() throws JwtVerificationException {
        return verifier.verify(token);
    }
}
