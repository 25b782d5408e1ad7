package io.consentgate.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.Policy;
import io.consentgate.decision.DecisionEngine;
import io.consentgate.html.EncodingLabels;
import io.consentgate.response.CookieGate;
import io.consentgate.signal.ConsentCookie;
import io.consentgate.signal.Signals;
import io.consentgate.signal.StoredConsent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The consent endpoint (default {@code /consent}), answered by the filter without calling the application.
 *
 * <ul>
 *   <li>{@code GET}/{@code HEAD}: the current decision as JSON ({@link DecisionJson}). A {@code GET} with a query
 *       string is refused with 403: consent never changes through a link.</li>
 *   <li>{@code POST application/x-www-form-urlencoded}: form field {@code categories} (repeatable; comma lists and
 *       {@code all} accepted; absent = refuse all) and optional {@code return} (a same-origin path); answers
 *       {@code 303 See Other} to the return path, so it works without JavaScript.</li>
 *   <li>{@code POST application/json}: {@code {"categories": ["analytics"]}}; answers the new decision as JSON.</li>
 * </ul>
 * Writes are refused with 403 unless {@link SameOriginCheck same-origin}. Each change is logged as one JSON line to
 * the SLF4J logger {@code consentgate.consent} (consent id, categories, revision, time; never the IP).
 * No response header ever carries request data except a validated same-origin return path.
 */
