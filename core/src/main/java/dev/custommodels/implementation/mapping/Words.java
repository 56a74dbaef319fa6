package dev.custommodels.implementation.mapping;

/** Light English stemming of single words, enough to make plurals meet their singular. */
public final class Words {
    private Words() {
    }

    /**
     * Reduces a plural to its singular: {@code categories} to {@code category}, {@code addresses} to
     * {@code address}, {@code charges} to {@code charge}; words of three letters or fewer, and words ending in
     * {@code ss}, {@code us} or {@code is}, are kept.
     *
     * @param w a lower-case word
     * @return the stem
     */
    public static String stem(String w) {
        int n = w.length();
        if (n <= 3 || !w.endsWith("s") || Tokenizer.isDigits(w)) {
            return w;
        }
        if (w.endsWith("ies") && n > 4) {
            return w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            return w.substring(0, n - 2);
        }
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) {
            return w;
        }
        return w.substring(0, n - 1);
    }

    /**
     * Computes the Damerau (optimal string alignment) distance, giving up early.
     *
     * @param a one word
     * @param b another word
     * @param max the largest distance of interest
     * @return the distance, or {@code max + 1} when it is larger than {@code max}
     */
    public static int distance(String a, String b, int max) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > max) {
            return max + 1;
        }
        int[] prev2 = new int[lb + 1];
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= lb; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[lb], max + 1);
    }
}
