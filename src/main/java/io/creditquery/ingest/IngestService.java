package io.creditquery.ingest;

import io.creditquery.cache.ProfileCache;
import io.creditquery.common.FieldError;
import io.creditquery.common.ProblemException;
import io.creditquery.search.SearchIndexer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * NDJSON bulk upserts. Every line is validated first; the valid ones are written in one transaction and are
 * committed before the report is returned; invalid ones leave no trace. Idempotent by natural keys: the same file
 * twice leaves the same state, and within one file the last line for a key wins.
 */
@ApplicationScoped
public class IngestService {

    private final Pool pool;
    private final IngestRepository repository;
    private final IngestLineParser parser;
    private final ProfileCache cache;
    private final SearchIndexer indexer;
    private final IngestConfig config;

    public IngestService(Pool pool, IngestRepository repository, IngestLineParser parser, ProfileCache cache,
                         SearchIndexer indexer, IngestConfig config) {
        this.pool = pool;
        this.repository = repository;
        this.parser = parser;
        this.cache = cache;
        this.indexer = indexer;
        this.config = config;
    }

    /**
     * @param callerDepartment records and list entries must belong to this department; null for callers allowed
     *                         to file for any department
     */
    public Uni<IngestReport> ingest(IngestKind kind, String body, String callerDepartment) {
        List<String> lines = body == null ? List.of() : body.lines().toList();
        if (lines.size() > config.maxLines()) {
            return Uni.createFrom().failure(ProblemException.badRequest("body",
                    "has " + lines.size() + " lines; at most " + config.maxLines() + " per request"));
        }
        List<LineError> errors = new ArrayList<>();
        Map<String, ParsedLine<?>> valid = new LinkedHashMap<>();
        int counted = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            counted++;
            ParsedLine<?> parsed = parser.parse(kind, i + 1, lines.get(i), callerDepartment);
            if (parsed.valid()) {
                valid.remove(parsed.naturalKey());
                valid.put(parsed.naturalKey(), parsed);
            } else {
                parsed.errors().forEach(e -> errors.add(new LineError(parsed.line(), e.field(), e.reason())));
            }
        }
        if (counted == 0) {
            return Uni.createFrom().failure(ProblemException.badRequest("body",
                    "no NDJSON lines; send one JSON object per line"));
        }
        int lineCount = counted;
        List<ParsedLine<?>> candidates = List.copyOf(valid.values());
        return pool.withTransaction(connection -> write(connection, kind, candidates, errors, callerDepartment))
                .call(changed -> cache.invalidate(changed.stream().filter(c -> !c.inserted())
                        .map(IngestRepository.ChangedSubject::key).toList()))
                .invoke(changed -> {
                    if (!changed.isEmpty()) {
                        indexer.kick();
                    }
                })
                .map(changed -> report(kind, lineCount, errors, changed.size()));
    }

    @SuppressWarnings("unchecked")
    private Uni<List<IngestRepository.ChangedSubject>> write(SqlConnection connection, IngestKind kind, List<ParsedLine<?>> candidates,
                                    List<LineError> errors, String callerDepartment) {
        return switch (kind) {
            case SUBJECTS -> withFreeRegistrationNos(connection, (List<ParsedLine<SubjectUpsert>>) (List<?>) candidates,
                    errors).chain(accepted -> repository.upsertSubjects(connection, accepted, callerDepartment))
                    .chain(written -> refusedPerLine(connection, (List<ParsedLine<SubjectUpsert>>) (List<?>) candidates,
                            written.refused(), errors).replaceWith(written.changed()));
            case RECORDS -> withKnownSubjects(connection, (List<ParsedLine<RecordUpsert>>) (List<?>) candidates,
                    RecordUpsert::subjectKey, errors).chain(accepted -> repository.upsertRecords(connection, accepted));
            case LIST_ENTRIES -> withKnownSubjects(connection, (List<ParsedLine<ListEntryUpsert>>) (List<?>) candidates,
                    ListEntryUpsert::subjectKey, errors)
                    .chain(accepted -> repository.upsertListEntries(connection, accepted));
        };
    }

    /**
     * Master data of a subject is changed only by the department that registered it, or by a registrar (scope
     * ingest:all): each refused line says who registered the subject.
     */
    private Uni<Void> refusedPerLine(SqlConnection connection, List<ParsedLine<SubjectUpsert>> lines,
                                     Set<String> refused, List<LineError> errors) {
        if (refused.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.registrars(connection, refused).invoke(registrars -> {
            for (ParsedLine<SubjectUpsert> line : lines) {
                String key = line.value().subjectKey();
                if (refused.contains(key)) {
                    String registrar = registrars.get(key);
                    errors.add(new LineError(line.line(), "code", "this subject's master data is kept by "
                            + (registrar == null ? "the registrar" : "department " + registrar)
                            + "; only it or a registrar (scope ingest:all) may change it"));
                }
            }
        }).replaceWithVoid();
    }

    /** Records and list entries must name a subject that exists; the others are rejected per line. */
    private <T> Uni<List<T>> withKnownSubjects(SqlConnection connection, List<ParsedLine<T>> lines,
                                               java.util.function.Function<T, String> subjectKey,
                                               List<LineError> errors) {
        if (lines.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> keys = lines.stream().map(l -> subjectKey.apply(l.value())).collect(Collectors.toSet());
        return repository.existingSubjects(connection, keys).map(existing -> {
            List<T> accepted = new ArrayList<>();
            for (ParsedLine<T> line : lines) {
                if (existing.contains(subjectKey.apply(line.value()))) {
                    accepted.add(line.value());
                } else {
                    errors.add(new LineError(line.line(), "subjectCode", "no subject with this code; ingest the subject first"));
                }
            }
            return accepted;
        });
    }

    /** A registration number belongs to one subject: a line claiming another subject's number is rejected. */
    private Uni<List<SubjectUpsert>> withFreeRegistrationNos(SqlConnection connection,
                                                              List<ParsedLine<SubjectUpsert>> lines,
                                                              List<LineError> errors) {
        Map<String, String> claimedInFile = new LinkedHashMap<>();
        List<ParsedLine<SubjectUpsert>> unique = new ArrayList<>();
        for (ParsedLine<SubjectUpsert> line : lines) {
            String reg = line.value().registrationNo();
            if (reg != null && claimedInFile.containsKey(reg)) {
                errors.add(new LineError(line.line(), "registrationNo", "is also given to subject "
                        + claimedInFile.get(reg) + " earlier in this file"));
                continue;
            }
            if (reg != null) {
                claimedInFile.put(reg, line.value().subjectKey());
            }
            unique.add(line);
        }
        if (claimedInFile.isEmpty()) {
            return Uni.createFrom().item(unique.stream().map(ParsedLine::value).toList());
        }
        return repository.registrationOwners(connection, claimedInFile.keySet()).map(owners -> {
            List<SubjectUpsert> accepted = new ArrayList<>();
            for (ParsedLine<SubjectUpsert> line : unique) {
                String owner = owners.get(line.value().registrationNo());
                if (owner != null && !owner.equals(line.value().subjectKey())) {
                    errors.add(new LineError(line.line(), "registrationNo", "already belongs to subject " + owner));
                } else {
                    accepted.add(line.value());
                }
            }
            return accepted;
        });
    }

    private static IngestReport report(IngestKind kind, int lines, List<LineError> errors, int changed) {
        List<LineError> sorted = errors.stream()
                .sorted(Comparator.comparingInt(LineError::line)).toList();
        int rejected = (int) sorted.stream().mapToInt(LineError::line).distinct().count();
        return new IngestReport(kind.path(), lines, lines - rejected, changed, rejected, sorted);
    }

    static List<FieldError> asFieldErrors(List<LineError> errors) {
        return errors.stream().map(e -> new FieldError("line " + e.line() + ": " + e.field(), e.reason())).toList();
    }
}
