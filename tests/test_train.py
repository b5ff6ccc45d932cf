"""`python -m finsql.train`: real augmentation on the bundled databases, real LoRA training of the tiny
model (SmolLM2-135M, 4-bit on the CPU), real PEFT files, resume after a crash, LoraHub fusion."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import TEST_MODEL

from finsql.adapters import set_answer_prompt
from finsql.calibrate.extract import extract_sql
from finsql.config import ModelConfig, PipelineConfig
from finsql.datasets import load_questions
from finsql.db import Database
from finsql.errors import FinSQLError
from finsql.pipeline import Pipeline
from finsql.prompt.examples import train_set_path
from finsql.schema import load_schema
from finsql.train.__main__ import DEFAULT_CONFIG, build_parser, load_settings
from finsql.train.augment import Augmenter, TrainPair
from finsql.train.config import AugmentSettings, load_train_config
from finsql.train.dataset import IGNORE, Tokenized, build_examples, collate, length_batches, training_prompt

# Small and fast: 12 real fund pairs (x4 with augmentation); a 640-token prompt budget, which cuts retrieval
# to its fewest columns (SmolLM2 still spends 770-1,700 tokens on them); one example a step; no recomputed
# activations. A step then takes ~13 s here instead of ~27 s. A checkpoint every 2 steps.
FAST = ["--model", TEST_MODEL, "--max-tokens", "640", "--batch-tokens", "800", "--no-gradient-checkpointing",
        "--save-every", "2", "--quiet"]


@pytest.fixture(scope="module")
def small_train_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("train") / "fund_train.jsonl"
    path.write_text("\n".join(train_set_path("fund").read_text(encoding="utf-8").splitlines()[:12]) + "\n",
                    encoding="utf-8")
    return path


def _cuda_visible() -> bool:
    import torch

    return torch.cuda.is_available()


def train_cli(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "finsql.train", *args], capture_output=True, text=True,
                          timeout=900, env={**os.environ, **(env or {})}, **kwargs)


@pytest.fixture(scope="module")
def trained_module(tmp_path_factory, small_train_file, bundled_data_dir) -> Path:
    """A real fund module of the tiny model: 2 steps on the 4-bit base, saved in PEFT format."""
    out = tmp_path_factory.mktemp("modules") / "fund"
    proc = train_cli("fund", *FAST, "--train-file", str(small_train_file), "--max-steps", "2", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


def test_an_output_folder_that_is_a_file_is_refused_and_left_alone(tmp_path, small_train_file) -> None:
    taken = tmp_path / "notes.txt"
    taken.write_text("keep me")
    proc = train_cli("fund", *FAST, "--train-file", str(small_train_file), "--max-steps", "1", "--out", str(taken))
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: the module's output folder {taken} is a file, not a folder; give a folder"
    assert taken.read_text() == "keep me"


def test_a_prepare_only_path_that_cannot_be_written_is_refused(tmp_path, small_train_file) -> None:
    taken = tmp_path / "notes.txt"
    taken.write_text("keep me")
    for target, message in ((tmp_path, f"--prepare-only names the file to write, and {tmp_path} is a folder"),
                            (taken / "fund.json", f"the --prepare-only file's folder {taken} is a file, not a folder")):
        proc = train_cli("fund", *FAST, "--train-file", str(small_train_file), "--prepare-only", str(target))
        assert proc.returncode == 2
        assert proc.stderr.strip().startswith(f"error: {message}"), proc.stderr
    assert taken.read_text() == "keep me"


@pytest.mark.parametrize(("flags", "message"), [
    (["--rank", "0"], "lora.rank must be a positive integer"),
    (["--layers", "40-50"], "outside the model's layers"),
    (["--layers", "23-12"], "lora.layers '23-12' is not 'all', a range like '12-23' (low to high)"),
    (["--learning-rate", "-1"], "optim.learning_rate must be positive"),
    (["--target-modules", "q_proj,qkv"], "unknown lora target module 'qkv'"),
    (["--device", "tpu"], "device 'tpu' is not one of auto, cpu, cuda, cuda:N"),
    pytest.param(["--device", "cuda"], "device 'cuda' asked for but no CUDA GPU is visible",
                 marks=pytest.mark.skipif(_cuda_visible(), reason="a GPU is present")),
])
def test_bad_settings_are_refused_in_one_line(flags, message, tmp_path, small_train_file) -> None:
    proc = train_cli("fund", *FAST, "--train-file", str(small_train_file), "--max-steps", "1",
                     "--out", str(tmp_path / "m"), *flags)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "m" / "adapter_model.safetensors").exists()


def test_flags_override_the_toml_settings_they_name() -> None:
    args = build_parser().parse_args(["fund", "--target-modules", "q_proj, v_proj,up_proj", "--dropout", "0.1",
                                      "--examples", "3", "--max-tokens", "3072", "--top-tables", "5",
                                      "--max-seq-tokens", "4096"])
    flagged = load_settings(args)
    from_file = load_train_config(DEFAULT_CONFIG)
    assert flagged.lora.target_modules == ("q_proj", "v_proj", "up_proj")
    assert flagged.lora.dropout == 0.1 and flagged.optim.max_seq_tokens == 4096
    assert (flagged.prompt.examples, flagged.prompt.max_tokens) == (3, 3072)
    assert flagged.retrieval.top_tables == 5
    # what no flag names keeps the file's value
    assert flagged.retrieval.top_columns == from_file.retrieval.top_columns
    assert flagged.lora.rank == from_file.lora.rank and flagged.prompt.schema_style == from_file.prompt.schema_style


def test_unknown_database_is_named_with_the_bundled_ones(tmp_path) -> None:
    proc = train_cli("fnud", *FAST, "--out", str(tmp_path / "m"))
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("error: no database 'fnud': use a bundled name (fund, stock, macro, bank) "
                                   "or the path of a SQLite file")


def test_unknown_target_module_and_setting_in_toml_are_refused(tmp_path) -> None:
    bad_target = tmp_path / "a.toml"
    bad_target.write_text('[lora]\ntarget_modules = ["q_proj", "qkv"]\n')
    with pytest.raises(FinSQLError, match="unknown lora target module 'qkv'"):
        load_train_config(bad_target)
    typo = tmp_path / "b.toml"
    typo.write_text("[optim]\nlearnig_rate = 0.1\n")
    with pytest.raises(FinSQLError, match="unknown setting 'optim.learnig_rate'"):
        load_train_config(typo)
    broken = tmp_path / "c.toml"
    broken.write_text("[optim\n")
    with pytest.raises(FinSQLError, match="not valid TOML"):
        load_train_config(broken)
    one_module = tmp_path / "d.toml"  # a string, not a list: its letters are not module names
    one_module.write_text('[lora]\ntarget_modules = "q_proj"\n')
    with pytest.raises(FinSQLError, match="lora.target_modules must be a list of strings, not 'q_proj'"):
        load_train_config(one_module)
    quoted_switch = tmp_path / "e.toml"  # "false" is a non-empty string, so it would switch paraphrasing on
    quoted_switch.write_text('[augment]\nparaphrase = "false"\n')
    with pytest.raises(FinSQLError, match="augment.paraphrase must be true or false, not 'false'"):
        load_train_config(quoted_switch)
    assert load_train_config(None, {"lora.target_modules": ["q_proj", "v_proj"]}).lora.target_modules == (
        "q_proj", "v_proj")


def test_malformed_training_data_is_named_by_line(tmp_path, bundled_data_dir) -> None:
    good = train_set_path("fund").read_text(encoding="utf-8").splitlines()[:3]
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join([*good, "{not json", good[0]]) + "\n", encoding="utf-8")
    proc = train_cli("fund", *FAST, "--train-file", str(data), "--out", str(tmp_path / "m"))
    assert proc.returncode == 2
    assert f"{data.name}:4" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    proc = train_cli("fund", *FAST, "--train-file", str(empty), "--out", str(tmp_path / "m"))
    assert proc.returncode == 2 and "no training pairs" in proc.stderr


def test_augmentation_keeps_only_new_questions_whose_sql_reproduces_the_gold(bundled_data_dir) -> None:
    database = Database("fund")
    items = load_questions(train_set_path("fund"), "jsonl").items[:30]
    augmenter = Augmenter(database, load_schema(database), AugmentSettings(max_per_pair=3))
    pairs = augmenter.run(items)
    report = {kind: (gen, kept) for kind, gen, kept in augmenter.report.table()}
    assert report["original"] == (30, 30)
    assert report["paraphrase-zh"][1] == sum(1 for i in items if i.question_zh)
    assert report["skeleton"] == (30, 30)
    assert len({p.question.lower() for p in pairs if p.kind != "skeleton"}) == \
        len([p for p in pairs if p.kind != "skeleton"])  # no question twice
    gold = {i.id: database.execute(i.sql).rows for i in items}
    for pair in pairs:
        # The SQL the model learns (comments stripped as at inference) is the verified gold SQL.
        assert extract_sql(pair.target) == pair.sql.rstrip(";")
        assert database.execute(pair.sql).rows == gold[pair.source_id]
    skeleton = next(p for p in pairs if p.kind == "skeleton")
    assert skeleton.target.startswith("-- skeleton: SELECT") and skeleton.hint


def test_a_train_pair_whose_sql_fails_is_left_out_and_named(tmp_path, bundled_data_dir) -> None:
    good = train_set_path("fund").read_text(encoding="utf-8").splitlines()[:2]
    broken = {"id": "widgets-1", "db_id": "fund", "question": "How many widgets are there?",
              "sql": "SELECT COUNT(*) FROM widgets"}
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join([*good, json.dumps(broken)]) + "\n", encoding="utf-8")
    proc = train_cli("augment", "fund", "--train-file", str(data))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == ("warning: train pair widgets-1: its SQL fails (OperationalError: no such table: "
                                   "widgets); it is left out")
    assert re.search(r"original\s+3\s+2\n", proc.stdout)


def test_training_prompts_count_and_can_show_what_retrieval_left_out_of_their_sql(small_train_file,
                                                                                bundled_data_dir) -> None:
    """fund-train-004 and 012 filter on a column the training prompt's retrieval leaves out; shown, the
    module learns to copy columns from its prompt instead of writing ones it cannot see."""
    config = load_train_config()
    pipeline = Pipeline(PipelineConfig(model=ModelConfig(name=TEST_MODEL, adapter="none"),
                                       retrieval=config.retrieval, prompt=config.prompt))
    items = load_questions(small_train_file, "jsonl").items
    item = next(i for i in items if i.id == "fund-train-004")
    plain = training_prompt(pipeline, item.question, item.sql, "fund")
    shown = training_prompt(pipeline, item.question, item.sql, "fund", show_gold=True)
    assert plain.left_out == shown.left_out == ["mf_fundarchives.fundstatus"]
    assert "FundStatus" not in plain.prompt.text and "FundStatus" in shown.prompt.text
    _, schema = pipeline.database("fund")
    archives = schema.table("mf_fundarchives").name
    plain_columns, shown_columns = plain.retrieval.columns, shown.retrieval.columns
    assert shown_columns[archives] == plain_columns[archives] + ["FundStatus"]
    assert {t: c for t, c in shown_columns.items() if t != archives} == \
        {t: c for t, c in plain_columns.items() if t != archives}

    # A table the prompt lacks comes with its keys and the columns read, not with all of its columns.
    absent = next(t for t in schema.tables if t.name not in plain_columns and len(t.columns) > 8)
    wanted = next(c.name for c in absent.columns if not c.primary_key)
    gold = f"SELECT {wanted} FROM {absent.name}"
    built = training_prompt(pipeline, item.question, gold, "fund", show_gold=True)
    added = built.retrieval.columns[absent.name]
    assert wanted in added and len(absent.shown_columns(added)) < len(absent.columns)
    assert built.left_out == sorted([absent.name.lower(), f"{absent.name}.{wanted}".lower()])

    pairs = [TrainPair(i.question, i.sql, i.sql, "original", i.id) for i in items]
    without, with_gold = (build_examples(pairs, pipeline, "fund", 4096, show) for show in (False, True))
    assert without.missed_gold == with_gold.missed_gold == 2
    assert without.fingerprint != with_gold.fingerprint
    changed = [p.source_id for p, a, b in zip(pairs, without.examples, with_gold.examples, strict=True)
               if a.input_ids != b.input_ids]
    assert changed == ["fund-train-004", "fund-train-012"]


def test_labels_cover_the_answer_only_and_batches_respect_the_token_budget() -> None:
    examples = [Tokenized(list(range(1, n + 1)), n - 3, "original") for n in (5, 9, 7, 12, 6, 30)]
    ids, mask, labels = collate(examples[:2], pad_id=0)
    assert labels[0].tolist() == [IGNORE, IGNORE, 3, 4, 5] + [IGNORE] * 4
    assert labels[1].tolist()[:6] == [IGNORE] * 6 and labels[1].tolist()[6:] == [7, 8, 9]
    assert mask[0].tolist() == [1] * 5 + [0] * 4
    batches = length_batches(examples, batch_tokens=24, seed=1, epoch=0)
    assert sorted(i for b in batches for i in b) == list(range(6))
    for batch in batches:
        longest = max(len(examples[i].input_ids) for i in batch)
        assert len(batch) == 1 or longest * len(batch) <= 24
    assert batches == length_batches(examples, batch_tokens=24, seed=1, epoch=0)
    assert batches != length_batches(examples, batch_tokens=24, seed=1, epoch=1) or len(batches) < 3


def test_the_step_schedule_follows_each_epochs_own_batch_count() -> None:
    """Epochs batch a fresh shuffle, so their batch counts differ; the schedule must not assume epoch 0's."""
    from finsql.train.config import OptimSettings
    from finsql.train.dataset import batch_schedule

    examples = [Tokenized(list(range(1, n + 1)), n - 2, "original") for n in (4, 9, 5, 12, 6, 30, 7, 3, 11, 8) * 4]
    counts = [len(length_batches(examples, 40, 0, epoch)) for epoch in range(6)]
    assert len(set(counts)) > 1  # the case that used to spin forever once an epoch ran out of batches
    optim = OptimSettings(epochs=6, batch_tokens=40, seed=0)
    schedule = batch_schedule(examples, optim)
    assert len(schedule) == sum(counts)
    assert [b for e, b in schedule if e == 2] == length_batches(examples, 40, 0, 2)
    longer = batch_schedule(examples, OptimSettings(epochs=1, max_steps=sum(counts[:3]) + 1, batch_tokens=40, seed=0))
    assert len(longer) >= sum(counts[:3]) + 1 and longer[:len(schedule)] == schedule[:len(longer)]
    first, second = (batch_schedule(examples, optim, process_index=i, num_processes=2) for i in (0, 1))
    assert second[0][1] == length_batches(examples, 40, 0, 0)[1] and len(first) == len(second)


