#!/usr/bin/env python3
"""PyTorch twin of Petal's dual-branch masked autoencoder training step (io.petal.models).

Same architecture (BranchedAutoencoder, PET/CT layout), batch, loss, optimizer (Adam 1e-3, PyTorch defaults
otherwise), thread count, synthetic slices and per-step data preparation (SUV/HU normalisation,
random rectangles hiding 25% of the body from the PET branch, indicator channel, body-weighted
loss targets) as AutoencoderTrainingBenchmark. Prints one RESULT line.

Variants (both compute the same function class):
  --upsample shuffle   2x2 stride-2 transposed convolution written as a 1x1 convolution to 4x the
                       channels + PixelShuffle(2) (default: several times faster than
                       ConvTranspose2d's backward on Debian's torch 1.13 CPU build)
  --upsample deconv    nn.ConvTranspose2d(k=2, s=2), the idiomatic form
  --channels-last      channels_last memory format (default; --no-channels-last for NCHW)
  --micro-batch N      split each batch into passes of N slices and sum their gradients before the
                       single Adam step (what Petal does by default; 0 = whole batch in one pass)
"""
import argparse
import math
import statistics
import time

import torch
import torch.nn as nn


def build(args, pet_in, ct_in, base=16, depth=3, latent=64):
    """The network. args.upsample picks the up-convolution form; args.padding (optional, default
    "symmetric") how the stride-2 3x3 convolutions pad: "symmetric" pads 1 pixel on every side
    (PyTorch's usual form), "same" pads only bottom and right as libnd4j's SAME mode does, which
    makes the network compute exactly Petal's function given Petal's weights (same output size)."""
    same = getattr(args, "padding", "symmetric") == "same"

    def level(i):
        return base << i

    def down(cin, cout):
        if same:
            return [nn.ZeroPad2d((0, 1, 0, 1)), nn.Conv2d(cin, cout, 3, 2, 0)]
        return [nn.Conv2d(cin, cout, 3, 2, 1)]

    def encoder(cin):
        layers, c = [], cin
        for i in range(depth):
            f = level(i)
            layers += down(c, f) + [nn.ReLU(inplace=True), nn.Conv2d(f, f, 3, 1, 1), nn.ReLU(inplace=True)]
            c = f
        return nn.Sequential(*layers)

    def up(cin, cout):
        if args.upsample == "deconv":
            return [nn.ConvTranspose2d(cin, cout, 2, 2)]
        return [nn.Conv2d(cin, 4 * cout, 1), nn.PixelShuffle(2)]

    def decoder():
        layers, c = [], latent
        for i in reversed(range(depth)):
            f, u = level(i), level(max(i - 1, 0))
            layers += [nn.Conv2d(c, f, 3, 1, 1), nn.ReLU(inplace=True)] + up(f, u) + [nn.ReLU(inplace=True)]
            c = u
        layers += [nn.Conv2d(c, 1, 1)]
        return nn.Sequential(*layers)

    class DualBranchAutoencoder(nn.Module):
        def __init__(self):
            super().__init__()
            self.pet_encoder, self.ct_encoder = encoder(pet_in), encoder(ct_in)
            self.fusion = nn.Sequential(nn.Conv2d(2 * level(depth - 1), latent, 1), nn.ReLU(inplace=True))
            self.pet_decoder, self.ct_decoder = decoder(), decoder()

        def forward(self, pet, ct):
            z = self.fusion(torch.cat([self.pet_encoder(pet), self.ct_encoder(ct)], 1))
            return self.pet_decoder(z), self.ct_decoder(z)

    return DualBranchAutoencoder()


def synthetic(batch, slices, size, gen):
    """Elliptical body (40 HU, spine 700 HU) in air, PET SUV ~1 with a warmer blob (as SyntheticSlices)."""
    y, x = torch.meshgrid(torch.arange(size, dtype=torch.float32), torch.arange(size, dtype=torch.float32), indexing="ij")
    pet = torch.empty(batch, slices, size, size)
    ct = torch.empty(batch, slices, size, size)
    for n in range(batch):
        rx, ry = size * (0.32 + 0.08 * torch.rand(1, generator=gen)), size * (0.22 + 0.08 * torch.rand(1, generator=gen))
        bx, by = size * (0.4 + 0.2 * torch.rand(1, generator=gen)), size * (0.4 + 0.1 * torch.rand(1, generator=gen))
        for c in range(slices):
            body = ((x - size / 2) / rx) ** 2 + ((y - size / 2) / ry) ** 2 < 1
            spine = torch.hypot(x - size / 2, y - size * 0.62) < size * 0.06
            blob = torch.hypot(x - bx, y - by + c) < size * 0.1
            ct[n, c] = torch.where(body, torch.where(spine, 700.0, 40.0) + 10 * torch.randn(size, size, generator=gen), -1000.0)
            pet[n, c] = torch.where(body, 1.0 + 2.0 * blob + 0.1 * torch.randn(size, size, generator=gen), 0.02)
    return pet, ct


