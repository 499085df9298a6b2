// faxgen template set 'set-q': an EIGHTH stand-in for faxgen's held-out template set, independent of set-a
// (faxgen), set-v, set-w, set-u, set-t, set-s, set-r and set-z (scripts/): other layouts, type treatments and
// fax-header formats. Written without reading Vessel's extraction, page-reading or eval code. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-q/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-q ...
// faxgen's helpers are imported from $FAXGEN_DIR or, by default, ../shared/faxgen beside the repo.
// Every template keeps set-a's ground-truth (`gt`) contract (faxgen README, "Ground-truth schema"): every
// structured fact in a template's gt is printed on its page(s) in the form the gt says.
// See README.md here: this set measures generalization; do not tune extraction rules to its layouts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAXGEN = fs.realpathSync(process.env.FAXGEN_DIR ? path.resolve(process.env.FAXGEN_DIR) : path.resolve(here, '../../../shared/faxgen'));
const lib = (p) => import(pathToFileURL(path.join(FAXGEN, 'lib', p)).href);
const { baseCss, labPanels, signatureSvg, barcodeSvg, logoSvg, box, medGt, esc, pad, padL } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, phoneDigits, provName, fmtAddr, money, ageOn, addDays, parseIso, pad: zpad } = await lib('util.mjs');
const { TESTS, rangeFor } = await lib('labs.mjs');
const { MVX } = await lib('clinical.mjs');

const SET = 'set-q';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// Nimbus Sans Narrow as a BODY face (set-z only listed it as its narrow slot, no template printed in it), FreeSans;
// FreeSerif / C059 for serif; Liberation Mono / Nimbus Mono PS for monospace; the fax header line in Nimbus Sans
// Narrow or in a SERIF face (C059) - no earlier set prints its TTI in a serif or in Nimbus Sans Narrow.
export const fonts = {
  [SET]: {
    sans: ['Nimbus Sans Narrow', 'FreeSans'],
    serif: ['FreeSerif', 'C059'],
    mono: ['Liberation Mono', 'Nimbus Mono PS'],
    narrow: ['Nimbus Sans Narrow'],
    tti: ['Nimbus Sans Narrow', 'C059', 'Nimbus Sans Narrow'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates and names as printed
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DOW = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const dp = (iso) => { const d = parseIso(iso); return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), w: d.getUTCDay() }; };
const dMonY = (iso) => { const x = dp(iso); return `${x.d}-${MON[x.m]}-${x.y}`; };            // 4-Mar-1950
const dMonYY = (iso) => { const x = dp(iso); return `${x.d}-${MON[x.m]}-${String(x.y).slice(2)}`; }; // 14-Mar-24
const dotUS = (iso) => { const x = dp(iso); return `${zpad(x.m + 1)}.${zpad(x.d)}.${x.y}`; };      // 03.04.1950
const iso = (s) => fmtDate(s, 'iso');                                                              // 1950-03-04
const lisD = (iso_) => { const x = dp(iso_); return `${zpad(x.d)}${MON[x.m].toUpperCase()}${String(x.y).slice(2)}`; }; // 14MAR24
const longD = (iso_) => { const x = dp(iso_); return `${DOW[x.w]} ${zpad(x.m + 1)}/${zpad(x.d)}/${x.y}`; };    // Thursday 03/14/2024
const dMonthY = (iso_) => { const x = dp(iso_); return `${x.d} ${MONTH[x.m]} ${x.y}`; };          // 14 March 2024
const usNP = (s) => fmtDate(s, 'us-nopad');                                                         // 3/14/2024
const t12 = (dt) => fmtTime(dt, '12n');                                                             // 8:15 AM
const hhmm = (dt) => dt.slice(11, 16);
const nameFMIdot = (p) => `${p.first}${p.middle ? ' ' + p.middle[0] + '.' : ''} ${p.last}`;        // Harold J. Testbury
const nameLFdot = (p) => `${p.last}, ${p.first}${p.middle ? ' ' + p.middle[0] + '.' : ''}`;        // Testbury, Harold J.
const nameFL = (p) => `${p.first} ${p.last}`;
const nameLcapsF = (p) => `${p.last.toUpperCase()} ${p.first}`;                                     // TESTBURY Harold
const sexW = (s) => (s === 'F' ? 'Female' : 'Male');
const provLFc = (pr) => `${pr.last}, ${pr.first} ${pr.cred}`;
const pageFooter = (f, left, right, padIn = 0.6, size = 7.5) => `<div style="font-family:'${f}';font-size:${size}pt;box-sizing:border-box;width:100%;padding:0 ${padIn}in;display:flex;justify-content:space-between"><span>${left}</span><span>${right}</span></div>`;
const PN = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // cloud fax API (SRFax / InterFAX style delivery stamp): ISO 8601 time stamp with UTC offset, CSID in E.164, bare "2/5"
    (t) => [`${fmtDate(t.dt, 'iso')}T${hhmm(t.dt)}:${zpad(t.sec)}-05:00`, `CSID:+1${phoneDigits(t.fax)}`, t.sender.slice(0, 30), `${t.page}/${t.total}`],
    // Oki / Muratec office MFP with the TIME FIRST: "10:32 03/14/2024  SENDER  (217)555-0146  P 2 / 5"
    (t) => [`${hhmm(t.dt)} ${fmtDate(t.dt, 'us')}`, t.sender.toUpperCase().slice(0, 24), `(${t.fax.area})${t.fax.exch}-${t.fax.line}`, `P ${t.page} / ${t.total}`],
    // Kofax / Captaris labelled-field header, day/Mon/year date, page number without a total
    (t) => { const x = dp(t.dt); return [`From: ${t.sender.slice(0, 26)}`, `Fax: ${phoneDigits(t.fax)}`, `Date: ${zpad(x.d)}/${MON[x.m]}/${x.y} ${hhmm(t.dt)}`, `Pg ${zpad(t.page, 3)}`]; },
  ],
};

// ---------------------------------------------------------------- lab helpers
const rangeObj = (key, sex) => rangeFor(TESTS[key], sex);
function setFlag(r, words) { if (r.flag) { r.flagPrinted = words[r.flag]; r.gt.flag_printed = words[r.flag]; } else { r.flagPrinted = ''; r.gt.flag_printed = null; } }
function setRange(r, s) { r.range = s; r.gt.reference_range = s || null; }
function flagOf(v, r) { // flag of an older (not gt) value, from the row's bounds
  const n = Number(v); if (!Number.isFinite(n)) return '';
  if (r.gt.reference_low !== null && n < r.gt.reference_low) return 'L';
  if (r.gt.reference_high !== null && n > r.gt.reference_high) return 'H';
  return '';
}
const jitter = (rng, r, sd = 0.1) => { const dec = (r.value.split('.')[1] || '').length; return Math.max(0, r.gt.value_numeric * (1 + rng.normal(0, sd))).toFixed(dec); };

