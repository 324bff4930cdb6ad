#!/usr/bin/env python3
"""PyTorch twin of Petal's per-batch anomaly scoring (io.petal.scoring.AnomalyMapper.mapBatch).

Reads what io.petal.scoring.ScoringBenchmark --export DIR wrote (inputs, Petal's weights and
settings, Petal's results; see ScoringTwinExport) and times, on the same batch and threads, under
torch.inference_mode, from PET in SUV and CT in HU to anomaly maps and slice scores:
  - SUV-threshold mask: voxels above the threshold hidden (mask fill) in every slice of the 2.5D
    window, indicator channel = hidden in any slice; SUV and HU normalised as InputNormalisation;
  - the forward pass of the same network (BranchedAutoencoder with the PET/CT layout: the builder of
    ../ae_train_vs_pytorch/ae_train_pytorch.py), both decoders as Petal runs them;
  - residual max(0, PET - reconstruction) of the centre slice, zero outside the body (CT above
    the body threshold); in-plane Gaussian smoothing with the same sigma (kernel to 3 sigma,
    edges repeated, as io.petal.image.GaussianBlur), masked to the body again;
  - slice score = mean of the top-k values; fraction of body pixels hidden.
Before timing it loads Petal's weights and checks that its maps and scores match Petal's
(max |difference|, printed; --padding same makes the network Petal's exact function).

Forms: --channels-last / --no-channels-last, --upsample deconv|shuffle (see the training twin),
--padding symmetric|same, --micro-batch N (forward passes of N slices, as Petal's passes).
Prints one RESULT line (and one CHECK line).
"""
import argparse
import math
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ae_train_vs_pytorch"))
from ae_train_pytorch import build  # noqa: E402  (the same network as the training benchmark)


def read_settings(directory):
    s = {}
    with open(os.path.join(directory, "settings.txt")) as f:
        for line in f:
            k, v = line.strip().split("=", 1)
            s[k] = v
    return s


def read_floats(directory, name, shape):
    return torch.from_numpy(np.fromfile(os.path.join(directory, name), dtype="<f4").reshape(shape))


def load_petal_weights(model, directory, upsample):
    """Copies Petal's parameters (libnd4j layouts) into the twin, layer by layer in Petal's order."""
    flat = np.fromfile(os.path.join(directory, "params.f32"), dtype="<f4")
    params = {}
    with open(os.path.join(directory, "params.txt")) as f:
        for line in f:
            name, offset, *shape = line.split()
            shape = [int(d) for d in shape]
            params[name] = torch.from_numpy(flat[int(offset):int(offset) + math.prod(shape)].reshape(shape).copy())
    layers = [n[:-2] for n in params if n.endswith("/W")]
    convs = [m for branch in (model.pet_encoder, model.ct_encoder, model.fusion, model.pet_decoder, model.ct_decoder)
             for m in branch.modules() if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d))]
    if len(layers) != len(convs):
        raise ValueError("Petal has {} layers, the twin {}".format(len(layers), len(convs)))
    with torch.no_grad():
        for name, conv in zip(layers, convs):
            w, b = params[name + "/W"], params[name + "/b"]
            kind = name.rsplit("/", 1)[1]
            if kind.startswith("up") and upsample == "deconv":
                weight = w.permute(3, 2, 0, 1)  # [kH, kW, out, in] -> [in, out, kH, kW]
            elif kind.startswith("up"):
                out = w.shape[2]  # 1x1 conv to 4*out channels, channel c*4 + dy*2 + dx, then PixelShuffle(2)
                weight = w.permute(2, 0, 1, 3).reshape(4 * out, w.shape[3], 1, 1)
                b = b.repeat_interleave(4)
            elif kind in ("head", "mix"):
                weight = w.t()[:, :, None, None]  # [in, out] -> [out, in, 1, 1]
            else:
                weight = w.permute(3, 2, 0, 1)  # [kH, kW, in, out] -> [out, in, kH, kW]
            if tuple(weight.shape) != tuple(conv.weight.shape):
                raise ValueError("{}: Petal weight {} does not fit {}".format(name, tuple(weight.shape), conv))
            conv.weight.copy_(weight)
            conv.bias.copy_(b)


def gaussian_kernel(sigma):
    """io.petal.image.GaussianBlur.kernel: taps -r..r, r = max(1, ceil(3 sigma)), normalised."""
    r = max(1, math.ceil(3 * sigma))
    t = torch.arange(-r, r + 1, dtype=torch.float64)
    k = torch.exp(-0.5 * t * t / (sigma * sigma))
    return (k / k.sum()).to(torch.float32)


