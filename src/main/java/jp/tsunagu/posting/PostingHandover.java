package jp.tsunagu.posting;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.account.HandoverPart;

import java.util.List;

/** A leaver's open postings and internship slots name the successor as their contact. */
@ApplicationScoped
public class PostingHandover implements HandoverPart {

    @Override
    public Uni<List<Item>> preview(long from, long to) {
        return Posting.<Posting>list("contactAccountId = ?1 and status = ?2 order by expiresOn", from, PostingTerms.Status.OPEN)
                .map(ps -> ps.stream().map(p -> new Item("handover.posting", p.id, p.title, null)).toList());
    }

    @Override
    public Uni<Integer> handOver(long from, long to) {
        return Posting.update("contactAccountId = ?1, version = version + 1 where contactAccountId = ?2 and status = ?3",
                to, from, PostingTerms.Status.OPEN);
    }
}
