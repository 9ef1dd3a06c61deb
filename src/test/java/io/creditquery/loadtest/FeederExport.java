package io.creditquery.loadtest;

import io.creditquery.demo.DemoDataGenerator;
import io.creditquery.search.ChineseText;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the Gatling feeder of a data set of the given size: code, name and a type-ahead fragment of up to a
 * million of its subjects, spread evenly over the data set and shuffled (the load test's Zipf-like picker makes
 * the first lines hot, so hot subjects are scattered over the data set, not its first rows).
 *   java -cp … io.creditquery.loadtest.FeederExport SUBJECTS OUT_DIR
 */
public final class FeederExport {

    private static final long MAX_LINES = 1_000_000;

    private FeederExport() {
    }

    public static void main(String[] args) throws IOException {
        long subjects = Long.parseLong(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        long lines = Math.min(subjects, MAX_LINES);
        // Multiplying by a large prime modulo the data-set size visits the subjects in a scattered order.
        long stride = 1_000_003L;
        DemoDataGenerator generator = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED);
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("subjects.csv"), StandardCharsets.UTF_8))) {
            csv.println("code,name,fragment");
            for (long i = 0; i < lines; i++) {
                DemoDataGenerator.GeneratedSubject s = generator.subject((i * stride) % subjects);
                if (s.type().equals("NATURAL_PERSON")) {
                    continue;
                }
                String core = ChineseText.coreName(s.name());
                csv.println(s.code() + "," + s.name() + "," + core.substring(0, Math.min(3, core.length())));
            }
        }
    }
}
