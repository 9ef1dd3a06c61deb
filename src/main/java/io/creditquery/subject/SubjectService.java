package io.creditquery.subject;

import java.util.Map;
import io.creditquery.asof.AsOfRepository;
import io.creditquery.cache.ProfileCache;
import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;
import io.creditquery.code.SubjectType;
import io.creditquery.common.JsonText;
import io.creditquery.common.ProblemException;
import io.creditquery.evaluation.Evaluation;
import io.creditquery.evaluation.EvaluationRepository;
import io.creditquery.evaluation.EvaluationRules;
import io.creditquery.list.ListEntry;
import io.creditquery.list.ListEntryRepository;
import io.creditquery.list.ListType;
import io.creditquery.record.CreditRecordRepository;
import io.creditquery.record.RecordCategory;
import io.creditquery.record.RecordPage;
import io.creditquery.record.RecordService;
import io.creditquery.record.RecordStatus;
import io.creditquery.record.AccessPolicy;
import io.creditquery.security.CallerView;
import io.creditquery.code.AdministrativeDivisions;
import io.creditquery.record.DepartmentNames;
import io.creditquery.security.PersonalIds;
import io.creditquery.security.SubjectResolver;
import io.creditquery.verification.PastDate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/** Profiles by any code a subject is known by, from the Redis cache or from PostgreSQL. */
@ApplicationScoped
public class SubjectService {

    /** A rendered profile (JSON) and the key of the subject it describes. */
    public record RenderedProfile(String subjectKey, String json) {
    }

    /** A page of records and the key of the subject they belong to. */
    public record SubjectRecords(String subjectKey, RecordPage page) {
    }

    private final SubjectRepository subjects;
    private final ListEntryRepository lists;
    private final CreditRecordRepository records;
    private final ProfileCache cache;
    private final SubjectResolver resolver;
    private final DepartmentNames departments;
    private final JsonText json;
    private final RecordService recordService;
    private final AccessPolicy policy;
    private final EvaluationRepository evaluationCounts;
    private final EvaluationRules rules;
    private final AsOfRepository asOf;

    public SubjectService(SubjectRepository subjects, ListEntryRepository lists, CreditRecordRepository records,
                          ProfileCache cache, SubjectResolver resolver, JsonText json, RecordService recordService,
                          AccessPolicy policy, EvaluationRepository evaluationCounts, EvaluationRules rules,
                          AsOfRepository asOf, DepartmentNames departments) {
        this.departments = departments;
        this.asOf = asOf;
        this.evaluationCounts = evaluationCounts;
        this.rules = rules;
        this.subjects = subjects;
        this.lists = lists;
        this.records = records;
        this.cache = cache;
        this.resolver = resolver;
        this.json = json;
        this.recordService = recordService;
        this.policy = policy;
    }

    /**
     * The profile as this caller may see it (record counts by the access policy; one cached rendering per view).
     * The code must be valid (400 otherwise) and name a subject the caller may see (404 otherwise).
     * <p>
     * Not one session around the whole: a session holds its connection until it closes, and the evaluation counts
     * and as-of facts come from the pool; asked for while the session held one, they made every cold profile
     * need two connections at once, and 32 concurrent cold lookups deadlocked the pool of 20 until the 30 s
     * deadline (found by load-tests/front-door-bench.sh, 2026-12-02). Each step now holds at most one.
     */
    public Uni<RenderedProfile> profile(String code, CallerView caller) {
        CodeCheck check = CodeValidator.check(code);
        if (!check.valid()) {
            return Uni.createFrom().failure(ProblemException.badRequest("code", check.firstError()));
        }
        return resolver.key(check)
                .onItem().ifNull().failWith(() -> notFound(check))
                .chain(key -> profileOfKey(key, caller))
                .onItem().ifNull().failWith(() -> notFound(check));
    }

    /** The profile of a subject by its key, or null if there is none this caller may see. */
    public Uni<RenderedProfile> profileOfKey(String key, CallerView caller) {
        CallerView view = caller.about(key);
        return cache.lookup(key, view.cacheName()).chain(seen -> seen.hit()
                ? Uni.createFrom().item(new RenderedProfile(key, seen.value()))
                : load(key, view).onItem().ifNotNull().transformToUni(profile -> {
                    String rendered = json.write(profile);
                    return cache.store(key, seen, view.cacheName(), rendered).replaceWith(new RenderedProfile(key, rendered));
                }));
    }

    /**
     * The profile on a past date as the platform knew it at a time: lists in force then, public record counts then
     * and the grade they give (registration data as it is now). Not cached. For the public only what is still public
     * now (see {@link AsOfRepository}); a natural person only as far as a list that names persons publicly was in
     * force on that date and still is.
     */
    public Uni<RenderedProfile> profileAsOf(String code, CallerView caller, PastDate past) {
        CodeCheck check = CodeValidator.check(code);
        if (!check.valid()) {
            return Uni.createFrom().failure(ProblemException.badRequest("code", check.firstError()));
        }
        return resolver.key(check).chain(key -> key == null ? Uni.createFrom().<Subject>nullItem()
                        : Panache.withSession(() -> subjects.findByKey(key)))
                .chain(subject -> subject == null || subject.createdAt.isAfter(past.knownAt())
                        ? Uni.createFrom().nullItem()
                        : asOf.facts(List.of(subject.id), past.date(), past.knownAt(),
                                !policy.seesRepairedPast(caller.about(subject.subjectKey))).map(facts -> {
                            AsOfRepository.FactsOn on = facts.get(subject.id);
                            CallerView view = caller.about(subject.subjectKey);
                            boolean shown = !isNaturalPerson(subject) || policy.seesEveryNaturalPerson(view)
                                    || on.lists().stream().anyMatch(e -> ListType.valueOf(e.listType()).namesPersonsPublicly());
                            if (!shown) {
                                return null;
                            }
                            SubjectProfile profile = toProfile(subject, on.lists().stream().map(e -> badge(e.id(),
                                            e.listType(), e.authority(), e.basis(), e.listedOn(), e.plannedExitOn(), false))
                                    .toList(), on.recordCounts(), 0,
                                    rules.evaluate(on.lists().stream().map(AsOfRepository.EntryOn::listType).toList(),
                                            on.counts()), new SubjectProfile.AsOf(past.date(), past.knownAt()));
                            return new RenderedProfile(subject.subjectKey, json.write(profile));
                        }))
                .onItem().ifNull().failWith(() -> notFound(check));
    }

