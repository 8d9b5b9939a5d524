package dev.sigil.spring.boot;

import dev.sigil.spi.CryptoBackend;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The crypto backend that {@code sigil.jwt.backend} names, found by {@link ServiceLoader} as core
 * finds backends. Core pins a backend by name only through the {@code sigil.crypto} system property,
 * which is global to the JVM; a property of one application context must not set it, so the starter
 * looks the name up itself and hands the instance to {@code cryptoBackend(..)}.
 */
final class BackendByName {

    static final String PROPERTY = "sigil.jwt.backend";

    // A services file naming many missing classes must not make the lookup loop long (as in core).
    private static final int MAX_BROKEN = 32;

    private BackendByName() {
    }

    /** The backend whose {@code name()} is {@code name}; a start-up failure naming the artifact when there is none. */
    static CryptoBackend find(String name) {
        List<String> found = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        // The SPI's own class loader, as core's selection uses.
        Iterator<CryptoBackend> it = ServiceLoader.load(CryptoBackend.class, CryptoBackend.class.getClassLoader()).iterator();
        while (broken.size() < MAX_BROKEN) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                CryptoBackend backend = it.next();
                if (name.equals(backend.name())) {
                    return backend;
                }
                found.add(backend.name());
            } catch (ServiceConfigurationError e) {
                broken.add(e.getMessage());
            }
        }
        String reason = "no CryptoBackend named '" + name + "' on the class path (found: "
                + (found.isEmpty() ? "none" : String.join(", ", found)) + "): " + whatToAdd(name)
                + (broken.isEmpty() ? "" : "; " + broken.size() + " provider(s) failed to load: " + String.join("; ", broken));
        throw new InvalidConfigurationPropertyValueException(PROPERTY, name, reason);
    }

    private static String whatToAdd(String name) {
        switch (name) {
            case "jca":
                return "add dev.sigil:sigil-backend-jca";
            case "bouncycastle":
                return "add dev.sigil:sigil-backend-bouncycastle";
            default:
                return "Sigil's backends are 'jca' (dev.sigil:sigil-backend-jca) and 'bouncycastle'"
                        + " (dev.sigil:sigil-backend-bouncycastle)";
        }
    }
}
