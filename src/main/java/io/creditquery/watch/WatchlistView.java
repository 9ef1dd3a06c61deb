package io.creditquery.watch;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A watchlist as its owner sees it. {@code webhookSecret} (the HMAC key of webhook signatures) only in the answer
 * that created it; {@code refused} lists input codes that are invalid or name no known subject.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchlistView(String id, String name, int subjects, String webhookUrl, String webhookSecret,
                            OffsetDateTime createdAt, List<Refused> refused) {

    public record Refused(int index, String code, String reason) {
    }
}
