"""The llama.cpp backend against the hf one: the same model reads a prompt alike, a LoRA module moves both
alike, and its candidates, cache and module switches keep the Generator protocol's promises."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import TEST_MODEL

pytest.importorskip("llama_cpp", reason="llama-cpp-python is installed by `make setup-test`")

from finsql.generate_llama import LlamaCppGenerator, _PromptLookup  # noqa: E402
from finsql.models import ensure_gguf  # noqa: E402

PROMPT = ("<|im_start|>user\nTable fund(InnerCode, ChiName, FundType). How many funds are there?<|im_end|>\n"
          "<|im_start|>assistant\n```sql\n")
OTHER = PROMPT.replace("How many funds are there?", "List every fund name.")


@pytest.fixture(scope="module")
def generator(test_tokenizer) -> LlamaCppGenerator:
    return LlamaCppGenerator(ensure_gguf(TEST_MODEL), test_tokenizer)


@pytest.fixture(scope="module")
def random_module(tiny_model, tmp_path_factory):
    """A LoRA module with random A and B on the tiny model's query and key projections (the two whose rows
    llama.cpp permutes: a module on all four attention projections moves the model the right way even
    with those wrong), saved as PEFT saves it."""
    import torch
    from peft import LoraConfig, get_peft_model

    torch.manual_seed(0)
    model = get_peft_model(tiny_model.model, LoraConfig(r=4, lora_alpha=8, init_lora_weights=False,
                                                        target_modules=["q_proj", "k_proj"]))
    folder = tmp_path_factory.mktemp("module") / "random"
    model.save_pretrained(folder)
    tiny_model.model = model.unload()  # the session's tiny model goes back to the base for other tests
    return folder


def hf_next_logits(tiny_model, prompt: str, module=None) -> np.ndarray:
    import torch
    from peft import PeftModel

    ids = tiny_model.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)["input_ids"]
    model = PeftModel.from_pretrained(tiny_model.model, str(module)) if module else tiny_model.model
    try:
        with torch.inference_mode():
            return model(ids).logits[0, -1].float().numpy()
    finally:
        if module:
            tiny_model.model = model.unload()


def test_llama_cpp_reads_a_prompt_as_the_hf_model_does(generator, tiny_model) -> None:
    generator.use_adapter(None)
    ours = generator._prefill(generator.tokenizer(PROMPT, add_special_tokens=False)["input_ids"])
    theirs = hf_next_logits(tiny_model, PROMPT)
    assert ours.argmax() == theirs.argmax()
    assert np.corrcoef(ours, theirs)[0, 1] > 0.98  # the same weights; llama.cpp rounds activations to 8 bits


def test_a_lora_module_moves_llama_cpp_as_it_moves_the_hf_model(generator, tiny_model, random_module) -> None:
    """SmolLM2 is a Llama: its query and key rows are permuted in the GGUF, so the module's B must be too."""
    tokens = generator.tokenizer(PROMPT, add_special_tokens=False)["input_ids"]
    generator.use_adapter(None)
    base = generator._prefill(tokens).copy()
    generator.use_adapter("random", random_module)
    moved = generator._prefill(tokens).copy()
    hf_shift = hf_next_logits(tiny_model, PROMPT, random_module) - hf_next_logits(tiny_model, PROMPT)
    ours_shift = moved - base
    assert np.linalg.norm(hf_shift) > 1.0  # the module changes what the model predicts
    cosine = float(ours_shift @ hf_shift / np.linalg.norm(ours_shift) / np.linalg.norm(hf_shift))
    assert cosine > 0.95
    generator.use_adapter(None)
    assert np.allclose(generator._prefill(tokens), base)  # back to the base: its cache and predictions


def test_candidates_are_the_greedy_one_then_samples_seeded_by_the_prompt(generator) -> None:
    generator.use_adapter(None)
    first = generator.generate(PROMPT, max_new_tokens=16, n=4, temperature=1.0)
    again = generator.generate(PROMPT, max_new_tokens=16, n=4, temperature=1.0)
    alone = generator.generate(PROMPT, max_new_tokens=16, n=1)
    assert [g.sampled for g in first] == [False, True, True, True]
    assert [g.text for g in first] == [g.text for g in again]
    assert first[0].text == alone[0].text and first[0].n_tokens == alone[0].n_tokens
    assert all(0 < g.n_tokens <= 16 and g.mean_logprob <= 0 for g in first)
    assert len({g.text for g in first}) > 1
    assert generator.last_timing.steps <= alone[0].n_tokens  # fewer where guessed tokens were kept


def test_samples_after_the_greedy_candidate_read_no_prompt_again(generator, test_tokenizer) -> None:
    fresh = LlamaCppGenerator(ensure_gguf(TEST_MODEL), test_tokenizer)
    expected = fresh.generate(OTHER, max_new_tokens=16, n=3, greedy=False)
    generator.use_adapter(None)
    generator.generate(OTHER, max_new_tokens=16, n=1)
    after = generator.generate(OTHER, max_new_tokens=16, n=3, greedy=False)
    assert [g.text for g in after] == [g.text for g in expected] and all(g.sampled for g in after)
    assert generator.last_timing.prefill_s < fresh.last_timing.prefill_s / 5


