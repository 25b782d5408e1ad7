package io.consentgate.html;

import io.consentgate.bench.PageFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The pages the fuzz tests mutate and the byte-level mutation they apply: a generated shop page, every golden input
 * and ten random snippet documents, changed by insertions, deletions, replacements, duplications and truncations.
 *
 * <p>A case is fully determined by its case seed: {@link #caseSeeds} derives the case seeds of a run from its seed,
 * and {@link #mutatedCase} builds the page of one case, so any case can be rebuilt from the two numbers printed.
 */
public final class MutationCorpus {

    private static final byte[] ALPHABET =
        "<>/\"'=-!? \n\t&#;[]abcdefimnoprstvxSCRIPT".getBytes(StandardCharsets.US_ASCII);

    private final List<byte[]> documents;

    private MutationCorpus(List<byte[]> documents) {
        this.documents = documents;
    }

    /** Loads the corpus from the test classpath. */
    public static MutationCorpus load() {
        try {
            return new MutationCorpus(List.copyOf(read()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The unmutated pages. */
    public List<byte[]> documents() {
        return documents;
    }

    /** The case seeds of the first {@code count} cases of a run with this seed. */
    public static long[] caseSeeds(long seed, int count) {
        Random rnd = new Random(seed);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = rnd.nextLong();
        }
        return out;
    }

    /** The index in {@link #documents} of the page the case with this case seed mutates. */
    public int sourceOf(long caseSeed) {
        return new Random(caseSeed).nextInt(documents.size());
    }

    /** The mutated page of the case with this case seed. */
    public byte[] mutatedCase(long caseSeed) {
        Random r = new Random(caseSeed);
        return mutate(r, documents.get(r.nextInt(documents.size())));
    }

    private static List<byte[]> read() throws IOException, URISyntaxException {
        List<byte[]> docs = new ArrayList<>();
        docs.add(PageFixtures.page(16 * 1024));
        Path dir = Path.of(MutationCorpus.class.getResource("golden").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            // Sorted: a directory lists in no fixed order, and a seed must name the same case on every machine.
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".in.html")).sorted()::iterator) {
                docs.add(Files.readAllBytes(p));
            }
        }
        Random r = new Random(42);
        for (int i = 0; i < 10; i++) {
            docs.add(HtmlSnippets.document(r, 40, false).getBytes(StandardCharsets.UTF_8));
        }
        return docs;
    }

    /** Applies one to eight random byte-level mutations to a copy of {@code src}. */
    static byte[] mutate(Random r, byte[] src) {
        byte[] b = src.clone();
        int n = 1 + r.nextInt(8);
        for (int k = 0; k < n && b.length > 1; k++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(5)) {
                case 0 -> b[at] = ALPHABET[r.nextInt(ALPHABET.length)];
                case 1 -> b = splice(b, at, 1 + r.nextInt(Math.min(16, b.length - at)), new byte[0]);
                case 2 -> b = splice(b, at, 0, new byte[] {ALPHABET[r.nextInt(ALPHABET.length)]});
                case 3 -> {
                    int from = r.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + r.nextInt(200));
                    b = splice(b, at, 0, Arrays.copyOfRange(b, from, from + len));
                }
                default -> b = r.nextInt(4) == 0 ? Arrays.copyOf(b, at) : b;
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
