package dev.sigil.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The keytool-made certificates in {@code certificates/} (see its README): each DER certificate and
 * the public JWK members of its key. The one copy of Sigil's test certificates: the contract kits
 * use them, and so may a module's own tests ({@code "rsa-2048"}, {@code "ec-p256"}, {@code "ed25519"}).
 */
public final class TestCertificates {

    private TestCertificates() {
    }

    /** The DER certificate {@code name}, whole. */
    public static byte[] der(String name) {
        try (InputStream in = open(name + ".der")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate key's public JWK members, in a mutable map. */
    public static Map<String, Object> jwk(String name) {
        Properties properties = new Properties();
        try (InputStream in = open(name + ".jwk.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> members = new LinkedHashMap<>();
        for (String member : new String[] {"kty", "crv", "n", "e", "x", "y"}) {
            if (properties.getProperty(member) != null) {
                members.put(member, properties.getProperty(member));
            }
        }
        return members;
    }

    /** The JWK members with the certificate as {@code x5c}, in a mutable map. */
    public static Map<String, Object> jwkWithCertificate(String name) {
        Map<String, Object> members = jwk(name);
        members.put("x5c", List.of(Base64.getEncoder().encodeToString(der(name))));
        return members;
    }

    private static InputStream open(String file) {
        InputStream in = TestCertificates.class.getResourceAsStream("certificates/" + file);
        if (in == null) {
            throw new IllegalStateException("test certificate missing from sigil-testkit: " + file);
        }
        return in;
    }
}
