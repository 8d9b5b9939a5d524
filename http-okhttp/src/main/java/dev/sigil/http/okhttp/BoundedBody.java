package dev.sigil.http.okhttp;

import dev.sigil.spi.ResponseTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Reads a response body without ever holding more than the cap plus one chunk. */
final class BoundedBody {

    private static final int CHUNK = 8192;

    private BoundedBody() {
    }

    /**
     * The whole body of {@code response}, decoded, at most {@code maxBytes} long. The caller closes
     * the response.
     *
     * @throws ResponseTooLargeException if the declared or the actual length exceeds {@code maxBytes}
     * @throws InterruptedIOException if the reading thread is interrupted (its status stays set)
     */
    static byte[] read(Response response, int maxBytes) throws IOException {
        ResponseBody body = response.body();
        if (body == null) {
            // OkHttp 4 types body() as nullable; a response from Call.execute() always has one.
            return new byte[0];
        }
        // -1 when unknown. OkHttp drops Content-Length when it gunzips, so a declared length here
        // is the length of the bytes we are about to read.
        if (body.contentLength() > maxBytes) {
            throw new ResponseTooLargeException(maxBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                (int) Math.min(maxBytes, Math.max(body.contentLength(), CHUNK)));
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        try (InputStream in = body.byteStream()) {
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted while reading the response body");
                }
                // Ask for at most one byte past the cap: enough to know it was exceeded.
                int wanted = (int) Math.min(chunk.length, (long) maxBytes + 1 - total);
                int n = in.read(chunk, 0, wanted);
                if (n < 0) {
                    return out.toByteArray();
                }
                total += n;
                if (total > maxBytes) {
                    throw new ResponseTooLargeException(maxBytes);
                }
                out.write(chunk, 0, n);
            }
        }
    }
}
