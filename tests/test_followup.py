"""Which questions are read with the conversation before them: follow-ups yes, complete questions no."""

from __future__ import annotations

import pytest

from finsql.prompt.followup import read_follow_up

FOLLOW_UPS = [
    "and for 2022?",
    "What about bond funds?",
    "Only equity funds",
    "sorted by size instead",
    "Which companies manage them?",
    "Who are their managers?",
    "What net profit attributable to the parent did each of them report for that quarter?",
    "Bond funds?",
    "Excluding index funds",
    "那2022年呢？",
    "只看股票型基金",
    "其中规模最大的是哪只？",
    "这些基金的管理人是谁？",
    "它旗下一共有几只基金？",
    "同月社会消费品零售总额同比增长多少？",
]

STANDALONE = [
    "Which 5 funds had the largest unit net value on 2024-06-28?",
    "How many funds are there of each fund type?",
    "How many funds exist?",
    "List all banks",
    "Which share classes cut their management fee during 2023?",  # "their": the subject's own
    "Excluding money market funds, which share classes reached their highest unit NAV of 2023 on 2023-12-29?",
    "Break down the Jiangsu-based companies by headquarters city: how many are in each city?",
    "For each year, list every month in which headline CPI YoY reached that year's peak.",
    "2023年末规模最大的10只基金是哪些？",
    "规模在10亿元以上的基金有多少只？",  # 以上 is "above", not "the above"
    "从常量表列出所有运作方式代码及其中文含义。",  # 其中文 is not 其中
    "餐饮收入当月同比增长超过20%的月份有多少个？",  # 当月同比 with its own months
    "哪些基金经理毕业于哥伦比亚大学？给出他们的中文姓名。",  # 他们: the managers of the first sentence
]


@pytest.mark.parametrize("question", FOLLOW_UPS)
def test_a_question_that_leans_on_earlier_turns_is_a_follow_up(question: str) -> None:
    assert read_follow_up(question, has_history=True).follow_up


@pytest.mark.parametrize("question", STANDALONE)
def test_a_complete_question_stands_alone_after_others(question: str) -> None:
    assert not read_follow_up(question, has_history=True).follow_up


def test_a_first_question_is_never_a_follow_up() -> None:
    assert not read_follow_up("and for 2022?", has_history=False).follow_up


def test_the_decision_names_the_words_that_made_it() -> None:
    decision = read_follow_up("Which companies manage those funds?", has_history=True)
    assert decision.cue == "those" and "“those” points back" in decision.describe()
    assert "too short" in read_follow_up("Bond funds?", has_history=True).describe()


def test_most_follow_ups_of_a_labelled_set_are_recognised_and_nearly_no_standalone_question_is_misread() -> None:
    """tests/fixtures/follow_up_heldout.jsonl: 160 labelled questions written apart from these rules
    (docs/decisions.md gives the share recognised before the rules were adjusted to it)."""
    import json
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "follow_up_heldout.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    follow_ups = [r for r in rows if r["follow_up"]]
    standalone = [r for r in rows if not r["follow_up"]]
    recognised = sum(read_follow_up(r["question"], has_history=True).follow_up for r in follow_ups)
    misread = sum(read_follow_up(r["question"], has_history=True).follow_up for r in standalone)
    assert len(follow_ups) == len(standalone) == 80
    assert recognised >= 0.75 * len(follow_ups) and misread <= 0.03 * len(standalone)
