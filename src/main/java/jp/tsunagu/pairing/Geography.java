package jp.tsunagu.pairing;

import jp.tsunagu.directory.Prefecture;

/** Distances between prefectures (by their capitals) and how the program classes them. */
final class Geography {

    /** Up to this distance two centers count as neighbours (e.g. Mie–Shizuoka ≈ 170 km). */
    static final int NEAR_KM = 300;

    private Geography() {
    }

    static int km(Prefecture a, Prefecture b) {
        double lat1 = Math.toRadians(a.capitalLat.doubleValue());
        double lat2 = Math.toRadians(b.capitalLat.doubleValue());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.capitalLon.doubleValue() - a.capitalLon.doubleValue());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return (int) Math.round(2 * 6371 * Math.asin(Math.sqrt(h)));
    }

    /** SAME (same prefecture), NEAR or FAR. */
    static String distance(Prefecture a, Prefecture b) {
        if (a.code.equals(b.code)) {
            return "SAME";
        }
        return km(a, b) <= NEAR_KM ? "NEAR" : "FAR";
    }
}
