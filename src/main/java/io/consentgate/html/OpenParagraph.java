package io.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a {@code <p>} is open around the current position, as far as a removal needs to know it: a browser ends an
 * element inside an open paragraph where the paragraph is closed, so {@code <p>Text <span data-consent=…>gated<div>}
 * ends the span at the {@code <div>} even though {@code </span>} never comes (see {@link ImpliedEnds}).
 *
 * <p>The tokenizer keeps one flag, set by {@code <p>} and cleared by any tag after which the paragraph is closed or
 * out of reach: a start tag that closes a paragraph ({@code <div>}, {@code <ul>}, {@code <table>}…) or opens a
 * scope boundary ({@code <button>}, {@code <object>}, {@code <template>}…: a paragraph outside one is not closed by
 * tags inside it), and the end tag of a paragraph or of any container ({@code </div>}, {@code </li>}, {@code
 * </td>}…). Phrasing tags ({@code <a>}, {@code </span>}, {@code <img>}) leave it as it is. It is an approximation of
 * the stack of open elements, and errs on the side that changes nothing: whenever it cannot tell, the flag is clear,
 * and a removal then ends where it did before this was tracked.
 *
 * <p>Known names are looked up in a table by id; the few container names the tokenizer has no id for are compared as
 * packed words, and only while the flag is set.
 */
final class OpenParagraph {

    /** Start tags of known ids after which no paragraph is open in reach. */
    private static final boolean[] START = new boolean[128];
    /** End tags of known ids after which no paragraph is open in reach. */
    private static final boolean[] END = new boolean[128];
    /** The same for names without an id of up to eight bytes, packed as {@link ElementNames#pack}, sorted. */
    private static final long[] START_KEYS;
    private static final long[] END_KEYS;
    /** The same for longer names without an id. */
    private static final byte[][] START_LONG;
    private static final byte[][] END_LONG;

    static {
        Set<String> starts = new HashSet<>(HtmlElementKinds.CLOSING_STARTS.get("p"));
        starts.addAll(HtmlElementKinds.SCOPE_BOUNDARIES);
        starts.add("button");
        starts.add("noscript"); // its content is text to a browser that runs scripts
        Set<String> ends = new HashSet<>(HtmlElementKinds.SPECIAL);
        ends.addAll(HtmlElementKinds.BLOCK_ENDS);
        ends.addAll(HtmlElementKinds.OTHER_CONTAINERS);
        START_KEYS = table(starts, START);
        END_KEYS = table(ends, END);
        START_LONG = longNames(starts);
        END_LONG = longNames(ends);
    }

    private OpenParagraph() {
    }

    /**
     * Whether a paragraph may still be open in reach after a tag: {@code open} before it; the tag's name id, its
     * first eight lower-case bytes packed in {@code key}, and the lower-case name in {@code name[0..len)} (read only
     * for a name longer than eight bytes without an id).
     */
    static boolean after(boolean open, boolean end, int id, long key, byte[] name, int len) {
        if (id == ElementNames.P) {
            return !end;
        }
        if (!open) {
            return false;
        }
        if (id != ElementNames.OTHER) {
            return !(end ? END : START)[id];
        }
        if (len <= 8) {
            return Arrays.binarySearch(end ? END_KEYS : START_KEYS, key) < 0;
        }
        for (byte[] n : end ? END_LONG : START_LONG) {
            if (n.length == len && Arrays.equals(n, 0, len, name, 0, len)) {
                return false;
            }
        }
        return true;
    }

    private static long[] table(Set<String> names, boolean[] byId) {
        long[] keys = new long[names.size()];
        int k = 0;
        for (String n : names) {
            byte[] b = n.getBytes(StandardCharsets.ISO_8859_1);
            int id = ElementNames.lookup(b, b.length);
            if (id != ElementNames.OTHER) {
                byId[id] = true;
            } else if (b.length <= 8) {
                keys[k++] = ElementNames.pack(b, b.length);
            }
        }
        keys = Arrays.copyOf(keys, k);
        Arrays.sort(keys);
        return keys;
    }

    private static byte[][] longNames(Set<String> names) {
        return names.stream().map(n -> n.getBytes(StandardCharsets.ISO_8859_1))
            .filter(b -> b.length > 8 && ElementNames.lookup(b, b.length) == ElementNames.OTHER)
            .toArray(byte[][]::new);
    }
}
