package dev.sigil.http.okhttp;

import dev.sigil.spi.HttpResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * The one request of a call, its body read within the cap. A redirect is a response like any other:
 * core follows it.
 */
final class Hop {

    private Hop() {
    }

    /**
     * Runs {@code call} on its client's dispatcher and waits for the outcome, at most
     * {@code waitNanos}.
     *
     * <p>Why not {@code Call.execute()} on the caller's thread: OkHttp's socket reads do not react
     * to {@link Thread#interrupt()}, so an interrupted caller would wait for the server or the
     * timeout. Waiting on a future does react, and then {@link Call#cancel()} stops the call.
     */
    static HttpResponse await(Call call, int maxBodyBytes, long waitNanos) throws IOException {
        CompletableFuture<HttpResponse> outcome = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                outcome.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call done, Response received) {
                // Everything is caught: OkHttp would rethrow it on its dispatcher thread, and the
                // waiting caller would never hear of it.
                try (Response closed = received) {
                    outcome.complete(new HttpResponse(closed.code(), closed.headers().toMultimap(),
                            BoundedBody.read(closed, maxBodyBytes)));
                } catch (Throwable e) {
                    outcome.completeExceptionally(e);
                }
            }
        });
        try {
            return outcome.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            call.cancel();
            // get() cleared the status; the contract is to keep it.
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while requesting "
                    + call.request().url().redact());
            interrupted.initCause(e);
            throw interrupted;
        } catch (TimeoutException e) {
            // OkHttp's call timeout normally fires first; this is the backstop.
            call.cancel();
            throw new SocketTimeoutException("timed out waiting for " + call.request().url().redact());
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static IOException rethrow(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }
}
