package io.consentgate.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Deterministic, realistic shop/news pages for benchmarks and tests: a head with the usual tag-manager, analytics
 * and pixel loaders, preconnect hints, inline CSS and JSON-LD; a body of product/article cards with responsive
 * images, links, an ad frame, noscript pixels and footer scripts. Same bytes for the same target size, every run.
 */
public final class PageFixtures {

    private static final String HEAD = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Acme Outdoor &amp; Co. | Tents, Packs and Trail Gear</title>
        <link rel="preconnect" href="https://www.googletagmanager.com">
        <link rel="dns-prefetch" href="//connect.facebook.net">
        <link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>
        <link rel="preload" as="script" href="https://static.hotjar.com/c/hotjar-3012345.js?sv=7">
        <link rel="stylesheet" href="/assets/site.3f9a1c.css">
        <link rel="icon" href="/favicon.ico">
        <style>
        :root{--brand:#1d6b3a;--ink:#1a1a1a;--muted:#6b6b6b}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink)}
        .card{display:grid;grid-template-columns:120px 1fr;gap:12px;padding:16px;border-bottom:1px solid #eee}
        .card img{width:120px;height:auto;border-radius:4px}.price{font-weight:700;color:var(--brand)}
        a{color:var(--brand)}a:hover{text-decoration:underline}.badge{font-size:12px;padding:2px 6px}
        </style>
        <!-- Google Tag Manager -->
        <script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
        new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
        j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
        'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
        })(window,document,'script','dataLayer','GTM-K9X2PL');</script>
        <!-- End Google Tag Manager -->
        <script async src="https://www.googletagmanager.com/gtag/js?id=G-7QH2M4RS1T"></script>
        <script>
          window.dataLayer = window.dataLayer || [];
          function gtag(){dataLayer.push(arguments);}
          gtag('js', new Date());
          gtag('config', 'G-7QH2M4RS1T', { anonymize_ip: true });
        </script>
        <script>
        !function(f,b,e,v,n,t,s)
        {if(f.fbq)return;n=f.fbq=function(){n.callMethod?
        n.callMethod.apply(n,arguments):n.queue.push(arguments)};
        if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';
        n.queue=[];t=b.createElement(e);t.async=!0;
        t.src=v;s=b.getElementsByTagName(e)[0];
        s.parentNode.insertBefore(t,s)}(window, document,'script',
        'https://connect.facebook.net/en_US/fbevents.js');
        fbq('init', '318274650192837');
        fbq('track', 'PageView');
        </script>
        <script>
            (function(h,o,t,j,a,r){
                h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};
                h._hjSettings={hjid:3012345,hjsv:6};
                a=o.getElementsByTagName('head')[0];
                r=o.createElement('script');r.async=1;
                r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;
                a.appendChild(r);
            })(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');
        </script>
        <script type="application/ld+json">
        {"@context":"https://schema.org","@type":"Organization","name":"Acme Outdoor","url":"https://acme.example",
         "sameAs":["https://www.facebook.com/acmeoutdoor","https://twitter.com/acmeoutdoor",
                   "https://www.instagram.com/acmeoutdoor","https://www.linkedin.com/company/acme-outdoor"]}
        </script>
        <script src="/assets/app.91be2d.js" defer></script>
        </head>
        <body class="home">
        <!-- Google Tag Manager (noscript) -->
        <noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-K9X2PL"
        height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>
        <!-- End Google Tag Manager (noscript) -->
        <noscript><img height="1" width="1" style="display:none"
        src="https://www.facebook.com/tr?id=318274650192837&amp;ev=PageView&amp;noscript=1"/></noscript>
        <header class="site-header"><a href="/" class="logo"><img src="/img/logo.svg" alt="Acme Outdoor" width="140"
        height="32"></a>
        <nav aria-label="Main"><ul>
        """;

    private static final String NAV_ITEM = "<li><a href=\"/c/%s\">%s</a></li>\n";

    private static final String CARD = """
        <article class="card" data-sku="%d">
          <a href="/p/%d/%s"><img src="https://cdn.acme.example/img/%d-320.jpg"
            srcset="https://cdn.acme.example/img/%d-320.jpg 320w, https://cdn.acme.example/img/%d-640.jpg 640w"
            sizes="(max-width: 600px) 100vw, 120px" alt="%s" loading="lazy" width="120" height="90"></a>
          <div class="body">
            <h2><a href="/p/%d/%s">%s</a></h2>
            <p>%s</p>
            <p><span class="price">$%d.%02d</span> <span class="badge">%s</span>
               <a href="/p/%d/%s#reviews" ping="/beacon/review-click">%d reviews</a></p>
          </div>
        </article>
        """;

    private static final String AD = """
        <aside class="ad-slot">
        <iframe src="https://fls.doubleclick.net/activityi;src=8812345;type=visit;cat=home0;ord=%d?"
          width="1" height="1" frameborder="0" style="display:none"></iframe>
        <img src="https://bat.bing.com/action/0?ti=5612345&amp;Ver=2" height="0" width="0" style="display:none"
          alt="">
        <a href="https://www.facebook.com/acmeoutdoor">Follow us on Facebook</a>
        </aside>
        """;

    private static final String FOOT = """
        </main>
        <footer class="site-footer">
        <p>&copy; 2026 Acme Outdoor. <a href="/privacy">Privacy</a> &middot; <a href="/cookies">Cookie settings</a></p>
        <ul class="social"><li><a href="https://www.facebook.com/acmeoutdoor" rel="me">Facebook</a></li>
        <li><a href="https://www.instagram.com/acmeoutdoor" rel="me">Instagram</a></li></ul>
        </footer>
        <script type="text/javascript">
        _linkedin_partner_id = "4412345";
        window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || [];
        window._linkedin_data_partner_ids.push(_linkedin_partner_id);
        </script><script type="text/javascript">
        (function(l) {
        if (!l){window.lintrk = function(a,b){window.lintrk.q.push([a,b])};
        window.lintrk.q=[]}
        var s = document.getElementsByTagName("script")[0];
        var b = document.createElement("script");
        b.type = "text/javascript";b.async = true;
        b.src = "https://snap.licdn.com/li.lms-analytics/insight.min.js";
        s.parentNode.insertBefore(b, s);})(window.lintrk);
        </script>
        <noscript>
        <img height="1" width="1" style="display:none;" alt="" src="https://px.ads.linkedin.com/collect/?pid=4412345&fmt=gif" />
        </noscript>
        <script>window.__APP_CONFIG__ = {"locale":"en-US","currency":"USD","features":{"quickview":true}};</script>
        </body>
        </html>
        """;

    private static final String[] WORDS = {
        "trail", "ultralight", "waterproof", "tent", "backpack", "stove", "merino", "down", "shell", "hiking",
        "alpine", "camp", "sleeping", "bag", "pad", "lantern", "compass", "gaiter", "rain", "fleece", "summit",
        "ridge", "canyon", "river", "durable", "breathable", "packable", "insulated", "two-person", "recycled",
    };
    private static final String[] BADGES = {"New", "Sale", "Bestseller", "Limited", "Eco"};

    private PageFixtures() {
    }

    /** The page a benchmark size parameter names: {@code 150k} or {@code 2m}. */
    public static byte[] page(String size) {
        return switch (size) {
            case "150k" -> page(150 * 1024);
            case "2m" -> page(2 * 1024 * 1024);
            default -> throw new IllegalArgumentException("size is 150k or 2m, not " + size);
        };
    }

    /** Prints the length in bytes of the page {@code args[0]} ({@code 150k} or {@code 2m}) names. */
    public static void main(String[] args) {
        System.out.println(page(args[0]).length);
    }

    /** A page of at least {@code targetBytes} (UTF-8), the same bytes for the same size. */
    public static byte[] page(int targetBytes) {
        Random rnd = new Random(targetBytes);
        StringBuilder sb = new StringBuilder(targetBytes + 8192);
        sb.append(HEAD);
        for (int i = 0; i < 12; i++) {
            String w = WORDS[i];
            sb.append(String.format(NAV_ITEM, w, Character.toUpperCase(w.charAt(0)) + w.substring(1)));
        }
        sb.append("</ul></nav></header>\n<main id=\"content\">\n");
        int sku = 10_000;
        int tail = FOOT.length();
        while (sb.length() + tail < targetBytes) {
            sku += 1 + rnd.nextInt(7);
            String title = words(rnd, 3 + rnd.nextInt(4));
            String slug = title.toLowerCase().replace(' ', '-');
            sb.append(String.format(CARD, sku, sku, slug, sku, sku, sku, title, sku, slug, title,
                words(rnd, 30 + rnd.nextInt(40)) + ".", 9 + rnd.nextInt(400), rnd.nextInt(100),
                BADGES[rnd.nextInt(BADGES.length)], sku, slug, rnd.nextInt(900)));
            if (rnd.nextInt(25) == 0) {
                sb.append(String.format(AD, rnd.nextInt(1_000_000)));
            }
        }
        sb.append(FOOT);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String words(Random rnd, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        String s = sb.toString();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