    /**
     * A page of the records of a subject, as this caller may see them (same 400/404 rules as the profile). The code
     * is resolved before the session opens: each step holds at most one connection (see {@link #profile}).
     */
    public Uni<SubjectRecords> records(String code, CallerView caller, RecordCategory category, int size, String cursor) {
        CodeCheck check = CodeValidator.check(code);
        if (!check.valid()) {
            return Uni.createFrom().failure(ProblemException.badRequest("code", check.firstError()));
        }
        return resolver.key(check)
                .chain(key -> key == null ? Uni.createFrom().nullItem() : recordsOfKey(key, caller, category, size, cursor))
                .onItem().ifNull().failWith(() -> notFound(check));
    }

    /** A page of records of a subject by its key, or null if there is no subject this caller may see. */
    @WithSession
    public Uni<SubjectRecords> recordsOfKey(String key, CallerView caller, RecordCategory category, int size,
                                            String cursor) {
        CallerView view = caller.about(key);
        return subjects.findByKey(key).chain(subject -> subject == null ? Uni.createFrom().nullItem()
                : visible(subject, view).chain(visible -> !visible ? Uni.createFrom().nullItem()
                        : recordService.page(subject.id, key, policy.records(view), category, size, cursor)
                                .map(page -> new SubjectRecords(key, page))));
    }

    private Uni<Boolean> visible(Subject subject, CallerView view) {
        if (!isNaturalPerson(subject) || policy.seesEveryNaturalPerson(view)) {
            return Uni.createFrom().item(true);
        }
        return lists.inForce(subject.id).map(entries -> visible(subject, view, entries));
    }

    /** Natural persons are visible to the public only while a law-mandated public list names them. */
    private boolean visible(Subject subject, CallerView view, List<ListEntry> inForce) {
        return !isNaturalPerson(subject) || policy.seesEveryNaturalPerson(view)
                || inForce.stream().anyMatch(SubjectService::namesPersonPublicly);
    }

    /** What a profile is made of that the session reads (entities are read-only here: detached afterwards is fine). */
    private record Loaded(Subject subject, List<ListEntry> entries, Map<String, Long> counts) {
    }

    /** The session's reads first, closed before the evaluation counts are read from the pool (see {@link #profile}). */
    private Uni<SubjectProfile> load(String key, CallerView view) {
        return Panache.withSession(() -> subjects.findByKey(key).chain(subject -> {
            if (subject == null) {
                return Uni.createFrom().<Loaded>nullItem();
            }
            return lists.inForce(subject.id).chain(entries -> !visible(subject, view, entries)
                    ? Uni.createFrom().<Loaded>nullItem()
                    : records.countsByCategory(subject.id, policy.records(view))
                            .map(counts -> new Loaded(subject, entries, counts)));
        })).onItem().ifNotNull().transformToUni(loaded -> evaluationCounts.counts(loaded.subject().id)
                .map(evaluation -> toProfile(loaded.subject(), loaded.entries().stream().map(e -> badge(e.id,
                                e.listType, e.authority, e.basis, e.listedOn, e.plannedExitOn,
                                RecordStatus.UNDER_OBJECTION.name().equals(e.status))).toList(),
                        loaded.counts(), evaluation.recordsUnderObjection(),
                        rules.evaluate(loaded.entries().stream().map(e -> e.listType).toList(), evaluation), null)));
    }

    private SubjectProfile.ListBadge badge(long id, String type, String authority, String basis,
                                           LocalDate listedOn, LocalDate plannedExitOn, boolean underObjection) {
        ListType listType = ListType.valueOf(type);
        return new SubjectProfile.ListBadge(id, type, listType.label(), listType.kind().name(), authority,
                departments.name(authority), basis, listedOn, plannedExitOn, underObjection);
    }

    private static SubjectProfile toProfile(Subject s, List<SubjectProfile.ListBadge> badges, Map<String, Long> counts,
                                            int recordsUnderObjection, Evaluation evaluation,
                                            SubjectProfile.AsOf asOf) {
        SubjectType type = SubjectType.valueOf(s.subjectType);
        boolean person = type == SubjectType.NATURAL_PERSON;
        return new SubjectProfile(person ? s.idMasked : s.uscc, type.name(), type.label(), s.name,
                person ? null : s.legalRepresentative,
                person ? null : new SubjectProfile.OldCodes(s.registrationNo, s.orgCode),
                s.regionCode, AdministrativeDivisions.fullName(s.regionCode), s.industryCode, s.status,
                SubjectStatus.valueOf(s.status).label(), s.establishedOn, s.registeredCapital,
                person ? null : s.address, badges, counts, recordsUnderObjection, evaluation, s.version, s.updatedAt,
                asOf);
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
