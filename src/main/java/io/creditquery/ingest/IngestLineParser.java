package io.creditquery.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;
import io.creditquery.common.FieldError;
import io.creditquery.list.ListType;
import io.creditquery.record.Classification;
import io.creditquery.record.RecordCategory;
import io.creditquery.record.RecordStatus;
import io.creditquery.security.Caller;
import io.creditquery.security.PersonalIds;
import io.creditquery.subject.SubjectStatus;
import io.creditquery.code.SubjectType;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** Turns NDJSON lines into validated upserts; pure apart from the ID hashing key. */
@ApplicationScoped
public class IngestLineParser {

    private static final int MAX_CONTENT = 16_384;

    private final ObjectReader reader;
    private final PersonalIds personalIds;

    public IngestLineParser(ObjectMapper json, PersonalIds personalIds) {
        // Numbers exactly as written (a double would turn 1e999999999 into Infinity and 0.1 into a nearby binary
        // value); one JSON value per line, nothing after it.
        this.reader = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.personalIds = personalIds;
    }

    /**
     * @param callerDepartment the department records and list entries must belong to, or null for callers that
     *                         may file for any department
     */
    ParsedLine<?> parse(IngestKind kind, int lineNumber, String line, String callerDepartment) {
        JsonNode node;
        try {
            node = reader.readTree(line);
        } catch (JsonProcessingException e) {
            String reason = String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")
                    ? "has more content after its JSON object; one object per line"
                    : "malformed JSON: " + e.getOriginalMessage();
            return ParsedLine.rejected(lineNumber, List.of(new FieldError("line", reason)));
        }
        if (node == null || !node.isObject()) {
            return ParsedLine.rejected(lineNumber, List.of(new FieldError("line", "must be a JSON object")));
        }
        LineFields fields = new LineFields(node);
        return switch (kind) {
            case SUBJECTS -> finish(lineNumber, fields, subject(fields), SubjectUpsert::subjectKey);
            case RECORDS -> finish(lineNumber, fields, record(fields, callerDepartment),
                    r -> r.sourceDept() + "/" + r.sourceDocNo());
            case LIST_ENTRIES -> finish(lineNumber, fields, listEntry(fields, callerDepartment),
                    l -> l.authority() + "/" + l.decisionNo());
        };
    }

    private static <T> ParsedLine<T> finish(int line, LineFields fields, T value, Function<T, String> key) {
        List<FieldError> errors = fields.errors();
        if (!errors.isEmpty() || value == null) {
            return ParsedLine.rejected(line, errors.isEmpty() ? List.of(new FieldError("line", "invalid")) : errors);
        }
        return new ParsedLine<>(line, key.apply(value), value, List.of());
    }

    private SubjectUpsert subject(LineFields f) {
        SubjectType type = f.enumValue("type", SubjectType.class, null);
        String code = f.text("code", true, 64);
        String name = f.name("name", true, 200);
        String legalRepresentative = f.name("legalRepresentative", false, 100);
        String registrationNo = f.text("registrationNo", false, 32);
        String regionCode = f.matching("regionCode", false, "\\d{6}", "a 6-digit GB/T 2260 division code");
        String industryCode = f.matching("industryCode", false, "[A-T](\\d{2,4})?", "a GB/T 4754 code such as F5165");
        SubjectStatus status = f.enumValue("status", SubjectStatus.class, SubjectStatus.ACTIVE);
        LocalDate establishedOn = f.date("establishedOn", false, LineFields.EARLIEST_FOUNDING_DATE);
        var capital = f.nonNegativeDecimal("registeredCapital");
        String address = f.text("address", false, 300);
        if (type == null || code == null) {
            return null;
        }
        boolean person = type == SubjectType.NATURAL_PERSON;
        CodeCheck check = CodeValidator.check(code, person ? CodeKind.CITIZEN_ID : CodeKind.USCC);
        if (!check.valid()) {
            f.reject("code", (person ? "citizen ID: " : "unified social credit code: ") + check.firstError());
            return null;
        }
        if (registrationNo != null) {
            CodeCheck reg = CodeValidator.check(registrationNo, CodeKind.REGISTRATION_NO);
            if (person || !reg.valid()) {
                f.reject("registrationNo", person ? "natural persons have no registration number"
                        : "registration number: " + reg.firstError());
                return null;
            }
            registrationNo = reg.normalized();
        }
        String normalized = check.normalized();
        if (regionCode == null) {
            regionCode = person ? normalized.substring(0, 6) : normalized.substring(2, 8);
        }
        if (establishedOn != null && establishedOn.isAfter(LocalDate.now())) {
            f.reject("establishedOn", "is in the future");
            return null;
        }
        return new SubjectUpsert(person ? personalIds.subjectKey(normalized) : normalized, type,
                person ? null : normalized, registrationNo, person ? PersonalIds.mask(normalized) : null, name,
                legalRepresentative, regionCode, industryCode, status, establishedOn, capital,
                person ? null : address);
    }

