#!/usr/bin/python3
"""Seed newsgraph's relation lexicon from PETRARCH-2's CAMEO verb dictionary.

Usage:
    tools/cameo_to_lexicon.py CAMEO.2.0.txt --out-dir extract/lexicons

Reads the verb dictionary (CAMEO.2.0.txt, MIT licence, Copyright (c) 2015
Open Event Data Alliance) and writes two lexicons that extract/tree_lexicon.cc
loads beside the hand-written ones (hand-written entries win):

  cameo_verbs.tsv    lemma, prep, class, polarity, code: verbs whose own code
                     (the code on the verb line, else the block's code, as
                     PETRARCH reads it) maps to a PLOVER class
  cameo_objects.tsv  verb, object nouns, prepositions, class, polarity, mode:
                     verb + object noun patterns ("- * NOUN [code]",
                     "- * {ADJ NOUN} [code]", "- * &SYNSET [code]",
                     "- * (PREP NOUN) [code]") applied to every verb of the
                     pattern's block

Python 3 standard library only. See docs/cameo-seed.md for the mapping, the
exclusions and the counts.
"""

import argparse
import collections
import os
import re
import sys

# ---------------------------------------------------------------- mapping

CLASS_BY_ROOT = {
    "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE",
    "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT",
    "20": "ASSAULT",
}
POLARITY_BY_ROOT = {
    "03": "+1", "04": "0", "05": "+1", "06": "+1", "07": "+1", "08": "+1",
    "09": "0", "10": "+1",  # DEMAND: +1 toward what is demanded
    "11": "-1", "12": "-1", "13": "-1", "14": "-1", "15": "-1", "16": "-1",
    "17": "-1", "18": "-1", "19": "-1", "20": "-1",
}


def class_of(code):
    """PLOVER class of a CAMEO code ("190" -> ASSAULT); "" for no event."""
    if not re.fullmatch(r"\d{3,4}", code or ""):
        return ""
    root = code[:2]
    if root == "08":
        return "CONCEDE" if code[:3] in ("081", "082", "083") else "RETREAT"
    return CLASS_BY_ROOT.get(root, "")


def polarity_of(code):
    return POLARITY_BY_ROOT.get(code[:2], "0")


def parse_code(raw):
    """'[042:043]' -> ('042', None); '[:110]' -> (None, 'reverse');
    '[---]' -> ('---', None). The part before ':' is the source's event; a
    code with only the part after ':' is an event of the target and gives
    nothing here."""
    c = raw.strip().strip("[]").strip()
    if ":" in c:
        first = c.split(":", 1)[0].strip()
        if not first:
            return None, "reverse-only code [:x]"
        c = first
    if c == "---" or c == "":
        return "---", None
    if not re.fullmatch(r"\d{3,4}", c):
        return None, "unreadable code"
    return c, None


