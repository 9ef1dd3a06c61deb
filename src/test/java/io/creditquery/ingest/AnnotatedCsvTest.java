package io.creditquery.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cells of the annotated copy that a spreadsheet would run as a formula are given back as text. */
class AnnotatedCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://127.0.0.1/\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1",
            "＝1+1", "＋1", "－1+1", "＠SUM(A1)"})
    void formulaStartsAreQuoted(String cell) {
        String written = AnnotatedCsv.quoted(cell);
        String unquoted = written.startsWith("\"") ? written.substring(1, written.length() - 1).replace("\"\"", "\"") : written;
        assertEquals("'" + cell, unquoted, "written as " + written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"济南华信建材有限公司", "91370100M000100Y4X", "1,250.5", "罚款 =5万元"})
    void ordinaryCellsAreKeptAsTheyAre(String cell) {
        String written = AnnotatedCsv.quoted(cell);
        assertTrue(written.equals(cell) || written.equals("\"" + cell + "\""), written);
    }
}
