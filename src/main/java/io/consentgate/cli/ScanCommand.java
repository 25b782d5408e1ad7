package io.consentgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consentgate.Category;
import io.consentgate.html.RewriteStream;
import io.consentgate.html.TrackerEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code scan}: lists every tracker element in each file, with what the filter would do to it under the given
 * decision: {@code file:line:col  tracker  categories  action} (or a JSON array with {@code --json}). As grep does, a
 * file that cannot be read is one line on stderr and the scan goes on: the others are listed (in the one JSON array
 * with {@code --json}) and the exit code is 1.
 */
final class ScanCommand {

    static final Set<String> FLAGS;

    static {
        Set<String> f = new HashSet<>(DecisionFlags.FLAGS);
        f.add("json");
        FLAGS = Set.copyOf(f);
    }

    private ScanCommand() {
    }

    static int run(Options o, Stdout out, PrintStream err) throws UsageException, CommandException, Stdout.Failed {
        if (o.operands().isEmpty()) {
            throw new UsageException("scan needs at least one FILE");
        }
        DecisionFlags flags = DecisionFlags.parse(o);
        Charset charset = flags.charset();
        ArrayNode json = o.has("json") ? new ObjectMapper().createArrayNode() : null;
        boolean failed = false;
        for (String file : o.operands()) {
            List<TrackerEvent> found;
            try {
                found = scan(file, flags, charset);
            } catch (CommandException e) {
                out.flush(); // what the files before it gave comes first, as on a terminal
                err.println("consentgate: " + e.getMessage());
                failed = true;
                continue;
            }
            for (TrackerEvent e : found) {
                if (json != null) {
                    add(json, file, e);
                } else {
                    out.println(line(file, e));
                }
            }
        }
        if (json != null) {
            out.println(json.toPrettyString());
        }
        return failed ? 1 : 0;
    }

    /** The tracker elements of one file, in document order; a file that cannot be read gives none and an error. */
    private static List<TrackerEvent> scan(String file, DecisionFlags flags, Charset charset)
            throws CommandException {
        Path p = Path.of(file);
        String unreadable = Unreadable.reason(p);
        if (unreadable != null) {
            throw new CommandException("cannot read '" + file + "': " + unreadable);
        }
        List<TrackerEvent> found = new ArrayList<>();
        try (InputStream in = Files.newInputStream(p)) {
            RewriteStream s = flags.rewriter().open(flags.decision(), charset, OutputStream.nullOutputStream(),
                    found::add);
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                s.write(buf, 0, n);
            }
            s.finish();
        } catch (IOException e) {
            throw new CommandException("cannot read '" + file + "': " + Unreadable.reason(e), e);
        }
        return found;
    }

    private static void add(ArrayNode json, String file, TrackerEvent e) {
        ObjectNode n = json.addObject();
        n.put("file", file);
        n.put("line", e.line());
        n.put("column", e.column());
        n.put("element", e.element());
        n.put("tracker", e.trackerId());
        n.put("name", e.trackerName());
        ArrayNode cats = n.putArray("categories");
        e.categories().stream().sorted().forEach(c -> cats.add(c.id()));
        n.put("action", action(e));
    }

    private static String line(String file, TrackerEvent e) {
        return file + ":" + e.line() + ":" + e.column() + "\t<" + e.element() + ">\t"
                + (e.trackerName() == null ? "(over the size cap)" : e.trackerName()) + "\t"
                + e.categories().stream().sorted().map(Category::id).collect(Collectors.joining(","))
                + "\t" + action(e);
    }

    private static String action(TrackerEvent e) {
        return e.action().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
