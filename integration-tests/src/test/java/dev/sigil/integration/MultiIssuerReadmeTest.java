package dev.sigil.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.MultiIssuerVerifier;
import dev.sigil.jwt.TokenCachePolicy;
import dev.sigil.jwt.VerifiedJwt;
import dev.sigil.testkit.FakeIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's snippets for several issuers, Entra ID's per-tenant issuers and the verified-token
 * cache, as written there, with only the issuer strings replaced by loopback fake issuers (an
 * {@code https} issuer would need a public host). Between the marker comments the code is the
 * README's, line for line.
 */
class MultiIssuerReadmeTest {

    private static final Signer AUTH0_KEY = Signer.rsa("auth0-key-1");
    private static final Signer OKTA_KEY = Signer.ec("okta-key-1");
    private static final Signer ENTRA_KEY = Signer.rsa("entra-key-1");

    @Test
    void severalIssuers() throws Exception {
        try (FakeIssuer auth0 = FakeIssuer.start(); FakeIssuer okta = FakeIssuer.start()) {
            auth0.publishKeys(Signer.jwks(AUTH0_KEY));
            okta.publishKeys(Signer.jwks(OKTA_KEY));
            Instant now = Instant.now();
            String auth0Token = AUTH0_KEY.mint(auth0.issuer(), now);
            String oktaToken = OKTA_KEY.mint(okta.issuer(), now, Map.of(), "at+jwt");
            String token = oktaToken;

            // --- from README.md, "Quickstart (several issuers)" ---
            MultiIssuerVerifier verifier = MultiIssuerVerifier.builder()
                .trustedIssuer(auth0.issuer())
                .trustedIssuer(okta.issuer(), b -> b.type("at+jwt"))   // its own settings
                .audience("https://api.example.com")         // always required, for every issuer
                .defaults(b -> b.clockSkew(Duration.ofSeconds(30)))   // any JwtVerifier.Builder option, for all
                .build();

            VerifiedJwt jwt = verifier.verify(token);        // from either issuer; any other is ISSUER_MISMATCH
            // --- end of the README snippet ---

            try (verifier) {
                assertEquals(okta.issuer(), jwt.claims().issuer().orElseThrow());
                assertEquals(auth0.issuer(), verifier.verify(auth0Token).claims().issuer().orElseThrow());
                // Okta's own setting: at+jwt; Auth0's tokens are plain JWTs and need not be.
                assertEquals(Reason.TYPE_MISMATCH, refusal(verifier, OKTA_KEY.mint(okta.issuer(), now)));
                // The shared default: 30 s of skew, for both issuers.
                assertEquals(Reason.EXPIRED, refusal(verifier, AUTH0_KEY.mint(auth0.issuer(), now.minusSeconds(3631))));
                verifier.verify(AUTH0_KEY.mint(auth0.issuer(), now.minusSeconds(3620)));
                int before = auth0.totalRequests() + okta.totalRequests();
                assertEquals(Reason.ISSUER_MISMATCH, refusal(verifier, AUTH0_KEY.mint("https://YOUR_TENANT.auth0.com/", now)));
                assertEquals(before, auth0.totalRequests() + okta.totalRequests(), "no network request");
                verifier.prefetch();
            }
        }
    }

    @Test
    void perTenantIssuersEntraId() throws Exception {
        try (TenantServer entra = new TenantServer()) {
            entra.publishKeys(Signer.jwks(ENTRA_KEY));
            String microsoftonline = entra.base();

            // --- from README.md, "Per-tenant issuers (Entra ID)" ---
            MultiIssuerVerifier verifier = MultiIssuerVerifier.builder()
                .issuerTemplate(microsoftonline + "/{tenantid}/v2.0", "tid",
                    List.of("9188040d-6c67-4c5b-b112-36a304b66dad", "72f988bf-86f1-41af-91ab-2d7cd011db47"))
                .audience("api://my-api")
                .build();
            // --- end of the README snippet ---

            try (verifier) {
                Instant now = Instant.now();
                for (String tid : List.of("9188040d-6c67-4c5b-b112-36a304b66dad", "72f988bf-86f1-41af-91ab-2d7cd011db47")) {
                    String token = ENTRA_KEY.mint(microsoftonline + "/" + tid + "/v2.0", now,
                            Map.of("aud", "api://my-api", "tid", tid), "JWT");
                    assertEquals(tid, verifier.verify(token).claims().get("tid").orElseThrow());
                }
                assertEquals(2, entra.discoveryRequests.get());
                assertEquals(1, entra.jwksRequests.get(), "both tenants' discovery names one jwks_uri here");

                String other = "00000000-0000-0000-0000-000000000000";
                assertEquals(Reason.ISSUER_MISMATCH, refusal(verifier, ENTRA_KEY.mint(microsoftonline + "/" + other + "/v2.0",
                        now, Map.of("aud", "api://my-api", "tid", other), "JWT")));
                String tenant = "9188040d-6c67-4c5b-b112-36a304b66dad";
                assertEquals(Reason.INVALID_CLAIM, refusal(verifier, ENTRA_KEY.mint(microsoftonline + "/" + tenant + "/v2.0",
                        now, Map.of("aud", "api://my-api", "tid", "72f988bf-86f1-41af-91ab-2d7cd011db47"), "JWT")));
                assertEquals(Reason.MISSING_CLAIM, refusal(verifier, ENTRA_KEY.mint(microsoftonline + "/" + tenant + "/v2.0",
                        now, Map.of("aud", "api://my-api"), "JWT")));
                assertEquals(2, entra.discoveryRequests.get());
            }
        }
    }

    @Test
    void verifiedTokenCache() throws Exception {
        try (FakeIssuer auth0 = FakeIssuer.start()) {
            auth0.publishKeys(Signer.jwks(AUTH0_KEY));
            String token = AUTH0_KEY.mint(auth0.issuer(), Instant.now());

            // --- from README.md, "Verified-token cache" ---
            JwtVerifier verifier = JwtVerifier.builder()
                .issuer(auth0.issuer())
                .audience("https://api.example.com")
                .tokenCache(TokenCachePolicy.defaults())     // 10,000 entries, 32 MiB, 5 minutes
                .build();
            // --- end of the README snippet ---

            try (verifier) {
                verifier.verify(token);
                verifier.verify(token);
                assertEquals(1, verifier.tokenCacheStats().orElseThrow().hits());
                assertEquals(1, verifier.tokenCacheStats().orElseThrow().misses());
                assertEquals(10_000, TokenCachePolicy.defaults().maxEntries());
                assertEquals(32L * 1024 * 1024, TokenCachePolicy.defaults().maxBytes());
                assertEquals(Duration.ofMinutes(5), TokenCachePolicy.defaults().ttl());
            }
        }
    }

    private static Reason refusal(MultiIssuerVerifier verifier, String token) {
        return assertThrows(JwtVerificationException.class, () -> verifier.verify(token)).reason();
    }
}
