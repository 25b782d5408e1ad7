package io.consentgate.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptStatementsTest {

    private static List<String> statements(String js) {
        byte[] b = js.getBytes(StandardCharsets.UTF_8);
        int[] s = ScriptStatements.split(b, 0, b.length);
        if (s == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < s.length; k += 2) {
            out.add(new String(b, s[k], s[k + 1] - s[k], StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void splitsAtSemicolonsOutsideBrackets() {
        assertEquals(List.of("var a = 1;", "f(a, function () { g(); h(); });", "x = [1, 2];"),
            statements("var a = 1;\n  f(a, function () { g(); h(); });  x = [1, 2];"));
    }

    @Test
    void aBlockStatementEndsWithItsBraceUnlessElseCatchOrFinallyGoesOn() {
        assertEquals(List.of("if (pf) { pf.a = 1; }", "(function () { go(); })();"),
            statements("if (pf) { pf.a = 1; }\n(function () { go(); })();"));
        assertEquals(List.of("if (a) { b(); } else { c(); }", "try { d(); } catch (e) { f(); } finally { g(); }",
                "function h() { return 1; }", "{ let i = 2; }"),
            statements("if (a) { b(); } else { c(); } try { d(); } catch (e) { f(); } finally { g(); }"
                + " function h() { return 1; } { let i = 2; }"));
        // an object literal or a function expression goes on to its ';'
        assertEquals(List.of("var o = { a: 1 }\n(x);", "y();"), statements("var o = { a: 1 }\n(x); y();"));
        // an else after a statement's ';' goes on with its if
        assertEquals(List.of("if (a) b(); else c();", "d();"), statements("if (a) b(); else c(); d();"));
    }

    @Test
    void literalsAndCommentsHideSemicolonsAndBrackets() {
        assertEquals(List.of("s = 'a;}b' + \"c;{d\\\"e;\";", "t = `x;${ f(`in;${1}`) };y{`;", "r = /[;/]}/g.test(s);",
                "n = a / b / c;"),
            statements("s = 'a;}b' + \"c;{d\\\"e;\"; // note; }\n/* ; { */ t = `x;${ f(`in;${1}`) };y{`;"
                + " r = /[;/]}/g.test(s); n = a / b / c;"));
        assertEquals(List.of("return /a;b/;"), statements("return /a;b/;"));
    }

    @Test
    void aLastStatementWithoutItsSemicolonIsOneToo() {
        assertEquals(List.of("a();", "b()\nc()"), statements("a(); b()\nc()"));
        assertEquals(List.of(), statements("  // only a comment\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"f(;", "a = 'open;", "b = `x${ y`;", "c = /x\n/;", "d(); })", "/* open", "e = \"a\nb\";"})
    void textItCannotReadIsRefused(String js) {
        assertNull(statements(js), js);
    }
}
