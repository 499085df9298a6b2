/**
 * CDA data types to FHIR data types: CD/CE → CodeableConcept (translations kept as extra
 * codings, originalText and narrative references resolved), PQ → Quantity, IVL_TS → Period,
 * PN → HumanName, AD → Address, TEL → ContactPoint, II → Identifier. All return undefined
 * rather than an empty object.
 */
import type { Address, CodeableConcept, Coding, ContactPoint, HumanName, Identifier, Period, Quantity, Range, Ratio } from '@medplum/fhirtypes';
import { createRequire } from 'node:module';
import type { MapContext } from './context.js';
import type { CdaNode } from './xml.js';
import { all, at, attr, elements, kid, kids, textOf } from './xml.js';
import { resolveRef } from './narrative.js';
import { systemUri, UCUM } from './systems.js';
import { toFhirDate, toFhirDateTime } from './dates.js';

/** Empty elements out (FHIR forbids them); the same rule for every source. */
import { pruneEmpty as compact } from '../../core/prune.js';
import { MAX_UCUM_LENGTH } from '../../core/ucum-length.js';
export { compact };

const cleanCode = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim() || undefined;

/** Text of an originalText / text element: its own text, else the narrative its reference points at. */
export function textValue(n: CdaNode | undefined, ctx: MapContext): string | undefined {
  if (!n) return undefined;
  const ref = kid(n, 'reference');
  const own = textOf({ ...n, children: n.children.filter((c) => c.name === '#text') });
  if (own) return own;
  const resolved = resolveRef(attr(ref, 'value'), ctx.ids);
  if (resolved) return resolved;
  const rest = textOf(n);
  return rest || undefined;
}

function coding(n: CdaNode): Coding | undefined {
  const code = cleanCode(attr(n, 'code'));
  if (!code) return undefined;
  const display = cleanCode(attr(n, 'displayName'));
  // Displays lost to a vendor's character-set conversion ("????") say nothing: dropped.
  return compact<Coding>({ system: systemUri(attr(n, 'codeSystem')), code, display: display && !/^[?\s]+$/.test(display) ? display : undefined });
}

/** CD/CE/CV to CodeableConcept; undefined when it holds nothing (nullFlavor without text or translations). */
export function concept(n: CdaNode | undefined, ctx: MapContext): CodeableConcept | undefined {
  if (!n) return undefined;
  const codings: Coding[] = [];
  const main = coding(n);
  if (main) codings.push(main);
  for (const t of kids(n, 'translation')) {
    const c = coding(t);
    if (c && !codings.some((x) => x.system === c.system && x.code === c.code)) codings.push(c);
  }
  let text = textValue(kid(n, 'originalText'), ctx);
  if (!text && !codings.length) {
    const own = textOf(n);
    if (own) text = own;
  }
  if (!text && codings.length && !codings[0].display) text = codings.find((c) => c.display)?.display;
  if (!codings.length && !text) return undefined;
  return compact<CodeableConcept>({ coding: codings, text: text ?? codings[0]?.display });
}

