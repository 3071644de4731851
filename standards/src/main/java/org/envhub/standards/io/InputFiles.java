package org.envhub.standards.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Finds and opens input files. Every reader of this package goes through {@link #open(Path)}, so a
 * {@code .gz} file is read as transparently as a plain one.
 */
public final class InputFiles {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private InputFiles() {}

    /**
     * Turns command-line names into files: a file stays itself; a directory gives every
     * {@code *.csv} and {@code *.csv.gz} directly inside it; a name with {@code * ? [ {} is a glob
     * such as {@code data/cnemc-hourly/*.csv.gz} ({@code **} crosses directories). Each group is
     * sorted by name, the order of the arguments is kept, and a file named twice is read once.
     *
     * @throws IllegalArgumentException naming every argument that matches no file
     */
    public static List<Path> expand(List<String> args) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (String arg : args) {
            List<Path> found = isGlob(arg) ? glob(arg) : plain(arg);
            if (found.isEmpty()) {
                unmatched.add(arg);
            }
            for (Path p : found) {
                if (seen.add(p.toAbsolutePath().normalize())) {
                    files.add(p);
                }
            }
        }
        if (!unmatched.isEmpty()) {
            throw new IllegalArgumentException((unmatched.size() == 1 ? "no input file matches " : "no input files match ")
                    + String.join(", ", unmatched.stream().map(a -> "'" + a + "'").toList()));
        }
        return files;
    }

    /** True for the data files a directory contributes: {@code *.csv} and {@code *.csv.gz}. */
    public static boolean isCsv(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }

    private static boolean isGlob(String arg) {
        return arg.indexOf('*') >= 0 || arg.indexOf('?') >= 0 || arg.indexOf('[') >= 0 || arg.indexOf('{') >= 0;
    }

    private static List<Path> plain(String arg) {
        Path p = Path.of(arg);
        if (Files.isDirectory(p)) {
            try (Stream<Path> inside = Files.list(p)) {
                return inside.filter(Files::isRegularFile).filter(InputFiles::isCsv).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list directory " + arg, e);
            }
        }
        return Files.isRegularFile(p) ? List.of(p) : List.of();
    }

    private static List<Path> glob(String arg) {
        String pattern = arg.replace('\\', '/');
        // The directory part before the first wildcard is walked; the rest is matched.
        int wildcard = firstWildcard(pattern);
        int slash = pattern.lastIndexOf('/', wildcard);
        Path base = slash < 0 ? Path.of("") : Path.of(slash == 0 ? "/" : pattern.substring(0, slash));
        String relative = pattern.substring(slash + 1);
        if (!Files.isDirectory(base.toString().isEmpty() ? Path.of(".") : base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + relative);
        int depth = relative.contains("**") ? Integer.MAX_VALUE : relative.split("/").length;
        Path walkRoot = base.toString().isEmpty() ? Path.of(".") : base;
        try (Stream<Path> walk = Files.walk(walkRoot, depth)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(walkRoot.relativize(p)))
                    .map(p -> base.toString().isEmpty() ? walkRoot.relativize(p) : p)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + walkRoot + " for " + arg, e);
        }
    }

    private static int firstWildcard(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return s.length();
    }

    /** Opens a file for reading, un-gzipping it if it starts with the gzip magic number (whatever its name). */
    public static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    /** A line reader over a (possibly gzipped) UTF-8 file, for files too large to hold as text. */
    public static BufferedReader newReader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * The whole text of a small (possibly gzipped) file. UTF-8 is expected; a file that is not valid
     * UTF-8 is decoded as GB18030, the encoding Chinese offices' spreadsheets save CSV in. A byte
     * order mark is dropped.
     */
    public static String readText(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = open(file)) {
            bytes = in.readAllBytes();
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, start, bytes.length - start, GB18030);
        }
    }

    /**
     * The lines of a small file for a reader: counted as a file read, or, when it cannot be read, reported
     * as {@code file: cannot read: reason} and given as {@code null}, so one bad file never stops a run.
     */
    public static List<String> readLines(Path file, ReadReport report) {
        try {
            String text = readText(file);
            report.countFile();
            return lines(text);
        } catch (IOException e) {
            report.problem(file.toString(), 0, "cannot read: " + describe(e));
            return null;
        }
    }

    /** A short reason for an I/O failure, for a {@link ReadProblem}: the JDK's messages often name only the file. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof EOFException) {
            return "the data ends early" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        if (e instanceof ZipException) {
            return "broken gzip data (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Splits text into lines, accepting LF and CRLF; a final line ending adds no empty line. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, stop));
            start = end + 1;
        }
        return lines;
    }
}
