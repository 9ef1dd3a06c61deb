package io.creditquery.frontdoor;

import io.creditquery.common.Problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problem answers in the caller's language: {@code Accept-Language} chooses zh-CN or English (the default, and what
 * the code writes). The {@code type} URI, the status and the field names never change; the {@code title}, the
 * {@code detail} and each {@code errors[].reason} are translated by the patterns of {@value #FILE} (an English
 * reason as the code writes it, a regular expression, and its Chinese form, where {@code $n} is the n-th group as
 * it is and {@code {n}} the n-th group translated in turn). A reason no pattern knows stays English: partly English
 * is better than a wrong translation, and ProblemLanguageTest and BadInputCorpusIT say how much is covered.
 */
public final class ProblemLanguage {

    public static final String CHINESE = "zh-CN";
    static final String FILE = "catalogue/problems.zh-CN.tsv";
    private static final Pattern FIELD_REASON = Pattern.compile("([A-Za-z][\\w.\\[\\]/-]*): (.+)", Pattern.DOTALL);
    private static final Pattern TRANSLATED_GROUP = Pattern.compile("\\{(\\d)}");
    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");
    /** A reason longer than this (one that echoes a long input) stays English: translating it is not worth its cost. */
    private static final int MAX_TRANSLATED = 1_000;
    private static final List<Rule> RULES = load();

    private record Rule(Pattern english, String chinese) {
    }

    private ProblemLanguage() {
    }

    /**
     * True if the ranges of an {@code Accept-Language} header rank Chinese above English (RFC 9110 §12.5.4: the
     * highest quality wins, the first listed among equals; {@code *} and unknown languages count as English).
     */
    public static boolean prefersChinese(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 512) {
            return false;
        }
        double best = 0;
        boolean chinese = false;
        for (String range : acceptLanguage.split(",")) {
            String[] parts = range.split(";");
            String tag = parts[0].strip().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    // RFC 9110 qvalue: 0 to 1 with at most three decimals; anything else is not acceptable.
                    String value = parameter.substring(2);
                    quality = QVALUE.matcher(value).matches() ? Double.parseDouble(value) : 0;
                }
            }
            if (quality > best) {
                best = quality;
                chinese = tag.equals("zh") || tag.startsWith("zh-");
            }
        }
        return chinese;
    }

    /** A problem as it leaves, and the Content-Language to send with it (null for English, the default). */
    public record Answer(Problem problem, String contentLanguage) {

        /** The headers every problem answer carries for its language: Vary always, Content-Language when translated. */
        public Map<String, String> headers() {
            return contentLanguage == null ? Map.of("Vary", "Accept-Language")
                    : Map.of("Vary", "Accept-Language", "Content-Language", contentLanguage);
        }
    }

    /** {@code problem} in the language {@code acceptLanguage} asks for; English if translating it fails. */
    public static Answer forCaller(Problem problem, String acceptLanguage) {
        if (!prefersChinese(acceptLanguage)) {
            return new Answer(problem, null);
        }
        try {
            return new Answer(chinese(problem), CHINESE);
        } catch (RuntimeException e) {
            return new Answer(problem, null);
        }
    }

    /** The same problem with title, detail and reasons in Chinese (type, status, instance and fields unchanged). */
    public static Problem chinese(Problem problem) {
        List<String> reasons = problem.errors() == null ? List.of()
                : problem.errors().stream().map(e -> reason(e.reason())).toList();
        return problem.translated(title(problem.status()), detail(problem.detail()), reasons);
    }

    /**
     * A reason the platform writes in English outside a problem (a credit check's item), in Chinese; null if no
     * pattern of the catalogue knows it.
     */
    public static String chineseReason(String english) {
        return english == null ? null : translate(english);
    }

    /** A reason in Chinese, or as it was if no pattern knows it. */
    static String reason(String english) {
        String translated = translate(english);
        return translated == null ? english : translated;
    }

    /** True if a pattern knows this reason (for measuring the coverage). */
    static boolean known(String english) {
        return english == null || translate(english) != null;
    }

    /** "field: reason", "a: x; b: y" or free text; each part translated as far as the patterns know it. */
    static String detail(String detail) {
        if (detail == null) {
            return null;
        }
        String whole = fieldReason(detail);
        if (whole != null) {
            return whole;
        }
        List<String> parts = new ArrayList<>();
        for (String part : detail.split("; ")) {
            String translated = fieldReason(part);
            parts.add(translated != null ? translated : reason(part));
        }
        return String.join("；", parts);
    }

    private static String fieldReason(String text) {
        String translated = translate(text);
        if (translated != null) {
            return translated;
        }
        Matcher m = FIELD_REASON.matcher(text);
        if (m.matches()) {
            String reason = translate(m.group(2));
            if (reason != null) {
                return m.group(1) + "：" + reason;
            }
        }
        return null;
    }

    private static String translate(String english) {
        if (english == null || english.length() > MAX_TRANSLATED) {
            return null;
        }
        for (Rule rule : RULES) {
            Matcher m = rule.english().matcher(english);
            if (m.matches()) {
                return fill(rule.chinese(), m);
            }
        }
        return null;
    }

    private static String fill(String template, Matcher m) {
        StringBuilder out = new StringBuilder();
        Matcher groups = TRANSLATED_GROUP.matcher(template);
        int last = 0;
        while (groups.find()) {
            out.append(plainGroups(template.substring(last, groups.start()), m));
            String group = m.group(Integer.parseInt(groups.group(1)));
            out.append(group == null ? "" : reason(group));
            last = groups.end();
        }
        return out.append(plainGroups(template.substring(last), m)).toString();
    }

    private static String plainGroups(String text, Matcher m) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                String group = m.group(text.charAt(++i) - '0');
                out.append(group == null ? "" : group);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "需要身份认证";
            case 403 -> "无权访问";
            case 404 -> "未找到";
            case 405 -> "不支持该请求方法";
            case 406 -> "无法提供所请求的格式";
            case 408 -> "请求超时";
            case 409 -> "冲突";
            case 411 -> "需要提供请求体长度";
            case 412 -> "前提条件不满足";
            case 413 -> "请求体过大";
            case 414 -> "请求地址过长";
            case 415 -> "不支持的内容类型";
            case 422 -> "内容无法处理";
            case 429 -> "请求过多";
            case 431 -> "请求头过大";
            case 500 -> "服务器内部错误";
            case 503 -> "服务暂时不可用";
            default -> status >= 500 ? "服务器错误" : "请求错误";
        };
    }

    private static List<Rule> load() {
        try (InputStream in = ProblemLanguage.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the classpath");
            }
            List<Rule> rules = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2) {
                    throw new IllegalStateException(FILE + " line " + number + ": expected pattern<TAB>translation");
                }
                rules.add(new Rule(Pattern.compile(columns[0], Pattern.DOTALL), columns[1]));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
