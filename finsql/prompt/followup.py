"""Does a question lean on the conversation before it, or stand alone?

A follow-up ("and for 2022?", "only equity funds", "那2022年呢？", "这些基金的经理是谁？") is read with the
earlier turns; a question that stands alone is answered exactly as if it came first, so an earlier
topic cannot leak into it. The rules look for what a follow-up needs and a complete question lacks:
words that point back (those, their, 这些, 其中), a clause that only narrows or reorders ("only ...",
"sorted by ...", "只看..."), an opening that continues ("and ...", "what about ...", "那...呢"), or a
question too short to name its own subject.

>>> read_follow_up("and for 2022?", has_history=True).follow_up
True
>>> read_follow_up("Which 5 funds had the largest unit net value on 2024-06-28?", has_history=True).follow_up
False
>>> read_follow_up("那2022年呢？", has_history=True).cue
'呢'
>>> read_follow_up("and for 2022?", has_history=False).follow_up
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Openings that continue the previous question, whatever follows them.
_EN_OPENINGS = ("and", "what about", "how about", "what of", "same", "also", "only", "just", "now", "then",
                "instead", "but", "or", "sorted", "versus", "vs")
# Openings that continue it in a short question; a long one starting so is usually complete
# ("Excluding money market funds, which share classes ...", "Break down the Jiangsu-based companies ...").
_EN_SHORT_OPENINGS = ("excluding", "except", "without", "including", "limit", "restrict", "filter", "compared",
                      "break", "split", "sort", "order", "rank", "group")
# Words that point back to something the question does not name: they count in a short question or
# early in a long one ("Which companies manage them?"); later in a long question they usually refer
# inside it ("above the average of those").
_EN_POINTERS = re.compile(
    r"\b(those|these|them|they|it|the same|the two|each one|the \w+est one(?!-)|instead|(?:of )?the above|"
    r"for each(?= ?[.?!]?$)|(?:is|was|are|were|did|does|has) (?:that|this)|"
    r"that (?:fund|company|stock|bank|customer|one|manager|sector|industry|index|indicator|list|result|query|"
    r"number|figure|value|amount|total|ratio|rate|gap|share|trend|change|compares?|means?)|"
    r"this (?:fund|company|stock|customer|one|list|result|number))\b",
    re.IGNORECASE,
)
# Anywhere in the question: "What net profit did each of them report ...?"
_EN_ANYWHERE = re.compile(r"\b(?:each|all|any|one|none|some|most|many) of (?:them|these|those)\b", re.IGNORECASE)
# A possessive refers back only at the very start ("Who are their managers?"); after the subject it is
# the subject's own ("Which share classes cut their fees?").
_EN_POSSESSIVE = re.compile(r"\b(their|its)\b", re.IGNORECASE)
_EN_POSSESSIVE_WORDS = 3
# "that quarter" points back unless the question has its own time ("in 2023", "for each year").
_EN_TIME_POINTER = re.compile(r"\bthat (?:year|quarter|month|day|date|period|week)\b", re.IGNORECASE)
_EN_OWN_TIME = re.compile(r"\b(?:(?:19|20)\d\d|(?:each|every|per) (?:year|quarter|month|day|date|week)|"
                          r"(?:years|quarters|months|days|dates|weeks))\b", re.IGNORECASE)
_EN_SHORT_WORDS, _EN_EARLY_WORDS = 12, 6
# "Bond funds?" and "in 2022?" name no subject of their own; "List all banks" asks a whole question.
_EN_FRAGMENT_WORDS = 4
_EN_QUESTION_START = re.compile(r"(how|what|which|who|whom|whose|when|where|why|list|show|count|give|find|name|"
                                r"is|are|was|were|does|do|did|has|have|can)\b", re.IGNORECASE)

_ZH_OPENINGS = ("那", "那么", "那些", "这些", "其中", "它", "他们", "只看", "只要", "只列", "仅看", "再", "还有",
                "换成", "改为", "改成", "同样", "该", "各自")
# In a short question only; not "比较" (compare) or "跟踪" (track), which start complete questions.
_ZH_SHORT_OPENINGS = ("比(?!较)", "和", "与", "跟(?!踪)", "相比", "较", "仅", "分别", "其", "排除", "剔除", "去掉",
                      "去除", "除去", "按.{1,8}一下")
# Not "以上" or "同一": "规模在10亿元以上的基金" and "同一天成立的基金" stand alone.
# "这个" but not "这个月" (this month, a time of its own).
_ZH_POINTERS = ("这些", "那些", "它们", "它", "他们", "她们", "其中", "上述", "前面", "刚才", "上面", "该基金",
                "该公司", "该股", "该客户", "该银行", "这只", "这家", "这个(?!月|季度|星期|周)", "这位", "这几",
                "其余", "那次", "那天", "那年", "那个", "各自", "再看")
# "当月" points back unless the question has its own time: "社会融资规模当月增量最大的3个月" is complete.
_ZH_TIME_POINTERS = ("同月", "当月", "当季", "当年", "当天", "当日", "同年", "同季", "同期")
_ZH_OWN_TIME = re.compile(r"\d{4}|\d+[月日]|每|各|月份|季度|年份|交易日")
_ZH_SHORT_CHARS, _ZH_EARLY_CHARS, _ZH_FRAGMENT_CHARS = 24, 6, 5
_ZH_TAIL = re.compile(r"呢[？?。!！]*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class FollowUp:
    """Whether a question is read with the earlier turns, and the words that decided it."""

    follow_up: bool
    cue: str | None = None  # the words that marked it as a follow-up; None for one too short to stand alone

    def describe(self) -> str:
        if not self.follow_up:
            return "asked on its own: the earlier questions were not used (refer to them to follow up)"
        why = f"“{self.cue}” points back" if self.cue else "too short to stand alone"
        return f"read as a follow-up of the earlier questions ({why})"


STANDS_ALONE = FollowUp(False)


def read_follow_up(question: str, has_history: bool) -> FollowUp:
    """Decide whether ``question`` depends on earlier turns (always False for a first question)."""
    if not has_history:
        return STANDS_ALONE
    text = question.strip()
    cue = _chinese_cue(text) if _CJK.search(text) else _english_cue(text)  # "": too short to stand alone
    return STANDS_ALONE if cue is None else FollowUp(True, cue or None)


def _english_cue(text: str) -> str | None:
    lowered = text.lower().lstrip("¿¡\"'(")
    words = re.findall(r"[\w.-]+", text)
    short = len(words) <= _EN_SHORT_WORDS
    for opening in _EN_OPENINGS + (_EN_SHORT_OPENINGS if short else ()):
        if re.match(rf"{re.escape(opening)}\b", lowered):
            return opening
    first_sentence = re.split(r"[?.;!]\s", text, maxsplit=1)[0]  # a later sentence refers to the first
    region = first_sentence if short else " ".join(words[:_EN_EARLY_WORDS])
    pointer = (_EN_POINTERS.search(region) or _EN_ANYWHERE.search(first_sentence)
               or _EN_POSSESSIVE.search(" ".join(words[:_EN_POSSESSIVE_WORDS]))
               or (None if _EN_OWN_TIME.search(text) else _EN_TIME_POINTER.search(first_sentence)))
    if pointer:
        return pointer.group(0)
    if len(words) <= _EN_FRAGMENT_WORDS and not _EN_QUESTION_START.match(lowered):
        return ""
    return None


def _chinese_cue(text: str) -> str | None:
    if _ZH_TAIL.search(text):
        return "呢"
    chars = re.sub(r"[\s\W]", "", text)
    short = len(chars) <= _ZH_SHORT_CHARS
    for opening in _ZH_OPENINGS + (_ZH_SHORT_OPENINGS if short else ()):
        if found := re.match(opening, text):
            return found.group(0)
    first_sentence = re.split(r"[？?。；;！!]", text, maxsplit=1)[0]
    region = (first_sentence if short else text[:_ZH_EARLY_CHARS]).replace("其中文", "")  # "及其中文含义"
    pointers = _ZH_POINTERS + (() if _ZH_OWN_TIME.search(text) else _ZH_TIME_POINTERS)
    for pointer in pointers:
        if found := re.search(pointer, region):
            return found.group(0)
    if len(chars) <= _ZH_FRAGMENT_CHARS:
        return ""
    return None
