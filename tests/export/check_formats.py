#!/usr/bin/env python3
"""Checks exported files the way their readers see them.

Usage: check_formats.py MODE DIR EXPECT_JSON
  MODE    stdlib   - XML well-formedness, csv, json, jsonl with the standard library
          networkx - nx.read_graphml (multigraph) and nx.read_gexf (GEXF 1.2draft)
          igraph   - igraph.Graph.Read_GraphML
  DIR     holds graph.graphml, graph13.gexf, graph12.gexf, graph.nodes.csv,
          graph.edges.csv, graph.json, graph.jsonl, graph.dot
  EXPECT  {"nodes": {id: label}, "edges": [[source, target, class, polarity, weight]],
           "dated_nodes": [ids with first and last dates]}

Exit status: 0 all checks passed, 1 a check failed (reason on stderr), 77 the
library for MODE is not importable (the calling test skips).
Runs under /usr/bin/python3 (Debian's networkx 2.8 and python3-igraph).
"""
import collections
import csv
import json
import os
import sys
import xml.etree.ElementTree as ET

FAILURES = []


def check(cond, msg):
    if not cond:
        FAILURES.append(msg)


def expected_edges(expect):
    return collections.Counter(
        (s, t, c, int(p), int(w)) for s, t, c, p, w in expect["edges"])


def check_graphml_stdlib(path, expect):
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(path).getroot()
    check(root.tag == "{http://graphml.graphdrawing.org/xmlns}graphml", "graphml root/namespace")
    keys = {}
    for k in root.findall("g:key", ns):
        check(k.get("attr.name") and k.get("attr.type"), f"key {k.get('id')} untyped")
        keys[k.get("id")] = (k.get("for"), k.get("attr.name"))
    node_names = {v[1] for v in keys.values() if v[0] == "node"}
    edge_names = {v[1] for v in keys.values() if v[0] == "edge"}
    for name in ["label", "kind", "category", "country", "role", "affiliation", "mentions",
                 "documents", "first_date", "last_date"]:
        check(name in node_names, f"graphml node key {name} missing")
    for name in ["class", "quad_class", "polarity", "weight", "documents", "first_date",
                 "last_date", "confidence", "kind"]:
        check(name in edge_names, f"graphml edge key {name} missing")
    graph = root.find("g:graph", ns)
    check(graph.get("edgedefault") == "directed", "edgedefault")
    labels = {}
    for n in graph.findall("g:node", ns):
        data = {keys[d.get("key")][1]: d.text for d in n.findall("g:data", ns)}
        check("label" in data, f"node {n.get('id')} has no label")
        labels[n.get("id")] = data.get("label")
    check(labels == expect["nodes"], f"graphml labels {labels} != {expect['nodes']}")
    ids, edges = set(), collections.Counter()
    for e in graph.findall("g:edge", ns):
        check(e.get("id") and e.get("id") not in ids, f"edge id {e.get('id')} missing or repeated")
        ids.add(e.get("id"))
        data = {keys[d.get("key")][1]: d.text for d in e.findall("g:data", ns)}
        edges[(e.get("source"), e.get("target"), data["class"], int(data["polarity"]),
               int(float(data["weight"])))] += 1
        check(data["kind"] == f"{data['class']}/{int(data['polarity']):+d}".replace("+0", "0"),
              f"edge kind {data['kind']}")
        # Gephi 0.9.2+ reads <edge label> as the edge type.
        check(e.get("label") == data["kind"], f"edge {e.get('id')} label {e.get('label')}")
        check_evidence(e.get("id"), data, expect)
    check(edges == expected_edges(expect), f"graphml edges {edges}")


def check_evidence(edge_id, data, expect):
    """The flat evidence attributes and the JSON list agree and name the sentence."""
    prefix = expect.get("evidence_prefix")
    if prefix is None:
        return
    text = data.get("evidence_text", "")
    check(text.startswith(prefix), f"edge {edge_id} evidence_text {text!r}")
    try:
        items = json.loads(data.get("evidence", ""))
    except ValueError as err:
        check(False, f"edge {edge_id} evidence is not JSON: {err}")
        return
    check(items and items[0]["text"] == text and items[0]["doc"] == data.get("evidence_doc"),
          f"edge {edge_id} evidence list does not start with the flat evidence")
    for item in items:
        for field in ("doc", "title", "url", "date", "sentence", "start", "end", "text"):
            check(field in item, f"edge {edge_id} evidence item lacks {field}")


