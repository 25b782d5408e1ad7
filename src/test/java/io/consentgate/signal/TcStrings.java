package io.consentgate.signal;

import java.util.Base64;
import java.util.BitSet;

/** Builds IAB TCF v2 core segments bit by bit, for tests (written from the field layout, not from vendor code). */
final class TcStrings {

    private final BitSet bits = new BitSet();
    private int length;

    private TcStrings() {
    }

    private TcStrings put(long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            if (((value >>> i) & 1) == 1) {
                bits.set(length);
            }
            length++;
        }
        return this;
    }

    /** A core segment with the given version, last-updated time and consented purposes (1-based). */
    static String core(int version, long updatedDeciseconds, int... purposes) {
        long purposeBits = 0;
        for (int p : purposes) {
            purposeBits |= 1L << (24 - p);
        }
        TcStrings t = new TcStrings()
                .put(version, 6)
                .put(updatedDeciseconds - 3000, 36)       // Created
                .put(updatedDeciseconds, 36)              // LastUpdated
                .put(300, 12)                             // CmpId
                .put(2, 12)                               // CmpVersion
                .put(1, 6)                                // ConsentScreen
                .put(('E' - 'A') << 6 | ('N' - 'A'), 12)  // ConsentLanguage
                .put(88, 12)                              // VendorListVersion
                .put(4, 6)                                // TcfPolicyVersion (TCF 2.2)
                .put(1, 1)                                // IsServiceSpecific
                .put(0, 1)                                // UseNonStandardTexts
                .put(0, 12)                               // SpecialFeatureOptIns
                .put(purposeBits, 24)                     // PurposesConsent
                .put(0, 24)                               // PurposesLITransparency
                .put(0, 1)                                // PurposeOneTreatment
                .put(('D' - 'A') << 6 | ('E' - 'A'), 12)  // PublisherCC
                .put(755, 16).put(0, 1);                  // MaxVendorId, IsRangeEncoding=0
        for (int v = 1; v <= 755; v++) {
            t.put(v % 7 == 0 ? 1 : 0, 1);
        }
        byte[] bytes = new byte[(t.length + 7) / 8];
        for (int i = 0; i < t.length; i++) {
            if (t.bits.get(i)) {
                bytes[i >>> 3] |= (byte) (0x80 >>> (i & 7));
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
