package io.creditquery.watch;

import io.creditquery.common.FieldChecks;
import io.creditquery.common.ProblemException;
import io.creditquery.common.TrackingIds;
import io.creditquery.evaluation.EvaluationRules;
import io.creditquery.security.SubjectResolver;
import io.creditquery.webhook.Webhooks;
import io.creditquery.security.PersonalIds;
import io.creditquery.code.CodeKind;
import io.creditquery.list.ListType;
import java.util.LinkedHashMap;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watchlists for early warning (失信预警): a department or agency names the subjects it watches; from then on a new
 * black-list entry, a new penalty or a drop of the grade of any of them becomes an event it can read (and receive
 * by webhook). Each subject starts from its state when it was added, so only what happens later is an event.
 */
@ApplicationScoped
public class WatchService {

    static final String PREFIX = "WL";

    private final Pool pool;
    private final WatchRepository repository;
    private final SubjectResolver codes;
    private final EvaluationRules rules;
    private final WatchConfig config;
    private final Webhooks webhooks;

    public WatchService(Pool pool, WatchRepository repository, SubjectResolver codes, EvaluationRules rules,
                        WatchConfig config, Webhooks webhooks) {
        this.webhooks = webhooks;
        this.pool = pool;
        this.repository = repository;
        this.codes = codes;
        this.rules = rules;
        this.config = config;
    }

    /** {@code everyNaturalPerson}: see {@link io.creditquery.record.AccessPolicy#seesEveryNaturalPerson(io.creditquery.security.Caller)}. */
    public Uni<WatchlistView> create(WatchlistRequest request, String owner, boolean everyNaturalPerson) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required: {\"name\", \"codes\": [...], \"webhookUrl\"?}");
        }
        FieldChecks checks = new FieldChecks();
        String name = checks.text("name", request.name(), true, 200);
        checkCodes(checks, request.codes());
        String url = webhooks.url(checks, "webhookUrl", request.webhookUrl());
        checks.done();
        String id = TrackingIds.next(PREFIX);
        String secret = url == null ? null : webhooks.newSecret();
        return resolve(request.codes(), everyNaturalPerson).chain(resolved -> pool.withTransaction(connection ->
                        repository.createList(connection, id, owner, name, url, secret)
                                .chain(() -> repository.watch(connection, id, resolved.states().values(),
                                        resolved.grades())))
                .chain(() -> repository.find(id))
                .map(list -> view(list, secret, resolved.refused())));
    }

    public Uni<WatchlistView> add(String id, List<String> subjectCodes, String owner, boolean everyNaturalPerson) {
        FieldChecks checks = new FieldChecks();
        checkCodes(checks, subjectCodes);
        checks.done();
        return owned(id, owner).chain(list -> resolve(subjectCodes, everyNaturalPerson).chain(resolved -> {
            if (list.subjects() + resolved.states().size() > config.maxSubjects()) {
                throw ProblemException.badRequest("codes", "would make " + (list.subjects() + resolved.states().size())
                        + " subjects; a watchlist holds at most " + config.maxSubjects());
            }
            return pool.withTransaction(connection -> repository.watch(connection, id, resolved.states().values(),
                            resolved.grades()))
                    .chain(() -> repository.find(id)).map(updated -> view(updated, null, resolved.refused()));
        }));
    }

    public Uni<WatchlistView> find(String id, String owner) {
        return owned(id, owner).map(list -> view(list, null, null));
    }

    public Uni<List<WatchEvent>> events(String id, String owner, long after, int size) {
        return owned(id, owner).chain(list -> repository.events(id, after, size));
    }

    private Uni<WatchRepository.Watchlist> owned(String id, String owner) {
        TrackingIds.require("id", PREFIX, id, "a watchlist id");
        return repository.find(id).map(list -> list != null && list.owner().equals(owner) ? list : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no watchlist " + id + " of this caller"));
    }

    private static final String UNKNOWN = "no subject is known by this code";

    private record Resolved(Map<Long, WatchRepository.State> states, Map<Long, String> grades,
                            List<WatchlistView.Refused> refused) {
    }

    /**
     * The watchable subjects among the codes, and the refusals of the others. Natural persons whom no public list
     * names are refused exactly as unknown codes are, unless the caller has the legal basis to check them; citizen
     * IDs are echoed masked.
     */
    private Uni<Resolved> resolve(List<String> subjectCodes, boolean everyNaturalPerson) {
        return codes.resolve(subjectCodes).chain(resolved -> {
            List<WatchlistView.Refused> refused = new ArrayList<>();
            Map<Long, List<Integer>> positions = new LinkedHashMap<>();
            for (int i = 0; i < resolved.size(); i++) {
                SubjectResolver.Resolved code = resolved.get(i);
                if (!code.check().valid()) {
                    refused.add(new WatchlistView.Refused(i, shown(code), code.check().firstError()));
                } else if (!code.known()) {
                    refused.add(new WatchlistView.Refused(i, shown(code), UNKNOWN));
                } else {
                    positions.computeIfAbsent(code.subjectId(), id -> new ArrayList<>()).add(i);
                }
            }
            if (positions.isEmpty()) {
                return Uni.createFrom().item(new Resolved(Map.of(), Map.of(), refused));
            }
            return repository.states(pool, positions.keySet()).map(states -> {
                Map<Long, WatchRepository.State> watchable = new LinkedHashMap<>();
                Map<Long, String> grades = new HashMap<>();
                states.forEach((subjectId, state) -> {
                    boolean person = resolved.get(positions.get(subjectId).get(0)).subjectKey().startsWith(PersonalIds.KEY_PREFIX);
                    if (person && !everyNaturalPerson
                            && state.listTypes().stream().noneMatch(t -> ListType.valueOf(t).namesPersonsPublicly())) {
                        // Refused at every position it was given, as an unknown code is: repeats reveal nothing.
                        positions.get(subjectId).forEach(i ->
                                refused.add(new WatchlistView.Refused(i, shown(resolved.get(i)), UNKNOWN)));
                    } else {
                        watchable.put(subjectId, state);
                        grades.put(subjectId, grade(state));
                    }
                });
                refused.sort(java.util.Comparator.comparingInt(WatchlistView.Refused::index));
                return new Resolved(watchable, grades, refused);
            });
        });
    }

    private static String shown(SubjectResolver.Resolved code) {
        return code.check().kind() == CodeKind.CITIZEN_ID ? PersonalIds.mask(code.check().normalized()) : code.input();
    }

    String grade(WatchRepository.State state) {
        return rules.evaluate(state.listTypes(), state.counts()).grade().name();
    }

    private void checkCodes(FieldChecks checks, List<String> subjectCodes) {
        checks.require(subjectCodes != null && !subjectCodes.isEmpty() && subjectCodes.size() <= config.maxSubjects(),
                "codes", "is required: 1 to " + config.maxSubjects() + " subject codes");
    }

    private static WatchlistView view(WatchRepository.Watchlist list, String secret, List<WatchlistView.Refused> refused) {
        return new WatchlistView(list.id(), list.name(), list.subjects(), list.webhookUrl(), secret, list.createdAt(),
                refused);
    }
}
