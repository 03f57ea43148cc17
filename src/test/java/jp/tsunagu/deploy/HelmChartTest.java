package jp.tsunagu.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Helm chart (helm/tsunagu): {@code helm lint}, and {@code helm template} with the default and
 * the production values, run through helm-java (the helm library in-process; there is no helm
 * binary). Every rendered manifest is read into the Kubernetes API's typed model (fabric8) and
 * refused if any field is unknown to its type; then the rules of a stateless replica are checked:
 * three replicas sharing one key Secret, probes, rolling updates that never lower the count,
 * non-root with a read-only root file system and nothing kept on the pod but scratch space.
 */
class HelmChartTest {

    static final Path CHART = Path.of("helm", "tsunagu");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<KubernetesResource> render(String... valuesFiles) throws Exception {
        var template = new Helm(CHART).template().withName("net").withNamespace("tsunagu");
        for (String f : valuesFiles) {
            template = template.withValuesFile(CHART.resolve(f));
        }
        return parse(template.call());
    }

    static List<KubernetesResource> parse(String manifests) throws Exception {
        List<KubernetesResource> out = new ArrayList<>();
        for (String doc : manifests.split("(?m)^---\\s*$")) {
            if (doc.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"))) {
                continue;
            }
            KubernetesResource r = YAML.readValue(doc, KubernetesResource.class);
            List<String> unknown = new ArrayList<>();
            if (!(r instanceof GenericKubernetesResource)) {
                unknownFields(r, kind(r), unknown);
            }
            assertTrue(unknown.isEmpty(), "fields unknown to the Kubernetes API: " + unknown + "\n" + doc);
            out.add(r);
        }
        return out;
    }

    static String kind(KubernetesResource r) {
        return r instanceof HasMetadata h ? h.getKind() + "/" + h.getMetadata().getName() : r.getClass().getSimpleName();
    }

