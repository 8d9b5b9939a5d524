package dev.sigil.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a release publishes, read from the POMs themselves: the BOM lists exactly the modules that
 * are deployed, every published POM carries the metadata Maven Central requires, and the licence
 * and NOTICE cover what the repository carries.
 *
 * <p>"Deployed" is decided by each module's own {@code maven.deploy.skip}; the test and tool
 * modules set it, and {@code skipPublishing} beside it, because the Central publishing plugin of
 * the release profile ignores {@code maven.deploy.skip}. Paths are relative to this module's
 * directory, where surefire runs.
 */
class PublishedModulesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String APACHE_LICENCE_URL = "https://www.apache.org/licenses/LICENSE-2.0.txt";
    /** SHA-256 of the Apache License 2.0 exactly as the ASF publishes it (LICENSE-2.0.txt). */
    private static final String APACHE_LICENCE_SHA256 =
            "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30";

    @Test
    void theBomManagesExactlyTheModulesThatAreDeployed() throws IOException {
        Element bom = pom("bom");
        Set<String> managed = new TreeSet<>();
        for (Element dependency : children(path(bom, "dependencyManagement", "dependencies"), "dependency")) {
            managed.add(text(dependency, "artifactId"));
        }
        Set<String> deployed = new TreeSet<>();
        for (String module : modules()) {
            if (module.equals("bom")) {
                continue;
            }
            Element pom = pom(module);
            String artifactId = text(pom, "artifactId");
            boolean skipsDeploy = "true".equals(property(pom, "maven.deploy.skip"));
            boolean listed = managed.contains(artifactId);
            // Both at once would publish a BOM entry nobody can resolve; neither would hide a
            // published module from BOM users or publish a test module by accident.
            assertNotEquals(skipsDeploy, listed, module + " must either be in the BOM or skip deploy, not "
                    + (listed ? "both" : "neither"));
            assertEquals(skipsDeploy, "true".equals(property(pom, "skipPublishing")),
                    module + ": skipPublishing must match maven.deploy.skip, or -Prelease uploads what deploy skips");
            if (!skipsDeploy) {
                deployed.add(artifactId);
            }
        }
        assertFalse(deployed.isEmpty(), "no published module found: is the root pom's <modules> read?");
        assertEquals(deployed, managed, "the BOM's managed artifacts against the deployed modules");
    }

    @Test
    void theBomStandsAloneAndManagesSigilArtifactsAtTheProjectVersionOnly() throws IOException {
        Element root = rootPom();
        Element bom = pom("bom");
        // Importing the BOM must never pull the parent's dependencyManagement into a user's build.
        assertNull(child(bom, "parent"), "the BOM must have no parent");
        String version = text(root, "version");
        assertEquals(text(root, "groupId"), text(bom, "groupId"));
        assertEquals(version, text(bom, "version"), "the BOM's own version");
        List<Element> dependencies = children(path(bom, "dependencyManagement", "dependencies"), "dependency");
        assertFalse(dependencies.isEmpty());
        for (Element dependency : dependencies) {
            String artifactId = text(dependency, "artifactId");
            assertEquals("dev.sigil", text(dependency, "groupId"), artifactId + ": the BOM manages dev.sigil artifacts only");
            assertEquals(version, text(dependency, "version"), artifactId + ": the BOM's literal version");
        }
    }

    @Test
    void everyPublishedPomHasItsOwnNameAndDescription() throws IOException {
        Map<String, Element> published = new LinkedHashMap<>();
        published.put("(root)", rootPom());
        for (String module : modules()) {
            Element pom = pom(module);
            if (!"true".equals(property(pom, "maven.deploy.skip"))) {
                published.put(module, pom);
            }
        }
        Set<String> names = new TreeSet<>();
        Set<String> descriptions = new TreeSet<>();
        for (Map.Entry<String, Element> entry : published.entrySet()) {
            // Maven inherits <description> from the parent, so a module without its own would
            // silently describe itself as the whole project; <name> must be there and distinct too.
            String name = nonBlank(entry.getValue(), "name", entry.getKey());
            String description = nonBlank(entry.getValue(), "description", entry.getKey());
            assertTrue(names.add(name), entry.getKey() + ": name shared with another module: " + name);
            assertTrue(descriptions.add(description), entry.getKey() + ": description shared with another module");
        }
    }

    @Test
    void theRootPomAndTheBomCarryCentralsRequiredMetadata() throws IOException {
        Element root = rootPom();
        Element bom = pom("bom");
        for (Element pom : List.of(root, bom)) {
            String which = text(pom, "artifactId");
            assertTrue(nonBlank(pom, "url", which).startsWith("https://"), which + ": url");
            Element licence = path(pom, "licenses", "license");
            assertEquals("Apache-2.0", text(licence, "name"), which + ": licence name");
            assertEquals(APACHE_LICENCE_URL, text(licence, "url"), which + ": licence url");
            Element developer = path(pom, "developers", "developer");
            nonBlank(developer, "id", which + " developer");
            nonBlank(developer, "name", which + " developer");
            Element scm = path(pom, "scm");
            nonBlank(scm, "connection", which + " scm");
            nonBlank(scm, "developerConnection", which + " scm");
            nonBlank(scm, "url", which + " scm");
            nonBlank(scm, "tag", which + " scm");
        }
        // Written twice because the BOM has no parent: the two copies must say the same.
        for (String[] field : new String[][] {{"url"}, {"licenses", "license", "url"}, {"scm", "url"},
                {"scm", "connection"}, {"scm", "developerConnection"}, {"developers", "developer", "name"}}) {
            String[] parents = Arrays.copyOf(field, field.length - 1);
            assertEquals(text(path(root, parents), field[field.length - 1]),
                    text(path(bom, parents), field[field.length - 1]), "the BOM's " + String.join("/", field));
        }
        // Without these Maven appends each artifactId to the inherited url and scm paths, and every
        // module would point at a directory of the repository that does not exist on its own.
        assertEquals("false", root.getAttribute("child.project.url.inherit.append.path"), "project url");
        for (String attribute : List.of("connection", "developerConnection", "url")) {
            assertEquals("false", path(root, "scm").getAttribute("child.scm." + attribute + ".inherit.append.path"),
                    "scm " + attribute);
        }
    }

    @Test
    void theBomRepeatsTheRootsReleaseProfile() throws IOException {
        Map<String, String> rootPlugins = releasePlugins(rootPom());
        assertEquals(Set.of("org.apache.maven.plugins:maven-gpg-plugin",
                "org.sonatype.central:central-publishing-maven-plugin"), rootPlugins.keySet());
        // A BOM left out of the profile would be neither signed nor in the Central bundle.
        assertEquals(rootPlugins, releasePlugins(pom("bom")), "the BOM's release profile");
    }

    @Test
    void theCentralBundleLeavesOutExactlyTheModulesThatAreNeverDeployed() throws IOException {
        Set<String> neverDeployed = new TreeSet<>();
        for (String module : modules()) {
            Element pom = pom(module);
            if ("true".equals(property(pom, "maven.deploy.skip"))) {
                neverDeployed.add(text(pom, "artifactId"));
            }
        }
        Element publishing = null;
        for (Element profile : children(path(rootPom(), "profiles"), "profile")) {
            for (Element plugin : "release".equals(text(profile, "id"))
                    ? children(path(profile, "build", "plugins"), "plugin") : List.<Element>of()) {
                if ("central-publishing-maven-plugin".equals(text(plugin, "artifactId"))) {
                    publishing = plugin;
                }
            }
        }
        assertNotNull(publishing, "the release profile's central-publishing-maven-plugin");
        Set<String> excluded = new TreeSet<>();
        for (Element exclude : children(path(publishing, "configuration", "excludeArtifacts"), "excludeArtifact")) {
            excluded.add(exclude.getTextContent().strip());
        }
        assertFalse(neverDeployed.isEmpty(), "no module skips deploy: is the root pom's <modules> read?");
        assertEquals(neverDeployed, excluded, "excludeArtifacts against the modules that skip deploy");
        // The plugin uploads once, from the reactor's last module and with its skipPublishing: were a
        // module that skips publishing last, the release would upload nothing and still succeed.
        // Nothing in the reactor depends on the BOM, so the BOM declared last is built last.
        List<String> modules = modules();
        assertEquals("bom", modules.get(modules.size() - 1), "the root pom's last <module>");
    }

    @Test
    void theLicenceIsTheApacheLicenceTwoPointZero() throws IOException, NoSuchAlgorithmException {
        byte[] licence = Files.readAllBytes(ROOT.resolve("LICENSE"));
        String text = new String(licence, StandardCharsets.UTF_8);
        assertTrue(text.contains("Apache License") && text.contains("Version 2.0, January 2004"), "LICENSE is not Apache 2.0");
        assertEquals(APACHE_LICENCE_SHA256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(licence)),
                "LICENSE differs from the Apache License 2.0 text");
    }

    @Test
    void noticeNamesEveryFolderThatCarriesItsOwnLicence() throws IOException {
        String notice = Files.readString(ROOT.resolve("NOTICE"));
        assertTrue(notice.startsWith("Sigil\nCopyright 2026 The Sigil authors\n"), "NOTICE's heading");
        List<String> licensed = foldersWithALicenceFile();
        // The four vector sets of sigil-testkit at least; none found means the walk looked in the wrong place.
        assertTrue(licensed.size() >= 4, "folders with a LICENSE file: " + licensed);
        for (String folder : licensed) {
            assertTrue(notice.contains(folder + "/"), "NOTICE does not name " + folder + " (third-party material with its own LICENSE)");
        }
    }

    private static List<String> foldersWithALicenceFile() throws IOException {
        List<String> folders = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return name.equals("target") || name.startsWith(".") && !dir.equals(ROOT)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.getFileName().toString().equals("LICENSE") && !file.getParent().equals(ROOT)) {
                    folders.add(ROOT.relativize(file.getParent()).toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return folders;
    }

    private static Map<String, String> releasePlugins(Element pom) {
        Map<String, String> plugins = new LinkedHashMap<>();
        for (Element profile : children(path(pom, "profiles"), "profile")) {
            if (!"release".equals(text(profile, "id"))) {
                continue;
            }
            for (Element plugin : children(path(profile, "build", "plugins"), "plugin")) {
                // Version, extensions, executions and configuration, as one string of their values.
                plugins.put(text(plugin, "groupId") + ":" + text(plugin, "artifactId"),
                        plugin.getTextContent().strip().replaceAll("\\s+", " "));
            }
        }
        assertFalse(plugins.isEmpty(), text(pom, "artifactId") + " has no release profile");
        return plugins;
    }

    private static List<String> modules() throws IOException {
        List<String> modules = new ArrayList<>();
        for (Element module : children(path(rootPom(), "modules"), "module")) {
            modules.add(module.getTextContent().strip());
        }
        return modules;
    }

    private static Element rootPom() throws IOException {
        return parse(ROOT.resolve("pom.xml"));
    }

    private static Element pom(String module) throws IOException {
        return parse(ROOT.resolve(module).resolve("pom.xml"));
    }

    private static Element parse(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(file.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot parse " + file, e);
        }
    }

    private static String property(Element pom, String name) {
        Element properties = child(pom, "properties");
        return properties == null ? null : text(properties, name);
    }

    private static String nonBlank(Element element, String name, String where) {
        String value = text(element, name);
        assertNotNull(value, where + ": no <" + name + ">");
        assertFalse(value.isBlank(), where + ": empty <" + name + ">");
        return value;
    }

    /** The text of a direct child, or null: direct children only, so profiles never answer for the project. */
    private static String text(Element element, String name) {
        Element child = child(element, name);
        return child == null ? null : child.getTextContent().strip();
    }

    private static Element path(Element element, String... names) {
        Element current = element;
        for (String name : names) {
            Element next = child(current, name);
            assertNotNull(next, "<" + current.getTagName() + "> has no <" + name + ">");
            current = next;
        }
        return current;
    }

    private static Element child(Element element, String name) {
        List<Element> found = children(element, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element element, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                found.add(child);
            }
        }
        return found;
    }
}
