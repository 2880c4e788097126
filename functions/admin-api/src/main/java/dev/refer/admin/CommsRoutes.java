package dev.refer.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.comms.broadcast.Broadcast;
import dev.refer.core.comms.broadcast.BroadcastBook;
import dev.refer.core.comms.broadcast.Broadcasts;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.consent.Choice;
import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.CommsSettingsRepository;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.broadcast.Broadcast;
import dev.refer.core.comms.broadcast.BroadcastBook;
import dev.refer.core.comms.broadcast.Broadcasts;
import dev.refer.core.comms.consent.Choice;
import dev.refer.core.comms.consent.Preferences;
import dev.refer.core.comms.consent.PreferencesRepository;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.MailingRuns;
import dev.refer.core.comms.mailing.RunMailing;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.payout.PayoutCalendar;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Parameters;
import dev.refer.lambda.Problem;
import dev.refer.lambda.Problems;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Partner communications in the admin API: the mail settings (guidance material, the month's note, top partners,
 * the sales address), a partner's preferences, broadcasts (draft with preview, send, counts), check-in runs. Mail
 * itself goes out through the mail queue: this function sends none.
 */
final class CommsRoutes {

    private final CommsSettingsRepository settings;
    private final PreferencesRepository preferences;
    private final PartnerRepository partners;
    private final BroadcastBook book;
    private final Broadcasts broadcasts;
    private final RunMailing mailing;
    private final MailingRuns runs;
    private final ZoneId zone;
    private final Clock clock;

