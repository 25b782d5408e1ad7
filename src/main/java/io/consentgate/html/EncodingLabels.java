package io.consentgate.html;

import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Encoding labels resolved the way browsers resolve them (the label table of the WHATWG Encoding Standard), not the
 * way the JDK's {@code Charset.forName} does. The two disagree in both directions, and a page must be read as the
 * browser will read it:
 * <ul>
 *   <li>labels only browsers know ({@code unicodefffe}, {@code iso-8859-8-i}, {@code x-user-defined},
 *       {@code x-mac-ukrainian}, ...) name an encoding here instead of being ignored;</li>
 *   <li>labels only the JDK knows ({@code utf-32}, {@code ibm037}, {@code cesu-8}, ...) are unknown here, as in a
 *       browser, which then falls back to the byte order mark, the {@code <meta>} prescan or its default;</li>
 *   <li>where both know a label, the browser's encoding wins ({@code iso-8859-1}, {@code ascii} and {@code latin1}
 *       mean windows-1252; {@code shift_jis} means windows-31j; {@code euc-kr} means windows-949).</li>
 * </ul>
 * Three results are stand-ins rather than JDK charsets: {@link #UTF_7} (not a browser encoding, but one the project
 * detects so that it is never read as ASCII), {@link #REPLACEMENT} (the Encoding Standard's decoder for ISO-2022-KR,
 * ISO-2022-CN and HZ labels: a browser shows a single U+FFFD for the whole body) and ISO-8859-1 for the two
 * single-byte encodings the JDK lacks (ISO-8859-10 and -14), which read markup exactly like their real tables.
 * Stateless and thread-safe.
 */
public final class EncodingLabels {

    /** Stand-in for UTF-7, which neither browsers nor the JDK decode; it can neither decode nor encode. */
    public static final Charset UTF_7 = new Marker("X-ConsentGate-UTF-7");

    /** Stand-in for the Encoding Standard's "replacement" encoding: browsers render none of such a body. */
    public static final Charset REPLACEMENT = new Marker("X-ConsentGate-replacement");

