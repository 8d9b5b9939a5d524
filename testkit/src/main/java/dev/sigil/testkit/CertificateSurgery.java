package dev.sigil.testkit;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Test certificates with another SubjectPublicKeyInfo put in, for keys no keytool would write
 * (ML-DSA parameters present, a key of the wrong length). Only the lengths around the SPKI are
 * re-encoded; the issuer's signature no longer matches, which does not matter: readCertificateKey
 * checks no signature.
 */
final class CertificateSurgery {

    /** The DER OID of each ML-DSA parameter set (RFC 9881): 2.16.840.1.101.3.4.3.17, .18 or .19. */
    static byte[] mlDsaOid(String alg) {
        int last = "ML-DSA-44".equals(alg) ? 0x11 : "ML-DSA-65".equals(alg) ? 0x12 : 0x13;
        byte[] oid = HexFormat.of().parseHex("06096086480165030403ff");
        oid[oid.length - 1] = (byte) last;
        return oid;
    }

    private CertificateSurgery() {
    }

    /** A SubjectPublicKeyInfo of {@code oid}, then {@code parameters} (encoded, or empty for none), and {@code key}. */
    static byte[] spki(byte[] oid, byte[] parameters, byte[] key) {
        byte[] bits = new byte[key.length + 1];
        System.arraycopy(key, 0, bits, 1, key.length);
        return tlv(0x30, concat(tlv(0x30, concat(oid, parameters)), tlv(0x03, bits)));
    }

    /** {@code certificate} with its SubjectPublicKeyInfo replaced by {@code spki}. */
    static byte[] withSpki(byte[] certificate, byte[] spki) {
        int[] outer = element(certificate, 0);
        int[] tbs = element(certificate, outer[0]);
        int at = tbs[0];
        // TBSCertificate: [0] version (optional), serialNumber, signature, issuer, validity, subject, SPKI.
        int skip = (certificate[at] & 0xff) == 0xa0 ? 6 : 5;
        for (int i = 0; i < skip; i++) {
            at = element(certificate, at)[1];
        }
        int spkiEnd = element(certificate, at)[1];
        byte[] tbsContent = concat(Arrays.copyOfRange(certificate, tbs[0], at), spki,
                Arrays.copyOfRange(certificate, spkiEnd, tbs[1]));
        return tlv(0x30, concat(tlv(0x30, tbsContent), Arrays.copyOfRange(certificate, tbs[1], outer[1])));
    }

    /** The content start and end of the DER element at {@code at}. */
    private static int[] element(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        int content = at + 2;
        int length = first;
        if (first >= 0x80) {
            length = 0;
            for (int i = 0; i < (first & 0x7f); i++) {
                length = length << 8 | der[content++] & 0xff;
            }
        }
        return new int[] {content, content + length};
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int octets = length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
            out.write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) {
                out.write(length >>> 8 * i);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
