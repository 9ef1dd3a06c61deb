package io.creditquery.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A 行政处罚 双公示 template file of any size, as a city's market regulator would upload it (GB18030 CSV by default),
 * for the subjects of the deterministic generator from {@code --first} on: for load tests of the file import.
 *   java -cp target/classes io.creditquery.demo.PenaltyTemplateCsv --rows 1000000 --out target/penalties-1m.csv
 */
public final class PenaltyTemplateCsv {

    static final List<String> HEADER = List.of("行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)",
            "法定代表人", "证件类型", "证件号码", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容",
            "罚款金额(万元)", "处罚决定日期", "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位",
            "数据来源单位统一社会信用代码");

    private PenaltyTemplateCsv() {
    }

    public static void main(String[] args) throws IOException {
        long rows = 100_000;
        long first = 5_000_000;
        Path out = Path.of("target/penalties.csv");
        Charset charset = Charset.forName("GB18030");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[i + 1].replace("_", ""));
                case "--first" -> first = Long.parseLong(args[i + 1].replace("_", ""));
                case "--out" -> out = Path.of(args[i + 1]);
                case "--encoding" -> charset = Charset.forName(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        DemoDataGenerator generator = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED);
        String authority = DemoDataGenerator.uscc(1, "GOVERNMENT_ORGAN", "370100");
        String bigData = DemoDataGenerator.uscc(2, "GOVERNMENT_ORGAN", "370100");
        LocalDate day = LocalDate.of(2025, 1, 1);
        long started = System.nanoTime();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), charset), 1 << 16)) {
            w.write(String.join(",", HEADER));
            w.write("\r\n");
            for (long r = 0; r < rows; r++) {
                DemoDataGenerator.GeneratedSubject s = generator.subject(first + r);
                boolean person = s.type().equals("NATURAL_PERSON");
                String category = person ? "自然人" : s.type().equals("INDIVIDUAL_BUSINESS") ? "个体工商户" : "法人及非法人组织";
                LocalDate decided = day.plusDays(r % 300);
                List<String> cells = List.of(s.name(), category, person ? "" : s.code(),
                        person || s.legalRepresentative() == null ? "" : s.legalRepresentative(),
                        person ? "居民身份证" : "", person ? s.code() : "",
                        "济市监罚〔2025〕" + (first + r) + "号", "产品质量违法", "销售不合格产品，货值金额" + (r % 97 + 1) + "千元",
                        "《中华人民共和国产品质量法》第四十九条", "罚款", "罚款" + (r % 50 + 1) + "千元",
                        String.format("%.1f", (r % 50 + 1) / 10.0), decided.toString(), decided.plusYears(1).toString(),
                        "济南市市场监督管理局", authority, "济南市大数据局", bigData);
                w.write(String.join(",", cells));
                w.write("\r\n");
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%d rows in %s (%s) in %.1f s%n", rows, out, charset.name(), seconds);
    }
}
