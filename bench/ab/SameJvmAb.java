import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Compares two builds of the rewriter in one JVM: each is loaded by a class loader of its own, and the two are run
 * for one second each, alternately (A B, then B A), so a change of the machine's speed hits both sides of a pair.
 * Prints each pair and the median ratio B/A. Usage: SameJvmAb DRIVER_DIR ROOT_A ROOT_B DEPENDENCY_CLASSPATH PAIRS
 */
public class SameJvmAb {
    private static long sink;

    public static void main(String[] a) throws Exception {
        String deps = a[3].startsWith("@") ? Files.readString(Path.of(a[3].substring(1))).trim() : a[3];
        LongSupplier first = load(a[0], a[1], deps);
        LongSupplier second = load(a[0], a[2], deps);
        int pairs = Integer.parseInt(a[4]);
        if (first.getAsLong() != second.getAsLong()) {
            System.out.println("note: the two builds write outputs of different lengths");
        }
        for (int i = 0; i < 10; i++) {
            pages(first);
            pages(second);
        }
        double[] r = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            int x;
            int y;
            if (i % 2 == 0) {
                x = pages(first);
                y = pages(second);
            } else {
                y = pages(second);
                x = pages(first);
            }
            r[i] = (double) y / x;
            System.out.printf("pair %2d  A %5d  B %5d pages/s  B/A %.3f%n", i + 1, x, y, r[i]);
        }
        Arrays.sort(r);
        System.out.printf("median B/A %.3f over %d pairs (quartiles %.3f-%.3f)%n", r[pairs / 2], pairs, r[pairs / 4],
            r[3 * pairs / 4]);
    }

    private static LongSupplier load(String driver, String root, String deps) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(new File(driver + "/").toURI().toURL());
        urls.add(new File(root + "/target/classes/").toURI().toURL());
        urls.add(new File(root + "/target/test-classes/").toURI().toURL());
        for (String d : deps.split(File.pathSeparator)) {
            urls.add(new File(d).toURI().toURL());
        }
        ClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        return (LongSupplier) cl.loadClass("abdriver.Driver").getConstructor().newInstance();
    }

    private static int pages(LongSupplier s) {
        long end = System.nanoTime() + 1_000_000_000L;
        int n = 0;
        while (System.nanoTime() < end) {
            sink += s.getAsLong();
            n++;
        }
        return n;
    }
}
