package io.consentgate.html;

import static io.consentgate.html.PageFrame.ALL;
import static io.consentgate.html.PageFrame.ANALYTICS_REFUSED;
import static io.consentgate.html.PageFrame.MARKETING_REFUSED;
import static io.consentgate.html.PageFrame.NONE;
import static io.consentgate.html.RewriteAssertions.NEUTRALIZE;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.REMOVE_WITH_STUBS;
import static io.consentgate.html.RewriteAssertions.events;
import static io.consentgate.html.RewriteAssertions.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scripts of a site's own code that also send a Google event to a tag id (a checkout's conversion in its submit
 * handler, a video player's milestones) lose only the event statements whose tag id is refused; scripts that are
 * nothing but the event snippet, or where the id or the event's callback cannot go with the call alone, go whole as
 * before ({@link TaggedEventCalls}).
 */
class TaggedEventCallsTest {

    private static final String BEFORE = "<main><h1>Checkout</h1><form id=\"checkout\"><div id=\"payment-element\">"
        + "</div><button>Pay</button></form></main>\n";
    private static final String AFTER = "\n<footer>Fernwood Outfitters</footer>";

    /** {@code text} with every character of {@code part} but its line breaks overwritten by a space. */
    private static String blanked(String text, String part) {
        if (!text.contains(part)) {
            throw new IllegalArgumentException(part);
        }
        return text.replace(part, part.replaceAll("[^\r\n]", " "));
    }

    private static String page(String script) {
        return BEFORE + "<script>" + script + "</script>" + AFTER;
    }

    private static final String ADS_EVENT = "gtag('event', 'conversion', {send_to: 'AW-612345678/Xq7-bN3pLk',"
        + " value: total, currency: 'EUR'});";

    private static final String CHECKOUT = "\nconst stripe = Stripe('pk_live_51Nf3kQJ7vW2xYz8aB4cD6eF8gH0iJ2kL4m');\n"
        + "const elements = stripe.elements({clientSecret: window.checkoutSecret});\n"
        + "elements.create('payment').mount('#payment-element');\n"
        + "document.getElementById('checkout').addEventListener('submit', async (e) => {\n"
        + "  e.preventDefault();\n  const total = Number(e.target.dataset.total);\n  " + ADS_EVENT + "\n"
        + "  const {error} = await stripe.confirmPayment({elements,"
        + " confirmParams: {return_url: location.origin + '/thanks'}});\n"
        + "  if (error) { document.getElementById('payment-error').textContent = error.message; }\n});\n";

    @Test
    void checkoutKeepsItsStripeMountAndLosesTheConversionEvent() {
        String in = page(CHECKOUT);
        String out = page(blanked(CHECKOUT, ADS_EVENT));
        assertEquals(out, rewrite(REMOVE, in, NONE));
        assertEquals(out, rewrite(REMOVE, in, MARKETING_REFUSED));
        assertEquals(out, rewrite(REMOVE_WITH_STUBS, in, MARKETING_REFUSED)); // kept: no stand-in after it
        // neutralizing the element would stop the checkout as removing it does: the statement goes in both modes
        assertEquals(out, rewrite(NEUTRALIZE, in, MARKETING_REFUSED));
        assertEquals(List.of(TrackerEvent.Action.NEUTRALIZED),
            events(REMOVE, in, MARKETING_REFUSED).stream().map(TrackerEvent::action).toList());
        assertEquals(in, rewrite(REMOVE, in, ANALYTICS_REFUSED));
        assertEquals(in, rewrite(REMOVE, in, ALL));
        assertEquals(in, rewrite(NEUTRALIZE, in, ALL));
    }

    @Test
    void youTubePlayerKeepsItsSetupAndLosesItsAnalyticsEvents() {
        String start = "gtag('event', 'video_start', {\n        send_to: 'G-PSW1MY7HB4',\n"
            + "        video_title: e.target.getVideoData().title\n      });";
        String complete = "gtag(\"event\", \"video_complete\", {send_to: \"G-PSW1MY7HB4\"});";
        String setup = "\n  var tag = document.createElement('script');\n"
            + "  tag.src = 'https://www.youtube.com/iframe_api';\n"
            + "  document.head.appendChild(tag);\n  var player;\n"
            + "  window.onYouTubeIframeAPIReady = function () {\n"
            + "    player = new YT.Player('lesson-video', {\n      videoId: 'M7lc1UVf-VE',\n"
            + "      playerVars: {rel: 0, modestbranding: 1},\n      events: {onStateChange: onPlayerStateChange}\n"
            + "    });\n  };\n  function onPlayerStateChange(e) {\n    if (e.data === YT.PlayerState.PLAYING) {\n"
            + "      " + start + "\n    } else if (e.data === YT.PlayerState.ENDED) {\n      " + complete + "\n"
            + "      document.getElementById('next-lesson').hidden = false;\n    }\n  }\n";
        String in = page(setup);
        String out = page(blanked(blanked(setup, start), complete));
        assertEquals(out, rewrite(REMOVE, in, ANALYTICS_REFUSED));
        assertEquals(out, rewrite(NEUTRALIZE, in, NONE));
        assertEquals(in, rewrite(REMOVE, in, MARKETING_REFUSED));
        assertEquals(in, rewrite(REMOVE, in, ALL));
    }

