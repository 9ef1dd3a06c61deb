package io.creditquery.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditquery.common.VertxContexts;
import io.creditquery.search.SubjectDocumentRepository.SubjectDocument;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The subjects index in Elasticsearch: versioned physical indices created from search-mappings/subjects.json,
 * one alias in front that reads and writes use, and an atomic alias swap for rebuilds.
 */
@ApplicationScoped
public class SubjectIndex {

    private static final Logger LOG = Logger.getLogger(SubjectIndex.class);
    private static final String MAPPING = "search-mappings/subjects.json";
    private static final DateTimeFormatter VERSION_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final ElasticsearchAsyncClient client;
    private final String alias;
    private final int mappingVersion;
    private final AtomicReference<Uni<Void>> aliasReady = new AtomicReference<>();

    public SubjectIndex(ElasticsearchAsyncClient client, SearchConfig config, ObjectMapper json) {
        this.client = client;
        this.alias = config.subjectsAlias();
        try (InputStream mapping = mapping()) {
            this.mappingVersion = json.readTree(mapping).path("mappings").path("_meta").path("mapping_version").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String alias() {
        return alias;
    }

    /**
     * Creates a first versioned index behind the alias if there is none. Concurrent callers share one attempt;
     * a failed attempt (Elasticsearch down) is forgotten so that the next call tries again.
     */
    public Uni<Void> ensureAlias() {
        Uni<Void> current = aliasReady.get();
        if (current != null) {
            return current;
        }
        Uni<Void> attempt = Uni.createFrom().deferred(() ->
                        VertxContexts.fromStage(() -> client.indices().existsAlias(a -> a.name(alias)))
                                .chain(exists -> exists.value() ? Uni.createFrom().voidItem()
                                        : createIndex().chain(this::pointAliasTo)))
                .onFailure().invoke(() -> aliasReady.set(null))
                .memoize().indefinitely();
        return aliasReady.compareAndSet(null, attempt) ? attempt : aliasReady.get();
    }

    /** A new, empty physical index from the mapping file; returns its name. */
    public Uni<String> createIndex() {
        String index = alias + "-v" + ZonedDateTime.now(ZoneOffset.UTC).format(VERSION_FORMAT);
        return VertxContexts.fromStage(() -> client.indices().create(c -> c.index(index).withJson(mapping())))
                .invoke(() -> LOG.infof("created index %s", index))
                .replaceWith(index);
    }

    /** Physical indices the alias points to now (none if the alias does not exist; other failures propagate). */
    public Uni<Set<String>> aliasTargets() {
        return VertxContexts.fromStage(() -> client.indices().getAlias(a -> a.name(alias)))
                .map(response -> response.aliases().keySet())
                .onFailure(SubjectIndex::notFound).recoverWithItem(Set.of());
    }

    /**
     * One atomic request: the alias leaves every versioned index of this alias and points at {@code index}, so
     * readers never see a gap and, even when two swaps race, the alias ends on exactly one index.
     */
    public Uni<Void> pointAliasTo(String index) {
        return aliasTargets().chain(current -> VertxContexts.fromStage(() -> client.indices().updateAliases(u -> {
                    if (!current.isEmpty()) {
                        u.actions(a -> a.remove(r -> r.index(alias + "-v*").alias(alias)));
                    }
                    return u.actions(a -> a.add(add -> add.index(index).alias(alias)));
                })))
                .invoke(() -> LOG.infof("alias %s now points to %s", alias, index))
                .replaceWithVoid();
    }

    /** Drops every versioned index of this alias but {@code keep}; returns the names dropped. */
    public Uni<Set<String>> deleteAllBut(String keep) {
        return VertxContexts.fromStage(() -> client.indices().get(g -> g.index(alias + "-v*")))
                .map(response -> response.indices().keySet().stream().filter(name -> !name.equals(keep))
                        .collect(java.util.stream.Collectors.toSet()))
                .chain(old -> old.isEmpty() ? Uni.createFrom().item(old)
                        : VertxContexts.fromStage(() -> client.indices().delete(d -> d.index(List.copyOf(old))
                                .ignoreUnavailable(true))).replaceWith(old));
    }

    /**
     * Writes documents with external versioning (the subject's row version), so a late, older write never
     * replaces a newer document; such a version conflict is success, any other item failure fails the call.
     * Documents that are not {@link SubjectDocument#indexed() indexed} are deleted at their version (a person whose
     * last public list ended), and deleting what is not there is success too.
     */
    public Uni<Void> bulk(String target, List<SubjectDocument> documents) {
        if (documents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<BulkOperation> operations = documents.stream()
                .map(doc -> doc.indexed()
                        ? BulkOperation.of(op -> op.index(i -> i.index(target).id(doc.key())
                                .version(doc.version()).versionType(VersionType.ExternalGte).document(doc.source())))
                        : BulkOperation.of(op -> op.delete(d -> d.index(target).id(doc.key())
                                .version(doc.version()).versionType(VersionType.ExternalGte))))
                .toList();
        return VertxContexts.fromStage(() -> client.bulk(b -> b.operations(operations)))
                .invoke(SubjectIndex::requireSuccess)
                .replaceWithVoid();
    }

    /** Whether the index behind the alias was made from the current mapping file (its _meta.mapping_version). */
    public Uni<Boolean> mappingIsCurrent() {
        return VertxContexts.fromStage(() -> client.indices().getMapping(g -> g.index(alias)))
                .map(response -> response.mappings().values().stream().allMatch(index -> {
                    var meta = index.mappings().meta();
                    return meta != null && meta.containsKey("mapping_version")
                            && meta.get("mapping_version").to(Integer.class) == mappingVersion;
                }));
    }

    public Uni<Long> count() {
        return VertxContexts.fromStage(() -> client.count(c -> c.index(alias))).map(r -> r.count());
    }

    /** The indexed version of each of {@code keys} that has a document (external version = subject row version). */
    public Uni<Map<String, Long>> versions(List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return VertxContexts.fromStage(() -> client.mget(m -> m.index(alias).ids(keys).source(src -> src.fetch(false)),
                        Void.class))
                .map(response -> {
                    Map<String, Long> versions = new HashMap<>();
                    response.docs().forEach(doc -> {
                        if (doc.isResult() && doc.result().found()) {
                            versions.put(doc.result().id(), doc.result().version());
                        }
                    });
                    return versions;
                });
    }

    public Uni<Void> refresh(String target) {
        return VertxContexts.fromStage(() -> client.indices().refresh(r -> r.index(target))).replaceWithVoid();
    }

    /** Only a missing alias means "no targets"; any other failure must not be read as an empty alias. */
    private static boolean notFound(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof co.elastic.clients.elasticsearch._types.ElasticsearchException es && es.status() == 404;
    }

    private static void requireSuccess(BulkResponse response) {
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null || item.status() == 409) {
                continue;
            }
            boolean absentAlready = item.operationType() == OperationType.Delete && item.status() == 404
                    && !"index_not_found_exception".equals(item.error().type());
            if (!absentAlready) {
                throw new IllegalStateException("indexing " + item.id() + " failed: " + item.error().reason());
            }
        }
    }

    private static InputStream mapping() {
        InputStream stream = Thread.currentThread().getContextClassLoader().getResourceAsStream(MAPPING);
        if (stream == null) {
            throw new UncheckedIOException(new IOException(MAPPING + " is missing from the classpath"));
        }
        return stream;
    }
}
