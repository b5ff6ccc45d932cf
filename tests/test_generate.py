"""N candidates from one shared prefill, with the real tiny model."""

from __future__ import annotations

import warnings

import pytest

from finsql.generate import HFGenerator

PROMPT = ("<|im_start|>user\nTable fund(InnerCode, ChiName, FundType). How many funds are there?<|im_end|>\n"
          "<|im_start|>assistant\n```sql\n")


@pytest.fixture(scope="module")
def generator(tiny_model) -> HFGenerator:
    return HFGenerator(tiny_model)


def test_greedy_candidate_equals_plain_greedy_decoding(generator, tiny_model) -> None:
    import torch

    tok, model = tiny_model.tokenizer, tiny_model.model
    ids = tok(PROMPT, return_tensors="pt", add_special_tokens=False)
    with torch.inference_mode():
        plain = model.generate(**ids, max_new_tokens=24, do_sample=False, stop_strings=["```", ";"], tokenizer=tok,
                               pad_token_id=tok.pad_token_id)
    expected = tok.decode(plain[0, ids["input_ids"].shape[1]:], skip_special_tokens=True)
    (greedy, *_), = [generator.generate(PROMPT, max_new_tokens=24, n=3)]
    assert greedy.text == expected and not greedy.sampled


def test_n_candidates_greedy_first_then_samples(generator) -> None:
    import torch

    torch.manual_seed(0)
    generations = generator.generate(PROMPT, max_new_tokens=24, n=4, temperature=1.0)
    assert [g.sampled for g in generations] == [False, True, True, True]
    assert all(0 < g.n_tokens <= 24 for g in generations)
    assert all(g.mean_logprob < 0 for g in generations)
    assert len({g.text for g in generations}) > 1  # sampling explores beyond the greedy answer


def test_decoding_from_the_shared_prefill_warns_of_nothing(generator) -> None:
    """The prefilled cache reaches ``generate`` under its current name: no deprecation warning for the user."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        generator.generate(PROMPT, max_new_tokens=8, n=2)
    assert [str(w.message) for w in caught if issubclass(w.category, (FutureWarning, DeprecationWarning))] == []


def test_a_cpu_prefills_with_sdpa_decodes_with_eager_and_keeps_its_own_kernel(generator, tiny_model) -> None:
    model = tiny_model.model
    kernels = []  # (tokens in the call, attention kernel in use), one per forward pass

    def record(module, args, kwargs):
        ids = kwargs["input_ids"] if "input_ids" in kwargs else args[0]
        kernels.append((ids.shape[1], module.config._attn_implementation))

    hook = model.register_forward_pre_hook(record, with_kwargs=True)
    try:
        HFGenerator(tiny_model).generate(PROMPT, max_new_tokens=4, n=2)  # a new one: nothing prefilled yet
    finally:
        hook.remove()
    prefill, *steps = kernels
    assert prefill[0] > 1 and prefill[1] == "sdpa"
    assert steps and all(kernel == "eager" for _, kernel in steps)
    assert model.config._attn_implementation == "sdpa"


def test_a_batch_of_prompts_decodes_as_each_would_alone(generator) -> None:
    # Prompts of different lengths, so the batch is left-padded; full precision, so the match is exact.
    prompts = [PROMPT, PROMPT.replace("How many funds are there?", "List every fund name and its type, newest first."),
               PROMPT.replace("fund(InnerCode, ChiName, FundType)", "stock(SecuCode, SecuAbbr)")]
    alone = [generator.generate(p, max_new_tokens=20, n=1)[0] for p in prompts]
    together = generator.generate_greedy_batch(prompts, max_new_tokens=20)
    assert [g.text for g in together] == [g.text for g in alone]
    assert [g.n_tokens for g in together] == [g.n_tokens for g in alone]
    assert [round(g.mean_logprob, 3) for g in together] == [round(g.mean_logprob, 3) for g in alone]
    assert not any(g.sampled for g in together)


def test_each_decoding_step_reports_the_greedy_text_so_far(generator) -> None:
    steps: list[tuple[int, str]] = []
    greedy, *_ = generator.generate(PROMPT, max_new_tokens=24, n=3, on_step=lambda n, text: steps.append((n, text)))
    counts = [n for n, _ in steps]
    assert counts == sorted(counts) and counts[-1] == greedy.n_tokens
    assert steps[-1][1] == greedy.text
    assert all(greedy.text.startswith(text) or n == counts[-1] for n, text in steps[:-1])


def test_samples_asked_after_the_greedy_candidate_reuse_its_prefill_unchanged(tiny_model) -> None:
    """The kept cache is copied for each decode: samples after a greedy call are those a fresh generator writes."""
    fresh = HFGenerator(tiny_model).generate(PROMPT, max_new_tokens=16, n=3, greedy=False)
    generator = HFGenerator(tiny_model)
    greedy = generator.generate(PROMPT, max_new_tokens=16, n=1)
    forward_passes = []
    hook = tiny_model.model.register_forward_pre_hook(lambda module, args, kwargs: forward_passes.append(
        (kwargs["input_ids"] if "input_ids" in kwargs else args[0]).shape[1]), with_kwargs=True)
    try:
        after = generator.generate(PROMPT, max_new_tokens=16, n=3, greedy=False)
    finally:
        hook.remove()
    assert [g.text for g in after] == [g.text for g in fresh]
    assert all(g.sampled for g in after) and not greedy[0].sampled
    assert max(forward_passes) == 1  # one new token per pass: no prompt was read again
