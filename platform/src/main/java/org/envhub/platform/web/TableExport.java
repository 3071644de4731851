package org.envhub.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Writes a {@link Table} as CSV (UTF-8 with BOM, so Excel reads the Chinese right) or as an Excel workbook. */
public final class TableExport {

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private TableExport() {}

    /** The table as a download in {@code format} ({@code csv} or {@code xlsx}). */
    public static ResponseEntity<byte[]> download(Table table, String format) {
        boolean excel = "xlsx".equalsIgnoreCase(format) || "excel".equalsIgnoreCase(format);
        if (!excel && !"csv".equalsIgnoreCase(format)) {
            throw new IllegalArgumentException("format: expected csv or xlsx, got '" + format + "'");
        }
        byte[] body = excel ? xlsx(table) : csv(table);
        String file = table.name() + (excel ? ".xlsx" : ".csv");
        return ResponseEntity.ok()
                .contentType(excel ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + asciiName(file) + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(body);
    }

    public static byte[] csv(Table table) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, table.titles());
        for (List<Object> row : table.rows()) {
            line(sb, row);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object c = cells.get(i);
            String s = c == null ? "" : c instanceof Double d ? format(d) : c.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            sb.append(s);
        }
        sb.append("\r\n");
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    public static byte[] xlsx(Table table) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(table.name().length() > 31 ? table.name().substring(0, 31) : table.name());
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < table.titles().size(); i++) {
                header.createCell(i).setCellValue(table.titles().get(i));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, 14 * 256);
            }
            int r = 1;
            for (List<Object> row : table.rows()) {
                Row xr = sheet.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    Object c = row.get(i);
                    if (c instanceof Number n) {
                        xr.createCell(i).setCellValue(n.doubleValue());
                    } else if (c != null) {
                        xr.createCell(i).setCellValue(c.toString());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String asciiName(String file) {
        return file.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
