package jp.tsunagu.pairing;

import jp.tsunagu.pairing.PairingViews.AssessmentView;

import java.util.List;

/** The before/after self-assessment as saved, against its version. */
public record AssessmentInput(List<AssessmentView> items, Integer version) {
}
