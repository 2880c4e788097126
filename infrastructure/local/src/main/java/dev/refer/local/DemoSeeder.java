package dev.refer.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.refer.local.gateway.AdminKey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * {@code --demo}: a believable program with three months of history, made the way it would have happened: the
 * program, its partner mail settings and four partners with their links (through the admin API), then day by day
 * clicks on the links, leads from them, the sales team's reviews, sales from referred customers, their monthly
 * renewals and a refund (through the redirect, the lead form and signed webhooks), each at its own time on the local
 * stack's test clock, which is back at the real time when the seeding is over. No payout run or check-in ran in the
 * past: running last month's (a POST to their schedules) pays the commissions whose holding period ended and writes
 * every statement and check-in, in a minute. Deterministic: the same history every time (dated from today).
 */
final class DemoSeeder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    private static final String PROGRAM = """
            {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,"maxEventAgeDays":35,\
            "plan":{"saleRateBps":2000,"renewalRateBps":1000,"leadRewardMinor":2500},\
            "allowedDestinationHosts":["example.com"],"allowedFormOrigins":["http://localhost:3000"],\
            "payouts":{"minimum":{"EUR":5000},"locale":"en-GB",\
            "terms":"Commissions are paid monthly by bank transfer once they reach EUR 50.",\
            "managerEmail":"manager@example.com"}}""";
    private static final String COMMUNICATIONS = """
            {"programName":"Example Partner Program","idealCustomer":"B2B software teams of 20 to 200 people",\
            "valueProposition":"Example halves the time teams spend on reporting",\
            "differentiators":["Set up in a day","No per-seat pricing"],\
            "onboardingSteps":["Share your link with one customer who asked about reporting",\
            "Add your link to your newsletter"],\
            "resources":[{"title":"Partner kit","url":"https://example.com/partners/kit"}],\
            "topPartners":3,"salesEmail":"sales@example.com","notificationsPerDay":5}""";
    private static final int DAYS = 90;

    /** A partner of the demo and how active they are: clicks every how many days, a lead every how many days. */
    private record DemoPartner(String name, String email, String company, String code, String campaign,
                               int clickEvery, int clicksPerDay, int leadEvery) {
    }

    private static final List<DemoPartner> PARTNERS = List.of(
            new DemoPartner("Anna Schmidt", "anna@northwind-agency.example", "Northwind Agency", "anna-newsletter",
                    "newsletter", 1, 2, 8),
            new DemoPartner("Ben Okafor", "ben@okafor-consulting.example", "Okafor Consulting", "ben-blog", "blog",
                    2, 1, 15),
            new DemoPartner("Chloe Martin", "chloe@brightpath.example", "Brightpath", "chloe-referral", "referral",
                    4, 1, 30),
            new DemoPartner("Dan Weber", "dan@weber-it.example", "Weber IT", "dan-intro", "intro", 0, 0, 0));

    /** One thing that happens at a time of the history. */
    private record Step(Instant at, int order, Runnable action) {
    }

    private final URI baseUri;
    private final String adminKey;
    private final Webhook webhook;
    private final Consumer<Instant> clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(20261207L);
    private final Map<String, String> partnerIds = new LinkedHashMap<>();
    private final Map<String, Integer> tally = new LinkedHashMap<>();

    /**
     * @param clock sets the stack's test clock (the seeding travels back to the start of the history, then forward)
     */
    DemoSeeder(URI baseUri, String adminKey, String webhookSecret, Consumer<Instant> clock) {
        this.baseUri = baseUri;
        this.adminKey = adminKey;
        try {
            this.webhook = new Webhook(webhookSecret);
        } catch (Exception e) {
            throw new IllegalArgumentException("the webhook secret is not a Standard Webhooks secret", e);
        }
        this.clock = clock;
    }

    void seed(Instant now) {
        Instant start = now.minus(Duration.ofDays(DAYS)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));
        clock.accept(start);
        try {
            admin("PUT", "/admin/program", PROGRAM);
            admin("PUT", "/admin/communications", COMMUNICATIONS);
            for (DemoPartner partner : PARTNERS) {
                admin("POST", "/admin/partners", JSON.writeValueAsString(Map.of("name", partner.name(),
                        "email", partner.email(), "company", partner.company())))
                        .map(p -> p.path("id").asText(null))
                        .ifPresent(id -> {
                            partnerIds.put(partner.code(), id);
                            admin("POST", "/admin/partners/" + id + "/links", "{\"code\":\"" + partner.code()
                                    + "\",\"destination\":\"https://example.com/pricing\",\"campaign\":\""
                                    + partner.campaign() + "\"}");
                        });
            }
            List<Step> steps = history(start, now);
            steps.sort(Comparator.comparing(Step::at).thenComparingInt(Step::order));
            for (Step step : steps) {
                clock.accept(step.at());
                step.action().run();
            }
        } catch (IOException e) {
            System.out.println("Demo: " + e.getMessage());
        } finally {
            clock.accept(null); // the real time again
        }
        System.out.println("Demo history (the past " + DAYS + " days): " + PARTNERS.size() + " partners, " + tally);
        System.out.println("Demo short link: " + baseUri + "/" + PARTNERS.getFirst().code());
        System.out.println("Demo: run last month's payout and check-ins, then read the outbox:");
        System.out.println("  curl -X POST -H '" + AdminKey.HEADER + ": " + adminKey + "' " + baseUri
                + "/_local/schedules/PayoutPlannerFunction");
        System.out.println("  curl -X POST -H '" + AdminKey.HEADER + ": " + adminKey + "' " + baseUri
                + "/_local/schedules/CheckinPlannerFunction/MonthlyCheckins");
    }

    /** The history's steps: each partner's clicks and leads, the reviews and sales they lead to, renewals, a refund. */
    private List<Step> history(Instant start, Instant now) {
        List<Step> steps = new ArrayList<>();
        Instant end = now.minus(Duration.ofHours(2));
        int leadNumber = 0;
        for (DemoPartner partner : PARTNERS) {
            if (partner.clickEvery() == 0) {
                continue; // a partner who has not started: the check-in's guidance for the stuck
            }
            List<String> rids = new ArrayList<>();
            for (int day = 0; day < DAYS; day++) {
                Instant morning = start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(random.nextInt(480)));
                if (day % partner.clickEvery() == 0) {
                    for (int c = 0; c < partner.clicksPerDay(); c++) {
                        steps.add(new Step(morning.plus(Duration.ofMinutes(c * 17L)), 0,
                                () -> click(partner).ifPresent(rids::add)));
                    }
                }
                if (day % partner.leadEvery() == partner.leadEvery() - 1) {
                    int n = ++leadNumber;
                    Instant leadAt = morning.plus(Duration.ofHours(2));
                    String email = "buyer" + n + "@" + COMPANIES[n % COMPANIES.length] + ".example";
                    steps.add(new Step(leadAt, 1, () -> lead(email, n, rids)));
                    // what became of the lead: every status, and sales (with renewals and one refund)
                    switch (n % 5) {
                        case 0 -> { } // still NEW
                        case 1 -> steps.add(new Step(leadAt.plus(Duration.ofDays(2)), 2,
                                () -> review(partner, email, "qualify", "A good fit: 40 seats")));
                        case 2 -> steps.add(new Step(leadAt.plus(Duration.ofDays(2)), 2,
                                () -> review(partner, email, "reject", "Too small for the product")));
                        default -> {
                            Instant saleAt = leadAt.plus(Duration.ofDays(5));
                            long amount = 120_000 + 20_000L * random.nextInt(20);
                            steps.add(new Step(saleAt, 3, () -> billing("sale", "inv_" + n, amount, email, n)));
                            for (Instant renewal = saleAt.plus(Duration.ofDays(30)); renewal.isBefore(end);
                                 renewal = renewal.plus(Duration.ofDays(30))) {
                                String order = "inv_" + n + "_" + renewal.atZone(java.time.ZoneOffset.UTC).toLocalDate();
                                steps.add(new Step(renewal, 3, () -> billing("renewal", order, amount / 12, email, n)));
                            }
                            if (n == 3) {
                                steps.add(new Step(saleAt.plus(Duration.ofDays(9)), 4,
                                        () -> billing("refund", "inv_" + n, 30_000, email, n)));
                            }
                        }
                    }
                }
            }
        }
        steps.removeIf(step -> step.at().isAfter(end));
        return steps;
    }

    private static final String[] COMPANIES = {"acme", "globex", "initech", "umbrella", "hooli", "vandelay",
            "stark", "wayne", "wonka", "tyrell", "cyberdyne"};

    private Optional<String> click(DemoPartner partner) {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/" + partner.code() + "?utm_source="
                        + partner.campaign())).header("user-agent", BROWSER).GET().timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            count("clicks");
            return response.headers().firstValue("location").filter(l -> l.contains("rid="))
                    .map(l -> l.substring(l.indexOf("rid=") + 4).split("&")[0]);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void lead(String email, int n, List<String> rids) {
        String rid = rids.isEmpty() ? null : rids.get(rids.size() - 1 - random.nextInt(Math.min(3, rids.size())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("name", FIRST_NAMES[n % FIRST_NAMES.length] + " " + LAST_NAMES[n % LAST_NAMES.length]);
        body.put("company", Character.toUpperCase(email.charAt(email.indexOf('@') + 1))
                + email.substring(email.indexOf('@') + 2, email.indexOf('.', email.indexOf('@'))) + " Ltd");
        body.put("message", "We are " + (20 + n * 7) + " people and want to try it.");
        if (rid != null) {
            body.put("rid", rid);
        }
        send(HttpRequest.newBuilder(baseUri.resolve("/leads")).header("content-type", "application/json")
                .header("origin", "http://localhost:3000"), "POST", json(body), "leads");
    }

    private static final String[] FIRST_NAMES = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Ken", "Margaret",
            "Donald", "Frances", "Niklaus"};
    private static final String[] LAST_NAMES = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Thompson",
            "Hamilton", "Knuth", "Allen", "Wirth"};

    private void review(DemoPartner partner, String email, String decision, String reason) {
        String partnerId = partnerIds.get(partner.code());
        admin("GET", "/admin/partners/" + partnerId + "/leads?limit=100", null)
                .flatMap(leads -> {
                    for (JsonNode lead : leads.path("items")) {
                        if (email.equals(lead.path("email").asText())) {
                            return Optional.of(lead.path("id").asText());
                        }
                    }
                    return Optional.empty();
                })
                .flatMap(leadId -> admin("POST", "/admin/leads/" + leadId + "/" + decision,
                        "{\"reason\":\"" + reason + "\"}"))
                .ifPresent(done -> count(decision.equals("qualify") ? "qualified" : "rejected"));
    }

    /** A signed billing event at the clock's time: a sale, a renewal or a refund of the customer {@code n}. */
    private void billing(String type, String orderId, long amount, String email, int n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "evt_demo_" + type + "_" + orderId + (type.equals("refund") ? "_r" : ""));
        body.put("type", type);
        body.put("orderId", orderId);
        body.put("amount", amount);
        body.put("currency", "EUR");
        body.put("occurredAt", LocalClock.now().minusSeconds(30).toString());
        body.put("customer", Map.of("externalId", "cus_demo_" + n, "email", email));
        String payload = json(body);
        long timestamp = System.currentTimeMillis() / 1000; // the signature's time is the sender's real one
        String id = "msg_demo_" + type + "_" + orderId;
        try {
            send(HttpRequest.newBuilder(baseUri.resolve("/webhooks/conversions"))
                    .header("content-type", "application/json").header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", webhook.sign(id, timestamp, payload)), "POST", payload,
                    type.equals("sale") ? "sales" : type.equals("renewal") ? "renewals" : "refunds");
        } catch (Exception e) {
            System.out.println("Demo: cannot sign a billing event: " + e.getMessage());
        }
    }


    private void count(String what) {
        tally.merge(what, 1, Integer::sum);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(HttpRequest.Builder request, String method, String body, String counted) {
        try {
            HttpResponse<String> response = http.send(request.method(method, HttpRequest.BodyPublishers.ofString(body))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                count(counted);
            } else {
                System.out.printf("Demo: %s answered %d: %s%n", request.build().uri().getPath(), response.statusCode(),
                        response.body());
            }
        } catch (IOException e) {
            System.out.println("Demo: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The response body as JSON when the call succeeded (2xx); otherwise prints the problem. */
    private Optional<JsonNode> admin(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json")
                .header(AdminKey.HEADER, adminKey)
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                System.out.printf("Demo: %s %s answered %d: %s%n", method, path, response.statusCode(), response.body());
                return Optional.empty();
            }
            return Optional.of(response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            System.out.printf("Demo: %s %s failed: %s%n", method, path, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
