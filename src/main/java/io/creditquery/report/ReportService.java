package io.creditquery.report;

import io.creditquery.common.Digests;
import io.creditquery.common.JsonText;
import io.creditquery.common.ProblemException;
import io.creditquery.common.TrackingIds;
import io.creditquery.ratelimit.RateLimiter;
import io.creditquery.record.RecordCategory;
import io.creditquery.record.RecordPage;
import io.creditquery.security.CallerView;
import io.creditquery.security.PersonalIds;
import io.creditquery.subject.SubjectProfile;
import io.creditquery.subject.SubjectService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Credit reports (信用报告): the profile and records as the requester may see them, numbered, stored with the SHA-256
 * of their JSON text before they are handed out, and checkable later by number.
 */
@ApplicationScoped
public class ReportService {

    static final String PREFIX = "CR";

    /** An issued report, its JSON text, digest and subject key. */
    public record Issued(CreditReport report, String json, String sha256, String subjectKey) {
    }

    private final SubjectService subjects;
    private final ReportRepository reports;
    private final ReportPdf pdf;
    private final ReportRenderer renderer;
    private final ReportConfig config;
    private final JsonText json;

    public ReportService(SubjectService subjects, ReportRepository reports, ReportPdf pdf, ReportRenderer renderer,
                         ReportConfig config, JsonText json) {
        this.renderer = renderer;
        this.subjects = subjects;
        this.reports = reports;
        this.pdf = pdf;
        this.config = config;
        this.json = json;
    }

    /**
     * @param shared an anonymous request: the report is content-addressed (the same subject, view and data give the
     *               same stored report, number and time), so asking again stores nothing new
     */
    public Uni<Issued> issue(String code, CallerView caller, String requestedBy, boolean shared) {
        // One page one longer than the report holds: the extra record only says the list was cut.
        return subjects.profile(code, caller).chain(profile -> subjects.recordsOfKey(profile.subjectKey(), caller, null,
                        config.maxRecords() + 1, null).map(page -> page.page().items()).chain(records -> {
                    CallerView view = caller.about(profile.subjectKey());
                    boolean cut = records.size() > config.maxRecords();
                    CreditReport report = new CreditReport(TrackingIds.next(PREFIX),
                            OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS), config.issuer(), view.cacheName(),
                            json.read(profile.json(), SubjectProfile.class),
                            byCategory(cut ? records.subList(0, config.maxRecords()) : records), cut);
                    String text = json.write(report);
                    String sha256 = Digests.sha256Hex(text);
                    if (shared) {
                        // One shared report per subject, view, data and day (Asia/Shanghai): its time stays recent.
                        String contentKey = Digests.sha256Hex(profile.subjectKey() + "\n" + report.view() + "\n"
                                + java.time.LocalDate.now(RateLimiter.PLATFORM_ZONE) + "\n"
                                + json.write(new CreditReport(null, null, report.issuer(), report.view(), report.subject(),
                                report.records(), report.recordsCut())));
                        return reports.insertShared(report.number(), profile.subjectKey(), report.view(),
                                        report.generatedAt(), text, sha256, contentKey)
                                .map(stored -> {
                                    if (stored == null) {
                                        // the subject went away between the profile and the insert
                                        throw ProblemException.notFound("no subject the caller may see is known by "
                                                + PersonalIds.redact(code));
                                    }
                                    return new Issued(json.read(stored.content(), CreditReport.class),
                                            stored.content(), stored.sha256(), profile.subjectKey());
                                });
                    }
                    return reports.insert(report.number(), profile.subjectKey(), report.view(), report.generatedAt(),
                                    text, sha256, requestedBy)
                            .replaceWith(new Issued(report, text, sha256, profile.subjectKey()));
                }));
    }

    /** The PDF of an issued report, rendered on the bounded report pool. */
    public Uni<byte[]> pdf(Issued issued) {
        if (!pdf.fontAvailable()) {
            return Uni.createFrom().failure(ProblemException.unavailable("report-font-missing",
                    "credit reports need the CJK font " + pdf.fontPath() + " (Debian package fonts-wqy-zenhei);"
                            + " the JSON form works: format=json"));
        }
        return renderer.render(() -> pdf.render(issued.report(), issued.sha256(),
                "/api/v1/reports/" + issued.report().number()));
    }

    public Uni<ReportCheck> check(String number) {
        TrackingIds.require("number", PREFIX, number, "a report number");
        return reports.find(number).onItem().ifNull().failWith(() -> ProblemException.notFound("no report " + number
                + " was issued"));
    }

    private static List<CreditReport.CategorySection> byCategory(List<RecordPage.RecordView> records) {
        Map<RecordCategory, List<RecordPage.RecordView>> grouped = new EnumMap<>(RecordCategory.class);
        records.forEach(r -> grouped.computeIfAbsent(RecordCategory.valueOf(r.category()), c -> new ArrayList<>()).add(r));
        return grouped.entrySet().stream().map(e -> new CreditReport.CategorySection(e.getKey().name(),
                e.getKey().label(), List.copyOf(e.getValue()))).toList();
    }
}
