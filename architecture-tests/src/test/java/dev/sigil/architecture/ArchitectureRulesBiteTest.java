package dev.sigil.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.sigil.backend.bouncycastle.fixture.DigestsWithBouncyCastle;
import dev.sigil.backend.fixture.CallsOkHttp;
import dev.sigil.backend.fixture.DecodesWithCoreInternals;
import dev.sigil.backend.fixture.ImportsKeysThroughTheSpi;
import dev.sigil.backend.fixture.LooksUpProvidersItself;
import dev.sigil.http.fixture.AsksTheBackendDirectly;
import dev.sigil.http.fixture.DecodesWithSpring;
import dev.sigil.http.fixture.SharedRedirectPolicy;
import dev.sigil.http.fixture.UsesAnUnexportedCorePackage;
import dev.sigil.http.okhttp.fixture.ReusesAnotherTransportsPolicy;
import dev.sigil.internal.cyclea.fixture.AsksTheOtherHalf;
import dev.sigil.internal.cyclea.fixture.UsesTheOtherOneWay;
import dev.sigil.internal.cycleb.fixture.AnswersBack;
import dev.sigil.internal.cycleb.fixture.KnowsNobody;
import dev.sigil.internal.fixture.cli.PrintsCliUsage;
import dev.sigil.internal.fixture.core.DrawsFromSecureRandom;
import dev.sigil.internal.fixture.core.FetchesWithTheJdkHttpClient;
import dev.sigil.internal.fixture.core.HashesWithMessageDigest;
import dev.sigil.internal.fixture.core.MacsWithJavaxCrypto;
import dev.sigil.internal.fixture.core.ParsesWithJackson;
import dev.sigil.internal.fixture.core.ResolvesUrisWithTheJdk;
import dev.sigil.internal.fixture.forgery.TokenMint;
import dev.sigil.internal.fixture.pinning.WaitsUnderALock;
import dev.sigil.internal.fixture.pinning.WaitsUnderAMonitor;
import dev.sigil.internal.fixture.sealed.JwtVerifier;
import dev.sigil.internal.fixture.state.KeepsAGlobalCounter;
import dev.sigil.internal.fixture.state.KeepsOnlyConstants;
import dev.sigil.json.fixture.HashesWithBouncyCastle;
import dev.sigil.json.fixture.PullsInTheTestkit;
import dev.sigil.jwk.fixture.layers.KeepsToItself;
import dev.sigil.jwk.fixture.layers.KnowsTheVerifier;
import dev.sigil.jwt.fixture.KnowsItsBackend;
import dev.sigil.jwt.fixture.layers.ReadsKeys;
import dev.sigil.jwt.fixture.layers.ReadsKeysOneWay;
import dev.sigil.spi.fixture.DescribesItselfWithTheJdkOnly;
import dev.sigil.spi.fixture.ExposesThroughAProtectedMethod;
import dev.sigil.spi.fixture.ExtendsAnInternalType;
import dev.sigil.spi.fixture.HidesAnInternalTypeInAGeneric;
import dev.sigil.spi.fixture.KeepsInternalsPrivate;
import dev.sigil.spi.fixture.NestsAnInternalLeak;
import dev.sigil.spi.fixture.PublishesAnInternalField;
import dev.sigil.spi.fixture.ReadsAJwk;
import dev.sigil.spi.fixture.ReturnsAnArrayOfInternalTypes;
import dev.sigil.spi.fixture.ReturnsAnInternalType;
import dev.sigil.spi.fixture.TakesAnInternalConstructorArgument;
import dev.sigil.spi.fixture.TakesAnInternalParameter;
import dev.sigil.spi.fixture.ThrowsAnInternalException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that every rule in {@link ArchitectureRules} can fail: each rule object is evaluated, as
 * is, against small fixture classes from this module's test sources (which the real analysis never
 * sees, thanks to {@code DoNotIncludeTests}). A violation only counts when the failure report
 * names the offending fixture, so an empty subject cannot pass for a bite.
 */
