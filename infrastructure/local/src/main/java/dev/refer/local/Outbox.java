package dev.refer.local;

import dev.refer.testkit.mail.SesOutbox;

import java.net.URI;
import java.util.List;

/**
 * Every email the local stack sent, as the test kit's {@link SesOutbox} reads it from moto's SES (the one reader of
 * sent mail, the tests use it too): served at {@code /_local/outbox} (a page to read them as a person would) and
 * {@code /_local/outbox.json}.
 */
public final class Outbox {

    private final SesOutbox ses;

    public Outbox(URI moto) {
        this.ses = new SesOutbox(moto);
    }

    public List<SesOutbox.Mail> messages() {
        return ses.messages();
    }

    /** Every email sent to {@code address}, oldest first. */
    public List<SesOutbox.Mail> to(String address) {
        return ses.to(address);
    }

    /** The outbox as a page: newest last, each email's text and its HTML (in a sandboxed frame). */
    public String page() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Outbox</title>"
                + "<style>body{font-family:sans-serif;margin:2em}section{border:1px solid #ccc;margin:1em 0;"
                + "padding:1em}pre{white-space:pre-wrap;background:#f7f7f7;padding:1em}iframe{width:100%;"
                + "height:420px;border:1px solid #ddd}</style></head><body><h1>Outbox</h1>");
        List<SesOutbox.Mail> mails = messages();
        html.append("<p>").append(mails.size()).append(" email(s) sent through SES (moto).</p>");
        for (SesOutbox.Mail mail : mails) {
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
