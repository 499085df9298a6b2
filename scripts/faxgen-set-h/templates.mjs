// faxgen template set 'set-h': another stand-in for faxgen's held-out template set, written in session 22
// WITHOUT looking at the extraction/structuring rules (nothing under src/ was opened while it was written) and
// independent of set-a and of every earlier stand-in (set-i .. set-y, set-z). Theme: ACADEMIC / HOSPITAL-SYSTEM
// print-outs and SPECIALTY sources (EHR "Results Review" flowsheets, critical-care STAT lab prints with
// coagulation / blood gas / drug levels, an academic reference laboratory's pathology-style report, specialty
// clinics, teaching-hospital discharge paperwork, travel medicine, payer letters). Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-h/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-h ...
// faxgen's helpers are imported from $FAXGEN_DIR or, by default, ../shared/faxgen beside the repo.
// Every template keeps set-a's ground-truth (`gt`) contract: names, values, units and flags exactly as printed.
// See README.md here: this set MEASURES generalization; do not tune extraction rules to its layouts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAXGEN = fs.realpathSync(process.env.FAXGEN_DIR ? path.resolve(process.env.FAXGEN_DIR) : path.resolve(here, '../../../shared/faxgen'));
const lib = (p) => import(pathToFileURL(path.join(FAXGEN, 'lib', p)).href);
const { baseCss, labPanels, signatureSvg, barcodeSvg, medGt, esc } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, nameFL, nameLF, provName, provLF, fmtAddr, money, parseIso, pad: zpad } = await lib('util.mjs');

const SET = 'set-h';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// DejaVu Sans Light / URW Gothic (sans), URW Bookman / DejaVu Serif Condensed (serif), Noto Sans Mono / FreeMono
// (mono), DejaVu Sans Condensed (narrow). Fax header line: Noto Sans Mono, URW Gothic or DejaVu Serif Condensed.
export const fonts = {
  [SET]: {
    sans: ['DejaVu Sans Light', 'URW Gothic'],
    serif: ['URW Bookman', 'DejaVu Serif Condensed'],
    mono: ['Noto Sans Mono', 'FreeMono'],
    narrow: ['DejaVu Sans Condensed'],
    tti: ['Noto Sans Mono', 'URW Gothic', 'DejaVu Serif Condensed'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WD = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const D = (iso) => parseIso(iso);
/** 3/4/1950 */
const mdyNP = (iso) => { const d = D(iso); return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`; };
/** 3/4/24 */
const mdyNP2 = (iso) => { const d = D(iso); return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}`; };
/** 03/04/1950 */
const mdy = (iso) => fmtDate(iso, 'us');
/** 4 March 1950 */
const dMonthY = (iso) => { const d = D(iso); return `${d.getUTCDate()} ${MONTH[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };
/** 04 Mar 2024 */
const ddMonY = (iso) => { const d = D(iso); return `${zpad(d.getUTCDate())} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };
/** March 4, 1950 */
const monthDY = (iso) => fmtDate(iso, 'month-d-y');
/** 2024-03-14 */
const isoD = (iso) => iso.slice(0, 10);
const t12 = (dt) => fmtTime(dt, '12n');
const addDaysIso = (iso, n) => { const d = parseIso(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };
const ageOf = (dob, on) => { const a = D(dob), b = D(on); let y = b.getUTCFullYear() - a.getUTCFullYear(); if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) y--; return y; };
const NUMW = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // email-to-fax / fax-to-email gateway of a university health system printing the RFC 2822 envelope: the PAGE
    // COUNTER FIRST in brackets, then an RFC 2822 date with weekday, seconds and a numeric zone, then the sender as
    // a quoted display name with the number in angle brackets:
    // "[Page 2 of 5]  Thu, 14 Mar 2024 10:32:07 -0500  From: "SENDER" <2175550146>"
    (t) => [`[Page ${t.page} of ${t.total}]`, `${WD[D(t.dt).getUTCDay()]}, ${D(t.dt).getUTCDate()} ${MON[D(t.dt).getUTCMonth()]} ${D(t.dt).getUTCFullYear()} ${fmtTime(t.dt, '24')}:${zpad(t.sec)} -0${5 + (t.sec % 2)}00`, `From: "${t.sender.slice(0, 28)}" <${t.fax.area}${t.fax.exch}${t.fax.line}>`],
    // Toshiba e-STUDIO / Oki office MFP with the year-first month-name date setting and the weekday in parentheses,
    // "FAX:" glued digits, and a bare "P2/5" counter:
    // "2024 MAR 14 (THU) 10:32  SENDER  FAX:2175550146  P2/5"
    (t) => [`${D(t.dt).getUTCFullYear()} ${MON[D(t.dt).getUTCMonth()].toUpperCase()} ${zpad(D(t.dt).getUTCDate())} (${WD[D(t.dt).getUTCDay()].toUpperCase()}) ${fmtTime(t.dt, '24')}`, t.sender.toUpperCase().slice(0, 26), `FAX:${t.fax.area}${t.fax.exch}${t.fax.line}`, `P${t.page}/${t.total}`],
    // hospital fax-server RECEIVE log line written as a sentence, time BEFORE date ("at ... on ..."), 12-hour clock:
    // "Rcvd from 217-555-0146 at 10:32 AM on 03/14/2024  SENDER  pg 2 of 5"
    (t) => [`Rcvd from ${t.fax.area}-${t.fax.exch}-${t.fax.line} at ${fmtTime(t.dt, '12n')} on ${mdy(t.dt)}`, t.sender.slice(0, 30), `pg ${t.page} of ${t.total}`],
  ],
};

// ---------------------------------------------------------------- helpers
function panelsWith(doc, opts, spell) {
  const panels = labPanels(doc, { ...opts, flagStyle: 'HL' });
  for (const P of panels) for (const r of P.rows) { r.flagPrinted = r.flag ? spell[r.flag] : ''; r.gt.flag_printed = r.flagPrinted || null; }
  return panels;
}
const pageFooter = (f, left, right, pad = 0.6) => `<div style="font-family:'${f}';font-size:7pt;box-sizing:border-box;width:100%;padding:0 ${pad}in;display:flex;justify-content:space-between"><span>${left}</span><span>${right}</span></div>`;
const PN = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
const radGt = (doc) => ({ exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads });
const immGt = (s, printed = s.vaccine) => ({ vaccine: s.vaccine, vaccine_printed: printed, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: s.lot, site: s.site });
const eobGt = (doc) => ({ kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: doc.totals.patient_resp });
const seal = (size = 44) => `<svg width="${size}" height="${size}" viewBox="0 0 44 44"><circle cx="22" cy="22" r="20" fill="none" stroke="#000" stroke-width="2"/><circle cx="22" cy="22" r="15" fill="none" stroke="#000" stroke-width="0.8"/><path d="M22 10 L25 19 L34 19 L27 25 L30 34 L22 28 L14 34 L17 25 L10 19 L19 19 Z" fill="#333"/></svg>`;

// ---- extra (specialty) lab tests outside faxgen's catalogue, printed by lab.h2; they are IN the ground truth,
// built the same way faxgen builds its rows (printed name, value, unit, range, flag computed from the range).
const XT = {
  PT: { name: 'Prothrombin Time', loinc: '5902-2', unit: 'sec', dec: 1, lo: 11.0, hi: 13.5, mean: 12.4, sd: 0.8, panel: 'COAGULATION' },
  INR: { name: 'INR', loinc: '6301-6', unit: '', dec: 1, lo: 0.9, hi: 1.1, mean: 1.0, sd: 0.06, panel: 'COAGULATION' },
  PTT: { name: 'aPTT', loinc: '3173-2', unit: 'sec', dec: 1, lo: 25.0, hi: 35.0, mean: 30, sd: 3, panel: 'COAGULATION' },
  FIB: { name: 'Fibrinogen', loinc: '3255-7', unit: 'mg/dL', dec: 0, lo: 200, hi: 400, mean: 320, sd: 60, panel: 'COAGULATION' },
  PH: { name: 'pH, Arterial', loinc: '2744-1', unit: '', dec: 2, lo: 7.35, hi: 7.45, mean: 7.40, sd: 0.04, panel: 'BLOOD GAS, ARTERIAL' },
  PCO2: { name: 'pCO2, Arterial', loinc: '2019-8', unit: 'mmHg', dec: 0, lo: 35, hi: 45, mean: 40, sd: 5, panel: 'BLOOD GAS, ARTERIAL' },
  PO2: { name: 'pO2, Arterial', loinc: '2703-7', unit: 'mmHg', dec: 0, lo: 80, hi: 100, mean: 88, sd: 12, panel: 'BLOOD GAS, ARTERIAL' },
  HCO3: { name: 'Bicarbonate, Arterial', loinc: '1960-4', unit: 'mmol/L', dec: 1, lo: 22.0, hi: 26.0, mean: 24, sd: 2, panel: 'BLOOD GAS, ARTERIAL' },
  O2SAT: { name: 'O2 Saturation, Arterial', loinc: '2708-6', unit: '%', dec: 1, lo: 95.0, hi: 99.0, mean: 96.5, sd: 1.6, panel: 'BLOOD GAS, ARTERIAL' },
  LACT: { name: 'Lactate', loinc: '2524-7', unit: 'mmol/L', dec: 1, lo: 0.5, hi: 2.0, mean: 1.3, sd: 0.5, panel: 'BLOOD GAS, ARTERIAL' },
  VANCO: { name: 'Vancomycin, Trough', loinc: '4092-3', unit: 'ug/mL', dec: 1, lo: 10.0, hi: 20.0, mean: 15, sd: 4, panel: 'THERAPEUTIC DRUG MONITORING' },
  DIGOX: { name: 'Digoxin', loinc: '10535-3', unit: 'ng/mL', dec: 1, lo: 0.5, hi: 2.0, mean: 1.1, sd: 0.4, panel: 'THERAPEUTIC DRUG MONITORING' },
  LITH: { name: 'Lithium', loinc: '14334-7', unit: 'mmol/L', dec: 2, lo: 0.60, hi: 1.20, mean: 0.85, sd: 0.2, panel: 'THERAPEUTIC DRUG MONITORING' },
  TACRO: { name: 'Tacrolimus', loinc: '11253-4', unit: 'ng/mL', dec: 1, lo: 5.0, hi: 15.0, mean: 9, sd: 3, panel: 'THERAPEUTIC DRUG MONITORING' },
};
function extraRows(rng, doc, keys, spell) {
  return keys.map((k) => {
    const t = XT[k];
    let v = Math.max(0, rng.normal(t.mean, t.sd));
    if (k === 'INR' && rng.chance(0.35)) v = rng.float(1.8, 3.4); // on warfarin
    const value = v.toFixed(t.dec); const num = Number(value);
    const flag = num < t.lo ? 'L' : num > t.hi ? 'H' : null;
    const range = `${t.lo.toFixed(t.dec)}-${t.hi.toFixed(t.dec)}`;
    return {
      key: k, name: t.name, value, unit: t.unit, range, flag, flagPrinted: flag ? spell[flag] : '', panel: t.panel,
      gt: {
        panel: t.panel, panel_loinc: null, test_name_printed: t.name, test_name: t.name, test_code: `X-${k}`, loinc: t.loinc,
        value, value_numeric: num, unit: t.unit || null, unit_ucum: t.unit || null, reference_range: range, reference_low: t.lo, reference_high: t.hi,
        flag, flag_printed: flag ? spell[flag] : null, specimen: 'blood', collection_date: doc.collected.slice(0, 10), collection_datetime: doc.collected,
      },
    };
  });
}
// an earlier value of a row for cumulative prints (same decimals; flag recomputed from the printed range bounds)
function olderValue(rng, r) {
  if (r.gt.value_numeric === null) return { value: rng.chance(0.8) ? r.value : (r.range || 'Negative'), flag: null };
  const dec = (r.value.split('.')[1] || '').length;
  const v = Math.max(0, r.gt.value_numeric * rng.float(0.85, 1.15));
  const value = v.toFixed(dec); const n = Number(value);
  const lo = r.gt.reference_low, hi = r.gt.reference_high;
  const flag = lo !== null && n < lo ? 'L' : hi !== null && n > hi ? 'H' : null;
  return { value, flag };
}

// ======================= FAX COVER SHEETS =======================
// cover.h1: ACADEMIC MEDICAL CENTER "TRANSFER CENTER / PHYSICIAN ACCESS LINE" fax cover: university seal, centre
// name and "Transfer Center · Physician Access Line (24/7)", a two-column grid with the SENDING and RECEIVING
// parties side by side (Facility / Contact / Fax / Callback), "Date & time sent: 14 March 2024 · 1032 h" (24-hour
// time with "h"), the page count SPELLED OUT "Pages, this sheet included: five (5)", "Transfer / case no.", a
// "Contents" line, and the confidentiality statement in two columns at the foot.
const coverH1 = {
  id: 'cover.h1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility; const rng = env.rng; const dt = doc.datetime;
    const n = doc.pages; const spelled = n <= 10 ? `${NUMW[n]} (${n})` : String(n);
    const body = `
      <table class="hd"><tr><td style="width:52pt">${seal(46)}</td><td><div class="un">${esc(s.name)}</div><div class="sm">University Health System &middot; Transfer Center &middot; Physician Access Line (24/7) ${fmtPhone(s.phone, 'dot')}</div></td><td class="r tt">FAX</td></tr></table>
      <table class="g"><thead><tr><th></th><th>SENDING</th><th>RECEIVING</th></tr></thead><tbody>
      <tr><td class="k">Facility</td><td>${esc(s.name)}</td><td>${esc(doc.to_org || '—')}</td></tr>
      <tr><td class="k">Contact</td><td>${esc(doc.from_person)}</td><td>${esc(doc.to_name)}</td></tr>
      <tr><td class="k">Fax</td><td>${fmtPhone(s.fax, 'dot')}</td><td>${fmtPhone(doc.to_fax, 'dot')}</td></tr>
      <tr><td class="k">Callback</td><td>${fmtPhone(s.phone, 'dot')}</td><td>${doc.to_phone ? fmtPhone(doc.to_phone, 'dot') : ''}</td></tr></tbody></table>
      <table class="m"><tr><td class="k">Date &amp; time sent</td><td>${dMonthY(dt)} &middot; ${fmtTime(dt, '24c')} h</td></tr>
      <tr><td class="k">Pages, this sheet included</td><td>${spelled}</td></tr>
      <tr><td class="k">Transfer / case no.</td><td>TC-${D(dt).getUTCFullYear()}-${rng.digits(5)}</td></tr>
      <tr><td class="k">Contents</td><td>${esc(doc.re)}${doc.urgent ? ' &nbsp;&mdash;&nbsp; <b>TIME SENSITIVE</b>' : ''}</td></tr></table>
      <div class="ms"><div class="mh">Comments</div>${esc(doc.message)}</div>
      <div class="cf"><div>This facsimile contains protected health information that is privileged and confidential under state and federal law. It is intended only for the use of the recipient named above.</div><div>If you received it in error, telephone the Transfer Center immediately and destroy all pages. Re-disclosure without the patient's authorization is prohibited (42 CFR Part 2 where applicable).</div></div>`;
    const css = baseCss(f, 10.5) + `
      table.hd{width:100%;border-bottom:2.5px solid #000} table.hd td{vertical-align:middle;padding-bottom:4pt}.un{font-size:15pt;font-weight:bold}.sm{font-size:7.8pt}.tt{font-size:30pt;font-weight:bold;letter-spacing:4pt}
      table.g{width:100%;margin:16pt 0 10pt 0;border:1px solid #000} table.g th{background:#000;color:#fff;font-size:9pt;padding:2pt 6pt;text-align:left} table.g td{border-top:0.5px solid #888;padding:4pt 6pt;width:42%}
      td.k{font-size:8.5pt;font-weight:bold;width:16% !important} table.m{width:100%;margin-top:6pt} table.m td{padding:4pt 6pt} table.m td.k{width:2.2in !important}
      .ms{border:1px solid #000;min-height:120pt;margin-top:14pt;padding:6pt 8pt;line-height:1.45}.mh{font-size:8pt;font-weight:bold;text-transform:uppercase;letter-spacing:1pt;margin-bottom:3pt}
      .cf{display:flex;gap:14pt;margin-top:22pt;font-size:7.5pt} .cf div{flex:1}`;
    return { css, body, margins: M(0.65, 0.6, 0.8, 0.8), fonts: [f] };
  },
};

