package io.consentgate.html;

import io.consentgate.catalog.TrackerMatch;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The URLs a client-side consent manager parks on an element it holds until its banner's choice, and sets back when
 * its own state allows: Complianz's {@code data-src-cmplz} (a frame's src, the src itself a placeholder) and Real
 * Cookie Banner's {@code consent-original-NAME-_} and {@code consent-click-original-NAME-_}, NAME the attribute it
 * took the URL from ({@code src}, {@code href}, {@code srcset}, {@code data-src}…), and the text of an inline script
 * it holds in {@code consent-inline}. A parked URL decides the element as that attribute would: read as a loader's
 * on scripts, frames and links ({@link UrlVerdicts#checkLoader}). Read in {@code remove} mode only, for what the
 * manager would load for a visitor ConsentGate refused (one with GPC or DNT who accepted its banner, where the signals
 * win); {@code neutralize} mode leaves held elements to the client-side consent manager. Other {@code consent-…}
 * attributes ({@code consent-required}, {@code consent-by}, {@code consent-id}, a parked {@code type}) hold no URL
 * and are not read. Owned by one {@link ElementRules}; answers about the tag the tokenizer holds.
 */
final class ParkedUrls {

    /** Complianz's copy of a held frame's src. */
    private static final String DATA_SRC_CMPLZ = "data-src-cmplz";
    /** Real Cookie Banner's prefixes of a parked attribute's name ({@code consent-original-src-_}). */
    private static final String CONSENT_ORIGINAL = "consent-original-";
    private static final String CONSENT_CLICK_ORIGINAL = "consent-click-original-";
    /** Real Cookie Banner's attribute holding a held inline script's text. */
    private static final String CONSENT_INLINE = "consent-inline";
    /** Kinds of parked attributes ({@link #kind}): a URL, a srcset. */
    private static final int URL = 1;
    private static final int SRCSET = 2;

    private final RewriteEngine engine;
    private final Tokenizer t;
    private final UrlVerdicts verdicts;
    private final NestedDocuments nested;

    ParkedUrls(RewriteEngine engine, UrlVerdicts verdicts, NestedDocuments nested) {
        this.engine = engine;
        this.t = engine.tok;
        this.verdicts = verdicts;
        this.nested = nested;
    }

    /**
     * The refusing match for a URL parked on the current element, or {@code null}; {@code loader} for a script, frame
     * or link, whose URL is read as a loader's, and on a script also the script a {@code data:} URL there holds and
     * the text Real Cookie Banner keeps in {@code consent-inline}. Always {@code null} outside {@code remove} mode.
     */
    TrackerMatch refusal(boolean loader) {
        if (engine.cfg.mode != RewriteMode.REMOVE) {
            return null;
        }
        boolean script = t.nameId == ElementNames.SCRIPT;
        for (int i = 0; i < t.attrCount; i++) {
            String name = parkedName(i);
            if (name == null) {
                continue;
            }
            TrackerMatch m = null;
            int kind = kind(name);
            if (kind == SRCSET) {
                m = verdicts.check(i, true);
            } else if (kind == URL) {
                m = loader ? verdicts.checkLoader(i) : verdicts.check(i, false);
                m = m == null && script ? nested.dataScriptRefusal(i) : m;
            } else if (script && name.equals(CONSENT_INLINE) && t.valueFrom(i) >= 0) {
                byte[] text = UrlText.decodeText(t.buf, t.valueFrom(i), t.valueTo(i)).getBytes(StandardCharsets.UTF_8);
                m = nested.scriptRefusal(text);
            }
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /**
     * Whether an attribute named {@code lowerName} holds what a consent manager parks ({@link #refusal} reads it):
     * {@link StreamedTag} skips it as it skips a lazy-loading copy.
     */
    static boolean parks(String lowerName) {
        return kind(lowerName) != 0 || lowerName.equals(CONSENT_INLINE);
    }

    /**
     * {@link #URL} or {@link #SRCSET} for a parked attribute's name (lower case), by the name of the attribute it took
     * the value from: {@code srcset} and names ending so; {@code src}, {@code href}, {@code data}, {@code poster} and
     * names ending in {@code src} (a lazy-loading copy); else 0 (a parked {@code type}, {@code sandbox},
     * {@code style}).
     */
    private static int kind(String name) {
        if (name.equals(DATA_SRC_CMPLZ)) {
            return URL;
        }
        String from;
        if (name.startsWith(CONSENT_ORIGINAL)) {
            from = name.substring(CONSENT_ORIGINAL.length());
        } else if (name.startsWith(CONSENT_CLICK_ORIGINAL)) {
            from = name.substring(CONSENT_CLICK_ORIGINAL.length());
        } else {
            return 0;
        }
        if (!from.endsWith("-_")) {
            return 0;
        }
        from = from.substring(0, from.length() - 2);
        if (from.endsWith("srcset")) {
            return SRCSET;
        }
        return from.endsWith("src") || from.equals("href") || from.equals("data") || from.equals("poster") ? URL : 0;
    }

    /**
     * Attribute {@code i}'s name in lower case when it may be a parked one ({@code consent-…} or
     * {@code data-src-cmplz}); else null, decided for nearly every attribute on its length and first byte.
     */
    private String parkedName(int i) {
        int a = i * Tokenizer.STRIDE;
        int s = t.attrs[a + Tokenizer.A_NAME];
        int len = t.attrs[a + Tokenizer.A_NAME_END] - s;
        int first = len < CONSENT_INLINE.length() ? 0 : t.buf[s] | 0x20;
        if (first != 'c' && (first != 'd' || len != DATA_SRC_CMPLZ.length())) {
            return null; // the data- names of lazy-loading libraries and others cost no string
        }
        String name = new String(t.buf, s, len, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return name.startsWith("consent-") || name.equals(DATA_SRC_CMPLZ) ? name : null;
    }
}
