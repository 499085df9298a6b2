// faxgen template set 'set-f': another stand-in for faxgen's held-out template set, written in session 23
// WITHOUT looking at the extraction/structuring rules (nothing under src/ was opened while it was written) and
// independent of set-a and of every earlier stand-in. Theme: POST-ACUTE, LONG-TERM AND CONTINUING CARE — skilled
// nursing facilities / nursing homes (transfer forms, eMAR print-outs, physician-notification fax-backs, consultant
// pharmacist reviews, resident immunization records, consult requests), a dialysis unit's monthly labs, a regional
// laboratory that serves nursing homes, home health, outpatient physical therapy, an inpatient behavioral-health
// unit, teleradiology for nursing homes and a Medicare Advantage post-acute claim summary. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-f/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-f ...
// faxgen's helpers are imported from $FAXGEN_DIR or, by default, ../shared/faxgen beside the repo.
// Every template keeps set-a's ground-truth (`gt`) contract: names, values, units and flags exactly as printed.
// See README.md here: this set MEASURES generalization; do not tune extraction rules to its layouts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAXGEN = fs.realpathSync(process.env.FAXGEN_DIR ? path.resolve(process.env.FAXGEN_DIR) : path.resolve(here, '../../../shared/faxgen'));
const lib = (p) => import(pathToFileURL(path.join(FAXGEN, 'lib', p)).href);
const { baseCss, labPanels, signatureSvg, medGt, esc } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, nameFL, nameLF, provName, provLF, fmtAddr, money, parseIso, pad: zpad } = await lib('util.mjs');

