package io.consentgate.html;

import java.util.Random;

/** Random HTML built from the constructs real pages and tag loaders use, for property and fuzz tests. */
final class HtmlSnippets {

    static final String[] PIECES = {
        "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-ABC123\"></script>",
        "<script>\n  window.dataLayer = window.dataLayer || [];\n  function gtag(){dataLayer.push(arguments);}\n"
            + "  gtag('js', new Date());\n  gtag('config', 'G-ABC123');\n</script>",
        "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});"
            + "var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
            + "j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);"
            + "})(window,document,'script','dataLayer','GTM-XXXX');</script>",
        "<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-XXXX\" height=\"0\" width=\"0\" "
            + "style=\"display:none;visibility:hidden\"></iframe></noscript>",
        "<noscript><img height=\"1\" width=\"1\" style=\"display:none\" "
            + "src=\"https://www.facebook.com/tr?id=1234&amp;ev=PageView&amp;noscript=1\"/></noscript>",
        "<noscript><p>Please enable JavaScript.</p><img src=https://px.ads.linkedin.com/collect/?pid=1></noscript>",
        "<script type=\"text/javascript\">_linkedin_partner_id = \"1\";</script>",
        "<script>var s = \"<!--<script>\"; document.write(s);</script>",
        "<script><!--\n<script>alert(1)</script>\n--></script>",
        "<script>if (a <!--b) {}</script>",
        "<script type=\"application/ld+json\">{\"sameAs\":[\"https://www.facebook.com/acme\","
            + "\"https://twitter.com/acme\"]}</script>",
        "<iframe width=\"560\" src='https://www.youtube-nocookie.com/embed/x' allowfullscreen></iframe>",
        "<iframe src=\"https://fls.doubleclick.net/activityi;src=1;type=a;cat=b;ord=1?\" width=1 height=1>"
            + "</iframe>",
        "<!-- <script src=\"https://connect.facebook.net/en_US/fbevents.js\"></script> -->",
        "<!--><!---><!-- a --!> b -->",
        "<textarea name=t><script src=https://connect.facebook.net/x.js></script></textarea>",
        "<pre>&lt;script src=\"https://connect.facebook.net/x.js\"&gt;</pre>",
        "<title>Shop <b> & more</title>",
        "<svg viewBox=\"0 0 1 1\"><script href=\"https://connect.facebook.net/x.js\"/><![CDATA[ <a> ]]>"
            + "<title><img></title></svg>",
        "<svg><foreignObject><script>fbq('init','1')</script></foreignObject></svg>",
        "<math><mi><style>x</style></mi></math>",
        "<script type=\"speculationrules\">{\"prefetch\":[{\"source\":\"list\",\"urls\":"
            + "[\"https://ad.doubleclick.net/ddm/clk/1\"]}]}</script>",
        "<a href=\"/about\" ping=\"https://www.google-analytics.com/collect?v=1\">About</a>",
        "<a href=\"https://www.facebook.com/acme\">Facebook</a>",
        "<div data-consent=\"marketing\"><div>promo</div><img src=/a.png></div>",
        "<section data-consent=analytics>stats</section>",
        "<script type=\"text/plain\" data-consent=\"analytics\" data-src=\"/js/stats.js\"></script>",
        "<script type=\"text/plain\" data-consent=\"functional\">chat()</script>",
        "<img srcset=\"https://www.facebook.com/tr?a=1 1x, /img/b.png 2x\" alt=\"\">",
        "<picture><source srcset=\"https://bat.bing.com/action/0?ti=1\" media=\"(min-width: 1px)\"><img src=/x.png>"
            + "</picture>",
        "<link rel=\"preconnect\" href=\"https://www.google-analytics.com\">",
        "<link rel=dns-prefetch href=//connect.facebook.net>",
        "<link rel=\"stylesheet\" href=\"/site.css\">",
        "<template><img src=\"https://www.facebook.com/tr?id=1\"><p>t</p></template>",
        "<img src=\"https:&#47;&#47;www.facebook.com&sol;tr?id=1\">",
        "<img src=\"https://www.facebook.com.example.org/tr\">",
        "<img src=\"https://notgoogle-analytics.com/a.gif\">",
        "<style>body{background:url(https://www.facebook.com/tr)}</style>",
        "<div class=\"hero\" style=\"background-image:url('https://www.facebook.com/tr?id=1&amp;ev=PageView')\">",
        "<span STYLE=background:u\\72l(//px.ads.linkedin.com/collect?pid=1)>s</span>",
        "<p style=\"color:rgb(1,2,3);background:url(/img/bg.png)\">", "<td style=\"width:calc(100% - 2px)\">",
        "<xmp><img src=https://www.facebook.com/tr></xmp>",
        "<!DOCTYPE html>", "<?xml version=\"1.0\"?>", "</>", "<3 ", "a < b", "&amp; &lt;", "\n", "  ",
        "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8", "<p class=a/b>", "<P CLASS='x' Id=\"y\">", "<br/>",
        "</div>", "<div>", "<ul><li>one<li>two</ul>", "<input value=\"a>b\" disabled>", "<p title='x\"y'>",
        "<img src=x onerror=\"a='<script>'\">", "<a href=x/>", "<script src=/app.js defer></script>",
        "<script>document.write('<img src=\"https://bat.bing.com/action/0\">');</script>",
        "<script>var u=\"https://static.hotjar.com/c/hotjar-1.js\";</script>",
        "<noscript><noscript>x</noscript></noscript>", "<base href=\"https://cdn.example.com/\">",
        "<script src=\"js/app.js\"></script>", "<SCRIPT SRC=\"HTTPS://CONNECT.FACEBOOK.NET/x.js\"></SCRIPT>",
        "<script>/*</script>*/x</script>", "<script>a</script >", "<script>a</script\n foo=\"b>\">",
    };

    private static final String NOISE = "<>/\"'=-! \n&;[]?abcSCRIPT";

    private HtmlSnippets() {
    }

    /** A random document of about {@code pieces} snippets, with random noise bytes when {@code noisy}. */
    static String document(Random rnd, int pieces, boolean noisy) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            String p = PIECES[rnd.nextInt(PIECES.length)];
            if (noisy && rnd.nextInt(4) == 0) {
                p = mutate(rnd, p);
            }
            sb.append(p);
            if (rnd.nextBoolean()) {
                sb.append(rnd.nextBoolean() ? "\n" : " text ");
            }
        }
        return sb.toString();
    }

    /** Inserts, deletes or replaces a few characters. */
    static String mutate(Random rnd, String s) {
        StringBuilder sb = new StringBuilder(s);
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n && sb.length() > 0; i++) {
            int at = rnd.nextInt(sb.length());
            switch (rnd.nextInt(3)) {
                case 0 -> sb.insert(at, NOISE.charAt(rnd.nextInt(NOISE.length())));
                case 1 -> sb.deleteCharAt(at);
                default -> sb.setCharAt(at, NOISE.charAt(rnd.nextInt(NOISE.length())));
            }
        }
        return sb.toString();
    }
}
