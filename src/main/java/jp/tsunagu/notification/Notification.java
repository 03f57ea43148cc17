package jp.tsunagu.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    public Long accountId;
    public String titleJa;
    public String titleEn;
    public String link;
    public Instant createdAt;
    public Instant readAt;
}
