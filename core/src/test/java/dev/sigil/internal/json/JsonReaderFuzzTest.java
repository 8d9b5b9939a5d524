package dev.sigil.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of the built-in JSON reader through the public {@link BuiltinJsonCodec}.
 * In {@code mvn verify} the committed inputs under {@code JsonReaderFuzzTestInputs/} are replayed;
 * {@code JAZZER_FUZZ=1} fuzzes for real (see the README's "Fuzzing" section).
 *
 * <p>Input layout (what {@link FuzzedDataProvider} makes of it): the last byte chooses
 * {@code maxDepth} (1 + b % 40), the one before it {@code maxStringLength} (1 + b % 256), the two
 * before those {@code maxBytes} (1 + (hi &lt;&lt; 8 | lo) % 4096, hi last); everything before is the
 * document. Small limits on purpose: they make the fuzzer hit every bound, where off-by-one errors live.
 */
@Tag("fuzz")
class JsonReaderFuzzTest {

    private static final JsonCodec CODEC = new BuiltinJsonCodec();
    /** Larger than every fuzzed limit, so anything accepted under those is accepted here too. */
    private static final JsonLimits ROOMY = new JsonLimits(1 << 20, 64, 1 << 18);
    /** Messages are a problem and an offset; anything longer would be echoing the input. */
    private static final int LONGEST_MESSAGE = 200;

    @FuzzTest
    void parsingYieldsAValueWithinTheLimitsOrJsonParseException(FuzzedDataProvider data) {
        int maxDepth = data.consumeInt(1, 40);
        int maxStringLength = data.consumeInt(1, 256);
        int maxBytes = data.consumeInt(1, 4096);
        byte[] document = data.consumeRemainingAsBytes();
        JsonLimits limits = new JsonLimits(maxBytes, maxDepth, maxStringLength);

        Object value;
        try {
            value = CODEC.parse(document, limits);
        } catch (JsonParseException e) {
            checkRefusal(e);
            return;
        }
        Shape shape = shapeOf(value);
        assertTrue(document.length <= maxBytes, "accepted more bytes than maxBytes");
        assertTrue(shape.depth <= maxDepth, () -> "accepted depth " + shape.depth + " beyond maxDepth " + maxDepth);
        assertTrue(shape.longestString <= maxStringLength,
                () -> "accepted a string of " + shape.longestString + " chars beyond maxStringLength " + maxStringLength);

        // Limits only ever refuse; they never change what is read.
        assertEquals(value, parse(document, ROOMY), "roomier limits read another value");
        // The limits are exact, not merely upper bounds give or take one.
        if (shape.depth >= 2) {
            refused(document, new JsonLimits(maxBytes, shape.depth - 1, maxStringLength));
        }
        if (shape.longestString >= 2) {
            refused(document, new JsonLimits(maxBytes, maxDepth, shape.longestString - 1));
        }
        if (document.length >= 2) {
            refused(document, new JsonLimits(document.length - 1, maxDepth, maxStringLength));
        }

        // What the codec writes it reads back as an equal value, compact or indented.
        for (boolean indent : new boolean[] {false, true}) {
            byte[] written = CODEC.write(value, indent);
            assertEquals(value, parse(written, ROOMY), () -> "write/parse round trip changed the value (indent " + indent + ")");
        }
    }

    private static Object parse(byte[] document, JsonLimits limits) {
        try {
            return CODEC.parse(document, limits);
        } catch (JsonParseException e) {
            throw new AssertionError("refused under " + limits + ": " + e.getMessage(), e);
        }
    }

    private static void refused(byte[] document, JsonLimits limits) {
        try {
            CODEC.parse(document, limits);
        } catch (JsonParseException e) {
            checkRefusal(e);
            return;
        }
        fail("accepted under " + limits + ", tighter than the value needs");
    }

    private static void checkRefusal(JsonParseException e) {
        // The reader turns a stray RuntimeException into a JsonParseException as a last line of
        // defence; a cause therefore means the parser itself failed, which is a bug to fix.
        assertNull(e.getCause(), () -> "the parser failed internally: " + e.getCause());
        assertTrue(e.getMessage() != null && e.getMessage().length() <= LONGEST_MESSAGE,
                () -> "the message must be short and never hold the input: " + e.getMessage());
    }

    /** How deep a value nests (a scalar is 0, {@code {}} is 1) and its longest string or member name. */
    private record Shape(int depth, int longestString) {
    }

    private static Shape shapeOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            int depth = 0;
            int longest = 0;
            for (Map.Entry<?, ?> member : map.entrySet()) {
                longest = Math.max(longest, ((String) member.getKey()).length());
                Shape inner = shapeOf(member.getValue());
                depth = Math.max(depth, inner.depth);
                longest = Math.max(longest, inner.longestString);
            }
            return new Shape(depth + 1, longest);
        }
        if (value instanceof List<?> list) {
            int depth = 0;
            int longest = 0;
            for (Object element : list) {
                Shape inner = shapeOf(element);
                depth = Math.max(depth, inner.depth);
                longest = Math.max(longest, inner.longestString);
            }
            return new Shape(depth + 1, longest);
        }
        if (value instanceof String s) {
            return new Shape(0, s.length());
        }
        if (value == null || value instanceof Boolean || value instanceof Long || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return new Shape(0, 0);
        }
        throw new AssertionError("the codec returned a type outside its contract: " + value.getClass().getName());
    }
}
