"""PyTorch CPU baseline for the benchmark workloads W1-W4 of ../shared/bench.

Trains the same networks on the same data, initial weights and batch order as the harness
(mulberry32 + Box-Muller, float32), one thread, and prints the median training time per workload
and the final full-data loss, for the side-by-side table in BENCHMARKS.md.

    /usr/bin/python3 benchmarks/pytorch/bench_torch.py [--runs 5]
"""
import argparse
import math
import statistics
import time

import torch


class Rng:
    """mulberry32 uniforms and Box-Muller normals, exactly as bench-common.js draws them."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF
        self.spare = None

    def uniform(self):
        self.state = (self.state + 0x6D2B79F5) & 0xFFFFFFFF
        t = self.state
        t = ((t ^ (t >> 15)) * (t | 1)) & 0xFFFFFFFF
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296.0

    def normal(self):
        if self.spare is not None:
            s, self.spare = self.spare, None
            return s
        u1 = 0.0
        while u1 == 0.0:
            u1 = self.uniform()
        u2 = self.uniform()
        r = math.sqrt(-2 * math.log(u1))
        self.spare = r * math.sin(2 * math.pi * u2)
        return r * math.cos(2 * math.pi * u2)


def regression(n, noise, uniform, seed):
    r = Rng(seed)
    x = [-1 + 2 * i / (n - 1) for i in range(n)]
    y = [xi * xi + noise * (r.uniform() if uniform else r.normal()) for xi in x]
    return torch.tensor(x).unsqueeze(1), torch.tensor(y).unsqueeze(1)


def clusters(n, seed):
    r = Rng(seed)
    xs, labels = [], []
    for i in range(n):
        c = 2.0 if i < n // 2 else -2.0
        xs.append([c + r.normal(), c + r.normal()])
        labels.append(0 if i < n // 2 else 1)
    return torch.tensor(xs), torch.tensor(labels)


def network(sizes, seed):
    r = Rng(seed)
    layers = []
    for fin, fout in zip(sizes, sizes[1:]):
        k = 1 / math.sqrt(fin)
        lin = torch.nn.Linear(fin, fout)
        with torch.no_grad():
            lin.weight.copy_(torch.tensor([(2 * r.uniform() - 1) * k for _ in range(fin * fout)]).view(fout, fin))
            lin.bias.copy_(torch.tensor([(2 * r.uniform() - 1) * k for _ in range(fout)]))
        if layers:
            layers.append(torch.nn.ReLU())
        layers.append(lin)
    return torch.nn.Sequential(*layers)


def batch_orders(n, epochs, batch, seed):
    r = Rng(seed)
    orders = []
    for _ in range(epochs):
        perm = list(range(n))
        for i in range(n - 1, 0, -1):
            j = math.floor(r.uniform() * (i + 1))
            perm[i], perm[j] = perm[j], perm[i]
        orders.append([torch.tensor(perm[s:s + batch]) for s in range(0, n, batch)])
    return orders


def workloads():
    w3 = dict(sizes=[1, 20, 1], data=regression(1000, 0.1, False, 3), init=103, epochs=12, batch=32)
    return {
        "W1": [dict(sizes=[1, 10, 1], data=regression(100, 0.2, True, 1), init=101, steps=200,
                    opt=lambda p: torch.optim.SGD(p, lr=0.2))],
        "W2": [dict(sizes=[2, 10, 2], data=clusters(200, 2), init=102, steps=100,
                    opt=lambda p: torch.optim.SGD(p, lr=0.02))],
        "W3": [dict(w3, opt=lambda p: torch.optim.SGD(p, lr=0.01)),
               dict(w3, opt=lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.8)),
               dict(w3, opt=lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, eps=1e-8)),
               dict(w3, opt=lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.9, 0.99), eps=1e-8))],
        **{f"W4-h{h}": [dict(sizes=[2, h, h, 2], data=clusters(2000, 4), init=seed, steps=100,
                             opt=lambda p: torch.optim.SGD(p, lr=0.1))]
           for h, seed in ((8, 104), (32, 105), (128, 106))},
    }


def train(part):
    x, y = part["data"]
    net = network(part["sizes"], part["init"])
    opt = part["opt"](net.parameters())
    crit = torch.nn.CrossEntropyLoss() if y.dim() == 1 else torch.nn.MSELoss()
    orders = batch_orders(len(x), part["epochs"], part["batch"], 1000 + part["init"]) if "epochs" in part else None
    start = time.perf_counter()
    if orders is None:
        for _ in range(part["steps"]):
            opt.zero_grad()
            crit(net(x), y).backward()
            opt.step()
    else:
        for epoch in orders:
            for rows in epoch:
                opt.zero_grad()
                crit(net(x[rows]), y[rows]).backward()
                opt.step()
    elapsed = time.perf_counter() - start
    with torch.no_grad():
        return elapsed, crit(net(x), y).item()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(1)
    print(f"torch {torch.__version__}, 1 thread, median of {args.runs} runs after 1 warm-up")
    for name, parts in workloads().items():
        times = []
        losses = []
        for run in range(args.runs + 1):
            results = [train(part) for part in parts]
            if run > 0:
                times.append(sum(t for t, _ in results))
            losses = [loss for _, loss in results]
        ms = statistics.median(times) * 1000
        extra = f"  {100 / (ms / 1000):.1f} steps/s" if name.startswith("W4") else ""
        print(f"{name:8s} {ms:9.2f} ms{extra}  final loss {' '.join(f'{l:.6f}' for l in losses)}")


if __name__ == "__main__":
    main()
