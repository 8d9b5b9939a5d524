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
import org.openjdk.jmh.annotations.Threads;

/**
 * Two threads sharing one verifier (Scope.Benchmark), as a server shares it: on two cores the
 * total should be about twice {@link SigilVerify}'s, showing the hot path takes no lock and
 * shares no mutable state. JMH reports the sum over both threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public class SigilVerifyTwoThreads {

    @Param({"RS256", "PS256", "ES256", "EdDSA", "HS256"})
    public String alg;

    @Param({"jca", "bouncycastle"})
    public String backend;

    @Param({"builtin"})
    public String codec;

    private String token;
    private JwtVerifier verifier;

    @Setup
    public void setUp() throws JwtVerificationException {
        TokenFixture fixture = TokenFixture.create(Alg.valueOf(alg));
        token = fixture.token;
        verifier = SigilSetup.verifier(fixture, backend, codec);
    }

    @Benchmark
    public VerifiedJwt verify() throws JwtVerificationException {
        return verifier.verify(token);
    }
}
