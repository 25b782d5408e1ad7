package io.consentgate.signal.bench;

import io.consentgate.Category;
import io.consentgate.signal.ConsentCookie;
import io.consentgate.signal.HeaderSource;
import io.consentgate.signal.SignalReader;
import io.consentgate.signal.SignalSettings;
import io.consentgate.signal.Signals;
import io.consentgate.signal.StoredConsent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Cost of {@link SignalReader#read} per request, against a request without any signal header (baseline).
 * Run after {@code mvn -o test-compile}, with the test classpath:
 * {@code java -cp target/classes:target/test-classes:<jmh-core, jopt-simple, commons-math3, jackson, servlet-api jars>
 * org.openjdk.jmh.Main SignalReaderBenchmark -f 1 -wi 5 -i 5}. Compare each score with {@code baselineNoHeaders}
 * of the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SignalReaderBenchmark {

    private static final String OTHER_COOKIES = "_ga=GA1.1.1234567890.1767225600; _gid=GA1.1.987654321.1767225600; "
            + "JSESSIONID=node0abcdefghijklmnop123456.node0; theme=dark; lang=de-DE; "
            + "_fbp=fb.1.1767225600000.1234567890";

    private SignalReader unsigned;
    private SignalReader signed;
    private SignalReader cmps;
    private HeaderSource empty;
    private HeaderSource typical;
    private HeaderSource typicalSigned;
    private HeaderSource oneTrust;

    @Setup
    public void setUp() {
        byte[] secret = "benchmark-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        Clock clock = Clock.systemUTC();
        StoredConsent consent = new StoredConsent(Set.of(Category.ANALYTICS, Category.FUNCTIONAL), 1, Instant.now(),
                ConsentCookie.newConsentId(), "consentgate");
        unsigned = new SignalReader(SignalSettings.defaults(), clock);
        signed = new SignalReader(SignalSettings.defaults().withHmacSecret(secret), clock);
        cmps = new SignalReader(SignalSettings.defaults().withHonouredCmps(SignalSettings.KNOWN_CMPS), clock);
        empty = headers(Map.of());
        typical = headers(Map.of("Sec-GPC", "1", "DNT", "1",
                "Cookie", OTHER_COOKIES + "; cg_consent=" + ConsentCookie.encode(consent, null)));
        typicalSigned = headers(Map.of("Sec-GPC", "1", "DNT", "1",
                "Cookie", OTHER_COOKIES + "; cg_consent=" + ConsentCookie.encode(consent, secret)));
        oneTrust = headers(Map.of("Cookie", OTHER_COOKIES + "; OptanonConsent=isGpcEnabled=0&datestamp=Wed+Jan+14"
                + "+2026&version=202409.1.0&interactionCount=1&groups=C0001%3A1%2CC0002%3A1%2CC0003%3A0%2CC0004%3A0"
                + "&AwaitingReconsent=false"));
    }

    private static HeaderSource headers(Map<String, String> map) {
        Map<String, List<String>> lower = new java.util.HashMap<>();
        map.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), List.of(v)));
        return name -> lower.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    @Benchmark
    public Signals baselineNoHeaders() {
        return unsigned.read(empty);
    }

    @Benchmark
    public Signals unsignedConsentCookie() {
        return unsigned.read(typical);
    }

    @Benchmark
    public Signals signedConsentCookie() {
        return signed.read(typicalSigned);
    }

    @Benchmark
    public Signals oneTrustFallback() {
        return cmps.read(oneTrust);
    }
}
