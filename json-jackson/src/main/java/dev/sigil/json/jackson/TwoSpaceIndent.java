package dev.sigil.json.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * The built-in writer's layout: each member and element on its own line, indented by two spaces per
 * level, {@code ": "} between name and value, and empty containers as {@code {}} and {@code []}.
 * Jackson's {@code DefaultPrettyPrinter} differs ({@code " : "}, arrays on one line), hence this.
 * Counts the nesting as it goes, so one instance serves one document.
 */
final class TwoSpaceIndent implements PrettyPrinter {

    private int depth;

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
        // One value per document: never called.
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newline(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newline(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        depth--;
        if (entries > 0) {
            newline(g);
        }
        g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw('[');
        depth++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        newline(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newline(g);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        depth--;
        if (values > 0) {
            newline(g);
        }
        g.writeRaw(']');
    }

    private void newline(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
        for (int k = 0; k < depth; k++) {
            g.writeRaw("  ");
        }
    }
}
