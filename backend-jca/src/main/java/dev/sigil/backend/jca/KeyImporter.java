package dev.sigil.backend.jca;

import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
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
 * Builds {@link JcaKey}s from parameters the verifier has judged, and reads a certificate's key
 * into parameters for it to judge. What it checks itself needs arithmetic or a provider: the EC
 * point on its curve, and whether the provider has the curve or key factory at all. A
 * certificate's ML-DSA key is read on any JDK; only JDK 24 and later import it.
 */
final class KeyImporter {

    private static final Set<String> NIST_CURVES = Set.of("P-256", "P-384", "P-521");

    private final KeyFactories keys;
    private final Lazy<Map<String, EcCurve>> curves;
    private final VerifierTable verifiers;
    private final Lazy<Provider> certificateProvider;
    private final Provider configured;
    private final String where;

    KeyImporter(ProviderChoice providers, KeyFactories keys, Lazy<Map<String, EcCurve>> curves, VerifierTable verifiers) {
        this.keys = keys;
        this.curves = curves;
        this.verifiers = verifiers;
        this.configured = providers.configured();
        this.certificateProvider = new Lazy.ProviderOf(providers, "CertificateFactory", "X.509", true);
        this.where = providers.describe();
    }

    JcaKey importKey(KeyParameters parameters) throws KeyImportException {
        Objects.requireNonNull(parameters, "parameters");
        try {
            if (parameters instanceof KeyParameters.Rsa) {
                KeyParameters.Rsa rsa = (KeyParameters.Rsa) parameters;
                return new RsaKey(rsa, keys.rsa(rsa.modulus(), rsa.exponent()));
            }
            if (parameters instanceof KeyParameters.Ec) {
                return ec((KeyParameters.Ec) parameters);
            }
            if (parameters instanceof KeyParameters.Okp) {
                KeyParameters.Okp okp = (KeyParameters.Okp) parameters;
                EdCurve curve = EdCurve.of(okp);
                return new EdKey(okp, curve, keys.ed(curve, okp.x()));
            }
            if (parameters instanceof KeyParameters.Oct) {
                return oct((KeyParameters.Oct) parameters);
            }
            if (parameters instanceof KeyParameters.Akp) {
                return mlDsa((KeyParameters.Akp) parameters);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw refused(parameters.keyType(), e);
        }
        throw new KeyImportException("unsupported key type " + parameters.keyType());
    }

    private MlDsaKey mlDsa(KeyParameters.Akp parameters) throws KeyImportException, GeneralSecurityException {
        MlDsaParameters set = MlDsaParameters.of(parameters.algorithm());
        if (set == null || !verifiers.supports(set.algorithm())) {
            throw new KeyImportException(parameters.algorithm() + " is not available from backend 'jca': " + mlDsaMissing());
        }
        return new MlDsaKey(parameters, set, keys.mlDsa(set, parameters.publicKey()));
    }

    /** Why there is no ML-DSA here, for a reader who must decide what to change: the JDK, the provider or the backend. */
    private String mlDsaMissing() {
        if (configured != null) {
            // No pointer to BouncyCastle here: a FIPS deployment must not put bcprov beside its provider.
            return where + " does not offer it" + ("BCFIPS".equals(configured.getName()) ? " (BC-FIPS 2.1 has no ML-DSA)" : "");
        }
        int feature = Runtime.version().feature();
        return (feature < 24 ? "the JDK's own ML-DSA needs JDK 24 or later, and this is JDK " + feature
                : where + " do not offer it") + "; sigil-backend-bouncycastle verifies ML-DSA on any JDK";
    }

    /** The certificate's public key as parameters; judged by the caller, then built by {@link #importKey}. */
    KeyParameters readCertificateKey(byte[] der) throws KeyImportException {
        Objects.requireNonNull(der, "der");
        // The factory would also take PEM text; x5c holds DER (RFC 7517 section 4.7), nothing else.
        if (der.length == 0 || der[0] != 0x30) {
            throw new KeyImportException("certificate is not DER-encoded");
        }
        Provider certificates = certificateProvider.get();
        if (certificates == null) {
            throw new KeyImportException("no X.509 certificate factory in " + where);
        }
        PublicKey key;
        try {
            ByteArrayInputStream in = new ByteArrayInputStream(der);
            Certificate certificate = CertificateFactory.getInstance("X.509", certificates).generateCertificate(in);
            if (in.available() != 0) {
                throw new KeyImportException("certificate is followed by " + in.available() + " trailing bytes");
            }
            key = certificate.getPublicKey();
        } catch (CertificateException | RuntimeException e) {
            throw new KeyImportException("certificate cannot be parsed", e);
        }
        try {
            if (key == null) {
                // BC-FIPS in approved-only mode parses Ed25519 certificates but returns no key; an
                // ML-DSA key needs no provider to be read.
                KeyParameters mlDsa = mlDsa(der);
                if (mlDsa == null) {
                    throw new KeyImportException("certificate's public key cannot be decoded by " + certificates.getName());
                }
                return mlDsa;
            }
            return parameters(key, der);
        } catch (RuntimeException e) {
            throw refused("certificate", e);
        }
    }

    /**
     * The ML-DSA key of the certificate {@code der}, or {@code null} if it holds another kind. Read
     * from the certificate's own bytes, on every JDK and with every provider: before JDK 24 the
     * factory gives a generic key, re-encoded in a way that differs between releases. Importing it
     * is another matter, which {@link #importKey} decides (JDK 24 and later).
     */
    private static KeyParameters mlDsa(byte[] der) throws KeyImportException {
        byte[] spki = CertificateSpki.of(der);
        MlDsaParameters set = spki == null ? null : MlDsaParameters.ofSpki(spki);
        return set == null ? null : new KeyParameters.Akp(set.jwsName(), set.publicKey(spki));
    }

    private KeyParameters parameters(PublicKey key, byte[] der) throws KeyImportException {
        if (key instanceof RSAPublicKey) {
            // Also covers RSASSA-PSS keys: a JWS algorithm, not the certificate, decides the padding.
            RSAPublicKey rsa = (RSAPublicKey) key;
            return new KeyParameters.Rsa(rsa.getModulus(), rsa.getPublicExponent());
        }
        if (key instanceof ECPublicKey) {
            ECPublicKey ec = (ECPublicKey) key;
            for (EcCurve curve : curves.get().values()) {
                if (curve.sameParameters(ec.getParams())) {
                    ECPoint w = ec.getW();
                    if (ECPoint.POINT_INFINITY.equals(w)) {
                        throw new KeyImportException("ec point is the point at infinity");
                    }
                    return new KeyParameters.Ec(curve.jwkName(), fixed(w.getAffineX(), curve.fieldBytes()),
                            fixed(w.getAffineY(), curve.fieldBytes()));
                }
            }
            throw new KeyImportException("certificate's ec key is not on P-256, P-384 or P-521 (as available from " + where + ")");
        }
        byte[] spki = "X.509".equals(key.getFormat()) ? key.getEncoded() : null;
        for (EdCurve curve : EdCurve.values()) {
            byte[] x = curve.fromSpki(spki);
            if (x != null) {
                return new KeyParameters.Okp(curve.jwkName(), x);
            }
        }
        KeyParameters mlDsa = mlDsa(der);
        if (mlDsa != null) {
            return mlDsa;
        }
        throw new KeyImportException("certificate's " + key.getAlgorithm() + " key is not supported");
    }

    /** A coordinate at the field's length (RFC 7518 section 6.2.1.2); one that does not fit is off the curve. */
    private static byte[] fixed(BigInteger value, int length) throws KeyImportException {
        byte[] minimal = value.toByteArray();
        int skip = minimal.length > 1 && minimal[0] == 0 ? 1 : 0;
        if (value.signum() < 0 || minimal.length - skip > length) {
            throw new KeyImportException("certificate's ec point is not on its curve");
        }
        byte[] out = new byte[length];
        System.arraycopy(minimal, skip, out, length - (minimal.length - skip), minimal.length - skip);
        return out;
    }

    private EcKey ec(KeyParameters.Ec parameters) throws KeyImportException, GeneralSecurityException {
        String name = parameters.curve();
        EcCurve curve = curves.get().get(name);
        if (curve == null) {
            throw new KeyImportException(NIST_CURVES.contains(name)
                    ? "curve " + name + " is not available from " + where
                    : "unsupported curve '" + name + "' for key type EC");
        }
        BigInteger x = new BigInteger(1, parameters.x());
        BigInteger y = new BigInteger(1, parameters.y());
        // Providers differ in whether they validate points; an off-curve point is the way into
        // invalid-curve attacks, so the library checks it itself, the same for every provider.
        if (!curve.contains(x, y)) {
            throw new KeyImportException("ec point is not on curve " + name);
        }
        ECPoint point = new ECPoint(x, y);
        return new EcKey(parameters, keys.ec(curve, point));
    }

    private OctKey oct(KeyParameters.Oct parameters) {
        byte[] secret = parameters.k();
        Map<JwsAlgorithm, EnginePool<MacEngine>> engines = new EnumMap<>(JwsAlgorithm.class);
        for (HmacVerifier verifier : verifiers.hmacVerifiers()) {
            EnginePool<MacEngine> engine = verifier.engineFor(secret);
            if (engine != null) {
                engines.put(verifier.algorithm(), engine);
            }
        }
        OctKey key = new OctKey(parameters, Collections.unmodifiableMap(engines));
        // The engines' SecretKeySpec holds its own copy; this one is not left lying around.
        Arrays.fill(secret, (byte) 0);
        return key;
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
