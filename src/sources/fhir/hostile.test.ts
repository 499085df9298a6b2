// Hostile nesting (session 12): JSON.parse reads any depth, but what follows walks resources
// recursively; a resource nested 100,000 levels deep used to fail its whole file downstream
// with "Maximum call stack size exceeded". It is now refused where it is read, with its reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Extraction } from '../../core/types.js';
import { bytesInput, collectParts } from './file-input.js';
import { fhirAdapter } from './index.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';

const deep = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
const patient = JSON.stringify({ resourceType: 'Patient', id: 'p1', name: [{ family: 'Doe' }] });
const all = (parts: Extraction[]) => ({ resources: parts.flatMap((p) => p.resources), issues: parts.flatMap((p) => p.issues) });

test('depth is measured without recursion, at any depth', () => {
  assert.equal(nestsDeeperThan(JSON.parse(deep(MAX_JSON_DEPTH - 1))), false);
  assert.equal(nestsDeeperThan(JSON.parse(deep(MAX_JSON_DEPTH + 1))), true);
  assert.equal(nestsDeeperThan(JSON.parse(deep(200_000))), true);
  assert.equal(nestsDeeperThan({ a: [{ b: 'x' }], c: null }), false);
});

test('an NDJSON line nested 100,000 deep is refused with its reason; the other lines are read', async () => {
  const text = `{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},"extension":${deep(100_000)}}\n${patient}\n`;
  const { resources, issues } = all(await collectParts(fhirAdapter.extract(bytesInput('deep.ndjson', text, 'fhir-ndjson'))));
  assert.deepEqual(resources.map((r) => r.resource.resourceType), ['Patient']);
  assert.match(issues.find((i) => i.severity === 'error')?.message ?? '', /line 1: JSON nested more than 256 levels deep/);
});

test('a JSON document nested 100,000 deep is refused with its reason, not read', async () => {
  const text = `{"resourceType":"Bundle","type":"collection","entry":[{"resource":${patient}},{"resource":{"resourceType":"Basic","id":"b","code":{"text":"x"},"x":${deep(100_000)}}}]}`;
  const { resources, issues } = all(await collectParts(fhirAdapter.extract(bytesInput('deep.json', text, 'fhir-json'))));
  assert.equal(resources.length, 0);
  assert.match(issues[0]?.message ?? '', /deep\.json: JSON nested more than 256 levels deep/);
});
