package jp.tsunagu.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Another Tsunagu instance for tests that need two (live documents across instances): the packaged
 * application (target/quarkus-app, so only in the integration-test phase) started as its own
 * process in the prod profile, on a port of its own (and the management interface on that + 1000), with the given database and signing keys.
 * Its log goes to target/instance-{port}.log.
 */
public final class AppInstance implements AutoCloseable {

    public final int port;
    /** Health and metrics (the management interface): the HTTP port + 1000. */
    public final int managementPort;
    private final Process process;

    private AppInstance(int port, Process process) {
        this.port = port;
        this.managementPort = port + 1000;
        this.process = process;
    }

    /**
     * What another instance needs to run beside this test's: its database (the embedded one the
     * test started), the given signing keys, no demo loader, mail to the mock mailbox, no scheduled
     * job of its own on the shared test data.
     */
    public static Map<String, String> besideThisTest(String keyDir) {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("quarkus.datasource.jdbc.url", config.getValue("quarkus.datasource.jdbc.url", String.class));
        props.put("quarkus.datasource.reactive.url", config.getValue("quarkus.datasource.reactive.url", String.class));
        props.put("quarkus.datasource.username", config.getValue("quarkus.datasource.username", String.class));
        props.put("quarkus.datasource.password", config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        props.put("tsunagu.jwt.key-dir", keyDir);
        props.put("tsunagu.demo.enabled", "false");
        props.put("tsunagu.cookie.secure", "false");
        props.put("quarkus.mailer.mock", "true");
        props.put("quarkus.scheduler.enabled", "false");
        return props;
    }

    /** Starts the instance (not waiting: see {@link #awaitReady}). */
    public static AppInstance start(int port, Map<String, String> properties) {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("target/quarkus-app/quarkus-run.jar is missing: this test runs after mvn package");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Dquarkus.profile=prod");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + (port + 1000));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Path.of("target/instance-" + port + ".log").toFile()).start();
            return new AppInstance(port, p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the instance answers ready (at most two minutes). */
    public AppInstance awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance on port " + port + " ended; see target/instance-" + port + ".log");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("instance on port " + port + " not ready within two minutes");
    }

    /** Stops each instance that was started (null for one that never was). */
    public static void closeAll(AppInstance... instances) {
        for (AppInstance i : instances) {
            if (i != null) {
                i.close();
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
