import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MedicationStatement } from '@medplum/fhirtypes';
import { mapMedicationEntry } from './medications.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

const med = (attrs = '', product = `<code code="197361" codeSystem="2.16.840.1.113883.6.88" displayName="Amlodipine 5 MG Oral Tablet"/>`) => `<substanceAdministration classCode="SBADM" moodCode="EVN" ${attrs}><templateId root="2.16.840.1.113883.10.20.22.4.16"/><id root="cdbd33f0-6cde-11db-9fe1-0800200c9a66"/>
<text><reference value="#sig1"/></text><statusCode code="active"/>
<effectiveTime xsi:type="IVL_TS"><low value="20120318"/><high nullFlavor="UNK"/></effectiveTime>
<effectiveTime xsi:type="PIVL_TS" institutionSpecified="true" operator="A"><period value="12" unit="h"/></effectiveTime>
<routeCode code="C38288" codeSystem="2.16.840.1.113883.3.26.1.1" displayName="ORAL"/><doseQuantity value="1"/>
<consumable><manufacturedProduct classCode="MANU"><templateId root="2.16.840.1.113883.10.20.22.4.23"/><manufacturedMaterial>${product}</manufacturedMaterial></manufacturedProduct></consumable></substanceAdministration>`;

test('a medication keeps its RxNorm code, start date, route, dose, frequency and sig text', () => {
  const [m] = mapMedicationEntry(fragment(med()), testContext({ sig1: 'Take one tablet twice a day' })) as MedicationStatement[];
  assert.equal(m.resourceType, 'MedicationStatement');
  assert.equal(m.status, 'active');
  assert.equal(m.medicationCodeableConcept?.coding?.[0].code, '197361');
  assert.equal(m.effectivePeriod?.start, '2012-03-18');
  assert.equal(m.effectivePeriod?.end, undefined);
  const d = m.dosage?.[0];
  assert.equal(d?.text, 'Take one tablet twice a day');
  assert.equal(d?.route?.coding?.[0].display, 'ORAL');
  assert.equal(d?.doseAndRate?.[0].doseQuantity?.value, 1);
  assert.deepEqual(d?.timing?.repeat, { frequency: 1, period: 12, periodUnit: 'h' });
});

test('a negated medication naming nothing means "no known medications"; with a product it is not-taken', () => {
  const [none] = mapMedicationEntry(fragment(med('negationInd="true"', '<code nullFlavor="NI"/>')), testContext()) as MedicationStatement[];
  assert.equal(none.medicationCodeableConcept?.coding?.[0].code, 'no-known-medications');
  assert.equal(none.status, 'not-taken');
  const [notTaken] = mapMedicationEntry(fragment(med('negationInd="true"')), testContext()) as MedicationStatement[];
  assert.equal(notTaken.status, 'not-taken');
  assert.equal(notTaken.medicationCodeableConcept?.coding?.[0].code, '197361');
});

test('a planned medication (moodCode INT) is intended unless its statusCode says active', () => {
  const [m] = mapMedicationEntry(fragment(med().replace('moodCode="EVN"', 'moodCode="INT"').replace('<statusCode code="active"/>', '<statusCode code="new"/>')), testContext()) as MedicationStatement[];
  assert.equal(m.status, 'intended');
  const [a] = mapMedicationEntry(fragment(med().replace('moodCode="EVN"', 'moodCode="INT"')), testContext()) as MedicationStatement[];
  assert.equal(a.status, 'active', 'vendors list current prescriptions as INT + active');
});

test('a medication known only by free text keeps the text', () => {
  const [m] = mapMedicationEntry(fragment(med('', '<code nullFlavor="OTH"><originalText>Grandma\'s herbal tea</originalText></code>')), testContext()) as MedicationStatement[];
  assert.equal(m.medicationCodeableConcept?.text, "Grandma's herbal tea");
  assert.equal(m.medicationCodeableConcept?.coding, undefined);
});

