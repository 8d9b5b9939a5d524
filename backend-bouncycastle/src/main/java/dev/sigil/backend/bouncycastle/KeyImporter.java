package dev.sigil.backend.bouncycastle;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.Arrays;

/**
 * Builds {@link BcKey}s from parameters the verifier has judged, and reads a certificate's key into
 * parameters for it to judge. What it checks itself needs arithmetic: the EC point on its curve,
 * and the Edwards encoding decoding to a point. An ML-DSA key needs no check beyond its length,
 * which its parameters hold; a certificate's is read from its RFC 9881 SubjectPublicKeyInfo.
 */
final class KeyImporter {

    private final EcCurves curves;
    private final List<HmacVerifier> hmacVerifiers;

    KeyImporter(EcCurves curves, List<HmacVerifier> hmacVerifiers) {
        this.curves = curves;
        this.hmacVerifiers = hmacVerifiers;
    }

    BcKey importKey(KeyParameters parameters) throws KeyImportException {
        Objects.requireNonNull(parameters, "parameters");
        try {
            if (parameters instanceof KeyParameters.Rsa) {
                return new RsaKey((KeyParameters.Rsa) parameters);
            }
            if (parameters instanceof KeyParameters.Ec) {
                return ec((KeyParameters.Ec) parameters);
            }
            if (parameters instanceof KeyParameters.Okp) {
                return ed((KeyParameters.Okp) parameters);
            }
            if (parameters instanceof KeyParameters.Oct) {
                return oct((KeyParameters.Oct) parameters);
            }
            return new MlDsaKey((KeyParameters.Akp) parameters);
        } catch (RuntimeException e) {
            throw refused(parameters.keyType(), e);
        }
    }

