package dev.refer.testkit.mail;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Makes SES refuse the Nth send for real, nothing sent: the request goes out from an address SES has not verified,
 * which SES (moto) rejects with a 400. Given to the SES client of a function under test as an interceptor.
 */
public final class RefusedSesSend implements ExecutionInterceptor {

    private final int refuse;
    private int calls;

    /** @param refuse which send to refuse, counting from 1 */
    public RefusedSesSend(int refuse) {
        this.refuse = refuse;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (context.request() instanceof SendEmailRequest send && ++calls == refuse) {
            return send.toBuilder().fromEmailAddress("unverified@nowhere.example").build();
        }
        return context.request();
    }
}
