package dev.sigil.spi;

/**
 * A skeleton for a backend's keys: the description every {@link VerificationKey} gives (type,
 * curve, size), taken once from the {@link KeyParameters} the key was built from, so that a key and
 * its parameters always agree. It keeps no key material, not even an {@code oct} key's secret:
 * the subclass holds what its backend verifies with.
 *
 * <p>Immutable; a subclass must be too.
 */
public abstract class AbstractVerificationKey implements VerificationKey {

    private final String keyType;
    private final String curve;
    private final int sizeBits;

    /**
     * Describes the key by {@code parameters}' {@link KeyParameters#keyType()}, {@link KeyParameters#curve()} and
     * {@link KeyParameters#sizeBits()}.
     *
     * @param parameters the parameters the key was built from, after the backend's own checks
     */
    protected AbstractVerificationKey(KeyParameters parameters) {
        this.keyType = parameters.keyType();
        this.curve = parameters.curve();
        this.sizeBits = parameters.sizeBits();
    }

    @Override
    public final String keyType() {
        return keyType;
    }

    @Override
    public final String curve() {
        return curve;
    }

    @Override
    public final int sizeBits() {
        return sizeBits;
    }

    /** The class's simple name with the curve or the size, such as {@code EcKey[P-256]} or {@code RsaKey[2048 bits]}; never key material. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (curve != null ? curve : sizeBits + " bits") + "]";
    }
}
