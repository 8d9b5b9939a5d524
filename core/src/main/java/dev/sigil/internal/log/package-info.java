/**
 * The library's {@link java.lang.System.Logger}s, each made when it first logs.
 *
 * <p>Depends on {@code java.base} alone. Internal and unexported: not API, and may change in any release.
 */
package dev.sigil.internal.log;
