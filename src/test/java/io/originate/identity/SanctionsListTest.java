package io.originate.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class SanctionsListTest {

    final SanctionsList list =
            new SanctionsList(new ScreeningSettings(new ClassPathResource("screening/sanctions-list.csv"), 0.88));

    @Test
    void aListedNationalIdIsAHitWhateverTheName() {
        SanctionsList.Screening s = list.screen("李四", "440301197001010136");
        assertThat(s.outcome()).isEqualTo(SanctionsList.Outcome.HIT);
        assertThat(s.listId()).isEqualTo("SL-0001");
    }

    @Test
    void exactAndTransliteratedNamesArePossibleMatches() {
        assertThat(list.screen("赵敏", "110101199003070011").outcome()).isEqualTo(SanctionsList.Outcome.POSSIBLE_MATCH);
        assertThat(list.screen("ZHAO MIN", "110101199003070011").outcome())
                .isEqualTo(SanctionsList.Outcome.POSSIBLE_MATCH);
        assertThat(list.screen("Chao Min", "110101199003070011").outcome())
                .isEqualTo(SanctionsList.Outcome.POSSIBLE_MATCH);
    }

    @Test
    void aChineseListNameMeetsItsPinyinAndAPinyinListNameMeetsChinese() {
        SanctionsList.Screening latin = list.screen("Sun Wukong", "110101199003070011");
        assertThat(latin.outcome()).isEqualTo(SanctionsList.Outcome.POSSIBLE_MATCH);
        assertThat(latin.listId()).isEqualTo("SL-0005");
        SanctionsList.Screening chinese = list.screen("维克多", "110101199003070011");
        assertThat(chinese.outcome()).isEqualTo(SanctionsList.Outcome.CLEAR);
        assertThat(Transliteration.pinyin("赵敏")).isEqualTo("zhaomin");
    }

    @Test
    void aNearMissOfALatinNameIsAPossibleMatch() {
        SanctionsList.Screening s = list.screen("Viktor Sandbokov", "110101199003070011");
        assertThat(s.outcome()).isEqualTo(SanctionsList.Outcome.POSSIBLE_MATCH);
        assertThat(s.score()).isBetween(0.88, 0.99);
    }

    @Test
    void aSharedCommonSurnameIsNotAMatch() {
        assertThat(list.screen("王芳", "110101199003070011").outcome()).isEqualTo(SanctionsList.Outcome.CLEAR);
        assertThat(list.screen("Wang Fang", "110101199003070011").outcome()).isEqualTo(SanctionsList.Outcome.CLEAR);
        assertThat(list.screen("王建", "110101199003070011").outcome())
                .as("a truncated listed name is worth a look")
                .isEqualTo(SanctionsList.Outcome.POSSIBLE_MATCH);
    }

    @Test
    void anUnrelatedNameIsClear() {
        assertThat(list.screen("李明", "110101199003070011").outcome()).isEqualTo(SanctionsList.Outcome.CLEAR);
        assertThat(list.screen("Li Ming", "110101199003070011").outcome()).isEqualTo(SanctionsList.Outcome.CLEAR);
    }

    @Test
    void aMalformedListFailsLoudlyWithTheLine() {
        var bad = new ByteArrayResource(
                "listId,nameZh,nameLatin,aliases,nationalId,source,listedOn\nSL-1,张三,Zhang San,,,List,yesterday\n"
                        .getBytes());
        assertThatThrownBy(() -> new SanctionsList(new ScreeningSettings(bad, 0.88)))
                .hasMessageContaining("line 2: listedOn must be a date");
    }
}
