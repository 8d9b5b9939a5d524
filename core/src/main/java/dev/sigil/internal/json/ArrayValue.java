package dev.sigil.internal.json;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A JSON array as {@link JsonReader} builds it: its elements in one array, with no list and no
 * unmodifiable wrapper around it, since a token or key set parses a few of them every time.
 *
 * <p>Only the reader adds elements, while parsing; once it returns the array, nothing changes it
 * and every mutator of {@link java.util.List} throws {@link UnsupportedOperationException}.
 */
final class ArrayValue extends AbstractList<Object> implements RandomAccess {

    private Object[] elements = new Object[4];
    private int size;

    void append(Object element) {
        if (size == elements.length) {
            elements = Arrays.copyOf(elements, 2 * size);
        }
        elements[size++] = element;
    }

    @Override
    public Object get(int index) {
        Objects.checkIndex(index, size);
        Object element = elements[index];
        if (element instanceof AsciiText text) {
            // As SmallObject.valueAt: racing threads store equal immutable Strings.
            element = text.toString();
            elements[index] = element;
        }
        return element;
    }

    /** The element at {@code index} as held, {@link AsciiText} not made a String; for {@link AsciiText#peek}. */
    Object raw(int index) {
        Objects.checkIndex(index, size);
        return elements[index];
    }

    @Override
    public int size() {
        return size;
    }
}
