"""What a mutant's text contains, read by PyYAML's composer: node kinds, key and scalar texts
and marks only, never PyYAML's (YAML 1.1) types."""

import re

import yaml

from .mutations import NUMBER, indent_of


NULLS = {"", "~", "null", "Null", "NULL"}


class Tree:
    """A PyYAML node tree with helpers: key texts, nulls by YAML 1.2's core schema, line ranges."""

    def __init__(self, text):
        self.root = yaml.compose(text, Loader=yaml.SafeLoader)
        self.duplicates = []
        self.lines = set()
        if self.root is not None:
            self._walk(self.root)

    def restore_tabs(self):
        """Turns the placeholders of `tab_for_pyyaml` back into tabs."""
        stack = [self.root] if self.root is not None else []
        while stack:
            n = stack.pop()
            if isinstance(n, yaml.ScalarNode):
                n.value = n.value.replace(TAB, "\t")
            elif isinstance(n, yaml.MappingNode):
                stack += [x for kv in n.value for x in kv]
            else:
                stack += n.value

    def _walk(self, node):
        stack = [node]
        while stack:
            n = stack.pop()
            lo, hi = span(n)
            if isinstance(n, yaml.ScalarNode):
                self.lines.update(range(lo, hi + 1))
            else:
                self.lines.add(lo)
            if isinstance(n, yaml.MappingNode):
                keys = {}
                for k, v in n.value:
                    t = key_text(k)
                    if t in keys:
                        self.duplicates.append((t, k.start_mark.line + 1))
                    keys[t] = True
                    stack += [k, v]
            elif isinstance(n, yaml.SequenceNode):
                stack += n.value


def span(node):
    """First and last line (1-based) of a node; a block collection's end mark sits at the start
    of the next line, which does not belong to it."""
    lo, hi = node.start_mark.line + 1, node.end_mark.line + 1
    if node.end_mark.column == 0 and hi > lo:
        hi -= 1
    return lo, hi


def key_text(k):
    return k.value if isinstance(k, yaml.ScalarNode) else "<%s key at line %d>" % (k.id, k.start_mark.line + 1)


def is_null(n):
    return n is None or (isinstance(n, yaml.ScalarNode) and n.style is None and n.value in NULLS)


def entries(n):
    """(key text, key node, value node) of a mapping node; [] for a null; None otherwise."""
    if isinstance(n, yaml.MappingNode):
        return [(key_text(k), k, v) for k, v in n.value]
    return [] if is_null(n) else None


def get(n, key):
    for t, _, v in entries(n) or []:
        if t == key:
            return v
    return None


def has(n, key):
    return any(t == key for t, _, _ in entries(n) or [])


def scalar(n):
    return n.value if isinstance(n, yaml.ScalarNode) else None


def entities_of_tree(root):
    """{(kind, option, name): key line} for everything the model has by name."""
    out = {}
    top = entries(root) or []
    for t, k, v in top:
        if t == "inputs":
            for name, kk, _ in entries(v) or []:
                out[("input", None, name)] = kk.start_mark.line + 1
        elif t == "criteria":
            for name, kk, _ in entries(v) or []:
                out[("criterion", None, name)] = kk.start_mark.line + 1
        elif t == "risks":
            for name, kk, _ in entries(v) or []:
                out[("risk", None, name)] = kk.start_mark.line + 1
        elif t == "options":
            for opt, ok, ov in entries(v) or []:
                out[("option", None, opt)] = ok.start_mark.line + 1
                for section, kind in (("inputs", "input"), ("timeline", "task"), ("costs", "cost"),
                                      ("benefits", "benefit"), ("risks", "risk")):
                    for name, kk, _ in entries(get(ov, section)) or []:
                        out[(kind, opt, name)] = kk.start_mark.line + 1
    return out


SCALE = {"%": 0.01, "k": 1e3, "m": 1e6, "bn": 1e9, None: 1.0}


def data(node):
    """The tree as plain data for the no-effect test: scalars in lower case (keywords are case-blind),
    whitespace collapsed and dropped around punctuation, numbers by value (`0.30m` is `0.3m`)."""
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        text = " ".join(node.value.split())
        text = re.sub(r" ?([()\[\]{},+*/^<>=!]) ?", r"\1", text).lower()
        return NUMBER.sub(lambda m: repr(float(m.group(1)) * SCALE[m.group(2) and m.group(2).lower()]), text)
    if isinstance(node, yaml.SequenceNode):
        return [data(n) for n in node.value]
    return [(key_text(k), data(v)) for k, v in node.value]


def read_tree(m):
    """(Tree or None, note): the mutant read by PyYAML, with a tab put in by the mutation after
    the indentation read as a space when PyYAML refuses it."""
    try:
        return Tree(m["text"]), None
    except yaml.YAMLError as e:
        error = " ".join(str(e).split())
    if m["op"] == "insert-tab" and m["after"].lstrip(" ")[:1] != "\t":
        lines = m["text"].split("\n")
        lines[m["line"] - 1] = tab_for_pyyaml(m["after"])
        try:
            tree = Tree("\n".join(lines))
        except yaml.YAMLError as e2:
            return None, " ".join(str(e2).split())
        tree.restore_tabs()
        return tree, "tab_as_space"
    return None, error


TAB = "\ue000"


def tab_for_pyyaml(line):
    """The line with each tab after the indentation as a space where it separates tokens, or as
    a placeholder character where it sits inside a plain scalar (a character of the scalar before
    it and one after it, across any spaces; `,` and brackets end a scalar only inside `[...]` or
    `{...}`)."""
    out = list(line)
    indent = indent_of(line)
    for i, ch in enumerate(line):
        if ch == "\t" and i >= indent:
            before, rest = line[:i].rstrip(" \t"), line[i + 1:].lstrip(" \t")
            left, right = before[-1:], rest[:1]
            item = left == "-" and len(before) == indent + 1  # the `- ` of a block sequence entry
            key = right == ":" and rest[1:2] in ("", " ", "\t")
            flow = sum(line[:i].count(c) for c in "[{") > sum(line[:i].count(c) for c in "]}")
            stops = ",:[]{}" if flow else ":"
            inside = bool(left) and left not in stops and not item and bool(right) and right != "#" \
                and not (flow and right in ",[]{}") and not key
            out[i] = TAB if inside else " "
    return "".join(out)
