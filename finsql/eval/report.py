"""report.html: one self-contained page (charts embedded as PNG) for a person to look at."""

from __future__ import annotations

import base64
import html
import io
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first

COLOURS = {"pipeline": "#2b6cb0", "baseline": "#a0aec0"}
MAX_FAILURES_SHOWN = 200


def _png(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return f'<img alt="chart" src="data:image/png;base64,{base64.b64encode(buffer.getvalue()).decode()}">'


def _grouped_bars(summaries: dict[str, dict], key: str, title: str) -> str:
    groups = sorted({g for s in summaries.values() for g in s[key]})
    fig, ax = plt.subplots(figsize=(max(4.0, 1.3 * len(groups) + 2), 3.2))
    width = 0.8 / max(1, len(summaries))
    for i, (system, summary) in enumerate(summaries.items()):
        values = [(summary[key].get(g) or {}).get("ex") or 0.0 for g in groups]
        xs = [x + i * width for x in range(len(groups))]
        bars = ax.bar(xs, values, width, label=system, color=COLOURS.get(system))
        ax.bar_label(bars, labels=[f"{v:.0%}" for v in values], fontsize=8)
    ax.set_xticks([x + width * (len(summaries) - 1) / 2 for x in range(len(groups))], groups)
    ax.set_ylim(0, 1.1)
    ax.set_ylabel("execution accuracy")
    ax.set_title(title)
    ax.legend(fontsize=8)
    return _png(fig)


def _latency_histogram(results: dict[str, list[dict]]) -> str:
    fig, ax = plt.subplots(figsize=(6, 3.2))
    for system, rows in results.items():
        latencies = [r["latency_s"] for r in rows if r.get("latency_s") is not None]
        if latencies:
            ax.hist(latencies, bins=20, alpha=0.7, label=system, color=COLOURS.get(system))
    ax.set_xlabel("seconds per question")
    ax.set_ylabel("questions")
    ax.set_title("Latency")
    ax.legend(fontsize=8)
    return _png(fig)


def _headline(summaries: dict[str, dict]) -> str:
    head = "<tr><th>system</th><th>EX</th><th>n</th><th>valid SQL</th><th>p50 s</th><th>p95 s</th></tr>"
    rows = []
    for system, s in summaries.items():
        ex = "–" if s["ex"] is None else f"{s['ex']:.1%}"
        valid = "–" if s["valid_sql_rate"] is None else f"{s['valid_sql_rate']:.1%}"
        rows.append(f"<tr><td>{system}</td><td>{ex}</td><td>{s['n']}</td><td>{valid}</td>"
                    f"<td>{s['p50_latency_s']}</td><td>{s['p95_latency_s']}</td></tr>")
    return f"<table>{head}{''.join(rows)}</table>"


def _failures(rows: list[dict]) -> str:
    failed = [r for r in rows if not r["correct"] and not r.get("skipped")]
    cells = []
    for r in failed[:MAX_FAILURES_SHOWN]:
        e = {k: html.escape(str(r.get(k) or "")) for k in ("id", "db_id", "difficulty", "question", "gold_sql",
                                                            "pred_sql", "error")}
        cells.append(f"<tr><td>{e['id']}<br><small>{e['db_id']} · {e['difficulty']}</small></td>"
                     f"<td>{e['question']}</td><td><pre>{e['gold_sql']}</pre></td><td><pre>{e['pred_sql']}</pre></td>"
                     f"<td>{e['error']}</td></tr>")
    hidden = len(failed) - MAX_FAILURES_SHOWN
    more = f"<p>{hidden} more in results.jsonl</p>" if hidden > 0 else ""
    return ("<table class='failures'><tr><th>id</th><th>question</th><th>gold SQL</th><th>predicted SQL</th>"
            f"<th>why wrong</th></tr>{''.join(cells)}</table>{more}")


STYLE = """body{font-family:sans-serif;margin:2em;max-width:1400px}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #cbd5e0;padding:4px 8px;vertical-align:top;text-align:left}pre{margin:0;white-space:pre-wrap;
max-width:420px;font-size:12px}.failures td{font-size:13px}img{margin:0.5em 1em 0.5em 0}"""


def write_report(out_dir: Path, summaries: dict[str, dict], results: dict[str, list[dict]], config: dict) -> Path:
    """Write ``out_dir/report.html`` from the summaries and result lines of every system in the run."""
    charts = [_grouped_bars(summaries, "ex_by_db", "EX by database"),
              _grouped_bars(summaries, "ex_by_difficulty", "EX by difficulty"),
              _latency_histogram(results)]
    failures = "".join(f"<h3>{system}</h3>{_failures(rows)}" for system, rows in results.items())
    skipped = [s for summary in summaries.values() for s in summary["skipped"]]
    skipped_html = ("<h2>Skipped items</h2><ul>" + "".join(
        f"<li>{html.escape(s['id'])}: {html.escape(s['reason'])}</li>" for s in skipped) + "</ul>") if skipped else ""
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>FinSQL evaluation</title>
<style>{STYLE}</style></head><body><h1>FinSQL evaluation</h1>{_headline(summaries)}
<div>{''.join(charts)}</div><h2>Failures</h2>{failures}{skipped_html}
<h2>Configuration</h2><pre>{html.escape(json.dumps(config, indent=2, ensure_ascii=False))}</pre></body></html>"""
    path = out_dir / "report.html"
    path.write_text(page, encoding="utf-8")
    return path
