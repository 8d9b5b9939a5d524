package dev.sigil.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link SmokeApp} in child JVMs, on the module path and on the class path, with the reactor's
 * own jars: sigil-core, sigil-backend-jca, sigil-http-jdk, sigil-json-jackson and jackson-core. The
 * paths come from maven-dependency-plugin's {@code build-classpath} (see this module's pom).
 */
class ModulePathSmokeTest {

    private static final String MAIN = "dev.sigil.smoke/dev.sigil.smoke.SmokeApp";

    @Test
    void verifiesTokensOnTheModulePathWithProvidersFoundThroughUsesAndProvides() throws Exception {
        String out = run(List.of("--module-path", path(), "--module", MAIN));
        assertTrue(out.contains("app-module=dev.sigil.smoke\n"), out);
        // Nothing but the application's module is a root: the rest resolved through requires and
        // through service binding (core's uses, the implementations' provides).
        assertTrue(out.contains("sigil-modules=com.fasterxml.jackson.core,dev.sigil.backend.jca,dev.sigil.core,"
                + "dev.sigil.http.jdk,dev.sigil.json.jackson,dev.sigil.smoke\n"), out);
        assertTrue(out.contains("static-subject=smoke-subject\n"), out);
        assertTrue(out.contains("crypto=jca from dev.sigil.backend.jca\n"), out);
        assertTrue(out.contains("json=jackson from dev.sigil.json.jackson\n"), out);
        // Core logs its choice once per build(): Jackson replaced the built-in codec, which core registers
        // through its own provides, so it was found too.
        assertTrue(out.contains("using JsonCodec 'jackson' (priority 100) of jackson (100), builtin (fallback);"),
                out);
        assertTrue(out.contains("remote-subject=smoke-subject\n"), out);
        assertTrue(out.contains("done\n"), out);
    }

    @Test
    void theSystemPropertyPinsTheBuiltInCodecOnTheModulePath() throws Exception {
        String out = run(List.of("-Dsigil.json=builtin", "--module-path", path(), "--module", MAIN));
        assertTrue(out.contains("json=builtin from dev.sigil.core\n"), out);
        assertTrue(out.contains("remote-subject=smoke-subject\n"), out);
    }

    @Test
    void verifiesTheSameWayOnTheClassPath() throws Exception {
        String out = run(List.of("-cp", path(), "dev.sigil.smoke.SmokeApp"));
        assertTrue(out.contains("app-module=unnamed\n"), out);
        assertTrue(out.contains("sigil-modules=\n"), out);
        assertTrue(out.contains("static-subject=smoke-subject\n"), out);
        assertTrue(out.contains("crypto=jca from unnamed\n"), out);
        assertTrue(out.contains("json=jackson from unnamed\n"), out);
        assertTrue(out.contains("remote-subject=smoke-subject\n"), out);
        assertTrue(out.contains("done\n"), out);
    }

    /** The reactor's jars and the application's classes; the same list serves both paths. */
    private static String path() throws IOException {
        String file = System.getProperty("smoke.runtimePathFile");
        String classes = System.getProperty("smoke.applicationClasses");
        assertTrue(file != null && classes != null, "run through Maven: the pom passes the paths");
        String dependencies = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        for (String name : List.of("sigil-core", "sigil-backend-jca", "sigil-http-jdk", "sigil-json-jackson",
                "jackson-core")) {
            assertTrue(dependencies.contains(name), name + " missing from " + dependencies);
        }
        return dependencies + File.pathSeparator + classes;
    }

    private static String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream stdout = process.getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the application did not finish: " + out);
        }
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + "\n" + out);
        return out;
    }
}
