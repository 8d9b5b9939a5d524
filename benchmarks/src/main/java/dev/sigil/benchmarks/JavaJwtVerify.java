package dev.sigil.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
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
 * Auth0 java-jwt's {@code JWTVerifier} with the key given directly, iss and aud expected (exp is
 * always checked when present). No EdDSA row: java-jwt 4.6 has no EdDSA algorithm (peers.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JavaJwtVerify {

    /** EdDSA skipped: not supported by java-jwt. */
    @Param({"RS256", "PS256", "ES256", "HS256"})
    public String alg;

    private String token;
    private JWTVerifier verifier;

    @Setup
    public void setUp() {
        TokenFixture fixture = TokenFixture.create(Alg.valueOf(alg));
        token = fixture.token;
        verifier = JWT.require(algorithm(fixture))
                .withIssuer(fixture.issuer)
                .withAudience(TokenFixture.AUDIENCE)
                .build();
        Check.subject(verify().getSubject(), "java-jwt " + alg);
    }

    private static Algorithm algorithm(TokenFixture f) {
        switch (f.alg) {
            case RS256:
                return Algorithm.RSA256((RSAPublicKey) f.publicKey);
            case PS256:
                return Algorithm.RSA256PSS((RSAPublicKey) f.publicKey);
            case ES256:
                return Algorithm.ECDSA256((ECPublicKey) f.publicKey);
            case HS256:
                return Algorithm.HMAC256(f.secret);
            default:
                throw new IllegalArgumentException("java-jwt has no " + f.alg);
        }
    }

    @Benchmark
    public DecodedJWT verify() {
        return verifier.verify(token);
    }
}
