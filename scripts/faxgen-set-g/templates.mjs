// faxgen template set 'set-g': another stand-in for faxgen's held-out template set, written in session 22
// WITHOUT looking at the extraction/structuring rules (nothing under src/ was opened) and independent of set-a and
// of every earlier stand-in (set-h .. set-z). Theme: SMALL AND RURAL PRACTICES, COMMUNITY AND PUBLIC-HEALTH SOURCES:
// federally qualified health centres and family practices printing from small EHRs, county health departments
// (school immunization certificates, TB-test boxes), a critical-access hospital's small lab, CLIA-waived
// point-of-care results written into a clinic note, physical-therapy / behavioral-health / chiropractic letters
// to the PCP with the patient named only in a "RE:" line, Medicaid managed-care member notices, sliding-fee
// statements, hand-filled forms in a script face. Birth dates printed as "DOB", "D.O.B.", "Birthdate", "Born" or
// only as age + sex; dates in words ("March 3, 2025", "Mar. 3, 2025") and two-digit years. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-g/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-g ...
// faxgen's helpers are imported from $FAXGEN_DIR or, by default, ../shared/faxgen beside the repo.
// Every template keeps set-a's ground-truth (`gt`) contract: names, values, units and flags exactly as printed.
// See README.md here: this set MEASURES generalization; do not tune extraction rules to its layouts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAXGEN = fs.realpathSync(process.env.FAXGEN_DIR ? path.resolve(process.env.FAXGEN_DIR) : path.resolve(here, '../../../shared/faxgen'));
const lib = (p) => import(pathToFileURL(path.join(FAXGEN, 'lib', p)).href);
const { baseCss, labPanels, signatureSvg, logoSvg, medGt, esc } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, phoneDigits, provName, fmtAddr, money, parseIso, ageOn, pad: zpad } = await lib('util.mjs');