// ======================= FAX COVER SHEETS =======================
// Q1: hospital CASE MANAGEMENT / UTILIZATION REVIEW fax cover to a payer's review nurse (the sheet that goes in
// front of clinical updates for concurrent review): review-type tick boxes, stacked FROM (case manager) / TO
// (reviewer) blocks with right-aligned labels, "Pages sent (incl. cover)", date "Thursday 03/14/2024".
const coverQ1 = {
  id: 'cover.q1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const s = doc.from_facility; const rng = env.rng;
    const kinds = ['Admission notification', 'Concurrent review', 'Discharge notification', 'Retro review', 'Records as requested'];
    const ticked = rng.pick(kinds);
    const row = (l, v) => `<tr><td class="l">${l}</td><td class="v">${v}</td></tr>`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(s.name)}</div><div class="sm">Care Management / Utilization Review &middot; ${esc(fmtAddr(s.address))}</div></td><td class="r"><div class="big">FAX</div><div class="sm">Clinical information enclosed</div></td></tr></table>
      <div class="kinds">${kinds.map((k) => `<span class="nb">${box(k === ticked)}${k}</span>`).join(' &nbsp; ')}</div>
      <div class="bh">FROM</div>
      <table class="f">${row('Case manager', esc(doc.from_person))}${row('Facility', esc(s.name))}${row('Direct line', fmtPhone(s.phone, 'dot'))}${row('Return fax', fmtPhone(s.fax, 'dot'))}</table>
      <div class="bh">TO</div>
      <table class="f">${row('Reviewer', esc(doc.to_name))}${row('Plan / Org.', esc(doc.to_org || ''))}${row('Fax', fmtPhone(doc.to_fax, 'dot'))}${row('Phone', doc.to_phone ? fmtPhone(doc.to_phone, 'dot') : '')}</table>
      <table class="f" style="margin-top:8pt">${row('Date', longD(doc.date_of_service))}${row('Pages sent (incl. cover)', String(doc.pages))}${row('Regarding', esc(doc.re))}${row('Priority', doc.urgent ? '<b>URGENT &ndash; response needed today</b>' : 'Routine')}</table>
      <div class="bh">NOTES</div><div class="msg">${esc(doc.message)}</div>
      <div class="conf">This fax contains confidential patient information for utilization management purposes only (45 CFR 164.506). If received in error, call ${fmtPhone(s.phone, 'dot')} and destroy the pages. Reviewer decisions may be faxed to the return fax number above.</div>`;
    const css = baseCss(f, 10.5) + `
      table.hd{width:100%;border-bottom:4px double #000} table.hd td{vertical-align:bottom;padding-bottom:4pt}.fn{font-size:15pt;font-weight:bold}.sm{font-size:8pt}.big{font-size:40pt;font-weight:bold;line-height:1}
      .kinds{margin:10pt 0;font-size:9pt}
      .bh{margin-top:10pt;font-weight:bold;font-size:9pt;letter-spacing:2pt;border-bottom:1px solid #000}
      table.f{width:100%} table.f td{padding:3pt 4pt} td.l{width:30%;text-align:right;font-size:9pt;color:#222;border-right:1px solid #000} td.v{font-size:11pt}
      .msg{min-height:110pt;padding:6pt;font-size:11pt}
      .conf{margin-top:16pt;font-size:7.5pt;border-top:1px solid #000;padding-top:4pt}`;
    return { css, body, margins: M(0.7, 0.7, 0.75, 0.75), fonts: [f] };
  },
};

// Q2: LIS AUTOFAX delivery cover (the page a lab system such as Sunquest / Orchard prints in front of every
// auto-faxed batch): monospace, asterisk frame, "DELIVER TO", client number, "PAGES: 4", date "14MAR24 1032".
const coverQ2 = {
  id: 'cover.q2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'mono'); const s = doc.from_facility; const rng = env.rng;
    const W = 66; const star = '*'.repeat(W);
    const ln = (t) => `* ${pad(t, W - 4)} *`;
    const lines = [
      star, ln(''), ln(`${s.name.toUpperCase()}`), ln(`AUTOFAX REPORT DELIVERY`), ln(''), star, '',
      `DATE SENT....: ${lisD(doc.date_of_service)} ${fmtTime(doc.datetime, '24c')}`,
      `PAGES........: ${doc.pages}  (INCLUDING THIS PAGE)`,
      `CLIENT #.....: ${rng.digits(5)}`, '',
      `DELIVER TO...: ${doc.to_name}`,
      doc.to_org ? `               ${doc.to_org}` : null,
      `FAX NUMBER...: ${fmtPhone(doc.to_fax, 'dash')}`,
      doc.to_phone ? `PHONE........: ${fmtPhone(doc.to_phone, 'dash')}` : null, '',
      `SENT BY......: ${doc.from_person}`,
      `FROM FAX.....: ${fmtPhone(s.fax, 'dash')}`,
      `FROM PHONE...: ${fmtPhone(s.phone, 'dash')}`, '',
      `RE...........: ${doc.re}`,
      doc.urgent ? `PRIORITY.....: *** STAT / URGENT ***` : `PRIORITY.....: ROUTINE`, '',
      `MESSAGE:`,
    ].filter((x) => x !== null);
    const words = doc.message.split(' '); const msg = []; let cur = '';
    for (const w of words) { if ((cur + ' ' + w).trim().length > 62) { msg.push(cur); cur = w; } else cur = (cur + ' ' + w).trim(); }
    if (cur) msg.push(cur);
    const body = `<pre>${esc([...lines, ...msg.map((m) => '  ' + m), '', star,
      'IF YOU RECEIVE THIS TRANSMISSION IN ERROR OR PAGES ARE MISSING,',
      `PLEASE CALL ${fmtPhone(s.phone, 'dash')}. THIS REPORT CONTAINS CONFIDENTIAL`,
      'PATIENT INFORMATION. REDISCLOSURE IS PROHIBITED.', star].join('\n'))}</pre>`;
    const css = baseCss(f, 10) + `pre{font-family:'${f}';font-size:10pt;line-height:1.35;margin:0;white-space:pre}`;
    return { css, body, margins: M(0.8, 0.7, 0.9, 0.6), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// Q1 (hospital): Epic / Sunquest "CUMULATIVE RESULTS" trend print in landscape manner: Test | Units | Ref Range |
// two or three OLDER collection columns | the CURRENT collection LAST (rightmost, shaded); flags printed BEFORE the
// value in every column ("H 145"); identity "Name/MRN", "Born: 1950-03-04 (74y) Male"; column dates "14-Mar-24" over "0815".
const labQ1 = {
  id: 'lab.q1', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'mono'])); const p = doc.patient; const rng = env.rng;
    const panels = labPanels(doc, { unitStyle: 'h', nameStyle: 'abbr', flagStyle: 'HL', rangeStyle: 'e' });
    const nOld = rng.int(2, 3);
    const olds = []; let d = doc.collected;
    for (let i = 0; i < nOld; i++) { d = addDays(d, -rng.int(20, 200)); olds.unshift(`${d.slice(0, 10)}T${zpad(rng.int(5, 11))}:${zpad(rng.int(0, 59))}`); }
    for (const P of panels) for (const r of P.rows) {
      r.olds = olds.map(() => (rng.chance(0.8) ? (r.gt.value_numeric === null ? r.value : jitter(rng, r)) : ''));
      const lastIdx = r.olds.map((v, i) => (v ? i : -1)).filter((i) => i >= 0).pop();
      if (lastIdx !== undefined) r.gt.previous_result = { value: r.olds[lastIdx], date: olds[lastIdx].slice(0, 10) };
    }
    const cell = (v, fl, cur) => `<td class="n${cur ? ' cur' : ''}">${fl ? `<b>${fl}</b> ` : ''}${esc(v)}</td>`;
    const colH = (dt, cur) => `<th class="n${cur ? ' cur' : ''}">${dMonYY(dt)}<br>${fmtTime(dt, '24c')}</th>`;
    const rows = panels.map((P) => `<tr class="ph"><td colspan="${4 + nOld}">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td>${r.olds.map((v) => cell(v, v && r.gt.value_numeric !== null ? flagOf(v, r) : '', false)).join('')}${cell(r.value, r.flagPrinted, true)}</tr>`).join('')).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Department of Pathology &amp; Laboratory Medicine &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dash')}</div></td>
      <td class="r"><div class="t">CUMULATIVE RESULTS</div><div class="sm">Most recent collection in the rightmost column</div></td></tr></table>
      <table class="id"><tr><td>Name/MRN: <b>${esc(nameLFdot(p))}</b> / ${esc(doc.mrn)}</td><td>Born: ${iso(p.dob)} (${ageOn(p.dob, doc.collected)}y) ${sexW(p.sex)}</td><td>Enc: ${doc.account}</td></tr>
      <tr><td>Ordering: ${esc(provLFc(doc.provider))}</td><td>Last collected: ${iso(doc.collected)} ${hhmm(doc.collected)}</td><td>Acc: ${esc(doc.accession)} &middot; ${esc(doc.status)}</td></tr></table>
      <table class="res"><thead><tr><th style="width:24%">Test</th><th>Units</th><th>Ref Range</th>${olds.map((o) => colH(o, false)).join('')}${colH(doc.collected, true)}</tr></thead><tbody>${rows}</tbody></table>
      <div class="sm" style="margin-top:8pt">H = above reference range &nbsp; L = below reference range &nbsp; A = abnormal. Reference ranges and units shown apply to the most recent result. Resulted ${iso(doc.reported)} ${hhmm(doc.reported)}; verified by ${esc(doc.techId)}.</div>`;
    const css = baseCss(f, 8.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:13pt;font-weight:bold;letter-spacing:1pt}.sm{font-size:7.5pt}
      table.id{width:100%;margin:4pt 0;font-size:8.5pt} table.id td{padding:1.5pt 6pt 1.5pt 0}
      table.res{width:100%} table.res th{font-size:7.5pt;text-align:left;border-bottom:1.5px solid #000;border-top:1.5px solid #000;padding:2pt 3pt;vertical-align:bottom} table.res td{padding:1.2pt 3pt;border-bottom:0.5px dotted #777}
      .n{text-align:right !important;white-space:nowrap} .cur{background:#e2e2e2} tr.ph td{font-weight:bold;padding-top:5pt;border-bottom:1px solid #000}`;
    const footer = pageFooter(f, `${esc(nameLFdot(p))} &middot; MRN ${esc(doc.mrn)} &middot; CUMULATIVE`, PN, 0.5, 7);
    return { css, body, footer, margins: M(0.5, 0.55, 0.5, 0.5), fonts: [f], gt: { lab_results: panels.flatMap((P) => P.rows.map((r) => r.gt)), name_printed: nameLFdot(p), performing_lab: doc.facility.name } };
  },
};

