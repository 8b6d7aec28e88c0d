#!/usr/bin/env python3
"""A straightforward vectorised NumPy implementation of scenarios/southwark-2017.yaml, as a peer
for timing `sourcing-sim run` (bench/compare.sh) and as an independent check of its semantics.

One array per input, numpy's default generator (PCG64), plain Monte Carlo. Semantics as
docs/scenario-language.md section 7: PERT(a, m, b) = a + (b - a) Beta(1 + 4(m - a)/(b - a),
1 + 4(b - m)/(b - a)); tasks start at the latest finish of what they wait for; go-live is the
go-live task's finish; cash accrues over exact fractional-month spans clipped to [0, H); a
one-off `during` a task is a rate over [start, finish); annual discounting with the Green Book
3.5% (year y of months [12y, 12y + 12) at 1.035^-y); risks once in a window at a uniform time,
schedule risks lengthen their task and pay at its finish; `5% per year` independently in each
year's part of the window; optimism bias 10% on shared-service's one-off lines. The rank
correlation 0.6 of the two shared inputs is imposed by reordering (Iman-Conover with a normal
score), as the engine does.

Prints each option's mean PV of cost and its standard error, so the two can be checked against
each other (they agree within Monte Carlo error), then the time it took.

    python3 bench/numpy_peer.py [ITERATIONS] [SEED]
"""
import sys
import time

import numpy as np

H = 69.0  # horizon, months
DEADLINE = 9.0  # 2017-11 from a start of 2017-02
YEARS = 6  # ceil(69 / 12)
D = 1.035 ** -np.arange(YEARS)  # annual discounting, year 0 undiscounted


def pert(rng, a, m, b, n):
    alpha = 1 + 4 * (m - a) / (b - a)
    beta = 1 + 4 * (b - m) / (b - a)
    return a + (b - a) * rng.beta(alpha, beta, n)


def rate_pv(rate, a, b):
    """PV of a monthly rate over [a, b), clipped to [0, H), each year's part at D(y)."""
    pv = np.zeros_like(rate)
    for y in range(YEARS):
        lo = np.maximum(a, 12.0 * y)
        hi = np.minimum(np.minimum(b, 12.0 * y + 12), H)
        pv += D[y] * rate * np.clip(hi - lo, 0, None)
    return pv


def at_pv(amount, t):
    """PV of a one-off at time t: year floor(t/12), counted only when 0 <= t <= H."""
    inside = (t >= 0) & (t <= H)
    y = np.clip(np.floor(t / 12).astype(np.int64), 0, YEARS - 1)
    return np.where(inside, amount * D[y], 0.0)


def during_pv(amount, s, f):
    """A one-off spread evenly over a task [s, f); at s when the task is shorter than 1e-9."""
    length = f - s
    short = length < 1e-9
    spread = rate_pv(amount / np.where(short, 1.0, length), s, f)
    return np.where(short, at_pv(amount, s), spread)


def window_risk(rng, chance, amount, lo, hi, n):
    """A risk once in [lo, hi): occurs with the chance when the window is not empty, at a time
    drawn uniformly in it."""
    u, v = rng.random(n), rng.random(n)
    occurs = (hi > lo) & (u < chance)
    return np.where(occurs, at_pv(amount, lo + v * (hi - lo)), 0.0)


