/**
 * DSTU2 → R4 for the resource shapes Apple Health's clinical-records export (and other older
 * patient portals) still produce, plus the few STU3 shapes that differ the same way (string
 * statuses, `context`, `notGiven`). Each rule fires only on an element or type that R4 does not
 * have, so an R4 resource passes through untouched. Works in place on parsed JSON; returns whether
 * anything was changed.
 */
type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
/** The existing list in an element (none → empty), to append to. */
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** Moves `from` to `to` (optionally transformed) when present; true if something moved. */
function move(r: Json, from: string, to: string, f: (v: unknown) => unknown = (v) => v): boolean {
  if (r[from] === undefined) return false;
  if (r[to] === undefined) r[to] = f(r[from]);
  delete r[from];
  return true;
}

const cc = (system: string, code: string): Json => ({ coding: [{ system, code }] });
const noteOf = (v: unknown) => (typeof v === 'string' ? [{ text: v }] : asArray(v));

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const ALLERGY_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

const ENCOUNTER_CLASS: Record<string, string> = {
  inpatient: 'IMP', outpatient: 'AMB', ambulatory: 'AMB', emergency: 'EMER', home: 'HH', field: 'FLD', daytime: 'SS', virtual: 'VR',
};

/** DSTU2 AllergyIntolerance.status → R4 clinicalStatus / verificationStatus codes. */
const ALLERGY_STATUS: Record<string, [string | undefined, string | undefined]> = {
  active: ['active', undefined],
  unconfirmed: ['active', 'unconfirmed'],
  confirmed: ['active', 'confirmed'],
  inactive: ['inactive', undefined],
  resolved: ['resolved', undefined],
  refuted: ['inactive', 'refuted'], // R4 ait-1: a clinical status is required unless entered-in-error
  'entered-in-error': [undefined, 'entered-in-error'],
};
const CRITICALITY: Record<string, string> = { CRITL: 'low', CRITH: 'high', CRITU: 'unable-to-assess' };

/** DSTU2 Timing.repeat: `periodUnits`/`durationUnits` → `periodUnit`/`durationUnit`, `when` → a list. */
function timing(t: unknown): boolean {
  if (!isObj(t) || !isObj(t.repeat)) return false;
  const r = t.repeat;
  let m = move(r, 'periodUnits', 'periodUnit');
  m = move(r, 'durationUnits', 'durationUnit') || m;
  if (typeof r.when === 'string') (r.when = [r.when]), (m = true);
  return m;
}

/** DSTU2 Dosage (MedicationOrder.dosageInstruction, MedicationStatement.dosage) → R4 Dosage. */
function dosage(d: unknown): unknown {
  if (!isObj(d)) return d;
  timing(d.timing);
  move(d, 'additionalInstructions', 'additionalInstruction', asArray);
  move(d, 'siteCodeableConcept', 'site');
  delete d.siteReference;
  const doseRate: Json = {};
  for (const k of ['doseQuantity', 'doseRange', 'quantityQuantity', 'quantityRange', 'rateRatio', 'rateRange', 'rateQuantity']) {
    if (d[k] === undefined) continue;
    const key = k.startsWith('quantity') ? k.replace('quantity', 'dose') : k;
    doseRate[key] = d[k];
    delete d[k];
  }
  if (Object.keys(doseRate).length) d.doseAndRate = [doseRate];
  return d;
}

type Mapper = (r: Json) => boolean;

/** DSTU2 HumanName.family was a list of strings; R4 has one string. */
function familyToString(n: Json): boolean {
  if (!Array.isArray(n.family)) return false;
  const family = n.family.filter((x) => typeof x === 'string').join(' ');
  if (family) n.family = family;
  else delete n.family;
  return true;
}

/** `name`: a single HumanName (DSTU2 Practitioner, RelatedPerson) becomes a list; family lists become strings. */
function humanNames(r: Json): boolean {
  let m = false;
  if (isObj(r.name)) (r.name = [r.name]), (m = true);
  if (Array.isArray(r.name)) for (const n of r.name) if (isObj(n) && familyToString(n)) m = true;
  return m;
}

