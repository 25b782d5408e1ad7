package io.consentgate.html;

import static io.consentgate.html.AttributeNames.*;

import io.consentgate.catalog.TrackerMatch;
import java.io.IOException;
import java.util.Locale;

/**
 * Start tags of {@code <script>}, HTML or SVG ({@link ElementRules}): a script is refused by the URL it loads (or the
 * script a {@code data:} URL there holds), or by the copy of it a delay-JS runner keeps to set later; an inline
 * script is held to its end tag when its type says its text may fetch something ({@link HeldScript#beginScript}), or
 * is a Magento init block ({@link HeldScript#beginMagentoInit}).
 */
final class ScriptElements {

    /** Kinds of inline script text ({@link #scriptText}). */
    private static final int TEXT_DATA = 0;
    private static final int TEXT_FETCHES = 1;
    private static final int TEXT_MAGENTO_INIT = 2;
    private static final int TEXT_DATA_BLOCK = 3;

    /**
     * Attributes consent managers set on the scripts they hold: Cookiebot, Complianz, Klaro (name and type),
     * CookieYes, iubenda, Usercentrics, Termly, consentmanager.net, CookieHub and Osano-style category marks,
     * CookieFirst's, CookieLawInfo's (CookieYes for WordPress before 3.0: {@code data-cli-class} with its
     * {@code data-cli-script-type}), CookieScript's ({@code data-cookiescript="accepted"}, which it runs on any
     * acceptance when no {@code data-cookiecategory} names one) and CookieHub's {@code data-consent}, ConsentGate's own
     * category attribute by default, read here also where the operator renamed that.
     */
    private static final java.util.Set<String> CONSENT_MANAGER_ATTRIBUTES = java.util.Set.of("data-cookieconsent",
        "data-category", "data-categories", "data-service", "data-name", "data-type", "data-cookieyes",
        "data-iub-purposes", "data-usercentrics", "data-cmp-vendor", "data-cmp-src", "data-cookiecategory",
        "data-consent-category", "data-cookie-consent", "data-cookiefirst-category", "data-cli-class",
        "data-cli-script-type", "data-cookiescript", "data-consent");
    /** 10Web Booster's earlier name for a delayed script's src (an inline one's text as a {@code data:} URL). */
    private static final String DATA_TWO_DELAYED_JS = "data-twodelayedjs";
    /** WP Rocket's delayed src before version 3.13 (an inline script's text as a {@code data:} URL). */
    private static final String DATA_ROCKET_LAZY_LOAD_SCRIPT = "data-rocketlazyloadscript";
    /** Perfmatters' delayed src. */
    private static final String DATA_PM_DELAYED_SCRIPT = "data-pmdelayedscript";
    /**
     * Classes consent managers set on the scripts they hold: OneTrust, iubenda, Complianz, TrustArc (with its
     * category in {@code trackertype}).
     */
    private static final String[] CONSENT_MANAGER_CLASSES = {"optanon-category-", "_iub_cs_activate", "cmplz-",
        "trustecm"};

    private final ElementRules rules;
    private final RewriteEngine engine;
    private final Tokenizer t;
    private final UrlVerdicts verdicts;
    private final NestedDocuments nested;
    private final ParkedUrls parked;

    ScriptElements(ElementRules rules, RewriteEngine engine, UrlVerdicts verdicts, NestedDocuments nested,
                   ParkedUrls parked) {
        this.rules = rules;
        this.engine = engine;
        this.t = engine.tok;
        this.verdicts = verdicts;
        this.nested = nested;
        this.parked = parked;
    }

