// faxgen template set 'set-j': another stand-in for faxgen's held-out template set, written in session 21
// WITHOUT looking at the extraction/structuring rules (nothing under src/ was opened) and independent of set-a
// and of every earlier stand-in (set-k .. set-y, set-z). Theme: CONSUMER-FACING, RETAIL and OUTPATIENT-NETWORK
// sources (direct-to-consumer labs, retail / urgent-care clinics, telehealth, home health, pharmacies, camps,
// patient portals, occupational health, HSA administrators, consumer e-fax services). Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-j/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-j ...
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
const { fmtDate, fmtTime, fmtPhone, nameFL, nameLF, provName, provLF, fmtAddr, money, parseIso, pad: zpad } = await lib('util.mjs');

const SET = 'set-j';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// FreeSans / DejaVu Sans (sans), FreeSerif / DejaVu Serif (serif), Noto Mono / Liberation Mono (mono), DejaVu Sans
// Condensed / Liberation Sans Narrow (narrow). Fax header line: Noto Mono, DejaVu Sans Mono or FreeSans.
// (The URW base35 families Nimbus Sans / Nimbus Sans Narrow / C059 were tried first: this Chromium does not load
// them — fontconfig matches their Type 1 files — and the pages fell back to Liberation Serif, so they are not used.)
export const fonts = {
  [SET]: {
    sans: ['FreeSans', 'DejaVu Sans'],
    serif: ['FreeSerif', 'DejaVu Serif'],
    mono: ['Noto Mono', 'Liberation Mono'],
    narrow: ['DejaVu Sans Condensed', 'Liberation Sans Narrow'],
    tti: ['Noto Mono', 'DejaVu Sans Mono', 'FreeSans'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WD = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WDL = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const D = (iso) => parseIso(iso);
/** 3/4/1950 */
const mdyNP = (iso) => { const d = D(iso); return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`; };
/** 03/04/1950 */
const mdy = (iso) => fmtDate(iso, 'us');
/** Mar 4, 2024 */
const monDY = (iso) => { const d = D(iso); return `${MON[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`; };
/** Thursday, March 14, 2024 */
const wdLong = (iso) => { const d = D(iso); return `${WDL[d.getUTCDay()]}, ${MONTH[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`; };
/** 04 Mar 1950 */
const ddMonY = (iso) => { const d = D(iso); return `${zpad(d.getUTCDate())} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };
/** 03041950 (LIS glued MMDDYYYY) */
const mdyGlued = (iso) => { const d = D(iso); return `${zpad(d.getUTCMonth() + 1)}${zpad(d.getUTCDate())}${d.getUTCFullYear()}`; };
/** 3-4-1950 */
const mdyDash = (iso) => { const d = D(iso); return `${d.getUTCMonth() + 1}-${d.getUTCDate()}-${d.getUTCFullYear()}`; };
/** 8:15 AM */
const t12 = (dt) => fmtTime(dt, '12n');
const addDaysIso = (iso, n) => { const d = parseIso(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // Sfax (Scrypt) cloud fax received-stamp: small square bullet, dotted month-first date, caller id "CID", glued page "pg 02/05"
    (t) => [`Sfax \u25AA Rcvd ${D(t.dt).getUTCMonth() + 1}.${D(t.dt).getUTCDate()}.${D(t.dt).getUTCFullYear()} ${fmtTime(t.dt, '12n')}`, `CID ${t.fax.area}-${t.fax.exch}-${t.fax.line}`, t.sender.slice(0, 30), `pg ${zpad(t.page)}/${zpad(t.total)}`],
    // iFax / phone-app fax: "Sent via iFax", day-first month-name date with a comma before the time, dashed E.164 number, bare "2/5"
    (t) => ['Sent via iFax', `${D(t.dt).getUTCDate()} ${MON[D(t.dt).getUTCMonth()]} ${D(t.dt).getUTCFullYear()}, ${fmtTime(t.dt, '24')}`, `+1-${t.fax.area}-${t.fax.exch}-${t.fax.line}`, t.sender.slice(0, 26), `${t.page}/${t.total}`],
    // Consensus (j2) enterprise fax: two-digit-year dashed date with seconds, "TSID" number, sender in double quotes, "PG:002/005"
    (t) => [`${fmtDate(t.dt, 'us-short').replace(/\//g, '-')} ${fmtTime(t.dt, '24')}:${zpad(t.sec)}`, `TSID ${t.fax.area}${t.fax.exch}${t.fax.line}`, `"${t.sender.toUpperCase().slice(0, 24)}"`, `PG:${zpad(t.page, 3)}/${zpad(t.total, 3)}`],
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
const PNs = '<span class="pageNumber"></span>/<span class="totalPages"></span>';
const radGt = (doc) => ({ exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads });
const immGt = (s, printed = s.vaccine) => ({ vaccine: s.vaccine, vaccine_printed: printed, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: s.lot, site: s.site });
const eobGt = (doc) => ({ kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: doc.totals.patient_resp });
const ageOf = (dob, on) => { const a = D(dob), b = D(on); let y = b.getUTCFullYear() - a.getUTCFullYear(); if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) y--; return y; };

// ======================= FAX COVER SHEETS =======================
// cover.j1: CONSUMER ONLINE-FAX web service cover (FaxZero / HelloFax / FaxBurner manner): the service's logo bar
// and a "free cover page" strip, then the form the patient typed into the web page: "To:" / "Fax number:" /
// "From:" / "Phone:" / "Date: Thu 3/14/2024 10:32 AM" / "Number of pages: 5 (this page included)" / "Regarding",
// the message in a rounded box and an advertising footer ("Fax from your browser ...").
const coverJ1 = {
  id: 'cover.j1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility; const rng = env.rng;
    const svc = rng.pick(['FaxBridge', 'SendFaxNow', 'PaperlessFax']);
    const dt = doc.datetime; const d = D(dt);
    const body = `
      <div class="lg"><span class="lo">${svc}<span class="dot">.com</span></span><span class="sl">online fax &middot; no machine needed</span></div>
      <div class="fr">FAX COVER PAGE &nbsp;&middot;&nbsp; generated by ${svc}</div>
      <table class="fm">
      <tr><td class="k">To:</td><td class="v">${esc(doc.to_name)}${doc.to_org ? ', ' + esc(doc.to_org) : ''}</td></tr>
      <tr><td class="k">Fax number:</td><td class="v">${fmtPhone(doc.to_fax, 'dash')}</td></tr>
      ${doc.to_phone ? `<tr><td class="k">Phone:</td><td class="v">${fmtPhone(doc.to_phone, 'dash')}</td></tr>` : ''}
      <tr><td class="sp" colspan="2"></td></tr>
      <tr><td class="k">From:</td><td class="v">${esc(doc.from_person)}, ${esc(s.name)}</td></tr>
      <tr><td class="k">Sender fax:</td><td class="v">${fmtPhone(s.fax, 'dash')}</td></tr>
      <tr><td class="k">Sender phone:</td><td class="v">${fmtPhone(s.phone, 'dash')}</td></tr>
      <tr><td class="sp" colspan="2"></td></tr>
      <tr><td class="k">Date:</td><td class="v">${WD[d.getUTCDay()]} ${mdyNP(dt)} ${t12(dt)}</td></tr>
      <tr><td class="k">Number of pages:</td><td class="v">${doc.pages} (this page included)</td></tr>
      <tr><td class="k">Regarding:</td><td class="v">${esc(doc.re)}${doc.urgent ? ' &nbsp;<b>[URGENT]</b>' : ''}</td></tr></table>
      <div class="ms"><div class="mh">Message</div>${esc(doc.message)}</div>
      <div class="cf">The documents accompanying this transmission may contain confidential health information. If you are not the intended recipient, please notify the sender by telephone and destroy these pages.</div>
      <div class="ad">Sent with ${svc}.com &mdash; fax from your browser or phone. This cover page was created automatically. ${svc} does not read or store the content of your documents.</div>`;
    const css = baseCss(f, 11) + `
      .lg{display:flex;justify-content:space-between;align-items:baseline;border-bottom:1px solid #000;padding-bottom:4pt}.lo{font-size:20pt;font-weight:bold;letter-spacing:-0.5pt}.dot{font-weight:normal;font-size:13pt}.sl{font-size:8pt;font-style:italic}
      .fr{background:#222;color:#fff;font-size:8pt;padding:2pt 6pt;margin:6pt 0 18pt 0;letter-spacing:0.5pt}
      table.fm td{padding:3pt 0;vertical-align:top} td.k{width:1.7in;font-weight:bold;font-size:10.5pt} td.v{font-size:11.5pt} td.sp{height:8pt}
      .ms{border:1.5px solid #000;border-radius:10pt;padding:8pt 10pt;margin-top:16pt;min-height:130pt;line-height:1.5}.mh{font-weight:bold;font-size:9pt;text-transform:uppercase;margin-bottom:4pt}
      .cf{font-size:8pt;margin-top:20pt}.ad{font-size:7.5pt;margin-top:30pt;border-top:1px dotted #000;padding-top:3pt;color:#333}`;
    return { css, body, margins: M(0.7, 0.6, 0.9, 0.9), fonts: [f] };
  },
};

// cover.j2: PATIENT-DIRECTED RECORDS TRANSMISSION cover from a consumer health-records app (Ciitizen / PicnicHealth
// manner): the patient asked the app to forward records; a purple-ish (here grey) bar "Records sent at the
// request of the patient", caption-over-value cells in a 2 x 3 grid (Recipient / Recipient fax / Sent on
// "Mar 14, 2024 · 10:32 AM CDT" / From / Sender fax / Total pages incl. this cover), "Request reference", "What is
// enclosed" = subject, the note and a HIPAA right-of-access paragraph (45 CFR 164.524).
const coverJ2 = {
  id: 'cover.j2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'narrow'); const s = doc.from_facility; const rng = env.rng;
    const dt = doc.datetime; const app = rng.pick(['HealthDrawer', 'MyRecordsBox', 'CareVault']);
    const zone = rng.pick(['CDT', 'EDT', 'CST', 'EST', 'MST']);
    const cell = (k, v) => `<td><div class="k">${k}</div><div class="v">${v}</div></td>`;
    const body = `
      <div class="tp"><span class="ap">${app}</span><span class="tg">Your records, where you need them</span></div>
      <div class="bar">Records sent at the request of the patient</div>
      <table class="g"><tr>${cell('Recipient', `${esc(doc.to_name)}${doc.to_org ? '<br>' + esc(doc.to_org) : ''}`)}${cell('Recipient fax', fmtPhone(doc.to_fax, 'dot'))}${cell('Sent on', `${monDY(dt)} &middot; ${t12(dt)} ${zone}`)}</tr>
      <tr>${cell('From', `${esc(doc.from_person)}<br>${esc(s.name)}`)}${cell('Sender fax', fmtPhone(s.fax, 'dot'))}${cell('Total pages incl. this cover', String(doc.pages))}</tr></table>
      <div class="h">Request reference</div><div>${rng.letters(3).toUpperCase()}-${rng.digits(5)}-${rng.digits(2)}${doc.urgent ? ' &nbsp; (time-sensitive)' : ''}</div>
      <div class="h">What is enclosed</div><div>${esc(doc.re)}</div>
      <div class="h">Note</div><div class="ms">${esc(doc.message)}</div>
      <div class="lg">This transmission was initiated by the individual under the HIPAA right of access (45 CFR 164.524). ${app} is acting as the individual's designee. Questions: support@${app.toLowerCase()}.example &middot; reference above.</div>`;
    const css = baseCss(f, 10) + `
      .tp{display:flex;justify-content:space-between;align-items:baseline}.ap{font-size:18pt;font-weight:bold}.tg{font-size:8.5pt;font-style:italic}
      .bar{background:#555;color:#fff;font-size:12pt;padding:4pt 8pt;margin:6pt 0 10pt 0}
      table.g{width:100%;border-collapse:separate;border-spacing:4pt} table.g td{border:1px solid #888;padding:3pt 5pt;vertical-align:top;width:33%}.k{font-size:7pt;text-transform:uppercase;color:#444}.v{font-size:10.5pt}
      .h{font-weight:bold;margin-top:10pt;font-size:9pt;border-bottom:0.5px solid #000}.ms{min-height:100pt;line-height:1.45;padding-top:2pt}.lg{font-size:7.5pt;margin-top:18pt}`;
    return { css, body, margins: M(0.7, 0.6, 0.8, 0.8), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.j1 (reflab): DIRECT-TO-CONSUMER lab results report (Quest / LabCorp OnDemand manner): a consumer banner,
// "HAROLD TESTBURY" (given name first, capitals) with "DOB 3/4/1950", "Collected Mar 14, 2024 8:15 AM", a
// summary count ("2 results outside the standard range"), then ONE BLOCK PER RESULT: the test name, "Your result"
// big (value and unit), a status word on the right ("Above range" / "Below range" / "Out of range"), a drawn range
// bar with the two limits printed under its ends, and "Standard range: 65 - 99 mg/dL" below. Physician review line.
const labJ1 = {
  id: 'lab.j1', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Direct Lab Access Testing', 'MyPanel Consumer Labs'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: 'Above range', L: 'Below range', A: 'Out of range' });
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const out = gt.filter((r) => r.flag).length;
    const bar = (r) => {
      const lo = r.gt.reference_low, hi = r.gt.reference_high, v = r.gt.value_numeric;
      if (lo === null || hi === null || v === null || r.gt.reference_range.startsWith('<') || r.gt.reference_range.startsWith('>')) return '';
      const span = hi - lo || 1; const pos = Math.max(2, Math.min(98, 25 + ((v - lo) / span) * 50));
      return `<div class="bw"><div class="bb"><div class="bn"></div><div class="mk" style="left:${pos.toFixed(1)}%"></div></div><div class="bl"><span style="left:25%">${esc(r.range.split(' - ')[0])}</span><span style="left:75%">${esc(r.range.split(' - ')[1] || '')}</span></div></div>`;
    };
    const blocks = panels.map((P) => `<div class="ph">${esc(P.name)}</div>` + P.rows.map((r) => `
      <div class="rb"><table class="rt"><tr><td class="tn">${esc(r.name)}</td><td class="yr"><span class="cap">Your result</span> <b class="val">${esc(r.value)}</b>${r.unit ? ` <span class="un">${esc(r.unit)}</span>` : ''}</td><td class="st">${r.flag ? `<span class="fl">${esc(r.flagPrinted)}</span>` : '<span class="ok">In range</span>'}</td></tr></table>
      ${bar(r)}<div class="sr">Standard range: ${esc(r.range)}${r.unit && r.range && !/^[A-Za-z]/.test(r.range) ? ' ' + esc(r.unit) : ''}</div></div>`).join('')).join('');
    const nm = nameFL(p).toUpperCase();
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.labName)}</div><div class="sm">Lab tests you order yourself &middot; results reviewed by an independent physician</div></td><td class="r"><div class="t">Your Lab Results</div><div class="sm">Order ${doc.accession} &middot; ${esc(doc.status)}</div></td></tr></table>
      <table class="id"><tr><td><span class="k">Name</span><br><b>${esc(nm)}</b></td><td><span class="k">DOB</span><br>${mdyNP(p.dob)}</td><td><span class="k">Sex</span><br>${p.sex === 'M' ? 'Male' : 'Female'}</td><td><span class="k">Collected</span><br>${monDY(doc.collected)} ${t12(doc.collected)}</td><td><span class="k">Reported</span><br>${monDY(doc.reported)}</td></tr></table>
      <div class="sum">${out ? `${out} result${out > 1 ? 's' : ''} outside the standard range` : 'All results within the standard range'} &middot; ${gt.length} results in this report</div>
      ${blocks}
      <div class="keep lg">Reviewing physician: ${esc(provName(doc.lab_director))} (physician network). Performed at ${esc(doc.labName)} Laboratory, CLIA ${doc.clia}. These results are not a diagnosis; share them with your health care provider. Patient ID ${esc(doc.mrn)}.</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:3px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:15pt;font-weight:bold}.t{font-size:14pt}.sm{font-size:7.5pt}
      table.id{width:100%;margin:6pt 0 4pt 0} table.id td{padding:1pt 8pt 1pt 0;vertical-align:top}.k{font-size:7pt;text-transform:uppercase;color:#444}
      .sum{background:#eee;padding:3pt 6pt;font-weight:bold;margin:4pt 0 6pt 0}
      .ph{font-size:11pt;font-weight:bold;margin:8pt 0 2pt 0;border-bottom:1.5px solid #000}
      .rb{break-inside:avoid;border-bottom:0.5px solid #aaa;padding:3pt 0 4pt 0} table.rt{width:100%} td.tn{width:38%;font-weight:bold} td.yr{width:40%}.cap{font-size:7.5pt;color:#444}.val{font-size:12pt}.un{font-size:9pt} td.st{text-align:right}
      .fl{border:1.5px solid #000;border-radius:8pt;padding:0 6pt;font-weight:bold;font-size:8.5pt}.ok{font-size:8pt;color:#555}
      .bw{width:45%;margin:2pt 0 0 38%}.bb{position:relative;height:6pt;border:0.75px solid #666;background:#fff}.bn{position:absolute;left:25%;width:50%;top:0;bottom:0;background:#bbb}.mk{position:absolute;top:-3pt;width:5pt;height:11pt;margin-left:-2.5pt;background:#000;border-radius:2pt}
      .bl{position:relative;height:8pt;font-size:6.5pt} .bl span{position:absolute;transform:translateX(-50%)}
      .sr{font-size:8pt;margin-left:38%}.lg{margin-top:10pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${mdyNP(p.dob)} &middot; Order ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.labName } };
  },
};

// lab.j2 (clinic): EMPLOYER / OCCUPATIONAL-HEALTH lab slip (Concentra / employer on-site clinic manner), monospace:
// "EMPLOYER: ...", "EMPLOYEE: TESTBURY, HAROLD J", "DOB: 03041950" (LIS-style glued MMDDYYYY), "SSN: XXX-XX-1234",
// "REASON: Annual surveillance", "COLL: 03/14/2024 08:15"; columns CODE (the lab's test mnemonic) / TEST / FLAG /
// RESULT / UNITS / REF RANGE — the FLAG column comes BEFORE the result and prints arrows ("↑" above, "↓" below,
// "ABN" abnormal); a "RESULTS RELEASED TO EMPLOYEE ONLY" box; fitness-for-duty statement not in the gt.
const labJ2 = {
  id: 'lab.j2', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['WorkWell Occupational Health Lab', 'OnSite Employer Health Lab'],
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'caps', rangeStyle: 'l' }, { H: '\u2191', L: '\u2193', A: 'ABN' });
    const rows = panels.map((P) => `<tr class="ph"><td colspan="6">** ${esc(P.name)} **</td></tr>` + P.rows.map((r) =>
      `<tr><td>${esc(r.key)}</td><td>${esc(r.name)}</td><td class="fl">${esc(r.flagPrinted)}</td><td class="v">${esc(r.value)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = nameLF(p, true);
    const emp = rng.pick(['Midstate Freight Lines', 'Keller Aerospace Components', 'Riverbend School District', 'Summit Grocery Distribution']);
    const body = `
      <div class="fn">${esc(doc.facility.name)} &mdash; OCCUPATIONAL HEALTH SERVICES</div>
      <div class="sm">${esc(fmtAddr(doc.facility.address))}  TEL ${fmtPhone(doc.facility.phone, 'dash')}  FAX ${fmtPhone(doc.facility.fax, 'dash')}</div>
      <div class="t">EMPLOYEE LABORATORY RESULTS</div>
      <table class="id"><tr><td>EMPLOYER: ${esc(emp.toUpperCase())}</td><td>EMPLOYER ACCT: ${rng.digits(6)}</td></tr>
      <tr><td>EMPLOYEE: <b>${esc(nm)}</b></td><td>DOB: ${mdyGlued(p.dob)}   SEX: ${p.sex}</td></tr>
      <tr><td>SSN: XXX-XX-${rng.digits(4)}   EMP ID: ${esc(doc.mrn)}</td><td>REASON: ${rng.pick(['ANNUAL SURVEILLANCE', 'PRE-PLACEMENT', 'WELLNESS SCREENING', 'DOT RECERTIFICATION'])}</td></tr>
      <tr><td>COLL: ${mdy(doc.collected)} ${fmtTime(doc.collected, '24')}   REC: ${mdy(doc.received)}</td><td>AUTHORIZING: ${esc(provLF(doc.provider, true))}</td></tr></table>
      <table class="res"><thead><tr><th>CODE</th><th>TEST</th><th>FLAG</th><th>RESULT</th><th>UNITS</th><th>REF RANGE</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep bx">RESULTS RELEASED TO EMPLOYEE ONLY. EMPLOYER RECEIVES FITNESS-FOR-DUTY STATUS, NOT RESULTS.<br>FLAG: \u2191 ABOVE RANGE  \u2193 BELOW RANGE  ABN ABNORMAL.  TESTED AT ${esc(doc.performingLab.toUpperCase())}.  ACC# ${doc.accession}</div>`;
    const css = baseCss(f, 8.5) + `
      .fn{font-size:10.5pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:10pt;font-weight:bold;margin:6pt 0 2pt 0;text-decoration:underline}
      table.id{width:100%;margin:2pt 0 6pt 0} table.id td{padding:0.5pt 4pt 0.5pt 0;white-space:pre}
      table.res{width:100%} table.res th{text-align:left;border-top:1px dashed #000;border-bottom:1px dashed #000;padding:1pt 3pt} table.res td{padding:0.5pt 3pt}
      tr.ph td{padding-top:5pt;font-weight:bold} td.fl{text-align:center;font-weight:bold;width:0.45in} td.v{font-weight:bold}.bx{margin-top:10pt;border:1px solid #000;padding:4pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nm)}  ${mdyGlued(p.dob)}  EMP ID ${esc(doc.mrn)}`, PNs);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.performingLab } };
  },
};

// lab.j3 (hospital): hospital PATIENT-PORTAL "Test Results" print (Cerner HealtheLife / athenaPatient manner),
// ONE RESULT PER BLOCK, each block two lines: "Glucose Level   184 mg/dL   Abnormal High" on the first, then
// "Reference Range: 65-99 mg/dL   Collected: 03/14/2024 8:15 AM" on the second (the range on the line BELOW the
// value); flags spelled "Abnormal High" / "Abnormal Low" / "Abnormal". Patient line "Testbury, Harold J" with
// "Date of Birth: 04 Mar 1950"; results grouped under the order name with a thin rule; "Printed by patient" footer.
const labJ3 = {
  id: 'lab.j3', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'full', rangeStyle: 'l' }, { H: 'Abnormal High', L: 'Abnormal Low', A: 'Abnormal' });
    const coll = `${mdy(doc.collected)} ${t12(doc.collected)}`;
    const blocks = panels.map((P) => `<div class="ph">${esc(P.name)}<span class="pd">Ordered by ${esc(provName(doc.provider))}</span></div>` + P.rows.map((r) => `
      <div class="rb"><div class="l1"><span class="tn">${esc(r.name)}</span><span class="vv">${esc(r.value)}${r.unit ? ' ' + esc(r.unit) : ''}</span><span class="fl">${esc(r.flagPrinted)}</span></div>
      <div class="l2">Reference Range: ${esc(r.range)}${r.unit && r.range && /\d/.test(r.range) ? ' ' + esc(r.unit) : ''} &nbsp;&nbsp; Collected: ${coll}</div></div>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle : ''}`;
    const body = `
      <div class="pb"><span class="pn">${esc(doc.facility.name)} &middot; Patient Portal</span><span>Signed in as ${esc(p.first)}</span></div>
      <div class="t">Test Results</div>
      <div class="who"><b>${esc(nm)}</b> &nbsp; Date of Birth: ${ddMonY(p.dob)} &nbsp; MRN: ${esc(doc.mrn)}</div>
      <div class="sm">Showing results released to the portal. Some results may need your provider's review. Result status: ${esc(doc.status)} &middot; Resulted ${mdy(doc.reported)} ${t12(doc.reported)}</div>
      ${blocks}
      <div class="keep lg">Performing location: ${esc(doc.facility.name)} Laboratory, ${esc(fmtAddr(doc.facility.address))}. Lab director ${esc(provName(doc.lab_director))}. Accession ${doc.accession}.</div>`;
    const css = baseCss(f, 9.8) + `
      .pb{display:flex;justify-content:space-between;border-bottom:0.75px solid #000;font-size:8pt;padding-bottom:2pt}.pn{font-weight:bold}
      .t{font-size:20pt;margin:8pt 0 2pt 0}.who{font-size:10pt;margin-bottom:2pt}.sm{font-size:7.8pt;color:#333;margin-bottom:6pt}
      .ph{font-size:11.5pt;font-weight:bold;margin:9pt 0 2pt 0;border-bottom:0.5px solid #000;display:flex;justify-content:space-between}.pd{font-weight:normal;font-size:7.5pt}
      .rb{break-inside:avoid;padding:2.5pt 0 3pt 10pt;border-bottom:0.5px dotted #999}.l1{display:flex}.tn{width:45%}.vv{width:28%;font-weight:bold}.fl{font-weight:bold;font-style:italic}
      .l2{font-size:8pt;color:#333}.lg{margin-top:10pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `Printed by patient from the portal &middot; ${esc(nm)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.7, 0.7), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.facility.name } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.j1: HOSPITAL-TO-HOME-HEALTH "REFERRAL & TRANSFER SUMMARY" (home-health agency intake / continuity-of-care
// form, the face sheet + summary a hospital case manager sends): "Client: Harold J. Testbury", "Birthdate 03/04/1950",
// "Hospital stay 03/10/2024 → 03/14/2024" (one arrowed range, the discharge date second), a "Start of care
// requested" date, ticked HOME HEALTH SERVICES ordered (SN / PT / OT / HHA), homebound status, diagnoses as
// "Primary: description (I10)" / "Secondary: …", a medication table Medication / Dose / How often / Change
// (New / Changed / Continue / Stop spelled out), allergies, hospital course in brief, signature of the case manager.
const dsJ1 = {
  id: 'discharge.j1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.first}${p.middle ? ' ' + p.middle + '.' : ''} ${p.last}`;
    const soc = addDaysIso(doc.discharge_date, rng.int(1, 2));
    const chk = (on, l) => `<span class="cb">${on ? '&#9746;' : '&#9744;'}</span> ${l}`;
    const meds = doc.medications.map((m) => `<tr><td><b>${esc(m.name)}</b> ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>${esc(m.frequency || '')}</td><td>${esc(m.status || 'Continue')}</td></tr>`).join('');
    const dx = doc.diagnoses.map((x, i) => `<div>${i === 0 ? '<b>Primary:</b>' : 'Secondary:'} ${esc(x.description)} (${x.code})</div>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Care Management / Discharge Planning &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dot')}</div></td><td class="r"><div class="t">HOME HEALTH REFERRAL<br>&amp; TRANSFER SUMMARY</div></td></tr></table>
      <table class="g"><tr><td class="k">Client</td><td><b>${esc(nm)}</b></td><td class="k">Birthdate</td><td>${mdy(p.dob)}</td><td class="k">Sex</td><td>${p.sex}</td></tr>
      <tr><td class="k">Hospital stay</td><td colspan="3"><b>${mdy(doc.admit_date)} &rarr; ${mdy(doc.discharge_date)}</b> (${doc.los} nights)</td><td class="k">MRN</td><td>${esc(doc.mrn)}</td></tr>
      <tr><td class="k">Start of care requested</td><td>${mdy(soc)}</td><td class="k">Discharging MD</td><td colspan="3">${esc(provName(doc.provider))}</td></tr>
      <tr><td class="k">Discharged to</td><td colspan="5">${esc(doc.disposition)} &middot; ${esc(fmtAddr(p.address))} &middot; ${fmtPhone(p.phone)}</td></tr></table>
      <div class="h">Home health services ordered</div>
      <div>${chk(true, 'Skilled nursing (SN)')} &nbsp; ${chk(rng.chance(0.7), 'Physical therapy (PT)')} &nbsp; ${chk(rng.chance(0.4), 'Occupational therapy (OT)')} &nbsp; ${chk(rng.chance(0.3), 'Home health aide (HHA)')} &nbsp; ${chk(false, 'Speech (ST)')}</div>
      <div>Homebound: ${chk(true, 'Yes')} ${chk(false, 'No')} &mdash; taxing effort to leave home; ${esc(doc.activity).toLowerCase()}.</div>
      <div class="h">Reason for hospitalization</div><p>${esc(doc.reason)}. ${esc(doc.hpi)}</p>
      <div class="h">Diagnoses</div>${dx}
      <div class="h">Hospital course (brief)</div><p>${doc.course.map(esc).join(' ')} Condition at discharge: ${esc(doc.condition)}.</p>
      <div class="h">Medications at transfer</div>
      <table class="mt"><thead><tr><th style="width:40%">Medication</th><th>Dose / directions</th><th style="width:9%">How often</th><th style="width:10%">Change</th></tr></thead><tbody>${meds}</tbody></table>
      <div class="h">Allergies</div><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} &ndash; ${esc(a.reaction)}`).join('; ') : 'NKA'}</p>
      <div class="h">Follow-up</div><p>${doc.followup.map(esc).join('; ')}. Diet: ${esc(doc.diet)}.${doc.pending.length ? ' Pending at discharge: ' + doc.pending.map(esc).join(', ') + '.' : ''}</p>
      <div class="keep sg">${signatureSvg(rng, 110, 26)}Case manager: ${rng.pick(['R. Fauxley, RN, CCM', 'D. Sampleman, LMSW', 'T. Mockler, RN'])} &middot; completed ${mdy(doc.signed)} &middot; certifying physician ${esc(provName(doc.provider))}</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:11.5pt;font-weight:bold}.sm{font-size:7.5pt}
      table.g{width:100%;border-collapse:collapse;margin-top:6pt} table.g td{border:0.75px solid #000;padding:2pt 4pt} td.k{font-size:7.5pt;background:#eee;width:1.05in}
      .h{font-weight:bold;font-size:9.5pt;margin:7pt 0 1pt 0;text-transform:uppercase;letter-spacing:0.3pt} p{margin:1pt 0 2pt 0}.cb{font-size:10pt}
      table.mt{width:100%;border-collapse:collapse} table.mt th{text-align:left;font-size:8pt;border-bottom:1px solid #000;padding:1.5pt} table.mt td{padding:1.5pt;border-bottom:0.5px solid #bbb;vertical-align:top}.sg{margin-top:12pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${mdy(p.dob)} &middot; Home Health Referral`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.j1: RETAIL-CLINIC "VISIT SUMMARY" sent to the patient's PCP (MinuteClinic / in-store clinic manner):
// store banner "Retail Health Clinic inside ... #1234", "Visit summary for Harold Testbury", "Date of birth: 3/4/1950",
// "Date of visit: Thursday, March 14, 2024", "Seen by: Jane Mockwood, NP (nurse practitioner)", "Reason for visit",
// vitals as LABELLED LINES with units ("Blood pressure: 132/84 mmHg", "Temperature: 98.6 °F", "Pulse: 72 bpm",
// "Height: 70 in", "Weight: 180 lb"), "What we found" (diagnoses with codes after a dash), "Prescriptions sent
// to your pharmacy", "Your medication list", "Next steps", a PCP-notification line.
const ovJ1 = {
  id: 'office_visit.j1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = nameFL(p); const store = rng.int(1000, 9999);
    const newMeds = doc.medications.filter((m) => m.status === 'New'); const others = doc.medications.filter((m) => m.status !== 'New');
    const vit = [['Blood pressure', `${v.bp} mmHg`], ['Pulse', `${v.hr} bpm`], ['Temperature', `${v.temp} &deg;F`], ['Respirations', `${v.rr} /min`], ['Oxygen saturation', `${v.spo2}%`], ['Height', `${v.ht_in} in`], ['Weight', `${v.wt_lb} lb`], ['BMI', `${v.bmi}`]];
    const body = `
      <div class="bn"><span class="st">${esc(doc.facility.name)}</span><span class="sm">Retail health clinic inside ${rng.pick(['FreshWay Market', 'CornerCare Pharmacy', 'ValueMart'])} store #${store} &middot; ${esc(fmtAddr(doc.facility.address))}</span></div>
      <div class="t">Visit summary for ${esc(nm)}</div>
      <table class="id"><tr><td>Date of birth: ${mdyNP(p.dob)}</td><td>Date of visit: <b>${wdLong(doc.date_of_service)}</b></td></tr>
      <tr><td>Patient ID: ${esc(doc.mrn)}</td><td>Seen by: ${esc(provName(doc.provider))} (${/NP/.test(doc.provider.cred) ? 'nurse practitioner' : 'clinician'})</td></tr></table>
      <div class="h">Reason for visit</div><p>${esc(doc.chief_complaint)}</p>
      <div class="h">Your vital signs today</div>
      <table class="vs">${vit.map(([k, x], i) => `${i % 4 === 0 ? '<tr>' : ''}<td>${k}: <b>${x}</b></td>${i % 4 === 3 ? '</tr>' : ''}`).join('')}</table>
      <div class="h">What happened today</div><p>${esc(doc.hpi)}</p><p>${doc.exam.slice(0, 4).map(([k, x]) => `${esc(k)}: ${esc(x)}`).join(' ')}</p>
      <div class="h">What we found</div>${doc.diagnoses.map((x) => `<p>&bull; ${esc(x.description)} &ndash; ${x.code}</p>`).join('')}
      <div class="h">Prescriptions sent to your pharmacy</div>${newMeds.length ? newMeds.map((m) => `<p>&bull; ${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}: ${esc(m.sig)}</p>`).join('') : '<p>None today.</p>'}
      <div class="h">Your medication list</div>${others.length ? others.map((m) => `<p>&bull; ${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}: ${esc(m.sig)}</p>`).join('') : '<p>No other medicines on file.</p>'}
      <p><b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'No known allergies'}</p>
      <div class="h">Next steps</div>${doc.plan.map((x) => `<p>&bull; ${esc(x)}</p>`).join('')}<p>&bull; See your primary care provider in ${esc(doc.followup)}, sooner if symptoms get worse.</p>
      <div class="keep pc">A copy of this summary was faxed to your primary care provider on file. Questions? Call the clinic at ${fmtPhone(doc.facility.phone, 'dash')}.</div>`;
    const css = baseCss(f, 9.5) + `
      .bn{display:flex;justify-content:space-between;align-items:baseline;border-bottom:4px solid #000;padding-bottom:3pt}.st{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}
      .t{font-size:16pt;margin:8pt 0 4pt 0} table.id{width:100%} table.id td{padding:1pt 10pt 1pt 0}
      .h{font-weight:bold;font-size:10.5pt;margin:8pt 0 2pt 0;border-bottom:0.75px solid #888} p{margin:1pt 0}
      table.vs{width:100%} table.vs td{padding:1.5pt 6pt 1.5pt 0;width:25%}.pc{margin-top:12pt;border:1px solid #000;padding:4pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Visit ${mdyNP(doc.date_of_service)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// office_visit.j2: TELEHEALTH VISIT SUMMARY (Teladoc / Amwell / health-system virtual-care manner): header strip
// "VIRTUAL VISIT · Video", "Patient: TESTBURY, Harold", "DOB 1950-03-04", "Appointment: 2024-03-14 10:32 CT
// (video, 18 min)", consent line, patient location state; vitals are PATIENT-REPORTED and printed in a one-line
// run with glued abbreviations ("Pt-reported: BP 132/84 (home cuff) · HR 72 · T 98.6F · Wt 180 lb · Ht 70 in · SpO2
// 97% · RR 16 · BMI 25.8"), "Subjective", "Assessment & Plan" with numbered diagnoses "1. I10 — description",
// e-prescriptions, signature "Electronically signed".
const ovJ2 = {
  id: 'office_visit.j2', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first}`;
    const tm = `${zpad(rng.int(8, 19))}:${zpad(rng.int(0, 59))}`; const zone = rng.pick(['CT', 'ET', 'MT', 'PT']);
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)} Virtual Care</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dash')}</div></td><td class="r"><span class="vb">VIRTUAL VISIT &middot; ${rng.pick(['Video', 'Video', 'Phone'])}</span></td></tr></table>
      <table class="st"><tr><td>Patient: <b>${esc(nm)}</b></td><td>DOB ${p.dob}</td><td>Sex ${p.sex}</td><td>Member/MRN ${esc(doc.mrn)}</td></tr>
      <tr><td colspan="2">Appointment: <b>${doc.date_of_service} ${tm} ${zone}</b> (${rng.int(9, 28)} min)</td><td colspan="2">Clinician: ${esc(provName(doc.provider))}</td></tr></table>
      <p class="sm">Patient identity verified (name and date of birth). Patient located in ${esc(p.address.state)} at the time of the visit. Verbal consent for telehealth obtained.</p>
      <div class="h">Reason</div><p>${esc(doc.chief_complaint)} &middot; ${esc(doc.visit_type)}</p>
      <div class="h">Subjective</div><p>${esc(doc.hpi)}</p><p>${doc.ros.map(([k, x]) => `${esc(k)}: ${esc(x)}`).join(' ')}</p>
      <div class="h">Patient-reported measurements</div>
      <p class="vl">Pt-reported: BP ${v.bp} (home cuff) &middot; HR ${v.hr} &middot; T ${v.temp}F &middot; Wt ${v.wt_lb} lb &middot; Ht ${v.ht_in} in &middot; SpO2 ${v.spo2}% &middot; RR ${v.rr} &middot; BMI ${v.bmi}</p>
      <div class="h">Observed on video</div><p>${doc.exam.slice(0, 3).map(([k, x]) => `${esc(k)}: ${esc(x)}`).join(' ')}</p>
      <div class="h">Assessment &amp; Plan</div>${doc.diagnoses.map((x, i) => `<p>${i + 1}. ${x.code} &mdash; ${esc(x.description)}</p>`).join('')}${doc.plan.map((x) => `<p class="pl">&ndash; ${esc(x)}</p>`).join('')}
      <div class="h">Medications</div>${doc.medications.length ? doc.medications.map((m) => `<p>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}, ${esc(m.sig)}${m.status === 'New' ? ' <i>(e-prescribed today)</i>' : ''}</p>`).join('') : '<p>None reported.</p>'}
      <p><b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</p>
      <p>Follow-up: ${esc(doc.followup)}; in-person evaluation if not improving.</p>
      <div class="keep sg">Electronically signed by ${esc(provName(doc.provider))} on ${doc.date_of_service} ${fmtTime(doc.signed, '24')} ${zone}</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.vb{border:1.5px solid #000;padding:2pt 6pt;font-weight:bold}
      table.st{width:100%;margin:5pt 0;background:#eee} table.st td{padding:2pt 4pt}
      .h{font-weight:bold;font-size:10pt;margin:7pt 0 1pt 0} p{margin:1pt 0}.pl{margin-left:12pt}.vl{font-family:'Liberation Mono';font-size:8.5pt}.sg{margin-top:12pt;font-style:italic}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Virtual visit ${doc.date_of_service}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.65, 0.65), fonts: [f, 'Liberation Mono'], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.j1 (pharmacy): MAIL-ORDER / online pharmacy "ACTIVE PRESCRIPTIONS" print (Express Scripts / Amazon
// Pharmacy manner): "Member: Harold Testbury · DOB 03/04/1950 · Member ID", "As of March 14, 2024", then ONE CARD PER
// PRESCRIPTION: the drug name in capitals with strength and form ("LISINOPRIL 10 MG TABLET"), the directions on the
// next line, then a small grid "Rx # · Prescriber · Last shipped 02/28/2024 · Refills left 3 · Status Active"; a
// separate "Inactive / expired" group; allergy line at the top.
const mlJ1 = {
  id: 'medication_list.j1', set: SET, type: 'medication_list', facilityKind: 'pharmacy',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = nameFL(p);
    const card = (m) => `<div class="cd"><div class="dn">${esc(`${m.name} ${m.strength} ${m.form}`.toUpperCase())}</div><div class="dr">${esc(m.sig)}</div>
      <div class="mt">Rx # ${rng.digits(7)} &middot; Prescriber ${esc(provName(m.prescriber || doc.provider))} &middot; Last shipped ${mdy(m.last_fill || doc.date_of_service)} &middot; Refills left ${m.refills ?? 0} &middot; Status <b>${esc(m.status || 'Active')}</b></div></div>`;
    const act = doc.medications.filter((m) => m.status !== 'Discontinued'); const ina = doc.medications.filter((m) => m.status === 'Discontinued');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)} Home Delivery</div><div class="sm">Mail-order pharmacy &middot; ${esc(fmtAddr(doc.facility.address))} &middot; Pharmacist line ${fmtPhone(doc.facility.phone, 'one')}</div></td><td class="r t">Active prescriptions</td></tr></table>
      <div class="pt">Member: <b>${esc(nm)}</b> &middot; DOB ${mdy(p.dob)} &middot; Member ID ${esc(doc.mrn)} &middot; As of ${MONTH[D(doc.date_of_service).getUTCMonth()]} ${D(doc.date_of_service).getUTCDate()}, ${D(doc.date_of_service).getUTCFullYear()}</div>
      <div class="al">Allergies on file: ${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join(', ') : 'None reported'}</div>
      ${act.map(card).join('')}
      ${ina.length ? `<div class="gh">Inactive / expired</div>${ina.map(card).join('')}` : ''}
      <p class="sm" style="margin-top:10pt">This list shows prescriptions filled by ${esc(doc.facility.name)} Home Delivery. It may not include medicines from other pharmacies or over-the-counter products. Prescriber fax requests: ${fmtPhone(doc.facility.fax, 'one')}.</p>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:15pt}.sm{font-size:7.5pt}
      .pt{margin:6pt 0 3pt 0}.al{font-size:8.5pt;border-left:4px solid #000;padding-left:5pt;margin-bottom:6pt}
      .cd{break-inside:avoid;border:0.75px solid #777;border-radius:5pt;padding:4pt 6pt;margin:4pt 0}.dn{font-weight:bold;font-size:10.5pt}.dr{margin:1pt 0}.mt{font-size:7.8pt;color:#333}
      .gh{font-weight:bold;margin-top:10pt;border-bottom:1px solid #000}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Member ID ${esc(doc.mrn)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION RECORDS =======================
// immunization.j1 (pharmacy): RETAIL-PHARMACY IMMUNIZATION CERTIFICATE / "Vaccination Record" (pharmacist-administered
// flu / COVID / shingles; CVS / Walgreens manner): a certificate title, "This confirms the vaccinations below were
// administered at our pharmacies", patient block "Patient name Harold J Testbury / Date of birth 03/04/1950", then ONE
// LABELLED BLOCK PER DOSE in two columns: "Vaccine:" (trade name) / "Product:" (CVX description) / "Date administered:
// Sep 28, 2023" / "Dose: 2" / "Lot:" / "Manufacturer:" (MVX) / "Site:" / "Pharmacist:", state registry reporting line.
const imJ1 = {
  id: 'immunization.j1', set: SET, type: 'immunization_record', facilityKind: 'pharmacy',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.first}${p.middle ? ' ' + p.middle : ''} ${p.last}`;
    const rph = [rng.pick(['A. Sampleton, PharmD', 'K. Fauxwell, RPh', 'J. Testa, PharmD, CPh'])];
    const blk = (s) => `<td class="bk"><div><span class="k">Vaccine:</span> <b>${esc(s.trade_name)}</b></div><div><span class="k">Product:</span> ${esc(s.vaccine)}</div>
      <div><span class="k">Date administered:</span> ${monDY(s.date)}</div><div><span class="k">Dose:</span> ${s.dose_number} &nbsp; <span class="k">Lot:</span> ${esc(s.lot)} &nbsp; <span class="k">Manufacturer:</span> ${esc(s.mvx)}</div>
      <div><span class="k">Site:</span> ${esc(s.site)} &nbsp; <span class="k">Pharmacist:</span> ${esc(rph[0])}</div></td>`;
    let grid = ''; const L = doc.immunizations; for (let i = 0; i < L.length; i += 2) grid += `<tr>${blk(L[i])}${L[i + 1] ? blk(L[i + 1]) : '<td></td>'}</tr>`;
    const body = `
      <div class="tp"><span class="fn">${esc(doc.facility.name)}</span><span class="sm">Pharmacy immunization services &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dot')}</span></div>
      <div class="t">Certificate of Vaccination</div>
      <p class="c">This confirms the vaccinations below were administered at our pharmacies and reported to the state immunization registry.</p>
      <table class="id"><tr><td class="k">Patient name</td><td><b>${esc(nm)}</b></td><td class="k">Date of birth</td><td>${mdy(p.dob)}</td></tr>
      <tr><td class="k">Pharmacy patient no.</td><td>${esc(doc.mrn)}</td><td class="k">Issued</td><td>${monDY(doc.date_of_service)}</td></tr></table>
      <table class="gr">${grid}</table>
      <div class="keep sg">${signatureSvg(rng, 120, 28)}Immunizing pharmacist &middot; ${esc(rph[0])} &middot; under protocol with ${esc(provName(doc.provider))}</div>`;
    const css = baseCss(f, 9.5) + `
      .tp{display:flex;justify-content:space-between;align-items:baseline;border-bottom:1px solid #000;padding-bottom:2pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}
      .t{font-size:22pt;text-align:center;margin:10pt 0 2pt 0;font-style:italic}.c{text-align:center;font-size:9pt}
      table.id{margin:6pt auto 8pt auto} table.id td{padding:1.5pt 8pt}.k{font-size:8pt;color:#333}
      table.gr{width:100%;border-collapse:separate;border-spacing:5pt} td.bk{border:1px solid #000;padding:4pt 6pt;vertical-align:top;width:50%;break-inside:avoid;line-height:1.35}.sg{margin-top:10pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${mdy(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, immunizations: doc.immunizations.map((s) => immGt(s)) } };
  },
};

// immunization.j2 (clinic): SUMMER CAMP / youth-program HEALTH FORM, immunization section (ACA camp health form
// manner, used for staff and campers): "Camper / staff name: Last ____ First ____", "Birthdate (mm/dd/yyyy)",
// a "Parent/guardian or self" line, a health-history tick block, then "IMMUNIZATION HISTORY" with ONE ROW PER VACCINE
// GROUP and ALL its dates in one cell separated by commas ("Influenza   10/02/2021, 10/15/2022, 09/30/2023"), the
// trade names in small type below, "Tetanus booster within 10 years? Yes", provider attestation box.
const imJ2 = {
  id: 'immunization.j2', set: SET, type: 'immunization_record',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const groups = []; const by = {};
    for (const s of doc.immunizations) { const k = s.short || s.vaccine; if (!by[k]) { by[k] = []; groups.push(k); } by[k].push(s); }
    const rows = groups.map((k) => `<tr><td class="vg">${esc(k)}</td><td>${by[k].map((s) => mdy(s.date)).join(', ')}<div class="tr">${[...new Set(by[k].map((s) => `${s.trade_name} (${s.mvx}) lot ${s.lot}`))].map(esc).join('; ')}</div></td></tr>`).join('');
    const tdapRecent = doc.immunizations.some((s) => /Td/.test(s.short || '') && ageOf(s.date, doc.date_of_service) < 10);
    const body = `
      <div class="tp"><span class="fn">${esc(rng.pick(['Camp Whispering Pines', 'Lakeside Youth Programs', 'Blue Heron Summer Camp']))}</span><span class="sm">Health Form &mdash; Part B: Immunizations &middot; completed by ${esc(doc.facility.name)}</span></div>
      <table class="nm"><tr><td class="k">Camper / staff name</td><td>Last <span class="ul">${esc(p.last)}</span></td><td>First <span class="ul">${esc(p.first)}</span></td><td>M.I. <span class="ul">${esc(p.middle ? p.middle[0] : '')}</span></td></tr>
      <tr><td class="k">Birthdate (mm/dd/yyyy)</td><td><span class="ul">${mdy(p.dob)}</span></td><td>Sex <span class="ul">${p.sex}</span></td><td>Session ${rng.int(1, 4)}</td></tr>
      <tr><td class="k">Parent / guardian or self</td><td colspan="3"><span class="ul">${p.age < 18 ? 'Parent/guardian on file' : 'Self (adult staff)'}</span> &nbsp; Phone ${fmtPhone(p.phone)}</td></tr></table>
      <div class="h">Health history (check if yes)</div>
      <p>&#9744; Asthma &nbsp; &#9744; Diabetes &nbsp; &#9744; Seizures &nbsp; &#9744; Food allergy &nbsp; ${doc.patient.allergies.length ? '&#9746;' : '&#9744;'} Medication allergy &nbsp; &#9744; Other</p>
      <div class="h">Immunization history</div>
      <p class="sm">List every date each vaccine was given. Attach an official record if available.</p>
      <table class="im"><thead><tr><th style="width:22%">Vaccine</th><th>Dates given (mm/dd/yyyy)</th></tr></thead><tbody>${rows}</tbody></table>
      <p>Tetanus booster within the last 10 years? <b>${tdapRecent ? 'Yes' : 'No / unknown'}</b></p>
      <table class="at keep"><tr><td>I have reviewed this immunization history against our records.<br>${signatureSvg(rng, 110, 24)}${esc(provName(doc.provider))} &middot; ${esc(doc.facility.name)} &middot; ${fmtPhone(doc.facility.phone)}</td><td>Date signed<br><b>${mdy(doc.date_of_service)}</b></td></tr></table>`;
    const css = baseCss(f, 9.5) + `
      .tp{display:flex;justify-content:space-between;align-items:baseline;border-bottom:3px double #000;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}
      table.nm{width:100%;margin:8pt 0} table.nm td{padding:3pt 6pt 3pt 0}.k{font-weight:bold;font-size:8.5pt;width:1.6in}.ul{border-bottom:0.75px solid #000;padding:0 10pt 0 2pt}
      .h{font-weight:bold;background:#000;color:#fff;padding:1.5pt 5pt;margin-top:8pt} p{margin:3pt 0}
      table.im{width:100%;border-collapse:collapse} table.im th{text-align:left;border-bottom:1.5px solid #000;font-size:8.5pt;padding:2pt} table.im td{border-bottom:0.5px solid #888;padding:3pt 2pt;vertical-align:top} td.vg{font-weight:bold}.tr{font-size:7pt;color:#333}
      table.at{width:100%;border:1px solid #000;margin-top:10pt} table.at td{padding:4pt;vertical-align:top}`;
    const footer = pageFooter(f, `${esc(p.last)}, ${esc(p.first)} &middot; Health Form Part B`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: `${p.last}, ${p.first}`, immunizations: doc.immunizations.map((s) => immGt(s, s.short || s.vaccine)) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.j1: MOBILE / PORTABLE X-RAY SERVICE report (mobile diagnostics company serving SNFs, assisted living and
// homebound patients): company banner "MOBILE DIAGNOSTIC SERVICES", a monospace order strip "PATIENT: TESTBURY,
// HAROLD  DOB: 03/04/1950  DOS: 03/14/2024  FACILITY: <nursing home> RM 12B  ORDERING: ...", "PROCEDURE: ... (CPT
// 71046)", "TECH: initials · PORTABLE · 2 VIEWS", then "REASON FOR EXAM", "FINDINGS", "IMPRESSION" (bulleted),
// "Interpreted by ..., MD (teleradiology partner) · signed 03/14/2024 18:22".
const radJ1 = {
  id: 'radiology.j1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}`;
    const site = `${rng.pick(['Maple Grove Care Center', 'Sunrise Assisted Living', 'Homebound patient residence', 'Cedar Ridge Skilled Nursing'])}`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">MOBILE DIAGNOSTIC SERVICES &middot; X-ray &middot; Ultrasound &middot; EKG at bedside &middot; ${fmtPhone(doc.facility.phone, 'dash')}</div></td><td class="r t">RADIOLOGY REPORT</td></tr></table>
      <div class="os">PATIENT: ${esc(nm)}   DOB: ${mdy(p.dob)}   SEX: ${p.sex}   ID: ${esc(doc.mrn)}<br>DOS: ${mdy(doc.exam_datetime)}   TIME: ${fmtTime(doc.exam_datetime, '24')}   FACILITY: ${esc(site.toUpperCase())}${/Homebound/.test(site) ? '' : ` RM ${rng.int(100, 299)}${rng.pick(['A', 'B'])}`}<br>ORDERING: ${esc(provLF(doc.provider, true))}   ACC: ${doc.accession}</div>
      <p><b>PROCEDURE:</b> ${esc(doc.exam)} (CPT ${doc.cpt}) &nbsp; <span class="sm">TECH ${rng.letters(2).toUpperCase()} &middot; ${doc.modality === 'XR' ? 'PORTABLE' : 'MOBILE UNIT'} &middot; ${esc(doc.modality)}</span></p>
      <div class="h">REASON FOR EXAM</div><p>${esc(doc.indication)}</p>
      <div class="h">TECHNIQUE / COMPARISON</div><p>${esc(doc.technique)} Comparison: ${esc(doc.comparison)}</p>
      <div class="h">FINDINGS</div>${doc.findings.map((x) => `<p>${esc(x)}</p>`).join('')}
      <div class="h">IMPRESSION</div>${doc.impression.map((x) => `<p>&bull; <b>${esc(x)}</b></p>`).join('')}
      ${doc.birads !== null && doc.birads !== undefined ? `<p>BI-RADS: ${doc.birads}</p>` : ''}
      <div class="keep sg">Interpreted by ${esc(provName(doc.radiologist))} (teleradiology partner) &middot; signed ${mdy(doc.signed)} ${fmtTime(doc.signed, '24')}<br>Results phoned/faxed to facility nurse and ordering provider.</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.t{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}
      .os{font-family:'Noto Mono';font-size:8.3pt;white-space:pre;border:1px solid #000;padding:4pt;margin:6pt 0;line-height:1.4}
      .h{font-weight:bold;font-size:9pt;margin:7pt 0 1pt 0} p{margin:1pt 0}.sg{margin-top:14pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOS ${mdy(doc.exam_datetime)} &middot; ACC ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f, 'Noto Mono'], gt: { name_printed: nm, radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.j1: URGENT-CARE / RETAIL-CLINIC "FOLLOW-UP REFERRAL NOTICE" to a specialist, sent through the clinic
// network's referral desk: a notification-style letter "Referral notice — please schedule", a key/value box with
// "Patient: Harold Testbury", "DOB: 3-4-1950" (dashed, unpadded), "Phone", "Insurance", "Referral date: Mar 14, 2024",
// "Refer to: <Specialty> — Dr ...", "Priority", "Authorization", then prose "We saw ... at our clinic", "Working
// diagnoses" with codes in square brackets, "Current medications" one per line with abbreviated sigs, sign-off from
// the clinic's referral coordinator.
const refJ1 = {
  id: 'referral.j1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const nm = nameFL(p);
    const kv = (k, v) => `<tr><td class="k">${k}</td><td>${v}</td></tr>`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Walk-in &amp; urgent care network &middot; Referral desk ${fmtPhone(doc.facility.phone, 'dash')} &middot; Fax ${fmtPhone(doc.facility.fax, 'dash')}</div></td><td class="r t">Referral notice<br><span class="sm">please schedule</span></td></tr></table>
      <p>To: ${esc(provName(to))}, ${esc(doc.specialty)} &middot; ${esc(doc.to_facility.name)} &middot; ${esc(fmtAddr(doc.to_facility.address))}</p>
      <table class="kv">${kv('Patient', `<b>${esc(nm)}</b>`)}${kv('DOB', mdyDash(p.dob))}${kv('Phone', fmtPhone(p.phone))}${kv('Referral date', monDY(doc.date_of_service))}${kv('Refer to', `${esc(doc.specialty)} &mdash; ${esc(provName(to))}`)}${kv('Priority', esc(doc.urgency))}${kv('Authorization', doc.auth_number ? esc(doc.auth_number) : 'Not required / pending')}</table>
      <p>We saw ${esc(p.first)} at our clinic and recommend evaluation by ${esc(doc.specialty)}. Reason: ${esc(doc.reason)}.</p>
      <p><b>Working diagnoses</b></p>${doc.diagnoses.map((x) => `<p class="in">${esc(x.description)} [${x.code}]</p>`).join('')}
      <p><b>Current medications</b></p>${doc.medications.length ? doc.medications.map((m) => `<p class="in">${esc(m.name)} ${esc(m.strength)} &ndash; ${esc(m.sig_abbrev)}</p>`).join('') : '<p class="in">None</p>'}
      <p><b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</p>
      <p>Enclosed: ${doc.enclosures.map(esc).join(', ')}. Please fax the consult note to ${fmtPhone(doc.facility.fax, 'dash')} and to the patient's primary care provider.</p>
      <div class="keep sg">Thank you,<br>${signatureSvg(rng, 110, 26)}${esc(provName(doc.provider))}<br><span class="sm">Referral coordinator: ${rng.pick(['M. Fakeley', 'S. Testone', 'P. Mockridge'])}</span></div>`;
    const css = baseCss(f, 10) + `
      table.hd{width:100%;border-bottom:1.5px solid #000;margin-bottom:8pt} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:13pt;font-style:italic}.sm{font-size:7.5pt}
      table.kv{border:1.5px solid #000;margin:6pt 0 10pt 0} table.kv td{padding:1.5pt 8pt}.k{font-weight:bold;font-size:9pt;background:#eee;width:1.3in}
      p{margin:2pt 0 4pt 0}.in{margin:0 0 1pt 16pt}.sg{margin-top:12pt}`;
    return { css, body, margins: M(0.7, 0.7, 0.85, 0.85), fonts: [f], gt: { name_printed: nm, diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.j1 (payer): HSA / HEALTH-PLAN "CLAIM & REIMBURSEMENT SUMMARY" (consumer-directed health plan with a linked
// HSA; HealthEquity / Optum Bank manner), kind eob: "Account holder: Harold Testbury", "Patient: Self", "Claim
// processed 03/21/2024", plan + HSA summary tiles (Deductible met, HSA balance), then a table Service date / Provider /
// Service (CPT) / Billed / Network savings / Plan paid / Deductible / Copay / Coinsurance / You owe, and a line "Pay
// from HSA?" with the amount; no "THIS IS NOT A BILL" banner.
const billJ1 = {
  id: 'billing.j1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const nm = nameFL(p);
    const rows = doc.lines.map((l) => `<tr><td>${mdy(l.date)}</td><td>${esc(doc.provider ? provName(doc.provider, false) : '')}</td><td>${esc(l.description)} (${l.cpt})</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.not_covered)}</td><td class="r">${money(l.paid)}</td><td class="r">${money(l.deductible)}</td><td class="r">${money(l.copay)}</td><td class="r">${money(l.coinsurance)}</td><td class="r b">${money(l.patient_resp)}</td></tr>`).join('');
    const hsa = rng.int(300, 5200) + rng.int(0, 99) / 100;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.payer)}</div><div class="sm">Consumer-directed health plan with Health Savings Account &middot; Member services ${fmtPhone(doc.facility.phone, 'one')}</div></td><td class="r t">Claim &amp; reimbursement<br>summary</td></tr></table>
      <table class="id"><tr><td>Account holder: <b>${esc(nm)}</b></td><td>Patient: Self</td><td>Member ID: ${doc.member_id}</td></tr>
      <tr><td>Plan: ${esc(doc.plan_name)} (HSA-eligible)</td><td>Claim: ${doc.claim_number}</td><td>Claim processed ${mdy(doc.processed)}</td></tr></table>
      <table class="tl"><tr><td><div class="k">Provider billed</div><div class="n">${money(t.billed)}</div></td><td><div class="k">Plan paid</div><div class="n">${money(t.paid)}</div></td><td><div class="k">You owe the provider</div><div class="n">${money(t.patient_resp)}</div></td><td><div class="k">HSA available balance</div><div class="n">${money(hsa)}</div></td></tr></table>
      <table class="it"><thead><tr><th>Service date</th><th>Provider</th><th>Service</th><th class="r">Billed</th><th class="r">Network savings</th><th class="r">Plan paid</th><th class="r">Deductible</th><th class="r">Copay</th><th class="r">Coinsurance</th><th class="r">You owe</th></tr></thead><tbody>${rows}
      <tr class="tt"><td colspan="3">Claim total</td><td class="r">${money(t.billed)}</td><td class="r">${money(t.not_covered)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.deductible)}</td><td class="r">${money(t.copay)}</td><td class="r">${money(t.coinsurance)}</td><td class="r">${money(t.patient_resp)}</td></tr></tbody></table>
      <div class="px">Pay from HSA? ${t.patient_resp > 0 ? `You can pay the ${money(t.patient_resp)} you owe from your HSA online or with your HSA debit card. Keep this summary as proof the expense is eligible (IRS Publication 502).` : 'Nothing to pay for this claim.'}</div>
      <p class="sm">Provider: ${esc(doc.facility.name)}. Network savings are the difference between the billed and the allowed amount; you do not owe them. Questions about this claim: ${fmtPhone(doc.facility.phone, 'one')}.</p>`;
    const css = baseCss(f, 8.8) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:12pt}.sm{font-size:7.5pt}
      table.id{width:100%;margin:6pt 0} table.id td{padding:1pt 4pt 1pt 0}
      table.tl{width:100%;border-collapse:separate;border-spacing:4pt;margin:2pt 0 6pt 0} table.tl td{border:1px solid #000;padding:3pt 6pt;width:25%}.k{font-size:7.5pt}.n{font-size:13pt;font-weight:bold}
      table.it{width:100%;border-collapse:collapse} table.it th{text-align:left;font-size:7.5pt;border-bottom:1.5px solid #000;padding:2pt} table.it td{padding:2pt;border-bottom:0.5px solid #aaa;font-size:8pt} tr.tt td{font-weight:bold;border-top:1px solid #000}
      .px{border:1.5px dashed #000;padding:4pt;margin:10pt 0 6pt 0}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Claim ${doc.claim_number}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.5, 0.5), fonts: [f], gt: { name_printed: nm, billing: eobGt(doc) } };
  },
};

export default [coverJ1, coverJ2, labJ1, labJ2, labJ3, dsJ1, ovJ1, ovJ2, mlJ1, imJ1, imJ2, radJ1, refJ1, billJ1];
