package jp.tsunagu.platform.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An uploaded CSV file as spreadsheet software in Japan saves it: UTF-8 (with or without BOM) or
 * Shift_JIS (Windows-31J, Excel's "CSV"), detected by decoding strictly and refused clearly if
 * neither fits; then parsed with its header row. Every import (postings, the directory) reads its
 * file here, so they detect and refuse alike.
 */
public final class CsvUpload {

    private CsvUpload() {
    }

    /** The decoded, parsed file: the encoding found, the header's column names and the lines after it. */
    public record Parsed(String encoding, List<String> header, List<CSVRecord> records) {
    }

    /**
     * Decodes and parses {@code bytes}; a 400 on the field {@code file} names what is wrong: empty
     * ({@code required}), too large, not UTF-8 nor Shift_JIS ({@code encoding}), not CSV
     * ({@code csv-format}), a header with unknown or without required columns ({@code csv-header}),
     * or more lines than {@code maxLines} ({@code too-many-lines}).
     */
    public static Parsed parse(byte[] bytes, int maxBytes, int maxLines, Collection<String> columns, Collection<String> required) {
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.field("file", "required");
        }
        if (bytes.length > maxBytes) {
            throw ProblemException.field("file", "too-long");
        }
        String encoding;
        String text;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            text = strict(Arrays.copyOfRange(bytes, 3, bytes.length), StandardCharsets.UTF_8);
            encoding = "UTF-8";
        } else {
            text = strict(bytes, StandardCharsets.UTF_8);
            encoding = "UTF-8";
            if (text == null) {
                text = strict(bytes, Charset.forName("windows-31j"));
                encoding = "Shift_JIS";
            }
        }
        if (text == null || text.indexOf('\0') >= 0) {
            throw ProblemException.field("file", "encoding");
        }
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build().parse(new StringReader(text))) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // an unterminated quote surfaces from getRecords() as an UncheckedIOException; a repeated header name as IllegalArgumentException
            throw ProblemException.field("file", "csv-format");
        }
        if (header.stream().anyMatch(h -> !columns.contains(h)) || !header.containsAll(required)) {
            throw ProblemException.field("file", "csv-header");
        }
        if (records.size() > maxLines) {
            throw ProblemException.field("file", "too-many-lines");
        }
        return new Parsed(encoding, header, records);
    }

    /** The cell of {@code column} in a line: null when the column is absent, the cell empty, or blank. */
    public static String cell(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String s = r.get(column);
        if (s.isBlank()) {
            return null;
        }
        // a cell our own export defused (CsvText.cell: a leading apostrophe before = + - @) reads as it was
        if (s.length() > 1 && s.charAt(0) == '\'' && "=+-@".indexOf(s.charAt(1)) >= 0) {
            return s.substring(1);
        }
        return s;
    }

    static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
