package io.creditquery.demo;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the start-up data step (demo load, empty-index rebuild) has finished. */
@Readiness
@ApplicationScoped
public class StartupDataCheck implements HealthCheck {

    private final StartupLoader loader;

    public StartupDataCheck(StartupLoader loader) {
        this.loader = loader;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("start-up data").status(loader.done()).build();
    }
}
