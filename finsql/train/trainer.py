"""The LoRA training loop: 4-bit (or full-precision) base, loss on answer tokens only, resumable.

CPU training is made practical by what it does not compute: the 151,936-wide output layer runs only
at the answer positions (a prompt of 1,200 tokens has ~40), LoRA sits on the upper layers only by
default (no backward pass through the lower ones), and prompts are the short retrieval-built ones.
The loop runs through ``accelerate``, so the same code runs on a CUDA GPU and under
``accelerate launch`` on several (each process takes every n-th batch; gradients are averaged).
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from finsql.errors import FinSQLError, first_line
from finsql.models import LoadOptions, load_model, resolve_compute_dtype
from finsql.train.config import TrainConfig
from finsql.train.dataset import IGNORE, BuiltData, batch_schedule, collate

CHECKPOINT = "checkpoint"


@dataclass
class TrainResult:
    steps: int
    epochs_done: float
    final_loss: float
    losses: list[float]
    answer_tokens: int
    tokens: int  # prompt + answer tokens processed in this run
    seconds: float
    tokens_per_s: float
    peak_memory_mb: float  # peak while training (weights included): RSS on a CPU, allocated memory on a GPU
    start_memory_mb: float  # the same measure when the first step starts: weights, runtime, prompts built
    model_memory_mb: float  # the model's own weights and buffers (LoRA included)
    resumed_from_step: int
    device: str
    compute_dtype: str  # what the base computed in ("auto" made concrete for the device)


def lora_config(config: TrainConfig, n_layers: int):
    from peft import LoraConfig

    return LoraConfig(r=config.lora.rank, lora_alpha=config.lora.alpha, lora_dropout=config.lora.dropout,
                      target_modules=list(config.lora.target_modules),
                      layers_to_transform=config.lora.layer_indices(n_layers), task_type="CAUSAL_LM")


def with_lora(model, config: TrainConfig):
    """The loaded base made ready to train: k-bit preparation, checkpointing, and fresh LoRA weights."""
    from peft import get_peft_model, prepare_model_for_kbit_training

    if config.quantization == "4bit":
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=False)
        keep_compute_dtype(model, model.config.quantization_config.bnb_4bit_compute_dtype)  # as loaded
    if config.optim.gradient_checkpointing:
        # Non-reentrant: gradients reach the LoRA weights even though the layers' inputs need none.
        model.activation_checkpointing_enable(activation_checkpointing_kwargs={"use_reentrant": False})
    try:
        return get_peft_model(model, lora_config(config, model.config.num_hidden_layers))
    except ValueError as err:
        raise FinSQLError(f"LoRA settings do not fit {config.base_model}: {str(err).splitlines()[0]}") from None


def answer_loss_module(peft_model):
    """A module whose forward is the answer-only loss, so accelerate/DDP can wrap it like any model."""
    import torch
    import torch.nn.functional as F

    class AnswerOnlyLoss(torch.nn.Module):
        def __init__(self, model) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, labels):
            causal = self.model.get_base_model()
            hidden = causal.base_model(input_ids=input_ids, attention_mask=attention_mask,
                                       use_cache=False).last_hidden_state
            targets = labels[:, 1:]
            where = targets != IGNORE
            logits = causal.get_output_embeddings()(hidden[:, :-1][where]).float()
            return F.cross_entropy(logits, targets[where])

    return AnswerOnlyLoss(peft_model)


def _reset_peak_memory(device: str) -> None:
    """Start the peak count at what is held now, so the loader's transient copies are not counted."""
    import torch

    if device.startswith("cuda"):
        torch.cuda.reset_peak_memory_stats()
        return
    try:  # glibc keeps freed heap in RSS until trimmed; Linux's "5" resets the high-water mark (VmHWM)
        ctypes.CDLL("libc.so.6").malloc_trim(0)
        Path("/proc/self/clear_refs").write_text("5")
    except (OSError, AttributeError):
        pass


def _memory_mb(device: str, peak: bool = False) -> float:
    """Memory held now, or its peak since the last reset: allocated CUDA memory on a GPU, RSS on a CPU."""
    import torch

    if device.startswith("cuda"):
        return (torch.cuda.max_memory_allocated() if peak else torch.cuda.memory_allocated()) / 2**20
    try:
        status = Path("/proc/self/status").read_text()
        field_name = "VmHWM:" if peak else "VmRSS:"
        return next(int(line.split()[1]) for line in status.splitlines() if line.startswith(field_name)) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # the peak; Linux reports KiB


