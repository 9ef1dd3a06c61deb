package io.creditquery.watch;

import java.util.List;

/** A watchlist: a name, the codes of the subjects to watch, and optionally a webhook to be called on each event. */
public record WatchlistRequest(String name, List<String> codes, String webhookUrl) {
}
