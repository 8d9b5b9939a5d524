package dev.sigil.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The BOM lists exactly the published modules (those that do not skip deploy), at the project's
 * version, and manages nothing else: importing it must never change a user's third-party versions.
 */
class BomTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    @Test
    void listsEveryPublishedModuleAndNothingElse() throws IOException {
        TreeSet<String> published = new TreeSet<>();
        for (String module : all(MODULE, Files.readString(ROOT.resolve("pom.xml")))) {
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            if (!module.equals("bom") && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                published.add(all(ARTIFACT, pom).get(1));
            }
        }
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        assertFalse(bom.contains("<parent>"), "the BOM must not inherit the parent's dependencyManagement");
        List<String> managed = all(ARTIFACT, bom.substring(bom.indexOf("<dependencyManagement>")));
        assertEquals(published, new TreeSet<>(managed));
        List<String> groups = all(Pattern.compile("<groupId>([^<]+)</groupId>"), bom);
        assertEquals(List.of("dev.sigil"), groups.stream().distinct().collect(Collectors.toList()),
                "the BOM manages dev.sigil artifacts only");
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
