package dev.sigil.jwt;

import dev.sigil.internal.codec.Base64Url;
import dev.sigil.internal.keys.AbandonableWork;
import dev.sigil.internal.keys.ImportedKey;
import dev.sigil.internal.keys.KeyIndex;
import dev.sigil.internal.keys.KeyLimits;
import dev.sigil.internal.keys.SigningKeyFilter;
import dev.sigil.internal.select.Providers;
import dev.sigil.jwk.DroppedKey;
import dev.sigil.jwk.JwkSet;
import dev.sigil.jwk.JwksCache;
import dev.sigil.jwk.JwksCachePolicy;
import dev.sigil.jwk.JwksStats;
import dev.sigil.jwk.JwksListener;
import dev.sigil.jwk.KeySource;
import dev.sigil.jwt.JwtVerificationException.Reason;
import dev.sigil.spi.CryptoBackend;
import dev.sigil.spi.HttpTransport;
import dev.sigil.spi.JsonCodec;
import dev.sigil.spi.JsonLimits;
import dev.sigil.spi.JsonParseException;
import dev.sigil.spi.UntrustedText;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Verifies JSON Web Tokens (JWS compact serialization, RFC 7515 and RFC 7519) against the keys of
 * one issuer.
 *
 * <pre>{@code
 * JwtVerifier verifier = JwtVerifier.builder()
 *     .issuer("https://example.eu.auth0.com/")
 *     .audience("https://api.example.com")
 *     .keys(JwkSet.parse(jwksJson))
 *     .build();
 * VerifiedJwt jwt = verifier.verify(token);   // throws JwtVerificationException
 * }</pre>
 *
 * <h2>Verifiers should be shared</h2>
 * A verifier is immutable and thread-safe: build one per issuer at start-up and share it. Building
 * one resolves the crypto backend and JSON codec and imports static keys, so it is far more costly
 * than verifying a token.
 *
 * <h2>What is checked</h2>
 * In order, stopping at the first failure: the token's length; its shape (three base64url parts);
 * the header ({@code alg} known, allowed and never {@code none}; no {@code crit} parameter, since
 * Sigil understands no extension; no {@code b64: false}; {@code typ} as configured); the key, found
 * by {@code kid} among the configured keys only (header {@code jwk}, {@code jku}, {@code x5u} and
 * {@code x5c} are never used); the signature over the token's own bytes; then the claims
 * ({@code exp}, {@code nbf}, {@code iat} with the clock skew, {@code iss}, {@code aud}, required
 * claims, custom validators). Each failure is a {@link JwtVerificationException} with its
 * {@link Reason}.
 *
 * <h2>Key rotation</h2>
 * When a token names a key the current set lacks, or its signature fails with every candidate key,
 * the verifier asks its {@link KeySource} once for a newer set and, if it gets one, tries exactly
 * once more. A remote {@link JwksCache} answers at most once per cooldown, so forged tokens cannot
 * make it hammer the issuer. Static keys ({@link Builder#keys(JwkSet)}) never change.
 *
 * <h2>Why this file is long</h2>
 * It holds the whole verify path (split, header rules, key lookup, signature, claim rules), the
 * key-index replacement and the {@code verifyAsync} hand-off, and the public nested {@link Builder},
 * which cannot move without changing the API. The split into pipeline parts, each tested alone, is
 * issue 14's first item; it waits for a decision on core's jar budget, which it nearly fills (every
 * new class costs about a kilobyte of class-file overhead).
 *
 * <h2>Threads</h2>
 * {@link #verify(String)} takes no lock and does no I/O while the keys are fresh; it runs on the
 * caller's thread, which waits (at most the request timeout) only when there is no usable key set
 * yet or a new {@code kid} calls for a refresh. {@link #verifyAsync(String)} never waits on the
 * caller's thread, and at most {@link Builder#maxPendingAsync(int)} of its verifications wait for
 * keys at once; past that it refuses at once as {@link Reason#OVERLOADED}. A new key set is
 * imported once, by the first thread that meets it. {@code build()} starts no thread; a verifier
 * with remote keys starts a daemon refresher on first need (unless given an executor), stopped by
 * {@link #close()}.
 */
public final class JwtVerifier implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.sigil.jwt");
    // The most members of a crit list that a message shows.
    private static final int MAX_LISTED = 8;

    private final String issuer;
    private final Set<String> audiences;
    private final Set<JwsAlgorithm> algorithms;
    private final String type;
    private final Duration clockSkew;
    private final Clock clock;
    private final List<String> requiredClaims;
    private final boolean requireExpiration;
    private final List<ClaimsValidator> validators;
    private final int maxTokenLength;
    private final int maxCandidateKeys;
    private final CryptoBackend backend;
    private final JsonCodec json;
    private final JsonLimits headerLimits;
    private final JsonLimits claimsLimits;
    private final KeySource keySource;
    private final SigningKeyFilter filter;
    private final JwksListener listener;
    private final JwksCache ownedCache;
    private final int maxPendingAsync;
    // verifyAsync's verifications handed to an executor and not yet ended; never above maxPendingAsync.
    private final AtomicInteger pendingAsync = new AtomicInteger();
    // The index of the last set the key source returned; replaced (never mutated) when it changes.
    private volatile KeyIndex index;
    // The import of the last new set met, so that threads racing on one set share one import (see
    // replaceIndex); never touched while the key source keeps returning the indexed set.
    private final AtomicReference<SetImport> lastImport = new AtomicReference<>();
    // The last header that passed checkHeader. Deliberately neither volatile nor locked: the entry's
    // fields are final, so any thread that sees it sees it whole (JLS 17.5), and a thread that misses
    // a newer entry only parses once more. Threads only read it while the issuer's header is stable.
    private AcceptedHeader lastHeader;

    private JwtVerifier(Builder b, CryptoBackend backend, JsonCodec json, Set<JwsAlgorithm> algorithms,
            KeySource keySource, JwksCache ownedCache, SigningKeyFilter filter, KeyIndex initialIndex) {
        this.issuer = b.issuer;
        this.audiences = b.audiences == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(b.audiences));
        this.algorithms = algorithms;
        this.type = b.type == null ? null : normalizeType(b.type);
        this.clockSkew = b.clockSkew;
        this.clock = b.clock;
        this.requiredClaims = List.copyOf(b.requiredClaims);
        this.requireExpiration = !b.allowMissingExpiration;
        this.validators = List.copyOf(b.validators);
        this.maxTokenLength = b.maxTokenLength;
        this.maxCandidateKeys = b.maxCandidateKeys;
        this.backend = backend;
        this.json = json;
        this.headerLimits = new JsonLimits(maxTokenLength, b.maxHeaderDepth, maxTokenLength);
        this.claimsLimits = new JsonLimits(maxTokenLength, b.maxClaimsDepth, maxTokenLength);
        this.keySource = keySource;
        this.filter = filter;
        this.listener = b.listener;
        this.ownedCache = ownedCache;
        this.maxPendingAsync = b.maxPendingAsync;
        this.index = initialIndex;
    }

    /** A builder; see {@link Builder} for every option and its default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a token and returns its header and claims.
     *
     * @param token a JWS in compact serialization, without a {@code Bearer } prefix
     * @throws JwtVerificationException if the token is refused, with the reason
     */
    public VerifiedJwt verify(String token) throws JwtVerificationException {
        return verify(token, true);
    }

    /**
     * Verifies a token without ever blocking the caller's thread on a key fetch, for reactive
     * servers. When the keys are at hand (the usual case) the token is verified on the caller's
     * thread and the stage is already complete; when a fetch must be waited for (the first token, an
     * expired set, a new {@code kid}), verification continues on the executor: the one given to
     * {@link Builder#executor(Executor)}, else the key cache's own, else (for a custom
     * {@link KeySource}) the common {@link ForkJoinPool}.
     *
     * <p>What waits is bounded, per verifier and whatever the executor: at most
     * {@link Builder#maxPendingAsync(int)} verifications (default
     * {@value Builder#DEFAULT_MAX_PENDING_ASYNC}) may wait for keys at once. Past that, or when the
     * executor refuses the work, the stage is already failed with {@link Reason#OVERLOADED}: the
     * token was not judged, and the caller should answer "retry later". A closed verifier, or an
     * executor that is shut down, fails it with {@link Reason#KEYS_UNAVAILABLE}. This method never
     * blocks and never queues without bound (unless the executor itself runs work on the calling
     * thread).
     *
     * @return a stage completed with the verified token, or exceptionally with the
     *     {@link JwtVerificationException} that {@link #verify(String)} would throw
     */
    public CompletionStage<VerifiedJwt> verifyAsync(String token) {
        try {
            return CompletableFuture.completedFuture(verify(token, false));
        } catch (WouldWait e) {
            return verifyOffThread(token);
        } catch (JwtVerificationException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The slow half of {@link #verifyAsync}: counted against the limit, handed to the executor. */
    private CompletableFuture<VerifiedJwt> verifyOffThread(String token) {
        Executor executor;
        try {
            executor = asyncExecutor();
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.failedFuture(new JwtVerificationException(Reason.KEYS_UNAVAILABLE,
                    "the key cache is closed: no key set can be waited for", closed));
        }
        // Counted before the hand-off, so that no executor, however its queue is built, can hold
        // more than the limit for this verifier; given back when the verification ends.
        if (pendingAsync.incrementAndGet() > maxPendingAsync) {
            pendingAsync.decrementAndGet();
            return CompletableFuture.failedFuture(new JwtVerificationException(Reason.OVERLOADED, maxPendingAsync
                    + " verifications are already waiting for keys on this verifier, its limit (maxPendingAsync);"
                    + " retry later"));
        }
        CompletableFuture<VerifiedJwt> result = new CompletableFuture<>();
        try {
            executor.execute(new AsyncVerification(token, result));
            return result;
        } catch (RejectedExecutionException rejected) {
            pendingAsync.decrementAndGet();
            // A running executor refuses work only when it is full, which passes: OVERLOADED, so the
            // caller retries. One that is shut down never takes work again: the keys are out of reach.
            if (executor instanceof ExecutorService && ((ExecutorService) executor).isShutdown()) {
                return CompletableFuture.failedFuture(new JwtVerificationException(Reason.KEYS_UNAVAILABLE,
                        "the executor is shut down: no key set can be waited for", rejected));
            }
            return CompletableFuture.failedFuture(new JwtVerificationException(Reason.OVERLOADED,
                    "the executor refused the verification; retry later: " + rejected.getMessage(), rejected));
        }
    }

    /**
     * One {@link #verifyAsync} verification on an executor. It gives its place in
     * {@code pendingAsync} back when it ends, and, dropped by a closing key cache before it ran,
     * completes its stage with {@code KEYS_UNAVAILABLE} rather than leave the caller waiting forever.
     */
    private final class AsyncVerification implements AbandonableWork {
        private final String token;
        private final CompletableFuture<VerifiedJwt> result;

        AsyncVerification(String token, CompletableFuture<VerifiedJwt> result) {
            this.token = token;
            this.result = result;
        }

        @Override
        public void run() {
            try {
                result.complete(verify(token, true));
            } catch (JwtVerificationException | RuntimeException | Error failure) {
                result.completeExceptionally(failure);
            } finally {
                pendingAsync.decrementAndGet();
            }
        }

        @Override
        public void abandon() {
            pendingAsync.decrementAndGet();
            result.completeExceptionally(new JwtVerificationException(Reason.KEYS_UNAVAILABLE,
                    "the key cache was closed before this verification could wait for keys"));
        }
    }

    /**
     * Thrown inside {@link #verify(String, boolean)} when it would have to wait for a fetch; never
     * escapes this class. One immutable instance: it carries nothing and no stack trace.
     */
    private static final class WouldWait extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final WouldWait INSTANCE = new WouldWait();

        private WouldWait() {
            super("would wait for keys", null, false, false);
        }
    }

    private VerifiedJwt verify(String token, boolean mayWait) throws JwtVerificationException {
        if (token == null) {
            throw new JwtVerificationException(Reason.MALFORMED, "token is null");
        }
        int length = token.length();
        if (length > maxTokenLength) {
            throw new JwtVerificationException(Reason.TOKEN_TOO_LARGE,
                    "token is " + length + " chars, more than the limit of " + maxTokenLength);
        }
        // The alphabet is not checked here: every part is checked where it is read (the header by
        // its decoder or by matching an accepted header's text, the signature and the payload by
        // their decoders, all on the token's chars), and nothing is accepted before all three have been.
        int dot1 = token.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
        if (dot2 < 0) {
            throw new JwtVerificationException(Reason.MALFORMED, "token does not have three dot-separated parts");
        }
        if (token.indexOf('.', dot2 + 1) >= 0) {
            throw new JwtVerificationException(Reason.MALFORMED,
                    "token has more than three parts (JWE and JSON serializations are not supported)");
        }
        if (dot1 == 0) {
            throw new JwtVerificationException(Reason.MALFORMED, "token header is empty");
        }

        JoseHeader header = cachedHeader(token, dot1);
        if (header == null) {
            byte[] decodedHeader = decode(token, 0, dot1, "header");
            Map<String, Object> headerMembers = parseObject(decodedHeader, 0, decodedHeader.length, "header", headerLimits);
            header = checkHeader(headerMembers);
            lastHeader = new AcceptedHeader(token.substring(0, dot1), header);
        }
        byte[] signature = decode(token, dot2 + 1, length, "signature");
        byte[] signed = signingInput(token, dot2);

        KeyIndex keys = currentIndex(mayWait);
        JwtVerificationException failure = verifySignature(keys, header, signed, dot2, signature);
        if (failure != null && (failure.reason() == Reason.KEY_NOT_FOUND || failure.reason() == Reason.INVALID_SIGNATURE)) {
            if (!mayWait && keySource.refreshWouldWait(keys.source())) {
                throw WouldWait.INSTANCE;
            }
            KeyIndex refreshed = refreshedIndex(keys);
            if (refreshed == keys) {
                throw failure;
            }
            failure = verifySignature(refreshed, header, signed, dot2, signature);
        }
        if (failure != null) {
            throw failure;
        }

        // The signing input is no longer needed: the payload is decoded over it, saving a copy.
        // Only now, so an unsigned payload is never decoded, let alone parsed. Decoded from the
        // token's chars, not from the copy's bytes, which signingInput() does not check.
        int payloadLength;
        try {
            payloadLength = Base64Url.decodeInto(token, dot1 + 1, dot2, signed, 0);
        } catch (IllegalArgumentException e) {
            throw new JwtVerificationException(Reason.MALFORMED, "token payload is not valid base64url: " + e.getMessage());
        }
        Map<String, Object> claimMembers = parseObject(signed, 0, payloadLength, "payload", claimsLimits);
        JwtClaims claims = JwtClaims.of(claimMembers);
        checkClaims(header, claims);
        return new VerifiedJwt(header, claims);
    }

    /**
     * The signing input, {@code token[0, dot2)}, as the bytes the signature covers. Each char is
     * narrowed to its low byte: a copy of just this range without a second one, unlike
     * {@code substring(..).getBytes(..)}. Narrowing would let U+0141 pass for 'A', so these bytes
     * prove nothing about the text; the text is checked where it is read, the header by matching
     * an accepted header or by decoding it, the payload by decoding it from the token's chars, and
     * no token is accepted before both have been.
     */
    @SuppressWarnings("deprecation")
    private static byte[] signingInput(String token, int dot2) {
        byte[] signed = new byte[dot2];
        token.getBytes(0, dot2, signed, 0);
        return signed;
    }

    /**
     * The header already parsed and accepted for a token whose first part is exactly this text, or
     * {@code null}. An issuer signs every token with the same few headers, and whether a header
     * passes {@link #checkHeader} depends on nothing but its text and this verifier's final
     * configuration, so the result of the last one can be reused as it is: same checks, same order,
     * none of the decoding and parsing.
     */
    private JoseHeader cachedHeader(String token, int headerLength) {
        AcceptedHeader last = lastHeader;
        if (last != null && last.encoded.length() == headerLength
                && token.regionMatches(0, last.encoded, 0, headerLength)) {
            return last.header;
        }
        return null;
    }

    /** An encoded header and the immutable {@link JoseHeader} it passed {@link #checkHeader} as. */
    private static final class AcceptedHeader {
        final String encoded;
        final JoseHeader header;

        AcceptedHeader(String encoded, JoseHeader header) {
            this.encoded = encoded;
            this.header = header;
        }
    }

    private Map<String, Object> parseObject(byte[] decoded, int off, int len, String part, JsonLimits limits)
            throws JwtVerificationException {
        Object value;
        try {
            value = json.parse(decoded, off, len, limits);
        } catch (JsonParseException e) {
            throw new JwtVerificationException(Reason.MALFORMED, "token " + part + " is not valid json: "
                    + UntrustedText.printable(e.getMessage()));
        } catch (RuntimeException e) {
            // A third-party codec must not turn bad input into a crash.
            throw new JwtVerificationException(Reason.MALFORMED, "json codec '" + json.name() + "' failed on the token "
                    + part + ": " + e.getClass().getSimpleName());
        }
        if (!(value instanceof Map)) {
            throw new JwtVerificationException(Reason.MALFORMED, "token " + part + " is not a json object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) value;
        return members;
    }

    private static byte[] decode(String token, int from, int to, String part) throws JwtVerificationException {
        try {
            return Base64Url.decode(token, from, to);
        } catch (IllegalArgumentException e) {
            throw new JwtVerificationException(Reason.MALFORMED, "token " + part + " is not valid base64url: " + e.getMessage());
        }
    }

    private JoseHeader checkHeader(Map<String, Object> members) throws JwtVerificationException {
        Object algValue = members.get("alg");
        if (!(algValue instanceof String)) {
            throw new JwtVerificationException(Reason.MALFORMED,
                    algValue == null ? "token header has no 'alg'" : "token header 'alg' must be a string");
        }
        String algName = (String) algValue;
        if ("none".equalsIgnoreCase(algName)) {
            throw new JwtVerificationException(Reason.ALGORITHM_NOT_ALLOWED, "alg 'none' (an unsecured JWS) is never accepted");
        }
        JwsAlgorithm alg = JwsAlgorithm.lookup(algName);
        if (alg == null || !backend.algorithms().contains(alg)) {
            throw new JwtVerificationException(Reason.UNSUPPORTED_ALGORITHM, "alg " + UntrustedText.quoted(algName)
                    + " is not supported" + (alg == null ? "" : " by crypto backend '" + backend.name() + "'"));
        }
        if (!algorithms.contains(alg)) {
            throw new JwtVerificationException(Reason.ALGORITHM_NOT_ALLOWED, "alg " + alg + " is not allowed; allowed: " + algorithms);
        }
        if (members.containsKey("crit")) {
            Object crit = members.get("crit");
            if (!(crit instanceof List) || ((List<?>) crit).isEmpty()) {
                throw new JwtVerificationException(Reason.MALFORMED, "token header 'crit' must be a non-empty array");
            }
            throw new JwtVerificationException(Reason.UNSUPPORTED_CRITICAL_HEADER,
                    "token header lists critical parameters that are not supported: " + printableList((List<?>) crit));
        }
        Object b64 = members.get("b64");
        if (b64 != null && !Boolean.TRUE.equals(b64)) {
            throw new JwtVerificationException(Reason.UNSUPPORTED_CRITICAL_HEADER,
                    "token header 'b64' other than true (RFC 7797 unencoded payload) is not supported");
        }
        String kid = optionalString(members, "kid");
        String typ = optionalString(members, "typ");
        checkType(typ);
        return new JoseHeader(members, alg, kid, typ);
    }

    /**
     * A header member that, when present, must be a string. JSON {@code null} is not absence: a
     * {@code "kid": null} read as "no kid" would turn a lookup by kid into a search of every key
     * that fits, so it is as malformed as any other non-string.
     */
    private static String optionalString(Map<String, Object> members, String name) throws JwtVerificationException {
        Object value = members.get(name);
        if (value instanceof String) {
            return (String) value;
        }
        if (value == null && !members.containsKey(name)) {
            return null;
        }
        throw new JwtVerificationException(Reason.MALFORMED, "token header '" + name + "' must be a string"
                + (value == null ? ", not null" : ""));
    }

    private void checkType(String typ) throws JwtVerificationException {
        if (type == null) {
            if (typ != null && !"jwt".equals(normalizeType(typ))) {
                throw new JwtVerificationException(Reason.TYPE_MISMATCH, "typ " + UntrustedText.quoted(typ)
                        + " is not JWT; configure type(..) to accept another token type");
            }
        } else if (typ == null) {
            throw new JwtVerificationException(Reason.TYPE_MISMATCH, "token has no typ, expected '" + type + "'");
        } else if (!type.equals(normalizeType(typ))) {
            throw new JwtVerificationException(Reason.TYPE_MISMATCH,
                    "typ " + UntrustedText.quoted(typ) + " is not the expected '" + type + "'");
        }
    }

    /** RFC 7515 section 4.1.9: media types compare case-insensitively, "application/" may be left out. */
    static String normalizeType(String typ) {
        String lower = typ.toLowerCase(Locale.ROOT);
        if (lower.startsWith("application/") && lower.indexOf('/', "application/".length()) < 0) {
            return lower.substring("application/".length());
        }
        return lower;
    }

    private KeyIndex currentIndex(boolean mayWait) throws JwtVerificationException {
        KeyIndex current = index;
        JwkSet set;
        if (mayWait) {
            set = sourceKeys(false, current);
        } else {
            try {
                set = keySource.keysWithoutWaiting();
            } catch (JwtVerificationException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new JwtVerificationException(Reason.KEYS_UNAVAILABLE,
                        "key source failed: " + UntrustedText.printable(e.toString()), e);
            }
            if (set == null) {
                throw WouldWait.INSTANCE;
            }
        }
        if (set == current.source()) {
            return current;
        }
        return replaceIndex(set);
    }

    /**
     * Where {@link #verifyAsync} continues when it must wait.
     *
     * @throws RejectedExecutionException if the key cache is closed
     */
    private Executor asyncExecutor() {
        JwksCache cache = cache();
        if (cache != null) {
            return cache.executor();
        }
        // A custom source that may wait but offers no executor: the common pool, as CompletableFuture would.
        return ForkJoinPool.commonPool();
    }

    private KeyIndex refreshedIndex(KeyIndex current) throws JwtVerificationException {
        JwkSet set = sourceKeys(true, current);
        if (set == current.source()) {
            return current;
        }
        return replaceIndex(set);
    }

    private JwkSet sourceKeys(boolean refresh, KeyIndex current) throws JwtVerificationException {
        JwkSet set;
        try {
            set = refresh ? keySource.refresh(current.source()) : keySource.keys();
        } catch (JwtVerificationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JwtVerificationException(Reason.KEYS_UNAVAILABLE,
                    "key source failed: " + UntrustedText.printable(e.toString()), e);
        }
        if (set == null) {
            throw new JwtVerificationException(Reason.KEYS_UNAVAILABLE, "key source returned no key set");
        }
        return set;
    }

    /**
     * The index of {@code set}, imported once however many threads meet the set at the same time:
     * an import can cost real CPU (a backend's checks of an RSA modulus), and a new set is met by
     * every thread that was waiting for it. The first thread to claim the set imports it; the others
     * wait for that import instead of repeating it. The claim is a compare-and-set, not a lock, so
     * nothing here can stay blocked for longer than that one import takes, a thread waiting here
     * waits no longer than importing would have taken it, and the hot path (cached keys) never
     * comes here.
     */
    private KeyIndex replaceIndex(JwkSet set) {
        SetImport mine = null;
        while (true) {
            KeyIndex latest = index;
            if (latest.source() == set) {
                // Another thread indexed this set while we fetched or waited.
                return latest;
            }
            SetImport running = lastImport.get();
            if (running != null && running.set == set) {
                KeyIndex imported = running.await();
                if (index.source() != set) {
                    // A stale set's import finished later and published over this one; the source
                    // has just named this set, so it is the one to keep, without importing it again.
                    index = imported;
                }
                return imported;
            }
            if (mine == null) {
                mine = new SetImport(set);
            }
            if (lastImport.compareAndSet(running, mine)) {
                break;
            }
        }
        KeyIndex fresh;
        try {
            fresh = filter.index(set);
            report(fresh);
        } catch (RuntimeException | Error e) {
            // Unclaimed again, so that a later caller retries rather than inherit this failure.
            lastImport.compareAndSet(mine, null);
            mine.index.completeExceptionally(e);
            throw e;
        }
        // Published before the waiters are woken, so that they and every later caller see it. Threads
        // holding different sets (one of them stale) may still publish in either order; the next
        // call that sees the source's newer set replaces it again.
        index = fresh;
        mine.index.complete(fresh);
        return fresh;
    }

    /** One key set's import, claimed by the thread that runs it, awaited by the threads that meet the same set. */
    private static final class SetImport {
        final JwkSet set;
        final CompletableFuture<KeyIndex> index = new CompletableFuture<>();

        SetImport(JwkSet set) {
            this.set = set;
        }

        KeyIndex await() {
            try {
                return index.join();
            } catch (CompletionException e) {
                // The importing thread's own failure, rethrown as it would have been had this thread imported.
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw e;
            }
        }
    }

    private JwtVerificationException verifySignature(KeyIndex keys, JoseHeader header, byte[] signed, int signedLength,
            byte[] signature) {
        JwsAlgorithm alg = header.algorithm();
        String kid = header.keyIdOrNull();
        ImportedKey[] candidates = kid == null ? keys.fitting(alg) : keys.withKeyId(kid);
        if (candidates.length == 0) {
            return new JwtVerificationException(Reason.KEY_NOT_FOUND, kid == null
                    ? "token has no kid and no key fits alg " + alg
                    : "no key with kid " + UntrustedText.quoted(kid));
        }
        boolean anyFits = false;
        int tried = 0;
        for (ImportedKey candidate : candidates) {
            if (!candidate.fits(alg)) {
                continue;
            }
            anyFits = true;
            if (tried == maxCandidateKeys) {
                // A token without a kid (or a set repeating one) must not buy unbounded signature work.
                return new JwtVerificationException(Reason.INVALID_SIGNATURE, "signature does not verify with the first "
                        + tried + " candidate keys, the limit per token" + (kid == null ? "; send a kid" : ""));
            }
            tried++;
            if (backend.verify(alg, candidate.key(), signed, 0, signedLength, signature)) {
                return null;
            }
        }
        if (!anyFits) {
            ImportedKey first = candidates[0];
            return new JwtVerificationException(Reason.ALGORITHM_NOT_ALLOWED, first.algorithm() != null
                    ? "expected alg " + first.algorithm() + " for key " + UntrustedText.quoted(kid) + ", got " + alg
                    : "alg " + alg + " does not fit key " + UntrustedText.quoted(kid) + " ("
                            + UntrustedText.printable(first.key().keyType()) + ")");
        }
        return new JwtVerificationException(Reason.INVALID_SIGNATURE, kid == null
                ? "signature does not verify with any key that fits alg " + alg
                : "signature does not verify with key " + UntrustedText.quoted(kid));
    }

    private void checkClaims(JoseHeader header, JwtClaims claims) throws JwtVerificationException {
        // Milliseconds are precision enough, and unlike clock.instant() they cost no object.
        long nowMillis = clock.millis();
        long nowSeconds = Math.floorDiv(nowMillis, 1000);
        int nowNanos = (int) Math.floorMod(nowMillis, 1000) * 1_000_000;
        long skew = clockSkew.getSeconds();
        Object exp = claims.expiresAtDate();
        if (exp == null) {
            if (requireExpiration) {
                throw new JwtVerificationException(Reason.MISSING_CLAIM, "token has no 'exp' claim");
            }
        } else if (!JwtClaims.isBefore(nowSeconds - skew, nowNanos, exp)) {
            // RFC 7519 section 4.1.4: the current time must be before exp.
            Instant expiry = JwtClaims.instant(exp);
            Instant now = Instant.ofEpochMilli(nowMillis);
            throw new JwtVerificationException(Reason.EXPIRED, "token expired " + secondsBetween(expiry, now)
                    + " s ago (exp " + expiry + ", skew " + skew + " s)");
        }
        Object nbf = claims.notBeforeDate();
        if (nbf != null && JwtClaims.isBefore(nowSeconds + skew, nowNanos, nbf)) {
            Instant notBefore = JwtClaims.instant(nbf);
            Instant now = Instant.ofEpochMilli(nowMillis);
            throw new JwtVerificationException(Reason.NOT_YET_VALID, "token is not valid for another "
                    + secondsBetween(now, notBefore) + " s (nbf " + notBefore + ", skew " + skew + " s)");
        }
        Object iat = claims.issuedAtDate();
        if (iat != null && JwtClaims.isBefore(nowSeconds + skew, nowNanos, iat)) {
            Instant issuedAt = JwtClaims.instant(iat);
            Instant now = Instant.ofEpochMilli(nowMillis);
            throw new JwtVerificationException(Reason.ISSUED_IN_FUTURE, "token was issued "
                    + secondsBetween(now, issuedAt) + " s in the future (iat " + issuedAt + ", skew " + skew + " s)");
        }
        if (issuer != null) {
            String iss = claims.issuerOrNull();
            if (iss == null) {
                throw new JwtVerificationException(Reason.MISSING_CLAIM, "token has no 'iss' claim");
            }
            if (!issuer.equals(iss)) {
                throw new JwtVerificationException(Reason.ISSUER_MISMATCH, "iss " + UntrustedText.quoted(iss)
                        + " is not the expected '" + issuer + "'");
            }
        }
        if (audiences != null) {
            List<String> aud = claims.audience();
            if (aud.isEmpty() && !claims.has("aud")) {
                throw new JwtVerificationException(Reason.MISSING_CLAIM, "token has no 'aud' claim");
            }
            boolean match = false;
            // By index: an iterator over the codec's unmodifiable list would be two objects per token.
            for (int i = 0, n = aud.size(); i < n && !match; i++) {
                match = audiences.contains(aud.get(i));
            }
            if (!match) {
                throw new JwtVerificationException(Reason.AUDIENCE_MISMATCH, "aud names none of the expected audiences "
                        + audiences);
            }
        }
        for (String name : requiredClaims) {
            if (!claims.has(name)) {
                throw new JwtVerificationException(Reason.MISSING_CLAIM, "token has no '" + name + "' claim");
            }
        }
        for (ClaimsValidator validator : validators) {
            try {
                validator.validate(header, claims);
            } catch (JwtVerificationException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new JwtVerificationException(Reason.INVALID_CLAIM, "claims validator failed: " + e.getClass().getName(), e);
            }
        }
    }

    private static long secondsBetween(Instant earlier, Instant later) {
        return Duration.between(earlier, later).getSeconds();
    }

    /**
     * The values of a {@code crit} list, each made printable by {@link UntrustedText}; at most
     * {@value #MAX_LISTED} of them, so that a long list costs a bounded message.
     */
    private static String printableList(List<?> values) {
        return values.stream().limit(MAX_LISTED)
                .map(v -> v instanceof String ? UntrustedText.quoted((String) v) : "(not a string)")
                .collect(Collectors.joining(", ", "[", values.size() > MAX_LISTED ? ", ...]" : "]"));
    }

    private void report(KeyIndex fresh) {
        for (DroppedKey dropped : fresh.dropped()) {
            LOG.log(Level.WARNING, "jwk dropped: " + dropped);
            notifyListener(() -> listener.keyDropped(dropped));
        }
        notifyListener(() -> listener.keysLoaded(fresh.keys().size()));
    }

    private static void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a JwksListener threw; ignored", e);
        }
    }

    /**
     * Fetches the keys now, at start-up for instance, so that the first request does not wait and a
     * misconfigured issuer shows at once. Does nothing for static keys.
     *
     * @throws JwtVerificationException with {@code KEYS_UNAVAILABLE} and the reason, if the fetch failed
     */
    public void prefetch() throws JwtVerificationException {
        JwksCache cache = cache();
        if (cache != null) {
            cache.prefetch();
            currentIndex(true);
        }
    }

    /** The remote key cache's counters; empty for static keys and custom key sources. */
    public Optional<JwksStats> stats() {
        JwksCache cache = cache();
        return cache == null ? Optional.empty() : Optional.of(cache.stats());
    }

    private JwksCache cache() {
        return ownedCache != null ? ownedCache : keySource instanceof JwksCache ? (JwksCache) keySource : null;
    }

    /**
     * Stops the background refresher of the key cache this verifier built, if any; a cache given
     * with {@code keySource(..)} belongs to the caller and is left alone. Keys already held stay
     * usable.
     */
    @Override
    public void close() {
        if (ownedCache != null) {
            ownedCache.close();
        }
    }

    /** The backend this verifier resolved at {@code build()}. */
    public CryptoBackend cryptoBackend() {
        return backend;
    }

    /** The JSON codec this verifier resolved at {@code build()}. */
    public JsonCodec jsonCodec() {
        return json;
    }

    /** The algorithms this verifier accepts. */
    public Set<JwsAlgorithm> algorithms() {
        return algorithms;
    }

    @Override
    public String toString() {
        return "JwtVerifier[issuer=" + issuer + ", audiences=" + audiences + ", algorithms=" + algorithms
                + ", backend=" + backend.name() + ", json=" + json.name() + "]";
    }

    /**
     * Configures a {@link JwtVerifier}. Not thread-safe; {@link #build()} may be called more than
     * once and does not change the builder.
     *
     * <p>Two decisions are required, so that nothing is left unchecked by omission: the issuer
     * ({@link #issuer(String)} or {@link #ignoreIssuer()}) and the audience
     * ({@link #audience(String...)} or {@link #ignoreAudience()}). Keys come from the issuer by
     * OpenID Connect discovery unless {@link #jwksUri(URI)}, {@link #keys(JwkSet)} or
     * {@link #keySource(KeySource)} says otherwise.
     */
    public static final class Builder {

        /** The largest clock skew accepted: more would make expiry meaningless. */
        public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);
        /** The default {@link #maxTokenLength(int)}: 16 Ki characters. */
        public static final int DEFAULT_MAX_TOKEN_LENGTH = 16 * 1024;
        /** The largest {@link #maxTokenLength(int)}: 1 Mi characters. */
        public static final int MAX_TOKEN_LENGTH = 1024 * 1024;
        /** The default {@link #maxPendingAsync(int)}: 1,024 verifications. */
        public static final int DEFAULT_MAX_PENDING_ASYNC = 1024;
        /** The largest {@link #maxPendingAsync(int)}: 65,536 verifications. */
        public static final int MAX_PENDING_ASYNC = 65_536;

        private String issuer;
        private boolean ignoreIssuer;
        private Set<String> audiences;
        private boolean ignoreAudience;
        private JwkSet keys;
        private KeySource keySource;
        private URI jwksUri;
        private HttpTransport httpTransport;
        private JwksCachePolicy cachePolicy = JwksCachePolicy.defaults();
        private Executor executor;
        private CryptoPolicy cryptoPolicy = CryptoPolicy.DEFAULT;
        private Set<JwsAlgorithm> algorithms;
        private String type;
        private Duration clockSkew = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private final List<String> requiredClaims = new ArrayList<>();
        private boolean allowMissingExpiration;
        private final List<ClaimsValidator> validators = new ArrayList<>();
        private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
        private int maxPendingAsync = DEFAULT_MAX_PENDING_ASYNC;
        private int maxCandidateKeys = 4;
        private int maxClaimsDepth = 32;
        private int maxHeaderDepth = 8;
        private int minRsaKeySize = 2048;
        private int maxRsaKeySize = 8192;
        private CryptoBackend cryptoBackend;
        private JsonCodec jsonCodec;
        private JwksListener listener = new JwksListener() { };

        private Builder() {
        }

        /**
         * The expected {@code iss} claim, compared exactly (RFC 7519 section 4.1.1), and, unless
         * {@link #jwksUri(URI)}, {@link #keys(JwkSet)} or {@link #keySource(KeySource)} is given, where
         * the keys are found: {@code {issuer}/.well-known/openid-configuration} (RFC 8414's
         * {@code oauth-authorization-server} document as a fallback), whose {@code issuer} must equal
         * this exactly and whose {@code jwks_uri} is then fetched and cached. Both must be
         * {@code https}, except on loopback hosts. No default: call this or {@link #ignoreIssuer()}.
         */
        public Builder issuer(String issuer) {
            Objects.requireNonNull(issuer, "issuer");
            if (issuer.isBlank()) {
                throw new IllegalArgumentException("issuer must not be blank");
            }
            this.issuer = issuer;
            return this;
        }

        /** Accepts any {@code iss}, or none. Only for keys that a single issuer alone can sign with. */
        public Builder ignoreIssuer() {
            this.ignoreIssuer = true;
            return this;
        }

        /**
         * The accepted audiences: the token's {@code aud} (a string or an array) must contain at least
         * one of them (RFC 7519 section 4.1.3). Replaces any earlier call. No default: call this or
         * {@link #ignoreAudience()}.
         */
        public Builder audience(String... audiences) {
            Objects.requireNonNull(audiences, "audiences");
            if (audiences.length == 0) {
                throw new IllegalArgumentException("audience(..) needs at least one audience; use ignoreAudience() to accept any");
            }
            Set<String> set = new LinkedHashSet<>();
            for (String a : audiences) {
                Objects.requireNonNull(a, "audience");
                if (a.isEmpty()) {
                    throw new IllegalArgumentException("audience must not be empty");
                }
                set.add(a);
            }
            this.audiences = set;
            return this;
        }

        /**
         * Accepts any {@code aud}, or none. Dangerous where one issuer serves several APIs: a token
         * minted for another API would be accepted here.
         */
        public Builder ignoreAudience() {
            this.ignoreAudience = true;
            return this;
        }

        /**
         * Static keys: no HTTP at all. Keys that cannot verify (encryption keys, private keys,
         * unsupported types, refused by the backend) are dropped and reported; a set left with no
         * usable key fails {@link #build()}. Secret ({@code oct}) keys are accepted here only.
         */
        public Builder keys(JwkSet keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * A custom source of keys; see {@link KeySource}. A {@link JwksCache} given here may be shared
         * by several verifiers and is not closed by them.
         */
        public Builder keySource(KeySource keySource) {
            this.keySource = Objects.requireNonNull(keySource, "keySource");
            return this;
        }

        /**
         * Fetches and caches the keys from this URI, without discovery: {@code https}, or {@code http}
         * on a loopback host.
         */
        public Builder jwksUri(URI jwksUri) {
            this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
            return this;
        }

        /**
         * The HTTP transport for discovery and key sets. Default: found with
         * {@link java.util.ServiceLoader} (system property {@code sigil.http}); needed only when keys
         * are remote.
         */
        public Builder httpTransport(HttpTransport transport) {
            this.httpTransport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** How remote keys are fetched and cached. Default {@link JwksCachePolicy#defaults()}. */
        public Builder cachePolicy(JwksCachePolicy policy) {
            this.cachePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Runs background key refreshes and the verifications {@link JwtVerifier#verifyAsync} must
         * move off the caller's thread. Default: daemon threads of the verifier's own (at most 4),
         * started on first need and stopped by {@link JwtVerifier#close()}. Whatever the executor,
         * at most {@link #maxPendingAsync(int)} of this verifier's verifications wait on it; one
         * that refuses work makes {@code verifyAsync} fail as {@link Reason#OVERLOADED}.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The accepted algorithms. Default: every asymmetric algorithm the crypto backend supports
         * (RS*, PS*, ES*, EdDSA, Ed25519, Ed448). HMAC algorithms (HS*) are accepted only when listed
         * here, and only with secret keys given to {@link #keys(JwkSet)}.
         */
        public Builder algorithms(JwsAlgorithm... algorithms) {
            Objects.requireNonNull(algorithms, "algorithms");
            if (algorithms.length == 0) {
                throw new IllegalArgumentException("algorithms(..) needs at least one algorithm");
            }
            Set<JwsAlgorithm> set = EnumSet.noneOf(JwsAlgorithm.class);
            for (JwsAlgorithm alg : algorithms) {
                set.add(Objects.requireNonNull(alg, "algorithm"));
            }
            this.algorithms = set;
            return this;
        }

        /**
         * The required {@code typ} header, such as {@code "at+jwt"} for RFC 9068 access tokens,
         * compared by RFC 7515 section 4.1.9 (case-insensitive, {@code application/} optional).
         * Default: {@code typ} absent or {@code JWT}; any other type is refused, so that a token of
         * another kind (a logout token, a DPoP proof) cannot pass as this one.
         */
        public Builder type(String type) {
            Objects.requireNonNull(type, "type");
            if (type.isBlank()) {
                throw new IllegalArgumentException("type must not be blank");
            }
            this.type = type;
            return this;
        }

        /**
         * Tolerance for clocks that disagree, applied to {@code exp}, {@code nbf} and {@code iat}.
         * Default 60 seconds; at most {@link #MAX_CLOCK_SKEW}; whole seconds.
         */
        public Builder clockSkew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("clockSkew must be between 0 and " + MAX_CLOCK_SKEW.toMinutes()
                        + " minutes, got " + skew);
            }
            this.clockSkew = skew;
            return this;
        }

        /** The clock for time-based claims. Default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Claims that must be present (and not JSON null), such as {@code "sub"} or {@code "jti"}. Adds to earlier calls. */
        public Builder requireClaims(String... names) {
            Objects.requireNonNull(names, "names");
            for (String name : names) {
                Objects.requireNonNull(name, "claim name");
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("claim name must not be empty");
                }
                requiredClaims.add(name);
            }
            return this;
        }

        /**
         * Accepts tokens without {@code exp}. Such a token never expires: a leaked one stays valid
         * until its key is rotated. Default: {@code exp} is required.
         */
        public Builder allowMissingExpiration() {
            this.allowMissingExpiration = true;
            return this;
        }

        /** A custom check run after all built-in checks pass. Adds to earlier calls; they run in order. */
        public Builder validator(ClaimsValidator validator) {
            validators.add(Objects.requireNonNull(validator, "validator"));
            return this;
        }

        /**
         * The longest token accepted, in characters; longer ones are refused before any parsing, as
         * {@link Reason#TOKEN_TOO_LARGE}. Default {@link #DEFAULT_MAX_TOKEN_LENGTH}; between 64 and
         * {@link #MAX_TOKEN_LENGTH}.
         */
        public Builder maxTokenLength(int chars) {
            if (chars < 64 || chars > MAX_TOKEN_LENGTH) {
                throw new IllegalArgumentException("maxTokenLength must be between 64 and " + MAX_TOKEN_LENGTH + ", got " + chars);
            }
            this.maxTokenLength = chars;
            return this;
        }

        /**
         * The most verifications {@link JwtVerifier#verifyAsync(String)} keeps waiting for keys at
         * once, on this verifier, whatever the executor (this builder's, the key cache's own, or the
         * common pool for a custom {@link KeySource}): counted from the moment a verification is
         * handed to the executor until it ends, whether it is queued or running. Past the limit
         * {@code verifyAsync} answers at once with a stage failed as {@link Reason#OVERLOADED}, so a
         * burst of tokens while keys are fetched costs bounded memory and never blocks the caller.
         * Verifications with keys at hand are not counted: they never leave the caller's thread.
         * A pending verification holds its token (at most {@link #maxTokenLength(int)} chars).
         * Default {@link #DEFAULT_MAX_PENDING_ASYNC}; between 1 and {@link #MAX_PENDING_ASYNC}.
         */
        public Builder maxPendingAsync(int verifications) {
            if (verifications < 1 || verifications > MAX_PENDING_ASYNC) {
                throw new IllegalArgumentException("maxPendingAsync must be between 1 and " + MAX_PENDING_ASYNC
                        + ", got " + verifications);
            }
            this.maxPendingAsync = verifications;
            return this;
        }

        /**
         * The most keys one token's signature is tried against, when it has no {@code kid} or the set
         * repeats one; beyond it the token is refused as {@link Reason#INVALID_SIGNATURE}, so a
         * kid-less forgery costs at most this many signature checks. Default 4; between 1 and 64.
         */
        public Builder maxCandidateKeys(int keys) {
            if (keys < 1 || keys > 64) {
                throw new IllegalArgumentException("maxCandidateKeys must be between 1 and 64, got " + keys);
            }
            this.maxCandidateKeys = keys;
            return this;
        }

        /**
         * The deepest nesting of arrays and objects accepted in the claims (the claims object itself
         * is depth 1); deeper is {@link Reason#MALFORMED}. The header's limit is fixed at 8. Default 32;
         * between 2 and 256.
         */
        public Builder maxClaimsDepth(int depth) {
            if (depth < 2 || depth > 256) {
                throw new IllegalArgumentException("maxClaimsDepth must be between 2 and 256, got " + depth);
            }
            this.maxClaimsDepth = depth;
            return this;
        }

        /**
         * The deepest nesting accepted in the header (the header object itself is depth 1); deeper is
         * {@link Reason#MALFORMED}. Default 8; between 1 and 64.
         */
        public Builder maxHeaderDepth(int depth) {
            if (depth < 1 || depth > 64) {
                throw new IllegalArgumentException("maxHeaderDepth must be between 1 and 64, got " + depth);
            }
            this.maxHeaderDepth = depth;
            return this;
        }

        /**
         * The smallest RSA modulus a key may have, in bits; smaller keys are dropped and reported (a
         * static set left without a usable key fails {@link #build()}), whichever crypto backend
         * verifies. Default 2048, as NIST SP 800-131A requires; from 1024 to 16384, and not above
         * {@link #maxRsaKeySize}. {@link CryptoPolicy#FIPS_186_5} refuses keys below 2048 bits
         * whatever this says.
         *
         * <p><b>Lowering it is dangerous:</b> 1024-bit RSA is within reach of well-funded attackers,
         * and anyone who factors an issuer's key can mint tokens your service accepts. Go below 2048
         * only for a legacy issuer you cannot change, and plan its retirement.
         *
         * @throws IllegalArgumentException if {@code bits} is outside that range
         */
        public Builder minRsaKeySize(int bits) {
            if (bits < 1024 || bits > 16384) {
                throw new IllegalArgumentException("minRsaKeySize must be between 1024 and 16384, got " + bits);
            }
            this.minRsaKeySize = bits;
            return this;
        }

        /**
         * The largest RSA modulus a key may have, in bits; larger keys are dropped and reported (a
         * static set left without a usable key fails {@link #build()}). The limit is applied to the
         * encoded length, before any arithmetic: checking a modulus (it must not be prime) and
         * verifying with it cost time that grows with the cube of its size, so an issuer you do not
         * control should not choose it. Default 8192, twice the largest key the providers we know
         * publish (2048 and 4096 bits); between 2048 and 16384.
         */
        public Builder maxRsaKeySize(int bits) {
            if (bits < 2048 || bits > 16384) {
                throw new IllegalArgumentException("maxRsaKeySize must be between 2048 and 16384, got " + bits);
            }
            this.maxRsaKeySize = bits;
            return this;
        }

        /**
         * The crypto backend. Default: found with {@link java.util.ServiceLoader} (system property
         * {@code sigil.crypto} to pin one by name).
         */
        public Builder cryptoBackend(CryptoBackend backend) {
            this.cryptoBackend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * The JSON codec. Default: found with {@link java.util.ServiceLoader} (system property
         * {@code sigil.json}), else the built-in one.
         */
        public Builder jsonCodec(JsonCodec codec) {
            this.jsonCodec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** Hears about loaded and dropped keys. Default: none (dropped keys are still logged). */
        public Builder listener(JwksListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * A compliance regime on top of the allow-list, such as {@link CryptoPolicy#FIPS_186_5}:
         * {@link #build()} fails if {@link #algorithms} lists an algorithm it forbids or a static key
         * breaks it, the default allow-list leaves its forbidden algorithms out, and remote keys that
         * break it are dropped and reported. Default {@link CryptoPolicy#DEFAULT}.
         */
        public Builder cryptoPolicy(CryptoPolicy policy) {
            this.cryptoPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Builds the verifier: resolves the crypto backend and JSON codec and imports static keys.
         *
         * @throws JwtConfigurationException if the configuration would verify nothing or verify
         *     insecurely, or no usable provider is found; the message names the fix
         */
        public JwtVerifier build() {
            if (issuer != null && ignoreIssuer) {
                throw new JwtConfigurationException("issuer(..) and ignoreIssuer() cannot both be set");
            }
            if (issuer == null && !ignoreIssuer) {
                throw new JwtConfigurationException("no issuer decision: call issuer(..) with the expected \"iss\", or ignoreIssuer()");
            }
            if (audiences != null && ignoreAudience) {
                throw new JwtConfigurationException("audience(..) and ignoreAudience() cannot both be set");
            }
            if (audiences == null && !ignoreAudience) {
                throw new JwtConfigurationException("no audience decision: call audience(..) with this API's identifier, or ignoreAudience()");
            }
            int sources = (keys != null ? 1 : 0) + (keySource != null ? 1 : 0) + (jwksUri != null ? 1 : 0);
            if (sources > 1) {
                throw new JwtConfigurationException("keys(..), keySource(..) and jwksUri(..) cannot be combined: choose one");
            }
            if (sources == 0 && issuer == null) {
                throw new JwtConfigurationException("no keys: call issuer(..) to find them by discovery, or jwksUri(..),"
                        + " keys(JwkSet) or keySource(KeySource)");
            }
            CryptoBackend backend = Providers.CRYPTO.select(cryptoBackend);
            JsonCodec json = Providers.JSON.select(jsonCodec);
            Set<JwsAlgorithm> supported = backend.algorithms();
            Set<JwsAlgorithm> allowed;
            if (algorithms == null) {
                allowed = EnumSet.noneOf(JwsAlgorithm.class);
                for (JwsAlgorithm alg : supported) {
                    if (!alg.isSymmetric() && cryptoPolicy.allows(alg)) {
                        allowed.add(alg);
                    }
                }
                if (allowed.isEmpty()) {
                    throw new JwtConfigurationException("crypto backend '" + backend.name()
                            + "' supports no asymmetric algorithm; list the algorithms with algorithms(..)");
                }
            } else {
                allowed = EnumSet.copyOf(algorithms);
                List<JwsAlgorithm> missing = new ArrayList<>();
                for (JwsAlgorithm alg : allowed) {
                    if (!supported.contains(alg)) {
                        missing.add(alg);
                    }
                }
                if (!missing.isEmpty()) {
                    throw new JwtConfigurationException("algorithms(..) lists " + missing + ", which crypto backend '"
                            + backend.name() + "' does not support; it supports " + supported);
                }
                for (JwsAlgorithm alg : allowed) {
                    if (!cryptoPolicy.allows(alg)) {
                        throw new JwtConfigurationException("algorithms(..) lists " + alg + ", which crypto policy "
                                + cryptoPolicy + " forbids");
                    }
                }
            }
            Set<JwsAlgorithm> frozen = Collections.unmodifiableSet(allowed);
            if (keys == null) {
                for (JwsAlgorithm alg : frozen) {
                    if (alg.isSymmetric()) {
                        throw new JwtConfigurationException(alg + " is listed in algorithms(..), but HMAC secrets are"
                                + " accepted from keys(JwkSet) only: an issuer never publishes them");
                    }
                }
            }

            KeySource source;
            JwksCache ownedCache = null;
            if (minRsaKeySize > maxRsaKeySize) {
                throw new JwtConfigurationException("minRsaKeySize(" + minRsaKeySize + ") is above maxRsaKeySize("
                        + maxRsaKeySize + "): no RSA key could be used");
            }
            KeyLimits limits = new KeyLimits(minRsaKeySize, maxRsaKeySize);
            SigningKeyFilter filter = new SigningKeyFilter(backend, keys != null, cryptoPolicy, limits);
            KeyIndex initial;
            if (keys != null) {
                JwkSet staticKeys = keys;
                source = () -> staticKeys;
                initial = filter.index(staticKeys);
                if (cryptoPolicy != CryptoPolicy.DEFAULT) {
                    checkPolicy(new SigningKeyFilter(backend, true, CryptoPolicy.DEFAULT, limits).index(staticKeys), cryptoPolicy);
                }
                checkStaticKeys(initial, frozen);
            } else {
                if (keySource != null) {
                    source = keySource;
                } else {
                    JwksCache.Builder cache = JwksCache.builder().policy(cachePolicy).clock(clock).listener(listener)
                            .jsonCodec(json);
                    if (jwksUri != null) {
                        cache.jwksUri(jwksUri);
                    } else {
                        cache.issuer(issuer);
                    }
                    if (httpTransport != null) {
                        cache.httpTransport(httpTransport);
                    }
                    if (executor != null) {
                        cache.executor(executor);
                    }
                    ownedCache = cache.build();
                    source = ownedCache;
                }
                // An index of no keys stands in until the source's first set is seen.
                initial = filter.index(JwkSet.of());
            }
            JwtVerifier verifier = new JwtVerifier(this, backend, json, frozen, source, ownedCache, filter, initial);
            if (keys != null) {
                verifier.report(initial);
            }
            return verifier;
        }

        /** A static key the policy forbids is a mistake in the configuration, not something to drop quietly. */
        private static void checkPolicy(KeyIndex unrestricted, CryptoPolicy policy) {
            for (ImportedKey key : unrestricted.keys()) {
                String forbidden = policy.refusal(key.key());
                if (forbidden != null) {
                    throw new JwtConfigurationException("keys(..) holds key " + (key.keyId() == null ? "(no kid)"
                            : UntrustedText.quoted(key.keyId())) + " that crypto policy " + policy + " forbids: " + forbidden);
                }
            }
        }

        private static void checkStaticKeys(KeyIndex index, Set<JwsAlgorithm> allowed) {
            boolean usable = false;
            for (JwsAlgorithm alg : allowed) {
                if (index.fitting(alg).length > 0) {
                    usable = true;
                } else if (alg.isSymmetric()) {
                    throw new JwtConfigurationException(alg + " is listed in algorithms(..) but keys(..) holds no 'oct' key"
                            + " of at least " + alg.componentLength() * 8 + " bits for it");
                }
            }
            if (!usable) {
                throw new JwtConfigurationException("keys(..) holds no key usable with the allowed algorithms " + allowed
                        + (index.dropped().isEmpty() ? "" : "; dropped: " + index.dropped().stream()
                                .map(DroppedKey::toString).collect(Collectors.joining("; "))));
            }
        }
    }
}