const MAPPERS: Record<string, Mapper> = {
  MedicationOrder(r) {
    r.resourceType = 'MedicationRequest';
    if (r.intent === undefined) r.intent = 'order';
    if (r.status === undefined) r.status = 'unknown';
    move(r, 'dateWritten', 'authoredOn');
    move(r, 'patient', 'subject');
    move(r, 'prescriber', 'requester');
    move(r, 'reasonCodeableConcept', 'reasonCode', asArray);
    move(r, 'reasonReference', 'reasonReference', asArray);
    if (typeof r.note === 'string') r.note = noteOf(r.note);
    const ended = [r.dateEnded, isObj(r.reasonEnded) ? (r.reasonEnded as Json).text : undefined].filter((x) => typeof x === 'string');
    if (ended.length) r.note = [...list(r.note), { text: `Ended: ${ended.join(', ')}` }];
    delete r.dateEnded;
    delete r.reasonEnded;
    if (Array.isArray(r.dosageInstruction)) r.dosageInstruction = r.dosageInstruction.map(dosage);
    if (isObj(r.dispenseRequest)) {
      delete r.dispenseRequest.medicationCodeableConcept;
      delete r.dispenseRequest.medicationReference;
    }
    if (isObj(r.substitution)) move(r.substitution, 'type', 'allowedCodeableConcept');
    return true;
  },
  MedicationStatement(r) {
    let m = move(r, 'patient', 'subject');
    if (r.wasNotTaken === true) r.status = 'not-taken';
    m = move(r, 'wasNotTaken', '_drop') || m;
    delete r._drop;
    m = move(r, 'reasonNotTaken', 'statusReason', asArray) || m;
    m = move(r, 'reasonForUseCodeableConcept', 'reasonCode', asArray) || m;
    m = move(r, 'reasonForUseReference', 'reasonReference', asArray) || m;
    m = move(r, 'supportingInformation', 'derivedFrom') || m;
    if (typeof r.note === 'string') (r.note = noteOf(r.note)), (m = true);
    if (Array.isArray(r.dosage) && r.dosage.some((d) => isObj(d) && (Object.keys(d).some((k) => /^(quantity|siteCodeableConcept)/.test(k)) || (isObj(d.timing) && isObj(d.timing.repeat) && ('periodUnits' in d.timing.repeat || 'durationUnits' in d.timing.repeat))))) {
      r.dosage = r.dosage.map(dosage);
      m = true;
    }
    return m;
  },
  Condition(r) {
    let m = move(r, 'patient', 'subject');
    m = move(r, 'dateRecorded', 'recordedDate') || m;
    if (isObj(r.category)) (r.category = [r.category]), (m = true);
    if (typeof r.clinicalStatus === 'string') (r.clinicalStatus = cc(CLINICAL, r.clinicalStatus)), (m = true);
    if (typeof r.verificationStatus === 'string') {
      const v = r.verificationStatus;
      if (v === 'unknown') delete r.verificationStatus;
      else r.verificationStatus = cc(VERIFICATION, v);
      m = true;
    }
    if (typeof r.abatementBoolean === 'boolean') {
      if (r.abatementBoolean && r.clinicalStatus === undefined) r.clinicalStatus = cc(CLINICAL, 'resolved');
      delete r.abatementBoolean;
      m = true;
    }
    m = move(r, 'notes', 'note', noteOf) || m;
    if (Array.isArray(r.evidence)) for (const e of r.evidence) if (isObj(e) && isObj(e.code)) (e.code = [e.code]), (m = true);
    return m;
  },
  AllergyIntolerance(r) {
    let m = move(r, 'substance', 'code');
    m = move(r, 'reporter', 'asserter') || m;
    m = move(r, 'onset', 'onsetDateTime') || m;
    m = move(r, 'lastOccurence', 'lastOccurrence') || m;
    // STU3: clinicalStatus / verificationStatus were codes.
    if (typeof r.clinicalStatus === 'string') (r.clinicalStatus = cc(ALLERGY_CLINICAL, r.clinicalStatus)), (m = true);
    if (typeof r.verificationStatus === 'string') (r.verificationStatus = cc(ALLERGY_VERIFICATION, r.verificationStatus)), (m = true);
    if (typeof r.status === 'string') {
      const [clinical, verification] = ALLERGY_STATUS[r.status] ?? [undefined, undefined];
      if (clinical && r.clinicalStatus === undefined) r.clinicalStatus = cc(ALLERGY_CLINICAL, clinical);
      if (verification && r.verificationStatus === undefined) r.verificationStatus = cc(ALLERGY_VERIFICATION, verification);
      delete r.status;
      m = true;
    }
    if (typeof r.criticality === 'string' && CRITICALITY[r.criticality]) (r.criticality = CRITICALITY[r.criticality]), (m = true);
    if (typeof r.category === 'string') {
      r.category = ['food', 'medication', 'environment', 'biologic'].includes(r.category) ? [r.category] : undefined;
      if (r.category === undefined) delete r.category;
      m = true;
    }
    if (isObj(r.note)) (r.note = [r.note]), (m = true);
    if (Array.isArray(r.reaction)) {
      for (const x of r.reaction) {
        if (!isObj(x)) continue;
        if (x.certainty !== undefined) (delete x.certainty), (m = true);
        if (isObj(x.note)) (x.note = [x.note]), (m = true);
      }
    }
    return m;
  },
  Immunization(r) {
    let m = move(r, 'date', 'occurrenceDateTime');
    if (typeof r.notGiven === 'boolean') {
      if (r.notGiven) r.status = 'not-done';
      delete r.notGiven;
      m = true;
    }
    if (Array.isArray(r.practitioner)) {
      r.performer = r.practitioner.filter(isObj).map((p) => ({ actor: p.actor, function: p.role }));
      delete r.practitioner;
      m = true;
    }
    if (typeof r.wasNotGiven === 'boolean') {
      if (r.wasNotGiven) r.status = 'not-done';
      delete r.wasNotGiven;
      m = true;
    }
    if (typeof r.reported === 'boolean') {
      if (r.primarySource === undefined) r.primarySource = !r.reported;
      delete r.reported;
      m = true;
    }
    if (isObj(r.performer)) (r.performer = [{ actor: r.performer }]), (m = true);
    if (isObj(r.requester)) {
      const op = { actor: r.requester, function: cc('http://terminology.hl7.org/CodeSystem/v2-0443', 'OP') };
      r.performer = [...list(r.performer), op];
      delete r.requester;
      m = true;
    }
    if (isObj(r.explanation)) {
      const e = r.explanation;
      if (Array.isArray(e.reason)) r.reasonCode = e.reason;
      if (Array.isArray(e.reasonNotGiven) && e.reasonNotGiven.length) r.statusReason = e.reasonNotGiven[0];
      delete r.explanation;
      m = true;
    }
    if (Array.isArray(r.vaccinationProtocol)) {
      r.protocolApplied = r.vaccinationProtocol.filter(isObj).map((p) => ({
        series: p.series,
        authority: p.authority,
        targetDisease: p.targetDisease,
        doseNumberPositiveInt: typeof p.doseSequence === 'number' ? p.doseSequence : undefined,
        doseNumberString: typeof p.doseSequence === 'number' ? undefined : 'unknown',
        seriesDosesPositiveInt: p.seriesDoses,
      }));
      delete r.vaccinationProtocol;
      m = true;
    }
    return m;
  },
  Observation(r) {
    let m = false;
    if (isObj(r.category)) (r.category = [r.category]), (m = true);
    if (isObj(r.interpretation)) (r.interpretation = [r.interpretation]), (m = true);
    m = move(r, 'comments', 'note', noteOf) || m;
    if (Array.isArray(r.referenceRange)) for (const rr of r.referenceRange) if (isObj(rr) && move(rr, 'meaning', 'type')) m = true;
    if (Array.isArray(r.related)) {
      for (const rel of r.related) {
        if (!isObj(rel) || !isObj(rel.target)) continue;
        const key = rel.type === 'has-member' ? 'hasMember' : 'derivedFrom';
        r[key] = [...list(r[key]), rel.target];
      }
      delete r.related;
      m = true;
    }
    return m;
  },
  Procedure(r) {
    let m = false;
    if (r.notPerformed === true) r.status = 'not-done';
    if (r.notPerformed !== undefined) (delete r.notPerformed), (m = true);
    if (r.status === 'aborted') (r.status = 'stopped'), (m = true);
    m = move(r, 'reasonNotPerformed', 'statusReason', (v) => asArray(v)[0]) || m;
    m = move(r, 'reasonCodeableConcept', 'reasonCode', asArray) || m;
    if (isObj(r.reasonReference)) (r.reasonReference = [r.reasonReference]), (m = true);
    m = move(r, 'request', 'basedOn', asArray) || m;
    m = move(r, 'notes', 'note') || m;
    if (Array.isArray(r.performer)) for (const p of r.performer) if (isObj(p) && move(p, 'role', 'function')) m = true;
    // DSTU2 bodySite was [{ siteCodeableConcept | siteReference }].
    if (Array.isArray(r.bodySite) && r.bodySite.some((b) => isObj(b) && ('siteCodeableConcept' in b || 'siteReference' in b))) {
      r.bodySite = r.bodySite.map((b) => (isObj(b) && 'siteCodeableConcept' in b ? b.siteCodeableConcept : isObj(b) && 'siteReference' in b ? undefined : b)).filter(Boolean);
      m = true;
    }
    return m;
  },
  DiagnosticReport(r) {
    let m = false;
    if (isObj(r.category)) (r.category = [r.category]), (m = true);
    if (isObj(r.performer)) (r.performer = [r.performer]), (m = true);
    // STU3: performer was [{ role, actor }].
    if (Array.isArray(r.performer) && r.performer.some((p) => isObj(p) && isObj(p.actor))) {
      r.performer = r.performer.map((p) => (isObj(p) && isObj(p.actor) ? p.actor : p));
      m = true;
    }
    m = move(r, 'request', 'basedOn', asArray) || m;
    m = move(r, 'codedDiagnosis', 'conclusionCode') || m;
    return m;
  },
  Encounter(r) {
    let m = move(r, 'patient', 'subject');
    if (typeof r.class === 'string') {
      const code = ENCOUNTER_CLASS[r.class];
      r.class = code ? { system: ACT_CODE, code, display: r.class } : { display: r.class };
      m = true;
    }
    m = move(r, 'indication', 'diagnosis', (v) => asArray(v).map((condition) => ({ condition }))) || m;
    m = move(r, 'reason', 'reasonCode') || m;
    m = move(r, 'incomingReferral', 'basedOn') || m;
    if (isObj(r.appointment)) (r.appointment = [r.appointment]), (m = true);
    return m;
  },
  Patient(r) {
    let m = move(r, 'careProvider', 'generalPractitioner');
    if (r.animal !== undefined) (delete r.animal), (m = true);
    m = humanNames(r) || m;
    if (Array.isArray(r.contact)) for (const c of r.contact) if (isObj(c) && isObj(c.name) && familyToString(c.name)) m = true;
    return m;
  },
  Practitioner: humanNames,
  RelatedPerson: humanNames,
  // Argonaut DSTU2 servers (Epic's DSTU2 API) send goals, care plans and administrations in these shapes.
  Goal(r) {
    let m = false;
    if (typeof r.description === 'string') (r.description = { text: r.description }), (m = true);
    // DSTU2/STU3 `status` mixed where the goal stands in its life with how it is going; R4 splits the two.
    if (typeof r.status === 'string' && r.lifecycleStatus === undefined) {
      const [life, achievement] = GOAL_STATUS[r.status] ?? ['active', undefined];
      r.lifecycleStatus = life;
      if (achievement && r.achievementStatus === undefined) r.achievementStatus = cc(GOAL_ACHIEVEMENT, achievement);
      delete r.status;
      m = true;
    }
    m = move(r, 'author', 'expressedBy') || m;
    if (typeof r.targetDate === 'string' && r.target === undefined) (r.target = [{ dueDate: r.targetDate }]), delete r.targetDate, (m = true);
    if (isObj(r.target)) (r.target = [r.target]), (m = true);
    return m;
  },
  CarePlan(r) {
    let m = false;
    if (r.intent === undefined) (r.intent = 'plan'), (m = true);
    if (r.status === 'proposed') (r.status = 'draft'), (m = true);
    if (r.status === 'cancelled') (r.status = 'revoked'), (m = true);
    m = move(r, 'support', 'supportingInfo') || m;
    if (Array.isArray(r.participant)) (delete r.participant), (m = true);
    if (Array.isArray(r.activity)) {
      for (const a of r.activity) {
        const d = isObj(a) ? a.detail : undefined;
        if (!isObj(d)) continue;
        if (typeof d.prohibited === 'boolean') (d.doNotPerform = d.prohibited), delete d.prohibited, (m = true);
        if (isObj(d.category)) (delete d.category), (m = true);
        if (d.status === undefined) (d.status = 'unknown'), (m = true);
      }
    }
    return m;
  },
  MedicationAdministration(r) {
    let m = move(r, 'patient', 'subject');
    m = move(r, 'effectiveTimeDateTime', 'effectiveDateTime') || m;
    m = move(r, 'effectiveTimePeriod', 'effectivePeriod') || m;
    m = move(r, 'prescription', 'request') || m;
    m = move(r, 'encounter', 'context') || m;
    if (isObj(r.practitioner)) (r.performer = [{ actor: r.practitioner }]), delete r.practitioner, (m = true);
    if (r.wasNotGiven === true) r.status = 'not-done';
    if (typeof r.wasNotGiven === 'boolean') (delete r.wasNotGiven), (m = true);
    m = move(r, 'reasonNotGiven', 'statusReason') || m;
    m = move(r, 'reasonGiven', 'reasonCode') || m;
    if (isObj(r.dosage)) m = move(r.dosage, 'quantity', 'dose') || m;
    if (typeof r.note === 'string') (r.note = noteOf(r.note)), (m = true);
    return m;
  },
};

