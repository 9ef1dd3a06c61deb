import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.FileOutputStream;
import java.io.OutputStream;

/**
 * A 双公示 license template file of ROWS rows for memory measurements (load-tests/xlsx-memory.sh), written by POI's
 * streaming writer: java -cp POI-CLASSPATH load-tests/XlsxTemplateFile.java OUT.xlsx ROWS. Every row is a distinct
 * license of one of a few subjects (the import's gate decides, not the generator; memory is what is measured).
 */
public class XlsxTemplateFile {

    private static final String[] HEADER = {"行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "法定代表人",
            "证件类型", "证件号码", "行政许可决定文书名称", "行政许可决定文书号", "许可类别", "许可证书名称", "许可编号", "许可内容",
            "许可决定日期", "有效期自", "有效期至", "许可机关", "许可机关统一社会信用代码", "当前状态", "数据来源单位",
            "数据来源单位统一社会信用代码", "备注"};
    private static final String[][] SUBJECTS = {{"济南历城华信建材有限公司", "91370112475535973W", "张华"},
            {"济南历城长青环保有限公司", "91370112476169493J", "郑一"}};

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[1]);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = new FileOutputStream(args[0])) {
            Sheet sheet = workbook.createSheet("许可");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            for (int r = 1; r <= rows; r++) {
                String[] subject = SUBJECTS[r % SUBJECTS.length];
                String[] cells = {subject[0], "法人及非法人组织", subject[1], subject[2], "", "", "食品经营许可决定书",
                        "历城市监许〔2025〕" + r + "号", "普通", "食品经营许可证", "JY1370112" + String.format("%07d", r),
                        "预包装食品销售（第" + r + "号门店）", "2025-03-01", "2025-03-01", "2030-02-28", "济南市历城区市场监督管理局",
                        "11370112394535971H", "有效", "济南市大数据局", "113701123946151629", ""};
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            workbook.write(out);
        }
    }
}
