"""The mutants: one-line slips a person makes in a text editor, a function of the seed alone."""

import random
import re


def code_end(line):
    """Index where the line's trailing comment starts (a `#` at the start or after whitespace,
    outside quotes), with the whitespace before it included in the code; len(line) if none."""
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
    return len(line)


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def is_content(line):
    return line[:code_end(line)].strip() != ""


# Mutation operators: (rng, line) -> new line, or None when the operator does not apply.
# `delete-line` and `duplicate-line` are handled by the caller.

NEAR_MISSES = {
    "one-off": ["one-of", "oneoff", "one_off", "one off"],
    "monthly": ["montly", "monthy", "monthley"],
    "annual": ["anual", "annualy", "annually"],
    "from": ["form", "frm", "fromm"],
    "until": ["untill", "util", "unitl"],
    "during": ["durring", "duing"],
    "after": ["afer", "atfer"],
    "duration": ["durration", "duraton"],
    "not-before": ["not_before", "notbefore"],
    "chance": ["chanse", "chances"],
    "delays": ["delay", "delayes"],
    "delay": ["delays", "dealy"],
    "go-live": ["go_live", "golive", "go-life"],
    "label": ["lable", "labels"],
    "costs": ["cost", "csots"],
    "benefits": ["benefit"],
    "risks": ["risk", "rsiks"],
    "timeline": ["timelines", "time-line"],
    "inputs": ["input", "imputs"],
    "options": ["option"],
    "criteria": ["criterion", "critera"],
    "weight": ["wieght", "weigth"],
    "scores": ["score"],
    "correlations": ["correlation"],
    "optimism-bias": ["optimism_bias", "optimism-bais"],
    "recurring": ["recuring"],
    "deadline": ["dealine", "deadlines"],
    "horizon": ["horizion"],
    "discount": ["discounts"],
    "discounting": ["discountng"],
    "iterations": ["iteration"],
    "sampling": ["sample"],
    "seed": ["seeds"],
    "currency": ["curency"],
    "start": ["strat"],
    "end": ["ned"],
    "months": ["month", "mnths", "moths"],
    "month": ["months", "mnth"],
    "years": ["year"],
    "per year": ["per-year", "peryear", "per yaer"],
    "pert": ["pret", "perts"],
    "uniform": ["unifrom"],
    "chance(": ["chance ("],
    "green-book": ["greenbook", "green_book"],
    "latin-hypercube": ["latin_hypercube", "latin-hypercub"],
    "annual ": ["annual"],
    "if": ["iff"],
}
NEAR_MISS_PATTERNS = [(w, re.compile(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])" if w[-1].isalnum() else
                                     r"(?<![\w-])" + re.escape(w)))
                      for w in NEAR_MISSES]
NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?|\.\d+)(%|bn|m|k|M|K)?(?![\w.])")
SUFFIXES = ["%", "m", "k", "bn", "", "M", "K"]
STRAY = "abcdefghijklmnopqrstuvwxyz0123456789-_.:#%()[]{},'\" "


def _pos(rng, line, lo=None, hi=None):
    lo = indent_of(line) if lo is None else lo
    hi = code_end(line) if hi is None else hi
    return rng.randrange(lo, hi) if hi > lo else None


def op_delete_char(rng, line):
    i = _pos(rng, line)
    return None if i is None else line[:i] + line[i + 1:]


def op_duplicate_char(rng, line):
    i = _pos(rng, line)
    return None if i is None else line[:i] + line[i] + line[i:]


def op_swap_chars(rng, line):
    i = _pos(rng, line, hi=code_end(line) - 1)
    if i is None or line[i] == line[i + 1]:
        return None
    return line[:i] + line[i + 1] + line[i] + line[i + 2:]


def op_dedent(rng, line):
    n = rng.choice([1, 2])
    return line[n:] if indent_of(line) >= n else None


def op_indent(rng, line):
    return " " * rng.choice([1, 2]) + line


def op_replace_digit(rng, line):
    spots = [i for i, c in enumerate(line[:code_end(line)]) if c.isdigit()]
    if not spots:
        return None
    i = rng.choice(spots)
    d = rng.choice([c for c in "0123456789" if c != line[i]])
    return line[:i] + d + line[i + 1:]


def _colons(line):
    return [i for i, c in enumerate(line[:code_end(line)]) if c == ":"]


