/**
 * A fixture record with known answers, built through the real pipeline: a FHIR bundle
 * (vaccines, labs over time, medications, allergies, problems, a colonoscopy, an appendectomy,
 * visits with named doctors, blood type) plus a plain-text "fax" whose page 2 mentions a
 * mammogram result, imported through the plain-text fixture adapter.
 */
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { openTestVessel, type TestVessel } from '../helpers/vessels.js';
import { textFixtureAdapter } from '../helpers/text-adapter.js';
import { fhirAdapter } from '../../src/sources/fhir/index.js';

const LOINC = 'http://loinc.org';
const CVX = 'http://hl7.org/fhir/sid/cvx';
const SCT = 'http://snomed.info/sct';
const pat = { reference: 'urn:uuid:p1' };

function lab(id: string, code: string, display: string, value: number, unit: string, date: string): Resource {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: { coding: [{ system: LOINC, code, display }], text: display },
    subject: pat,
    effectiveDateTime: date,
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  } as Resource;
}

function vaccine(id: string, cvx: string, display: string, date: string): Resource {
  return { resourceType: 'Immunization', id, status: 'completed', vaccineCode: { coding: [{ system: CVX, code: cvx, display }] }, patient: pat, occurrenceDateTime: date } as Resource;
}

export function fixtureBundle(): Bundle {
  const resources: Resource[] = [
    { resourceType: 'Patient', id: 'p1', name: [{ given: ['Ann'], family: 'Example' }], birthDate: '1960-04-12', gender: 'female', telecom: [{ system: 'phone', value: '555-0100' }], address: [{ line: ['1 Main St'], city: 'Springfield', state: 'IL', postalCode: '62701' }] } as Resource,
    vaccine('im1', '09', 'Td (adult), adsorbed', '2012-06-01'),
    vaccine('im2', '115', 'Tdap', '2019-05-01'),
    vaccine('im3', '158', 'influenza, injectable, quadrivalent', '2023-10-10'),
    vaccine('im4', '208', 'COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose', '2021-04-02'),
    vaccine('im5', '300', 'COVID-19, mRNA, LNP-S, bivalent, PF, 30 mcg/0.3 mL', '2023-09-20'),
    lab('o1', '4548-4', 'Hemoglobin A1c', 7.4, '%', '2022-01-10'),
    lab('o2', '4548-4', 'Hemoglobin A1c', 6.9, '%', '2023-01-12'),
    lab('o3', '4548-4', 'Hemoglobin A1c', 6.5, '%', '2024-01-15'),
    lab('o4', '13457-7', 'LDL Cholesterol', 131, 'mg/dL', '2022-01-10'),
    lab('o5', '13457-7', 'LDL Cholesterol', 98, 'mg/dL', '2024-01-15'),
    lab('o6', '2160-0', 'Creatinine', 0.9, 'mg/dL', '2023-01-12'),
    lab('o7', '2160-0', 'Creatinine', 1.1, 'mg/dL', '2024-01-15'),
    lab('o8', '3016-3', 'TSH', 2.1, 'm[IU]/L', '2023-01-12'),
    lab('o9', '3016-3', 'TSH', 3.4, 'm[IU]/L', '2024-01-15'),
    {
      resourceType: 'Observation', id: 'bt', status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      code: { coding: [{ system: LOINC, code: '882-1', display: 'ABO and Rh group' }] }, subject: pat, effectiveDateTime: '2015-03-03',
      valueCodeableConcept: { coding: [{ system: SCT, code: '278149003', display: 'Blood group A Rh(D) positive' }], text: 'A positive' },
    } as Resource,
    {
      resourceType: 'Observation', id: 'smk', status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'social-history' }] }],
      code: { coding: [{ system: LOINC, code: '72166-2', display: 'Tobacco smoking status' }] }, subject: pat, effectiveDateTime: '2024-01-15',
      valueCodeableConcept: { coding: [{ system: SCT, code: '8517006', display: 'Former smoker' }], text: 'Former smoker' },
    } as Resource,
    {
      resourceType: 'MedicationStatement', id: 'm1', status: 'active', subject: pat,
      medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '860975', display: 'metformin hydrochloride 500 MG Oral Tablet' }], text: 'Metformin 500 mg tablet' },
      dosage: [{ text: '1 tablet by mouth twice daily', route: { text: 'oral' } }], effectivePeriod: { start: '2021-02-01' },
    } as Resource,
    {
      resourceType: 'MedicationStatement', id: 'm2', status: 'active', subject: pat,
      medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '617312', display: 'atorvastatin 20 MG Oral Tablet' }], text: 'Atorvastatin 20 mg tablet' },
      dosage: [{ text: '1 tablet by mouth at bedtime' }], effectivePeriod: { start: '2022-02-01' },
    } as Resource,
    {
      resourceType: 'MedicationStatement', id: 'm3', status: 'stopped', subject: pat,
      medicationCodeableConcept: { text: 'Amoxicillin 500 mg capsule' }, effectivePeriod: { start: '2018-01-01', end: '2018-01-10' },
    } as Resource,
    {
      resourceType: 'AllergyIntolerance', id: 'a1', patient: pat,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
      code: { coding: [{ system: SCT, code: '764146007', display: 'Penicillin' }], text: 'Penicillin' },
      reaction: [{ manifestation: [{ text: 'Hives' }] }], recordedDate: '2010-05-05',
    } as Resource,
    {
      resourceType: 'Condition', id: 'c1', subject: pat,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' }] }, onsetDateTime: '2021-01-20',
    } as Resource,
    {
      resourceType: 'Condition', id: 'c2', subject: pat,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'K35.80', display: 'Acute appendicitis' }] }, onsetDateTime: '1995-07-01',
    } as Resource,
    { resourceType: 'Procedure', id: 'pr1', status: 'completed', subject: pat, code: { coding: [{ system: SCT, code: '73761001', display: 'Colonoscopy' }] }, performedDateTime: '2021-03-15', outcome: { text: 'One small benign polyp removed; repeat in 5 years' } } as Resource,
    { resourceType: 'Organization', id: 'org1', name: 'Springfield Endocrine Clinic', telecom: [{ system: 'phone', value: '555-0150' }], address: [{ line: ['20 Oak Ave'], city: 'Springfield', state: 'IL' }] } as Resource,
    { resourceType: 'Procedure', id: 'pr2', status: 'completed', subject: pat, code: { coding: [{ system: SCT, code: '80146002', display: 'Appendectomy' }] }, performedDateTime: '1995-07-02' } as Resource,
    { resourceType: 'Practitioner', id: 'dr1', name: [{ given: ['Raj'], family: 'Patel', prefix: ['Dr.'] }], telecom: [{ system: 'phone', value: '555-0199' }] } as Resource,
    { resourceType: 'Practitioner', id: 'dr2', name: [{ given: ['Lena'], family: 'Gomez', prefix: ['Dr.'] }] } as Resource,
    {
      resourceType: 'Encounter', id: 'e1', status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' }, subject: pat,
      serviceType: { text: 'Endocrinology' }, participant: [{ individual: { reference: 'urn:uuid:dr1', display: 'Dr. Raj Patel' } }], period: { start: '2024-01-15' }, serviceProvider: { reference: 'urn:uuid:org1', display: 'Springfield Endocrine Clinic' },
    } as Resource,
    {
      resourceType: 'Encounter', id: 'e2', status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' }, subject: pat,
      serviceType: { text: 'Endocrinology' }, participant: [{ individual: { reference: 'urn:uuid:dr1', display: 'Dr. Raj Patel' } }], period: { start: '2023-01-12' }, serviceProvider: { display: 'Springfield Endocrine Clinic' },
    } as Resource,
    {
      resourceType: 'Encounter', id: 'e3', status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' }, subject: pat,
      serviceType: { text: 'Gastroenterology' }, participant: [{ individual: { reference: 'urn:uuid:dr2', display: 'Dr. Lena Gomez' } }], period: { start: '2021-03-15' }, serviceProvider: { display: 'Valley GI' },
    } as Resource,
    {
      resourceType: 'FamilyMemberHistory', id: 'fh1', status: 'completed', patient: pat, relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'FTH', display: 'father' }] },
      condition: [{ code: { text: 'Heart attack' }, onsetAge: { value: 62, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' } }],
    } as Resource,
  ];
  const entry: BundleEntry[] = resources.map((r) => ({ fullUrl: `urn:uuid:${r.id}`, resource: r }));
  return { resourceType: 'Bundle', type: 'collection', entry };
}

