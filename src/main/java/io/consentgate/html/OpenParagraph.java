package io.consentgate.html;

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
 * <p>Names are tested by a {@link NameSet}, and only while the flag is set or the tag is a {@code <p>}.
 */
final class OpenParagraph {

    /** Start tags after which no paragraph is open in reach. */
    private static final NameSet STARTS;
    /** End tags after which no paragraph is open in reach. */
    private static final NameSet ENDS;

    static {
        Set<String> starts = new HashSet<>(HtmlElementKinds.CLOSING_STARTS.get("p"));
        starts.addAll(HtmlElementKinds.SCOPE_BOUNDARIES);
        starts.add("button");
        starts.add("noscript"); // its content is text to a browser that runs scripts
        Set<String> ends = new HashSet<>(HtmlElementKinds.SPECIAL);
        ends.addAll(HtmlElementKinds.BLOCK_ENDS);
        ends.addAll(HtmlElementKinds.OTHER_CONTAINERS);
        STARTS = new NameSet(starts);
        ENDS = new NameSet(ends);
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
        return !(end ? ENDS : STARTS).contains(id, key, name, len);
    }
}
