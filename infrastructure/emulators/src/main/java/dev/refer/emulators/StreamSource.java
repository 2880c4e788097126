package dev.refer.emulators;

import java.util.List;

/**
 * A {@code Type: DynamoDB} event: the function consumes the stream of one table of the template.
 *
 * @param eventName                    the event's name in the template
 * @param tableLogicalId               the table whose {@code StreamArn} the event reads
 * @param startingPosition             TRIM_HORIZON or LATEST
 * @param batchSize                    most records per invocation (Lambda's default: 100)
 * @param maximumBatchingWindowSeconds how long Lambda may wait to fill a batch (0 when absent)
 * @param maximumRetryAttempts         retries of a failing batch before it is skipped; -1 means until it expires
 * @param reportBatchItemFailures      the function answers {@code batchItemFailures} (partial batch response)
 * @param filterPatterns               the FilterCriteria patterns as JSON text; a record passes if any matches
 * @param enabled                      the event source mapping is enabled
 * @param bisectOnFunctionError        a batch that fails as a function error is split in two and retried
 * @param onFailureQueue               the logical id of the SQS queue {@code DestinationConfig.OnFailure} names,
 *                                     or null: where a batch's description goes once its retries are spent
 */
public record StreamSource(String eventName, String tableLogicalId, String startingPosition, int batchSize,
                           int maximumBatchingWindowSeconds, int maximumRetryAttempts,
                           boolean reportBatchItemFailures, List<String> filterPatterns, boolean enabled,
                           boolean bisectOnFunctionError, String onFailureQueue) {

    public StreamSource {
        filterPatterns = List.copyOf(filterPatterns);
    }
}
