// faxgen template set 'set-l': another stand-in for faxgen's held-out template set, written in session 20
// WITHOUT looking at the extraction/structuring rules (nothing under src/ was opened) and independent of set-a
// and of every earlier stand-in (set-m .. set-y, set-z): documents as SMALL PRACTICES and RURAL HOSPITALS fax
// them, other typefaces and two new fax-header formats.
// Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-l/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-l ...
// faxgen's helpers are imported from $FAXGEN_DIR or, by default, ../shared/faxgen beside the repo.
// Every template keeps set-a's ground-truth (`gt`) contract (faxgen README, "Ground-truth schema"): names,
// values, units and flags exactly as printed. See README.md here: this set MEASURES generalization; do not
// tune extraction rules to its layouts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAXGEN = fs.realpathSync(process.env.FAXGEN_DIR ? path.resolve(process.env.FAXGEN_DIR) : path.resolve(here, '../../../shared/faxgen'));
const lib = (p) => import(pathToFileURL(path.join(FAXGEN, 'lib', p)).href);
const { baseCss, labPanels, signatureSvg, medGt, esc } = await lib('templates/common.mjs');
const { TESTS, fmtRange } = await lib('labs.mjs');
const { fmtDate, fmtTime, fmtPhone, nameFL, nameFML, nameLF, provName, provLF, fmtAddr, money, ageOn, parseIso, pad: zpad } = await lib('util.mjs');

