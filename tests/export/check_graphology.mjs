// Checks that graphology (the graph library behind sigma.js and Gephi Lite)
// reads newsgraph's GEXF (1.3 and 1.2draft) and GraphML files with every
// node and every parallel edge.
//
// Usage: node tests/export/check_graphology.mjs [--nodes N] [--edges M] FILE...
//   FILE    *.gexf (graphology-gexf) or *.graphml (graphology-graphml)
//   --nodes, --edges   expected counts (checked for every file when given)
// Every file is parsed into a graphology MultiGraph (mixed, so directed
// relation graphs and undirected actor-actor projections both load); every
// node must have a label, every edge a numeric weight, and no two edges
// between the same ends may share a kind (parallel edges kept apart).
//
// The packages come from tests/export/package.json (scripts/setup.sh runs
// npm ci there); they are resolved beside this file, or through NODE_PATH.
// Exit status: 0 all files pass, 1 a check failed (reasons on stderr),
// 2 usage, 77 the graphology packages are not installed (tests skip).
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let MultiGraph, gexf, graphml;
try {
  ({ MultiGraph } = require('graphology'));
  gexf = require('graphology-gexf');
  graphml = require('graphology-graphml');
} catch (e) {
  console.error(`check_graphology: graphology packages missing (${e.code ?? e.message}); ` +
                'run npm ci in tests/export');
  process.exit(77);
}

const args = process.argv.slice(2);
let nodes = null, edges = null;
const files = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--nodes') nodes = Number(args[++i]);
  else if (args[i] === '--edges') edges = Number(args[++i]);
  else files.push(args[i]);
}
if (!files.length || Number.isNaN(nodes) || Number.isNaN(edges)) {
  console.error('usage: check_graphology.mjs [--nodes N] [--edges M] FILE...');
  process.exit(2);
}

const failures = [];
const check = (cond, msg) => { if (!cond) failures.push(msg); };

function checkGraph(name, g) {
  if (nodes !== null) check(g.order === nodes, `${name}: ${g.order} nodes, expected ${nodes}`);
  if (edges !== null) check(g.size === edges, `${name}: ${g.size} edges, expected ${edges}`);
  g.forEachNode((n, a) => check(a.label, `${name}: node ${n} has no label`));
  const kinds = new Set();
  g.forEachEdge((e, a, s, t, sa, ta, undirected) => {
    check(typeof a.weight === 'number' && !Number.isNaN(a.weight),
          `${name}: edge ${e} weight ${a.weight} is not a number`);
    const kind = a.kind ?? `${a.class}/${a.polarity}`;
    const ends = undirected && t < s ? `${t} ${s}` : `${s} ${t}`;
    const key = `${ends} ${kind}`;
    check(!kinds.has(key), `${name}: two edges ${key}`);
    kinds.add(key);
  });
}

for (const file of files) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    let g;
    if (file.endsWith('.gexf')) g = gexf.parse(MultiGraph, text);
    else if (file.endsWith('.graphml')) g = graphml.parse(MultiGraph, text);
    else { failures.push(`${file}: neither .gexf nor .graphml`); continue; }
    checkGraph(file, g);
  } catch (e) {
    failures.push(`${file}: ${e.message}`);
  }
}

for (const f of failures) console.error(`check_graphology: ${f}`);
if (!failures.length) console.log(`check_graphology: ok (${files.length} files)`);
process.exit(failures.length ? 1 : 0);
