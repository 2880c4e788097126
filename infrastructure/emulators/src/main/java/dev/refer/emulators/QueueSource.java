package dev.refer.emulators;

/**
 * One {@code SQS} event of a function: the queue it reads and how Lambda's event source mapping feeds it.
 *
 * @param queueLogicalId             the {@code AWS::SQS::Queue} named by {@code Queue: !GetAtt Q.Arn}
 * @param batchSize                  most messages per invocation (Lambda's default: 10)
 * @param maximumBatchingWindowSeconds how long Lambda gathers messages before invoking (0: at once)
 * @param reportBatchItemFailures    {@code FunctionResponseTypes: [ReportBatchItemFailures]}
 * @param maximumConcurrency         {@code ScalingConfig.MaximumConcurrency}, or 0 when not set
 */
public record QueueSource(String eventName, String queueLogicalId, int batchSize, int maximumBatchingWindowSeconds,
                          boolean reportBatchItemFailures, int maximumConcurrency, boolean enabled) {
}