def check_gexf_stdlib(path, expect, version):
    ns_uri = "http://gexf.net/1.3" if version == "1.3" else "http://www.gexf.net/1.2draft"
    ns = {"g": ns_uri, "viz": ns_uri + "/viz"}
    root = ET.parse(path).getroot()
    check(root.tag == "{%s}gexf" % ns_uri, f"gexf {version} namespace: {root.tag}")
    check(root.get("version") == version, "gexf version attribute")
    graph = root.find("g:graph", ns)
    check(graph.get("mode") == "dynamic" and graph.get("timeformat") == "date", "dynamic/date")
    attrs = {}
    for a in graph.findall("g:attributes", ns):
        for at in a.findall("g:attribute", ns):
            attrs[(a.get("class"), at.get("id"))] = at.get("title")
    labels = {}
    for n in graph.find("g:nodes", ns).findall("g:node", ns):
        labels[n.get("id")] = n.get("label")
        check(n.find("viz:color", ns) is not None, f"node {n.get('id')} has no viz:color")
        spell = n.find("g:spells/g:spell", ns)
        if n.get("id") in expect["dated_nodes"]:
            check(spell is not None and spell.get("start") and spell.get("end"),
                  f"node {n.get('id')} has no spell")
        if n.get("id") in expect.get("node_spells", {}):
            spells = [[s.get("start"), s.get("end")] for s in n.findall("g:spells/g:spell", ns)]
            check(spells == expect["node_spells"][n.get("id")], f"node {n.get('id')} spells {spells}")
    check(labels == expect["nodes"], f"gexf labels {labels}")
    edges, kinds = collections.Counter(), collections.Counter()
    for e in graph.find("g:edges", ns).findall("g:edge", ns):
        vals = {attrs[("edge", v.get("for"))]: v.get("value")
                for v in e.findall("g:attvalues/g:attvalue", ns)}
        edges[(e.get("source"), e.get("target"), vals["class"], int(vals["polarity"]),
               int(float(e.get("weight"))))] += 1
        check(e.get("kind"), f"edge {e.get('id')} has no kind")
        spells = [[s.get("start"), s.get("end")] for s in e.findall("g:spells/g:spell", ns)]
        check(spells == expect.get("edge_spells", {}).get(e.get("id"), []),
              f"gexf {version} edge {e.get('id')} spells {spells}")
        # The dynamic weight: statements per day add up to the weight.
        daily = [float(v.get("value")) for v in e.findall("g:attvalues/g:attvalue", ns)
                 if v.get("for") == "weight"]
        if daily:
            check(all(v.get("start") == v.get("end") for v in e.findall("g:attvalues/g:attvalue", ns)
                      if v.get("for") == "weight"), f"edge {e.get('id')} weight not per day")
            check(sum(daily) == float(e.get("weight")), f"edge {e.get('id')} daily weights {daily}")
        check_evidence(e.get("id"), vals, expect)
        kinds[(e.get("source"), e.get("target"), e.get("kind"))] += 1
        color = e.find("viz:color", ns)
        pol = int(vals["polarity"])
        rgb = (int(color.get("r")), int(color.get("g")), int(color.get("b")))
        if pol > 0:
            check(rgb[1] > rgb[0], f"positive edge not green: {rgb}")
        elif pol < 0:
            check(rgb[0] > rgb[1], f"negative edge not red: {rgb}")
        else:
            check(rgb[0] == rgb[1] == rgb[2], f"neutral edge not grey: {rgb}")
    check(edges == expected_edges(expect), f"gexf {version} edges {edges}")
    # Gephi merges edges with the same source, target and kind: none may collide.
    check(all(c == 1 for c in kinds.values()), f"gexf parallel edges share a kind: {kinds}")


