package dev.sigil.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.JsonCodec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bundled real provider's key set ({@link RealIssuers}) parses with each codec and loads into a
 * verifier over the backend under test, and each of its keys is usable or refused for a reason this
 * kit names by the class of quirk, never by provider: an RSA modulus below RFC 7518's 2,048 bits,
 * and an X25519 or X448 key, which is for key agreement. Loosely spelled members (Battle.net's
 * standard base64) are kept and reported. Extend it with the backend, and the codecs the module has:
 *
 * <pre>{@code
 * class JcaRealIssuerKeySetsTest extends RealIssuerKeySetsContract {
 *     @Override
 *     protected CryptoBackend newBackend() {
 *         return new JcaCryptoBackend();
 *     }
 * }
 * }</pre>
 */
public abstract class RealIssuerKeySetsContract extends CryptoBackendContract {

    /** {@return the codecs the sets are parsed with: the built-in one unless a module has more} */
    protected List<JsonCodec> codecs() {
        return List.of(new BuiltinJsonCodec());
    }

    /** What a verifier over the backend made of one set. */
    private record Loaded(Map<String, String> dropped, Map<String, String> loose, int usable) {
    }

    private Loaded load(JwkSet set) {
        Map<String, String> dropped = new TreeMap<>();
        Map<String, String> loose = new TreeMap<>();
        int[] usable = new int[1];
        JwtVerifier.builder().ignoreIssuer().ignoreAudience().cryptoBackend(backend()).keys(set)
                .listener(new JwksListener() {
                    @Override
                    public void keyDropped(DroppedKey key) {
                        dropped.put("#" + key.index() + " " + key.keyId(), key.reason());
                    }

                    @Override
                    public void keyNotCanonical(int index, String keyId, String detail) {
                        loose.put("#" + index + " " + keyId, detail);
                    }

                    @Override
                    public void keysLoaded(int usableKeys) {
                        usable[0] = usableKeys;
                    }
                }).build().close();
        return new Loaded(dropped, loose, usable[0]);
    }

    /**
     * The reason part a key must be refused with, by its class, or {@code null} when it must be usable:
     * what any provider's set is held to, not just the bundled ones.
     */
    static String expectedRefusal(Jwk key) {
        if (key.keyType().equals("RSA") && key.binaryMember("n").isPresent()
                && new BigInteger(1, key.binaryMember("n").get()).bitLength() < 2048) {
            return "RFC 7518 section 3.3 requires 2048 bits";
        }
        if (key.keyType().equals("OKP") && key.curve().filter(c -> c.equals("X25519") || c.equals("X448")).isPresent()) {
            return "is for key agreement and cannot verify signatures";
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> everyKeyOfEveryProviderIsUsableOrRefusedForANamedReason() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : RealIssuers.NAMES) {
            for (JsonCodec codec : codecs()) {
                tests.add(DynamicTest.dynamicTest(name + " (" + codec.name() + " codec, " + backend().name() + " backend)", () -> {
                    JwkSet set = JwkSet.parse(RealIssuers.jwks(name), codec);
                    assertEquals(List.of(), set.malformedKeys(), "every key parses");
                    assertEquals(JwkSet.parse(RealIssuers.jwks(name)).keys(), set.keys(), "every codec reads the same keys");
                    Map<String, String> expected = new TreeMap<>();
                    for (int i = 0; i < set.keys().size(); i++) {
                        Jwk key = set.keys().get(i);
                        String refusal = expectedRefusal(key);
                        if (refusal != null) {
                            expected.put("#" + set.sourcePosition(i) + " " + key.keyId().orElse(null), refusal);
                        }
                    }
                    Loaded loaded = load(set);
                    assertEquals(expected.keySet(), loaded.dropped().keySet(), () -> "dropped: " + loaded.dropped());
                    expected.forEach((key, part) -> assertTrue(loaded.dropped().get(key).contains(part),
                            () -> key + " refused for: " + loaded.dropped().get(key)));
                    assertEquals(set.keys().size() - expected.size(), loaded.usable());
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void ofTheBundledProvidersOnlyYahoosWeakRsaKeysAndPayPalsX25519KeyAreRefused() {
        List<String> refused = new ArrayList<>();
        for (String name : RealIssuers.NAMES) {
            load(JwkSet.parse(RealIssuers.jwks(name))).dropped().forEach((key, reason) -> refused.add(name + " " + key + ": " + reason));
        }
        String rsa = ": rsa modulus of 1024 bits is below the minimum of 2048: RFC 7518 section 3.3 requires 2048 bits or"
                + " more for RS256 and every RSA algorithm (minRsaKeySize(..) lowers the minimum, at the risk its"
                + " documentation states)";
        assertEquals(List.of("paypal #7 753778214125442a472d4b6150645367: curve X25519 is for key agreement and cannot"
                        + " verify signatures: it serves ECDH-ES encryption (RFC 8037 section 3.2), and no setting makes it"
                        + " a signing key",
                "yahoo #0 6ff94cdad11e7c3ac08dc9ec3c44844b87e364f7" + rsa, "yahoo #2 0" + rsa, "yahoo #3 4" + rsa), refused);
    }

    @Test
    void yahoosWeakKeysAreUsableOnlyWhenTheMinimumIsLoweredOnPurpose() {
        int[] usable = new int[1];
        JwtVerifier.builder().ignoreIssuer().ignoreAudience().cryptoBackend(backend()).keys(JwkSet.parse(RealIssuers.jwks("yahoo")))
                .minRsaKeySize(1024).listener(new JwksListener() {
                    @Override
                    public void keysLoaded(int usableKeys) {
                        usable[0] = usableKeys;
                    }
                }).build().close();
        assertEquals(4, usable[0]);
    }

    @Test
    void battleNetsStandardBase64KeysAreKeptAndReportedAsLooselySpelled() {
        Loaded loaded = load(JwkSet.parse(RealIssuers.jwks("battle-net")));
        assertEquals(Map.of(), loaded.dropped());
        assertEquals(2, loaded.usable());
        String detail = "'n' is standard base64 or padded, not base64url; 'n' has leading zero octets (accepted: the key"
                + " is the same)";
        assertEquals(Map.of("#0 877671eb-3ba7-4c1a-ae44-cf592d4c5b97", detail,
                "#1 4ccec5815bc0779dc36e7a895fb42b3e4205a894ad85b023e81acc3fd1718fa4", detail), loaded.loose());
    }
}
