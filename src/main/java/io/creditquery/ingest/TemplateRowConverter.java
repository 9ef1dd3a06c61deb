package io.creditquery.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;
import io.creditquery.ingest.PublicityTemplate.Column;
import io.creditquery.record.RecordCategory;
import io.creditquery.security.PersonalIds;
import io.creditquery.code.SubjectType;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data-quality gate for one row of a 双公示 template: the rules a provincial platform enforces (required
 * fields per subject category, code checksums, dates not in the future and in order, non-negative amounts,
 * default publicity periods), then the same line checks as NDJSON ingest. Every problem names the template column.
 */
@ApplicationScoped
public class TemplateRowConverter {

    /** Penalties of general misconduct stay public for at most one year (国家发展改革委 2021 信用修复办法); used when 公示截止期 is empty. */
    static final int DEFAULT_PENALTY_PUBLICITY_YEARS = 1;
    /** 有效期至 written as "长期" (no end). */
    static final LocalDate OPEN_ENDED = LocalDate.of(2099, 12, 31);
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})\\s*[年./-]\\s*(\\d{1,2})\\s*[月./-]\\s*(\\d{1,2})\\s*日?.*");

    /** A problem in one cell; {@code column} is the template's header, or "行" for the row as a whole. */
    public record CellIssue(int row, String column, String reason) {
    }

    /** A converted row: the subject it names, its record, or the problems that keep it out. */
    record Converted(int row, ParsedLine<SubjectUpsert> subject, ParsedLine<RecordUpsert> record,
                     List<CellIssue> errors, List<CellIssue> warnings) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private final IngestLineParser parser;
    private final ObjectMapper json;

    public TemplateRowConverter(IngestLineParser parser, ObjectMapper json) {
        this.parser = parser;
        this.json = json;
    }

    Converted convert(PublicityTemplate template, int row, Map<Column, String> cells, String department) {
        Row r = new Row(row, cells);
        String name = r.required(Column.SUBJECT_NAME);
        String category = r.required(Column.SUBJECT_CATEGORY);
        SubjectType type = null;
        String code = null;
        if (category != null) {
            switch (category.replace("其他组织", "非法人组织")) {
                case "法人及非法人组织", "法人", "非法人组织" -> {
                    code = r.required(Column.USCC);
                    r.required(Column.LEGAL_REPRESENTATIVE);
                    type = code == null ? null : organisationType(code);
                }
                case "个体工商户" -> {
                    code = r.required(Column.USCC);
                    type = SubjectType.INDIVIDUAL_BUSINESS;
                }
                case "自然人" -> {
                    String idType = r.required(Column.ID_TYPE);
                    code = r.required(Column.ID_NO);
                    if (idType != null && !idType.contains("身份证")) {
                        r.error(Column.ID_TYPE, "only 居民身份证 numbers identify a natural person here, not " + idType);
                        code = null;
                    }
                    type = SubjectType.NATURAL_PERSON;
                }
                default -> r.error(Column.SUBJECT_CATEGORY, "must be 法人及非法人组织, 自然人 or 个体工商户, not " + category);
            }
        }
        ObjectNode content = json.createObjectNode().put("template", template.templateName());
        String legalRepId = r.value(Column.LEGAL_REP_ID_NO);
        if (legalRepId != null) {
            CodeCheck check = CodeValidator.check(legalRepId, CodeKind.CITIZEN_ID);
            if (check.valid()) {
                content.put("legalRepresentativeId", PersonalIds.mask(check.normalized()));
            } else if (String.valueOf(r.value(Column.LEGAL_REP_ID_TYPE)).contains("身份证")) {
                r.error(Column.LEGAL_REP_ID_NO, "citizen ID: " + check.firstError());
            }
        }
        ObjectNode record = template == PublicityTemplate.PENALTY ? penalty(r, content) : licence(r, content);
        Column codeColumn = type == SubjectType.NATURAL_PERSON ? Column.ID_NO : Column.USCC;
        if (r.errors.isEmpty() && code != null && type != null && record != null) {
            record.put("subjectCode", code).put("sourceDept", department);
            ObjectNode subject = json.createObjectNode().put("type", type.name()).put("code", code).put("name", name);
            if (type != SubjectType.NATURAL_PERSON) {
                subject.put("legalRepresentative", r.value(Column.LEGAL_REPRESENTATIVE));
            }
            ParsedLine<?> parsedSubject = parser.parse(IngestKind.SUBJECTS, row, subject.toString(), department);
            ParsedLine<?> parsedRecord = parser.parse(IngestKind.RECORDS, row, record.toString(), department);
            parsedSubject.errors().forEach(e -> r.error(subjectColumn(e.field(), codeColumn), e.reason()));
            // The record names its subject by the same code: a bad code is reported once, by the subject's check.
            parsedRecord.errors().stream().filter(e -> parsedSubject.valid() || !e.field().equals("subjectCode"))
                    .forEach(e -> r.error(recordColumn(template, e.field(), codeColumn), e.reason()));
            if (r.errors.isEmpty()) {
                @SuppressWarnings("unchecked")
                ParsedLine<SubjectUpsert> s = (ParsedLine<SubjectUpsert>) parsedSubject;
                @SuppressWarnings("unchecked")
                ParsedLine<RecordUpsert> rec = (ParsedLine<RecordUpsert>) parsedRecord;
                return new Converted(row, s, rec, List.of(), r.warnings);
            }
        }
        return new Converted(row, null, null, r.errors, r.warnings);
    }

    private ObjectNode penalty(Row r, ObjectNode content) {
        String decisionNo = r.required(Column.PENALTY_DECISION_NO);
        String violation = r.required(Column.VIOLATION_TYPE);
        content.put("violationType", violation);
        content.put("facts", r.required(Column.VIOLATION_FACTS));
        content.put("basis", r.required(Column.PENALTY_BASIS));
        String kind = r.required(Column.PENALTY_KIND);
        content.put("penaltyType", kind);
        content.put("penaltyContent", r.required(Column.PENALTY_CONTENT));
        BigDecimal fine = r.amount(Column.FINE_AMOUNT);
        if (fine == null && kind != null && kind.contains("罚款") && !r.hasError(Column.FINE_AMOUNT)) {
            r.error(Column.FINE_AMOUNT, "is required when 处罚类别 includes 罚款");
        }
        putAmount(content, "fineAmountWan", fine);
        putAmount(content, "confiscatedAmountWan", r.amount(Column.CONFISCATED_AMOUNT));
        putText(content, "suspendedLicence", r.value(Column.SUSPENDED_LICENCE));
        LocalDate decided = r.pastDate(Column.PENALTY_DATE, true);
        LocalDate validUntil = r.date(Column.PENALTY_VALID_UNTIL, false);
        r.notBefore(Column.PENALTY_VALID_UNTIL, validUntil, Column.PENALTY_DATE, decided);
        LocalDate publicUntil = r.date(Column.PUBLICITY_UNTIL, false);
        r.notBefore(Column.PUBLICITY_UNTIL, publicUntil, Column.PENALTY_DATE, decided);
        if (publicUntil == null && decided != null && !r.hasError(Column.PUBLICITY_UNTIL)) {
            publicUntil = decided.plusYears(DEFAULT_PENALTY_PUBLICITY_YEARS);
            r.warning(Column.PUBLICITY_UNTIL, "empty: set to " + publicUntil + " (" + DEFAULT_PENALTY_PUBLICITY_YEARS
                    + " year after the decision, the longest publicity of a general penalty)");
        }
        putText(content, "validUntil", validUntil == null ? null : validUntil.toString());
        authorities(r, content, Column.PENALTY_AUTHORITY, Column.PENALTY_AUTHORITY_USCC);
        if (decisionNo == null || decided == null || kind == null) {
            return null;
        }
        return recordLine(RecordCategory.ADMIN_PENALTY, decisionNo, decided,
                kind + (violation == null ? "" : "（" + violation + "）"), content, publicUntil, "ACTIVE");
    }

    private ObjectNode licence(Row r, ObjectNode content) {
        String docName = r.required(Column.LICENCE_DOC_NAME);
        String docNo = r.required(Column.LICENCE_DOC_NO);
        content.put("licenceKind", r.required(Column.LICENCE_KIND));
        putText(content, "certificateName", r.value(Column.CERTIFICATE_NAME));
        putText(content, "licenceNo", r.value(Column.LICENCE_NO));
        content.put("licenceContent", r.required(Column.LICENCE_CONTENT));
        LocalDate decided = r.pastDate(Column.LICENCE_DATE, true);
        LocalDate from = r.date(Column.VALID_FROM, true);
        LocalDate to = "长期".equals(r.value(Column.VALID_TO)) ? OPEN_ENDED : r.date(Column.VALID_TO, true);
        r.notBefore(Column.VALID_TO, to, Column.VALID_FROM, from);
        putText(content, "validFrom", from == null ? null : from.toString());
        putText(content, "validTo", to == null ? null : to.toString());
        String state = r.required(Column.CURRENT_STATUS);
        String status = null;
        if (state != null) {
            switch (state) {
                case "1", "有效" -> status = "ACTIVE";
                case "2", "无效" -> status = "REVOKED";
                default -> r.error(Column.CURRENT_STATUS, "must be 1 (有效) or 2 (无效), not " + state);
            }
        }
        authorities(r, content, Column.LICENCE_AUTHORITY, Column.LICENCE_AUTHORITY_USCC);
        if (docName == null || docNo == null || decided == null || status == null) {
            return null;
        }
        LocalDate publicUntil = to != null && !to.isBefore(decided) ? to : null;
        return recordLine(RecordCategory.ADMIN_LICENSE, docNo, decided, docName, content, publicUntil, status);
    }

    private void authorities(Row r, ObjectNode content, Column authority, Column authorityUscc) {
        content.put("authority", r.required(authority));
        content.put("authorityUscc", r.uscc(authorityUscc));
        content.put("sourceUnit", r.required(Column.SOURCE_UNIT));
        content.put("sourceUnitUscc", r.uscc(Column.SOURCE_UNIT_USCC));
        putText(content, "remarks", r.value(Column.REMARKS));
    }

    private ObjectNode recordLine(RecordCategory category, String docNo, LocalDate decided, String title,
                                  ObjectNode content, LocalDate publicUntil, String status) {
        ObjectNode line = json.createObjectNode().put("category", category.name()).put("sourceDocNo", docNo)
                .put("decisionDate", decided.toString()).put("title", title.length() > 300 ? title.substring(0, 300) : title)
                .put("status", status);
        line.set("content", content);
        if (publicUntil != null) {
            line.put("publicityUntil", publicUntil.toString());
        }
        return line;
    }

    private static SubjectType organisationType(String uscc) {
        String prefix = uscc.strip().toUpperCase();
        if (prefix.startsWith("11")) {
            return SubjectType.GOVERNMENT_ORGAN;
        }
        if (prefix.startsWith("12")) {
            return SubjectType.PUBLIC_INSTITUTION;
        }
        if (prefix.startsWith("5")) {
            return SubjectType.SOCIAL_ORGANISATION;
        }
        return prefix.startsWith("92") ? SubjectType.INDIVIDUAL_BUSINESS : SubjectType.ENTERPRISE;
    }

    private static String subjectColumn(String field, Column codeColumn) {
        return switch (field) {
            case "code" -> codeColumn.header();
            case "name" -> Column.SUBJECT_NAME.header();
            case "legalRepresentative" -> Column.LEGAL_REPRESENTATIVE.header();
            default -> "行";
        };
    }

    private static String recordColumn(PublicityTemplate template, String field, Column codeColumn) {
        boolean penalty = template == PublicityTemplate.PENALTY;
        return switch (field) {
            case "subjectCode" -> codeColumn.header();
            case "sourceDocNo" -> (penalty ? Column.PENALTY_DECISION_NO : Column.LICENCE_DOC_NO).header();
            case "decisionDate" -> (penalty ? Column.PENALTY_DATE : Column.LICENCE_DATE).header();
            case "title" -> (penalty ? Column.PENALTY_KIND : Column.LICENCE_DOC_NAME).header();
            case "publicityUntil" -> (penalty ? Column.PUBLICITY_UNTIL : Column.VALID_TO).header();
            case "sourceDept" -> "部门";
            default -> "行";
        };
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putAmount(ObjectNode node, String field, BigDecimal value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** One row's cells with the checks that collect problems by column. */
    private static final class Row {
        private final int number;
        private final Map<Column, String> cells;
        private final List<CellIssue> errors = new ArrayList<>();
        private final List<CellIssue> warnings = new ArrayList<>();

        Row(int number, Map<Column, String> cells) {
            this.number = number;
            this.cells = new EnumMap<>(Column.class);
            cells.forEach((column, value) -> {
                String text = value == null ? "" : value.replace('\u3000', ' ').strip();
                if (!text.isEmpty()) {
                    this.cells.put(column, text);
                }
            });
        }

        String value(Column column) {
            return cells.get(column);
        }

        String required(Column column) {
            String value = cells.get(column);
            if (value == null) {
                error(column, "is required");
            }
            return value;
        }

        void error(Column column, String reason) {
            errors.add(new CellIssue(number, column.header(), reason));
        }

        void error(String column, String reason) {
            errors.add(new CellIssue(number, column, reason));
        }

        void warning(Column column, String reason) {
            warnings.add(new CellIssue(number, column.header(), reason));
        }

        boolean hasError(Column column) {
            return errors.stream().anyMatch(e -> e.column().equals(column.header()));
        }

        String uscc(Column column) {
            String value = required(column);
            if (value == null) {
                return null;
            }
            CodeCheck check = CodeValidator.check(value, CodeKind.USCC);
            if (!check.valid()) {
                error(column, "unified social credit code: " + check.firstError());
                return null;
            }
            return check.normalized();
        }

        /** 万元, with thousands separators and an optional unit; not negative. */
        BigDecimal amount(Column column) {
            String value = cells.get(column);
            if (value == null) {
                return null;
            }
            String plain = value.replaceAll("[,，\\s]", "").replaceAll("万元$|万$|元$", "");
            try {
                BigDecimal amount = new BigDecimal(plain);
                if (amount.signum() < 0) {
                    error(column, "must not be negative, was " + value);
                    return null;
                }
                return amount;
            } catch (NumberFormatException e) {
                error(column, "is not an amount in 万元 (e.g. 1,250.5), was " + value);
                return null;
            }
        }

        /**
         * A date as clerks write it: 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, 20250301, or an Excel serial
         * number (a date cell saved as a number).
         */
        LocalDate date(Column column, boolean required) {
            String value = required ? required(column) : cells.get(column);
            if (value == null) {
                return null;
            }
            try {
                if (value.matches("\\d{5}(\\.0+)?")) {
                    return EXCEL_EPOCH.plusDays(Long.parseLong(value.replaceAll("\\..*", "")));
                }
                if (value.matches("\\d{8}")) {
                    return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
                }
                Matcher m = CHINESE_DATE.matcher(value);
                if (m.matches()) {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                }
            } catch (java.time.DateTimeException e) {
                // falls through to the refusal below
            }
            error(column, "is not a date (e.g. 2025-03-01), was " + value);
            return null;
        }

        LocalDate pastDate(Column column, boolean required) {
            LocalDate date = date(column, required);
            if (date != null && date.isAfter(LocalDate.now())) {
                error(column, "is in the future: " + date);
                return null;
            }
            return date;
        }

        void notBefore(Column later, LocalDate laterDate, Column earlier, LocalDate earlierDate) {
            if (laterDate != null && earlierDate != null && laterDate.isBefore(earlierDate)) {
                error(later, "is before " + earlier.header() + " (" + laterDate + " < " + earlierDate + ")");
            }
        }
    }
}
