package io.consentgate.html;

import java.nio.charset.StandardCharsets;

/**
 * The attribute names the element rules compare, as ASCII bytes ({@link Tokenizer#attrNameIs}): one table for
 * {@link ElementRules} and the classes it hands elements to, rather than a copy in each.
 */
final class AttributeNames {

    static final byte[] BACKGROUND = ascii("background");
    static final byte[] CLASS = ascii("class");
    static final byte[] CONFIG = ascii("config");
    static final byte[] CONTENT = ascii("content");
    static final byte[] CHARSET = ascii("charset");
    static final byte[] CREDENTIALS = ascii("credentials");
    static final byte[] DATA = ascii("data");
    static final byte[] DATA_CONSENT_TYPE = ascii("data-consent-type");
    static final byte[] DATA_COUNT = ascii("data-count");
    static final byte[] DATA_DO = ascii("data-do");
    static final byte[] DATA_EMBEDTYPE = ascii("data-embedtype");
    static final byte[] DATA_LOCALE = ascii("data-locale");
    static final byte[] DATA_POSTER = ascii("data-poster");
    static final byte[] DATA_ROCKET_SRC = ascii("data-rocket-src");
    /** Where iubenda and Real Cookie Banner park the src of a script they hold (also read: {@link ParkedUrls}). */
    static final byte[] DATA_SUPPRESSEDSRC = ascii("data-suppressedsrc");
    static final byte[] SUPPRESSEDSRC = ascii("suppressedsrc");
    static final byte[] DELAY = ascii("delay");
    static final byte[] DATA_SHORTCODE = ascii("data-shortcode");
    static final byte[] DATA_SRC = ascii("data-src");
    static final byte[] DATA_BORLABS_BLOCKER_ID = ascii("data-borlabs-cookie-script-blocker-id");
    static final byte[] DATA_SRCSET = ascii("data-srcset");
    static final byte[] DATA_TAG = ascii("data-tag");
    static final byte[] DATA_URL = ascii("data-url");
    static final byte[] DATA_VIDEOID = ascii("data-videoid");
    static final byte[] DO_NOT_TRACK = ascii("do-not-track");
    static final byte[] HREF = ascii("href");
    static final byte[] HTTP_EQUIV = ascii("http-equiv");
    static final byte[] IMAGESRCSET = ascii("imagesrcset");
    static final byte[] NONCE = ascii("nonce");
    static final byte[] PING = ascii("ping");
    static final byte[] POSTER = ascii("poster");
    static final byte[] REL = ascii("rel");
    static final byte[] RTC_CONFIG = ascii("rtc-config");
    static final byte[] SRC = ascii("src");
    static final byte[] SRCDOC = ascii("srcdoc");
    static final byte[] SRCSET = ascii("srcset");
    static final byte[] STYLE = ascii("style");
    static final byte[] TYPE = ascii("type");
    static final byte[] XLINK_HREF = ascii("xlink:href");

    private AttributeNames() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
