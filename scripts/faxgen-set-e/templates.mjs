// faxgen template set 'set-e': a stand-in for faxgen's held-out template set, written in session 23 WITHOUT
// looking at the extraction/structuring rules (nothing under src/ was opened while it was written) and independent
// of set-a and of every earlier stand-in (set-g .. set-z). Theme: FEDERAL, INSTITUTIONAL and BILINGUAL sources —
// a military treatment facility (MHS GENESIS / CHCS-style prints with FMP/SSN-last-4 and DoD ID, `14MAR2024 1032`
// date-times), VA community-care referral/authorization and VistA-style radiology, a correctional health-services
// transfer summary, a university student health centre (visit summary, immunization compliance), an Indian Health
// Service clinic lab (RPMS-style), a Spanish–English bilingual lab report and bilingual patient instructions, a
// state public health laboratory, TRICARE and Medicaid managed-care EOBs. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-e/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-e ...
// faxgen's helpers are imported from $FAXGEN_DIR or, by default, ../shared/faxgen beside the repo.
// Every template keeps set-a's ground-truth (`gt`) contract: names, values, units and flags exactly as printed.
// See README.md here: this set MEASURES generalization; do not tune extraction rules to its layouts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAXGEN = fs.realpathSync(process.env.FAXGEN_DIR ? path.resolve(process.env.FAXGEN_DIR) : path.resolve(here, '../../../shared/faxgen'));
const lib = (p) => import(pathToFileURL(path.join(FAXGEN, 'lib', p)).href);
const { baseCss, labPanels, signatureSvg, barcodeSvg, medGt, esc, pad, padL } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, nameFL, nameLF, provName, provLF, fmtAddr, money, parseIso, pad: zpad } = await lib('util.mjs');
const { MVX } = await lib('clinical.mjs');

