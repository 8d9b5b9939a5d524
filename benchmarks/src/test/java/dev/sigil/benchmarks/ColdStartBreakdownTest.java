package dev.sigil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's cold-start breakdown and its AppCDS recipe run: a fresh JVM reaches a verified token
 * and reports every phase, and a JVM started with the archive that one run made ({@code -Xshare:on},
 * so that an archive it cannot map fails the run) does too. No time is asserted.
 */
class ColdStartBreakdownTest {

    @TempDir
    Path temp;

    @Test
    void everyPhaseIsReportedWithAndWithoutAnAppCdsArchive() throws Exception {
        for (boolean appCds : new boolean[] {false, true}) {
            Map<String, Double> medians = ColdStartBreakdown.measure(1, "jca", appCds, jarsOnly(temp));
            assertEquals(List.of(ColdStartBreakdown.PHASES), List.copyOf(medians.keySet()));
            medians.forEach((phase, ms) -> assertTrue(ms >= 0, phase + ": " + ms));
            double parts = medians.entrySet().stream().filter(e -> !e.getKey().equals("first token"))
                    .mapToDouble(Map.Entry::getValue).sum();
            // The parts are the whole, up to the rounding of each to 0.01 ms.
            assertEquals(medians.get("first token"), parts, 0.1, medians::toString);
            assertTrue(medians.get("discovery") > 0 && medians.get("jwks") > 0, medians::toString);
        }
    }

    /**
     * No lambda or method reference of Sigil's runs on the way from {@code builder()} to the first
     * verified token, on either backend: in a fresh JVM each spins a class at its first use, about
     * half a millisecond apiece, and some forty of them once cost a cold start about 20 ms (issue 18).
     * The JDK's own lambdas (its HTTP stack, its providers) are not Sigil's to remove.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jca", "bouncycastle"})
    void theColdPathSpinsNoLambdaOfSigils(String backend) throws Exception {
        Path log = temp.resolve("classes-" + backend + ".log");
        ColdStartBreakdown.measure(1, backend, false, System.getProperty("java.class.path"),
                List.of("-Xlog:class+load=info:file=" + log));
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(line -> line.contains(" dev.sigil.jwt.VerifiedJwt ")),
                "the log covers the first verified token");
        List<String> spun = loaded.stream().filter(line -> line.contains(" dev.sigil.") && line.contains("$$Lambda"))
                .collect(Collectors.toList());
        assertEquals(List.of(), spun);
    }

    /**
     * This JVM's class path with each directory (this module's classes, in a Maven build) packed
     * into a jar: AppCDS refuses a class path with a non-empty directory, and an application's
     * class path is jars anyway.
     */
    private static String jarsOnly(Path temp) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path jar = temp.resolve("dir" + entries.size() + ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                    Stream<Path> files = Files.walk(path)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    out.putNextEntry(new JarEntry(path.relativize(file).toString().replace(File.separatorChar, '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            entries.add(jar.toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