# Verbs too ambiguous in general news to code without an object, chosen by
# reading the generated list. Grouped by reason; the reason is printed and
# listed in docs/cameo-seed.md. (Verbs the hand-written relations.tsv knows
# are not listed: its entries win over the seed anyway.)
EXCLUSION_GROUPS = [
    ("light or general verb", """
        be have do go come get make take give put set keep let hold bring run
        turn move leave stay find use work play show open close start begin
        continue end stop change follow reach face cover carry raise build
        develop lead head serve include involve allow help form break cut drop
        fall pass place post present record enter cross pour pump rush race
        speed fill issue conduct deal express attach assign bind chain blend
        compound fuse combine connect conflate relate correlate concert render
        tender attire gear stock outfit task enroll check catch grab pluck
        extract remove exclude contain enclose institute constitute establish
        found prescribe enact simplify benefit award abate redouble deepen
        exchange get_out go_through go_by talk_over hash_out handle manage
        link merge tie_in join run_into clear pull engage grant"""),
    ("perception, cognition or speech", """
        see look watch hear feel know think believe say tell speak talk state
        add note write reason learn find_out speculate meditate muse ponder
        weigh mull contemplate excogitate ruminate consider reconsider expect
        argue aver avow contend insist swear suspect admit reveal expose
        divulge confide unveil advertise advertize affect impact ascertain"""),
    ("motion, travel or gathering", """
        go_to go_away go_forth depart egress journey tour embark leave_behind
        walk_out pull_out approach gather cluster flock congregate converge
        conglomerate constellate conjoin unite amass elicit brave confront contrast differ slight
        encounter interact introduce innovate insert arrive travel fly"""),
    ("emotion, often with no actor as subject", """
        cry weep wail whine grieve mourn sadden despair disappoint dishearten
        humble annoy bother irritate irk upset vex disquiet discomfit
        disconcert agonise agonize plague torment rag tease enkindle rejoice
        exult exuberate triumph tempt celebrate commemorate clap toast"""),
    ("intent or modality, not an event", """
        mean want need necessitate decide determine ready train groom aim
        strive endeavor endeavour signal ensure subscribe bid plan prepare
        intend seek hope wish try"""),
    ("sports, competition or markets", """
        beat best better master match overshadow overtake dominate surmount
        overcome overwhelm compete struggle wrestle grapple pit quarrel
        conflict rally garner decline fail yield appreciate value prize"""),
    ("economy, quantity or governance", """
        increase boost enlarge expand magnify amplify heighten intensify
        escalate exaggerate improve moderate step_up beef_up reinforce rule
        command control direct dictate steer regulate govern administer
        oversee supervise supervize organise organize orchestrate influence
        promote integrate synchronise synchronize spur enliven invigorate
        revitalize bill tax"""),
    ("physical or natural, rarely between actors", """
        ring circle mine table tear crack blow hang string_up pit tend ward
        hammer thump clobber kick rip lash whip blast bust shatter smash ruin
        damage hurt harm impair mar spoil tarnish vitiate corrupt contaminate
        devastate ravage desolate explode eradicate wipe_out disarm inhabit
        reside infest overturn revolutionise revolutionize pirate disrupt
        abort risk demonstrate interfere die flatten stone"""),
    ("CAMEO block code does not fit the verb in news", """
        compensate mediate arbitrate intercede intermediate settle resolve
        verify bide untie unloose undo enable empower legislate detach
        disconnect disentangle relax retire recede resettle submit compromise
        delay remit retard procrastinate dismiss sweep scan skim comb rake dig
        study research explore glance_over look_over"""),
    ("not a base-form verb (noun, inflected form or misspelling)", """
        concession crackdown siege forgave forgiven touring satify disarray
        disorder expediate"""),
]
EXCLUDED_VERBS = {}
for _why, _words in EXCLUSION_GROUPS:
    for _w in _words.split():
        EXCLUDED_VERBS.setdefault(_w.replace("_", " "), _why)

PARTICLES = {
    "up", "down", "out", "off", "in", "on", "for", "with", "at", "to", "into",
    "over", "after", "upon", "away", "back", "about", "against", "forward",
    "through", "by", "from", "around", "along", "apart", "aside", "together",
    "behind", "forth", "across", "onto", "under",
}

# Modifiers that are adjectives (besides the suffix rule below); a phrase
# "{ADJ NOUN}" is reduced to its head noun.
ADJECTIVES = {
    "joint", "new", "early", "free", "sharp", "sharpest", "strong", "foreign",
    "little", "green", "red", "hard", "harsh", "cold", "direct", "full",
    "fair", "main", "brief", "best", "common", "severe", "bitter", "secret",
    "covert", "mass", "closer", "dead", "civil", "prime", "wary", "broadside",
    "countrywide", "cross-border", "free-trade", "fact-finding", "armed",
}
# Words that are not dropped as modifiers: determiners and quantifiers are
# dropped ("{ANOTHER ROUND}" -> round); meaning-changing ones keep the
# phrase out ("{MOCK ATTACK}" is no attack).
DETERMINERS = {"the", "a", "an", "another", "more", "further", "few", "two", "some"}
NOT_REDUCIBLE = {
    "no", "not", "mock", "future", "possible", "planned", "requested", "fake",
    "false", "former", "accidental", "invalid", "broken", "united", "human",
    "natural", "verbal", "positive", "negative", "optimistic", "friendly",
    "little", "solemn", "unusual", "next", "general", "personal", "prime",
}
# Single words after '*' that are no object noun ("- * UNCERTAIN [012]",
# "- * IF [130]", "- * SUSPEND [...]"), found by reading the output.
NOT_NOUNS = set("""
    if that this it them him her not no as all also and or so than then
    odd ready neutral uncertain troubling illegitimate impatient tense
    defiant untrue diplomatic dangerous responsible ablaze afire innocent
    unjust free hostile positive negative optimistic pessimistic likely
    unlikely possible impossible unacceptable unfair illegal legal wrong
    suspend occupy intervene assist penalt aggrement investigate negotiate
    agree withdraw meet shoot alongside along near inside outside within
    without between among amid despite via per
""".split())
ADJ_SUFFIXES = ("al", "ic", "ive", "ous", "ful", "ary", "able", "ible", "less",
                "ese", "ish", "ized", "ised", "ated", "oured", "ored", "ent")


