package io.creditquery.frontdoor;

import io.creditquery.code.CodeCheck;
import io.creditquery.code.CodeValidator;
import io.creditquery.common.FieldError;
import io.creditquery.common.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Accept-Language picks the language of a problem; a Chinese answer keeps everything a client parses. */
class ProblemLanguageTest {

    @Test
    void theHighestQualityWinsAndEnglishIsTheDefault() {
        assertFalse(ProblemLanguage.prefersChinese(null));
        assertFalse(ProblemLanguage.prefersChinese(""));
        assertFalse(ProblemLanguage.prefersChinese("*"));
        assertFalse(ProblemLanguage.prefersChinese("en-US,en;q=0.9"));
        assertTrue(ProblemLanguage.prefersChinese("zh-CN"));
        assertTrue(ProblemLanguage.prefersChinese("zh-CN,zh;q=0.9,en;q=0.8"), "a browser set to Chinese");
        assertTrue(ProblemLanguage.prefersChinese("ZH-hans-cn"), "tags are case-insensitive");
        assertTrue(ProblemLanguage.prefersChinese("zh-TW"), "traditional-Chinese readers get Chinese too");
        assertFalse(ProblemLanguage.prefersChinese("en-US,zh;q=0.5"));
        assertTrue(ProblemLanguage.prefersChinese("fr;q=0.4, zh;q=0.6"));
        assertFalse(ProblemLanguage.prefersChinese("zh;q=0"), "q=0 means not acceptable");
        assertFalse(ProblemLanguage.prefersChinese("zh;q=abc, en"), "a broken quality counts as 0");
        assertFalse(ProblemLanguage.prefersChinese("en, zh"), "the first of equals wins");
        assertTrue(ProblemLanguage.prefersChinese("zh-CN, en"), "the first of equals wins");
        assertFalse(ProblemLanguage.prefersChinese("zh;q=NaN, en;q=0.1"), "NaN is no quality");
        assertFalse(ProblemLanguage.prefersChinese("zh;q=1e9, en;q=0.1"), "1e9 is no quality");
        assertTrue(ProblemLanguage.prefersChinese("en;Q=0.5, zh;q=0.9"), "the q is case-insensitive");
        assertFalse(ProblemLanguage.prefersChinese("zhx"), "zhx is not Chinese");
    }

    @Test
    void typeStatusFieldsAndInstanceStay() {
        Problem english = Problem.of(400, "invalid-code", "code: length is 19; expected 18 (unified social credit"
                        + " code or citizen ID), 15 (registration number) or 9 (organisation code)",
                List.of(new FieldError("code", "length is 19; expected 18 (unified social credit code or citizen ID),"
                        + " 15 (registration number) or 9 (organisation code)"))).at("/api/v1/codes/x");
        Problem chinese = ProblemLanguage.chinese(english);
        assertEquals(english.type(), chinese.type());
        assertEquals(400, chinese.status());
        assertEquals("/api/v1/codes/x", chinese.instance());
        assertEquals("请求有误", chinese.title());
        assertEquals("code", chinese.errors().get(0).field());
        assertEquals("长度为 19 位；应为 18 位（统一社会信用代码或公民身份号码）、15 位（注册号）或 9 位（组织机构代码）",
                chinese.errors().get(0).reason());
        assertEquals("code：" + chinese.errors().get(0).reason(), chinese.detail());
    }

    @Test
    void nestedReasonsAreTranslatedAndUnknownOnesStayEnglish() {
        assertEquals("第 3-8 位（990426）：99 不是省级行政区划代码（GB/T 2260）（登记管理机关所在地的行政区划）",
                ProblemLanguage.reason("characters 3-8 (990426): 99 is no province-level division (GB/T 2260)"
                        + " (the registration authority's division)"));
        assertEquals("something no pattern knows", ProblemLanguage.reason("something no pattern knows"));
        assertEquals("a：为必填项；something new", ProblemLanguage.detail("a: is required; something new"));
        assertEquals("本地址一分钟内的 report 请求超过 6 次；请在 41 秒后重试",
                ProblemLanguage.reason("more than 6 report requests in a minute from this address; retry after 41 s"));
        assertEquals("x".repeat(1001), ProblemLanguage.reason("x".repeat(1001)), "a long echo is not translated");
    }

    /**
     * Codes as people mistype them (a character dropped or doubled, O for 0, a month 13, 30 February, a division
     * that never existed, a wrong check character): every reason the validator gives has its Chinese form.
     */
    @Test
    void everyReasonOfTheCodeRulesHasItsChineseForm() {
        List<String> typed = List.of("", "9135010M000100Y43", "91350100M000100Y433", "9135010OM000100Y43",
                "91350100M000100Y44", "91350100M000100YI3", "9A3501000M00100Y4", "94350100M000100Y43",
                "9199A100M000100Y4X", "110101199013077771", "11010119900230777X", "110101199002290771",
                "990426199112010074", "1101011990030777Y", "11010119900307777", "110101199003077772",
                "M000100Y-5", "M000100Y5", "m0001000-y", "12345", "1234567890123456789012", "37010000011169X",
                "370100000111691", "110101000003077771", "110101190003077771", "９１３５０１００Ｍ０００１００Ｙ４４");
        List<String> unknown = new ArrayList<>();
        int reasons = 0;
        for (String code : typed) {
            CodeCheck check = CodeValidator.check(code);
            for (String reason : check.errors()) {
                reasons++;
                if (!ProblemLanguage.known(reason)) {
                    unknown.add(code + " → " + reason);
                }
            }
        }
        assertTrue(reasons >= typed.size(), "every mistyped code was refused with a reason: " + reasons);
        assertEquals(List.of(), unknown, "reasons without a Chinese form");
    }
}
