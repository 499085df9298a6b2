// faxgen template set 'set-i': another stand-in for faxgen's held-out template set, written in session 21
// WITHOUT looking at the extraction/structuring rules (nothing under src/ was opened) and independent of set-a
// and of every earlier stand-in (set-k .. set-z). Theme: LEGACY AND DENSE PRINT TECHNOLOGIES from older systems
// that still fax today: line-printer continuous forms (132 columns, compressed, dashed rules, page headers
// repeated), typewriter letters, mainframe abstracts with caption:value pairs packed several per line, two-up
// small-print reports, dot-matrix office prints, DICOM-style PACS prints, CMS-1500-like claim boxes, narrow
// receipt-printer pharmacy profiles, Post-it fax notes and practice-management-system covers. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-i/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-i ...
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
const { fmtDate, fmtTime, fmtPhone, phoneDigits, nameFL, provName, fmtAddr, money, parseIso, ageOn, pad: zpad } = await lib('util.mjs');

const SET = 'set-i';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// Nimbus Mono PS / Noto Mono / FreeMono (line printers, typewriters, terminals), Nimbus Sans / FreeSans (sans),
// Nimbus Roman / C059 (serif), Nimbus Sans Narrow (narrow). Fax header: Noto Mono, Nimbus Mono PS, Nimbus Sans Narrow.
export const fonts = {
  [SET]: {
    sans: ['Nimbus Sans', 'FreeSans'],
    serif: ['Nimbus Roman', 'C059'],
    mono: ['Nimbus Mono PS', 'Noto Mono', 'FreeMono'],
    narrow: ['Nimbus Sans Narrow'],
    tti: ['Noto Mono', 'Nimbus Mono PS', 'Nimbus Sans Narrow'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates
const MON = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DOW = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const dp = (iso) => { const d = parseIso(iso); return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), w: d.getUTCDay() }; };
const yy = (y) => String(y).slice(2);
/** 14-MAR-24 */
const dMonYY = (iso) => { const x = dp(iso); return `${zpad(x.d)}-${MON[x.m]}-${yy(x.y)}`; };
/** 031424 */
const mmddyy = (iso) => { const x = dp(iso); return `${zpad(x.m + 1)}${zpad(x.d)}${yy(x.y)}`; };
/** 03/14/24 */
const mdy2 = (iso) => fmtDate(iso, 'us-short');
/** 03-14-24 */
const mdy2d = (iso) => mdy2(iso).replace(/\//g, '-');
/** 3/4/50 */
const mdyNoPad2 = (iso) => { const x = dp(iso); return `${x.m + 1}/${x.d}/${yy(x.y)}`; };
/** 20240314 (DICOM DA) */
const dicomDA = (iso) => iso.slice(0, 10).replace(/-/g, '');
/** March 14, 2024 */
const longDate = (iso) => { const x = dp(iso); return `${MONTH[x.m]} ${x.d}, ${x.y}`; };
const hhmm = (iso) => fmtTime(iso, '24c');
const addDaysIso = (iso, n) => { const d = parseIso(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // older Canon desk fax: "03/14/24 THU 10:32 FAX 217 555 0146   NORTHSTAR DIAGNOSTICS   002/005"
    (t) => { const x = dp(t.dt); return [`${mdy2(t.dt)} ${DOW[x.w]} ${fmtTime(t.dt, '24')} FAX ${t.fax.area} ${t.fax.exch} ${t.fax.line}`, t.sender.toUpperCase().slice(0, 24), `${zpad(t.page, 3)}/${zpad(t.total, 3)}`]; },
    // Xerox / Pitney Bowes telecopier: "14-MAR-24 10:32A  FROM NORTHSTAR DIAG  ID:2175550146  #0217 P.02" (no total)
    (t) => { const h = Number(t.dt.slice(11, 13)); const h12 = ((h + 11) % 12) + 1; return [`${dMonYY(t.dt)} ${zpad(h12)}:${t.dt.slice(14, 16)}${h < 12 ? 'A' : 'P'}`, `FROM ${t.sender.toUpperCase().slice(0, 20)}`, `ID:${phoneDigits(t.fax)}`, `#${zpad(t.job, 4)} P.${zpad(t.page)}`]; },
    // PC fax board / modem server journal stamp: "031424 1032  2175550146 -> 2175550199  SENDER  PG 2 OF 5"
    (t) => [`${mmddyy(t.dt)} ${hhmm(t.dt)}`, `${phoneDigits(t.fax)} -> ${phoneDigits(t.toFax)}`, t.sender.slice(0, 26), `PG ${t.page} OF ${t.total}`],
  ],
};

// ---------------------------------------------------------------- helpers
function panelsWith(doc, opts, spell) {
  const panels = labPanels(doc, { ...opts, flagStyle: 'HL' });
  for (const P of panels) for (const r of P.rows) { r.flagPrinted = r.flag ? spell[r.flag] : ''; r.gt.flag_printed = r.flagPrinted || null; }
  return panels;
}
const rp = (s, n) => { s = String(s ?? ''); return s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length); }; // right-pad, never truncate
const lp = (s, n) => { s = String(s ?? ''); return s.length >= n ? s : ' '.repeat(n - s.length) + s; };
const wrap = (s, w, indent = '') => { const out = []; let line = ''; for (const word of String(s).split(/\s+/)) { if ((line + ' ' + word).trim().length > w) { out.push(line); line = indent + word; } else line = line ? `${line} ${word}` : indent + word; } if (line) out.push(line); return out; };
const pageFooter = (f, left, right, pad = 0.6) => `<div style="font-family:'${f}';font-size:7pt;box-sizing:border-box;width:100%;padding:0 ${pad}in;display:flex;justify-content:space-between"><span>${left}</span><span>${right}</span></div>`;
const PN = 'PAGE <span class="pageNumber"></span> OF <span class="totalPages"></span>';
const radGt = (doc) => ({ exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads });
const immGt = (s, printed, lot = true, site = true) => ({ vaccine: s.vaccine, vaccine_printed: printed, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: lot ? s.lot : null, site: site ? s.site : null });
const capsLF = (p, comma = ',') => `${p.last.toUpperCase()}${comma}${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
const provCaps = (pr) => `${pr.last.toUpperCase()},${pr.first.toUpperCase()}`;

// ======================= FAX COVER SHEETS =======================
// cover.i1: the office-supply "Post-it(R) Fax Note 7671"-style transmittal strip, enlarged to a whole page (the
// sticky note photocopied onto letter paper): a two-column grid of tiny captions with the values typed in —
// Date | # of pages | To | From | Co./Dept. | Co. | Phone # | Phone # | Fax # | Fax # — then a typed message.
// Dates as 3/14/24 (no padding, two-digit year), numbers as 217-555-0146.
const coverI1 = {
  id: 'cover.i1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const tf = font(env, 'mono'); const s = doc.from_facility; const rng = env.rng;
    const x = dp(doc.datetime);
    const cell = (cap, val) => `<td><span class="cp">${cap}</span> <span class="ty">${val}</span></td>`;
    const body = `
      <table class="pn"><tr><td><span class="brand">Fax Note</span> <span class="no">7671</span> &nbsp; <span class="cp">Date</span> <span class="ty">${x.m + 1}/${x.d}/${yy(x.y)}</span></td><td><span class="cp"># of pages &#9656;</span> <span class="ty">${doc.pages}</span></td></tr>
      <tr>${cell('To', esc(doc.to_name))}${cell('From', esc(doc.from_person))}</tr>
      <tr>${cell('Co./Dept.', esc(doc.to_org || ''))}${cell('Co.', esc(s.name))}</tr>
      <tr>${cell('Phone #', doc.to_phone ? fmtPhone(doc.to_phone, 'dash') : '')}${cell('Phone #', fmtPhone(s.phone, 'dash'))}</tr>
      <tr>${cell('Fax #', fmtPhone(doc.to_fax, 'dash'))}${cell('Fax #', fmtPhone(s.fax, 'dash'))}</tr></table>
      <div class="msg ty">${doc.urgent ? '<b>*** URGENT ***</b><br>' : ''}RE: ${esc(doc.re)}<br><br>${esc(doc.message)}<br><br>${esc(doc.from_person.split(' ')[0])}</div>
      <div class="addr">${esc(s.name)} &middot; ${esc(fmtAddr(s.address))}</div>
      <div class="conf">The documents accompanying this facsimile contain confidential health information that is legally privileged. If you are not the intended recipient, you are hereby notified that any disclosure, copying or distribution is strictly prohibited. If you have received this fax in error, please notify us by telephone immediately and destroy the documents. Thank you.</div>`;
    const css = baseCss(f, 9) + `
      table.pn{width:7in;border:2px solid #000;border-collapse:collapse;margin:0.3in 0 0 0.2in} table.pn td{border:1px solid #000;padding:5pt 5pt;width:50%;vertical-align:top;height:26pt}
      .brand{font-size:13pt;font-weight:bold;font-style:italic}.no{font-style:normal;font-size:11pt}.cp{font-size:7pt;color:#222}
      .ty{font-family:'${tf}';font-size:11pt}.msg{margin:0.5in 0.3in 0 0.3in;line-height:1.5;min-height:2.5in}
      .addr{margin:0.3in 0.3in 0 0.3in;font-size:8pt}.conf{margin:0.25in 0.3in 0 0.3in;font-size:7.5pt;border-top:1px solid #000;padding-top:4pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f, tf] };
  },
};

// cover.i2: cover page printed by a UNIX practice-management system (Medical Manager / green-screen era) on a
// dot-matrix printer: all capitals, 80 columns, a banner line with the program name and version, fields as
// "SEND TO:" / "FAX#:" / "FROM:" / "DATE: 031424" (MMDDYY, six digits) / "TIME: 1032" / "PAGES: 05 INCL COVER" /
// "SUBJ:" / "MSG:" and an asterisk rule.
const coverI2 = {
  id: 'cover.i2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'mono'); const s = doc.from_facility; const rng = env.rng;
    const L = [];
    L.push(`${rp(s.name.toUpperCase(), 52)}FAXCVR  V${rng.int(7, 11)}.${zpad(rng.int(0, 99))}`);
    L.push(`${rp(fmtAddr(s.address).toUpperCase(), 52)}TERM ${zpad(rng.int(1, 40))}`);
    L.push('*'.repeat(78));
    L.push(`${' '.repeat(24)}F A X   T R A N S M I T T A L`);
    L.push('*'.repeat(78));
    L.push('');
    L.push(`SEND TO: ${rp(doc.to_name.toUpperCase(), 40)}FAX#: ${fmtPhone(doc.to_fax, 'paren').replace(' ', '')}`);
    L.push(`   ATTN: ${rp((doc.to_org || '').toUpperCase(), 40)}PH#:  ${doc.to_phone ? fmtPhone(doc.to_phone, 'paren').replace(' ', '') : ''}`);
    L.push('');
    L.push(`   FROM: ${rp(doc.from_person.toUpperCase(), 40)}FAX#: ${fmtPhone(s.fax, 'paren').replace(' ', '')}`);
    L.push(`${' '.repeat(49)}PH#:  ${fmtPhone(s.phone, 'paren').replace(' ', '')}`);
    L.push('');
    L.push(`   DATE: ${mmddyy(doc.datetime)}    TIME: ${hhmm(doc.datetime)}    PAGES: ${zpad(doc.pages)} INCL COVER    ${doc.urgent ? 'PRIORITY: STAT' : 'PRIORITY: ROUTINE'}`);
    L.push('');
    L.push(`   SUBJ: ${doc.re.toUpperCase()}`);
    L.push('');
    L.push('    MSG:');
    for (const l of wrap(doc.message.toUpperCase(), 68)) L.push(`         ${l}`);
    L.push('', '', '-'.repeat(78));
    for (const l of wrap('CONFIDENTIAL: THIS TRANSMISSION CONTAINS PROTECTED HEALTH INFORMATION. IF YOU RECEIVED IT IN ERROR CALL THE SENDER AND DESTROY ALL COPIES. RE-DISCLOSURE IS PROHIBITED BY LAW.', 76)) L.push(` ${l}`);
    L.push('-'.repeat(78));
    const body = `<pre>${esc(L.join('\n'))}</pre>`;
    const css = baseCss(f, 9.6) + `pre{font-family:'${f}';font-size:9.6pt;line-height:1.3;margin:0;font-weight:bold}`;
    return { css, body, margins: M(0.6, 0.6, 0.6, 0.5), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.i1 (hospital): LINE-PRINTER continuous-form chart copy (IBM 6400 / Printronix on 14-7/8" green-bar, here
// compressed onto letter paper): 132 columns, all capitals, dashed rules, the whole report header REPEATED at the
// top of every printed page ("PAGE n" on the right), "*** COMPLETE BLOOD COUNT ***" panel lines, and per row
// TEST / SPEC / RESULT / FLAG / UNITS / REFERENCE RANGE / COLLECTED (DD-MON-YY HHMM) / TECH. Flags "*H" / "*L" / "*A".
// Patient "TESTBURY,HAROLD J" (no space after the comma), DOB "04-MAR-50" (two-digit year).
const labI1 = {
  id: 'lab.i1', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'caps', rangeStyle: 'l' }, { H: '*H', L: '*L', A: '*A' });
    const W = 132; const dash = '-'.repeat(W);
    const loc = `${rng.pick(['2N', '3W', '4E', 'ICU', 'OBS', 'ED'])}-${rng.int(200, 480)}-${rng.pick(['A', 'B'])}`;
    const age = ageOn(p.dob, doc.collected);
    const coll = `${dMonYY(doc.collected)} ${hhmm(doc.collected)}`;
    const head = (pg) => [
      `${rp(`RUN ${dMonYY(doc.reported)} ${hhmm(doc.reported)}`, 26)}${rp(doc.facility.name.toUpperCase(), 56)}${rp('LABORATORY CHART COPY', 40)}PAGE ${lp(pg, 3)}`,
      `${rp('REPORT LAB0311R', 26)}${rp('DEPARTMENT OF PATHOLOGY - CLINICAL LABORATORY', 56)}${rp(`DIRECTOR ${provCaps(doc.lab_director)} MD`, 40)}`,
      dash,
      `PT: ${rp(capsLF(p), 30)}MR#: ${rp(doc.mrn, 13)}ACCT#: ${rp(doc.account, 12)}DOB: ${rp(dMonYY(p.dob), 12)}AGE: ${rp(`${zpad(age, 3)}Y`, 7)}SEX: ${rp(p.sex, 4)}LOC: ${loc}`,
      `ORD DR: ${rp(provCaps(doc.provider), 26)}ACC#: ${rp(doc.accession, 12)}COLL: ${rp(coll, 17)}RECD: ${rp(`${dMonYY(doc.received)} ${hhmm(doc.received)}`, 17)}STATUS: ${doc.status.toUpperCase()}`,
      dash,
      `${rp('TEST', 36)}${rp('SPEC', 6)}${lp('RESULT', 10)}  ${rp('FLAG', 6)}${rp('UNITS', 13)}${rp('REFERENCE RANGE', 20)}${rp('COLLECTED', 17)}TECH`,
      dash,
    ];
    const rows = [];
    for (const P of panels) {
      rows.push('', `*** ${P.name} ***`);
      for (const r of P.rows) rows.push(`${rp(r.name, 36)}${rp(r.gt.specimen === 'urine' ? 'UR' : 'BLD', 6)}${lp(r.value, 10)}  ${rp(r.flagPrinted, 6)}${rp(r.unit, 13)}${rp(r.range, 20)}${rp(coll, 17)}${doc.techId}`);
    }
    rows.push('', dash, `FLAGS: *H ABOVE  *L BELOW  *A ABNORMAL REFERENCE.   ** END OF REPORT **   ${doc.accession}   CLIA ${doc.clia}`);
    const per = 52; const chunks = [];
    for (let i = 0; i < rows.length; i += per) chunks.push(rows.slice(i, i + per));
    const body = chunks.map((c, i) => `<pre class="${i < chunks.length - 1 ? 'brk' : ''}">${esc([...head(i + 1), ...c, ...(i < chunks.length - 1 ? ['', `${' '.repeat(50)}*** CONTINUED ON NEXT PAGE ***`] : [])].join('\n'))}</pre>`).join('');
    const css = baseCss(f, 6.7) + `pre{font-family:'${f}';font-size:6.7pt;line-height:1.22;margin:0} pre.brk{break-after:page}`;
    return { css, body, margins: M(0.45, 0.5, 0.35, 0.3), fonts: [f], gt: { lab_results: panels.flatMap((P) => P.rows.map((r) => r.gt)), name_printed: capsLF(p), performing_lab: doc.facility.name } };
  },
};

// lab.i2 (reflab): SMALL-PRINT TWO-UP reference-lab report (older Unilab / regional-lab layout that saves paper):
// a narrow identity band, then the results in TWO NARROW PANELS SIDE BY SIDE (left column filled first, then the
// right one), 7 pt condensed type, each panel a little table Test / Result / Flag / Units / Ref. Range, flags
// spelled "High" / "Low" / "Abnl". Patient "TESTBURY HAROLD J" (no comma), DOB 03/04/1950, collection date as the
// six-digit MMDDYY "031424 0815" the old LIS uses.
const labI2 = {
  id: 'lab.i2', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Tri-County Medical Laboratories', 'Heartland Clinical Labs'],
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'full', rangeStyle: 'h' }, { H: 'High', L: 'Low', A: 'Abnl' });
    const total = panels.reduce((n, P) => n + P.rows.length + 1, 0);
    const left = []; const right = []; let n = 0;
    for (const P of panels) { (n < total / 2 ? left : right).push(P); n += P.rows.length + 1; }
    const tbl = (list) => `<table class="res"><thead><tr><th style="width:40%">Test</th><th>Result</th><th>Flag</th><th>Units</th><th>Ref. Range</th></tr></thead><tbody>${list.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>` + P.rows.map((r) => `<tr><td>${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td class="fl">${esc(r.flagPrinted)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>`).join('')).join('')}</tbody></table>`;
    const nm = `${p.last.toUpperCase()} ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const body = `
      <table class="hd"><tr><td class="fn">${esc(doc.labName.toUpperCase())}</td><td class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dash')} &middot; CLIA ${doc.clia} &middot; Dir. ${esc(provName(doc.lab_director))}</td><td class="r b">CUMULATIVE PATIENT REPORT</td></tr></table>
      <table class="id"><tr><td>PATIENT <b>${esc(nm)}</b></td><td>DOB ${fmtDate(p.dob, 'us')}</td><td>SEX ${p.sex}</td><td>PT ID ${esc(doc.mrn)}</td><td>ACCN ${doc.accession}</td><td>REQ ${doc.specimen_id}</td></tr>
      <tr><td>DR ${esc(provCaps(doc.provider))}</td><td>COLL ${mmddyy(doc.collected)} ${hhmm(doc.collected)}</td><td>RCVD ${mmddyy(doc.received)} ${hhmm(doc.received)}</td><td colspan="2">RPTD ${mmddyy(doc.reported)} ${hhmm(doc.reported)}</td><td>${esc(doc.status.toUpperCase())}</td></tr></table>
      <div class="two"><div class="col">${tbl(left)}</div><div class="col">${right.length ? tbl(right) : ''}</div></div>
      <div class="keep lg">High/Low = outside reference range; Abnl = abnormal result. ${doc.fasting === 'Y' ? 'FASTING.' : ''} Results reviewed by ${esc(provName(doc.lab_director))}.</div>`;
    const css = baseCss(f, 7.2) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} table.hd td{vertical-align:bottom;padding:0 4pt 2pt 0}.fn{font-size:11pt;font-weight:bold;white-space:nowrap}.sm{font-size:6.5pt}
      table.id{width:100%;margin:3pt 0;border-bottom:0.75px solid #000} table.id td{padding:0.5pt 6pt 0.5pt 0;font-size:7.2pt}
      .two{display:flex;gap:0.18in}.col{flex:1;min-width:0} table.res{width:100%} table.res th{text-align:left;font-size:6.6pt;border-bottom:0.75px solid #000;padding:0.5pt 2pt} table.res td{padding:0.3pt 2pt}
      tr.ph td{font-weight:bold;padding-top:3pt;text-decoration:underline} td.fl{font-weight:bold}.lg{margin-top:6pt;font-size:6.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ACCN ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.4, 0.5, 0.4, 0.4), fonts: [f], gt: { lab_results: panels.flatMap((P) => P.rows.map((r) => r.gt)), name_printed: nm, performing_lab: doc.labName } };
  },
};

