package io.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * A fixed set of element names, tested against a tag as the tokenizer reads it (its name id, its first eight
 * lower-case bytes packed as by {@link ElementNames#pack}, and its lower-case bytes) without making a string: names
 * with an id by a table, names of up to eight bytes without one by a binary search over their packed words, longer
 * ones by comparing bytes.
 */
final class NameSet {

    private final boolean[] byId = new boolean[128];
    private final long[] keys;
    private final byte[][] longNames;

    NameSet(Set<String> names) {
        long[] k = new long[names.size()];
        int n = 0;
        byte[][] longer = new byte[names.size()][];
        int l = 0;
        for (String name : names) {
            byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
            int id = ElementNames.lookup(b, b.length);
            if (id != ElementNames.OTHER) {
                byId[id] = true;
            } else if (b.length <= 8) {
                k[n++] = ElementNames.pack(b, b.length);
            } else {
                longer[l++] = b;
            }
        }
        keys = Arrays.copyOf(k, n);
        Arrays.sort(keys);
        longNames = Arrays.copyOf(longer, l);
    }

    /** Whether the tag with name id {@code id}, packed first bytes {@code key} and name {@code name[0..len)} is in. */
    boolean contains(int id, long key, byte[] name, int len) {
        if (id != ElementNames.OTHER) {
            return byId[id];
        }
        if (len <= 8) {
            return Arrays.binarySearch(keys, key) >= 0;
        }
        for (byte[] n : longNames) {
            if (n.length == len && Arrays.equals(n, 0, len, name, 0, len)) {
                return true;
            }
        }
        return false;
    }
}
