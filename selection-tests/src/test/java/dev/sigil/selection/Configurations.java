package dev.sigil.selection;

import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCache;
import dev.sigil.jwt.JwtVerifier;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What every selection test builds: a verifier with one static P-256 key, and a remote key cache. */
final class Configurations {

    /** A P-256 public key (RFC 7515 appendix A.3). */
    static final JwkSet KEYS = JwkSet.parse("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k\","
            + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}]}");

    private Configurations() {
    }

    static JwtVerifier.Builder verifier() {
        return JwtVerifier.builder().ignoreIssuer().ignoreAudience().keys(KEYS);
    }

    static JwksCache.Builder cache() {
        return JwksCache.builder().jwksUri(URI.create("https://issuer.example/.well-known/jwks.json"));
    }

    /** Records what core logs about provider selection while {@code action} runs. */
    static List<LogRecord> selectionLog(Runnable action) {
        Logger logger = Logger.getLogger("dev.sigil.spi");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return records;
    }
}
