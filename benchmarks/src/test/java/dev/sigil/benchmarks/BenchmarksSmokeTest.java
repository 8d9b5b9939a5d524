package dev.sigil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark, every parameter combination, once and briefly inside {@code mvn verify}, so
 * that none of them rots: each setup proves its implementation accepts its token, and JMH fails the
 * run if any benchmark throws. It asserts nothing about timing; the numbers it prints mean nothing.
 * The ML-DSA rows run the same way on the backends that offer ML-DSA on this JDK ({@link MlDsaRows});
 * tagged {@code mldsa}, that case runs again on JDK 25 in {@code .ci/run}.
 */
class BenchmarksSmokeTest {

    private static final Class<?>[] BENCHMARKS = {
        SigilVerify.class, SigilVerifyTwoThreads.class, Floor.class, FloorTwoThreads.class, ColdStart.class,
        NimbusVerify.class, Jose4jVerify.class, JavaJwtVerify.class, JjwtVerify.class,
        TokenCacheHit.class, TokenCacheMiss.class, MultiIssuerVerify.class, VerificationListenerCost.class,
        HmacCostBreakdown.class,
    };

    /** Once and briefly, in this JVM: no fork start-up per combination, which keeps the run to seconds. */
    private static ChainedOptionsBuilder brief() {
        return new OptionsBuilder()
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .timeout(TimeValue.seconds(60))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
    }

    @Test
    void everyBenchmarkRunsWithoutError() throws RunnerException {
        // VirtualThreadVerify exists only in builds on JDK 21+ and has its own smoke test there.
        Options options = brief().include("dev\\.sigil\\.benchmarks\\..*").exclude("\\.VirtualThreadVerify\\.").build();
        Collection<RunResult> results = new Runner(options).run();

        Set<String> expected = new TreeSet<>();
        for (Class<?> type : BENCHMARKS) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Benchmark.class)) {
                    expected.add(type.getName() + "." + method.getName());
                }
            }
        }
        Set<String> ran = new TreeSet<>();
        for (RunResult result : results) {
            ran.add(result.getParams().getBenchmark());
            assertTrue(result.getPrimaryResult().getSampleCount() > 0,
                    "no sample from " + result.getParams().getBenchmark() + " " + result.getParams());
        }
        assertEquals(expected, ran, "every benchmark method ran");
        // 20 Sigil (5 algs x 2 backends x 2 codecs) + 10 two-thread (5 algs x 2 backends) + 10 floor + 2 cold start + 5 Nimbus
        // + 5 jose4j + 4 java-jwt + 5 jjwt; issue 16: 8 cache hit (4 algs x 2 backends) + 16 cache miss
        // (the same, cache off and on) + 4 multi-issuer (2 algs x 2 backends); issue 17: 4 listener cost
        // (full and cache hit, without and with a listener); issue 18: 10 two-thread floor and 5 parts of
        // HS256's cost.
        assertEquals(108, results.size(), "every parameter combination ran");
    }

    @Test
    @Tag("mldsa")
    void theMlDsaRowsRunOnEveryBackendThatOffersMlDsaHere() throws RunnerException {
        List<String> backends = MlDsaRows.offering();
        // The JDK's own ML-DSA arrived in JDK 24; backend-jca must offer it from there on.
        assertEquals(Runtime.version().feature() >= 24, backends.contains("jca"), backends::toString);
        Options options = MlDsaRows.options(brief(), backends);
        assumeTrue(options != null, "no backend offers ML-DSA on JDK " + Runtime.version().feature());
        Set<String> ran = new TreeSet<>();
        for (RunResult result : new Runner(options).run()) {
            assertTrue(result.getPrimaryResult().getSampleCount() > 0, "no sample from " + result.getParams());
            ran.add(result.getParams().getBenchmark().replaceAll(".*\\.(\\w+)\\.verify", "$1") + " "
                    + result.getParams().getParam("alg") + " " + result.getParams().getParam("backend"));
        }
        Set<String> expected = new TreeSet<>();
        for (String backend : backends) {
            for (String alg : MlDsaRows.ALGS) {
                expected.add("SigilVerify " + alg + " " + backend);
                expected.add("Floor " + alg + " " + backend);
            }
        }
        assertEquals(expected, ran);
    }

    @Test
    @Tag("mldsa")
    void theMlDsaPairsGiveARatioForEveryRow() throws RunnerException {
        List<String> backends = MlDsaRows.offering();
        assumeTrue(!backends.isEmpty(), "no backend offers ML-DSA on JDK " + Runtime.version().feature());
        List<String> rows = MlDsaPairs.rows(BenchmarksSmokeTest::brief, 1);
        assertEquals(backends.size() * MlDsaRows.ALGS.length, rows.size(), rows::toString);
        for (String row : rows) {
            // "| ML-DSA-44 | jca | 25 | floor | Sigil | ratio | range | best / best |": ratios above zero.
            String[] cells = row.split("\\|");
            assertTrue(Double.parseDouble(cells[6].trim()) > 0, row);
            assertTrue(Double.parseDouble(cells[8].trim()) > 0, row);
        }
    }
}