class ArchitectureRulesBiteTest {

    /**
     * Every fixture, imported once the way the real analysis imports (dependencies resolved from
     * the class path); each test hands a rule only the fixtures it names, nested classes included.
     */
    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .withImportOption(new ImportOption.OnlyIncludeTests())
            .importPackages("dev.sigil");

    @Nested
    class CoreIsDependencyFree {

        @ParameterizedTest
        @ValueSource(classes = {MacsWithJavaxCrypto.class, ParsesWithJackson.class, KnowsItsBackend.class})
        void coreDependingOnAnythingButTheJdkAndItselfIsReported(Class<?> offender) {
            assertBites(ArchitectureRules.coreDependsOnlyOnTheJdkAndOnItself, offender);
        }

        @ParameterizedTest
        @ValueSource(classes = {
            HashesWithMessageDigest.class, DrawsFromSecureRandom.class, MacsWithJavaxCrypto.class
        })
        void coreUsingJavaSecurityOrJavaxCryptoIsReported(Class<?> offender) {
            assertBites(ArchitectureRules.coreDoesNoCryptographyItself, offender);
        }

        @Test
        void coreUsingTheJdkHttpClientIsReported() {
            assertBites(ArchitectureRules.coreDoesNoHttpItself, FetchesWithTheJdkHttpClient.class);
        }

        @Test
        void coreUsingUrisCollectionsAndServiceLoaderPassesTheCoreRules() {
            assertPasses(ArchitectureRules.coreDependsOnlyOnTheJdkAndOnItself, ResolvesUrisWithTheJdk.class);
            assertPasses(ArchitectureRules.coreDoesNoCryptographyItself, ResolvesUrisWithTheJdk.class);
            assertPasses(ArchitectureRules.coreDoesNoHttpItself, ResolvesUrisWithTheJdk.class);
        }
    }

    @Nested
    class ImplementationModulesMeetOnlyThroughCore {

        @Test
        void anImplementationUsingCoreInternalsIsReported() {
            assertBites(ArchitectureRules.implementationModulesUseOnlyTheExportedCorePackages,
                    DecodesWithCoreInternals.class);
        }

        @Test
        void anImplementationUsingAnUnexportedSubPackageOfCoreIsReported() {
            assertBites(ArchitectureRules.implementationModulesUseOnlyTheExportedCorePackages,
                    UsesAnUnexportedCorePackage.class);
        }

        @Test
        void anImplementationUsingTheSpiAndTheJdkPasses() {
            assertPasses(ArchitectureRules.implementationModulesUseOnlyTheExportedCorePackages,
                    ImportsKeysThroughTheSpi.class);
        }

        @Test
        void anHttpModuleUsingABackendModuleIsReported() {
            assertBites(ArchitectureRules.implementationModulesDoNotDependOnEachOther,
                    AsksTheBackendDirectly.class, ImportsKeysThroughTheSpi.class);
        }

        @Test
        void oneHttpModuleUsingAnotherHttpModuleIsReported() {
            assertBites(ArchitectureRules.implementationModulesDoNotDependOnEachOther,
                    ReusesAnotherTransportsPolicy.class, SharedRedirectPolicy.class);
        }

        @Test
        void aSpringModuleUsingCoreInternalsIsReported() {
            assertBites(ArchitectureRules.springModulesUseOnlyTheExportedCorePackages,
                    dev.sigil.spring.fixture.DecodesWithCoreInternals.class);
        }

        @Test
        void aSpringModuleUsingTheVerifierAndSpringPasses() {
            assertPasses(ArchitectureRules.springModulesUseOnlyTheExportedCorePackages,
                    dev.sigil.spring.fixture.DecodesWithSpring.class);
        }

