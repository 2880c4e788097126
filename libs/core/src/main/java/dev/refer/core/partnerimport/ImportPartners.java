package dev.refer.core.partnerimport;

import dev.refer.core.application.ApplicationBook;
import dev.refer.core.application.FirstLink;
import dev.refer.core.application.OnboardingMail;
import dev.refer.core.application.PartnerEmails;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.basics.validation.Rules;
import dev.refer.core.link.CreateLink;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.link.LinkLookup;
import dev.refer.core.partner.ChangePartnerStatus;
import dev.refer.core.partner.CreatePartner;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.DestinationPolicy;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A program moving from another tool brings its partners: one row per partner (found by email), with the codes its
 * links already carry, so every link already printed keeps working. Importing a file again changes nothing; a row
 * that differs from the stored partner updates its name, company, status and own plan, and says what changed. Codes
 * are only added, never moved: a code another partner holds rejects the row. Each row is validated and checked
 * against the table before anything is written, so a rejected row stores nothing; the partner and its links are
 * written by the same use cases as the admin API's ({@link CreatePartner}, {@link CreateLink},
 * {@link ChangePartnerStatus}), under their uniqueness rules (one partner per email, one link per code).
 */
public final class ImportPartners {

    /** Rows per request: an import runs inside one admin API invocation. A bigger program sends several files. */
    public static final int MAX_ROWS = 100;
    public static final int MAX_CODES_PER_ROW = 20;
    /**
     * Codes per request: with the rows' own reads and writes, at most about 1,100 DynamoDB calls, a few seconds
     * within the admin API's timeout.
     */
    public static final int MAX_CODES_PER_REQUEST = 200;
    public static final String CODE_SEPARATOR = "|";
    static final int MAX_NAME = 200;
    static final int MAX_COMPANY = 200;

    /**
     * One data row of the file.
     *
     * @param line      the row's line number in the file (the header is line 1), as an editor shows it
     * @param cells     the row's cells by column, as read
     * @param cellCount how many cells the row had: a row that does not match the header is refused
     */
    public record Row(int line, Map<ImportColumn, String> cells, int cellCount) {
        public Row {
            cells = Collections.unmodifiableMap(new HashMap<>(cells));
        }

        String text(ImportColumn column) {
            return Rules.text(cells.get(column));
        }

        long codeCount() {
            String codes = cells.get(ImportColumn.CODES);
            return codes == null ? 0 : Arrays.stream(codes.split("\\|")).filter(c -> !c.isBlank()).count();
        }

        boolean blank() {
            return cells.values().stream().allMatch(v -> v == null || v.isBlank());
        }
    }

    /**
     * @param columns the header's columns, in its order
     * @param invite  send each active partner of the file the invitation (through the onboarding mail, once per
     *                partner whatever the retries)
     */
    public record Command(List<ImportColumn> columns, List<Row> rows, boolean invite) {
        public Command {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            Rules.check()
                    .require(columns.contains(ImportColumn.EMAIL), "email", "the header must name an email column")
                    .require(columns.contains(ImportColumn.NAME), "name", "the header must name a name column")
                    .require(new LinkedHashSet<>(columns).size() == columns.size(), "header",
                            "names a column twice")
                    .require(rows.size() <= MAX_ROWS, "rows", "at most " + MAX_ROWS + " rows per request")
                    .require(rows.stream().mapToLong(Row::codeCount).sum() <= MAX_CODES_PER_REQUEST, "codes",
                            "at most " + MAX_CODES_PER_REQUEST + " codes per request: send the file in several parts")
                    .orThrow();
        }
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    /** What is wrong with a row: the column (or {@code row}) and the rule it broke. */
    public record RowError(String column, String rule) {
    }

