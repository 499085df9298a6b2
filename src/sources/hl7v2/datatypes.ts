/**
 * HL7 v2 data types → FHIR data types: TS/DT → date/dateTime (precision kept, no invented
 * zone), XPN → HumanName, CX → Identifier, CE/CWE → CodeableConcept, XCN → Reference display,
 * PL → location text. Pure functions over decoded repetitions (see parse.ts `Rep`).
 */
import type { CodeableConcept, Coding, HumanName, Identifier, Reference } from '@medplum/fhirtypes';

/** An untyped reference, assignable to every typed `Reference<…>` element. */
export type Ref = Reference<never>;
import { comp, type Rep } from './parse.js';
import { systemUri, V2_TABLE } from './systems.js';

const TS = /^(\d{4})(\d{2})?(\d{2})?(?:(\d{2})(\d{2})?(\d{2})?(?:\.(\d{1,4}))?)?([+-]\d{4})?$/;

function validDate(y: number, mo?: number, d?: number): boolean {
  if (mo !== undefined && (mo < 1 || mo > 12)) return false;
  if (d !== undefined && mo !== undefined) {
    const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (d < 1 || d > days) return false;
  }
  return y >= 1000;
}

/**
 * HL7 TS/DTM/DT → FHIR date or dateTime, keeping the stated precision: `20200304123000-0500` →
 * `2020-03-04T12:30:00-05:00`, `20200304` → `2020-03-04`, `202003` → `2020-03`. A time without a
 * zone gives the date only (FHIR needs a zone on a time; we never invent one). Undefined if invalid.
 */
export function hl7DateTime(raw: string): string | undefined {
  const s = raw.trim();
  if (!s) return undefined;
  // Already ISO (some senders do this).
  if (/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/.test(s)) {
    const [y, mo, d] = s.slice(0, 10).split('-').map(Number);
    return validDate(y, mo, d) ? s.replace(/T(\d{2}:\d{2})(Z|[+-])/, 'T$1:00$2') : undefined;
  }
  const m = TS.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, hh, mi, ss, frac, zone] = m;
  if (!validDate(Number(y), mo ? Number(mo) : undefined, d ? Number(d) : undefined)) return undefined;
  if (!mo) return y;
  if (!d) return `${y}-${mo}`;
  const date = `${y}-${mo}-${d}`;
  if (!hh || !zone) return date;
  const h = Number(hh);
  const min = Number(mi ?? '0');
  const sec = Number(ss ?? '0');
  const zh = Number(zone.slice(1, 3));
  const zm = Number(zone.slice(3, 5));
  if (h > 23 || min > 59 || sec > 60 || zh > 14 || zm > 59) return date;
  const time = `${hh}:${mi ?? '00'}:${ss ?? '00'}${frac ? `.${frac}` : ''}`;
  return `${date}T${time}${zone.slice(0, 3)}:${zone.slice(3)}`;
}

/** Date part only (for birthDate, a FHIR `date`). */
export function hl7Date(raw: string): string | undefined {
  const v = hl7DateTime(raw);
  return v?.slice(0, 10);
}

const NAME_USE: Record<string, HumanName['use']> = { L: 'official', D: 'usual', M: 'maiden', N: 'nickname', A: 'anonymous', S: 'anonymous', B: 'official', C: 'old', T: 'temp' };

/** XPN (or the name part of XCN starting at `offset`) → HumanName; undefined when empty. */
export function humanName(r: Rep, offset = 0): HumanName | undefined {
  const family = comp(r, 1 + offset);
  const given = [comp(r, 2 + offset), comp(r, 3 + offset)].filter(Boolean);
  const suffix = [comp(r, 4 + offset), comp(r, 6 + offset)].filter(Boolean);
  const prefix = comp(r, 5 + offset);
  if (!family && !given.length) return undefined;
  const n: HumanName = {};
  const use = NAME_USE[comp(r, 7 + offset).toUpperCase()];
  if (use) n.use = use;
  if (family) n.family = family;
  if (given.length) n.given = given;
  if (prefix) n.prefix = [prefix];
  if (suffix.length) n.suffix = suffix;
  n.text = [prefix, ...given, family, ...suffix].filter(Boolean).join(' ');
  return n;
}

