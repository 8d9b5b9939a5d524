package dev.sigil.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The discovery documents and key sets of real OAuth 2.0 / OpenID Connect providers, as they served
 * them (issue 19): {@code real-issuers/NAME.metadata.json} and {@code NAME.jwks.json} beside this
 * class, taken from the {@code panva/wellknown} repository (MIT licence; {@code real-issuers/LICENSE},
 * provenance in {@code real-issuers/PROVENANCE.md}). Key sets are for import and usability only:
 * nobody outside the providers holds their private keys, so tokens are minted with generated keys.
 */
public final class RealIssuers {

    /** Every provider bundled, in alphabetical order. */
    public static final List<String> NAMES = List.of("apple", "battle-net", "discord", "dropbox", "entra-common",
            "entra-organizations", "facebook", "gitlab", "google", "lego", "paypal", "slack", "spotify", "twitch", "yahoo");

    private RealIssuers() {
    }

    /**
     * {@return the provider's key set, the bytes it served}
     *
     * @param name one of {@link #NAMES}
     */
    public static byte[] jwks(String name) {
        return resource(name + ".jwks.json");
    }

    /**
     * {@return the provider's discovery document, as text}
     *
     * @param name one of {@link #NAMES}
     */
    public static String metadata(String name) {
        return new String(resource(name + ".metadata.json"), StandardCharsets.UTF_8);
    }

    /**
     * {@return the discovery document's {@code issuer} as the provider states it (Entra ID's is a template)}
     *
     * @param name one of {@link #NAMES}
     */
    public static String issuer(String name) {
        return (String) VectorJson.object(VectorJson.parse(metadata(name))).get("issuer");
    }

    /**
     * {@return the provider's discovery document with its {@code issuer} and {@code jwks_uri} replaced, every
     * other member as served: for serving it from a loopback issuer}
     *
     * @param name one of {@link #NAMES}
     * @param issuer the {@code issuer} to write in
     * @param jwksUri the {@code jwks_uri} to write in
     */
    public static String metadataMovedTo(String name, String issuer, URI jwksUri) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Map<String, Object> document = new LinkedHashMap<>(VectorJson.object(VectorJson.parse(metadata(name))));
        document.put("issuer", issuer);
        document.put("jwks_uri", jwksUri.toString());
        return VectorJson.write(document);
    }

    private static byte[] resource(String file) {
        try (InputStream in = RealIssuers.class.getResourceAsStream("real-issuers/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no real issuer file in sigil-testkit: " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