    /**
     * @param partnerId  null when rejected before a partner was found or made
     * @param changed    what an update changed: {@code name}, {@code company}, {@code status}, {@code plan},
     *                   {@code codes}
     * @param codesAdded the links made for the row's new codes
     * @param errors     why the row was refused (nothing of it stored); or, next to a stored partner, a code another
     *                   partner took while the row was written
     */
    public record RowReport(int line, String email, Outcome outcome, PartnerId partnerId, List<String> changed,
                            List<String> codesAdded, boolean invited, List<RowError> errors) {
    }

    public sealed interface Result {
        record Imported(List<RowReport> rows) implements Result {
            public long count(Outcome outcome) {
                return rows.stream().filter(r -> r.outcome() == outcome).count();
            }

            /** True when every row was refused: nothing was stored. */
            public boolean nothingImported() {
                return rows.stream().allMatch(r -> r.outcome() == Outcome.REJECTED);
            }
        }

        record ProgramNotConfigured() implements Result {
        }
    }

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerEmails emails;
    private final PartnerRepository partners;
    private final LinkLookup links;
    private final ApplicationBook onboarding;
    private final PartnerDetails details;
    private final CreatePartner createPartner;
    private final CreateLink createLink;
    private final ChangePartnerStatus changeStatus;
    private final OnboardingMail mail;

    public ImportPartners(ProgramId programId, ProgramRepository programs, PartnerEmails emails,
                          PartnerRepository partners, LinkLookup links, ApplicationBook onboarding,
                          PartnerDetails details, CreatePartner createPartner, CreateLink createLink,
                          ChangePartnerStatus changeStatus, OnboardingMail mail) {
        this.programId = programId;
        this.programs = programs;
        this.emails = emails;
        this.partners = partners;
        this.links = links;
        this.onboarding = onboarding;
        this.details = details;
        this.createPartner = createPartner;
        this.createLink = createLink;
        this.changeStatus = changeStatus;
        this.mail = mail;
    }

    public Result importRows(Command command) {
        Program program = programs.find(programId).orElse(null);
        if (program == null) {
            return new Result.ProgramNotConfigured();
        }
        FileSeen seen = new FileSeen();
        List<RowReport> reports = new ArrayList<>();
        for (Row row : command.rows()) {
            if (!row.blank()) {
                reports.add(importRow(row, command, program, seen));
            }
        }
        return new Result.Imported(List.copyOf(reports));
    }

    /** What earlier rows of the same file claimed: an email or a code named twice is a mistake in the file. */
    private static final class FileSeen {
        final Map<EmailAddress, Integer> emails = new HashMap<>();
        final Map<String, Claim> codes = new HashMap<>();

        record Claim(EmailAddress email, int line) {
        }
    }

    /** A row that passed its own rules: the values it states, and which of them the file states at all. */
    private record Parsed(EmailAddress email, String name, String company, PartnerStatus status,
                          CommissionPlan plan, List<LinkCode> codes, String destination) {
    }

    private RowReport importRow(Row row, Command command, Program program, FileSeen seen) {
        List<RowError> errors = new ArrayList<>();
        Parsed parsed = parse(row, command.columns(), program, seen, errors);
        if (!errors.isEmpty()) {
            return rejected(row, errors);
        }
        Optional<Partner> existing = emails.partnerOf(parsed.email()).flatMap(partners::find);
        List<LinkCode> toAdd = new ArrayList<>();
        for (LinkCode code : parsed.codes()) {
            Optional<Link> link = links.find(code);
            if (link.isEmpty()) {
                toAdd.add(code);
            } else if (existing.isEmpty() || !link.get().partnerId().equals(existing.get().id())) {
                errors.add(new RowError("codes", code + " belongs to another partner ("
                        + link.get().partnerId() + "): a code is never moved"));
            }
        }
        String destination = null;
        if (!toAdd.isEmpty()) {
            destination = parsed.destination() != null ? parsed.destination()
                    : FirstLink.destination(program, onboarding.settings());
            if (destination == null) {
                errors.add(new RowError("destination", "is required for new codes: the program names no default "
                        + "(the onboarding settings' firstLinkDestination, an allowed form origin or destination host)"));
            } else {
                try {
                    DestinationPolicy.validate(destination, program.allowedDestinationHosts());
                } catch (Invalid e) {
                    e.violations().forEach(v -> errors.add(new RowError("destination", v.rule())));
                }
            }
        }
        if (!errors.isEmpty()) {
            return rejected(row, errors);
        }
        return write(row, command, parsed, existing, toAdd, destination);
    }

