/**
 * A tiny real adapter for plain-text fixtures, so the pipeline's own tests do not depend on
 * any channel's extractor. Format of a fixture:
 *   Patient: Given Family, 1950-02-03, MRN 123
 *   Glucose 99 mg/dL 2020-01-02
 *   Page
 *   CRASH      (makes the adapter throw, to test crash handling)
 */
import type { Observation } from '@medplum/fhirtypes';
import type { Extraction, SourceAdapter } from '../../src/core/types.js';

export const textFixtureAdapter: SourceAdapter = {
  name: 'text-fixture',
  formats: ['text'],
  async extract(input) {
    const text = (await input.bytes()).toString('utf8');
    if (text.includes('CRASH')) throw new Error('fixture adapter crashed on purpose');
    const out: Extraction = { resources: [], issues: [], pages: [], subjects: {} };
    const pages = text.split(/^Page$/m);
    pages.forEach((p, i) => out.pages!.push({ page: i + 1, text: p.trim(), method: 'plain' }));
    let page = 1;
    text.split('\n').forEach((line, i) => {
      if (line.trim() === 'Page') page++;
      const pm = /^Patient: (\S+) (\S+), (\d{4}-\d{2}-\d{2})(?:, MRN (\w+))?/.exec(line);
      if (pm) out.subjects!.main = { given: [pm[1]], family: pm[2], birthDate: pm[3], identifiers: pm[4] ? [{ system: 'urn:test:mrn', value: pm[4] }] : [] };
      const om = /^(\w+) ([\d.]+) (\S+) (\d{4}-\d{2}-\d{2})/.exec(line);
      if (om && !pm) {
        const obs: Observation = {
          resourceType: 'Observation',
          id: `obs-${i}`,
          status: 'final',
          code: { text: om[1] },
          valueQuantity: { value: Number(om[2]), unit: om[3] },
          effectiveDateTime: om[4],
        };
        out.resources.push({ resource: obs, location: { page, line: i + 1 } });
      }
    });
    return out;
  },
};
