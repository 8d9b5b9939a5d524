package dev.sigil.backend.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.spi.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One backend, eight threads, mixed keys and outcomes: per-thread engines must never cross. */
class ConcurrentVerificationTest {

    @Test
    void manyThreadsGetEveryAnswerRightThroughOneBackend() throws Exception {
        BouncyCastleCryptoBackend backend = new BouncyCastleCryptoBackend();
        byte[] data = "header.payload".getBytes(StandardCharsets.US_ASCII);
        KeyPair rsa = TestKeys.Kind.RSA_2048.generate();
        KeyPair ec = TestKeys.Kind.P256.generate();
        KeyPair ed = TestKeys.Kind.ED25519.generate();
        KeyPair ed448 = TestKeys.Kind.ED448.generate();
        TestKeys.Secp256k1 k1 = new TestKeys.Secp256k1();
        byte[] secret = TestKeys.randomBytes(32);
        JwsAlgorithm[] algs = {JwsAlgorithm.RS256, JwsAlgorithm.PS256, JwsAlgorithm.ES256, JwsAlgorithm.ES256K,
            JwsAlgorithm.EdDSA, JwsAlgorithm.Ed448, JwsAlgorithm.HS256};
        VerificationKey[] keys = {
            backend.importKey(TestKeys.jwk(rsa.getPublic())), backend.importKey(TestKeys.jwk(rsa.getPublic())),
            backend.importKey(TestKeys.jwk(ec.getPublic())), backend.importKey(k1.jwk()),
            backend.importKey(TestKeys.jwk(ed.getPublic())), backend.importKey(TestKeys.jwk(ed448.getPublic())),
            backend.importKey(TestKeys.octJwk(secret))};
        byte[][] signatures = {
            TestKeys.sign(JwsAlgorithm.RS256, rsa.getPrivate(), data), TestKeys.sign(JwsAlgorithm.PS256, rsa.getPrivate(), data),
            TestKeys.sign(JwsAlgorithm.ES256, ec.getPrivate(), data), k1.sign(data),
            TestKeys.sign(JwsAlgorithm.EdDSA, ed.getPrivate(), data), TestKeys.sign(JwsAlgorithm.Ed448, ed448.getPrivate(), data),
            TestKeys.mac(JwsAlgorithm.HS256, secret, data)};

        int threads = 8;
        int rounds = 200;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                Callable<Integer> task = () -> {
                    start.await();
                    int wrong = 0;
                    for (int i = 0; i < rounds; i++) {
                        int k = (i + offset) % algs.length;
                        boolean tamper = (i + offset) % 3 == 0;
                        int len = tamper ? data.length - 1 : data.length;
                        if (backend.verify(algs[k], keys[k], data, 0, len, signatures[k]) == tamper) {
                            wrong++;
                        }
                    }
                    return wrong;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int wrong = 0;
            for (Future<Integer> result : results) {
                wrong += result.get(2, TimeUnit.MINUTES);
            }
            assertEquals(0, wrong);
        } finally {
            pool.shutdownNow();
        }
    }
}
