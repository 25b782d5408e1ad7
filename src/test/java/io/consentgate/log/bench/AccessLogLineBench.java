package io.consentgate.log.bench;

import io.consentgate.ConsentDecision;
import io.consentgate.log.AccessLogEntry;
import io.consentgate.log.AccessLogFormat;
import io.consentgate.log.AccessLogLine;
import io.consentgate.log.IpMask;
import io.consentgate.log.RequestView;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one access log line, from the raw request view to the finished text, against a baseline that concatenates
 * the same raw fields without masking, limiting or escaping (what a naive logger does).
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main AccessLogLineBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AccessLogLineBench {

    private final RequestView view = new RequestView(Instant.parse("2026-11-28T23:40:05Z"), "2001:db8:abcd:12::1",
            "GET", "/shop/item/42", "utm_source=news&id=9", "HTTP/1.1", 200, 5120,
            "https://news.example.org/article?id=3",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"
                    + " Safari/537.36",
            12);
    private final IpMask mask = IpMask.defaults();
    private final AccessLogLine combined = AccessLogLine.compile(AccessLogFormat.COMBINED);
    private final AccessLogLine json = AccessLogLine.compile(AccessLogFormat.JSON);

    @Benchmark
    public String baselineRawConcat() {
        RequestView v = view;
        return v.clientAddress() + " - - [" + v.time() + "] \"" + v.method() + " " + v.requestUri() + "?"
                + v.queryString() + " " + v.protocol() + "\" " + v.status() + " " + v.bytes() + " \"" + v.referer()
                + "\" \"" + v.userAgent() + "\"";
    }

    @Benchmark
    public String combinedAllowed() {
        return combined.format(AccessLogEntry.of(view, ConsentDecision.allowAll(), mask));
    }

    @Benchmark
    public String combinedRefused() {
        return combined.format(AccessLogEntry.of(view, ConsentDecision.refuseAll(), mask));
    }

    @Benchmark
    public String jsonAllowed() {
        return json.format(AccessLogEntry.of(view, ConsentDecision.allowAll(), mask));
    }

    @Benchmark
    public String maskIpv6() {
        return mask.mask(view.clientAddress());
    }
}
