package io.consentgate.catalog.bench;

import io.consentgate.catalog.TrackerCatalog;
import io.consentgate.catalog.TrackerMatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Catalog matching cost. Baselines in the same run: {@code baselineByteLoop} (the cheapest possible pass over the
 * same script bytes, counting one byte value) and {@code baselineUrlIndexOf} (one {@code indexOf} over the URL).
 *
 * <p>Run: {@code mvn -o -q test-compile && java -cp target/test-classes:target/classes:$CP
 * org.openjdk.jmh.Main CatalogBench -f 1 -wi 3 -i 5 -w 1 -r 1 -prof gc}, where {@code $CP} lists the jmh-core,
 * jopt-simple, commons-math3, jackson-core/databind/annotations and slf4j-api jars from the local Maven repository
 * (or {@code mvn dependency:build-classpath -Dmdep.includeScope=test} when the plugin is available).
 *
 * <p>One run on the shared 2-core machine (load average 12-16, so errors are wide): scriptJson200k 271 us vs
 * baselineByteLoop 132 us (2.1x, about 740 MB/s); urlFirstParty 154 ns vs baselineUrlIndexOf 9.5 ns; urlRelative
 * 92 ns; cookieMiss 6 ns; cookieHit 171 ns; 0 B/op for every URL and cookie case and for a script miss, 144 B/op
 * for a GTM loader hit (its result list).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CatalogBench {

    private TrackerCatalog catalog;
    private byte[] json;
    private byte[] gtm;
    private String firstPartyUrl;
    private String trackerUrl;
    private String relativeUrl;
    private String base;

    @Setup
    public void setup() {
        catalog = TrackerCatalog.bundled();
        StringBuilder sb = new StringBuilder("{\"items\":[");
        for (int i = 0; sb.length() < 200_000; i++) {
            sb.append("{\"id\":").append(i).append(",\"name\":\"Product ").append(i)
                    .append(" with a longer description of its features\",\"url\":\"https:\\/\\/shop.example\\/p\\/")
                    .append(i).append("\",\"price\":").append(i * 3 % 97).append(".99},");
        }
        sb.append("{}]}");
        json = sb.toString().getBytes(StandardCharsets.UTF_8);
        gtm = ("(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});"
                + "var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;"
                + "j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);"
                + "})(window,document,'script','dataLayer','GTM-ABC123');").getBytes(StandardCharsets.UTF_8);
        firstPartyUrl = "https://cdn.shop.example/assets/img/products/12345-large.webp";
        trackerUrl = "https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ";
        relativeUrl = "/assets/img/products/12345-large.webp";
        base = "https://shop.example/catalog/";
    }

    @Benchmark
    public List<TrackerMatch> scriptJson200k() {
        return catalog.matchScript(json, 0, json.length);
    }

    @Benchmark
    public int baselineByteLoop() {
        int n = 0;
        byte[] b = json;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '"') {
                n++;
            }
        }
        return n;
    }

    @Benchmark
    public List<TrackerMatch> scriptGtmLoader() {
        return catalog.matchScript(gtm, 0, gtm.length);
    }

    @Benchmark
    public TrackerMatch urlFirstParty() {
        return catalog.matchUrl(firstPartyUrl, base);
    }

    @Benchmark
    public TrackerMatch urlTrackerWithTagId() {
        return catalog.matchUrl(trackerUrl, base);
    }

    @Benchmark
    public TrackerMatch urlRelative() {
        return catalog.matchUrl(relativeUrl, base);
    }

    @Benchmark
    public int baselineUrlIndexOf() {
        return firstPartyUrl.indexOf("://");
    }

    @Benchmark
    public TrackerMatch cookieHit() {
        return catalog.matchCookie("_ga_ABC123", null);
    }

    @Benchmark
    public TrackerMatch cookieMiss() {
        return catalog.matchCookie("JSESSIONID", null);
    }
}
