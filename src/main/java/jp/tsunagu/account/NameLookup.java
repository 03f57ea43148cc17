package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.directory.PersonRef;
import jp.tsunagu.directory.Prefectures;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Names for ids: organizations (with their prefecture) and people, in the viewer's language. */
@ApplicationScoped
public class NameLookup {

    @jakarta.inject.Inject
    Prefectures prefectures;

    public Uni<Map<Long, OrgRef>> orgs(Collection<Long> ids, Locale locale) {
        Set<Long> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return prefectures.names(locale).chain(names -> {
            return Panache.getSession().chain(s -> s.createSelectionQuery(
                            "select o.id, o.name, o.prefectureCode from Organization o where o.id in :ids", Object[].class)
                    .setParameter("ids", wanted).getResultList())
                    .map(rows -> {
                        Map<Long, OrgRef> out = new HashMap<>();
                        for (Object[] r : rows) {
                            out.put((Long) r[0], new OrgRef((Long) r[0], (String) r[1], names.get((Short) r[2])));
                        }
                        return out;
                    });
        });
    }

    /**
     * The same, taking what the caller already read (a page that read its names once): only the
     * ids not in {@code known} are read.
     */
    public Uni<Map<Long, OrgRef>> orgs(Collection<Long> ids, Locale locale, Map<Long, OrgRef> known) {
        Set<Long> missing = ids.stream().filter(Objects::nonNull).filter(id -> !known.containsKey(id)).collect(Collectors.toSet());
        Map<Long, OrgRef> out = new HashMap<>();
        ids.stream().filter(Objects::nonNull).filter(known::containsKey).forEach(id -> out.put(id, known.get(id)));
        return orgs(missing, locale).map(read -> {
            out.putAll(read);
            return out;
        });
    }

    public Uni<Map<Long, PersonRef>> people(Collection<Long> ids) {
        Set<Long> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Account.<Account>list("id in ?1", wanted)
                .map(list -> list.stream().collect(Collectors.toMap(a -> a.id, a -> new PersonRef(a.id, a.displayName))));
    }

}
