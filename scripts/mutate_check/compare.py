"""Comparing what the text contains (a `Tree`) with the model `check --format json` reports."""

import re

import yaml

from .tree import entries, entities_of_tree, get, has, is_null, scalar, span

def entities_of_model(model):
    out = {}
    for i in model["inputs"]:
        out[("input", None, i["name"])] = i["line"]
    for c in model["criteria"]:
        out[("criterion", None, c["name"])] = c["line"]
    for r in model.get("risks", []):
        out[("risk", None, r["name"])] = r["line"]
    for o in model["options"]:
        out[("option", None, o["name"])] = o["line"]
        for section, kind in (("inputs", "input"), ("tasks", "task"), ("costs", "cost"),
                              ("benefits", "benefit"), ("risks", "risk")):
            for e in o[section]:
                if not e.get("shared"):  # an option's copy of a scenario-level risk
                    out[(kind, o["name"], e["name"])] = e["line"]
    return out


def signature(value):
    """The model without marks or file name: what the checker understood, wherever it is written."""
    if isinstance(value, dict):
        return {k: signature(v) for k, v in value.items() if k not in ("line", "column", "file", "deadline_line")}
    if isinstance(value, list):
        return [signature(v) for v in value]
    return value


class Findings:
    def __init__(self):
        self.items = []

    def add(self, kind, line, what):
        self.items.append({"kind": kind, "line": line, "what": what})


def within(mark, node):
    """Whether the model part `mark` (a JSON object with `line`, or None) lies in the node's lines."""
    if mark is None or node is None:
        return False
    lo, hi = span(node)
    return lo <= mark["line"] <= hi


# The resolved model writes every fixed time as the month it stands for: `start` is
# `month 0.0`, `end` the horizon's month (set by `compare`).
FIXED = {"start": {"start", "month 0.0"}, "end": {"end"}}


def is_time(text, name):
    """Whether a model time's text is the named default time."""
    return text in FIXED[name]


def compare(tree, model, f):
    FIXED["end"] = {"end", "month %r" % float(model["scenario"]["horizon_months"])}
    """Every value the tree holds where the model reads it must show in the model (and no more)."""
    root = tree.root
    if not isinstance(root, yaml.MappingNode):
        f.add("phantom", 1, "the text is not a mapping, yet check accepted it")
        return
    te, me = entities_of_tree(root), entities_of_model(model)
    for e, line in te.items():
        if e not in me:
            f.add("drop", line, "%s `%s`%s is in the text but not in the model" %
                  (e[0], e[2], " of option `%s`" % e[1] if e[1] else ""))
    for e, line in me.items():
        if e not in te:
            f.add("phantom", line, "%s `%s`%s is in the model but not in the text" %
                  (e[0], e[2], " of option `%s`" % e[1] if e[1] else ""))

    def field(node, mark, what, line):
        """A value present in the tree must be the model part at that place; absent, absent."""
        if node is not None and not within(mark, node):
            f.add("ignored", span(node)[0], "%s (line %d) is not reflected in the model%s" %
                  (what, span(node)[0], "" if mark is None else " (the model's is at line %d)" % mark["line"]))
        elif node is None and mark is not None:
            f.add("phantom", line, "%s is in the model (line %d) but not in the text" % (what, mark["line"]))

    def text_field(node, value, what, default=None):
        want = scalar(node) if node is not None else default
        if want != value:
            f.add("ignored", span(node)[0] if node is not None else 0,
                  "%s is `%s` in the text but `%s` in the model" % (what, want, value))

    s = model["scenario"]
    text_field(get(root, "scenario"), s["name"], "`scenario`")
    text_field(get(root, "currency"), s["currency"], "`currency`", "GBP")
    for key in ("discounting", "sampling"):
        node = get(root, key)
        if node is not None:
            text_field(node, s[key], "`%s`" % key)
    node = get(root, "description")
    if node is not None and not is_null(node):
        text_field(node, s["description"], "`description`")
    for key in ("iterations", "seed"):
        node = get(root, key)
        if node is not None and re.fullmatch(r"[0-9_]*[0-9][0-9_]*", scalar(node) or ""):
            if int(scalar(node).replace("_", "")) != int(s[key]):
                f.add("ignored", span(node)[0], "`%s` is %s in the text but %s in the model" % (key, scalar(node), s[key]))
    node = get(root, "deadline")
    if (node is None) != (s["deadline_line"] is None) or (node is not None and not within({"line": s["deadline_line"]}, node)):
        f.add("ignored" if node is not None else "phantom", span(node)[0] if node is not None else 0,
              "`deadline` of the text and of the model differ")
    scenario_bias = get(root, "optimism-bias")
    if (scenario_bias is None) != (s["optimism_bias"] is None):
        f.add("ignored" if scenario_bias is not None else "phantom", 0, "scenario `optimism-bias` differs")

    inputs = {i["name"]: i for i in model["inputs"]}
    for name, _, v in entries(get(root, "inputs")) or []:
        if name in inputs:
            field(v, inputs[name]["value"], "input `%s`" % name, inputs[name]["line"])

    items = get(root, "correlations")
    tree_corr = items.value if isinstance(items, yaml.SequenceNode) else []
    if len(tree_corr) != len(model["correlations"]):
        f.add("drop" if len(tree_corr) > len(model["correlations"]) else "phantom",
              span(items)[0] if items is not None else 0,
              "the text has %d correlations, the model %d" % (len(tree_corr), len(model["correlations"])))
    else:
        for node, c in zip(tree_corr, model["correlations"]):
            if not within(c, node):
                f.add("ignored", span(node)[0], "correlation at line %d is not the model's (line %d)" % (span(node)[0], c["line"]))

    options = {o["name"]: o for o in model["options"]}
    for opt, _, ov in entries(get(root, "options")) or []:
        o = options.get(opt)
        if o is None:
            continue
        compare_option(opt, ov, o, scenario_bias, f, field, text_field)
        # Its copies of the scenario-level risks that apply to it: the text's fields, in its model.
        copies = [r for r in o["risks"] if r.get("shared")]
        applying = []
        for name, _, rv in entries(get(root, "risks")) or []:
            applies = get(rv, "applies-to")
            names = None if applies is None else [scalar(x) for x in applies.value] \
                if isinstance(applies, yaml.SequenceNode) else [scalar(applies)]
            if names is None or opt in names:
                applying.append(name)
        have = [r["name"] for r in copies]
        for name in applying:
            if name not in have:
                f.add("drop", o["line"], "scenario-level risk `%s` applies to option `%s` in the text, not in the model" %
                      (name, opt))
        for name in have:
            if name not in applying:
                f.add("phantom", o["line"], "scenario-level risk `%s` applies to option `%s` in the model, not in the "
                      "text" % (name, opt))
        compare_risks(get(root, "risks"), copies, "option `%s` (scenario-level)" % opt, f, field, text_field)

    criteria = {c["name"]: c for c in model["criteria"]}
    for name, _, cv in entries(get(root, "criteria")) or []:
        c = criteria.get(name)
        if c is None:
            continue
        field(get(cv, "weight"), c["weight"], "the weight of criterion `%s`" % name, c["line"])
        scores = {x["option"]: x["score"] for x in c["scores"]}
        for option, _, sv in entries(get(cv, "scores")) or []:
            field(sv, scores.get(option), "the score of `%s` in criterion `%s`" % (option, name), c["line"])
        tree_scores = [t for t, _, _ in entries(get(cv, "scores")) or []]
        for option in scores:
            if option not in tree_scores:
                f.add("phantom", c["line"], "criterion `%s` has a score for `%s` the text lacks" % (name, option))


