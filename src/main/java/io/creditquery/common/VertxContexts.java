package io.creditquery.common;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Bridges callbacks from clients that run on their own threads (Lettuce, the Elasticsearch async client, the
 * audit group commit) back to the caller's Vert.x context, where Hibernate Reactive and the SQL client must run.
 */
public final class VertxContexts {

    private VertxContexts() {
    }

    public static <T> Uni<T> fromStage(Supplier<? extends CompletionStage<T>> stage) {
        return backToCaller(Uni.createFrom().completionStage(stage));
    }

    /** Emits the item (or failure) of {@code uni} on the Vert.x context that was current when this was called. */
    public static <T> Uni<T> backToCaller(Uni<T> uni) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return uni;
        }
        return uni.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
