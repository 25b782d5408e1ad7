package io.consentgate.response;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validators that follow the decision, so a browser never revalidates a copy of a page it got under one decision into
 * a {@code 304} under another (a visitor who withdrew consent would keep the copy with its trackers, one who
 * consented the copy without them).
 *
 * <p>An HTML page's {@code ETag} gets a suffix naming the decision, inside its quotes: {@code "v42"} becomes
 * {@code W/"v42.cg1s"} for a visitor allowed only {@code necessary} (weak, as the body is rewritten) and
 * {@code "v42.cgfs"} for one allowed everything (the body as written). The suffix is {@code .cg}, the allowed
 * categories as a hex mask of their ordinals, and a marker: {@code s} or {@code w} for the application's tag as strong
 * or weak, {@code l} for a tag this library added to a page that had only {@code Last-Modified}. On the way in, a tag
 * with the current decision's suffix is given back to the application as it wrote it (the added {@code l} tag is taken
 * out, leaving {@code If-Modified-Since} to decide); a tag with another decision's suffix is left as it is, so it
 * matches nothing, and with an {@code If-None-Match} present the application ignores {@code If-Modified-Since}.
 *
 * <p>Tags written before ConsentGate enforced here (before it was installed, in report-only mode, with
 * {@code html-rewrite} off) carry no suffix: for a page request by a visitor whose decision refuses something, they
 * and {@code If-Modified-Since} are hidden from the application ({@link ConsentRequest}), since the copy they name is
 * the page as written, trackers included.
 */
final class Validators {

    private static final String MARK = ".cg";
    /** The tag added to a page validated only by {@code Last-Modified}, before its suffix. */
    private static final String ADDED = "cg";
    /** A tag with a decision suffix, of whichever decision. */
    private static final Pattern SUFFIXED = Pattern.compile("\\.cg[0-9a-f]+[swl]\"$");

    private Validators() {
    }

    /** The suffix (without its marker) for {@code decision}: {@code .cg} and the allowed categories' hex mask. */
    static String suffix(ConsentDecision decision) {
        int mask = 0;
        for (Category c : decision.allowed()) {
            mask |= 1 << c.ordinal();
        }
        return MARK + Integer.toHexString(mask);
    }

    /**
     * The {@code ETag} to send for an HTML page under {@code decision}: {@code etag} (the application's, may be null)
     * with the decision's suffix, weak when {@code rewritten}; when the page has no tag but {@code lastModified},
     * an added weak tag; null when the page has no validator (or a tag this class cannot read, or one that carries a
     * decision suffix already: left alone).
     */
    static String tag(String etag, boolean lastModified, ConsentDecision decision, boolean rewritten) {
        if (etag == null || etag.isEmpty()) {
            return lastModified ? "W/\"" + ADDED + suffix(decision) + "l\"" : null;
        }
        boolean weak = etag.startsWith("W/");
        String opaque = weak ? etag.substring(2) : etag;
        if (opaque.length() < 2 || opaque.charAt(0) != '"' || opaque.indexOf('"', 1) != opaque.length() - 1) {
            return null;
        }
        if (SUFFIXED.matcher(opaque).find()) {
            return null; // named already: an error page dispatched after sendError shares the first wrapper's headers
        }
        String inner = opaque.substring(1, opaque.length() - 1);
        return (weak || rewritten ? "W/\"" : "\"") + inner + suffix(decision) + (weak ? 'w' : 's') + '"';
    }

    /**
     * An {@code If-None-Match} field as the application is to see it, for a visitor under {@code decision}.
     *
     * @param lines the field's lines as received (empty when absent)
     * @return the translation: the lines to hand on (empty: the field is taken out) and the client's tags that
     *         carried this decision's suffix; {@code null} when nothing changes
     */
    static Translation ifNoneMatch(List<String> lines, ConsentDecision decision) {
        if (lines.isEmpty()) {
            return null;
        }
        String own = suffix(decision);
        List<String> out = new ArrayList<>();
        Map<String, String> clientTags = new LinkedHashMap<>();
        String matched = null;
        for (String line : lines) {
            List<String> tags = tags(line);
            if (tags == null) {
                out.add(line); // "*" or a field this class cannot read: the application decides, as without us
                continue;
            }
            for (String t : tags) {
                String back = back(t, own);
                if (back == null) {
                    out.add(t);
                } else {
                    matched = matched == null ? t : matched;
                    if (!back.isEmpty()) {
                        out.add(back);
                        clientTags.putIfAbsent(opaque(back), t);
                    }
                }
            }
        }
        if (matched == null) {
            return null;
        }
        return new Translation(out.isEmpty() ? List.of() : List.of(String.join(", ", out)), matched,
                Map.copyOf(clientTags));
    }

