/**
 * One parsed message → resources, by message family: PID → Patient + subject hints, PV1 →
 * Encounter, then ORU/OUL results, VXU immunizations, pharmacy orders, MDM documents, SIU
 * appointments; AL1/DG1/PRB wherever they appear; OBX outside those families as plain
 * Observations. Z-segments are reported (information) and otherwise ignored.
 */
import type { PersonHints } from '../../core/types.js';
import { mapClinical } from './clinical.js';
import { MessageContext } from './context.js';
import { mapDocument } from './document.js';
import { mapEncounter, pv1HasContent } from './encounter.js';
import { mapLooseObservations, mapResults } from './oru.js';
import { segments, type RawMessage, type Seg } from './parse.js';
import { mapPatient } from './patient.js';
import { mapPharmacy } from './pharmacy.js';
import { mapAppointment } from './siu.js';
import { mapImmunizations } from './vxu.js';
import { pushAll } from '../../core/arrays.js';

export const RESULT_TYPES = new Set(['ORU', 'OUL', 'ORL', 'OPU']);
const PHARMACY_TYPES = new Set(['RDE', 'RDS', 'RGV', 'RAS', 'OMP', 'ORP', 'RRE', 'ORM', 'OMG', 'OML', 'RDO']);
const ADT_EVENTS = new Set(['A01', 'A03', 'A04', 'A08', 'A28', 'A31', 'A05', 'A02', 'A06', 'A07', 'A13', 'A11', 'A12']);

export interface MappedMessage {
  ctx: MessageContext;
  subjects: Record<string, PersonHints>;
}

/**
 * Splits a message into patient blocks at each PID (an ORU may carry several PATIENT_RESULT
 * groups, an ADT^A40 several PID/MRG pairs): segments before the first PID go with the first
 * block, so every result lands on the patient it follows.
 */
export function patientBlocks(segs: Seg[]): Seg[][] {
  const starts = segs.flatMap((s, i) => (s.name === 'PID' ? [i] : []));
  if (starts.length <= 1) return [segs];
  return starts.map((at, k) => segs.slice(k === 0 ? 0 : at, starts[k + 1] ?? segs.length));
}

/** Maps one message. `nextPage` is the first page number free in the whole input. */
export function mapMessage(msg: RawMessage, nextPage = 1): MappedMessage {
  const all = segments(msg);
  const subjects: Record<string, PersonHints> = {};
  const out = new MessageContext(msg, all, `m${msg.index}`, nextPage);
  for (const w of msg.warnings) out.issues.push({ severity: 'warning', code: 'bad-segment', message: `message ${msg.index}: ${w.message}`, location: { line: w.line } });
  const z = all.filter((s) => s.name.startsWith('Z'));
  if (z.length) out.issue('information', 'z-segment', `custom segments ignored: ${[...new Set(z.map((s) => s.name))].join(', ')} (${z.length} in all)`, z[0]);
  if (!msg.type) out.issue('warning', 'no-message-type', 'MSH-9 (message type) is empty; segments were read as they are', all[0]);
  if (msg.version && !/^2\.\d/.test(msg.version)) out.issue('warning', 'unexpected-version', `MSH-12 version ${JSON.stringify(msg.version)} is not an HL7 v2.x version; read as v2`, all[0]);
  if (msg.type === 'ADT' && msg.trigger && !ADT_EVENTS.has(msg.trigger)) {
    out.issue('information', 'partial-event', `ADT^${msg.trigger} is read for its patient, visit, allergies and diagnoses only (merge/link/cancel semantics are not applied)`);
  }
  if (!all.some((s) => s.name === 'PID') && !['ACK', 'MFN', 'QBP'].includes(msg.type)) {
    out.issue('warning', 'no-patient', `no PID segment in this ${msg.type || 'untyped'} message: its resources name no patient`);
  }
  for (const block of patientBlocks(all)) {
    const ctx = new MessageContext(msg, block, out.prefix, out.nextPage);
    mapBlock(ctx, subjects);
    pushAll(out.resources, ctx.resources);
    pushAll(out.issues, ctx.issues);
    pushAll(out.pages, ctx.pages);
    pushAll(out.children, ctx.children);
    out.nextPage = ctx.nextPage;
  }
  return { ctx: out, subjects };
}

/** Maps the segments of one patient block (PID and what follows it). */
function mapBlock(ctx: MessageContext, subjects: Record<string, PersonHints>): void {
  const msg = ctx.msg;
  const pid = ctx.first('PID');
  if (pid) {
    const p = mapPatient(pid, ctx.id(pid));
    ctx.subject = p.key ?? `${ctx.prefix}-patient${pid.raw.occurrence}`;
    subjects[ctx.subject] = { ...subjects[ctx.subject], ...p.hints };
    ctx.patientRef = { reference: `Patient/${p.patient.id}`, ...(p.hints.name ? { display: p.hints.name } : {}) };
    ctx.add(p.patient, pid);
  }

  const pv1 = ctx.first('PV1');
  if (pv1 && pv1HasContent(pv1)) {
    const enc = mapEncounter(ctx, pv1, ctx.first('PV2'), msg.trigger);
    ctx.add(enc, pv1);
    ctx.encounterRef = { reference: `Encounter/${enc.id}` };
  }

  const type = msg.type;
  mapClinical(ctx);
  if (RESULT_TYPES.has(type)) mapResults(ctx);
  else if (type === 'VXU' || ctx.first('RXA')) mapImmunizations(ctx);
  else if (type === 'MDM') mapDocument(ctx);
  else if (type === 'SIU') mapAppointment(ctx);
  if (PHARMACY_TYPES.has(type) || ctx.first('RXE') || ctx.first('RXO')) mapPharmacy(ctx);
  // Every other OBX (patient-level OBX in VXU/ADT/SIU, ask-at-order-entry answers in orders) is
  // still a fact: an Observation without a report. MDM OBX are the document body, not facts.
  if (type !== 'MDM') {
    const done = new Set(ctx.resources.map((r) => r.location.segment));
    const rest = ctx.all('OBX').filter((o) => !done.has(o.ref));
    if (rest.length) mapLooseObservations(ctx, rest);
  }
}