public final class ConsentEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentEndpoint.class);
    private static final Logger CONSENT_LOG = LoggerFactory.getLogger("consentgate.consent");
    private static final int MAX_JSON_BYTES = 8 * 1024;
    private static final int MAX_RETURN_LENGTH = 512;
    /** Budget for expiring other copies of the consent cookie, within the cookie gate's budget for expiries. */
    private static final int MAX_COPY_EXPIRY_BYTES = 2048;
    /** A body with a repeated key or content after the object is ambiguous: which choice did the visitor make? */
    private static final ObjectReader BODY_READER = DecisionJson.MAPPER.reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Policy policy;
    private final DecisionEngine engine;
    private final CookieGate cookieGate;
    private final Clock clock;
    private final byte[] secret;

    public ConsentEndpoint(Policy policy, DecisionEngine engine, CookieGate cookieGate, Clock clock) {
        this.policy = policy;
        this.engine = engine;
        this.cookieGate = cookieGate;
        this.clock = clock;
        this.secret = policy.consentSecret();
    }

    /** Answers a request to the consent path; {@code signals} and {@code decision} are this request's. */
    public void serve(HttpServletRequest request, HttpServletResponse response, Signals signals,
                      ConsentDecision decision) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        switch (request.getMethod()) {
            case "GET", "HEAD" -> {
                if (request.getQueryString() != null) {
                    refuse(response, HttpServletResponse.SC_FORBIDDEN, "consent can only be changed with a POST");
                    return;
                }
                json(request, response, HttpServletResponse.SC_OK, DecisionJson.of(decision, signals,
                        policy.policyRevision()));
            }
            case "POST" -> post(request, response, signals);
            case "OPTIONS" -> {
                response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
            default -> {
                response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
                refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method not allowed");
            }
        }
    }

    private void post(HttpServletRequest request, HttpServletResponse response, Signals signals) throws IOException {
        String why = SameOriginCheck.refusal(request);
        if (why != null) {
            LOG.debug("consent write refused: {}", why);
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "cross-site consent changes are refused");
            return;
        }
        String inQuery = fieldInQuery(request.getQueryString());
        if (inQuery != null) {
            // The Servlet API merges the query into the form's parameters: a link or a form action with
            // ?categories=all would add to, or stand in for, what the visitor ticked. A return path there is fine
            // (a template's form action often carries it): it is checked as a path within the webapp either way.
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "'" + inQuery + "' belongs in the request body, "
                    + "not in the URL");
            return;
        }
        String type = bodyType(request, response);
        if (type == null) {
            return;
        }
        boolean isJson = type.equals("application/json");
        Set<Category> granted = granted(request, response, isJson);
        if (granted == null) {
            return;
        }
        StoredConsent consent = store(request, response, signals, granted);
        Signals after = new Signals(signals.gpc(), signals.dnt(), Optional.of(consent), signals.region(),
                signals.problems(), signals.saleOptOut());
        ConsentDecision newDecision = engine.decide(after);
        // Withdrawal: expire the tracking cookies the browser still holds for what is now refused, as far as they fit
        // beside this response's other headers (the redirect's Location included); later pages expire the rest.
        String location = isJson ? null : request.getContextPath() + returnPath(request.getParameter("return"));
        expireRefused(request, response, newDecision, location);
        if (policy.clearSiteData() && withdrew(signals, granted)) {
            if (clearingWidens(after, newDecision)) {
                LOG.debug("not sending Clear-Site-Data: it would also clear the consent cookie of this response, "
                        + "and without it {} would be allowed", newDecision.refused());
            } else {
                response.setHeader("Clear-Site-Data", "\"cookies\"");
            }
        }
        if (isJson) {
            json(request, response, HttpServletResponse.SC_OK, DecisionJson.of(newDecision, after,
                    policy.policyRevision()));
        } else {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", location);
            response.setContentLength(0);
        }
    }

    /** The body's media type if the endpoint reads it (with a charset this JVM has), or {@code null} after a 415. */
    private static String bodyType(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The raw header, not getContentType(): Jetty's throws on an unknown charset parameter.
        String header = request.getHeader("Content-Type");
        int semi = header == null ? -1 : header.indexOf(';');
        String type = header == null ? "" : (semi < 0 ? header : header.substring(0, semi)).strip()
                .toLowerCase(Locale.ROOT);
        boolean isJson = type.equals("application/json");
        if (!isJson && !type.equals("application/x-www-form-urlencoded")) {
            refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "send application/x-www-form-urlencoded or application/json");
            return null;
        }
        if (!isJson && !charsetSupported(header)) {
            // Containers differ: Jetty fails the request, Tomcat silently decodes with its default.
            refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "unsupported charset");
            return null;
        }
        return type;
    }

    /**
     * The consent field ({@code categories}) that the query string {@code query} names, or null. Other parameters (a
     * cache-buster {@code ?_=1}, the {@code return} path) are let through.
     */
    static String fieldInQuery(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name;
            try {
                name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                continue; // a malformed escape names no field
            }
            if (name.equals("categories")) {
                return name;
            }
        }
        return null;
    }

    /** The categories the body grants, or {@code null} after a 400 naming what is wrong with it. */
    private static Set<Category> granted(HttpServletRequest request, HttpServletResponse response, boolean isJson)
            throws IOException {
        try {
            return isJson ? CategoryList.parse(jsonCategories(request))
                    : CategoryList.parse(formCategories(request));
        } catch (IllegalArgumentException e) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return null;
        }
    }

    /** Sets the consent cookie for {@code granted}, expires the other copies of it, and logs the change. */
    private StoredConsent store(HttpServletRequest request, HttpServletResponse response, Signals signals,
                                Set<Category> granted) {
        String consentId = signals.consent().map(StoredConsent::consentId)
                .filter(id -> "consentgate".equals(signals.consent().get().source()))
                .orElseGet(ConsentCookie::newConsentId);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        StoredConsent consent = new StoredConsent(granted, policy.policyRevision(), now, consentId, "consentgate");
        response.addHeader("Set-Cookie", setCookie(ConsentCookie.encode(consent, secret), request.isSecure()));
        // The cookie sent twice (another system wrote it for the parent domain or another path) leaves every
        // decision unclear: the choice takes effect only once the other copies are gone.
        List<String> copies = cookieGate.duplicateExpiries(request, policy.consentCookieName(), MAX_COPY_EXPIRY_BYTES);
        for (String expiry : copies) {
            response.addHeader("Set-Cookie", expiry);
        }
        logChange(consent);
        return consent;
    }

    /** Expires the cookies of what {@code decision} refuses, as many as fit beside the headers and {@code location}. */
    private void expireRefused(HttpServletRequest request, HttpServletResponse response, ConsentDecision decision,
                               String location) {
        int used = CookieGate.headerBytes(response, Set.of()) + (location == null ? 0 : location.length() + 12);
        for (String expiry : cookieGate.expiries(request, decision, CookieGate.expiryRoom(used))) {
            response.addHeader("Set-Cookie", expiry);
        }
    }

    /**
     * Whether the visitor would be allowed more without any consent cookie. Browsers apply
     * {@code Clear-Site-Data: "cookies"} after storing the response's own {@code Set-Cookie}, so it also clears the
     * consent cookie this response sets (and other consent managers' cookies); in opt-out mode that would undo the
     * withdrawal.
     */
    private boolean clearingWidens(Signals after, ConsentDecision decision) {
        Signals cleared = new Signals(after.gpc(), after.dnt(), Optional.empty(), after.region(), after.problems(),
                false);
        return !decision.allowed().containsAll(engine.decide(cleared).allowed());
    }

    private static boolean withdrew(Signals before, Set<Category> granted) {
        return before.consent().map(c -> !granted.containsAll(c.granted())).orElse(false);
    }

    /** Whether the {@code charset} parameter of {@code contentType}, if any, names a charset this JVM has. */
    static boolean charsetSupported(String contentType) {
        String name = EncodingLabels.charsetParameter(contentType);
        if (name == null) {
            return true;
        }
        try {
            return Charset.isSupported(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> formCategories(HttpServletRequest request) {
        String[] values = request.getParameterValues("categories");
        return values == null ? List.of() : List.of(values);
    }

    private static List<String> jsonCategories(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_JSON_BYTES + 1);
        }
        if (body.length > MAX_JSON_BYTES) {
            throw new IllegalArgumentException("request body is larger than " + MAX_JSON_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = BODY_READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not valid JSON");
        }
        JsonNode cats = root == null ? null : root.get("categories");
        if (cats == null || !cats.isArray()) {
            throw new IllegalArgumentException("expected {\"categories\": [...]}");
        }
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode n : cats) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException("categories must be strings");
            }
            out.add(n.asText());
        }
        return out;
    }

    /** A same-origin path from the form, or the configured default: never a URL another site could choose. */
    String returnPath(String requested) {
        if (requested == null || requested.isEmpty() || requested.length() > MAX_RETURN_LENGTH
                || !requested.startsWith("/") || requested.startsWith("//") || requested.startsWith("/\\")) {
            return policy.consentReturn();
        }
        for (int i = 0; i < requested.length(); i++) {
            char c = requested.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "/-._~!$&'()*+,;=:@%?#".indexOf(c) >= 0;
            if (!ok) {
                return policy.consentReturn();
            }
        }
        return hasDotSegment(requested) ? policy.consentReturn() : requested;
    }

    /**
     * Whether the path part has a {@code .} or {@code ..} segment, written or percent-encoded ({@code %2e}), also with
     * path parameters ({@code ..;x}): the browser resolves them, the container resolves {@code ..;} too, and
     * {@code /..//x} under a context path would leave the webapp.
     */
    private static boolean hasDotSegment(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '?' || path.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        for (String segment : path.substring(0, end).split("/", -1)) {
            String s = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            int params = s.indexOf(';');
            s = params < 0 ? s : s.substring(0, params);
            if (s.equals(".") || s.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The consent cookie. A name starting {@code __Secure-} or {@code __Host-} (any case, as browsers read it) is
     * always {@code Secure}: browsers refuse such a cookie without it, so behind a proxy that ends TLS the choice, a
     * withdrawal too, would otherwise never be stored.
     */
    private String setCookie(String value, boolean secure) {
        String name = policy.consentCookieName();
        boolean prefixed = name.regionMatches(true, 0, "__Secure-", 0, 9)
                || name.regionMatches(true, 0, "__Host-", 0, 7);
        return name + "=" + value + "; Path=/; Max-Age=" + policy.consentMaxAge().toSeconds()
                + "; SameSite=Lax" + (secure || prefixed ? "; Secure" : "");
    }

    private void logChange(StoredConsent consent) {
        if (!CONSENT_LOG.isInfoEnabled()) {
            return;
        }
        ObjectNode line = DecisionJson.MAPPER.createObjectNode();
        line.put("event", "consent");
        line.put("consentId", consent.consentId());
        var cats = line.putArray("categories");
        EnumSet<Category> all = EnumSet.of(Category.NECESSARY);
        all.addAll(consent.granted());
        all.forEach(c -> cats.add(c.id()));
        line.put("revision", consent.revision());
        line.put("time", consent.timestamp().toString());
        try {
            // written by this mapper, not JsonNode.toString(): that one keeps buffers in the container's threads
            CONSENT_LOG.info("{}", DecisionJson.MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a consent log line could not be written", e);
        }
    }

    private static void json(HttpServletRequest request, HttpServletResponse response, int status, ObjectNode body)
            throws IOException {
        byte[] bytes = DecisionJson.MAPPER.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
