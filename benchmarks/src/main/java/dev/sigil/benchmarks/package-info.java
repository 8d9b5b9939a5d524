/**
 * JMH benchmarks of Sigil's cached-key verification path (issue 6): {@link dev.sigil.benchmarks.SigilVerify}
 * per crypto backend and JSON codec, the crypto floors it cannot beat ({@link dev.sigil.benchmarks.Floor}),
 * the peer libraries configured to make the same checks, two threads on one shared verifier, and the
 * cold start from {@code build()} to the first verified token. May depend on anything a fair
 * comparison needs (JMH, every Sigil module, the peer libraries, the JCA); nothing may depend on it.
 * Not published; see {@code benchmarks/README.md} for the command and the results.
 */
package dev.sigil.benchmarks;
