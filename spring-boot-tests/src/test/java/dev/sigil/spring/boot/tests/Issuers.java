package dev.sigil.spring.boot.tests;

import dev.sigil.testkit.FakeIssuer;
import java.util.Map;

/** Takes a loopback issuer down, and brings it back, as a whole: discovery and key set. */
public final class Issuers {

    private Issuers() {
    }

    /** An issuer that answers discovery and its key set, {@link Tokens#jwksJson()}. */
    public static FakeIssuer up() {
        FakeIssuer issuer = FakeIssuer.start();
        issuer.publishKeys(Tokens.jwksJson());
        return issuer;
    }

    /** An issuer that answers 503 to every discovery and key-set request. */
    public static FakeIssuer down() {
        FakeIssuer issuer = FakeIssuer.start();
        takeDown(issuer);
        return issuer;
    }

    public static void takeDown(FakeIssuer issuer) {
        issuer.failDiscovery(503);
        issuer.failJwks(503, Map.of());
    }

    public static void bringBack(FakeIssuer issuer) {
        issuer.setDiscoveryDocument("{\"issuer\":\"" + issuer.issuer() + "\",\"jwks_uri\":\"" + issuer.jwksUri() + "\"}");
        issuer.publishKeys(Tokens.jwksJson());
    }
}
