package dev.sigil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every {@link VirtualThreadVerify} row once and briefly, as {@code BenchmarksSmokeTest} does
 * for the rows every JDK builds (which leaves this class out): each setup proves its floor accepts
 * the token, and the teardown fails the run if any task was refused. No timing is asserted.
 */
@Tag("virtual-threads")
class VirtualThreadVerifySmokeTest {

    @Test
    void everyVirtualThreadRowRunsWithoutError() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(VirtualThreadVerify.class.getName().replace(".", "\\.") + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .timeout(TimeValue.seconds(60))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Set<String> ran = new TreeSet<>();
        for (RunResult result : new Runner(options).run()) {
            assertTrue(result.getPrimaryResult().getSampleCount() > 0, "no sample from " + result.getParams());
            ran.add(String.join(" ", result.getParams().getParam("alg"), result.getParams().getParam("backend"),
                    result.getParams().getParam("threads"), result.getParams().getParam("subject")));
        }
        // 5 algorithms x 2 backends x platform/virtual x sigil/floor.
        assertEquals(40, ran.size(), ran::toString);
    }
}
