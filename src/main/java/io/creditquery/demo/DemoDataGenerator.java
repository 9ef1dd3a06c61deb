package io.creditquery.demo;

import io.creditquery.code.CodeValidator;
import io.creditquery.demo.Vocabulary.Division;
import io.creditquery.demo.Vocabulary.Industry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic data: subject {@code i} of seed {@code s} is always the same, whatever else is generated,
 * so a data set of any size streams out one subject at a time (no all-in-memory) and tests can ask for subject
 * {@code i} alone. Codes are valid (USCC with its embedded organisation code, 15-digit registration numbers,
 * citizen IDs), names follow the registration pattern region + trade name + industry + organisational form, with
 * trade names repeating across regions, and records and list entries follow realistic mixes.
 *
 * <p>Runs without the service: {@code java -cp target/classes io.creditquery.demo.DemoDataGenerator --subjects N --out DIR}.
 */
public final class DemoDataGenerator {

    /** Generated dates lie on or before this day, so a data set does not change with the day it is made. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    public static final long DEFAULT_SEED = 20261123L;

    /** One generated subject with its records and list entries, as NDJSON lines for the ingest API. */
    public record GeneratedSubject(long index, String code, String registrationNo, String name, String tradeName,
                                   String cityName, String legalRepresentative, String type, String subjectLine,
                                   List<String> recordLines, List<String> listEntryLines) {
    }

    private final long seed;

    public DemoDataGenerator(long seed) {
        this.seed = seed;
    }

    public GeneratedSubject subject(long index) {
        SplittableRandom rnd = new SplittableRandom(mix(seed, index));
        int typeRoll = rnd.nextInt(1000);
        String type = typeRoll < 700 ? "ENTERPRISE" : typeRoll < 900 ? "INDIVIDUAL_BUSINESS"
                : typeRoll < 940 ? "SOCIAL_ORGANISATION" : typeRoll < 965 ? "PUBLIC_INSTITUTION"
                : typeRoll < 975 ? "GOVERNMENT_ORGAN" : "NATURAL_PERSON";
        Division city = pick(rnd, Vocabulary.CITIES);
        Division district = pick(rnd, Vocabulary.DISTRICTS);
        boolean inDistrict = district.code().startsWith(city.code().substring(0, 4));
        Division division = inDistrict ? district : city;
        Industry industry = pick(rnd, Vocabulary.INDUSTRIES);
        String trade = pick(rnd, Vocabulary.TRADE_SYLLABLES) + pick(rnd, Vocabulary.TRADE_SYLLABLES);
        String person = personName(rnd);
        LocalDate established = AS_OF.minusDays(30 + rnd.nextInt(365 * 30));

        NdjsonObject line = new NdjsonObject();
        String code;
        String registrationNo = null;
        String name;
        if (type.equals("NATURAL_PERSON")) {
            code = citizenId(index, division.code());
            name = person;
            line.put("type", type).put("code", code).put("name", name).put("regionCode", division.code());
        } else {
            code = uscc(index, type, division.code());
            name = switch (type) {
                case "ENTERPRISE" -> (rnd.nextInt(10) == 0 ? "山东" : city.shortName()) + trade + industry.word()
                        + pick(rnd, Vocabulary.ENTERPRISE_FORMS);
                case "INDIVIDUAL_BUSINESS" -> city.shortName() + "市" + (inDistrict ? district.shortName() : "")
                        + trade + industry.word() + pick(rnd, Vocabulary.SHOP_FORMS);
                case "SOCIAL_ORGANISATION" -> city.shortName() + "市" + trade + industry.word()
                        + pick(rnd, Vocabulary.SOCIAL_FORMS);
                case "PUBLIC_INSTITUTION" -> city.shortName() + "市" + industry.word() + pick(rnd, Vocabulary.INSTITUTION_FORMS)
                        + "（" + trade + "）";
                default -> city.shortName() + "市" + (inDistrict ? district.shortName() : "") + pick(rnd, Vocabulary.ORGANS);
            };
            if ((type.equals("ENTERPRISE") || type.equals("INDIVIDUAL_BUSINESS")) && established.getYear() < 2016) {
                registrationNo = registrationNo(index, division.code());
            }
            line.put("type", type).put("code", code).put("name", name).put("legalRepresentative", person)
                    .put("registrationNo", registrationNo).put("regionCode", division.code())
                    .put("industryCode", industry.code())
                    .put("status", rnd.nextInt(100) < 93 ? "ACTIVE" : rnd.nextBoolean() ? "REVOKED" : "CANCELLED")
                    .put("establishedOn", established.toString())
                    .put("registeredCapital", type.equals("ENTERPRISE") ? Math.round(Math.exp(3 + rnd.nextDouble() * 6)) : null)
                    .put("address", division.fullName() + pick(rnd, Vocabulary.ROADS) + (1 + rnd.nextInt(999)) + "号");
        }
        return new GeneratedSubject(index, code, registrationNo, name, trade, city.shortName(),
                type.equals("NATURAL_PERSON") ? null : person, type, line.toString(),
                records(index, code, type, city, established, rnd), listEntries(index, code, type, rnd));
    }