// Q2 (reflab): ARUP / Sonic-style reference-lab report with the UNIT GLUED to the result ("145mg/dL", no column
// of units), reference interval in words ("65 to 99", "Less than 200", "60 or greater", "Negative"), the flag as a
// word in a far-right INTERPRETATION column (HIGH / LOW / ABNORMAL), long test names wrapping in a narrow column,
// "Specimen:" lines under panel titles and comment lines between rows; identity "PATIENT: Testbury, Harold J.",
// "DATE OF BIRTH: 4-Mar-1950".
const labQ2 = {
  id: 'lab.q2', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Granite Peak Reference Laboratories', 'Tidewater Medical Laboratories'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = labPanels(doc, { unitStyle: 'q', nameStyle: 'full', flagStyle: 'CAPS', rangeStyle: 'h' });
    const words = { H: 'HIGH', L: 'LOW', A: 'ABNORMAL' };
    for (const P of panels) for (const r of P.rows) {
      setFlag(r, words);
      const ro = rangeObj(r.key, p.sex); const dec = TESTS[r.key].dec ?? 0;
      const k = r.unit === 'cells/uL' ? 1000 : 1; const fm = (v) => (v * k).toFixed(r.unit === 'cells/uL' ? 0 : dec);
      let s = r.range;
      if (ro && ro.qual === undefined) {
        if (ro.lo !== undefined) s = `${fm(ro.lo)} to ${fm(ro.hi)}`;
        else if (ro.lt !== undefined) s = `Less than ${fm(ro.lt)}`;
        else if (ro.le !== undefined) s = `${fm(ro.le)} or less`;
        else if (ro.gt !== undefined) s = `Greater than ${fm(ro.gt)}`;
        else if (ro.ge !== undefined) s = `${fm(ro.ge)} or greater`;
      }
      setRange(r, s);
    }
    const cmt = {
      EGFR: 'Comment: eGFR calculated with the CKD-EPI 2021 equation (race-free).',
      A1C: 'Comment: 5.7 to 6.4 suggests increased risk (prediabetes); 6.5 or greater is consistent with diabetes.',
      LDL: 'Comment: LDL cholesterol calculated by the Martin-Hopkins equation.',
      TSH: 'Comment: Third-generation TSH assay.',
      GLU: `Comment: Fasting status reported as ${doc.fasting === 'Y' ? 'fasting' : 'unknown'}.`,
      VITD: 'Comment: 20 to 29 insufficiency; less than 20 deficiency.',
    };
    const spec = (P) => (P.rows[0]?.gt.specimen === 'urine' ? 'Urine, random' : P.key === 'CBC' || P.key === 'CBCND' || P.key === 'A1C' ? 'Whole blood, EDTA' : 'Serum');
    const rows = panels.map((P) => `<tr class="ph"><td colspan="4">${esc(P.name)}<div class="spec">Specimen: ${spec(P)} &middot; Collected ${dMonY(doc.collected)} ${hhmm(doc.collected)}</div></td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="v${r.flag ? ' b' : ''}">${esc(r.value)}${esc(r.unit || '')}</td><td>${esc(r.range)}</td><td class="fl">${esc(r.flagPrinted)}</td></tr>`
      + (cmt[r.key] && rng.chance(0.65) ? `<tr class="cm"><td colspan="4">${esc(cmt[r.key])}</td></tr>` : '')).join('')).join('');
    const body = `
      <table class="hd"><tr><td style="width:52px">${logoSvg(rng, 'mountain', 36)}</td><td><div class="fn">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Client Services ${fmtPhone(doc.facility.phone, 'one')}</div></td><td class="r sm">CLIA ${doc.clia}<br>Medical Director: ${esc(provName(doc.lab_director))}</td></tr></table>
      <table class="id"><tr><td class="k">PATIENT:</td><td><b>${esc(nameLFdot(p))}</b></td><td class="k">CLIENT:</td><td>${esc(doc.client.name)}</td></tr>
      <tr><td class="k">DATE OF BIRTH:</td><td>${dMonY(p.dob)} &nbsp; (${ageOn(p.dob, doc.collected)} yrs) &nbsp; ${sexW(p.sex)}</td><td class="k">PROVIDER:</td><td>${esc(provName(doc.provider))}</td></tr>
      <tr><td class="k">PATIENT ID:</td><td>${esc(doc.mrn)}</td><td class="k">ACCESSION:</td><td>${esc(doc.accession)}</td></tr>
      <tr><td class="k">RECEIVED:</td><td>${dMonY(doc.received)} ${hhmm(doc.received)}</td><td class="k">REPORTED:</td><td>${dMonY(doc.reported)} ${hhmm(doc.reported)} &nbsp; ${esc(doc.status.toUpperCase())}</td></tr></table>
      <table class="res"><thead><tr><th style="width:21%">Procedure</th><th style="width:22%">Result</th><th style="width:30%">Reference Interval</th><th>Interpretation</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="sm keep" style="margin-top:10pt;border-top:1px solid #000;padding-top:3pt">Results are reported with their units. Interpretation: HIGH / LOW = outside the reference interval; ABNORMAL = qualitative result outside the expected result. Tests performed at ${esc(doc.labName)}, ${esc(fmtAddr(doc.facility.address))}.</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:1px solid #000} table.hd td{vertical-align:middle;padding-bottom:4pt}.fn{font-size:15pt;font-weight:bold}.sm{font-size:7.5pt}
      table.id{width:100%;margin:5pt 0;font-size:8.5pt} table.id td{padding:1pt 4pt} td.k{font-size:7.5pt;font-weight:bold;white-space:nowrap}
      table.res{width:100%;table-layout:fixed} table.res th{text-align:left;font-size:8pt;background:#d8d8d8;padding:2pt 3pt} table.res td{padding:1.5pt 3pt;vertical-align:top}
      tr.ph td{font-weight:bold;font-size:9.5pt;padding-top:6pt;border-bottom:1px solid #000} .spec{font-weight:normal;font-size:7.5pt}
      td.fl{font-weight:bold} tr.cm td{font-size:7.5pt;font-style:italic;padding-left:18pt}`;
    const footer = pageFooter(f, `${esc(nameLFdot(p))} &middot; DOB ${dMonY(p.dob)} &middot; Accession ${esc(doc.accession)}`, PN, 0.55, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { lab_results: panels.flatMap((P) => P.rows.map((r) => r.gt)), name_printed: nameLFdot(p), performing_lab: doc.labName } };
  },
};

