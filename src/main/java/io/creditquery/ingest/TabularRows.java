package io.creditquery.ingest;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/** Rows of an uploaded spreadsheet as text cells, read one at a time (a CSV is never loaded whole). */
interface TabularRows extends Iterator<List<String>>, Closeable {

    /** The file's row number (1-based, as a spreadsheet shows it) of the row {@link #next()} returned last. */
    int rowNumber();

    /** What the file was read as, for the report: "CSV (GB18030)", "XLSX". */
    String format();
}
