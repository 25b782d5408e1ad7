package io.consentgate.html;

import io.consentgate.catalog.TrackerMatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code amp-bind} bindings of the URL properties that make an AMP component fetch: {@code [src]} (also spelled
 * {@code data-amp-bind-src}) on {@code <amp-img>}, {@code <amp-iframe>}, {@code <amp-video>}, {@code <amp-audio>},
 * {@code <amp-list>}, {@code <amp-render>} and {@code <amp-state>}, {@code [srcset]} on {@code <amp-img>} and
 * {@code [poster]} on {@code <amp-video>}: those amp-bind lets an expression set. The runtime evaluates the expression
 * once the page state changes and the component loads the result. Other bindings ({@code [text]}, {@code [class]},
 * {@code [alt]}, a link's {@code [href]}) and properties amp-bind does not bind ({@code <amp-pixel [src]>}) load
 * nothing and are not read.
 *
 * <p>The expression is not evaluated: a binding goes when one of its string literals, or a run of literals joined by
 * {@code +} ({@code 'https://www.face' + 'book.com/tr?id=1'}), read as the property's URL (a srcset's URLs, a frame's
 * loader path) is a refused tracker's, whatever the expression does with it. A host written in text is no URL
 * ({@code 'connect.facebook.net'} is a relative path), so it is not matched. The component stays: without the binding
 * it does what its own attributes say, and those were judged already.
 */
final class AmpBindings {

    /** How a property's value is read. */
    private enum Kind { URL, SRCSET, FRAME }

    /** A bindable property: its two attribute spellings, and how its value is read. */
    private record Property(byte[] bracketed, byte[] dataSpelling, Kind kind) {

        static Property of(String name, Kind kind) {
            return new Property(("[" + name + "]").getBytes(StandardCharsets.US_ASCII),
                ("data-amp-bind-" + name).getBytes(StandardCharsets.US_ASCII), kind);
        }
    }

    private static final Property SRC = Property.of("src", Kind.URL);
    private static final Property FRAME_SRC = Property.of("src", Kind.FRAME);
    private static final Property SRCSET = Property.of("srcset", Kind.SRCSET);
    private static final Property POSTER = Property.of("poster", Kind.URL);

    private final ElementRules rules;
    private final Tokenizer t;
    private final UrlVerdicts verdicts;

    AmpBindings(ElementRules rules, Tokenizer t, UrlVerdicts verdicts) {
        this.rules = rules;
        this.t = t;
        this.verdicts = verdicts;
    }

    /** Drops the refused bindings of the current start tag, an AMP component's that stays. */
    void startTag() {
        switch (t.nameId) {
            case ElementNames.AMP_IMG:
                check(SRC);
                check(SRCSET);
                break;
            case ElementNames.AMP_IFRAME:
                check(FRAME_SRC);
                break;
            case ElementNames.AMP_VIDEO:
                check(SRC);
                check(POSTER);
                break;
            case ElementNames.AMP_AUDIO:
            case ElementNames.AMP_LIST:
            case ElementNames.AMP_RENDER:
            case ElementNames.AMP_STATE:
                check(SRC);
                break;
            default:
                break;
        }
    }

    private void check(Property p) {
        check(p.bracketed(), p.kind());
        check(p.dataSpelling(), p.kind());
    }

    /** The first attribute of that name decides (the parser drops later ones); a refused one goes with them all. */
    private void check(byte[] name, Kind kind) {
        int i = rules.attr(name);
        if (i < 0 || t.valueFrom(i) < 0) {
            return;
        }
        for (String literal : literals(rules.value(i))) {
            TrackerMatch m = refusal(literal, kind);
            if (m != null) {
                rules.dropAttributes(i, name, m);
                return;
            }
        }
    }

    private TrackerMatch refusal(String literal, Kind kind) {
        switch (kind) {
            case FRAME:
                return verdicts.loaderVerdict(literal.strip());
            case SRCSET:
                for (String candidate : literal.split(",")) {
                    String url = candidate.strip();
                    int space = 0;
                    while (space < url.length() && !ByteScan.isWs(url.charAt(space))) {
                        space++;
                    }
                    TrackerMatch m = verdicts.verdict(url.substring(0, space));
                    if (m != null) {
                        return m;
                    }
                }
                return null;
            default:
                return verdicts.verdict(literal.strip());
        }
    }

    /**
     * The string literals of an amp-bind expression ({@code '…'} or {@code "…"}, which have no escapes), those
     * joined by {@code +} as one; none when a literal is left open (the expression does not compile: nothing is
     * bound).
     */
    static List<String> literals(String expr) {
        List<String> out = new ArrayList<>(2);
        StringBuilder run = null;
        int n = expr.length();
        int i = 0;
        while (i < n) {
            char c = expr.charAt(i);
            if (c != '\'' && c != '"') {
                i++;
                continue;
            }
            int end = expr.indexOf(c, i + 1);
            if (end < 0) {
                return List.of();
            }
            if (run == null) {
                run = new StringBuilder(end - i);
            }
            run.append(expr, i + 1, end);
            i = end + 1;
            int next = skipWs(expr, i);
            if (next < n && expr.charAt(next) == '+') {
                int after = skipWs(expr, next + 1);
                if (after < n && (expr.charAt(after) == '\'' || expr.charAt(after) == '"')) {
                    i = after; // the next literal joins this run
                    continue;
                }
            }
            out.add(run.toString());
            run = null;
        }
        return out;
    }

    private static int skipWs(String s, int i) {
        while (i < s.length() && ByteScan.isWs(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
