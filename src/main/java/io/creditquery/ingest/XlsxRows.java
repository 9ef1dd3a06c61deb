package io.creditquery.ingest;

import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The first sheet of an XLSX workbook as text cells: dates as ISO dates (whatever the cell's display format),
 * numbers without exponent notation, formulas as their cached values. The sheet is read as a stream of rows
 * (excel-streaming-reader, StAX over POI's package): memory is bounded by the rows in its small cache and the
 * shared-string table, not by the sheet. Rows with no cells are not stored in XLSX; the row numbers reported are
 * the sheet's own.
 */
final class XlsxRows implements TabularRows {

    /** Rows parsed ahead of the one read (the reader's own default is 10). */
    private static final int ROW_CACHE = 100;

    private final Workbook workbook;
    private final Iterator<Row> sheet;
    private final int maxRows;
    private final DataFormatter formatter = new DataFormatter();
    private int rowNumber;

    XlsxRows(File file, int maxRows) {
        this.maxRows = maxRows;
        Workbook opened = null;
        try {
            opened = StreamingReader.builder().rowCacheSize(ROW_CACHE).open(file);
            this.sheet = opened.getSheetAt(0).rowIterator();
        } catch (RuntimeException e) {
            closeQuietly(opened);
            throw new IllegalArgumentException("the file is not a readable XLSX workbook");
        }
        this.workbook = opened;
    }

    @Override
    public boolean hasNext() {
        try {
            return sheet.hasNext();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the sheet cannot be read after row " + rowNumber + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public List<String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = sheet.next();
        rowNumber = row.getRowNum() + 1;
        if (rowNumber > maxRows) {
            throw new IllegalArgumentException("the sheet has more than " + maxRows + " rows; at most " + maxRows
                    + " are read from XLSX — save larger files as CSV");
        }
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(text(row.getCell(c)));
        }
        return cells;
    }

    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getRichStringCellValue().getString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> formatter.formatCellValue(cell);
        };
    }

    @Override
    public int rowNumber() {
        return rowNumber;
    }

    @Override
    public String format() {
        return "XLSX";
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }

    private static void closeQuietly(Workbook workbook) {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException | RuntimeException ignored) {
                // the file is being refused anyway
            }
        }
    }
}
