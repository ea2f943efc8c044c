#!/usr/bin/env python3
"""Checks the shipped general-knowledge lexicons in extract/lexicons/.

For countries, organizations, titles, groups, regions and communities it checks: the
header line `# newsgraph lexicon: NAME vN` naming the file's lexicon, the
column count of every row, required columns, closed value sets (category,
type, kind), ISO 3166 alpha-3 codes, whitespace, duplicate keys and surface
forms that two rows of one file both claim. Country codes used by
organizations and regions must appear in countries.tsv.

Usage: scripts/check_lexicons.py [LEXICON_DIR]   (default: extract/lexicons)
Prints `file:line: problem` for each problem on stderr and exits 1 if there
was any, 0 otherwise. Standard library only.
"""

import os
import re
import sys

HEADER_RE = re.compile(r"^# newsgraph lexicon: ([a-z0-9_-]+) v([1-9][0-9]*)$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")

ORG_TYPES = {"igo", "ngo", "government", "military", "party", "armed_group",
             "company", "court", "media", "legislature"}

# Per lexicon: column names, required columns, columns holding `|` lists,
# columns whose values are surface forms a recogniser matches (checked for
# clashes between rows), and closed value sets.
SPECS = {
    "countries": {
        "columns": ["name", "iso3", "aliases", "adjectives", "people",
                    "capitals", "metonyms"],
        "required": ["name", "iso3"],
        "lists": ["aliases", "adjectives", "people", "capitals", "metonyms"],
        "surface": ["name", "aliases", "adjectives", "people", "capitals",
                    "metonyms"],
        "iso3": ["iso3"],
        "unique": ["name", "iso3"],
        "values": {},
    },
    "organizations": {
        "columns": ["name", "aliases", "category", "country", "type"],
        "required": ["name", "category", "type"],
        "lists": ["aliases"],
        "surface": ["name", "aliases"],
        "iso3": ["country"],
        "unique": ["name"],
        "values": {"category": {"organization"}, "type": ORG_TYPES},
    },
    "titles": {
        "columns": ["title", "role", "kind"],
        "required": ["title", "kind"],
        "lists": [],
        "surface": [],
        "iso3": [],
        "unique": ["title"],
        "values": {"kind": {"office", "honorific"}},
    },
    "groups": {
        "columns": ["noun", "singular", "kind", "canonical"],
        "required": ["noun", "singular", "kind", "canonical"],
        "lists": [],
        "surface": [],
        "iso3": [],
        "unique": ["noun"],
        "values": {"kind": {"official", "civil", "generic"}},
    },
    "regions": {
        "columns": ["name", "aliases", "category", "country", "adjectives"],
        "required": ["name", "category"],
        "lists": ["aliases", "adjectives"],
        "surface": ["name", "aliases", "adjectives"],
        "iso3": ["country"],
        "unique": ["name"],
        "values": {"category": {"location"}},
    },
    "communities": {
        "columns": ["name", "aliases", "adjectives", "country"],
        "required": ["name"],
        "lists": ["aliases", "adjectives"],
        "surface": ["name", "aliases", "adjectives"],
        "iso3": ["country"],
        "unique": ["name"],
        "values": {},
    },
}

# Checked after countries.tsv, whose codes the others refer to.
ORDER = ["countries", "organizations", "titles", "groups", "regions", "communities"]


