package io.consentgate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.consentgate.Category;
import io.consentgate.ConsentDecision;
import io.consentgate.ConsentMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class AccessLogEntryTest {

    private static ConsentDecision allowing(Category... categories) {
        Set<Category> set = categories.length == 0 ? EnumSet.noneOf(Category.class) : EnumSet.of(categories[0],
                categories);
        return ConsentDecision.of(set, Map.of(), ConsentMode.OPT_IN);
    }

    static Stream<Arguments> decisions() {
        return Stream.of(
                Arguments.of("accept all", ConsentDecision.allowAll(), true),
                Arguments.of("refuse all", ConsentDecision.refuseAll(), false),
                Arguments.of("analytics only", allowing(Category.ANALYTICS), true),
                Arguments.of("functional and marketing, not analytics",
                        allowing(Category.FUNCTIONAL, Category.MARKETING), false),
                Arguments.of("necessary only", allowing(), false));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("decisions")
    void keepsUserAgentRefererAndQueryOnlyWhenAnalyticsIsAllowed(String name, ConsentDecision decision,
            boolean kept) {
        AccessLogEntry e = AccessLogEntry.of(Entries.productPage(), decision, IpMask.defaults());
        RequestView v = Entries.productPage();
        assertEquals(kept ? v.userAgent() : null, e.userAgent());
        assertEquals(kept ? v.referer() : null, e.referer());
        assertEquals(kept ? v.queryString() : null, e.query());
        // always present, always limited
        assertEquals("203.0.113.0", e.clientIp());
        assertEquals("/shop/item/42", e.path());
        assertEquals("GET", e.method());
        assertEquals("HTTP/1.1", e.protocol());
        assertEquals(200, e.status());
        assertEquals(5120, e.bytes());
        assertEquals(12, e.durationMillis());
        assertEquals(Entries.T, e.time());
        assertNull(e.visitorId());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "/a;jsessionid=ABC123                 | /a",
        "/a;JSESSIONID=ABC123/b               | /a/b",
        "/a;v=1;jsessionid=ABC;x=2            | /a;v=1;x=2",
        "/a;jsessionid=1/b;jsessionid=2       | /a/b",
        "/plain                               | /plain",
        "/a;jsessionidx=1                     | /a;jsessionidx=1",
        "NULL                                 | NULL",
    })
    void alwaysRemovesTheSessionIdPathParameter(String uri, String expected) {
        assertEquals(expected, AccessLogEntry.withoutSessionId(uri));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "utm_source=news&gclid=Cj0KCQ&id=9        | utm_source=news&id=9",
        "fbclid=IwAR2x&ref=home                   | ref=home",
        "GCLID=a&MsClkId=b&wbraid=c&gbraid=d      | NULL",
        "%67clid=a&q=tea                          | q=tea",
        "q=gclid&gclidx=1&x_gclid=2               | q=gclid&gclidx=1&x_gclid=2",
        "gad_source=1&utm_campaign=x&_gl=1*x      | gad_source=1&utm_campaign=x",
        "ttclid&li_fat_id=1&_hsenc=p2&mc_eid=9&q= | q=",
        "a=1&&b=2                                 | a=1&&b=2",
        "NULL                                     | NULL",
    })
    void removesAdClickIdsFromTheQuery(String query, String expected) {
        assertEquals(expected, ClickIds.removed(query));
    }

    /** Each name an ad platform, affiliate network or marketing e-mail tool puts in a landing page's URL. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "gclid=Cj0KCQiA                                   | Google Ads",
        "gclsrc=aw.ds                                     | Google Ads",
        "gbraid=0AAAAAoX                                  | Google Ads, iOS",
        "wbraid=CjkKCQiA                                  | Google Ads, iOS",
        "dclid=CJf7x                                      | Display & Video 360, Campaign Manager 360",
        "_gl=1*1x2y3z*_gcl_aw*R0NMLjE3MDAwMDAwMDAuRzE.    | Google tag linker carrying _gcl_aw",
        "srsltid=AfmBOo123                                | Google Merchant Center listings",
        "fbclid=IwAR2x                                    | Meta",
        "msclkid=9f3a                                     | Microsoft Advertising",
        "ttclid=E.C.P.abc                                 | TikTok",
        "twclid=2-7x                                      | X",
        "li_fat_id=7f1c                                   | LinkedIn",
        "epik=dj0yJnU9                                    | Pinterest",
        "ScCid=8e1b                                       | Snap",
        "rdt_cid=3456                                     | Reddit",
        "yclid=123456                                     | Yandex Direct",
        "ysclid=lx1abc                                    | Yandex search",
        "tblci=GiA1                                       | Taboola",
        "OutbrainClickId=00a1                             | Outbrain",
        "dicbo=v2-abc                                     | Outbrain, earlier name",
        "s_kwcid=AL!123!3!456                             | Adobe Advertising",
        "ef_id=Cj0KCQiA:G:s                               | Adobe Advertising",
        "ko_click_id=ko_123                               | Kochava",
        "irclickid=Tq2xZ                                  | Impact",
        "cjevent=abc123                                   | CJ Affiliate",
        "awc=1234_1700000000_abcdef                       | Awin",
        "sscid=a1b2c3                                     | ShareASale",
        "mc_eid=9d8c                                      | Mailchimp",
        "_hsenc=p2ANqtz                                   | HubSpot",
        "_hsmi=2345                                       | HubSpot",
        "_kx=abcdEFGH.XyZ                                 | Klaviyo",
        "vero_id=42                                       | Vero",
        "oly_enc_id=8901A                                 | Omeda",
        "oly_anon_id=abc                                  | Omeda",
        "mkt_tok=NzEx                                     | Marketo",
        "ml_subscriber=123&ml_subscriber_hash=a1b2        | MailerLite",
        "ck_subscriber_id=123                             | Kit",
        "__s=zcraatsj                                     | Drip",
        "wickedid=abc                                     | Wicked Reports",
    })
    void removesEachKnownClickIdFromTheQuery(String clickId, String source) {
        assertEquals("ref=ok&q=tea", ClickIds.removed("ref=ok&" + clickId + "&q=tea"), source);
    }

    /** A name is compared decoded and ignoring case, however long its escapes make it. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "%6c%69%5f%66%61%74%5f%69%64=7f1c",
        "%6D%4C%5F%73%75%62%73%63%72%69%62%65%72%5F%68%61%73%68=a1",
        "%5Fgl=1*x*_gcl_aw*R0NM",
        "SRSLTID=AfmB",
        "CjEvent=abc",
        "_GL=1*x",
    })
    void removesAClickIdWhoseNameIsEncodedOrInAnotherCase(String clickId) {
        assertEquals("q=tea", ClickIds.removed(clickId + "&q=tea"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "/landing;gclid=G1                       | /landing",
        "/landing;GCLID=G1;v=2/next;_gl=1*x      | /landing;v=2/next",
        "/a;v=1;fbclid=F;w=2                     | /a;v=1;w=2",
        "/a;%67clid=G1                           | /a",
        "/a;gclid                                | /a",
        "/a;gclidx=1;x=gclid                     | /a;gclidx=1;x=gclid",
        "/a;/b;                                  | /a;/b;",
        "/plain                                  | /plain",
        "NULL                                    | NULL",
    })
    void removesClickIdPathParameters(String path, String expected) {
        assertEquals(expected, ClickIds.removedFromPath(path));
    }

    /** A path parameter naming a click id goes the way of the query parameter when marketing is refused. */
    @Test
    void aVisitorWhoRefusedMarketingKeepsThePathWithoutItsClickIdParameters() {
        RequestView v = Entries.productPage();
        RequestView landing = new RequestView(v.time(), v.clientAddress(), v.method(),
                "/landing;gclid=G1;v=2;jsessionid=S1/x;ScCid=S2", "ref=ok&_gl=1*x*_gcl_aw*R0NM", v.protocol(),
                v.status(), v.bytes(), "https://shop.example/p;msclkid=M1;v=3?srsltid=AfmB&lang=de", v.userAgent(),
                v.durationMillis());

        AccessLogEntry analyticsOnly = AccessLogEntry.of(landing, allowing(Category.ANALYTICS), IpMask.defaults());
        AccessLogEntry all = AccessLogEntry.of(landing, ConsentDecision.allowAll(), IpMask.defaults());

        assertEquals("/landing;v=2/x", analyticsOnly.path());
        assertEquals("ref=ok", analyticsOnly.query());
        assertEquals("https://shop.example/p;v=3?lang=de", analyticsOnly.referer());
        assertEquals("/landing;gclid=G1;v=2/x;ScCid=S2", all.path());
        assertEquals(landing.referer(), all.referer());
    }

    /**
     * A visitor who allowed analytics but refused marketing keeps the query and Referer in the log, without the ad
     * click ids in them: each identifies the visitor's click to an ad platform.
     */
    @Test
    void aVisitorWhoRefusedMarketingKeepsTheQueryWithoutItsClickIds() {
        RequestView v = Entries.productPage();
        RequestView landing = new RequestView(v.time(), v.clientAddress(), v.method(), v.requestUri(),
                "utm_source=ads&gclid=Cj0KCQiA&msclkid=9f3", v.protocol(), v.status(), v.bytes(),
                "https://shop.example/landing?fbclid=IwAR2&lang=de#top", v.userAgent(), v.durationMillis());

        AccessLogEntry analyticsOnly = AccessLogEntry.of(landing, allowing(Category.ANALYTICS), IpMask.defaults());
        AccessLogEntry all = AccessLogEntry.of(landing, ConsentDecision.allowAll(), IpMask.defaults());

        assertEquals("utm_source=ads", analyticsOnly.query());
        assertEquals("https://shop.example/landing?lang=de#top", analyticsOnly.referer());
        assertEquals(landing.queryString(), all.query());
        assertEquals(landing.referer(), all.referer());
        assertEquals("https://shop.example/", ClickIds.removedFromUrl("https://shop.example/?gclid=x"));
        assertEquals("https://shop.example/p", ClickIds.removedFromUrl("https://shop.example/p"));
    }

    @Test
    void computesTheVisitorIdOnlyWhenAnalyticsIsAllowed() {
        // The id is derived from the User-Agent and links a day's requests: a refusal of analytics leaves it out.
        VisitorHash hash = new VisitorHash(Clock.fixed(Entries.T, ZoneOffset.UTC), new SecureRandom());
        AccessLogEntry allowed = AccessLogEntry.of(Entries.productPage(), ConsentDecision.allowAll(),
                IpMask.defaults(), hash);
        AccessLogEntry refused = AccessLogEntry.of(Entries.productPage(), ConsentDecision.refuseAll(),
                IpMask.defaults(), hash);
        AccessLogEntry marketingOnly = AccessLogEntry.of(Entries.productPage(), allowing(Category.MARKETING),
                IpMask.defaults(), hash);
        assertNotNull(allowed.visitorId());
        assertNull(refused.visitorId());
        assertNull(marketingOnly.visitorId());
        assertNull(refused.userAgent());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "/s;gclid=PPMARK/x;email=a@b.example  | /s/x",
        "/a;v=1;jsessionid=ABC;x=2            | /a",
        "/a;/b;                               | /a/b",
        "/plain                               | /plain",
        "NULL                                 | NULL",
    })
    void dropsEveryPathParameterWhenAnalyticsIsRefused(String uri, String expected) {
        assertEquals(expected, AccessLogEntry.withoutPathParameters(uri));
    }

    @Test
    void aRefusingVisitorsPathParametersNeverReachTheEntry() {
        RequestView v = Entries.productPage();
        RequestView withParameters = new RequestView(v.time(), v.clientAddress(), v.method(),
                "/s;gclid=PPMARK/x;email=a@b.example", v.queryString(), v.protocol(), v.status(), v.bytes(),
                v.referer(), v.userAgent(), v.durationMillis());
        assertEquals("/s/x", AccessLogEntry.of(withParameters, ConsentDecision.refuseAll(), IpMask.defaults()).path());
        assertEquals("/s;gclid=PPMARK/x;email=a@b.example",
                AccessLogEntry.of(withParameters, ConsentDecision.allowAll(), IpMask.defaults()).path());
    }

    @Test
    void treatsAMissingDecisionAsARefusal() {
        AccessLogEntry e = AccessLogEntry.of(Entries.productPage(), null, IpMask.defaults());
        assertNull(e.userAgent());
        assertNull(e.referer());
        assertNull(e.query());
    }

    @Test
    void masksTheClientAddressWithTheGivenMask() {
        assertEquals("203.0.0.0", AccessLogEntry.of(Entries.productPage(), ConsentDecision.allowAll(),
                IpMask.bytes(2)).clientIp());
    }
}
