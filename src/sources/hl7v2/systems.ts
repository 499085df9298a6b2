/** Code tables as data: HL7 v2 coding-system names (CE/CWE-3) → FHIR system URIs, and v2 code maps. */

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const CVX = 'http://hl7.org/fhir/sid/cvx';
export const V2_TABLE = (n: string) => `http://terminology.hl7.org/CodeSystem/v2-${n.padStart(4, '0')}`;

const SYSTEMS: Record<string, string> = {
  LN: LOINC,
  LOINC: LOINC,
  PLT: 'http://loinc.org',
  SCT: 'http://snomed.info/sct',
  SNM: 'http://snomed.info/sct',
  SNM3: 'http://snomed.info/sct',
  SNOMED: 'http://snomed.info/sct',
  SNOMEDCT: 'http://snomed.info/sct',
  CVX: CVX,
  HL70292: CVX,
  MVX: 'http://hl7.org/fhir/sid/mvx',
  HL70227: 'http://hl7.org/fhir/sid/mvx',
  NDC: 'http://hl7.org/fhir/sid/ndc',
  RXNORM: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  RXN: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  I10: 'http://hl7.org/fhir/sid/icd-10-cm',
  I10C: 'http://hl7.org/fhir/sid/icd-10-cm',
  'ICD-10-CM': 'http://hl7.org/fhir/sid/icd-10-cm',
  ICD10: 'http://hl7.org/fhir/sid/icd-10',
  I9: 'http://hl7.org/fhir/sid/icd-9-cm',
  I9C: 'http://hl7.org/fhir/sid/icd-9-cm',
  I9CDX: 'http://hl7.org/fhir/sid/icd-9-cm',
  I9M: 'http://hl7.org/fhir/sid/icd-9-cm',
  C4: 'http://www.ama-assn.org/go/cpt',
  CPT: 'http://www.ama-assn.org/go/cpt',
  UCUM: UCUM,
  'ANS+': UCUM,
  NCIT: 'http://ncithesaurus-stage.nci.nih.gov',
  CDCREC: 'urn:oid:2.16.840.1.113883.6.238',
  NUCC: 'http://nucc.org/provider-taxonomy',
  DCM: 'http://dicom.nema.org/resources/ontology/DCM',
  CDCPHINVS: 'urn:oid:2.16.840.1.114222.4.5.274',
};

/** FHIR system URI for a v2 coding-system name; HL7nnnn tables map to terminology.hl7.org; unknown local names stay traceable. */
export function systemUri(name: string): string | undefined {
  const n = name.trim();
  if (!n) return undefined;
  const known = SYSTEMS[n.toUpperCase()];
  if (known) return known;
  const table = /^HL7(\d{3,4})$/i.exec(n);
  if (table) return V2_TABLE(table[1]);
  if (/^\d+(\.\d+)+$/.test(n)) return `urn:oid:${n}`;
  if (/^(https?|urn):/i.test(n)) return n;
  return `urn:hl7v2:coding-system:${encodeURIComponent(n)}`;
}

/** PID-8 administrative sex → FHIR gender. */
export const GENDER: Record<string, 'male' | 'female' | 'other' | 'unknown'> = { M: 'male', F: 'female', O: 'other', A: 'other', N: 'other', U: 'unknown' };

/** PV1-2 patient class → v3 ActCode encounter class. */
export const ENCOUNTER_CLASS: Record<string, { code: string; display: string }> = {
  I: { code: 'IMP', display: 'inpatient encounter' },
  O: { code: 'AMB', display: 'ambulatory' },
  E: { code: 'EMER', display: 'emergency' },
  P: { code: 'PRENC', display: 'pre-admission' },
  R: { code: 'AMB', display: 'ambulatory' },
  B: { code: 'AMB', display: 'ambulatory' },
  C: { code: 'AMB', display: 'ambulatory' },
  N: { code: 'AMB', display: 'ambulatory' },
  U: { code: 'AMB', display: 'ambulatory' },
};

