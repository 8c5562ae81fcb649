package io.originate.identity;

/**
 * Jaro similarity of two strings, by code point: 1.0 for equal, 0.0 for nothing in common. The
 * Winkler bonus for a shared prefix is left out on purpose: in Chinese names the prefix is the
 * surname, shared by millions, and the bonus would flag every Wang against every listed Wang.
 */
final class Jaro {

    private Jaro() {}

    static double similarity(String s1, String s2) {
        int[] a = s1.codePoints().toArray();
        int[] b = s2.codePoints().toArray();
        if (a.length == 0 || b.length == 0) {
            return a.length == b.length ? 1.0 : 0.0;
        }
        int window = Math.max(0, Math.max(a.length, b.length) / 2 - 1);
        boolean[] matchedA = new boolean[a.length];
        boolean[] matchedB = new boolean[b.length];
        int matches = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
                if (!matchedB[j] && a[i] == b[j]) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        for (int i = 0, k = 0; i < a.length; i++) {
            if (matchedA[i]) {
                while (!matchedB[k]) {
                    k++;
                }
                if (a[i] != b[k]) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        return (m / a.length + m / b.length + (m - transpositions / 2.0) / m) / 3.0;
    }
}
