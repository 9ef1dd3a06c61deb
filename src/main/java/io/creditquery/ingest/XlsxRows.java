package io.creditquery.ingest;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The first sheet of an XLSX workbook as text cells: dates as ISO dates (whatever the cell's display format),
 * numbers without exponent notation, formulas as their cached values. The workbook is opened from the uploaded
 * file, not copied; its size is bounded by {@code credit.ingest.max-xlsx-rows} (large files go as CSV, which
 * streams).
 */
final class XlsxRows implements TabularRows {

    private final OPCPackage container;
    private final XSSFWorkbook workbook;
    private final Sheet sheet;
    private final DataFormatter formatter = new DataFormatter();
    private int next;
    private int rowNumber;

    XlsxRows(File file, int maxRows) throws IOException {
        try {
            this.container = OPCPackage.open(file, PackageAccess.READ);
            this.workbook = new XSSFWorkbook(container);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException e) {
            throw new IllegalArgumentException("the file is not a readable XLSX workbook");
        }
        this.sheet = workbook.getSheetAt(0);
        if (sheet.getLastRowNum() + 1 > maxRows) {
            close();
            throw new IllegalArgumentException("the sheet has " + (sheet.getLastRowNum() + 1) + " rows; at most "
                    + maxRows + " are read from XLSX — save larger files as CSV");
        }
    }

    @Override
    public boolean hasNext() {
        return next <= sheet.getLastRowNum();
    }

    @Override
    public List<String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = sheet.getRow(next);
        rowNumber = ++next;
        List<String> cells = new ArrayList<>();
        if (row != null) {
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(text(row.getCell(c)));
            }
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
        container.revert();
    }
}
