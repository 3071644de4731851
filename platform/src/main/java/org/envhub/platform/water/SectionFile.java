package org.envhub.platform.water;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.envhub.platform.imports.ImportProblem;
import org.envhub.standards.io.InputFiles;

/**
 * A sections registry file (断面台账), CSV or Excel: one section a row, columns found by their header in Chinese or
 * English, in any order: 断面编码 (section, code), 断面名称 (name), 控制级别 (level), 水体类型 (water_body), 河流/湖库
 * (water_name), 流域 (basin), 省份 (province), 城市 (city), 区县 (district), 经度, 纬度, 水质目标 (target), 启用
 * (active), 自动站MN (station_mn). A bad row is reported with its line and left out; the others are kept.
 */
public final class SectionFile {

    /** The sections read, each with the line it came from, and the problems found. */
    public record Result(List<WaterSectionForm> sections, List<String> where, List<ImportProblem> problems, int rows) {}

    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        alias("code", "断面编码", "断面代码", "编码", "code", "section", "section_code");
        alias("name", "断面名称", "名称", "name");
        alias("level", "控制级别", "断面级别", "级别", "考核级别", "level", "control_level");
        alias("body", "水体类型", "水体", "water_body", "body");
        alias("waterName", "河流", "所在河流", "河流名称", "湖库", "河流/湖库", "河流湖库", "所在水体", "water_name", "river");
        alias("basin", "流域", "所属流域", "basin");
        alias("province", "省份", "省", "province");
        alias("city", "城市", "地市", "city");
        alias("district", "区县", "区", "县", "district");
        alias("lon", "经度", "longitude", "lon");
        alias("lat", "纬度", "latitude", "lat");
        alias("target", "水质目标", "考核目标", "目标", "目标类别", "target");
        alias("active", "启用", "是否启用", "active");
        alias("mn", "自动站MN", "自动站mn", "自动站", "mn", "station_mn");
        alias("pw", "自动站密码", "pw", "station_password");
    }

    private static void alias(String key, String... names) {
        for (String n : names) {
            COLUMNS.put(n.toLowerCase(), key);
        }
    }

    private SectionFile() {}

    public static Result read(Path file, String name) {
        List<List<String>> table;
        try {
            table = SpreadsheetFile.table(file, name);
        } catch (IOException e) {
            return new Result(List.of(), List.of(), List.of(new ImportProblem(name, "cannot read the file: " + InputFiles.describe(e))), 0);
        } catch (RuntimeException e) {
            return new Result(List.of(), List.of(), List.of(new ImportProblem(name, "cannot read the file: " + e.getMessage())), 0);
        }
        if (table.isEmpty()) {
            return new Result(List.of(), List.of(), List.of(new ImportProblem(name, "empty file")), 0);
        }
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Integer> column = new HashMap<>();
        List<String> header = table.getFirst();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim().replace("\uFEFF", "");
            String key = COLUMNS.get(h.toLowerCase());
            if (key == null) {
                if (!h.isEmpty()) {
                    problems.add(new ImportProblem(name + ", line 1", "column '" + h + "' is not a registry column; ignored"));
                }
            } else {
                column.putIfAbsent(key, i);
            }
        }
        for (String needed : List.of("code", "name", "level", "body", "city")) {
            if (!column.containsKey(needed)) {
                return new Result(List.of(), List.of(), List.of(new ImportProblem(name + ", line 1", "no column for the section " + needed
                        + " (expected a header such as 断面编码,断面名称,控制级别,水体类型,河流,流域,城市,区县,经度,纬度,水质目标)")), 0);
            }
        }
        List<WaterSectionForm> forms = new ArrayList<>();
        List<String> where = new ArrayList<>();
        int rows = 0;
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> row = table.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            rows++;
            String at = name + ", line " + (r + 1);
            try {
                WaterSectionForm f = new WaterSectionForm(cell(row, column, "code"), cell(row, column, "name"), cell(row, column, "level"),
                        cell(row, column, "body"), cell(row, column, "waterName"), cell(row, column, "basin"), cell(row, column, "province"),
                        cell(row, column, "city"), cell(row, column, "district"), number(row, column, "lon", "longitude"),
                        number(row, column, "lat", "latitude"), cell(row, column, "target"), flag(cell(row, column, "active")),
                        cell(row, column, "mn"), cell(row, column, "pw"));
                String problem = f.problem();
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
                Integer first = seen.putIfAbsent(f.code().trim(), r + 1);
                if (first != null) {
                    throw new IllegalArgumentException("section " + f.code().trim() + " already listed on line " + first + "; the first is kept");
                }
                forms.add(f);
                where.add(at);
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(at, e.getMessage()));
            }
        }
        return new Result(forms, where, problems, rows);
    }

    private static String cell(List<String> row, Map<String, Integer> column, String key) {
        Integer i = column.get(key);
        return i == null || i >= row.size() ? null : row.get(i).trim();
    }

    private static Double number(List<String> row, Map<String, Integer> column, String key, String what) {
        String s = cell(row, column, key);
        if (s == null || s.isEmpty() || s.equals("-")) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + s + "' is not a number");
        }
    }

    private static Boolean flag(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        return switch (s.trim().toLowerCase()) {
            case "y", "yes", "是", "true", "1", "启用" -> true;
            case "n", "no", "否", "false", "0", "停用" -> false;
            default -> throw new IllegalArgumentException("active '" + s + "' is not Y/N (是/否)");
        };
    }
}
