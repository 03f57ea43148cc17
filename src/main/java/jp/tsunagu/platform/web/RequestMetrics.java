package jp.tsunagu.platform.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Each route's latency as a histogram ({@code http_server_requests_seconds_bucket}), so p99 can be
 * computed across replicas (helm/tsunagu/dashboards/tsunagu.json), with buckets from 5 ms to 10 s.
 */
public class RequestMetrics {

    @Produces
    @Singleton
    MeterFilter requestHistograms() {
        return new MeterFilter() {
            /**
             * A path that matched no route keeps its raw text as the uri label: its number segments
             * become {id}, so ids never become labels and the series stay bounded.
             */
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().equals("http.server.requests")) {
                    return id;
                }
                String uri = id.getTag("uri");
                if (uri == null || !uri.matches(".*/[0-9]+(/.*)?")) {
                    return id;
                }
                return id.replaceTags(id.getTags().stream().map(t -> t.getKey().equals("uri")
                        ? io.micrometer.core.instrument.Tag.of("uri", t.getValue().replaceAll("/[0-9]+(?=/|$)", "/{id}")) : t).toList());
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(5).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos()).build().merge(config);
            }
        };
    }
}
