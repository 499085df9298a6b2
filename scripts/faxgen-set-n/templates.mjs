// faxgen template set 'set-n': another stand-in for faxgen's held-out template set, written in session 19
// WITHOUT looking at the extraction/structuring rules (nothing under src/ was opened) and independent of set-a
// and of every earlier stand-in (set-o .. set-y, set-z): other layouts, typefaces and a new fax-header format.
// Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-n/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-n ...
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
const { baseCss, labPanels, signatureSvg, barcodeSvg, medGt, esc } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, phoneDigits, nameFL, nameFML, nameLF, provName, provLF, fmtAddr, money, ageOn, parseIso, pad: zpad } = await lib('util.mjs');

const SET = 'set-n';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// Nimbus Sans / DejaVu Sans (sans), C059 / FreeSerif (serif), DejaVu Sans Mono / Noto Mono (mono),
// Liberation Sans Narrow (narrow). Fax header line: DejaVu Sans Mono, Noto Mono or Nimbus Sans.
export const fonts = {
  [SET]: {
    sans: ['Nimbus Sans', 'DejaVu Sans'],
    serif: ['C059', 'FreeSerif'],
    mono: ['DejaVu Sans Mono', 'Noto Mono'],
    narrow: ['Liberation Sans Narrow'],
    tti: ['DejaVu Sans Mono', 'Noto Mono', 'Nimbus Sans'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WD = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
/** 03/14/24 (CDC card manner) */
const mdyy = (iso) => fmtDate(iso, 'us-short');
/** Mar 14, 2024 */
const monDY = (iso) => fmtDate(iso, 'mon-d-y');
/** 14 March 2024 */
const dMonthY = (iso) => { const d = parseIso(iso); return `${d.getUTCDate()} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][d.getUTCMonth()]} ${d.getUTCFullYear()}`; };
/** 20240314 (HL7-ish compact) */
const ymdC = (iso) => iso.slice(0, 10).replace(/-/g, '');
const addDaysIso = (iso, n) => { const d = parseIso(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };

// ---------------------------------------------------------------- fax header (TTI) line
export const tti = {
  [SET]: [
    // Canon imageRUNNER ADVANCE TX report line: date with weekday, 24-h time, "FAX" + spaced number, sender
    // name, then the job page counter as a ticked box and four-digit zero-padded pages:
    // "03/14/2024 THU 10:32  FAX 217 555 0146  SENDER  ☑0002/0005"
    (t) => { const d = parseIso(t.dt); return [`${fmtDate(t.dt, 'us')} ${WD[d.getUTCDay()]} ${fmtTime(t.dt, '24')}`, `FAX ${t.fax.area} ${t.fax.exch} ${t.fax.line}`, t.sender.toUpperCase().slice(0, 24), `\u2611${zpad(t.page, 4)}/${zpad(t.total, 4)}`]; },
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
const prevVal = (rng, r) => {
  const v = r.gt.value_numeric; if (v === null) return r.value;
  const dec = (r.value.split('.')[1] || '').length; const p = v * (1 + rng.float(-0.12, 0.12));
  return Math.max(0, p).toFixed(dec);
};
const chunk = (a, n) => { const o = []; for (let i = 0; i < a.length; i += n) o.push(a.slice(i, i + n)); return o; };

// ======================= FAX COVER SHEET =======================
// cover.n1: hospital HEALTH INFORMATION MANAGEMENT (HIM) department cover whose body is the RELEASE-OF-INFORMATION
// DISCLOSURE LOG for this request (Epic ROI / MRO "accounting of disclosures" manner): a log table Logged /
// Requester / Purpose / Authorization / Pages / Staff, this release as the last row; "Transmitted" date as
// "14 March 2024", the count printed "Sheets: 1 + 4" (cover + records), numbers as "217-555-0146".
const coverN1 = {
  id: 'cover.n1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility; const rng = env.rng;
    const reqNo = `HIM-${doc.date_of_service.slice(2, 4)}-${rng.digits(6)}`;
    const older = Array.from({ length: rng.int(1, 3) }, (_, i) => {
      const d = addDaysIso(doc.date_of_service, -rng.int(30 * (i + 1), 30 * (i + 2) + 20));
      return [fmtDate(d, 'us'), rng.pick(['Social Security Administration / DDS', 'Patient (self)', 'State Dept. of Health', 'Attorney of record']), rng.pick(['Disability determination', 'Personal use', 'Public health reporting', 'Legal']), rng.pick(['On file', 'Statutory', 'Signed HIPAA form']), String(rng.int(3, 40)), rng.pick(['KM', 'DL', 'RS'])];
    }).reverse();
    const cur = [fmtDate(doc.date_of_service, 'us'), `${doc.to_name}${doc.to_org ? ' / ' + doc.to_org : ''}`, doc.re, 'Continuity of care (TPO)', String(Math.max(0, doc.pages - 1)), 'this fax'];
    const log = [...older, cur].map((r, i, a) => `<tr class="${i === a.length - 1 ? 'cur' : ''}">${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(s.name)}</div><div class="dp">Health Information Management &middot; Release of Information Unit</div><div class="sm">${esc(fmtAddr(s.address))} &middot; Phone ${fmtPhone(s.phone, 'dash')} &middot; Fax ${fmtPhone(s.fax, 'dash')}</div></td><td class="r"><div class="t">FAX</div><div class="sm">Request ${reqNo}</div></td></tr></table>
      <table class="kv"><tr><th>Recipient</th><td>${esc(doc.to_name)}${doc.to_org ? '<br>' + esc(doc.to_org) : ''}</td><th>Recipient fax</th><td>${fmtPhone(doc.to_fax, 'dash')}</td></tr>
      <tr><th>Released by</th><td>${esc(doc.from_person)}, ROI Specialist</td><th>Transmitted</th><td>${dMonthY(doc.date_of_service)} ${fmtTime(doc.datetime, '24')}</td></tr>
      <tr><th>Regarding</th><td>${esc(doc.re)}${doc.urgent ? ' <b>(STAT)</b>' : ''}</td><th>Sheets</th><td>1 + ${Math.max(0, doc.pages - 1)}</td></tr></table>
      <div class="msg">${esc(doc.message)}</div>
      <div class="lt">Disclosure log for this request (45 CFR 164.528)</div>
      <table class="log"><thead><tr><th>Logged</th><th>Requester</th><th>Purpose / records</th><th>Authorization</th><th>Pages</th><th>Staff</th></tr></thead><tbody>${log}</tbody></table>
      <div class="conf">The enclosed records are disclosed under the authorization on file and may not be re-disclosed (42 CFR Part 2 where applicable). Misdirected? Call HIM at ${fmtPhone(s.phone, 'dash')}.</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:3px solid #000} table.hd td{vertical-align:bottom;padding-bottom:4pt}.fn{font-size:14pt;font-weight:bold}.dp{font-size:10pt}.sm{font-size:7.5pt}.t{font-size:30pt;font-weight:bold;letter-spacing:2pt}
      table.kv{width:100%;margin:10pt 0;border-collapse:collapse} table.kv th{text-align:left;width:17%;font-size:8.5pt;background:#e8e8e8;border:1px solid #000;padding:3pt} table.kv td{border:1px solid #000;padding:3pt}
      .msg{min-height:110pt;margin:6pt 0;line-height:1.5}.lt{font-weight:bold;font-size:9pt;margin-top:8pt}
      table.log{width:100%;border-collapse:collapse;font-size:8pt} table.log th{text-align:left;border-bottom:1px solid #000;padding:2pt} table.log td{padding:2pt;border-bottom:0.5px solid #999} tr.cur td{font-weight:bold}
      .conf{font-size:7.5pt;margin-top:14pt;border-top:1px solid #000;padding-top:3pt}`;
    return { css, body, margins: M(0.7, 0.6, 0.75, 0.75), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.n1 (reflab): Epic MyChart "Test Results" print, one CARD PER COMPONENT (no sparkline): component name as a
// heading, a "Your Value" / "Standard Range" pair (value and unit together "184 mg/dL", range "65 - 99 mg/dL"
// with the unit repeated), a flag badge "High" / "Low" / "Abnormal" on the right of the heading, and a small
// "Past Results" table Date / Value of earlier draws under it (not in the gt). "Result Date: Mar 14, 2024",
// "Resulting Agency:", patient "Harold Testbury" in the MyChart banner with "DOB: 3/4/1950".
const labN1 = {
  id: 'lab.n1', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Bayview Reference Laboratory', 'Northgate Diagnostic Labs'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: 'High', L: 'Low', A: 'Abnormal' });
    const past = [addDaysIso(doc.collected.slice(0, 10), -rng.int(120, 300)), addDaysIso(doc.collected.slice(0, 10), -rng.int(330, 700))];
    const cards = panels.map((P) => `<div class="pn">${esc(P.name)}</div><div class="pm">Collected: ${monDY(doc.collected)} ${fmtTime(doc.collected, '12n')} &nbsp;&middot;&nbsp; Result Date: ${monDY(doc.reported)} &nbsp;&middot;&nbsp; Resulting Agency: ${esc(doc.labName)}</div>` + P.rows.map((r) => {
      const hist = r.gt.value_numeric !== null && rng.chance(0.6) ? `<table class="ph"><tr><th>Past Results</th>${past.map((d) => `<th>${monDY(d)}</th>`).join('')}</tr><tr><td></td>${past.map(() => `<td>${esc(prevVal(rng, r))}</td>`).join('')}</tr></table>` : '';
      return `<div class="card keep"><div class="cn">${esc(r.name)}${r.flag ? `<span class="bd">${esc(r.flagPrinted)}</span>` : ''}</div>
        <table class="vv"><tr><td class="c">Your Value</td><td class="c">Standard Range</td></tr><tr><td class="v">${esc(r.value)}${r.unit ? ' ' + esc(r.unit) : ''}</td><td>${r.range ? esc(r.range) + (r.unit && /\d/.test(r.range) ? ' ' + esc(r.unit) : '') : ''}</td></tr></table>${hist}</div>`;
    }).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <div class="bn"><span class="mc">MyChart</span> &nbsp; ${esc(nameFL(p))} &nbsp;&middot;&nbsp; DOB: ${fmtDate(p.dob, 'us-nopad')} &nbsp;&middot;&nbsp; MRN: ${esc(doc.mrn)}</div>
      <div class="tt">Test Results</div>
      <div class="sm">Ordered by ${esc(provName(doc.provider))} &middot; Specimen ${doc.specimen_id} &middot; ${doc.fasting === 'Y' ? 'Fasting' : 'Non-fasting'}</div>
      ${cards}
      <div class="keep lg">${esc(doc.labName)}, ${esc(fmtAddr(doc.facility.address))} &middot; CLIA ${doc.clia} &middot; Director ${esc(provName(doc.lab_director))}. Printed from MyChart.</div>`;
    const css = baseCss(f, 9) + `
      .bn{background:#222;color:#fff;padding:4pt 6pt;font-size:9pt}.mc{font-weight:bold;font-size:11pt}.tt{font-size:16pt;margin:8pt 0 2pt 0}.sm{font-size:7.5pt;color:#333}
      .pn{font-size:11pt;font-weight:bold;margin-top:8pt;border-bottom:1.5px solid #000}.pm{font-size:7.5pt;margin:1pt 0 3pt 0}
      .card{border:0.75px solid #888;border-radius:4pt;padding:3pt 6pt;margin:3pt 0}.cn{font-weight:bold;font-size:9.5pt}.bd{float:right;border:1px solid #000;border-radius:6pt;padding:0 6pt;font-size:8pt}
      table.vv{width:70%} table.vv td{padding:0 8pt 0 0;width:50%}.c{font-size:7pt;color:#444}.v{font-size:10.5pt;font-weight:bold}
      table.ph{font-size:7pt;margin-top:2pt;color:#333} table.ph th{font-weight:normal;padding-right:10pt;text-align:left} table.ph td{padding-right:10pt}.lg{margin-top:10pt;font-size:7pt}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} &middot; ${fmtDate(p.dob, 'us-nopad')}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nameFL(p), performing_lab: doc.labName } };
  },
};

// lab.n2 (hospital): hospital LIS chart copy with ARROW flags (Orchard Harvest / Soft LIS manner): columns
// Test / Result / (arrow column "↑" high, "↓" low, "◆" abnormal) / Reference / Units / Site, the arrow in its own
// narrow column BETWEEN result and range, specimen line "Coll: 20240314 0815  Recv: 20240314 0902" (compact
// dates), "PATIENT  Testbury, Harold J  (M)  DOB 1950-03-04".
const labN2 = {
  id: 'lab.n2', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'full', rangeStyle: 'l' }, { H: '\u2191', L: '\u2193', A: '\u25C6' });
    const site = rng.pick(['MAIN', 'CORE', 'STAT']);
    const rowsHtml = panels.map((P) => `<tr class="ph"><td colspan="6">${esc(P.name.toUpperCase())}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="v${r.flag ? ' b' : ''}">${esc(r.value)}</td><td class="ar">${esc(r.flagPrinted)}</td><td>${esc(r.range)}</td><td>${esc(r.unit)}</td><td class="st">${site}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = nameLF(p);
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Clinical Laboratory &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><div class="t">CHART COPY</div><div class="sm">${esc(doc.status)}</div></td></tr></table>
      <table class="id"><tr><td>PATIENT &nbsp;<b>${esc(nm)}</b> &nbsp;(${p.sex})</td><td>DOB ${p.dob}</td><td>MRN ${esc(doc.mrn)}</td></tr>
      <tr><td>ORDERED BY &nbsp;${esc(provLF(doc.provider))}</td><td>Coll: ${ymdC(doc.collected)} ${fmtTime(doc.collected, '24c')} &nbsp; Recv: ${ymdC(doc.received)} ${fmtTime(doc.received, '24c')}</td><td>Acc# ${doc.accession}</td></tr></table>
      <table class="res"><thead><tr><th style="width:36%">Test</th><th style="width:11%">Result</th><th style="width:4%"></th><th style="width:20%">Reference</th><th style="width:14%">Units</th><th>Site</th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <div class="keep lg">&#8593; above reference &nbsp; &#8595; below reference &nbsp; &#9670; abnormal. Sites: ${site} = ${esc(doc.facility.name)} Laboratory, CLIA ${doc.clia}, ${esc(provName(doc.lab_director))}, Director.</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}
      table.id{width:100%;margin:5pt 0;font-size:9pt;border-bottom:1px solid #000} table.id td{padding:1pt 4pt 1pt 0}
      table.res{width:100%} table.res th{text-align:left;font-size:8.5pt;border-bottom:1px solid #000;padding:2pt} table.res td{padding:0.8pt 2pt}
      tr.ph td{font-weight:bold;padding-top:6pt;font-size:9pt} td.tn{padding-left:10pt} td.ar{font-family:'DejaVu Sans';font-weight:bold;text-align:center} td.st{font-size:7.5pt}.lg{margin-top:10pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${p.dob} &middot; MRN ${esc(doc.mrn)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f, 'DejaVu Sans'], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.facility.name } };
  },
};

// lab.n3 (clinic): specialty-clinic LAB FLOWSHEET with the tests as COLUMNS and the draws as ROWS (lipid /
// anticoagulation / diabetes clinic EHR "flowsheet" print, transposed from the usual layout): per panel a grid
// whose column heads are test name, then the unit, then the range ("ref 65-99") in three header rows; one row per
// draw date, older draws first, the CURRENT draw the last row (bold, shaded); flags as a trailing "H" / "L" / "A"
// in the cell ("184 H"). Patient "TESTBURY, HAROLD" with "Birth 03.04.1950".
const labN3 = {
  id: 'lab.n3', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Lakeshore Lipid & Diabetes Clinic Lab', 'Valley Anticoagulation Service Lab'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: 'H', L: 'L', A: 'A' });
    const cur = doc.collected.slice(0, 10);
    const olds = [addDaysIso(cur, -rng.int(200, 400)), addDaysIso(cur, -rng.int(60, 180))];
    const grids = panels.map((P) => chunk(P.rows, 4).map((rows, k) => {
      const head = `<tr><th class="dc">test</th>${rows.map((r) => `<th>${esc(r.name)}</th>`).join('')}</tr>
        <tr class="u"><th>units</th>${rows.map((r) => `<th>${esc(r.unit)}</th>`).join('')}</tr>
        <tr class="u"><th>reference</th>${rows.map((r) => `<th>${r.range ? 'ref ' + esc(r.range) : ''}</th>`).join('')}</tr>`;
      const oldRows = olds.filter(() => rng.chance(0.8)).map((d) => `<tr><td class="dc">${fmtDate(d, 'us')}</td>${rows.map((r) => `<td>${rng.chance(0.85) ? esc(prevVal(rng, r)) : ''}</td>`).join('')}</tr>`).join('');
      const curRow = `<tr class="cur"><td class="dc">${fmtDate(cur, 'us')} ${fmtTime(doc.collected, '24')}</td>${rows.map((r) => `<td>${esc(r.value)}${r.flag ? ' ' + esc(r.flagPrinted) : ''}</td>`).join('')}</tr>`;
      return `<div class="keep"><div class="gp">${esc(P.name)}${k ? ' (continued)' : ''}</div><table class="fs"><thead>${head}</thead><tbody>${oldRows}${curRow}</tbody></table></div>`;
    }).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}`;
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dot')}</div>
      <table class="id"><tr><td><b>${esc(nm)}</b></td><td>Birth ${fmtDate(p.dob, 'us').replace(/\//g, '.')}</td><td>Sex ${p.sex}</td><td>Chart ${esc(doc.mrn)}</td><td>Provider ${esc(provName(doc.provider))}</td></tr></table>
      <div class="tt">LAB FLOWSHEET &mdash; latest draw ${fmtDate(cur, 'us')} (bold, last row) &middot; performed by ${esc(doc.performingLab)}</div>
      ${grids}
      <div class="keep lg">H above reference, L below reference, A abnormal. Earlier draws shown for trend only. Reported ${fmtDate(doc.reported, 'us')}.</div>`;
    const css = baseCss(f, 8.5) + `
      .fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt;border-bottom:1.5px solid #000;padding-bottom:2pt}
      table.id{width:100%;margin:4pt 0} table.id td{padding:1pt 6pt 1pt 0;font-size:9pt}.tt{font-weight:bold;font-size:9pt;margin:4pt 0}
      table.fs{width:100%;border-collapse:collapse;margin:1pt 0 6pt 0} table.fs th,table.fs td{border:0.5px solid #666;padding:1.5pt 3pt;text-align:center;font-size:8pt} table.fs th{background:#e4e4e4;white-space:nowrap;font-size:7.3pt}
      tr.u th{font-weight:normal;font-size:7pt;background:#f4f4f4} .dc{text-align:left!important;width:1.25in} tr.cur td{font-weight:bold;background:#ddd}.gp{font-weight:bold;font-size:9pt;margin-top:5pt}.lg{margin-top:8pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${esc(doc.mrn)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.5, 0.5), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.performingLab } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.n1: inpatient PHARMACY "DISCHARGE MEDICATION RECONCILIATION" (pharmacist-completed transition-of-care
// form attached to the discharge): a short admission box (Admitted / Discharged as "Mar 10, 2024", diagnoses with
// codes after a dash "Hypertension — I10"), then the reconciliation grid Medication / Dose, route, frequency /
// tick columns CONTINUE | STOP | NEW | CHANGE (one ✗ per row), a counselling checklist, pharmacist signature.
const dsN1 = {
  id: 'discharge.n1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const nm = nameFML(p);
    const col = { Continue: 0, Stop: 1, New: 2, Changed: 3 };
    const meds = doc.medications.map((m) => { const k = col[m.status] ?? 0; return `<tr><td><b>${esc(m.name)} ${esc(m.strength)}</b> ${esc(m.form)}</td><td>${esc(m.sig)}; ${esc(m.frequency)}</td>${[0, 1, 2, 3].map((i) => `<td class="x">${i === k ? '&#10007;' : ''}</td>`).join('')}</tr>`; }).join('');
    const dx = doc.diagnoses.map((d) => `<div>${d.principal ? '<b>Principal:</b> ' : ''}${esc(d.description)} &mdash; ${d.code}</div>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Department of Pharmacy Services &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r">${barcodeSvg(rng, 110, 20)}</td></tr></table>
      <div class="t">DISCHARGE MEDICATION RECONCILIATION</div>
      <table class="ad"><tr><td>Patient: <b>${esc(nm)}</b></td><td>Date of birth: ${monDY(p.dob)}</td><td>MRN: ${esc(doc.mrn)}</td></tr>
      <tr><td>Admitted: ${monDY(doc.admit_date)}</td><td>Discharged: ${monDY(doc.discharge_date)}</td><td>Discharge to: ${esc(doc.disposition)}</td></tr>
      <tr><td colspan="3">Attending: ${esc(provName(doc.provider))} &nbsp; &middot; &nbsp; Follow-up PCP: ${esc(doc.pcp ? provName(doc.pcp) : 'none listed')}</td></tr></table>
      <div class="h">Hospital diagnoses</div>${dx}
      <div class="h">Brief hospital course</div><p>${esc(doc.reason)}. ${esc(doc.hpi)} ${doc.course.map(esc).join(' ')}</p>
      <div class="h">Allergies</div><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} &ndash; ${esc(a.reaction)}`).join('; ') : 'NKDA'}</p>
      <div class="h">Medication reconciliation</div>
      <table class="mr"><thead><tr><th style="width:34%">Medication</th><th>Dose, route, frequency</th><th class="x">CONTINUE</th><th class="x">STOP</th><th class="x">NEW</th><th class="x">CHANGE</th></tr></thead><tbody>${meds}</tbody></table>
      <div class="h">Patient counselling</div><p>&#9745; Medication list reviewed with patient/caregiver &nbsp; &#9745; Stopped medications removed from pill box &nbsp; &#9744; Meds-to-beds delivery &nbsp; &#9745; Teach-back completed</p>
      <p>Follow-up: ${doc.followup.map(esc).join('; ')}.${doc.pending.length ? ' Pending results: ' + doc.pending.map(esc).join(', ') + '.' : ''} Condition: ${esc(doc.condition)}.</p>
      <div class="keep sg">${signatureSvg(rng, 110, 26)}Reconciled by ${esc(provName(doc.provider))} with ${rng.pick(['A. Fauxley, PharmD', 'R. Mockton, PharmD, BCPS'])} &middot; ${monDY(doc.dictated)}</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}
      .t{text-align:center;font-size:13pt;font-weight:bold;margin:8pt 0;letter-spacing:0.5pt}
      table.ad{width:100%;border:1px solid #000;border-collapse:collapse} table.ad td{padding:2pt 4pt;border:0.5px solid #888}
      .h{font-weight:bold;font-size:10pt;margin:8pt 0 2pt 0;text-decoration:underline} p{margin:2pt 0}
      table.mr{width:100%;border-collapse:collapse} table.mr th{font-size:8pt;border:1px solid #000;padding:2pt;background:#e6e6e6;text-align:left} table.mr td{border:1px solid #000;padding:2pt 3pt} .x{text-align:center!important;width:0.65in;font-size:11pt}.sg{margin-top:12pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${monDY(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.n1: outpatient PHYSICAL THERAPY "PROGRESS NOTE / RE-EVALUATION" (WebPT manner): patient strip
// "Patient: Testbury, Harold J   DOB: 03-04-1950   Visit #: 8 of 12   Date of Service: 03-14-2024", referring
// physician and medical diagnosis codes, SOAP blocks (Subjective / Objective / Assessment / Plan), the vitals as a
// "Pre-treatment vitals" line inside Objective with units glued on (BP 132/84, HR 72bpm, SpO2 97%, RR 16, Temp 98.6F,
// Ht 70in, Wt 180lb, BMI 25.8), a goals table Goal / Baseline / Current / Status (Met / Progressing), billing CPT
// units (97110 x2).
const ovN1 = {
  id: 'office_visit.n1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle[0] : ''}`;
    const dash = (iso) => fmtDate(iso, 'us').replace(/\//g, '-');
    const n = rng.int(4, 11);
    const goals = [['Walk 300 ft without assistive device', `${rng.int(40, 120)} ft`, `${rng.int(150, 300)} ft`], ['Sit-to-stand x5 (sec)', `${rng.int(18, 25)} s`, `${rng.int(11, 17)} s`], ['Pain at worst (0-10)', `${rng.int(6, 9)}/10`, `${rng.int(2, 5)}/10`]]
      .map(([g, b, c]) => `<tr><td>${g}</td><td>${b}</td><td>${c}</td><td>${rng.pick(['Met', 'Progressing', 'Progressing'])}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)} &middot; Physical Therapy</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; P ${fmtPhone(doc.facility.phone, 'dash')} &middot; F ${fmtPhone(doc.facility.fax, 'dash')}</div></td><td class="r t">Progress Note / Re-evaluation</td></tr></table>
      <div class="pt">Patient: <b>${esc(nm)}</b> &nbsp;&nbsp; DOB: ${dash(p.dob)} &nbsp;&nbsp; Visit #: ${n} of 12 &nbsp;&nbsp; Date of Service: ${dash(doc.date_of_service)}</div>
      <div class="sm">Referring physician: ${esc(provName(doc.provider))} &nbsp;&middot;&nbsp; Medical diagnosis: ${doc.diagnoses.map((d) => `${esc(d.description)} (${d.code})`).join('; ')}</div>
      <div class="h">S: Subjective</div><p>${esc(doc.chief_complaint)}. ${esc(doc.hpi)} ${doc.ros.map(([k, x]) => `${esc(k)}: ${esc(x)}`).join('. ')}.</p>
      <div class="h">O: Objective</div>
      <p><b>Pre-treatment vitals:</b> BP ${v.bp} &middot; HR ${v.hr}bpm &middot; SpO2 ${v.spo2}% &middot; RR ${v.rr} &middot; Temp ${v.temp}F &middot; Ht ${v.ht_in}in &middot; Wt ${v.wt_lb}lb &middot; BMI ${v.bmi}</p>
      <p>${doc.exam.map(([k, x]) => `${esc(k)}: ${esc(x)}`).join('. ')}. Gait: ${rng.pick(['reciprocal, mildly antalgic', 'slow cadence, no device', 'with single-point cane'])}. Strength hip abductors ${rng.int(3, 4)}+/5.</p>
      <p><b>Interventions today:</b> therapeutic exercise 97110 x2 units; neuromuscular re-education 97112 x1 unit; gait training 97116 x1 unit.</p>
      <table class="g"><thead><tr><th>Goal</th><th>Baseline</th><th>Current</th><th>Status</th></tr></thead><tbody>${goals}</tbody></table>
      <div class="h">A: Assessment</div><p>Patient is progressing toward goals. Comorbidities affecting care: ${doc.diagnoses.map((d) => esc(d.description)).join(', ')}.</p>
      <p><b>Home medications (per intake):</b> ${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} &ndash; ${esc(m.sig)}`).join('; ') : 'none reported'}. <b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}.</p>
      <div class="h">P: Plan</div><p>Continue 2x/week for ${rng.int(3, 6)} more weeks. ${doc.plan.map(esc).join(' ')} ${esc(doc.followup)}</p>
      <div class="keep sg">${signatureSvg(rng, 110, 26)}${rng.pick(['Dana Samplewood, PT, DPT', 'Chris Fauxman, PT, DPT'])} &middot; signed ${dash(doc.signed)}<br><span class="sm">Physician certification of plan of care: ________________________ ${esc(provName(doc.provider))}</span></div>`;
    const css = baseCss(f, 9.3) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.t{font-size:12pt;text-align:right}.sm{font-size:7.5pt}
      .pt{border:1px solid #000;padding:3pt;margin:5pt 0}.h{font-weight:bold;font-size:10pt;margin-top:7pt;background:#eee;padding:1pt 3pt} p{margin:2pt 0}
      table.g{width:80%;border-collapse:collapse;margin:4pt 0} table.g th,table.g td{border:0.5px solid #555;padding:1.5pt 3pt;font-size:8.5pt;text-align:left}.sg{margin-top:10pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${dash(p.dob)} &middot; PT Progress Note`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.n1: Medicare Part D MTM "PERSONAL MEDICATION LIST" (the CMS standardized CMR format): a cover
// line "Personal Medication List For Harold J Testbury, DOB: 03/04/1950", one BOXED BLOCK per medicine of labelled
// lines — "Medication:", "How I use it:", "Why I use it:", "Prescriber:", "Date I started using it:", "Date I
// stopped using it:", "Why I stopped using it:" — blank ruled lines at the end "for you to add", allergy block.
const mlN1 = {
  id: 'medication_list.n1', set: SET, type: 'medication_list', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const nm = nameFML(p);
    const why = () => rng.pick(['as my doctor told me', 'ask your pharmacist', 'see prescriber notes']);
    const blocks = doc.medications.map((m) => {
      const stopped = m.status !== 'Active';
      return `<table class="mb keep"><tr><td class="k">Medication:</td><td><b>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</b></td></tr>
      <tr><td class="k">How I use it:</td><td>${esc(m.sig)}</td></tr><tr><td class="k">Why I use it:</td><td>${esc(why(m))}</td><td class="k2">Prescriber:</td><td>${esc(provName(doc.provider))}</td></tr>
      <tr><td class="k">Date I started using it:</td><td>${fmtDate(m.start, 'us')}</td><td class="k2">Date I stopped using it:</td><td>${stopped ? fmtDate(doc.date_of_service, 'us') : ''}</td></tr>
      <tr><td class="k">Why I stopped using it:</td><td colspan="3">${stopped ? esc(m.status) : ''}</td></tr></table>`;
    }).join('');
    const body = `
      <div class="fn">${esc(doc.facility.name)} &middot; Medication Therapy Management Program</div>
      <div class="t">Personal Medication List For ${esc(nm)}, DOB: ${fmtDate(p.dob, 'us')}</div>
      <p class="sm">This medication list was made for you after we talked on ${monDY(doc.date_of_service)}. We also used information from ${esc(provName(doc.provider))}'s office. Keep this list up to date and bring it to all doctor visits.</p>
      <table class="al"><tr><td><b>Allergies or side effects:</b> ${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join(', ') : 'None known'}</td></tr></table>
      ${blocks}
      <div class="keep"><b>Other information:</b><div class="ln"></div><div class="ln"></div><div class="ln"></div></div>
      <p class="sm">Reviewed by ${rng.pick(['Jordan Mockley, PharmD', 'Pat Testley, PharmD'])} &middot; Member ID ${esc(doc.mrn)} &middot; Form CMS-10396</p>`;
    const css = baseCss(f, 10) + `
      .fn{font-size:9pt;border-bottom:1px solid #000}.t{font-size:14pt;font-weight:bold;margin:8pt 0 4pt 0}.sm{font-size:8pt}
      table.al{width:100%;border:1.5px solid #000;margin:4pt 0 6pt 0} table.al td{padding:3pt}
      table.mb{width:100%;border:1px solid #000;border-collapse:collapse;margin:4pt 0} table.mb td{padding:2pt 4pt;border-bottom:0.5px solid #bbb;font-size:9pt} td.k,td.k2{font-weight:bold;width:1.55in;font-size:8.5pt} td.k2{width:1.4in}
      .ln{border-bottom:1px solid #000;height:16pt}`;
    const footer = pageFooter(f, `Personal Medication List for ${esc(nm)}, DOB ${fmtDate(p.dob, 'us')}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION RECORD =======================
// immunization.n1: CDC "COVID-19 Vaccination Record Card" style card (the 4 x 3 in white card, printed 2-up
// enlarged on the page): "Last Name" / "First Name" / "MI" caption cells over the values, "Date of birth" mm/dd/yy
// (TWO-DIGIT YEAR), "Patient number (medical record or IIS record number)", then the card grid Vaccine /
// Product Name/Manufacturer + Lot Number / Date (mm/dd/yy) / Healthcare Professional or Clinic Site, rows
// "1st Dose", "2nd Dose", "Other" …, every administration (COVID or not) a row; CVX and site in small type.
const imN1 = {
  id: 'immunization.n1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const ord = (n) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'} Dose`;
    const rows = doc.immunizations.map((s) => `<tr><td class="dz"><b>${ord(s.dose_number)}</b><br>${esc(s.vaccine)}<div class="sm">CVX ${s.cvx} &middot; ${esc(s.site)}</div></td><td>${esc(s.trade_name)} / ${esc(s.mvx)}<div class="lot">${esc(s.lot)}</div></td><td class="dt">${mdyy(s.date)}</td><td class="hw">${esc(doc.facility.name)}</td></tr>`).join('');
    const nm = nameLF(p);
    const body = `
      <div class="card">
        <div class="top"><div class="cdc">CDC</div><div><div class="t">Vaccination Record Card</div><div class="sm">Please keep this record card, which includes medical information about the vaccines you have received.</div><div class="sm"><i>Por favor, guarde esta tarjeta de registro, que incluye información médica sobre las vacunas que ha recibido.</i></div></div></div>
        <table class="nm"><tr><td><span class="c">Last Name</span><br><span class="hw">${esc(p.last)}</span></td><td><span class="c">First Name</span><br><span class="hw">${esc(p.first)}</span></td><td style="width:12%"><span class="c">MI</span><br><span class="hw">${p.middle ? esc(p.middle[0]) : ''}</span></td></tr>
        <tr><td><span class="c">Date of birth</span><br><span class="hw">${mdyy(p.dob)}</span></td><td colspan="2"><span class="c">Patient number (medical record or IIS record number)</span><br><span class="hw">${esc(doc.mrn)}</span></td></tr></table>
        <table class="g"><thead><tr><th style="width:28%">Vaccine</th><th style="width:30%">Product Name/Manufacturer<br>Lot Number</th><th style="width:12%">Date<br>mm &nbsp;dd &nbsp;yy</th><th>Healthcare Professional<br>or Clinic Site</th></tr></thead><tbody>${rows}
        <tr><td class="dz"><b>Other</b></td><td></td><td></td><td></td></tr></tbody></table>
      </div>
      <div class="lg">Enlarged copy of the patient's card, made at ${esc(doc.facility.name)}, ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)} on ${mdyy(doc.date_of_service)} by ${esc(provName(doc.provider))}.</div>`;
    const css = baseCss(f, 9) + `
      .card{border:1.5px solid #000;border-radius:8pt;padding:8pt;width:6.6in}.top{display:flex;gap:10pt;align-items:center}.cdc{font-size:22pt;font-weight:bold;border:2px solid #000;padding:2pt 6pt;font-family:'Nimbus Sans'}
      .t{font-size:15pt;font-weight:bold}.sm{font-size:6.8pt}.c{font-size:6.5pt}.hw{font-family:'Z003';font-size:13pt}
      table.nm{width:100%;border-collapse:collapse;margin:6pt 0} table.nm td{border-bottom:1px solid #000;padding:2pt 4pt 0 0}
      table.g{width:100%;border-collapse:collapse} table.g th{font-size:7pt;border:1px solid #000;padding:2pt;font-weight:normal;background:#eee;text-align:left} table.g td{border:1px solid #000;padding:2pt 3pt;vertical-align:top;height:26pt}
      td.dz{font-size:8pt}.lot{font-family:'Z003';font-size:12pt}td.dt{font-family:'Z003';font-size:13pt}td.hw{font-size:11pt}.lg{font-size:7.5pt;margin-top:10pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.8, 0.8), fonts: [f, 'Z003', 'Nimbus Sans'], gt: { name_printed: nm, immunizations: doc.immunizations.map(immGt) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.n1: TELERADIOLOGY "PRELIMINARY REPORT" (overnight nighthawk service, vRad / StatRad manner): banner
// "PRELIMINARY REPORT — FINAL TO FOLLOW", label rows in capitals with a double colon ("PATIENT:: TESTBURY, HAROLD
// J", "DOB:: 1950-03-04", "EXAM DATE/TIME:: 2024-03-14 02:32 CST", "SITE::", "STUDY::  … CPT …"), "HISTORY::",
// findings as one dash list, "IMPRESSION::" numbered, critical-result communication line, "Read remotely by".
const radN1 = {
  id: 'radiology.n1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const L = (k, v) => `<tr><td class="k">${k}::</td><td>${v}</td></tr>`;
    const body = `
      <div class="bn">PRELIMINARY REPORT &mdash; FINAL TO FOLLOW</div>
      <div class="sv">${rng.pick(['NightWatch Teleradiology', 'Remote Read Partners'])} for ${esc(doc.facility.name)} &middot; ${fmtPhone(doc.facility.phone)}</div>
      <table class="kv">${L('PATIENT', `<b>${esc(nm)}</b>`)}${L('DOB', p.dob)}${L('MRN', esc(doc.mrn))}${L('ACCESSION', doc.accession)}
      ${L('SITE', esc(doc.facility.name.toUpperCase()))}${L('STUDY', `${esc(doc.exam.toUpperCase())} &nbsp; CPT ${doc.cpt}`)}${L('EXAM DATE/TIME', `${doc.exam_datetime.slice(0, 10)} ${fmtTime(doc.exam_datetime, '24')} ${rng.pick(['CST', 'EST'])}`)}${L('ORDERING', esc(provLF(doc.provider, true)))}</table>
      <div class="h">HISTORY::</div><p>${esc(doc.indication)}</p>
      <div class="h">TECHNIQUE::</div><p>${esc(doc.technique)}</p><div class="h">COMPARISON::</div><p>${esc(doc.comparison)}</p>
      <div class="h">FINDINGS::</div>${doc.findings.map((x) => `<p class="d">- ${esc(x)}</p>`).join('')}
      <div class="h">IMPRESSION::</div>${doc.impression.map((x, i) => `<p class="d"><b>${i + 1}. ${esc(x)}</b></p>`).join('')}
      <p class="sm">${rng.pick(['No critical findings. ', 'Preliminary findings communicated by phone to the ordering ED physician. '])}This preliminary interpretation is provided for immediate patient care; a final report will be issued by the site radiologist.</p>
      <div class="keep sg">Read remotely by: ${esc(provName(doc.radiologist))} &middot; ${doc.signed.slice(0, 10)} ${fmtTime(doc.signed, '24')}</div>`;
    const css = baseCss(f, 9) + `
      .bn{border:2px solid #000;text-align:center;font-weight:bold;font-size:12pt;padding:3pt}.sv{text-align:center;font-size:8pt;margin:3pt 0 6pt 0}
      table.kv td{padding:0.5pt 6pt 0.5pt 0;font-size:9pt} td.k{font-weight:bold;white-space:nowrap}
      .h{font-weight:bold;margin-top:6pt} p{margin:1pt 0}.d{margin-left:12pt}.sm{font-size:7.5pt;margin-top:8pt}.sg{margin-top:8pt}`;
    const footer = pageFooter(f, `PRELIMINARY &middot; ${esc(nm)} &middot; ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.n1: military / VA STANDARD FORM 513 "MEDICAL RECORD — CONSULTATION SHEET": "TO:" and "FROM:
// (Requesting physician or activity)" boxes, "DATE OF REQUEST", "REASON FOR REQUEST (Complaints and findings)",
// "PROVISIONAL DIAGNOSIS", "DOCTOR'S SIGNATURE", tick row "PLACE OF CONSULTATION ☐ BEDSIDE ☒ ON CALL" and
// "☒ ROUTINE ☐ TODAY ☐ 72 HOURS ☐ EMERGENCY", the lower CONSULTATION REPORT half left blank, and the PATIENT'S
// IDENTIFICATION box at the very BOTTOM "(Use this space for Mechanical Imprint)": "TESTBURY, HAROLD J" /
// "DOB 04 MAR 1950" / "SSN/ID".
const refN1 = {
  id: 'referral.n1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const bx = (on) => (on ? '&#9746;' : '&#9744;');
    const u = String(doc.urgency || '').toLowerCase();
    const d = parseIso(p.dob); const dob = `${zpad(d.getUTCDate())} ${MON[d.getUTCMonth()].toUpperCase()} ${d.getUTCFullYear()}`;
    const body = `
      <table class="f"><tr><td colspan="3" class="tt">MEDICAL RECORD &nbsp;&nbsp; <b>CONSULTATION SHEET</b></td></tr>
      <tr><td colspan="3" class="bar">REQUEST</td></tr>
      <tr><td colspan="2"><span class="c">TO:</span> ${esc(doc.specialty)} &mdash; ${esc(provName(to))}, ${esc(doc.to_facility.name)}</td><td><span class="c">FROM: (Requesting physician or activity)</span><br>${esc(provName(doc.provider))}, ${esc(doc.facility.name)}</td></tr>
      <tr><td><span class="c">DATE OF REQUEST</span><br>${fmtDate(doc.date_of_service, 'us')}</td><td><span class="c">AUTHORIZATION</span><br>${doc.auth_number ? esc(doc.auth_number) : 'N/A'}</td><td><span class="c">URGENCY</span><br>${bx(/routine/.test(u))} ROUTINE &nbsp; ${bx(/urgent/.test(u))} TODAY / URGENT &nbsp; ${bx(/stat|emerg/.test(u))} EMERGENCY &nbsp; (${esc(doc.urgency)})</td></tr>
      <tr><td colspan="3" class="big"><span class="c">REASON FOR REQUEST (Complaints and findings)</span><br>${esc(doc.reason)}.<br><br><u>Current medications:</u> ${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join('; ') : 'none'}.<br><u>Allergies:</u> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}. <u>Enclosed:</u> ${doc.enclosures.map(esc).join(', ')}.</td></tr>
      <tr><td colspan="3"><span class="c">PROVISIONAL DIAGNOSIS</span><br>${doc.diagnoses.map((x) => `${esc(x.description)} (${x.code})`).join('; ')}</td></tr>
      <tr><td colspan="2"><span class="c">DOCTOR'S SIGNATURE</span><br>${signatureSvg(rng, 110, 24)}</td><td><span class="c">PLACE OF CONSULTATION</span><br>&#9744; BEDSIDE &nbsp; &#9746; ON CALL</td></tr>
      <tr><td colspan="3" class="bar">CONSULTATION REPORT</td></tr>
      <tr><td colspan="3" class="blank"><span class="c">RECORD REVIEW &nbsp; &#9744; YES &#9744; NO &nbsp;&nbsp; PATIENT EXAMINED &nbsp; &#9744; YES &#9744; NO</span></td></tr>
      <tr><td colspan="2" class="id"><span class="c">PATIENT'S IDENTIFICATION (For typed or written entries give: Name &mdash; last, first, middle; grade; date; hospital or medical facility)</span><br><b>${esc(nm)}</b><br>DOB ${dob} &nbsp;&nbsp; SEX ${p.sex}<br>ID ${esc(doc.mrn)}</td><td><span class="c">REGISTER NO.</span><br>${rng.digits(6)}<br><span class="c">WARD NO.</span><br>OUTPT</td></tr></table>
      <div class="fm">CONSULTATION SHEET &nbsp; Medical Record &nbsp;&nbsp;&nbsp; STANDARD FORM 513 (Rev. 4-98)</div>`;
    const css = baseCss(f, 9) + `
      table.f{width:100%;border-collapse:collapse} table.f td{border:1px solid #000;padding:3pt;vertical-align:top}.tt{font-size:12pt;text-align:center}
      .bar{text-align:center;font-weight:bold;letter-spacing:3pt;background:#ddd}.c{font-size:6.5pt;font-weight:bold}.big{height:150pt}.blank{height:140pt}.id{height:60pt}.fm{font-size:7pt;text-align:right;margin-top:2pt}`;
    return { css, body, margins: M(0.5, 0.5, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.n1 (payer): health-plan member-portal "CLAIM DETAILS" print (Anthem / Aetna app manner), kind eob:
// summary tiles at the top (Billed / Plan paid / You may owe), "Claim # … · Status: Processed", "Patient: Harold J
// Testbury", "Date(s) of service: Mar 14, 2024", "Processed: Mar 21, 2024", then EACH SERVICE LINE AS A VERTICAL
// BLOCK of label/amount pairs (Service / Procedure code / Amount billed / Plan discount / Allowed amount /
// Deductible / Copay / Coinsurance / Plan paid / Your responsibility), a remark code per line.
const billN1 = {
  id: 'billing.n1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const nm = nameFML(p);
    const kv = (k, v, b = false) => `<tr${b ? ' class="b"' : ''}><td>${k}</td><td class="r">${v}</td></tr>`;
    const blocks = doc.lines.map((l, i) => `<div class="ln keep"><div class="lh">Service ${i + 1} of ${doc.lines.length}: ${esc(l.description)}</div><table class="kv">
      ${kv('Date of service', monDY(l.date))}${kv('Procedure code', l.cpt)}${kv('Amount billed', money(l.billed))}${kv('Plan discount', money(l.not_covered))}${kv('Allowed amount', money(l.allowed))}
      ${kv('Deductible', money(l.deductible))}${kv('Copay', money(l.copay))}${kv('Coinsurance', money(l.coinsurance))}${kv('Plan paid', money(l.paid), true)}${kv('Your responsibility', money(l.patient_resp), true)}</table>
      <div class="rm">Remark ${l.not_covered > 0 ? 'PDC: The amount above the allowed amount is a network discount; you do not owe it.' : 'P01: Paid according to your plan benefits.'}</div></div>`).join('');
    const body = `
      <div class="top"><span class="pl">${esc(doc.payer)}</span><span class="sm">Member portal &middot; printed ${monDY(doc.processed)}</span></div>
      <div class="t">Claim Details</div>
      <div class="sm">Claim # ${doc.claim_number} &middot; Status: <b>Processed</b> &middot; ${esc(doc.plan_name)}</div>
      <table class="ti"><tr><td><div class="c">Billed</div><div class="n">${money(t.billed)}</div></td><td><div class="c">Plan paid</div><div class="n">${money(t.paid)}</div></td><td><div class="c">You may owe</div><div class="n">${money(t.patient_resp)}</div></td></tr></table>
      <table class="id"><tr><td>Patient: <b>${esc(nm)}</b></td><td>Member ID: ${doc.member_id}</td><td>Group: ${doc.group}</td></tr>
      <tr><td>Provider: ${esc(provName(doc.provider))}</td><td>Date(s) of service: ${monDY(doc.date_of_service)}</td><td>Processed: ${monDY(doc.processed)}</td></tr></table>
      ${blocks}
      <div class="keep sm" style="margin-top:8pt">This is not a bill. If you have questions about this claim, call Member Services at the number on your ID card. You may appeal within 180 days of ${monDY(doc.processed)}.</div>`;
    const css = baseCss(f, 9.3) + `
      .top{display:flex;justify-content:space-between;border-bottom:2px solid #000;padding-bottom:3pt}.pl{font-size:13pt;font-weight:bold}.sm{font-size:7.8pt}.t{font-size:16pt;margin:6pt 0 1pt 0}
      table.ti{width:100%;margin:6pt 0;border-collapse:separate;border-spacing:6pt 0} table.ti td{border:1px solid #000;border-radius:4pt;padding:4pt;width:33%}.c{font-size:7.5pt}.n{font-size:14pt;font-weight:bold}
      table.id{width:100%;margin:4pt 0} table.id td{padding:1pt 6pt 1pt 0}
      .ln{border:0.75px solid #777;margin:5pt 0;padding:3pt 5pt}.lh{font-weight:bold;margin-bottom:2pt} table.kv{width:60%} table.kv td{padding:0.6pt 4pt;border-bottom:0.3px dotted #aaa} td.r{text-align:right} tr.b td{font-weight:bold}.rm{font-size:7.5pt;font-style:italic;margin-top:2pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Claim ${doc.claim_number}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, billing: { kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: t.patient_resp } } };
  },
};

export default [coverN1, labN1, labN2, labN3, dsN1, ovN1, mlN1, imN1, radN1, refN1, billN1];
