package dev.refer.local;

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
 * Every email the local stack sent, as moto's SES recorded it (its {@code /moto-api/data.json}): each raw MIME message
 * parsed back into its subject, sender, recipients, plain text and HTML. Served at {@code /_local/outbox} (a page to
 * read them as a person would) and {@code /_local/outbox.json}.
 */
public final class Outbox {

    /** One sent email. */
    public record Mail(String messageId, String from, List<String> to, String subject, String text, String html,
                       String raw) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI moto;
    private final HttpClient http = HttpClient.newHttpClient();

    public Outbox(URI moto) {
        this.moto = moto;
    }

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

    static Mail parse(String id, String raw) {
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

    /** The outbox as a page: newest last, each email's text and its HTML (in a sandboxed frame). */
    public String page() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Outbox</title>"
                + "<style>body{font-family:sans-serif;margin:2em}section{border:1px solid #ccc;margin:1em 0;"
                + "padding:1em}pre{white-space:pre-wrap;background:#f7f7f7;padding:1em}iframe{width:100%;"
                + "height:420px;border:1px solid #ddd}</style></head><body><h1>Outbox</h1>");
        List<Mail> mails = messages();
        html.append("<p>").append(mails.size()).append(" email(s) sent through SES (moto).</p>");
        for (Mail mail : mails) {
            html.append("<section><h2>").append(escape(mail.subject())).append("</h2><p>From ")
                    .append(escape(mail.from())).append(" to ").append(escape(String.join(", ", mail.to())))
                    .append(" · SES message id ").append(escape(mail.messageId())).append("</p>");
            if (mail.html() != null) {
                html.append("<iframe sandbox srcdoc=\"").append(escape(mail.html())).append("\"></iframe>");
            }
            if (mail.text() != null) {
                html.append("<pre>").append(escape(mail.text())).append("</pre>");
            }
            html.append("</section>");
        }
        return html.append("</body></html>").toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
