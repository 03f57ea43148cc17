package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reusable agenda: built in (no owner) or an organization's own. */
@Entity
@Table(name = "agenda_template")
public class AgendaTemplate extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "code")
    public String code;
    @Column(name = "name")
    public String name;
    @Column(name = "kind")
    public String kind;
    @Column(name = "owner_org_id")
    public Long ownerOrgId;
    @Column(name = "created_by")
    public Long createdBy;
    @Column(name = "created_at")
    public java.time.Instant createdAt;
}
