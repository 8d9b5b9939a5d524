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
import java.util.ArrayList;
import java.util.List;

/**
 * Turns validated public parameters into provider key objects. Each key factory's provider is found
 * the first time a key of its type is built ({@link Lazy}), not when the backend is: a verifier that
 * never sees an EC key never loads SunEC. A {@link KeyFactory} is created per import because it is
 * not thread-safe, and imports are rare.
 */
final class KeyFactories {

    private final Lazy<Provider> rsa;
    private final Lazy<Provider> ec;
    private final Lazy<Provider> ed25519;
    private final Lazy<Provider> ed448;
    /** Indexed by {@link MlDsaParameters#ordinal()}; an entry finds {@code null} where no provider has the set. */
    private final List<Lazy<Provider>> mlDsa;
    private final String where;

    KeyFactories(ProviderChoice providers) {
        this.rsa = keyFactory(providers, "RSA");
        this.ec = keyFactory(providers, "EC");
        this.ed25519 = keyFactory(providers, "Ed25519");
        this.ed448 = keyFactory(providers, "Ed448");
        List<Lazy<Provider>> sets = new ArrayList<>();
        for (MlDsaParameters set : MlDsaParameters.values()) {
            sets.add(keyFactory(providers, set.jwsName()));
        }
        this.mlDsa = List.copyOf(sets);
        this.where = providers.describe();
    }

    private static Lazy<Provider> keyFactory(ProviderChoice providers, String algorithm) {
        return new Lazy.ProviderOf(providers, "KeyFactory", algorithm, false);
    }

    boolean hasRsa() {
        return rsa.get() != null;
    }

    PublicKey rsa(BigInteger modulus, BigInteger exponent) throws GeneralSecurityException {
        return factory("RSA", rsa.get()).generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }

    PublicKey ec(EcCurve curve, ECPoint point) throws GeneralSecurityException {
        return factory("EC", ec.get()).generatePublic(new ECPublicKeySpec(point, curve.parameters()));
    }

    /** From the raw key {@code x}, which must be of the curve's length. */
    PublicKey ed(EdCurve curve, byte[] x) throws GeneralSecurityException {
        Provider provider = (curve == EdCurve.ED25519 ? ed25519 : ed448).get();
        return factory(curve.jwkName(), provider).generatePublic(new X509EncodedKeySpec(curve.toSpki(x)));
    }

    /** From the raw key {@code pub} (RFC 9964), which must be of the set's length; JDK 24 and later. */
    PublicKey mlDsa(MlDsaParameters set, byte[] pub) throws GeneralSecurityException {
        return factory(set.jwsName(), mlDsa.get(set.ordinal()).get()).generatePublic(new X509EncodedKeySpec(set.toSpki(pub)));
    }

    boolean hasMlDsa(MlDsaParameters set) {
        return mlDsa.get(set.ordinal()).get() != null;
    }

    private KeyFactory factory(String algorithm, Provider provider) throws NoSuchAlgorithmException {
        if (provider == null) {
            throw new NoSuchAlgorithmException("no " + algorithm + " key factory in " + where);
        }
        return KeyFactory.getInstance(algorithm, provider);
    }
}
