package io.creditquery.demo;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the demo data, when asked for, is loaded. */
@Readiness
@ApplicationScoped
public class StartupDataCheck implements HealthCheck {

    private final StartupLoader loader;

    public StartupDataCheck(StartupLoader loader) {
        this.loader = loader;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("demo data").status(loader.done()).build();
    }
}
