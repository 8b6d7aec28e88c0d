"""Running `check` on a mutant and classing the result."""

import json
import re
import subprocess
import time

import yaml

from .compare import Findings, check_plan, compare, signature
from .tree import Tree, data, entities_of_tree, read_tree

DIAGNOSTIC = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.*)$")


def diagnostics(stderr, path):
    """[(severity, line, col, message, has caret)] of the diagnostics about `path`."""
    lines = stderr.splitlines()
    out = []
    for i, l in enumerate(lines):
        m = DIAGNOSTIC.match(l)
        if m and m.group("file") == path:
            caret = any(re.fullmatch(r"\s*\^[~^]*\s*", x) for x in lines[i + 1:i + 4])
            out.append((m.group("sev"), int(m.group("line")), int(m.group("col")), m.group("msg"), caret))
    return out


def run_check(binary, path, timeout):
    started = time.monotonic()
    try:
        p = subprocess.run([binary, "check", "--format", "json", path], capture_output=True, timeout=timeout,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None, "", "", time.monotonic() - started
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), \
        time.monotonic() - started


def mutated_lines(m):
    """The mutant's line numbers that carry the mutation (none for a deleted line)."""
    if m["op"] == "delete-line":
        return []
    if m["op"] == "duplicate-line":
        return [m["line"], m["line"] + 1]
    return [m["line"]]


def original_line(m, line):
    """The original's line number of mutant line `line` (None for the added duplicate)."""
    if m["op"] == "delete-line" and line >= m["line"]:
        return line + 1
    if m["op"] == "duplicate-line" and line > m["line"]:
        return line - 1
    return line


def mutant_line(m, line):
    """The mutant's line number of original line `line` (None for the deleted line)."""
    if m["op"] == "delete-line":
        return None if line == m["line"] else line - 1 if line > m["line"] else line
    if m["op"] == "duplicate-line" and line > m["line"]:
        return line + 1
    return line


def judge_accepted(m, model, diags, original):
    """Findings for an accepted mutant (see the module documentation)."""
    f = Findings()
    tree, note = read_tree(m)
    if note == "tab_as_space":
        m["tab_as_space"] = True
    if tree is None:
        f.add("yaml-disagreement", m["line"], "check accepts it, PyYAML cannot read it: " + note[:200])
        check_plan(model, f)
        return f
    for key, line in tree.duplicates:
        f.add("yaml-disagreement", line, "PyYAML sees the key `%s` twice (an error in YAML), check accepts it" % key)
    try:
        compare(tree, model, f)
        check_plan(model, f)
    except Exception as e:  # a tree shape the comparison does not expect: look at it by hand
        f.add("phantom", m["line"], "the comparison failed on this tree: %r" % e)
    # The original's entries that the text no longer has must be the mutation's own doing: the
    # deleted line, or a key renamed in place (itself or its option: an entry of the same kind
    # is still written on that line).
    mutant_entities = entities_of_tree(tree.root) if isinstance(tree.root, yaml.MappingNode) else {}
    kinds_at = {(e[0], line) for e, line in mutant_entities.items()}
    for e, line in original["entities"].items():
        if e in mutant_entities:
            continue
        now = mutant_line(m, line)
        if now is None or (e[0], now) in kinds_at:
            continue
        f.add("vanished", now, "%s `%s`%s (line %d of the original) is gone from the text, not renamed or deleted "
              "by the mutation" % (e[0], e[2], " of option `%s`" % e[1] if e[1] else "", line))
    for line in mutated_lines(m):
        before = original_line(m, line)
        if before in original["tree"].lines and line not in tree.lines:
            f.add("line-vanished", line, "line %d held YAML content and now holds none: %r" %
                  (line, m["after"]))
    if data(tree.root) != original["data"] and signature(model) == original["signature"]:
        f.add("no-effect", m["line"], "the YAML data changed but the model did not")
    # Warnings the original does not have (compared at the original's line numbers).
    warned = {d[1] for d in diags if d[0] == "warning" and (original_line(m, d[1]), d[3]) not in original["warnings"]}
    for item in f.items:
        if item["kind"] in FATAL:
            item["silent"] = not (warned & ({item["line"]} | set(mutated_lines(m))))
    return f


FATAL = ("drop", "ignored", "line-vanished", "vanished")


def judge(m, binary, path, timeout, original):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(m["text"])
    code, out, err, elapsed = run_check(binary, path, timeout)
    m["seconds"] = round(elapsed, 3)
    m["exit"] = code
    if code is None:
        m["class"] = "hang"
        return
    if code not in (0, 1, 2):
        m["class"] = "crash"
        m["stderr_tail"] = err[-2000:]
        return
    diags = diagnostics(err, path)
    m["diagnostics"] = ["%d:%d: %s: %s" % (d[1], d[2], d[0], d[3]) for d in diags[:5]]
    if code == 1:
        m["class"] = "failed"
        m["stderr_tail"] = err[-2000:]
        return
    if code == 2:
        errors = [d for d in diags if d[0] == "error" and d[4] and 1 <= d[1] <= m["text"].count("\n") + 1]
        m["class"] = "rejected" if errors else "rejected-unlocated"
        if errors:
            near = min(abs(d[1] - l) for d in errors for l in (mutated_lines(m) or [m["line"]]))
            m["error_distance"] = near
        else:
            m["stderr_tail"] = err[-2000:]
        return
    try:
        model = json.loads(out)
    except ValueError:
        m["class"] = "bad-json"
        m["stdout_head"] = out[:2000]
        return
    m["class"] = "accepted"
    m["findings"] = judge_accepted(m, model, diags, original).items


def baseline(binary, lines, path, timeout):
    """The original's tree, data, entities, model signature and warning lines; the oracle must
    find nothing wrong with the original itself."""
    text = "".join(l + "\n" for l in lines)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    code, out, err, _ = run_check(binary, path, timeout)
    if code != 0:
        raise SystemExit("check does not accept the original scenario (exit %s):\n%s" % (code, err))
    model = json.loads(out)
    tree = Tree(text)
    original = {"tree": tree, "data": data(tree.root), "entities": entities_of_tree(tree.root),
                "signature": signature(model),
                "warnings": {(d[1], d[3]) for d in diagnostics(err, path) if d[0] == "warning"}}
    f = Findings()
    compare(tree, model, f)
    check_plan(model, f)
    if f.items or tree.duplicates:
        raise SystemExit("the comparison finds fault with the original itself (a harness bug): %s" % f.items)
    return original
