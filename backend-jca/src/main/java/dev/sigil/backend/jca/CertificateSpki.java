package dev.sigil.backend.jca;

import java.util.Arrays;

/**
 * The SubjectPublicKeyInfo of a DER certificate, exactly as the certificate holds it (RFC 5280
 * section 4.1). For keys the JDK has no type for (ML-DSA before JDK 24): the generic key a
 * certificate factory gives then is re-encoded by the JDK, whose encoding of the algorithm
 * identifier differs between releases, so the issuer's own bytes are read instead. Called only
 * after a certificate factory has parsed the same bytes, so it walks the structure without
 * judging it, and answers {@code null} to anything not shaped as expected.
 */
final class CertificateSpki {

    private static final int SEQUENCE = 0x30;
    private static final int VERSION = 0xa0;

    private CertificateSpki() {
    }

    /** The SubjectPublicKeyInfo element of {@code certificate}, tag and length included, or {@code null}. */
    static byte[] of(byte[] certificate) {
        int[] outer = element(certificate, 0, certificate.length);
        if (outer == null || certificate[0] != SEQUENCE) {
            return null;
        }
        int[] tbs = element(certificate, outer[1], outer[2]);
        if (tbs == null || certificate[outer[1]] != SEQUENCE) {
            return null;
        }
        // TBSCertificate: [0] version (optional), serialNumber, signature, issuer, validity,
        // subject, subjectPublicKeyInfo.
        int at = tbs[1];
        int skip = (certificate[at] & 0xff) == VERSION ? 6 : 5;
        for (int i = 0; i < skip; i++) {
            int[] field = element(certificate, at, tbs[2]);
            if (field == null) {
                return null;
            }
            at = field[2];
        }
        int[] spki = element(certificate, at, tbs[2]);
        if (spki == null || certificate[at] != SEQUENCE) {
            return null;
        }
        return Arrays.copyOfRange(certificate, at, spki[2]);
    }

    /**
     * The element starting at {@code at} and ending by {@code end}: {start, content start, end},
     * or {@code null} if its length is malformed or runs past {@code end}. Lengths of up to four
     * octets; no certificate Sigil reads is larger.
     */
    static int[] element(byte[] der, int at, int end) {
        if (at < 0 || end > der.length || end - at < 2) {
            return null;
        }
        int first = der[at + 1] & 0xff;
        int content = at + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int octets = first & 0x7f;
            if (octets == 0 || octets > 4 || end - content < octets) {
                return null;
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = length << 8 | der[content++] & 0xff;
            }
        }
        if (length > end - content) {
            return null;
        }
        return new int[] {at, content, content + (int) length};
    }
}
