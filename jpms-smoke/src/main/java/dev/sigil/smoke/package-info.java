/**
 * A small application over Sigil, which this module's test runs in child JVMs on the module path and
 * on the class path: proof that core's {@code module-info} exports what an application needs and
 * that the backend, transport and codec are found through {@code uses}/{@code provides} and the
 * services files. May depend on core's exported packages and the JDK ({@code java.security} to mint
 * its token, {@code jdk.httpserver} for its loopback issuer), nothing else. Not published.
 */
package dev.sigil.smoke;
