package io.creditquery.report;

import io.creditquery.record.RecordPage;
import io.creditquery.subject.SubjectProfile;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A credit report (信用报告) as issued: the subject's profile as the requester may see it (basic data, lists, grade),
 * its records by category, when and for which view it was made. Its JSON text is stored and hashed; the PDF is a
 * rendering of it.
 */
public record CreditReport(String number, OffsetDateTime generatedAt, String issuer, String view,
                           SubjectProfile subject, List<CategorySection> records, boolean recordsCut) {

    public record CategorySection(String category, String label, List<RecordPage.RecordView> items) {
    }
}
