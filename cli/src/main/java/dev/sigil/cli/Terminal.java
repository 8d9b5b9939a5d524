package dev.sigil.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;

/**
 * Everything a command touches outside itself, so that tests run every command in-process.
 *
 * @param in standard input, for a token given as {@code -}
 * @param out results
 * @param err status, warnings and errors
 * @param style colour or not
 * @param clock "now", for relative times and the demo's tokens
 * @param interactiveInput whether {@code in} is a terminal, where waiting for a piped token would hang
 */
record Terminal(InputStream in, PrintStream out, PrintStream err, Style style, Clock clock, boolean interactiveInput) {
}
