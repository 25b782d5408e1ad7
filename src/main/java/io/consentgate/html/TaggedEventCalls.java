package io.consentgate.html;

import io.consentgate.catalog.TagIdRule;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A script of the site's own code that also sends a Google event to a tag id: a checkout that mounts its payment form
 * and reports the conversion in its submit handler ({@code gtag('event', 'conversion', {send_to: 'AW-…'})}), a
 * YouTube or Vimeo player set up with a handler that sends {@code gtag('event', 'video_start', {send_to: 'G-…'})}.
 * Such an event call names the tag (a tagged signature beside its id), so the script would go whole with the refused
 * tag, and the checkout or the video with it. Instead the event statements that carry a refused tag id are blanked:
 * overwritten by spaces, their line breaks kept, at any depth of function and block bodies
 * ({@link ScriptStatements#frame}); a call behind a guard ({@code window.gtag && gtag(…)}) or as the brace-less body
 * of an {@code if} is blanked as {@link SnippetCalls} does for calls into a blanked snippet.
 *
 * <p>The script stays only when the page's own code remains: a statement, at any depth, that names no tracker and is
 * no tag boilerplate ({@code dataLayer}, {@code function gtag(){…}}, another {@code gtag(…)} call), or the
 * statement around an event call where it sets up a player or a handler ({@code player = new YT.Player(…)},
 * {@code form.addEventListener('submit', …)}), not where it only defines a function
 * ({@code function reportLead() {…}}), wraps code to run now or at load, or controls a block. It stays only when the
 * blanked text names no refused tracker and holds no refused tag id any more (an id in a variable the call reads: the
 * script goes whole, as before). A script with an {@code event_callback} goes whole: the page waits for it (Google's
 * {@code gtag_report_conversion(url)} navigates there and returns false to the link), and a blanked call would never
 * call back. A script that is nothing but the event snippet, one with a tag's loader, config call or any other refused
 * tracker's name, and one that cannot be read go whole as before. Read only for scripts about to be removed or
 * neutralized ({@link HeldScriptRewrites#rewriteMerged}).
 */
final class TaggedEventCalls {

    /** The functions an event call goes through: gtag, and MonsterInsights' alias of it. */
    private static final Set<String> FUNCTIONS = Set.of("gtag", "__gtagDataLayer");
    /** How deep function and block bodies are read. */
    private static final int MAX_DEPTH = 16;
    /** The longest script read: each level of bodies matches its statements with the catalog again. */
    private static final int MAX_BYTES = 64 * 1024;
    /**
     * The parameter through which an event call names a tag ({@code {send_to: 'AW-…'}}); a script without it sends
     * no event to a tag id, so a page's tag snippets (the config script beside gtag.js) are not read further.
     */
    private static final String SEND_TO = "send_to";
    /**
     * An event call's callback, which the page waits for ({@code gtag_report_conversion(url)} navigates in it and
     * returns false to the link): blanked, the call would never call it back.
     */
    private static final String CALLBACK = "event_callback";
    /**
     * How statements start whose own text (outside their bodies) runs no code of the page's own: a function run where
     * it is written, a listener for the document's loading, a jQuery ready callback.
     */
    private static final String[] WRAPPERS = {"(", "!", "+", "void ", "$(", "jQuery(",
        "document.addEventListener('DOMContentLoaded'", "document.addEventListener(\"DOMContentLoaded\"",
        "window.addEventListener('DOMContentLoaded'", "window.addEventListener(\"DOMContentLoaded\"",
        "window.addEventListener('load'", "window.addEventListener(\"load\"", "window.onload", "else", "{"};
    /** Control statements, whose head is no code of the page's own beside their bodies. */
    private static final String[] CONTROL = {"if", "for", "while", "do", "try", "switch"};
    /** Statements of the tag's own boilerplate, which are no code of the page's own. */
    private static final String[] BOILERPLATE = {"dataLayer", "window.dataLayer", "function gtag(", "function gtag ("};

    private TaggedEventCalls() {
    }

    /**
     * The script {@code b[off, off + len)} with its event calls to refused tag ids blanked, or {@code null} (it goes
     * as before): it has none, cannot be read, holds no code of the page's own besides them, or still names a refused
     * tracker or tag id. {@code refused} judges a match by its own categories (the tag ids in the text matched).
     */
    static byte[] rewrite(byte[] b, int off, int len, TrackerCatalog catalog, Predicate<TrackerMatch> refused) {
        int end = off + len;
        if (len > MAX_BYTES || ByteScan.find(b, off, end, SEND_TO) < 0 || ByteScan.find(b, off, end, "gtag") < 0
                || ByteScan.find(b, off, end, CALLBACK) >= 0) {
            return null;
        }
        byte[] out = Arrays.copyOfRange(b, off, end);
        Walk walk = new Walk(out, catalog, refused);
        if (!walk.level(0, out.length, 0) || walk.blanked == 0 || !walk.own
                || catalog.matchScript(out, 0, out.length).stream().anyMatch(refused)
                || holdsRefusedTagId(out, catalog, refused, catalog.matchScript(b, off, len))) {
            return null;
        }
        return out;
    }

    /** One reading of a script: what it blanked, and whether code of the page's own stays. */
    private static final class Walk {
        private final byte[] t;
        private final TrackerCatalog catalog;
        private final Predicate<TrackerMatch> refused;
        private int blanked;
        private boolean own;

        Walk(byte[] t, TrackerCatalog catalog, Predicate<TrackerMatch> refused) {
            this.t = t;
            this.catalog = catalog;
            this.refused = refused;
        }

        /**
         * Blanks the event calls to refused tag ids among the statements of {@code t[from, to)} and in their bodies.
         * False when the text cannot be read, or an event call cannot go alone.
         */
        boolean level(int from, int to, int depth) {
            int[] statements = ScriptStatements.split(t, from, to);
            if (statements == null) {
                return false;
            }
            for (int k = 0; k < statements.length; k += 2) {
                int s = statements[k];
                int e = statements[k + 1];
                List<TrackerMatch> named = catalog.matchScript(t, s, e - s);
                if (named.stream().noneMatch(refused)) {
                    own |= named.isEmpty() && e - s > 1 && !isBoilerplate(s, e);
                    continue;
                }
                if (isEventCall(s, e)) {
                    MergedScript.fill(t, s, e);
                    blanked++;
                    continue;
                }
                if (blankGuardedOrBraceless(s, e)) {
                    continue;
                }
                ScriptStatements.Frame frame = depth < MAX_DEPTH ? ScriptStatements.frame(t, s, e) : null;
                if (frame == null) {
                    return false;
                }
                int[] bodies = frame.bodies();
                own |= bodies.length > 0 && runsOwnCode(s, e);
                for (int j = 0; j < bodies.length; j += 2) {
                    if (!level(bodies[j], bodies[j + 1], depth + 1)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * Whether statement {@code t[s, e)} is an event call and nothing more: {@code gtag('event', …);}, also
         * through the global object ({@code window.gtag(…)}).
         */
        private boolean isEventCall(int s, int e) {
            if (!SnippetCalls.callsInto(t, s, e, FUNCTIONS)) {
                return false;
            }
            int open = ByteScan.indexOf(t, s, e, '(');
            int end = SnippetCalls.callEnd(t, s, e);
            return end >= 0 && MergedScript.isBlank(t, end, e) && sendsEvent(open + 1, e);
        }

        /**
         * Blanks the one event call of statement {@code t[s, e)} written behind a guard
         * ({@code window.gtag && gtag('event', …)}) or as the brace-less body of an {@code if} or loop; whether
         * it did.
         */
        private boolean blankGuardedOrBraceless(int s, int e) {
            int calls = 0;
            for (int i = ByteScan.find(t, s, e, "gtag"); i >= 0; i = ByteScan.find(t, i + 4, e, "gtag")) {
                int p = i + 4;
                while (p < e && ByteScan.isWs(t[p])) {
                    p++;
                }
                if (p < e && t[p] == '(') {
                    if (!sendsEvent(p + 1, e)) {
                        return false; // another command of the tag: not taken apart
                    }
                    calls++;
                }
            }
            if (calls != 1) {
                return false;
            }
            byte[] before = Arrays.copyOfRange(t, s, e);
            SnippetCalls.blankGuardedCall(t, s, e, FUNCTIONS);
            SnippetCalls.blankBracelessCalls(t, s, e, FUNCTIONS);
            if (Arrays.equals(before, 0, before.length, t, s, e)) {
                return false;
            }
            blanked++;
            return true;
        }

        /** Whether the arguments from {@code t[a]} start with the command {@code 'event'} (either quote). */
        private boolean sendsEvent(int a, int e) {
            while (a < e && ByteScan.isWs(t[a])) {
                a++;
            }
            return a + 6 < e && (t[a] == '\'' || t[a] == '"') && ByteScan.startsWith(t, a + 1, e, "event")
                && t[a + 6] == t[a];
        }

        /**
         * Whether statement {@code t[s, e)}, which has bodies, runs code of the page's own outside them: it sets up a
         * player ({@code player = new YT.Player('video', {events: {…}})}) or a handler ({@code form.addEventListener(
         * 'submit', …)}), not only defines a function, wraps code to run now or at load, or controls a block.
         */
        private boolean runsOwnCode(int s, int e) {
            for (String w : WRAPPERS) {
                if (ByteScan.startsWith(t, s, e, w)) {
                    return false;
                }
            }
            for (String w : CONTROL) {
                if (startsWithWord(s, e, w)) {
                    return false;
                }
            }
            return !isDefinition(s, e);
        }

        /** Whether statement {@code t[s, e)} is the tag's boilerplate: its data layer, its {@code gtag} function. */
        private boolean isBoilerplate(int s, int e) {
            for (String p : BOILERPLATE) {
                if (ByteScan.startsWith(t, s, e, p)) {
                    return true;
                }
            }
            return SnippetCalls.callsInto(t, s, e, FUNCTIONS);
        }

        /**
         * Whether statement {@code t[s, e)} defines a function rather than runs code: a declaration
         * ({@code function report(url) {…}}, {@code async function …}) or a function assigned to a name
         * ({@code var report = function (…) {…}}, {@code window.report = (total) => {…}}).
         */
        private boolean isDefinition(int s, int e) {
            if (startsWithWord(s, e, "function") || startsWithWord(s, e, "async")) {
                return true;
            }
            int i = s;
            for (String w : new String[] {"var", "let", "const"}) {
                if (startsWithWord(s, e, w)) {
                    i = s + w.length();
                }
            }
            while (i < e && ByteScan.isWs(t[i])) {
                i++;
            }
            int name = i;
            while (i < e && (SnippetNames.isNamePart(t[i]) || t[i] == '.')) {
                i++;
            }
            while (i < e && ByteScan.isWs(t[i])) {
                i++;
            }
            if (i == name || i + 1 >= e || t[i] != '=' || t[i + 1] == '=') {
                return false;
            }
            i++;
            while (i < e && ByteScan.isWs(t[i])) {
                i++;
            }
            if (startsWithWord(i, e, "function") || startsWithWord(i, e, "async") || i < e && t[i] == '(') {
                return true;
            }
            while (i < e && SnippetNames.isNamePart(t[i])) {
                i++; // a parameter without parentheses: e => {…}
            }
            while (i < e && ByteScan.isWs(t[i])) {
                i++;
            }
            return ByteScan.startsWith(t, i, e, "=>");
        }

        private boolean startsWithWord(int i, int e, String w) {
            return ByteScan.startsWith(t, i, e, w)
                && (i + w.length() == e || !SnippetNames.isNamePart(t[i + w.length()]));
        }
    }

    /**
     * Whether {@code t} still holds, as a string literal, a tag id of a refused tracker among {@code matches} whose
     * categories are refused: an id the blanked calls did not carry themselves (one in a variable a call reads).
     */
    static boolean holdsRefusedTagId(byte[] t, TrackerCatalog catalog, Predicate<TrackerMatch> refused,
                                     List<TrackerMatch> matches) {
        for (TrackerMatch m : matches) {
            for (TagIdRule r : catalog.tagIdRules(m.tracker().id())) {
                if (!refused.test(new TrackerMatch(m.tracker(), r.categories()))) {
                    continue;
                }
                String p = r.prefix();
                for (int i = 0; i + 1 + p.length() < t.length; i++) {
                    if ((t[i] == '"' || t[i] == '\'' || t[i] == '`' || t[i] == '=')
                            && ByteScan.startsWith(t, i + 1, t.length, p)
                            && r.bodyAt(t, i + 1 + p.length(), t.length)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
