package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An item of a visit's itinerary (meeting attended, tour, exchange …). */
@Entity
@Table(name = "pairing_visit_item")
public class PairingVisitItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long visitId;
    public Integer position;
    @Enumerated(EnumType.STRING)
    public Terms.ItineraryKind kind;
    public String title;
}
