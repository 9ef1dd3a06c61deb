package io.creditquery.demo;

import java.util.stream.Collectors;
import io.creditquery.common.StartupOrder;
import io.creditquery.common.StartupWork;
import io.creditquery.ingest.IngestKind;
import io.creditquery.ingest.IngestReport;
import io.creditquery.ingest.IngestService;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * After the migrations: loads the demo data if asked ({@code credit.demo.load}), through the same ingest path as the
 * API. Runs in the background ({@link StartupWork}: not ready until loaded); the service answers lookups meanwhile.
 * (The index's rebuild on start is
 * {@link io.creditquery.search.IndexBootstrap}'s.)
 */
@Singleton
public class StartupLoader {

    private static final Logger LOG = Logger.getLogger(StartupLoader.class);

    private final IngestService ingest;
    private final StartupWork startupWork;
    private final DemoConfig config;

    public StartupLoader(IngestService ingest, StartupWork startupWork, DemoConfig config) {
        this.ingest = ingest;
        this.startupWork = startupWork;
        this.config = config;
    }

    void start(@Observes @Priority(StartupOrder.DATA) StartupEvent event) {
        if (config.load()) {
            startupWork.run("demo data", this::loadDemo);
        }
    }

    private Uni<Void> loadDemo() {
        DemoDataGenerator generator = new DemoDataGenerator(config.seed());
        long started = System.nanoTime();
        int total = config.subjects();
        int batch = config.batch();
        return Multi.createFrom().items(LongStream.iterate(0, from -> from < total, from -> from + batch).boxed())
                .onItem().transformToUniAndConcatenate(from -> loadBatch(generator, from, Math.min(total, from + batch)))
                .collect().with(Collectors.summingInt(Integer::intValue))
                .invoke(changed -> LOG.infof("demo data: %d subjects (seed %d) in %.1f s, %d subjects changed",
                        total, config.seed(), (System.nanoTime() - started) / 1e9, changed))
                .replaceWithVoid();
    }

    private Uni<Integer> loadBatch(DemoDataGenerator generator, long from, long to) {
        List<String> subjects = new ArrayList<>();
        List<String> records = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        for (long i = from; i < to; i++) {
            DemoDataGenerator.GeneratedSubject g = generator.subject(i);
            subjects.add(g.subjectLine());
            records.addAll(g.recordLines());
            lists.addAll(g.listEntryLines());
        }
        return ingestAll(IngestKind.SUBJECTS, subjects)
                .chain(s -> ingestAll(IngestKind.RECORDS, records).map(r -> s + r))
                .chain(sr -> ingestAll(IngestKind.LIST_ENTRIES, lists).map(l -> sr + l));
    }

    private Uni<Integer> ingestAll(IngestKind kind, List<String> lines) {
        if (lines.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return ingest.ingest(kind, String.join("\n", lines), null).invoke(report -> warnOnRejects(kind, report))
                .map(IngestReport::changedSubjects);
    }

    private static void warnOnRejects(IngestKind kind, IngestReport report) {
        if (report.rejected() > 0) {
            LOG.warnf("demo %s: %d lines rejected, first: %s", kind.path(), report.rejected(), report.errors().get(0));
        }
    }
}
