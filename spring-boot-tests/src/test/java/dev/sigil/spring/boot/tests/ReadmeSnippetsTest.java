package dev.sigil.spring.boot.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's snippets that come from test sources are those sources' code. In the README a snippet
 * is announced by {@code <!-- snippet: PATH "NAME" -->} on the line before its code fence; in the
 * source, the code lies between a line with {@code --- README: NAME ---} and the next line with
 * {@code --- end of the README snippet ---} (in a Java or a properties comment). The two must be equal
 * after removing the source's indentation and making the differences {@link #SOURCES} lists, which
 * are where the test must use its loopback issuer and the README shows a real one.
 */
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (\\S+) \"([^\"]+)\" -->\\n```[a-z]*\\n(.*?)```\\n", Pattern.DOTALL);
    private static final String END = "--- end of the README snippet ---";

    /** One snippet, and the replacements (test text, README text) that turn the test's code into the README's. */
    private record Source(String path, String name, List<Map.Entry<String, String>> differences) {
    }

    private static final String SPRING_SECURITY = "spring-security/src/test/java/dev/sigil/spring/security/ReadmeExampleTest.java";

    static final List<Source> SOURCES = List.of(
            new Source(SPRING_SECURITY, "servlet configuration", List.of(
                    Map.entry("static class ResourceServerConfiguration", "class ResourceServerConfiguration"),
                    Map.entry("jwtVerifier(@Value(\"${issuer}\") String issuer)", "jwtVerifier()"),
                    Map.entry(".issuer(issuer)                              // \"https://YOUR_TENANT.auth0.com/\"",
                            ".issuer(\"https://YOUR_TENANT.auth0.com/\")"))),
            new Source(SPRING_SECURITY, "WebFlux configuration", List.of(
                    Map.entry("jwtVerifier(@Value(\"${issuer}\") String issuer)", "jwtVerifier()"),
                    Map.entry(".trustedIssuer(issuer)                       // \"https://YOUR_TENANT.auth0.com/\"",
                            ".trustedIssuer(\"https://YOUR_TENANT.auth0.com/\")"))),
            new Source("spring-boot-tests/src/test/resources/servlet-app.properties", "servlet-app.properties", List.of(
                    Map.entry("${test.issuer.uri}", "https://YOUR_TENANT.auth0.com/"))),
            new Source("spring-boot-tests/src/test/resources/reactive-app.properties", "reactive-app.properties", List.of(
                    Map.entry("${test.issuer.uri}.well-known/jwks.json",
                            "https://login.microsoftonline.com/common/discovery/v2.0/keys"),
                    Map.entry("${test.issuer.uri}", "https://login.microsoftonline.com/"))),
            new Source("spring-boot-tests/src/test/java/dev/sigil/spring/boot/tests/filter/BearerTokenFilter.java",
                    "BearerTokenFilter", List.of()));

    @TestFactory
    Stream<DynamicTest> everySnippetIsTheTestSourcesCode() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        return SOURCES.stream().map(source -> DynamicTest.dynamicTest(source.path() + " \"" + source.name() + "\"", () -> {
            List<String> inReadme = new ArrayList<>();
            Matcher m = SNIPPET.matcher(readme);
            while (m.find()) {
                if (m.group(1).equals(source.path()) && m.group(2).equals(source.name())) {
                    inReadme.add(m.group(3));
                }
            }
            assertEquals(1, inReadme.size(), "README.md snippets marked with " + source.path() + " \"" + source.name() + "\"");
            String code = region(Files.readString(ROOT.resolve(source.path())), source.name());
            for (Map.Entry<String, String> difference : source.differences()) {
                assertTrue(code.contains(difference.getKey()), "a listed difference is no longer in the source: " + difference.getKey());
                code = code.replace(difference.getKey(), difference.getValue());
            }
            assertEquals(inReadme.get(0), code);
        }));
    }

    @Test
    void theReadmeMarksNoSnippetThisTestDoesNotCheck() throws IOException {
        Matcher m = SNIPPET.matcher(Files.readString(ROOT.resolve("README.md")));
        while (m.find()) {
            String path = m.group(1);
            String name = m.group(2);
            assertTrue(SOURCES.stream().anyMatch(s -> s.path().equals(path) && s.name().equals(name)),
                    "README.md marks a snippet that ReadmeSnippetsTest does not list: " + path + " \"" + name + "\"");
        }
    }

    /** The lines between the markers, without their common indentation, each ending with a line break. */
    private static String region(String source, String name) {
        List<String> lines = source.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("--- README: " + name + " ---")) {
                assertEquals(-1, start, "two regions named " + name);
                start = i;
            }
        }
        assertTrue(start >= 0, "no region named " + name);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).contains(END)) {
            end++;
        }
        assertTrue(end < lines.size(), "region " + name + " has no end marker");
        List<String> region = lines.subList(start + 1, end);
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder code = new StringBuilder();
        for (String line : region) {
            code.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return code.toString();
    }
}
