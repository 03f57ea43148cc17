package jp.tsunagu.pairing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.pairing.PairingViews.ItineraryItem;
import jp.tsunagu.platform.validation.OneOf;

import java.time.LocalDate;
import java.util.List;

/** A visit between the pair's centers as recorded: direction, dates, who took part, what each side learnt, the itinerary. */
public record VisitInput(@NotBlank @OneOf(Terms.VisitDirection.class) String direction, @NotBlank @Size(max = 200) String title,
                         @NotNull LocalDate startOn, LocalDate endOn, @Min(0) @Max(10000) Integer participantsCount,
                         @Size(max = 1000) String participants, @Size(max = 4000) String learningsVisitor,
                         @Size(max = 4000) String learningsHost, List<ItineraryItem> itinerary, Integer version) {
}
