package io.consentgate.html;

import static io.consentgate.html.PageFrame.ALL;
import static io.consentgate.html.PageFrame.ANALYTICS_REFUSED;
import static io.consentgate.html.PageFrame.FUNCTIONAL_REFUSED;
import static io.consentgate.html.PageFrame.MARKETING_REFUSED;
import static io.consentgate.html.PageFrame.NONE;
import static io.consentgate.html.PageFrame.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.consentgate.ConsentDecision;
import io.consentgate.catalog.TrackerCatalog;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Third-party services a site cannot work without, as sites write them: bot and abuse protection on forms
 * (reCAPTCHA, hCaptcha, Turnstile and Cloudflare's challenge platform, Friendly Captcha, Akamai Bot Manager,
 * HUMAN, DataDome), payments and fraud screening at checkout (Stripe, Adyen, Braintree, PayPal, Klarna, Afterpay,
 * Apple Pay, Google Pay, Riskified, Signifyd), sign-in (Google Identity Services, Sign in with Apple, Auth0, Okta,
 * Firebase Auth), maps, fonts and public library CDNs, accessibility widgets and the videos a page shows. Each stays
 * byte for byte whatever the visitor refused, beside a tag manager and the Meta pixel that go; the Facebook SDK, which
 * the catalog gates with the pixel, goes with marketing while the site's own login button and plugin markup stay.
 * The vendors' loaders are written in their shapes (hosts, globals and calls), not copied.
 */
class NecessaryThirdPartyServicesTest {

    private static final List<ConsentDecision> EVERY_DECISION =
        List.of(NONE, ANALYTICS_REFUSED, MARKETING_REFUSED, FUNCTIONAL_REFUSED, ALL);

    /** The shop's checkout form: what the services below protect, pay, sign in or show. */
    private static final String CHECKOUT = "<header><a href=\"/\" class=\"logo\">Fernwood Outfitters</a>"
        + "<a href=\"https://www.facebook.com/fernwoodoutfitters\" rel=\"me\">Facebook</a></header>\n"
        + "<form id=\"checkout\" action=\"/checkout/place-order\" method=\"post\">"
        + "<input type=\"hidden\" name=\"_token\" value=\"c7Hq2\"><input type=\"email\" name=\"email\" required>"
        + "<div id=\"payment-element\"></div><button type=\"submit\" id=\"place-order\">Place order</button></form>\n";
    /** The site's own scripts: its checkout bundle and the settings it reads. */
    private static final String OWN = "\n<script src=\"/assets/checkout.4be91c.js\" defer></script>\n"
        + "<script>window.shopSettings = {currency: 'EUR', locale: 'de-DE', cartId: 'c-88213'};</script>";
    /** A tag manager container written in its shape; it goes with analytics or marketing refused. */
    private static final String TAG_MANAGER = "<script>\n(function (w, d, layer, id) {\n"
        + "  w[layer] = w[layer] || []; w[layer].push({'gtm.start': new Date().getTime(), event: 'gtm.js'});\n"
        + "  var s = d.createElement('script'); s.async = true;\n"
        + "  s.src = 'https://www.googletagmanager.com/gtm.js?id=' + id;\n"
        + "  d.getElementsByTagName('head')[0].appendChild(s);\n})(window, document, 'dataLayer', 'GTM-FW7Q2KD');\n"
        + "</script>";
    /** The Meta pixel written in its shape; it goes with marketing refused. */
    private static final String PIXEL = "<script>\n(function (win, doc, url) {\n  if (win.fbq) { return; }\n"
        + "  var q = []; var f = win.fbq = function () { q.push(arguments); }; f.queue = q; f.version = '2.0';\n"
        + "  var el = doc.createElement('script'); el.async = true; el.src = url; doc.head.appendChild(el);\n"
        + "})(window, document, 'https://connect.facebook.net/en_US/fbevents.js');\n"
        + "fbq('init', '804417263551290'); fbq('track', 'InitiateCheckout');\n</script>";

