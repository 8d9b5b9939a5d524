package dev.sigil.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments: {@code --name value} or {@code --name=value} options, {@code --flag}s, and
 * positionals; {@code --} ends the options and a lone {@code -} is a positional (standard input).
 * An option's value is never blank.
 * {@code --help} and {@code -h} are flags of every command.
 */
final class Arguments {

    private final Map<String, List<String>> options;
    private final Set<String> flags;
    private final List<String> positionals;

    private Arguments(Map<String, List<String>> options, Set<String> flags, List<String> positionals) {
        this.options = options;
        this.flags = flags;
        this.positionals = positionals;
    }

    /** What a command accepts: options that take a value (some repeatable), and flags. */
    static final class Spec {
        private final Set<String> single = new HashSet<>();
        private final Set<String> repeatable = new HashSet<>();
        private final Set<String> flags = new HashSet<>(Set.of("--help"));

        Spec option(String name) {
            single.add(name);
            return this;
        }

        Spec repeatableOption(String name) {
            repeatable.add(name);
            return this;
        }

        Spec flag(String name) {
            flags.add(name);
            return this;
        }

        Arguments parse(List<String> args) throws UsageException {
            Map<String, List<String>> options = new LinkedHashMap<>();
            Set<String> seenFlags = new HashSet<>();
            List<String> positionals = new ArrayList<>();
            boolean optionsEnded = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
                    positionals.add(arg);
                    continue;
                }
                if (arg.equals("--")) {
                    optionsEnded = true;
                    continue;
                }
                if (arg.equals("-h")) {
                    arg = "--help";
                }
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                if (flags.contains(name)) {
                    if (eq >= 0) {
                        throw new UsageException(name + " takes no value");
                    }
                    seenFlags.add(name);
                } else if (single.contains(name) || repeatable.contains(name)) {
                    String value;
                    if (eq >= 0) {
                        value = arg.substring(eq + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException(name + " needs a value");
                    }
                    if (value.isBlank()) {
                        // No option has a meaning for blank text; the library would throw, naming its method.
                        throw new UsageException(name + " must not be blank");
                    }
                    List<String> values = options.computeIfAbsent(name, n -> new ArrayList<>());
                    if (!values.isEmpty() && single.contains(name)) {
                        throw new UsageException(name + " may be given only once");
                    }
                    values.add(value);
                } else {
                    throw new UsageException("unknown option " + Printable.argument(name));
                }
            }
            return new Arguments(options, Collections.unmodifiableSet(seenFlags), List.copyOf(positionals));
        }
    }

    static Spec spec() {
        return new Spec();
    }

    boolean help() {
        return flags.contains("--help");
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    Optional<String> value(String name) {
        List<String> values = options.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    List<String> positionals() {
        return positionals;
    }
}
