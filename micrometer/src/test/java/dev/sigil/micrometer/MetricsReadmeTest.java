package dev.sigil.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwtVerifier;
import dev.sigil.testkit.FakeIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Metrics" snippet as written there, against an issuer on loopback. Between the marker
 * comments the code is the README's, line for line; {@link #theSnippetIsTheReadmes()} checks that.
 */
class MetricsReadmeTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String BEGIN = "            // --- from README.md, \"Metrics\" ---";
    private static final String END = "            // --- end of the README snippet ---";

    @Test
    void bindingWithoutSpring() throws Exception {
        TestSigner key = TestSigner.rsa("key-1");
        try (FakeIssuer fake = FakeIssuer.start()) {
            fake.publishKeys(key.jwks());
            String issuer = fake.issuer();
            MeterRegistry registry = new SimpleMeterRegistry();

            // --- from README.md, "Metrics" ---
            SigilMetrics metrics = new SigilMetrics();
            JwtVerifier verifier = JwtVerifier.builder()
                .issuer(issuer)
                .audience("https://api.example.com")
                .verificationListener(metrics.verificationListener())  // sigil.jwt.verifications, .duration
                .listener(metrics.jwksListener(issuer))                 // sigil.jwks.fetches
                .build();
            metrics.monitor(issuer, verifier);                          // sigil.jwks.keys, .stale.age, .refreshes.forced
            metrics.bindTo(registry);
            // --- end of the README snippet ---

            try (verifier) {
                verifier.verify(key.mint(issuer, Instant.now()));
                assertEquals(1, registry.get(SigilMetrics.VERIFICATIONS).tags("result", "verified", "issuer", issuer)
                        .counter().count());
                assertEquals(1, registry.get(SigilMetrics.KEYS).gauge().value());
                assertEquals(2, registry.get(SigilMetrics.FETCHES).tags("outcome", "success").counter().count());
            }
        }
    }

    @Test
    void theSnippetIsTheReadmes() throws IOException {
        List<String> test = Files.readAllLines(Path.of("src", "test", "java", "dev", "sigil", "micrometer",
                "MetricsReadmeTest.java"));
        List<String> snippet = test.subList(test.indexOf(BEGIN) + 1, test.indexOf(END)).stream()
                .map(line -> line.substring(Math.min(12, line.length())))
                .toList();
        String readme = Files.readString(README);
        assertTrue(readme.contains("```java\n" + String.join("\n", snippet) + "\n```"),
                "the README's Metrics snippet differs from this test's:\n" + String.join("\n", snippet));
    }
}
