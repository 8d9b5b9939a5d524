package dev.sigil.json.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.PackageVersion;
import dev.sigil.spi.JsonLimits;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One Jackson {@link JsonFactory} per {@link JsonLimits}, because Jackson's constraints belong to
 * the factory, not to a parser. A verifier parses with two or three limit sets for its whole life
 * (header, claims, key set), so the factories are kept, up to {@link #MAX_KEPT}; beyond that a
 * factory is built for the call and dropped, so odd limits cannot grow this without bound.
 */
final class ParserFactories {

    /** The most factories kept; far more than the limit sets core uses. */
    static final int MAX_KEPT = 16;

    private final ConcurrentMap<JsonLimits, JsonFactory> kept = new ConcurrentHashMap<>();

    JsonFactory forLimits(JsonLimits limits) {
        JsonFactory factory = kept.get(limits);
        if (factory != null) {
            return factory;
        }
        factory = build(limits);
        if (kept.size() < MAX_KEPT) {
            JsonFactory raced = kept.putIfAbsent(limits, factory);
            if (raced != null) {
                return raced;
            }
        }
        return factory;
    }

    static JsonFactory build(JsonLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxBytes())
                .maxNestingDepth(limits.maxDepth())
                // Jackson counts string length in chars, as JsonLimits does, but checks it only at
                // buffer boundaries; the reader checks every string exactly.
                .maxStringLength(limits.maxStringLength())
                // Jackson counts member names in UTF-8 bytes, up to three per UTF-16 char: never
                // tighter than the char limit, which the reader checks exactly.
                .maxNameLength(saturatedInt(3L * limits.maxStringLength()))
                // Jackson counts digits only; the reader checks the whole text, signs and point included.
                .maxNumberLength(JacksonReader.maxNumberLength(limits))
                .build();
        return new JsonFactoryBuilder()
                // UTF-8 only: detection would happily read UTF-16 or UTF-32 and skip a byte order mark.
                .disable(JsonFactory.Feature.CHARSET_DETECTION)
                // No name is cached or interned across parses: tokens are untrusted, and a shared
                // symbol table would let one token's names influence the parsing of the next (the
                // table's hash-flooding guard can even reject valid input the built-in accepts).
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                // The reader checks duplicates itself, with a message that does not quote the name.
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(constraints)
                .build();
    }

    static String jacksonVersion() {
        return PackageVersion.VERSION.toString();
    }

    private static int saturatedInt(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }
}
