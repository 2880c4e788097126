package dev.refer.mail;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.mail.Mailer;
import dev.refer.core.mail.RunSummaryLetter;
import dev.refer.emulators.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real SES v2 client against moto: a verified sender's letter goes out as one MIME message, an unverified one is refused. */
class SesMailerTest {

    private static MotoServer moto;
    private static SesV2Client ses;

    @BeforeAll
    static void start() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        moto = MotoServer.start();
        ses = SesV2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        ses.createEmailIdentity(r -> r.emailIdentity("partners@program.example"));
        ses.createConfigurationSet(r -> r.configurationSetName("refer-mail"));
    }

    @AfterAll
    static void stop() {
        ses.close();
        moto.close();
    }

    private static SesMailer mailer(String from) {
        return SesMailer.fromEnv(Map.of("MAIL_FROM", from, "MAIL_CONFIGURATION_SET", "refer-mail",
                "AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_REGION", "us-east-1"));
    }

    private static RunSummaryLetter letter() {
        return new RunSummaryLetter(new EmailAddress("manager@program.example"), Locale.US, "Acme Partners",
                YearMonth.of(2026, 11), 3, 2, List.of(Money.of(4_600, "EUR")), "/admin/payouts.csv?period=2026-11");
    }

    @Test
    void send_fromAVerifiedSender_deliversOneMultipartMessage_andReturnsItsId() {
        String id = mailer("Acme Partners <partners@program.example>").send(letter());

        assertTrue(!id.isBlank());
        String sent = moto.sentEmailsJson();
        assertTrue(sent.contains("multipart/alternative"), sent);
        assertTrue(sent.contains("text/plain") && sent.contains("text/html"), sent);
        assertTrue(sent.contains("manager@program.example"), sent);
    }

    @Test
    void send_fromAnUnverifiedSender_isRefused_andNothingIsSent() {
        assertThrows(Mailer.MailRefused.class, () -> mailer("someone@elsewhere.example").send(letter()));
    }
}
