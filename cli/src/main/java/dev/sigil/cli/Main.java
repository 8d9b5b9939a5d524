package dev.sigil.cli;

import dev.sigil.spi.JwtConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.logging.LogManager;

/**
 * The {@code sigil} command: {@code java -jar sigil.jar COMMAND ...}. Everything happens in
 * {@link #run(String[], InputStream, PrintStream, PrintStream)}, which tests call in-process;
 * {@link #main(String[])} only adds the process around it.
 */
public final class Main {

    static final String USAGE = String.join("\n",
            "usage: sigil COMMAND [OPTIONS]",
            "",
            "Verifies JSON Web Tokens against the keys their issuer publishes (Sigil " + version() + ").",
            "",
            "commands:",
            "  verify   verify a token against an issuer's keys and print its header and claims",
            "  inspect  decode a token WITHOUT verifying it (exp, iat, nbf as dates)",
            "  jwks     list an issuer's keys, their thumbprints, and which keys Sigil drops and why",
            "  demo     a self-contained tour on 127.0.0.1: discovery, rotation, refusals (a few seconds)",
            "",
            "'sigil COMMAND --help' describes each. Exit status: 0 success, 1 refused or failed, 2 usage error.",
            "Colour only on a terminal, and never with NO_COLOR set.",
            "");

    private Main() {
    }

    /**
     * Runs one command ({@code verify}, {@code inspect}, {@code jwks} or {@code demo}) and exits with its
     * status: 0 on success, 1 when the token is refused or the command fails, 2 for a usage error.
     *
     * @param args the command and its options, as {@code sigil --help} lists them
     */
    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * Runs one command. Colour only when {@code out} is the process's own terminal.
     *
     * @return the exit status: 0 success, 1 refused or failed, 2 usage error
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        boolean terminal = System.console() != null;
        String noColor = System.getenv("NO_COLOR");
        boolean colour = out == System.out && terminal && (noColor == null || noColor.isEmpty());
        return run(args, new Terminal(in, out, err, new Style(colour), Clock.systemUTC(), in == System.in && terminal));
    }

    static int run(String[] args, Terminal terminal) {
        if (args.length == 0) {
            terminal.err().print(USAGE);
            return 2;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (command) {
                case "-h", "--help", "help" -> {
                    terminal.out().print(USAGE);
                    yield 0;
                }
                case "verify" -> new VerifyCommand(terminal).run(rest);
                case "inspect" -> new InspectCommand(terminal, Json.resolve()).run(rest);
                case "jwks" -> new JwksCommand(terminal).run(rest);
                case "demo" -> new DemoCommand(terminal, Json.resolve()).run(rest);
                default -> {
                    terminal.err().println("sigil: unknown command " + Printable.argument(command));
                    terminal.err().print(USAGE);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            terminal.err().println("sigil " + command + ": " + Printable.message(e.getMessage()));
            terminal.err().println("run 'sigil " + command + " --help' for usage");
            return 2;
        } catch (IOException | GeneralSecurityException | JwtConfigurationException e) {
            terminal.err().println("sigil " + command + ": " + terminal.style().bad("failed") + ": "
                    + Printable.message(e.toString()));
            return 1;
        }
    }

    /**
     * The commands report what the library would log (fetches, dropped keys) through their own
     * output, so the library's java.util.logging records would only repeat it in another format.
     * Only in {@link #main}: tests and embedding code keep their logging. An explicit
     * {@code -Djava.util.logging.config.file} still wins.
     */
    private static void quietLibraryLogging() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        String config = "handlers=java.util.logging.ConsoleHandler\n.level=INFO\ndev.sigil.level=SEVERE\n";
        try {
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(config.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            // Logging stays as the JDK configured it: noisier, never wrong.
        }
    }

    private static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
