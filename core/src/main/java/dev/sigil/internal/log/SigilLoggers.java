package dev.sigil.internal.log;

/**
 * The loggers Sigil writes to, one per logger name, each made on its first use. Making the first
 * {@link System.Logger} is what finds and starts the JDK's logging back end, about 60 classes and
 * 17 ms in a fresh JDK 17, which a verifier that has nothing to say on its way to its first token
 * must not pay; a static logger field in every class on that way made each of them pay it.
 */
public final class SigilLoggers {

    private SigilLoggers() {
    }

    /** {@return {@code dev.sigil.jwk}: key sets, their fetches and their keys} */
    public static System.Logger jwk() {
        return Jwk.LOGGER;
    }

    /** {@return {@code dev.sigil.jwt}: verifiers and their listeners} */
    public static System.Logger jwt() {
        return Jwt.LOGGER;
    }

    /** {@return {@code dev.sigil.spi}: the choice of providers} */
    public static System.Logger spi() {
        return Spi.LOGGER;
    }

    // One holder class per name: the JVM initialises each on its first use, and only then.
    private static final class Jwk {
        static final System.Logger LOGGER = System.getLogger("dev.sigil.jwk");
    }

    private static final class Jwt {
        static final System.Logger LOGGER = System.getLogger("dev.sigil.jwt");
    }

    private static final class Spi {
        static final System.Logger LOGGER = System.getLogger("dev.sigil.spi");
    }
}
