package io.consentgate.html;

import io.consentgate.catalog.TrackerMatch;
import java.nio.charset.StandardCharsets;

/**
 * The copies of an element's URL that lazy-loading libraries keep in {@code data-} attributes and set as its
 * {@code src} or {@code srcset} later ({@link #lazyUrl}), on the elements they load so ({@link #lazyLoads}): read by
 * {@link ElementRules} as the element's own URL, and moved out of reach with it when it is neutralized.
 */
final class LazyLoadAttributes {

    private static final byte[] DATA_SRC = "data-src".getBytes(StandardCharsets.US_ASCII);
    /** Kinds of lazy-loading attributes ({@link #lazyKind}): a URL, a srcset. */
    private static final int LAZY_URL = 1;
    private static final int LAZY_SRCSET = 2;

    private final ElementRules rules;
    private final Tokenizer t;
    private final UrlVerdicts verdicts;

    LazyLoadAttributes(ElementRules rules, Tokenizer t, UrlVerdicts verdicts) {
        this.rules = rules;
        this.t = t;
        this.verdicts = verdicts;
    }

    /**
     * The refusing match for a lazy-loading library's copy of the element's URL, or {@code null}: {@code data-src},
     * {@code data-lazy-src}, {@code data-srcset}, {@code data-lazy-srcset}, jQuery lazyload's {@code data-original}
     * (any {@code data-NAME} ending in {@code src} or {@code srcset}). The library (lazysizes, vanilla-lazyload,
     * WP Rocket, Jetpack, a3 and others write images and frames so) sets it as the {@code src} or {@code srcset}
     * once the element nears the viewport, so a tracker pixel or frame that a lazy-loading plugin rewrote that way
     * still loads. A frame's URL is read as a loader's ({@link UrlVerdicts#checkLoader}).
     */
    TrackerMatch lazyUrl(boolean frame) {
        for (int i = 0; i < t.attrCount; i++) {
            int kind = lazyKind(i);
            if (kind != 0) {
                TrackerMatch m = frame ? verdicts.checkLoader(i) : verdicts.check(i, kind == LAZY_SRCSET);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    /** {@link #LAZY_URL} or {@link #LAZY_SRCSET} when attribute {@code i} is read by {@link #lazyUrl}; else 0. */
    int lazyKind(int i) {
        String name = rules.dataName(i, DATA_SRC.length);
        if (name == null) {
            return 0;
        }
        if (name.endsWith("srcset")) {
            return LAZY_SRCSET;
        }
        return name.endsWith("src") || name.equals("data-original") ? LAZY_URL : 0;
    }

    /** Whether the current element is one whose lazy-loading URLs {@link #lazyUrl} reads. */
    boolean lazyLoads() {
        int id = t.nameId;
        return id == ElementNames.IMG || id == ElementNames.SOURCE || id == ElementNames.IFRAME
            || id == ElementNames.FRAME || id == ElementNames.IMAGE && !t.foreign;
    }
}
