package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ElementNamesTest {

    /** The tokenizer's name buffer: longer than any name, with stale bytes after the current one. */
    private static byte[] buffer(String name, char filler) {
        byte[] b = new byte[Tokenizer.NAME_MAX];
        Arrays.fill(b, (byte) filler);
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(n, 0, b, 0, n.length);
        return b;
    }

    @Test
    void findsEveryKnownNameWhateverFollowsItInTheBuffer() {
        for (int id = 1; id <= ElementNames.OBJECT; id++) {
            String name = ElementNames.name(id);
            if (name.isEmpty()) {
                continue;
            }
            for (char filler : new char[] {'x', 't', '\0'}) {
                assertEquals(id, ElementNames.lookup(buffer(name, filler), name.length()), name);
            }
            byte[] exact = name.getBytes(StandardCharsets.ISO_8859_1);
            if (exact.length <= 8) {
                long key = 0;
                for (int i = exact.length - 1; i >= 0; i--) {
                    key = key << 8 | exact[i];
                }
                assertEquals(id, ElementNames.lookup(buffer(name, 'x'), exact.length, key), name + " by its key");
            }
            assertEquals(id, ElementNames.lookup(exact, exact.length), name + " in an array of its own length");
        }
    }

    @Test
    void rejectsPrefixesExtensionsAndNulPaddedNames() {
        for (String other : new String[] {"section", "article", "button", "nav", "scrip", "scripts", "imgs", "im", "noscrip",
            "noscripts", "plaintex", "plaintexts", "a\0", "img\0", "\0", "x-script", "foreignobjec", "ab"}) {
            byte[] b = buffer(other, '\0');
            assertEquals(ElementNames.OTHER, ElementNames.lookup(b, other.length()), other);
        }
    }
}
