package dev.sigil.http.jdk;

import dev.sigil.spi.ResponseTooLargeException;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads one response body into memory, never more than the cap: refuses at once when the declared
 * {@code Content-Length} is over it, counts (decompressed) bytes as they arrive, and cancels the
 * subscription, which closes the stream, as soon as the count passes it. It asks for one buffer at
 * a time, so the client reads no further ahead than its own buffer.
 *
 * <p>The client calls {@code onSubscribe}, {@code onNext}, {@code onError} and
 * {@code onComplete} one at a time; {@link #abort()} may come from the waiting caller's thread at
 * any moment, so it only cancels and completes the result, and leaves releasing the inflater to
 * the delivery path.
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final BoundedBuffer buffer;
    private final GzipDecoder gzip;
    private final IOException refusal;
    private final IOException aborted = new IOException("aborted by the caller");
    private volatile Flow.Subscription subscription;

    private CappedBodySubscriber(BoundedBuffer buffer, GzipDecoder gzip, IOException refusal) {
        this.buffer = buffer;
        this.gzip = gzip;
        this.refusal = refusal;
    }

    static CappedBodySubscriber create(ResponseInfo info, int cap) {
        OptionalLong declared;
        try {
            declared = info.headers().firstValueAsLong("Content-Length");
        } catch (NumberFormatException e) {
            declared = OptionalLong.empty();
        }
        // Exactly "gzip", as OkHttp's transparent decoding has it, so both transports decode the same
        // responses. Anything else is read as it is, and core refuses what it cannot read.
        List<String> encodings = info.headers().allValues("Content-Encoding");
        boolean gzip = encodings.size() == 1 && encodings.get(0).trim().equalsIgnoreCase("gzip");
        BoundedBuffer buffer = new BoundedBuffer(cap, gzip ? -1 : declared.orElse(-1));
        IOException refusal = null;
        if (!gzip && hasBody(info.statusCode()) && declared.isPresent() && declared.getAsLong() > cap) {
            // A 304 may declare the length of the representation it does not send, hence hasBody.
            refusal = new ResponseTooLargeException(cap);
        }
        return new CappedBodySubscriber(buffer, gzip ? new GzipDecoder(buffer) : null, refusal);
    }

    /** Whether the body is gzip-decoded, so the wire's length and encoding headers no longer describe it. */
    boolean decoded() {
        return gzip != null;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (refusal != null) {
            fail(refusal);
        } else if (body.isDone()) {
            // Aborted before the body started.
            subscription.cancel();
            release();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            release();
            return;
        }
        try {
            for (ByteBuffer next : buffers) {
                if (gzip != null) {
                    gzip.feed(next);
                } else {
                    buffer.write(next);
                }
            }
        } catch (IOException e) {
            fail(e);
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        release();
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        try {
            if (gzip != null) {
                gzip.finish();
            }
            body.complete(buffer.toByteArray());
        } catch (IOException e) {
            body.completeExceptionally(e);
        } finally {
            release();
        }
    }

    /** Stops reading: the caller gave up (timeout or interrupt). */
    void abort() {
        body.completeExceptionally(aborted);
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    private void fail(IOException failure) {
        // Complete first: cancelling makes the client fail the exchange with its own
        // "cancelled" exception, which must not win over the reason for cancelling.
        body.completeExceptionally(failure);
        subscription.cancel();
        release();
    }

    /** Why this subscriber refused the body (too large, corrupt gzip), if it did. */
    Optional<IOException> refused() {
        if (!body.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            body.join();
            return Optional.empty();
        } catch (CompletionException e) {
            return e.getCause() instanceof IOException failure && failure != aborted
                    ? Optional.of(failure) : Optional.empty();
        } catch (CancellationException e) {
            return Optional.empty();
        }
    }

    private void release() {
        if (gzip != null) {
            gzip.release();
        }
    }

    private static boolean hasBody(int status) {
        return status >= 200 && status != 204 && status != 304;
    }
}
