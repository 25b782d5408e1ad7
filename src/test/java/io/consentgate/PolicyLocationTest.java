package io.consentgate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the policy file is looked for and what its not-found error says. Through {@link PolicyReader#read}, so each
 * message is checked as {@code init} reports it.
 */
class PolicyLocationTest {

    private static Policy read(Map<String, String> params) {
        return PolicyReader.read(params, location -> null);
    }

    /**
     * The Servlet API reads a webapp resource path only when it starts with {@code /}: without it one container
     * answers "not found" and another throws, so the message says which forms are read, whatever the container does.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "WEB-INF/consentgate.yaml|/WEB-INF/consentgate.yaml", "consentgate.json|/WEB-INF/consentgate.json",
        "conf/consentgate.yaml|/WEB-INF/conf/consentgate.yaml", "META-INF/cg.yaml|/META-INF/cg.yaml",
        "./WEB-INF/consentgate.yml|", "C:\\conf\\consentgate.yaml|", "classpath/consentgate.yaml|",
    })
    void aPolicyFileInNoneOfTheAcceptedFormsNamesThem(String location, String suggested) {
        byte[] yaml = "mode: opt-out\n".getBytes(StandardCharsets.UTF_8);
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> PolicyReader.read(
                Map.of("policy-file", location), loc -> new ByteArrayInputStream(yaml)));
        assertEquals("policy-file", e.parameter());
        String m = e.getMessage();
        assertTrue(m.contains("'" + location + "'") && m.contains("classpath:NAME") && m.contains("file:PATH")
                && m.contains("/WEB-INF/"), m);
        if (suggested != null) {
            assertTrue(m.contains(suggested + "'"), m);
        }
        assertEquals(ConsentMode.OPT_OUT, PolicyReader.read(Map.of("policy-file", "/WEB-INF/consentgate.yaml"),
                loc -> new ByteArrayInputStream(yaml)).mode());
    }

    /**
     * A relative name is suggested under {@code /WEB-INF/}, never at the webapp's root: the container serves that to
     * anyone, and a policy there holding the consent secret would be downloadable.
     */
    @Test
    void aRelativePolicyFileIsSuggestedWhereTheContainerNeverServesIt() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of("policy-file", "consentgate.yaml")));
        assertTrue(e.getMessage().endsWith(" (did you mean '/WEB-INF/consentgate.yaml'?)"), e.getMessage());
        assertFalse(e.getMessage().contains("'/consentgate.yaml'"), e.getMessage());
    }

    /**
     * A policy file the container serves to anyone (outside /WEB-INF/ and /META-INF/, as the container compares the
     * path) may not hold the consent secret itself: whoever downloads it could sign consent cookies. The message names
     * the file and where to move it, and never the secret.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/consentgate.yaml|/WEB-INF/consentgate.yaml", "/conf/cg.yaml|/WEB-INF/conf/cg.yaml",
        "/WEB-INF/../cg.yaml|/WEB-INF/cg.yaml", "/static/WEB-INF/cg.yaml|/WEB-INF/static/WEB-INF/cg.yaml",
        "/WEB-INF.yaml|/WEB-INF/WEB-INF.yaml", "/./conf//cg.yml|/WEB-INF/conf/cg.yml",
        // a container on Windows reads a backslash as '/': out of WEB-INF again
        "/WEB-INF/..\\cg.yaml|/WEB-INF/cg.yaml",
        // a WAR's class path folders that Spring Boot (static/, public/, resources/) or the container serve
        "/WEB-INF/classes/static/cg.yaml|/WEB-INF/cg.yaml",
        "/WEB-INF/classes/META-INF/resources/conf/cg.yaml|/WEB-INF/conf/cg.yaml",
    })
    void aServedPolicyFileHoldingTheSecretIsRefused(String location, String moveTo) {
        String secret = "s3cr3t-0123456789abcdef0123456789abcdef";
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> PolicyReader.read(
                Map.of("policy-file", location), policy("mode: opt-out\nconsent-secret: " + secret + "\n")));
        assertEquals("policy-file", e.parameter());
        assertEquals("ConsentGate: invalid configuration 'policy-file': '" + location + "' holds the consent-secret, "
                + "and the container serves that path to anyone: whoever downloads it can sign consent cookies. Move "
                + "the file to " + moveTo + ", which the container never serves, name that here, and change the "
                + "secret, since it may have been read; or give the secret as env:NAME", e.getMessage());
        assertFalse(e.getMessage().contains(secret), e.getMessage());
        // As an init-param the secret wins over the file's, but the file still publishes one: still refused.
        assertThrows(InvalidPolicyException.class, () -> PolicyReader.read(Map.of("policy-file", location,
                "consent-secret", "none"), policy("consent-secret: " + secret + "\n")));
    }

    /** Where the container never serves the file, or where the file holds no secret, it is read as before. */
    @Test
    void aPolicyFileIsReadWhereItIsNotServedOrHoldsNoSecret() {
        String secret = "0123456789abcdef0123456789abcdef";
        for (String unserved : new String[] {"/WEB-INF/cg.yaml", "/META-INF/cg.yaml", "/web-inf/cg.yaml",
            "/./WEB-INF/cg.yaml", "//WEB-INF/cg.yaml", "/WEB-INF/conf/../cg.yaml", "/WEB-INF/classes/cg.yaml",
            "/WEB-INF/classes/config/static/cg.yaml"}) {
            Policy p = PolicyReader.read(Map.of("policy-file", unserved), policy("consent-secret: " + secret + "\n"));
            assertEquals(secret, new String(p.consentSecret(), StandardCharsets.UTF_8), unserved);
        }
        for (String noSecret : new String[] {"consent-secret: none\n", "mode: opt-out\n",
            "consent-secret: env:PATH\n"}) {
            Policy p = PolicyReader.read(Map.of("policy-file", "/consentgate.yaml"), policy(noSecret));
            assertEquals(noSecret.startsWith("mode") ? ConsentMode.OPT_OUT : ConsentMode.OPT_IN, p.mode(), noSecret);
        }
    }

    @Test
    void aFileOrClassPathPolicyFileMayHoldTheSecret() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "policy-" + java.util.UUID.randomUUID()));
        Path file = Files.writeString(dir.resolve("consentgate.yaml"),
                "consent-secret: 0123456789abcdef0123456789abcdef\n").toAbsolutePath();
        try {
            assertEquals(32, read(Map.of("policy-file", "file:" + file)).consentSecret().length);
        } finally {
            Files.delete(file);
            Files.delete(dir);
        }
    }

    /**
     * A {@code file:} path into the directory an unpacked webapp is served from is served like its webapp path: with
     * the secret in it, it is refused unless it is under the directory's WEB-INF or META-INF. Without a directory
     * (a packed WAR, an opener that knows none) the file is read as any other.
     */
    @Test
    void aFilePolicyInsideTheWebappsDirectoryIsServedLikeItsWebappPath() throws IOException {
        Path webapp = Files.createDirectories(Path.of("target", "webapp-" + java.util.UUID.randomUUID()));
        Files.createDirectories(webapp.resolve("WEB-INF"));
        Files.createDirectories(webapp.resolve("conf"));
        String secret = "0123456789abcdef0123456789abcdef";
        PolicyReader.ResourceOpener exploded = new PolicyReader.ResourceOpener() {
            @Override
            public java.io.InputStream open(String location) {
                return null;
            }

            @Override
            public String realPath(String path) {
                return webapp.resolve(path.substring(1)).toAbsolutePath().toString();
            }
        };
        try {
            Files.createDirectories(webapp.resolve("WEB-INF/classes/public"));
            for (String served : new String[] {"consentgate.yaml", "conf/consentgate.yaml",
                "WEB-INF/classes/public/consentgate.yaml"}) {
                Path file = Files.writeString(webapp.resolve(served), "consent-secret: " + secret + "\n");
                String location = "file:" + file.toAbsolutePath();
                InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                        () -> PolicyReader.read(Map.of("policy-file", location), exploded));
                assertEquals("ConsentGate: invalid configuration 'policy-file': '" + location + "' holds the "
                        + "consent-secret, and it is in the webapp's directory, which the container serves to anyone "
                        + "at /" + served + ": whoever downloads it can sign consent cookies. Move the file out of "
                        + "the webapp's directory or to /WEB-INF/" + served.replace("WEB-INF/classes/public/", "")
                        + " (named so here), and change the "
                        + "secret, since it may have been read; or give the secret as env:NAME", e.getMessage());
                assertFalse(e.getMessage().contains(secret), e.getMessage());
                assertEquals(32, PolicyReader.read(Map.of("policy-file", location), location2 -> null)
                        .consentSecret().length, "no webapp directory known: read as any file");
                Files.writeString(file, "consent-secret: env:PATH\nmode: opt-out\n");
                assertEquals(ConsentMode.OPT_OUT, PolicyReader.read(Map.of("policy-file", location), exploded).mode());
            }
            Path unserved = Files.writeString(webapp.resolve("WEB-INF/consentgate.yaml"),
                    "consent-secret: " + secret + "\n");
            // through a dot-dot the file is still where the file system resolves it: under WEB-INF
            String viaDots = "file:" + webapp.toAbsolutePath() + "/conf/../WEB-INF/consentgate.yaml";
            assertEquals(32, PolicyReader.read(Map.of("policy-file", viaDots), exploded).consentSecret().length);
            assertEquals(32, PolicyReader.read(Map.of("policy-file", "file:" + unserved.toAbsolutePath()), exploded)
                    .consentSecret().length);
        } finally {
            try (var files = Files.walk(webapp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * A class path policy file with the secret in a folder that is served to anyone (a jar's META-INF/resources/ in
     * any container, Spring Boot's static/, public/ and resources/) is refused too; elsewhere on the class path it is
     * read.
     */
    @Test
    void aClassPathPolicyFileInAServedFolderHoldingTheSecretIsRefused() {
        for (String served : new String[] {"classpath:META-INF/resources/consentgate-test/with-secret.yaml",
            "classpath:/static/consentgate-test/with-secret.yaml"}) {
            InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                    () -> read(Map.of("policy-file", served)));
            assertTrue(e.getMessage().contains("'" + served + "' holds the consent-secret, and class path files under ")
                    && e.getMessage().contains("Move the file to classpath:consentgate-test/with-secret.yaml or "
                    + "/WEB-INF/"), e.getMessage());
            assertFalse(e.getMessage().contains("0123456789abcdef"), e.getMessage());
        }
        assertEquals(32, read(Map.of("policy-file", "classpath:consentgate-test/with-secret.yaml"))
                .consentSecret().length);
    }

    /**
     * A file the webapp holds where the container serves it is suggested under /WEB-INF/, with why to move it; one
     * named at the root but kept under /WEB-INF/ is suggested there.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "classpath:consentgate.yaml|/consentgate.yaml|/WEB-INF/consentgate.yaml (moving the file there: the webapp "
            + "has it at /consentgate.yaml, which the container serves to anyone)",
        "file:consentgate.yaml|/consentgate.yaml|/WEB-INF/consentgate.yaml (moving the file there: the webapp has "
            + "it at /consentgate.yaml, which the container serves to anyone)",
        "/consentgate.yaml|/WEB-INF/consentgate.yaml|/WEB-INF/consentgate.yaml",
        "/conf/cg.yaml|/WEB-INF/conf/cg.yaml|/WEB-INF/conf/cg.yaml",
    })
    void aPolicyFileNotFoundIsSuggestedWhereTheContainerNeverServesIt(String location, String inWebapp,
            String suggested) {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> PolicyReader.read(
                Map.of("policy-file", location), loc -> loc.equals(inWebapp)
                        ? new ByteArrayInputStream("mode: opt-out\n".getBytes(StandardCharsets.UTF_8)) : null));
        assertTrue(e.getMessage().contains("; did you mean " + suggested + "? Forms read: "), e.getMessage());
    }

    private static PolicyReader.ResourceOpener policy(String yaml) {
        return loc -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A policy file not found says where it was looked for, suggests the form that finds it when another one does (or
     * when a webapp path plainly names a file), and lists the forms that are read.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/etc/consentgate/policy.json|no webapp resource '/etc/consentgate/policy.json' (ServletContext|"
            + "file:/etc/consentgate/policy.json",
        "/WEB-INF/nope.json|no webapp resource '/WEB-INF/nope.json'|",
        "/io/consentgate/catalog/trackers.json|no webapp resource|classpath:io/consentgate/catalog/trackers.json",
        "classpath:nope.yaml|no class path resource 'nope.yaml' (through the context class loader|",
        "classpath:/WEB-INF/consentgate.yaml|no class path resource 'WEB-INF/consentgate.yaml'|"
            + "/WEB-INF/consentgate.yaml",
        "file:/WEB-INF/consentgate.yaml|no file at /WEB-INF/consentgate.yaml|/WEB-INF/consentgate.yaml",
        "file:/WEB-INF/other.yaml|no file at /WEB-INF/other.yaml|/WEB-INF/other.yaml",
        "file:/srv/consentgate.yaml|no file at /srv/consentgate.yaml|",
        "file:io/consentgate/catalog/trackers.json|(a relative path starts at the working directory)|"
            + "classpath:io/consentgate/catalog/trackers.json",
    })
    void aPolicyFileNotFoundSaysWhereItLookedAndWhatWasMeant(String location, String looked, String suggested) {
        byte[] yaml = "mode: opt-out\n".getBytes(StandardCharsets.UTF_8);
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> PolicyReader.read(
                Map.of("policy-file", location),
                loc -> loc.equals("/WEB-INF/consentgate.yaml") ? new ByteArrayInputStream(yaml) : null));
        assertEquals("policy-file", e.parameter());
        String m = e.getMessage();
        assertTrue(m.contains("'" + location + "' not found: ") && m.contains(looked), m);
        assertTrue(m.contains("file:PATH") && m.contains("classpath:NAME") && m.contains("/WEB-INF/consentgate.yaml)")
                && m.contains("none for no policy file"), m);
        if (suggested == null) {
            assertFalse(m.contains("did you mean"), m);
        } else {
            assertTrue(m.contains("; did you mean " + suggested + "? Forms read: "), m);
        }
    }

    @Test
    void aRelativeFilePathNotFoundIsNamedAbsolute() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of("policy-file", "file:conf/../nope/consentgate.yaml")));
        // As written, made absolute: the file system, not the name, says where conf/.. leads (conf may be a link).
        String absolute = Path.of("conf/../nope/consentgate.yaml").toAbsolutePath().toString();
        assertTrue(e.getMessage().contains("no file at " + absolute + " (a relative path starts at the working "
                + "directory)"), e.getMessage());
    }

    /**
     * {@code ..} after a symbolic link goes up from where the link points, as the file system resolves it (and
     * {@code cat} finds the file): the path is opened as written, not shortened first.
     */
    @Test
    void aFilePathWithDotDotAfterASymbolicLinkIsOpenedAsTheFileSystemResolvesIt() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "linked-" + java.util.UUID.randomUUID())).toAbsolutePath();
        Path sub = Files.createDirectories(dir.resolve("real").resolve("sub"));
        Path file = Files.writeString(dir.resolve("real").resolve("consentgate.yaml"), "mode: opt-out\n");
        Path link = dir.resolve("link");
        try {
            Files.createSymbolicLink(link, sub);
            String location = "file:" + link + "/../consentgate.yaml";
            assertEquals(ConsentMode.OPT_OUT, read(Map.of("policy-file", location)).mode());
        } finally {
            Files.deleteIfExists(link);
            Files.delete(file);
            Files.delete(sub);
            Files.delete(sub.getParent());
            Files.delete(dir);
        }
    }

    @Test
    void aWebappPathThatIsAFileOnDiskSuggestsTheFileForm() throws IOException {
        // Under the project, not /tmp: a path in a well-known system directory is suggested as a file anyway.
        Path dir = Files.createDirectories(Path.of("target", "policy-" + java.util.UUID.randomUUID()));
        Path file = Files.writeString(dir.resolve("consentgate.yaml"), "mode: opt-out\n").toAbsolutePath();
        try {
            InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                    () -> read(Map.of("policy-file", file.toString())));
            assertTrue(e.getMessage().contains("; did you mean file:" + file + "?"), e.getMessage());
            assertEquals(ConsentMode.OPT_OUT, read(Map.of("policy-file", "file:" + file)).mode());
            Path folder = Files.createDirectory(dir.resolve("folder.yaml")).toAbsolutePath();
            InvalidPolicyException asDirectory = assertThrows(InvalidPolicyException.class,
                    () -> read(Map.of("policy-file", "file:" + folder)));
            assertTrue(asDirectory.getMessage().contains("not found: " + folder + " is a directory."),
                    asDirectory.getMessage());
        } finally {
            Files.deleteIfExists(dir.resolve("folder.yaml"));
            Files.delete(file);
            Files.delete(dir);
        }
    }

    @Test
    void aWebappPathWithNoWebappSaysSo() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> PolicyReader.read(Map.of("policy-file", "/WEB-INF/consentgate.yaml"), null));
        assertTrue(e.getMessage().contains("not found: a webapp path is read only in a webapp, and there is none "
                + "here") && e.getMessage().contains("file:PATH"), e.getMessage());
    }

    /** A path the file system cannot hold is a configuration error naming it, not an exception escaping init. */
    @Test
    void aFilePathTheFileSystemCannotHoldIsAClearError() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> read(Map.of("policy-file", "file:/etc/consent\u0000gate.yaml")));
        assertEquals("policy-file", e.parameter());
        assertTrue(e.getMessage().contains("is not a file system path"), e.getMessage());
    }

    /** A container that refuses a webapp path by throwing fails init with the policy-file error, not its exception. */
    @Test
    void aWebappPathTheContainerRefusesByThrowingCannotBeRead() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> PolicyReader.read(Map.of("policy-file", "/WEB-INF/../consentgate.yaml"), location -> {
                    throw new IllegalArgumentException("path outside the webapp");
                }));
        assertEquals("policy-file", e.parameter());
        assertTrue(e.getMessage().contains("'/WEB-INF/../consentgate.yaml' cannot be read: "
                + "java.lang.IllegalArgumentException: path outside the webapp"), e.getMessage());
    }
}