// cover.h2: CLINICAL RESEARCH OFFICE cover (academic study coordinator sending source documents for a study
// participant): "Clinical Trials Office — Research Records Transmittal", protocol number and IRB number, a
// "Sponsor / CRO" line, "Participant ID" (never the name on this sheet), fields in a single left column with
// right-aligned captions, "Date: 14 Mar 24" (day, month name, two-digit year), "Pages: 05" (zero-padded, total),
// a "Monitoring visit / SAE report / Source verification" tick row, and a GCP confidentiality notice.
const coverH2 = {
  id: 'cover.h2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'serif'); const s = doc.from_facility; const rng = env.rng; const dt = doc.datetime; const d = D(dt);
    const tick = (on, l) => `<span class="tk">${on ? '&#9745;' : '&#9744;'} ${l}</span>`;
    const kind = rng.int(0, 2);
    const row = (k, v) => `<tr><td class="k">${k}</td><td>${v}</td></tr>`;
    const body = `
      <div class="top"><div class="un">${esc(s.name)}</div><div class="dp">Clinical Trials Office &middot; Research Records Transmittal</div></div>
      <table class="f">
      ${row('To', `${esc(doc.to_name)}${doc.to_org ? ' / ' + esc(doc.to_org) : ''}`)}
      ${row('Fax', fmtPhone(doc.to_fax))}
      ${row('From', `${esc(doc.from_person)}, Research Coordinator`)}
      ${row('Return fax', fmtPhone(s.fax))}
      ${row('Telephone', fmtPhone(s.phone))}
      ${row('Date', `${zpad(d.getUTCDate())} ${MON[d.getUTCMonth()]} ${String(d.getUTCFullYear()).slice(2)}`)}
      ${row('Pages', zpad(doc.pages))}
      ${row('Protocol', `${rng.letters(3)}-${rng.digits(4)}-${rng.digits(2)} &nbsp; IRB # ${D(dt).getUTCFullYear() - rng.int(1, 4)}-${rng.digits(4)}`)}
      ${row('Subject', esc(doc.re))}</table>
      <div class="tr">${tick(kind === 0, 'Monitoring visit')} ${tick(kind === 1, 'Source document verification')} ${tick(kind === 2, 'Records for continuity of care')} ${tick(doc.urgent, 'SAE / expedited')}</div>
      <div class="ms">${esc(doc.message)}</div>
      <div class="cf">GOOD CLINICAL PRACTICE &mdash; CONFIDENTIAL. These pages may identify a research participant. Handle them according to the protocol's data-protection plan and HIPAA. If received in error, notify the Clinical Trials Office at ${fmtPhone(s.phone)} and shred.</div>`;
    const css = baseCss(f, 10.5) + `
      .top{border-top:4px solid #000;border-bottom:1px solid #000;padding:5pt 0;margin-bottom:18pt}.un{font-size:16pt;font-weight:bold}.dp{font-size:10pt;font-style:italic}
      table.f td{padding:4pt 8pt;vertical-align:top} td.k{width:1.5in;text-align:right;font-weight:bold;border-right:1.5px solid #000;font-size:9.5pt}
      .tr{margin:14pt 0 10pt 0;font-size:9.5pt}.tk{margin-right:14pt;white-space:nowrap}
      .ms{border-left:4px solid #000;padding:4pt 10pt;min-height:100pt;line-height:1.5}.cf{margin-top:24pt;font-size:7.8pt;border-top:0.75px solid #000;padding-top:4pt}`;
    return { css, body, margins: M(0.7, 0.6, 0.9, 0.9), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.h1 (hospital): EHR "RESULTS REVIEW" CUMULATIVE FLOWSHEET print (Epic Results Review / Chart Review
// manner): patient header `TESTBURY,HAROLD J  MRN …  DOB 3/4/1950  Sex M  Age 74 y`, per panel a table
// Component / "Ref Range & Units" (range and unit in ONE cell, right after the name) / two or three OLDER
// collection columns / the NEWEST collection as the RIGHTMOST column (headed with date over time, bold); flags
// "(H)" / "(L)" / "(A)" after the value in every column, older columns flagged too; some components have values
// only in older columns (blank newest cell; not in the gt, they were not part of this draw); "Legend" and
// "Printed on … by …" at the foot.
const labH1 = {
  id: 'lab.h1', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'full', rangeStyle: 'e' }, { H: '(H)', L: '(L)', A: '(A)' });
    const nOld = rng.int(2, 3);
    const olds = Array.from({ length: nOld }, (_, i) => addDaysIso(doc.collected, -(rng.int(25, 160) * (nOld - i) + rng.int(0, 20)))).sort();
    const oldTimes = olds.map(() => `${zpad(rng.int(5, 11))}${zpad(rng.int(0, 59))}`);
    const cell = (v, fl) => `${esc(v)}${fl ? ` <b>${fl}</b>` : ''}`;
    const hdr = `<tr><th class="cn">Component</th><th class="rr">Ref Range &amp; Units</th>${olds.map((d, i) => `<th class="oc">${mdyNP2(d)}<br>${oldTimes[i]}</th>`).join('')}<th class="nc">${mdyNP2(doc.collected)}<br>${fmtTime(doc.collected, '24c')}</th></tr>`;
    const spareKeys = [['Magnesium', '1.5 - 2.5 mg/dL', 1], ['Phosphorus', '2.5 - 4.5 mg/dL', 1], ['Lipase', '13 - 60 U/L', 0], ['Troponin I, High Sensitivity', '<=34 ng/L', 0], ['Procalcitonin', '<0.50 ng/mL', 2]];
    const tables = panels.map((P) => {
      const rows = P.rows.map((r) => {
        const oc = olds.map(() => (rng.chance(0.75) ? olderValue(rng, r) : null));
        const rr = `${esc(r.range)}${r.unit && (/\d/.test(r.range) || !r.range) ? ' ' + esc(r.unit) : ''}`.trim();
        return `<tr><td class="cn">${esc(r.name)}</td><td class="rr">${rr}</td>${oc.map((o) => `<td class="oc">${o ? cell(o.value, o.flag ? `(${o.flag})` : '') : ''}</td>`).join('')}<td class="nc">${cell(r.value, r.flagPrinted)}</td></tr>`;
      });
      if (rng.chance(0.45)) {
        const [nm, rr, dec] = rng.pick(spareKeys);
        const base = rr.includes('<') ? rng.float(0.02, 0.3) * (dec ? 1 : 40) : rng.float(Number(rr.split(' - ')[0]), Number(rr.split(' - ')[1].split(' ')[0]));
        rows.push(`<tr><td class="cn">${esc(nm)}</td><td class="rr">${esc(rr)}</td>${olds.map((_, i) => `<td class="oc">${i === olds.length - 1 || rng.chance(0.5) ? (base * rng.float(0.9, 1.1)).toFixed(dec) : ''}</td>`).join('')}<td class="nc"></td></tr>`);
      }
      return `<div class="ph">${esc(P.name)}</div><table class="fs"><thead>${hdr}</thead><tbody>${rows.join('')}</tbody></table>`;
    }).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = `${p.last.toUpperCase()},${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const printer = `${rng.pick(['K', 'M', 'R', 'T'])}. ${rng.pick(['Fakeley', 'Samplewood', 'Mockett', 'Testa'])}, RN`;
    const body = `
      <table class="bn"><tr><td><b>${esc(nm)}</b></td><td>MRN: ${esc(doc.mrn)}</td><td>DOB: ${mdyNP(p.dob)}</td><td>Sex: ${p.sex}</td><td>Age: ${ageOf(p.dob, doc.collected)} y</td></tr>
      <tr><td colspan="2">${esc(doc.facility.name)} &middot; ${rng.pick(['4 West Medicine', 'MICU', 'Cardiology Step-Down', 'Outpatient Lab Draw Station'])}</td><td colspan="3">Attending: ${esc(provLF(doc.provider))}</td></tr></table>
      <div class="t">Results Review <span class="sm">&mdash; Lab, last ${nOld + 1} collections &middot; Acc ${doc.accession} (most recent) &middot; ${esc(doc.status)}</span></div>
      ${tables}
      <div class="keep lg">Legend: (H) high &nbsp; (L) low &nbsp; (A) abnormal. Most recent collection in the right-hand column; blank = not resulted in that collection. Performed at ${esc(doc.facility.name)} Clinical Laboratory, CLIA ${doc.clia}, director ${esc(provName(doc.lab_director))}.</div>`;
    const css = baseCss(f, 8.6) + `
      table.bn{width:100%;background:#ddd;border:1px solid #000} table.bn td{padding:1.5pt 5pt}
      .t{font-size:13pt;font-weight:bold;margin:6pt 0 2pt 0}.sm{font-size:7.8pt;font-weight:normal}
      .ph{font-weight:bold;font-size:9.2pt;margin:6pt 0 1pt 0;border-bottom:1px solid #000}
      table.fs{width:100%;border-collapse:collapse} table.fs th{font-size:7.6pt;text-align:left;border-bottom:0.75px solid #000;padding:1pt 3pt;vertical-align:bottom} table.fs td{padding:0.8pt 3pt;border-bottom:0.4px solid #ccc}
      .cn{width:28%}.rr{width:20%}.oc{color:#333}.nc{font-weight:bold;background:#eee}.lg{margin-top:8pt;font-size:7.2pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; MRN ${esc(doc.mrn)} &middot; Printed on ${mdyNP(doc.faxDate)} by ${esc(printer)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.5, 0.5), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.facility.name } };
  },
};

// lab.h2 (hospital): CRITICAL-CARE "STAT LABORATORY REPORT" from a hospital LIS (Sunquest / SoftLab manner),
// monospace: header block `PT NAME: TESTBURY, HAROLD J   LOC: MICU-12   MR#: …` / `DOB: 03/04/1950 (74Y)   SEX: M` /
// `COLLECTED: 03/14/2024 06:42   RECEIVED: …   ORDER#`; sections HEMATOLOGY / CHEMISTRY (faxgen panels) and SPECIALTY
// sections outside faxgen's catalogue — COAGULATION (Prothrombin Time, INR, aPTT, Fibrinogen), BLOOD GAS, ARTERIAL
// (pH, pCO2, pO2, Bicarbonate, O2 Saturation, Lactate) and THERAPEUTIC DRUG MONITORING (Vancomycin trough, Digoxin,
// Lithium, Tacrolimus) — all in the gt; columns TEST / RESULT / FLAG / UNITS / REFERENCE; flags H / L, and CH / CL
// for CRITICAL values with a "CRITICAL VALUE CALLED TO … READ BACK" line under the row (not a result row).
const labH2 = {
  id: 'lab.h2', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const crit = (r) => {
      const v = r.gt.value_numeric; if (v === null || !r.flag) return false;
      const lo = r.gt.reference_low, hi = r.gt.reference_high;
      return (hi !== null && lo !== null && (v > hi + (hi - lo) * 0.6 || v < lo - (hi - lo) * 0.4));
    };
    const spell = { H: 'H', L: 'L', A: 'A' };
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'caps', rangeStyle: 'h' }, spell);
    const pool = [['PT', 'INR', 'PTT'], ['PT', 'INR', 'PTT', 'FIB'], ['PH', 'PCO2', 'PO2', 'HCO3', 'O2SAT'], ['PH', 'PCO2', 'PO2', 'HCO3', 'O2SAT', 'LACT'], [rng.pick(['VANCO', 'DIGOX', 'LITH', 'TACRO'])]];
    const picks = rng.sample(pool, rng.int(1, 2)).filter((x, i, a) => !(i && a[0][0] === x[0]));
    const extraSecs = picks.map((keys) => { const rows = extraRows(rng, doc, keys, spell); return { name: rows[0].panel, rows }; });
    for (const S of extraSecs) for (const r of S.rows) { r.name = r.name.toUpperCase(); r.gt.test_name_printed = r.name; }
    const all = [...panels.map((P) => ({ name: P.name, rows: P.rows })), ...extraSecs];
    const rn = `${rng.pick(['J', 'L', 'S', 'D'])}. ${rng.pick(['MOCKLEY', 'FAUXMAN', 'TESTAROSSA', 'SAMPLES'])} RN`;
    for (const S of all) for (const r of S.rows) {
      if (crit(r)) { r.flagPrinted = r.flag === 'H' ? 'CH' : 'CL'; r.gt.flag_printed = r.flagPrinted; r.critical = true; }
    }
    const line = (r) => `<tr><td>${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td class="fl">${esc(r.flagPrinted)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>` +
      (r.critical ? `<tr><td colspan="5" class="cc">  ** CRITICAL VALUE CALLED TO ${esc(rn)} ${fmtTime(doc.received, '24c')} ${mdy(doc.received)} - READ BACK VERIFIED **</td></tr>` : '');
    const body = `
      <div class="fn">${esc(doc.facility.name.toUpperCase())}  -  CLINICAL LABORATORY</div>
      <div class="t">*** STAT LABORATORY REPORT ***</div>
      <pre class="id">PT NAME: ${esc(nameLF(p, true))}     LOC: ${rng.pick(['MICU', 'SICU', 'CVICU', 'ED', 'PICU', '5E'])}-${rng.int(1, 24)}     MR#: ${esc(doc.mrn)}
DOB: ${mdy(p.dob)} (${ageOf(p.dob, doc.collected)}Y)     SEX: ${p.sex}     ATTENDING: ${esc(provLF(doc.provider, true))}
COLLECTED: ${mdy(doc.collected)} ${fmtTime(doc.collected, '24')}   RECEIVED: ${mdy(doc.received)} ${fmtTime(doc.received, '24')}   ORDER#: ${doc.accession}</pre>
      <table class="res"><thead><tr><th>TEST</th><th>RESULT</th><th>FLAG</th><th>UNITS</th><th>REFERENCE</th></tr></thead><tbody>
      ${all.map((S) => `<tr><td colspan="5" class="sh">${esc(S.name.toUpperCase())}</td></tr>${S.rows.map(line).join('')}`).join('')}</tbody></table>
      <div class="keep ft">FLAGS: H=HIGH L=LOW A=ABNORMAL CH/CL=CRITICAL HIGH/LOW.  REPORT STATUS: ${esc(doc.status.toUpperCase())}.  VERIFIED BY TECH ${esc(doc.techId)}.
      MEDICAL DIRECTOR ${esc(provName(doc.lab_director).toUpperCase())}.  CLIA ${doc.clia}.</div>`;
    const css = baseCss(f, 8.2) + `
      .fn{font-weight:bold;font-size:9.5pt}.t{text-align:center;font-weight:bold;margin:4pt 0}
      pre.id{font-family:'${f}';font-size:8.2pt;margin:2pt 0 6pt 0;border-top:1px solid #000;border-bottom:1px solid #000;padding:2pt 0}
      table.res{width:100%} table.res th{text-align:left;border-bottom:1px dashed #000;padding:1pt 4pt} table.res td{padding:0.3pt 4pt;white-space:pre}
      td.sh{font-weight:bold;text-decoration:underline;padding-top:5pt !important} td.v{text-align:right;width:0.9in} td.fl{width:0.45in;font-weight:bold} td.cc{font-size:7.4pt}
      .ft{margin-top:10pt;font-size:7.4pt;border-top:1px solid #000;padding-top:2pt}`;
    const footer = pageFooter(f, `${esc(nameLF(p, true))}  MR# ${esc(doc.mrn)}  STAT LAB REPORT`, PN);
    const gt = all.flatMap((S) => S.rows.map((r) => r.gt));
    return { css, body, footer, margins: M(0.45, 0.6, 0.5, 0.5), fonts: [f], gt: { lab_results: gt, name_printed: nameLF(p, true), performing_lab: doc.facility.name } };
  },
};

// lab.h3 (reflab): ACADEMIC REFERENCE LABORATORY "Department of Pathology & Laboratory Medicine" report, in the
// manner of a pathology report: a boxed identification grid with captions over values (Patient / Date of Birth /
// Sex / Medical Record # / Submitting Physician / Client), "Specimen(s) received", the results table with the
// column order Analyte / Result / Reference Interval / Units / Interpretation (interpretation in words:
// "Elevated" / "Decreased" / "Abnormal"), followed by a "PATHOLOGIST INTERPRETATION" paragraph that repeats a few
// results in prose (not rows), a microbiology comment in prose when the urine was tested, and an electronic
// signature "Electronically signed out by … , MD, PhD, on March 16, 2024 at 14:05".
const labH3 = {
  id: 'lab.h3', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['University Reference Laboratories', 'Academic Pathology Associates Laboratory'],
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'abbr', rangeStyle: 'h' }, { H: 'Elevated', L: 'Decreased', A: 'Abnormal' });
    const rows = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="an">${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td>${esc(r.range)}</td><td>${esc(r.unit)}</td><td class="fl">${esc(r.flagPrinted)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const ab = panels.flatMap((P) => P.rows).filter((r) => r.flag && r.gt.value_numeric !== null).slice(0, 3);
    const interp = ab.length ? `The ${ab.map((r) => `${r.name.toLowerCase()} of ${r.value}${r.unit ? ' ' + r.unit : ''}`).join(', the ')} ${ab.length > 1 ? 'are' : 'is'} outside the reference interval. Clinical correlation is recommended${p.conditions.length ? '; the history provided lists ' + esc(p.conditions.join(', ')) : ''}.` : 'All analytes are within the reference intervals for age and sex.';
    const micro = doc.panels.includes('UA') ? `<div class="h2">MICROBIOLOGY COMMENT</div><p>Urine culture (reflexed): ${rng.chance(0.5) ? 'No growth at 48 hours.' : `greater than 100,000 CFU/mL Escherichia coli. Susceptible to nitrofurantoin, ceftriaxone and ciprofloxacin; resistant to ampicillin. Full susceptibility panel to follow.`}</p>` : '';
    const signed = `${monthDY(doc.reported)} at ${fmtTime(doc.reported, '24')}`;
    const cell = (k, v) => `<td><div class="k">${k}</div><div>${v}</div></td>`;
    const nm = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle : ''}`;
    const body = `
      <table class="hd"><tr><td style="width:50pt">${seal(44)}</td><td><div class="fn">${esc(doc.labName)}</div><div class="sm">Department of Pathology &amp; Laboratory Medicine &middot; ${esc(fmtAddr(doc.facility.address))} &middot; Client services ${fmtPhone(doc.facility.phone)}</div></td></tr></table>
      <div class="t">CLINICAL PATHOLOGY REPORT</div>
      <table class="id"><tr>${cell('Patient', `<b>${esc(nm)}</b>`)}${cell('Date of Birth', monthDY(p.dob))}${cell('Sex', p.sex === 'M' ? 'Male' : 'Female')}${cell('Medical Record #', esc(doc.mrn))}</tr>
      <tr>${cell('Submitting Physician', esc(provName(doc.provider)))}${cell('Client', esc(doc.client?.name || doc.facility.name))}${cell('Accession', doc.accession)}${cell('Status', esc(doc.status))}</tr>
      <tr>${cell('Date Collected', `${monthDY(doc.collected)} ${fmtTime(doc.collected, '24')}`)}${cell('Date Received', `${monthDY(doc.received)}`)}${cell('Date Reported', `${monthDY(doc.reported)}`)}${cell('Fasting', doc.fasting === 'Y' ? 'Yes' : doc.fasting === 'N' ? 'No' : 'Not stated')}</tr></table>
      <p class="sp"><b>Specimen(s) received:</b> ${doc.panels.includes('UA') ? 'A. Serum, B. Whole blood EDTA, C. Urine, random' : 'A. Serum, B. Whole blood EDTA'}</p>
      <table class="res"><thead><tr><th>Analyte</th><th>Result</th><th>Reference Interval</th><th>Units</th><th>Interpretation</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep"><div class="h2">PATHOLOGIST INTERPRETATION</div><p>${interp}</p>${micro}
      <p class="sg">Electronically signed out by ${esc(provName(doc.lab_director))}, PhD, on ${signed}. The reference intervals are method- and population-specific; results were reviewed by a board-certified clinical pathologist.</p></div>`;
    const css = baseCss(f, 9.2) + `
      table.hd{width:100%} .fn{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}.t{text-align:center;font-size:12pt;font-weight:bold;letter-spacing:2pt;border-top:1.5px solid #000;border-bottom:1.5px solid #000;margin:4pt 0;padding:2pt}
      table.id{width:100%;border:1px solid #000} table.id td{border:0.5px solid #999;padding:2pt 4pt;vertical-align:top;width:25%}.k{font-size:6.8pt;text-transform:uppercase;color:#333}
      .sp{margin:5pt 0}
      table.res{width:100%} table.res th{text-align:left;font-size:8pt;border-bottom:1.5px solid #000;padding:2pt 3pt} table.res td{padding:1pt 3pt;border-bottom:0.4px solid #bbb}
      tr.ph td{font-weight:bold;font-style:italic;padding-top:5pt;border-bottom:none}.an{width:32%} td.v{font-weight:bold} td.fl{font-style:italic}
      .h2{font-weight:bold;margin-top:9pt;font-size:9pt;letter-spacing:1pt} .sg{margin-top:8pt;font-size:8pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${doc.accession} &middot; ${esc(doc.labName)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.labName } };
  },
};

// lab.h4 (clinic): SPECIALTY CLINIC "RESULTS LETTER" to the patient (nephrology / endocrinology / cardiology
// clinic of a university practice): letterhead with the clinic, date line "March 16, 2024", inside address, "Dear
// Mr. Testbury," then a paragraph, then a small table Test / Your result / Normal range where the unit is INSIDE
// the result cell and the flag is a lower-case word in parentheses after it ("5.6 mmol/L (high)", "(low)",
// "(abnormal)"); qualitative results plain; the range without units; then advice and the physician's signature.
// Patient identity only in the inside address and a "Re: … · born 3/4/1950" line.
const labH4 = {
  id: 'lab.h4', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['University Outreach Laboratory', 'Health Sciences Center Clinical Lab'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'q', nameStyle: 'abbr', rangeStyle: 'e' }, { H: '(high)', L: '(low)', A: '(abnormal)' });
    const spec = rng.pick(['Nephrology', 'Endocrinology', 'Cardiology', 'Hematology']);
    const rows = panels.map((P) => `<tr class="ph"><td colspan="3">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td>${esc(r.name)}</td><td class="v">${esc(r.value)}${r.unit ? ' ' + esc(r.unit) : ''}${r.flagPrinted ? ' <b>' + esc(r.flagPrinted) + '</b>' : ''}</td><td>${esc(r.range)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const hon = p.age < 18 ? `Parent or guardian of ${p.first}` : `${p.sex === 'F' ? 'Ms.' : 'Mr.'} ${p.last}`;
    const letterDate = addDaysIso(doc.reported.slice(0, 10), rng.int(0, 3));
    const nAb = gt.filter((r) => r.flag).length;
    const body = `
      <div class="lh"><div class="fn">${esc(doc.facility.name)}</div><div class="dp">Division of ${spec} &middot; University Physicians Practice</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Tel ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)}</div></div>
      <p>${monthDY(letterDate)}</p>
      <p class="ad">${esc(nameFL(p))}<br>${esc(p.address.line1)}<br>${esc(p.address.city)}, ${esc(p.address.state)} ${esc(p.address.zip)}</p>
      <p><b>Re: Your laboratory results &middot; ${esc(nameFL(p))} &middot; born ${mdyNP(p.dob)}</b></p>
      <p>Dear ${esc(hon)},</p>
      <p>Thank you for having your blood work done on ${monthDY(doc.collected)}. ${nAb ? `Most of your results are in the normal range. The result${nAb > 1 ? 's' : ''} marked in bold below ${nAb > 1 ? 'are' : 'is'} outside the normal range; we will go over ${nAb > 1 ? 'them' : 'it'} at your next appointment.` : 'All of your results are in the normal range.'}</p>
      <table class="res"><thead><tr><th>Test</th><th>Your result</th><th>Normal range</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="keep">Please continue your current medicines unless we call you. If you have questions, call the ${spec} nurse line at ${fmtPhone(doc.facility.phone)}.</p>
      <div class="keep sg">Sincerely,<br>${signatureSvg(rng, 120, 28)}${esc(provName(doc.provider))}<br><span class="sm">${spec} &middot; Tests performed by ${esc(doc.performingLab)} (accession ${doc.accession})</span></div>`;
    const css = baseCss(f, 9.8) + `
      .lh{text-align:center;border-bottom:1px solid #000;padding-bottom:4pt;margin-bottom:10pt}.fn{font-size:14pt;font-weight:bold;letter-spacing:1pt}.dp{font-size:10pt}.sm{font-size:7.6pt}
      .ad{margin:8pt 0 10pt 0} p{margin:0 0 6pt 0}
      table.res{width:86%;margin:6pt auto 10pt auto} table.res th{text-align:left;border-bottom:1.2px solid #000;padding:2pt 4pt;font-size:9pt} table.res td{padding:1.2pt 4pt;border-bottom:0.4px dotted #999}
      tr.ph td{font-style:italic;padding-top:5pt;border-bottom:none} td.v{width:38%}.sg{margin-top:10pt}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} &middot; results letter`, PN);
    return { css, body, footer, margins: M(0.6, 0.6, 0.85, 0.85), fonts: [f], gt: { lab_results: gt, name_printed: nameFL(p), performing_lab: doc.performingLab } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.h1: TEACHING-HOSPITAL PHYSICIAN DISCHARGE SUMMARY (internal-medicine teaching service): title block
// "DISCHARGE SUMMARY — Medicine Teaching Service (Team 3)", label table "Date of Admission: 10 March 2024" /
// "Date of Discharge: 14 March 2024" (day month-name year), "Length of Stay: 4 days", Attending / Resident /
// PCP; "Principal diagnosis" and "Active hospital problems" with the code in parentheses after it; a problem-based
// HOSPITAL COURSE ("# Problem: …"), "Pertinent results" in prose (values in sentences, not rows), a
// "Microbiology" line, and a DISCHARGE MEDICATION RECONCILIATION table Medication / Instructions / Status where the
// status reads "Resume" / "New" / "Modified" / "Discontinued".
const dsH1 = {
  id: 'discharge.h1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.first}${p.middle ? ' ' + p.middle : ''} ${p.last}`;
    const res = `${rng.pick(['A.', 'B.', 'C.'])} ${rng.pick(['Samplewell', 'Mockford', 'Fauxton', 'Testani'])}, MD (PGY-${rng.int(1, 3)})`;
    const stat = { Continue: 'Resume', New: 'New', Changed: 'Modified', Stop: 'Discontinued' };
    const meds = doc.medications.map((m) => `<tr><td><b>${esc(m.name)} ${esc(m.strength)}</b> ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>${stat[m.status] || 'Resume'}</td></tr>`).join('');
    const [pdx, ...rest] = doc.diagnoses;
    const hgb = (rng.float(9.5, 14.5)).toFixed(1); const cr1 = rng.float(0.8, 1.9).toFixed(2); const cr2 = (Number(cr1) * rng.float(0.7, 0.95)).toFixed(2);
    const body = `
      <div class="hd"><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Academic Medical Center &middot; ${esc(fmtAddr(doc.facility.address))}</div></div>
      <div class="t">DISCHARGE SUMMARY</div><div class="st">Medicine Teaching Service (Team ${rng.int(1, 6)})</div>
      <table class="g">
      <tr><td class="k">Patient</td><td><b>${esc(nm)}</b></td><td class="k">MRN</td><td>${esc(doc.mrn)}</td></tr>
      <tr><td class="k">Date of Birth</td><td>${dMonthY(p.dob)}</td><td class="k">Account</td><td>${esc(doc.account)}</td></tr>
      <tr><td class="k">Date of Admission</td><td>${dMonthY(doc.admit_date)}</td><td class="k">Attending</td><td>${esc(provName(doc.provider))}</td></tr>
      <tr><td class="k">Date of Discharge</td><td>${dMonthY(doc.discharge_date)}</td><td class="k">Resident</td><td>${esc(res)}</td></tr>
      <tr><td class="k">Length of Stay</td><td>${doc.los} days</td><td class="k">PCP</td><td>${doc.pcp ? esc(provName(doc.pcp)) : 'None on file'}</td></tr></table>
      <div class="h">Principal diagnosis</div><p>${esc(pdx.description)} (${pdx.code})</p>
      ${rest.length ? `<div class="h">Active hospital problems</div>${rest.map((x) => `<p class="in">${esc(x.description)} (${x.code})</p>`).join('')}` : ''}
      <div class="h">Reason for admission</div><p>${esc(doc.hpi)}</p>
      <div class="h">Hospital course by problem</div>
      <p><b># ${esc(pdx.description)}:</b> ${doc.course.map(esc).join(' ')}</p>
      ${rest.slice(0, 2).map((x) => `<p><b># ${esc(x.description)}:</b> Stable during the admission; home regimen ${rng.pick(['resumed', 'continued', 'adjusted as below'])}.</p>`).join('')}
      ${doc.procedures.length ? `<div class="h">Procedures</div><p>${doc.procedures.map(esc).join('; ')}</p>` : ''}
      <div class="h">Pertinent results</div><p>Hemoglobin ${hgb} g/dL on the day of discharge. Creatinine ${cr1} mg/dL on admission, ${cr2} mg/dL at discharge. ${rng.pick(['Blood cultures x2: no growth at 5 days.', 'Urine culture: mixed flora, likely contamination.', 'MRSA nares PCR negative.'])}</p>
      <div class="h">Discharge medication reconciliation</div>
      <table class="mt"><thead><tr><th style="width:42%">Medication</th><th>Instructions</th><th style="width:14%">Status</th></tr></thead><tbody>${meds}</tbody></table>
      <div class="h">Allergies</div><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join(', ') : 'No known allergies'}</p>
      <div class="h">Disposition and follow-up</div><p>Discharged to ${esc(doc.disposition.toLowerCase())} in ${esc(doc.condition.toLowerCase())} condition. Diet: ${esc(doc.diet)}. Activity: ${esc(doc.activity)}. Follow up: ${doc.followup.map(esc).join('; ')}.${doc.pending.length ? ' Results pending at discharge: ' + doc.pending.map(esc).join(', ') + ' — the team will call the patient.' : ''}</p>
      <div class="keep sg">I saw and examined the patient on the day of discharge and agree with the resident's summary above.<br>${signatureSvg(rng, 120, 26)}${esc(provName(doc.provider))}, Attending Physician &middot; electronically signed ${dMonthY(doc.signed)} ${fmtTime(doc.signed, '24')}</div>`;
    const css = baseCss(f, 9.4) + `
      .hd{border-bottom:1px solid #000;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}
      .t{font-size:15pt;font-weight:bold;text-align:center;margin-top:6pt;letter-spacing:1pt}.st{text-align:center;font-style:italic;margin-bottom:6pt}
      table.g{width:100%;border:1px solid #000} table.g td{padding:1.5pt 5pt;border-bottom:0.4px solid #ccc} td.k{font-weight:bold;font-size:8.5pt;width:1.25in}
      .h{font-weight:bold;font-size:10pt;margin:7pt 0 1pt 0;border-bottom:0.5px solid #000} p{margin:1pt 0 3pt 0}.in{margin-left:14pt}
      table.mt{width:100%;border-collapse:collapse} table.mt th{text-align:left;border-bottom:1px solid #000;font-size:8.5pt;padding:1.5pt} table.mt td{padding:1.5pt;border-bottom:0.4px solid #bbb;vertical-align:top}.sg{margin-top:12pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; MRN ${esc(doc.mrn)} &middot; Discharge Summary`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.h1 (specialist): ACADEMIC CARDIOLOGY CLINIC consultation note: department banner "Heart &
// Vascular Institute — Cardiology Outpatient Clinic", a caption-over-value demographic strip (Patient / DOB / Age
// / MRN / Clinic date "03/14/2024" / Referring), the vitals as a ONE-ROW TABLE with captions above values and
// metric equivalents (`BP 132/84 (L arm, seated)`, `HR 72`, `Ht 70 in / 177.8 cm`, `Wt 180 lb / 81.6 kg`),
// then an "ECG (today)" line and an "Echo (most recent)" line with numbers (EF 55 %), "Assessment and
// Recommendations" numbered with the ICD-10 code in square brackets AFTER the description, medication list.
const ovH1 = {
  id: 'office_visit.h1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = nameLF(p);
    const cm = (v.ht_in * 2.54).toFixed(1); const kg = (v.wt_lb * 0.4536).toFixed(1);
    const cell = (k, val) => `<td><div class="k">${k}</div><div>${val}</div></td>`;
    const ef = rng.pick([55, 60, 50, 45, 60]);
    const body = `
      <div class="bn"><span class="fn">${esc(doc.facility.name)}</span><span class="dp">Heart &amp; Vascular Institute &mdash; Cardiology Outpatient Clinic</span></div>
      <div class="t">Outpatient Consultation Note</div>
      <table class="dm"><tr>${cell('Patient', `<b>${esc(nm)}</b>`)}${cell('DOB', mdy(p.dob))}${cell('Age', `${p.age} yrs`)}${cell('MRN', esc(doc.mrn))}${cell('Clinic date', mdy(doc.date_of_service))}${cell('Provider', esc(provName(doc.provider)))}</tr></table>
      <div class="h">Reason for visit</div><p>${esc(doc.chief_complaint)} (${esc(doc.visit_type)})</p>
      <div class="h">History of present illness</div><p>${esc(doc.hpi)}</p>
      <div class="h">Vital signs</div>
      <table class="vt"><tr><th>BP</th><th>HR</th><th>RR</th><th>Temp</th><th>SpO2</th><th>Height</th><th>Weight</th><th>BMI</th></tr>
      <tr><td>${v.bp} (L arm, seated)</td><td>${v.hr}</td><td>${v.rr}</td><td>${v.temp} &deg;F</td><td>${v.spo2} % RA</td><td>${v.ht_in} in / ${cm} cm</td><td>${v.wt_lb} lb / ${kg} kg</td><td>${v.bmi}</td></tr></table>
      <div class="h">Examination</div>${doc.exam.map(([k, x]) => `<p><i>${esc(k)}:</i> ${esc(x)}</p>`).join('')}
      <div class="h">Data reviewed</div><p>ECG (today): ${p.conditions.includes('afib') ? 'atrial fibrillation, controlled ventricular rate' : 'normal sinus rhythm'}, rate ${v.hr}, QTc ${rng.int(400, 460)} ms. Echo (most recent): LVEF ${ef} %, ${ef >= 50 ? 'normal' : 'mildly reduced'} LV systolic function, no significant valvular disease.</p>
      <div class="h">Assessment and recommendations</div>${doc.diagnoses.map((x, i) => `<p>${i + 1}. ${esc(x.description)} [${x.code}]</p>`).join('')}${doc.plan.map((x) => `<p class="pl">&bull; ${esc(x)}</p>`).join('')}
      <div class="h">Medications (reconciled today)</div>${doc.medications.map((m) => `<p class="pl">${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} &mdash; ${esc(m.sig)}${m.status === 'New' ? ' <b>(started today)</b>' : ''}</p>`).join('')}
      <p><b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</p>
      <p>Return to clinic in ${esc(doc.followup)}. Thank you for allowing us to participate in the care of this patient.</p>
      <div class="keep sg">${signatureSvg(rng, 110, 24)}${esc(provName(doc.provider))}, Cardiology &middot; signed ${mdy(doc.signed)} ${t12(doc.signed)}</div>`;
    const css = baseCss(f, 9.2) + `
      .bn{display:flex;justify-content:space-between;align-items:baseline;border-bottom:2px solid #000;padding-bottom:3pt}.fn{font-size:12.5pt;font-weight:bold}.dp{font-size:8.5pt}
      .t{font-size:13pt;margin:6pt 0 4pt 0}
      table.dm{width:100%;border:1px solid #000} table.dm td{padding:2pt 4pt;border-right:0.5px solid #999;vertical-align:top}.k{font-size:6.8pt;text-transform:uppercase}
      .h{font-weight:bold;font-size:9.5pt;margin:6pt 0 1pt 0;text-transform:uppercase} p{margin:1pt 0 2pt 0}.pl{margin-left:12pt}
      table.vt{width:100%;border-collapse:collapse} table.vt th{font-size:7.5pt;text-align:left;background:#ddd;padding:1.5pt 3pt} table.vt td{padding:1.5pt 3pt;border-bottom:0.5px solid #000}.sg{margin-top:10pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; MRN ${esc(doc.mrn)} &middot; Cardiology consultation ${mdy(doc.date_of_service)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// office_visit.h2 (clinic): UNIVERSITY PRACTICE SPECIALTY-CLINIC "RETURN VISIT" whose department follows the
// patient — Pediatrics (child), Obstetrics & Gynecology (woman 18–45), Nephrology (others) — with a
// department-specific panel: growth line (percentiles) / prenatal line (G P, weeks) / CKD line (stage, last
// eGFR). Header is a two-line run-in: "Patient: Harold J Testbury   MRN …" / "Date of birth: 1950-03-04 (ISO)
// Visit: 14-Mar-2024 (Thursday)"; vitals as a SEMICOLON-separated run-on sentence with units; plan as numbered
// problem lines "Problem 1 — I10 Essential (primary) hypertension: …".
const ovH2 = {
  id: 'office_visit.h2', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const dept = p.age < 18 ? 'Pediatrics' : p.sex === 'F' && p.age <= 45 ? 'Obstetrics & Gynecology' : 'Nephrology';
    const nm = `${p.first}${p.middle ? ' ' + p.middle : ''} ${p.last}`;
    const dd = D(doc.date_of_service); const WDL = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const visitStr = `${zpad(dd.getUTCDate())}-${MON[dd.getUTCMonth()]}-${dd.getUTCFullYear()} (${WDL[dd.getUTCDay()]})`;
    const special = dept === 'Pediatrics' ? `Growth: height ${v.ht_in} in (${rng.int(10, 90)}th percentile), weight ${v.wt_lb} lb (${rng.int(10, 90)}th percentile), BMI ${v.bmi} (${rng.int(10, 90)}th percentile). Development appropriate for age.`
      : dept === 'Nephrology' ? `CKD summary: stage ${rng.pick(['2', '3a', '3b'])}; last eGFR ${rng.int(38, 75)} mL/min/1.73 m2; urine albumin/creatinine ${rng.int(12, 280)} mg/g; on ${p.meds.some((m) => /pril|sartan/.test(m.name)) ? 'RAAS blockade' : 'no RAAS blockade'}.`
      : `Gynecologic history: G${rng.int(0, 3)} P${rng.int(0, 2)}; LMP ${mdy(addDaysIso(doc.date_of_service, -rng.int(5, 27)))}; contraception ${rng.pick(['none', 'OCP', 'IUD', 'condoms'])}.`;
    const body = `
      <div class="hd"><div><div class="fn">${esc(doc.facility.name)}</div><div class="sm">University Physicians &middot; ${dept} Clinic &middot; ${esc(fmtAddr(doc.facility.address))}</div></div><div class="tt">RETURN VISIT</div></div>
      <p class="rl">Patient: <b>${esc(nm)}</b> &nbsp;&nbsp; MRN ${esc(doc.mrn)} &nbsp;&nbsp; Sex: ${p.sex}<br>Date of birth: ${isoD(p.dob)} &nbsp;&nbsp; Visit: ${visitStr} &nbsp;&nbsp; Clinician: ${esc(provName(doc.provider))}</p>
      <div class="h">Chief concern</div><p>${esc(doc.chief_complaint)}</p>
      <div class="h">Interval history</div><p>${esc(doc.hpi)}</p>
      <div class="h">${dept} data</div><p>${special}</p>
      <div class="h">Vitals</div><p>BP ${v.bp} mmHg; pulse ${v.hr}/min; resp ${v.rr}/min; temp ${v.temp} F; SpO2 ${v.spo2}%; height ${v.ht_in} in; weight ${v.wt_lb} lb; BMI ${v.bmi} kg/m2.</p>
      <div class="h">Review of systems</div>${doc.ros.map(([k, x]) => `<span class="ros"><i>${esc(k)}</i>: ${esc(x)}</span> `).join('')}
      <div class="h">Assessment / plan</div>${doc.diagnoses.map((x, i) => `<p>Problem ${i + 1} &mdash; ${x.code} ${esc(x.description)}${i === 0 && doc.plan.length ? ': ' + esc(doc.plan[0]) : ''}</p>`).join('')}${doc.plan.slice(1).map((x) => `<p class="pl">&ndash; ${esc(x)}</p>`).join('')}
      <div class="h">Current medications</div><table class="mt">${doc.medications.map((m) => `<tr><td>${esc(m.name)} ${esc(m.strength)}</td><td>${esc(m.sig)}</td><td>${esc(m.status)}</td></tr>`).join('')}</table>
      <p>Follow-up: ${esc(doc.followup)}.</p>
      <div class="keep sg">Electronically signed: ${esc(provName(doc.provider))} &middot; ${isoD(doc.signed)} ${fmtTime(doc.signed, '24')}</div>`;
    const css = baseCss(f, 9.2) + `
      .hd{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:1.5px solid #000;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}.tt{font-size:13pt;font-weight:bold;letter-spacing:2pt}
      .rl{margin:5pt 0;line-height:1.45}.h{font-weight:bold;margin:6pt 0 1pt 0;font-size:9.5pt;border-left:3px solid #000;padding-left:4pt} p{margin:1pt 0 2pt 0}.pl{margin-left:14pt}.ros{font-size:8.5pt}
      table.mt{width:100%} table.mt td{padding:0.8pt 3pt;border-bottom:0.4px solid #ccc}.sg{margin-top:10pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${dept} return visit ${visitStr}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.h1 (clinic): TRANSPLANT / SPECIALTY-CLINIC "DAILY MEDICATION SCHEDULE" handed to the patient
// and faxed to the outside pharmacy: a grid Medication (name, strength, form) / What it is for / Morning / Noon
// / Evening / Bedtime with the dose in each time column ("1 tab", blank if none) and the full sig in small type
// under the name; an "As needed" block and a "Stopped — do not take" block; "Schedule updated: March 14, 2024
// by …, PharmD"; patient in a top-right box "Name / Birth date 03-04-1950 / Clinic #".
const mlH1 = {
  id: 'medication_list.h1', set: SET, type: 'medication_list', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = nameFL(p);
    const slot = (m) => { const q = (m.frequency || '').toUpperCase(); const u = /inhal|spray|cream|pen/.test(m.form) ? '1 dose' : '1 tab';
      if (/BID/.test(q)) return [u, '', u, '']; if (/TID/.test(q)) return [u, u, u, '']; if (/QHS|HS/.test(q)) return ['', '', '', u]; if (/QID/.test(q)) return [u, u, u, u]; if (/PRN/.test(q)) return null; return [u, '', '', '']; };
    const active = doc.medications.filter((m) => m.status !== 'Discontinued');
    const sched = active.filter((m) => slot(m)); const prn = active.filter((m) => !slot(m)); const stopped = doc.medications.filter((m) => m.status === 'Discontinued');
    const purpose = (m) => (m.condition ? ({ htn: 'blood pressure', dm2: 'diabetes', hld: 'cholesterol', hypothy: 'thyroid', gerd: 'stomach acid', afib: 'heart rhythm / blood thinner', asthma: 'breathing', copd: 'breathing', depression: 'mood', ckd3: 'kidneys' }[m.condition] || m.condition) : 'as directed');
    const rows = sched.map((m) => `<tr><td><b>${esc(m.name)} ${esc(m.strength)}</b> ${esc(m.form)}<div class="sg">${esc(m.sig)}</div></td><td>${esc(purpose(m))}</td>${slot(m).map((x) => `<td class="c">${x}</td>`).join('')}</tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${rng.pick(['Kidney Transplant Program', 'Solid Organ Transplant Clinic', 'Heart Failure & Transplant Clinic'])} &middot; Clinical pharmacist line ${fmtPhone(doc.facility.phone)}</div><div class="t">My Daily Medication Schedule</div></td>
      <td class="pb"><div>Name: <b>${esc(nm)}</b></div><div>Birth date: ${fmtDate(p.dob, 'us').replace(/\//g, '-')}</div><div>Clinic #: ${esc(doc.mrn)}</div></td></tr></table>
      <table class="gr"><thead><tr><th style="width:36%">Medication</th><th>What it is for</th><th class="c">Morning</th><th class="c">Noon</th><th class="c">Evening</th><th class="c">Bedtime</th></tr></thead><tbody>${rows}</tbody></table>
      ${prn.length ? `<div class="h">As needed</div>${prn.map((m) => `<p><b>${esc(m.name)} ${esc(m.strength)}</b> ${esc(m.form)} &mdash; ${esc(m.sig)}</p>`).join('')}` : ''}
      ${stopped.length ? `<div class="h">Stopped &mdash; do not take</div>${stopped.map((m) => `<p class="st">${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} (${esc(m.sig)})</p>`).join('')}` : ''}
      <div class="h">Allergies</div><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} &ndash; ${esc(a.reaction)}`).join('; ') : 'No known drug allergies'}</p>
      <p class="up">Schedule updated: ${monthDY(doc.date_of_service)} by ${rng.pick(['L. Mockabee', 'P. Testwell', 'G. Samplin'])}, PharmD, with ${esc(provName(doc.provider))}. Bring this sheet and all your bottles to every visit.</p>`;
    const css = baseCss(f, 9.3) + `
      table.hd{width:100%;margin-bottom:6pt} table.hd td{vertical-align:top}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:16pt;margin-top:4pt}
      .pb{border:1.5px solid #000;padding:4pt 6pt;width:2.3in;font-size:9pt;line-height:1.45}
      table.gr{width:100%;border-collapse:collapse} table.gr th{background:#000;color:#fff;font-size:8pt;padding:2pt;text-align:left} table.gr td{border:0.75px solid #000;padding:2pt 3pt;vertical-align:top} .c{text-align:center !important;width:8%}.sg{font-size:7.5pt;color:#222}
      .h{font-weight:bold;margin:8pt 0 2pt 0;font-size:10pt} p{margin:1pt 0 2pt 0}.st{text-decoration:line-through}.up{margin-top:10pt;font-size:8.2pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Daily Medication Schedule &middot; ${monthDY(doc.date_of_service)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION =======================
// immunization.h1 (clinic): UNIVERSITY TRAVEL-MEDICINE CLINIC transcript in the layout of the WHO "International
// Certificate of Vaccination or Prophylaxis" (ICVP, the "yellow card"): bilingual-style captions, "This is to
// certify that [name] date of birth [4 March 1950] sex [M] nationality [USA] … has on the date indicated been
// vaccinated", then the ICVP table Vaccine or prophylaxis / Date (day-first "14 Mar 2024") / Signature and
// professional status of supervising clinician / Manufacturer and batch no. of vaccine / Certificate valid from …
// until … / Official stamp; the CVX description and trade name share the vaccine cell.
const imH1 = {
  id: 'immunization.h1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.first}${p.middle ? ' ' + p.middle : ''} ${p.last}`.toUpperCase();
    const clin = `${provName(doc.provider)}`;
    const rows = doc.immunizations.map((s) => `<tr><td><b>${esc(s.vaccine)}</b><br><span class="sm">${esc(s.trade_name)}${s.dose_number ? ` &middot; dose ${s.dose_number}` : ''}</span></td><td class="nw">${ddMonY(s.date)}</td><td class="sm">${esc(clin)}</td><td class="sm">${esc(s.mvx)} &middot; ${esc(s.lot)}</td><td class="sm">${s.site ? esc(s.site) : ''}</td></tr>`).join('');
    const body = `
      <div class="tp"><div class="tt">INTERNATIONAL CERTIFICATE OF VACCINATION OR PROPHYLAXIS</div><div class="it">Certificat international de vaccination ou de prophylaxie &middot; transcript</div></div>
      <p class="ce">This is to certify that <span class="ul"><b>${esc(nm)}</b></span> date of birth <span class="ul">${dMonthY(p.dob)}</span> sex <span class="ul">${p.sex}</span> nationality <span class="ul">USA</span> national identification document, if applicable <span class="ul">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</span> whose signature follows <span class="ul">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</span> has on the date indicated been vaccinated or received prophylaxis against the diseases below, in accordance with the record of ${esc(doc.facility.name)}.</p>
      <table class="ic"><thead><tr><th style="width:32%">Vaccine or prophylaxis</th><th>Date</th><th>Signature and professional status of supervising clinician</th><th>Manufacturer and batch no. of vaccine or prophylaxis</th><th>Site / official stamp</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:8pt">Transcribed from the clinic's electronic record on ${ddMonY(doc.date_of_service)}. Yellow fever certificates are valid only with the stamp of an authorized centre; this transcript is not valid for entry requirements. Travel medicine clinic, ${esc(doc.facility.name)}, ${esc(fmtAddr(doc.facility.address))}, ${fmtPhone(doc.facility.phone)}. Clinic record ${esc(doc.mrn)}.</p>
      <div class="keep sg">${signatureSvg(rng, 110, 24)}${esc(clin)} &middot; Travel Medicine</div>`;
    const css = baseCss(f, 9) + `
      .tp{text-align:center;border:2px solid #000;padding:4pt;margin-bottom:8pt}.tt{font-weight:bold;font-size:11.5pt;letter-spacing:0.5pt}.it{font-style:italic;font-size:8.5pt}
      .ce{line-height:1.9}.ul{border-bottom:0.75px solid #000;padding:0 4pt}
      table.ic{width:100%;border-collapse:collapse} table.ic th{border:1px solid #000;font-size:7.2pt;padding:2pt;vertical-align:top;text-align:left} table.ic td{border:1px solid #000;padding:2pt 3pt;vertical-align:top}
      .sm{font-size:7.6pt}.nw{white-space:nowrap}.sg{margin-top:10pt}`;
    const footer = pageFooter(f, `ICVP transcript &middot; ${esc(nm)} &middot; ${dMonthY(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, immunizations: doc.immunizations.map((s) => immGt(s, s.vaccine)) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.h1 (hospital): ACADEMIC RADIOLOGY STRUCTURED REPORT with a resident PRELIMINARY read and the
// attending's FINAL attestation: header "Department of Radiology — Final Report", label column (Patient
// `TESTBURY, Harold J` / DOB / MRN / Exam / Exam date/time `2024-03-14 10:32 CDT` / Ordering / Accession),
// RadReport-style structured findings "ORGAN: finding" lines, IMPRESSION numbered, then "Preliminary report by
// … (resident) 03/14/2024 11:20" and "Attending attestation: I have personally reviewed the images … Final
// signed 03/15/2024 08:05" — two later dates than the exam.
const radH1 = {
  id: 'radiology.h1', set: SET, type: 'radiology_report', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first}${p.middle ? ' ' + p.middle[0] : ''}`;
    const zone = rng.pick(['CDT', 'EDT', 'CST', 'EST', 'MDT']);
    const prelim = doc.signed; const fin = `${addDaysIso(doc.signed, rng.int(0, 1))}T${zpad(rng.int(7, 17))}:${zpad(rng.int(0, 59))}`;
    const res = `${rng.pick(['N.', 'E.', 'O.'])} ${rng.pick(['Fauxberg', 'Mockler', 'Sampleton'])}, MD`;
    const kv = (k, v) => `<tr><td class="k">${k}</td><td>${v}</td></tr>`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Department of Radiology &middot; ${esc(fmtAddr(doc.facility.address))} &middot; Reading room ${fmtPhone(doc.facility.phone)}</div></td><td class="r t">FINAL REPORT</td></tr></table>
      <table class="kv">${kv('Patient', `<b>${esc(nm)}</b>`)}${kv('DOB', mdy(p.dob))}${kv('MRN', esc(doc.mrn))}${kv('Exam', `${esc(doc.exam)} &nbsp;(CPT ${doc.cpt})`)}${kv('Exam date/time', `${isoD(doc.exam_datetime)} ${fmtTime(doc.exam_datetime, '24')} ${zone}`)}${kv('Ordering', esc(provName(doc.provider)))}${kv('Accession', doc.accession)}</table>
      <div class="h">CLINICAL INDICATION</div><p>${esc(doc.indication)}</p>
      <div class="h">TECHNIQUE</div><p>${esc(doc.technique)}</p>
      <div class="h">COMPARISON</div><p>${esc(doc.comparison)}</p>
      <div class="h">FINDINGS</div>${doc.findings.map((x) => `<p>${/^[A-Z ]+:/.test(x) ? esc(x) : `${esc(x)}`}</p>`).join('')}
      <div class="h">IMPRESSION</div>${doc.impression.map((x, i) => `<p><b>${i + 1}.</b> ${esc(x)}</p>`).join('')}
      ${doc.birads !== null && doc.birads !== undefined ? `<p>ACR BI-RADS Category ${doc.birads}</p>` : ''}
      <div class="keep at"><p>Preliminary report by ${esc(res)} (radiology resident) on ${mdy(prelim)} ${fmtTime(prelim, '24')}.</p>
      <p>Attending attestation: I have personally reviewed the images and agree with the findings of this report. ${esc(provName(doc.radiologist))}, Attending Radiologist. Final signed ${mdy(fin)} ${fmtTime(fin, '24')}.</p></div>`;
    const css = baseCss(f, 9.4) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:12pt;font-weight:bold;letter-spacing:1pt}
      table.kv{margin:6pt 0} table.kv td{padding:1pt 8pt 1pt 0}.k{font-weight:bold;width:1.25in;font-size:8.5pt}
      .h{font-weight:bold;margin:7pt 0 1pt 0;font-size:9pt;letter-spacing:0.5pt} p{margin:1pt 0 2pt 0}.at{margin-top:12pt;border-top:0.75px solid #000;padding-top:4pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; MRN ${esc(doc.mrn)} &middot; Acc ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.h1 (clinic): ACADEMIC SPECIALTY "eCONSULT REQUEST" (interprofessional e-consultation from a PCP to a
// university specialist, RubiconMD / AAMC Project CORE manner): header "eConsult Request — <Specialty>",
// "Requested 3/14/2024 10:32 AM" (date + time), patient line `Testbury, Harold J (74 y.o. M) · DOB 3/4/1950 ·
// MRN`, the CLINICAL QUESTION in a box, "Pertinent history", "Problem list" with codes FIRST ("I10 · …"),
// medications "name strength — abbreviated sig", "If a face-to-face visit is needed: priority …, authorization …",
// an empty "Specialist response" box, the referring clinician.
const refH1 = {
  id: 'referral.h1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const nm = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle[0] : ''}`;
    const req = `${doc.date_of_service}T${zpad(rng.int(8, 17))}:${zpad(rng.int(0, 59))}`;
    const body = `
      <div class="hd"><span class="fn">${esc(doc.facility.name)}</span><span class="sm">Primary Care &middot; ${fmtPhone(doc.facility.phone)} &middot; fax ${fmtPhone(doc.facility.fax)}</span></div>
      <div class="t">eConsult Request &mdash; ${esc(doc.specialty)}</div>
      <p class="pl"><b>${esc(nm)}</b> (${ageOf(p.dob, doc.date_of_service)} y.o. ${p.sex}) &middot; DOB ${mdyNP(p.dob)} &middot; MRN ${esc(doc.mrn)}</p>
      <p>Requested ${mdyNP(req)} ${t12(req)} by ${esc(provName(doc.provider))} &middot; To: ${esc(provName(to))}, ${esc(doc.to_facility.name)}</p>
      <div class="q"><div class="qh">Clinical question</div>Please advise on ${esc(doc.reason)}. Is further work-up or a face-to-face visit needed?</div>
      <div class="h">Problem list</div>${doc.diagnoses.map((x) => `<p class="in">${x.code} &middot; ${esc(x.description)}</p>`).join('')}
      <div class="h">Medications</div>${doc.medications.length ? doc.medications.map((m) => `<p class="in">${esc(m.name)} ${esc(m.strength)} &mdash; ${esc(m.sig_abbrev)}</p>`).join('') : '<p class="in">None</p>'}
      <div class="h">Allergies</div><p class="in">${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</p>
      <div class="h">Attached</div><p class="in">${doc.enclosures.map(esc).join('; ')}</p>
      <p>If a face-to-face visit is needed: priority <b>${esc(doc.urgency)}</b>; authorization ${doc.auth_number ? esc(doc.auth_number) : 'not required'}.</p>
      <div class="rs"><div class="qh">Specialist response (to be completed within 3 business days)</div></div>
      <div class="keep sg">${signatureSvg(rng, 100, 22)}${esc(provName(doc.provider))}, requesting clinician</div>`;
    const css = baseCss(f, 9.6) + `
      .hd{display:flex;justify-content:space-between;align-items:baseline;border-bottom:1px solid #000;padding-bottom:2pt}.fn{font-weight:bold;font-size:11pt}.sm{font-size:7.5pt}
      .t{font-size:15pt;margin:8pt 0 4pt 0}.pl{font-size:10pt}
      .q{border:2px solid #000;padding:6pt 8pt;margin:8pt 0}.qh{font-size:7.5pt;font-weight:bold;text-transform:uppercase;letter-spacing:1pt;margin-bottom:2pt}
      .h{font-weight:bold;margin:6pt 0 1pt 0} p{margin:1pt 0 3pt 0}.in{margin:0 0 1pt 12pt}
      .rs{border:1px dashed #000;min-height:70pt;padding:4pt 8pt;margin-top:10pt}.sg{margin-top:10pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.75, 0.75), fonts: [f], gt: { name_printed: nm, diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.h1 (payer): PAYER EOB WRITTEN AS A LETTER ("claim determination letter"): payer letterhead, letter date
// (= processed date, long form "March 21, 2024"), inside address, "Member: Harold Testbury   Member ID …   Claim
// number …", "Dear Harold Testbury:" then "We processed the claim your provider sent for services on March 14,
// 2024" in prose, a compact table Service / Code / Amount billed / Amount allowed / Plan paid / Your share, a
// totals sentence, appeal rights in small type. kind eob.
const billH1 = {
  id: 'billing.h1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const nm = nameFL(p);
    const rows = doc.lines.map((l) => `<tr><td>${esc(l.description)}</td><td>${l.cpt}</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.allowed)}</td><td class="r">${money(l.paid)}</td><td class="r">${money(l.patient_resp)}</td></tr>`).join('');
    const body = `
      <div class="lh"><div class="fn">${esc(doc.payer)}</div><div class="sm">Claims Department &middot; P.O. Box ${rng.int(1000, 99999)} &middot; Member services ${fmtPhone(doc.facility.phone, 'one')}</div></div>
      <p>${monthDY(doc.processed)}</p>
      <p class="ad">${esc(nm)}<br>${esc(p.address.line1)}<br>${esc(p.address.city)}, ${esc(p.address.state)} ${esc(p.address.zip)}</p>
      <table class="ref"><tr><td>Member: <b>${esc(nm)}</b></td><td>Member ID: ${doc.member_id}</td><td>Claim number: ${doc.claim_number}</td></tr><tr><td>Plan: ${esc(doc.plan_name)}</td><td>Group: ${doc.group}</td><td>Provider: ${esc(doc.client?.name || (doc.provider ? provName(doc.provider) : ''))}</td></tr></table>
      <p>Dear ${esc(nm)}:</p>
      <p>We processed the claim your provider sent us for services on ${monthDY(doc.date_of_service)}. This letter explains how we paid it. <b>This is not a bill.</b> Your provider may bill you for the amount shown as your share.</p>
      <table class="it"><thead><tr><th>Service</th><th>Code</th><th class="r">Amount billed</th><th class="r">Amount allowed</th><th class="r">Plan paid</th><th class="r">Your share</th></tr></thead><tbody>${rows}
      <tr class="tt"><td colspan="2">Total</td><td class="r">${money(t.billed)}</td><td class="r">${money(t.allowed)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.patient_resp)}</td></tr></tbody></table>
      <p>Of your share, ${money(t.deductible)} was applied to your deductible, ${money(t.copay)} is your copay and ${money(t.coinsurance)} is coinsurance. The provider agreed not to bill you for the ${money(t.not_covered)} above the allowed amount.</p>
      <p class="sm">Your right to appeal: if you disagree with this decision you may file an appeal within 180 days of the date of this letter. Call the number on your ID card or write to the Appeals Unit at the address above. You may also request, free of charge, copies of documents relevant to your claim.</p>
      <p>Sincerely,<br>Claims Department<br>${esc(doc.payer)}</p>`;
    const css = baseCss(f, 9.8) + `
      .lh{border-bottom:2px solid #000;padding-bottom:3pt;margin-bottom:10pt}.fn{font-size:15pt;font-weight:bold}.sm{font-size:7.6pt}.ad{margin:8pt 0 8pt 0} p{margin:0 0 6pt 0}
      table.ref{width:100%;border:1px solid #000;margin:4pt 0 10pt 0} table.ref td{padding:2pt 5pt;font-size:9pt}
      table.it{width:100%;border-collapse:collapse;margin:4pt 0 8pt 0} table.it th{text-align:left;border-bottom:1.2px solid #000;font-size:8.5pt;padding:2pt} table.it td{padding:2pt;border-bottom:0.4px solid #aaa} tr.tt td{font-weight:bold;border-top:1px solid #000}`;
    const footer = pageFooter(f, `${esc(doc.payer)} &middot; Claim ${doc.claim_number}`, PN);
    return { css, body, footer, margins: M(0.6, 0.6, 0.8, 0.8), fonts: [f], gt: { name_printed: nm, billing: eobGt(doc) } };
  },
};

// billing.h2 (billing): UNIVERSITY PHYSICIANS PRACTICE-PLAN STATEMENT (professional fees of a faculty practice,
// patient_statement): "Statement of Professional Services", a GUARANTOR block (for a child: the parent, a
// different person from the patient) and a separate "Patient:" line with the patient's own date of birth,
// "Statement date 2024-03-21" (ISO), account number, activity table Date of service (MM/DD/YY) / Patient /
// Physician / Description (CPT) / Charges / Insurance paid / Adjustments / Patient balance, aging buckets
// (Current / 31-60 / 61-90 / 90+), remittance stub with "Amount due" and "Please pay by".
const billH2 = {
  id: 'billing.h2', set: SET, type: 'insurance_billing', facilityKind: 'billing',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const kid = p.age < 18;
    const guarantor = kid ? `${rng.pick(['Diane', 'Mark', 'Laura', 'Steven'])} ${p.last}` : nameFL(p);
    const nm = `${p.first} ${p.last}`;
    const due = Math.round((t.patient_resp + doc.previous_balance) * 100) / 100;
    const adj = (l) => Math.round((l.billed - l.paid - l.patient_resp) * 100) / 100;
    const rows = doc.lines.map((l) => `<tr><td>${fmtDate(l.date, 'us-short')}</td><td>${esc(p.first)}</td><td>${esc(doc.provider ? provLF(doc.provider) : '')}</td><td>${esc(l.description)} (${l.cpt})</td><td class="r">${money(l.billed)}</td><td class="r">${money(-l.paid)}</td><td class="r">${money(-adj(l))}</td><td class="r">${money(l.patient_resp)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">University Physicians &middot; Faculty Practice Plan &middot; Patient Business Office ${fmtPhone(doc.facility.phone)}</div></td><td class="r t">Statement of<br>Professional Services</td></tr></table>
      <table class="gb"><tr><td><div class="k">GUARANTOR</div>${esc(guarantor)}<br>${esc(p.address.line1)}<br>${esc(p.address.city)}, ${esc(p.address.state)} ${esc(p.address.zip)}</td>
      <td><div class="k">ACCOUNT</div>${doc.account}<div class="k">STATEMENT DATE</div>${isoD(doc.statement_date)}<div class="k">PLEASE PAY BY</div>${isoD(doc.due_date)}</td>
      <td><div class="k">AMOUNT DUE</div><div class="ad">${money(due)}</div></td></tr></table>
      <p>Patient: <b>${esc(nm)}</b> &nbsp; Date of birth ${mdy(p.dob)} &nbsp; Insurance: ${esc(doc.payer)} (${doc.member_id})</p>
      <table class="it"><thead><tr><th>Date of service</th><th>Patient</th><th>Physician</th><th>Description</th><th class="r">Charges</th><th class="r">Insurance paid</th><th class="r">Adjustments</th><th class="r">Patient balance</th></tr></thead><tbody>
      ${doc.previous_balance ? `<tr><td colspan="7">Previous balance</td><td class="r">${money(doc.previous_balance)}</td></tr>` : ''}${rows}</tbody></table>
      <table class="ag"><tr><th>Current</th><th>31&ndash;60 days</th><th>61&ndash;90 days</th><th>Over 90 days</th><th>Amount due</th></tr><tr><td>${money(t.patient_resp)}</td><td>${money(doc.previous_balance)}</td><td>$0.00</td><td>$0.00</td><td><b>${money(due)}</b></td></tr></table>
      <p class="sm">Hospital (facility) charges are billed separately by the hospital. Questions about this statement: ${fmtPhone(doc.facility.phone)}, Monday&ndash;Friday 8&ndash;5. Financial assistance is available.</p>
      <div class="stub"><span>Detach and return with payment &#9986;</span><span>Account ${doc.account}</span><span>Guarantor ${esc(guarantor)}</span><span>Amount due ${money(due)}</span><span>Amount enclosed $________</span></div>`;
    const css = baseCss(f, 8.8) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.4pt}.t{font-size:12pt;font-weight:bold}
      table.gb{width:100%;margin:6pt 0} table.gb td{vertical-align:top;padding:3pt 6pt;border:0.75px solid #000;width:33%}.k{font-size:6.8pt;font-weight:bold;margin-top:2pt}.ad{font-size:16pt;font-weight:bold}
      table.it{width:100%;border-collapse:collapse;margin:4pt 0} table.it th{font-size:7.6pt;text-align:left;border-bottom:1.2px solid #000;padding:2pt} table.it td{padding:2pt;border-bottom:0.4px solid #aaa}
      table.ag{width:70%;margin:8pt 0;border-collapse:collapse} table.ag th,table.ag td{border:0.75px solid #000;padding:2pt 4pt;font-size:8pt;text-align:center}
      .stub{margin-top:18pt;border-top:1.5px dashed #000;padding-top:5pt;display:flex;justify-content:space-between;font-size:8pt}`;
    const footer = pageFooter(f, `Account ${doc.account} &middot; ${esc(guarantor)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nm, billing: { kind: 'patient_statement', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, account: doc.account, statement_date: doc.statement_date, previous_balance: doc.previous_balance, amount_due: due, lines: doc.lines, totals: doc.totals } } };
  },
};

export default [coverH1, coverH2, labH1, labH2, labH3, labH4, dsH1, ovH1, ovH2, mlH1, imH1, radH1, refH1, billH1, billH2];
