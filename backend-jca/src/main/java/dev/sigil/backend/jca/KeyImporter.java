package dev.sigil.backend.jca;

import dev.sigil.jwk.InvalidJwkException;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwt.JwsAlgorithm;
import dev.sigil.spi.KeyImportException;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPoint;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Validates public key parameters, from a JWK or from a certificate, and builds {@link JcaKey}s.
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
    private static final Set<String> NIST_CURVES = Set.of("P-256", "P-384", "P-521");

    private final KeyFactories keys;
    private final Map<String, EcCurve> curves;
    private final int minimumRsaBits;
    private final List<HmacVerifier> hmacVerifiers;
    private final Provider certificateProvider;
    private final String where;

    KeyImporter(ProviderChoice providers, KeyFactories keys, Map<String, EcCurve> curves, int minimumRsaBits,
            List<HmacVerifier> hmacVerifiers) {
        this.keys = keys;
        this.curves = curves;
        this.minimumRsaBits = minimumRsaBits;
        this.hmacVerifiers = hmacVerifiers;
        this.certificateProvider = providers.findOrInstalled("CertificateFactory", "X.509");
        this.where = providers.describe();
    }

    JcaKey importKey(Jwk jwk) throws KeyImportException {
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
        } catch (GeneralSecurityException | RuntimeException e) {
            throw refused(type, e);
        }
    }

    /** The certificate's public key as JWK members; judged by the caller, then built by {@link #importKey}. */
    Jwk readCertificateKey(byte[] der) throws KeyImportException {
        Objects.requireNonNull(der, "der");
        // The factory would also take PEM text; x5c holds DER (RFC 7517 section 4.7), nothing else.
        if (der.length == 0 || der[0] != 0x30) {
            throw new KeyImportException("certificate is not DER-encoded");
        }
        if (certificateProvider == null) {
            throw new KeyImportException("no X.509 certificate factory in " + where);
        }
        PublicKey key;
        try {
            ByteArrayInputStream in = new ByteArrayInputStream(der);
            Certificate certificate = CertificateFactory.getInstance("X.509", certificateProvider).generateCertificate(in);
            if (in.available() != 0) {
                throw new KeyImportException("certificate is followed by " + in.available() + " trailing bytes");
            }
            key = certificate.getPublicKey();
        } catch (CertificateException | RuntimeException e) {
            throw new KeyImportException("certificate cannot be parsed", e);
        }
        if (key == null) {
            // BC-FIPS in approved-only mode parses Ed25519 certificates but returns no key.
            throw new KeyImportException("certificate's public key cannot be decoded by " + certificateProvider.getName());
        }
        try {
            return toJwk(key);
        } catch (RuntimeException e) {
            throw refused("certificate", e);
        }
    }

    private Jwk toJwk(PublicKey key) throws KeyImportException {
        if (key instanceof RSAPublicKey) {
            // Also covers RSASSA-PSS keys: a JWS algorithm, not the certificate, decides the padding.
            RSAPublicKey rsa = (RSAPublicKey) key;
            return Jwk.rsaPublicKey(rsa.getModulus(), rsa.getPublicExponent());
        }
        if (key instanceof ECPublicKey) {
            ECPublicKey ec = (ECPublicKey) key;
            for (EcCurve curve : curves.values()) {
                if (curve.sameParameters(ec.getParams())) {
                    ECPoint w = ec.getW();
                    if (ECPoint.POINT_INFINITY.equals(w)) {
                        throw new KeyImportException("ec point is the point at infinity");
                    }
                    return Jwk.ecPublicKey(curve.jwkName(), fixed(w.getAffineX(), curve.fieldBytes()),
                            fixed(w.getAffineY(), curve.fieldBytes()));
                }
            }
            throw new KeyImportException("certificate's ec key is not on P-256, P-384 or P-521 (as available from " + where + ")");
        }
        byte[] spki = "X.509".equals(key.getFormat()) ? key.getEncoded() : null;
        for (EdCurve curve : EdCurve.values()) {
            byte[] x = curve.fromSpki(spki);
            if (x != null) {
                return Jwk.okpPublicKey(curve.jwkName(), x);
            }
        }
        throw new KeyImportException("certificate's " + key.getAlgorithm() + " key is not supported");
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** A coordinate at the field's length (RFC 7518 section 6.2.1.2); one that does not fit is off the curve. */
    private static byte[] fixed(BigInteger value, int length) throws KeyImportException {
        byte[] minimal = unsigned(value);
        if (value.signum() < 0 || minimal.length > length) {
            throw new KeyImportException("certificate's ec point is not on its curve");
        }
        byte[] out = new byte[length];
        System.arraycopy(minimal, 0, out, length - minimal.length, minimal.length);
        return out;
    }

    private RsaKey rsa(BigInteger modulus, BigInteger exponent) throws KeyImportException, GeneralSecurityException {
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
        return new RsaKey(modulus, exponent, keys.rsa(modulus, exponent));
    }

    private EcKey ec(Jwk jwk) throws KeyImportException, GeneralSecurityException {
        String name = curveName(jwk);
        EcCurve curve = curves.get(name);
        if (curve == null) {
            throw new KeyImportException(NIST_CURVES.contains(name)
                    ? "curve " + name + " is not available from " + where
                    : "unsupported curve '" + name + "' for key type EC");
        }
        byte[] x = required(jwk, "x");
        byte[] y = required(jwk, "y");
        // RFC 7518 section 6.2.1.2: exactly the field length, leading zeros included.
        checkLength("x", x, curve.fieldBytes(), name);
        checkLength("y", y, curve.fieldBytes(), name);
        return ec(curve, new BigInteger(1, x), new BigInteger(1, y));
    }

    private EcKey ec(EcCurve curve, BigInteger x, BigInteger y) throws KeyImportException, GeneralSecurityException {
        // Providers differ in whether they validate points; an off-curve point is the way into
        // invalid-curve attacks, so the library checks it itself, the same for every provider.
        if (!curve.contains(x, y)) {
            throw new KeyImportException("ec point is not on curve " + curve.jwkName());
        }
        ECPoint point = new ECPoint(x, y);
        return new EcKey(curve, point, keys.ec(curve, point));
    }

    private EdKey okp(Jwk jwk) throws KeyImportException, GeneralSecurityException {
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
        return new EdKey(curve, x, keys.ed(curve, x));
    }

    private OctKey oct(Jwk jwk) throws KeyImportException {
        byte[] secret = required(jwk, "k");
        if (secret.length == 0) {
            throw new KeyImportException("oct key 'k' is empty");
        }
        Map<JwsAlgorithm, ThreadLocal<MacEngine>> engines = new EnumMap<>(JwsAlgorithm.class);
        for (HmacVerifier verifier : hmacVerifiers) {
            ThreadLocal<MacEngine> engine = verifier.engineFor(secret);
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
     * Provider exceptions are kept as the cause but not quoted: their messages are not under the
     * library's control and could, in some provider, echo key material.
     */
    private KeyImportException refused(String what, Exception e) {
        if (e instanceof NoSuchAlgorithmException) {
            // Our own message, from KeyFactories, naming the missing key factory.
            return new KeyImportException(e.getMessage(), e);
        }
        return new KeyImportException(where + " refused the " + what + " key (" + e.getClass().getSimpleName() + ")", e);
    }
}
