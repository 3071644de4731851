package org.envhub.platform.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.envhub.platform.imports.ImportProblem;
import org.envhub.standards.io.CsvFields;
import org.envhub.standards.io.InputFiles;

/**
 * A station registry file (站点台账), CSV or Excel (.xlsx): one station a row, columns found by their header, in
 * Chinese or English. The national list's layout (监测点编码,监测点名称,城市,经度,纬度,对照点) is one such file;
 * a bureau's own may add 省份, 区县, 启用日期 and 停用日期. A bad row is reported with its line and left out.
 */
public final class RegistryFile {

    /** The stations read and the problems found. */
    public record Result(List<StationForm> stations, List<ImportProblem> problems, int rows) {}

    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        alias("code", "监测点编码", "站点编码", "编码", "code");
        alias("name", "监测点名称", "站点名称", "名称", "name");
        alias("province", "省份", "省", "province");
        alias("city", "城市", "city");
        alias("district", "区县", "区", "district");
        alias("lon", "经度", "longitude", "lon");
        alias("lat", "纬度", "latitude", "lat");
        alias("control", "对照点", "control");
        alias("from", "启用日期", "active_from", "activefrom");
        alias("until", "停用日期", "active_until", "activeuntil");
    }

    private static void alias(String key, String... names) {
        for (String n : names) {
            COLUMNS.put(n.toLowerCase(), key);
        }
    }

    private RegistryFile() {}

    public static Result read(String fileName, byte[] content) {
        List<List<String>> table;
        try {
            table = rows(fileName, content);
        } catch (IOException | RuntimeException e) {
            return new Result(List.of(), List.of(new ImportProblem(fileName, "cannot read the file: " + e.getMessage())), 0);
        }
        List<ImportProblem> problems = new ArrayList<>();
        if (table.isEmpty()) {
            return new Result(List.of(), List.of(new ImportProblem(fileName, "empty file")), 0);
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = table.getFirst();
        for (int i = 0; i < header.size(); i++) {
            String key = COLUMNS.get(header.get(i).trim().replace("\uFEFF", "").toLowerCase());
            if (key != null) {
                column.putIfAbsent(key, i);
            }
        }
        for (String needed : List.of("code", "name", "city")) {
            if (!column.containsKey(needed)) {
                return new Result(List.of(), List.of(new ImportProblem(fileName + ", line 1",
                        "no column for the station " + needed + " (expected a header such as 监测点编码,监测点名称,城市,经度,纬度,对照点)")), 0);
            }
        }
        List<StationForm> stations = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> row = table.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            String where = fileName + ", line " + (r + 1);
            try {
                stations.add(new StationForm(cell(row, column, "code"), cell(row, column, "name"), cell(row, column, "province"),
                        cell(row, column, "city"), cell(row, column, "district"), number(row, column, "lon"), number(row, column, "lat"),
                        flag(cell(row, column, "control")), date(row, column, "from"), date(row, column, "until")));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(where, e.getMessage()));
            }
        }
        return new Result(stations, problems, table.size() - 1);
    }

    /**
     * The cells of a CSV (UTF-8, optionally gzipped) or Excel (.xlsx, first sheet) file, row by row; row i is line
     * i + 1 of the file. Shared by the other registry imports.
     */
    public static List<List<String>> rows(String fileName, byte[] content) throws IOException {
        return fileName.toLowerCase().endsWith(".xlsx") ? excel(content) : csv(fileName, content);
    }

    private static String cell(List<String> row, Map<String, Integer> column, String key) {
        Integer i = column.get(key);
        return i == null || i >= row.size() ? null : row.get(i).trim();
    }

    private static Double number(List<String> row, Map<String, Integer> column, String key) {
        String s = cell(row, column, key);
        if (s == null || s.isEmpty() || s.equals("-")) {
            return null; // the national list writes an unknown coordinate as '-' or leaves it empty
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException((key.equals("lon") ? "longitude" : "latitude") + " '" + s + "' is not a number");
        }
    }

    private static LocalDate date(List<String> row, Map<String, Integer> column, String key) {
        String s = cell(row, column, key);
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(s.replace('/', '-'));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException((key.equals("from") ? "启用日期" : "停用日期") + " '" + s + "' is not a date YYYY-MM-DD");
        }
    }

    private static boolean flag(String s) {
        return s != null && (s.equalsIgnoreCase("Y") || s.equals("是") || s.equalsIgnoreCase("true") || s.equals("1"));
    }

    private static List<List<String>> csv(String fileName, byte[] content) throws IOException {
        InputStream in = new ByteArrayInputStream(content);
        if (fileName.toLowerCase().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        List<List<String>> table = new ArrayList<>();
        for (String line : InputFiles.lines(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
            List<String> fields = CsvFields.split(line);
            table.add(fields == null ? List.of(line) : fields);
        }
        return table;
    }

    private static List<List<String>> excel(byte[] content) throws IOException {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> table = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                while (table.size() < row.getRowNum()) {
                    table.add(List.of()); // keep line numbers true to the sheet
                }
                table.add(cells);
            }
            return table;
        }
    }
}
