package io.creditquery.common;

/** Text rules shared by every input: no control or invisible (format) characters. */
public final class TextChecks {

    private TextChecks() {
    }

    /** The reason {@code text} is refused, or null if it is clean. */
    public static String invisibleCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return String.format("contains the control or invisible character U+%04X at position %d", (int) c, i + 1);
            }
        }
        return null;
    }
}
