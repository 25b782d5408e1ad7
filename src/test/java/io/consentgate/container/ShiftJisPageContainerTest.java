package io.consentgate.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Shift_JIS page on Jetty 12 and Tomcat 11 with the filter registered as web.xml would, its charset named by the
 * Content-Type (the page written as text) or by its {@code <meta>} alone (written as bytes): the consent banner's
 * labels end in a character whose trail byte is 0x5C, and the banner stays, losing only the loader in its callback.
 */
class ShiftJisPageContainerTest {

    private static final Charset SJIS = Charset.forName("Shift_JIS");

    /** The body of a response read as ISO-8859-1, as its bytes; chunked or not. */
    private static byte[] body(String response) {
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        String rest = response.substring(response.indexOf("\r\n\r\n") + 4);
        if (!head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            return rest.getBytes(StandardCharsets.ISO_8859_1);
        }
        StringBuilder b = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = rest.indexOf("\r\n", at);
            int size = Integer.parseInt(rest.substring(at, eol).trim(), 16);
            if (size == 0) {
                return b.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
            b.append(rest, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void theBannerOfAShiftJisPageKeepsItsSettingsAndLosesOnlyTheLoader(String kind) throws Exception {
        byte[] expected = AppServlet.JA_BANNER.replace(AppServlet.JA_LOADER, " ".repeat(AppServlet.JA_LOADER.length()))
            .getBytes(SJIS);
        try (Container c = Container.start(kind, Map.of())) {
            for (String path : new String[] {"/app/ja/banner", "/app/ja/banner-bytes"}) {
                String response = c.exchange("GET " + path + " HTTP/1.1\nHost: localhost\n");
                assertTrue(response.startsWith("HTTP/1.1 200"), response);
                assertEquals(new String(expected, SJIS), new String(body(response), SJIS), kind + " " + path);
            }
        }
    }
}
