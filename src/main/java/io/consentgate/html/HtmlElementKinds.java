package io.consentgate.html;

import java.util.Map;
import java.util.Set;

/**
 * The kinds of HTML element that the WHATWG tree-construction rules treat alike, as {@link ImpliedEnds} and
 * {@link ForeignEnds} need them to tell where a browser closes an element whose end tag is missing: which start and
 * end tags close which elements, the "special" category, scope boundaries, formatting elements, elements without
 * content. Names are lower case.
 */
final class HtmlElementKinds {

    /** Per element: the start tags that close it. */
    static final Map<String, Set<String>> CLOSING_STARTS = Map.ofEntries(
        Map.entry("li", Set.of("li")),
        Map.entry("dt", Set.of("dt", "dd")),
        Map.entry("dd", Set.of("dt", "dd")),
        Map.entry("option", Set.of("option", "optgroup", "hr")),
        Map.entry("optgroup", Set.of("optgroup", "hr")),
        Map.entry("rb", Set.of("rb", "rt", "rtc", "rp")),
        Map.entry("rt", Set.of("rb", "rt", "rtc", "rp")),
        Map.entry("rp", Set.of("rb", "rt", "rtc", "rp")),
        Map.entry("rtc", Set.of("rb", "rtc")),
        Map.entry("caption", Set.of("caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr")),
        // (any start tag but <col> and <template>: ImpliedEnds; these are the table's)
        Map.entry("colgroup", Set.of("caption", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr")),
        Map.entry("td", Set.of("td", "th", "tr", "tbody", "thead", "tfoot")),
        Map.entry("th", Set.of("td", "th", "tr", "tbody", "thead", "tfoot")),
        Map.entry("tr", Set.of("tr", "tbody", "thead", "tfoot")),
        Map.entry("thead", Set.of("tbody", "tfoot")),
        Map.entry("tbody", Set.of("tbody", "tfoot")),
        Map.entry("p", Set.of("address", "article", "aside", "blockquote", "center", "details", "dialog", "dir",
            "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "search", "section", "summary", "table",
            "ul", "li", "dd", "dt", "listing", "xmp", "plaintext")));

    /** Per element: the end tags of its possible parents, which close it too. */
    static final Map<String, Set<String>> CLOSING_ENDS = Map.ofEntries(
        Map.entry("li", Set.of("ul", "ol", "menu")),
        Map.entry("dt", Set.of("dl")),
        Map.entry("dd", Set.of("dl")),
        Map.entry("option", Set.of("select", "datalist", "optgroup")),
        Map.entry("optgroup", Set.of("select")),
        Map.entry("caption", Set.of("table")),
        Map.entry("colgroup", Set.of("table")),
        Map.entry("td", Set.of("tr", "tbody", "thead", "tfoot", "table")),
        Map.entry("th", Set.of("tr", "tbody", "thead", "tfoot", "table")),
        Map.entry("tr", Set.of("tbody", "thead", "tfoot", "table")),
        Map.entry("thead", Set.of("table")),
        Map.entry("tbody", Set.of("table")),
        Map.entry("tfoot", Set.of("table")));

    /** Per element: containers which, opened inside it, have its closing tags apply to their own content. */
    static final Map<String, Set<String>> SCOPES = Map.ofEntries(
        Map.entry("li", Set.of("ul", "ol", "menu")),
        Map.entry("dt", Set.of("dl")),
        Map.entry("dd", Set.of("dl")),
        Map.entry("option", Set.of("select", "datalist")),
        Map.entry("optgroup", Set.of("select", "datalist")),
        Map.entry("caption", Set.of("table")),
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
    static final Set<String> PHRASING = Set.of("a", "abbr", "b", "bdi", "bdo", "big", "button", "cite", "code",
        "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "label", "map", "mark", "meter", "nobr", "object",
        "output", "picture", "progress", "q", "ruby", "rp", "rt", "s", "samp", "select", "small", "span", "strike",
        "strong", "sub", "sup", "svg", "math", "template", "textarea", "time", "tt", "u", "var", "video", "audio",
        "canvas", "iframe", "noscript", "script", "style", "p");

    /** The names of the SVG/MathML integration points ({@code <foreignObject>}, {@code <mi>}…). */
    static final Set<String> INTEGRATION_POINTS = Set.of("foreignobject", "desc", "title", "mi", "mo", "mn",
        "ms", "mtext", "annotation-xml");

    /** The HTML elements of the WHATWG "special" category: end tags without a rule of their own stop at them. */
    static final Set<String> SPECIAL = Set.of("address", "applet", "area", "article", "aside", "base",
        "basefont", "bgsound", "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
        "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer", "form", "frame",
        "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img",
        "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes",
        "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select",
        "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
        "title", "tr", "track", "ul", "wbr", "xmp");

    /**
     * Elements no end tag of an element outside them reaches (the default scope's boundaries, and {@code <select>},
     * in which a browser ignores end tags other than its own and its options').
     */
    static final Set<String> SCOPE_BOUNDARIES = Set.of("applet", "caption", "html", "table", "td", "th",
        "marquee", "object", "template", "select");

    /**
     * End tags with a rule of their own in a body: they close the open element of their name that is in scope, and
     * everything opened after it, special or not.
     */
    static final Set<String> BLOCK_ENDS = Set.of("address", "article", "aside", "blockquote", "button",
        "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header",
        "hgroup", "listing", "main", "menu", "nav", "ol", "pre", "search", "section", "summary", "ul", "form", "p",
        "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "applet", "marquee", "object", "table", "caption",
        "tbody", "thead", "tfoot", "tr", "td", "th", "select");

    /**
     * Formatting elements: a browser reopens one whose end tag is missing in every block that follows, with its
     * attributes, so its content runs on to its own end tag as far as a removal is concerned.
     */
    static final Set<String> FORMATTING = Set.of("a", "b", "big", "code", "em", "font", "i", "nobr", "s",
        "small", "strike", "strong", "tt", "u");

    /** End tags of a table's parts, which a browser in a table cell or caption looks for in table scope. */
    static final Set<String> TABLE_ENDS = Set.of("caption", "table", "tbody", "tfoot", "thead", "tr", "td",
        "th");

    /** Elements whose start tag closes an open element of the same name instead of nesting in it. */
    static final Set<String> NOT_NESTED = Set.of("a", "button", "nobr");

    /**
     * Elements that never have an element inside: their end tag closes no ancestor. And {@code svg}, {@code math}:
     * read in HTML content, their end tag names no HTML element, and a browser ignores it.
     */
    static final Set<String> NO_ELEMENTS = Set.of("area", "base", "basefont", "bgsound", "br", "col",
        "embed", "frame", "hr", "img", "image", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
        "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
        "svg", "math");

    /**
     * The parts of a ruby annotation: closed by the start tag of another ({@link #CLOSING_STARTS}) only when nothing
     * but {@link #IMPLIED_ENDS} is open in them, and by {@code </ruby>}.
     */
    static final Set<String> RUBY_PARTS = Set.of("rb", "rt", "rp", "rtc");

    /** The elements a browser's "generate implied end tags" closes while one of them is the current node. */
    static final Set<String> IMPLIED_ENDS = Set.of("dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt",
        "rtc");

    /** Elements with content that are neither special nor phrasing: their end tag may close an ancestor too. */
    static final Set<String> OTHER_CONTAINERS = Set.of("dialog", "slot", "frameset", "colgroup", "optgroup",
        "option", "rb", "rtc", "datalist", "legend", "hgroup", "search", "font", "blink", "marquee", "applet");

    static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    /** Whether the start tag {@code name} closes an open paragraph. */
    static boolean closesParagraph(String name) {
        return CLOSING_STARTS.get("p").contains(name);
    }

    /** Whether the end tag {@code name} has a rule of its own in a body: it looks for its element in scope. */
    static boolean hasOwnEndRule(String name) {
        return BLOCK_ENDS.contains(name);
    }

    /** Whether {@code name} is an HTML element of the WHATWG "special" category. */
    static boolean isSpecial(String name) {
        return SPECIAL.contains(name);
    }

    /** Whether {@code name} is an element that never has an element inside (see {@link #NO_ELEMENTS}). */
    static boolean holdsNoElements(String name) {
        return NO_ELEMENTS.contains(name);
    }

    /** Whether {@code name} is an HTML element that has elements inside, but the document's own. */
    static boolean holdsElements(String name) {
        return !NO_ELEMENTS.contains(name) && !name.equals("body") && !name.equals("html") && !name.equals("head")
            && (SPECIAL.contains(name) || PHRASING.contains(name) || OTHER_CONTAINERS.contains(name)
            || BLOCK_ENDS.contains(name) || FORMATTING.contains(name));
    }

    private HtmlElementKinds() {
    }
}
