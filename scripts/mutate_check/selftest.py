"""Faults planted in the original's model, each of which the comparison must catch."""

import copy
import json

from .compare import Findings, check_plan, compare
from .judge import run_check
from .tree import Tree

def self_test(binary, lines, path, timeout):
    """Plants faults in the original's model and counts those the comparison catches: each
    entity removed (a drop), each cost line, benefit and risk removed from the plan only (a
    drop), each label, go-live, `after`, `during`, `delays` and scenario setting changed
    (ignored), each marked value moved to another line (ignored, or phantom for a default).
    Returns (planted, descriptions of the faults missed)."""
    text = "".join(l + "\n" for l in lines)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    code, out, _, _ = run_check(binary, path, timeout)
    model, tree = json.loads(out), Tree(text)
    faults = []

    def plant(description, change, expect):
        broken = copy.deepcopy(model)
        change(broken)
        f = Findings()
        compare(tree, broken, f)
        check_plan(broken, f)
        faults.append((description, any(x["kind"] in expect for x in f.items)))

    def removal(get_list, k, plan_only=False):
        def change(mdl):
            items = get_list(mdl)
            gone = items[k]
            if not plan_only:
                del items[k]
            for o in mdl["options"]:
                o["plan_lines"] = [p for p in o["plan_lines"] if p["line"] != gone["line"]]
        return change

    for k, i in enumerate(model["inputs"]):
        plant("input " + i["name"], removal(lambda m: m["inputs"], k), ("drop",))
    for k, c in enumerate(model["criteria"]):
        plant("criterion " + c["name"], removal(lambda m: m["criteria"], k), ("drop",))
    for j, o in enumerate(model["options"]):
        for section in ("inputs", "tasks", "costs", "benefits", "risks"):
            for k, e in enumerate(o[section]):
                plant("%s %s of %s" % (section, e["name"], o["name"]),
                      removal(lambda m, j=j, section=section: m["options"][j][section], k), ("drop",))
                if section in ("costs", "benefits", "risks"):
                    plant("plan line %s of %s" % (e["name"], o["name"]),
                          removal(lambda m, j=j, section=section: m["options"][j][section], k, plan_only=True), ("drop",))

    def retitle(get_holder, key):
        def change(mdl):
            holder = get_holder(mdl)
            holder[key] = holder[key] + ["x"] if isinstance(holder[key], list) else "x"
        return change

    for j, o in enumerate(model["options"]):
        for key in ("label", "go_live"):
            if o[key] is not None:
                plant("%s of %s" % (key, o["name"]), retitle(lambda m, j=j: m["options"][j], key), ("ignored",))
        for k, t in enumerate(o["tasks"]):
            plant("after of task %s" % t["name"], retitle(lambda m, j=j, k=k: m["options"][j]["tasks"][k], "after"),
                  ("ignored", "phantom"))
        for k, c in enumerate(o["costs"]):
            if c["timing"]["kind"] == "during":
                plant("during of %s" % c["name"],
                      retitle(lambda m, j=j, k=k: m["options"][j]["costs"][k]["timing"], "task"), ("ignored",))
        for k, r in enumerate(o["risks"]):
            if r["delays"] is not None:
                plant("delays of %s" % r["name"], retitle(lambda m, j=j, k=k: m["options"][j]["risks"][k], "delays"),
                      ("ignored",))
    for key in ("name", "currency", "discounting", "sampling", "description"):
        plant("scenario " + key, retitle(lambda m: m["scenario"], key), ("ignored",))

    def marks(value, path=()):
        if isinstance(value, dict):
            if "line" in value and "text" in value:
                yield path
            for key, v in value.items():
                if key != "plan_lines":
                    yield from marks(v, path + (key,))
        elif isinstance(value, list):
            for n, v in enumerate(value):
                yield from marks(v, path + (n,))

    for p in marks(model):
        def change(mdl, p=p):
            node = mdl
            for step in p:
                node = node[step]
            node["line"] += 100
        # A default the checker filled in (`until: end` at the line's key) shows as a phantom.
        plant("value at " + "/".join(map(str, p)), change, ("ignored", "phantom"))
    return len(faults), [d for d, caught in faults if not caught]