def is_adjective(w):
    if w in NOT_REDUCIBLE:
        return False
    if w in ADJECTIVES:
        return True
    return len(w) > 4 and w.endswith(ADJ_SUFFIXES)


# ---------------------------------------------------------------- nouns

IRREGULAR_PLURALS = {
    "men": "man", "women": "woman", "children": "child", "people": "people",
    "crises": "crisis", "analyses": "analysis", "theses": "thesis",
    "bases": "base", "data": "data", "media": "media", "criteria": "criterion",
    "mice": "mouse", "feet": "foot", "teeth": "tooth", "lives": "life",
    "wives": "wife", "knives": "knife", "thieves": "thief", "leaves": "leave",
    "chiefs": "chief", "selves": "self", "halves": "half",
    "policemen": "policeman", "servicemen": "serviceman", "gunmen": "gunman",
}
NO_SINGULAR = {
    "news", "series", "species", "means", "headquarters", "arms", "talks",
    "politics", "economics", "mathematics", "physics", "ethics", "status",
    "crisis", "analysis", "basis", "thesis", "emphasis", "diagnosis",
    "campus", "census", "consensus", "bus", "virus", "chaos", "bias",
    "focus", "corpus", "apparatus", "plus", "gas", "alias", "atlas",
    "canvas", "lens", "always", "whereabouts", "sarin",
}


def singular(w):
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if w.endswith("men") and len(w) > 5 and w not in ("specimen", "abdomen", "regimen"):
        return w[:-3] + "man"
    if w in NO_SINGULAR:
        # "arms" and "talks" as in the hand-written file: "arm", "talk"
        return {"arms": "arm", "talks": "talk"}.get(w, w)
    if len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is", "'s")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return w[:-2]
    if w.endswith("oes") and w[:-2] in ("hero", "veto", "torpedo", "embargo", "tomato", "potato"):
        return w[:-2]
    return w[:-1]


GOOD_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]")


def clean_word(w):
    """Lower-case word or None when it is not a plain word."""
    w = w.lower().strip("_")
    if not GOOD_WORD.fullmatch(w) or "--" in w:
        return None
    return w


# ---------------------------------------------------------------- reading

class Block:
    def __init__(self, name, code, line):
        self.name, self.code, self.line = name, code, line
        self.verbs = []      # (stem, particles list, own code raw or None, line)
        self.patterns = []   # (text without comment, line number)


def strip_comment(s):
    # '#' starts a comment anywhere on a verb or pattern line; ';' is the
    # older TABARI comment mark, still found after a few verb lines.
    s = s.split("#", 1)[0]
    s = s.split(";", 1)[0]
    return s.rstrip()