        @Test
        void twoImplementationModulesThatIgnoreEachOtherPass() {
            assertPasses(ArchitectureRules.implementationModulesDoNotDependOnEachOther,
                    ImportsKeysThroughTheSpi.class, UsesAnUnexportedCorePackage.class,
                    dev.sigil.http.okhttp.fixture.CallsOkHttp.class);
        }
    }

    /** Each "inside passes" case adds a class outside the exempt module, so the subject is never empty. */
    @Nested
    class ThirdPartyLibrariesStayInTheirOwnModule {

        @Test
        void bouncyCastleOutsideTheBouncyCastleBackendIsReported() {
            assertBites(ArchitectureRules.onlyTheBouncyCastleBackendTouchesBouncyCastle,
                    HashesWithBouncyCastle.class);
        }

        @Test
        void bouncyCastleInsideTheBouncyCastleBackendPasses() {
            assertPasses(ArchitectureRules.onlyTheBouncyCastleBackendTouchesBouncyCastle,
                    DigestsWithBouncyCastle.class, ImportsKeysThroughTheSpi.class);
        }

        @Test
        void okHttpOutsideTheOkHttpTransportIsReported() {
            assertBites(ArchitectureRules.onlyTheOkHttpTransportTouchesOkHttp, CallsOkHttp.class);
        }

        @Test
        void okHttpInsideTheOkHttpTransportPasses() {
            assertPasses(ArchitectureRules.onlyTheOkHttpTransportTouchesOkHttp,
                    dev.sigil.http.okhttp.fixture.CallsOkHttp.class, ImportsKeysThroughTheSpi.class);
        }

        @Test
        void springOutsideTheSpringModulesIsReported() {
            assertBites(ArchitectureRules.onlyTheSpringModulesTouchSpring, DecodesWithSpring.class);
        }

        @Test
        void springInsideTheSpringModulesPasses() {
            assertPasses(ArchitectureRules.onlyTheSpringModulesTouchSpring,
                    dev.sigil.spring.fixture.DecodesWithSpring.class, ImportsKeysThroughTheSpi.class);
        }

        @Test
        void micrometerOutsideTheMicrometerModuleIsReported() {
            assertBites(ArchitectureRules.onlyTheMicrometerModuleTouchesMicrometer,
                    dev.sigil.http.fixture.CountsWithMicrometer.class);
        }

        @Test
        void micrometerInsideTheMicrometerModulePasses() {
            assertPasses(ArchitectureRules.onlyTheMicrometerModuleTouchesMicrometer,
                    dev.sigil.micrometer.fixture.CountsWithMicrometer.class, ImportsKeysThroughTheSpi.class);
        }

        @Test
        void theMicrometerModuleReachingIntoCoreInternalsIsReported() {
            assertBites(ArchitectureRules.micrometerModuleUsesOnlyTheExportedCorePackages,
                    dev.sigil.micrometer.fixture.CountsWithCoreInternals.class);
        }

        @Test
        void theMicrometerModuleOnTheExportedPackagesPasses() {
            assertPasses(ArchitectureRules.micrometerModuleUsesOnlyTheExportedCorePackages,
                    dev.sigil.micrometer.fixture.CountsWithMicrometer.class);
        }

        @Test
        void jacksonOutsideTheJacksonCodecIsReported() {
            assertBites(ArchitectureRules.onlyTheJacksonCodecTouchesJackson, ParsesWithJackson.class);
        }

        @Test
        void jacksonInsideTheJacksonCodecPasses() {
            assertPasses(ArchitectureRules.onlyTheJacksonCodecTouchesJackson,
                    dev.sigil.json.jackson.fixture.ParsesWithJackson.class, ImportsKeysThroughTheSpi.class);
        }
    }

    @Nested
    class PublishedModulesStandAlone {

        @Test
        void anImplementationModuleUsingTheTestkitIsReported() {
            assertBites(ArchitectureRules.publishedModulesDoNotDependOnUnpublishedModules,
                    PullsInTheTestkit.class);
        }

