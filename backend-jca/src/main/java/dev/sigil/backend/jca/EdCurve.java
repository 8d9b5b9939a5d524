package dev.sigil.backend.jca;

import dev.sigil.spi.KeyParameters;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The two EdDSA curves of RFC 8037, with the fixed DER prefix that turns a raw public key into an
 * X.509 {@code SubjectPublicKeyInfo} (RFC 8410 section 4). Building the SPKI by hand works with
 * every provider's {@code KeyFactory}, unlike {@code EdECPublicKeySpec}, which wants the point
 * decoded into (xOdd, y) and which not every provider accepts.
 */
enum EdCurve {
    ED25519("Ed25519", "302a300506032b6570032100",
            // RFC 8032 section 7.1, TEST 1: public key and signature of the empty message.
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
    ED448("Ed448", "3043300506032b6571033a00",
            // RFC 8032 section 7.4, "Blank": public key and signature of the empty message.
            "5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180",
            "533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7cdda8530a113a0f4dbb61149f05a7363268c71d95808ff2e652600");

    private final String jwkName;
    private final int keyBytes;
    // Private and never handed out, so these arrays are constants in all but type.
    private final byte[] spkiPrefix;
    private final byte[] testPublicKey;
    private final byte[] testSignature;

    EdCurve(String jwkName, String spkiPrefix, String testPublicKey, String testSignature) {
        HexFormat hex = HexFormat.of();
        this.jwkName = jwkName;
        this.keyBytes = KeyParameters.Okp.keyBytes(jwkName);
        this.spkiPrefix = hex.parseHex(spkiPrefix);
        this.testPublicKey = hex.parseHex(testPublicKey);
        this.testSignature = hex.parseHex(testSignature);
    }

    /** The curve of {@code key}, which is always one of the two. */
    static EdCurve of(KeyParameters.Okp key) {
        return "Ed25519".equals(key.curve()) ? ED25519 : ED448;
    }

    /** {@code "Ed25519"} or {@code "Ed448"}: the JWK {@code crv}, and the JCA name of the key factory and signature. */
    String jwkName() {
        return jwkName;
    }

    /** 64 or 114: twice the encoded key, R and S (RFC 8032 sections 5.1.6 and 5.2.6). */
    int signatureBytes() {
        return 2 * keyBytes;
    }

    /** The X.509 SPKI encoding of the raw public key {@code x}, which must be of this curve's length. */
    byte[] toSpki(byte[] x) {
        byte[] spki = Arrays.copyOf(spkiPrefix, spkiPrefix.length + x.length);
        System.arraycopy(x, 0, spki, spkiPrefix.length, x.length);
        return spki;
    }

    /** The raw public key inside {@code spki}, or {@code null} if {@code spki} is not this curve's SPKI. */
    byte[] fromSpki(byte[] spki) {
        if (spki == null || spki.length != spkiPrefix.length + keyBytes
                || !Arrays.equals(spki, 0, spkiPrefix.length, spkiPrefix, 0, spkiPrefix.length)) {
            return null;
        }
        return Arrays.copyOfRange(spki, spkiPrefix.length, spki.length);
    }

    /** A known-answer public key (RFC 8032), as a raw {@code x}, used to probe a provider. */
    byte[] testPublicKey() {
        return testPublicKey.clone();
    }

    /** The RFC 8032 signature of the empty message under {@link #testPublicKey}. */
    byte[] testSignature() {
        return testSignature.clone();
    }
}
