/**
 * Spring Security's {@code JwtDecoder} and {@code ReactiveJwtDecoder} over a Sigil verifier
 * ({@link dev.sigil.spring.security.SigilJwtDecoder}, {@link dev.sigil.spring.security.SigilReactiveJwtDecoder}).
 *
 * <p>Spring is not a dependency of this module's artifact (Maven scope {@code provided}): the
 * application brings the Spring Security it already runs, 7.0 or newer.
 */
// Spring's jars and Reactor's are automatic modules: requiring them transitively is the point.
@SuppressWarnings("requires-transitive-automatic")
module dev.sigil.spring.security {
    // Transitive: the decoders' constructors take a TokenVerifier.
    requires transitive dev.sigil.core;
    // Spring Security 7's jars are automatic modules, by their Automatic-Module-Name. Transitive:
    // the exported decoders implement JwtDecoder and take OAuth2TokenValidator<Jwt> and a Converter.
    requires transitive spring.security.oauth2.jose;
    requires transitive spring.security.oauth2.core;
    requires transitive spring.core;
    // Only the reactive decoder needs Reactor, and it returns a Mono; a servlet application runs
    // without Reactor, so it is not resolved unless the application has it.
    requires static transitive reactor.core;

    exports dev.sigil.spring.security;
}
