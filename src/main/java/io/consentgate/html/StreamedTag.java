package io.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A start tag longer than the hold cap under {@link OverflowAction#FAIL_CLOSED}, of an element that loads nothing but
 * through its attributes: it is kept, and read attribute by attribute as it streams ({@link Tokenizer#streamAttributes}),
 * each attribute kept or skipped by its name and the first bytes of its value, never by what came before or after
 * it, so the outcome does not depend on how the input was split. Such tags are a page's own data, not trackers: a
 * Jakarta Faces view state saved on the client ({@code <input type=hidden name=jakarta.faces.ViewState value=…>}),
 * page props in an attribute ({@code <div id=app data-page=…>}), an inline image ({@code <img src="data:…">}), a long
 * SVG path; removing them, the earlier outcome, broke the page.
 *
 * <p>Skipped: every attribute that could load, run or gate something: event handlers ({@code on…}), URLs other than
 * a link's own destination and an image's {@code data:} URL ({@code src}, {@code srcset}, {@code href} and
 * {@code xlink:href} outside links, {@code ping}, {@code poster}, {@code data}, {@code srcdoc}, lazy-loading copies
 * such as {@code data-src}…, and the copies consent managers park, {@link ParkedUrls}), {@code style} and
 * {@code background}, and the operator's category attribute, whose element then loses its content (fail-closed:
 * its value is not read).
 */
final class StreamedTag {

    /** Attribute names (lower case) that can load or run something on any element. */
    private static final Set<String> LOADING = Set.of("src", "srcset", "href", "xlink:href", "style", "background",
        "ping", "poster", "data", "srcdoc", "lowsrc", "dynsrc", "imagesrcset", "manifest", "codebase", "archive",
        "classid", "attributionsrc");
    /** Attribute names (lower case) whose URL is a destination, followed only when the visitor follows it. */
    private static final Set<String> DESTINATIONS = Set.of("action", "formaction");
    /** Schemes of a destination that only navigate ({@code javascript:} runs, so it is not one of them). */
    private static final String[] NAVIGATING = {"http:", "https:", "mailto:", "tel:", "data:"};

    private final RewriteEngine engine;
    private final Tokenizer tok;
    private final String categoryAttribute;
    private int element;
    private String elementName;
    private long line;
    private long column;
    private boolean gated;
    private int skipped;

    StreamedTag(RewriteEngine engine, Tokenizer tok, byte[] categoryAttribute) {
        this.engine = engine;
        this.tok = tok;
        this.categoryAttribute = new String(categoryAttribute, StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the current start tag, over the cap, is kept and streamed: elements that load or run nothing but
     * through attributes this class skips. Scripts, styles, frames, embeds, links, meta, base, SVG images and the
     * elements that change how the content after them is read are not.
     */
    boolean begin() {
        int id = tok.nameId;
        // <font> is left out: its attributes decide whether it ends SVG/MathML content, which only a tag read whole
        // tells the tokenizer
        boolean kind = (ElementNames.isPlainStart(id) || id == ElementNames.IMG || id == ElementNames.INPUT
            || id == ElementNames.BODY || id == ElementNames.DETAILS) && id != ElementNames.FONT;
        if (!kind || !tok.streamAttributes()) {
            return false;
        }
        element = id;
        elementName = new String(tok.name, 0, tok.nameLen, StandardCharsets.ISO_8859_1);
        line = tok.lineOf(tok.tagStart);
        column = tok.columnOf(tok.tagStart);
        gated = false;
        skipped = 0;
        return true;
    }

    /** See {@link TokenHandler#keepStreamedAttribute}. */
    boolean keep(int nameStart, int nameEnd, int valueStart, int prefixEnd) {
        byte[] b = tok.buf;
        String name = new String(b, nameStart, nameEnd - nameStart, StandardCharsets.ISO_8859_1)
            .toLowerCase(java.util.Locale.ROOT);
        boolean keep;
        if (name.equals(categoryAttribute)) {
            keep = !gates(b, valueStart, prefixEnd);
            gated |= !keep;
        } else if (name.startsWith("on")) {
            keep = false;
        } else if (name.startsWith("data-") && (name.endsWith("src") || name.endsWith("srcset")
            || name.equals("data-original") || name.contains("bg") || name.contains("background"))
            || ParkedUrls.parks(name)) {
            keep = false;
        } else if (name.equals("href") && (element == ElementNames.A || element == ElementNames.AREA)
            || DESTINATIONS.contains(name)) {
            keep = valueStart >= 0 && navigates(b, valueStart, prefixEnd);
        } else if (name.equals("src") && (element == ElementNames.IMG || element == ElementNames.INPUT)) {
            keep = valueStart >= 0 && startsWithAny(b, valueStart, prefixEnd, new String[] {"data:image/"});
        } else {
            keep = !LOADING.contains(name);
        }
        if (!keep) {
            skipped++;
        }
        return keep;
    }

    /**
     * Whether the category attribute, of which {@code [from, to)} starts the value, gates the element away, as
     * {@link ElementRules} decides it for a tag read whole: never on {@code <html>}, {@code <head>} or {@code <body>};
     * a value that names a refused category does; one that names only allowed categories, or no category at all (a
     * site's own use of the name: the element, with what could load skipped, loads nothing) does not. A value longer
     * than what is read of it, or written with a character reference, does: fail-closed.
     */
    private boolean gates(byte[] b, int from, int to) {
        if (element == ElementNames.BODY || elementName.equalsIgnoreCase("html")
            || elementName.equalsIgnoreCase("head")) {
            return false;
        }
        if (from < 0) {
            return false; // no value: names no category
        }
        if (to - from >= Tokenizer.STREAMED_VALUE_PREFIX) {
            return true;
        }
        String value = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        if (value.indexOf('&') >= 0) {
            return true;
        }
        java.util.EnumSet<io.consentgate.Category> named = java.util.EnumSet.noneOf(io.consentgate.Category.class);
        for (String id : ElementRules.LIST_SEPARATOR.split(value.trim())) {
            io.consentgate.Category.fromId(id).ifPresent(named::add);
        }
        return !engine.decision.allowsAll(named);
    }

    /** The streamed tag ended: reported, and a gated element's content goes. */
    void end() throws java.io.IOException {
        if (skipped > 0 || gated) {
            engine.event(TrackerEvent.Action.NEUTRALIZED, line, column, elementName, null, null, Set.of());
        }
        if (gated) {
            engine.dropContentOfKeptTag();
        }
    }

    /**
     * Whether a destination, of which {@code [from, to)} is the start, only navigates: a URL with one of the
     * {@link #NAVIGATING} schemes, or a relative one (no {@code :} before a {@code /}, {@code ?} or {@code #}). A
     * character reference, a backslash or a control character or space in the prefix makes it unknown: skipped.
     */
    private static boolean navigates(byte[] b, int from, int to) {
        if (startsWithAny(b, from, to, NAVIGATING)) {
            return true;
        }
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '/' || c == '?' || c == '#') {
                return true;
            }
            if (c == ':' || c == '&' || c == '\\' || (c >= 0 && c < 0x21)) {
                return false;
            }
        }
        return true; // no ':' in the first bytes: relative, or a scheme longer than any that runs code
    }

    private static boolean startsWithAny(byte[] b, int from, int to, String[] starts) {
        for (String start : starts) {
            int n = start.length();
            if (to - from < n) {
                continue;
            }
            int k = 0;
            while (k < n && (b[from + k] | (Character.isLetter(start.charAt(k)) ? 0x20 : 0)) == start.charAt(k)) {
                k++;
            }
            if (k == n) {
                return true;
            }
        }
        return false;
    }
}
