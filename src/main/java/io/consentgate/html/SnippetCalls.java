package io.consentgate.html;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The page's statements that call into what a blanked tracker snippet defined and would throw once it is gone: a
 * statement of its own, a call in a block, a brace-less {@code if}/loop body, a {@code case} clause, a call behind a
 * condition ({@code done && fbq(…)}). They are blanked with the snippet ({@link MergedScript},
 * {@link ConsentManagerScript}); everything else of the page's code stays as written.
 */
final class SnippetCalls {

    /** How deep blocks inside blocks are read for calls into what a blanked snippet defined. */
    private static final int MAX_BLOCK_DEPTH = 16;

    /**
     * Whether statement {@code t[s, e)}, run where it stands, would throw once the blanked statements are gone: it
     * starts by calling what they {@code defined} ({@link #callsInto}), or uses a name they {@code declared} outside
     * the bodies of its functions and blocks (those run later, or are read on their own: {@link #blankCallsInBlocks}).
     */
    static boolean throwsNow(byte[] t, int s, int e, Set<String> defined, Set<String> declared) {
        if (callsInto(t, s, e, defined)) {
            return true;
        }
        if (declared.isEmpty()) {
            return false;
        }
        Set<String> bound = SnippetNames.boundNames(t, s, e);
        if (!bound.isEmpty()) { // the statement's own parameter or variable of that name is another thing
            declared = new HashSet<>(declared);
            declared.removeAll(bound);
            if (declared.isEmpty()) {
                return false;
            }
        }
        ScriptStatements.Frame frame = ScriptStatements.frame(t, s, e);
        int[] bodies = frame == null ? new int[0] : frame.bodies();
        int from = s;
        for (int j = 0; j < bodies.length; j += 2) {
            if (ConsentManagerScript.refersTo(t, from, bodies[j], declared)) {
                return true;
            }
            from = bodies[j + 1];
        }
        return ConsentManagerScript.refersTo(t, from, e, declared);
    }

    /** Blanks the statements of {@code t[from, to)} that would throw ({@link #throwsNow}), in its blocks too. */
    static void blankCalls(byte[] t, int from, int to, Set<String> defined, Set<String> declared) {
        int[] statements = ScriptStatements.split(t, from, to);
        for (int k = 0; statements != null && k < statements.length; k += 2) {
            if (throwsNow(t, statements[k], statements[k + 1], defined, declared)) {
                MergedScript.fill(t, statements[k], statements[k + 1]);
            } else {
                blankCallsInBlocks(t, statements[k], statements[k + 1], defined, declared, 0);
            }
        }
    }

    /**
     * Blanks the statements that start by calling one of {@code names} inside the blocks of statement
     * {@code t[s, e)} that run where it stands ({@code if}, {@code else}, {@code for}, {@code while}, {@code do},
     * {@code try}, a bare block), at any depth of such blocks: a throw there stops the joined scripts as one at the top
     * level does. A function's body runs later, where a throw stops only that function, and is not read.
     */
    static void blankCallsInBlocks(byte[] t, int s, int e, Set<String> defined, Set<String> declared,
                                           int depth) {
        if (!defined.isEmpty()) {
            blankGuardedCall(t, s, e, defined);
        }
        if (defined.isEmpty() && declared.isEmpty() || depth >= MAX_BLOCK_DEPTH || !startsBlockThatRuns(t, s, e)) {
            return;
        }
        blankBracelessCalls(t, s, e, defined);
        Set<String> bound = declared.isEmpty() ? Set.of() : SnippetNames.boundNames(t, s, e);
        if (!bound.isEmpty()) { // for (const s of list) { use(s); }: the block's s is the statement's own
            declared = new HashSet<>(declared);
            declared.removeAll(bound);
        }
        int[] clauses = switchBody(t, s, e);
        if (clauses != null) { // the statements of its case clauses run where it stands, behind their labels
            int[] inner = ScriptStatements.split(t, clauses[0], clauses[1]);
            for (int k = 0; inner != null && k < inner.length; k += 2) {
                int from = afterCaseLabels(t, inner[k], inner[k + 1]);
                if (from < 0) {
                    continue;
                }
                if (throwsNow(t, from, inner[k + 1], defined, declared)) {
                    MergedScript.fill(t, from, inner[k + 1]);
                } else {
                    blankCallsInBlocks(t, from, inner[k + 1], defined, declared, depth + 1);
                }
            }
            return;
        }
        ScriptStatements.Frame frame = ScriptStatements.frame(t, s, e);
        int[] bodies = frame == null ? new int[0] : frame.bodies();
        for (int j = 0; j < bodies.length; j += 2) {
            int[] inner = ScriptStatements.split(t, bodies[j], bodies[j + 1]);
            for (int k = 0; inner != null && k < inner.length; k += 2) {
                if (throwsNow(t, inner[k], inner[k + 1], defined, declared)) {
                    MergedScript.fill(t, inner[k], inner[k + 1]);
                } else {
                    blankCallsInBlocks(t, inner[k], inner[k + 1], defined, declared, depth + 1);
                }
            }
        }
    }