const SET = 'set-l';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// Liberation Sans / FreeSans (sans), URW Bookman / Liberation Serif (serif), Liberation Mono / Noto Mono (mono),
// DejaVu Sans Condensed (narrow), Z003 (handwriting). Fax header line: Liberation Mono, URW Bookman or FreeSans.
export const fonts = {
  [SET]: {
    sans: ['Liberation Sans', 'FreeSans'],
    serif: ['URW Bookman', 'Liberation Serif'],
    mono: ['Liberation Mono', 'Noto Mono'],
    narrow: ['DejaVu Sans Condensed'],
    tti: ['Liberation Mono', 'URW Bookman', 'FreeSans'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WD = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
/** 3/14/24 */
const mdyS = (iso) => { const d = parseIso(iso); return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}`; };
/** 14.03.2024 */
const dmyDot = (iso) => { const d = parseIso(iso); return `${zpad(d.getUTCDate())}.${zpad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`; };
/** Mar 14 2024 */
const monDYn = (iso) => { const d = parseIso(iso); return `${MON[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}`; };
/** 031424 (old TPA systems) */
const mmddyy = (iso) => { const d = parseIso(iso); return `${zpad(d.getUTCMonth() + 1)}${zpad(d.getUTCDate())}${String(d.getUTCFullYear()).slice(2)}`; };
const addDaysIso = (iso, n) => { const d = parseIso(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // Sharp MX office MFP TX line: ISO date, time, weekday in parentheses, sender, digits-only number, job number
    // and the page alone ("P.002", no total): "2024-03-14 10:32 (THU)  SENDER  2175550146  #0482  P.002"
    (t) => { const d = parseIso(t.dt); return [`${t.dt.slice(0, 10)} ${fmtTime(t.dt, '24')} (${WD[d.getUTCDay()]})`, t.sender.slice(0, 26), `${t.fax.area}${t.fax.exch}${t.fax.line}`, `#0${String(400 + (d.getUTCDate() * 7) % 500)}`, `P.${zpad(t.page, 3)}`]; },
    // Xerox WorkCentre small-office line: "Mar 14 2024 10:32AM  SENDER  (217)5550146  pg 2 of 5"
    (t) => [`${monDYn(t.dt)} ${fmtTime(t.dt, '12').replace(' ', '')}`, t.sender.slice(0, 26), `(${t.fax.area})${t.fax.exch}${t.fax.line}`, `pg ${t.page} of ${t.total}`],
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
const immGt = (s) => ({ vaccine: s.vaccine, vaccine_printed: s.vaccine, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: s.lot, site: s.site });
const padR = (s, n) => { s = String(s ?? ''); return s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length); };
const bx = (on) => (on ? '&#9746;' : '&#9744;');
const hw = (s) => `<span class="hw">${s}</span>`;

// ======================= FAX COVER SHEET =======================
// cover.l1: small-practice cover that is MOSTLY A HUGE "CONFIDENTIAL" BANNER (the free "confidential fax" PDF
// templates rural clinics print by the ream): giant outlined word across the top half, a thin "FAX" kicker, then
// the fields in tiny print as one run of label/value pairs "To: … Fax: … From: … Date: Mar 14 2024 … # Pages incl.
// cover: 5 … Re: …", and the legal warning in 6.5 pt at the foot. Numbers printed "217/555-0146".
const coverL1 = {
  id: 'cover.l1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility;
    const ph = (x) => `${x.area}/${x.exch}-${x.line}`;
    const phn = (x) => { try { return ph(x); } catch { return fmtPhone(x); } };
    const body = `
      <div class="kk">FAX &middot; FAX &middot; FAX</div>
      <div class="big">CONFIDENTIAL</div>
      <div class="sub">PROTECTED HEALTH INFORMATION ENCLOSED</div>
      <div class="tiny">
        <b>To:</b> ${esc(doc.to_name)}${doc.to_org ? ', ' + esc(doc.to_org) : ''} &nbsp; <b>Fax:</b> ${phn(doc.to_fax)} &nbsp; <b>Ph:</b> ${doc.to_phone ? phn(doc.to_phone) : '&mdash;'}<br>
        <b>From:</b> ${esc(doc.from_person)}, ${esc(s.name)} &nbsp; <b>Fax:</b> ${phn(s.fax)} &nbsp; <b>Ph:</b> ${phn(s.phone)}<br>
        <b>Date:</b> ${monDYn(doc.date_of_service)} &nbsp; <b>Time:</b> ${fmtTime(doc.datetime, '12n')} &nbsp; <b># Pages incl. cover:</b> ${doc.pages} &nbsp; ${doc.urgent ? '<b>*** URGENT ***</b>' : ''}<br>
        <b>Re:</b> ${esc(doc.re)}<br><b>Note:</b> ${esc(doc.message)}
      </div>
      <div class="addr">${esc(s.name)} &middot; ${esc(fmtAddr(s.address))}</div>
      <div class="legal">The documents accompanying this facsimile contain confidential information that is legally privileged. This information is intended only for the use of the recipient named above. If you have received this fax in error, please notify the sender immediately by telephone and destroy the documents. Any disclosure, copying or distribution is strictly prohibited.</div>`;
    const css = baseCss(f, 8) + `
      .kk{font-size:11pt;letter-spacing:6pt;text-align:center;margin-top:20pt}
      .big{font-family:'Liberation Sans';font-weight:bold;font-size:64pt;text-align:center;color:#fff;-webkit-text-stroke:2.5px #000;margin:14pt 0 0 0;line-height:1}
      .sub{text-align:center;font-size:10pt;font-weight:bold;border-top:3px solid #000;border-bottom:3px solid #000;padding:3pt;margin:6pt 0 90pt 0}
      .tiny{font-size:7.5pt;line-height:1.55}.addr{font-size:7pt;margin-top:160pt;text-align:center}.legal{font-size:6.5pt;margin-top:4pt;text-align:justify}`;
    return { css, body, margins: M(0.6, 0.5, 0.8, 0.8), fonts: [f, 'Liberation Sans'] };
  },
};

// ======================= LAB REPORTS =======================
// lab.l1 (reflab): small independent regional lab, dot-leader result lines as printed by its old LIS on a laser
// printer: "Glucose ........  184   mg/dL   65-99   ABNORMAL" — columns Test / Result / Units / Range / Status,
// the status a WORD in its own last column: "ABNORMAL" on every out-of-range row, "normal" (lower case) on the
// others. European-style dates "Collected 14.03.2024 08:15", patient "Name: TESTBURY Harold J." (surname first,
// capitals, no comma).
const labL1 = {
  id: 'lab.l1', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Prairie Valley Laboratory', 'Tri-County Clinical Lab'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'full', rangeStyle: 'h' }, { H: 'ABNORMAL', L: 'ABNORMAL', A: 'ABNORMAL' });
    const rows = panels.map((P) => `<tr><td colspan="5" class="ph">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn"><span>${esc(r.name)}</span></td><td class="v">${esc(r.value)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td><td class="${r.flag ? 'ab' : 'nl'}">${r.flag ? esc(r.flagPrinted) : 'normal'}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = `${p.last.toUpperCase()} ${p.first}${p.middle ? ' ' + p.middle[0] + '.' : ''}`;
    const body = `
      <div class="fn">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Tel ${fmtPhone(doc.facility.phone)} &middot; CLIA ${doc.clia} &middot; ${esc(provName(doc.lab_director))}, Lab Director</div>
      <table class="id"><tr><td>Name: <b>${esc(nm)}</b></td><td>Born: ${dmyDot(p.dob)}</td><td>Sex: ${p.sex}</td><td>Lab No: ${doc.accession}</td></tr>
      <tr><td>Physician: ${esc(provName(doc.provider))}</td><td>Collected ${dmyDot(doc.collected)} ${fmtTime(doc.collected, '24')}</td><td colspan="2">Reported ${dmyDot(doc.reported)} ${fmtTime(doc.reported, '24')} &middot; ${esc(doc.status)}</td></tr></table>
      <table class="res"><thead><tr><th style="width:42%">Test</th><th style="width:11%">Result</th><th style="width:14%">Units</th><th style="width:17%">Range</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep sm" style="margin-top:10pt">Status ABNORMAL = outside the reference range for age and sex. End of report.</div>`;
    const css = baseCss(f, 9.2) + `
      .fn{font-size:15pt;font-weight:bold;text-align:center}.sm{font-size:7.3pt;text-align:center}
      table.id{width:100%;margin:6pt 0;border-top:1px solid #000;border-bottom:1px solid #000} table.id td{padding:1.5pt 4pt 1.5pt 0}
      table.res{width:100%} table.res th{text-align:left;font-size:8.5pt;border-bottom:0.75px solid #000;padding:1pt 2pt} table.res td{padding:0.6pt 2pt}
      td.ph{font-weight:bold;text-decoration:underline;padding-top:6pt!important} td.tn{overflow:hidden;white-space:nowrap;padding-left:8pt!important} td.tn span:after{content:" ................................................................";}
      td.ab{font-weight:bold} td.nl{font-size:8pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${dmyDot(p.dob)} &middot; Lab No ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.labName } };
  },
};

// lab.l2 (hospital): critical-access RURAL HOSPITAL lab print (Meditech MAGIC / CPSI manner) on continuous-form
// style paper: monospace preformatted lines, CAPITAL test names, the REFERENCE RANGE GLUED AFTER THE UNIT in
// parentheses ("MG/DL(70-99)" style: "mg/dL(70-99)"), the flag a letter in parentheses AFTER the range "(H)" / "(L)" /
// "(A)", dates "03/14/24", "PT: TESTBURY,HAROLD J" (no space after the comma), "AGE/SX: 74/M".
const labL2 = {
  id: 'lab.l2', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'caps', rangeStyle: 'lis' }, { H: '(H)', L: '(L)', A: '(A)' });
    for (const P of panels) for (const r of P.rows) if (r.range && !r.range.startsWith('(')) { r.range = `(${r.range})`; r.gt.reference_range = r.range; }
    const lines = [];
    for (const P of panels) {
      lines.push('', `${esc(P.name.toUpperCase())}`);
      for (const r of P.rows) lines.push(`  ${esc(padR(r.name, 30))}${esc(padR(r.value, 10))}${esc(padR(`${r.unit || ''}${r.range || ''}`, 24))}${esc(r.flagPrinted)}`);
    }
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = `${p.last.toUpperCase()},${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const age = ageOn(p.dob, doc.collected.slice(0, 10));
    const hdr = [
      `${esc(doc.facility.name.toUpperCase())}            LABORATORY`,
      `RUN DATE: ${mdyS(doc.reported)}   RUN TIME: ${fmtTime(doc.reported, '24c')}                  PAGE-REPORT`,
      ``,
      `PT: ${esc(nm)}          ACCT#: ${doc.accession}`,
      `AGE/SX: ${age}/${p.sex}   DOB: ${mdyS(p.dob)}   UNIT#: ${esc(doc.mrn)}`,
      `ATTEND DR: ${esc(provLF(doc.provider).toUpperCase())}`,
      `COLL: ${mdyS(doc.collected)} ${fmtTime(doc.collected, '24c')}   RECD: ${mdyS(doc.received)} ${fmtTime(doc.received, '24c')}   STATUS: ${esc(String(doc.status).toUpperCase())}`,
      `${'-'.repeat(78)}`,
      `  TEST                          RESULT    UNITS(REF RANGE)        FLAG`,
    ];
    const body = `<pre>${hdr.join('\n')}${lines.join('\n')}\n\n${'-'.repeat(78)}\n(H)=HIGH (L)=LOW (A)=ABNORMAL     ** END OF REPORT **</pre>`;
    const css = baseCss(f, 8.6) + `pre{font-family:'${f}';font-size:8.6pt;margin:0;line-height:1.25}`;
    const footer = pageFooter(f, `${esc(nm)} ${esc(doc.mrn)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.5), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.facility.name } };
  },
};

// lab.l3 (clinic): family-practice POINT-OF-CARE TESTING form (CLIA-waived tests done in the office: A1c, INR,
// glucose, lipids, UA dipstick) filled in and faxed: printed grid Test / Result / Units / Expected / Out of range?
// (Y / N) / Tech initials / Kit lot, results and initials HANDWRITTEN (Z003), ISO date "Date performed:
// 2024-03-14", "Patient name: Harold Testbury" on a write-in line, "QC passed ☒".
const labL3 = {
  id: 'lab.l3', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Point-of-care (in office)', 'Office Lab (CLIA waived)'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'abbr', rangeStyle: 'h' }, { H: 'Y', L: 'Y', A: 'Y' });
    const ini = rng.pick(['KB', 'mt', 'JS', 'rl']);
    const rows = panels.map((P) => `<tr><td colspan="7" class="ph">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td>${esc(r.name)}</td><td class="h">${hw(esc(r.value))}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td><td class="c">${r.flag ? hw(esc(r.flagPrinted)) : hw('N')}</td><td class="c">${hw(ini)}</td><td class="sm">${rng.letters(1)}${rng.digits(5)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = nameFL(p);
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><div class="t">POINT OF CARE TESTING</div><div class="sm">CLIA Certificate of Waiver ${doc.clia}</div></td></tr></table>
      <table class="id"><tr><td>Patient name: <span class="wl">${hw(esc(nm))}</span></td><td>DOB: <span class="wl">${hw(mdyS(p.dob))}</span></td></tr>
      <tr><td>Ordering provider: <span class="wl">${hw(esc(provName(doc.provider)))}</span></td><td>Date performed: <span class="wl">${hw(doc.collected.slice(0, 10))}</span> Time: ${hw(fmtTime(doc.collected, '12n'))}</td></tr></table>
      <table class="g"><thead><tr><th style="width:30%">Test</th><th style="width:12%">Result</th><th style="width:12%">Units</th><th style="width:16%">Expected</th><th style="width:10%">Out of range? Y/N</th><th style="width:8%">Tech</th><th>Kit lot</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep ft">QC passed ${bx(true)} &nbsp; Controls run today ${bx(rng.chance(0.7))} &nbsp;&nbsp; Results reviewed by provider: ${signatureSvg(rng, 90, 20).replace('display:block', 'display:inline-block;vertical-align:middle')}</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.t{font-size:13pt;font-weight:bold}.sm{font-size:7pt}
      table.id{width:100%;margin:6pt 0} table.id td{padding:4pt 6pt 2pt 0}.wl{display:inline-block;min-width:1.6in;border-bottom:0.75px solid #000}
      .hw{font-family:'Z003';font-size:13pt}
      table.g{width:100%;border-collapse:collapse} table.g th{border:1px solid #000;font-size:7.5pt;padding:2pt;background:#e8e8e8;text-align:left} table.g td{border:1px solid #000;padding:1pt 3pt;height:17pt;white-space:nowrap}
      td.ph{font-weight:bold;background:#f2f2f2} td.c{text-align:center}.ft{margin-top:10pt}`;
    return { css, body, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f, 'Z003'], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.performingLab } };
  },
};

// lab.l4 (reflab): regional hospital OUTREACH "endocrine / special chemistry" report (thyroid & hormone reports
// of small reference labs): column order Test / Interp / Result / Units / Reference Interval — the interpretation
// WORD ("Above" / "Below" / "Abnormal") BEFORE the result — and MULTI-LINE, LABELLED reference intervals: a
// sex-specific range printed as two lines "Male: 4.20-5.80" / "Female: 3.80-5.10", the others "Adult: 65-99".
// Dates "Mar 14 2024", patient "Testbury, Harold J" under a "PATIENT" caption.
const labL4 = {
  id: 'lab.l4', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['High Plains Regional Laboratory', 'Riverbend Outreach Laboratory'],
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient;
    const panels = panelsWith(doc, { unitStyle: 'q', nameStyle: 'full', rangeStyle: 'h' }, { H: 'Above', L: 'Below', A: 'Abnormal' });
    const rangeCell = (r) => {
      if (!r.range) return '';
      const t = TESTS[r.key];
      if (t && t.range && (t.range.M || t.range.F) && r.unit !== 'cells/uL') {
        const other = p.sex === 'M' ? 'F' : 'M';
        const o = t.range[other] ? fmtRange(t.range[other], t.dec ?? 0, 'h') : '';
        const mine = `${p.sex === 'M' ? 'Male' : 'Female'}: ${esc(r.range)}`; const oth = o ? `${other === 'M' ? 'Male' : 'Female'}: ${esc(o)}` : '';
        return p.sex === 'M' ? `${mine}<br>${oth}` : `${oth}<br>${mine}`;
      }
      return /\d/.test(r.range) ? `Adult: ${esc(r.range)}` : esc(r.range);
    };
    const rows = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td>${esc(r.name)}</td><td class="fl">${esc(r.flagPrinted)}</td><td class="v">${esc(r.value)}</td><td>${esc(r.unit)}</td><td class="rg">${rangeCell(r)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle[0] : ''}`;
    const cap = (k, v) => `<td><div class="c">${k}</div>${v}</td>`;
    const body = `
      <div class="fn">${esc(doc.labName)}</div><div class="sm">Outreach Laboratory Services &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dot')}</div>
      <table class="id"><tr>${cap('PATIENT', `<b>${esc(nm)}</b>`)}${cap('BIRTH DATE', monDYn(p.dob))}${cap('SEX', p.sex)}${cap('ACCESSION', doc.accession)}</tr>
      <tr>${cap('ORDERING PHYSICIAN', esc(provName(doc.provider)))}${cap('COLLECTED', `${monDYn(doc.collected)} ${fmtTime(doc.collected, '12n')}`)}${cap('RECEIVED', monDYn(doc.received))}${cap('REPORTED', monDYn(doc.reported))}</tr></table>
      <table class="res"><thead><tr><th style="width:34%">Test</th><th style="width:10%">Interp</th><th style="width:11%">Result</th><th style="width:14%">Units</th><th>Reference Interval</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep sm" style="margin-top:10pt;text-align:left">Interp: Above / Below = outside the reference interval for the patient's sex and age; Abnormal = qualitative result not expected. Reference intervals are for adults unless stated. Medical Director ${esc(provName(doc.lab_director))} &middot; CLIA ${doc.clia}.</div>`;
    const css = baseCss(f, 9) + `
      .fn{font-size:14pt;font-weight:bold}.sm{font-size:7.3pt}
      table.id{width:100%;margin:6pt 0;border:1px solid #000;border-collapse:collapse} table.id td{border:0.5px solid #000;padding:1.5pt 4pt;vertical-align:top}.c{font-size:6.5pt;font-weight:bold}
      table.res{width:100%;border-collapse:collapse} table.res th{text-align:left;font-size:8pt;border-bottom:1px solid #000;border-top:1px solid #000;padding:2pt} table.res td{padding:1.5pt 2pt;vertical-align:top;border-bottom:0.3px solid #ccc}
      tr.ph td{font-weight:bold;font-style:italic;padding-top:6pt;border-bottom:none!important} td.v{white-space:nowrap} td.fl{font-weight:bold;font-style:italic} td.rg{font-size:8pt;line-height:1.2}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${monDYn(p.dob)} &middot; ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.labName } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.l1: critical-access RURAL HOSPITAL discharge summary typed by an outside TRANSCRIPTION service:
// monospace, everything in run-in capital headings ("ADMISSION DATE: 03/10/2024", "DISCHARGE DATE: 03/14/2024",
// "DISCHARGE DIAGNOSES:", "HOSPITAL COURSE:", "DISCHARGE MEDICATIONS:" as a numbered list with the status in
// capitals after a dash), and the transcription trailer "DICTATED BUT NOT READ", "D: 03/14/2024 T: 03/15/2024",
// "JOB #", "cc:" list. Patient line "PATIENT: HAROLD J. TESTBURY" (given name first).
const dsL1 = {
  id: 'discharge.l1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] + '.' : ''} ${p.last.toUpperCase()}`;
    const us = (d) => fmtDate(d, 'us');
    const meds = doc.medications.map((m, i) => `${i + 1}. ${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}, ${esc(m.sig)} - ${esc(String(m.status).toUpperCase())}.`).join('<br>');
    const dx = doc.diagnoses.map((d, i) => `${i + 1}. ${esc(d.description)}${d.principal ? ' (principal)' : ''}, ${d.code}.`).join('<br>');
    const H = (k) => `<div class="h">${k}:</div>`;
    const body = `
      <div class="fn">${esc(doc.facility.name.toUpperCase())}</div><div class="ad">${esc(fmtAddr(doc.facility.address))}</div>
      <div class="t">DISCHARGE SUMMARY</div>
      <div>PATIENT: ${esc(nm)}<br>MED REC #: ${esc(doc.mrn)} &nbsp;&nbsp; DOB: ${us(p.dob)}<br>ADMISSION DATE: ${us(doc.admit_date)}<br>DISCHARGE DATE: ${us(doc.discharge_date)}<br>ATTENDING PHYSICIAN: ${esc(provName(doc.provider).toUpperCase())}<br>PRIMARY CARE: ${esc(doc.pcp ? provName(doc.pcp) : 'NONE')}</div>
      ${H('ADMITTING DIAGNOSIS')}<p>${esc(doc.reason)}.</p>
      ${H('DISCHARGE DIAGNOSES')}<p>${dx}</p>
      ${H('HISTORY OF PRESENT ILLNESS')}<p>${esc(doc.hpi)}</p>
      ${H('HOSPITAL COURSE')}<p>${doc.course.map(esc).join(' ')}</p>
      ${H('ALLERGIES')}<p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance.toUpperCase())} (${esc(a.reaction)})`).join(', ') : 'NO KNOWN DRUG ALLERGIES'}.</p>
      ${H('DISCHARGE MEDICATIONS')}<p>${meds}</p>
      ${H('CONDITION ON DISCHARGE')}<p>${esc(doc.condition)}. Disposition: ${esc(doc.disposition)}.</p>
      ${H('FOLLOWUP')}<p>${doc.followup.map(esc).join('. ')}.${doc.pending.length ? ' Pending at discharge: ' + doc.pending.map(esc).join(', ') + '.' : ''}</p>
      <div class="keep tr"><br>${esc(provName(doc.provider).toUpperCase())}<br><br>DICTATED BUT NOT READ<br><br>${rng.letters(2).toUpperCase()}/${rng.letters(2).toLowerCase()}<br>D: ${us(doc.discharge_date)} &nbsp; T: ${us(addDaysIso(doc.discharge_date, 1))}<br>JOB #: ${rng.digits(6)}<br>cc: ${esc(doc.pcp ? provName(doc.pcp) : 'Medical Records')}</div>`;
    const css = baseCss(f, 9) + `
      .fn{text-align:center;font-weight:bold;font-size:10pt}.ad{text-align:center;font-size:8pt}.t{text-align:center;margin:10pt 0;font-weight:bold;text-decoration:underline}
      .h{margin-top:8pt;font-weight:bold} p{margin:1pt 0}.tr{margin-top:8pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; MR# ${esc(doc.mrn)} &middot; DISCHARGE SUMMARY`, PN);
    return { css, body, footer, margins: M(0.6, 0.7, 0.9, 0.9), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.l1: CHIROPRACTIC DAILY NOTE of a one-doctor practice (ChiroTouch print): header strip "Pt: Testbury,
// Harold  Acct: 1234  DOS: 3/14/24  Visit 6", pain scale and body-region grid, "Vitals: BP 132/84 P 72 R 16 T 98.6
// Ht 5'10\" Wt 180#" (feet/inches and "#" for pounds), SOAP run-in sections, segmental listings (C5 PRS, L4 PL …),
// treatment CPT line 98941 / 97140, the medical diagnoses (ICD-10) and the home medications from intake.
const ovL1 = {
  id: 'office_visit.l1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = `${p.last}, ${p.first}`;
    const ht = `${Math.floor(v.ht_in / 12)}'${Math.round(v.ht_in % 12)}"`;
    const pain = rng.int(2, 7);
    const body = `
      <div class="fn">${esc(doc.facility.name)} &mdash; Chiropractic &amp; Wellness</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div>
      <div class="st">Pt: <b>${esc(nm)}</b> &nbsp;&nbsp; DOB ${mdyS(p.dob)} &nbsp;&nbsp; Acct: ${esc(doc.mrn)} &nbsp;&nbsp; DOS: ${mdyS(doc.date_of_service)} &nbsp;&nbsp; Visit ${rng.int(2, 14)}</div>
      <div class="t">DAILY NOTE</div>
      <p><b>S:</b> ${esc(doc.chief_complaint)}. ${esc(doc.hpi)} Pain today ${pain}/10 (0 = none, 10 = worst). ${doc.ros.map(([k, x]) => `${esc(k)}: ${esc(x)}`).join('; ')}.</p>
      <p><b>Vitals:</b> BP ${v.bp} &nbsp;P ${v.hr} &nbsp;R ${v.rr} &nbsp;T ${v.temp} &nbsp;Ht ${ht} &nbsp;Wt ${v.wt_lb}# &nbsp;SpO2 ${v.spo2}% &nbsp;BMI ${v.bmi}</p>
      <p><b>O:</b> ${doc.exam.map(([k, x]) => `${esc(k)}: ${esc(x)}`).join('. ')}.</p>
      <table class="sg"><tr><th>Segment</th><th>Listing</th><th>Findings</th><th>Adjusted</th></tr>${['C5', 'T6', 'L4', 'SI-R'].map((s) => `<tr><td>${s}</td><td>${rng.pick(['PRS', 'PL', 'PLI', 'PR'])}</td><td>${rng.pick(['hypertonicity', 'fixation', 'tender to palpation', 'restricted ROM'])}</td><td>${bx(rng.chance(0.8))}</td></tr>`).join('')}</table>
      <p><b>A:</b> ${doc.diagnoses.map((d) => `${d.code} ${esc(d.description)}`).join('; ')}. Responding as expected.</p>
      <p><b>P:</b> CMT 3-4 regions (98941), manual therapy 15 min (97140). ${doc.plan.map(esc).join(' ')} ${esc(doc.followup)}</p>
      <p><b>Current meds (pt reported):</b> ${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} ${esc(m.sig)}`).join('; ') : 'none'}. <b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKA'}.</p>
      <div class="keep">${signatureSvg(rng, 100, 24)}${rng.pick(['Wes Mockfield, DC', 'Lori Sampleton, DC'])} &middot; ${mdyS(doc.signed)}</div>`;
    const css = baseCss(f, 9.3) + `
      .fn{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}.st{background:#ddd;padding:2pt 4pt;margin:5pt 0}.t{font-weight:bold;font-size:11pt;margin:4pt 0}
      p{margin:3pt 0} table.sg{border-collapse:collapse;margin:3pt 0} table.sg th,table.sg td{border:0.5px solid #444;padding:1pt 6pt;font-size:8.5pt;text-align:left}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOS ${mdyS(doc.date_of_service)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.l1: independent (small-town) PHARMACY "PATIENT PROFILE" print (PioneerRx / QS1 manner), sent
// at the clinic's request: one line per fill history item with columns Rx # / Fill Date (3/14/24) / Drug & Strength /
// Qty / Days / Rfl Rem / Prescriber / Sig on its own second line in small type; inactive (stopped) items marked
// "INACT" in a status column; "Patient: TESTBURY, HAROLD J   DOB 03/04/1950   Ph (217) 555-0146".
const mlL1 = {
  id: 'medication_list.l1', set: SET, type: 'medication_list', facilityKind: 'pharmacy',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const rows = doc.medications.map((m) => {
      const fill = addDaysIso(doc.date_of_service, -rng.int(2, 80));
      const act = m.status === 'Active' || !m.status;
      return `<tr class="a"><td>${rng.digits(7)}</td><td>${mdyS(fill)}</td><td><b>${esc(m.name)} ${esc(m.strength)}</b> ${esc(m.form)}</td><td class="r">${m.qty ?? 30}</td><td class="r">${m.qty ?? 30}</td><td class="r">${m.refills ?? 0}</td><td>${esc(provLF(doc.provider).toUpperCase())}</td><td>${act ? 'ACT' : 'INACT'}</td></tr>
        <tr class="b"><td></td><td colspan="7">Sig: ${esc(m.sig)}</td></tr>`;
    }).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Ph ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)}</div></td><td class="r"><b>PATIENT PROFILE</b><br><span class="sm">Printed ${mdyS(doc.date_of_service)}</span></td></tr></table>
      <div class="pt">Patient: <b>${esc(nm)}</b> &nbsp;&nbsp; DOB ${fmtDate(p.dob, 'us')} &nbsp;&nbsp; Sex ${p.sex} &nbsp;&nbsp; Ph ${fmtPhone(doc.facility.phone)}<br>Allergies: ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance.toUpperCase())).join(', ') : 'NKDA'} &nbsp;&nbsp; Third party: ${rng.pick(['MEDICARE PART D', 'BCBS', 'CASH', 'MEDICAID'])}</div>
      <table class="rx"><thead><tr><th>Rx #</th><th>Fill Date</th><th style="width:32%">Drug &amp; Strength</th><th>Qty</th><th>Days</th><th>Rfl Rem</th><th>Prescriber</th><th>Stat</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep sm" style="margin-top:8pt">Profile includes prescriptions filled at this pharmacy only. Pharmacist: ${rng.pick(['G. Testwell, RPh', 'M. Fauxson, PharmD'])}</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} table.hd td{vertical-align:bottom}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}
      .pt{margin:5pt 0;padding:3pt;border:1px dashed #000}
      table.rx{width:100%;border-collapse:collapse} table.rx th{text-align:left;border-bottom:1px solid #000;font-size:8pt;padding:1pt 3pt} tr.a td{padding:2pt 3pt 0 3pt} tr.b td{font-size:7.8pt;padding:0 3pt 2pt 3pt;border-bottom:0.3px solid #999} td.r{text-align:right}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; PATIENT PROFILE`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION RECORD =======================
// immunization.l1: rural PEDIATRIC / family clinic "IMMUNIZATION HISTORY" print (chronological by visit, not by
// dose column): columns Date Given (Mar 14 2024) / Vaccine / Dose # ("#2") / Mfr - Lot / Site-Route / VIS date /
// Given by; then a "CATCH-UP / NEXT DUE" table Vaccine / Next dose / Earliest date / Recommended by (not in the gt).
// Patient "Testbury, Harold J" with "DOB 2024-03-04" ISO.
const imL1 = {
  id: 'immunization.l1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const imms = [...doc.immunizations].sort((a, b) => (a.date < b.date ? -1 : 1));
    const rows = imms.map((s) => `<tr><td>${monDYn(s.date)}</td><td><b>${esc(s.vaccine)}</b><br><span class="sm">${esc(s.trade_name)} &middot; CVX ${s.cvx}</span></td><td class="c">#${s.dose_number}</td><td>${esc(s.mvx)} - ${esc(s.lot)}</td><td>${esc(s.site)}</td><td>${monDYn(addDaysIso(s.date, -rng.int(100, 700)))}</td><td>${rng.pick(['JT, RN', 'KS, LPN', 'MA-AB'])}</td></tr>`).join('');
    const due = imms.slice(0, 3).map((s) => `<tr><td>${esc(s.vaccine)}</td><td>#${s.dose_number + 1}</td><td>${monDYn(addDaysIso(doc.date_of_service, rng.int(28, 200)))}</td><td>${rng.pick(['Catch-up schedule', 'Routine', 'If indicated'])}</td></tr>`).join('');
    const nm = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle[0] : ''}`;
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div>
      <div class="t">IMMUNIZATION HISTORY</div>
      <table class="id"><tr><td>${esc(nm)}</td><td>DOB ${p.dob}</td><td>Sex ${p.sex}</td><td>Chart ${esc(doc.mrn)}</td><td>Printed ${monDYn(doc.date_of_service)}</td></tr></table>
      <table class="g"><thead><tr><th>Date Given</th><th style="width:30%">Vaccine</th><th>Dose #</th><th>Mfr - Lot</th><th>Site-Route</th><th>VIS date</th><th>Given by</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep"><div class="h">CATCH-UP / NEXT DUE</div><table class="g"><thead><tr><th>Vaccine</th><th>Next dose</th><th>Earliest date</th><th>Per</th></tr></thead><tbody>${due}</tbody></table></div>
      <div class="keep sm" style="margin-top:8pt">Reviewed with parent/patient. State registry updated. ${esc(provName(doc.provider))}</div>`;
    const css = baseCss(f, 9) + `
      .fn{font-size:12pt;font-weight:bold}.sm{font-size:7.3pt}.t{font-size:13pt;font-weight:bold;margin:6pt 0 3pt 0;letter-spacing:1pt}
      table.id{width:100%;border-top:1px solid #000;border-bottom:1px solid #000;margin-bottom:6pt} table.id td{padding:2pt 4pt 2pt 0;font-weight:bold}
      table.g{width:100%;border-collapse:collapse;margin-bottom:6pt} table.g th{text-align:left;font-size:8pt;background:#ccc;padding:2pt} table.g td{padding:2pt;border-bottom:0.5px solid #888;vertical-align:top} td.c{text-align:center}.h{font-weight:bold;margin-top:8pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${p.dob}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, immunizations: doc.immunizations.map(immGt) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.l1: one-radiologist SMALL IMAGING CENTER X-ray/CT report (letterhead with the center's logo line,
// serif): labels "NAME:", "DOB:", "DATE OF SERVICE: 03-14-2024", "REFERRING:", "EXAM:", then "CLINICAL HISTORY:",
// "TECHNIQUE:", "COMPARISON:", "FINDINGS:" as paragraphs, "IMPRESSION:" unnumbered sentences, electronically
// signed line "Electronically signed by … on 03/14/2024 at 3:42 PM".
const radL1 = {
  id: 'radiology.l1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.first} ${p.last}`;
    const dash = (iso) => fmtDate(iso, 'us').replace(/\//g, '-');
    const body = `
      <div class="lh"><span class="lg">&#9673;</span> ${esc(doc.facility.name)} Imaging Center<div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Phone ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)}</div></div>
      <table class="kv"><tr><td>NAME:</td><td><b>${esc(nm)}</b></td><td>DOB:</td><td>${fmtDate(p.dob, 'us')}</td></tr>
      <tr><td>DATE OF SERVICE:</td><td>${dash(doc.exam_datetime)}</td><td>MRN:</td><td>${esc(doc.mrn)}</td></tr>
      <tr><td>REFERRING:</td><td>${esc(provName(doc.provider))}</td><td>ACC #:</td><td>${doc.accession}</td></tr>
      <tr><td>EXAM:</td><td colspan="3">${esc(doc.exam.toUpperCase())} (${doc.cpt})</td></tr></table>
      <p><b>CLINICAL HISTORY:</b> ${esc(doc.indication)}</p>
      <p><b>TECHNIQUE:</b> ${esc(doc.technique)}</p>
      <p><b>COMPARISON:</b> ${esc(doc.comparison)}</p>
      <p><b>FINDINGS:</b> ${doc.findings.map(esc).join(' ')}</p>
      <p><b>IMPRESSION:</b> ${doc.impression.map(esc).join(' ')}</p>
      <div class="keep sg">${signatureSvg(rng, 110, 24)}Electronically signed by ${esc(provName(doc.radiologist))} on ${fmtDate(doc.signed, 'us')} at ${fmtTime(doc.signed, '12n')}</div>`;
    const css = baseCss(f, 9.6) + `
      .lh{font-size:14pt;font-weight:bold;text-align:center;border-bottom:1px solid #000;padding-bottom:4pt}.lg{font-size:16pt}.sm{font-size:7.5pt;font-weight:normal}
      table.kv{margin:8pt 0} table.kv td{padding:1pt 8pt 1pt 0} p{margin:6pt 0;line-height:1.35}.sg{margin-top:14pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.6, 0.7, 0.8, 0.8), fonts: [f], gt: { name_printed: nm, radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.l1: HAND-FILLED REFERRAL FORM of a small practice (pre-printed pad, entries in handwriting, Z003):
// "REFERRAL REQUEST" title, write-in lines Patient name / DOB / Phone / Insurance / ID#, "Refer to:" specialty and
// doctor, a checkbox block "Services requested: ☒ Evaluate & treat ☐ Consult only ☐ Procedure ☐ Imaging", priority
// checkboxes, "Diagnosis / ICD-10:" and "Reason:" written in, meds written as abbreviated sigs, date "3/14/24".
const refL1 = {
  id: 'referral.l1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const nm = nameFL(p);
    const u = String(doc.urgency || '').toLowerCase();
    const W = (k, v, w = '2.4in') => `<span class="k">${k}</span> <span class="wl" style="min-width:${w}">${hw(v)}</span>`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Ph ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)}</div></td><td class="r t">REFERRAL REQUEST</td></tr></table>
      <div class="ln">${W('Date:', mdyS(doc.date_of_service), '1.1in')} &nbsp; ${W('Referring provider:', esc(provName(doc.provider)), '2.3in')}</div>
      <div class="ln">${W('Patient name:', esc(nm), '2.6in')} &nbsp; ${W('DOB:', mdyS(p.dob), '1.1in')}</div>
      <div class="ln">${W('Phone:', fmtPhone(doc.facility.phone), '1.6in')} &nbsp; ${W('Auth #:', doc.auth_number ? esc(doc.auth_number) : 'n/a', '1.6in')}</div>
      <div class="ln">${W('Refer to:', `${esc(doc.specialty)} &ndash; ${esc(provName(to))}`, '4.2in')}</div>
      <div class="ln">${W('Facility:', esc(doc.to_facility.name), '4.2in')}</div>
      <div class="ln"><span class="k">Services requested:</span> ${bx(true)} Evaluate &amp; treat &nbsp; ${bx(false)} Consult only &nbsp; ${bx(false)} Procedure &nbsp; ${bx(rng.chance(0.2))} Imaging &nbsp; ${bx(false)} 2nd opinion</div>
      <div class="ln"><span class="k">Priority:</span> ${bx(/routine/.test(u))} Routine &nbsp; ${bx(/urgent/.test(u))} Urgent (within 72 h) &nbsp; ${bx(/stat|emerg/.test(u))} STAT &nbsp; ${hw(esc(doc.urgency))}</div>
      <div class="ln">${W('Diagnosis / ICD-10:', doc.diagnoses.map((d) => `${esc(d.description)} ${d.code}`).join('; '), '5in')}</div>
      <div class="ln">${W('Reason:', esc(doc.reason), '5.6in')}</div>
      <div class="ln">${W('Meds:', doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join('; ') : 'none', '5.6in')}</div>
      <div class="ln">${W('Allergies:', doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA', '2in')} &nbsp; <span class="k">Records sent:</span> ${doc.enclosures.map((e) => `${bx(true)} ${esc(e)}`).join(' &nbsp; ')}</div>
      <div class="ln sg"><span class="k">Provider signature:</span> ${signatureSvg(rng, 120, 26).replace('display:block', 'display:inline-block;vertical-align:bottom')}</div>
      <div class="bx"><b>FOR SPECIALIST OFFICE:</b> Appt date ________ Time ______ &nbsp; ${bx(false)} Patient notified &nbsp; Please fax consult notes to ${fmtPhone(doc.facility.fax)}</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7.3pt}.t{font-size:15pt;font-weight:bold;text-align:right}
      .ln{margin:9pt 0 0 0}.k{font-weight:bold;font-size:8.5pt}.wl{display:inline-block;border-bottom:0.75px solid #000}.hw{font-family:'Z003';font-size:13.5pt}
      .bx{border:1.5px solid #000;padding:5pt;margin-top:20pt;font-size:8.5pt}.sg{margin-top:16pt}`;
    return { css, body, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f, 'Z003'], gt: { name_printed: nm, diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.l1 (payer): small self-funded employer plan's THIRD-PARTY ADMINISTRATOR (TPA) EOB printed by a legacy
// system on green-bar continuous forms: monospace, all capitals, "EMPLOYEE: TESTBURY HAROLD J" / "PATIENT: SELF",
// dates as six digits MMDDYY ("031424"), columns SERVICE DATES FROM TO / PROC / CHARGE / INELIGIBLE / RSN /
// ALLOWED / DEDUCT / COPAY / COINS / PLAN PAYS, reason-code legend, "CHECK #" line.
const billL1 = {
  id: 'billing.l1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const nm = `${p.last.toUpperCase()} ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const m = (x) => money(x).replace('$', '');
    const L = (cols) => cols.map(([s, n, r]) => (r ? String(s).padStart(n) : padR(s, n))).join('');
    const lines = doc.lines.map((l) => L([[mmddyy(l.date), 7], [mmddyy(l.date), 7], [l.cpt, 7], [m(l.billed), 10, 1], [m(l.not_covered), 10, 1], [l.not_covered > 0 ? ' 45' : '   ', 4], [m(l.allowed), 10, 1], [m(l.deductible), 9, 1], [m(l.copay), 8, 1], [m(l.coinsurance), 8, 1], [m(l.paid), 10, 1]]));
    const tot = L([['TOTALS', 21], [m(t.billed), 10, 1], [m(t.billed - t.allowed), 10, 1], ['', 4], [m(t.allowed), 10, 1], [m(t.deductible ?? 0), 9, 1], [m(t.copay ?? 0), 8, 1], [m(t.coinsurance ?? 0), 8, 1], [m(t.paid), 10, 1]]);
    const pre = [
      `${esc(doc.payer.toUpperCase())}`,
      `THIRD PARTY ADMINISTRATOR FOR THE ${esc(String(doc.plan_name).toUpperCase())} EMPLOYEE BENEFIT PLAN`,
      ``,
      `EXPLANATION OF BENEFITS                         DATE: ${mmddyy(doc.processed)}`,
      `EMPLOYEE: ${esc(nm)}                  ID: ${doc.member_id}`,
      `PATIENT: SELF       GROUP: ${doc.group}      CLAIM: ${doc.claim_number}`,
      `PROVIDER: ${esc(provName(doc.provider).toUpperCase())}`,
      `${'='.repeat(93)}`,
      `SERVICE DATES  PROC      CHARGE INELIGIBLE RSN   ALLOWED   DEDUCT   COPAY   COINS  PLAN PAYS`,
      `FROM   TO`,
      `${'-'.repeat(93)}`,
      ...lines.map(esc),
      `${'-'.repeat(93)}`,
      esc(tot),
      ``,
      `PATIENT RESPONSIBILITY: ${m(t.patient_resp)}        CHECK # ${rng.digits(7)} ISSUED ${mmddyy(doc.processed)} TO PROVIDER`,
      ``,
      `RSN 45 - CHARGE EXCEEDS FEE SCHEDULE/MAXIMUM ALLOWABLE. MEMBER NOT RESPONSIBLE (PPO).`,
      `THIS IS NOT A BILL. APPEALS MUST BE FILED WITHIN 180 DAYS OF THE DATE ABOVE.`,
    ];
    const body = `<pre>${pre.join('\n')}</pre>`;
    const css = baseCss(f, 7.8) + `pre{font-family:'${f}';font-size:7.8pt;line-height:1.4;margin:0;background:repeating-linear-gradient(#fff 0,#fff 22pt,#e4efe4 22pt,#e4efe4 44pt)}`;
    return { css, body, margins: M(0.6, 0.6, 0.45, 0.45), fonts: [f], gt: { name_printed: nm, billing: { kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: t.patient_resp } } };
  },
};

export default [coverL1, labL1, labL2, labL3, labL4, dsL1, ovL1, mlL1, imL1, radL1, refL1, billL1];
