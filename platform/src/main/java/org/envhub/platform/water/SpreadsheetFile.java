package org.envhub.platform.water;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.envhub.standards.io.CsvFields;
import org.envhub.standards.io.InputFiles;

/**
 * A small table file as the water imports read it: CSV ({@code .csv}, {@code .csv.gz}; UTF-8 or GB18030) or the
 * first sheet of an Excel workbook ({@code .xlsx}, {@code .xls}). Line numbers stay those of the file or sheet, so
 * that a problem names the line the user sees.
 *
 * <p>Excel cells are read as written, not as displayed: a number formatted to one decimal keeps all its digits,
 * and a date cell becomes an ISO date or date-time ({@code 2024-03-05}, {@code 2024-03-05T10:30}).
 */
public final class SpreadsheetFile {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private SpreadsheetFile() {}

    public static boolean isExcel(String name) {
        String n = name.toLowerCase();
        return n.endsWith(".xlsx") || n.endsWith(".xls");
    }

    /** The rows as cells. */
    public static List<List<String>> table(Path file, String name) throws IOException {
        if (isExcel(name)) {
            return excel(file);
        }
        List<List<String>> table = new ArrayList<>();
        for (String line : InputFiles.lines(InputFiles.readText(file))) {
            List<String> fields = CsvFields.split(line);
            table.add(fields == null ? List.of(line) : fields);
        }
        return table;
    }

    /** The rows as CSV lines, for the readers of the standards library (Excel rows quoted as needed). */
    public static List<String> lines(Path file, String name) throws IOException {
        if (!isExcel(name)) {
            return InputFiles.lines(InputFiles.readText(file));
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : excel(file)) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String c = row.get(i);
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(c.indexOf(',') >= 0 || c.indexOf('"') >= 0 ? '"' + c.replace("\"", "\"\"") + '"' : c);
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    private static List<List<String>> excel(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> table = new ArrayList<>();
            int width = 0;
            for (Row row : sheet) {
                width = Math.max(width, row.getLastCellNum());
            }
            for (Row row : sheet) {
                while (table.size() < row.getRowNum()) {
                    table.add(List.of()); // keep line numbers true to the sheet
                }
                List<String> cells = new ArrayList<>();
                boolean any = false;
                for (int c = 0; c < width; c++) {
                    String v = text(row.getCell(c), format);
                    any |= !v.isBlank();
                    cells.add(v);
                }
                table.add(any ? cells : List.of());
            }
            return table;
        }
    }

    private static String text(Cell cell, DataFormatter format) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime t = cell.getLocalDateTimeCellValue();
                    yield t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.format(MINUTES);
                }
                yield BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            }
            case STRING -> cell.getStringCellValue().trim();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case BLANK, ERROR, _NONE -> "";
            default -> format.formatCellValue(cell).trim();
        };
    }
}
