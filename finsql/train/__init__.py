"""Fine-tuning: augmented training data, one LoRA module per database on a 4-bit base, LoraHub fusion.

    python -m finsql.train fund                      # train adapters/fund with configs/train.toml
    python -m finsql.train augment fund              # only report what augmentation generates / keeps
    python -m finsql.train fuse bank --from fund stock macro   # LoraHub: a module for a small database
"""
