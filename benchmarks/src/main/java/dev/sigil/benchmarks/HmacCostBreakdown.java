package dev.sigil.benchmarks;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.VerifiedJwt;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.TokenBuffers;
import dev.sigil.spi.VerificationKey;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where an HS256 verification's time goes beyond the MAC, in parts measured through public API only,
 * on backend-jca with the built-in codec (issue 18's HS256 target): the raw {@code Mac} as the
 * {@link Floor} runs it, the backend's own check of the token's chars (the MAC, the signing input
 * copied into the engine's buffer, the signature decoded, the engine taken from and given back to its
 * pool), the payload's base64url decode, its full parse, and the whole {@code verify()}. What
 * {@code verify()} costs beyond the sum of its parts is the token's framing (dots, the header matched
 * against the last accepted one, the signature's alphabet) and the claim checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HmacCostBreakdown {

    private Floor.Primitive mac;
    private CryptoBackend backend;
    private VerificationKey key;
    private String token;
    private int dot1;
    private int dot2;
    private byte[] payload;
    private int payloadLength;
    private final BuiltinJsonCodec codec = new BuiltinJsonCodec();
    private JwtVerifier verifier;

    @Setup
    public void setUp() throws GeneralSecurityException, JwtVerificationException, KeyImportException, JsonParseException {
        TokenFixture fixture = TokenFixture.create(Alg.HS256);
        mac = Floor.primitive(fixture, "jca");
        backend = SigilSetup.backend("jca");
        key = backend.importKey(new KeyParameters.Oct(fixture.secret));
        token = fixture.token;
        dot1 = token.indexOf('.');
        dot2 = token.lastIndexOf('.');
        payload = new byte[dot2 - dot1];
        payloadLength = TokenBuffers.decode(token, dot1 + 1, dot2, payload, 0);
        verifier = SigilSetup.verifier(fixture, "jca", "builtin");
        Check.accepted(mac.verify(), "breakdown mac");
        Check.accepted(backend.verify(JwsAlgorithm.HS256, key, token, dot2), "breakdown backend");
        Check.accepted(payloadLength > 0 && codec.parse(payload, 0, payloadLength, JsonLimits.DEFAULT) != null,
                "breakdown payload");
    }

    @Benchmark
    public boolean mac() throws GeneralSecurityException {
        return mac.verify();
    }

    @Benchmark
    public boolean backend() {
        return backend.verify(JwsAlgorithm.HS256, key, token, dot2);
    }

    @Benchmark
    public int payloadDecode() {
        return TokenBuffers.decode(token, dot1 + 1, dot2, payload, 0);
    }

    @Benchmark
    public Object payloadParse() throws JsonParseException {
        return codec.parse(payload, 0, payloadLength, JsonLimits.DEFAULT);
    }

    @Benchmark
    public VerifiedJwt verify() throws JwtVerificationException {
        return verifier.verify(token);
    }
}
