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

    private static List<String> bodies(String js) {
        byte[] b = js.getBytes(StandardCharsets.UTF_8);
        ScriptStatements.Frame f = ScriptStatements.frame(b, 0, b.length);
        if (f == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < f.bodies().length; k += 2) {
            out.add(new String(b, f.bodies()[k], f.bodies()[k + 1] - f.bodies()[k], StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void theBodiesOfAStatementAreThoseOfItsFunctionsAndBlocksAtAnyBracketDepth() {
        // callbacks in an object literal argument: a function expression, a method, an arrow; not the literals
        assertEquals(List.of(" a(); ", " b(); ", " c(); "),
            bodies("cc.run({ onAccept: function (x) { a(); }, onChange({y}) { b(); }, lang: { en: {} },"
                + " onFirst: ({z}) => { c(); } });"));
        // blocks of control statements, and a bare block, but only the outermost: inner bodies are read later
        assertEquals(List.of(" if (a) { b(); } ", " c(); "), bodies("if (x) { if (a) { b(); } } else { c(); }"));
        assertEquals(List.of(" a(); ", " b(); ", " c(); ", " d(); "),
            bodies("try { a(); } catch (e) { b(); } finally { c(); } do { d(); } while (0);"));
        assertEquals(List.of(" let i = 1; "), bodies("{ let i = 1; }"));
        // a switch holds case clauses, no statements; a class body, a returned literal and a template are no bodies
        assertEquals(List.of(), bodies("switch (k) { case 1: go(); }"));
        assertEquals(List.of(" return 1; "), bodies("class A { m() { return 1; } }"));
        assertEquals(List.of(), bodies("x = `a ${ {b: 1}.b } c`;"));
        // braces in strings, comments and regular expressions count for nothing
        assertEquals(List.of(" s = '}'; /* { */ r = /[{]/; "), bodies("f(function () { s = '}'; /* { */ r = /[{]/; });"));
        assertEquals(null, bodies("f(function () { g(; );"));
        assertEquals(null, bodies("f(function () { g(); )"));
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
