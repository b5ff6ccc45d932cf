"""How the chat shows one FinSQL answer: SQL, result table, chart and the evidence for trusting it.

Presentation only: everything shown here comes from the ``Answer`` the pipeline returned.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st

from finsql import Answer
from finsql.pipeline import GenerationInfo, Progress

STAGE_LABELS = {
    "model": "Loading the model…",
    "schema": "Reading the database's schema…",
    "retrieve": "Finding the tables and columns the question needs…",
    "examples": "Finding similar solved questions…",
    "prompt": "Writing the prompt…",
    "generate": "Writing SQL…",
    "extract": "Checking and repairing the candidate queries…",
    "vote": "Running the candidates and voting on their results…",
    "sample": "The first answer is in doubt: writing more candidates to vote on…",
    "verified": "Answering from your verified example…",
}
MAX_BARS = 40
MAX_SERIES = 10
_TIME_NAME = re.compile(r"(date|day|time|period|month|year|quarter|week|日期|时间|年|月|季)", re.IGNORECASE)
_TIME_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?([ T][\d:.]+)?|-?Q[1-4]|\d{4})$")
# Integer codes (InnerCode, FundType, ...) are identifiers, not quantities: never plot them.
_CODE_NAME = re.compile(r"(id|code|type|no|flag|mode|status|编码|代码|类型)$", re.IGNORECASE)


@dataclass(frozen=True)
class ChartSpec:
    kind: str  # "line" or "bar"
    x: str
    y: str
    color: str | None = None


class ProgressView:
    """Shows what the pipeline is doing while it answers: the stage, the SQL as it is written, tokens so far.

    Pass it as ``Pipeline.ask(..., progress=view)``; ``finish`` replaces it with one line: the time taken.
    """

    def __init__(self, candidates: int) -> None:
        self.candidates = candidates  # written alongside the greedy one
        self.slot = st.empty()
        self.status = self.slot.status("Working…", expanded=True)
        self.sql = self.status.empty()
        self.started = time.perf_counter()

    def __call__(self, progress: Progress) -> None:
        if progress.stage == "generate" and progress.tokens:
            others = f", with {self.candidates - 1} more candidates alongside" if self.candidates > 1 else ""
            self.status.update(label=f"Writing SQL… {progress.tokens} tokens{others}")
            self.sql.code(progress.text, language="sql", wrap_lines=True)
        elif not progress.done:
            self.status.update(label=STAGE_LABELS.get(progress.stage, "Working…"))

    def finish(self, answered: bool) -> None:
        seconds = time.perf_counter() - self.started
        self.slot.caption(f"Answered in {seconds:.1f} s" if answered else f"Stopped after {seconds:.1f} s")


def result_frame(answer: Answer) -> pd.DataFrame:
    """The result rows as a DataFrame; duplicate column names (``SELECT a, a``) get a suffix, and a coded
    column (``FundTypeCode`` 1101) is followed by its meaning (``FundTypeCode meaning``: Equity)."""
    seen: dict[str, int] = {}
    names = []
    for name in answer.columns:
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    frame = pd.DataFrame([list(r) for r in answer.rows], columns=names)
    for position in sorted(answer.codes, reverse=True):  # from the right, so earlier positions stay put
        meanings = answer.codes[position]
        frame.insert(position + 1, f"{names[position]} meaning",
                     [meanings.get(_code_text(row[position]), "") for row in answer.rows])
    return frame


def _code_text(value: object) -> str:
    """A stored code as the descriptions write it: 1101 and 1101.0 both read "1101"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value)


def _is_time(series: pd.Series) -> bool:
    values = series.dropna().astype(str)
    if values.empty or not values.map(lambda v: bool(_TIME_VALUE.match(v))).all():
        return False
    # Bare four-digit numbers are years only when the column is named like one.
    return not values.str.fullmatch(r"\d{4}").all() or bool(_TIME_NAME.search(str(series.name)))


def _is_measure(series: pd.Series) -> bool:
    return (pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)
            and not _CODE_NAME.search(str(series.name)))


