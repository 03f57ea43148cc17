package jp.tsunagu.directory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 47 prefectures, read from the database once per instance: reference data that only a
 * migration changes, asked for by nearly every page (an organization's name comes with its
 * prefecture). A failed first read is not kept: the next caller reads again.
 */
@ApplicationScoped
public class Prefectures {

    /** One prefecture's names and place, detached from any session. */
    public record Ref(short code, String nameJa, String nameEn, String regionJa, String regionEn, int tileCol, int tileRow) {

        public String name(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameJa;
        }
    }

    private volatile Map<Short, Ref> byCode;

    /** Every prefecture by its code (JIS X 0401), in code order; read the first time in the caller's session or its own. */
    public Uni<Map<Short, Ref>> byCode() {
        Map<Short, Ref> known = byCode;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        // in the caller's session, or a session of its own: the postings list asks before it opens one
        return Panache.withSession(() -> Prefecture.<Prefecture>listAll()).map(list -> {
            Map<Short, Ref> read = list.stream().sorted(Comparator.comparing(p -> p.code))
                    .map(p -> new Ref(p.code, p.nameJa, p.nameEn, p.regionJa, p.regionEn, p.tileCol, p.tileRow))
                    .collect(Collectors.toMap(Ref::code, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
            byCode = java.util.Collections.unmodifiableMap(read); // keeps the code order (Map.copyOf would not)
            return byCode;
        });
    }

    /** The names in the viewer's language by code. */
    public Uni<Map<Short, String>> names(Locale locale) {
        return byCode().map(all -> all.values().stream().collect(Collectors.toMap(Ref::code, r -> r.name(locale))));
    }

    /** Every prefecture in code order. */
    public Uni<List<Ref>> all() {
        return byCode().map(all -> all.values().stream().sorted(Comparator.comparing(Ref::code)).toList());
    }
}
