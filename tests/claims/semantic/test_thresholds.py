"""How bench/train_matching.py chooses the two matching thresholds from out-of-fold scores."""

from __future__ import annotations

import numpy as np

from bench.train_matching import choose_same_claim_threshold, choose_threshold


def test_the_match_threshold_keeps_top_one_precision_at_every_higher_score() -> None:
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05])
    right = np.array([1, 1, 1, 1, 1, 1, 1, 1, 0, 0], dtype=float)
    # Down to 0.2 every prefix is 100% right; at 0.1 it is 8/9 < 0.9.
    assert choose_threshold(scores, right) == 0.2


def test_the_same_claim_threshold_weighs_a_missed_repeat_and_a_false_alarm_alike() -> None:
    # Four tweets whose claim comes first, at 0.9, 0.6, 0.3 and 0.1; with their claims taken
    # out, their best other candidates score 0.5, 0.2, 0.15 and 0.05.
    top = np.array([0.9, 0.6, 0.3, 0.1])
    right = np.ones(4)
    unchecked = np.array([0.5, 0.2, 0.15, 0.05])
    threshold, curve = choose_same_claim_threshold(top, right, unchecked)
    # At 0.201: right 3/4, false alarms 1/4 (gain 0.5); at 0.2: 3/4 - 2/4; at 0.301: 2/4 - 1/4.
    assert threshold == 0.201
    assert curve["0.201"] == {"right_shown": 0.75, "false_alarm": 0.25}
    # A wrong first candidate never counts as right, whatever its score.
    threshold, _ = choose_same_claim_threshold(top, np.array([1.0, 0.0, 0.0, 0.0]), unchecked)
    assert threshold == 0.501
