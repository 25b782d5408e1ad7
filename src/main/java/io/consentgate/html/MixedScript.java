package io.consentgate.html;

import io.consentgate.catalog.PageGlobals;
import io.consentgate.catalog.TagIdRule;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A script of the site's own code that also carries a tag's snippet as statements of its own: a theme's header script
 * that swaps the {@code no-js} class and then loads gtag.js, a hand-written footer that starts the menu, pastes the
 * analytics.js snippet and starts a slider, a product page's script that sets its shop settings beside the Meta pixel
 * and binds its add-to-cart buttons. Removing such a script for the tag takes the menu, the slider or the cart with it.
 *
 * <p>Its top-level statements ({@link ScriptStatements#split}) are read as a framework's joined script is
 * ({@link MergedScript#blank}): each statement that names a refused tracker is blanked (overwritten by spaces, its
 * line breaks kept), and with it the statements that would throw once it is gone (a call into what it defined, a use
 * of a variable it declared) and the loader right after a snippet's settings statement. The script stays only when a
 * statement of the page's own remains, one that runs code where it stands ({@link StatementCalls#runsCode}: a call, not only values
 * and functions, which are a tag's settings as often as the site's), loads no element as a tag's loader does
 * ({@link StatementCalls#loads}) and is none of the tag's boilerplate ({@link #isBoilerplate}: what declares, assigns, starts with
 * or uses a name the blanked statements or the refused trackers' page globals bring in, such as
 * {@code window.dataLayer = window.dataLayer || [];}, {@code function gtag(){dataLayer.push(arguments);}},
 * {@code gtag('js', new Date());}). A tag's snippet on its own therefore still goes whole (removed, or neutralized for
 * a consent manager to start it), as before; most are told in one pass without the catalog, and a script judged so is
 * not read again ({@link HtmlRewriter#snippetScripts}). The script also goes whole where it is one statement (a
 * snippet, or page code and snippet inside one function or listener), where what remains still names a refused
 * tracker or holds a refused tag id, where it requests an address it puts together at run time or loads a script
 * from any source ({@link StatementCalls#requestsUnread}: the catalog reads literals only and knows a tag's library by
 * its host, and the tracker the blanked statements named may be behind either), where its text cannot be read, where
 * it is escaped ({@code <!--}, whose end depends on its text) and where it is longer than {@value #MAX_BYTES} bytes.
 * Read only for scripts about to be removed or neutralized ({@link HeldScriptRewrites#rewriteMerged}), after the
 * shapes read more closely; the boilerplate left in place loads nothing (a queue, a function that pushes onto it, an
 * element with no source).
 */
final class MixedScript {

    /** The longest script read: its statements are matched with the catalog one by one. */
    private static final int MAX_BYTES = 64 * 1024;

    /** How many rounds of boilerplate names are followed: each reads the remaining statements again. */
    private static final int MAX_ROUNDS = 8;

    /** How a statement reaches a global through the global object before the name it starts with. */
    private static final String[] GLOBAL_OBJECTS = {"window.", "self.", "globalThis."};

    /**
     * Names no statement makes the tag's by using them: the language's words and the globals every script uses
     * ({@code document.head.appendChild(…)} is no more the snippet's than the menu's).
     */
    private static final Set<String> COMMON = Set.of("window", "self", "globalThis", "top", "parent", "document",
        "navigator", "location", "history", "screen", "localStorage", "sessionStorage", "console", "arguments", "this",
        "Date", "Math", "JSON", "Object", "Array", "String", "Number", "Boolean", "Promise", "Error", "RegExp", "Map",
        "Set", "setTimeout", "setInterval", "clearTimeout", "requestAnimationFrame", "encodeURIComponent",
        "decodeURIComponent", "encodeURI", "parseInt", "parseFloat", "isNaN", "undefined", "null", "true", "false",
        "new", "typeof", "instanceof", "in", "of", "void", "delete", "function", "return", "var", "let", "const", "if",
        "else", "for", "while", "do", "try", "catch", "finally", "switch", "case", "default", "break", "continue",
        "throw", "async", "await", "yield", "class", "extends", "super", "import", "export", "jQuery", "$");

    private MixedScript() {
    }

    /**
     * The script {@code b[off, off + len)}, which names the trackers {@code matches}, with the statements of a refused
     * tag's snippet blanked, or {@code null} (it goes whole, as before): it is one statement, cannot be read, holds no
     * statement of the page's own besides the snippet, or still names a refused tracker once they are blanked.
     */
    static byte[] rewrite(byte[] b, int off, int len, TrackerCatalog catalog, List<TrackerMatch> matches,
                          Predicate<TrackerMatch> refused) {
        if (len > MAX_BYTES || ByteScan.find(b, off, off + len, "<!--") >= 0) {
            return null; // an escaped script's end depends on its text: blanked, it could end elsewhere
        }
        Predicate<String> global = name -> {
            for (TrackerMatch m : matches) {
                PageGlobals globals = catalog.pageGlobals(m.tracker().id());
                if ((globals.functions().contains(name) || globals.queues().contains(name)) && refused.test(m)) {
                    return true;
                }
            }
            return false;
        };
        if (!StatementCalls.runsCode(b, off, off + len, global, true)) {
            return null; // read in one pass first: most such scripts are a tag's snippet alone
        }
        int[] statements = ScriptStatements.split(b, off, off + len);
        if (statements == null || statements.length < 4) {
            return null;
        }
        Set<String> tag = new HashSet<>();
        for (TrackerMatch m : matches) {
            if (refused.test(m)) {
                PageGlobals globals = catalog.pageGlobals(m.tracker().id());
                tag.addAll(globals.functions());
                tag.addAll(globals.queues());
            }
        }
        byte[] out = Arrays.copyOfRange(b, off, off + len);
        if (MergedScript.blank(out, 0, out.length, catalog, refused, 1) <= 0) {
            return null;
        }
        boolean[] left = new boolean[statements.length / 2];
        for (int k = 0; k < statements.length; k += 2) {
            int s = statements[k] - off;
            int e = statements[k + 1] - off;
            if (MergedScript.isBlank(out, s, e)) {
                SnippetNames.definedNames(b, s + off, e + off, tag);
                ConsentManagerScript.declaredNames(b, s + off, e + off, tag);
                addLeadingName(b, s + off, e + off, tag);
                usedNames(b, s + off, e + off, tag);
            } else {
                left[k / 2] = e - s > 1 || out[s] != ';';
            }
        }
        tag.removeAll(COMMON);
        if (!ownCodeRemains(out, statements, off, left, tag)
                || catalog.matchScript(out, 0, out.length).stream().anyMatch(refused)
                || namesRefusedJoined(out, catalog, refused)
                || TaggedEventCalls.holdsRefusedTagId(out, catalog, refused, matches)
                || StatementCalls.requestsUnread(out, 0, out.length)
                || literalNamesRefused(out, catalog, refused, matches)) {
            return null;
        }
        return out;
    }

    /**
     * Whether {@code t}, with the string literals it joins by {@code +} read as one, names a refused tracker:
     * {@code 'https://connect.face' + 'book.net/…'} handed to a loader the site defines elsewhere. The catalog reads
     * each literal on its own, and the address reaches the tracker all the same.
     */
    private static boolean namesRefusedJoined(byte[] t, TrackerCatalog catalog, Predicate<TrackerMatch> refused) {
        byte[] joined = new byte[t.length];
        int n = 0;
        boolean seam = false;
        for (int i = 0; i < t.length; i++) {
            byte c = t[i];
            if (c == '/' && i + 1 < t.length && (t[i + 1] == '/' || t[i + 1] == '*')) {
                int end = ScriptTokens.skipComment(t, i, t.length);
                end = end < 0 ? t.length : end;
                System.arraycopy(t, i, joined, n, end - i);
                n += end - i;
                i = end - 1;
            } else if (c == '"' || c == '\'' || c == '`') {
                int end = SnippetNames.skipString(t, i, t.length);
                int next = end;
                while (true) { // 'a' + 'b': the closing quote, the plus and the opening quote left out
                    int k = next;
                    while (k < t.length && ByteScan.isWs(t[k])) {
                        k++;
                    }
                    int m = k + 1;
                    while (m < t.length && ByteScan.isWs(t[m])) {
                        m++;
                    }
                    if (k >= t.length || t[k] != '+' || m >= t.length || (t[m] != '"' && t[m] != '\'')) {
                        break;
                    }
                    System.arraycopy(t, i, joined, n, next - 1 - i);
                    n += next - 1 - i;
                    i = m + 1;
                    next = SnippetNames.skipString(t, m, t.length);
                    seam = true;
                }
                System.arraycopy(t, i, joined, n, next - i);
                n += next - i;
                i = next - 1;
            } else {
                joined[n++] = c;
            }
        }
        return seam && catalog.matchScript(joined, 0, n).stream().anyMatch(refused);
    }

    /**
     * Whether a string literal of {@code t} names a refused tracker's cookie or collection path: it is the cookie's
     * name ({@code Cookies.set('_ga', …)}) or starts with it and {@code =}
     * ({@code document.cookie = '_fbc=fb.1.' + …}), or it is an address whose path is the tracker's
     * ({@link TrackerCatalog#matchPixel}: {@code '/edge/g/collect?v=2&…'}, a server-side tagging proxy on the site's
     * own host), or it starts with the prefix of a refused tag id of the trackers {@code matches} names, its body
     * added at run time ({@code 'AW-' + account}, {@code `AW-${account}`}). The page's code may write a tracker's
     * cookie itself (a click id kept for the vendor's server-side API), send it hits through the site, or send an
     * allowed tag's function events for a refused id, with nothing the catalog reads as the tracker's in the text;
     * the whole script removed would have done none of it.
     */
    private static boolean literalNamesRefused(byte[] t, TrackerCatalog catalog, Predicate<TrackerMatch> refused,
                                               List<TrackerMatch> matches) {
        List<String> prefixes = new ArrayList<>();
        for (TrackerMatch m : matches) {
            for (TagIdRule r : catalog.tagIdRules(m.tracker().id())) {
                if (refused.test(new TrackerMatch(m.tracker(), r.categories()))) {
                    prefixes.add(r.prefix());
                }
            }
        }
        for (int i = 0; i < t.length; i++) {
            byte c = t[i];
            if (c == '/' && i + 1 < t.length && (t[i + 1] == '/' || t[i + 1] == '*')) {
                int end = ScriptTokens.skipComment(t, i, t.length);
                i = end < 0 ? t.length : end - 1;
            } else if (c == '"' || c == '\'' || c == '`') {
                int end = SnippetNames.skipString(t, i, t.length);
                int n = i + 1;
                while (n < end && (SnippetNames.isNamePart(t[n]) || t[n] == '-')) {
                    n++;
                }
                if (n > i + 1 && n < end && (t[n] == '=' || t[n] == c && n == end - 1)) {
                    String name = new String(t, i + 1, n - i - 1, StandardCharsets.US_ASCII);
                    TrackerMatch m = catalog.matchCookie(name, null);
                    if (m != null && refused.test(m)) {
                        return true;
                    }
                }
                for (String prefix : prefixes) {
                    if (ByteScan.startsWith(t, i + 1, end, prefix)) {
                        return true;
                    }
                }
                if (end - i > 2 && (t[i + 1] == '/' || ByteScan.startsWith(t, i + 1, end, "http"))) {
                    String address = new String(t, i + 1, end - i - 2, StandardCharsets.UTF_8);
                    TrackerMatch m = catalog.matchPixel(address);
                    if (m != null && refused.test(m)) {
                        return true;
                    }
                }
                i = end - 1;
            }
        }
        return false;
    }

    /**
     * Whether a statement left in {@code t} (the script's statements at {@code statements}, less {@code off}) is the
     * page's own, followed round by round as the snippet's statements bring the names they use into {@code tag}: none
     * of the tag's boilerplate ({@link #isBoilerplate}), no statement that only sets values ({@link StatementCalls#runsCode}: a
     * tag's settings, {@code var _hmt = _hmt || [];}, as often as the site's), and no loader of a script
     * ({@link #loads}: a snippet's {@code var s = document.createElement('script');} and the statements that set it
     * up and insert it).
     */
    private static boolean ownCodeRemains(byte[] t, int[] statements, int off, boolean[] left, Set<String> tag) {
        Set<String> settings = new HashSet<>();
        boolean more = true;
        for (int round = 0; more && round < MAX_ROUNDS; round++) {
            more = false;
            for (int k = 0; k < statements.length; k += 2) {
                int s = statements[k] - off;
                int e = statements[k + 1] - off;
                if (!left[k / 2]) {
                    continue;
                }
                int before = tag.size() + settings.size();
                if (isBoilerplate(t, s, e, tag, settings) || StatementCalls.loads(t, s, e)) {
                    ConsentManagerScript.declaredNames(t, s, e, tag);
                    usedNames(t, s, e, tag);
                    tag.removeAll(COMMON);
                } else if (!StatementCalls.runsCode(t, s, e, name -> false, false)) {
                    ConsentManagerScript.declaredNames(t, s, e, settings);
                    addLeadingName(t, s, e, settings);
                    settings.removeAll(COMMON);
                } else {
                    continue;
                }
                left[k / 2] = false;
                more |= tag.size() + settings.size() > before;
            }
        }
        for (boolean own : left) {
            if (own) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether statement {@code t[s, e)} is the tag's boilerplate: it starts with one of the {@code tag} or
     * {@code settings} names, also through the global object ({@code window.dataLayer = …},
     * {@code (window._paq = …).push(…)}, {@code gtag(…)}, {@code omnisend.push(…)}), declares or defines a
     * {@code tag} name ({@code function gtag(){…}}, {@code var s = …}, a queue function's snippet run with its name),
     * or uses one where it stands ({@code document.head.appendChild(s);}). A statement that uses one only in the
     * bodies of its functions, which run later, is boilerplate where it uses nothing else but the language's globals
     * (the loop that gives a queue its methods, {@code ['track', 'identify'].forEach(function (m) {…})}), and the
     * page's own where it also does its own work (a cart's click handler that sends the tag an event before it adds
     * the product).
     */
    private static boolean isBoilerplate(byte[] t, int s, int e, Set<String> tag, Set<String> settings) {
        Set<String> leading = new HashSet<>(4);
        addLeadingName(t, s, e, leading);
        for (String name : leading) {
            if (tag.contains(name) || settings.contains(name)) {
                return true;
            }
        }
        if (tag.isEmpty()) {
            return false;
        }
        leading.clear();
        ConsentManagerScript.declaredNames(t, s, e, leading);
        SnippetNames.definedNames(t, s, e, leading);
        for (String name : leading) {
            if (tag.contains(name)) {
                return true;
            }
        }
        if (SnippetCalls.throwsNow(t, s, e, tag, tag)) {
            return true;
        }
        if (!ConsentManagerScript.refersTo(t, s, e, tag)) {
            return false;
        }
        Set<String> used = new HashSet<>();
        usedNames(t, s, e, used);
        used.removeAll(tag);
        used.removeAll(settings);
        used.removeAll(COMMON);
        return used.isEmpty();
    }

    /**
     * Adds the name statement {@code t[s, e)} starts with, after any opening brackets, {@code !} and the global
     * object: {@code gtag} of {@code gtag('config', …)}, {@code dataLayer} of {@code window.dataLayer = …}.
     */
    static void addLeadingName(byte[] t, int s, int e, Set<String> names) {
        int i = s;
        while (i < e && (t[i] == '(' || t[i] == '!' || ByteScan.isWs(t[i]))) {
            i++;
        }
        for (String global : GLOBAL_OBJECTS) {
            if (ByteScan.startsWith(t, i, e, global)) {
                i += global.length();
                break;
            }
        }
        int n = i;
        while (n < e && SnippetNames.isNamePart(t[n])) {
            n++;
        }
        if (n > i && !(t[i] >= '0' && t[i] <= '9')) {
            names.add(new String(t, i, n - i, StandardCharsets.US_ASCII));
        }
    }

    /**
     * Adds the names statement {@code t[s, e)} uses, at any depth: each word outside string literals and comments
     * that is no property ({@code .push}) or object key, less the names the statement binds itself (its functions'
     * parameters and variables, {@link SnippetNames#boundNames}).
     */
    private static void usedNames(byte[] t, int s, int e, Set<String> names) {
        Set<String> used = new HashSet<>();
        for (int i = s; i < e; i++) {
            byte c = t[i];
            int quoted = StatementCalls.skipQuoted(t, i, e);
            if (quoted != i) {
                i = quoted < 0 ? e : quoted;
            } else if (SnippetNames.isNamePart(c)) {
                int w = i;
                while (i < e && SnippetNames.isNamePart(t[i])) {
                    i++;
                }
                int p = w - 1;
                while (p >= s && ByteScan.isWs(t[p])) {
                    p--;
                }
                boolean property = p >= s && t[p] == '.' && (p == s || t[p - 1] != '.');
                if (!property && p >= s && (t[p] == '{' || t[p] == ',')) {
                    int n = i;
                    while (n < e && ByteScan.isWs(t[n])) {
                        n++;
                    }
                    property = n < e && t[n] == ':';
                }
                if (!property && !(t[w] >= '0' && t[w] <= '9')) {
                    used.add(new String(t, w, i - w, StandardCharsets.US_ASCII));
                }
                i--;
            }
        }
        used.removeAll(SnippetNames.boundNames(t, s, e));
        names.addAll(used);
    }
}
