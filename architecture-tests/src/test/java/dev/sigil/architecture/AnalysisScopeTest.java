package dev.sigil.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import dev.sigil.jwt.VerifiedJwt;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Guards the rules' blind spots: the analysis must see the real modules and none of the fixtures,
 * and the package lists in {@link ArchitectureRules} must match what core's module-info declares.
 */
class AnalysisScopeTest {

    @Test
    void theAnalysisSeesCoreButNoFixtures() {
        AnalyzeClasses scope = ArchitectureRules.class.getAnnotation(AnalyzeClasses.class);
        JavaClasses analysed = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(scope.packages());

        assertTrue(analysed.contain(VerifiedJwt.class), "the analysis must include sigil-core");
        // By name: Spring (provided there) is not on this class path, so the class could not be loaded.
        assertTrue(analysed.contain("dev.sigil.spring.security.SigilJwtDecoder"),
                "the analysis must include sigil-spring-security");
        assertTrue(analysed.contain("dev.sigil.spring.boot.SigilResourceServerAutoConfiguration"),
                "the analysis must include sigil-spring-boot-starter");
        assertTrue(analysed.contain("dev.sigil.micrometer.SigilMetrics"), "the analysis must include sigil-micrometer");
        List<String> fixtures = analysed.stream()
                .map(JavaClass::getName)
                .filter(name -> name.contains(".fixture."))
                .collect(Collectors.toList());
        assertEquals(List.of(), fixtures, "fixtures violate the rules on purpose; they must stay out");
    }

    @Test
    void theExportedPackagesInTheRulesAreExactlyThoseCoreExports() throws URISyntaxException {
        Set<String> exported = coreDescriptor().exports().stream()
                .filter(export -> !export.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(new TreeSet<>(List.of(ArchitectureRules.CORE_EXPORTED_PACKAGES)), exported);
    }

    @Test
    void everyCorePackageIsCoveredByTheCoreRules() throws URISyntaxException {
        PackageMatchers corePackages = PackageMatchers.of(ArchitectureRules.CORE_PACKAGES);
        Set<String> uncovered = coreDescriptor().packages().stream()
                .filter(name -> !corePackages.test(name))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(Set.of(), uncovered, "a core package outside these patterns escapes the core rules");
    }

    private static ModuleDescriptor coreDescriptor() throws URISyntaxException {
        // sigil-core's jar (or classes directory) on this class path, read as the module it declares.
        Path location = Path.of(VerifiedJwt.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleReference core = ModuleFinder.of(location).findAll().iterator().next();
        assertEquals("dev.sigil.core", core.descriptor().name());
        return core.descriptor();
    }
}