// Q3 (clinic): direct-to-consumer / wellness-lab "YOUR RESULTS" report (Everlywell / Quest consumer format), faxed
// on by the practice: one row per test with the value big, the unit under it, a drawn RANGE BAR with a marker,
// "Normal range: 3.5 - 5.1" and a status word "Above range" / "Below range" / "Outside expected" (normal rows say
// "In range", which is not a flag); identity "Harold Testbury", "Date of birth 03.04.1950".
const labQ3 = {
  id: 'lab.q3', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Brightline Home Lab Testing', 'Vitalis Wellness Labs'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = labPanels(doc, { unitStyle: 'e', nameStyle: 'full', flagStyle: 'WORD', rangeStyle: 'e' });
    for (const P of panels) for (const r of P.rows) setFlag(r, { H: 'Above range', L: 'Below range', A: 'Outside expected' });
    const bar = (r) => {
      const lo = r.gt.reference_low, hi = r.gt.reference_high, v = r.gt.value_numeric;
      if (v === null || (lo === null && hi === null)) return `<svg width="120" height="14"><rect x="2" y="5" width="116" height="5" fill="${r.flag ? '#555' : '#bbb'}"/></svg>`;
      const a = lo ?? 0, b = hi ?? a * 2 + 1; const span = b - a || 1; const x0 = a - span * 0.5, x1 = b + span * 0.5;
      const X = (z) => 2 + Math.max(0, Math.min(1, (z - x0) / (x1 - x0))) * 116;
      return `<svg width="120" height="14"><rect x="2" y="6" width="116" height="3" fill="#ccc"/><rect x="${X(a).toFixed(1)}" y="4" width="${(X(b) - X(a)).toFixed(1)}" height="7" fill="#888"/><circle cx="${X(v).toFixed(1)}" cy="7.5" r="4.5" fill="#000"/></svg>`;
    };
    const rows = panels.map((P) => `<div class="pn">${esc(P.name)}</div><table class="res">` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="v"><span class="big">${esc(r.value)}</span>${r.unit ? `<br><span class="u">${esc(r.unit)}</span>` : ''}</td><td class="bar">${bar(r)}</td><td class="rg">Normal range: ${esc(r.range)}</td><td class="st">${r.flag ? `<b>${esc(r.flagPrinted)}</b>` : 'In range'}</td></tr>`).join('') + '</table>').join('');
    const nOut = panels.flatMap((P) => P.rows).filter((r) => r.flag).length;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.performingLab)}</div><div class="sm">Physician-reviewed results &middot; forwarded by ${esc(doc.facility.name)}, ${fmtPhone(doc.facility.phone, 'dot')}</div></td><td class="r"><div class="t">YOUR RESULTS</div></td></tr></table>
      <div class="who"><span class="nm">${esc(nameFL(p))}</span> &nbsp; Date of birth ${dotUS(p.dob)} &nbsp;&middot;&nbsp; ${sexW(p.sex)} &nbsp;&middot;&nbsp; Kit ID ${esc(doc.accession)} &nbsp;&middot;&nbsp; Member # ${esc(doc.mrn)}</div>
      <div class="meta">Sample collected ${dotUS(doc.collected)} ${t12(doc.collected)} &nbsp;&middot;&nbsp; Results released ${dotUS(doc.reported)} &nbsp;&middot;&nbsp; Reviewing physician ${esc(provName(doc.provider))}</div>
      <div class="sum"><b>${nOut}</b> result${nOut === 1 ? '' : 's'} outside the normal range. Discuss these results with your healthcare provider.</div>
      ${rows}
      <div class="sm" style="margin-top:10pt">The bar shows the normal range (dark band) and your result (dot). Ranges can differ between laboratories. This report is not a diagnosis.</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%} .fn{font-size:15pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:20pt;font-weight:bold;letter-spacing:1pt}
      .who{margin-top:6pt;border-top:3px solid #000;padding-top:4pt}.nm{font-size:13pt;font-weight:bold}.meta{font-size:8.5pt;margin:2pt 0 6pt 0}
      .sum{border:1px solid #000;padding:4pt 6pt;margin-bottom:4pt;font-size:9pt}
      .pn{font-size:11pt;font-weight:bold;margin:8pt 0 2pt 0;border-bottom:1.5px solid #000}
      table.res{width:100%} table.res td{padding:2pt 4pt;border-bottom:0.5px solid #bbb;vertical-align:middle}
      td.tn{width:30%;font-weight:bold} td.v{width:14%;line-height:1.05} .big{font-size:12pt;font-weight:bold} .u{font-size:7.5pt} td.bar{width:130px} td.rg{font-size:8.5pt} td.st{width:14%;font-size:8.5pt}
      tr{break-inside:avoid}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} &middot; ${dotUS(p.dob)}`, PN, 0.6, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: panels.flatMap((P) => P.rows.map((r) => r.gt)), name_printed: nameFL(p), performing_lab: doc.performingLab } };
  },
};

