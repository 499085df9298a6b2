/**
 * One record from two formats: a FHIR bundle and a C-CDA of the same patient (fixtures
 * written for this test) become one person whose items each list both sources, with no
 * duplicates; conflicts show; user split/merge decisions survive re-processing. Both dialects.
 */
import { test } from 'node:test';
import { signIn } from '../../../test/helpers/api.js';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../../../test/helpers/vessels.js';
import { fhirAdapter } from '../../sources/fhir/index.js';
import { ccdaAdapter } from '../../sources/ccda/index.js';
import { buildServer } from '../../server/app.js';
import { ITEM_KINDS } from '../normalize/fact.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (n: string) => fs.readFileSync(path.join(here, 'fixtures', n));

for (const dialect of DIALECTS) {
  test(`FHIR bundle + C-CDA of one patient merge into one record (${dialect})`, async (t) => {
    if (dialect === 'postgres') {
      const skip = await postgresSkipReason();
      if (skip) return t.skip(skip);
    }
    const tv = await openTestVessel(dialect, { adapters: [fhirAdapter, ccdaAdapter] });
    try {
      const { vessel } = tv;
      await vessel.importer.importBytes(fixture('maria-fhir.json'), 'maria-fhir.json', { channel: 'upload' });
      await vessel.importer.importBytes(fixture('maria-ccda.xml'), 'maria-ccda.xml', { channel: 'upload' });
      await vessel.runJobsUntilIdle();
      const people = await vessel.store.people.list();
      assert.equal(people.length, 1, 'both documents are about one person');
      const app = await buildServer(vessel);
      const api = await signIn(app, vessel);
      const items = async (type: string) => (await api({ url: `/api/people/${people[0].id}/items?type=${type}` })).json() as { total: number; items: any[] };

      for (const kind of ITEM_KINDS) {
        const { items: list } = await items(kind);
        assert.equal(list.length, 1, `${kind}: one merged item, got ${list.map((i) => i.display).join(' | ')}`);
        const files = new Set(list[0].sources.map((s: any) => s.filename));
        assert.deepEqual([...files].sort(), ['maria-ccda.xml', 'maria-fhir.json'], `${kind}: lists both sources`);
        assert.ok(list[0].sources.every((s: any) => s.documentId && s.location && Object.keys(s.location).length), `${kind}: every source has a location`);
      }
      const glucose = (await items('results')).items[0];
      assert.equal(glucose.display, 'Glucose');
      assert.deepEqual(glucose.conflicts, [], '99 mg/dL and 5.5 mmol/L are the same value');
      assert.ok(glucose.value.unit === 'mg/dL' || glucose.value.unit === 'mmol/L', 'shown with its own unit');
      const med = (await items('medications')).items[0];
      assert.equal(med.conflicts[0]?.type, 'status', 'stopped in the C-CDA, active in FHIR: shown as a conflict');
      const home = (await api(`/api/views/home?person=${people[0].id}`)).json();
      assert.ok(home.conflicts >= 1, 'the home page says the sources disagree about something');

      // Split the medication, re-process both documents: the decision holds.
      const medIds = med.sources.map((s: any) => s.resourceId);
      const split = await api({ method: 'POST', url: `/api/people/${people[0].id}/items/split`, payload: { type: 'medications', resourceIds: [medIds[0]] } });
      assert.equal(split.statusCode, 200, split.body);
      assert.equal((await items('medications')).items.length, 2, 'split into two');
      for (const d of await vessel.store.documents.list()) await api({ method: 'POST', url: `/api/documents/${d.id}/reprocess` });
      await vessel.runJobsUntilIdle();
      assert.equal((await items('medications')).items.length, 2, 'the split survives re-processing');

      // Merge two procedures the matcher kept apart? They are one already; merge the split meds back.
      const merged = await api({ method: 'POST', url: `/api/people/${people[0].id}/items/merge`, payload: { type: 'medications', resourceIds: medIds } });
      assert.equal(merged.statusCode, 200, merged.body);
      assert.equal((await items('medications')).items.length, 1, 'merged again');
      const bad = await api({ method: 'POST', url: `/api/people/${people[0].id}/items/merge`, payload: { type: 'medications', resourceIds: ['nope'] } });
      assert.equal(bad.statusCode, 400);
      assert.equal((await api({ url: `/api/people/${people[0].id}/items?type=bogus` })).statusCode, 400);
      await app.close();
    } finally {
      await tv.cleanup();
    }
  });
}

for (const dialect of DIALECTS) {
  test(`a document waiting for a person is attached by the user, and "no known allergies" conflicts with an allergy (${dialect})`, async (t) => {
    if (dialect === 'postgres') {
      const skip = await postgresSkipReason();
      if (skip) return t.skip(skip);
    }
    const tv = await openTestVessel(dialect, { adapters: [fhirAdapter, ccdaAdapter] });
    try {
      const { vessel } = tv;
      await vessel.importer.importBytes(fixture('maria-fhir.json'), 'maria-fhir.json', { channel: 'upload' });
      await vessel.runJobsUntilIdle();
      const [maria] = await vessel.store.people.list();
      // A bundle about an unnamed patient: no identity, waits for the user.
      const nka = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'AllergyIntolerance', id: 'n1', patient: { reference: 'Patient/unknown' }, code: { coding: [{ system: 'http://snomed.info/sct', code: '716186003', display: 'No known allergy' }] } } }] };
      const r = await vessel.importer.importBytes(Buffer.from(JSON.stringify(nka)), 'nka.json', { channel: 'upload' });
      await vessel.runJobsUntilIdle();
      const docs = await vessel.store.documents.list();
      const waiting = docs.find((d) => d.filename === 'nka.json')!;
      assert.ok(waiting && !waiting.personId, 'the unnamed document belongs to nobody yet');
      const app = await buildServer(vessel);
      const api = await signIn(app, vessel);
      const res = await api({ method: 'POST', url: `/api/documents/${waiting.id}/person`, payload: { personId: maria.id } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().resources, 1);
      await vessel.runJobsUntilIdle();
      const list = (await api({ url: `/api/people/${maria.id}/items?type=allergies` })).json().items as any[];
      assert.equal(list.length, 2, 'the allergy and the "no known allergies" statement are both kept');
      assert.ok(list.every((i) => i.conflicts.some((c: any) => c.type === 'no-known-allergies')), 'both show the conflict');
      assert.equal((await api({ method: 'POST', url: `/api/documents/${waiting.id}/person`, payload: { personId: 'nobody' } })).statusCode, 404);
      void r;
      await app.close();
    } finally {
      await tv.cleanup();
    }
  });
}
