package dev.sigil.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The dependency rules of {@code ARCHITECTURE.md} and the API habits of {@code STYLE.md}, checked
 * over every published module on this module's test class path.
 *
 * <p>The rules are package-private constants so that {@code ArchitectureRulesBiteTest} evaluates
 * the very same objects against small violating fixtures: a rule that cannot fail proves nothing.
 * Rules whose subject lives in a module that may not exist yet allow an empty subject; every other
 * rule fails on an empty subject, so a renamed package is noticed instead of silently unchecked.
 */
@AnalyzeClasses(packages = "dev.sigil", importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureRules {

    /** Every package of {@code sigil-core}, exported or not. */
    static final String[] CORE_PACKAGES = {
        "dev.sigil.jwt..", "dev.sigil.jwk..", "dev.sigil.spi..", "dev.sigil.internal.."
    };

    /**
     * Exactly the packages {@code core}'s {@code module-info} exports; sub-packages are not
     * exported, so they are not API. {@code CoreModuleDescriptorTest} keeps this in step.
     */
    static final String[] CORE_EXPORTED_PACKAGES = {"dev.sigil.jwt", "dev.sigil.jwk", "dev.sigil.spi"};

    /** Where core's public API and SPI types live, sub-packages included. */
    static final String[] CORE_API_PACKAGES = {"dev.sigil.jwt..", "dev.sigil.jwk..", "dev.sigil.spi.."};

    static final String[] IMPLEMENTATION_PACKAGES = {"dev.sigil.backend..", "dev.sigil.http..", "dev.sigil.json.."};

    /** The Spring modules: sigil-spring-security and sigil-spring-boot-starter. */
    static final String[] SPRING_PACKAGES = {"dev.sigil.spring.."};

    /** The Micrometer module, sigil-micrometer. */
    static final String[] MICROMETER_PACKAGES = {"dev.sigil.micrometer.."};

    /** Where Micrometer may be used: sigil-micrometer, and the Boot starter that binds its meters. */
    static final String[] MICROMETER_USERS = {"dev.sigil.micrometer..", "dev.sigil.spring.boot.."};

    /** Modules no published module may depend on. */
    static final String[] UNPUBLISHED_PACKAGES = {
        "dev.sigil.testkit..", "dev.sigil.cli..", "dev.sigil.benchmarks..", "dev.sigil.architecture.."
    };

    // ---- 1. core is dependency-free --------------------------------------------------------

    @ArchTest
    static final ArchRule coreDependsOnlyOnTheJdkAndOnItself = classes()
            .that().resideInAnyPackage(CORE_PACKAGES)
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat(CORE_PACKAGES, "java.."))
            .because("sigil-core must run with nothing but java.base on the path: an application that"
                    + " picks a BouncyCastle-only or OkHttp-only setup must not drag in anything else,"
                    + " core never knows its implementation modules (it finds them with ServiceLoader),"
                    + " and javax.. stays out too: what java.base has there is crypto, TLS and JAAS,"
                    + " which belong to the backend and transport modules");

    @ArchTest
    static final ArchRule coreDoesNoCryptographyItself = noClasses()
            .that().resideInAnyPackage(CORE_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage("java.security..", "javax.crypto..")
            .because("all cryptography goes through the CryptoBackend SPI, so that a FIPS provider or"
                    + " BouncyCastle's lightweight API can replace the JCA completely; a single"
                    + " java.security call in core (even SecureRandom or MessageDigest) would bypass"
                    + " the backend an application chose, and break FIPS-restricted deployments");

    @ArchTest
    static final ArchRule coreDoesNoHttpItself = noClasses()
            .that().resideInAnyPackage(CORE_PACKAGES)
            .should().dependOnClassesThat().resideInAPackage("java.net.http..")
            .because("all HTTP goes through the HttpTransport SPI, so OkHttp shops keep their own client,"
                    + " proxies and TLS settings, and a verifier with static keys does no HTTP at all;"
                    + " java.net.http also lives outside java.base. java.net.URI is fine");

    // ---- 2. implementation modules ----------------------------------------------------------

    @ArchTest
    static final ArchRule implementationModulesUseOnlyTheExportedCorePackages = classes()
            .that().resideInAnyPackage(IMPLEMENTATION_PACKAGES)
            .should().onlyDependOnClassesThat(
                    JavaClass.Predicates.resideOutsideOfPackage("dev.sigil..")
                            .or(JavaClass.Predicates.resideInAnyPackage(CORE_EXPORTED_PACKAGES))
                            .or(JavaClass.Predicates.resideInAnyPackage(IMPLEMENTATION_PACKAGES))
                            .as("reside outside dev.sigil.., or in an exported core package"
                                    + " (dev.sigil.jwt, dev.sigil.jwk, dev.sigil.spi), or in an"
                                    + " implementation module"))
            .because("core's module-info exports dev.sigil.jwt, dev.sigil.jwk and dev.sigil.spi only:"
                    + " code that reaches into dev.sigil.internal.. (or an unexported sub-package)"
                    + " compiles on the class path but fails on the module path, and ties the module"
                    + " to core details that change without notice")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule implementationModulesDoNotDependOnEachOther = slices()
            .matching("dev.sigil.(backend|http|json).(*)..")
            .namingSlices("$1-$2")
            .should().notDependOnEachOther()
            .because("applications combine crypto, HTTP and JSON modules freely (JCA with OkHttp,"
                    + " BouncyCastle with the JDK client, ...); a module that needs another one would"
                    + " force that choice on every user, so modules meet only through core's SPIs")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule springModulesUseOnlyTheExportedCorePackages = classes()
            .that().resideInAnyPackage(SPRING_PACKAGES)
            .should().onlyDependOnClassesThat(
                    JavaClass.Predicates.resideOutsideOfPackage("dev.sigil..")
                            .or(JavaClass.Predicates.resideInAnyPackage(CORE_EXPORTED_PACKAGES))
                            .or(JavaClass.Predicates.resideInAnyPackage(SPRING_PACKAGES))
                            .or(JavaClass.Predicates.resideInAnyPackage(IMPLEMENTATION_PACKAGES))
                            .or(JavaClass.Predicates.resideInAnyPackage(MICROMETER_PACKAGES))
                            .as("reside outside dev.sigil.., or in an exported core package"
                                    + " (dev.sigil.jwt, dev.sigil.jwk, dev.sigil.spi), or in a Spring,"
                                    + " implementation or Micrometer module"))
            .because("the Spring modules adapt the public verifier (TokenVerifier, the Reasons) to Spring"
                    + " Security; reaching into dev.sigil.internal.. would fail on the module path and tie"
                    + " them to core details that change without notice. The Boot starter may configure"
                    + " the implementation modules it ships with (backend-jca, http-jdk), and bind"
                    + " sigil-micrometer's meters, through their API");

    @ArchTest
    static final ArchRule micrometerModuleUsesOnlyTheExportedCorePackages = classes()
            .that().resideInAnyPackage(MICROMETER_PACKAGES)
            .should().onlyDependOnClassesThat(
                    JavaClass.Predicates.resideOutsideOfPackage("dev.sigil..")
                            .or(JavaClass.Predicates.resideInAnyPackage(CORE_EXPORTED_PACKAGES))
                            .or(JavaClass.Predicates.resideInAnyPackage(MICROMETER_PACKAGES))
                            .as("reside outside dev.sigil.., or in an exported core package"
                                    + " (dev.sigil.jwt, dev.sigil.jwk, dev.sigil.spi), or in sigil-micrometer"))
            .because("sigil-micrometer meters what core reports through its public listeners and stats;"
                    + " reaching into dev.sigil.internal.. would fail on the module path, and depending on a"
                    + " backend or transport would force that choice on every Micrometer user");

    // ---- 3. third-party libraries stay in their own module ----------------------------------

    @ArchTest
    static final ArchRule onlyTheBouncyCastleBackendTouchesBouncyCastle = noClasses()
            .that().resideInAPackage("dev.sigil..")
            .and().resideOutsideOfPackage("dev.sigil.backend.bouncycastle..")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
            .because("only sigil-backend-bouncycastle declares bcprov/bcpkix; anywhere else a"
                    + " BouncyCastle class is a NoClassDefFoundError for users who never chose it, and"
                    + " it must never sit beside bc-fips");

    @ArchTest
    static final ArchRule onlyTheOkHttpTransportTouchesOkHttp = noClasses()
            .that().resideInAPackage("dev.sigil..")
            .and().resideOutsideOfPackage("dev.sigil.http.okhttp..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..", "kotlin..")
            .because("only sigil-http-okhttp declares OkHttp (provided, in the application's own"
                    + " version); OkHttp, Okio or the Kotlin standard library anywhere else would"
                    + " fail for users of the JDK client");

    @ArchTest
    static final ArchRule onlyTheJacksonCodecTouchesJackson = noClasses()
            .that().resideInAPackage("dev.sigil..")
            .and().resideOutsideOfPackage("dev.sigil.json.jackson..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("only sigil-json-jackson declares jackson-core; core ships its own JSON codec so"
                    + " that importing Sigil never changes, or requires, an application's Jackson");

    @ArchTest
    static final ArchRule onlyTheSpringModulesTouchSpring = noClasses()
            .that().resideInAPackage("dev.sigil..")
            .and().resideOutsideOfPackages(SPRING_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..")
            .because("Spring Security (and Reactor, for the reactive decoder) is provided by the"
                    + " application to sigil-spring-security and the Boot starter alone; anywhere else a Spring class is a"
                    + " NoClassDefFoundError for every user who is not on Spring, and core promises"
                    + " nothing but the JDK");

    @ArchTest
    static final ArchRule onlyTheMicrometerModuleTouchesMicrometer = noClasses()
            .that().resideInAPackage("dev.sigil..")
            .and().resideOutsideOfPackages(MICROMETER_USERS)
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
            .because("Micrometer is provided by the application to sigil-micrometer (and to the Boot"
                    + " starter, which binds its meters only when Micrometer is present); anywhere else a"
                    + " Micrometer class is a NoClassDefFoundError for every user without it, and core"
                    + " reports through its own VerificationListener and JwksListener instead");

    // ---- 4. nothing published depends on what is not published ------------------------------

    @ArchTest
    static final ArchRule publishedModulesDoNotDependOnUnpublishedModules = noClasses()
            .that().resideInAPackage("dev.sigil..")
            .and().resideOutsideOfPackages(UNPUBLISHED_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage(UNPUBLISHED_PACKAGES)
            .because("testkit, cli, benchmarks and architecture-tests are not on a user's class path"
                    + " (testkit pulls JUnit and WireMock, the others are not even published); a"
                    + " published class that needs one fails at run time, not at build time");

    // ---- 5. API hygiene -----------------------------------------------------------------------

    @ArchTest
    static final ArchRule publicApiSignaturesDoNotExposeInternalTypes = classes()
            .that().resideInAnyPackage(CORE_API_PACKAGES)
            .and(PublicSignatures.ARE_VISIBLE_OUTSIDE_THEIR_PACKAGE)
            .should(PublicSignatures.notExpose(JavaClass.Predicates.resideInAPackage("dev.sigil.internal..")
                    .as("types in dev.sigil.internal..")))
            .because("dev.sigil.internal.. is not exported: a public or protected member that takes,"
                    + " returns or throws an internal type (or a public type that extends one) cannot"
                    + " be used on the module path, and turns an internal class into API that can"
                    + " never change again");

    @ArchTest
    static final ArchRule spiDoesNotDependOnCoreInternals = noClasses()
            .that().resideInAPackage("dev.sigil.spi..")
            .should().dependOnClassesThat().resideInAPackage("dev.sigil.internal..")
            .because("the SPI is the contract that implementation modules compile against, and it must"
                    + " read as that contract alone: an SPI type that reaches into dev.sigil.internal.."
                    + " (even privately, even to hand out a default implementation, as"
                    + " JsonCodec.builtin() once did) ties every provider to core's internals and makes"
                    + " one provider special; core's own implementations are providers like the others,"
                    + " registered with META-INF/services and provides, and reached through the API");

    @ArchTest
    static final ArchRule spiDoesNotDependOnTheJwkApi = noClasses()
            .that().resideInAPackage("dev.sigil.spi..")
            .should().dependOnClassesThat().resideInAPackage("dev.sigil.jwk..")
            .because("a crypto backend builds keys from KeyParameters that core has already judged,"
                    + " never from a JWK as published: an SPI that took a Jwk would invite every backend"
                    + " to read and judge its members again, each in its own way, and would tie the"
                    + " contract providers compile against to the API's JSON model");

    @ArchTest
    static final ArchRule onlyTheLibraryConstructsAVerifiedJwt = constructors()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.sigil..")
            .and().areDeclaredInClassesThat().haveSimpleName("VerifiedJwt")
            .should().notBePublic()
            .andShould().notBeProtected()
            .because("holding a VerifiedJwt must prove that JwtVerifier checked the signature and the"
                    + " claims; a constructor callable outside dev.sigil.jwt would let anyone forge one"
                    + " (Tink's JWT package makes the same promise the same way)");

    private static final List<String> VERIFIERS = List.of("JwtVerifier", "MultiIssuerVerifier", "TokenVerifier");

    @ArchTest
    static final ArchRule onlyJwtVerifierHandsOutAVerifiedJwt = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.sigil..")
            .and().arePublic()
            .and().haveRawReturnType(DescribedPredicate.describe("VerifiedJwt",
                    (JavaClass type) -> type.getSimpleName().equals("VerifiedJwt")))
            .should().beDeclaredInClassesThat(DescribedPredicate.describe("the verifiers " + VERIFIERS,
                    (JavaClass type) -> VERIFIERS.contains(type.getSimpleName())))
            .because("a VerifiedJwt is only ever returned by a verifier's verify (JwtVerifier, MultiIssuerVerifier,"
                    + " and their interface TokenVerifier): a second public factory (a static of(..), a copy,"
                    + " a test helper in main code) would be a way to get one without verification")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noClassKeepsMutableStaticState = fields()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.sigil..")
            .and().areStatic()
            .should().beFinal()
            .because("a verifier is an immutable object that an application may create many of, in"
                    + " one JVM, for different issuers; a non-final static field is global state shared"
                    + " between them, a data race waiting to happen, and a test that depends on order");

    /**
     * The only classes allowed {@code synchronized}, each on no user's verify or key-refresh path:
     * the CLI's event log (it guards a list and blocks on nothing inside; the CLI is not published)
     * and two testkit classes (test support, never on a user's class path). {@code
     * NoSynchronizedBlocksTest} reads the sources for {@code synchronized} blocks against the same list.
     */
    static final List<String> MAY_SYNCHRONIZE = List.of(
            "dev.sigil.cli.EventLog", "dev.sigil.testkit.FakeIssuer", "dev.sigil.testkit.VectorTally");

    @ArchTest
    static final ArchRule noSynchronizedMethods = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.sigil..")
            .and().areDeclaredInClassesThat(DescribedPredicate.not(DescribedPredicate.describe(
                    "are allowed to synchronize " + MAY_SYNCHRONIZE,
                    (JavaClass type) -> MAY_SYNCHRONIZE.contains(type.getName()))))
            .should().notHaveModifier(JavaModifier.SYNCHRONIZED)
            .because("on JDK 21 to 23 a virtual thread that blocks inside synchronized pins its carrier"
                    + " thread, and a server running a virtual thread per request (Spring Boot 4) has only"
                    + " as many carriers as cores: a verify or a key refresh waiting on the network"
                    + " under a monitor would stall every request. JDK 24 no longer pins there, so JFR on"
                    + " a newer JDK cannot catch it; this rule does. Use java.util.concurrent locks or,"
                    + " better, no lock (issue 20). ArchUnit does not see synchronized blocks;"
                    + " NoSynchronizedBlocksTest reads the sources for those");

    @ArchTest
    static final ArchRule onlyCoreInternalsUseServiceLoader = noClasses()
            .that().resideInAPackage("dev.sigil..")
            .and().resideOutsideOfPackage("dev.sigil.internal..")
            .should().dependOnClassesThat().belongToAnyOf(ServiceLoader.class)
            .because("provider selection (instance, system property, single provider, priority, ties"
                    + " are errors) happens once, in one place inside core, when build() runs; a"
                    + " second lookup elsewhere would pick differently, hide broken providers, or run"
                    + " on the hot path");

    // ---- 6. core's internals -----------------------------------------------------------------

    @ArchTest
    static final ArchRule coreInternalPackagesHaveNoCycles = slices()
            .matching("dev.sigil.internal.(*)..")
            .namingSlices("dev.sigil.internal.$1")
            .should().beFreeOfCycles()
            .because("each internal package has one job (codec, json, keys, remote, select) and can be"
                    + " understood, tested and changed on its own only while the dependencies between"
                    + " them run one way; a cycle would make two of them one package in all but name");

    @ArchTest
    static final ArchRule corePublicPackagesHaveNoCycles = slices()
            .assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                    String name = javaClass.getPackageName();
                    for (String api : List.of("jwt", "jwk", "spi")) {
                        String root = "dev.sigil." + api;
                        if (name.equals(root) || name.startsWith(root + ".")) {
                            return SliceIdentifier.of(root);
                        }
                    }
                    return SliceIdentifier.ignore();
                }

                @Override
                public String getDescription() {
                    return "core's public packages (jwt, jwk, spi)";
                }
            })
            .should().beFreeOfCycles()
            .because("the public packages are layered: spi (what modules implement, and the vocabulary"
                    + " they share with core) at the bottom, jwk (keys and where they come from) on it,"
                    + " jwt (the verifier) on top. A cycle would let a change to one ripple through all"
                    + " three. The internal packages implement the public ones and may use their types,"
                    + " so they are checked among themselves by coreInternalPackagesHaveNoCycles");

    private ArchitectureRules() {
    }

    private static String[] concat(String[] packages, String... more) {
        return Stream.concat(Stream.of(packages), Stream.of(more)).toArray(String[]::new);
    }
}