        @Test
        void coreUsingTheCliIsReported() {
            assertBites(ArchitectureRules.publishedModulesDoNotDependOnUnpublishedModules, PrintsCliUsage.class);
        }

        @Test
        void theRuleItselfIsPartOfTheCheckedScope() {
            // A published class that referred to this module's rules would be reported too.
            assertPasses(ArchitectureRules.publishedModulesDoNotDependOnUnpublishedModules,
                    ImportsKeysThroughTheSpi.class);
        }
    }

    @Nested
    class PublicApiHidesInternals {

        @ParameterizedTest
        @ValueSource(classes = {
            ReturnsAnInternalType.class,
            TakesAnInternalParameter.class,
            TakesAnInternalConstructorArgument.class,
            PublishesAnInternalField.class,
            HidesAnInternalTypeInAGeneric.class,
            ReturnsAnArrayOfInternalTypes.class,
            ThrowsAnInternalException.class,
            ExtendsAnInternalType.class,
            ExposesThroughAProtectedMethod.class,
            NestsAnInternalLeak.Builder.class
        })
        void anInternalTypeInAPublicSignatureIsReported(Class<?> offender) {
            assertBites(ArchitectureRules.publicApiSignaturesDoNotExposeInternalTypes, offender);
        }

        @Test
        void internalTypesInPrivateMembersAndPrivateNestedClassesPass() {
            // Its private nested class, with a public method returning an internal type, comes along.
            assertPasses(ArchitectureRules.publicApiSignaturesDoNotExposeInternalTypes, KeepsInternalsPrivate.class);
        }
    }

    @Nested
    class TheSpiStandsAlone {

        @ParameterizedTest
        @ValueSource(classes = {KeepsInternalsPrivate.class, ExtendsAnInternalType.class})
        void anSpiClassUsingCoreInternalsIsReportedEvenInPrivateMembers(Class<?> offender) {
            assertBites(ArchitectureRules.spiDoesNotDependOnCoreInternals, offender);
        }

        @Test
        void anSpiTypeThatNeedsOnlyTheJdkPasses() {
            assertPasses(ArchitectureRules.spiDoesNotDependOnCoreInternals, DescribesItselfWithTheJdkOnly.class);
        }

        @Test
        void anSpiTypeThatTakesAJwkIsReported() {
            assertBites(ArchitectureRules.spiDoesNotDependOnTheJwkApi, ReadsAJwk.class);
        }

        @Test
        void anSpiTypeThatNeedsNoJwkPasses() {
            assertPasses(ArchitectureRules.spiDoesNotDependOnTheJwkApi, DescribesItselfWithTheJdkOnly.class);
        }
    }

    @Nested
    class OnlyTheLibraryMakesAVerifiedJwt {

        @Test
        void aPublicVerifiedJwtConstructorIsReported() {
            assertBites(ArchitectureRules.onlyTheLibraryConstructsAVerifiedJwt,
                    dev.sigil.internal.fixture.forgery.VerifiedJwt.class);
        }

        @Test
        void aProtectedVerifiedJwtConstructorIsReported() {
            assertBites(ArchitectureRules.onlyTheLibraryConstructsAVerifiedJwt,
                    dev.sigil.internal.fixture.subclassable.VerifiedJwt.class);
        }

        @Test
        void aPackagePrivateVerifiedJwtConstructorPasses() {
            assertPasses(ArchitectureRules.onlyTheLibraryConstructsAVerifiedJwt,
                    dev.sigil.internal.fixture.sealed.VerifiedJwt.class);
        }

        @Test
        void aPublicFactoryOtherThanJwtVerifierIsReported() {
            assertBites(ArchitectureRules.onlyJwtVerifierHandsOutAVerifiedJwt,
                    TokenMint.class, dev.sigil.internal.fixture.forgery.VerifiedJwt.class);
        }