def read_dictionary(path):
    synsets = collections.OrderedDict()
    blocks = []
    section = "head"
    current_syn = None
    block = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if line.startswith("####") and "SYNONYM SETS" in line:
                section = "syn"
                continue
            if line.startswith("####") and "VERB PATTERNS" in line:
                section = "verbs"
                current_syn = None
                continue
            if line.startswith("####") and "TRANSFORMATIONS" in line:
                section = "transformations"
                continue
            if section in ("head", "transformations"):
                continue
            if line.startswith("<!") or line.startswith("~"):
                continue
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("&"):
                # a synset definition (normally in the SYNONYM SETS section,
                # but accepted anywhere)
                current_syn = strip_comment(line).split()[0]
                synsets.setdefault(current_syn, [])
                continue
            if current_syn is not None and line.startswith("+") and section == "syn":
                synsets[current_syn].append(strip_comment(line)[1:].strip())
                continue
            if section != "verbs":
                continue
            current_syn = None
            if line.startswith("---"):
                m = re.match(r"---\s+(\S+)\s+(\[[^\]]*\])", line)
                if not m:
                    print("warning: line %d: unreadable block header" % n, file=sys.stderr)
                    block = None
                    continue
                block = Block(m.group(1), m.group(2), n)
                blocks.append(block)
                continue
            if block is None:
                continue
            if line.startswith("-"):
                origin = line.split("#", 1)[1].split() if "#" in line else []
                origin = origin[0].strip(",").lower() if origin else ""
                block.patterns.append((strip_comment(line[1:]), n, origin))
                continue
            # a verb line: VERB {forms} [code], +MULTI_WORD {forms} [code]
            body = strip_comment(line)
            code = None
            m = re.search(r"\[[^\]]*\]\s*$", body)
            if m:
                code = m.group(0)
                body = body[:m.start()]
            empty_forms = "{}" in body.replace(" ", "")
            body = re.sub(r"\{[^}]*\}", " ", body).strip()
            words = body.split()
            if not words:
                continue
            block.verbs.append((words[0], code, empty_forms, n))
    return synsets, blocks


def expand_synset(name, synsets, depth=0, seen=()):
    """Member phrases of a synset (lists of lower-case words); members that
    are synsets themselves are expanded up to depth 3, never into a synset
    already being expanded."""
    if name not in synsets or depth > 3 or name in seen:
        return []
    out = []
    for member in synsets[name]:
        member = member.strip()
        if member.startswith("&"):
            out.extend(expand_synset(member.split()[0], synsets, depth + 1, seen + (name,)))
            continue
        words = member.replace("_", " ").split()
        if words:
            out.append(words)
    return out


def verb_lemma(stem):
    """'ATTACK' -> ('attack', '', None); '+ASK_FOR' -> ('ask', 'for', None);
    returns (lemma, prep, reason-to-skip)."""
    s = stem
    if "+" in s:
        front, _, rest = s.partition("+")
        if front.strip("_"):
            return None, None, "multiword verb with a word before the verb"
        parts = rest.split("_")
    else:
        parts = s.split("_")
    head = parts[0].lower()
    back = [p.lower() for p in parts[1:] if p]
    if not GOOD_WORD.fullmatch(head):
        return None, None, "not a plain word"
    if any(p not in PARTICLES for p in back):
        return None, None, "multiword verb with a non-particle word"
    return head, " ".join(back), None


# ---------------------------------------------------------------- patterns

def tokenize_post(post):
    """Tokens after '*': '{A B}' and '(P N)' kept as groups."""
    toks = []
    i = 0
    s = post.strip()
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
            continue
        if c in "{(":
            close = "}" if c == "{" else ")"
            j = s.find(close, i)
            if j < 0:
                return None
            toks.append(s[i:j + 1])
            i = j + 1
            continue
        j = i
        while j < len(s) and not s[j].isspace() and s[j] not in "{(":
            j += 1
        toks.append(s[i:j])
        i = j
    return toks


def noun_of_phrase(words):
    """Lower-case words of an object phrase -> singular head noun, or
    (None, reason)."""
    words = [w.lower().strip("_") for w in words if w.strip("_")]
    while words and words[0] in DETERMINERS:
        words = words[1:]
    if not words:
        return None, "empty phrase"
    if any(w.startswith("&") for w in words):
        return None, "synset inside a phrase"
    cleaned = [clean_word(w) for w in words]
    if any(c is None for c in cleaned):
        return None, "not a plain word (digits, symbols)"
    if len(cleaned) > 1:
        mods = cleaned[:-1]
        if not all(is_adjective(m) for m in mods):
            return None, "multiword phrase not adjective + noun"
    head = cleaned[-1]
    if head in NOT_NOUNS or head in PARTICLES:
        return None, "not a noun (function word, adjective or verb)"
    if len(head) > 5 and (head.endswith(("ful", "ous", "ical", "less")) or
                          (head.endswith("ed") and not head.endswith("eed"))):
        return None, "not a noun (function word, adjective or verb)"
    if head.endswith("ly") and head not in ("ally", "rally", "assembly", "family", "supply", "monopoly"):
        return None, "not a noun (adverb)"
    return singular(head), None


