package io.creditquery.search;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the service computes for Chinese names, because the Elasticsearch here has only the standard analyzer
 * (single characters): normalised text, the core name (region prefix and organisational form stripped), character
 * bigrams, pinyin syllables and initials, and segmentation of typed pinyin into syllables. On a cluster with the
 * IK / smartcn / pinyin plugins the same fields can be produced by analyzers instead (see docs/search.md).
 */
public final class ChineseText {

    /** Longest first, so 股份有限公司 is stripped before 有限公司. */
    private static final List<String> ORG_FORMS = sortedLongestFirst(List.of(
            "股份有限公司", "有限责任公司", "集团有限公司", "集团股份有限公司", "有限公司", "合伙企业（有限合伙）",
            "合伙企业(有限合伙)", "合伙企业", "分公司", "经营部", "商行", "门市部", "工作室", "店", "协会", "商会",
            "促进会", "研究会", "基金会", "中心", "研究院", "检测站", "服务站", "厂", "公司"));

    private static final List<String> REGIONS = sortedLongestFirst(List.of(
            "山东省", "山东", "北京市", "北京", "上海市", "上海", "天津市", "天津", "重庆市", "重庆", "河北省", "河北",
            "山西省", "山西", "辽宁省", "辽宁", "吉林省", "吉林", "黑龙江省", "黑龙江", "江苏省", "江苏", "浙江省", "浙江",
            "安徽省", "安徽", "福建省", "福建", "江西省", "江西", "河南省", "河南", "湖北省", "湖北", "湖南省", "湖南",
            "广东省", "广东", "海南省", "海南", "四川省", "四川", "贵州省", "贵州", "云南省", "云南", "陕西省", "陕西",
            "甘肃省", "甘肃", "青海省", "青海", "福州市", "福州", "深圳市", "深圳", "广州市", "广州", "杭州市", "杭州",
            "南京市", "南京", "济南市", "济南", "青岛市", "青岛", "淄博市", "淄博", "枣庄市", "枣庄", "东营市", "东营",
            "烟台市", "烟台", "潍坊市", "潍坊", "济宁市", "济宁", "泰安市", "泰安", "威海市", "威海", "日照市", "日照",
            "临沂市", "临沂", "德州市", "德州", "聊城市", "聊城", "滨州市", "滨州", "菏泽市", "菏泽", "历下区", "市中区",
            "槐荫区", "天桥区", "历城区", "长清区", "章丘区", "市南区", "市北区", "黄岛区", "崂山区", "李沧区", "城阳区",
            "淄川区", "张店区", "芝罘区", "莱山区", "潍城区", "奎文区", "任城区", "兖州区", "兰山区", "罗庄区"));

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private static final char FIRST_HAN = '\u4E00';
    private static final char LAST_HAN = '\u9FA5';
    /** First pinyin reading of each character of the common CJK block, read once (pinyin4j is slow per call). */
    private static final String[] READINGS = readings();
    private static final Set<String> SYLLABLES = syllables();
    private static final int LONGEST_SYLLABLE = SYLLABLES.stream().mapToInt(String::length).max().orElse(6);

    private ChineseText() {
    }