        @Test
        void jwtVerifierReturningAVerifiedJwtPasses() {
            assertPasses(ArchitectureRules.onlyJwtVerifierHandsOutAVerifiedJwt,
                    JwtVerifier.class, dev.sigil.internal.fixture.sealed.VerifiedJwt.class);
        }
    }

    @Nested
    class NoGlobalState {

        @Test
        void aNonFinalStaticFieldIsReported() {
            assertBites(ArchitectureRules.noClassKeepsMutableStaticState, KeepsAGlobalCounter.class);
        }

        @Test
        void staticFinalConstantsPass() {
            assertPasses(ArchitectureRules.noClassKeepsMutableStaticState, KeepsOnlyConstants.class);
        }
    }

    @Nested
    class NothingSynchronizes {

        @Test
        void aSynchronizedMethodIsReported() {
            assertBites(ArchitectureRules.noSynchronizedMethods, WaitsUnderAMonitor.class);
        }

        @Test
        void aReentrantLockPasses() {
            assertPasses(ArchitectureRules.noSynchronizedMethods, WaitsUnderALock.class);
        }
    }

    @Nested
    class CoreInternalsHaveNoCycles {

        @Test
        void twoInternalPackagesThatUseEachOtherAreReported() {
            assertBites(ArchitectureRules.coreInternalPackagesHaveNoCycles,
                    AsksTheOtherHalf.class, AnswersBack.class);
        }

        @Test
        void oneInternalPackageUsingAnotherOneWayPasses() {
            assertPasses(ArchitectureRules.coreInternalPackagesHaveNoCycles,
                    UsesTheOtherOneWay.class, KnowsNobody.class);
        }
    }

    @Nested
    class CorePublicPackagesHaveNoCycles {

        @Test
        void aKeysClassThatReachesBackIntoTheVerifierPackageIsReported() {
            assertBites(ArchitectureRules.corePublicPackagesHaveNoCycles, KnowsTheVerifier.class, ReadsKeys.class);
        }

        @Test
        void theVerifierPackageUsingTheKeysPackageOneWayPasses() {
            assertPasses(ArchitectureRules.corePublicPackagesHaveNoCycles, ReadsKeysOneWay.class, KeepsToItself.class);
        }
    }

    @Nested
    class ProvidersAreSelectedInOnePlace {

        @Test
        void serviceLoaderOutsideCoreInternalsIsReported() {
            assertBites(ArchitectureRules.onlyCoreInternalsUseServiceLoader, LooksUpProvidersItself.class);
        }

        @Test
        void serviceLoaderInsideCoreInternalsPasses() {
            // The module without ServiceLoader keeps the subject non-empty; the exempt one must not be reported.
            assertPasses(ArchitectureRules.onlyCoreInternalsUseServiceLoader,
                    ResolvesUrisWithTheJdk.class, ImportsKeysThroughTheSpi.class);
        }
    }

    /**
     * The rule fails on these classes and its report names the offender. An empty subject cannot
     * fake a bite: ArchUnit throws for it, unless the rule allows it, and then nothing is named.
     */
    private static void assertBites(ArchRule rule, Class<?> offender, Class<?>... others) {
        EvaluationResult result = evaluate(rule, offender, others);
        String report = result.getFailureReport().toString();
        assertTrue(result.hasViolation(), () -> "expected a violation of '" + rule.getDescription()
                + "' by " + offender.getName());
        assertTrue(report.contains(offender.getName()), () -> "expected the report to name "
                + offender.getName() + ", but it was:\n" + report);
    }

    private static void assertPasses(ArchRule rule, Class<?> first, Class<?>... others) {
        EvaluationResult result = evaluate(rule, first, others);
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }

    private static EvaluationResult evaluate(ArchRule rule, Class<?> first, Class<?>... others) {
        Class<?>[] classes = new Class<?>[others.length + 1];
        classes[0] = first;
        System.arraycopy(others, 0, classes, 1, others.length);
        return rule.evaluate(FIXTURES.that(JavaClass.Predicates.belongToAnyOf(classes)));
    }
}