    /** Every field the typed model did not know lands in an object's additionalProperties: collect their paths. */
    static void unknownFields(Object o, String path, List<String> out) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, out));
            return;
        }
        if (!o.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (Method g : o.getClass().getMethods()) {
            if (g.getParameterCount() != 0 || g.getDeclaringClass() == Object.class || !(g.getName().startsWith("get")
                    || g.getName().startsWith("is"))) {
                continue;
            }
            try {
                Object v = g.invoke(o);
                if (g.getName().equals("getAdditionalProperties")) {
                    if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        extra.keySet().forEach(k -> out.add(path + "." + k));
                    }
                } else if (!g.getName().equals("getClass")) {
                    unknownFields(v, path + "." + g.getName().replaceFirst("^(get|is)", ""), out);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(g.toString(), e);
            }
        }
    }

    static <T> T one(List<KubernetesResource> all, Class<T> type) {
        List<T> of = all.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, of.size(), type.getSimpleName() + " in " + all.stream().map(HelmChartTest::kind).toList());
        return of.get(0);
    }

    static String env(ConfigMap config, String name) {
        return config.getData().get(name);
    }

    @Test
    void lintsClean() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @Test
    void theDefaultsAreThreeStatelessReplicasSharingOneKeyPair() throws Exception {
        List<KubernetesResource> all = render();
        assertEquals(List.of("ConfigMap", "Deployment", "NetworkPolicy", "PodDisruptionBudget", "Service"),
                all.stream().map(r -> ((HasMetadata) r).getKind()).sorted().toList());
        Deployment d = one(all, Deployment.class);
        assertEquals(3, d.getSpec().getReplicas());
        assertEquals(0, d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal());
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath());
        // the probes and Prometheus use the management port, the one the application opens for them
        // (the public port answers 404 to /q/: OperationsTest)
        for (var probe : List.of(c.getReadinessProbe(), c.getLivenessProbe(), c.getStartupProbe())) {
            assertEquals("management", probe.getHttpGet().getPort().getStrVal());
        }
        var managementPort = c.getPorts().stream().filter(p -> p.getName().equals("management")).findFirst().orElseThrow();
        java.util.Properties app = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("src/main/resources/application.properties"))) {
            app.load(in);
        }
        assertEquals("true", app.getProperty("quarkus.management.enabled"));
        assertEquals(Integer.valueOf(app.getProperty("quarkus.management.port")), managementPort.getContainerPort());
        assertEquals(managementPort.getContainerPort().toString(),
                d.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/port"));
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem());
        assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());
        assertFalse(pod.getAutomountServiceAccountToken());
        assertEquals("/q/metrics", d.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/path"));
        assertNotNull(c.getResources().getLimits().get("memory"));
        // the one key pair every replica signs and verifies with, from a Secret, read-only
        Volume keys = pod.getVolumes().stream().filter(v -> v.getSecret() != null).findFirst().orElseThrow();
        assertEquals("tsunagu-jwt", keys.getSecret().getSecretName());
        assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getName().equals(keys.getName())
                && m.getMountPath().equals("/deployments/keys") && Boolean.TRUE.equals(m.getReadOnly())));
        ConfigMap config = one(all, ConfigMap.class);
        assertEquals("/deployments/keys", env(config, "TSUNAGU_JWT_KEY_DIR"));
        assertEquals("prod", env(config, "QUARKUS_PROFILE"));
        assertEquals("false", env(config, "TSUNAGU_DEMO_ENABLED"));
        assertEquals("postgresql://postgres:5432/tsunagu?sslmode=require", env(config, "QUARKUS_DATASOURCE_REACTIVE_URL"));
        // nothing kept on the pod: no host paths, no claims; only scratch space for uploads and caches
        for (Volume v : pod.getVolumes()) {
            assertNull(v.getHostPath(), v.getName());
            assertNull(v.getPersistentVolumeClaim(), v.getName());
        }
        assertTrue(pod.getVolumes().stream().anyMatch(v -> v.getEmptyDir() != null));
        assertTrue(c.getEnv().stream().anyMatch(e -> e.getName().equals("QUARKUS_DATASOURCE_PASSWORD")
                && e.getValueFrom().getSecretKeyRef().getName().equals("tsunagu-db")));
        // only the ingress controller in; only PostgreSQL (and DNS) out
        NetworkPolicy net = one(all, NetworkPolicy.class);
        assertEquals(List.of("Ingress", "Egress"), net.getSpec().getPolicyTypes());
        assertEquals(1, net.getSpec().getIngress().size());
        assertEquals(5432, net.getSpec().getEgress().get(0).getPorts().get(0).getPort().getIntVal());
        assertEquals(2, net.getSpec().getEgress().size(), "PostgreSQL and DNS; no SMTP without a host");
        var dns = net.getSpec().getEgress().get(1);
        assertEquals("kube-dns", dns.getTo().get(0).getPodSelector().getMatchLabels().get("k8s-app"));
        assertEquals(List.of(53, 53), dns.getPorts().stream().map(p -> p.getPort().getIntVal()).toList());
        // the ingress rule names the container's port
        assertEquals("http", net.getSpec().getIngress().get(0).getPorts().get(0).getPort().getStrVal());
        assertEquals("http", c.getPorts().get(0).getName());
        // behind the ingress: the client address from its headers (the sign-in limits per client need it)
        assertEquals("true", env(config, "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"));
        assertEquals("jdbc:postgresql://postgres:5432/tsunagu?sslmode=require", env(config, "QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("20s", env(config, "QUARKUS_SHUTDOWN_TIMEOUT"));
        // the Service publishes the management port only for a ServiceMonitor
        assertEquals(List.of("http"), one(all, io.fabric8.kubernetes.api.model.Service.class).getSpec().getPorts().stream()
                .map(io.fabric8.kubernetes.api.model.ServicePort::getName).toList());
        assertEquals(List.of("sleep", "5"), c.getLifecycle().getPreStop().getExec().getCommand());
    }

    @Test
    void productionValuesAddTlsAutoscalingMailAndACloudNativePgCluster() throws Exception {
        List<KubernetesResource> all = render("values-production.yaml");
        Deployment d = one(all, Deployment.class);
        assertNull(d.getSpec().getReplicas(), "the autoscaler owns the count");
        HorizontalPodAutoscaler hpa = one(all, HorizontalPodAutoscaler.class);
        assertEquals(3, hpa.getSpec().getMinReplicas());
        Ingress ingress = one(all, Ingress.class);
        assertEquals("tsunagu-tls", ingress.getSpec().getTls().get(0).getSecretName());
        List<GenericKubernetesResource> custom = all.stream().filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast).toList();
        assertEquals(List.of("Cluster", "ServiceMonitor"), custom.stream().map(GenericKubernetesResource::getKind).sorted().toList());
        GenericKubernetesResource cluster = custom.stream().filter(r -> r.getKind().equals("Cluster")).findFirst().orElseThrow();
        GenericKubernetesResource monitor = custom.stream().filter(r -> r.getKind().equals("ServiceMonitor")).findFirst().orElseThrow();
        assertEquals("monitoring.coreos.com/v1", monitor.getApiVersion());
        assertTrue(monitor.getAdditionalProperties().get("spec").toString().contains("path=/q/metrics"), monitor.toString());
        assertTrue(monitor.getAdditionalProperties().get("spec").toString().contains("port=management"), monitor.toString());
        assertEquals(List.of("http", "management"), one(all, io.fabric8.kubernetes.api.model.Service.class).getSpec().getPorts().stream()
                .map(io.fabric8.kubernetes.api.model.ServicePort::getName).toList(), "the ServiceMonitor's port");
        assertEquals("http", ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getPort().getName(),
                "the Ingress reaches only the public port");
        assertEquals("postgresql.cnpg.io/v1", cluster.getApiVersion());
        assertEquals("Cluster", cluster.getKind());
        assertEquals(3, ((Number) ((Map<?, ?>) cluster.getAdditionalProperties().get("spec")).get("instances")).intValue());
        ConfigMap config = all.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals("net-tsunagu")).findFirst().orElseThrow();
        assertTrue(env(config, "QUARKUS_DATASOURCE_REACTIVE_URL").startsWith("postgresql://net-tsunagu-db-rw:5432/tsunagu"));
        assertEquals("smtp.network.example", env(config, "QUARKUS_MAILER_HOST"));
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertTrue(c.getEnv().stream().anyMatch(e -> e.getName().equals("QUARKUS_DATASOURCE_PASSWORD")
                && e.getValueFrom().getSecretKeyRef().getName().equals("net-tsunagu-db-app")));
        assertTrue(c.getEnv().stream().anyMatch(e -> e.getName().equals("QUARKUS_MAILER_PASSWORD")));
        NetworkPolicy net = one(all, NetworkPolicy.class);
        assertEquals(3, net.getSpec().getEgress().size(), "PostgreSQL, SMTP and DNS");
        assertEquals(2, net.getSpec().getIngress().size(), "the ingress controller and Prometheus");
        assertEquals("monitoring", net.getSpec().getIngress().get(1).getFrom().get(0).getNamespaceSelector().getMatchLabels()
                .get("kubernetes.io/metadata.name"));
        assertEquals("management", net.getSpec().getIngress().get(1).getPorts().get(0).getPort().getStrVal(), "Prometheus: metrics only");
        assertEquals("net-tsunagu-db", net.getSpec().getEgress().get(0).getTo().get(0).getPodSelector().getMatchLabels()
                .get("cnpg.io/cluster"));
    }

    /** The Grafana dashboard: valid JSON, in a ConfigMap when asked for, and every metric it draws is one the application exports. */
    @Test
    void theDashboardDrawsOnlyMetricsTheApplicationExports() throws Exception {
        String json = java.nio.file.Files.readString(CHART.resolve("dashboards/tsunagu.json"));
        var tree = new ObjectMapper().readTree(json);
        assertEquals("Tsunagu", tree.get("title").asText());
        List<String> metrics = new ArrayList<>();
        tree.get("panels").forEach(p -> p.get("targets").forEach(t -> {
            var m = java.util.regex.Pattern.compile("([a-z_]+)\\{").matcher(t.get("expr").asText());
            while (m.find()) {
                metrics.add(m.group(1));
            }
        }));
        assertEquals(List.of("http_server_requests_seconds_count", "http_server_requests_seconds_bucket", "http_server_requests_seconds_count",
                "sql_pool_active", "sql_pool_idle", "postgresql_queue_size", "scheduled_methods_seconds_count", "tsunagu_live_connections",
                "jvm_memory_used_bytes", "process_cpu_usage"), metrics, "OperationsTest checks the application exports these");
        List<KubernetesResource> all = render("values-production.yaml");
        ConfigMap dashboard = all.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().endsWith("-dashboard")).findFirst().orElseThrow();
        assertEquals("1", dashboard.getMetadata().getLabels().get("grafana_dashboard"));
        assertEquals(tree, new ObjectMapper().readTree(dashboard.getData().get("tsunagu.json")));
    }

    @Test
    void withoutTheSharedKeySecretNothingRenders() {
        Exception e = assertThrows(Exception.class, () -> new Helm(CHART).template().withName("net").set("jwt.existingSecret", "").call());
        assertTrue(e.getMessage().contains("jwt.existingSecret is required"), e.getMessage());
    }

    @Test
    void theStrictReadingRefusesAFieldTheApiDoesNotHave() {
        String typo = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replica: 3\n  selector:\n"
                + "    matchLabels: {a: b}\n  template:\n    metadata:\n      labels: {a: b}\n    spec:\n      containers:\n"
                + "        - name: x\n          image: x\n          readinessProbe:\n            httpGet: {path: /, port: 80, paht: /}\n";
        AssertionError refused = assertThrows(AssertionError.class, () -> parse(typo));
        assertTrue(refused.getMessage().contains("Deployment/x.Spec.replica"), refused.getMessage());
        assertTrue(refused.getMessage().contains("paht"), refused.getMessage());
    }

    /** The image the build writes (pom.xml, profile "image") is the one the chart's defaults run. */
    @Test
    void theImageTheBuildMakesIsTheOneTheChartRuns() throws Exception {
        String pom = java.nio.file.Files.readString(Path.of("pom.xml"));
        String tag = between(pom, "<image.tag>", "</image.tag>");
        Map<?, ?> chart = YAML.readValue(CHART.resolve("Chart.yaml").toFile(), Map.class);
        assertEquals(chart.get("appVersion"), tag, "the image's tag is the chart's appVersion");
        String jib = between(pom, "<artifactId>jib-maven-plugin</artifactId>", "</plugin>");
        assertEquals("tsunagu:${image.tag}", between(jib, "<to><image>", "</image></to>"));

        Deployment d = one(render(), Deployment.class);
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        assertEquals("tsunagu:" + tag, c.getImage());
        assertTrue(c.getCommand() == null || c.getCommand().isEmpty(), "the image's entry point starts the application");
        assertEquals(Long.valueOf(between(jib, "<user>", "</user>")), pod.getSecurityContext().getRunAsUser(),
                "the pod runs as the image's user");
        assertTrue(between(jib, "<entrypoint>", "</entrypoint>").contains("$JAVA_OPTS_APPEND"),
                "the entry point reads the chart's JAVA_OPTS_APPEND");
        ConfigMap cm = one(render(), ConfigMap.class);
        assertTrue(cm.getData().containsKey("JAVA_OPTS_APPEND"));
        assertEquals("/deployments", between(jib, "<workingDirectory>", "</workingDirectory>"));
        assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/deployments/keys")),
                "the keys are mounted where the image's application reads them");
        // GraalJS unpacks a native library into its cache folder: on the pod's writable /tmp
        assertTrue(between(jib, "<XDG_CACHE_HOME>", "</XDG_CACHE_HOME>").startsWith("/tmp/"));
        assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp") && !Boolean.TRUE.equals(m.getReadOnly())),
                "/tmp is writable in the pod");
    }

    static String between(String text, String from, String to) {
        int a = text.indexOf(from);
        assertTrue(a >= 0, "missing " + from);
        int b = text.indexOf(to, a + from.length());
        assertTrue(b >= 0, "missing " + to + " after " + from);
        return text.substring(a + from.length(), b).trim();
    }

    static void assertNotNull(Object o) {
        org.junit.jupiter.api.Assertions.assertNotNull(o);
    }
}
