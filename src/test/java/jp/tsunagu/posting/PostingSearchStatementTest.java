package jp.tsunagu.posting;

import jp.tsunagu.access.AccessPolicy.PostingScope;
import jp.tsunagu.posting.PostingTerms.Category;
import jp.tsunagu.posting.PostingTerms.Sort;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search statement's shape, without a database: the policy's scope is always its first
 * condition, every value is a bound parameter (never in the SQL text), the total is capped when
 * there are no words and exact with them.
 */
class PostingSearchStatementTest {

    static final PostingScope SCOPE = new PostingScope(Set.of(7L), true, Set.of(3L, 4L));

    static PostingSearch.Filters filters(String q, Category category, boolean mine, Sort sort) {
        return new PostingSearch.Filters(q, null, 47, null, category, null, null, null, false, null, null, null, null,
                mine, sort, 2, 20);
    }

    static int highestParameter(String sql) {
        Matcher m = Pattern.compile("\\$(\\d+)").matcher(sql);
        int max = 0;
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max;
    }

    @Test
    void theScopeComesFirstAndEveryValueIsBound() {
        String evil = "清掃'; DROP TABLE posting; --";
        PostingSearch.Statement st = new PostingSearch().statement(SCOPE, filters(evil, Category.CLEANING, false, Sort.RELEVANCE), "ja");
        assertTrue(st.sql().contains("WHERE p.audience && $4 AND (p.owner_org_id = ANY($1)"), st.sql());
        assertFalse(st.sql().contains("DROP TABLE"), "no value in the SQL text");
        assertFalse(st.sql().contains("CLEANING"), "no value in the SQL text");
        assertEquals(st.params().size(), highestParameter(st.sql()), "every parameter is used, none missing");
        assertTrue(st.sql().contains("p.status = 'OPEN'"), "others see open postings only");
        assertTrue(st.exactTotal(), "with words the total is exact");
        assertTrue(st.sql().contains("count(*) OVER ()"));
        assertTrue(st.sql().contains("ORDER BY hits.rank DESC"), "ranked by relevance");
        // page 2 of 20: LIMIT 20 OFFSET 40 as the last two parameters
        assertEquals(20, st.params().getInteger(st.params().size() - 2));
        assertEquals(40, st.params().getInteger(st.params().size() - 1));
    }

    @Test
    void withoutWordsTheTotalIsCappedAndTheNewestComeFirst() {
        PostingSearch.Statement st = new PostingSearch().statement(SCOPE, filters("", null, false, Sort.NEWEST), "en");
        assertFalse(st.exactTotal());
        assertTrue(st.sql().contains("LIMIT " + (PostingSearch.TOTAL_CAP + 1)), "the count stops past the cap");
        assertTrue(st.sql().contains("pr.name_en"), "prefecture names in the viewer's language");
        assertTrue(st.sql().contains("ORDER BY p.created_at DESC, p.id DESC"));
        assertEquals(st.params().size(), highestParameter(st.sql()));
    }

    @Test
    void ownPostingsIncludeEveryStatusOfTheOwnOrganization() {
        PostingSearch.Statement st = new PostingSearch().statement(SCOPE, filters("", null, true, Sort.EXPIRY), "ja");
        assertFalse(st.sql().contains("p.status = 'OPEN'"));
        assertTrue(st.sql().contains("AND p.owner_org_id = ANY($1)"));
        assertTrue(st.sql().contains("ORDER BY p.expires_on ASC"));
    }

    @Test
    void punctuationAloneFindsNothingRatherThanEverything() {
        PostingSearch.Statement st = new PostingSearch().statement(SCOPE, filters("・・・", null, false, Sort.RELEVANCE), "ja");
        assertTrue(st.sql().contains("AND false") || st.sql().contains("@@"), st.sql());
    }
}
