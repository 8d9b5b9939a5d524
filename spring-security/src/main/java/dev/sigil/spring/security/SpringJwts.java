package dev.sigil.spring.security;

import dev.sigil.jwt.JwtClaims;
import dev.sigil.jwt.VerifiedJwt;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

/**
 * Turns a token that Sigil verified into Spring's {@link Jwt}, shaped as Spring's own
 * {@code NimbusJwtDecoder} shapes it, then runs the application's validators: the part both
 * decoders share.
 *
 * <p>The shape: header parameters and claims as parsed, except that numbers are what Nimbus gives
 * ({@link Long} for integers that fit, {@link Double} otherwise, where Sigil keeps
 * {@link BigInteger} and {@link BigDecimal}); {@code exp}, {@code nbf} and {@code iat} as the
 * {@link Instant}s Sigil checked; then Spring's claim-set converter, by default
 * {@link MappedJwtClaimSetConverter#withDefaults(Map)} (so {@code aud} is a list of strings,
 * {@code iss} a string, and a missing {@code iat} becomes {@code exp} less one second, as Spring
 * does).
 *
 * <p>Configured before the decoder serves; the fields are volatile so that a setter called after
 * publication is seen by every thread.
 */
final class SpringJwts {

    /** Sigil has already checked what Spring's default validators check; the application adds its own. */
    private static final OAuth2TokenValidator<Jwt> NOTHING_MORE = jwt -> OAuth2TokenValidatorResult.success();

    private volatile Converter<Map<String, Object>, Map<String, Object>> claimSetConverter =
            MappedJwtClaimSetConverter.withDefaults(Collections.emptyMap());
    private volatile OAuth2TokenValidator<Jwt> validator = NOTHING_MORE;

    void setClaimSetConverter(Converter<Map<String, Object>, Map<String, Object>> converter) {
        this.claimSetConverter = Objects.requireNonNull(converter, "claimSetConverter");
    }

    void setJwtValidator(OAuth2TokenValidator<Jwt> validator) {
        this.validator = Objects.requireNonNull(validator, "jwtValidator");
    }

    /**
     * The verified token as Spring's {@link Jwt}, once the application's validators accept it.
     *
     * @throws BadJwtException if Spring cannot represent it (no claims at all, or a claim the
     *     converter refuses), as {@code NimbusJwtDecoder} does
     * @throws JwtValidationException if a validator refuses it, with the validators' errors
     */
    Jwt toJwt(String token, VerifiedJwt verified) {
        Jwt jwt;
        try {
            Map<String, Object> headers = nimbusShaped(verified.header().asMap());
            Map<String, Object> claims = nimbusShaped(verified.claims().asMap());
            JwtClaims typed = verified.claims();
            putInstant(claims, "exp", typed.expiresAt());
            putInstant(claims, "nbf", typed.notBefore());
            putInstant(claims, "iat", typed.issuedAt());
            Map<String, Object> converted = claimSetConverter.convert(claims);
            jwt = Jwt.withTokenValue(token)
                    .headers(h -> h.putAll(headers))
                    .claims(c -> c.putAll(converted))
                    .build();
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            // Spring's Jwt refuses an empty claim set, and a converter may refuse a claim's value:
            // the token is not one Spring can use. The message stays generic, as a client reads it.
            throw new BadJwtException("token claims not representable", e);
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            Collection<OAuth2Error> errors = result.getErrors();
            throw new JwtValidationException(describe(errors), errors);
        }
        return jwt;
    }

    /** As NimbusJwtDecoder words a validator's refusal: the first description there is. */
    private static String describe(Collection<OAuth2Error> errors) {
        for (OAuth2Error error : errors) {
            String description = error.getDescription();
            if (description != null && !description.isEmpty()) {
                return description;
            }
        }
        return "invalid token";
    }

    private static void putInstant(Map<String, Object> claims, String name, Optional<Instant> value) {
        value.ifPresent(instant -> claims.put(name, instant));
    }

    /** A modifiable copy, in the original order, with numbers as Nimbus parses them. */
    private static Map<String, Object> nimbusShaped(Map<String, Object> members) {
        Map<String, Object> copy = new LinkedHashMap<>(members.size() * 2);
        members.forEach((name, value) -> copy.put(name, nimbusValue(value)));
        return copy;
    }

    private static Object nimbusValue(Object value) {
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            // Nimbus (Gson, LONG_OR_DOUBLE) gives a Double for any number that is not a long.
            return ((Number) value).doubleValue();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(nimbusValue(element));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
            map.forEach((name, member) -> copy.put((String) name, nimbusValue(member)));
            return Collections.unmodifiableMap(copy);
        }
        return value;
    }
}
