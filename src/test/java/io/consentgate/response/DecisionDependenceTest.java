package io.consentgate.response;

import io.consentgate.ConsentDecision;
import io.consentgate.ConsentGate;
import io.consentgate.VaryMode;
import io.consentgate.catalog.TrackerCatalog;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which responses keep ConsentGate's decision-dependent headers ({@code Vary} tokens, {@code Tk},
 * {@code Permissions-Policy}) when they commit: those another decision would change, and no others.
 */
class DecisionDependenceTest {

    private static final TrackerCatalog CATALOG = TrackerCatalog.bundled();

    /** A container response: status, content type and multi-valued headers. */
    private static final class Container {
        final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int status = 200;
        String contentType;

        List<String> get(String name) {
            return headers.getOrDefault(name, List.of());
        }

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> switch (m.getName()) {
                        case "getStatus" -> status;
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "getContentType" -> contentType;
                        case "setContentType" -> {
                            contentType = (String) args[0];
                            yield null;
                        }
                        case "getHeaderNames" -> List.copyOf(headers.keySet());
                        case "getHeaders" -> List.copyOf(get((String) args[0]));
                        case "getHeader" -> get((String) args[0]).isEmpty() ? null : get((String) args[0]).get(0);
                        case "containsHeader" -> headers.containsKey((String) args[0]);
                        case "setHeader" -> {
                            headers.remove((String) args[0]);
                            if (args[1] != null) {
                                headers.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                            }
                            yield null;
                        }
                        case "addHeader" -> {
                            headers.computeIfAbsent((String) args[0], k -> new ArrayList<>()).add((String) args[1]);
                            yield null;
                        }
                        case "addCookie" -> {
                            Cookie c = (Cookie) args[0];
                            headers.computeIfAbsent("Set-Cookie", k -> new ArrayList<>())
                                    .add(c.getName() + "=" + c.getValue());
                            yield null;
                        }
                        case "isCommitted" -> false;
                        default -> throw new AssertionError("unexpected " + m.getName());
                    });
        }
    }

    private static HttpServletRequest request(List<String> cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(DecisionDependenceTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    case "getMethod" -> "GET";
                    case "getServerName" -> "www.example.com";
                    case "isSecure" -> false;
                    case "getHeaders" -> Collections.enumeration(
                            "Cookie".equalsIgnoreCase((String) args[0]) ? cookies : List.<String>of());
                    case "getHeader" -> null;
                    case "getRequestURI" -> "/a.css";
                    case "getCookies" -> cookies.isEmpty() ? null : new Cookie[] {new Cookie("theme", "dark")};
                    case "getAttribute" -> ConsentGate.DECISION_ATTRIBUTE.equals(args[0])
                            ? ConsentDecision.refuseAll() : null;
                    default -> throw new AssertionError("unexpected " + m.getName());
                });
    }

    /**
     * The headers of a response that a filter before ConsentGate gave {@code outerVary} (null: none), for a request
     * with {@code cookies}, after {@code application} ran on ConsentGate's wrapper and the response committed.
     */
    private static Container respond(VaryMode mode, String outerVary, List<String> cookies,
                                     Consumer<ConsentResponse> application) throws IOException {
        return respond(mode, outerVary, cookies, false, (req, res) -> application.accept(res));
    }

    /** As above, the application also given ConsentGate's request ({@code strip}: strip-request-cookies). */
    private static Container respond(VaryMode mode, String outerVary, List<String> cookies, boolean strip,
                                     BiConsumer<ConsentRequest, ConsentResponse> application) throws IOException {
        Container container = new Container();
        if (outerVary != null) {
            container.headers.put("Vary", new ArrayList<>(List.of(outerVary)));
        }
        HeaderWriter writers = new CompositeHeaderWriter(List.of(
                new VaryHeaderWriter(mode, List.of("Sec-GPC")), new TkHeaderWriter(false),
                new PermissionsPolicyHeaderWriter("browsing-topics=()")));
        Enforcement enforcement = new Enforcement(null, new CookieGate(CATALOG, List.of("/")),
                new UrlHeaderGate(CATALOG), writers, false, null);
        HttpServletRequest request = request(cookies);
        ConsentResponse response = new ConsentResponse(request, container.proxy(), ConsentDecision.refuseAll(),
                enforcement);
        response.writeEarlyHeaders();
        application.accept(new ConsentRequest(request, response, strip), response);
        response.finish();
        return container;
    }

    private static Container respond(Consumer<ConsentResponse> application) throws IOException {
        return respond(VaryMode.VARY, null, List.of(), application);
    }

    private static void assertWithdrawn(Container c) {
        assertEquals(List.of(), c.get("Vary"));
        assertEquals(List.of(), c.get("Tk"));
        assertEquals(List.of(), c.get("Permissions-Policy"));
    }

    private static void assertKept(Container c) {
        assertEquals("DNT, Sec-GPC, Cookie", String.join(", ", c.get("Vary")));
        assertEquals(List.of("N"), c.get("Tk"));
        assertEquals(List.of("browsing-topics=()"), c.get("Permissions-Policy"));
    }

    @Test
    void aStylesheetOrAnImageOrAnEmptyResponseIsTheSameForEveryVisitor() throws IOException {
        assertWithdrawn(respond(r -> r.setContentType("text/css")));
        assertWithdrawn(respond(r -> r.setContentType("image/png")));
        assertWithdrawn(respond(r -> r.setContentType("application/json")));
        assertWithdrawn(respond(r -> { }));
    }

    @Test
    void aPageDependsOnTheDecision() throws IOException {
        assertKept(respond(r -> r.setContentType("text/html;charset=UTF-8")));
        assertKept(respond(r -> r.setContentType("application/xhtml+xml")));
    }

    @Test
    void anyCookieTheApplicationSetsThroughAnyDoorMakesItDepend() throws IOException {
        assertKept(respond(r -> {
            r.setContentType("text/css");
            r.addCookie(new Cookie("_ga", "GA1.1.1.1")); // refused, dropped
        }));
        assertKept(respond(r -> {
            r.setContentType("text/css");
            r.addHeader("Set-Cookie", "theme=dark");
        }));
        Container c = respond(r -> {
            r.setContentType("text/css");
            r.setHeader("set-cookie", "_fbp=fb.1.1.1; Path=/");
        });
        assertKept(c);
        assertFalse(String.join("", c.get("Set-Cookie")).contains("_fbp=fb"), "refused");
    }

    @Test
    void expiriesOfRefusedCookiesTheRequestCarriesMakeItDepend() throws IOException {
        Container c = respond(VaryMode.VARY, null, List.of("_ga=GA1.1.1.1"), r -> r.setContentType("text/css"));
        assertKept(c);
        assertTrue(String.join("\n", c.get("Set-Cookie")).contains("_ga=;"), c.get("Set-Cookie").toString());
        assertWithdrawn(respond(VaryMode.VARY, null, List.of("theme=dark"), r -> r.setContentType("text/css")));
    }

    @Test
    void onlyALinkOrRefreshTheGateChangesForSomeDecisionMakesItDepend() throws IOException {
        assertKept(respond(r -> {
            r.setContentType("text/css");
            r.addHeader("Link", "<https://connect.facebook.net/en_US/fbevents.js>; rel=preload; as=script");
        }));
        assertKept(respond(r -> {
            r.setContentType("text/plain");
            r.setHeader("Refresh", "0; url=https://www.facebook.com/tr?id=1");
        }));
        Container font = respond(r -> {
            r.setContentType("text/css");
            r.addHeader("Link", "</font.woff2>; rel=preload; as=font");
            r.setHeader("Refresh", "5; url=/next");
        });
        assertWithdrawn(font);
        assertEquals(List.of("</font.woff2>; rel=preload; as=font"), font.get("Link"));
    }

    @Test
    void theApplicationsOwnVaryTokensAndHeadersStay() throws IOException {
        assertEquals(List.of("Accept-Encoding"), respond(r -> {
            r.setContentType("text/css");
            r.addHeader("Vary", "Accept-Encoding");
        }).get("Vary"));
        assertEquals(List.of("Origin, Accept-Encoding"), respond(VaryMode.VARY, "Origin", List.of(), r -> {
            r.setContentType("text/css");
            r.addHeader("Vary", "Accept-Encoding");
        }).get("Vary"));
        Container own = respond(r -> {
            r.setContentType("text/css");
            r.setHeader("Vary", "Cookie, Accept-Encoding");
            r.setHeader("Tk", "N");
            r.setHeader("Permissions-Policy", "camera=()");
        });
        assertEquals(List.of("Cookie, Accept-Encoding"), own.get("Vary"));
        assertEquals(List.of("N"), own.get("Tk"));
        assertEquals(List.of("camera=()"), own.get("Permissions-Policy"));
    }

    /** The commit-time headers were written (the body decided) before the container committed; a cookie follows. */
    @Test
    void aCookieSetAfterTheHeadersWereTakenBackBringsThemBack() throws IOException {
        Container c = respond(r -> {
            r.setContentType("text/css");
            r.commitHeaders(); // as when the body is decided before the container commits
            assertEquals(List.of(), r.getHeaders("Vary"), "taken back when the headers were written");
            r.addCookie(new Cookie("theme", "dark"));
        });
        assertKept(c);
        assertEquals(List.of("theme=dark"), c.get("Set-Cookie"));
    }

    @Test
    void anApplicationThatReadTheDecisionMayHaveWrittenWhatItAllows() throws IOException {
        assertKept(respond(VaryMode.VARY, null, List.of(), false, (req, res) -> {
            res.setContentType("application/json");
            ConsentGate.decision(req);
        }));
        assertWithdrawn(respond(VaryMode.VARY, null, List.of(), false, (req, res) -> {
            res.setContentType("application/json");
            req.getAttribute("other");
        }));
    }

    @Test
    void readingCookiesThatStrippingFiltersMakesItDepend() throws IOException {
        assertKept(respond(VaryMode.VARY, null, List.of("theme=dark"), true, (req, res) -> {
            res.setContentType("text/css");
            req.getCookies();
        }));
        assertKept(respond(VaryMode.VARY, null, List.of("theme=dark"), true, (req, res) -> {
            res.setContentType("text/css");
            req.getHeader("Cookie");
        }));
        assertWithdrawn(respond(VaryMode.VARY, null, List.of("theme=dark"), false, (req, res) -> {
            res.setContentType("text/css");
            req.getCookies();
        }));
    }

    @Test
    void privateModeLeavesTheCacheControlOfAStylesheetAlone() throws IOException {
        Container css = respond(VaryMode.PRIVATE, null, List.of(), r -> {
            r.setContentType("text/css");
            r.setHeader("Cache-Control", "public, max-age=600");
        });
        assertEquals(List.of("public, max-age=600"), css.get("Cache-Control"));
        assertEquals(List.of(), css.get("Tk"));
        assertEquals(List.of(), css.get("Vary"));
        Container page = respond(VaryMode.PRIVATE, null, List.of(), r -> {
            r.setContentType("text/html");
            r.setHeader("Cache-Control", "public, max-age=600");
        });
        assertEquals(List.of("private, max-age=600"), page.get("Cache-Control"));
        assertEquals(List.of("N"), page.get("Tk"));
    }
}
