package io.consentgate.html;

/**
 * End tags of a {@code <noscript>} that only a browser running scripts sees. Such a browser reads a
 * {@code <noscript>}'s content as text up to the first {@code </noscript} (the raw-text reading); the rewriter reads
 * it as markup, as a browser without scripting does, and there a {@code </noscript} inside a comment, an attribute
 * value or a raw-text element is not an end tag. Markup after such a hidden end tag runs for a visitor with
 * scripting and is invisible to the markup reading: {@code <noscript><!--</noscript><img src=pixel>--></noscript>}.
 *
 * <p>Writing the {@code <} of each such {@code </noscript} as {@code &lt;} makes both readings agree: the raw-text
 * reading goes on to the end tag the markup reading found, and in an attribute value or in RCDATA the reference
 * reads as the {@code <} it replaces.
 */
final class NoscriptEndTags {

    private static final byte[] NAME = {'/', 'n', 'o', 's', 'c', 'r', 'i', 'p', 't'};
    private static final byte[] LT = {'&', 'l', 't', ';'};

    private NoscriptEndTags() {
    }

    /**
     * The content {@code b[from..to)} with the {@code <} of every {@code </noscript} (any case) written as
     * {@code &lt;}, but for the end tags of nested {@code <noscript>} elements that the markup reading found at the
     * ascending positions {@code ends[0..endCount)}; null when there is nothing to write.
     */
    static byte[] hide(byte[] b, int from, int to, int[] ends, int endCount) {
        int n = count(b, from, to) - endCount;
        if (n == 0) {
            return null;
        }
        byte[] out = new byte[to - from + n * (LT.length - 1)];
        int o = 0;
        int p = from;
        int e = 0;
        while (p < to) {
            int lt = ByteScan.indexOf(b, p, to, '<');
            System.arraycopy(b, p, out, o, lt - p);
            o += lt - p;
            if (lt == to) {
                break;
            }
            while (e < endCount && ends[e] < lt) {
                e++;
            }
            if (e < endCount && ends[e] == lt) {
                out[o++] = '<'; // an end tag for both readings
            } else if (endTagAt(b, lt, to)) {
                System.arraycopy(LT, 0, out, o, LT.length);
                o += LT.length;
            } else {
                out[o++] = '<';
            }
            p = lt + 1;
        }
        return out;
    }

    private static int count(byte[] b, int from, int to) {
        int n = 0;
        for (int p = ByteScan.indexOf(b, from, to, '<'); p < to; p = ByteScan.indexOf(b, p + 1, to, '<')) {
            if (endTagAt(b, p, to)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether {@code b[p]} starts {@code </noscript} (any case) followed by white space, {@code /} or {@code >}: an
     * end tag for the raw-text reading. ({@code </noscript<x>} is not one, for either reading.)
     */
    static boolean endTagAt(byte[] b, int p, int to) {
        int next = p + 1 + NAME.length;
        if (next >= to || !ByteScan.isWs(b[next]) && b[next] != '/' && b[next] != '>') {
            return false;
        }
        for (int k = 0; k < NAME.length; k++) {
            int c = b[p + 1 + k];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != NAME[k]) {
                return false;
            }
        }
        return true;
    }
}
