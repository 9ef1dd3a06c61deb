package io.creditquery.common;

/**
 * Text rules shared by every input: no control or invisible (format) characters, nothing that was not UTF-8, no
 * half of a surrogate pair.
 */
public final class TextChecks {

    private static final char REPLACEMENT = '\uFFFD';

    private TextChecks() {
    }

    /** The reason {@code text} is refused, or null if it is clean. */
    public static String refusedCharacter(String text) {
        return refused(text, false);
    }

    /**
     * The same rules for text that may run over several lines (the facts and basis of a penalty as a clerk typed
     * them into one spreadsheet cell): line breaks and tabs are allowed there.
     */
    public static String refusedInMultilineText(String text) {
        return refused(text, true);
    }

    private static String refused(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return String.format("contains the control or invisible character U+%04X at position %d", (int) c, i + 1);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                if (Character.getType(codePoint) == Character.FORMAT) {
                    // tag characters (U+E0001, U+E0020–E007F) and the like: invisible look-alikes
                    return String.format("contains the invisible character U+%X at position %d", codePoint, i + 1);
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                // A JSON escape such as \ud800 on its own: no character at all, and UTF-8 cannot store it.
                return String.format("contains the lone UTF-16 surrogate U+%04X at position %d", (int) c, i + 1);
            }
            if (c == REPLACEMENT) {
                // Decoders put U+FFFD where the bytes were not valid UTF-8; nobody types it on purpose.
                return String.format("is not valid UTF-8 (U+FFFD at position %d)", i + 1);
            }
        }
        return null;
    }
}
