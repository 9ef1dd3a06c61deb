package io.creditquery.verification;

import java.util.Optional;
import io.creditquery.asof.AsOfRepository;
import io.creditquery.cache.ProfileCache;
import io.creditquery.evaluation.EvaluationRules;
import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeKind;
import io.creditquery.code.CodeValidator;
import io.creditquery.common.FieldError;
import io.creditquery.common.JsonText;
import io.creditquery.common.ProblemException;
import io.creditquery.common.QueryParams;
import io.creditquery.frontdoor.ProblemLanguage;
import io.creditquery.list.ListType;
import io.creditquery.security.PersonalIds;
import io.creditquery.security.SubjectResolver;
import io.creditquery.code.SubjectType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Credit checks (信用核查) for one subject or a batch: each code's list entries in force, the measures the
 * catalogue attaches to them in the scenario, and the verdict; invalid and unknown codes are answered per item.
 * Facts come from the per-subject Redis cache (pipelined) and, for misses, from one PostgreSQL query; a change of
 * a list entry invalidates the subject's cached facts after its commit, so the next check sees it. The answer is
 * stored before it is returned and can be read back unchanged later.
 */
@ApplicationScoped
public class VerificationService {

    public static final int MAX_BATCH = 1_000;
    static final String FACTS_VIEW = "facts";
    private static final String UNKNOWN_REASON = "no subject is known by this code";

    private final VerificationRepository repository;
    private final MeasureCatalogue catalogue;
    private final ProfileCache cache;
    private final PersonalIds personalIds;
    private final SubjectResolver resolver;
    private final JsonText json;
    private final VerificationReceipts receipts;
    private final AsOfRepository asOf;
    private final EvaluationRules rules;

    public VerificationService(VerificationRepository repository, MeasureCatalogue catalogue, ProfileCache cache,
                               PersonalIds personalIds, SubjectResolver resolver, JsonText json,
                               VerificationReceipts receipts, AsOfRepository asOf, EvaluationRules rules) {
        this.resolver = resolver;
        this.asOf = asOf;
        this.rules = rules;
        this.receipts = receipts;
        this.repository = repository;
        this.catalogue = catalogue;
        this.cache = cache;
        this.personalIds = personalIds;
        this.json = json;
    }

    /** A checked input: its validation, the key it was sealed with (if any) and what makes two inputs the same. */
    private record Input(int index, String raw, CodeCheck check, String sealedKey, String sameAs) {
    }

    /**
     * A code to check as it may be kept at rest: organisations' codes as given; anything that may be a citizen ID
     * sealed, that is masked ({@code raw}), with the keyed hash of a valid ID ({@code subjectKey}) or, for one that
     * is not valid, the reason ({@code invalidReason}) and a keyed hash telling repeats apart ({@code sameAs}).
     * Verification jobs store these, never the ID.
     */
    public record CodeInput(String raw, String subjectKey, String invalidReason, String sameAs) {

        public static CodeInput sealed(String raw, PersonalIds personalIds) {
            String text = raw == null ? "" : raw;
            CodeCheck check = CodeValidator.check(text);
            if (check.valid() && check.kind() == CodeKind.CITIZEN_ID) {
                return new CodeInput(PersonalIds.mask(check.normalized()), personalIds.subjectKey(check.normalized()),
                        null, null);
            }
            String masked = PersonalIds.redact(text);
            if (masked.equals(text)) {
                return new CodeInput(text, null, null, null);
            }
            return new CodeInput(masked, null, check.valid() ? "is not a valid code" : check.firstError(),
                    personalIds.subjectKey(check.normalized()));
        }
    }

    /** The stored answer and the keys of every subject it is about (for the audit log). */
    public record Checked(VerificationResult result, List<String> subjectKeys) {
    }

    /**
     * Checks the codes; natural persons on no public list are answered as unknown codes unless
     * {@code everyNaturalPerson} (see {@link io.creditquery.record.AccessPolicy#seesEveryNaturalPerson(io.creditquery.security.Caller)}).
     */
    public Uni<Checked> verify(VerificationRequest request, String actor, String department, boolean everyNaturalPerson) {
        Scenario scenario = validate(request);
        String purpose = QueryParams.text("purpose", request.purpose(), false, 200);
        OffsetDateTime asOf = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        PastDate past = PastDate.of(request.asOf(), request.knownAt(), asOf);
        String id = UUID.randomUUID().toString();
        return answer(scenario, request.codes(), past, everyNaturalPerson).map(answered -> {
            VerificationResult result = new VerificationResult(id, scenario, purpose, asOf,
                    past == null ? null : past.date(), past == null ? null : past.knownAt(), actor, department,
                    answered.summary(), answered.items(), VerificationReceipts.newSalt(), null, null);
            return new Checked(result.signed(receipts.receipt(result, request.codes()), receipts.noHits(result)),
                    answered.subjectKeys());
        }).call(checked -> repository.store(checked.result(), actor));
    }

