package io.creditquery.code;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * GB/T 2260 administrative division codes, current and historical (catalogue/gb2260.tsv: the Ministry of Civil
 * Affairs' lists of 1980-12 to 2019-04 as published by github.com/cn/GB2260, each code with the first and last list
 * that has it; rebuilt with bin/lib/gb2260.py), plus the province-level codes of Taiwan, Hong Kong and Macao and the
 * 830000 of residence permits, which the lists leave out. Read once, on first use.
 */
public final class AdministrativeDivisions {

    /** One code: its latest name and the first and last year a list had it. */
    public record Division(String code, String name, int firstYear, int lastYear) {
    }

    private static final String FILE = "catalogue/gb2260.tsv";
    private static final Map<String, Division> ADDED = Map.of(
            "710000", new Division("710000", "台湾省", 1980, Integer.MAX_VALUE),
            "810000", new Division("810000", "香港特别行政区", 1997, Integer.MAX_VALUE),
            "820000", new Division("820000", "澳门特别行政区", 1999, Integer.MAX_VALUE),
            "830000", new Division("830000", "台湾地区（居住证）", 2018, Integer.MAX_VALUE));

    private AdministrativeDivisions() {
    }

    private static final class Catalogue {
        static final Map<String, Division> BY_CODE = load();
        /**
         * First four digits of every code of the latest list (the lists have no entry of their own for some
         * prefectures: 1101, 6590, 4290).
         */
        static final java.util.Set<String> CURRENT_PREFIXES = BY_CODE.values().stream()
                .filter(division -> division.lastYear() == Integer.MAX_VALUE)
                .map(division -> division.code().substring(0, 4))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static Map<String, Division> load() {
        Map<String, int[]> years = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        int latest = 0;
        try (InputStream in = AdministrativeDivisions.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t");
                int last = Integer.parseInt(fields[3]);
                years.put(fields[0], new int[]{Integer.parseInt(fields[2]) / 100, last / 100});
                names.put(fields[0], fields[1]);
                latest = Math.max(latest, last);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Division> divisions = new HashMap<>();
        int latestYear = latest / 100;
        years.forEach((code, span) -> divisions.put(code, new Division(code, names.get(code), span[0],
                span[1] == latestYear ? Integer.MAX_VALUE : span[1])));
        divisions.putAll(ADDED);
        return Map.copyOf(divisions);
    }

    /** The division with this code in any list, or null. */
    public static Division find(String code) {
        return code == null ? null : Catalogue.BY_CODE.get(code);
    }

    /** The province-level division a six-digit code lies in, or null. */
    public static Division province(String code) {
        return code == null || code.length() < 2 ? null : find(code.substring(0, 2) + "0000");
    }

    /** The prefecture-level division (its first four digits), or null (also for the province-level codes). */
    public static Division prefecture(String code) {
        return code == null || code.length() < 4 || code.endsWith("0000") ? null : find(code.substring(0, 4) + "00");
    }

    /**
     * 山东省济南市天桥区 for 370105: the province, the prefecture and the county as the latest list names them,
     * without the lists' placeholders (市辖区, 县, 省直辖县级行政区划); null for a code no list has.
     */
    public static String fullName(String code) {
        Division division = find(code);
        if (division == null) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        Division province = province(code);
        if (province != null && !province.code().equals(code)) {
            name.append(province.name());
        }
        Division prefecture = prefecture(code);
        if (prefecture != null && !prefecture.code().equals(code) && !placeholder(prefecture.name())) {
            name.append(prefecture.name());
        }
        if (!placeholder(division.name())) {
            name.append(division.name());
        }
        return name.toString();
    }

    /**
     * True if a code of the latest list shares the first four digits: a code missing from the lists, created after
     * the latest, lies under a prefecture that still exists (also one the lists give no entry of its own, as the
     * municipalities' 1101 or Xinjiang's 6590).
     */
    public static boolean underCurrentPrefecture(String code) {
        return code != null && code.length() >= 4 && Catalogue.CURRENT_PREFIXES.contains(code.substring(0, 4));
    }

    private static boolean placeholder(String name) {
        return name.equals("市辖区") || name.equals("县") || name.contains("直辖");
    }
}
