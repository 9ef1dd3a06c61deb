package io.creditquery.demo;

import java.util.List;

/** Word lists for realistic Shandong subjects: divisions, trade names, industries, organisational forms, people. */
final class Vocabulary {

    /** GB/T 2260 division: code, short name used in enterprise names, full name used in addresses. */
    record Division(String code, String shortName, String fullName) {
    }

    /** An industry word in names and its GB/T 4754 class. */
    record Industry(String word, String code) {
    }

    static final List<Division> CITIES = List.of(
            new Division("370100", "济南", "山东省济南市"), new Division("370200", "青岛", "山东省青岛市"),
            new Division("370300", "淄博", "山东省淄博市"), new Division("370400", "枣庄", "山东省枣庄市"),
            new Division("370500", "东营", "山东省东营市"), new Division("370600", "烟台", "山东省烟台市"),
            new Division("370700", "潍坊", "山东省潍坊市"), new Division("370800", "济宁", "山东省济宁市"),
            new Division("370900", "泰安", "山东省泰安市"), new Division("371000", "威海", "山东省威海市"),
            new Division("371100", "日照", "山东省日照市"), new Division("371300", "临沂", "山东省临沂市"),
            new Division("371400", "德州", "山东省德州市"), new Division("371500", "聊城", "山东省聊城市"),
            new Division("371600", "滨州", "山东省滨州市"), new Division("371700", "菏泽", "山东省菏泽市"));

    static final List<Division> DISTRICTS = List.of(
            new Division("370102", "历下区", "山东省济南市历下区"), new Division("370103", "市中区", "山东省济南市市中区"),
            new Division("370104", "槐荫区", "山东省济南市槐荫区"), new Division("370105", "天桥区", "山东省济南市天桥区"),
            new Division("370112", "历城区", "山东省济南市历城区"), new Division("370202", "市南区", "山东省青岛市市南区"),
            new Division("370203", "市北区", "山东省青岛市市北区"), new Division("370211", "黄岛区", "山东省青岛市黄岛区"),
            new Division("370212", "崂山区", "山东省青岛市崂山区"), new Division("370302", "淄川区", "山东省淄博市淄川区"),
            new Division("370602", "芝罘区", "山东省烟台市芝罘区"), new Division("370702", "潍城区", "山东省潍坊市潍城区"),
            new Division("370811", "任城区", "山东省济宁市任城区"), new Division("371302", "兰山区", "山东省临沂市兰山区"));

    static final List<String> TRADE_SYLLABLES = List.of(
            "华", "信", "鲁", "能", "金", "泰", "恒", "通", "瑞", "丰", "宏", "达", "盛", "源", "鑫", "隆", "润", "德",
            "嘉", "禾", "永", "昌", "海", "天", "中", "正", "新", "力", "安", "康", "博", "远", "东", "方", "齐", "明",
            "晟", "祥", "凯", "旭", "豪", "腾", "辉", "远", "兴", "汇", "佳", "和", "众", "诚");

    static final List<Industry> INDUSTRIES = List.of(
            new Industry("建材", "F5165"), new Industry("科技", "M7590"), new Industry("商贸", "F5191"),
            new Industry("食品", "C1499"), new Industry("机械制造", "C3499"), new Industry("物流", "G5990"),
            new Industry("建筑工程", "E4890"), new Industry("餐饮管理", "H6210"), new Industry("房地产开发", "K7010"),
            new Industry("医药", "F5151"), new Industry("纺织", "C1711"), new Industry("化工", "C2669"),
            new Industry("电子", "C3990"), new Industry("农业发展", "A0190"), new Industry("环保科技", "N7722"),
            new Industry("文化传媒", "R8610"), new Industry("汽车销售", "F5261"), new Industry("信息技术", "I6520"),
            new Industry("能源", "D4411"), new Industry("教育咨询", "P8391"), new Industry("钢铁", "C3120"),
            new Industry("水产", "A0411"), new Industry("家具", "C2110"), new Industry("服装", "C1810"));

    static final List<String> ENTERPRISE_FORMS = List.of(
            "有限公司", "有限公司", "有限公司", "有限公司", "有限责任公司", "有限责任公司", "股份有限公司",
            "集团有限公司", "合伙企业（有限合伙）");

    static final List<String> SHOP_FORMS = List.of("店", "经营部", "商行", "门市部", "工作室");

    static final List<String> SOCIAL_FORMS = List.of("协会", "商会", "促进会", "研究会");

    static final List<String> INSTITUTION_FORMS = List.of("中心", "研究院", "检测站", "服务站");

    static final List<String> ORGANS = List.of("住房和城乡建设局", "农业农村局", "交通运输局", "文化和旅游局", "水利局");

    static final List<String> SURNAMES = List.of(
            "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
            "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "田", "董", "袁", "潘",
            "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "孔", "孟");

    static final List<String> GIVEN_CHARS = List.of(
            "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀",
            "霞", "平", "刚", "桂", "英", "华", "文", "建", "国", "志", "红", "玉", "兰", "海", "波", "宁", "晨", "辉");

    static final List<String> ROADS = List.of(
            "经十路", "泉城路", "解放路", "山大路", "工业南路", "香港中路", "辽阳西路", "长江路", "人民路", "胜利大街");

    private Vocabulary() {
    }
}
