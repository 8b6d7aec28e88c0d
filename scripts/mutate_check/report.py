"""The summary of a run: counts per class, per finding and per operator, and every suspicious
mutant with its edit."""

from .judge import FATAL

def suspicious(m):
    if m["class"] in ("crash", "hang", "rejected-unlocated", "failed", "bad-json"):
        return True
    return bool(m.get("findings"))


def is_failure(m):
    if m["class"] in ("crash", "hang"):
        return True
    return any(x["kind"] in FATAL and x.get("silent") for x in m.get("findings", []))


def describe(m):
    after = "(line deleted)" if m["after"] is None else repr(m["after"])
    return "#%d %s line %d: %r -> %s" % (m["id"], m["op"], m["line"], m["before"], after)


def summarise(mutants, args, elapsed):
    out = []
    classes = {}
    for m in mutants:
        classes[m["class"]] = classes.get(m["class"], 0) + 1
    out.append("Mutation run of `check`: %s, %d mutants, seed %d, timeout %g s (%.0f s)" %
               (args.scenario, len(mutants), args.seed, args.timeout, elapsed))
    out.append("")
    out.append("Classes:")
    for c in ("crash", "hang", "rejected", "accepted", "rejected-unlocated", "failed", "bad-json"):
        out.append("  %-20s %5d" % (c, classes.get(c, 0)))
    rejected = [m for m in mutants if m["class"] == "rejected"]
    if rejected:
        same = sum(1 for m in rejected if m["error_distance"] == 0)
        near = sum(1 for m in rejected if 0 < m["error_distance"] <= 3)
        out.append("")
        out.append("Rejected mutants whose nearest error is on the mutated line: %d; 1-3 lines away: %d; further: %d"
                   % (same, near, len(rejected) - same - near))
    kinds = {}
    for m in mutants:
        for x in m.get("findings", []):
            key = x["kind"] + (" (silent)" if x.get("silent") else " (warned)" if "silent" in x else "")
            kinds[key] = kinds.get(key, 0) + 1
    out.append("")
    out.append("Findings in accepted mutants:" + ("" if kinds else " none"))
    for k in sorted(kinds):
        out.append("  %-28s %5d" % (k, kinds[k]))
    per_op = {}
    for m in mutants:
        row = per_op.setdefault(m["op"], {"n": 0, "accepted": 0})
        row["n"] += 1
        row["accepted"] += m["class"] == "accepted"
    out.append("")
    out.append("Per operator (mutants / accepted):")
    for op in sorted(per_op):
        out.append("  %-20s %5d %5d" % (op, per_op[op]["n"], per_op[op]["accepted"]))
    flagged = [m for m in mutants if suspicious(m)]
    out.append("")
    out.append("Suspicious mutants: %d (failures: %d)" % (len(flagged), sum(is_failure(m) for m in flagged)))
    for m in flagged:
        out.append("  %s%s  [%s, exit %s]" % ("FAIL " if is_failure(m) else "", describe(m), m["class"], m["exit"]))
        for x in m.get("findings", []):
            tag = "" if "silent" not in x else " (silent)" if x["silent"] else " (warned)"
            out.append("      %s%s: %s" % (x["kind"], tag, x["what"]))
        if m["class"] != "accepted" and m.get("stderr_tail", "").strip():
            out.append("      " + m["stderr_tail"].strip().splitlines()[0][:200])
    return "\n".join(out)