const SET = 'set-e';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// Nimbus Sans / FreeSans (sans), C059 / Nimbus Roman (serif), Nimbus Mono PS / Noto Mono (mono), Nimbus Sans
// Narrow (narrow). Fax header line: Nimbus Mono PS, Nimbus Sans Narrow or C059.
export const fonts = {
  [SET]: {
    sans: ['Nimbus Sans', 'FreeSans'],
    serif: ['C059', 'Nimbus Roman'],
    mono: ['Nimbus Mono PS', 'Noto Mono'],
    narrow: ['Nimbus Sans Narrow'],
    tti: ['Nimbus Mono PS', 'Nimbus Sans Narrow', 'C059'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MES = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
const MESES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const D = (iso) => parseIso(iso);
/** military date 14MAR2024 */
const mil = (iso) => { const d = D(iso); return `${zpad(d.getUTCDate())}${MON[d.getUTCMonth()].toUpperCase()}${d.getUTCFullYear()}`; };
/** military date-time 14MAR2024 1032 */
const milDT = (dt) => `${mil(dt)} ${fmtTime(dt, '24c')}`;
/** VistA external date MAR 14, 2024 (no zero pad) */
const vista = (iso) => { const d = D(iso); return `${MON[d.getUTCMonth()].toUpperCase()} ${d.getUTCDate()}, ${d.getUTCFullYear()}`; };
/** VistA date-time MAR 14, 2024@10:32 */
const vistaDT = (dt) => `${vista(dt)}@${fmtTime(dt, '24')}`;
/** Spanish day-first short date 14/mar/2024 */
const esShort = (iso) => { const d = D(iso); return `${zpad(d.getUTCDate())}/${MES[d.getUTCMonth()]}/${d.getUTCFullYear()}`; };
/** Spanish long date 14 de marzo de 2024 */
const esLong = (iso) => { const d = D(iso); return `${d.getUTCDate()} de ${MESES[d.getUTCMonth()]} de ${d.getUTCFullYear()}`; };
const mdy = (iso) => fmtDate(iso, 'us');
const monthDY = (iso) => fmtDate(iso, 'month-d-y');
const addDaysIso = (iso, n) => { const d = parseIso(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };
const ageOf = (dob, on) => { const a = D(dob), b = D(on); let y = b.getUTCFullYear() - a.getUTCFullYear(); if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) y--; return y; };
/** day of the year, 1-based (for the ordinal-date fax header) */
const ordinal = (iso) => { const d = D(iso); return Math.round((d - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1; };

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // military / DoD fax gateway stamping a DATE-TIME GROUP (DTG: day, 24-h time and time-zone letter, then the
    // month and a two-digit year), the sender's DSN and commercial numbers and "PG 2 OF 5":
    // "DTG 141032R MAR 24  FM: SENDER  DSN 312-555-0146  COMM 217-555-0146  PG 2 OF 5"
    (t) => [`DTG ${zpad(D(t.dt).getUTCDate())}${fmtTime(t.dt, '24c')}${'RSTU'[t.sec % 4]} ${MON[D(t.dt).getUTCMonth()].toUpperCase()} ${String(D(t.dt).getUTCFullYear()).slice(2)}`, `FM: ${t.sender.toUpperCase().slice(0, 26)}`, `DSN 312-${t.fax.exch}-${t.fax.line}  COMM ${t.fax.area}-${t.fax.exch}-${t.fax.line}`, `PG ${t.page} OF ${t.total}`],
    // bilingual (Spanish / English) fax service of a Puerto Rico / border-region lab: bilingual captions, day-first
    // date with a Spanish month abbreviation, "Pág./Page 2 de/of 5":
    // "Recibido/Received 14-mar-2024 10:32  De/From: SENDER  Tel. 217 555 0146  Pág./Page 2 de/of 5"
    (t) => [`Recibido/Received ${zpad(D(t.dt).getUTCDate())}-${MES[D(t.dt).getUTCMonth()]}-${D(t.dt).getUTCFullYear()} ${fmtTime(t.dt, '24')}`, `De/From: ${t.sender.slice(0, 28)}`, `Tel. ${t.fax.area} ${t.fax.exch} ${t.fax.line}`, `Pág./Page ${t.page} de/of ${t.total}`],
    // state-agency / correctional fax server that logs the ORDINAL (Julian) date "YY-DDD", seconds, a station id and
    // a zero-padded "SHEET 0002 OF 0005" counter:
    // "24-074 10:32:07 JD  STN ID 2175550146  SENDER  SHEET 0002 OF 0005"
    (t) => [`${String(D(t.dt).getUTCFullYear()).slice(2)}-${String(ordinal(t.dt)).padStart(3, '0')} ${fmtTime(t.dt, '24')}:${zpad(t.sec)} JD`, `STN ID ${t.fax.area}${t.fax.exch}${t.fax.line}`, t.sender.toUpperCase().slice(0, 30), `SHEET ${String(t.page).padStart(4, '0')} OF ${String(t.total).padStart(4, '0')}`],
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
const eagle = (size = 42) => `<svg width="${size}" height="${size}" viewBox="0 0 42 42"><circle cx="21" cy="21" r="19.5" fill="none" stroke="#000" stroke-width="1.5"/><circle cx="21" cy="21" r="15" fill="none" stroke="#000" stroke-width="0.6"/><path d="M8 20 Q15 12 21 18 Q27 12 34 20 Q27 17 23 22 L21 30 L19 22 Q15 17 8 20 Z" fill="#222"/><rect x="18" y="22" width="6" height="6" fill="none" stroke="#000" stroke-width="0.8"/></svg>`;
const feather = (size = 40) => `<svg width="${size}" height="${size}" viewBox="0 0 40 40"><path d="M30 4 C14 10 8 22 10 36 L12 36 C12 26 18 16 30 4 Z" fill="#333"/><path d="M11 35 L27 9" stroke="#fff" stroke-width="1"/></svg>`;

/** Military-health identifiers of a patient: family member prefix (FMP 20 = sponsor, 30 = spouse, 01.. = child),
 *  sponsor SSN last 4, 10-digit DoD ID; the sponsor is another person for a spouse or a child. */
function milIds(rng, p) {
  const fmp = p.age < 18 ? zpad(rng.int(1, 4)) : rng.chance(0.6) ? '20' : '30';
  const sponsorFirst = fmp === '20' ? p.first : rng.pick(fmp === '30' ? (p.sex === 'F' ? ['Daniel', 'Marcus', 'Kevin', 'Luis'] : ['Angela', 'Renee', 'Tamara', 'Joan']) : ['Daniel', 'Marcus', 'Angela', 'Renee']);
  return { fmp, ssn4: rng.digits(4), dodId: `1${rng.digits(9)}`, sponsor: `${p.last.toUpperCase()}, ${sponsorFirst.toUpperCase()}`, rank: rng.pick(['SSG', 'SFC', 'CPT', 'MAJ', 'LCDR', 'TSgt', 'MSgt', 'CW2', 'Ret.']) };
}
/** LAST, FIRST MIDDLE-INITIAL in capitals (MHS GENESIS banner) */
const milName = (p) => `${p.last.toUpperCase()}, ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle.toUpperCase() : ''}`;
/** VistA style LAST,FIRST M (no space after the comma) */
const vistaName = (p) => `${p.last.toUpperCase()},${p.first.toUpperCase()}${p.middle ? ' ' + p.middle : ''}`;

// Spanish glosses for the bilingual templates (English test names are printed; the gloss goes on its own line)
const ES = {
  WBC: 'Leucocitos', RBC: 'Eritrocitos', HGB: 'Hemoglobina', HCT: 'Hematocrito', PLT: 'Plaquetas', NEUTP: 'Neutrófilos', LYMPP: 'Linfocitos', MONOP: 'Monocitos', EOSP: 'Eosinófilos', BASOP: 'Basófilos',
  NEUTA: 'Neutrófilos absolutos', LYMPA: 'Linfocitos absolutos', GLU: 'Glucosa', BUN: 'Nitrógeno ureico', CREAT: 'Creatinina', EGFR: 'Filtración glomerular estimada', NA: 'Sodio', K: 'Potasio', CL: 'Cloruro',
  CO2: 'Dióxido de carbono', CA: 'Calcio', TP: 'Proteína total', ALB: 'Albúmina', GLOB: 'Globulina', TBIL: 'Bilirrubina total', ALP: 'Fosfatasa alcalina', MG: 'Magnesio', URIC: 'Ácido úrico',
  CHOL: 'Colesterol total', TRIG: 'Triglicéridos', HDL: 'Colesterol HDL', LDL: 'Colesterol LDL', NONHDL: 'Colesterol no HDL', A1C: 'Hemoglobina glicosilada', EAG: 'Glucosa promedio estimada', TSH: 'Tirotropina',
  FT4: 'Tiroxina libre', VITD: 'Vitamina D', PSA: 'Antígeno prostático', B12: 'Vitamina B12', FERR: 'Ferritina', FE: 'Hierro', CRP: 'Proteína C reactiva', MALB: 'Microalbúmina en orina',
  UCOLOR: 'Color', UAPP: 'Aspecto', USG: 'Densidad', UPH: 'pH', UPRO: 'Proteína', UGLU: 'Glucosa', UKET: 'Cetonas', UBIL: 'Bilirrubina', UBLD: 'Sangre oculta', UNIT: 'Nitritos', ULE: 'Esterasa leucocitaria', UURO: 'Urobilinógeno',
};
const PANEL_ES = { CBC: 'HEMATOLOGÍA / HEMATOLOGY', CBCND: 'HEMATOLOGÍA / HEMATOLOGY', CMP: 'QUÍMICA / CHEMISTRY', BMP: 'QUÍMICA / CHEMISTRY', LIPID: 'LÍPIDOS / LIPIDS', A1C: 'DIABETES', TSH: 'TIROIDES / THYROID', THY: 'TIROIDES / THYROID', UA: 'ORINA / URINALYSIS' };

// ======================= FAX COVER SHEETS =======================
// cover.e1: MILITARY TREATMENT FACILITY "FACSIMILE TRANSMITTAL" (DD-form manner): "CUI" marking banner at top and
// bottom, "DEPARTMENT OF DEFENSE · DEFENSE HEALTH AGENCY", the facility and a department (Patient Administration /
// TRICARE Operations / Release of Information), a two-column FROM / TO form with DSN and commercial numbers,
// "DATE 14MAR2024" (military date), "NO. OF PAGES (INCL COVER) 5", "PRECEDENCE" tick boxes (ROUTINE / PRIORITY /
// IMMEDIATE), a Privacy Act statement and a releasability warning. No patient name on the sheet.
const coverE1 = {
  id: 'cover.e1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility; const rng = env.rng;
    const box = (on, l) => `<span class="bx">${on ? '&#9746;' : '&#9744;'} ${l}</span>`;
    const dept = rng.pick(['Patient Administration Division', 'TRICARE Operations & Patient Administration', 'Release of Information Section', 'Referral Management Center']);
    const row = (k1, v1, k2, v2) => `<tr><td class="k">${k1}</td><td>${v1}</td><td class="k">${k2}</td><td>${v2}</td></tr>`;
    const body = `
      <div class="cui">CUI</div>
      <table class="hd"><tr><td style="width:50pt">${eagle(46)}</td><td><div class="dod">DEPARTMENT OF DEFENSE &middot; DEFENSE HEALTH AGENCY</div><div class="fn">${esc(s.name.toUpperCase())}</div><div class="sm">${dept}</div></td></tr></table>
      <div class="t">FACSIMILE TRANSMITTAL</div>
      <table class="f">
      <tr><th colspan="2">FROM</th><th colspan="2">TO</th></tr>
      ${row('NAME / OFFICE', esc(doc.from_person), 'NAME / OFFICE', `${esc(doc.to_name)}${doc.to_org ? '<br>' + esc(doc.to_org) : ''}`)}
      ${row('DSN', `312-${s.fax.exch}-${s.fax.line}`, 'FAX NUMBER', fmtPhone(doc.to_fax))}
      ${row('COMMERCIAL FAX', fmtPhone(s.fax), 'TELEPHONE', doc.to_phone ? fmtPhone(doc.to_phone) : '&nbsp;')}
      ${row('COMMERCIAL VOICE', fmtPhone(s.phone), '', '')}
      </table>
      <table class="f2"><tr><td class="k">DATE</td><td>${mil(doc.date_of_service)}</td><td class="k">NO. OF PAGES (INCL COVER)</td><td>${doc.pages}</td><td class="k">PRECEDENCE</td><td>${box(!doc.urgent, 'ROUTINE')} ${box(doc.urgent, 'PRIORITY')} ${box(false, 'IMMEDIATE')}</td></tr>
      <tr><td class="k">SUBJECT</td><td colspan="5">${esc(doc.re)}</td></tr></table>
      <div class="rm"><div class="k">REMARKS</div>${esc(doc.message)}</div>
      <div class="pa"><b>PRIVACY ACT STATEMENT.</b> This transmission contains information protected by the Privacy Act of 1974 (5 U.S.C. 552a) and HIPAA (DoDM 6025.18). Further disclosure is prohibited without the individual's authorization. If received in error, notify the sender at the DSN or commercial number above and destroy all copies.</div>
      <div class="cui b">CUI</div>`;
    const css = baseCss(f, 10) + `
      .cui{text-align:center;font-weight:bold;font-size:11pt;letter-spacing:3pt;border-top:1px solid #000;border-bottom:1px solid #000;margin-bottom:8pt}.cui.b{margin-top:16pt}
      table.hd td{vertical-align:middle}.dod{font-size:8pt;letter-spacing:1pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:8.5pt;font-style:italic}
      .t{font-size:18pt;font-weight:bold;text-align:center;margin:12pt 0 8pt 0;letter-spacing:2pt}
      table.f{width:100%;border:1.5px solid #000} table.f th{background:#000;color:#fff;font-size:9pt;padding:2pt} table.f td{border:0.75px solid #000;padding:4pt 5pt;vertical-align:top;width:25%}
      .k{font-size:7.2pt;font-weight:bold;letter-spacing:0.5pt} table.f2{width:100%;margin-top:8pt;border:1.5px solid #000} table.f2 td{border:0.75px solid #000;padding:4pt 5pt}
      .bx{margin-right:6pt;white-space:nowrap;font-size:8.5pt}.rm{border:1.5px solid #000;border-top:none;min-height:130pt;padding:4pt 6pt;line-height:1.45}
      .pa{margin-top:14pt;font-size:7.6pt;line-height:1.3}`;
    return { css, body, margins: M(0.6, 0.6, 0.75, 0.75), fonts: [f] };
  },
};

// cover.e2: BILINGUAL (Spanish / English) fax cover of a community health centre / lab: "Hoja de transmisión por
// fax / Fax transmittal sheet", captions in both languages on two lines (Para / To, De / From, Fecha / Date ...),
// the date written out in BOTH languages "14 de marzo de 2024 / March 14, 2024", "Páginas (incluida esta) /
// Pages (including this one): 5", an "Urgente / Urgent" tick, the confidentiality notice in two columns (ES | EN).
const coverE2 = {
  id: 'cover.e2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'serif'); const s = doc.from_facility;
    const cap = (es, en) => `<div class="es">${es}</div><div class="en">${en}</div>`;
    const row = (es, en, v) => `<tr><td class="k">${cap(es, en)}</td><td>${v}</td></tr>`;
    const body = `
      <div class="top"><div class="fn">${esc(s.name)}</div><div class="sm">${esc(fmtAddr(s.address))} &middot; Tel. ${fmtPhone(s.phone)} &middot; Fax ${fmtPhone(s.fax)}</div></div>
      <div class="t">Hoja de transmisión por fax<span class="tn"> / Fax transmittal sheet</span></div>
      <table class="f">
      ${row('Para', 'To', `${esc(doc.to_name)}${doc.to_org ? ' &mdash; ' + esc(doc.to_org) : ''}`)}
      ${row('Núm. de fax', 'Fax no.', fmtPhone(doc.to_fax))}
      ${row('De', 'From', esc(doc.from_person))}
      ${row('Fecha', 'Date', `${esLong(doc.date_of_service)} / ${monthDY(doc.date_of_service)}`)}
      ${row('Páginas (incluida esta)', 'Pages (including this one)', String(doc.pages))}
      ${row('Asunto', 'Re', esc(doc.re))}
      ${row('Urgente', 'Urgent', doc.urgent ? '&#9746; Sí / Yes' : '&#9744; Sí / Yes &nbsp; &#9746; No')}</table>
      <div class="ms"><div class="k">${cap('Mensaje', 'Message')}</div>${esc(doc.message)}</div>
      <table class="cf"><tr><td>AVISO DE CONFIDENCIALIDAD: Este fax contiene información médica protegida. Si usted lo recibió por error, llame de inmediato al remitente y destruya todas las páginas.</td><td>CONFIDENTIALITY NOTICE: This fax contains protected health information. If you received it in error, call the sender at once and destroy all pages.</td></tr></table>`;
    const css = baseCss(f, 10.5) + `
      .top{border-bottom:3px double #000;padding-bottom:4pt}.fn{font-size:15pt;font-weight:bold}.sm{font-size:8pt}
      .t{font-size:17pt;margin:14pt 0 10pt 0}.tn{font-size:12pt;font-style:italic}
      table.f{width:100%} table.f td{padding:4pt 6pt;border-bottom:0.6px solid #777;vertical-align:top} td.k{width:2.1in}
      .es{font-weight:bold;font-size:9.5pt}.en{font-style:italic;font-size:8pt}
      .ms{margin-top:12pt;border:1px solid #000;min-height:110pt;padding:5pt 8pt;line-height:1.45}
      table.cf{width:100%;margin-top:18pt;font-size:7.6pt} table.cf td{width:50%;vertical-align:top;padding:0 6pt;border-top:0.75px solid #000}`;
    return { css, body, margins: M(0.65, 0.6, 0.8, 0.8), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.e1 (hospital): MILITARY TREATMENT FACILITY lab print from MHS GENESIS (Cerner "Lab Results" / CHCS
// cumulative manner): a grey banner `TESTBURY, HAROLD J` with `FMP/SSN: 20/XXX-XX-6789`, `DoD ID: 1234567890`,
// `DOB: 04MAR1950`, `Age: 74Y`, `Sex: M`, and for a family member the SPONSOR line; `Collected: 14MAR2024 1032`
// (military date-time), `Received:`, `Ordering: MOCKWOOD, JANE (PCM)`, `Accession: 24-074-00123`; per section a
// table Test / Result / Abn / Units / Reference Range / **Perf Site** (a short site code after the range, e.g.
// `WRNMMC`, `NMCSD`); abnormal flags `H` / `L` / `A` in the Abn column; a site legend at the end.
const labE1 = {
  id: 'lab.e1', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng; const ids = milIds(rng, p);
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'full', rangeStyle: 'h' }, { H: 'H', L: 'L', A: 'A' });
    const site = rng.pick(['WRNMMC', 'NMCSD', 'BAMC', 'MAMC', 'NMCP', 'WPAFB']);
    const ref = rng.pick(['QDX', 'LABCO', site]);
    const acc = `${String(D(doc.collected).getUTCFullYear()).slice(2)}-${String(ordinal(doc.collected)).padStart(3, '0')}-${rng.digits(5)}`;
    const tables = panels.map((P) => `<div class="ph">${esc(P.name)}</div><table class="rs"><thead><tr><th style="width:34%">Test</th><th>Result</th><th>Abn</th><th>Units</th><th>Reference Range</th><th>Perf Site</th></tr></thead><tbody>${
      P.rows.map((r) => `<tr><td>${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td class="fl">${esc(r.flagPrinted)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td><td class="st">${r.key === 'VITD' || r.key === 'B12' || r.key === 'PSA' ? ref : site}</td></tr>`).join('')}</tbody></table>`).join('');
    const nm = milName(p);
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <table class="hd"><tr><td style="width:48pt">${eagle(42)}</td><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Military Health System &middot; Department of Pathology &amp; Area Laboratory Services</div></td><td class="rt">LABORATORY RESULTS</td></tr></table>
      <table class="bn"><tr><td colspan="2" class="pn">${esc(nm)}</td><td>FMP/SSN: ${ids.fmp}/XXX-XX-${ids.ssn4}</td><td>DoD ID: ${ids.dodId}</td></tr>
      <tr><td>DOB: ${mil(p.dob)}</td><td>Age: ${ageOf(p.dob, doc.collected)}Y &nbsp; Sex: ${p.sex}</td><td colspan="2">${ids.fmp === '20' ? `Sponsor: SELF (${ids.rank})` : `Sponsor: ${esc(ids.sponsor)} (${ids.rank})`}</td></tr></table>
      <table class="sp"><tr><td>Collected: ${milDT(doc.collected)}</td><td>Received: ${milDT(doc.received)}</td><td>Accession: ${acc}</td></tr>
      <tr><td colspan="2">Ordering: ${esc(provLF(doc.provider, true))} (PCM) &middot; ${rng.pick(['Family Health Clinic', 'Internal Medicine Clinic', 'Pediatric Clinic', 'Flight Medicine'])}</td><td>Status: ${esc(doc.status)}</td></tr></table>
      ${tables}
      <div class="keep lg">Perf Site legend: ${site} = ${esc(doc.facility.name)} Core Laboratory, CLIA ${doc.clia}${ref !== site ? `; ${ref} = reference laboratory (contract)` : ''}. Abn: H high, L low, A abnormal. Results reviewed by ${esc(provName(doc.lab_director))}, Chief, Laboratory Services.</div>`;
    const css = baseCss(f, 8.8) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:middle}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7.6pt}.rt{text-align:right;font-size:12pt;font-weight:bold;letter-spacing:1pt}
      table.bn{width:100%;background:#d8d8d8;margin-top:5pt} table.bn td{padding:1.5pt 5pt}.pn{font-size:11pt;font-weight:bold}
      table.sp{width:100%;margin:3pt 0 4pt 0;border-bottom:0.75px solid #000} table.sp td{padding:1pt 5pt}
      .ph{font-weight:bold;margin:6pt 0 1pt 0;font-size:9pt;text-transform:uppercase}
      table.rs{width:100%} table.rs th{text-align:left;font-size:7.8pt;border-bottom:1px solid #000;padding:1pt 4pt} table.rs td{padding:0.8pt 4pt;border-bottom:0.3px dotted #999}
      td.v{font-weight:bold} td.fl{font-weight:bold;width:0.4in} td.st{font-size:7.4pt}.lg{margin-top:8pt;font-size:7.2pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${ids.fmp}/XXX-XX-${ids.ssn4} &middot; CUI &mdash; Privacy Act protected`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.facility.name } };
  },
};

// lab.e2 (clinic): INDIAN HEALTH SERVICE / TRIBAL CLINIC lab print from RPMS (VistA-derived) "LAB SUMMARY", in a
// monospace pre-formatted block: `TESTBURY,HAROLD J   HRN: 123456   DOB: MAR 4,1950   SEX: M`, the service unit
// and clinic, per specimen a line `Specimen: SERUM  Collection DT: MAR 14, 2024@10:32  Acc: CH 0314 12`, rows
// NAME (capitals) / result with the flag glued after a space (`105 H`, `1.4 L`) / units / reference range
// `65 - 99`, lab comments after `Comment:` lines, "KEY: L=Low H=High *=Critical", "Performing lab" at the foot.
const labE2 = {
  id: 'lab.e2', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['IHS Service Unit Laboratory', 'Tribal Health Center Laboratory'],
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'caps', rangeStyle: 'e' }, { H: 'H', L: 'L', A: 'A' });
    const hrn = rng.digits(6);
    const spec = (P) => (P.key === 'UA' || P.key === 'MALB' ? 'URINE' : ['CBC', 'CBCND', 'A1C'].includes(P.key) ? 'BLOOD' : 'SERUM');
    const W = Math.max(26, ...panels.flatMap((P) => P.rows.map((r) => r.name.length + 2)));
    const blocks = panels.map((P) => {
      const head = `Specimen: ${pad(spec(P), 7)}  Collection DT: ${vistaDT(doc.collected)}   Acc: ${P.key === 'UA' ? 'UA' : 'CH'} ${zpad(D(doc.collected).getUTCMonth() + 1)}${zpad(D(doc.collected).getUTCDate())} ${rng.int(1, 60)}`;
      const lines = P.rows.map((r) => `${pad(r.name, W)}${padL(r.value, 9)} ${pad(r.flagPrinted, 2)}  ${pad(r.unit, 14)}${r.range}`);
      return `<b>${esc(head)}</b>\n<u>${esc(pad('Test name', W) + padL('Result', 9) + '     ' + pad('units', 14) + 'Ref. range')}</u>\n${lines.map(esc).join('\n')}${rng.chance(0.3) ? `\nComment: ${esc(rng.pick(['Specimen slightly hemolyzed.', 'Results verified by repeat analysis.', 'Fasting status not documented.']))}` : ''}`;
    }).join('\n\n');
    const nm = vistaName(p);
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <table class="hd"><tr><td style="width:44pt">${feather(38)}</td><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Indian Health Service &middot; ${rng.pick(['Service Unit', 'Tribal Health Program (638)', 'Health Center'])} &middot; ${esc(fmtAddr(doc.facility.address))}</div></td></tr></table>
      <pre class="id">${esc(nm)}   HRN: ${hrn}   DOB: ${esc(vista(p.dob).replace(', ', ','))}   SEX: ${p.sex}
Ordering provider: ${esc(provLF(doc.provider, true))}      Location: ${rng.pick(['PRIMARY CARE', 'DIABETES PROGRAM', 'WALK-IN', 'PEDIATRICS'])}
Report status: ${esc(doc.status.toUpperCase())}        Printed: ${vista(doc.faxDate)}</pre>
      <div class="t">LAB SUMMARY</div>
      <pre class="res">${blocks}</pre>
      <pre class="ft">KEY: L=Low  H=High  A=Abnormal  *=Critical
Performing lab: ${esc(doc.performingLab)}, CLIA ${doc.clia}</pre>`;
    const css = baseCss(f, 8.4) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} table.hd td{vertical-align:middle}.fn{font-size:12pt;font-weight:bold;font-family:'Nimbus Sans'}.sm{font-size:7.4pt;font-family:'Nimbus Sans'}
      pre{font-family:'${f}';margin:0} pre.id{margin:5pt 0;font-size:8.4pt} .t{font-weight:bold;text-align:center;border-top:1px solid #000;border-bottom:1px solid #000;margin:3pt 0 6pt 0}
      pre.res{font-size:8.2pt;line-height:1.3} pre.ft{margin-top:10pt;font-size:7.6pt}`;
    const footer = pageFooter(f, `${esc(nm)}  HRN ${hrn}  -- CONFIDENTIAL PATIENT INFORMATION --`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f, 'Nimbus Sans'], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.performingLab } };
  },
};

