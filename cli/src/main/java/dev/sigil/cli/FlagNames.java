package dev.sigil.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The library's messages name its builder methods ({@code "configure type(..) to accept another
 * token type"}), which is right for a developer and useless to someone at a shell. A command turns
 * each method it sets from a flag into that flag's name, and makes the message printable, before
 * showing any library message.
 */
final class FlagNames {

    private final Map<String, String> flagByMethod;

    private FlagNames(Map<String, String> flagByMethod) {
        this.flagByMethod = flagByMethod;
    }

    /** Pairs of a builder method as messages write it ({@code "type(..)"}) and what to say instead. */
    static FlagNames of(String... methodThenFlag) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < methodThenFlag.length; i += 2) {
            map.put(methodThenFlag[i], methodThenFlag[i + 1]);
        }
        return new FlagNames(map);
    }

    /** The library message for this command's user: flags for methods, nothing raw. */
    String message(String libraryMessage) {
        String text = libraryMessage;
        for (Map.Entry<String, String> e : flagByMethod.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return Printable.message(text);
    }
}
