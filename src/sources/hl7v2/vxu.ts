/**
 * VXU^V04 (and RXA anywhere) → Immunization: CVX from RXA-5, date RXA-3, dose RXA-6/7, lot
 * RXA-15, expiry RXA-16, manufacturer RXA-17, not given when RXA-20 is RE (refused) or NA (not
 * administered) with RXA-18 as the refusal reason, RXA-21 D → entered-in-error, route/site from
 * RXR. OBX after an RXA (funding, VIS dates) become Observations part of that Immunization.
 */
import type { Immunization } from '@medplum/fhirtypes';
import { prune, type MessageContext } from './context.js';
import { codeable, hl7Date, hl7DateTime, hl7Number, practitionerRef, locationText } from './datatypes.js';
import { mapLooseObservations } from './oru.js';
import { comp, type Seg } from './parse.js';
import { unitOf } from './obx.js';

/** Maps one RXA (+ its RXR) to an Immunization. */
export function mapImmunization(ctx: MessageContext, rxa: Seg, rxr?: Seg): Immunization {
  const completion = rxa.get(20).toUpperCase();
  const action = rxa.get(21).toUpperCase();
  const cvx = rxa.get(5, 1);
  const notGiven = completion === 'RE' || completion === 'NA' || cvx === '998';
  const status: Immunization['status'] = action === 'D' ? 'entered-in-error' : notGiven ? 'not-done' : 'completed';
  const rawDate = rxa.get(3);
  const date = hl7DateTime(rawDate);
  if (!date) ctx.issue('warning', rawDate ? 'bad-date' : 'missing-date', `RXA-3 administration date ${JSON.stringify(rawDate)} is ${rawDate ? 'not a valid HL7 date' : 'empty'}`, rxa);
  let vaccineCode = codeable(rxa.rep(5));
  if (!vaccineCode) {
    ctx.issue('warning', 'missing-code', 'RXA-5 (administered code) is empty', rxa);
    vaccineCode = { text: 'Unknown vaccine' };
  }
  const amount = hl7Number(rxa.get(6));
  const refusal = codeable(rxa.rep(18));
  const note = rxa.get(9, 1);
  const lot = rxa.reps(15).map((r) => comp(r, 1)).filter(Boolean);
  const performer = practitionerRef(rxa.rep(10));
  const where = locationText(rxa.rep(11)) ?? locationText(rxa.rep(27));
  const imm = prune<Immunization>({
    resourceType: 'Immunization',
    id: ctx.id(rxa),
    status,
    statusReason: notGiven
      ? refusal ?? (completion === 'RE' ? { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'PATOBJ', display: 'patient objection' }] } : undefined)
      : undefined,
    vaccineCode,
    patient: ctx.requiredPatient,
    encounter: ctx.encounterRef,
    ...(date ? { occurrenceDateTime: date } : { occurrenceString: rawDate || 'unknown' }),
    // RXA-9 "00" = new record (given here), "01" = historical (from another source).
    primarySource: note === '00' ? true : note === '01' ? false : undefined,
    lotNumber: lot.join(', '),
    expirationDate: hl7Date(rxa.get(16)),
    manufacturer: rxa.get(17, 2) || rxa.get(17, 1) ? { display: rxa.get(17, 2) || rxa.get(17, 1) } : undefined,
    doseQuantity: amount !== undefined && amount !== 999 && amount > 0 ? { value: amount, ...unitOf(rxa.rep(7)) } : undefined,
    performer: performer ? [{ actor: performer }] : [],
    location: where ? { display: where } : undefined,
    route: rxr ? codeable(rxr.rep(1)) : undefined,
    site: rxr ? codeable(rxr.rep(2)) : undefined,
    note: completion === 'PA' ? [{ text: 'partially administered' }] : [],
  });
  return imm;
}

/** Maps every RXA of a message; OBX following an RXA are attached to it. */
export function mapImmunizations(ctx: MessageContext): void {
  let current: Immunization | undefined;
  let rxa: Seg | undefined;
  let rxr: Seg | undefined;
  let pendingObx: Seg[] = [];
  const flush = () => {
    if (rxa) {
      current = ctx.add(mapImmunization(ctx, rxa, rxr), rxa);
      mapLooseObservations(ctx, pendingObx, { partOf: { reference: `Immunization/${current.id}` } });
    }
    rxa = undefined;
    rxr = undefined;
    pendingObx = [];
  };
  for (const seg of ctx.segs) {
    if (seg.name === 'ORC' || seg.name === 'RXA') flush();
    if (seg.name === 'RXA') rxa = seg;
    else if (seg.name === 'RXR' && rxa && !rxr) rxr = seg;
    else if (seg.name === 'OBX' && rxa) pendingObx.push(seg);
  }
  flush();
}
