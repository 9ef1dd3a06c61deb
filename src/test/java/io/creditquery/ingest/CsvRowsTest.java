package io.creditquery.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRowsTest {

    private static List<List<String>> read(byte[] bytes, List<Integer> rowNumbers, String[] format) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvRows csv = new CsvRows(new ByteArrayInputStream(bytes), null)) {
            while (csv.hasNext()) {
                rows.add(csv.next());
                rowNumbers.add(csv.rowNumber());
            }
            format[0] = csv.format();
        }
        return rows;
    }

    @Test
    void quotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws IOException {
        String text = "名称,违法事实,备注\r\n华信,\"销售不合格建材, 货值1万元\",\"他说\"\"好\"\"\"\r\n乙,\"第一行\n第二行\",\r\n丙,c,";
        List<Integer> numbers = new ArrayList<>();
        String[] format = new String[1];
        List<List<String>> rows = read(text.getBytes(StandardCharsets.UTF_8), numbers, format);
        assertEquals(List.of("华信", "销售不合格建材, 货值1万元", "他说\"好\""), rows.get(1));
        assertEquals(List.of("乙", "第一行\n第二行", ""), rows.get(2));
        assertEquals(List.of("丙", "c", ""), rows.get(3));
        assertEquals(List.of(1, 2, 3, 5), numbers, "a field spanning two lines moves the next row's number on");
        assertEquals("CSV (UTF-8)", format[0]);
    }

    @Test
    void findsTheEncoding() throws IOException {
        String text = "行政相对人名称,行政处罚决定书文号\n济南华信建材有限公司,历城市监罚〔2025〕101号\n";
        String[] format = new String[1];
        List<List<String>> gb = read(text.getBytes(Charset.forName("GB18030")), new ArrayList<>(), format);
        assertEquals("CSV (GB18030)", format[0]);
        assertEquals("济南华信建材有限公司", gb.get(1).get(0));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        List<List<String>> withBom = read(bom, new ArrayList<>(), format);
        assertEquals("CSV (UTF-8)", format[0]);
        assertEquals("行政相对人名称", withBom.get(0).get(0), "the byte-order mark is not part of the first header");
    }

    @Test
    void readsTabSeparatedFiles() throws IOException {
        List<List<String>> rows = read("名称\t代码\n甲,乙\t123\n".getBytes(StandardCharsets.UTF_8), new ArrayList<>(), new String[1]);
        assertEquals(List.of("甲,乙", "123"), rows.get(1));
    }

    @Test
    void aFileDeclaredUtf8ThatIsNotSaysWhere() {
        byte[] gb = "名称\n华信\n".getBytes(Charset.forName("GB18030"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            try (CsvRows csv = new CsvRows(new ByteArrayInputStream(gb), StandardCharsets.UTF_8)) {
                while (csv.hasNext()) {
                    csv.next();
                }
            }
        });
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }
}
