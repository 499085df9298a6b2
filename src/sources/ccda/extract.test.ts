import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AllergyIntolerance, Composition, Condition, MedicationStatement } from '@medplum/fhirtypes';
import { extractCda } from './extract.js';
import { ccdaAdapter } from './index.js';
import { cdaDocument } from './test-helpers.js';
import { invalidities } from './validate.js';
import { listFiles } from '../../eval/ccda.js';
import { detectFormat } from '../../detect/detect.js';
import { SHARED_CORPUS } from '../../../test/helpers/corpus.js';

const ALLERGIES = '2.16.840.1.113883.10.20.22.2.6.1';
const PROBLEMS = '2.16.840.1.113883.10.20.22.2.5.1';
const allergy = (substance: string, id: string) => `<act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.30"/><id root="${id}"/><code code="CONC" codeSystem="2.16.840.1.113883.5.6"/><statusCode code="active"/>
<entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.7"/><id root="${id}" extension="obs"/><code code="ASSERTION" codeSystem="2.16.840.1.113883.5.4"/><statusCode code="completed"/>
<value xsi:type="CD" code="419511003" codeSystem="2.16.840.1.113883.6.96"/><participant typeCode="CSM"><participantRole><playingEntity><code code="${substance}" codeSystem="2.16.840.1.113883.6.88"><originalText><reference value="#a-${substance}"/></originalText></code></playingEntity></participantRole></participant></observation></entryRelationship></act>`;
const nullAllergy = `<act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.30"/><code code="CONC" codeSystem="2.16.840.1.113883.5.6"/><statusCode code="active"/>
<entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.7"/><code code="ASSERTION" codeSystem="2.16.840.1.113883.5.4"/><value xsi:type="CD" nullFlavor="NI"/><participant typeCode="CSM"><participantRole><playingEntity><code nullFlavor="NI"/></playingEntity></participantRole></participant></observation></entryRelationship></act>`;

const doc = cdaDocument([
  { template: ALLERGIES, code: '48765-2', title: 'Allergies', text: '<table><tr><th>Substance</th><th>Reaction</th></tr><tr><td ID="a-7980">Penicillin</td><td>Hives</td></tr><tr><td ID="a-2670">Codeine</td><td>Nausea</td></tr></table>', entries: [allergy('7980', '1.2.3'), allergy('2670', '1.2.4'), nullAllergy] },
  { code: '11450-4', template: PROBLEMS, title: 'Problems', text: '<list><item>Asthma</item></list>', entries: [`<observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.4"/><code code="55607006" codeSystem="2.16.840.1.113883.6.96"/><effectiveTime><low value="2008"/></effectiveTime><value xsi:type="CD" code="195967001" codeSystem="2.16.840.1.113883.6.96" displayName="Asthma"/></observation>`] },
  { code: '10164-2', title: 'History of Present Illness', text: '<paragraph>Patient reports <content styleCode="Bold">three days</content> of cough.</paragraph><paragraph>No fever.</paragraph>' },
]);

test('a CCD yields label, patient, resources located by XPath and entry id, and narrative pages', () => {
  const x = extractCda(Buffer.from(doc), 'ccd.xml');
  assert.deepEqual(x.label, { type: 'Continuity of Care Document', date: '2019-03-04T12:30:00-05:00', facility: 'Community Health and Hospitals', author: 'Henry Seven', title: 'Summary of care' });
  assert.deepEqual(x.subjects?.main, { name: 'Eve Everywoman', given: ['Eve'], family: 'Everywoman', birthDate: '1975-05-01', gender: 'female', identifiers: [{ system: 'urn:oid:2.16.840.1.113883.19.5.99999.2', value: '998991' }] });
  const allergies = x.resources.filter((r) => r.resource.resourceType === 'AllergyIntolerance');
  assert.equal(allergies.length, 2, 'the nullFlavored placeholder entry gives nothing');
  assert.equal(allergies[0].location.xpath, '/ClinicalDocument/component/structuredBody/component[1]/section/entry[1]');
  assert.equal(allergies[1].location.xpath, '/ClinicalDocument/component/structuredBody/component[1]/section/entry[2]');
  assert.equal(allergies[0].location.entryId, '1.2.3');
  assert.equal((allergies[1].resource as AllergyIntolerance).code?.text, 'Codeine', 'originalText reference resolved into the narrative');
  const problem = x.resources.find((r) => r.resource.resourceType === 'Condition')!.resource as Condition;
  assert.equal(problem.onsetDateTime, '2008');
  assert.equal(problem.subject.reference, 'Patient/patient');
  assert.ok(x.resources.some((r) => r.resource.resourceType === 'Patient' && r.resource.id === 'patient'));
  assert.equal(x.pages?.length, 3);
  assert.deepEqual(x.pages?.[0], { page: 1, text: 'Allergies\nSubstance | Reaction\nPenicillin | Hives\nCodeine | Nausea', method: 'narrative' });
  assert.equal(x.pages?.[2].text, 'History of Present Illness\nPatient reports three days of cough.\nNo fever.', 'a narrative-only section is kept and searchable');
  for (const r of x.resources) assert.deepEqual(invalidities(r.resource), [], r.resource.resourceType);
  assert.ok(!x.issues.some((i) => i.severity === 'error'));
  const comp = x.resources.find((r) => r.resource.resourceType === 'Composition')?.resource as Composition;
  assert.equal(comp.date, '2019-03-04T12:30:00-05:00');
  assert.equal(comp.section?.[0].entry?.length, 2);
  assert.equal(comp.section?.[2].text?.div, '<div xmlns="http://www.w3.org/1999/xhtml"><p>Patient reports three days of cough.</p><p>No fever.</p></div>');
});