    private RecordUpsert record(LineFields f, String callerDepartment) {
        String subjectKey = subjectKey(f);
        RecordCategory category = f.enumValue("category", RecordCategory.class, null);
        String sourceDept = department(f, "sourceDept", callerDepartment);
        String sourceDocNo = f.text("sourceDocNo", true, 100);
        LocalDate decisionDate = f.date("decisionDate", true);
        String title = f.text("title", true, 300);
        JsonNode content = f.object("content", MAX_CONTENT);
        Classification classification = f.enumValue("classification", Classification.class, Classification.PUBLIC);
        LocalDate publicityUntil = f.date("publicityUntil", false);
        RecordStatus status = f.enumValue("status", RecordStatus.class, RecordStatus.ACTIVE);
        if (decisionDate != null && decisionDate.isAfter(LocalDate.now())) {
            f.reject("decisionDate", "is in the future");
            return null;
        }
        if (decisionDate != null && publicityUntil != null && publicityUntil.isBefore(decisionDate)) {
            f.reject("publicityUntil", "is before decisionDate");
            return null;
        }
        if (subjectKey == null || category == null || sourceDept == null || sourceDocNo == null
                || decisionDate == null || title == null || classification == null || status == null) {
            return null;
        }
        return new RecordUpsert(subjectKey, category, sourceDept, sourceDocNo, decisionDate, title,
                content == null ? "{}" : content.toString(), classification, publicityUntil, status);
    }

    private ListEntryUpsert listEntry(LineFields f, String callerDepartment) {
        String subjectKey = subjectKey(f);
        ListType listType = f.enumValue("listType", ListType.class, null);
        String authority = department(f, "authority", callerDepartment);
        String decisionNo = f.text("decisionNo", true, 100);
        String basis = f.text("basis", true, 500);
        LocalDate listedOn = f.date("listedOn", true);
        LocalDate plannedExitOn = f.date("plannedExitOn", false);
        LocalDate exitedOn = f.date("exitedOn", false);
        String exitReason = f.text("exitReason", false, 300);
        if (listedOn != null && listedOn.isAfter(LocalDate.now())) {
            f.reject("listedOn", "is in the future");
            return null;
        }
        if (listedOn != null && plannedExitOn != null && plannedExitOn.isBefore(listedOn)) {
            f.reject("plannedExitOn", "is before listedOn");
            return null;
        }
        if (listedOn != null && exitedOn != null && exitedOn.isBefore(listedOn)) {
            f.reject("exitedOn", "is before listedOn");
            return null;
        }
        if (exitedOn != null && exitReason == null) {
            f.reject("exitReason", "is required when exitedOn is given");
            return null;
        }
        if (subjectKey == null || listType == null || authority == null || decisionNo == null || basis == null
                || listedOn == null) {
            return null;
        }
        return new ListEntryUpsert(subjectKey, listType, authority, decisionNo, basis, listedOn, plannedExitOn,
                exitedOn, exitReason);
    }

    private String subjectKey(LineFields f) {
        String code = f.text("subjectCode", true, 64);
        if (code == null) {
            return null;
        }
        CodeCheck check = CodeValidator.check(code);
        if (check.kind() != CodeKind.USCC && check.kind() != CodeKind.CITIZEN_ID) {
            f.reject("subjectCode", "must be a unified social credit code or a citizen ID");
            return null;
        }
        if (!check.valid()) {
            f.reject("subjectCode", check.firstError());
            return null;
        }
        return personalIds.keyOf(check);
    }

    private static String department(LineFields f, String field, String callerDepartment) {
        String dept = f.matching(field, true, Caller.DEPARTMENT_PATTERN, "a department code such as 370100-SCJ");
        if (dept != null && callerDepartment != null && !dept.equals(callerDepartment)) {
            f.reject(field, "a department may file only its own data (" + callerDepartment + ")");
            return null;
        }
        return dept;
    }
}
