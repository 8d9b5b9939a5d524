/**
 * A small application that uses Sigil the way a modular application would: it requires core only,
 * and the crypto backend, HTTP transport and JSON codec arrive through {@code uses}/{@code provides}.
 */
module dev.sigil.smoke {
    requires dev.sigil.core;
    // A loopback issuer to fetch keys from, so that the HTTP transport is exercised too.
    requires jdk.httpserver;
}