def test_trained_module_is_standard_peft_with_a_card(trained_module) -> None:
    from peft import PeftModel
    from safetensors.torch import load_file

    from finsql.adapters import read_adapter
    from finsql.models import cpu_has_native_bf16, load_model

    info = read_adapter(trained_module)
    assert info.db_id == "fund" and info.base_model == TEST_MODEL
    card_retrieval = info.meta["retrieval"]  # every retrieval setting is named on the card, as trained
    assert (info.retrieval.entity_tables, info.retrieval.time_columns) == (card_retrieval["entity_tables"],
                                                                           card_retrieval["time_columns"])
    peft_config = json.loads((trained_module / "adapter_config.json").read_text())
    assert peft_config["base_model_name_or_path"] == TEST_MODEL  # a registry name, not this cache's path
    assert info.prompt.schema_style == "brief" and info.meta["result"]["steps"] == 2
    card = (trained_module / "README.md").read_text(encoding="utf-8")
    assert "Base model: `smollm2-135m`" in card and "| paraphrase-zh |" in card
    # auto: the 4-bit base computes in bf16 only where this CPU multiplies it natively (emulated it is far slower)
    assert info.meta["result"]["compute_dtype"] == ("bfloat16" if cpu_has_native_bf16() else "float32")
    assert f"on cpu, computing in {info.meta['result']['compute_dtype']}," in card
    assert not (trained_module / "checkpoint").exists()
    weights = load_file(str(trained_module / "adapter_model.safetensors"))
    b_matrices = [w for k, w in weights.items() if "lora_B" in k]
    assert b_matrices and any(float(w.abs().max()) > 0 for w in b_matrices)  # B starts at 0: it learnt
    config = json.loads((trained_module / "adapter_config.json").read_text())
    assert config["r"] == 8 and sorted(config["target_modules"]) == ["k_proj", "o_proj", "q_proj", "v_proj"]
    model = PeftModel.from_pretrained(load_model(TEST_MODEL).model, str(trained_module))
    assert sum(p.numel() for n, p in model.named_parameters() if "lora_" in n) == \
        sum(w.numel() for w in weights.values())


