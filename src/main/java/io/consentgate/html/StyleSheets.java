package io.consentgate.html;

import io.consentgate.catalog.TrackerMatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSS of a held {@code <style>} element ({@link RewriteEngine}): which of its URLs fetch a refused
 * tracker, and where its statements end. The CSS is read by {@link CssUrls}; URLs are matched against the page's
 * base URL, as the browser resolves them.
 */
final class StyleSheets {

    private final RewriteEngine engine;
    private final UrlVerdicts verdicts;

    StyleSheets(RewriteEngine engine, UrlVerdicts verdicts) {
        this.engine = engine;
        this.verdicts = verdicts;
    }

    /**
     * The URLs of the CSS text {@code b[from..to)} ({@link CssUrls#spans read as CSS}; indexes from {@code from})
     * that fetch a refused tracker, with their matches in {@code refused} (and those of allowed trackers in
     * {@code allowed}); {@code null} when there are none. Text in which every {@code //} starts a host the
     * {@link HostFilter} clears, with no backslash (a CSS escape can hide a host or a slash) and no base URL on a
     * tracker's host, has none and is not parsed: most stylesheets, however long, cost one scan.
     */
    List<CssUrls.Span> refused(byte[] b, int from, int to, List<TrackerMatch> refused, List<TrackerMatch> allowed) {
        if (!verdicts.baseCandidate() && !mayFetchTracker(b, from, to)) {
            return null;
        }
        List<CssUrls.Span> spans = null;
        for (CssUrls.Span span : CssUrls.spans(new String(b, from, to - from, StandardCharsets.ISO_8859_1))) {
            String url = utf8(span.url().strip());
            TrackerMatch m = url.isEmpty() ? null : verdicts.catalogMatch(url);
            if (m != null && engine.decision.allowsAll(m.categories())) {
                allowed.add(m);
            } else if (m != null) {
                spans = spans == null ? new ArrayList<>() : spans;
                spans.add(span);
                refused.add(m);
            }
        }
        return spans;
    }

    /** Whether the text of an SVG style {@code b[from..to)} holds markup or a character reference. */
    static boolean hasMarkup(byte[] b, int from, int to) {
        return ByteScan.indexOf(b, from, to, '<') < to || ByteScan.indexOf(b, from, to, '&') < to;
    }

