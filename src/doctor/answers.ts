/**
 * Quick answers to the questions doctors ask, each with its date and its source: answered
 * from the merged record (structured data) and from document text (OCR'd faxes included).
 * Nothing is guessed: where the record has nothing, the answer says so. Pure.
 */
import type { Encounter, Observation, Organization, Procedure, Practitioner, PractitionerRole, CareTeam, Resource } from '@medplum/fhirtypes';
import type { MergedItem } from '../record/reconcile/cluster.js';
import { resourceById, sourceOf, type AnswerSource, type Snapshot, type TextHit } from './snapshot.js';
import { historyProcedures } from './history-procedures.js';

export const NOT_FOUND = 'not found in your records';

export interface AnswerEntry {
  value: string;
  date?: string;
  source?: AnswerSource;
}

export interface Answer {
  id: string;
  question: string;
  found: boolean;
  /** The answer in words, or NOT_FOUND. */
  value: string;
  date?: string;
  source?: AnswerSource;
  /** Values over time (labs), oldest first. */
  trend?: Array<AnswerEntry & { number?: number; unit?: string }>;
  /** Lists (medications, allergies, surgeries, specialists). */
  entries?: AnswerEntry[];
}

const notFound = (id: string, question: string): Answer => ({ id, question, found: false, value: NOT_FOUND });

const byDateDesc = <T extends { date?: string }>(a: T, b: T) => (b.date ?? '').localeCompare(a.date ?? '');

function itemSource(s: Snapshot, it: MergedItem): AnswerSource | undefined {
  for (const rid of it.resourceIds) {
    const src = sourceOf(s, rid);
    if (src) return src;
  }
  return undefined;
}

function fromItem(s: Snapshot, id: string, question: string, it: MergedItem | undefined, value?: string): Answer {
  if (!it) return notFound(id, question);
  return { id, question, found: true, value: value ?? it.display, date: it.date, source: itemSource(s, it) };
}

function lastVaccine(s: Snapshot, id: string, question: string, group: string): Answer {
  const it = s.items.immunizations.filter((i) => i.block === group && i.status !== 'not-done').sort(byDateDesc)[0];
  return fromItem(s, id, question, it);
}

// --- screenings: procedures by code or name, and document text --------------------------
const SCREENINGS: Record<string, { question: string; codes: string[]; name: RegExp }> = {
  colonoscopy: { question: 'When was your last colonoscopy, and what did it find?', codes: ['73761001', '45378', '45380', '45385', 'G0105', 'G0121', '310634005'], name: /colonoscop/i },
  mammogram: { question: 'When was your last mammogram, and what did it find?', codes: ['71651007', '241055006', '77067', '77066', '77065', '24606-6', '26346-6'], name: /mammogra/i },
  pap: { question: 'When was your last Pap test, and what did it find?', codes: ['90226004', '88175', '88142', '10524-7', '19762-4', '47527-7'], name: /\bpap\b|papanicolaou|cervical cytology/i },
};

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const DATE_RE = new RegExp(`\\b(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}|(?:${MONTHS})[a-z]*\\.? \\d{1,2},? \\d{4})\\b`, 'i');