    /** Lower-case label to the JDK name of its encoding (or a stand-in's name). */
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        names("UTF-8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8");
        names("IBM866", "866", "cp866", "csibm866", "ibm866");
        names("ISO-8859-2", "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2",
            "iso_8859-2:1987", "l2", "latin2");
        names("ISO-8859-3", "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3",
            "iso_8859-3:1988", "l3", "latin3");
        names("ISO-8859-4", "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4",
            "iso_8859-4:1988", "l4", "latin4");
        names("ISO-8859-5", "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595",
            "iso_8859-5", "iso_8859-5:1988");
        names("ISO-8859-6", "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114",
            "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6",
            "iso_8859-6:1987");
        names("ISO-8859-7", "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126",
            "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek");
        // ISO-8859-8-I differs from ISO-8859-8 only in text direction, not in bytes.
        names("ISO-8859-8", "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138",
            "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual", "csiso88598i", "iso-8859-8-i",
            "logical");
        names("ISO-8859-1", "csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6",
            "iso-8859-14", "iso8859-14", "iso885914");
        names("ISO-8859-13", "iso-8859-13", "iso8859-13", "iso885913");
        names("ISO-8859-15", "csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9");
        names("ISO-8859-16", "iso-8859-16");
        names("KOI8-R", "cskoi8r", "koi", "koi8", "koi8-r", "koi8_r");
        names("KOI8-U", "koi8-ru", "koi8-u");
        names("x-MacRoman", "csmacintosh", "mac", "macintosh", "x-mac-roman");
        names("x-windows-874", "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874");
        names("windows-1250", "cp1250", "windows-1250", "x-cp1250");
        names("windows-1251", "cp1251", "windows-1251", "x-cp1251");
        names("windows-1252", "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
            "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii",
            "windows-1252", "x-cp1252", "x-user-defined");
        names("windows-1253", "cp1253", "windows-1253", "x-cp1253");
        names("windows-1254", "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599",
            "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254");
        names("windows-1255", "cp1255", "windows-1255", "x-cp1255");
        names("windows-1256", "cp1256", "windows-1256", "x-cp1256");
        names("windows-1257", "cp1257", "windows-1257", "x-cp1257");
        names("windows-1258", "cp1258", "windows-1258", "x-cp1258");
        names("x-MacCyrillic", "x-mac-cyrillic", "x-mac-ukrainian");
        names("GBK", "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58",
            "x-gbk");
        names("GB18030", "gb18030");
        names("Big5-HKSCS", "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5");
        names("EUC-JP", "cseucpkdfmtjapanese", "euc-jp", "x-euc-jp");
        names("ISO-2022-JP", "csiso2022jp", "iso-2022-jp");
        names("windows-31j", "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j",
            "x-sjis");
        names("x-windows-949", "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
            "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949");
        names(REPLACEMENT.name(), "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr",
            "replacement");
        names("UTF-16BE", "unicodefffe", "utf-16be");
        names("UTF-16LE", "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le");
        names(UTF_7.name(), "utf-7", "unicode-1-1-utf-7", "csunicode11utf7", "x-utf-7");
    }

    private EncodingLabels() {
    }

    /** Every label in the table, for tests. */
    static java.util.Set<String> labels() {
        return java.util.Collections.unmodifiableSet(NAMES.keySet());
    }

    private static void names(String encoding, String... labels) {
        for (String label : labels) {
            NAMES.put(label, encoding);
        }
    }

    /**
     * The encoding a browser uses for {@code label}, after trimming ASCII whitespace and ignoring ASCII case; {@code
     * null} when browsers do not know the label (they then ignore it). UTF-7 labels give {@link #UTF_7}.
     */
    public static Charset forLabel(String label) {
        if (label == null) {
            return null;
        }
        String name = NAMES.get(stripAsciiWhitespace(label).toLowerCase(Locale.ROOT));
        if (name == null) {
            return null;
        }
        if (name.equals(UTF_7.name())) {
            return UTF_7;
        }
        if (name.equals(REPLACEMENT.name())) {
            return REPLACEMENT;
        }
        if (name.equals("UTF-8")) {
            return StandardCharsets.UTF_8;
        }
        return Charset.forName(name); // every name in the table is provided by the JDK (EncodingLabelsTest)
    }

    /**
     * The label of the first {@code charset} parameter of a MIME type such as a Content-Type value (quotes removed,
     * ASCII whitespace trimmed), or {@code null} when it has none. Later {@code charset} parameters do not count.
     */
    public static String charsetParameter(String mimeType) {
        if (mimeType == null) {
            return null;
        }
        String[] parts = mimeType.split(";", -1);
        for (int i = 1; i < parts.length; i++) {
            String p = stripAsciiWhitespace(parts[i]);
            int eq = p.indexOf('=');
            if (eq > 0 && stripAsciiWhitespace(p.substring(0, eq)).equalsIgnoreCase("charset")) {
                return stripAsciiWhitespace(p.substring(eq + 1).replace("\"", ""));
            }
        }
        return null;
    }

    /** {@code s} without leading and trailing ASCII whitespace (space, TAB, LF, FF, CR). */
    static String stripAsciiWhitespace(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && ByteScan.isWs(s.charAt(from))) {
            from++;
        }
        while (to > from && ByteScan.isWs(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** A charset that only names something: contains only itself, cannot decode or encode. */
    private static final class Marker extends Charset {
        Marker(String name) {
            super(name, new String[0]);
        }

        @Override
        public boolean contains(Charset cs) {
            return cs == this;
        }

        @Override
        public CharsetDecoder newDecoder() {
            throw new UnsupportedOperationException(name() + " cannot be decoded");
        }

        @Override
        public CharsetEncoder newEncoder() {
            throw new UnsupportedOperationException(name() + " cannot be encoded");
        }

        @Override
        public boolean canEncode() {
            return false;
        }
    }
}
