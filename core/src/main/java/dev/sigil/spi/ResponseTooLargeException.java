package dev.sigil.spi;

import java.io.IOException;

/**
 * Thrown by an {@link HttpTransport} when a response body (after decompression) exceeds the
 * request's {@link HttpRequest#maxBodyBytes()}; the transport stops reading at the cap, so a hostile
 * or broken server cannot make it allocate more.
 */
public final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception whose message states the cap.
     *
     * @param limit the cap that was exceeded, in bytes
     */
    public ResponseTooLargeException(int limit) {
        super("response body exceeds the limit of " + limit + " bytes");
    }
}