/** HD (namespace & universal id & type) → a system string: urn:oid for OIDs, the URI as is, else the namespace. */
export function authoritySystem(ns: string, uid: string, type: string): string | undefined {
  if (uid) {
    if (/^\d+(\.\d+)+$/.test(uid) || type.toUpperCase() === 'ISO') return /^\d+(\.\d+)+$/.test(uid) ? `urn:oid:${uid}` : uid;
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(uid)) return `urn:uuid:${uid.toLowerCase()}`;
    if (/^(https?|urn):/i.test(uid)) return uid;
  }
  return ns || uid || undefined;
}

/** CX → Identifier: value CX-1, system from the assigning authority CX-4 (or CX-6), type CX-5. */
export function identifier(r: Rep): Identifier | undefined {
  const value = comp(r, 1);
  if (!value) return undefined;
  const type = comp(r, 5);
  let system = authoritySystem(comp(r, 4, 1), comp(r, 4, 2), comp(r, 4, 3)) ?? authoritySystem(comp(r, 6, 1), comp(r, 6, 2), comp(r, 6, 3));
  if (!system && type.toUpperCase() === 'SS') system = 'http://hl7.org/fhir/sid/us-ssn';
  const id: Identifier = { value };
  if (system) {
    if (/\s/.test(system)) id.assigner = { display: system };
    else id.system = system;
  }
  if (type) id.type = { coding: [{ system: V2_TABLE('0203'), code: type }] };
  return id;
}

/** The system string person hints carry for a CX (spaces allowed: it is a hint, not a URI). */
export function identifierSystem(id: Identifier): string | undefined {
  return id.system ?? id.assigner?.display;
}

/** CE/CWE/CNE (code^text^system^alt code^alt text^alt system^…^original text) → CodeableConcept. */
export function codeable(r: Rep | undefined): CodeableConcept | undefined {
  if (!r || !r.length) return undefined;
  const codings: Coding[] = [];
  for (const base of [0, 3]) {
    const code = comp(r, base + 1);
    const display = comp(r, base + 2);
    const system = systemUri(comp(r, base + 3));
    if (!code) continue;
    const c: Coding = { code };
    if (system) c.system = system;
    if (display) c.display = display;
    const version = comp(r, base === 0 ? 7 : 8);
    if (version && system) c.version = version;
    codings.push(c);
  }
  const text = comp(r, 9) || comp(r, 2) || comp(r, 5) || (codings.length ? undefined : comp(r, 1));
  if (!codings.length && !text) return undefined;
  const cc: CodeableConcept = {};
  if (codings.length) cc.coding = codings;
  if (text) cc.text = text;
  return cc;
}

/** XCN (id^family^given^…) → Reference with the person's name as display and id as identifier. */
export function practitionerRef(r: Rep | undefined): Ref | undefined {
  if (!r) return undefined;
  const id = comp(r, 1);
  const name = humanName(r, 1);
  if (!id && !name) return undefined;
  const ref: Ref = {};
  if (name?.text) ref.display = name.text;
  else if (id) ref.display = id;
  if (id) {
    const system = authoritySystem(comp(r, 9, 1), comp(r, 9, 2), comp(r, 9, 3));
    ref.identifier = system && !/\s/.test(system) ? { system, value: id } : { value: id };
  }
  return ref;
}

/** PL (point of care^room^bed^facility^status^type^building^floor^description) → readable text. */
export function locationText(r: Rep | undefined): string | undefined {
  if (!r) return undefined;
  const desc = comp(r, 9);
  const parts = [comp(r, 4), comp(r, 7), comp(r, 8), comp(r, 1), comp(r, 2), comp(r, 3)].filter(Boolean);
  const t = desc || parts.join(' ');
  return t || undefined;
}

/** XON organization name (component 1). */
export function orgName(r: Rep | undefined): string | undefined {
  return r ? comp(r, 1) || undefined : undefined;
}

/** A number as HL7 sends it (`+1.5`, `.5`, `1,234`?) → number; undefined when not purely numeric. */
export function hl7Number(s: string): number | undefined {
  const t = s.trim();
  // Not `\d+\.?\d*`: it splits a run of digits every way before failing (quadratic on 200 KB).
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}