    /** The answers for a chunk of sealed codes of a verification job (index = position in {@code codes}). */
    public Uni<List<VerificationResult.Item>> items(Scenario scenario, List<CodeInput> codes, boolean everyNaturalPerson) {
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            CodeInput code = codes.get(i);
            if (code.subjectKey() != null) {
                inputs.add(new Input(i, code.raw(), new CodeCheck(code.raw(), code.raw(), CodeKind.CITIZEN_ID, true,
                        List.of()), code.subjectKey(), null));
            } else if (code.invalidReason() != null) {
                inputs.add(new Input(i, code.raw(), new CodeCheck(code.raw(), code.raw(), CodeKind.UNKNOWN, false,
                        List.of(code.invalidReason())), null, "sealed:" + code.sameAs()));
            } else {
                inputs.add(input(i, code.raw()));
            }
        }
        return answerInputs(scenario, inputs, null, everyNaturalPerson).map(Answered::items);
    }

    private static Input input(int index, String raw) {
        return new Input(index, raw, CodeValidator.check(raw == null ? "" : raw), null, null);
    }

    /** Items, their summary and the keys of the subjects found. */
    private record Answered(List<VerificationResult.Item> items, VerificationResult.Summary summary,
                            List<String> subjectKeys) {
    }

    /** Validates and resolves the codes (old codes too, in one query) and answers each from the subjects' facts. */
    private Uni<Answered> answer(Scenario scenario, List<String> codes, PastDate past, boolean everyNaturalPerson) {
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            inputs.add(input(i, codes.get(i)));
        }
        return answerInputs(scenario, inputs, past, everyNaturalPerson);
    }

    private Uni<Answered> answerInputs(Scenario scenario, List<Input> inputs, PastDate past, boolean everyNaturalPerson) {
        return resolver.keys(inputs.stream().map(Input::check).toList()).chain(resolved -> {
            Map<Integer, String> keys = new HashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                Input in = inputs.get(i);
                String key = in.sealedKey() != null ? in.sealedKey() : resolved.get(i);
                if (key != null) {
                    keys.put(in.index(), key);
                }
            }
            Set<String> subjects = new LinkedHashSet<>(keys.values());
            return (past == null ? facts(subjects) : pastFacts(subjects, past, !everyNaturalPerson))
                    .map(facts -> answer(scenario, inputs, keys, disclosable(facts, everyNaturalPerson),
                            List.copyOf(subjects)));
        });
    }

    public Uni<VerificationResult> find(UUID id) {
        return repository.find(id);
    }

    private static Scenario validate(VerificationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Scenario scenario = null;
        if (request.scenario() == null || request.scenario().isBlank()) {
            errors.add(new FieldError("scenario", "is required; one of " + List.of(Scenario.values())));
        } else {
            try {
                scenario = Scenario.valueOf(request.scenario().strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("scenario", "'" + request.scenario() + "' is not one of "
                        + List.of(Scenario.values())));
            }
        }
        if (request.codes() == null || request.codes().isEmpty()) {
            errors.add(new FieldError("codes", "is required: one to " + MAX_BATCH + " codes"));
        } else if (request.codes().size() > MAX_BATCH) {
            errors.add(new FieldError("codes", "has " + request.codes().size() + " codes; at most " + MAX_BATCH
                    + " per request (use several requests for larger registers)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return scenario;
    }

    /**
     * Facts on a past date as known at a time: never cached (there are as many as dates). Callers that see every
     * natural person are the callers with a legal basis, who also see the repaired past; for the others only what
     * is still public ({@link io.creditquery.record.AccessPolicy#seesRepairedPast}).
     */
    private Uni<Map<String, SubjectFacts>> pastFacts(Set<String> keys, PastDate past, boolean publicOnly) {
        return repository.subjectsKnownAt(keys, past.knownAt()).chain(subjects -> asOf.facts(subjects.keySet(),
                past.date(), past.knownAt(), publicOnly).map(facts -> {
                    Map<String, SubjectFacts> byKey = new HashMap<>();
                    subjects.forEach((id, subject) -> {
                        AsOfRepository.FactsOn on = facts.get(id);
                        List<SubjectFacts.ListFact> lists = on.lists().stream().map(e -> new SubjectFacts.ListFact(
                                e.id(), e.listType(), e.authority(), e.decisionNo(), e.basis(), e.listedOn(),
                                e.plannedExitOn(), false)).toList();
                        byKey.put(subject.subjectKey(), new SubjectFacts(subject.subjectKey(), subject.code(),
                                subject.name(), subject.subjectType(), subject.status(), lists, 0,
                                rules.evaluate(lists.stream().map(SubjectFacts.ListFact::listType).toList(), on.counts())));
                    });
                    return byKey;
                }));
    }

    /** Cached facts where Redis has them (all lookups pipelined on one connection), PostgreSQL for the rest. */
    private Uni<Map<String, SubjectFacts>> facts(Set<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> ordered = List.copyOf(keys);
        List<Uni<ProfileCache.Lookup>> lookups = ordered.stream().map(k -> cache.lookup(k, FACTS_VIEW)).toList();
        return Uni.join().all(lookups).andFailFast().chain(seen -> {
            Map<String, SubjectFacts> facts = new HashMap<>();
            Map<String, ProfileCache.Lookup> misses = new LinkedHashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                if (seen.get(i).hit()) {
                    facts.put(ordered.get(i), json.read(seen.get(i).value(), SubjectFacts.class));
                } else {
                    misses.put(ordered.get(i), seen.get(i));
                }
            }
            if (misses.isEmpty()) {
                return Uni.createFrom().item(facts);
            }
            return repository.facts(misses.keySet()).call(loaded -> Uni.join().all(loaded.values().stream()
                            .map(f -> cache.store(f.subjectKey(), misses.get(f.subjectKey()), FACTS_VIEW, json.write(f)))
                            .toList()).andCollectFailures())
                    .map(loaded -> {
                        facts.putAll(loaded);
                        return facts;
                    });
        });
    }

    /**
     * The subjects this caller may be told about: natural persons only while a law-mandated public list names them
     * (as on their profile), unless the caller has the legal basis to check every natural person. The others are
     * left out, so that they are answered exactly as a code no subject has (no name, no grade, no existence).
     */
    private static Map<String, SubjectFacts> disclosable(Map<String, SubjectFacts> facts, boolean everyNaturalPerson) {
        if (everyNaturalPerson) {
            return facts;
        }
        Map<String, SubjectFacts> shown = new LinkedHashMap<>();
        facts.forEach((key, f) -> {
            if (!SubjectType.NATURAL_PERSON.name().equals(f.subjectType())
                    || f.lists().stream().anyMatch(l -> ListType.valueOf(l.listType()).namesPersonsPublicly())) {
                shown.put(key, f);
            }
        });
        return shown;
    }

    /** {@code subjectKeys}: every subject a code named, answered or not (the audit log; the subject sees who asked). */
    private Answered answer(Scenario scenario, List<Input> inputs, Map<Integer, String> keys,
                            Map<String, SubjectFacts> facts, List<String> subjectKeys) {
        List<VerificationResult.Item> items = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        int[] counts = new int[6];
        for (Input in : inputs) {
            String key = keys.get(in.index());
            String normalized = in.check().normalized();
            Integer duplicateOf = firstIndex.putIfAbsent(key != null ? key
                    : in.sameAs() != null ? in.sameAs() : "raw:" + normalized, in.index());
            // An input that is not a valid ID may still be someone's (mistyped): it is never echoed or kept in clear.
            String shown = in.check().kind() == CodeKind.CITIZEN_ID ? PersonalIds.mask(normalized)
                    : PersonalIds.redact(in.raw());
            VerificationResult.Item item;
            if (!in.check().valid()) {
                String reason = in.check().firstError();
                item = new VerificationResult.Item(in.index(), shown, "INVALID", null, null, null, null, null, null, null, null,
                        reason, ProblemLanguage.chineseReason(reason), duplicateOf);
                counts[5]++;
            } else if (key == null || !facts.containsKey(key)) {
                item = new VerificationResult.Item(in.index(), shown, "UNKNOWN", null, null, null, null, null, null, null, null,
                        UNKNOWN_REASON, ProblemLanguage.chineseReason(UNKNOWN_REASON), duplicateOf);
                counts[4]++;
            } else {
                SubjectFacts f = facts.get(key);
                List<Measure> measures = f.lists().stream()
                        .map(l -> catalogue.measure(ListType.valueOf(l.listType()), scenario))
                        .flatMap(Optional::stream).toList();
                Verdict verdict = measures.stream().map(m -> m.measure().verdict())
                        .min(Comparator.naturalOrder()).orElse(Verdict.CLEAR);
                counts[verdict.ordinal()]++;
                item = new VerificationResult.Item(in.index(), shown, "FOUND", f.code(), f.name(), verdict, f.lists(),
                        measures, f.evaluation().grade().name(), f.evaluation(), f.recordsUnderObjection(), null, null,
                        duplicateOf);
            }
            items.add(item);
        }
        return new Answered(items, new VerificationResult.Summary(inputs.size(), counts[0], counts[1], counts[2],
                counts[3], counts[4], counts[5]), subjectKeys);
    }


}
