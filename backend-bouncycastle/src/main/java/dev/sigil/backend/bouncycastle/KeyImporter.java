package dev.sigil.backend.bouncycastle;

import dev.sigil.jwk.InvalidJwkException;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.spi.KeyImportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Validates public key parameters, from a JWK or from a certificate, and builds {@link BcKey}s.
 * Both routes reduce a key to the same raw parameters and go through the same checks, so a key
 * and its certificate are judged alike and compare equal.
 */
final class KeyImporter {

    /** Larger moduli only make verification slow, a denial-of-service lever for whoever publishes keys. */
    static final int MAX_RSA_BITS = 16384;
    /**
     * FIPS 186-5 bounds e below 2^256; in practice e is 65537. A bound at all matters because
     * verification time grows with the exponent's length.
     */
    static final int MAX_RSA_EXPONENT_BITS = 256;
    private static final BigInteger THREE = BigInteger.valueOf(3);

    private final Map<String, EcCurve> curves;
    private final int minimumRsaBits;
    private final List<HmacVerifier> hmacVerifiers;

    KeyImporter(Map<String, EcCurve> curves, int minimumRsaBits, List<HmacVerifier> hmacVerifiers) {
        this.curves = curves;
        this.minimumRsaBits = minimumRsaBits;
        this.hmacVerifiers = hmacVerifiers;
    }

    BcKey importKey(Jwk jwk) throws KeyImportException {
        Objects.requireNonNull(jwk, "jwk");
        if (jwk.hasPrivateParameters()) {
            throw new KeyImportException("jwk carries private key material (d, p, q, dp, dq, qi or oth)");
        }
        String type = jwk.keyType();
        try {
            switch (type) {
                case "RSA":
                    return rsa(new BigInteger(1, required(jwk, "n")), new BigInteger(1, required(jwk, "e")));
                case "EC":
                    return ec(jwk);
                case "OKP":
                    return okp(jwk);
                case "oct":
                    return oct(jwk);
                default:
                    throw new KeyImportException("unsupported key type '" + type + "'");
            }
        } catch (InvalidJwkException e) {
            throw new KeyImportException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw refused(type, e);
        }
    }

    /** The certificate's public key as JWK members; judged by the caller, then built by {@link #importKey}. */
    Jwk readCertificateKey(byte[] der) throws KeyImportException {
        Objects.requireNonNull(der, "der");
        // x5c holds DER (RFC 7517 section 4.7): no PEM text, and no BER indefinite length outside.
        if (der.length < 2 || der[0] != 0x30 || der[1] == (byte) 0x80) {
            throw new KeyImportException("certificate is not DER-encoded");
        }
        SubjectPublicKeyInfo spki;
        try {
            ByteArrayInputStream bytes = new ByteArrayInputStream(der);
            ASN1Primitive parsed;
            // The limit stops a forged length from making the parser allocate beyond the input.
            try (ASN1InputStream in = new ASN1InputStream(bytes, der.length)) {
                parsed = in.readObject();
            }
            if (parsed == null) {
                throw new KeyImportException("certificate cannot be parsed");
            }
            if (bytes.available() != 0) {
                throw new KeyImportException("certificate is followed by " + bytes.available() + " trailing bytes");
            }
            spki = new X509CertificateHolder(Certificate.getInstance(parsed)).getSubjectPublicKeyInfo();
        } catch (IOException | RuntimeException e) {
            throw new KeyImportException("certificate cannot be parsed", e);
        }
        try {
            return toJwk(spki);
        } catch (IOException | RuntimeException e) {
            throw refused("certificate", e);
        }
    }