def pattern_objects(text, synsets):
    """Parses one pattern line (without '-' and comment). Returns
    (code_raw, [(noun, specificity)], kind, None) or (None, None, None, reason).
    kind: 'direct' or 'prep'."""
    m = re.search(r"\[[^\]]*\]\s*$", text)
    if not m:
        return None, None, None, "no code"
    code_raw = m.group(0)
    body = text[:m.start()]
    if "*" not in body:
        return None, None, None, "no verb slot '*'"
    pre, _, post = body.partition("*")
    if pre.strip():
        return None, None, None, "subject-side part before '*'"
    if "*" in post:
        return None, None, None, "more than one slot"
    if any(ch in post for ch in "$+^%"):
        return None, None, None, "actor markers ($ + ^ %)"
    toks = tokenize_post(post)
    if toks is None:
        return None, None, None, "unbalanced brackets"
    if len(toks) == 0:
        return None, None, None, "no object"
    if len(toks) > 1:
        return None, None, None, "more than one slot"
    tok = toks[0]
    kind = "direct"
    if tok.startswith("("):
        inner = tok[1:-1].split()
        if len(inner) < 2:
            return None, None, None, "preposition without a noun"
        prep = inner[0].lower()
        if "/" in prep or not GOOD_WORD.fullmatch(prep):
            return None, None, None, "not a plain word (digits, symbols)"
        rest = " ".join(inner[1:])
        kind = "prep"
        if rest.startswith("{") and rest.endswith("}"):
            rest = rest[1:-1]
        elif " " in rest:
            return None, None, None, "more than one slot"
        tok = rest
    elif tok.startswith("{"):
        tok = tok[1:-1]
    words = tok.replace("_", " ").split()
    if not words:
        return None, None, None, "no object"
    # synsets: "&FOOD" alone, or "{&MILITARY AID}" inside a phrase
    phrases = [[]]
    for w in words:
        if w.startswith("&"):
            name = w.rstrip(",")
            members = expand_synset(name, synsets)
            if not members:
                return None, None, None, "undefined or empty synset"
            phrases = [p + mem for p in phrases for mem in members]
        else:
            phrases = [p + [w] for p in phrases]
    nouns = []
    reasons = collections.Counter()
    for p in phrases:
        noun, why = noun_of_phrase(p)
        if noun:
            # bare nouns outrank heads reduced from a longer phrase
            nouns.append((noun, 2 if len(p) == 1 else 1))
        else:
            reasons[why] += 1
    if not nouns:
        return None, None, None, reasons.most_common(1)[0][0]
    return code_raw, nouns, kind, None


# ---------------------------------------------------------------- main

LICENSE_TEXT = """\
Seeded from the PETRARCH-2 CAMEO verb dictionary (CAMEO.2.0.txt) by
tools/cameo_to_lexicon.py; see docs/cameo-seed.md. The dictionary's licence:

The MIT License (MIT)

Copyright (c) 2015 Open Event Data Alliance
(PETRARCH-2 repository LICENSE: Copyright (c) 2014 Open Event Data)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."""


def comment_block(text):
    return "".join(("# " + l).rstrip() + "\n" for l in text.split("\n"))