const GOAL_ACHIEVEMENT = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
/** DSTU2/STU3 Goal.status → R4 lifecycleStatus and, where it said how the goal is going, achievementStatus. */
const GOAL_STATUS: Record<string, [string, string | undefined]> = {
  proposed: ['proposed', undefined],
  planned: ['planned', undefined],
  accepted: ['accepted', undefined],
  rejected: ['rejected', undefined],
  'in-progress': ['active', 'in-progress'],
  'on-target': ['active', 'in-progress'],
  'ahead-of-target': ['active', 'improving'],
  'behind-target': ['active', 'worsening'],
  sustaining: ['active', 'sustaining'],
  achieved: ['completed', 'achieved'],
  'on-hold': ['on-hold', undefined],
  cancelled: ['cancelled', undefined],
  'entered-in-error': ['entered-in-error', undefined],
};

/** STU3 `context` (an Encounter or EpisodeOfCare reference) became `encounter` in R4. */
const HAS_CONTEXT = new Set(['Observation', 'Procedure', 'DiagnosticReport', 'MedicationRequest', 'Condition', 'Communication']);

/** Maps a DSTU2- (or STU3-) shaped resource to R4 in place; returns true when it changed anything. */
export function mapDstu2(r: Json): boolean {
  const type = r.resourceType as string;
  let m = false;
  if (HAS_CONTEXT.has(type) && isObj(r.context) && typeof r.context.reference === 'string') {
    m = move(r, 'context', 'encounter');
  }
  if (type === 'MedicationRequest' && isObj(r.requester) && isObj(r.requester.agent)) (r.requester = r.requester.agent), (m = true);
  if (type === 'MedicationStatement' && typeof r.taken === 'string') {
    if (r.taken === 'n') r.status = 'not-taken';
    delete r.taken;
    m = true;
  }
  if (type === 'Procedure' && typeof r.notDone === 'boolean') {
    if (r.notDone) r.status = 'not-done';
    delete r.notDone;
    m = move(r, 'notDoneReason', 'statusReason') || true;
  }
  const mapper = MAPPERS[type];
  return (mapper ? mapper(r) : false) || m;
}
