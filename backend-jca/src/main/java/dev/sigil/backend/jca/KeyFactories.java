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
    /** Indexed by {@link MlDsaParameters#ordinal()}; an entry is {@code null} where no provider has the set. */
    private final Provider[] mlDsa;
    private final String where;

    KeyFactories(ProviderChoice providers) {
        this.rsa = providers.find("KeyFactory", "RSA");
        this.ec = providers.find("KeyFactory", "EC");
        this.ed25519 = providers.find("KeyFactory", "Ed25519");
        this.ed448 = providers.find("KeyFactory", "Ed448");
        this.mlDsa = new Provider[MlDsaParameters.values().length];
        for (MlDsaParameters set : MlDsaParameters.values()) {
            mlDsa[set.ordinal()] = providers.find("KeyFactory", set.jwsName());
        }
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

    /** From the raw key {@code pub} (RFC 9964), which must be of the set's length; JDK 24 and later. */
    PublicKey mlDsa(MlDsaParameters set, byte[] pub) throws GeneralSecurityException {
        return factory(set.jwsName(), mlDsa[set.ordinal()]).generatePublic(new X509EncodedKeySpec(set.toSpki(pub)));
    }

    boolean hasMlDsa(MlDsaParameters set) {
        return mlDsa[set.ordinal()] != null;
    }

    private KeyFactory factory(String algorithm, Provider provider) throws NoSuchAlgorithmException {
        if (provider == null) {
            throw new NoSuchAlgorithmException("no " + algorithm + " key factory in " + where);
        }
        return KeyFactory.getInstance(algorithm, provider);
    }
}