def draw_hidden(body, fraction, patch, gen):
    """Random rectangles centred on body pixels until `fraction` of the body is hidden (RegionMasker)."""
    batch, size, _ = body.shape
    hidden = torch.zeros_like(body)
    lo = max(1, patch // 2)
    for n in range(batch):
        idx = torch.nonzero(body[n].flatten()).flatten()
        whole = idx.numel() == 0
        if whole:
            idx = torch.arange(size * size)
        target = math.ceil(fraction * idx.numel())
        covered = 0
        while covered < target:
            centre = int(idx[torch.randint(idx.numel(), (1,), generator=gen)])
            h, w = (int(v) for v in torch.randint(lo, patch + 1, (2,), generator=gen))
            y0, x0 = max(0, centre // size - h // 2), max(0, centre % size - w // 2)
            hidden[n, y0:y0 + h, x0:x0 + w] = 1
            covered = int(hidden[n].sum()) if whole else int((hidden[n] * body[n]).sum())
    return hidden


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=128)
    p.add_argument("--neighbours", type=int, default=1)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--upsample", choices=["shuffle", "deconv"], default="shuffle")
    p.add_argument("--channels-last", action=argparse.BooleanOptionalAction, default=True)
    p.add_argument("--micro-batch", type=int, default=0)
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    gen = torch.Generator().manual_seed(1)
    slices, size, batch = 2 * args.neighbours + 1, args.size, args.batch
    fmt = torch.channels_last if args.channels_last else torch.contiguous_format
    model = build(args, slices + 1, slices).to(memory_format=fmt)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    pet_suv, ct_hu = synthetic(batch, slices, size, gen)
    centre = args.neighbours
    micro = args.micro_batch if args.micro_batch > 0 else batch

    def step():
        body = (ct_hu[:, centre] > -500).float()
        hidden = draw_hidden(body, 0.25, min(16, size), gen)
        pet = pet_suv.clamp(0, 20).nan_to_num(0) / 10
        ct = (ct_hu.nan_to_num(-1000).clamp(-1000, 1000) + 1000) / 2000
        h = hidden.unsqueeze(1)
        pet_in = torch.cat([pet * (1 - h), h], 1).contiguous(memory_format=fmt)
        ct_in = ct.contiguous(memory_format=fmt)
        pet_t, ct_t = pet[:, centre:centre + 1], ct[:, centre:centre + 1]
        w_ct = body.unsqueeze(1)
        w_pet = w_ct  # hiddenLossWeight 1
        sum_pet, sum_ct = w_pet.sum().clamp(min=1), w_ct.sum().clamp(min=1)
        opt.zero_grad(set_to_none=True)
        total = 0.0
        for s in range(0, batch, micro):
            e = min(batch, s + micro)
            out_pet, out_ct = model(pet_in[s:e], ct_in[s:e])
            loss = (w_pet[s:e] * (out_pet - pet_t[s:e]) ** 2).sum() / sum_pet \
                + 0.5 * (w_ct[s:e] * (out_ct - ct_t[s:e]) ** 2).sum() / sum_ct
            loss.backward()
            total += float(loss)
        opt.step()
        return total

    for _ in range(args.warmup):
        step()
    ms = []
    for _ in range(args.reps):
        t0 = time.perf_counter()
        for _ in range(args.steps):
            step()
        ms.append((time.perf_counter() - t0) * 1000 / args.steps)
    impl = "pytorch-{}-{}{}".format(args.upsample, "cl" if args.channels_last else "nchw",
                                   "-micro" if micro < batch else "")
    print("RESULT impl={} size={} neighbours={} batch={} threads={} micro_batch={} ms_per_step={} "
          "best_slices_per_s={:.1f} median_slices_per_s={:.1f}".format(
              impl, size, args.neighbours, batch, torch.get_num_threads(), micro, [round(m) for m in ms],
              1000 * batch / min(ms), 1000 * batch / statistics.median(ms)), flush=True)


if __name__ == "__main__":
    main()