// lab.e3 (reflab): STATE PUBLIC HEALTH LABORATORY clinical report (state Department of Health laboratory
// services division): state seal, "CLINICAL LABORATORY REPORT", a two-column block SUBMITTER (clinic, address) |
// PATIENT (`Name: Testbury, Harold J`, `Date of Birth: 1950-03-04`, `Sex`, `Patient ID`), specimen data with ISO
// dates (`Collection Date: 2024-03-14 10:32`, `Date Received`, `Date Reported`), then a results table with the
// column order LOINC / Test / Method / Result / Units / Reference / Interpretation, where Interpretation spells
// `ABNORMAL HIGH` / `ABNORMAL LOW` / `ABNORMAL` (and `NORMAL` on unflagged rows), and the laboratory director's
// certification statement.
const labE3 = {
  id: 'lab.e3', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['State Public Health Laboratory', 'Department of Health Laboratory Services'],
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'full', rangeStyle: 'h' }, { H: 'ABNORMAL HIGH', L: 'ABNORMAL LOW', A: 'ABNORMAL' });
    const method = (r) => (r.gt.specimen === 'urine' ? 'Reflectance strip' : ['WBC', 'RBC', 'HGB', 'HCT', 'PLT', 'MCV', 'MCH', 'MCHC', 'RDW', 'MPV'].includes(r.key) ? 'Impedance' : /P$|A$/.test(r.key) && r.key.length > 3 ? 'Flow cytometry' : ['NA', 'K', 'CL'].includes(r.key) ? 'ISE' : ['TSH', 'FT4', 'VITD', 'PSA', 'B12', 'FERR'].includes(r.key) ? 'CLIA' : r.key === 'A1C' ? 'HPLC' : 'Photometric');
    const rows = panels.map((P) => `<tr class="ph"><td colspan="7">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="lc">${r.loinc}</td><td>${esc(r.name)}</td><td class="me">${method(r)}</td><td class="v">${esc(r.value)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td><td class="fl">${r.flag ? `<b>${esc(r.flagPrinted)}</b>` : 'NORMAL'}</td></tr>`).join('')).join('');
    const nm = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle : ''}`;
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const iso = (dt) => `${dt.slice(0, 10)} ${fmtTime(dt, '24')}`;
    const sub = doc.client || doc.facility;
    const body = `
      <table class="hd"><tr><td style="width:50pt">${eagle(44)}</td><td><div class="st">STATE DEPARTMENT OF HEALTH</div><div class="fn">${esc(doc.labName)}</div><div class="sm">Division of Laboratory Services &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="rt">CLINICAL LABORATORY REPORT<div class="sm">Lab No. ${doc.accession}</div></td></tr></table>
      <table class="two"><tr><td><div class="k">SUBMITTER</div>${esc(sub.name)}<br>${esc(fmtAddr(sub.address))}<br>Attn: ${esc(provName(doc.provider))}</td>
      <td><div class="k">PATIENT</div>Name: <b>${esc(nm)}</b><br>Date of Birth: ${p.dob} &nbsp; Sex: ${p.sex}<br>Patient ID: ${esc(doc.mrn)}</td></tr></table>
      <table class="sd"><tr><td>Collection Date: ${iso(doc.collected)}</td><td>Date Received: ${iso(doc.received)}</td><td>Date Reported: ${iso(doc.reported)}</td><td>Specimen: ${doc.panels.includes('UA') ? 'Serum; whole blood; urine' : 'Serum; whole blood'}</td></tr></table>
      <table class="res"><thead><tr><th>LOINC</th><th>Test</th><th>Method</th><th>Result</th><th>Units</th><th>Reference</th><th>Interpretation</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep ce">I certify that the tests above were performed by this laboratory in accordance with CLIA (42 CFR 493), certificate ${doc.clia}. ${esc(provName(doc.lab_director))}, Laboratory Director. Report status: ${esc(doc.status)}.</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:middle}.st{font-size:8pt;letter-spacing:2pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.4pt;font-weight:normal}.rt{text-align:right;font-weight:bold;font-size:11pt}
      table.two{width:100%;margin:6pt 0} table.two td{width:50%;vertical-align:top;border:1px solid #000;padding:3pt 6pt}.k{font-size:7pt;font-weight:bold;letter-spacing:1pt}
      table.sd{width:100%;margin-bottom:5pt} table.sd td{padding:1pt 4pt;font-size:8.4pt}
      table.res{width:100%} table.res th{background:#e4e4e4;text-align:left;font-size:7.8pt;padding:2pt 3pt;border-bottom:1px solid #000} table.res td{padding:1pt 3pt;border-bottom:0.4px solid #bbb}
      tr.ph td{font-weight:bold;padding-top:5pt;border-bottom:1px solid #000}.lc{font-size:7.4pt;width:0.6in}.me{font-size:7.6pt;font-style:italic} td.v{font-weight:bold} td.fl{font-size:7.8pt}
      .ce{margin-top:10pt;font-size:7.6pt;border-top:0.75px solid #000;padding-top:3pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${p.dob} &middot; Lab No. ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.5, 0.5), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.labName } };
  },
};

// lab.e4 (reflab): BILINGUAL SPANISH–ENGLISH LAB REPORT (Puerto Rico / border-region clinical laboratory):
// "INFORME DE LABORATORIO / LABORATORY REPORT", caption pairs `Nombre / Name`, `Fecha de nacimiento / Date of
// birth` (day-first Spanish short date `04/mar/1950`), `Sexo / Sex M`, `Médico / Physician`, `Fecha de toma /
// Collected 14/mar/2024 10:32`; a table Prueba / Test, Resultado / Result, Indicador / Flag, Unidades / Units,
// Valores de referencia / Reference values; English test name with the SPANISH GLOSS ON ITS OWN LINE under it
// (small italics); flags `H (alto)` / `L (bajo)` / `A (anormal)`; section heads `QUÍMICA / CHEMISTRY`.
const labE4 = {
  id: 'lab.e4', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Laboratorio Clínico Bilingüe', 'Laboratorio Clínico del Sur'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'abbr', rangeStyle: 'e' }, { H: 'H (alto)', L: 'L (bajo)', A: 'A (anormal)' });
    const cap = (es, en) => `<span class="ce">${es}</span> / <span class="cn">${en}</span>`;
    const rows = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(PANEL_ES[P.key] || P.name.toUpperCase())}</td></tr>` + P.rows.map((r) =>
      `<tr><td>${esc(r.name)}${ES[r.key] && ES[r.key] !== r.name ? `<div class="gl">${esc(ES[r.key])}</div>` : ''}</td><td class="v">${esc(r.value)}</td><td class="fl">${esc(r.flagPrinted)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>`).join('')).join('');
    const nm = `${p.first}${p.middle ? ' ' + p.middle : ''} ${p.last}`;
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const kv = (es, en, v) => `<tr><td class="k">${cap(es, en)}</td><td>${v}</td></tr>`;
    const body = `
      <div class="hd"><div class="fn">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Tel. ${fmtPhone(doc.facility.phone)} &middot; Licencia / License ${rng.int(1000, 9999)} &middot; CLIA ${doc.clia}</div></div>
      <div class="t">INFORME DE LABORATORIO <span class="tn">/ LABORATORY REPORT</span></div>
      <table class="id"><tr><td><table>${kv('Nombre', 'Name', `<b>${esc(nm)}</b>`)}${kv('Fecha de nacimiento', 'Date of birth', esShort(p.dob))}${kv('Sexo', 'Sex', p.sex === 'F' ? 'F (femenino)' : 'M (masculino)')}${kv('Núm. de expediente', 'Record no.', esc(doc.mrn))}</table></td>
      <td><table>${kv('Médico', 'Physician', esc(provName(doc.provider)))}${kv('Fecha de toma', 'Collected', `${esShort(doc.collected)} ${fmtTime(doc.collected, '24')}`)}${kv('Fecha de informe', 'Reported', `${esShort(doc.reported)} ${fmtTime(doc.reported, '24')}`)}${kv('Núm. de orden', 'Order no.', doc.accession)}</table></td></tr></table>
      <table class="res"><thead><tr><th>${cap('Prueba', 'Test')}</th><th>${cap('Resultado', 'Result')}</th><th>${cap('Indicador', 'Flag')}</th><th>${cap('Unidades', 'Units')}</th><th>${cap('Valores de referencia', 'Reference values')}</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep nt">Valores fuera de rango marcados: H = alto / high, L = bajo / low, A = anormal / abnormal. Los valores de referencia dependen del método. / Reference values are method-dependent.<br>Estado / Status: ${esc(doc.status)} &middot; Director(a) del laboratorio / Laboratory director: ${esc(provName(doc.lab_director))}</div>`;
    const css = baseCss(f, 9) + `
      .hd{text-align:center;border-bottom:2px solid #000;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.4pt}
      .t{font-size:12pt;font-weight:bold;margin:6pt 0 4pt 0}.tn{font-weight:normal;font-style:italic}
      table.id{width:100%;border:1px solid #000;margin-bottom:6pt} table.id>tbody>tr>td{vertical-align:top;width:50%;padding:2pt 4pt} table.id td td{padding:0.8pt 3pt}.k{width:1.9in;font-size:8pt}
      .ce{font-weight:bold}.cn{font-style:italic}
      table.res{width:100%} table.res th{text-align:left;font-size:7.8pt;border-bottom:1.2px solid #000;padding:2pt 3pt;vertical-align:bottom} table.res td{padding:1pt 3pt;border-bottom:0.4px solid #ccc;vertical-align:top}
      tr.ph td{font-weight:bold;padding-top:6pt;border-bottom:0.8px solid #000}.gl{font-size:7pt;font-style:italic;color:#333} td.v{font-weight:bold} td.fl{font-weight:bold}
      .nt{margin-top:10pt;font-size:7.6pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${esShort(p.dob)} &middot; ${doc.accession}`, 'Página <span class="pageNumber"></span> de <span class="totalPages"></span> / Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.labName } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.e1 (hospital): CORRECTIONAL HEALTH SERVICES "INFIRMARY DISCHARGE / INTER-FACILITY TRANSFER HEALTH
// SUMMARY" (state department of corrections, or the juvenile justice division for a minor): `Name: TESTBURY,
// Harold J`, `DOC #` (or `Youth ID`), `DOB 03/04/1950`, housing unit, security level; `Infirmary admit: 03/10/2024`,
// `Discharge / transfer: 03/14/2024`, "Transferring facility" -> "Receiving facility", reason for infirmary
// admission, diagnoses as `ICD-10 code — description`, course, KOP (keep-on-person) / DOT (directly observed)
// medication table, "Chronic care clinics enrolled", "Pending appointments (outside)", nurse + provider signatures.
const dsE1 = {
  id: 'discharge.e1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const kid = p.age < 18;
    const nm = `${p.last.toUpperCase()}, ${p.first}${p.middle ? ' ' + p.middle : ''}`;
    const idNo = rng.digits(kid ? 6 : 8);
    const recv = `${rng.pick(['North', 'Central', 'River Valley', 'Eastern'])} ${kid ? 'Youth Development Center' : rng.pick(['Correctional Facility', 'Correctional Center', 'Reception & Diagnostic Center'])}`;
    const mode = (m) => (/insulin|apixaban|warfarin|sertraline|escitalopram|bupropion/i.test(m.name) ? 'DOT' : 'KOP');
    const stat = { Continue: 'Continue', New: 'NEW', Changed: 'Dose changed', Stop: 'STOP' };
    const meds = doc.medications.map((m) => `<tr><td>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td class="c">${mode(m)}</td><td>${stat[m.status] || 'Continue'}</td></tr>`).join('');
    const body = `
      <div class="ag">${kid ? 'DIVISION OF JUVENILE JUSTICE' : 'DEPARTMENT OF CORRECTIONS'} &middot; HEALTH SERVICES</div>
      <div class="fn">${esc(doc.facility.name)} &mdash; ${kid ? 'Health Unit' : 'Infirmary'}</div>
      <div class="t">INFIRMARY DISCHARGE / TRANSFER HEALTH SUMMARY</div>
      <table class="g">
      <tr><td class="k">Name</td><td><b>${esc(nm)}</b></td><td class="k">${kid ? 'Youth ID' : 'DOC #'}</td><td>${idNo}</td></tr>
      <tr><td class="k">DOB</td><td>${mdy(p.dob)} (age ${p.age})</td><td class="k">Housing</td><td>${rng.pick(['Unit B-2', 'Infirmary bed 4', 'C-Pod 12', 'Medical unit 2'])}</td></tr>
      <tr><td class="k">Infirmary admit</td><td>${mdy(doc.admit_date)}</td><td class="k">Discharge / transfer</td><td>${mdy(doc.discharge_date)}</td></tr>
      <tr><td class="k">Transferring facility</td><td>${esc(doc.facility.name)}</td><td class="k">Receiving facility</td><td>${esc(recv)}</td></tr>
      <tr><td class="k">Medical record #</td><td>${esc(doc.mrn)}</td><td class="k">Provider</td><td>${esc(provName(doc.provider))}</td></tr></table>
      <div class="h">Reason for infirmary admission</div><p>${esc(doc.hpi)} Outside hospital evaluation was ${rng.pick(['not required', 'obtained in the emergency department and the patient returned the same day'])}.</p>
      <div class="h">Diagnoses</div>${doc.diagnoses.map((x) => `<p class="in">${x.code} &mdash; ${esc(x.description)}${x.principal ? ' (primary)' : ''}</p>`).join('')}
      <div class="h">Course</div><p>${doc.course.map(esc).join(' ')}</p>
      ${doc.procedures.length ? `<div class="h">Procedures</div><p>${doc.procedures.map(esc).join('; ')}</p>` : ''}
      <div class="h">Medications at transfer</div>
      <table class="mt"><thead><tr><th>Medication</th><th>Directions</th><th class="c">KOP / DOT</th><th>Status</th></tr></thead><tbody>${meds}</tbody></table>
      <div class="h">Allergies</div><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join('; ') : 'NKDA'}</p>
      <div class="h">Condition, restrictions and follow-up</div><p>Condition at discharge: ${esc(doc.condition)}. Activity: ${esc(doc.activity)}. Diet: ${esc(doc.diet)}. Follow up: ${doc.followup.map(esc).join('; ')}. Chronic care clinic: ${rng.pick(['Hypertension / cardiovascular', 'Diabetes', 'Pulmonary', 'General medicine'])}.${doc.pending.length ? ' Pending at transfer: ' + doc.pending.map(esc).join(', ') + '.' : ''}</p>
      <table class="sg"><tr><td>${signatureSvg(rng, 110, 24)}${esc(provName(doc.provider))}<br><span class="sm">Facility physician &middot; ${mdy(doc.signed)} ${fmtTime(doc.signed, '24')}</span></td><td>${signatureSvg(rng, 90, 22)}${rng.pick(['R. Fauxley, RN', 'D. Mocksen, LPN', 'T. Samplor, RN'])}<br><span class="sm">Transfer nurse</span></td></tr></table>`;
    const css = baseCss(f, 9.3) + `
      .ag{font-size:8pt;letter-spacing:2pt;text-align:center}.fn{font-size:13pt;font-weight:bold;text-align:center}.t{text-align:center;font-weight:bold;font-size:11.5pt;border-top:1.5px solid #000;border-bottom:1.5px solid #000;margin:5pt 0;padding:2pt}
      table.g{width:100%;border:1px solid #000} table.g td{padding:1.5pt 4pt;border:0.4px solid #999}.k{font-size:8pt;font-weight:bold;width:1.3in}
      .h{font-weight:bold;font-size:9.6pt;margin:7pt 0 1pt 0;text-decoration:underline} p{margin:1pt 0 3pt 0}.in{margin-left:12pt}
      table.mt{width:100%;border-collapse:collapse} table.mt th{text-align:left;font-size:8.2pt;border-bottom:1px solid #000;padding:1pt 2pt} table.mt td{padding:1pt 2pt;border-bottom:0.4px solid #bbb}.c{text-align:center}
      table.sg{width:100%;margin-top:12pt} table.sg td{width:50%;vertical-align:bottom}.sm{font-size:7.6pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${kid ? 'Youth ID' : 'DOC #'} ${idNo} &middot; CONFIDENTIAL HEALTH INFORMATION`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.e1 (clinic): UNIVERSITY STUDENT HEALTH CENTER "CLINIC VISIT SUMMARY" (Point-and-Click / Medicat
// manner): header with the university name and "Student Health Services", a label/value grid `Student: Testbury,
// Harold`, `Student ID 900123456`, `Birthdate 03/04/1950`, `Appointment Thu 3/14/2024 10:32 AM`, `Visit type`,
// `Provider`, then vitals as a TWO-COLUMN label/value list (Blood pressure / Pulse / Temperature / Respirations /
// Pulse ox / Height / Weight / BMI), Subjective / Objective / Assessment (`Dx: I10 Essential hypertension`) /
// Plan, medications, "Excuse note issued: no", a line on billing to the student health insurance plan.
const ovE1 = {
  id: 'office_visit.e1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = `${p.last}, ${p.first}`;
    const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][D(doc.date_of_service).getUTCDay()];
    const appt = `${doc.date_of_service}T${zpad(rng.int(8, 16))}:${rng.pick(['00', '15', '30', '45'])}`;
    const dd = (iso) => `${D(iso).getUTCMonth() + 1}/${D(iso).getUTCDate()}/${D(iso).getUTCFullYear()}`;
    const kv = (k, val) => `<tr><td class="k">${k}</td><td>${val}</td></tr>`;
    const body = `
      <table class="hd"><tr><td><div class="un">${rng.pick(['State University', 'University of the Plains', 'Lakeshore State University', 'Pioneer Valley University'])}</div><div class="fn">Student Health Services &middot; ${esc(doc.facility.name)}</div></td><td class="rt">Clinic Visit Summary</td></tr></table>
      <table class="g"><tr><td><table>${kv('Student', `<b>${esc(nm)}</b>`)}${kv('Student ID', `900${rng.digits(6)}`)}${kv('Birthdate', mdy(p.dob))}${kv('Sex', p.sex)}</table></td>
      <td><table>${kv('Appointment', `${wd} ${dd(appt)} ${fmtTime(appt, '12n')}`)}${kv('Visit type', esc(doc.visit_type))}${kv('Provider', esc(provName(doc.provider)))}${kv('Chart #', esc(doc.mrn))}</table></td></tr></table>
      <div class="h">Reason for visit</div><p>${esc(doc.chief_complaint)}</p>
      <div class="h">Subjective</div><p>${esc(doc.hpi)}</p>
      <div class="h">Vital signs</div>
      <table class="vs"><tr><td class="k">Blood pressure</td><td>${v.bp} mmHg</td><td class="k">Pulse ox</td><td>${v.spo2}%</td></tr>
      <tr><td class="k">Pulse</td><td>${v.hr} bpm</td><td class="k">Height</td><td>${v.ht_in} in</td></tr>
      <tr><td class="k">Temperature</td><td>${v.temp} &deg;F (oral)</td><td class="k">Weight</td><td>${v.wt_lb} lb</td></tr>
      <tr><td class="k">Respirations</td><td>${v.rr} /min</td><td class="k">BMI</td><td>${v.bmi}</td></tr></table>
      <div class="h">Objective</div>${doc.exam.map(([k, x]) => `<p><b>${esc(k)}:</b> ${esc(x)}</p>`).join('')}
      <div class="h">Assessment</div>${doc.diagnoses.map((x) => `<p>Dx: ${x.code} ${esc(x.description)}</p>`).join('')}
      <div class="h">Plan</div>${doc.plan.map((x) => `<p>&bull; ${esc(x)}</p>`).join('')}<p>Return: ${esc(doc.followup)}. Excuse note issued: ${rng.pick(['no', 'yes (2 days)', 'no'])}.</p>
      <div class="h">Medications</div>${doc.medications.map((m) => `<p>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} &ndash; ${esc(m.sig)}${m.status === 'New' ? ' (new)' : ''}</p>`).join('') || '<p>None reported</p>'}
      <p><b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'No known allergies'}</p>
      <p class="sm">Charges for this visit are billed to the Student Health Insurance Plan when enrolled. Signed electronically by ${esc(provName(doc.provider))} on ${dd(doc.signed)} at ${fmtTime(doc.signed, '12n')}.</p>`;
    const css = baseCss(f, 9.2) + `
      table.hd{width:100%;border-bottom:3px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.un{font-size:14pt;font-weight:bold}.fn{font-size:9pt}.rt{text-align:right;font-size:12pt}
      table.g{width:100%;margin:6pt 0;background:#eee} table.g>tbody>tr>td{vertical-align:top;width:50%;padding:2pt 4pt} table.g td td{padding:0.6pt 4pt} .k{font-weight:bold;font-size:8.2pt;width:1.1in}
      .h{font-weight:bold;font-size:9.8pt;margin:6pt 0 1pt 0;color:#000;border-bottom:0.5px solid #666} p{margin:1pt 0 2pt 0}
      table.vs{width:80%} table.vs td{padding:0.8pt 4pt}.sm{font-size:7.6pt;margin-top:8pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Student Health Services &middot; FERPA/HIPAA protected`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// office_visit.e2 (clinic): MILITARY TREATMENT FACILITY PRIMARY-CARE ENCOUNTER (MHS GENESIS "Clinical Note" /
// AHLTA SOAP manner): banner `TESTBURY, HAROLD J  FMP/SSN 20/XXX-XX-6789  DOB: 04MAR1950  DoD ID`, `Date of
// Service: 14MAR2024 1032`, `Clinic: Family Health (PCM Team Blue)`, `Appt type: ACUT / ROUT / EST`, S: / O: / A: /
// P: blocks, vitals as ONE pipe-separated line `VS: BP 132/84 | HR 72 | RR 16 | T 98.6F | SpO2 98% | Ht 70 in |
// Wt 180 lb | BMI 25.8`, assessment `1. Essential (primary) hypertension (I10)`, Disposition "Released w/o
// limitations", signature `Electronically signed by … on 14MAR2024 1512`.
const ovE2 = {
  id: 'office_visit.e2', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const v = doc.vitals; const rng = env.rng; const ids = milIds(rng, p);
    const nm = milName(p);
    const when = `${doc.date_of_service}T${zpad(rng.int(7, 15))}:${zpad(rng.int(0, 59))}`;
    const body = `
      <table class="bn"><tr><td class="pn">${esc(nm)}</td><td>FMP/SSN ${ids.fmp}/XXX-XX-${ids.ssn4}</td><td>DOB: ${mil(p.dob)}</td><td>DoD ID: ${ids.dodId}</td></tr></table>
      <div class="fc">${esc(doc.facility.name)} &middot; ${p.age < 18 ? 'Pediatric Clinic' : rng.pick(['Family Health Clinic', 'Internal Medicine', 'Primary Care (PCM Team Blue)', 'Primary Care (PCM Team Gold)'])}</div>
      <table class="m"><tr><td>Date of Service: <b>${milDT(when)}</b></td><td>Appt type: ${doc.visit_type === 'Preventive' ? 'WELL' : rng.pick(['ACUT', 'ROUT', 'EST'])}</td><td>Provider: ${esc(provLF(doc.provider, true))}, ${esc(doc.provider.cred)}</td></tr>
      <tr><td colspan="3">Sponsor: ${ids.fmp === '20' ? 'Self' : esc(ids.sponsor)} &middot; Beneficiary category: ${ids.fmp === '20' ? rng.pick(['ACTIVE DUTY', 'RETIREE']) : 'FAMILY MEMBER'} &middot; Reason for appointment: ${esc(doc.chief_complaint)}</td></tr></table>
      <div class="h">S:</div><p>${esc(doc.hpi)}</p><p>ROS: ${doc.ros.map(([k, x]) => `${esc(k)} &ndash; ${esc(x)}`).join(' ')}</p>
      <div class="h">O:</div><p>VS: BP ${v.bp} | HR ${v.hr} | RR ${v.rr} | T ${v.temp}F | SpO2 ${v.spo2}% | Ht ${v.ht_in} in | Wt ${v.wt_lb} lb | BMI ${v.bmi}</p>${doc.exam.map(([k, x]) => `<p class="in">${esc(k.toUpperCase())}: ${esc(x)}</p>`).join('')}
      <div class="h">A:</div>${doc.diagnoses.map((x, i) => `<p class="in">${i + 1}. ${esc(x.description)} (${x.code})</p>`).join('')}
      <div class="h">P:</div>${doc.plan.map((x) => `<p class="in">- ${esc(x)}</p>`).join('')}
      <p class="in">Medications: ${doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev || m.sig)}${m.status === 'New' ? ' [NEW]' : ''}`).join('; ') || 'none'}.</p>
      <p class="in">Allergies: ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}. Follow-up: ${esc(doc.followup)}.</p>
      <p>Disposition: Released w/o limitations. Patient verbalized understanding of the plan.</p>
      <div class="keep sg">Electronically signed by ${esc(provLF(doc.provider, true))}, ${esc(doc.provider.cred)} on ${milDT(doc.signed)}</div>`;
    const css = baseCss(f, 9.2) + `
      table.bn{width:100%;background:#cfcfcf;border:1px solid #000} table.bn td{padding:2pt 5pt}.pn{font-weight:bold;font-size:11pt}
      .fc{font-size:10pt;font-weight:bold;margin:4pt 0 2pt 0} table.m{width:100%;border-bottom:1px solid #000;margin-bottom:4pt} table.m td{padding:1pt 4pt}
      .h{font-weight:bold;font-size:10.5pt;margin:6pt 0 0 0} p{margin:1pt 0 2pt 0}.in{margin-left:14pt}.sg{margin-top:10pt;font-style:italic}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${ids.fmp}/XXX-XX-${ids.ssn4} &middot; CUI`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev || m.sig)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.e1 (clinic): BILINGUAL PATIENT INSTRUCTIONS from a community health centre, "Instrucciones para
// el paciente / Patient instructions — Sus medicamentos / Your medicines": caption pairs `Nombre / Name`, `Fecha
// de nacimiento / Date of birth 03/04/1950`, `Fecha / Date 14 de marzo de 2024`; a table Medicamento / Medicine,
// Para qué es / What it is for, Cómo tomarlo / How to take it (English sig), with a Spanish sig line under it;
// a "Dejar de tomar / Stop taking" block; allergies; "Llame si / Call if" warning signs.
const mlE1 = {
  id: 'medication_list.e1', set: SET, type: 'medication_list', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = nameFL(p);
    const cap = (es, en) => `<b>${es}</b> / <i>${en}</i>`;
    const para = { htn: ['presión arterial', 'blood pressure'], dm2: ['diabetes', 'diabetes'], hld: ['colesterol', 'cholesterol'], hypothy: ['tiroides', 'thyroid'], gerd: ['acidez', 'heartburn'], afib: ['ritmo del corazón', 'heart rhythm'], asthma: ['asma', 'asthma'], copd: ['pulmones', 'lungs'], depression: ['ánimo', 'mood'], ckd3: ['riñones', 'kidneys'] };
    const esSig = (m) => { const q = (m.frequency || '').toUpperCase(); return /BID/.test(q) ? 'dos veces al día' : /TID/.test(q) ? 'tres veces al día' : /QHS|HS/.test(q) ? 'al acostarse' : /PRN/.test(q) ? 'solo si lo necesita' : /QID/.test(q) ? 'cuatro veces al día' : 'una vez al día'; };
    const active = doc.medications.filter((m) => m.status !== 'Discontinued'); const stopped = doc.medications.filter((m) => m.status === 'Discontinued');
    const rows = active.map((m) => { const pp = para[m.condition] || ['según indicado', 'as directed']; return `<tr><td><b>${esc(m.name)} ${esc(m.strength)}</b> ${esc(m.form)}</td><td>${pp[0]} / ${pp[1]}</td><td>${esc(m.sig)}<div class="es">${esSig(m)}</div></td></tr>`; }).join('');
    const body = `
      <div class="hd"><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Centro de Salud Comunitario / Community Health Center &middot; ${fmtPhone(doc.facility.phone)}</div></div>
      <div class="t">Instrucciones para el paciente / <i>Patient instructions</i></div><div class="st">Sus medicamentos / <i>Your medicines</i></div>
      <table class="id"><tr><td>${cap('Nombre', 'Name')}: ${esc(nm)}</td><td>${cap('Fecha de nacimiento', 'Date of birth')}: ${mdy(p.dob)}</td></tr>
      <tr><td>${cap('Núm. de expediente', 'Chart no.')}: ${esc(doc.mrn)}</td><td>${cap('Fecha', 'Date')}: ${esLong(doc.date_of_service)}</td></tr></table>
      <table class="gr"><thead><tr><th style="width:34%">Medicamento / Medicine</th><th style="width:24%">Para qué es / What it is for</th><th>Cómo tomarlo / How to take it</th></tr></thead><tbody>${rows}</tbody></table>
      ${stopped.length ? `<div class="h">Dejar de tomar / <i>Stop taking</i></div>${stopped.map((m) => `<p>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</p>`).join('')}` : ''}
      <div class="h">Alergias / <i>Allergies</i></div><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join('; ') : 'Ninguna conocida / None known'}</p>
      <div class="h">Llame si / <i>Call if</i></div><p>tiene mareos, sangrado o una reacción alérgica / you have dizziness, bleeding or an allergic reaction. ${fmtPhone(doc.facility.phone)}</p>
      <p class="sg">${esc(provName(doc.provider))} &middot; ${rng.pick(['M. Samplera, MA', 'L. Testarosa, RN', 'J. Mockado, PharmD'])} (intérprete / interpreter ${rng.pick(['in person', 'by phone', 'video'])})</p>`;
    const css = baseCss(f, 9.4) + `
      .hd{border-bottom:2px solid #000;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.6pt}
      .t{font-size:15pt;margin-top:8pt}.st{font-size:11pt;margin-bottom:6pt}
      table.id{width:100%;border:1px solid #000;margin-bottom:8pt} table.id td{padding:2pt 5pt;width:50%}
      table.gr{width:100%;border-collapse:collapse} table.gr th{text-align:left;background:#ddd;border:1px solid #000;font-size:8.2pt;padding:2pt} table.gr td{border:1px solid #000;padding:2pt 3pt;vertical-align:top}.es{font-size:7.8pt;font-style:italic}
      .h{font-weight:bold;margin:8pt 0 1pt 0} p{margin:1pt 0 2pt 0}.sg{margin-top:10pt;font-size:8.2pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${mdy(p.dob)}`, 'Página <span class="pageNumber"></span> / Page <span class="pageNumber"></span>');
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION =======================
// immunization.e1 (clinic): UNIVERSITY STUDENT HEALTH "IMMUNIZATION COMPLIANCE" printout: `Student: TESTBURY,
// HAROLD J`, `Student ID`, `Date of birth 03/04/1950`, `Report run 03/14/2024 10:32`, a big status box
// `COMPLIANT` / `NOT COMPLIANT — REGISTRATION HOLD`, a REQUIREMENTS table (requirement / status Met / Not met /
// Exempt), then "Doses on file" Vaccine / Date given (YYYY-MM-DD) / Dose / Lot / Source (`State IIS`,
// `Provider record`, `SHC administered`) where the CVX name is printed.
const imE1 = {
  id: 'immunization.e1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle : ''}`;
    const has = (re) => doc.immunizations.some((s) => re.test(s.vaccine));
    const req = [['MMR (2 doses)', has(/MMR/)], ['Hepatitis B series', has(/Hep B/)], ['Tdap within 10 years', has(/Tdap/)], ['Meningococcal ACWY (age 21 and under)', p.age > 21 ? 'Exempt' : has(/Meningococcal/)], ['TB screening questionnaire', 'Met'], ['Influenza (recommended)', has(/Influenza/)]];
    const ok = req.every(([, s]) => s === true || s === 'Met' || s === 'Exempt');
    const st = (s) => (s === true || s === 'Met' ? 'Met' : s === 'Exempt' ? 'Exempt' : 'Not met');
    const rows = doc.immunizations.map((s) => `<tr><td>${esc(s.vaccine)}</td><td>${s.date}</td><td class="c">${s.dose_number ?? ''}</td><td>${esc(s.lot)}</td><td>${rng.pick(['State IIS', 'Provider record', 'SHC administered'])}</td></tr>`).join('');
    const run = `${doc.date_of_service}T${zpad(rng.int(8, 17))}:${zpad(rng.int(0, 59))}`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Student Health Services &middot; Immunization Compliance Office &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="rt">IMMUNIZATION<br>COMPLIANCE REPORT</td></tr></table>
      <table class="id"><tr><td>Student: <b>${esc(nm)}</b></td><td>Student ID: ${rng.digits(9)}</td></tr><tr><td>Date of birth: ${mdy(p.dob)}</td><td>Report run: ${mdy(run)} ${fmtTime(run, '24')}</td></tr></table>
      <div class="sb ${ok ? '' : 'no'}">STATUS: ${ok ? 'COMPLIANT' : 'NOT COMPLIANT &mdash; REGISTRATION HOLD'}</div>
      <div class="h">Requirements</div>
      <table class="rq"><tbody>${req.map(([k, s]) => `<tr><td>${k}</td><td class="${st(s) === 'Not met' ? 'b' : ''}">${st(s)}</td></tr>`).join('')}</tbody></table>
      <div class="h">Doses on file</div>
      <table class="ds"><thead><tr><th>Vaccine</th><th>Date given</th><th class="c">Dose</th><th>Lot</th><th>Source</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm nt">Upload missing records through the patient portal or bring them to the Immunization Compliance Office. Holds are released within two business days after records are verified. Record no. ${esc(doc.mrn)}.</p>`;
    const css = baseCss(f, 9.4) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.6pt}.rt{text-align:right;font-weight:bold;font-size:11pt}
      table.id{width:100%;margin:6pt 0} table.id td{padding:1.5pt 4pt}
      .sb{border:2.5px solid #000;text-align:center;font-size:14pt;font-weight:bold;padding:4pt;margin:6pt 0}.sb.no{background:#ddd}
      .h{font-weight:bold;font-size:10pt;margin:8pt 0 2pt 0} table.rq{width:70%} table.rq td{border-bottom:0.5px solid #999;padding:1pt 4pt}.b{font-weight:bold}
      table.ds{width:100%;border-collapse:collapse} table.ds th{text-align:left;border-bottom:1.2px solid #000;font-size:8.2pt;padding:1.5pt 3pt} table.ds td{padding:1pt 3pt;border-bottom:0.4px solid #bbb}.c{text-align:center}.nt{margin-top:10pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Immunization compliance`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, immunizations: doc.immunizations.map((s) => immGt(s, s.vaccine)) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.e1 (hospital): VA MEDICAL CENTER RADIOLOGY report printed from VistA Imaging / RAD-NUC MED, monospace:
// `TESTBURY,HAROLD J   XXX-XX-6789   DOB-MAR 4,1950`, `Exm Date: MAR 14, 2024@10:32`, `Req Phys:` / `Pat Loc:` /
// `Att Phys:` / `Img Loc:` pairs, `(Case 1234 COMPLETE) CT ABDOMEN ... CPT:74177`, `Reason for Study:`, `Clinical
// History:`, `Report Status: Verified  Date Reported: MAR 14, 2024  Date Verified: MAR 15, 2024`, `Verifier
// E-Sig:/ES/…`, `Report:` and `Impression:` paragraphs, `Primary Diagnostic Code:`.
const radE1 = {
  id: 'radiology.e1', set: SET, type: 'radiology_report', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const nm = vistaName(p); const ssn4 = rng.digits(4);
    const rep = doc.signed; const ver = `${addDaysIso(doc.signed, rng.int(0, 1))}T${zpad(rng.int(7, 17))}:${zpad(rng.int(0, 59))}`;
    const wrap = (s, n = 78) => { const out = []; let line = ''; for (const w of s.split(/\s+/)) { if ((line + ' ' + w).trim().length > n) { out.push(line); line = w; } else line = (line + ' ' + w).trim(); } if (line) out.push(line); return out.map((l) => '   ' + l).join('\n'); };
    const two = (a, b) => `${pad(a, 44)}${b}`;
    const txt = [
      two(`${nm}`, `XXX-XX-${ssn4}   DOB-${vista(p.dob).replace(', ', ',')}`),
      `Exm Date: ${vistaDT(doc.exam_datetime)}`,
      two(`Req Phys: ${provLF(doc.provider, true).replace(', ', ',')}`, `Pat Loc: ${rng.pick(['PRIMARY CARE', 'ER', 'MEDICINE 4W', 'CBOC'])}`),
      two(`Att Phys: ${provLF(doc.provider, true).replace(', ', ',')}`, `Img Loc: ${doc.modality === 'CT' ? 'CT SCAN' : doc.modality === 'MR' ? 'MRI' : 'RADIOLOGY'}`),
      two(`Service: Unknown`, ''),
      '',
      ` (Case ${rng.int(100, 9999)} COMPLETE) ${doc.exam.toUpperCase()}  CPT:${doc.cpt}`,
      '',
      '    Reason for Study: ' + doc.indication,
      '',
      '    Clinical History:',
      wrap(doc.indication + '. Comparison: ' + doc.comparison),
      '',
      two(`    Report Status: Verified`, `Date Reported: ${vista(rep)}`),
      two('', `Date Verified: ${vista(ver)}`),
      `    Verifier E-Sig:/ES/${provName(doc.radiologist).toUpperCase()}`,
      '',
      '    Report:',
      wrap('Technique: ' + doc.technique),
      ...doc.findings.map((x) => wrap(x)),
      '',
      '    Impression:',
      ...doc.impression.map((x, i) => wrap(`${i + 1}. ${x}`)),
      ...(doc.birads !== null && doc.birads !== undefined ? [wrap(`BI-RADS category ${doc.birads}.`)] : []),
      '',
      `    Primary Diagnostic Code: ${doc.impression.some((x) => /normal|no acute|negative/i.test(x)) ? 'NORMAL' : 'ABNORMALITY, ATTN. NEEDED'}`,
      '',
      `Primary Interpreting Staff:`,
      `  ${provName(doc.radiologist).toUpperCase()}, Staff Physician`,
      `/${rng.letters(3)}`,
    ].join('\n');
    const body = `
      <div class="hd">${esc(doc.facility.name.toUpperCase())} (VAMC) &middot; RADIOLOGY/NUCLEAR MEDICINE</div>
      <div class="t">MAS Radiology Report</div>
      <pre>${esc(txt)}</pre>`;
    const css = baseCss(f, 8.8) + `
      .hd{font-weight:bold;border-bottom:1px solid #000;padding-bottom:2pt}.t{text-align:center;margin:3pt 0 6pt 0;font-weight:bold}
      pre{font-family:'${f}';font-size:8.6pt;margin:0;white-space:pre-wrap;line-height:1.25}`;
    const footer = pageFooter(f, `${esc(nm)}  XXX-XX-${ssn4}  *** CONFIDENTIAL ***`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.e1 (clinic): VA COMMUNITY CARE REFERRAL AND AUTHORIZATION (Office of Integrated Veteran Care / HSRM
// print sent to a community provider): "Department of Veterans Affairs" banner, `Veteran: TESTBURY, HAROLD J`,
// `SSN (last 4): 6789`, `DOB: 03/04/1950`, `Referral #: VA0012345678`, `Referral date: 03/14/2024`, `Authorized
// from 03/14/2024 through 09/10/2024` (the end date LATER than the service date), `Category of care`, `SEOC`,
// `Program: VCCP`, referring VA provider block, community provider block, provisional diagnoses `I10 — …`,
// "Clinical information / reason for request", "Services authorized" list, return-records instructions with the VA
// fax number.
const refE1 = {
  id: 'referral.e1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const nm = milName(p);
    const until = addDaysIso(doc.date_of_service, 180);
    const refNo = `VA00${rng.digits(8)}`;
    const kv = (k, v) => `<tr><td class="k">${k}</td><td>${v}</td></tr>`;
    const body = `
      <table class="hd"><tr><td style="width:48pt">${eagle(42)}</td><td><div class="va">U.S. DEPARTMENT OF VETERANS AFFAIRS</div><div class="fn">${esc(doc.facility.name)} &middot; Community Care Office</div><div class="sm">Office of Integrated Veteran Care &middot; Fax ${fmtPhone(doc.facility.fax)} &middot; Phone ${fmtPhone(doc.facility.phone)}</div></td></tr></table>
      <div class="t">COMMUNITY CARE REFERRAL AND AUTHORIZATION</div>
      <table class="two"><tr><td><table>${kv('Veteran', `<b>${esc(nm)}</b>`)}${kv('SSN (last 4)', rng.digits(4))}${kv('DOB', mdy(p.dob))}${kv('Phone', fmtPhone(p.phone))}</table></td>
      <td><table>${kv('Referral #', refNo)}${kv('Referral date', mdy(doc.date_of_service))}${kv('Authorized', `from ${mdy(doc.date_of_service)} through ${mdy(until)}`)}${kv('Program', rng.pick(['VCCP', 'VCCP (urgent)', 'CCN Region 2']))}</table></td></tr></table>
      <table class="one">${kv('Category of care', esc(doc.specialty.toUpperCase()))}${kv('SEOC', `${esc(doc.specialty.toUpperCase())} CONSULT AND TREATMENT 1.${rng.int(2, 9)}.${rng.int(1, 12)}`)}${kv('Priority', esc(doc.urgency))}${kv('Visits authorized', doc.visits_authorized ? String(doc.visits_authorized) : 'Per SEOC')}</table>
      <table class="two"><tr><td><div class="k">REFERRING VA PROVIDER</div>${esc(provName(doc.provider))}<br>${esc(doc.facility.name)}</td><td><div class="k">COMMUNITY PROVIDER</div>${esc(provName(to))}<br>${esc(doc.to_facility.name)}<br>NPI ${rng.digits(10)}</td></tr></table>
      <div class="h">Provisional diagnosis</div>${doc.diagnoses.map((x) => `<p class="in">${x.code} &mdash; ${esc(x.description)}</p>`).join('')}
      <div class="h">Reason for request / clinical information</div><p>${esc(doc.reason)}. Please evaluate and treat within the authorized SEOC. Pertinent records attached: ${doc.enclosures.map(esc).join('; ')}.</p>
      <div class="h">Current VA medications</div>${doc.medications.length ? doc.medications.map((m) => `<p class="in">${esc(m.name)} ${esc(m.strength)} &ndash; ${esc(m.sig)}</p>`).join('') : '<p class="in">None</p>'}
      <div class="h">Allergies</div><p class="in">${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'No known allergies'}</p>
      <div class="rt">RETURN MEDICAL DOCUMENTATION within 30 days of the first appointment to the Community Care Office, fax ${fmtPhone(doc.facility.fax)}, referencing referral # ${refNo}. Services outside this authorization require a request for services (RFS, VA Form 10-10172). ${doc.auth_number ? `Prior authorization ${esc(doc.auth_number)}.` : ''}</div>`;
    const css = baseCss(f, 9.2) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:middle}.va{font-size:8pt;letter-spacing:1.5pt;font-weight:bold}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7.4pt}
      .t{text-align:center;font-weight:bold;font-size:12pt;margin:6pt 0;letter-spacing:1pt}
      table.two{width:100%;margin:4pt 0} table.two>tbody>tr>td{width:50%;vertical-align:top;border:1px solid #000;padding:2pt 5pt} table.two td td{padding:0.8pt 3pt}
      table.one{width:100%;border:1px solid #000;margin:4pt 0} table.one td{padding:1pt 5pt}.k{font-weight:bold;font-size:8pt;width:1.3in}
      .h{font-weight:bold;margin:6pt 0 1pt 0;font-size:9.6pt} p{margin:1pt 0 2pt 0}.in{margin-left:12pt}
      .rt{margin-top:10pt;border:1.5px solid #000;padding:4pt 6pt;font-size:8.2pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Referral ${refNo} &middot; VA Community Care`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.e1 (payer): TRICARE EXPLANATION OF BENEFITS (regional contractor print): "TRICARE® Explanation of
// Benefits — THIS IS NOT A BILL", `Date of notice: March 21, 2024`, a SPONSOR block (sponsor name, `Sponsor SSN/DBN:
// XXX-XX-6789`) separate from the BENEFICIARY / PATIENT block (`Patient: Harold J Testbury`, `DOB`, `DoD ID`) — for a
// family member the sponsor is another person —, claim number, claim received date, then the service lines with
// a FROM–TO date range per line (`03/14/24 - 03/14/24`), Services (CPT), Amount billed / TRICARE allowed / Paid /
// See remarks codes, the beneficiary share, remark-code legend, appeal paragraph.
const billE1 = {
  id: 'billing.e1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const t = doc.totals; const rng = env.rng; const ids = milIds(rng, p);
    const nm = `${p.first}${p.middle ? ' ' + p.middle : ''} ${p.last}`;
    const sponsor = ids.fmp === '20' ? nm : ids.sponsor.split(', ').reverse().map((s) => s[0] + s.slice(1).toLowerCase()).join(' ');
    const s2 = (iso) => fmtDate(iso, 'us-short');
    const received = addDaysIso(doc.processed, -rng.int(5, 20));
    const rows = doc.lines.map((l) => `<tr><td>${s2(l.date)} - ${s2(l.date)}</td><td>${esc(l.description)}<br><span class="sm">(${l.cpt})</span></td><td class="r">${money(l.billed)}</td><td class="r">${money(l.allowed)}</td><td class="r">${money(l.paid)}</td><td class="r">${money(l.patient_resp)}</td><td class="c">${l.patient_resp ? rng.pick(['1, 4', '2', '4']) : '3'}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="tc">TRICARE<sup>&reg;</sup></div><div class="sm">${esc(doc.payer)} &middot; Regional contractor for the Defense Health Agency</div></td><td class="rt">Explanation of Benefits<div class="nb">THIS IS NOT A BILL</div></td></tr></table>
      <table class="blk"><tr><td><div class="k">SPONSOR</div>${esc(sponsor)}<br>Sponsor SSN/DBN: XXX-XX-${ids.ssn4}</td>
      <td><div class="k">BENEFICIARY / PATIENT</div><b>${esc(nm)}</b><br>DOB ${mdy(p.dob)} &middot; DoD ID ${ids.dodId}<br>${esc(p.address.line1)}, ${esc(p.address.city)}, ${esc(p.address.state)} ${esc(p.address.zip)}</td>
      <td><div class="k">CLAIM</div>Date of notice: ${monthDY(doc.processed)}<br>Claim number: ${doc.claim_number}<br>Claim received: ${mdy(received)}<br>Plan: ${ids.fmp === '20' && p.age >= 65 ? 'TRICARE For Life' : rng.pick(['TRICARE Prime', 'TRICARE Select'])}</td></tr></table>
      <p>Services provided by: <b>${esc(doc.client?.name || (doc.provider ? provName(doc.provider) : ''))}</b> &middot; Network provider &middot; Member ID ${doc.member_id}</p>
      <table class="it"><thead><tr><th>Date of services</th><th>Services provided</th><th class="r">Amount billed</th><th class="r">TRICARE allowed</th><th class="r">Paid to provider</th><th class="r">Beneficiary share</th><th class="c">See remarks</th></tr></thead><tbody>${rows}
      <tr class="tt"><td colspan="2">Claim totals</td><td class="r">${money(t.billed)}</td><td class="r">${money(t.allowed)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.patient_resp)}</td><td></td></tr></tbody></table>
      <p>Of the beneficiary share, ${money(t.deductible)} was applied to the deductible, ${money(t.copay)} is copayment and ${money(t.coinsurance)} cost-share. Catastrophic cap met to date: ${money(rng.int(0, 900))}.</p>
      <p class="sm"><b>Remarks:</b> 1 &ndash; Amount applied to the annual deductible. 2 &ndash; Copayment. 3 &ndash; Paid in full by TRICARE. 4 &ndash; Cost-share. The network provider may not bill you for amounts above the TRICARE allowed amount.</p>
      <p class="sm">If you disagree with this decision you may request a reconsideration in writing within 90 days of the date of this notice. Questions: ${fmtPhone(doc.facility.phone, 'one')}.</p>`;
    const css = baseCss(f, 9.2) + `
      table.hd{width:100%;border-bottom:2.5px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.tc{font-size:20pt;font-weight:bold;letter-spacing:1pt}.rt{text-align:right;font-size:13pt;font-weight:bold}.nb{font-size:9pt;letter-spacing:1pt}
      .sm{font-size:7.6pt} table.blk{width:100%;margin:8pt 0} table.blk td{vertical-align:top;border:1px solid #000;padding:3pt 5pt;width:33%}.k{font-size:7pt;font-weight:bold;letter-spacing:1pt}
      table.it{width:100%;border-collapse:collapse;margin:6pt 0} table.it th{font-size:7.8pt;border-bottom:1.2px solid #000;text-align:left;padding:2pt} table.it td{padding:2pt;border-bottom:0.4px solid #aaa;vertical-align:top} tr.tt td{font-weight:bold;border-top:1px solid #000}`;
    const footer = pageFooter(f, `TRICARE EOB &middot; Claim ${doc.claim_number}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, billing: eobGt(doc) } };
  },
};

// billing.e2 (payer): MEDICAID MANAGED-CARE "MEMBER EXPLANATION OF BENEFITS": plan letterhead "<Payer> Community
// Plan — Medicaid", `Notice date 3/21/2024` (no zero padding), member box `Member: HAROLD J TESTBURY`, `Medicaid ID`,
// `Plan member ID`, `Date of birth`, a "claim summary" sentence, table Service date (M/D/YYYY) / Provider / Service
// (CPT) / Billed / Plan paid / You owe, the Medicaid "you may not be billed" notice, and the multilingual taglines
// block (Spanish first: "ATENCIÓN: si habla español …").
const billE2 = {
  id: 'billing.e2', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const nm = `${p.first}${p.middle ? ' ' + p.middle : ''} ${p.last}`.toUpperCase();
    const md = (iso) => `${D(iso).getUTCMonth() + 1}/${D(iso).getUTCDate()}/${D(iso).getUTCFullYear()}`;
    const prov = doc.client?.name || (doc.provider ? provName(doc.provider) : '');
    const rows = doc.lines.map((l) => `<tr><td>${md(l.date)}</td><td>${esc(prov)}</td><td>${esc(l.description)} (${l.cpt})</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.paid)}</td><td class="r">${money(l.patient_resp)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.payer)}</div><div class="sm">Community Plan &middot; Medicaid managed care &middot; Member services ${fmtPhone(doc.facility.phone, 'one')} (TTY 711)</div></td><td class="rt">Member Explanation of Benefits<div class="sm">This is not a bill</div></td></tr></table>
      <table class="mb"><tr><td>Member: <b>${esc(nm)}</b><br>Date of birth: ${md(p.dob)}<br>${esc(p.address.line1)}, ${esc(p.address.city)}, ${esc(p.address.state)} ${esc(p.address.zip)}</td>
      <td>Notice date: ${md(doc.processed)}<br>Medicaid ID: ${rng.letters(2)}${rng.digits(8)}<br>Plan member ID: ${doc.member_id}<br>Claim #: ${doc.claim_number}</td></tr></table>
      <p>We received a claim from <b>${esc(prov)}</b> for care you got on ${md(doc.date_of_service)}. Here is how we processed it.</p>
      <table class="it"><thead><tr><th>Service date</th><th>Provider</th><th>Service</th><th class="r">Billed</th><th class="r">Plan paid</th><th class="r">You owe</th></tr></thead><tbody>${rows}
      <tr class="tt"><td colspan="3">Totals</td><td class="r">${money(t.billed)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.patient_resp)}</td></tr></tbody></table>
      <p class="bx">Medicaid members may not be billed for covered services except for allowed copayments. If a provider sends you a bill, call Member Services.</p>
      <p class="sm">You have the right to appeal within 60 days of the notice date. You may also ask for a State Fair Hearing after the appeal.</p>
      <div class="tg"><p>ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística. Llame al ${fmtPhone(doc.facility.phone, 'one')} (TTY 711).</p><p>CHÚ Ý: Nếu bạn nói Tiếng Việt, có các dịch vụ hỗ trợ ngôn ngữ miễn phí dành cho bạn.</p><p>ATTENTION: If you speak another language, language assistance services, free of charge, are available to you.</p></div>`;
    const css = baseCss(f, 9.2) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.6pt}.rt{text-align:right;font-size:12pt;font-weight:bold}
      table.mb{width:100%;margin:8pt 0;border:1px solid #000} table.mb td{width:50%;vertical-align:top;padding:3pt 6pt}
      table.it{width:100%;border-collapse:collapse} table.it th{text-align:left;font-size:8pt;background:#e0e0e0;padding:2pt} table.it td{padding:2pt;border-bottom:0.4px solid #aaa} tr.tt td{font-weight:bold;border-top:1px solid #000}
      .bx{border:1.5px solid #000;padding:4pt 6pt;margin-top:8pt}.tg{margin-top:12pt;font-size:7.4pt;border-top:0.75px solid #000;padding-top:3pt} .tg p{margin:0 0 2pt 0}`;
    const footer = pageFooter(f, `${esc(doc.payer)} &middot; Member EOB &middot; ${doc.claim_number}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, billing: eobGt(doc) } };
  },
};

export default [coverE1, coverE2, labE1, labE2, labE3, labE4, dsE1, ovE1, ovE2, mlE1, imE1, radE1, refE1, billE1, billE2];
