package dev.sigil.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.internal.keys.AbandonableWork;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache's own threads: started on need, refused once closed, and queued work abandoned, not lost. */
class CacheThreadsTest {

    @Test
    void aGivenExecutorIsUsedAsItIsEvenAfterClose() {
        Executor given = Runnable::run;
        CacheThreads threads = new CacheThreads(given);
        assertSame(given, threads.executor());
        threads.close();
        assertSame(given, threads.executor());
    }

    @Test
    void theOwnExecutorIsOneAndTheSameUntilClosedThenRefused() {
        CacheThreads threads = new CacheThreads(null);
        assertSame(threads.executor(), threads.executor());
        threads.close();
        assertTrue(threads.closed());
        assertThrows(RejectedExecutionException.class, threads::executor);
        assertThrows(RejectedExecutionException.class, threads::fetcher);
    }

    @Test
    void closingAbandonsQueuedWorkOnceAndNeverRunsIt() throws InterruptedException {
        CacheThreads threads = new CacheThreads(null);
        Executor executor = threads.executor();
        CountDownLatch busy = new CountDownLatch(4);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 4; i++) {
            executor.execute(() -> {
                busy.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertTrue(busy.await(10, TimeUnit.SECONDS));
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger abandoned = new AtomicInteger();
        executor.execute(new AbandonableWork() {
            @Override
            public void run() {
                ran.incrementAndGet();
            }

            @Override
            public void abandon() {
                abandoned.incrementAndGet();
            }
        });
        threads.close();
        release.countDown();
        assertEquals(1, abandoned.get());
        assertEquals(0, ran.get());
    }
}
