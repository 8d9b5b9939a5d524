package dev.sigil.benchmarks;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.TokenCachePolicy;
import dev.sigil.jwt.TokenCacheStats;
import dev.sigil.jwt.VerifiedJwt;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * The verified-token cache's miss path (issue 16), against the same verifier without a cache on the
 * same tokens. The verifier goes round a ring of {@value #RING} distinct tokens (one key, the
 * claims of {@link SigilVerify}'s token but {@code iat}, so each is as long and as much work), and
 * with {@code cache=on} holds at most {@value #MAX_ENTRIES} entries: the cache is inserted into in
 * FIFO order, so each token was evicted {@value #MAX_ENTRIES} calls before it comes round again, and
 * every call is a miss at the steady state of a full cache: a SHA-256 of the token, a failed lookup,
 * the full verification, then a put that evicts the oldest entry. {@code cache=off} is the full
 * verification alone. The teardown fails the run if the cache ever hit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenCacheMiss {

    /** Distinct tokens gone round; a power of two. */
    static final int RING = 128;
    /** The cache's entry bound, below {@link #RING}. */
    static final int MAX_ENTRIES = 64;

    /** The rings already minted in this JVM: the smoke test runs every row in one. */
    private static final Map<Alg, TokenFixture> RINGS = new ConcurrentHashMap<>();

    @Param({"RS256", "ES256", "EdDSA", "HS256"})
    public String alg;

    @Param({"jca", "bouncycastle"})
    public String backend;

    @Param({"builtin"})
    public String codec;

    /** {@code on}: a cache of {@value #MAX_ENTRIES} entries (the default bytes and ttl); {@code off}: none. */
    @Param({"off", "on"})
    public String cache;

    private String[] ring;
    private int next;
    private JwtVerifier verifier;

    @Setup
    public void setUp() throws JwtVerificationException {
        TokenFixture fixture = RINGS.computeIfAbsent(Alg.of(alg), a -> TokenFixture.withVariants(a, RING));
        ring = fixture.variants;
        TokenCachePolicy policy = cache.equals("on") ? TokenCachePolicy.builder().maxEntries(MAX_ENTRIES).build() : null;
        verifier = SigilSetup.verifier(fixture, backend, codec, policy);
        String what = "sigil cache " + cache + " miss " + backend + " " + alg;
        for (String token : ring) {
            Check.subject(verifier.verify(token).claims().subject().orElse(null), what);
        }
        next = 0;
        if (policy != null) {
            TokenCacheStats stats = verifier.tokenCacheStats().orElseThrow();
            Check.accepted(stats.hits() == 0 && stats.entries() == MAX_ENTRIES && stats.evictions() == RING + 1 - MAX_ENTRIES,
                    what + ": " + stats);
        }
    }

    @TearDown
    public void noCallWasAHit() {
        if (cache.equals("on")) {
            TokenCacheStats stats = verifier.tokenCacheStats().orElseThrow();
            Check.accepted(stats.hits() == 0 && stats.misses() > RING + 1,
                    "sigil cache miss " + backend + " " + alg + " (every call a miss: " + stats + ")");
        }
    }

    @Benchmark
    public VerifiedJwt verify() throws JwtVerificationException {
        String token = ring[next];
        next = (next + 1) & (RING - 1);
        return verifier.verify(token);
    }
}
