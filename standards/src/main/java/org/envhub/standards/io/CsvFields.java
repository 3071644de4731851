package org.envhub.standards.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of the small CSV files (station lists, long tables) into fields, honouring
 * double quotes as spreadsheets write them: {@code "颗粒物(PM10),臭氧1小时"} is one field, and
 * {@code ""} inside quotes is a quote.
 */
public final class CsvFields {

    private CsvFields() {}

    /** The fields of {@code line}, or {@code null} if a quoted field is not closed. */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
