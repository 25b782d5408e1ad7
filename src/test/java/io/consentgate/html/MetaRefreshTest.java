package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.consentgate.ConsentDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code <meta http-equiv=refresh>}: the browser navigates to the URL in its {@code content}. */
class MetaRefreshTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<meta http-equiv=\"refresh\" content=\"0;url=https://www.facebook.com/tr?id=1&amp;ev=PageView\">",
        "<meta http-equiv=Refresh content=\"5; URL='https://www.facebook.com/tr?id=1'\">",
        "<META HTTP-EQUIV=\"REFRESH\" CONTENT=\"0,url = https://www.facebook.com/tr?id=1\">",
        "<meta http-equiv=\"refresh\" content=\"0 https://www.googletagmanager.com/ns.html?id=GTM-1\">",
        "<meta content=\"1.5;url=//www.facebook.com/tr?id=1\" http-equiv=\"refresh\">",
    })
    void removesARefreshToARefusedTracker(String meta) {
        String in = "<head><title>x</title>" + meta + "</head>";
        assertEquals("<head><title>x</title></head>", rewrite(REMOVE, in, ConsentDecision.refuseAll()));
        assertEquals("<head><title>x</title></head>", rewrite(NEUTRALIZE, in, ConsentDecision.refuseAll()));
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.allowAll()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<meta http-equiv=\"refresh\" content=\"30\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=/checkout\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://www.facebook.com/acme\">",
        "<meta name=\"description\" content=\"0;url=https://www.facebook.com/tr?id=1\">",
        "<meta property=\"og:url\" content=\"https://www.facebook.com/tr\">",
        "<meta http-equiv=\"refresh\" content=\"x;url=https://www.facebook.com/tr?id=1\">",
    })
    void keepsOtherMetaTags(String meta) {
        String in = "<head>" + meta + "</head>";
        assertEquals(in, rewrite(REMOVE, in, ConsentDecision.refuseAll()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        0;url=https://a.example/x         | https://a.example/x
        0; URL = 'https://a.example/x'y   | https://a.example/x
        3 https://a.example/x             | https://a.example/x
        .5,url="https://a.example/x"      | https://a.example/x
        0;urlx=https://a.example/x        | urlx=https://a.example/x
        """)
    void readsTheUrlAsBrowsersDo(String content, String url) {
        assertEquals(url, UrlText.refreshUrl(content));
    }

    @Test
    void namesNoUrlWithoutATimeOrAfterIt() {
        assertNull(UrlText.refreshUrl("10"));
        assertNull(UrlText.refreshUrl("url=https://a.example/"));
        assertNull(UrlText.refreshUrl("5x;url=https://a.example/"));
    }
}
