/**
 * The CDA header: the patient (recordTarget) as a Patient resource and PersonHints, and the
 * document label (type, date, facility, author, title).
 */
import type { Identifier, Patient } from '@medplum/fhirtypes';
import type { Extraction, PersonHints } from '../../core/types.js';
import type { CdaNode } from './xml.js';
import { all, at, attr, kid, kids, templateIds, textOf } from './xml.js';
import { address, compact, concept, entityName, humanName, identifier, nameText, telecom } from './datatypes.js';
import { toFhirDate, toFhirDateTime } from './dates.js';
import type { MapContext } from './context.js';

const DOC_TYPES: Record<string, string> = {
  '2.16.840.1.113883.10.20.22.1.2': 'Continuity of Care Document',
  '2.16.840.1.113883.10.20.22.1.3': 'History and Physical',
  '2.16.840.1.113883.10.20.22.1.4': 'Consultation Note',
  '2.16.840.1.113883.10.20.22.1.5': 'Diagnostic Imaging Report',
  '2.16.840.1.113883.10.20.22.1.6': 'Procedure Note',
  '2.16.840.1.113883.10.20.22.1.7': 'Operative Note',
  '2.16.840.1.113883.10.20.22.1.8': 'Discharge Summary',
  '2.16.840.1.113883.10.20.22.1.9': 'Progress Note',
  '2.16.840.1.113883.10.20.22.1.10': 'Unstructured Document',
  '2.16.840.1.113883.10.20.22.1.13': 'Transfer Summary',
  '2.16.840.1.113883.10.20.22.1.14': 'Referral Note',
  '2.16.840.1.113883.10.20.22.1.15': 'Care Plan',
  '2.16.840.1.113883.10.20.1': 'Continuity of Care Document',
  '2.16.840.1.113883.3.88.11.32.1': 'Continuity of Care Document (HITSP C32)',
};

const GENDER: Record<string, Patient['gender']> = { M: 'male', F: 'female', UN: 'other', UNK: 'unknown' };

export function documentType(root: CdaNode): string | undefined {
  const ids = templateIds(root);
  for (const t of ids) if (DOC_TYPES[t] && t !== '2.16.840.1.113883.10.20.1') return DOC_TYPES[t];
  const code = kid(root, 'code');
  return attr(code, 'displayName') ?? (ids.includes('2.16.840.1.113883.10.20.1') ? DOC_TYPES['2.16.840.1.113883.10.20.1'] : undefined) ?? (textOf(kid(root, 'title')) || undefined);
}

export function documentLabel(root: CdaNode): NonNullable<Extraction['label']> {
  const authors = kids(root, 'author').map((a) => kid(a, 'assignedAuthor'));
  const facility =
    textOf(at(root, 'custodian', 'assignedCustodian', 'representedCustodianOrganization', 'name')) ||
    authors.map((a) => textOf(at(a, 'representedOrganization', 'name'))).find(Boolean) ||
    textOf(at(root, 'componentOf', 'encompassingEncounter', 'location', 'healthCareFacility', 'serviceProviderOrganization', 'name')) ||
    undefined;
  const author = authors.map((a) => nameText(humanName(at(a, 'assignedPerson', 'name')))).find(Boolean) ?? authors.map(entityName).find(Boolean);
  return compact({
    type: documentType(root),
    date: toFhirDateTime(attr(kid(root, 'effectiveTime'), 'value')),
    facility,
    author,
    title: textOf(kid(root, 'title')) || undefined,
  });
}

/** The recordTarget patient: a Patient resource (id 'patient') and identity hints. */
export function patientOf(root: CdaNode, ctx: MapContext): { patient?: Patient & { id: string }; hints?: PersonHints } {
  const role = at(root, 'recordTarget', 'patientRole');
  const p = kid(role, 'patient');
  if (!role) return {};
  const names = kids(p, 'name').map(humanName).filter((n) => !!n);
  const ids = kids(role, 'id').map(identifier).filter((x): x is Identifier => !!x);
  const gender = GENDER[attr(kid(p, 'administrativeGenderCode'), 'code') ?? ''];
  const birthDate = toFhirDate(attr(kid(p, 'birthTime'), 'value'));
  const patient = compact<Patient & { id: string }>({
    resourceType: 'Patient',
    id: 'patient',
    identifier: ids,
    name: names,
    gender,
    birthDate,
    deceasedBoolean: attr(p, 'deceasedInd') === 'true' ? true : undefined,
    address: kids(role, 'addr').map(address).filter((a) => !!a),
    telecom: kids(role, 'telecom').map(telecom).filter((t) => !!t),
    maritalStatus: concept(kid(p, 'maritalStatusCode'), ctx),
    communication: all(p, 'languageCommunication')
      .map((l) => attr(kid(l, 'languageCode'), 'code'))
      .filter((c): c is string => !!c)
      .map((code) => ({ language: { coding: [{ system: 'urn:ietf:bcp:47', code }] } })),
  });
  const main = names[0];
  const hints = compact<PersonHints>({
    name: nameText(main),
    given: main?.given,
    family: main?.family,
    birthDate,
    gender,
    identifiers: ids.filter((i) => i.value).map((i) => compact({ system: i.system, value: i.value! })),
  });
  return { patient: Object.keys(patient).length > 2 ? patient : undefined, hints: Object.keys(hints).length ? hints : undefined };
}
