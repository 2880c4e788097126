package dev.refer.core.outbound;

import dev.refer.core.mail.SendOnce;
import dev.refer.core.mail.WebhookEndpointDisabledLetter;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.time.Instant;

/**
 * Emails the program manager (the program's {@code payouts.managerEmail}) that an endpoint was disabled for failing;
 * once per disabling (the send log's key names the endpoint and the moment), nothing when no manager address is set.
 */
public final class TellEndpointDisabled implements DeliverWebhook.DisabledNotice {

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final SendOnce mail;

    public TellEndpointDisabled(ProgramId programId, ProgramRepository programs, SendOnce mail) {
        this.programId = programId;
        this.programs = programs;
        this.mail = mail;
    }

    @Override
    public void endpointDisabled(WebhookEndpoint endpoint, Instant failingSince, Instant disabledAt,
                                 String lastError) {
        Program program = programs.find(programId).orElse(null);
        if (program == null || program.payouts().managerEmail() == null) {
            return;
        }
        var to = program.payouts().managerEmail();
        mail.send("webhook-endpoint-disabled#" + endpoint.id().value() + "#" + disabledAt, null,
                "webhook-endpoint-disabled", to, () -> new WebhookEndpointDisabledLetter(to,
                        program.payouts().locale(), program.id().value(), endpoint.id().value(),
                        endpoint.url().toString(), endpoint.description(), failingSince, disabledAt, lastError));
    }
}