const SET = 'set-g';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// URW Gothic / DejaVu Sans (sans), P052 / FreeSerif (serif), FreeMono / Noto Sans Mono (mono), DejaVu Sans Condensed
// (narrow), Z003 (handwriting on pre-printed forms). Fax header: FreeMono, DejaVu Sans Condensed, URW Gothic.
export const fonts = {
  [SET]: {
    sans: ['URW Gothic', 'DejaVu Sans'],
    serif: ['P052', 'FreeSerif'],
    mono: ['FreeMono', 'Noto Sans Mono'],
    narrow: ['DejaVu Sans Condensed'],
    script: ['Z003'],
    tti: ['FreeMono', 'DejaVu Sans Condensed', 'URW Gothic'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DOW = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const dp = (iso) => { const d = parseIso(iso); return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), w: d.getUTCDay() }; };
const yy = (y) => String(y).slice(2);
/** March 14, 2025 */
const longDate = (iso) => { const x = dp(iso); return `${MONTH[x.m]} ${x.d}, ${x.y}`; };
/** Mar. 14, 2025 (AP style: May/June/July unabbreviated, Sept.) */
const apDate = (iso) => { const x = dp(iso); const m = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'][x.m]; return `${m} ${x.d}, ${x.y}`; };
/** 3/14/25 */
const mdyNo2 = (iso) => { const x = dp(iso); return `${x.m + 1}/${x.d}/${yy(x.y)}`; };
/** 3-14-25 */
const mdyDash2 = (iso) => { const x = dp(iso); return `${x.m + 1}-${x.d}-${yy(x.y)}`; };
/** 03/14/25 */
const mdy2 = (iso) => fmtDate(iso, 'us-short');
/** 03/14/2025 */
const mdy4 = (iso) => fmtDate(iso, 'us');
/** 3/4/1950 */
const mdyNo4 = (iso) => fmtDate(iso, 'us-nopad');
/** 14 March 2025 */
const dMonthY = (iso) => { const x = dp(iso); return `${x.d} ${MONTH[x.m]} ${x.y}`; };
const t12 = (iso) => fmtTime(iso, '12n');
const addDaysIso = (iso, n) => { const d = parseIso(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };
const sexWord = (s) => (s === 'F' ? 'Female' : 'Male');
const ageSex = (p, on) => `${ageOn(p.dob, on)} y/o ${p.sex === 'F' ? 'female' : 'male'}`;

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // RingCentral-style cloud fax labelled fields: "From: 2175550146  To: 2175550199  Date: 3/14/25  Time: 10:32:07 AM  Page: 2 of 5"
    (t) => { const h = Number(t.dt.slice(11, 13)); const h12 = ((h + 11) % 12) + 1; return [`From: ${phoneDigits(t.fax)}`, `To: ${phoneDigits(t.toFax)}`, `Date: ${mdyNo2(t.dt)}`, `Time: ${h12}:${t.dt.slice(14, 16)}:${zpad(t.sec)} ${h < 12 ? 'AM' : 'PM'}`, `Page: ${t.page} of ${t.total}`]; },
    // old Brother / plain-paper desk fax: "** 2/5 **  SENDER  2175550146  3-14-25 10:32A" (page counter first, date last)
    (t) => { const h = Number(t.dt.slice(11, 13)); const h12 = ((h + 11) % 12) + 1; return [`** ${t.page}/${t.total} **`, t.sender.toUpperCase().slice(0, 24), phoneDigits(t.fax), `${mdyDash2(t.dt)} ${h12}:${t.dt.slice(14, 16)}${h < 12 ? 'A' : 'P'}`]; },
    // practice EHR e-fax module, long date in words: "March 14, 2025 10:32 AM   From Sender (217-555-0146)   Page 2"
    (t) => [`${longDate(t.dt)} ${t12(t.dt)}`, `From ${t.sender.slice(0, 30)} (${fmtPhone(t.fax, 'dash')})`, `Page ${t.page}`],
  ],
};

// ---------------------------------------------------------------- helpers
function panelsWith(doc, opts, spell) {
  const panels = labPanels(doc, { ...opts, flagStyle: 'HL' });
  for (const P of panels) for (const r of P.rows) { r.flagPrinted = r.flag ? spell[r.flag] : ''; r.gt.flag_printed = r.flagPrinted || null; }
  return panels;
}
const labGt = (panels) => panels.flatMap((P) => P.rows.map((r) => r.gt));
const pageFooter = (f, left, right, pad = 0.6, size = 7.5) => `<div style="font-family:'${f}';font-size:${size}pt;box-sizing:border-box;width:100%;padding:0 ${pad}in;display:flex;justify-content:space-between"><span>${left}</span><span>${right}</span></div>`;
const PN = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
const radGt = (doc) => ({ exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads });
const immGt = (s, printed, lot = true, site = true) => ({ vaccine: s.vaccine, vaccine_printed: printed, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: lot ? s.lot : null, site: site ? s.site : null });
const fullName = (p) => `${p.first}${p.middle ? ' ' + p.middle[0] + '.' : ''} ${p.last}`;
const lastFirst = (p) => `${p.last}, ${p.first}${p.middle ? ' ' + p.middle[0] : ''}`;
const title = (p) => (p.sex === 'F' ? 'Ms.' : 'Mr.');
const drName = (pr) => (/MD|DO/.test(pr.cred) ? `Dr. ${pr.last}` : `${pr.first} ${pr.last}, ${pr.cred}`);
const COUNTY = ['Harlan', 'Ozark', 'Crockett', 'Pocahontas', 'Grundy', 'Marion', 'Benton', 'Clay', 'Wayne'];
const FQHC = ['Community Health Center', 'Rural Health Clinic', 'Family Health Services', 'Community Care Clinic'];

// ======================= FAX COVER SHEETS =======================
// cover.g1: COUNTY HEALTH DEPARTMENT pre-printed fax form filled in BY HAND: seal, department name and divisions
// (Public Health Nursing, WIC, Environmental Health), ruled write-in lines TO / FAX / FROM / DATE / # PAGES
// (INCLUDING COVER) / RE: with the entries in a script face, "March 3, 2025" written out, tick boxes
// (Urgent / For your records / Please call), HIPAA notice.
const coverG1 = {
  id: 'cover.g1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const hf = 'Z003'; const s = doc.from_facility; const rng = env.rng;
    const county = rng.pick(COUNTY);
    const ln = (cap, val) => `<tr><td class="cp">${cap}</td><td class="wl"><span class="hw">${val}</span></td></tr>`;
    const bx = (on, label) => `<span class="bx">${on ? '&#10007;' : '&nbsp;'}</span> ${label}`;
    const body = `
      <table class="hd"><tr><td style="width:70pt">${logoSvg(rng, 'star', 58)}</td><td><div class="dn">${county.toUpperCase()} COUNTY HEALTH DEPARTMENT</div>
      <div class="dv">Public Health Nursing &middot; WIC &middot; Environmental Health &middot; Vital Records</div><div class="dv">${esc(fmtAddr(s.address))} &middot; Phone ${fmtPhone(s.phone, 'dash')} &middot; Fax ${fmtPhone(s.fax, 'dash')}</div></td></tr></table>
      <div class="t">FAX TRANSMITTAL</div>
      <table class="fm">${ln('TO:', esc(doc.to_name))}${ln('AGENCY / OFFICE:', esc(doc.to_org || ''))}${ln('FAX NUMBER:', fmtPhone(doc.to_fax, 'paren'))}${ln('FROM:', esc(doc.from_person))}
      ${ln('DATE:', longDate(doc.datetime))}${ln('# PAGES (INCLUDING COVER):', String(doc.pages))}${ln('RE:', esc(doc.re))}</table>
      <div class="ck">${bx(doc.urgent, 'Urgent')} &nbsp;&nbsp; ${bx(!doc.urgent, 'For your records')} &nbsp;&nbsp; ${bx(false, 'Please call')} &nbsp;&nbsp; ${bx(false, 'Please reply')}</div>
      <div class="cp">COMMENTS:</div><div class="cm hw">${esc(doc.message)}</div>
      <div class="hp"><b>CONFIDENTIALITY NOTICE:</b> This facsimile contains protected health information from a public health agency. It is intended only for the person or office named above. Re-disclosure without the patient's written authorization is prohibited except as permitted by state and federal law. If you received this in error, please call ${fmtPhone(s.phone)} and destroy all copies.</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd td{vertical-align:middle}.dn{font-size:15pt;font-weight:bold}.dv{font-size:8pt}
      .t{font-size:20pt;font-weight:bold;letter-spacing:3pt;text-align:center;margin:16pt 0 10pt 0;border-top:3px solid #000;border-bottom:1px solid #000;padding:3pt}
      table.fm{width:100%} table.fm td{padding:7pt 4pt 1pt 0;vertical-align:bottom} td.cp,.cp{font-size:8.5pt;font-weight:bold;white-space:nowrap;width:1%} td.wl{border-bottom:0.75pt solid #000}
      .hw{font-family:'${hf}';font-size:15pt;line-height:1.05}.ck{margin:14pt 0 8pt 0}.bx{display:inline-block;width:10pt;height:10pt;border:1px solid #000;text-align:center;line-height:9pt;font-family:'${hf}';font-size:11pt}
      .cm{min-height:1.8in;border:0.75pt solid #000;padding:5pt;margin-top:2pt}.hp{margin-top:16pt;font-size:7.5pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f, hf] };
  },
};

// cover.g2: FQHC small-EHR ("eClinicalWorks / Practice Fusion"-like) automatic e-fax cover: a plain key/value list
// with bold labels and no box, "Sent: Fri 3/14/25 10:32 AM", "Pages (incl. this page): 5", "Subject:", a grey
// "Message" band, sliding-fee / FQHC tagline at the foot.
const coverG2 = {
  id: 'cover.g2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'narrow'); const s = doc.from_facility; const x = dp(doc.datetime);
    const kv = (k, v) => `<tr><td class="k">${k}</td><td>${v}</td></tr>`;
    const body = `
      <div class="top"><span class="fn">${esc(s.name)}</span><span class="sv">Fax Cover Page</span></div>
      <table class="kv">${kv('Recipient:', esc(doc.to_name))}${kv('Organization:', esc(doc.to_org || '&mdash;'))}${kv('Recipient fax:', fmtPhone(doc.to_fax, 'dash'))}
      ${kv('Sender:', esc(doc.from_person))}${kv('Sender fax:', fmtPhone(s.fax, 'dash'))}${kv('Sender phone:', fmtPhone(s.phone, 'dash'))}
      ${kv('Sent:', `${DOW[x.w]} ${mdyNo2(doc.datetime)} ${t12(doc.datetime)}`)}${kv('Pages (incl. this page):', doc.pages)}${kv('Priority:', doc.urgent ? '<b>URGENT</b>' : 'Normal')}${kv('Subject:', esc(doc.re))}</table>
      <div class="band">Message</div><p>${esc(doc.message)}</p>
      <div class="ft">${esc(s.name)} is a Federally Qualified Health Center. Sliding-fee discounts are available to all patients. ${esc(fmtAddr(s.address))}.<br>
      This fax may contain protected health information (PHI). If you are not the intended recipient, do not read, copy or forward it; notify the sender and delete it.</div>`;
    const css = baseCss(f, 10) + `
      .top{display:flex;justify-content:space-between;align-items:baseline;border-bottom:1px solid #555;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sv{font-size:10pt;color:#333}
      table.kv{margin:14pt 0} table.kv td{padding:2.5pt 10pt 2.5pt 0;vertical-align:top} td.k{font-weight:bold;white-space:nowrap}
      .band{background:#ddd;padding:2pt 5pt;font-weight:bold;margin-top:6pt} p{margin:6pt 0 0 0;min-height:1.6in}.ft{margin-top:30pt;font-size:7.5pt;color:#222}`;
    return { css, body, margins: M(0.7, 0.6, 0.8, 0.8), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.g1 (hospital): CRITICAL-ACCESS HOSPITAL small laboratory "LABORATORY REPORT" (25-bed hospital, Evident /
// Healthland-like): a boxed demographics grid "Patient: Testbury, Harold J" / "D.O.B. 03/04/1950" / "Age/Sex: 74 Y / M"
// / "Room: OP" / "Collected: 03/14/25 0815" (two-digit year), then per panel a ruled table TEST / RESULT / ABN /
// UNITS / NORMAL RANGE with the abnormal flag spelled "HI" / "LO" / "ABN" and abnormal results in bold.
const labG1 = {
  id: 'lab.g1', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'abbr', rangeStyle: 'h' }, { H: 'HI', L: 'LO', A: 'ABN' });
    const nm = lastFirst(p);
    const coll = `${mdy2(doc.collected)} ${fmtTime(doc.collected, '24c')}`;
    const tbl = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>` + P.rows.map((r) => `<tr${r.flag ? ' class="ab"' : ''}><td>${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td class="c">${esc(r.flagPrinted)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>`).join('')).join('');
    const body = `
      <div class="hd"><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Laboratory Services &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)} &middot; CLIA ${doc.clia}</div></div>
      <div class="t">LABORATORY REPORT</div>
      <table class="demo"><tr><td><span class="k">Patient:</span> <b>${esc(nm)}</b></td><td><span class="k">D.O.B.</span> ${mdy4(p.dob)}</td><td><span class="k">Age/Sex:</span> ${ageOn(p.dob, doc.collected)} Y / ${p.sex}</td><td><span class="k">Room:</span> ${rng.pick(['OP', 'ER', 'SWING', 'OBS'])}</td></tr>
      <tr><td><span class="k">Med Rec #:</span> ${esc(doc.mrn)}</td><td><span class="k">Acct #:</span> ${doc.account}</td><td colspan="2"><span class="k">Ordering:</span> ${esc(provName(doc.provider))}</td></tr>
      <tr><td><span class="k">Collected:</span> ${coll}</td><td><span class="k">Received:</span> ${mdy2(doc.received)} ${fmtTime(doc.received, '24c')}</td><td colspan="2"><span class="k">Reported:</span> ${mdy2(doc.reported)} ${fmtTime(doc.reported, '24c')} &nbsp; ${esc(doc.status.toUpperCase())}</td></tr></table>
      <table class="res"><thead><tr><th style="width:38%">TEST</th><th>RESULT</th><th>ABN</th><th>UNITS</th><th>NORMAL RANGE</th></tr></thead><tbody>${tbl}</tbody></table>
      <div class="keep lg">HI = above normal range &nbsp; LO = below normal range &nbsp; ABN = abnormal. Specimens referred out are reported separately. Laboratory Medical Director: ${esc(provName(doc.lab_director))}.</div>`;
    const css = baseCss(f, 9) + `
      .fn{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}.t{text-align:center;font-weight:bold;font-size:12pt;margin:6pt 0 4pt 0;letter-spacing:1pt}
      table.demo{width:100%;border:1.2pt solid #000;margin-bottom:6pt} table.demo td{padding:1.5pt 5pt;border:0.5pt solid #888}.k{font-size:7.5pt;color:#222}
      table.res{width:100%} table.res th{text-align:left;border-top:1.2pt solid #000;border-bottom:1.2pt solid #000;padding:2pt 3pt;font-size:8pt} table.res td{padding:1.2pt 3pt;border-bottom:0.3pt solid #bbb}
      tr.ph td{font-weight:bold;font-style:italic;padding-top:5pt;border-bottom:none} tr.ab td{font-weight:bold}.lg{margin-top:8pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; MR# ${esc(doc.mrn)} &middot; Printed ${mdy2(doc.reported)}`, PN, 0.6);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: labGt(panels), name_printed: nm, performing_lab: doc.facility.name } };
  },
};

// lab.g2 (clinic): CLIA-WAIVED POINT-OF-CARE RESULTS WRITTEN INTO A CLINIC NOTE (rural health clinic EHR "Lab
// Results - In House" encounter print): note banner "Harold Testbury  |  74 y/o male  |  Birthdate 3/4/1950", "Date of
// service: March 14, 2025", a short reason / performed-by paragraph, then ONE LINE PER TEST as free text:
// "Glucose: 184 mg/dL (normal 65-99) Hi" with flags "Hi" / "Lo" / "Abn", unitless rows "pH: 6.0 (normal 5.0-8.0)".
const labG2 = {
  id: 'lab.g2', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['In-Office Laboratory (CLIA Waived)', 'Clinic Point-of-Care Lab'],
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'abbr', rangeStyle: 'h' }, { H: 'Hi', L: 'Lo', A: 'Abn' });
    const nm = fullName(p);
    const ma = `${rng.pick(['Brandi', 'Kayla', 'Dusty', 'Tonya', 'Misty'])} ${rng.pick(['Samplers', 'Mockley', 'Testman', 'Fauxley'])}, ${rng.pick(['CMA', 'LPN', 'MA'])}`;
    const line = (r) => `<li>${esc(r.name)}: <b>${esc(r.value)}</b>${r.unit ? ' ' + esc(r.unit) : ''}${r.range ? ` (normal ${esc(r.range)})` : ''}${r.flag ? ` <b>${esc(r.flagPrinted)}</b>` : ''}</li>`;
    const body = `
      <div class="bn"><b>${esc(nm)}</b> &nbsp;|&nbsp; ${ageSex(p, doc.collected)} &nbsp;|&nbsp; Birthdate ${mdyNo4(p.dob)} &nbsp;|&nbsp; Acct ${esc(doc.mrn)}</div>
      <div class="fac">${esc(doc.facility.name)} &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dot')}</div>
      <h2>Lab Results &ndash; In House</h2>
      <p><b>Date of service:</b> ${longDate(doc.collected)} &nbsp; <b>Time:</b> ${t12(doc.collected)} &nbsp; <b>Provider:</b> ${esc(provName(doc.provider))}</p>
      <p>Specimen collected in clinic and tested on site with CLIA-waived methods (CLIA ${doc.clia}). Performed by ${esc(ma)}. ${doc.fasting === 'Y' ? 'Patient reports fasting.' : ''}</p>
      ${panels.map((P) => `<div class="pn">${esc(P.name)}</div><ul>${P.rows.map(line).join('')}</ul>`).join('')}
      <p class="keep">Results reviewed with patient. Flags: Hi = above normal, Lo = below normal, Abn = abnormal.</p>
      <div class="keep sg">${signatureSvg(rng, 120, 28)}Electronically signed by ${esc(provName(doc.provider))} on ${mdyNo2(doc.reported)} at ${t12(doc.reported)}</div>`;
    const css = baseCss(f, 10) + `
      .bn{border:1px solid #000;padding:3pt 6pt;font-size:10pt}.fac{font-size:8pt;margin:2pt 0 8pt 0}
      h2{font-size:13pt;margin:6pt 0 4pt 0;border-bottom:1px solid #000} p{margin:3pt 0 5pt 0}
      .pn{font-weight:bold;text-decoration:underline;margin-top:6pt} ul{margin:2pt 0 2pt 0;padding-left:18pt} li{margin:0.5pt 0}.sg{margin-top:12pt;font-size:9pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Birthdate ${mdyNo4(p.dob)}`, PN, 0.7);
    return { css, body, footer, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f], gt: { lab_results: labGt(panels), name_printed: nm, performing_lab: doc.performingLab } };
  },
};

// lab.g3 (reflab): REGIONAL REFERENCE LAB serving rural clinics by courier: UNITS PRINTED INSIDE THE TEST-NAME CELL
// ("Glucose (mg/dL)"), then RESULT with the flag glued after the value ("184 H"), then REFERENCE, and a
// "PREVIOUS" column left blank; ledger rules every third row; header "Patient Name  TESTBURY, HAROLD", "DOB: 03/04/50"
// (two-digit year), "Date Collected: Mar. 14, 2025  8:15 AM", "Client: <clinic>".
const labG3 = {
  id: 'lab.g3', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Tri-State Courier Laboratories', 'Big Sky Regional Lab', 'Delta Valley Reference Laboratory'],
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'full', rangeStyle: 'h' }, { H: 'H', L: 'L', A: 'A' });
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}`;
    let k = 0;
    const rows = panels.map((P) => `<tr class="ph"><td colspan="4">${esc(P.name.toUpperCase())}</td></tr>` + P.rows.map((r) => `<tr class="${++k % 3 === 0 ? 'rl' : ''}"><td>${esc(r.name)}${r.unit ? ` (${esc(r.unit)})` : ''}</td><td class="v">${esc(r.value)}${r.flag ? ` <b>${esc(r.flagPrinted)}</b>` : ''}</td><td>${esc(r.range)}</td><td class="pv"></td></tr>`).join('')).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Client Services ${fmtPhone(doc.facility.phone, 'dash')} &middot; CLIA ${doc.clia}</div></td>
      <td class="r"><div class="rt">FINAL REPORT</div><div class="sm">Accession ${doc.accession}</div></td></tr></table>
      <table class="id"><tr><td>Patient Name</td><td><b>${esc(nm)}</b></td><td>DOB: ${mdy2(p.dob)}</td><td>Sex: ${p.sex}</td></tr>
      <tr><td>Client</td><td>${esc(doc.client ? doc.client.name : doc.facility.name)}</td><td colspan="2">Physician: ${esc(doc.provider.last.toUpperCase())}, ${esc(doc.provider.first.toUpperCase())}</td></tr>
      <tr><td>Date Collected</td><td>${apDate(doc.collected)} &nbsp;${t12(doc.collected)}</td><td colspan="2">Date Reported: ${apDate(doc.reported)}</td></tr></table>
      <table class="res"><thead><tr><th style="width:44%">TEST (UNITS)</th><th>RESULT</th><th>REFERENCE</th><th>PREVIOUS</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep lg">H = high, L = low, A = abnormal. Courier pick-up Mon&ndash;Fri. Director: ${esc(provName(doc.lab_director))}.</div>`;
    const css = baseCss(f, 8.8) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}.rt{font-size:12pt;font-weight:bold}
      table.id{width:100%;margin:5pt 0 6pt 0} table.id td{padding:1pt 6pt 1pt 0}
      table.res{width:100%} table.res th{text-align:left;font-size:7.8pt;border-bottom:1pt solid #000;padding:2pt 3pt} table.res td{padding:1pt 3pt}
      tr.rl td{border-bottom:0.4pt solid #777} tr.ph td{font-weight:bold;padding-top:5pt} td.pv{width:14%}.lg{margin-top:8pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${mdy2(p.dob)} &middot; ${doc.accession}`, PN, 0.55);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { lab_results: labGt(panels), name_printed: nm, performing_lab: doc.labName } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.g1: CRITICAL-ACCESS / COMMUNITY HOSPITAL "DISCHARGE SUMMARY AND PATIENT INSTRUCTIONS" (one document both
// for the PCP and the patient): serif, "Patient: Harold J. Testbury   Born: March 4, 1950", "Admitted: 3/10/25",
// "Discharged: 3/14/25" (two-digit years), plain-language heads ("Why you were in the hospital", "What we found"),
// a medication table "Medicine | How to take it | What to do" (Keep taking / NEW - start / CHANGED / STOP taking),
// "Your follow-up appointments", physician summary paragraph with the coded diagnoses.
const dsG1 = {
  id: 'discharge.g1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const nm = fullName(p);
    const what = { New: 'NEW &ndash; start taking', Changed: 'CHANGED &ndash; new dose', Continue: 'Keep taking', Stop: 'STOP taking' };
    const meds = doc.medications.map((m) => `<tr><td><b>${esc(m.name)} ${esc(m.strength)}</b> ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>${what[m.status] || 'Keep taking'}</td></tr>`).join('');
    const body = `
      <div class="lh"><div class="fn">${esc(doc.facility.name)}</div><div class="sm">A Critical Access Hospital &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></div>
      <div class="t">Discharge Summary and Patient Instructions</div>
      <table class="demo"><tr><td><b>Patient:</b> ${esc(nm)}</td><td><b>Born:</b> ${longDate(p.dob)}</td><td><b>Sex:</b> ${sexWord(p.sex)}</td></tr>
      <tr><td><b>Admitted:</b> ${mdyNo2(doc.admit_date)}</td><td><b>Discharged:</b> ${mdyNo2(doc.discharge_date)}</td><td><b>Med Rec #:</b> ${esc(doc.mrn)}</td></tr>
      <tr><td colspan="2"><b>Hospitalist:</b> ${esc(provName(doc.provider))}</td><td><b>Primary care:</b> ${esc(provName(doc.pcp))}</td></tr></table>
      <h3>Why you were in the hospital</h3><p>${esc(doc.reason.charAt(0).toUpperCase() + doc.reason.slice(1))}. ${esc(doc.hpi)}</p>
      <h3>What we found and what we did</h3>${doc.course.map((c) => `<p>${esc(c)}</p>`).join('')}${doc.procedures.length ? `<p>Procedures: ${doc.procedures.map(esc).join('; ')}.</p>` : ''}
      <h3>Your diagnoses</h3><ol>${doc.diagnoses.map((d) => `<li>${esc(d.description)} &ndash; ${d.code}${d.principal ? ' (principal)' : ''}</li>`).join('')}</ol>
      <h3>Your medicines</h3><table class="med"><thead><tr><th style="width:38%">Medicine</th><th>How to take it</th><th style="width:20%">What to do</th></tr></thead><tbody>${meds}</tbody></table>
      <h3>Allergies</h3><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join('; ') : 'No known drug allergies'}</p>
      <h3>Diet and activity</h3><p>Diet: ${esc(doc.diet)}. Activity: ${esc(doc.activity)}. Condition when you left: ${esc(doc.condition)}. You are going: ${esc(doc.disposition)}.</p>
      <h3>Your follow-up appointments</h3><ul>${doc.followup.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>
      ${doc.pending.length ? `<p><b>Tests still pending:</b> ${esc(doc.pending.join(', '))}. We will call you with these results.</p>` : ''}
      <div class="keep sg">${signatureSvg(rng, 130, 30)}${esc(provName(doc.provider))} &middot; signed ${apDate(doc.signed)} ${t12(doc.signed)}<br><span class="sm">Patient / caregiver signature ______________________ &nbsp; Nurse ______________ &nbsp; cc: ${esc(provName(doc.pcp))}</span></div>`;
    const css = baseCss(f, 10) + `
      .lh{text-align:center}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.8pt}
      .t{font-size:13pt;font-weight:bold;text-align:center;margin:6pt 0;padding:3pt;border:1.5pt solid #000}
      table.demo{width:100%;margin-bottom:4pt} table.demo td{padding:1.5pt 4pt 1.5pt 0}
      h3{font-size:11pt;margin:8pt 0 2pt 0;border-bottom:0.6pt solid #000} p{margin:2pt 0 3pt 0} ol,ul{margin:2pt 0;padding-left:20pt}
      table.med{width:100%} table.med th{text-align:left;border-bottom:1pt solid #000;font-size:9pt} table.med td{padding:2pt 4pt 2pt 0;border-bottom:0.4pt solid #999;vertical-align:top}.sg{margin-top:12pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Discharged ${mdyNo2(doc.discharge_date)}`, PN, 0.75);
    return { css, body, footer, margins: M(0.6, 0.6, 0.75, 0.75), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.g1: FQHC PROGRESS NOTE from a small EHR: banner "TESTBURY, HAROLD J (74 y.o. M)" with NO birth date in
// the banner (only in the page footer as "Born 03/04/1950"), "Encounter: Fri 03/14/2025 10:15 AM — Office Visit",
// sliding-fee / payer line, a VITALS strip in one row of cells, Subjective / Objective / Assessment & Plan with
// ICD-10 in brackets "[I10]", PHQ-2 / SDOH screening lines, meds list, "Signed by".
const ovG1 = {
  id: 'office_visit.g1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const x = dp(doc.date_of_service);
    const vt = [['BP', v.bp], ['Pulse', v.hr], ['Temp', `${v.temp} &deg;F`], ['Resp', v.rr], ['SpO2', `${v.spo2}%`], ['Ht', `${v.ht_in} in`], ['Wt', `${v.wt_lb} lb`], ['BMI', v.bmi]];
    const body = `
      <table class="bn"><tr><td><b>${esc(nm)}</b> (${ageOn(p.dob, doc.date_of_service)} y.o. ${p.sex})</td><td class="r">Chart # ${esc(doc.mrn)}</td></tr>
      <tr><td>Encounter: ${DOW[x.w]} ${mdy4(doc.date_of_service)} ${rng.int(8, 11)}:${rng.pick(['00', '15', '30', '45'])} AM &mdash; ${esc(doc.visit_type)}</td><td class="r">${esc(doc.facility.name)}</td></tr>
      <tr><td>Provider: ${esc(provName(doc.provider))}</td><td class="r">Payer: ${rng.pick(['Medicaid MCO', 'Sliding fee - Level B', 'Medicare', 'Self pay - sliding fee'])}</td></tr></table>
      <div class="vt">${vt.map(([k, val]) => `<span><i>${k}</i> ${val}</span>`).join('')}</div>
      <h4>Subjective</h4><p><b>CC:</b> ${esc(doc.chief_complaint)}</p><p>${esc(doc.hpi)}</p>
      <p><b>ROS:</b> ${doc.ros.map(([k, t]) => `${esc(k)} &ndash; ${esc(t)}`).join(' ')}</p>
      <p><b>Current meds:</b> ${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join('; ') : 'none'}. <b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}.</p>
      <p><b>Screening:</b> PHQ-2 score ${rng.int(0, 2)} (negative). Food insecurity: ${rng.pick(['no', 'no', 'yes - referred to food pantry'])}. Transportation barrier: ${rng.pick(['no', 'yes - county van info given'])}. Tobacco: ${rng.pick(['never', 'former', 'current, counseled'])}.</p>
      <h4>Objective</h4>${doc.exam.map(([k, t]) => `<p><b>${esc(k)}:</b> ${esc(t)}</p>`).join('')}
      <h4>Assessment &amp; Plan</h4><ol>${doc.diagnoses.map((d) => `<li>${esc(d.description)} [${d.code}]</li>`).join('')}</ol>
      <ul>${doc.plan.map((t) => `<li>${esc(t)}</li>`).join('')}</ul><p>Return in ${esc(doc.followup)}.</p>
      <div class="keep sg">Signed by ${esc(provName(doc.provider))} on ${mdy4(doc.signed)} ${t12(doc.signed)}</div>`;
    const css = baseCss(f, 9) + `
      table.bn{width:100%;border:1pt solid #000;background:#eee} table.bn td{padding:1.5pt 5pt}
      .vt{display:flex;flex-wrap:wrap;gap:0;margin:5pt 0;border:0.75pt solid #000} .vt span{flex:1;padding:2pt 4pt;border-right:0.5pt solid #000;white-space:nowrap}
      h4{font-size:10pt;margin:7pt 0 2pt 0;background:#ddd;padding:1pt 3pt} p{margin:1pt 0 3pt 0} ol,ul{margin:1pt 0;padding-left:18pt}.sg{margin-top:10pt;font-style:italic}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Born ${mdy4(p.dob)} &middot; ${mdy4(doc.date_of_service)}`, PN, 0.6);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// office_visit.g2: PHYSICAL-THERAPY / BEHAVIORAL-HEALTH / CHIROPRACTIC PROGRESS LETTER to the referring PCP, typed
// on letterhead: date in words ("March 14, 2025"), inside address, the PATIENT NAMED ONLY IN THE "RE:" LINE
// ("RE: Harold Testbury   D.O.B. 3/4/50   Date of visit: 03/14/25"), then prose ("I saw Mr. Testbury today ..."),
// objective measures in a sentence (vitals inside), assessment with ICD-10 codes after the words, plan, "Sincerely".
const ovG2 = {
  id: 'office_visit.g2', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'mono'])); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const kind = rng.pick([
      ['Physical Therapy', 'PT, DPT', 'Plan of care: 2x/week for 6 weeks, therapeutic exercise (97110), manual therapy (97140), home exercise program.'],
      ['Behavioral Health', 'LCSW', 'PHQ-9 today 8 (mild); GAD-7 6. Continue weekly CBT sessions; safety plan reviewed; no SI/HI.'],
      ['Chiropractic', 'DC', 'Chiropractic manipulative treatment (98941) three regions; ice at home; re-evaluate in 4 visits.'],
    ]);
    const nm = `${p.first} ${p.last}`;
    const th = { first: rng.pick(['Carla', 'Wade', 'Lorene', 'Travis']), last: rng.pick(['Mockridge', 'Samplewood', 'Testerman', 'Fauxbury']) };
    const pcp = doc.provider;
    const body = `
      <div class="lh"><b>${esc(doc.facility.place || '')} ${kind[0]} Services</b><br>${esc(fmtAddr(doc.facility.address))}<br>Phone ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)}</div>
      <p>${longDate(doc.date_of_service)}</p>
      <p>${esc(provName(pcp))}<br>${esc(doc.facility.name)}<br>${esc(doc.facility.address.city)}, ${esc(doc.facility.address.state)}</p>
      <p class="re"><b>RE:</b> ${esc(nm)} &nbsp;&nbsp; <b>D.O.B.</b> ${mdyNo2(p.dob)} &nbsp;&nbsp; <b>Date of visit:</b> ${mdy2(doc.date_of_service)}</p>
      <p>Dear ${esc(drName(pcp))}:</p>
      <p>Thank you for referring ${title(p)} ${esc(p.last)}, who was seen in our office today for ${esc(doc.chief_complaint.toLowerCase())}. ${esc(doc.hpi)}</p>
      <p>Current medications as reported: ${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join(', ') : 'none'}. Allergies: ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'none known'}.</p>
      <p>On examination blood pressure was ${v.bp}, pulse ${v.hr}, respirations ${v.rr}, temperature ${v.temp}, oxygen saturation ${v.spo2}%, weight ${v.wt_lb} lb. ${doc.exam.slice(0, 3).map(([k, t]) => `${esc(k)}: ${esc(t)}`).join(' ')}</p>
      <p>Assessment: ${doc.diagnoses.map((d) => `${esc(d.description)} (${d.code})`).join('; ')}.</p>
      <p>${esc(kind[2])} ${doc.plan.map(esc).join(' ')}</p>
      <p>I will keep you informed of ${p.sex === 'F' ? 'her' : 'his'} progress. Please do not hesitate to call with any questions.</p>
      <p>Sincerely,</p>${signatureSvg(rng, 130, 30)}
      <p>${esc(th.first)} ${esc(th.last)}, ${kind[1]}<br>${kind[0]}</p>`;
    const css = baseCss(f, 10.5) + `.lh{text-align:center;margin-bottom:16pt;line-height:1.3} p{margin:0 0 9pt 0;line-height:1.3}.re{margin:12pt 0}`;
    return { css, body, margins: M(0.8, 0.8, 1.0, 1.0), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LISTS =======================
// medication_list.g1: FQHC "MY MEDICINE LIST / MEDICATION RECONCILIATION" form FILLED IN BY HAND at the front desk:
// pre-printed captions ("Name", "Birthdate", "Today's date", "Pharmacy"), the entries handwritten in a script face
// ("3/14/25"), table Medicine name / Strength / How do you take it? / Still taking? (Yes / No boxes ticked), a
// nurse-reviewed stamp line.
const mlG1 = {
  id: 'medication_list.g1', set: SET, type: 'medication_list', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const hf = 'Z003'; const p = doc.patient; const rng = env.rng;
    const nm = `${p.first} ${p.last}`;
    const bx = (on) => `<span class="bx">${on ? '&#10003;' : '&nbsp;'}</span>`;
    const rows = doc.medications.map((m) => { const on = (m.status || 'Active') === 'Active'; return `<tr><td class="hw">${esc(m.name)}</td><td class="hw">${esc(m.strength)}</td><td class="hw">${esc(m.sig)}</td><td class="c">${bx(on)} Yes &nbsp; ${bx(!on)} No</td></tr>`; }).join('');
    const body = `
      <div class="hd"><span class="fn">${esc(doc.facility.name)}</span><span class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</span></div>
      <div class="t">MY MEDICINE LIST</div><div class="st">Medication Reconciliation &mdash; please list every medicine, vitamin and inhaler you take</div>
      <table class="id"><tr><td class="cp">Name</td><td class="wl hw">${esc(nm)}</td><td class="cp">Birthdate</td><td class="wl hw">${mdyNo2(p.dob)}</td></tr>
      <tr><td class="cp">Today's date</td><td class="wl hw">${mdyNo2(doc.date_of_service)}</td><td class="cp">Pharmacy</td><td class="wl hw">${rng.pick(['Walmart', 'Main St Drug', 'CVS', 'Family Pharmacy'])}</td></tr>
      <tr><td class="cp">Allergies</td><td class="wl hw" colspan="3">${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'none'}</td></tr></table>
      <table class="ml"><thead><tr><th style="width:27%">Medicine name</th><th style="width:14%">Strength</th><th>How do you take it?</th><th style="width:19%">Still taking?</th></tr></thead><tbody>${rows}<tr><td>&nbsp;</td><td></td><td></td><td class="c">${bx(false)} Yes &nbsp; ${bx(false)} No</td></tr></tbody></table>
      <p class="sm">Bring this list to every visit. Chart # ${esc(doc.mrn)}. Reviewed with patient by: <span class="hw">${esc(provName(doc.provider))}</span></p>`;
    const css = baseCss(f, 9) + `
      .hd{display:flex;justify-content:space-between;align-items:baseline;border-bottom:1pt solid #000}.fn{font-weight:bold;font-size:11pt}.sm{font-size:7.5pt}
      .t{font-size:18pt;font-weight:bold;text-align:center;margin-top:10pt}.st{text-align:center;font-size:8.5pt;margin-bottom:8pt}
      table.id{width:100%} table.id td{padding:6pt 5pt 0 0;vertical-align:bottom} td.cp{font-size:8pt;font-weight:bold;white-space:nowrap;width:1%} td.wl{border-bottom:0.75pt solid #000}
      .hw{font-family:'${hf}';font-size:13pt;line-height:1.05}
      table.ml{width:100%;margin-top:10pt} table.ml th{border:1pt solid #000;background:#e4e4e4;font-size:8.5pt;padding:2pt} table.ml td{border:0.75pt solid #000;padding:3pt 4pt;height:22pt;vertical-align:middle}
      .bx{display:inline-block;width:9pt;height:9pt;border:1px solid #000;text-align:center;line-height:8pt;font-family:'${hf}';font-size:11pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.6, 0.6), fonts: [f, hf], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION RECORD =======================
// immunization.g1: COUNTY HEALTH DEPARTMENT "CERTIFICATE OF IMMUNIZATION" for school / child-care entry (or adult
// record): child / client name "Last  First  MI" boxes, "Date of Birth" as "05-11-07" (two-digit year), parent /
// guardian line, rows VACCINE / DATE GIVEN (MM-DD-YYYY) / DOSE / MFR & LOT / CLINIC grouped by vaccine with the dose
// as "1 of 3"; a separate TUBERCULIN SKIN TEST box (placed / read / induration / result) that is NOT an immunization;
// the nurse's certification with a date in words.
const imG1 = {
  id: 'immunization.g1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const county = rng.pick(COUNTY);
    const dashDate = (iso) => mdy4(iso).replace(/\//g, '-');
    const shots = [...doc.immunizations].sort((a, b) => (a.key === b.key ? (a.date < b.date ? -1 : 1) : a.short < b.short ? -1 : 1));
    const rows = shots.map((s) => `<tr><td>${esc(s.short)}</td><td>${dashDate(s.date)}</td><td class="c">${s.dose_number}</td><td>${esc(s.mvx)} ${esc(s.lot)}</td><td class="sm">${esc(county)} Co. HD</td></tr>`).join('');
    const placed = addDaysIso(doc.date_of_service, -rng.int(2, 300));
    const nm = `${p.last.toUpperCase()} ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const body = `
      <div class="hd">${logoSvg(rng, 'cross', 34)}<div><div class="dn">${county.toUpperCase()} COUNTY HEALTH DEPARTMENT</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Immunization Clinic ${fmtPhone(doc.facility.phone)}</div></div></div>
      <div class="t">CERTIFICATE OF IMMUNIZATION</div><div class="st">${p.age < 19 ? 'For school, child care and Head Start entry' : 'Official record of vaccinations'} &mdash; State Immunization Registry ID ${doc.registry_id}</div>
      <table class="nb"><tr><td><div class="cp">LAST</div>${esc(p.last.toUpperCase())}</td><td><div class="cp">FIRST</div>${esc(p.first.toUpperCase())}</td><td><div class="cp">MI</div>${esc(p.middle ? p.middle[0] : '')}</td><td><div class="cp">DATE OF BIRTH</div>${mdyDash2(p.dob).split('-').map((x) => zpad(Number(x))).join('-')}</td><td><div class="cp">SEX</div>${p.sex}</td></tr>
      <tr><td colspan="3"><div class="cp">PARENT / GUARDIAN</div>${p.age < 19 ? `${rng.pick(['Crystal', 'Shane', 'Amber', 'Cody'])} ${esc(p.last)}` : 'SELF'}</td><td colspan="2"><div class="cp">CLIENT #</div>${esc(doc.mrn)}</td></tr></table>
      <table class="im"><thead><tr><th style="width:30%">VACCINE</th><th>DATE GIVEN</th><th>DOSE #</th><th>MFR &amp; LOT</th><th>GIVEN AT</th></tr></thead><tbody>${rows}</tbody></table>
      <table class="tb keep"><tr><td colspan="4"><b>TUBERCULIN SKIN TEST (TST / PPD)</b> &mdash; not a vaccine; recorded for school / employment</td></tr>
      <tr><td>Placed: ${dashDate(placed)}</td><td>Read: ${dashDate(addDaysIso(placed, 2))}</td><td>Induration: 0 mm</td><td>Result: NEGATIVE</td></tr></table>
      <p class="cert keep">I certify that the above immunizations were administered or verified from official records. ${esc(provName(doc.provider))}, Public Health Nurse &middot; ${dMonthY(doc.date_of_service)}</p>`;
    const css = baseCss(f, 9) + `
      .hd{display:flex;gap:8pt;align-items:center}.dn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}
      .t{font-size:16pt;font-weight:bold;text-align:center;margin:8pt 0 0 0}.st{text-align:center;font-size:8pt;margin-bottom:6pt}
      table.nb{width:100%} table.nb td{border:1px solid #000;padding:1pt 4pt;font-size:10pt}.cp{font-size:6.5pt;font-weight:bold}
      table.im{width:100%;margin-top:6pt} table.im th{border:1.2pt solid #000;font-size:8pt;padding:2pt} table.im td{border:0.6pt solid #000;padding:1.5pt 4pt}
      table.tb{width:100%;margin-top:8pt;border:1.5pt solid #000} table.tb td{padding:2pt 4pt}.cert{margin-top:10pt;font-size:8.5pt}`;
    return { css, body, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, immunizations: doc.immunizations.map((s) => immGt(s, s.short, true, false)) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.g1: COMMUNITY HOSPITAL radiology report from a small RIS: centred letterhead, patient line with AGE AND
// SEX ("Testbury, Harold   74Y M") and the birth date printed further down as "Born 03-04-1950", "Date of Exam:
// March 14, 2025", "Ordering: ...", sections "INDICATION", "TECHNIQUE", "COMPARISON", "FINDINGS", "IMPRESSION"
// with impression numbered, teleradiology read-by line with a date in words.
const radG1 = {
  id: 'radiology.g1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const p = doc.patient; const rng = env.rng;
    const nm = lastFirst(p);
    const body = `
      <div class="lh"><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Department of Radiology &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></div>
      <table class="pt"><tr><td><b>${esc(nm)}</b> &nbsp; ${ageOn(p.dob, doc.exam_datetime)}Y ${p.sex}</td><td>MRN ${esc(doc.mrn)}</td><td>Acc ${doc.accession}</td></tr>
      <tr><td>Born ${mdy4(p.dob).replace(/\//g, '-')}</td><td colspan="2">Ordering: ${esc(provName(doc.provider))}</td></tr></table>
      <p><b>Date of Exam:</b> ${longDate(doc.exam_datetime)} ${t12(doc.exam_datetime)}</p>
      <p><b>EXAM:</b> ${esc(doc.exam)} &nbsp; CPT ${doc.cpt} &nbsp; (${esc(doc.modality)})</p>
      <p><b>INDICATION:</b> ${esc(doc.indication)}</p><p><b>TECHNIQUE:</b> ${esc(doc.technique)}</p><p><b>COMPARISON:</b> ${esc(doc.comparison)}</p>
      <p><b>FINDINGS:</b></p>${doc.findings.map((t) => `<p class="in">${esc(t)}</p>`).join('')}
      <p><b>IMPRESSION:</b></p>${doc.impression.map((t, i) => `<p class="in">${i + 1}. ${esc(t)}</p>`).join('')}
      ${doc.birads !== null && doc.birads !== undefined ? `<p>BI-RADS category ${doc.birads}.</p>` : ''}
      <p class="keep sg">Interpreted by ${esc(provName(doc.radiologist))} (${rng.pick(['teleradiology', 'on-site', 'contract reader'])}). Electronically signed ${longDate(doc.signed)} at ${t12(doc.signed)}.</p>`;
    const css = baseCss(f, 10) + `
      .lh{text-align:center;border-bottom:1.5pt solid #000;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:8pt}
      table.pt{width:100%;margin:6pt 0;border:0.75pt solid #000} table.pt td{padding:1.5pt 5pt} p{margin:3pt 0}.in{margin-left:0.25in}.sg{margin-top:14pt;font-size:9pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${esc(doc.exam)}`, PN, 0.7);
    return { css, body, footer, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.g1: FQHC EHR "OUTGOING REFERRAL" print (Medicaid managed-care member): referral # and status, two
// columns REFERRED BY / REFERRED TO, patient block "Testbury, Harold J   DOB 03/04/1950   Male   Medicaid ID",
// "Referral date: 03/14/2025", specialty, priority, reason, ICD-10 table (code | description), meds, visits
// requested, prior-authorization number line.
const refG1 = {
  id: 'referral.g1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const nm = lastFirst(p);
    const body = `
      <div class="hd"><span class="fn">${esc(doc.facility.name)}</span><span class="rt">OUTGOING REFERRAL</span></div>
      <div class="sm">Referral # R${rng.digits(7)} &middot; Status: Sent &middot; Referral date: ${mdy4(doc.date_of_service)}</div>
      <table class="two"><tr><td><div class="cap">REFERRED BY</div>${esc(provName(doc.provider))}<br>${esc(doc.facility.name)}<br>${esc(fmtAddr(doc.facility.address))}<br>Ph ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)}</td>
      <td><div class="cap">REFERRED TO</div>${esc(provName(to))}<br>${esc(doc.to_facility.name)}<br>${esc(fmtAddr(doc.to_facility.address))}<br>Ph ${fmtPhone(doc.to_facility.phone)}</td></tr></table>
      <table class="pt"><tr><td><span class="cap">PATIENT</span> ${esc(nm)}</td><td><span class="cap">DOB</span> ${mdy4(p.dob)}</td><td><span class="cap">SEX</span> ${sexWord(p.sex)}</td><td><span class="cap">MEDICAID ID</span> ${rng.letters(2)}${rng.digits(8)}</td></tr>
      <tr><td colspan="2"><span class="cap">PLAN</span> ${rng.pick(['Heartland Medicaid Managed Care', 'River Valley Community Plan (Medicaid)', 'Bluegrass CHIP'])}</td><td colspan="2"><span class="cap">PHONE</span> ${fmtPhone(p.phone || doc.facility.phone)}</td></tr></table>
      <table class="kv"><tr><td>Specialty</td><td>${esc(doc.specialty)}</td></tr><tr><td>Priority</td><td>${esc(doc.urgency)}</td></tr><tr><td>Reason</td><td>${esc(doc.reason)}</td></tr>
      <tr><td>Visits requested</td><td>${doc.visits_authorized || 1}</td></tr><tr><td>Prior auth #</td><td>${doc.auth_number ? esc(doc.auth_number) : 'Not required'}</td></tr></table>
      <div class="cap2">DIAGNOSES</div><table class="dx">${doc.diagnoses.map((d) => `<tr><td>${d.code}</td><td>${esc(d.description)}</td></tr>`).join('')}</table>
      <div class="cap2">ACTIVE MEDICATIONS</div><ul>${doc.medications.length ? doc.medications.map((m) => `<li>${esc(m.name)} ${esc(m.strength)} &ndash; ${esc(m.sig_abbrev)}</li>`).join('') : '<li>None</li>'}</ul>
      <div class="cap2">ALLERGIES</div><p>${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</p>
      <div class="cap2">ATTACHMENTS</div><p>${doc.enclosures.map(esc).join('; ')}</p>
      <p class="sg keep">Please fax consult notes to ${fmtPhone(doc.facility.fax)}. Transportation: ${rng.pick(['patient has own transportation', 'Medicaid non-emergency transport requested', 'needs transport - call patient'])}.</p>`;
    const css = baseCss(f, 9.2) + `
      .hd{display:flex;justify-content:space-between;border-bottom:2pt solid #000}.fn{font-size:13pt;font-weight:bold}.rt{font-size:13pt;font-weight:bold}.sm{font-size:8pt;margin:2pt 0 6pt 0}
      table.two{width:100%} table.two td{width:50%;vertical-align:top;border:0.75pt solid #000;padding:3pt 5pt}.cap{font-size:7pt;font-weight:bold;color:#333}
      table.pt{width:100%;margin:6pt 0;background:#eee} table.pt td{padding:2pt 5pt} table.kv td{padding:1.5pt 10pt 1.5pt 0;vertical-align:top} table.kv td:first-child{font-weight:bold;white-space:nowrap}
      .cap2{font-weight:bold;margin-top:7pt;border-bottom:0.6pt solid #000} table.dx td{padding:1pt 10pt 1pt 0} ul{margin:2pt 0;padding-left:16pt} p{margin:2pt 0}.sg{margin-top:10pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${mdy4(p.dob)}`, PN, 0.6);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.g1 (payer): MEDICAID MANAGED-CARE "MEMBER NOTICE OF CLAIM PAYMENT — THIS IS NOT A BILL" (Medicaid members
// usually owe $0): letter-style top with the member's name and address block, "Member: HAROLD TESTBURY", "Member ID",
// "Date of Notice: March 14, 2025", a sentence naming the service date in words, then the claim table Service Date
// (MM/DD/YY) / Service / Code / Billed / Plan Allowed / Plan Paid / You Owe, remark codes, appeal rights.
const billG1 = {
  id: 'billing.g1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const plan = `${doc.payer.replace(/ (Co\.|Inc\.)$/, '')} Medicaid`;
    const nm = `${p.first.toUpperCase()} ${p.last.toUpperCase()}`;
    const lines = doc.lines.map((l) => `<tr><td>${mdy2(l.date)}</td><td>${esc(l.description)}</td><td>${l.cpt}</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.allowed)}</td><td class="r">${money(l.paid)}</td><td class="r">${money(l.patient_resp)}</td><td class="c">${l.patient_resp > 0 ? 'PR1' : 'CO45'}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td>${logoSvg(rng, 'leaf', 36)}</td><td><div class="fn">${esc(plan)}</div><div class="sm">A Medicaid managed care plan &middot; Member Services 1-800-555-01${zpad(rng.int(0, 99))} (TTY 711)</div></td><td class="r nb"><b>MEMBER NOTICE OF CLAIM PAYMENT</b><br><span class="big">THIS IS NOT A BILL</span></td></tr></table>
      <table class="addr"><tr><td>${esc(nm)}<br>${esc(p.address ? p.address.line1.toUpperCase() : '')}<br>${esc(p.address ? `${p.address.city.toUpperCase()} ${p.address.state} ${p.address.zip}` : '')}</td>
      <td><table class="kv"><tr><td>Date of Notice:</td><td>${longDate(doc.processed)}</td></tr><tr><td>Member:</td><td>${esc(nm)}</td></tr><tr><td>Member ID:</td><td>${doc.member_id}</td></tr><tr><td>Claim #:</td><td>${doc.claim_number}</td></tr><tr><td>Provider:</td><td>${esc((doc.client || doc.facility).name)}</td></tr></table></td></tr></table>
      <p>We processed a claim from your provider for services you received on ${longDate(doc.date_of_service)}. The table below shows what your provider billed and what we paid. ${t.patient_resp > 0 ? 'Your share is shown in the You Owe column.' : 'You do not owe anything for these services.'}</p>
      <table class="cl"><thead><tr><th>Service Date</th><th>Service</th><th>Code</th><th>Billed</th><th>Plan Allowed</th><th>Plan Paid</th><th>You Owe</th><th>Remark</th></tr></thead><tbody>${lines}
      <tr class="tt"><td colspan="3">Totals</td><td class="r">${money(t.billed)}</td><td class="r">${money(t.allowed)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.patient_resp)}</td><td></td></tr></tbody></table>
      <p class="sm">CO45 &ndash; charges exceed the fee schedule; the provider may not bill you for this amount. PR1 &ndash; deductible / copay amount.</p>
      <p class="sm"><b>Your right to appeal:</b> If you disagree with this decision you may ask for an appeal within 60 days of the date of this notice. Call Member Services or write to the Appeals Unit. You may also ask for a State Fair Hearing. Language assistance is available free of charge.</p>`;
    const css = baseCss(f, 9.2) + `
      table.hd{width:100%;border-bottom:1.5pt solid #000} table.hd td{vertical-align:middle;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.6pt}.big{font-size:13pt;font-weight:bold}
      table.addr{width:100%;margin:12pt 0} table.addr td{vertical-align:top;width:50%} table.kv td{padding:0.5pt 8pt 0.5pt 0}
      table.cl{width:100%;margin:6pt 0} table.cl th{border-bottom:1pt solid #000;font-size:8pt;text-align:left;padding:2pt} table.cl td{padding:2pt;border-bottom:0.4pt solid #999} tr.tt td{font-weight:bold;border-top:1pt solid #000}`;
    return { css, body, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, billing: { kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: t.patient_resp } } };
  },
};

// billing.g2 (billing office): SLIDING-FEE CLINIC PATIENT STATEMENT from a small practice-management system: "Statement
// Date: 3/14/25", guarantor / patient "Patient: Harold Testbury  Born 3/4/1950", "Pay this amount", visit lines Date
// (MM/DD/YY) / Description / Charges / Sliding-fee discount / Insurance / Balance, an aging strip (Current / 31-60 /
// 61-90 / 90+), a detachable remittance stub with the account number.
const billG2 = {
  id: 'billing.g2', set: SET, type: 'insurance_billing', facilityKind: 'billing',
  render(doc, env) {
    const f = font(env, env.rng.pick(['mono', 'narrow'])); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const nm = `${p.first} ${p.last}`;
    const due = Math.round((doc.previous_balance + t.patient_resp) * 100) / 100;
    const lines = doc.lines.map((l) => `<tr><td>${mdy2(l.date)}</td><td>${l.cpt} ${esc(l.description)}</td><td class="r">${money(l.billed)}</td><td class="r">-${money(l.not_covered)}</td><td class="r">-${money(l.paid)}</td><td class="r">${money(l.patient_resp)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))}<br>Billing questions ${fmtPhone(doc.facility.phone)} &middot; Mon-Fri 8-4:30</div></td>
      <td class="r"><table class="bx"><tr><td>Statement Date</td><td>${mdyNo2(doc.statement_date)}</td></tr><tr><td>Account #</td><td>${doc.account}</td></tr><tr><td><b>Pay this amount</b></td><td><b>${money(due)}</b></td></tr><tr><td>Due by</td><td>${mdyNo2(doc.due_date)}</td></tr></table></td></tr></table>
      <p><b>Patient:</b> ${esc(nm)} &nbsp; <b>Born</b> ${mdyNo4(p.dob)} &nbsp; <b>Insurance:</b> ${esc(doc.payer)} #${doc.member_id} &nbsp; <b>Claim</b> ${doc.claim_number}</p>
      <table class="ln"><thead><tr><th>Date</th><th>Description</th><th>Charges</th><th>Adj / Sliding fee</th><th>Insurance paid</th><th>Your balance</th></tr></thead><tbody>
      ${doc.previous_balance ? `<tr><td></td><td>Previous balance</td><td></td><td></td><td></td><td class="r">${money(doc.previous_balance)}</td></tr>` : ''}${lines}</tbody></table>
      <table class="ag"><tr><td>Current<br>${money(t.patient_resp)}</td><td>31-60 days<br>${money(doc.previous_balance)}</td><td>61-90 days<br>$0.00</td><td>Over 90<br>$0.00</td><td><b>Amount due<br>${money(due)}</b></td></tr></table>
      <p class="sm">We offer a sliding-fee discount based on household size and income. Ask the front desk for an application. Payment plans are available.</p>
      <div class="stub"><div class="cut">- - - - - - - - - - - - - - - - detach and return with payment - - - - - - - - - - - - - - - -</div>
      <table class="bx"><tr><td>Account #</td><td>${doc.account}</td><td>Patient</td><td>${esc(nm)}</td></tr><tr><td>Statement Date</td><td>${mdyNo2(doc.statement_date)}</td><td>Amount Due</td><td><b>${money(due)}</b></td></tr><tr><td>Amount Enclosed</td><td>$__________</td><td></td><td></td></tr></table></div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%} table.hd td{vertical-align:top}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.8pt}
      table.bx{border:1pt solid #000;margin-left:auto} table.bx td{padding:1.5pt 6pt;border:0.5pt solid #888}
      table.ln{width:100%;margin:8pt 0} table.ln th{border-bottom:1pt solid #000;text-align:left;font-size:8.2pt} table.ln td{padding:2pt 3pt}
      table.ag{width:100%;border:1pt solid #000;text-align:center} table.ag td{border:0.5pt solid #000;padding:2pt}.stub{margin-top:20pt}.cut{text-align:center;font-size:7.5pt;margin-bottom:5pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, billing: { kind: 'patient_statement', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, account: doc.account, statement_date: doc.statement_date, previous_balance: doc.previous_balance, amount_due: due, lines: doc.lines, totals: doc.totals } } };
  },
};

export default [coverG1, coverG2, labG1, labG2, labG3, dsG1, ovG1, ovG2, mlG1, imG1, radG1, refG1, billG1, billG2];
