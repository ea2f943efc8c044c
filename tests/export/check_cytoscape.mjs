// Checks that newsgraph's Cytoscape.js JSON draws what the docs promise:
// Cytoscape.js (headless, styles on) accepts its elements and its `style`
// stylesheet without a warning, every field the stylesheet reads (data(x),
// mapData(x, ...)) exists on the elements it applies to, and the computed
// style shows each node's label in its colour and each edge in its colour,
// with arrows exactly when the graph is directed.
//
// Usage: node tests/export/check_cytoscape.mjs FILE.json
// Exit status: 0 ok, 1 a check failed (reasons on stderr), 2 usage,
// 77 cytoscape is not installed (npm ci in tests/export; tests skip).
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let cytoscape;
try {
  cytoscape = require('cytoscape');
} catch (e) {
  console.error(`check_cytoscape: cytoscape missing (${e.code ?? e.message}); run npm ci in tests/export`);
  process.exit(77);
}
if (process.argv.length !== 3) {
  console.error('usage: check_cytoscape.mjs FILE.json');
  process.exit(2);
}

const failures = [];
const check = (cond, msg) => { if (!cond) failures.push(msg); };
const warnings = [];
console.warn = (...a) => warnings.push(a.join(' '));

const rgb = (hex) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
};

try {
  const json = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  check(Array.isArray(json.style) && json.style.length > 0, 'no "style" array');
  const directed = !(json.data && json.data.directed === false);
  const cy = cytoscape({ headless: true, styleEnabled: true, elements: json.elements, style: json.style });
  check(cy.nodes().length === json.elements.nodes.length, 'nodes lost');
  check(cy.edges().length === json.elements.edges.length, 'edges lost');
  // Fields the stylesheet reads must exist where it applies.
  for (const rule of json.style) {
    const matched = cy.elements(rule.selector);
    for (const [prop, value] of Object.entries(rule.style)) {
      const m = /^(?:data|mapData)\(\s*([A-Za-z_]+)/.exec(String(value));
      if (!m) continue;
      matched.forEach((ele) => check(ele.data(m[1]) !== undefined,
        `${rule.selector} ${prop} reads ${m[1]}, which ${ele.id()} lacks`));
    }
  }
  cy.nodes().forEach((n) => {
    check(n.data('label') && n.style('label') === n.data('label'), `node ${n.id()} shows no label`);
    check(n.style('background-color') === rgb(n.data('color')),
          `node ${n.id()} colour ${n.style('background-color')} != ${n.data('color')}`);
  });
  cy.edges().forEach((e) => {
    check(e.style('line-color') === rgb(e.data('color')), `edge ${e.id()} colour`);
    check((e.style('target-arrow-shape') !== 'none') === directed,
          `edge ${e.id()} arrow ${e.style('target-arrow-shape')} in a ${directed ? '' : 'un'}directed graph`);
    check(e.style('label') === e.data('class'), `edge ${e.id()} label`);
  });
  cy.destroy();
} catch (e) {
  failures.push(e.message);
}
for (const w of warnings) failures.push(`cytoscape warned: ${w}`);
for (const f of failures) console.error(`check_cytoscape: ${f}`);
if (!failures.length) console.log('check_cytoscape: ok');
process.exit(failures.length ? 1 : 0);
