package jp.tsunagu.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.Locale;

/** One of the 47 prefectures (reference data). */
@Entity
@Table(name = "prefecture")
public class Prefecture extends PanacheEntityBase {
    @Id
    public Short code;
    public String nameJa;
    public String nameEn;
    public String regionJa;
    public String regionEn;
    public Integer tileCol;
    public Integer tileRow;
    public BigDecimal capitalLat;
    public BigDecimal capitalLon;

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameJa;
    }
}
