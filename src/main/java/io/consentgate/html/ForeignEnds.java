package io.consentgate.html;

import java.util.Set;

/**
 * Where a browser ends a removed SVG or MathML element whose end tag does not come, by the WHATWG rules for tokens in
 * foreign content, so that its removal does not run on to the end of the document. The elements opened inside it are
 * kept on a small stack, with their namespace, as a tree builder keeps them:
 *
 * <ul>
 *   <li>an end tag walks out from the innermost open element and closes the first of its name, with everything opened
 *       after it ({@code </svg>} closes an unclosed {@code <image>} in it); one that names no element open inside
 *       walks on to the ancestors, and is taken for an ancestor's end tag ({@code </g>}, {@code </div>}), unless no
 *       element of its name can be open there ({@code </body>}, {@code </img>}, an {@code </svg>} with no SVG open
 *       around, an SVG name around an {@code <svg>} in HTML content);</li>
 *   <li>a breakout start tag ({@code <div>}, {@code <p>}, {@code <font color>}…) and the end tags {@code </p>},
 *       {@code </br>} close every SVG/MathML element up to the nearest integration point or HTML element;</li>
 *   <li>in an integration point ({@code <foreignObject>}, {@code <desc>}, {@code <mi>}…) start tags are HTML, and an
 *       end tag with an HTML element current follows the HTML rules: it closes an HTML element of its name opened in
 *       the integration point, or nothing (the integration point is a scope boundary and a special element).</li>
 * </ul>
 *
 * Past {@value #MAX_OPEN} open elements inside, only the element's own end tag ends the removal: it fails closed.
 * Created only for a removal that begins in SVG/MathML content (or of an {@code <svg>} or {@code <math>}): the
 * tags it reads are those of that removal.
 */
final class ForeignEnds {

    /** What {@link #read} found: the removal goes on, ends after the tag (its own end tag) or before it. */
    static final int GOES_ON = 0;
    static final int ENDS_AFTER = 1;
    static final int ENDS_BEFORE = 2;

    static final int MAX_OPEN = 64;

    private static final int HTML = 0;
    private static final int SVG = 1;
    private static final int MATH = 2;
    private static final int NS = 3;
    /** An HTML integration point: start tags in it are HTML. */
    private static final int HTML_POINT = 4;
    /** A MathML text integration point: start tags in it but mglyph and malignmark are HTML. */
    private static final int TEXT_POINT = 8;
    /** A MathML annotation-xml that is no HTML integration point: an {@code <svg>} in it is HTML's. */
    private static final int ANNOTATION = 16;

    /**
     * HTML elements that no end tag of an HTML element reaches past (besides the integration points): the WHATWG
     * default scope. {@link HtmlElementKinds#SCOPE_BOUNDARIES} adds {@code select}, which the HTML removals also stop
     * at; no {@code <select>} content reaches SVG/MathML.
     */
    private static final Set<String> SCOPE_BOUNDARIES = Set.of("applet", "caption", "html", "table", "td", "th",
        "marquee", "object", "template");

    /** The names the foreign-content context tracks: an ancestor of one of them is known ({@link #outside}). */
    private static final Set<String> TRACKED = Set.of("svg", "math", "foreignobject", "desc", "title", "mi", "mo",
        "mn", "ms", "mtext", "annotation-xml", "mglyph", "malignmark");

    private static final Set<String> SVG_POINTS = Set.of("foreignobject", "desc", "title");
    private static final Set<String> MATH_POINTS = Set.of("mi", "mo", "mn", "ms", "mtext", "annotation-xml");

    private final String element;
    /** Whether the element's parent is HTML (an {@code <svg>} or {@code <math>} in HTML content). */
    private final boolean htmlParent;
    /** The SVG/MathML contexts open around the element ({@link ForeignContent}): ancestors known by name. */
    private final ForeignContent.Context around;
    /** The element, then the elements open inside it, innermost last: names and kinds. */
    private final String[] names = new String[MAX_OPEN + 1];
    private final int[] kinds = new int[MAX_OPEN + 1];
    private int count;
    /** Set past {@link #MAX_OPEN}: only the element's own end tags are counted ({@link #sameOpen}). */
    private boolean lost;
    private int sameOpen = 1;

