package dev.sigil.jwt;

import dev.sigil.internal.remote.RemoteGet;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.spi.UntrustedText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An issuer with one tenant placeholder, such as Entra ID's
 * {@code https://login.microsoftonline.com/{tenantid}/v2.0}: the text around the placeholder is
 * compared exactly, and the placeholder matches a tenant of 1 to 64 chars from
 * {@code [A-Za-z0-9-]}, and only a tenant of the allow-list unless any tenant is trusted. A token
 * from a matched issuer must also carry the tenant in the claim the template names. Immutable.
 */
final class IssuerTemplate {

    static final String TENANT = "{tenant}";
    static final String TENANT_ID = "{tenantid}";
    static final int MAX_TENANT_LENGTH = 64;

    private final String template;
    private final String prefix;
    private final String suffix;
    private final String tenantClaim;
    private final Set<String> tenants;
    private final Consumer<JwtVerifier.Builder> settings;
    // For any tenant: the tenant values (compared ignoring case) that would make this template an
    // Entra ID multi-tenant endpoint rather than a tenant's issuer, found once here so that routing a
    // token costs a comparison or three, not a URI parse.
    private final List<String> multiTenantValues;

    /** @param tenants the allowed tenants, or {@code null} for any tenant */
    IssuerTemplate(String template, String tenantClaim, Set<String> tenants, Consumer<JwtVerifier.Builder> settings) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(tenantClaim, "tenantClaim");
        this.settings = Objects.requireNonNull(settings, "settings");
        String placeholder = template.contains(TENANT_ID) ? TENANT_ID : TENANT;
        int at = template.indexOf(placeholder);
        if (at < 0) {
            throw new JwtConfigurationException("issuer template " + UntrustedText.quoted(template) + " has no "
                    + TENANT + " or " + TENANT_ID + " placeholder");
        }
        this.prefix = template.substring(0, at);
        this.suffix = template.substring(at + placeholder.length());
        if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0 || suffix.indexOf('{') >= 0 || suffix.indexOf('}') >= 0) {
            throw new JwtConfigurationException("issuer template " + UntrustedText.quoted(template)
                    + " must have exactly one placeholder, " + TENANT + " or " + TENANT_ID);
        }
        if (tenantClaim.isBlank()) {
            throw new JwtConfigurationException("issuer template " + UntrustedText.quoted(template)
                    + " needs the name of the claim that carries the tenant, such as \"tid\"");
        }
        this.template = template;
        this.tenantClaim = tenantClaim;
        // A template whose fixed text is itself a multi-tenant endpoint makes no tenant's issuer at all.
        refuseAsSingleIssuer(issuerFor("0"));
        List<String> multiTenant = new ArrayList<>();
        for (String value : RemoteGet.ENTRA_MULTI_TENANT) {
            if (RemoteGet.multiTenantRefusal(issuerFor(value)) != null) {
                multiTenant.add(value);
            }
        }
        this.multiTenantValues = List.copyOf(multiTenant);
        if (tenants != null) {
            if (tenants.isEmpty()) {
                throw new JwtConfigurationException("issuer template " + UntrustedText.quoted(template)
                        + " has an empty tenant allow-list; list the tenants, or trust any tenant explicitly");
            }
            Set<String> copy = new LinkedHashSet<>();
            for (String tenant : tenants) {
                Objects.requireNonNull(tenant, "tenant");
                if (!isTenant(tenant, 0, tenant.length())) {
                    throw new JwtConfigurationException("tenant " + UntrustedText.quoted(tenant) + " of issuer template "
                            + UntrustedText.quoted(template) + " is not 1 to " + MAX_TENANT_LENGTH
                            + " letters, digits or '-'");
                }
                // A tenant such as Entra ID's "common" would make an issuer that names no tenant.
                refuseAsSingleIssuer(issuerFor(tenant));
                copy.add(tenant);
            }
            this.tenants = Collections.unmodifiableSet(copy);
        } else {
            this.tenants = null;
        }
    }

    /**
     * Refuses an issuer given to one verifier that stands for many tenants (a template, or Entra ID's
     * multi-tenant endpoints): no token's {@code iss} could equal it, and its discovery document would
     * name a template issuer, so it fails at {@code build()} rather than on every token.
     *
     * @param issuer the configured issuer, or {@code null}
     */
    static void refuseAsSingleIssuer(String issuer) {
        String refusal = issuer == null ? null : RemoteGet.multiTenantRefusal(issuer);
        if (refusal != null) {
            throw new JwtConfigurationException(refusal);
        }
    }

    /** The template as configured: what stats and listeners are labelled with. */
    String template() {
        return template;
    }

    String tenantClaim() {
        return tenantClaim;
    }

    /** The allowed tenants, or {@code null} when any tenant is trusted. */
    Set<String> tenants() {
        return tenants;
    }

    Consumer<JwtVerifier.Builder> settings() {
        return settings;
    }

    /** The issuer for {@code tenant}. */
    String issuerFor(String tenant) {
        return prefix + tenant + suffix;
    }

    /** The tenant {@code iss} names, if it matches this template and the tenant is trusted; else {@code null}. */
    String tenantOf(String iss) {
        int end = iss.length() - suffix.length();
        if (end - prefix.length() < 1 || !iss.startsWith(prefix) || !iss.endsWith(suffix)
                || !isTenant(iss, prefix.length(), end)) {
            return null;
        }
        String tenant = iss.substring(prefix.length(), end);
        if (tenants == null) {
            // Any tenant is trusted, but Entra ID's "common" names none: no verifier could be built for it.
            return namesManyTenants(tenant) ? null : tenant;
        }
        return tenants.contains(tenant) ? tenant : null;
    }

    private boolean namesManyTenants(String tenant) {
        for (String value : multiTenantValues) {
            if (value.equalsIgnoreCase(tenant)) {
                return true;
            }
        }
        return false;
    }

    /** The check that the token's tenant claim names the tenant its issuer matched. */
    ClaimsValidator tenantCheck(String tenant) {
        String claim = tenantClaim;
        return (header, claims) -> {
            Object value = claims.get(claim).orElse(null);
            if (value == null) {
                throw new JwtVerificationException(JwtVerificationException.Reason.MISSING_CLAIM,
                        "token has no '" + claim + "' claim, which its issuer's template requires");
            }
            if (!tenant.equals(value)) {
                throw new JwtVerificationException(JwtVerificationException.Reason.INVALID_CLAIM,
                        "'" + claim + "' does not name the tenant of the token's issuer");
            }
        };
    }

    private static boolean isTenant(String s, int from, int to) {
        if (to - from < 1 || to - from > MAX_TENANT_LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The template, for messages. */
    @Override
    public String toString() {
        return template;
    }
}
