package dev.sigil.http.jdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.spi.ResponseTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class GzipDecoderTest {

    private static final byte[] TEXT = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\"}]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void decodesABodyDeliveredInOneBuffer() throws IOException {
        assertArrayEquals(TEXT, decode(gzip(TEXT), Integer.MAX_VALUE));
    }

    @Test
    void decodesABodyDeliveredOneByteAtATime() throws IOException {
        assertArrayEquals(TEXT, decode(gzip(TEXT), 1));
    }

    @Test
    void decodesConcatenatedMembersInTurn() throws IOException {
        byte[] twice = concat(gzip(TEXT), gzip(TEXT));

        assertArrayEquals(concat(TEXT, TEXT), decode(twice, 7));
    }

    @Test
    void skipsOptionalHeaderFieldsExtraNameCommentAndHeaderCrc() throws IOException {
        byte[] plain = gzip(TEXT);
        ByteArrayOutputStream withFields = new ByteArrayOutputStream();
        withFields.write(plain, 0, 3);
        withFields.write(4 | 8 | 16 | 2); // FEXTRA, FNAME, FCOMMENT, FHCRC
        withFields.write(plain, 4, 6);
        withFields.write(new byte[] {3, 0, 'a', 'b', 'c'}, 0, 5);
        withFields.write("keys.json\0".getBytes(StandardCharsets.US_ASCII), 0, 10);
        withFields.write("a comment\0".getBytes(StandardCharsets.US_ASCII), 0, 10);
        withFields.write(new byte[] {0x12, 0x34}, 0, 2); // not checked, as GZIPInputStream does not either
        withFields.write(plain, 10, plain.length - 10);

        assertArrayEquals(TEXT, decode(withFields.toByteArray(), 3));
    }

    @Test
    void emptyBodyIsAnEmptyResult() throws IOException {
        assertArrayEquals(new byte[0], decode(new byte[0], 1));
    }

    @Test
    void truncatedBodyFailsAtTheEnd() {
        byte[] body = gzip(TEXT);

        assertThrows(EOFException.class, () -> decode(Arrays.copyOf(body, body.length - 3), 5));
        assertThrows(EOFException.class, () -> decode(Arrays.copyOf(body, 6), 5));
    }

    @Test
    void trailerMismatchFails() {
        byte[] body = gzip(TEXT);
        body[body.length - 8] ^= 1;

        assertThrows(ZipException.class, () -> decode(body, 5));
    }

    @Test
    void bytesAfterTheLastMemberThatAreNoMemberFail() {
        byte[] body = concat(gzip(TEXT), new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0});

        assertThrows(ZipException.class, () -> decode(body, 5));
    }

    @Test
    void notGzipFails() {
        assertThrows(ZipException.class, () -> decode(TEXT, 100));
    }

    @Test
    void capStopsDecodingOfABomb() {
        byte[] bomb = gzip(new byte[4 * 1024 * 1024]);
        BoundedBuffer out = new BoundedBuffer(64 * 1024, -1);
        GzipDecoder decoder = new GzipDecoder(out);

        ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class, () -> decoder.feed(ByteBuffer.wrap(bomb)));

        assertEquals("response body exceeds the limit of 65536 bytes", e.getMessage());
        decoder.release();
    }

    private static byte[] decode(byte[] body, int bufferSize) throws IOException {
        BoundedBuffer out = new BoundedBuffer(Integer.MAX_VALUE, -1);
        GzipDecoder decoder = new GzipDecoder(out);
        try {
            for (int offset = 0; offset < body.length; offset += bufferSize) {
                // Read-only, as the HTTP client may deliver them.
                decoder.feed(ByteBuffer.wrap(body, offset, Math.min(bufferSize, body.length - offset)).asReadOnlyBuffer());
            }
            decoder.finish();
            return out.toByteArray();
        } finally {
            decoder.release();
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