/** A date written in text → ISO (day precision); undefined when it cannot be read for sure. */
export function isoDateOf(text: string): string | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const t = m[1];
  if (/^\d{4}-/.test(t)) return t;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (us) return `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
  const named = new RegExp(`^(${MONTHS})[a-z]*\\.? (\\d{1,2}),? (\\d{4})$`, 'i').exec(t);
  if (named) return `${named[3]}-${String(MONTHS.split('|').indexOf(named[1].toLowerCase()) + 1).padStart(2, '0')}-${named[2].padStart(2, '0')}`;
  return undefined;
}

const PLANNED = /\b(due|overdue|recommend(ed)?|schedul(e|ed)|order(ed)?|refer(red|ral)?|next|plan(ned)?|declined)\b/i;

/** The line of a page that mentions the topic, with the date written on it (or on the page). */
export function readTextHit(hit: TextHit, name: RegExp): AnswerEntry | undefined {
  const lines = hit.text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  // A line that plans or orders the test says nothing about a result: never read as one.
  const i = lines.findIndex((l) => name.test(l) && !PLANNED.test(l));
  if (i < 0) return undefined;
  const line = lines[i];
  const date = isoDateOf(line) ?? isoDateOf(lines[i + 1] ?? '') ?? isoDateOf(hit.text);
  return { value: line.length > 240 ? `${line.slice(0, 239)}…` : line, date };
}

function screening(s: Snapshot, id: keyof typeof SCREENINGS): Answer {
  const def = SCREENINGS[id];
  const candidates: AnswerEntry[] = [];
  for (const it of s.items.procedures) {
    if (!(it.codes.some((c) => def.codes.includes(c.split('|')[1])) || def.name.test(it.display))) continue;
    // What it found: the procedure's outcome or note, when the source says.
    const proc = it.resourceIds.map((id) => resourceById(s, id)).find((r) => r?.resourceType === 'Procedure')?.resource as Procedure | undefined;
    const finding = proc?.outcome?.text ?? proc?.outcome?.coding?.find((c) => c.display)?.display ?? proc?.note?.find((n) => n.text)?.text;
    candidates.push({ value: finding ? `${it.display}: ${finding}` : it.display, date: it.date, source: itemSource(s, it) });
  }
  for (const r of s.resources) {
    if (r.resourceType !== 'DiagnosticReport' && r.resourceType !== 'Observation') continue;
    const code = (r.resource as Observation).code;
    const matches = (code?.coding ?? []).some((c) => c.code && def.codes.includes(c.code)) || def.name.test(code?.text ?? code?.coding?.[0]?.display ?? '');
    if (!matches) continue;
    const res = r.resource as Observation & { conclusion?: string };
    const finding = res.conclusion ?? res.valueString ?? res.valueCodeableConcept?.text ?? res.valueCodeableConcept?.coding?.[0]?.display;
    const name = code?.text ?? code?.coding?.[0]?.display ?? id;
    candidates.push({ value: finding ? `${name}: ${finding}` : name, date: r.date, source: sourceOf(s, r.id) });
  }
  for (const hit of s.textHits.filter((h) => h.topic === id)) {
    const e = readTextHit(hit, def.name);
    if (!e) continue;
    const d = s.documents[hit.documentId];
    candidates.push({ ...e, date: e.date ?? d?.date, source: { documentId: hit.documentId, filename: d?.filename ?? hit.documentId, documentDate: d?.date, page: hit.page } });
  }
  const best = candidates.sort(byDateDesc)[0];
  if (!best) return notFound(id, def.question);
  return { id, question: def.question, found: true, value: best.value, date: best.date, source: best.source, entries: candidates.length > 1 ? candidates : undefined };
}

// --- blood type --------------------------------------------------------------------------
const BLOOD_TYPE_LOINC = new Set(['882-1', '883-9', '34474-6', '10331-7']);
const BLOOD_TYPE_TEXT = /blood (type|group)|\babo\b/i;

function bloodType(s: Snapshot): Answer {
  const q = 'What is your blood type?';
  const found = s.resources
    .filter((r) => r.resourceType === 'Observation')
    .map((r) => ({ r, o: r.resource as Observation }))
    .filter(({ o }) => (o.code?.coding ?? []).some((c) => c.code && BLOOD_TYPE_LOINC.has(c.code)) || BLOOD_TYPE_TEXT.test(o.code?.text ?? o.code?.coding?.[0]?.display ?? ''))
    .map(({ r, o }): AnswerEntry => ({ value: o.valueCodeableConcept?.text ?? o.valueCodeableConcept?.coding?.find((c) => c.display)?.display ?? o.valueString ?? '', date: r.date, source: sourceOf(s, r.id) }))
    .filter((e) => !!e.value)
    .sort(byDateDesc);
  if (!found.length) return notFound('blood-type', q);
  return { id: 'blood-type', question: q, found: true, ...found[0] };
}

// --- labs with trends --------------------------------------------------------------------
export const TREND_LABS: Array<{ id: string; groups: string[]; question: string }> = [
  { id: 'a1c', groups: ['hba1c'], question: 'What was your last A1c?' },
  { id: 'ldl', groups: ['ldl'], question: 'What was your last LDL cholesterol?' },
  { id: 'creatinine', groups: ['creatinine'], question: 'What was your last creatinine?' },
  { id: 'egfr', groups: ['egfr'], question: 'What was your last eGFR?' },
  { id: 'tsh', groups: ['tsh'], question: 'What was your last TSH?' },
];

export function valueText(it: Pick<MergedItem, 'value' | 'normalized'>): string {
  const v = it.value;
  if (v?.value != null) return `${v.comparator ?? ''}${v.value}${v.unit ? ` ${v.unit}` : ''}`;
  if (v?.text) return v.text;
  if (it.normalized) return `${it.normalized.value} ${it.normalized.unit}`;
  return '';
}

/** Results of a test group, oldest first. */
export function trendOf(s: Snapshot, groups: string[], kind: 'results' | 'vitals' = 'results'): NonNullable<Answer['trend']> {
  return s.items[kind]
    .filter((it) => groups.includes(it.block.split('|')[0]) && it.date && valueText(it))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
    .map((it) => ({
      value: valueText(it),
      date: it.date,
      number: it.normalized?.value ?? it.value?.value,
      unit: it.normalized?.unit ?? it.value?.unit,
      source: itemSource(s, it),
    }));
}

function lab(s: Snapshot, def: (typeof TREND_LABS)[number]): Answer {
  const trend = trendOf(s, def.groups);
  const last = trend[trend.length - 1];
  if (!last) return notFound(def.id, def.question);
  return { id: def.id, question: def.question, found: true, value: last.value, date: last.date, source: last.source, trend };
}

// --- lists -------------------------------------------------------------------------------
function list(s: Snapshot, id: string, question: string, items: MergedItem[], text: (it: MergedItem) => string = (it) => it.display): Answer {
  if (!items.length) return notFound(id, question);
  const entries = items.map((it) => ({ value: text(it), date: it.date, source: itemSource(s, it) }));
  return { id, question, found: true, value: entries.map((e) => e.value).join('; '), entries };
}

export function currentMedications(s: Snapshot): MergedItem[] {
  return s.items.medications.filter((m) => m.status !== 'stopped' && m.status !== 'planned' && m.status !== 'none-known' && !/^no (known )?(current )?medications?/i.test(m.display));
}

export function currentAllergies(s: Snapshot): MergedItem[] {
  return s.items.allergies.filter((a) => a.status !== 'refuted' && a.status !== 'entered-in-error' && a.status !== 'resolved');
}

// --- specialists -------------------------------------------------------------------------
export interface CareTeamMember {
  name: string;
  /** A clinic or hospital (Organization) rather than a person. */
  isFacility?: boolean;
  specialty?: string;
  lastVisit?: string;
  facility?: string;
  contact?: string;
  source?: AnswerSource;
}

function humanName(p: Practitioner): string | undefined {
  const n = p.name?.[0];
  if (!n) return undefined;
  return n.text ?? ([n.prefix?.join(' '), n.given?.join(' '), n.family, n.suffix?.join(' ')].filter(Boolean).join(' ') || undefined);
}

/** Practitioners from encounters, care teams and practitioner roles, with the last visit with each. */
export function careTeam(s: Snapshot): CareTeamMember[] {
  const byRef = new Map<string, Resource>();
  for (const r of s.resources) {
    byRef.set(`${r.resourceType}/${r.id}`, r.resource);
    if (r.resource.id) byRef.set(`${r.resourceType}/${r.resource.id}`, r.resource);
  }
  const members = new Map<string, CareTeamMember>();
  const key = (n: string) => n.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  const add = (name: string | undefined, m: Omit<CareTeamMember, 'name'>) => {
    if (!name) return;
    const prev = members.get(key(name));
    if (!prev) return void members.set(key(name), { name, ...m });
    if (m.specialty && !prev.specialty) prev.specialty = m.specialty;
    if (m.contact && !prev.contact) prev.contact = m.contact;
    if (m.lastVisit && (!prev.lastVisit || m.lastVisit > prev.lastVisit)) Object.assign(prev, { lastVisit: m.lastVisit, facility: m.facility ?? prev.facility, source: m.source ?? prev.source });
  };
  const practitioner = (ref: { reference?: string; display?: string } | undefined) => {
    const p = ref?.reference ? (byRef.get(ref.reference) as Practitioner | undefined) : undefined;
    const tel = p?.telecom?.find((t) => t.value)?.value;
    return { name: (p && humanName(p)) ?? ref?.display, contact: tel };
  };
  const roleOf = new Map<string, string>();
  for (const r of s.resources) {
    if (r.resourceType !== 'PractitionerRole') continue;
    const pr = r.resource as PractitionerRole;
    const sp = pr.specialty?.[0]?.text ?? pr.specialty?.[0]?.coding?.[0]?.display;
    const p = practitioner(pr.practitioner);
    if (p.name && sp) roleOf.set(key(p.name), sp);
  }
  for (const r of s.resources) {
    if (r.resourceType === 'Encounter') {
      const e = r.resource as Encounter;
      const date = e.period?.start ?? r.date;
      const facility = e.location?.[0]?.location?.display ?? e.serviceProvider?.display;
      for (const part of e.participant ?? []) {
        const p = practitioner(part.individual);
        add(p.name, { lastVisit: date, facility, contact: p.contact, specialty: e.serviceType?.text ?? e.serviceType?.coding?.[0]?.display, source: sourceOf(s, r.id) });
      }
    } else if (r.resourceType === 'CareTeam') {
      for (const part of (r.resource as CareTeam).participant ?? []) {
        const p = practitioner(part.member);
        add(p.name, { specialty: part.role?.[0]?.text ?? part.role?.[0]?.coding?.[0]?.display, contact: p.contact, source: sourceOf(s, r.id) });
      }
    }
  }
  for (const m of members.values()) if (!m.specialty && roleOf.has(key(m.name))) m.specialty = roleOf.get(key(m.name));
  // Clinics and hospitals with their contact data, and the last visit there.
  const lastAt = new Map<string, string>();
  for (const r of s.resources) {
    if (r.resourceType !== 'Encounter') continue;
    const e = r.resource as Encounter;
    const date = e.period?.start ?? r.date;
    const org = e.serviceProvider?.reference ? (byRef.get(e.serviceProvider.reference) as Organization | undefined)?.name : undefined;
    for (const n of [org, e.serviceProvider?.display, e.location?.[0]?.location?.display]) if (n && date && (!lastAt.has(key(n)) || date > lastAt.get(key(n))!)) lastAt.set(key(n), date);
  }
  for (const r of s.resources) {
    if (r.resourceType !== 'Organization') continue;
    const o = r.resource as Organization;
    if (!o.name || members.has(key(o.name))) continue;
    const a = o.address?.[0];
    const contact = [o.telecom?.find((t) => t.system === 'phone' && t.value)?.value, a ? (a.text ?? [a.line?.join(', '), a.city, a.state, a.postalCode].filter(Boolean).join(', ')) : undefined].filter(Boolean).join('; ');
    members.set(key(o.name), { name: o.name, isFacility: true, contact: contact || undefined, lastVisit: lastAt.get(key(o.name)), source: sourceOf(s, r.id) });
  }
  return [...members.values()].sort((a, b) => (b.lastVisit ?? '').localeCompare(a.lastVisit ?? '') || a.name.localeCompare(b.name));
}

function specialists(s: Snapshot): Answer {
  const q = 'Who are your doctors, and when did you last see each?';
  const team = careTeam(s).filter((m) => !m.isFacility);
  if (!team.length) return notFound('specialists', q);
  const entries = team.map((m) => ({ value: [m.name, m.specialty ? `(${m.specialty})` : '', m.facility ? `at ${m.facility}` : ''].filter(Boolean).join(' '), date: m.lastVisit, source: m.source }));
  return { id: 'specialists', question: q, found: true, value: entries.map((e) => e.value + (e.date ? `, last visit ${e.date}` : '')).join('; '), entries };
}

/** Every quick answer, in the order a visit asks them. */
export function buildAnswers(s: Snapshot): Answer[] {
  return [
    lastVaccine(s, 'tetanus', 'When was your last tetanus shot?', 'tetanus'),
    lastVaccine(s, 'flu', 'When was your last flu shot?', 'influenza'),
    lastVaccine(s, 'covid', 'When was your last COVID-19 vaccine?', 'covid-19'),
    screening(s, 'colonoscopy'),
    screening(s, 'mammogram'),
    screening(s, 'pap'),
    bloodType(s),
    ...TREND_LABS.map((d) => lab(s, d)),
    list(s, 'medications', 'What medications are you taking?', currentMedications(s), (m) => [m.display, m.strength && !m.display.includes(m.strength.split(' ')[0]) ? m.strength : ''].filter(Boolean).join(' ')),
    list(s, 'allergies', 'Do you have any allergies?', currentAllergies(s)),
    list(s, 'surgeries', 'What surgeries or procedures have you had?', historyProcedures(s.items.procedures).sort(byDateDesc)),
    specialists(s),
  ];
}
