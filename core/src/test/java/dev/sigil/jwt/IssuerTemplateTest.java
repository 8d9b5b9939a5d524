package dev.sigil.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.JwtConfigurationException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IssuerTemplateTest {

    private static final String ENTRA = "https://login.microsoftonline.com/{tenantid}/v2.0";
    private static final String TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";

    private static IssuerTemplate anyTenant(String template) {
        return new IssuerTemplate(template, "tid", null, b -> { });
    }

    @Test
    void matchesATenantOfLettersDigitsAndDashesComparingTheRestExactly() {
        IssuerTemplate t = anyTenant(ENTRA);
        assertEquals(TENANT, t.tenantOf("https://login.microsoftonline.com/" + TENANT + "/v2.0"));
        assertEquals("a", t.tenantOf("https://login.microsoftonline.com/a/v2.0"));
        assertEquals("x".repeat(64), t.tenantOf("https://login.microsoftonline.com/" + "x".repeat(64) + "/v2.0"));
        assertEquals("https://login.microsoftonline.com/" + TENANT + "/v2.0", t.issuerFor(TENANT));
    }

    @Test
    void refusesAnythingElseInThePlaceholder() {
        IssuerTemplate t = anyTenant(ENTRA);
        for (String tenant : new String[] {"", "x".repeat(65), "a/b", "a.b", "a b", "a%2Fb", "a_b", "é", "a\u0000", "..",
                "common/v2.0/../x", TENANT + "/v2.0/" + TENANT}) {
            assertNull(t.tenantOf("https://login.microsoftonline.com/" + tenant + "/v2.0"), tenant);
        }
    }

    @Test
    void refusesIssuersThatDifferOutsideThePlaceholder() {
        IssuerTemplate t = anyTenant(ENTRA);
        for (String iss : new String[] {"https://login.microsoftonline.com/" + TENANT + "/v2.0/",
                "https://login.microsoftonline.com/" + TENANT + "/V2.0", "http://login.microsoftonline.com/" + TENANT + "/v2.0",
                "https://login.microsoftonline.com.evil.example/" + TENANT + "/v2.0",
                "https://LOGIN.microsoftonline.com/" + TENANT + "/v2.0", "https://login.microsoftonline.com//v2.0",
                "https://login.microsoftonline.com/v2.0", ""}) {
            assertNull(t.tenantOf(iss), iss);
        }
    }

    @Test
    void anAllowListAdmitsItsTenantsOnlyCaseSensitively() {
        IssuerTemplate t = new IssuerTemplate("https://idp.example.com/{tenant}", "tenant", Set.of("acme", "Globex"), b -> { });
        assertEquals("acme", t.tenantOf("https://idp.example.com/acme"));
        assertEquals("Globex", t.tenantOf("https://idp.example.com/Globex"));
        assertNull(t.tenantOf("https://idp.example.com/ACME"));
        assertNull(t.tenantOf("https://idp.example.com/initech"));
    }

    @Test
    void aTemplateNeedsExactlyOnePlaceholderAClaimAndValidTenants() {
        assertThrows(JwtConfigurationException.class, () -> anyTenant("https://idp.example.com/"));
        assertThrows(JwtConfigurationException.class, () -> anyTenant("https://idp.example.com/{tenant}/{tenant}"));
        assertThrows(JwtConfigurationException.class, () -> anyTenant("https://{region}.example.com/{tenant}"));
        assertThrows(JwtConfigurationException.class, () -> new IssuerTemplate(ENTRA, " ", null, b -> { }));
        assertThrows(JwtConfigurationException.class, () -> new IssuerTemplate(ENTRA, "tid", Set.of(), b -> { }));
        JwtConfigurationException e = assertThrows(JwtConfigurationException.class,
                () -> new IssuerTemplate(ENTRA, "tid", Set.of("ok", "not/ok"), b -> { }));
        assertTrue(e.getMessage().contains("'not/ok'"), e.getMessage());
    }

    @Test
    void theTenantClaimMustNameTheMatchedTenant() throws Exception {
        ClaimsValidator check = anyTenant(ENTRA).tenantCheck(TENANT);
        check.validate(null, JwtClaims.of(Map.of("tid", TENANT)));
        assertEquals(Reason.INVALID_CLAIM, assertThrows(JwtVerificationException.class,
                () -> check.validate(null, JwtClaims.of(Map.of("tid", "other")))).reason());
        assertEquals(Reason.INVALID_CLAIM, assertThrows(JwtVerificationException.class,
                () -> check.validate(null, JwtClaims.of(Map.of("tid", 5L)))).reason());
        assertEquals(Reason.MISSING_CLAIM, assertThrows(JwtVerificationException.class,
                () -> check.validate(null, JwtClaims.of(Map.of("sub", "x")))).reason());
    }
}