    /**
     * For a {@code switch} statement {@code t[s, e)}: the start (after its brace) and the end (its closing brace) of
     * its body; {@code null} for any other statement or one that does not read so.
     */
    private static int[] switchBody(byte[] t, int s, int e) {
        if (!startsWithWord(t, s, e, "switch")) {
            return null;
        }
        int k = s + 6;
        while (k < e && ByteScan.isWs(t[k])) {
            k++;
        }
        int close = k < e && t[k] == '(' ? SnippetNames.matchingClose(t, k, e) : -1;
        if (close < 0) {
            return null;
        }
        k = close + 1;
        while (k < e && ByteScan.isWs(t[k])) {
            k++;
        }
        int end = e - 1;
        while (end > k && ByteScan.isWs(t[end])) {
            end--;
        }
        return k < end && t[k] == '{' && t[end] == '}' ? new int[] {k + 1, end} : null;
    }

    /**
     * Where the statement after the {@code case …:} and {@code default:} labels that start {@code t[s, e)} starts
     * (or {@code s} without one); -1 when nothing follows them or a label does not read so.
     */
    private static int afterCaseLabels(byte[] t, int s, int e) {
        int i = s;
        while (startsWithWord(t, i, e, "case") || startsWithWord(t, i, e, "default")) {
            int colon = -1;
            int depth = 0;
            for (int k = i; k < e && colon < 0; k++) {
                byte c = t[k];
                if (c == '\'' || c == '"' || c == '`') {
                    k = SnippetNames.skipString(t, k, e) - 1;
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                } else if (c == '?' && depth == 0) {
                    return -1; // a conditional in the label: not read
                } else if (c == ':' && depth == 0) {
                    colon = k;
                }
            }
            if (colon < 0) {
                return -1;
            }
            i = colon + 1;
            while (i < e && ByteScan.isWs(t[i])) {
                i++;
            }
        }
        return i < e ? i : -1;
    }

    /**
     * Blanks the bodies of the control statements in statement {@code t[s, e)} written without braces
     * ({@link ScriptStatements#bracelessBodies}) that are a call into one of {@code defined} and nothing more
     * ({@code if (done) fbq('track', 'Purchase');}), leaving an empty statement in their place so that the
     * {@code if}, its {@code else} and a loop stay valid.
     */
    static void blankBracelessCalls(byte[] t, int s, int e, Set<String> defined) {
        int[] bodies = defined.isEmpty() ? null : ScriptStatements.bracelessBodies(t, s, e);
        for (int j = 0; bodies != null && j < bodies.length; j += 2) {
            int end = callsInto(t, bodies[j], bodies[j + 1], defined) ? callEnd(t, bodies[j], bodies[j + 1]) : -1;
            if (end > 0) {
                MergedScript.fill(t, bodies[j], end);
                t[bodies[j]] = ';';
            }
        }
    }

