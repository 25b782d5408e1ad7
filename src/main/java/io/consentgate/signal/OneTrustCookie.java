package io.consentgate.signal;

import io.consentgate.Category;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OneTrust's {@code OptanonConsent} cookie: a percent-encoded query string whose {@code groups} parameter lists
 * {@code C0001:1,C0002:0,C0003:1,C0004:0,C0005:0}. Mapping of OneTrust's standard groups: {@code C0002}
 * (performance) → analytics, {@code C0003} (functional) → functional, {@code C0004} (targeting) and {@code C0005}
 * (social media) → marketing. Marketing is granted only when every marketing group present is {@code 1} (one refused
 * social or targeting group refuses marketing). Other groups (custom ones) are ignored; a flag other than
 * {@code 0}/{@code 1}, a duplicate group or a duplicate {@code groups} parameter invalidates the whole cookie.
 * <p>
 * The consent's time is the {@code OptanonAlertBoxClosed} cookie that OneTrust writes beside it when the visitor
 * makes a choice (an ISO-8601 instant, {@code 2026-01-14T12:00:00.000Z}); {@code OptanonConsent}'s own
 * {@code datestamp} is rewritten on later visits, so it says nothing of the consent's age. Without that cookie the
 * consent counts as given now (it then never grows older than the consent maximum age, as before OneTrust wrote
 * it); with one that cannot be read the consent is none, as with another manager's unreadable timestamp, and one
 * sent twice makes the stored consent unclear, as any duplicated consent cookie does
 * ({@link StoredConsents#anyDuplicated}).
 */
final class OneTrustCookie {

    static final String NAME = "OptanonConsent";
    static final String SOURCE = "onetrust";
    /** The cookie holding when the visitor last made a choice in OneTrust's banner or preference center. */
    static final String CLOSED_NAME = "OptanonAlertBoxClosed";

    private OneTrustCookie() {
    }

    /**
     * @param closed the request's {@code OptanonAlertBoxClosed} values (normally none or one)
     */
    static Optional<StoredConsent> parse(String raw, List<String> closed, Instant now, List<String> problems) {
        if (!CmpText.readable(raw)) {
            return fail(problems, "empty or oversized");
        }
        String groups = groupsParameter(raw, problems);
        if (groups == null) {
            return Optional.empty();
        }
        Map<String, Boolean> flags = flags(groups, problems);
        if (flags == null) {
            return Optional.empty();
        }
        EnumSet<Category> granted = granted(flags);
        Instant given = now;
        if (!closed.isEmpty()) {
            given = closedTime(closed, problems);
            if (given == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new StoredConsent(granted, 0, given, "", SOURCE));
    }

    /** The still-encoded {@code groups} parameter, or {@code null} after noting why there is no choice to read. */
    private static String groupsParameter(String raw, List<String> problems) {
        String groups = null;
        for (String param : raw.split("&", -1)) {
            if (param.equals("interactionCount=0")) {
                // Written before the visitor touched the banner: the groups are its defaults, not a choice.
                problem(problems, "no interaction yet (the groups are the banner's defaults)");
                return null;
            }
            if (param.startsWith("groups=")) {
                if (groups != null) {
                    problem(problems, "duplicate groups parameter");
                    return null;
                }
                groups = param.substring("groups=".length());
            }
        }
        if (groups == null) {
            problem(problems, "no groups parameter");
        }
        return groups;
    }

    /** Each group's flag ({@code true} for {@code 1}), or {@code null} after noting why the groups are unreadable. */
    private static Map<String, Boolean> flags(String groups, List<String> problems) {
        Optional<String> decoded = CmpText.urlDecode(groups);
        if (decoded.isEmpty() || decoded.get().isEmpty()) {
            problem(problems, "bad groups parameter");
            return null;
        }
        Map<String, Boolean> flags = new HashMap<>();
        for (String group : decoded.get().split(",", -1)) {
            int colon = group.indexOf(':');
            String flag = colon < 0 ? "" : group.substring(colon + 1);
            if (colon <= 0 || !("0".equals(flag) || "1".equals(flag))) {
                problem(problems, "bad group entry");
                return null;
            }
            if (flags.put(group.substring(0, colon), "1".equals(flag)) != null) {
                problem(problems, "duplicate group");
                return null;
            }
        }
        return flags;
    }

    /** The categories of OneTrust's standard groups (see the class comment for the mapping). */
    private static EnumSet<Category> granted(Map<String, Boolean> flags) {
        EnumSet<Category> granted = EnumSet.noneOf(Category.class);
        if (Boolean.TRUE.equals(flags.get("C0002"))) {
            granted.add(Category.ANALYTICS);
        }
        if (Boolean.TRUE.equals(flags.get("C0003"))) {
            granted.add(Category.FUNCTIONAL);
        }
        Boolean targeting = flags.get("C0004");
        Boolean social = flags.get("C0005");
        if ((targeting != null || social != null) && !Boolean.FALSE.equals(targeting)
                && !Boolean.FALSE.equals(social)) {
            granted.add(Category.MARKETING);
        }
        return granted;
    }

    /**
     * The instant in the one {@code OptanonAlertBoxClosed} value of {@code closed} (not empty), or {@code null} after
     * noting that it is sent twice or unreadable.
     */
    private static Instant closedTime(List<String> closed, List<String> problems) {
        if (closed.size() > 1) {
            problem(problems, CLOSED_NAME + " sent twice (the consent's age is unknown)");
            return null;
        }
        // percent escapes decoded, a '+' kept: it is an offset's sign here, never an encoded space
        Optional<String> when = CmpText.urlDecode(closed.get(0).strip().replace("+", "%2B"));
        try {
            return Instant.parse(when.orElse(""));
        } catch (DateTimeParseException e) {
            problem(problems, "unreadable " + CLOSED_NAME);
            return null;
        }
    }

    private static Optional<StoredConsent> fail(List<String> problems, String why) {
        problem(problems, why);
        return Optional.empty();
    }

    private static void problem(List<String> problems, String why) {
        problems.add(SOURCE + " " + NAME + ": " + why);
    }
}
