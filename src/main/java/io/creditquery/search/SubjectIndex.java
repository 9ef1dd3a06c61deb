package io.creditquery.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
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
import java.util.List;
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
    private final AtomicReference<Uni<Void>> aliasReady = new AtomicReference<>();

    public SubjectIndex(ElasticsearchAsyncClient client, SearchConfig config) {
        this.client = client;
        this.alias = config.subjectsAlias();
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
                                        : createIndex().chain(index -> pointAliasTo(index, Set.of()))))
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

    /** Physical indices the alias points to now. */
    public Uni<Set<String>> aliasTargets() {
        return VertxContexts.fromStage(() -> client.indices().getAlias(a -> a.name(alias)))
                .map(response -> response.aliases().keySet())
                .onFailure().recoverWithItem(Set.of());
    }

    /** One atomic request: the alias leaves every old index and points at the new one; readers never see a gap. */
    public Uni<Void> pointAliasTo(String index, Set<String> previous) {
        return VertxContexts.fromStage(() -> client.indices().updateAliases(u -> {
                    for (String old : previous) {
                        u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
                    }
                    return u.actions(a -> a.add(add -> add.index(index).alias(alias)));
                }))
                .invoke(() -> LOG.infof("alias %s now points to %s", alias, index))
                .replaceWithVoid();
    }

    public Uni<Void> deleteIndices(Set<String> indices) {
        if (indices.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return VertxContexts.fromStage(() -> client.indices().delete(d -> d.index(List.copyOf(indices))))
                .replaceWithVoid();
    }

    /**
     * Writes documents with external versioning (the subject's row version), so a late, older write never
     * replaces a newer document; such a version conflict is success, any other item failure fails the call.
     */
    public Uni<Void> bulk(String target, List<SubjectDocument> documents) {
        if (documents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<BulkOperation> operations = documents.stream()
                .map(doc -> BulkOperation.of(op -> op.index(i -> i.index(target).id(doc.key())
                        .version(doc.version()).versionType(VersionType.ExternalGte).document(doc.source()))))
                .toList();
        return VertxContexts.fromStage(() -> client.bulk(b -> b.operations(operations)))
                .invoke(SubjectIndex::requireSuccess)
                .replaceWithVoid();
    }

    public Uni<Long> count() {
        return VertxContexts.fromStage(() -> client.count(c -> c.index(alias))).map(r -> r.count());
    }

    public Uni<Void> refresh(String target) {
        return VertxContexts.fromStage(() -> client.indices().refresh(r -> r.index(target))).replaceWithVoid();
    }

    private static void requireSuccess(BulkResponse response) {
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != 409) {
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
