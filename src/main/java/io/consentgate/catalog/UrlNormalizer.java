package io.consentgate.catalog;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.Locale;

/** The copying slow path of URL parsing: cleaning, host normalization and dot-segment removal. */
final class UrlNormalizer {

    private UrlNormalizer() {
    }

    /**
     * RFC 3986 dot-segment removal on the path part (the query is kept); also folds {@code %2e} and empty segments
     * ({@code //tr} counts as {@code /tr}: servers commonly treat them alike, and matching more is the safe side).
     */
    static String removeDotSegments(String pathAndQuery) {
        int q = pathAndQuery.length();
        for (int i = 0; i < pathAndQuery.length(); i++) {
            char c = pathAndQuery.charAt(i);
            if (c == '?' || c == '#') {
                q = i;
                break;
            }
        }
        String path = pathAndQuery.substring(0, q).replace("%2e", ".").replace("%2E", ".");
        String[] segs = path.split("/", -1);
        ArrayDeque<String> out = new ArrayDeque<>();
        for (int i = 1; i < segs.length; i++) {
            String seg = segs[i];
            boolean last = i == segs.length - 1;
            if (seg.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (seg.equals("..")) {
                out.pollLast();
                if (last) {
                    out.addLast("");
                }
            } else if (!seg.isEmpty() || last) {
                out.addLast(seg);
            }
        }
        return "/" + String.join("/", out) + pathAndQuery.substring(q);
    }

    /**
     * The path part with percent escapes of unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) decoded, the query
     * kept: RFC 3986 makes {@code /%74r} and {@code /tr} the same path, and servers answer them alike.
     */
    static String decodeUnreserved(String pathAndQuery) {
        int n = pathAndQuery.length();
        StringBuilder sb = new StringBuilder(n);
        int i = 0;
        for (; i < n; i++) {
            char c = pathAndQuery.charAt(i);
            if (c == '?' || c == '#') {
                break;
            }
            if (c == '%' && i + 2 < n) {
                int hi = hex(pathAndQuery.charAt(i + 1));
                int lo = hex(pathAndQuery.charAt(i + 2));
                char d = (char) (hi * 16 + lo);
                if (hi >= 0 && lo >= 0 && isUnreserved(d)) {
                    sb.append(d);
                    i += 2;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.append(pathAndQuery, i, n).toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
            || c == '_' || c == '~';
    }

    /** Removes tab/CR/LF and turns backslashes before the query into slashes, as browsers do for http(s). */
    static String clean(String url, int s, int e) {
        StringBuilder sb = new StringBuilder(e - s);
        boolean inQuery = false;
        for (int i = s; i < e; i++) {
            char c = url.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c == '?' || c == '#') {
                inQuery = true;
            }
            sb.append(c == '\\' && !inQuery ? '/' : c);
        }
        return sb.toString();
    }

    /**
     * The host of the authority {@code url[a, ae)} normalized like a browser would for lookup: userinfo and port
     * removed, percent-decoded (UTF-8), NFKC-folded (full-width letters and dots; IDNA-ignored code points dropped),
     * lower-cased, trailing dots removed; a decoded {@code :} ends the host (browsers reject such a host; matching
     * it is the safe side). Null when the host is empty, an IP literal, or still contains characters no catalog
     * host has.
     */
    static String hostString(String url, int a, int ae) {
        int hs = url.lastIndexOf('@', ae - 1);
        hs = hs < a ? a : hs + 1;
        if (hs < ae && url.charAt(hs) == '[') {
            return null;
        }
        int he = HostIndex.indexOf(url, ':', hs, ae);
        String raw = url.substring(hs, he < 0 ? ae : he);
        String host = raw.indexOf('%') >= 0 ? percentDecode(raw) : raw;
        if (host == null) {
            return null;
        }
        // IDNA mapping, approximately: compatibility forms folded, the ideographic full stops are dots, and the
        // code points IDNA ignores (format characters such as the soft hyphen, zero-width space, joiners, word
        // joiner and BOM; variation selectors; the combining grapheme joiner) disappear.
        host = withoutIgnored(Normalizer.normalize(host, Normalizer.Form.NFKC))
                .replace('\u3002', '.').replace('\uff0e', '.').replace('\uff61', '.')
                .toLowerCase(Locale.ROOT);
        int end = host.length();
        while (end > 0 && host.charAt(end - 1) == '.') {
            end--;
        }
        host = host.substring(0, end);
        int colonAfterDecode = host.indexOf(':');
        if (colonAfterDecode >= 0) {
            host = host.substring(0, colonAfterDecode);
        }
        if (!host.isEmpty() && !UrlMatcher.isCleanHost(host, 0, host.length())) {
            host = asciiLabels(host);
        }
        return host.isEmpty() || !UrlMatcher.isCleanHost(host, 0, host.length()) ? null : host;
    }

    /**
     * A host with labels outside ASCII in the form browsers request: each such label as its punycode ({@code xn--})
     * label, so a parent domain still matches ({@code ǝ.facebook.com} is requested as {@code xn--8ja.facebook.com}).
     * A label that IDNA refuses is left as it is (the host then matches nothing, as the browser refuses it too).
     */
    private static String asciiLabels(String host) {
        StringBuilder sb = new StringBuilder(host.length() + 16);
        int from = 0;
        while (from <= host.length()) {
            int dot = host.indexOf('.', from);
            int to = dot < 0 ? host.length() : dot;
            String label = host.substring(from, to);
            boolean ascii = label.chars().allMatch(c -> c < 0x80);
            if (!ascii) {
                try {
                    label = java.net.IDN.toASCII(label, java.net.IDN.ALLOW_UNASSIGNED);
                } catch (IllegalArgumentException refused) {
                    // left as it is
                }
            }
            sb.append(label);
            if (dot < 0) {
                break;
            }
            sb.append('.');
            from = dot + 1;
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code s} without the code points browsers' IDNA processing drops from a host (and a few it rejects). */
    private static String withoutIgnored(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean ignored = Character.getType(cp) == Character.FORMAT || cp == 0x034F
                || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
            if (ignored && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!ignored && sb != null) {
                sb.append(s, i, next);
            }
            i = next;
        }
        return sb == null ? s : sb.toString();
    }

    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException ex) {
            return null;
        }
    }

    /** The value of ASCII hex digit {@code c}; -1 for any other character (no full-width or other Unicode digits). */
    private static int hex(char c) {
        return HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1;
    }
}
