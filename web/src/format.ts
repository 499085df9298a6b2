/** Dates as people read them; partial dates stay partial ("2019", "March 2019"). */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(d: string | undefined): string {
  if (!d) return 'no date';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(d);
  if (!m) return d;
  if (!m[2]) return m[1];
  const month = MONTHS[Number(m[2]) - 1] ?? m[2];
  if (!m[3]) return `${month} ${m[1]}`;
  return `${Number(m[3])} ${month.slice(0, 3)} ${m[1]}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const TYPE_LABELS: Record<string, string> = {
  Encounter: 'Visits',
  Observation: 'Results',
  DiagnosticReport: 'Reports',
  Procedure: 'Procedures',
  Immunization: 'Immunizations',
  ImagingStudy: 'Imaging',
  Condition: 'Problems',
  MedicationStatement: 'Medications',
  MedicationRequest: 'Prescriptions',
  AllergyIntolerance: 'Allergies',
  DocumentReference: 'Document references',
  CarePlan: 'Care plans',
  FamilyMemberHistory: 'Family history',
  Document: 'Documents',
};

export const STATE_LABELS: Record<string, string> = {
  queued: 'Waiting',
  processing: 'Reading',
  done: 'Read',
  failed: 'Could not read',
  unsupported: 'Kept, not readable yet',
};
