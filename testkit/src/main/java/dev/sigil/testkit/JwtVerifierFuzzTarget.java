package dev.sigil.testkit;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwk.JwkSet;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.jwt.VerifiedJwt;
import dev.sigil.spi.CryptoBackend;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The body of the token fuzz targets, shared by the crypto backends' {@code @FuzzTest}s: one
 * {@link JwtVerifier} with a fixed key set (the RFC examples' HMAC, RSA, P-256 and Ed25519 keys, every
 * matching algorithm allowed) is fed fuzzed tokens.
 *
 * <p>The property: {@code verify} returns a {@link VerifiedJwt} or throws a
 * {@link JwtVerificationException} with a reason, nothing else; its message never holds the token;
 * and a token is accepted only if its signature was made by a key holder: the RFC's own tokens, or
 * those this class signs itself. The fuzzer never sees a private key, so anything else accepted is
 * a forgery.
 *
 * <p>The clock stands just before the RFC 7515 tokens' {@code exp} (1300819380), so those three are
 * accepted whole and the fuzzer starts from the success path.
 */
public final class JwtVerifierFuzzTarget {

    /** RFC 7515 A.1 to A.3 and RFC 8037 A.4: genuine tokens of the fixed keys. */
    public static final List<String> GENUINE_TOKENS = List.of(
            "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
            "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw",
            "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q",
            "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");

