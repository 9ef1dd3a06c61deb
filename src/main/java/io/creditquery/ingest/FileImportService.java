package io.creditquery.ingest;

import io.creditquery.cache.ProfileCache;
import io.creditquery.common.ProblemException;
import io.creditquery.ingest.PublicityTemplate.Column;
import io.creditquery.ingest.TemplateRowConverter.CellIssue;
import io.creditquery.ingest.TemplateRowConverter.Converted;
import io.creditquery.search.SearchIndexer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Imports a 双公示 template file (CSV or XLSX) through the data-quality gate: finds the header (also below a title
 * row or split over two merged rows), reads the rows in chunks on a worker thread (a CSV never whole), converts each
 * row, and writes each chunk's accepted rows in one transaction — subjects not yet registered first, then their
 * records. Rows are keyed like NDJSON records (department + decision number), so the same file twice changes nothing.
 */
@ApplicationScoped
public class FileImportService {

    private static final int HEADER_SEARCH_ROWS = 10;

    private final Pool pool;
    private final Vertx vertx;
    private final IngestRepository repository;
    private final FileImportRepository files;
    private final TemplateRowConverter converter;
    private final ProfileCache cache;
    private final SearchIndexer indexer;
    private final IngestConfig config;

    public FileImportService(Pool pool, Vertx vertx, IngestRepository repository, FileImportRepository files,
                             TemplateRowConverter converter, ProfileCache cache, SearchIndexer indexer,
                             IngestConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.repository = repository;
        this.files = files;
        this.converter = converter;
        this.cache = cache;
        this.indexer = indexer;
        this.config = config;
    }

    /** An uploaded file and how to read it. */
    public record Upload(Path path, String fileName, String template, String encoding, String department,
                         String uploadedBy) {
    }

    /** The report, and the JSON stored for it (personal IDs masked) that is also the answer. */
    public record Imported(ImportReport report, String json) {
    }

    public Uni<Imported> importFile(Upload upload) {
        long started = System.nanoTime();
        return vertx.executeBlocking(Uni.createFrom().item(() -> open(upload)))
                .chain(run -> chunks(run).eventually(run::close)
                        .chain(() -> {
                            ImportReport report = run.report(UUID.randomUUID(), (System.nanoTime() - started) / 1_000_000);
                            return files.save(report, upload.uploadedBy(), run.headerCells, run.rejectedRows)
                                    .map(stored -> new Imported(report, stored));
                        }));
    }

    /** A converted row with its cells as they were in the file (for the annotated copy). */
    private record ChunkRow(Converted converted, List<String> cells) {
    }

