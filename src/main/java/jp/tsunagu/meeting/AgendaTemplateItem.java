package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
    @Column(name = "template_id")
    public Long templateId;
    @Column(name = "position")
    public Integer position;
    @Column(name = "item_type")
    public String itemType;
    @Column(name = "title")
    public String title;
    @Column(name = "minutes")
    public Integer minutes;
}
