package io.consentgate.log;

import java.util.HexFormat;

/**
 * Hand-written IP address text parser and formatter. Never resolves names: anything that is not an IPv4 dotted quad
 * or IPv6 text is rejected, so no DNS lookup can ever be triggered by a header value.
 *
 * <p>Accepted input: dotted quads without leading zeros; IPv6 text with {@code ::} compression and an embedded
 * dotted quad in the last 32 bits; optional brackets ({@code [::1]}, {@code [::1]:8080}); a zone id ({@code %eth0})
 * is dropped. IPv4-mapped IPv6 ({@code ::ffff:1.2.3.4}) is normalized to the 4-byte IPv4 form.
 */
final class IpAddress {

    /** Longest accepted text: a bracketed IPv6 with embedded IPv4, a zone id and a port fits easily. */
    private static final int MAX_TEXT = 100;

    private IpAddress() {
    }

    /**
     * Parses an address.
     *
     * @return 4 bytes (IPv4, including mapped IPv6) or 16 bytes (IPv6), or {@code null} if the text is not an address
     */
    static byte[] parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_TEXT) {
            return null;
        }
        if (s.charAt(0) == '[') {
            int close = s.indexOf(']');
            if (close < 0 || !validPortSuffix(s, close + 1)) {
                return null;
            }
            byte[] v6 = parseIpv6(stripZone(s.substring(1, close)));
            return v6 == null ? null : normalize(v6);
        }
        if (s.indexOf(':') >= 0) {
            byte[] v6 = parseIpv6(stripZone(s));
            return v6 == null ? null : normalize(v6);
        }
        return parseIpv4(s, 0, s.length());
    }

    /** Whether {@code s} from {@code from} is empty or {@code :digits} (a port after a bracketed address). */
    private static boolean validPortSuffix(String s, int from) {
        if (from == s.length()) {
            return true;
        }
        if (s.charAt(from) != ':' || from + 1 == s.length() || s.length() - from - 1 > 5) {
            return false;
        }
        for (int i = from + 1; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String stripZone(String s) {
        int pct = s.indexOf('%');
        return pct < 0 ? s : s.substring(0, pct);
    }

    /** Turns an IPv4-mapped IPv6 address ({@code ::ffff:0:0/96}) into the 4-byte IPv4 address. */
    static byte[] normalize(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
            return address;
        }
        return new byte[] {address[12], address[13], address[14], address[15]};
    }

    /** Parses {@code s[from, to)} as a dotted quad of decimal octets without leading zeros. */
    static byte[] parseIpv4(String s, int from, int to) {
        byte[] out = new byte[4];
        int part = 0;
        int i = from;
        while (part < 4) {
            int start = i;
            int value = 0;
            while (i < to && isDigit(s.charAt(i)) && i - start < 3) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return null;
            }
            out[part++] = (byte) value;
            if (part < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == to ? out : null;
    }

    /** Parses IPv6 text (no brackets, no zone) into 16 bytes, or {@code null}. */
    static byte[] parseIpv6(String s) {
        int n = s.length();
        if (n < 2) {
            return null;
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
            if (i == n) {
                return new byte[16];
            }
        } else if (s.charAt(0) == ':') {
            return null;
        }
        while (i < n) {
            if (count == 8) {
                return null;
            }
            int start = i;
            int value = 0;
            while (i < n && hexValue(s.charAt(i)) >= 0 && i - start < 4) {
                value = (value << 4) | hexValue(s.charAt(i));
                i++;
            }
            if (i < n && s.charAt(i) == '.') {
                // Embedded dotted quad: must be the last 32 bits.
                count = embeddedIpv4(s, start, n, groups, count);
                if (count < 0) {
                    return null;
                }
                break;
            }
            if (i == start) {
                return null;
            }
            groups[count++] = value;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < n && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                i++;
            } else if (i == n) {
                return null;
            }
        }
        return ipv6Bytes(groups, count, gap);
    }

    /**
     * Reads the dotted quad {@code s[start, end)} into the next two of {@code groups}.
     *
     * @return the new group count, or -1 if there is no room for 32 bits or the text is not a dotted quad
     */
    private static int embeddedIpv4(String s, int start, int end, int[] groups, int count) {
        if (count > 6) {
            return -1;
        }
        byte[] v4 = parseIpv4(s, start, end);
        if (v4 == null) {
            return -1;
        }
        groups[count++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        groups[count++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        return count;
    }

    /**
     * Lays out {@code count} groups as 16 bytes, those after the {@code ::} (at group {@code gap}, -1 if none) at the
     * end; {@code null} if they do not fill the address (8 without {@code ::}, at most 7 with it).
     */
    private static byte[] ipv6Bytes(int[] groups, int count, int gap) {
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        byte[] out = new byte[16];
        int tail = gap < 0 ? 0 : count - gap;
        int head = count - tail;
        for (int g = 0; g < head; g++) {
            put(out, g, groups[g]);
        }
        for (int g = 0; g < tail; g++) {
            put(out, 8 - tail + g, groups[head + g]);
        }
        return out;
    }

    private static void put(byte[] out, int group, int value) {
        out[2 * group] = (byte) (value >>> 8);
        out[2 * group + 1] = (byte) value;
    }

    /** Zeroes every bit after the first {@code keepBits}; returns a new array. */
    static byte[] keepPrefix(byte[] address, int keepBits) {
        byte[] out = address.clone();
        for (int bit = 0; bit < out.length * 8; bit += 8) {
            int idx = bit / 8;
            if (bit >= keepBits) {
                out[idx] = 0;
            } else if (keepBits - bit < 8) {
                out[idx] &= (byte) (0xff << (8 - (keepBits - bit)));
            }
        }
        return out;
    }

    /** Formats 4 bytes as a dotted quad or 16 bytes as RFC 5952 canonical IPv6 text. */
    static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                    + (address[3] & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        // RFC 5952 4.2: compress the longest run of two or more zero groups, the first one on a tie.
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value of ASCII hex digit {@code c}; -1 for any other character (no full-width or other Unicode digits). */
    private static int hexValue(char c) {
        return HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1;
    }
}
