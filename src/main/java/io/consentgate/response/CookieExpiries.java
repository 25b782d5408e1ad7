package io.consentgate.response;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import io.consentgate.signal.CookieJar;
import io.consentgate.signal.HeaderSource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static io.consentgate.response.CookieGate.CONTAINER_HEADER_LIMIT;
import static io.consentgate.response.CookieGate.CONTAINER_RESERVE;
import static io.consentgate.response.CookieGate.MAX_EXPIRY_BYTES;
import static io.consentgate.response.CookieGate.PROXY_HEADER_LIMIT;

/**
 * Builds the {@code Set-Cookie} values that expire the refused tracking cookies a request still carries, and sizes
 * them to the room a response has: the expiry half of {@link CookieGate}, whose public methods delegate here and state
 * the contract. Each gate owns one. Thread-safe; its only state is the counter that takes turns among the expiries that
 * do not fit in one response.
 */
final class CookieExpiries {

    /** The gate's logger: one logger name turns on the debug lines of everything the cookie gate does. */
    private static final Logger LOG = LoggerFactory.getLogger(CookieGate.class);
    private static final int MAX_EXPIRED_COOKIES = 32;
    /** The request attribute holding the turn of the expiries that do not fit: the same for every call in a request. */
    private static final String TURN_ATTRIBUTE = CookieGate.class.getName() + ".turn";
    private static final int LINE_OVERHEAD = "Set-Cookie: \r\n".length();
    /** The longest DNS name in text form, without the root's trailing dot (RFC 1035, 2.3.4 and 3.1). */
    static final int MAX_HOST_CHARS = 253;

    private final TrackerCatalog catalog;
    private final List<String> paths;
    private final AtomicInteger turns = new AtomicInteger();

    /**
     * @param catalog the tracker catalog (bundled plus the operator's overrides)
     * @param paths   cookie paths to expire refused cookies on; usually {@code ["/"]}
     */
    CookieExpiries(TrackerCatalog catalog, List<String> paths) {
        this.catalog = catalog;
        this.paths = List.copyOf(paths);
    }

    /** Implements {@link CookieGate#expiryRoom}. */
    static int expiryRoom(int headerBytes) {
        int limit = headerBytes + CONTAINER_RESERVE <= PROXY_HEADER_LIMIT ? PROXY_HEADER_LIMIT : CONTAINER_HEADER_LIMIT;
        return Math.min(limit - CONTAINER_RESERVE - headerBytes, MAX_EXPIRY_BYTES);
    }

