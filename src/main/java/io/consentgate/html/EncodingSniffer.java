package io.consentgate.html;

import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the character encoding of an HTML response the way browsers do
 * (<a href="https://html.spec.whatwg.org/multipage/parsing.html#determining-the-character-encoding">WHATWG
 * "determining the character encoding"</a>): a byte order mark wins, then the Content-Type {@code charset}
 * parameter, then a prescan of the first 1024 bytes for {@code <meta charset>} or
 * {@code <meta http-equiv="Content-Type" content="...; charset=...">}.
 *
 * <p>Labels are resolved as browsers resolve them ({@link EncodingLabels}), and UTF-7 labels are known so that such
 * a document is never mistaken for an ASCII-compatible one. Stateless and thread-safe.
 */
public final class EncodingSniffer {

    /** How many leading bytes the meta prescan looks at. */
    public static final int PRESCAN_BYTES = 1024;

    /** Stand-in for UTF-7, which the JDK does not provide; it can neither decode nor encode. */
    public static final Charset UTF_7 = EncodingLabels.UTF_7;

    private EncodingSniffer() {
    }

    /**
     * The encoding of a document starting with {@code buf[off..off+len)}.
     *
     * @param declared the Content-Type charset, or {@code null}
     * @return the BOM's encoding, else {@code declared}, else the meta prescan's, else UTF-8 (any ASCII-compatible
     *         default tokenizes the same)
     */
    public static Charset sniff(byte[] buf, int off, int len, Charset declared) {
        Charset bom = fromBom(buf, off, len);
        if (bom != null) {
            return bom;
        }
        if (declared != null) {
            return declared;
        }
        Charset meta = prescan(buf, off, Math.min(len, PRESCAN_BYTES));
        return meta != null ? meta : StandardCharsets.UTF_8;
    }

