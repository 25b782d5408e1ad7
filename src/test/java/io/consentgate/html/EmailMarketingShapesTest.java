package io.consentgate.html;

import static io.consentgate.html.RewriteAssertions.CATALOG;
import static io.consentgate.html.RewriteAssertions.REMOVE;
import static io.consentgate.html.RewriteAssertions.assertRefusedAndUnchanged;
import static io.consentgate.html.ShopPageAssertions.assertKept;
import static io.consentgate.html.ShopPageAssertions.assertRemovedAndKeptWhenAllowed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sites with a newsletter sign-up and marketing automation, in the shapes their owners paste them: a self-hosted
 * Mautic's tracker and pixel, Moosend's and AWeber's site tracking, and the sign-up forms of e-mail services
 * (MailerLite, Kit, Constant Contact, Campaign Monitor, Sender, EmailOctopus, beehiiv, Substack, Mailchimp, Brevo,
 * ActiveCampaign, GetResponse, HubSpot, Mautic's own). With the tracking refused its loader, pixel and queue calls
 * go; the form the visitor fills in, its action URL and the script that draws it stay; with everything allowed the
 * page is untouched.
 */
class EmailMarketingShapesTest {

    private static final ConsentDecision ANALYTICS_ONLY =
        ConsentDecision.of(Set.of(Category.ANALYTICS), Map.of(), ConsentMode.OPT_IN);
    private static final ConsentDecision MARKETING_ONLY =
        ConsentDecision.of(Set.of(Category.MARKETING), Map.of(), ConsentMode.OPT_IN);

    @ParameterizedTest
    @ValueSource(strings = {
        // a self-hosted Mautic's tracking code: the queue set up under the name MauticTrackingObject holds, the
        // loader fetched from the operator's own Mautic host, and the page view sent at once
        """
            <script>
              (function (win, doc, tag, src, queue) {
                win['MauticTrackingObject'] = queue;
                win[queue] = win[queue] || function () { (win[queue].q = win[queue].q || []).push(arguments); };
                var el = doc.createElement(tag);
                el.async = 1;
                el.src = src;
                var first = doc.getElementsByTagName(tag)[0];
                first.parentNode.insertBefore(el, first);
              })(window, document, 'script', 'https://marketing.shop.example/mtc.js', 'mt');
              mt('send', 'pageview');
            </script>""",
        // minified by a theme, with the instance under a sub-directory and the page view carrying the e-mail
        "<script>(function(w,d,t,u,n){w.MauticTrackingObject=n;w[n]=w[n]||function(){(w[n].q=w[n].q||[])"
            + ".push(arguments)};var a=d.createElement(t);a.async=true;a.src=u;d.head.appendChild(a)})(window,"
            + "document,\"script\",\"https://www.shop.example/mautic/mtc.js\",\"mt\");mt(\"send\",\"pageview\","
            + "{email:\"reader@mail.example\"});</script>",
        // the loader as a plain tag, and the script a page builder writes to fetch it
        "<script async src=\"https://crm.blog.example/mtc.js\"></script>",
        "<script src=\"https://mkt.shop.example/index.php/mtc.js\" defer></script>",
        // the tracking pixel: with the page's address in the query, inside <noscript> without one, and an image a
        // script builds by hand
        "<img src=\"https://mautic.shop.example/mtracking.gif?page_url=https%3A%2F%2Fshop.example%2F&amp;"
            + "page_title=Shop\" style=\"display:none\" alt=\"\">",
        "<noscript><img src=\"https://mautic.shop.example/mtracking.gif\" alt=\"\" width=\"1\" height=\"1\">"
            + "</noscript>",
        // the pixel with no query outside <noscript>: the instance records the hit from the request itself
        "<img src=\"https://mautic.shop.example/mtracking.gif\" style=\"display: none;\" alt=\"\">",
        "<IMG SRC=//crm.blog.example/mautic/mtracking.gif ALT=\"\">",
        """
            <script>
              var hit = new Image(1, 1);
              hit.src = 'https://mautic.shop.example/mtracking.gif?page_url=' + encodeURIComponent(location.href);
            </script>""",
    })
    void mauticsTrackingGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Mautic's forms: the script that draws a form, the form itself posting to the instance, and the
        // settings a copied form embed starts with; Focus pop-ups and the plugin's settings are not tracking
        "<script type=\"text/javascript\" src=\"https://marketing.shop.example/form/generate.js?id=3\"></script>",
        "<form autocomplete=\"false\" role=\"form\" method=\"post\" id=\"mauticform_newsletter\""
            + " action=\"https://marketing.shop.example/form/submit?formId=3\" data-mautic-form=\"newsletter\">"
            + "<input id=\"mauticform_input_newsletter_email\" name=\"mauticform[email]\" type=\"email\">"
            + "<input type=\"hidden\" name=\"mauticform[formId]\" value=\"3\"><button type=\"submit\">Join</button>"
            + "</form>",
        "<script>var MauticDomain = 'https://marketing.shop.example'; var MauticLang = {submittingMessage: 'Wait'};"
            + "</script><script src=\"https://marketing.shop.example/media/js/mautic-form.js\"></script>",
        // look-alikes: a theme's script with mtc in its name, a link to Mautic's site, text about the pixel
        "<script src=\"/assets/js/mtc-carousel.js\"></script>",
        "<script src=\"/assets/js/mtc.jsx.js\"></script>",
        "<a href=\"https://www.mautic.org/\">Built with Mautic</a>",
        "<p>We removed mtracking.gif from our newsletter in 2024.</p>",
        // a theme's own images named like the pixel, and a query-less image on a script collection path
        "<img src=\"/img/notmtracking.gif\" alt=\"\"><img src=\"/img/mtracking.gif.png\" alt=\"\">",
        "<img src=\"https://stats.shop.example/matomo.php\" alt=\"\"><img src=\"/img/spacer.gif\" alt=\"\">",
        "<script type=\"application/ld+json\">{\"@type\":\"Organization\",\"name\":\"Mautic Meetup Berlin\","
            + "\"sameAs\":[\"https://www.mautic.org/\",\"https://github.com/mautic\"]}</script>",
    })
    void mauticFormsAndLookalikesStay(String html) {
        assertKept(html);
    }

    @Test
    void mauticPageViewInTheSitesOwnScriptStaysWithTheLoaderGone() {
        String page = "<p id=\"intro\">Read our guide</p>"
            + "<script async src=\"https://marketing.shop.example/mtc.js\"></script>"
            + "<script>document.querySelector('#intro').addEventListener('click', function () {"
            + " mt('send', 'pageview', {page_title: 'Guide'}); });</script>";
        String out = assertRefusedAndUnchanged(REMOVE, page, List.of("mtc.js"),
            List.of("<p id=\"intro\">Read our guide</p>", "addEventListener('click'"),
            ConsentDecision.allowAll(), MARKETING_ONLY);
        // with only analytics allowed the marketing tracker goes as well
        assertEquals(out, RewriteAssertions.rewrite(REMOVE, page, ANALYTICS_ONLY));
    }

    @Test
    void mauticAndMoosendLeaveStandInsForTheSitesOwnCalls() {
        String page = "<script async src=\"https://marketing.shop.example/mtc.js\"></script>"
            + "<script src=\"https://cdn.stat-track.com/statics/moosend-tracking.min.js\"></script>"
            + "<button onclick=\"mt('send', 'pageview', {tags: 'webinar'}); mootrack('identify', mail.value);"
            + " register()\">Register</button>";
        String out = RewriteAssertions.rewrite(RewriteAssertions.REMOVE_WITH_STUBS, page, ConsentDecision.refuseAll());
        assertTrue(out.startsWith("<script data-consentgate=\"stub\">") && out.contains("d('m'+'t',s);")
            && out.contains("d('moot'+'rack',s);") && out.endsWith("</script><button onclick=\"mt('send', 'pageview',"
                + " {tags: 'webinar'}); mootrack('identify', mail.value); register()\">Register</button>"), out);
        assertEquals(page, RewriteAssertions.rewrite(RewriteAssertions.REMOVE_WITH_STUBS, page,
            ConsentDecision.allowAll()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Moosend's website tracking: the library from its tracking CDN with the site id and a page view, the
        // same with a cache-busting query, and a bare tag
        """
            <script>
              !function (win, doc, tag, url, name) {
                win[name] = win[name] || function () { (win[name].q = win[name].q || []).push(arguments); };
                var el = doc.createElement(tag); el.async = true; el.src = url + '?ts=' + Date.now();
                doc.getElementsByTagName('head')[0].appendChild(el);
              }(window, document, 'script', 'https://cdn.stat-track.com/statics/moosend-tracking.min.js',
                'mootrack');
              mootrack('init', '0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9');
              mootrack('trackPageView');
            </script>""",
        "<script src=\"//cdn.stat-track.com/statics/moosend-tracking.min.js\" async></script>",
        "<link rel=\"preconnect\" href=\"https://t.stat-track.com\">",
        // AWeber's web analytics, as its WordPress plugin and hand-pasted themes print it
        "<script type=\"text/javascript\" src=\"https://analytics.aweber.com/js/awt_analytics.js?id=7Xa2\"></script>",
        "<script src=\"//analytics.aweber.com/js/awt_analytics.js?id=Ab.c\"></script>",
    })
    void moosendAndAweberSiteTrackingGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Moosend's hosted forms API and the images of its e-mails; AWeber's sign-up form script and its handler
        "<img src=\"https://cdn.stat-track.com/20240102/abcdef0123456789logo.png\" alt=\"Newsletter\">",
        "<form method=\"post\" action=\"https://forms.m-pages.com/api/forms/subscribe\"><input name=\"email\"></form>",
        "<div class=\"AW-Form-1234567\"></div><script type=\"text/javascript\">(function (d, s, id) {"
            + " var js, fjs = d.getElementsByTagName(s)[0]; if (d.getElementById(id)) return;"
            + " js = d.createElement(s); js.id = id; js.src = 'https://forms.aweber.com/form/67/1234567.js';"
            + " fjs.parentNode.insertBefore(js, fjs); }(document, 'script', 'aweber-wjs-x1y2z3'));</script>",
        "<form method=\"post\" class=\"af-form-wrapper\" action=\"https://www.aweber.com/scripts/addlead.pl\">"
            + "<input type=\"hidden\" name=\"listname\" value=\"awlist1234\"><input name=\"email\" type=\"email\">"
            + "</form>",
        // look-alikes: a site named like the vendors, links to them
        "<a href=\"https://moosend.com/\">Moosend</a> <a href=\"https://www.aweber.com/\">AWeber</a>",
        "<script src=\"https://cdn.stat-track.com.example.org/statics/moosend-tracking.min.js\"></script>",
        "<script src=\"https://analytics.aweber.com.example.net/js/awt_analytics.js\"></script>",
    })
    void moosendAndAweberFormsAndLookalikesStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // MailerLite: its universal script draws the embedded form (ml-embedded) and the pop-ups, so it stays with
        // the form; the classic webforms script and a form posting to its subscribe handler
        """
            <script>
              (function (w, d, tag, url, fn) {
                w[fn] = w[fn] || function () { (w[fn].q = w[fn].q || []).push(arguments); };
                var s = d.createElement(tag); s.async = 1; s.src = url;
                var f = d.getElementsByTagName(tag)[0]; f.parentNode.insertBefore(s, f);
              })(window, document, 'script', 'https://assets.mailerlite.com/js/universal.js', 'ml');
              ml('account', '765432');
            </script>
            <div class="ml-embedded" data-form="Qx7Lp2"></div>""",
        "<script src=\"https://groot.mailerlite.com/js/w/webforms.min.js?v2a1b\" type=\"text/javascript\"></script>"
            + "<form class=\"ml-block-form\""
            + " action=\"https://assets.mailerlite.com/jsonp/765432/forms/98765/subscribe\" method=\"post\">"
            + "<input type=\"email\" name=\"fields[email]\"></form>",
        // Kit (ConvertKit): the form script on the creator's page, the older ck.5.js and the form's handler
        "<script async data-uid=\"a1b2c3d4e5\" src=\"https://writer-studio.kit.com/a1b2c3d4e5/index.js\"></script>",
        "<script src=\"https://f.convertkit.com/ckjs/ck.5.js\"></script><form action=\"https://app.kit.com/forms/"
            + "4567890/subscriptions\" class=\"seva-form formkit-form\" method=\"post\" data-sv-form=\"4567890\">"
            + "<input class=\"formkit-input\" name=\"email_address\" type=\"email\"></form>",
        "<script async data-uid=\"f0e1d2c3b4\" src=\"https://news-letter.ck.page/f0e1d2c3b4/index.js\"></script>",
        // Constant Contact's inline sign-up form and the widget that draws it
        "<script>var _ctct_m = \"0123456789abcdef0123456789abcdef\";</script>"
            + "<script id=\"signupScript\" src=\"//static.ctctcdn.com/js/signup-form-widget/current/"
            + "signup-form-widget.min.js\" async defer></script>"
            + "<div class=\"ctct-inline-form\" data-form-id=\"7f6e5d4c-3b2a-1908-7654-3210fedcba98\"></div>",
        // Campaign Monitor's subscribe form and its script
        "<form class=\"js-cm-form\" id=\"subForm\" action=\"https://www.createsend.com/t/subscribeerror?description="
            + "\" method=\"post\" data-id=\"A1B2C3D4E5F6\"><input class=\"js-cm-email-input\" name=\"cm-abc-abc\""
            + " type=\"email\"></form><script type=\"text/javascript\""
            + " src=\"https://js.createsend1.com/javascript/copypastesubscribeformlogic.js\"></script>",
        // Sender's universal script, which draws its embedded form
        """
            <script>
              (function (win, doc, tag, url, name) {
                win.Sender = name;
                win[name] = win[name] || function () { (win[name].q = win[name].q || []).push(arguments); };
                var el = doc.createElement(tag); el.async = 1; el.src = url; doc.head.appendChild(el);
              })(window, document, 'script', 'https://cdn.sender.net/accounts_resources/universal.js', 'sender');
              sender('a1b2c3d4e5f6a7');
            </script>
            <div class="sender-form-field" data-sender-form-id="lm4n5o6p"></div>""",
        // EmailOctopus's form script, beehiiv's and Substack's embeds
        "<script async src=\"https://eomail1.com/form/0a1b2c3d-4e5f-11ee-8a9b-0c1d2e3f4a5b.js\""
            + " data-form=\"0a1b2c3d-4e5f-11ee-8a9b-0c1d2e3f4a5b\"></script>",
        "<iframe src=\"https://embeds.beehiiv.com/3c2b1a09-8f7e-6d5c-4b3a-29180f7e6d5c?slim=true\""
            + " data-test-id=\"beehiiv-embed\" height=\"52\" frameborder=\"0\" scrolling=\"no\"></iframe>",
        "<script async src=\"https://subscribe-forms.beehiiv.com/embed.js\"></script>",
        "<iframe src=\"https://weekly-notes.substack.com/embed\" width=\"480\" height=\"320\""
            + " style=\"border:1px solid #EEE; background:white;\" frameborder=\"0\" scrolling=\"no\"></iframe>",
    })
    void newsletterSignUpFormsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the catalogued vendors' forms: Mailchimp's embed with its validation script, Brevo's form,
        // ActiveCampaign's and GetResponse's form scripts, HubSpot's form embed, Klaviyo's subscribe API call
        "<div id=\"mc_embed_signup\"><form action=\"https://shop.us21.list-manage.com/subscribe/post?u=0a1b2c3d4e"
            + "&amp;id=9f8e7d6c5b&amp;f_id=00abcd\" method=\"post\" id=\"mc-embedded-subscribe-form\""
            + " name=\"mc-embedded-subscribe-form\" target=\"_blank\"><input type=\"email\" name=\"EMAIL\"></form>"
            + "</div><script type=\"text/javascript\""
            + " src=\"//s3.amazonaws.com/downloads.mailchimp.com/js/mc-validate.js\"></script>",
        "<div class=\"sib-form\"><form id=\"sib-form\" method=\"POST\" action=\"https://a1b2c3d4.sibforms.com/serve/"
            + "MUIFAbCdEf\" data-type=\"subscription\"><input name=\"EMAIL\" type=\"text\"></form></div>"
            + "<script defer src=\"https://sibforms.com/forms/end-form/build/main.js\"></script>",
        "<script src=\"https://shopexample.activehosted.com/f/embed.php?id=5\" type=\"text/javascript\""
            + " charset=\"utf-8\"></script><div class=\"_form_5\"></div>",
        "<script type=\"text/javascript\" src=\"https://app.getresponse.com/view_webform_v2.js?u=Ab1&amp;"
            + "webforms_id=12345\"></script>",
        "<script charset=\"utf-8\" type=\"text/javascript\" src=\"//js.hsforms.net/forms/embed/v2.js\"></script>"
            + "<script>hbspt.forms.create({region: \"eu1\", portalId: \"1234567\","
            + " formId: \"0a1b2c3d-0000-1111-2222-333344445555\"});</script>",
        "<script>fetch('https://a.klaviyo.com/client/subscriptions/?company_id=AbC123', {method: 'POST',"
            + " headers: {revision: '2024-02-15'}, body: JSON.stringify(payload)});</script>",
    })
    void catalogedVendorsFormsStay(String html) {
        assertKept(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the catalogued vendors' site tracking in the shapes newsletter sites paste it: Mailchimp's connected-site
        // script as an inline loader with its id, Brevo's automation tracker with the client key pushed on its
        // queue and its newer SDK loader, ActiveCampaign's site tracking with a renamed queue argument and its
        // older visit beacon, HubSpot's loader with a business unit and its page-view pixel for visitors without
        // scripts
        "<script id=\"mcjs\">!function (doc, tag, url) { var el = doc.createElement(tag),"
            + " first = doc.getElementsByTagName(tag)[0]; el.async = 1; el.src = url;"
            + " first.parentNode.insertBefore(el, first); }(document, 'script',"
            + " 'https://chimpstatic.com/mcjs-connected/js/users/0a1b2c3d4e5f/6a7b8c9d0e1f.js');</script>",
        """
            <script type="text/javascript">
              (function () {
                window.sib = {equeue: [], client_key: 'k7q2w9e4r1t6y3u8'};
                window.sendinblue = {};
                ['track', 'identify', 'page'].forEach(function (m) {
                  window.sendinblue[m] = function () { window.sib.equeue.push({method: m, args: arguments}); };
                });
                var tag = document.createElement('script');
                tag.async = true;
                tag.src = 'https://sibautomation.com/sa.js?key=' + window.sib.client_key;
                document.head.appendChild(tag);
              })();
            </script>""",
        "<script src=\"https://cdn.brevo.com/js/sdk-loader.js\" async></script>",
        """
            <script>
              (function (w, d, src, alias) {
                w.visitorGlobalObjectAlias = alias;
                w[alias] = w[alias] || function () { (w[alias].q = w[alias].q || []).push(arguments); };
                w[alias].l = Date.now();
                var s = d.createElement('script'); s.src = src; s.async = true; d.head.appendChild(s);
              })(window, document, 'https://diffuser-cdn.app-us1.com/diffuser/diffuser.js', 'vgo');
              vgo('setAccount', '612345678');
              vgo('setTrackByDefault', true);
              vgo('process');
            </script>""",
        "<script>var trackcmp_email = ''; var trackcmp = document.createElement('script'); trackcmp.async = true;"
            + " trackcmp.src = '//trackcmp.net/visit?actid=612345678&e=' + encodeURIComponent(trackcmp_email);"
            + " document.body.appendChild(trackcmp);</script>",
        "<script type=\"text/javascript\" id=\"hs-script-loader\" async defer"
            + " src=\"//js-na1.hs-scripts.com/4567890.js?businessUnitId=2\"></script>",
        "<noscript><img src=\"https://track.hubspot.com/__ptq.gif?a=4567890&amp;k=1&amp;r=https%3A%2F%2Fshop.example\""
            + " alt=\"\"></noscript>",
    })
    void catalogedVendorsSiteTrackingGoes(String tag) {
        assertRemovedAndKeptWhenAllowed(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the queue and identify calls a site's own sign-up handler makes once the vendor's script is gone, the
        // Brevo queue set up apart from its loader, and Mailchimp's pop-up sign-up form
        "<script>window.Brevo = window.Brevo || []; Brevo.push(['init', {client_key: 'k7q2w9e4r1t6y3u8'}]);</script>",
        "<script>document.getElementById('join').addEventListener('submit', function (e) {"
            + " _hsq.push(['identify', {email: e.target.email.value}]); });</script>",
        "<script>function onJoined(email) { if (window.sendinblue) { sendinblue.identify(email); } }</script>",
        "<script type=\"text/javascript\" src=\"//downloads.mailchimp.com/js/signup-forms/popup/unique-methods/"
            + "embed.js\" data-dojo-config=\"usePlainJson: true, isDebug: false\"></script>",
        // links to the vendors' sites and a site named like one
        "<a href=\"https://mailchimp.com/\">Mailchimp</a> <a href=\"https://www.brevo.com/\">Brevo</a>"
            + " <a href=\"https://www.activecampaign.com/\">ActiveCampaign</a>",
        "<script src=\"https://cdn.brevo-trucks.example/js/sdk-loader.js\"></script>",
    })
    void catalogedVendorsCallsAndLookalikesStay(String html) {
        assertKept(html);
    }

    @Test
    void newsletterPageKeepsItsFormWhileTheTrackersGo() {
        String page = """
            <!doctype html><html><head><title>The Weekly Fold</title>
            <script>
              (function (w, d, t, u, n) {
                w['MauticTrackingObject'] = n;
                w[n] = w[n] || function () { (w[n].q = w[n].q || []).push(arguments); };
                var a = d.createElement(t); a.async = 1; a.src = u; d.head.appendChild(a);
              })(window, document, 'script', 'https://lists.fold.example/mtc.js', 'mt');
              mt('send', 'pageview');
            </script>
            <script async src="https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=AbC123"></script>
            <script type="text/javascript" src="//analytics.aweber.com/js/awt_analytics.js?id=Fo1d"></script>
            <script src="/static/fold-site.js" defer></script>
            </head><body>
            <h1>The Weekly Fold</h1>
            <form id="signup" method="post" action="https://lists.fold.example/form/submit?formId=1">
              <label>E-mail <input type="email" name="mauticform[email]"></label>
              <button>Subscribe</button>
            </form>
            <noscript><img src="https://lists.fold.example/mtracking.gif" alt=""></noscript>
            <iframe src="https://thefold.substack.com/embed" width="480" height="150"></iframe>
            </body></html>""";
        String out = assertRefusedAndUnchanged(REMOVE, page,
            List.of("MauticTrackingObject", "mtc.js", "mtracking.gif", "static.klaviyo.com", "analytics.aweber.com"),
            List.of("<form id=\"signup\" method=\"post\" action=\"https://lists.fold.example/form/submit?formId=1\">",
                "<script src=\"/static/fold-site.js\" defer></script>", "<h1>The Weekly Fold</h1>",
                "https://thefold.substack.com/embed"),
            ConsentDecision.allowAll(), MARKETING_ONLY);
        // all four are marketing: allowing analytics alone leaves the same page as refusing everything
        assertEquals(out, RewriteAssertions.rewrite(REMOVE, page, ANALYTICS_ONLY));
    }

    /** name | Domain attribute ("-" = host-only) | expected tracker id or "-". */
    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        mtc_id             | -                   | mautic
        mtc_sid            | .shop.example       | mautic
        mautic_device_id   | marketing.shop.example | mautic
        mtc_ids            | -                   | -
        mautic_session     | -                   | -
        """)
    void emailMarketingCookies(String name, String domain, String id) {
        var match = CATALOG.matchCookie(name, "-".equals(domain) ? null : domain);
        if ("-".equals(id)) {
            assertNull(match, name);
        } else {
            assertEquals(id, match == null ? null : match.tracker().id(), name);
        }
    }
}
