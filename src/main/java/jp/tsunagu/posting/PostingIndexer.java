package jp.tsunagu.posting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the search index of postings stored without one (demo data, bulk loads such as the
 * benchmark's data set) at start, after the demo data, with the same analysis as the API uses.
 * Postings saved through the application carry their index from the start.
 */
@ApplicationScoped
public class PostingIndexer {

    private static final Logger LOG = Logger.getLogger(PostingIndexer.class);
    static final int BATCH = 500;

    @Inject
    AgroalDataSource dataSource;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        try {
            int n = fillMissing();
            if (n > 0) {
                LOG.infof("Indexed %d postings for search", n);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not index postings", e);
        }
    }

    /** Indexes every posting whose search vector is empty; answers how many. */
    public int fillMissing() throws SQLException {
        int total = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long after = 0;
            while (true) {
                List<Object[]> batch = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id, title, company_name, company_industry, municipality,"
                        + " description, accommodations, carving_note, conditions FROM posting WHERE search_vector = ''::tsvector"
                        + " AND id > ? ORDER BY id LIMIT " + BATCH)) {
                    ps.setLong(1, after);
                    try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Posting p = new Posting();
                        p.title = rs.getString(2);
                        p.companyName = rs.getString(3);
                        p.companyIndustry = rs.getString(4);
                        p.municipality = rs.getString(5);
                        p.description = rs.getString(6);
                        p.accommodations = rs.getString(7);
                        p.carvingNote = rs.getString(8);
                        p.conditions = rs.getString(9);
                        batch.add(new Object[] {rs.getLong(1), PostingService.searchVector(p)});
                        after = rs.getLong(1);
                    }
                    }
                }
                if (batch.isEmpty()) {
                    break;
                }
                try (PreparedStatement up = c.prepareStatement("UPDATE posting SET search_vector = ?::tsvector WHERE id = ?")) {
                    for (Object[] row : batch) {
                        up.setString(1, (String) row[1]);
                        up.setLong(2, (Long) row[0]);
                        up.addBatch();
                    }
                    up.executeBatch();
                }
                c.commit();
                total += batch.size();
            }
        }
        return total;
    }
}
