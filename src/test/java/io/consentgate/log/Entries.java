package io.consentgate.log;

import io.consentgate.ConsentDecision;
import java.time.Instant;

/** Test fixtures: typical requests as a browser behind a site would send them. */
final class Entries {

    static final Instant T = Instant.parse("2026-11-28T23:40:05.123Z");

    private Entries() {
    }

    static RequestView productPage() {
        return new RequestView(T, "203.0.113.77", "GET", "/shop/item/42;jsessionid=7A1F9C0D2B", "utm_source=news&id=9",
                "HTTP/1.1", 200, 5120, "https://news.example.org/article?id=3",
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", 12);
    }

    static AccessLogEntry entry(String method, String path, String query, String referer, String userAgent) {
        return new AccessLogEntry(T, "203.0.113.0", method, path, query, "HTTP/1.1", 200, 512, referer, userAgent,
                3, null);
    }

    static AccessLogEntry allowed() {
        return AccessLogEntry.of(productPage(), ConsentDecision.allowAll(), IpMask.defaults());
    }

    static AccessLogEntry refused() {
        return AccessLogEntry.of(productPage(), ConsentDecision.refuseAll(), IpMask.defaults());
    }
}