    @Test
    void anEventCallInNestedCallbacksGoesAndThePlayerSetupAroundItStays() {
        String play = "gtag('event', 'video_play', { 'send_to': 'AW-802214377/pLaYvId3o' });";
        String setup = "document.addEventListener('DOMContentLoaded', () => {\n"
            + "  const player = new Vimeo.Player(document.querySelector('#hero-video iframe'));\n"
            + "  player.ready().then(() => {\n    player.on('play', function (data) {\n"
            + "      if (!window.heroPlayed) {\n        window.heroPlayed = true;\n        " + play + "\n"
            + "      }\n    });\n  });\n});";
        String in = page(setup);
        assertEquals(page(blanked(setup, play)), rewrite(REMOVE, in, MARKETING_REFUSED));
        assertEquals(in, rewrite(REMOVE, in, ANALYTICS_REFUSED));
    }

    @Test
    void ofTwoEventCallsOnlyTheOneToARefusedTagGoes() {
        String ads = "gtag('event', 'conversion', {send_to: 'AW-612345678/Sg9uPqR2x'});";
        String ga = "gtag('event', 'sign_up', {send_to: 'G-7RK2QZ81MN', method: 'email'});";
        String form = "\n  var form = document.querySelector('form.newsletter');\n"
            + "  form.addEventListener('submit', function () {\n    form.classList.add('is-sending');\n    " + ads
            + "\n    " + ga + "\n  });\n";
        String in = page(form);
        assertEquals(page(blanked(form, ads)), rewrite(REMOVE, in, MARKETING_REFUSED));
        assertEquals(page(blanked(form, ga)), rewrite(REMOVE, in, ANALYTICS_REFUSED));
        assertEquals(page(blanked(blanked(form, ads), ga)), rewrite(REMOVE, in, NONE));
        assertEquals(in, rewrite(REMOVE, in, ALL));
    }