    private ForeignEnds(String element, int kind, boolean htmlParent, ForeignContent.Context around) {
        this.element = element;
        this.htmlParent = htmlParent;
        this.around = around;
        names[0] = element;
        kinds[0] = kind;
        count = 1;
    }

    /**
     * A reader for the removal of the current start tag's element, or null when it is an HTML element (its removal
     * follows {@link ImpliedEnds}): one read in SVG/MathML content, an {@code <svg>}, a {@code <math>}, or an
     * {@code <mglyph>}, {@code <malignmark>} in a MathML text integration point.
     */
    static ForeignEnds of(Tokenizer tok) {
        int id = tok.nameId;
        boolean root = !tok.foreign && (id == ElementNames.SVG || id == ElementNames.MATH);
        boolean glyph = !tok.foreign && tok.mathMLInTextPoint(); // in <mi>, a MathML child of it
        if (!tok.foreign && !root && !glyph || tok.nameLen == 0) {
            return null;
        }
        String name = tok.nameString();
        int ns = root ? (id == ElementNames.SVG ? SVG : MATH) : tok.inSvg() ? SVG : MATH;
        return new ForeignEnds(name, kindOf(name, ns, tok), root, tok.foreignSnapshot());
    }

    private static int kindOf(String name, int ns, Tokenizer tok) {
        if (ns == SVG) {
            return name.equals("foreignobject") || name.equals("desc") || name.equals("title") ? SVG | HTML_POINT
                : SVG;
        }
        if (ns == MATH) {
            switch (name) {
                case "mi", "mo", "mn", "ms", "mtext":
                    return MATH | TEXT_POINT;
                case "annotation-xml":
                    return MATH | (tok.isHtmlAnnotation() ? HTML_POINT : ANNOTATION);
                default:
                    return MATH;
            }
        }
        return HTML;
    }

    /**
     * Reads the current tag of the removal ({@code name}: its lower-case name): whether the browser closes the
     * element at it.
     */
    int read(Tokenizer tok, String name) {
        boolean end = tok.endTag;
        if (lost) {
            if (name.equals(element) && !(tok.selfClosing && !end)) {
                sameOpen += end ? -1 : 1;
            }
            return sameOpen == 0 ? ENDS_AFTER : GOES_ON;
        }
        if (name.equals(element) && !end && !tok.selfClosing) {
            sameOpen++;
        } else if (name.equals(element) && end) {
            sameOpen--;
        }
        int current = kinds[count - 1];
        boolean htmlRules = (current & NS) == HTML || !end && ((current & HTML_POINT) != 0
            || (current & TEXT_POINT) != 0 && !name.equals("mglyph") && !name.equals("malignmark")
            || (current & ANNOTATION) != 0 && name.equals("svg"));
        if (htmlRules) {
            return end ? htmlEnd(name) : htmlStart(tok, name);
        }
        if (end ? name.equals("p") || name.equals("br") : tok.breaksOutOfForeign()) {
            // pops the SVG/MathML elements up to an integration point or an HTML element, then read as HTML
            while (count > 0 && (kinds[count - 1] & NS) != HTML
                && (kinds[count - 1] & (HTML_POINT | TEXT_POINT)) == 0) {
                count--;
            }
            if (count == 0) {
                return ENDS_BEFORE;
            }
            return end ? (name.equals("p") ? htmlEnd(name) : GOES_ON) : htmlStart(tok, name);
        }
        if (!end) {
            if (!tok.selfClosing) {
                push(name, kindOf(name, current & NS, tok));
            }
            return GOES_ON;
        }
        // "any other end tag": walks out while the elements are SVG/MathML ones, comparing names
        for (int i = count - 1; ; i--) {
            if (names[i].equals(name)) {
                if (i == 0) {
                    return ENDS_AFTER;
                }
                count = i;
                return GOES_ON;
            }
            if (i == 0) {
                return outside(name);
            }
            if ((kinds[i - 1] & NS) == HTML) {
                return htmlEnd(name);
            }
        }
    }

