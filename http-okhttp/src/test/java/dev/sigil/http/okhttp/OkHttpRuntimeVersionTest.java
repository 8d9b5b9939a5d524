package dev.sigil.http.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Each surefire execution states which OkHttp major version it means to test
 * ({@code sigil.test.okhttp.major}); this checks that it is the one on the class path, so the
 * okhttp-4.12 execution cannot quietly test OkHttp 5 again after a pom change.
 *
 * <p>{@code OkHttp.VERSION} cannot tell: it is a compile-time constant, folded into this class as
 * the 5.x value it was compiled against. Instead, look in the jar that actually served
 * {@link OkHttpClient} for entries only one major version ships.
 */
class OkHttpRuntimeVersionTest {

    /** A public class OkHttp 5 added. */
    private static final String ONLY_IN_5 = "okhttp3/CompressionInterceptor.class";
    /** OkHttp 4 shipped its R8/ProGuard rules here; OkHttp 5 does not. */
    private static final String ONLY_IN_4 = "META-INF/proguard/okhttp3.pro";

    @Test
    void theOkHttpOnTheClassPathIsTheMajorVersionThisExecutionTests() {
        String expected = System.getProperty("sigil.test.okhttp.major");
        assertNotNull(expected, "the surefire execution must set sigil.test.okhttp.major");

        ClassLoader loader = OkHttpClient.class.getClassLoader();
        URL five = loader.getResource(ONLY_IN_5);
        URL four = loader.getResource(ONLY_IN_4);
        String servedBy = OkHttpClient.class.getProtectionDomain().getCodeSource().getLocation().toString();
        if (expected.equals("5")) {
            assertNotNull(five, "expected OkHttp 5, OkHttpClient came from " + servedBy);
            assertNull(four, "OkHttp 4 is on the class path too: " + four);
            assertTrue(servedBy.contains("okhttp-jvm-5."), servedBy);
        } else {
            assertEquals("4", expected);
            assertNotNull(four, "expected OkHttp 4, OkHttpClient came from " + servedBy);
            assertNull(five, "OkHttp 5 is on the class path too: " + five);
            assertTrue(servedBy.contains("okhttp-4.12."), servedBy);
        }
    }
}
