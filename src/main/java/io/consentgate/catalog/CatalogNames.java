package io.consentgate.catalog;

/** What the names in a catalog file may look like: checked when the catalog is read, so a typo fails loudly. */
final class CatalogNames {

    private CatalogNames() {
    }

    /** A host name as the catalog lists it: lower-case, at least one dot, no empty label. */
    static boolean isHost(String h) {
        if (h.isEmpty() || h.length() > 253 || h.charAt(0) == '.' || h.charAt(h.length() - 1) == '.'
                || h.indexOf('.') < 0 || h.contains("..")) {
            return false;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** An entry id: lower-case letters, digits, {@code -}, {@code _} and {@code .}. */
    static boolean isId(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** AMP vendor types as the catalog lists them: lower-case (they are matched ignoring ASCII case). */
    static boolean isAmpType(String t) {
        return t.length() <= 64 && isId(t);
    }

    /**
     * RequireJS module names and map aliases as Magento pages name components
     * ({@code Magento_GoogleGtag/js/google-analytics}, {@code magepalGtmDatalayer}): case-sensitive, kept as written.
     */
    static boolean isComponentName(String c) {
        if (c.length() > 200 || c.startsWith("/") || c.endsWith("/") || c.contains("//")) {
            return false;
        }
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-'
                    || ch == '_' || ch == '.' || ch == '/')) {
                return false;
            }
        }
        return true;
    }

    /** A cookie name: an RFC 6265 token (no control, space or separator character). */
    static boolean isCookieName(String n) {
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Printable ASCII only. */
    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * Names of the global object a stub may define in the page ({@code gtag}, {@code dataLayer}): a plain JavaScript
     * identifier in ASCII, at most 64 characters, and none of the browser's own globals, keywords or the names stub
     * code uses itself.
     */
    static boolean isPageGlobal(String n) {
        if (n.isEmpty() || n.length() > 64 || RESERVED_GLOBALS.contains(n) || FALSY_GLOBALS.contains(n)
            || isEventHandlerName(n)) {
            return false;
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code n} has the form of a window event handler property ({@code onload}, {@code onbeforeunload}):
     * null until set, so a stand-in ({@code w[n] = w[n] || v}) would become the handler.
     */
    private static boolean isEventHandlerName(String n) {
        if (n.length() < 3 || !n.startsWith("on")) {
            return false;
        }
        for (int i = 2; i < n.length(); i++) {
            if (n.charAt(i) < 'a' || n.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    /** The window's own properties whose value is null, "" or 0 at first: a stand-in would replace them. */
    private static final java.util.Set<String> FALSY_GLOBALS = java.util.Set.of("status", "defaultStatus", "event",
        "length", "scrollX", "scrollY", "pageXOffset", "pageYOffset", "screenX", "screenY", "screenLeft",
        "screenTop", "frameElement", "closed", "originAgentCluster", "crossOriginIsolated", "isSecureContext");

    private static final java.util.Set<String> RESERVED_GLOBALS = java.util.Set.of("window", "self", "top",
        "parent", "frames", "globalThis", "document", "location", "navigator", "history", "name", "opener",
        "localStorage", "sessionStorage", "console", "fetch", "setTimeout", "setInterval", "Object", "Array",
        "Function", "Promise", "Proxy", "JSON", "Math", "String", "Number", "Boolean", "Symbol", "Error", "Date",
        "RegExp", "Map", "Set", "undefined", "NaN", "Infinity", "eval", "arguments", "this", "null", "true",
        "false", "var", "let", "const", "function", "return", "new", "delete", "typeof", "void", "in", "of",
        "instanceof", "if", "else", "for", "while", "do", "switch", "case", "default", "break", "continue", "try",
        "catch", "finally", "throw", "class", "extends", "super", "import", "export", "yield", "await", "with",
        "debugger", "enum", "static", "async");
}
