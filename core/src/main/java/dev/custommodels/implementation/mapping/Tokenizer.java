package dev.custommodels.implementation.mapping;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a name into lower-case, accent-folded words: at separators (anything that is neither a letter nor a
 * digit), at camelCase boundaries (keeping acronym runs together: {@code HTTPServer} is {@code http server},
 * {@code customerID} is {@code customer id}), between letters and digits (digits are words of their own, so
 * {@code BILL_AMT1} is {@code bill amt 1}; numbers in brackets, such as the range in {@code Score (1-100)}, are
 * dropped) and where the script changes ({@code 顧客ID} is {@code 顧客 id}).
 */
public final class Tokenizer {
    /** Names longer than this are cut before splitting; no real name comes close. */
    static final int MAX_NAME_CHARS = 4096;
    /** At most this many words are kept from one name. */
    static final int MAX_TOKENS = 48;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Tokenizer() {
    }

    /**
     * Splits a name.
     *
     * @param name the name; may be empty
     * @return the words, lower case, accents folded; digits as their own words without leading zeros
     */
    public static List<String> split(String name) {
        String s = fold(name.length() > MAX_NAME_CHARS ? name.substring(0, MAX_NAME_CHARS) : name);
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int prev = -1;
        int n = s.length();
        int depth = 0;
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            int next = i + len < n ? s.codePointAt(i + len) : -1;
            if (!Character.isLetterOrDigit(cp)) {
                flush(cur, out, depth > 0);
                prev = -1;
                depth += cp == '(' || cp == '[' ? 1 : cp == ')' || cp == ']' ? (depth > 0 ? -1 : 0) : 0;
            } else {
                if (prev >= 0 && boundary(prev, cp, next)) {
                    flush(cur, out, depth > 0);
                }
                cur.appendCodePoint(cp);
                prev = cp;
            }
            i += len;
            if (out.size() >= MAX_TOKENS) {
                return out;
            }
        }
        flush(cur, out, depth > 0);
        return out;
    }

    /**
     * Folds a text for comparison: compatibility-normalised, accents removed.
     *
     * @param text the text
     * @return the folded text, case kept
     */
    public static String fold(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 128;
        }
        if (ascii) {
            return text;
        }
        String d = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(d).replaceAll("");
    }

    /**
     * Returns the compact form of a name: its letters and digits, folded and lower case. Two names with the same
     * compact form differ only in case, accents and separators.
     *
     * @param name the name
     * @return the compact form
     */
    public static String compact(String name) {
        String s = fold(name);
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Tells whether a word is a number.
     *
     * @param word the word
     * @return whether it is made of digits only
     */
    public static boolean isDigits(String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean boundary(int prev, int cp, int next) {
        boolean pd = Character.isDigit(prev);
        boolean cd = Character.isDigit(cp);
        if (pd != cd) {
            return true;
        }
        if (cd) {
            return false;
        }
        if (Character.UnicodeScript.of(prev) != Character.UnicodeScript.of(cp)) {
            return true;
        }
        if (Character.isLowerCase(prev) && Character.isUpperCase(cp)) {
            return true;
        }
        // End of an acronym run: "HTTPServer" breaks before the 'S' that starts "Server".
        return Character.isUpperCase(prev) && Character.isUpperCase(cp) && next >= 0 && Character.isLowerCase(next);
    }

    /** Ends the current word; numbers in brackets are units or ranges ("Score (1-100)"), not instances: dropped. */
    private static void flush(StringBuilder cur, List<String> out, boolean bracketed) {
        if (cur.length() == 0) {
            return;
        }
        String w = cur.toString().toLowerCase(Locale.ROOT);
        cur.setLength(0);
        if (isDigits(w)) {
            if (bracketed) {
                return;
            }
            String stripped = w.replaceFirst("^0+(?=.)", "");
            out.add(stripped);
        } else {
            out.add(w);
        }
    }
}
