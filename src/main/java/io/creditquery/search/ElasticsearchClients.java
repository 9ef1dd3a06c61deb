package io.creditquery.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.elasticsearch.client.RestClient;

/**
 * The Elasticsearch clients, on a JSON mapper of their own. The extension's producer hands the application's
 * ObjectMapper to {@link JacksonJsonpMapper}, which reconfigures it (it turns on ACCEPT_SINGLE_VALUE_AS_ARRAY), so
 * API bodies would quietly accept a string where a list belongs (quarkusio/quarkus#55404). These replace it.
 */
@Singleton
public class ElasticsearchClients {

    private final ElasticsearchTransport transport;

    public ElasticsearchClients(RestClient restClient) {
        this.transport = new RestClientTransport(restClient, new JacksonJsonpMapper(JsonMapper.builder().findAndAddModules().build()));
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    ElasticsearchAsyncClient asyncClient() {
        return new ElasticsearchAsyncClient(transport);
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    ElasticsearchClient blockingClient() {
        return new ElasticsearchClient(transport);
    }
}