    /** A start tag read by the HTML rules, in an integration point inside the element. */
    private int htmlStart(Tokenizer tok, String name) {
        if (name.equals("svg") || name.equals("math")) {
            if (!tok.selfClosing) {
                push(name, name.equals("svg") ? SVG : MATH);
            }
        } else if (!ElementNames.isVoid(tok.nameId)) {
            if (HtmlElementKinds.closesParagraph(name)) {
                closeHtml("p");
            } else if (name.equals("li") || name.equals("option")) {
                closeHtml(name);
            } else if (name.equals("dd") || name.equals("dt")) {
                closeHtml("dd");
                closeHtml("dt");
            }
            push(name, HTML);
        }
        return GOES_ON;
    }

    /** Closes the HTML element {@code name} if it is the innermost of the elements opened in the integration point. */
    private void closeHtml(String name) {
        for (int i = count - 1; i > 0 && (kinds[i] & NS) == HTML; i--) {
            if (names[i].equals(name)) {
                count = i;
                return;
            }
        }
    }

    /**
     * An end tag read by the HTML rules: it closes the HTML element of its name open inside the element, unless a
     * special element (a block's end tag: a scope boundary) or an integration point comes first; else it is ignored.
     */
    private int htmlEnd(String name) {
        boolean block = HtmlElementKinds.hasOwnEndRule(name);
        for (int i = count - 1; i >= 0; i--) {
            int k = kinds[i];
            if ((k & NS) == HTML) {
                if (names[i].equals(name)) {
                    count = i;
                    return GOES_ON;
                }
                if (block ? SCOPE_BOUNDARIES.contains(names[i]) : HtmlElementKinds.isSpecial(names[i])) {
                    return GOES_ON;
                }
            } else if ((k & (HTML_POINT | TEXT_POINT | ANNOTATION)) != 0) {
                return GOES_ON;
            } else if (i == 0) {
                return outside(name);
            }
        }
        return GOES_ON;
    }

    /**
     * An end tag that names no element open inside: an ancestor's, unless none of its name can be open around. The
     * SVG/MathML elements tracked around are known (an SVG integration point's name in MathML content, and a MathML
     * one's in SVG content, are ordinary elements, not tracked); an SVG/MathML name else is taken for an ancestor's
     * ({@code <g>}, {@code <a>}, {@code <mrow>}); an HTML name for an ancestor's past the {@code <svg>}, where the
     * HTML rules find it, except where the element or what is open in it is an integration point (a scope boundary).
     */
    private int outside(String name) {
        if (name.equals("body") || name.equals("html") || name.equals("head")) {
            return GOES_ON; // a browser closes nothing there
        }
        if (TRACKED.contains(name)) {
            // an SVG integration point's name is an ordinary element in MathML content, and a MathML one's in SVG
            // content (<svg><mi>): there one of them may be open around without being tracked
            int other = SVG_POINTS.contains(name) ? ElementNames.MATH
                : MATH_POINTS.contains(name) ? ElementNames.SVG : ElementNames.OTHER;
            boolean untracked = false;
            for (ForeignContent.Context c = around; c != null; c = c.parent) {
                if (name.equals(ElementNames.name(c.id))) {
                    return ENDS_BEFORE;
                }
                untracked |= c.id == other;
            }
            return untracked && !htmlParent ? ENDS_BEFORE : GOES_ON;
        }
        boolean html = HtmlElementKinds.holdsElements(name);
        if (!html) {
            return HtmlElementKinds.holdsNoElements(name) || htmlParent && name.indexOf('-') < 0 ? GOES_ON : ENDS_BEFORE;
        }
        for (int i = 0; i < count; i++) {
            if ((kinds[i] & (HTML_POINT | TEXT_POINT | ANNOTATION)) != 0) {
                // past an integration point the HTML rules stop: only an SVG element of the name could be open
                return !htmlParent && name.equals("a") ? ENDS_BEFORE : GOES_ON;
            }
        }
        return ENDS_BEFORE;
    }

    private void push(String name, int kind) {
        if (count == names.length) {
            lost = true;
            return;
        }
        names[count] = name;
        kinds[count++] = kind;
    }
}
