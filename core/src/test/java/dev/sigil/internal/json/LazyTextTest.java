package dev.sigil.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.spi.JsonLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The reader keeps plain ASCII string values as {@link AsciiText} until asked for: every way out of
 * its containers must hand out a String, and {@link AsciiText} must compare such text exactly as the
 * String it stands for.
 */
class LazyTextTest {

    private static final String DOCUMENT = "{\"iss\":\"https://issuer.example/\",\"aud\":[\"api\",\"https://other\"],"
            + "\"esc\":\"a\\/b\",\"utf\":\"caf\u00e9\",\"n\":7,\"inner\":{\"s\":\"deep\",\"list\":[\"x\",[\"y\"]]}}";

    private static Object parse(String json) throws Exception {
        return new BuiltinJsonCodec().parse(json.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object() throws Exception {
        return (Map<String, Object>) parse(DOCUMENT);
    }

    @Test
    void plainAsciiValuesAreHeldUnmadeAndOthersAsStrings() throws Exception {
        Map<String, Object> members = object();
        assertInstanceOf(AsciiText.class, AsciiText.peek(members, "iss"));
        // Escaped or non-ASCII text is decoded at once, as before.
        assertInstanceOf(String.class, AsciiText.peek(members, "esc"));
        assertInstanceOf(String.class, AsciiText.peek(members, "utf"));
        assertInstanceOf(AsciiText.class, AsciiText.peek((List<?>) members.get("aud"), 0));
    }

    @Test
    void everyWayOutOfAnObjectHandsOutStrings() throws Exception {
        assertEquals("https://issuer.example/", object().get("iss"));
        assertEquals("a/b", object().get("esc"));
        assertEquals("caf\u00e9", object().get("utf"));
        for (Map.Entry<String, Object> member : object().entrySet()) {
            assertNoText(member.getValue());
        }
        for (Object value : object().values()) {
            assertNoText(value);
        }
        object().forEach((name, value) -> assertNoText(value));
        assertNoText(new LinkedHashMap<>(object()));
        assertNoText(Map.copyOf(object()));
    }

    @Test
    void everyWayOutOfAnArrayHandsOutStrings() throws Exception {
        List<?> aud = (List<?>) object().get("aud");
        assertEquals("api", aud.get(0));
        for (Object element : aud) {
            assertNoText(element);
        }
        for (Object element : aud.toArray()) {
            assertNoText(element);
        }
        assertNoText(List.copyOf((List<?>) object().get("aud")));
        assertNoText(new ArrayList<>((List<?>) object().get("aud")));
        assertNoText(((List<?>) object().get("aud")).subList(0, 2));
    }

    @Test
    void containersEqualTheSameDocumentMadeOfStrings() throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("iss", "https://issuer.example/");
        expected.put("aud", List.of("api", "https://other"));
        expected.put("esc", "a/b");
        expected.put("utf", "caf\u00e9");
        expected.put("n", 7L);
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("s", "deep");
        inner.put("list", List.of("x", List.of("y")));
        expected.put("inner", inner);
        assertEquals(expected, object());
        assertEquals(object(), expected);
        assertEquals(expected.hashCode(), object().hashCode());
        assertEquals(expected.toString(), object().toString());
        assertTrue(object().containsValue("https://issuer.example/"));
    }

    @Test
    void aDocumentThatIsOneStringIsAString() throws Exception {
        assertEquals("plain", parse("\"plain\""));
        assertInstanceOf(String.class, parse("  \"plain\"  "));
    }

    @Test
    void textComparesExactlyAsItsString() throws Exception {
        Map<String, Object> members = object();
        Object iss = AsciiText.peek(members, "iss");
        assertTrue(AsciiText.isString(iss));
        assertTrue(AsciiText.textEquals(iss, "https://issuer.example/"));
        assertFalse(AsciiText.textEquals(iss, "https://issuer.example"));
        assertFalse(AsciiText.textEquals(iss, "https://issuer.example//"));
        assertFalse(AsciiText.textEquals(iss, "https://issuer.examplE/"));
        assertFalse(AsciiText.textEquals(iss, ""));
        // A non-ASCII expected value never equals ASCII bytes, even one whose low byte would.
        assertFalse(AsciiText.textEquals(AsciiText.peek(members, "aud") instanceof List<?> l ? AsciiText.peek(l, 0) : null,
                "\u0161pi"));
        assertTrue(AsciiText.textEquals(AsciiText.peek(members, "esc"), "a/b"));
        assertFalse(AsciiText.isString(AsciiText.peek(members, "n")));
        assertFalse(AsciiText.isString(null));
        assertFalse(AsciiText.textEquals(null, "x"));
    }

    @Test
    void peekReadsAnyCodecsContainers() {
        Map<String, Object> plain = Map.of("iss", "a");
        assertEquals("a", AsciiText.peek(plain, "iss"));
        assertEquals("b", AsciiText.peek(List.of("b"), 0));
    }

    @Test
    void threadsAskingAtOnceAllGetTheSameText() throws Exception {
        for (int round = 0; round < 50; round++) {
            Map<String, Object> members = object();
            List<?> aud = (List<?>) members.get("aud");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> answers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return members.get("iss") + " " + aud.get(1);
                    }));
                }
                start.countDown();
                for (Future<String> answer : answers) {
                    assertEquals("https://issuer.example/ https://other", answer.get());
                }
            } finally {
                pool.shutdownNow();
            }
            // Once made, the String is kept: later readers get that one.
            assertSame(members.get("iss"), members.get("iss"));
        }
    }

    private static void assertNoText(Object value) {
        assertFalse(value instanceof AsciiText, () -> "unmade text escaped: " + value);
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, member) -> assertNoText(member));
            for (Object member : map.values()) {
                assertNoText(member);
            }
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                assertNoText(element);
            }
        }
    }
}
