package dev.sigil.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Nimbus JOSE+JWT's {@code DefaultJWTProcessor} over an immutable JWK set (key selected by kid and
 * alg), checking the signature, exp (required), iss and aud.
 *
 * <p>EdDSA: Nimbus's key selector turns JWKs into {@code java.security} keys, which it does not do
 * for OKP keys, so {@code DefaultJWTProcessor} cannot verify Ed25519 from a JWK set. That row does
 * what the processor would: parse, check the kid, verify with {@code Ed25519Verifier} (through Tink,
 * Nimbus's optional dependency for Ed25519; the verifier is built once) and run the same
 * {@code DefaultJWTClaimsVerifier}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NimbusVerify {

    @Param({"RS256", "PS256", "ES256", "EdDSA", "HS256"})
    public String alg;

    private String token;
    private DefaultJWTProcessor<SecurityContext> processor;
    private Ed25519Verifier ed25519;
    private String keyId;
    private DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;

    @Setup
    public void setUp() throws Exception {
        TokenFixture fixture = TokenFixture.create(Alg.valueOf(alg));
        token = fixture.token;
        JWKSet keys = JWKSet.parse(fixture.jwksJson);
        claimsVerifier = new DefaultJWTClaimsVerifier<>(TokenFixture.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(fixture.issuer).build(), Set.of("exp"));
        if (fixture.alg == Alg.EdDSA) {
            keyId = fixture.keyId;
            ed25519 = new Ed25519Verifier((OctetKeyPair) keys.getKeyByKeyId(keyId));
        } else {
            processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(alg),
                    new ImmutableJWKSet<>(keys)));
            processor.setJWTClaimsSetVerifier(claimsVerifier);
        }
        Check.subject(verify().getSubject(), "nimbus " + alg);
    }

    @Benchmark
    public JWTClaimsSet verify() throws Exception {
        if (processor != null) {
            return processor.process(token, null);
        }
        SignedJWT jwt = SignedJWT.parse(token);
        if (!JWSAlgorithm.EdDSA.equals(jwt.getHeader().getAlgorithm()) || !keyId.equals(jwt.getHeader().getKeyID())
                || !jwt.verify(ed25519)) {
            throw new BadJWTException("signature or key mismatch");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        claimsVerifier.verify(claims, null);
        return claims;
    }
}