const DECIMAL = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
export function decimal(s: string | undefined): number | undefined {
  if (!s || !DECIMAL.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

let ucumUtils: { validateUnitString(u: string, suggest?: boolean): { status: string } } | undefined;
const ucumCache = new Map<string, boolean>();
export function isUcum(unit: string): boolean {
  if (unit.length > MAX_UCUM_LENGTH) return false;
  let v = ucumCache.get(unit);
  if (v === undefined) {
    try {
      ucumUtils ??= (createRequire(import.meta.url)('@lhncbc/ucum-lhc') as { UcumLhcUtils: { getInstance(): typeof ucumUtils } }).UcumLhcUtils.getInstance();
      v = ucumUtils!.validateUnitString(unit, false).status === 'valid';
    } catch {
      v = false;
    }
    if (ucumCache.size < 5000) ucumCache.set(unit, v);
  }
  return v;
}

/** PQ to Quantity. Free-text units are kept as `unit`; UCUM system/code only when the unit is valid UCUM. */
export function quantity(n: CdaNode | undefined): Quantity | undefined {
  if (!n) return undefined;
  const value = decimal(attr(n, 'value'));
  if (value === undefined) return undefined;
  const unit = attr(n, 'unit');
  const q: Quantity = { value };
  if (unit && unit !== '1') {
    q.unit = unit;
    if (isUcum(unit)) {
      q.system = UCUM;
      q.code = unit;
    }
  }
  return q;
}

export function range(n: CdaNode | undefined): Range | undefined {
  if (!n) return undefined;
  const r = compact<Range>({ low: quantity(kid(n, 'low')), high: quantity(kid(n, 'high')) });
  return Object.keys(r).length ? r : undefined;
}

export function ratio(n: CdaNode | undefined): Ratio | undefined {
  if (!n) return undefined;
  const r = compact<Ratio>({ numerator: quantity(kid(n, 'numerator')), denominator: quantity(kid(n, 'denominator')) });
  return Object.keys(r).length ? r : undefined;
}

/** IVL_TS or TS to a Period / dateTime. */
export function effective(n: CdaNode | undefined): { dateTime?: string; period?: Period } {
  if (!n) return {};
  const v = toFhirDateTime(attr(n, 'value'));
  if (v) return { dateTime: v };
  const center = toFhirDateTime(attr(kid(n, 'center'), 'value'));
  if (center) return { dateTime: center };
  const start = toFhirDateTime(attr(kid(n, 'low'), 'value'));
  const end = toFhirDateTime(attr(kid(n, 'high'), 'value'));
  if (start || end) return { period: compact<Period>({ start, end }) };
  return {};
}

/** First effectiveTime of a statement (several may exist: IVL_TS + PIVL_TS on medications). */
export function effectiveOf(stmt: CdaNode | undefined): { dateTime?: string; period?: Period } {
  for (const e of kids(stmt, 'effectiveTime')) {
    const t = attr(e, 'type');
    if (t && /PIVL|EIVL|SXPR/.test(t)) continue;
    const r = effective(e);
    if (r.dateTime || r.period) return r;
  }
  return {};
}

/** The earliest usable point of a statement's effectiveTime (value, low or center). */
export function startOf(stmt: CdaNode | undefined): string | undefined {
  const e = effectiveOf(stmt);
  return e.dateTime ?? e.period?.start ?? e.period?.end;
}

export const dateOf = (n: CdaNode | undefined) => toFhirDate(attr(n, 'value'));

export function identifier(n: CdaNode | undefined): Identifier | undefined {
  if (!n || attr(n, 'nullFlavor')) return undefined;
  const root = attr(n, 'root');
  const ext = attr(n, 'extension');
  if (!root && !ext) return undefined;
  const sys = systemUri(root);
  if (ext) return compact<Identifier>({ system: sys, value: ext });
  return sys ? { system: 'urn:ietf:rfc:3986', value: sys } : { value: root };
}

export const identifiers = (stmt: CdaNode | undefined): Identifier[] | undefined => {
  const ids = kids(stmt, 'id').map(identifier).filter((x): x is Identifier => !!x);
  return ids.length ? ids : undefined;
};

/** "root^extension" (or root) of the first non-null id, for SourceLocation.entryId. */
export function entryIdOf(stmt: CdaNode | undefined): string | undefined {
  for (const id of kids(stmt, 'id')) {
    const root = attr(id, 'root');
    const ext = attr(id, 'extension');
    if (root || ext) return ext ? `${root ?? ''}^${ext}` : root;
  }
  return undefined;
}

export function humanName(n: CdaNode | undefined): HumanName | undefined {
  if (!n || attr(n, 'nullFlavor')) return undefined;
  const given = kids(n, 'given').map(textOf).filter(Boolean);
  const family = kids(n, 'family').map(textOf).filter(Boolean).join(' ') || undefined;
  const prefix = kids(n, 'prefix').map(textOf).filter(Boolean);
  const suffix = kids(n, 'suffix').map(textOf).filter(Boolean);
  const structured = elements(n).length > 0;
  const text = structured ? undefined : textOf(n) || undefined;
  const name = compact<HumanName>({ family, given, prefix, suffix, text });
  return Object.keys(name).length ? name : undefined;
}

export function nameText(n: HumanName | undefined): string | undefined {
  if (!n) return undefined;
  return n.text ?? ([...(n.prefix ?? []), ...(n.given ?? []), n.family, ...(n.suffix ?? [])].filter(Boolean).join(' ') || undefined);
}

export function address(n: CdaNode | undefined): Address | undefined {
  if (!n || attr(n, 'nullFlavor')) return undefined;
  const t = (name: string) => textOf(kid(n, name)) || undefined;
  const use = attr(n, 'use');
  const a = compact<Address>({
    use: use === 'HP' || use === 'H' ? 'home' : use === 'WP' ? 'work' : use === 'TMP' ? 'temp' : use === 'OLD' || use === 'BAD' ? 'old' : undefined,
    line: kids(n, 'streetAddressLine').map(textOf).filter(Boolean),
    city: t('city'),
    state: t('state'),
    postalCode: t('postalCode'),
    country: t('country'),
    text: elements(n).length ? undefined : textOf(n) || undefined,
  });
  return a.line || a.city || a.state || a.postalCode || a.country || a.text ? a : undefined;
}

export function telecom(n: CdaNode | undefined): ContactPoint | undefined {
  const v = attr(n, 'value');
  if (!v || attr(n, 'nullFlavor')) return undefined;
  const m = /^(tel|mailto|fax|http|https):(.*)$/i.exec(v);
  const scheme = m?.[1].toLowerCase();
  const value = (m ? m[2] : v).trim();
  if (!value) return undefined;
  const use = attr(n, 'use');
  return compact<ContactPoint>({
    system: scheme === 'tel' ? 'phone' : scheme === 'mailto' ? 'email' : scheme === 'fax' ? 'fax' : scheme?.startsWith('http') ? 'url' : 'other',
    value: scheme?.startsWith('http') ? v : value,
    use: use === 'HP' || use === 'H' ? 'home' : use === 'WP' ? 'work' : use === 'MC' ? 'mobile' : undefined,
  });
}

/** Display name of an assigned entity / author: person name, else organization name, else device. */
export function entityName(n: CdaNode | undefined): string | undefined {
  if (!n) return undefined;
  const person = at(n, 'assignedPerson', 'name') ?? at(n, 'associatedPerson', 'name') ?? at(n, 'playingEntity', 'name');
  const p = nameText(humanName(person));
  if (p) return p;
  const org = textOf(at(n, 'representedOrganization', 'name')) || textOf(at(n, 'representedCustodianOrganization', 'name')) || textOf(at(n, 'scopingEntity', 'desc'));
  if (org) return org;
  const dev = textOf(at(n, 'assignedAuthoringDevice', 'softwareName')) || textOf(at(n, 'assignedAuthoringDevice', 'manufacturerModelName'));
  return dev || undefined;
}

/** Names of the statement's performers (performer/assignedEntity). */
export const performerNames = (stmt: CdaNode | undefined): string[] =>
  all(stmt, 'performer', 'assignedEntity').map(entityName).filter((x): x is string => !!x);

/** Name of the statement's first author (assignedAuthor). */
export const authorName = (stmt: CdaNode | undefined): string | undefined => entityName(at(stmt, 'author', 'assignedAuthor'));

/** The author time of a statement, as a dateTime. */
export const authorTime = (stmt: CdaNode | undefined): string | undefined => toFhirDateTime(attr(at(stmt, 'author', 'time'), 'value'));
