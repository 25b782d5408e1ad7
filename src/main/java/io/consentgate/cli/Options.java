package io.consentgate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed command-line flags: {@code --name value}, {@code --name=value}, or a bare {@code --switch}; anything not
 * starting with {@code --} is an operand, and so is everything after a lone {@code --}.
 */
record Options(Map<String, String> flags, List<String> operands) {

    /** Flag names that take no value. */
    static final Set<String> SWITCHES = Set.of("dnt", "gpc", "json");

    static Options parse(String[] args, Set<String> allowed) throws UsageException {
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                // the end of the flags, as in POSIX utilities: a file named like a flag follows
                operands.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
            if (!a.startsWith("--")) {
                operands.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            if (SWITCHES.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                value = "true";
            } else if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (flags.put(name, value) != null) {
                throw new UsageException("--" + name + " given twice");
            }
        }
        return new Options(Map.copyOf(flags), List.copyOf(operands));
    }

    String get(String name, String fallback) {
        return flags.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return flags.containsKey(name);
    }

    /**
     * The value of a flag that names a file or directory ({@code what}, for the message), or {@code fallback} when
     * it is not given. An empty name is a usage error: as a path it is the working directory, which no one means.
     */
    String path(String name, String fallback, String what) throws UsageException {
        String v = flags.get(name);
        if (v == null) {
            return fallback;
        }
        if (v.isEmpty()) {
            throw new UsageException("--" + name + " needs " + what + ", got an empty value");
        }
        return v;
    }

    int port(String name, int fallback) throws UsageException {
        String v = flags.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a port number 0-65535, was '" + v + "'");
        }
    }
}
