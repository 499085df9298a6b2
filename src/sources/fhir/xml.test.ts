import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extraction } from '../../core/types.js';
import { corpusSkip, SHARED_CORPUS } from '../../../test/helpers/corpus.js';
import { bytesInput, collectParts, detectFile, fileInput } from './file-input.js';
import { fhirAdapter } from './index.js';

type Json = Record<string, unknown>;
const repo = join(fileURLToPath(new URL('.', import.meta.url)), '../../..');

// ---- a tiny FHIR JSON → XML serializer (R4 xml.html rules), only for these tests -------

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function resourceXml(r: Json, ns = true): string {
  return `<${r.resourceType as string}${ns ? ' xmlns="http://hl7.org/fhir"' : ''}>${body(r, true)}</${r.resourceType as string}>`;
}

/** Child elements of an object; `id`/`url` of a data type are attributes (handled by the caller). */
function body(o: Json, isResource: boolean): string {
  let out = '';
  for (const key of Object.keys(o)) {
    if (key === 'resourceType' || key.startsWith('_')) continue;
    if (!isResource && (key === 'url' || key === 'id') && typeof o[key] === 'string' && !isObj(o[`_${key}`])) continue;
    const value = o[key];
    const extras = o[`_${key}`];
    const list = Array.isArray(value) ? value : [value];
    const extraList = Array.isArray(extras) ? extras : [extras];
    list.forEach((v, i) => (out += element(key, v, extraList[i] as Json | undefined)));
  }
  // Elements that have only extensions (`_given` without `given`).
  for (const key of Object.keys(o)) {
    if (!key.startsWith('_') || o[key.slice(1)] !== undefined) continue;
    const extraList = Array.isArray(o[key]) ? (o[key] as Json[]) : [o[key] as Json];
    for (const x of extraList) out += element(key.slice(1), null, x);
  }
  return out;
}

function element(name: string, v: unknown, extra: Json | undefined | null): string {
  if (name === 'div' && typeof v === 'string') return v;
  if (isObj(v) && typeof v.resourceType === 'string') return `<${name}>${resourceXml(v, false)}</${name}>`;
  if (isObj(v)) {
    const attrs = (typeof v.id === 'string' ? ` id="${esc(v.id)}"` : '') + (typeof v.url === 'string' ? ` url="${esc(v.url)}"` : '');
    return `<${name}${attrs}>${body(v, false)}</${name}>`;
  }
  const value = v === null || v === undefined ? '' : ` value="${esc(String(v))}"`;
  const inner = extra ? body(extra, false) : '';
  const id = extra && typeof extra.id === 'string' ? ` id="${esc(extra.id)}"` : '';
  return inner ? `<${name}${id}${value}>${inner}</${name}>` : `<${name}${id}${value}/>`;
}

// ---- helpers ----------------------------------------------------------------------------

async function importText(name: string, text: string | Uint8Array): Promise<Extraction[]> {
  return collectParts(fhirAdapter.extract(bytesInput(name, text)));
}
const resourcesOf = (parts: Extraction[]): Json[] => parts.flatMap((p) => p.resources.map((r) => r.resource as unknown as Json));

/**
 * XHTML compared as XML, not as text: a character reference (`&#9;`) and the character it
 * stands for are the same content, and an XML round trip cannot keep which one was written.
 */
function sameXhtml(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sameXhtml);
  if (!isObj(v)) return v;
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) {
    out[k] = k === 'div' && typeof x === 'string'
      ? x.replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (m, n: string) => {
        const c = String.fromCodePoint(n[0] === 'x' ? parseInt(n.slice(1), 16) : Number(n));
        return c === '<' || c === '&' || c === '>' ? m : c;
      })
      : sameXhtml(x);
  }
  return out;
}
const issueCodes = (parts: Extraction[]) => parts.flatMap((p) => p.issues.map((i) => i.code));

