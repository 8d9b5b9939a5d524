package dev.sigil.benchmarks;

import dev.sigil.spi.CryptoBackend;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The ML-DSA rows (issue 15): {@link SigilVerify} (built-in codec) and {@link Floor} for ML-DSA-44,
 * 65 and 87, on each backend that offers ML-DSA on the running JDK, and a line naming each backend
 * it skips. backend-jca offers it from JDK 24 (the JDK's own ML-DSA), backend-bouncycastle on every
 * JDK. JMH itself cannot skip a parameter combination, so the rows are chosen here, before the run.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.sigil.benchmarks.MlDsaRows -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc}</pre>
 *
 * Any JMH option may follow; the benchmarks and their parameters are this class's.
 */
public final class MlDsaRows {

    static final String[] ALGS = {"ML-DSA-44", "ML-DSA-65", "ML-DSA-87"};

    private MlDsaRows() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = options(new OptionsBuilder().parent(new CommandLineOptions(args)), offering());
        if (options == null) {
            return;
        }
        new Runner(options).run();
    }

    /**
     * The rows' options over {@code builder} (which carries the caller's settings) for
     * {@code backends}, or {@code null} if there is none.
     */
    static Options options(ChainedOptionsBuilder builder, List<String> backends) {
        if (backends.isEmpty()) {
            return null;
        }
        return builder
                .include("dev\\.sigil\\.benchmarks\\.(SigilVerify|Floor)\\.")
                .param("alg", ALGS)
                .param("backend", backends.toArray(new String[0]))
                .param("codec", "builtin")
                .build();
    }

    /** The backends whose ML-DSA the running JDK has; each one left out is named on standard output. */
    static List<String> offering() {
        List<String> offering = new ArrayList<>();
        for (String name : new String[] {"bouncycastle", "jca"}) {
            CryptoBackend backend = SigilSetup.backend(name);
            if (backend.algorithms().containsAll(List.of(Alg.ML_DSA_44.jws(), Alg.ML_DSA_65.jws(), Alg.ML_DSA_87.jws()))) {
                offering.add(name);
            } else {
                System.out.println("ML-DSA rows on " + name + ": skipped, the backend does not offer ML-DSA on JDK "
                        + Runtime.version().feature() + (name.equals("jca") ? " (the JDK's own ML-DSA needs JDK 24 or later)" : ""));
            }
        }
        return offering;
    }
}
