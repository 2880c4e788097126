package dev.refer.testkit.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Every email sent through moto's SES, as moto recorded it ({@code GET /moto-api/data.json}, {@code ses} →
 * {@code RawMessage} / {@code Message}): each raw MIME message parsed back into its sender, recipients, subject, plain
 * text and HTML. The one reader of sent mail for the tests and the local stack's outbox page.
 */
public final class SesOutbox {

    /** One sent email ({@code text} or {@code html} null when it has no such part). */
    public record Mail(String messageId, String from, List<String> to, String subject, String text, String html,
                       String raw) {

        /** True when {@code address} is among the recipients. */
        public boolean isTo(String address) {
            return to.contains(address);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI moto;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param moto moto server's endpoint */
    public SesOutbox(URI moto) {
        this.moto = moto;
    }

    /** Every email sent so far, oldest first (raw sends, then simple ones). */
    public List<Mail> messages() {
        JsonNode data;
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(moto.resolve("/moto-api/data.json"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            data = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<Mail> mails = new ArrayList<>();
        for (JsonNode raw : data.path("ses").path("RawMessage")) {
            mails.add(parse(raw.path("id").asText(), raw.path("raw_data").asText()));
        }
        for (JsonNode simple : data.path("ses").path("Message")) {
            List<String> to = new ArrayList<>();
            simple.path("destinations").path("ToAddresses").forEach(a -> to.add(a.asText()));
            mails.add(new Mail(simple.path("id").asText(), simple.path("source").asText(), to,
                    simple.path("subject").asText(), null, simple.path("body").asText(), null));
        }
        return mails;
    }

    /** Every email sent to {@code address}, oldest first. */
    public List<Mail> to(String address) {
        return messages().stream().filter(mail -> mail.isTo(address)).toList();
    }

    /** A raw MIME message as a {@link Mail}; one that does not parse is kept, its subject saying so. */
    public static Mail parse(String id, String raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            List<String> to = new ArrayList<>();
            if (message.getAllRecipients() != null) {
                for (var address : message.getAllRecipients()) {
                    to.add(address.toString());
                }
            }
            String[] parts = {null, null};
            collect(message.getContent(), message.getContentType(), parts);
            return new Mail(id, message.getFrom() == null ? null : message.getFrom()[0].toString(), to,
                    message.getSubject(), parts[0], parts[1], raw);
        } catch (MessagingException | IOException e) {
            return new Mail(id, null, List.of(), "(unreadable MIME: " + e.getMessage() + ")", raw, null, raw);
        }
    }

    private static void collect(Object content, String type, String[] parts) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), parts);
            }
        } else if (content instanceof String text) {
            if (type != null && type.toLowerCase().startsWith("text/html")) {
                parts[1] = text;
            } else {
                parts[0] = text;
            }
        }
    }
}