test('duplicate entries within a document are kept once, with an information issue', () => {
  const dup = cdaDocument([{ template: ALLERGIES, code: '48765-2', title: 'Allergies', entries: [allergy('7980', '1.2.3'), allergy('7980', '9.9.9')] }]);
  const x = extractCda(Buffer.from(dup));
  assert.equal(x.resources.filter((r) => r.resource.resourceType === 'AllergyIntolerance').length, 1);
  const info = x.issues.find((i) => i.code === 'duplicate-entry');
  assert.equal(info?.location?.xpath, '/ClinicalDocument/component/structuredBody/component[1]/section/entry[2]');
});

test('single-line files without XML declaration and R1.1 template ids are read the same', () => {
  const r11 = cdaDocument([{ template: '2.16.840.1.113883.10.20.22.2.6', code: '48765-2', title: 'Allergies', entries: [allergy('7980', '1.2.3')] }], { declaration: false }).replace(/\n/g, '');
  const x = extractCda(Buffer.from(r11));
  assert.equal(x.resources.filter((r) => r.resource.resourceType === 'AllergyIntolerance').length, 1);
  const withBom = extractCda(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(r11)]));
  assert.equal(withBom.resources.length, x.resources.length);
});

test('junk values (bad date, code system, dose) are dropped and the rest of the document still maps', () => {
  const broken = cdaDocument([
    { code: '10160-0', template: '2.16.840.1.113883.10.20.22.2.1.1', title: 'Medications', entries: ['<substanceAdministration classCode="SBADM" moodCode="EVN"><effectiveTime value="99999999"/><consumable><manufacturedProduct><manufacturedMaterial><code code="1" codeSystem="not an oid" displayName="Aspirin"/></manufacturedMaterial></manufacturedProduct></consumable><doseQuantity value="abc" unit=""/></substanceAdministration>'] },
    { template: ALLERGIES, code: '48765-2', title: 'Allergies', entries: [allergy('7980', '1.2.3')] },
  ]);
  const x = extractCda(Buffer.from(broken));
  const med = x.resources.find((r) => r.resource.resourceType === 'MedicationStatement')?.resource as MedicationStatement;
  assert.equal(med.medicationCodeableConcept?.coding?.[0].system, undefined, 'a junk code system is dropped, not invented');
  assert.equal(med.effectiveDateTime, undefined);
  assert.ok(x.resources.some((r) => r.resource.resourceType === 'AllergyIntolerance'));
  for (const r of x.resources) assert.deepEqual(invalidities(r.resource), []);
});

test('an unstructured document hands its embedded PDF on as a child file', async () => {
  const pdf = Buffer.from('%PDF-1.4\n% fake\n');
  const xml = cdaDocument([]).replace(/<component><structuredBody>.*<\/structuredBody><\/component>/s, `<component><nonXMLBody><text mediaType="application/pdf" representation="B64">${pdf.toString('base64').replace(/(.{8})/g, '$1\n')}</text></nonXMLBody></component>`);
  const x = await ccdaAdapter.extract({ filename: 'scan.xml', format: 'cda-xml', size: xml.length, bytes: async () => Buffer.from(xml), stream: () => { throw new Error('unused'); } });
  assert.ok(!(Symbol.asyncIterator in x));
  const ex = x as Awaited<ReturnType<typeof extractCda>>;
  assert.equal(ex.children?.length, 1);
  assert.equal(ex.children?.[0].name, 'scan-embedded.pdf');
  assert.equal(ex.children?.[0].relation, 'embedded');
  assert.deepEqual(Buffer.from(ex.children![0].bytes), pdf);
});

const corpus = join(SHARED_CORPUS, 'ccda');
test('corpus documents map without invalid FHIR and with every section narrative kept', { skip: !existsSync(corpus) && 'shared corpus not present' }, () => {
  const files = listFiles(join(corpus, 'jmandel-sample_ccdas')).slice(0, 15);
  let resources = 0;
  for (const f of files) {
    const b = readFileSync(f);
    if (detectFormat(b.subarray(0, 65536), b.length) !== 'cda-xml') continue;
    const x = extractCda(b, f);
    resources += x.resources.length;
    for (const r of x.resources) assert.deepEqual(invalidities(r.resource), [], `${f} ${r.resource.resourceType}`);
    assert.ok(!x.issues.some((i) => i.severity === 'error'), f);
  }
  assert.ok(resources > 100);
});
