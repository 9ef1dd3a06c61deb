package io.creditquery.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The two national 双公示 templates departments fill in: administrative penalties (行政处罚) and administrative
 * licences (行政许可). Each column has its standard header and the variants seen in real files.
 */
public enum PublicityTemplate {

    PENALTY("penalty", List.of(
            Column.SUBJECT_NAME, Column.SUBJECT_CATEGORY, Column.USCC, Column.REGISTRATION_NO, Column.ORG_CODE,
            Column.TAX_NO, Column.INSTITUTION_NO, Column.SOCIAL_ORG_NO, Column.LEGAL_REPRESENTATIVE,
            Column.LEGAL_REP_ID_TYPE, Column.LEGAL_REP_ID_NO, Column.ID_TYPE, Column.ID_NO,
            Column.PENALTY_DECISION_NO, Column.VIOLATION_TYPE, Column.VIOLATION_FACTS, Column.PENALTY_BASIS,
            Column.PENALTY_KIND, Column.PENALTY_CONTENT, Column.FINE_AMOUNT, Column.CONFISCATED_AMOUNT,
            Column.SUSPENDED_LICENCE, Column.PENALTY_DATE, Column.PENALTY_VALID_UNTIL, Column.PUBLICITY_UNTIL,
            Column.PENALTY_AUTHORITY, Column.PENALTY_AUTHORITY_USCC, Column.SOURCE_UNIT, Column.SOURCE_UNIT_USCC,
            Column.REMARKS)),

    LICENSE("license", List.of(
            Column.SUBJECT_NAME, Column.SUBJECT_CATEGORY, Column.USCC, Column.REGISTRATION_NO, Column.ORG_CODE,
            Column.TAX_NO, Column.INSTITUTION_NO, Column.SOCIAL_ORG_NO, Column.LEGAL_REPRESENTATIVE,
            Column.LEGAL_REP_ID_TYPE, Column.LEGAL_REP_ID_NO, Column.ID_TYPE, Column.ID_NO,
            Column.LICENCE_DOC_NAME, Column.LICENCE_DOC_NO, Column.LICENCE_KIND, Column.CERTIFICATE_NAME,
            Column.LICENCE_NO, Column.LICENCE_CONTENT, Column.LICENCE_DATE, Column.VALID_FROM, Column.VALID_TO,
            Column.LICENCE_AUTHORITY, Column.LICENCE_AUTHORITY_USCC, Column.CURRENT_STATUS, Column.SOURCE_UNIT,
            Column.SOURCE_UNIT_USCC, Column.REMARKS));

    /** A template column: its standard header and the other spellings that mean it. */
    public enum Column {
        SUBJECT_NAME("行政相对人名称"),
        SUBJECT_CATEGORY("行政相对人类别"),
        USCC("行政相对人代码_1(统一社会信用代码)", "统一社会信用代码", "行政相对人代码_1"),
        REGISTRATION_NO("行政相对人代码_2(工商注册号)", "工商注册号", "行政相对人代码_2"),
        ORG_CODE("行政相对人代码_3(组织机构代码)", "组织机构代码", "行政相对人代码_3"),
        TAX_NO("行政相对人代码_4(税务登记号)", "税务登记号", "行政相对人代码_4"),
        INSTITUTION_NO("行政相对人代码_5(事业单位证书号)", "事业单位证书号", "行政相对人代码_5"),
        SOCIAL_ORG_NO("行政相对人代码_6(社会组织登记证号)", "社会组织登记证号", "行政相对人代码_6"),
        LEGAL_REPRESENTATIVE("法定代表人"),
        LEGAL_REP_ID_TYPE("法定代表人证件类型"),
        LEGAL_REP_ID_NO("法定代表人证件号码"),
        ID_TYPE("证件类型"),
        ID_NO("证件号码"),
        PENALTY_DECISION_NO("行政处罚决定书文号", "处罚决定书文号"),
        VIOLATION_TYPE("违法行为类型"),
        VIOLATION_FACTS("违法事实"),
        PENALTY_BASIS("处罚依据"),
        PENALTY_KIND("处罚类别"),
        PENALTY_CONTENT("处罚内容"),
        FINE_AMOUNT("罚款金额(万元)", "罚款金额"),
        CONFISCATED_AMOUNT("没收违法所得、没收非法财物的金额(万元)", "没收违法所得、没收非法财物的金额"),
        SUSPENDED_LICENCE("暂扣或吊销证照名称及编号"),
        PENALTY_DATE("处罚决定日期"),
        PENALTY_VALID_UNTIL("处罚有效期"),
        PUBLICITY_UNTIL("公示截止期"),
        PENALTY_AUTHORITY("处罚机关"),
        PENALTY_AUTHORITY_USCC("处罚机关统一社会信用代码"),
        LICENCE_DOC_NAME("行政许可决定文书名称"),
        LICENCE_DOC_NO("行政许可决定文书号"),
        LICENCE_KIND("许可类别"),
        CERTIFICATE_NAME("许可证书名称"),
        LICENCE_NO("许可编号"),
        LICENCE_CONTENT("许可内容"),
        LICENCE_DATE("许可决定日期"),
        VALID_FROM("有效期自"),
        VALID_TO("有效期至"),
        LICENCE_AUTHORITY("许可机关"),
        LICENCE_AUTHORITY_USCC("许可机关统一社会信用代码"),
        CURRENT_STATUS("当前状态"),
        SOURCE_UNIT("数据来源单位"),
        SOURCE_UNIT_USCC("数据来源单位统一社会信用代码"),
        REMARKS("备注");

        private final String header;
        private final List<String> spellings;

        Column(String header, String... variants) {
            this.header = header;
            this.spellings = java.util.stream.Stream.concat(java.util.stream.Stream.of(header),
                    java.util.stream.Stream.of(variants)).map(Column::normalizeHeader).toList();
        }

        /** The header as the national template prints it; used in reports so clerks recognise the column. */
        public String header() {
            return header;
        }

        /**
         * Header text as compared: without spaces (half- and full-width), required-field stars and 必填 marks, with
         * full-width brackets and underscores made half-width.
         */
        static String normalizeHeader(String cell) {
            if (cell == null) {
                return "";
            }
            return cell.replace('（', '(').replace('）', ')').replace('＿', '_').replace('，', ',')
                    .replaceAll("[\\s\\u3000*＊]", "").replace("(必填)", "").replace("(选填)", "");
        }
    }

    private final String name;
    private final List<Column> columns;
    private final Map<String, Column> bySpelling;

    PublicityTemplate(String name, List<Column> columns) {
        this.name = name;
        this.columns = columns;
        this.bySpelling = columns.stream().flatMap(c -> c.spellings.stream().map(s -> Map.entry(s, c)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    public String templateName() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The column a header cell names in this template, if any. */
    public Optional<Column> column(String headerCell) {
        return Optional.ofNullable(bySpelling.get(Column.normalizeHeader(headerCell)));
    }

    public static Optional<PublicityTemplate> named(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return java.util.Arrays.stream(values()).filter(t -> t.name.equals(wanted)).findFirst();
    }

    /** The template whose distinctive columns a header row names (penalty decision number vs licence document). */
    public static Optional<PublicityTemplate> recognise(List<String> headerCells) {
        Function<Column, Boolean> present = column -> headerCells.stream()
                .anyMatch(cell -> column.spellings.contains(Column.normalizeHeader(cell)));
        if (present.apply(Column.PENALTY_DECISION_NO)) {
            return Optional.of(PENALTY);
        }
        if (present.apply(Column.LICENCE_DOC_NO)) {
            return Optional.of(LICENSE);
        }
        return Optional.empty();
    }
}
