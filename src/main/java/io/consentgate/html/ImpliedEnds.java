package io.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Where HTML ends an element whose end tag may be left out ({@code <li>}, {@code <option>}, {@code <p>}, table
 * cells and rows…), for a removal of such an element that must not run on to the end of the document:
 * {@code <li data-consent="marketing">…<li>} is closed by the next {@code <li>}, by the list's end tag, by
 * {@code </body>}. A simplified reading of the WHATWG tree-construction rules, kept to the tags that close these
 * elements: containers of the same kind opened inside the element (a nested list inside a list item) are counted,
 * and only at the element's own level do those tags close it.
 */
final class ImpliedEnds {

    /** Per element: the start tags that close it. */
    private static final Map<String, Set<String>> CLOSING_STARTS = Map.ofEntries(
        Map.entry("li", Set.of("li")),
        Map.entry("dt", Set.of("dt", "dd")),
        Map.entry("dd", Set.of("dt", "dd")),
        Map.entry("option", Set.of("option", "optgroup", "hr")),
        Map.entry("optgroup", Set.of("optgroup", "hr")),
        Map.entry("rt", Set.of("rt", "rp")),
        Map.entry("rp", Set.of("rt", "rp")),
        Map.entry("td", Set.of("td", "th", "tr", "tbody", "thead", "tfoot")),
        Map.entry("th", Set.of("td", "th", "tr", "tbody", "thead", "tfoot")),
        Map.entry("tr", Set.of("tr", "tbody", "thead", "tfoot")),
        Map.entry("thead", Set.of("tbody", "tfoot")),
        Map.entry("tbody", Set.of("tbody", "tfoot")),
        Map.entry("p", Set.of("address", "article", "aside", "blockquote", "center", "details", "dialog", "dir",
            "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "search", "section", "table", "ul")));

    /** Per element: the end tags of its possible parents, which close it too. */
    private static final Map<String, Set<String>> CLOSING_ENDS = Map.ofEntries(
        Map.entry("li", Set.of("ul", "ol", "menu")),
        Map.entry("dt", Set.of("dl")),
        Map.entry("dd", Set.of("dl")),
        Map.entry("option", Set.of("select", "datalist", "optgroup")),
        Map.entry("optgroup", Set.of("select")),
        Map.entry("rt", Set.of("ruby")),
        Map.entry("rp", Set.of("ruby")),
        Map.entry("td", Set.of("tr", "tbody", "thead", "tfoot", "table")),
        Map.entry("th", Set.of("tr", "tbody", "thead", "tfoot", "table")),
        Map.entry("tr", Set.of("tbody", "thead", "tfoot", "table")),
        Map.entry("thead", Set.of("table")),
        Map.entry("tbody", Set.of("table")),
        Map.entry("tfoot", Set.of("table")));

    /** Per element: containers which, opened inside it, have its closing tags apply to their own content. */
    private static final Map<String, Set<String>> SCOPES = Map.ofEntries(
        Map.entry("li", Set.of("ul", "ol", "menu")),
        Map.entry("dt", Set.of("dl")),
        Map.entry("dd", Set.of("dl")),
        Map.entry("option", Set.of("select", "datalist")),
        Map.entry("optgroup", Set.of("select", "datalist")),
        Map.entry("rt", Set.of("ruby")),
        Map.entry("rp", Set.of("ruby")),
        Map.entry("td", Set.of("table")),
        Map.entry("th", Set.of("table")),
        Map.entry("tr", Set.of("table")),
        Map.entry("thead", Set.of("table")),
        Map.entry("tbody", Set.of("table")),
        Map.entry("tfoot", Set.of("table")));

    /**
     * End tags inside a {@code <p>} that close phrasing content, not the paragraph; any other end tag (a container's)
     * closes it.
     */
    private static final Set<String> PHRASING = Set.of("a", "abbr", "b", "bdi", "bdo", "big", "button", "cite", "code",
        "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "label", "map", "mark", "meter", "nobr", "object",
        "output", "picture", "progress", "q", "ruby", "rp", "rt", "s", "samp", "select", "small", "span", "strike",
        "strong", "sub", "sup", "svg", "math", "template", "textarea", "time", "tt", "u", "var", "video", "audio",
        "canvas", "iframe", "noscript", "script", "style", "p");

    private final String element;
    /** Containers of {@link #SCOPES} opened inside the element and not closed yet. */
    private int scopes;

    private ImpliedEnds(String element) {
        this.element = element;
    }

    /** A reader for a removal of {@code name} (lower case), or null when its end tag is never left out. */
    static ImpliedEnds of(byte[] name, int len) {
        // Most removed elements are scripts, images, frames, links: passed on without making a string.
        byte c = len == 0 ? 0 : name[0];
        if (len > 8 || !(c == 'p' && len == 1 || c == 'l' && len == 2 || c == 'd' || c == 'o' || c == 'r'
            || c == 't')) {
            return null;
        }
        String n = new String(name, 0, len, StandardCharsets.ISO_8859_1);
        return CLOSING_STARTS.containsKey(n) || CLOSING_ENDS.containsKey(n) || n.equals("tfoot") ? new ImpliedEnds(n)
            : null;
    }

    /** Whether a container of the element's kind is open inside it: its items and end tags are a nested list's. */
    boolean nested() {
        return scopes > 0;
    }

    /**
     * Whether the tag {@code name} (lower case; an end tag when {@code end}; not the element's own name) closes the
     * removed element; counts the containers it opens or closes otherwise.
     */
    boolean closes(String name, boolean end) {
        if (end && (name.equals("body") || name.equals("html"))) {
            return true;
        }
        Set<String> scope = SCOPES.getOrDefault(element, Set.of());
        if (scope.contains(name)) {
            if (!end) {
                scopes++;
                return false;
            }
            if (scopes > 0) {
                scopes--;
                return false;
            }
        }
        if (scopes > 0) {
            return false;
        }
        if (!end) {
            return CLOSING_STARTS.getOrDefault(element, Set.of()).contains(name);
        }
        if (element.equals("p")) {
            return !PHRASING.contains(name);
        }
        return CLOSING_ENDS.getOrDefault(element, Set.of()).contains(name);
    }
}
