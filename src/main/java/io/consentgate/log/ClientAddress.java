package io.consentgate.log;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the client address of a request that may have passed through reverse proxies, believing forwarding headers
 * only when they were added by a {@link TrustedProxies trusted proxy}.
 *
 * <p>Algorithm: if the peer (the TCP remote address) is not trusted, it is the client and the headers are ignored,
 * because anyone can send them. Otherwise the forwarding chain is walked right to left (the nearest hop first),
 * skipping trusted hops; the first untrusted hop is the client. If every hop is trusted, the leftmost one is the
 * client. The chain comes from the one header the proxies are configured to write
 * ({@link TrustedProxies#header()}: {@code X-Forwarded-For} by default, or the {@code for=} parameters of RFC 7239
 * {@code Forwarded}); the other header is ignored. Several lines of the header are read in order, as one list.
 *
 * <p>A hop that is not an IP address ({@code unknown}, an obfuscated identifier such as {@code _hidden}, an element
 * without {@code for=}, garbage) cannot be checked, so the walk stops there and that hop is the client;
 * {@link IpMask#mask(String)} turns it into {@code "-"}. Ports and brackets are removed from IP hops.
 *
 * <p>WARNING: if the container already rewrites the remote address (Tomcat {@code RemoteIpValve}, Jetty
 * {@code ForwardedRequestCustomizer}), configure no trusted proxies here, or the chain is evaluated twice.
 *
 * <pre>{@code
 * String client = ClientAddress.resolve(request.getRemoteAddr(), xffLines, forwardedLines, trusted);
 * String logged = mask.mask(client);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * Resolves the client address.
     *
     * @param peer            the peer address ({@code getRemoteAddr()}), may be {@code null}
     * @param xffValues       every {@code X-Forwarded-For} header line in order, may be {@code null} or empty
     * @param forwardedValues every {@code Forwarded} header line in order, may be {@code null} or empty
     * @param trusted         the trusted proxies and the header they write
     * @return the unmasked client address text (or the non-address hop that stopped the walk, or {@code peer});
     *         never throws
     */
    public static String resolve(String peer, List<String> xffValues, List<String> forwardedValues,
            TrustedProxies trusted) {
        if (trusted == null || !trusted.contains(peer)) {
            return peer;
        }
        List<String> hops = trusted.header() == ForwardingHeader.FORWARDED
                ? ForwardedFor.nodes(forwardedValues == null ? List.of() : forwardedValues)
                : xffHops(xffValues);
        if (hops.isEmpty()) {
            return peer;
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return hops.get(0);
    }

    private static List<String> xffHops(List<String> values) {
        List<String> hops = new ArrayList<>();
        if (values == null) {
            return hops;
        }
        for (String line : values) {
            if (line == null) {
                continue;
            }
            for (String element : line.split(",", -1)) {
                String e = element.strip();
                if (!e.isEmpty()) {
                    hops.add(withoutPort(e));
                }
            }
        }
        return hops;
    }

    /**
     * Removes brackets and a port from an IP node ({@code 192.0.2.1:8080}, {@code [2001:db8::1]:443}); returns
     * anything else unchanged.
     */
    static String withoutPort(String node) {
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            if (close > 0 && IpAddress.parse(node) != null) {
                return node.substring(1, close);
            }
            return node;
        }
        int colon = node.indexOf(':');
        if (colon > 0 && colon == node.lastIndexOf(':')
                && IpAddress.parseIpv4(node, 0, colon) != null && isPort(node, colon + 1)) {
            return node.substring(0, colon);
        }
        return node;
    }

    private static boolean isPort(String s, int from) {
        int n = s.length() - from;
        if (n < 1 || n > 5) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