def compare_option(opt, ov, o, scenario_bias, f, field, text_field):
    what = "option `%s`" % opt
    text_field(get(ov, "label"), o["label"], "the label of %s" % what, opt)
    go_live = get(ov, "go-live")
    text_field(go_live, o["go_live"], "`go-live` of %s" % what)
    bias = get(ov, "optimism-bias")
    if bias is not None:
        key_line = [k.start_mark.line + 1 for t, k, _ in entries(ov) if t == "optimism-bias"][0]
        if o["optimism_bias"] is None or o["optimism_bias"]["line"] != key_line:
            f.add("ignored", span(bias)[0], "`optimism-bias` of %s is not the model's" % what)
    elif (scenario_bias is None) != (o["optimism_bias"] is None):
        f.add("phantom", o["line"], "%s has an optimism bias the text does not give it" % what)

    inputs = {i["name"]: i for i in o["inputs"]}
    for name, _, v in entries(get(ov, "inputs")) or []:
        if name in inputs:
            field(v, inputs[name]["value"], "input `%s` of %s" % (name, what), inputs[name]["line"])

    tasks = {t["name"]: t for t in o["tasks"]}
    for name, _, tv in entries(get(ov, "timeline")) or []:
        t = tasks.get(name)
        if t is None:
            continue
        w = "task `%s` of %s" % (name, what)
        if isinstance(tv, yaml.MappingNode):
            after = get(tv, "after")
            names = [] if after is None else [scalar(x) for x in after.value] if isinstance(after, yaml.SequenceNode) \
                else [scalar(after)]
            unique = []
            for n in names:
                if n not in unique:
                    unique.append(n)
            if unique != t["after"]:
                f.add("ignored", span(after)[0] if after is not None else t["line"],
                      "`after` of %s is %s in the text but %s in the model" % (w, unique, t["after"]))
            field(get(tv, "duration"), t["duration"], "the duration of " + w, t["line"])
            field(get(tv, "not-before"), t["not_before"], "`not-before` of " + w, t["line"])
        else:
            field(tv, t["duration"], "the duration of " + w, t["line"])
            if t["after"] or t["not_before"]:
                f.add("phantom", t["line"], "%s has `after` or `not-before` the text lacks" % w)

    for section in ("costs", "benefits"):
        lines = {c["name"]: c for c in o[section]}
        for name, kk, cv in entries(get(ov, section)) or []:
            c = lines.get(name)
            if c is None:
                continue
            w = "%s `%s` of %s" % ("benefit" if section == "benefits" else "cost line", name, what)
            timing = c["timing"]
            if not isinstance(cv, yaml.MappingNode):
                field(cv, c["amount"], "the amount of " + w, c["line"])
                if timing["kind"] != "at" or not is_time(timing["at"]["text"], "start"):
                    f.add("phantom", c["line"], "%s is paid at %s, not at start" % (w, timing))
                continue
            kinds = [k for k in ("one-off", "monthly", "annual") if has(cv, k)]
            if len(kinds) != 1:
                f.add("phantom", c["line"], "%s has amounts %s in the text" % (w, kinds))
                continue
            field(get(cv, kinds[0]), c["amount"], "`%s` of %s" % (kinds[0], w), c["line"])
            if kinds[0] == "one-off":
                if has(cv, "during"):
                    if timing["kind"] != "during" or timing["task"] != scalar(get(cv, "during")):
                        f.add("ignored", span(get(cv, "during"))[0], "`during` of %s is not the model's (%s)" % (w, timing))
                elif has(cv, "at"):
                    field(get(cv, "at"), timing.get("at"), "`at` of " + w, c["line"])
                elif timing["kind"] != "at" or not is_time(timing["at"]["text"], "start"):
                    f.add("phantom", c["line"], "%s is paid at %s, not at start" % (w, timing))
                for k in ("from", "until"):
                    if has(cv, k):
                        f.add("ignored", span(get(cv, k))[0], "`%s` of one-off %s is not used" % (k, w))
            else:
                if timing["kind"] != "recurring":
                    f.add("phantom", c["line"], "%s is not recurring in the model" % w)
                    continue
                for k, default in (("from", "start"), ("until", "end")):
                    node = get(cv, k)
                    if node is not None:
                        field(node, timing[k], "`%s` of %s" % (k, w), c["line"])
                    elif not is_time(timing[k]["text"], default) or timing[k]["line"] != kk.start_mark.line + 1:
                        f.add("phantom", c["line"], "`%s` of %s is %s in the model, not the default" % (k, w, timing[k]))
                for k in ("at", "during"):
                    if has(cv, k):
                        f.add("ignored", span(get(cv, k))[0], "`%s` of recurring %s is not used" % (k, w))
            for k in ("escalate", "share"):
                field(get(cv, k), c[k], "`%s` of %s" % (k, w), c["line"])

    deadline = get(ov, "deadline")
    if deadline is not None and (o["deadline_line"] is None or not within({"line": o["deadline_line"]}, deadline)):
        f.add("ignored", span(deadline)[0], "`deadline` of %s is not the model's" % what)

    compare_risks(get(ov, "risks"), [r for r in o["risks"] if not r.get("shared")], what, f, field, text_field)


