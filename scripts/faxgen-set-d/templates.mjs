// faxgen template set 'set-d': a stand-in for faxgen's held-out template set, written in session 23 WITHOUT looking
// at the extraction/structuring rules (nothing under src/ was opened while it was written). Theme: AMBULATORY EHR
// VENDORS' PRINT-OUTS and REFERENCE-LAB VARIANTS not imitated before (athenahealth, eClinicalWorks, NextGen,
// Veradigm/Allscripts, Oracle Health PowerChart, MEDITECH Expanse, Practice Fusion, Greenway) and covers produced by
// e-fax services. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-d/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-d ...
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

const SET = 'set-d';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// Nimbus Sans / FreeSans (sans), P052 / Nimbus Roman (serif), Liberation Mono / DejaVu Sans Mono (mono), Nimbus Sans
// Narrow / Liberation Sans Narrow (narrow). Fax header line: FreeMono, Nimbus Sans or P052.
export const fonts = {
  [SET]: {
    sans: ['Nimbus Sans', 'FreeSans'],
    serif: ['P052', 'Nimbus Roman'],
    mono: ['Liberation Mono', 'DejaVu Sans Mono'],
    narrow: ['Nimbus Sans Narrow', 'Liberation Sans Narrow'],
    tti: ['FreeMono', 'Nimbus Sans', 'P052'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WD = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const D = (iso) => parseIso(iso);
/** 03/04/1950 */
const mdy = (iso) => fmtDate(iso, 'us');
/** 3/4/1950 */
const mdyNP = (iso) => { const d = D(iso); return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`; };
/** 03-04-1950 */
const mdyDash = (iso) => mdy(iso).replace(/\//g, '-');
/** Mar 4, 1950 */
const monDY = (iso) => { const d = D(iso); return `${MON[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`; };
/** March 4, 1950 */
const monthDY = (iso) => fmtDate(iso, 'month-d-y');
/** 14-MAR-2024 */
const dMonYc = (iso) => { const d = D(iso); return `${zpad(d.getUTCDate())}-${MON[d.getUTCMonth()].toUpperCase()}-${d.getUTCFullYear()}`; };
/** 2024-03-14 */
const isoD = (iso) => iso.slice(0, 10);
const t12 = (dt) => fmtTime(dt, '12n');
const ageOf = (dob, on) => { const a = D(dob), b = D(on); let y = b.getUTCFullYear() - a.getUTCFullYear(); if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) y--; return y; };
const addDaysIso = (iso, n) => { const d = parseIso(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // cloud e-fax service stamping a TRANSMISSION ID first, then an ISO date with a "T" and a Z-less 24-h time,
    // the caller ID in E.164 and the page counter as "p.2(5)":
    // "TXID 7F3A21  2024-03-14T10:32  +12175550146 -> SENDER  p.2(5)"
    (t) => [`TXID ${(t.sec * 7919 + t.page * 31).toString(16).toUpperCase().padStart(6, '0')}`, `${t.dt.slice(0, 10)}T${fmtTime(t.dt, '24')}`, `+1${t.fax.area}${t.fax.exch}${t.fax.line} -> ${t.sender.slice(0, 26)}`, `p.${t.page}(${t.total})`],
    // multifunction printer with the DAY-MONTH-NAME date in capitals and two-digit year, the page as a fraction
    // with a leading "#", and the sender last:
    // "14-MAR-24 10:32AM  #002/005  (217)555-0146  SENDER"
    (t) => [`${zpad(D(t.dt).getUTCDate())}-${MON[D(t.dt).getUTCMonth()].toUpperCase()}-${String(D(t.dt).getUTCFullYear()).slice(2)} ${fmtTime(t.dt, '12n').replace(' ', '')}`, `#${String(t.page).padStart(3, '0')}/${String(t.total).padStart(3, '0')}`, `(${t.fax.area})${t.fax.exch}-${t.fax.line}`, t.sender.slice(0, 30)],
    // EHR outbound-fax queue banner: practice name FIRST, "Sent:" with a long weekday and the month spelled out,
    // "Page 2" alone (no total):
    // "SENDER | Sent: Thursday, March 14, 2024 10:32 AM | Page 2"
    (t) => [`${t.sender.slice(0, 30)} | Sent: ${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][D(t.dt).getUTCDay()]}, ${monthDY(t.dt)} ${t12(t.dt)} | Page ${t.page}`],
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
const stmtGt = (doc, due) => ({ kind: 'patient_statement', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, account: doc.account, statement_date: doc.statement_date, previous_balance: doc.previous_balance, amount_due: due, lines: doc.lines, totals: doc.totals });
const eobGt = (doc) => ({ kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: doc.totals.patient_resp });

// ======================= FAX COVER SHEETS =======================
// cover.d1: CLOUD E-FAX SERVICE "delivery cover" generated by the service itself (Updox / Kno2 manner): a thin
// service banner "Secure Fax · delivered via <service>", a two-column card FROM (practice, phone, fax) | TO
// (recipient, organization, fax), a key/value strip "Sent 2024-03-14 10:32 CDT · 5 pages total · Message ID …",
// a "Documents in this packet" list (the `re` line), the sender's note, and a QR-like barcode with "Reply securely".
const coverD1 = {
  id: 'cover.d1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility; const rng = env.rng; const dt = doc.datetime;
    const svc = rng.pick(['Updox', 'Kno2', 'Concord', 'SRFax', 'Documo']);
    const body = `
      <div class="bn"><span>Secure Fax</span><span class="sm">delivered via ${svc} Cloud Fax</span></div>
      <table class="cd"><tr><td><div class="k">FROM</div><b>${esc(s.name)}</b><br>${esc(doc.from_person)}<br>Phone ${fmtPhone(s.phone)}<br>Fax ${fmtPhone(s.fax)}</td>
      <td><div class="k">TO</div><b>${esc(doc.to_name)}</b><br>${esc(doc.to_org || '')}<br>Fax ${fmtPhone(doc.to_fax)}${doc.to_phone ? `<br>Phone ${fmtPhone(doc.to_phone)}` : ''}</td></tr></table>
      <div class="st">Sent ${isoD(dt)} ${fmtTime(dt, '24')} ${rng.pick(['CDT', 'EDT', 'CST', 'EST'])} &nbsp;&middot;&nbsp; ${doc.pages} pages total &nbsp;&middot;&nbsp; Message ID ${rng.letters(2)}${rng.digits(8)}${doc.urgent ? ' &nbsp;&middot;&nbsp; <b>PRIORITY</b>' : ''}</div>
      <div class="k2">Documents in this packet</div><p>${esc(doc.re)}</p>
      <div class="k2">Note from sender</div><div class="ms">${esc(doc.message)}</div>
      <table class="ft"><tr><td>${barcodeSvg(rng, 150, 30)}</td><td class="sm">Reply securely: scan the code or call ${fmtPhone(s.phone)}. This transmission may contain protected health information. If you are not the intended recipient, notify the sender and delete all copies.</td></tr></table>`;
    const css = baseCss(f, 10) + `
      .bn{display:flex;justify-content:space-between;align-items:baseline;background:#222;color:#fff;padding:5pt 8pt;font-size:15pt;font-weight:bold}.sm{font-size:8pt;font-weight:normal}
      table.cd{width:100%;margin:12pt 0;border-collapse:collapse} table.cd td{width:50%;border:1px solid #000;padding:6pt 8pt;vertical-align:top;line-height:1.4}.k{font-size:7.5pt;letter-spacing:1.5pt;font-weight:bold;margin-bottom:2pt}
      .st{border-top:1px solid #000;border-bottom:1px solid #000;padding:4pt 0;font-size:9.5pt}.k2{font-weight:bold;margin-top:12pt;font-size:9pt}
      .ms{min-height:110pt;border:0.75px dashed #000;padding:6pt;line-height:1.45} table.ft{margin-top:20pt} table.ft td{vertical-align:middle;padding-right:10pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.75, 0.75), fonts: [f] };
  },
};

// cover.d2: EHR-GENERATED fax cover from an ambulatory EHR's document-management "Fax" action (eClinicalWorks /
// Greenway manner): a one-line header "FAX TRANSMITTAL — <practice>", a 3×2 grid of captioned boxes
// (Recipient / Fax No. / Date | Sender / Callback / # Pages (incl. cover)), date as "Thu 3/14/2024", the
// subject as "Regarding:" and an "Action requested" checkbox list (Review / Sign and return / File in chart /
// Call patient), then the sender's message and a bottom confidentiality bar.
const coverD2 = {
  id: 'cover.d2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'narrow'); const s = doc.from_facility; const rng = env.rng; const dt = doc.datetime;
    const box = (k, v) => `<td><div class="k">${k}</div><div class="v">${v}</div></td>`;
    const act = rng.int(0, 3);
    const body = `
      <div class="hd">FAX TRANSMITTAL &mdash; ${esc(s.name)}</div>
      <div class="ad">${esc(fmtAddr(s.address))}</div>
      <table class="g"><tr>${box('Recipient', `${esc(doc.to_name)}${doc.to_org ? '<br>' + esc(doc.to_org) : ''}`)}${box('Fax No.', fmtPhone(doc.to_fax))}${box('Date', `${WD[D(dt).getUTCDay()]} ${mdyNP(dt)}`)}</tr>
      <tr>${box('Sender', esc(doc.from_person))}${box('Callback', fmtPhone(s.phone))}${box('# Pages (incl. cover)', String(doc.pages))}</tr></table>
      <p><b>Regarding:</b> ${esc(doc.re)}</p>
      <p class="ac"><b>Action requested:</b> ${['Review', 'Sign and return', 'File in chart', 'Call patient'].map((x, i) => `<span>${i === act ? '[X]' : '[ &nbsp;]'} ${x}</span>`).join(' ')}</p>
      <div class="ms">${esc(doc.message)}</div>
      <div class="cf">CONFIDENTIAL HEALTH INFORMATION &middot; Authorized recipient only &middot; If received in error call ${fmtPhone(s.phone)}</div>`;
    const css = baseCss(f, 10.5) + `
      .hd{font-size:16pt;font-weight:bold;border-bottom:3px double #000;padding-bottom:3pt}.ad{font-size:8.5pt;margin:2pt 0 14pt 0}
      table.g{width:100%;border-collapse:collapse;margin-bottom:10pt} table.g td{border:1px solid #000;padding:3pt 6pt;vertical-align:top;width:33%}.k{font-size:7pt;text-transform:uppercase}.v{font-size:11pt}
      .ac span{margin-right:12pt}.ms{margin-top:12pt;min-height:130pt;line-height:1.5}.cf{margin-top:24pt;background:#000;color:#fff;font-size:8pt;padding:3pt 6pt;text-align:center}`;
    return { css, body, margins: M(0.6, 0.6, 0.8, 0.8), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.d1 (clinic): AMBULATORY EHR "Lab Result" print where EACH RESULT IS A BLOCK, not a table row
// (eClinicalWorks / Practice Fusion patient-chart manner): a bold test-name line, then indented lines
// "Value: 5.6 mmol/L", "Reference range: 3.5-5.1", "Abnormal flag: High" (only when flagged), "Status: Final";
// panel heads as a grey band; the patient strip `Testbury, Harold  DOB: 03-04-1950  Sex: Male  Acct #`;
// "Collected on Mar 14, 2024 08:15 AM", "Resulted on …", "Ordering provider"; "Reviewed by … on …".
const labD1 = {
  id: 'lab.d1', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Prairie Outreach Laboratory', 'Midstate Clinical Reference Lab'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'full', rangeStyle: 'e' }, { H: 'High', L: 'Low', A: 'Abnormal' });
    const nm = `${p.last}, ${p.first}`;
    const blocks = panels.map((P) => `<div class="ph">${esc(P.name)}</div>` + P.rows.map((r) =>
      `<div class="bk"><div class="tn">${esc(r.name)}</div><div class="ln">Value: <b>${esc(r.value)}</b>${r.unit ? ' ' + esc(r.unit) : ''}</div>${r.range ? `<div class="ln">Reference range: ${esc(r.range)}</div>` : ''}${r.flagPrinted ? `<div class="ln">Abnormal flag: <b>${esc(r.flagPrinted)}</b></div>` : ''}<div class="ln sm">Status: ${esc(doc.status)}</div></div>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <div class="hd"><span class="fn">${esc(doc.facility.name)}</span><span class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</span></div>
      <div class="ps"><b>${esc(nm)}</b> &nbsp; DOB: ${mdyDash(p.dob)} &nbsp; Sex: ${p.sex === 'M' ? 'Male' : 'Female'} &nbsp; Acct #: ${esc(doc.mrn)}</div>
      <div class="t">Lab Result</div>
      <p>Collected on ${monDY(doc.collected)} ${t12(doc.collected)} &nbsp;&middot;&nbsp; Resulted on ${monDY(doc.reported)} ${t12(doc.reported)}<br>Ordering provider: ${esc(provName(doc.provider))} &nbsp;&middot;&nbsp; Performing lab: ${esc(doc.labName)} &nbsp;&middot;&nbsp; Accession ${doc.accession}</p>
      <div class="cols">${blocks}</div>
      <p class="keep sm" style="margin-top:10pt">Reviewed by ${esc(provName(doc.provider))} on ${monDY(doc.reported)}. CLIA ${doc.clia}.</p>`;
    const css = baseCss(f, 9) + `
      .hd{display:flex;justify-content:space-between;align-items:baseline;border-bottom:1.5px solid #000;padding-bottom:2pt}.fn{font-weight:bold;font-size:12pt}.sm{font-size:7.5pt}
      .ps{background:#e6e6e6;padding:3pt 5pt;margin:5pt 0}.t{font-size:14pt;font-weight:bold;margin:4pt 0} p{margin:2pt 0 5pt 0}
      .ph{background:#ccc;font-weight:bold;padding:1.5pt 4pt;margin-top:6pt}.bk{padding:2pt 0 3pt 6pt;border-bottom:0.4px solid #bbb;break-inside:avoid}.tn{font-weight:bold}.ln{margin-left:14pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${mdyDash(p.dob)} &middot; Lab Result`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.labName } };
  },
};

// lab.d2 (reflab): REFERENCE-LAB results page WITH A PERFORMING-SITE FOOTNOTE CODE PER ROW (national reference
// lab manner): columns Test Name / In Range / Out of Range / Reference Range / Lab, where the value sits in the
// "In Range" column when normal and in the "Out of Range" column with a trailing flag letter when abnormal
// ("5.6 H"); the unit is printed after the value in the same cell; the "Lab" column holds a site code (01 / 02 /
// KS) resolved in a "Performing Sites" footnote block at the end. Patient block on the RIGHT: `TESTBURY, HAROLD`,
// `DOB: 03/04/1950  Age: 74  Gender: M`, specimen / requisition / collected / received / reported lines left.
const labD2 = {
  id: 'lab.d2', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Keystone Reference Diagnostics', 'Heartland Clinical Laboratories'],
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'caps', rangeStyle: 'h' }, { H: 'H', L: 'L', A: 'A' });
    const sites = [['01', doc.labName, fmtAddr(doc.facility.address)], ['KS', `${doc.labName} Esoteric Testing`, 'San Juan Capistrano, CA']];
    const rows = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>` + P.rows.map((r) => {
      const v = `${esc(r.value)}${r.unit ? ' ' + esc(r.unit) : ''}`;
      const site = rng.chance(0.85) ? '01' : 'KS';
      return `<tr><td class="tn">${esc(r.name)}</td><td>${r.flag ? '' : v}</td><td class="oo">${r.flag ? `${v} ${esc(r.flagPrinted)}` : ''}</td><td>${esc(r.range)}</td><td class="c">${site}</td></tr>`;
    }).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.labName)}</div><div class="sm">Client #${rng.digits(6)} &middot; ${esc(doc.client?.name || doc.facility.name)}</div>
      <div class="sm">Specimen: ${doc.accession} &nbsp; Requisition: ${rng.digits(7)}<br>Collected: ${mdy(doc.collected)} ${fmtTime(doc.collected, '24')} &nbsp; Received: ${mdy(doc.received)} &nbsp; Reported: ${mdy(doc.reported)} &nbsp; ${esc(doc.status).toUpperCase()}</div></td>
      <td class="pb"><div class="pn">${esc(nm)}</div><div>DOB: ${mdy(p.dob)} &nbsp; Age: ${ageOf(p.dob, doc.collected)} &nbsp; Gender: ${p.sex}</div><div>Patient ID: ${esc(doc.mrn)}</div><div>Physician: ${esc(provLF(doc.provider, true))}</div></td></tr></table>
      <table class="res"><thead><tr><th>Test Name</th><th>In Range</th><th>Out of Range</th><th>Reference Range</th><th class="c">Lab</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep ps"><b>Performing Sites:</b>${sites.map(([c, n, a]) => `<div>${c} &nbsp; ${esc(n)}, ${esc(a)} &nbsp; Laboratory Director: ${esc(provName(doc.lab_director))} &nbsp; CLIA: ${doc.clia}</div>`).join('')}</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:2px solid #000;margin-bottom:6pt} table.hd td{vertical-align:top}.fn{font-size:14pt;font-weight:bold}.sm{font-size:8pt}
      .pb{width:2.6in;border-left:1px solid #000;padding-left:6pt}.pn{font-size:11pt;font-weight:bold}
      table.res{width:100%;border-collapse:collapse} table.res th{text-align:left;border-bottom:1px solid #000;font-size:8pt;padding:1.5pt 3pt} table.res td{padding:1pt 3pt}
      tr.ph td{font-weight:bold;padding-top:5pt;border-bottom:0.5px solid #000}.tn{width:34%}.oo{font-weight:bold}.c{text-align:center}.ps{margin-top:10pt;font-size:7.6pt;border-top:1px solid #000;padding-top:3pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.labName } };
  },
};

// lab.d3 (hospital): ORACLE HEALTH (CERNER) POWERCHART "Flowsheet – Lab" single-collection print: banner bar
// `TESTBURY, HAROLD J   Age: 74 years  Sex: Male  DOB: 3/4/1950  MRN: …  FIN: …`, then per section a table
// Procedure / Result / Units / Ref Range where the RESULT CELL CARRIES THE FLAG AS A SUFFIX LETTER with no space
// separation beyond one ("5.6 H"), plus a result-comment row in italics for a few rows ("Result verified by
// repeat analysis"), and "Performed on 03/14/2024 08:15 CDT" under each section.
const labD3 = {
  id: 'lab.d3', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'abbr', rangeStyle: 'h' }, { H: 'H', L: 'L', A: 'A' });
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const secs = panels.map((P) => `<div class="ph">${esc(P.name)}</div><table class="r"><thead><tr><th>Procedure</th><th>Result</th><th>Units</th><th>Ref Range</th></tr></thead><tbody>${P.rows.map((r) =>
      `<tr><td>${esc(r.name)}</td><td class="v">${esc(r.value)}${r.flagPrinted ? ' ' + esc(r.flagPrinted) : ''}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>${r.flag && rng.chance(0.3) ? `<tr><td colspan="4" class="cm">Result verified by repeat analysis.</td></tr>` : ''}`).join('')}</tbody></table>
      <div class="pf">Performed on ${mdy(doc.collected)} ${fmtTime(doc.collected, '24')} ${rng.pick(['CDT', 'CST'])} at ${esc(doc.facility.name)} Laboratory</div>`).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <div class="bn"><b>${esc(nm)}</b> &nbsp; Age: ${ageOf(p.dob, doc.collected)} years &nbsp; Sex: ${p.sex === 'M' ? 'Male' : 'Female'} &nbsp; DOB: ${mdyNP(p.dob)} &nbsp; MRN: ${esc(doc.mrn)} &nbsp; FIN: ${rng.digits(9)}</div>
      <div class="sb">Attending: ${esc(provLF(doc.provider))} &nbsp; Loc: ${rng.pick(['3 North', 'ED', 'Outpt Lab', '6 West'])} &nbsp; Isolation: None</div>
      <div class="t">Flowsheet &ndash; Lab &nbsp;<span class="sm">Accession ${doc.accession} &middot; ${esc(doc.status)}</span></div>
      ${secs}`;
    const css = baseCss(f, 8.8) + `
      .bn{background:#333;color:#fff;padding:3pt 6pt;font-size:9.5pt}.sb{font-size:8pt;border-bottom:1px solid #000;padding:2pt 0}.t{font-size:12pt;font-weight:bold;margin:6pt 0 2pt 0}.sm{font-size:7.8pt;font-weight:normal}
      .ph{font-weight:bold;margin-top:6pt;font-size:9.5pt} table.r{width:100%;border-collapse:collapse} table.r th{text-align:left;background:#ddd;font-size:8pt;padding:1.2pt 3pt} table.r td{padding:0.8pt 3pt;border-bottom:0.4px solid #ccc}
      td.v{font-weight:bold} td.cm{font-style:italic;font-size:7.5pt;padding-left:18pt !important}.pf{font-size:7.5pt;font-style:italic;margin:1pt 0 4pt 0}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; MRN ${esc(doc.mrn)} &middot; Printed ${mdy(doc.faxDate)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.facility.name } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.d1 (hospital): MEDITECH EXPANSE "Discharge Summary" print: header lines `Patient: TESTBURY,HAROLD J`
// / `Account No: …  Unit No: …` / `Age/Sex: 74/M  DOB: 03/04/1950` / `Admitted: 03/10/24 at 1402` /
// `Discharged: 03/14/24 at 1115` / `Attending: …` in two monospace-looking columns, report status "Signed", then
// sections with trailing colons (Discharge Diagnoses: / History of Present Illness: / Hospital Course: /
// Discharge Medications: with "New / Continue / Changed / Stop" prefixes / Follow Up:), "Electronically signed
// by … on 03/14/24 at 1530".
const dsD1 = {
  id: 'discharge.d1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last.toUpperCase()},${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const d2 = (iso) => fmtDate(iso, 'us-short');
    const hm = (iso) => fmtTime(iso.length > 10 ? iso : iso + 'T' + zpad(rng.int(8, 17)) + ':' + zpad(rng.int(0, 59)), '24c');
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div>
      <pre class="hd">Patient: ${esc(nm).padEnd(30)} Account No: ${esc(doc.account)}
Age/Sex: ${ageOf(p.dob, doc.discharge_date)}/${p.sex}    DOB: ${mdy(p.dob)}     Unit No: ${esc(doc.mrn)}
Admitted: ${d2(doc.admit_date)} at ${hm(doc.admit_date)}        Discharged: ${d2(doc.discharge_date)} at ${hm(doc.discharge_date)}
Attending: ${esc(provLF(doc.provider, true))}      Report Status: Signed</pre>
      <div class="t">Discharge Summary</div>
      <div class="h">Discharge Diagnoses:</div>${doc.diagnoses.map((x) => `<p class="in">${esc(x.description)} - ${x.code}</p>`).join('')}
      <div class="h">History of Present Illness:</div><p>${esc(doc.hpi)}</p>
      <div class="h">Hospital Course:</div><p>${doc.course.map(esc).join(' ')}</p>
      ${doc.procedures.length ? `<div class="h">Procedures:</div><p>${doc.procedures.map(esc).join('; ')}</p>` : ''}
      <div class="h">Discharge Medications:</div>${doc.medications.map((m) => `<p class="in">${esc(m.status || 'Continue')}: ${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} - ${esc(m.sig)}</p>`).join('')}
      <div class="h">Allergies:</div><p>${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKA'}</p>
      <div class="h">Condition/Disposition:</div><p>${esc(doc.condition)}; ${esc(doc.disposition)}. Diet: ${esc(doc.diet)}. Activity: ${esc(doc.activity)}.</p>
      <div class="h">Follow Up:</div><p>${doc.followup.map(esc).join('; ')}</p>
      <p class="keep sg">Electronically signed by ${esc(provName(doc.provider))} on ${d2(doc.signed)} at ${fmtTime(doc.signed, '24c')}</p>`;
    const css = baseCss(f, 8.8) + `
      .fn{font-weight:bold;font-size:11pt;text-align:center}pre.hd{font-family:'${f}';font-size:8.6pt;border-top:1px solid #000;border-bottom:1px solid #000;padding:3pt 0;margin:4pt 0}
      .t{font-weight:bold;font-size:12pt;text-align:center;margin:4pt 0}.h{font-weight:bold;margin:6pt 0 1pt 0} p{margin:1pt 0 2pt 0}.in{margin-left:16pt}.sg{margin-top:12pt}`;
    const footer = pageFooter(f, `${esc(nm)} ${esc(doc.account)} &middot; Discharge Summary`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.d1 (clinic): NEXTGEN "Encounter Summary" print: header grid (Patient Name / DOB / Sex / Chart # /
// Encounter Date / Rendering Provider / Location) as LABEL: value pairs in two columns, a VITALS GRID with vitals
// as ROWS (Measure / Value / Units: Blood Pressure 132/84 mm[Hg], Pulse, Temperature, Resp, SpO2, Height, Weight,
// BMI), then "Orders and Results" listing in-office orders with a result and a date (POC glucose, urine dip,
// ECG), Assessment with codes in parentheses, Plan, medications "Medication / Sig / Status".
const ovD1 = {
  id: 'office_visit.d1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = nameFL(p);
    const kv = (k, x) => `<tr><td class="k">${k}:</td><td>${x}</td></tr>`;
    const orders = [['POC Glucose (fingerstick)', `${rng.int(82, 190)} mg/dL`], ['Urinalysis dipstick', rng.pick(['negative', 'trace protein', 'negative for nitrite/LE'])], ['ECG 12-lead', rng.pick(['NSR, no acute changes', 'sinus rhythm, rate 68'])]].slice(0, rng.int(1, 3));
    const body = `
      <div class="hd"><span class="fn">${esc(doc.facility.name)}</span><span class="t">Encounter Summary</span></div>
      <table class="g"><tr><td><table>${kv('Patient Name', `<b>${esc(nm)}</b>`)}${kv('DOB', mdy(p.dob))}${kv('Sex', p.sex)}${kv('Chart #', esc(doc.mrn))}</table></td>
      <td><table>${kv('Encounter Date', mdy(doc.date_of_service))}${kv('Rendering Provider', esc(provName(doc.provider)))}${kv('Location', esc(doc.facility.place || doc.facility.name))}${kv('Visit Type', esc(doc.visit_type))}</table></td></tr></table>
      <div class="h">Chief Complaint</div><p>${esc(doc.chief_complaint)}</p>
      <div class="h">History of Present Illness</div><p>${esc(doc.hpi)}</p>
      <div class="h">Vitals</div>
      <table class="vt"><tr><th>Measure</th><th>Value</th><th>Units</th></tr>
      <tr><td>Blood Pressure</td><td>${v.bp}</td><td>mm[Hg]</td></tr><tr><td>Pulse</td><td>${v.hr}</td><td>/min</td></tr><tr><td>Temperature</td><td>${v.temp}</td><td>[degF]</td></tr>
      <tr><td>Respiration</td><td>${v.rr}</td><td>/min</td></tr><tr><td>SpO2</td><td>${v.spo2}</td><td>%</td></tr><tr><td>Height</td><td>${v.ht_in}</td><td>[in_i]</td></tr><tr><td>Weight</td><td>${v.wt_lb}</td><td>[lb_av]</td></tr><tr><td>BMI</td><td>${v.bmi}</td><td>kg/m2</td></tr></table>
      <div class="h">Physical Exam</div>${doc.exam.map(([k, x]) => `<p><b>${esc(k)}:</b> ${esc(x)}</p>`).join('')}
      <div class="h">Orders and Results</div><table class="vt"><tr><th>Order</th><th>Result</th><th>Date</th></tr>${orders.map(([o, r]) => `<tr><td>${o}</td><td>${r}</td><td>${mdy(doc.date_of_service)}</td></tr>`).join('')}</table>
      <div class="h">Assessment</div>${doc.diagnoses.map((x, i) => `<p>${i + 1}. ${esc(x.description)} (${x.code})</p>`).join('')}
      <div class="h">Plan</div>${doc.plan.map((x) => `<p class="in">- ${esc(x)}</p>`).join('')}
      <div class="h">Medications</div><table class="vt"><tr><th>Medication</th><th>Sig</th><th>Status</th></tr>${doc.medications.map((m) => `<tr><td>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>${esc(m.status)}</td></tr>`).join('')}</table>
      <p>Follow-up: ${esc(doc.followup)}</p>
      <p class="keep sm">Electronically signed by ${esc(provName(doc.provider))} ${mdy(doc.signed)} ${t12(doc.signed)}</p>`;
    const css = baseCss(f, 9) + `
      .hd{display:flex;justify-content:space-between;align-items:baseline;border-bottom:2px solid #000}.fn{font-weight:bold;font-size:12pt}.t{font-size:13pt}
      table.g{width:100%;margin:4pt 0} table.g td{vertical-align:top} td.k{font-weight:bold;padding-right:6pt;font-size:8.5pt}
      .h{font-weight:bold;background:#e8e8e8;padding:1pt 4pt;margin:6pt 0 2pt 0} p{margin:1pt 0 2pt 0}.in{margin-left:12pt}.sm{font-size:8pt;margin-top:8pt}
      table.vt{border-collapse:collapse;min-width:50%} table.vt th{text-align:left;border-bottom:1px solid #000;font-size:8pt;padding:1pt 6pt 1pt 2pt} table.vt td{padding:0.8pt 8pt 0.8pt 2pt;border-bottom:0.4px solid #ccc}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${mdy(p.dob)} &middot; Encounter ${mdy(doc.date_of_service)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// office_visit.d2 (clinic): CCD-LIKE "CLINICAL SUMMARY" printed to PDF from an ambulatory EHR (Veradigm /
// Greenway "Clinical Summary" / C-CDA viewer stylesheet): title "Clinical Summary", a demographics table
// (Patient / Birthdate `March 4, 1950` / Gender / Patient-ID), "Encounter: Office Visit — Mar 14, 2024 with …",
// then C-CDA section titles in order: Reason for Visit, Problems (table Problem / Code / Status), Medications
// (table Medication / Instructions / Start Date), Allergies, Vital Signs (table with Date column and one row per
// vital), Plan of Care, and a "Document created:" line with a later date.
const ovD2 = {
  id: 'office_visit.d2', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = `${p.first}${p.middle ? ' ' + p.middle : ''} ${p.last}`;
    const dos = doc.date_of_service;
    const vit = [['Blood Pressure', `${v.bp} mmHg`], ['Heart Rate', `${v.hr} /min`], ['Respiratory Rate', `${v.rr} /min`], ['Body Temperature', `${v.temp} [degF]`], ['O2 Saturation', `${v.spo2} %`], ['Height', `${v.ht_in} in`], ['Weight', `${v.wt_lb} lb`], ['BMI', `${v.bmi} kg/m2`]];
    const tbl = (heads, rows) => `<table class="c"><tr>${heads.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((x) => `<td>${x}</td>`).join('')}</tr>`).join('')}</table>`;
    const body = `
      <div class="t">Clinical Summary</div>
      <table class="dm"><tr><td class="k">Patient</td><td><b>${esc(nm)}</b></td><td class="k">Birthdate</td><td>${monthDY(p.dob)}</td></tr>
      <tr><td class="k">Gender</td><td>${p.sex === 'M' ? 'Male' : 'Female'}</td><td class="k">Patient-ID</td><td>${esc(doc.mrn)}</td></tr>
      <tr><td class="k">Author</td><td>${esc(provName(doc.provider))}</td><td class="k">Organization</td><td>${esc(doc.facility.name)}</td></tr></table>
      <p class="en">Encounter: ${esc(doc.visit_type)} &mdash; ${monDY(dos)} with ${esc(provName(doc.provider))}</p>
      <div class="h">Reason for Visit</div><p>${esc(doc.chief_complaint)}</p>
      <div class="h">Problems</div>${tbl(['Problem', 'Code', 'Status'], doc.diagnoses.map((x) => [esc(x.description), `ICD-10-CM ${x.code}`, 'Active']))}
      <div class="h">Medications</div>${tbl(['Medication', 'Instructions', 'Start Date'], doc.medications.map((m) => [`${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}`, esc(m.sig), m.status === 'New' ? monDY(dos) : monDY(addDaysIso(dos, -rng.int(60, 900)))]))}
      <div class="h">Allergies</div><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join('; ') : 'No Known Allergies'}</p>
      <div class="h">Vital Signs</div>${tbl(['Date', 'Vital', 'Value'], vit.map(([k, x]) => [monDY(dos), k, x]))}
      <div class="h">Plan of Care</div>${doc.plan.map((x) => `<p>&bull; ${esc(x)}</p>`).join('')}<p>Return: ${esc(doc.followup)}</p>
      <p class="keep sm">Document created: ${monDY(doc.signed)} ${t12(doc.signed)} &middot; ${esc(doc.facility.name)} &middot; ${esc(fmtAddr(doc.facility.address))}</p>`;
    const css = baseCss(f, 9.2) + `
      .t{font-size:18pt;border-bottom:1px solid #000;margin-bottom:4pt} table.dm{width:100%;background:#f0f0f0} table.dm td{padding:1.5pt 4pt}.k{font-weight:bold;width:1in;font-size:8.5pt}
      .en{font-style:italic;margin:5pt 0}.h{font-size:11pt;font-weight:bold;color:#000;margin:7pt 0 2pt 0;border-bottom:0.5px solid #666} p{margin:1pt 0 2pt 0}
      table.c{width:100%;border-collapse:collapse} table.c th{text-align:left;background:#ddd;font-size:8pt;padding:1.5pt 3pt} table.c td{padding:1pt 3pt;border-bottom:0.4px solid #bbb}.sm{font-size:7.6pt;margin-top:10pt}`;
    const footer = pageFooter(f, `Clinical Summary &middot; ${esc(nm)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.d1 (clinic): PRACTICE FUSION / ATHENA "Patient Chart Summary" medication list: title "Patient
// Chart Summary — Medications", patient line `Harold Testbury · DOB 03/04/1950 · PRN: …`, table Medication /
// Sig / Start Date / Stop Date / Prescriber (stop dates only for stopped drugs; "—" otherwise), "Printed
// 03/14/2024 by …" under the title.
const mlD1 = {
  id: 'medication_list.d1', set: SET, type: 'medication_list', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const nm = nameFL(p); const dos = doc.date_of_service;
    const rows = doc.medications.map((m) => { const st = addDaysIso(dos, -rng.int(30, 1200)); const stopped = m.status === 'Discontinued';
      return `<tr><td><b>${esc(m.name)}</b> ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>${mdy(m.status === 'New' ? dos : st)}</td><td>${stopped ? mdy(dos) : '&mdash;'}</td><td>${esc(provLF(doc.provider))}</td></tr>`; }).join('');
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div>
      <div class="t">Patient Chart Summary &mdash; Medications</div>
      <p class="pl"><b>${esc(nm)}</b> &middot; DOB ${mdy(p.dob)} &middot; PRN: ${esc(doc.mrn)} &middot; ${p.sex === 'M' ? 'Male' : 'Female'}</p>
      <p class="sm">Printed ${mdy(dos)} by ${rng.pick(['front desk', 'MA', 'nurse'])} (${esc(provName(doc.provider))})</p>
      <table class="m"><thead><tr><th>Medication</th><th>Sig</th><th>Start Date</th><th>Stop Date</th><th>Prescriber</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="h">Allergies</div><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} &ndash; ${esc(a.reaction)}`).join('; ') : 'NKDA'}</p>`;
    const css = baseCss(f, 9.3) + `
      .fn{font-size:11pt;font-weight:bold}.t{font-size:15pt;margin:4pt 0}.pl{border-top:1px solid #000;border-bottom:1px solid #000;padding:2pt 0}.sm{font-size:7.8pt}
      table.m{width:100%;border-collapse:collapse;margin-top:6pt} table.m th{text-align:left;border-bottom:1.5px solid #000;font-size:8.2pt;padding:2pt} table.m td{padding:2pt;border-bottom:0.5px solid #aaa;vertical-align:top}
      .h{font-weight:bold;margin-top:8pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Chart Summary`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION =======================
// immunization.d1 (clinic): ATHENA-STYLE "Immunization History" with LOT / SITE / ROUTE columns: table Vaccine /
// Date Administered / Dose / Lot # / Exp. / Mfr / Site / Route / Administered By; route from the site (IM for
// deltoid/thigh, SC otherwise); patient line `Testbury, Harold J   DOB 3/4/1950   Patient # …`.
const imD1 = {
  id: 'immunization.d1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle[0] : ''}`;
    const route = (s) => (/oral|nasal/i.test(s.site || '') ? 'PO' : rng.chance(0.85) ? 'IM' : 'SC');
    const rows = doc.immunizations.map((s) => `<tr><td>${esc(s.vaccine)}</td><td>${mdy(s.date)}</td><td>${s.dose_number || ''}</td><td>${esc(s.lot)}</td><td>${mdy(addDaysIso(s.date, rng.int(90, 500)))}</td><td>${esc(s.mvx)}</td><td>${esc(s.site || '')}</td><td>${route(s)}</td><td>${esc(provLF(doc.provider))}</td></tr>`).join('');
    const body = `
      <div class="fn">${esc(doc.facility.name)} <span class="sm">${esc(fmtAddr(doc.facility.address))}</span></div>
      <div class="t">Immunization History</div>
      <p class="pl"><b>${esc(nm)}</b> &nbsp;&nbsp; DOB ${mdyNP(p.dob)} &nbsp;&nbsp; Patient # ${esc(doc.mrn)} &nbsp;&nbsp; As of ${mdy(doc.date_of_service)}</p>
      <table class="m"><thead><tr><th>Vaccine</th><th>Date Administered</th><th>Dose</th><th>Lot #</th><th>Exp.</th><th>Mfr</th><th>Site</th><th>Route</th><th>Administered By</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:8pt">Historical doses reported by the patient or the state registry are included when documented. VIS provided at each administration.</p>`;
    const css = baseCss(f, 8.6) + `
      .fn{font-size:11pt;font-weight:bold}.sm{font-size:7.5pt;font-weight:normal}.t{font-size:14pt;margin:4pt 0}.pl{margin:3pt 0 6pt 0}
      table.m{width:100%;border-collapse:collapse} table.m th{text-align:left;background:#000;color:#fff;font-size:7.5pt;padding:2pt} table.m td{padding:1.5pt 2pt;border-bottom:0.5px solid #999}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Immunization History`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.5, 0.5), fonts: [f], gt: { name_printed: nm, immunizations: doc.immunizations.map((s) => immGt(s)) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.d1 (imaging): RADIOLOGY RESULT EMBEDDED IN A PATIENT-PORTAL PRINT (MyChart-like / FollowMyHealth
// manner): browser-print header "Test Details | <portal name>" with a URL and print date in the page margins,
// "Results for Harold Testbury", card "XR CHEST 2 VIEWS — Final result — Collected on Mar 14, 2024 10:32 AM",
// "Narrative" with findings and "Impression", "Resulting lab / reading provider", "Your provider's comment".
const radD1 = {
  id: 'radiology.d1', set: SET, type: 'radiology_report', facilityKind: 'imaging',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = nameFL(p); const portal = rng.pick(['FollowMyHealth', 'HealthConnect Portal', 'MyHealth Online']);
    const body = `
      <div class="br"><span>Test Details | ${portal}</span><span>${mdyNP(doc.faxDate)}, ${t12(doc.faxDate)}</span></div>
      <p class="rf">Results for <b>${esc(nm)}</b> (DOB ${mdyNP(p.dob)})</p>
      <div class="cd"><div class="ex">${esc(doc.exam.toUpperCase())}</div><div class="st">Final result &middot; Collected on ${monDY(doc.exam_datetime)} ${t12(doc.exam_datetime)} &middot; Ordered by ${esc(provName(doc.provider))}</div></div>
      <div class="h">Narrative</div>
      <p><b>INDICATION:</b> ${esc(doc.indication)}</p><p><b>TECHNIQUE:</b> ${esc(doc.technique)}</p><p><b>COMPARISON:</b> ${esc(doc.comparison)}</p>
      <p><b>FINDINGS:</b></p>${doc.findings.map((x) => `<p class="in">${esc(x)}</p>`).join('')}
      <div class="h">Impression</div>${doc.impression.map((x) => `<p>${esc(x)}</p>`).join('')}
      ${doc.birads !== null && doc.birads !== undefined ? `<p>BI-RADS: ${doc.birads}</p>` : ''}
      <p class="sm">Reading provider: ${esc(provName(doc.radiologist))} &middot; Resulting agency: ${esc(doc.facility.name)} &middot; Accession ${doc.accession} &middot; CPT ${doc.cpt}</p>
      <div class="h">Your provider's comment</div><p>${rng.pick(['No acute findings. We will discuss at your next visit.', 'Please schedule the follow-up suggested by the radiologist.', 'Results reviewed; no changes to your plan.'])}</p>
      <p class="url">https://portal.example.org/app/test-results/details?eorderid=${rng.digits(9)}</p>`;
    const css = baseCss(f, 9.4) + `
      .br{display:flex;justify-content:space-between;font-size:7.5pt;border-bottom:0.5px solid #999}.rf{font-size:12pt;margin:8pt 0}
      .cd{border:1px solid #000;border-radius:6pt;padding:6pt 8pt}.ex{font-size:13pt;font-weight:bold}.st{font-size:8.5pt}
      .h{font-weight:bold;font-size:11pt;margin:8pt 0 2pt 0} p{margin:1pt 0 3pt 0}.in{margin-left:12pt}.sm{font-size:8pt;margin-top:8pt}.url{font-size:7pt;margin-top:16pt}`;
    return { css, body, margins: M(0.5, 0.55, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.d1 (clinic): GREENWAY / eCW "Referral Order" with a STRUCTURED REASON-FOR-REFERRAL block: a title
// "REFERRAL", "Referral Date: 03/14/2024", Refer To / Refer From two-column table, Patient block (name / DOB /
// phone / insurance + member ID), then "Reason for Referral" as labelled fields (Diagnosis / Service requested /
// Clinical question / Urgency / Visits authorized), supporting information (meds, allergies, enclosures).
const refD1 = {
  id: 'referral.d1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const nm = nameFL(p);
    const kv = (k, x) => `<tr><td class="k">${k}</td><td>${x}</td></tr>`;
    const body = `
      <div class="hd"><span class="fn">${esc(doc.facility.name)}</span><span class="t">REFERRAL</span></div>
      <p>Referral Date: <b>${mdy(doc.date_of_service)}</b> &nbsp;&nbsp; Referral #: R${rng.digits(7)}</p>
      <table class="two"><tr><td><div class="k2">Refer To</div>${esc(provName(to))}<br>${esc(doc.specialty)}<br>${esc(doc.to_facility.name)}<br>Fax ${fmtPhone(doc.to_facility.fax)}</td>
      <td><div class="k2">Refer From</div>${esc(provName(doc.provider))}<br>${esc(doc.facility.name)}<br>Phone ${fmtPhone(doc.facility.phone)}<br>Fax ${fmtPhone(doc.facility.fax)}</td></tr></table>
      <div class="k2">Patient</div><table class="kv">${kv('Name', `<b>${esc(nm)}</b>`)}${kv('DOB', mdy(p.dob))}${kv('Sex', p.sex)}${kv('Phone', fmtPhone(p.phone || doc.facility.phone))}</table>
      <div class="rb"><div class="k2">Reason for Referral</div><table class="kv">
      ${kv('Diagnosis', doc.diagnoses.map((x) => `${x.code} ${esc(x.description)}`).join('<br>'))}
      ${kv('Service requested', `${esc(doc.specialty)} evaluation and management`)}
      ${kv('Clinical question', esc(doc.reason))}
      ${kv('Urgency', esc(doc.urgency))}
      ${kv('Authorization', doc.auth_number ? esc(doc.auth_number) : 'Not required')}</table></div>
      <div class="k2">Current Medications</div>${doc.medications.map((m) => `<p class="in">${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}</p>`).join('') || '<p class="in">None</p>'}
      <div class="k2">Allergies</div><p class="in">${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</p>
      <div class="k2">Enclosed</div><p class="in">${doc.enclosures.map(esc).join('; ')}</p>
      <div class="keep sg">${signatureSvg(rng, 100, 22)}${esc(provName(doc.provider))}</div>`;
    const css = baseCss(f, 9.6) + `
      .hd{display:flex;justify-content:space-between;align-items:baseline;border-bottom:2px solid #000}.fn{font-weight:bold;font-size:12pt}.t{font-size:18pt;letter-spacing:3pt}
      table.two{width:100%;margin:6pt 0} table.two td{width:50%;vertical-align:top;border:0.75px solid #000;padding:4pt 6pt}.k2{font-weight:bold;font-size:8.5pt;text-transform:uppercase;margin-top:6pt}
      table.kv td{padding:1pt 6pt 1pt 0;vertical-align:top} td.k{font-weight:bold;width:1.4in;font-size:9pt}.rb{border:1.5px solid #000;padding:4pt 6pt;margin:8pt 0} p{margin:1pt 0}.in{margin-left:12pt}.sg{margin-top:10pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.75, 0.75), fonts: [f], gt: { name_printed: nm, diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.d1 (billing): SUPERBILL / CHARGE TICKET (encounter form) printed from a practice-management system:
// practice header with Tax ID and NPI, patient/guarantor/insurance boxes, "Date of Service 03/14/2024", a
// CPT grid "Code / Description / Units / Fee" of the visit's lines, diagnosis codes pointer list, "Total
// charges", "Paid today", "Balance". kind patient_statement (what a practice bills the patient).
const billD1 = {
  id: 'billing.d1', set: SET, type: 'insurance_billing', facilityKind: 'billing',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const nm = nameLF(p); const due = Math.round((t.patient_resp + doc.previous_balance) * 100) / 100;
    const rows = doc.lines.map((l) => `<tr><td>${l.cpt}</td><td>${esc(l.description)}</td><td class="c">1</td><td class="r">${money(l.billed)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Tax ID ${rng.digits(2)}-${rng.digits(7)} &middot; NPI ${rng.digits(10)}</div></td><td class="r t">SUPERBILL</td></tr></table>
      <table class="bx"><tr><td><div class="k">PATIENT</div><b>${esc(nm)}</b><br>DOB ${mdy(p.dob)} &nbsp; Acct ${doc.account}</td>
      <td><div class="k">INSURANCE</div>${esc(doc.payer)}<br>ID ${doc.member_id}</td>
      <td><div class="k">DATE OF SERVICE</div>${mdy(doc.date_of_service)}<div class="k">PROVIDER</div>${esc(doc.provider ? provName(doc.provider) : '')}</td></tr></table>
      <table class="it"><thead><tr><th>Code</th><th>Description</th><th class="c">Units</th><th class="r">Fee</th></tr></thead><tbody>${rows}</tbody></table>
      <table class="tt"><tr><td>Total charges</td><td class="r">${money(t.billed)}</td></tr><tr><td>Insurance estimate</td><td class="r">${money(t.paid)}</td></tr><tr><td>Prior balance</td><td class="r">${money(doc.previous_balance)}</td></tr><tr><td><b>Patient balance</b></td><td class="r"><b>${money(due)}</b></td></tr></table>
      <p class="sm">Statement date ${mdy(doc.statement_date)} &middot; Please pay by ${mdy(doc.due_date)}. I authorize release of information to my insurer and assign benefits to the provider.</p>
      <p>Patient signature ______________________ &nbsp; Date ________</p>`;
    const css = baseCss(f, 9.2) + `
      table.hd{width:100%;border-bottom:2px solid #000} .fn{font-size:13pt;font-weight:bold}.sm{font-size:7.6pt}.t{font-size:18pt;font-weight:bold;letter-spacing:2pt}
      table.bx{width:100%;margin:6pt 0;border-collapse:collapse} table.bx td{border:1px solid #000;padding:3pt 5pt;vertical-align:top;width:33%}.k{font-size:6.8pt;font-weight:bold}
      table.it{width:100%;border-collapse:collapse} table.it th{text-align:left;border-bottom:1.2px solid #000;font-size:8pt;padding:2pt} table.it td{padding:2pt;border-bottom:0.4px solid #aaa}
      table.tt{margin:8pt 0 8pt auto;width:45%} table.tt td{padding:1.5pt 4pt}.c{text-align:center}`;
    return { css, body, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nm, billing: stmtGt(doc, due) } };
  },
};

// billing.d2 (payer): EOB as an "EXPLANATION OF BENEFITS" CLAIM-LINE LIST with ONE BLOCK PER CLAIM LINE (payer
// portal print): header with the payer and "Processed: 03/21/2024", member block, "Claim # … · Service dates
// 03/14/2024 - 03/14/2024 · Provider …", then for every line a small label-value block (Service / Billed /
// Allowed / Paid by plan / You owe), a summary bar. kind eob.
const billD2 = {
  id: 'billing.d2', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const t = doc.totals;
    const nm = nameFL(p);
    const blocks = doc.lines.map((l) => `<div class="bk"><div><b>${esc(l.description)}</b> (${l.cpt})</div><div class="ln">Billed ${money(l.billed)} &nbsp; Allowed ${money(l.allowed)} &nbsp; Paid by plan ${money(l.paid)} &nbsp; You owe ${money(l.patient_resp)}</div></div>`).join('');
    const body = `
      <div class="hd"><span class="fn">${esc(doc.payer)}</span><span>EXPLANATION OF BENEFITS</span></div>
      <p>Processed: ${mdy(doc.processed)} &nbsp;&middot;&nbsp; THIS IS NOT A BILL</p>
      <table class="mb"><tr><td>Member: <b>${esc(nm)}</b></td><td>Member ID: ${doc.member_id}</td><td>Group: ${doc.group}</td></tr></table>
      <p>Claim # ${doc.claim_number} &middot; Service dates ${mdy(doc.date_of_service)} - ${mdy(doc.date_of_service)} &middot; Provider ${esc(doc.client?.name || (doc.provider ? provName(doc.provider) : ''))}</p>
      ${blocks}
      <div class="sb">Total billed ${money(t.billed)} &middot; Plan paid ${money(t.paid)} &middot; You owe ${money(t.patient_resp)} (deductible ${money(t.deductible)}, copay ${money(t.copay)}, coinsurance ${money(t.coinsurance)})</div>
      <p class="sm">Questions? Call Member Services. You have 180 days to appeal.</p>`;
    const css = baseCss(f, 9.5) + `
      .hd{display:flex;justify-content:space-between;align-items:baseline;border-bottom:2px solid #000;font-size:11pt}.fn{font-size:15pt;font-weight:bold}
      table.mb{width:100%;border:1px solid #000;margin:6pt 0} table.mb td{padding:2pt 5pt}.bk{border-bottom:0.5px solid #999;padding:3pt 0}.ln{margin-left:14pt;font-size:9pt}
      .sb{background:#ddd;padding:4pt;margin-top:8pt;font-weight:bold}.sm{font-size:7.6pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.75, 0.75), fonts: [f], gt: { name_printed: nm, billing: eobGt(doc) } };
  },
};

export default [coverD1, coverD2, labD1, labD2, labD3, dsD1, ovD1, ovD2, mlD1, imD1, radD1, refD1, billD1, billD2];