    /** Full-width to half-width, ideographic space to space, runs of white space folded, trimmed. */
    public static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (Character.isWhitespace(c) || c == '\u3000') {
                space = true;
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A name split once (an index document needs all three): the compact text (normalised, no spaces), the region
     * words it starts with (省/市 dropped: 济南) and its distinctive core (region and organisational form stripped: 华信建材).
     */
    public record NameParts(String compact, String region, String core) {
    }

    public static NameParts parts(String name) {
        String compact = normalize(name).replace(" ", "");
        String core = compact;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String region : REGIONS) {
                if (core.startsWith(region) && core.length() > region.length()) {
                    core = core.substring(region.length());
                    stripped = true;
                    break;
                }
            }
        }
        String regionWords = compact.substring(0, compact.length() - core.length());
        core = withoutOrgForm(core);
        return new NameParts(compact, regionWords.replace("省", "").replace("市", ""), core);
    }

    /** The distinctive part of a name: 济南华信建材有限公司 → 华信建材. Never empty for a non-empty name. */
    public static String coreName(String name) {
        return parts(name).core();
    }

    /** The name without its organisational form: 济南华信建材有限公司 → 济南华信建材. */
    public static String withoutOrgForm(String name) {
        String text = normalize(name).replace(" ", "");
        for (String form : ORG_FORMS) {
            if (text.endsWith(form) && text.length() > form.length()) {
                return text.substring(0, text.length() - form.length());
            }
        }
        return text;
    }

    /** The region words a name starts with, e.g. 济南 for 济南华信建材有限公司 (empty when none). */
    public static String regionPrefix(String name) {
        return parts(name).region();
    }

    /** Overlapping character bigrams of the CJK and alphanumeric text, space separated (a single character alone). */
    public static String bigrams(String text) {
        String compact = normalize(text).replace(" ", "").toLowerCase(Locale.ROOT);
        if (compact.length() < 2) {
            return compact;
        }
        StringBuilder out = new StringBuilder(compact.length() * 3);
        for (int i = 0; i + 1 < compact.length(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(compact, i, i + 2);
        }
        return out.toString();
    }

    /** Pinyin syllables of each Han character (first reading), other letters and digits kept: "ji nan hua xin". */
    public static List<String> pinyin(String text) {
        List<String> syllables = new ArrayList<>();
        for (char c : normalize(text).toCharArray()) {
            String reading = reading(c);
            if (reading != null) {
                syllables.add(reading);
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                syllables.add(String.valueOf(Character.toLowerCase(c)));
            }
        }
        return syllables;
    }

    public static String initials(String text) {
        StringBuilder out = new StringBuilder();
        for (String syllable : pinyin(text)) {
            out.append(syllable.charAt(0));
        }
        return out.toString();
    }

    /** Initials a user may type for a name: of the full name, of the core name, of region + core name. */
    public static List<String> initialVariants(NameParts name) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(initials(name.compact()));
        variants.add(initials(name.core()));
        variants.add(initials(name.region() + name.core()));
        variants.remove("");
        return List.copyOf(variants);
    }

    public static boolean isLatin(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '\'');
    }

    public static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * Ways to split typed pinyin into syllables ("huaxin jiancai" → hua xin jian cai). Spaces the user typed are
     * boundaries. Two readings are offered when they differ, because pinyin without apostrophes is ambiguous
     * (zhuangan: zhuang an or zhuan gan): the longest syllable first at each step, and the fewest syllables overall.
     * Empty when the letters are no sequence of syllables (then they are probably initials).
     */
    public static List<List<String>> segmentPinyin(String typed) {
        List<String> greedy = new ArrayList<>();
        List<String> fewest = new ArrayList<>();
        for (String word : typed.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").trim().split(" +")) {
            List<String> longestFirst = longestFirst(word);
            List<String> shortest = fewestSyllables(word);
            if (word.isEmpty() || (longestFirst.isEmpty() && shortest.isEmpty())) {
                return List.of();
            }
            greedy.addAll(longestFirst.isEmpty() ? shortest : longestFirst);
            fewest.addAll(shortest.isEmpty() ? longestFirst : shortest);
        }
        return greedy.equals(fewest) ? List.of(greedy) : List.of(greedy, fewest);
    }

    private static List<String> longestFirst(String letters) {
        List<String> result = new ArrayList<>();
        int at = 0;
        while (at < letters.length()) {
            int end = Math.min(letters.length(), at + LONGEST_SYLLABLE);
            while (end > at && !SYLLABLES.contains(letters.substring(at, end))) {
                end--;
            }
            if (end == at) {
                return List.of();
            }
            result.add(letters.substring(at, end));
            at = end;
        }
        return result;
    }

    private static List<String> fewestSyllables(String letters) {
        int n = letters.length();
        int[] best = new int[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - LONGEST_SYLLABLE); start < end; start++) {
                if (best[start] != Integer.MAX_VALUE && SYLLABLES.contains(letters.substring(start, end))
                        && best[start] + 1 < best[end]) {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }
        if (n == 0 || best[n] == Integer.MAX_VALUE) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            result.add(0, letters.substring(from[end], end));
        }
        return result;
    }

    private static String reading(char c) {
        return c >= FIRST_HAN && c <= LAST_HAN ? READINGS[c - FIRST_HAN] : null;
    }

    private static String[] readings() {
        String[] readings = new String[LAST_HAN - FIRST_HAN + 1];
        for (char c = FIRST_HAN; c <= LAST_HAN; c++) {
            try {
                String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
                readings[c - FIRST_HAN] = all == null || all.length == 0 ? null : all[0];
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
        }
        return readings;
    }

    /** Every syllable a character of the common CJK block reads as (first readings). */
    private static Set<String> syllables() {
        Set<String> all = new HashSet<>();
        for (String reading : READINGS) {
            if (reading != null) {
                all.add(reading);
            }
        }
        return all;
    }

    private static List<String> sortedLongestFirst(List<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
