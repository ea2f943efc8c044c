// Checks that graphology (the graph library behind sigma.js and Gephi Lite)
// reads newsgraph's GEXF 1.3, GEXF 1.2 and GraphML with every node and every
// parallel edge.
//
// Not run by ctest (it needs packages from npm). To run it:
//   mkdir -p /tmp/graphology && cd /tmp/graphology &&
//     npm install graphology graphology-gexf graphology-graphml @xmldom/xmldom
//   newsgraph export --db graph.db --format gexf -o out/graph13.gexf
//   newsgraph export --db graph.db --format gexf --gexf-version 1.2 -o out/graph12.gexf
//   newsgraph export --db graph.db --format graphml -o out/graph.graphml
//   NODE_PATH=/tmp/graphology/node_modules node tests/export/check_graphology.mjs out NODES EDGES
// (writers_test's ReadersTest leaves no files behind; any export works.)
// Exit status 0 when all three files give NODES nodes and EDGES edges, every
// node has a label and the parallel edges keep distinct kinds; 1 otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

// NODE_PATH is honoured by require, not by import: resolve through require.
const require = createRequire(path.join(process.cwd(), 'noop.js'));
const { MultiDirectedGraph } = require('graphology');
const gexf = require('graphology-gexf');
const graphml = require('graphology-graphml');

const [dir, nodes, edges] = process.argv.slice(2);
if (!dir || !nodes || !edges) {
  console.error('usage: check_graphology.mjs DIR NODES EDGES');
  process.exit(2);
}
const failures = [];
const check = (cond, msg) => { if (!cond) failures.push(msg); };

function checkGraph(name, g) {
  check(g.order === Number(nodes), `${name}: ${g.order} nodes, expected ${nodes}`);
  check(g.size === Number(edges), `${name}: ${g.size} edges, expected ${edges}`);
  g.forEachNode((n, a) => check(a.label, `${name}: node ${n} has no label`));
  const kinds = new Map();
  g.forEachEdge((e, a, s, t) => {
    const kind = a.kind ?? `${a.class}/${a.polarity}`;
    const key = `${s} ${t} ${kind}`;
    check(!kinds.has(key), `${name}: two edges ${key}`);
    kinds.set(key, true);
  });
}

const read = (f) => fs.readFileSync(path.join(dir, f), 'utf8');
checkGraph('graph13.gexf', gexf.parse(MultiDirectedGraph, read('graph13.gexf')));
checkGraph('graph12.gexf', gexf.parse(MultiDirectedGraph, read('graph12.gexf')));
checkGraph('graph.graphml', graphml.parse(MultiDirectedGraph, read('graph.graphml')));

for (const f of failures) console.error(`check_graphology: ${f}`);
if (!failures.length) console.log('check_graphology: ok');
process.exit(failures.length ? 1 : 0);
