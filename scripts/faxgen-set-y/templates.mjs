// faxgen template set 'set-y': another stand-in for faxgen's held-out template set, written without looking
// at the extraction rules (src/) and independent of set-a and of every earlier stand-in (set-q .. set-x,
// set-z): other layouts, typefaces and fax-header formats. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-y/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-y ...
// faxgen's helpers are imported from $FAXGEN_DIR or, by default, ../shared/faxgen beside the repo.
// Every template keeps set-a's ground-truth (`gt`) contract (see faxgen's README, "Ground-truth schema"):
// names / values / units / flags exactly as printed. See README.md here: this set measures
// generalization; do not tune extraction rules to its layouts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAXGEN = fs.realpathSync(process.env.FAXGEN_DIR ? path.resolve(process.env.FAXGEN_DIR) : path.resolve(here, '../../../shared/faxgen'));
const lib = (p) => import(pathToFileURL(path.join(FAXGEN, 'lib', p)).href);
const { baseCss, labPanels, signatureSvg, barcodeSvg, logoSvg, box, medGt, esc } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, phoneDigits, nameFL, nameFML, nameLF, provName, provLF, fmtAddr, money, ageOn, fmtDateTime, parseIso, pad: zpad } = await lib('util.mjs');

const SET = 'set-y';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// URW base35 and GNU FreeFont faces (Nimbus Sans / Roman / Mono PS, C059, P052, URW Bookman, URW Gothic,
// FreeSans / FreeSerif / FreeMono). The fax header line is printed in URW Gothic, FreeMono or P052 (URW Gothic
// only there: its kerning makes pdftotext split words such as "R AV1965" in body text).
export const fonts = {
  [SET]: {
    sans: ['Nimbus Sans', 'FreeSans'],
    serif: ['P052', 'URW Bookman', 'FreeSerif', 'C059', 'Nimbus Roman'],
    mono: ['Nimbus Mono PS', 'FreeMono'],
    narrow: ['Nimbus Sans Narrow'],
    tti: ['URW Gothic', 'FreeMono', 'P052'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- fax header (TTI) lines
const MON = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DOW = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const h12 = (dt) => { const hh = Number(dt.slice(11, 13)); return { h: ((hh + 11) % 12) + 1, ap: hh < 12 ? 'am' : 'pm', m: dt.slice(14, 16) }; };
/** 14-MAR-2024 */
const dMonY = (iso) => { const d = parseIso(iso); return `${zpad(d.getUTCDate())}-${MON[d.getUTCMonth()]}-${d.getUTCFullYear()}`; };
/** Mar 14 2024 */
const monDY = (iso) => fmtDate(iso, 'mon-d-y-nocomma');
/** MAR 14, 2024 (VistA / FileMan external date) */
const vaDate = (iso) => { const d = parseIso(iso); return `${MON[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`; };
export const tti = {
  [SET]: [
    // Xerox WorkCentre / AltaLink walk-up fax, lower-case am/pm, bracketed page count:
    // "Mar 14 2024 10:32am   From: SENDER   Fax 217.555.0146   [2/5]"
    (t) => { const c = h12(t.dt); return [`${monDY(t.dt)} ${c.h}:${c.m}${c.ap}`, `From: ${t.sender.slice(0, 26)}`, `Fax ${t.fax.area}.${t.fax.exch}.${t.fax.line}`, `[${t.page}/${t.total}]`]; },
    // Biscom / FAXCOM enterprise fax server with pipe-separated fields, ISO date with a zone, 4-digit page counters:
    // "2024-03-14 10:32 EDT | SENDER | 12175550146 | 0002 of 0005"
    (t) => [`${fmtDate(t.dt, 'iso')} ${fmtTime(t.dt, '24')} ${['EDT', 'CDT', 'MDT', 'PDT'][t.job % 4]} |`, `${t.sender.toUpperCase().slice(0, 26)} |`, `1${phoneDigits(t.fax)} |`, `${zpad(t.page, 4)} of ${zpad(t.total, 4)}`],
    // Kyocera / Lexmark MFP, weekday FIRST then day-first date with a month name: "THU 14-MAR-2024 10:32   ID:2175550146   SENDER   P:02 of 05"
    (t) => { const d = parseIso(t.dt); return [`${DOW[d.getUTCDay()]} ${dMonY(t.dt)} ${fmtTime(t.dt, '24')}`, `ID:${phoneDigits(t.fax)}`, t.sender.toUpperCase().slice(0, 24), `P:${zpad(t.page)} of ${zpad(t.total)}`]; },
  ],
};

// ---------------------------------------------------------------- helpers
const sexWord = (p) => (p.sex === 'F' ? 'Female' : 'Male');
/** labPanels with our own flag spelling written back into the ground truth */
function panelsWith(doc, opts, spell) {
  const panels = labPanels(doc, { ...opts, flagStyle: 'HL' });
  for (const P of panels) for (const r of P.rows) { r.flagPrinted = r.flag ? spell[r.flag] : ''; r.gt.flag_printed = r.flagPrinted || null; }
  return panels;
}
const pageFooter = (f, left, right, pad = 0.6) => `<div style="font-family:'${f}';font-size:7pt;box-sizing:border-box;width:100%;padding:0 ${pad}in;display:flex;justify-content:space-between"><span>${left}</span><span>${right}</span></div>`;
const PN = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
const intl = (ph) => `+1 ${ph.area}-${ph.exch}-${ph.line}`;
const radGt = (doc) => ({ exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads });
const immGt = (s, site = s.site) => ({ vaccine: s.vaccine, vaccine_printed: s.vaccine, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: s.lot, site });

// ======================= FAX COVER SHEETS =======================
// cover.y1: retail print-and-ship BUSINESS CENTRE kiosk cover (FedEx Office / UPS Store manner): store
// banner with store number, the fields as HORIZONTAL STRIPS (captions in a shaded row, values in the row
// below: TO | COMPANY | FAX NUMBER, then FROM | COMPANY | FAX | PHONE, then DATE | PAGES | SUBJECT),
// date "14-MAR-2024", "Store use only" box.
const coverY1 = {
  id: 'cover.y1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility; const rng = env.rng;
    const strip = (caps, vals) => `<table class="sp"><tr>${caps.map((c) => `<th>${c}</th>`).join('')}</tr><tr>${vals.map((v) => `<td>${v}</td>`).join('')}</tr></table>`;
    const body = `
      <div class="bn"><span class="sn">PRINT &amp; SHIP CENTER</span><span class="st">Store #${rng.int(1000, 9999)} &middot; Self-service fax</span></div>
      <div class="t">FAX COVER SHEET</div>
      ${strip(['TO', 'COMPANY', 'FAX NUMBER'], [esc(doc.to_name), esc(doc.to_org || ''), fmtPhone(doc.to_fax, 'dash')])}
      ${strip(['FROM', 'COMPANY', 'FAX', 'PHONE'], [esc(doc.from_person), esc(s.name), fmtPhone(s.fax, 'dash'), fmtPhone(s.phone, 'dash')])}
      ${strip(['DATE', 'PAGES (INCL. COVER)', 'SUBJECT'], [dMonY(doc.date_of_service), String(doc.pages), esc(doc.re)])}
      <div class="ck">${box(doc.urgent)}URGENT &nbsp;&nbsp; ${box(!doc.urgent)}PLEASE FORWARD &nbsp;&nbsp; ${box(false)}CALL ON RECEIPT</div>
      <div class="mh">MESSAGE</div><div class="msg">${esc(doc.message)}</div>
      <div class="conf">Sender's notice: this transmission may contain confidential health information of ${esc(s.name)}, ${esc(fmtAddr(s.address))}. If received in error please notify the sender at ${fmtPhone(s.phone, 'dash')}.</div>
      <table class="su"><tr><td>STORE USE ONLY &nbsp; Team member: ____ &nbsp; Pages sent: ____ &nbsp; Confirmation: ____</td></tr></table>`;
    const css = baseCss(f, 10) + `
      .bn{display:flex;justify-content:space-between;background:#000;color:#fff;padding:5pt 8pt}.sn{font-weight:bold;font-size:13pt;letter-spacing:1pt}.st{font-size:8.5pt;align-self:center}
      .t{font-size:26pt;font-weight:bold;margin:14pt 0 10pt 0}
      table.sp{width:100%;margin-bottom:8pt;border:1.5px solid #000} table.sp th{background:#d6d6d6;font-size:7.5pt;text-align:left;padding:2pt 5pt;border:1px solid #000} table.sp td{padding:6pt 5pt;border:1px solid #000;font-size:10.5pt}
      .ck{margin:6pt 0 10pt 0;font-size:9pt}.mh{font-weight:bold;font-size:9pt}.msg{border:1.5px solid #000;min-height:170pt;padding:6pt;font-size:11pt}
      .conf{margin-top:12pt;font-size:7.5pt} table.su{width:100%;margin-top:14pt;border:1px dashed #000} table.su td{font-size:7.5pt;padding:4pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f] };
  },
};

// cover.y2: MOBILE FAX APP cover (FAX.PLUS / iFax / Genius Fax manner): app-generated minimalist page,
// numbers in international form "+1 217-555-0146", "Date  Mar 14 2024, 10:32 AM", "Pages  5", the
// subject as a heading, "Sent with ..." footer line.
const coverY2 = {
  id: 'cover.y2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const s = doc.from_facility; const rng = env.rng;
    const c = h12(doc.datetime);
    const kv = (k, v) => `<tr><td class="k">${k}</td><td>${v}</td></tr>`;
    const body = `
      <div class="tp"><div class="lg">fax</div><div class="sm r">${monDY(doc.date_of_service)}, ${c.h}:${c.m} ${c.ap.toUpperCase()}</div></div>
      <div class="sub">${esc(doc.re)}</div>
      <div class="two"><div class="cd"><div class="h">Recipient</div><table>${kv('Name', esc(doc.to_name))}${doc.to_org ? kv('Company', esc(doc.to_org)) : ''}${kv('Fax', intl(doc.to_fax))}${doc.to_phone ? kv('Phone', intl(doc.to_phone)) : ''}</table></div>
      <div class="cd"><div class="h">Sender</div><table>${kv('Name', esc(doc.from_person))}${kv('Company', esc(s.name))}${kv('Fax', intl(s.fax))}${kv('Phone', intl(s.phone))}</table></div></div>
      <table class="mt">${kv('Date', `${monDY(doc.date_of_service)}, ${c.h}:${c.m} ${c.ap.toUpperCase()}`)}${kv('Pages', String(doc.pages))}${doc.urgent ? kv('Priority', '<b>Urgent</b>') : ''}</table>
      <div class="msg">${esc(doc.message)}</div>
      <div class="conf">${esc(s.name)} &middot; ${esc(fmtAddr(s.address))}. The information in this fax is confidential and intended only for the recipient above.</div>
      <div class="ap">Sent with ${rng.pick(['FaxDrop', 'PocketFax', 'SnapFax'])} for iPhone &middot; ID ${rng.digits(4)}-${rng.digits(4)}</div>`;
    const css = baseCss(f, 10.5) + `
      .tp{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:4px solid #000;padding-bottom:4pt}.lg{font-size:40pt;font-weight:bold;letter-spacing:-1pt}.sm{font-size:9pt}
      .sub{font-size:15pt;margin:16pt 0 12pt 0}
      .two{display:flex;gap:14pt}.cd{flex:1;border:1px solid #000;border-radius:6pt;padding:6pt 8pt}.h{font-size:8pt;text-transform:uppercase;letter-spacing:1pt;margin-bottom:3pt}
      td.k{color:#333;padding-right:10pt;font-size:9pt;vertical-align:top} td{padding:1.5pt 0}
      table.mt{margin:12pt 0}.msg{min-height:160pt;font-size:11pt;border-left:3px solid #000;padding:4pt 8pt}
      .conf{margin-top:16pt;font-size:7.5pt}.ap{margin-top:30pt;font-size:7.5pt;text-align:center}`;
    return { css, body, margins: M(0.7, 0.7, 0.9, 0.9), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.y1 (reflab): regional reference-lab report with the UNITS INSIDE THE TEST-NAME CELL
// ("Glucose (mg/dL)") and no units column — Test (units) | Result | Flag | Reference Range | Site, flags
// "HI" / "LO" / "AB" in their own column after the result; identity block as "Patient Name" /
// "Date of Birth" / "Sex" over a rule; "Collection Date:" "14-MAR-2024 08:15".
const labY1 = {
  id: 'lab.y1', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Bluestem Regional Laboratory', 'Harborview Reference Lab'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'h' }, { H: 'HI', L: 'LO', A: 'AB' });
    const rowsHtml = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}${r.unit ? ` (${esc(r.unit)})` : ''}</td><td class="v${r.flag ? ' b' : ''}">${esc(r.value)}</td><td class="b">${esc(r.flagPrinted)}</td><td>${esc(r.range)}</td><td class="c">${esc(doc.labCode)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const dt = (iso) => `${dMonY(iso)} ${fmtTime(iso, '24')}`;
    const body = `
      <table class="top"><tr><td>${logoSvg(rng, 'mountain', 34)}</td><td class="ln"><div class="lname">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><div class="fr">FINAL REPORT</div><div class="sm">Accession ${doc.accession}</div></td></tr></table>
      <table class="id"><tr><th>Patient Name</th><th>Date of Birth</th><th>Sex</th><th>Patient ID</th><th>Ordering Physician</th></tr>
      <tr><td><b>${esc(nameLF(p))}</b></td><td>${fmtDate(p.dob, 'us')}</td><td>${sexWord(p)}</td><td>${esc(doc.mrn)}</td><td>${esc(provName(doc.provider))}</td></tr></table>
      <table class="dt"><tr><td>Collection Date: ${dt(doc.collected)}</td><td>Received: ${dt(doc.received)}</td><td>Reported: ${dt(doc.reported)}</td><td>Client: ${esc(doc.client.name)} (${doc.account})</td></tr></table>
      <table class="res"><thead><tr><th style="width:42%">Test (units)</th><th style="width:11%">Result</th><th style="width:7%">Flag</th><th>Reference Range</th><th style="width:7%">Site</th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <div class="keep lg">Flag legend: HI above reference range, LO below reference range, AB abnormal. Site ${esc(doc.labCode)}: ${esc(doc.labName)}, ${esc(fmtAddr(doc.facility.address))}, Medical Director ${esc(provName(doc.lab_director))}, CLIA ${doc.clia}.</div>`;
    const css = baseCss(f, 9) + `
      table.top{width:100%;border-bottom:2px solid #000} table.top td{vertical-align:middle;padding-bottom:3pt}.ln{padding-left:6pt}.lname{font-size:15pt;font-weight:bold}.sm{font-size:7.5pt}.fr{font-size:12pt;font-weight:bold;letter-spacing:1pt}
      table.id{width:100%;margin-top:6pt} table.id th{text-align:left;font-size:7pt;font-weight:normal;border-bottom:1px solid #000;padding:1pt 4pt 1pt 0} table.id td{padding:2pt 4pt 2pt 0}
      table.dt{width:100%;margin:5pt 0;background:#eee} table.dt td{font-size:8pt;padding:2pt 4pt}
      table.res{width:100%} table.res th{text-align:left;font-size:8pt;border-bottom:1.5px solid #000;padding:2pt} table.res td{padding:1.5pt 2pt}
      tr.ph td{font-weight:bold;padding-top:6pt;text-transform:uppercase;font-size:8.5pt} td.tn{padding-left:10pt}.lg{margin-top:12pt;font-size:7pt;border-top:1px solid #000;padding-top:3pt}`;
    const footer = pageFooter(f, `${esc(nameLF(p))} &nbsp; DOB ${fmtDate(p.dob, 'us')} &nbsp; Acc ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nameLF(p), performing_lab: doc.labName } };
  },
};

// lab.y2 (hospital): Epic EMERGENCY DEPARTMENT provider note with the "Labs Reviewed" section as Epic
// prints it into a note: per order "BASIC METABOLIC PANEL - Abnormal; Notable for the following
// components:" followed ONLY by the abnormal components, or, for an all-normal order, the whole order;
// rows "Component   Value   Ref Range" with the flag in parentheses glued after the value "184 (H)"
// and the units appended to the range "70 - 99 mg/dL"; narrative note sections around it.
const labY2 = {
  id: 'lab.y2', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: '(H)', L: '(L)', A: '(A)' });
    const printedRows = [];
    const sec = panels.map((P) => {
      const ab = P.rows.filter((r) => r.flag);
      const rows = ab.length ? ab : P.rows;
      printedRows.push(...rows);
      const rg = (r) => (r.range ? `${esc(r.range)}${r.unit ? ' ' + esc(r.unit) : ''}` : r.unit ? esc(r.unit) : '');
      return `<div class="keep"><div class="oh">${esc(P.name.toUpperCase())}${ab.length ? ' - Abnormal; Notable for the following components:' : ''}</div>
        <table class="res"><tr><th style="width:38%">Component</th><th style="width:16%">Value</th><th>Ref Range</th></tr>${rows.map((r) => `<tr><td>${esc(r.name)}</td><td>${esc(r.value)}${r.flag ? ' ' + esc(r.flagPrinted) : ''}</td><td>${rg(r)}</td></tr>`).join('')}</table></div>`;
    }).join('');
    const gt = printedRows.map((r) => r.gt);
    const arr = doc.collected.slice(0, 10);
    const body = `
      <div class="hn">${esc(doc.facility.name)} &ndash; Emergency Department</div>
      <table class="pb"><tr><td><b>${esc(nameFL(p))}</b></td><td>MRN: ${esc(doc.mrn)}</td><td>DOB: ${fmtDate(p.dob, 'us-nopad')}</td><td>Sex: ${p.sex}</td><td>Arrival: ${fmtDate(arr, 'us-short')} ${fmtTime(doc.collected, '24c')}</td></tr></table>
      <div class="nt">ED Provider Notes</div>
      <div class="sm">${esc(provName(doc.provider))} &middot; ${fmtDate(arr, 'us-short')} ${fmtTime(doc.received, '24c')}</div>
      <h4>Medical Decision Making</h4>
      <p>Patient evaluated in the emergency department. Differential considered; laboratory studies obtained and personally reviewed as below. ${rng.pick(['Patient remained hemodynamically stable.', 'Symptoms improved with treatment in the department.', 'Discussed results with the patient at bedside.'])}</p>
      <h4>Labs Reviewed</h4>
      <div class="sm">Results for orders placed or performed during the hospital encounter of ${fmtDate(arr, 'us-short')} &nbsp; (Collection Time: ${fmtDate(arr, 'us-short')} ${fmtTime(doc.collected, '24c')})</div>
      ${sec}
      <h4>Disposition</h4><p>${rng.pick(['Discharged home in stable condition with return precautions.', 'Follow up with primary care within one week.', 'Return for worsening symptoms.'])}</p>
      <div class="keep sg">${esc(provName(doc.provider))}<br>${fmtDate(doc.reported, 'us-short')} ${fmtTime(doc.reported, '24c')}</div>`;
    const css = baseCss(f, 9.5) + `
      .hn{font-size:12pt;font-weight:bold}.nt{font-size:12pt;font-weight:bold;margin-top:8pt}.sm{font-size:8pt;color:#222}
      table.pb{width:100%;border-top:1px solid #000;border-bottom:1px solid #000;margin-top:4pt} table.pb td{padding:2pt 8pt 2pt 0;font-size:9pt}
      h4{font-size:10pt;margin:8pt 0 2pt 0}.oh{font-weight:bold;margin-top:6pt;font-size:9pt}
      table.res{margin:1pt 0 0 10pt;width:80%} table.res th{text-align:left;font-weight:normal;text-decoration:underline;font-size:8.5pt;padding:1pt} table.res td{padding:0.8pt 1pt;font-size:9pt}
      .sg{margin-top:12pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} (MRN ${esc(doc.mrn)})`, `Printed ${fmtDate(doc.reported, 'us-nopad')} &nbsp; ${PN}`);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f], gt: { lab_results: gt, name_printed: nameFL(p), performing_lab: doc.facility.name } };
  },
};

// lab.y3 (clinic): results INTERFACE INBOX print of an HL7 v2 ORU^R01 message (Mirth / Rhapsody / EHR
// interface-error queue, printed and faxed on by the practice): a decoded header (Patient, DOB, Ordering,
// Observation Date/Time "2024-03-14 08:15"), then the raw segments in monospace, one result per OBX line:
// "OBX|3|NM|2345-7^Glucose^LN||184|mg/dL|65-99|H|||F" — test name between carets, value, units, range and
// flag as pipe-separated fields; OBR lines separate the panels.
const labY3 = {
  id: 'lab.y3', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Cedar Valley Outreach Lab', 'Summit Point Laboratory'],
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'h' }, { H: 'H', L: 'L', A: 'A' });
    const ts = (iso) => iso.replace(/[-:T]/g, '') + '00';
    const st = doc.status === 'Corrected' ? 'C' : 'F';
    let n = 0;
    const segs = [`MSH|^~\\&|LIS|${doc.labCode}|EHR|CLINIC|${ts(doc.reported)}||ORU^R01|${rng.digits(9)}|P|2.5.1`,
      `PID|1||${doc.mrn}^^^MRN||${p.last.toUpperCase()}^${p.first.toUpperCase()}^${p.middle ? p.middle[0] : ''}||${p.dob.replace(/-/g, '')}|${p.sex}`];
    panels.forEach((P, i) => {
      segs.push(`OBR|${i + 1}|${doc.accession}|${doc.specimen_id}|${P.rows[0]?.gt.panel_loinc ?? ''}^${P.name}^LN|||${ts(doc.collected)}`);
      for (const r of P.rows) segs.push(`OBX|${++n}|${r.gt.value_numeric === null ? 'ST' : 'NM'}|${r.loinc}^${r.name}^LN||${r.value}|${r.unit ?? ''}|${r.range ?? ''}|${r.flagPrinted}|||${st}`);
    });
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <div class="t">Interface Results Inbox &ndash; Unmatched Result (manual review)</div>
      <table class="kv"><tr><td>Patient:</td><td><b>${esc(nameLF(p, true))}</b></td><td>DOB:</td><td>${fmtDate(p.dob, 'us')}</td></tr>
      <tr><td>Ordering:</td><td>${esc(provName(doc.provider))}</td><td>Sending lab:</td><td>${esc(doc.performingLab)}</td></tr>
      <tr><td>Observation Date/Time:</td><td>${fmtDate(doc.collected, 'iso')} ${fmtTime(doc.collected, '24')}</td><td>Message type:</td><td>ORU^R01 (${st === 'F' ? 'final' : 'corrected'})</td></tr></table>
      <div class="nt">Reason held: ${rng.pick(['no matching order found', 'provider not mapped', 'patient match score below threshold'])}. Printed for chart abstraction by ${esc(doc.client.name)}.</div>
      <div class="sh">Message text</div>
      <pre>${segs.map(esc).join('\n')}</pre>
      <div class="nt">Performing lab: ${esc(doc.performingLab)}, ${esc(fmtAddr(doc.facility.address))}. OBX fields: 3 observation id, 5 value, 6 units, 7 reference range, 8 abnormal flag (H high, L low, A abnormal), 11 status.</div>`;
    const css = baseCss(f, 9) + `
      .t{font-size:12pt;font-weight:bold;border-bottom:2px solid #000;padding-bottom:3pt;margin-bottom:4pt}
      table.kv td{padding:1pt 10pt 1pt 0;font-size:9pt}.nt{font-size:8pt;margin:5pt 0}.sh{font-weight:bold;margin-top:6pt;border-bottom:1px solid #000}
      pre{font-family:'${f}';font-size:7.6pt;line-height:1.35;white-space:pre-wrap;word-break:break-all;margin:4pt 0}`;
    const footer = pageFooter(f, `MSG ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { lab_results: gt, name_printed: nameLF(p, true), performing_lab: doc.performingLab } };
  },
};

// lab.y4 (reflab): reference-lab report with THREE RESULT COLUMNS "LOW | NORMAL | HIGH/ABN": the value is
// printed in the column of its status, out-of-range values with a STAR FLAG "*H" / "*L" / "*A" beside it
// (older Unilab / SmithKline and hospital-outreach "Lo Normal Hi" manner), then Units and Reference Range;
// identity in a two-column label grid with "Pt Name" / "Birthdate" / "Age" / "Sex"; dates "Mar 14 2024".
const labY4 = {
  id: 'lab.y4', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Tidewater Clinical Labs', 'Northfork Diagnostic Laboratory'],
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'caps', rangeStyle: 'l' }, { H: '*H', L: '*L', A: '*A' });
    const cell = (r, col) => ((r.flag === 'L' ? 'lo' : r.flag ? 'hi' : 'n') === col ? `${esc(r.value)}${r.flag ? ' ' + esc(r.flagPrinted) : ''}` : '');
    const rowsHtml = panels.map((P) => `<tr class="ph"><td colspan="6">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="lo">${cell(r, 'lo')}</td><td class="n">${cell(r, 'n')}</td><td class="hi">${cell(r, 'hi')}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const kv = (k, v) => `<tr><td class="k">${k}</td><td>${v}</td></tr>`;
    const body = `
      <table class="top"><tr><td><div class="lname">${esc(doc.labName.toUpperCase())}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Client Services ${fmtPhone(doc.facility.phone, 'dash')}</div></td><td class="r">${barcodeSvg(rng, 130, 22)}<div class="sm">REQ ${doc.specimen_id}</div></td></tr></table>
      <table class="g"><tr><td><table>${kv('Pt Name', `<b>${esc(nameLF(p, true))}</b>`)}${kv('Birthdate', monDY(p.dob))}${kv('Age', `${ageOn(p.dob, doc.collected)} Y`)}${kv('Sex', p.sex)}${kv('Pt ID', esc(doc.mrn))}</table></td>
      <td><table>${kv('Physician', esc(provLF(doc.provider, true)))}${kv('Account', `${doc.account} ${esc(doc.client.name)}`)}${kv('Collected', `${monDY(doc.collected)} ${fmtTime(doc.collected, '24c')}`)}${kv('Received', monDY(doc.received))}${kv('Reported', `${monDY(doc.reported)} ${fmtTime(doc.reported, '24c')}`)}</table></td></tr></table>
      <table class="res"><thead><tr><th style="width:40%">TEST</th><th style="width:10%" class="c">LOW</th><th style="width:10%" class="c">NORMAL</th><th style="width:11%" class="c">HIGH/ABN</th><th style="width:11%">UNITS</th><th>REFERENCE RANGE</th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <div class="keep lg">Results outside the reference range are printed in the LOW or HIGH/ABN column and marked *L / *H / *A. Report status: ${esc(doc.status)}. Laboratory Director ${esc(provName(doc.lab_director))}. CLIA ${doc.clia}.</div>`;
    const css = baseCss(f, 9) + `
      table.top{width:100%;border-bottom:3px double #000} table.top td{vertical-align:bottom;padding-bottom:3pt}.lname{font-size:14pt;font-weight:bold;letter-spacing:0.5pt}.sm{font-size:7.5pt}
      table.g{width:100%;margin:5pt 0} table.g>tbody>tr>td{width:50%;vertical-align:top} td.k{width:0.85in;font-size:8pt;padding:0.5pt 0} table.g td{font-size:8.5pt}
      table.res{width:100%} table.res th{font-size:7.5pt;border:1px solid #000;padding:2pt;background:#e3e3e3;text-align:left} table.res td{padding:1.3pt 3pt;border-left:1px solid #aaa;border-right:1px solid #aaa}
      td.lo,td.n,td.hi{text-align:center} td.lo,td.hi{font-weight:bold}
      tr.ph td{font-weight:bold;padding-top:5pt;border-bottom:1px solid #000} td.tn{padding-left:8pt;font-size:8.5pt}.lg{margin-top:10pt;font-size:7pt}`;
    const footer = pageFooter(f, `${esc(nameLF(p, true))} &nbsp; ${esc(doc.mrn)}`, `${PN} &nbsp; ${esc(doc.status.toUpperCase())}`);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { lab_results: gt, name_printed: nameLF(p, true), performing_lab: doc.labName } };
  },
};

// lab.y5 (hospital): hospitalist PROGRESS NOTE with the labs pasted as a COMPACT GRID (Epic "Recent Labs"
// SmartLink printed three results per line): each cell "Hgb 9.6 L g/dL" — short name, value, a bare flag
// letter, units — cells separated by vertical rules, one block per panel headed "BMP (03/14/24 0815):";
// no reference ranges at all (gt reference_range null).
const labY5 = {
  id: 'lab.y5', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, env.rng.pick(['narrow', 'sans'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'abbr', rangeStyle: 'e' }, { H: 'H', L: 'L', A: 'A' });
    for (const P of panels) for (const r of P.rows) { r.gt.reference_range = null; r.gt.reference_low = null; r.gt.reference_high = null; }
    const when = `${fmtDate(doc.collected, 'us-short')} ${fmtTime(doc.collected, '24c')}`;
    const grid = panels.map((P) => {
      const cells = P.rows.map((r) => `<td>${esc(r.name)} <b>${esc(r.value)}</b>${r.flag ? ' ' + esc(r.flagPrinted) : ''}${r.unit ? ' ' + esc(r.unit) : ''}</td>`);
      const trs = []; for (let i = 0; i < cells.length; i += 3) trs.push(`<tr>${cells.slice(i, i + 3).join('')}${'<td></td>'.repeat(Math.max(0, 3 - cells.slice(i, i + 3).length))}</tr>`);
      return `<div class="keep"><div class="gh">${esc(P.name)} (${when}):</div><table class="gr">${trs.join('')}</table></div>`;
    }).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const hd = rng.int(2, 6);
    const body = `
      <div class="hn">${esc(doc.facility.name)}</div>
      <table class="pb"><tr><td><b>${esc(nameLF(p))}</b></td><td>DOB: ${fmtDate(p.dob, 'us')}</td><td>MRN: ${esc(doc.mrn)}</td><td>Rm ${rng.int(201, 640)}-${rng.pick(['A', 'B'])}</td></tr></table>
      <div class="t">Hospitalist Progress Note &ndash; Hospital Day ${hd}</div>
      <div class="sm">Date of service: ${fmtDate(doc.collected, 'us')} &nbsp; Author: ${esc(provName(doc.provider))}</div>
      <h4>Subjective</h4><p>${rng.pick(['No acute events overnight. Tolerating diet.', 'Reports improved breathing; ambulated with PT.', 'Slept well; mild fatigue; denies chest pain.'])}</p>
      <h4>Objective</h4><p>Afebrile, vital signs stable on room air. Exam unchanged from prior.</p>
      <h4>Labs</h4>${grid}
      <h4>Assessment / Plan</h4><p>${rng.pick(['Continue current management; recheck labs in AM.', 'Trend labs; adjust therapy as above.', 'Anticipate discharge in 24-48 hours if stable.'])}</p>
      <div class="keep sm" style="margin-top:8pt">Electronically signed: ${esc(provName(doc.provider))} ${fmtDate(doc.reported, 'us')} ${fmtTime(doc.reported, '24c')}</div>`;
    const css = baseCss(f, 9.5) + `
      .hn{font-size:12pt;font-weight:bold} table.pb{width:100%;border-bottom:2px solid #000} table.pb td{padding:2pt 8pt 2pt 0}
      .t{font-size:12pt;font-weight:bold;margin-top:6pt}.sm{font-size:8pt} h4{font-size:10pt;margin:7pt 0 2pt 0}
      .gh{font-weight:bold;font-size:8.5pt;margin-top:4pt} table.gr{width:100%;margin-left:6pt} table.gr td{width:33%;padding:0.8pt 4pt;border-left:1px solid #000;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nameLF(p))} &nbsp; MRN ${esc(doc.mrn)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { lab_results: gt, name_printed: nameLF(p), performing_lab: doc.facility.name } };
  },
};

// lab.y6 (clinic): small-practice cloud-EHR result print (Practice Fusion / Kareo manner) where abnormal
// results are shown ONLY BY TYPE — red on screen, bold after faxing — with no flag column and no flag
// letter: Test | Result | Units | Reference; a note "Abnormal values are highlighted" at the top
// (gt flag set from the value, flag_printed null).
const labY6 = {
  id: 'lab.y6', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Riverbend Lab Services', 'Copperline Laboratory'],
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: '', L: '', A: '' });
    for (const P of panels) for (const r of P.rows) r.gt.flag_printed = null;
    const rowsHtml = panels.map((P) => `<tr class="ph"><td colspan="4">${esc(P.name)} &nbsp;<span class="sm">Collected ${fmtDate(doc.collected, 'us-nopad')} ${fmtTime(doc.collected, '12n')} &middot; ${esc(doc.status)}</span></td></tr>` + P.rows.map((r) =>
      `<tr${r.flag ? ' class="ab"' : ''}><td>${esc(r.name)}</td><td>${esc(r.value)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td>
      <td class="r"><b>${esc(nameFL(p))}</b><br>${fmtDate(p.dob, 'us-nopad')} &middot; ${ageOn(p.dob, doc.collected)} yrs &middot; ${sexWord(p)}<br>PRN: ${esc(doc.mrn)}</td></tr></table>
      <div class="t">Lab Result &ndash; ${esc(doc.performingLab)}</div>
      <div class="sm">Ordered by ${esc(provName(doc.provider))} &middot; Accession ${doc.accession} &middot; Reported ${fmtDate(doc.reported, 'us-nopad')}</div>
      <div class="nt">Abnormal values are highlighted.</div>
      <table class="res"><tr><th style="width:42%">Test</th><th style="width:14%">Result</th><th style="width:16%">Units</th><th>Reference</th></tr>${rowsHtml}</table>
      <div class="keep sm" style="margin-top:10pt">Reviewed: ${rng.pick(['not yet reviewed', `${esc(provName(doc.provider))} ${fmtDate(doc.reported, 'us-nopad')}`])}</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:1px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7.8pt}
      .t{font-size:13pt;margin-top:8pt}.nt{font-size:8pt;font-style:italic;margin:4pt 0}
      table.res{width:100%} table.res th{text-align:left;font-size:8pt;background:#e8e8e8;padding:2pt} table.res td{padding:1.5pt 2pt;border-bottom:1px solid #ddd}
      tr.ph td{font-weight:bold;padding-top:6pt} tr.ab td{font-weight:bold;color:#c00}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} &middot; ${fmtDate(p.dob, 'us-nopad')}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nameFL(p), performing_lab: doc.performingLab } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.y1: VA CPRS / VistA TIU "DISCHARGE SUMMARY" note print, monospace: TIU header lines
// (LOCAL TITLE / STANDARD TITLE / DATE OF NOTE: MAR 14, 2024@15:22 / AUTHOR / URGENCY / STATUS), patient
// line "TESTBURY,HAROLD J  ...  DOB: MAR 4, 1950", "DATE OF ADMISSION:" / "DATE OF DISCHARGE:", dictated
// sections in capitals, discharge medications as numbered lines with "ACTION:" tags, /es/ signature.
const dsY1 = {
  id: 'discharge.y1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const va = (iso) => `${vaDate(iso)}${iso.length > 10 ? '@' + iso.slice(11, 16) : ''}`;
    const vaName = `${p.last.toUpperCase()},${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const act = { New: 'NEW', Changed: 'CHANGED', Continue: 'CONTINUE', Stop: 'DISCONTINUE' };
    const meds = doc.medications.map((m, i) => `${String(i + 1).padStart(2)}) ${m.name} ${m.strength} ${m.form}\n    SIG: ${m.sig}\n    ACTION: ${act[m.status] || 'CONTINUE'}`).join('\n');
    const dx = doc.diagnoses.map((d) => `  ${d.principal ? 'PRINCIPAL: ' : 'SECONDARY: '}${d.description} (ICD-10-CM ${d.code})`).join('\n');
    const text = [
      `LOCAL TITLE: DISCHARGE SUMMARY`, `STANDARD TITLE: DISCHARGE SUMMARY`,
      `DATE OF NOTE: ${va(doc.signed)}     ENTRY DATE: ${va(doc.dictated)}`,
      `      AUTHOR: ${doc.provider.last.toUpperCase()},${doc.provider.first.toUpperCase()}   EXP COSIGNER:`,
      `     URGENCY:                     STATUS: COMPLETED`, '',
      `DATE OF ADMISSION: ${vaDate(doc.admit_date)}`, `DATE OF DISCHARGE: ${vaDate(doc.discharge_date)}`,
      `ATTENDING: ${provName(doc.provider)}     PCP: ${provName(doc.pcp)}`, '',
      `REASON FOR ADMISSION:`, `  ${doc.admit_dx}.`, '',
      `DISCHARGE DIAGNOSES:`, dx, '',
      `HISTORY OF PRESENT ILLNESS:`, `  ${doc.hpi}`, '',
      `HOSPITAL COURSE:`, ...doc.course.map((c) => `  ${c}`), '',
      ...(doc.procedures.length ? [`PROCEDURES:`, ...doc.procedures.map((x) => `  - ${x}`), ''] : []),
      `ALLERGIES: ${doc.allergies.length ? doc.allergies.map((a) => `${a.substance} (${a.reaction})`).join('; ') : 'NO KNOWN ALLERGIES'}`, '',
      `DISCHARGE MEDICATIONS:`, meds || '  NONE', '',
      `CONDITION ON DISCHARGE: ${doc.condition}.`, `DISPOSITION: ${doc.disposition}.`, `DIET: ${doc.diet}.   ACTIVITY: ${doc.activity}.`, '',
      `FOLLOW-UP:`, ...doc.followup.map((x) => `  - ${x}`),
      ...(doc.pending.length ? ['', `RESULTS PENDING AT DISCHARGE: ${doc.pending.join(', ')}`] : []), '',
      `/es/ ${provName(doc.provider).toUpperCase()}`, `ATTENDING PHYSICIAN`, `Signed: ${fmtDate(doc.signed, 'us')} ${fmtTime(doc.signed, '24')}`,
    ].join('\n');
    const hdr = `${vaName}   ${p.last[0].toUpperCase()}${doc.mrn.slice(-4)}   DOB: ${vaDate(p.dob)}`;
    const body = `
      <pre class="hd">${esc(`${doc.facility.name.toUpperCase()}\nProgress Notes / Discharge Summaries          Printed ${va(doc.signed)}\n${hdr}\n${'-'.repeat(78)}`)}</pre>
      <pre class="tx">${esc(text)}</pre>`;
    const css = baseCss(f, 9) + `pre{font-family:'${f}';margin:0;white-space:pre-wrap;font-size:8.6pt;line-height:1.28}.hd{font-weight:bold;margin-bottom:6pt}`;
    const footer = `<div style="font-family:'${f}';font-size:7.5pt;box-sizing:border-box;width:100%;padding:0 0.6in;white-space:pre">${esc(`${vaName}   DOB: ${vaDate(p.dob)}   Page `)}<span class="pageNumber"></span>${esc('          VA FORM 10-1000')}</div>`;
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: vaName, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.y1: home-based primary care / house-call (Medicare Annual Wellness) note with a LEFT
// SIDEBAR: the sidebar carries the patient card (name, "DOB 3/4/1950", age/sex, MRN), the vitals as a
// vertical list with inline units ("BP 132/84 sitting", "Temp 98.6 °F", "Wt 180 lb", "Ht 5' 10\""),
// allergies and medications; the main column has Visit Date, HPI, exam, assessment "I10 – description".
const ovY1 = {
  id: 'office_visit.y1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const vit = [['BP', `${v.bp} sitting`], ['HR', `${v.hr} bpm`], ['Temp', `${v.temp} &deg;F`], ['RR', `${v.rr}/min`], ['SpO2', `${v.spo2}% RA`], ['Ht', `${Math.floor(v.ht_in / 12)}' ${v.ht_in % 12}"`], ['Wt', `${v.wt_lb} lb`], ['BMI', `${v.bmi}`]];
    const side = `
      <div class="pc"><div class="pn">${esc(nameFL(p))}</div><div>DOB ${fmtDate(p.dob, 'us-nopad')}</div><div>${p.age} y/o ${sexWord(p).toLowerCase()}</div><div>MRN ${esc(doc.mrn)}</div></div>
      <div class="sh">VITALS</div>${vit.map(([k, x]) => `<div class="vr"><span>${k}</span><span>${x}</span></div>`).join('')}
      <div class="sh">ALLERGIES</div><div>${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join('<br>') : 'NKDA'}</div>
      <div class="sh">CARE TEAM</div><div>${esc(provName(doc.provider))}</div>`;
    const main = `
      <div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dot')}</div>
      <div class="t">${esc(doc.visit_type)} &ndash; Home Visit Note</div>
      <div class="sm">Visit Date: ${fmtDate(doc.date_of_service, 'month-d-y')} &nbsp; Clinician: ${esc(provName(doc.provider))} &nbsp; Place of service: home (12)</div>
      <h4>Chief concern</h4><p>${esc(doc.chief_complaint)}</p>
      <h4>Interval history</h4><p>${esc(doc.hpi)}</p>
      <h4>Review of systems</h4><p>${doc.ros.map(([k, t]) => `${k}: ${esc(t)}`).join(' ')}</p>
      <h4>Examination</h4><p>${doc.exam.map(([k, t]) => `${k}: ${esc(t)}`).join(' ')}</p>
      <h4>Medications reviewed</h4>${doc.medications.length ? doc.medications.map((m) => `<div class="md"><b>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</b> &ndash; ${esc(m.sig)}${m.status === 'New' ? ' <i>(new)</i>' : ''}</div>`).join('') : '<div>None</div>'}
      <h4>Assessment</h4>${doc.diagnoses.map((d) => `<div>${d.code} &ndash; ${esc(d.description)}</div>`).join('')}
      <h4>Plan</h4>${doc.plan.map((x) => `<div>&bull; ${esc(x)}</div>`).join('')}
      ${doc.orders.length ? `<div style="margin-top:3pt">Labs ordered: ${doc.orders.join(', ')}</div>` : ''}
      <p style="margin-top:4pt">Next home visit in ${esc(doc.followup)}.</p>
      <div class="keep">${signatureSvg(rng, 130, 30)}<div class="sm">Signed ${esc(provName(doc.provider))} ${fmtDateTime(doc.signed, 'us-nopad', '12')}</div></div>`;
    const body = `<table class="lay"><tr><td class="sd">${side}</td><td class="mn">${main}</td></tr></table>`;
    const css = baseCss(f, 9.5) + `
      table.lay{width:100%} td.sd{width:2.1in;vertical-align:top;background:#ececec;padding:6pt;font-size:8.5pt;border-right:2px solid #000} td.mn{vertical-align:top;padding:0 0 0 10pt}
      .pc{border-bottom:1px solid #000;padding-bottom:4pt;margin-bottom:4pt}.pn{font-weight:bold;font-size:11pt}.sh{font-weight:bold;font-size:7.5pt;letter-spacing:1pt;margin:7pt 0 2pt 0}
      .vr{display:flex;justify-content:space-between}.md{margin-bottom:3pt}
      .fn{font-size:13pt;font-weight:bold}.sm{font-size:8pt}.t{font-size:12pt;font-weight:bold;margin-top:6pt}
      h4{font-size:9.5pt;margin:6pt 0 1pt 0;font-variant:small-caps}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} &middot; DOB ${fmtDate(p.dob, 'us-nopad')}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.5, 0.6), fonts: [f], gt: { name_printed: nameFL(p), medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.y1: patient-kept "UNIVERSAL MEDICATION FORM" / "My Medication Record" (the hospital-
// association / AHRQ paper form a patient brings along, filled out by staff): boxed personal-information
// section (Name / Date of birth "March 4, 1950" / Emergency contact / Primary doctor / Pharmacy), allergy
// box, then columns Medicine name and strength | How much? | How often / when? | Reason | Started | Doctor |
// Stopped?, prescription and over-the-counter sections.
const mlY1 = {
  id: 'medication_list.y1', set: SET, type: 'medication_list', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const p = doc.patient; const rng = env.rng;
    const rows = doc.medications.map((m) => `<tr><td><b>${esc(m.name)} ${esc(m.strength)}</b><br><span class="sm">${esc(m.form)}</span></td><td colspan="2">${esc(m.sig)}</td><td>${m.start ? fmtDate(m.start, 'us-nopad') : ''}</td><td>${m.prescriber ? esc(provName(m.prescriber, false)) : ''}</td><td>${m.status === 'Active' ? '' : esc(m.status)}</td></tr>`).join('');
    const body = `
      <div class="t">Universal Medication Form</div><div class="st">Keep this list with you. Show it to every doctor, nurse and pharmacist.</div>
      <table class="pi"><tr><td>Name<br><b>${esc(nameFML(p))}</b></td><td>Date of birth<br>${fmtDate(p.dob, 'month-d-y')}</td><td>Record no.<br>${esc(doc.mrn)}</td></tr>
      <tr><td>Primary doctor<br>${esc(provName(doc.provider))}</td><td>Clinic<br>${esc(doc.facility.name)}</td><td>Updated<br>${fmtDate(doc.date_of_service, 'month-d-y')}</td></tr></table>
      <div class="al"><b>Allergies / reactions:</b> ${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} &ndash; ${esc(a.reaction)}`).join(', ') : 'none known'}</div>
      <div class="sh">Prescription medicines</div>
      <table class="ml"><tr><th style="width:27%">Medicine name and strength</th><th colspan="2">How much / how often / when</th><th>Started</th><th>Doctor</th><th>Stopped?</th></tr>${rows}</table>
      <div class="sh">Over-the-counter medicines, vitamins, herbals</div>
      <table class="ml"><tr><th style="width:27%">Name</th><th>How much / how often</th><th>Reason</th></tr><tr><td>&nbsp;</td><td></td><td></td></tr><tr><td>&nbsp;</td><td></td><td></td></tr></table>
      <div class="sm" style="margin-top:8pt">Reviewed with patient by ${esc(rng.pick(['K. Sampleton, LPN', 'D. Mockler, MA', 'R. Fauxley, RN']))}.</div>`;
    const css = baseCss(f, 9.5) + `
      .t{font-size:18pt;font-weight:bold;text-align:center}.st{text-align:center;font-size:9pt;margin-bottom:8pt;font-style:italic}
      table.pi{width:100%;border:2px solid #000} table.pi td{border:1px solid #000;padding:3pt 5pt;font-size:9.5pt;vertical-align:top}
      .al{border:2px solid #000;border-top:none;padding:4pt 5pt;margin-bottom:8pt}.sh{font-weight:bold;background:#000;color:#fff;padding:2pt 5pt;margin-top:6pt}
      table.ml{width:100%} table.ml th{font-size:8pt;border:1px solid #000;padding:2pt;text-align:left;background:#ddd} table.ml td{border:1px solid #000;padding:3pt;vertical-align:top;font-size:9pt}.sm{font-size:8pt}`;
    const footer = pageFooter(f, `${esc(nameFML(p))} &middot; born ${fmtDate(p.dob, 'month-d-y')}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameFML(p), medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION RECORD =======================
// immunization.y1: hospital EMPLOYEE / OCCUPATIONAL HEALTH immunization compliance record: requirement
// status strip at the top (Hep B series / MMR / Varicella / Tdap / Influenza: Compliant / Due), then the
// administrations, OLDEST first, with dates "Mar 14 2024", Product (trade name first, CVX description in
// brackets), Dose, Lot, Mfr, Site (abbreviated "LD" / "RD" etc. as printed), "Employee:" "Emp ID".
const imY1 = {
  id: 'immunization.y1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const rng = env.rng;
    const list = [...doc.immunizations].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const groups = [...new Set(list.map((s) => s.short))];
    const rows = list.map((s) => `<tr><td>${monDY(s.date)}</td><td><b>${esc(s.trade_name)}</b> [${esc(s.vaccine)}]</td><td class="c">${s.dose_number}</td><td>${esc(s.lot ?? '')}</td><td>${esc(s.mvx)}</td><td>${esc(s.site ?? '')}</td><td>${esc(rng.pick(['OH-RN', 'EH-NP', 'OH-LPN']))}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Employee Health Services &middot; ${esc(fmtAddr(doc.facility.address))}</div></td><td class="r"><div class="t">Immunization Compliance Record</div></td></tr></table>
      <table class="pt"><tr><td>Employee: <b>${esc(nameLF(p))}</b></td><td>DOB: ${monDY(p.dob)}</td><td>Emp ID: ${esc(doc.mrn)}</td><td>Printed: ${monDY(doc.date_of_service)}</td></tr></table>
      <table class="cs"><tr>${groups.map((g) => `<th>${esc(g)}</th>`).join('')}</tr><tr>${groups.map(() => `<td>Documented</td>`).join('')}</tr></table>
      <table class="im"><thead><tr><th style="width:13%">Date</th><th>Product [vaccine]</th><th>Dose</th><th>Lot</th><th>Mfr</th><th>Site</th><th>By</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="sm" style="margin-top:10pt">Records reflect doses administered by Employee Health or documented from outside sources. Titers and TB screening are recorded separately.</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:13pt}.sm{font-size:7.5pt}
      table.pt{width:100%;margin:6pt 0} table.pt td{padding:2pt 6pt 2pt 0}
      table.cs{margin:4pt 0 8pt 0;border:1px solid #000} table.cs th,table.cs td{border:1px solid #000;padding:2pt 6pt;font-size:8pt} table.cs th{background:#ddd}
      table.im{width:100%} table.im th{text-align:left;border-bottom:2px solid #000;font-size:8pt;padding:2pt} table.im td{padding:2pt;border-bottom:1px solid #bbb;font-size:8.5pt} table.im td:nth-child(n+3){white-space:nowrap}`;
    const footer = pageFooter(f, `${esc(nameLF(p))} &nbsp; Emp ID ${esc(doc.mrn)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameLF(p), immunizations: doc.immunizations.map((s) => immGt(s)) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.y1: hospital PACS / RIS print of an AMENDED report: "*** ADDENDUM ***" block at the TOP (signed
// later), then "ORIGINAL REPORT" with EXAMINATION / CLINICAL INDICATION / TECHNIQUE / COMPARISON / FINDINGS
// / IMPRESSION; identity as "Name: Testbury, Harold J   MR#   DOB 03/04/1950"; exam date "14-MAR-2024 08:15".
const radY1 = {
  id: 'radiology.y1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const add = rng.pick(['Upon further review, the impression is unchanged. Clarification: no acute findings were communicated as critical.', 'Comparison images from an outside facility were reviewed after the original report; there is no change to the impression.', 'Addendum for coding: the technique section was reviewed; findings and impression stand as dictated.']);
    const body = `
      <div class="hn">${esc(doc.facility.name)} &ndash; Department of Radiology</div>
      <table class="id"><tr><td>Name: <b>${esc(nameLF(p))}</b></td><td>MR#: ${esc(doc.mrn)}</td><td>DOB: ${fmtDate(p.dob, 'us')}</td><td>Sex: ${p.sex}</td></tr>
      <tr><td>Exam Date: ${dMonY(doc.exam_datetime)} ${fmtTime(doc.exam_datetime, '24')}</td><td>Acc#: ${doc.accession}</td><td colspan="2">Ordering: ${esc(provName(doc.provider))}</td></tr></table>
      <div class="ad"><div class="b">*** ADDENDUM ***</div><p>${esc(add)}</p><div class="sm">Addendum electronically signed by ${esc(provName(doc.radiologist))} ${fmtDate(doc.signed, 'us')} ${fmtTime(doc.signed, '24')}</div></div>
      <div class="or">ORIGINAL REPORT</div>
      <p><b>EXAMINATION:</b> ${esc(doc.exam)} (CPT ${doc.cpt})</p>
      <p><b>CLINICAL INDICATION:</b> ${esc(doc.indication)}</p>
      <p><b>TECHNIQUE:</b> ${esc(doc.technique)}</p>
      <p><b>COMPARISON:</b> ${esc(doc.comparison)}</p>
      <p><b>FINDINGS:</b> ${doc.findings.map(esc).join(' ')}</p>
      <p><b>IMPRESSION:</b></p>${doc.impression.map((x, i) => `<p class="im">${i + 1}. ${esc(x)}</p>`).join('')}
      ${doc.birads !== null && doc.birads !== undefined ? `<p>BI-RADS ${doc.birads}</p>` : ''}
      <div class="keep sm" style="margin-top:10pt">Original report dictated and signed by ${esc(provName(doc.radiologist))} on ${fmtDate(doc.exam_datetime, 'us')}. Workstation RAD${rng.int(10, 99)}.</div>`;
    const css = baseCss(f, 10) + `
      .hn{font-size:13pt;font-weight:bold;text-align:center;border-bottom:1px solid #000;padding-bottom:3pt}
      table.id{width:100%;margin:6pt 0} table.id td{padding:1.5pt 6pt 1.5pt 0;font-size:9pt}
      .ad{border:1.5px dashed #000;padding:5pt 7pt;margin:6pt 0 10pt 0}.or{font-weight:bold;letter-spacing:2pt;margin-bottom:4pt;border-bottom:1px solid #000}
      .sm{font-size:8pt}p.im{margin:0 0 2pt 14pt}`;
    const footer = pageFooter(f, `${esc(nameLF(p))} &nbsp; MR# ${esc(doc.mrn)} &nbsp; Acc# ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.6, 0.6, 0.75, 0.75), fonts: [f], gt: { name_printed: nameLF(p), radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.y1: referral written on a PRESCRIPTION PAD (the small "Rx" blank with the prescriber block at
// the top, "Name" / "Address" / "Date" / "DOB" rule lines, a large ℞ and the order "Refer to:"), with the
// pad slip in the upper half of the page and the practice's typed medication/diagnosis attachment below.
const refY1 = {
  id: 'referral.y1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const body = `
      <div class="pad">
        <div class="c"><div class="pv">${esc(provName(doc.provider))}</div><div class="sm">${esc(doc.facility.name)}<br>${esc(fmtAddr(doc.facility.address))}<br>Tel ${fmtPhone(doc.facility.phone)} &nbsp; Fax ${fmtPhone(doc.facility.fax)} &nbsp; DEA ${rng.letters(2).toUpperCase()}${rng.digits(7)}</div></div>
        <div class="ln">Name <u>&nbsp;${esc(nameFL(p))}&nbsp;</u> &nbsp; DOB <u>&nbsp;${fmtDate(p.dob, 'us-nopad')}&nbsp;</u></div>
        <div class="ln">Address <u>&nbsp;${esc(fmtAddr(p.address))}&nbsp;</u></div>
        <div class="ln">Date <u>&nbsp;${fmtDate(doc.date_of_service, 'us-nopad')}&nbsp;</u></div>
        <div class="rx">&#8478;</div>
        <div class="ord">Refer to: ${esc(doc.specialty)} &ndash; ${esc(provName(to))}, ${esc(doc.to_facility.name)}<br>Reason: ${esc(doc.reason)}<br>Dx: ${doc.diagnoses.map((d) => `${d.code} ${esc(d.description)}`).join('; ')}<br>Priority: ${esc(doc.urgency)}${doc.auth_number ? ` &nbsp; Auth # ${esc(doc.auth_number)}` : ''}</div>
        <div class="sg">${signatureSvg(rng, 130, 30)}<div class="sm">Signature &nbsp;&nbsp; Substitution permitted ${box(true)}</div></div>
      </div>
      <div class="at"><div class="b">Attachment to referral &ndash; ${esc(nameFL(p))}</div>
        <p>Current medications: ${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join('; ') : 'none'}.</p>
        <p>Allergies: ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}.</p>
        <p>Enclosed: ${doc.enclosures.map(esc).join(', ')}. Please fax consult notes to ${fmtPhone(doc.facility.fax)}.</p></div>`;
    const css = baseCss(f, 10.5) + `
      .pad{width:5.2in;border:1.5px solid #000;padding:10pt 14pt;margin:0 auto}.pv{font-size:13pt;font-weight:bold}.sm{font-size:8pt}
      .ln{margin-top:8pt}.rx{font-size:34pt;font-weight:bold;margin:6pt 0 0 0;line-height:1}.ord{margin:4pt 0 0 30pt;font-size:11pt;line-height:1.45}.sg{margin-top:12pt;text-align:right}
      .at{margin-top:22pt;border-top:1px solid #000;padding-top:6pt;font-size:9.5pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.75, 0.75), fonts: [f], gt: { name_printed: nameFL(p), diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.y1 (payer): Medicare Advantage MONTHLY "Part C Explanation of Benefits": big "Your [Month] Explanation
// of Benefits" title, member card (Member name / Member ID / "Date of birth"), a "Your claims this month"
// section grouped under the provider with a sub-header "Claim number ... · Service date Mar 14 2024", lines
// Service (description + "(code 99214)") | Provider charged | Plan approved | Plan paid | Your share, and
// under each line "Your share includes deductible $x, copay $y, coinsurance $z"; a year-to-date
// out-of-pocket box. Dates "Mar 14 2024".
const billY1 = {
  id: 'billing.y1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const month = fmtDate(doc.processed, 'month-d-y').split(' ')[0];
    const rows = doc.lines.map((l) => `<tr><td>${esc(l.description)} (code ${l.cpt})<br><span class="sm">${monDY(l.date)} &middot; Your share includes deductible ${money(l.deductible)}, copay ${money(l.copay)}, coinsurance ${money(l.coinsurance)}; not covered ${money(l.not_covered)}</span></td><td class="r">${money(l.billed)}</td><td class="r">${money(l.allowed)}</td><td class="r">${money(l.paid)}</td><td class="r b">${money(l.patient_resp)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td class="fn">${esc(doc.payer)}</td><td class="r sm">${esc(doc.plan_name)} (Medicare Advantage HMO)<br>Member Services ${fmtPhone(doc.facility.phone, 'one')} (TTY 711)</td></tr></table>
      <div class="t">Your ${month} Explanation of Benefits</div><div class="ni">This is not a bill.</div>
      <table class="mc"><tr><td>Member name<br><b>${esc(nameFML(p))}</b></td><td>Member ID<br>${doc.member_id}</td><td>Date of birth<br>${monDY(p.dob)}</td><td>Notice date<br>${monDY(doc.processed)}</td></tr></table>
      <div class="sh">Your claims this month</div>
      <div class="pv">${esc(provName(doc.provider))}, ${esc(doc.client.name)}</div>
      <div class="sm">Claim number ${doc.claim_number} &middot; Service date ${monDY(doc.date_of_service)} &middot; Group ${doc.group}</div>
      <table class="cl"><tr><th style="width:46%">Service</th><th class="r">Provider charged</th><th class="r">Plan approved</th><th class="r">Plan paid</th><th class="r">Your share</th></tr>${rows}
      <tr class="tot"><td>Claim total &nbsp; <span class="sm">(deductible ${money(t.deductible)}, copay ${money(t.copay)}, coinsurance ${money(t.coinsurance)}, not covered ${money(t.not_covered)})</span></td><td class="r">${money(t.billed)}</td><td class="r">${money(t.allowed)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.patient_resp)}</td></tr></table>
      <div class="oop">Your total share for this claim: <b>${money(t.patient_resp)}</b>. Out-of-pocket so far this year: ${money(t.patient_resp + rng.int(50, 900))} of ${money(rng.pick([3400, 4500, 6700]))}.</div>
      <p class="sm">If you think a claim is wrong, call Member Services. You can ask for an appeal within 65 days.</p>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:3px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:15pt;font-weight:bold}.sm{font-size:7.8pt}
      .t{font-size:17pt;font-weight:bold;margin-top:10pt}.ni{font-size:10pt;font-weight:bold;margin-bottom:6pt}
      table.mc{width:100%;border:1.5px solid #000} table.mc td{padding:4pt 6pt;font-size:9pt;border-right:1px solid #999}
      .sh{font-size:12pt;font-weight:bold;margin-top:12pt;border-bottom:2px solid #000}.pv{font-weight:bold;margin-top:5pt}
      table.cl{width:100%;margin-top:4pt} table.cl th{font-size:8pt;border-bottom:1.5px solid #000;text-align:left;padding:2pt} table.cl td{padding:3pt 2pt;border-bottom:1px solid #bbb;vertical-align:top}
      tr.tot td{font-weight:bold;border-top:1.5px solid #000}.oop{margin:10pt 0;border:1.5px solid #000;padding:5pt;background:#eee}`;
    return { css, body, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameFML(p), billing: { kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: t.patient_resp } } };
  },
};

// billing.y2 (billing office): patient-portal "BILLING ACCOUNT ACTIVITY" print (MyChart Billing manner):
// guarantor card, "Account Summary" (Previous balance / Amount due), then a TRANSACTION LEDGER in which each
// service is followed by its own Insurance Payment / Contractual Adjustment rows as negative amounts
// "-$84.12" and a running balance; dates "Mar 14 2024".
const billY2 = {
  id: 'billing.y2', set: SET, type: 'insurance_billing', facilityKind: 'billing',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const t = doc.totals;
    const due = Math.round((doc.previous_balance + t.patient_resp) * 100) / 100;
    let bal = doc.previous_balance;
    const tx = [];
    const push = (d, desc, amt) => { bal = Math.round((bal + amt) * 100) / 100; tx.push(`<tr><td>${monDY(d)}</td><td>${desc}</td><td class="r">${money(amt)}</td><td class="r">${money(bal)}</td></tr>`); };
    for (const l of doc.lines) {
      push(l.date, `${l.cpt} ${esc(l.description)}`, l.billed);
      push(doc.statement_date < l.date ? l.date : doc.statement_date, `&nbsp;&nbsp;Insurance payment &ndash; ${esc(doc.payer)}`, -l.paid);
      const adj = Math.round((l.billed - l.paid - l.patient_resp) * 100) / 100;
      push(doc.statement_date < l.date ? l.date : doc.statement_date, `&nbsp;&nbsp;Contractual adjustment (allowed ${money(l.allowed)}; not covered ${money(l.not_covered)})`, -adj);
      tx.push(`<tr class="pr"><td></td><td>&nbsp;&nbsp;Patient responsibility: deductible ${money(l.deductible)}, copay ${money(l.copay)}, coinsurance ${money(l.coinsurance)} = ${money(l.patient_resp)}</td><td></td><td></td></tr>`);
    }
    const body = `
      <div class="bar"><span>${esc(doc.facility.name)} &ndash; Billing</span><span>Account Activity</span></div>
      <table class="g"><tr><td><div class="cap">Guarantor / Patient</div><b>${esc(nameFL(p))}</b><br>Date of birth ${monDY(p.dob)}<br>${esc(p.address.line1)}, ${esc(p.address.city)}, ${p.address.state} ${p.address.zip}</td>
      <td><div class="cap">Account Summary</div>Guarantor account #${doc.account}<br>Statement date ${monDY(doc.statement_date)}<br>Previous balance ${money(doc.previous_balance)}<br><b>Amount due ${money(due)}</b> by ${monDY(doc.due_date)}</td>
      <td><div class="cap">Coverage</div>${esc(doc.payer)}<br>Member ID ${doc.member_id}<br>Claim ${doc.claim_number}<br>Visit ${monDY(doc.date_of_service)}</td></tr></table>
      <table class="ld"><tr><th style="width:14%">Date</th><th>Description</th><th class="r">Amount</th><th class="r">Balance</th></tr>
      <tr><td></td><td>Balance forward</td><td></td><td class="r">${money(doc.previous_balance)}</td></tr>${tx.join('')}
      <tr class="tot"><td></td><td>Totals for this visit: charges ${money(t.billed)}, allowed ${money(t.allowed)}, insurance paid ${money(t.paid)}, your share ${money(t.patient_resp)}</td><td></td><td class="r">${money(due)}</td></tr></table>
      <p class="sm">Pay online, by phone at ${fmtPhone(doc.facility.phone)} or by mail. Financial assistance is available.</p>`;
    const css = baseCss(f, 9) + `
      .bar{display:flex;justify-content:space-between;background:#222;color:#fff;padding:5pt 8pt;font-size:12pt;font-weight:bold}
      table.g{width:100%;margin:8pt 0} table.g td{width:33%;vertical-align:top;padding:4pt;font-size:8.5pt;border:1px solid #999}.cap{font-size:7.5pt;text-transform:uppercase;letter-spacing:1pt;border-bottom:1px solid #000;margin-bottom:2pt}
      table.ld{width:100%} table.ld th{text-align:left;border-bottom:1.5px solid #000;font-size:8pt;padding:2pt} table.ld td{padding:1.5pt 2pt;font-size:8.5pt} tr.pr td{font-size:7.5pt;font-style:italic;border-bottom:1px solid #ccc}
      tr.tot td{border-top:1.5px solid #000;font-weight:bold}.sm{font-size:7.5pt;margin-top:8pt}`;
    return { css, body, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nameFL(p), billing: { kind: 'patient_statement', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, account: doc.account, statement_date: doc.statement_date, previous_balance: doc.previous_balance, amount_due: due, lines: doc.lines, totals: doc.totals } } };
  },
};

export default [coverY1, coverY2, labY1, labY2, labY3, labY4, labY5, labY6, dsY1, ovY1, mlY1, imY1, radY1, refY1, billY1, billY2];
