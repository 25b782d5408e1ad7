package io.consentgate.html;

import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.nio.charset.StandardCharsets;
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
 * scripts of an ajax answer as {@code (function(){…})();} statements.
 *
 * <p>In such a script each statement ({@link ScriptStatements}) that names a refused tracker on its own is blanked
 * instead: overwritten by spaces, its line breaks kept, inside the framework's wrapper function when the statement
 * is that wrapper. The script stays only when other code remains and the blanked text names no refused tracker any
 * more (a tag id or host that only the whole script joined up); otherwise, and where the text cannot be read, it is
 * removed as any other.
 */
final class MergedScript {

    /** How a script reaches a global through the global object before a call into it. */
    private static final String[] GLOBALS = {"window.", "self.", "globalThis.", "window[", "self[", "globalThis["};
    /** The names of the global object a snippet assigns to a variable of its own ({@code var w=window}). */
    private static final String[] GLOBAL_OBJECTS = {"window", "self", "globalThis", "top"};
    private static final String PRIMEFACES_TAIL = "document.getElementById('";
    private static final String PRIMEFACES_REMOVE = "').remove();";
    private static final String LIFERAY_USE = "AUI().use(";
    private static final String LIFERAY_CDATA = "// <![CDATA[";
    private static final String WICKET_CDATA = "/*<![CDATA[*/";
    private static final String[] WICKET_EVENTS = {"Wicket.Event.add(window, \"domready\", function(event) {",
        "Wicket.Event.add(window, \"load\", function(event) {"};
    /**
     * Wrappers whose function body holds the joined scripts: Liferay's AUI callback, PrimeFaces' deferred listener,
     * Wicket's DOM-ready and load listeners.
     */
    private static final String[] WRAPPERS = {LIFERAY_USE, "document.addEventListener(\"DOMContentLoaded\",",
        WICKET_EVENTS[0], WICKET_EVENTS[1]};

