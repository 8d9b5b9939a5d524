package dev.sigil.benchmarks;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 20: the same token verified by {@value #TASKS} tasks per invocation, each task one
 * verification, as a server runs one request per task: {@code platform}, on a fixed pool of one
 * platform thread per processor; {@code virtual}, each task on a new virtual thread
 * ({@code newVirtualThreadPerTaskExecutor}). JMH reports verifications per second, all threads.
 *
 * <p>{@code sigil}: one shared {@link JwtVerifier} with static keys, as {@link SigilVerify}
 * (built-in codec). {@code floor}: {@link Floor}'s raw primitive of the backend in the same
 * harness, with one primitive made and initialised in setup for each of the {@value #TASKS} task
 * positions, so a floor task never builds or shares an engine: what is left is the crypto and what
 * a task on that kind of thread costs by itself. The virtual/platform ratio of the floor is the
 * harness's own; Sigil's target is 0.9, or within 0.05 of that.
 *
 * <p>Java 21 API: compiled only on JDK 21+ (the benchmarks module's {@code jdk21} profile).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VirtualThreadVerify {

    static final int TASKS = 256;

    @Param({"RS256", "PS256", "ES256", "EdDSA", "HS256"})
    public String alg;

    @Param({"jca", "bouncycastle"})
    public String backend;

    @Param({"platform", "virtual"})
    public String threads;

    @Param({"sigil", "floor"})
    public String subject;

    private ExecutorService executor;
    private Runnable[] tasks;
    private final AtomicInteger failures = new AtomicInteger();

    @Setup
    public void setUp() throws JwtVerificationException, GeneralSecurityException {
        TokenFixture fixture = TokenFixture.create(Alg.of(alg));
        tasks = new Runnable[TASKS];
        if (subject.equals("sigil")) {
            JwtVerifier verifier = SigilSetup.verifier(fixture, backend, "builtin");
            String token = fixture.token;
            Runnable task = () -> {
                try {
                    verifier.verify(token);
                } catch (JwtVerificationException e) {
                    failures.incrementAndGet();
                }
            };
            Arrays.fill(tasks, task);
        } else {
            for (int i = 0; i < TASKS; i++) {
                Floor.Primitive primitive = Floor.primitive(fixture, backend);
                Check.accepted(primitive.verify(), "floor " + backend + " " + alg + ", task " + i);
                tasks[i] = () -> {
                    try {
                        if (!primitive.verify()) {
                            failures.incrementAndGet();
                        }
                    } catch (GeneralSecurityException e) {
                        failures.incrementAndGet();
                    }
                };
            }
        }
        executor = threads.equals("virtual")
                ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void verify() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(TASKS);
        for (Runnable task : tasks) {
            executor.execute(() -> {
                task.run();
                done.countDown();
            });
        }
        done.await();
    }

    @TearDown
    public void tearDown() {
        executor.shutdownNow();
        // A row that counted refusals as verifications would report a fast failure.
        Check.accepted(failures.get() == 0, backend + " " + alg + " " + subject + " on " + threads + " threads ("
                + failures.get() + " refused)");
    }
}