def test_4bit_training_keeps_activations_at_the_compute_dtype() -> None:
    """k-bit preparation upcasts the unquantised weights; cast back, the residual stream stays bf16."""
    import torch
    from peft import get_peft_model, prepare_model_for_kbit_training

    from finsql.models import LoadOptions, load_model
    from finsql.train.config import TrainConfig
    from finsql.train.trainer import keep_compute_dtype, lora_config

    loaded = load_model(TEST_MODEL, LoadOptions(quantization="4bit", device="cpu"))
    model = prepare_model_for_kbit_training(loaded.model, use_gradient_checkpointing=False)
    assert model.get_input_embeddings().weight.dtype == torch.float32  # what peft leaves
    keep_compute_dtype(model, torch.bfloat16)
    model = get_peft_model(model, lora_config(TrainConfig(), model.config.num_hidden_layers))
    dtypes = {("lora" if "lora_" in n else type(p).__name__, p.dtype) for n, p in model.named_parameters()}
    assert dtypes == {("Params4bit", torch.uint8), ("Parameter", torch.bfloat16), ("lora", torch.float32)}
    hidden = model.get_base_model().base_model(input_ids=torch.tensor([[1, 2, 3]])).last_hidden_state
    assert hidden.dtype == torch.bfloat16


def test_gradient_checkpointing_leaves_the_lora_gradients_as_they_were() -> None:
    """Recomputing activations in the backward pass saves memory; the LoRA weights learn the same."""
    import torch

    from finsql.models import load_model
    from finsql.train.config import LoraSettings, OptimSettings, TrainConfig
    from finsql.train.trainer import answer_loss_module, with_lora

    ids = torch.tensor([[1, 20, 30, 40, 50, 60, 70]])
    labels = torch.tensor([[IGNORE, IGNORE, IGNORE, 40, 50, 60, 70]])
    grads, losses = {}, {}
    for checkpointing in (False, True):
        torch.manual_seed(0)
        config = TrainConfig(quantization="none", lora=LoraSettings(dropout=0.0),
                             optim=OptimSettings(gradient_checkpointing=checkpointing))
        model = with_lora(load_model(TEST_MODEL).model, config)
        module = answer_loss_module(model)
        module.train()
        assert any(getattr(m, "gradient_checkpointing", False) for m in model.modules()) == checkpointing
        loss = module(ids, torch.ones_like(ids), labels)
        loss.backward()
        losses[checkpointing] = loss.item()
        grads[checkpointing] = {n: p.grad for n, p in model.named_parameters() if p.requires_grad}
    assert grads[True].keys() == grads[False].keys() and all(g is not None for g in grads[True].values())
    assert any(float(g.abs().max()) > 0 for g in grads[True].values())
    assert losses[True] == pytest.approx(losses[False], rel=1e-5)
    for name, grad in grads[False].items():
        torch.testing.assert_close(grads[True][name], grad, rtol=1e-3, atol=1e-4)  # summation order differs