/** Imports the same content as JSON and as XML and checks the stored results are the same. */
async function assertSameAsJson(name: string, json: Json): Promise<void> {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${resourceXml(json)}`;
  const fromXml = await importText(`${name}.xml`, xml);
  const fromJson = await importText(`${name}.json`, JSON.stringify(json));
  assert.equal(bytesInput('x', xml).format, 'fhir-xml', `${name}: detected as FHIR XML`);
  assert.deepEqual(sameXhtml(resourcesOf(fromXml)), sameXhtml(resourcesOf(fromJson)), `${name}: same resources from XML as from JSON`);
  assert.deepEqual(fromXml.flatMap((p) => p.resources.map((r) => r.location)), fromJson.flatMap((p) => p.resources.map((r) => r.location)), `${name}: same locations`);
  assert.deepEqual(fromXml.map((p) => p.subjects), fromJson.map((p) => p.subjects), `${name}: same subjects`);
  assert.deepEqual(fromXml.map((p) => (p.children ?? []).map((c) => c.name)), fromJson.map((p) => (p.children ?? []).map((c) => c.name)), `${name}: same attachments`);
  assert.deepEqual(issueCodes(fromXml), issueCodes(fromJson), `${name}: same issues`);
}

// ---- tests -------------------------------------------------------------------------------

const bundleXml = `<?xml version="1.0" encoding="UTF-8"?>
<!-- exported from the portal -->
<Bundle xmlns="http://hl7.org/fhir">
  <type value="collection"/>
  <entry>
    <fullUrl value="urn:uuid:11111111-1111-4111-8111-111111111111"/>
    <resource>
      <Patient>
        <id value="p1"/>
        <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p>Jane <b>Doe</b> &amp; family</p></div></text>
        <identifier><system value="urn:mrn"/><value value="123"/></identifier>
        <name><family value="Doe"/><given value="Jane"/><given><extension url="http://example.org/nickname"><valueString value="JJ"/></extension></given></name>
        <gender value="female"/>
        <birthDate value="1970-01-02"><extension url="http://hl7.org/fhir/StructureDefinition/patient-birthTime"><valueDateTime value="1970-01-02T10:00:00Z"/></extension></birthDate>
        <active value="true"/>
      </Patient>
    </resource>
  </entry>
  <entry>
    <fullUrl value="urn:uuid:22222222-2222-4222-8222-222222222222"/>
    <resource>
      <Observation>
        <id value="o1"/>
        <contained><Practitioner><id value="pr"/><name><text value="Dr Xu"/></name></Practitioner></contained>
        <status value="final"/>
        <code><coding><system value="http://loinc.org"/><code value="85354-9"/></coding></code>
        <subject><reference value="urn:uuid:11111111-1111-4111-8111-111111111111"/></subject>
        <effectiveDateTime value="2024-03-01"/>
        <performer><reference value="#pr"/></performer>
        <component><code><coding><system value="http://loinc.org"/><code value="8480-6"/></coding></code><valueQuantity><value value="120.50"/><unit value="mm[Hg]"/></valueQuantity></component>
        <component><code><coding><system value="http://loinc.org"/><code value="8462-4"/></coding></code><valueQuantity><value value="80"/><unit value="mm[Hg]"/></valueQuantity></component>
      </Observation>
    </resource>
  </entry>
</Bundle>`;

test('a FHIR XML Bundle becomes FHIR JSON: arrays by cardinality, typed primitives, _field extensions, xhtml, contained', async () => {
  assert.equal(bytesInput('b.xml', bundleXml).format, 'fhir-xml');
  const parts = await importText('b.xml', bundleXml);
  assert.deepEqual(issueCodes(parts), []);
  const [patient, obs] = resourcesOf(parts);
  assert.equal(patient.resourceType, 'Patient');
  assert.deepEqual(patient.identifier, [{ system: 'urn:mrn', value: '123' }]);
  assert.deepEqual(patient.name, [{ family: 'Doe', given: ['Jane', null], _given: [null, { extension: [{ url: 'http://example.org/nickname', valueString: 'JJ' }] }] }]);
  assert.equal(patient.active, true);
  assert.equal(patient.birthDate, '1970-01-02');
  assert.deepEqual(patient._birthDate, { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-birthTime', valueDateTime: '1970-01-02T10:00:00Z' }] });
  assert.equal((patient.text as Json).div, '<div xmlns="http://www.w3.org/1999/xhtml"><p>Jane <b>Doe</b> &amp; family</p></div>');
  assert.equal(obs.resourceType, 'Observation');
  assert.deepEqual(obs.contained, [{ resourceType: 'Practitioner', id: 'pr', name: [{ text: 'Dr Xu' }] }]);
  const components = obs.component as Json[];
  assert.equal(components.length, 2);
  assert.deepEqual(components[0].valueQuantity, { value: 120.5, unit: 'mm[Hg]' });
  // The subject reference resolved to the Patient of the same Bundle, as for JSON.
  assert.deepEqual(Object.keys(parts[0].subjects ?? {}), ['p1']);
  assert.equal(parts[0].resources[1].subject, 'p1');
});

test('a single FHIR XML resource with a namespace prefix is read', async () => {
  const xml = '<f:Condition xmlns:f="http://hl7.org/fhir"><f:id value="c1"/><f:clinicalStatus><f:coding><f:system value="http://terminology.hl7.org/CodeSystem/condition-clinical"/><f:code value="active"/></f:coding></f:clinicalStatus><f:code><f:text value="Asthma"/></f:code><f:subject><f:reference value="Patient/p7"/></f:subject></f:Condition>';
  assert.equal(bytesInput('c.xml', xml).format, 'fhir-xml');
  const [c] = resourcesOf(await importText('c.xml', xml));
  assert.deepEqual(c.code, { text: 'Asthma' });
  assert.deepEqual(c.clinicalStatus, { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] });
});

test('FHIR XML: unknown elements are reported and skipped, bad values reach validation, entities are refused', async () => {
  const unknown = '<Patient xmlns="http://hl7.org/fhir"><id value="p"/><shoeSize value="44"/><name><family value="Roe"/></name><birthDate value="1980-05-06"/></Patient>';
  const parts = await importText('p.xml', unknown);
  assert.deepEqual(resourcesOf(parts).map((r) => r.name), [[{ family: 'Roe' }]]);
  assert.ok(parts[0].issues.some((i) => i.code === 'xml-unknown-element' && i.message.includes('shoeSize')));

  const notResource = '<Banana xmlns="http://hl7.org/fhir"><id value="p"/></Banana>';
  const bad = await importText('b.xml', notResource);
  assert.deepEqual(resourcesOf(bad), []);
  assert.match(bad[0].issues[0].message, /Banana.*not an R4 resource type/);

  const xxe = '<?xml version="1.0"?><!DOCTYPE Patient [<!ENTITY x SYSTEM "file:///etc/passwd">]><Patient xmlns="http://hl7.org/fhir"><id value="p"/><name><family value="&x;"/></name></Patient>';
  const refused = await importText('x.xml', xxe);
  assert.deepEqual(resourcesOf(refused), []);
  assert.equal(refused[0].issues[0].code, 'xml-entities');
});

test('FHIR XML round trip: resources made here import exactly as their JSON does', async () => {
  const patient: Json = {
    resourceType: 'Patient', id: 'rt1',
    meta: { lastUpdated: '2024-01-01T00:00:00Z', tag: [{ system: 'urn:t', code: 'x' }] },
    text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Round <i>trip</i></p></div>' },
    extension: [{ url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race', extension: [{ url: 'text', valueString: 'Unknown' }] }],
    identifier: [{ system: 'urn:mrn', value: 'A1' }, { system: 'urn:ssn', value: '999' }],
    name: [{ use: 'official', family: 'Tran', given: ['Anh', 'Minh'], _given: [null, { extension: [{ url: 'http://x', valueCode: 'CL' }] }] }],
    telecom: [{ system: 'phone', value: '555', rank: 1 }],
    gender: 'female', birthDate: '1985-07-09', deceasedBoolean: false, multipleBirthInteger: 2,
    address: [{ line: ['1 Main St', 'Apt 2'], city: 'Town', postalCode: '01234' }],
    contact: [{ relationship: [{ text: 'mother' }], name: { family: 'Tran' } }],
  };
  const questionnaire: Json = {
    resourceType: 'Questionnaire', id: 'q1', status: 'active',
    item: [{ linkId: '1', type: 'group', item: [{ linkId: '1.1', type: 'boolean', text: 'Smoker?', item: [{ linkId: '1.1.1', type: 'string' }] }] }],
  };
  const report: Json = {
    resourceType: 'Bundle', type: 'collection',
    entry: [
      { fullUrl: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000001', resource: patient },
      { fullUrl: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000002', resource: {
        resourceType: 'DiagnosticReport', id: 'dr1', status: 'final', code: { text: 'Note' },
        subject: { reference: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000001' }, effectivePeriod: { start: '2024-02-01', end: '2024-02-02' },
        presentedForm: [{ contentType: 'text/plain', data: Buffer.from('Looks fine.\n').toString('base64'), title: 'note' }],
      } },
      { fullUrl: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000003', resource: {
        resourceType: 'MedicationRequest', id: 'mr1', status: 'active', intent: 'order',
        subject: { reference: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000001' },
        medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '197361' }] },
        dosageInstruction: [{ timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 0.5, unit: 'mg' } }] }],
      } },
      { fullUrl: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000004', resource: questionnaire },
    ],
  };
  await assertSameAsJson('made-here', report);
  for (const file of ['test/e2e/fixtures/glucose-bundle.json', 'src/record/reconcile/fixtures/maria-fhir.json']) {
    await assertSameAsJson(file, JSON.parse(readFileSync(join(repo, file), 'utf8')) as Json);
  }
});

test('FHIR XML decimals are read as the JSON import reads them: "7.30" is the number 7.3 in both; the original keeps "7.30"', async () => {
  // FHIR JSON carries decimals as numbers and JSON.parse drops trailing zeros, so the JSON import
  // stores 7.3; the XML import must store the same resource for the same data.
  const json = '{"resourceType":"Observation","id":"hb","status":"final","code":{"text":"Hemoglobin A1c"},"valueQuantity":{"value":7.30,"unit":"%"},"referenceRange":[{"high":{"value":5.60,"unit":"%"}}]}';
  const xml = '<Observation xmlns="http://hl7.org/fhir"><id value="hb"/><status value="final"/><code><text value="Hemoglobin A1c"/></code><valueQuantity><value value="7.30"/><unit value="%"/></valueQuantity><referenceRange><high><value value="5.60"/><unit value="%"/></high></referenceRange></Observation>';
  const [fromJson] = await collectParts(fhirAdapter.extract(bytesInput('hb.json', json)));
  const [fromXml] = await collectParts(fhirAdapter.extract(bytesInput('hb.xml', xml)));
  assert.deepEqual(fromXml.issues, []);
  assert.deepEqual(fromXml.resources.map((r) => r.resource), fromJson.resources.map((r) => r.resource));
  const obs = fromXml.resources[0].resource as unknown as { valueQuantity: { value: unknown } };
  assert.equal(obs.valueQuantity.value, 7.3);
  assert.equal(typeof obs.valueQuantity.value, 'number');
});

test('FHIR XML round trip over the shared corpus (US Core examples): same resources as the JSON import', { skip: corpusSkip('fhir/hl7-us-core-examples') }, async () => {
  const dir = join(SHARED_CORPUS, 'fhir/hl7-us-core-examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  let compared = 0;
  for (const f of files) {
    const json = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Json;
    if (typeof json.resourceType !== 'string') continue;
    await assertSameAsJson(f, json);
    compared++;
  }
  assert.ok(compared > 100, `compared ${compared} corpus files`);
});

/** FHIR XML files of the shared corpus (any *.xml detected as FHIR XML). */
function corpusFhirXml(): string[] {
  if (corpusSkip()) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.xml$/i.test(e.name) && detectFile(p) === 'fhir-xml') out.push(p);
    }
  };
  walk(SHARED_CORPUS);
  return out;
}

const xmlFiles = corpusFhirXml();
test('FHIR XML files of the shared corpus import without errors and every resource validates', { skip: corpusSkip() || (xmlFiles.length ? false : `no FHIR XML file in ${SHARED_CORPUS}`) }, async () => {
  for (const f of xmlFiles) {
    const parts = await collectParts(fhirAdapter.extract(fileInput(f)));
    const errs = parts.flatMap((p) => p.issues.filter((i) => i.severity === 'error'));
    assert.deepEqual(errs, [], f);
    assert.ok(resourcesOf(parts).length > 0, `${f}: resources`);
  }
});
