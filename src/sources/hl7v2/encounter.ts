/** PV1 (+PV2) → Encounter: class (PV1-2), visit number (PV1-19), period (PV1-44/45), location (PV1-3), attending (PV1-7). */
import type { Encounter, EncounterParticipant } from '@medplum/fhirtypes';
import { codeable, hl7DateTime, identifier, locationText, practitionerRef } from './datatypes.js';
import { prune, type MessageContext } from './context.js';
import type { Seg } from './parse.js';
import { ENCOUNTER_CLASS } from './systems.js';

const PARTICIPANTS: Array<[number, string, string]> = [
  [7, 'ATND', 'attender'],
  [8, 'REF', 'referrer'],
  [9, 'CON', 'consultant'],
  [17, 'ADM', 'admitter'],
];

/** Whether a PV1 says anything worth an Encounter (some messages send `PV1|1|N` or an empty PV1). */
export function pv1HasContent(pv1: Seg): boolean {
  return [3, 7, 19, 44, 45].some((n) => pv1.get(n) !== '') || !!ENCOUNTER_CLASS[pv1.get(2).toUpperCase()] && pv1.get(2).toUpperCase() !== 'N';
}

/** Maps PV1/PV2 to an Encounter; `event` is the ADT trigger (A03 = discharge → finished). */
export function mapEncounter(ctx: MessageContext, pv1: Seg, pv2?: Seg, event = ''): Encounter {
  const cls = ENCOUNTER_CLASS[pv1.get(2).toUpperCase()];
  const start = hl7DateTime(pv1.get(44));
  const end = hl7DateTime(pv1.get(45));
  if (pv1.get(44) && !start) ctx.issue('warning', 'bad-date', `PV1-44 admit time ${JSON.stringify(pv1.get(44))} is not a valid HL7 date`, pv1);
  if (pv1.get(45) && !end) ctx.issue('warning', 'bad-date', `PV1-45 discharge time ${JSON.stringify(pv1.get(45))} is not a valid HL7 date`, pv1);
  const participant: EncounterParticipant[] = [];
  for (const [n, code, display] of PARTICIPANTS) {
    for (const r of pv1.reps(n)) {
      const individual = practitionerRef(r);
      if (individual) participant.push({ type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code, display }] }], individual });
    }
  }
  const loc = locationText(pv1.rep(3));
  const visit = identifier(pv1.rep(19));
  const status: Encounter['status'] = end || event === 'A03' ? 'finished' : event === 'A11' || event === 'A13' ? 'cancelled' : start ? 'in-progress' : 'unknown';
  const reason = pv2 ? codeable(pv2.rep(3)) : undefined;
  const e = prune<Encounter>({
    resourceType: 'Encounter',
    id: ctx.id(pv1),
    status,
    class: cls
      ? { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: cls.code, display: cls.display }
      : { system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor', code: 'UNK', display: 'unknown' },
    type: [codeable(pv1.rep(4)), codeable(pv1.rep(18))].filter((x) => x !== undefined),
    identifier: visit ? [visit] : [],
    subject: ctx.patientRef,
    participant,
    period: { start, end },
    location: loc ? [{ location: { display: loc } }] : [],
    reasonCode: reason ? [reason] : [],
    serviceType: codeable(pv1.rep(10)),
    hospitalization: prune({ admitSource: codeable(pv1.rep(14)), dischargeDisposition: codeable(pv1.rep(36)) }),
  });
  return e;
}
