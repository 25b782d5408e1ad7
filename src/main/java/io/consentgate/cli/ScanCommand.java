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
 * decision: {@code file:line:col  tracker  categories  action} (or a JSON array with {@code --json}).
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

    private record Found(String file, TrackerEvent event) {
    }

    static int run(Options o, Stdout out) throws UsageException, CommandException, Stdout.Failed {
        if (o.operands().isEmpty()) {
            throw new UsageException("scan needs at least one FILE");
        }
        DecisionFlags flags = DecisionFlags.parse(o);
        List<Found> found = new ArrayList<>();
        for (String file : o.operands()) {
            Path p = Path.of(file);
            String unreadable = Unreadable.reason(p);
            if (unreadable != null) {
                throw new CommandException("cannot read '" + file + "': " + unreadable);
            }
            try (InputStream in = Files.newInputStream(p)) {
                RewriteStream s = flags.rewriter().open(flags.decision(), flags.charset(),
                        OutputStream.nullOutputStream(), e -> found.add(new Found(file, e)));
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    s.write(buf, 0, n);
                }
                s.finish();
            } catch (IOException e) {
                throw new CommandException("cannot read '" + file + "': " + Unreadable.reason(e), e);
            }
        }
        if (o.has("json")) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode arr = mapper.createArrayNode();
            for (Found f : found) {
                TrackerEvent e = f.event();
                ObjectNode n = arr.addObject();
                n.put("file", f.file());
                n.put("line", e.line());
                n.put("column", e.column());
                n.put("element", e.element());
                n.put("tracker", e.trackerId());
                n.put("name", e.trackerName());
                ArrayNode cats = n.putArray("categories");
                e.categories().stream().sorted().forEach(c -> cats.add(c.id()));
                n.put("action", action(e));
            }
            out.println(arr.toPrettyString());
        } else {
            for (Found f : found) {
                TrackerEvent e = f.event();
                out.println(f.file() + ":" + e.line() + ":" + e.column() + "\t<" + e.element() + ">\t"
                        + (e.trackerName() == null ? "(over the size cap)" : e.trackerName()) + "\t"
                        + e.categories().stream().sorted().map(Category::id).collect(Collectors.joining(","))
                        + "\t" + action(e));
            }
        }
        return 0;
    }

    private static String action(TrackerEvent e) {
        return e.action().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