    private Jwk toJwk(SubjectPublicKeyInfo spki) throws KeyImportException, IOException {
        ASN1ObjectIdentifier algorithm = spki.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm) || PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm)) {
            // Also RSASSA-PSS keys: a JWS algorithm, not the certificate, decides the padding. Read
            // as plain numbers, no key object: the checks come first, exactly as for a JWK.
            RSAPublicKey rsa = RSAPublicKey.getInstance(spki.parsePublicKey());
            return Jwk.rsaPublicKey(rsa.getModulus(), rsa.getPublicExponent());
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            // PublicKeyFactory resolves named and explicit curve parameters and decodes the point.
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(spki);
            ECPublicKeyParameters ec = (ECPublicKeyParameters) key;
            for (EcCurve curve : curves.values()) {
                if (curve.sameParameters(ec.getParameters())) {
                    ECPoint q = ec.getQ().normalize();
                    if (q.isInfinity()) {
                        throw new KeyImportException("ec point is the point at infinity");
                    }
                    return Jwk.ecPublicKey(curve.jwkName(), q.getAffineXCoord().getEncoded(),
                            q.getAffineYCoord().getEncoded());
                }
            }
            throw new KeyImportException("certificate's ec key is not on P-256, P-384, P-521 or secp256k1");
        }
        EdCurve ed = EdCurve.fromOid(algorithm);
        if (ed != null) {
            // Only read: the length, encoding and small-order checks are the caller's, as for a JWK.
            return Jwk.okpPublicKey(ed.jwkName(), spki.getPublicKeyData().getOctets());
        }
        throw new KeyImportException("certificate's key algorithm " + algorithm.getId() + " is not supported");
    }

    private RsaKey rsa(BigInteger modulus, BigInteger exponent) throws KeyImportException {
        int bits = modulus.bitLength();
        if (bits < minimumRsaBits) {
            throw new KeyImportException("rsa modulus of " + bits + " bits is below the minimum of " + minimumRsaBits);
        }
        if (bits > MAX_RSA_BITS) {
            throw new KeyImportException("rsa modulus of " + bits + " bits exceeds the maximum of " + MAX_RSA_BITS);
        }
        if (!modulus.testBit(0)) {
            throw new KeyImportException("rsa modulus is even");
        }
        if (exponent.compareTo(THREE) < 0) {
            throw new KeyImportException("rsa public exponent is below 3");
        }
        if (!exponent.testBit(0)) {
            throw new KeyImportException("rsa public exponent is even");
        }
        if (exponent.bitLength() > MAX_RSA_EXPONENT_BITS) {
            throw new KeyImportException("rsa public exponent of " + exponent.bitLength() + " bits exceeds "
                    + MAX_RSA_EXPONENT_BITS + " bits");
        }
        if (exponent.compareTo(modulus) >= 0) {
            throw new KeyImportException("rsa public exponent is not below the modulus");
        }
        // "Internal": BouncyCastle skips its own modulus validation, a Miller-Rabin test costing about
        // a second per 16384-bit modulus. Sigil's verifiers check every modulus before it gets here
        // (small factors, Fermat factoring, primality), once, within a per-set budget.
        return new RsaKey(new RSAKeyParameters(false, modulus, exponent, true));
    }

    private EcKey ec(Jwk jwk) throws KeyImportException {
        String name = curveName(jwk);
        EcCurve curve = curves.get(name);
        if (curve == null) {
            throw new KeyImportException("unsupported curve '" + name + "' for key type EC");
        }
        byte[] x = required(jwk, "x");
        byte[] y = required(jwk, "y");
        // RFC 7518 section 6.2.1.2: exactly the field length, leading zeros included.
        checkLength("x", x, curve.fieldBytes(), name);
        checkLength("y", y, curve.fieldBytes(), name);
        return ec(curve, new BigInteger(1, x), new BigInteger(1, y));
    }

    private static EcKey ec(EcCurve curve, BigInteger x, BigInteger y) throws KeyImportException {
        // An off-curve point is the way into invalid-curve attacks; checked here, explicitly.
        ECPublicKeyParameters parameters = curve.publicKey(x, y);
        if (parameters == null) {
            throw new KeyImportException("ec point is not on curve " + curve.jwkName());
        }
        return new EcKey(curve, x, y, parameters);
    }

    private static EdKey okp(Jwk jwk) throws KeyImportException {
        String name = curveName(jwk);
        if ("X25519".equals(name) || "X448".equals(name)) {
            throw new KeyImportException("curve " + name + " is for key agreement and cannot verify signatures");
        }
        EdCurve curve = EdCurve.fromJwkName(name);
        if (curve == null) {
            throw new KeyImportException("unsupported curve '" + name + "' for key type OKP");
        }
        byte[] x = required(jwk, "x");
        checkLength("x", x, curve.keyBytes(), name);
        return ed(curve, x);
    }

    private static EdKey ed(EdCurve curve, byte[] x) throws KeyImportException {
        try {
            return new EdKey(curve, x);
        } catch (IllegalArgumentException e) {
            // The point is decoded now rather than at each verification (RFC 8032 section 5.1.3):
            // a non-canonical y or a y with no x on the curve can never verify anything.
            throw new KeyImportException("'x' is not a valid " + curve.jwkName() + " public key", e);
        }
    }

    private OctKey oct(Jwk jwk) throws KeyImportException {
        byte[] secret = required(jwk, "k");
        if (secret.length == 0) {
            throw new KeyImportException("oct key 'k' is empty");
        }
        Map<JwsAlgorithm, ThreadLocal<HmacEngine>> engines = new EnumMap<>(JwsAlgorithm.class);
        for (HmacVerifier verifier : hmacVerifiers) {
            ThreadLocal<HmacEngine> engine = verifier.engineFor(secret);
            if (engine != null) {
                engines.put(verifier.algorithm(), engine);
            }
        }
        OctKey key = new OctKey(secret, Collections.unmodifiableMap(engines));
        Arrays.fill(secret, (byte) 0);
        return key;
    }

    private static String curveName(Jwk jwk) throws KeyImportException {
        return jwk.curve().orElseThrow(() -> new KeyImportException(jwk.keyType() + " key has no 'crv'"));
    }

    private static byte[] required(Jwk jwk, String member) throws KeyImportException {
        return jwk.binaryMember(member).orElseThrow(
                () -> new KeyImportException(jwk.keyType() + " key has no '" + member + "'"));
    }

    private static void checkLength(String member, byte[] value, int expected, String curve) throws KeyImportException {
        if (value.length != expected) {
            throw new KeyImportException("'" + member + "' must be " + expected + " bytes for " + curve + ", got " + value.length);
        }
    }

    /**
     * BouncyCastle's exceptions are kept as the cause but not quoted: their messages are not under
     * the library's control and could, in some version, echo key material.
     */
    private static KeyImportException refused(String what, Exception e) {
        return new KeyImportException("bouncycastle refused the " + what + " key (" + e.getClass().getSimpleName() + ")", e);
    }
}
