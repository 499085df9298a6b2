import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Extraction } from '../../core/types.js';
import { bytesInput, collectParts } from './file-input.js';
import { fhirAdapter } from './index.js';
import { isR4ResourceType } from './resource-types.js';
import { isFhirDateTime } from './clean.js';

const TYPES = ['Patient', 'Observation', 'Condition', 'MedicationOrder', 'MedicationRequest', 'AllergyIntolerance', 'Immunization', 'Procedure', 'Encounter', 'DiagnosticReport', 'DocumentReference', 'Binary', 'Bundle', 'Media', 'Nope'];
const KEYS = ['resourceType', 'id', 'status', 'code', 'subject', 'patient', 'category', 'clinicalStatus', 'note', 'performer', 'related', 'reaction', 'content', 'data', 'entry', 'resource', 'fullUrl', 'effectiveDateTime', 'date', 'hasMember', 'contained', 'reference', 'dosageInstruction', 'vaccinationProtocol', 'presentedForm', 'attachment', 'explanation', 'class', 'meta'];

/** Resource-ish JSON: the element names the adapter looks at, holding anything. */
const resourceish = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constantFrom(...TYPES), fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), tie('object')),
  object: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 6 }),
})).object;

function check(parts: Extraction[]) {
  for (const p of parts) {
    for (const r of p.resources) {
      assert.ok(isR4ResourceType(r.resource.resourceType));
      const walk = (v: unknown, k = ''): void => {
        if (Array.isArray(v)) {
          assert.ok(v.length > 0, `empty array at ${k}`);
          v.forEach((x) => walk(x, k));
        } else if (v && typeof v === 'object') {
          assert.ok(Object.keys(v).length > 0, `empty object at ${k}`);
          for (const [kk, x] of Object.entries(v)) walk(x, kk);
        } else if (typeof v === 'string' && /^(date|effectiveDateTime|occurrenceDateTime|authoredOn)$/.test(k)) assert.ok(isFhirDateTime(v), `${k}=${v}`);
      };
      walk(r.resource);
    }
  }
}

test('the adapter never throws, and emits only R4 types with no empty objects or invalid dates, whatever the JSON', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(resourceish, fc.record({ resourceType: fc.constant('Bundle'), entry: fc.array(fc.record({ resource: resourceish }), { maxLength: 4 }) })), async (value) => {
      const text = JSON.stringify(value);
      check(await collectParts(fhirAdapter.extract(bytesInput('f.json', text, 'fhir-json'))));
      check(await collectParts(fhirAdapter.extract(bytesInput('f.ndjson', `${text}\n${text}`, 'fhir-ndjson'))));
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
  );
});

test('any cut of a valid bundle is an error issue, never an exception', async () => {
  const bundle = JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'p', name: [{ family: 'Ünïcödé' }] } }] });
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: bundle.length - 1 }), async (cut) => {
      const [e] = await collectParts(fhirAdapter.extract(bytesInput('cut.json', Buffer.from(bundle).subarray(0, cut), 'fhir-json')));
      assert.equal(e.resources.length, 0);
      assert.equal(e.issues[0].severity, 'error');
    }),
    { numRuns: 100 },
  );
});

const XML_NAMES = ['Bundle', 'entry', 'resource', 'Patient', 'Observation', 'Nope', 'contained', 'name', 'given', 'family', 'birthDate', 'extension', 'valueString', 'valueQuantity', 'value', 'component', 'code', 'coding', 'text', 'div', 'p', 'id', 'status', 'subject', 'reference', 'active', 'item', 'effectiveDateTime'];
const ATTRS = ['value', 'url', 'id', 'xmlns'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
/** XML made of FHIR element names in any nesting, with value/url/id attributes holding anything. */
const xmlAttrs = fc.dictionary(fc.constantFrom(...ATTRS), fc.oneof(fc.string(), fc.constantFrom('true', '12.5', 'http://hl7.org/fhir', '2024-01-01')), { maxKeys: 2 });
const open = (n: string, a: Record<string, string>) => `<${n}${Object.entries(a).map(([k, v]) => ` ${k}="${esc(v)}"`).join('')}`;
const xmlish: fc.Arbitrary<string> = fc.letrec<{ el: string }>((tie) => ({
  el: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(fc.constantFrom(...XML_NAMES), xmlAttrs).map(([n, a]) => `${open(n, a)}/>`),
    fc.tuple(fc.constantFrom(...XML_NAMES), xmlAttrs, fc.array(tie('el'), { maxLength: 3 })).map(([n, a, kids]) => `${open(n, a)}>${kids.join('')}</${n}>`),
  ),
})).el;

test('FHIR XML: the adapter never throws and emits only R4 types, whatever the elements and values', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('Bundle', 'Patient', 'Observation', 'Nope'), fc.array(xmlish, { maxLength: 4 }), async (root, kids) => {
      const xml = `<${root} xmlns="http://hl7.org/fhir">${kids.join('')}</${root}>`;
      check(await collectParts(fhirAdapter.extract(bytesInput('f.xml', xml, 'fhir-xml'))));
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
  );
});

test('FHIR XML: any cut of a valid bundle is read leniently or refused, never an exception', async () => {
  const xml = '<Bundle xmlns="http://hl7.org/fhir"><type value="collection"/><entry><resource><Patient><id value="p"/><name><family value="Ünïcödé"/></name></Patient></resource></entry></Bundle>';
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: xml.length - 1 }), async (cut) => {
      check(await collectParts(fhirAdapter.extract(bytesInput('cut.xml', Buffer.from(xml).subarray(0, cut), 'fhir-xml'))));
    }),
    { numRuns: 100 },
  );
});