class Checker:
    def __init__(self):
        self.problems = 0
        self.iso3_codes = set()

    def report(self, path, line, message):
        self.problems += 1
        print(f"{path}:{line}: {message}", file=sys.stderr)

    def check_file(self, lexicon, path):
        spec = SPECS[lexicon]
        columns = spec["columns"]
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError as e:
            self.report(path, 0, f"cannot read: {e.strerror}")
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            line = raw[:e.start].count(b"\n") + 1
            self.report(path, line, "invalid UTF-8")
            return
        if raw.startswith(b"\xef\xbb\xbf"):
            self.report(path, 1, "byte order mark; write plain UTF-8")
        if text and not text.endswith("\n"):
            self.report(path, text.count("\n") + 1, "last line has no newline")
        if "\r" in text:
            self.report(path, 1, "carriage returns; use \\n line ends")

        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if not lines:
            self.report(path, 1, "empty file; expected the header line")
            return
        m = HEADER_RE.match(lines[0])
        if not m:
            self.report(path, 1, "first line must be "
                        f"'# newsgraph lexicon: {lexicon} v1'")
        elif m.group(1) != lexicon:
            self.report(path, 1, f"header names lexicon '{m.group(1)}', "
                        f"expected '{lexicon}'")
        if len(lines) < 2 or not lines[1].startswith("# "):
            self.report(path, 2, "second line must be a '# ' comment "
                        "describing the columns")

        seen_keys = {c: {} for c in spec["unique"]}
        surface_owner = {}  # surface form -> (line, row key)
        rows = 0
        for number, line in enumerate(lines, 1):
            if line.startswith("#"):
                continue
            if line.strip() == "":
                self.report(path, number, "blank line")
                continue
            rows += 1
            fields = line.split("\t")
            if len(fields) != len(columns):
                self.report(path, number, f"{len(fields)} columns, expected "
                            f"{len(columns)} ({', '.join(columns)})")
                continue
            row = dict(zip(columns, fields))
            for c in columns:
                v = row[c]
                if v != v.strip() or "  " in v:
                    self.report(path, number, f"column {c}: stray spaces")
                if c in spec["lists"]:
                    if v and any(item.strip() == "" or item != item.strip()
                                 for item in v.split("|")):
                        self.report(path, number,
                                    f"column {c}: empty or padded list item")
                elif "|" in v:
                    self.report(path, number, f"column {c}: '|' in a "
                                "single-valued column")
            for c in spec["required"]:
                if row[c] == "":
                    self.report(path, number, f"column {c} is empty")
            for c, allowed in spec["values"].items():
                if row[c] and row[c] not in allowed:
                    self.report(path, number, f"column {c}: '{row[c]}' is not "
                                f"one of {', '.join(sorted(allowed))}")
            for c in spec["iso3"]:
                v = row[c]
                if not v:
                    continue
                if not ISO3_RE.match(v):
                    self.report(path, number, f"column {c}: '{v}' is not 3 "
                                "uppercase letters")
                elif lexicon == "countries":
                    self.iso3_codes.add(v)
                elif self.iso3_codes and v not in self.iso3_codes:
                    self.report(path, number, f"column {c}: '{v}' is not an "
                                "iso3 code in countries.tsv")
            for c in spec["unique"]:
                v = row[c]
                if v in seen_keys[c]:
                    self.report(path, number, f"duplicate {c} '{v}' (first on "
                                f"line {seen_keys[c][v]})")
                else:
                    seen_keys[c][v] = number
            key = row[columns[0]]
            for c in spec["surface"]:
                forms = row[c].split("|") if c in spec["lists"] else [row[c]]
                for form in forms:
                    if not form:
                        continue
                    owner = surface_owner.get(form)
                    if owner is None:
                        surface_owner[form] = (number, key)
                    elif owner[1] != key:
                        self.report(path, number, f"'{form}' ({c}) already "
                                    f"names '{owner[1]}' on line {owner[0]}")
        if rows == 0:
            self.report(path, len(lines), "no rows")


def main(argv):
    if len(argv) > 2:
        print("usage: check_lexicons.py [LEXICON_DIR]", file=sys.stderr)
        return 2
    directory = argv[1] if len(argv) == 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "extract", "lexicons")
    directory = os.path.normpath(directory)
    checker = Checker()
    for lexicon in ORDER:
        checker.check_file(lexicon, os.path.join(directory, lexicon + ".tsv"))
    if checker.problems:
        print(f"check_lexicons: {checker.problems} problem(s)", file=sys.stderr)
        return 1
    print(f"check_lexicons: {len(ORDER)} lexicons OK in {directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
