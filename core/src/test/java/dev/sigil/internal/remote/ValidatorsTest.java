package dev.sigil.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which validators are echoed in conditional requests: visible ASCII only, as the rule says. */
class ValidatorsTest {

    @Test
    void anEtagOfVisibleAsciiIsEchoedAsReceived() {
        assertEquals("\"v1\"", JwksFetcher.echoableEtag("\"v1\""));
        assertEquals("W/\"33a64df551425fcc55e4d42a148795d9f25f89d4\"",
                JwksFetcher.echoableEtag("W/\"33a64df551425fcc55e4d42a148795d9f25f89d4\""));
        assertEquals("!~", JwksFetcher.echoableEtag("!~"));
    }

    @Test
    void anEtagWithObsTextControlsSpacesOrNothingIsDropped() {
        assertNull(JwksFetcher.echoableEtag("\"v1-\u00e9\""));
        assertNull(JwksFetcher.echoableEtag("\"\u0080\u00ff\""));
        assertNull(JwksFetcher.echoableEtag("\"\ufffd\""));
        assertNull(JwksFetcher.echoableEtag("\"v 1\""));
        assertNull(JwksFetcher.echoableEtag("\"v1\"\r\nX-Injected: yes"));
        assertNull(JwksFetcher.echoableEtag("\"v1\t\""));
        assertNull(JwksFetcher.echoableEtag("\"\u007f\""));
        assertNull(JwksFetcher.echoableEtag(""));
        assertNull(JwksFetcher.echoableEtag(null));
    }

    @Test
    void anEtagLongerThanTheBoundIsDropped() {
        String longest = "\"" + "a".repeat(JwksFetcher.MAX_VALIDATOR_CHARS - 2) + "\"";
        assertEquals(longest, JwksFetcher.echoableEtag(longest));
        assertNull(JwksFetcher.echoableEtag(longest + "a"));
    }

    @Test
    void aLastModifiedDateWithItsSingleSpacesIsEchoed() {
        assertEquals("Wed, 21 Oct 2015 07:28:00 GMT", JwksFetcher.echoableLastModified("Wed, 21 Oct 2015 07:28:00 GMT"));
    }

    @Test
    void aLastModifiedWithObsTextTabsOrStraySpacesIsDropped() {
        assertNull(JwksFetcher.echoableLastModified("Wed, 21 Oct 2015 07:28:00 GMT\u00a0"));
        assertNull(JwksFetcher.echoableLastModified("Wed,\t21 Oct 2015 07:28:00 GMT"));
        assertNull(JwksFetcher.echoableLastModified(" Wed, 21 Oct 2015 07:28:00 GMT"));
        assertNull(JwksFetcher.echoableLastModified("Wed, 21 Oct 2015 07:28:00 GMT "));
        assertNull(JwksFetcher.echoableLastModified("Wed,  21 Oct 2015 07:28:00 GMT"));
        assertNull(JwksFetcher.echoableLastModified(" "));
        assertNull(JwksFetcher.echoableLastModified(null));
    }
}