def test_a_prompt_that_begins_like_the_last_reads_only_the_rest(generator, test_tokenizer) -> None:
    fresh = LlamaCppGenerator(ensure_gguf(TEST_MODEL), test_tokenizer)
    tokens = test_tokenizer(OTHER, add_special_tokens=False)["input_ids"]
    generator.use_adapter(None)
    generator.generate(PROMPT, max_new_tokens=4, n=1)
    assert np.allclose(generator._prefill(tokens), fresh._prefill(tokens), atol=1e-2)


def test_eight_or_more_candidates_are_written_in_rounds(generator) -> None:
    generator.use_adapter(None)
    generations = generator.generate(PROMPT, max_new_tokens=6, n=10, temperature=1.0)
    assert len(generations) == 10 and [g.sampled for g in generations] == [False] + [True] * 9


def test_a_prompt_longer_than_the_context_gets_a_larger_one_and_keeps_the_module(test_tokenizer, random_module,
                                                                                  monkeypatch) -> None:
    import finsql.generate_llama as engine

    roomy = LlamaCppGenerator(ensure_gguf(TEST_MODEL), test_tokenizer)
    roomy.use_adapter("random", random_module)
    expected = roomy.generate(PROMPT, max_new_tokens=100, n=3, temperature=1.0)
    monkeypatch.setattr(engine, "CONTEXT_TOKENS", 64)  # llama.cpp makes it its least, 256
    small = LlamaCppGenerator(ensure_gguf(TEST_MODEL), test_tokenizer)
    small.use_adapter("random", random_module)
    needed = len(test_tokenizer(PROMPT)["input_ids"]) + 3 * 100
    assert small._ctx.n_ctx() < needed
    grown = small.generate(PROMPT, max_new_tokens=100, n=3, temperature=1.0)
    assert small._ctx.n_ctx() >= needed
    assert small.adapter == "random" and [g.text for g in grown] == [g.text for g in expected]


def test_a_prompt_longer_than_the_model_reads_is_refused_in_one_line(generator) -> None:
    from finsql.errors import FinSQLError

    with pytest.raises(FinSQLError, match="more than the model's"):
        generator.generate(PROMPT * 400, max_new_tokens=8)


def test_guesses_are_copied_from_where_the_last_three_tokens_were_seen_latest() -> None:
    lookup = _PromptLookup([7, 1, 2, 3, 4, 5, 1, 2, 3, 9, 1, 2])
    assert lookup.guess(3) == []  # (1, 2) alone is not enough to guess from
    lookup.extend(3)
    assert lookup.guess(2) == [9, 1]  # the later copy of (1, 2, 3) wins
    lookup.extend(8)
    assert lookup.guess(5) == []
    lookup.extend(1), lookup.extend(2), lookup.extend(3)
    assert lookup.guess(5) == [8, 1, 2, 3]  # its own text counts too, up to its newest token
    assert lookup.guess(0) == []


@pytest.mark.parametrize("guesses", ["right", "wrong"])
def test_guessed_tokens_leave_the_greedy_text_as_it_was(test_tokenizer, monkeypatch, guesses) -> None:
    """Right guesses are kept (fewer steps), wrong ones dropped with their cells; either way the greedy
    candidate, and samples written after it from the same cache, are what they are without guessing."""
    plain = LlamaCppGenerator(ensure_gguf(TEST_MODEL), test_tokenizer, draft_tokens=0)
    expected = plain.generate(PROMPT, max_new_tokens=24, n=1)[0]
    expected_samples = plain.generate(PROMPT, max_new_tokens=12, n=2, greedy=False)
    prompt_length = len(test_tokenizer(PROMPT, add_special_tokens=False)["input_ids"])
    wrong = next(t for t in range(5, 500) if t not in expected.token_ids)

    def guess(lookup, most):
        written = len(lookup.tokens) - prompt_length
        if guesses == "right":
            return list(expected.token_ids[written:written + most])
        return [wrong] * most

    monkeypatch.setattr(_PromptLookup, "guess", guess)
    guessing = LlamaCppGenerator(ensure_gguf(TEST_MODEL), test_tokenizer, draft_tokens=5)
    got = guessing.generate(PROMPT, max_new_tokens=24, n=1)[0]
    assert got.token_ids == expected.token_ids and got.text == expected.text
    assert np.allclose(got.token_logprobs, expected.token_logprobs, atol=0.05)
    steps = guessing.last_timing.steps
    assert steps <= -(-len(got.token_ids) // 6) + 1 if guesses == "right" else steps == len(got.token_ids)
    samples = guessing.generate(PROMPT, max_new_tokens=12, n=2, greedy=False)
    assert [g.text for g in samples] == [g.text for g in expected_samples]

