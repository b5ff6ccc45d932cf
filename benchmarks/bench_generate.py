"""Generation speed and memory: 4-bit NF4 vs full precision, same model, same prompt, one run.

    python benchmarks/bench_generate.py [--model smollm2-135m] [--device auto] [--tokens 64] [--repeats 3]

Prints one row per load mode with load time, weight memory, decode tokens/s, and ratios against
full precision measured in the same run.
"""

from __future__ import annotations

import argparse
import sys
import time

import torch

from finsql.errors import run_command
from finsql.generate import HFGenerator
from finsql.models import LoadOptions, load_model

PROMPT = (
    "<|im_start|>user\nCREATE TABLE mf_fundarchives (InnerCode INTEGER PRIMARY KEY, SecuCode TEXT, "
    "ChiName TEXT, FundType INTEGER);\nQuestion: How many equity funds (FundType = 1) are there?<|im_end|>\n"
    "<|im_start|>assistant\n```sql\n"
)


def measure(model: str, quantization: str, device: str, tokens: int, repeats: int) -> dict:
    start = time.perf_counter()
    loaded = load_model(model, LoadOptions(quantization=quantization, device=device))
    load_s = time.perf_counter() - start
    generator = HFGenerator(loaded)
    generator.generate(PROMPT, max_new_tokens=4)  # warm-up
    rates = []
    for _ in range(repeats):
        if loaded.device.startswith("cuda"):
            torch.cuda.synchronize()
        t = time.perf_counter()
        out = loaded.model.generate(**loaded.tokenizer(PROMPT, return_tensors="pt").to(loaded.model.device),
                                    max_new_tokens=tokens, min_new_tokens=tokens, do_sample=False,
                                    pad_token_id=loaded.tokenizer.pad_token_id)
        if loaded.device.startswith("cuda"):
            torch.cuda.synchronize()
        new = out.shape[1] - len(loaded.tokenizer(PROMPT)["input_ids"])
        rates.append(new / (time.perf_counter() - t))
    return {"mode": quantization, "device": loaded.device, "load_s": load_s,
            "weights_mb": loaded.model.get_memory_footprint() / 2**20, "tok_s": sorted(rates)[len(rates) // 2]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--tokens", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    rows = [measure(args.model, q, args.device, args.tokens, args.repeats) for q in ("none", "4bit")]
    base = rows[0]
    print(f"model {args.model}, {args.tokens} new tokens, median of {args.repeats}")
    print(f"{'mode':6} {'device':6} {'load s':>7} {'weights MB':>11} {'tok/s':>8} {'mem ratio':>10} "
          f"{'speed ratio':>12}")
    for r in rows:
        print(f"{r['mode']:6} {r['device']:6} {r['load_s']:7.1f} {r['weights_mb']:11.0f} {r['tok_s']:8.1f} "
              f"{r['weights_mb'] / base['weights_mb']:10.2f} {r['tok_s'] / base['tok_s']:12.2f}")


if __name__ == "__main__":
    sys.exit(run_command(main))
