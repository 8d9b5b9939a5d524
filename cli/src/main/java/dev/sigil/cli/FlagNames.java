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

    /**
     * The library's advice for an issuer that stands for many tenants (Entra ID's {@code common}) names
     * the multi-issuer verifier's tenant templates, which no flag gives: at a shell, the way that works
     * is one tenant's own issuer.
     */
    private static final String[] TENANT_ADVICE = {
        "give that template to MultiIssuerVerifier.Builder.issuerTemplate(template, \"tid\", tenants), or configure your"
                + " tenant's own issuer", "an application gives that template to a multi-issuer verifier; here, give --issuer"
                + " your tenant's own issuer",
        "give the template to MultiIssuerVerifier.Builder.issuerTemplate(template, \"tid\", tenants), or configure one"
                + " tenant's own issuer", "an application gives the template to a multi-issuer verifier; here, give --issuer"
                + " one tenant's own issuer",
        "give the template to MultiIssuerVerifier.Builder.issuerTemplate(..), or configure one tenant's own issuer",
        "an application gives the template to a multi-issuer verifier; here, give --issuer one tenant's own issuer",
    };

    /** Pairs of a builder method as messages write it ({@code "type(..)"}) and what to say instead. */
    static FlagNames of(String... methodThenFlag) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < TENANT_ADVICE.length; i += 2) {
            map.put(TENANT_ADVICE[i], TENANT_ADVICE[i + 1]);
        }
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
