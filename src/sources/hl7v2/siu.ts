/**
 * SIU scheduling → Appointment: ids SCH-1/2, reason SCH-7, type SCH-8, start/end from SCH-11
 * (TQ components 4/5) or TQ1-7/8 or AIS-4 + duration, status SCH-25 (or the trigger: S15
 * cancel, S26 no-show), participants: the patient, AIP personnel, AIL locations.
 */
import type { Appointment, AppointmentParticipant } from '@medplum/fhirtypes';
import { prune, type MessageContext } from './context.js';
import { codeable, hl7DateTime, identifier, locationText, practitionerRef } from './datatypes.js';

const STATUS: Record<string, Appointment['status']> = {
  BOOKED: 'booked', PENDING: 'pending', CANCELLED: 'cancelled', DELETED: 'cancelled', COMPLETE: 'fulfilled', NOSHOW: 'noshow',
  STARTED: 'arrived', WAITLIST: 'waitlist', OVERBOOK: 'booked', BLOCKED: 'booked', DC: 'cancelled',
};
const BY_TRIGGER: Record<string, Appointment['status']> = { S15: 'cancelled', S17: 'cancelled', S26: 'noshow', S14: 'booked', S12: 'booked', S13: 'booked' };

/** Only a full timestamp with a zone may be Appointment.start (an instant). */
const instant = (v: string | undefined) => (v && /T\d{2}:\d{2}:\d{2}/.test(v) ? v : undefined);

export function mapAppointment(ctx: MessageContext): void {
  const sch = ctx.first('SCH');
  if (!sch) return;
  const tq1 = ctx.first('TQ1');
  const ais = ctx.first('AIS');
  const startRaw = sch.get(11, 4) || tq1?.get(7) || ais?.get(4) || '';
  const endRaw = sch.get(11, 5) || tq1?.get(8) || '';
  const startAny = hl7DateTime(startRaw);
  const start = instant(startAny);
  const end = instant(hl7DateTime(endRaw));
  if (startRaw && !startAny) ctx.issue('warning', 'bad-date', `appointment start ${JSON.stringify(startRaw)} is not a valid HL7 date`, sch);
  const minutes = Number(sch.get(9) || ais?.get(7) || NaN);
  const endOrComputed = end ?? (start && Number.isInteger(minutes) && minutes > 0 ? addMinutes(start, minutes) : undefined);
  const participant: AppointmentParticipant[] = [];
  if (ctx.patientRef) participant.push({ actor: ctx.patientRef, status: 'accepted' });
  for (const aip of ctx.all('AIP')) {
    const who = practitionerRef(aip.rep(3));
    if (who) participant.push({ actor: who, status: 'accepted', type: aip.rep(4).length ? [codeable(aip.rep(4))!].filter(Boolean) : undefined });
  }
  for (const ail of ctx.all('AIL')) {
    const where = locationText(ail.rep(3));
    if (where) participant.push({ actor: { display: where }, status: 'accepted' });
  }
  if (!participant.length) participant.push({ status: 'needs-action', actor: { display: 'unknown' } });
  const status = STATUS[sch.get(25).toUpperCase()] ?? BY_TRIGGER[ctx.msg.trigger] ?? 'booked';
  const appt = prune<Appointment>({
    resourceType: 'Appointment',
    id: ctx.id(sch),
    identifier: [identifier(sch.rep(1)), identifier(sch.rep(2))].filter((x) => x !== undefined),
    status,
    reasonCode: [codeable(sch.rep(7))].filter((x) => x !== undefined),
    appointmentType: codeable(sch.rep(8)),
    serviceType: ais ? [codeable(ais.rep(3))].filter((x) => x !== undefined) : [],
    // FHIR wants start and end together; a start alone is kept as the requested period.
    ...(start && endOrComputed && endOrComputed >= start ? { start, end: endOrComputed } : { requestedPeriod: startAny ? [{ start: startAny }] : [] }),
    minutesDuration: Number.isInteger(minutes) && minutes > 0 ? minutes : undefined,
    description: sch.get(7, 2) || undefined,
    comment: ctx.all('NTE').map((n) => n.text(3)).filter(Boolean).join('\n') || undefined,
    participant,
  });
  ctx.add(appt, sch);
}

/** Adds minutes to an instant `YYYY-MM-DDThh:mm:ss[.f]±hh:mm`, keeping its offset. */
export function addMinutes(instantText: string, minutes: number): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(instantText);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  const t = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi + minutes, +s));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}T${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}${zone}`;
}
