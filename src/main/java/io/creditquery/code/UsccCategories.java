package io.creditquery.code;

import java.util.Map;

/**
 * Positions 1 and 2 of a unified social credit code: the registration authority and the category of organisation
 * it registers (GB 32100-2015, 表 A.1 登记管理部门代码和机构类别代码).
 */
final class UsccCategories {

    private record Authority(String name, Map<Character, String> categories) {
    }

    private static final Map<Character, Authority> AUTHORITIES = Map.ofEntries(
            Map.entry('1', new Authority("机构编制", Map.of('1', "机关", '2', "事业单位",
                    '3', "中央编办直接管理机构编制的群众团体", '9', "其他"))),
            Map.entry('2', new Authority("外交", Map.of('1', "外国常驻新闻机构", '9', "其他"))),
            Map.entry('3', new Authority("司法行政", Map.of('1', "律师执业机构", '2', "公证处", '3', "基层法律服务所",
                    '4', "司法鉴定机构", '5', "仲裁委员会", '9', "其他"))),
            Map.entry('4', new Authority("文化", Map.of('1', "外国在华文化中心", '9', "其他"))),
            Map.entry('5', new Authority("民政", Map.of('1', "社会团体", '2', "民办非企业单位", '3', "基金会", '9', "其他"))),
            Map.entry('6', new Authority("旅游", Map.of('1', "外国旅游部门常驻代表机构",
                    '2', "港澳台地区旅游部门常驻内地（大陆）代表机构", '9', "其他"))),
            Map.entry('7', new Authority("宗教", Map.of('1', "宗教活动场所", '2', "宗教院校", '9', "其他"))),
            Map.entry('8', new Authority("工会", Map.of('1', "基层工会", '9', "其他"))),
            Map.entry('9', new Authority("工商", Map.of('1', "企业", '2', "个体工商户", '3', "农民专业合作社"))),
            Map.entry('A', new Authority("中央军委改革和编制办公室", Map.of('1', "军队事业单位", '9', "其他"))),
            Map.entry('N', new Authority("农业", Map.of('1', "组级集体经济组织", '2', "村级集体经济组织",
                    '3', "乡镇级集体经济组织", '9', "其他"))),
            Map.entry('Y', new Authority("其他", Map.of('1', "其他"))));

    private UsccCategories() {
    }

    /** Why positions 1-2 are no authority and category of GB 32100, or null. */
    static String refusal(char authorityCode, char categoryCode) {
        Authority authority = AUTHORITIES.get(authorityCode);
        if (authority == null) {
            return "character 1 '" + authorityCode + "' is no registration authority (GB 32100: 1-9, A, N, Y)";
        }
        if (!authority.categories().containsKey(categoryCode)) {
            return "character 2 '" + categoryCode + "' is no category of registration authority " + authorityCode + " ("
                    + authority.name() + ": " + String.join(", ", authority.categories().keySet().stream().sorted()
                    .map(String::valueOf).toList()) + ")";
        }
        return null;
    }
}
