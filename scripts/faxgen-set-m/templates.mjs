// faxgen template set 'set-m': another stand-in for faxgen's held-out template set, written in session 20
// WITHOUT looking at the extraction/structuring rules (nothing under src/ was opened) and independent of set-a
// and of every earlier stand-in (set-n .. set-y, set-z): other layouts, typefaces and new fax-header formats.
// Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-m/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-m ...
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
const { baseCss, labPanels, signatureSvg, barcodeSvg, medGt, esc, pad, padL } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, phoneDigits, nameFL, nameFML, nameLF, provName, provLF, fmtAddr, money, ageOn, parseIso, pad: zpad } = await lib('util.mjs');

const SET = 'set-m';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// URW Gothic / FreeSans (sans), P052 / Nimbus Roman (serif), Nimbus Mono PS / FreeMono (mono), Nimbus Sans
// Narrow (narrow). Fax header line: FreeSans, Nimbus Mono PS or P052.
export const fonts = {
  [SET]: {
    sans: ['URW Gothic', 'FreeSans'],
    serif: ['P052', 'Nimbus Roman'],
    mono: ['Nimbus Mono PS', 'FreeMono'],
    narrow: ['Nimbus Sans Narrow'],
    tti: ['FreeSans', 'Nimbus Mono PS', 'P052'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** 14-Mar-2024 */
const dMonY = (iso) => fmtDate(iso, 'dmy-mon');
/** 2024/03/14 */
const ymdSl = (iso) => iso.slice(0, 10).replace(/-/g, '/');
/** March 14, 2024 */
const monthDY = (iso) => fmtDate(iso, 'month-d-y');
/** Mar 14, 2024@0815 (VistA) */
const vista = (isoDt) => `${fmtDate(isoDt, 'mon-d-y')}@${fmtTime(isoDt, '24c')}`;
const addDaysIso = (iso, n) => { const d = parseIso(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // Panasonic / older HP LaserJet "From-" TTI: date with month name and hyphens, lower-case am/pm glued,
    // "From-SENDER", digits-only number, then the transmission id "T-482 P.002/005 F-117" (job / page / file):
    // "Mar-14-2024 10:32am  From-SENDER  2175550146  T-482 P.002/005 F-117"
    (t) => { const d = parseIso(t.dt); const h = d.getUTCHours(); const h12 = ((h + 11) % 12) + 1; return [`${MON[d.getUTCMonth()]}-${zpad(d.getUTCDate())}-${d.getUTCFullYear()} ${h12}:${zpad(d.getUTCMinutes())}${h < 12 ? 'am' : 'pm'}`, `From-${t.sender.toUpperCase().slice(0, 22)}`, phoneDigits(t.fax), `T-${t.job} P.${zpad(t.page, 3)}/${zpad(t.total, 3)} F-${t.fjob}`]; },
    // Konica Minolta bizhub "TX" line: day-first glued date "14MAR2024", 24-h time, the sender fax in E.164 form,
    // sender name, page counter "-> Pg 2 of 5": "14MAR2024 10:32   +12175550146   SENDER   -> Pg 2 of 5"
    (t) => { const d = parseIso(t.dt); return [`${zpad(d.getUTCDate())}${MON[d.getUTCMonth()].toUpperCase()}${d.getUTCFullYear()} ${fmtTime(t.dt, '24')}`, `+1${phoneDigits(t.fax)}`, t.sender.slice(0, 26), `-> Pg ${t.page} of ${t.total}`]; },
  ],
};

// ---------------------------------------------------------------- helpers
function panelsWith(doc, opts, spell) {
  const panels = labPanels(doc, { ...opts, flagStyle: 'HL' });
  for (const P of panels) for (const r of P.rows) { r.flagPrinted = r.flag ? spell[r.flag] : ''; r.gt.flag_printed = r.flagPrinted || null; }
  return panels;
}
const pageFooter = (f, left, right, padIn = 0.6) => `<div style="font-family:'${f}';font-size:7pt;box-sizing:border-box;width:100%;padding:0 ${padIn}in;display:flex;justify-content:space-between"><span>${left}</span><span>${right}</span></div>`;
const PN = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
const radGt = (doc) => ({ exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads });
const prevVal = (rng, r) => {
  const v = r.gt.value_numeric; if (v === null) return r.value;
  const dec = (r.value.split('.')[1] || '').length; const p = v * (1 + rng.float(-0.12, 0.12));
  return Math.max(0, p).toFixed(dec);
};
const allergyText = (doc) => (doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join(', ') : 'NKDA');

// ======================= FAX COVER SHEETS =======================
// cover.m1: hospital-system cover whose CONFIDENTIALITY NOTICE is a heavy box at the TOP of the page, above the
// fields (Kaiser / Sutter "PHI enclosed" manner): warning box first, then facility, then a two-column field list
// with label spellings "Attention:" / "Facsimile #:" / "Sender:" / "Callback #:" / "Transmission date: 2024/03/14"
// / "Total sheets: 5" / "Subject:", "STAT" / "Routine" radio, a short message.
const coverM1 = {
  id: 'cover.m1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility;
    const body = `
      <div class="warn"><b>CONFIDENTIAL — PROTECTED HEALTH INFORMATION ENCLOSED.</b> This transmission is intended only for the addressee named below. If you are not the intended recipient, do not read, copy or forward it: call ${fmtPhone(s.phone, 'dot')} and destroy the pages. Re-disclosure without authorization is prohibited by federal law.</div>
      <div class="fn">${esc(s.name)}</div><div class="sm">${esc(fmtAddr(s.address))}</div>
      <div class="t">fax transmission</div>
      <table class="kv">
        <tr><td class="k">Attention:</td><td>${esc(doc.to_name)}${doc.to_org ? ', ' + esc(doc.to_org) : ''}</td><td class="k">Sender:</td><td>${esc(doc.from_person)}</td></tr>
        <tr><td class="k">Facsimile #:</td><td>${fmtPhone(doc.to_fax, 'dot')}</td><td class="k">Return fax #:</td><td>${fmtPhone(s.fax, 'dot')}</td></tr>
        <tr><td class="k">Phone #:</td><td>${doc.to_phone ? fmtPhone(doc.to_phone, 'dot') : '—'}</td><td class="k">Callback #:</td><td>${fmtPhone(s.phone, 'dot')}</td></tr>
        <tr><td class="k">Transmission date:</td><td>${ymdSl(doc.date_of_service)}</td><td class="k">Total sheets:</td><td>${doc.pages}</td></tr>
        <tr><td class="k">Subject:</td><td colspan="3">${esc(doc.re)}</td></tr>
        <tr><td class="k">Priority:</td><td colspan="3">${doc.urgent ? '&#9673;' : '&#9675;'} STAT &nbsp;&nbsp; ${doc.urgent ? '&#9675;' : '&#9673;'} Routine</td></tr>
      </table>
      <div class="mh">Message</div><div class="msg">${esc(doc.message)}</div>`;
    const css = baseCss(f, 10) + `
      .warn{border:3px solid #000;padding:6pt 8pt;font-size:8.5pt;margin-bottom:14pt}.fn{font-size:15pt;font-weight:bold}.sm{font-size:8pt}
      .t{font-size:26pt;margin:12pt 0 8pt 0;border-bottom:1px solid #000}
      table.kv{width:100%} table.kv td{padding:5pt 4pt;vertical-align:top;border-bottom:0.5px dotted #666} td.k{font-weight:bold;width:18%;white-space:nowrap}
      .mh{margin-top:14pt;font-weight:bold}.msg{min-height:150pt;padding:6pt;border-left:3px solid #000}`;
    return { css, body, margins: M(0.7, 0.7, 0.8, 0.8), fonts: [f] };
  },
};

// cover.m2: Microsoft Word "Fax cover sheet (Professional design)" template as practices fill it in: big serif
// "Facsimile" title with a thin rule, a single block of left labels in small caps "To / Fax / Phone / Re / CC"
// and a second block "From / Pages / Date" (date "March 14, 2024", pages as "5 (with cover)"), check row
// "☐ Urgent ☐ For Review ☐ Please Comment ☐ Please Reply ☐ Please Recycle" with bullets, "• Comments:".
const coverM2 = {
  id: 'cover.m2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'serif'); const s = doc.from_facility; const rng = env.rng;
    const ck = (on) => (on ? '&#9746;' : '&#9744;');
    const pick = doc.urgent ? 'Urgent' : rng.pick(['For Review', 'Please Reply', '']);
    const L = (k, v) => `<tr><td class="k">${k}</td><td>${v}</td></tr>`;
    const body = `
      <div class="co">${esc(s.name)}<br><span class="sm">${esc(s.address.line1)} &middot; ${esc(s.address.city)}, ${s.address.state} ${s.address.zip}</span></div>
      <div class="t">Facsimile</div>
      <table class="kv">${L('To:', esc(doc.to_name) + (doc.to_org ? ' &mdash; ' + esc(doc.to_org) : ''))}${L('Fax:', fmtPhone(doc.to_fax))}${L('Phone:', doc.to_phone ? fmtPhone(doc.to_phone) : '')}${L('Re:', esc(doc.re))}${L('CC:', '[Click here and type name]')}</table>
      <table class="kv b2">${L('From:', esc(doc.from_person) + ', ' + esc(s.name))}${L('Pages:', `${doc.pages} (with cover)`)}${L('Date:', monthDY(doc.date_of_service))}</table>
      <div class="ck">${['Urgent', 'For Review', 'Please Comment', 'Please Reply', 'Please Recycle'].map((c) => `${ck(c === pick)} ${c}`).join(' &nbsp;&nbsp; ')}</div>
      <div class="cm">&bull; <b>Comments:</b> ${esc(doc.message)}</div>
      <div class="ft">Fax ${fmtPhone(s.fax)} &nbsp;|&nbsp; Tel ${fmtPhone(s.phone)} &nbsp;|&nbsp; This fax may contain confidential health information.</div>`;
    const css = baseCss(f, 11) + `
      .co{text-align:right;font-size:12pt}.sm{font-size:8.5pt}.t{font-size:44pt;margin:20pt 0 6pt 0;border-bottom:0.75px solid #000}
      table.kv{margin-top:10pt} table.kv td{padding:3pt 10pt 3pt 0} td.k{font-variant:small-caps;font-weight:bold;width:1in} table.b2{margin-top:14pt}
      .ck{margin:18pt 0;font-size:10pt;border-top:0.75px solid #000;border-bottom:0.75px solid #000;padding:5pt 0}.cm{min-height:170pt}.ft{font-size:8pt;text-align:center;border-top:0.5px solid #000;padding-top:3pt}`;
    return { css, body, margins: M(0.8, 0.7, 0.9, 0.9), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.m1 (reflab): Mayo Clinic Laboratories-style "FINAL REPORT" for a referring client: client/patient block as
// a label grid ("Name (Last, First):", "Patient ID:", "Birth Date: 04-Mar-1950", "Gender:", "Order #"), one
// section per ORDER with its own "Collected: 14-Mar-2024 08:15 CST  Received: …  Reported: …" line and a
// bracketed order code, columns Test / Result / Flag / Unit / Reference Value / Perform Site, flags spelled
// "HI" / "LO" / "ABNL", performing-site legend at the end.
const labM1 = {
  id: 'lab.m1', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Prairie Clinical Reference Laboratories', 'Great Lakes Medical Laboratories'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'full', rangeStyle: 'l' }, { H: 'HI', L: 'LO', A: 'ABNL' });
    const tz = rng.pick(['CST', 'CDT', 'EST']);
    const site = rng.pick(['PCRL', 'GLML', 'RST']);
    const secs = panels.map((P) => `<div class="keep"><div class="oh">${esc(P.name)} <span class="oc">[${P.key}]</span></div>
      <div class="ot">Collected: ${dMonY(doc.collected)} ${fmtTime(doc.collected, '24')} ${tz} &nbsp;&nbsp; Received: ${dMonY(doc.received)} ${fmtTime(doc.received, '24')} ${tz} &nbsp;&nbsp; Reported: ${dMonY(doc.reported)} ${fmtTime(doc.reported, '24')} ${tz}</div></div>
      <table class="res"><tbody>${P.rows.map((r) => `<tr><td class="tn">${esc(r.name)}</td><td class="v${r.flag ? ' b' : ''}">${esc(r.value)}</td><td class="fl">${esc(r.flagPrinted)}</td><td class="un">${esc(r.unit)}</td><td class="rg">${esc(r.range)}</td><td class="st">${site}</td></tr>`).join('')}</tbody></table>`).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = nameLF(p);
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Client Services ${fmtPhone(doc.facility.phone, 'one')}</div></td><td class="r"><div class="t">FINAL REPORT</div>${barcodeSvg(rng, 130, 20)}</td></tr></table>
      <table class="grid"><tr><td class="k">Name (Last, First):</td><td><b>${esc(nm)}</b></td><td class="k">Client:</td><td>${esc(doc.client.name)} (${doc.account})</td></tr>
      <tr><td class="k">Patient ID:</td><td>${esc(doc.mrn)}</td><td class="k">Ordering Provider:</td><td>${esc(provLF(doc.provider))}</td></tr>
      <tr><td class="k">Birth Date:</td><td>${dMonY(p.dob)}</td><td class="k">Order #:</td><td>${doc.accession}</td></tr>
      <tr><td class="k">Gender:</td><td>${p.sex === 'F' ? 'Female' : 'Male'}</td><td class="k">Report Status:</td><td>${esc(doc.status)}</td></tr></table>
      <table class="res"><thead><tr><th class="tn">Test</th><th class="v">Result</th><th class="fl">Flag</th><th class="un">Unit</th><th class="rg">Reference Value</th><th class="st">Perform Site</th></tr></thead></table>
      ${secs}
      <div class="keep lg"><b>Performing Site Legend:</b> ${site} &mdash; ${esc(doc.labName)}, ${esc(fmtAddr(doc.facility.address))}. Lab Director: ${esc(provName(doc.lab_director))}. CLIA# ${doc.clia}.<br>Flag legend: HI = above reference value, LO = below reference value, ABNL = abnormal.</div>`;
    const css = baseCss(f, 8.8) + `
      table.hd{width:100%;border-bottom:2.5px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.t{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}
      table.grid{width:100%;margin:6pt 0;font-size:8.5pt} table.grid td{padding:1pt 4pt 1pt 0} td.k{color:#333;width:16%;white-space:nowrap}
      table.res{width:100%;table-layout:fixed} table.res th{text-align:left;font-size:8pt;border-bottom:1px solid #000;padding:2pt} table.res td{padding:1pt 2pt}
      .tn{width:34%}.v{width:11%}.fl{width:7%}.un{width:12%}.rg{width:22%}.st{width:14%;font-size:7.5pt}
      .oh{font-weight:bold;font-size:9.5pt;margin-top:7pt;background:#e6e6e6;padding:1pt 3pt}.oc{font-weight:normal;font-size:7.5pt}.ot{font-size:7.5pt;margin:1pt 0 2pt 3pt}
      .lg{margin-top:10pt;font-size:7.3pt;border-top:1px solid #000;padding-top:3pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ID ${esc(doc.mrn)} &middot; Order # ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.labName } };
  },
};

// lab.m2 (hospital): hospital EHR "LAB SUMMARY" cumulative grid with the collection DATES AS COLUMNS and the
// CURRENT draw in the FIRST (leftmost) value column, older draws to its right (Allscripts Sunrise / Paragon
// "Results Review" manner): column heads "2024/03/14" over "08:15", flags as a symbol GLUED after the value
// ("184>" high, "3.2<" low, "POS*" abnormal), units and reference range AFTER the date columns, abbreviated test
// names, patient "TESTBURY, Harold J" with "DOB 1950/03/04 (74Y M)".
const labM2 = {
  id: 'lab.m2', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'abbr', rangeStyle: 'h' }, { H: '>', L: '<', A: '*' });
    const cur = doc.collected.slice(0, 10);
    const olds = [addDaysIso(cur, -rng.int(40, 150)), addDaysIso(cur, -rng.int(200, 420))];
    const oldT = olds.map(() => `${zpad(rng.int(5, 11))}:${zpad(rng.int(0, 59))}`);
    const head = `<tr><th class="tn">Test</th><th class="cu">${ymdSl(cur)}<br>${fmtTime(doc.collected, '24')}</th>${olds.map((d, i) => `<th class="od">${ymdSl(d)}<br>${oldT[i]}</th>`).join('')}<th>Units</th><th>Ref Range</th></tr>`;
    const rows = panels.map((P) => `<tr class="ph"><td colspan="${5 + olds.length - 1}">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="cu">${esc(r.value)}${esc(r.flagPrinted)}</td>${olds.map(() => `<td class="od">${rng.chance(0.75) ? esc(prevVal(rng, r)) : ''}</td>`).join('')}<td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = `${p.last.toUpperCase()}, ${p.first}${p.middle ? ' ' + p.middle[0] : ''}`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Laboratory Services &middot; ${esc(fmtAddr(doc.facility.address))}</div></td><td class="r t">LAB SUMMARY</td></tr></table>
      <div class="pt"><b>${esc(nm)}</b> &nbsp;&nbsp; DOB ${ymdSl(p.dob)} (${ageOn(p.dob, doc.collected)}Y ${p.sex}) &nbsp;&nbsp; MR# ${esc(doc.mrn)} &nbsp;&nbsp; Visit ${doc.account} &nbsp;&nbsp; Attending: ${esc(provLF(doc.provider))}</div>
      <div class="sm2">Results from ${ymdSl(olds[1])} through ${ymdSl(cur)} &middot; most recent collection in the first column (shaded) &middot; Acc ${doc.accession} &middot; Status ${esc(doc.status)}</div>
      <table class="g"><thead>${head}</thead><tbody>${rows}</tbody></table>
      <div class="keep lg">Key: &gt; above reference range, &lt; below reference range, * abnormal. Verified by ${doc.techId}. ${esc(doc.facility.name)} Laboratory, CLIA ${doc.clia}, Medical Director ${esc(provName(doc.lab_director))}.</div>`;
    const css = baseCss(f, 9.2) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:15pt;font-weight:bold}.sm{font-size:7.5pt}
      .pt{margin:5pt 0 2pt 0;font-size:9.5pt}.sm2{font-size:7.5pt;margin-bottom:4pt}
      table.g{width:100%;border-collapse:collapse} table.g th{font-size:8pt;text-align:left;border-bottom:1.5px solid #000;padding:2pt 3pt;vertical-align:bottom} table.g td{padding:1pt 3pt;border-bottom:0.3px solid #ccc}
      .tn{width:30%} .cu{background:#e2e2e2;font-weight:bold;width:11%} .od{color:#333;width:11%} tr.ph td{font-weight:bold;padding-top:5pt;border-bottom:1px solid #000;background:#fff}.lg{margin-top:8pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; MR# ${esc(doc.mrn)} &middot; LAB SUMMARY`, `Printed ${ymdSl(doc.reported)} ${fmtTime(doc.reported, '24')} &middot; ${PN}`);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.facility.name } };
  },
};

