package io.consentgate.html;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The document in a {@code data:} URL that a frame, {@code <object>} or {@code <embed>} would display, read as the
 * WHATWG fetch standard's data: URL processor does: the fragment dropped, the media type before the first comma, an
 * optional {@code ;base64} (a semicolon, spaces, {@code base64}), the body percent-decoded and then, for base64,
 * decoded forgivingly (ASCII whitespace ignored, padding optional). Only documents that can load further resources
 * are returned: HTML, XHTML, SVG and other XML (XSL included).
 */
final class DataUrl {

    private DataUrl() {
    }

    /**
     * The document of {@code url} in every reading a browser might use, as bytes the byte-level rewriter can read:
     * the body as it is, transcoded to UTF-8 when its charset (from the media type, a byte order mark or a
     * {@code <meta>}) is not ASCII-compatible, and as UTF-16 both ways when it holds NUL bytes. Browsers and the JDK
     * do not know the same charset labels, so each reading is checked and any refusal counts. {@code null} for any
     * other URL, another media type (none means {@code text/plain}) or a body a browser could not decode.
     */
    static java.util.List<byte[]> document(String url) {
        Parsed p = parse(url, true);
        if (p == null) {
            return null;
        }
        byte[] body = p.body();
        Charset declared = EncodingLabels.forLabel(EncodingLabels.charsetParameter(p.mime())); // the first one counts
        java.util.List<byte[]> readings = new java.util.ArrayList<>(4);
        readings.add(body);
        Charset cs = EncodingSniffer.sniff(body, 0, body.length, declared);
        if (!EncodingSniffer.isAsciiCompatible(cs)) {
            readings.add(transcode(body, cs));
        }
        for (byte b : body) {
            if (b == 0) {
                readings.add(transcode(body, StandardCharsets.UTF_16LE));
                readings.add(transcode(body, StandardCharsets.UTF_16BE));
                break;
            }
        }
        return readings;
    }

    /**
     * The script in {@code url} when a {@code <script src>} runs one from a {@code data:} URL: the body, decoded as
     * for {@link #document}, whatever its media type (optimizers write {@code data:text/javascript;base64,…}). The
     * bytes are what the catalog reads, so a UTF-8 reading suffices. {@code null} for any other URL or a body a browser
     * could not decode.
     */
    static byte[] script(String url) {
        Parsed p = parse(url, false);
        return p == null ? null : p.body();
    }

    /** A {@code data:} URL read: its media type (parameters kept), that type's essence in lower case, its body. */
    private record Parsed(String mime, String essence, byte[] body) {
    }

    /**
     * {@code url} read as a {@code data:} URL, its body decoded; {@code null} for another URL, a bad body, or, when
     * {@code document}, a media type that is no document ({@link #isDocument}), whose body is then not decoded.
     */
    private static Parsed parse(String url, boolean document) {
        int hash = url.indexOf('#');
        if (hash >= 0) {
            url = url.substring(0, hash);
        }
        if (url.length() < 5 || !url.regionMatches(true, 0, "data:", 0, 5)) {
            return null;
        }
        int comma = url.indexOf(',', 5);
        if (comma < 0) {
            return null;
        }
        String mime = EncodingLabels.stripAsciiWhitespace(url.substring(5, comma));
        boolean base64 = false;
        if (mime.length() >= 6 && mime.regionMatches(true, mime.length() - 6, "base64", 0, 6)) {
            int k = mime.length() - 6;
            while (k > 0 && mime.charAt(k - 1) == ' ') {
                k--;
            }
            if (k > 0 && mime.charAt(k - 1) == ';') {
                base64 = true;
                mime = mime.substring(0, k - 1);
            }
        }
        int semi = mime.indexOf(';');
        String essence = EncodingLabels.stripAsciiWhitespace(semi < 0 ? mime : mime.substring(0, semi))
            .toLowerCase(Locale.ROOT);
        if (document && !isDocument(essence)) {
            return null;
        }
        byte[] body = percentDecode(url.substring(comma + 1).getBytes(StandardCharsets.UTF_8));
        if (base64 && (body = forgivingBase64(body)) == null) {
            return null;
        }
        return new Parsed(mime, essence, body);
    }

    private static byte[] transcode(byte[] body, Charset cs) {
        try {
            return new String(body, cs).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return body; // a charset the JDK cannot decode (UTF-7): the bytes as they are are read anyway
        }
    }

    private static boolean isDocument(String essence) {
        return essence.equals("text/html") || essence.equals("application/xhtml+xml") || essence.equals("text/xml")
            || essence.equals("application/xml") || essence.equals("text/xsl")
            || essence.endsWith("+xml") && essence.indexOf('/') > 0;
    }

    static byte[] percentDecode(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            int hi;
            int lo;
            if (in[i] == '%' && i + 2 < in.length && (hi = Character.digit(in[i + 1], 16)) >= 0
                    && (lo = Character.digit(in[i + 2], 16)) >= 0) {
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    /** Forgiving base64 (WHATWG infra): whitespace removed, padding optional; null where a browser fails. */
    private static byte[] forgivingBase64(byte[] in) {
        StringBuilder sb = new StringBuilder(in.length + 2);
        for (byte b : in) {
            if (!ByteScan.isWs(b)) {
                sb.append((char) (b & 0xff));
            }
        }
        int n = sb.length();
        if (n % 4 == 0 && n > 0 && sb.charAt(n - 1) == '=') {
            sb.setLength(n - (n > 1 && sb.charAt(n - 2) == '=' ? 2 : 1));
        }
        if (sb.length() % 4 == 1 || sb.indexOf("=") >= 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(sb + "==".substring(0, (4 - sb.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