// lab.i3 (clinic): DOT-MATRIX physician-office-laboratory (POL) print from an old analyzer-interface PC (80 columns,
// capitals, impact-printer look): the FLAG COLUMN COMES FIRST at the left margin (">>" above, "<<" below,
// "**" abnormal), then TEST (LIS short names "WBC", "NEUT %", "GLUCOSE"), RESULT, UNITS, NORMAL VALUES in
// parentheses. "PT: HAROLD J TESTBURY" (first name first, capitals), "BIRTHDATE 03/04/50", "DRAWN 3/14/24 08:15".
const labI3 = {
  id: 'lab.i3', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Prairie Family Practice Office Lab', 'Oakdale Internal Medicine POL'],
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'lis', rangeStyle: 'lis' }, { H: '>>', L: '<<', A: '**' });
    const nm = `${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''} ${p.last.toUpperCase()}`;
    const L = [];
    L.push(`${rp(doc.performingLab.toUpperCase(), 50)}${lp(`PRINTED ${mdyNoPad2(doc.reported)} ${fmtTime(doc.reported, '24')}`, 28)}`);
    L.push(`${rp(doc.facility.name.toUpperCase(), 50)}${lp(`CLIA ${doc.clia}`, 28)}`);
    L.push('='.repeat(78));
    L.push(`PT: ${rp(nm, 34)}BIRTHDATE ${rp(mdy2(p.dob), 10)}SEX ${p.sex}   ID ${doc.mrn}`);
    L.push(`DRAWN ${rp(`${mdyNoPad2(doc.collected)} ${fmtTime(doc.collected, '24')}`, 32)}DR ${rp(provCaps(doc.provider), 24)}SAMPLE ${doc.specimen_id.slice(0, 6)}`);
    L.push('='.repeat(78));
    L.push(`${rp('ABN', 5)}${rp('TEST', 24)}${lp('RESULT', 9)}   ${rp('UNITS', 13)}NORMAL VALUES`);
    L.push('-'.repeat(78));
    for (const P of panels) {
      L.push('', `  ${P.name}`);
      for (const r of P.rows) L.push(`${rp(r.flagPrinted, 5)}${rp(r.name, 24)}${lp(r.value, 9)}   ${rp(r.unit, 13)}${r.range}`);
    }
    L.push('', '-'.repeat(78), '>> ABOVE NORMAL   << BELOW NORMAL   ** ABNORMAL', `RESULTS VERIFIED BY ${rng.pick(['K. SAMPLETON MT(ASCP)', 'R. FAUXWELL MLT', 'J. MOCKFORD CLS'])}    ACCESSION ${doc.accession}`);
    const body = `<pre>${esc(L.join('\n'))}</pre>`;
    const css = baseCss(f, 9) + `pre{font-family:'${f}';font-size:9pt;line-height:1.28;margin:0;font-weight:bold}`;
    const footer = pageFooter(f, `${esc(nm)} ${mdy2(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.4), fonts: [f], gt: { lab_results: panels.flatMap((P) => P.rows.map((r) => r.gt)), name_printed: nm, performing_lab: doc.performingLab } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.i1: MAINFRAME HIM "DISCHARGE ABSTRACT" (SMS / HBOC green-screen print): monospace, caption:value pairs
// PACKED SEVERAL PER LINE ("ADM DT: 03/10/24 1415  DSCH DT: 03/14/24 1100  LOS: 004  DISP: 01-HOME"), coded
// diagnoses "PDX: I10      ESSENTIAL HYPERTENSION  POA:Y" / "DX02:", procedures "PX01:", then the abstracted
// narrative and "DSCH MEDS" as numbered fixed-width lines. Patient "TESTBURY, HAROLD J", DOB "03/04/50".
const dsI1 = {
  id: 'discharge.i1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const nm = capsLF(p, ', ');
    const W = 96; const L = [];
    const adm = `${mdy2(doc.admit_date)} ${zpad(rng.int(0, 23))}${zpad(rng.int(0, 59))}`;
    const dsc = `${mdy2(doc.discharge_date)} ${zpad(rng.int(9, 16))}${zpad(rng.int(0, 59))}`;
    const disp = { Home: '01-HOME/SELF CARE', 'Home with home health services': '06-HOME HEALTH SVC', 'Skilled nursing facility': '03-SNF' }[doc.disposition] || doc.disposition.toUpperCase();
    L.push(`${rp(doc.facility.name.toUpperCase(), 60)}${lp(`HIM${rng.int(100, 999)}  PG 1`, 36)}`);
    L.push(`${rp('DISCHARGE ABSTRACT / SUMMARY', 60)}${lp(`PRT ${mdy2(doc.signed)} ${hhmm(doc.signed)}`, 36)}`);
    L.push('='.repeat(W));
    L.push(`NAME: ${rp(nm, 28)}MR#: ${rp(doc.mrn, 12)}ACCT: ${rp(doc.account, 12)}DOB: ${rp(mdy2(p.dob), 10)}SEX: ${p.sex}  AGE: ${zpad(p.age, 3)}`);
    L.push(`ADM DT: ${rp(adm, 15)}DSCH DT: ${rp(dsc, 15)}LOS: ${rp(zpad(doc.los, 3), 5)}ADM SRC: ${rp(rng.pick(['7-ER', '1-PHYS REF', '2-CLINIC']), 12)}DISP: ${disp}`);
    L.push(`ATT: ${rp(`${rng.digits(6)} ${provCaps(doc.provider)}`, 32)}PCP: ${rp(doc.pcp ? provCaps(doc.pcp) : 'NONE', 22)}SVC: ${rp(rng.pick(['MED', 'CARD', 'SURG', 'PULM']), 6)}FC: ${rng.pick(['MCR', 'COM', 'MCD', 'HMO'])}`);
    L.push('-'.repeat(W));
    doc.diagnoses.forEach((x, i) => L.push(`${rp(i === 0 ? 'PDX:' : `DX${zpad(i + 1)}:`, 6)}${rp(x.code, 9)}${rp(x.description.toUpperCase(), 66)}POA:${i === 0 ? 'Y' : rng.pick(['Y', 'Y', 'W'])}`));
    doc.procedures.forEach((x, i) => L.push(`${rp(`PX${zpad(i + 1)}:`, 6)}${rp(mdy2(addDaysIso(doc.admit_date, Math.min(i, doc.los))), 9)}${x.toUpperCase()}`));
    if (!doc.procedures.length) L.push('PX01: NONE');
    L.push(`ALLERGIES: ${doc.allergies.length ? doc.allergies.map((a) => `${a.substance.toUpperCase()} (${a.reaction.toUpperCase()})`).join('; ') : 'NKDA'}`);
    L.push('-'.repeat(W));
    const para = (cap, txt) => { const ls = wrap(`${cap}: ${txt}`, W - 2); L.push(...ls.map((l, i) => (i ? `  ${l}` : l))); };
    para('REASON FOR ADM', `${doc.reason.toUpperCase()}. ${doc.hpi}`);
    para('HOSP COURSE', doc.course.join(' '));
    para('COND AT DSCH', `${doc.condition.toUpperCase()}   DIET: ${doc.diet.toUpperCase()}   ACTIVITY: ${doc.activity.toUpperCase()}`);
    L.push('-'.repeat(W));
    L.push(`DSCH MEDS  ${rp('DRUG / STRENGTH / FORM', 42)}${rp('DIRECTIONS', 34)}ACTION`);
    doc.medications.forEach((m, i) => {
      const sig = wrap(m.sig, 33);
      L.push(`  ${zpad(i + 1)}.     ${rp(`${m.name} ${m.strength} ${m.form}`, 42)}${rp(sig[0], 34)}${(m.status || 'CONTINUE').toUpperCase()}`);
      for (const s of sig.slice(1)) L.push(`${' '.repeat(53)}${s}`);
    });
    L.push('-'.repeat(W));
    para('FOLLOW UP', doc.followup.join('; ').toUpperCase());
    if (doc.pending.length) para('PENDING', doc.pending.join(', ').toUpperCase());
    L.push('', `SIGNED ELECTRONICALLY: ${provCaps(doc.provider)} ${doc.provider.cred}  ${mdy2(doc.signed)} ${hhmm(doc.signed)}   DICT ${mdy2(doc.dictated)}  JOB ${doc.job}`);
    const body = `<pre>${esc(L.join('\n'))}</pre>`;
    const css = baseCss(f, 8.1) + `pre{font-family:'${f}';font-size:8.1pt;line-height:1.3;margin:0}`;
    const footer = pageFooter(f, `${esc(nm)}  MR# ${esc(doc.mrn)}  DISCHARGE ABSTRACT`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.5, 0.4), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.i1: DICTATION-TRANSCRIPTION office note (outsourced MT service, WordPerfect look): "RE: TESTBURY,
// HAROLD" / "DOB: 3/4/1950" / "DATE OF SERVICE: 03-14-24" (dashes, two-digit year) header lines, then RUN-IN CAPS
// CAPTIONS inside paragraphs: "CHIEF COMPLAINT:", "HISTORY OF PRESENT ILLNESS:", "PHYSICAL EXAMINATION: VITAL SIGNS:
// Blood pressure 132/84, pulse 72, ..." (vitals in words), "IMPRESSION AND PLAN:" numbered with the code after a
// comma, meds as a run-on paragraph, transcription trailer "JM/mt  D: 03-14-24  T: 03-15-24  Job #".
const ovI1 = {
  id: 'office_visit.i1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}`;
    const ini = `${doc.provider.first[0]}${doc.provider.last[0]}/${rng.letters(2).toLowerCase()}`;
    const body = `
      <div class="lh">${esc(doc.facility.name.toUpperCase())}<br><span class="sm">${esc(fmtAddr(doc.facility.address))} &nbsp; Telephone ${fmtPhone(doc.facility.phone)}</span></div>
      <div class="t">OFFICE NOTE</div>
      <table class="id"><tr><td>RE:</td><td>${esc(nm)}</td><td>CHART #:</td><td>${esc(doc.mrn)}</td></tr>
      <tr><td>DOB:</td><td>${fmtDate(p.dob, 'us-nopad')}</td><td>DATE OF SERVICE:</td><td>${mdy2d(doc.date_of_service)}</td></tr>
      <tr><td>PHYSICIAN:</td><td>${esc(provName(doc.provider))}</td><td>VISIT:</td><td>${esc(doc.visit_type.toUpperCase())}</td></tr></table>
      <p><b>CHIEF COMPLAINT:</b> ${esc(doc.chief_complaint)}.</p>
      <p><b>HISTORY OF PRESENT ILLNESS:</b> ${esc(doc.hpi)}</p>
      <p><b>CURRENT MEDICATIONS:</b> ${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join('; ') : 'None'}.</p>
      <p><b>ALLERGIES:</b> ${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance.toUpperCase())} (${esc(a.reaction)})`).join(', ') : 'NO KNOWN DRUG ALLERGIES'}.</p>
      <p><b>REVIEW OF SYSTEMS:</b> ${doc.ros.map(([k, x]) => `${esc(k)}: ${esc(x)}`).join(' ')}</p>
      <p><b>PHYSICAL EXAMINATION: VITAL SIGNS:</b> Blood pressure ${v.bp}, pulse ${v.hr}, respirations ${v.rr}, temperature ${v.temp}, O2 saturation ${v.spo2}% on room air, height ${v.ht_in} inches, weight ${v.wt_lb} pounds, BMI ${v.bmi}. ${doc.exam.map(([k, x]) => `<b>${esc(k.toUpperCase())}:</b> ${esc(x)}`).join(' ')}</p>
      <p><b>IMPRESSION AND PLAN:</b></p>${doc.diagnoses.map((x, i) => `<p class="ip">${i + 1}. ${esc(x.description)}, ${x.code}.${i === 0 ? ' ' + doc.plan.map(esc).join(' ') : ''}</p>`).join('')}
      <p>Return to clinic in ${esc(doc.followup)}.</p>
      <div class="keep sg">${signatureSvg(rng, 120, 28)}${esc(provName(doc.provider))}</div>
      <div class="tr">${ini} &nbsp; D: ${mdy2d(doc.date_of_service)} &nbsp; T: ${mdy2d(addDaysIso(doc.date_of_service, rng.int(0, 2)))} &nbsp; Job #${rng.digits(6)}<br>cc: Chart</div>`;
    const css = baseCss(f, 10.5) + `
      .lh{text-align:center;font-size:12pt;font-weight:bold}.sm{font-size:8pt;font-weight:normal}
      .t{text-align:center;font-size:11pt;font-weight:bold;text-decoration:underline;margin:10pt 0 8pt 0}
      table.id{margin-bottom:8pt} table.id td{padding:0 10pt 0 0} p{margin:0 0 7pt 0;line-height:1.35}.ip{margin-left:0.3in}
      .sg{margin-top:14pt}.tr{margin-top:12pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &nbsp; ${mdy2d(doc.date_of_service)}`, 'Page <span class="pageNumber"></span>');
    return { css, body, footer, margins: M(0.7, 0.7, 0.9, 0.9), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LISTS =======================
// medication_list.i1 (pharmacy): retail pharmacy "PATIENT MEDICATION PROFILE" printed on the counter's 3-inch
// RECEIPT PRINTER and faxed: one narrow monospace column, "=====" rules, header block "PT: TESTBURY, HAROLD" /
// "DOB: 03/04/1950" / "PRINTED: 03/14/24 10:32", then one block per prescription: "RX# 6041234  FILLED 03/02/24",
// drug in capitals, SIG in capitals, "QTY 60  DS 30  RF 3", "DR MOCKWOOD", "STATUS: ACTIVE" / "INACTIVE".
const mlI1 = {
  id: 'medication_list.i1', set: SET, type: 'medication_list', facilityKind: 'pharmacy',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}`;
    const W = 36; const L = [];
    const c = (s) => { s = String(s); const k = Math.max(0, Math.floor((W - s.length) / 2)); return ' '.repeat(k) + s; };
    L.push(c(`${doc.facility.name.toUpperCase()} #${zpad(rng.int(1, 9999), 4)}`));
    for (const l of wrap(fmtAddr(doc.facility.address).toUpperCase(), W)) L.push(c(l));
    L.push(c(`PH ${fmtPhone(doc.facility.phone, 'paren')}`), c(`FX ${fmtPhone(doc.facility.fax, 'paren')}`));
    L.push('='.repeat(W), c('PATIENT MEDICATION PROFILE'), '='.repeat(W));
    L.push(`PT: ${nm}`, `DOB: ${fmtDate(p.dob, 'us')}`, `PT ID: ${doc.mrn}`, `PRINTED: ${mdy2(doc.date_of_service)} ${zpad(rng.int(8, 19))}:${zpad(rng.int(0, 59))}`);
    L.push(`ALLERGIES: ${doc.allergies.length ? doc.allergies.map((a) => a.substance.toUpperCase()).join(', ') : 'NKA'}`);
    L.push('-'.repeat(W));
    const meds = doc.medications.map((m) => ({ m, sig: m.sig.toUpperCase() }));
    for (const { m, sig } of meds) {
      const active = (m.status || 'Active') === 'Active';
      L.push(`RX# ${rng.digits(7)}  FILLED ${mdy2(m.last_fill || m.start)}`);
      for (const l of wrap(`${m.name} ${m.strength} ${m.form}`.toUpperCase(), W)) L.push(l);
      for (const l of wrap(sig, W)) L.push(l);
      L.push(`QTY ${rng.pick([30, 60, 90, 14, 20])}  DS ${rng.pick([30, 90, 7, 10])}  RF ${active ? rng.int(0, 5) : 0}`);
      L.push(`DR ${(m.prescriber || doc.provider).last.toUpperCase()}`);
      L.push(`STATUS: ${active ? 'ACTIVE' : 'INACTIVE - ' + m.status.toUpperCase()}`);
      L.push('-'.repeat(W));
    }
    L.push(c('*** END OF PROFILE ***'), c(`${meds.length} RX ON FILE`));
    const body = `<pre>${esc(L.join('\n'))}</pre>`;
    const css = baseCss(f, 9.2) + `pre{font-family:'${f}';font-size:9.2pt;line-height:1.25;margin:0;width:3.1in;border-left:1px dotted #999;border-right:1px dotted #999;padding:0 4pt}`;
    return { css, body, margins: M(0.5, 0.5, 2.4, 2.4), fonts: [f], gt: { name_printed: nm, medications: meds.map(({ m, sig }) => medGt(m, sig)) } };
  },
};