// Q4 (clinic): physician-office-lab LIS print (Orchard Harvest / older Sunquest "DOT-LEADER" layout), monospace:
// "GLUCOSE.................... 145  mg/dL     [65-99]     High" - dot leaders from the name to the value, units
// after the value, the range in square brackets, the flag as a word at the far right AFTER the range; dot-leader
// identity labels "PATIENT....: TESTBURY, HAROLD J" and "BIRTHDATE..: 4-MAR-1950".
const labQ4 = {
  id: 'lab.q4', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['In-Office Laboratory', 'Clinic Laboratory (POL)'],
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const panels = labPanels(doc, { unitStyle: 'e', nameStyle: 'caps', flagStyle: 'WORD', rangeStyle: 'h' });
    const NW = 30;
    const lead = (s) => (s.length + 2 >= NW ? s + '..' : s + '.'.repeat(NW - s.length));
    const blocks = panels.map((P) => {
      const lines = P.rows.map((r) => `${lead(r.name)} ${padL(r.value, 7)}  ${pad(r.unit || '', 14)} ${pad(r.range ? `[${r.range}]` : '', 15)} ${r.flagPrinted}`);
      return `<div class="blk"><div class="bh">${esc(P.name)}</div><pre>${esc(lines.join('\n'))}</pre></div>`;
    }).join('');
    const nameU = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle[0] : ''}`.toUpperCase();
    const dobU = dMonY(p.dob).toUpperCase();
    const hdr = [
      `PATIENT....: ${pad(nameU, 30)} ACCT #.....: ${doc.account}`,
      `BIRTHDATE..: ${pad(dobU, 12)} SEX: ${p.sex} AGE: ${pad(ageOn(p.dob, doc.collected), 8)} CHART #....: ${doc.mrn}`,
      `PHYSICIAN..: ${pad(provLFc(doc.provider).toUpperCase(), 30)} ACCESSION..: ${doc.accession}`,
      `COLLECTED..: ${pad(`${dMonY(doc.collected).toUpperCase()} ${hhmm(doc.collected)}`, 30)} REPORTED...: ${dMonY(doc.reported).toUpperCase()} ${hhmm(doc.reported)}`,
    ];
    const body = `
      <div class="c b big">${esc(doc.facility.name.toUpperCase())}</div>
      <div class="c">${esc(doc.performingLab.toUpperCase())} &middot; ${esc(fmtAddr(doc.facility.address).toUpperCase())} &middot; ${fmtPhone(doc.facility.phone, 'dash')}</div>
      <div class="c b" style="margin:5pt 0">PATIENT RESULT REPORT - ${esc(doc.status.toUpperCase())}</div>
      <pre class="hdr">${esc(hdr.join('\n'))}</pre>
      <div class="rule"></div>
      <pre class="ch">${esc(`${pad('TEST', NW)} ${padL('RESULT', 7)}  ${pad('UNITS', 14)} ${pad('[REFERENCE]', 15)} FLAG`)}</pre>
      ${blocks}
      <div class="rule"></div>
      <pre class="ft">${esc(`RESULTS OUTSIDE THE REFERENCE RANGE ARE MARKED HIGH, LOW OR ABNORMAL.\nPERFORMED BY: ${doc.techId}   LAB DIRECTOR: ${provName(doc.lab_director).toUpperCase()}   CLIA ${doc.clia}\n*** END OF REPORT ***`)}</pre>`;
    const css = baseCss(f, 8.5) + `
      .big{font-size:11pt} pre{font-family:'${f}';margin:0;white-space:pre;font-size:8.3pt;line-height:1.3}
      .rule{border-top:1.5px solid #000;margin:4pt 0} .blk{margin-bottom:6pt;break-inside:avoid} .bh{font-weight:bold;margin-bottom:1pt} pre.ch{font-weight:bold}`;
    const footer = pageFooter(f, `${esc(nameU)}  ${dobU}`, `PAGE <span class="pageNumber"></span> OF <span class="totalPages"></span>`, 0.55, 7.5);
    return { css, body, footer, margins: M(0.55, 0.6, 0.55, 0.5), fonts: [f], gt: { lab_results: panels.flatMap((P) => P.rows.map((r) => r.gt)), name_printed: nameU, performing_lab: doc.performingLab } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// Q1: academic-hospital RESIDENT-WRITTEN discharge summary: one pipe-separated identity line under the title
// ("TESTBURY, Harold | MRN … | DOB 4-Mar-1950 | 74 y.o. M"), problem-based hospital course ("# Atrial fibrillation"),
// and a MEDICATION RECONCILIATION table Medication | Dose / Directions | What changed (added / dose or timing
// changed / no change / stopped).
const dsQ1 = {
  id: 'discharge.q1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first}`;
    const what = { New: 'added this admission', Changed: 'dose or timing changed', Continue: 'no change', Stop: 'stopped - do not take' };
    const order = ['New', 'Changed', 'Continue', 'Stop'];
    const meds = [...doc.medications].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
    const medRows = meds.map((m) => `<tr><td><b>${esc(m.name)}</b> ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>${what[m.status] || esc(m.status)}</td></tr>`).join('');
    const principal = doc.diagnoses.find((d) => d.principal) || doc.diagnoses[0];
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div>
      <div class="t">Discharge Summary</div>
      <div class="idl">${esc(nm)} &nbsp;|&nbsp; MRN ${esc(doc.mrn)} &nbsp;|&nbsp; DOB ${dMonY(p.dob)} &nbsp;|&nbsp; ${p.age} y.o. ${p.sex} &nbsp;|&nbsp; Adm ${usNP(doc.admit_date)} &nbsp;|&nbsp; D/C ${usNP(doc.discharge_date)}</div>
      <div class="sm">Attending: ${esc(provName(doc.provider))} &nbsp;&middot;&nbsp; Author: ${esc(`${rng.pick(['Priya', 'Daniel', 'Maya', 'Owen'])} ${rng.pick(['Samplewood', 'Fauxley', 'Mockridge', 'Testa'])}, MD (PGY-2)`)} &nbsp;&middot;&nbsp; PCP: ${esc(provName(doc.pcp))} &nbsp;&middot;&nbsp; Visit #${doc.account}</div>
      <h3>Principal problem</h3><p>${esc(principal.description)} [${principal.code}]</p>
      <h3>Other active problems</h3><p>${doc.diagnoses.filter((d) => d !== principal).map((d) => `${esc(d.description)} [${d.code}]`).join('; ') || 'None'}</p>
      <h3>Presenting complaint</h3><p>${esc(doc.admit_dx)}. ${esc(doc.hpi)}</p>
      <h3>Hospital course by problem</h3>
      <p><b># ${esc(principal.description)}</b></p>${doc.course.map((c) => `<p>${esc(c)}</p>`).join('')}
      ${doc.diagnoses.filter((d) => d !== principal).map((d) => `<p><b># ${esc(d.description)}</b> &ndash; stable; home regimen per reconciliation below.</p>`).join('')}
      ${doc.procedures.length ? `<h3>Procedures</h3><p>${doc.procedures.map(esc).join('; ')}</p>` : ''}
      <h3>Allergies</h3><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} &ndash; ${esc(a.reaction)}`).join('; ') : 'NKDA'}</p>
      <h3>Medication reconciliation at discharge</h3>
      <table class="mr"><thead><tr><th style="width:36%">Medication</th><th>Dose / directions</th><th style="width:22%">What changed</th></tr></thead><tbody>${medRows}</tbody></table>
      <h3>Discharge condition / disposition</h3><p>${esc(doc.condition)}. ${esc(doc.disposition)}. Diet: ${esc(doc.diet)}. Activity: ${esc(doc.activity)}.</p>
      <h3>Follow-up</h3><ul>${doc.followup.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>
      ${doc.pending.length ? `<h3>Results pending at discharge</h3><p>${esc(doc.pending.join(', '))}</p>` : ''}
      <div class="keep" style="margin-top:10pt">${signatureSvg(rng, 140, 34)}<div class="sm">Attending attestation: I saw and examined the patient on the day of discharge and agree with the plan above. ${esc(provName(doc.provider))}, ${usNP(doc.signed)} ${hhmm(doc.signed)}</div></div>`;
    const css = baseCss(f, 10) + `
      .fn{font-size:12pt;font-weight:bold}.t{font-size:20pt;margin:2pt 0 4pt 0}.idl{font-size:9.5pt;font-weight:bold;border-top:1px solid #000;border-bottom:1px solid #000;padding:3pt 0}.sm{font-size:8pt;margin-top:2pt}
      h3{font-size:10pt;margin:8pt 0 2pt 0;font-variant:small-caps;letter-spacing:0.5pt} p{margin:0 0 3pt 0} ul{margin:0;padding-left:18pt}
      table.mr{width:100%} table.mr th{text-align:left;font-size:8.5pt;border-bottom:1.5px solid #000;padding:2pt} table.mr td{font-size:9pt;padding:2pt;border-bottom:0.5px solid #999;vertical-align:top}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; MRN ${esc(doc.mrn)} &middot; Discharge Summary`, PN, 0.7, 7.5);
    return { css, body, footer, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// Q1: eClinicalWorks "Progress Notes" print: grey header block (Patient: Harold Testbury / DOB: 03.04.1950 /
// Age: 74 Y / Sex: Male / Account Number / Provider / Date: 03.14.2024), "Reason for Appointment" numbered,
// run-on VITALS sentence ("Temp 98.6 F, HR 72 /min, BP 132/84 mm Hg, Ht 70 in, Wt 180 lbs, BMI 25.8 Index,
// RR 16 /min, Oxygen sat % 97 %"), "Assessments" as "1. Essential hypertension - I10 (Primary)", "Treatment"
// with "Continue lisinopril tablet, 10 mg, …", "Follow Up".
const ovQ1 = {
  id: 'office_visit.q1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Tel: ${fmtPhone(doc.facility.phone, 'dash')} &middot; Fax: ${fmtPhone(doc.facility.fax, 'dash')}</div>
      <table class="pb"><tr><td><b>${esc(nameFL(p))}</b></td><td>Account Number: ${esc(doc.mrn)}</td></tr>
      <tr><td>DOB: ${dotUS(p.dob)} &nbsp; Age: ${p.age} Y &nbsp; Sex: ${sexW(p.sex)}</td><td>Provider: ${esc(provName(doc.provider))}</td></tr>
      <tr><td>Phone: ${fmtPhone(p.phone, 'dash')}</td><td>Date: ${dotUS(doc.date_of_service)} &nbsp; Visit type: ${esc(doc.visit_type)}</td></tr></table>
      <div class="t">Progress Notes</div>
      <h4>Reason for Appointment</h4><div>1. ${esc(doc.chief_complaint)}</div>
      <h4>History of Present Illness</h4><p>${esc(doc.hpi)}</p>
      <h4>Current Medications</h4>${doc.medications.length ? doc.medications.map((m) => `<div><i>${m.status === 'New' ? 'Started' : 'Taking'}</i> ${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} ${esc(m.sig)}</div>`).join('') : '<div>None</div>'}
      <h4>Allergies</h4><div>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)}: ${esc(a.reaction)}`).join(', ') : 'N.K.D.A.'}</div>
      <h4>Review of Systems</h4>${doc.ros.map(([k, t]) => `<div><i>${esc(k)}:</i> ${esc(t)}</div>`).join('')}
      <h4>Vital Signs</h4><div>Temp ${v.temp} F, HR ${v.hr} /min, BP ${v.bp} mm Hg, Ht ${v.ht_in} in, Wt ${v.wt_lb} lbs, BMI ${v.bmi} Index, RR ${v.rr} /min, Oxygen sat % ${v.spo2} %.</div>
      <h4>Examination</h4>${doc.exam.map(([k, t]) => `<div><i>${esc(k)}:</i> ${esc(t)}</div>`).join('')}
      <h4>Assessments</h4>${doc.diagnoses.map((d, i) => `<div>${i + 1}. ${esc(d.description)} - ${d.code}${i === 0 ? ' (Primary)' : ''}</div>`).join('')}
      <h4>Treatment</h4>${doc.plan.map((x) => `<div>${esc(x)}</div>`).join('')}
      ${doc.orders.length ? `<div><b>LAB:</b> ${doc.orders.map(esc).join(', ')}</div>` : ''}
      <h4>Follow Up</h4><div>${esc(doc.followup)}</div>
      <div class="keep" style="margin-top:10pt">${signatureSvg(rng, 130, 32)}<div class="sm">Electronically signed by ${esc(provName(doc.provider))} on ${dotUS(doc.signed)} at ${t12(doc.signed)}</div><div class="sm">Sign off status: Completed</div></div>`;
    const css = baseCss(f, 9.5) + `
      .fn{font-size:13pt;font-weight:bold;text-align:center}.sm{font-size:7.5pt;text-align:center}
      table.pb{width:100%;background:#e4e4e4;margin:6pt 0;font-size:9pt} table.pb td{padding:2pt 5pt}
      .t{font-size:12pt;font-weight:bold;text-align:center;margin:4pt 0}
      h4{font-size:9.5pt;margin:6pt 0 1pt 0;text-decoration:underline} p{margin:0 0 2pt 0}`;
    const footer = pageFooter(f, `Patient: ${esc(nameFL(p))} DOB: ${dotUS(p.dob)} Progress Note: ${esc(provName(doc.provider, false))} ${dotUS(doc.date_of_service)}`, PN, 0.6, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameFL(p), medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// Q1: nursing-facility monthly PHYSICIAN ORDER SHEET ("POS recap", PointClickCare / MatrixCare style): numbered
// orders in capitals ("LISINOPRIL 10 MG TABLET - TAKE 1 TABLET BY MOUTH ONCE DAILY"), each with an order date and
// DX line, discontinued orders marked "D/C", "Resident: HAROLD J. TESTBURY", "Admit date", "DOB 1950-03-04",
// physician signature / date lines and "Orders reviewed for the month of MARCH 2024".
const mlQ1 = {
  id: 'medication_list.q1', set: SET, type: 'medication_list', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'mono'])); const p = doc.patient; const rng = env.rng;
    const x = dp(doc.date_of_service);
    const nm = nameFMIdot(p).toUpperCase();
    const rows = doc.medications.map((m, i) => `<tr${m.status === 'Discontinued' ? ' class="dc"' : ''}><td class="c">${i + 1}</td><td>${fmtDate(m.start, 'us')}</td><td><b>${esc(`${m.name} ${m.strength} ${m.form}`.toUpperCase())}</b> - ${esc(m.sig.toUpperCase())}${m.status === 'Discontinued' ? ' <b>** D/C **</b>' : ''}</td><td class="c">${m.status === 'Discontinued' ? 'D/C' : m.status === 'New' ? 'NEW' : 'CONT'}</td><td></td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><div class="t">PHYSICIAN'S ORDERS</div><div class="sm">Monthly recapitulation &middot; orders reviewed for the month of ${MONTH[x.m].toUpperCase()} ${x.y}<br>Recap date: ${iso(doc.date_of_service)}</div></td></tr></table>
      <table class="id"><tr><td>Resident: <b>${esc(nm)}</b></td><td>Room/Bed: ${rng.int(100, 240)}-${rng.pick(['A', 'B'])}</td><td>Med Rec #: ${esc(doc.mrn)}</td></tr>
      <tr><td>DOB ${iso(p.dob)} &nbsp; Sex ${p.sex}</td><td>Admit date: ${iso(addDays(doc.date_of_service, -rng.int(40, 900)))}</td><td>Attending: ${esc(provName(doc.provider))}</td></tr>
      <tr><td colspan="3">ALLERGIES: <b>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance.toUpperCase())} (${esc(a.reaction)})`).join(', ') : 'NO KNOWN ALLERGIES'}</b> &nbsp;&nbsp; CODE STATUS: ${rng.pick(['FULL CODE', 'DNR', 'DNR/DNI'])} &nbsp;&nbsp; DIET: ${rng.pick(['REGULAR', 'NAS', 'CONSISTENT CARBOHYDRATE', 'MECHANICAL SOFT'])}</td></tr></table>
      <table class="ord"><thead><tr><th style="width:4%">#</th><th style="width:11%">Order date</th><th>Order</th><th style="width:7%">Status</th><th style="width:14%">Nurse init.</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="sig keep"><div>I have reviewed the above orders and they are to be continued unless noted otherwise.</div>
      <table style="width:100%;margin-top:16pt"><tr><td style="width:55%">Physician signature: ______________________________</td><td>Date: ____________</td></tr><tr><td style="padding-top:12pt">Nurse signature: ______________________________</td><td style="padding-top:12pt">Date: ____________</td></tr></table></div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.t{font-size:15pt;font-weight:bold}.sm{font-size:7.5pt}
      table.id{width:100%;margin:5pt 0;border:1px solid #000} table.id td{padding:2pt 4pt;font-size:8.5pt}
      table.ord{width:100%} table.ord th{font-size:8pt;text-align:left;border:1px solid #000;background:#ddd;padding:2pt} table.ord td{border:1px solid #000;padding:3pt;vertical-align:top;font-size:8.5pt}
      tr.dc td{color:#333} .sig{margin-top:12pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${esc(doc.mrn)} &middot; POS ${MON[x.m].toUpperCase()} ${x.y}`, PN, 0.6, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m, m.sig.toUpperCase())) } };
  },
};

// ======================= IMMUNIZATION RECORD =======================
// Q1: RETAIL-PHARMACY "Vaccination History" print (CVS / Walgreens immunization record handed to the patient):
// store header with store # and pharmacist, "Name: Harold Testbury  Birth date: 1950-03-04", newest shot FIRST,
// rows Date Administered (Mar 14, 2024) / Vaccine (trade name bold, CVX description under it) / Dose / Mfr (MVX
// code) / Lot / Site / Store #.
const imQ1 = {
  id: 'immunization.q1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const shots = [...doc.immunizations].sort((a, b) => (a.date < b.date ? 1 : -1));
    const store = rng.int(1000, 19999);
    const rows = shots.map((s) => `<tr><td>${fmtDate(s.date, 'mon-d-y')}</td><td><b>${esc(s.trade_name)}</b><br><span class="d">${esc(s.vaccine)}</span></td><td class="c">${s.dose_number}</td><td class="c">${s.mvx}</td><td>${esc(s.lot)}</td><td>${esc(s.site)}</td><td class="c">#${rng.chance(0.7) ? store : rng.int(1000, 19999)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)} Pharmacy</div><div class="sm">Store #${store} &middot; ${esc(fmtAddr(doc.facility.address))} &middot; Rx ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><div class="t">Vaccination History</div><div class="sm">Printed ${fmtDate(doc.date_of_service, 'mon-d-y')}</div></td></tr></table>
      <table class="id"><tr><td>Name: <b>${esc(nameFL(p))}</b></td><td>Birth date: ${iso(p.dob)}</td><td>Patient #: ${esc(doc.mrn)}</td></tr></table>
      <table class="im"><thead><tr><th style="width:14%">Date Administered</th><th>Vaccine</th><th>Dose</th><th>Mfr</th><th>Lot</th><th>Site</th><th>Store</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="sm" style="margin-top:10pt">Vaccinations given at this pharmacy chain and reported to the state immunization registry (registry ID ${esc(doc.registry_id)}). Mfr codes: ${[...new Set(shots.map((s) => s.mvx))].map((m) => `${m} = ${esc(MVX[m] || m)}`).join('; ')}. Keep this record with your personal health papers.</div>
      <div class="sm" style="margin-top:6pt">Immunizing pharmacist: ${esc(rng.pick(['K. Samplewood, PharmD', 'R. Fauxley, RPh', 'T. Mockridge, PharmD']))}</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:3px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.t{font-size:15pt;font-weight:bold}.sm{font-size:7.5pt}
      table.id{width:100%;margin:6pt 0} table.id td{padding:2pt 4pt}
      table.im{width:100%} table.im th{text-align:left;font-size:8pt;border-bottom:1.5px solid #000;padding:2pt} table.im td{padding:3pt 2pt;border-bottom:0.5px solid #aaa;vertical-align:top;font-size:9pt} .d{font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} &middot; ${iso(p.dob)}`, PN, 0.6, 7);
    return { css, body, footer, margins: M(0.6, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameFL(p), immunizations: doc.immunizations.map((s) => ({ vaccine: s.vaccine, vaccine_printed: s.vaccine, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: s.lot, site: s.site })) } };
  },
};