    /**
     * Whether the application is not to see {@code If-Modified-Since}: the {@code If-None-Match} field carries only
     * other decisions' tags (and no tag it cannot tell). They match nothing, and the date must not confirm such a copy
     * either: an application that validates by date alone ({@code HttpServlet#getLastModified}) ignores the tags,
     * which RFC 9110 13.1.3 would have it do the other way round.
     *
     * @param lines the {@code If-None-Match} field's lines as received (empty when absent)
     */
    static boolean hidesModifiedSince(List<String> lines, ConsentDecision decision) {
        String own = suffix(decision);
        boolean foreign = false;
        for (String line : lines) {
            List<String> tags = tags(line);
            if (tags == null) {
                return false;
            }
            for (String t : tags) {
                if (back(t, own) != null) {
                    return false;
                }
                foreign |= SUFFIXED.matcher(t).find();
            }
        }
        return foreign;
    }

    /**
     * An {@code If-Match} or {@code If-Range} field as the application is to see it: these compare strongly
     * (RFC 9110 13.1.1, 13.1.5), so only a strong tag with this decision's suffix, which names the page as written
     * byte for byte, is given back as the application wrote it. A weak tag, another decision's tag, {@code *} and a
     * date stay as they are: the first two match nothing, as they must.
     *
     * @param lines the field's lines as received (empty when absent)
     * @return the lines to hand on, or {@code null} when nothing changes
     */
    static List<String> strongPrecondition(List<String> lines, ConsentDecision decision) {
        String own = suffix(decision);
        List<String> out = new ArrayList<>();
        boolean changed = false;
        for (String line : lines) {
            List<String> tags = tags(line);
            if (tags == null) {
                out.add(line);
                continue;
            }
            List<String> kept = new ArrayList<>();
            for (String t : tags) {
                String back = t.startsWith("W/") ? null : back(t, own);
                if (back != null && !back.startsWith("W/") && !back.isEmpty()) {
                    kept.add(back);
                    changed = true;
                } else {
                    kept.add(t);
                }
            }
            out.add(String.join(", ", kept));
        }
        return changed ? List.copyOf(out) : null;
    }

    /**
     * What {@link #ifNoneMatch} hands on, the first client's tag it recognised as this decision's, and those tags by
     * the application's opaque tag behind them.
     */
    record Translation(List<String> lines, String matchedTag, Map<String, String> clientTags) {

        /**
         * The tag a {@code 304} names: the client's tag behind the application's {@code appTag} (a client, such as a
         * shared cache, may send several of this decision's tags, and picks the stored copy by this one), or the
         * first recognised one when the application named none of them.
         */
        String tagFor304(String appTag) {
            String client = appTag == null ? null : clientTags.get(opaque(appTag.strip()));
            return client != null ? client : matchedTag;
        }
    }

    /** {@code tag} without its weakness indicator. */
    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** The application's tag behind {@code tag} when it carries suffix {@code own}; "" for an added tag; else null. */
    private static String back(String tag, String own) {
        boolean weak = tag.startsWith("W/");
        String inner = tag.substring(weak ? 3 : 1, tag.length() - 1);
        int at = inner.length() - own.length() - 1;
        if (at < 0 || !inner.startsWith(own, at)) {
            return null;
        }
        char marker = inner.charAt(inner.length() - 1);
        String base = inner.substring(0, at);
        return switch (marker) {
            case 's' -> '"' + base + '"';
            case 'w' -> "W/\"" + base + '"';
            case 'l' -> ADDED.equals(base) ? "" : null;
            default -> null;
        };
    }

    /**
     * Whether an {@code If-None-Match} field (its lines as received, empty when absent) names no copy made while
     * ConsentGate enforced: no tag carries a decision suffix, of any decision. {@code *} and what is not a list of
     * entity tags count as naming one (they are left to the application as they are).
     */
    static boolean namesNoDecision(List<String> lines) {
        for (String line : lines) {
            List<String> tags = tags(line);
            if (tags == null) {
                return false;
            }
            for (String t : tags) {
                if (SUFFIXED.matcher(t).find()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The entity tags of one field line, or null when it is {@code *} or not a list of entity tags. */
    private static List<String> tags(String line) {
        List<String> tags = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == ',')) {
                i++;
            }
            if (i == n) {
                return tags.isEmpty() ? null : tags;
            }
            int start = i;
            if (line.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= n || line.charAt(i) != '"') {
                return null;
            }
            int close = line.indexOf('"', i + 1);
            if (close < 0) {
                return null;
            }
            i = close + 1;
            tags.add(line.substring(start, i));
        }
    }
}
