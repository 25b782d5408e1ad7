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
 *   <li>{@link #PARAGRAPH}: by a start tag that closes a paragraph ({@code <div>}, {@code <ul>}, {@code <summary>},
 *       {@code <table>}…) or opens a scope boundary ({@code <button>}, {@code <object>}, {@code <template>}…: a
 *       paragraph outside one is not closed by tags inside it), and by an end tag that can close an open paragraph:
 *       the paragraph's own, and those with a rule of their own that look for their element in scope ({@code
 *       </div>}, {@code </li>}, {@code </td>}, {@code </button>}…, and {@code </template>});</li>
 *   <li>{@link #LIST_ITEM} and {@link #DESCRIPTION_ITEM}: by the start tag of a special element other than {@code
 *       <address>}, {@code <div>} and {@code <p>} (a browser looks for the item to close only as far as one: a nested
 *       list, a table, a section) or of a scope boundary, and by the same end tags but those three. A {@code </div>}
 *       or {@code </address>} clears them when no element of its name was opened in the item: it closes one the item
 *       is in, and the item with it ({@code <ul><div><li>a</div>}), or it is ignored, which is not followed; the
 *       {@code <div>}s and {@code <address>}es opened in the item are followed, up to eight deep, so that their own
 *       end tags leave it open ({@code <li>a<div>b</div>}).</li>
 * </ul>
 * Any other end tag leaves them as they are: a browser closes with it only the elements opened after the paragraph or
 * item, which is special ({@code </span>}, {@code </slot>}, {@code </font>}), or it ends raw text ({@code
 * </script>}, {@code </style>}, {@code </textarea>}, {@code </iframe>}). {@code <svg>} and {@code <math>} clear all
 * three, and so do their integration points and their end tags. Phrasing start tags ({@code <a>}, {@code <img>},
 * {@code <script>}) leave them as they are. {@code <noscript>} clears them: its content is text to a browser that runs
 * scripts, markup to one that does not.
 *
 * <p>What a {@code <button>}, {@code <object>}, {@code <applet>}, {@code <marquee>}, {@code <select>}, {@code
 * <template>}, {@code <svg>}, {@code <math>} or {@code <noscript>} cleared is kept aside, and its own end tag brings it
 * back ({@code <p>a <button>b</button> <span data-consent=…>c<div>}) when nothing in between can have closed the
 * paragraph or item or left the element open past its end tag: no end tag that clears a flag, and no start tag of a
 * scope boundary ({@code <table>}, {@code <td>}, an SVG title); in SVG/MathML content and a {@code <noscript>} no start
 * tag that clears a flag either ({@code <div>} leaves SVG and closes the paragraph; it does in a {@code <noscript>}
 * read by a browser without scripts). One of those elements inside another ({@code <button><svg>…</svg></button>}) is
 * followed the same way, up to three deep. A template's end tag pops all that is open in it, and nothing in it reaches
 * out: any tag leaves what it keeps. Otherwise the flags stay clear.
 *
 * <p>Beside the flags, how many {@code <table>}s are open ({@link #tables}): one more at each {@code <table>} start
 * tag, one less at each {@code </table>} (none below zero), wherever they are: what a holder keeps aside does not
 * include it, as a cell's and a caption's closing tags reach past any holder but a template. Past six the count is
 * {@link #TABLES_LOST}, for good. A {@code <table>} read between rows, which a browser takes for the end of the open
 * table, counts as a nested one; a {@code </table>} a browser ignores in a template lowers it. While a table is open
 * the state is not zero, and the tokenizer calls {@link #after} for every tag.
 *
 * <p>It is an approximation of the stack of open elements, and errs on the side that changes nothing: whenever it
 * cannot tell, a flag is clear, and a removal then ends where it did before this was tracked.
 */
final class OpenBlocks {

    static final int PARAGRAPH = 1;
    static final int LIST_ITEM = 2;
    static final int DESCRIPTION_ITEM = 4;
    private static final int ITEMS = LIST_ITEM | DESCRIPTION_ITEM;
    /**
     * The flags in the tokenizer's state, and the {@code <div>}s and {@code <address>}es opened in the item since its
     * start tag ({@link #DIVISIONS}); above them, 16 bits for each holder open ({@link #after}): the same, and the
     * holder's code ({@link #CODE}; where the current level has the table count, {@link #TABLES}).
     */
    private static final int FLAGS = PARAGRAPH | ITEMS;
    private static final int LEVEL = 16;
    private static final int CODE = 3;
    /**
     * Where the divisions opened in an item since its start tag and still open are kept, while an item flag is set: a
     * bit each, innermost lowest ({@code <address>} 1, {@code <div>} 0), under a leading 1; zero when there are none.
     * Up to {@link #MAX_DIVISIONS}: past that, the item flags are cleared.
     */
    private static final int DIVISIONS = 7;
    private static final int MAX_DIVISIONS = 8;
    private static final int UNIT = (1 << LEVEL) - 1;
    /**
     * How many {@code <table>}s are open ({@link #tables}), in the bits of the current level where a holder's unit
     * keeps its code: not one level's, and never kept aside. {@link #TABLES_LOST} once more than six were open.
     */
    private static final int TABLES = CODE;
    private static final int TABLE_COUNT = 7 << TABLES;
    static final int TABLES_LOST = 7;

    // A mask per tag: the flags it clears, those it sets (<< SET), the holder it opens or closes (<< HOLDER: a code
    // of HOLDERS), whether its start tag opens a scope boundary (BOUNDARY), which ends what a holder it is in keeps
    // aside unless it is a holder itself (see keeps), whether it is a <div>'s or an <address>'s (DIV, ADDRESS), and
    // whether it is a <table>'s (TABLE: counted).
    private static final int SET = 8;
    private static final int HOLDER = 16;
    private static final int BOUNDARY = 1 << 24;
    private static final int DIV = 1 << 25;
    private static final int ADDRESS = 1 << 26;
    private static final int TABLE = 1 << 27;
    /**
     * The holders, by code (1-based): from {@link #STRICT} on, any start tag that clears a flag but a holder's ends
     * what is kept.
     */
    private static final List<String> HOLDERS = List.of("button", "object", "applet", "marquee", "select", "template",
        "svg", "math", "noscript");
    private static final int STRICT = HOLDERS.indexOf("svg") + 1;
    /** A template's end tag pops all its content, and nothing in it reaches out: only a nested one stops it. */
    private static final int TEMPLATE = HOLDERS.indexOf("template") + 1;

    private static final int LI = id("li");
    private static final int DD = id("dd");
    private static final int DT = id("dt");

    /** Per id: the mask of a start tag. */
    private static final int[] START = new int[128];
    /** Per id: the mask of an end tag. */
    private static final int[] END = new int[128];
    /** The same for names without an id of up to eight bytes, packed as {@link ElementNames#pack}, sorted. */
    private static final long[] START_KEYS;
    private static final int[] START_MASKS;
    private static final long[] END_KEYS;
    private static final int[] END_MASKS;
    /** Names longer than eight bytes without an id that clear flags: each clears all of them, start or end. */
    private static final NameSet LONG_NAMES;

    static {
        Set<String> boundaries = new HashSet<>(HtmlElementKinds.SCOPE_BOUNDARIES);
        boundaries.add("button");
        boundaries.add("noscript");
        // SVG and MathML content (its integration points are scope boundaries): nothing in it reaches the blocks
        // outside, and what it leaves open is not followed
        boundaries.addAll(List.of("svg", "math"));
        boundaries.addAll(HtmlElementKinds.INTEGRATION_POINTS);
        Set<String> paragraphStarts = new HashSet<>(HtmlElementKinds.CLOSING_STARTS.get("p"));
        paragraphStarts.addAll(boundaries);
        Set<String> itemStarts = new HashSet<>();
        for (String n : HtmlElementKinds.SPECIAL) {
            if (!n.equals("address") && !n.equals("div") && !n.equals("p") && HtmlElementKinds.holdsElements(n)) {
                itemStarts.add(n);
            }
        }
        itemStarts.addAll(boundaries);
        // The end tags that can close an open paragraph or item: those that look for their element in scope, and
        // pop all that is open in it; a template's, and the holders' (for what they held).
        Set<String> paragraphEnds = new HashSet<>(HtmlElementKinds.BLOCK_ENDS);
        paragraphEnds.addAll(List.of("template", "svg", "math", "noscript"));
        Set<String> itemEnds = new HashSet<>(paragraphEnds);
        itemEnds.removeAll(List.of("address", "div", "p"));
        Map<String, Integer> starts = masks(paragraphStarts, itemStarts);
        Map<String, Integer> ends = masks(paragraphEnds, itemEnds);
        for (String n : boundaries) {
            starts.merge(n, BOUNDARY, (a, b) -> a | b);
        }
        for (int i = 0; i < HOLDERS.size(); i++) {
            int code = (i + 1) << HOLDER;
            starts.merge(HOLDERS.get(i), code, (a, b) -> a | b);
            ends.merge(HOLDERS.get(i), code, (a, b) -> a | b);
        }
        starts.merge("div", DIV, (a, b) -> a | b);
        ends.merge("div", DIV, (a, b) -> a | b);
        starts.merge("address", ADDRESS, (a, b) -> a | b);
        ends.merge("address", ADDRESS, (a, b) -> a | b);
        starts.merge("table", TABLE, (a, b) -> a | b);
        ends.merge("table", TABLE, (a, b) -> a | b);
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
        for (String n : longNames) {
            if (!(starts.getOrDefault(n, FLAGS) == FLAGS && ends.getOrDefault(n, FLAGS) == FLAGS)) {
                throw new AssertionError(n + ": a long name without an id is taken to clear all flags, start or end");
            }
        }
        LONG_NAMES = new NameSet(longNames);
        if ((START[id("table")] & TABLE) == 0) {
            throw new AssertionError("<table> is taken to have a name id: opens() reads its mask by id");
        }
        START[ElementNames.P] |= PARAGRAPH << SET;
        START[LI] |= LIST_ITEM << SET;
        START[DD] |= DESCRIPTION_ITEM << SET;
        START[DT] |= DESCRIPTION_ITEM << SET;
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

    /**
     * Whether the start tag of {@code id} sets a flag or opens a table: the tokenizer need not call {@link #after}
     * otherwise.
     */
    static boolean opens(int id) {
        return (START[id] & (FLAGS << SET | TABLE)) != 0;
    }

    /** The flags of the tokenizer's state {@code open}: what a removal that begins there reads. */
    static int flags(long open) {
        return (int) open & FLAGS;
    }

    /**
     * How many {@code <table>}s are open in the tokenizer's state {@code open}, counted by their start and end tags,
     * whatever holder they are in: zero when none is; {@link #TABLES_LOST} when more than six were open, and the
     * count is not known any more (it stays so).
     */
    static int tables(long open) {
        return ((int) open & TABLE_COUNT) >>> TABLES;
    }

    /**
     * The state after a tag: {@code open} before it; the tag's name id, its first eight lower-case bytes packed in
     * {@code key}, and the lower-case name in {@code name[0..len)} (read only for a name longer than eight bytes
     * without an id). Zero when no flag is set or kept aside and no table is open.
     */
    static long after(long open, boolean end, int id, long key, byte[] name, int len) {
        int m = mask(end, id, key, name, len);
        if (m == 0) {
            return open;
        }
        int tables = (int) open & TABLE_COUNT;
        if ((m & TABLE) != 0 && tables != TABLE_COUNT) {
            // (a </table> with none open is ignored by a browser; past six, the count is lost for good)
            tables = end ? Math.max(0, tables - (1 << TABLES)) : tables + (1 << TABLES);
        }
        return blocks(open & ~TABLE_COUNT, end, m) | tables;
    }

    /** The mask of a tag: its name id, packed name and name as {@link #after} has them. */
    private static int mask(boolean end, int id, long key, byte[] name, int len) {
        int m;
        if (id != ElementNames.OTHER) {
            m = (end ? END : START)[id];
        } else if (len <= 8) {
            long[] keys = end ? END_KEYS : START_KEYS;
            int i = Arrays.binarySearch(keys, key);
            m = i < 0 ? 0 : (end ? END_MASKS : START_MASKS)[i];
        } else {
            m = LONG_NAMES.contains(id, key, name, len) ? FLAGS : 0;
        }
        return m;
    }

    /** {@link #after} for the flags and what holders keep aside: {@code open} without the table count. */
    private static long blocks(long open, boolean end, int m) {
        int code = m >>> HOLDER & 0xFF;
        long held = open >>> LEVEL; // 16 bits per holder open, the innermost lowest: what it keeps, and its code
        if (held != 0) {
            int top = (int) held >>> CODE & 0xF;
            if (end && code == top) {
                return held & UNIT & ~(0xF << CODE) | held >>> LEVEL << LEVEL; // what it put out of reach is back
            }
            if (!keeps(top, end, m, code)) {
                held = 0; // what was kept aside may have been closed, or a holder left open: it stays clear
            }
        }
        int here = (int) open & UNIT;
        if ((m & (DIV | ADDRESS)) != 0 && (here & ITEMS) != 0) {
            here = divisions(here, end, (m & ADDRESS) != 0);
        }
        int flags = here & FLAGS & ~m | m >>> SET & FLAGS;
        if ((flags & ITEMS) != 0 && (m & ITEMS << SET) == 0) {
            flags |= here & ~FLAGS; // the same item: what is open in it stays
        }
        if (!end && code != 0 && (held != 0 || (here & FLAGS) != 0)) {
            if (held >>> 2 * LEVEL != 0) {
                return flags; // nested too deep: not followed
            }
            return flags | (held << LEVEL | here | code << CODE) << LEVEL;
        }
        return flags | held << LEVEL;
    }

    /**
     * The start or end tag of a {@code <div>} ({@code address}: an {@code <address>}) while an item flag is set in
     * {@code here} (the flags and divisions of the current level): the one opened is pushed; an end tag pops the
     * innermost of its name and what was opened in it, or, when none was opened in the item, closes the item, opened
     * in one (a browser ignores it when none is open at all, which is not followed: the flag is cleared all the same).
     */
    private static int divisions(int here, boolean end, boolean address) {
        int stack = here >>> DIVISIONS;
        if (!end) {
            if (stack >>> MAX_DIVISIONS != 0) {
                return here & ~ITEMS & FLAGS; // deeper than followed
            }
            return here & FLAGS | (Math.max(stack, 1) << 1 | (address ? 1 : 0)) << DIVISIONS;
        }
        int kind = address ? 1 : 0;
        for (int s = stack; s > 1; s >>>= 1) {
            if ((s & 1) == kind) {
                int rest = s >>> 1;
                return here & FLAGS | (rest == 1 ? 0 : rest) << DIVISIONS;
            }
        }
        return here & ~ITEMS & FLAGS;
    }

    /**
     * Whether what the innermost holder open ({@code top}, a code) keeps aside is still certain after a tag that
     * changes the flags ({@code m}: its mask, {@code code}: the holder it opens or closes, if another one): a holder's
     * start tag opens one inside it; in a template, any tag but a template's end tag leaves it; elsewhere an end tag
     * does not, nor does the start tag of a scope boundary, nor in SVG/MathML content and a noscript any start tag.
     */
    private static boolean keeps(int top, boolean end, int m, int code) {
        if (top == TEMPLATE) {
            return true;
        }
        if (end) {
            return false;
        }
        return code != 0 || (m & BOUNDARY) == 0 && top < STRICT;
    }

    private static int id(String name) {
        byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
        return ElementNames.lookup(b, b.length);
    }
}
