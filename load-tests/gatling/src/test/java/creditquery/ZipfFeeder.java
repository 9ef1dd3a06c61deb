package creditquery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Feeds rows of a CSV file with a Zipf-like popularity (line r is picked with probability about 1/r): a few
 * subjects are looked up all the time, a long tail now and then — as on a public portal, and what caches see.
 */
final class ZipfFeeder implements Iterator<Map<String, Object>> {

    private final String[] columns;
    private final List<String> rows;
    private final double logSize;

    private ZipfFeeder(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            this.columns = lines.get(0).split(",");
            this.rows = lines.subList(1, lines.size());
            this.logSize = Math.log(rows.size() + 1.0);
        } catch (IOException e) {
            throw new UncheckedIOException("feeder data missing; run load-tests/prepare first", e);
        }
    }

    static ZipfFeeder of(Path csv) {
        return new ZipfFeeder(csv);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Map<String, Object> next() {
        int rank = (int) Math.floor(Math.exp(ThreadLocalRandom.current().nextDouble() * logSize)) - 1;
        String[] cells = rows.get(Math.min(rank, rows.size() - 1)).split(",", -1);
        Map<String, Object> record = new HashMap<>();
        for (int i = 0; i < columns.length; i++) {
            record.put(columns[i], cells[i]);
        }
        return record;
    }
}
