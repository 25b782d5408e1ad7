package io.consentgate.beacon;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The two views of a request path the gate matches on, both without a trailing slash ({@code "/"} for the root):
 * the container's ({@code getServletPath() + getPathInfo()}, already decoded) and an independent normalization of
 * the raw {@code getRequestURI()} ({@code ;params} stripped per segment, percent-decoded once as UTF-8, empty,
 * {@code .} and {@code ..} segments resolved), each also read as a proxy's upstream reads it ({@link #proxiedView}).
 * Neither ever throws; a view that cannot be computed is {@code null}.
 */
final class BeaconPath {

    private BeaconPath() {
    }

    /** The container's view, with empty and dot segments resolved again; null when the container refuses. */
    static String containerView(HttpServletRequest request) {
        try {
            String servletPath = request.getServletPath();
            String pathInfo = request.getPathInfo();
            String p = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
            return resolve(p);
        } catch (RuntimeException e) {
            // Jetty throws on ambiguous URIs (e.g. an encoded slash) when asked for the servlet path.
            return null;
        }
    }

    /** The raw URI's view within the context; null when malformed or not below the context path. */
    static String rawView(HttpServletRequest request) {
        try {
            String uri = normalizeRaw(request.getRequestURI());
            String contextPath = request.getContextPath();
            String context = contextPath == null || contextPath.isEmpty() ? "/" : normalizeRaw(contextPath);
            if (uri == null || context == null) {
                return null;
            }
            if (context.equals("/")) {
                return uri;
            }
            if (uri.equals(context)) {
                return "/";
            }
            return uri.startsWith(context + "/") ? uri.substring(context.length()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Normalizes a raw (still percent-encoded) path: strips {@code ;params} from every segment, percent-decodes the
     * rest as UTF-8 ({@code %2f} becomes a separator), then resolves empty, {@code .} and {@code ..} segments
     * ({@code ..} above the root stays at the root, as browsers do).
     *
     * @return the normalized path, or {@code null} when {@code raw} is null or has malformed percent-encoding or
     *         invalid UTF-8
     */
    static String normalizeRaw(String raw) {
        if (raw == null) {
            return null;
        }
        if (isCanonical(raw, true)) {
            return raw;
        }
        int end = raw.length();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        StringBuilder decoded = new StringBuilder(end);
        int start = 0;
        while (start <= end) {
            int slash = raw.indexOf('/', start);
            int segEnd = slash < 0 || slash > end ? end : slash;
            int contentEnd = indexOf(raw, ';', start, segEnd);
            if (!decode(raw, start, contentEnd, decoded)) {
                return null;
            }
            if (segEnd == end) {
                break;
            }
            decoded.append('/');
            start = segEnd + 1;
        }
        return resolve(decoded);
    }

    /**
     * A decoded view as a proxy that appends it to its upstream URL sends it, and the upstream reads it: a {@code ?}
     * or {@code #} (decoded from {@code %3F}, {@code %23}) ends the path, a {@code ;} (from {@code %3B}) starts path
     * parameters that a Java upstream strips up to the segment's end, and a segment that is a dot segment once more
     * decoded ({@code %2e}, {@code %2e%2e}, {@code .%2e}, {@code %2e.}, from a double-encoded {@code %252e}) is one, as
     * URL parsers (WHATWG, Tomcat, Jetty) read it; a {@code \} (let through by a lenient container) is a {@code /}, as
     * WHATWG URL parsers read it; then resolved again.
     *
     * @return the path so read, or {@code null} when {@code view} is null or has none of these characters
     */
    static String proxiedView(String original) {
        if (original == null) {
            return null;
        }
        boolean backslash = original.indexOf('\\') >= 0;
        String view = backslash ? original.replace('\\', '/') : original;
        int end = view.length();
        boolean semicolon = false;
        boolean percent = false;
        for (int i = 0; i < view.length(); i++) {
            char c = view.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
            semicolon |= c == ';';
            percent |= c == '%';
        }
        if (end == view.length() && !semicolon && !percent && !backslash) {
            return null;
        }
        StringBuilder out = new StringBuilder(end);
        int start = 0;
        while (start <= end) {
            int slash = view.indexOf('/', start);
            int segEnd = slash < 0 || slash > end ? end : slash;
            int contentEnd = indexOf(view, ';', start, segEnd);
            String seg = view.substring(start, contentEnd);
            String dots = percent ? seg.toLowerCase(Locale.ROOT).replace("%2e", ".") : seg;
            out.append(dots.equals(".") || dots.equals("..") ? dots : seg);
            if (segEnd == end) {
                break;
            }
            out.append('/');
            start = segEnd + 1;
        }
        return resolve(out);
    }

    /** Resolves empty, {@code .} and {@code ..} segments; the result starts with {@code /} and has no trailing one. */
    static String resolve(CharSequence path) {
        String p = path.toString();
        if (isCanonical(p, false)) {
            return p;
        }
        Deque<String> segments = new ArrayDeque<>();
        int start = 0;
        while (start <= p.length()) {
            int slash = p.indexOf('/', start);
            int end = slash < 0 ? p.length() : slash;
            String seg = p.substring(start, end);
            if (seg.equals("..")) {
                segments.pollLast();
            } else if (!seg.isEmpty() && !seg.equals(".")) {
                segments.addLast(seg);
            }
            start = end + 1;
        }
        if (segments.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(p.length());
        for (String seg : segments) {
            out.append('/').append(seg);
        }
        return out.toString();
    }

    /**
     * Whether {@code p} is already normalized, so the common request costs one scan and no allocation: starts with
     * {@code /}, no empty, {@code .} or {@code ..} segment, no trailing slash (except the root) and, for a raw URI, no
     * {@code %}, {@code ;}, {@code ?} or {@code #}.
     */
    private static boolean isCanonical(String p, boolean raw) {
        int n = p.length();
        if (n == 0 || p.charAt(0) != '/') {
            return false;
        }
        if (n == 1) {
            return true;
        }
        if (p.charAt(n - 1) == '/') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = p.charAt(i);
            if (raw && (c == '%' || c == ';' || c == '?' || c == '#')) {
                return false;
            }
            if (c == '/' && i + 1 < n) {
                char next = p.charAt(i + 1);
                if (next == '/') {
                    return false;
                }
                if (next == '.') {
                    int end = p.indexOf('/', i + 1);
                    int len = (end < 0 ? n : end) - (i + 1);
                    if (len == 1 || (len == 2 && p.charAt(i + 2) == '.')) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The first {@code c} in {@code s[from, to)}, else {@code to}. Not {@link String#indexOf(int, int)}: per segment,
     * that scans on to the end of the path when the segment has none, which makes a path of many segments quadratic.
     */
    private static int indexOf(String s, char c, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) != c) {
            i++;
        }
        return i;
    }

    /** Percent-decodes {@code s[from, to)} as UTF-8 into {@code out}; false when malformed. */
    private static boolean decode(String s, int from, int to, StringBuilder out) {
        if (indexOf(s, '%', from, to) == to) {
            out.append(s, from, to);
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate((to - from) * 4);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) {
                    return false;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                int cp = s.codePointAt(i);
                bytes.put(StandardCharsets.UTF_8.encode(new String(Character.toChars(cp))));
                i += Character.charCount(cp) - 1;
            }
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            out.append(chars);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
