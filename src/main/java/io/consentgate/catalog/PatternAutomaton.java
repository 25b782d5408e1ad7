package io.consentgate.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Aho-Corasick construction over byte classes: a trie of the patterns, failure links, then a complete
 * (dense) transition table so the scan does one table load per input byte.
 */
final class PatternAutomaton {
    private final int nc;
    private final List<int[]> next = new ArrayList<>();
    private final List<List<Integer>> own = new ArrayList<>();
    private int[] delta;
    private int[][] out;

    PatternAutomaton(int nc) {
        this.nc = nc;
        node();
    }

    private int node() {
        next.add(new int[nc]);
        own.add(new ArrayList<>());
        return next.size() - 1;
    }

    void add(byte[] bytes, int[] classOf, int pattern) {
        int n = 0;
        for (byte b : bytes) {
            int c = classOf[b & 0xff];
            int child = next.get(n)[c];
            if (child == 0) {
                child = node();
                next.get(n)[c] = child;
            }
            n = child;
        }
        own.get(n).add(pattern);
    }

    /** Transitions: {@code node * classes}, bit-inverted when the target node has outputs. Valid after link. */
    int[] delta() {
        return delta;
    }

    /** Pattern indexes ending at each node, including those reached through failure links. */
    int[][] outputs() {
        return out;
    }

    /** Computes failure links (breadth first) and the complete transition table. */
    void link() {
        int size = next.size();
        int[] fail = new int[size];
        out = new int[size][];
        out[0] = new int[0];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int[] root = next.get(0);
        for (int c = 0; c < nc; c++) {
            if (root[c] != 0) {
                queue.add(root[c]);
            }
        }
        List<Integer> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            int n = queue.poll();
            order.add(n);
            int[] row = next.get(n);
            for (int c = 0; c < nc; c++) {
                int child = row[c];
                if (child != 0) {
                    fail[child] = next.get(fail[n])[c];
                    queue.add(child);
                } else {
                    row[c] = next.get(fail[n])[c];
                }
            }
        }
        for (int n : order) {
            List<Integer> o = new ArrayList<>(own.get(n));
            for (int p : out[fail[n]]) {
                o.add(p);
            }
            out[n] = o.stream().mapToInt(Integer::intValue).toArray();
        }
        delta = new int[size * nc];
        for (int n = 0; n < size; n++) {
            int[] row = next.get(n);
            for (int c = 0; c < nc; c++) {
                int t = row[c];
                delta[n * nc + c] = out[t].length > 0 ? ~(t * nc) : t * nc;
            }
        }
    }
}
