/** PID → Patient and the person hints (name, birth date, sex, PID-3 identifiers with their assigning authority). */
import type { Address, ContactPoint, Patient } from '@medplum/fhirtypes';
import type { PersonHints } from '../../core/types.js';
import { hl7Date, humanName, identifier, identifierSystem } from './datatypes.js';
import { comp, type Seg } from './parse.js';
import { GENDER } from './systems.js';
import { prune } from './context.js';

export interface MappedPatient {
  /** Subject key: the first PID-3 identifier (`system|value`), else undefined (caller picks one). */
  key?: string;
  hints: PersonHints;
  patient: Patient;
}

function address(seg: Seg): Address[] {
  return seg.reps(11).map((r) =>
    prune<Address>({
      line: [comp(r, 1), comp(r, 2)].filter(Boolean),
      city: comp(r, 3),
      state: comp(r, 4),
      postalCode: comp(r, 5),
      country: comp(r, 6),
    }),
  ).filter((a) => Object.keys(a).length);
}

function telecom(seg: Seg): ContactPoint[] {
  const out: ContactPoint[] = [];
  for (const [n, use] of [[13, 'home'], [14, 'work']] as const) {
    for (const r of seg.reps(n)) {
      const email = comp(r, 4);
      const phone = comp(r, 1) || [comp(r, 5) && `+${comp(r, 5)}`, comp(r, 6), comp(r, 7)].filter(Boolean).join(' ');
      if (phone) out.push({ system: 'phone', value: phone, use });
      if (email) out.push({ system: 'email', value: email });
    }
  }
  return out;
}

/** Maps one PID segment. `id` is the Patient resource id to use. */
export function mapPatient(pid: Seg, id: string): MappedPatient {
  const identifiers = [...pid.reps(3), ...pid.reps(2), ...pid.reps(4)].map(identifier).filter((x) => x !== undefined);
  // PID-2 and PID-4 (external/alternate ids) sometimes repeat PID-3.
  const seen = new Set<string>();
  const unique = identifiers.filter((i) => {
    const k = `${identifierSystem(i) ?? ''}|${i.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const ssn = pid.get(19);
  if (ssn && !unique.some((i) => i.value === ssn)) unique.push({ system: 'http://hl7.org/fhir/sid/us-ssn', value: ssn });
  const names = pid.reps(5).map((r) => humanName(r)).filter((x) => x !== undefined);
  const birthDate = hl7Date(pid.get(7));
  const gender = GENDER[pid.get(8).toUpperCase()];
  const deceased = pid.get(30).toUpperCase();
  const deathTime = pid.get(29);
  const patient: Patient = prune<Patient>({
    resourceType: 'Patient',
    id,
    identifier: unique,
    name: names,
    birthDate,
    gender,
    address: address(pid),
    telecom: telecom(pid),
    ...(deceased === 'Y' ? { deceasedBoolean: true } : {}),
  });
  if (deathTime && deceased !== 'N') {
    const t = hl7Date(deathTime);
    if (t) {
      delete patient.deceasedBoolean;
      patient.deceasedDateTime = t;
    }
  }
  const name = names.find((n) => n.use === 'official') ?? names[0];
  const hints: PersonHints = prune<PersonHints>({
    name: name?.text,
    given: name?.given,
    family: name?.family,
    birthDate,
    gender,
    identifiers: unique.map((i) => ({ system: identifierSystem(i), value: i.value! })),
  });
  const first = unique[0];
  const key = first ? `${identifierSystem(first) ?? ''}|${first.value}` : undefined;
  return { key, hints, patient };
}
