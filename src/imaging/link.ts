/**
 * Links radiology reports to imaging studies. A report names its study by Study Instance UID
 * (DICOM SR, FHIR imagingStudy), else by accession number (an identifier, or the number
 * written in its text); else a report dated within a day of the study whose words name the
 * study's modality or body part is taken as its report. Each report links to at most one
 * study (the strongest, then nearest in date); a study may have several reports. Pure.
 */
import type { DiagnosticReport } from '@medplum/fhirtypes';
import type { LinkReason, ReportIdentity, StudySummary } from './model.js';

export interface ReportCandidate extends ReportIdentity {
  studyUids: string[];
  /** Identifier values; `typedAccessions` are the ones marked as accession numbers (ACSN). */
  identifiers: string[];
  typedAccessions: string[];
  /** Title, code, conclusion and page text: where accession numbers and words are looked for. */
  text: string;
  excerpt?: string;
}

export interface ReportLink {
  reportId: string;
  studyUid: string;
  reason: LinkReason;
}

/** Words naming each modality in report titles and texts (lower case, whole words). */
const MODALITY_WORDS: Record<string, string[]> = {
  // Short codes that are also everyday words (us, mr, mg, dx) are left out on purpose.
  CT: ['ct', 'cta', 'computed tomography', 'cat scan'],
  MR: ['mri', 'mra', 'magnetic resonance'],
  CR: ['xr', 'x-ray', 'xray', 'radiograph', 'radiographs', 'radiography'],
  DX: ['xr', 'x-ray', 'xray', 'radiograph', 'radiographs', 'radiography'],
  US: ['ultrasound', 'sonogram', 'sonography', 'doppler', 'duplex', 'echocardiogram'],
  MG: ['mammogram', 'mammography', 'mammo', 'tomosynthesis'],
  NM: ['nuclear medicine', 'scintigraphy', 'spect', 'bone scan'],
  PT: ['pet', 'pet/ct', 'pet-ct', 'positron'],
  XA: ['angiogram', 'angiography', 'catheterization'],
  RF: ['fluoroscopy', 'fluoro', 'swallow', 'barium'],
};

/** DICOM Body Part Examined terms and the words a report uses for them. */
const BODY_WORDS: Record<string, string[]> = {
  HEAD: ['head', 'brain', 'skull', 'cranial', 'intracranial'],
  BRAIN: ['head', 'brain', 'intracranial'],
  NECK: ['neck', 'cervical', 'soft tissue neck'],
  CHEST: ['chest', 'thorax', 'thoracic', 'lung', 'lungs', 'pulmonary'],
  ABDOMEN: ['abdomen', 'abdominal', 'abd', 'liver', 'kidney', 'kidneys', 'renal'],
  PELVIS: ['pelvis', 'pelvic', 'hip', 'hips'],
  ABDOMENPELVIS: ['abdomen', 'abdominal', 'pelvis', 'pelvic'],
  CHESTABDOMEN: ['chest', 'abdomen'],
  CSPINE: ['cervical spine', 'c-spine', 'cspine', 'cervical'],
  TSPINE: ['thoracic spine', 't-spine', 'tspine'],
  LSPINE: ['lumbar spine', 'l-spine', 'lspine', 'lumbar'],
  SPINE: ['spine', 'spinal', 'vertebral'],
  KNEE: ['knee'],
  SHOULDER: ['shoulder'],
  HAND: ['hand', 'finger', 'fingers'],
  WRIST: ['wrist'],
  ANKLE: ['ankle'],
  FOOT: ['foot', 'feet'],
  ELBOW: ['elbow'],
  HIP: ['hip'],
  BREAST: ['breast', 'mammogram', 'mammography'],
  HEART: ['heart', 'cardiac', 'coronary'],
  EXTREMITY: ['extremity', 'leg', 'arm'],
};

