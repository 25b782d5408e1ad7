package io.consentgate;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every parameter the reader accepts is documented in the README table and shown in the demo's web.xml; the README's
 * example policy file reads and does what it says.
 */
class DocumentedParametersTest {

    @Test
    void readmeTableListsEveryParameterWithItsDefault() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Map.Entry<String, String> p : PolicyReader.PARAMETERS.entrySet()) {
            String row = "| `" + p.getKey() + "` | ";
            int at = readme.indexOf(row);
            assertTrue(at >= 0, "README has no table row for " + p.getKey());
            String cell = readme.substring(at + row.length(), readme.indexOf(" |", at + row.length()));
            assertEquals(p.getValue(), cell.replace("`", ""), "README default of " + p.getKey());
        }
    }

    @Test
    void filterJavadocListsEveryParameterWithItsDefault() throws Exception {
        String source = Files.readString(Path.of("src/main/java/io/consentgate/ConsentGateFilter.java"));
        for (Map.Entry<String, String> p : PolicyReader.PARAMETERS.entrySet()) {
            String item = " *   <li>{@code " + p.getKey() + "} (default ";
            int at = source.indexOf(item);
            assertTrue(at >= 0, "the filter's Javadoc does not list " + p.getKey());
            String rest = source.substring(at + item.length());
            String expected = p.getValue().equals("none") ? "none" : "{@code " + p.getValue() + "}";
            assertTrue(rest.startsWith(expected + ")"), "Javadoc default of " + p.getKey() + ": " +
                    rest.substring(0, Math.min(60, rest.length())));
        }
    }

    @Test
    void demoWebXmlShowsEveryParameter() throws Exception {
        String webXml = Files.readString(Path.of("demo-webapp/src/main/webapp/WEB-INF/web.xml"));
        Matcher m = Pattern.compile("<param-name>([^<]+)</param-name>").matcher(webXml);
        java.util.Set<String> shown = new java.util.HashSet<>();
        while (m.find()) {
            shown.add(m.group(1));
        }
        assertEquals(PolicyReader.PARAMETERS.keySet(), shown);
    }

    @Test
    void readmePolicyFileExampleReadsAndDoesWhatItSays(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### A policy file");
        assertTrue(section >= 0, "README has no policy file section");
        int from = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String example = readme.substring(from, readme.indexOf("```", from));
        Path file = Files.writeString(dir.resolve("consentgate.yaml"), example);

        Policy p = PolicyReader.read(Map.of("policy-file", "file:" + file), location -> null);

        assertEquals(ConsentMode.OPT_IN, p.mode());
        assertEquals(EnumSet.of(Category.ANALYTICS, Category.MARKETING), p.gpcRefuses());
        assertEquals(io.consentgate.log.AccessLogFormat.JSON, p.accessLog());
        assertEquals("acme-stats", p.catalog().matchUrl("https://stats.acme.example/s.js", null).tracker().id());
        assertEquals("acme-stats", p.catalog().matchCookie("_acme_s_1", null).tracker().id());
        assertNull(p.catalog().matchUrl("https://static.hotjar.com/c/hotjar-1.js", null), "hotjar is switched off");
    }
}