    /**
     * {@code html} on the checkout page stays byte for byte with every decision, and beside the tag manager and
     * the pixel, with everything refused, only those two go.
     */
    private static void assertKept(String html) {
        String page = CHECKOUT + html + OWN;
        for (ConsentDecision d : EVERY_DECISION) {
            assertEquals(page, rewrite(page, d), () -> "changed with " + d);
        }
        String tracked = CHECKOUT + TAG_MANAGER + html + PIXEL + OWN;
        assertEquals(CHECKOUT + html + OWN, rewrite(tracked, NONE));
        assertEquals(CHECKOUT + html + OWN, rewrite(tracked, MARKETING_REFUSED));
        assertEquals(tracked, rewrite(tracked, ALL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // reCAPTCHA v2's checkbox: the API script and the widget's placeholder, as a contact form writes them
        "<script src=\"https://www.google.com/recaptcha/api.js\" async defer></script>\n"
            + "<div class=\"g-recaptcha\" data-sitekey=\"6LdQm0spAAAAAJx3mGk1o2bT9eRZqu5yHf8c2Ab1\""
            + " data-callback=\"enableSubmit\"></div>",
        // v2 rendered explicitly in the visitor's language, from the recaptcha.net mirror for regions without
        // google.com
        "<script src='https://www.recaptcha.net/recaptcha/api.js?onload=renderCaptcha&render=explicit&hl=de'"
            + " async></script>\n<script>\nfunction renderCaptcha() {\n"
            + "  grecaptcha.render('captcha-box', {sitekey: '6LdQm0spAAAAAJx3mGk1o2bT9eRZqu5yHf8c2Ab1'});\n}\n"
            + "</script>",
        // v3: the key in the URL, and the form handler that asks for a token before it submits
        "<script src=\"https://www.google.com/recaptcha/api.js?render=6LcW8kQpAAAAAB2hTn4Yx0eP3sVm9ZrQ1uKd7Lc5\">"
            + "</script>\n<script>\ndocument.getElementById('checkout').addEventListener('submit', function (e) {\n"
            + "  e.preventDefault(); var form = this;\n  grecaptcha.ready(function () {\n"
            + "    grecaptcha.execute('6LcW8kQpAAAAAB2hTn4Yx0eP3sVm9ZrQ1uKd7Lc5', {action: 'checkout'})\n"
            + "      .then(function (token) { form.elements['g-recaptcha-response'].value = token; form.submit(); });\n"
            + "  });\n});\n</script>",
        // Enterprise, with its script built by a loader that picks the mirror, and the gstatic preconnect
        "<link rel=\"preconnect\" href=\"https://www.gstatic.com\" crossorigin>\n"
            + "<script>\n(function () {\n  var host = window.useRecaptchaNet ? 'www.recaptcha.net'\n"
            + "    : 'www.google.com';\n"
            + "  var tag = document.createElement('script');\n"
            + "  tag.src = 'https://' + host + '/recaptcha/enterprise.js?render='\n"
            + "    + '6Lf2yGQpAAAAAN0b8xKzR4tVq1WmEe9sYp3o';\n"
            + "  document.head.appendChild(tag);\n})();\n"
            + "window.onSubmitEnterprise = function () { grecaptcha.enterprise.ready(async function () {\n"
            + "  const t = await grecaptcha.enterprise.execute('6Lf2yGQpAAAAAN0b8xKzR4tVq1WmEe9sYp3o',"
            + " {action: 'LOGIN'});\n  document.getElementById('rc-token').value = t;\n}); };\n</script>",
        // the widget's frame as a server-rendered fallback writes it, and the noscript form of v2
        "<noscript><div><iframe src=\"https://www.google.com/recaptcha/api/fallback?k=6LdQm0spAAAAAJx3mGk1o2bT9eRZ"
            + "qu5yHf8c2Ab1\" frameborder=\"0\" scrolling=\"no\" style=\"width: 302px; height:422px;\"></iframe>"
            + "<textarea id=\"g-recaptcha-response\" name=\"g-recaptcha-response\"></textarea></div></noscript>",
    })
    void reCaptchaStays(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // hCaptcha's API script and its checkbox
        "<script src=\"https://js.hcaptcha.com/1/api.js\" async defer></script>\n"
            + "<div class=\"h-captcha\" data-sitekey=\"3c1a9e52-7b0d-4f6e-a28c-5d94b07e1f36\"></div>",
        // rendered explicitly, in the page's language
        "<script src=\"https://js.hcaptcha.com/1/api.js?render=explicit&onload=hcReady&hl=fr\" async></script>\n"
            + "<script>function hcReady() { window.hcWidget = hcaptcha.render('signup-captcha',"
            + " {sitekey: '3c1a9e52-7b0d-4f6e-a28c-5d94b07e1f36', size: 'invisible'}); }</script>",
        // Cloudflare Turnstile's widget, implicit and explicit
        "<script src=\"https://challenges.cloudflare.com/turnstile/v0/api.js\" async defer></script>\n"
            + "<div class=\"cf-turnstile\" data-sitekey=\"0x4AAAAAAAC3mPq9Xe1lT7b2\" data-theme=\"light\"></div>",
        "<script src=\"https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit\"></script>\n"
            + "<script>\nwindow.addEventListener('load', function () {\n"
            + "  turnstile.render('#login-challenge', {sitekey: '0x4AAAAAAAC3mPq9Xe1lT7b2', action: 'login',\n"
            + "    callback: function (token) { document.querySelector('[name=cf-token]').value = token; }});\n"
            + "});\n</script>",
        // the challenge platform's script Cloudflare injects into a proxied page: parameters in a hidden frame,
        // then its script from the zone's own /cdn-cgi/
        "<script>(function(){function load(){var f=document.createElement('iframe');f.height=1;f.width=1;"
            + "f.style.position='absolute';f.style.top=0;f.style.left=0;f.style.border='none';"
            + "f.style.visibility='hidden';document.body.appendChild(f);var doc=f.contentDocument;"
            + "if(doc){var s=doc.createElement('script');s.innerHTML=\"window.__CF$cv$params={r:'8a1f3c9d2e7b'"
            + ",t:'MTcyNTQ2NzIwMC4wMDAwMDA='};var a=document.createElement('script');a.nonce='';"
            + "a.src='/cdn-cgi/challenge-platform/scripts/jsd/main.js';"
            + "document.getElementsByTagName('head')[0].appendChild(a);\";"
            + "doc.getElementsByTagName('head')[0].appendChild(s);}}"
            + "if(document.body){load();}else{window.addEventListener('load',load);}})();</script>",
        // the platform's other scripts: e-mail address protection and Rocket Loader
        "<a href=\"/cdn-cgi/l/email-protection#7a1c0f\" class=\"__cf_email__\" data-cfemail=\"7a1c0f\">"
            + "[email&#160;protected]</a>\n<script data-cfasync=\"false\""
            + " src=\"/cdn-cgi/scripts/5c5dd728/cloudflare-static/email-decode.min.js\"></script>",
        "<script src=\"/cdn-cgi/scripts/7d0fa10a/cloudflare-static/rocket-loader.min.js\""
            + " data-cf-settings=\"4a2f9be1c0d3e5f7a6b8c9d0-|49\" defer></script>",
        // Friendly Captcha: the widget module from jsDelivr with its fallback, and v2's SDK
        "<script type=\"module\" src=\"https://cdn.jsdelivr.net/npm/friendly-challenge@0.9.18/widget.module.min.js\""
            + " async defer></script>\n<script nomodule src=\"https://cdn.jsdelivr.net/npm/friendly-challenge@0.9.18/"
            + "widget.min.js\" async defer></script>\n<div class=\"frc-captcha\" data-sitekey=\"FCMGQ2R7T3KJ8B4N\""
            + " data-lang=\"de\"></div>",
        "<script type=\"module\" src=\"https://cdn.jsdelivr.net/npm/@friendlycaptcha/sdk@0.1.8/site.min.js\""
            + " async defer></script>\n<div class=\"frc-captcha\" data-sitekey=\"FCMGQ2R7T3KJ8B4N\"></div>",
    })
    void captchasAndCloudflareChallengesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Akamai Bot Manager's sensor script on a first-party path, and the image its noscript form writes
        "<script type=\"text/javascript\" src=\"/akam/13/2f8a61c4\" defer></script>\n"
            + "<noscript><img src=\"https://www.fernwood.example/akam/13/pixel_2f8a61c4?a=dD1hYmMxMjM\""
            + " style=\"visibility: hidden; position: absolute; left: -999px; top: -999px;\" /></noscript>",
        // Akamai's newer sensor under a random first-party path
        "<script type=\"text/javascript\" src=\"https://www.fernwood.example/xK3o_Qv/Ap9-/bW2r/n4T/6sYgZ/"
            + "Lk5hGxRJ/OlZCZg/Rj4m/JHkB\"></script>",
        // HUMAN (PerimeterX): the app id and the first-party sensor path, or the vendor's client host
        "<script type=\"text/javascript\">\n(function () {\n  window._pxAppId = 'PXk3T8wQ2e';\n"
            + "  var first = document.getElementsByTagName('script')[0];\n"
            + "  var px = document.createElement('script'); px.async = 1; px.src = '/k3T8wQ2e/init.js';\n"
            + "  first.parentNode.insertBefore(px, first);\n})();\n</script>",
        "<script src=\"//client.perimeterx.net/PXk3T8wQ2e/main.min.js\" async></script>",
        // DataDome: its settings and its tag
        "<script>\n  window.ddjskey = '9A2B7C4D1E6F3A8B5C0D2E7F9A1B3C';\n"
            + "  window.ddoptions = { endpoint: 'https://api-js.datadome.co/js/', ajaxListenerPath: true };\n"
            + "</script>\n<script src=\"https://js.datadome.co/tags.js\" async></script>",
    })
    void botManagersStay(String html) {
        assertKept(html);
    }
    @ParameterizedTest
    @ValueSource(strings = {
        // Stripe.js on every page (its fraud signals need it there) and the Payment Element the checkout mounts
        "<script src=\"https://js.stripe.com/v3/\"></script>\n<script>\n"
            + "  const stripe = Stripe('pk_live_51Nf3kQJ7vW2xYz8aB4cD6eF8gH0iJ2kL4mN6oP8qR0sT2uV4wX6yZ8');\n"
            + "  const elements = stripe.elements({clientSecret: window.checkoutSecret, appearance:\n"
            + "    {theme: 'flat'}});\n"
            + "  elements.create('payment').mount('#payment-element');\n</script>",
        // its newer versioned path, a preload, and the frame of m.stripe.network that Stripe.js adds, as a
        // server-rendered page that inlines the DOM writes it
        "<link rel=\"preload\" href=\"https://js.stripe.com/basil/stripe.js\" as=\"script\">\n"
            + "<script src=\"https://js.stripe.com/basil/stripe.js\" async></script>\n"
            + "<iframe name=\"__privateStripeMetricsController4710\" frameborder=\"0\" allowtransparency=\"true\""
            + " scrolling=\"no\" role=\"presentation\" allow=\"payment *\""
            + " src=\"https://m.stripe.network/inner.html#url=https%3A%2F%2Fwww.fernwood.example%2Fcheckout\""
            + " aria-hidden=\"true\" tabindex=\"-1\" style=\"display: none !important;\"></iframe>",
        // Stripe Checkout's redirect button, and a Payment Link
        "<script>\ndocument.getElementById('buy').onclick = function () {\n"
            + "  Stripe('pk_live_51Nf3kQJ7vW2xYz8aB4cD6eF8gH0iJ2kL4mN6oP8qR0sT2uV4wX6yZ8')"
            + ".redirectToCheckout({sessionId: this.dataset.session});\n};\n</script>\n"
            + "<a class=\"btn\" href=\"https://buy.stripe.com/7sI4hV0aX2bC9Qo000\">Buy the gift card</a>",
        // Adyen Web: its stylesheet, its script and the drop-in
        "<link rel=\"stylesheet\" href=\"https://checkoutshopper-live.adyen.com/checkoutshopper/sdk/5.66.1/adyen.css\""
            + " crossorigin=\"anonymous\">\n<script src=\"https://checkoutshopper-live.adyen.com/checkoutshopper/sdk/"
            + "5.66.1/adyen.js\" crossorigin=\"anonymous\"></script>\n<script>\n(async () => {\n"
            + "  const checkout = await AdyenCheckout({environment: 'live', clientKey: 'live_QW3E4R5T6Y7U8I9O0P',\n"
            + "    session: window.adyenSession, onPaymentCompleted:\n"
            + "      r => location.assign('/order/' + r.resultCode)});\n"
            + "  checkout.create('dropin').mount('#payment-element');\n})();\n</script>",
        // Braintree's Drop-in and its data collector (device data for fraud screening)
        "<script src=\"https://js.braintreegateway.com/web/dropin/1.43.0/js/dropin.min.js\"></script>\n"
            + "<script src=\"https://js.braintreegateway.com/web/3.106.0/js/client.min.js\"></script>\n"
            + "<script src=\"https://js.braintreegateway.com/web/3.106.0/js/data-collector.min.js\"></script>\n"
            + "<script>\nbraintree.dropin.create({authorization: document.body.dataset.clientToken,"
            + " container: '#payment-element', dataCollector: true}, function (err, instance) {\n"
            + "  if (!err) { window.dropinInstance = instance; }\n});\n</script>",
        // PayPal's JavaScript SDK with buttons and Pay Later messages
        "<script src=\"https://www.paypal.com/sdk/js?client-id=AbC9dEf0GhI1jKl2MnO3pQr4&currency=EUR"
            + "&components=buttons,messages&enable-funding=paylater\" data-partner-attribution-id=\"Fernwood_Cart\">"
            + "</script>\n<div id=\"paypal-buttons\"></div>\n"
            + "<div data-pp-message data-pp-placement=\"cart\" data-pp-amount=\"129.00\"></div>\n<script>\n"
            + "paypal.Buttons({\n  createOrder: () => fetch('/api/paypal/order', {method: 'POST'}).then(r => r.json())"
            + ".then(o => o.id),\n  onApprove: d => fetch('/api/paypal/capture/' + d.orderID, {method: 'POST'})\n"
            + "}).render('#paypal-buttons');\n</script>",
        // PayPal's fraud screening (FraudNet): its parameters and its script
        "<script type=\"application/json\" fncls=\"fnparams-dede7cc5-15fd-4c75-a9f4-36c430ee3a99\">"
            + "{\"f\":\"9c1d3e5f7a9b2c4d6e8f0a1b\",\"s\":\"FERNWOOD_checkout-page\",\"sandbox\":false}</script>\n"
            + "<script type=\"text/javascript\" src=\"https://c.paypal.com/da/r/fb.js\"></script>\n"
            + "<noscript><img src=\"https://c.paypal.com/v1/r/d/b/ns?f=9c1d3e5f7a9b2c4d6e8f0a1b&s=FERNWOOD_checkout-"
            + "page&js=0&r=1\" /></noscript>",
        // Klarna's on-site messaging: the web SDK and a placement, and the older library
        "<script async data-environment=\"production\" src=\"https://js.klarna.com/web-sdk/v1/klarna.js\""
            + " data-client-id=\"klarna_live_client_Wk5wT3RzZ2xJ\"></script>\n"
            + "<klarna-placement data-key=\"credit-promotion-badge\" data-locale=\"de-DE\""
            + " data-purchase-amount=\"12900\"></klarna-placement>",
        "<script async src=\"https://eu-library.klarnaservices.com/lib.js\""
            + " data-client-id=\"6f3e1d2c-9b8a-5f4e-8d7c-2b1a0f9e8d7c\"></script>\n"
            + "<script src=\"https://x.klarnacdn.net/kp/lib/v1/api.js\" async></script>",
        // Afterpay's messaging
        "<script src=\"https://js.afterpay.com/afterpay-1.x.js\" data-analytics-enabled async></script>\n"
            + "<afterpay-placement data-locale=\"en_AU\" data-currency=\"AUD\" data-amount=\"89.95\">"
            + "</afterpay-placement>",
        // Apple Pay's button script and Google Pay's API with its onload callback
        "<script crossorigin src=\"https://applepay.cdn-apple.com/jsapi/1.latest/apple-pay-sdk.js\"></script>\n"
            + "<apple-pay-button buttonstyle=\"black\" type=\"buy\" locale=\"de-DE\"></apple-pay-button>\n"
            + "<script async src=\"https://pay.google.com/gp/p/js/pay.js\" onload=\"onGooglePayLoaded()\"></script>\n"
            + "<script>\nfunction onGooglePayLoaded() {\n"
            + "  const client = new google.payments.api.PaymentsClient({environment: 'PRODUCTION'});\n"
            + "  client.isReadyToPay(window.gpayBase).then(r => { if (r.result) { showGooglePayButton(client); } });\n"
            + "}\n</script>",
    })
    void paymentsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Riskified's beacon, built from the shop's domain and the cart's session id
        "<script type=\"text/javascript\">\n(function () {\n  function riskifiedBeaconLoad() {\n"
            + "    var store = 'fernwood.example', session = window.shopSettings && window.shopSettings.cartId;\n"
            + "    var url = ('https:' == document.location.protocol ? 'https://' : 'http://')\n"
            + "      + 'beacon.riskified.com?shop=' + store + '&sid=' + session;\n"
            + "    var s = document.createElement('script'); s.type = 'text/javascript'; s.async = true; s.src = url;\n"
            + "    var x = document.getElementsByTagName('script')[0]; x.parentNode.insertBefore(s, x);\n  }\n"
            + "  if (window.attachEvent) { window.attachEvent('onload', riskifiedBeaconLoad); }\n"
            + "  else { window.addEventListener('load', riskifiedBeaconLoad, false); }\n})();\n</script>",
        // Signifyd's device fingerprint at checkout
        "<script defer type=\"text/javascript\" id=\"sig-api\" data-order-session-id=\"c-88213-1725467200\""
            + " src=\"https://cdn-scripts.signifyd.com/api/script-tag.js\"></script>",
    })
    void fraudScreeningStays(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Google Identity Services: the client library, the One Tap settings and the button
        "<script src=\"https://accounts.google.com/gsi/client\" async defer></script>\n"
            + "<div id=\"g_id_onload\" data-client_id=\"318846277104-a1b2c3d4e5f6g7h8.apps.googleusercontent.com\""
            + " data-login_uri=\"https://www.fernwood.example/auth/google/callback\" data-auto_prompt=\"false\">"
            + "</div>\n<div class=\"g_id_signin\" data-type=\"standard\" data-shape=\"pill\" data-text=\"signin_with\">"
            + "</div>",
        // the same started from the site's own script
        "<script src=\"https://accounts.google.com/gsi/client\" onload=\"initGoogleSignIn()\" async></script>\n"
            + "<script>\nfunction initGoogleSignIn() {\n  google.accounts.id.initialize({\n"
            + "    client_id: '318846277104-a1b2c3d4e5f6g7h8.apps.googleusercontent.com',\n"
            + "    callback: resp => fetch('/auth/google', {method: 'POST', body: resp.credential})\n  });\n"
            + "  google.accounts.id.renderButton(document.getElementById('google-login'), {theme: 'outline'});\n"
            + "}\n</script>",
        // Sign in with Apple
        "<meta name=\"appleid-signin-client-id\" content=\"example.fernwood.web\">\n"
            + "<meta name=\"appleid-signin-redirect-uri\" content=\"https://www.fernwood.example/auth/apple\">\n"
            + "<script type=\"text/javascript\" src=\"https://appleid.cdn-apple.com/appleauth/static/jsapi/appleid/1/"
            + "de_DE/appleid.auth.js\"></script>\n<div id=\"appleid-signin\" data-color=\"black\" data-border=\"true\""
            + " data-type=\"sign in\"></div>\n<script>AppleID.auth.init({clientId: 'example.fernwood.web',"
            + " scope: 'name email', redirectURI: 'https://www.fernwood.example/auth/apple', usePopup: true});"
            + "</script>",
        // Auth0's SPA SDK and Lock
        "<script src=\"https://cdn.auth0.com/js/auth0-spa-js/2.1/auth0-spa-js.production.js\"></script>\n"
            + "<script>\nauth0.createAuth0Client({domain: 'fernwood.eu.auth0.com', clientId: 'Zx81kLmN0pQr2StU',\n"
            + "  authorizationParams: {redirect_uri: window.location.origin}}).then(c => { window.authClient = c; });\n"
            + "</script>",
        "<script src=\"https://cdn.auth0.com/js/lock/12.5/lock.min.js\"></script>\n<script>\n"
            + "var lock = new Auth0Lock('Zx81kLmN0pQr2StU', 'login.fernwood.example', \n"
            + "  {auth: {responseType: 'code'}});\n"
            + "document.getElementById('login').addEventListener('click', function () { lock.show(); });\n</script>",
        // Okta's sign-in widget
        "<link href=\"https://global.oktacdn.com/okta-signin-widget/7.21.0/css/okta-sign-in.min.css\""
            + " type=\"text/css\" rel=\"stylesheet\"/>\n<script src=\"https://global.oktacdn.com/okta-signin-widget/"
            + "7.21.0/js/okta-sign-in.min.js\" type=\"text/javascript\"></script>\n<script>\n"
            + "const signIn = new OktaSignIn({issuer: 'https://fernwood.okta.com/oauth2/default',"
            + " clientId: '0oa9x8w7v6u5t4s3r2q1', redirectUri: location.origin + '/login/callback'});\n"
            + "signIn.showSignInToGetTokens({el: '#okta-login'});\n</script>",
        // Firebase Auth from gstatic's compat builds, with a config that also names a measurement id
        "<script src=\"https://www.gstatic.com/firebasejs/10.12.2/firebase-app-compat.js\"></script>\n"
            + "<script src=\"https://www.gstatic.com/firebasejs/10.12.2/firebase-auth-compat.js\"></script>\n"
            + "<script>\n  firebase.initializeApp({\n    apiKey: 'AIzaSyB1c2D3e4F5g6H7i8J9k0L1m2N3o4P5q6R',\n"
            + "    authDomain: 'fernwood-shop.firebaseapp.com',\n    projectId: 'fernwood-shop',\n"
            + "    appId: '1:318846277104:web:0a1b2c3d4e5f6a7b',\n    measurementId: 'G-7QK2M9XR4T'\n  });\n"
            + "  firebase.auth().onAuthStateChanged(u => document.body.classList.toggle('signed-in', !!u));\n"
            + "</script>",
        // "Log in with Facebook" as a plain OAuth link needs no SDK and stays
        "<a class=\"social-login facebook\" href=\"https://www.facebook.com/v19.0/dialog/oauth?client_id="
            + "284761930552718&redirect_uri=https%3A%2F%2Fwww.fernwood.example%2Fauth%2Ffacebook&scope=email\">"
            + "Continue with Facebook</a>",
    })
    void signInStays(String html) {
        assertKept(html);
    }
    @ParameterizedTest
    @ValueSource(strings = {
        // Google Maps' JavaScript API with a callback, and a store locator's map from the Maps Embed API
        "<script src=\"https://maps.googleapis.com/maps/api/js?key=AIzaSyD9e8F7g6H5i4J3k2L1m0N9o8P7q6R5s4T"
            + "&callback=initStoreMap&libraries=places,marker&v=weekly\" async defer></script>\n<script>\n"
            + "function initStoreMap() {\n  const map = new google.maps.Map(document.getElementById('stores'),"
            + " {center: {lat: 52.52, lng: 13.405}, zoom: 11, mapId: 'fw-stores'});\n"
            + "  new google.maps.places.Autocomplete(document.getElementById('address'));\n}\n</script>",
        "<iframe src=\"https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d2428.4!2d13.405!3d52.52!2m3!1f0!2f0"
            + "!3f0!3m2!1i1024!2i768!4f13.1\" width=\"600\" height=\"450\" style=\"border:0;\" allowfullscreen"
            + " loading=\"lazy\" referrerpolicy=\"no-referrer-when-downgrade\"></iframe>",
        // the dynamic library import, written as a site bundles it, and a static map image
        "<script>\n(function (opts) {\n  var ready, base = 'https://maps.googleapis.com/maps/api/js';\n"
            + "  var maps = (window.google = window.google || {}).maps = window.google.maps || {};\n"
            + "  maps.importLibrary = function (name) {\n    ready = ready || new Promise(function (ok, fail) {\n"
            + "      var s = document.createElement('script');\n"
            + "      s.src = base + '?key=' + opts.key + '&v=' + opts.v + '&callback=google.maps.__ib__';\n"
            + "      maps.__ib__ = ok; s.onerror = fail; document.head.append(s);\n    });\n"
            + "    return ready.then(function () { return maps.importLibrary(name); });\n  };\n"
            + "})({key: 'AIzaSyD9e8F7g6H5i4J3k2L1m0N9o8P7q6R5s4T', v: 'weekly'});\n</script>\n"
            + "<img src=\"https://maps.googleapis.com/maps/api/staticmap?center=52.52,13.405&zoom=14&size=600x300"
            + "&markers=color:red%7C52.52,13.405&key=AIzaSyD9e8F7g6H5i4J3k2L1m0N9o8P7q6R5s4T\" alt=\"Our shop\">",
        // Mapbox GL JS
        "<link href=\"https://api.mapbox.com/mapbox-gl-js/v3.4.0/mapbox-gl.css\" rel=\"stylesheet\">\n"
            + "<script src=\"https://api.mapbox.com/mapbox-gl-js/v3.4.0/mapbox-gl.js\"></script>\n<script>\n"
            + "mapboxgl.accessToken = 'pk.eyJ1IjoiZmVybndvb2QiLCJhIjoiY2x4MTIzNCJ9.AbCdEfGhIjKl';\n"
            + "const deliveryMap = new mapboxgl.Map({container: 'delivery-area',"
            + " style: 'mapbox://styles/mapbox/streets-v12', center: [13.405, 52.52], zoom: 10});\n</script>",
        // Leaflet from unpkg with OpenStreetMap's tiles, and from cdnjs with a tile server of the site's choosing
        "<link rel=\"stylesheet\" href=\"https://unpkg.com/leaflet@1.9.4/dist/leaflet.css\""
            + " integrity=\"sha256-p4NxAoJBhIIN+hmNHrzRCf9tD/miZyoHS5obTRR9BMY=\" crossorigin=\"\"/>\n"
            + "<script src=\"https://unpkg.com/leaflet@1.9.4/dist/leaflet.js\""
            + " integrity=\"sha256-20nQCchB9co0qIjJZRGuk2/Z9VM+kNiyxNV1lvTlZBo=\" crossorigin=\"\"></script>\n"
            + "<script>\nvar shopMap = L.map('map').setView([47.37, 8.54], 13);\n"
            + "L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {maxZoom: 19,\n"
            + "  attribution: '&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>'})"
            + ".addTo(shopMap);\nL.marker([47.37, 8.54]).addTo(shopMap).bindPopup('Fernwood Z\u00fcrich');\n</script>",
        "<script src=\"https://cdnjs.cloudflare.com/ajax/libs/leaflet/1.9.4/leaflet.min.js\"></script>\n"
            + "<script>L.tileLayer('https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png',"
            + " {subdomains: 'abcd'}).addTo(L.map('branches', {center: [48.14, 11.58], zoom: 12}));</script>",
    })
    void mapsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Google Fonts: the preconnects and the stylesheet, and an @import in the theme's style
        "<link rel=\"preconnect\" href=\"https://fonts.googleapis.com\">\n"
            + "<link rel=\"preconnect\" href=\"https://fonts.gstatic.com\" crossorigin>\n"
            + "<link href=\"https://fonts.googleapis.com/css2?family=Inter:wght@400;600&family=Lora:ital@1"
            + "&display=swap\" rel=\"stylesheet\">",
        "<style>\n@import url('https://fonts.googleapis.com/css?family=Open+Sans:400,700&subset=latin-ext');\n"
            + "@font-face { font-family: 'Icons'; src: url(https://fonts.gstatic.com/s/materialicons/v142/"
            + "flUhRq6tzZclQEJ-Vdg-IuiaDsNc.woff2) format('woff2'); }\n</style>",
        // jQuery and the Web Font Loader from Google's library CDN, with the site's own jQuery code
        "<script src=\"https://ajax.googleapis.com/ajax/libs/jquery/3.7.1/jquery.min.js\"></script>\n"
            + "<script src=\"https://ajax.googleapis.com/ajax/libs/webfont/1.6.26/webfont.js\"></script>\n"
            + "<script>\nWebFont.load({google: {families: ['Inter:400,600']}});\n"
            + "$(function () { $('#checkout').on('submit', function () { $('#place-order').prop('disabled', true);"
            + " }); });\n</script>",
        // ordinary libraries from cdnjs, jsDelivr and unpkg, one whose name says "tracking" (computer vision)
        "<script src=\"https://cdnjs.cloudflare.com/ajax/libs/lodash.js/4.17.21/lodash.min.js\""
            + " integrity=\"sha512-Rk3nT8qV2xW5yZ1aB4cD6eF8gH0iJ2kL4mN6oP8qR0sT2uV4wX6yZ8aB1cD3eF5gH7iJ9kL1mN3oP5q"
            + "R7sT9uV1wXw==\""
            + " crossorigin=\"anonymous\" referrerpolicy=\"no-referrer\"></script>\n"
            + "<script src=\"https://cdnjs.cloudflare.com/ajax/libs/tracking.js/1.1.3/tracking-min.js\"></script>",
        "<link href=\"https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css\" rel=\"stylesheet\">\n"
            + "<script src=\"https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js\"></script>\n"
            + "<script src=\"https://cdn.jsdelivr.net/npm/chart.js@4.4.3/dist/chart.umd.min.js\"></script>\n"
            + "<script defer src=\"https://unpkg.com/alpinejs@3.14.1/dist/cdn.min.js\"></script>\n"
            + "<script src=\"https://unpkg.com/htmx.org@1.9.12\" crossorigin=\"anonymous\"></script>",
        // an ES module import map onto jsDelivr's +esm builds
        "<script type=\"importmap\">{\"imports\": {\"dayjs\": \"https://cdn.jsdelivr.net/npm/dayjs@1.11.11/+esm\","
            + " \"swiper\": \"https://cdn.jsdelivr.net/npm/swiper@11/swiper-bundle.min.mjs\"}}</script>\n"
            + "<script type=\"module\">import dayjs from 'dayjs'; document.querySelector('#eta').textContent ="
            + " dayjs().add(3, 'day').format('DD.MM.');</script>",
        // Google Charts' loader from gstatic
        "<script src=\"https://www.gstatic.com/charts/loader.js\"></script>\n<script>google.charts.load('current',"
            + " {packages: ['corechart']}); google.charts.setOnLoadCallback(drawSizeChart);</script>",
    })
    void fontsAndLibraryCdnsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // UserWay's widget
        "<script src=\"https://cdn.userway.org/widget.js\" data-account=\"Qm7xP2kR9t\"></script>",
        // accessiBe's loader and its start call
        "<script>\n(function () {\n  var s = document.createElement('script'), h = document.querySelector('head')"
            + " || document.body;\n  s.src = 'https://acsbapp.com/apps/app/dist/js/app.js'; s.async = true;\n"
            + "  s.onload = function () { acsbJS.init({statementLink: '/accessibility', language: 'de',"
            + " position: 'right'}); };\n  h.appendChild(s);\n})();\n</script>",
        // AudioEye
        "<script type=\"text/javascript\">!function () { var b = function () { window.__AudioEyeSiteHash ="
            + " '7e1f0c3a9b5d2e8f4a6c1b0d9e3f7a2c'; var a = document.createElement('script');"
            + " a.src = 'https://wsmcdn.audioeye.com/aem.js'; a.type = 'text/javascript';"
            + " a.setAttribute('async', ''); document.getElementsByTagName('body')[0].appendChild(a); };"
            + " 'complete' !== document.readyState ? window.addEventListener('load', b) : b(); }();</script>",
    })
    void accessibilityWidgetsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // YouTube: the embed, its privacy-enhanced form, the IFrame API and a thumbnail
        "<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0\""
            + " title=\"How to size your boots\" frameborder=\"0\" allow=\"accelerometer; autoplay;"
            + " clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share\" allowfullscreen>"
            + "</iframe>",
        "<iframe src=\"https://www.youtube-nocookie.com/embed/Xk3pQ9rT2aB?start=42\" loading=\"lazy\""
            + " allowfullscreen></iframe>",
        "<div id=\"fit-video\" data-video=\"Xk3pQ9rT2aB\"><img src=\"https://i.ytimg.com/vi/Xk3pQ9rT2aB/"
            + "hqdefault.jpg\" alt=\"\"></div>\n<script src=\"https://www.youtube.com/iframe_api\"></script>\n"
            + "<script>function onYouTubeIframeAPIReady() { new YT.Player('fit-video', {videoId: 'Xk3pQ9rT2aB',"
            + " playerVars: {modestbranding: 1}}); }</script>",
        // Vimeo: the player frame, without tracking, and its player API
        "<div style=\"padding:56.25% 0 0 0;position:relative;\"><iframe src=\"https://player.vimeo.com/video/"
            + "912345678?h=3a9c1e7f2b&amp;badge=0&amp;autopause=0&amp;dnt=1\" frameborder=\"0\""
            + " allow=\"autoplay; fullscreen; picture-in-picture\" style=\"position:absolute;top:0;left:0;"
            + "width:100%;height:100%;\" title=\"Lookbook\"></iframe></div>"
            + "<script src=\"https://player.vimeo.com/api/player.js\"></script>",
    })
    void videoEmbedsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a site and product named like vendors, links and JSON-LD sameAs to their pages, and the site's own
        // scripts whose paths look like theirs
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"Organization\","
            + " \"name\": \"Fernwood Outfitters\", \"sameAs\": [\"https://www.facebook.com/fernwoodoutfitters\","
            + " \"https://www.youtube.com/@fernwood\", \"https://www.instagram.com/fernwood\"]}</script>",
        "<p>We accept <a href=\"https://stripe.com/de\">Stripe</a>, <a href=\"https://www.paypal.com/de/home\">"
            + "PayPal</a> and <a href=\"https://www.klarna.com/de/\">Klarna</a>. Our forms are protected by"
            + " reCAPTCHA; Google's <a href=\"https://policies.google.com/privacy\">privacy policy</a> and"
            + " <a href=\"https://policies.google.com/terms\">terms</a> apply.</p>",
        "<script src=\"/assets/vendor/recaptcha-helper.js\"></script>\n<script src=\"/js/stripe/checkout.js\">"
            + "</script>\n<script src=\"/static/facebook/sdk.js\"></script>\n<script src=\"/js/maps/api/js.js\">"
            + "</script>",
    })
    void lookAlikesStay(String html) {
        assertKept(html);
    }
    @ParameterizedTest
    @CsvSource({
        // the cookies these services set for the site or on their own domains: bot scores and clearances, the
        // captcha's risk analysis, the payment provider's fraud signals and sign-in state, never gated
        "__cf_bm, fernwood.example", "cf_clearance, fernwood.example", "_cfuvid, fernwood.example",
        "_GRECAPTCHA, www.google.com", "_abck, fernwood.example", "bm_sz, fernwood.example",
        "ak_bmsc, fernwood.example", "bm_sv, fernwood.example", "_px3, fernwood.example",
        "_pxhd, fernwood.example", "_pxvid, fernwood.example", "pxcts, fernwood.example",
        "datadome, fernwood.example", "__stripe_mid, fernwood.example", "__stripe_sid, fernwood.example",
        "m, m.stripe.com", "ts_c, paypal.com", "tsrce, paypal.com", "x-pp-s, paypal.com", "l7_az, paypal.com",
        "enforce_policy, paypal.com", "g_state, fernwood.example", "__Host-GAPS, accounts.google.com",
    })
    void theirCookiesStay(String name, String domain) {
        assertNull(RewriteAssertions.CATALOG.matchCookie(name, domain), name);
        assertNull(RewriteAssertions.CATALOG.matchCookie(name, null), name);
    }
    /** The blog page's parts that use the Facebook SDK: its root, the comments plugin and a login button. */
    private static final String FACEBOOK_PARTS = "<div id=\"fb-root\"></div>\n"
        + "<div class=\"fb-comments\" data-href=\"https://www.fernwood.example/journal/waxing-boots\""
        + " data-width=\"100%\" data-numposts=\"5\"></div>\n"
        + "<button type=\"button\" class=\"fb-login\" onclick=\"FB.login(function (r) { if (r.authResponse)"
        + " { location.assign('/auth/facebook'); } }, {scope: 'email'})\">Log in with Facebook</button>\n"
        + "<fb:login-button scope=\"public_profile,email\" onlogin=\"checkLoginState();\"></fb:login-button>\n"
        + "<iframe src=\"https://www.facebook.com/plugins/page.php?href=https%3A%2F%2Fwww.facebook.com%2F"
        + "fernwoodoutfitters&tabs=timeline&width=340\" width=\"340\" height=\"500\" scrolling=\"no\""
        + " frameborder=\"0\" allowfullscreen=\"true\"></iframe>\n"
        + "<script>\nwindow.fbAsyncInit = function () {\n"
        + "  FB.init({appId: '284761930552718', cookie: true, xfbml: true, version: 'v19.0'});\n"
        + "  FB.getLoginStatus(function (r) { document.body.classList.toggle('fb-connected',"
        + " r.status === 'connected'); });\n};\n</script>\n";
    /** The SDK as its plugin configurator writes it, locale and app id in the URL. */
    private static final String FACEBOOK_SDK = "<script async defer crossorigin=\"anonymous\""
        + " src=\"https://connect.facebook.net/de_DE/sdk.js#xfbml=1&version=v19.0&appId=284761930552718\""
        + " nonce=\"Yh3kQa\"></script>";

    @Test
    void facebookSdkGoesWithMarketingWhileTheSitesLoginAndPluginMarkupStay() {
        String page = CHECKOUT + FACEBOOK_PARTS + FACEBOOK_SDK + OWN;
        assertEquals(CHECKOUT + FACEBOOK_PARTS + OWN, rewrite(page, NONE));
        assertEquals(CHECKOUT + FACEBOOK_PARTS + OWN, rewrite(page, MARKETING_REFUSED));
        for (ConsentDecision d : List.of(ANALYTICS_REFUSED, FUNCTIONAL_REFUSED, ALL)) {
            assertEquals(page, rewrite(page, d), () -> "changed with " + d);
        }
        // by default a stand-in for FB takes the SDK's place, so the login button's FB.login(…) does nothing
        // instead of throwing
        String stubbed = RewriteAssertions.rewrite(RewriteAssertions.REMOVE_WITH_STUBS, page, MARKETING_REFUSED);
        assertTrue(stubbed.startsWith(CHECKOUT + FACEBOOK_PARTS + "<script data-consentgate=\"stub\""), stubbed);
        assertTrue(stubbed.contains("d('F'+'B',s)") && stubbed.endsWith(OWN), stubbed);
    }

    @Test
    void facebookSdkInlineLoaderGoesWholeWithMarketing() {
        String loader = "<script>\n(function (doc, tag, id) {\n  if (doc.getElementById(id)) { return; }\n"
            + "  var sdk = doc.createElement(tag); sdk.id = id; \n"
            + "  sdk.src = 'https://connect.facebook.net/en_GB/sdk.js';\n"
            + "  var first = doc.getElementsByTagName(tag)[0]; first.parentNode.insertBefore(sdk, first);\n"
            + "}(document, 'script', 'facebook-jssdk'));\n</script>";
        String page = CHECKOUT + FACEBOOK_PARTS + loader + OWN;
        assertEquals(CHECKOUT + FACEBOOK_PARTS + OWN, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @Test
    void facebookSdkListedAsFunctionalByTheOperatorStaysWhereMarketingIsRefusedWhileThePixelGoes() {
        HtmlRewriter login = HtmlRewriter.builder(RewriteAssertions.CATALOG.withOverrides(catalog(
            "[{\"id\": \"facebook-sdk\", \"name\": \"Facebook SDK (Login)\", \"owner\": \"Meta Platforms, Inc.\","
                + " \"categories\": [\"functional\"], \"hosts\": [\"connect.facebook.net/de_DE/sdk.js\"]}]")))
            .stubPageGlobals(false).build();
        String page = CHECKOUT + FACEBOOK_PARTS + FACEBOOK_SDK + PIXEL + OWN;
        String kept = CHECKOUT + FACEBOOK_PARTS + FACEBOOK_SDK + OWN;
        assertEquals(kept, RewriteAssertions.rewrite(login, page, MARKETING_REFUSED));
        assertEquals(CHECKOUT + FACEBOOK_PARTS + OWN, RewriteAssertions.rewrite(login, page, NONE));
        assertEquals(CHECKOUT + FACEBOOK_PARTS + PIXEL + OWN,
            RewriteAssertions.rewrite(login, page, FUNCTIONAL_REFUSED));
        assertEquals(page, RewriteAssertions.rewrite(login, page, ALL));
    }

    @Test
    void cloudflareWebAnalyticsGoesWhileTheChallengePlatformBesideItStays() {
        String challenge = "<script>(function(){var f=document.createElement('iframe');f.style.display='none';"
            + "document.body.appendChild(f);var d=f.contentDocument,s=d.createElement('script');"
            + "s.innerHTML=\"window.__CF$cv$params={r:'8a1f3c9d2e7b',t:'MTcyNTQ2NzIwMC4w'};"
            + "var a=document.createElement('script');a.src='/cdn-cgi/challenge-platform/scripts/jsd/main.js';"
            + "document.head.appendChild(a);\";d.head.appendChild(s);})();</script>";
        String beacon = "<script defer src=\"https://static.cloudflareinsights.com/beacon.min.js\""
            + " data-cf-beacon='{\"token\": \"4f2a9c1e7b3d5f6a8c0e2b4d6f8a1c3e\"}'></script>";
        String page = CHECKOUT + challenge + beacon + OWN;
        assertEquals(CHECKOUT + challenge + OWN, rewrite(page, NONE));
        assertEquals(CHECKOUT + challenge + OWN, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(page, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @Test
    void firebaseAnalyticsBesideFirebaseAuthIsNotRecognised() {
        // Firebase Analytics loads the Google tag at run time, from a script of its own on gstatic whose start
        // call sits in the same script as the app's and sign-in's: removing the file would make that call throw
        // and stop the sign-in code after it, so neither the file nor the call is listed (catalog README)
        String page = CHECKOUT
            + "<script src=\"https://www.gstatic.com/firebasejs/10.12.2/firebase-app-compat.js\"></script>\n"
            + "<script src=\"https://www.gstatic.com/firebasejs/10.12.2/firebase-analytics-compat.js\"></script>\n"
            + "<script src=\"https://www.gstatic.com/firebasejs/10.12.2/firebase-auth-compat.js\"></script>\n"
            + "<script>\nfirebase.initializeApp(window.firebaseConfig);\nfirebase.analytics();\n"
            + "firebase.auth().onAuthStateChanged(function (user) { renderAccountMenu(user); });\n</script>" + OWN;
        assertEquals(page, rewrite(page, NONE));
    }

    @Test
    void customSearchAdsGoWithMarketingWhileTheSearchBoxAndCaptchaOnTheSameHostStay() {
        String search = "<script async src=\"https://cse.google.com/cse.js?cx=a1b2c3d4e5f6g7h8i\"></script>\n"
            + "<div class=\"gcse-searchresults-only\"></div>\n"
            + "<script src=\"https://www.google.com/recaptcha/api.js\" async defer></script>\n"
            + "<script>\n(function (win, name) {\n  win[name] = win[name] || function () {\n"
            + "    (win[name].q = win[name].q || []).push(arguments);\n  };\n  win[name].t = Date.now();\n"
            + "})(window, '_googCsa');\n_googCsa('ads', {pubId: 'partner-pub-7712049388512047',"
            + " query: new URLSearchParams(location.search).get('q'), styleId: '3810276541'},"
            + " {container: 'afs-top', width: 720});\n</script>\n<div id=\"afs-top\"></div>\n";
        String ads = "<script async=\"async\" src=\"https://www.google.com/adsense/search/ads.js\"></script>";
        String page = CHECKOUT + ads + search + OWN;
        assertEquals(CHECKOUT + search + OWN, rewrite(page, NONE));
        assertEquals(CHECKOUT + search + OWN, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(page, rewrite(page, FUNCTIONAL_REFUSED));
        assertEquals(page, rewrite(page, ALL));
        String stubbed = RewriteAssertions.rewrite(RewriteAssertions.REMOVE_WITH_STUBS, page, NONE);
        assertTrue(stubbed.contains("d('_goo'+'gCsa',s)"), stubbed);
    }

    @Test
    void conversionReportedFromAScriptOfItsOwnGoesWhileTheCheckoutHandlerThatCallsItStays() {
        // a Google event with a tag id names the tag, and a script that holds nothing else goes whole (README: calls
        // into a removed tracker); the checkout's payment handler calls the report through a guard
        String report = "<script>function reportPurchase(total) {\n  gtag('event', 'conversion',"
            + " {send_to: 'AW-612345678/Xq7-bN3pLk', value: total, currency: 'EUR'});\n}</script>\n";
        String handler = "<script src=\"https://js.stripe.com/v3/\"></script>\n<script>\n"
            + "const stripe = Stripe('pk_live_51Nf3kQJ7vW2xYz8aB4cD6eF8gH0iJ2kL4mN6oP8qR0sT2uV4wX6yZ8');\n"
            + "const elements = stripe.elements({clientSecret: window.checkoutSecret});\n"
            + "elements.create('payment').mount('#payment-element');\n"
            + "document.getElementById('checkout').addEventListener('submit', async (e) => {\n"
            + "  e.preventDefault();\n  window.reportPurchase && reportPurchase(129.0);\n"
            + "  const {error} = await stripe.confirmPayment({elements,"
            + " confirmParams: {return_url: location.origin + '/thanks'}});\n"
            + "  if (error) { document.getElementById('payment-error').textContent = error.message; }\n"
            + "});\n</script>";
        String page = CHECKOUT + report + handler + OWN;
        assertEquals(CHECKOUT + "\n" + handler + OWN, rewrite(page, NONE));
        assertEquals(CHECKOUT + "\n" + handler + OWN, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    @Test
    void checkoutHandlerThatReportsTheConversionItselfKeepsItsPaymentFormAndLosesTheEvent() {
        // the conversion sent from the payment handler itself: only that statement goes, the Stripe mount and the
        // submit handler stay (a script that is nothing but the event still goes whole, as above)
        String event = "gtag('event', 'conversion', {send_to: 'AW-612345678/Xq7-bN3pLk', value: 129.0,"
            + " currency: 'EUR'});";
        String handler = "<script src=\"https://js.stripe.com/v3/\"></script>\n<script>\n"
            + "const stripe = Stripe('pk_live_51Nf3kQJ7vW2xYz8aB4cD6eF8gH0iJ2kL4mN6oP8qR0sT2uV4wX6yZ8');\n"
            + "const elements = stripe.elements({clientSecret: window.checkoutSecret});\n"
            + "elements.create('payment').mount('#payment-element');\n"
            + "document.getElementById('checkout').addEventListener('submit', async (e) => {\n"
            + "  e.preventDefault();\n  " + event + "\n"
            + "  const {error} = await stripe.confirmPayment({elements,"
            + " confirmParams: {return_url: location.origin + '/thanks'}});\n"
            + "  if (error) { document.getElementById('payment-error').textContent = error.message; }\n"
            + "});\n</script>";
        String page = CHECKOUT + handler + OWN;
        String kept = CHECKOUT + handler.replace(event, " ".repeat(event.length())) + OWN;
        assertEquals(kept, rewrite(page, NONE));
        assertEquals(kept, rewrite(page, MARKETING_REFUSED));
        assertEquals(page, rewrite(page, ANALYTICS_REFUSED));
        assertEquals(page, rewrite(page, ALL));
    }

    private static TrackerCatalog catalog(String trackers) {
        try {
            return TrackerCatalog.fromJson(new ObjectMapper().readTree("{\"trackers\": " + trackers + "}"));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
