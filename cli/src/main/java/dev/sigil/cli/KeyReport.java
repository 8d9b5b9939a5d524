package dev.sigil.cli;

import dev.sigil.jwk.InvalidJwkException;
import dev.sigil.jwk.Jwk;
import dev.sigil.spi.UntrustedText;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * What a human wants to know about one published key, and nothing secret: its size or curve, its
 * RFC 7638 thumbprint (never for a secret key: a hash of a short secret can be brute-forced), and
 * its certificate's subject and validity.
 */
final class KeyReport {

    private KeyReport() {
    }

    /** "2048 bits", "P-256", "Ed25519", "public key 1952 bytes" (ML-DSA), or "?" when the key does not say; printable. */
    static String sizeOrCurve(Jwk key) {
        if (key.curve().isPresent()) {
            return UntrustedText.printable(key.curve().get());
        }
        try {
            return switch (key.keyType()) {
                case "RSA" -> key.binaryMember("n").map(n -> new BigInteger(1, n).bitLength() + " bits")
                        .orElseGet(() -> sizeFromCertificate(key));
                case "oct" -> key.binaryMember("k").map(k -> k.length * 8 + " bits").orElse("?");
                case "AKP" -> key.binaryMember("pub").map(pub -> "public key " + pub.length + " bytes").orElse("?");
                default -> sizeFromCertificate(key);
            };
        } catch (InvalidJwkException e) {
            return "? (" + Printable.message(e.getMessage()) + ")";
        }
    }

    static String thumbprint(Jwk key) {
        if (key.keyType().equals("oct")) {
            return "(secret key: not shown)";
        }
        return Thumbprint.sha256(key).orElse("(none: a required member is missing or needs a JSON escape)");
    }

    /** Subject and validity of the {@code x5c} leaf certificate, then the rest of the chain. */
    static List<String> certificates(Jwk key, Instant now) {
        List<String> lines = new ArrayList<>();
        List<byte[]> chain = key.certificateChain();
        for (int i = 0; i < chain.size(); i++) {
            String label = i == 0 ? "x5c" : "x5c[" + i + "]";
            try {
                X509Certificate cert = parse(chain.get(i));
                Instant from = cert.getNotBefore().toInstant();
                Instant to = cert.getNotAfter().toInstant();
                String state = now.isAfter(to) ? " (EXPIRED)" : now.isBefore(from) ? " (not yet valid)" : "";
                // RFC 2253 escapes a name's syntax, not controls: the issuer chose this text.
                lines.add(label + " subject "
                        + UntrustedText.printable(cert.getSubjectX500Principal().getName(X500Principal.RFC2253)));
                lines.add(label + " valid " + from + " to " + to + state);
            } catch (CertificateException e) {
                lines.add(label + " not a readable X.509 certificate");
            }
        }
        return lines;
    }

    private static Optional<X509Certificate> certificate(Jwk key) {
        List<byte[]> chain = key.certificateChain();
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(chain.get(0)));
        } catch (CertificateException e) {
            return Optional.empty();
        }
    }

    private static String sizeFromCertificate(Jwk key) {
        return certificate(key).map(KeyReport::certificateKeySize).orElse("?");
    }

    private static String certificateKeySize(X509Certificate cert) {
        PublicKey key = cert.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength() + " bits (from x5c)";
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getOrder().bitLength() + "-bit curve (from x5c)";
        }
        return UntrustedText.printable(key.getAlgorithm()) + " (from x5c)";
    }

    private static X509Certificate parse(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
