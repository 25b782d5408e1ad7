package io.consentgate.response;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.html.HtmlRewriter;
import io.consentgate.html.HtmlSniffer;
import io.consentgate.html.PartialResponseFormat;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewriteDecisionTest {

    private static final HtmlRewriter REWRITER = HtmlRewriter.builder(TrackerCatalog.bundled()).build();
    private static final Enforcement ENFORCED = new Enforcement(REWRITER, null, null, (r, d) -> { }, false, null);
    private static final Enforcement REPORT_ONLY = new Enforcement(REWRITER, null, null, (r, d) -> { }, true, null);
    private static final Enforcement NO_REWRITING = new Enforcement(null, null, null, (r, d) -> { }, false, null);

    /** A container response that keeps its status and headers (lower-case names, last value wins). */
    private static final class Container {
        int status = 200;
        final Map<String, String> headers = new LinkedHashMap<>();

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> switch (m.getName()) {
                        case "getStatus" -> status;
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "getContentType" -> headers.get("content-type");
                        case "setContentType" -> {
                            headers.put("content-type", (String) args[0]);
                            yield null;
                        }
                        case "getHeader" -> headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                        case "containsHeader" -> headers.containsKey(((String) args[0]).toLowerCase(Locale.ROOT));
                        case "setHeader", "addHeader" -> {
                            headers.put(((String) args[0]).toLowerCase(Locale.ROOT), (String) args[1]);
                            yield null;
                        }
                        case "isCommitted" -> false;
                        default -> throw new AssertionError("unexpected " + m.getName());
                    });
        }
    }

    private static HttpServletRequest request(String method) {
        return request(method, Map.of());
    }

    /** A request with these headers (names as the test writes them, matched ignoring case). */
    private static HttpServletRequest request(String method, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(RewriteDecisionTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> headers.entrySet().stream()
                        .filter(h -> h.getKey().equalsIgnoreCase((String) args[0])).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
                    case "getRequestURI" -> "/page";
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    default -> throw new AssertionError("unexpected " + m.getName());
                });
    }

    private static ConsentResponse page(Container container, String method, Enforcement enforcement,
                                        ConsentDecision decision) {
        ConsentResponse response = new ConsentResponse(request(method), container.proxy(), decision, enforcement);
        response.setContentType("text/html; charset=UTF-8");
        return response;
    }

    @Test
    void rewritesHtmlPageWhoseDecisionRefusesSomething() {
        ConsentResponse response = page(new Container(), "GET", ENFORCED, ConsentDecision.refuseAll());
        assertTrue(RewriteDecision.shouldRewrite(response));
    }

    @Test
    void passesPageWhenDecisionAllowsEverythingOrRewritingIsOff() {
        assertFalse(RewriteDecision.shouldRewrite(
                page(new Container(), "GET", ENFORCED, ConsentDecision.allowAll())));
        assertFalse(RewriteDecision.shouldRewrite(
                page(new Container(), "GET", NO_REWRITING, ConsentDecision.refuseAll())));
    }

    @Test
    void passesStatusesWithoutBody() {
        for (int status : new int[] {101, 204, 304}) {
            Container container = new Container();
            ConsentResponse response = page(container, "GET", ENFORCED, ConsentDecision.refuseAll());
            response.setStatus(status);
            assertFalse(RewriteDecision.statusHasBody(response), "status " + status);
            assertFalse(RewriteDecision.shouldRewrite(response), "status " + status);
        }
    }

    @Test
    void passesNonHtmlContentTypes() {
        ConsentResponse response = page(new Container(), "GET", ENFORCED, ConsentDecision.refuseAll());
        response.setContentType("application/json");
        assertFalse(RewriteDecision.shouldRewrite(response));
    }

    @Test
    void readsTheXmlAnswerToAFacesOrWicketAjaxRequestAsAPartialResponse() {
        String[][] cases = {
            {"Faces-Request", "partial/ajax", "text/xml;charset=UTF-8", "FACES"},
            {"faces-request", "Partial/Ajax", "application/xml", "FACES"},
            {"Wicket-Ajax", "true", "text/xml; charset=UTF-8", "WICKET"},
            {"Wicket-Ajax", "TRUE", " Application/XML ", "WICKET"},
            {"Wicket-Ajax", "false", "text/xml", null},
            {"Wicket-Ajax", "true", "text/xmlx", null},
            {"Wicket-Ajax", "true", "application/json", null},
            {"Faces-Request", "partial/ajax", "text/plain", null},
            {"X-Requested-With", "XMLHttpRequest", "text/xml", null},
        };
        for (String[] c : cases) {
            ConsentResponse response = new ConsentResponse(request("POST", Map.of(c[0], c[1])),
                new Container().proxy(), ConsentDecision.refuseAll(), ENFORCED);
            response.setContentType(c[2]);
            PartialResponseFormat format = RewriteDecision.partialResponseFormat(response);
            assertEquals(c[3], format == null ? null : format.name(), String.join(" ", c));
            assertEquals(c[3] != null, RewriteDecision.shouldRewrite(response), String.join(" ", c));
        }
    }

    @Test
    void passesPageTheApplicationCompressedButNotOneAnOuterFilterCompresses() {
        ConsentResponse inside = page(new Container(), "GET", ENFORCED, ConsentDecision.refuseAll());
        inside.setHeader("Content-Encoding", "gzip");
        assertFalse(RewriteDecision.shouldRewrite(inside));

        Container outer = new Container();
        outer.headers.put("content-encoding", "gzip");
        assertTrue(RewriteDecision.shouldRewrite(page(outer, "GET", ENFORCED, ConsentDecision.refuseAll())));

        ConsentResponse identity = page(new Container(), "GET", ENFORCED, ConsentDecision.refuseAll());
        identity.setHeader("Content-Encoding", " Identity ");
        assertTrue(RewriteDecision.shouldRewrite(identity));
    }

    @Test
    void headOfRewrittenGetHidesTheApplicationsLength() {
        ConsentResponse head = page(new Container(), "HEAD", ENFORCED, ConsentDecision.refuseAll());
        head.setContentLengthLong(1234);
        assertTrue(RewriteDecision.headOfRewrittenGet(head));
        assertEquals(-1, head.applicationHeaders().heldContentLength());

        ConsentResponse get = page(new Container(), "GET", ENFORCED, ConsentDecision.refuseAll());
        get.setContentLengthLong(1234);
        assertFalse(RewriteDecision.headOfRewrittenGet(get));
        assertEquals(1234, get.applicationHeaders().heldContentLength());

        ConsentResponse reportOnly = page(new Container(), "HEAD", REPORT_ONLY, ConsentDecision.refuseAll());
        reportOnly.setHeader("Content-Length", "1234");
        assertFalse(RewriteDecision.headOfRewrittenGet(reportOnly));
        assertEquals(1234, reportOnly.applicationHeaders().heldContentLength());
    }

    @Test
    void readsHtmlAndXhtmlContentTypesOnly() {
        assertTrue(RewriteDecision.isHtml("text/html"));
        assertTrue(RewriteDecision.isHtml(" Text/HTML;charset=utf-8"));
        assertTrue(RewriteDecision.isHtml("application/xhtml+xml"));
        assertTrue(RewriteDecision.isHtml("text/vnd.turbo-stream.html; charset=utf-8"));
        assertFalse(RewriteDecision.isHtml("text/vnd.turbo-stream"));
        assertFalse(RewriteDecision.isHtml("text/plain"));
        assertFalse(RewriteDecision.isHtml("application/xml"));
        assertFalse(RewriteDecision.isHtml((String) null));
    }

    @Test
    void comparesTheWholeMediaTypeAsChromiumReadsIt() {
        // Another type that only starts with an HTML one is not HTML: its body is not the rewriter's to change.
        assertFalse(RewriteDecision.isHtml("text/htmlx"));
        assertFalse(RewriteDecision.isHtml("text/html-sandboxed"));
        assertFalse(RewriteDecision.isHtml("application/xhtml+xml-fragment"));
        assertFalse(RewriteDecision.isHtml("text/vnd.turbo-stream.htmlx"));
        // Chromium ends the type at white space, '(' or ',' as well as ';': these render as pages.
        assertTrue(RewriteDecision.isHtml("text/html charset=utf-8"));
        assertTrue(RewriteDecision.isHtml("\ttext/html\t;charset=utf-8"));
        assertTrue(RewriteDecision.isHtml("text/html(comment)"));
        assertTrue(RewriteDecision.isHtml("text/html,text/plain"));
        assertTrue(RewriteDecision.isXhtml("Application/XHTML+XML charset=utf-8"));
        assertFalse(RewriteDecision.isXhtml("application/xhtml+xmlx"));
        assertFalse(HtmlSniffer.leftToSniffing("text/html charset=utf-8"));
        assertEquals("", HtmlSniffer.mediaType(null));
        assertEquals("", HtmlSniffer.mediaType(";charset=utf-8"));
    }
}
