package io.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a script is known to be a consent manager's configuration ({@link ConsentManagerScript}): it names one of the
 * entry points or events of a consent manager's documented install, or it is a site's own banner, which names
 * consent, stores the visitor's choice and handles a click. Every refused inline script that names a tracker is
 * asked, so the marks are found in one pass over its bytes.
 */
final class ConsentManagerMarks {

    /**
     * How consent managers' documented installs name their entry points and events, checked in their documentation
     * and in public installs: orestbida/cookieconsent v2 ({@code initCookieConsent()}, the global the library
     * defines) and v3 ({@code CookieConsent.run(config)}); Osano's (formerly Insites') cookieconsent 3
     * ({@code window.cookieconsent.initialise({onStatusChange…})}); Civic Cookie Control
     * ({@code CookieControl.load(config)}); OneTrust (the {@code OptanonWrapper} callback its SDK calls, its
     * {@code OneTrust.OnConsentChanged} method and {@code OneTrustGroupsUpdated}/{@code OTConsentApplied} window
     * events); Cookiebot ({@code CookiebotOnAccept}, {@code CookiebotOnDecline}, {@code CookiebotOnConsentReady}
     * window events, {@code CookiebotCallback_OnAccept} callbacks); Klaro (its default {@code klaroConfig}
     * variable, whose services carry {@code callback}/{@code onAccept}); Usercentrics ({@code UC_UI_INITIALIZED},
     * v3's {@code UC_UI_CMP_EVENT}, and {@code ucEvent}, the window event name its setup suggests); Didomi
     * ({@code didomiOnReady}, {@code didomiEventListeners}); iubenda ({@code _iub.csConfiguration} with its
     * {@code callback: {onConsentGiven…}}); Complianz ({@code cmplz_status_change}, {@code cmplz_fire_categories}
     * document events); CookieYes ({@code cookieyes_consent_update}, {@code cookieyes_banner_load}); an IAB TCF
     * v2 listener ({@code __tcfapi('addEventListener', 2, …)}); and Contao Cookiebar, whose template starts it with
     * {@code new ContaoCookiebar({…, cookies: {…}})}, the tags to inject after consent in its settings
     * ({@link TagSettingValues}); tarteaucitron.js ({@code tarteaucitron.init({…})} and the services it loads on
     * consent, {@code (tarteaucitron.job = tarteaucitron.job || []).push('gtag')}); Axeptio ({@code axeptioSettings}
     * and its callback queue {@code _axcb}, whose functions listen for {@code cookies:complete}); Ketch (its command
     * queue {@code semaphore.push(…)} and {@code ketch('on', 'consent', …)}); Osano
     * ({@code Osano.cm.addEventListener(…)}); Sourcepoint ({@code window._sp_queue}, {@code window._sp_ = {config:
     * {events: {onConsentReady…}}}}); and CookieHub ({@code cookiehub.load(cpm)}, {@code cpm} with its
     * {@code onAllow}).
     */
    private static final String[] ENTRY_POINTS = {"initCookieConsent(", "CookieConsent.run(",
        "cookieconsent.initialise(", "CookieControl.load(", "OptanonWrapper", "OneTrust.OnConsentChanged(",
        "OneTrustGroupsUpdated", "OTConsentApplied", "CookiebotOnAccept", "CookiebotOnDecline",
        "CookiebotOnConsentReady", "CookiebotCallback_On", "klaroConfig", "UC_UI_INITIALIZED", "UC_UI_CMP_EVENT",
        "'ucEvent'", "\"ucEvent\"", "didomiOnReady", "didomiEventListeners", "_iub.csConfiguration",
        "cmplz_status_change", "cmplz_fire_categories", "cookieyes_consent_update", "cookieyes_banner_load",
        "__tcfapi('addEventListener'", "__tcfapi(\"addEventListener\"", "ContaoCookiebar(", "tarteaucitron.init(",
        "tarteaucitron.job", "axeptioSettings", "_axcb", "semaphore.push(", "ketch('on'", "ketch(\"on\"",
        "Osano.cm.addEventListener(", "window._sp_", "_sp_queue", "cookiehub.load("};
    /**
     * A site's own banner stores the visitor's choice: in local storage or a cookie, or on the server, posting it to
     * the consent endpoint (ConsentGate's own, {@code fetch('/consent', {method: 'POST', …})}) or the site's.
     */
    private static final String[] STORES_CHOICE = {"localStorage.setItem(", "document.cookie =", "document.cookie=",
        "fetch(", "sendBeacon(", "new XMLHttpRequest"};
    /**
     * …and acts on a click of its buttons: in the script, or in the markup, whose {@code @click="accept()"} calls the
     * Alpine.js component or store the script registers, or the Vue app it mounts on the banner ({@code createApp}
     * of Vue 3 and petite-vue, Vue 2's constructor).
     */
    private static final String[] HANDLES_CLICK = {".onclick", "'click'", "\"click\"", "Alpine.data(",
        "Alpine.store(", "createApp(", "new Vue("};
    /** {@link #PATTERNS} kinds: an entry point, or one of the three marks of a site's own banner. */
    private static final int ENTRY = 0;
    private static final int STORES = 1;
    private static final int CLICK = 2;
    private static final int CONSENT = 4;
    /** Every pattern, grouped by its first two bytes. */
    private static final byte[][] PATTERNS;
    private static final int[] KIND;
    /** The first bytes of the patterns. */
    private static final boolean[] FIRST = new boolean[256];
    /** Bit set of the first two bytes (little-endian) of every pattern. */
    private static final long[] FIRST_TWO = new long[65536 / 64];
    private static final int SLOT_BITS = 7;
    /** Open addressing by the first two bytes: the key, and the range of {@link #PATTERNS} that start with them. */
    private static final int[] SLOT_KEY = new int[1 << SLOT_BITS];
    private static final int[] SLOT_FROM = new int[1 << SLOT_BITS];
    private static final int[] SLOT_TO = new int[1 << SLOT_BITS];