def chart_spec(df: pd.DataFrame) -> ChartSpec | None:
    """A line chart over a time column, a bar chart over a category, or None when a chart says nothing."""
    if len(df) < 2 or df.columns.duplicated().any():
        return None
    times = [c for c in df.columns if _is_time(df[c]) and df[c].nunique() > 1]  # one date: no time axis
    measures = [c for c in df.columns if c not in times and _is_measure(df[c])]
    categories = [c for c in df.columns if c not in times and c not in measures and 1 < df[c].nunique() <= MAX_BARS
                  and (not pd.api.types.is_numeric_dtype(df[c]) or _CODE_NAME.search(str(c)))
                  and not _is_time(df[c])]
    if not measures:
        return None
    categories.sort(key=lambda c: not str(c).endswith(" meaning"))  # "Equity" labels a bar better than 1101
    y = measures[0]
    if times:
        x = times[0]
        if not df[x].duplicated().any():
            return ChartSpec("line", x, y)
        series = next((c for c in categories if df[c].nunique() <= MAX_SERIES
                       and not df.duplicated([x, c]).any()), None)
        return ChartSpec("line", x, y, series) if series else None
    x = next((c for c in categories if df[c].is_unique), None)
    return ChartSpec("bar", x, y) if x and len(df) <= MAX_BARS else None


def show_chart(df: pd.DataFrame) -> None:
    """Draw ``chart_spec``'s chart: lines on a value-fitted axis, bars ranked largest first."""
    spec = chart_spec(df)
    if spec is None:
        return
    # Plain field names: result columns such as "AVG(q.ClosePrice)" would read as nested fields.
    data = pd.DataFrame({"x": df[spec.x], "y": df[spec.y]})
    if spec.color:
        data["series"] = df[spec.color].astype(str)
    tooltip = [alt.Tooltip("x", title=spec.x), alt.Tooltip("y:Q", title=spec.y, format=",")]
    if spec.kind == "line":
        parsed = pd.to_datetime(data.x.astype(str), errors="coerce", format="mixed")
        temporal = bool(parsed.notna().all())
        if temporal:
            data["x"] = parsed
        chart = alt.Chart(data.sort_values("x")).mark_line(point=len(data) <= 60).encode(
            x=alt.X("x", type="temporal" if temporal else "ordinal", title=spec.x),
            y=alt.Y("y", type="quantitative", title=spec.y, scale=alt.Scale(zero=False)), tooltip=tooltip)
        if spec.color:
            chart = chart.encode(color=alt.Color("series", type="nominal", title=spec.color))
    else:
        data["x"] = data.x.astype(str)  # codes (FundType 1, 2, 3) are labels, not an axis
        chart = alt.Chart(data).mark_bar().encode(
            y=alt.Y("x", type="nominal", title=spec.x, sort="-x"),
            x=alt.X("y", type="quantitative", title=spec.y), tooltip=tooltip)
    st.altair_chart(chart, width="stretch")


def agreement(answer: Answer) -> tuple[int, int]:
    """(k, N): k of the N candidates returned the answer's result."""
    n = len(answer.candidates)
    return round((answer.confidence or 0.0) * n), n


def agreement_caption(k: int, n: int) -> str:
    """Agreement in a few words; an answer settled by its greedy candidate alone has nothing to agree with."""
    return "one candidate query, no samples needed" if n == 1 else f"{k} of {n} candidates agree"


def show_answer(answer: Answer, key: str) -> None:
    k, n = agreement(answer)
    if answer.follow_up is not None:  # said either way, so a missed follow-up can be asked again in full
        st.caption(answer.follow_up.describe().capitalize() + ".")
    if answer.verified is not None:
        st.caption(f"From a verified example (#{answer.verified.id}, saved {answer.verified.added}): "
                   "this question was answered with the SQL you confirmed.")
    if not answer.ok:
        st.error(f"No valid SQL came out: none of the {n} candidate queries ran successfully. "
                 f"The chosen one failed with: {answer.error}")
        if answer.sql:
            st.caption("SQL that was tried:")
            st.code(answer.sql, language="sql", wrap_lines=True)
        else:
            st.caption("The model wrote no SQL.")
    else:
        st.code(answer.sql, language="sql", wrap_lines=True)
        sent = answer.winner.result.sent if answer.winner is not None and answer.winner.result is not None else None
        if sent:  # a database by URL ran the query translated from SQLite into its own dialect
            with st.expander("As the database ran it"):
                st.code(sent, language="sql", wrap_lines=True)
        if answer.trust is not None and not answer.trust.confident and answer.rows:
            st.warning(f"Not sure: {answer.trust.why_not}. Check the SQL before relying on the numbers.")
        df = result_frame(answer)
        note = f"{len(df):,} row{'s' * (len(df) != 1)}" + (" (truncated at the row limit)" if answer.truncated
                                                            else "")
        if df.empty:
            st.info("The query ran but returned no rows.")
            st.caption(f"{note} · {agreement_caption(k, n)}")
        else:
            if df.shape == (1, 1):
                st.metric(str(df.columns[0]), df.iat[0, 0])
            st.dataframe(df, hide_index=True)
            left, right = st.columns([3, 1])
            left.caption(f"{note} · {agreement_caption(k, n)}")
            right.download_button("Download CSV", df.to_csv(index=False).encode("utf-8-sig"),
                                  file_name=f"{answer.db_id}_answer.csv", mime="text/csv",
                                  key=f"csv_{key}", icon=":material/download:")
            show_chart(df)
    with st.expander("Why trust this answer"):
        show_evidence(answer, k, n)