    /** The certificate's public key as parameters; judged by the caller, then built by {@link #importKey}. */
    KeyParameters readCertificateKey(byte[] der) throws KeyImportException {
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
            return parameters(spki);
        } catch (IOException | RuntimeException e) {
            throw refused("certificate", e);
        }
    }

    private KeyParameters parameters(SubjectPublicKeyInfo spki) throws KeyImportException, IOException {
        ASN1ObjectIdentifier algorithm = spki.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm) || PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm)) {
            // Also RSASSA-PSS keys: a JWS algorithm, not the certificate, decides the padding. Read
            // as plain numbers, no key object: the checks come first, exactly as for a JWK.
            RSAPublicKey rsa = RSAPublicKey.getInstance(spki.parsePublicKey());
            return new KeyParameters.Rsa(rsa.getModulus(), rsa.getPublicExponent());
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            // PublicKeyFactory resolves named and explicit curve parameters and decodes the point.
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(spki);
            ECPublicKeyParameters ec = (ECPublicKeyParameters) key;
            for (EcCurve curve : curves.all()) {
                if (curve.sameParameters(ec.getParameters())) {
                    ECPoint q = ec.getQ().normalize();
                    if (q.isInfinity()) {
                        throw new KeyImportException("ec point is the point at infinity");
                    }
                    return new KeyParameters.Ec(curve.jwkName(), q.getAffineXCoord().getEncoded(),
                            q.getAffineYCoord().getEncoded());
                }
            }
            throw new KeyImportException("certificate's ec key is not on P-256, P-384, P-521 or secp256k1");
        }
        EdCurve ed = EdCurve.fromOid(algorithm);
        if (ed != null) {
            // Only read: the encoding and small-order checks are the caller's, as for a JWK; a key of
            // the wrong length is no Okp at all, and refused here.
            return new KeyParameters.Okp(ed.jwkName(), spki.getPublicKeyData().getOctets());
        }
        String mlDsa = mlDsaName(algorithm);
        if (mlDsa != null) {
            return mlDsa(mlDsa, spki);
        }
        throw new KeyImportException("certificate's key algorithm " + algorithm.getId() + " is not supported");
    }

    /** The JOSE name of the ML-DSA parameter set whose OID (RFC 9881) is {@code algorithm}, or {@code null}. */
    private static String mlDsaName(ASN1ObjectIdentifier algorithm) {
        if (NISTObjectIdentifiers.id_ml_dsa_44.equals(algorithm)) {
            return "ML-DSA-44";
        }
        if (NISTObjectIdentifiers.id_ml_dsa_65.equals(algorithm)) {
            return "ML-DSA-65";
        }
        return NISTObjectIdentifiers.id_ml_dsa_87.equals(algorithm) ? "ML-DSA-87" : null;
    }

    /**
     * The raw FIPS 204 key of an ML-DSA certificate, only read: t1 = 0 and the rest are the
     * caller's checks, as for a JWK's {@code pub}. What RFC 9881 forbids is refused here, in words
     * of its own, since an {@code Akp} cannot even hold a key of the wrong length.
     */
    private static KeyParameters.Akp mlDsa(String name, SubjectPublicKeyInfo spki) throws KeyImportException {
        // RFC 9881 section 2: the parameters MUST be absent (not even NULL).
        if (spki.getAlgorithm().getParameters() != null) {
            throw new KeyImportException("certificate's " + name + " key has algorithm parameters, which RFC 9881 forbids");
        }
        if (spki.getPublicKeyData().getPadBits() != 0) {
            throw new KeyImportException("certificate's " + name + " key is not a whole number of bytes");
        }
        byte[] pub = spki.getPublicKeyData().getOctets();
        int expected = KeyParameters.Akp.publicKeyBytes(name);
        if (pub.length != expected) {
            throw new KeyImportException("certificate's " + name + " public key must be " + expected + " bytes, got " + pub.length);
        }
        return new KeyParameters.Akp(name, pub);
    }

    private EcKey ec(KeyParameters.Ec parameters) throws KeyImportException {
        EcCurve curve = curves.get(parameters.curve());
        if (curve == null) {
            throw new KeyImportException("unsupported curve '" + parameters.curve() + "' for key type EC");
        }
        // An off-curve point is the way into invalid-curve attacks; checked here, explicitly.
        ECPublicKeyParameters point = curve.publicKey(new BigInteger(1, parameters.x()), new BigInteger(1, parameters.y()));
        if (point == null) {
            throw new KeyImportException("ec point is not on curve " + curve.jwkName());
        }
        return new EcKey(parameters, point);
    }

    private static EdKey ed(KeyParameters.Okp parameters) throws KeyImportException {
        EdCurve curve = EdCurve.of(parameters);
        try {
            return new EdKey(parameters, curve);
        } catch (IllegalArgumentException e) {
            // The point is decoded now rather than at each verification (RFC 8032 section 5.1.3):
            // a y with no x on the curve can never verify anything.
            throw new KeyImportException("'x' is not a valid " + curve.jwkName() + " public key", e);
        }
    }

    private OctKey oct(KeyParameters.Oct parameters) {
        byte[] secret = parameters.k();
        Map<JwsAlgorithm, EnginePool<HmacEngine>> engines = new EnumMap<>(JwsAlgorithm.class);
        for (HmacVerifier verifier : hmacVerifiers) {
            EnginePool<HmacEngine> engine = verifier.engineFor(secret);
            if (engine != null) {
                engines.put(verifier.algorithm(), engine);
            }
        }
        OctKey key = new OctKey(parameters, Collections.unmodifiableMap(engines));
        // The engines' KeyParameter holds its own copy; this one is not left lying around.
        Arrays.fill(secret, (byte) 0);
        return key;
    }

    /**
     * BouncyCastle's exceptions are kept as the cause but not quoted: their messages are not under
     * the library's control and could, in some version, echo key material.
     */
    private static KeyImportException refused(String what, Exception e) {
        return new KeyImportException("bouncycastle refused the " + what + " key (" + e.getClass().getSimpleName() + ")", e);
    }
}
