package dev.sigil.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid documents at random (fixed seed, so failures reproduce) and checks that the reader
 * only ever returns a value or throws a plain {@link JsonParseException}, and that whatever it
 * accepts survives a write and re-parse unchanged.
 */
class BuiltinJsonCodecRobustnessTest {

    private static final long SEED = 0x5161_1CL;
    private static final int MUTATIONS = 20_000;
    private static final Pattern MESSAGE =
            Pattern.compile("invalid JSON: [a-zA-Z0-9 ,'\":{}\\[\\]\\\\-]+ at byte offset \\d+");

    private static final List<String> SEEDS = List.of(
            "{\"alg\":\"RS256\",\"kid\":\"k-1\",\"typ\":\"JWT\"}",
            "{\"iss\":\"https://issuer.example\",\"sub\":\"1234567890\",\"aud\":[\"a\",\"b\"],\"exp\":1735689600,"
                    + "\"nbf\":1.5e9,\"admin\":true,\"x\":null,\"n\":-0.000012E-3,\"big\":123456789012345678901234}",
            "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\"},"
                    + "{\"kty\":\"RSA\",\"e\":\"AQAB\",\"use\":\"sig\",\"key_ops\":[]}]}",
            "[\"\\u00e9\\ud83d\\ude00\\n\\\"\\\\\\/\",\"\u00e9\u20ac\uD83D\uDE00\",{\"\":{}},[[[]]],-1,0,1e+2]",
            " { \"a\" : [ 1 , 2 ] , \"b\" : { \"c\" : \"d\" } } ");

    /** Fragments that steer mutations towards the parser's edge cases. */
    private static final List<byte[]> FRAGMENTS = List.of(
            b("["), b("]"), b("{"), b("}"), b("\""), b("\\"), b("\\u"), b("\\uD800"), b("\\uDC00"), b(":"), b(","),
            b("-"), b("."), b("e"), b("E+"), b("0"), b("1e99999999999"), b("99999999999999999999"), b("true"),
            b("nul"), b(" "), b("\t"), new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            new byte[] {0}, new byte[] {(byte) 0xFF});

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private final BuiltinJsonCodec codec = new BuiltinJsonCodec();

    @Test
    void survivesRandomMutationsOfValidDocumentsWithOnlyParseErrors() {
        Random random = new Random(SEED);
        JsonLimits limits = new JsonLimits(4096, 6, 64);
        int accepted = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] input = b(SEEDS.get(random.nextInt(SEEDS.size())));
            int rounds = 1 + random.nextInt(3);
            for (int r = 0; r < rounds; r++) {
                input = mutate(input, random);
            }
            int off = random.nextInt(4) == 0 && input.length > 0 ? random.nextInt(input.length) : 0;
            int len = input.length - off;
            Object value;
            try {
                value = codec.parse(input, off, len, limits);
            } catch (JsonParseException e) {
                assertNull(e.getCause(), () -> "internal failure, seed " + SEED + ": " + e.getCause());
                assertTrue(MESSAGE.matcher(e.getMessage()).matches(), e.getMessage());
                continue;
            }
            accepted++;
            byte[] written = codec.write(value, random.nextBoolean());
            try {
                assertEquals(value, codec.parse(written, new JsonLimits(1 << 16, 6, 1 << 16)));
            } catch (JsonParseException e) {
                throw new AssertionError("could not re-parse its own output", e);
            }
        }
        // The mutations must leave some documents valid, or the round-trip check proves nothing.
        assertTrue(accepted > MUTATIONS / 50, "only " + accepted + " mutants were accepted");
    }

    private static byte[] mutate(byte[] in, Random random) {
        int at = in.length == 0 ? 0 : random.nextInt(in.length);
        switch (random.nextInt(6)) {
            case 0: {
                if (in.length == 0) {
                    return in;
                }
                byte[] out = in.clone();
                out[at] = (byte) random.nextInt(256);
                return out;
            }
            case 1: {
                if (in.length == 0) {
                    return in;
                }
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 2:
                return Arrays.copyOf(in, at);
            case 3: {
                byte[] fragment = FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
                return splice(in, at, 0, fragment);
            }
            case 4: {
                int n = Math.min(in.length - at, 1 + random.nextInt(4));
                return splice(in, at, n, new byte[0]);
            }
            default: {
                int n = Math.min(in.length - at, random.nextInt(8));
                return splice(in, at, 0, Arrays.copyOfRange(in, at, at + n));
            }
        }
    }

    private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
        byte[] out = new byte[in.length - remove + insert.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
        return out;
    }
}
