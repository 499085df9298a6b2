// faxgen template set 'set-o': another stand-in for faxgen's held-out template set, written in session 19
// without looking at the extraction/structuring rules (src/sources/documents/structure/, .../pages/) and
// independent of set-a and of every earlier stand-in (set-p .. set-y, set-z): other layouts, typefaces and
// fax-header formats. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-o/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-o ...
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
const { baseCss, labPanels, signatureSvg, barcodeSvg, logoSvg, box, medGt, esc } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, phoneDigits, nameFL, nameFML, nameLF, provName, provLF, fmtAddr, money, ageOn, parseIso, pad: zpad } = await lib('util.mjs');

const SET = 'set-o';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// URW Gothic / FreeSans (sans), P052 / Nimbus Roman / Liberation Serif (serif), Nimbus Mono PS / FreeMono
// (mono), Nimbus Sans Narrow (narrow). Fax header line: FreeMono, Liberation Mono or URW Gothic.
export const fonts = {
  [SET]: {
    sans: ['URW Gothic', 'FreeSans'],
    serif: ['P052', 'Nimbus Roman', 'Liberation Serif'],
    mono: ['Nimbus Mono PS', 'FreeMono'],
    narrow: ['Nimbus Sans Narrow'],
    tti: ['FreeMono', 'Liberation Mono', 'URW Gothic'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WD = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
/** 14 MAR 2024 (ICVP / WHO manner) */
const dMONy = (iso) => { const d = parseIso(iso); return `${d.getUTCDate()} ${MON[d.getUTCMonth()].toUpperCase()} ${d.getUTCFullYear()}`; };
/** 14-Mar-24 */
const dMonYY = (iso) => { const d = parseIso(iso); return `${zpad(d.getUTCDate())}-${MON[d.getUTCMonth()]}-${String(d.getUTCFullYear()).slice(2)}`; };
/** 2024.03.14 */
const ymdDot = (iso) => iso.slice(0, 10).replace(/-/g, '.');
/** 3-14-2024 */
const mdyDash = (iso) => { const d = parseIso(iso); return `${d.getUTCMonth() + 1}-${d.getUTCDate()}-${d.getUTCFullYear()}`; };
/** Thu, Mar 14 2024 */
const wdMon = (iso) => { const d = parseIso(iso); return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]}, ${MON[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}`; };
const sexWord = (p) => (p.sex === 'F' ? 'Female' : 'Male');
const addDaysIso = (iso, n) => { const d = parseIso(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // Kyocera ECOSYS / TASKalfa with the "YYYY/MON/DD/DAY" date setting, job number and "P.002/005":
    // "2024/MAR/14/THU 10:32 AM  SENDER  FAX No.2175550146  #0412 P.002/005"
    (t) => { const d = parseIso(t.dt); return [`${d.getUTCFullYear()}/${MON[d.getUTCMonth()].toUpperCase()}/${zpad(d.getUTCDate())}/${WD[d.getUTCDay()]} ${fmtTime(t.dt, '12')}`, t.sender.toUpperCase().slice(0, 24), `FAX No.${phoneDigits(t.fax)}`, `#${zpad(100 + (t.job % 900), 4)} P.${zpad(t.page, 3)}/${zpad(t.total, 3)}`]; },
    // Documo mFax cloud-fax delivery stamp, pipe-separated, time zone abbreviation, dotted numbers:
    // "mFax | 3/14/2024 10:32:07 AM EDT | Sender: SENDER 217.555.0146 | Page 2 of 5"
    (t) => [`mFax | ${fmtDate(t.dt, 'us-nopad')} ${fmtTime(t.dt, '12n').replace(' ', `:${zpad(t.sec)} `)} ${['EST', 'CDT', 'MST', 'PDT'][t.job % 4]}`, `| Sender: ${t.sender.slice(0, 24)} ${fmtPhone(t.fax, 'dot')}`, `| Page ${t.page} of ${t.total}`],
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
/** a plausible earlier value of a numeric result (same decimals), for "previous result" columns */
const prevVal = (rng, r) => {
  const v = r.gt.value_numeric; if (v === null) return r.value;
  const dec = (r.value.split('.')[1] || '').length; const p = v * (1 + rng.float(-0.12, 0.12));
  return Math.max(0, p).toFixed(dec);
};

// ======================= FAX COVER SHEETS =======================
// cover.o1: typed MEMORANDUM-style cover "VIA FACSIMILE" (physician's office / hospital administration
// memo head): underlined TO / FROM / CC / DATE / RE rows with a colon-aligned label column, the date as
// "Thu, Mar 14 2024", the page count as "Pages to follow: 4" (EXCLUDING this sheet), a ruled message.
const coverO1 = {
  id: 'cover.o1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'serif'); const s = doc.from_facility;
    const kv = (k, v) => `<tr><td class="k">${k}</td><td class="v">${v}</td></tr>`;
    const body = `
      <div class="lh">${esc(s.name)}</div><div class="ad">${esc(fmtAddr(s.address))} &nbsp;|&nbsp; Tel ${fmtPhone(s.phone, 'dot')} &nbsp;|&nbsp; Fax ${fmtPhone(s.fax, 'dot')}</div>
      <div class="t">MEMORANDUM <span class="via">&mdash; via facsimile</span></div>
      <table class="kv">${kv('TO:', `${esc(doc.to_name)}${doc.to_org ? ', ' + esc(doc.to_org) : ''} &nbsp; (fax ${fmtPhone(doc.to_fax, 'dot')})`)}
      ${kv('FROM:', `${esc(doc.from_person)}, ${esc(s.name)}`)}${kv('CC:', 'Chart')}${kv('DATE:', wdMon(doc.date_of_service))}
      ${kv('RE:', `${esc(doc.re)}${doc.urgent ? ' &mdash; TIME SENSITIVE' : ''}`)}${kv('Pages to follow:', String(Math.max(0, doc.pages - 1)))}</table>
      <div class="msg">${esc(doc.message)}</div>
      <div class="conf"><b>Privileged and confidential.</b> This memorandum and the pages that follow contain health information protected by federal and state law. If you are not the addressee, destroy all copies and call ${fmtPhone(s.phone, 'dot')}.</div>`;
    const css = baseCss(f, 11) + `
      .lh{font-size:18pt;font-variant:small-caps}.ad{font-size:8.5pt;border-bottom:3px double #000;padding-bottom:4pt}
      .t{font-size:20pt;font-weight:bold;margin:18pt 0 10pt 0}.via{font-size:12pt;font-weight:normal;font-style:italic}
      table.kv{width:100%} td.k{width:1.4in;font-weight:bold;padding:5pt 6pt 5pt 0;vertical-align:bottom} td.v{border-bottom:1px solid #000;padding:5pt 0}
      .msg{margin-top:16pt;min-height:200pt;line-height:1.6}.conf{font-size:8pt;border-top:1px solid #000;padding-top:4pt}`;
    return { css, body, margins: M(0.8, 0.7, 1.0, 1.0), fonts: [f] };
  },
};

// cover.o2: cover page generated BY THE FAX MACHINE itself (Brother MFC / Panasonic KX "Cover Page" function),
// monospace: a ruled box of fixed machine lines "COVER PAGE", "TO:", "FAX NO.:", "FROM:", "FAX:", "TEL:",
// "DATE: 2024-MAR-14  10:32", "PAGE(S): 005" (zero-padded, including the cover), a one-line "COMMENT:"
// and then the free message typed below.
const coverO2 = {
  id: 'cover.o2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'mono'); const s = doc.from_facility; const d = parseIso(doc.date_of_service);
    const date = `${d.getUTCFullYear()}-${MON[d.getUTCMonth()].toUpperCase()}-${zpad(d.getUTCDate())}  ${fmtTime(doc.datetime, '24')}`;
    const L = (k, v) => `${k.padEnd(12)}${v}`;
    const pre = [
      '*'.repeat(46), '*' + 'C O V E R   P A G E'.padStart(32).padEnd(44) + '*', '*'.repeat(46), '',
      L('TO:', doc.to_name.toUpperCase()), L('', (doc.to_org || '').toUpperCase()), L('FAX NO.:', fmtPhone(doc.to_fax, 'plain')), '',
      L('FROM:', s.name.toUpperCase()), L('ATTN:', doc.from_person.toUpperCase()), L('FAX:', fmtPhone(s.fax, 'plain')), L('TEL:', fmtPhone(s.phone, 'plain')), '',
      L('DATE:', date), L('PAGE(S):', zpad(doc.pages, 3)), L('COMMENT:', (doc.urgent ? 'URGENT - ' : '') + doc.re.toUpperCase()), '', '-'.repeat(46)].map(esc).join('\n');
    const body = `<pre>${pre}</pre><div class="msg">${esc(doc.message)}</div><div class="sm">Confidential health information. If received in error please notify the sender by telephone ${fmtPhone(s.phone, 'plain')} and destroy.</div>`;
    const css = baseCss(f, 10) + `pre{font-family:'${f}';font-size:11pt;line-height:1.35;white-space:pre;margin:0}.msg{margin-top:12pt;font-size:11pt;min-height:150pt}.sm{font-size:8.5pt;margin-top:20pt}`;
    return { css, body, margins: M(0.9, 0.7, 0.9, 0.9), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.o1 (reflab): LabCorp-style patient report with a "PREVIOUS RESULT AND DATE" column BESIDE the current
// one: Tests / Current Result and Flag ("184 High" in ONE cell) / Previous Result and Date ("176  02/11/2023")
// / Units / Reference Interval; identity "Patient Details" box, name "Testbury, Harold J", DOB "03/04/1950",
// "Date Collected: 03/14/2024", "Date Reported:". The previous results are an earlier draw (not in the gt).
const labO1 = {
  id: 'lab.o1', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Tri-County Reference Laboratories', 'Heartland Clinical Labs'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'full', rangeStyle: 'l' }, { H: 'High', L: 'Low', A: 'Abnormal' });
    const prevDate = fmtDate(addDaysIso(doc.collected.slice(0, 10), -rng.int(90, 500)), 'us');
    const rowsHtml = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>` + P.rows.map((r) => {
      const prev = rng.chance(0.7) ? `${esc(prevVal(rng, r))} &nbsp; ${prevDate}` : '';
      return `<tr><td class="tn">${esc(r.name)}</td><td class="${r.flag ? 'b' : ''}">${esc(r.value)}${r.flag ? ' &nbsp;' + esc(r.flagPrinted) : ''}</td><td>${prev}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>`;
    }).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <table class="top"><tr><td><div class="lname">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><b>Patient Report</b><br><span class="sm">Specimen ID: ${doc.specimen_id}<br>Acct #: ${rng.digits(8)}</span></td></tr></table>
      <table class="bx"><tr><td><div class="c">Patient Details</div><b>${esc(nameLF(p))}</b><br>DOB: ${fmtDate(p.dob, 'us')}<br>Age(y/m/d): ${ageOn(p.dob, doc.collected)}/0${rng.int(1, 9)}/${zpad(rng.int(1, 28))}<br>Gender: ${p.sex}<br>Patient ID: ${esc(doc.mrn)}</td>
      <td><div class="c">Specimen Details</div>Date Collected: ${fmtDate(doc.collected, 'us')} ${fmtTime(doc.collected, '24c')} Local<br>Date Received: ${fmtDate(doc.received, 'us')}<br>Date Entered: ${fmtDate(doc.received, 'us')}<br>Date Reported: ${fmtDate(doc.reported, 'us')} ${fmtTime(doc.reported, '24c')} ET</td>
      <td><div class="c">Physician Details</div>Ordering: ${esc(provLF(doc.provider))}<br>Referring:<br>ID: ${rng.digits(6)}<br>NPI: ${rng.digits(10)}</td></tr></table>
      <div class="gen">General Comments &amp; Additional Information: ${doc.fasting === 'Y' ? 'Fasting: Yes' : 'Fasting: No'} &nbsp; Total Volume: Not Provided</div>
      <table class="res"><thead><tr><th style="width:33%">Tests Ordered / Tests</th><th style="width:16%">Current Result and Flag</th><th style="width:20%">Previous Result and Date</th><th style="width:12%">Units</th><th>Reference Interval</th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <div class="keep lg">Performing lab: ${esc(doc.labName)}, ${esc(fmtAddr(doc.facility.address))}. Dir: ${esc(provName(doc.lab_director))}. CLIA ${doc.clia}. For inquiries, the physician may contact Branch ${fmtPhone(doc.facility.phone)}.</div>`;
    const css = baseCss(f, 8.6) + `
      table.top{width:100%;border-bottom:2px solid #000} table.top td{vertical-align:bottom;padding-bottom:3pt}.lname{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}
      table.bx{width:100%;margin:6pt 0;border-collapse:collapse} table.bx td{border:1px solid #000;padding:3pt;vertical-align:top;width:33%;font-size:8.3pt}.c{font-weight:bold;font-size:7.5pt;border-bottom:0.5px solid #000;margin-bottom:2pt}
      .gen{font-size:7.5pt;margin-bottom:4pt}
      table.res{width:100%} table.res th{text-align:left;font-size:7.6pt;background:#ddd;padding:2pt;border-bottom:1px solid #000} table.res td{padding:1.2pt 2pt;border-bottom:0.3px dotted #999}
      tr.ph td{font-weight:bold;padding-top:5pt} td.tn{padding-left:10pt}.lg{margin-top:10pt;font-size:7pt}`;
    const footer = pageFooter(f, `${esc(nameLF(p))} &middot; DOB ${fmtDate(p.dob, 'us')} &middot; ${doc.specimen_id}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { lab_results: gt, name_printed: nameLF(p), performing_lab: doc.labName } };
  },
};

// lab.o2 (hospital): community-hospital laboratory print with the results GROUPED UNDER SPECIMEN HEADINGS
// ("Specimen: Blood — Serum   Collected 14-Mar-24 08:15   Accession …") instead of panel headings, each
// result a row Test / Result / Abn (flags "H" / "L" / "ABN") / Units / Normal Range, and a
// "Comment:" line UNDER some results (hemolysis / repeat / calculation notes). Name "TESTBURY, Harold J.".
const COMMENTS = ['Comment: Specimen slightly hemolyzed; interpret with caution.', 'Comment: Result verified by repeat analysis.', 'Comment: Calculated value.', 'Comment: Called to and read back by RN at ward.'];
const labO2 = {
  id: 'lab.o2', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'full', rangeStyle: 'h' }, { H: 'H', L: 'L', A: 'ABN' });
    const SPEC = { blood: 'Blood &mdash; Serum / Plasma / Whole blood', urine: 'Urine &mdash; Random, clean catch' };
    const groups = new Map();
    for (const P of panels) for (const r of P.rows) { const k = r.gt.specimen || 'blood'; if (!groups.has(k)) groups.set(k, []); groups.get(k).push(r); }
    const coll = `${dMonYY(doc.collected)} ${fmtTime(doc.collected, '24')}`;
    const rowsHtml = [...groups.entries()].map(([k, rows]) => `<tr class="sh"><td colspan="5">Specimen: ${SPEC[k] || esc(k)} &nbsp;&nbsp; Collected ${coll} &nbsp;&nbsp; Accession ${doc.accession}${k === 'urine' ? 'U' : ''}</td></tr>` + rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td class="b">${esc(r.flagPrinted)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>` + (rng.chance(0.15) ? `<tr><td></td><td colspan="4" class="cm">${rng.pick(COMMENTS)}</td></tr>` : '')).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = `${p.last.toUpperCase()}, ${p.first}${p.middle ? ' ' + p.middle[0] + '.' : ''}`;
    const body = `
      <div class="hd"><div class="fn">${esc(doc.facility.name)} &mdash; Department of Laboratory Medicine</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Laboratory ${fmtPhone(doc.facility.phone)}</div></div>
      <table class="id"><tr><td>Name: <b>${esc(nm)}</b></td><td>Med Rec No: ${esc(doc.mrn)}</td><td>Room: ${rng.int(201, 640)}-${rng.pick(['A', 'B'])}</td></tr>
      <tr><td>Birthdate: ${dMonYY(p.dob).replace(/-(\d\d)$/, `-${p.dob.slice(0, 4)}`)} &nbsp; Sex: ${p.sex}</td><td>Attending: ${esc(provName(doc.provider))}</td><td>Printed: ${dMonYY(doc.reported)} ${fmtTime(doc.reported, '24')}</td></tr></table>
      <div class="tt">LABORATORY RESULT REPORT (${esc(doc.status)})</div>
      <table class="res"><thead><tr><th style="width:38%">Test</th><th style="width:12%">Result</th><th style="width:7%">Abn</th><th style="width:13%">Units</th><th>Normal Range</th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <div class="keep lg">Abn: H high, L low, ABN abnormal. Medical Director ${esc(provName(doc.lab_director))}. CLIA ${doc.clia}.</div>`;
    const css = baseCss(f, 9.5) + `
      .hd{border-bottom:1.5px solid #000;padding-bottom:3pt}.fn{font-size:12.5pt;font-weight:bold}.sm{font-size:8pt}
      table.id{width:100%;margin:5pt 0} table.id td{padding:1pt 6pt 1pt 0;font-size:9pt}.tt{font-weight:bold;font-size:10pt;margin:4pt 0;text-align:center}
      table.res{width:100%} table.res th{text-align:left;font-size:8.5pt;border-top:1px solid #000;border-bottom:1px solid #000;padding:2pt} table.res td{padding:1pt 2pt}
      tr.sh td{font-style:italic;font-weight:bold;padding-top:7pt;border-bottom:0.5px solid #000} td.tn{padding-left:12pt} td.cm{font-size:8pt;font-style:italic;padding-left:0}.lg{margin-top:10pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; MRN ${esc(doc.mrn)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.facility.name } };
  },
};

// lab.o3 (clinic): urgent-care / point-of-care RESULTS SLIP printed on a narrow receipt-like strip (analyser
// or clinic thermal-printer output faxed on a letter page): one ~3.3-inch monospace column, every test three
// lines — NAME in capitals, then "  184 mg/dL   *HI*", then "  Ref: 65-99"; "PT: TESTBURY/HAROLD" (slash
// between surname and given name, airline-ticket manner), "DOB 04MAR1950", "Run 14MAR24 08:15".
const labO3 = {
  id: 'lab.o3', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['QuickCare Walk-In Lab', 'Express MedCare Point-of-Care'],
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'caps', rangeStyle: 'e' }, { H: '*HI*', L: '*LO*', A: '*AB*' });
    const d3 = (iso) => { const d = parseIso(iso); return `${zpad(d.getUTCDate())}${MON[d.getUTCMonth()].toUpperCase()}`; };
    const nm = `${p.last.toUpperCase()}/${p.first.toUpperCase()}`;
    const lines = [esc(doc.performingLab.toUpperCase()), esc(doc.facility.name), '='.repeat(34), `PT: <b>${esc(nm)}</b>`, `DOB ${d3(p.dob)}${p.dob.slice(0, 4)}  SEX ${p.sex}`, `ID  ${esc(doc.mrn)}`,
      `Run ${d3(doc.collected)}${doc.collected.slice(2, 4)} ${fmtTime(doc.collected, '24')}`, `Op  ${esc(doc.techId)}`, '='.repeat(34)];
    for (const P of panels) {
      lines.push('', `<b>-- ${esc(P.name.toUpperCase())} --</b>`);
      for (const r of P.rows) {
        lines.push(esc(r.name), `  ${esc((r.value + (r.unit ? ' ' + r.unit : '')).padEnd(20))}${esc(r.flagPrinted)}`);
        if (r.range) lines.push(`  Ref: ${esc(r.range)}`);
      }
    }
    lines.push('', '='.repeat(34), `QC PASSED  LOT ${rng.digits(6)}`, `Reviewed: ${esc(provName(doc.provider))}`, '*** END OF REPORT ***');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `<div class="strip"><pre>${lines.join('\n')}</pre></div>
      <div class="note">Faxed copy of point-of-care analyzer print-out. Clinic: ${esc(doc.facility.name)}, ${fmtPhone(doc.facility.phone)}.</div>`;
    const css = baseCss(f, 9) + `.strip{width:3.4in;border-left:1px dashed #555;border-right:1px dashed #555;padding:6pt 8pt;margin-left:1.6in} pre{font-family:'${f}';font-size:9pt;line-height:1.25;margin:0;white-space:pre}.note{font-size:7.5pt;margin-top:10pt;margin-left:1.6in;font-family:'FreeSans'}`;
    return { css, body, margins: M(0.5, 0.5, 0.6, 0.6), fonts: [f, 'FreeSans'], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.performingLab } };
  },
};

// lab.o4 (clinic): DIALYSIS UNIT "MONTHLY LABS" sheet (outpatient hemodialysis facility, DaVita / Fresenius
// manner): patient card "HAROLD J TESTBURY" (given name first, capitals), "Date of Birth 1950.03.04", chair /
// shift / modality, "Draw: 3-14-2024 (pre-treatment)"; table Lab / Result / Units / Flag / "Unit Goal" (the
// printed range, called the goal), flags "+" (above) / "-" (below) / "*" (abnormal).
const labO4 = {
  id: 'lab.o4', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Renal Care Reference Lab', 'Dialysis Laboratory Services'],
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'q', nameStyle: 'full', rangeStyle: 'q' }, { H: '+', L: '-', A: '*' });
    const nm = `${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''} ${p.last.toUpperCase()}`;
    const rowsHtml = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td>${esc(r.unit)}</td><td class="c">${esc(r.flagPrinted)}</td><td>${esc(r.range)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <table class="top"><tr><td><div class="fn">${esc(doc.facility.name)} Dialysis Center</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dot')}</div></td><td class="r"><div class="t">MONTHLY LABS</div><div class="sm">${MONTH[parseIso(doc.collected).getUTCMonth()]} ${doc.collected.slice(0, 4)}</div></td></tr></table>
      <table class="card"><tr><td><b>${esc(nm)}</b></td><td>Date of Birth ${ymdDot(p.dob)}</td><td>Chair ${rng.int(1, 24)} &middot; Shift ${rng.pick(['MWF-1', 'MWF-2', 'TTS-1', 'TTS-3'])}</td></tr>
      <tr><td>Modality: In-center HD</td><td>Nephrologist: ${esc(provName(doc.provider))}</td><td>Draw: ${mdyDash(doc.collected)} (pre-treatment)</td></tr>
      <tr><td>Facility ID ${esc(doc.mrn)}</td><td>Lab: ${esc(doc.performingLab)}</td><td>Resulted: ${mdyDash(doc.reported)}</td></tr></table>
      <table class="res"><thead><tr><th style="width:38%">Lab</th><th style="width:12%">Result</th><th style="width:14%">Units</th><th style="width:6%">Flag</th><th>Unit Goal</th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <div class="keep lg">Flag: + above goal, - below goal, * abnormal. Reviewed at monthly QAPI / care-plan meeting. RN ______ &nbsp; RD ______ &nbsp; MSW ______</div>`;
    const css = baseCss(f, 9.5) + `
      table.top{width:100%;border-bottom:2.5px solid #000} table.top td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:16pt;font-weight:bold}.sm{font-size:8pt}
      table.card{width:100%;margin:6pt 0;border:1.5px solid #000;background:#f0f0f0} table.card td{padding:2pt 5pt}
      table.res{width:100%;border-collapse:collapse} table.res th{text-align:left;font-size:8.5pt;border:1px solid #000;padding:2pt;background:#ccc} table.res td{padding:1pt 3pt;border:0.5px solid #777}
      tr.ph td{font-weight:bold;background:#e6e6e6} td.c{text-align:center;font-weight:bold}.lg{margin-top:10pt;font-size:8pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${ymdDot(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.performingLab } };
  },
};

// lab.o5 (clinic): patient-portal "RESULTS LETTER" mailed/faxed by a practice: a letter ("Dear Harold, your
// recent tests ...") with every result on a DOTTED-LEADER line (a dotted rule, no dot characters) "Glucose ..... 184 mg/dL  HIGH  (normal 65-99)"
// (flag word in capitals after the unit, range in parentheses prefixed "normal", no column heads), greeting
// by first name, "Re: Testbury, Harold J · born 3-4-1950".
const labO5 = {
  id: 'lab.o5', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Riverside Outreach Laboratory', 'Summit Path Lab'],
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: 'HIGH', L: 'LOW', A: 'ABNORMAL' });
    const lines = panels.map((P) => `<div class="pn">${esc(P.name)}</div>` + P.rows.map((r) =>
      `<div class="ln"><span class="tn">${esc(r.name)}</span><span class="dots"></span><span class="v">${esc(r.value)}${r.unit ? ' ' + esc(r.unit) : ''}${r.flag ? ' &nbsp;<b>' + esc(r.flagPrinted) + '</b>' : ''}${r.range ? ' &nbsp;(normal ' + esc(r.range) + ')' : ''}</span></div>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const re = `${nameLF(p)} &middot; born ${mdyDash(p.dob)}`;
    const body = `
      <div class="lh">${esc(doc.facility.name)}</div><div class="ad">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div>
      <p class="dt">${fmtDate(doc.reported, 'month-d-y')}</p>
      <p>Re: ${esc(nameLF(p))} &middot; born ${mdyDash(p.dob)}</p>
      <p>Dear ${esc(p.first)},</p>
      <p>Your recent laboratory tests, collected on ${fmtDate(doc.collected, 'month-d-y')} and performed by ${esc(doc.performingLab)}, have been reviewed by ${esc(provName(doc.provider))}. ${rng.pick(['Most of your results are within the normal range.', 'Please see the comments below.', 'Please call the office if you have questions.'])}</p>
      ${lines}
      <p>${rng.pick(['We would like to repeat some of these tests in three months.', 'No changes to your treatment are needed at this time.', 'Please schedule a follow-up visit to discuss these results.'])}</p>
      <div class="keep">Sincerely,<br>${signatureSvg(rng, 120, 30)}${esc(provName(doc.provider))}</div>`;
    const css = baseCss(f, 10.5) + `
      .lh{font-size:15pt;text-align:center}.ad{font-size:8.5pt;text-align:center;border-bottom:1px solid #000;padding-bottom:3pt}.dt{margin-top:14pt}
      .pn{font-weight:bold;margin:8pt 0 2pt 0;font-style:italic}.ln{display:flex;align-items:baseline;margin-left:14pt}.tn{white-space:nowrap}
      .dots{flex:1;border-bottom:1.5px dotted #000;margin:0 4pt;min-width:20pt}.v{white-space:nowrap}`;
    const footer = pageFooter(f, re, PN);
    return { css, body, footer, margins: M(0.6, 0.6, 0.9, 0.9), fonts: [f], gt: { lab_results: gt, name_printed: nameLF(p), performing_lab: doc.performingLab } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.o1: skilled-nursing / rehabilitation facility "DISCHARGE SUMMARY AND POST-DISCHARGE PLAN OF CARE"
// form (CMS §483.21(c) manner, filled in a LETTERED-FIELD form): "A. Resident name (last, first)",
// "B. Date of birth" as "14 MAR 1950", "C. Admission date", "D. Discharge date", "E. Discharged to", lettered
// sections, diagnoses as a table Code / Diagnosis / Primary (✔), a reconciled medication table with a
// "Continue at home?" column (Yes / NEW / CHANGED DOSE / NO – STOP).
const dsO1 = {
  id: 'discharge.o1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last}, ${p.first}`;
    const st = { New: 'NEW', Changed: 'CHANGED DOSE', Continue: 'Yes', Stop: 'NO &ndash; STOP' };
    const fld = (l, v) => `<td><span class="c">${l}</span><br>${v}</td>`;
    const meds = doc.medications.map((m) => `<tr><td>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>${esc(m.frequency)}</td><td class="b">${st[m.status] || esc(m.status)}</td></tr>`).join('');
    const dx = doc.diagnoses.map((d) => `<tr><td>${d.code}</td><td>${esc(d.description)}</td><td class="ctr">${d.principal ? '&#10004;' : ''}</td></tr>`).join('');
    const body = `
      <div class="t">DISCHARGE SUMMARY AND POST-DISCHARGE PLAN OF CARE</div><div class="sm ctr">${esc(doc.facility.name)} &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div>
      <div class="sec">SECTION I &ndash; IDENTIFICATION</div>
      <table class="g"><tr>${fld('A. Resident name (last, first)', `<b>${esc(nm)}</b>`)}${fld('B. Date of birth', dMONy(p.dob))}${fld('C. Admission date', dMONy(doc.admit_date))}${fld('D. Discharge date', dMONy(doc.discharge_date))}</tr>
      <tr>${fld('E. Discharged to', esc(doc.disposition))}${fld('F. Record no.', esc(doc.mrn))}${fld('G. Attending', esc(provName(doc.provider)))}${fld('H. Primary physician', esc(doc.pcp ? provName(doc.pcp) : ''))}</tr></table>
      <div class="sec">SECTION II &ndash; DIAGNOSES</div>
      <table class="t2"><tr><th style="width:14%">Code</th><th>Diagnosis</th><th style="width:10%">Primary</th></tr>${dx}</table>
      <div class="sec">SECTION III &ndash; SUMMARY OF STAY</div><p><b>Reason for stay:</b> ${esc(doc.reason)}. ${esc(doc.hpi)}</p><p>${doc.course.map(esc).join(' ')}</p>
      ${doc.procedures.length ? `<p><b>Procedures / therapies:</b> ${doc.procedures.map(esc).join('; ')}</p>` : ''}
      <p><b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join(', ') : 'No known allergies'}</p>
      <div class="sec">SECTION IV &ndash; RECONCILED MEDICATIONS</div>
      <table class="t2"><tr><th>Medication</th><th>Directions</th><th>Frequency</th><th>Continue at home?</th></tr>${meds}</table>
      <div class="sec">SECTION V &ndash; POST-DISCHARGE PLAN</div><p>${doc.followup.map(esc).join('. ')}.${doc.pending.length ? ' Pending: ' + doc.pending.map(esc).join(', ') + '.' : ''} Condition at discharge: ${esc(doc.condition)}.</p>
      <div class="keep sg">${signatureSvg(rng, 120, 28)}Physician: ${esc(provName(doc.provider))} &nbsp;&nbsp; Date: ${dMONy(doc.dictated)}</div>`;
    const css = baseCss(f, 9) + `
      .t{font-size:13pt;font-weight:bold;text-align:center}.sm{font-size:7.5pt}.ctr{text-align:center}
      .sec{background:#000;color:#fff;font-weight:bold;padding:2pt 4pt;margin:8pt 0 3pt 0;font-size:8.5pt}
      table.g{width:100%;border-collapse:collapse} table.g td{border:1px solid #000;padding:2pt 3pt;vertical-align:top;width:25%}.c{font-size:6.5pt}
      table.t2{width:100%;border-collapse:collapse} table.t2 th{text-align:left;font-size:8pt;border-bottom:1px solid #000;padding:2pt} table.t2 td{padding:1.5pt 2pt;border-bottom:0.5px solid #aaa}
      .b{font-weight:bold}.sg{margin-top:12pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${dMONy(p.dob)} &middot; ${esc(doc.mrn)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.o1: pediatric-practice style WELL / PREVENTIVE VISIT note (Office Practicum / PCC manner) used
// for all ages: a "GROWTH & VITALS" table Measure / Value / Metric (cm / kg / °C conversions beside the
// imperial values) / Percentile (for children; "adult" otherwise), "Anticipatory guidance" and
// "Screening" tick lists, assessment "Z00.00-style" lines as "code: description", dates "2024.03.14",
// patient "Harold Testbury (74 y 2 m)".
const ovO1 = {
  id: 'office_visit.o1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = nameFL(p);
    const pct = () => (p.age < 18 ? `${rng.int(5, 95)}th` : 'adult');
    const rows = [['Height', `${v.ht_in} in`, `${(v.ht_in * 2.54).toFixed(1)} cm`, pct()], ['Weight', `${v.wt_lb} lb`, `${(v.wt_lb * 0.4536).toFixed(1)} kg`, pct()], ['BMI', `${v.bmi}`, `${v.bmi} kg/m2`, pct()],
      ['Blood pressure', `${v.bp}`, 'mmHg', ''], ['Pulse', `${v.hr}`, '/min', ''], ['Temperature', `${v.temp} F`, `${((v.temp - 32) * 5 / 9).toFixed(1)} C`, ''], ['Respirations', `${v.rr}`, '/min', ''], ['O2 saturation', `${v.spo2}%`, 'room air', '']]
      .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dot')}</div></td><td class="r"><div class="t">Preventive / Well Visit</div><div class="sm">Visit ${ymdDot(doc.date_of_service)}</div></td></tr></table>
      <div class="pt"><b>${esc(nm)}</b> (${p.age} y ${rng.int(0, 11)} m) &nbsp; ${sexWord(p)} &nbsp; DOB ${ymdDot(p.dob)} &nbsp; Chart ${esc(doc.mrn)} &nbsp; Seen by ${esc(provName(doc.provider))}</div>
      <h4>Concerns today</h4><p>${esc(doc.chief_complaint)}. ${esc(doc.hpi)}</p>
      <h4>Growth &amp; vitals</h4><table class="gv"><tr><th>Measure</th><th>Value</th><th>Metric</th><th>Percentile</th></tr>${rows}</table>
      <h4>Review of systems</h4><p>${doc.ros.map(([k, x]) => `${esc(k)} &ndash; ${esc(x)}`).join('; ')}</p>
      <h4>Examination</h4><p>${doc.exam.map(([k, x]) => `${esc(k)} &ndash; ${esc(x)}`).join('; ')}</p>
      <h4>Current medicines</h4><p>${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} &ndash; ${esc(m.sig)}`).join('<br>') : 'none'}</p>
      <h4>Allergies</h4><p>${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'No known drug allergies'}</p>
      <h4>Screening / guidance</h4><p>&#9746; Depression screen &nbsp; &#9746; Fall risk &nbsp; &#9744; Vision &nbsp; &#9746; Diet / exercise counselling &nbsp; &#9744; Safety</p>
      <h4>Assessment</h4>${doc.diagnoses.map((d) => `<p class="dx">${d.code}: ${esc(d.description)}</p>`).join('')}
      <h4>Plan</h4><p>${doc.plan.map(esc).join(' ')}${doc.orders.length ? ' Orders: ' + doc.orders.map(esc).join(', ') + '.' : ''} ${esc(doc.followup)}</p>
      <div class="keep sm" style="margin-top:8pt">Electronically signed ${esc(provName(doc.provider))} ${ymdDot(doc.signed)}</div>`;
    const css = baseCss(f, 9.3) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.t{font-size:13pt}.sm{font-size:7.5pt}
      .pt{background:#eee;padding:3pt;margin:5pt 0} h4{font-size:9.5pt;margin:6pt 0 1pt 0;border-bottom:0.5px solid #666}
      table.gv{border-collapse:collapse;width:70%} table.gv th{text-align:left;font-size:8pt;border-bottom:1px solid #000;padding:1.5pt 4pt} table.gv td{padding:1pt 4pt;border-bottom:0.5px solid #ccc}.dx{margin:1pt 0}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${ymdDot(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.o1: nursing-home MEDICATION ADMINISTRATION RECORD (MAR) grid: one block per order (drug,
// directions, start date) on the left, administration HOURS in a narrow column, then a 1..31 DAY GRID across the
// page with nurse initials in the days given so far (landscape-like small type); "Resident: Testbury, Harold",
// "Month/Year: MAR 2024", discontinued orders crossed out with "DC'd 3/2" written over the grid.
const mlO1 = {
  id: 'medication_list.o1', set: SET, type: 'medication_list', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng; const d = parseIso(doc.date_of_service);
    const today = d.getUTCDate(); const ini = ['JT', 'MK', 'RS', 'AL'];
    const nm = `${p.last}, ${p.first}`;
    const hours = (m) => (/twice|BID|every 12/i.test(m.frequency + m.sig) ? ['0900', '2100'] : /three|TID/i.test(m.frequency + m.sig) ? ['0800', '1400', '2000'] : /bedtime|night/i.test(m.frequency + m.sig) ? ['2100'] : /as needed|PRN/i.test(m.frequency + m.sig) ? ['PRN'] : ['0900']);
    const days = Array.from({ length: 31 }, (_, i) => i + 1);
    const rows = doc.medications.map((m) => {
      const hs = hours(m); const dc = m.status !== 'Active';
      return hs.map((h, j) => `<tr class="${j === hs.length - 1 ? 'end' : ''}">${j === 0 ? `<td class="md" rowspan="${hs.length}"><b${dc ? ' class="dc"' : ''}>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</b><br>${esc(m.sig)}<br><span class="sm">Start ${fmtDate(m.start, 'us-nopad')}${dc ? ` &middot; ${esc(m.status)}` : ''}</span></td>` : ''}<td class="h">${h}</td>${days.map((k) => `<td class="d">${!dc && h !== 'PRN' && k <= today ? rng.pick(ini) : ''}</td>`).join('')}</tr>`).join('');
    }).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))}</div></td><td class="r"><div class="t">MEDICATION ADMINISTRATION RECORD</div><div class="sm">Month/Year: ${MON[d.getUTCMonth()].toUpperCase()} ${d.getUTCFullYear()}</div></td></tr></table>
      <table class="pt"><tr><td>Resident: <b>${esc(nm)}</b></td><td>DOB: ${fmtDate(p.dob, 'us-nopad')}</td><td>Room: ${rng.int(100, 240)}${rng.pick(['A', 'B'])}</td><td>Physician: ${esc(provName(doc.provider))}</td><td>Allergies: ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKA'}</td></tr></table>
      <table class="mar"><thead><tr><th style="width:2.3in">Medication / Directions</th><th>Hour</th>${days.map((k) => `<th class="d">${k}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>
      <div class="lg">Initials: JT, MK, RS, AL = licensed nurses. Circled initials = not given, see back. Printed ${fmtDate(doc.date_of_service, 'us-nopad')}.</div>`;
    const css = baseCss(f, 7.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom}.fn{font-size:11pt;font-weight:bold}.t{font-size:12pt;font-weight:bold}.sm{font-size:6.5pt}
      table.pt{width:100%;margin:3pt 0} table.pt td{padding:1pt 3pt;font-size:8pt}
      table.mar{width:100%;border-collapse:collapse;table-layout:fixed} table.mar th,table.mar td{border:0.5px solid #000;padding:0.5pt 1pt;font-size:6.5pt} td.md{font-size:7.5pt;vertical-align:top;padding:1pt 2pt} th.d,td.d{width:0.16in;text-align:center} td.h{width:0.32in}
      tr.end td{border-bottom:1.2px solid #000}.dc{text-decoration:line-through}.lg{font-size:7pt;margin-top:5pt}`;
    return { css, body, margins: M(0.5, 0.5, 0.35, 0.35), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION RECORD =======================
// immunization.o1: travel-clinic copy of the INTERNATIONAL CERTIFICATE OF VACCINATION OR PROPHYLAXIS (WHO
// ICVP "yellow card" manner), bilingual captions English / French: "This is to certify that [name] date of
// birth [14 MAR 1950] sex [ ] ...", then the WHO table Vaccine or prophylaxis / Date / Signature and
// professional status of supervising clinician / Manufacturer and batch no. / Certificate valid from ... until
// / Official stamp, one row per administration; our clinic adds CVX, dose and site in small type under the vaccine.
const imO1 = {
  id: 'immunization.o1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.first} ${p.middle ? p.middle + ' ' : ''}${p.last}`.toUpperCase();
    const rows = doc.immunizations.map((s) => `<tr><td><b>${esc(s.vaccine)}</b><div class="sm">${esc(s.trade_name)} &middot; CVX ${s.cvx} &middot; dose ${s.dose_number} &middot; ${esc(s.site)}</div></td><td>${dMONy(s.date)}</td><td><span class="sg">${esc(provName(doc.provider))}</span><div class="sm">${rng.pick(['MD', 'RN', 'PharmD'])}</div></td><td>${esc(s.mvx)}<br>Lot ${esc(s.lot)}</td><td>${dMONy(s.date)} &ndash; life</td><td class="stamp">${esc(doc.facility.name.split(' ')[0].toUpperCase())}<br>TRAVEL CLINIC</td></tr>`).join('');
    const body = `
      <div class="t">INTERNATIONAL CERTIFICATE OF VACCINATION OR PROPHYLAXIS</div><div class="tf">CERTIFICAT INTERNATIONAL DE VACCINATION OU DE PROPHYLAXIE</div>
      <p class="cert">This is to certify that [name] / <i>Nous certifions que [nom]</i> &nbsp; <span class="u">${esc(nm)}</span><br>
      date of birth / <i>né(e) le</i> <span class="u">${dMONy(p.dob)}</span> &nbsp; sex / <i>sexe</i> <span class="u">${p.sex}</span> &nbsp; nationality / <i>nationalité</i> <span class="u">USA</span><br>
      national identification document, if applicable / <i>document d'identification national, le cas échéant</i> <span class="u">${esc(doc.mrn)}</span><br>
      whose signature follows / <i>dont la signature suit</i> ______________________<br>
      has on the date indicated been vaccinated or received prophylaxis against / <i>a été vacciné(e) ou a reçu des agents prophylactiques à la date indiquée</i>:</p>
      <table class="v"><thead><tr><th style="width:27%">Vaccine or prophylaxis<br><i>Vaccin ou agent prophylactique</i></th><th>Date</th><th>Signature and professional status of supervising clinician<br><i>Signature et titre du clinicien responsable</i></th><th>Manufacturer and batch no.<br><i>Fabricant et numéro du lot</i></th><th>Certificate valid from / until<br><i>Certificat valable à partir du / jusqu'au</i></th><th>Official stamp<br><i>Cachet officiel</i></th></tr></thead><tbody>${rows}</tbody></table>
      <div class="lg">Issued by ${esc(doc.facility.name)}, ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)} &middot; copy for the primary care record, ${dMONy(doc.date_of_service)}.</div>`;
    const css = baseCss(f, 9) + `
      .t{text-align:center;font-size:12.5pt;font-weight:bold}.tf{text-align:center;font-size:9.5pt;font-style:italic;margin-bottom:8pt}
      .cert{line-height:1.9;font-size:9pt}.u{border-bottom:1px solid #000;padding:0 10pt;font-weight:bold}
      table.v{width:100%;border-collapse:collapse;margin-top:6pt} table.v th{border:1px solid #000;font-size:7pt;font-weight:normal;padding:2pt;vertical-align:top;text-align:left} table.v td{border:1px solid #000;padding:3pt;vertical-align:top;font-size:8.5pt;height:32pt}
      .sm{font-size:7pt}.sg{font-family:'Z003';font-size:11pt}.stamp{font-size:6.5pt;text-align:center;color:#333;border:1px solid #000}.lg{margin-top:10pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${dMONy(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f, 'Z003'], gt: { name_printed: nm, immunizations: doc.immunizations.map(immGt) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.o1: hospital ULTRASOUND / imaging report with a TECHNOLOGIST MEASUREMENTS TABLE (GE ViewPoint /
// Philips worksheet manner): "Mr. Harold J. Testbury" (title + given name first), exam strip, a boxed table
// of technical data / measurements (modality-dependent: sizes for US, dose for CT, views for XR), findings
// numbered "F1.", "F2.", the impression headed "OPINION" (British manner), date "Thu, Mar 14 2024 10:32".
const radO1 = {
  id: 'radiology.o1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.sex === 'F' ? 'Ms.' : 'Mr.'} ${nameFML(p)}`;
    const mod = String(doc.modality || '').toUpperCase();
    const tech = mod === 'US' ? [['Probe', rng.pick(['C5-1', 'L12-3', 'C9-2'])], ['Measurement 1', `${rng.float(3, 12).toFixed(1)} cm`], ['Measurement 2', `${rng.float(0.5, 4).toFixed(1)} cm`], ['Doppler', rng.pick(['performed', 'not performed'])]]
      : mod === 'CT' ? [['CTDIvol', `${rng.float(5, 18).toFixed(1)} mGy`], ['DLP', `${rng.int(180, 900)} mGy*cm`], ['Contrast', rng.pick(['none', 'IV iohexol 100 mL'])]]
        : mod === 'MR' || mod === 'MRI' ? [['Field strength', rng.pick(['1.5 T', '3 T'])], ['Contrast', rng.pick(['none', 'gadobutrol 7.5 mL'])]]
          : [['Views', String(rng.int(1, 3))], ['Exposure', `${rng.int(70, 120)} kVp`]];
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Imaging Services &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dot')}</div></td><td class="r">${barcodeSvg(rng, 120, 22)}<div class="sm">${doc.accession}</div></td></tr></table>
      <table class="st"><tr><td>Patient: <b>${esc(nm)}</b></td><td>D.O.B.: ${wdMon(p.dob).replace(/^\w+, /, '')}</td><td>Hosp. no.: ${esc(doc.mrn)}</td></tr>
      <tr><td>Examination: <b>${esc(doc.exam)}</b> (${doc.cpt})</td><td>Performed: ${wdMon(doc.exam_datetime)} ${fmtTime(doc.exam_datetime, '24')}</td><td>Requested by: ${esc(provName(doc.provider))}</td></tr></table>
      <p><b>Clinical details:</b> ${esc(doc.indication)}</p>
      <p><b>Technique:</b> ${esc(doc.technique)} <b>Comparison:</b> ${esc(doc.comparison)}</p>
      <table class="ms"><tr><th colspan="2">Technical data / measurements</th></tr>${tech.map(([k, v]) => `<tr><td>${k}</td><td>${v}</td></tr>`).join('')}</table>
      <div class="h">FINDINGS</div>${doc.findings.map((x, i) => `<p class="fi">F${i + 1}. ${esc(x)}</p>`).join('')}
      <div class="h">OPINION</div>${doc.impression.map((x) => `<p class="op">${esc(x)}</p>`).join('')}
      <div class="keep sg">Reporting radiologist: ${esc(provName(doc.radiologist))} &middot; authorised ${wdMon(doc.signed)} ${fmtTime(doc.signed, '24')}</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}
      table.st{width:100%;margin:6pt 0;border:1px solid #000} table.st td{padding:2pt 4pt;font-size:9pt}
      table.ms{border-collapse:collapse;margin:6pt 0;min-width:45%} table.ms th{background:#ddd;text-align:left;padding:2pt 4pt;font-size:8.5pt;border:1px solid #000} table.ms td{border:1px solid #000;padding:1.5pt 4pt;font-size:8.5pt}
      .h{font-weight:bold;margin-top:8pt;letter-spacing:1pt}.fi,.op{margin:2pt 0 2pt 10pt}.op{font-weight:bold}.sg{margin-top:12pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${esc(doc.mrn)} &middot; ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.o1: DENTAL-OFFICE REFERRAL CARD (the pre-printed pad a general dentist sends to an oral surgeon /
// specialist): tooth chart strip (1..32 numbers, none circled), "Referred to:" box, a TICK-BOX grid of
// specialties with the requested one ticked (☒), "Patient:" "Testbury, Harold J." with "Birthdate 3-4-1950",
// "Reason / Dx" with ICD-10 codes, "Medical history / current medications" (abbreviated sigs), "Premedication
// required? ☐ Yes ☒ No", "X-rays enclosed", "Dentist signature".
const refO1 = {
  id: 'referral.o1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const nm = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle[0] + '.' : ''}`;
    const specs = [...new Set([doc.specialty, 'Oral Surgery', 'Periodontics', 'Endodontics', 'Orthodontics', 'Cardiology', 'ENT'])].slice(0, 6);
    const box = (on) => (on ? '&#9746;' : '&#9744;');
    const body = `
      <table class="hd"><tr><td>${logoSvg(rng, 'leaf', 30)}</td><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; T ${fmtPhone(doc.facility.phone, 'dot')} &middot; F ${fmtPhone(doc.facility.fax, 'dot')}</div></td><td class="r"><div class="t">REFERRAL</div><div class="sm">${mdyDash(doc.date_of_service)}</div></td></tr></table>
      <table class="card"><tr><td style="width:55%"><span class="c">Referred to</span><br><b>${esc(provName(to))}</b><br>${esc(doc.to_facility.name)}</td><td><span class="c">Urgency</span><br>${esc(doc.urgency)}<br><span class="c">Authorization</span><br>${doc.auth_number ? esc(doc.auth_number) : 'none required'}</td></tr>
      <tr><td colspan="2"><span class="c">Specialty</span><br>${specs.map((s) => `${box(s === doc.specialty)} ${esc(s)}`).join(' &nbsp; ')}</td></tr>
      <tr><td><span class="c">Patient</span><br><b>${esc(nm)}</b></td><td><span class="c">Birthdate</span><br>${mdyDash(p.dob)} &nbsp; <span class="c">Chart</span> ${esc(doc.mrn)}</td></tr></table>
      <div class="teeth">${Array.from({ length: 32 }, (_, i) => `<span>${i + 1}</span>`).join('')}</div>
      <p><b>Reason / Dx:</b> ${esc(doc.reason)}.<br>${doc.diagnoses.map((x) => `${x.code} ${esc(x.description)}`).join('<br>')}</p>
      <p><b>Medical history / current medications:</b><br>${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join('<br>') : 'none'}</p>
      <p><b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'} &nbsp;&nbsp; <b>Premedication required?</b> &#9744; Yes &#9746; No</p>
      <p><b>Enclosed:</b> ${doc.enclosures.map(esc).join(', ')} &nbsp; &#9746; X-rays / records</p>
      <p>Please report findings to the referring office. Thank you.</p>
      <div class="keep sg">${signatureSvg(rng, 120, 28)}Referring: ${esc(provName(doc.provider))} &nbsp;&nbsp; Date ${mdyDash(doc.date_of_service)}</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:middle;padding:0 6pt 3pt 0}.fn{font-size:12pt;font-weight:bold}.t{font-size:16pt;font-weight:bold}.sm{font-size:7.5pt}
      table.card{width:100%;border-collapse:collapse;margin:6pt 0} table.card td{border:1px solid #000;padding:3pt;vertical-align:top}.c{font-size:6.5pt;text-transform:uppercase}
      .teeth{display:flex;flex-wrap:wrap;gap:2pt;font-size:7pt;margin:4pt 0;border:0.5px solid #666;padding:2pt}.teeth span{width:14pt;text-align:center;border-right:0.5px solid #aaa}.sg{margin-top:10pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${mdyDash(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.o1 (payer): state MEDICAID REMITTANCE ADVICE (paper RA to the PROVIDER, MMIS print), monospace:
// "REMITTANCE ADVICE   PROVIDER NO. …   RA NO. …   DATE 03/21/24", section banner "*** PAID CLAIMS ***",
// claim header "RECIP NAME: TESTBURY HAROLD J   RECIP ID: …   ICN: …", service lines with column heads
// "SVC DATE  PROC   BILLED   ALLOWED   DED   COPAY  COINS  PAID  PT LIAB  EOB", claim total, EOB-code glossary.
const billO1 = {
  id: 'billing.o1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const nm = `${p.last.toUpperCase()} ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const m = (n) => money(n).replace('$', '').padStart(9);
    const L = (d, c, b, a, de, co, ci, pd, pr, e) => `${d.padEnd(10)}${c.padEnd(7)}${b}${a}${de}${co}${ci}${pd}${pr}  ${e}`;
    const head = L('SVC DATE', 'PROC', '   BILLED', '  ALLOWED', '      DED', '    COPAY', '    COINS', '     PAID', '  PT LIAB', 'EOB');
    const lines = doc.lines.map((l) => L(fmtDate(l.date, 'us-short'), l.cpt, m(l.billed), m(l.allowed), m(l.deductible), m(l.copay), m(l.coinsurance), m(l.paid), m(l.patient_resp), l.not_covered ? '0045' : '0000'));
    const tot = L('CLAIM TOT', '', m(t.billed), m(t.allowed), m(t.deductible), m(t.copay), m(t.coinsurance), m(t.paid), m(t.patient_resp), '');
    const pre = [`${doc.payer.toUpperCase()} - MEDICAID MANAGEMENT INFORMATION SYSTEM`, `REMITTANCE ADVICE      PROVIDER NO. ${rng.digits(9)}      RA NO. ${rng.digits(7)}      DATE ${fmtDate(doc.processed, 'us-short')}`,
      `PAYEE: ${esc(doc.client.name.toUpperCase())}`, '', '*** PAID CLAIMS ***', '',
      `RECIP NAME: <b>${esc(nm)}</b>   RECIP ID: ${doc.member_id}   DOB: ${fmtDate(p.dob, 'us-short')}`, `ICN: ${doc.claim_number}   PATIENT ACCT: ${rng.digits(8)}   RENDERING: ${esc(provLF(doc.provider, true))}`, '',
      esc(head), '-'.repeat(head.length), ...lines.map(esc), '-'.repeat(head.length), esc(tot), '',
      `TOTAL PAID THIS RA: ${money(t.paid)}      CHECK/EFT NO: ${rng.digits(10)}`].join('\n');
    const body = `<pre>${pre}</pre><div class="gl"><b>EOB CODE DESCRIPTIONS</b><br>0000 &ndash; PAID IN FULL PER MEDICAID FEE SCHEDULE.<br>0045 &ndash; CHARGE EXCEEDS FEE SCHEDULE/MAXIMUM ALLOWABLE. PROVIDER MAY NOT BILL RECIPIENT FOR THE DIFFERENCE.</div>`;
    const css = baseCss(f, 8) + `pre{font-family:'${f}';font-size:7.6pt;line-height:1.3;white-space:pre;margin:0}.gl{margin-top:10pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `RA ${fmtDate(doc.processed, 'us-short')}`, `PAGE <span class="pageNumber"></span>`);
    return { css, body, footer, margins: M(0.55, 0.6, 0.45, 0.45), fonts: [f], gt: { name_printed: nm, billing: { kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: t.patient_resp } } };
  },
};

export default [coverO1, coverO2, labO1, labO2, labO3, labO4, labO5, dsO1, ovO1, mlO1, imO1, radO1, refO1, billO1];
