package io.creditquery.subject;

import io.creditquery.cache.ProfileCache;
import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;
import io.creditquery.common.JsonText;
import io.creditquery.common.ProblemException;
import io.creditquery.list.ListEntry;
import io.creditquery.list.ListEntryRepository;
import io.creditquery.list.ListType;
import io.creditquery.record.CreditRecordRepository;
import io.creditquery.record.RecordCategory;
import io.creditquery.record.RecordPage;
import io.creditquery.record.RecordService;
import io.creditquery.security.PersonalIds;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Profiles by any code a subject is known by, from the Redis cache or from PostgreSQL. */
@ApplicationScoped
public class SubjectService {

    /** The cached view for anonymous callers; other views are added by access control. */
    static final String PUBLIC_VIEW = "public";

    /** A rendered profile (JSON) and the key of the subject it describes. */
    public record RenderedProfile(String subjectKey, String json) {
    }

    private final SubjectRepository subjects;
    private final ListEntryRepository lists;
    private final CreditRecordRepository records;
    private final ProfileCache cache;
    private final PersonalIds personalIds;
    private final JsonText json;
    private final RecordService recordService;

    public SubjectService(SubjectRepository subjects, ListEntryRepository lists, CreditRecordRepository records,
                          ProfileCache cache, PersonalIds personalIds, JsonText json, RecordService recordService) {
        this.recordService = recordService;
        this.subjects = subjects;
        this.lists = lists;
        this.records = records;
        this.cache = cache;
        this.personalIds = personalIds;
        this.json = json;
    }

    /** The code must be valid (400 otherwise) and name a subject the public may see (404 otherwise). */
    @WithSession
    public Uni<RenderedProfile> publicProfile(String code) {
        CodeCheck check = CodeValidator.check(code);
        if (!check.valid()) {
            return Uni.createFrom().failure(ProblemException.badRequest("code", check.firstError()));
        }
        return resolveKey(check)
                .onItem().ifNull().failWith(() -> notFound(check))
                .chain(key -> cache.lookup(key, PUBLIC_VIEW).chain(seen -> seen.hit()
                        ? Uni.createFrom().item(new RenderedProfile(key, seen.value()))
                        : load(key).onItem().ifNull().failWith(() -> notFound(check))
                                .map(json::write)
                                .call(rendered -> cache.store(key, seen, PUBLIC_VIEW, rendered))
                                .map(rendered -> new RenderedProfile(key, rendered))));
    }

    /** A page of the public records of a subject the public may see (same 400/404 rules as the profile). */
    @WithSession
    public Uni<SubjectRecords> publicRecords(String code, RecordCategory category, int size, String cursor) {
        CodeCheck check = CodeValidator.check(code);
        if (!check.valid()) {
            return Uni.createFrom().failure(ProblemException.badRequest("code", check.firstError()));
        }
        return resolveKey(check)
                .chain(key -> key == null ? Uni.createFrom().nullItem() : subjects.findByKey(key))
                .onItem().ifNull().failWith(() -> notFound(check))
                .call(subject -> publiclyVisible(subject).invoke(visible -> {
                    if (!visible) {
                        throw notFound(check);
                    }
                }))
                .chain(subject -> recordService.publicPage(subject.id, subject.subjectKey, category, size, cursor)
                        .map(page -> new SubjectRecords(subject.subjectKey, page)));
    }

    /** A page of records and the key of the subject they belong to. */
    public record SubjectRecords(String subjectKey, RecordPage page) {
    }

    private Uni<Boolean> publiclyVisible(Subject subject) {
        if (!isNaturalPerson(subject)) {
            return Uni.createFrom().item(true);
        }
        return lists.inForce(subject.id).map(entries -> entries.stream().anyMatch(SubjectService::namesPersonPublicly));
    }

    private Uni<String> resolveKey(CodeCheck check) {
        return switch (check.kind()) {
            case USCC -> Uni.createFrom().item(check.normalized());
            case CITIZEN_ID -> Uni.createFrom().item(personalIds.subjectKey(check.normalized()));
            case REGISTRATION_NO, ORG_CODE -> subjects.findByOldCode(check.kind(), check.normalized())
                    .map(subject -> subject == null ? null : subject.subjectKey);
            case UNKNOWN -> Uni.createFrom().nullItem();
        };
    }

    private Uni<SubjectProfile> load(String key) {
        return subjects.findByKey(key).chain(subject -> {
            if (subject == null) {
                return Uni.createFrom().nullItem();
            }
            return lists.inForce(subject.id).chain(entries -> {
                if (isNaturalPerson(subject) && entries.stream().noneMatch(SubjectService::namesPersonPublicly)) {
                    return Uni.createFrom().nullItem();
                }
                return records.publicCountsByCategory(subject.id).map(counts -> toProfile(subject, entries, counts));
            });
        });
    }

    private static SubjectProfile toProfile(Subject s, List<ListEntry> entries, java.util.Map<String, Long> counts) {
        SubjectType type = SubjectType.valueOf(s.subjectType);
        boolean person = type == SubjectType.NATURAL_PERSON;
        List<SubjectProfile.ListBadge> badges = entries.stream()
                .map(e -> {
                    ListType listType = ListType.valueOf(e.listType);
                    return new SubjectProfile.ListBadge(e.listType, listType.label(), listType.kind().name(),
                            e.authority, e.basis, e.listedOn, e.plannedExitOn);
                })
                .toList();
        return new SubjectProfile(person ? s.idMasked : s.uscc, type.name(), type.label(), s.name,
                person ? null : s.legalRepresentative,
                person ? null : new SubjectProfile.OldCodes(s.registrationNo, s.orgCode),
                s.regionCode, s.industryCode, s.status, s.establishedOn, s.registeredCapital,
                person ? null : s.address, badges, counts, s.version, s.updatedAt);
    }

    private static boolean isNaturalPerson(Subject subject) {
        return SubjectType.NATURAL_PERSON.name().equals(subject.subjectType);
    }

    private static boolean namesPersonPublicly(ListEntry entry) {
        return ListType.valueOf(entry.listType).namesPersonsPublicly();
    }

    private static ProblemException notFound(CodeCheck check) {
        String what = check.kind() == CodeKind.CITIZEN_ID ? PersonalIds.mask(check.normalized()) : check.normalized();
        return ProblemException.notFound("no subject the caller may see is known by " + what);
    }
}
