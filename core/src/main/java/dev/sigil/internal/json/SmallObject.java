package dev.sigil.internal.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A JSON object of at most {@link #MAX_MEMBERS} members, as {@link JsonReader} builds it: names and
 * values alternate in one array, in document order. A token's payload or header parsed into a
 * {@code LinkedHashMap} costs a table and an entry object per member; this costs one array, and
 * for so few members a linear search by name is as fast as hashing (the common names are the
 * reader's constants, so most comparisons are by identity).
 *
 * <p>Only the reader adds members, while parsing; once it returns the object, nothing changes it
 * and every mutator of {@link Map} throws {@link UnsupportedOperationException}.
 */
final class SmallObject extends AbstractMap<String, Object> {

    /** Past this many members the reader moves to a hashed map, so lookups stay O(1) for big objects. */
    static final int MAX_MEMBERS = 16;

    private Object[] namesAndValues = new Object[16];
    private int size;
    /** Whether some name is not one of the reader's constants; until one is, identity finds every duplicate. */
    private boolean otherNames;

    /** Appends a member; the reader has checked that the name is new and that there is room. */
    void add(String name, Object value) {
        int at = 2 * size;
        if (at == namesAndValues.length) {
            namesAndValues = Arrays.copyOf(namesAndValues, 2 * at);
        }
        namesAndValues[at] = name;
        namesAndValues[at + 1] = value;
        size++;
    }

    /**
     * Whether {@code name}, about to be added, is already here; {@code readerConstant} says whether it
     * is one of the reader's constant names. A constant can only equal another constant, which is then
     * the same object, or an escaped spelling read as a String of its own; so while every name held is
     * a constant, a constant needs no {@code equals}, which for a token's eight members saves some
     * thirty string comparisons.
     */
    boolean holdsBeforeAdding(String name, boolean readerConstant) {
        if (!readerConstant) {
            otherNames = true;
        } else if (!otherNames) {
            Object[] members = namesAndValues;
            for (int i = 0, n = 2 * size; i < n; i += 2) {
                if (members[i] == name) {
                    return true;
                }
            }
            return false;
        }
        return indexOf(name) >= 0;
    }

    private int indexOf(Object name) {
        Object[] members = namesAndValues;
        for (int i = 0, n = 2 * size; i < n; i += 2) {
            if (members[i] == name) {
                return i;
            }
        }
        if (name instanceof String) {
            for (int i = 0, n = 2 * size; i < n; i += 2) {
                if (name.equals(members[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public Object get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : valueAt(i + 1);
    }

    /** The value of {@code name} as held, {@link AsciiText} not made a String; for {@link AsciiText#peek}. */
    Object raw(String name) {
        int i = indexOf(name);
        return i < 0 ? null : namesAndValues[i + 1];
    }

    /**
     * The value at {@code at}, {@link AsciiText} made a String and kept. Threads may race here, each
     * making an equal String and storing it: a String is immutable, so any of them is as good as
     * another, and a thread that sees none still finds the text.
     */
    private Object valueAt(int at) {
        Object value = namesAndValues[at];
        if (value instanceof AsciiText text) {
            value = text.toString();
            namesAndValues[at] = value;
        }
        return value;
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int at = 2 * next++;
                        return new SimpleImmutableEntry<>((String) namesAndValues[at], valueAt(at + 1));
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