// medication_list.i2 (clinic): LONG-TERM-CARE "PHYSICIAN'S ORDERS — MONTHLY RECAP" (the nursing-home recap sheet
// reprinted every month for the attending to renew, with a MAR-style administration-hours column): resident block
// packed on two lines (RESIDENT / ROOM / ADM / DOB "03-04-1950" / MD), "RECAP PERIOD 03/01/24 - 03/31/24",
// ALLERGIES / DIAGNOSES / DIET / CODE STATUS, then numbered ORDERS: ORIG DATE / MEDICATION - DOSE - ROUTE - FREQ /
// HOURS (0800 1700 ...) / RENEW ☐ D/C ☐ boxes, physician signature line.
const mlI2 = {
  id: 'medication_list.i2', set: SET, type: 'medication_list',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first}${p.middle ? ' ' + p.middle[0] + '.' : ''}`;
    const x = dp(doc.date_of_service); const first = `${x.y}-${zpad(x.m + 1)}-01`;
    const last = new Date(Date.UTC(x.y, x.m + 1, 0)).toISOString().slice(0, 10);
    const hours = { QD: '0800', BID: '0800 1700', TID: '0800 1300 1800', QID: '0800 1200 1600 2000', QHS: '2100', QAM: '0700', QPM: '1700', QW: '0800 MON', PRN: 'PRN' };
    const rows = doc.medications.map((m, i) => `<tr><td class="c">${i + 1}</td><td>${mdy2(m.start)}</td><td><b>${esc(m.name.toUpperCase())} ${esc(m.strength)} ${esc(m.form)}</b><br>${esc(m.sig)}${(m.status || 'Active') !== 'Active' ? ` <i>(${esc(m.status)})</i>` : ''}</td><td class="c">${hours[m.frequency] || esc(m.frequency || '')}</td><td class="c">&#9744; RENEW &nbsp; &#9744; D/C</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)} &mdash; Long Term Care Unit</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Nursing station ${fmtPhone(doc.facility.phone, 'dash')}</div></td><td class="r"><div class="t">PHYSICIAN'S ORDERS<br>MONTHLY RECAP</div></td></tr></table>
      <div class="bx"><b>RESIDENT</b> ${esc(nm)} &nbsp; <b>ROOM</b> ${rng.int(100, 260)}-${rng.pick(['A', 'B'])} &nbsp; <b>DOB</b> ${fmtDate(p.dob, 'us').replace(/\//g, '-')} &nbsp; <b>SEX</b> ${p.sex} &nbsp; <b>MED REC</b> ${esc(doc.mrn)}<br>
      <b>ATTENDING</b> ${esc(provName(doc.provider))} &nbsp; <b>RECAP PERIOD</b> ${mdy2(first)} - ${mdy2(last)} &nbsp; <b>PRINTED</b> ${mdy2(doc.date_of_service)}</div>
      <div class="bx"><b>ALLERGIES:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance.toUpperCase())).join(', ') : 'NKDA'} &nbsp; <b>DIET:</b> ${rng.pick(['REGULAR', 'NCS / NAS', 'MECH SOFT', 'CCHO 1800'])} &nbsp; <b>CODE STATUS:</b> ${rng.pick(['FULL CODE', 'DNR', 'DNR/DNI'])}<br>
      <b>DIAGNOSES:</b> ${(p.conditions.length ? p.conditions : ['none']).map((c) => esc(c.toUpperCase())).join(', ')}</div>
      <table class="ml"><thead><tr><th>#</th><th>ORIG DATE</th><th>MEDICATION &mdash; DOSE &mdash; ROUTE &mdash; FREQUENCY</th><th>ADMIN HOURS</th><th>RENEW / D/C</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm">Standing orders: may crush medications unless contraindicated; pharmacy may substitute generic equivalents; labs per facility protocol. Orders not marked RENEW expire at the end of the recap period.</p>
      <table class="sg keep"><tr><td>Physician signature ______________________________</td><td>Date ____________</td><td>Nurse noted ____________</td></tr></table>`;
    const css = baseCss(f, 8.6) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.t{font-size:11pt;font-weight:bold}.sm{font-size:7.3pt}
      .bx{border:1px solid #000;padding:3pt;margin:4pt 0;line-height:1.45} table.ml{width:100%;border-collapse:collapse;margin-top:4pt} table.ml th{border:1px solid #000;font-size:7.5pt;padding:2pt;background:#ddd} table.ml td{border:0.75px solid #000;padding:2pt 3pt;vertical-align:top}
      table.sg{width:100%;margin-top:18pt} table.sg td{padding:2pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; MONTHLY RECAP ${MON[x.m]} ${x.y}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.5, 0.5), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION RECORD =======================
// immunization.i1: an old STATE "LIFETIME IMMUNIZATION RECORD" pocket card TRANSCRIBED onto the clinic's form: the
// birthdate in split boxes "MO | DAY | YR" = "03 | 04 | 50", name boxes LAST / FIRST / MIDDLE, one row per vaccine
// (old short names "DTaP", "MMR", "HepB"), DOSE-SLOT columns 1st … 5th each with the date "03/14/24" (MM/DD/YY)
// and the lot in tiny type under it, then "Transcribed from original card by … on …".
const imI1 = {
  id: 'immunization.i1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const tf = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const x = dp(p.dob);
    const groups = [];
    for (const s of doc.immunizations) { let g = groups.find((q) => q.key === s.key); if (!g) groups.push(g = { key: s.key, label: s.short, shots: [] }); g.shots.push(s); }
    const rowsHtml = groups.flatMap((g) => { const out = []; for (let i = 0; i < g.shots.length; i += 5) out.push({ label: i ? `${g.label} (cont.)` : g.label, shots: g.shots.slice(i, i + 5) }); return out; })
      .map((r) => `<tr><td class="vl">${esc(r.label)}</td>${[0, 1, 2, 3, 4].map((k) => { const s = r.shots[k]; return s ? `<td><span class="ty">${mdy2(s.date)}</span><div class="lt">${esc(s.lot)}</div></td>` : '<td></td>'; }).join('')}</tr>`).join('');
    const nm = `${p.last.toUpperCase()} ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const body = `
      <div class="st">STATE DEPARTMENT OF HEALTH &middot; IMMUNIZATION PROGRAM</div>
      <div class="t">LIFETIME IMMUNIZATION RECORD</div>
      <table class="nb"><tr><td><div class="cp">LAST NAME</div><span class="ty">${esc(p.last.toUpperCase())}</span></td><td><div class="cp">FIRST</div><span class="ty">${esc(p.first.toUpperCase())}</span></td><td><div class="cp">MIDDLE</div><span class="ty">${esc(p.middle || '')}</span></td>
      <td class="bd"><div class="cp">BIRTHDATE</div><table class="dt"><tr><td>MO</td><td>DAY</td><td>YR</td></tr><tr class="ty"><td>${zpad(x.m + 1)}</td><td>${zpad(x.d)}</td><td>${yy(x.y)}</td></tr></table></td><td><div class="cp">SEX</div><span class="ty">${p.sex}</span></td></tr></table>
      <table class="im"><thead><tr><th style="width:22%">VACCINE</th><th>1st</th><th>2nd</th><th>3rd</th><th>4th</th><th>5th</th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <p class="sm">Dates are month/day/year. Lot numbers in small type under each date where recorded on the original card.</p>
      <p class="tx">Transcribed from original card by <span class="ty">${rng.pick(['B. Specimen, LPN', 'D. Mockler, MA', 'T. Sampleford, RN'])}</span> on <span class="ty">${mdy2(doc.date_of_service)}</span> &nbsp; Clinic: ${esc(doc.facility.name)}, ${esc(fmtAddr(doc.facility.address))} &nbsp; Chart ${esc(doc.mrn)} &nbsp; Provider ${esc(provName(doc.provider))}</p>`;
    const css = baseCss(f, 9) + `
      .st{font-size:8pt;text-align:center}.t{font-size:15pt;font-weight:bold;text-align:center;margin:2pt 0 8pt 0}
      .ty{font-family:'${tf}';font-size:10pt}.cp{font-size:6.5pt;font-weight:bold} table.nb{width:100%;border-collapse:collapse} table.nb>tbody>tr>td{border:1px solid #000;padding:2pt 4pt;vertical-align:top}
      table.dt td{padding:0 5pt;font-size:6.5pt;text-align:center;border-right:0.5px solid #000} table.dt tr.ty td{font-size:10pt}
      table.im{width:100%;border-collapse:collapse;margin-top:8pt} table.im th{border:1.5px solid #000;padding:2pt;font-size:8pt} table.im td{border:1px solid #000;padding:3pt;height:24pt;vertical-align:top;text-align:center} td.vl{text-align:left!important;font-weight:bold}
      .lt{font-size:6pt;color:#333}.sm{font-size:7pt;margin-top:4pt}.tx{margin-top:10pt;font-size:8.5pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.6, 0.6), fonts: [f, tf], gt: { name_printed: nm, immunizations: doc.immunizations.map((s) => immGt(s, s.short, true, false)) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.i1: PACS / RIS report printed from the workstation with DICOM-style header fields: "Patient Name:
// TESTBURY^HAROLD^J" (DICOM PN with carets), "Patient ID", "Birth Date: 19500304" (DA, YYYYMMDD), "Study Date:
// 20240314", "Study Time: 103200", "Accession #" with a Code 39 barcode and its human-readable "*12345678*", "Modality:
// CT", "Referring Physician: MOCKWOOD^JANE"; the report in sans with capital section heads; "Signed 20240314 1455".
const radI1 = {
  id: 'radiology.i1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, 'sans'); const mf = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}^${p.first.toUpperCase()}${p.middle ? '^' + p.middle[0] : ''}`;
    const kv = (k, v) => `<tr><td class="k">${k}</td><td class="m">${v}</td></tr>`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dot')}</div></td><td class="r">${barcodeSvg(rng, 170, 26)}<div class="m">*${doc.accession}*</div></td></tr></table>
      <div class="bar">RADIOLOGY REPORT &mdash; PACS PRINT</div>
      <div class="two"><table class="kv">${kv('Patient Name:', esc(nm))}${kv('Patient ID:', esc(doc.mrn))}${kv('Birth Date:', dicomDA(p.dob))}${kv('Sex:', p.sex)}${kv('Referring Physician:', esc(`${doc.provider.last.toUpperCase()}^${doc.provider.first.toUpperCase()}`))}</table>
      <table class="kv">${kv('Accession #:', doc.accession)}${kv('Study Date:', dicomDA(doc.exam_datetime))}${kv('Study Time:', `${hhmm(doc.exam_datetime)}00`)}${kv('Modality:', esc(doc.modality))}${kv('Study Description:', esc(doc.exam.toUpperCase()))}</table></div>
      <div class="h">EXAM:</div><p>${esc(doc.exam)} (CPT ${doc.cpt})</p>
      <div class="h">HISTORY:</div><p>${esc(doc.indication)}</p>
      <div class="h">TECHNIQUE:</div><p>${esc(doc.technique)}</p>
      <div class="h">COMPARISON:</div><p>${esc(doc.comparison)}</p>
      <div class="h">FINDINGS:</div>${doc.findings.map((x) => `<p>${esc(x)}</p>`).join('')}
      <div class="h">IMPRESSION:</div>${doc.impression.map((x, i) => `<p>${i + 1}. ${esc(x)}</p>`).join('')}
      ${doc.birads !== null && doc.birads !== undefined ? `<p>BI-RADS: ${doc.birads}</p>` : ''}
      <div class="keep sg">Dictated by: ${esc(provName(doc.radiologist))}<br>Signed: <span class="m">${dicomDA(doc.signed)} ${hhmm(doc.signed)}</span> &nbsp; Transcribed: <span class="m">${dicomDA(doc.signed)}</span></div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%} table.hd td{vertical-align:top}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.m{font-family:'${mf}';font-size:9pt}
      .bar{background:#000;color:#fff;font-weight:bold;padding:2pt 5pt;margin:5pt 0}
      .two{display:flex;gap:0.3in} table.kv td{padding:0.5pt 6pt 0.5pt 0} td.k{font-size:8pt;white-space:nowrap}
      .h{font-weight:bold;margin-top:7pt} p{margin:1pt 0 2pt 0}.sg{margin-top:14pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${esc(doc.mrn)} &middot; ACC ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f, mf], gt: { name_printed: nm, radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.i1: TYPEWRITTEN referral LETTER (IBM Selectric look, Courier 10-pitch) on a centred letterhead: date
// "March 14, 2024", inside address, UNDERLINED CAPTIONS typed with the underline key — "RE:", "BIRTHDATE:" (M/D/YY,
// "3/4/50"), "REASON FOR REFERRAL:", "DIAGNOSES:", "PRESENT MEDICATIONS:", "URGENCY:", "AUTHORIZATION NO.:" — each
// list typed one item per line with codes, "Sincerely," signature block, reference initials "JM:ab", "Enc.", "cc:".
const refI1 = {
  id: 'referral.i1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const nm = `${p.first}${p.middle ? ' ' + p.middle + '.' : ''} ${p.last}`;
    const u = (s) => `<u>${s}</u>:`;
    const body = `
      <div class="lh"><b>${esc(doc.facility.name.toUpperCase())}</b><br>${esc(doc.facility.address.line1)}<br>${esc(doc.facility.address.city)}, ${esc(doc.facility.address.state)} ${esc(doc.facility.address.zip)}<br>Telephone ${fmtPhone(doc.facility.phone)} &nbsp; Fax ${fmtPhone(doc.facility.fax)}</div>
      <p>${longDate(doc.date_of_service)}</p>
      <p>${esc(provName(to))}<br>${esc(doc.to_facility.name)}<br>${esc(doc.to_facility.address.line1)}<br>${esc(doc.to_facility.address.city)}, ${esc(doc.to_facility.address.state)} ${esc(doc.to_facility.address.zip)}</p>
      <table class="re"><tr><td>${u('RE')}</td><td>${esc(nm)}</td></tr><tr><td>${u('BIRTHDATE')}</td><td>${mdyNoPad2(p.dob)}</td></tr><tr><td>${u('OUR FILE NO.')}</td><td>${esc(doc.mrn)}</td></tr></table>
      <p>Dear Dr. ${esc(to.last)}:</p>
      <p>Thank you for agreeing to see my patient in ${esc(doc.specialty.toLowerCase())} consultation. ${esc(doc.reason)}. I would appreciate your evaluation and recommendations.</p>
      <p>${u('REASON FOR REFERRAL')} ${esc(doc.reason)}.</p>
      <p>${u('DIAGNOSES')}<br>${doc.diagnoses.map((x) => `&nbsp;&nbsp;&nbsp;${x.code}&nbsp;&nbsp;&nbsp;${esc(x.description)}`).join('<br>')}</p>
      <p>${u('PRESENT MEDICATIONS')}<br>${doc.medications.length ? doc.medications.map((m) => `&nbsp;&nbsp;&nbsp;${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join('<br>') : '&nbsp;&nbsp;&nbsp;None'}</p>
      <p>${u('ALLERGIES')} ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</p>
      <p>${u('URGENCY')} ${esc(doc.urgency)}${doc.auth_number ? `<br>${u('AUTHORIZATION NO.')} ${esc(doc.auth_number)}` : ''}</p>
      <p>Enclosed please find ${doc.enclosures.map((e) => esc(e.toLowerCase())).join(', ')}. Please send your report to my attention at the address above.</p>
      <p>Sincerely,</p>${signatureSvg(rng, 140, 32)}
      <p>${esc(provName(doc.provider))}</p>
      <p class="ini">${doc.provider.first[0]}${doc.provider.last[0]}:${rng.letters(2).toLowerCase()}<br>Enc.<br>cc: ${esc(p.last)} chart</p>`;
    const css = baseCss(f, 10.5) + `
      .lh{text-align:center;margin-bottom:18pt;line-height:1.3} p{margin:0 0 10pt 0;line-height:1.3} table.re{margin:0 0 10pt 0} table.re td{padding:0 12pt 0 0} .ini{font-size:9pt}`;
    return { css, body, margins: M(0.8, 0.8, 1.0, 0.9), fonts: [f], gt: { name_printed: nm, diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.i1 (billing office): paper CLAIM FORM copy (CMS-1500 / HCFA manner) sent to the patient as the bill:
// numbered boxes "2. PATIENT'S NAME (Last Name, First Name, Middle Initial)" = "TESTBURY, HAROLD, J", "3. PATIENT'S
// BIRTH DATE MM | DD | YY" = "03 04 1950", "11. INSURED'S POLICY GROUP", box 24 service lines with "A. DATE(S) OF
// SERVICE From MM DD YY" = "03 14 24", "D. PROCEDURES (CPT/HCPCS)", "F. $ CHARGES", boxes 26 ACCOUNT NO. /
// 28 TOTAL CHARGE / 29 AMOUNT PAID / 30 BALANCE DUE, "31. SIGNATURE … DATE", plus a tear-off "PATIENT COPY" stub.
const billI1 = {
  id: 'billing.i1', set: SET, type: 'insurance_billing', facilityKind: 'billing',
  render(doc, env) {
    const f = font(env, 'narrow'); const tf = font(env, 'mono'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}${p.middle ? ', ' + p.middle[0] : ''}`;
    const sp = (iso, four = false) => { const x = dp(iso); return `${zpad(x.m + 1)} ${zpad(x.d)} ${four ? x.y : yy(x.y)}`; };
    const due = Math.round((doc.previous_balance + t.patient_resp) * 100) / 100;
    const amt = (n) => n.toFixed(2).replace('.', ' ');
    const box = (cap, val, cls = '') => `<td class="${cls}"><div class="cp">${cap}</div><div class="ty">${val}</div></td>`;
    const lines = doc.lines.map((l, i) => `<tr class="ln"><td class="c">${i + 1}</td><td class="ty">${sp(l.date)}</td><td class="ty">${sp(l.date)}</td><td class="ty">11</td><td class="ty">${l.cpt}</td><td class="dsc">${esc(l.description.toUpperCase())}</td><td class="ty c">A</td><td class="ty r">${amt(l.billed)}</td><td class="ty c">1</td><td class="ty">${rng.digits(10)}</td></tr>`).join('');
    const body = `
      <div class="top"><span class="fm">HEALTH INSURANCE CLAIM FORM</span><span class="cp">APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12 &mdash; PATIENT COPY / STATEMENT</span></div>
      <table class="g"><tr>${box('1. INSURANCE', `&#9746; GROUP HEALTH PLAN &nbsp; ${esc(doc.payer.toUpperCase())}`)}${box("1a. INSURED'S I.D. NUMBER", doc.member_id)}</tr>
      <tr>${box("2. PATIENT'S NAME (Last Name, First Name, Middle Initial)", esc(nm))}${box("3. PATIENT'S BIRTH DATE &nbsp; MM | DD | YY &nbsp;&nbsp; SEX", `${sp(p.dob, true)} &nbsp;&nbsp; ${p.sex === 'M' ? 'M &#9746; F &#9744;' : 'M &#9744; F &#9746;'}`)}</tr>
      <tr>${box("5. PATIENT'S ADDRESS (No., Street)", esc(fmtAddr(p.address || doc.facility.address).toUpperCase()))}${box("11. INSURED'S POLICY GROUP OR FECA NUMBER", doc.group)}</tr>
      <tr>${box('21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY', 'A. ' + (p.conditions.length ? 'SEE CHART' : 'Z00.00'))}${box('23. PRIOR AUTHORIZATION NUMBER', '')}</tr></table>
      <table class="sv"><thead><tr><th></th><th>24. A. DATE(S) OF SERVICE<br>From MM DD YY</th><th>To MM DD YY</th><th>B. PLACE OF SERVICE</th><th>D. PROCEDURES (CPT/HCPCS)</th><th>DESCRIPTION</th><th>E. DIAG. POINTER</th><th>F. $ CHARGES</th><th>G. UNITS</th><th>J. RENDERING PROVIDER ID #</th></tr></thead><tbody>${lines}</tbody></table>
      <table class="g"><tr>${box('25. FEDERAL TAX I.D. NUMBER', `${rng.digits(2)}-${rng.digits(7)}`)}${box("26. PATIENT'S ACCOUNT NO.", doc.account)}${box('28. TOTAL CHARGE', `$ ${amt(t.billed)}`)}${box('29. AMOUNT PAID', `$ ${amt(t.paid)}`)}${box('30. BALANCE DUE', `$ ${amt(due)}`)}</tr>
      <tr>${box('31. SIGNATURE OF PHYSICIAN OR SUPPLIER', `${esc(provName(doc.provider).toUpperCase())} &nbsp; DATE ${sp(doc.statement_date)}`)}${box('32. SERVICE FACILITY LOCATION INFORMATION', esc(doc.facility.name.toUpperCase()))}${box('33. BILLING PROVIDER INFO &amp; PH #', `${esc(fmtAddr(doc.facility.address).toUpperCase())} ${fmtPhone(doc.facility.phone, 'paren')}`, '')}</tr></table>
      <div class="stub"><div class="sh">&#9986; - - - - - - - - - - - - - - - - - - - - - - - - RETURN THIS PORTION WITH YOUR PAYMENT - - - - - - - - - - - - - - - - - - - - - - - -</div>
      <table class="st"><tr><td>ACCOUNT NO.</td><td class="ty">${doc.account}</td><td>STATEMENT DATE</td><td class="ty">${mdy2(doc.statement_date)}</td><td>PAY BY</td><td class="ty">${mdy2(doc.due_date)}</td></tr>
      <tr><td>PATIENT</td><td class="ty">${esc(nm)}</td><td>CLAIM NO.</td><td class="ty">${doc.claim_number}</td><td>INS. PAID</td><td class="ty">${money(t.paid)}</td></tr>
      <tr><td>PREV BALANCE</td><td class="ty">${money(doc.previous_balance)}</td><td>ADJUSTMENT</td><td class="ty">-${money(t.not_covered)}</td><td><b>AMOUNT DUE</b></td><td class="ty"><b>${money(due)}</b></td></tr></table></div>`;
    const css = baseCss(f, 8) + `
      .top{display:flex;justify-content:space-between;align-items:baseline;border-bottom:2px solid #000}.fm{font-size:14pt;font-weight:bold}.cp{font-size:6.2pt}
      .ty{font-family:'${tf}';font-size:9pt}
      table.g{width:100%;border-collapse:collapse;margin-top:3pt} table.g td{border:1px solid #000;padding:1pt 3pt;vertical-align:top;height:22pt}
      table.sv{width:100%;border-collapse:collapse;margin-top:4pt} table.sv th{border:1px solid #000;font-size:6pt;font-weight:normal;padding:1pt;text-align:left;vertical-align:bottom} table.sv td{border:0.75px solid #000;padding:2pt 3pt;white-space:nowrap} td.dsc{font-size:7pt;white-space:normal}
      .stub{margin-top:16pt}.sh{font-size:6.5pt;text-align:center;margin-bottom:4pt} table.st{width:100%;border:1.5px solid #000;border-collapse:collapse} table.st td{padding:2pt 4pt;border:0.5px solid #777}`;
    return { css, body, margins: M(0.5, 0.5, 0.4, 0.4), fonts: [f, tf], gt: { name_printed: nm, billing: { kind: 'patient_statement', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, account: doc.account, statement_date: doc.statement_date, previous_balance: doc.previous_balance, amount_due: due, lines: doc.lines, totals: doc.totals } } };
  },
};

export default [coverI1, coverI2, labI1, labI2, labI3, dsI1, ovI1, mlI1, mlI2, imI1, radI1, refI1, billI1];
