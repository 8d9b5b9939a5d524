package dev.sigil.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The ML-DSA rows measured in pairs (issue 15). Fork-to-fork spread on this kind of machine is as
 * large as the gap between Sigil and its floor, and {@link MlDsaRows} runs all of a row's forks
 * before the next row's, minutes apart. Here each pair is one fork of {@link Floor} and one fork of
 * {@link SigilVerify} (built-in codec) run back to back, the floor first in odd pairs and Sigil first
 * in even ones, so that drift in the machine's speed falls on both sides; the figure is the median
 * of the pairs' ratios, with their range. A fork on this kind of machine may also run a whole fork
 * 20-30 % slow, floor and Sigil alike, and noise only ever slows a fork down, so the last column
 * compares the fastest fork of each side.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.sigil.benchmarks.MlDsaPairs 5 -wi 3 -w 1s -i 5 -r 1s}</pre>
 *
 * The first argument is the number of pairs; any JMH option may follow (the fork count is always 1).
 * The same pairing serves the other algorithms, whose single forks on this kind of machine also
 * spread by more than the differences being measured: {@code -Dsigil.pairs.algs=RS256,HS256} pairs
 * those instead, on both backends (every algorithm but ML-DSA runs on both everywhere), and
 * {@code -Dsigil.pairs.backends=jca} keeps to the backends named.
 */
public final class MlDsaPairs {

    private MlDsaPairs() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        if (args.length == 0) {
            System.err.println("usage: MlDsaPairs PAIRS [JMH options]");
            return;
        }
        CommandLineOptions jmh = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
        System.out.println();
        System.out.println("| alg | backend | JDK | floor ops/s (median) | Sigil ops/s (median) | Sigil/floor (median of pairs) | range "
                + "| best Sigil fork / best floor fork |");
        System.out.println("|---|---|---:|---:|---:|---:|---|---:|");
        String algs = System.getProperty("sigil.pairs.algs");
        Supplier<ChainedOptionsBuilder> base = () -> new OptionsBuilder().parent(jmh).forks(1);
        int pairs = Integer.parseInt(args[0]);
        String only = System.getProperty("sigil.pairs.backends");
        List<String> backends = only != null ? List.of(only.split(","))
                : algs == null ? MlDsaRows.offering() : List.of("jca", "bouncycastle");
        rows(base, pairs, backends, algs == null ? MlDsaRows.ALGS : algs.split(",")).forEach(System.out::println);
    }

    /**
     * The table's rows, one per parameter set and backend that offers ML-DSA here, each from
     * {@code pairs} pairs run with the options {@code base} gives (one fork each, or none in tests).
     */
    static List<String> rows(Supplier<ChainedOptionsBuilder> base, int pairs) throws RunnerException {
        return rows(base, pairs, MlDsaRows.offering(), MlDsaRows.ALGS);
    }

    /** The rows for {@code algs} on {@code backends}, each from {@code pairs} pairs. */
    static List<String> rows(Supplier<ChainedOptionsBuilder> base, int pairs, List<String> backends, String[] algs)
            throws RunnerException {
        List<String> lines = new ArrayList<>();
        for (String backend : backends) {
            for (String alg : algs) {
                double[] floor = new double[pairs];
                double[] sigil = new double[pairs];
                double[] ratios = new double[pairs];
                for (int pair = 0; pair < pairs; pair++) {
                    boolean floorFirst = pair % 2 == 0;
                    double first = score(base.get(), floorFirst ? "Floor" : "SigilVerify", alg, backend);
                    double second = score(base.get(), floorFirst ? "SigilVerify" : "Floor", alg, backend);
                    floor[pair] = floorFirst ? first : second;
                    sigil[pair] = floorFirst ? second : first;
                    ratios[pair] = sigil[pair] / floor[pair];
                }
                lines.add(String.format(Locale.ROOT, "| %s | %s | %d | %,.0f | %,.0f | %.3f | %.3f-%.3f | %.3f |", alg, backend,
                        Runtime.version().feature(), median(floor), median(sigil), median(ratios), min(ratios), max(ratios),
                        max(sigil) / max(floor)));
            }
        }
        return lines;
    }

    /** One fork of {@code benchmark}'s {@code verify} for this row: its primary score, operations per second. */
    private static double score(ChainedOptionsBuilder options, String benchmark, String alg, String backend)
            throws RunnerException {
        options.include("dev\\.sigil\\.benchmarks\\." + benchmark + "\\.verify$")
                .param("alg", alg)
                .param("backend", backend)
                .verbosity(VerboseMode.SILENT);
        if (benchmark.equals("SigilVerify")) {
            options.param("codec", "builtin");
        }
        RunResult result = new Runner(options.build()).runSingle();
        return result.getPrimaryResult().getScore();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