def op_colon_to_semicolon(rng, line):
    spots = _colons(line)
    if not spots:
        return None
    i = rng.choice(spots)
    return line[:i] + ";" + line[i + 1:]


def op_remove_colon(rng, line):
    spots = _colons(line)
    if not spots:
        return None
    i = rng.choice(spots)
    return line[:i] + line[i + 1:]


def op_insert_tab(rng, line):
    i = rng.randrange(0, code_end(line) + 1)
    return line[:i] + "\t" + line[i:]


def op_near_miss(rng, line):
    code = line[:code_end(line)]
    found = [(w, m) for w, p in NEAR_MISS_PATTERNS for m in p.finditer(code)]
    if not found:
        return None
    w, m = rng.choice(found)
    return line[:m.start()] + rng.choice(NEAR_MISSES[w]) + line[m.start() + len(w):]


def op_change_suffix(rng, line):
    found = list(NUMBER.finditer(line[:code_end(line)]))
    if not found:
        return None
    m = rng.choice(found)
    old = m.group(2) or ""
    new = rng.choice([s for s in SUFFIXES if s != old])
    return line[:m.end(1)] + new + line[m.end():]


def op_insert_comma(rng, line):
    i = _pos(rng, line, hi=code_end(line) + 1)
    return None if i is None else line[:i] + "," + line[i:]


def op_delete_comma(rng, line):
    spots = [i for i, c in enumerate(line[:code_end(line)]) if c == ","]
    if not spots:
        return None
    i = rng.choice(spots)
    return line[:i] + line[i + 1:]


def op_insert_space(rng, line):
    i = _pos(rng, line)
    return None if i is None else line[:i] + " " + line[i:]


def op_insert_char(rng, line):
    i = _pos(rng, line, hi=code_end(line) + 1)
    return None if i is None else line[:i] + rng.choice(STRAY) + line[i:]


def op_delete_bracket(rng, line):
    spots = [i for i, c in enumerate(line[:code_end(line)]) if c in "()[]{}"]
    if not spots:
        return None
    i = rng.choice(spots)
    return line[:i] + line[i + 1:]


def op_capitalise(rng, line):
    words = [m for m in re.finditer(r"[a-z][\w-]*", line[:code_end(line)])]
    if not words:
        return None
    m = rng.choice(words)
    return line[:m.start()] + line[m.start()].upper() + line[m.start() + 1:]


LINE_OPS = {
    "delete-char": op_delete_char, "duplicate-char": op_duplicate_char, "swap-chars": op_swap_chars,
    "dedent": op_dedent, "indent": op_indent, "replace-digit": op_replace_digit,
    "colon-to-semicolon": op_colon_to_semicolon, "remove-colon": op_remove_colon, "insert-tab": op_insert_tab,
    "near-miss": op_near_miss, "change-suffix": op_change_suffix, "insert-comma": op_insert_comma,
    "delete-comma": op_delete_comma, "insert-space": op_insert_space, "insert-char": op_insert_char,
    "delete-bracket": op_delete_bracket, "capitalise": op_capitalise,
}
OPS = sorted(list(LINE_OPS) + ["delete-line", "duplicate-line"])


def make_mutants(lines, count, seed):
    """`count` distinct mutants: dicts with id, op, line (1-based, in the original), before,
    after (None for delete-line) and text. Deterministic for a given seed and scenario."""
    rng = random.Random(seed)
    content = [i for i, l in enumerate(lines) if is_content(l)]
    original = "".join(l + "\n" for l in lines)
    seen = {original}
    mutants = []
    attempts = 0
    while len(mutants) < count:
        attempts += 1
        if attempts > 100 * count:
            raise SystemExit("cannot make %d distinct mutants of this scenario" % count)
        i = rng.choice(content)
        op = rng.choice(OPS)
        before = lines[i]
        if op == "delete-line":
            new_lines, after = lines[:i] + lines[i + 1:], None
        elif op == "duplicate-line":
            new_lines, after = lines[:i + 1] + lines[i:], before
        else:
            after = LINE_OPS[op](rng, before)
            if after is None or after == before:
                continue
            new_lines = lines[:i] + [after] + lines[i + 1:]
        text = "".join(l + "\n" for l in new_lines)
        if text in seen:
            continue
        seen.add(text)
        mutants.append({"id": len(mutants) + 1, "op": op, "line": i + 1, "before": before, "after": after,
                        "text": text})
    return mutants