    @Test
    void guardedAndBracelessEventCallsGoAndLeaveTheStatementValid() {
        String guarded = "window.gtag && gtag('event', 'add_to_cart', {send_to: 'AW-612345678/cArT0aDd1'})";
        String braceless = "gtag('event', 'begin_checkout', {send_to: 'AW-612345678/bEgIn0cHk'});";
        String cart = "\n$('.add-to-cart').on('click', function () {\n  cart.add($(this).data('sku'));\n  "
            + guarded + ";\n});\n$('#to-checkout').on('click', function () {\n"
            + "  if (typeof gtag === 'function') " + braceless + "\n  location.href = '/checkout';\n});\n";
        // the guard is still evaluated, and the if keeps an empty statement as its body
        String expected = cart.replace(guarded, "window.gtag && 0" + " ".repeat(guarded.length() - 16))
            .replace(braceless, ";" + " ".repeat(braceless.length() - 1));
        assertEquals(page(expected), rewrite(REMOVE, page(cart), MARKETING_REFUSED));
        assertEquals(page(cart), rewrite(REMOVE, page(cart), ANALYTICS_REFUSED));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the event snippet alone, as Google's tag setup shows it, and with the data layer boilerplate
        "\n  gtag('event', 'conversion', {\n    'send_to': 'AW-612345678/Xq7-bN3pLk',\n    'value': 129.0\n  });\n",
        "window.dataLayer = window.dataLayer || [];\nfunction gtag(){dataLayer.push(arguments);}\n"
            + "gtag('event', 'conversion', {send_to: 'AW-612345678/Xq7-bN3pLk'});",
        // a function of its own that only reports the conversion: the README's advice, called through a guard
        "function reportLead() {\n  gtag('event', 'generate_lead', {send_to: 'AW-612345678/lEaD9x2Qa'});\n}",
        // Google's conversion-on-click snippet alone: the link waits for the event's callback to navigate
        "\nfunction gtag_report_conversion(url) {\n  var callback = function () {\n"
            + "    if (typeof(url) != 'undefined') { window.location = url; }\n  };\n"
            + "  gtag('event', 'conversion', {'send_to': 'AW-612345678/cLiCk0aBc', 'event_callback': callback});\n"
            + "  return false;\n}\n",
        // the tag id only in a variable the call reads: not sure what else reads it, so the script goes whole
        "\nconst adsConversion = {send_to: 'AW-612345678/Xq7-bN3pLk', currency: 'EUR'};\n"
            + "document.querySelector('#checkout').addEventListener('submit', () => {\n"
            + "  showSpinner();\n  gtag('event', 'conversion', adsConversion);\n});\n",
        "\nvar ADS_ID = 'AW-612345678';\nvar player = new Plyr('#trailer');\n"
            + "player.on('ended', () => gtag('event', 'conversion', {send_to: ADS_ID + '/tRaIl3rEnD'}));\n",
        // one call blanked, but its tag id also stands in data the script hands on: not sure, the script goes whole
        "\nconst stripe = Stripe('pk_live_51Nf3kQJ7vW2xYz8');\nconst adsTarget = {send_to: 'AW-612345678/rEmKt0aBc'};\n"
            + "gtag('event', 'conversion', {send_to: 'AW-612345678/Xq7-bN3pLk'});\n"
            + "window.dataLayer.push(Object.assign({event: 'remarketing'}, adsTarget));\n",
        // an arrow's expression body is not read as statements: the script goes whole as before
        "\nvar player = new Plyr('#trailer');\n"
            + "player.on('ended', () => gtag('event', 'conversion', {send_to: 'AW-612345678/tRaIl3rEnD'}));\n",
    })
    void scriptsWhereOnlyTheEventSnippetOrItsIdRemainGoWhole(String script) {
        assertEquals(BEFORE + AFTER, rewrite(REMOVE, page(script), MARKETING_REFUSED));
        assertFalse(rewrite(NEUTRALIZE, page(script), MARKETING_REFUSED).contains("<script>"));
        assertEquals(page(script), rewrite(REMOVE, page(script), ALL));
    }

    /**
     * Where the event call, a config call or another refused tracker stands as a statement of its own beside the
     * site's code at the top of the script, that statement is blanked as a tag's snippet is ({@link MixedScript}),
     * and the site's code stays: the conversion-on-click function goes (a link's {@code return
     * gtag_report_conversion(…)} then throws, and the link navigates as a link), the upsell shows.
     */
    @Test
    void topLevelTagStatementsBesideTheSitesCodeAreBlankedAsASnippets() {
        String onClick = "function gtag_report_conversion(url) {\n  var callback = function () {\n"
            + "    if (typeof(url) != 'undefined') { window.location = url; }\n  };\n"
            + "  gtag('event', 'conversion', {'send_to': 'AW-612345678/cLiCk0aBc', 'event_callback': callback});\n"
            + "  return false;\n}";
        String upsell = "\n" + onClick + "\ndocument.getElementById('upsell').hidden = false;\n";
        assertEquals(page(blanked(upsell, onClick)), rewrite(REMOVE, page(upsell), MARKETING_REFUSED));
        String config = "gtag('config', 'AW-612345678');";
        String event = "gtag('event', 'conversion', {send_to: 'AW-612345678/Xq7-bN3pLk'});";
        String pixel = "fbq('init', '733104928811456');";
        String stripe = "\nconst stripe = Stripe('pk_live_51Nf3kQJ7vW2xYz8');\n";
        String configured = "\n" + config + stripe + event + "\n";
        assertEquals(page(blanked(blanked(configured, config), event)),
            rewrite(REMOVE, page(configured), MARKETING_REFUSED));
        String withPixel = stripe + event + "\n" + pixel + "\n";
        assertEquals(page(blanked(blanked(withPixel, event), pixel)), rewrite(REMOVE, page(withPixel),
            MARKETING_REFUSED));
        assertEquals(page(blanked(blanked(withPixel, event), pixel)), rewrite(NEUTRALIZE, page(withPixel),
            MARKETING_REFUSED));
        assertEquals(page(withPixel), rewrite(REMOVE, page(withPixel), ALL));
    }

    @Test
    void theKeptScriptIsTheSameWhereverTheInputIsSplit() {
        byte[] in = page(CHECKOUT).getBytes(StandardCharsets.UTF_8);
        String expected = page(blanked(CHECKOUT, ADS_EVENT));
        assertEquals(expected, rewrite(REMOVE, page(CHECKOUT), MARKETING_REFUSED));
        RewriteAssertions.assertSameWhereverSplit(in.length, cuts -> new String(RewriteAssertions.rewrite(REMOVE, in,
            MARKETING_REFUSED, StandardCharsets.UTF_8, null, cuts), StandardCharsets.UTF_8));
    }

    @Test
    void mutatedEventScriptsNeverKeepARefusedTracker() {
        // byte-level mutations of the shapes above: whatever the rewriter keeps names no refused tracker
        RewriteAssertions.assertMutationsKeepNoRefusedTracker(List.of(page(CHECKOUT),
            page("var p = new Plyr('#t');\np.on('play', function () { p.muted = false;"
                + " gtag('event', 'video_start', {send_to: 'G-PSW1MY7HB4'}); });")), 20260312L, 400);
    }
}
