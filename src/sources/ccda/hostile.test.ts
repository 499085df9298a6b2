// Hostile units (session 12): a 100 KB `unit` attribute held the reader for seconds in the UCUM
// validator (ucum-lhc is quadratic on some long strings). Found by putting 100 KB runs into every
// attribute of a corpus C-CDA; built here in code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantity } from './datatypes.js';
import { toUcum } from '../../record/normalize/units.js';
import type { CdaNode } from './xml.js';
import { extractCda } from './extract.js';

const pq = (unit: string): CdaNode => ({ name: 'value', attrs: { value: '5', unit }, children: [], text: '' });

test('a 100 KB unit is kept as text without being validated as UCUM, in milliseconds', () => {
  const unit = `<${'9'.repeat(100_000)}x`;
  const t0 = performance.now();
  const q = quantity(pq(unit));
  const normalized = toUcum(unit);
  const ms = performance.now() - t0;
  assert.equal(q?.unit, unit);
  assert.equal(q?.system, undefined);
  assert.equal(normalized, undefined);
  assert.ok(ms < 1_000, `took ${Math.round(ms)} ms`); // 2 × 7.5 s before
});

test('ordinary units are still recognised as UCUM', () => {
  assert.equal(quantity(pq('mg/dL'))?.system, 'http://unitsofmeasure.org');
  assert.equal(toUcum('mg/dL'), 'mg/dL');
});

/** A C-CDA whose narrative holds `n` empty elements (4 bytes each): a tree of n nodes for a small file. */
function manyTags(n: number): Buffer {
  return Buffer.from(
    `<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"><recordTarget><patientRole><id extension="1" root="2.16.1"/><patient><name><given>Ana</given><family>Roe</family></name></patient></patientRole></recordTarget><component><structuredBody><component><section><title>Notes</title><text>${'<a/>'.repeat(n)}</text></section></component></structuredBody></component></ClinicalDocument>`,
  );
}

// Session 14: the tree is ~300 bytes of heap per tag, built on the main thread: a 59 MB CDA of
// `<td>x</td>` took 75 s and 3.9 GB (the default heap is ~4 GB), 57 MB of `<a/>` 26 s and 2.7 GB.
test('a C-CDA holding more than a million tags is refused before parsing, in milliseconds, with its reason', async () => {
  const xml = manyTags(1_000_010);
  const t0 = performance.now();
  const x = await extractCda(xml, 'tags.xml');
  const ms = performance.now() - t0;
  assert.deepEqual(x.resources, []);
  assert.equal(x.issues[0]?.severity, 'error');
  assert.match(x.issues[0]!.message, /more than 1,000,000 tags; not read/);
  assert.ok(ms < 1_500, `took ${Math.round(ms)} ms`);
});

test('a C-CDA just under the tag limit is still read', async () => {
  const x = await extractCda(manyTags(999_000), 'tags.xml');
  assert.ok(!x.issues.some((i) => i.severity === 'error'), JSON.stringify(x.issues.slice(0, 3)));
});
