package io.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a statement of a script does where it stands, read without the catalog for {@link MixedScript}: whether it
 * runs code (a call or a {@code new} outside the bodies of its functions), and whether it loads an element as a tag's
 * loader does. Reads strings, comments, function and arrow bodies as the language does, brackets as written.
 */
final class StatementCalls {

    /** Words a {@code (} follows that call nothing: the heads of control statements, operators, a catch clause. */
    private static final Set<String> NOT_CALLS = Set.of("if", "for", "while", "switch", "catch", "return", "typeof",
        "void", "delete", "in", "of", "instanceof", "await", "yield", "throw", "case", "do", "else");

    /** Functions and constructors that only compute a value ({@code new Date().getTime()}, {@code JSON.parse(…)}). */
    private static final Set<String> VALUES = Set.of("Date", "Math", "JSON", "Array", "Object", "String", "Number",
        "Boolean", "RegExp", "Map", "Set", "Symbol", "encodeURIComponent", "decodeURIComponent", "encodeURI",
        "decodeURI", "escape", "unescape", "parseInt", "parseFloat", "isNaN", "isFinite");

    /** Methods that queue a value for whoever reads the queue later ({@code _paq.push([…])}). */
    private static final Set<String> QUEUES = Set.of("push", "unshift");

    /** The calls by which a tag's loader creates, finds and inserts its element. */
    private static final Set<String> LOADER_CALLS = Set.of("createElement", "getElementsByTagName", "insertBefore",
        "appendChild");

    /**
     * What a tag's loader does to the element it adds, after a {@code .}: creates it, finds where it goes, sets its
     * source, inserts it.
     */
    private static final String[] LOADER_PARTS = {"createElement(", "getElementsByTagName(", "insertBefore(",
        "appendChild(", "src=", "src =", "async=", "async ="};

    /** Properties whose value an element or an image requests once set ({@code img.src = …}, {@code {src: …}}). */
    private static final Set<String> SOURCES = Set.of("src", "srcset");

    /**
     * Calls that request the address they are passed first ({@code fetch(…)}, {@code navigator.sendBeacon(…)},
     * {@code document.write(…)} of markup with a source, jQuery's {@code $.ajax(…)}),
     * or second ({@code xhr.open('GET', …)}), or that set a source ({@code el.setAttribute('src', …)}).
     */
    private static final Set<String> REQUESTS = Set.of("fetch", "sendBeacon", "write", "writeln", "getJSON", "ajax",
        "Worker", "SharedWorker", "WebSocket", "EventSource", "open", "setAttribute");

    /** Calls that load and run a script from the address they are passed, whatever it is. */
    private static final Set<String> SCRIPT_LOADS = Set.of("getScript", "importScripts", "import");

    private StatementCalls() {
    }

    /**
     * At {@code t[i]}: the index of the last byte of the string or template literal or the comment that starts there,
     * {@code i} itself where none does, and -1 for a comment that does not end.
     */
    static int skipQuoted(byte[] t, int i, int e) {
        byte c = t[i];
        if (c == '"' || c == '\'' || c == '`') {
            return Math.max(i, SnippetNames.skipString(t, i, e) - 1);
        }
        if (c == '/' && i + 1 < e && (t[i + 1] == '/' || t[i + 1] == '*')) {
            int end = ScriptTokens.skipComment(t, i, e);
            return end < 0 ? -1 : end - 1;
        }
        return i;
    }

