package org.envhub.platform.sources.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.envhub.platform.imports.ImportProblem;
import org.envhub.platform.registry.RegistryFile;

/**
 * A pollution-source registry file (污染源台账), CSV or Excel: one row per enterprise, or per enterprise, outlet,
 * point and device, columns found by their header (Chinese or English). Only 企业名称 is required; an outlet needs
 * its code, a point its outlet, a device (MN) its point. A row that cannot be read is reported by line.
 */
public final class SourceRegistryFile {

    /** One row as read: empty cells are null. {@code line} is the line of the file. */
    public record Row(int line, String name, String creditCode, String district, String industry, String address, Double longitude,
                      Double latitude, String contactPerson, String contactPhone, String outletCode, String outletName, String outletKind,
                      String pointCode, String pointName, String mn, String password, String protocol) {}

    public record Result(List<Row> rows, List<ImportProblem> problems, int rowsRead) {}

    /** The header line of a blank file, in the order the columns are best filled. */
    public static final String HEADER = "企业名称,统一社会信用代码,区县,行业,地址,经度,纬度,联系人,联系电话,排放口编码,排放口名称,排放口类型,"
            + "监测点编码,监测点名称,MN,密码,协议版本";

    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        alias("name", "企业名称", "单位名称", "企业", "enterprise", "name");
        alias("creditCode", "统一社会信用代码", "信用代码", "credit_code", "creditcode");
        alias("district", "区县", "所属区县", "district");
        alias("industry", "行业", "行业类别", "industry");
        alias("address", "地址", "详细地址", "address");
        alias("lon", "经度", "longitude", "lon");
        alias("lat", "纬度", "latitude", "lat");
        alias("contactPerson", "联系人", "contact", "contact_person", "contactperson");
        alias("contactPhone", "联系电话", "电话", "phone", "contact_phone", "contactphone");
        alias("outletCode", "排放口编码", "排口编码", "outlet_code", "outletcode");
        alias("outletName", "排放口名称", "排口名称", "outlet_name", "outletname");
        alias("outletKind", "排放口类型", "排口类型", "outlet_kind", "outletkind");
        alias("pointCode", "监测点编码", "点位编码", "point_code", "pointcode");
        alias("pointName", "监测点名称", "点位名称", "point_name", "pointname");
        alias("mn", "mn", "数采仪mn", "设备mn", "设备编号");
        alias("password", "密码", "访问密码", "pw", "password");
        alias("protocol", "协议版本", "协议", "protocol");
    }

    private static void alias(String key, String... names) {
        for (String n : names) {
            COLUMNS.put(n.toLowerCase(), key);
        }
    }

    private SourceRegistryFile() {}

    public static Result read(String fileName, byte[] content) {
        List<List<String>> table;
        try {
            table = RegistryFile.rows(fileName, content);
        } catch (Exception e) {
            return new Result(List.of(), List.of(new ImportProblem(fileName, "cannot read the file: " + e.getMessage())), 0);
        }
        if (table.isEmpty()) {
            return new Result(List.of(), List.of(new ImportProblem(fileName, "empty file")), 0);
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = table.getFirst();
        for (int i = 0; i < header.size(); i++) {
            String key = COLUMNS.get(header.get(i).trim().replace("\uFEFF", "").replace(" ", "").toLowerCase());
            if (key != null) {
                column.putIfAbsent(key, i);
            }
        }
        if (!column.containsKey("name")) {
            return new Result(List.of(), List.of(new ImportProblem(fileName + ", line 1", "no column 企业名称 (expected a header such as " + HEADER + ")")), 0);
        }
        List<Row> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        int read = 0;
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            read++;
            try {
                rows.add(new Row(r + 1, cell(cells, column, "name"), cell(cells, column, "creditCode"), cell(cells, column, "district"),
                        cell(cells, column, "industry"), cell(cells, column, "address"), number(cells, column, "lon", "经度"),
                        number(cells, column, "lat", "纬度"), cell(cells, column, "contactPerson"), cell(cells, column, "contactPhone"),
                        cell(cells, column, "outletCode"), cell(cells, column, "outletName"), cell(cells, column, "outletKind"),
                        cell(cells, column, "pointCode"), cell(cells, column, "pointName"), cell(cells, column, "mn"), cell(cells, column, "password"),
                        cell(cells, column, "protocol")));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(fileName + ", line " + (r + 1), e.getMessage()));
            }
        }
        return new Result(rows, problems, read);
    }

    private static String cell(List<String> row, Map<String, Integer> column, String key) {
        Integer i = column.get(key);
        if (i == null || i >= row.size()) {
            return null;
        }
        String s = row.get(i).trim();
        return s.isEmpty() ? null : s;
    }

    private static Double number(List<String> row, Map<String, Integer> column, String key, String title) {
        String s = cell(row, column, key);
        if (s == null || s.equals("-")) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(title + " '" + s + "' is not a number");
        }
    }
}
