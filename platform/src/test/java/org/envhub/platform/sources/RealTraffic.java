package org.envhub.platform.sources;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.envhub.platform.sources.tools.TrafficFiles;

/**
 * The shipped real traffic (two hours of 2016 HJ/T 212-2005 loggers), and an independent judgement of each
 * line: the rulebook's check value written out bit by bit, not the codec's.
 */
public final class RealTraffic {

    /** Surefire runs in the module folder; the traffic is shipped at the repository root. */
    public static final Path DIR = Path.of("..", "data", "hj212-traffic");

    private static byte[] all;

    private RealTraffic() {}

    public static synchronized byte[] bytes() {
        if (all == null) {
            try (Stream<Path> files = Files.list(DIR)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (Path p : files.filter(p -> p.toString().endsWith(".h212.gz")).sorted().toList()) {
                    out.writeBytes(TrafficFiles.read(p));
                }
                all = out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    public static List<byte[]> lines() {
        return TrafficFiles.lines(bytes());
    }

    /** ## + 4 digits, the declared length exactly, and the rulebook check value in upper-case hex. */
    public static boolean intact(byte[] line) {
        if (line.length < 10 || line[0] != '#' || line[1] != '#') {
            return false;
        }
        int len = 0;
        for (int i = 2; i < 6; i++) {
            if (line[i] < '0' || line[i] > '9') {
                return false;
            }
            len = len * 10 + line[i] - '0';
        }
        if (line.length != len + 10) {
            return false;
        }
        int reg = 0xFFFF;
        for (int i = 6; i < 6 + len; i++) {
            reg = (reg >> 8) ^ (line[i] & 0xFF);
            for (int k = 0; k < 8; k++) {
                reg = (reg & 1) != 0 ? (reg >> 1) ^ 0xA001 : reg >> 1;
            }
        }
        return new String(line, len + 6, 4, StandardCharsets.ISO_8859_1).equals(String.format("%04X", reg));
    }

    /** A header or CP value read naively from the line's text (first occurrence), or null. */
    public static String value(byte[] line, String key) {
        Matcher m = Pattern.compile("(?:^|[;&#0-9])" + Pattern.quote(key) + "=([^;&]*)").matcher(new String(line, StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : null;
    }
}
