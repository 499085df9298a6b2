/** Code systems as data: CDA OIDs to FHIR system URIs. */

export const OID_TO_URI: Record<string, string> = {
  '2.16.840.1.113883.6.1': 'http://loinc.org',
  '2.16.840.1.113883.6.96': 'http://snomed.info/sct',
  '2.16.840.1.113883.6.88': 'http://www.nlm.nih.gov/research/umls/rxnorm',
  '2.16.840.1.113883.12.292': 'http://hl7.org/fhir/sid/cvx',
  '2.16.840.1.113883.6.59': 'http://hl7.org/fhir/sid/cvx',
  '2.16.840.1.113883.6.90': 'http://hl7.org/fhir/sid/icd-10-cm',
  '2.16.840.1.113883.6.3': 'http://hl7.org/fhir/sid/icd-10',
  '2.16.840.1.113883.6.103': 'http://hl7.org/fhir/sid/icd-9-cm',
  '2.16.840.1.113883.6.104': 'http://hl7.org/fhir/sid/icd-9-cm',
  '2.16.840.1.113883.6.4': 'http://www.cms.gov/Medicare/Coding/ICD10',
  '2.16.840.1.113883.6.12': 'http://www.ama-assn.org/go/cpt',
  '2.16.840.1.113883.6.285': 'urn:oid:2.16.840.1.113883.6.285',
  '2.16.840.1.113883.6.13': 'http://ada.org/cdt',
  '2.16.840.1.113883.6.69': 'http://hl7.org/fhir/sid/ndc',
  '2.16.840.1.113883.4.9': 'http://fdasis.nlm.nih.gov',
  '2.16.840.1.113883.3.26.1.5': 'http://hl7.org/fhir/ndfrt',
  '2.16.840.1.113883.3.26.1.1': 'http://ncimeta.nci.nih.gov',
  '2.16.840.1.113883.6.8': 'http://unitsofmeasure.org',
  '2.16.840.1.113883.6.101': 'http://nucc.org/provider-taxonomy',
  '2.16.840.1.113883.6.238': 'urn:oid:2.16.840.1.113883.6.238',
  '2.16.840.1.113883.5.4': 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  '2.16.840.1.113883.5.6': 'http://terminology.hl7.org/CodeSystem/v3-ActClass',
  '2.16.840.1.113883.5.83': 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  '2.16.840.1.113883.5.112': 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration',
  '2.16.840.1.113883.5.111': 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  '2.16.840.1.113883.5.110': 'http://terminology.hl7.org/CodeSystem/v3-RoleClass',
  '2.16.840.1.113883.5.1': 'http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender',
  '2.16.840.1.113883.5.2': 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus',
  '2.16.840.1.113883.5.8': 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  '2.16.840.1.113883.5.1063': 'http://terminology.hl7.org/CodeSystem/v3-SeverityObservation',
  '2.16.840.1.113883.5.1076': 'http://terminology.hl7.org/CodeSystem/v3-ReligiousAffiliation',
  '2.16.840.1.113883.5.25': 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  '2.16.840.1.113883.5.60': 'http://terminology.hl7.org/CodeSystem/v3-LanguageAbilityMode',
  '2.16.840.1.113883.5.85': 'http://terminology.hl7.org/CodeSystem/v3-ResidentialTreatment',
  '2.16.840.1.113883.5.1008': 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor',
  '2.16.840.1.113883.6.259': 'urn:oid:2.16.840.1.113883.6.259',
  '2.16.840.1.113883.3.221.5': 'urn:oid:2.16.840.1.113883.3.221.5',
  '2.16.840.1.113883.1.11.19185': 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  // European CDA (eHDSI/epSOS patient summaries and prescriptions, CDA-CH, ELGA) code medicines,
  // vaccines and allergens in ATC and dose forms in EDQM; their FHIR counterparts (IPS) write the
  // canonical URIs, so a urn:oid here kept the same drug from matching across the two formats.
  '2.16.840.1.113883.6.73': 'http://www.whocc.no/atc',
  '0.4.0.127.0.16.1.1.2.1': 'http://standardterms.edqm.eu',
  '1.3.6.1.4.1.12559.11.10.1.3.1.44.1': 'http://standardterms.edqm.eu',
  // IPS "absent and unknown data" (no-known-allergies, no-known-problems…): the code system this
  // adapter itself writes for a negated statement naming nothing, so both spellings read alike.
  '2.16.840.1.113883.5.1150.1': 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips',
};

/** FHIR system for a CDA codeSystem attribute: known URI, urn:oid / urn:uuid, or undefined for junk. */
export function systemUri(codeSystem: string | undefined): string | undefined {
  if (!codeSystem) return undefined;
  const cs = codeSystem.trim();
  if (OID_TO_URI[cs]) return OID_TO_URI[cs];
  if (/^[0-2](\.(0|[1-9][0-9]*))+$/.test(cs)) return `urn:oid:${cs}`;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(cs)) return `urn:uuid:${cs.toLowerCase()}`;
  return undefined;
}

export const SNOMED = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
