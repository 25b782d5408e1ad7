package io.consentgate.html;

import static io.consentgate.html.AttributeNames.*;

import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Start tags of the AMP components that make the AMP runtime (an allowed script) fetch something: as their HTML
 * counterparts, {@code <amp-img src|srcset>}, {@code <amp-anim>}, {@code <amp-pixel src>}, {@code <amp-iframe src|
 * srcdoc>}, {@code <amp-video src|poster>}, {@code <amp-video-iframe>} and {@code <amp-audio src>}; as a fetch of
 * their {@code src}, {@code <amp-list>}, {@code <amp-render>} and {@code <amp-state>} (JSON); {@code <amp-ima-video>}
 * by its ad request ({@code data-tag}, a VAST URL) and its {@code data-src|data-poster}; by the vendor in
 * their {@code type} ({@link io.consentgate.catalog.TrackerCatalog#matchAmpType}) or the URL in their
 * {@code config}, {@code src} or {@code data-url}, {@code <amp-analytics>}, {@code <amp-ad>}, {@code <amp-embed>},
 * {@code <amp-auto-ads>} and {@code <amp-call-tracking>}; {@code <amp-analytics>} and {@code <amp-story-auto-ads>}
 * also by their inline JSON configuration, held to their end tag ({@link HeldAmpConfig#beginAmpConfig}); and the
 * social and video embeds by the URL they load, as that URL in an {@code <iframe>} or {@code <script>} would be.
 *
 * <p>A refused component is removed with its content in both modes: AMP pages run no author script, so no consent
 * manager could activate a neutralized one, and an {@code <amp-analytics>} without its {@code type} and
 * {@code config} would still send the requests of its inline configuration. Two attributes go alone, in both modes,
 * and their component stays, as it is no tracker by itself: an amp-bind binding that would load a refused tracker
 * later ({@link AmpBindings}), and the {@code rtc-config} of an ad whose network is not refused when it would call a
 * refused vendor or URL before the ad request ({@link AmpRtcConfig}; the ad works without it).
 */
final class AmpElements {

    private final ElementRules rules;
    private final RewriteEngine engine;
    private final Tokenizer t;
    private final AmpBindings bindings;
    private final AmpEmbeds embeds;
    private final UrlVerdicts verdicts;
    private final FrameElements frames;

    AmpElements(ElementRules rules, RewriteEngine engine, UrlVerdicts verdicts, FrameElements frames) {
        this.rules = rules;
        this.engine = engine;
        this.t = engine.tok;
        this.bindings = new AmpBindings(rules, t, verdicts);
        this.embeds = new AmpEmbeds(rules, t, verdicts);
        this.verdicts = verdicts;
        this.frames = frames;
    }

    /** The rules of the current start tag, an AMP component's ({@link ElementNames#isAmp}). */
    void startTag() throws IOException {
        if (t.foreign) {
            return; // in SVG or MathML content an amp- element is no custom element: nothing runs it
        }
        switch (t.nameId) {
            case ElementNames.AMP_IMG:
            case ElementNames.AMP_ANIM:
                remove(imageRefusal());
                break;
            case ElementNames.AMP_PIXEL:
                remove(pixelRefusal());
                break;
            case ElementNames.AMP_AUDIO:
                remove(verdicts.check(rules.attr(SRC), false));
                break;
            case ElementNames.AMP_VIDEO:
                remove(videoRefusal(verdicts.check(rules.attr(SRC), false)));
                break;
            case ElementNames.AMP_VIDEO_IFRAME:
                remove(videoRefusal(verdicts.checkLoader(rules.attr(SRC))));
                break;
            case ElementNames.AMP_IFRAME:
                frame();
                break;
            case ElementNames.AMP_CALL_TRACKING:
                remove(verdicts.check(rules.attr(CONFIG), false));
                break;
            case ElementNames.AMP_LIST:
            case ElementNames.AMP_RENDER:
            case ElementNames.AMP_STATE:
                remove(verdicts.check(rules.attr(SRC), false)); // amp-state:… and amp-script:… sources are no URLs
                break;
            case ElementNames.AMP_IMA_VIDEO:
                remove(imaVideoRefusal());
                break;
            case ElementNames.AMP_AD:
            case ElementNames.AMP_EMBED:
                ad();
                break;
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
                remove(embeds.refusal());
                break;
        }
        if (t.ps <= t.tagStart) {
            bindings.startTag(); // the component stays: its bindings are read
        }
    }

    /** The refusing match for an {@code <amp-img>}'s or {@code <amp-anim>}'s {@code src}, else its {@code srcset}. */
    private TrackerMatch imageRefusal() {
        TrackerMatch m = verdicts.check(rules.attr(SRC), false);
        return m != null ? m : verdicts.check(rules.attr(SRCSET), true);
    }

    /** The refusing match for an {@code <amp-pixel>}'s {@code src}. */
    private TrackerMatch pixelRefusal() {
        // a hit on a self-hosted tracker's collection path (Matomo's AMP pixel) names no catalog host
        TrackerMatch m = verdicts.check(rules.attr(SRC), false);
        return m != null ? m : verdicts.hitVerdict(rules.attr(SRC));
    }

    /** The refusing match for a video component: {@code src}, its {@code src}'s, else its {@code poster}'s. */
    private TrackerMatch videoRefusal(TrackerMatch src) {
        return src != null ? src : verdicts.check(rules.attr(POSTER), false);
    }

    /** The refusing match for an {@code <amp-ima-video>}: its ad request, else its {@code data-src|data-poster}. */
    private TrackerMatch imaVideoRefusal() {
        TrackerMatch m = verdicts.check(rules.attr(DATA_TAG), false); // required: no player without it
        if (m == null) {
            m = verdicts.check(rules.attr(DATA_SRC), false);
        }
        return m != null ? m : verdicts.check(rules.attr(DATA_POSTER), false);
    }

    /**
     * {@code <amp-ad>} or {@code <amp-embed>}: removed for its vendor {@code type}, its {@code src} or its
     * {@code data-url}; else its {@code rtc-config} is read.
     */
    private void ad() throws IOException {
        TrackerMatch m = typeRefusal(vendorType());
        if (m == null) {
            m = verdicts.check(rules.attr(SRC), false);
        }
        if (m == null) {
            m = verdicts.check(rules.attr(DATA_URL), false);
        }
        if (m != null) {
            remove(m);
        } else {
            realTimeConfig();
        }
    }

    /**
     * The {@code rtc-config} of an ad whose own network is not refused goes when a callout it asks for is a refused
     * tracker's: the runtime calls them before the ad request, and the ad is requested without them.
     */
    private void realTimeConfig() {
        int i = rules.attr(RTC_CONFIG);
        if (i < 0 || t.valueFrom(i) < 0) {
            return;
        }
        for (String url : AmpRtcConfig.calloutUrls(rules.value(i))) {
            TrackerMatch m = verdicts.verdict(url.strip());
            if (m != null) {
                rules.dropAttributes(i, RTC_CONFIG, m);
                return;
            }
        }
    }

    /** Like an {@code <iframe>}: its {@code src} as a frame's, else the document of its {@code srcdoc}. */
    private void frame() throws IOException {
        int src = rules.attr(SRC);
        TrackerMatch m = verdicts.checkLoader(src);
        if (m != null) {
            remove(m);
            return;
        }
        TrackerEvent e = frames.nestedDocumentRefusal(src, rules.attr(SRCDOC));
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
        TrackerMatch config = verdicts.check(rules.attr(CONFIG), false);
        if (config != null) {
            remove(config);
            return;
        }
        holdConfig(tagged ? type : null);
    }

    /** Holds the component to its end tag when something is refused: its inline configuration decides. */
    private void holdConfig(TrackerMatch tagged) throws IOException {
        if (!engine.decision.refused().isEmpty()) {
            engine.ampConfig.beginAmpConfig(tagged);
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

    /** Removes the current component with its content, in both modes (see the class comment). */
    private void remove(TrackerMatch m) throws IOException {
        if (m != null) {
            engine.event(TrackerEvent.Action.REMOVED, ElementNames.name(t.nameId), m);
            engine.removeElement();
        }
    }
}