    /** Implements {@link CookieGate#headerBytes}. */
    static int headerBytes(HttpServletResponse response, Set<String> except) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(response.getHeaderNames());
        int bytes = 0;
        for (String name : names) {
            boolean setCookie = "Set-Cookie".equalsIgnoreCase(name);
            for (String value : response.getHeaders(name)) {
                if (value != null && !(setCookie && except.contains(value))) {
                    bytes += name.length() + value.length() + 4;
                }
            }
        }
        return bytes;
    }

    /** Implements {@link CookieGate#expiries(HttpServletRequest, ConsentDecision, int)}. */
    List<String> expiries(HttpServletRequest request, ConsentDecision decision, int budget) {
        if (decision.allowsEverything() || budget <= 0) {
            return List.of();
        }
        List<String> domains = parentDomains(request.getServerName());
        List<String> all = new ArrayList<>();
        List<List<String>> first = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        int expired = 0;
        int bytes = 0;
        for (String name : cookieNames(HeaderSource.of(request).values("Cookie"))) {
            TrackerMatch m = CookieGate.matchCookie(catalog, name, null);
            if (m == null || decision.allowsAll(m.categories())) {
                continue;
            }
            if (++expired > MAX_EXPIRED_COOKIES) {
                break;
            }
            int from = all.size();
            List<String> root = new ArrayList<>();
            expiries(name, domains, request.isSecure(), all, root, rest);
            first.add(root);
            for (int i = from; i < all.size(); i++) {
                bytes += all.get(i).length() + LINE_OVERHEAD;
            }
        }
        if (bytes <= budget) {
            return all;
        }
        LOG.debug("cookie gate: {} bytes of expiries, {} in this response; the rest in later ones", bytes, budget);
        List<String> out = new ArrayList<>();
        int used = 0;
        for (List<String> root : first) {
            int size = 0;
            for (String line : root) {
                size += line.length() + LINE_OVERHEAD;
            }
            if (used + size <= budget) {
                used += size;
                out.addAll(root);
            } else if (size > budget) {
                used = take(root, 0, budget, used, out); // one cookie's own are more than a response holds
            }
        }
        if (!rest.isEmpty()) {
            // Each turn starts as many lines on as surely fit, so that turns in a row leave no line out.
            int longest = 0;
            for (String line : rest) {
                longest = Math.max(longest, line.length() + LINE_OVERHEAD);
            }
            int step = Math.max(1, (budget - used) / longest);
            take(rest, (int) Math.floorMod((long) turn(request) * step, rest.size()), budget, used, out);
        }
        return out;
    }

    /** Adds to {@code out} the lines of {@code lines} from {@code start} on, wrapping, that fit; returns the bytes. */
    private static int take(List<String> lines, int start, int budget, int used, List<String> out) {
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get((start + k) % lines.size());
            int size = line.length() + LINE_OVERHEAD;
            if (used + size <= budget) {
                used += size;
                out.add(line);
            }
        }
        return used;
    }

    /** This request's turn among the expiries that do not fit in one response: a new one per request. */
    private int turn(HttpServletRequest request) {
        if (request.getAttribute(TURN_ATTRIBUTE) instanceof Integer t) {
            return t;
        }
        int t = turns.getAndIncrement();
        request.setAttribute(TURN_ATTRIBUTE, t);
        return t;
    }

    /** Implements {@link CookieGate#duplicateExpiries}. */
    List<String> duplicateExpiries(HttpServletRequest request, String name, int budget) {
        if (occurrences(HeaderSource.of(request).values("Cookie"), name) < 2) {
            return List.of();
        }
        boolean hostPrefix = hostPrefixed(name);
        String plain = secureAttribute(name);
        List<String> domains = hostPrefix ? List.of() : parentDomains(request.getServerName());
        List<String> requestPaths = hostPrefix ? List.of("/") : requestDirectories(request.getRequestURI());
        List<String> out = new ArrayList<>();
        int bytes = 0;
        for (String variant : variants(plain, request.isSecure())) {
            for (String p : requestPaths) {
                String base = expiryLine(name, p, variant);
                List<String> lines = new ArrayList<>();
                if (!p.equals("/") || !variant.equals(plain)) {
                    lines.add(base);
                }
                for (String domain : domains) {
                    lines.add(base + "; Domain=" + domain);
                }
                for (String line : lines) {
                    bytes += line.length() + LINE_OVERHEAD;
                    if (bytes > budget) {
                        LOG.debug("cookie gate: not every copy of {} expired: header budget of {} bytes reached",
                                name, budget);
                        return out;
                    }
                    out.add(line);
                }
            }
        }
        return out;
    }

    /** How many times cookie {@code name} appears in the {@code Cookie} lines (names trimmed, as browsers send). */
    static int occurrences(List<String> lines, String name) {
        int[] n = {0};
        eachName(lines, found -> {
            if (found.equals(name)) {
                n[0]++;
            }
        });
        return n[0];
    }

    /**
     * The names of the cookies in the request's {@code Cookie} lines, in order, each once. Read to the end of every line,
     * however long: {@link CookieJar}, which reads the consent signals, stops after 8 KB of a line, and a tracker cookie
     * a browser sends after that (a visitor with many cookies, on a container configured for large request headers)
     * would otherwise never be expired, while {@code strip-request-cookies} hides it from the application. The
     * container's request header limit bounds the work.
     */
    static Set<String> cookieNames(List<String> lines) {
        Set<String> names = new java.util.LinkedHashSet<>();
        eachName(lines, names::add);
        return names;
    }

    /** Gives the name of every {@code name=value} pair of the {@code Cookie} lines, trimmed, empty names left out. */
    private static void eachName(List<String> lines, Consumer<String> action) {
        for (String line : lines) {
            int start = 0;
            while (start < line.length()) {
                int semi = line.indexOf(';', start);
                int end = semi < 0 ? line.length() : semi;
                int eq = start;
                while (eq < end && line.charAt(eq) != '=') {
                    eq++; // not indexOf: it would scan past this pair, to the end of a line of pairs without '='
                }
                if (eq < end) {
                    String name = line.substring(start, eq).strip();
                    if (!name.isEmpty()) {
                        action.accept(name);
                    }
                }
                start = end + 1;
            }
        }
    }

    /**
     * The expiries of one cookie. On HTTPS also the partitioned ones: a cookie set with {@code Partitioned} (CHIPS) is
     * a different cookie from an unpartitioned one of the same name, deleted only by a {@code Set-Cookie} that is
     * {@code Partitioned} too, which browsers accept only with {@code Secure}, so only on a secure connection.
     * Browsers take a name starting {@code __Secure-} or {@code __Host-} (any case) only with {@code Secure}, and a
     * {@code __Host-} one only host-only on {@code Path=/}. Each line goes to {@code out}, and to {@code root} (on
     * {@code Path=/}, unpartitioned) or {@code other}.
     */
    private void expiries(String name, List<String> domains, boolean secure, List<String> out, List<String> root,
                          List<String> other) {
        boolean hostPrefix = hostPrefixed(name);
        String plain = secureAttribute(name);
        for (String variant : variants(plain, secure)) {
            for (String path : hostPrefix ? List.of("/") : paths) {
                String base = expiryLine(name, path, variant);
                List<String> tier = path.equals("/") && variant.equals(plain) ? root : other;
                out.add(base);
                tier.add(base);
                for (String domain : hostPrefix ? List.<String>of() : domains) {
                    String line = base + "; Domain=" + domain;
                    out.add(line);
                    tier.add(line);
                }
            }
        }
    }

    /** Whether browsers take cookie {@code name} only host-only, {@code Secure} and on {@code Path=/}. */
    private static boolean hostPrefixed(String name) {
        return name.regionMatches(true, 0, "__Host-", 0, 7);
    }

    /** {@code "; Secure"} for a name browsers take only with {@code Secure} ({@code __Secure-}, {@code __Host-}). */
    private static String secureAttribute(String name) {
        return hostPrefixed(name) || name.regionMatches(true, 0, "__Secure-", 0, 9) ? "; Secure" : "";
    }

    /** The attributes each expiry is sent with: {@code plain}, and on HTTPS the partitioned (CHIPS) form too. */
    private static List<String> variants(String plain, boolean secure) {
        return secure ? List.of(plain, "; Secure; Partitioned") : List.of(plain);
    }

    /** The {@code Set-Cookie} value that expires cookie {@code name} on {@code path}, host-only. */
    private static String expiryLine(String name, String path, String variant) {
        return name + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=" + path + variant;
    }

    /**
     * {@code /} and each directory of the request path, without path parameters ({@code ;jsessionid=…}), at most
     * eight: the only paths besides {@code /} whose cookies reach this request.
     */
    private static List<String> requestDirectories(String uri) {
        List<String> requestPaths = new ArrayList<>(List.of("/"));
        int params = uri == null ? -1 : uri.indexOf(';');
        String path = uri == null ? "" : params < 0 ? uri : uri.substring(0, params);
        for (int slash = path.indexOf('/', 1); requestPaths.size() < 8; slash = path.indexOf('/', slash + 1)) {
            String dir = slash < 0 ? path : path.substring(0, slash);
            if (dir.length() > 1 && !requestPaths.contains(dir)) {
                requestPaths.add(dir);
            }
            if (slash < 0) {
                break;
            }
        }
        return requestPaths;
    }

    /**
     * The host itself (for {@code Domain=} cookies) and each parent up to the registrable domain: never a public
     * suffix ({@code co.uk}, {@code github.io}, {@link PublicSuffixes}), whose cookies browsers refuse, and never one
     * label; none for IPs, nor for a host longer than a DNS name can be ({@value #MAX_HOST_CHARS} characters): the
     * visitor writes the {@code Host} header, and the parents of a deep made-up one grow with the square of its length.
     */
    static List<String> parentDomains(String host) {
        if (host == null || host.isEmpty() || host.indexOf(':') >= 0 || host.chars().allMatch(
                c -> c == '.' || (c >= '0' && c <= '9'))) {
            return List.of();
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.length() > MAX_HOST_CHARS) {
            return List.of();
        }
        String registrable = h.indexOf('.') > 0 ? PublicSuffixes.registrableDomain(h) : null;
        List<String> out = new ArrayList<>();
        String d = h;
        while (registrable != null && d.length() >= registrable.length()) {
            out.add(d);
            int dot = d.indexOf('.');
            if (dot < 0) {
                break;
            }
            d = d.substring(dot + 1);
        }
        return out;
    }
}
