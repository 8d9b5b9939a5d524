package dev.sigil.benchmarks;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
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

/**
 * Sigil's full verification (split, header, key lookup, signature, claims) with the key cached, one
 * thread. Compare each row with {@link Floor} of the same {@code alg} and {@code backend}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigilVerify {

    @Param({"RS256", "PS256", "ES256", "EdDSA", "HS256"})
    public String alg;

    @Param({"jca", "bouncycastle"})
    public String backend;

    /** The built-in codec, or sigil-json-jackson (jackson-core streaming). */
    @Param({"builtin", "jackson"})
    public String codec;

    private String token;
    private JwtVerifier verifier;

    @Setup
    public void setUp() throws JwtVerificationException {
        TokenFixture fixture = TokenFixture.create(Alg.of(alg));
        token = fixture.token;
        verifier = SigilSetup.verifier(fixture, backend, codec);
    }

    @Benchmark
    public VerifiedJwt verify() throws JwtVerificationException {
        return verifier.verify(token);
    }
}
