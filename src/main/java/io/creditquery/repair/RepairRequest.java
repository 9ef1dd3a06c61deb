package io.creditquery.repair;

/**
 * A subject's application for credit repair (信用修复) of one record or list entry: why, whether the fine is paid
 * (and the payment reference), and the credit commitment it makes (信用修复型承诺), which is recorded with it.
 */
public record RepairRequest(Long recordId, Long listEntryId, String reason, Boolean finePaid, String paymentReference,
                            String commitment) {
}