    private static List<String> records(long index, String code, String type, Division city, LocalDate established,
                                        SplittableRandom rnd) {
        List<String> lines = new ArrayList<>();
        int count = type.equals("NATURAL_PERSON") ? rnd.nextInt(2) : rnd.nextInt(6);
        String cityDept = city.code().equals("370200") ? "370200-SCJ" : "370100-SCJ";
        for (int k = 0; k < count; k++) {
            int roll = rnd.nextInt(100);
            LocalDate decided = randomDayBetween(rnd, established, AS_OF);
            String category;
            String dept;
            String classification = "PUBLIC";
            LocalDate publicityUntil = null;
            String title;
            NdjsonObject content = new NdjsonObject();
            if (type.equals("NATURAL_PERSON")) {
                category = "COURT_JUDGEMENT";
                dept = city.code().equals("370200") ? "370200-ZY" : "370100-ZY";
                title = "民事判决书（合同纠纷）";
                content.put("caseNo", "（" + decided.getYear() + "）鲁01民初" + (index % 100000) + "号");
            } else if (roll < 50) {
                category = "ADMIN_LICENSE";
                dept = cityDept;
                title = pick(rnd, List.of("食品经营许可", "营业执照变更登记", "建筑工程施工许可", "排污许可", "药品经营许可"));
                content.put("licenceNo", "JY" + city.code() + String.format("%08d", (index * 8 + k) % 100_000_000L))
                        .put("validUntil", decided.plusYears(5).toString());
            } else if (roll < 72) {
                category = "ADMIN_PENALTY";
                dept = pick(rnd, List.of(cityDept, "370000-STJ", "370000-YJJ", "370000-SCJ", "370000-YPJ"));
                title = pick(rnd, List.of("未按规定公示年度报告", "销售不符合食品安全标准的食品", "超标排放大气污染物",
                        "未落实安全生产责任制", "虚假宣传"));
                content.put("penaltyType", pick(rnd, List.of("警告", "罚款", "没收违法所得", "责令停产停业")))
                        .put("fineWanYuan", Math.round(rnd.nextDouble() * 5000) / 100.0);
                publicityUntil = decided.plusYears(rnd.nextInt(3) + 1);
            } else if (roll < 80) {
                category = "TAX_CREDIT_RATING";
                dept = "370000-SWJ";
                title = "纳税信用等级评价（" + (decided.getYear() - 1) + "年度）";
                content.put("grade", pick(rnd, List.of("A", "A", "B", "B", "B", "M", "C", "D")));
                classification = rnd.nextInt(4) == 0 ? "CONDITIONAL" : "PUBLIC";
            } else if (roll < 87) {
                category = "ADMIN_INSPECTION";
                dept = cityDept;
                title = "双随机一公开抽查";
                content.put("result", pick(rnd, List.of("未发现问题", "未发现问题", "发现问题已责令整改", "通过登记的住所无法联系")));
                classification = rnd.nextInt(3) == 0 ? "CONDITIONAL" : "PUBLIC";
            } else if (roll < 91) {
                category = "HONOUR";
                dept = "370000-FGW";
                title = pick(rnd, List.of("守合同重信用企业", "山东省诚信企业", "劳动保障诚信示范单位"));
            } else if (roll < 96) {
                category = "CREDIT_COMMITMENT";
                dept = "370000-FGW";
                title = "信用承诺书（行政审批告知承诺）";
                content.put("kept", rnd.nextInt(10) != 0);
            } else {
                category = "LABOUR_WAGES";
                dept = "370000-RSJ";
                title = "劳动保障监察";
                content.put("finding", "拖欠工资已责令支付");
                classification = "RESTRICTED";
            }
            lines.add(new NdjsonObject().put("subjectCode", code).put("category", category).put("sourceDept", dept)
                    .put("sourceDocNo", docNo(dept, category, decided, index * 8 + k))
                    .put("decisionDate", decided.toString()).put("title", title).put("content", content)
                    .put("classification", classification)
                    .put("publicityUntil", publicityUntil == null ? null : publicityUntil.toString())
                    .toString());
        }
        return lines;
    }

