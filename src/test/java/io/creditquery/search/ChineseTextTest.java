package io.creditquery.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChineseTextTest {

    @Test
    void partsSplitRegionCoreAndForm() {
        ChineseText.NameParts parts = ChineseText.parts("济南华信建材有限公司");
        assertEquals("济南华信建材有限公司", parts.compact());
        assertEquals("济南", parts.region());
        assertEquals("华信建材", parts.core());
    }

    @Test
    void nestedRegionsAreStrippedAndTheirProvinceAndCityWordsDropped() {
        ChineseText.NameParts parts = ChineseText.parts("山东省济南市华信建材股份有限公司");
        assertEquals("山东济南", parts.region());
        assertEquals("华信建材", parts.core());
    }

    @Test
    void aNameWithoutRegionHasAnEmptyRegion() {
        ChineseText.NameParts parts = ChineseText.parts("华信建材经营部");
        assertEquals("", parts.region());
        assertEquals("华信建材", parts.core());
    }

    @Test
    void fullWidthCharactersAndSpacesAreNormalisedFirst() {
        ChineseText.NameParts parts = ChineseText.parts("济南　ＡＢＣ 建材有限公司");
        assertEquals("济南ABC建材有限公司", parts.compact());
        assertEquals("ABC建材", parts.core());
    }

    @Test
    void initialVariantsCoverFullCoreAndRegionPlusCore() {
        assertEquals(List.of("jnhxjcyxgs", "hxjc", "jnhxjc"),
                ChineseText.initialVariants(ChineseText.parts("济南华信建材有限公司")));
        assertEquals(List.of("hxjcjyb", "hxjc"), ChineseText.initialVariants(ChineseText.parts("华信建材经营部")));
    }

    @Test
    void bigramsOverlapAndLowerCase() {
        assertEquals("华信 信a ab", ChineseText.bigrams("华信AB"));
        assertEquals("华", ChineseText.bigrams("华"));
    }

    @Test
    void segmentPinyinOffersBothReadingsWhenAmbiguous() {
        assertEquals(List.of(List.of("hua", "xin", "jian", "cai")), ChineseText.segmentPinyin("huaxin jiancai"));
        assertEquals(2, ChineseText.segmentPinyin("zhuangan").size());
        assertEquals(List.of(), ChineseText.segmentPinyin("hxjc"));
    }
}
