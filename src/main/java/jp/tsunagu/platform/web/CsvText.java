package jp.tsunagu.platform.web;

import java.util.List;

/** CSV for spreadsheet software in Japan: UTF-8 with a BOM, CRLF, every cell quoted, formulas defused. */
public final class CsvText {

    public static final String BOM = "\uFEFF";

    private CsvText() {
    }

    /** A quoted cell; text starting like a formula (= + - @ tab CR) gets a leading apostrophe. */
    public static String cell(Object value) {
        String s = value == null ? "" : value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** One line, CRLF-terminated. */
    public static String row(List<?> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells.get(i)));
        }
        return b.append("\r\n").toString();
    }
}