    private static List<String> listEntries(long index, String code, String type, SplittableRandom rnd) {
        List<String> lines = new ArrayList<>();
        int roll = rnd.nextInt(1000);
        String listType = null;
        String authority = null;
        String basis = null;
        if (type.equals("NATURAL_PERSON")) {
            if (roll < 600) {
                listType = "JUDGMENT_DEFAULTER";
                authority = "370100-ZY";
                basis = "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条";
            }
        } else if (roll < 12) {
            listType = "ABNORMAL_OPERATION";
            authority = "370000-SCJ";
            basis = "《企业经营异常名录管理暂行办法》第四条（未按规定报送年度报告）";
        } else if (roll < 18) {
            listType = "JUDGMENT_DEFAULTER";
            authority = "370100-ZY";
            basis = "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条";
        } else if (roll < 21) {
            listType = "SERIOUS_DISHONESTY";
            authority = "370000-SCJ";
            basis = "《市场监督管理严重违法失信名单管理办法》第二条";
        } else if (roll < 23) {
            listType = "MAJOR_TAX_VIOLATION";
            authority = "370000-SWJ";
            basis = "《重大税收违法失信主体信息公布管理办法》第六条";
        } else if (roll < 25) {
            listType = pick(rnd, List.of("GOVERNMENT_PROCUREMENT_VIOLATION", "UNPAID_MIGRANT_WAGES", "WORK_SAFETY",
                    "ENVIRONMENTAL_DISHONESTY", "FOOD_DRUG_DISHONESTY", "STATISTICAL_DISHONESTY"));
            authority = switch (listType) {
                case "GOVERNMENT_PROCUREMENT_VIOLATION" -> "370000-CZT";
                case "UNPAID_MIGRANT_WAGES" -> "370000-RSJ";
                case "WORK_SAFETY" -> "370000-YJJ";
                case "ENVIRONMENTAL_DISHONESTY" -> "370000-STJ";
                case "FOOD_DRUG_DISHONESTY" -> "370000-YPJ";
                default -> "370000-TJJ";
            };
            basis = "联合惩戒合作备忘录认定标准";
        } else if (roll < 37) {
            listType = "TAX_CREDIT_A";
            authority = "370000-SWJ";
            basis = "《纳税信用管理办法》第二十条（年度评价A级）";
        } else if (roll < 39) {
            listType = "CUSTOMS_AEO";
            authority = "370000-HG";
            basis = "《海关注册登记和备案企业信用管理办法》高级认证";
        } else if (roll < 45) {
            listType = "TRUSTWORTHY";
            authority = "370000-FGW";
            basis = "守信联合激励对象认定";
        }
        if (listType != null) {
            LocalDate listed = AS_OF.minusDays(rnd.nextInt(365 * 4));
            LocalDate plannedExit = listed.plusYears(listType.equals("TAX_CREDIT_A") ? 1 : 3);
            boolean exited = rnd.nextInt(5) == 0;
            LocalDate exitedOn = exited ? randomDayBetween(rnd, listed, AS_OF) : null;
            lines.add(new NdjsonObject().put("subjectCode", code).put("listType", listType).put("authority", authority)
                    .put("decisionNo", authority + "-认定〔" + listed.getYear() + "〕" + index + "号")
                    .put("basis", basis).put("listedOn", listed.toString()).put("plannedExitOn", plannedExit.toString())
                    .put("exitedOn", exitedOn == null ? null : exitedOn.toString())
                    .put("exitReason", exitedOn == null ? null : "信用修复，履行完毕")
                    .toString());
        }
        return lines;
    }

