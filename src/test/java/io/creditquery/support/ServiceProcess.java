package io.creditquery.support;

import io.lettuce.core.RedisClient;
import io.restassured.path.json.JsonPath;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service as a separate process, for tests that kill it or run it against other stores: its own
 * port, database, index alias and Redis database, started from nothing and awaited until ready.
 */
public final class ServiceProcess {

    /** Where one instance keeps its data. */
    public record Stores(String database, String alias, int redisDatabase, String elasticsearchHosts) {
    }

    private final int port;
    private final Stores stores;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private File log;

    public ServiceProcess(int port, Stores stores) {
        this.port = port;
        this.stores = stores;
    }

    /** Health and metrics (the management interface): 1,000 above the API port, so replicas do not collide. */
    public int managementPort() {
        return port + 1000;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Process process() {
        return process;
    }

    /** An empty schema, no index behind the alias, an empty Redis database. */
    public void resetStores() throws Exception {
        try (Connection db = ownerDatabase(stores.database()); Statement sql = db.createStatement()) {
            sql.execute("drop schema public cascade");
            sql.execute("create schema public");
            sql.execute("grant usage on schema public to public");
        }
        deleteIndices();
        RedisClient redis = RedisClient.create("redis://127.0.0.1:6379/" + stores.redisDatabase());
        try (var connection = redis.connect()) {
            connection.sync().flushdb();
        } finally {
            redis.shutdown();
        }
    }

    /** Drops the subjects indices of these stores, as a fresh Elasticsearch would have none. */
    public void deleteIndices() throws Exception {
        String firstHost = stores.elasticsearchHosts().split(",")[0];
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + firstHost + "/" + stores.alias() + "-v*"))
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    /**
     * Starts the packaged jar and waits until it is ready; its output goes to target/{@code logName}.log.
     * {@code properties} (-Dname=value) come after the defaults and override them (e.g. demo data).
     */
    public void start(String logName, String... properties) throws Exception {
        launch(logName, properties);
        awaitReady();
    }

    /** Starts the packaged jar without waiting for it (see {@link #start}); {@link #awaitReady()} waits. */
    public void launch(String logName, String... properties) throws Exception {
        String jar = System.getProperty("service.jar", "target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort(),
                "-Dcredit.search.subjects-alias=" + stores.alias(),
                "-Dcredit.redis.uri=redis://127.0.0.1:6379/" + stores.redisDatabase(),
                "-Dcredit.redis.key-prefix=" + stores.alias(),
                "-Dcredit.demo.load=false"));
        command.addAll(List.of(properties));
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of("CQ_DB_NAME", stores.database(), "CQ_ES_HOSTS", stores.elasticsearchHosts()));
        File log = new File("target/" + logName + ".log");
        builder.redirectErrorStream(true).redirectOutput(log);
        process = builder.start();
        this.log = log;
    }

    /** The log of the last start. */
    public File log() {
        return log;
    }

    public void awaitReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited at start; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become ready in 90 s; see " + log);
    }

    /** The consistency report once the outbox has drained (or after two minutes). */
    public JsonPath consistency(String bearer, int sample) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/admin/consistency?sample=" + sample))
                    .header("Authorization", bearer).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("consistency check answered " + response.statusCode() + ": " + response.body());
            }
            JsonPath report = JsonPath.from(response.body());
            if (report.getLong("outboxBacklog") == 0 || Instant.now().isAfter(deadline)) {
                return report;
            }
            Thread.sleep(500);
        }
    }

    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** A connection as the schema's owner role (bin/lib/stores.sh creates it). */
    public static Connection ownerDatabase(String name) throws SQLException {
        return connect(name, System.getenv().getOrDefault("CQ_DB_OWNER_USER", "creditquery_owner"),
                System.getenv("CQ_DB_OWNER_PASSWORD"));
    }

    /** A connection as the service's role. */
    public static Connection database(String name) throws SQLException {
        return connect(name, System.getenv().getOrDefault("CQ_DB_USER", "creditquery"), System.getenv("CQ_DB_PASSWORD"));
    }

    private static Connection connect(String name, String user, String password) throws SQLException {
        String host = System.getenv().getOrDefault("CQ_PG_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("CQ_PG_PORT", "5432");
        java.util.Properties credentials = new java.util.Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        // The driver itself: under a test's class loader DriverManager may not see it registered.
        return new org.postgresql.Driver().connect("jdbc:postgresql://" + host + ":" + port + "/" + name, credentials);
    }
}
