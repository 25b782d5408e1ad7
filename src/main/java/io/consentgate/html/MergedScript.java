package io.consentgate.html;

import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An inline script a framework assembled from the page's many inline scripts, where a tracker's snippet shares one
 * element with the code that runs the page: PrimeFaces' "move scripts to bottom" option joins every inline script
 * of a JSF view into one element that removes itself ({@code …;document.getElementById('<uuid>').remove();},
 * inside a {@code DOMContentLoaded} listener when deferred), and Liferay writes every {@code <aui:script>} of a page
 * into one block ({@code // <![CDATA[ … AUI().use('…', function(A) {(function() {…})();…}); // ]]>}). Removing such
 * a script for a GTM snippet in the view's template would stop every widget, menu and form of the page. Apache
 * Wicket writes every DOM-ready script of a page into one listener after its CDATA comment
 * ({@code Wicket.Event.add(window, "domready", function(event) {…;});}), its ajax bindings among them, and joins the
 * scripts of an ajax answer as {@code (function(){…})();} statements. Apache Tapestry 5.1 to 5.3 write every
 * component's {@code Tapestry.init(…)} and every {@code addScript(…)} into one
 * {@code Tapestry.onDOMLoaded(function() {…});} block (Tapestry 5.4 and later: {@link TapestryPageInit}). ZK mounts
 * its whole page from one {@code zkmx(…)} call, the code of its script components functions in it
 * ({@link ZkWidgetTree}).
 *
 * <p>In such a script each statement ({@link ScriptStatements}) that names a refused tracker on its own is blanked
 * instead: overwritten by spaces, its line breaks kept, inside the framework's wrapper function when the statement
 * is that wrapper. The script stays only when other code remains and the blanked text names no refused tracker any
 * more (a tag id or host that only the whole script joined up); otherwise, and where the text cannot be read, it is
 * removed as any other.
 */
final class MergedScript {

    private static final String PRIMEFACES_TAIL = "document.getElementById('";

    private static final String PRIMEFACES_REMOVE = "').remove();";

    private static final String LIFERAY_USE = "AUI().use(";

    private static final String LIFERAY_CDATA = "// <![CDATA[";

    private static final String WICKET_CDATA = "/*<![CDATA[*/";

    private static final String[] WICKET_EVENTS = {"Wicket.Event.add(window, \"domready\", function(event) {",
        "Wicket.Event.add(window, \"load\", function(event) {"};

    private static final String TAPESTRY_DOM_LOADED = "Tapestry.onDOMLoaded(function() {";

    private static final String TAPESTRY_COMMENT_END = "// -->";

    /**
     * Wrappers whose function body holds the joined scripts: Liferay's AUI callback, PrimeFaces' deferred listener,
     * Wicket's DOM-ready and load listeners, Tapestry's (5.1 to 5.3) DOM-loaded block.
     */
    private static final String[] WRAPPERS = {LIFERAY_USE, "document.addEventListener(\"DOMContentLoaded\",",
        WICKET_EVENTS[0], WICKET_EVENTS[1], TAPESTRY_DOM_LOADED};

    /** How many rounds of declarations {@link #blank} follows: each reads the level again. */
    private static final int MAX_ROUNDS = 8;

    /** The most statements a snippet's loader after its settings statement spans ({@link #loaderAfter}). */
    private static final int MAX_LOADER = 8;

    /** Calls that insert an element into the document. */
    private static final String[] INSERTS = {"insertBefore(", "appendChild(", ".append(", ".prepend("};

    private MergedScript() {
    }

    /**
     * Any script {@code t} with the statements that name a refused tracker blanked (and the calls into what they
     * defined), for scripts a framework runs as one (a {@link PartialResponse}'s {@code <eval>} or {@code <evaluate>}): {@code t} itself
     * when it names none, {@code null} when the blanked text still names one or cannot be read.
     */
    static byte[] blankRefused(byte[] t, TrackerCatalog catalog, Predicate<TrackerMatch> refused) {
        if (!catalog.matchScript(t, 0, t.length).stream().anyMatch(refused)) {
            return t;
        }
        byte[] out = t.clone();
        if (blank(out, 0, out.length, catalog, refused, 1) < 0
            || catalog.matchScript(out, 0, out.length).stream().anyMatch(refused)) {
            return null;
        }
        return out;
    }

    /**
     * The script {@code b[off, off + len)} with its refused statements blanked, or {@code null} (it is removed): a
     * script of a recognised shape, or any script when {@code anyScript} (one an ajax framework joined and evaluates).
     */
    static byte[] rewrite(byte[] b, int off, int len, TrackerCatalog catalog, Predicate<TrackerMatch> refused,
                          boolean anyScript) {
        int end = off + len;
        if (!anyScript && !isPrimeFaces(b, off, end) && !isLiferay(b, off, end) && !isWicket(b, off, end)
                && !isTapestry(b, off, end)) {
            return ZkWidgetTree.rewrite(b, off, end, catalog, refused);
        }
        byte[] out = Arrays.copyOfRange(b, off, end);
        int kept = blank(out, 0, out.length, catalog, refused, 0);
        if (kept <= 0 || catalog.matchScript(out, 0, out.length).stream().anyMatch(refused)) {
            return null;
        }
        return out;
    }

    /**
     * Blanks the statements of {@code t[from, to)} that name a refused tracker, descending once into a wrapper's
     * function body, and then the statements that start by calling what those defined
     * ({@link SnippetNames#definedNames}) or use a variable they declared ({@link SnippetCalls#throwsNow}): the
     * joined scripts run as one, so a {@code fbq('track', 'PageView');} left after its blanked snippet would throw and
     * stop every statement after it. Returns how many statements of other code stay, or -1 when the text cannot be
     * read.
     */
    static int blank(byte[] t, int from, int to, TrackerCatalog catalog, Predicate<TrackerMatch> refused,
            int level) {
        int[] statements = ScriptStatements.split(t, from, to);
        if (statements == null) {
            return -1;
        }
        boolean[] code = new boolean[statements.length / 2];
        boolean[] settings = new boolean[statements.length / 2];
        Set<String> defined = new HashSet<>();
        Set<String> declared = new HashSet<>();
        int kept = 0;
        for (int k = 0; k < statements.length; k += 2) {
            int s = statements[k];
            int e = statements[k + 1];
            if (!catalog.matchScript(t, s, e - s).stream().anyMatch(refused)) {
                code[k / 2] = e - s > 1; // an empty statement is no code
                continue;
            }
            int body = level == 0 ? wrapperBody(t, s, e) : -1;
            if (body >= 0) {
                int inner = blank(t, body, closingBrace(t, e), catalog, refused, level + 1);
                if (inner < 0) {
                    return -1;
                }
                kept += inner;
            } else {
                settings[k / 2] = namesOnlyAsSettings(t, s, e, catalog, refused);
                SnippetNames.definedNames(t, s, e, defined);
                ConsentManagerScript.declaredNames(t, s, e, declared);
                fill(t, s, e);
            }
        }
        for (int k = 0; k < statements.length; k += 2) {
            int[] loader = settings[k / 2] ? loaderAfter(t, statements, k) : null;
            for (int j = loader == null ? 0 : loader[0]; loader != null && j <= loader[1]; j += 2) {
                if (code[j / 2]) {
                    SnippetNames.definedNames(t, statements[j], statements[j + 1], defined);
                    ConsentManagerScript.declaredNames(t, statements[j], statements[j + 1], declared);
                    fill(t, statements[j], statements[j + 1]);
                    code[j / 2] = false;
                }
            }
        }
        // what uses a name a blanked statement declared or defined goes too, and then what uses its own declarations
        boolean more = true;
        for (int round = 0; more && round < MAX_ROUNDS; round++) {
            more = false;
            for (int k = 0; k < statements.length; k += 2) {
                int s = statements[k];
                int e = statements[k + 1];
                if (code[k / 2] && SnippetCalls.throwsNow(t, s, e, defined, declared)) {
                    int before = declared.size();
                    ConsentManagerScript.declaredNames(t, s, e, declared);
                    more |= declared.size() > before;
                    fill(t, s, e);
                    code[k / 2] = false;
                }
            }
        }
        for (int k = 0; k < statements.length; k += 2) {
            int s = statements[k];
            int e = statements[k + 1];
            int body = level == 0 && !defined.isEmpty() ? wrapperBody(t, s, e) : -1;
            if (body >= 0) { // the wrapper's function runs the joined scripts too
                SnippetCalls.blankCalls(t, body, closingBrace(t, e), defined, declared);
            }
            if (code[k / 2]) {
                SnippetCalls.blankCallsInBlocks(t, s, e, defined, declared, 0);
                kept++;
            }
        }
        return kept;
    }

    /**
     * Whether statement {@code t[s, e)}, which names a refused tracker, names it only as a self-hosted tag's settings
     * do: a push onto its command queue, with no host literal of a refused tracker in it, that loads no script itself
     * ({@link #loadsScript}). Such a snippet loads from where the catalog cannot list it (Matomo Tag Manager's
     * {@code _mtm.push({'mtm.startTime': …})} before the container on the site's own Matomo): its loader is the
     * statement after it ({@link #loaderAfter}). A tag configured by a call ({@code gtag('config', …)}) has its
     * library loaded by a script element of its own, and what follows it is another script's.
     */
    static boolean namesOnlyAsSettings(byte[] t, int s, int e, TrackerCatalog catalog,
                                       Predicate<TrackerMatch> refused) {
        int i = s;
        while (i < e && (SnippetNames.isNamePart(t[i]) || t[i] == '.')) {
            i++;
        }
        if (i - s < 6 || !ByteScan.startsWith(t, i - 5, e, ".push(") || loadsScript(t, s, e)) {
            return false;
        }
        boolean[] host = {false};
        catalog.locateHosts(t, s, e - s, (start, stop, m) -> host[0] |= refused.test(m));
        return !host[0];
    }

    /**
     * The statements after statement {@code k} (empty statements skipped) that load a script, the rest of a tag's
     * snippet whose settings statement {@code k} is: the next statement, when it creates an element, through the first
     * one that inserts an element, within {@link #MAX_LOADER} statements ({@code (function() {…})();} alone, or
     * {@code var g=d.createElement('script'), …;} to {@code s.parentNode.insertBefore(g,s);}). The indexes in
     * {@code statements} of the first and the last of them, or {@code null}.
     */
    static int[] loaderAfter(byte[] t, int[] statements, int k) {
        int j = k + 2;
        while (j < statements.length && statements[j + 1] - statements[j] == 1 && t[statements[j]] == ';') {
            j += 2;
        }
        if (j >= statements.length || ByteScan.find(t, statements[j], statements[j + 1], "createElement(") < 0) {
            return null;
        }
        for (int l = j; l < statements.length && l < j + 2 * MAX_LOADER; l += 2) {
            if (inserts(t, statements[l], statements[l + 1])) {
                return new int[] {j, l};
            }
        }
        return null;
    }

    /**
     * Whether statement {@code t[s, e)} loads a script by itself: it creates an element and inserts it, as a tag's
     * loader does ({@code (function() {var g=d.createElement('script');…;s.parentNode.insertBefore(g,s);})();}).
     */
    static boolean loadsScript(byte[] t, int s, int e) {
        return ByteScan.find(t, s, e, "createElement(") >= 0 && inserts(t, s, e);
    }

    /** Whether statement {@code t[s, e)} inserts an element into the document. */
    private static boolean inserts(byte[] t, int s, int e) {
        for (String insert : INSERTS) {
            if (ByteScan.find(t, s, e, insert) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code t[s, e)} is white space only: a blanked statement. */
    static boolean isBlank(byte[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (!ByteScan.isWs(t[i])) {
                return false;
            }
        }
        return true;
    }

    static void fill(byte[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (t[i] != '\n' && t[i] != '\r') {
                t[i] = ' ';
            }
        }
    }

    /**
     * Where the body of the wrapper statement {@code t[s, e)} starts (after the opening brace of its function),
     * or -1 when it is no wrapper: {@code AUI().use(…, function(A) {…});} or
     * {@code document.addEventListener("DOMContentLoaded", function() {…});}.
     */
    private static int wrapperBody(byte[] t, int s, int e) {
        for (String w : WRAPPERS) {
            if (ByteScan.startsWith(t, s, e, w) && closingBrace(t, e) > s) {
                int f = ByteScan.find(t, s, e, "function");
                int brace = f < 0 ? e : ByteScan.indexOf(t, f, e, '{');
                return brace < e ? brace + 1 : -1;
            }
        }
        return -1;
    }

    /** The index of the closing brace before the {@code ");"} that ends the wrapper statement {@code […, e)}, else -1. */
    private static int closingBrace(byte[] t, int e) {
        int k = e - 1;
        while (k > 2 && ByteScan.isWs(t[k])) {
            k--;
        }
        return k > 2 && t[k] == ';' && t[k - 1] == ')' && t[k - 2] == '}' ? k - 2 : -1;
    }

    /** Whether the text ends, after white space, with PrimeFaces' {@code document.getElementById('<uuid>').remove();}. */
    private static boolean isPrimeFaces(byte[] b, int off, int end) {
        int tail = lastIndexOf(b, off, end, PRIMEFACES_TAIL);
        if (tail < 0) {
            return false;
        }
        int id = tail + PRIMEFACES_TAIL.length();
        int idEnd = id;
        while (idEnd < end && (ByteScan.isAlpha(b[idEnd]) || b[idEnd] >= '0' && b[idEnd] <= '9' || b[idEnd] == '-')) {
            idEnd++;
        }
        if (idEnd - id != 36 || !ByteScan.startsWith(b, idEnd, end, PRIMEFACES_REMOVE)) {
            return false;
        }
        int k = idEnd + PRIMEFACES_REMOVE.length();
        if (ByteScan.startsWith(b, k, end, "});")) {
            k += 3; // the deferred form's listener
        }
        while (k < end && ByteScan.isWs(b[k])) {
            k++;
        }
        return k == end;
    }

    /** Whether the text is Liferay's page script block: a CDATA comment first, and the AUI callback. */
    private static boolean isLiferay(byte[] b, int off, int end) {
        int k = off;
        while (k < end && ByteScan.isWs(b[k])) {
            k++;
        }
        return ByteScan.startsWith(b, k, end, LIFERAY_CDATA) && ByteScan.find(b, k, end, LIFERAY_USE) >= 0;
    }

    /**
     * Whether the text is an Apache Wicket page's joined DOM-ready or load script: Wicket's CDATA comment first, then
     * the one listener into whose function Wicket writes every {@code OnDomReadyHeaderItem} ({@code OnLoadHeaderItem})
     * of the page, the ajax bindings of its links and forms among them.
     */
    private static boolean isWicket(byte[] b, int off, int end) {
        int k = off;
        while (k < end && ByteScan.isWs(b[k])) {
            k++;
        }
        if (!ByteScan.startsWith(b, k, end, WICKET_CDATA)) {
            return false;
        }
        k += WICKET_CDATA.length();
        while (k < end && ByteScan.isWs(b[k])) {
            k++;
        }
        return ByteScan.startsWith(b, k, end, WICKET_EVENTS[0]) || ByteScan.startsWith(b, k, end, WICKET_EVENTS[1]);
    }

    /**
     * Whether the text is an Apache Tapestry (5.1 to 5.3) page's initialisation block: it ends with the one
     * {@code Tapestry.onDOMLoaded(function() {\n…});} into which Tapestry writes every component's
     * {@code Tapestry.init(…)} and every {@code addScript(…)} of the page, at the start of a line and followed by
     * nothing but white space and, in 5.1 and 5.2, the {@code // -->} that closes the HTML comment around the block.
     */
    private static boolean isTapestry(byte[] b, int off, int end) {
        int k = end;
        while (k > off && ByteScan.isWs(b[k - 1])) {
            k--;
        }
        if (k - TAPESTRY_COMMENT_END.length() >= off
                && ByteScan.startsWith(b, k - TAPESTRY_COMMENT_END.length(), end, TAPESTRY_COMMENT_END)) {
            k -= TAPESTRY_COMMENT_END.length();
            while (k > off && ByteScan.isWs(b[k - 1])) {
                k--;
            }
        }
        if (k - 3 < off || !ByteScan.startsWith(b, k - 3, end, "});")) {
            return false;
        }
        String wrapper = TAPESTRY_DOM_LOADED + "\n";
        for (int i = ByteScan.find(b, off, k, wrapper); i >= 0; i = ByteScan.find(b, i + 1, k, wrapper)) {
            if (i == off || b[i - 1] == '\n') {
                return true;
            }
        }
        return false;
    }

    private static int lastIndexOf(byte[] b, int off, int end, String s) {
        for (int i = end - s.length(); i >= Math.max(off, end - 200); i--) {
            if (ByteScan.startsWith(b, i, end, s)) {
                return i;
            }
        }
        return -1;
    }
}
