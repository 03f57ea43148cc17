package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagu.access.Viewer;

import java.time.Instant;

/** One view or export of a non-public posting (who, from which organization, when). */
@Entity
@Table(name = "posting_view")
public class PostingViewEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long postingId;
    public Long accountId;
    public Long organizationId;
    @Enumerated(EnumType.STRING)
    public PostingTerms.ViewKind kind;
    public Instant at;

    /** A VIEW, EXPORT or DIGEST of a posting by this person, now (their first organization for the log). */
    static PostingViewEvent of(Viewer viewer, long postingId, PostingTerms.ViewKind kind) {
        PostingViewEvent e = new PostingViewEvent();
        e.postingId = postingId;
        e.accountId = viewer.accountId();
        e.organizationId = viewer.organizationIds().stream().sorted().findFirst().orElse(null);
        e.kind = kind;
        e.at = Instant.now();
        return e;
    }
}