def keep_compute_dtype(model, dtype) -> None:
    """Cast the weights ``prepare_model_for_kbit_training`` upcast to fp32 back to the compute dtype.

    It upcasts every unquantised weight: the embeddings, the (untied, 151,936 x 896) output layer and
    the norms. An fp32 norm weight turns its output fp32, so the whole residual stream, and every
    activation kept for the backward pass, would be fp32: 4-bit training then peaked at 0.82 of full
    fp32 LoRA on a GPU. LoRA weights are added later and stay fp32, as peft makes them.
    """
    import torch

    for param in model.parameters():
        if param.dtype == torch.float32 and param.__class__.__name__ != "Params4bit":
            param.data = param.data.to(dtype)


def _run_key(config: TrainConfig, data: BuiltData) -> dict:
    """What a checkpoint must match to be resumed: the data and every setting that shapes training."""
    return {"data": data.fingerprint, "lora": asdict(config.lora), "optim": asdict(config.optim),
            "base_model": config.base_model, "quantization": config.quantization,
            "compute_dtype": config.compute_dtype}


def train_module(data: BuiltData, config: TrainConfig, out_dir: Path, show_progress: bool = True) -> TrainResult:
    """Train one LoRA module on ``data`` and save it (PEFT format) in ``out_dir``.

    A checkpoint is written to ``out_dir/checkpoint`` every ``optim.save_every`` steps and on Ctrl-C;
    running the same command again resumes from it.
    """
    import torch
    from accelerate import Accelerator
    from accelerate.utils import set_seed
    from tqdm.auto import tqdm
    from transformers import get_linear_schedule_with_warmup

    if not data.examples:
        raise FinSQLError("no training examples left (all failed their checks or exceed optim.max_seq_tokens)")
    key = _run_key(config, data)
    _check_resumable(out_dir / CHECKPOINT, key)  # before minutes of model loading
    device = config.device
    accelerator = Accelerator(cpu=device == "cpu" or (device == "auto" and not torch.cuda.is_available()))
    set_seed(config.optim.seed)
    compute_dtype = resolve_compute_dtype(config.compute_dtype, str(accelerator.device))
    loaded = load_model(config.base_model, LoadOptions(quantization=config.quantization,
                                                       device=str(accelerator.device), compute_dtype=compute_dtype))
    computed_in = compute_dtype if config.quantization == "4bit" else str(loaded.model.dtype).removeprefix("torch.")
    model = with_lora(loaded.model, config)
    module = answer_loss_module(model)
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad],
                                  lr=config.optim.learning_rate, weight_decay=config.optim.weight_decay)
    schedule = batch_schedule(data.examples, config.optim, accelerator.process_index, accelerator.num_processes)
    total = config.optim.max_steps or len(schedule)
    scheduler = get_linear_schedule_with_warmup(optimizer, min(config.optim.warmup_steps, total // 10), total)
    module, optimizer = accelerator.prepare(module, optimizer)

    out_dir.mkdir(parents=True, exist_ok=True)
    _reset_peak_memory(str(accelerator.device))
    start_memory_mb = _memory_mb(str(accelerator.device))
    step = _resume(out_dir / CHECKPOINT, model, optimizer, scheduler)
    resumed_from = step
    losses: list[float] = []
    tokens = answer_tokens = 0
    started = time.perf_counter()
    bar = tqdm(total=total, initial=step, desc="train", unit="step", disable=not show_progress,
               dynamic_ncols=True)
    module.train()
    try:
        for _, batch in schedule[step:total]:
            ids, mask, labels = (t.to(accelerator.device)
                                 for t in collate([data.examples[i] for i in batch], loaded.tokenizer.pad_token_id))
            loss = module(ids, mask, labels)
            accelerator.backward(loss)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            losses.append(float(loss.detach()))
            tokens += int(mask.sum())
            answer_tokens += int((labels != IGNORE).sum())
            elapsed = time.perf_counter() - started
            bar.update(1)
            bar.set_postfix(loss=f"{losses[-1]:.3f}", tok_s=f"{tokens / elapsed:.0f}")
            if step % config.optim.save_every == 0 and accelerator.is_main_process:
                _save_checkpoint(out_dir / CHECKPOINT, key, step, model, optimizer, scheduler)
    except KeyboardInterrupt:
        if accelerator.is_main_process:
            _save_checkpoint(out_dir / CHECKPOINT, key, step, model, optimizer, scheduler)
        bar.close()
        raise FinSQLError(f"interrupted at step {step} of {total}; the checkpoint in {out_dir / CHECKPOINT} "
                          "is kept: run the same command again to resume") from None
    bar.close()
    seconds = time.perf_counter() - started
    if accelerator.is_main_process:
        accelerator.unwrap_model(module).model.save_pretrained(out_dir)
        shutil.rmtree(out_dir / CHECKPOINT, ignore_errors=True)
    return TrainResult(
        steps=step, epochs_done=_epochs_done(schedule, step), final_loss=_tail_mean(losses), losses=losses,
        answer_tokens=answer_tokens, tokens=tokens, seconds=round(seconds, 1),
        tokens_per_s=round(tokens / seconds, 1) if seconds else 0.0,
        peak_memory_mb=round(_memory_mb(str(accelerator.device), peak=True), 1),
        start_memory_mb=round(start_memory_mb, 1),
        model_memory_mb=round(model.get_memory_footprint() / 2**20, 1), resumed_from_step=resumed_from,
        device=str(accelerator.device), compute_dtype=computed_in)


def _epochs_done(schedule: list[tuple[int, list[int]]], step: int) -> float:
    if step == 0:
        return 0.0
    epoch = schedule[step - 1][0]
    in_epoch = sum(1 for e, _ in schedule if e == epoch)
    done_in_epoch = sum(1 for e, _ in schedule[:step] if e == epoch)
    return round(epoch + done_in_epoch / in_epoch, 3)


def _tail_mean(losses: list[float], n: int = 10) -> float:
    tail = losses[-n:]
    return round(sum(tail) / len(tail), 4) if tail else float("nan")


def _save_checkpoint(path: Path, key: dict, step: int, model, optimizer, scheduler) -> None:
    """Write the checkpoint next to the old one, then swap, so a crash mid-write loses nothing."""
    import torch

    tmp = path.with_name(path.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    model.save_pretrained(tmp)
    torch.save({"optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict(),
                "rng": torch.get_rng_state()}, tmp / "trainer_state.pt")
    (tmp / "run.json").write_text(json.dumps({"step": step, "key": key}, indent=1), encoding="utf-8")
    old = path.with_name(path.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if path.exists():
        os.replace(path, old)
    os.replace(tmp, path)
    shutil.rmtree(old, ignore_errors=True)


def _check_resumable(path: Path, key: dict) -> None:
    run_file = path / "run.json"
    if not run_file.is_file():
        return
    try:
        made_with = json.loads(run_file.read_text(encoding="utf-8")).get("key")
    except (OSError, ValueError, AttributeError):
        raise FinSQLError(f"the checkpoint in {path} cannot be read (its run.json is damaged); delete it to start "
                          "over") from None
    if made_with != json.loads(json.dumps(key)):
        raise FinSQLError(f"the checkpoint in {path} was made with other data or settings; delete it to start "
                          "over, or train into another --out folder")


def _resume(path: Path, model, optimizer, scheduler) -> int:
    """Load ``path`` into the model, optimizer and scheduler; the step to go on from (0 without one)."""
    import torch
    from peft import set_peft_model_state_dict
    from safetensors.torch import load_file

    run_file = path / "run.json"
    if not run_file.is_file():
        return 0
    try:
        run = json.loads(run_file.read_text(encoding="utf-8"))
        set_peft_model_state_dict(model, load_file(str(path / "adapter_model.safetensors")))
        state = torch.load(path / "trainer_state.pt", weights_only=False)
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        torch.set_rng_state(state["rng"])
        return int(run["step"])
    except (OSError, ValueError, KeyError, RuntimeError) as err:  # a checkpoint damaged outside this program
        raise FinSQLError(f"the checkpoint in {path} cannot be read ({first_line(err)}); "
                          "delete it to start over") from None
