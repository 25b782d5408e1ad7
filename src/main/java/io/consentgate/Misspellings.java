package io.consentgate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Which known parameter an unknown key was likely meant to be, for the "did you mean" of an unknown-key error. Tried
 * in this order, the first that finds any wins:
 * <ol>
 *   <li>the same name but for case, separators and plurals: {@code GPC_Refuses}, {@code gpcRefuses} (a builder
 *       method's name), {@code gpc refuses} and {@code gpc-refuse} are {@code gpc-refuses}, {@code trusted-proxy} is
 *       {@code trusted-proxies};</li>
 *   <li>the nearest by edit distance (a letter added, dropped, changed, or two swapped), at most 1 for a name of up to
 *       5 characters and 2 for a longer one: {@code gpc-refuse}, {@code moed}, {@code dnt-refused};</li>
 *   <li>whole leading words: every known key the unknown one begins ({@code consent-max-age} is
 *       {@code consent-max-age-days}; {@code html} is each {@code html-} key), or else the known key that is the
 *       unknown one with words cut off its end ({@code consent-secret-value} is {@code consent-secret}).</li>
 * </ol>
 * A name that is none of these gets no suggestion: a far-fetched one misleads more than none.
 */
final class Misspellings {

    private Misspellings() {
    }

    /**
     * What an error says of the unknown key {@code key}: where every parameter is listed, and the known key it was
     * likely meant to be, last, where the eye lands (a policy file's error then adds the file). Only when no known key
     * is near does it list them all, after the sentence naming the key: that list (some 45 keys) would bury a
     * suggestion, and it is all the reader has without one.
     */
    static String unknownKey(String key, Collection<String> known) {
        List<String> near = nearest(key, known);
        if (near.isEmpty()) {
            return "unknown parameter, and no known one is near that name. Known parameters: "
                    + String.join(", ", known);
        }
        String spelling = near.size() == 1 && normalized(key).equals(near.get(0))
                ? " (names are lower case, with - between words)" : "";
        return "unknown parameter (the README's Init-params table lists them all); did you mean "
                + (near.size() == 1 ? "" : "one of ") + "'" + String.join("', '", near) + "'" + spelling + "?";
    }

    /** The known keys {@code unknown} was likely meant to be, in {@code known}'s order; empty when none is near. */
    static List<String> nearest(String unknown, Collection<String> known) {
        String n = normalized(unknown);
        List<String> same = new ArrayList<>();
        for (String k : known) {
            if (singular(normalized(k)).equals(singular(n))) {
                same.add(k);
            }
        }
        if (!same.isEmpty()) {
            return same;
        }
        List<String> near = nearestByEdits(n, known);
        return near.isEmpty() ? byWholeWords(n, known) : near;
    }

    /**
     * Lower case, words joined by {@code -}: {@code _}, blanks and {@code .} become {@code -}, and a capital after a
     * lower-case letter or digit starts a word ({@code gpcRefuses}).
     */
    static String normalized(String key) {
        StringBuilder out = new StringBuilder(key.length() + 4);
        String s = key.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean wordStart = Character.isUpperCase(c) && i > 0
                    && (Character.isLowerCase(s.charAt(i - 1)) || Character.isDigit(s.charAt(i - 1)));
            if (wordStart) {
                out.append('-');
            }
            out.append(c == '_' || c == ' ' || c == '.' ? '-' : c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Each word in the singular, roughly: {@code proxies} is {@code proxy}, {@code paths} {@code path}. */
    private static String singular(String n) {
        String[] words = n.split("-", -1);
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.endsWith("ies") && w.length() > 3) {
                words[i] = w.substring(0, w.length() - 3) + "y";
            } else if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 1) {
                words[i] = w.substring(0, w.length() - 1);
            }
        }
        return String.join("-", words);
    }

    /** The known keys nearest to {@code n} by edit distance, when within the limit for its length. */
    private static List<String> nearestByEdits(String n, Collection<String> known) {
        int limit = n.length() <= 5 ? 1 : 2;
        int best = limit + 1;
        List<String> out = new ArrayList<>();
        for (String k : known) {
            int d = distance(n, k, limit);
            if (d < best) {
                best = d;
                out.clear();
            }
            if (d == best && d <= limit) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * Every known key whose leading words are {@code n}, or else the longest known key that is {@code n}'s leading
     * words; only for names of at least three characters, so that {@code a} suggests nothing.
     */
    private static List<String> byWholeWords(String n, Collection<String> known) {
        if (n.length() < 3) {
            return List.of();
        }
        String longest = null;
        List<String> longer = new ArrayList<>();
        for (String k : known) {
            if (n.startsWith(k + "-") && (longest == null || k.length() > longest.length())) {
                longest = k;
            }
            if (k.startsWith(n + "-")) {
                longer.add(k);
            }
        }
        return !longer.isEmpty() || longest == null ? longer : List.of(longest);
    }

    /**
     * The optimal string alignment distance of {@code a} and {@code b} (insertions, deletions, substitutions and
     * swaps of neighbours each count 1), or {@code limit + 1} when it is more than {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return Math.min(d[a.length()][b.length()], limit + 1);
    }
}
