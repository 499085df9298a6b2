// faxgen template set 'set-w': a THIRD stand-in for faxgen's held-out template set, independent of
// both set-a (faxgen) and set-v (scripts/faxgen-set-v): other layouts, typefaces and fax-header formats.
// Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-w/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-w ...
// faxgen's helpers are imported from $FAXGEN_DIR or, by default, ../shared/faxgen beside the repo.
// Every template keeps set-a's ground-truth (`gt`) contract (see faxgen's README, "Ground-truth schema").
// See README.md here: this set measures generalization; do not tune extraction rules to its layouts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAXGEN = fs.realpathSync(process.env.FAXGEN_DIR ? path.resolve(process.env.FAXGEN_DIR) : path.resolve(here, '../../../shared/faxgen'));
const lib = (p) => import(pathToFileURL(path.join(FAXGEN, 'lib', p)).href);
const { baseCss, labPanels, signatureSvg, barcodeSvg, logoSvg, box, medGt, esc } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, phoneDigits, nameLF, nameFL, nameFML, provName, provLF, provDr, fmtAddr, money, ageOn, fmtDateTime, addDays, parseIso, pad: zpad } = await lib('util.mjs');
const { MVX } = await lib('clinical.mjs');

const SET = 'set-w';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts (none used by set-a or set-v as a face)
// New faces on this machine: URW Gothic (geometric sans, fonts-urw-base35 but unused by set-v), Noto Mono and
// Noto Sans Mono (fonts-noto-mono). There is no new serif family installed: the serif slot uses the
// *condensed* DejaVu Serif face and the narrow slot the condensed DejaVu Sans face (set-a uses the
// regular-width DejaVu faces only), with letter-spacing/weight varied per template.
// (Droid Sans Fallback has no Latin glyphs; Z003 is a script face, used nowhere for text a reader needs.)
export const fonts = {
  [SET]: {
    sans: ['URW Gothic', 'DejaVu Sans Condensed'],
    serif: ['DejaVu Serif Condensed'],
    mono: ['Noto Mono', 'Noto Sans Mono'],
    narrow: ['DejaVu Sans Condensed'],
    tti: ['Noto Sans Mono', 'Noto Mono', 'URW Gothic'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- fax header (TTI) lines
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DOW = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const h12 = (dt) => { const hh = Number(dt.slice(11, 13)); return { h: ((hh + 11) % 12) + 1, ap: hh < 12 ? 'AM' : 'PM', m: dt.slice(14, 16) }; };
export const tti = {
  [SET]: [
    // Sharp/Canon office MFP: "Mar. 14. 2024 10:32AM", sender name, transmission "No. 4821", "P. 2" (no total)
    (t) => { const d = parseIso(t.dt); const c = h12(t.dt); return [`${MON[d.getUTCMonth()]}. ${d.getUTCDate()}. ${d.getUTCFullYear()} ${c.h}:${c.m}${c.ap}`, t.sender.slice(0, 30), `No. ${t.job}${t.fjob % 10}`, `P. ${t.page}`]; },
    // HP OfficeJet / Samsung: "03/14/2024 THU 10:32 FAX 217 555 0146 SENDER @002/005"
    (t) => { const d = parseIso(t.dt); return [`${fmtDate(t.dt, 'us')} ${DOW[d.getUTCDay()]} ${fmtTime(t.dt, '24')}`, `FAX ${t.fax.area} ${t.fax.exch} ${t.fax.line}`, t.sender.toUpperCase().slice(0, 26), `@${zpad(t.page, 3)}/${zpad(t.total, 3)}`]; },
    // fax-server receive stamp (RightFax/Biscom style): "RCVD 3/14/2024 10:32:07 AM", ANI, CSID in quotes, "PAGE: 002 OF 005"
    (t) => { const c = h12(t.dt); return [`RCVD ${fmtDate(t.dt, 'us-nopad')} ${c.h}:${c.m}:${zpad(t.sec)} ${c.ap}`, `ANI ${fmtPhone(t.fax, 'dash')}`, `CSID "${t.sender.toUpperCase().slice(0, 20)}"`, `PAGE: ${zpad(t.page, 3)} OF ${zpad(t.total, 3)}`]; },
  ],
};

// ---------------------------------------------------------------- helpers
const sexWord = (p) => (p.sex === 'F' ? 'Female' : 'Male');
const short2 = (iso) => { const d = parseIso(iso); return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}`; };
/** labPanels with our own flag spelling written back into the ground truth */
function panelsWith(doc, opts, spell) {
  const panels = labPanels(doc, { ...opts, flagStyle: 'HL' });
  for (const P of panels) for (const r of P.rows) { r.flagPrinted = r.flag ? spell[r.flag] : ''; r.gt.flag_printed = r.flagPrinted || null; }
  return panels;
}
const pageFooter = (f, left, right, pad = 0.6) => `<div style="font-family:'${f}';font-size:7pt;box-sizing:border-box;width:100%;padding:0 ${pad}in;display:flex;justify-content:space-between"><span>${left}</span><span>${right}</span></div>`;
const PN = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';

// ======================= FAX COVER SHEETS =======================
// cover.w1: release-of-information / copy-service vendor cover (Ciox/Datavant/MRO style): vendor
// banner, "RECORDS DELIVERY" with request number, requester and facility blocks, invoice notice.
const coverW1 = {
  id: 'cover.w1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility; const rng = env.rng;
    const vendor = rng.pick(['ChartBridge Release Services', 'RecordPath Health Information Services', 'Copyline Medical Records Solutions']);
    const body = `
      <table class="hd"><tr><td class="vn">${esc(vendor)}</td><td class="r sm">Processing on behalf of<br><b>${esc(s.name)}</b><br>${esc(fmtAddr(s.address))}</td></tr></table>
      <div class="ttl">RECORDS DELIVERY &ndash; FAX TRANSMITTAL</div>
      <table class="g">
        <tr><td class="l">Request #</td><td>${rng.digits(4)}-${rng.digits(6)}</td><td class="l">Delivered</td><td>${fmtDate(doc.date_of_service, 'us-nopad')} ${fmtTime(doc.datetime, '12n')}</td></tr>
        <tr><td class="l">Deliver to</td><td>${esc(doc.to_name)}${doc.to_org ? `<br>${esc(doc.to_org)}` : ''}</td><td class="l">Fax</td><td>${fmtPhone(doc.to_fax, 'dash')}</td></tr>
        <tr><td class="l">Released by</td><td>${esc(doc.from_person)}</td><td class="l">Callback</td><td>${fmtPhone(s.phone, 'dash')}</td></tr>
        <tr><td class="l">Subject</td><td colspan="3">${esc(doc.re)}</td></tr>
        <tr><td class="l">Sheets</td><td>${doc.pages} (this page is 1)</td><td class="l">Priority</td><td>${doc.urgent ? 'STAT' : 'Standard'}</td></tr>
      </table>
      <div class="msg"><b>Comments</b><br>${esc(doc.message)}</div>
      <p class="sm">An invoice for copy and handling fees, where permitted by state law, is mailed separately. Requests are processed in the order received. To report a missing page call ${fmtPhone(s.phone)}; please reference the request number above.</p>
      <div class="conf">PROTECTED HEALTH INFORMATION &ndash; This transmission is released under a valid authorization or as permitted by 45 CFR 164.512. Redisclosure is not permitted unless authorized by the patient or required by law. If you are not the intended recipient, destroy all copies and notify the sender.</div>`;
    const css = baseCss(f, 10) + `
      table.hd{width:100%;border-bottom:6px solid #000} table.hd td{vertical-align:bottom;padding-bottom:4pt}.vn{font-size:17pt;font-weight:bold;letter-spacing:0.5pt}.sm{font-size:8pt}
      .ttl{margin:14pt 0 8pt 0;font-size:13pt;font-weight:bold;letter-spacing:2pt}
      table.g{width:100%;border-top:2px solid #000;border-bottom:2px solid #000} table.g td{padding:5pt 4pt;vertical-align:top;border-bottom:1px dotted #777} td.l{width:15%;font-size:8.5pt;text-transform:uppercase;letter-spacing:1pt}
      .msg{margin:12pt 0;min-height:120pt;padding:6pt;background:#efefef}
      .conf{margin-top:14pt;font-size:7.5pt;border:1px solid #000;padding:5pt}`;
    return { css, body, margins: M(0.7, 0.7, 0.75, 0.75), fonts: [f] };
  },
};

// cover.w2: handwritten-style office "FAX MEMO" pad: two columns of underlined blanks
// (TO / FROM / FAX # / PHONE / DATE / # PAGES), "RE:" line, URGENT-FOR REVIEW-PLEASE COMMENT tick row.
const coverW2 = {
  id: 'cover.w2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const s = doc.from_facility; const rng = env.rng;
    const ticks = ['URGENT', 'FOR REVIEW', 'PLEASE COMMENT', 'PLEASE REPLY', 'PLEASE RECYCLE'];
    const on = new Set(doc.urgent ? ['URGENT'] : rng.sample(ticks.slice(1, 4), 1));
    const bl = (l, v) => `<td class="l">${l}</td><td class="v">${esc(v)}</td>`;
    const body = `
      <div class="lh">${logoSvg(rng, rng.pick(['leaf', 'wave', 'cross']), 30)}<div><div class="fn">${esc(s.name)}</div><div class="sm">${esc(fmtAddr(s.address))}</div><div class="sm">ph ${fmtPhone(s.phone, 'dot')} &nbsp; fx ${fmtPhone(s.fax, 'dot')}</div></div></div>
      <div class="big">fax memo</div>
      <table class="bl">
        <tr>${bl('TO:', doc.to_name)}${bl('FROM:', doc.from_person)}</tr>
        <tr>${bl('COMPANY:', doc.to_org || '')}${bl('DATE:', fmtDate(doc.date_of_service, 'us-nopad'))}</tr>
        <tr>${bl('FAX #:', fmtPhone(doc.to_fax))}${bl('# PAGES:', `${doc.pages} incl. cover`)}</tr>
        <tr>${bl('PHONE #:', doc.to_phone ? fmtPhone(doc.to_phone) : '')}${bl('SENDER FAX:', fmtPhone(s.fax))}</tr>
        <tr><td class="l">RE:</td><td class="v" colspan="3">${esc(doc.re)}</td></tr>
      </table>
      <div class="tk">${ticks.map((x) => `<span class="nb">${box(on.has(x))}${x}</span>`).join(' &nbsp;&nbsp; ')}</div>
      <div class="msg">${esc(doc.message)}</div>
      <div class="conf">The documents accompanying this telecopy contain confidential information belonging to the sender which is legally privileged. The information is intended only for the use of the individual or entity named above. If you have received this telecopy in error, please notify us by telephone immediately.</div>`;
    const css = baseCss(f, 10.5) + `
      .lh{display:flex;gap:8pt;align-items:center}.fn{font-size:12pt;font-weight:bold}.sm{font-size:8pt}
      .big{font-size:40pt;font-weight:bold;letter-spacing:-1pt;margin:10pt 0 6pt 0;border-bottom:1px solid #000}
      table.bl{width:100%;margin-top:8pt} table.bl td{padding:7pt 4pt 1pt 0} td.l{width:14%;font-weight:bold;font-size:9.5pt} td.v{border-bottom:1px solid #000;width:36%}
      .tk{margin:14pt 0;font-size:8.5pt}.msg{min-height:150pt;padding:6pt 0;border-top:3px solid #000}
      .conf{margin-top:16pt;font-size:7.5pt;font-style:italic}`;
    return { css, body, margins: M(0.7, 0.7, 0.8, 0.8), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.w1: national reference lab report (Quest style): patient box top-right with "DOB:" (no zero
// padding) and "Sex/Age: F/67", "Specimen collected:" date and time; "Analyte | Result | Reference
// Range | Units", the flag glued to the result ("145 H"), units at the end of the line.
const labW1 = {
  id: 'lab.w1', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Crossroads Diagnostic Laboratories', 'Bayside Reference Laboratory'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'q', nameStyle: 'caps', rangeStyle: 'q' }, { H: 'H', L: 'L', A: 'A' });
    const rowsHtml = panels.map((P) => `<tr class="ph"><td colspan="4">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="v${r.flag ? ' b' : ''}">${esc(r.value)}${r.flag ? ' ' + esc(r.flagPrinted) : ''}</td><td>${esc(r.range)}</td><td>${esc(r.unit)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <table class="top"><tr><td class="lt"><div class="lab">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))}<br>Client Services ${fmtPhone(doc.facility.phone, 'one')}</div>
        <div class="cl"><b>Client #:</b> ${doc.account}<br>${esc(doc.client.name)}<br>${esc(fmtAddr(doc.client.address))}<br><b>Physician:</b> ${esc(provLF(doc.provider, true))}</div></td>
      <td class="pb"><div class="pn">${esc(nameLF(p, true))}</div>
        <div>DOB: ${fmtDate(p.dob, 'us-nopad')}</div><div>Sex/Age: ${p.sex}/${ageOn(p.dob, doc.collected)}</div><div>Pt ID: ${esc(doc.mrn)}</div><div>Phone: ${fmtPhone(p.phone)}</div>
        <div class="sp">Accession: ${doc.accession}<br>Specimen collected: ${fmtDate(doc.collected, 'us-nopad')} ${fmtTime(doc.collected, '12n')}<br>Received: ${fmtDate(doc.received, 'us-nopad')}<br>Reported: ${fmtDate(doc.reported, 'us-nopad')} ${fmtTime(doc.reported, '12n')}<br>Fasting: ${doc.fasting || 'U'}</div></td></tr></table>
      <div class="st">${doc.status === 'Corrected' ? 'CORRECTED REPORT' : 'FINAL REPORT'}</div>
      <table class="res"><thead><tr><th style="width:44%">Analyte</th><th style="width:16%">Result</th><th style="width:22%">Reference Range</th><th>Units</th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <div class="keep lg">Performing site: ${esc(doc.labCode)} &nbsp; ${esc(doc.labName)}, ${esc(fmtAddr(doc.facility.address))} &nbsp; Laboratory Director: ${esc(provName(doc.lab_director))} &nbsp; CLIA: ${doc.clia}<br>H = above, L = below the reference range; A = abnormal. ${rng.pick(['Results are for the ordering provider.', 'Interpret results in the clinical context.'])}</div>`;
    const css = baseCss(f, 9) + `
      table.top{width:100%} table.top td{vertical-align:top}.lab{font-size:16pt;font-weight:bold;letter-spacing:-0.3pt}.sm{font-size:7.5pt}
      .cl{margin-top:6pt;font-size:8pt} td.pb{width:40%;border:1.5px solid #000;padding:4pt 6pt;font-size:8.5pt}.pn{font-size:11pt;font-weight:bold}.sp{margin-top:3pt;border-top:1px solid #000;padding-top:3pt}
      .st{margin:8pt 0 2pt 0;font-weight:bold;font-size:10pt}
      table.res{width:100%} table.res th{text-align:left;font-size:8pt;border-top:2px solid #000;border-bottom:1px solid #000;padding:2pt} table.res td{padding:1.3pt 2pt}
      tr.ph td{font-weight:bold;padding-top:6pt;border-bottom:1px solid #999} td.tn{padding-left:10pt}
      .lg{margin-top:12pt;font-size:7pt;border-top:1px solid #000;padding-top:3pt}`;
    const footer = pageFooter(f, `${esc(nameLF(p, true))} &nbsp; DOB: ${fmtDate(p.dob, 'us-nopad')} &nbsp; Acc: ${doc.accession}`, PN, 0.55);
    return { css, body, footer, margins: M(0.5, 0.55, 0.55, 0.55), fonts: [f], gt: { lab_results: gt, name_printed: nameLF(p, true), performing_lab: doc.labName } };
  },
};

// lab.w2: hospital cumulative lab flowsheet (inpatient chart "Lab Flowsheet"): one column per
// collection date, the CURRENT one first, then two earlier draws; reference range and units in the
// last columns; flags in parentheses after the value; patient "Pt Name:" / "D.O.B." header lines.
const labW2 = {
  id: 'lab.w2', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, env.rng.pick(['narrow', 'sans'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'abbr', rangeStyle: 'h' }, { H: '(H)', L: '(L)', A: '(A)' });
    const d1 = addDays(doc.collected.slice(0, 10), -rng.int(1, 4)); const d2 = addDays(d1, -rng.int(1, 3));
    const col = (iso, t) => `${fmtDate(iso, 'us-short')}<br>${t}`;
    const prevVal = (r) => { if (r.gt.value_numeric === null) return r.value; const dec = (r.value.split('.')[1] || '').length; return Math.max(0, r.gt.value_numeric * (1 + rng.normal(0, 0.08))).toFixed(dec); };
    for (const P of panels) for (const r of P.rows) {
      r.p1 = rng.chance(0.8) ? prevVal(r) : ''; r.p2 = r.p1 && rng.chance(0.7) ? prevVal(r) : '';
      if (r.p1) r.gt.previous_result = { value: r.p1, date: d1 };
    }
    const rowsHtml = panels.map((P) => `<tr class="ph"><td colspan="6">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="cur">${esc(r.value)}${r.flag ? ' ' + esc(r.flagPrinted) : ''}</td><td>${esc(r.p1)}</td><td>${esc(r.p2)}</td><td>${esc(r.range)}</td><td>${esc(r.unit)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Laboratory Services &middot; ${esc(fmtAddr(doc.facility.address))}</div></td><td class="r t">LAB FLOWSHEET<br><span class="sm">Cumulative results, most recent first</span></td></tr></table>
      <div class="pt">Pt Name: <b>${esc(nameLF(p, true))}</b> &nbsp;&nbsp; D.O.B. ${fmtDate(p.dob, 'us')} &nbsp;&nbsp; ${ageOn(p.dob, doc.collected)}Y ${sexWord(p)} &nbsp;&nbsp; MRN ${esc(doc.mrn)} &nbsp;&nbsp; Enc ${doc.account}</div>
      <div class="pt">Attending: ${esc(provLF(doc.provider, true))} &nbsp;&nbsp; Unit: ${rng.pick(['4 WEST', '5 NORTH', 'ICU', 'PCU', '3 EAST'])} ${rng.int(401, 530)} &nbsp;&nbsp; Printed: ${fmtDateTime(doc.reported, 'us', '24')}</div>
      <table class="res"><thead><tr><th style="width:30%">Test</th><th class="cur" style="width:13%">${col(doc.collected, fmtTime(doc.collected, '24'))}</th><th style="width:11%">${col(d1, `0${rng.int(4, 6)}:${zpad(rng.int(0, 59))}`)}</th><th style="width:11%">${col(d2, `0${rng.int(4, 6)}:${zpad(rng.int(0, 59))}`)}</th><th style="width:16%">Ref Range</th><th>Units</th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <div class="keep lg">(H) High &nbsp; (L) Low &nbsp; (A) Abnormal. Column dates are specimen collection dates. Accession of current column: ${doc.accession}. Verified by ${esc(doc.techId)}.</div>`;
    const css = baseCss(f, 8.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt;font-weight:normal}
      .pt{font-size:8.5pt;margin-top:3pt}
      table.res{width:100%;margin-top:6pt} table.res th{text-align:left;font-size:7.5pt;border-bottom:1.5px solid #000;padding:2pt;vertical-align:bottom} table.res td{padding:1.2pt 2pt;border-bottom:1px solid #e0e0e0}
      .cur{background:#e8e8e8;font-weight:bold} tr.ph td{font-weight:bold;padding-top:5pt;text-transform:uppercase;font-size:8pt} td.tn{padding-left:8pt}
      .lg{margin-top:10pt;font-size:7pt}`;
    const footer = pageFooter(f, `${esc(nameLF(p, true))} &nbsp; MRN ${esc(doc.mrn)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.55, 0.5, 0.5), fonts: [f], gt: { lab_results: gt, name_printed: nameLF(p, true), performing_lab: doc.facility.name } };
  },
};

// lab.w3: pathology-group / small hospital LIS print where every test is a BLOCK of labelled lines
// ("Test: ... / Result: ... / Units: ... / Range: ... / Flag: ..."), monospace, two blocks per row;
// patient "Patient: LAST, FIRST", "Birthdate", "Collected on".
const labW3 = {
  id: 'lab.w3', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Pinecrest Pathology Associates', 'Harborview Clinical Pathology'],
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: 'HIGH', L: 'LOW', A: 'ABNORMAL' });
    const blk = (r) => `<div class="tb"><div>Test:&nbsp;&nbsp;&nbsp;${esc(r.name)}</div><div>Result:&nbsp;${esc(r.value)}</div>${r.unit ? `<div>Units:&nbsp;&nbsp;${esc(r.unit)}</div>` : ''}<div>Range:&nbsp;&nbsp;${esc(r.range) || 'not established'}</div>${r.flag ? `<div class="b">Flag:&nbsp;&nbsp;&nbsp;${esc(r.flagPrinted)}</div>` : ''}</div>`;
    const secs = panels.map((P) => `<div class="ph">== ${esc(P.name.toUpperCase())} ==</div><div class="grid">${P.rows.map(blk).join('')}</div>`).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <div class="fn">${esc(doc.performingLab)}</div><div class="sm">for ${esc(doc.facility.name)} &middot; ${esc(fmtAddr(doc.facility.address))}</div>
      <div class="dm">
        <div>Patient: ${esc(nameLF(p))}${p.middle ? '' : ''}</div><div>Birthdate: ${fmtDate(p.dob, 'mon-d-y')} &nbsp; Gender: ${sexWord(p)}</div>
        <div>Chart: ${esc(doc.mrn)} &nbsp; Req: ${doc.accession}</div><div>Provider: ${esc(provDr(doc.provider))}</div>
        <div>Collected on: ${fmtDate(doc.collected, 'mon-d-y')} at ${fmtTime(doc.collected, '24')}</div><div>Finalized: ${fmtDate(doc.reported, 'mon-d-y')} ${fmtTime(doc.reported, '24')}</div>
      </div>
      ${secs}
      <div class="keep lg">*** END OF REPORT *** &nbsp; Electronically verified by ${esc(provName(doc.lab_director))}, Medical Director. CLIA ${doc.clia}. ${rng.pick(['Reference ranges are age and sex specific.', 'Ranges apply to adults unless stated.'])}</div>`;
    const css = baseCss(f, 8.5) + `
      .fn{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}
      .dm{display:grid;grid-template-columns:1fr 1fr;border:1px solid #000;padding:3pt 5pt;margin:6pt 0;font-size:8.5pt}
      .ph{font-weight:bold;margin:7pt 0 3pt 0}
      .grid{display:grid;grid-template-columns:1fr 1fr;column-gap:16pt;row-gap:4pt}.tb{break-inside:avoid;border-left:2px solid #000;padding-left:5pt}
      .lg{margin-top:12pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nameLF(p))} / ${esc(doc.mrn)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nameLF(p), performing_lab: doc.performingLab } };
  },
};

// lab.w4: wide "results review" export from an outpatient EHR (landscape-style table squeezed onto a
// portrait page): one line per result with Collected date/time | Order | Component | Value | Units |
// Ref Range | Abn | Status | Performing site; tiny font; patient line "Name: First Last (Age 67 yrs)".
const labW4 = {
  id: 'lab.w4', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Lakeview Outreach Laboratory', 'Mid-State Medical Laboratory'],
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'full', rangeStyle: 'l' }, { H: 'HI', L: 'LO', A: 'ABN' });
    const site = doc.performingLab.split(' ').map((w) => w[0]).join('').toUpperCase();
    const coll = `${fmtDate(doc.collected, 'us')} ${fmtTime(doc.collected, '24')}`;
    const rowsHtml = panels.map((P) => P.rows.map((r) =>
      `<tr><td>${coll}</td><td>${esc(P.name)}</td><td>${esc(r.name)}</td><td class="r${r.flag ? ' b' : ''}">${esc(r.value)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td><td class="c b">${esc(r.flagPrinted)}</td><td>${doc.status === 'Corrected' ? 'Corrected' : 'Final'}</td><td>${site}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <table class="hd"><tr><td class="fn">${esc(doc.facility.name)}</td><td class="r sm">Results Review &ndash; printed ${fmtDate(doc.faxDate, 'us')} by ${esc(doc.techId)}</td></tr></table>
      <div class="pt">Name: <b>${esc(nameFL(p))}</b> (Age ${ageOn(p.dob, doc.collected)} yrs) &nbsp; | &nbsp; DOB ${fmtDate(p.dob, 'us-nopad')} &nbsp; | &nbsp; Sex ${sexWord(p)} &nbsp; | &nbsp; MRN ${esc(doc.mrn)} &nbsp; | &nbsp; PCP ${esc(provName(doc.provider))}</div>
      <table class="res"><thead><tr><th style="width:11%">Collected</th><th style="width:17%">Order</th><th style="width:22%">Component</th><th style="width:7%" class="r">Value</th><th style="width:11%">Units</th><th style="width:10%">Ref Range</th><th style="width:4%">Abn</th><th style="width:7%">Status</th><th>Site</th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <div class="keep lg">Site ${site} = ${esc(doc.performingLab)}. Abn: HI above range, LO below range, ABN abnormal. Accession ${doc.accession}.</div>`;
    const css = baseCss(f, 7.5) + `
      table.hd{width:100%;border-bottom:1px solid #000}.fn{font-size:11pt;font-weight:bold}.sm{font-size:7pt}
      .pt{margin:4pt 0;font-size:8pt}
      table.res{width:100%;table-layout:fixed} table.res th{text-align:left;font-size:7pt;background:#ddd;border:1px solid #999;padding:1.5pt} table.res td{padding:1pt 1.5pt;border:1px solid #ccc;overflow:hidden}
      .lg{margin-top:8pt;font-size:7pt}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} &nbsp; MRN ${esc(doc.mrn)}`, PN, 0.4);
    return { css, body, footer, margins: M(0.45, 0.5, 0.4, 0.4), fonts: [f], gt: { lab_results: gt, name_printed: nameFL(p), performing_lab: doc.performingLab } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.w1: hospital discharge summary in a dictation template: two-column header grid
// ("Patient: LAST, FIRST", "MRN:", "Admit Date:", "Discharge Date:", "DOB:" 2-digit-year free),
// numbered sections, discharge meds as a prose list with "(NEW)", "(DOSE CHANGED)", "(STOP TAKING)".
const dsW1 = {
  id: 'discharge.w1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const p = doc.patient; const rng = env.rng;
    const tag = { New: ' (NEW)', Changed: ' (DOSE CHANGED)', Continue: '', Stop: ' (STOP TAKING)' };
    const g = (l, v) => `<td class="l">${l}</td><td class="v">${v}</td>`;
    const sec = (n, t, h) => `<div class="sh">${n}. ${t}</div>${h}`;
    const body = `
      <div class="c"><div class="fn">${esc(doc.facility.name.toUpperCase())}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &bull; ${fmtPhone(doc.facility.phone)}</div><div class="t">DISCHARGE SUMMARY</div></div>
      <table class="g">
        <tr>${g('Patient:', esc(nameLF(p, true)))}${g('MRN:', esc(doc.mrn))}</tr>
        <tr>${g('DOB:', `${fmtDate(p.dob, 'us-nopad')} (${p.age}y)`)}${g('Account:', doc.account)}</tr>
        <tr>${g('Admit Date:', fmtDate(doc.admit_date, 'us-nopad'))}${g('Discharge Date:', fmtDate(doc.discharge_date, 'us-nopad'))}</tr>
        <tr>${g('Attending:', esc(provName(doc.provider)))}${g('PCP:', esc(provName(doc.pcp)))}</tr>
        <tr>${g('Length of Stay:', `${doc.los} days`)}${g('Disposition:', esc(doc.disposition))}</tr>
      </table>
      ${sec(1, 'ADMITTING DIAGNOSIS', `<p>${esc(doc.admit_dx)}</p>`)}
      ${sec(2, 'DISCHARGE DIAGNOSES', `<p>${doc.diagnoses.map((d, i) => `${i + 1}) ${esc(d.description)} [${d.code}]${d.principal ? ' - principal' : ''}`).join('<br>')}</p>`)}
      ${sec(3, 'HISTORY OF PRESENT ILLNESS', `<p>${esc(doc.hpi)}</p>`)}
      ${sec(4, 'HOSPITAL COURSE', doc.course.map((c) => `<p>${esc(c)}</p>`).join(''))}
      ${sec(5, 'PROCEDURES', `<p>${doc.procedures.length ? doc.procedures.map(esc).join('; ') : 'None.'}</p>`)}
      ${sec(6, 'ALLERGIES', `<p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join(', ') : 'No known allergies.'}</p>`)}
      ${sec(7, 'DISCHARGE MEDICATIONS', `<p>${doc.medications.map((m, i) => `${i + 1}. ${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} &ndash; ${esc(m.sig)}${tag[m.status] ?? ''}`).join('<br>')}</p>`)}
      ${sec(8, 'CONDITION AT DISCHARGE', `<p>${esc(doc.condition)}.</p>`)}
      ${sec(9, 'INSTRUCTIONS', `<p>Diet: ${esc(doc.diet)}. Activity: ${esc(doc.activity)}. Return to the emergency department for worsening symptoms.</p>`)}
      ${sec(10, 'FOLLOW-UP', `<p>${doc.followup.map(esc).join('<br>')}</p>`)}
      ${doc.pending.length ? sec(11, 'PENDING RESULTS', `<p>${esc(doc.pending.join('; '))}</p>`) : ''}
      <div class="keep sg">Dictated by: ${esc(provName(doc.provider))} &nbsp; D: ${fmtDate(doc.dictated, 'us-short')} ${fmtTime(doc.dictated, '24')} &nbsp; T: ${fmtDate(addDays(doc.dictated, 1), 'us-short')} &nbsp; Job# ${doc.job}<br>${signatureSvg(rng, 140, 32)}Authenticated ${fmtDateTime(doc.signed, 'us-nopad', '12n')}</div>`;
    const css = baseCss(f, 9.5) + `
      .fn{font-size:13pt;font-weight:bold;letter-spacing:1.5pt}.sm{font-size:8pt}.t{font-size:14pt;font-weight:bold;margin:6pt 0;letter-spacing:3pt}
      table.g{width:100%;border:1px solid #000;margin-bottom:6pt} table.g td{padding:2pt 4pt} td.l{width:16%;font-size:8.5pt;font-weight:bold} td.v{width:34%}
      .sh{font-weight:bold;margin:7pt 0 2pt 0}.sg{margin-top:12pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `DISCHARGE SUMMARY &ndash; ${esc(nameLF(p, true))} &ndash; MRN ${esc(doc.mrn)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nameLF(p, true), medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.w1: urgent-care / walk-in clinic visit note: "Visit Date/Time", triage vitals box
// with abbreviations (T, P, R, BP, SpO2, Wt), "Pt Name:" and "DOB 3/4/1950" (no zero padding),
// "MDM" and "Disposition" sections, sex/age "67 yo F".
const ovW1 = {
  id: 'office_visit.w1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const arrive = `${fmtTime(`${doc.date_of_service}T${zpad(rng.int(8, 18))}:${zpad(rng.int(0, 59))}`, '12n')}`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)} &ndash; Walk-In / Urgent Care</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><div class="t">ENCOUNTER NOTE</div></td></tr></table>
      <table class="pt"><tr><td>Pt Name: <b>${esc(nameFL(p))}</b></td><td>DOB ${fmtDate(p.dob, 'us-nopad')} &nbsp; ${p.age} yo ${p.sex}</td><td>Acct # ${esc(doc.mrn)}</td></tr>
      <tr><td>Visit Date/Time: ${fmtDate(doc.date_of_service, 'us-nopad')} ${arrive}</td><td>Provider: ${esc(provName(doc.provider))}</td><td>Type: ${esc(doc.visit_type)}</td></tr></table>
      <table class="vt"><tr><th>T</th><th>P</th><th>R</th><th>BP</th><th>SpO2</th><th>Ht</th><th>Wt</th><th>BMI</th></tr>
      <tr><td>${v.temp}</td><td>${v.hr}</td><td>${v.rr}</td><td>${v.bp}</td><td>${v.spo2}% RA</td><td>${v.ht_in}"</td><td>${v.wt_lb} lb</td><td>${v.bmi}</td></tr></table>
      <p><b>Reason for visit:</b> ${esc(doc.chief_complaint)}</p>
      <p><b>HPI:</b> ${esc(doc.hpi)}</p>
      <p><b>ROS:</b> ${doc.ros.map(([k, t]) => `${esc(k)} &ndash; ${esc(t)}`).join(' ')}</p>
      <p><b>Meds:</b> ${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join(', ') : 'none reported'}. <b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}.</p>
      <p><b>Exam:</b> ${doc.exam.map(([k, t]) => `<i>${esc(k)}:</i> ${esc(t)}`).join(' ')}</p>
      <p><b>MDM / Impression:</b></p><ul>${doc.diagnoses.map((d) => `<li>${d.code} &nbsp; ${esc(d.description)}</li>`).join('')}</ul>
      <p><b>Plan:</b> ${doc.plan.map(esc).join(' ')}${doc.orders.length ? ` Labs: ${doc.orders.join(', ')}.` : ''}</p>
      <p><b>Disposition:</b> Discharged home in stable condition. Follow up with PCP in ${esc(doc.followup)}; return or go to the ED if symptoms worsen.</p>
      <div class="keep sg">${signatureSvg(rng, 120, 30)}${esc(provName(doc.provider))} &nbsp; signed ${fmtDateTime(doc.signed, 'us-nopad', '12n')}</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.sm{font-size:8pt}.t{font-size:13pt;font-weight:bold;letter-spacing:1pt}
      table.pt{width:100%;margin:5pt 0} table.pt td{padding:1.5pt 4pt 1.5pt 0;font-size:9pt}
      table.vt{border:1.5px solid #000;margin:4pt 0 8pt 0} table.vt th{background:#ddd;font-size:8pt;padding:1pt 8pt;border:1px solid #000} table.vt td{padding:2pt 8pt;border:1px solid #000;text-align:center}
      ul{margin:0 0 5pt 0;padding-left:18pt}.sg{margin-top:10pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} &nbsp; DOB ${fmtDate(p.dob, 'us-nopad')} &nbsp; DOS ${fmtDate(doc.date_of_service, 'us-nopad')}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameFL(p), medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.w1: medication reconciliation form (clinic intake / transitions of care):
// "Medication | Dose | Sig | Indication | Status | Last Taken", tick boxes Continue/Stop per row,
// patient "LAST, FIRST" with "DOB: 03/04/50" (2-digit year, as on many paper forms), "Reconciled on".
const mlW1 = {
  id: 'medication_list.w1', set: SET, type: 'medication_list', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const rows = doc.medications.map((m) => `<tr><td><b>${esc(m.name)}</b> ${esc(m.form)}</td><td>${esc(m.strength)}</td><td>${esc(m.sig)}</td><td>${esc(INDICATION[m.condition] || '')}</td><td>${m.status === 'Active' ? 'Active' : 'Discontinued'}</td><td>${m.status === 'Active' ? short2(addDays(doc.date_of_service, -rng.int(0, 1))) : short2(m.start)}</td><td class="c">${box(m.status === 'Active')}</td><td class="c">${box(m.status !== 'Active')}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td>${logoSvg(rng, 'tri', 28)}</td><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r t">MEDICATION RECONCILIATION</td></tr></table>
      <table class="pt"><tr><td>Patient: <b>${esc(nameLF(p, true))}</b></td><td>DOB: ${fmtDate(p.dob, 'us-short')}</td><td>Sex/Age: ${p.sex}/${p.age}</td><td>MRN: ${esc(doc.mrn)}</td></tr>
      <tr><td colspan="2">Reconciled on: ${fmtDate(doc.date_of_service, 'us')} by ${esc(provName(doc.provider))}</td><td colspan="2">Source: ${rng.pick(['patient interview + pharmacy fill history', 'patient bottles brought to visit', 'outside records + patient'])}</td></tr>
      <tr><td colspan="4">Allergies: ${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} &ndash; ${esc(a.reaction)}`).join('; ') : 'No Known Allergies'}</td></tr></table>
      <table class="ml"><thead><tr><th style="width:24%">Medication</th><th style="width:9%">Dose</th><th style="width:25%">Sig</th><th style="width:12%">Indication</th><th style="width:9%">Status</th><th style="width:8%">Last Taken</th><th style="width:6%">Cont.</th><th>Stop</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:8pt">Patient was given an updated list and instructed to bring all medications, including over-the-counter products and supplements, to every visit.</p>
      <div class="keep sg">Reviewed with patient: ${box(true)}Yes &nbsp; ${signatureSvg(rng, 110, 26)}${esc(provName(doc.provider))}</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:middle;padding:0 6pt 3pt 0}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:12pt;font-weight:bold;letter-spacing:0.5pt}
      table.pt{width:100%;margin:6pt 0;border:1px solid #000} table.pt td{padding:2pt 4pt;font-size:8.5pt}
      table.ml{width:100%;border:1px solid #000} table.ml th{text-align:left;font-size:8pt;border:1px solid #000;padding:2pt;background:#e9e9e9} table.ml td{padding:2pt;vertical-align:top;border:1px solid #000;font-size:8.5pt}
      .sg{margin-top:10pt;font-size:8.5pt}`;
    return { css, body, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nameLF(p, true), medications: doc.medications.map((x) => medGt(x)) } };
  },
};

const INDICATION = { htn: 'HTN', dm2: 'T2DM', hld: 'HLD', hypothy: 'Hypothyroid', ckd3: 'CKD', gerd: 'GERD', dep: 'Depression', gad: 'Anxiety', asthma: 'Asthma', copd: 'COPD', afib: 'AFib', hf: 'CHF', cad: 'CAD', vitd: 'Vit D def', bph: 'BPH', oa: 'OA knee', ida: 'Anemia', gout: 'Gout', migraine: 'Migraine', insomnia: 'Insomnia', neuropathy: 'Neuropathy' };

// ======================= IMMUNIZATION RECORD =======================
// immunization.w1: state school/child-care immunization CERTIFICATE: one row per vaccine with
// "Dose 1 .. Dose 5" date columns (MM/DD/YY, as the paper form has), other vaccines listed below,
// "Child's Name", "Birthdate", parent/provider certification box.
const imW1 = {
  id: 'immunization.w1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const rng = env.rng;
    const groups = [];
    for (const s of doc.immunizations) { let g = groups.find((x) => x.vaccine === s.vaccine); if (!g) groups.push(g = { vaccine: s.vaccine, cvx: s.cvx, shots: [] }); g.shots.push(s); }
    const grid = groups.filter((g) => g.shots.length <= 5 && new Set(g.shots.map((s) => s.dose_number)).size === g.shots.length);
    const other = doc.immunizations.filter((s) => !grid.some((g) => g.vaccine === s.vaccine));
    const cell = (g, n) => { const s = g.shots.find((x) => x.dose_number === n); return s ? fmtDate(s.date, 'us-short') : ''; };
    const rows = grid.map((g) => `<tr><td class="vn">${esc(g.vaccine)}</td>${[1, 2, 3, 4, 5].map((n) => `<td class="c">${cell(g, n)}</td>`).join('')}</tr>`).join('');
    const child = p.age < 18;
    const body = `
      <div class="c"><div class="st">STATE DEPARTMENT OF HEALTH &ndash; IMMUNIZATION PROGRAM</div><div class="t">CERTIFICATE OF IMMUNIZATION</div><div class="sm">${child ? 'Required for school and child-care entry' : 'Official record of vaccines administered'}</div></div>
      <table class="id"><tr><td>${child ? "Child's Name" : 'Name'} (Last, First, MI)<br><b>${esc(nameLF(p, true))}</b></td><td>Birthdate<br><b>${fmtDate(p.dob, 'us')}</b></td><td>Sex<br><b>${p.sex}</b></td><td>Registry ID<br><b>${doc.registry_id}</b></td></tr>
      <tr><td colspan="2">${child ? 'Parent/Guardian' : 'Address'}<br>${child ? '____________________________' : esc(fmtAddr(p.address))}</td><td colspan="2">Clinic Chart #<br>${esc(doc.mrn)}</td></tr></table>
      <table class="dg"><thead><tr><th style="width:32%">Vaccine</th><th>Dose 1</th><th>Dose 2</th><th>Dose 3</th><th>Dose 4</th><th>Dose 5</th></tr></thead><tbody>${rows || '<tr><td colspan="6">none</td></tr>'}</tbody></table>
      ${other.length ? `<div class="sh">Other vaccines (date given &ndash; vaccine &ndash; product &ndash; lot)</div><table class="ot">${other.map((s) => `<tr><td style="width:14%">${fmtDate(s.date, 'us-short')}</td><td style="width:40%">${esc(s.vaccine)}</td><td style="width:22%">${esc(s.trade_name)}</td><td>${esc(s.lot)}</td></tr>`).join('')}</table>` : ''}
      <div class="keep cert"><b>Certification:</b> I certify that the immunization dates above were transcribed from the clinic record or state registry.<br>${signatureSvg(rng, 130, 28)}${esc(provName(doc.provider))}, ${esc(doc.facility.name)} &nbsp;&nbsp; Date: ${fmtDate(doc.date_of_service, 'us')}</div>`;
    const css = baseCss(f, 9.5) + `
      .st{font-size:8.5pt;letter-spacing:1pt}.t{font-size:16pt;font-weight:bold;margin:2pt 0}.sm{font-size:8pt}
      table.id{width:100%;margin:8pt 0;border:1.5px solid #000} table.id td{border:1px solid #000;padding:2pt 4pt;font-size:8pt;vertical-align:top} table.id b{font-size:10pt}
      table.dg{width:100%;border:1.5px solid #000} table.dg th{font-size:8.5pt;border:1px solid #000;background:#e3e3e3;padding:2pt} table.dg td{border:1px solid #000;padding:3pt 2pt;font-size:9pt} td.vn{font-weight:bold}
      .sh{font-weight:bold;margin:8pt 0 2pt 0;font-size:9pt} table.ot{width:100%} table.ot td{padding:1pt 4pt 1pt 0;font-size:8.5pt;border-bottom:1px dotted #999}
      .cert{margin-top:10pt;border:1px solid #000;padding:5pt;font-size:8.5pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameLF(p, true), immunizations: doc.immunizations.map((s) => ({ vaccine: s.vaccine, vaccine_printed: s.vaccine, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: grid.some((g) => g.vaccine === s.vaccine) ? null : s.lot, site: null })) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.w1: outpatient imaging report with a BOXED demographics header (grid of small-caption
// cells: "PATIENT NAME", "DOB", "EXAM DATE", "REFERRING"), sentence-case section titles,
// "Impression" as bullets, e-signature line "Dictated/Signed".
const radW1 = {
  id: 'radiology.w1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const rng = env.rng;
    const c = (cap, v, w = '') => `<td${w ? ` style="width:${w}"` : ''}><div class="cap">${cap}</div><div class="val">${v}</div></td>`;
    const body = `
      <table class="hd"><tr><td>${logoSvg(rng, rng.pick(['star', 'mountain', 'wave']), 32)}</td><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Scheduling ${fmtPhone(doc.facility.phone)}</div></td><td class="r t">Imaging Report</td></tr></table>
      <table class="bx"><tr>${c('PATIENT NAME', esc(nameFML(p)), '34%')}${c('DOB', fmtDate(p.dob, 'us'))}${c('SEX', p.sex)}${c('MRN', esc(doc.mrn))}</tr>
      <tr>${c('EXAM DATE', `${fmtDate(doc.exam_datetime, 'us')} ${fmtTime(doc.exam_datetime, '12n')}`)}${c('ACCESSION', doc.accession)}${c('REFERRING', esc(provName(doc.provider)), '')}${c('CPT', doc.cpt)}</tr></table>
      <div class="ex">${esc(doc.exam)}</div>
      <p><span class="sh">Clinical history:</span> ${esc(doc.indication)}.</p>
      <p><span class="sh">Technique:</span> ${esc(doc.technique)}</p>
      <p><span class="sh">Comparison:</span> ${esc(doc.comparison)}</p>
      <p><span class="sh">Findings:</span></p>${doc.findings.map((x) => `<p class="fi">${esc(x)}</p>`).join('')}
      <p><span class="sh">Impression:</span></p><ul>${doc.impression.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>
      ${doc.birads !== null && doc.birads !== undefined ? `<p><span class="sh">Assessment:</span> BI-RADS ${doc.birads}.</p>` : ''}
      <div class="keep sg">Dictated and electronically signed by ${esc(provName(doc.radiologist))}<br>Signed: ${fmtDateTime(doc.signed, 'us', '12n')} &nbsp; Transcribed: ${rng.pick(['VR', 'PS360', 'MT'])}</div>`;
    const css = baseCss(f, 10) + `
      table.hd{width:100%} table.hd td{vertical-align:middle;padding:0 6pt 4pt 0}.fn{font-size:13pt;font-weight:bold}.sm{font-size:8pt}.t{font-size:15pt;font-weight:bold}
      table.bx{width:100%;border:2px solid #000;margin:4pt 0 10pt 0} table.bx td{border:1px solid #000;padding:2pt 4pt;vertical-align:top}.cap{font-size:6.5pt;letter-spacing:0.5pt}.val{font-size:9.5pt;font-weight:bold}
      .ex{font-size:11pt;font-weight:bold;margin-bottom:6pt;text-transform:uppercase}.sh{font-weight:bold}.fi{margin-left:12pt} ul{margin:0 0 6pt 0;padding-left:20pt}
      .sg{margin-top:14pt;font-size:9pt;border-top:1px solid #000;padding-top:4pt}`;
    const footer = pageFooter(f, `${esc(nameFML(p))} &nbsp; ${fmtDate(p.dob, 'us')}`, PN, 0.7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nameFML(p), radiology: { exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads } } };
  },
};

// ======================= REFERRAL =======================
// referral.w1: referral letter on a group-practice LETTERHEAD with a left sidebar listing the
// practice's physicians; block "RE:" with "D.O.B." and "Insurance Auth."; prose request,
// problem list and medications as short lists; cc line.
const refW1 = {
  id: 'referral.w1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const docs = [provName(doc.provider), ...rng.sample(['Mockler', 'Sampleton', 'Testa', 'Fauxley', 'Dummond'], rng.int(2, 4)).map((l) => `${rng.pick(['A.', 'J.', 'M.', 'R.', 'S.', 'T.'])} ${l}, ${rng.pick(['MD', 'DO', 'NP', 'PA-C'])}`)];
    const body = `
      <div class="wrap"><div class="side"><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(doc.facility.address.line1)}<br>${esc(doc.facility.address.city)}, ${doc.facility.address.state} ${doc.facility.address.zip}<br><br>Tel ${fmtPhone(doc.facility.phone, 'dot')}<br>Fax ${fmtPhone(doc.facility.fax, 'dot')}<br><br>${docs.map(esc).join('<br>')}</div></div>
      <div class="main">
        <p>${fmtDate(doc.date_of_service, 'month-d-y')}</p>
        <p>${esc(provName(to))}<br>${esc(doc.to_facility.name)}<br>${esc(doc.to_facility.address.line1)}<br>${esc(doc.to_facility.address.city)}, ${doc.to_facility.address.state} ${doc.to_facility.address.zip}</p>
        <table class="re"><tr><td>RE:</td><td><b>${esc(nameFL(p))}</b></td></tr><tr><td></td><td>D.O.B. ${fmtDate(p.dob, 'us-nopad')}</td></tr><tr><td></td><td>Insurance Auth.: ${doc.auth_number ? esc(doc.auth_number) : 'pending'}</td></tr><tr><td></td><td>Request: ${esc(doc.specialty)} consultation${doc.urgency !== 'Routine' ? ` &ndash; <b>${esc(doc.urgency.toUpperCase())}</b>` : ''}</td></tr></table>
        <p>Dear ${esc(provDr(to))},</p>
        <p>I would appreciate your evaluation of ${esc(p.first)}, who is ${p.age} years old, for ${esc(doc.reason)}. I have enclosed ${doc.enclosures.map((e) => e.toLowerCase()).join(', ')}.</p>
        <p><b>Active problems:</b> ${doc.diagnoses.map((d) => `${esc(d.description)} (${d.code})`).join('; ')}.</p>
        <p><b>Medications:</b> ${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join('; ') : 'none'}.</p>
        <p><b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}.</p>
        <p>Please send your consultation note to my office by fax. The patient has been asked to call your office to schedule.</p>
        <p>Sincerely,</p><div class="keep">${signatureSvg(rng, 150, 34)}<p>${esc(provName(doc.provider))}</p></div>
        <p class="sm">cc: patient chart${rng.chance(0.5) ? '; ' + esc(doc.facility.name) + ' referral coordinator' : ''}</p>
      </div></div>`;
    const css = baseCss(f, 10) + `
      .wrap{display:flex;gap:14pt}.side{width:1.55in;border-right:2px solid #000;padding-right:8pt}.fn{font-size:12pt;font-weight:bold;margin-bottom:6pt}.sm{font-size:7.5pt}
      .main{flex:1} table.re{margin:6pt 0 10pt 0} table.re td{padding:0 6pt 0 0;vertical-align:top}`;
    return { css, body, margins: M(0.7, 0.7, 0.7, 0.8), fonts: [f], gt: { name_printed: nameFL(p), diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.w1: Medicare Summary Notice-style quarterly notice (Part B): "THIS IS NOT A BILL" banner,
// left "Your Deductible Status" / "Did the plan approve all services?" boxes, claim block headed by the
// provider with "Service Approved? | Amount Provider Charged | Approved Amount | Plan Paid | Maximum
// You May Be Billed", "Dates of Service" and notes keyed by letter.
const billW1 = {
  id: 'billing.w1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const from = addDays(doc.processed, -rng.int(60, 90));
    const rows = doc.lines.map((l, i) => `<tr><td>${esc(l.description)} (${l.cpt})</td><td class="c">Yes</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.allowed)}</td><td class="r">${money(l.paid)}</td><td class="r">${money(l.patient_resp)}</td><td class="c">${String.fromCharCode(65 + (i % 3))}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="t">Summary Notice</div><div>for ${esc(nameFL(p).toUpperCase())}</div><div class="sm">The Official Summary of Your ${esc(doc.payer)} Claims</div></td><td class="r"><div class="nb2">THIS IS NOT A BILL</div><div class="sm">Notice for ${esc(nameFL(p))}<br>Member Number: XXX-XX-${doc.member_id.slice(-4)}A</div></td></tr></table>
      <table class="two"><tr><td><div class="h">Dates of Service</div>Claims Processed Between ${fmtDate(from, 'month-d-y')} and ${fmtDate(doc.processed, 'month-d-y')}</td>
      <td><div class="h">Your Deductible Status</div>Your deductible is what you must pay each year before the plan pays. You have ${t.deductible ? 'now met ' + money(t.deductible) + ' of' : 'met'} your deductible for this year.</td>
      <td><div class="h">Did the plan approve all services?</div>YES. The plan approved all services in this notice. See the claim below for details.</td></tr></table>
      <div class="cl"><div class="ch">Claim for ${esc(provName(doc.provider))}, ${esc(doc.facility.address.city)}</div>
      <div class="sm">Dates of Service: ${fmtDate(doc.date_of_service, 'us-nopad')} &nbsp;&nbsp; Claim Number: ${doc.claim_number} &nbsp;&nbsp; Group: ${doc.group} (${esc(doc.plan_name)}) &nbsp;&nbsp; Date processed: ${fmtDate(doc.processed, 'us-nopad')}</div>
      <table class="ln"><thead><tr><th style="width:34%">Service Provided &amp; Billing Code</th><th>Service Approved?</th><th>Amount Provider Charged</th><th>Plan Approved Amount</th><th>Plan Paid Provider</th><th>Maximum You May Be Billed</th><th>See Notes</th></tr></thead>
      <tbody>${rows}<tr class="tot"><td>Total for Claim ${doc.claim_number.slice(-5)}</td><td></td><td class="r">${money(t.billed)}</td><td class="r">${money(t.allowed)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.patient_resp)}</td><td></td></tr></tbody></table></div>
      <p class="sm"><b>Notes for Claims Above</b><br>A &ndash; Deductible and copayment amounts (${money(t.deductible)} deductible, ${money(t.copay)} copay) are included in the amount you may be billed. B &ndash; Coinsurance ${money(t.coinsurance)}. C &ndash; The provider agreed to accept the approved amount; the difference (${money(t.not_covered)}) is not billed to you.</p>
      <p class="sm">How to handle denied claims or file an appeal: you have 120 days from the date you get this notice to file an appeal. Questions: ${fmtPhone(doc.facility.phone, 'one')}, TTY 711.</p>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:3px solid #000} table.hd td{vertical-align:bottom;padding-bottom:4pt}.t{font-size:20pt;font-weight:bold}.sm{font-size:7.5pt}
      .nb2{font-size:12pt;font-weight:bold;border:2px solid #000;padding:3pt 6pt;display:inline-block;margin-bottom:3pt}
      table.two{width:100%;margin:8pt 0} table.two td{width:33%;vertical-align:top;border:1px solid #000;padding:4pt;font-size:8pt}.h{font-weight:bold;font-size:9.5pt;margin-bottom:2pt}
      .cl{border:1.5px solid #000;padding:5pt;margin-bottom:8pt}.ch{font-weight:bold;font-size:10.5pt}
      table.ln{width:100%;margin-top:4pt} table.ln th{font-size:7.5pt;border-bottom:1.5px solid #000;text-align:left;padding:2pt;vertical-align:bottom} table.ln td{padding:2pt;font-size:8.5pt;border-bottom:1px solid #bbb}
      tr.tot td{font-weight:bold;border-top:1.5px solid #000}`;
    const footer = pageFooter(f, `${esc(nameFL(p).toUpperCase())} &nbsp; Summary Notice`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameFL(p).toUpperCase(), billing: { kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: t.patient_resp } } };
  },
};

// billing.w2: hospital / physician-group ITEMIZED STATEMENT (revenue-code ledger): header grid
// "Guarantor", "Patient Name", "Admit/Service Date", lines "Svc Date | Rev Code | CPT/HCPCS |
// Description | Qty | Charges", then an insurance/adjustment summary and "Balance Due From Patient".
const billW2 = {
  id: 'billing.w2', set: SET, type: 'insurance_billing', facilityKind: 'billing',
  render(doc, env) {
    const f = font(env, env.rng.pick(['mono', 'narrow'])); const p = doc.patient; const t = doc.totals;
    const due = Math.round((doc.previous_balance + t.patient_resp) * 100) / 100;
    const rev = (c) => (/^99/.test(c) ? '0510' : /^36415$/.test(c) ? '0300' : /^8/.test(c) ? '0301' : /^7/.test(c) ? '0320' : /^90/.test(c) ? '0636' : '0940');
    const rows = doc.lines.map((l) => `<tr><td>${fmtDate(l.date, 'us-short')}</td><td>${rev(l.cpt)}</td><td>${l.cpt}</td><td>${esc(l.description.toUpperCase())}</td><td class="r">1</td><td class="r">${money(l.billed)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Patient Financial Services &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r t">ITEMIZED STATEMENT</td></tr></table>
      <table class="g"><tr><td>Guarantor:<br><b>${esc(nameLF(p, true))}</b><br>${esc(p.address.line1)}<br>${esc(p.address.city)}, ${p.address.state} ${p.address.zip}</td><td>Patient Name:<br><b>${esc(nameLF(p, true))}</b><br>Birthdate: ${fmtDate(p.dob, 'us')}</td><td>Account #: ${doc.account}<br>Statement Date: ${fmtDate(doc.statement_date, 'us')}<br>Service Date: ${fmtDate(doc.date_of_service, 'us')}<br>Physician: ${esc(provLF(doc.provider, true))}</td></tr></table>
      <table class="ln"><thead><tr><th>Svc Date</th><th>Rev Code</th><th>CPT/HCPCS</th><th style="width:44%">Description</th><th class="r">Qty</th><th class="r">Charges</th></tr></thead><tbody>${rows}
      <tr class="tot"><td colspan="5">TOTAL CHARGES</td><td class="r">${money(t.billed)}</td></tr></tbody></table>
      <table class="sum"><tr><td>${esc(doc.payer)} payments</td><td class="r">-${money(t.paid)}</td></tr><tr><td>Contractual adjustment</td><td class="r">-${money(t.not_covered)}</td></tr>
      <tr><td>Applied to deductible / copay / coinsurance</td><td class="r">${money(t.deductible)} / ${money(t.copay)} / ${money(t.coinsurance)}</td></tr><tr><td>Prior balance</td><td class="r">${money(doc.previous_balance)}</td></tr>
      <tr class="tot"><td>BALANCE DUE FROM PATIENT</td><td class="r">${money(due)}</td></tr></table>
      <p class="sm">Insurance: ${esc(doc.payer)} &nbsp; ID ${doc.member_id} &nbsp; Claim ${doc.claim_number}. Please pay by ${fmtDate(doc.due_date, 'us')}. Financial assistance is available to eligible patients; call the number above.</p>`;
    const css = baseCss(f, 8.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:13pt;font-weight:bold}
      table.g{width:100%;margin:6pt 0;border:1px solid #000} table.g td{width:33%;vertical-align:top;border:1px solid #000;padding:3pt 4pt;font-size:8pt}
      table.ln{width:100%} table.ln th{text-align:left;font-size:7.5pt;border-bottom:1.5px solid #000;padding:2pt} table.ln td{padding:1.5pt 2pt;font-size:8pt}
      tr.tot td{font-weight:bold;border-top:1px solid #000}
      table.sum{width:60%;margin:8pt 0 8pt auto;border:1px solid #000} table.sum td{padding:2pt 4pt;font-size:8pt}`;
    return { css, body, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nameLF(p, true), billing: { kind: 'patient_statement', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, account: doc.account, statement_date: doc.statement_date, previous_balance: doc.previous_balance, amount_due: due, lines: doc.lines, totals: doc.totals } } };
  },
};

export default [coverW1, coverW2, labW1, labW2, labW3, labW4, dsW1, ovW1, mlW1, imW1, radW1, refW1, billW1, billW2];
