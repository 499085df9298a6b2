/**
 * Which person each resource belongs to. A subject key is the source Patient id, so resources
 * in other files of the same export (which say `Patient/<id>`) land on the same key, and every
 * subject carries the identifier `urn:vessel:fhir-patient|<id>` for the pipeline to match on.
 */
import type { PersonHints } from '../../core/types.js';
import { parseReference } from './references.js';

export const FHIR_PATIENT_SYSTEM = 'urn:vessel:fhir-patient';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');

/** Person hints stated by a Patient resource (R4 or DSTU2, whose family name is an array). */
export function patientHints(p: Json): PersonHints {
  const hints: PersonHints = {};
  const names = Array.isArray(p.name) ? p.name.filter(isObj) : [];
  const name = names.find((n) => n.use === 'official') ?? names.find((n) => n.use !== 'old' && n.use !== 'nickname') ?? names[0];
  if (name) {
    const given = strings(name.given);
    const family = strings(name.family).join(' ');
    if (given.length) hints.given = given;
    if (family) hints.family = family;
    const full = typeof name.text === 'string' && name.text ? name.text : [...given, family].filter(Boolean).join(' ');
    if (full) hints.name = full;
  }
  if (typeof p.birthDate === 'string') hints.birthDate = p.birthDate;
  if (typeof p.gender === 'string') hints.gender = p.gender;
  const identifiers: NonNullable<PersonHints['identifiers']> = [];
  for (const i of Array.isArray(p.identifier) ? p.identifier : []) {
    if (isObj(i) && typeof i.value === 'string' && i.value) identifiers.push(typeof i.system === 'string' ? { system: i.system, value: i.value } : { value: i.value });
  }
  if (typeof p.id === 'string') identifiers.push({ system: FHIR_PATIENT_SYSTEM, value: p.id });
  if (identifiers.length) hints.identifiers = identifiers;
  return hints;
}

/** Elements through which a resource names its patient, in order of preference. */
const PATIENT_ELEMENTS = ['subject', 'patient', 'beneficiary'];

/** Tracks the patients of one input and the subject key of each resource. */
export class SubjectTracker {
  /** Patients present in the input: key → hints. */
  private known = new Map<string, PersonHints>();
  /** fullUrl (urn:uuid:… or absolute) of a Patient entry → key. */
  private byUrl = new Map<string, string>();
  private anonymous = 0;
  private byObject = new WeakMap<object, string>();
  /** Keys used since the last drain. */
  private used = new Set<string>();

  /** Registers a Patient (call before its referrers where possible); returns its key. */
  addPatient(p: Json, fullUrl?: string): string {
    // No id: a fullUrl ending in Patient/<id> still gives the id other files will use.
    const fromUrl = fullUrl ? parseReference(fullUrl) : undefined;
    const id = typeof p.id === 'string' && p.id ? p.id : fromUrl?.type === 'Patient' ? fromUrl.id : undefined;
    const key = this.byObject.get(p) ?? id ?? fullUrl ?? `patient-${++this.anonymous}`;
    this.known.set(key, patientHints(id && !p.id ? { ...p, id } : p));
    this.byObject.set(p, key);
    if (fullUrl) this.byUrl.set(fullUrl, key);
    return key;
  }

  /** Key of an already registered patient (by its fullUrl), so a pre-scan and the main pass agree. */
  keyOfUrl(fullUrl: string | undefined): string | undefined {
    return fullUrl ? this.byUrl.get(fullUrl) : undefined;
  }

  /** The subject key for a resource, or undefined when it names no patient. */
  subjectOf(r: Json, fullUrl?: string): string | undefined {
    let key: string | undefined;
    if (r.resourceType === 'Patient') key = this.addPatient(r, fullUrl);
    else {
      for (const el of PATIENT_ELEMENTS) {
        key = this.keyOfReference(r[el]);
        if (key) break;
      }
    }
    if (key) this.used.add(key);
    return key;
  }

  private keyOfReference(v: unknown): string | undefined {
    if (!isObj(v)) return undefined;
    if (typeof v.reference === 'string') {
      const byUrl = this.byUrl.get(v.reference);
      if (byUrl) return byUrl;
      const p = parseReference(v.reference);
      if (p.type === 'Patient' && p.id) return p.id;
      return undefined;
    }
    // Logical reference: a patient named only by identifier.
    const i = v.identifier;
    if ((v.type === undefined || v.type === 'Patient') && isObj(i) && typeof i.value === 'string') {
      const key = `identifier:${typeof i.system === 'string' ? i.system : ''}|${i.value}`;
      if (!this.known.has(key)) this.known.set(key, { identifiers: [typeof i.system === 'string' ? { system: i.system, value: i.value } : { value: i.value }] });
      return key;
    }
    return undefined;
  }

  /** Subjects used since the last call: full hints for known patients, the id alone for others. */
  drain(): Record<string, PersonHints> | undefined {
    if (!this.used.size) return undefined;
    const out: Record<string, PersonHints> = {};
    for (const key of this.used) out[key] = this.known.get(key) ?? { identifiers: [{ system: FHIR_PATIENT_SYSTEM, value: key }] };
    this.used.clear();
    return out;
  }
}
