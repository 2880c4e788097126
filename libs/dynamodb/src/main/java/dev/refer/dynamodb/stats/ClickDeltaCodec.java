package dev.refer.dynamodb.stats;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.ClickRollups.DeltaLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A click delta's counts as stored: one line per partner, month and link ({@code month TAB partnerId TAB code TAB
 * clicks}), gzip-compressed into one binary attribute. DynamoDB bills a write by the item's size, and a delta of a
 * few thousand lines shrinks to a third of its text this way. Link codes hold no tabs or newlines (LinkCode's rules).
 */
final class ClickDeltaCodec {

    private ClickDeltaCodec() {
    }

    static byte[] encode(List<DeltaLine> lines) {
        StringBuilder text = new StringBuilder(lines.size() * 48);
        for (DeltaLine line : lines) {
            text.append(line.month()).append('\t').append(line.partnerId().value()).append('\t')
                    .append(line.linkCode()).append('\t').append(line.clicks()).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void decode(byte[] encoded, Consumer<DeltaLine> lines) {
        String text;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(encoded))) {
            text = new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable click delta", e);
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String[] fields = text.substring(start, end).split("\t", -1);
            if (fields.length != 4) {
                throw new IllegalStateException("malformed click delta line: " + text.substring(start, end));
            }
            lines.accept(new DeltaLine(new PartnerId(fields[1]), YearMonth.parse(fields[0]), fields[2],
                    Long.parseLong(fields[3])));
            start = end + 1;
        }
    }

    static List<DeltaLine> decode(byte[] encoded) {
        List<DeltaLine> lines = new ArrayList<>();
        decode(encoded, lines::add);
        return lines;
    }
}
