package io.consentgate.html;

import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Start tags of the AMP components that make the AMP runtime (an allowed script) fetch something: as their HTML
 * counterparts, {@code <amp-img src|srcset>}, {@code <amp-anim>}, {@code <amp-pixel src>}, {@code <amp-iframe src|
 * srcdoc>}, {@code <amp-video src|poster>}, {@code <amp-video-iframe>} and {@code <amp-audio src>}; by the vendor in
 * their {@code type} ({@link io.consentgate.catalog.TrackerCatalog#matchAmpType}) or the URL in their
 * {@code config}, {@code src} or {@code data-url}, {@code <amp-analytics>}, {@code <amp-ad>}, {@code <amp-embed>},
 * {@code <amp-auto-ads>} and {@code <amp-call-tracking>}; {@code <amp-analytics>} and {@code <amp-story-auto-ads>}
 * also by their inline JSON configuration, held to their end tag ({@link RewriteEngine#beginAmpConfig}); and the
 * social and video embeds by the URL they load, as that URL in an {@code <iframe>} or {@code <script>} would be.
 *
 * <p>A refused component is removed with its content in both modes: AMP pages run no author script, so no consent
 * manager could activate a neutralized one, and an {@code <amp-analytics>} without its {@code type} and
 * {@code config} would still send the requests of its inline configuration.
 */
final class AmpElements {

    private static final byte[] SRC = ascii("src");
    private static final byte[] SRCSET = ascii("srcset");
    private static final byte[] SRCDOC = ascii("srcdoc");
    private static final byte[] POSTER = ascii("poster");
    private static final byte[] TYPE = ascii("type");
    private static final byte[] CONFIG = ascii("config");
    private static final byte[] DATA_URL = ascii("data-url");
    private static final byte[] DATA_LOCALE = ascii("data-locale");
    private static final byte[] DATA_VIDEOID = ascii("data-videoid");
    private static final byte[] DATA_SHORTCODE = ascii("data-shortcode");
    private static final byte[] DATA_EMBEDTYPE = ascii("data-embedtype");
    private static final byte[] CREDENTIALS = ascii("credentials");
    private static final byte[] DO_NOT_TRACK = ascii("do-not-track");

    private final ElementRules rules;
    private final RewriteEngine engine;
    private final Tokenizer t;

    AmpElements(ElementRules rules, RewriteEngine engine) {
        this.rules = rules;
        this.engine = engine;
        this.t = engine.tok;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The rules of the current start tag, an AMP component's ({@link ElementNames#isAmp}). */
    void startTag() throws IOException {
        if (t.foreign) {
            return; // in SVG or MathML content an amp- element is no custom element: nothing runs it
        }
        switch (t.nameId) {
            case ElementNames.AMP_IMG:
            case ElementNames.AMP_ANIM: {
                TrackerMatch m = rules.check(rules.attr(SRC), false);
                remove(m != null ? m : rules.check(rules.attr(SRCSET), true));
                break;
            }
            case ElementNames.AMP_PIXEL:
            case ElementNames.AMP_AUDIO:
                remove(rules.check(rules.attr(SRC), false));
                break;
            case ElementNames.AMP_VIDEO: {
                TrackerMatch m = rules.check(rules.attr(SRC), false);
                remove(m != null ? m : rules.check(rules.attr(POSTER), false));
                break;
            }
            case ElementNames.AMP_VIDEO_IFRAME: {
                TrackerMatch m = rules.checkLoader(rules.attr(SRC));
                remove(m != null ? m : rules.check(rules.attr(POSTER), false));
                break;
            }
            case ElementNames.AMP_IFRAME:
                frame();
                break;
            case ElementNames.AMP_CALL_TRACKING:
                remove(rules.check(rules.attr(CONFIG), false));
                break;
            case ElementNames.AMP_AD:
            case ElementNames.AMP_EMBED: {
                TrackerMatch m = typeRefusal(vendorType());
                if (m == null) {
                    m = rules.check(rules.attr(SRC), false);
                }
                remove(m != null ? m : rules.check(rules.attr(DATA_URL), false));
                break;
            }
            case ElementNames.AMP_AUTO_ADS:
                remove(typeRefusal(vendorType()));
                break;
            case ElementNames.AMP_ANALYTICS:
                analytics();
                break;
            case ElementNames.AMP_STORY_AUTO_ADS:
                holdConfig(null);
                break;
            default:
                remove(rules.verdict(embedUrl()));
                break;
        }
    }

    /** Like an {@code <iframe>}: its {@code src} as a frame's, else the document of its {@code srcdoc}. */
    private void frame() throws IOException {
        int src = rules.attr(SRC);
        TrackerMatch m = rules.checkLoader(src);
        if (m != null) {
            remove(m);
            return;
        }
        TrackerEvent e = rules.nestedDocumentRefusal(src, rules.attr(SRCDOC));
        if (e != null) {
            engine.event(TrackerEvent.Action.REMOVED, t.lineOf(t.tagStart), t.columnOf(t.tagStart),
                ElementNames.name(t.nameId), e.trackerId(), e.trackerName(), e.categories());
            engine.removeElement();
        }
    }

    /**
     * {@code <amp-analytics>}: its vendor {@code type}, the remote configuration in {@code config} (Google Tag
     * Manager's {@code https://www.googletagmanager.com/amp.json?id=GTM-…}, whose id decides as in any URL), and its
     * inline configuration, read at its end tag. A vendor whose entry has tag ids ({@code gtag}) is decided there
     * too, by the ids its configuration names.
     */
    private void analytics() throws IOException {
        TrackerMatch type = engine.cfg.catalog.matchAmpType(vendorType());
        boolean tagged = type != null && !engine.cfg.catalog.tagIdRules(type.tracker().id()).isEmpty();
        if (type != null && !tagged) {
            type = allowedOrRefused(type);
            if (type != null) {
                remove(type);
                return;
            }
        }
        TrackerMatch config = rules.check(rules.attr(CONFIG), false);
        if (config != null) {
            remove(config);
            return;
        }
        holdConfig(tagged ? type : null);
    }

    /** Holds the component to its end tag when something is refused: its inline configuration decides. */
    private void holdConfig(TrackerMatch tagged) throws IOException {
        if (!engine.decision.refused().isEmpty()) {
            engine.beginAmpConfig(tagged);
        }
    }

    /**
     * The refusing match for a held component's text {@code b[from..to)} (its inline configuration, with the tags
     * around it), or {@code null}: the tag ids of the vendor {@code tagged} named in the start tag, in
     * {@code <amp-story-auto-ads>} the vendor of each {@code "type"} (its ad network), and tracker hosts in request
     * URLs ({@code "requests": {"pageview": "https://www.facebook.com/tr?…"}}), read as an inline script's. Allowed
     * matches are reported as such.
     */
    TrackerMatch configRefusal(byte[] b, int from, int to, TrackerMatch tagged, String element, long line,
                               long column) {
        if (tagged != null) {
            TrackerMatch m = TagIds.refined(engine.cfg.catalog, tagged, b, from, to);
            if (!engine.decision.allowsAll(m.categories())) {
                return m;
            }
            engine.event(TrackerEvent.Action.ALLOWED, line, column, element, m);
        }
        List<String> types = element.equals(ElementNames.name(ElementNames.AMP_STORY_AUTO_ADS))
            ? jsonTypes(b, from, to) : List.of();
        for (String type : types) {
            TrackerMatch m = engine.cfg.catalog.matchAmpType(type);
            if (m != null && !engine.decision.allowsAll(m.categories())) {
                return m;
            }
            if (m != null) {
                engine.event(TrackerEvent.Action.ALLOWED, line, column, element, m);
            }
        }
        TrackerMatch refused = null;
        for (TrackerMatch m : engine.cfg.catalog.matchScript(b, from, to - from)) {
            if (!engine.decision.allowsAll(m.categories())) {
                refused = refused == null ? m : refused;
            } else {
                engine.event(TrackerEvent.Action.ALLOWED, line, column, element, m);
            }
        }
        return refused;
    }

    /** The values of {@code "type": "…"} members in JSON text (ad types of {@code <amp-story-auto-ads>}). */
    private static List<String> jsonTypes(byte[] b, int from, int to) {
        List<String> types = new java.util.ArrayList<>(1);
        for (int i = from; i + 6 <= to; i++) {
            if (b[i] != '"' || b[i + 1] != 't' || b[i + 2] != 'y' || b[i + 3] != 'p' || b[i + 4] != 'e'
                || b[i + 5] != '"') {
                continue;
            }
            int p = skipWs(b, i + 6, to);
            if (p >= to || b[p] != ':') {
                continue;
            }
            p = skipWs(b, p + 1, to);
            if (p >= to || b[p] != '"') {
                continue;
            }
            int end = p + 1;
            while (end < to && b[end] != '"' && end - p <= 64) {
                end++;
            }
            if (end < to && b[end] == '"') {
                types.add(new String(b, p + 1, end - p - 1, StandardCharsets.ISO_8859_1));
            }
        }
        return types;
    }

    private static int skipWs(byte[] b, int p, int to) {
        while (p < to && ByteScan.isWs(b[p])) {
            p++;
        }
        return p;
    }

    /** The decoded value of the {@code type} attribute, or {@code null}. */
    private String vendorType() {
        int type = rules.attr(TYPE);
        return type < 0 ? null : rules.value(type);
    }

    /** The refusing match for an AMP vendor type, or {@code null}; an allowed vendor is reported as such. */
    private TrackerMatch typeRefusal(String type) {
        TrackerMatch m = engine.cfg.catalog.matchAmpType(type);
        return m == null ? null : allowedOrRefused(m);
    }

    private TrackerMatch allowedOrRefused(TrackerMatch m) {
        if (engine.decision.allowsAll(m.categories())) {
            engine.event(TrackerEvent.Action.ALLOWED, ElementNames.name(t.nameId), m);
            return null;
        }
        return m;
    }

    /**
     * The URL a social or video embed loads, in the form the AMP component builds it: the Facebook components load
     * Facebook's JavaScript SDK ({@code https://connect.facebook.net/<data-locale>/sdk.js}, {@code en_US} without a
     * locale) into their frame, as the SDK's plugins do on any page; {@code <amp-twitter>} Twitter's
     * {@code widgets.js}; {@code <amp-reddit>} Reddit's embed script; the video and photo embeds their player's frame
     * ({@code <amp-youtube credentials="omit">} on {@code youtube-nocookie.com}). Ids in the path are left out.
     */
    private String embedUrl() {
        switch (t.nameId) {
            case ElementNames.AMP_FACEBOOK:
            case ElementNames.AMP_FACEBOOK_PAGE:
            case ElementNames.AMP_FACEBOOK_LIKE:
            case ElementNames.AMP_FACEBOOK_COMMENTS:
                return "https://connect.facebook.net/" + locale() + "/sdk.js";
            case ElementNames.AMP_TWITTER:
                return "https://platform.twitter.com/widgets.js";
            case ElementNames.AMP_INSTAGRAM:
                return "https://www.instagram.com/p/" + pathId(DATA_SHORTCODE) + "/embed/";
            case ElementNames.AMP_YOUTUBE:
                return (attrValue(CREDENTIALS).strip().equalsIgnoreCase("omit") ? "https://www.youtube-nocookie.com"
                    : "https://www.youtube.com") + "/embed/" + pathId(DATA_VIDEOID);
            case ElementNames.AMP_VIMEO:
                return "https://player.vimeo.com/video/" + pathId(DATA_VIDEOID)
                    + (rules.attr(DO_NOT_TRACK) >= 0 ? "?dnt=1" : "");
            case ElementNames.AMP_DAILYMOTION:
                return "https://www.dailymotion.com/embed/video/" + pathId(DATA_VIDEOID);
            case ElementNames.AMP_SOUNDCLOUD:
                return "https://w.soundcloud.com/player/";
            case ElementNames.AMP_TIKTOK:
                return "https://www.tiktok.com/embed/v2/";
            case ElementNames.AMP_REDDIT:
                return attrValue(DATA_EMBEDTYPE).strip().equals("comment")
                    ? "https://www.redditstatic.com/comment-embed.js"
                    : "https://embed.redditmedia.com/widgets/platform.js";
            default:
                return "";
        }
    }

    /** The SDK locale of a Facebook embed: its {@code data-locale} ({@code de_DE}), else {@code en_US}. */
    private String locale() {
        String l = attrValue(DATA_LOCALE).strip();
        return isPathWord(l) ? l : "en_US";
    }

    /** An id attribute's value as a path segment, or {@code _} when it is missing or not a plain word. */
    private String pathId(byte[] name) {
        String v = attrValue(name).strip();
        return isPathWord(v) ? v : "_";
    }

    private static boolean isPathWord(String v) {
        if (v.isEmpty() || v.length() > 64) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private String attrValue(byte[] name) {
        int i = rules.attr(name);
        return i < 0 ? "" : rules.value(i);
    }

    /** Removes the current component with its content, in both modes (see the class comment). */
    private void remove(TrackerMatch m) throws IOException {
        if (m != null) {
            engine.event(TrackerEvent.Action.REMOVED, ElementNames.name(t.nameId), m);
            engine.removeElement();
        }
    }
}