def check_csv(dir_, expect):
    with open(os.path.join(dir_, "graph.nodes.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    check(rows and list(rows[0].keys())[:2] == ["Id", "Label"], "nodes.csv header")
    check({r["Id"]: r["Label"] for r in rows} == expect["nodes"], "nodes.csv labels")
    with open(os.path.join(dir_, "graph.edges.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0].keys())
    for col in ["Source", "Target", "Type", "Kind", "Weight"]:
        check(col in header, f"edges.csv has no {col}")
    lower = [h.lower() for h in header]
    check(len(lower) == len(set(lower)), "edges.csv repeats a column (Gephi ignores case)")
    edges = collections.Counter(
        (r["Source"], r["Target"], r["class"], int(r["polarity"]), int(r["Weight"])) for r in rows)
    check(edges == expected_edges(expect), f"edges.csv {edges}")
    kinds = collections.Counter((r["Source"], r["Target"], r["Kind"]) for r in rows)
    check(all(c == 1 for c in kinds.values()), "edges.csv parallel edges share a Kind")
    edge_ids = {r["Id"] for r in rows}
    with open(os.path.join(dir_, "graph.evidence.csv"), newline="", encoding="utf-8") as f:
        evidence = list(csv.DictReader(f))
    check(all(r["edge"] in edge_ids for r in evidence), "evidence.csv names an unknown edge")
    for r in rows:
        firsts = [e for e in evidence if e["edge"] == r["Id"] and e["rank"] == "1"]
        if expect.get("evidence_prefix") is not None:
            check(len(firsts) == 1 and firsts[0]["text"] == r["evidence_text"]
                  and r["evidence_text"].startswith(expect["evidence_prefix"]),
                  f"edges.csv evidence of {r['Id']}")
    for r in rows:
        for col in ["first_date", "last_date"]:
            v = r[col]
            check(v == "" or (len(v) >= 10 and v[4] == "-" and v[7] == "-"), f"date {v}")


def check_json(dir_, expect):
    with open(os.path.join(dir_, "graph.json"), encoding="utf-8") as f:
        doc = json.load(f)
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    check({n["data"]["id"]: n["data"]["label"] for n in nodes} == expect["nodes"], "json labels")
    got = collections.Counter((e["data"]["source"], e["data"]["target"], e["data"]["class"],
                               e["data"]["polarity"], e["data"]["weight"]) for e in edges)
    check(got == expected_edges(expect), f"json edges {got}")
    check(len({e["data"]["id"] for e in edges}) == len(edges), "json edge ids repeat")
    entities, triples = {}, collections.Counter()
    with open(os.path.join(dir_, "graph.jsonl"), encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["type"] == "entity":
                entities[rec["id"]] = rec["label"]
            elif rec["type"] == "triple":
                rel = rec["relation"]
                triples[(rec["subject"]["id"], rec["object"]["id"], rel["class"],
                         rel["polarity"], rec["weight"])] += 1
    check(entities == expect["nodes"], "jsonl entities")
    check(triples == expected_edges(expect), f"jsonl triples {triples}")


def run_stdlib(dir_, expect):
    check_graphml_stdlib(os.path.join(dir_, "graph.graphml"), expect)
    check_gexf_stdlib(os.path.join(dir_, "graph13.gexf"), expect, "1.3")
    check_gexf_stdlib(os.path.join(dir_, "graph12.gexf"), expect, "1.2")
    check_csv(dir_, expect)
    check_json(dir_, expect)


def run_networkx(dir_, expect):
    try:
        import networkx as nx
    except ImportError:
        sys.exit(77)
    g = nx.read_graphml(os.path.join(dir_, "graph.graphml"), force_multigraph=True)
    check(isinstance(g, nx.MultiDiGraph), f"graphml read as {type(g)}")
    check(g.number_of_nodes() == len(expect["nodes"]), "nx graphml node count")
    check(g.number_of_edges() == len(expect["edges"]), "nx graphml edge count")
    check({n: d.get("label") for n, d in g.nodes(data=True)} == expect["nodes"], "nx labels")
    got = collections.Counter((s, t, d["class"], d["polarity"], int(d["weight"]))
                              for s, t, d in g.edges(data=True))
    check(got == expected_edges(expect), f"nx graphml edges {got}")
    check(all(isinstance(d["weight"], float) for _, _, d in g.edges(data=True)), "weight type")
    check(all(isinstance(d["mentions"], int) for _, d in g.nodes(data=True)), "mentions type")
    for _, _, d in g.edges(data=True):
        check_evidence(d.get("id"), d, expect)

    g = nx.read_gexf(os.path.join(dir_, "graph12.gexf"))
    check(g.number_of_nodes() == len(expect["nodes"]), "nx gexf node count")
    check(g.number_of_edges() == len(expect["edges"]), "nx gexf edge count")
    check({n: d.get("label") for n, d in g.nodes(data=True)} == expect["nodes"], "nx gexf labels")
    got = collections.Counter((s, t, d["class"], d["polarity"], int(d["weight"]))
                              for s, t, d in g.edges(data=True))
    check(got == expected_edges(expect), f"nx gexf edges {got}")
    for n in expect["dated_nodes"]:
        check(g.nodes[n].get("spells"), f"nx gexf node {n} lost its spells")
    for n, spells in expect.get("node_spells", {}).items():
        check([list(s) for s in g.nodes[n].get("spells", [])] == spells, f"nx gexf node {n} spells")
    for s, t, d in g.edges(data=True):
        want = expect.get("edge_spells", {}).get(d["id"], [])
        check([list(x) for x in d.get("spells", [])] == want, f"nx gexf edge {d['id']} spells")
        check_evidence(d["id"], d, expect)


def run_igraph(dir_, expect):
    try:
        import igraph
    except ImportError:
        sys.exit(77)
    g = igraph.Graph.Read_GraphML(os.path.join(dir_, "graph.graphml"))
    check(g.is_directed(), "igraph: not directed")
    check(g.vcount() == len(expect["nodes"]), f"igraph vcount {g.vcount()}")
    check(g.ecount() == len(expect["edges"]), f"igraph ecount {g.ecount()}")
    check({v["id"]: v["label"] for v in g.vs} == expect["nodes"], "igraph labels")
    got = collections.Counter((g.vs[e.source]["id"], g.vs[e.target]["id"], e["class"],
                               int(e["polarity"]), int(e["weight"])) for e in g.es)
    check(got == expected_edges(expect), f"igraph edges {got}")


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("stdlib", "networkx", "igraph"):
        sys.exit(__doc__)
    mode, dir_ = sys.argv[1], sys.argv[2]
    with open(sys.argv[3], encoding="utf-8") as f:
        expect = json.load(f)
    {"stdlib": run_stdlib, "networkx": run_networkx, "igraph": run_igraph}[mode](dir_, expect)
    for msg in FAILURES:
        print(f"check_formats.py {mode}: {msg}", file=sys.stderr)
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
