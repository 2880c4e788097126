package dev.refer.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.partnerimport.ImportColumn;
import dev.refer.core.partnerimport.ImportPartners;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Problem;
import dev.refer.lambda.ProblemException;
import dev.refer.lambda.Problems;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code POST /admin/partners/import}: a CSV file of partners ({@code text/csv}, UTF-8, a header row naming the
 * columns) read with Commons CSV into rows for {@link ImportPartners}, and its per-row report back. A file the
 * parser cannot read is a 400 naming the line; every row refused is a 422 (nothing was stored); otherwise 200 with
 * what each row did.
 */
final class ImportRoutes {

    /** About 100 rows of partners with a few codes each, with room to spare. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .setMaxRows(ImportPartners.MAX_ROWS + 2L)
            .get();

    private final ImportPartners importPartners;
    private final boolean canInvite;

    ImportRoutes(ImportPartners importPartners, boolean canInvite) {
        this.importPartners = importPartners;
        this.canInvite = canInvite;
    }

    APIGatewayV2HTTPResponse importPartners(HttpRequest request) {
        if (!request.mediaType().equals("text/csv")) {
            throw new ProblemException(Problems.unsupportedMediaType("text/csv (UTF-8)"));
        }
        String charset = charset(request);
        if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
            throw new ProblemException(Problems.unsupportedMediaType("text/csv in UTF-8 (charset=" + charset + ")"));
        }
        if (request.body().length > MAX_BODY_BYTES) {
            throw new ProblemException(Problem.of(413, "body-too-large", "The file is too large",
                    "An import takes at most " + MAX_BODY_BYTES + " bytes and " + ImportPartners.MAX_ROWS
                            + " rows: send a bigger file in several requests (each with the header row)."));
        }
        boolean invite = invite(request);
        if (invite && !canInvite) {
            throw new ProblemException(Problem.of(503, "no-mail-queue", "No mail queue",
                    "This environment has no mail queue (MAIL_QUEUE_URL): no invitation can go. Import without "
                            + "invite=true."));
        }
        ImportPartners.Command command = read(utf8(request.body()), invite);
        return switch (importPartners.importRows(command)) {
            case ImportPartners.Result.ProgramNotConfigured ignored ->
                    HttpResponse.problem(Problems.programNotConfigured());
            case ImportPartners.Result.Imported imported -> imported.nothingImported() && !imported.rows().isEmpty()
                    ? allRejected(imported) : HttpResponse.json(200, report(imported));
        };
    }

    /** The header row, then one {@link ImportPartners.Row} per record, each with the line it starts on. */
    static ImportPartners.Command read(String text, boolean invite) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark, as spreadsheets write it
        }
        LineIndex lines = new LineIndex(text);
        List<CSVRecord> records;
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            records = new ArrayList<>();
            try {
                parser.forEach(records::add);
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new ProblemException(Problem.invalidField("body", "is not valid CSV near line "
                        + (parser.getCurrentLineNumber() + 1) + ": " + reason(e)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (records.isEmpty()) {
            throw new ProblemException(Problem.invalidField("body", "is empty: send a header row and one row per "
                    + "partner"));
        }
        if (records.size() > ImportPartners.MAX_ROWS + 1) {
            throw new ProblemException(Problem.of(413, "too-many-rows", "Too many rows",
                    "An import takes at most " + ImportPartners.MAX_ROWS + " rows: send a bigger file in several "
                            + "requests (each with the header row)."));
        }
        List<ImportColumn> columns = header(records.getFirst());
        List<ImportPartners.Row> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
            for (int i = 0; i < columns.size() && i < record.size(); i++) {
                cells.put(columns.get(i), record.get(i));
            }
            rows.add(new ImportPartners.Row(lines.lineOf(record.getCharacterPosition()), cells, record.size()));
        }
        if (rows.isEmpty()) {
            throw new ProblemException(Problem.invalidField("body", "has a header and no partner rows"));
        }
        return new ImportPartners.Command(columns, rows, invite);
    }

    private static List<ImportColumn> header(CSVRecord header) {
        List<ImportColumn> columns = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String name : header) {
            ImportColumn column = ImportColumn.ofHeader(name).orElse(null);
            if (column == null) {
                String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
                errors.add(new Problem.FieldError("header", "names an unknown column \"" + shown + "\"; the columns "
                        + "are " + Arrays.stream(ImportColumn.values()).map(ImportColumn::header)
                        .collect(Collectors.joining(", ")) + " (comma-separated)"));
            }
            columns.add(column);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation(errors));
        }
        return columns;
    }

    /** The body as UTF-8, refusing bytes that are not (a file saved as Latin-1 would turn names into garbage). */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.invalidField("body", "must be UTF-8 text"));
        }
    }

    private static String charset(HttpRequest request) {
        String type = request.header("content-type").orElse("");
        for (String parameter : type.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                return pair[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static boolean invite(HttpRequest request) {
        String value = request.query("invite").orElse("false");
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ProblemException(Problem.invalidField("invite", "must be true or false"));
        };
    }

    private static String reason(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "unreadable" : cause.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    private static Map<String, Object> report(ImportPartners.Result.Imported imported) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (ImportPartners.Outcome outcome : ImportPartners.Outcome.values()) {
            body.put(outcome.name().toLowerCase(Locale.ROOT), imported.count(outcome));
        }
        body.put("rows", imported.rows().stream().map(ImportRoutes::row).toList());
        return body;
    }

    private static Map<String, Object> row(ImportPartners.RowReport row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line", row.line());
        json.put("email", row.email());
        json.put("outcome", row.outcome().name().toLowerCase(Locale.ROOT));
        json.put("partnerId", row.partnerId() == null ? null : row.partnerId().value());
        json.put("changed", row.changed());
        json.put("codesAdded", row.codesAdded());
        json.put("invited", row.invited());
        json.put("errors", row.errors().stream().map(e -> Map.of("column", e.column(), "rule", e.rule())).toList());
        return json;
    }

    /**
     * Every row refused, nothing stored: a 422 problem whose {@code errors} name each row's line and column, with
     * the same per-row report as a 200 under {@code rows}.
     */
    private static APIGatewayV2HTTPResponse allRejected(ImportPartners.Result.Imported imported) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ImportPartners.RowReport row : imported.rows()) {
            row.errors().forEach(e -> errors.add(new Problem.FieldError("line " + row.line() + ": " + e.column(),
                    e.rule())));
        }
        Problem problem = new Problem(422, Problem.TYPE_BASE + "import-rejected", "No row could be imported",
                "Every row was refused (" + imported.rows().size() + "); nothing was stored.", errors);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("errors", problem.errors());
        body.putAll(report(imported));
        return HttpResponse.of(422, Map.of("content-type", HttpResponse.PROBLEM_JSON), LambdaJson.write(body));
    }

    /** Where each line starts, so a record (which may span lines inside quotes) is reported by its first line. */
    private static final class LineIndex {
        private final int[] starts;
        private final String text;

        LineIndex(String text) {
            this.text = text;
            List<Integer> list = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                    list.add(i + 1);
                }
            }
            starts = list.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The line of the record read from {@code position}: past the empty lines the parser skipped there. */
        int lineOf(long position) {
            int start = (int) position;
            while (start < text.length() && (text.charAt(start) == '\r' || text.charAt(start) == '\n')) {
                start++;
            }
            int index = Arrays.binarySearch(starts, start);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