    /**
     * The text content of an SVG style's held bytes {@code b[from..to)}, as UTF-8: what the browser reads as its CSS.
     * The tokenizer found no tag in them, so a {@code <} starts a CDATA section (its text kept), a comment or a
     * bogus comment (left out), or is text; character references in text are decoded.
     */
    static byte[] svgTextContent(byte[] b, int from, int to) {
        StringBuilder css = new StringBuilder(to - from);
        int text = from;
        int i = from;
        while ((i = ByteScan.indexOf(b, i, to, '<')) < to) {
            int end;
            int keepFrom = -1;
            int keepTo = -1;
            if (ByteScan.startsWith(b, i, to, "<![CDATA[")) {
                keepFrom = i + 9;
                int close = ByteScan.find(b, keepFrom, to, "]]>");
                keepTo = close < 0 ? to : close;
                end = Math.min(to, keepTo + 3);
            } else if (ByteScan.startsWith(b, i, to, "<!--")) {
                end = commentEnd(b, i + 4, to);
            } else if (i + 1 < to && (b[i + 1] == '!' || b[i + 1] == '?' || b[i + 1] == '/')) {
                end = Math.min(to, ByteScan.indexOf(b, i + 1, to, '>') + 1); // a bogus comment, or </> (nothing)
            } else {
                i++;
                continue; // a < of text
            }
            css.append(UrlText.decodeText(b, text, i));
            if (keepFrom >= 0) {
                css.append(new String(b, keepFrom, Math.min(keepTo, to) - keepFrom, StandardCharsets.UTF_8));
            }
            text = end;
            i = end;
        }
        css.append(UrlText.decodeText(b, text, to));
        return css.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Where a comment whose text starts at {@code p} ends: after {@code -->} or {@code --!>} ({@code <!-->} too). */
    private static int commentEnd(byte[] b, int p, int to) {
        if (ByteScan.startsWith(b, p, to, ">")) {
            return p + 1;
        }
        if (ByteScan.startsWith(b, p, to, "->")) {
            return p + 2;
        }
        for (int i = p; i < to; i++) {
            if (ByteScan.startsWith(b, i, to, "-->")) {
                return i + 3;
            }
            if (ByteScan.startsWith(b, i, to, "--!>")) {
                return i + 4;
            }
        }
        return to;
    }

    /** The statements of the CSS text {@code b[from..to)} ({@link CssUrls.Scan}; indexes from {@code from}). */
    CssUrls.Scan scan(byte[] b, int from, int to) {
        return CssUrls.scan(new String(b, from, to - from, StandardCharsets.ISO_8859_1), engine.cfg.maxHeldBytes);
    }

    /** {@code s} (bytes read as ISO-8859-1) with its non-ASCII bytes read as UTF-8, as the page's URLs are. */
    private static String utf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.chars().allMatch(c -> c <= 0xff)
                    ? new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8) : s;
            }
        }
        return s;
    }

    /**
     * Whether the CSS text may name a tracker host: a backslash (an escape can hide anything), or an absolute URL
     * ({@code http:} or {@code https:}, with any number of slashes: {@code https:host} is read as
     * {@code https://host} without a base) or scheme-relative one ({@code //host}) whose host the {@link HostFilter}
     * cannot clear. Each byte is read a bounded number of times, however many candidates the text holds
     * ({@code http:http:...}, a run of slashes): see {@link Candidates}.
     */
    private boolean mayFetchTracker(byte[] b, int from, int to) {
        if (ByteScan.indexOf(b, from, to, '\\') < to) {
            return true;
        }
        Candidates c = new Candidates(b, to);
        int p = from;
        while ((p = ByteScan.indexOf(b, p, to, ':')) < to) {
            int scheme = p - 4 >= from && isHttp(b, p - 4) ? p - 4
                : p - 5 >= from && isHttp(b, p - 5) && (b[p - 1] | 0x20) == 's' ? p - 5 : -1;
            if (scheme >= 0 && c.mayBeTracker(scheme, p, p + 1)) {
                return true;
            }
            p++;
        }
        c = new Candidates(b, to);
        p = from;
        while ((p = ByteScan.indexOf(b, p, to, '/')) < to - 1) {
            if (b[p + 1] != '/') {
                p++;
                continue;
            }
            if (c.mayBeTracker(p, p, p)) {
                return true;
            }
            // every // of a run of slashes starts the same URL, read to the same host: one verdict for the run
            p += 2;
            while (p < to && b[p] == '/') {
                p++;
            }
        }
        return false;
    }

    /** Longest authority (user info, host, port) read for a candidate URL; a longer one is left to the CSS parse. */
    static final int MAX_AUTHORITY = 256;

    /**
     * The candidate URLs of one pass of {@link #mayFetchTracker}, met in increasing order: the end of the token and
     * the next end of an authority found for one candidate are reused by the next candidates before them, so text
     * with a candidate every few bytes and no token end ({@code http:http:...}, {@code //a//a...}) costs one scan,
     * not one per candidate. A candidate whose authority is longer than {@link #MAX_AUTHORITY} is answered "may"
     * (the CSS is then parsed and its URLs matched, which reads each byte once), so the host filter reads a bounded
     * number of bytes per candidate.
     */
    private final class Candidates {
        private final byte[] b;
        private final int to;
        private int tokenEnd = -1;
        private int authorityEnd = -1;

        Candidates(byte[] b, int to) {
            this.b = b;
            this.to = to;
        }

        /**
         * Whether the URL starting at {@code start}, its token read from {@code tokenFrom} and its slashes starting at
         * {@code slashes}, may be a tracker's.
         */
        boolean mayBeTracker(int start, int tokenFrom, int slashes) {
            if (tokenFrom >= tokenEnd) {
                tokenEnd = StyleSheets.tokenEnd(b, tokenFrom, to);
            }
            int a = slashes;
            while (a < tokenEnd && b[a] == '/') {
                a++;
            }
            if (a >= authorityEnd) {
                authorityEnd = a;
                while (authorityEnd < to && b[authorityEnd] != '/' && b[authorityEnd] != '?' && b[authorityEnd] != '#') {
                    authorityEnd++;
                }
            }
            if (Math.min(authorityEnd, tokenEnd) - a > MAX_AUTHORITY) {
                return true;
            }
            return verdicts.hostVerdict(b, start, tokenEnd) != HostFilter.NOT_TRACKER;
        }
    }

    /** Whether {@code b[p..p+4)} is {@code http} in any case. */
    private static boolean isHttp(byte[] b, int p) {
        return (b[p] | 0x20) == 'h' && (b[p + 1] | 0x20) == 't' && (b[p + 2] | 0x20) == 't' && (b[p + 3] | 0x20) == 'p';
    }

    /** Where the URL token around {@code p} ends, for the host filter: at a parenthesis, quote or white space. */
    private static int tokenEnd(byte[] b, int p, int to) {
        while (p < to && b[p] != ')' && b[p] != '"' && b[p] != '\'' && !ByteScan.isWs(b[p])) {
            p++;
        }
        return p;
    }
}