def _result_size(result) -> str:
    if result is None:
        return "not run"
    if not result.ok:
        return f"error: {result.error}"
    return f"{len(result.rows)} row{'s' * (len(result.rows) != 1)}" + (" (truncated)" if result.truncated else "")


def model_line(generation: GenerationInfo) -> str:
    """Which model wrote the SQL: the database's LoRA module, or the base model and why."""
    if generation.adapter is not None:
        return f"LoRA module `{generation.adapter.name}` for this database"
    if left_out := generation.adapter_left_out:
        return f"the base model; its LoRA module is left out because {left_out}"
    return "the base model (no LoRA module for this database)"


def show_evidence(answer: Answer, k: int, n: int) -> None:
    if answer.verified is not None:
        st.markdown(f"**Source:** verified example {answer.verified.id}, saved {answer.verified.added}; "
                    "no model was asked.")
    if answer.ok and answer.verified is None:
        st.markdown(f"**Agreement:** {k} of {n} candidates agree on this result." if n > 1 else
                    "**Agreement:** one candidate query was written (greedily) and it ran"
                    + (" and returned rows" if answer.rows else "") + ", so no samples were drawn to compare it "
                    "with; confidence rests on the model's likelihood.")
        if answer.trust is not None and answer.winner is not None:
            likelihood = f"mean log-probability of the chosen SQL {answer.winner.mean_logprob:.3f}"
            grounds = "enough candidates agree" if n > 1 else "its query returned rows"
            st.markdown("**Confidence:** " + (f"confident: {grounds} and the model found its SQL "
                                               f"likely ({likelihood})." if answer.trust.confident else
                                               f"not sure: {answer.trust.why_not} ({likelihood})."))
    elif answer.verified is None:
        st.markdown(f"**Agreement:** none — all {n} candidates failed, so there is no answer to trust.")
    if (r := answer.retrieval) is not None:
        lines = [f"- **{t}**: {', '.join(r.columns.get(t, [])) or 'all columns'}" for t in r.tables]
        if r.join_tables:
            lines.append(f"- joined through: {', '.join(r.join_tables)}")
        lines += [f"- value matched: `{v.table}.{v.column} = '{v.value}'`" for v in r.values]
        st.markdown("**Schema the model saw** (retrieved for this question):\n" + "\n".join(lines))
    if answer.terms:
        st.markdown("**Business terms used** (from the glossary):\n"
                    + "\n".join(f"- {t.term}: `{t.meaning}`" for t in answer.terms))
    winner = answer.winner.index if answer.winner else None
    if answer.follow_up is not None:
        st.markdown(f"**Conversation:** {answer.follow_up.describe()}.")
    rows = [{"#": c.index, "chosen": "✓" if c.index == winner else "", "kind": "sampled" if c.sampled else "greedy",
             "result": _result_size(c.result), "group": c.group, "votes": c.votes,
             "repairs": ", ".join(c.repairs) or "—", "SQL": " ".join(c.sql.split()) or "(no SQL)"}
            for c in answer.candidates]
    if rows:
        st.markdown("**Candidates** (same group = same result rows):")
        st.dataframe(pd.DataFrame(rows), hide_index=True, column_config={
            "SQL": st.column_config.TextColumn(width="large"), "result": st.column_config.TextColumn(width="medium")})
    repairs = next((c.repairs for c in answer.candidates if c.index == winner), [])
    st.markdown(f"**Repairs made to the chosen SQL:** {', '.join(repairs) if repairs else 'none'}")
    if (prompt := answer.prompt) is not None and prompt.full_schema_tokens is not None:
        st.markdown(f"**Prompt:** {prompt.n_tokens:,} tokens "
                    f"(the whole schema would take {prompt.full_schema_tokens:,})")
    if answer.generation is not None:
        st.markdown(f"**Model:** {model_line(answer.generation)}")
    total = sum(s.elapsed_s for s in answer.trace)
    st.caption("Stage timings: " + " · ".join(f"{s.name} {s.elapsed_s:.2f} s" for s in answer.trace)
               + f" · total {total:.1f} s")
