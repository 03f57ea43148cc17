package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A posting shared into a circle: by which organization and person, and when. */
@Entity
@Table(name = "posting_share")
@IdClass(PostingShare.Key.class)
public class PostingShare extends PanacheEntityBase {
    @Id
    @Column(name = "posting_id")
    public Long postingId;
    @Id
    @Column(name = "circle_id")
    public Long circleId;
    @Column(name = "shared_by_org_id")
    public Long sharedByOrgId;
    @Column(name = "shared_by_account_id")
    public Long sharedByAccountId;
    @Column(name = "shared_at")
    public Instant sharedAt;

    public static class Key implements Serializable {
        public Long postingId;
        public Long circleId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(postingId, k.postingId) && Objects.equals(circleId, k.circleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(postingId, circleId);
        }
    }
}