    /** USCC: authority and category by type, division, a unique organisation-code body from the index, checks. */
    public static String uscc(long index, String type, String divisionCode) {
        String prefix = switch (type) {
            case "ENTERPRISE" -> "91";
            case "INDIVIDUAL_BUSINESS" -> "92";
            case "SOCIAL_ORGANISATION" -> "51";
            case "PUBLIC_INSTITUTION" -> "12";
            default -> "11";
        };
        // Multiplying by a number coprime to 10^8 is a bijection: distinct indices get distinct bodies.
        String body = String.format("%08d", (index * 7_919L + 12_345_678L) % 100_000_000L);
        String orgCode = body + CodeValidator.orgCodeCheckChar(body);
        String first17 = prefix + divisionCode + orgCode;
        return first17 + CodeValidator.USCC_CHARSET.charAt(CodeValidator.usccCheckChar(first17));
    }

    static String registrationNo(long index, String divisionCode) {
        String first14 = divisionCode + String.format("%08d", (index * 3_301L + 4_567L) % 100_000_000L);
        return first14 + CodeValidator.registrationNoCheckDigit(first14);
    }

    /** Division, a birth date and a sequence number that together are unique for the first 20 million indices. */
    static String citizenId(long index, String divisionCode) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays((index / 1000) % 20_000);
        String first17 = divisionCode + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth()) + String.format("%03d", index % 1000);
        return first17 + CodeValidator.citizenIdCheckChar(first17);
    }

    private static String docNo(String dept, String category, LocalDate decided, long serial) {
        String word = switch (category) {
            case "ADMIN_PENALTY" -> "罚";
            case "ADMIN_LICENSE" -> "许";
            case "COURT_JUDGEMENT" -> "判";
            default -> "字";
        };
        return dept + word + "〔" + decided.getYear() + "〕" + serial + "号";
    }

    /** A day in [from, to]. */
    private static LocalDate randomDayBetween(SplittableRandom rnd, LocalDate from, LocalDate to) {
        return from.plusDays(rnd.nextLong(ChronoUnit.DAYS.between(from, to) + 1));
    }

    private static String personName(SplittableRandom rnd) {
        String given = pick(rnd, Vocabulary.GIVEN_CHARS);
        return pick(rnd, Vocabulary.SURNAMES) + (rnd.nextInt(3) == 0 ? given : given + pick(rnd, Vocabulary.GIVEN_CHARS));
    }

    private static <T> T pick(SplittableRandom rnd, List<T> values) {
        return values.get(rnd.nextInt(values.size()));
    }

    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Writes subjects.ndjson, records.ndjson and list-entries.ndjson for indices [0, n) and reports the rate. */
    public static void main(String[] args) throws IOException {
        long subjects = 10_000;
        long seed = DEFAULT_SEED;
        Path out = Path.of("target/demo-data");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--subjects" -> subjects = Long.parseLong(args[i + 1].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(out);
        DemoDataGenerator generator = new DemoDataGenerator(seed);
        long started = System.nanoTime();
        long records = 0;
        long entries = 0;
        try (BufferedWriter s = Files.newBufferedWriter(out.resolve("subjects.ndjson"), StandardCharsets.UTF_8);
             BufferedWriter r = Files.newBufferedWriter(out.resolve("records.ndjson"), StandardCharsets.UTF_8);
             BufferedWriter l = Files.newBufferedWriter(out.resolve("list-entries.ndjson"), StandardCharsets.UTF_8)) {
            for (long i = 0; i < subjects; i++) {
                GeneratedSubject g = generator.subject(i);
                s.write(g.subjectLine());
                s.newLine();
                for (String line : g.recordLines()) {
                    r.write(line);
                    r.newLine();
                }
                for (String line : g.listEntryLines()) {
                    l.write(line);
                    l.newLine();
                }
                records += g.recordLines().size();
                entries += g.listEntryLines().size();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("generated %d subjects, %d records, %d list entries into %s in %.1f s (%.0f subjects/s)%n",
                subjects, records, entries, out, seconds, subjects / seconds);
    }
}
