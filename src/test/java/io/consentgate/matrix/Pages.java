package io.consentgate.matrix;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generated shop pages of an exact byte length in a given charset, with trackers in the shapes real sites paste
 * (a tag-manager loader, a gtag script, a pixel in {@code <noscript>}, a bare beacon image, a preconnect hint), placed
 * so that one straddles every 8 KiB boundary (Tomcat's and, every fourth, Jetty's response buffer).
 */
final class Pages {

    /** Hosts the refusing decision must never let through in a complete page. */
    static final String[] TRACKER_HOSTS = {"googletagmanager.com", "facebook.com/tr", "bat.bing.com",
        "connect.facebook.net", "snap.licdn.com"};

    private static final int BOUNDARY = 8192;
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private static final String HEAD = """
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="%s">
            <title>商品一覧 – Café Lumière</title>
            <link rel="preconnect" href="https://connect.facebook.net" crossorigin>
            <!-- Google Tag Manager -->
            <script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
            new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
            j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
            'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
            })(window,document,'script','dataLayer','GTM-K7Q2XM');</script>
            <!-- End Google Tag Manager -->
            </head>
            <body class="shop">
            """;

    private static final String[] TRACKERS = {
        "<noscript><img height=\"1\" width=\"1\" style=\"display:none\" "
            + "src=\"https://www.facebook.com/tr?id=730118842&amp;ev=PageView&amp;noscript=1\"/></noscript>",
        "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-8QX2LZ\"></script>",
        "<img src='https://bat.bing.com/action/0?ti=5512&amp;Ver=2' width=1 height=1 alt=''>",
        "<script type=\"text/javascript\" src=\"https://snap.licdn.com/li.lms-analytics/insight.min.js\" "
            + "async></script>",
    };

    private static final String[] FILLER = {
        "<article class=\"item\"><h2>焙煎コーヒー豆 200g</h2><p>深煎り、チョコレートのような後味。¥1,480</p></article>\n",
        "<p class=\"lead\">Single-origin beans, roasted weekly in small batches.</p>\n",
        "<div class=\"card\"><a href=\"/p/4711\">ドリップバッグ 10袋</a> <span>在庫あり</span></div>\n",
    };

    private Pages() {
    }

    /** The page of exactly {@code size} bytes in {@code charset} (its text is encodable in UTF-8 and Shift_JIS). */
    static byte[] bytes(int size, Charset charset) {
        return CACHE.computeIfAbsent(size + "/" + charset.name(), k -> build(size, charset).getBytes(charset));
    }

    /** The same page as text, for applications that write through {@code getWriter()}. */
    static String text(int size, Charset charset) {
        return new String(bytes(size, charset), charset);
    }

    private static String build(int size, Charset charset) {
        if (size < 200) {
            return "<!DOCTYPE html><html><body>".repeat(8).substring(0, size);
        }
        if (size < 2048) {
            throw new IllegalArgumentException("pages between 200 and 2047 bytes are not generated: " + size);
        }
        StringBuilder sb = new StringBuilder(size);
        int bytes = append(sb, HEAD.formatted(charset.name()), charset);
        int nextBoundary = BOUNDARY;
        int tracker = 0;
        int filler = 0;
        String tail = "</body>\n</html>\n";
        int stopAt = size - 400;
        while (bytes < stopAt) {
            String t = TRACKERS[tracker % TRACKERS.length];
            int straddleStart = nextBoundary - 23;
            if (bytes <= straddleStart && straddleStart + t.length() < stopAt) {
                String f = FILLER[filler % FILLER.length];
                int fb = f.getBytes(charset).length;
                if (bytes + fb <= straddleStart) {
                    bytes += append(sb, f, charset);
                    filler++;
                    continue;
                }
                bytes += append(sb, ".".repeat(straddleStart - bytes), charset);
                bytes += append(sb, t, charset);
                tracker++;
                nextBoundary += BOUNDARY;
            } else if (bytes > straddleStart) {
                nextBoundary += BOUNDARY;
            } else {
                bytes += append(sb, FILLER[filler++ % FILLER.length], charset);
            }
        }
        if (bytes < stopAt + 200) {
            bytes += append(sb, TRACKERS[0], charset);
        }
        bytes += append(sb, " ".repeat(Math.max(0, size - bytes - tail.length())), charset);
        append(sb, tail, charset);
        return sb.toString();
    }

    private static int append(StringBuilder sb, String s, Charset charset) {
        sb.append(s);
        return s.getBytes(charset).length;
    }
}
