/**
 * ORU^R01 (and OUL) results: one DiagnosticReport per OBR with one Observation per OBX of its
 * group; NTE after an OBX → Observation.note, after an OBR → DiagnosticReport.conclusion; ED
 * OBX → a DocumentReference plus a child file, referenced from the report's presentedForm.
 * OBX before any OBR (seen in the wild) become Observations without a report.
 */
import type { Annotation, Attachment, DiagnosticReport, DocumentReference, Observation, Specimen } from '@medplum/fhirtypes';
import { prune, type MessageContext } from './context.js';
import { authoritySystem, codeable, hl7DateTime, identifier, practitionerRef } from './datatypes.js';
import { edChild } from './document.js';
import { mapObservation, type ObxDefaults } from './obx.js';
import type { Seg } from './parse.js';
import { RESULT_STATUS } from './systems.js';

interface Group {
  obr?: Seg;
  report?: DiagnosticReport;
  defaults: ObxDefaults;
  notes: string[];
  /** This order's results that name no specimen yet (the next SPM is theirs): kept here so an SPM never searches all resources. */
  unspecified: Observation[];
}

/** One ED OBX of a result → DocumentReference (+ child file); returns the attachment for presentedForm. */
function mapEmbedded(ctx: MessageContext, obx: Seg, code: DiagnosticReport['code'] | undefined): Attachment {
  const got = edChild(ctx, obx);
  const page = got.text ? ctx.nextPage++ : undefined;
  if (page !== undefined) ctx.pages.push({ page, text: got.text!, method: 'plain' });
  const attachment: Attachment = prune({ contentType: got.contentType, title: got.title ?? (page ? `page ${page}` : undefined) });
  ctx.add(
    prune<DocumentReference>({
      resourceType: 'DocumentReference',
      id: ctx.id(obx),
      status: 'current',
      type: codeable(obx.rep(3)) ?? code ?? { text: 'Embedded document' },
      subject: ctx.patientRef,
      date: hl7DateTime(obx.get(14))?.includes('T') ? hl7DateTime(obx.get(14)) : undefined,
      content: [{ attachment }],
    }),
    obx,
  );
  return attachment;
}

/** SPM → Specimen: id SPM-2, type SPM-4, collection time SPM-17, body site SPM-8, received SPM-18. */
export function mapSpecimen(ctx: MessageContext, spm: Seg): Specimen {
  // SPM-2 is EIP: placer^filler, each an EI whose parts (id&namespace&uid&type) are subcomponents.
  const ids = spm.rep(2).slice(0, 2).map((ei) => {
    const value = (ei[0] ?? '').trim();
    const system = authoritySystem(ei[1] ?? '', ei[2] ?? '', ei[3] ?? '');
    return value ? { value, ...(system && !/\s/.test(system) ? { system } : {}) } : undefined;
  }).filter((x) => x !== undefined);
  const collectedRaw = spm.get(17, 1);
  const collected = hl7DateTime(collectedRaw);
  const received = hl7DateTime(spm.get(18));
  return prune<Specimen>({
    resourceType: 'Specimen',
    id: ctx.id(spm),
    identifier: ids,
    type: codeable(spm.rep(4)),
    subject: ctx.patientRef,
    receivedTime: received && /T\d{2}:\d{2}:\d{2}/.test(received) ? received : undefined,
    collection: prune({ collectedDateTime: collected, bodySite: codeable(spm.rep(8)) }),
  });
}