    /**
     * Chunk after chunk, each read on a worker thread and written before the next is read; a stream rather than a
     * recursive chain, so that a written chunk is garbage at once (a million-row file runs in bounded memory).
     */
    private Uni<Void> chunks(Run run) {
        return Multi.createBy().repeating()
                .uni(() -> vertx.executeBlocking(Uni.createFrom().item(run::readChunk))
                        .onFailure(IllegalArgumentException.class).transform(e -> unprocessable(e.getMessage()
                                + " (the rows before it were imported; fix the file and upload it again)")))
                .until(List::isEmpty)
                .onItem().transformToUniAndConcatenate(chunk -> write(run, chunk))
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * One transaction: a decision number already on file for another subject is refused (a number identifies one
     * decision about one subject; the same number again is a correction), then the chunk's new subjects, then its
     * records. Caches and index follow after the commit.
     */
    private Uni<Void> write(Run run, List<ChunkRow> chunk) {
        List<ChunkRow> candidates = chunk.stream().filter(row -> row.converted().valid()).toList();
        if (candidates.isEmpty()) {
            chunk.forEach(run::account);
            return Uni.createFrom().voidItem();
        }
        List<String> docNos = candidates.stream().map(c -> c.converted().record().value().sourceDocNo()).toList();
        List<String> keys = candidates.stream().map(c -> c.converted().subject().value().subjectKey()).distinct().toList();
        return pool.withTransaction(connection -> repository.recordSubjects(connection, run.upload.department(), docNos)
                        .chain(owners -> repository.registeredNames(connection, keys).chain(registered -> {
                            List<RecordUpsert> records = new ArrayList<>();
                            Map<String, SubjectUpsert> unregistered = new LinkedHashMap<>();
                            for (ChunkRow row : chunk) {
                                Converted converted = run.checked(row, owners, registered);
                                if (converted.valid()) {
                                    SubjectUpsert subject = converted.subject().value();
                                    if (!registered.containsKey(subject.subjectKey())) {
                                        unregistered.putIfAbsent(subject.subjectKey(), subject);
                                    }
                                    records.add(converted.record().value());
                                }
                            }
                            run.newSubjects += unregistered.size();
                            // Only subjects not registered yet: they become the uploading department's.
                            return repository.upsertSubjects(connection, List.copyOf(unregistered.values()),
                                            run.upload.department())
                                    .chain(() -> repository.upsertRecords(connection, records));
                        })))
                .call(changed -> cache.invalidate(changed.stream().filter(c -> !c.inserted())
                        .map(IngestRepository.ChangedSubject::key).toList()))
                .invoke(changed -> {
                    run.changedSubjects += changed.size();
                    if (!changed.isEmpty()) {
                        indexer.kick();
                    }
                })
                .replaceWithVoid();
    }

    private Run open(Upload upload) {
        Charset forced = null;
        if (upload.encoding() != null && !upload.encoding().isBlank()) {
            try {
                forced = Charset.forName(upload.encoding().strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("encoding", "is not a known character set; use UTF-8 or GB18030");
            }
        }
        PublicityTemplate named = null;
        if (upload.template() != null && !upload.template().isBlank()) {
            named = PublicityTemplate.named(upload.template()).orElseThrow(() ->
                    ProblemException.badRequest("template", "must be penalty or license"));
        }
        TabularRows rows;
        try {
            rows = reader(upload.path(), forced);
        } catch (IllegalArgumentException e) {
            throw unprocessable(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new Run(upload, rows, named);
        } catch (RuntimeException e) {
            closeQuietly(rows);
            throw e instanceof ProblemException ? e : unprocessable(e.getMessage());
        }
    }

    private TabularRows reader(Path path, Charset forced) throws IOException {
        byte[] magic;
        try (InputStream in = Files.newInputStream(path)) {
            magic = in.readNBytes(4);
        }
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            // The shared strings of a workbook are read whole: bound the file before it is opened.
            if (Files.size(path) > config.maxXlsxBytes().asLongValue()) {
                throw new IllegalArgumentException("XLSX files over " + config.maxXlsxBytes() + " are not read; save the"
                        + " sheet as CSV, which is read as a stream");
            }
            return new XlsxRows(path.toFile(), config.maxXlsxRows());
        }
        if (magic.length == 4 && (magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF) {
            throw new IllegalArgumentException("XLS (Excel 97-2003) files are not read; save the sheet as XLSX or CSV");
        }
        return new CsvRows(Files.newInputStream(path), forced);
    }

    private static ProblemException unprocessable(String reason) {
        return ProblemException.refused("unreadable-file", "file", reason);
    }

    private static void closeQuietly(TabularRows rows) {
        try {
            rows.close();
        } catch (IOException ignored) {
            // the file is being refused anyway
        }
    }

    /** One import in progress: where the reader is, the column layout, and what has been counted so far. */
    private final class Run {
        private final Upload upload;
        private final TabularRows rows;
        private final PublicityTemplate template;
        private final Map<Integer, Column> columns = new HashMap<>();
        private final List<String> headerCells = new ArrayList<>();
        private final List<List<String>> pending = new ArrayList<>();
        private final List<Integer> pendingRowNumbers = new ArrayList<>();
        private final List<CellIssue> errors = new ArrayList<>();
        private final List<CellIssue> warnings = new ArrayList<>();
        private final List<FileImportRepository.RejectedRow> rejectedRows = new ArrayList<>();
        private int read;
        private int accepted;
        private int rejected;
        private int warningCount;
        private int errorCount;
        private int newSubjects;
        private int changedSubjects;

        Run(Upload upload, TabularRows rows, PublicityTemplate named) {
            this.upload = upload;
            this.rows = rows;
            List<List<String>> head = new ArrayList<>();
            List<Integer> headNumbers = new ArrayList<>();
            while (head.size() < HEADER_SEARCH_ROWS && rows.hasNext()) {
                head.add(rows.next());
                headNumbers.add(rows.rowNumber());
            }
            PublicityTemplate found = null;
            int headerAt = -1;
            for (int i = 0; i < head.size() && found == null; i++) {
                List<String> cells = new ArrayList<>(head.get(i));
                if (i + 1 < head.size()) {
                    cells.addAll(head.get(i + 1));
                }
                PublicityTemplate candidate = named != null ? named : PublicityTemplate.recognise(cells).orElse(null);
                if (candidate != null && namedColumns(candidate, head.get(i)) >= 3) {
                    found = candidate;
                    headerAt = i;
                }
            }
            if (found == null) {
                throw unprocessable("no header row of the 行政处罚 or 行政许可 template in the first "
                        + HEADER_SEARCH_ROWS + " rows (expected headers such as 行政相对人名称, 行政处罚决定书文号)");
            }
            this.template = found;
            // A merged header: the row below the header names more columns (e.g. 统一社会信用代码 under 行政相对人代码).
            boolean merged = headerAt + 1 < head.size() && namedColumns(found, head.get(headerAt + 1)) > 0;
            List<String> first = head.get(headerAt);
            List<String> second = merged ? head.get(headerAt + 1) : List.of();
            for (int c = 0; c < Math.max(first.size(), second.size()); c++) {
                Column column = column(found, second, c) != null ? column(found, second, c) : column(found, first, c);
                String label = c < second.size() && !second.get(c).isBlank() ? second.get(c)
                        : c < first.size() ? first.get(c) : "";
                headerCells.add(label.strip());
                if (column != null && !columns.containsValue(column)) {
                    columns.put(c, column);
                }
            }
            int dataFrom = headerAt + (merged ? 2 : 1);
            for (Column required : List.of(Column.SUBJECT_NAME, Column.SUBJECT_CATEGORY,
                    found == PublicityTemplate.PENALTY ? Column.PENALTY_DECISION_NO : Column.LICENCE_DOC_NO)) {
                if (!columns.containsValue(required)) {
                    throw unprocessable("the column " + required.header() + " is missing");
                }
            }
            for (int i = dataFrom; i < head.size(); i++) {
                pending.add(head.get(i));
                pendingRowNumbers.add(headNumbers.get(i));
            }
        }

        private static int namedColumns(PublicityTemplate candidate, List<String> cells) {
            int count = 0;
            for (int c = 0; c < cells.size(); c++) {
                count += column(candidate, cells, c) != null ? 1 : 0;
            }
            return count;
        }

        private static Column column(PublicityTemplate candidate, List<String> cells, int c) {
            return c < cells.size() ? candidate.column(cells.get(c)).orElse(null) : null;
        }

        /** The next chunk of non-blank rows, converted; empty at the end of the file. Runs on a worker thread. */
        List<ChunkRow> readChunk() {
            List<ChunkRow> chunk = new ArrayList<>();
            Map<String, Integer> decisionRows = new HashMap<>();
            while (chunk.size() < config.fileChunkRows() && (!pending.isEmpty() || rows.hasNext())) {
                List<String> cells;
                int number;
                if (!pending.isEmpty()) {
                    cells = pending.remove(0);
                    number = pendingRowNumbers.remove(0);
                } else {
                    cells = rows.next();
                    number = rows.rowNumber();
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                Map<Column, String> values = new EnumMap<>(Column.class);
                columns.forEach((index, column) -> values.put(column, index < cells.size() ? cells.get(index) : ""));
                Converted row = converter.convert(template, number, values, upload.department());
                if (row.valid()) {
                    Integer earlier = decisionRows.putIfAbsent(row.record().naturalKey(), number);
                    if (earlier != null) {
                        row = refused(row, "repeats the decision number of row " + earlier);
                    }
                }
                chunk.add(new ChunkRow(row, cells));
            }
            return chunk;
        }

        /** The row after the checks against the database: decision numbers of other subjects, registered names. */
        Converted checked(ChunkRow row, Map<String, String> recordSubjects, Map<String, String> registeredNames) {
            Converted converted = row.converted();
            if (converted.valid()) {
                String subject = converted.subject().value().subjectKey();
                String owner = recordSubjects.get(converted.record().value().sourceDocNo());
                String name = registeredNames.get(subject);
                if (owner != null && !owner.equals(subject)) {
                    converted = refused(converted, "is already on file for another subject (" + owner
                            + "); a decision number identifies one decision");
                } else if (name != null && !name.equals(converted.subject().value().name())) {
                    List<CellIssue> warnings = new ArrayList<>(converted.warnings());
                    warnings.add(new CellIssue(converted.row(), Column.SUBJECT_NAME.header(),
                            "differs from the registered name " + name + "; the record is filed under the code"));
                    converted = new Converted(converted.row(), converted.subject(), converted.record(),
                            converted.errors(), warnings);
                }
            }
            account(new ChunkRow(converted, row.cells()));
            return converted;
        }

        private Converted refused(Converted row, String reason) {
            return new Converted(row.row(), null, null,
                    List.of(new CellIssue(row.row(), decisionColumn().header(), reason)), row.warnings());
        }

        /** Counts a row once its fate is known. */
        void account(ChunkRow chunkRow) {
            Converted row = chunkRow.converted();
            read++;
            row.warnings().forEach(this::warn);
            if (row.valid()) {
                accepted++;
                return;
            }
            rejected++;
            errorCount += row.errors().size();
            row.errors().forEach(e -> {
                if (errors.size() < config.maxReportedIssues()) {
                    errors.add(e);
                }
            });
            if (rejectedRows.size() < config.maxAnnotatedRows()) {
                rejectedRows.add(new FileImportRepository.RejectedRow(row.row(), chunkRow.cells(), row.errors().stream()
                        .map(e -> e.column() + ": " + e.reason()).toList()));
            }
        }

        private Column decisionColumn() {
            return template == PublicityTemplate.PENALTY ? Column.PENALTY_DECISION_NO : Column.LICENCE_DOC_NO;
        }

        void warn(CellIssue warning) {
            warningCount++;
            if (warnings.size() < config.maxReportedIssues()) {
                warnings.add(warning);
            }
        }

        ImportReport report(UUID id, long millis) {
            boolean truncated = errors.size() < errorCount || warnings.size() < warningCount;
            return new ImportReport(id, upload.fileName(), template.templateName(), rows.format(), upload.department(),
                    read, accepted, rejected, warningCount, newSubjects, changedSubjects, errors, warnings, truncated,
                    millis, ImportReport.Links.of(id));
        }

        Uni<Void> close() {
            closeQuietly(rows);
            return Uni.createFrom().voidItem();
        }
    }
}
