package jp.tsunagu.pairing;

import jp.tsunagu.pairing.PairingViews.ItineraryItem;

import java.time.LocalDate;
import java.util.List;

/** A visit between the pair's centers as recorded: direction, dates, who took part, what each side learnt, the itinerary. */
public record VisitInput(String direction, String title, LocalDate startOn, LocalDate endOn,
                         Integer participantsCount, String participants, String learningsVisitor,
                         String learningsHost, List<ItineraryItem> itinerary, Integer version) {
}
