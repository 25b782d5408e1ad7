package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentgate.ConsentDecision;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A script past the cap, streamed ({@link StreamedScript}), against the same script read whole (a cap above its
 * length): whenever the whole reading refuses it, the streamed one must end it in a syntax error (else a tracker
 * runs), and whenever the whole reading leaves it unchanged, so must the streamed one (else the page breaks). Random
 * scripts of 70–200 KB in the shapes of server-rendered page state: JSON records, URLs of the site, hosts of trackers
 * as data and in prose, comments, template literals, look-alike ids, and now and then a real loader. Seed:
 * {@code -Dconsentgate.seed=N} to reproduce.
 */
class StreamedScriptDifferentialTest {

    private static final HtmlRewriter STREAMED = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false).maxHeldBytes(1024)
        .build();
    private static final HtmlRewriter WHOLE = HtmlRewriter.builder(RewriteAssertions.CATALOG).stubPageGlobals(false)
        .maxHeldBytes(64 * 1024 * 1024).build();
    private static final String POISON = new String(StreamedScript.POISON, StandardCharsets.US_ASCII);
    private static final int CASES = 150;

    private static final String[] HOSTS = {"connect.facebook.net", "www.google-analytics.com", "static.hotjar.com",
        "www.googletagmanager.com", "snap.licdn.com"};
    private static final String[] LOADERS = {
        "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments)"
            + ":n.queue.push(arguments)};t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];"
            + "s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');"
            + "fbq('init','1234567890');",
        "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});"
            + "var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
            + "j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})"
            + "(window,document,'script','dataLayer','GTM-K9X2PLQ');",
        "(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};"
            + "h._hjSettings={hjid:1234567,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');"
            + "r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})"
            + "(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');",
        "var el=document.createElement('script');el.src='https://connect.facebook.net/en_US/fbevents.js';"
            + "document.head.appendChild(el);",
        "gtag('config','AW-123456789');",
    };

    private static String piece(Random r, boolean lines, boolean loaders) {
        int k = r.nextInt(100);
        String host = HOSTS[r.nextInt(HOSTS.length)];
        int n = r.nextInt(100_000);
        if (k < 40) {
            return "{\"id\":" + n + ",\"name\":\"Item " + n + "\",\"url\":\"https:\\/\\/shop.example\\/p\\/" + n
                + "\",\"price\":" + n % 97 + "},";
        } else if (k < 45) {
            return "{\"re\":\"" + host + "\",\"cat\":\"marketing\"},";
        } else if (k < 48) {
            return "{\"desc\":\"We use a service (https://" + host + ") to measure\"},";
        } else if (k < 52) {
            return "fetch(\"https://api.shop.example/v1/cart/" + n + "\").then(function(r){return r.json()});";
        } else if (k < 55) {
            return lines ? "\n// later: s.src='https://" + host + "/x.js'\n" : "/* s.src='https://" + host + "/x.js' */";
        } else if (k < 58) {
            return "{\"order\":\"GT-" + n + "\",\"ref\":\"AW-" + n + "\"},";
        } else if (k < 61) {
            return "{\"html\":\"<a href=\\\"https:\\/\\/shop.example\\/\\\">x<\\/a>\"},";
        } else if (k < 64) {
            return "var u" + n + "='//cdn.shop.example/a/" + n + ".js';";
        } else if (k < 67) {
            return "`tpl ${a} https://docs.example/" + n + " //x`;";
        } else if (k < 69) {
            return "{\"host\":\"" + host + "\"},";
        } else if (k < 71) {
            return "gtag('event','page_view');";
        } else if (k < 73 && loaders) {
            return LOADERS[r.nextInt(LOADERS.length)];
        } else if (k < 80) {
            return "\"" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(1 + r.nextInt(30)) + "\",";
        }
        return "{\"k\":" + n + ",\"v\":[1,2,3,\"a//b\",\"c'd\"]},";
    }

    @Test
    void theStreamedVerdictIsTheVerdictOfTheScriptReadWhole() {
        long seed = Long.getLong("consentgate.seed", System.nanoTime());
        System.out.println("StreamedScriptDifferentialTest seed=" + seed + " (rerun with -Dconsentgate.seed=" + seed + ")");
        Random rnd = new Random(seed);
        int refused = 0;
        for (int c = 0; c < CASES; c++) {
            boolean lines = rnd.nextBoolean();
            boolean loaders = rnd.nextInt(3) == 0;
            int target = 70_000 + rnd.nextInt(130_000);
            StringBuilder script = new StringBuilder("window.__S__=[");
            while (script.length() < target) {
                script.append(piece(rnd, lines, loaders));
                if (lines && rnd.nextInt(4) == 0) {
                    script.append('\n');
                }
            }
            String page = "<script>" + script.append("0];") + "</script><p>after</p>";
            String whole = RewriteAssertions.rewrite(WHOLE, page, ConsentDecision.refuseAll());
            String streamed = RewriteAssertions.rewrite(STREAMED, page, ConsentDecision.refuseAll());
            String where = "seed=" + seed + " case=" + c + " lines=" + lines + " length=" + page.length();
            if (whole.equals(page)) {
                assertEquals(page, streamed, "the page's own script was made a syntax error: " + where);
            } else {
                refused++;
                assertTrue(streamed.endsWith(POISON + "</script><p>after</p>"), "a refused script runs: " + where);
            }
        }
        assertTrue(refused > 0 && refused < CASES, "both verdicts occur: " + refused + " of " + CASES + " refused");
    }
}
