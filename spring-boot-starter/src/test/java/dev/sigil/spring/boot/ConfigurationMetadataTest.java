package dev.sigil.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration metadata IDEs complete {@code sigil.jwt.*} from is generated, with descriptions. */
class ConfigurationMetadataTest {

    @Test
    void everySigilPropertyIsDescribed() throws IOException {
        String metadata;
        try (InputStream in = SigilJwtProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String name : List.of("type", "clock-skew", "require-audience", "trusted-issuers", "issuer-templates",
                "backend", "cache.connect-timeout",
                "cache.request-timeout", "cache.default-ttl", "cache.max-stale")) {
            assertThat(metadata).contains("\"name\": \"sigil.jwt." + name + "\"");
        }
        assertThat(metadata).contains("The required \\\"typ\\\" header");
        // Boot's processor does not describe the fields of a list's elements: the list's own
        // description names them, so that an IDE shows them.
        assertThat(metadata).contains("\\\"unsafe-trust-any-tenant=true\\\", which trusts anyone who can create a tenant");
    }
}
