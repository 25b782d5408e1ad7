package io.consentgate.html;

import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A consent manager's configuration script whose callbacks start trackers once the visitor accepts: cookieconsent's
 * {@code cc.run({onAccept() {cc.loadScript('…gtag/js?id=…')}, languages: {…}})}, Civic's
 * {@code CookieControl.load({optionalCookies: [{onAccept: function () {…}}]})}, OneTrust's
 * {@code function OptanonWrapper() {…Optanon.InsertScript('…fbevents.js', …)…}}, a listener on Cookiebot's
 * {@code CookiebotOnAccept} event. Removing the script for the tracker its callback names would take the banner with
 * it: the visitor could never decide. The filter reads the consent manager's cookie on the next request; on this
 * response the tracker stays refused, also after the visitor accepts in the banner (a GPC or DNT signal beats that
 * consent), so what goes is the tracker's own statements, not the banner.
 *
 * <p>In such a script the string values of its settings that name a refused tracker (tags it injects after consent) are
 * overwritten first ({@link TagSettingValues}). Then the innermost statements that name a refused tracker are blanked
 * (overwritten by spaces, their line breaks kept), at any depth of function and block bodies ({@link
 * ScriptStatements#frame}): a statement that names one is read into the bodies of its callbacks and blocks that name
 * it, and blanked whole only where it still names one after them (the URL in its own arguments, a callback written as
 * an arrow's expression). A whole statement in a block leaves the script valid. The statements that start by calling
 * what a blanked statement defined go too, anywhere in the script ({@link SnippetCalls#callsInto}). The script stays
 * only when code other than empty functions and blocks remains and the rewritten text names no refused tracker any more
 * (catalog match); otherwise, and where the text cannot be read, it is removed as any other.
 */
final class ConsentManagerScript {

    /** How deep function and block bodies are read; deeper, a statement naming a tracker is blanked whole. */
    private static final int MAX_DEPTH = 16;
    /**
     * The longest script read this way: a consent manager's configuration with its texts is a few kilobytes; each
     * level of bodies matches its statements with the catalog again, so a longer script is removed whole, as before.
     */
    private static final int MAX_BYTES = 64 * 1024;
    /** How many rounds of declarations one level follows ({@link #blank}): each reads the level again. */
    private static final int MAX_ROUNDS = 8;

    private ConsentManagerScript() {
    }

    /**
     * The script {@code b[off, off + len)} with the innermost statements that name a refused tracker blanked, or
     * {@code null}: it is no consent manager's configuration, cannot be read, names a refused tracker still, or holds
     * no other code.
     */
    static byte[] rewrite(byte[] b, int off, int len, TrackerCatalog catalog, Predicate<TrackerMatch> refused) {
        int end = off + len;
        if (len > MAX_BYTES || !ConsentManagerMarks.isConfiguration(b, off, end)) {
            return null;
        }
        byte[] out = Arrays.copyOfRange(b, off, end);
        if (!TagSettingValues.blank(out, catalog, refused)) {
            return null;
        }
        Set<String> defined = new HashSet<>();
        Hit settings = (t, s, e) -> MergedScript.namesOnlyAsSettings(t, s, e, catalog, refused)
            && names(t, s, e, catalog, refused);
        if (!blank(out, 0, out.length, (t, s, e) -> names(t, s, e, catalog, refused), settings, defined, 0)) {
            return null;
        }
        if (!defined.isEmpty()) {
            blankCalls(out, 0, out.length, defined, 0);
        }
        if (names(out, 0, out.length, catalog, refused) || !hasCode(out, 0, out.length, 0)) {
            return null;
        }
        return out;
    }

    /** Which statements are blanked: those naming a refused tracker, then those using what a blanked one declared. */
    @FunctionalInterface
    private interface Hit {
        boolean in(byte[] t, int s, int e);
    }

    /**
     * Blanks the innermost statements of {@code t[from, to)} that {@code hit} finds: a statement it finds is read
     * into its bodies that it finds too, and blanked whole only when it is still found after them, or when it is a
     * tag's snippet ({@link #isSnippet}); a statement {@code settings} finds, blanked, takes the statements after it
     * when they load a script ({@link MergedScript#loaderAfter}). Then the statements of this level, at any
     * depth, that refer to a variable or
     * function a blanked statement of this level declared, whose use would throw, are blanked the same way, until no
     * new declaration goes (at most {@link #MAX_ROUNDS} rounds, else the text counts as unreadable). What the
     * blanked statements defined is added to {@code defined} ({@link SnippetNames#definedNames}). False when the
     * text cannot be read.
     */
    private static boolean blank(byte[] t, int from, int to, Hit hit, Hit settings, Set<String> defined, int depth) {
        int[] statements = ScriptStatements.split(t, from, to);
        if (statements == null) {
            return false;
        }
        Set<String> declared = new HashSet<>();
        for (int k = 0; k < statements.length; k += 2) {
            int s = statements[k];
            int e = statements[k + 1];
            boolean asSettings = settings != null && settings.in(t, s, e);
            if (!blankStatement(t, s, e, hit, settings, defined, declared, depth)) {
                return false;
            }
            int[] loader = asSettings && MergedScript.isBlank(t, s, e) ? MergedScript.loaderAfter(t, statements, k)
                : null;
            for (int j = loader == null ? 0 : loader[0]; loader != null && j <= loader[1]; j += 2) {
                // the rest of that tag's snippet: its loader
                declaredNames(t, statements[j], statements[j + 1], declared);
                SnippetNames.definedNames(t, statements[j], statements[j + 1], defined);
                MergedScript.fill(t, statements[j], statements[j + 1]);
            }
        }
        Set<String> followed = new HashSet<>();
        for (int round = 0; !declared.isEmpty(); round++) {
            if (round == MAX_ROUNDS) {
                return false; // a chain of declarations this long is no callback's loader: the script goes whole
            }
            followed.addAll(declared);
            Set<String> names = Set.copyOf(declared);
            declared.clear();
            Hit uses = (b, s, e) -> refersTo(b, s, e, ownNamesAside(names, SnippetNames.boundNames(b, s, e)));
            for (int k = 0; k < statements.length; k += 2) {
                if (!blankStatement(t, statements[k], statements[k + 1], uses, null, defined, declared, depth)) {
                    return false;
                }
            }
            declared.removeAll(followed);
        }
        return true;
    }

    /**
     * {@code names} without those a statement binds itself ({@link SnippetNames#boundNames}): its own parameter or
     * variable of such a name is another thing than a blanked statement's declaration.
     */
    private static Set<String> ownNamesAside(Set<String> names, Set<String> bound) {
        if (bound.isEmpty()) {
            return names;
        }
        Set<String> rest = new HashSet<>(names);
        rest.removeAll(bound);
        return rest;
    }

    /** {@link #blank} for statement {@code t[s, e)}; adds the names it declared to {@code declared} when blanked. */
    private static boolean blankStatement(byte[] t, int s, int e, Hit hit, Hit settings, Set<String> defined,
                                          Set<String> declared, int depth) {
        if (!hit.in(t, s, e)) {
            return true;
        }
        if (depth < MAX_DEPTH) {
            ScriptStatements.Frame frame = ScriptStatements.frame(t, s, e);
            if (frame == null) {
                return false;
            }
            int[] bodies = frame.bodies();
            if (bodies.length > 0 && !isSnippet(t, s, e, frame)) {
                for (int j = 0; j < bodies.length; j += 2) {
                    // each statement of the body is looked at: the body as a whole need not be
                    if (!blank(t, bodies[j], bodies[j + 1], hit, settings, defined, depth + 1)) {
                        return false;
                    }
                }
                if (!hit.in(t, s, e)) {
                    return true; // its callbacks and blocks lost what was found: the statement itself stays
                }
            }
        }
        declaredNames(t, s, e, declared);
        SnippetNames.definedNames(t, s, e, defined);
        MergedScript.fill(t, s, e);
        return true;
    }

    /**
     * Whether statement {@code t[s, e)} is a tag's snippet, blanked as a whole rather than read into: a function
     * invoked where it is written and passed a string, as vendors write their loaders
     * ({@code (function(w,d,s,l,i){…})(window,document,'script','dataLayer','GTM-…');},
     * {@code !function(f,b,e,v,n,t,s){…}(window,document,'script','https://…/fbevents.js');}). A site's own
     * wrapper ({@code (function () {…})();}, {@code (function ($) {…})(jQuery);}) is read into.
     */
    private static boolean isSnippet(byte[] t, int s, int e, ScriptStatements.Frame frame) {
        if (!frame.strings() || frame.bodies().length != 2) {
            return false;
        }
        int i = s;
        if (t[i] == ';') {
            i++;
        }
        if (ByteScan.startsWith(t, i, e, "void")) {
            i += 4;
        } else if (i < e && (t[i] == '(' || t[i] == '!' || t[i] == '+' || t[i] == '~' || t[i] == '-')) {
            i++;
        } else {
            return false;
        }
        while (i < e && (ByteScan.isWs(t[i]) || t[i] == '(')) {
            i++;
        }
        return ByteScan.startsWith(t, i, e, "function") || ByteScan.startsWith(t, i, e, "async");
    }

    /**
     * Adds the names statement {@code t[s, e)} declares: {@code var}, {@code let} or {@code const} with each of its
     * declarators, {@code function NAME}, {@code async function NAME}, {@code class NAME}.
     */
    static void declaredNames(byte[] t, int s, int e, Set<String> names) {
        int i = s;
        if (ByteScan.startsWith(t, i, e, "async ")) {
            i = skipWs(t, i + 6, e);
        }
        for (String kw : new String[] {"function", "class"}) {
            if (word(t, i, e, kw)) {
                int n = skipWs(t, i + kw.length(), e);
                if (n < e && t[n] == '*') {
                    n = skipWs(t, n + 1, e); // a generator
                }
                addName(t, n, e, names);
                return;
            }
        }
        if (!word(t, i, e, "var") && !word(t, i, e, "let") && !word(t, i, e, "const")) {
            return;
        }
        i = skipWs(t, i + (t[i] == 'c' ? 5 : 3), e);
        addName(t, i, e, names);
        int depth = 0;
        for (; i < e; i++) {
            byte c = t[i];
            if (c == '"' || c == '\'' || c == '`') {
                i = SnippetNames.skipString(t, i, e) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                addName(t, skipWs(t, i + 1, e), e, names); // the next declarator
            } else if (c == ';' && depth == 0) {
                return;
            }
        }
    }

    /**
     * Whether {@code t[s, e)} refers to one of {@code names}: the name as a word outside string literals and
     * comments, not after a dot and not as an object literal's key ({@code {url: '/cart'}}): a property of that name
     * is another thing.
     */
    static boolean refersTo(byte[] t, int s, int e, Set<String> names) {
        for (int i = s; i < e; i++) {
            byte c = t[i];
            if (c == '"' || c == '\'' || c == '`') {
                i = SnippetNames.skipString(t, i, e) - 1;
            } else if (c == '/' && i + 1 < e && t[i + 1] == '/') {
                while (i < e && t[i] != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < e && t[i + 1] == '*') {
                int end = ByteScan.find(t, i + 2, e, "*/");
                i = end < 0 ? e : end + 1;
            } else if (isNamePart(c)) {
                int w = i;
                while (i < e && isNamePart(t[i])) {
                    i++;
                }
                int p = w - 1;
                while (p >= s && ByteScan.isWs(t[p])) {
                    p--;
                }
                boolean property = p >= s && t[p] == '.' && (p == s || t[p - 1] != '.'); // not a spread "..."
                if (!property && p >= s && (t[p] == '{' || t[p] == ',')) {
                    int n = skipWs(t, i, e);
                    property = n < e && t[n] == ':'; // an object literal's key: {url: '/cart'}
                }
                if (!property && names.contains(new String(t, w, i - w, java.nio.charset.StandardCharsets.US_ASCII))) {
                    return true;
                }
                i--;
            }
        }
        return false;
    }

    private static void addName(byte[] t, int n, int e, Set<String> names) {
        int ne = n;
        while (ne < e && isNamePart(t[ne])) {
            ne++;
        }
        if (ne > n && !(t[n] >= '0' && t[n] <= '9')) {
            names.add(new String(t, n, ne - n, java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    private static boolean word(byte[] t, int i, int e, String w) {
        return ByteScan.startsWith(t, i, e, w) && (i + w.length() == e || !isNamePart(t[i + w.length()]));
    }

    private static int skipWs(byte[] t, int i, int e) {
        while (i < e && ByteScan.isWs(t[i])) {
            i++;
        }
        return i;
    }

    private static boolean isNamePart(byte c) {
        return ByteScan.isAlpha(c) || c >= '0' && c <= '9' || c == '_' || c == '$';
    }

    /**
     * Blanks the statements, at any depth, that start by calling one of {@code defined}, and such calls that are the
     * body of an {@code if}, {@code else} or loop written without braces ({@link SnippetCalls#blankBracelessCalls}).
     */
    private static void blankCalls(byte[] t, int from, int to, Set<String> defined, int depth) {
        int[] statements = ScriptStatements.split(t, from, to);
        if (statements == null) {
            return;
        }
        for (int k = 0; k < statements.length; k += 2) {
            int s = statements[k];
            int e = statements[k + 1];
            if (SnippetCalls.callsInto(t, s, e, defined)) {
                MergedScript.fill(t, s, e);
            } else if (depth < MAX_DEPTH) {
                SnippetCalls.blankBracelessCalls(t, s, e, defined);
                SnippetCalls.blankGuardedCall(t, s, e, defined);
                ScriptStatements.Frame frame = ScriptStatements.frame(t, s, e);
                int[] bodies = frame == null ? new int[0] : frame.bodies();
                for (int j = 0; j < bodies.length; j += 2) {
                    blankCalls(t, bodies[j], bodies[j + 1], defined, depth + 1);
                }
            }
        }
    }

    /**
     * Whether {@code t[from, to)} holds code other than functions and blocks left empty: a statement without a body
     * (a call, an assignment), one with an object literal (a configuration), or a body holding such code. A listener
     * or a wrapper function whose only statements were blanked does nothing on this page.
     */
    private static boolean hasCode(byte[] t, int from, int to, int depth) {
        int[] statements = ScriptStatements.split(t, from, to);
        if (statements == null) {
            return true;
        }
        for (int k = 0; k < statements.length; k += 2) {
            int s = statements[k];
            int e = statements[k + 1];
            if (e - s == 1 && t[s] == ';') {
                continue; // an empty statement
            }
            ScriptStatements.Frame frame = ScriptStatements.frame(t, s, e);
            if (frame == null || frame.bodies().length == 0 || frame.literal() || depth >= MAX_DEPTH) {
                return true;
            }
            int[] bodies = frame.bodies();
            for (int j = 0; j < bodies.length; j += 2) {
                if (hasCode(t, bodies[j], bodies[j + 1], depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean names(byte[] t, int s, int e, TrackerCatalog catalog, Predicate<TrackerMatch> refused) {
        return catalog.matchScript(t, s, e - s).stream().anyMatch(refused);
    }
}
