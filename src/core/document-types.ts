/**
 * Names of the LOINC document types EHRs and payers send as a bare code (US Core's clinical
 * note types and the other common kinds; LOINC short names, see src/record/normalize/data/NOTICE).
 * A note typed only `51852-2` had "51852-2" for its title.
 */
export const DOCUMENT_TYPES: Record<string, string> = {
  '11488-4': 'Consult note',
  '18842-5': 'Discharge summary',
  '34117-2': 'History and physical note',
  '28570-0': 'Procedure note',
  '11506-3': 'Progress note',
  '18748-4': 'Diagnostic imaging study',
  '11502-2': 'Laboratory report',
  '11526-1': 'Pathology study',
  '34111-5': 'Emergency department note',
  '57133-1': 'Referral note',
  '51852-2': 'Letter',
  '34133-9': 'Summary of episode note',
  '60591-5': 'Patient summary',
  '34109-9': 'Note',
  '68608-9': 'Summary note',
  '51847-2': 'Evaluation and plan note',
  '34746-8': 'Nurse note',
  '18761-7': 'Transfer summary note',
  '18776-5': 'Plan of care note',
  '11504-8': 'Surgical operation note',
  '11505-5': 'Physician procedure note',
  '42348-3': 'Advance directives',
  '64290-0': 'Insurance card',
  '59284-0': 'Consent',
};

/** The name of a bare LOINC document code among `codings`, if it is one of DOCUMENT_TYPES. */
export function documentTypeName(codings: ReadonlyArray<{ system?: string; code?: string }> | undefined): string | undefined {
  for (const c of codings ?? []) if (c.code && (c.system === 'http://loinc.org' || !c.system) && DOCUMENT_TYPES[c.code]) return DOCUMENT_TYPES[c.code];
  return undefined;
}