    /**
     * A script's URL is checked; its inline text is held and read when its type may fetch. That includes SVG
     * {@code <script>}, which runs like an HTML one but whose text is tokenized as markup (see
     * {@code RewriteEngine.scriptForeign}).
     */
    void script() throws IOException {
        int src = t.foreign ? rules.attr(HREF) : rules.attr(SRC);
        if (t.foreign && src < 0) {
            src = rules.attr(XLINK_HREF);
        }
        if (src < 0 && !t.foreign) {
            // an SVG script's URL, read as HTML: the tokenizer leaves SVG content at an HTML end tag that a browser
            // ignores when no element of its name is open (README), and there the script loads its href
            int href = rules.attr(HREF);
            TrackerMatch loads = checkScriptSource(href >= 0 ? href : rules.attr(XLINK_HREF));
            if (loads != null) {
                rules.refuseIfTracker(loads);
                return;
            }
        }
        if (src >= 0) {
            TrackerMatch loads = checkScriptSource(src);
            rules.refuseIfTracker(loads);
            if (loads == null && t.foreign && !t.selfClosing) {
                engine.holdForeignScript();
            }
        } else if (!t.foreign && (textMayFetch(false) || engine.cfg.mode == RewriteMode.REMOVE)) {
            // Delay-JS runners (WP Rocket, LiteSpeed, WP-Optimize, and others under a data-NAME-src of their own)
            // keep the src of a held script here and set it later, also on text/plain scripts and types of their
            // own; a consent manager does that only after consent, which a later page then carries. Neutralize mode
            // keeps text/plain ones for the consent manager.
            TrackerMatch delayed = delayedSourceRefusal();
            if (delayed != null) {
                rules.refuseIfTracker(delayed);
                return;
            }
        }
        if (src < 0 && !((t.foreign || t.xml) && t.selfClosing)) {
            holdText();
        }
    }

    /** The refusing match for the src a delay-JS runner or a consent manager keeps on an inline script, or null. */
    private TrackerMatch delayedSourceRefusal() {
        TrackerMatch delayed = checkScriptSource(rules.attr(DATA_ROCKET_SRC));
        if (delayed == null) {
            delayed = checkScriptSource(rules.attr(DATA_SRC));
        }
        if (delayed == null) {
            // the "delay until user interaction" recipe themes copy: <script delay="URL">, src set from it
            delayed = checkScriptSource(rules.attr(DELAY));
        }
        if (delayed == null && engine.cfg.mode == RewriteMode.REMOVE) {
            // consent managers that park the src under a name of their own (iubenda; Real Cookie Banner and
            // Complianz, read by ParkedUrls, with the text Real Cookie Banner keeps in an attribute)
            delayed = verdicts.checkLoader(rules.attr(DATA_SUPPRESSEDSRC));
            delayed = delayed != null ? delayed : verdicts.checkLoader(rules.attr(SUPPRESSEDSRC));
            delayed = delayed != null ? delayed : parked.refusal(true);
        }
        for (int i = 0; delayed == null && i < t.attrCount; i++) {
            if (isDelayedSrc(i)) {
                delayed = checkScriptSource(i);
            }
        }
        return delayed;
    }

    /**
     * Holds an inline script's text to its end tag when its type says it may fetch, or it is a Magento init block or
     * a JSON data block ({@link DataBlockScript}); an SVG script's is held in any case.
     */
    private void holdText() throws IOException {
        int text = scriptText(false);
        if (text == TEXT_FETCHES) {
            engine.beginScript(false);
        } else if (text == TEXT_MAGENTO_INIT && !t.foreign) {
            engine.beginMagentoInit();
        } else if (text == TEXT_DATA_BLOCK && !t.foreign) {
            engine.beginDataBlock();
        } else if (t.foreign) {
            engine.holdForeignScript();
        }
    }

    /**
     * {@link UrlVerdicts#checkLoader} for a script's attribute {@code i}, and when no URL refused it, the script in a
     * {@code data:} URL there ({@link NestedDocuments#dataScriptRefusal}).
     */
    private TrackerMatch checkScriptSource(int i) {
        TrackerMatch m = verdicts.checkLoader(i);
        return m != null ? m : nested.dataScriptRefusal(i);
    }

    /**
     * Whether an inline script's text is read for tracker loaders: JavaScript in any spelling, and the types whose
     * text makes the browser (or a first-party runner) fetch the URLs in it: {@code speculationrules} (the URLs it
     * lists are prefetched or prerendered), {@code importmap} (a module's bare specifier loads the mapped URL) and
     * Partytown's {@code text/partytown} (its runner executes the text in a worker), and the types WordPress
     * delay-JS plugins give the scripts their first-party runner replays on the visitor's first interaction
     * ({@code rocketlazyloadscript} of WP Rocket, {@code pmdelayedscript} of Perfmatters, {@code wphb-delay-type} of
     * Hummingbird, NitroPack's {@code nitropack/inlinescript}; LiteSpeed's {@code litespeed/javascript} already says
     * javascript).
     */
    boolean textMayFetch(boolean activated) {
        return scriptText(activated) == TEXT_FETCHES;
    }

