package io.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The names a blanked tracker snippet leaves undefined, and the names a statement binds itself: what
 * {@link MergedScript} and {@link ConsentManagerScript} need to tell the page's own code, which stays, from calls
 * into the snippet that would throw once it is gone. Reads the script's bytes as written (no JavaScript is run).
 */
final class SnippetNames {

    /** How a script reaches a global through the global object before a call into it. */
    static final String[] GLOBALS = {"window.", "self.", "globalThis.", "window[", "self[", "globalThis["};

    /** The names of the global object a snippet assigns to a variable of its own ({@code var w=window}). */
    private static final String[] GLOBAL_OBJECTS = {"window", "self", "globalThis", "top"};

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
                addArrowParameters(t, s, i, names);
            } else if (isNameStart(c) && (i == s || !isNamePart(t[i - 1]) && t[i - 1] != '.')) {
                i = addWordBindings(t, i, e, names) - 1;
            }
        }
        return names;
    }

    /** Adds the parameters of the arrow whose {@code =>} is at {@code t[arrow]}, read back to {@code t[s]} at most. */
    private static void addArrowParameters(byte[] t, int s, int arrow, Set<String> names) {
        int k = arrow - 1;
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
    }

    /**
     * Adds what the word starting at {@code t[i]} binds: the parameters of a {@code function} or {@code catch}, or
     * the first name a {@code var}, {@code let} or {@code const} declares. Returns the index after the word.
     */
    private static int addWordBindings(byte[] t, int i, int e, Set<String> names) {
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
        return w;
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
    static int matchingClose(byte[] t, int open, int e) {
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
    static int skipString(byte[] t, int i, int e) {
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
    static int declared(byte[] t, int i, int e) {
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

    private static boolean isNameStart(byte c) {
        return ByteScan.isAlpha(c) || c == '_' || c == '$';
    }

    static boolean isNamePart(byte c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }

    private SnippetNames() {
    }
}
