package dev.sigil.benchmarks;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
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
 * jjwt's {@code JwtParser} with the key given directly, iss and aud required (exp is always checked
 * when present), Jackson for JSON. EdDSA runs on the JDK's Ed25519.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JjwtVerify {

    @Param({"RS256", "PS256", "ES256", "EdDSA", "HS256"})
    public String alg;

    private String token;
    private JwtParser parser;

    @Setup
    public void setUp() {
        TokenFixture fixture = TokenFixture.create(Alg.valueOf(alg));
        token = fixture.token;
        var builder = Jwts.parser().requireIssuer(fixture.issuer).requireAudience(TokenFixture.AUDIENCE);
        if (fixture.alg.isHmac()) {
            builder.verifyWith(Keys.hmacShaKeyFor(fixture.secret));
        } else {
            builder.verifyWith(fixture.publicKey);
        }
        parser = builder.build();
        Check.subject(verify().getSubject(), "jjwt " + alg);
    }

    @Benchmark
    public Claims verify() {
        return parser.parseSignedClaims(token).getPayload();
    }
}
