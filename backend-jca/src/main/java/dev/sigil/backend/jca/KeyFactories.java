package dev.sigil.backend.jca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Turns validated public parameters into provider key objects. The providers are resolved once;
 * a {@link KeyFactory} is created per import because it is not thread-safe, and imports are rare.
 */
final class KeyFactories {

    private final Provider rsa;
    private final Provider ec;
    private final Provider ed25519;
    private final Provider ed448;
    private final String where;

    KeyFactories(ProviderChoice providers) {
        this.rsa = providers.find("KeyFactory", "RSA");
        this.ec = providers.find("KeyFactory", "EC");
        this.ed25519 = providers.find("KeyFactory", "Ed25519");
        this.ed448 = providers.find("KeyFactory", "Ed448");
        this.where = providers.describe();
    }

    boolean hasRsa() {
        return rsa != null;
    }

    PublicKey rsa(BigInteger modulus, BigInteger exponent) throws GeneralSecurityException {
        return factory("RSA", rsa).generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }

    PublicKey ec(EcCurve curve, ECPoint point) throws GeneralSecurityException {
        return factory("EC", ec).generatePublic(new ECPublicKeySpec(point, curve.parameters()));
    }

    /** From the raw key {@code x}, which must be of the curve's length. */
    PublicKey ed(EdCurve curve, byte[] x) throws GeneralSecurityException {
        Provider provider = curve == EdCurve.ED25519 ? ed25519 : ed448;
        return factory(curve.jwkName(), provider).generatePublic(new X509EncodedKeySpec(curve.toSpki(x)));
    }

    private KeyFactory factory(String algorithm, Provider provider) throws NoSuchAlgorithmException {
        if (provider == null) {
            throw new NoSuchAlgorithmException("no " + algorithm + " key factory in " + where);
        }
        return KeyFactory.getInstance(algorithm, provider);
    }
}
