package dev.sigil.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * jose4j's {@code JwtConsumer} with the key resolved from a JWK set by kid, the one algorithm
 * allowed, exp required, iss and aud expected.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Jose4jVerify {

    @Param({"RS256", "PS256", "ES256", "EdDSA", "HS256"})
    public String alg;

    private String token;
    private JwtConsumer consumer;

    @Setup
    public void setUp() throws Exception {
        TokenFixture fixture = TokenFixture.create(Alg.valueOf(alg));
        token = fixture.token;
        consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setExpectedIssuer(fixture.issuer)
                .setExpectedAudience(TokenFixture.AUDIENCE)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        new JsonWebKeySet(fixture.jwksJson).getJsonWebKeys()))
                .build();
        Check.subject(verify().getSubject(), "jose4j " + alg);
    }

    @Benchmark
    public JwtClaims verify() throws Exception {
        return consumer.processToClaims(token);
    }
}
