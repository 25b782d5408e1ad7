package io.consentgate.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link ScriptText.Lines} remembers where lines start from one hit to the next: whatever the order the hits ask in
 * (four lanes of a scan interleave), it answers what reading back from each hit to its line's start answers.
 */
class ScriptTextLinesTest {

    @Property(tries = 300)
    void answersAsALookBackToTheLinesStartWouldInAnyOrder(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5) int off) {
        java.util.Random r = new java.util.Random(seed);
        String[] pieces = {"a", "bb ", "\n", "\r\n", "\u2028", "\u2029", "//", " ", "xyz"};
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = r.nextInt(400); i < n; i++) {
            text.append(pieces[r.nextInt(pieces.length)]);
        }
        byte[] buf = text.toString().getBytes(StandardCharsets.UTF_8);
        if (buf.length <= off) {
            return;
        }
        ScriptText.Lines lines = new ScriptText.Lines();
        int lanes = 1 + r.nextInt(4);
        int span = (buf.length - off) / lanes + 1;
        int[] next = new int[lanes];
        for (int step = 0; step < 4 * buf.length; step++) {
            int lane = r.nextInt(lanes);
            int p = Math.min(buf.length - 1, off + lane * span + next[lane]);
            next[lane] += r.nextInt(7);
            assertEquals(lookBack(buf, off, p), lines.startOf(buf, off, p), "position " + p + " of " + text);
        }
    }

    private static int lookBack(byte[] buf, int off, int p) {
        int k = p - 1;
        while (k >= off && buf[k] != '\n' && buf[k] != '\r'
            && !((buf[k] == (byte) 0xA8 || buf[k] == (byte) 0xA9) && k - 2 >= off && buf[k - 1] == (byte) 0x80
            && buf[k - 2] == (byte) 0xE2)) {
            k--;
        }
        return k + 1;
    }
}
