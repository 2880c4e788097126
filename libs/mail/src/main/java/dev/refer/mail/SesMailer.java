package dev.refer.mail;

import dev.refer.aws.AwsClients;
import dev.refer.core.mail.Letter;
import dev.refer.core.mail.Mailer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Sends letters through SES v2: rendered by {@link Templates}, built as one MIME message (multipart/alternative:
 * plain text and HTML, UTF-8), sent raw with the configured sender and configuration set, tagged with the letter's
 * kind. The SDK does not retry a send (a retry after a timeout could deliver twice): a refusal (4xx) is
 * {@link MailRefused}, anything whose outcome is unknown {@link MailUncertain}. A refusal for the account's send rate
 * ({@code TooManyRequestsException}, HTTP 429, "Maximum sending rate exceeded", or any error code the SDK counts as
 * throttling, e.g. {@code ThrottlingException}, {@code LimitExceededException}) is marked throttled: nothing went out and
 * the same send passes later ({@link dev.refer.core.mail.PacedMailer} waits it out). {@code SendingPausedException} and
 * {@code AccountSuspendedException} are plain refusals: no wait inside an invocation ends them.
 *
 * <p>Configuration: {@code MAIL_FROM} (the verified sender identity, e.g. {@code Partners <partners@example.com>}),
 * {@code MAIL_CONFIGURATION_SET} (optional), the endpoint from {@code AWS_ENDPOINT_URL_SESV2} or
 * {@code AWS_ENDPOINT_URL}.
 */
public final class SesMailer implements Mailer {

    private final SesV2Client ses;
    private final InternetAddress from;
    private final String configurationSet;
    private final Templates templates;
    private final Session session;

    public SesMailer(SesV2Client ses, String from, String configurationSet, Templates templates) {
        this.ses = ses;
        try {
            this.from = new InternetAddress(from, true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException("MAIL_FROM is not an email address: " + from, e);
        }
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
        this.templates = templates;
        Properties properties = new Properties();
        // the Message-ID's host part: SES replaces the id anyway; without it the library looks up our host name
        properties.setProperty("mail.host", this.from.getAddress().substring(this.from.getAddress().indexOf('@') + 1));
        this.session = Session.getInstance(properties);
    }

    public static SesMailer fromEnv(Map<String, String> env) {
        return fromEnv(env, List.of());
    }

    /** @param interceptors on the SES client (tests inject faults through them) */
    public static SesMailer fromEnv(Map<String, String> env,
                                    List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors) {
        String from = env.get("MAIL_FROM");
        if (from == null || from.isBlank()) {
            throw new IllegalStateException("MAIL_FROM is not set: the sender identity emails go out from");
        }
        SesV2Client ses = AwsClients.build(SesV2Client.builder(), env, "AWS_ENDPOINT_URL_SESV2", interceptors, true);
        return new SesMailer(ses, from, env.get("MAIL_CONFIGURATION_SET"), new Templates());
    }

    @Override
    public String send(Letter letter) {
        byte[] raw = mime(letter, templates.render(letter));
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(from.toString())
                .destination(d -> d.toAddresses(letter.to().value()))
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw))))
                .emailTags(MessageTag.builder().name("kind").value(letter.kind()).build());
        if (configurationSet != null) {
            request.configurationSetName(configurationSet);
        }
        try {
            return ses.sendEmail(request.build()).messageId();
        } catch (SdkServiceException e) {
            if (e.isThrottlingException()) {
                throw new MailRefused("SES throttled the " + letter.kind() + ": " + e.getMessage(), e, true);
            }
            if (e.statusCode() >= 400 && e.statusCode() < 500) {
                throw new MailRefused("SES refused the " + letter.kind() + ": " + e.getMessage(), e);
            }
            throw new MailUncertain("SES failed on the " + letter.kind() + ": " + e.getMessage(), e);
        } catch (SdkClientException e) {
            throw new MailUncertain("the " + letter.kind() + " may or may not have been sent: " + e.getMessage(), e);
        }
    }

    /** The letter as a MIME message: plain text and HTML alternatives of the same content. */
    byte[] mime(Letter letter, Rendered rendered) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, letter.to().value());
            message.setSubject(rendered.subject().replaceAll("\\p{Cntrl}+", " "), "UTF-8");
            if (letter.unsubscribeUrl() != null) {
                // RFC 8058 one-click unsubscribe (RFC 2369 header); the link is signed for the partner and topic
                message.setHeader("List-Unsubscribe", "<" + letter.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            MimeMultipart alternatives = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(rendered.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(rendered.html(), "UTF-8", "html");
            alternatives.addBodyPart(text);
            alternatives.addBodyPart(html);
            message.setContent(alternatives);
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the " + letter.kind() + " email", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
