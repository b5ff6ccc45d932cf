"""Generation backends: something that turns a prompt into model text.

The pipeline talks to the small ``Generator`` protocol only, so another backend (an
OpenAI-compatible server, say) can be added without touching it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from finsql.models import LoadedModel

STOP_STRINGS = ["```", ";"]


@dataclass(frozen=True)
class Generation:
    text: str
    mean_logprob: float  # average log-probability of the generated tokens
    n_tokens: int


class Generator(Protocol):
    tokenizer: object  # a transformers tokenizer: the prompt builder applies its chat template

    def generate(self, prompt: str, max_new_tokens: int) -> Generation: ...


class HFGenerator:
    """Greedy decoding with a transformers causal LM (4-bit or full precision, CPU or CUDA)."""

    def __init__(self, loaded: LoadedModel) -> None:
        self.loaded = loaded
        self.tokenizer = loaded.tokenizer

    def generate(self, prompt: str, max_new_tokens: int) -> Generation:
        import torch

        model, tokenizer = self.loaded.model, self.loaded.tokenizer
        inputs = tokenizer(prompt, return_tensors="pt", add_special_tokens=False).to(model.device)
        with torch.inference_mode():
            out = model.generate(
                **inputs,
                max_new_tokens=max_new_tokens,
                do_sample=False,
                temperature=None,
                top_p=None,
                top_k=None,
                stop_strings=STOP_STRINGS,
                tokenizer=tokenizer,
                pad_token_id=tokenizer.pad_token_id,
                output_scores=True,
                return_dict_in_generate=True,
            )
            scores = model.compute_transition_scores(out.sequences, out.scores, normalize_logits=True)
        new_tokens = out.sequences[0, inputs["input_ids"].shape[1]:]
        text = tokenizer.decode(new_tokens, skip_special_tokens=True)
        n = int(new_tokens.shape[0])
        return Generation(text, float(scores[0].mean()) if n else 0.0, n)
