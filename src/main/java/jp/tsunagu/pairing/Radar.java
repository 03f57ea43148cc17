package jp.tsunagu.pairing;

import io.quarkus.qute.TemplateData;
import jp.tsunagu.pairing.PairingViews.AssessmentView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Geometry of the before/after radar chart (drawn as SVG by the template, with a table beside it). */
@TemplateData
public record Radar(int size, List<String> rings, List<Axis> axes, String before, String after) {

    @TemplateData
    public record Axis(int x, int y, int labelX, int labelY, String anchor, String label) {
    }

    static final int SIZE = 600;

    public int center() {
        return size / 2;
    }
    static final int RADIUS = 130;

    public static Radar of(List<AssessmentView> items) {
        int n = Math.max(items.size(), 3);
        double c = SIZE / 2.0;
        List<String> rings = new ArrayList<>();
        for (int level = 2; level <= 10; level += 2) {
            List<String> pts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                pts.add(point(c, i, n, RADIUS * level / 10.0));
            }
            rings.add(String.join(" ", pts));
        }
        List<Axis> axes = new ArrayList<>();
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        boolean anyBefore = false;
        boolean anyAfter = false;
        for (int i = 0; i < n; i++) {
            double angle = angle(i, n);
            int x = (int) Math.round(c + RADIUS * Math.cos(angle));
            int y = (int) Math.round(c + RADIUS * Math.sin(angle));
            int lx = (int) Math.round(c + (RADIUS + 14) * Math.cos(angle));
            int ly = (int) Math.round(c + (RADIUS + 14) * Math.sin(angle) + 4);
            String anchor = Math.abs(Math.cos(angle)) < 0.3 ? "middle" : Math.cos(angle) > 0 ? "start" : "end";
            AssessmentView item = i < items.size() ? items.get(i) : null;
            axes.add(new Axis(x, y, lx, ly, anchor, item == null ? "" : item.label()));
            int b = item == null || item.before() == null ? 0 : item.before();
            int a = item == null || item.after() == null ? 0 : item.after();
            anyBefore |= b > 0;
            anyAfter |= a > 0;
            before.add(point(c, i, n, RADIUS * b / 10.0));
            after.add(point(c, i, n, RADIUS * a / 10.0));
        }
        return new Radar(SIZE, rings, axes, anyBefore ? String.join(" ", before) : null,
                anyAfter ? String.join(" ", after) : null);
    }

    static double angle(int i, int n) {
        return -Math.PI / 2 + 2 * Math.PI * i / n;
    }

    static String point(double c, int i, int n, double r) {
        double a = angle(i, n);
        return String.format(Locale.ROOT, "%.1f,%.1f", c + r * Math.cos(a), c + r * Math.sin(a));
    }
}
