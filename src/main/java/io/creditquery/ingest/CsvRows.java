package io.creditquery.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A streaming RFC 4180 reader (quoted fields may hold commas, quotes and line breaks) that finds the encoding the
 * way clerks' files come: UTF-8 with or without a byte-order mark, else GB18030 (what Excel saves as "CSV" on a
 * Chinese Windows). Tab-separated files are read too (the separator is taken from the first line).
 */
final class CsvRows implements TabularRows {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SAMPLE_BYTES = 1 << 20;

    private final Reader reader;
    private final Charset charset;
    private final char separator;
    private List<String> upcoming;
    private int physicalLine = 1;
    private int rowNumber;
    private int upcomingRowNumber;

    CsvRows(InputStream in, Charset forced) throws IOException {
        PushbackInputStream bytes = new PushbackInputStream(in, SAMPLE_BYTES);
        byte[] sample = bytes.readNBytes(SAMPLE_BYTES);
        int bom = sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB
                && (sample[2] & 0xFF) == 0xBF ? 3 : 0;
        bytes.unread(sample, bom, sample.length - bom);
        this.charset = forced != null ? forced : bom > 0 || isUtf8(sample) ? StandardCharsets.UTF_8 : GB18030;
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new BufferedReader(new InputStreamReader(bytes, decoder), 1 << 16);
        String head = new String(sample, bom, sample.length - bom, charset);
        int end = head.indexOf('\n');
        String firstLine = end < 0 ? head : head.substring(0, end);
        this.separator = firstLine.chars().filter(x -> x == '\t').count() > firstLine.chars().filter(x -> x == ',').count()
                ? '\t' : ',';
        this.upcoming = readRecord();
    }

    /** Whether the bytes decode as UTF-8 (a sequence cut off at the end of the sample is fine). */
    static boolean isUtf8(byte[] sample) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(sample), CharBuffer.allocate(sample.length), false);
        return !result.isError();
    }

    @Override
    public boolean hasNext() {
        return upcoming != null;
    }

    @Override
    public List<String> next() {
        if (upcoming == null) {
            throw new NoSuchElementException();
        }
        List<String> row = upcoming;
        rowNumber = upcomingRowNumber;
        upcoming = readRecord();
        return row;
    }

    @Override
    public int rowNumber() {
        return rowNumber;
    }

    @Override
    public String format() {
        return "CSV (" + (charset.equals(GB18030) ? "GB18030" : charset.name()) + ")";
    }

    private List<String> readRecord() {
        try {
            int c = reader.read();
            if (c < 0) {
                return null;
            }
            upcomingRowNumber = physicalLine;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean fieldStart = true;
            while (c >= 0) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        reader.mark(1);
                        int following = reader.read();
                        if (following == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (following >= 0) {
                                reader.reset();
                            }
                        }
                    } else {
                        physicalLine += ch == '\n' ? 1 : 0;
                        field.append(ch);
                    }
                } else if (ch == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                } else if (ch == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r') {
                        reader.mark(1);
                        if (reader.read() != '\n') {
                            reader.reset();
                        }
                    }
                    physicalLine++;
                    break;
                } else {
                    field.append(ch);
                    fieldStart = false;
                }
                c = reader.read();
            }
            fields.add(field.toString());
            return fields;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("the file is not valid " + charset.name()
                    + " near line " + physicalLine + "; save it as UTF-8 or GB18030 CSV");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
