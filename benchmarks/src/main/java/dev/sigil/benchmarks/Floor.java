package dev.sigil.benchmarks;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor each Sigil row is measured against: the bare primitive of its backend over the
 * precomputed signing input, with the key and engine set up once. No parsing, no key lookup, no
 * claims: only what any verifier of this token must do.
 *
 * <ul>
 *   <li>{@code jca}: {@code java.security.Signature} initialised once, then {@code update} and
 *       {@code verify} (which resets the engine for the next call); {@code Mac} keyed once, then
 *       {@code update}, {@code doFinal} and a constant-time compare.
 *   <li>{@code bouncycastle}: the lightweight API the backend uses: {@code RSADigestSigner},
 *       {@code PSSSigner}, {@code ECDSASigner} on BouncyCastle's custom P-256 (hash, then R and S
 *       read from the signature), RFC 8032 Ed25519 on decoded key parameters, {@code HMac},
 *       {@code MLDSASigner} (pure, empty context) for ML-DSA.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Floor {

    @Param({"RS256", "PS256", "ES256", "EdDSA", "HS256"})
    public String alg;

    @Param({"jca", "bouncycastle"})
    public String backend;

    private Primitive primitive;

    @Setup
    public void setUp() throws GeneralSecurityException {
        TokenFixture fixture = TokenFixture.create(Alg.of(alg));
        primitive = primitive(fixture, backend);
        Check.accepted(primitive.verify(), "floor " + backend + " " + alg);
        // Twice: the row reuses one engine, so it must answer right after a completed call too.
        Check.accepted(primitive.verify(), "floor " + backend + " " + alg + ", second call");
    }

    @Benchmark
    public boolean verify() throws GeneralSecurityException {
        return primitive.verify();
    }

    /**
     * The primitive of {@code backend} ("jca" or "bouncycastle") for the fixture's token, set up;
     * also the floor of {@code VirtualThreadVerify} (JDK 21+), which needs one per task.
     */
    static Primitive primitive(TokenFixture fixture, String backend) throws GeneralSecurityException {
        return backend.equals("jca") ? jca(fixture) : bouncyCastle(fixture);
    }

    /** One signature check over fixed input; each implementation is loaded alone in its fork. */
    interface Primitive {
        boolean verify() throws GeneralSecurityException;
    }

    private static Primitive jca(TokenFixture f) throws GeneralSecurityException {
        byte[] input = f.signingInput;
        byte[] signature = f.signature;
        if (f.alg.isHmac()) {
            Mac mac = Mac.getInstance(f.alg.jcaName);
            mac.init(f.secretKey);
            byte[] computed = new byte[mac.getMacLength()];
            return () -> {
                mac.update(input, 0, input.length);
                mac.doFinal(computed, 0);
                return MessageDigest.isEqual(computed, signature);
            };
        }
        if (f.alg.isMlDsa() && f.publicKey == null) {
            throw new IllegalStateException("the JDK has no " + f.alg.joseName() + " before JDK 24; MlDsaRows skips this row");
        }
        Signature engine = Signature.getInstance(f.alg.jcaName);
        if (f.alg == Alg.PS256) {
            engine.setParameter(TokenFixture.pss());
        }
        engine.initVerify(f.publicKey);
        return () -> {
            engine.update(input, 0, input.length);
            return engine.verify(signature);
        };
    }

    private static Primitive bouncyCastle(TokenFixture f) {
        byte[] input = f.signingInput;
        byte[] signature = f.signature;
        switch (f.alg) {
            case RS256:
            case PS256: {
                RSAPublicKey rsa = (RSAPublicKey) f.publicKey;
                Signer signer = f.alg == Alg.RS256
                        ? new RSADigestSigner(new SHA256Digest())
                        : new PSSSigner(new RSAEngine(), new SHA256Digest(), new SHA256Digest(), 32);
                signer.init(false, new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent()));
                return () -> {
                    signer.update(input, 0, input.length);
                    return signer.verifySignature(signature);
                };
            }
            case ES256: {
                ECPublicKey ec = (ECPublicKey) f.publicKey;
                X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
                ECDomainParameters domain = new ECDomainParameters(curve);
                ECPublicKeyParameters key = new ECPublicKeyParameters(
                        curve.getCurve().createPoint(ec.getW().getAffineX(), ec.getW().getAffineY()), domain);
                ECDSASigner signer = new ECDSASigner();
                signer.init(false, key);
                SHA256Digest digest = new SHA256Digest();
                byte[] hash = new byte[32];
                return () -> {
                    digest.update(input, 0, input.length);
                    digest.doFinal(hash, 0);
                    return signer.verifySignature(hash, new BigInteger(1, signature, 0, 32),
                            new BigInteger(1, signature, 32, 32));
                };
            }
            case EdDSA: {
                byte[] encoded = f.publicKey.getEncoded();
                Ed25519PublicKeyParameters key = new Ed25519PublicKeyParameters(
                        Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
                return () -> key.verify(Ed25519.Algorithm.Ed25519, null, input, 0, input.length, signature, 0);
            }
            case ML_DSA_44:
            case ML_DSA_65:
            case ML_DSA_87: {
                MLDSASigner signer = new MLDSASigner();
                signer.init(false, new MLDSAPublicKeyParameters(TokenFixture.mlDsaParameters(f.alg), f.mlDsaPublicKey));
                return () -> {
                    signer.update(input, 0, input.length);
                    return signer.verifySignature(signature);
                };
            }
            case HS256: {
                HMac mac = new HMac(new SHA256Digest());
                mac.init(new KeyParameter(f.secret));
                byte[] computed = new byte[32];
                return () -> {
                    mac.update(input, 0, input.length);
                    mac.doFinal(computed, 0);
                    return org.bouncycastle.util.Arrays.constantTimeAreEqual(computed, signature);
                };
            }
            default:
                throw new IllegalArgumentException(f.alg.name());
        }
    }
}
