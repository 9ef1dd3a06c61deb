package io.creditquery.common;

import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/** Answers of resources that create something. */
public final class Responses {

    private Responses() {
    }

    /** 201 with the new resource's location and its representation. */
    public static <T> RestResponse<T> created(String location, T entity) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(location)).entity(entity).build();
    }
}
