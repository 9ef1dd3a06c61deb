package io.creditquery.frontdoor;

import java.util.concurrent.ConcurrentHashMap;

/** Requests in progress per rate-limited client ({@link io.creditquery.security.Caller#rateLimitKey()}). */
final class ClientsInProgress {

    private final ConcurrentHashMap<String, Integer> inProgress = new ConcurrentHashMap<>();

    /** Counts one more request of {@code client}; false (and nothing counted) if it already has {@code max}. */
    boolean enter(String client, int max) {
        boolean[] entered = {false};
        inProgress.compute(client, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= max) {
                return count;
            }
            entered[0] = true;
            return current + 1;
        });
        return entered[0];
    }

    void leave(String client) {
        inProgress.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }

    int of(String client) {
        return inProgress.getOrDefault(client, 0);
    }
}
