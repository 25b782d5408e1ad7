package io.consentgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consentgate.Category;
import io.consentgate.html.HtmlSniffer;
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
 * with {@code --json}) and the exit code is 1. Where the filter would not read the pages at all (a content type that
 * is not HTML, {@code html-rewrite=false}; a file that does not start as HTML where the content type leaves the type
 * to the browser) nothing is listed, with a notice on stderr, rather than elements {@code removed} that the filter
 * would send.
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
        if (o.operands().contains("")) {
            // As a path, "" is the working directory: "is a directory" would hide the empty name.
            throw new UsageException("scan needs a file name for each FILE, got an empty one");
        }
        DecisionFlags flags = DecisionFlags.parse(o);
        String unread = unread(flags);
        if (unread != null) {
            err.println("consentgate: " + unread);
        }
        Charset charset = unread == null ? flags.charset() : null;
        ArrayNode json = o.has("json") ? new ObjectMapper().createArrayNode() : null;
        boolean failed = false;
        for (String file : o.operands()) {
            List<TrackerEvent> found;
            try {
                found = unread == null ? scan(file, flags, charset) : checkReadable(file);
                if (found == null) {
                    err.println("consentgate: " + file + ": " + flags.notSniffedAsHtml()
                            + ", so the filter does not read it and scan lists nothing");
                    continue;
                }
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

    /**
     * Why the filter would send every page as written without reading it, so that scan lists nothing, as a notice;
     * or null. Not {@code report-only=true}: the filter then reads pages and its log names what scan lists.
     */
    private static String unread(DecisionFlags flags) {
        if (!flags.isHtml() && !flags.leftToSniffing()) {
            return flags.notHtml() + ", so the filter does not read the body and scan lists nothing";
        }
        if (!flags.policy().htmlRewrite()) {
            return "the policy sets html-rewrite=false, so the filter does not read pages and scan lists nothing; "
                    + "run it with a policy without html-rewrite=false to see what enforcement removes";
        }
        return null;
    }

    /** Nothing, for a file that would not be read: still an error when it cannot be, as for a file that is. */
    private static List<TrackerEvent> checkReadable(String file) throws CommandException {
        String unreadable = Unreadable.reason(file);
        if (unreadable != null) {
            throw new CommandException("cannot read '" + file + "': " + unreadable);
        }
        return List.of();
    }

    /**
     * The tracker elements of one file, in document order; a file that cannot be read gives none and an error. Null
     * for a file of a type left to sniffing that does not start as HTML, which the filter would not read.
     */
    private static List<TrackerEvent> scan(String file, DecisionFlags flags, Charset charset)
            throws CommandException {
        checkReadable(file);
        Path p = Path.of(file);
        List<TrackerEvent> found = new ArrayList<>();
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = flags.leftToSniffing() ? in.readNBytes(DecisionFlags.SNIFFED_BYTES) : new byte[0];
            if (flags.leftToSniffing() && !HtmlSniffer.sniffsAsHtml(head, 0, head.length)) {
                return null;
            }
            RewriteStream s = flags.open(charset, OutputStream.nullOutputStream(), found::add);
            s.write(head);
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