def hand_written_verbs(out_dir):
    """Verb lemmas with a class in the hand-written relations.tsv (for the
    no-event object rows), if the file is there."""
    out = set()
    path = os.path.join(out_dir, "relations.tsv")
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            fs = line.rstrip("\n").split("\t")
            if len(fs) >= 5 and fs[4] == "verb" and fs[1] not in ("", "-"):
                out.add(fs[0].split()[0])
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dictionary", help="PETRARCH-2 CAMEO.2.0.txt")
    ap.add_argument("--out-dir", required=True, help="directory for cameo_verbs.tsv and cameo_objects.tsv")
    ap.add_argument("--origin-verb-only", action="store_true",
                    help="apply a pattern only to the verb its comment names (where that verb is in "
                         "the block) instead of to every verb of the block")
    args = ap.parse_args(argv)

    synsets, blocks = read_dictionary(args.dictionary)

    # ---- verbs
    verb_skips = collections.Counter()
    # (lemma, prep) -> list of (class, code, block-name-is-lemma, order)
    occurrences = collections.defaultdict(list)
    own_class = set()   # verb lemmas (single word) with a class of their own
    block_verbs = []    # per block: list of single-word verb lemmas for patterns
    order = 0
    for b in blocks:
        bcode, why = parse_code(b.code)
        lemmas = []
        for stem, code_raw, empty_forms, n in b.verbs:
            order += 1
            lemma, prep, why_v = verb_lemma(stem)
            if lemma is None:
                verb_skips[why_v + " (verb lines)"] += 1
                continue
            if empty_forms:
                verb_skips["inflected form only, '{}' (verb lines)"] += 1
                continue
            if lemma not in lemmas:
                lemmas.append(lemma)
            if code_raw is not None:
                code, why_c = parse_code(code_raw)
            else:
                code, why_c = bcode, why
            if code is None:
                verb_skips[why_c + " (verb lines)"] += 1
                continue
            cls = class_of(code)
            if cls:
                own_class.add(lemma)
            occurrences[(lemma, prep)].append(
                (cls, code, b.name.lower().split("_")[0] == lemma, order))
        block_verbs.append(lemmas)

    verb_rows = []
    excluded = []
    for (lemma, prep), occ in occurrences.items():
        # The class the verb has most often over its blocks, counting "no
        # event" (01, 02, ---) as one; a tie goes to the block named after
        # the verb, else to the first block (PETRARCH keeps the first).
        counts = collections.Counter(o[0] for o in occ)
        top = max(counts.values())
        tied = [c for c in counts if counts[c] == top]
        if len(tied) == 1:
            cls = tied[0]
        else:
            own = [o for o in occ if o[2] and o[0] in tied]
            cls = own[0][0] if own else min((o for o in occ if o[0] in tied), key=lambda o: o[3])[0]
        if not cls:
            verb_skips["verb with code 01, 02 or --- (no event) most often (verbs)"] += 1
            continue
        key = lemma + (" " + prep if prep else "")
        if key in EXCLUDED_VERBS or (lemma in EXCLUDED_VERBS and not prep):
            excluded.append((key, EXCLUDED_VERBS.get(key) or EXCLUDED_VERBS[lemma]))
            verb_skips["excluded as too ambiguous (verbs)"] += 1
            continue
        codes = collections.Counter(o[1] for o in occ if o[0] == cls)
        code = sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if len(counts) > 1:
            verb_skips["other codes of a kept verb (verb lines)"] += sum(counts.values()) - counts[cls]
        verb_rows.append((lemma, prep or "-", cls, polarity_of(code), code))
    verb_rows.sort()

    # ---- objects
    obj_skips = collections.Counter()
    with_class = own_class | hand_written_verbs(args.out_dir)
    # (verb, noun) -> (kind_rank, specificity, code_len, -order, class, polarity, code)
    best = {}
    porder = 0
    patterns_read = 0
    for b, lemmas in zip(blocks, block_verbs):
        for text, n, origin in b.patterns:
            patterns_read += 1
            porder += 1
            code_raw, nouns, kind, why = pattern_objects(text, synsets)
            if why:
                obj_skips[why] += 1
                continue
            code, why = parse_code(code_raw)
            if code is None:
                obj_skips[why] += 1
                continue
            cls = class_of(code)
            if not lemmas:
                obj_skips["block without usable verbs"] += 1
                continue
            used = False
            targets = lemmas
            if args.origin_verb_only:
                targets = [v for v in lemmas if v == origin] or lemmas
            for verb in targets:
                if not cls and verb not in with_class:
                    continue
                for noun, spec in nouns:
                    rank = (1 if kind == "direct" else 0, spec, len(code) if cls else 0, -porder)
                    val = (cls or "-", polarity_of(code) if cls else "0", code)
                    old = best.get((verb, noun))
                    if old is None or rank > old[0]:
                        best[(verb, noun)] = (rank, val, kind)
                    used = True
            if not used:
                obj_skips["code 01, 02 or --- for verbs without a class of their own"] += 1

    # group nouns with the same verb, class, polarity and kind into one row
    grouped = collections.OrderedDict()
    for (verb, noun), (rank, (cls, pol, code), kind) in sorted(best.items()):
        grouped.setdefault((kind, verb, cls, pol), []).append(noun)
    direct_rows = []
    prep_rows = []
    for (kind, verb, cls, pol), nouns in grouped.items():
        row = (verb, "|".join(sorted(set(nouns))), "-", cls, pol, "-")
        (direct_rows if kind == "direct" else prep_rows).append(row)

    # ---- write
    os.makedirs(args.out_dir, exist_ok=True)
    src = os.path.basename(args.dictionary)
    vpath = os.path.join(args.out_dir, "cameo_verbs.tsv")
    with open(vpath, "w", encoding="utf-8", newline="\n") as f:
        f.write("# newsgraph lexicon: cameo verbs v1\n")
        f.write("# lemma\tprep\tclass\tpolarity\tcode\n")
        f.write("# GENERATED by tools/cameo_to_lexicon.py from %s: do not edit by hand;\n" % src)
        f.write("# fix the script or add a hand-written entry to relations.tsv (which wins).\n")
        f.write("# Verbs whose own CAMEO code maps to a PLOVER class (docs/cameo-seed.md);\n")
        f.write("# prep: the particle or preposition of a multiword verb (ASK_FOR), else -.\n")
        f.write("#\n")
        f.write(comment_block(LICENSE_TEXT))
        for r in verb_rows:
            f.write("\t".join(r) + "\n")
    opath = os.path.join(args.out_dir, "cameo_objects.tsv")
    with open(opath, "w", encoding="utf-8", newline="\n") as f:
        f.write("# newsgraph lexicon: verb objects v1\n")
        f.write("# verb\tobject nouns\tprepositions\tclass\tpolarity\tmode\n")
        f.write("# GENERATED by tools/cameo_to_lexicon.py from %s: do not edit by hand;\n" % src)
        f.write("# fix the script or add a row to verb_objects.tsv (which wins).\n")
        f.write("# Verb + object noun patterns of the CAMEO verb blocks, applied to every\n")
        f.write("# verb of the block (docs/cameo-seed.md). Class \"-\": no event (CAMEO 01, 02\n")
        f.write("# or ---) for a verb that has a class of its own.\n")
        f.write("#\n")
        f.write(comment_block(LICENSE_TEXT))
        f.write("#\n# From \"- * NOUN\", \"- * {ADJ NOUN}\" and \"- * &SYNSET\" patterns: the noun is the\n# verb's direct object.\n")
        for r in direct_rows:
            f.write("\t".join(r) + "\n")
        f.write("#\n# From \"- * (PREP NOUN)\" patterns: in CAMEO the noun follows the preposition;\n"
                "# a pair already listed above is not repeated.\n")
        for r in prep_rows:
            f.write("\t".join(r) + "\n")

    # ---- report
    n_pairs = len(best)
    print("read: %d synsets, %d verb blocks, %d verb lines, %d pattern lines"
          % (len(synsets), len(blocks), sum(len(b.verbs) for b in blocks), patterns_read))
    print("%s: %d rows" % (vpath, len(verb_rows)))
    for why, c in sorted(verb_skips.items(), key=lambda kv: -kv[1]):
        print("  skipped %5d  %s" % (c, why))
    print("%s: %d rows (%d direct-object, %d prepositional), %d verb-noun pairs, %d no-event pairs"
          % (opath, len(direct_rows) + len(prep_rows), len(direct_rows), len(prep_rows), n_pairs,
             sum(1 for v in best.values() if v[1][0] == "-")))
    for why, c in sorted(obj_skips.items(), key=lambda kv: -kv[1]):
        print("  skipped %5d  %s" % (c, why))
    print("excluded verbs (%d):" % len(excluded))
    for key, why in sorted(excluded):
        print("  %-14s %s" % (key, why))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
