package io.creditquery.demo;

/** A minimal JSON object writer for the generator, which runs without the service (plain java, no libraries). */
final class NdjsonObject {

    private final StringBuilder out = new StringBuilder(256).append('{');
    private boolean first = true;

    NdjsonObject put(String name, Object value) {
        if (value == null) {
            return this;
        }
        out.append(first ? "" : ",");
        first = false;
        quote(name);
        out.append(':');
        if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof NdjsonObject nested) {
            out.append(nested);
        } else {
            quote(value.toString());
        }
        return this;
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out + "}";
    }
}
