package jp.tsunagu.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A message in a person's in-app inbox, in both languages, pointing at the page it is about. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "account_id")
    public Long accountId;
    @Column(name = "title_ja")
    public String titleJa;
    @Column(name = "title_en")
    public String titleEn;
    public String link;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "read_at")
    public Instant readAt;
}
