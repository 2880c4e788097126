package dev.refer.comms;

import dev.refer.core.application.Application;
import dev.refer.core.application.ApplicationId;
import dev.refer.core.application.ApplicationStatus;
import dev.refer.core.application.Channel;
import dev.refer.core.application.FirstLink;
import dev.refer.core.application.ReviewApplication;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.comms.mailing.RunMailing;
import dev.refer.core.link.CreateLink;
import dev.refer.core.partner.CreatePartner;
import dev.refer.core.terms.PublishTerms;
import dev.refer.dynamodb.application.DynamoDbApplicationBook;
import dev.refer.dynamodb.comms.DynamoDbAudience;
import dev.refer.dynamodb.comms.DynamoDbMailingRuns;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.dynamodb.terms.DynamoDbTermsBook;
import dev.refer.sqs.SqsMailingMessages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The onboarding emails and the terms' notice through the real mail worker (DynamoDB Local, SQS and SES emulated):
 * each email once however often it is asked for, transactional (an opt-out does not stop it, a bounce does).
 */
class OnboardingMailTest {

    @Test
    void newTerms_reachEachActivePartnerOnce_butNotABouncedAddress() throws Exception {
        CommsHarness.Scenario scenario = new CommsHarness.Scenario();
        var db = CommsHarness.table().client();
        SqsMailingMessages queue = new SqsMailingMessages(CommsHarness.sqs(), scenario.queueUrl);
        var terms = new DynamoDbTermsBook(db, scenario.config);
        PublishTerms publish = new PublishTerms(terms, new RunMailing(new DynamoDbAudience(db, scenario.config),
                new DynamoDbMailingRuns(db, scenario.config), queue, scenario.clock,
                new UlidGenerator(scenario.clock)), scenario.clock);

        publish.publish(new PublishTerms.Command("2026-12", "1. Be honest.\n\n2. Payouts monthly."));
        scenario.work();
        publish.publish(new PublishTerms.Command("2026-12", "1. Be honest.\n\n2. Payouts monthly.")); // a retry
        scenario.work();

        Map<String, List<String>> mails = scenario.mails();
        for (String partner : List.of("ada", "bob", "cid")) {
            assertEquals(List.of("m" + scenario.tag + ": new partner terms (version 2026-12)"), mails.get(partner),
                    partner + " (cid opted out of check-ins: the terms are not marketing): " + mails);
        }
        assertFalse(mails.containsKey("dan"), "dan's address bounced: " + mails);
    }

    @Test
    void anApplication_isAcknowledgedOnce_andApprovingItTwice_sendsOneWelcome() throws Exception {
        CommsHarness.Scenario scenario = new CommsHarness.Scenario();
        var db = CommsHarness.table().client();
        SqsMailingMessages queue = new SqsMailingMessages(CommsHarness.sqs(), scenario.queueUrl);
        var applications = new DynamoDbApplicationBook(db, scenario.config);
        Instant at = scenario.clock.instant();
        ApplicationId id = new ApplicationId(new UlidGenerator(scenario.clock).newId());
        EmailAddress email = new EmailAddress(scenario.address("eve"));
        applications.submit(new Application(id, "Eve <b>www.evil.example</b>", email, null, null, "GB",
                List.of(Channel.BLOG), "Readers", null, null, null, null, ApplicationStatus.PENDING, null, null, at, at,
                null));
        queue.received(id);
        queue.received(id); // the request retried
        scenario.work();

        var partners = new DynamoDbPartnerRepository(db, scenario.config);
        var links = new DynamoDbLinkRepository(db, scenario.config);
        var programs = new DynamoDbProgramRepository(db, scenario.config);
        UlidGenerator ids = new UlidGenerator(scenario.clock);
        ReviewApplication review = new ReviewApplication(scenario.config.programId(), programs, applications,
                applications, new CreatePartner(partners, ids, scenario.clock),
                new FirstLink(new CreateLink(scenario.config.programId(), programs, partners, links, ids,
                        scenario.clock), links), new DynamoDbTermsBook(db, scenario.config), queue, scenario.clock);
        assertInstanceOf(ReviewApplication.Approval.Approved.class, review.approve(id));
        assertInstanceOf(ReviewApplication.Approval.Approved.class, review.approve(id));
        scenario.work();

        Map<String, List<String>> mails = scenario.mails();
        assertEquals(List.of("Your application to m" + scenario.tag + " has arrived",
                "Welcome to m" + scenario.tag + ": how to start"), mails.get("eve"), mails.toString());
        assertEquals(1, mails.get("manager").size(), mails.toString());
        assertTrue(mails.get("manager").getFirst().startsWith("New partner application: “Eve <b>www[.]evil[.]example"),
                mails.toString());
    }
}
