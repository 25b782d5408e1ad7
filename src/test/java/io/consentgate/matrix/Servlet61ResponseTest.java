package io.consentgate.matrix;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The response methods Servlet 6.1 added beside the redirects ({@link Servlet61Cases}), on Tomcat 11 with its own 6.1
 * API classes and on Jetty 12.1's ee11 environment. The 6.1 {@code ServletResponseWrapper} hands each one straight to
 * the container, past whatever ConsentGate's wrapper keeps in step. Run by the build's {@code servlet-6.1} execution
 * only, like {@link Servlet61RedirectTest}.
 */
class Servlet61ResponseTest {

    private static BothContainers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new BothContainers(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
    }

    /** The page without its pixel, as the header's charset decodes it. */
    private static void assertPageInHeaderCharset(HttpTester.Response r, Charset expected) {
        assertEquals(200, r.getStatus());
        String type = r.get("Content-Type");
        Charset charset = Charset.forName(type.substring(type.indexOf("charset=") + 8).strip());
        assertEquals(expected, charset, type);
        String page = new String(r.getContentBytes(), charset);
        assertEquals(Servlet61Cases.PAGE.replaceAll("<img [^>]*>", ""), page);
        assertFalse(page.contains("facebook"), page);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aCharsetSetAsACharsetObjectAfterTheWriterIsIgnoredAsTheContainerIgnoresIt(String kind) throws Exception {
        // it reached the container, which (its own writer unused) put UTF-8 in the header over ISO-8859-1 bytes
        assertPageInHeaderCharset(servers.exchange(kind, "GET", "/servlet61/charset-object-after-writer"),
                StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void aCharsetSetAsACharsetObjectBeforeTheWriterIsTheWritersCharset(String kind) throws Exception {
        assertPageInHeaderCharset(servers.exchange(kind, "GET", "/servlet61/charset-object-before-writer"),
                StandardCharsets.UTF_8);
    }
}