    /** The encoding named by a UTF-8, UTF-16BE or UTF-16LE byte order mark, or {@code null}. */
    public static Charset fromBom(byte[] buf, int off, int len) {
        if (len >= 3 && (buf[off] & 0xff) == 0xEF && (buf[off + 1] & 0xff) == 0xBB && (buf[off + 2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (len >= 2 && (buf[off] & 0xff) == 0xFE && (buf[off + 1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (len >= 2 && (buf[off] & 0xff) == 0xFF && (buf[off + 1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /**
     * An encoding label (a charset parameter or meta value) as the charset a browser uses for it, or {@code null} when
     * browsers do not know it; see {@link EncodingLabels#forLabel(String)}.
     */
    public static Charset forLabel(String label) {
        return EncodingLabels.forLabel(label);
    }

    /** Whether every ASCII byte of text in {@code cs} means that ASCII character, so markup can be read bytewise. */
    public static boolean isAsciiCompatible(Charset cs) {
        if (cs == StandardCharsets.UTF_8 || cs == StandardCharsets.ISO_8859_1 || cs == StandardCharsets.US_ASCII) {
            return true;
        }
        String n = cs.name().toUpperCase(Locale.ROOT);
        if (cs == UTF_7 || cs == EncodingLabels.REPLACEMENT || n.startsWith("UTF-16") || n.startsWith("UTF-32")
            || n.startsWith("ISO-2022")
            || n.startsWith("HZ") || n.contains("UTF-7") || !cs.canEncode()) {
            return false;
        }
        byte[] probe = "<!-- --></a b='c' d=\"e\" f=g/>?\t\n\f\r azAZ09:;&#".getBytes(StandardCharsets.US_ASCII);
        try {
            CharsetEncoder enc = cs.newEncoder();
            byte[] encoded = new String(probe, StandardCharsets.US_ASCII).getBytes(cs);
            CharsetDecoder dec = cs.newDecoder();
            return enc.maxBytesPerChar() > 0 && Arrays.equals(encoded, probe)
                && dec.decode(java.nio.ByteBuffer.wrap(probe)).toString()
                    .equals(new String(probe, StandardCharsets.US_ASCII));
        } catch (java.nio.charset.CharacterCodingException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether {@code cs} is UTF-16 or UTF-32, which ConsentGate transcodes losslessly through UTF-8. */
    static boolean isWideUnicode(Charset cs) {
        String n = cs.name().toUpperCase(Locale.ROOT);
        return n.startsWith("UTF-16") || n.startsWith("UTF-32");
    }

    /** The WHATWG meta prescan of {@code buf[off..off+len)}; {@code null} when nothing usable is declared. */
    public static Charset prescan(byte[] buf, int off, int len) {
        Prescan p = new Prescan(buf, off, off + len);
        return p.run();
    }

    /** The prescan state: a cursor over the bytes. */
    private static final class Prescan {
        private final byte[] b;
        private final int end;
        private int pos;
        private String attrName;
        private String attrValue;

        Prescan(byte[] b, int off, int end) {
            this.b = b;
            this.pos = off;
            this.end = end;
        }

        Charset run() {
            while (pos < end) {
                if (startsWith("<!--", false)) {
                    int close = indexOf("-->", pos + 2);
                    if (close < 0) {
                        return null;
                    }
                    pos = close + 3;
                } else if (startsWith("<meta", true) && pos + 5 < end
                    && (ByteScan.isWs(b[pos + 5]) || b[pos + 5] == '/')) {
                    pos += 6;
                    Charset cs = meta();
                    if (cs != null) {
                        return cs;
                    }
                } else if (pos + 1 < end && b[pos] == '<' && (isLetter(b[pos + 1])
                    || (b[pos + 1] == '/' && pos + 2 < end && isLetter(b[pos + 2])))) {
                    while (pos < end && !ByteScan.isWs(b[pos]) && b[pos] != '>') {
                        pos++;
                    }
                    while (attribute()) {
                        // skip the attributes of other tags
                    }
                } else if (pos + 1 < end && b[pos] == '<' && (b[pos + 1] == '!' || b[pos + 1] == '/'
                    || b[pos + 1] == '?')) {
                    int close = indexOf(">", pos + 1);
                    if (close < 0) {
                        return null;
                    }
                    pos = close + 1;
                } else {
                    pos++;
                }
            }
            return null;
        }

        private Charset meta() {
            Set<String> seen = new HashSet<>();
            boolean gotPragma = false;
            Boolean needPragma = null;
            Charset charset = null;
            while (attribute()) {
                if (!seen.add(attrName)) {
                    continue;
                }
                if (attrName.equals("http-equiv") && attrValue.equalsIgnoreCase("content-type")) {
                    gotPragma = true;
                } else if (attrName.equals("content") && charset == null) {
                    Charset cs = fromContent(attrValue);
                    if (cs != null) {
                        charset = cs;
                        needPragma = Boolean.TRUE;
                    }
                } else if (attrName.equals("charset")) {
                    charset = forLabel(attrValue);
                    needPragma = Boolean.FALSE;
                }
            }
            if (needPragma == null || (needPragma && !gotPragma) || charset == null) {
                return null;
            }
            if (charset == StandardCharsets.UTF_16LE || charset == StandardCharsets.UTF_16BE) {
                return StandardCharsets.UTF_8;
            }
            return charset;
        }

        /** Reads one attribute into attrName/attrValue; false at {@code >} or the end of the bytes. */
        private boolean attribute() {
            while (pos < end && (ByteScan.isWs(b[pos]) || b[pos] == '/')) {
                pos++;
            }
            if (pos >= end || b[pos] == '>') {
                return false;
            }
            StringBuilder name = new StringBuilder();
            StringBuilder value = new StringBuilder();
            while (true) {
                if (pos >= end) {
                    return false;
                }
                byte c = b[pos];
                if (c == '=' && name.length() > 0) {
                    pos++;
                    break;
                }
                if (ByteScan.isWs(c)) {
                    while (pos < end && ByteScan.isWs(b[pos])) {
                        pos++;
                    }
                    if (pos >= end || b[pos] != '=') {
                        return set(name, value);
                    }
                    pos++;
                    break;
                }
                if (c == '/' || c == '>') {
                    return set(name, value);
                }
                name.append((char) lower(c));
                pos++;
            }
            while (pos < end && ByteScan.isWs(b[pos])) {
                pos++;
            }
            if (pos >= end) {
                return false;
            }
            byte c = b[pos];
            if (c == '"' || c == '\'') {
                pos++;
                while (pos < end && b[pos] != c) {
                    value.append((char) lower(b[pos++]));
                }
                if (pos >= end) {
                    return false;
                }
                pos++;
                return set(name, value);
            }
            if (c == '>') {
                return set(name, value);
            }
            while (pos < end && !ByteScan.isWs(b[pos]) && b[pos] != '>') {
                value.append((char) lower(b[pos++]));
            }
            return pos < end && set(name, value);
        }

        private boolean set(StringBuilder name, StringBuilder value) {
            attrName = name.toString();
            attrValue = value.toString();
            return true;
        }

        private static Charset fromContent(String s) {
            int i = 0;
            while (true) {
                int k = s.indexOf("charset", i);
                if (k < 0) {
                    return null;
                }
                i = k + 7;
                while (i < s.length() && ByteScan.isWs((byte) s.charAt(i))) {
                    i++;
                }
                if (i < s.length() && s.charAt(i) == '=') {
                    break;
                }
            }
            i++;
            while (i < s.length() && ByteScan.isWs((byte) s.charAt(i))) {
                i++;
            }
            if (i >= s.length()) {
                return null;
            }
            char q = s.charAt(i);
            if (q == '"' || q == '\'') {
                int close = s.indexOf(q, i + 1);
                return close < 0 ? null : forLabel(s.substring(i + 1, close));
            }
            int e = i;
            while (e < s.length() && !ByteScan.isWs((byte) s.charAt(e)) && s.charAt(e) != ';') {
                e++;
            }
            return forLabel(s.substring(i, e));
        }

        private boolean startsWith(String lit, boolean foldCase) {
            if (pos + lit.length() > end) {
                return false;
            }
            for (int i = 0; i < lit.length(); i++) {
                int c = foldCase ? lower(b[pos + i]) : b[pos + i];
                if (c != lit.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private int indexOf(String lit, int from) {
            outer:
            for (int i = from; i + lit.length() <= end; i++) {
                for (int k = 0; k < lit.length(); k++) {
                    if (b[i + k] != lit.charAt(k)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private static int lower(byte c) {
            return c >= 'A' && c <= 'Z' ? c + 32 : c & 0xff;
        }

        private static boolean isLetter(byte c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }
}