    private RowReport write(Row row, Command command, Parsed parsed, Optional<Partner> existing,
                            List<LinkCode> toAdd, String destination) {
        Set<ImportColumn> columns = Set.copyOf(command.columns());
        List<String> changed = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Outcome outcome;
        Partner partner;
        if (existing.isEmpty()) {
            PartnerStatus first = parsed.status() == PartnerStatus.SUSPENDED ? PartnerStatus.PENDING : parsed.status();
            CreatePartner.Result created = createPartner.create(new CreatePartner.Command(parsed.name(),
                    parsed.email(), parsed.company(), first, parsed.plan()));
            if (created instanceof CreatePartner.Result.Created made) {
                outcome = Outcome.CREATED;
                partner = made.partner();
                if (parsed.status() == PartnerStatus.SUSPENDED) {
                    // a new partner is PENDING or ACTIVE; one suspended in the old tool is suspended at once, before
                    // any link of it exists
                    partner = changeStatus.change(partner.id(), PartnerStatus.SUSPENDED).orElseThrow();
                }
            } else {
                // the same email was imported meanwhile (a concurrent import of the same file): update that one
                partner = emails.partnerOf(parsed.email()).flatMap(partners::find).orElseThrow(
                        () -> new IllegalStateException("a partner's email guard names no partner"));
                outcome = null;
            }
        } else {
            partner = existing.get();
            outcome = null;
        }
        if (outcome == null) {
            String company = columns.contains(ImportColumn.COMPANY) ? parsed.company() : partner.company();
            CommissionPlan plan = columns.contains(ImportColumn.PLAN) ? parsed.plan() : partner.planOverride();
            if (!parsed.name().equals(partner.name())) {
                changed.add("name");
            }
            if (!Objects.equals(company, partner.company())) {
                changed.add("company");
            }
            if (!Objects.equals(plan, partner.planOverride())) {
                changed.add("plan");
            }
            if (!changed.isEmpty()) {
                partner = details.update(partner.id(), parsed.name(), company, plan).orElseThrow();
            }
            if (parsed.status() != null && parsed.status() != partner.status()) {
                // before the new links, so they are made with the partner's new standing
                partner = changeStatus.change(partner.id(), parsed.status()).orElseThrow();
                changed.add("status");
            }
        }
        List<String> added = new ArrayList<>();
        for (LinkCode code : toAdd) {
            switch (createLink.create(new CreateLink.Command(partner.id(), code.value(), destination, null))) {
                case CreateLink.Result.Created made -> added.add(made.link().code().value());
                case CreateLink.Result.CodeTaken ignored -> {
                    PartnerId owner = links.find(code).map(Link::partnerId).orElse(null);
                    if (!partner.id().equals(owner)) {
                        errors.add(new RowError("codes", code + " was taken by another partner while this row "
                                + "was imported: a code is never moved"));
                    }
                }
                case CreateLink.Result.PartnerNotFound ignored ->
                        throw new IllegalStateException("the partner of an imported link is gone");
                case CreateLink.Result.ProgramNotConfigured ignored ->
                        throw new IllegalStateException("the program went away during an import");
            }
        }
        if (outcome == null) {
            if (!added.isEmpty()) {
                changed.add("codes");
            }
            outcome = changed.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED;
        }
        boolean invited = command.invite() && partner.isActive();
        if (invited) {
            mail.invited(partner.id());
        }
        return new RowReport(row.line(), parsed.email().value(), outcome, partner.id(), List.copyOf(changed),
                List.copyOf(added), invited, List.copyOf(errors));
    }

