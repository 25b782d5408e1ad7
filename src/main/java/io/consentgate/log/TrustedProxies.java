package io.consentgate.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The set of proxy addresses (CIDR blocks) whose forwarding headers are believed. Only a request whose peer address
 * is in this set may name another client address through {@code X-Forwarded-For} or {@code Forwarded}; see
 * {@link ClientAddress#resolve}.
 *
 * <pre>{@code
 * TrustedProxies.parse("127.0.0.1/32, ::1, 10.0.0.0/8, 2001:db8:cafe::/48");            // X-Forwarded-For
 * TrustedProxies.parse("10.0.0.0/8").withHeader(ForwardingHeader.FORWARDED);             // RFC 7239
 * }</pre>
 *
 * <p>Name the header your proxies actually write ({@link #withHeader}): the other one is never read, because a proxy
 * passes it through unchanged and the client could put any address into it.
 *
 * <p>An entry without {@code /prefix} is a single host. Bits after the prefix are ignored ({@code 10.1.2.3/8} is
 * {@code 10.0.0.0/8}). An IPv4-mapped IPv6 block with a prefix of at least 96 is the matching IPv4 block, and
 * IPv4-mapped candidate addresses are matched as IPv4. Host names are rejected: no DNS is ever used.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of(), "", ForwardingHeader.X_FORWARDED_FOR);

    private final List<Block> blocks;
    private final String text;
    private final ForwardingHeader header;

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            return address.length == network.length
                    && Arrays.equals(IpAddress.keepPrefix(address, prefix), network);
        }
    }

    private TrustedProxies(List<Block> blocks, String text, ForwardingHeader header) {
        this.blocks = blocks;
        this.text = text;
        this.header = header;
    }

    /** No trusted proxy: the peer address is always the client and forwarding headers are ignored (the default). */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Parses a comma- or whitespace-separated list of addresses and CIDR blocks; an empty or blank list is
     * {@link #none()}.
     *
     * @throws IllegalArgumentException naming the first entry that is not an IP address or CIDR block
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Block> blocks = new ArrayList<>();
        List<String> canonical = new ArrayList<>();
        for (String entry : list.strip().split("[,\\s]+")) {
            Block b = block(entry);
            blocks.add(b);
            canonical.add(IpAddress.format(b.network()) + "/" + b.prefix());
        }
        return new TrustedProxies(List.copyOf(blocks), String.join(",", canonical), ForwardingHeader.X_FORWARDED_FOR);
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        String addr = slash < 0 ? entry : entry.substring(0, slash);
        byte[] raw = IpAddress.parse(addr);
        if (raw == null || addr.indexOf('%') >= 0 || addr.startsWith("[")) {
            throw new IllegalArgumentException("trusted proxy '" + entry + "' is not an IP address or CIDR block");
        }
        boolean wasV6 = addr.indexOf(':') >= 0;
        int max = wasV6 ? 128 : 32;
        int prefix = max;
        if (slash >= 0) {
            String p = entry.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(p) > max) {
                throw new IllegalArgumentException("trusted proxy '" + entry + "' has a bad prefix length");
            }
            prefix = Integer.parseInt(p);
        }
        if (wasV6 && raw.length == 4) {
            if (prefix < 96) {
                throw new IllegalArgumentException(
                        "trusted proxy '" + entry + "': an IPv4-mapped block needs a prefix of at least 96");
            }
            prefix -= 96;
        }
        return new Block(IpAddress.keepPrefix(raw, prefix), prefix);
    }

    /**
     * Whether {@code address} (IP text, optionally bracketed or with a zone id) lies in a trusted block. Anything
     * that is not an IP address ({@code unknown}, an obfuscated identifier, garbage) is not trusted.
     */
    public boolean contains(String address) {
        if (blocks.isEmpty()) {
            return false;
        }
        byte[] a = IpAddress.parse(address);
        if (a == null) {
            return false;
        }
        for (Block b : blocks) {
            if (b.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same proxies writing their chain into {@code value}; only that header is read. Default:
     * {@link ForwardingHeader#X_FORWARDED_FOR}.
     */
    public TrustedProxies withHeader(ForwardingHeader value) {
        return new TrustedProxies(blocks, text, Objects.requireNonNull(value, "header"));
    }

    /** The header the trusted proxies write. */
    public ForwardingHeader header() {
        return header;
    }

    /** Whether no proxy is trusted. */
    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** The canonical list, e.g. {@code 10.0.0.0/8,::1/128}; {@link #parse(String)} reads it back. */
    @Override
    public String toString() {
        return text;
    }
}
