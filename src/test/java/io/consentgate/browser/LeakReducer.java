package io.consentgate.browser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Delta debugging (ddmin) of a page whose rewritten output makes Chromium request a refused tracker: removes chunks
 * of bytes while the output of what is left still leaks. The candidates of one round are screened together in one
 * page load ({@link LeakOracle#screen}); the result is confirmed on its own.
 */
final class LeakReducer {

    private static final int BATCH = 24;

    private final LeakOracle oracle;

    LeakReducer(LeakOracle oracle) {
        this.oracle = oracle;
    }

    /** The smallest page found whose output still leaks; {@code input} itself when nothing smaller does. */
    byte[] reduce(byte[] input) {
        byte[] current = input;
        int n = 2;
        while (current.length >= 2) {
            List<byte[]> candidates = complements(current, n);
            byte[] smaller = firstLeaking(candidates);
            if (smaller != null) {
                current = smaller;
                n = Math.max(n - 1, 2);
            } else if (n >= current.length) {
                break;
            } else {
                n = Math.min(current.length, n * 2);
            }
        }
        return current;
    }

    private static List<byte[]> complements(byte[] b, int n) {
        List<byte[]> out = new ArrayList<>();
        int chunk = (b.length + n - 1) / n;
        for (int start = 0; start < b.length; start += chunk) {
            int end = Math.min(b.length, start + chunk);
            byte[] c = new byte[b.length - (end - start)];
            System.arraycopy(b, 0, c, 0, start);
            System.arraycopy(b, end, c, start, b.length - end);
            out.add(c);
        }
        return out;
    }

    private byte[] firstLeaking(List<byte[]> candidates) {
        for (int from = 0; from < candidates.size(); from += BATCH) {
            List<byte[]> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
            List<byte[]> outputs = batch.stream().map(LeakOracle::rewrite).toList();
            Map<Integer, List<String>> leaks = oracle.screen(outputs);
            for (Map.Entry<Integer, List<String>> e : leaks.entrySet()) {
                if (e.getKey() != LeakOracle.UNATTRIBUTED) {
                    byte[] c = batch.get(e.getKey());
                    if (!oracle.refusedRequests(LeakOracle.rewrite(c)).isEmpty()) {
                        return Arrays.copyOf(c, c.length);
                    }
                }
            }
        }
        return null;
    }
}
