package io.consentgate.response;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which {@code Accept} values admit an HTML page (and so keep {@code Range} hidden for a URI of no known type). */
class DocumentRequestAcceptTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "*/*",
        "TEXT/HTML",
        "application/xhtml+xml",
        "text/*;q=0.5",
        "video/mp4, */*;q=0.1",
        "text/html;level=1;q=0.7"})
    void admitsHtml(String accept) {
        assertTrue(ConsentRequest.acceptsHtml(accept), accept);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "video/webm,video/ogg,video/*;q=0.9,application/ogg;q=0.7,audio/*;q=0.6",
        "image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8",
        "application/pdf",
        "text/html;q=0, video/*",
        "*/*;q=0.0",
        ""})
    void doesNotAdmitHtml(String accept) {
        assertFalse(ConsentRequest.acceptsHtml(accept), accept);
    }
}