/** Lower-case text with every run of non-word characters (but / and -) as one space, padded. */
export function normaliseWords(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}/-]+/gu, ' ').trim()} `;
}

const hasPhrase = (words: string, phrase: string) => words.includes(` ${phrase} `);

const normId = (s: string) => s.trim().toUpperCase();

/** Days between two dates (first 10 characters), or undefined when either is missing. */
export function daysApart(a?: string, b?: string): number | undefined {
  if (!a || !b || a.length < 10 || b.length < 10) return undefined;
  const ta = Date.parse(a.slice(0, 10));
  const tb = Date.parse(b.slice(0, 10));
  if (Number.isNaN(ta) || Number.isNaN(tb)) return undefined;
  return Math.abs(ta - tb) / 86_400_000;
}

/** The words of a study that a report about it would contain: modalities, then body parts. */
function studyWords(study: StudySummary): { modality: string[]; body: string[] } {
  const modality = new Set<string>();
  for (const m of study.modalities) for (const w of MODALITY_WORDS[m] ?? []) modality.add(w);
  const body = new Set<string>();
  for (const b of study.bodySites) {
    const key = b.toUpperCase().replace(/[^A-Z]/g, '');
    for (const w of BODY_WORDS[key] ?? [b.toLowerCase()]) body.add(w);
  }
  // A description such as "CT HEAD W/O CONTRAST" names the body part when the tag is absent.
  for (const w of normaliseWords(study.description ?? '').trim().split(' ')) {
    const key = w.toUpperCase();
    if (BODY_WORDS[key]) for (const x of BODY_WORDS[key]) body.add(x);
  }
  return { modality: [...modality], body: [...body] };
}

interface Scored {
  studyUid: string;
  reason: LinkReason;
  score: number;
  days: number;
}

function score(study: StudySummary, report: ReportCandidate, words: string): Scored | undefined {
  const days = daysApart(study.started, report.date) ?? 99;
  if (report.studyUids.includes(study.studyUid)) return { studyUid: study.studyUid, reason: 'study-uid', score: 3, days };
  const acc = study.accession ? normId(study.accession) : undefined;
  if (acc) {
    if (report.identifiers.some((i) => normId(i) === acc)) return { studyUid: study.studyUid, reason: 'accession', score: 2, days };
    // Written in the text ("Accession: 123456"): only numbers long enough not to be chance.
    if (acc.length >= 4 && hasPhrase(words, acc.toLowerCase())) return { studyUid: study.studyUid, reason: 'accession', score: 2, days };
    // The report carries another accession number: it is about another examination.
    if (report.typedAccessions.length && !report.typedAccessions.some((i) => normId(i) === acc)) return undefined;
  }
  if (days > 1) return undefined;
  const sw = studyWords(study);
  const modality = sw.modality.some((w) => hasPhrase(words, w));
  const body = sw.body.some((w) => hasPhrase(words, w));
  if (!modality && !body) return undefined;
  return { studyUid: study.studyUid, reason: 'date-and-words', score: 1 + (modality && body ? 0.5 : 0), days };
}

/** Each report's study, when one can be found. */
export function linkReports(studies: StudySummary[], reports: ReportCandidate[]): ReportLink[] {
  const links: ReportLink[] = [];
  for (const report of reports) {
    const words = normaliseWords(report.text);
    let best: Scored | undefined;
    for (const study of studies) {
      const s = score(study, report, words);
      if (s && (!best || s.score > best.score || (s.score === best.score && s.days < best.days))) best = s;
    }
    if (best) links.push({ reportId: report.id, studyUid: best.studyUid, reason: best.reason });
  }
  return links;
}

// --- what counts as a radiology report -------------------------------------------------

/** HL7 v2 table 0074 diagnostic service sections that are imaging. */
const IMAGING_SECTIONS = new Set(['RAD', 'RX', 'CT', 'MR', 'NMR', 'NMS', 'US', 'CUS', 'OUS', 'VUS', 'XRC', 'RUS', 'IMG', 'IMAGING']);
const IMAGING_LOINC = new Set(['18748-4', '18726-0', 'LP29684-5', '85430-7']);
const IMAGING_TEXT = /\b(radiolog\w*|imaging|x-?ray|xr|ct|cta|mri?|mra|ultrasound|sonogra\w*|mammogra\w*|radiograph\w*|fluoroscop\w*|angiogra\w*|pet|nuclear medicine|scintigraph\w*|computed tomography|magnetic resonance)\b/i;

/** A DiagnosticReport about imaging: category, code or an imagingStudy says so. */
export function isRadiologyReport(r: DiagnosticReport): boolean {
  if (r.imagingStudy?.length) return true;
  const cats = r.category ?? [];
  const catCodes = cats.flatMap((c) => c.coding ?? []);
  if (catCodes.some((c) => IMAGING_SECTIONS.has((c.code ?? '').toUpperCase()) || IMAGING_LOINC.has(c.code ?? ''))) return true;
  if (cats.some((c) => /radiolog|imaging/i.test([c.text, ...(c.coding ?? []).map((x) => x.display)].join(' ')))) return true;
  const code = r.code;
  if (code?.coding?.some((c) => IMAGING_LOINC.has(c.code ?? ''))) return true;
  const codeText = [code?.text, ...(code?.coding ?? []).map((c) => c.display)].filter(Boolean).join(' ');
  return IMAGING_TEXT.test(codeText);
}

/** Document labels (and fax segment types) that mean "a radiology report". */
export function isRadiologyLabel(type: unknown): boolean {
  return typeof type === 'string' && /^(radiology_report|imaging-report|diagnostic imaging report)$/i.test(type.trim());
}

function decodeText(data: string | undefined, contentType: string | undefined): string {
  if (!data || !/^text\//i.test(contentType ?? '')) return '';
  try {
    return Buffer.from(data, 'base64').toString('utf8').slice(0, 20_000);
  } catch {
    return '';
  }
}

export function excerptOf(text: string, max = 240): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** A DiagnosticReport resource as a report candidate (undefined when it is not about imaging). */
export function reportFromResource(r: DiagnosticReport, ids: { id: string; documentId: string; filename: string }): ReportCandidate | undefined {
  if (!isRadiologyReport(r)) return undefined;
  const title = r.code?.text ?? r.code?.coding?.find((c) => c.display)?.display ?? 'Imaging report';
  const body = [r.conclusion, ...(r.presentedForm ?? []).map((f) => decodeText(f.data, f.contentType))].filter(Boolean).join('\n');
  const text = [title, ...(r.code?.coding ?? []).map((c) => c.display), body].filter(Boolean).join('\n');
  const identifiers = (r.identifier ?? []).map((i) => i.value).filter((v): v is string => !!v);
  const typedAccessions = (r.identifier ?? []).filter((i) => i.type?.coding?.some((c) => c.code === 'ACSN')).map((i) => i.value).filter((v): v is string => !!v);
  const studyUids = (r.imagingStudy ?? []).map((s) => s.identifier?.value?.replace(/^urn:oid:/, '')).filter((v): v is string => !!v);
  const date = r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued;
  const cand: ReportCandidate = { kind: 'resource', id: ids.id, documentId: ids.documentId, filename: ids.filename, title, studyUids, identifiers, typedAccessions, text };
  if (date) cand.date = date;
  const excerpt = excerptOf(body || title);
  if (excerpt) cand.excerpt = excerpt;
  return cand;
}

/** A document labelled as a radiology report (fax, scan, C-CDA imaging report) as a candidate. */
export function reportFromDocument(doc: { id: string; filename: string; label: Record<string, unknown> }, pageText: string): ReportCandidate {
  const label = doc.label;
  const segment = Array.isArray(label.segments) ? (label.segments as Array<Record<string, unknown>>).find((s) => isRadiologyLabel(s.type)) : undefined;
  const title = (typeof segment?.title === 'string' && segment.title) || (typeof label.title === 'string' && label.title) || 'Radiology report';
  const date = (typeof segment?.date === 'string' && segment.date) || (typeof label.date === 'string' && label.date) || undefined;
  const cand: ReportCandidate = { kind: 'document', id: doc.id, documentId: doc.id, filename: doc.filename, title, studyUids: [], identifiers: [], typedAccessions: [], text: `${title}\n${pageText}` };
  if (date) cand.date = date;
  const excerpt = excerptOf(pageText.replace(/^.*?(impression|findings|conclusion)\s*:?/is, '$1: '));
  if (excerpt) cand.excerpt = excerpt;
  return cand;
}
