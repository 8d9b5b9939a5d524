package dev.sigil.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The keytool-made certificates in {@code certificates/} (see its README): each DER certificate and
 * the public JWK members of its key. The one copy of Sigil's test certificates: the contract kits
 * use them, and so may a module's own tests ({@code "rsa-2048"}, {@code "ec-p256"}, {@code "ed25519"},
 * and the ML-DSA ones, {@code "mldsa-44"}, {@code "mldsa-65"}, {@code "mldsa-87"}).
 */
public final class TestCertificates {

    private TestCertificates() {
    }

    /**
     * {@return the DER certificate {@code name}, whole}
     *
     * @param name a certificate's name, such as {@code "rsa-2048"}
     */
    public static byte[] der(String name) {
        try (InputStream in = open(name + ".der")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@return the certificate key's public JWK members, in a mutable map}
     *
     * @param name a certificate's name, such as {@code "rsa-2048"}
     */
    public static Map<String, Object> jwk(String name) {
        Properties properties = new Properties();
        try (InputStream in = open(name + ".jwk.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> members = new LinkedHashMap<>();
        for (String member : new String[] {"kty", "alg", "crv", "n", "e", "x", "y", "pub"}) {
            if (properties.getProperty(member) != null) {
                members.put(member, properties.getProperty(member));
            }
        }
        return members;
    }

    /**
     * {@return the JWK members with the certificate as {@code x5c}, in a mutable map}
     *
     * @param name a certificate's name, such as {@code "rsa-2048"}
     */
    public static Map<String, Object> jwkWithCertificate(String name) {
        Map<String, Object> members = jwk(name);
        members.put("x5c", List.of(Base64.getEncoder().encodeToString(der(name))));
        return members;
    }

    /**
     * {@return ML-DSA certificate {@code name} ({@code "mldsa-44"} and so on) with NULL algorithm
     * parameters in its SubjectPublicKeyInfo, which RFC 9881 forbids; its signature no longer
     * matches, which readCertificateKey does not check}
     *
     * @param name {@code "mldsa-44"}, {@code "mldsa-65"} or {@code "mldsa-87"}
     */
    public static byte[] mlDsaWithNullParameters(String name) {
        return mlDsaWith(name, new byte[] {0x05, 0x00}, -1);
    }

    /**
     * {@return ML-DSA certificate {@code name} with its public key cut or zero-padded to {@code length} bytes}
     *
     * @param name {@code "mldsa-44"}, {@code "mldsa-65"} or {@code "mldsa-87"}
     * @param length the public key length wanted, in bytes
     */
    public static byte[] mlDsaWithKeyLength(String name, int length) {
        return mlDsaWith(name, new byte[0], length);
    }

    private static byte[] mlDsaWith(String name, byte[] parameters, int length) {
        Map<String, Object> jwk = jwk(name);
        byte[] pub = Base64.getUrlDecoder().decode((String) jwk.get("pub"));
        byte[] spki = CertificateSurgery.spki(CertificateSurgery.mlDsaOid((String) jwk.get("alg")), parameters,
                length < 0 ? pub : Arrays.copyOf(pub, length));
        return CertificateSurgery.withSpki(der(name), spki);
    }

    private static InputStream open(String file) {
        InputStream in = TestCertificates.class.getResourceAsStream("certificates/" + file);
        if (in == null) {
            throw new IllegalStateException("test certificate missing from sigil-testkit: " + file);
        }
        return in;
    }
}