    private static RowReport rejected(Row row, List<RowError> errors) {
        return new RowReport(row.line(), row.text(ImportColumn.EMAIL), Outcome.REJECTED, null, List.of(), List.of(),
                false, List.copyOf(errors));
    }

    /** The row's own rules, and the file's: each broken rule is one error naming its column. */
    private static Parsed parse(Row row, List<ImportColumn> columns, Program program, FileSeen seen,
                                List<RowError> errors) {
        if (row.cellCount() != columns.size()) {
            errors.add(new RowError("row", "has " + row.cellCount() + " cells; the header names " + columns.size()));
            return null;
        }
        EmailAddress email = field(errors, "email", () -> new EmailAddress(row.text(ImportColumn.EMAIL)));
        String name = row.text(ImportColumn.NAME);
        text(errors, "name", name, MAX_NAME, true);
        String company = row.text(ImportColumn.COMPANY);
        text(errors, "company", company, MAX_COMPANY, false);
        String statusText = row.text(ImportColumn.STATUS);
        PartnerStatus status = statusText == null ? null : field(errors, "status", () -> status(statusText));
        CommissionPlan plan = field(errors, "plan", () -> PlanText.parse(row.text(ImportColumn.PLAN),
                program.currency()));
        List<LinkCode> codes = codes(row.text(ImportColumn.CODES), errors);
        String destination = row.text(ImportColumn.DESTINATION);
        if (email != null) {
            Integer earlier = seen.emails.putIfAbsent(email, row.line());
            if (earlier != null) {
                errors.add(new RowError("email", "repeats the email of line " + earlier));
            }
            for (LinkCode code : codes) {
                FileSeen.Claim claim = seen.codes.putIfAbsent(code.value(), new FileSeen.Claim(email, row.line()));
                if (claim != null && !claim.email().equals(email)) {
                    errors.add(new RowError("codes", code + " is listed for another partner on line " + claim.line()));
                }
            }
        }
        return new Parsed(email, name, company, status, plan, codes, destination);
    }

    /**
     * The cell's codes, exactly as written (codes are case-sensitive, as the redirect looks them up): split on
     * {@code |}, each stripped, the same code twice kept once.
     */
    private static List<LinkCode> codes(String cell, List<RowError> errors) {
        if (cell == null) {
            return List.of();
        }
        Set<String> texts = new LinkedHashSet<>();
        for (String part : cell.split("\\|", -1)) {
            String code = part.strip();
            if (!code.isEmpty()) {
                texts.add(code);
            }
        }
        if (texts.size() > MAX_CODES_PER_ROW) {
            errors.add(new RowError("codes", "at most " + MAX_CODES_PER_ROW + " codes per partner in one row"));
            return List.of();
        }
        List<LinkCode> codes = new ArrayList<>();
        for (String text : texts) {
            try {
                codes.add(LinkCode.chosen(text));
            } catch (Invalid e) {
                String shown = text.length() > 70 ? text.substring(0, 70) + "…" : text;
                e.violations().forEach(v -> errors.add(new RowError("codes", "\"" + shown + "\" " + v.rule())));
            }
        }
        return codes;
    }

    private static void text(List<RowError> errors, String column, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new RowError(column, "is required"));
            }
            return;
        }
        if (value.length() > max) {
            errors.add(new RowError(column, "must be at most " + max + " characters"));
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new RowError(column, "must not contain control characters (line breaks included)"));
        }
    }

    private static <T> T field(List<RowError> errors, String column, java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (Invalid e) {
            e.violations().forEach(v -> errors.add(new RowError(column, v.rule())));
            return null;
        }
    }

    private static PartnerStatus status(String text) {
        try {
            return PartnerStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Invalid.field("status", "must be one of PENDING, ACTIVE, SUSPENDED (blank: ACTIVE for a new partner, "
                    + "unchanged for a stored one)");
        }
    }
}