def test_interrupted_training_resumes_from_its_checkpoint(tmp_path, prepared_data, bundled_data_dir) -> None:
    out = tmp_path / "fund"
    # Prepared data spares both runs the augmentation and prompt building; a checkpoint after each step.
    data = ["--prepared", str(prepared_data), "--save-every", "1"]
    args = [sys.executable, "-m", "finsql.train", "fund", *FAST, *data, "--max-steps", "2", "--out", str(out)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    run_file = out / "checkpoint" / "run.json"
    deadline = time.time() + 600
    while not run_file.exists() and proc.poll() is None and time.time() < deadline:
        time.sleep(0.5)
    assert run_file.exists(), proc.communicate()[1] if proc.poll() is not None else "no checkpoint in time"
    proc.send_signal(signal.SIGKILL)  # a crash: no chance to clean up
    proc.wait()
    assert json.loads(run_file.read_text())["step"] == 1
    assert not (out / "finsql_adapter.json").exists()

    damaged = tmp_path / "damaged"  # a copy whose optimizer state was lost outside the program
    shutil.copytree(out, damaged)
    (damaged / "checkpoint" / "trainer_state.pt").unlink()
    refused = train_cli("fund", *FAST, *data, "--max-steps", "2", "--out", str(damaged))
    assert refused.returncode == 2
    assert refused.stderr.startswith(f"error: the checkpoint in {damaged / 'checkpoint'} cannot be read (")
    assert refused.stderr.strip().endswith("; delete it to start over") and "Traceback" not in refused.stderr

    done = train_cli("fund", *FAST, *data, "--max-steps", "2", "--out", str(out))
    assert done.returncode == 0, done.stderr
    result = json.loads((out / "finsql_adapter.json").read_text())["result"]
    assert result["resumed_from_step"] == 1 and result["steps"] == 2


def test_checkpoint_of_other_settings_is_not_resumed(tmp_path, prepared_data, bundled_data_dir) -> None:
    out = tmp_path / "fund"
    checkpoint = out / "checkpoint"
    checkpoint.mkdir(parents=True)
    (checkpoint / "run.json").write_text(json.dumps({"step": 3, "key": {"data": "other"}}))
    proc = train_cli("fund", *FAST, "--prepared", str(prepared_data), "--max-steps", "2", "--out", str(out))
    assert proc.returncode == 2 and "made with other data or settings" in proc.stderr
    (checkpoint / "run.json").write_text('{"step": 3, "ke')  # cut off by a full disk, say
    proc = train_cli("fund", *FAST, "--prepared", str(prepared_data), "--max-steps", "2", "--out", str(out))
    assert proc.returncode == 2
    assert proc.stderr.strip() == (f"error: the checkpoint in {checkpoint} cannot be read (its run.json is damaged); "
                                   "delete it to start over")


@pytest.fixture(scope="module")
def prepared_data(tmp_path_factory, small_train_file, bundled_data_dir) -> Path:
    """The trained_module's training data, built by --prepare-only."""
    folder = tmp_path_factory.mktemp("prepared")
    proc = train_cli("fund", *FAST, "--train-file", str(small_train_file), "--prepare-only", str(folder / "fund.json"))
    assert proc.returncode == 0, proc.stderr
    assert list(folder.iterdir()) == [folder / "fund.json"]  # data only: nothing trained, no module written
    return folder / "fund.json"


@pytest.mark.slow  # minutes of CPU training or decoding
def test_prepared_data_trains_the_module_the_whole_run_trains(prepared_data, trained_module, tmp_path) -> None:
    out = tmp_path / "fund"
    proc = train_cli("fund", *FAST, "--prepared", str(prepared_data), "--max-steps", "2", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    whole, split = (json.loads((m / "finsql_adapter.json").read_text()) for m in (trained_module, out))
    assert split["data"] == whole["data"] and split["augment"] == whole["augment"]  # same prompts and targets
    assert split["result"]["final_loss"] == pytest.approx(whole["result"]["final_loss"], abs=1e-3)


def test_accelerate_launch_trains_the_module_the_plain_run_trains(prepared_data, trained_module, tmp_path) -> None:
    """``accelerate launch -m finsql.train`` (the several-GPU recipe of docs/scaling.md), with one process:
    the same module as the plain command's."""
    out = tmp_path / "fund"
    proc = subprocess.run([sys.executable, "-m", "accelerate.commands.launch", "--num_processes", "1", "--cpu",
                           "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no",
                           "-m", "finsql.train", "fund", *FAST, "--prepared", str(prepared_data), "--max-steps", "2",
                           "--out", str(out)], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    whole, launched = (json.loads((m / "finsql_adapter.json").read_text()) for m in (trained_module, out))
    assert launched["result"]["final_loss"] == pytest.approx(whole["result"]["final_loss"], abs=1e-3)


@pytest.mark.parametrize(("flags", "message"), [
    (["--seed", "1"], "was prepared with other seed settings"),
    (["--show-gold"], "was prepared with other augment settings"),
    (["--train-file", "x.jsonl"], "drop --train-file"),
])
def test_prepared_data_is_refused_for_other_settings(prepared_data, tmp_path, flags, message) -> None:
    proc = train_cli("fund", *FAST, "--prepared", str(prepared_data), *flags, "--out", str(tmp_path / "m"))
    assert proc.returncode == 2 and message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "m").exists()


def test_a_file_that_is_not_prepared_data_is_named(tmp_path, small_train_file) -> None:
    proc = train_cli("fund", *FAST, "--prepared", str(small_train_file), "--out", str(tmp_path / "m"))
    assert proc.returncode == 2 and f"{small_train_file} is not prepared training data" in proc.stderr


def test_prepared_data_without_its_settings_is_refused_in_one_line(tmp_path) -> None:
    broken = tmp_path / "fund.json"
    broken.write_text(json.dumps({"format": 2, "examples": [], "skipped_too_long": 0, "fingerprint": "x",
                                  "missed_gold": 0}))
    proc = train_cli("fund", *FAST, "--prepared", str(broken), "--out", str(tmp_path / "m"))
    assert proc.returncode == 2 and f"{broken} is not prepared training data" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_pipeline_picks_the_database_module_and_can_run_without(trained_module, tmp_path, bundled_data_dir) -> None:
    from finsql.config import load_config
    from finsql.generate import HFGenerator
    from finsql.models import load_model
    from finsql.pipeline import Pipeline

    hub = tmp_path / "hub"
    shutil.copytree(trained_module, hub / "fund")
    set_answer_prompt(hub / "fund", 0, 768)  # short prompts make the model's four reads of a prompt below quick
    os.environ["FINSQL_ADAPTERS_DIR"] = str(hub)
    try:
        generator = HFGenerator(load_model(TEST_MODEL))  # its own copy: LoRA layers are injected into it
        with_module = Pipeline(load_config(model__name=TEST_MODEL, generation__candidates=1,
                                           generation__max_new_tokens=24), generator=generator)
        answer = with_module.ask("How many funds are there?", "fund")
        assert answer.generation.adapter == hub / "fund"
        assert "e.g." not in answer.prompt.text  # the module's brief prompt
        assert with_module.adapter_for("macro") is None  # no module for macro: the base answers
        base = Pipeline(load_config(model__name=TEST_MODEL, model__adapter="none", generation__candidates=1,
                                    generation__max_new_tokens=24, prompt__max_tokens=768), generator=generator)
        prompt = answer.prompt.text
        with_lora = generator.generate(prompt, 8)[0]
        generator.use_adapter(None)
        without = generator.generate(prompt, 8)[0]
        assert with_lora.mean_logprob != without.mean_logprob  # the module changes what the model writes
        assert base.ask("How many funds are there?", "fund").generation.adapter is None
    finally:
        del os.environ["FINSQL_ADAPTERS_DIR"]


def test_a_sqlite_file_of_ones_own_trains_a_module_named_by_its_stem(tmp_path, small_train_file, bundled_data_dir,
                                                                     monkeypatch) -> None:
    from finsql.adapters import read_adapter
    from finsql.config import load_config
    from finsql.pipeline import Pipeline

    books = tmp_path / "books.sqlite"
    shutil.copyfile(bundled_data_dir / "fund.sqlite", books)
    pairs = [json.loads(line) for line in small_train_file.read_text(encoding="utf-8").splitlines()]
    train_file = tmp_path / "pairs.jsonl"
    train_file.write_text("".join(json.dumps({**p, "db_id": "books"}) + "\n" for p in pairs), encoding="utf-8")
    hub = tmp_path / "hub"
    monkeypatch.setenv("FINSQL_ADAPTERS_DIR", str(hub))

    no_pairs = train_cli(str(books), *FAST, "--max-steps", "1")
    assert no_pairs.returncode == 2
    assert no_pairs.stderr.startswith("error: no train pairs for database 'books' at ")
    assert no_pairs.stderr.endswith("; give a JSONL file of them with --train-file\n")
    other_db = train_cli(str(books), *FAST, "--train-file", str(small_train_file), "--max-steps", "1")
    assert other_db.stderr.strip().endswith("(none of its lines has db_id 'books')")

    proc = train_cli(str(books), *FAST, "--train-file", str(train_file), "--max-steps", "1")
    assert proc.returncode == 0, proc.stderr
    assert read_adapter(hub / "books").db_id == "books"
    assert Pipeline(load_config(model__name=TEST_MODEL)).adapter_for("books").path == hub / "books"


def test_auto_leaves_out_a_module_its_card_measured_below_the_base(trained_module, tmp_path, monkeypatch,
                                                                     bundled_data_dir) -> None:
    from finsql.adapters import record_dev_ex
    from finsql.config import load_config
    from finsql.pipeline import Pipeline

    module = tmp_path / "hub" / "fund"
    shutil.copytree(trained_module, module)
    monkeypatch.setenv("FINSQL_ADAPTERS_DIR", str(module.parent))
    settings = {"model__name": TEST_MODEL, "generation__candidates": 1, "generation__max_new_tokens": 8}
    record_dev_ex(module, 0.05, 40, 0.10, "bench")
    answer = Pipeline(load_config(**settings)).ask("How many funds are there?", "fund")
    assert answer.generation.adapter is None
    assert answer.generation.adapter_left_out.startswith("the fund module got 5.0% of 40 dev questions right, "
                                                   "the base model alone 10.0%")
    chosen = Pipeline(load_config(**settings, model__adapter=str(module)))  # named by its folder: used anyway
    assert chosen.adapter_for("fund").path == module
    record_dev_ex(module, 0.10, 40, 0.10, "bench")  # as good as the base: auto uses it
    assert Pipeline(load_config(**settings)).adapter_for("fund").path == module


def test_module_fingerprint_follows_weights_and_prompt_settings(trained_module, tmp_path) -> None:
    from safetensors.torch import load_file, save_file

    from finsql.adapters import read_adapter

    copy = tmp_path / "fund"
    shutil.copytree(trained_module, copy)
    original = read_adapter(trained_module).fingerprint
    assert read_adapter(copy).fingerprint == original  # the folder's place does not matter
    answers_with = read_adapter(copy).prompt
    set_answer_prompt(copy, answers_with.examples + 1, answers_with.max_tokens)
    assert read_adapter(copy).fingerprint != original
    set_answer_prompt(copy, answers_with.examples, answers_with.max_tokens)
    assert read_adapter(copy).fingerprint == original
    weights = load_file(str(copy / "adapter_model.safetensors"))
    save_file({k: 2 * v for k, v in weights.items()}, str(copy / "adapter_model.safetensors"))
    assert read_adapter(copy).fingerprint != original


@pytest.mark.parametrize(("name", "damage", "reason"), [
    ("adapter_model.safetensors", "half", "incomplete metadata, file not fully covered"),
    ("adapter_model.safetensors", "start", "invalid header length"),
    ("adapter_config.json", "start", "Unterminated string"),
    ("finsql_adapter.json", "list", "'list' object has no attribute 'get'"),
])
def test_a_damaged_module_is_named_before_the_model_loads(trained_module, tmp_path, name: str, damage: str,
                                                          reason: str) -> None:
    from finsql.adapters import read_adapter

    copy = tmp_path / "fund"
    shutil.copytree(trained_module, copy)
    whole = (copy / name).read_bytes()
    (copy / name).write_bytes({"half": whole[: len(whole) // 2], "start": whole[:10], "list": b"[1]"}[damage])
    with pytest.raises(FinSQLError) as info:
        read_adapter(copy)
    assert str(info.value).startswith(f"{copy / name} is damaged (")
    assert reason in str(info.value) and str(info.value).endswith("); train the module again")


def test_a_module_answers_with_the_few_shot_examples_its_card_sets(trained_module, tmp_path, monkeypatch,
                                                                  bundled_data_dir) -> None:
    from finsql.adapters import read_adapter
    from finsql.config import load_config

    module = tmp_path / "hub" / "fund"
    shutil.copytree(trained_module, module)
    monkeypatch.setenv("FINSQL_ADAPTERS_DIR", str(module.parent))
    card = read_adapter(module)
    assert card.meta["prompt"]["examples"] == 0  # trained without examples (configs/train.toml) ...
    assert card.prompt.examples == 3 and card.prompt.max_tokens == 3072  # ... answers with [answer]'s
    assert card.prompt.schema_style == card.meta["prompt"]["schema_style"]
    question = "Which fund managers manage more than three funds?"

    def prepared() -> tuple:
        answer, prompt = Pipeline(load_config(model__name=TEST_MODEL)).prepare(question, "fund")
        return answer, prompt.text

    answer, text = prepared()
    examples = answer.examples
    assert len(examples) == 3 and answer.prompt.examples_used == 3
    assert all(e.sql in text for e in examples)

    proc = train_cli("answer", str(module), "--examples", "0")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == (f"fund: answers with 0 few-shot examples, prompts of at most 3072 tokens "
                                   f"({module})")
    assert read_adapter(module).meta["dev_ex"] is None  # measured with other prompts: no longer holds
    assert "answers with 0 (3072 tokens at most)" in (module / "README.md").read_text()
    answer, text = prepared()
    assert answer.stage("examples") is None
    assert not any(e.sql in text for e in examples)

    for args, message in ((["--examples", "-1"], "answer.examples must be 0 or more, not -1"),
                          (["--examples", "2", "--max-tokens", "100"], "answer.max_tokens must be at least 256"),
                          ):
        proc = train_cli("answer", str(module), *args)
        assert proc.returncode == 2 and proc.stderr.strip().startswith(f"error: {message}")
    proc = train_cli("answer", str(tmp_path), "--examples", "1")
    assert proc.returncode == 2
    assert proc.stderr.strip() == (f"error: {tmp_path} is not a FinSQL LoRA module: adapter_config.json is "
                                   "missing (train one with `python -m finsql.train <db>`)")


@pytest.mark.slow  # minutes of CPU training or decoding
def test_evaluation_is_not_resumed_with_a_changed_module(trained_module, tmp_path, bundled_data_dir) -> None:
    module, out = tmp_path / "fund", tmp_path / "run"
    shutil.copytree(trained_module, module)
    questions = bundled_data_dir / "questions" / "fund_dev.jsonl"
    command = [sys.executable, "-m", "finsql.eval", "--questions", str(questions),
               "--limit", "1", "--model", TEST_MODEL, "--adapter", str(module), "--out", str(out)]
    first = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    set_answer_prompt(module, 0, 3072)
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 2
    assert again.stderr.strip() == (f"error: {out} holds results made with other settings (modules); "
                                    "use a new --out folder")


def test_lorahub_composes_a_and_b_as_weighted_sums() -> None:
    import torch

    from finsql.train.lorahub import compose

    a = {"x.lora_A.weight": torch.ones(2, 3), "x.lora_B.weight": torch.full((3, 2), 2.0)}
    b = {"x.lora_A.weight": torch.full((2, 3), 3.0), "x.lora_B.weight": torch.zeros(3, 2)}
    fused = compose([a, b], [0.5, -1.0])
    assert torch.equal(fused["x.lora_A.weight"], torch.full((2, 3), -2.5))
    assert torch.equal(fused["x.lora_B.weight"], torch.full((3, 2), 1.0))


@pytest.mark.slow  # minutes of CPU training or decoding
def test_fuse_builds_a_loadable_module_for_a_small_database(trained_module, tmp_path) -> None:
    import torch
    from safetensors.torch import load_file, save_file

    from finsql.adapters import read_adapter
    from finsql.config import PromptConfig, RetrievalConfig

    other = tmp_path / "macro"
    shutil.copytree(trained_module, other)
    weights = load_file(str(other / "adapter_model.safetensors"))
    save_file({k: -0.5 * v for k, v in weights.items()}, str(other / "adapter_model.safetensors"))
    meta = json.loads((other / "finsql_adapter.json").read_text())
    (other / "finsql_adapter.json").write_text(json.dumps({**meta, "db_id": "macro"}))
    config = json.loads((other / "adapter_config.json").read_text())  # peft writes targets in set order
    config["target_modules"] = sorted(config["target_modules"], reverse=True)
    (other / "adapter_config.json").write_text(json.dumps(config))

    out = tmp_path / "bank"
    proc = train_cli("fuse", "bank", "--from", str(trained_module), str(other), "--examples", "1",
                     "--budget", "3", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    info = read_adapter(out)
    fusion = info.meta["fusion"]
    assert info.db_id == "bank" and set(fusion["weights"]) == {"fund", "macro"}
    # Not the sources' 3x7 retrieval: the fused module prompts with the defaults, the database's own examples.
    assert read_adapter(trained_module).retrieval != RetrievalConfig()
    assert info.prompt == PromptConfig() and info.retrieval == RetrievalConfig()
    w_fund, w_macro = fusion["weights"]["fund"], fusion["weights"]["macro"]
    fused = load_file(str(out / "adapter_model.safetensors"))
    key = next(k for k in fused if "lora_A" in k)
    expected = (w_fund - 0.5 * w_macro) * load_file(str(trained_module / "adapter_model.safetensors"))[key]
    assert torch.allclose(fused[key].float(), expected.float(), atol=1e-3)


def test_fuse_builds_a_module_for_a_sqlite_file_of_ones_own(trained_module, tmp_path, bundled_data_dir,
                                                            monkeypatch) -> None:
    from finsql.adapters import read_adapter

    books = tmp_path / "books.sqlite"
    shutil.copyfile(bundled_data_dir / "bank.sqlite", books)
    lines = train_set_path("bank").read_text(encoding="utf-8").splitlines()[:3]
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("".join(json.dumps({**json.loads(x), "db_id": "books"}) + "\n" for x in lines), encoding="utf-8")
    monkeypatch.setenv("FINSQL_ADAPTERS_DIR", str(tmp_path / "hub"))
    fuse = ["fuse", str(books), "--from", str(trained_module), str(trained_module), "--examples", "1", "--budget", "2"]

    no_pairs = train_cli(*fuse)
    assert no_pairs.returncode == 2 and no_pairs.stderr.startswith("error: no train pairs for database 'books' at ")
    proc = train_cli(*fuse, "--train-file", str(pairs))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # no library warnings either
    info = read_adapter(tmp_path / "hub" / "books")
    assert info.db_id == "books" and info.meta["data"]["train_file"] == "1 pair of pairs.jsonl"


def test_fuse_refuses_modules_of_different_rank(trained_module, tmp_path) -> None:
    other = tmp_path / "stock"
    shutil.copytree(trained_module, other)
    config = json.loads((other / "adapter_config.json").read_text())
    (other / "adapter_config.json").write_text(json.dumps({**config, "r": 16}))
    proc = train_cli("fuse", "bank", "--from", str(trained_module), str(other), "--out", str(tmp_path / "b"))
    assert proc.returncode == 2 and "differ in LoRA setting 'r'" in proc.stderr


def test_fuse_refuses_an_output_folder_that_is_a_file_before_searching(trained_module, tmp_path) -> None:
    taken = tmp_path / "notes.txt"
    taken.write_text("keep me")
    proc = train_cli("fuse", "bank", "--from", str(trained_module), str(trained_module), "--out", str(taken))
    assert proc.returncode == 2
    assert proc.stderr.strip() == (f"error: the fused module's output folder {taken} is a file, not a folder; "
                                   "give a folder")
    assert "fuse 1/" not in proc.stdout and taken.read_text() == "keep me"


@pytest.mark.gpu
def test_training_runs_on_cuda_in_4bit(tmp_path, small_train_file, bundled_data_dir) -> None:
    proc = train_cli("fund", *FAST, "--train-file", str(small_train_file), "--max-steps", "2", "--device", "cuda",
                     "--out", str(tmp_path / "m"))
    assert proc.returncode == 0, proc.stderr
    result = json.loads((tmp_path / "m" / "finsql_adapter.json").read_text())["result"]
    assert result["device"].startswith("cuda") and result["steps"] == 2


def test_shipped_modules_are_fusable_small_and_their_cards_match_their_metadata() -> None:
    from finsql.adapters import read_adapter, render_card
    from finsql.paths import REPO_ROOT
    from finsql.train.lorahub import check_compatible

    folders = sorted(p.parent for p in (REPO_ROOT / "adapters").glob("*/adapter_config.json"))
    assert {f.name for f in folders} >= {"fund", "stock", "macro"}
    modules = [read_adapter(folder) for folder in folders]
    for folder, info in zip(folders, modules, strict=True):
        assert info.db_id == folder.name
        assert (folder / "README.md").read_text(encoding="utf-8") == render_card(info.meta), (
            f"{folder.name}'s card is stale: re-render it from finsql_adapter.json")
    check_compatible(modules)  # same rank, targets, layers and base: LoraHub can fuse any of them
    assert sum(f.stat().st_size for f in (REPO_ROOT / "adapters").rglob("*") if f.is_file()) < 20 * 2**20


def test_a_card_written_before_a_retrieval_setting_existed_keeps_the_prompts_it_was_trained_on(tmp_path) -> None:
    """The shipped modules' cards predate entity tables and time columns: they answer without them."""
    import shutil

    from finsql.adapters import read_adapter

    shipped = Path(__file__).parents[1] / "adapters" / "fund"
    assert "entity_tables" not in json.loads((shipped / "finsql_adapter.json").read_text())["retrieval"]
    info = read_adapter(shipped)
    assert info.retrieval.entity_tables == 0 and not info.retrieval.time_columns
    copy = shutil.copytree(shipped, tmp_path / "fund")
    meta = json.loads((copy / "finsql_adapter.json").read_text())
    meta["retrieval"]["entity_tables"] = 2
    (copy / "finsql_adapter.json").write_text(json.dumps(meta))
    assert read_adapter(copy).retrieval.entity_tables == 2
