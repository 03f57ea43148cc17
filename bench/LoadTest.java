import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load test: N users each send the request, wait for the answer, think (optional,
 * a random pause of 0.5 to 1.5 times THINK_MS), send again, for the given seconds (after a
 * warm-up). Without think time the users press as fast as the server answers. Prints requests/s,
 * p50, p99 and errors.
 * Usage: java LoadTest.java URL TOKEN USERS SECONDS [THINK_MS]   (ACCEPT=text/html for pages)
 */
public class LoadTest {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = args[1];
        int users = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        long think = args.length > 4 ? Long.parseLong(args[4]) : 0;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", System.getenv().getOrDefault("ACCEPT", "application/json")).GET().build();
        run(client, request, users, 15, think, new ArrayList<>(), new AtomicLong()); // warm-up
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        run(client, request, users, seconds, think, latencies, errors);
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("requests=%d errors=%d throughput=%.1f/s p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%n",
                sorted.size(), errors.get(), sorted.size() / elapsed, pct(sorted, 0.50) / 1e6, pct(sorted, 0.90) / 1e6,
                pct(sorted, 0.99) / 1e6, pct(sorted, 1.0) / 1e6);
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static void run(HttpClient client, HttpRequest request, int users, int seconds, long think, List<Long> latencies,
                    AtomicLong errors)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(users);
        for (int i = 0; i < users; i++) {
            pool.submit(() -> {
                if (think > 0) {
                    // users arrive spread over one think time, not all in the same millisecond
                    try {
                        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(think + 1));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        latencies.add(System.nanoTime() - t);
                        if (think > 0) {
                            Thread.sleep(think / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(think + 1));
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    }
}
