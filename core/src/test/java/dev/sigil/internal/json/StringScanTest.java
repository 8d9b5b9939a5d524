package dev.sigil.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reader scans plain string text eight bytes at a time and finds common member names by hash:
 * every byte that ends the plain run (quote, backslash, control byte, non-ASCII byte) at every
 * offset within and across words, at every string length around a word, must be read exactly as a
 * byte at a time would, and every name that merely resembles a common one must stay an ordinary name.
 */
class StringScanTest {

    private static Object parse(byte[] json) throws JsonParseException {
        return JsonReader.read(json, 0, json.length, JsonLimits.DEFAULT);
    }

    private static byte[] document(byte[] prefix, byte[] text, byte[] suffix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        out.writeBytes(text);
        out.writeBytes(suffix);
        return out.toByteArray();
    }

    private static byte[] plain(int length) {
        byte[] text = new byte[length];
        for (int i = 0; i < length; i++) {
            // Every printable ASCII byte, the neighbours of '"' (0x22) and '\' (0x5C) included.
            text[i] = (byte) (0x20 + (i * 7) % 0x60);
            if (text[i] == '"' || text[i] == '\\') {
                text[i] = 0x7F;
            }
        }
        return text;
    }

    /** Each way a plain run can end, spliced at every offset of strings of 0 to 40 bytes, as a value and as a name. */
    @Test
    void everyStopByteAtEveryOffsetReadsAsItsMeaning() throws JsonParseException {
        byte[][] stops = {
            {'\\', 'n'}, {'\\', '"'}, {'\\', '\\'}, {'\\', 'u', '0', '0', '4', '1'},
            "é".getBytes(StandardCharsets.UTF_8), "€".getBytes(StandardCharsets.UTF_8),
            "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
        };
        String[] meanings = {"\n", "\"", "\\", "A", "é", "€", "\uD83D\uDE00"};
        for (int length = 0; length <= 40; length++) {
            byte[] text = plain(length);
            String plainText = new String(text, StandardCharsets.ISO_8859_1);
            assertEquals(plainText, ((List<?>) parse(document("[\"".getBytes(), text, "\"]".getBytes()))).get(0));
            // Leading bytes shift the text against the reader's eight-byte words.
            for (int shift = 0; shift < 8; shift++) {
                byte[] lead = ("[" + " ".repeat(shift) + "\"").getBytes(StandardCharsets.US_ASCII);
                for (int at = 0; at <= length; at++) {
                    for (int s = 0; s < stops.length; s++) {
                        byte[] spliced = splice(text, at, stops[s]);
                        String expected = plainText.substring(0, at) + meanings[s] + plainText.substring(at);
                        assertEquals(expected, ((List<?>) parse(document(lead, spliced, "\"]".getBytes()))).get(0),
                                () -> "value, stop at " + new String(spliced, StandardCharsets.ISO_8859_1));
                        Map<?, ?> object = (Map<?, ?>) parse(document("{\"".getBytes(), spliced, "\":1}".getBytes()));
                        assertEquals(Map.of(expected, 1L), object);
                    }
                }
            }
        }
    }

    @Test
    void everyRefusedByteAtEveryOffsetIsRefused() {
        int[] refused = {0x00, 0x01, 0x0A, 0x1F, 0x80, 0xBF, 0xC0, 0xF5, 0xFF};
        for (int length = 0; length <= 24; length++) {
            byte[] text = plain(length);
            for (int at = 0; at <= length; at++) {
                for (int b : refused) {
                    byte[] spliced = splice(text, at, new byte[] {(byte) b});
                    byte[] json = document("[\"".getBytes(), spliced, "\"]".getBytes());
                    String where = "byte " + Integer.toHexString(b) + " at " + at;
                    JsonParseException e = assertThrows(JsonParseException.class, () -> parse(json), where);
                    assertNull(e.getCause(), "refused by the reader, not by its safety net");
                }
            }
        }
    }

    @Test
    void anUnterminatedStringIsRefusedWhereverTheInputEnds() {
        for (int length = 0; length <= 24; length++) {
            byte[] json = document("[\"".getBytes(), plain(length), new byte[0]);
            assertThrows(JsonParseException.class, () -> parse(json));
        }
    }

    @Test
    void commonNamesAreTheirConstantsAndLookalikesAreNot() throws JsonParseException {
        for (String name : List.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "azp", "scope", "alg", "kid", "typ",
                "kty", "use", "crv", "x", "y", "n", "e", "k")) {
            // Short documents end within a word of the name (read a byte at a time), padded ones do not.
            for (String json : List.of("{\"" + name + "\":1}", "{\"" + name + "\"         :1}",
                    "{\"" + name + "\":1,\"other member\":2}", "{\"" + name + "\":\"" + name + "\"}")) {
                Map<?, ?> object = (Map<?, ?>) parse(json.getBytes(StandardCharsets.US_ASCII));
                // The literal is the interned constant the reader hands out.
                assertSame(name, object.keySet().iterator().next(), json);
            }
        }
        for (String lookalike : List.of("is", "isss", "Iss", "iss ", " iss", "scopes", "scop", "xx", "", "ky", "kidd",
                "audience", "issuer", "exp1", "\u00e9")) {
            Map<?, ?> object = (Map<?, ?>) parse(("{\"" + lookalike + "\":1}").getBytes(StandardCharsets.UTF_8));
            assertEquals(Map.of(lookalike, 1L), object);
        }
        // An escaped spelling of a common name is still that name, and collides with it.
        Map<?, ?> escaped = (Map<?, ?>) parse("{\"\\u0069ss\":1}".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Map.of("iss", 1L), escaped);
        assertThrows(JsonParseException.class, () -> parse("{\"iss\":1,\"\\u0069ss\":2}".getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] splice(byte[] text, int at, byte[] inserted) {
        byte[] out = new byte[text.length + inserted.length];
        System.arraycopy(text, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(text, at, out, at + inserted.length, text.length - at);
        return out;
    }
}
