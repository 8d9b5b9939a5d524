package dev.sigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sigil.jwt.EcIssuerKey;
import dev.sigil.testkit.FakeIssuer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Someone at a shell configures the verifier with flags, so a message that tells them what to change
 * names the flag ({@code --type}), never the builder method behind it ({@code type(..)}); and a flag
 * the library would refuse is a usage error, never a stack trace.
 */
class FlagNamesInMessagesTest {

    private static final String AUDIENCE = "https://api.example.com";

    private static void assertNoBuilderMethod(Cli.Result r) {
        assertFalse(r.all().matches("(?s).*[a-zA-Z]\\((\\.\\.)?\\).*"), r.all());
    }

    @Test
    void aTypeMismatchSaysWhichFlagAcceptsAnotherType() {
        EcIssuerKey key = EcIssuerKey.generate("k1");
        try (FakeIssuer issuer = FakeIssuer.start()) {
            issuer.publishKeys(EcIssuerKey.jwks(key.publicJwk()));
            long now = Instant.now().getEpochSecond();
            String token = key.sign("{\"alg\":\"ES256\",\"kid\":\"k1\",\"typ\":\"dpop+jwt\"}", "{\"iss\":\""
                    + issuer.issuer() + "\",\"aud\":\"" + AUDIENCE + "\",\"exp\":" + (now + 600) + "}");
            Cli.Result r = Cli.run("verify", "--issuer", issuer.issuer(), "--audience", AUDIENCE, token);
            assertEquals(1, r.exit(), r.all());
            assertEquals("refused: TYPE_MISMATCH\n  typ 'dpop+jwt' is not JWT; configure --type to accept another token"
                    + " type\n", r.err());
            assertNoBuilderMethod(r);
        }
    }

    @Test
    void aRefusedJwksUriNamesTheFlag() {
        for (String command : new String[] {"verify", "jwks"}) {
            Cli.Result r = command.equals("verify")
                    ? Cli.run("verify", "--issuer", "https://issuer.example/", "--ignore-audience",
                            "--jwks-uri", "http://keys.example/jwks", "a.b.c")
                    : Cli.run("jwks", "--jwks-uri", "http://keys.example/jwks");
            assertEquals(2, r.exit(), r.all());
            assertEquals("sigil " + command + ": --jwks-uri: 'http://keys.example/jwks' must use https (plain http is"
                    + " allowed for loopback hosts only)\nrun 'sigil " + command + " --help' for usage\n", r.err());
            assertNoBuilderMethod(r);
        }
    }

    @Test
    void entraIdsMultiTenantEndpointIsAUsageErrorThatSaysToGiveOneTenantsIssuer() {
        for (String command : new String[] {"verify", "jwks"}) {
            String endpoint = "https://login.microsoftonline.com/common/v2.0";
            Cli.Result r = command.equals("verify") ? Cli.run("verify", "--issuer", endpoint, "--ignore-audience", "a.b.c")
                    : Cli.run("jwks", "--issuer", endpoint);
            assertEquals(2, r.exit(), r.all());
            assertEquals("sigil " + command + ": issuer '" + endpoint + "' is Entra ID's multi-tenant 'common' endpoint: its"
                    + " discovery document names the template issuer 'https://login.microsoftonline.com/{tenantid}/v2.0',"
                    + " and each token names its own tenant's issuer; an application gives that template to a multi-issuer"
                    + " verifier; here, give --issuer your tenant's own issuer,"
                    + " 'https://login.microsoftonline.com/<tenant id>/v2.0'\nrun 'sigil " + command + " --help' for usage\n",
                    r.err());
            assertNoBuilderMethod(r);
        }
    }

    @Test
    void blankFlagValuesAreUsageErrorsNamingTheFlag() {
        String[][] cases = {
            {"verify", "--issuer", " ", "--ignore-audience", "a.b.c"},
            {"verify", "--issuer", "https://issuer.example/", "--audience", "", "a.b.c"},
            {"verify", "--issuer", "https://issuer.example/", "--ignore-audience", "--type", " ", "a.b.c"},
            {"jwks", "--issuer", " "},
        };
        String[] flags = {"--issuer", "--audience", "--type", "--issuer"};
        for (int i = 0; i < cases.length; i++) {
            Cli.Result r = Cli.run(cases[i]);
            assertEquals(2, r.exit(), r.all());
            assertEquals("sigil " + cases[i][0] + ": " + flags[i] + " must not be blank\nrun 'sigil " + cases[i][0]
                    + " --help' for usage\n", r.err());
        }
    }
}
