package dev.sigil.benchmarks;

import java.security.GeneralSecurityException;
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
 * {@link Floor} on two threads, each with a primitive of its own (Scope.Thread): nothing is shared,
 * so its total over {@link Floor}'s is what two threads can gain on this machine at all. Issue 18
 * asks {@link SigilVerifyTwoThreads} for 1.9 times {@link SigilVerify}; read that ratio beside this
 * one, measured in the same run, because a virtualised 2-core machine may not give two threads
 * twice the work whatever they run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
public class FloorTwoThreads {

    @Param({"RS256", "PS256", "ES256", "EdDSA", "HS256"})
    public String alg;

    @Param({"jca", "bouncycastle"})
    public String backend;

    private Floor.Primitive primitive;

    @Setup
    public void setUp() throws GeneralSecurityException {
        primitive = Floor.primitive(TokenFixture.create(Alg.of(alg)), backend);
        Check.accepted(primitive.verify(), "two-thread floor " + backend + " " + alg);
    }

    @Benchmark
    public boolean verify() throws GeneralSecurityException {
        return primitive.verify();
    }
}
