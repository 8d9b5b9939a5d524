package dev.sigil.testkit;

import dev.sigil.jwk.BuiltinJsonCodec;
import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.InvalidJwkException;
import dev.sigil.jwk.Jwk;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksListener;
import dev.sigil.spi.JwsAlgorithm;
import dev.sigil.spi.JwtConfigurationException;
import dev.sigil.jwt.JwtVerificationException;
import dev.sigil.jwt.JwtVerifier;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.KeyImportException;
import dev.sigil.spi.KeyParameters;
import dev.sigil.spi.VerificationKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The body of the key set fuzz targets, shared by the crypto backends' {@code @FuzzTest}s: fuzzed
 * JSON goes through {@link JwkSet#parse(byte[])}, each key's parameters straight into the backend's
 * {@link CryptoBackend#importKey}, unjudged (and its first {@code x5c} certificate through
 * {@link CryptoBackend#readCertificateKey}, then {@code importKey}), and the set into
 * {@link JwtVerifier.Builder#keys}, which judges them first and then verifies the RFC example tokens.
 *
 * <p>The property: each step gives its result or its typed exception ({@link InvalidJwkException},
 * {@link KeyImportException}, {@link JwtConfigurationException}, {@link JwtVerificationException}),
 * nothing else, and no typed exception hides a programming error of Sigil's own.
 */
public final class JwkSetFuzzTarget {

    /**
     * Held so that the level set below sticks (the JDK keeps loggers weakly). Dropped keys are logged
     * as warnings; at tens of thousands of sets a second that would be all the fuzzer does.
     */
    private static final Logger SIGIL_LOGGER = Logger.getLogger("dev.sigil");

    private final CryptoBackend backend;
    private final JwsAlgorithm[] everyAlgorithm;

    /**
     * A target that imports keys with {@code backend}. It turns Sigil's logging off, since the fuzzer
     * would otherwise spend its time writing the warnings about the keys it drops.
     *
     * @param backend the crypto backend under test
     */
    public JwkSetFuzzTarget(CryptoBackend backend) {
        this.backend = backend;
        this.everyAlgorithm = backend.algorithms().toArray(new JwsAlgorithm[0]);
        SIGIL_LOGGER.setLevel(Level.OFF);
    }

    /**
     * Parses, imports and loads the input as a JSON Web Key Set.
     *
     * @param json the fuzzer's input, as the key set's bytes
     */
    public void parseAndImport(byte[] json) {
        JwkSet set;
        try {
            set = JwkSet.parse(json);
        } catch (InvalidJwkException e) {
            SigilBugs.assertNoneBehind(e);
            return;
        }
        for (Jwk jwk : set.keys()) {
            importKey(jwk);
            List<byte[]> chain = jwk.certificateChain();
            if (!chain.isEmpty()) {
                importCertificate(chain.get(0));
            }
        }
        // The default allow-list (asymmetric only) and every algorithm the backend has (HMAC too).
        load(set, null);
        load(set, everyAlgorithm);
    }

    private void importKey(Jwk jwk) {
        KeyParameters parameters;
        try {
            parameters = PublicParameters.of(jwk);
        } catch (IllegalArgumentException e) {
            SigilBugs.assertNoneBehind(e);
            return;
        }
        VerificationKey key;
        try {
            key = backend.importKey(parameters);
        } catch (KeyImportException e) {
            SigilBugs.assertNoneBehind(e);
            return;
        }
        if (key == null || !jwk.keyType().equals(key.keyType())) {
            throw new AssertionError("importKey gave " + key + " for a key of type " + jwk.keyType());
        }
    }

    private void importCertificate(byte[] der) {
        try {
            KeyParameters parameters = backend.readCertificateKey(der);
            if (parameters == null) {
                throw new AssertionError("readCertificateKey returned null");
            }
            backend.importKey(parameters);
        } catch (KeyImportException e) {
            SigilBugs.assertNoneBehind(e);
        }
    }

    private void load(JwkSet set, JwsAlgorithm[] algorithms) {
        JwtVerifier.Builder builder = JwtVerifier.builder()
                .ignoreIssuer()
                .ignoreAudience()
                .keys(set)
                .cryptoBackend(backend)
                .jsonCodec(new BuiltinJsonCodec())
                .clock(Clock.fixed(JwtVerifierFuzzTarget.NOW, ZoneOffset.UTC))
                .listener(new JwksListener() {
                    @Override
                    public void keyDropped(DroppedKey key) {
                        // The verifier survives a backend that throws; the backend should not throw.
                        if (key.reason().startsWith("crypto backend '")) {
                            throw new AssertionError("a backend threw instead of refusing a key: " + key.reason());
                        }
                    }
                });
        if (algorithms != null) {
            builder.algorithms(algorithms);
        }
        JwtVerifier verifier;
        try {
            verifier = builder.build();
        } catch (JwtConfigurationException e) {
            SigilBugs.assertNoneBehind(e);
            return;
        }
        for (String token : JwtVerifierFuzzTarget.GENUINE_TOKENS) {
            try {
                verifier.verify(token);
            } catch (JwtVerificationException e) {
                if (e.reason() == null) {
                    throw new AssertionError("refused without a reason", e);
                }
                SigilBugs.assertNoneBehind(e);
            }
        }
    }
}
