package io.consentgate.response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Public Suffix List as the JDK ships it ({@code $JAVA_HOME/lib/security/public_suffix_list.dat}, which the JDK
 * itself reads for TLS host names): a zip file with one entry per top-level domain, one rule a line, each after a
 * byte that says ICANN or private section. Browsers take no cookie whose {@code Domain} is a public suffix
 * ({@code co.uk}, {@code github.io}), so the cookie gate sends no expiry for one: it would only spend the header
 * budget. Read lazily, one top-level domain at a time, and kept. Where the file is missing or cannot be read (another
 * JDK layout), the top-level domain is taken for the suffix, and expiries go to every parent domain of two labels or
 * more, as browsers ignore the public-suffix ones anyway. Thread-safe.
 */
final class PublicSuffixes {

    private static final Logger LOG = LoggerFactory.getLogger(PublicSuffixes.class);
    private static final Path FILE = Path.of(System.getProperty("java.home"), "lib", "security",
            "public_suffix_list.dat");
    /**
     * Rules per top-level domain the list has an entry for (Unicode, lower case); empty when unreadable. Only the
     * list's own top-level domains are kept, so Host headers naming made-up ones cannot grow it.
     */
    private static final Map<String, Optional<Set<String>>> RULES = new ConcurrentHashMap<>();
    /** The top-level domains the list has an entry for, read once; empty when it cannot be read. */
    private static volatile Set<String> tlds;

    private PublicSuffixes() {
    }

    /** Whether the list can be read in this JDK. */
    static boolean available() {
        return Files.isReadable(FILE);
    }

    /**
     * The registrable domain of {@code host} (lower case, no trailing dot): its public suffix under the list's rules
     * and one label more ({@code example.co.uk} for {@code www.shop.example.co.uk}, {@code alice.github.io}); null when
     * the host is itself a public suffix. The PSL algorithm: an exception rule ({@code !city.kawasaki.jp}) makes the
     * suffix its parent, else the matching rule with the most labels wins ({@code *.ck} matches any {@code x.ck}), and
     * with none the top-level domain is the suffix.
     */
    static String registrableDomain(String host) {
        String h;
        try {
            h = IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            h = host;
        }
        String[] labels = h.split("\\.", -1);
        String[] ascii = host.split("\\.", -1);
        if (labels.length != ascii.length) {
            labels = ascii;
        }
        String tld = labels[labels.length - 1];
        Set<String> rules = !tlds().contains(tld) ? Set.of()
                : RULES.computeIfAbsent(tld, PublicSuffixes::load).orElse(Set.of());
        int suffixLabels = 1;
        for (int n = labels.length; n >= 1; n--) {
            String s = String.join(".", java.util.Arrays.copyOfRange(labels, labels.length - n, labels.length));
            if (rules.contains("!" + s)) {
                suffixLabels = n - 1;
                break;
            }
            String parent = n > 1 ? s.substring(s.indexOf('.') + 1) : null;
            if (rules.contains(s) || parent != null && rules.contains("*." + parent)) {
                suffixLabels = n;
                break;
            }
        }
        if (suffixLabels >= ascii.length) {
            return null;
        }
        return String.join(".", java.util.Arrays.copyOfRange(ascii, ascii.length - suffixLabels - 1, ascii.length));
    }

    private static Set<String> tlds() {
        Set<String> t = tlds;
        if (t == null) {
            Set<String> names = new HashSet<>();
            try (ZipFile zip = new ZipFile(FILE.toFile(), StandardCharsets.UTF_8)) {
                zip.stream().forEach(e -> names.add(e.getName()));
            } catch (IOException | RuntimeException e) {
                LOG.debug("public suffix list {} not readable; expiring on every parent domain", FILE, e);
            }
            t = Set.copyOf(names);
            tlds = t;
        }
        return t;
    }

    private static Optional<Set<String>> load(String tld) {
        try (ZipFile zip = new ZipFile(FILE.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry entry = zip.getEntry(tld);
            if (entry == null) {
                return Optional.empty();
            }
            Set<String> rules = new HashSet<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(zip.getInputStream(entry),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    // Each rule follows one byte: 0 for the ICANN section, 1 for the private one (github.io).
                    String rule = (!line.isEmpty() && line.charAt(0) < ' ' ? line.substring(1) : line).strip();
                    if (!rule.isEmpty()) {
                        rules.add(rule.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return Optional.of(Set.copyOf(rules));
        } catch (IOException | RuntimeException e) {
            LOG.debug("public suffix list {} not readable; expiring on every parent domain", FILE, e);
            return Optional.empty();
        }
    }
}
