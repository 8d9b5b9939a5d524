package dev.sigil.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a release deploys, read from the POMs themselves: the modules the BOM lists are exactly
 * those that do not skip deploy, each with the metadata Maven Central requires, at the project's
 * version; the release profile keeps every other module out of the upload; and the licence and
 * NOTICE cover the third-party test data the repository carries.
 */
class PublishedModulesTest {

    /** Surefire runs in architecture-tests/, one level below the repository's root. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String BOM_DIRECTORY = "bom";
    private static final String APACHE_2_URL = "https://www.apache.org/licenses/LICENSE-2.0.txt";

    private static Element root;
    private static Element bom;
    /** Every module of the root POM but the BOM, by directory, in the root POM's order. */
    private static final Map<String, Element> MODULES = new LinkedHashMap<>();

    @BeforeAll
    static void readThePoms() throws IOException, ParserConfigurationException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // A POM has no business declaring a DTD; refusing one also keeps external entities out.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder parser = factory.newDocumentBuilder();
        root = parser.parse(ROOT.resolve("pom.xml").toFile()).getDocumentElement();
        for (Element module : children(child(root, "modules"), "module")) {
            String directory = module.getTextContent().trim();
            Element project = parser.parse(ROOT.resolve(directory).resolve("pom.xml").toFile()).getDocumentElement();
            if (directory.equals(BOM_DIRECTORY)) {
                bom = project;
            } else {
                MODULES.put(directory, project);
            }
        }
        assertNotNull(bom, "the root POM must list the BOM as a module");
    }

    @Test
    void everyModuleIsEitherListedInTheBomOrSkipsDeployNeverBothNeverNeither() {
        Set<String> managed = managedArtifacts();
        List<String> both = new ArrayList<>();
        List<String> neither = new ArrayList<>();
        Set<String> published = new TreeSet<>();
        MODULES.forEach((directory, project) -> {
            String artifactId = text(project, "artifactId");
            boolean listed = managed.contains(artifactId);
            if (listed && skipsDeploy(project)) {
                both.add(directory);
            } else if (!listed && !skipsDeploy(project)) {
                neither.add(directory);
            }
            if (!skipsDeploy(project)) {
                published.add(artifactId);
            }
        });

        assertEquals(List.of(), both, "listed in the BOM, yet never deployed: a user could not resolve them");
        assertEquals(List.of(), neither,
                "deployed but missing from the BOM: add them to bom/pom.xml, or set maven.deploy.skip if never published");
        assertEquals(published, managed, "the BOM manages exactly the deployed modules (a stale entry names none)");
        assertFalse(skipsDeploy(root), "the parent POM must be deployed: every published POM inherits from it");
        assertFalse(skipsDeploy(bom), "the BOM is published");
    }

    @Test
    void theReleaseProfileKeepsExactlyTheNeverDeployedModulesOutOfTheUpload() {
        Element release = releaseProfile(root);
        assertNull(child(release, "activation"), "the release profile signs and uploads: only -Prelease may turn it on");
        Element publishing = plugin(release, "central-publishing-maven-plugin");
        Element configuration = child(publishing, "configuration");
        assertEquals("true", text(publishing, "extensions"), "the Central plugin works only as a build extension");
        assertEquals("central", text(configuration, "publishingServerId"), "the settings.xml server the README names");
        assertEquals("false", text(configuration, "autoPublish"), "a person publishes, on the Portal, after checking");
        assertEquals("validated", text(configuration, "waitUntil"));
        Element signing = child(child(plugin(release, "maven-gpg-plugin"), "executions"), "execution");
        assertEquals("sign", text(child(signing, "goals"), "goal"), "Central refuses unsigned files");
        Set<String> excluded = children(child(configuration, "excludeArtifacts"), null).stream()
                .map(exclude -> exclude.getTextContent().trim())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> neverDeployed = MODULES.values().stream()
                .filter(PublishedModulesTest::skipsDeploy)
                .map(project -> text(project, "artifactId"))
                .collect(Collectors.toCollection(TreeSet::new));

        // The plugin replaces maven-deploy-plugin, so maven.deploy.skip alone would upload them all.
        assertEquals(neverDeployed, excluded, "excludeArtifacts must name exactly the modules that skip deploy");
        assertFalse(excluded.isEmpty(), "the test and tool modules must be found");
    }

    @Test
    void theParentlessBomSignsAndUploadsExactlyAsTheParentDoes() {
        // Central refuses an unsigned POM, and the reactor's last module uploads with its own settings.
        assertEquals(shape(child(releaseProfile(root), "build")), shape(child(releaseProfile(bom), "build")),
                "the BOM's release profile must repeat the root's <build>: plugins, versions and configuration");
        assertNull(child(releaseProfile(bom), "activation"), "the BOM's release profile: only -Prelease");
    }

    @Test
    void everyPublishedPomNamesAndDescribesItsOwnModule() {
        List<Element> published = new ArrayList<>(List.of(root, bom));
        MODULES.values().stream().filter(project -> !skipsDeploy(project)).forEach(published::add);
        List<String> missing = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        Set<String> descriptions = new TreeSet<>();
        for (Element project : published) {
            String artifactId = text(project, "artifactId");
            // Read from the module's own POM: Maven would inherit the parent's description silently.
            String name = text(project, "name");
            String description = text(project, "description");
            if (name.isEmpty() || description.isEmpty()) {
                missing.add(artifactId);
            }
            names.add(name);
            descriptions.add(description.replaceAll("\\s+", " "));
        }

        assertEquals(List.of(), missing, "published POMs need their own <name> and <description>");
        assertEquals(published.size(), names.size(), "two published modules share a <name>: " + names);
        assertEquals(published.size(), descriptions.size(), "two published modules share a <description>");
    }

    @Test
    void theParentAndTheParentlessBomCarryTheMetadataMavenCentralRequires() {
        for (Element project : List.of(root, bom)) {
            String artifactId = text(project, "artifactId");
            assertTrue(text(project, "url").startsWith("https://"), artifactId + ": <url>");
            List<Element> licences = children(child(project, "licenses"), "license");
            assertEquals(1, licences.size(), artifactId + ": one <license>");
            assertEquals("Apache-2.0", text(licences.get(0), "name"), artifactId + ": licence name (SPDX)");
            assertEquals(APACHE_2_URL, text(licences.get(0), "url"), artifactId + ": licence URL");
            List<Element> developers = children(child(project, "developers"), "developer");
            assertFalse(developers.isEmpty(), artifactId + ": <developers>");
            for (Element developer : developers) {
                assertFalse(text(developer, "name").isEmpty(), artifactId + ": every developer has a <name>");
            }
            Element scm = child(project, "scm");
            assertNotNull(scm, artifactId + ": <scm>");
            for (String element : List.of("connection", "developerConnection", "url")) {
                assertFalse(text(scm, element).isEmpty(), artifactId + ": <scm><" + element + ">");
            }
        }
        assertNull(child(bom, "parent"), "the BOM must not inherit the parent's dependencyManagement");
        for (String element : List.of("url", "licenses", "developers", "scm", "issueManagement")) {
            assertEquals(shape(child(root, element)), shape(child(bom, element)),
                    "the BOM's <" + element + "> must be the parent's");
        }
    }

    @Test
    void childModulesPointAtTheRepositoryRatherThanAtAPathMadeFromTheirArtifactId() {
        // Without these, Maven appends each module's artifactId to the inherited url and scm paths.
        assertEquals("false", root.getAttribute("child.project.url.inherit.append.path"),
                "<project child.project.url.inherit.append.path>");
        Element scm = child(root, "scm");
        for (String element : List.of("connection", "developerConnection", "url")) {
            String attribute = "child.scm." + element + ".inherit.append.path";
            assertEquals("false", scm.getAttribute(attribute), "<scm " + attribute + ">");
        }
        MODULES.forEach((directory, project) -> {
            assertNull(child(project, "url"), directory + " must inherit the parent's <url>");
            assertNull(child(project, "scm"), directory + " must inherit the parent's <scm>");
        });
    }

    @Test
    void theBomAndEveryModuleAreAtTheProjectVersion() {
        String version = text(root, "version");
        assertFalse(version.isEmpty(), "the root POM's <version>");
        assertEquals(version, text(bom, "version"), "the BOM's own <version> (it has no parent to inherit it from)");
        for (Element dependency : managedDependencies()) {
            assertEquals("dev.sigil", text(dependency, "groupId"), "the BOM manages dev.sigil artifacts only");
            assertEquals(version, text(dependency, "version"),
                    "the BOM's version of " + text(dependency, "artifactId") + " (literal: no properties in a BOM)");
        }
        MODULES.forEach((directory, project) -> {
            assertEquals(version, text(child(project, "parent"), "version"), directory + "'s <parent> version");
            assertEquals("", text(project, "version"), directory + " must inherit the version");
        });
    }

    @Test
    void licenceIsTheApacheLicence2() throws IOException {
        String licence = Files.readString(ROOT.resolve("LICENSE"));
        List<String> missing = Stream.of(
                        "Apache License",
                        "Version 2.0, January 2004",
                        "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION",
                        "1. Definitions.",
                        "2. Grant of Copyright License.",
                        "3. Grant of Patent License.",
                        "4. Redistribution.",
                        "5. Submission of Contributions.",
                        "6. Trademarks.",
                        "7. Disclaimer of Warranty.",
                        "8. Limitation of Liability.",
                        "9. Accepting Warranty or Additional Liability.",
                        "END OF TERMS AND CONDITIONS")
                .filter(part -> !licence.contains(part))
                .collect(Collectors.toList());

        assertEquals(List.of(), missing, "LICENSE must be the full Apache License 2.0");
    }

    @Test
    void noticeNamesEveryFolderOfThirdPartyDataThatCarriesItsOwnLicence() throws IOException {
        String notice = Files.readString(ROOT.resolve("NOTICE"));
        assertTrue(notice.startsWith("Sigil\nCopyright 2026 The Sigil authors\n"), "NOTICE opens with the product and its owner");
        Set<String> licensed = new TreeSet<>();
        for (String directory : MODULES.keySet()) {
            Path sources = ROOT.resolve(directory).resolve("src");
            if (Files.isDirectory(sources)) {
                try (Stream<Path> files = Files.walk(sources)) {
                    files.filter(file -> file.getFileName().toString().equals("LICENSE"))
                            .map(file -> ROOT.relativize(file.getParent()).toString().replace('\\', '/') + "/")
                            .forEach(licensed::add);
                }
            }
        }
        List<String> unnamed = licensed.stream().filter(folder -> !notice.contains(folder)).collect(Collectors.toList());

        assertTrue(licensed.contains("testkit/src/main/resources/dev/sigil/testkit/wycheproof/"),
                "the walk must find testkit's vector sets: " + licensed);
        assertEquals(List.of(), unnamed, "NOTICE must name each folder of third-party data, with its licence");
    }

    private static Element plugin(Element profile, String artifactId) {
        return children(child(child(profile, "build"), "plugins"), "plugin").stream()
                .filter(plugin -> text(plugin, "artifactId").equals(artifactId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the release profile has no " + artifactId));
    }

    private static Element releaseProfile(Element project) {
        return children(child(project, "profiles"), "profile").stream()
                .filter(profile -> text(profile, "id").equals("release"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(text(project, "artifactId") + " has no release profile"));
    }

    private static Set<String> managedArtifacts() {
        return managedDependencies().stream()
                .map(dependency -> text(dependency, "artifactId"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Element> managedDependencies() {
        return children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency");
    }

    private static boolean skipsDeploy(Element project) {
        return text(child(project, "properties"), "maven.deploy.skip").equals("true");
    }

    /** The direct child element of that name, or null (also when {@code parent} is null). */
    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Direct child elements with that name, or all of them when {@code name} is null. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE && (name == null || node.getNodeName().equals(name))) {
                found.add((Element) node);
            }
        }
        return found;
    }

    /** The trimmed text of the direct child of that name; empty when there is none. */
    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().trim();
    }

    /**
     * An element's names and values, nested, without comments or layout: two POMs' elements compare
     * equal when they say the same thing however they are commented or indented.
     */
    private static String shape(Element element) {
        assertNotNull(element);
        List<Element> elements = children(element, null);
        if (elements.isEmpty()) {
            return element.getNodeName() + "=" + element.getTextContent().trim();
        }
        return element.getNodeName()
                + elements.stream().map(PublishedModulesTest::shape).collect(Collectors.joining(", ", "{", "}"));
    }
}
