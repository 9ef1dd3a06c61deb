package io.creditquery.security;

import io.creditquery.common.Cursors;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Beans of the lower layers that need one of the platform's secrets: they get it here, and never see the config. */
public class SecretBeans {

    @Produces
    @Singleton
    Cursors cursors(SecurityConfig config) {
        return new Cursors(config.idHashKey());
    }
}
