import { after, before, describe, test } from 'node:test';
import { signIn } from '../helpers/api.js';
import assert from 'node:assert/strict';
import type { Bundle, Composition, Provenance, Resource } from '@medplum/fhirtypes';
import { openFixtureVessel } from '../doctor/fixture.js';
import { loadSnapshot, type Snapshot } from '../../src/doctor/snapshot.js';
import { buildIps, IPS_SECTIONS } from '../../src/share/ips.js';
import { validateResource } from '../../src/sources/fhir/validate.js';
import { buildServer } from '../../src/server/app.js';
import { r4Validator } from '../../src/sources/fhir/r4-structure.js';

function references(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => references(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'reference' && typeof x === 'string') out.push(x);
      else references(x, out);
    }
  }
  return out;
}

describe('International Patient Summary', () => {
  let fx: Awaited<ReturnType<typeof openFixtureVessel>>;
  let s: Snapshot;
  let bundle: Bundle;
  before(async () => {
    fx = await openFixtureVessel('sqlite');
    s = (await loadSnapshot(fx.vessel.store, fx.personId))!;
    bundle = buildIps(s, { now: '2024-03-01T10:00:00Z' });
  });
  after(async () => fx?.cleanup());

  test('a document bundle, Composition first, with the required sections and the present optional ones', () => {
    assert.equal(bundle.type, 'document');
    assert.ok(bundle.identifier?.value && bundle.timestamp);
    const comp = bundle.entry![0].resource as Composition;
    assert.equal(comp.resourceType, 'Composition');
    assert.equal(comp.type.coding![0].code, '60591-5');
    const codes = comp.section!.map((x) => x.code!.coding![0].code);
    for (const k of ['medications', 'allergies', 'problems', 'immunizations', 'results', 'procedures', 'pastIllness'] as const) assert.ok(codes.includes(IPS_SECTIONS[k].code), `section ${k}`);
    for (const sec of comp.section!) {
      assert.match(sec.text!.div, /^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml">/);
      assert.ok(sec.entry?.length, `${sec.title} has entries`);
    }
    const meds = comp.section!.find((x) => x.code!.coding![0].code === '10160-0')!;
    assert.equal(meds.entry!.length, 2, 'the stopped medication is not current');
    assert.match(meds.text!.div, /Metformin/);
    assert.match(meds.text!.div, /summary\.json/, 'narrative names the source');
  });

  test('every reference resolves inside the bundle; fullUrls are urn:uuid', () => {
    const urls = new Set(bundle.entry!.map((e) => e.fullUrl!));
    for (const u of urls) assert.match(u, /^urn:uuid:[0-9a-f-]{36}$/);
    const refs = references(bundle);
    assert.ok(refs.length > 10);
    for (const r of refs) assert.ok(urls.has(r), `reference ${r} resolves`);
  });

  test('every clinical entry has a Provenance naming the document it came from', () => {
    const provenance = bundle.entry!.filter((e) => e.resource!.resourceType === 'Provenance').map((e) => e.resource as Provenance);
    const clinical = bundle.entry!.slice(1).filter((e) => !['Patient', 'Provenance'].includes(e.resource!.resourceType));
    assert.ok(clinical.length > 5);
    for (const e of clinical) {
      const p = provenance.find((x) => x.target[0].reference === e.fullUrl);
      assert.ok(p, `${e.resource!.resourceType} ${e.fullUrl} has a Provenance`);
      const docId = p.entity![0].what.identifier!.value!;
      assert.ok(s.documents[docId], 'the entity is one of the person\'s documents');
      assert.match(p.entity![0].what.display!, new RegExp(s.documents[docId].filename.replace(/[.]/g, '\\.')));
      assert.ok(p.agent.length >= 1 && p.recorded);
    }
    assert.equal(provenance.length, clinical.length, 'one per entry, none for the summary itself');
  });

  test('passes the project FHIR validation and the R4 StructureDefinitions', async () => {
    const r4 = await r4Validator();
    assert.ok(r4({ resourceType: 'Composition' } as Resource), 'the validator does reject an incomplete Composition');
    assert.equal(r4(bundle), undefined, 'bundle R4-valid');
    for (const e of bundle.entry!) {
      assert.deepEqual(validateResource(e.resource), [], `${e.resource!.resourceType} passes validate.ts`);
      assert.equal(r4(e.resource as Resource), undefined, `${e.resource!.resourceType} R4-valid`);
    }
  });

  test('an empty required section says "no information" with an empty reason', () => {
    const empty = buildIps({ ...s, items: { ...s.items, allergies: [], medications: [] } });
    const comp = empty.entry![0].resource as Composition;
    const allergies = comp.section!.find((x) => x.code!.coding![0].code === '48765-2')!;
    assert.equal(allergies.entry, undefined);
    assert.equal(allergies.emptyReason!.coding![0].code, 'unavailable');
    assert.match(allergies.text!.div, /No information/);
  });

  test('narrative text is escaped', () => {
    const evil = { ...s, items: { ...s.items, procedures: s.items.procedures.map((p) => ({ ...p, display: '<script>alert(1)</script>' })) } };
    const comp = buildIps(evil).entry![0].resource as Composition;
    const html = comp.section!.map((x) => x.text!.div).join('');
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('&lt;script&gt;'));
  });

  test('GET /api/people/:id/ips', async () => {
    const app = await buildServer(fx.vessel);
    const api = await signIn(app, fx.vessel);
    try {
      const r = await api({ method: 'GET', url: `/api/people/${fx.personId}/ips` });
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /application\/fhir\+json/);
      assert.equal((r.json() as Bundle).type, 'document');
    } finally {
      await app.close();
    }
  });
});
