package io.consentgate.html;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Ids of the element names the tokenizer and the rewriter care about; every other name is {@link #OTHER}. */
final class ElementNames {

    static final int OTHER = 0;
    static final int SCRIPT = 1;
    static final int NOSCRIPT = 2;
    static final int IMG = 3;
    static final int IFRAME = 4;
    static final int LINK = 5;
    static final int A = 6;
    static final int AREA = 7;
    static final int SOURCE = 8;
    static final int BASE = 9;
    static final int TEMPLATE = 10;
    static final int SVG = 11;
    static final int MATH = 12;
    static final int STYLE = 13;
    static final int TEXTAREA = 14;
    static final int TITLE = 15;
    static final int XMP = 16;
    static final int NOEMBED = 17;
    static final int NOFRAMES = 18;
    static final int PLAINTEXT = 19;
    static final int FOREIGNOBJECT = 20;
    static final int DESC = 21;
    static final int MI = 22;
    static final int MO = 23;
    static final int MN = 24;
    static final int MS = 25;
    static final int MTEXT = 26;
    static final int ANNOTATION_XML = 27;
    static final int BR = 28;
    static final int EMBED = 30;
    static final int HR = 31;
    static final int INPUT = 32;
    static final int META = 33;
    static final int TRACK = 35;
    static final int FRAME = 40;
    static final int IMAGE = 41;
    static final int VIDEO = 83;
    static final int AUDIO = 84;
    static final int OBJECT = 85;
    /** SVG {@code <feImage>}: a filter primitive that fetches the image in its {@code href}. */
    static final int FEIMAGE = 86;
    /** Breaks out of SVG/MathML content only with a {@code color}, {@code face} or {@code size} attribute. */
    static final int FONT = 87;
    /** MathML elements that stay MathML inside a MathML text integration point ({@code <mi>} ...). */
    static final int MGLYPH = 88;
    static final int MALIGNMARK = 89;
    /** SVG {@code <use>}: its {@code href} loads an external SVG document. */
    static final int USE = 90;
    /** {@code <details open>} fires {@code toggle} by itself as the page loads: its handlers are read. */
    static final int DETAILS = 91;
    /*
     * AMP components that load something (see AmpElements), from FIRST_AMP on: only a name that is one of them gets
     * an id, so an ordinary page pays nothing for them (no name starts with amp- there, and each name is looked up
     * once anyway).
     */
    static final int AMP_IMG = 92;
    static final int AMP_ANIM = 93;
    static final int AMP_PIXEL = 94;
    static final int AMP_IFRAME = 95;
    static final int AMP_VIDEO = 96;
    static final int AMP_AUDIO = 97;
    static final int AMP_VIDEO_IFRAME = 98;
    static final int AMP_ANALYTICS = 99;
    static final int AMP_CALL_TRACKING = 100;
    static final int AMP_STORY_AUTO_ADS = 101;
    static final int AMP_AD = 102;
    static final int AMP_EMBED = 103;
    static final int AMP_AUTO_ADS = 104;
    /** First id of the AMP embeds of a third party's content (see AmpElements#embedUrl). */
    static final int AMP_FACEBOOK = 105;
    static final int AMP_FACEBOOK_PAGE = 106;
    static final int AMP_FACEBOOK_LIKE = 107;
    static final int AMP_FACEBOOK_COMMENTS = 108;
    static final int AMP_TWITTER = 109;
    static final int AMP_INSTAGRAM = 110;
    static final int AMP_YOUTUBE = 111;
    static final int AMP_VIMEO = 112;
    static final int AMP_DAILYMOTION = 113;
    static final int AMP_SOUNDCLOUD = 114;
    static final int AMP_TIKTOK = 115;
    static final int AMP_REDDIT = 116;
    static final int AMP_PINTEREST = 117;
    /** Components that fetch JSON from their {@code src} (see AmpElements#startTag). */
    static final int AMP_LIST = 118;
    static final int AMP_STATE = 119;
    static final int AMP_RENDER = 120;
    /** A video player whose {@code data-tag} is the URL of its ad request (VAST). */
    static final int AMP_IMA_VIDEO = 121;
    /** Its end tag breaks out of SVG/MathML content, as does that of {@link #BR}. */
    static final int P = 68;
    static final int BODY = 47;
    /** First id of the remaining void elements. */
    private static final int FIRST_VOID = 28;
    /** First id of the elements that break out of SVG/MathML content. */
    private static final int FIRST_BREAKOUT = 44;
    /** First id after the breakout elements: other elements that load a URL. */
    private static final int FIRST_EXTRA = 83;
    private static final int FIRST_AMP = AMP_IMG;

    private static final String[] NAMES = {
        "", "script", "noscript", "img", "iframe", "link", "a", "area", "source", "base", "template", "svg", "math",
        "style", "textarea", "title", "xmp", "noembed", "noframes", "plaintext", "foreignobject", "desc", "mi", "mo",
        "mn", "ms", "mtext", "annotation-xml",
        // void elements (besides img, link, area, source, base)
        "br", "col", "embed", "hr", "input", "meta", "param", "track", "wbr", "keygen", "basefont", "bgsound",
        "frame", "image", "", "",
        // breakout elements (besides br, embed, hr, img, meta)
        "b", "big", "blockquote", "body", "center", "code", "dd", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4",
        "h5", "h6", "head", "i", "li", "listing", "menu", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span",
        "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
        // other elements that load a URL
        "video", "audio", "object", "feimage",
        // names only tree construction in SVG/MathML content cares about
        "font", "mglyph", "malignmark",
        // SVG elements that load a URL (besides image and feimage)
        "use",
        // elements with an event that fires by itself
        "details",
        // AMP components that load something
        "amp-img", "amp-anim", "amp-pixel", "amp-iframe", "amp-video", "amp-audio", "amp-video-iframe",
        "amp-analytics", "amp-call-tracking", "amp-story-auto-ads", "amp-ad", "amp-embed", "amp-auto-ads",
        "amp-facebook", "amp-facebook-page", "amp-facebook-like", "amp-facebook-comments", "amp-twitter",
        "amp-instagram", "amp-youtube", "amp-vimeo", "amp-dailymotion", "amp-soundcloud", "amp-tiktok", "amp-reddit",
        "amp-pinterest", "amp-list", "amp-state", "amp-render", "amp-ima-video",
    };
    /** Start tags that neither change the tokenizer's state nor load anything (see {@link #isPlainStart}). */
    private static final boolean[] PLAIN_START = new boolean[NAMES.length];

    static {
        if (!NAMES[VIDEO].equals("video") || !NAMES[IMAGE].equals("image") || !NAMES[FIRST_BREAKOUT].equals("b")
            || !NAMES[P].equals("p") || !NAMES[MALIGNMARK].equals("malignmark") || !NAMES[USE].equals("use")
            || !NAMES[TRACK].equals("track") || !NAMES[BODY].equals("body") || !NAMES[DETAILS].equals("details") || !NAMES[AMP_IMG].equals("amp-img")
            || !NAMES[AMP_FACEBOOK].equals("amp-facebook") || !NAMES[AMP_REDDIT].equals("amp-reddit")
            || !NAMES[AMP_LIST].equals("amp-list") || !NAMES[AMP_IMA_VIDEO].equals("amp-ima-video")
            || NAMES.length != AMP_IMA_VIDEO + 1) {
            throw new AssertionError("element ids out of step with their names");
        }
        if (NAMES.length > Byte.MAX_VALUE + 1) {
            throw new AssertionError("element ids no longer fit the byte table of short names");
        }
        for (int id = FIRST_VOID; id < FIRST_EXTRA; id++) {
            PLAIN_START[id] = true;
        }
        PLAIN_START[OTHER] = true;
        PLAIN_START[A] = true;
        PLAIN_START[AREA] = true;
        PLAIN_START[FONT] = true;
        PLAIN_START[MGLYPH] = true;
        PLAIN_START[MALIGNMARK] = true;
        PLAIN_START[EMBED] = false;
        PLAIN_START[INPUT] = false;
        PLAIN_START[FRAME] = false;
        PLAIN_START[IMAGE] = false;
        PLAIN_START[META] = false; // http-equiv=refresh navigates
        PLAIN_START[TRACK] = false; // fetches its src (a text track) with its media element
        PLAIN_START[BODY] = false; // its onload runs by itself (once a page: costs nothing)
        PLAIN_START[DETAILS] = false; // ontoggle, when open
    }

    private static final byte[][] BYTES = new byte[NAMES.length][];
    private static final int TABLE_BITS = 9;
    private static final short[] TABLE = new short[1 << TABLE_BITS];

    static {
        for (int i = 1; i < NAMES.length; i++) {
            BYTES[i] = NAMES[i].getBytes(StandardCharsets.US_ASCII);
            if (BYTES[i].length == 0) {
                continue;
            }
            int h = hash(BYTES[i], BYTES[i].length);
            while (TABLE[h] != 0) {
                h = (h + 1) & (TABLE.length - 1);
            }
            TABLE[h] = (short) i;
        }
    }

    /*
     * Names of up to eight bytes (all but four of the known ones, and nearly every tag on a real page) are looked up
     * as one little-endian long: the name's bytes, the rest zero. A known name is found in a sparse table with one
     * multiply, one shift and one long compare; an unknown one (div, span, li, ...) usually lands on an empty slot at
     * once, with no byte loop and no array compare. The length is compared too, so a name with a NUL byte cannot
     * pass for a shorter one.
     */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int SHORT_MAX = 8;
    private static final int SHORT_BITS = 9;
    private static final long[] SHORT_KEYS = new long[1 << SHORT_BITS];
    private static final byte[] SHORT_IDS = new byte[1 << SHORT_BITS];
    private static final byte[] SHORT_LENS = new byte[1 << SHORT_BITS];
    private static final long[] LOW_BYTES = new long[SHORT_MAX + 1];

    static {
        for (int n = 1; n <= SHORT_MAX; n++) {
            LOW_BYTES[n] = n == SHORT_MAX ? -1L : (1L << (8 * n)) - 1;
        }
        for (int i = 1; i < NAMES.length; i++) {
            int len = BYTES[i].length;
            if (len == 0 || len > SHORT_MAX) {
                continue;
            }
            long key = pack(BYTES[i], len);
            int h = slot(key);
            while (SHORT_IDS[h] != 0) {
                h = (h + 1) & (SHORT_IDS.length - 1);
            }
            SHORT_KEYS[h] = key;
            SHORT_IDS[h] = (byte) i;
            SHORT_LENS[h] = (byte) len;
        }
    }

    private ElementNames() {
    }

    /** The first {@code len <= 8} bytes of {@code name}, little-endian, higher bytes zero. */
    static long pack(byte[] name, int len) {
        if (name.length >= SHORT_MAX) {
            return (long) LONGS.get(name, 0) & LOW_BYTES[len];
        }
        long key = 0;
        for (int i = len - 1; i >= 0; i--) {
            key = key << 8 | (name[i] & 0xff);
        }
        return key;
    }

    private static int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - SHORT_BITS));
    }

    private static int hash(byte[] name, int len) {
        int h = len;
        for (int i = 0; i < len; i++) {
            h = h * 31 + name[i];
        }
        return (h ^ (h >>> 9)) & (TABLE.length - 1);
    }

    /** The id of the lower-case {@code name[0..len)}, or {@link #OTHER}. */
    static int lookup(byte[] name, int len) {
        return lookup(name, len, len <= SHORT_MAX ? pack(name, len) : 0);
    }

    /**
     * As {@link #lookup(byte[], int)}, with the name's first {@code min(len, 8)} bytes already packed little-endian
     * into {@code key} (higher bytes zero), as the tokenizer builds it while it scans the name. Reading the key
     * back from bytes just stored one at a time would stall on store-to-load forwarding.
     */
    static int lookup(byte[] name, int len, long key) {
        if (len <= SHORT_MAX) {
            if (len == 0) {
                return OTHER;
            }
            int h = slot(key);
            for (int id = SHORT_IDS[h]; id != 0; id = SHORT_IDS[h]) {
                if (SHORT_KEYS[h] == key && SHORT_LENS[h] == len) {
                    return id;
                }
                h = (h + 1) & (SHORT_IDS.length - 1);
            }
            return OTHER;
        }
        int h = hash(name, len);
        for (int id = TABLE[h]; id != 0; id = TABLE[h]) {
            byte[] candidate = BYTES[id];
            if (candidate.length == len && java.util.Arrays.equals(candidate, 0, len, name, 0, len)) {
                return id;
            }
            h = (h + 1) & (TABLE.length - 1);
        }
        return OTHER;
    }

    /**
     * Whether a start tag of this id, outside SVG/MathML content and without the operator's category attribute,
     * needs nobody's attention when the rewriter is passing bytes through: it changes no tokenizer state and no
     * rewriter rule looks at it. {@link #A} and {@link #AREA} qualify only without a {@code ping} attribute.
     */
    static boolean isPlainStart(int id) {
        return PLAIN_START[id];
    }

    /** The id of a name of {@code 1 <= len <= 8} bytes packed as for {@link #lookup(byte[], int, long)}. */
    static int lookupShort(long key, int len) {
        int h = slot(key);
        for (int id = SHORT_IDS[h]; id != 0; id = SHORT_IDS[h]) {
            if (SHORT_KEYS[h] == key && SHORT_LENS[h] == len) {
                return id;
            }
            h = (h + 1) & (SHORT_IDS.length - 1);
        }
        return OTHER;
    }

    /** The name of a known id. */
    static String name(int id) {
        return NAMES[id];
    }

    /** The lower-case bytes of a known id. */
    static byte[] bytes(int id) {
        return BYTES[id];
    }

    /** Whether this id is an AMP component's (see AmpElements). */
    static boolean isAmp(int id) {
        return id >= FIRST_AMP;
    }

    /** Whether an HTML element of this id never has content or an end tag. */
    static boolean isVoid(int id) {
        return id == IMG || id == LINK || id == AREA || id == SOURCE || id == BASE
            || (id >= FIRST_VOID && id < FIRST_BREAKOUT);
    }

    /** Whether a start tag of this id inside SVG or MathML content closes the foreign content. */
    static boolean breaksOutOfForeign(int id) {
        return id >= FIRST_BREAKOUT && id < FIRST_EXTRA || id == IMG || id == BR || id == EMBED || id == HR
            || id == META;
    }
}
