package io.consentgate.beacon.bench;

import io.consentgate.ConsentDecision;
import io.consentgate.beacon.BeaconGate;
import io.consentgate.beacon.BeaconSettings;
import io.consentgate.catalog.TrackerCatalog;
import jakarta.servlet.http.HttpServletRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cost of {@link BeaconGate#match} for a refusing visitor, against a baseline that only reads the same request
 * fields the filter already reads for every request (servlet path, path info). Every request of a visitor who has
 * not consented pays the "ordinary page" case.
 *
 * <p>Run: {@code mvn -q -o test-compile && java -cp target/test-classes:target/classes:$(cat cp.txt)
 * io.consentgate.beacon.bench.BeaconGateBench} with {@code cp.txt} from {@code mvn -o dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BeaconGateBench {

    private final BeaconGate gate = new BeaconGate(TrackerCatalog.bundled(),
            new BeaconSettings(List.of("/analytics/*=analytics"), false, false, true));
    private final ConsentDecision refuse = ConsentDecision.refuseAll();
    private final HttpServletRequest page = request("/products/winter-jacket-42", "/products/winter-jacket-42");
    private final HttpServletRequest beacon = request("/g/collect", "/g/collect");
    private final HttpServletRequest disguised = request("/g;jsessionid=1A2B/coll%65ct/", "/g/collect");

    static HttpServletRequest request(String uri, String servletPath) {
        Map<String, Object> values = Map.of("getMethod", "POST", "getProtocol", "HTTP/1.1", "getRequestURI", uri,
                "getContextPath", "", "getServletPath", servletPath);
        return (HttpServletRequest) Proxy.newProxyInstance(BeaconGateBench.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> values.get(m.getName()));
    }

    @Benchmark
    public String baselineReadPath() {
        String sp = page.getServletPath();
        String pi = page.getPathInfo();
        return (sp == null ? "" : sp) + (pi == null ? "" : pi);
    }

    @Benchmark
    public Object ordinaryPage() {
        return gate.match(page, refuse);
    }

    @Benchmark
    public Object catalogBeacon() {
        return gate.match(beacon, refuse);
    }

    @Benchmark
    public Object disguisedBeacon() {
        return gate.match(disguised, refuse);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(BeaconGateBench.class.getSimpleName()).build()).run();
    }
}