/** OBX-11 / OBR-25 result status → Observation.status / DiagnosticReport.status. */
export const RESULT_STATUS: Record<string, 'registered' | 'preliminary' | 'final' | 'amended' | 'corrected' | 'cancelled' | 'entered-in-error' | 'unknown'> = {
  F: 'final',
  C: 'corrected',
  A: 'amended',
  P: 'preliminary',
  R: 'preliminary',
  S: 'preliminary',
  I: 'registered',
  O: 'registered',
  X: 'cancelled',
  D: 'entered-in-error',
  W: 'entered-in-error',
  U: 'final',
  N: 'unknown',
};

/** OBX-8 abnormal flags (HL7 table 0078) → v3 ObservationInterpretation codes. */
export const INTERPRETATION: Record<string, string> = {
  L: 'Low', H: 'High', LL: 'Critical low', HH: 'Critical high', '<': 'Off scale low', '>': 'Off scale high',
  N: 'Normal', A: 'Abnormal', AA: 'Critical abnormal', U: 'Significant change up', D: 'Significant change down',
  B: 'Better', W: 'Worse', S: 'Susceptible', R: 'Resistant', I: 'Intermediate', MS: 'Moderately susceptible',
  VS: 'Very susceptible', POS: 'Positive', NEG: 'Negative', IND: 'Indeterminate', DET: 'Detected', ND: 'Not detected',
  E: 'Equivocal', EX: 'outside threshold', HU: 'Significantly high', LU: 'Significantly low',
};
export const INTERPRETATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

/** AL1-2 allergen type (table 0127) → AllergyIntolerance.category. */
export const ALLERGY_CATEGORY: Record<string, 'food' | 'medication' | 'environment' | 'biologic'> = {
  DA: 'medication', MA: 'medication', FA: 'food', EA: 'environment', AA: 'environment', PA: 'environment', LA: 'environment', PLA: 'environment',
};
/** AL1-4 severity (table 0128) → AllergyIntolerance.criticality. */
export const ALLERGY_CRITICALITY: Record<string, 'low' | 'high' | 'unable-to-assess'> = { SV: 'high', MO: 'low', MI: 'low', U: 'unable-to-assess' };

/** Common unit spellings in OBX-6 that are not UCUM as written. */
export const UNIT_TO_UCUM: Record<string, string> = {
  'mg/dl': 'mg/dL', 'g/dl': 'g/dL', 'mmol/l': 'mmol/L', 'meq/l': 'meq/L', 'u/l': 'U/L', 'iu/l': '[IU]/L', 'ng/ml': 'ng/mL', 'pg/ml': 'pg/mL',
  'ug/dl': 'ug/dL', 'mcg/dl': 'ug/dL', 'fl': 'fL', 'pg': 'pg', '%': '%', 'x10e3/ul': '10*3/uL', 'x10e6/ul': '10*6/uL', 'k/ul': '10*3/uL',
  'm/ul': '10*6/uL', '10*3/ul': '10*3/uL', '10*6/ul': '10*6/uL', 'thou/ul': '10*3/uL', 'mill/ul': '10*6/uL', 'bpm': '/min', 'beats/min': '/min',
  '/min': '/min', 'mm[hg]': 'mm[Hg]', 'mmhg': 'mm[Hg]', 'kg': 'kg', 'g': 'g', 'cm': 'cm', 'm': 'm', 'in': '[in_i]', 'lb': '[lb_av]', 'lbs': '[lb_av]',
  'degf': '[degF]', 'degc': 'Cel', 'cel': 'Cel', 'ml/min/1.73m2': 'mL/min/{1.73_m2}', 'ml': 'mL', 'l': 'L', 'mg': 'mg', 'ug/l': 'ug/L', 'miu/ml': 'm[IU]/mL',
  'uiu/ml': 'u[IU]/mL', 'miu/l': 'm[IU]/L', 'ng/dl': 'ng/dL', 'umol/l': 'umol/L', 'mg/l': 'mg/L', 's': 's', 'sec': 's', 'ratio': '{ratio}', 'kg/m2': 'kg/m2',
};
