/**
 * The pre-filled health history (intake) form: a plain model built from the snapshot, then
 * rendered as a printable HTML page (no inline script or style; a linked CSS file), as a
 * PDF (form-pdf.ts) and as a FHIR Questionnaire + QuestionnaireResponse. Every pre-filled
 * row names its source; unknown answers stay blank, with blank rows to fill in. The person's
 * own statements (corrections) override or add rows and show as "stated by you". Pure.
 */
import type { AllergyIntolerance, Bundle, Encounter, FamilyMemberHistory, MedicationRequest, MedicationStatement, Observation, Patient, Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import type { MergedItem } from '../record/reconcile/cluster.js';
import { careTeam, currentAllergies, currentMedications, valueText } from './answers.js';
import { describeSource, resourceById, sourceOf, type AnswerSource, type Snapshot, type SnapshotResource } from './snapshot.js';
import { escapeXml } from '../share/ips.js';
import { historyProcedures } from './history-procedures.js';

export interface FormRow {
  /** Stable key inside the section (what a correction names). */
  key: string;
  cells: string[];
  source?: AnswerSource;
}

export interface FormSection {
  id: string;
  title: string;
  columns: string[];
  rows: FormRow[];
  /** Empty rows printed to fill in by hand. */
  blankRows: number;
  /** Two-column question/answer sections (demographics, social history): corrections replace the answer cell. */
  questions?: boolean;
}

export interface HealthForm {
  personId: string;
  name: string;
  generated: string;
  sections: FormSection[];
}

const STATED: AnswerSource = { documentId: '', filename: '', statedByYou: true };

function itemSource(s: Snapshot, it: MergedItem): AnswerSource | undefined {
  return it.resourceIds.map((id) => sourceOf(s, id)).find(Boolean);
}

function resourceOf<T>(s: Snapshot, it: MergedItem, types: string[]): T | undefined {
  for (const id of it.resourceIds) {
    const r = resourceById(s, id);
    if (r && types.includes(r.resourceType)) return r.resource as T;
  }
  return undefined;
}

const ccText = (cc: { text?: string; coding?: Array<{ display?: string; code?: string }> } | undefined) => cc?.text ?? cc?.coding?.find((c) => c.display)?.display ?? '';

function demographics(s: Snapshot): FormSection {
  const patientRes = s.resources.find((r) => r.resourceType === 'Patient');
  const pat = patientRes?.resource as Patient | undefined;
  const src = patientRes ? sourceOf(s, patientRes.id) : undefined;
  const p = s.person;
  const rows: FormRow[] = [];
  const row = (key: string, label: string, value: string | undefined) => rows.push({ key, cells: [label, value ?? ''], source: value ? src : undefined });
  row('name', 'Name', p.displayName);
  row('birthDate', 'Date of birth', p.birthDate);
  row('gender', 'Sex', p.gender);
  const phone = pat?.telecom?.find((t) => t.system === 'phone' && t.value)?.value;
  row('phone', 'Phone', phone);
  const a = pat?.address?.[0];
  row('address', 'Address', a ? (a.text ?? [a.line?.join(', '), a.city, a.state, a.postalCode].filter(Boolean).join(', ')) : undefined);
  row('emergencyContact', 'Emergency contact', pat?.contact?.[0]?.name ? [pat.contact[0].name.text ?? [pat.contact[0].name.given?.join(' '), pat.contact[0].name.family].filter(Boolean).join(' '), pat.contact[0].telecom?.[0]?.value].filter(Boolean).join(', ') : undefined);
  row('insurance', 'Insurance', undefined);
  return { id: 'demographics', title: 'About you', columns: ['Question', 'Answer'], rows, blankRows: 0, questions: true };
}

function medications(s: Snapshot): FormSection {
  const rows = currentMedications(s).map((it): FormRow => {
    const r = resourceOf<MedicationStatement | MedicationRequest>(s, it, ['MedicationStatement', 'MedicationRequest']);
    const dosage = ((r as MedicationStatement | undefined)?.dosage ?? (r as MedicationRequest | undefined)?.dosageInstruction)?.[0];
    const how = dosage ? [dosage.text, dosage.route && !dosage.text?.toLowerCase().includes(ccText(dosage.route).toLowerCase()) ? ccText(dosage.route) : ''].filter(Boolean).join('; ') : '';
    return { key: it.id, cells: [it.display, it.strength ?? '', how, it.date ?? ''], source: itemSource(s, it) };
  });
  return { id: 'medications', title: 'Current medications', columns: ['Medication', 'Dose', 'How you take it', 'Since'], rows, blankRows: 3 };
}

function allergies(s: Snapshot): FormSection {
  const rows = currentAllergies(s).map((it): FormRow => {
    if (it.status === 'none-known') return { key: it.id, cells: ['No known allergies', '', it.date ?? ''], source: itemSource(s, it) };
    const r = resourceOf<AllergyIntolerance>(s, it, ['AllergyIntolerance']);
    const reactions = (r?.reaction ?? []).flatMap((x) => (x.manifestation ?? []).map(ccText)).filter(Boolean);
    return { key: it.id, cells: [it.display, [...new Set(reactions)].join(', '), it.date ?? ''], source: itemSource(s, it) };
  });
  return { id: 'allergies', title: 'Allergies', columns: ['Allergic to', 'Reaction', 'Since'], rows, blankRows: 2 };
}

function conditions(s: Snapshot): FormSection {
  const rows = s.items.problems
    .filter((it) => !['none-known', 'refuted', 'entered-in-error'].includes(it.status ?? ''))
    .map((it): FormRow => ({ key: it.id, cells: [it.display, it.status === 'resolved' ? 'past' : it.status === 'active' ? 'active' : '', it.date ?? ''], source: itemSource(s, it) }));
  return { id: 'conditions', title: 'Medical conditions', columns: ['Condition', 'Active or past', 'Since'], rows, blankRows: 3 };
}

function procedures(s: Snapshot): FormSection {
  const rows = historyProcedures(s.items.procedures).map((it): FormRow => ({ key: it.id, cells: [it.display, it.date ?? ''], source: itemSource(s, it) }));
  return { id: 'procedures', title: 'Surgeries and procedures', columns: ['Surgery or procedure', 'Date'], rows, blankRows: 2 };
}

const INPATIENT = /^(IMP|ACUTE|NONAC|EMER|inpatient|emergency)$/i;

function hospitalizations(s: Snapshot): FormSection {
  const rows: FormRow[] = [];
  for (const r of s.resources) {
    if (r.resourceType !== 'Encounter') continue;
    const e = r.resource as Encounter;
    if (!INPATIENT.test(e.class?.code ?? '') && !/inpatient|hospital/i.test(e.class?.display ?? '')) continue;
    const reason = ccText(e.reasonCode?.[0]) || ccText(e.type?.[0]);
    const facility = e.location?.[0]?.location?.display ?? e.serviceProvider?.display ?? '';
    rows.push({ key: r.id, cells: [reason, facility, e.period?.start ?? '', e.period?.end ?? ''], source: sourceOf(s, r.id) });
  }
  rows.sort((a, b) => b.cells[2].localeCompare(a.cells[2]));
  return { id: 'hospitalizations', title: 'Hospital stays and emergency visits', columns: ['Reason', 'Hospital', 'From', 'To'], rows, blankRows: 2 };
}

function immunizations(s: Snapshot): FormSection {
  const rows = s.items.immunizations.filter((it) => it.status !== 'not-done').map((it): FormRow => ({ key: it.id, cells: [it.display, it.date ?? ''], source: itemSource(s, it) }));
  return { id: 'immunizations', title: 'Vaccinations', columns: ['Vaccine', 'Date'], rows, blankRows: 2 };
}

function familyHistory(s: Snapshot): FormSection {
  const rows: FormRow[] = [];
  for (const r of s.resources) {
    if (r.resourceType !== 'FamilyMemberHistory') continue;
    const f = r.resource as FamilyMemberHistory;
    const who = ccText(f.relationship);
    for (const [i, c] of (f.condition ?? []).entries()) {
      const age = c.onsetAge?.value != null ? `age ${c.onsetAge.value}` : (c.onsetString ?? '');
      rows.push({ key: `${r.id}#${i}`, cells: [who, ccText(c.code), age], source: sourceOf(s, r.id) });
    }
  }
  return { id: 'family', title: 'Family history', columns: ['Relative', 'Condition', 'At what age'], rows, blankRows: 3 };
}

const SOCIAL: Array<{ key: string; label: string; loinc: string[]; name: RegExp }> = [
  { key: 'tobacco', label: 'Tobacco', loinc: ['72166-2', '11367-0', '39240-7', '68535-4'], name: /smok|tobacco/i },
  { key: 'alcohol', label: 'Alcohol', loinc: ['74013-4', '11331-6', '68518-0', '75626-2'], name: /alcohol|drinks/i },
  { key: 'drugs', label: 'Recreational drugs', loinc: ['11343-1', '28325-7'], name: /drug use|substance use/i },
  { key: 'exercise', label: 'Exercise', loinc: ['89574-8', '68516-4'], name: /exercise|physical activity/i },
  { key: 'occupation', label: 'Occupation', loinc: ['11341-5', '85658-3'], name: /occupation/i },
];

function socialHistory(s: Snapshot): FormSection {
  const obs = s.resources.filter((r) => r.resourceType === 'Observation');
  const rows = SOCIAL.map((q): FormRow => {
    const hits = obs
      .filter((r) => {
        const o = r.resource as Observation;
        return (o.code?.coding ?? []).some((c) => c.code && q.loinc.includes(c.code)) || q.name.test(ccText(o.code));
      })
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    const r: SnapshotResource | undefined = hits[0];
    const o = r?.resource as Observation | undefined;
    const value = o ? (ccText(o.valueCodeableConcept) || o.valueString || (o.valueQuantity?.value != null ? `${o.valueQuantity.value} ${o.valueQuantity.unit ?? ''}`.trim() : '')) : '';
    return { key: q.key, cells: [q.label, value ? `${value}${r!.date ? ` (${r!.date.slice(0, 10)})` : ''}` : ''], source: value ? sourceOf(s, r!.id) : undefined };
  });
  return { id: 'social', title: 'Social history', columns: ['Question', 'Answer'], rows, blankRows: 0, questions: true };
}

function keyResults(s: Snapshot): FormSection {
  const latest = new Map<string, MergedItem>();
  for (const it of s.items.results) {
    const g = it.block.split('|')[0];
    const prev = latest.get(g);
    if (valueText(it) && (!prev || (it.date ?? '') > (prev.date ?? ''))) latest.set(g, it);
  }
  const rows = [...latest.values()]
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
    .slice(0, 15)
    .map((it): FormRow => ({ key: it.id, cells: [it.display, valueText(it), it.date ?? ''], source: itemSource(s, it) }));
  return { id: 'results', title: 'Recent key results', columns: ['Test', 'Result', 'Date'], rows, blankRows: 0 };
}

function team(s: Snapshot): FormSection {
  const rows = careTeam(s).map((m): FormRow => ({ key: m.name.toLowerCase(), cells: [m.name, m.isFacility ? 'clinic or hospital' : (m.specialty ?? ''), m.facility ?? '', m.contact ?? '', m.lastVisit ?? ''], source: m.source }));
  return { id: 'careTeam', title: 'Your doctors and clinics', columns: ['Name', 'Specialty', 'Clinic', 'Contact', 'Last visit'], rows, blankRows: 2 };
}

/** Applies the person's statements: an empty value removes a row, others replace or add. */
function applyStatements(sections: FormSection[], s: Snapshot): void {
  for (const st of s.statements) {
    const sec = sections.find((x) => x.id === st.section);
    if (!sec) continue;
    const i = sec.rows.findIndex((r) => r.key === st.field);
    if (!st.value) {
      if (i >= 0) sec.rows.splice(i, 1);
      continue;
    }
    if (sec.questions) {
      if (i >= 0) sec.rows[i] = { ...sec.rows[i], cells: [sec.rows[i].cells[0], st.value], source: STATED };
      else sec.rows.push({ key: st.field, cells: [st.field, st.value], source: STATED });
      continue;
    }
    const cells = st.value.split('|').map((c) => c.trim());
    while (cells.length < sec.columns.length) cells.push('');
    const row = { key: st.field, cells: cells.slice(0, sec.columns.length), source: STATED };
    if (i >= 0) sec.rows[i] = row;
    else sec.rows.push(row);
  }
}

export const FORM_SECTION_IDS = ['demographics', 'medications', 'allergies', 'conditions', 'procedures', 'hospitalizations', 'immunizations', 'family', 'social', 'results', 'careTeam'] as const;

export function buildForm(s: Snapshot, opts: { now?: string } = {}): HealthForm {
  const sections = [demographics(s), medications(s), allergies(s), conditions(s), procedures(s), hospitalizations(s), immunizations(s), familyHistory(s), socialHistory(s), keyResults(s), team(s)];
  applyStatements(sections, s);
  return { personId: s.person.id, name: s.person.displayName, generated: opts.now ?? new Date().toISOString(), sections };
}

// --- HTML ------------------------------------------------------------------------------
export const FORM_CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#111;max-width:60rem;margin:1.5rem auto;padding:0 1rem;line-height:1.35}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.5rem 0 .4rem;border-bottom:2px solid #333;padding-bottom:.15rem}
.note{color:#444;font-size:.85rem}table{width:100%;border-collapse:collapse;font-size:.9rem}
th,td{border:1px solid #999;padding:.3rem .4rem;text-align:left;vertical-align:top}th{background:#eee}
td.src{font-size:.72rem;color:#555;width:14rem}tr.blank td{height:1.6rem}.stated{font-style:italic}
td[contenteditable]{background:#fffdf0}tr.changed td.cell{background:#fff3c4}.tools{margin:.5rem 0}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}.tools{display:none}td[contenteditable],tr.changed td.cell{background:none}}`;

/** The review script of the served form page: edit cells, save changed rows as statements. */
export const FORM_JS = `const body = document.body;
const person = body.dataset.person;
for (const td of document.querySelectorAll('td.cell')) td.contentEditable = 'true';
document.addEventListener('input', (e) => e.target.closest && e.target.closest('tr') && e.target.closest('tr').classList.add('changed'));
document.getElementById('save').addEventListener('click', async () => {
  const corrections = [...document.querySelectorAll('tr.changed')].map((tr) => {
    const sec = tr.closest('section');
    const cells = [...tr.querySelectorAll('td.cell')].map((td) => td.textContent.trim());
    const questions = sec.dataset.questions === '1';
    return { section: sec.id, field: tr.dataset.key || 'added-' + crypto.randomUUID().slice(0, 8), value: questions ? cells[1] : cells.every((c) => !c) ? '' : cells.join(' | ') };
  }).filter((c) => c.field.startsWith('added-') ? c.value : true);
  const out = document.getElementById('saved');
  if (!corrections.length) return (out.textContent = 'Nothing changed.');
  // Changes carry the session's CSRF token (the cookie alone is not enough).
  const session = await fetch('/api/session').then((x) => x.json()).catch(() => ({}));
  const r = await fetch('/api/people/' + encodeURIComponent(person) + '/form/corrections', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken || '' }, body: JSON.stringify({ corrections }) });
  if (!r.ok) return (out.textContent = 'Could not save: ' + ((await r.json().catch(() => ({}))).issue?.[0]?.diagnostics ?? r.status));
  location.reload();
});
`;

/**
 * `scriptHref` (served page only) adds the review script: cells become editable and changed
 * rows are saved as the person's own statements. Without it the page is static and printable.
 */
export function formHtml(f: HealthForm, opts: { cssHref: string; scriptHref?: string }): string {
  const sec = f.sections
    .map((s) => {
      const head = `<tr>${[...s.columns, 'Source'].map((c) => `<th>${escapeXml(c)}</th>`).join('')}</tr>`;
      const rows = s.rows.map((r) => `<tr data-key="${escapeXml(r.key)}">${r.cells.map((c) => `<td class="cell">${escapeXml(c)}</td>`).join('')}<td class="src${r.source?.statedByYou ? ' stated' : ''}">${escapeXml(describeSource(r.source))}</td></tr>`);
      const blanks = Array.from({ length: s.blankRows || (s.rows.length ? 0 : 1) }, () => `<tr class="blank" data-key="">${'<td class="cell"></td>'.repeat(s.columns.length)}<td class="src"></td></tr>`);
      return `<section id="${escapeXml(s.id)}" data-questions="${s.questions ? '1' : '0'}"><h2>${escapeXml(s.title)}</h2><table><thead>${head}</thead><tbody>${[...rows, ...blanks].join('')}</tbody></table></section>`;
    })
    .join('\n');
  const script = opts.scriptHref ? `<script type="module" src="${escapeXml(opts.scriptHref)}"></script>` : '';
  const tools = opts.scriptHref ? `<p class="tools"><button type="button" id="save">Save my corrections</button> <span id="saved" role="status"></span></p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Health history: ${escapeXml(f.name)}</title><link rel="stylesheet" href="${escapeXml(opts.cssHref)}">${script}</head>
<body data-person="${escapeXml(f.personId)}"><h1>Health history</h1>${tools}<p class="note">${escapeXml(f.name)} · prepared ${escapeXml(f.generated.slice(0, 10))} from your own records. Each answer names where it came from; blank lines are for anything the records do not say. Please check every answer.</p>
${sec}
</body></html>
`;
}

// --- FHIR Questionnaire + QuestionnaireResponse -----------------------------------------
const Q_URL = 'urn:vessel:questionnaire:health-history';

export function formQuestionnaire(f: HealthForm): Questionnaire {
  const item: QuestionnaireItem[] = f.sections.map((s) => {
    if (s.questions) {
      return { linkId: s.id, text: s.title, type: 'group', item: s.rows.map((r) => ({ linkId: `${s.id}.${r.key}`, text: r.cells[0], type: r.key === 'birthDate' ? 'date' : 'string' })) };
    }
    return {
      linkId: s.id,
      text: s.title,
      type: 'group',
      repeats: true,
      item: [...s.columns.map((c, i) => ({ linkId: `${s.id}.${i}`, text: c, type: 'string' as const })), { linkId: `${s.id}.source`, text: 'Source', type: 'string' as const }],
    };
  });
  return { resourceType: 'Questionnaire', id: 'health-history', url: Q_URL, name: 'HealthHistory', title: 'Health history', status: 'active', item };
}

export function formQuestionnaireResponse(f: HealthForm, patientRef: string): QuestionnaireResponse {
  const str = (v: string) => (v ? [{ valueString: v }] : undefined);
  const item: QuestionnaireResponseItem[] = [];
  for (const s of f.sections) {
    if (s.questions) {
      const sub = s.rows
        .filter((r) => r.cells[1])
        .map((r): QuestionnaireResponseItem => ({ linkId: `${s.id}.${r.key}`, text: r.cells[0], answer: r.key === 'birthDate' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.cells[1]) ? [{ valueDate: r.cells[1] }] : str(r.cells[1]) }));
      if (sub.length) item.push({ linkId: s.id, text: s.title, item: sub });
      continue;
    }
    for (const r of s.rows) {
      const sub: QuestionnaireResponseItem[] = r.cells.map((c, i) => ({ linkId: `${s.id}.${i}`, text: s.columns[i], answer: str(c) })).filter((x) => x.answer);
      const src = describeSource(r.source);
      if (src) sub.push({ linkId: `${s.id}.source`, text: 'Source', answer: str(src) });
      if (sub.length) item.push({ linkId: s.id, text: s.title, item: sub });
    }
  }
  return { resourceType: 'QuestionnaireResponse', id: 'health-history-response', questionnaire: Q_URL, status: 'completed', subject: { reference: patientRef }, authored: f.generated, item };
}

/** The pair in one collection Bundle, with the person as a Patient. */
export function formQuestionnaireBundle(f: HealthForm): Bundle {
  const patientUrn = `urn:uuid:${uuidFrom(f.personId)}`;
  const patient: Patient = { resourceType: 'Patient', id: patientUrn.slice(9), name: [{ text: f.name }] };
  const q = formQuestionnaire(f);
  const qr = formQuestionnaireResponse(f, patientUrn);
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: patientUrn, resource: patient },
      { fullUrl: `urn:uuid:${uuidFrom(`q:${f.personId}`)}`, resource: q },
      { fullUrl: `urn:uuid:${uuidFrom(`qr:${f.personId}:${f.generated}`)}`, resource: qr },
    ],
  };
}

function uuidFrom(seed: string): string {
  let h = 0x811c9dc5;
  const parts: string[] = [];
  for (let k = 0; k < 4; k++) {
    for (const ch of `${k}:${seed}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    parts.push(h.toString(16).padStart(8, '0'));
  }
  const x = parts.join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-4${x.slice(13, 16)}-8${x.slice(17, 20)}-${x.slice(20, 32)}`;
}
