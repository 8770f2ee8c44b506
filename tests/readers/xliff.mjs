// xliff.mjs - the npm package xliff (an XLIFF implementation of its own, the
// version pinned in package.json) as tests/readers.py uses it:
//   node xliff.mjs read FILE...        one JSON line per file: what xliff2js
//                                      (XLIFF 2.0) or xliff12ToJs (1.2) gives
//   node xliff.mjs fill IN OUT         xliff2js IN, a target for every unit,
//                                      js2xliff to OUT
// A unit is [id, source] with source flattened to a string as
// tests/readers.py flattens what it reads itself: text as it is, a code
// spanning content as {ID}...{/ID}, a standalone code as {ID/}, a start and
// an end code as {ID> and <ID}, an annotation (mrk) as its content.  Ids
// are in document order, groups walked into.  Targets are the source with
// every text run wrapped in U+2039/U+203A, codes kept.
import fs from 'node:fs';
import { xliff2js, xliff12ToJs, js2xliff } from 'xliff';

// The package's inline values: a string, an array of values, or one
// {Kind: {id, contents}} object.
function flatten(v) {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(flatten).join('');
  const kind = Object.keys(v)[0];
  const e = v[kind] || {};
  switch (kind) {
    case 'Span':
    case 'GenericSpan':
      return `{${e.id}}${flatten(e.contents)}{/${e.id}}`;
    case 'Standalone':
      return `{${e.id}/}`;
    case 'SpanStart':
    case 'GenericSpanStart':
      return `{${e.id}>`;
    case 'SpanEnd':
    case 'GenericSpanEnd':
      return `<${e.id}}`;
    case 'Marker':
      return flatten(e.contents);
    default:
      return `{?${kind}}`;
  }
}

function pseudo(v) {
  if (v === undefined || v === null || v === '') return v;
  if (typeof v === 'string') return `\u2039${v}\u203a`;
  // adjacent strings as one run: the package leaves an empty string where
  // it dropped an element it does not know (a 2.0 mrk)
  if (Array.isArray(v)) {
    const runs = [];
    for (const x of v) {
      if (typeof x === 'string' && typeof runs[runs.length - 1] === 'string') runs[runs.length - 1] += x;
      else runs.push(x);
    }
    return runs.map(pseudo);
  }
  const kind = Object.keys(v)[0];
  const e = { ...v[kind] };
  if (e.contents !== undefined) e.contents = pseudo(e.contents);
  return { [kind]: e };
}

// Units in document order: [id, flattened source], groups walked into.
function units(resource, out) {
  for (const [id, u] of Object.entries(resource)) {
    if (u.groupUnits) units(u.groupUnits, out);
    else out.push([id, flatten(u.source)]);
  }
  return out;
}

function fillUnits(resource) {
  for (const u of Object.values(resource)) {
    if (u.groupUnits) fillUnits(u.groupUnits);
    else u.target = pseudo(u.source);
  }
}

async function read(file) {
  const xml = fs.readFileSync(file, 'utf8');
  const v12 = /<xliff[^>]*version="1\.2"/.test(xml);
  // xml-js drops text that is only white space between two elements (the
  // space between two links) unless told not to; xliff12ToJs passes its
  // options on to it, xliff2js passes none (tests/readers.py counts that).
  const js = v12 ? await xliff12ToJs(xml, { captureSpacesBetweenElements: true }) : await xliff2js(xml);
  const found = [];
  for (const r of Object.values(js.resources || {})) units(r, found);
  return { file, reader: v12 ? 'xliff12ToJs' : 'xliff2js', sourceLanguage: js.sourceLanguage,
           targetLanguage: js.targetLanguage, units: found };
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'read' && args.length) {
  for (const f of args) process.stdout.write(JSON.stringify(await read(f)) + '\n');
} else if (cmd === 'fill' && args.length === 2) {
  const js = await xliff2js(fs.readFileSync(args[0], 'utf8'));
  for (const r of Object.values(js.resources)) fillUnits(r);
  // No indentation: js2xliff's would go into source and target as text.
  fs.writeFileSync(args[1], await js2xliff(js, { indent: '' }));
} else {
  process.stderr.write('usage: node xliff.mjs read FILE... | fill IN OUT\n');
  process.exit(2);
}
