// Hostile values (session 12): text values were trimmed of their padding by `/[\0 ]+$/`, which is
// tried at every position of a long run of spaces that does not reach the end: a value holding
// 300,000 spaces before one letter took minutes. Built here in code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImagingStudy } from '@medplum/fhirtypes';
import { extractDicom } from './index.js';
import { el, imageElements, part10 } from './fixtures/build.js';

test('a study description of 300,000 spaces between two words is read in milliseconds, padding still trimmed', () => {
  const description = `CT${' '.repeat(300_000)}HEAD`;
  const file = part10(imageElements({ extra: [el(0x0008, 0x1030, 'UT', description), el(0x0008, 0x103e, 'LO', 'AXIAL 5mm \0')] }));
  const t0 = performance.now();
  const x = extractDicom(file);
  const ms = performance.now() - t0;
  const study = x.resources.find((r) => r.resource.resourceType === 'ImagingStudy')?.resource as ImagingStudy;
  assert.equal(study.description, description);
  assert.equal(study.series?.[0]?.description, 'AXIAL 5mm');
  assert.ok(ms < 2_000, `took ${Math.round(ms)} ms`);
});
