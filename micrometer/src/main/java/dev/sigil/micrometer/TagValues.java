package dev.sigil.micrometer;

import dev.sigil.spi.JwsAlgorithm;

/**
 * The fixed sets that tag values come from, so that no series is named by a token: results,
 * reasons ({@code Reason} constant names), algorithms (JOSE names of the {@link JwsAlgorithm}
 * constants), fetch outcomes and HTTP statuses folded into a few values.
 */
final class TagValues {

    static final String VERIFIED = "verified";
    static final String REFUSED = "refused";
    /** The {@code reason} of a verified token: the tag must exist on every series of the meter. */
    static final String NO_REASON = "none";
    /** The {@code alg} of a token refused before its algorithm was known, or whose alg is not one Sigil knows. */
    static final String UNKNOWN_ALGORITHM = "unknown";

    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    static final String PERFORMED = "performed";
    static final String SUPPRESSED = "suppressed";

    /**
     * Every {@code status} tag value: {@code none} when no answer came, the statuses an operator acts
     * on by name, the other statuses by class, and {@code other} for what is not an HTTP status.
     */
    static final String[] STATUSES = {"none", "200", "304", "401", "403", "404", "429", "500", "502", "503", "504",
        "1xx", "2xx", "3xx", "4xx", "5xx", "other"};

    private static final int NONE = 0;
    // Where 1xx starts in STATUSES; 5xx is four further on.
    private static final int FIRST_CLASS = 11;
    private static final int OTHER = 16;

    private TagValues() {
    }

    /** The {@code alg} tag value. */
    static String algorithm(JwsAlgorithm alg) {
        return alg == null ? UNKNOWN_ALGORITHM : alg.joseName();
    }

    /** The index in {@link #STATUSES} of {@code status}, an HTTP status or 0. */
    static int status(int status) {
        switch (status) {
            case 0: return NONE;
            case 200: return 1;
            case 304: return 2;
            case 401: return 3;
            case 403: return 4;
            case 404: return 5;
            case 429: return 6;
            case 500: return 7;
            case 502: return 8;
            case 503: return 9;
            case 504: return 10;
            default:
                return status >= 100 && status <= 599 ? FIRST_CLASS + status / 100 - 1 : OTHER;
        }
    }
}
