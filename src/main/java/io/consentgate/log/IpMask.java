package io.consentgate.log;

import java.util.Locale;

/**
 * How much of a client address survives into the access log: the first {@code v4Bits} of an IPv4 address and the
 * first {@code v6Bits} of an IPv6 address are kept, every other bit is zeroed. The default keeps IPv4 /24 and IPv6
 * /48 ({@code 203.0.113.77 -> 203.0.113.0}, {@code 2001:db8:abcd:12::1 -> 2001:db8:abcd::}).
 *
 * <p>Both common ways of saying it are expressible:
 * <pre>{@code
 * IpMask.defaults();               // v4=24,v6=48
 * IpMask.parse("v4=20,v6=44");     // anonip's default "--ipv4mask 12 --ipv6mask 84" (bits masked = 32/128 - kept)
 * IpMask.bytes(2);                 // Matomo-style "mask 2 bytes": v4=16, v6=48
 * }</pre>
 *
 * <p>{@link #mask(String)} never throws and never resolves names: the address text is parsed by hand. IPv4-mapped
 * IPv6 ({@code ::ffff:1.2.3.4}) is treated as IPv4, a zone id ({@code fe80::1%eth0}) is dropped, brackets (and a
 * port after them) are accepted, and anything that is not an address (a host name, {@code unknown}, an obfuscated
 * RFC 7239 identifier, garbage, {@code null}, empty) becomes {@code "-"}. IPv6 output is RFC 5952 canonical text.
 * An IPv6 address that carries the client's IPv4 address (6to4, NAT64, Teredo, IPv4-compatible) is masked so that
 * the embedded IPv4 address is kept no more precisely than {@code v4Bits}: a 6to4 address is otherwise whole
 * inside the default /48.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class IpMask {

    /** The value returned for anything that is not an IP address. */
    public static final String UNKNOWN = "-";

    private static final IpMask DEFAULTS = new IpMask(24, 48);
    /** Matomo's IPv6 prefix kept for 0, 1, 2, 3 masked bytes. */
    private static final int[] MATOMO_V6_KEPT = {128, 64, 48, 24};

    private final int v4Bits;
    private final int v6Bits;

    private IpMask(int v4Bits, int v6Bits) {
        this.v4Bits = v4Bits;
        this.v6Bits = v6Bits;
    }

    /** IPv4 /24, IPv6 /48. */
    public static IpMask defaults() {
        return DEFAULTS;
    }

    /**
     * Keeps the given number of leading bits.
     *
     * @param v4Bits bits of an IPv4 address kept, 0 to 32 (32 keeps the whole address)
     * @param v6Bits bits of an IPv6 address kept, 0 to 128
     * @throws IllegalArgumentException if a count is out of range
     */
    public static IpMask keep(int v4Bits, int v6Bits) {
        if (v4Bits < 0 || v4Bits > 32) {
            throw new IllegalArgumentException("IPv4 bits kept must be 0..32, got " + v4Bits);
        }
        if (v6Bits < 0 || v6Bits > 128) {
            throw new IllegalArgumentException("IPv6 bits kept must be 0..128, got " + v6Bits);
        }
        return new IpMask(v4Bits, v6Bits);
    }

    /**
     * Matomo's setting "anonymize N bytes of the visitor's IP": IPv4 keeps {@code 32 - 8N} bits, IPv6 keeps
     * 128, 64, 48 or 24 bits for N = 0, 1, 2, 3.
     *
     * @throws IllegalArgumentException unless {@code 0 <= n <= 3}
     */
    public static IpMask bytes(int n) {
        if (n < 0 || n > 3) {
            throw new IllegalArgumentException("masked bytes must be 0..3, got " + n);
        }
        return new IpMask(32 - 8 * n, MATOMO_V6_KEPT[n]);
    }

    /**
     * Parses a configuration value: comma-separated {@code v4=BITS} and {@code v6=BITS} (bits kept; a missing one
     * keeps its default 24/48), or {@code bytes=N} alone (see {@link #bytes(int)}). Case and spaces are ignored.
     * {@link #toString()} produces text this method reads back.
     *
     * @throws IllegalArgumentException naming the offending part when the value is empty, has an unknown or
     *                                  repeated key, or a count out of range (configuration must fail loudly)
     */
    public static IpMask parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty IP mask; expected e.g. 'v4=24,v6=48' or 'bytes=1'");
        }
        Integer v4 = null;
        Integer v6 = null;
        Integer bytes = null;
        for (String part : spec.split(",", -1)) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("IP mask part '" + part.strip() + "' is not KEY=NUMBER");
            }
            String key = p.substring(0, eq).strip();
            int value = number(p.substring(eq + 1).strip(), part);
            switch (key) {
                case "v4" -> v4 = once(v4, value, key);
                case "v6" -> v6 = once(v6, value, key);
                case "bytes" -> bytes = once(bytes, value, key);
                default -> throw new IllegalArgumentException(
                        "unknown IP mask key '" + key + "' (expected v4, v6 or bytes)");
            }
        }
        if (bytes != null) {
            if (v4 != null || v6 != null) {
                throw new IllegalArgumentException("IP mask 'bytes' cannot be combined with 'v4'/'v6': " + spec);
            }
            return bytes(bytes);
        }
        return keep(v4 == null ? DEFAULTS.v4Bits : v4, v6 == null ? DEFAULTS.v6Bits : v6);
    }

    private static int number(String text, String part) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("IP mask part '" + part.strip() + "' needs a bit count");
        }
        return Integer.parseInt(text);
    }

    private static Integer once(Integer previous, int value, String key) {
        if (previous != null) {
            throw new IllegalArgumentException("IP mask key '" + key + "' given twice");
        }
        return value;
    }

    /** Bits of an IPv4 address kept. */
    public int v4Bits() {
        return v4Bits;
    }

    /** Bits of an IPv6 address kept. */
    public int v6Bits() {
        return v6Bits;
    }

    /**
     * Masks an address given as text.
     *
     * @param address IPv4 or IPv6 text as found in {@code getRemoteAddr()} or a forwarding header; may be anything
     * @return the masked address in canonical form, or {@link #UNKNOWN} if {@code address} is not an IP address
     */
    public String mask(String address) {
        byte[] bytes = IpAddress.parse(address);
        if (bytes == null) {
            return UNKNOWN;
        }
        return IpAddress.format(IpAddress.keepPrefix(bytes, bytes.length == 4 ? v4Bits : v6Kept(bytes)));
    }

    /**
     * The IPv6 bits kept, never more than the IPv4 mask allows of an embedded client IPv4 address: 6to4
     * ({@code 2002:V4V4:V4V4::/48}) keeps at most {@code 16 + v4Bits}; NAT64 ({@code 64:ff9b::/96}), Teredo
     * ({@code 2001:0::/32}, client address in the last 32 bits) and IPv4-compatible ({@code ::/96}) at most
     * {@code 96 + v4Bits}.
     */
    private int v6Kept(byte[] a) {
        if (a[0] == 0x20 && a[1] == 0x02) {
            return Math.min(v6Bits, 16 + v4Bits);
        }
        boolean teredo = a[0] == 0x20 && a[1] == 0x01 && a[2] == 0 && a[3] == 0;
        boolean nat64 = a[0] == 0 && a[1] == 0x64 && a[2] == (byte) 0xff && a[3] == (byte) 0x9b && zero(a, 4, 12);
        if (teredo || nat64 || zero(a, 0, 12)) {
            return Math.min(v6Bits, 96 + v4Bits);
        }
        return v6Bits;
    }

    private static boolean zero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpMask m && m.v4Bits == v4Bits && m.v6Bits == v6Bits;
    }

    @Override
    public int hashCode() {
        return v4Bits * 131 + v6Bits;
    }

    /** The {@link #parse(String)} form, e.g. {@code v4=24,v6=48}. */
    @Override
    public String toString() {
        return "v4=" + v4Bits + ",v6=" + v6Bits;
    }
}
