package dev.sigil.jwk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JwksCachePolicyTest {

    @Test
    void hasTheDocumentedDefaults() {
        JwksCachePolicy p = JwksCachePolicy.defaults();
        assertEquals(Duration.ofSeconds(2), p.connectTimeout());
        assertEquals(Duration.ofSeconds(5), p.requestTimeout());
        assertEquals(256 * 1024, p.maxBodyBytes());
        assertEquals(Duration.ofMinutes(10), p.defaultTtl());
        assertEquals(Duration.ofMinutes(1), p.minTtl());
        assertEquals(Duration.ofHours(24), p.maxTtl());
        assertEquals(Duration.ofSeconds(30), p.refreshAhead());
        assertEquals(Duration.ofSeconds(30), p.refreshCooldown());
        assertEquals(Duration.ofHours(24), p.maxStale());
        assertEquals(Duration.ofSeconds(1), p.initialBackoff());
    }

    @Test
    void toBuilderKeepsEverySetting() {
        JwksCachePolicy p = JwksCachePolicy.builder().maxStale(Duration.ofHours(2)).refreshCooldown(Duration.ofMinutes(1))
                .build();
        assertEquals(p.toString(), p.toBuilder().build().toString());
    }

    @Test
    void refusesSettingsOutsideTheirBounds() {
        JwksCachePolicy.Builder b = JwksCachePolicy.builder();
        assertThrows(IllegalArgumentException.class, () -> b.connectTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.requestTimeout(Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> b.maxBodyBytes(100));
        assertThrows(IllegalArgumentException.class, () -> b.refreshCooldown(Duration.ofMillis(10)));
        assertThrows(IllegalArgumentException.class, () -> b.ttlBounds(Duration.ofHours(2), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> b.maxStale(Duration.ofSeconds(-1)));
    }

    @Test
    void refusesContradictionsAtBuild() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JwksCachePolicy.builder().defaultTtl(Duration.ofHours(48)).build());
        assertEquals("defaultTtl PT48H lies outside the ttl bounds [PT1M, PT24H]", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> JwksCachePolicy.builder().refreshAhead(Duration.ofMinutes(2)).build());
    }
}
