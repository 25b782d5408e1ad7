package io.consentgate.demo;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo WAR deployed under a context path (a container names it after the file) still works end to end. */
class DemoContextPathTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern ACTION = Pattern.compile("<form method=post action=\"([^\"]+)\" class=consent>");

    private static Server server;
    private static String origin;

    @BeforeAll
    static void start() throws Exception {
        server = DemoServer.start(0, "127.0.0.1", "/consentgate-demo");
        origin = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void consentFormPostsToTheWebappsEndpointAndReturnsToTheDecisionPage() throws Exception {
        HttpResponse<String> page = get("/consentgate-demo/decision");
        Matcher m = ACTION.matcher(page.body());
        assertTrue(m.find(), page.body());
        HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(URI.create(origin + m.group(1)))
                .header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("categories=all&return=%2Fdecision")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, post.statusCode(), "form action " + m.group(1));
        assertEquals("/consentgate-demo/decision", post.headers().firstValue("Location").orElse(""));
        String cookie = post.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

        HttpResponse<String> after = get("/consentgate-demo/decision", "Cookie", cookie);
        assertTrue(after.body().contains("<tr><td>marketing</td><td class=yes>yes</td><td>consent</td></tr>"),
                after.body());
    }

    @Test
    void everyLinkOfThePagesStaysInsideTheWebapp() throws Exception {
        for (String path : new String[] {"/consentgate-demo/", "/consentgate-demo/about.html",
                "/consentgate-demo/decision"}) {
            String body = get(path).body();
            Matcher m = Pattern.compile("(?:href|action)=\"?([^\" >]+)").matcher(body);
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http") || target.startsWith("//")) {
                    continue;
                }
                URI resolved = URI.create(origin + path).resolve(target);
                assertEquals(200, get(resolved.getRawPath()).statusCode(), path + " links to " + target);
            }
        }
    }
}