    /** Whether statement {@code t[s, e)} loads or sets up an element as a tag's loader does. */
    static boolean loads(byte[] t, int s, int e) {
        for (int i = ByteScan.indexOf(t, s, e, '.'); i < e; i = ByteScan.indexOf(t, i + 1, e, '.')) {
            for (String part : LOADER_PARTS) {
                if (ByteScan.startsWith(t, i + 1, e, part)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the text {@code t[s, e)}, anywhere in it (a handler's body too), requests what the catalog cannot read
     * in it: an address it does not write out as one string literal, a source set or passed ({@link #SOURCES}) or a
     * request made ({@link #REQUESTS}) with a variable, a concatenation or a template literal with substitutions; or
     * a script from any source (a script element it creates and gives a source, {@code $.getScript(…)},
     * {@code importScripts(…)}, {@code import(…)}). The catalog reads literals only, and knows a tag's library by
     * its host: in a script that named a tracker, {@code new Image().src = origin + '/tr?id=…'}, a loader's
     * {@code el.src = host + '/fbevents.js'}, or one that loads the library copied to the site or a server-side
     * container on the site's own subdomain may still reach it once the statements that named it are blanked, where
     * the whole script removed would not. A text it cannot read requests one.
     */
    static boolean requestsUnread(byte[] t, int s, int e) {
        boolean source = false;
        boolean scriptElement = false;
        for (int i = s; i < e; i++) {
            byte c = t[i];
            int quoted = skipQuoted(t, i, e);
            if (quoted < 0) {
                return true;
            } else if (quoted > i) {
                i = quoted;
            } else if (SnippetNames.isNamePart(c) && (i == s || !SnippetNames.isNamePart(t[i - 1]))) {
                int w = i;
                while (i < e && SnippetNames.isNamePart(t[i])) {
                    i++;
                }
                String name = new String(t, w, i - w, StandardCharsets.US_ASCII);
                int p = w - 1;
                while (p >= s && ByteScan.isWs(t[p])) {
                    p--;
                }
                int n = skipWs(t, i, e);
                boolean call = n < e && t[n] == '(';
                if (SOURCES.contains(name) && n < e && (t[n] == '=' && p >= s && t[p] == '.'
                        && (n + 1 >= e || t[n + 1] != '=' && t[n + 1] != '>')
                        || t[n] == ':' && p >= s && (t[p] == '{' || t[p] == ','))) {
                    if (literalEnd(t, n + 1, e) < 0) {
                        return true; // img.src = origin + '/tr?…', {src: origin + …}
                    }
                    source = true;
                } else if (call && SCRIPT_LOADS.contains(name)) {
                    return true;
                } else if (call && (name.equals("write") || name.equals("writeln")) && writesScript(t, n, e)) {
                    return true; // document.write('<script src="…"><\/script>')
                } else if (call && name.equals("createElement")) {
                    scriptElement |= literalIs(t, n + 1, e, "script");
                } else if (call && name.equals("setAttribute") && literalIs(t, n + 1, e, "src")) {
                    source = true;
                }
                if (call && REQUESTS.contains(name) && !requestsLiterals(t, name, n, e)) {
                    return true;
                }
                i--;
            }
        }
        return source && scriptElement;
    }

    /** Whether the argument list opening at {@code t[open]} holds a script start tag, in any case. */
    private static boolean writesScript(byte[] t, int open, int e) {
        int close = SnippetNames.matchingClose(t, open, e);
        String args = new String(t, open, (close < 0 ? e : close) - open, StandardCharsets.ISO_8859_1);
        return args.toLowerCase(Locale.ROOT).contains("<script");
    }

    /** Whether a string literal whose text is {@code value} (in any case) starts at {@code t[i]} after white space. */
    private static boolean literalIs(byte[] t, int i, int e, String value) {
        int a = skipWs(t, i, e);
        int end = literalEnd(t, a, e);
        return end - a - 2 == value.length()
            && new String(t, a + 1, value.length(), StandardCharsets.US_ASCII).equalsIgnoreCase(value);
    }

    /**
     * Whether the call of {@code name}, whose argument list opens at {@code t[open]}, passes its address as a
     * literal: none, or the first argument one (the first two for {@code open}, the method and the address; the
     * second for {@code setAttribute} of a source, any other attribute being no request).
     */
    private static boolean requestsLiterals(byte[] t, String name, int open, int e) {
        int a = skipWs(t, open + 1, e);
        if (a < e && t[a] == ')') {
            return true;
        }
        int end = literalEnd(t, a, e);
        if (name.equals("setAttribute")) {
            if (end < 0) {
                return false;
            }
            String attribute = new String(t, a + 1, Math.max(0, end - a - 2), StandardCharsets.US_ASCII).trim();
            int next = skipWs(t, end, e);
            return !SOURCES.contains(attribute.toLowerCase(Locale.ROOT))
                || next < e && t[next] == ',' && literalEnd(t, next + 1, e) >= 0;
        }
        if (end < 0 || !name.equals("open")) {
            return end >= 0;
        }
        int next = skipWs(t, end, e);
        return next >= e || t[next] != ',' || literalEnd(t, next + 1, e) >= 0;
    }

    /**
     * The index after the string literal that starts at {@code t[i]} after white space and is a whole value (what
     * follows it ends the value: {@code , ) ; ] }}, or a line break before no operator), or -1: no literal, one with
     * substitutions, or one a value goes on from ({@code 'https://' + host}).
     */
    private static int literalEnd(byte[] t, int i, int e) {
        i = skipWs(t, i, e);
        if (i >= e || t[i] != '\'' && t[i] != '"' && t[i] != '`') {
            return -1;
        }
        int end = SnippetNames.skipString(t, i, e);
        if (t[i] == '`' && ByteScan.find(t, i, end, "${") >= 0) {
            return -1;
        }
        boolean lineBreak = false;
        int k = end;
        while (k < e && ByteScan.isWs(t[k])) {
            lineBreak |= t[k] == '\n' || t[k] == '\r';
            k++;
        }
        if (k >= e || ",);]}".indexOf(t[k]) >= 0 || lineBreak && "+-*/%.?:[(`&|=<>".indexOf(t[k]) < 0) {
            return end;
        }
        return -1;
    }

    /**
     * Whether the text {@code t[s, e)} runs code where it stands: a call or a {@code new} outside the bodies of the
     * functions and arrows it defines ({@code initMenu();}, {@code $(function () {…});},
     * {@code el.className = x.replace(…);}, {@code new Glide(…)}). A statement that only declares or assigns values
     * and functions does not ({@code var _smid = "…";}, {@code window.aa = window.aa || function () {…};}), nor one
     * whose calls only compute values ({@code new Date().getTime()}, {@code encodeURIComponent(…)}) or queue them
     * ({@code (window.gaDevIds = window.gaDevIds || []).push('…');}). Nor, with {@code snippets}, a call into the
     * {@code skip} names ({@code gtag('js', …)}), a call that creates, finds or inserts an element, and a function
     * run where it is written whose body does that: a tag's loader. A text it cannot read runs code.
     */
    static boolean runsCode(byte[] t, int s, int e, Predicate<String> skip, boolean snippets) {
        boolean loaderFunction = false; // the last function body skipped loads an element
        for (int i = s; i < e; i++) {
            byte c = t[i];
            int quoted = skipQuoted(t, i, e);
            if (quoted < 0) {
                return true;
            } else if (quoted > i) {
                i = quoted;
            } else if (c == '=' && i + 1 < e && t[i + 1] == '>') { // an arrow's body runs later
                int n = skipWs(t, i + 2, e);
                int end = n < e && t[n] == '{' ? closing(t, n, e) : expressionEnd(t, n, e) - 1;
                if (end < 0) {
                    return true;
                }
                loaderFunction = snippets && loads(t, n, end);
                i = end;
            } else if (c == ')' || c == ']') {
                int n = skipWs(t, i + 1, e);
                if (n < e && t[n] == '(' && !(c == ')' && loaderFunction)) {
                    return true; // the result called: (function () {…})(), list[0]()
                }
            } else if (SnippetNames.isNamePart(c) && (i == s || !SnippetNames.isNamePart(t[i - 1]))) {
                int w = i;
                while (i < e && SnippetNames.isNamePart(t[i])) {
                    i++;
                }
                int n = skipWs(t, i, e);
                if (isWord(t, w, i, "function")) { // its body runs later, unless it is called where it stands
                    int brace = ByteScan.indexOf(t, n, e, '{');
                    int end = brace < e ? closing(t, brace, e) : -1;
                    if (end < 0) {
                        return true;
                    }
                    loaderFunction = snippets && loads(t, brace, end);
                    i = end;
                    int after = skipWs(t, i + 1, e);
                    if (after < e && t[after] == '(' && !loaderFunction) {
                        return true; // !function () {…}(…)
                    }
                    continue;
                }
                if (isWord(t, w, i, "new")) {
                    int k = n;
                    while (k < e && SnippetNames.isNamePart(t[k])) {
                        k++;
                    }
                    if (!VALUES.contains(new String(t, n, k - n, StandardCharsets.US_ASCII))) {
                        return true; // new Image(), new Glide(…)
                    }
                } else if (n < e && t[n] == '(' && isCall(t, s, w, i, skip, snippets)) {
                    return true;
                }
                i--;
            }
        }
        return false;
    }

    /**
     * Whether the name {@code t[w, end)}, which a {@code (} follows, is a call that runs code: not a control
     * statement's head or an operator, not a queue's {@code push}, no function that only computes a value, and with
     * {@code snippets} no call into the {@code skip} names and none that creates, finds or inserts an element.
     */
    private static boolean isCall(byte[] t, int s, int w, int end, Predicate<String> skip, boolean snippets) {
        String name = new String(t, w, end - w, StandardCharsets.US_ASCII);
        if (NOT_CALLS.contains(name) || QUEUES.contains(name) || snippets && LOADER_CALLS.contains(name)) {
            return false;
        }
        String root = chainRoot(t, s, w);
        return !VALUES.contains(root) && !(snippets && skip.test(root));
    }

    private static boolean isWord(byte[] t, int w, int end, String word) {
        return end - w == word.length() && ByteScan.startsWith(t, w, end, word);
    }

    /**
     * The first name of the member chain whose last name starts at {@code w} ({@code Date} of
     * {@code new Date().getTime}, {@code document} of {@code document.body.appendChild}), or "" where it starts with
     * anything else.
     */
    private static String chainRoot(byte[] t, int s, int w) {
        int start = w;
        int p = w - 1;
        while (true) {
            while (p >= s && ByteScan.isWs(t[p])) {
                p--;
            }
            if (p < s || t[p] != '.' || p > s && t[p - 1] == '.') {
                break;
            }
            p--;
            while (p >= s && ByteScan.isWs(t[p])) {
                p--;
            }
            if (p >= s && (t[p] == ')' || t[p] == ']')) {
                p = opening(t, s, p) - 1;
                if (p < s - 1) {
                    return "";
                }
                while (p >= s && ByteScan.isWs(t[p])) {
                    p--;
                }
            }
            int end = p + 1;
            while (p >= s && SnippetNames.isNamePart(t[p])) {
                p--;
            }
            if (p + 1 == end) {
                return "";
            }
            start = p + 1;
        }
        int k = start;
        while (k < t.length && SnippetNames.isNamePart(t[k])) {
            k++;
        }
        return new String(t, start, k - start, StandardCharsets.US_ASCII);
    }

    /** The index of the bracket that opens the one closing at {@code close}, within {@code [s, close)}, else -1. */
    private static int opening(byte[] t, int s, int close) {
        int depth = 0;
        for (int p = close; p >= s; p--) {
            byte c = t[p];
            if (c == ')' || c == ']') {
                depth++;
            } else if ((c == '(' || c == '[') && --depth == 0) {
                return p;
            }
        }
        return -1;
    }

    /** Where the expression starting at {@code i} ends: at a {@code ,} or {@code ;} outside brackets, or before one. */
    private static int expressionEnd(byte[] t, int i, int e) {
        int depth = 0;
        for (; i < e; i++) {
            byte c = t[i];
            if (c == '"' || c == '\'' || c == '`') {
                i = SnippetNames.skipString(t, i, e) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth < 0) {
                    return i;
                }
            } else if ((c == ',' || c == ';') && depth == 0) {
                return i;
            }
        }
        return e;
    }

    /** The index of the brace that closes the one at {@code open}, strings and comments skipped; -1 when none. */
    private static int closing(byte[] t, int open, int e) {
        int depth = 0;
        for (int i = open; i < e; i++) {
            byte c = t[i];
            int quoted = skipQuoted(t, i, e);
            if (quoted < 0) {
                return -1;
            } else if (quoted > i) {
                i = quoted;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int skipWs(byte[] t, int i, int e) {
        while (i < e && ByteScan.isWs(t[i])) {
            i++;
        }
        return i;
    }
}