    /** The public keys of {@link #GENUINE_TOKENS} (RFC 7515 A.1 to A.3, RFC 8037 A.2), and the HMAC secret. */
    public static final String KEY_SET = "{\"keys\":["
            + "{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"},"
            + "{\"kty\":\"RSA\",\"n\":\"ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ\",\"e\":\"AQAB\"},"
            + "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"},"
            + "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}";

    /** One second before the RFC 7515 tokens expire. */
    public static final Instant NOW = Instant.ofEpochSecond(1300819379);

    /** Tokens longer than this are checked for appearing in messages; shorter ones occur by chance. */
    private static final int SHORTEST_SECRET_TOKEN = 16;

    private static final byte[] HMAC_SECRET = Base64.getUrlDecoder()
            .decode("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
    /** RFC 8037 A.1's private key: the only EdDSA key whose signatures the harness may make. */
    private static final byte[] ED25519_SEED = Base64.getUrlDecoder().decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");

    private final JwtVerifier verifier;
    private final Set<String> genuineSigningInputs;
    private final List<byte[]> genuineSignatures;
    private final PrivateKey ed25519;

    /**
     * A verifier over the fixed keys with this backend and the built-in JSON codec.
     *
     * @param backend the crypto backend under test
     */
    public JwtVerifierFuzzTarget(CryptoBackend backend) {
        this.verifier = JwtVerifier.builder()
                .issuer("joe")
                .ignoreAudience()
                .keys(JwkSet.parse(KEY_SET))
                .algorithms(JwsAlgorithm.HS256, JwsAlgorithm.RS256, JwsAlgorithm.PS256, JwsAlgorithm.ES256,
                        JwsAlgorithm.EdDSA, JwsAlgorithm.Ed25519)
                .cryptoBackend(backend)
                .jsonCodec(new BuiltinJsonCodec())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        this.genuineSigningInputs = GENUINE_TOKENS.stream()
                .map(t -> t.substring(0, t.lastIndexOf('.')))
                .collect(Collectors.toUnmodifiableSet());
        this.genuineSignatures = GENUINE_TOKENS.stream()
                .map(t -> Base64.getUrlDecoder().decode(t.substring(t.lastIndexOf('.') + 1)))
                .collect(Collectors.toUnmodifiableList());
        try {
            this.ed25519 = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, ED25519_SEED));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make an Ed25519 key", e);
        }
    }

    /**
     * Verifies the input, read as UTF-8, as a token. Nothing is signed here, so only a token whose
     * header and payload are exactly those of a {@link #GENUINE_TOKENS genuine token} may pass.
     *
     * @param input the fuzzer's input
     */
    public void verifyArbitraryToken(byte[] input) {
        String token = new String(input, StandardCharsets.UTF_8);
        VerifiedJwt jwt = verify(token);
        if (jwt != null) {
            assertGenuine(token);
        }
    }

    /**
     * Verifies a token assembled around fuzzed JSON, so that the fuzzer reaches the header and claim
     * checks instead of spending itself on base64url. Input layout: one mode byte, the header JSON,
     * a NUL byte (which JSON text never holds), the payload; without a NUL the payload is empty.
     * The mode chooses the signature:
     * <ul>
     *   <li>{@code 'h'}: HMAC-SHA256 with the fixed secret, made here, so the token may pass;
     *   <li>{@code 'e'}: Ed25519 with RFC 8037's private key, made here, so the token may pass;
     *   <li>{@code 'H'}, {@code 'R'}, {@code 'E'}, {@code 'D'}: the signature of the RFC's HS256, RS256,
     *       ES256 or EdDSA token, transplanted: the token may pass only with that token's own header
     *       and payload;
     *   <li>anything else: no signature at all, so the token must never pass.
     * </ul>
     *
     * @param input the fuzzer's input, laid out as above
     */
    public void verifyAssembledToken(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String token = assemble(input);
        VerifiedJwt jwt = verify(token);
        boolean signedHere = input[0] == 'h' || input[0] == 'e';
        if (jwt != null && !signedHere) {
            assertGenuine(token);
        }
    }

    /** The token {@link #verifyAssembledToken} makes of a non-empty input. */
    private String assemble(byte[] input) {
        byte mode = input[0];
        int nul = indexOf(input, (byte) 0, 1);
        byte[] header = Arrays.copyOfRange(input, 1, nul < 0 ? input.length : nul);
        byte[] payload = nul < 0 ? new byte[0] : Arrays.copyOfRange(input, nul + 1, input.length);
        String signingInput = b64(header) + "." + b64(payload);
        byte[] signature = switch (mode) {
            case 'h' -> hmacSha256(signingInput);
            case 'e' -> ed25519(signingInput);
            case 'H' -> genuineSignatures.get(0);
            case 'R' -> genuineSignatures.get(1);
            case 'E' -> genuineSignatures.get(2);
            case 'D' -> genuineSignatures.get(3);
            default -> new byte[0];
        };
        return signingInput + "." + b64(signature);
    }

    /**
     * Checks the harness itself, so that the fuzz targets' "never accepted" is not vacuous: the RFC
     * 7515 tokens pass, the RFC 8037 token's signature passes (its payload is text, not claims), and
     * tokens signed here pass while the same tokens unsigned do not.
     */
    public void assertTheHarnessWorks() {
        for (String token : GENUINE_TOKENS.subList(0, 3)) {
            if (verify(token) == null) {
                throw new AssertionError("a genuine RFC 7515 token was refused");
            }
        }
        expectRefusal(GENUINE_TOKENS.get(3), JwtVerificationException.Reason.MALFORMED);
        byte[] claims = "{\"iss\":\"joe\",\"exp\":1300819380}".getBytes(StandardCharsets.US_ASCII);
        for (String mode : List.of("h{\"alg\":\"HS256\"}", "e{\"alg\":\"EdDSA\"}", "e{\"alg\":\"Ed25519\"}")) {
            byte[] input = assembled(mode, claims);
            String token = assemble(input);
            if (verify(token) == null) {
                throw new AssertionError("a token signed by the harness was refused: " + mode);
            }
            input[0] = '-';
            expectRefusal(assemble(input), JwtVerificationException.Reason.INVALID_SIGNATURE);
        }
    }

    private static byte[] assembled(String modeAndHeader, byte[] payload) {
        byte[] head = modeAndHeader.getBytes(StandardCharsets.US_ASCII);
        byte[] input = Arrays.copyOf(head, head.length + 1 + payload.length);
        System.arraycopy(payload, 0, input, head.length + 1, payload.length);
        return input;
    }

    private void expectRefusal(String token, JwtVerificationException.Reason reason) {
        try {
            verifier.verify(token);
        } catch (JwtVerificationException e) {
            if (e.reason() != reason) {
                throw new AssertionError("expected " + reason + ", got " + e, e);
            }
            return;
        }
        throw new AssertionError("expected " + reason + ", but the token passed");
    }

    /** The verified token, or {@code null} after checking that the refusal keeps the contract. */
    private VerifiedJwt verify(String token) {
        VerifiedJwt jwt;
        try {
            jwt = verifier.verify(token);
        } catch (JwtVerificationException e) {
            if (e.reason() == null) {
                throw new AssertionError("refused without a reason", e);
            }
            if (token.length() > SHORTEST_SECRET_TOKEN) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    String message = String.valueOf(t.getMessage());
                    if (message.contains(token)) {
                        throw new AssertionError("a refusal's message holds the token (" + e.reason() + ")");
                    }
                }
            }
            SigilBugs.assertNoneBehind(e);
            return null;
        }
        // Accepted: the claims checks must have held.
        if (!jwt.claims().issuer().equals(Optional.of("joe"))) {
            throw new AssertionError("accepted a token whose iss is not 'joe'");
        }
        Instant exp = jwt.claims().expiresAt().orElseThrow(() -> new AssertionError("accepted a token without exp"));
        if (!exp.isAfter(NOW.minusSeconds(60))) {
            throw new AssertionError("accepted a token that expired at " + exp);
        }
        return jwt;
    }

    private void assertGenuine(String token) {
        String signingInput = token.substring(0, token.lastIndexOf('.'));
        if (!genuineSigningInputs.contains(signingInput)) {
            throw new AssertionError("FORGERY: accepted a token whose signature no key holder made");
        }
    }

    private static byte[] hmacSha256(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HMAC_SECRET, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] ed25519(String signingInput) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(ed25519);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
