import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractedPage, Extraction } from '../../../core/types.js';
import { structureTransmission } from './index.js';
import { splitTransmission } from './parts.js';

const here = dirname(fileURLToPath(import.meta.url));
const page = (n: number): ExtractedPage => ({ page: n, text: readFileSync(join(here, 'fixtures', `three-docs-p${n}.txt`), 'utf8'), method: 'plain' });
const structured = (pages: ExtractedPage[]): Extraction => ({ pages, ...structureTransmission(pages) }) as Extraction;

test('each document of a transmission becomes a part with its own pages, facts, patient and label', () => {
  const all = structured([1, 2, 3, 4].map(page));
  const { transmission, parts } = splitTransmission(all);
  assert.deepEqual(parts.map((p) => [p.extraction.pages!.map((x) => x.page), p.extraction.label?.type, p.extraction.label?.date]), [
    [[1], 'fax_cover_sheet', '2024-03-14'],
    [[2, 3], 'lab_report', '2024-03-01'],
    [[4], 'office_visit_note', '2024-03-08'],
  ]);
  const [cover, lab, visit] = parts.map((p) => p.extraction);
  assert.equal(cover!.resources.length, 0);
  assert.equal(cover!.subjects, undefined, 'a cover sheet names no patient');
  assert.equal(lab!.resources.filter((r) => r.resource.resourceType === 'Observation').length, 9);
  assert.ok(lab!.resources.every((r) => r.location.page === 2 || r.location.page === 3));
  assert.equal(Object.values(lab!.subjects ?? {})[0]?.family, 'Quillfeather');
  assert.ok(visit!.resources.some((r) => r.resource.resourceType === 'MedicationStatement'));
  // Every fact lands in exactly one part; the transmission keeps its pages and label, not the facts.
  assert.equal(parts.reduce((n, p) => n + p.extraction.resources.length, 0), all.resources.length);
  assert.equal(transmission.resources.length, 0);
  assert.equal(transmission.subjects, undefined);
  assert.equal(transmission.pages?.length, 4);
  assert.equal(transmission.label?.type, 'fax_transmission');
});

test('a transmission holding one document is not split', () => {
  const one = structured([page(4)]);
  const { transmission, parts } = splitTransmission(one);
  assert.equal(parts.length, 0);
  assert.equal(transmission, one);
});
