"""Self-consistency vote over executed results, on a real SQLite database."""

from __future__ import annotations

import pytest

from finsql.calibrate.vote import Candidate, vote
from finsql.db import Database


def cand(index: int, sql: str, logprob: float = -0.5) -> Candidate:
    return Candidate(index, raw=sql, sql=sql, repairs=[], mean_logprob=logprob, sampled=index > 0)


def test_majority_result_wins_even_when_sql_differs(small_db) -> None:
    outcome = vote([
        cand(0, "SELECT SecuCode FROM fund WHERE FundType = 4", logprob=-0.1),
        cand(1, "SELECT COUNT(*) FROM fund"),
        cand(2, "SELECT count(*) FROM fund AS f"),
        cand(3, "SELECT COUNT(InnerCode) FROM fund"),
        cand(4, "SELECT nope FROM fund", logprob=-0.01),
    ], Database(small_db))
    assert outcome.winner.index in (1, 2, 3)
    assert outcome.winner.result.rows == [(3,)]
    assert outcome.confidence == 0.6
    assert outcome.groups == 3
    assert [c.votes for c in outcome.candidates] == [1, 3, 3, 3, 1]


def test_ties_go_to_the_more_likely_candidate(small_db) -> None:
    outcome = vote([cand(0, "SELECT COUNT(*) FROM fund", logprob=-0.9),
                    cand(1, "SELECT COUNT(*) FROM nav", logprob=-0.2)], Database(small_db))
    assert outcome.winner.index == 1 and outcome.confidence == 0.5


def test_any_rows_beat_empty_results_and_errors(small_db) -> None:
    outcome = vote([cand(0, "SELECT ChiName FROM fund WHERE FundType = 99", logprob=-0.01),
                    cand(1, "SELECT ChiName FROM fund WHERE FundType = 99", logprob=-0.01),
                    cand(2, "SELECT broken FROM fund", logprob=-0.01),
                    cand(3, "SELECT ChiName FROM fund WHERE FundType = 1", logprob=-2.0)], Database(small_db))
    assert outcome.winner.index == 3
    assert outcome.confidence == 0.25


def test_errors_never_agree_and_give_zero_confidence(small_db) -> None:
    outcome = vote([cand(0, "SELECT a FROM fund", logprob=-0.3), cand(1, "SELECT a FROM fund", logprob=-0.1),
                    cand(2, "DROP TABLE fund")], Database(small_db))
    assert outcome.groups == 3 and outcome.confidence == 0.0
    assert outcome.winner.result.error and outcome.winner.index == 1
    assert outcome.candidates[2].result.error.startswith("refused:")


def test_order_matters_only_when_the_sql_orders(small_db) -> None:
    db = Database(small_db)
    same = vote([cand(0, "SELECT InnerCode FROM fund"), cand(1, "SELECT InnerCode FROM fund ORDER BY InnerCode DESC")],
                db)
    assert same.groups == 2  # one ordered, one not: different keys
    unordered = vote([cand(0, "SELECT InnerCode FROM fund"), cand(1, "SELECT InnerCode FROM fund WHERE 1")], db)
    assert unordered.groups == 1 and unordered.confidence == 1.0


def test_identical_sql_runs_once(small_db) -> None:
    candidates = [cand(i, "SELECT COUNT(*) FROM nav") for i in range(4)]
    outcome = vote(candidates, Database(small_db))
    assert len({id(c.result) for c in outcome.candidates}) == 1


def test_a_candidate_settled_in_an_earlier_vote_is_not_run_again(small_db) -> None:
    """Samples written after a failed greedy candidate are voted on with it; its query (which may have used
    the whole time limit) is not waited for twice."""
    first = vote([cand(0, "SELECT COUNT(*) FROM nav")], Database(small_db))
    settled = first.winner.result
    again = vote([first.winner, cand(1, "SELECT COUNT(*) FROM nav"), cand(2, "SELECT COUNT(*) FROM fund")],
                 Database(small_db))
    assert again.candidates[0].result is settled and again.candidates[1].result is settled
    assert again.winner.votes == 2 and again.confidence == round(2 / 3, 4)


def test_empty_candidate_list_is_an_error(small_db) -> None:
    with pytest.raises(ValueError):
        vote([], Database(small_db))
