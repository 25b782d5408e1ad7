package io.consentgate.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The URLs an {@code <amp-ad>}'s or {@code <amp-embed>}'s real-time config ({@code rtc-config}) makes the AMP runtime
 * call before its ad request: the publisher's {@code "urls"} (strings, or objects with a {@code "url"} and an
 * {@code "errorReportingUrl"}), and for each key of {@code "vendors"} (ASCII case ignored, as the runtime looks it up)
 * the endpoint AMP's built-in vendor list gives that vendor. Macros in them ({@code PUB_ID}, {@code CANONICAL_URL})
 * stay as written: only host and path decide. A configuration the runtime could not read (not a JSON object) calls
 * nothing. Loaded only when a page has an {@code rtc-config}.
 */
final class AmpRtcConfig {

    /**
     * AMP's built-in RTC vendors and the endpoint (scheme, host and path, without the query template) each one's
     * callout goes to, from AMP's vendor list ({@code src/service/real-time-config/callout-vendors.js} in
     * ampproject/amphtml). The catalog decides what each host is; an unknown vendor name calls nothing.
     */
    private static final Map<String, String> VENDORS = Map.ofEntries(
        Map.entry("adpushup", "https://amp.adpushup.com/prebidserver/openrtb2/amp"),
        Map.entry("admax", "https://prebid.admaxmedia.io/openrtb2/amp"),
        Map.entry("andbeyond", "https://prebid.andbeyond.media/amp.php"),
        Map.entry("aps", "https://aax.amazon-adsystem.com/e/dtb/bid"),
        Map.entry("automatad", "https://pbs01.automatad.com/openrtb2/amp"),
        Map.entry("browsi", "https://amp.browsiprod.com/predict"),
        Map.entry("criteo", "https://bidder.criteo.com/amp/rtc"),
        Map.entry("freestar", "https://prebid-amp.pub.network/openrtb2/amp"),
        Map.entry("future", "https://ads.servebom.com/amp"),
        Map.entry("glxm", "https://pbserver.galaxiemedia.fr/openrtb2/amp"),
        Map.entry("highfivve", "https://prebid-server.h5v.eu/openrtb2/amp"),
        Map.entry("hubvisor", "https://pbs.hubvisor.io/openrtb2/amp"),
        Map.entry("indexexchange", "https://amp.casalemedia.com/amprtc"),
        Map.entry("kargo", "https://krk.kargo.com/api/v1/amprtc"),
        Map.entry("lotame", "https://ad.crwdcntrl.net/5/"),
        Map.entry("medianet", "https://amprtc.media.net/rtb/getrtc"),
        Map.entry("navegg", "https://usr.navdmp.com/usr"),
        Map.entry("newspassid", "https://bidder.newspassid.com/openrtb2/amp"),
        Map.entry("nexx360", "https://pbs.nexx360.io/openrtb2/amp"),
        Map.entry("openwrap", "https://ow.pubmatic.com/amp"),
        Map.entry("ozone", "https://elb.the-ozone-project.com/openrtb2/amp"),
        Map.entry("prebidappnexus", "https://prebid.adnxs.com/pbs/v1/openrtb2/amp"),
        Map.entry("prebidappnexuspsp", "https://ib.adnxs.com/prebid/amp"),
        Map.entry("prebidflux", "https://prebid-server.flux-adserver.com/openrtb2/amp"),
        Map.entry("prebidopenx", "https://prebid.openx.net/openrtb2/amp"),
        Map.entry("prebidrubicon", "https://prebid-server.rubiconproject.com/openrtb2/amp"),
        Map.entry("purch", "https://ads.servebom.com/tmntag.js"),
        Map.entry("salesforcedmp", "https://cdn.krxd.net/userdata/v2/amp/"),
        Map.entry("sonobi", "https://apex.go.sonobi.com/trinity.json"),
        Map.entry("t13", "https://s2s.t13.io/openrtb2/amp"),
        Map.entry("yieldbot", "https://i.yldbt.com/m/"),
        Map.entry("yieldlab", "https://ad.yieldlab.net/yp/"));

    /** Strict as the browser's {@code JSON.parse}: trailing text makes the configuration unreadable. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private AmpRtcConfig() {
    }

    /** The URLs {@code config} (the attribute's value, character references decoded) makes the runtime call. */
    static List<String> calloutUrls(String config) {
        JsonNode root;
        try {
            root = JSON.readTree(config);
        } catch (JsonProcessingException e) {
            return List.of();
        }
        if (root == null || !root.isObject()) {
            return List.of();
        }
        List<String> urls = new ArrayList<>(4);
        JsonNode publisher = root.get("urls");
        if (publisher != null && publisher.isArray()) {
            for (JsonNode u : publisher) {
                if (u.isTextual()) {
                    urls.add(u.asText());
                } else if (u.isObject()) {
                    addText(urls, u.get("url"));
                    addText(urls, u.get("errorReportingUrl"));
                }
            }
        }
        JsonNode vendors = root.get("vendors");
        if (vendors != null && vendors.isObject()) {
            for (Iterator<String> names = vendors.fieldNames(); names.hasNext(); ) {
                String url = VENDORS.get(names.next().toLowerCase(Locale.ROOT));
                if (url != null) {
                    urls.add(url);
                }
            }
        }
        return urls;
    }

    private static void addText(List<String> urls, JsonNode n) {
        if (n != null && n.isTextual()) {
            urls.add(n.asText());
        }
    }
}
