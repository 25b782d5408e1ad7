package io.consentgate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.consentgate.PolicyReader.POLICY_FILE;

/**
 * Where the {@value PolicyReader#POLICY_FILE} is: {@code file:PATH}, {@code classpath:NAME} or a webapp path starting
 * with {@code /}. Opens it; when it is not there, the error says where it was looked for and what was likely meant.
 */
final class PolicyLocation {

    /** Top directories of a file system that no webapp has: a webapp path starting with one was meant as a file. */
    private static final Set<String> FILE_SYSTEM_ROOTS = Set.of("etc", "opt", "var", "srv", "home", "usr", "tmp",
            "run", "mnt", "Users");

    private final String location;

    private PolicyLocation(String location) {
        this.location = location;
    }

    /**
     * The location {@code location} (stripped, not {@code none}). A webapp path is read by the Servlet API only when
     * it starts with {@code /} ({@code ServletContext.getResourceAsStream}): without it one container answers "not
     * found" and another reads it anyway, so any other form is refused here, with the forms that are read. A relative
     * path is suggested under {@code /WEB-INF/}, never at the webapp's root, which the container serves to anyone.
     */
    static PolicyLocation of(String location) {
        if (location.startsWith("classpath:") || location.startsWith("file:") || location.startsWith("/")) {
            return new PolicyLocation(location);
        }
        String lower = location.toLowerCase(Locale.ROOT);
        boolean relativePath = !location.startsWith(".") && !location.contains(":") && !location.contains("\\")
                && !lower.startsWith("classpath") && !lower.startsWith("file");
        throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' is none of the forms read: classpath:NAME "
                + "(a class path resource), file:PATH (a file system path) or a webapp path starting with /, like "
                + "/WEB-INF/consentgate.yaml" + (relativePath ? " (did you mean '" + unserved("/" + location) + "'?)"
                : ""));
    }

    /**
     * Class path folders whose files are served to anyone who asks: {@code META-INF/resources/} of a jar in
     * {@code WEB-INF/lib} by every Servlet 3+ container, and Spring Boot's static folders.
     */
    private static final List<String> SERVED_CLASS_PATH = List.of("META-INF/resources/", "static/", "public/",
            "resources/");

    /**
     * Whether this location is served to anyone who asks: a webapp path outside {@code /WEB-INF/} and
     * {@code /META-INF/} (compared as the container does, after {@code .} and {@code ..} segments, in any case) or in
     * one of {@link #SERVED_CLASS_PATH} under {@code /WEB-INF/classes/}, or a class path name in one of those.
     */
    boolean isServedToAnyone() {
        return location.startsWith("/") ? isServed(location) : servedClassPathFolder() != null;
    }

    /** The served class path folder this {@code classpath:} location is in, or null. */
    private String servedClassPathFolder() {
        if (!location.startsWith("classpath:")) {
            return null;
        }
        String name = String.join("/", segments(location.substring("classpath:".length())));
        return SERVED_CLASS_PATH.stream().filter(name::startsWith).findFirst().orElse(null);
    }

    /**
     * Refuses this location when it is served to anyone ({@link #isServedToAnyone}) and the file holds the consent
     * secret itself: whoever downloads it can sign consent cookies that grant what the visitor never chose, so the
     * signature would protect nothing while looking as if it did. A file there without the secret, or naming it as
     * {@code env:NAME} or {@code none}, is read as before.
     *
     * @param secret the file's {@code consent-secret} as text, or null when it has none
     */
    void requireUnservedSecret(String secret, PolicyReader.ResourceOpener opener) {
        String s = secret == null ? "" : secret.strip();
        if (s.isEmpty() || PolicyParameters.isNone(s) || s.startsWith("env:")) {
            return;
        }
        String inWebapp = webappPathOfFile(opener);
        if (inWebapp != null && isServed(inWebapp)) {
            throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' holds the consent-secret, and it is in "
                    + "the webapp's directory, which the container serves to anyone at " + inWebapp + ": whoever "
                    + "downloads it can sign consent cookies. Move the file out of the webapp's directory or to "
                    + unserved(inWebapp) + " (named so here), and change the secret, since it may have been read; or "
                    + "give the secret as env:NAME");
        }
        if (!isServedToAnyone()) {
            return;
        }
        String folder = servedClassPathFolder();
        if (folder == null) {
            throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' holds the consent-secret, and the "
                    + "container serves that path to anyone: whoever downloads it can sign consent cookies. Move the "
                    + "file to " + unserved(location) + ", which the container never serves, name that here, and "
                    + "change the secret, since it may have been read; or give the secret as env:NAME");
        }
        String name = String.join("/", segments(location.substring("classpath:".length())));
        throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' holds the consent-secret, and class path "
                + "files under " + folder + " are served to anyone (META-INF/resources/ by the container, static/, "
                + "public/ and resources/ by Spring Boot): whoever downloads it can sign consent cookies. Move the "
                + "file to classpath:" + name.substring(folder.length()) + " or /WEB-INF/, name that here, and "
                + "change the secret, since it may have been read; or give the secret as env:NAME");
    }

    /**
     * The webapp path at which the container serves this {@code file:} location, when the file lies inside the
     * webapp's directory ({@code opener.realPath("/")}, both compared after links are followed); else null.
     */
    private String webappPathOfFile(PolicyReader.ResourceOpener opener) {
        Path file = location.startsWith("file:") ? filePath() : null;
        String root = opener == null || file == null ? null : opener.realPath("/");
        if (root == null) {
            return null;
        }
        try {
            Path realRoot = Path.of(root).toRealPath();
            Path realFile = file.toRealPath();
            if (!realFile.startsWith(realRoot) || realFile.equals(realRoot)) {
                return null;
            }
            List<String> names = new ArrayList<>();
            realRoot.relativize(realFile).forEach(n -> names.add(n.toString()));
            return "/" + String.join("/", names);
        } catch (IOException | InvalidPathException e) {
            // the file was just read; a root that cannot be resolved is not a directory the container serves from
            return null;
        }
    }

    /**
     * Whether the webapp path {@code path} is outside the two directories the container never serves, with
     * {@code \} read as a name's character (as on Linux) or as a separator (as a container on Windows reads it):
     * served if either reading serves it.
     */
    private static boolean isServed(String path) {
        return isServed(segments(path, "/")) || isServed(segments(path, "[/\\\\]"));
    }

    private static boolean isServed(List<String> segments) {
        String first = segments.size() < 2 ? "" : segments.get(0).toUpperCase(Locale.ROOT);
        if (first.equals("WEB-INF")) {
            return servedClassesFolder(segments) != null;
        }
        return !first.equals("META-INF");
    }

    /**
     * The served class path folder ({@link #SERVED_CLASS_PATH}) a path under {@code /WEB-INF/classes/} is in, or
     * null: {@code WEB-INF/classes} is the class path root of a WAR, whose {@code static/} Spring Boot serves.
     */
    private static String servedClassesFolder(List<String> segments) {
        if (segments.size() < 3 || !segments.get(1).equals("classes")) {
            return null;
        }
        String name = String.join("/", segments.subList(2, segments.size()));
        return SERVED_CLASS_PATH.stream().filter(name::startsWith).findFirst().orElse(null);
    }

    /** The webapp path's segments as the container resolves them: no empty or {@code .} one, {@code ..} applied. */
    private static List<String> segments(String path) {
        return segments(path, "/");
    }

    private static List<String> segments(String path, String separator) {
        List<String> segments = new ArrayList<>();
        for (String seg : path.split(separator)) {
            if (seg.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!seg.isEmpty() && !seg.equals(".")) {
                segments.add(seg);
            }
        }
        return segments;
    }

    /** The webapp path {@code path}, or where it is not served when the container serves it: under /WEB-INF. */
    private static String unserved(String path) {
        String separator = path.indexOf('\\') >= 0 ? "[/\\\\]" : "/";
        if (!isServed(path)) {
            return path;
        }
        List<String> segments = segments(path, separator);
        String folder = servedClassesFolder(segments);
        return folder == null ? "/WEB-INF/" + String.join("/", segments)
                : "/WEB-INF/" + String.join("/", segments.subList(2, segments.size())).substring(folder.length());
    }

    /**
     * The file's bytes, never null: not found is an {@link InvalidPolicyException} that says so.
     *
     * @param opener opens webapp paths; null when there is no webapp
     */
    InputStream open(PolicyReader.ResourceOpener opener) throws IOException {
        InputStream in;
        if (location.startsWith("classpath:")) {
            in = classLoader().getResourceAsStream(classpathName());
        } else if (location.startsWith("file:")) {
            Path p = filePath();
            if (p == null) {
                throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' is not a file system path");
            }
            in = isRegularFile(p) ? Files.newInputStream(p) : null;
        } else {
            try {
                in = opener == null ? null : opener.open(location);
            } catch (RuntimeException e) {
                // a container may refuse a webapp path it dislikes by throwing instead of answering "not found"
                throw new InvalidPolicyException(POLICY_FILE, "'" + location + "' cannot be read: " + e, e);
            }
        }
        if (in == null) {
            throw notFound(opener);
        }
        return in;
    }

    /** The location as written. */
    @Override
    public String toString() {
        return location;
    }

    private static ClassLoader classLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : PolicyLocation.class.getClassLoader();
    }

    /** The class path resource name of {@code classpath:NAME}, without a leading {@code /}. */
    private String classpathName() {
        String name = location.substring("classpath:".length());
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /**
     * The absolute path of {@code file:PATH} (a relative one from the working directory), or null when none. Not
     * normalized: {@code ..} after a symbolic link goes up from where the link points, as the file system resolves it.
     */
    private Path filePath() {
        try {
            return Path.of(location.substring("file:".length())).toAbsolutePath();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * Not found: where it was looked for (the absolute path, the class path resource or the webapp resource), the
     * form that finds it when another one does (or plainly names a file), and the forms there are. Looking elsewhere
     * happens only here, once, on the way to failing {@code init}.
     */
    private InvalidPolicyException notFound(PolicyReader.ResourceOpener opener) {
        String looked;
        String suggestion = null;
        if (location.startsWith("classpath:")) {
            String name = classpathName();
            looked = "no class path resource '" + name + "' (through the context class loader: in a webapp, "
                    + "WEB-INF/classes and the jars in WEB-INF/lib)";
            if (!name.isEmpty() && inWebapp("/" + name, opener)) {
                suggestion = webappSuggestion("/" + name);
            } else if (name.contains("/") && isFile("/" + name)) {
                suggestion = "file:/" + name;
            }
        } else if (location.startsWith("file:")) {
            Path p = filePath();
            String path = location.substring("file:".length());
            looked = (Files.isDirectory(p) ? p + " is a directory" : "no file at " + p)
                    + (Path.of(path).isAbsolute() ? "" : " (a relative path starts at the working directory)");
            String resource = path.startsWith("/") ? path : "/" + path;
            String first = resource.length() > 1 ? resource.substring(1).split("/", 2)[0] : "";
            if (inWebapp(resource, opener) || first.equals("WEB-INF") || first.equals("META-INF")) {
                suggestion = webappSuggestion(resource);
            } else if (onClassPath(resource.substring(1))) {
                suggestion = "classpath:" + resource.substring(1);
            }
        } else {
            looked = opener == null ? "a webapp path is read only in a webapp, and there is none here"
                    : "no webapp resource '" + location + "' (ServletContext.getResourceAsStream, from the webapp "
                    + "root)";
            String first = location.length() > 1 ? location.substring(1).split("/", 2)[0] : "";
            if (isFile(location) || FILE_SYSTEM_ROOTS.contains(first)) {
                suggestion = "file:" + location;
            } else if (onClassPath(location.substring(1))) {
                suggestion = "classpath:" + location.substring(1);
            } else if (isServed(location) && inWebapp(unserved(location), opener)) {
                suggestion = unserved(location);
            }
        }
        return new InvalidPolicyException(POLICY_FILE, "'" + location + "' not found: " + looked
                + (suggestion == null ? "." : "; did you mean " + suggestion + "?") + " Forms read: file:PATH (a file "
                + "system path), classpath:NAME (a class path resource), a webapp path starting with / (like "
                + "/WEB-INF/consentgate.yaml), or none for no policy file");
    }

    /**
     * The webapp path {@code resource} as a suggestion: where the file is, unless the container serves that to anyone;
     * then the same name under {@code /WEB-INF}, with why to move it there.
     */
    private static String webappSuggestion(String resource) {
        return !isServed(resource) ? resource : unserved(resource) + " (moving the file there: the webapp has it at "
                + resource + ", which the container serves to anyone)";
    }

    /**
     * Whether {@code p} is a regular file. A directory on the way the process may not enter is an
     * {@link AccessDeniedException} (reported as "cannot be read"), not "no file": the file may well be there, and an
     * operator who looks as another user would see it.
     */
    private static boolean isRegularFile(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).isRegularFile();
        } catch (AccessDeniedException e) {
            throw e;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isFile(String path) {
        try {
            return Files.isRegularFile(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean onClassPath(String name) {
        try {
            return !name.isEmpty() && classLoader().getResource(name) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the webapp holds {@code path}; any failure to tell is "no". */
    private static boolean inWebapp(String path, PolicyReader.ResourceOpener opener) {
        if (opener == null) {
            return false;
        }
        try (InputStream in = opener.open(path)) {
            return in != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
