package dev.sigil.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No {@code synchronized} in any module's main sources, outside {@link ArchitectureRules#MAY_SYNCHRONIZE}:
 * the half of the pinning rule (issue 20) that ArchUnit cannot check. ArchUnit sees a synchronized
 * method's modifier ({@link ArchitectureRules#noSynchronizedMethods}) but not a {@code synchronized}
 * block, which compiles to {@code monitorenter} instructions it does not model.
 *
 * <p>Limits, honestly: this reads source text with comments and string, character and text-block
 * literals blanked out, so it sees Sigil's own code only: not generated code, not the JDK, the
 * providers or any library a module calls (those only JFR's {@code jdk.VirtualThreadPinned} on a
 * JDK that pins can show), and not {@code Object.wait} or a lock held across a blocking call by
 * other means. It covers every module the root pom lists, published or not.
 */
class NoSynchronizedBlocksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern SYNCHRONIZED = Pattern.compile("\\bsynchronized\\b");

    @Test
    void noMainSourceSynchronizesOutsideTheAllowList() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        Matcher modules = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (modules.find()) {
            Path sources = ROOT.resolve(modules.group(1)).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            List<Path> javaFiles;
            try (Stream<Path> walk = Files.walk(sources)) {
                javaFiles = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            }
            for (Path file : javaFiles) {
                files++;
                String className = sources.relativize(file).toString()
                        .replace(".java", "").replace(file.getFileSystem().getSeparator(), ".");
                if (!ArchitectureRules.MAY_SYNCHRONIZE.contains(className)) {
                    found.addAll(occurrences(ROOT.relativize(file).toString(), Files.readString(file)));
                }
            }
        }
        int read = files;
        assertTrue(read > 100, () -> "read only " + read + " files: is the root pom still listing the modules?");
        assertEquals(List.of(), found, "synchronized pins a virtual thread that blocks inside it on JDK 21 to 23;"
                + " use java.util.concurrent locks, or no lock");
    }

    @Test
    void theScanFindsBlocksAndModifiersButNotCommentsOrLiterals() {
        String source = "class A {\n"
                + "  // synchronized (this) in a comment\n"
                + "  /* synchronized */ String s = \"synchronized (x)\"; char c = '\"';\n"
                + "  String t = \"\"\"\n    synchronized\n    \"\"\";\n"
                + "  void f() { synchronized (this) { } }\n"
                + "  synchronized void g() { }\n"
                + "  int notsynchronizedField;\n"
                + "}\n";
        assertEquals(List.of("A.java:7", "A.java:8"), occurrences("A.java", source));
    }

    /** "file:line" of each {@code synchronized} keyword in code, comments and literals skipped. */
    static List<String> occurrences(String name, String source) {
        String code = blankCommentsAndLiterals(source);
        List<String> found = new ArrayList<>();
        Matcher m = SYNCHRONIZED.matcher(code);
        while (m.find()) {
            int line = 1;
            for (int i = 0; i < m.start(); i++) {
                if (code.charAt(i) == '\n') {
                    line++;
                }
            }
            found.add(name + ":" + line);
        }
        return found;
    }

    /** The source with every comment and literal replaced by spaces, line breaks kept. */
    private static String blankCommentsAndLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end + 3;
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                char quote = s.charAt(i);
                end = i + 1;
                while (end < s.length() && s.charAt(end) != quote && s.charAt(end) != '\n') {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(s.length(), end + 1);
            } else {
                out.append(s.charAt(i++));
                continue;
            }
            for (int j = i; j < end; j++) {
                out.append(s.charAt(j) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }
}