    /**
     * Blanks the call into one of {@code defined} that statement {@code t[s, e)} makes behind a condition and nothing
     * more ({@code done && fbq('track', 'Purchase');}, {@code window.sent || gtag('event', …);}, as minifiers write an
     * {@code if}): the call is overwritten by {@code 0} and spaces, so the condition is still evaluated and the
     * statement stays valid.
     */
    static void blankGuardedCall(byte[] t, int s, int e, Set<String> defined) {
        int after = afterLastGuard(t, s, e);
        if (after < 0) {
            return;
        }
        int p = after;
        while (p < e && ByteScan.isWs(t[p])) {
            p++;
        }
        int end = callsInto(t, p, e, defined) ? callEnd(t, p, e) : -1;
        if (end < 0) {
            return;
        }
        int stop = end;
        while (stop > p && (t[stop - 1] == ';' || ByteScan.isWs(t[stop - 1]))) {
            stop--;
        }
        int rest = end;
        while (rest < e && ByteScan.isWs(t[rest])) {
            rest++;
        }
        if (rest < e) {
            return; // more follows the call in the statement
        }
        MergedScript.fill(t, p, stop);
        t[p] = '0';
    }

    /**
     * The index after the last {@code &&} or {@code ||} at the top level of statement {@code t[s, e)}; -1 when there
     * is none, or the statement is not read (a conditional, an assignment, an arrow or a sequence at its top level,
     * or text that cannot be read).
     */
    private static int afterLastGuard(byte[] t, int s, int e) {
        ScriptTokens k = new ScriptTokens(t, s, e);
        int after = -1; // after the last && or || at the statement's top level
        while (k.next()) {
            int i = k.i;
            byte c = t[i];
            if (k.word()) {
                continue;
            }
            boolean regex = k.regexAllowed();
            boolean template = c == '`';
            switch (c) {
                case '(', '[', '{' -> k.open();
                case ')', ']', '}' -> {
                    if (k.closesSubstitution(c)) {
                        template = true;
                        break;
                    }
                    if (!k.close()) {
                        return -1;
                    }
                }
                case '&', '|' -> {
                    if (k.depth == 0 && i + 1 < e && t[i + 1] == c && (i + 2 >= e || t[i + 2] != '=')) {
                        after = i + 2;
                        k.i = i + 2;
                    } else {
                        k.i = i + 1;
                    }
                }
                case '?', '=', ',' -> {
                    boolean comparison = c == '=' && (i + 1 < e && t[i + 1] == '=' && (i + 2 >= e || t[i + 2] != '>')
                        || i > s && "=!<>".indexOf(t[i - 1]) >= 0);
                    if (k.depth == 0 && !comparison) {
                        return -1; // a conditional, an assignment, an arrow or a sequence: not read
                    }
                    k.i = i + 1;
                }
                default -> k.skipLiteral(c, regex);
            }
            if (!k.after(c, template, regex)) {
                return -1;
            }
        }
        return after;
    }

    /**
     * Where the call that starts {@code t[s, e)} ends as a statement: after the {@code ;} that follows its argument
     * list, or after the list where the statement ends there or a line break ends it (the next line cannot go on
     * with it); -1 when more follows (a chained call, an operator).
     */
    static int callEnd(byte[] t, int s, int e) {
        int open = ByteScan.indexOf(t, s, e, '(');
        int[] statements = open < 0 ? null : ScriptStatements.split(t, s, e);
        if (statements == null || statements.length != 2) {
            return -1;
        }
        int close = argumentsEnd(t, open, e);
        if (close < 0) {
            return -1;
        }
        boolean lineBreak = false;
        int i = close;
        while (i < e) {
            if (t[i] == '/' && i + 1 < e && (t[i + 1] == '/' || t[i + 1] == '*')) {
                int c = ScriptTokens.skipComment(t, i, e);
                if (c < 0) {
                    return -1;
                }
                for (int x = i; x < c; x++) {
                    lineBreak |= t[x] == '\n' || t[x] == '\r';
                }
                i = c;
            } else if (ByteScan.isWs(t[i])) {
                lineBreak |= t[i] == '\n' || t[i] == '\r';
                i++;
            } else {
                break;
            }
        }
        if (i == e) {
            return close;
        }
        if (t[i] == ';') {
            return i + 1;
        }
        // after a line break the call ends unless the next line can go on with it
        return lineBreak && "([`+-*/%.,?:=<>&|^!".indexOf(t[i]) < 0 && !startsWithWord(t, i, e, "in")
            && !startsWithWord(t, i, e, "instanceof") ? close : -1;
    }