// ======================= RADIOLOGY =======================
// Q1: private radiology practice report written as a LETTER to the referring physician (UK / Australian private
// imaging manner): "Dear Dr …", "Re: Harold Testbury  DOB 4-Mar-1950", "Thank you for referring …", then
// Clinical notes / Technique / Comparison / Report / Conclusion, signed "Yours sincerely", exam date "14 March 2024".
const radQ1 = {
  id: 'radiology.q1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng; const pr = doc.provider;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))}<br>Bookings ${fmtPhone(doc.facility.phone, 'dash')} &middot; Reports fax ${fmtPhone(doc.facility.fax, 'dash')}</div></td><td class="r sm">Our ref: ${esc(doc.accession)}<br>Patient ID: ${esc(doc.mrn)}<br>CPT ${doc.cpt} &middot; ${doc.modality}</td></tr></table>
      <p style="margin-top:14pt">${dMonthY(doc.signed)}</p>
      <p>${esc(/MD|DO/.test(pr.cred) ? 'Dr ' : '')}${esc(`${pr.first} ${pr.last}`)}<br>${esc(doc.client?.name || '')}</p>
      <p class="re"><b>Re: ${esc(nameFL(p))} &nbsp;&nbsp; DOB ${dMonY(p.dob)}</b><br><b>Examination: ${esc(doc.exam)} &nbsp;&ndash;&nbsp; ${dMonthY(doc.exam_datetime)}</b></p>
      <p>Dear ${esc(/MD|DO/.test(pr.cred) ? 'Dr ' + pr.last : pr.first + ' ' + pr.last)},</p>
      <p>Thank you for referring ${esc(nameFL(p))} for imaging.</p>
      <p><b>Clinical notes:</b> ${esc(doc.indication)}.</p>
      <p><b>Technique:</b> ${esc(doc.technique)}</p>
      <p><b>Comparison:</b> ${esc(doc.comparison)}</p>
      <p><b>Report:</b></p>${doc.findings.map((x) => `<p>${esc(x)}</p>`).join('')}
      <p><b>Conclusion:</b></p>${doc.impression.map((x, i) => `<p>${doc.impression.length > 1 ? `(${['i', 'ii', 'iii', 'iv', 'v', 'vi'][i] || i + 1}) ` : ''}${esc(x)}</p>`).join('')}
      <p style="margin-top:10pt">Yours sincerely,</p>${signatureSvg(rng, 130, 32)}
      <p>${esc(provName(doc.radiologist))}<br>Consultant Radiologist<br><span class="sm">Electronically verified ${dMonthY(doc.signed)} ${hhmm(doc.signed)}</span></p>`;
    const css = baseCss(f, 10.5) + `
      table.hd{width:100%;border-bottom:1px solid #000} table.hd td{vertical-align:top;padding-bottom:4pt}.fn{font-size:15pt;font-weight:bold;font-style:italic}.sm{font-size:8pt}
      p{margin:0 0 5pt 0}.re{margin:8pt 0}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} &middot; ${dMonY(p.dob)} &middot; ${esc(doc.accession)}`, PN, 0.9, 7);
    return { css, body, footer, margins: M(0.7, 0.7, 0.9, 0.9), fonts: [f], gt: { name_printed: nameFL(p), radiology: { exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads } } };
  },
};

// ======================= REFERRAL LETTER =======================
// Q1: e-REFERRAL platform print (ReferralMD / Epic Care Link style "Referral Packet" summary): status strip
// (Referral # / Status: Sent / Priority), SENDER -> RECEIVER two cards, patient card "Patient: Testbury, Harold J."
// "Born 1950-03-04", a Q&A block ("Clinical question:", "Reason:"), diagnoses table Code | Description, medications
// as a table with abbreviated sigs, attachments checklist and an activity log.
const refQ1 = {
  id: 'referral.q1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng; const to = doc.to_provider;
    const rid = `R-${rng.digits(7)}`;
    const body = `
      <table class="hd"><tr><td><div class="t">Referral Packet</div><div class="sm">Generated by ${esc(doc.facility.name)} via secure e-referral &middot; ${rid}</div></td><td class="r"><span class="st">Status: Sent</span> &nbsp; <span class="st">Priority: ${esc(doc.urgency)}</span></td></tr></table>
      <table class="cards"><tr><td><div class="ch">SENDER</div>${esc(provName(doc.provider))}<br>${esc(doc.facility.name)}<br>${esc(fmtAddr(doc.facility.address))}<br>Fax ${fmtPhone(doc.facility.fax, 'dot')}</td>
      <td class="ar">&rarr;</td><td><div class="ch">RECEIVER</div>${esc(provName(to))}<br>${esc(doc.to_facility.name)} &middot; ${esc(doc.specialty)}<br>${esc(fmtAddr(doc.to_facility.address))}<br>Fax ${fmtPhone(doc.to_facility.fax, 'dot')}</td></tr></table>
      <table class="pc"><tr><td>Patient: <b>${esc(nameLFdot(p))}</b></td><td>Born ${iso(p.dob)} (${p.age} yrs, ${sexW(p.sex)})</td><td>Chart: ${esc(doc.mrn)}</td><td>Sent: ${fmtDate(doc.date_of_service, 'mon-d-y')}</td></tr></table>
      <div class="q">Specialty requested:</div><div>${esc(doc.specialty)}</div>
      <div class="q">Reason / clinical question:</div><div>Please evaluate for ${esc(doc.reason)}.</div>
      <div class="q">Authorization:</div><div>${doc.auth_number ? `${esc(doc.auth_number)}${doc.visits_authorized ? ` &middot; ${doc.visits_authorized} visit(s) approved` : ''}` : 'Not required / not obtained'}</div>
      <div class="q">Diagnoses</div><table class="tb"><thead><tr><th style="width:16%">Code</th><th>Description</th></tr></thead><tbody>${doc.diagnoses.map((d) => `<tr><td>${d.code}</td><td>${esc(d.description)}</td></tr>`).join('')}</tbody></table>
      <div class="q">Medications</div>${doc.medications.length ? `<table class="tb"><thead><tr><th style="width:40%">Drug</th><th>Sig</th></tr></thead><tbody>${doc.medications.map((m) => `<tr><td>${esc(m.name)} ${esc(m.strength)}</td><td>${esc(m.sig_abbrev)}</td></tr>`).join('')}</tbody></table>` : '<div>None reported</div>'}
      <div class="q">Allergies:</div><div>${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</div>
      <div class="q">Attachments</div><div>${['Recent office notes', 'Laboratory results', 'Medication list', 'Imaging report', 'Insurance information'].map((e) => `<span class="nb">${box(doc.enclosures.includes(e))}${e}</span>`).join(' &nbsp; ')}</div>
      <div class="q">Activity</div><div class="sm">${fmtDate(doc.date_of_service, 'mon-d-y')} &middot; Referral created by ${esc(provName(doc.provider))} &middot; Sent to ${esc(doc.to_facility.name)} (fax and portal)</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.t{font-size:17pt;font-weight:bold}.sm{font-size:7.5pt}
      .st{border:1px solid #000;border-radius:8pt;padding:1pt 6pt;font-size:8.5pt}
      table.cards{width:100%;margin:6pt 0} table.cards td{vertical-align:top;border:1px solid #000;padding:4pt;width:46%;font-size:9pt} table.cards td.ar{border:none;width:8%;text-align:center;font-size:20pt;vertical-align:middle}
      .ch{font-size:7.5pt;font-weight:bold;letter-spacing:1pt}
      table.pc{width:100%;background:#e6e6e6} table.pc td{padding:3pt 4pt}
      .q{font-weight:bold;margin-top:6pt} table.tb{width:100%} table.tb th{text-align:left;font-size:8pt;border-bottom:1px solid #000} table.tb td{padding:1pt 2pt;font-size:9pt}`;
    const footer = pageFooter(f, `${rid} &middot; ${esc(nameLFdot(p))}`, PN, 0.6, 7);
    return { css, body, footer, margins: M(0.6, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameLFdot(p), diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// Q1: clearing-house / payer-portal CLAIM STATUS DETAIL print (Availity / Navinet "Claim Status" page), kind eob:
// key/value claim header in two columns (Patient "TESTBURY Harold", Member ID, Claim #, Status "Finalized - Paid",
// Received / Processed dates in yyyy-mm-dd), service-line table Line / From DOS / Proc / Description / Billed /
// Allowed / Not Covered / Ded / Copay / Coins / Paid / Pt Resp, totals row, remittance trace (EFT / check #).
const billQ1 = {
  id: 'billing.q1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const kv = (k, v) => `<tr><td class="k">${k}</td><td>${v}</td></tr>`;
    const rows = doc.lines.map((l, i) => `<tr><td class="c">${i + 1}</td><td>${iso(l.date)}</td><td>${l.cpt}</td><td>${esc(l.description)}</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.allowed)}</td><td class="r">${money(l.not_covered)}</td><td class="r">${money(l.deductible)}</td><td class="r">${money(l.copay)}</td><td class="r">${money(l.coinsurance)}</td><td class="r">${money(l.paid)}</td><td class="r b">${money(l.patient_resp)}</td></tr>`).join('');
    const body = `
      <div class="bar"><span class="b">Claim Status Detail</span><span>${esc(doc.payer)} &middot; payer response ${iso(doc.processed)}</span></div>
      <table class="two"><tr><td><table class="kv">${kv('Patient', `<b>${esc(nameLcapsF(p))}</b>`)}${kv('Patient DOB', iso(p.dob))}${kv('Member ID', doc.member_id)}${kv('Group', doc.group)}${kv('Plan', esc(doc.plan_name))}</table></td>
      <td><table class="kv">${kv('Claim #', doc.claim_number)}${kv('Claim status', 'Finalized - Paid')}${kv('Billing provider', `${esc(doc.client.name)}`)}${kv('Rendering provider', esc(provName(doc.provider)))}${kv('Received / Processed', `${iso(addDays(doc.processed, -rng.int(5, 25)))} / ${iso(doc.processed)}`)}</table></td></tr></table>
      <table class="ln"><thead><tr><th>Line</th><th>From DOS</th><th>Proc</th><th>Description</th><th>Billed</th><th>Allowed</th><th>Not Covered</th><th>Ded</th><th>Copay</th><th>Coins</th><th>Paid</th><th>Pt Resp</th></tr></thead>
      <tbody>${rows}<tr class="tot"><td colspan="4">Claim total</td><td class="r">${money(t.billed)}</td><td class="r">${money(t.allowed)}</td><td class="r">${money(t.not_covered)}</td><td class="r">${money(t.deductible)}</td><td class="r">${money(t.copay)}</td><td class="r">${money(t.coinsurance)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.patient_resp)}</td></tr></tbody></table>
      <table class="kv" style="margin-top:8pt">${kv('Patient responsibility', `<b>${money(t.patient_resp)}</b>`)}${kv('Payment trace', `EFT ${rng.digits(9)} &middot; ${iso(addDays(doc.processed, rng.int(1, 6)))}`)}${kv('Remark codes', 'CO-45 charge exceeds fee schedule; PR-1 deductible; PR-3 copay')}</table>
      <div class="sm" style="margin-top:10pt">Printed from the ${esc(doc.payer)} provider portal. Claim status information is not a guarantee of payment. Contact provider services at ${fmtPhone(doc.facility.phone, 'one')}.</div>`;
    const css = baseCss(f, 9) + `
      .bar{display:flex;justify-content:space-between;background:#333;color:#fff;padding:4pt 6pt;font-size:10.5pt}
      table.two{width:100%;margin:6pt 0} table.two>tbody>tr>td{vertical-align:top;width:50%}
      table.kv td{padding:1.5pt 4pt;font-size:9pt} td.k{color:#222;font-size:8pt;width:38%;border-right:1px solid #999}
      table.ln{width:100%} table.ln th{font-size:7.5pt;text-align:left;border-bottom:1.5px solid #000;padding:2pt} table.ln td{font-size:8pt;padding:2pt;border-bottom:0.5px solid #aaa} tr.tot td{font-weight:bold;border-top:1px solid #000}.sm{font-size:7.5pt}`;
    const footer = pageFooter(f, `Claim ${doc.claim_number} &middot; ${esc(nameLcapsF(p))}`, PN, 0.5, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.5, 0.5), fonts: [f], gt: { name_printed: nameLcapsF(p), billing: { kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: t.patient_resp } } };
  },
};

export default [coverQ1, coverQ2, labQ1, labQ2, labQ3, labQ4, dsQ1, ovQ1, mlQ1, imQ1, radQ1, refQ1, billQ1];
