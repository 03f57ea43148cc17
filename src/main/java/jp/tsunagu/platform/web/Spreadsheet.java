package jp.tsunagu.platform.web;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * One table as an .xlsx workbook (fastexcel): a bold header row frozen at the top, numbers as
 * numbers, everything else as inline strings (never formulas, whatever the text starts with).
 */
public final class Spreadsheet {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Spreadsheet() {
    }

    public static byte[] xlsx(String sheetName, List<String> header, List<List<Object>> rows, int frozenColumns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Tsunagu", "1.0")) {
            Worksheet ws = wb.newWorksheet(sheetName);
            for (int c = 0; c < header.size(); c++) {
                ws.inlineString(0, c, header.get(c));
                ws.style(0, c).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else if (v != null && !v.toString().isEmpty()) {
                        ws.inlineString(r + 1, c, v.toString());
                    }
                }
            }
            ws.freezePane(frozenColumns, 1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