class Scorer:
    """The scoring steps around the network, in torch; call() = one batch."""

    def __init__(self, model, s, fmt, micro):
        self.model, self.fmt, self.micro = model, fmt, micro
        self.neighbours = int(s["neighbours"])
        self.threshold = float(s["threshold_suv"])
        self.fill = float(s["mask_fill"])
        self.indicator = s["mask_indicator"] == "true"
        self.scale = float(s["pet_suv_scale"])
        self.inv_scale = float(np.float32(1 / self.scale))
        self.clip = float(s["pet_suv_clip"])
        self.ct_min, self.ct_max = float(s["ct_hu_min"]), float(s["ct_hu_max"])
        self.inv_range = float(np.float32(1 / (self.ct_max - self.ct_min)))
        self.body_hu = float(s["body_hu_threshold"])
        self.top_k = int(s["top_k"])
        sigma = float(s["smoothing_sigma_px"])
        self.kernel = gaussian_kernel(sigma) if sigma >= 0.05 else None

    def blur(self, x):
        """Separable in-plane blur of [n, 1, H, W], edges repeated."""
        k = self.kernel
        r = k.numel() // 2
        x = F.conv2d(F.pad(x, (r, r, 0, 0), mode="replicate"), k.view(1, 1, 1, -1))
        return F.conv2d(F.pad(x, (0, 0, r, r), mode="replicate"), k.view(1, 1, -1, 1))

    def __call__(self, pet, ct):
        hidden = pet > self.threshold
        p = torch.where(hidden, self.fill, pet.nan_to_num(0.0).clamp(0.0, self.clip) * self.inv_scale)
        if self.indicator:
            p = torch.cat([p, hidden.any(1, keepdim=True).float()], 1)
        c = (ct.nan_to_num(self.ct_min).clamp(self.ct_min, self.ct_max) - self.ct_min) * self.inv_range
        p, c = p.contiguous(memory_format=self.fmt), c.contiguous(memory_format=self.fmt)
        n = pet.shape[0]
        recon = torch.cat([self.model(p[i:i + self.micro], c[i:i + self.micro])[0] for i in range(0, n, self.micro)])
        centre = slice(self.neighbours, self.neighbours + 1)
        pet_c, hidden_c = pet[:, centre], hidden[:, centre]
        body = ct[:, centre] > self.body_hu
        residual = torch.where(body, (pet_c - recon * self.scale).clamp_min(0.0), 0.0)
        if self.kernel is not None:
            residual = torch.where(body, self.blur(residual.contiguous()), 0.0)
        maps = residual[:, 0]
        scores = maps.flatten(1).topk(self.top_k, dim=1).values.mean(1)
        body_count = body.flatten(1).sum(1)
        fractions = torch.where(body_count > 0, (hidden_c & body).flatten(1).sum(1) / body_count.clamp_min(1), 0.0)
        return maps, scores, fractions


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--export", required=True, help="directory written by ScoringBenchmark --export")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--upsample", choices=["shuffle", "deconv"], default="deconv")
    p.add_argument("--channels-last", action=argparse.BooleanOptionalAction, default=True)
    p.add_argument("--padding", choices=["symmetric", "same"], default="same")
    p.add_argument("--micro-batch", type=int, default=0)
    p.add_argument("--jit", action="store_true",
                   help="TorchScript: trace, freeze and torch.jit.optimize_for_inference (oneDNN layouts, fused ops)")
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    s = read_settings(args.export)
    batch, size, slices = int(s["batch"]), int(s["size"]), 2 * int(s["neighbours"]) + 1
    pet = read_floats(args.export, "pet.f32", (batch, slices, size, size))
    ct = read_floats(args.export, "ct.f32", (batch, slices, size, size))
    fmt = torch.channels_last if args.channels_last else torch.contiguous_format
    model = build(args, slices + (1 if s["mask_indicator"] == "true" else 0), slices,
                  int(s["base_filters"]), int(s["depth"]), int(s["latent_channels"]))
    load_petal_weights(model, args.export, args.upsample)
    model = model.eval().to(memory_format=fmt)
    micro = args.micro_batch if args.micro_batch > 0 else batch
    if args.jit:
        with torch.no_grad():
            example = (torch.zeros(micro, slices + (1 if s["mask_indicator"] == "true" else 0), size, size)
                       .contiguous(memory_format=fmt), torch.zeros(micro, slices, size, size).contiguous(memory_format=fmt))
            model = torch.jit.optimize_for_inference(torch.jit.freeze(torch.jit.trace(model, example)))
    score = Scorer(model, s, fmt, micro)
    impl = "pytorch-{}{}-{}-{}{}".format("jit-" if args.jit else "", args.upsample, "cl" if args.channels_last else "nchw",
                                        args.padding, "-micro{}".format(micro) if micro < batch else "")

    with torch.inference_mode():
        maps, scores, fractions = score(pet, ct)
        petal_maps = read_floats(args.export, "anomaly.f32", (batch, size, size))
        petal_scores = read_floats(args.export, "scores.f32", (batch,))
        petal_fractions = read_floats(args.export, "hidden.f32", (batch,))
        print("CHECK impl={} max|twin - petal|: anomaly {:.2e} SUV (max value {:.2f}), score {:.2e} SUV, hidden "
              "fraction {:.2e}{}".format(impl, float((maps - petal_maps).abs().max()), float(petal_maps.max()),
                              float((scores - petal_scores).abs().max()),
                              float((fractions - petal_fractions).abs().max()),
                              " (symmetric padding is not Petal's function)" if args.padding == "symmetric" else ""),
              flush=True)
        for _ in range(args.warmup):
            score(pet, ct)
        ms = []
        for _ in range(args.reps):
            t0 = time.perf_counter()
            for _ in range(args.steps):
                score(pet, ct)
            ms.append((time.perf_counter() - t0) * 1000 / args.steps)
    print("RESULT impl={} size={} batch={} threads={} micro_batch={} ms_per_batch={} "
          "best_slices_per_s={:.1f} median_slices_per_s={:.1f}".format(
              impl, size, batch, torch.get_num_threads(), micro, [round(m) for m in ms],
              1000 * batch / min(ms), 1000 * batch / statistics.median(ms)), flush=True)


if __name__ == "__main__":
    main()