def correlate(rng, x, y, rho):
    """Reorders y so that its ranks follow x's with a normal-score correlation giving the rank
    correlation rho (Pearson 2 sin(pi rho / 6) of the scores)."""
    n = len(x)
    r = 2 * np.sin(np.pi * rho / 6)
    z1 = rng.standard_normal(n)
    z2 = r * z1 + np.sqrt(1 - r * r) * rng.standard_normal(n)
    x = np.sort(x)[np.argsort(np.argsort(z1))]
    y = np.sort(y)[np.argsort(np.argsort(z2))]
    return x, y


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20170207
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    run_rate = pert(rng, 4.3e6, 4.8e6, 5.6e6, n)
    ext = pert(rng, 0.36e6, 0.40e6, 0.50e6, n)
    run_rate, ext = correlate(rng, run_rate, ext, 0.6)
    pv = {}

    # reprocure
    wins = rng.random(n) < 0.5
    req = pert(rng, 2, 3, 4, n)
    challenge = rng.random(n) < pert(rng, 0.05, 0.07, 0.10, n)
    proc_f = req + pert(rng, 6, 8, 12, n) + np.where(challenge, rng.uniform(2, 6, n), 0.0)
    award_f = proc_f + pert(rng, 0.5, 1, 2, n)
    go = award_f + np.where(wins, pert(rng, 1, 2, 3, n), pert(rng, 4, 6, 9, n))
    p = during_pv(pert(rng, 0.3e6, 0.5e6, 0.9e6, n), req, proc_f)
    p += during_pv(np.where(wins, pert(rng, 0.1e6, 0.2e6, 0.4e6, n), pert(rng, 0.5e6, 1.0e6, 2.5e6, n)), award_f, go)
    p += rate_pv(ext, DEADLINE, go)
    p += rate_pv(run_rate * pert(rng, 0.85, 0.93, 1.05, n) / 12, go, H)
    p += rate_pv(pert(rng, 0.25e6, 0.35e6, 0.5e6, n) / 12, go, H)
    p += np.where(challenge, at_pv(pert(rng, 0.05e6, 0.1e6, 0.3e6, n), proc_f), 0.0)
    p += window_risk(rng, pert(rng, 0.03, 0.05, 0.08, n), pert(rng, 1e6, 2e6, 4e6, n), go, np.full(n, H), n)
    pv["reprocure"] = p

    # siam
    towers = run_rate * pert(rng, 0.75, 0.85, 0.95, n)
    disc = pert(rng, 3, 4, 6, n)
    me_f = disc + pert(rng, 2, 3, 4, n)
    thin = rng.random(n) < pert(rng, 0.25, 0.30, 0.40, n)
    proc_f = me_f + pert(rng, 9, 12, 18, n) + np.where(thin, rng.uniform(4, 9, n), 0.0)
    retained_f = disc + pert(rng, 3, 6, 9, n)
    impl_s = np.maximum(proc_f, retained_f)
    go = impl_s + pert(rng, 6, 9, 15, n)
    p = during_pv(pert(rng, 0.8e6, 1.4e6, 2.5e6, n), me_f, proc_f)
    p += during_pv(pert(rng, 1.5e6, 2.5e6, 4.5e6, n), impl_s, go)
    p += rate_pv(ext, DEADLINE, go)
    p += rate_pv(towers / 12, go, H)
    p += rate_pv(towers * pert(rng, 0.08, 0.10, 0.15, n) / 12, go, H)
    p += rate_pv(pert(rng, 0.5e6, 0.7e6, 1.0e6, n) / 12, retained_f, H)
    p += np.where(thin, at_pv(pert(rng, 0.2e6, 0.35e6, 0.6e6, n), proc_f), 0.0)
    p += window_risk(rng, 0.5, pert(rng, 0.3e6, 0.7e6, 1.5e6, n), go, go + 12, n)
    pv["siam"] = p

    # shared-service (optimism bias: one-off 10%, recurring and duration 0%)
    agree_f = pert(rng, 1, 1.5, 2, n)
    dd_f = agree_f + pert(rng, 2, 3, 4, n)
    appr_f = dd_f + pert(rng, 0.5, 1, 1.5, n)
    legal_f = appr_f + pert(rng, 2, 3, 5, n)
    go = np.maximum(appr_f, legal_f) + pert(rng, 0.5, 1, 2, n)
    p = during_pv(1.1 * pert(rng, 0.10e6, 0.15e6, 0.30e6, n), agree_f, dd_f)
    p += during_pv(1.1 * pert(rng, 1.0e6, 1.8e6, 3.0e6, n), appr_f, legal_f)
    p += rate_pv(ext, DEADLINE, go)
    p += rate_pv(pert(rng, 3.6e6, 3.82e6, 4.4e6, n) / 12, go, H)
    p += rate_pv(pert(rng, 0.05e6, 0.1e6, 0.2e6, n) / 12, go, H)
    p += window_risk(rng, 0.6, pert(rng, 0.2e6, 0.4e6, 0.8e6, n), go, go + 12, n)
    for y in range(YEARS):  # partnership exit, 5% per year in each year's part of [go-live, H)
        lo = np.maximum(go, 12.0 * y)
        hi = np.minimum(12.0 * y + 12, H)
        length = np.clip(hi - lo, 0, None)
        occurs = (length > 0) & (rng.random(n) < 1 - 0.95 ** (length / 12))
        p += np.where(occurs, D[y] * pert(rng, 2e6, 3.5e6, 6e6, n), 0.0)
    pv["shared-service"] = p

    elapsed = time.perf_counter() - started
    for name, column in pv.items():
        print(f"{name},mean_pv,{column.mean():.0f},se,{column.std(ddof=1) / np.sqrt(n):.0f}")
    print(f"seconds,{elapsed:.3f}")


if __name__ == "__main__":
    main()