test('a product with no coded code is named and coded by its active ingredients and class (epsos:/pharm: extensions)', () => {
  const product = (material: string) =>
    fragment(`<substanceAdministration classCode="SBADM" moodCode="EVN" xmlns:epsos="urn:epsos-org:ep:medication" xmlns:pharm="urn:hl7-org:pharm">
    <text><reference value="#row1"/></text><statusCode code="completed"/>
    <consumable><manufacturedProduct><manufacturedMaterial>${material}</manufacturedMaterial></manufacturedProduct></consumable></substanceAdministration>`);
  const ctx = testContext({ row1: 'inhaler | R03CC02 | 100 mcg | twice daily' });
  // one ingredient (eHDSI): its ATC code and name, not the narrative row the originalText points at
  const [one] = mapMedicationEntry(
    product(`<code><originalText><reference value="#row1"/></originalText></code><name nullFlavor="NI"/>
    <epsos:ingredient classCode="ACTI"><epsos:quantity><epsos:numerator value="100" unit="ug" xsi:type="epsos:PQ"/><epsos:denominator value="1" unit="1" xsi:type="epsos:PQ"/></epsos:quantity>
    <epsos:ingredient classCode="MMAT" determinerCode="KIND"><epsos:code code="R03CC02" codeSystem="2.16.840.1.113883.6.73" displayName="salbutamol"/><epsos:name>Salbutamol</epsos:name></epsos:ingredient></epsos:ingredient>`),
    ctx,
  ) as MedicationStatement[];
  assert.deepEqual(one.medicationCodeableConcept, { coding: [{ system: 'http://www.whocc.no/atc', code: 'R03CC02', display: 'salbutamol' }], text: 'Salbutamol' });
  // a combination (IPS pharm:): the class code, the ingredients' names; the product name wins when present
  const [combo] = mapMedicationEntry(
    product(`<code nullFlavor="NA"/><name>Triveram</name>
    <pharm:asSpecializedKind classCode="GRIC"><pharm:generalizedMaterialKind classCode="MMAT"><pharm:code code="C10BX11" codeSystem="2.16.840.1.113883.6.73" displayName="atorvastatin, amlodipine and perindopril"/></pharm:generalizedMaterialKind></pharm:asSpecializedKind>
    <pharm:ingredient classCode="ACTI"><pharm:ingredientSubstance><pharm:name>atorvastatin</pharm:name></pharm:ingredientSubstance></pharm:ingredient>
    <pharm:ingredient classCode="ACTI"><pharm:ingredientSubstance><pharm:name>perindopril</pharm:name></pharm:ingredientSubstance></pharm:ingredient>`),
    testContext(),
  ) as MedicationStatement[];
  assert.deepEqual(combo.medicationCodeableConcept, { coding: [{ system: 'http://www.whocc.no/atc', code: 'C10BX11', display: 'atorvastatin, amlodipine and perindopril' }], text: 'Triveram' });
  const [unnamed] = mapMedicationEntry(
    product(`<code nullFlavor="NA"/><pharm:ingredient classCode="ACTI"><pharm:ingredientSubstance><pharm:name>atorvastatin</pharm:name></pharm:ingredientSubstance></pharm:ingredient>
    <pharm:ingredient classCode="ACTI"><pharm:ingredientSubstance><pharm:name>perindopril</pharm:name></pharm:ingredientSubstance></pharm:ingredient>`),
    testContext(),
  ) as MedicationStatement[];
  assert.deepEqual(unnamed.medicationCodeableConcept, { text: 'atorvastatin + perindopril' });
  // a coded product is left as it was
  const [coded] = mapMedicationEntry(product(`<code code="314076" codeSystem="2.16.840.1.113883.6.88" displayName="lisinopril 10 MG Oral Tablet"/><epsos:ingredient classCode="ACTI"><epsos:ingredient><epsos:name>lisinopril</epsos:name></epsos:ingredient></epsos:ingredient>`), testContext()) as MedicationStatement[];
  assert.equal(coded.medicationCodeableConcept?.coding?.[0].code, '314076');
  assert.equal(coded.medicationCodeableConcept?.text, 'lisinopril 10 MG Oral Tablet');
});