def compare_risks(node, model_risks, what, f, field, text_field):
    """The risks of `node` (an option's, or the scenario-level ones an option has copies of)
    against the model's risks of that option."""
    risks = {r["name"]: r for r in model_risks}
    for name, _, rv in entries(node) or []:
        r = risks.get(name)
        if r is None:
            continue
        w = "risk `%s` of %s" % (name, what)
        chance = get(rv, "chance")
        field(chance, r["chance"], "`chance` of " + w, r["line"])
        per_year = bool(re.search(r"\bper\s+years?\s*$", scalar(chance) or "", re.I))
        if per_year != r["per_year"]:
            f.add("ignored", span(chance)[0] if chance is not None else r["line"],
                  "`per year` of %s: text %s, model %s" % (w, per_year, r["per_year"]))
        for k, m in (("from", "from"), ("until", "until"), ("one-off", "one_off"), ("for", "for"), ("delay", "delay")):
            field(get(rv, k), r[m], "`%s` of %s" % (k, w), r["line"])
        recurring = get(rv, "monthly") if has(rv, "monthly") else get(rv, "annual")
        field(recurring, r["monthly"], "`monthly`/`annual` of " + w, r["line"])
        text_field(get(rv, "delays"), r["delays"], "`delays` of " + w)


def check_plan(model, f):
    """Every cost line, benefit and risk of the model must be a line of the plan."""
    kinds = {"costs": "cost", "benefits": "benefit", "risks": "risk"}
    for o in model["options"]:
        plan = {(p["kind"], p["name"], p["line"]) for p in o["plan_lines"]}
        for section, kind in kinds.items():
            for e in o[section]:
                if (kind, e["name"], e["line"]) not in plan:
                    f.add("drop", e["line"], "%s `%s` of option `%s` is in the model but not in the plan" %
                          (kind, e["name"], o["name"]))
        if len(plan) != sum(len(o[s]) for s in kinds):
            f.add("phantom", o["line"], "option `%s` has %d plan lines for %d model lines" %
                  (o["name"], len(o["plan_lines"]), sum(len(o[s]) for s in kinds)))
