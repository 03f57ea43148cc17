package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An item of an agenda template. */
@Entity
@Table(name = "agenda_template_item")
public class AgendaTemplateItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long templateId;
    public Integer position;
    @Enumerated(EnumType.STRING)
    public MeetingTerms.AgendaType itemType;
    public String title;
    public Integer minutes;
}
