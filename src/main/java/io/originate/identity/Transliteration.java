package io.originate.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/** The forms in which a name is compared: normalised as written, and for Chinese names in toneless pinyin. */
final class Transliteration {

    private static final HanyuPinyinOutputFormat PINYIN = new HanyuPinyinOutputFormat();

    static {
        PINYIN.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        PINYIN.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        PINYIN.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Transliteration() {}

    static List<String> keys(String name) {
        List<String> keys = new ArrayList<>();
        String written = normalise(name);
        keys.add(written);
        if (written.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            keys.add(pinyin(written));
        }
        return keys;
    }

    /** Width-folded, lower-case, without spaces, dots, hyphens or the middle dot of transliterated names. */
    static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s.·・\\-'’]", "");
    }

    /** Each Chinese character by its first reading (surnames such as 单 may read otherwise). */
    static String pinyin(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            String[] readings;
            try {
                readings = PinyinHelper.toHanyuPinyinStringArray(c, PINYIN);
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
            out.append(readings == null || readings.length == 0 ? String.valueOf(c) : readings[0]);
        }
        return out.toString();
    }
}