    static {
        String[][] groups = {ENTRY_POINTS, STORES_CHOICE, HANDLES_CLICK, {"consent", "Consent", "CONSENT"}};
        int[] kinds = {ENTRY, STORES, CLICK, CONSENT};
        TreeMap<Integer, List<int[]>> byKey = new TreeMap<>();
        List<byte[]> all = new ArrayList<>();
        for (int g = 0; g < groups.length; g++) {
            for (String p : groups[g]) {
                byte[] bytes = p.getBytes(StandardCharsets.US_ASCII);
                int key = (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8;
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new int[] {all.size(), kinds[g]});
                all.add(bytes);
            }
        }
        PATTERNS = new byte[all.size()][];
        KIND = new int[all.size()];
        Arrays.fill(SLOT_KEY, -1);
        int n = 0;
        for (Map.Entry<Integer, List<int[]>> e : byKey.entrySet()) {
            int key = e.getKey();
            FIRST[key & 0xff] = true;
            FIRST_TWO[key >>> 6] |= 1L << key;
            int slot = slot(key);
            while (SLOT_KEY[slot] != -1) {
                slot = (slot + 1) & (SLOT_KEY.length - 1);
            }
            SLOT_KEY[slot] = key;
            SLOT_FROM[slot] = n;
            for (int[] pk : e.getValue()) {
                PATTERNS[n] = all.get(pk[0]);
                KIND[n] = pk[1];
                n++;
            }
            SLOT_TO[slot] = n;
        }
    }

    private ConsentManagerMarks() {
    }

    /**
     * Whether the script configures a consent manager or reacts to its decision: it names one of the
     * {@link #ENTRY_POINTS}, or it is a site's own banner, which names consent, stores the visitor's choice and
     * handles a click.
     */
    static boolean isConfiguration(byte[] b, int off, int end) {
        // One pass over the text: most positions are passed on one bit test of their first two bytes, the others
        // compared with the few patterns that start with those two.
        int kinds = 0;
        for (int i = off; i + 1 < end; i++) {
            if (!FIRST[b[i] & 0xff]) {
                continue;
            }
            int key = (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
            if ((FIRST_TWO[key >>> 6] & 1L << key) == 0) {
                continue;
            }
            int slot = slot(key);
            while (SLOT_KEY[slot] != key) {
                slot = (slot + 1) & (SLOT_KEY.length - 1);
            }
            for (int p = SLOT_FROM[slot], to = SLOT_TO[slot]; p < to; p++) {
                byte[] pattern = PATTERNS[p];
                if (i + pattern.length <= end && Arrays.equals(b, i, i + pattern.length, pattern, 0, pattern.length)) {
                    if (KIND[p] == ENTRY) {
                        return true;
                    }
                    kinds |= KIND[p];
                }
            }
        }
        return kinds == (STORES | CLICK | CONSENT);
    }

    private static int slot(int key) {
        return (key * 0x9E3779B1) >>> (32 - SLOT_BITS);
    }
}
