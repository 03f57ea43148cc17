package jp.tsunagu.report;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A remark on one section of a pair's report (the advisor's advice, the secretariat's, the centers' answer). */
@Entity
@Table(name = "pairing_report_comment")
public class PairReportComment extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long pairingId;
    @Enumerated(EnumType.STRING)
    public ReportTerms.Section section;
    public String body;
    public Long authorId;
    public String authorName;
    @Enumerated(EnumType.STRING)
    public ReportTerms.AuthorRole authorRole;
    public Instant createdAt;
}
