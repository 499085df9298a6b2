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
import { segments, type RawMessage } from './parse.js';
import { mapPatient } from './patient.js';
import { mapPharmacy } from './pharmacy.js';
import { mapAppointment } from './siu.js';
import { mapImmunizations } from './vxu.js';

export const RESULT_TYPES = new Set(['ORU', 'OUL', 'ORL', 'OPU']);
const PHARMACY_TYPES = new Set(['RDE', 'RDS', 'RGV', 'RAS', 'OMP', 'ORP', 'RRE', 'ORM', 'OMG', 'OML', 'RDO']);
const ADT_EVENTS = new Set(['A01', 'A03', 'A04', 'A08', 'A28', 'A31', 'A05', 'A02', 'A06', 'A07', 'A13', 'A11', 'A12']);

export interface MappedMessage {
  ctx: MessageContext;
  subjects: Record<string, PersonHints>;
}

/** Maps one message. `nextPage` is the first page number free in the whole input. */
export function mapMessage(msg: RawMessage, nextPage = 1): MappedMessage {
  const segs = segments(msg);
  const ctx = new MessageContext(msg, segs, `m${msg.index}`, nextPage);
  const subjects: Record<string, PersonHints> = {};
  for (const w of msg.warnings) ctx.issues.push({ severity: 'warning', code: 'bad-segment', message: `message ${msg.index}: ${w.message}`, location: { line: w.line } });
  const z = segs.filter((s) => s.name.startsWith('Z'));
  if (z.length) ctx.issue('information', 'z-segment', `custom segments ignored: ${[...new Set(z.map((s) => s.name))].join(', ')} (${z.length} in all)`, z[0]);

  // Patient (the first PID; a second PID in a batch-like message is reported).
  const pids = ctx.all('PID');
  if (pids.length) {
    const pid = pids[0];
    const p = mapPatient(pid, ctx.id(pid));
    ctx.subject = p.key ?? `${ctx.prefix}-patient`;
    subjects[ctx.subject] = p.hints;
    ctx.patientRef = { reference: `Patient/${p.patient.id}`, ...(p.hints.name ? { display: p.hints.name } : {}) };
    ctx.add(p.patient, pid);
    if (pids.length > 1) ctx.issue('warning', 'several-patients', `${pids.length} PID segments in one message; results are attached to the first patient`, pids[1]);
  } else if (msg.type !== 'ACK' && msg.type !== 'MFN' && msg.type !== 'QBP') {
    ctx.issue('warning', 'no-patient', `no PID segment in this ${msg.type || 'untyped'} message: its resources name no patient`);
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
  if (type === 'ADT' && msg.trigger && !ADT_EVENTS.has(msg.trigger)) {
    ctx.issue('information', 'partial-event', `ADT^${msg.trigger} is read for its patient, visit, allergies and diagnoses only (merge/link/cancel semantics are not applied)`);
  }
  if (!type) ctx.issue('warning', 'no-message-type', 'MSH-9 (message type) is empty; segments were read as they are', ctx.segs[0]);
  return { ctx, subjects };
}