    CommsRoutes(CommsSettingsRepository settings, PreferencesRepository preferences, PartnerRepository partners,
                BroadcastBook book, Broadcasts broadcasts, RunMailing mailing, MailingRuns runs, ZoneId zone,
                Clock clock) {
        this.settings = settings;
        this.preferences = preferences;
        this.partners = partners;
        this.book = book;
        this.broadcasts = broadcasts;
        this.mailing = mailing;
        this.runs = runs;
        this.zone = zone;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse getSettings(HttpRequest request) {
        return HttpResponse.json(200, settingsJson(settings.find()));
    }

    APIGatewayV2HTTPResponse putSettings(HttpRequest request) {
        var body = request.jsonBody(AdminBodies.CommsBody.class, AdminRoutes.MAX_BODY_BYTES);
        CommsSettings saved = new CommsSettings(body.programName(), body.idealCustomer(), body.valueProposition(),
                body.differentiators(), body.onboardingSteps(),
                body.resources() == null ? List.of() : body.resources().stream()
                        .map(r -> new CommsSettings.Resource(r.title(), r.url())).toList(),
                body.note() == null ? null : new CommsSettings.Note(month("note.month", body.note().month()),
                        body.note().text()),
                body.topPartners() == null ? CommsSettings.DEFAULT_TOP_PARTNERS : clampInt(body.topPartners()),
                body.salesEmail() == null ? null : email("salesEmail", body.salesEmail()),
                body.notificationsPerDay() == null ? CommsSettings.DEFAULT_NOTIFICATIONS_PER_DAY
                        : clampInt(body.notificationsPerDay()));
        settings.save(saved);
        return HttpResponse.json(200, settingsJson(saved));
    }

    APIGatewayV2HTTPResponse getPreferences(HttpRequest request) {
        PartnerId partnerId = existing(request);
        return HttpResponse.json(200, preferencesJson(preferences.find(partnerId)));
    }

    APIGatewayV2HTTPResponse putPreferences(HttpRequest request) {
        PartnerId partnerId = existing(request);
        var body = request.jsonBody(AdminBodies.PreferencesBody.class, AdminRoutes.MAX_BODY_BYTES);
        Preferences current = preferences.find(partnerId);
        Map<Topic, Choice> choices = new EnumMap<>(Topic.class);
        choices.putAll(current.choices());
        if (body.topics() != null) {
            body.topics().forEach((topic, choice) -> {
                try {
                    choices.put(Topic.fromWire(topic), Choice.fromWire(choice));
                } catch (IllegalArgumentException e) {
                    throw Invalid.field("topics." + topic, "topics are checkin, broadcast, leads, commissions, "
                            + "payouts; choices all, digest, none");
                }
            });
        }
        Preferences changed = new Preferences(partnerId, choices,
                body.shoutOut() == null ? current.shoutOut() : body.shoutOut());
        preferences.save(changed, clock.instant());
        return HttpResponse.json(200, preferencesJson(changed));
    }

    APIGatewayV2HTTPResponse createBroadcast(HttpRequest request) {
        var body = request.jsonBody(AdminBodies.BroadcastBody.class, AdminRoutes.MAX_BODY_BYTES);
        Broadcast created = broadcasts.create(body.subject(), body.body(), body.audience());
        return HttpResponse.json(201, broadcastJson(created, null));
    }

    APIGatewayV2HTTPResponse listBroadcasts(HttpRequest request) {
        return HttpResponse.json(200, AdminJson.page(book.list(AdminRoutes.page(request)), b -> broadcastJson(b, null)));
    }

    APIGatewayV2HTTPResponse getBroadcast(HttpRequest request) {
        String id = broadcastId(request);
        return book.find(id).map(b -> HttpResponse.json(200, broadcastJson(b,
                        runs.find(Campaign.broadcast(id)).orElse(null))))
                .orElseGet(() -> HttpResponse.problem(Problems.notFound("broadcast " + id)));
    }

    APIGatewayV2HTTPResponse sendBroadcast(HttpRequest request) {
        String id = broadcastId(request);
        return broadcasts.send(id)
                .map(run -> HttpResponse.json(202, broadcastJson(book.find(id).orElseThrow(), run)))
                .orElseGet(() -> HttpResponse.problem(Problems.notFound("broadcast " + id)));
    }

    APIGatewayV2HTTPResponse startCheckins(HttpRequest request) {
        var body = request.bodyText().isBlank() ? new AdminBodies.CheckinRunBody(null)
                : request.jsonBody(AdminBodies.CheckinRunBody.class, AdminRoutes.MAX_BODY_BYTES);
        YearMonth month = body.month() == null ? PayoutCalendar.previousPeriod(clock.instant(), zone)
                : month("month", body.month());
        if (!PayoutCalendar.hasEnded(month, zone, clock.instant())) {
            throw Invalid.field("month", "must be a month that has ended");
        }
        return HttpResponse.json(202, runJson(mailing.start(Campaign.checkin(month))));
    }

    APIGatewayV2HTTPResponse getCheckins(HttpRequest request) {
        YearMonth month = Parameters.month("month", request.pathParameter("month").orElse(null));
        return runs.find(Campaign.checkin(month)).map(run -> HttpResponse.json(200, runJson(run)))
                .orElseGet(() -> HttpResponse.problem(Problems.notFound("check-in run " + month)));
    }

    /** Broadcast ids are ULIDs ({@code IdGenerator}); anything else names no broadcast (and is never a table key). */
    private static String broadcastId(HttpRequest request) {
        return AdminRoutes.pathValue("broadcastId", () -> Parameters.parse("broadcastId",
                request.pathParameter("broadcastId").orElse(null), id -> Ulid.isValid(id) ? id : null,
                "must be a 26-character id"));
    }

    private PartnerId existing(HttpRequest request) {
        PartnerId partnerId = AdminRoutes.partnerId(request);
        if (partners.find(partnerId).isEmpty()) {
            throw new dev.refer.lambda.ProblemException(Problems.notFound("partner " + partnerId.value()));
        }
        return partnerId;
    }

    private static YearMonth month(String field, String value) {
        return Parameters.month(field, value);
    }

    private static EmailAddress email(String field, String value) {
        try {
            return new EmailAddress(value);
        } catch (Invalid e) {
            throw Invalid.field(field, "must be a valid email address");
        }
    }

    /** A number the settings then check against their own bounds; one out of an int's range fails them too. */
    private static int clampInt(long value) {
        return value < 0 || value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    static Map<String, Object> settingsJson(CommsSettings s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("programName", s.programName());
        json.put("idealCustomer", s.idealCustomer());
        json.put("valueProposition", s.valueProposition());
        json.put("differentiators", s.differentiators());
        json.put("onboardingSteps", s.onboardingSteps());
        json.put("resources", s.resources().stream().map(r -> Map.of("title", r.title(), "url", r.url())).toList());
        json.put("note", s.note() == null ? null : Map.of("month", s.note().month().toString(), "text", s.note().text()));
        json.put("topPartners", s.topPartners());
        json.put("salesEmail", s.salesEmail() == null ? null : s.salesEmail().value());
        json.put("notificationsPerDay", s.notificationsPerDay());
        return json;
    }

    static Map<String, Object> preferencesJson(Preferences p) {
        Map<String, Object> topics = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            topics.put(topic.wireName(), p.choice(topic).wireName());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("partnerId", p.partnerId().value());
        json.put("topics", topics);
        json.put("shoutOut", p.shoutOut());
        return json;
    }

    static Map<String, Object> broadcastJson(Broadcast b, MailingRuns.Run run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", b.id());
        json.put("subject", b.subject());
        json.put("body", b.body());
        json.put("audience", b.audience());
        json.put("status", b.status().name());
        json.put("createdAt", b.createdAt().toString());
        json.put("sentAt", b.sentAt() == null ? null : b.sentAt().toString());
        if (run != null) {
            json.put("run", runJson(run));
        }
        return json;
    }

    static Map<String, Object> runJson(MailingRuns.Run run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("campaign", run.campaign().key());
        json.put("startedAt", run.startedAt().toString());
        json.put("planned", run.planned());
        json.put("planningDone", run.planningDone());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String outcome : List.of("sent", "suppressed", "opted_out", "failed")) {
            counts.put(outcome, run.counts().getOrDefault(outcome, 0L));
        }
        json.put("counts", counts);
        return json;
    }
}
