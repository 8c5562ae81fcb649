package io.originate.privacy;

/** How personal data is shown: only enough for the owner to recognise it. */
public final class Masking {

    private Masking() {}

    /** 张伟 → 张*, Zhang Wei → Z********. */
    public static String name(String fullName) {
        if (fullName == null || fullName.isEmpty()) {
            return "";
        }
        int first = fullName.codePointAt(0);
        int rest = fullName.codePointCount(0, fullName.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
    }

    /** 11010519491231002X → 110105********002X. */
    public static String nationalId(String id) {
        if (id == null || id.length() < 10) {
            return "****";
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** 13800138000 → 138****8000. */
    public static String mobile(String mobile) {
        if (mobile == null || mobile.length() < 7) {
            return "****";
        }
        return mobile.substring(0, 3) + "*".repeat(mobile.length() - 7) + mobile.substring(mobile.length() - 4);
    }
}
