package dev.sigil.json.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the testkit cannot see from outside: how this codec sets Jackson up. */
class JacksonJsonCodecTest {

    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    @Test
    void keepsOneParserFactoryPerLimitsAndNoMoreThanItsBound() {
        ParserFactories factories = new ParserFactories();
        JsonFactory first = factories.forLimits(JsonLimits.DEFAULT);
        assertSame(first, factories.forLimits(new JsonLimits(1 << 20, 32, 1 << 18)));
        for (int depth = 1; depth <= ParserFactories.MAX_KEPT + 5; depth++) {
            factories.forLimits(new JsonLimits(1024, depth, 64));
        }
        JsonLimits late = new JsonLimits(2048, 7, 64);
        assertNotSame(factories.forLimits(late), factories.forLimits(late));
        assertSame(first, factories.forLimits(JsonLimits.DEFAULT));
    }

    @Test
    void turnsOffEveryJacksonLeniencyThatWouldChangeADecision() {
        JsonFactory factory = ParserFactories.build(JsonLimits.DEFAULT);
        assertTrue(!factory.isEnabled(JsonFactory.Feature.CHARSET_DETECTION));
        assertTrue(!factory.isEnabled(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES));
        assertEquals(JsonLimits.DEFAULT.maxDepth(), factory.streamReadConstraints().getMaxNestingDepth());
        assertEquals(JsonLimits.DEFAULT.maxStringLength(), factory.streamReadConstraints().getMaxStringLength());
        assertEquals(1000, factory.streamReadConstraints().getMaxNumberLength());
    }

    @Test
    void theLimitsOfOneCallDoNotLeakIntoTheNext() throws JsonParseException {
        byte[] deep = "[[[[1]]]]".getBytes(StandardCharsets.US_ASCII);
        assertThrows(JsonParseException.class, () -> codec.parse(deep, new JsonLimits(64, 3, 64)));
        assertEquals(List.of(List.of(List.of(List.of(1L)))), codec.parse(deep, new JsonLimits(64, 4, 64)));
        assertThrows(JsonParseException.class, () -> codec.parse(deep, new JsonLimits(64, 3, 64)));
    }

    @Test
    void namesTheJacksonVersionItRunsWith() {
        assertTrue(codec.toString().startsWith("JacksonJsonCodec[jackson-core 2."), codec.toString());
    }

    @Test
    void ranksAboveTheBuiltInCodecWhichIsPublicForComparison() {
        BuiltinJsonCodec builtin = new BuiltinJsonCodec();
        assertEquals("builtin", builtin.name());
        assertTrue(codec.priority() > builtin.priority());
    }
}