function mapReport(ctx: MessageContext, obr: Seg): DiagnosticReport {
  const start = hl7DateTime(obr.get(7));
  const end = hl7DateTime(obr.get(8));
  if (obr.get(7) && !start) ctx.issue('warning', 'bad-date', `OBR-7 ${JSON.stringify(obr.get(7))} is not a valid HL7 date`, obr);
  const issued = hl7DateTime(obr.get(22));
  let code = codeable(obr.rep(4));
  if (!code) {
    ctx.issue('warning', 'missing-code', 'OBR-4 (universal service identifier) is empty', obr);
    code = { text: 'Report' };
  }
  const statusCode = obr.get(25).toUpperCase();
  const section = obr.get(24);
  return prune<DiagnosticReport>({
    resourceType: 'DiagnosticReport',
    id: ctx.id(obr),
    identifier: [identifier(obr.rep(3)), identifier(obr.rep(2))].filter((x) => x !== undefined),
    status: RESULT_STATUS[statusCode] ?? (statusCode ? 'unknown' : 'final'),
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: section || 'LAB' }] },
    ],
    code,
    subject: ctx.patientRef,
    encounter: ctx.encounterRef,
    ...(start && end && end >= start ? { effectivePeriod: { start, end } } : { effectiveDateTime: start }),
    // `issued` is an instant: only a full timestamp with its zone qualifies.
    issued: issued && /T\d{2}:\d{2}:\d{2}/.test(issued) ? issued : undefined,
    // OBR-32 is NDL: its first component is a CNN whose parts are subcomponents.
    resultsInterpreter: obr.reps(32).map((r) => practitionerRef((r[0] ?? []).map((x) => [x]))).filter((x) => x !== undefined),
    result: [],
  });
}

/** Maps every OBR/OBX/NTE of a results message. */
export function mapResults(ctx: MessageContext): void {
  let group: Group = { defaults: { category: 'laboratory' }, notes: [], unspecified: [] };
  let lastObs: Observation | undefined;
  const flush = () => {
    if (group.report && group.notes.length) group.report.conclusion = group.notes.join('\n');
  };
  for (const seg of ctx.segs) {
    if (seg.name === 'OBR') {
      flush();
      const report = ctx.add(mapReport(ctx, seg), seg);
      group = { obr: seg, report, notes: [], unspecified: [], defaults: { category: 'laboratory', effective: report.effectiveDateTime ?? report.effectivePeriod?.start, partOf: undefined } };
      lastObs = undefined;
    } else if (seg.name === 'OBX') {
      if (seg.get(2).toUpperCase() === 'ED') {
        const att = mapEmbedded(ctx, seg, group.report?.code);
        if (group.report) (group.report.presentedForm ??= []).push(att);
        lastObs = undefined;
        continue;
      }
      const obs = mapObservation(ctx, seg, group.defaults);
      ctx.add(obs, seg);
      lastObs = obs;
      if (group.report) {
        (group.report.result ??= []).push({ reference: `Observation/${obs.id}` });
        if (!obs.specimen) group.unspecified.push(obs);
      }
    } else if (seg.name === 'NTE') {
      const text = seg.text(3);
      if (!text) continue;
      if (lastObs) (lastObs.note ??= []).push({ text } satisfies Annotation);
      else if (group.report) group.notes.push(text);
    } else if (seg.name === 'SPM') {
      const spec = ctx.add(mapSpecimen(ctx, seg), seg);
      const ref = { reference: `Specimen/${spec.id}` };
      if (group.report) (group.report.specimen ??= []).push(ref);
      // Results of this order that name no specimen yet are about this one.
      // (A list, not a search of ctx.resources per result: 28,000 OBX then an SPM took minutes.)
      for (const o of group.unspecified) o.specimen ??= ref;
      group.unspecified = [];
      group.defaults = { ...group.defaults, specimen: ref };
      lastObs = undefined;
    } else if (seg.name === 'ORC' || seg.name === 'PID') {
      lastObs = undefined;
    }
  }
  flush();
}

/** OBX outside results messages (ADT vitals, VXU eligibility): Observations without a report. */
export function mapLooseObservations(ctx: MessageContext, obxs: Seg[], defaults: ObxDefaults = {}): void {
  for (const obx of obxs) {
    if (obx.get(2).toUpperCase() === 'ED') {
      mapEmbedded(ctx, obx, undefined);
      continue;
    }
    ctx.add(mapObservation(ctx, obx, defaults), obx);
  }
}