    /**
     * The index after the bracket that closes the argument list opening at {@code t[open]}; -1 when the text cannot
     * be read or the list does not close.
     */
    private static int argumentsEnd(byte[] t, int open, int e) {
        ScriptTokens k = new ScriptTokens(t, open, e);
        int close = -1;
        while (close < 0 && k.next()) {
            byte c = t[k.i];
            if (k.word()) {
                continue;
            }
            boolean regex = k.regexAllowed();
            boolean template = c == '`';
            switch (c) {
                case '(', '[', '{' -> k.open();
                case ')', ']', '}' -> {
                    if (k.closesSubstitution(c)) {
                        template = true;
                        break;
                    }
                    if (!k.close()) {
                        return -1;
                    }
                    if (k.depth == 0) {
                        close = k.i;
                    }
                }
                default -> k.skipLiteral(c, regex);
            }
            if (!k.after(c, template, regex)) {
                return -1;
            }
        }
        return close;
    }

    private static boolean startsWithWord(byte[] t, int i, int e, String w) {
        return ByteScan.startsWith(t, i, e, w) && (i + w.length() == e || !SnippetNames.isNamePart(t[i + w.length()]));
    }

    /**
     * Whether statement {@code t[s, e)} is a block or a control statement, whose bodies (a {@code switch}'s case
     * clauses) run where it stands.
     */
    private static boolean startsBlockThatRuns(byte[] t, int s, int e) {
        if (s < e && t[s] == '{') {
            return true;
        }
        int w = s;
        while (w < e && SnippetNames.isNamePart(t[w])) {
            w++;
        }
        String word = new String(t, s, w - s, StandardCharsets.US_ASCII);
        return word.equals("if") || word.equals("for") || word.equals("while") || word.equals("do")
            || word.equals("try") || word.equals("switch");
    }

    /**
     * Whether statement {@code t[s, e)} starts by calling one of {@code names}: {@code fbq(…)},
     * {@code dataLayer.push(…)}, also through the global object ({@code window.fbq(…)}, {@code self.fbq(…)},
     * {@code globalThis.fbq(…)}, {@code window['fbq'](…)}).
     */
    static boolean callsInto(byte[] t, int s, int e, Set<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        int i = s;
        for (String global : SnippetNames.GLOBALS) {
            if (ByteScan.startsWith(t, s, e, global)) {
                i = s + global.length();
                break;
            }
        }
        byte quote = i > s && t[i - 1] == '[' && i < e ? t[i] : 0;
        if (quote == '\'' || quote == '"') {
            i++; // window['fbq'](…)
        } else if (i > s && t[i - 1] == '[') {
            return false;
        }
        int ne = i;
        while (ne < e && SnippetNames.isNamePart(t[ne])) {
            ne++;
        }
        if (ne == i || !names.contains(new String(t, i, ne - i, StandardCharsets.US_ASCII))) {
            return false;
        }
        if (quote == '\'' || quote == '"') {
            if (ne + 1 >= e || t[ne] != quote || t[ne + 1] != ']') {
                return false;
            }
            ne += 2;
        }
        while (ne < e && (t[ne] == '.' || SnippetNames.isNamePart(t[ne]))) {
            ne++; // dataLayer.push
        }
        return ne < e && t[ne] == '(';
    }

    private SnippetCalls() {
    }
}
