#!/usr/bin/env python3
"""Mutation run of `sourcing-sim check`: random one-line slips in a scenario, each checked.

    scripts/mutate-check.py .build/release/sourcing-sim [--scenario FILE] [--count 3000]
                            [--seed 1] [--timeout 10] [--out mutate-check-out]
    scripts/mutate-check.py BINARY --show ID      # print one mutant's edit and check output
    scripts/mutate-check.py BINARY --self-test    # the comparison must catch planted faults

Each mutant is the scenario with ONE line changed the way a person slips in an editor (a
character deleted, doubled or swapped, a line dedented, indented, deleted or duplicated, a digit
replaced, `:` turned into `;` or lost, a tab, a comma or a stray character inserted, a key
misspelt, a `%`/`m`/`k` suffix changed, ...). The mutants are a function of the seed alone.
Every mutant goes through `sourcing-sim check --format json` with a timeout and is classed:

  crash     a signal, or an exit code outside {0, 1, 2}
  hang      still running after the timeout (the process is killed)
  rejected  exit 2 with at least one `FILE:LINE:COL: error:` diagnostic and its caret line
  accepted  exit 0, with the checked model as JSON on standard output
  (review classes: `rejected-unlocated` exit 2 without such a diagnostic; `failed` exit 1;
  `bad-json` exit 0 without valid JSON)

An accepted mutant is compared with what its text contains, read by PyYAML
(mutate_check/tree.py; the comparison is mutate_check/compare.py):

  drop            an option, input, task, cost line, benefit, risk or criterion that the text
                  contains (or the original had and the text still contains) is missing from
                  the model, or a cost line, benefit or risk of the model is missing from the plan
  ignored         a value in the text that the model does not reflect (a key the checker let
                  pass without using it, a time or amount read from elsewhere, a label that
                  differs)
  line-vanished   the mutated line held YAML content in the original and holds none in the
                  mutant (it became a comment, or merged into nothing), yet the file is accepted
  vanished        an entry of the original is gone from the text though the mutation neither
                  deleted its line nor renamed it in place (it was moved, say by an indentation
                  change, somewhere the model does not read), yet the file is accepted
  -- for review, not failures --
  yaml-disagreement  check accepts text PyYAML cannot read, or PyYAML sees a duplicate key
  phantom         the model has an entity or field the text does not contain
  no-effect       the YAML data changed (numbers compared by value, keywords in any case) but
                  the model did not: usually an equivalent spelling or a deleted default

A drop, ignored value or (line-)vanished finding is "warned" rather than silent when check
printed a warning the original does not have, at the mutated line or at the line of the
finding. The run exits 1 when there is any crash, hang or silent finding of those kinds, else 0.

PyYAML reads YAML 1.1 and refuses tabs as separation whitespace; YAML 1.2 allows them there, so
when PyYAML fails on a mutant whose mutation put a tab after the indentation, the mutant is read
with that tab as a space where it separates tokens, and as a placeholder turned back into a tab
where it sits inside a scalar (logged as `tab_as_space`). Only node kinds, scalar texts and
marks are used, never PyYAML's types, so YAML 1.1's `yes`/`no`/sexagesimal typing plays no part.

`--self-test` plants faults in the original's model (mutate_check/selftest.py) and fails if the
comparison misses any. Mutants: mutate_check/mutations.py; running and classing: judge.py;
the summary: report.py.

Output in --out: log.jsonl (one record per mutant), summary.txt (what is printed at the end),
mutants/ID-OP.yaml for every suspicious mutant (replay with `sourcing-sim check FILE`).
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time

from mutate_check.judge import baseline, judge, run_check
from mutate_check.mutations import make_mutants
from mutate_check.report import describe, is_failure, summarise, suspicious
from mutate_check.selftest import self_test


DEFAULT_SCENARIO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scenarios", "southwark-2017.yaml")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary", help="the sourcing-sim executable, e.g. .build/release/sourcing-sim")
    ap.add_argument("--scenario", default=os.path.relpath(DEFAULT_SCENARIO),
                    help="the scenario to mutate (default: the Southwark scenario of this repository)")
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per mutant")
    ap.add_argument("--out", default="mutate-check-out", help="directory for log.jsonl, summary.txt, mutants/")
    ap.add_argument("--show", type=int, metavar="ID", help="print mutant ID's edit and check's output, then stop")
    ap.add_argument("--self-test", action="store_true",
                    help="plant faults in the original's model and report how many the comparison misses")
    args = ap.parse_args()

    with open(args.scenario, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="mutate-check-")
    try:
        return run(args, lines, binary, os.path.join(work, os.path.basename(args.scenario)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args, lines, binary, path):
    if args.self_test:
        planted, missed = self_test(binary, lines, path, args.timeout)
        print("self-test: %d faults planted, %d missed" % (planted, len(missed)))
        for d in missed:
            print("  missed: " + d)
        return 1 if missed else 0

    mutants = make_mutants(lines, args.count if args.show is None else max(args.count, args.show), args.seed)

    if args.show is not None:
        m = mutants[args.show - 1]
        print(describe(m))
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(m["text"])
        code, out, err, _ = run_check(binary, path, args.timeout)
        print("exit", code)
        sys.stdout.write(err)
        original = baseline(binary, lines, path, args.timeout)
        judge(m, binary, path, args.timeout, original)
        print(json.dumps({k: v for k, v in m.items() if k != "text"}, indent=2, default=str))
        return 0

    original = baseline(binary, lines, path, args.timeout)
    os.makedirs(os.path.join(args.out, "mutants"), exist_ok=True)
    started = time.monotonic()
    with open(os.path.join(args.out, "log.jsonl"), "w", encoding="utf-8") as log:
        for k, m in enumerate(mutants):
            judge(m, binary, path, args.timeout, original)
            log.write(json.dumps({key: v for key, v in m.items() if key != "text"}) + "\n")
            if suspicious(m):
                with open(os.path.join(args.out, "mutants", "%04d-%s.yaml" % (m["id"], m["op"])), "w",
                          encoding="utf-8") as fh:
                    fh.write(m["text"])
            if sys.stderr.isatty():
                sys.stderr.write("\r%d/%d" % (k + 1, len(mutants)))
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    summary = summarise(mutants, args, time.monotonic() - started)
    with open(os.path.join(args.out, "summary.txt"), "w", encoding="utf-8") as fh:
        fh.write(summary + "\n")
    print(summary)
    return 1 if any(is_failure(m) for m in mutants) else 0


if __name__ == "__main__":
    sys.exit(main())
