package dev.sigil.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TagValuesTest {

    private static String status(int code) {
        return TagValues.STATUSES[TagValues.status(code)];
    }

    @Test
    void statusesFoldIntoAFixedSet() {
        assertEquals("none", status(0));
        assertEquals("200", status(200));
        assertEquals("304", status(304));
        assertEquals("404", status(404));
        assertEquals("429", status(429));
        assertEquals("503", status(503));
        assertEquals("2xx", status(204));
        assertEquals("3xx", status(302));
        assertEquals("4xx", status(418));
        assertEquals("5xx", status(599));
        assertEquals("1xx", status(101));
        assertEquals("other", status(600));
        assertEquals("other", status(-1));
        assertEquals("other", status(99));
    }
}
