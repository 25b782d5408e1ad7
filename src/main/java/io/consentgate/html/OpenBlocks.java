package io.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Whether a {@code <p>}, a list item or a description item is open around the current position, as far as a removal
 * needs to know it: a browser ends an element inside one where it is closed, so {@code <p>Text <span
 * data-consent=…>gated<div>} ends the span at the {@code <div>}, and {@code <li>a <span data-consent=…>b<li>} at the
 * second {@code <li>}, though {@code </span>} never comes (see {@link ImpliedEnds}).
 *
 * <p>The tokenizer keeps three flags, each set by the element's start tag and cleared by any tag after which the
 * element is closed or out of reach:
 * <ul>
 *   <li>{@link #PARAGRAPH}: by a start tag that closes a paragraph ({@code <div>}, {@code <ul>}, {@code <table>}…)
 *       or opens a scope boundary ({@code <button>}, {@code <object>}, {@code <template>}…: a paragraph outside one
 *       is not closed by tags inside it), and by the end tag of a paragraph or of any container ({@code </div>},
 *       {@code </li>}, {@code </td>}…);</li>
 *   <li>{@link #LIST_ITEM} and {@link #DESCRIPTION_ITEM}: by the start tag of a special element other than {@code
 *       <address>}, {@code <div>} and {@code <p>} (a browser looks for the item to close only as far as one: a nested
 *       list, a table, a section) or of a scope boundary, and by the end tag of any container but those three.</li>
 * </ul>
 * {@code <svg>} and {@code <math>} clear all three, and so do their integration points and their end tags. Phrasing
 * tags ({@code <a>}, {@code </span>}, {@code <img>}) leave them as they are, and so do elements that are never left
 * open ({@code <br>}, {@code <script>}…). {@code <noscript>} clears them: its content is text to a browser
 * that runs scripts. It is an approximation of the stack of open elements, and errs on the side that changes
 * nothing: whenever it cannot tell, a flag is clear, and a removal then ends where it did before this was tracked.
 */
final class OpenBlocks {

    static final int PARAGRAPH = 1;
    static final int LIST_ITEM = 2;
    static final int DESCRIPTION_ITEM = 4;
    private static final int ITEMS = LIST_ITEM | DESCRIPTION_ITEM;

    private static final int LI = id("li");
    private static final int DD = id("dd");
    private static final int DT = id("dt");

    /** Per id: the flags a start tag clears, and the flag it sets in the high byte. */
    private static final int[] START = new int[128];
    /** Per id: the flags an end tag clears. */
    private static final int[] END = new int[128];
    /** The same for names without an id of up to eight bytes, packed as {@link ElementNames#pack}, sorted. */
    private static final long[] START_KEYS;
    private static final int[] START_MASKS;
    private static final long[] END_KEYS;
    private static final int[] END_MASKS;
    /** Names longer than eight bytes without an id that clear flags: each clears all of them, start or end. */
    private static final NameSet LONG_NAMES;

    static {
        Set<String> paragraphStarts = new HashSet<>(HtmlElementKinds.CLOSING_STARTS.get("p"));
        paragraphStarts.addAll(HtmlElementKinds.SCOPE_BOUNDARIES);
        paragraphStarts.add("button");
        paragraphStarts.add("noscript");
        Set<String> paragraphEnds = new HashSet<>(HtmlElementKinds.SPECIAL);
        paragraphEnds.addAll(HtmlElementKinds.BLOCK_ENDS);
        paragraphEnds.addAll(HtmlElementKinds.OTHER_CONTAINERS);
        Set<String> itemStarts = new HashSet<>();
        for (String n : HtmlElementKinds.SPECIAL) {
            if (!n.equals("address") && !n.equals("div") && !n.equals("p") && HtmlElementKinds.holdsElements(n)) {
                itemStarts.add(n);
            }
        }
        itemStarts.addAll(HtmlElementKinds.SCOPE_BOUNDARIES);
        itemStarts.add("noscript");
        Set<String> itemEnds = new HashSet<>();
        for (Set<String> kind : List.of(HtmlElementKinds.SPECIAL, HtmlElementKinds.BLOCK_ENDS,
            HtmlElementKinds.OTHER_CONTAINERS)) {
            for (String n : kind) {
                if (!n.equals("address") && !n.equals("div") && !n.equals("p") && HtmlElementKinds.holdsElements(n)) {
                    itemEnds.add(n);
                }
            }
        }
        itemEnds.add("noscript");
        // SVG and MathML content (its integration points are scope boundaries): nothing in it reaches the blocks
        // outside, and what it leaves open is not followed
        for (String n : List.of("svg", "math", "foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext",
            "annotation-xml")) {
            paragraphStarts.add(n);
            itemStarts.add(n);
        }
        paragraphEnds.addAll(List.of("svg", "math"));
        itemEnds.addAll(List.of("svg", "math"));
        Map<String, Integer> starts = masks(paragraphStarts, itemStarts);
        Map<String, Integer> ends = masks(paragraphEnds, itemEnds);
        ends.merge("p", PARAGRAPH, (a, b) -> a | b);
        long[][] sk = new long[1][];
        int[][] sm = new int[1][];
        fill(starts, START, sk, sm);
        START_KEYS = sk[0];
        START_MASKS = sm[0];
        fill(ends, END, sk, sm);
        END_KEYS = sk[0];
        END_MASKS = sm[0];
        Set<String> longNames = new HashSet<>();
        for (String n : starts.keySet()) {
            if (n.length() > 8 && id(n) == ElementNames.OTHER) {
                longNames.add(n);
            }
        }
        for (String n : ends.keySet()) {
            if (n.length() > 8 && id(n) == ElementNames.OTHER) {
                longNames.add(n);
            }
        }
        LONG_NAMES = new NameSet(longNames);
        START[ElementNames.P] |= PARAGRAPH << 8;
        START[LI] |= LIST_ITEM << 8;
        START[DD] |= DESCRIPTION_ITEM << 8;
        START[DT] |= DESCRIPTION_ITEM << 8;
    }

    private static Map<String, Integer> masks(Set<String> paragraph, Set<String> items) {
        Map<String, Integer> m = new HashMap<>();
        for (String n : paragraph) {
            m.merge(n, PARAGRAPH, (a, b) -> a | b);
        }
        for (String n : items) {
            m.merge(n, ITEMS, (a, b) -> a | b);
        }
        return m;
    }

    private static void fill(Map<String, Integer> masks, int[] byId, long[][] keys, int[][] keyMasks) {
        TreeMap<Long, Integer> packed = new TreeMap<>();
        masks.forEach((n, mask) -> {
            byte[] b = n.getBytes(StandardCharsets.ISO_8859_1);
            int id = ElementNames.lookup(b, b.length);
            if (id != ElementNames.OTHER) {
                byId[id] = mask;
            } else if (b.length <= 8) {
                packed.put(ElementNames.pack(b, b.length), mask);
            }
        });
        keys[0] = packed.keySet().stream().mapToLong(Long::longValue).toArray();
        keyMasks[0] = packed.values().stream().mapToInt(Integer::intValue).toArray();
    }

    private OpenBlocks() {
    }

    /** Whether the start tag of {@code id} sets a flag: the tokenizer need not call {@link #after} otherwise. */
    static boolean opens(int id) {
        return START[id] > 0xFF;
    }

    /**
     * The flags open after a tag: {@code open} before it; the tag's name id, its first eight lower-case bytes packed
     * in {@code key}, and the lower-case name in {@code name[0..len)} (read only for a name longer than eight bytes
     * without an id).
     */
    static int after(int open, boolean end, int id, long key, byte[] name, int len) {
        int m;
        if (id != ElementNames.OTHER) {
            m = (end ? END : START)[id];
        } else if (len <= 8) {
            long[] keys = end ? END_KEYS : START_KEYS;
            int i = Arrays.binarySearch(keys, key);
            m = i < 0 ? 0 : (end ? END_MASKS : START_MASKS)[i];
        } else {
            m = LONG_NAMES.contains(id, key, name, len) ? PARAGRAPH | ITEMS : 0;
        }
        return open & ~m | m >>> 8;
    }

    private static int id(String name) {
        byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
        return ElementNames.lookup(b, b.length);
    }
}
