package jp.tsunagu.pairing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.account.HandoverPart;
import jp.tsunagu.pairing.Terms.PairingStatus;

import java.util.ArrayList;
import java.util.List;

/** A leaver who is the officer or the advisor of pairs still running hands those roles over. */
@ApplicationScoped
public class PairingHandover implements HandoverPart {

    static final List<PairingStatus> RUNNING = List.of(PairingStatus.MATCHED, PairingStatus.ACTIVE, PairingStatus.REPORTED);

    @Override
    public Uni<List<Item>> preview(long from, long to) {
        List<Item> items = new ArrayList<>();
        return Pairing.<Pairing>list("officerId = ?1 and status in ?2 order by id", from, RUNNING)
                .invoke(ps -> ps.forEach(p -> items.add(new Item("handover.pair-officer", p.id, "#" + p.id, null))))
                .chain(() -> Pairing.<Pairing>list("advisorId = ?1 and status in ?2 order by id", from, RUNNING))
                .map(ps -> {
                    ps.forEach(p -> items.add(new Item("handover.pair-advisor", p.id, "#" + p.id, null)));
                    return items;
                });
    }

    @Override
    public Uni<Integer> handOver(long from, long to) {
        return Pairing.update("officerId = ?1, version = version + 1 where officerId = ?2 and status in ?3", to, from, RUNNING)
                .chain(a -> Pairing.update("advisorId = ?1, version = version + 1 where advisorId = ?2 and status in ?3", to, from, RUNNING)
                        .map(b -> a + b));
    }
}
