package io.creditquery.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests under k8s/ parse, every kustomization lists files that exist, and the objects carry
 * what the platform relies on: health probes, resources, secrets only by reference, disruption budget, network
 * policy in both directions, metrics scraping, three Elasticsearch nodes, PostgreSQL backups. (kubeconform, which
 * would check them against the Kubernetes schemas, is not installable here: no Debian package, GitHub unreachable.)
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Set<String> SECRET_NAMES = Set.of("CQ_DB_PASSWORD", "CQ_DB_OWNER_PASSWORD", "CQ_AUDIT_CHAIN_KEY", "CQ_ID_HASH_KEY", "CQ_API_KEY_PEPPER",
            "QUARKUS_ELASTICSEARCH_PASSWORD");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    private List<JsonNode> documents() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
                    yaml.readValues(parser, JsonNode.class).forEachRemaining(doc -> {
                        assertTrue(doc.has("apiVersion") && doc.has("kind"), file + ": every document has apiVersion and kind");
                        documents.add(doc);
                    });
                }
            }
        }
        return documents;
    }

    private JsonNode only(List<JsonNode> documents, String kind) {
        List<JsonNode> found = documents.stream().filter(d -> d.path("kind").asText().equals(kind)
                && !d.path("apiVersion").asText().startsWith("kustomize")).toList();
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }

    @Test
    void kustomizationsListFilesThatExist() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                JsonNode doc = yaml.readTree(kustomization.toFile());
                for (JsonNode resource : doc.path("resources")) {
                    Path target = kustomization.getParent().resolve(resource.asText()).normalize();
                    assertTrue(Files.exists(target), kustomization + " lists " + resource.asText() + ", which does not exist");
                }
            }
        }
    }

    @Test
    void theDeploymentIsProbedBoundedAndKeepsSecretsOutOfItsSpec() throws IOException {
        JsonNode container = only(documents(), "Deployment").path("spec").path("template").path("spec").path("containers").get(0);
        assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
        assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals("/q/health/started", container.path("startupProbe").path("httpGet").path("path").asText());
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertEquals("management", container.path(probe).path("httpGet").path("port").asText(), probe);
        }
        for (String bound : List.of("requests", "limits")) {
            assertFalse(container.path("resources").path(bound).path("memory").isMissingNode(), "memory " + bound);
        }
        Set<String> bySecret = new TreeSet<>();
        for (JsonNode env : container.path("env")) {
            if (SECRET_NAMES.contains(env.path("name").asText())) {
                assertFalse(env.has("value"), env.path("name").asText() + " must come from a Secret, not a literal");
                assertTrue(env.path("valueFrom").has("secretKeyRef"), env.path("name").asText());
                bySecret.add(env.path("name").asText());
            }
        }
        assertEquals(new TreeSet<>(SECRET_NAMES), bySecret, "every secret the service needs is wired from a Secret");
        assertTrue(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean());
    }

    @Test
    void availabilityIsolationAndMonitoring() throws IOException {
        List<JsonNode> documents = documents();
        JsonNode hpa = only(documents, "HorizontalPodAutoscaler").path("spec");
        assertTrue(hpa.path("minReplicas").asInt() >= 2 && hpa.path("maxReplicas").asInt() > hpa.path("minReplicas").asInt());
        assertTrue(only(documents, "PodDisruptionBudget").path("spec").path("minAvailable").asInt() >= 1);
        JsonNode policy = only(documents, "NetworkPolicy").path("spec");
        assertEquals(List.of("Ingress", "Egress"), yaml.convertValue(policy.path("policyTypes"), List.class));
        assertFalse(policy.path("egress").isEmpty(), "egress is limited to named destinations");
        assertEquals("/q/metrics", only(documents, "ServiceMonitor").path("spec").path("endpoints").get(0).path("path").asText());
        assertEquals("management", only(documents, "ServiceMonitor").path("spec").path("endpoints").get(0).path("port").asText(),
                "metrics are scraped from the management interface, not the API port");
    }

    @Test
    void theStoresAreReplicatedAndBackedUp() throws IOException {
        List<JsonNode> documents = documents();
        assertEquals(3, only(documents, "Elasticsearch").path("spec").path("nodeSets").get(0).path("count").asInt());
        JsonNode postgres = only(documents, "Cluster").path("spec");
        assertEquals(3, postgres.path("instances").asInt());
        assertFalse(postgres.path("backup").path("barmanObjectStore").path("destinationPath").asText().isEmpty());
        assertEquals(3, only(documents, "RedisSentinel").path("spec").path("clusterSize").asInt());
    }
}
