package io.creditquery.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.ingest.PublicityTemplate.Column;
import io.creditquery.support.TestPersonalIds;
import io.creditquery.ingest.TemplateRowConverter.CellIssue;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quality gate's rules on single rows: what is read, what is refused, and which column is named. */
class TemplateRowConverterTest {

    private static final String AUTHORITY = DemoDataGenerator.uscc(1, "GOVERNMENT_ORGAN", "370112");
    private final ObjectMapper json = new ObjectMapper();
    private final TemplateRowConverter converter = new TemplateRowConverter(new IngestLineParser(json, TestPersonalIds.create()), json);

    private static Map<Column, String> penalty(String date, String fine) {
        Map<Column, String> row = new EnumMap<>(Column.class);
        row.put(Column.SUBJECT_NAME, "济南华信建材有限公司");
        row.put(Column.SUBJECT_CATEGORY, "法人及非法人组织");
        row.put(Column.USCC, DemoDataGenerator.uscc(7, "ENTERPRISE", "370112"));
        row.put(Column.LEGAL_REPRESENTATIVE, "张华");
        row.put(Column.PENALTY_DECISION_NO, "罚〔2025〕1号");
        row.put(Column.VIOLATION_TYPE, "产品质量违法");
        row.put(Column.VIOLATION_FACTS, "销售不合格产品");
        row.put(Column.PENALTY_BASIS, "《产品质量法》第四十九条");
        row.put(Column.PENALTY_KIND, "罚款");
        row.put(Column.PENALTY_CONTENT, "罚款一万元");
        row.put(Column.FINE_AMOUNT, fine);
        row.put(Column.PENALTY_DATE, date);
        row.put(Column.PENALTY_AUTHORITY, "济南市历城区市场监督管理局");
        row.put(Column.PENALTY_AUTHORITY_USCC, AUTHORITY);
        row.put(Column.SOURCE_UNIT, "济南市大数据局");
        row.put(Column.SOURCE_UNIT_USCC, AUTHORITY);
        return row;
    }

    private TemplateRowConverter.Converted convert(Map<Column, String> row) {
        return converter.convert(PublicityTemplate.PENALTY, 3, row, "370112-SCJ");
    }

    @Test
    void readsDatesAsClerksWriteThem() {
        for (String written : List.of("2025-03-01", "2025/3/1", "2025.3.1", "2025年3月1日", "20250301", "45717", "45717.0",
                "2025-03-01 00:00:00")) {
            TemplateRowConverter.Converted row = convert(penalty(written, "1"));
            assertTrue(row.valid(), written + ": " + row.errors());
            assertEquals(LocalDate.of(2025, 3, 1), row.record().value().decisionDate(), written);
        }
        TemplateRowConverter.Converted nonsense = convert(penalty("三月一日", "1"));
        assertEquals(List.of(new CellIssue(3, "处罚决定日期", "is not a date (e.g. 2025-03-01), was 三月一日")), nonsense.errors());
    }

    @Test
    void readsAmountsWithSeparatorsAndUnitsAndRefusesNegativeOnes() {
        assertTrue(convert(penalty("2025-03-01", "1,250.5")).valid());
        assertTrue(convert(penalty("2025-03-01", "1，250.5万元")).valid());
        assertEquals("must not be negative, was -1", convert(penalty("2025-03-01", "-1")).errors().get(0).reason());
        Map<Column, String> noFine = penalty("2025-03-01", null);
        assertEquals("is required when 处罚类别 includes 罚款", convert(noFine).errors().get(0).reason());
    }

    @Test
    void requiredFieldsDependOnTheSubjectCategory() {
        Map<Column, String> person = penalty("2025-03-01", "1");
        person.put(Column.SUBJECT_CATEGORY, "自然人");
        person.remove(Column.USCC);
        person.remove(Column.LEGAL_REPRESENTATIVE);
        assertEquals(List.of("证件类型", "证件号码"), convert(person).errors().stream().map(CellIssue::column).toList());
        person.put(Column.ID_TYPE, "护照");
        person.put(Column.ID_NO, "E12345678");
        assertTrue(convert(person).errors().get(0).reason().startsWith("only 居民身份证"));
        Map<Column, String> company = penalty("2025-03-01", "1");
        company.remove(Column.LEGAL_REPRESENTATIVE);
        assertEquals("法定代表人", convert(company).errors().get(0).column());
    }

    @Test
    void emptyPublicityEndDefaultsToOneYearWithAWarning() {
        TemplateRowConverter.Converted row = convert(penalty("2025-03-01", "1"));
        assertEquals(LocalDate.of(2026, 3, 1), row.record().value().publicityUntil());
        assertEquals("公示截止期", row.warnings().get(0).column());
    }

    @Test
    void headersAreRecognisedInTheirVariants() {
        assertEquals(Optional.of(Column.FINE_AMOUNT), PublicityTemplate.PENALTY.column(" 罚款金额（万元）* "));
        assertEquals(Optional.of(Column.USCC), PublicityTemplate.PENALTY.column("行政相对人代码_1（统一社会信用代码）"));
        assertEquals(Optional.of(Column.USCC), PublicityTemplate.LICENSE.column("统一社会信用代码"));
        assertFalse(PublicityTemplate.LICENSE.column("处罚依据").isPresent());
        assertEquals(Optional.of(PublicityTemplate.LICENSE),
                PublicityTemplate.recognise(List.of("行政相对人名称", "行政许可决定文书号")));
    }
}