    /** How many rounds of declarations {@link #blank} follows: each reads the level again. */
    private static final int MAX_ROUNDS = 8;
    /** The most statements a snippet's loader after its settings statement spans ({@link #loaderAfter}). */
    private static final int MAX_LOADER = 8;
    /** Calls that insert an element into the document. */
    private static final String[] INSERTS = {"insertBefore(", "appendChild(", ".append(", ".prepend("};
    /** How deep blocks inside blocks are read for calls into what a blanked snippet defined. */
    private static final int MAX_BLOCK_DEPTH = 16;

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
        if (!anyScript && !isPrimeFaces(b, off, end) && !isLiferay(b, off, end) && !isWicket(b, off, end)) {
            return null;
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
     * function body, and then the statements that start by calling what those defined ({@link #definedNames}) or use a
     * variable they declared ({@link #throwsNow}): the
     * joined scripts run as one, so a {@code fbq('track', 'PageView');} left after its blanked snippet would throw and
     * stop every statement after it. Returns how many statements of other code stay, or -1 when the text cannot be
     * read.
     */
    private static int blank(byte[] t, int from, int to, TrackerCatalog catalog, Predicate<TrackerMatch> refused,
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
                definedNames(t, s, e, defined);
                ConsentManagerScript.declaredNames(t, s, e, declared);
                fill(t, s, e);
            }
        }
        for (int k = 0; k < statements.length; k += 2) {
            int[] loader = settings[k / 2] ? loaderAfter(t, statements, k) : null;
            for (int j = loader == null ? 0 : loader[0]; loader != null && j <= loader[1]; j += 2) {
                if (code[j / 2]) {
                    definedNames(t, statements[j], statements[j + 1], defined);
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
                if (code[k / 2] && throwsNow(t, s, e, defined, declared)) {
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
                blankCalls(t, body, closingBrace(t, e), defined, declared);
            }
            if (code[k / 2]) {
                blankCallsInBlocks(t, s, e, defined, declared, 0);
                kept++;
            }
        }
        return kept;
    }

    /**
     * Whether statement {@code t[s, e)}, run where it stands, would throw once the blanked statements are gone: it
     * starts by calling what they {@code defined} ({@link #callsInto}), or uses a name they {@code declared} outside
     * the bodies of its functions and blocks (those run later, or are read on their own: {@link #blankCallsInBlocks}).
     */
    private static boolean throwsNow(byte[] t, int s, int e, Set<String> defined, Set<String> declared) {
        if (callsInto(t, s, e, defined)) {
            return true;
        }
        if (declared.isEmpty()) {
            return false;
        }
        Set<String> bound = boundNames(t, s, e);
        if (!bound.isEmpty()) { // the statement's own parameter or variable of that name is another thing
            declared = new HashSet<>(declared);
            declared.removeAll(bound);
            if (declared.isEmpty()) {
                return false;
            }
        }
        ScriptStatements.Frame frame = ScriptStatements.frame(t, s, e);
        int[] bodies = frame == null ? new int[0] : frame.bodies();
        int from = s;
        for (int j = 0; j < bodies.length; j += 2) {
            if (ConsentManagerScript.refersTo(t, from, bodies[j], declared)) {
                return true;
            }
            from = bodies[j + 1];
        }
        return ConsentManagerScript.refersTo(t, from, e, declared);
    }

    /**
     * The names statement {@code t[s, e)} binds itself: the parameters of its functions and arrows
     * ({@code function (i, s) {…}}, {@code (a, b) => …}, {@code d => …}), a {@code catch} clause's, and the first name
     * each {@code var}, {@code let} or {@code const} in it declares ({@code for (const s of …)}). Where the statement
     * uses such a name, it uses its own, not a global a blanked statement declared.
     */
    static Set<String> boundNames(byte[] t, int s, int e) {
        Set<String> names = new HashSet<>();
        for (int i = s; i < e; i++) {
            byte c = t[i];
            if (c == '\'' || c == '"' || c == '`') {
                i = skipString(t, i, e) - 1;
            } else if (c == '=' && i + 1 < e && t[i + 1] == '>') { // an arrow: its parameters before it
                int k = i - 1;
                while (k >= s && ByteScan.isWs(t[k])) {
                    k--;
                }
                if (k >= s && t[k] == ')') {
                    int open = matchingOpen(t, s, k);
                    if (open >= 0) {
                        addParameters(t, open + 1, k, names);
                    }
                } else {
                    int n = k;
                    while (n >= s && isNamePart(t[n])) {
                        n--;
                    }
                    if (n < k) {
                        names.add(new String(t, n + 1, k - n, StandardCharsets.US_ASCII));
                    }
                }
            } else if (isNameStart(c) && (i == s || !isNamePart(t[i - 1]) && t[i - 1] != '.')) {
                int w = i;
                while (w < e && isNamePart(t[w])) {
                    w++;
                }
                String word = new String(t, i, w - i, StandardCharsets.US_ASCII);
                int k = w;
                while (k < e && (ByteScan.isWs(t[k]) || t[k] == '*')) {
                    k++;
                }
                if (word.equals("function")) {
                    while (k < e && isNamePart(t[k])) {
                        k++; // its name
                    }
                    while (k < e && ByteScan.isWs(t[k])) {
                        k++;
                    }
                }
                if ((word.equals("function") || word.equals("catch")) && k < e && t[k] == '(') {
                    int close = matchingClose(t, k, e);
                    if (close > k) {
                        addParameters(t, k + 1, close, names);
                    }
                } else if ((word.equals("var") || word.equals("let") || word.equals("const")) && k < e
                        && isNameStart(t[k])) {
                    int n = k;
                    while (n < e && isNamePart(t[n])) {
                        n++;
                    }
                    names.add(new String(t, k, n - k, StandardCharsets.US_ASCII));
                }
                i = w - 1;
            }
        }
        return names;
    }

    /** Adds the plain names in the parameter list {@code t[from, to)}: each one after its start or a comma. */
    private static void addParameters(byte[] t, int from, int to, Set<String> names) {
        int depth = 0;
        boolean expectName = true;
        for (int i = from; i < to; i++) {
            byte c = t[i];
            if (c == '(' || c == '[' || c == '{') {
                depth++;
                expectName = false;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                expectName = true;
            } else if (expectName && isNameStart(c)) {
                int n = i;
                while (n < to && isNamePart(t[n])) {
                    n++;
                }
                names.add(new String(t, i, n - i, StandardCharsets.US_ASCII));
                expectName = false;
                i = n - 1;
            } else if (!ByteScan.isWs(c) && c != '.') { // "...rest" keeps expecting its name
                expectName = false;
            }
        }
    }

    /** The index of the {@code (} that the {@code )} at {@code close} closes, within {@code [s, close)}, else -1. */
    private static int matchingOpen(byte[] t, int s, int close) {
        int depth = 0;
        for (int k = close; k >= s; k--) {
            if (t[k] == ')') {
                depth++;
            } else if (t[k] == '(' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** The index of the {@code )} that closes the {@code (} at {@code open}, within {@code [open, e)}, else -1. */
    private static int matchingClose(byte[] t, int open, int e) {
        int depth = 0;
        for (int k = open; k < e; k++) {
            if (t[k] == '(') {
                depth++;
            } else if (t[k] == ')' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** The index after the string or template literal opening at {@code i} (or {@code e}). */
    private static int skipString(byte[] t, int i, int e) {
        byte q = t[i];
        for (int k = i + 1; k < e; k++) {
            if (t[k] == '\\') {
                k++;
            } else if (t[k] == q) {
                return k + 1;
            }
        }
        return e;
    }

    /** Blanks the statements of {@code t[from, to)} that would throw ({@link #throwsNow}), in its blocks too. */
    private static void blankCalls(byte[] t, int from, int to, Set<String> defined, Set<String> declared) {
        int[] statements = ScriptStatements.split(t, from, to);
        for (int k = 0; statements != null && k < statements.length; k += 2) {
            if (throwsNow(t, statements[k], statements[k + 1], defined, declared)) {
                fill(t, statements[k], statements[k + 1]);
            } else {
                blankCallsInBlocks(t, statements[k], statements[k + 1], defined, declared, 0);
            }
        }
    }

    /**
     * Blanks the statements that start by calling one of {@code names} inside the blocks of statement
     * {@code t[s, e)} that run where it stands ({@code if}, {@code else}, {@code for}, {@code while}, {@code do},
     * {@code try}, a bare block), at any depth of such blocks: a throw there stops the joined scripts as one at the top
     * level does. A function's body runs later, where a throw stops only that function, and is not read.
     */
    private static void blankCallsInBlocks(byte[] t, int s, int e, Set<String> defined, Set<String> declared,
                                           int depth) {
        if (!defined.isEmpty()) {
            blankGuardedCall(t, s, e, defined);
        }
        if (defined.isEmpty() && declared.isEmpty() || depth >= MAX_BLOCK_DEPTH || !startsBlockThatRuns(t, s, e)) {
            return;
        }
        blankBracelessCalls(t, s, e, defined);
        Set<String> bound = declared.isEmpty() ? Set.of() : boundNames(t, s, e);
        if (!bound.isEmpty()) { // for (const s of list) { use(s); }: the block's s is the statement's own
            declared = new HashSet<>(declared);
            declared.removeAll(bound);
        }
        int[] clauses = switchBody(t, s, e);
        if (clauses != null) { // the statements of its case clauses run where it stands, behind their labels
            int[] inner = ScriptStatements.split(t, clauses[0], clauses[1]);
            for (int k = 0; inner != null && k < inner.length; k += 2) {
                int from = afterCaseLabels(t, inner[k], inner[k + 1]);
                if (from < 0) {
                    continue;
                }
                if (throwsNow(t, from, inner[k + 1], defined, declared)) {
                    fill(t, from, inner[k + 1]);
                } else {
                    blankCallsInBlocks(t, from, inner[k + 1], defined, declared, depth + 1);
                }
            }
            return;
        }
        ScriptStatements.Frame frame = ScriptStatements.frame(t, s, e);
        int[] bodies = frame == null ? new int[0] : frame.bodies();
        for (int j = 0; j < bodies.length; j += 2) {
            int[] inner = ScriptStatements.split(t, bodies[j], bodies[j + 1]);
            for (int k = 0; inner != null && k < inner.length; k += 2) {
                if (throwsNow(t, inner[k], inner[k + 1], defined, declared)) {
                    fill(t, inner[k], inner[k + 1]);
                } else {
                    blankCallsInBlocks(t, inner[k], inner[k + 1], defined, declared, depth + 1);
                }
            }
        }
    }

    /**
     * For a {@code switch} statement {@code t[s, e)}: the start (after its brace) and the end (its closing brace) of
     * its body; {@code null} for any other statement or one that does not read so.
     */
    private static int[] switchBody(byte[] t, int s, int e) {
        if (!startsWithWord(t, s, e, "switch")) {
            return null;
        }
        int k = s + 6;
        while (k < e && ByteScan.isWs(t[k])) {
            k++;
        }
        int close = k < e && t[k] == '(' ? matchingClose(t, k, e) : -1;
        if (close < 0) {
            return null;
        }
        k = close + 1;
        while (k < e && ByteScan.isWs(t[k])) {
            k++;
        }
        int end = e - 1;
        while (end > k && ByteScan.isWs(t[end])) {
            end--;
        }
        return k < end && t[k] == '{' && t[end] == '}' ? new int[] {k + 1, end} : null;
    }

    /**
     * Where the statement after the {@code case …:} and {@code default:} labels that start {@code t[s, e)} starts
     * (or {@code s} without one); -1 when nothing follows them or a label does not read so.
     */
    private static int afterCaseLabels(byte[] t, int s, int e) {
        int i = s;
        while (startsWithWord(t, i, e, "case") || startsWithWord(t, i, e, "default")) {
            int colon = -1;
            int depth = 0;
            for (int k = i; k < e && colon < 0; k++) {
                byte c = t[k];
                if (c == '\'' || c == '"' || c == '`') {
                    k = skipString(t, k, e) - 1;
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                } else if (c == '?' && depth == 0) {
                    return -1; // a conditional in the label: not read
                } else if (c == ':' && depth == 0) {
                    colon = k;
                }
            }
            if (colon < 0) {
                return -1;
            }
            i = colon + 1;
            while (i < e && ByteScan.isWs(t[i])) {
                i++;
            }
        }
        return i < e ? i : -1;
    }

    /**
     * Blanks the bodies of the control statements in statement {@code t[s, e)} written without braces
     * ({@link ScriptStatements#bracelessBodies}) that are a call into one of {@code defined} and nothing more
     * ({@code if (done) fbq('track', 'Purchase');}), leaving an empty statement in their place so that the
     * {@code if}, its {@code else} and a loop stay valid.
     */
    static void blankBracelessCalls(byte[] t, int s, int e, Set<String> defined) {
        int[] bodies = defined.isEmpty() ? null : ScriptStatements.bracelessBodies(t, s, e);
        for (int j = 0; bodies != null && j < bodies.length; j += 2) {
            int end = callsInto(t, bodies[j], bodies[j + 1], defined) ? callEnd(t, bodies[j], bodies[j + 1]) : -1;
            if (end > 0) {
                fill(t, bodies[j], end);
                t[bodies[j]] = ';';
            }
        }
    }

    /**
     * Blanks the call into one of {@code defined} that statement {@code t[s, e)} makes behind a condition and nothing
     * more ({@code done && fbq('track', 'Purchase');}, {@code window.sent || gtag('event', …);}, as minifiers write an
     * {@code if}): the call is overwritten by {@code 0} and spaces, so the condition is still evaluated and the
     * statement stays valid.
     */
    static void blankGuardedCall(byte[] t, int s, int e, Set<String> defined) {
        ScriptTokens k = new ScriptTokens(t, s, e);
        int after = -1; // after the last && or || at the statement's top level
        while (k.next()) {
            int i = k.i;
            byte c = t[i];
            if (k.word()) {
                continue;
            }
            boolean regex = k.regexAllowed();
            boolean template = c == '`';
            switch (c) {
                case '(', '[', '{' -> k.open();
                case ')', ']', '}' -> {
                    if (k.closesSubstitution(c)) {
                        template = true;
                        break;
                    }
                    if (!k.close()) {
                        return;
                    }
                }
                case '&', '|' -> {
                    if (k.depth == 0 && i + 1 < e && t[i + 1] == c && (i + 2 >= e || t[i + 2] != '=')) {
                        after = i + 2;
                        k.i = i + 2;
                    } else {
                        k.i = i + 1;
                    }
                }
                case '?', '=', ',' -> {
                    boolean comparison = c == '=' && (i + 1 < e && t[i + 1] == '=' && (i + 2 >= e || t[i + 2] != '>')
                        || i > s && "=!<>".indexOf(t[i - 1]) >= 0);
                    if (k.depth == 0 && !comparison) {
                        return; // a conditional, an assignment, an arrow or a sequence: not read
                    }
                    k.i = i + 1;
                }
                default -> k.skipLiteral(c, regex);
            }
            if (!k.after(c, template, regex)) {
                return;
            }
        }
        if (after < 0) {
            return;
        }
        int p = after;
        while (p < e && ByteScan.isWs(t[p])) {
            p++;
        }
        int end = callsInto(t, p, e, defined) ? callEnd(t, p, e) : -1;
        if (end < 0) {
            return;
        }
        int stop = end;
        while (stop > p && (t[stop - 1] == ';' || ByteScan.isWs(t[stop - 1]))) {
            stop--;
        }
        int rest = end;
        while (rest < e && ByteScan.isWs(t[rest])) {
            rest++;
        }
        if (rest < e) {
            return; // more follows the call in the statement
        }
        fill(t, p, stop);
        t[p] = '0';
    }

    /**
     * Where the call that starts {@code t[s, e)} ends as a statement: after the {@code ;} that follows its argument
     * list, or after the list where the statement ends there or a line break ends it (the next line cannot go on
     * with it); -1 when more follows (a chained call, an operator).
     */
    private static int callEnd(byte[] t, int s, int e) {
        int open = ByteScan.indexOf(t, s, e, '(');
        int[] statements = open < 0 ? null : ScriptStatements.split(t, s, e);
        if (statements == null || statements.length != 2) {
            return -1;
        }
        ScriptTokens k = new ScriptTokens(t, open, e);
        int close = -1;
        while (close < 0 && k.next()) {
            byte c = t[k.i];
            if (k.word()) {
                continue;
            }
            boolean regex = k.regexAllowed();
            boolean template = c == '`';
            switch (c) {
                case '(', '[', '{' -> k.open();
                case ')', ']', '}' -> {
                    if (k.closesSubstitution(c)) {
                        template = true;
                        break;
                    }
                    if (!k.close()) {
                        return -1;
                    }
                    if (k.depth == 0) {
                        close = k.i;
                    }
                }
                default -> k.skipLiteral(c, regex);
            }
            if (!k.after(c, template, regex)) {
                return -1;
            }
        }
        if (close < 0) {
            return -1;
        }
        boolean lineBreak = false;
        int i = close;
        while (i < e) {
            if (t[i] == '/' && i + 1 < e && (t[i + 1] == '/' || t[i + 1] == '*')) {
                int c = ScriptTokens.skipComment(t, i, e);
                if (c < 0) {
                    return -1;
                }
                for (int x = i; x < c; x++) {
                    lineBreak |= t[x] == '\n' || t[x] == '\r';
                }
                i = c;
            } else if (ByteScan.isWs(t[i])) {
                lineBreak |= t[i] == '\n' || t[i] == '\r';
                i++;
            } else {
                break;
            }
        }
        if (i == e) {
            return close;
        }
        if (t[i] == ';') {
            return i + 1;
        }
        // after a line break the call ends unless the next line can go on with it
        return lineBreak && "([`+-*/%.,?:=<>&|^!".indexOf(t[i]) < 0 && !startsWithWord(t, i, e, "in")
            && !startsWithWord(t, i, e, "instanceof") ? close : -1;
    }

    private static boolean startsWithWord(byte[] t, int i, int e, String w) {
        return ByteScan.startsWith(t, i, e, w) && (i + w.length() == e || !isNamePart(t[i + w.length()]));
    }

    /**
     * Whether statement {@code t[s, e)} is a block or a control statement, whose bodies (a {@code switch}'s case
     * clauses) run where it stands.
     */
    private static boolean startsBlockThatRuns(byte[] t, int s, int e) {
        if (s < e && t[s] == '{') {
            return true;
        }
        int w = s;
        while (w < e && isNamePart(t[w])) {
            w++;
        }
        String word = new String(t, s, w - s, StandardCharsets.US_ASCII);
        return word.equals("if") || word.equals("for") || word.equals("while") || word.equals("do")
            || word.equals("try") || word.equals("switch");
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
        while (i < e && (isNamePart(t[i]) || t[i] == '.')) {
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
     * Adds the global names a blanked statement {@code t[s, e)} may have defined: a property it assigns on an object
     * it did not create ({@code f.fbq=function…}, {@code window.lintrk = …}, {@code h.hj=…}), a function or variable
     * it declares, and a name it passes as a string to the function it runs ({@code …,'dataLayer','GTM-…')} of the GTM
     * snippet, {@code …,'ga')} of analytics.js) or indexes the global object with ({@code window['fbq']=…}); two
     * characters at least. A property of the element the snippet creates ({@code t.async=!0;t.src=v}) or of the
     * function it assigns ({@code n=f.fbq=function…;n.queue=[];n.push=n}), of another property ({@code h.hj.q=…}),
     * and a string passed to any other call ({@code fbq('init', …)}) is no global: the page's own {@code init()},
     * {@code async.parallel(…)} or {@code queue.push(…)} is not the snippet's.
     */
    static void definedNames(byte[] t, int s, int e, Set<String> names) {
        Set<String> locals = null;
        for (int i = s; i < e; i++) {
            byte c = t[i];
            boolean wordStart = i == s || !isNamePart(t[i - 1]);
            int n;
            if (c == '.' && i + 1 < e && isNameStart(t[i + 1])) {
                n = i + 1;
            } else if ((c == '\'' || c == '"') && i + 1 < e && isNameStart(t[i + 1])) {
                n = i + 1;
            } else if (wordStart && (c == 'f' || c == 'v' || c == 'l' || c == 'c')) {
                n = declared(t, i, e);
                if (n < 0) {
                    continue;
                }
            } else {
                continue;
            }
            int ne = n;
            while (ne < e && isNamePart(t[ne])) {
                ne++;
            }
            if (ne - n < 2) {
                continue;
            }
            boolean name;
            if (c == '.') {
                int k = ne;
                while (k < e && (t[k] == ' ' || t[k] == '\t')) {
                    k++;
                }
                name = k < e && t[k] == '=' && (k + 1 >= e || t[k + 1] != '=' && t[k + 1] != '>'); // assigned
                if (name) {
                    if (locals == null) {
                        locals = localObjects(t, s, e);
                    }
                    name = isGlobalObject(t, s, i, locals);
                }
            } else if (c == '\'' || c == '"') {
                name = ne < e && t[ne] == c && passedToItsFunction(t, s, i); // the whole string is the name
            } else {
                name = true;
            }
            if (name) {
                names.add(new String(t, n, ne - n, StandardCharsets.US_ASCII));
            }
        }
    }

    /**
     * Whether the object before the {@code .} at {@code dot} may be the global object: a plain name (not a property,
     * not an index or a call's result) that the statement did not assign an element or a function to.
     */
    private static boolean isGlobalObject(byte[] t, int s, int dot, Set<String> locals) {
        int os = dot;
        while (os > s && isNamePart(t[os - 1])) {
            os--;
        }
        if (os == dot || !isNameStart(t[os]) || os > s && t[os - 1] == '.') {
            return false;
        }
        return !locals.contains(new String(t, os, dot - os, StandardCharsets.US_ASCII));
    }

    /**
     * The plain names statement {@code t[s, e)} assigns something other than the global object to: an element it
     * creates ({@code t=b.createElement(e)}), a function ({@code n=f.fbq=function…}), the tag's command queue
     * ({@code var ttq=w[t]=w[t]||[]}): what it sets on them is theirs ({@code ttq.methods=[…]}), no global. A name it
     * assigns the global object to ({@code var w=window}) is the global object still.
     */
    private static Set<String> localObjects(byte[] t, int s, int e) {
        Set<String> locals = new HashSet<>();
        for (int i = s; i < e; i++) {
            if (t[i] != '=' || i + 1 < e && (t[i + 1] == '=' || t[i + 1] == '>')
                || i > s && "=!<>+-*/%&|^".indexOf(t[i - 1]) >= 0) {
                continue;
            }
            int k = i - 1;
            while (k >= s && (t[k] == ' ' || t[k] == '\t')) {
                k--;
            }
            int ne = k + 1;
            while (k >= s && isNamePart(t[k])) {
                k--;
            }
            int n = k + 1;
            if (n == ne || !isNameStart(t[n]) || k >= s && t[k] == '.') {
                continue; // no plain name: a property, an index
            }
            int r = i + 1;
            while (true) { // the right-hand side, past chained assignments (n=f.fbq=…)
                while (r < e && ByteScan.isWs(t[r])) {
                    r++;
                }
                int w = r;
                while (w < e && (isNamePart(t[w]) || t[w] == '.')) {
                    w++;
                }
                int a = w;
                while (a < e && (t[a] == ' ' || t[a] == '\t')) {
                    a++;
                }
                if (w > r && a < e && t[a] == '=' && (a + 1 >= e || t[a + 1] != '=' && t[a + 1] != '>')) {
                    r = a + 1;
                    continue;
                }
                boolean global = false;
                for (String g : GLOBAL_OBJECTS) {
                    global |= w - r == g.length() && ByteScan.startsWith(t, r, w, g)
                        && (a >= e || t[a] == ';' || t[a] == ',' || t[a] == ')' || t[a] == '\n' || t[a] == '\r');
                }
                if (!global) {
                    locals.add(new String(t, n, ne - n, StandardCharsets.US_ASCII));
                }
                break;
            }
        }
        return locals;
    }

    /**
     * Whether the string literal at {@code q} is an argument of a function expression the statement runs
     * ({@code })(window,document,'script','dataLayer','GTM-…');}, {@code }(window, …)}) or indexes the global object
     * ({@code window['fbq']}): how snippets name the global they define.
     */
    private static boolean passedToItsFunction(byte[] t, int s, int q) {
        int k = q - 1;
        while (k >= s && ByteScan.isWs(t[k])) {
            k--;
        }
        if (k >= s && t[k] == '[') {
            for (String global : GLOBALS) {
                String object = global.substring(0, global.length() - 1);
                if (!global.endsWith("[") && k - object.length() >= s
                    && ByteScan.startsWith(t, k - object.length(), k, object)
                    && (k - object.length() == s || !isNamePart(t[k - object.length() - 1]))) {
                    return true;
                }
            }
            return false;
        }
        int depth = 0;
        for (; k >= s; k--) { // back to the bracket that opens the argument list
            byte c = t[k];
            if (c == '\'' || c == '"') {
                k--;
                while (k >= s && t[k] != c) {
                    k--;
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth++;
            } else if (c == '(' || c == '[' || c == '{') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
        }
        if (k < s || t[k] != '(') {
            return false;
        }
        k--;
        while (k >= s && ByteScan.isWs(t[k])) {
            k--;
        }
        return k >= s && (t[k] == ')' || t[k] == '}');
    }

    /** After {@code function }, {@code var }, {@code let } or {@code const } at {@code i}: where the name starts, else -1. */
    private static int declared(byte[] t, int i, int e) {
        for (String kw : new String[] {"function ", "var ", "let ", "const "}) {
            if (ByteScan.startsWith(t, i, e, kw)) {
                int n = i + kw.length();
                while (n < e && t[n] == ' ') {
                    n++;
                }
                return n < e && isNameStart(t[n]) ? n : -1;
            }
        }
        return -1;
    }

    /**
     * Whether statement {@code t[s, e)} starts by calling one of {@code names}: {@code fbq(…)},
     * {@code dataLayer.push(…)}, also through the global object ({@code window.fbq(…)}, {@code self.fbq(…)},
     * {@code globalThis.fbq(…)}, {@code window['fbq'](…)}).
     */
    static boolean callsInto(byte[] t, int s, int e, Set<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        int i = s;
        for (String global : GLOBALS) {
            if (ByteScan.startsWith(t, s, e, global)) {
                i = s + global.length();
                break;
            }
        }
        byte quote = i > s && t[i - 1] == '[' && i < e ? t[i] : 0;
        if (quote == '\'' || quote == '"') {
            i++; // window['fbq'](…)
        } else if (i > s && t[i - 1] == '[') {
            return false;
        }
        int ne = i;
        while (ne < e && isNamePart(t[ne])) {
            ne++;
        }
        if (ne == i || !names.contains(new String(t, i, ne - i, StandardCharsets.US_ASCII))) {
            return false;
        }
        if (quote == '\'' || quote == '"') {
            if (ne + 1 >= e || t[ne] != quote || t[ne + 1] != ']') {
                return false;
            }
            ne += 2;
        }
        while (ne < e && (t[ne] == '.' || isNamePart(t[ne]))) {
            ne++; // dataLayer.push
        }
        return ne < e && t[ne] == '(';
    }

    private static boolean isNameStart(byte c) {
        return ByteScan.isAlpha(c) || c == '_' || c == '$';
    }

    private static boolean isNamePart(byte c) {
        return isNameStart(c) || c >= '0' && c <= '9';
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

    private static int lastIndexOf(byte[] b, int off, int end, String s) {
        for (int i = end - s.length(); i >= Math.max(off, end - 200); i--) {
            if (ByteScan.startsWith(b, i, end, s)) {
                return i;
            }
        }
        return -1;
    }
}
