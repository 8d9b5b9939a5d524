import java.io.FileInputStream;
import java.io.FileWriter;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/** Writes the public JWK members of a DER certificate's key as a .properties file. Test tooling only. */
public class ExportJwk {
    public static void main(String[] args) throws Exception {
        PublicKey key;
        try (FileInputStream in = new FileInputStream(args[0])) {
            key = CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey();
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        StringBuilder out = new StringBuilder("# public JWK members of " + args[0] + ", written by ExportJwk.java\n");
        if (key instanceof RSAPublicKey) {
            RSAPublicKey rsa = (RSAPublicKey) key;
            out.append("kty=RSA\nn=").append(b64.encodeToString(unsigned(rsa.getModulus(), (rsa.getModulus().bitLength() + 7) / 8)))
               .append("\ne=").append(b64.encodeToString(unsigned(rsa.getPublicExponent(), (rsa.getPublicExponent().bitLength() + 7) / 8)));
        } else if (key instanceof ECPublicKey) {
            ECPublicKey ec = (ECPublicKey) key;
            out.append("kty=EC\ncrv=P-256\nx=").append(b64.encodeToString(unsigned(ec.getW().getAffineX(), 32)))
               .append("\ny=").append(b64.encodeToString(unsigned(ec.getW().getAffineY(), 32)));
        } else if (key.getAlgorithm().startsWith("ML-DSA")) {
            // JDK 24+ only. The SubjectPublicKeyInfo (RFC 9881) is a 22-byte header, whose OID ends
            // in 17, 18 or 19 for ML-DSA-44, -65 or -87, then the raw FIPS 204 key (RFC 9964 pub).
            byte[] spki = key.getEncoded();
            String alg = new String[] {"ML-DSA-44", "ML-DSA-65", "ML-DSA-87"}[spki[16] - 0x11];
            out.append("kty=AKP\nalg=").append(alg)
               .append("\npub=").append(b64.encodeToString(Arrays.copyOfRange(spki, 22, spki.length)));
        } else {
            byte[] spki = key.getEncoded();
            out.append("kty=OKP\ncrv=Ed25519\nx=").append(b64.encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length)));
        }
        try (FileWriter w = new FileWriter(args[1])) {
            w.write(out.append('\n').toString());
        }
    }

    private static byte[] unsigned(BigInteger v, int length) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[length];
        int n = Math.min(b.length, length);
        System.arraycopy(b, b.length - n, out, length - n, n);
        return out;
    }
}
