package jp.tsunagu.conference;

import io.quarkus.qute.TemplateData;
import jp.tsunagu.conference.ConferenceViews.TeamMemberView;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the ecomap: the person in the middle, the support team on a circle around them, one
 * line each whose style says the relation (strong: thick, ordinary: thin, weak: dashed,
 * stressed: dotted) and whose label says the contact frequency. The page draws it as SVG with a
 * title and description, and shows the same facts as a table (the text equivalent).
 */
public final class Ecomap {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 460;
    static final int CX = WIDTH / 2;
    static final int CY = HEIGHT / 2;
    static final int RADIUS = 170;

    @TemplateData
    public record Node(int index, int x, int y, int lineX, int lineY, int labelX, int labelY, TeamMemberView member,
                       String strokeWidth, String dash) {
        public int boxX() {
            return x - 62;
        }

        public int boxY() {
            return y - 26;
        }

        public int agencyY() {
            return y - 4;
        }

        public int relationY() {
            return y + 15;
        }
    }

    private Ecomap() {
    }

    public static List<Node> layout(List<TeamMemberView> team) {
        List<Node> out = new ArrayList<>();
        int n = team.size();
        for (int i = 0; i < n; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(n, 1);
            int x = CX + (int) Math.round(RADIUS * Math.cos(angle));
            int y = CY + (int) Math.round(RADIUS * Math.sin(angle));
            // the line stops at the edge of the node's box, its label sits half-way
            int lineX = CX + (int) Math.round((RADIUS - 48) * Math.cos(angle));
            int lineY = CY + (int) Math.round((RADIUS - 30) * Math.sin(angle));
            int labelX = CX + (int) Math.round(RADIUS * 0.5 * Math.cos(angle));
            int labelY = CY + (int) Math.round(RADIUS * 0.5 * Math.sin(angle)) - 4;
            TeamMemberView m = team.get(i);
            String width = switch (m.relation()) {
                case "STRONG" -> "5";
                case "WEAK" -> "1.5";
                default -> "2.5";
            };
            String dash = switch (m.relation()) {
                case "WEAK" -> "8 6";
                case "STRESSED" -> "2 5";
                default -> "none";
            };
            out.add(new Node(i, x, y, lineX, lineY, labelX, labelY, m, width, dash));
        }
        return out;
    }
}
