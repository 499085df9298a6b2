/**
 * Pharmacy orders (RDE, RDS, OMP, ORM/RXO, RXE anywhere) → MedicationRequest: one per ORC
 * group, from RXE (encoded order) when present else RXO (the order as requested); status from
 * ORC-1/ORC-5, authoredOn ORC-9, requester ORC-12, route RXR-1, dose RXE-3/5, dispense RXE-10/11.
 */
import type { Dosage, MedicationRequest } from '@medplum/fhirtypes';
import { prune, type MessageContext } from './context.js';
import { codeable, hl7DateTime, hl7Number, identifier, practitionerRef } from './datatypes.js';
import { unitOf } from './obx.js';
import type { Seg } from './parse.js';

const BY_CONTROL: Record<string, MedicationRequest['status']> = { NW: 'active', OK: 'active', XO: 'active', RE: 'active', CA: 'cancelled', OC: 'cancelled', CR: 'cancelled', DC: 'stopped', OD: 'stopped', HD: 'on-hold', OH: 'on-hold', RL: 'active' };
const BY_STATUS: Record<string, MedicationRequest['status']> = { IP: 'active', SC: 'active', A: 'active', CM: 'completed', CA: 'cancelled', DC: 'stopped', HD: 'on-hold', ER: 'entered-in-error' };

interface Order {
  orc?: Seg;
  rxo?: Seg;
  rxe?: Seg;
  rxr?: Seg;
  tq1?: Seg;
}

/** Maps one order group to a MedicationRequest (undefined when it has no RXE/RXO). */
export function mapMedicationRequest(ctx: MessageContext, o: Order): MedicationRequest | undefined {
  const main = o.rxe ?? o.rxo;
  if (!main) return undefined;
  const isRxe = main.name === 'RXE';
  let medication = codeable(main.rep(isRxe ? 2 : 1));
  if (!medication && o.rxo) medication = codeable(o.rxo.rep(1));
  if (!medication) {
    ctx.issue('warning', 'missing-code', `${main.name}-${isRxe ? 2 : 1} (give code) is empty`, main);
    medication = { text: 'Unknown medication' };
  }
  const orc = o.orc;
  const status = BY_STATUS[orc?.get(5).toUpperCase() ?? ''] ?? BY_CONTROL[orc?.get(1).toUpperCase() ?? ''] ?? 'unknown';
  const dose = hl7Number(main.get(isRxe ? 3 : 2));
  const doseUnit = unitOf(main.rep(isRxe ? 5 : 4));
  const instructions = [...main.reps(isRxe ? 7 : 7), ...main.reps(isRxe ? 21 : 6)].map((r) => r[1]?.[0] || r[0]?.[0] || '').filter(Boolean);
  const timing = o.tq1?.text(3) || (isRxe ? main.text(1) : '') || orc?.text(7);
  const start = o.tq1 ? hl7DateTime(o.tq1.get(7)) : undefined;
  const end = o.tq1 ? hl7DateTime(o.tq1.get(8)) : undefined;
  const dosage: Dosage = prune<Dosage>({
    text: [instructions.join('; '), timing?.replace(/\^/g, ' ').trim()].filter(Boolean).join(' — ') || undefined,
    route: o.rxr ? codeable(o.rxr.rep(1)) : undefined,
    site: o.rxr ? codeable(o.rxr.rep(2)) : undefined,
    doseAndRate: dose !== undefined ? [{ doseQuantity: { value: dose, ...doseUnit } }] : [],
    timing: start || end ? { repeat: { boundsPeriod: { start, end } } } : undefined,
  });
  const dispenseQty = hl7Number(isRxe ? main.get(10) : main.get(11));
  const refills = hl7Number(isRxe ? main.get(12) : main.get(13));
  const authored = hl7DateTime(orc?.get(9) ?? '') ?? (isRxe ? hl7DateTime(main.get(32)) : undefined);
  const requester = practitionerRef(orc?.rep(12)) ?? practitionerRef(main.rep(isRxe ? 13 : 14));
  const req = prune<MedicationRequest>({
    resourceType: 'MedicationRequest',
    id: ctx.id(main),
    identifier: orc ? [identifier(orc.rep(2)), identifier(orc.rep(3))].filter((x) => x !== undefined) : [],
    status,
    intent: 'order',
    medicationCodeableConcept: medication,
    subject: ctx.requiredPatient,
    encounter: ctx.encounterRef,
    authoredOn: authored,
    requester,
    dosageInstruction: Object.keys(dosage).length ? [dosage] : [],
    dispenseRequest: prune({
      quantity: dispenseQty !== undefined ? { value: dispenseQty, ...unitOf(main.rep(isRxe ? 11 : 12)) } : undefined,
      numberOfRepeatsAllowed: refills !== undefined && Number.isInteger(refills) && refills >= 0 ? refills : undefined,
    }),
    substitution: main.get(isRxe ? 9 : 9) ? { allowedBoolean: !['N', '0'].includes(main.get(9).toUpperCase()) } : undefined,
  });
  if (status === 'unknown' && orc) ctx.issue('information', 'unknown-status', `ORC-1 ${JSON.stringify(orc.get(1))} / ORC-5 ${JSON.stringify(orc.get(5))} give no order status`, orc);
  return req;
}

/** Maps every pharmacy order group (ORC … RXO/RXE … RXR) of a message. */
export function mapPharmacy(ctx: MessageContext): void {
  let o: Order = {};
  const flush = () => {
    const m = mapMedicationRequest(ctx, o);
    if (m) ctx.add(m, (o.rxe ?? o.rxo)!);
    o = {};
  };
  for (const seg of ctx.segs) {
    switch (seg.name) {
      case 'ORC':
        flush();
        o.orc = seg;
        break;
      case 'RXO':
        if (o.rxo || o.rxe) flush();
        o.rxo = seg;
        break;
      case 'RXE':
        if (o.rxe) flush();
        o.rxe = seg;
        break;
      case 'RXR':
        if (!o.rxr) o.rxr = seg;
        break;
      case 'TQ1':
        if (!o.tq1) o.tq1 = seg;
        break;
    }
  }
  flush();
}