// lab.m3 (clinic): VA "My HealtheVet" BLUE BUTTON text report (the plain-text download printed by the patient and
// faxed in by the clinic), monospace: a banner of "=" rules, "MY HEALTHEVET PERSONAL INFORMATION REPORT",
// "Name: HAROLD J TESTBURY" (given name first, capitals), "Date of Birth: 03/04/1950", then per panel a
// "Lab Test:" record with "Date/Time Collected: Mar 14, 2024@0815", "Specimen:", "Ordering Provider:",
// "Performing Lab:", a dashed header Lab Test / Result / Units / Flag / Ref Range (FLAG AFTER UNITS, "H"/"L"/"A").
const labM3 = {
  id: 'lab.m3', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['VA Regional Laboratory Service', 'Community Outpatient Clinic Laboratory'],
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'lis', rangeStyle: 'lis' }, { H: 'H', L: 'L', A: 'A' });
    const nm = `${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''} ${p.last.toUpperCase()}`;
    const eq = '='.repeat(78); const dash = '-'.repeat(78);
    const recs = panels.map((P) => {
      const nw = Math.max(22, ...P.rows.map((r) => r.name.length + 1));
      const lines = [
        dash,
        `Lab Test:              ${P.name.toUpperCase()}`,
        `Lab Type:              ${P.rows.some((r) => r.gt.specimen === 'urine') ? 'Urinalysis' : 'Chemistry/Hematology'}`,
        `Date/Time Collected:   ${vista(doc.collected)}`,
        `Specimen:              ${P.rows.some((r) => r.gt.specimen === 'urine') ? 'URINE' : 'SERUM'}`,
        `Ordering Provider:     ${provLF(doc.provider, true)}`,
        `Performing Lab:        ${doc.performingLab.toUpperCase()}`,
        '',
        `${pad('Lab Test', nw)} ${pad('Result', 10)} ${pad('Units', 12)} ${pad('Flag', 5)} Ref Range`,
        `${pad('--------', nw)} ${pad('------', 10)} ${pad('-----', 12)} ${pad('----', 5)} ---------`,
        ...P.rows.map((r) => `${pad(r.name, nw)} ${pad(r.value, 10)} ${pad(r.unit, 12)} ${pad(r.flagPrinted, 5)} ${r.range}`),
        '',
      ];
      return `<pre class="keep">${esc(lines.join('\n'))}</pre>`;
    }).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const top = [eq, '             MY HEALTHEVET PERSONAL INFORMATION REPORT', '                  Blue Button Report - LABS AND TESTS', eq,
      `Name:           ${nm}`, `Date of Birth:  ${fmtDate(p.dob, 'us')}`, `Report Date:    ${fmtDate(doc.reported, 'us')}`,
      `Date Range:     ${fmtDate(addDaysIso(doc.collected.slice(0, 10), -365), 'us')} to ${fmtDate(doc.reported, 'us')}`, eq, '', 'LABS AND TESTS', '',
      'Source: VA. Chemistry/Hematology results are available 3 days after they have been verified.', ''].join('\n');
    const body = `<div class="cl">Faxed by ${esc(doc.facility.name)} &middot; ${fmtPhone(doc.facility.phone)} &middot; patient-provided record, chart ${esc(doc.mrn)}</div><pre>${esc(top)}</pre>${recs}<pre>${esc(`${eq}\n                           END OF LABS AND TESTS\n${eq}`)}</pre>`;
    const css = baseCss(f, 8.4) + `pre{font-family:'${f}';font-size:8.4pt;margin:0;white-space:pre;line-height:1.25}.cl{font-family:'FreeSans';font-size:7.5pt;margin-bottom:4pt;border-bottom:0.5px solid #000}`;
    const footer = pageFooter(f, `${esc(nm)}  DOB ${fmtDate(p.dob, 'us')}`, `Blue Button &middot; ${PN}`);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.5), fonts: [f, 'FreeSans'], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.performingLab } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.m1: HOSPICE "LIVE DISCHARGE SUMMARY" (patient leaves hospice alive: revoked / no longer terminally ill
// / transferred), hospice EMR (Axxess / HCHB manner): identification grid with "Date of Election: 10-Mar-2024"
// (admission) and "Date of Live Discharge: 14-Mar-2024", "Reason for discharge" tick list, "Terminal diagnosis"
// (principal) and "Related / comorbid diagnoses" as "I10 · description", IDG summary, a medication profile
// Drug / Dose / Route / Frequency / Hospice covered (Y/N) / Status (New, Changed, Continue, D/C), transfer info.
const dsM1 = {
  id: 'discharge.m1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = nameLF(p);
    const stat = { Continue: 'Continue', Stop: 'D/C', New: 'New', Changed: 'Changed' };
    const reason = rng.pick(['Patient revoked the hospice benefit', 'No longer terminally ill (condition stabilized)', 'Transferred to another hospice']);
    const principal = doc.diagnoses.find((d) => d.principal) || doc.diagnoses[0];
    const others = doc.diagnoses.filter((d) => d !== principal);
    const meds = doc.medications.map((m) => `<tr><td>${esc(m.name)} ${esc(m.strength)}</td><td>${esc(m.form)}</td><td>${esc(m.sig)}</td><td class="c">${esc(m.frequency)}</td><td class="c">${rng.chance(0.4) ? 'Y' : 'N'}</td><td class="c">${stat[m.status] || esc(m.status)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)} Hospice &amp; Palliative Care</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Ph ${fmtPhone(doc.facility.phone, 'dot')} &middot; Fax ${fmtPhone(doc.facility.fax, 'dot')}</div></td><td class="r t">Live Discharge Summary</td></tr></table>
      <table class="g"><tr><td><span class="c">Patient</span><br><b>${esc(nm)}</b></td><td><span class="c">DOB</span><br>${dMonY(p.dob)}</td><td><span class="c">Hospice MR#</span><br>${esc(doc.mrn)}</td><td><span class="c">Benefit period</span><br>${rng.int(1, 3)}</td></tr>
      <tr><td><span class="c">Date of Election</span><br>${dMonY(doc.admit_date)}</td><td><span class="c">Date of Live Discharge</span><br><b>${dMonY(doc.discharge_date)}</b></td><td colspan="2"><span class="c">Attending / Hospice physician</span><br>${esc(provName(doc.provider))}</td></tr></table>
      <div class="h">Reason for discharge</div>
      <div>${['Patient revoked the hospice benefit', 'No longer terminally ill (condition stabilized)', 'Transferred to another hospice', 'Moved out of service area'].map((x) => `${x === reason ? '&#9745;' : '&#9744;'} ${x}`).join('<br>')}</div>
      <div class="h">Terminal diagnosis</div><div>${principal.code} &middot; ${esc(principal.description)}</div>
      ${others.length ? `<div class="h">Related / comorbid diagnoses</div>${others.map((d) => `<div>${d.code} &middot; ${esc(d.description)}</div>`).join('')}` : ''}
      <div class="h">IDG summary of care</div><p>${esc(doc.reason)}. ${esc(doc.hpi)} ${doc.course.map(esc).join(' ')}</p>
      ${doc.procedures.length ? `<p><b>Procedures:</b> ${doc.procedures.map(esc).join('; ')}</p>` : ''}
      <div class="h">Allergies</div><p>${allergyText(doc)}</p>
      <div class="h">Medication profile at discharge</div>
      <table class="mt"><thead><tr><th>Drug / strength</th><th>Form</th><th>Directions</th><th>Freq</th><th>Hospice covered</th><th>Status</th></tr></thead><tbody>${meds}</tbody></table>
      <div class="h">Transfer / follow-up</div><p>Discharged to: ${esc(doc.disposition)}. Condition: ${esc(doc.condition)}. ${doc.followup.map(esc).join('; ')}.${doc.pending.length ? ' Pending: ' + doc.pending.map(esc).join(', ') + '.' : ''}</p>
      <div class="keep sg">${signatureSvg(rng, 120, 28)}${esc(provName(doc.provider))}, Hospice Medical Director &middot; ${dMonY(doc.signed)}</div>`;
    const css = baseCss(f, 9.2) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.t{font-size:14pt;font-style:italic}.sm{font-size:7.5pt}
      table.g{width:100%;border-collapse:collapse;margin:6pt 0} table.g td{border:0.75px solid #000;padding:2pt 4pt;vertical-align:top}.c{font-size:7pt;color:#333}
      .h{font-weight:bold;font-size:9.8pt;margin:7pt 0 2pt 0;border-bottom:0.75px solid #000} p{margin:2pt 0}
      table.mt{width:100%;border-collapse:collapse} table.mt th{font-size:7.8pt;text-align:left;border-bottom:1px solid #000;padding:2pt} table.mt td{padding:1.5pt 2pt;border-bottom:0.3px solid #aaa;font-size:8.5pt} td.c{text-align:center}.sg{margin-top:12pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${dMonY(p.dob)} &middot; Live Discharge`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.m1: NextGen Enterprise "Office Visit" / progress note print: grey title bar with the practice, a
// patient line "Harold Testbury  DOB: 03/04/1950  Sex: M  Acct #", "Encounter Date: 2024/03/14", sections with
// run-in colon heads ("Chief Complaint:", "HPI:", "ROS:", "PE:", "Assessment/Plan:"), the VITAL SIGNS as a table
// with the UNITS IN THE COLUMN HEADS (Ht (in) / Wt (lb) / BMI (kg/m2) / BP (mmHg) / Pulse (bpm) / Resp (/min) /
// Temp (F) / O2 Sat (%)) and a "Time" column, medications table Medication / Sig / Status, ICD-10 codes first.
const ovM1 = {
  id: 'office_visit.m1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = nameFL(p);
    const tm = `${zpad(rng.int(8, 16))}:${zpad(rng.int(0, 59))}`;
    const body = `
      <div class="bar">${esc(doc.facility.name)} &nbsp;&middot;&nbsp; ${esc(fmtAddr(doc.facility.address))} &nbsp;&middot;&nbsp; ${fmtPhone(doc.facility.phone)}</div>
      <div class="pl"><b>${esc(nm)}</b> &nbsp;&nbsp; DOB: ${fmtDate(p.dob, 'us')} &nbsp;&nbsp; Sex: ${p.sex} &nbsp;&nbsp; Acct #: ${esc(doc.mrn)}</div>
      <div class="pl">Encounter Date: ${ymdSl(doc.date_of_service)} &nbsp;&nbsp; Provider: ${esc(provName(doc.provider))} &nbsp;&nbsp; Visit: ${esc(doc.visit_type)}</div>
      <div class="tt">Office Visit</div>
      <p><span class="k">Chief Complaint:</span> ${esc(doc.chief_complaint)}</p>
      <p><span class="k">HPI:</span> ${esc(doc.hpi)}</p>
      <p><span class="k">ROS:</span> ${doc.ros.map(([k, x]) => `${esc(k)} - ${esc(x)}`).join('; ')}</p>
      <div class="k">Vital Signs:</div>
      <table class="vt"><tr><th>Time</th><th>Ht (in)</th><th>Wt (lb)</th><th>BMI (kg/m2)</th><th>BP (mmHg)</th><th>Pulse (bpm)</th><th>Resp (/min)</th><th>Temp (F)</th><th>O2 Sat (%)</th></tr>
      <tr><td>${tm}</td><td>${v.ht_in}</td><td>${v.wt_lb}</td><td>${v.bmi}</td><td>${v.bp}</td><td>${v.hr}</td><td>${v.rr}</td><td>${v.temp}</td><td>${v.spo2}</td></tr></table>
      <p><span class="k">PE:</span> ${doc.exam.map(([k, x]) => `${esc(k)}: ${esc(x)}`).join('. ')}.</p>
      <div class="k">Medications:</div>
      ${doc.medications.length ? `<table class="mt"><tr><th>Medication</th><th>Sig</th><th>Status</th></tr>${doc.medications.map((m) => `<tr><td>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>${m.status === 'New' ? 'Prescribed today' : 'Taking'}</td></tr>`).join('')}</table>` : '<p>No active medications.</p>'}
      <p><span class="k">Allergies:</span> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</p>
      <div class="k">Assessment/Plan:</div>${doc.diagnoses.map((d, i) => `<div>${i + 1}. ${d.code} ${esc(d.description)}</div>`).join('')}
      ${doc.plan.map((x) => `<div class="pp">&middot; ${esc(x)}</div>`).join('')}
      ${doc.orders.length ? `<p><span class="k">Orders:</span> ${doc.orders.map(esc).join(', ')}</p>` : ''}
      <p><span class="k">Follow Up:</span> ${esc(doc.followup)}</p>
      <div class="keep sg">${signatureSvg(rng, 120, 28)}Electronically signed by ${esc(provName(doc.provider))} on ${ymdSl(doc.signed)} at ${fmtTime(doc.signed, '12')}</div>`;
    const css = baseCss(f, 9.3) + `
      .bar{background:#d6d6d6;padding:3pt 5pt;font-size:8.5pt;font-weight:bold}.pl{font-size:9pt;margin:2pt 0}.tt{font-size:14pt;font-weight:bold;margin:6pt 0 4pt 0;border-bottom:1px solid #000}
      .k{font-weight:bold;margin-top:4pt} p{margin:3pt 0}
      table.vt{border-collapse:collapse;margin:2pt 0 4pt 0} table.vt th,table.vt td{border:0.75px solid #000;padding:1.5pt 5pt;font-size:8.3pt;text-align:center} table.vt th{background:#eee}
      table.mt{width:100%;border-collapse:collapse} table.mt th{text-align:left;font-size:8.3pt;border-bottom:1px solid #000} table.mt td{font-size:8.8pt;padding:1pt 4pt 1pt 0}.pp{margin-left:10pt}.sg{margin-top:10pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${fmtDate(p.dob, 'us')} &middot; ${ymdSl(doc.date_of_service)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.m1: Allscripts Professional / Veradigm EHR "Medication List" print: patient strip
// black strip "TESTBURY, HAROLD J.  DOB: 04-Mar-1950  Male  Chart #  Printed: 14-Mar-2024" (day-month-year), sections
// "ACTIVE MEDICATIONS" and "INACTIVE / DISCONTINUED MEDICATIONS", columns Medication / SIG / Qty-Refills /
// Last Rx'd / Prescriber (LAST, FIRST), name in bold with strength and form, drug-allergy section first.
const mlM1 = {
  id: 'medication_list.m1', set: SET, type: 'medication_list', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] + '.' : ''}`;
    const row = (m) => `<tr><td><b>${esc(m.name)}</b> ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>#${rng.pick([30, 60, 90])} / ${rng.int(0, 5)}</td><td>${dMonY(m.start)}</td><td>${esc(provLF(m.prescriber || doc.provider, true))}</td></tr>`;
    const act = doc.medications.filter((m) => m.status === 'Active' || m.status === 'New' || m.status === 'Continue' || m.status === 'Changed');
    const ina = doc.medications.filter((m) => !act.includes(m));
    const hd = '<tr><th style="width:33%">Medication</th><th>SIG</th><th>Qty / Refills</th><th>Last Rx\'d</th><th>Prescriber</th></tr>';
    const body = `
      <table class="hd"><tr><td class="fn">${esc(doc.facility.name)}</td><td class="r sm">${esc(fmtAddr(doc.facility.address))}<br>${fmtPhone(doc.facility.phone, 'dash')}</td></tr></table>
      <div class="ps">${esc(nm)} &nbsp;&nbsp; DOB: ${dMonY(p.dob)} &nbsp;&nbsp; ${p.sex === 'F' ? 'Female' : 'Male'} &nbsp;&nbsp; Chart #: ${esc(doc.mrn)} &nbsp;&nbsp; Printed: ${dMonY(doc.date_of_service)}</div>
      <div class="t">Medication List</div>
      <div class="sh">DRUG ALLERGIES</div><div class="al">${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance.toUpperCase())} &mdash; ${esc(a.reaction)}`).join('<br>') : 'NO KNOWN DRUG ALLERGIES'}</div>
      <div class="sh">ACTIVE MEDICATIONS</div>
      <table class="ml">${hd}${act.map(row).join('') || '<tr><td colspan="5">None</td></tr>'}</table>
      ${ina.length ? `<div class="sh">INACTIVE / DISCONTINUED MEDICATIONS</div><table class="ml">${hd}${ina.map(row).join('')}</table>` : ''}
      <p class="sm" style="margin-top:10pt">Reviewed with patient by ${esc(provName(doc.provider))} on ${dMonY(doc.date_of_service)}.</p>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:1px solid #000} .fn{font-size:13pt;font-weight:bold}.sm{font-size:7.8pt}
      .ps{background:#000;color:#fff;padding:3pt 5pt;margin:5pt 0;font-weight:bold}.t{font-size:15pt;margin:4pt 0}
      .sh{font-weight:bold;font-size:9pt;margin-top:8pt;border-bottom:2px solid #000;letter-spacing:0}.al{padding:3pt 0}
      table.ml{width:100%;border-collapse:collapse} table.ml th{text-align:left;font-size:8pt;padding:2pt;border-bottom:0.75px solid #000} table.ml td{padding:2pt;vertical-align:top;border-bottom:0.3px solid #aaa}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${dMonY(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION RECORD =======================
// immunization.m1: state IIS (CAIR2 / ALERT IIS) "Immunization Record" print with DOSE-NUMBER COLUMNS: one row per
// vaccine group, columns "Dose 1" … "Dose 5", each cell the date given ("2024-03-14" in ISO) with the CVX code and
// trade name in small type under it (no lot / site printed); patient header "Patient: Harold J. Testbury",
// "Birth Date: March 4, 1950", "IIS ID", a note about doses reported by other providers.
const imM1 = {
  id: 'immunization.m1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = nameFML(p);
    const groups = new Map();
    for (const s of doc.immunizations) { const g = s.short || s.vaccine; if (!groups.has(g)) groups.set(g, []); groups.get(g).push(s); }
    const ND = Math.max(4, ...[...groups.values()].map((a) => a.length));
    const rows = [...groups.entries()].map(([g, list]) => {
      const sorted = [...list].sort((a, b) => a.date.localeCompare(b.date));
      const cells = Array.from({ length: ND }, (_, i) => sorted[i] ? `<td>${sorted[i].date}<div class="sm">CVX ${sorted[i].cvx} &middot; ${esc(sorted[i].trade_name)} (${esc(sorted[i].mvx)})</div></td>` : '<td></td>').join('');
      return `<tr><td class="g">${esc(g)}</td>${cells}</tr>`;
    }).join('');
    const state = rng.pick(['California Immunization Registry (CAIR2)', 'ALERT Immunization Information System', 'Statewide Immunization Information System']);
    // dose numbers in the gt follow the faxgen content; vaccine_printed is the group label printed in the row
    const gt = doc.immunizations.map((s) => ({ vaccine: s.vaccine, vaccine_printed: s.short || s.vaccine, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: null, site: null }));
    const body = `
      <div class="st">${esc(state)}</div><div class="t">Immunization Record</div>
      <table class="pt"><tr><td>Patient: <b>${esc(nm)}</b></td><td>Birth Date: ${monthDY(p.dob)}</td><td>Gender: ${p.sex}</td></tr>
      <tr><td>IIS ID: ${doc.registry_id}</td><td>Provider Chart #: ${esc(doc.mrn)}</td><td>Printed: ${monthDY(doc.date_of_service)}</td></tr></table>
      <table class="im"><thead><tr><th class="g">Vaccine</th>${Array.from({ length: ND }, (_, i) => `<th>Dose ${i + 1}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>
      <p class="nt">Dates are shown as year-month-day. Doses may have been reported by other providers. Printed by ${esc(doc.facility.name)}, ${esc(fmtAddr(doc.facility.address))}, ${fmtPhone(doc.facility.phone)}.</p>`;
    const css = baseCss(f, 9) + `
      .st{font-size:9.5pt;text-align:center}.t{font-size:17pt;font-weight:bold;text-align:center;margin:2pt 0 8pt 0}
      table.pt{width:100%;border:1.5px solid #000;margin-bottom:8pt} table.pt td{padding:3pt 5pt}
      table.im{width:100%;border-collapse:collapse} table.im th,table.im td{border:0.75px solid #000;padding:2pt 3pt;vertical-align:top;font-size:8.5pt;text-align:left} table.im th{background:#ddd}
      td.g{font-weight:bold;width:18%}.sm{font-size:6.6pt}.nt{font-size:7.5pt;margin-top:8pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${monthDY(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.6, 0.6, 0.5, 0.5), fonts: [f], gt: { name_printed: nm, immunizations: gt } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.m1: academic-centre MRI-style report (used for every modality) with a TECHNIQUE/PROTOCOL BLOCK as a
// small table (Scanner / Sequences or views / Contrast) and a separate COMPARISON line, header as a one-row boxed
// strip "Patient: Testbury, Harold | Sex/Age: M/74 | DOB 1950/03/04 | MRN | Acc", "EXAMINATION:" with CPT in
// parentheses, "Date of exam: March 14, 2024", "CLINICAL INFORMATION:", FINDINGS in paragraphs, IMPRESSION
// bulleted with "•", attestation "I have personally reviewed the images".
const radM1 = {
  id: 'radiology.m1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last}, ${p.first}`;
    const scanner = { MR: 'Siemens 3T Skyra', CT: 'GE Revolution 256-slice', US: 'Philips EPIQ 7', XR: 'Carestream DRX', MG: 'Hologic 3Dimensions', DXA: 'Hologic Horizon A' }[doc.modality] || 'n/a';
    const body = `
      <div class="fn">${esc(doc.facility.name)} &mdash; Department of Radiology</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Reading room ${fmtPhone(doc.facility.phone)}</div>
      <table class="strip"><tr><td>Patient: <b>${esc(nm)}</b></td><td>Sex/Age: ${p.sex}/${ageOn(p.dob, doc.exam_datetime)}</td><td>DOB ${ymdSl(p.dob)}</td><td>MRN ${esc(doc.mrn)}</td><td>Acc ${doc.accession}</td></tr></table>
      <p><b>EXAMINATION:</b> ${esc(doc.exam)} (CPT ${doc.cpt})</p>
      <p><b>Date of exam:</b> ${monthDY(doc.exam_datetime)} ${fmtTime(doc.exam_datetime, '12n')} &nbsp;&nbsp; <b>Referring:</b> ${esc(provName(doc.provider))}</p>
      <p><b>CLINICAL INFORMATION:</b> ${esc(doc.indication)}</p>
      <table class="tq"><tr><th colspan="2">TECHNIQUE / PROTOCOL</th></tr><tr><td>Scanner</td><td>${scanner}</td></tr><tr><td>Acquisition</td><td>${esc(doc.technique)}</td></tr><tr><td>Contrast</td><td>${/contrast/i.test(doc.technique) && !/without/i.test(doc.technique) ? 'As per protocol' : 'None'}</td></tr></table>
      <p><b>COMPARISON:</b> ${esc(doc.comparison)}</p>
      <p><b>FINDINGS:</b></p>${doc.findings.map((x) => `<p class="fd">${esc(x)}</p>`).join('')}
      <p><b>IMPRESSION:</b></p>${doc.impression.map((x) => `<p class="im">&bull; ${esc(x)}</p>`).join('')}
      <div class="keep sg">I have personally reviewed the images and agree with the report above.<br>${signatureSvg(rng, 120, 28)}${esc(provName(doc.radiologist))} &nbsp;&middot;&nbsp; Finalized ${monthDY(doc.signed)} ${fmtTime(doc.signed, '12n')}</div>`;
    const css = baseCss(f, 10) + `
      .fn{font-size:13pt;font-weight:bold}.sm{font-size:8pt}
      table.strip{width:100%;border:1.5px solid #000;margin:8pt 0} table.strip td{padding:3pt 5pt;font-size:9pt;border-right:0.5px solid #000}
      table.tq{border-collapse:collapse;margin:4pt 0 6pt 0;font-size:9pt;width:80%} table.tq th{text-align:left;background:#e5e5e5;border:0.75px solid #000;padding:2pt 4pt} table.tq td{border:0.75px solid #000;padding:2pt 4pt}
      p{margin:3pt 0}.fd{margin-left:8pt}.im{margin-left:8pt;font-weight:bold}.sg{margin-top:12pt;font-size:9pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; MRN ${esc(doc.mrn)} &middot; Acc ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.m1: PCMH "CLOSED-LOOP REFERRAL FORM" (NCQA medical-home referral tracking sheet): top grid
// "Referral Date 2024/03/14" / "Referral type ☒ Consult only ☐ Consult & treat ☐ Transfer of care" / "Priority",
// side-by-side "REFERRED BY" and "REFERRED TO" boxes, "PATIENT" box with "Name (First Last): Harold Testbury",
// "DOB: 04-Mar-1950" day-month-year, "Clinical question for the specialist", problems "(I10) Essential…",
// medications with abbreviated sigs, "Prior authorization #", and a bottom "TO BE COMPLETED BY SPECIALIST" part.
const refM1 = {
  id: 'referral.m1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const to = doc.to_provider;
    const nm = nameFL(p);
    const u = String(doc.urgency || '').toLowerCase();
    const bx = (on) => (on ? '&#9746;' : '&#9744;');
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Referral coordinator ${fmtPhone(doc.facility.phone, 'dot')} &middot; Fax ${fmtPhone(doc.facility.fax, 'dot')}</div>
      <div class="t">Closed-Loop Referral Form</div>
      <table class="g"><tr><td><span class="c">Referral Date</span><br>${ymdSl(doc.date_of_service)}</td><td><span class="c">Referral type</span><br>${bx(true)} Consult only ${bx(false)} Consult &amp; treat ${bx(false)} Transfer of care</td><td><span class="c">Priority</span><br>${esc(doc.urgency)}${/stat|urgent/.test(u) ? ' &mdash; please schedule within 72 h' : ''}</td></tr></table>
      <table class="two"><tr><td><div class="bh">REFERRED BY</div>${esc(provName(doc.provider))}<br>${esc(doc.facility.name)}<br>Ph ${fmtPhone(doc.facility.phone, 'dot')}</td>
      <td><div class="bh">REFERRED TO</div>${esc(doc.specialty)}: ${esc(provName(to))}<br>${esc(doc.to_facility.name)}<br>${esc(fmtAddr(doc.to_facility.address))}</td></tr></table>
      <table class="g"><tr><td colspan="3"><div class="bh">PATIENT</div>Name (First Last): <b>${esc(nm)}</b> &nbsp;&nbsp; DOB: ${dMonY(p.dob)} &nbsp;&nbsp; Sex: ${p.sex} &nbsp;&nbsp; Chart: ${esc(doc.mrn)}<br>Prior authorization #: ${doc.auth_number ? esc(doc.auth_number) : 'not required'}${doc.visits_authorized ? ` (${doc.visits_authorized} visits)` : ''}</td></tr></table>
      <div class="h">Clinical question for the specialist</div><p>${esc(doc.reason)}.</p>
      <div class="h">Pertinent problems</div>${doc.diagnoses.map((d) => `<div>(${d.code}) ${esc(d.description)}</div>`).join('')}
      <div class="h">Current medications</div><p>${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join('<br>') : 'None'}</p>
      <div class="h">Allergies</div><p>${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</p>
      <div class="h">Enclosed</div><p>${doc.enclosures.map(esc).join(', ')}</p>
      <div class="sp keep"><div class="bh">TO BE COMPLETED BY SPECIALIST AND FAXED BACK</div>Date seen: ____________ &nbsp; Findings / recommendations: ______________________________________________<br>____________________________________________________________________________<br>Follow-up with specialist? ${bx(false)} Yes ${bx(false)} No &nbsp;&nbsp; Signature: ______________________</div>`;
    const css = baseCss(f, 9.3) + `
      .fn{font-size:13pt;font-weight:bold}.sm{font-size:7.8pt}.t{font-size:15pt;font-weight:bold;margin:6pt 0;border-bottom:2px solid #000}
      table.g,table.two{width:100%;border-collapse:collapse;margin:4pt 0} table.g td,table.two td{border:0.75px solid #000;padding:3pt 4pt;vertical-align:top} table.two td{width:50%}.c{font-size:7pt;color:#333}.bh{font-weight:bold;font-size:8pt;margin-bottom:2pt}
      .h{font-weight:bold;margin-top:6pt;font-size:9.5pt} p{margin:2pt 0}.sp{margin-top:12pt;border:1.5px dashed #000;padding:5pt;line-height:1.8}`;
    return { css, body, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.m1 (payer): MEDIGAP / Medicare-supplement CROSSOVER EOB (claim received automatically from Medicare):
// "Medicare Supplement Explanation of Benefits", "Insured: HAROLD J TESTBURY" (given name first, capitals),
// "Date of Birth: 1950/03/04", "Medicare Claim (ICN)", "Date Processed: March 21, 2024", line table with
// money columns in a payer order: Svc Date (14-Mar-2024) / Proc / Description / Charges / Approved / Not Approved
// / Part B Deductible / Copay / Coinsurance / Plan Paid / Member Owes, totals row, remark text.
const billM1 = {
  id: 'billing.m1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const nm = `${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''} ${p.last.toUpperCase()}`;
    const icn = `${rng.digits(13)}`;
    const rows = doc.lines.map((l) => `<tr><td>${dMonY(l.date)}</td><td>${l.cpt}</td><td>${esc(l.description)}</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.allowed)}</td><td class="r">${money(l.not_covered)}</td><td class="r">${money(l.deductible)}</td><td class="r">${money(l.copay)}</td><td class="r">${money(l.coinsurance)}</td><td class="r">${money(l.paid)}</td><td class="r b">${money(l.patient_resp)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.payer)}</div><div class="sm">Medicare Supplement Plan ${rng.pick(['F', 'G', 'N'])} &middot; ${esc(doc.plan_name)}</div></td><td class="r"><div class="t">Medicare Supplement<br>Explanation of Benefits</div><div class="sm">THIS IS NOT A BILL</div></td></tr></table>
      <table class="id"><tr><td>Insured: <b>${esc(nm)}</b></td><td>Date of Birth: ${ymdSl(p.dob)}</td><td>Member ID: ${doc.member_id}</td></tr>
      <tr><td>Provider: ${esc(provName(doc.provider))}</td><td>Claim #: ${doc.claim_number}</td><td>Medicare Claim (ICN): ${icn}</td></tr>
      <tr><td>Group: ${doc.group}</td><td>Date Processed: ${monthDY(doc.processed)}</td><td>Claim received from Medicare (crossover)</td></tr></table>
      <table class="cl"><thead><tr><th>Svc Date</th><th>Proc</th><th>Description</th><th>Charges</th><th>Approved</th><th>Not Approved</th><th>Part B Deductible</th><th>Copay</th><th>Coinsurance</th><th>Plan Paid</th><th>Member Owes</th></tr></thead>
      <tbody>${rows}<tr class="tot"><td colspan="3">Totals</td><td class="r">${money(t.billed)}</td><td class="r">${money(t.allowed)}</td><td class="r">${money(t.not_covered)}</td><td class="r">${money(t.deductible)}</td><td class="r">${money(t.copay)}</td><td class="r">${money(t.coinsurance)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.patient_resp)}</td></tr></tbody></table>
      <div class="ow">Amount you may owe the provider: <b>${money(t.patient_resp)}</b></div>
      <p class="sm">Remarks: MA01 &mdash; Medicare approved the amounts shown; this plan paid its share after Medicare. Keep this notice with your Medicare Summary Notice. Questions: ${fmtPhone(doc.facility.phone, 'one')}.</p>`;
    const css = baseCss(f, 8.8) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.t{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}
      table.id{width:100%;margin:6pt 0} table.id td{padding:1.5pt 4pt 1.5pt 0}
      table.cl{width:100%;border-collapse:collapse} table.cl th{font-size:7pt;border-top:1px solid #000;border-bottom:1px solid #000;padding:2pt;text-align:left;vertical-align:bottom} table.cl td{font-size:7.8pt;padding:2pt;border-bottom:0.3px solid #aaa;vertical-align:top} td.r{text-align:right} tr.tot td{font-weight:bold;border-top:1px solid #000}
      .ow{margin:8pt 0;font-size:10pt}`;
    return { css, body, margins: M(0.55, 0.6, 0.5, 0.5), fonts: [f], gt: { name_printed: nm, billing: { kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: t.patient_resp } } };
  },
};

export default [coverM1, coverM2, labM1, labM2, labM3, dsM1, ovM1, mlM1, imM1, radM1, refM1, billM1];
