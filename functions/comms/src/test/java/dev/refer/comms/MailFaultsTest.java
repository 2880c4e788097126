package dev.refer.comms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refer.aws.AwsClients;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.Suppression;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.mail.MailLog;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.PayoutSettings;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.Reward;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.FaultInjector;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.comms.DynamoDbMailLog;
import dev.refer.dynamodb.comms.DynamoDbMailingRuns;
import dev.refer.dynamodb.comms.DynamoDbPreferences;
import dev.refer.dynamodb.comms.DynamoDbSuppressionList;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.emulators.MotoServer;
import dev.refer.emulators.SqsEmulator;
import dev.refer.mail.SesMailer;
import dev.refer.testkit.mail.RefusedSesSend;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A month's check-ins through the mail queue (DynamoDB Local, the in-process SQS, SES in moto, the real clients),
 * with DynamoDB, SQS or SES failing at each call in turn, before the request leaves and after the service acted on
 * it. After each fault, the queue's redelivery (and the scheduler's retry of the planner) must end as a clean run
 * ends: each email sent once, the opted-out partner and the bounced address sent nothing, and the run's counts
 * exact (each email counted once, never lost with a crashed delivery). One decided exception, as for statements:
 * when SES acted on a send but its answer was lost, that email went out once and stays uncertain (never resent).
 */
class MailFaultsTest {

    private static final YearMonth OCTOBER = CommsHarness.OCTOBER;
    private static final Map<String, Object> CLEAN = Map.of("ada", 1, "bob", 1, "manager", 1,
            "counts", Map.of("sent", 2L, "opted_out", 1L, "suppressed", 1L));

    @Test
    void aCleanRun_sendsEachEmailOnce_andCountsEachOutcome() throws Exception {
        CommsHarness.Scenario clean = new CommsHarness.Scenario();
        clean.run(List.of(), List.of(), List.of());
        assertEquals(CLEAN, clean.outcome());

        clean.run(List.of(), List.of(), List.of()); // the schedule's retry, or the manager's rerun
        assertEquals(CLEAN, clean.outcome(), "a rerun sends and counts nothing twice");
    }

    @Test
    void aFaultAtAnyCallOfDynamoDbOrSqs_beforeOrAfterTheServiceActed_endsInTheStateOfACleanRun() throws Exception {
        FaultInjector dynamoDbCalls = FaultInjector.counting();
        FaultInjector sqsCalls = FaultInjector.counting();
        CommsHarness.Scenario counted = new CommsHarness.Scenario();
        counted.run(List.of(dynamoDbCalls), List.of(sqsCalls), List.of());
        assertEquals(CLEAN, counted.outcome());

        int runs = 0;
        for (String client : List.of("dynamodb", "sqs")) {
            int calls = client.equals("dynamodb") ? dynamoDbCalls.calls.get() : sqsCalls.calls.get();
            for (int call = 1; call <= calls; call++) {
                for (FaultInjector.When when : FaultInjector.When.values()) {
                    CommsHarness.Scenario faulty = new CommsHarness.Scenario();
                    List<ExecutionInterceptor> fault = List.of(FaultInjector.at(call, when));
                    faulty.run(client.equals("dynamodb") ? fault : List.of(), client.equals("sqs") ? fault : List.of(),
                            List.of());
                    assertEquals(CLEAN, faulty.outcome(), client + " call " + call + " failing " + when);
                    runs++;
                }
            }
        }
        assertTrue(runs > 60, "faults at " + runs + " points");
    }

    @Test
    void sesRefusingASend_isRetriedByTheRedelivery_andTheEmailGoesOutOnce() throws Exception {
        for (int call = 1; call <= 3; call++) { // two check-ins and the manager's summary
            CommsHarness.Scenario faulty = new CommsHarness.Scenario();
            faulty.run(List.of(), List.of(), List.of(new RefusedSesSend(call)));
            assertEquals(CLEAN, faulty.outcome(), "send " + call + " refused");
        }
    }

    @Test
    void aSendWhoseAnswerWasLost_isNeverSentAgain_andStaysUncertainAndUncounted() throws Exception {
        CommsHarness.Scenario faulty = new CommsHarness.Scenario();
        faulty.run(List.of(), List.of(), List.of(FaultInjector.at(1, FaultInjector.When.AFTER)));

        Map<String, Object> outcome = faulty.outcome();
        assertEquals(1, outcome.get("ada"));
        assertEquals(1, outcome.get("bob"));
        assertEquals(Map.of("sent", 1L, "opted_out", 1L, "suppressed", 1L), outcome.get("counts"),
                "the uncertain email is not counted as sent");
        long uncertain = List.of("ada", "bob").stream().map(faulty::logState)
                .filter(state -> state == MailLog.State.SENDING).count();
        assertEquals(1, uncertain, "its send log entry stays SENDING, for a person to look at");
    }
}
