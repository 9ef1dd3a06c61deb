package io.creditquery.ingest;

import java.util.List;

/**
 * The refused rows of an import as a CSV the clerk opens in Excel (UTF-8 with a byte-order mark), fixes and
 * uploads again: the file's own header, then each refused row as it was, with its row number and reasons in two
 * extra columns that the import ignores.
 */
final class AnnotatedCsv {

    static final String ROW_COLUMN = "原行号";
    static final String REASON_COLUMN = "错误说明";

    private AnnotatedCsv() {
    }

    static String write(List<String> header, List<FileImportRepository.RejectedRow> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, header, List.of(ROW_COLUMN, REASON_COLUMN));
        for (FileImportRepository.RejectedRow row : rows) {
            List<String> cells = row.cells().size() >= header.size() ? row.cells()
                    : pad(row.cells(), header.size());
            line(csv, cells, List.of(Integer.toString(row.row()), String.join("；", row.reasons())));
        }
        return csv.toString();
    }

    private static List<String> pad(List<String> cells, int size) {
        java.util.ArrayList<String> padded = new java.util.ArrayList<>(cells);
        while (padded.size() < size) {
            padded.add("");
        }
        return padded;
    }

    private static void line(StringBuilder csv, List<String> cells, List<String> extra) {
        boolean first = true;
        for (List<String> part : List.of(cells, extra)) {
            for (String cell : part) {
                if (!first) {
                    csv.append(',');
                }
                first = false;
                csv.append(quoted(cell));
            }
        }
        csv.append("\r\n");
    }

    static final String FORMULA_STARTS = "=+-@\t\r\n＝＋－＠";

    static String quoted(String cell) {
        String text = cell == null ? "" : cell;
        // A leading = + - @, TAB, CR or LF (OWASP's list), or their full-width forms, which Excel in a Chinese locale
        // reads as the same operators, would be run as a formula (CSV injection); a quote mark keeps it text.
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\r' || ch == '\n');
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