/** A plain-text fax: page 1 a cover, page 2 a radiology report mentioning a mammogram. */
export const FAX_TEXT = [
  'Patient: Ann Example, 1960-04-12',
  'FAX COVER SHEET from Springfield Imaging',
  'Page',
  'RADIOLOGY REPORT',
  'Screening mammogram performed 2024-02-10: BI-RADS 1, negative. No evidence of malignancy.',
  'Signed by Dr. Kim, radiologist',
  'Next screening mammogram due 2025-02-10.',
].join('\n');

export const FAX_NAME = 'imaging-fax.txt';

/** Opens a test vessel and imports the fixture; returns it with the person's id. */
export async function openFixtureVessel(dialect: 'sqlite' | 'postgres'): Promise<TestVessel & { personId: string }> {
  const tv = await openTestVessel(dialect, { adapters: [textFixtureAdapter, fhirAdapter] });
  const v = tv.vessel;
  await v.importer.importBytes(Buffer.from(JSON.stringify(fixtureBundle())), 'summary.json', { channel: 'cli' });
  await v.importer.importBytes(Buffer.from(FAX_TEXT), FAX_NAME, { channel: 'cli' });
  await v.runJobsUntilIdle({ pollMs: 10 });
  const people = await v.store.people.list();
  if (people.length !== 1) throw new Error(`fixture: expected one person, got ${people.length}`);
  return { ...tv, personId: people[0].id };
}
