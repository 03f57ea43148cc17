package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One view or export of a non-public posting (who, from which organization, when). */
@Entity
@Table(name = "posting_view")
public class PostingViewEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "posting_id")
    public Long postingId;
    @Column(name = "account_id")
    public Long accountId;
    @Column(name = "organization_id")
    public Long organizationId;
    public String kind;
    public Instant at;
}