    /**
     * What an inline script's text is, by its type ({@link #textMayFetch}): {@link #TEXT_FETCHES}, a Magento
     * {@code text/x-magento-init} block whose component names start modules ({@link MagentoInitScript}), an
     * {@code application/json} data block a shared loader may start a service from ({@link DataBlockScript}), or
     * {@link #TEXT_DATA}, read by nothing (JSON-LD, templates).
     */
    private int scriptText(boolean activated) {
        int type = rules.attr(activated ? DATA_CONSENT_TYPE : TYPE);
        if (type < 0) {
            return TEXT_FETCHES;
        }
        String v = rules.value(type).strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("module") || v.contains("javascript") || v.contains("ecmascript")
            || v.contains("jscript") || v.contains("livescript") || v.equals("speculationrules")
            || v.equals("importmap") || v.startsWith("text/partytown") || v.endsWith("rocketlazyloadscript")
            || v.equals("pmdelayedscript") || v.equals("wphb-delay-type") || v.equals("nitropack/inlinescript")) {
            return TEXT_FETCHES;
        }
        if (v.equals(MagentoInitScript.TYPE)) {
            return TEXT_MAGENTO_INIT;
        }
        if (v.equals("application/json")) {
            return TEXT_DATA_BLOCK;
        }
        return !activated && engine.cfg.mode == RewriteMode.REMOVE && heldByConsentManager(v) ? TEXT_FETCHES : TEXT_DATA;
    }

    /**
     * Whether a script of type {@code v} (lower case) is code a client-side consent manager holds inert and runs
     * when its own state allows: {@code text/plain} (Cookiebot, Complianz, Klaro, OneTrust, CookieYes, iubenda,
     * Usercentrics and most others), django-cookie-consent's {@code x/cookie_consent}, Finsweet Cookie Consent's
     * {@code fs-cc} (Webflow sites, with its {@code fs-cc-categories}), Orejime's {@code opt-in} (its
     * {@code data-type} the type it restores, its {@code data-name} the app), and Borlabs Cookie's
     * {@code text/template} when it carries the blocker's id; a {@code text/plain} script only with a consent manager's
     * mark ({@link #hasConsentManagerMark}). In {@code remove} mode its text is read like a script's:
     * that manager would run it for a visitor ConsentGate refused (one with GPC or DNT who accepted its banner, where
     * the signals win), as a delay-JS runner would a held {@code data-src}. Other templates stay unread.
     */
    private boolean heldByConsentManager(String v) {
        if (v.equals("text/plain")) {
            return hasConsentManagerMark();
        }
        return v.equals("x/cookie_consent") || v.equals("fs-cc") || v.equals("opt-in")
            || v.equals("text/template") && rules.attr(DATA_BORLABS_BLOCKER_ID) >= 0;
    }

    /**
     * Whether a {@code text/plain} script carries the mark a consent manager sets on a script it holds: an attribute
     * of {@link #CONSENT_MANAGER_ATTRIBUTES} or a class of {@link #CONSENT_MANAGER_CLASSES}. Code samples (Prism,
     * highlight.js, prettify) and client-side templates are text/plain scripts too, and carry none.
     */
    private boolean hasConsentManagerMark() {
        for (int i = 0; i < t.attrCount; i++) {
            String name = rules.dataName(i, "data-name".length());
            if (name != null && (CONSENT_MANAGER_ATTRIBUTES.contains(name) || name.startsWith("data-cmplz-"))) {
                return true;
            }
        }
        int c = rules.attr(CLASS);
        if (c >= 0) {
            // a class that starts with a mark, never one that merely contains it (a code sample's "demo-trustecm")
            for (String token : rules.value(c).split("[ \t\n\f\r]+")) {
                for (String mark : CONSENT_MANAGER_CLASSES) {
                    if (token.startsWith(mark)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether attribute {@code i} is named {@code data-NAME-src} or {@code data-NAME_src} (any case), as delay-JS
     * runners name the src (10Web Booster's {@code data-two_delay_src}), or is one of the names without that ending:
     * 10Web's earlier {@code data-twodelayedjs}, WP Rocket's earlier {@code data-rocketlazyloadscript}, Perfmatters'
     * {@code data-pmdelayedscript}.
     */
    private boolean isDelayedSrc(int i) {
        String name = t.valueFrom(i) < 0 ? null : rules.dataName(i, "data-x-src".length());
        return name != null && (name.endsWith("-src") || name.endsWith("_src") || name.equals(DATA_TWO_DELAYED_JS)
            || name.equals(DATA_ROCKET_LAZY_LOAD_SCRIPT) || name.equals(DATA_PM_DELAYED_SCRIPT));
    }
}
