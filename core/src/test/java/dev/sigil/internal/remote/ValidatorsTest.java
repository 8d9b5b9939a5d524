package dev.sigil.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which validators are echoed in conditional requests: visible ASCII only, as the rule says. */
class ValidatorsTest {

    @Test
    void anEtagOfVisibleAsciiIsEchoedAsReceived() {
        assertEquals("\"v1\"", HttpCaching.echoableEtag("\"v1\""));
        assertEquals("W/\"33a64df551425fcc55e4d42a148795d9f25f89d4\"",
                HttpCaching.echoableEtag("W/\"33a64df551425fcc55e4d42a148795d9f25f89d4\""));
        assertEquals("!~", HttpCaching.echoableEtag("!~"));
    }

    @Test
    void anEtagWithObsTextControlsSpacesOrNothingIsDropped() {
        assertNull(HttpCaching.echoableEtag("\"v1-\u00e9\""));
        assertNull(HttpCaching.echoableEtag("\"\u0080\u00ff\""));
        assertNull(HttpCaching.echoableEtag("\"\ufffd\""));
        assertNull(HttpCaching.echoableEtag("\"v 1\""));
        assertNull(HttpCaching.echoableEtag("\"v1\"\r\nX-Injected: yes"));
        assertNull(HttpCaching.echoableEtag("\"v1\t\""));
        assertNull(HttpCaching.echoableEtag("\"\u007f\""));
        assertNull(HttpCaching.echoableEtag(""));
        assertNull(HttpCaching.echoableEtag(null));
    }

    @Test
    void anEtagLongerThanTheBoundIsDropped() {
        String longest = "\"" + "a".repeat(HttpCaching.MAX_VALIDATOR_CHARS - 2) + "\"";
        assertEquals(longest, HttpCaching.echoableEtag(longest));
        assertNull(HttpCaching.echoableEtag(longest + "a"));
    }

    @Test
    void aLastModifiedDateWithItsSingleSpacesIsEchoed() {
        assertEquals("Wed, 21 Oct 2015 07:28:00 GMT", HttpCaching.echoableLastModified("Wed, 21 Oct 2015 07:28:00 GMT"));
    }

    @Test
    void aLastModifiedWithObsTextTabsOrStraySpacesIsDropped() {
        assertNull(HttpCaching.echoableLastModified("Wed, 21 Oct 2015 07:28:00 GMT\u00a0"));
        assertNull(HttpCaching.echoableLastModified("Wed,\t21 Oct 2015 07:28:00 GMT"));
        assertNull(HttpCaching.echoableLastModified(" Wed, 21 Oct 2015 07:28:00 GMT"));
        assertNull(HttpCaching.echoableLastModified("Wed, 21 Oct 2015 07:28:00 GMT "));
        assertNull(HttpCaching.echoableLastModified("Wed,  21 Oct 2015 07:28:00 GMT"));
        assertNull(HttpCaching.echoableLastModified(" "));
        assertNull(HttpCaching.echoableLastModified(null));
    }
}
