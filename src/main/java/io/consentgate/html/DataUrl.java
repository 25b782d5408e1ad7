package io.consentgate.html;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The document in a {@code data:} URL that a frame, {@code <object>} or {@code <embed>} would display, read as the
 * WHATWG fetch standard's data: URL processor does: the media type before the first comma, an optional
 * {@code ;base64}, the body percent-decoded and then, for base64, decoded forgivingly (ASCII whitespace ignored,
 * padding optional). Only documents that can load further resources are returned: HTML, XHTML and SVG.
 */
final class DataUrl {

    private DataUrl() {
    }

    /**
     * The body of {@code url} when it is a {@code data:} URL of an HTML, XHTML or SVG document; {@code null} for any
     * other URL, another media type (none means {@code text/plain}) or a body a browser could not decode.
     */
    static byte[] document(String url) {
        if (url.length() < 5 || !url.regionMatches(true, 0, "data:", 0, 5)) {
            return null;
        }
        int comma = url.indexOf(',', 5);
        if (comma < 0) {
            return null;
        }
        String meta = url.substring(5, comma);
        boolean base64 = false;
        int semi = meta.lastIndexOf(';');
        if (semi >= 0 && meta.substring(semi + 1).strip().equalsIgnoreCase("base64")) {
            base64 = true;
            meta = meta.substring(0, semi);
        }
        int params = meta.indexOf(';');
        String essence = (params < 0 ? meta : meta.substring(0, params)).strip().toLowerCase(Locale.ROOT);
        if (!essence.equals("text/html") && !essence.equals("application/xhtml+xml")
                && !essence.equals("image/svg+xml")) {
            return null;
        }
        byte[] body = percentDecode(url.substring(comma + 1).getBytes(StandardCharsets.UTF_8));
        return base64 ? forgivingBase64(body) : body;
    }

    private static byte[] percentDecode(byte[] in) {
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
            if (b != ' ' && b != '\t' && b != '\n' && b != '\f' && b != '\r') {
                sb.append((char) (b & 0xff));
            }
        }
        if (sb.length() % 4 == 0 && sb.length() > 0 && sb.charAt(sb.length() - 1) == '=') {
            sb.setLength(sb.length() - (sb.charAt(sb.length() - 2) == '=' ? 2 : 1));
        }
        if (sb.length() % 4 == 1) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(sb + "==".substring(0, (4 - sb.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
