package io.relia.slo.offline;

import java.util.Arrays;

/**
 * Series by the exact text that names them in a file ({@code name{labels}} of an OpenMetrics sample), looked up
 * straight from the line buffer: most lines repeat a series already seen, and those cost one hash and one compare
 * instead of parsing and sorting their labels. An open-addressing table with linear probing.
 */
final class SeriesIndex {

    /** One text and the series it names. */
    static final class Entry {

        private final char[] key;
        private final int hash;
        private final SeriesBuilder series;
        private Entry successor;

        private Entry(char[] key, int hash, SeriesBuilder series) {
            this.key = key;
            this.hash = hash;
            this.series = series;
        }

        SeriesBuilder series() {
            return series;
        }

        /** The entry whose line followed this entry's line the last time, or null: a guess for the next line. */
        Entry successor() {
            return successor;
        }

        void successor(Entry next) {
            successor = next;
        }

        /** Whether this entry's text is {@code chars[from, to)}. */
        boolean matches(char[] chars, int from, int to) {
            return Arrays.equals(key, 0, key.length, chars, from, to);
        }
    }

    private Entry[] table = new Entry[1024];
    private int size;

    /** The entry for the text {@code chars[from, to)}, or null. */
    Entry get(char[] chars, int from, int to) {
        int hash = hash(chars, from, to);
        int mask = table.length - 1;
        for (int slot = hash & mask; table[slot] != null; slot = (slot + 1) & mask) {
            Entry entry = table[slot];
            if (entry.hash == hash && entry.matches(chars, from, to)) {
                return entry;
            }
        }
        return null;
    }

    /** Adds the text {@code chars[from, to)}, which {@link #get} did not find, for {@code series}. */
    Entry put(char[] chars, int from, int to, SeriesBuilder series) {
        if (2 * (size + 1) > table.length) {
            grow();
        }
        Entry entry = new Entry(Arrays.copyOfRange(chars, from, to), hash(chars, from, to), series);
        insert(entry);
        size++;
        return entry;
    }

    private void grow() {
        Entry[] old = table;
        table = new Entry[old.length * 2];
        for (Entry entry : old) {
            if (entry != null) {
                insert(entry);
            }
        }
    }

    private void insert(Entry entry) {
        int mask = table.length - 1;
        int slot = entry.hash & mask;
        while (table[slot] != null) {
            slot = (slot + 1) & mask;
        }
        table[slot] = entry;
    }

    private static int hash(char[] chars, int from, int to) {
        // Four interleaved polynomial hashes: no chain of dependent multiplications over the whole (long) text.
        int h0 = 0;
        int h1 = 0;
        int h2 = 0;
        int h3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            h0 = 31 * h0 + chars[i];
            h1 = 31 * h1 + chars[i + 1];
            h2 = 31 * h2 + chars[i + 2];
            h3 = 31 * h3 + chars[i + 3];
        }
        for (; i < to; i++) {
            h0 = 31 * h0 + chars[i];
        }
        int hash = ((h0 * 0x9E3779B1 + h1) * 0x9E3779B1 + h2) * 0x9E3779B1 + h3 + to - from;
        // Spread the high bits down: the table uses the low bits only.
        return hash ^ (hash >>> 16);
    }
}
