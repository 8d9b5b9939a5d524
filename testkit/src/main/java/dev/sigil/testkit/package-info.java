/**
 * Test support for Sigil's SPI implementations and for scenario tests: conformance suites that an
 * implementation's tests extend ({@link dev.sigil.testkit.HttpTransportConformance},
 * {@link dev.sigil.testkit.CryptoBackendConformance}, and the crypto contract kits
 * {@link dev.sigil.testkit.CryptoBackendVerificationContract},
 * {@link dev.sigil.testkit.CryptoBackendMisuseContract},
 * {@link dev.sigil.testkit.CryptoBackendImportContract} and, through the verifier's own key-import
 * path, {@link dev.sigil.testkit.CryptoBackendHostileKeyContract}), a cross-backend check
 * ({@link dev.sigil.testkit.CryptoBackendAgreement}), and a WireMock-backed fake OpenID Connect
 * issuer ({@link dev.sigil.testkit.FakeIssuer}). The crypto kits carry Project Wycheproof's vectors
 * (Apache-2.0; {@code dev/sigil/testkit/wycheproof/PROVENANCE.md} holds their source and the kit's
 * policy for each label) and keytool-made test certificates ({@code dev/sigil/testkit/certificates/}).
 *
 * <p>This is a test library: it belongs in test scope only, and pulls JUnit Jupiter and WireMock
 * (the standalone jar, which shades its own dependencies) onto the test class path. It has no
 * {@code module-info}: tests run on the class path, and WireMock is not a named module. No
 * published Sigil module may depend on it (the architecture tests check this).
 *
 * <p>Stability: the suites gain tests over time, so an implementation that passes today may fail a
 * later version; the extension points (the abstract factory methods) change only with a major
 * version.
 */
package dev.sigil.testkit;
