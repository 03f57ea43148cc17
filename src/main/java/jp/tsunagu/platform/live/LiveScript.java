package jp.tsunagu.platform.live;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Yjs on the server: the same library and minutes model the browser runs
 * ({@code frontend/src/live/}), evaluated by GraalJS in one sandboxed context (no host classes,
 * files, network or threads) on one thread of its own. Every call is queued on that thread and
 * its answer comes back on the caller's Vert.x context. Bytes cross as Latin-1 strings.
 */
@ApplicationScoped
public class LiveScript {

    private static final Logger LOG = Logger.getLogger(LiveScript.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tsunagu-live-script");
        t.setDaemon(true);
        return t;
    });

    private Engine engine;
    private org.graalvm.polyglot.Context context;
    private Value api;

    /** Calls one function of the script's {@code TsunaguLive} object; its answer as a string. */
    public Uni<String> call(String function, Object... args) {
        Context caller = Vertx.currentContext();
        Uni<String> u = Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(() -> {
            Value result = api().getMember(function).execute(args);
            return result.isNull() ? null : result.asString();
        }, thread));
        return caller == null ? u : u.emitOn(r -> caller.runOnContext(v -> r.run()));
    }

    /** Several calls in a row on the script's thread, with nothing else between them. */
    public <T> Uni<T> batch(java.util.function.Function<Calls, T> work) {
        Context caller = Vertx.currentContext();
        Uni<T> u = Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(() -> work.apply(this::callNow), thread));
        return caller == null ? u : u.emitOn(r -> caller.runOnContext(v -> r.run()));
    }

    /** Calls made inside {@link #batch}. */
    @FunctionalInterface
    public interface Calls {
        String call(String function, Object... args);
    }

    private String callNow(String function, Object... args) {
        Value result = api().getMember(function).execute(args);
        return result.isNull() ? null : result.asString();
    }

    private Value api() {
        if (api == null) {
            long started = System.nanoTime();
            // an explicit engine outlives its context: both are closed together, here on a failed
            // start (a retry builds them afresh) and in close()
            Engine newEngine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
            org.graalvm.polyglot.Context newContext = null;
            try {
                newContext = org.graalvm.polyglot.Context.newBuilder("js").engine(newEngine)
                        .allowHostAccess(HostAccess.NONE).allowHostClassLookup(name -> false)
                        .allowPolyglotAccess(PolyglotAccess.NONE).allowIO(IOAccess.NONE)
                        .allowCreateThread(false).allowNativeAccess(false).build();
                // Yjs asks for random client ids; the server's own ids need no cryptographic strength
                newContext.eval("js", "globalThis.crypto = { getRandomValues: function (a) {"
                        + " for (var i = 0; i < a.length; i++) { a[i] = Math.floor(Math.random() * 4294967296); } return a; } };");
                newContext.eval(Source.newBuilder("js", bundle(), "yjs-server.js").buildLiteral());
                Value loaded = newContext.getBindings("js").getMember("TsunaguLive");
                if (loaded == null || loaded.isNull()) {
                    throw new IllegalStateException("live/yjs-server.js defines no TsunaguLive");
                }
                engine = newEngine;
                context = newContext;
                api = loaded;
            } catch (RuntimeException e) {
                if (newContext != null) {
                    newContext.close(true);
                }
                newEngine.close(true);
                throw e;
            }
            LOG.infof("Live documents ready (Yjs under GraalJS) in %d ms", (System.nanoTime() - started) / 1_000_000);
        }
        return api;
    }

    private static String bundle() {
        try (InputStream in = LiveScript.class.getResourceAsStream("/live/yjs-server.js")) {
            if (in == null) {
                throw new IllegalStateException("live/yjs-server.js is missing from the class path (npm run build:server)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes as the Latin-1 string the script takes (one char per byte). */
    public static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    public static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    @PreDestroy
    void close() {
        thread.submit(() -> {
            if (context != null) {
                context.close(true);
                engine.close(true);
            }
        });
        thread.shutdown();
    }
}
