package io.consentgate.html;

import static io.consentgate.html.AttributeNames.*;

import io.consentgate.catalog.TrackerMatch;

/** The social and video embeds among the AMP components, gated by the URLs they load (see {@link AmpElements}). */
final class AmpEmbeds {

    private final ElementRules rules;
    private final Tokenizer t;
    private final UrlVerdicts verdicts;

    AmpEmbeds(ElementRules rules, Tokenizer t, UrlVerdicts verdicts) {
        this.rules = rules;
        this.t = t;
        this.verdicts = verdicts;
    }

    /** The refusing match for the current embed's URLs, or {@code null} (also for a component that is no embed). */
    TrackerMatch refusal() {
        return t.nameId == ElementNames.AMP_PINTEREST ? pinterest() : verdicts.verdict(url());
    }

    /**
     * {@code <amp-pinterest>} by the hosts it calls: every mode connects to Pinterest's widget API; an embedded pin
     * ({@code data-do="embedPin"}) fetches its data there and a save button with a count ({@code buttonPin},
     * {@code data-count="above|beside"}) its count, and both then log the page's URL to Pinterest's widget log
     * ({@code log.pinterest.com}); a follow button logs only when clicked.
     */
    private TrackerMatch pinterest() {
        String mode = attrValue(DATA_DO).strip();
        String count = attrValue(DATA_COUNT).strip();
        boolean counted = mode.equals("buttonPin") && (count.equals("above") || count.equals("beside"));
        boolean logs = counted || mode.equals("embedPin");
        TrackerMatch m = verdicts.verdict(mode.equals("embedPin")
            ? "https://widgets.pinterest.com/v3/pidgets/pins/info/"
            : counted ? "https://widgets.pinterest.com/v1/urls/count.json" : "https://widgets.pinterest.com/");
        return m != null || !logs ? m : verdicts.verdict("https://log.pinterest.com/");
    }

    /**
     * The URL a social or video embed loads, in the form the AMP component builds it: the Facebook components load
     * Facebook's JavaScript SDK ({@code https://connect.facebook.net/<data-locale>/sdk.js}, {@code en_US} without a
     * locale) into their frame, as the SDK's plugins do on any page; {@code <amp-twitter>} Twitter's
     * {@code widgets.js}; {@code <amp-reddit>} Reddit's embed script; the video and photo embeds their player's frame
     * ({@code <amp-youtube credentials="omit">} on {@code youtube-nocookie.com}). Ids in the path are left out.
     */
    private String url() {
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
}
