package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Minutes of one agenda item: theme, content, results (テーマ・内容・結果). */
@Entity
@Table(name = "minutes_item")
public class MinutesItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long meetingId;
    public Integer position;
    public Long agendaItemId;
    public String theme;
    public String content;
    public String results;
}
