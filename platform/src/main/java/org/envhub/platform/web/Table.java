package org.envhub.platform.web;

import java.util.List;

/**
 * A table ready for download: column titles (Chinese, with units, as an analyst expects in Excel) and rows of
 * plain values (String, Number, null).
 */
public record Table(String name, List<String> titles, List<List<Object>> rows) {
}