const SET = 'set-f';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// FreeSans / Nimbus Sans (sans), C059 / P052 (serif), Nimbus Mono PS / Noto Mono (mono), Nimbus Sans Narrow
// (narrow). Fax header line: Nimbus Mono PS, FreeSans or C059.
export const fonts = {
  [SET]: {
    sans: ['FreeSans', 'Nimbus Sans'],
    serif: ['C059', 'P052'],
    mono: ['Nimbus Mono PS', 'Noto Mono'],
    narrow: ['Nimbus Sans Narrow'],
    tti: ['Nimbus Mono PS', 'FreeSans', 'C059'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WDL = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const D = (iso) => parseIso(iso);
/** 03/14/2024 */
const mdy = (iso) => fmtDate(iso, 'us');
/** 3/14/24 */
const mdyS = (iso) => { const d = D(iso); return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}`; };
/** 03/04/50 — a two-digit-year date (also for dates of birth, as dialysis and LTC systems print them) */
const mdy2 = (iso) => fmtDate(iso, 'us-short');
/** 3-4-1950 */
const mdyDash = (iso) => { const d = D(iso); return `${d.getUTCMonth() + 1}-${d.getUTCDate()}-${d.getUTCFullYear()}`; };
/** Mar 14, 2024 */
const monDY = (iso) => fmtDate(iso, 'mon-d-y');
/** March 14, 2024 */
const monthDY = (iso) => fmtDate(iso, 'month-d-y');
/** Thursday, March 14, 2024 */
const wdMonthDY = (iso) => `${WDL[D(iso).getUTCDay()]}, ${monthDY(iso)}`;
/** 14th March 2024 */
const ord = (n) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
const ordDMonthY = (iso) => { const d = D(iso); return `${ord(d.getUTCDate())} ${MONTH[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };
/** 19500304 (DICOM DA) */
const dicomDate = (iso) => iso.slice(0, 10).replace(/-/g, '');
const addDaysIso = (iso, n) => { const d = parseIso(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };
const ageOf = (dob, on) => { const a = D(dob), b = D(on); let y = b.getUTCFullYear() - a.getUTCFullYear(); if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) y--; return y; };
const monthYear = (iso, back = 0) => { const d = D(iso); d.setUTCDate(1); d.setUTCMonth(d.getUTCMonth() - back); return `${MON[d.getUTCMonth()].toUpperCase()} ${d.getUTCFullYear()}`; };

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // older Sharp / Xerox office fax with the "FR" / "TO" labels and an APOSTROPHE two-digit year:
    // "MAR 14 '24 10:32 FR SENDER 217 555 0146 TO 2175550199 P.02/05"
    (t) => [`${MON[D(t.dt).getUTCMonth()].toUpperCase()} ${zpad(D(t.dt).getUTCDate())} '${String(D(t.dt).getUTCFullYear()).slice(2)} ${fmtTime(t.dt, '24')}`, `FR ${t.sender.toUpperCase().slice(0, 24)}`, `${t.fax.area} ${t.fax.exch} ${t.fax.line}`, `TO ${t.toFax.area}${t.toFax.exch}${t.toFax.line}`, `P.${zpad(t.page)}/${zpad(t.total)}`],
    // Exchange / Outlook unified-messaging fax (a received fax rendered as an e-mail print), a sentence with the
    // number first, the sender in parentheses, the FULL weekday and a day-first long date, "at" before the time:
    // "Fax from 2175550146 (SENDER) received Thursday, 14 March 2024 at 10:32 - page 2 of 5"
    (t) => [`Fax from ${t.fax.area}${t.fax.exch}${t.fax.line} (${t.sender.slice(0, 24)})`, `received ${WDL[D(t.dt).getUTCDay()]}, ${D(t.dt).getUTCDate()} ${MONTH[D(t.dt).getUTCMonth()]} ${D(t.dt).getUTCFullYear()} at ${fmtTime(t.dt, '24')}`, `- page ${t.page} of ${t.total}`],
    // Japanese-market MFP (Brother / Kyocera) with the YEAR-FIRST SLASHED numeric date, job number, and a bare
    // "2 OF 5" counter: "2024/03/14 10:32  SENDER  2175550146  #0482  2 OF 5"
    (t) => [`${D(t.dt).getUTCFullYear()}/${zpad(D(t.dt).getUTCMonth() + 1)}/${zpad(D(t.dt).getUTCDate())} ${fmtTime(t.dt, '24')}`, t.sender.toUpperCase().slice(0, 26), `${t.fax.area}${t.fax.exch}${t.fax.line}`, `#${zpad(t.job, 4)}`, `${t.page} OF ${t.total}`],
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
const room = (rng) => `${rng.int(1, 3)}${rng.pick(['', '0'])}${rng.int(1, 40)}-${rng.pick(['A', 'B'])}`;
const UNITS_LTC = ['Station 1', 'Station 2', 'North Wing', 'Rehab Unit', 'Memory Care', 'Long-Term Care 2W'];
const box = (on) => (on ? '&#9746;' : '&#9744;');

// ---- extra lab tests outside faxgen's catalogue (dialysis adequacy / anemia / bone-mineral; behavioral-health
// drug levels and urine drug screen). They are IN the ground truth, built like faxgen's rows: printed name, value,
// unit, range, flag computed from the printed range. LOINC codes are from memory of the public LOINC table (spot-
// check before using them as coding gold); null where no single code could be vouched for.
const XT = {
  PREBUN: { name: 'BUN, Pre-Dialysis', loinc: '11064-3', unit: 'mg/dL', dec: 0, r: { lo: 7, hi: 25 }, mean: 58, sd: 14 },
  POSTBUN: { name: 'BUN, Post-Dialysis', loinc: '11065-0', unit: 'mg/dL', dec: 0, r: { lo: 7, hi: 25 }, mean: 18, sd: 5 },
  URR: { name: 'Urea Reduction Ratio (URR)', loinc: null, unit: '%', dec: 0, r: { ge: 65 }, mean: 71, sd: 5 },
  KTV: { name: 'spKt/V', loinc: '70966-7', unit: '', dec: 2, r: { ge: 1.2 }, mean: 1.45, sd: 0.2 },
  HGB: { name: 'Hemoglobin', loinc: '718-7', unit: 'g/dL', dec: 1, r: { lo: 10.0, hi: 11.5 }, mean: 10.6, sd: 0.9 },
  FERR: { name: 'Ferritin', loinc: '2276-4', unit: 'ng/mL', dec: 0, r: { lo: 200, hi: 1200 }, mean: 560, sd: 260 },
  TSAT: { name: 'Iron Saturation (TSAT)', loinc: '2502-3', unit: '%', dec: 0, r: { lo: 20, hi: 50 }, mean: 29, sd: 9 },
  FE: { name: 'Iron, Serum', loinc: '2498-4', unit: 'ug/dL', dec: 0, r: { lo: 45, hi: 160 }, mean: 68, sd: 22 },
  CA: { name: 'Calcium', loinc: '17861-6', unit: 'mg/dL', dec: 1, r: { lo: 8.4, hi: 10.2 }, mean: 9.0, sd: 0.5 },
  PHOS: { name: 'Phosphorus', loinc: '2777-1', unit: 'mg/dL', dec: 1, r: { lo: 3.5, hi: 5.5 }, mean: 5.3, sd: 1.1 },
  PTH: { name: 'PTH, Intact', loinc: '2731-8', unit: 'pg/mL', dec: 0, r: { lo: 150, hi: 600 }, mean: 420, sd: 180 },
  ALB: { name: 'Albumin', loinc: '1751-7', unit: 'g/dL', dec: 1, r: { ge: 4.0 }, mean: 3.9, sd: 0.3 },
  K: { name: 'Potassium', loinc: '2823-3', unit: 'mEq/L', dec: 1, r: { lo: 3.5, hi: 5.5 }, mean: 4.8, sd: 0.6 },
  CO2: { name: 'Bicarbonate (CO2)', loinc: '2028-9', unit: 'mEq/L', dec: 0, r: { lo: 22, hi: 29 }, mean: 23, sd: 2.5 },
  LITH: { name: 'Lithium Level', loinc: '14334-7', unit: 'mmol/L', dec: 2, r: { lo: 0.6, hi: 1.2 }, mean: 0.8, sd: 0.25 },
  VPA: { name: 'Valproic Acid', loinc: '4086-5', unit: 'ug/mL', dec: 0, r: { lo: 50, hi: 100 }, mean: 72, sd: 20 },
  UAMP: { name: 'Amphetamines, Urine Screen', loinc: null, unit: '', qual: true, spec: 'urine' },
  UBZO: { name: 'Benzodiazepines, Urine Screen', loinc: null, unit: '', qual: true, spec: 'urine' },
  UTHC: { name: 'Cannabinoids (THC), Urine Screen', loinc: null, unit: '', qual: true, spec: 'urine' },
  UCOC: { name: 'Cocaine Metabolite, Urine Screen', loinc: null, unit: '', qual: true, spec: 'urine' },
};
const fmtR = (r, dec, ge = '>=') => (r.ge !== undefined ? `${ge}${r.ge.toFixed(dec)}` : `${r.lo.toFixed(dec)}-${r.hi.toFixed(dec)}`);
function xRow(rng, doc, k, spell, panel, { geSign = '>=', value: forced } = {}) {
  const t = XT[k];
  let value, num = null, flag, range;
  if (t.qual) { value = forced ?? (rng.chance(0.15) ? 'Positive' : 'Negative'); flag = value === 'Negative' ? null : 'A'; range = 'Negative'; }
  else {
    value = (forced ?? Math.max(0, rng.normal(t.mean, t.sd))).toFixed(t.dec); num = Number(value);
    const r = t.r; flag = r.ge !== undefined ? (num < r.ge ? 'L' : null) : num < r.lo ? 'L' : num > r.hi ? 'H' : null;
    range = fmtR(r, t.dec, geSign);
  }
  const lo = t.qual ? null : t.r.ge ?? t.r.lo; const hi = t.qual ? null : t.r.hi ?? null;
  return {
    key: k, name: t.name, value, unit: t.unit, range, flag, flagPrinted: flag ? spell[flag] : '', panel,
    gt: {
      panel, panel_loinc: null, test_name_printed: t.name, test_name: t.name, test_code: `X-${k}`, loinc: t.loinc,
      value, value_numeric: num, unit: t.unit || null, unit_ucum: t.unit || null, reference_range: range, reference_low: lo, reference_high: hi,
      flag, flag_printed: flag ? spell[flag] : null, specimen: t.spec || 'blood', collection_date: doc.collected.slice(0, 10), collection_datetime: doc.collected,
    },
  };
}
// an earlier month's value for the same row (same decimals; flag recomputed from the row's bounds)
function olderValue(rng, r) {
  const n0 = r.gt.value_numeric; if (n0 === null) return { value: r.value, flag: null };
  const dec = (r.value.split('.')[1] || '').length;
  const value = Math.max(0, n0 * rng.float(0.82, 1.18)).toFixed(dec); const n = Number(value);
  const lo = r.gt.reference_low, hi = r.gt.reference_high;
  return { value, flag: lo !== null && n < lo ? 'L' : hi !== null && n > hi ? 'H' : null };
}

// ======================= FAX COVER SHEETS =======================
// cover.f1: SKILLED NURSING FACILITY "ADMISSIONS / BUSINESS OFFICE" FAX ROUTING SLIP: facility name over a thin
// rule with the licence line ("Licensed Skilled Nursing & Rehabilitation · Medicare/Medicaid certified"), a ROUTE TO
// tick column (Admissions / MDS Coordinator / Director of Nursing / Medical Records / Social Services / Business
// Office), a two-column table of "Sent by / Sender's fax / Sender's phone" and "Deliver to / Recipient fax /
// Recipient phone", "Date sent 03.14.2024" (DOTTED month-first four-digit year), the page count as "Sheets in this
// transmission (cover + 4): 5", "Regarding", a lined message box and the HIPAA notice in a black bar.
const coverF1 = {
  id: 'cover.f1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'serif'); const s = doc.from_facility; const rng = env.rng; const d = D(doc.datetime);
    const routes = ['Admissions', 'MDS Coordinator', 'Director of Nursing', 'Medical Records', 'Social Services', 'Business Office'];
    const on = rng.int(0, routes.length - 1);
    const body = `
      <div class="nm">${esc(s.name)}</div><div class="lc">Licensed Skilled Nursing &amp; Rehabilitation &middot; Medicare / Medicaid certified &middot; ${esc(fmtAddr(s.address))}</div>
      <table class="wrap"><tr><td class="rt"><div class="rh">ROUTE TO</div>${routes.map((x, i) => `<div>${box(i === on)} ${x}</div>`).join('')}</td>
      <td><div class="big">FAX ROUTING SLIP</div>
      <table class="pp"><tr><td class="k">Sent by</td><td>${esc(doc.from_person)}</td><td class="k">Deliver to</td><td>${esc(doc.to_name)}${doc.to_org ? `<br>${esc(doc.to_org)}` : ''}</td></tr>
      <tr><td class="k">Sender's fax</td><td>${fmtPhone(s.fax)}</td><td class="k">Recipient fax</td><td>${fmtPhone(doc.to_fax)}</td></tr>
      <tr><td class="k">Sender's phone</td><td>${fmtPhone(s.phone)}</td><td class="k">Recipient phone</td><td>${doc.to_phone ? fmtPhone(doc.to_phone) : '&nbsp;'}</td></tr></table>
      <p class="ln"><span class="k">Date sent</span> ${zpad(d.getUTCMonth() + 1)}.${zpad(d.getUTCDate())}.${d.getUTCFullYear()} &nbsp;&nbsp; <span class="k">Sheets in this transmission (cover + ${doc.pages - 1})</span> ${doc.pages}</p>
      <p class="ln"><span class="k">Regarding</span> ${esc(doc.re)}${doc.urgent ? ' &nbsp;<b>[PLEASE EXPEDITE]</b>' : ''}</p></td></tr></table>
      <div class="ms"><div class="mh">Message</div>${esc(doc.message)}</div>
      <div class="hp">HIPAA NOTICE: The documents accompanying this fax contain resident health information that is confidential and legally privileged. If you are not the intended recipient, any review, disclosure, copying or distribution is prohibited. Please notify the sender by telephone and destroy the documents.</div>`;
    const css = baseCss(f, 10.2) + `
      .nm{font-size:17pt;font-weight:bold;text-align:center}.lc{text-align:center;font-size:7.8pt;border-bottom:0.75px solid #000;padding-bottom:4pt;margin-bottom:12pt}
      table.wrap{width:100%} table.wrap td{vertical-align:top}.rt{width:1.7in;border:1px solid #000;padding:5pt;font-size:9pt;line-height:1.6}.rh{font-weight:bold;font-size:8pt;letter-spacing:1pt;border-bottom:0.5px solid #000;margin-bottom:3pt}
      .big{font-size:22pt;font-weight:bold;padding-left:12pt;margin-bottom:8pt}
      table.pp{margin-left:12pt;width:95%} table.pp td{padding:3pt 4pt;border-bottom:0.5px solid #999;vertical-align:top}.k{font-size:8pt;font-weight:bold;font-style:italic}
      p.ln{margin:9pt 0 0 12pt}.ms{margin-top:16pt;min-height:150pt;padding:4pt 6pt;background:repeating-linear-gradient(#fff,#fff 17pt,#888 18pt);line-height:18pt}.mh{font-weight:bold;font-size:8.5pt}
      .hp{margin-top:18pt;background:#000;color:#fff;padding:5pt 8pt;font-size:7.6pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f] };
  },
};

// cover.f2: HOME HEALTH AGENCY "PHYSICIAN ORDERS — PLEASE SIGN AND RETURN" cover (intake / orders department
// sending plans of care to a physician's office): agency name left, big "SIGN & RETURN" stamp box right with the
// turnaround ("within 48 hours"), a compact block "To: … / Attn: … / Fax: …" and "From: Intake & Orders / Fax back
// to: …", the date in ORDINAL long form "14th March 2024", the pages as "Total pages: 5 (including this one)",
// an "Enclosed" checklist (Plan of Care (CMS-485) / Verbal order / Face-to-face encounter / Visit notes /
// Discharge summary), and the message.
const coverF2 = {
  id: 'cover.f2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility; const rng = env.rng;
    const encl = ['Plan of Care (CMS-485)', 'Verbal / interim order', 'Face-to-face encounter', 'Visit notes', 'Discharge summary', 'Other records'];
    const ticks = new Set(rng.sample([0, 1, 2, 3, 4, 5], rng.int(1, 3)));
    const body = `
      <table class="hd"><tr><td><div class="nm">${esc(s.name)}</div><div class="sm">Home Health &amp; Hospice Services &middot; Intake &amp; Orders Department<br>${esc(fmtAddr(s.address))}</div></td>
      <td class="st"><div class="sr">SIGN &amp; RETURN</div><div class="sm">within 48 hours &middot; Medicare CoP 484.60</div></td></tr></table>
      <div class="ttl">Facsimile</div>
      <table class="kv"><tr><td class="k">To:</td><td>${esc(doc.to_name)}</td><td class="k">From:</td><td>${esc(doc.from_person)}, Intake &amp; Orders</td></tr>
      <tr><td class="k">Attn:</td><td>${esc(doc.to_org || 'Physician office')}</td><td class="k">Fax back to:</td><td>${fmtPhone(s.fax, 'dash')}</td></tr>
      <tr><td class="k">Fax:</td><td>${fmtPhone(doc.to_fax, 'dash')}</td><td class="k">Phone:</td><td>${fmtPhone(s.phone, 'dash')}</td></tr>
      <tr><td class="k">Date:</td><td>${ordDMonthY(doc.datetime)}</td><td class="k">Total pages:</td><td>${doc.pages} (including this one)</td></tr>
      <tr><td class="k">Re:</td><td colspan="3">${esc(doc.re)}${doc.urgent ? ' &mdash; <b>URGENT</b>' : ''}</td></tr></table>
      <div class="en"><b>Enclosed:</b> ${encl.map((x, i) => `<span class="ck">${box(ticks.has(i))} ${x}</span>`).join(' ')}</div>
      <div class="ms">${esc(doc.message)}</div>
      <p class="sm">Please sign and date each order and fax all pages back. Orders not returned within 30 days delay the patient's care and billing. This fax may contain protected health information; if you received it in error, call ${fmtPhone(s.phone, 'dash')}.</p>`;
    const css = baseCss(f, 10) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:top;padding-bottom:5pt}.nm{font-size:14pt;font-weight:bold}.sm{font-size:7.8pt}
      .st{text-align:center;width:2in}.sr{border:3px solid #000;font-size:15pt;font-weight:bold;padding:4pt;letter-spacing:1pt}
      .ttl{font-size:26pt;font-weight:bold;margin:14pt 0 8pt 0;letter-spacing:3pt}
      table.kv{width:100%} table.kv td{padding:4pt 5pt;vertical-align:top}.k{font-weight:bold;width:1.05in;text-align:right}
      .en{margin:12pt 0;font-size:9pt;line-height:1.7}.ck{margin-right:10pt;white-space:nowrap}.ms{border:1.5px solid #000;min-height:130pt;padding:6pt 8pt;margin-bottom:12pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.75, 0.75), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.f1 (clinic): OUTPATIENT DIALYSIS UNIT "MONTHLY LAB REPORT" (report to the nephrologist / the nursing home
// where the patient lives): unit name, "Patient Testbury, Harold J", DOB printed with a TWO-DIGIT YEAR
// ("03/04/50"), modality / access / chair-shift line, "Draw date Thu 03/14/2024 — mid-week, pre-treatment";
// sections ADEQUACY (pre- and post-dialysis BUN, URR, spKt/V), ANEMIA (Hemoglobin, Ferritin, TSAT, Iron), MINERAL &
// BONE (Calcium, Phosphorus, PTH intact), NUTRITION / CHEMISTRY (Albumin, Potassium, Bicarbonate); column order Test
// / Goal (ranges, "≥1.2" with the unicode sign) / Units / THIS MONTH FIRST (newest LEFTMOST) / the two previous
// months; flags as arrows "▲" / "▼" right after the value, in every month column. When faxgen drew other panels,
// they follow under "OTHER RESULTS, THIS DRAW" with one value column. All current-month rows are in the gt.
const labF1 = {
  id: 'lab.f1', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Renal Partners Laboratory Services', 'Dialysis Lab Network'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const spell = { H: '▲', L: '▼', A: '◆' };
    const secs = [['ADEQUACY', ['PREBUN', 'POSTBUN', 'URR', 'KTV']], ['ANEMIA MANAGEMENT', ['HGB', 'FERR', 'TSAT', 'FE']], ['MINERAL & BONE', ['CA', 'PHOS', 'PTH']], ['NUTRITION / CHEMISTRY', ['ALB', 'K', 'CO2']]]
      .map(([name, keys]) => ({ name, rows: keys.filter((k) => k !== 'FE' || rng.chance(0.6)).map((k) => xRow(rng, doc, k, spell, name, { geSign: '≥' })) }));
    // URR is computed from the printed pre/post BUN, as a unit's system does
    const A = secs[0].rows; const pre = Number(A[0].value), post = Number(A[1].value);
    if (pre > post) { const u = xRow(rng, doc, 'URR', spell, secs[0].name, { geSign: '≥', value: Math.round((1 - post / pre) * 100) }); A[2] = u; }
    // a unit prints each analyte once: faxgen's panel rows that repeat a dialysis row's test are left out
    const own = new Set(secs.flatMap((S) => S.rows.map((r) => r.name.toLowerCase())));
    const other = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'h' }, spell).filter((P) => !['IRON'].includes(P.key))
      .map((P) => ({ ...P, rows: P.rows.filter((r) => !own.has(r.name.toLowerCase())) })).filter((P) => P.rows.length);
    const mcols = [monthYear(doc.collected, 0), monthYear(doc.collected, 1), monthYear(doc.collected, 2)];
    const cell = (v, fl) => `${esc(v)}${fl ? ` ${fl}` : ''}`;
    const table = (S) => `<tr class="sh"><td colspan="6">${esc(S.name)}</td></tr>` + S.rows.map((r) => {
      const olds = [olderValue(rng, r), rng.chance(0.85) ? olderValue(rng, r) : null];
      return `<tr><td>${esc(r.name)}</td><td>${esc(r.range)}</td><td>${esc(r.unit)}</td><td class="cur">${cell(r.value, r.flagPrinted)}</td>${olds.map((o) => `<td class="old">${o ? cell(o.value, o.flag ? spell[o.flag] : '') : '&mdash;'}</td>`).join('')}</tr>`;
    }).join('');
    const otherRows = other.map((P) => `<tr class="sh"><td colspan="6">${esc(P.name)}</td></tr>` + P.rows.map((r) => `<tr><td>${esc(r.name)}</td><td>${esc(r.range)}</td><td>${esc(r.unit || '')}</td><td class="cur">${cell(r.value, r.flagPrinted)}</td><td class="old"></td><td class="old"></td></tr>`).join('')).join('');
    const nm = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle : ''}`;
    const dd = D(doc.collected);
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)} Dialysis Unit</div><div class="sm">In-center hemodialysis &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r tt">MONTHLY LAB REPORT</td></tr></table>
      <table class="pt"><tr><td>Patient <b>${esc(nm)}</b></td><td>DOB ${mdy2(p.dob)}</td><td>Sex ${p.sex}</td><td>Pt ID ${esc(doc.mrn)}</td></tr>
      <tr><td>Modality: HD, ${rng.pick(['MWF', 'TTS'])} ${rng.pick(['1st', '2nd', '3rd'])} shift, chair ${rng.int(1, 24)}</td><td colspan="2">Access: ${rng.pick(['L forearm AVF', 'R upper-arm AVG', 'R IJ tunneled catheter'])}</td><td>Nephrologist: ${esc(provLF(doc.provider))}</td></tr>
      <tr><td colspan="4">Draw date ${WDL[dd.getUTCDay()].slice(0, 3)} ${mdy(doc.collected)} &mdash; mid-week, pre-treatment (post-BUN drawn at end of run) &middot; Lab: ${esc(doc.performingLab)} &middot; Req ${doc.accession}</td></tr></table>
      <table class="res"><thead><tr><th style="width:31%">Test</th><th>Goal</th><th>Units</th><th class="cur">${mcols[0]}</th><th>${mcols[1]}</th><th>${mcols[2]}</th></tr></thead><tbody>
      ${secs.map(table).join('')}
      ${otherRows ? `<tr class="sh2"><td colspan="6">OTHER RESULTS, THIS DRAW</td></tr>${otherRows}` : ''}</tbody></table>
      <div class="keep lg">▲ above goal &nbsp; ▼ below goal &nbsp; ◆ abnormal. Goals per facility QAPI protocol (KDOQI). Values in the ${mcols[0]} column are from this month's draw; earlier months for trending only. Reviewed at monthly CQI meeting; dry-weight and ESA/iron orders per protocol.</div>`;
    const css = baseCss(f, 8.8) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.tt{font-size:13pt;font-weight:bold;letter-spacing:1pt}
      table.pt{width:100%;margin:5pt 0;border:0.75px solid #000} table.pt td{padding:1.5pt 4pt}
      table.res{width:100%;border-collapse:collapse} table.res th{text-align:left;font-size:8pt;border-bottom:1.2px solid #000;padding:2pt 3pt} table.res td{padding:1pt 3pt;border-bottom:0.4px solid #bbb}
      .cur{font-weight:bold;background:#eee}.old{color:#333} tr.sh td{font-weight:bold;padding-top:5pt;border-bottom:0.75px solid #000;font-size:8.2pt;letter-spacing:0.5pt} tr.sh2 td{font-weight:bold;padding-top:8pt;border-bottom:1.2px solid #000}
      .lg{margin-top:8pt;font-size:7.4pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${esc(doc.facility.name)} Dialysis Unit &middot; monthly labs ${mcols[0]}`, PN);
    const gt = [...secs.flatMap((S) => S.rows.map((r) => r.gt)), ...other.flatMap((P) => P.rows.map((r) => r.gt))];
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.performingLab } };
  },
};

// lab.f2 (reflab): REGIONAL LABORATORY SERVING NURSING HOMES (mobile phlebotomy, Long-Term-Care lab vendor):
// report with a facility block (Facility / Unit / Room / Attending) ABOVE the patient, the patient printed
// "TESTBURY HAROLD J" (LAST FIRST, NO COMMA), "DOB 03/04/1950  AGE/SEX 74/M", "DRAWN 03/14/2024 05:45 (mobile
// phlebotomy)"; results with the VALUE FIRST: column order RESULT / FLAG / TEST / UNITS / REFERENCE RANGE, flags
// spelled "ABV" / "BLW" / "ABN"; panel names as italic row captions; a "Nursing: please notify attending of
// flagged results" line and a "Called to … by …" box for critical potassium/glucose.
const labF2 = {
  id: 'lab.f2', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Tri-County Long-Term Care Laboratory', 'Keystone Mobile Lab Services'],
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'caps', rangeStyle: 'h' }, { H: 'ABV', L: 'BLW', A: 'ABN' });
    const rows = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="v">${esc(r.value)}</td><td class="fl">${esc(r.flagPrinted)}</td><td>${esc(r.name)}</td><td>${esc(r.unit || '')}</td><td>${esc(r.range)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = `${p.last.toUpperCase()} ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const fac = doc.client?.name ? doc.client.name.replace(/ (Family Medicine|Primary Care Associates|Internal Medicine|Medical Group|Family Health Center|Community Health Clinic)$/, '') + ' Care Center' : 'Care Center';
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.labName.toUpperCase())}</div><div class="sm">Serving skilled nursing, assisted living &amp; home-bound patients &middot; ${esc(fmtAddr(doc.facility.address))} &middot; Client services ${fmtPhone(doc.facility.phone)} &middot; CLIA ${doc.clia}</div></td><td class="r st">${esc(doc.status.toUpperCase())}</td></tr></table>
      <table class="fc"><tr><td>FACILITY: ${esc(fac)}</td><td>UNIT: ${rng.pick(UNITS_LTC)}</td><td>ROOM: ${room(rng)}</td><td>ATTENDING: ${esc(provLF(doc.provider, true))}</td></tr></table>
      <table class="pt"><tr><td>PATIENT: <b>${esc(nm)}</b></td><td>DOB ${mdy(p.dob)} &nbsp; AGE/SEX ${ageOf(p.dob, doc.collected)}/${p.sex}</td><td>MED REC ${esc(doc.mrn)}</td></tr>
      <tr><td>DRAWN ${mdy(doc.collected)} ${fmtTime(doc.collected, '24')} (mobile phlebotomy)</td><td>RECEIVED ${mdy(doc.received)} ${fmtTime(doc.received, '24')}</td><td>REPORTED ${mdy(doc.reported)} ${fmtTime(doc.reported, '24')} &nbsp; REQ ${doc.accession}</td></tr></table>
      <table class="res"><thead><tr><th>RESULT</th><th>FLAG</th><th>TEST</th><th>UNITS</th><th>REFERENCE RANGE</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep nt">FLAGS: ABV = above reference range &middot; BLW = below reference range &middot; ABN = abnormal. Nursing: please notify the attending physician of all flagged results and document the notification in the resident's chart.</div>
      <div class="keep cb">Called to: ____________________ &nbsp; Date/time: ____________ &nbsp; By: ${esc(doc.techId)} &nbsp;&nbsp; Results reviewed by physician: ____________________</div>`;
    const css = baseCss(f, 9.2) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} table.hd td{vertical-align:bottom;padding-bottom:2pt}.fn{font-size:13pt;font-weight:bold;letter-spacing:0.5pt}.sm{font-size:7.4pt}.st{font-weight:bold;font-size:11pt}
      table.fc{width:100%;background:#e6e6e6;margin-top:4pt} table.fc td{padding:2pt 4pt;font-size:8.5pt}
      table.pt{width:100%;margin:4pt 0 6pt 0;border-bottom:1px solid #000} table.pt td{padding:1.5pt 4pt}
      table.res{width:100%} table.res th{text-align:left;font-size:8pt;border-bottom:1px solid #000;padding:1.5pt 4pt} table.res td{padding:0.8pt 4pt}
      td.v{text-align:right;width:0.8in;font-weight:bold;white-space:nowrap} td.fl{width:0.5in;font-weight:bold} tr.ph td{font-style:italic;padding-top:5pt;text-decoration:underline}
      .nt{margin-top:8pt;font-size:7.6pt}.cb{margin-top:8pt;border:1px solid #000;padding:5pt;font-size:8.2pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${esc(doc.labName)} &middot; REQ ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.labName } };
  },
};

// lab.f3 (hospital): INPATIENT BEHAVIORAL-HEALTH UNIT "ADMISSION LABORATORY SUMMARY" (the labs drawn at admission
// to a psychiatric unit, faxed to the outpatient psychiatrist / group home): title, patient line
// "Testbury, Harold J.  (MRN …)  Admit 2024-03-12", "Specimens collected 2024-03-14 at 06:42" (ISO), columns Test /
// Result / Units / Reference / Flag with flags spelled "Hi" / "Lo" / "Abn"; faxgen panels plus a "DRUG LEVELS"
// section (Lithium Level, Valproic Acid) and a "URINE DRUG SCREEN" section (qualitative Negative / Positive, range
// "Negative"); a note "screening immunoassay — positives not confirmed".
const labF3 = {
  id: 'lab.f3', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const spell = { H: 'Hi', L: 'Lo', A: 'Abn' };
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, spell).map((P) => ({ name: P.name, rows: P.rows }));
    const extra = [];
    if (p.age >= 12) {
      const lv = rng.sample(['LITH', 'VPA'], rng.int(1, 2));
      extra.push({ name: 'DRUG LEVELS', rows: lv.map((k) => xRow(rng, doc, k, spell, 'DRUG LEVELS')) });
      extra.push({ name: 'URINE DRUG SCREEN', rows: ['UAMP', 'UBZO', 'UTHC', 'UCOC'].map((k) => xRow(rng, doc, k, spell, 'URINE DRUG SCREEN')) });
    }
    const all = [...panels, ...extra];
    const rows = all.map((S) => `<tr class="ph"><td colspan="5">${esc(S.name)}</td></tr>` + S.rows.map((r) =>
      `<tr><td>${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td>${esc(r.unit || '')}</td><td>${esc(r.range)}</td><td class="fl">${esc(r.flagPrinted)}</td></tr>`).join('')).join('');
    const nm = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle + '.' : ''}`;
    const admit = addDaysIso(doc.collected.slice(0, 10), -rng.int(0, 2));
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div><div class="sm">Behavioral Health Services &middot; Adult Inpatient Psychiatric Unit (${rng.pick(['3 East', 'Pavilion B', 'BHU-2'])}) &middot; ${fmtPhone(doc.facility.phone)}</div>
      <div class="tt">Admission Laboratory Summary</div>
      <p class="pl"><b>${esc(nm)}</b> &nbsp; (MRN ${esc(doc.mrn)}) &nbsp; ${p.sex === 'F' ? 'Female' : 'Male'}, ${ageOf(p.dob, doc.collected)} y &nbsp; Born ${fmtDate(p.dob, 'iso')} &nbsp; Admit ${admit}<br>
      Attending psychiatrist: ${esc(provName(doc.provider))} &nbsp; Specimens collected ${doc.collected.slice(0, 10)} at ${fmtTime(doc.collected, '24')} &nbsp; Accession ${doc.accession}</p>
      <table class="res"><thead><tr><th style="width:36%">Test</th><th>Result</th><th>Units</th><th>Reference</th><th>Flag</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep nt">${extra.length ? 'Urine drug screen is a screening immunoassay; positive results are not confirmed and should be interpreted with the clinical history. ' : ''}Flags: Hi / Lo outside the reference interval, Abn abnormal. Performed by the ${esc(doc.facility.name)} Clinical Laboratory, CLIA ${doc.clia}; laboratory director ${esc(provName(doc.lab_director))}.</div>`;
    const css = baseCss(f, 9.4) + `
      .fn{font-size:14pt;font-weight:bold}.sm{font-size:7.6pt;border-bottom:1px solid #000;padding-bottom:3pt}.tt{font-size:15pt;font-style:italic;margin:6pt 0 3pt 0}.pl{line-height:1.45}
      table.res{width:100%;border-collapse:collapse} table.res th{text-align:left;font-size:8.5pt;border-top:1px solid #000;border-bottom:1px solid #000;padding:1.5pt 3pt} table.res td{padding:1pt 3pt}
      td.v{font-weight:bold} td.fl{font-weight:bold} tr.ph td{font-variant:small-caps;font-weight:bold;padding-top:5pt;border-bottom:0.5px solid #999}.nt{margin-top:9pt;font-size:7.8pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; MRN ${esc(doc.mrn)} &middot; Behavioral Health admission labs`, PN);
    const gt = all.flatMap((S) => S.rows.map((r) => r.gt));
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.facility.name } };
  },
};

// lab.f4 (clinic): NURSING-HOME "LAB RESULTS — PHYSICIAN NOTIFICATION / FAX-BACK ORDER" form (the SNF nurse faxes
// the resident's lab results to the attending and asks for orders): facility header, "Resident: Harold J.
// Testbury   Rm 2-114B   DOB 3-4-1950" (dashed, unpadded), "Lab drawn: 3/14/24", results TWO PER ROW (side by
// side: Test / Result / Flag / Range & units ‖ Test / Result / Flag / Range & units), flags "[H]" / "[L]" / "[A]",
// the range and the unit in ONE cell AFTER the flag; then a physician response box (No new orders / Repeat labs in
// ___ / New orders below) with signature and date lines, and "Nurse: … Date/time called".
const labF4 = {
  id: 'lab.f4', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Tri-County Long-Term Care Laboratory', 'Keystone Mobile Lab Services'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'abbr', rangeStyle: 'e' }, { H: '[H]', L: '[L]', A: '[A]' });
    const cells = (r) => r ? `<td class="n">${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td class="fl">${esc(r.flagPrinted)}</td><td class="rg">${esc(r.range)}${r.unit ? ' ' + esc(r.unit) : ''}</td>` : '<td></td><td></td><td></td><td></td>';
    const blocks = panels.map((P) => {
      const pairs = []; for (let i = 0; i < P.rows.length; i += 2) pairs.push([P.rows[i], P.rows[i + 1]]);
      return `<tr class="ph"><td colspan="9">${esc(P.name)}</td></tr>` + pairs.map(([a, b]) => `<tr>${cells(a)}<td class="gap"></td>${cells(b)}</tr>`).join('');
    }).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = `${p.first}${p.middle ? ' ' + p.middle + '.' : ''} ${p.last}`;
    const nurse = `${rng.pick(['T.', 'K.', 'R.', 'M.'])} ${rng.pick(['Samplewell', 'Mockridge', 'Testover', 'Fauxley'])}, ${rng.pick(['RN', 'LPN'])}`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name.replace(/ (Family Medicine|Primary Care Associates|Internal Medicine|Medical Group|Family Health Center|Community Health Clinic)$/, ''))} Health &amp; Rehabilitation Center</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Nurses' station ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)}</div></td></tr></table>
      <div class="tt">LAB RESULTS &mdash; PHYSICIAN NOTIFICATION</div>
      <table class="rs"><tr><td>Resident: <b>${esc(nm)}</b></td><td>Rm ${room(rng)}</td><td>DOB ${mdyDash(p.dob)}</td><td>Attending: ${esc(provName(doc.provider))}</td></tr>
      <tr><td>Lab drawn: ${mdyS(doc.collected)}</td><td colspan="2">Reporting lab: ${esc(doc.performingLab)}</td><td>Lab ref. ${doc.accession}</td></tr></table>
      <table class="res"><thead><tr><th>Test</th><th>Result</th><th></th><th>Range / units</th><th class="gap"></th><th>Test</th><th>Result</th><th></th><th>Range / units</th></tr></thead><tbody>${blocks}</tbody></table>
      <div class="keep pr"><div class="h">PHYSICIAN RESPONSE (please fax back)</div>
      <div>${box(false)} No new orders &nbsp;&nbsp; ${box(false)} Repeat labs in ______ days &nbsp;&nbsp; ${box(false)} New orders below</div>
      <div class="ln">&nbsp;</div><div class="ln">&nbsp;</div>
      <div class="sg">Physician signature ______________________________ &nbsp; Date ____________ &nbsp; Time ________</div></div>
      <p class="nn">Nurse: ${esc(nurse)} &nbsp; Physician notified by fax; resident / responsible party informed per facility policy.</p>`;
    const css = baseCss(f, 8.8) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} .fn{font-size:12.5pt;font-weight:bold}.sm{font-size:7.4pt}
      .tt{font-size:13pt;font-weight:bold;text-align:center;margin:6pt 0;letter-spacing:1pt}
      table.rs{width:100%;border:1px solid #000;margin-bottom:6pt} table.rs td{padding:2pt 4pt}
      table.res{width:100%;border-collapse:collapse} table.res th{text-align:left;font-size:7.8pt;border-bottom:1px solid #000;padding:1.5pt 2pt} table.res td{padding:1pt 2pt;border-bottom:0.3px solid #ccc}
      td.n{width:19%} td.v{font-weight:bold;width:7%} td.fl{width:4%;font-weight:bold} td.rg{width:18%;font-size:8pt} .gap{width:2%;border-left:1.2px solid #000} tr.ph td{font-weight:bold;padding-top:4pt;border-bottom:0.75px solid #000}
      .pr{margin-top:10pt;border:1.5px solid #000;padding:5pt 7pt;line-height:1.7}.h{font-weight:bold}.ln{border-bottom:0.75px solid #000;height:15pt}.sg{margin-top:6pt}.nn{margin-top:8pt;font-size:8pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; lab notification ${mdyS(doc.collected)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.5, 0.5), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.performingLab } };
  },
};

// ======================= DISCHARGE / TRANSFER =======================
// discharge.f1 (hospital): INTERACT-STYLE "FACILITY TRANSFER FORM" of a post-acute (skilled nursing / transitional
// care) unit, sent with the resident at transfer or discharge: numbered boxed sections; section 1 RESIDENT (Name
// "Testbury, Harold J" / DOB "03/04/1950" / MRN / Room) and a tick row for CODE STATUS (Full code / DNR / DNI /
// POLST on file); section 2 STAY "Admitted to this facility 03/10/2024" / "Date of transfer 03/14/2024" /
// "Transferred to: <disposition>" / "Reason"; section 3 DIAGNOSES (ICD-10 / Description / Primary ✓);
// section 4 LAST VITAL SIGNS (caption-over-value: BP / P / R / T / SpO2 / Wt) with the time taken; section 5
// MEDICATIONS (Medication / Dose & directions / Change: NEW / CHG / CONT / HOLD) with "Last dose given"; section 6
// FUNCTION (ambulation, transfers, diet, cognition ticks); signatures with the nurse's date and time.
const dsF1 = {
  id: 'discharge.f1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = nameLF(p);
    const chg = { Continue: 'CONT', New: 'NEW', Changed: 'CHG', Stop: 'HOLD' };
    const code = rng.int(0, 3);
    const bp = `${rng.int(108, 150)}/${rng.int(60, 88)}`;
    const sec = (n, t, inner) => `<div class="sec keep"><div class="sh"><span class="no">${n}</span> ${t}</div>${inner}</div>`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Transitional Care &amp; Skilled Nursing Unit &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r tt">FACILITY TRANSFER FORM</td></tr></table>
      ${sec(1, 'RESIDENT', `<table class="g"><tr><td><div class="k">Name</div>${esc(nm)}</td><td><div class="k">DOB</div>${mdy(p.dob)}</td><td><div class="k">MRN</div>${esc(doc.mrn)}</td><td><div class="k">Room</div>${room(rng)}</td></tr></table>
        <div class="tk">Code status: ${['Full code', 'DNR', 'DNR / DNI', 'POLST on file'].map((x, i) => `${box(i === code)} ${x}`).join(' &nbsp; ')}</div>`)}
      ${sec(2, 'STAY', `<table class="g"><tr><td><div class="k">Admitted to this facility</div>${mdy(doc.admit_date)}</td><td><div class="k">Date of transfer</div>${mdy(doc.discharge_date)}</td><td><div class="k">Transferred to</div>${esc(doc.disposition)}</td><td><div class="k">Attending</div>${esc(provName(doc.provider))}</td></tr></table>
        <p><b>Reason for stay:</b> ${esc(doc.hpi)} ${doc.course.slice(0, 2).map(esc).join(' ')}</p>`)}
      ${sec(3, 'DIAGNOSES', `<table class="t"><thead><tr><th style="width:14%">ICD-10</th><th>Description</th><th style="width:10%">Primary</th></tr></thead><tbody>${doc.diagnoses.map((x) => `<tr><td>${x.code}</td><td>${esc(x.description)}</td><td class="c">${x.principal ? '&#10003;' : ''}</td></tr>`).join('')}</tbody></table>`)}
      ${sec(4, 'LAST VITAL SIGNS', `<table class="g"><tr><td><div class="k">BP</div>${bp}</td><td><div class="k">P</div>${rng.int(60, 96)}</td><td><div class="k">R</div>${rng.int(14, 20)}</td><td><div class="k">T</div>${rng.float(97.2, 99.1).toFixed(1)}</td><td><div class="k">SpO2</div>${rng.int(92, 99)}%</td><td><div class="k">Taken</div>${fmtTime(`${doc.discharge_date}T${zpad(rng.int(5, 9))}:${zpad(rng.int(0, 59))}`, '24c')}</td></tr></table>`)}
      ${sec(5, 'MEDICATIONS', `<table class="t"><thead><tr><th style="width:36%">Medication</th><th>Dose &amp; directions</th><th style="width:9%">Change</th><th style="width:15%">Last dose given</th></tr></thead><tbody>${doc.medications.map((m) => `<tr><td><b>${esc(m.name)}</b> ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>${chg[m.status] || 'CONT'}</td><td>${m.status === 'Stop' ? '&mdash;' : `${zpad(rng.int(6, 21))}00`}</td></tr>`).join('')}</tbody></table>
        <p><b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join('; ') : 'NKA'}</p>`)}
      ${sec(6, 'FUNCTION &amp; CARE NEEDS', `<div class="tk">Ambulation: ${box(rng.chance(0.5))} independent ${box(rng.chance(0.5))} walker ${box(rng.chance(0.3))} wheelchair &nbsp; Diet: ${esc(doc.diet)} &nbsp; Cognition: ${box(rng.chance(0.6))} alert &amp; oriented ${box(rng.chance(0.3))} confused</div>
        <p><b>Follow-up:</b> ${doc.followup.map(esc).join('; ')}.${doc.pending.length ? ' Pending: ' + doc.pending.map(esc).join(', ') + '.' : ''}</p>`)}
      <div class="keep sg">Report called to receiving nurse: ______________________ &nbsp; Sending nurse: ${esc(`${rng.pick(['J.', 'A.', 'C.'])} ${rng.pick(['Mockett', 'Testwood', 'Samplin'])}, RN`)} &nbsp; ${mdy(doc.signed)} ${fmtTime(doc.signed, '24')}<br>${signatureSvg(rng, 110, 22)}${esc(provName(doc.provider))}, attending physician</div>`;
    const css = baseCss(f, 8.9) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12.5pt;font-weight:bold}.sm{font-size:7.4pt}.tt{font-size:13pt;font-weight:bold}
      .sec{border:1px solid #000;margin-top:5pt;padding:0 5pt 4pt 5pt}.sh{background:#ccc;margin:0 -5pt 3pt -5pt;padding:1.5pt 5pt;font-weight:bold;font-size:8.5pt}.no{display:inline-block;background:#000;color:#fff;width:12pt;text-align:center;margin-right:4pt}
      table.g{width:100%} table.g td{vertical-align:top;padding:1pt 4pt}.k{font-size:6.8pt;font-weight:bold;text-transform:uppercase;color:#333}
      table.t{width:100%;border-collapse:collapse} table.t th{text-align:left;font-size:7.8pt;border-bottom:0.75px solid #000;padding:1pt 2pt} table.t td{padding:1pt 2pt;border-bottom:0.3px solid #bbb;vertical-align:top}
      .tk{margin:3pt 0;font-size:8.5pt} p{margin:3pt 0}.sg{margin-top:8pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; MRN ${esc(doc.mrn)} &middot; Facility Transfer Form`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// discharge.f2 (hospital): INPATIENT PSYCHIATRIC "DISCHARGE SUMMARY" (behavioral-health unit): serif narrative,
// identification paragraph run-in ("Patient: Harold J. Testbury · Date of birth: 4 March 1950"), "Admission:
// Sunday, March 10, 2024 — Discharge: Thursday, March 14, 2024" on ONE line with full weekdays, legal status
// (voluntary / involuntary hold converted), a psychiatric principal diagnosis "F33.1 Major depressive disorder,
// recurrent, moderate" with the medical comorbidities after it (code FIRST, then the description), mental status at
// discharge, safety / suicide risk assessment, discharge medications as a numbered list (name strength form — sig
// — reason), aftercare appointments, crisis line. The psychiatric medication started on the unit is in the gt.
const PSY = [['F33.1', 'Major depressive disorder, recurrent, moderate'], ['F31.2', 'Bipolar disorder, current episode manic severe with psychotic features'], ['F41.1', 'Generalized anxiety disorder'], ['F20.9', 'Schizophrenia, unspecified'], ['F43.10', 'Post-traumatic stress disorder, unspecified']];
const PSYMED = { name: 'sertraline', strength: '50 mg', form: 'tablet', sig: 'Take 1 tablet by mouth once daily', sig_abbrev: '1 tab PO daily', frequency: 'QD', status: 'New', rxnorm_style_name: 'sertraline 50 MG Oral Tablet', rxcui_ingredient: '36437' };
const dsF2 = {
  id: 'discharge.f2', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.first}${p.middle ? ' ' + p.middle + '.' : ''} ${p.last}`;
    const [code, desc] = rng.pick(PSY);
    const dx = [{ code, description: desc, principal: true }, ...doc.diagnoses.map((x) => ({ code: x.code, description: x.description }))];
    const meds = [...doc.medications, PSYMED];
    const legal = rng.pick(['Voluntary', 'Involuntary (72-hour hold), converted to voluntary on hospital day 2', 'Voluntary by guardian consent']);
    const dd = (iso) => `${WDL[D(iso).getUTCDay()]}, ${monthDY(iso)}`;
    const body = `
      <div class="hd"><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Department of Psychiatry &middot; Inpatient Behavioral Health Unit &middot; ${esc(fmtAddr(doc.facility.address))}</div></div>
      <div class="tt">Psychiatric Discharge Summary</div>
      <p class="id">Patient: <b>${esc(nm)}</b> &middot; Date of birth: ${D(p.dob).getUTCDate()} ${MONTH[D(p.dob).getUTCMonth()]} ${D(p.dob).getUTCFullYear()} &middot; MRN ${esc(doc.mrn)} &middot; Account ${esc(doc.account)}<br>
      Admission: ${dd(doc.admit_date)} &mdash; Discharge: ${dd(doc.discharge_date)} (${doc.los} days) &middot; Legal status: ${esc(legal)}<br>
      Attending psychiatrist: ${esc(provName(doc.provider))} &middot; Outpatient provider: ${doc.pcp ? esc(provName(doc.pcp)) : 'to be established'}</p>
      <h3>Discharge diagnoses</h3>${dx.map((x, i) => `<p class="in">${i === 0 ? '<b>Principal:</b> ' : ''}${x.code} ${esc(x.description)}</p>`).join('')}
      <h3>Reason for admission</h3><p>The patient was admitted for worsening mood symptoms with passive suicidal ideation and inability to care for self at home. Medical history: ${esc(doc.hpi)}</p>
      <h3>Hospital course</h3><p>The patient participated in milieu, group and individual therapy. ${esc(PSYMED.name[0].toUpperCase() + PSYMED.name.slice(1))} was started and titrated without adverse effects. Medical comorbidities were managed with the home regimen. ${doc.course.slice(0, 1).map(esc).join(' ')}</p>
      <h3>Mental status at discharge</h3><p>Calm, cooperative, good eye contact. Mood "better", affect congruent and brighter. Thought process linear; denies suicidal or homicidal ideation, intent or plan. No perceptual disturbances. Insight and judgment fair.</p>
      <h3>Risk assessment</h3><p>Columbia (C-SSRS) screen negative at discharge. Protective factors: family support, future orientation, engagement in treatment. Firearms: none in the home per family.</p>
      <h3>Discharge medications</h3><ol class="ml">${meds.map((m) => `<li><b>${esc(m.name)} ${esc(m.strength)}</b> ${esc(m.form)} &mdash; ${esc(m.sig)}${m === PSYMED ? ' (started this admission, for mood)' : m.status === 'Stop' ? ' &mdash; STOP' : ''}</li>`).join('')}</ol>
      <p><b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'No known drug allergies'}</p>
      <h3>Aftercare</h3><p>${doc.followup.map(esc).join('; ')}; outpatient psychiatry within 7 days of discharge; intensive outpatient program referral placed. Crisis line 988 reviewed with the patient and family.</p>
      <div class="keep sg">${signatureSvg(rng, 120, 26)}${esc(provName(doc.provider))}, Attending Psychiatrist &middot; dictated ${mdy(doc.dictated)} &middot; signed ${mdy(doc.signed)} ${fmtTime(doc.signed, '24')}</div>`;
    const css = baseCss(f, 9.6) + `
      .hd{text-align:center;border-bottom:0.75px solid #000;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.6pt}.tt{text-align:center;font-size:15pt;font-style:italic;margin:6pt 0}
      .id{line-height:1.5;border-top:0.5px solid #000;border-bottom:0.5px solid #000;padding:3pt 0} h3{font-size:10pt;margin:7pt 0 1pt 0;font-variant:small-caps} p{margin:1pt 0 3pt 0}.in{margin-left:14pt}
      ol.ml{margin:2pt 0 4pt 0;padding-left:20pt} ol.ml li{margin-bottom:1pt}.sg{margin-top:10pt;font-size:8.6pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Psychiatric Discharge Summary &middot; CONFIDENTIAL (42 CFR Part 2 may apply)`, PN);
    return { css, body, footer, margins: M(0.6, 0.6, 0.75, 0.75), fonts: [f], gt: { name_printed: nm, medications: meds.map((m) => medGt(m)), diagnoses: dx } };
  },
};

// ======================= OFFICE VISIT (home health / therapy) =======================
// office_visit.f1 (clinic): HOME HEALTH SKILLED NURSING VISIT NOTE (HCHB / Axxess / WellSky manner): agency banner,
// "Patient: TESTBURY, Harold (M)   DOB 03/04/1950   MR# …", certification EPISODE "02/28/2024 – 04/27/2024" (the end
// date lies AFTER the visit), the VISIT block "Discipline SN · Visit date 03/14/2024 · Time in 09:30 · Time out
// 10:15", HOMEBOUND status ticks, vital signs as a labelled grid (Temp / Pulse / Resp / BP / SpO2 / Weight /
// Height), "Diagnoses (from plan of care)" with the code after the description in parentheses, skilled
// interventions, medication review table (Medication / Dose / Frequency / Reviewed), "Next scheduled visit" (a later
// date), and the clinician's e-signature with its own (later) date.
const ovF1 = {
  id: 'office_visit.f1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first}`;
    const socD = addDaysIso(doc.date_of_service, -rng.int(5, 40)); const eoe = addDaysIso(socD, 59);
    const tin = `${zpad(rng.int(8, 15))}:${zpad(rng.int(0, 5) * 10)}`; const tout = `${zpad(Number(tin.slice(0, 2)) + 1)}:${tin.slice(3)}`;
    const next = addDaysIso(doc.date_of_service, rng.int(2, 7));
    const clin = `${rng.pick(['Dana', 'Kim', 'Lee', 'Pat'])} ${rng.pick(['Mockerby', 'Testler', 'Sampson-Fake', 'Fauxnier'])}, RN`;
    const vg = (k, val) => `<td><div class="k">${k}</div>${val}</td>`;
    const body = `
      <div class="bn"><span class="fn">${esc(doc.facility.name)} Home Health</span><span class="sm">Medicare-certified home health agency &middot; ${fmtPhone(doc.facility.phone)}</span></div>
      <div class="tt">SKILLED NURSING VISIT NOTE</div>
      <table class="id"><tr><td>Patient: <b>${esc(nm)}</b> (${p.sex})</td><td>DOB ${mdy(p.dob)}</td><td>MR# ${esc(doc.mrn)}</td><td>Physician: ${esc(provName(doc.provider))}</td></tr>
      <tr><td colspan="2">Certification period: ${mdy(socD)} &ndash; ${mdy(eoe)}</td><td colspan="2">Discipline SN &middot; Visit date ${mdy(doc.date_of_service)} &middot; Time in ${tin} &middot; Time out ${tout}</td></tr></table>
      <div class="h">Homebound status</div><p>${box(true)} Requires assistance of another person / device to leave home &nbsp; ${box(rng.chance(0.6))} Leaving home requires considerable and taxing effort &nbsp; ${box(rng.chance(0.3))} Medical restriction</p>
      <div class="h">Vital signs</div><table class="vg"><tr>${vg('Temp', `${v.temp} F`)}${vg('Pulse', v.hr)}${vg('Resp', v.rr)}${vg('BP', `${v.bp} sitting`)}${vg('SpO2', `${v.spo2}% RA`)}${vg('Weight', `${v.wt_lb} lb`)}${vg('Height', `${v.ht_in} in`)}${vg('BMI', v.bmi)}</tr></table>
      <div class="h">Reason for visit / patient report</div><p>${esc(doc.chief_complaint)}. ${esc(doc.hpi)}</p>
      <div class="h">Diagnoses (from plan of care)</div>${doc.diagnoses.map((x, i) => `<p class="in">${i === 0 ? 'Primary' : 'Other'}: ${esc(x.description)} (${x.code})</p>`).join('')}
      <div class="h">Skilled interventions</div><p>Assessed cardiopulmonary status, reviewed medications for effectiveness and side effects, taught ${rng.pick(['fall precautions', 'low-sodium diet', 'signs and symptoms to report', 'home exercise program'])}. ${doc.plan.map(esc).join(' ')}</p>
      <div class="h">Medication review</div><table class="mt"><tr><th>Medication</th><th>Dose / directions</th><th>Frequency</th><th>Reviewed</th></tr>${doc.medications.map((m) => `<tr><td>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>${esc(m.frequency)}</td><td>${m.status === 'New' ? 'NEW' : '&#10003;'}</td></tr>`).join('')}</table>
      <p>Allergies: ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</p>
      <p>Next scheduled visit: ${mdy(next)} &middot; Physician notified of visit findings: ${rng.chance(0.5) ? 'yes' : 'not required'}</p>
      <div class="keep sg">Electronically signed by ${esc(clin)} on ${mdy(doc.signed)} ${fmtTime(doc.signed, '12')}</div>`;
    const css = baseCss(f, 9.2) + `
      .bn{display:flex;justify-content:space-between;align-items:baseline;border-bottom:2.5px solid #000;padding-bottom:2pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}
      .tt{font-size:12pt;font-weight:bold;margin:5pt 0;letter-spacing:1pt}
      table.id{width:100%;background:#eee;border:0.75px solid #000} table.id td{padding:2pt 4pt}
      .h{font-weight:bold;margin:6pt 0 1pt 0;border-bottom:0.5px solid #666} p{margin:1pt 0 2pt 0}.in{margin-left:10pt}
      table.vg{width:100%;border-collapse:collapse} table.vg td{border:0.75px solid #000;padding:1.5pt 4pt;vertical-align:top}.k{font-size:6.8pt;font-weight:bold}
      table.mt{width:100%;border-collapse:collapse} table.mt th{text-align:left;font-size:8pt;border-bottom:0.75px solid #000} table.mt td{padding:0.8pt 2pt;border-bottom:0.3px solid #bbb}.sg{margin-top:10pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; SN visit ${mdy(doc.date_of_service)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// office_visit.f2 (specialist): OUTPATIENT PHYSICAL THERAPY "PROGRESS REPORT" (Medicare 10th-visit progress note,
// WebPT manner): clinic banner, "Patient name: Harold J Testbury   DOB: March 4, 1950", "Date of service:
// 03/14/2024", "Reporting period: 02/15/2024 to 03/14/2024", "Start of care: 02/15/2024", "Visit 10 of 12
// authorized"; TREATMENT diagnoses (M62.81 muscle weakness, R26.89 gait abnormality) AND the medical diagnoses (all
// printed "code - description"), objective measures table (Measure / Initial / Current / Goal: TUG, 10MWT, Berg,
// 5xSTS), goals with Met / Progressing, pre-treatment vitals in one line, CPT-coded billing lines (97110 / 97116 /
// 97530 with units), plan of care, therapist signature with licence number.
const PT_DX = [{ code: 'M62.81', description: 'Muscle weakness (generalized)' }, { code: 'R26.89', description: 'Other abnormalities of gait and mobility' }];
const ovF2 = {
  id: 'office_visit.f2', set: SET, type: 'office_visit_note', facilityKind: 'specialist',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = `${p.first}${p.middle ? ' ' + p.middle : ''} ${p.last}`;
    const soc = addDaysIso(doc.date_of_service, -rng.int(24, 40));
    const dx = [...PT_DX, ...doc.diagnoses];
    const meas = [['Timed Up and Go (sec)', rng.float(16, 24).toFixed(1), rng.float(11, 15).toFixed(1), '< 13.5'], ['10-Meter Walk (m/s)', rng.float(0.5, 0.8).toFixed(2), rng.float(0.8, 1.1).toFixed(2), '> 1.0'], ['Berg Balance (/56)', rng.int(32, 41), rng.int(42, 50), '> 45'], ['5x Sit-to-Stand (sec)', rng.float(17, 25).toFixed(1), rng.float(12, 16).toFixed(1), '< 15']];
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name.replace(/(Associates|Specialists|Clinic|Consultants)$/, '').trim())} Physical Therapy &amp; Rehabilitation</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; P ${fmtPhone(doc.facility.phone, 'dot')} &middot; F ${fmtPhone(doc.facility.fax, 'dot')}</div></td><td class="r tt">PROGRESS REPORT</td></tr></table>
      <table class="kv"><tr><td>Patient name: <b>${esc(nm)}</b></td><td>DOB: ${monthDY(p.dob)}</td><td>Acct: ${esc(doc.mrn)}</td></tr>
      <tr><td>Date of service: ${mdy(doc.date_of_service)}</td><td>Reporting period: ${mdy(soc)} to ${mdy(doc.date_of_service)}</td><td>Start of care: ${mdy(soc)}</td></tr>
      <tr><td>Referring: ${esc(provName(doc.provider))}</td><td>Visit ${rng.int(9, 11)} of ${rng.pick([12, 16, 20])} authorized</td><td>Payer: Medicare Part B</td></tr></table>
      <div class="h">Diagnoses</div>${dx.map((x, i) => `<p class="in">${i < 2 ? 'Treatment' : 'Medical'}: ${x.code} - ${esc(x.description)}</p>`).join('')}
      <div class="h">Subjective</div><p>${esc(doc.chief_complaint)}. Patient reports improved endurance with household ambulation; ${rng.pick(['no falls since start of care', 'one near-fall at home, no injury', 'pain 3/10 with stairs'])}.</p>
      <div class="h">Pre-treatment vitals</div><p>BP ${v.bp} &middot; HR ${v.hr} &middot; RR ${v.rr} &middot; Temp ${v.temp} F &middot; SpO2 ${v.spo2}% &middot; Height ${v.ht_in} in &middot; Weight ${v.wt_lb} lb &middot; BMI ${v.bmi}</p>
      <div class="h">Objective measures</div><table class="om"><tr><th>Measure</th><th>Initial (${mdyS(soc)})</th><th>Current</th><th>Goal</th></tr>${meas.map((m) => `<tr><td>${m[0]}</td><td>${m[1]}</td><td>${m[2]}</td><td>${m[3]}</td></tr>`).join('')}</table>
      <div class="h">Goals</div><p class="in">STG 1: independent with home exercise program &mdash; <b>Met</b></p><p class="in">LTG 1: ambulate community distances with least restrictive device &mdash; <b>Progressing</b></p>
      <div class="h">Assessment / plan</div><p>Patient demonstrates measurable gains and continues to require skilled therapy. Continue ${rng.pick(['2x/week for 4 weeks', '3x/week for 3 weeks'])}. ${doc.plan.slice(0, 1).map(esc).join('')}</p>
      <div class="h">Medications (per patient)</div><p>${doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} (${esc(m.sig)})`).join('; ')}</p>
      <div class="h">Services today</div><p>97110 therapeutic exercise x2 units &middot; 97116 gait training x1 unit &middot; 97530 therapeutic activities x1 unit</p>
      <div class="keep sg">${signatureSvg(rng, 100, 22)}${rng.pick(['Megan', 'Luis', 'Priya'])} ${rng.pick(['Testoro', 'Mockwell', 'Samplehurst'])}, PT, DPT &middot; Lic. PT${rng.digits(6)} &middot; ${mdy(doc.signed)}</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} table.hd td{vertical-align:bottom;padding-bottom:2pt}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}.tt{font-size:12pt;font-weight:bold}
      table.kv{width:100%;margin:5pt 0} table.kv td{padding:1.5pt 3pt}
      .h{font-weight:bold;font-size:9.5pt;margin:6pt 0 1pt 0;color:#fff;background:#444;padding:1pt 4pt} p{margin:1pt 0 2pt 0}.in{margin-left:10pt}
      table.om{width:80%;border-collapse:collapse} table.om th,table.om td{border:0.6px solid #000;padding:1pt 4pt;text-align:left;font-size:8.6pt}.sg{margin-top:10pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; PT progress report ${mdy(doc.date_of_service)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: dx, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LISTS =======================
// medication_list.f1 (clinic): NURSING-HOME eMAR "ADMINISTRATION HISTORY" print (PointClickCare / MatrixCare
// manner) for the LAST THREE DAYS: "Resident: Testbury, Harold J  (#12345)  Room …  DOB 03/04/1950", "Administration
// period: 03/12/2024 00:00 – 03/14/2024 23:59" (the document date is the period's end), per order a block: drug in
// bold with the order text, "Order date" (years earlier) and "Physician", then a grid Scheduled time / 03/12 / 03/13
// / 03/14 with "0812 JS ✓" style entries (time given and nurse initials), "R" refused / "H" held codes; PRN orders
// with "PRN — no doses in period"; discontinued orders marked "D/C'd" with the D/C date; printed-by line (fax date).
const mlF1 = {
  id: 'medication_list.f1', set: SET, type: 'medication_list', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const end = doc.date_of_service; const days = [addDaysIso(end, -2), addDaysIso(end, -1), end];
    const times = (m) => { const q = (m.frequency || '').toUpperCase(); if (/BID/.test(q)) return ['0800', '2000']; if (/TID/.test(q)) return ['0800', '1400', '2000']; if (/QID/.test(q)) return ['0800', '1200', '1600', '2000']; if (/QHS|HS/.test(q)) return ['2100']; if (/PRN/.test(q)) return []; if (/WEEK/.test(q)) return ['0900']; return ['0900']; };
    const ini = ['JS', 'MK', 'TR', 'AL', 'DW'];
    const entry = (t) => { const r = rng.chance(0.05) ? 'R' : rng.chance(0.04) ? 'H' : null; return r || `${t.slice(0, 2)}${zpad(Number(t.slice(2)) + rng.int(0, 25))} ${rng.pick(ini)} &#10003;`; };
    const blocks = doc.medications.map((m) => {
      const dc = m.status === 'Discontinued';
      const ts = dc ? [] : times(m);
      const head = `<div class="ob"><b>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</b>${dc ? ` <span class="dc">D/C'd ${mdy(addDaysIso(end, -rng.int(20, 200)))}</span>` : ''}<br>${esc(m.sig)}<br><span class="sm">Order date ${mdy(m.start || addDaysIso(end, -300))} &middot; Physician ${esc(provLF(m.prescriber || doc.provider))}${m.condition ? ` &middot; Dx: ${esc(m.condition.toUpperCase())}` : ''}</span></div>`;
      const grid = ts.length ? `<table class="gr">${ts.map((t) => `<tr><td class="t">${t}</td>${days.map(() => `<td>${entry(t)}</td>`).join('')}</tr>`).join('')}</table>` : `<div class="sm np">${dc ? 'Discontinued &mdash; not on current MAR' : 'PRN &mdash; no doses in period'}</div>`;
      return `<div class="keep blk">${head}${grid}</div>`;
    }).join('');
    const nm = nameLF(p);
    const body = `
      <div class="fn">${esc(doc.facility.name.replace(/ (Family Medicine|Primary Care Associates|Internal Medicine|Medical Group|Family Health Center|Community Health Clinic)$/, ''))} Nursing &amp; Rehabilitation</div>
      <div class="tt">eMAR - ADMINISTRATION HISTORY</div>
      <pre class="id">Resident: ${esc(nm)}  (#${esc(doc.mrn)})   Room ${room(rng)}   DOB ${mdy(p.dob)}   Sex ${p.sex}
Attending: ${esc(provName(doc.provider))}    Allergies: ${doc.allergies.length ? esc(doc.allergies.map((a) => a.substance).join(', ')) : 'NKDA'}
Administration period: ${mdy(days[0])} 00:00 - ${mdy(end)} 23:59</pre>
      <table class="dh"><tr><td class="ob">Order</td><td class="t">Sched</td>${days.map((d) => `<td>${mdy(d).slice(0, 5)}</td>`).join('')}</tr></table>
      ${blocks}
      <div class="keep lg">Codes: &#10003; given (time / initials) &middot; R refused &middot; H held per parameters &middot; D/C'd discontinued. Initials: ${ini.map((x) => `${x} = ${rng.pick(['RN', 'LPN', 'CMA'])}`).join(', ')}.<br>Printed ${mdy(doc.faxDate)} by ${rng.pick(['medrec', 'unitclerk2', 'don'])}</div>`;
    const css = baseCss(f, 8.4) + `
      .fn{font-size:11pt;font-weight:bold}.tt{font-size:11pt;font-weight:bold;margin:2pt 0;border-bottom:1.5px solid #000}
      pre.id{font-family:'${f}';font-size:8.4pt;margin:3pt 0 5pt 0}
      table.dh{width:100%;border-bottom:1px solid #000;font-weight:bold} .blk{display:flex;border-bottom:0.6px dashed #777;padding:2pt 0}.ob{width:40%;padding-right:6pt}
      table.dh td{padding:1pt 2pt} table.dh td.t{width:8%} table.gr{width:60%} table.gr td{padding:0.5pt 2pt;width:30%} table.gr td.t{width:12%;font-weight:bold}
      .sm{font-size:7.4pt}.np{width:60%;padding-top:3pt}.dc{font-weight:bold;text-decoration:underline}.lg{margin-top:8pt;font-size:7.4pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; eMAR administration history ${mdy(days[0])} - ${mdy(end)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.5, 0.5), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// medication_list.f2 (pharmacy): CONSULTANT PHARMACIST "MONTHLY MEDICATION REGIMEN REVIEW" (LTC pharmacy
// consultant, F756/F757 manner): pharmacy letterhead, "Review date: 03/14/2024", "Resident: HAROLD J TESTBURY"
// (given name first, capitals), "DOB 3/4/1950", facility / physician; CURRENT MEDICATION PROFILE table Drug &
// strength / Directions / Start date (earlier dates) / Indication; "IRREGULARITIES / RECOMMENDATIONS" numbered (gradual
// dose reduction, labs to monitor, duplicate therapy), each with a PRESCRIBER RESPONSE tick pair (Accept / Decline)
// and a rationale line; the pharmacist's signature; "Physician signature / date" line.
const mlF2 = {
  id: 'medication_list.f2', set: SET, type: 'medication_list', facilityKind: 'pharmacy',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.first}${p.middle ? ' ' + p.middle[0] : ''} ${p.last}`.toUpperCase();
    const ind = (m) => (m.condition ? ({ htn: 'hypertension', dm2: 'type 2 diabetes', hld: 'hyperlipidemia', hypothy: 'hypothyroidism', gerd: 'GERD', afib: 'atrial fibrillation', asthma: 'asthma', copd: 'COPD', depression: 'depression', ckd3: 'CKD' }[m.condition] || m.condition) : 'per MD');
    const recs = rng.sample([
      'Consider a gradual dose reduction (GDR) of the antidepressant per F758; last attempted more than 12 months ago.',
      'Please order a basic metabolic panel and magnesium within 2 weeks to monitor renal function and electrolytes.',
      'Duplicate acid-suppression therapy noted; consider discontinuing one agent.',
      'PRN order without an indication; please add the indication or discontinue.',
      'Resident is 65 or older on a medication on the Beers list; consider a safer alternative.'], rng.int(1, 3));
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Long-Term Care Pharmacy Services &middot; Consultant Pharmacist Program &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td></tr></table>
      <div class="tt">Monthly Medication Regimen Review</div>
      <table class="kv"><tr><td>Resident: <b>${esc(nm)}</b></td><td>DOB ${mdyDash(p.dob).replace(/-/g, '/')}</td><td>ID ${esc(doc.mrn)}</td></tr>
      <tr><td>Facility: ${esc(p.clinic ? p.clinic.name : 'Care Center')}</td><td>Physician: ${esc(provName(doc.provider))}</td><td>Review date: ${mdy(doc.date_of_service)}</td></tr></table>
      <div class="h">Current medication profile</div>
      <table class="mt"><thead><tr><th>Drug &amp; strength</th><th>Directions</th><th>Start date</th><th>Indication</th></tr></thead><tbody>${doc.medications.map((m) => `<tr${m.status === 'Discontinued' ? ' class="st"' : ''}><td>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}${m.status === 'Discontinued' ? ' (discontinued)' : ''}</td><td>${esc(m.sig)}</td><td>${m.start ? mdy(m.start) : ''}</td><td>${esc(ind(m))}</td></tr>`).join('')}</tbody></table>
      <p>Allergies: ${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join(', ') : 'NKDA'}</p>
      <div class="h">Irregularities / recommendations to the prescriber</div>
      ${recs.map((r, i) => `<div class="keep rc"><b>${i + 1}.</b> ${esc(r)}<div class="rp">Prescriber response: ${box(false)} Accept &nbsp; ${box(false)} Decline &mdash; clinical rationale: __________________________________</div></div>`).join('')}
      <div class="keep sg">${signatureSvg(rng, 100, 22)}${rng.pick(['Ruth', 'Omar', 'Lena'])} ${rng.pick(['Testaverde', 'Mockingham', 'Samplevich'])}, PharmD, BCGP &middot; Consultant Pharmacist<br><br>Physician signature ____________________________ &nbsp; Date __________</div>`;
    const css = baseCss(f, 9.4) + `
      table.hd{width:100%;border-bottom:3px double #000} .fn{font-size:14pt;font-weight:bold}.sm{font-size:7.6pt}.tt{font-size:14pt;margin:6pt 0 3pt 0;text-align:center}
      table.kv{width:100%;border:0.75px solid #000;margin-bottom:5pt} table.kv td{padding:2pt 4pt}
      .h{font-weight:bold;font-size:10pt;margin:7pt 0 2pt 0;border-bottom:0.75px solid #000}
      table.mt{width:100%;border-collapse:collapse} table.mt th{text-align:left;font-size:8.5pt;background:#ddd;padding:1.5pt 3pt} table.mt td{padding:1pt 3pt;border-bottom:0.4px solid #aaa} tr.st td{text-decoration:line-through}
      .rc{margin:4pt 0 4pt 0}.rp{margin-left:14pt;font-size:8.6pt}.sg{margin-top:12pt}`;
    const footer = pageFooter(f, `MRR ${mdy(doc.date_of_service)} &middot; ${esc(nm)}`, PN);
    return { css, body, footer, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION =======================
// immunization.f1 (clinic): LONG-TERM CARE / HOSPICE "RESIDENT IMMUNIZATION RECORD" (the record a facility keeps
// for CMS F883 and sends with the resident): header with the facility, "Resident Harold Testbury", "Date of
// birth Mar 4, 1950", admission date; VACCINES GIVEN table Vaccine / Date given ("Mar 14, 2024", month-name) / Dose
// / Manufacturer / Lot # / Site / Route / Given by; then a TUBERCULOSIS SCREENING box (two-step TST, placed and read
// dates, induration in mm — not vaccines, not in the gt) and a DECLINATIONS box (influenza / pneumococcal declined
// with the date and "education provided" — not given, not in the gt); "Record current as of" the document date.
const imF1 = {
  id: 'immunization.f1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = nameFL(p);
    const adm = addDaysIso(doc.date_of_service, -rng.int(60, 900));
    const tst1 = addDaysIso(adm, 1); const tst2 = addDaysIso(adm, 10);
    const rows = doc.immunizations.map((s) => `<tr><td><b>${esc(s.vaccine)}</b><div class="tn">${esc(s.trade_name)}</div></td><td class="nw">${monDY(s.date)}</td><td>${s.dose_number ?? ''}</td><td>${esc(s.mvx)}</td><td>${esc(s.lot)}</td><td>${esc(s.site || '')}</td><td>IM</td><td>${rng.pick(['KS', 'MT', 'RN-JD', 'LPN-AW'])}</td></tr>`).join('');
    const dec = rng.chance(0.6) ? `<tr><td>${rng.pick(['Influenza, seasonal', 'Pneumococcal conjugate (PCV20)', 'COVID-19 updated booster'])}</td><td>${monDY(addDaysIso(doc.date_of_service, -rng.int(10, 200)))}</td><td>Resident declined; risks and benefits explained, education provided, VIS given.</td></tr>` : '<tr><td colspan="3">None on file</td></tr>';
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name.replace(/ (Family Medicine|Primary Care Associates|Internal Medicine|Medical Group|Family Health Center|Community Health Clinic)$/, ''))} ${rng.pick(['Senior Living & Hospice', 'Care & Rehabilitation Center', 'Hospice House'])}</div><div class="sm">Infection Prevention &amp; Control Program &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td></tr></table>
      <div class="tt">RESIDENT IMMUNIZATION RECORD</div>
      <table class="id"><tr><td>Resident <b>${esc(nm)}</b></td><td>Date of birth ${monDY(p.dob)}</td><td>Admitted ${monDY(adm)}</td><td>Record # ${esc(doc.mrn)}</td></tr></table>
      <div class="h">Vaccines given</div>
      <table class="im"><thead><tr><th style="width:30%">Vaccine</th><th>Date given</th><th>Dose</th><th>Mfr</th><th>Lot #</th><th>Site</th><th>Route</th><th>Given by</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep h">Tuberculosis screening (two-step TST)</div>
      <table class="tb keep"><tr><td>Step 1 placed ${mdy(tst1)} &middot; read ${mdy(addDaysIso(tst1, 2))} &middot; ${rng.int(0, 4)} mm &middot; negative</td><td>Step 2 placed ${mdy(tst2)} &middot; read ${mdy(addDaysIso(tst2, 2))} &middot; 0 mm &middot; negative</td></tr></table>
      <div class="keep h">Declinations</div><table class="tb keep">${dec}</table>
      <p class="sm" style="margin-top:8pt">Record current as of ${monDY(doc.date_of_service)}. Outside doses verified against the state immunization information system. Infection preventionist: ${esc(provName(doc.provider))}.</p>`;
    const css = baseCss(f, 8.9) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} .fn{font-size:12.5pt;font-weight:bold}.sm{font-size:7.5pt}.tt{font-size:13pt;font-weight:bold;text-align:center;margin:6pt 0;letter-spacing:2pt}
      table.id{width:100%;border:1px solid #000} table.id td{padding:2pt 4pt}.h{font-weight:bold;margin:7pt 0 2pt 0;font-size:9.5pt}
      table.im{width:100%;border-collapse:collapse} table.im th{font-size:7.6pt;text-align:left;border-bottom:1px solid #000;padding:1pt 2pt} table.im td{padding:1pt 2pt;border-bottom:0.4px solid #bbb;vertical-align:top}.tn{font-size:7.4pt}.nw{white-space:nowrap}
      table.tb{width:100%;border:0.75px solid #000} table.tb td{padding:2pt 4pt;font-size:8.4pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Resident Immunization Record &middot; DOB ${monDY(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, immunizations: doc.immunizations.map((s) => immGt(s)) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.f1 (imaging): TELERADIOLOGY FINAL REPORT for a nursing home (a mobile X-ray / portable ultrasound company
// whose images are read remotely): reading-group banner, a pipe-separated STUDY LINE in the worklist's own formats —
// "Name TESTBURY^HAROLD^J" (DICOM person name with carets), "DOB 19500304" (DICOM date, no separators), "Sex M",
// "Facility …", "Study date Thu Mar 14 2024 10:32", "Received …", "Reported …" (later); EXAM / HISTORY /
// COMPARISON / TECHNIQUE / FINDINGS / IMPRESSION, a "Critical result: none" line, the remote radiologist's
// signature with the state licence and a "Read remotely from …" line.
const radF1 = {
  id: 'radiology.f1', set: SET, type: 'radiology_report', facilityKind: 'imaging',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}^${p.first.toUpperCase()}${p.middle ? '^' + p.middle[0] : ''}`;
    const dt = D(doc.exam_datetime); const jsDate = (iso) => { const d = D(iso); return `${WDL[d.getUTCDay()].slice(0, 3)} ${MON[d.getUTCMonth()]} ${zpad(d.getUTCDate())} ${d.getUTCFullYear()} ${fmtTime(iso, '24')}`; };
    const rec = `${doc.exam_datetime.slice(0, 11)}${zpad(Math.min(23, dt.getUTCHours() + 1))}:${zpad(rng.int(0, 59))}`;
    const fac = `${rng.pick(['Maple Grove', 'Cedar Ridge', 'Willow Creek', 'Harbor View'])} ${rng.pick(['Care Center', 'Nursing & Rehab', 'Senior Living'])}`;
    const body = `
      <div class="bn">${esc(doc.facility.name.toUpperCase())} &middot; TELERADIOLOGY &middot; MOBILE IMAGING FOR LONG-TERM CARE</div>
      <div class="tt">FINAL REPORT</div>
      <div class="sl">Name ${esc(nm)} | DOB ${dicomDate(p.dob)} | Sex ${p.sex} | MRN ${esc(doc.mrn)} | Acc ${doc.accession}<br>Facility ${esc(fac)} | Ordering ${esc(provName(doc.provider))}<br>Study date ${jsDate(doc.exam_datetime)} | Received ${jsDate(rec)} | Reported ${jsDate(doc.signed)}</div>
      <p><b>EXAM:</b> ${esc(doc.exam)} (portable) &nbsp; CPT ${doc.cpt}</p>
      <p><b>HISTORY:</b> ${esc(doc.indication)}</p>
      <p><b>COMPARISON:</b> ${esc(doc.comparison)}</p>
      <p><b>TECHNIQUE:</b> ${esc(doc.technique)}</p>
      <p><b>FINDINGS:</b></p>${doc.findings.map((x) => `<p class="in">${esc(x)}</p>`).join('')}
      <p><b>IMPRESSION:</b></p>${doc.impression.map((x) => `<p class="in">- ${esc(x)}</p>`).join('')}
      ${doc.birads !== null && doc.birads !== undefined ? `<p>BI-RADS ${doc.birads}</p>` : ''}
      <p>Critical result: none. Report faxed to facility nursing station.</p>
      <div class="keep sg">Electronically signed: ${esc(provName(doc.radiologist))}, Diplomate ABR &middot; Lic ${p.address.state}-${rng.digits(6)}<br>Read remotely from ${rng.pick(['Sydney, Australia (overnight coverage)', 'the group reading center', 'home workstation'])} &middot; ${jsDate(doc.signed)}</div>`;
    const css = baseCss(f, 8.8) + `
      .bn{background:#000;color:#fff;padding:3pt 6pt;font-weight:bold;font-size:9pt}.tt{font-size:13pt;font-weight:bold;margin:6pt 0 3pt 0}
      .sl{border-top:1px solid #000;border-bottom:1px solid #000;padding:3pt 0;margin-bottom:6pt;line-height:1.45} p{margin:2pt 0 3pt 0}.in{margin-left:16pt}.sg{margin-top:12pt}`;
    const footer = pageFooter(f, `${esc(nm)} ${dicomDate(p.dob)} &middot; ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.f1 (clinic): NURSING-HOME "RESIDENT CONSULTATION REQUEST" to an outside specialist (the attending's
// order written up by the unit): facility header, "Requested: 3-14-2024" (dashed, unpadded), "Resident: Testbury,
// Harold J.   Room …", "DOB 03/04/1950", consultant specialty and name, reason, urgency, a TRANSPORTATION block
// (wheelchair van / stretcher, escort needed, appointment date to be scheduled — blank), insurance authorization,
// diagnoses as a table (Code / Problem), medications as "name strength — abbreviated sig", and a "Consultant:
// please fax your findings and recommendations to …" box.
const refF1 = {
  id: 'referral.f1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const nm = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle + '.' : ''}`;
    const fac = doc.facility.name.replace(/ (Family Medicine|Primary Care Associates|Internal Medicine|Medical Group|Family Health Center|Community Health Clinic)$/, '') + ' Care Center';
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(fac)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Unit clerk ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)}</div></td><td class="r tt">RESIDENT CONSULTATION REQUEST</td></tr></table>
      <table class="kv"><tr><td>Requested: ${mdyDash(doc.date_of_service)}</td><td>Resident: <b>${esc(nm)}</b></td><td>Room ${room(rng)}</td></tr>
      <tr><td>DOB ${mdy(p.dob)}</td><td>Attending: ${esc(provName(doc.provider))}</td><td>Facility ID ${esc(doc.mrn)}</td></tr></table>
      <table class="kv2"><tr><td class="k">Consult to</td><td>${esc(doc.specialty)} &mdash; ${esc(provName(to))}, ${esc(doc.to_facility.name)}</td></tr>
      <tr><td class="k">Reason</td><td>${esc(doc.reason)}</td></tr>
      <tr><td class="k">Urgency</td><td>${esc(doc.urgency)}</td></tr>
      <tr><td class="k">Authorization</td><td>${doc.auth_number ? esc(doc.auth_number) : 'Not required (Medicare Part B)'}</td></tr>
      <tr><td class="k">Transportation</td><td>${box(rng.chance(0.6))} Wheelchair van &nbsp; ${box(rng.chance(0.2))} Stretcher &nbsp; ${box(rng.chance(0.4))} Escort needed &nbsp; Appointment date: __________</td></tr></table>
      <div class="h">Diagnoses</div><table class="dx"><tr><th>Code</th><th>Problem</th></tr>${doc.diagnoses.map((x) => `<tr><td>${x.code}</td><td>${esc(x.description)}</td></tr>`).join('')}</table>
      <div class="h">Current medications</div>${doc.medications.length ? doc.medications.map((m) => `<p class="in">${esc(m.name)} ${esc(m.strength)} &mdash; ${esc(m.sig_abbrev)}</p>`).join('') : '<p class="in">None</p>'}
      <div class="h">Allergies</div><p class="in">${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</p>
      <div class="h">Sent with resident</div><p class="in">${doc.enclosures.map(esc).join('; ')}; face sheet; current MAR</p>
      <div class="keep bx">Consultant: please fax your findings and recommendations to ${fmtPhone(doc.facility.fax)}. New orders must be co-signed by the attending physician before they are carried out.</div>`;
    const css = baseCss(f, 9.3) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12.5pt;font-weight:bold}.sm{font-size:7.5pt}.tt{font-size:11.5pt;font-weight:bold}
      table.kv{width:100%;margin:6pt 0;background:#eee} table.kv td{padding:2pt 4pt}
      table.kv2{width:100%;border:1px solid #000} table.kv2 td{padding:2.5pt 5pt;border-bottom:0.4px solid #999}.k{font-weight:bold;width:1.2in}
      .h{font-weight:bold;margin:7pt 0 1pt 0} table.dx{width:100%} table.dx th{text-align:left;font-size:8pt;border-bottom:0.75px solid #000} table.dx td{padding:0.8pt 2pt} p{margin:1pt 0 2pt 0}.in{margin-left:10pt}
      .bx{margin-top:12pt;border:2px solid #000;padding:6pt 8pt}`;
    return { css, body, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.f1 (payer): MEDICARE ADVANTAGE "POST-ACUTE CLAIM SUMMARY" (plan statement to the member about a skilled
// nursing / facility claim, kind eob): plan banner, "Notice date 03/21/2024" (= processed date), "Member TESTBURY,
// HAROLD" and member ID, a BENEFIT PERIOD box ("SNF benefit days used this period: 12 of 100", "Benefit period
// began 02/02/2024" — an earlier date, not the service date), claim table Claim # / Provider / "Service dates
// 03/14/2024" then line items Service / Code / Charged / Plan approved / Plan paid / You may be billed, a totals row,
// "Coverage notes" in small type.
const billF1 = {
  id: 'billing.f1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}`;
    const bpStart = addDaysIso(doc.date_of_service, -rng.int(15, 60));
    const rows = doc.lines.map((l) => `<tr><td>${esc(l.description)}</td><td>${l.cpt}</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.allowed)}</td><td class="r">${money(l.paid)}</td><td class="r">${money(l.patient_resp)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.payer)}</div><div class="sm">Medicare Advantage ${esc(doc.plan_name)} &middot; Member Services ${fmtPhone(doc.facility.phone, 'one')} (TTY 711)</div></td><td class="r tt">Post-Acute Claim Summary<div class="sm">THIS IS NOT A BILL</div></td></tr></table>
      <table class="mb"><tr><td>Member <b>${esc(nm)}</b><br>${esc(p.address.line1)}<br>${esc(p.address.city)}, ${esc(p.address.state)} ${esc(p.address.zip)}</td>
      <td>Notice date ${mdy(doc.processed)}<br>Member ID ${doc.member_id}<br>Group ${doc.group}</td>
      <td class="bp"><b>Benefit period</b><br>Began ${mdy(bpStart)}<br>SNF benefit days used this period: ${rng.int(3, 40)} of 100</td></tr></table>
      <table class="cl"><tr><td>Claim # ${doc.claim_number}</td><td>Provider: ${esc(doc.client?.name || (doc.provider ? provName(doc.provider) : ''))}</td><td>Service dates ${mdy(doc.date_of_service)}</td></tr></table>
      <table class="it"><thead><tr><th>Service</th><th>Code</th><th class="r">Charged</th><th class="r">Plan approved</th><th class="r">Plan paid</th><th class="r">You may be billed</th></tr></thead><tbody>${rows}
      <tr class="tt2"><td colspan="2">Claim total</td><td class="r">${money(t.billed)}</td><td class="r">${money(t.allowed)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.patient_resp)}</td></tr></tbody></table>
      <p class="sm">Coverage notes: ${money(t.deductible)} applied to the deductible; copay ${money(t.copay)}; coinsurance ${money(t.coinsurance)}. Skilled nursing facility care requires a qualifying need for daily skilled care; days 21&ndash;100 carry a daily coinsurance. You have 65 days from the notice date to ask for a reconsideration.</p>`;
    const css = baseCss(f, 9.2) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt;font-weight:normal}.tt{font-size:13pt;font-weight:bold}
      table.mb{width:100%;margin:8pt 0} table.mb td{vertical-align:top;padding:3pt 6pt;width:33%}.bp{border:1.5px solid #000}
      table.cl{width:100%;background:#ddd} table.cl td{padding:2pt 5pt;font-weight:bold}
      table.it{width:100%;border-collapse:collapse;margin:4pt 0 8pt 0} table.it th{text-align:left;border-bottom:1.2px solid #000;font-size:8.2pt;padding:2pt} table.it td{padding:2pt;border-bottom:0.4px solid #aaa} tr.tt2 td{font-weight:bold;border-top:1px solid #000}`;
    const footer = pageFooter(f, `${esc(doc.payer)} &middot; Claim ${doc.claim_number}`, PN);
    return { css, body, footer, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, billing: eobGt(doc) } };
  },
};

export default [coverF1, coverF2, labF1, labF2, labF3, labF4, dsF1, dsF2, ovF1, ovF2, mlF1, mlF2, imF1, radF1, refF1, billF1];
