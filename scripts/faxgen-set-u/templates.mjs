// faxgen template set 'set-u': a FOURTH stand-in for faxgen's held-out template set, independent of
// set-a (faxgen), set-v, set-w and set-z (scripts/): other layouts, typefaces and fax-header formats.
// Written without reading Vessel's extraction/structuring code. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-u/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-u ...
// faxgen's helpers are imported from $FAXGEN_DIR or, by default, ../shared/faxgen beside the repo.
// Every template keeps set-a's ground-truth (`gt`) contract (see faxgen's README, "Ground-truth schema"):
// every structured fact in a template's gt is printed on its page(s).
// See README.md here: this set measures generalization; do not tune extraction rules to its layouts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAXGEN = fs.realpathSync(process.env.FAXGEN_DIR ? path.resolve(process.env.FAXGEN_DIR) : path.resolve(here, '../../../shared/faxgen'));
const lib = (p) => import(pathToFileURL(path.join(FAXGEN, 'lib', p)).href);
const { baseCss, labPanels, signatureSvg, barcodeSvg, logoSvg, box, medGt, esc } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, phoneDigits, nameFL, nameFML, provName, provLF, provDr, fmtAddr, money, ageOn, addDays, parseIso, pad: zpad } = await lib('util.mjs');
const { MVX } = await lib('clinical.mjs');

const SET = 'set-u';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// Only two Latin text faces on this machine are used by none of set-a/v/w: DejaVu Sans *Light*
// (ExtraLight weight) and DejaVu Math TeX Gyre (a DejaVu-Serif-like face from the math font). The mono
// and narrow slots have to reuse families of earlier sets, so templates vary weight (bold mono),
// italics, letter-spacing and size instead; see README.md.
export const fonts = {
  [SET]: {
    sans: ['DejaVu Sans Light', 'Nimbus Sans'],
    serif: ['DejaVu Math TeX Gyre', 'URW Bookman'],
    mono: ['FreeMono', 'Liberation Mono'],
    narrow: ['Liberation Sans Narrow'],
    tti: ['DejaVu Sans Light', 'FreeMono', 'Nimbus Sans'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- fax header (TTI) lines
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const h12 = (dt) => { const hh = Number(dt.slice(11, 13)); return { h: ((hh + 11) % 12) + 1, ap: hh < 12 ? 'AM' : 'PM', m: dt.slice(14, 16) }; };
/** "3.14.24": month.day.two-digit-year, no padding (dotted US short date) */
const dotShort = (iso) => { const d = parseIso(iso); return `${d.getUTCMonth() + 1}.${d.getUTCDate()}.${String(d.getUTCFullYear()).slice(2)}`; };
/** "03-04-1950": month-day-year with dashes */
const mdyDash = (iso) => fmtDate(iso, 'us').replace(/\//g, '-');
export const tti = {
  [SET]: [
    // Brother/Muratec desktop fax: semicolon-separated "Sent By: SENDER; 2175550146; Mar-14-24 10:32AM; Page 2/5"
    (t) => { const d = parseIso(t.dt); const c = h12(t.dt); return [`Sent By: ${t.sender.slice(0, 28)};`, `${phoneDigits(t.fax)};`, `${MON[d.getUTCMonth()]}-${zpad(d.getUTCDate())}-${String(d.getUTCFullYear()).slice(2)} ${c.h}:${c.m}${c.ap};`, `Page ${t.page}/${t.total}`]; },
    // Xerox/Konica network MFP: dotted short date "3.14.24 10:32a", "sender-fax -> recipient-fax", "Pg. 2 of 5"
    (t) => { const c = h12(t.dt); return [`${dotShort(t.dt)} ${c.h}:${c.m}${c.ap[0].toLowerCase()}`, `${fmtPhone(t.fax, 'dash')} -> ${fmtPhone(t.toFax, 'dash')}`, t.sender.toUpperCase().slice(0, 24), `Pg. ${t.page} of ${t.total}`]; },
    // e-fax service delivery banner: "CloudLine Fax | Thu 14 Mar 2024 10:32:07 | From +1 (217) 555-0146 | SENDER | pg [2/5]"
    (t) => { const d = parseIso(t.dt); return [`CloudLine Fax | ${DAY[d.getUTCDay()]} ${d.getUTCDate()} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()} ${fmtTime(t.dt, '24')}:${zpad(t.sec)}`, `| From +1 ${fmtPhone(t.fax)} |`, t.sender.slice(0, 22), `| pg [${t.page}/${t.total}]`]; },
  ],
};

// ---------------------------------------------------------------- helpers
const PN = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
const pageFooter = (f, left, right, padIn = 0.6, size = 7) => `<div style="font-family:'${f}';font-size:${size}pt;box-sizing:border-box;width:100%;padding:0 ${padIn}in;display:flex;justify-content:space-between"><span>${left}</span><span>${right}</span></div>`;
/** "TESTBURY, Harold J": surname in capitals, given name in title case */
const nameCapLast = (p) => `${p.last.toUpperCase()}, ${p.first}${p.middle ? ' ' + p.middle[0] : ''}`;
/** "Testbury, Harold J" */
const nameLFt = (p) => `${p.last}, ${p.first}${p.middle ? ' ' + p.middle[0] : ''}`;
/** "TESTBURY,HAROLD J": LIS style, no space after the comma */
const nameLis = (p) => `${p.last},${p.first}${p.middle ? ' ' + p.middle[0] : ''}`.toUpperCase();
/** "14MAR2024 0815" (date-time without separators, LIS style) */
const lisDt = (dt) => `${fmtDate(dt, 'dmy-mon').replace(/-/g, '').toUpperCase()} ${fmtTime(dt, '24c')}`;
/** labPanels with our own flag spelling written back into the ground truth (gt.flag stays H/L/A) */
function panelsWith(doc, opts, spell) {
  const panels = labPanels(doc, { ...opts, flagStyle: 'HL' });
  for (const P of panels) for (const r of P.rows) { r.flagPrinted = r.flag ? spell(r) : ''; r.gt.flag_printed = r.flagPrinted || null; }
  return panels;
}
/** a result far outside its range (outreach labs print "C" = critical / call value) */
function isCritical(r) {
  const g = r.gt; const v = g.value_numeric;
  if (v === null || !r.flag) return false;
  if (g.reference_high !== null && g.reference_low !== null) { const w = g.reference_high - g.reference_low; return v > g.reference_high + w / 2 || v < g.reference_low - w / 4; }
  if (g.reference_high !== null) return v > g.reference_high * 1.5;
  return false;
}
const immGt = (s, printed) => ({ vaccine: s.vaccine, vaccine_printed: printed, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: s.lot, site: s.site });
const allergyText = (doc) => (doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join(', ') : 'NKDA');

// ======================= FAX COVER SHEETS =======================
// cover.u1: cover page generated by a cloud e-fax SERVICE (eFax / RingCentral style): service banner
// with a coloured-bar logo, big "Fax Message", grey caption-over-value cells, "Pages (including cover): 5",
// long weekday date "Thursday, March 14, 2024", a "Sent with CloudLine Fax" footer line.
const coverU1 = {
  id: 'cover.u1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility; const rng = env.rng;
    const d = parseIso(doc.date_of_service);
    const longDate = `${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()]}, ${fmtDate(doc.date_of_service, 'month-d-y')}`;
    const cell = (cap, v) => `<td><div class="cap">${cap}</div><div class="val">${v}</div></td>`;
    const body = `
      <div class="bn"><span class="bars"><i></i><i></i><i></i></span><span class="svc">CloudLine<b>Fax</b></span><span class="tag">secure cloud fax</span></div>
      <div class="ttl">Fax Message${doc.urgent ? ' <span class="urg">URGENT</span>' : ''}</div>
      <table class="g">
        <tr>${cell('To', esc(doc.to_name) + (doc.to_org ? `<br>${esc(doc.to_org)}` : ''))}${cell('From', `${esc(doc.from_person)}<br>${esc(s.name)}`)}</tr>
        <tr>${cell('Recipient fax', fmtPhone(doc.to_fax, 'intl'))}${cell('Sender fax', fmtPhone(s.fax, 'intl'))}</tr>
        <tr>${cell('Recipient phone', doc.to_phone ? fmtPhone(doc.to_phone, 'intl') : '&mdash;')}${cell('Sender phone', fmtPhone(s.phone, 'intl'))}</tr>
        <tr>${cell('Date', `${longDate} ${fmtTime(doc.datetime, '12n')}`)}${cell('Pages (including cover)', String(doc.pages))}</tr>
        <tr><td colspan="2"><div class="cap">Subject</div><div class="val">${esc(doc.re)}</div></td></tr>
      </table>
      <div class="cap" style="margin-top:14pt">Message</div><div class="msg">${esc(doc.message)}</div>
      <div class="conf">This fax may contain protected health information. If you are not the intended recipient, you are notified that reading, copying or distributing it is prohibited. Please notify the sender at ${fmtPhone(s.phone, 'dash')} and delete or destroy all copies.</div>
      <div class="ft">Sent with CloudLine Fax &middot; Account ${rng.digits(3)}-${rng.digits(4)} &middot; Job ID ${rng.letters(2)}${rng.digits(8)}</div>`;
    const css = baseCss(f, 10.5) + `
      .bn{display:flex;align-items:center;gap:8pt;border-bottom:1px solid #777;padding-bottom:6pt}.bars i{display:inline-block;width:7pt;height:22pt;background:#333;margin-right:2pt;transform:skewX(-15deg)}.bars i:nth-child(2){background:#777}.bars i:nth-child(3){background:#aaa}
      .svc{font-size:20pt;letter-spacing:-0.5pt}.tag{font-size:8pt;color:#555;margin-left:auto;font-style:italic}
      .ttl{font-size:30pt;margin:22pt 0 12pt 0}.urg{font-size:12pt;border:2px solid #000;padding:1pt 6pt;vertical-align:middle;font-weight:bold}
      table.g{width:100%} table.g td{width:50%;vertical-align:top;padding:5pt 8pt 7pt 0;border-bottom:1px solid #ccc}
      .cap{font-size:7.5pt;color:#555;text-transform:uppercase;letter-spacing:0.8pt}.val{font-size:11.5pt;margin-top:1pt}
      .msg{min-height:150pt;border:1px solid #bbb;border-radius:6pt;padding:8pt;margin-top:3pt}
      .conf{margin-top:16pt;font-size:7.5pt;color:#333}.ft{margin-top:10pt;font-size:7pt;color:#666;border-top:1px solid #ccc;padding-top:3pt}`;
    return { css, body, margins: M(0.65, 0.6, 0.8, 0.8), fonts: [f] };
  },
};

// cover.u2: transmittal written as a short LETTER on letterhead (small practices / specialty offices
// that type a cover note in the word processor): date "14-Mar-2024", recipient block, "Re:" line,
// the page count only inside a sentence ("This transmission consists of 5 pages, including this one").
const coverU2 = {
  id: 'cover.u2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'serif'); const s = doc.from_facility; const rng = env.rng;
    const body = `
      <div class="lh"><div class="fn">${esc(s.name)}</div><div class="ad">${esc(s.address.line1)} &#9679; ${esc(s.address.city)}, ${s.address.state} ${s.address.zip}</div><div class="ad">Telephone ${fmtPhone(s.phone, 'dot')} &#9679; Facsimile ${fmtPhone(s.fax, 'dot')}</div></div>
      <p class="dt">${fmtDate(doc.date_of_service, 'dmy-mon')}</p>
      <p>VIA FACSIMILE ${fmtPhone(doc.to_fax)}${doc.urgent ? ' &mdash; <b>TIME SENSITIVE</b>' : ''}</p>
      <p>${esc(doc.to_name)}${doc.to_org ? `<br>${esc(doc.to_org)}` : ''}${doc.to_phone ? `<br>Tel. ${fmtPhone(doc.to_phone)}` : ''}</p>
      <p class="re"><i>Re:</i> ${esc(doc.re)}</p>
      <p>${esc(doc.message)}</p>
      <p>This transmission consists of ${doc.pages} pages, including this one. Should any page be missing or unreadable, kindly telephone ${fmtPhone(s.phone)} and ask for ${esc(doc.from_person)}.</p>
      <p style="margin-top:16pt">Regards,</p>${rng.chance(0.6) ? signatureSvg(rng, 130, 32) : '<div style="height:26pt"></div>'}<p>${esc(doc.from_person)}<br>${esc(s.name)}</p>
      <div class="conf">Privileged and confidential. The pages that follow contain health information protected by federal and state law and are intended solely for the addressee. Any other use, disclosure or copying is prohibited. If this reached you in error please telephone the sender and return or destroy the pages.</div>`;
    const css = baseCss(f, 11.5) + `
      .lh{border-bottom:0.75pt solid #000;padding-bottom:6pt;margin-bottom:20pt}.fn{font-size:17pt;font-style:italic}.ad{font-size:8.5pt;letter-spacing:0.4pt}
      .dt{margin-bottom:12pt}.re{margin:12pt 0}p{margin:0 0 9pt 0;line-height:1.4}
      .conf{margin-top:40pt;font-size:8pt;font-style:italic;border-top:0.5pt solid #000;padding-top:4pt}`;
    return { css, body, margins: M(0.9, 0.8, 1.1, 1.0), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.u1: regional hospital OUTREACH laboratory report (community hospital lab serving clinics):
// identity box top-right "Patient Name:" LAST, First / "Birth Date:" 04-Mar-1950 / "Med Rec No.";
// ISO collection date-times; results grouped under shaded panel bars; columns
// "Test | Result | Units | Reference Range | Flag" with units in square brackets "[mg/dL]" and a flag
// column that only says A (abnormal) or C (critical), no direction; legend at the bottom.
const labU1 = {
  id: 'lab.u1', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Prairie Regional Hospital Outreach Laboratory', 'Lakeview Medical Center Outreach Lab', 'Three Rivers Health Outreach Laboratory'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'full', rangeStyle: 'l' }, (r) => (isCritical(r) ? 'C' : 'A'));
    const rowsHtml = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td class="un">${r.unit ? `[${esc(r.unit)}]` : ''}</td><td>${esc(r.range)}</td><td class="fl">${esc(r.flagPrinted)}</td></tr>`).join('')).join('');
    const body = `
      <table class="top"><tr><td class="lt">${logoSvg(rng, rng.pick(['cross', 'mountain']), 30)}<div class="fn">${esc(doc.facility.name)}</div><div class="sub">Laboratory Outreach Services</div>
        <div class="sm">${esc(fmtAddr(doc.facility.address))}<br>Lab Client Services ${fmtPhone(doc.facility.phone, 'dash')} &middot; Fax ${fmtPhone(doc.facility.fax, 'dash')}</div></td>
        <td class="idb"><table>
          <tr><td>Patient Name:</td><td><b>${esc(nameCapLast(p))}</b></td></tr>
          <tr><td>Birth Date:</td><td>${fmtDate(p.dob, 'dmy-mon')} &nbsp; (${ageOn(p.dob, doc.collected)} yrs)</td></tr>
          <tr><td>Gender:</td><td>${p.sex === 'F' ? 'Female' : 'Male'}</td></tr>
          <tr><td>Med Rec No.:</td><td>${esc(doc.mrn)}</td></tr>
          <tr><td>Acct No.:</td><td>${doc.account}</td></tr></table></td></tr></table>
      <table class="ord"><tr><td>Ordering: ${esc(provLF(doc.provider))}, ${esc(doc.provider.cred)}</td><td>Submitting client: ${esc(doc.client.name)}</td></tr>
        <tr><td>Collected: ${fmtDate(doc.collected, 'iso')} ${fmtTime(doc.collected, '24')}</td><td>Received: ${fmtDate(doc.received, 'iso')} ${fmtTime(doc.received, '24')} &nbsp; Resulted: ${fmtDate(doc.reported, 'iso')} ${fmtTime(doc.reported, '24')}</td></tr>
        <tr><td>Specimen #: ${doc.accession}</td><td>Report status: ${esc(doc.status.toUpperCase())}</td></tr></table>
      <table class="res"><thead><tr><th style="width:40%">Test</th><th style="width:13%">Result</th><th style="width:16%">Units</th><th style="width:20%">Reference Range</th><th>Flag</th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <div class="keep lg">FLAG LEGEND: A = Abnormal (outside reference range) &nbsp; C = Critical value, called to the ordering office. Units are shown in brackets.<br>
      Tests performed at ${esc(doc.facility.name)} Clinical Laboratory, CLIA ${doc.clia}. Medical Director ${esc(provName(doc.lab_director))}.</div>`;
    const css = baseCss(f, 9) + `
      table.top{width:100%} table.top td{vertical-align:top}.fn{font-size:14pt;margin-top:3pt}.sub{font-size:10pt;letter-spacing:2pt;text-transform:uppercase}.sm{font-size:7.5pt;margin-top:2pt}
      td.idb{width:42%;border:1.5px solid #000;padding:3pt 5pt} td.idb td{padding:0.5pt 3pt;font-size:8.5pt}
      table.ord{width:100%;margin:8pt 0 6pt 0;font-size:8pt;border-top:1px solid #000;border-bottom:1px solid #000} table.ord td{padding:1pt 2pt}
      table.res{width:100%} table.res th{text-align:left;font-size:8pt;padding:2pt;border-bottom:1.5px solid #000} table.res td{padding:1.2pt 2pt}
      tr.ph td{background:#d6d6d6;font-weight:bold;padding:2pt 4pt;letter-spacing:0.4pt} td.tn{padding-left:8pt} td.fl{font-weight:bold;text-align:center} td.un{font-size:8.5pt}
      .lg{margin-top:12pt;font-size:7pt;border-top:1px solid #000;padding-top:3pt}`;
    const footer = pageFooter(f, `${esc(nameCapLast(p))} &nbsp;|&nbsp; MRN ${esc(doc.mrn)} &nbsp;|&nbsp; Specimen ${doc.accession}`, PN, 0.55);
    return { css, body, footer, margins: M(0.5, 0.55, 0.55, 0.55), fonts: [f], gt: { lab_results: panels.flatMap((P) => P.rows.map((r) => r.gt)), name_printed: nameCapLast(p), performing_lab: doc.facility.name } };
  },
};

// lab.u2: in-office (point-of-care / CLIA-waived) lab SLIPS: each panel is printed as its own
// analyzer-style receipt box with the patient line repeated ("Pt: First Last  DOB 3.4.1950"), test
// abbreviations, value, unit, expected range in parentheses after the unit, arrow flags (↑ / ↓, "ABN"),
// operator ID and dotted short date "3.14.24 8:15 AM"; slips flow two per row, printed dark (thermal
// receipts photocopied onto the fax) so the thin mono faces survive fax binarization.
const labU2 = {
  id: 'lab.u2', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: null,
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const dotDob = (() => { const d = parseIso(p.dob); return `${d.getUTCMonth() + 1}.${d.getUTCDate()}.${d.getUTCFullYear()}`; })();
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'abbr', rangeStyle: 'h' }, (r) => ({ H: '↑', L: '↓', A: 'ABN' }[r.flag]));
    const dev = { CBC: 'HemaPoint 5 Hematology', CBCND: 'HemaPoint 5 Hematology', CMP: 'ChemRotor Plus', BMP: 'ChemRotor Plus', LIPID: 'LipidCheck Pro', A1C: 'A1cNow Analyzer', UA: 'UroScan 100 Reader', MALB: 'UroScan 100 Reader' };
    const opId = rng.letters(2) + rng.digits(2);
    const slips = panels.map((P) => `<div class="slip keep"><div class="sh">${esc(doc.facility.name.toUpperCase())}</div><div class="dv">${esc(dev[P.key] || 'ChemRotor Plus')} &middot; S/N ${rng.digits(6)}</div>
      <div class="pl">Pt: ${esc(nameFL(p))}<br>DOB ${dotDob} &nbsp;ID ${esc(doc.mrn)}<br>${dotShort(doc.collected)} ${fmtTime(doc.collected, '12n')} &nbsp;Acc ${doc.accession}</div>
      <div class="pn">${esc(P.name)}</div>
      <table>${P.rows.map((r) => `<tr><td>${esc(r.name)}</td><td class="r">${esc(r.value)}</td><td>${esc(r.unit)}</td><td>${r.range ? `(${esc(r.range)})` : ''}</td><td class="fl">${esc(r.flagPrinted)}</td></tr>`).join('')}</table>
      <div class="op">Operator ${opId} &nbsp; QC: PASS</div></div>`).join('');
    const body = `
      <div class="hd"><div class="t">IN-OFFICE LABORATORY RESULTS</div><div>${esc(doc.facility.name)} &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div>
      <div>Ordered by ${esc(provName(doc.provider))} &middot; Performed on site (CLIA-waived testing, CLIA #${doc.clia})</div></div>
      <div class="grid">${slips}</div>
      <div class="keep nt">↑ above expected range &nbsp; ↓ below expected range &nbsp; ABN abnormal. Printed analyzer slips reviewed and initialed: ${esc(provDr(doc.provider).replace('Dr. ', ''))} ______</div>`;
    const css = baseCss(f, 8.5) + `
      body{font-weight:bold}.hd{border-bottom:2px solid #000;padding-bottom:3pt;margin-bottom:8pt;font-size:8pt}.t{font-size:13pt}
      .grid{display:flex;flex-wrap:wrap;gap:8pt;align-items:flex-start}
      .slip{width:48.5%;border:1px dashed #000;padding:4pt 5pt;font-size:7.5pt;font-weight:bold}.sh{font-weight:bold;text-align:center}.dv{text-align:center;font-size:7.5pt}
      .pl{margin:4pt 0;border-top:1px dashed #000;border-bottom:1px dashed #000;padding:2pt 0}.pn{font-weight:bold;margin-bottom:2pt}
      .slip table{width:100%} .slip td{padding:0.5pt 2pt 0.5pt 0;white-space:nowrap} td.fl{font-size:10pt;line-height:1} .op{margin-top:3pt;font-size:7.5pt}
      .nt{margin-top:10pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} &nbsp; DOB ${dotDob}`, PN, 0.6);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: panels.flatMap((P) => P.rows.map((r) => r.gt)), name_printed: nameFL(p), performing_lab: doc.facility.name } };
  },
};

// lab.u3: RESULTS LETTER TO THE PATIENT in prose (small practice "your recent lab work" letter):
// mailing address block, "Dear Ms. Testbury", one paragraph per panel with one sentence per test
// ("Your Glucose was 128 mg/dL (normal range 65-99), which is higher than normal."), collection date
// "March 14, 2024", identity only as "Patient: First M. Last · Date of birth March 4, 1950".
const labU3 = {
  id: 'lab.u3', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Tri-County Reference Laboratory', 'Lakeshore Medical Laboratories'],
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const word = { H: 'higher than normal', L: 'lower than normal', A: 'abnormal' };
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'full', rangeStyle: 'h' }, (r) => word[r.flag]);
    const title = p.age < 18 ? '' : p.sex === 'F' ? 'Ms. ' : 'Mr. ';
    // names and ranges never break at their hyphens ("Non-HDL", "65-99"), as a word processor would not either
    const sent = (r) => `Your <span class="nb">${esc(r.name)}</span> was <b class="nb">${esc(r.value)}${r.unit ? ' ' + esc(r.unit) : ''}</b>${r.range ? ` (normal range <span class="nb">${esc(r.range)}</span>)` : ''}${r.flag ? `, which is <u>${esc(r.flagPrinted)}</u>` : ''}.`;
    const paras = panels.map((P) => `<p><b>${esc(P.name)}.</b> ${P.rows.map(sent).join(' ')}</p>`).join('');
    const nAbn = panels.reduce((n, P) => n + P.rows.filter((r) => r.flag).length, 0);
    const body = `
      <div class="lh"><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &nbsp;&bull;&nbsp; ${fmtPhone(doc.facility.phone)}</div></div>
      <p style="margin-top:14pt">${fmtDate(doc.reported, 'month-d-y')}</p>
      <p>${esc(title + nameFML(p))}<br>${esc(p.address.line1)}<br>${esc(p.address.city)}, ${p.address.state} ${p.address.zip}</p>
      <p class="id">Patient: ${esc(nameFML(p))} &nbsp;&middot;&nbsp; Date of birth ${fmtDate(p.dob, 'month-d-y')} &nbsp;&middot;&nbsp; Chart ${esc(doc.mrn)}</p>
      <p>Dear ${esc(title ? title + p.last : p.first)},</p>
      <p>Thank you for having your blood${panels.some((P) => P.key === 'UA' || P.key === 'MALB') ? ' and urine' : ''} tests done on ${fmtDate(doc.collected, 'month-d-y')}. The tests were run by ${esc(doc.performingLab)}, and I have reviewed the results. ${nAbn ? `${nAbn === 1 ? 'One result was' : 'A few results were'} outside the normal range; these are underlined below.` : 'All of your results were within the normal range.'}</p>
      ${paras}
      <p>${nAbn ? rng.pick(['We will go over these results at your next visit. Please keep your scheduled appointment.', 'Please call the office to schedule a follow-up visit so we can discuss these results.', 'No change in your treatment is needed right now; we will repeat these tests in 3 months.']) : 'No further action is needed. Keep up the good work!'} If you have questions, please call us at ${fmtPhone(doc.facility.phone)} or send a message through the patient portal.</p>
      <p>Sincerely,</p>${signatureSvg(rng, 140, 34)}<p>${esc(provName(doc.provider))}</p>
      <p class="ref">Laboratory reference: accession ${doc.accession}, ${esc(doc.status.toLowerCase())} report of ${fmtDate(doc.reported, 'month-d-y')} ${fmtTime(doc.reported, '12n')}.</p>`;
    const css = baseCss(f, 11) + `
      .lh{text-align:center}.fn{font-size:16pt;letter-spacing:1pt;font-variant:small-caps}.sm{font-size:8.5pt;border-top:0.5pt solid #000;padding-top:2pt;margin-top:2pt}
      .id{font-size:9pt;border:0.5pt solid #000;padding:2pt 4pt;display:inline-block}p{line-height:1.45;margin-bottom:8pt}.ref{font-size:8pt;margin-top:14pt}`;
    const footer = pageFooter(f, `${esc(nameFML(p))} &ndash; lab results letter`, PN, 1.0, 7.5);
    return { css, body, footer, margins: M(0.7, 0.7, 1.0, 1.0), fonts: [f], gt: { lab_results: panels.flatMap((P) => P.rows.map((r) => r.gt)), name_printed: nameFML(p), performing_lab: doc.performingLab } };
  },
};

// lab.u4: small-hospital LIS "chart copy" print (older line-printer style, bold monospace): patient
// identity ONLY in a LEFT SIDEBAR column (NAME: TESTBURY,HAROLD J / DOB / AGE-SEX / MR# / ACCT# / LOC /
// collected "14MAR2024 0815"); results as one line per test with the abnormal flag in a LEADING column,
// dot leaders after the test name, then value, units and the range in parentheses.
const labU4 = {
  id: 'lab.u4', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'lis', rangeStyle: 'lis' }, (r) => ({ H: 'HI', L: 'LO', A: '**' }[r.flag]));
    const lines = panels.map((P) => `<div class="pnl">${esc(P.name)}</div>` + P.rows.map((r) =>
      `<div class="ln"><span class="fl">${esc(r.flagPrinted)}</span><span class="tn">${esc(r.name)} ${'.'.repeat(Math.max(2, 27 - r.name.length))}</span><span class="v">${esc(r.value)}</span><span class="un">${esc(r.unit)}</span><span class="rg">${esc(r.range)}</span></div>`).join('')).join('');
    const loc = rng.pick(['OUTPT LAB', 'ER', '3W-12', 'PREADMIT', 'CLINIC DRAW']);
    const side = `<div class="sb"><div class="sbh">PATIENT</div>
      <div class="k">NAME:</div><div class="vv">${esc(nameLis(p))}</div>
      <div class="k">DOB:</div><div class="vv">${fmtDate(p.dob, 'us')}</div>
      <div class="k">AGE/SEX:</div><div class="vv">${ageOn(p.dob, doc.collected)}/${p.sex}</div>
      <div class="k">MR#:</div><div class="vv">${esc(doc.mrn)}</div>
      <div class="k">ACCT#:</div><div class="vv">${doc.account}</div>
      <div class="k">LOC:</div><div class="vv">${loc}</div>
      <div class="k">ATTN DR:</div><div class="vv">${esc(`${doc.provider.last},${doc.provider.first}`.toUpperCase())}</div>
      <div class="sbh" style="margin-top:8pt">SPECIMEN</div>
      <div class="k">SPEC#:</div><div class="vv">${doc.accession}</div>
      <div class="k">COLL:</div><div class="vv">${lisDt(doc.collected)}</div>
      <div class="k">RECD:</div><div class="vv">${lisDt(doc.received)}</div>
      <div class="k">STATUS:</div><div class="vv">${esc(doc.status.toUpperCase())}</div></div>`;
    const body = `
      <div class="hd">${esc(doc.facility.name.toUpperCase())} &mdash; LABORATORY<br><span class="sm">${esc(fmtAddr(doc.facility.address).toUpperCase())} &nbsp; LAB ${fmtPhone(doc.facility.phone, 'dash')}</span></div>
      <div class="wrap">${side}<div class="main"><div class="colh"><span class="fl">FLG</span><span class="tn">TEST</span><span class="v">RESULT</span><span class="un">UNITS</span><span class="rg">REF RANGE</span></div>${lines}
      <div class="keep end">HI/LO = OUTSIDE REFERENCE RANGE &nbsp; ** = ABNORMAL<br>VERIFIED BY ${esc(doc.techId)} &nbsp; PRINTED ${lisDt(doc.reported)}<br>*** END OF REPORT ***</div></div></div>`;
    const css = baseCss(f, 8.5) + `
      body{font-weight:bold}.hd{font-size:10pt;border-bottom:2px solid #000;padding-bottom:2pt;margin-bottom:6pt}.sm{font-size:7.5pt}
      .wrap{display:flex;gap:8pt}.sb{width:1.55in;flex:none;border-right:1.5px solid #000;padding-right:5pt;font-size:7.5pt}
      .sbh{background:#000;color:#fff;padding:1pt 3pt;margin-bottom:2pt}.k{margin-top:2pt}.vv{padding-left:6pt;word-break:break-all}
      .main{flex:1}.colh{border-bottom:1px solid #000;display:flex;font-size:8pt}.pnl{margin-top:6pt;text-decoration:underline}
      .ln,.colh{display:flex;white-space:nowrap}.fl{width:0.35in;flex:none}.tn{width:2.15in;flex:none}
      .v{width:0.75in;flex:none;text-align:right;padding-right:6pt}.un{width:0.85in;flex:none}.rg{flex:1}
      .end{margin-top:10pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nameLis(p))} &nbsp; MR# ${esc(doc.mrn)}`, `PAGE <span class="pageNumber"></span>`, 0.55);
    return { css, body, footer, margins: M(0.5, 0.55, 0.5, 0.5), fonts: [f], gt: { lab_results: panels.flatMap((P) => P.rows.map((r) => r.gt)), name_printed: nameLis(p), performing_lab: doc.facility.name } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.u1: patient-copy DISCHARGE INSTRUCTIONS sheet (ED / short-stay "After Visit Summary"):
// identity only on a hospital patient-label STICKER (addressograph, monospace, top-right) and in the
// footer; "You were in the hospital from ... to ..."; plain-language sections; medicines as a
// "START taking / KEEP taking / CHANGE how you take / STOP taking" grouped checklist; DOB 03-04-1950.
const dsU1 = {
  id: 'discharge.u1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const groups = [['New', 'START taking these medicines'], ['Changed', 'CHANGE how you take these medicines'], ['Continue', 'KEEP taking these medicines'], ['Stop', 'STOP taking these medicines']];
    const medHtml = groups.map(([st, title]) => {
      const ms = doc.medications.filter((m) => m.status === st);
      if (!ms.length) return '';
      return `<div class="mg keep"><div class="mgt">${box(true)} ${title}</div><table class="mt">${ms.map((m) => `<tr><td class="mn">${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</td><td>${st === 'Stop' ? `Do not take. (You were taking it: ${esc(m.sig)})` : esc(m.sig)}</td></tr>`).join('')}</table></div>`;
    }).join('');
    const sticker = `<div class="stk">${esc(nameLFt(p).toUpperCase())}<br>MRN ${esc(doc.mrn)} &nbsp;ACCT ${doc.account}<br>DOB ${mdyDash(p.dob)} &nbsp;${p.age}Y ${p.sex}<br>ATT: ${esc(`${doc.provider.last}, ${doc.provider.first}`.toUpperCase())}<br>${barcodeSvg(rng, 120, 14)}</div>`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))}<br>Nurse advice line ${fmtPhone(doc.facility.phone)}</div><div class="t">Discharge Instructions</div><div class="sm">Patient copy &mdash; please keep this paper</div></td><td class="r">${sticker}</td></tr></table>
      <div class="stay">You were in the hospital from <b>${fmtDate(doc.admit_date, 'month-d-y')}</b> to <b>${fmtDate(doc.discharge_date, 'month-d-y')}</b> because of ${esc(doc.reason)}.</div>
      <h3>Why you were in the hospital (your diagnoses)</h3><ul>${doc.diagnoses.map((d) => `<li>${esc(d.description)} <span class="cd">(${d.code})</span>${d.principal ? ' &mdash; main reason' : ''}</li>`).join('')}</ul>
      ${doc.procedures.length ? `<h3>Procedures done</h3><p>${doc.procedures.map(esc).join('; ')}</p>` : ''}
      <h3>Your medicines</h3>${medHtml}
      <h3>Allergies</h3><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join(', ') : 'No known allergies'}</p>
      <h3>Diet and activity</h3><p>Diet: ${esc(doc.diet)}. Activity: ${esc(doc.activity)}.</p>
      <h3>Follow-up appointments</h3><ul>${doc.followup.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>
      ${doc.pending.length ? `<p>Tests still pending at discharge (we will call you): ${esc(doc.pending.join('; '))}</p>` : ''}
      <div class="warn keep"><b>Call 911 or return to the Emergency Department if you have:</b> chest pain, trouble breathing, fainting, fever over 101&deg;F, or symptoms that get worse.</div>
      <p class="sm">Going to: ${esc(doc.disposition)}. Condition: ${esc(doc.condition)}. Discharging physician: ${esc(provName(doc.provider))}.</p>
      <table class="sg keep"><tr><td>${signatureSvg(rng, 120, 26)}Patient / responsible adult</td><td><div style="height:26px"></div>Nurse: ${esc(rng.pick(['K. Mockley, RN', 'T. Samplewood, RN', 'J. Fauxley, RN']))}</td><td><div style="height:26px"></div>Date ${fmtDate(doc.discharge_date, 'us')}</td></tr></table>`;
    const css = baseCss(f, 10) + `
      table.hd{width:100%} table.hd td{vertical-align:top}.fn{font-size:13pt;font-weight:bold}.sm{font-size:8pt}.t{font-size:24pt;margin-top:8pt}
      .stk{display:inline-block;text-align:left;font-family:'FreeMono';font-weight:bold;font-size:8pt;border:1px solid #000;border-radius:5pt;padding:4pt 6pt;line-height:1.2}
      .stay{margin:10pt 0;font-size:11pt;border-left:4px solid #000;padding-left:6pt}
      h3{font-size:11pt;margin:9pt 0 3pt 0;border-bottom:1px solid #999}ul{margin:0;padding-left:18pt}.cd{font-size:8.5pt}
      .mg{margin:4pt 0 6pt 0}.mgt{font-weight:bold;font-size:10pt} table.mt{width:100%;margin-left:14pt} table.mt td{padding:1pt 4pt;border-bottom:1px dotted #888;vertical-align:top} td.mn{width:45%;font-weight:bold}
      .warn{border:2px solid #000;padding:5pt;margin:10pt 0}
      table.sg{width:100%;margin-top:10pt} table.sg td{width:33%;border-top:1px solid #000;vertical-align:bottom;font-size:8pt;padding-top:2pt}`;
    const footer = pageFooter(f, `${esc(nameLFt(p))} &nbsp; DOB ${mdyDash(p.dob)} &nbsp; MRN ${esc(doc.mrn)}`, PN, 0.6);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameLFt(p).toUpperCase(), medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.u1: specialist CONSULTATION LETTER back to the primary-care physician ("Dear Dr. X,
// thank you for asking me to see..."): "Re: Testbury, Harold (DOB 03-04-1950)" line, date of visit
// in the opening sentence, vitals written in prose, assessment as a numbered list with ICD-10 codes
// in brackets, current medications as a comma-run paragraph with abbreviated sigs, "cc:" line.
const ovU1 = {
  id: 'office_visit.u1', set: SET, type: 'office_visit_note',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng; const v = doc.vitals;
    const pcp = p.pcp && (p.pcp.first !== doc.provider.first || p.pcp.last !== doc.provider.last) ? p.pcp : null;
    const dear = pcp ? `Dear ${esc(provDr(pcp))},` : 'Dear Colleague,';
    const pr = p.sex === 'F' ? ['She', 'her'] : ['He', 'his'];
    const body = `
      <table class="hd"><tr><td class="fn">${esc(doc.facility.name)}</td><td class="r sm">${esc(doc.facility.address.line1)}<br>${esc(doc.facility.address.city)}, ${doc.facility.address.state} ${doc.facility.address.zip}<br>T ${fmtPhone(doc.facility.phone, 'dot')} &nbsp; F ${fmtPhone(doc.facility.fax, 'dot')}</td></tr></table>
      <p style="margin-top:14pt">${fmtDate(doc.signed, 'month-d-y')}</p>
      ${pcp ? `<p>${esc(provName(pcp))}<br>${esc(p.clinic.name)}<br>${esc(p.clinic.address.line1)}<br>${esc(p.clinic.address.city)}, ${p.clinic.address.state} ${p.clinic.address.zip}</p>` : ''}
      <p class="re"><b>Re: ${esc(`${p.last}, ${p.first}`)} (DOB ${mdyDash(p.dob)})</b> &nbsp; Our MRN ${esc(doc.mrn)}</p>
      <p>${dear}</p>
      <p>Thank you for asking me to see ${esc(nameFL(p))}, whom I saw in the office on ${fmtDate(doc.date_of_service, 'month-d-y')} (${esc(doc.visit_type.toLowerCase())}) for ${esc(doc.chief_complaint.toLowerCase())}. ${esc(doc.hpi)}</p>
      <p>On examination ${pr[1]} blood pressure was ${v.bp}, pulse ${v.hr}, temperature ${v.temp} &deg;F, respirations ${v.rr}, oxygen saturation ${v.spo2}% on room air; height ${v.ht_in} in, weight ${v.wt_lb} lb, BMI ${v.bmi}. ${doc.exam.map((e) => `${esc(e[0])}: ${esc(e[1])}`).join(' ')}</p>
      <p><b>Impression:</b></p><ol>${doc.diagnoses.map((d) => `<li>${esc(d.description)} [${d.code}]</li>`).join('')}</ol>
      <p><b>Current medications:</b> ${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}${m.status === 'New' ? ' (started today)' : ''}`).join(', ') : 'none'}. <b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}.</p>
      <p><b>Recommendations:</b> ${doc.plan.map(esc).join(' ')}${doc.orders.length ? ` Laboratory studies ordered: ${doc.orders.join(', ')}.` : ''} I would like to see ${pr[1]} again in ${esc(doc.followup)}.</p>
      <p>Thank you for involving me in ${pr[1]} care. Please do not hesitate to call with any questions.</p>
      <p>With kind regards,</p>${signatureSvg(rng, 150, 36)}<p>${esc(provName(doc.provider))}</p>
      <p class="sm">cc: ${esc(nameFL(p))} (patient)${pcp ? '' : '; chart'} &nbsp; Electronically signed ${fmtDate(doc.signed, 'us')} ${fmtTime(doc.signed, '12n')}</p>`;
    const css = baseCss(f, 10.5) + `
      table.hd{width:100%;border-bottom:3px double #000} table.hd td{vertical-align:bottom;padding-bottom:4pt}.fn{font-size:18pt;font-style:italic}.sm{font-size:8pt}
      p{line-height:1.4}.re{margin:10pt 0}ol{margin:0 0 6pt 0}`;
    const footer = pageFooter(f, `Re: ${esc(`${p.last}, ${p.first}`)} (DOB ${mdyDash(p.dob)})`, PN, 0.9);
    return { css, body, footer, margins: M(0.7, 0.7, 0.9, 0.9), fonts: [f], gt: { name_printed: `${p.last}, ${p.first}`, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.u1: skilled-nursing / transitional-care TRANSFER packet page: a MAR-style grid
// (Medication - dose - route | Directions | Freq | Hour | 7 day boxes with nurse initials), header
// strip with "Resident:", "Room", "Admit", DOB "1950-03-04", allergy band, physician and "Code status".
const mlU1 = {
  id: 'medication_list.u1', set: SET, type: 'medication_list', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, env.rng.pick(['narrow', 'sans'])); const p = doc.patient; const rng = env.rng;
    // administration hours per frequency code; PRN codes get one "PRN" row, weekly/UD one morning row
    const hours = { QD: ['0900'], BID: ['0900', '2100'], TID: ['0800', '1400', '2000'], QID: ['0800', '1200', '1600', '2000'], QHS: ['2100'], QPM: ['1700'], QWK: ['0900'], UD: ['0900'] };
    const days = Array.from({ length: 7 }, (_, i) => addDays(doc.date_of_service, i - 6));
    const ini = rng.pick(['KM', 'TS', 'JF', 'RB']);
    const rows = doc.medications.map((m) => {
      const hs = m.status !== 'Active' ? ['DC'] : /PRN/.test(m.frequency) ? ['PRN'] : hours[m.frequency] || ['0900'];
      return hs.map((h, k) => `<tr${m.status !== 'Active' ? ' class="dc"' : ''}>${k === 0 ? `<td rowspan="${hs.length}" class="mn"><b>${esc(m.name)}</b> ${esc(m.strength)}<br>${esc(m.form)}${m.status !== 'Active' ? `<br><i>${esc(m.status)} ${fmtDate(doc.date_of_service, 'iso')}</i>` : ''}</td><td rowspan="${hs.length}">${esc(m.sig)}</td><td rowspan="${hs.length}" class="c">${esc(m.frequency)}</td>` : ''}<td class="c">${h}</td>${days.map((d, i) => `<td class="c dd">${m.status !== 'Active' ? (i === 0 ? 'X' : '') : h === 'PRN' ? (rng.chance(0.2) ? ini : '') : ini}</td>`).join('')}</tr>`).join('');
    }).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sub">Transitional Care &amp; Skilled Nursing Unit</div></td><td class="r"><div class="t">MEDICATION ADMINISTRATION RECORD</div><div class="sm">Transfer copy &mdash; 7 days ending ${fmtDate(doc.date_of_service, 'iso')}</div></td></tr></table>
      <table class="strip"><tr><td>Resident:<br><b>${esc(nameCapLast(p))}</b></td><td>Room / Bed:<br>${rng.int(101, 248)}-${rng.pick(['A', 'B'])}</td><td>Birthdate:<br>${fmtDate(p.dob, 'iso')}</td><td>Sex:<br>${p.sex}</td><td>Resident #:<br>${esc(doc.mrn)}</td><td>Attending:<br>${esc(provName(doc.provider))}</td><td>Code status:<br>${rng.pick(['Full Code', 'DNR', 'DNR/DNI'])}</td></tr></table>
      <div class="al">ALLERGIES: ${allergyText(doc)}</div>
      <table class="mar"><thead><tr><th style="width:22%">Medication / Strength / Form</th><th style="width:22%">Directions</th><th>Freq</th><th>Hour</th>${days.map((d) => `<th class="dd">${fmtDate(d, 'us').slice(0, 5)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:6pt">Initials: ${ini} = ${esc(rng.pick(['K. Mockley', 'T. Samplewood', 'J. Fauxley', 'R. Testova']))}, LPN. DC = discontinued. Blank PRN box = not needed. Reviewed for transfer by ${esc(provName(doc.provider))} on ${fmtDate(doc.date_of_service, 'iso')}.</p>`;
    const css = baseCss(f, 8.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:2pt}.fn{font-size:12pt;font-weight:bold}.sub{font-size:9pt;font-style:italic}.t{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}
      table.strip{width:100%;margin:5pt 0;border:1px solid #000} table.strip td{border:1px solid #000;padding:2pt 3pt;font-size:7.5pt;vertical-align:top}
      .al{border:2px solid #000;background:#e0e0e0;padding:2pt 5pt;font-weight:bold;margin-bottom:5pt}
      table.mar{width:100%} table.mar th{border:1px solid #000;font-size:7.5pt;padding:1.5pt;background:#efefef} table.mar td{border:1px solid #000;padding:1.5pt;vertical-align:top;font-size:8pt}
      td.dd,th.dd{width:5.5%;font-size:7pt} td.mn{font-size:8.5pt} tr.dc td{color:#333;font-style:italic}`;
    const footer = pageFooter(f, `Resident: ${esc(nameCapLast(p))} &nbsp; #${esc(doc.mrn)}`, PN, 0.45);
    return { css, body, footer, margins: M(0.45, 0.55, 0.45, 0.45), fonts: [f], gt: { name_printed: nameCapLast(p), medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// medication_list.u2: retail pharmacy PRESCRIPTION FILL HISTORY (printed for taxes/insurance): one line
// per FILL, newest first, so a drug appears several times; "Customer:" label, dates "03-14-24"; columns
// Fill Date | Rx # | Drug & Strength | Directions (abbreviated) | Qty | Days | Prescriber | Status.
const mlU2 = {
  id: 'medication_list.u2', set: SET, type: 'medication_list', facilityKind: 'pharmacy',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'mono'])); const p = doc.patient; const rng = env.rng;
    const md2 = (iso) => fmtDate(iso, 'us-short').replace(/\//g, '-');
    const fills = [];
    for (const m of doc.medications) {
      const rx = `${rng.int(1, 7)}${rng.digits(6)}`;
      const days = m.qty >= 90 ? 90 : 30;
      const n = m.status === 'Active' ? rng.int(1, 3) : 1;
      const last = m.status === 'Active' ? m.last_fill : m.start;
      for (let k = 0; k < n; k++) fills.push({ m, rx, date: addDays(last, -k * days), days, status: m.status === 'Active' ? 'Active' : 'Discontinued' });
    }
    fills.sort((a, b) => (a.date < b.date ? 1 : -1));
    const rows = fills.map((x) => `<tr><td>${md2(x.date)}</td><td>${x.rx}</td><td><b>${esc(x.m.name)} ${esc(x.m.strength)}</b> ${esc(x.m.form)}</td><td>${esc(x.m.sig_abbrev)}</td><td class="r">${x.m.qty}</td><td class="r">${x.days}</td><td>${esc(provLF(x.m.prescriber).toUpperCase())}</td><td>${x.status}</td></tr>`).join('');
    const from = fills.length ? fills[fills.length - 1].date : doc.date_of_service;
    const body = `
      <table class="hd"><tr><td>${logoSvg(rng, rng.pick(['leaf', 'Rx']), 30)}</td><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Pharmacy ${fmtPhone(doc.facility.phone)} &middot; NPI ${rng.digits(10)}</div></td><td class="r t">Prescription History</td></tr></table>
      <table class="cu"><tr><td>Customer: <b>${esc(nameFL(p).toUpperCase())}</b></td><td>Date of Birth: ${mdyDash(p.dob)}</td><td>Customer ID: ${esc(doc.mrn)}</td></tr>
      <tr><td>${esc(p.address.line1)}, ${esc(p.address.city)}, ${p.address.state} ${p.address.zip}</td><td>Period: ${md2(from)} to ${md2(doc.date_of_service)}</td><td>Allergies: ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKA'}</td></tr></table>
      <table class="fh"><thead><tr><th>Fill Date</th><th>Rx #</th><th style="width:28%">Drug &amp; Strength</th><th style="width:20%">Directions</th><th class="r">Qty</th><th class="r">Days</th><th>Prescriber</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:8pt">This report lists prescriptions dispensed by this pharmacy for the customer above. It does not include prescriptions filled at other pharmacies or over-the-counter purchases. Printed ${md2(doc.date_of_service)} by ${esc(rng.pick(['RPH', 'TECH']))}${rng.digits(2)}.</p>`;
    const css = baseCss(f, 8.5) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} table.hd td{vertical-align:middle;padding:0 6pt 3pt 0}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:14pt}
      table.cu{width:100%;margin:6pt 0;font-size:8.5pt} table.cu td{padding:1pt 3pt}
      table.fh{width:100%} table.fh th{text-align:left;font-size:7.5pt;border-top:1px solid #000;border-bottom:1px solid #000;padding:2pt} table.fh td{padding:1.5pt 2pt;font-size:8pt;border-bottom:1px solid #ddd;vertical-align:top}`;
    const footer = pageFooter(f, `${esc(nameFL(p).toUpperCase())} &nbsp; Customer ID ${esc(doc.mrn)}`, PN, 0.55);
    return { css, body, footer, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nameFL(p).toUpperCase(), medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)) } };
  },
};

// ======================= IMMUNIZATION RECORD =======================
// immunization.u1: clinic / health-department VACCINE ADMINISTRATION RECORD (VAR): "Client Name:",
// DOB "March 4, 1950"; one row per dose with Date Given (2024-03-14) | Vaccine | Dose # | Manufacturer
// (full name) | Lot # | Site | Route | VIS Date | Given By; consent line at the bottom.
const imU1 = {
  id: 'immunization.u1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const siteWord = (s) => ({ LD: 'L deltoid', RD: 'R deltoid', LT: 'L thigh', RT: 'R thigh' }[s] || s);
    const givers = ['KM, RN', 'TS, LPN', 'JF, MA', 'RB, RN'];
    const rows = doc.immunizations.map((s) => `<tr><td>${fmtDate(s.date, 'iso')}</td><td><b>${esc(s.vaccine)}</b><br><span class="tr">${esc(s.trade_name)}</span></td><td class="c">${s.dose_number}</td><td>${esc(MVX[s.mvx] || s.mvx)} (${s.mvx})</td><td>${esc(s.lot)}</td><td>${esc(siteWord(s.site))}</td><td>${esc(s.route || 'IM')}</td><td>${fmtDate(addDays(s.date, -rng.int(120, 900)), 'iso')}</td><td>${rng.pick(givers)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><div class="t">VACCINE ADMINISTRATION RECORD</div><div class="sm">for Children, Teens and Adults</div></td></tr></table>
      <table class="cl"><tr><td>Client Name: <b>${esc(nameFML(p))}</b></td><td>Date of Birth: <b>${fmtDate(p.dob, 'month-d-y')}</b></td><td>Client ID: ${esc(doc.mrn)}</td></tr>
      <tr><td colspan="2">Address: ${esc(fmtAddr(p.address))}</td><td>State registry #: ${doc.registry_id}</td></tr></table>
      <table class="im"><thead><tr><th>Date Given</th><th style="width:26%">Vaccine</th><th>Dose #</th><th>Manufacturer</th><th>Lot #</th><th>Site</th><th>Route</th><th>VIS Date</th><th>Given By</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep cn">I have read or had explained to me the Vaccine Information Statement(s) for the vaccines listed above and consent to vaccination. &nbsp; Record copied for transfer on ${fmtDate(doc.date_of_service, 'iso')} by ${esc(provName(doc.provider))}.</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:3px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.t{font-size:13pt;font-weight:bold;letter-spacing:0.6pt}.sm{font-size:7.5pt}
      table.cl{width:100%;margin:6pt 0} table.cl td{padding:2pt 3pt;border-bottom:1px solid #000}
      table.im{width:100%;border:1.5px solid #000} table.im th{font-size:7.5pt;border:1px solid #000;padding:2pt;background:#e5e5e5;text-align:left} table.im td{border:1px solid #000;padding:2pt;font-size:8pt;vertical-align:top} .tr{font-size:7pt;font-style:italic}
      .cn{margin-top:10pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `Client: ${esc(nameFML(p))} &nbsp; DOB ${fmtDate(p.dob, 'month-d-y')}`, PN, 0.55);
    return { css, body, footer, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nameFML(p), immunizations: doc.immunizations.map((s) => immGt(s, s.vaccine)) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.u1: TELERADIOLOGY final report (night-read / remote group reading for a hospital): study
// box at the TOP RIGHT (Patient / DOB 04-Mar-1950 / Sex / MRN / Study Date "March 14, 2024 21:40" /
// Accession) opposite the reading group's name; sections "HISTORY", "TECHNIQUE", "COMPARISON",
// "FINDINGS" (prose), "CONCLUSION" (not "Impression"), signed with a timestamp in ISO form.
const radU1 = {
  id: 'radiology.u1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const rng = env.rng;
    const group = rng.pick(['NightHawk Teleradiology Partners', 'Remote Reading Group of the Plains', 'Clearview Teleradiology']);
    const body = `
      <table class="hd"><tr><td><div class="gn">${esc(group)}</div><div class="sm">Reading for ${esc(doc.facility.name)}<br>${esc(fmtAddr(doc.facility.address))}</div><div class="t">FINAL REPORT</div></td>
      <td class="bx"><table>
        <tr><td>Patient</td><td><b>${esc(nameLFt(p))}</b></td></tr><tr><td>DOB</td><td>${fmtDate(p.dob, 'dmy-mon')}</td></tr><tr><td>Sex</td><td>${p.sex}</td></tr>
        <tr><td>MRN</td><td>${esc(doc.mrn)}</td></tr><tr><td>Study Date</td><td>${fmtDate(doc.exam_datetime, 'month-d-y')} ${fmtTime(doc.exam_datetime, '24')}</td></tr>
        <tr><td>Accession</td><td>${doc.accession}</td></tr><tr><td>Referring</td><td>${esc(provName(doc.provider))}</td></tr></table></td></tr></table>
      <div class="ex">${esc(doc.exam)} <span class="cpt">(CPT ${doc.cpt})</span></div>
      <div class="s">HISTORY</div><p>${esc(doc.indication)}.</p>
      <div class="s">TECHNIQUE</div><p>${esc(doc.technique)}</p>
      <div class="s">COMPARISON</div><p>${esc(doc.comparison)}</p>
      <div class="s">FINDINGS</div><p>${doc.findings.map(esc).join(' ')}</p>
      <div class="s">CONCLUSION</div>${doc.impression.map((x, i) => `<p>${doc.impression.length > 1 ? `${String.fromCharCode(65 + i)}. ` : ''}${esc(x)}</p>`).join('')}
      ${doc.birads !== null && doc.birads !== undefined ? `<p>BI-RADS assessment category: ${doc.birads}</p>` : ''}
      <div class="keep sg">Reading radiologist: ${esc(provName(doc.radiologist))} &nbsp; Board certified, licensed in ${p.address.state}<br>Final report signed ${fmtDate(doc.signed, 'iso')}T${fmtTime(doc.signed, '24')} &nbsp; Workstation ${rng.letters(2)}${rng.digits(3)}</div>`;
    const css = baseCss(f, 10) + `
      table.hd{width:100%} table.hd td{vertical-align:top}.gn{font-size:14pt;font-weight:bold;font-style:italic}.sm{font-size:8pt}.t{margin-top:14pt;font-size:12pt;letter-spacing:3pt}
      td.bx{width:44%;border:1px solid #000;padding:3pt 5pt} td.bx td{font-size:8.5pt;padding:0.5pt 3pt} td.bx td:first-child{color:#444;width:32%}
      .ex{margin:12pt 0 6pt 0;font-size:11.5pt;font-weight:bold;border-top:2px solid #000;border-bottom:1px solid #000;padding:3pt 0}.cpt{font-weight:normal;font-size:8.5pt}
      .s{font-weight:bold;font-size:9pt;letter-spacing:1.5pt;margin-top:8pt}p{margin:1pt 0 4pt 0;line-height:1.35}
      .sg{margin-top:14pt;font-size:8pt;border-top:1px solid #000;padding-top:3pt}`;
    const footer = pageFooter(f, `${esc(group)} &nbsp; ${esc(nameLFt(p))} &nbsp; Acc ${doc.accession}`, PN, 0.7);
    return { css, body, footer, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nameLFt(p), radiology: { exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads } } };
  },
};

// ======================= REFERRAL =======================
// referral.u1: interoffice-style REFERRAL MEMO from a health-center referral coordinator: memo block
// "TO / FROM / DATE / SUBJECT", patient line "Pt: FIRST LAST  Birth date 3.4.1950  Acct 12345",
// "Priority:" word, reason as prose, diagnoses as "code - description" lines, meds as a two-column list,
// authorization in a boxed note; no letterhead, just a thin rule and the centre's name in the footer.
const refU1 = {
  id: 'referral.u1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng; const to = doc.to_provider;
    const dotDob = (() => { const d = parseIso(p.dob); return `${d.getUTCMonth() + 1}.${d.getUTCDate()}.${d.getUTCFullYear()}`; })();
    const memo = (l, v) => `<tr><td class="l">${l}</td><td>${v}</td></tr>`;
    const body = `
      <div class="t">MEMORANDUM &mdash; SPECIALTY REFERRAL</div>
      <table class="mm">${memo('TO:', `${esc(provName(to))}, ${esc(doc.to_facility.name)} &nbsp; (fax ${fmtPhone(doc.to_facility.fax, 'dash')})`)}${memo('FROM:', `${esc(provName(doc.provider))} / Referral Coordinator, ${esc(doc.facility.name)}`)}${memo('DATE:', dotShort(doc.date_of_service))}${memo('SUBJECT:', `${esc(doc.specialty)} referral &mdash; Priority: ${esc(doc.urgency)}`)}</table>
      <p class="pt">Pt: <b>${esc(nameFL(p).toUpperCase())}</b> &nbsp;&nbsp; Birth date ${dotDob} &nbsp;&nbsp; Acct ${esc(doc.mrn)} &nbsp;&nbsp; Ph ${fmtPhone(p.phone, 'dash')}</p>
      <p>We are referring the above patient to your ${esc(doc.specialty.toLowerCase())} practice for ${esc(doc.reason)}. Please contact the patient directly to schedule and fax your consultation note to ${fmtPhone(doc.facility.fax)}.</p>
      <p class="h">Diagnoses</p><div>${doc.diagnoses.map((d) => `${d.code} &ndash; ${esc(d.description)}`).join('<br>')}</div>
      <p class="h">Medications</p><div class="cols">${doc.medications.length ? doc.medications.map((m) => `<div>${esc(m.name)} ${esc(m.strength)}, ${esc(m.sig_abbrev)}</div>`).join('') : '<div>None reported</div>'}</div>
      <p class="h">Allergies</p><div>${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</div>
      <div class="au keep">${doc.auth_number ? `Prior authorization: ${doc.auth_number}${doc.visits_authorized ? ` &mdash; ${doc.visits_authorized} visit(s) approved` : ''}` : 'No prior authorization required by plan'} &nbsp;|&nbsp; Enclosed: ${doc.enclosures.map(esc).join(', ')}</div>
      <div class="keep" style="margin-top:14pt">${signatureSvg(rng, 120, 28)}<div class="sm">${esc(provName(doc.provider))} &nbsp; ${esc(doc.facility.name)}</div></div>`;
    const css = baseCss(f, 10) + `
      .t{font-size:15pt;letter-spacing:1pt;border-bottom:1px solid #000;padding-bottom:4pt}
      table.mm{margin:8pt 0} table.mm td{padding:2pt 6pt 2pt 0;vertical-align:top} td.l{font-weight:bold;width:70pt}
      .pt{border-top:1px solid #000;border-bottom:1px solid #000;padding:3pt 0;margin:8pt 0}.h{font-weight:bold;margin:8pt 0 2pt 0;text-transform:uppercase;font-size:9pt;letter-spacing:1pt}
      .cols{columns:2;column-gap:16pt}.au{margin-top:10pt;border:1px dashed #000;padding:4pt;font-size:9pt}.sm{font-size:8pt}`;
    const footer = pageFooter(f, `${esc(doc.facility.name)} &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}`, PN, 0.75);
    return { css, body, footer, margins: M(0.7, 0.7, 0.75, 0.75), fonts: [f], gt: { name_printed: nameFL(p).toUpperCase(), diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.u1: regional health-plan EOB printed as a STACKED claim statement (narrow mobile-friendly
// design): "Member" / "Subscriber" / "Patient" cards, then each service line as its own block of
// labelled amounts ("Provider billed", "Plan discount", "Plan allowed", "Applied to deductible",
// "Copay", "Coinsurance", "Plan paid", "Your share"), dates "Mar 14, 2024", totals bar at the end.
const billU1 = {
  id: 'billing.u1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const amt = (l, v, b = false) => `<tr${b ? ' class="b"' : ''}><td>${l}</td><td class="r">${money(v)}</td></tr>`;
    const blocks = doc.lines.map((l, i) => `<div class="ln keep"><div class="lh">Service ${i + 1} &nbsp;&middot;&nbsp; ${fmtDate(l.date, 'mon-d-y')} &nbsp;&middot;&nbsp; ${esc(l.description)} (${l.cpt})</div><table>
      ${amt('Provider billed', l.billed)}${amt('Plan discount', l.not_covered)}${amt('Plan allowed', l.allowed)}${amt('Applied to deductible', l.deductible)}${amt('Copay', l.copay)}${amt('Coinsurance', l.coinsurance)}${amt('Plan paid', l.paid)}${amt('Your share', l.patient_resp, true)}</table></div>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.payer)}</div><div class="sm">Member Services ${fmtPhone(doc.facility.phone, 'one')} &middot; TTY 711</div></td><td class="r"><div class="t">Your Claim Statement</div><div class="sm">Explanation of Benefits &mdash; this is not a bill</div></td></tr></table>
      <div class="cards"><div class="cd"><div class="cap">Member</div><b>${esc(nameFL(p))}</b><br>ID ${doc.member_id}<br>Group ${doc.group} &middot; ${esc(doc.plan_name)}</div>
      <div class="cd"><div class="cap">Patient</div><b>${esc(nameFL(p))}</b><br>Born ${fmtDate(p.dob, 'mon-d-y')}<br>Relationship: Self</div>
      <div class="cd"><div class="cap">Claim</div>No. ${doc.claim_number}<br>Processed ${fmtDate(doc.processed, 'mon-d-y')}<br>Provider: ${esc(provName(doc.provider))}</div></div>
      ${blocks}
      <table class="tot"><tr><td>Claim total &mdash; billed ${money(t.billed)} &middot; allowed ${money(t.allowed)} &middot; plan paid ${money(t.paid)}</td><td class="r">Your share: <b>${money(t.patient_resp)}</b></td></tr></table>
      <p class="sm" style="margin-top:8pt">Your share is what the provider may bill you. Deductible ${money(t.deductible)}, copay ${money(t.copay)}, coinsurance ${money(t.coinsurance)}, plan discount ${money(t.not_covered)}. To appeal, write within 180 days of ${fmtDate(doc.processed, 'mon-d-y')}. Reference ${rng.letters(3)}${rng.digits(5)}.</p>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:4px solid #000} table.hd td{vertical-align:bottom;padding-bottom:4pt}.fn{font-size:15pt;font-weight:bold}.t{font-size:15pt}.sm{font-size:7.5pt}
      .cards{display:flex;gap:8pt;margin:8pt 0}.cd{flex:1;border:1px solid #000;border-radius:6pt;padding:4pt 6pt;font-size:8.5pt}.cap{font-size:7pt;text-transform:uppercase;letter-spacing:1pt;color:#444}
      .ln{width:62%;border:1px solid #888;margin:6pt 0;padding:0}.lh{background:#e2e2e2;padding:2pt 4pt;font-size:8.5pt;font-weight:bold}.ln table{width:100%} .ln td{padding:1pt 6pt;font-size:8.5pt;border-bottom:1px dotted #bbb} tr.b td{font-weight:bold}
      table.tot{width:100%;margin-top:8pt;border-top:2px solid #000;border-bottom:2px solid #000} table.tot td{padding:4pt 2pt}`;
    const footer = pageFooter(f, `${esc(doc.payer)} &nbsp; Member ${esc(nameFL(p))} &nbsp; Claim ${doc.claim_number}`, PN, 0.6);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameFL(p), billing: { kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: t.patient_resp } } };
  },
};

// billing.u2: physician-office "SUPERBILL" / encounter-form receipt given at checkout and faxed as a
// statement: patient in a right-side box as "Patient: LAST First", DOB 3.4.1950, account number;
// printed CPT checklist (ticked codes carry the fee), "Payment received today", insurance line,
// "Previous balance" and "Balance due"; patient_statement kind.
const billU2 = {
  id: 'billing.u2', set: SET, type: 'insurance_billing', facilityKind: 'billing',
  render(doc, env) {
    const f = font(env, env.rng.pick(['narrow', 'serif'])); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const due = Math.round((doc.previous_balance + t.patient_resp) * 100) / 100;
    const dotDob = (() => { const d = parseIso(p.dob); return `${d.getUTCMonth() + 1}.${d.getUTCDate()}.${d.getUTCFullYear()}`; })();
    const rows = doc.lines.map((l) => `<tr><td class="c">${box(true)}</td><td>${l.cpt}</td><td>${esc(l.description)}</td><td>${dotShort(l.date)}</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.allowed)}</td><td class="r">${money(l.paid)}</td><td class="r">${money(l.not_covered)}</td><td class="r">${money(l.patient_resp)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))}<br>Billing questions ${fmtPhone(doc.facility.phone)} &middot; Tax ID ${rng.digits(2)}-${rng.digits(7)}</div><div class="t">ENCOUNTER FORM / STATEMENT</div></td>
      <td class="pb">Patient: <b>${esc(`${p.last.toUpperCase()} ${p.first}`)}</b><br>DOB ${dotDob} &nbsp; Sex ${p.sex}<br>Account # ${doc.account}<br>Statement date ${dotShort(doc.statement_date)}<br>Rendering: ${esc(provName(doc.provider))}</td></tr></table>
      <table class="ln"><thead><tr><th></th><th>CPT</th><th style="width:38%">Service</th><th>DOS</th><th class="r">Fee</th><th class="r">Allowed</th><th class="r">Ins. paid</th><th class="r">Adj.</th><th class="r">Pt. resp.</th></tr></thead><tbody>${rows}
      <tr class="tot"><td colspan="4">Totals</td><td class="r">${money(t.billed)}</td><td class="r">${money(t.allowed)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.not_covered)}</td><td class="r">${money(t.patient_resp)}</td></tr></tbody></table>
      <table class="sm2"><tr><td>Primary insurance</td><td>${esc(doc.payer)} &nbsp; ID ${doc.member_id} &nbsp; Claim ${doc.claim_number}</td></tr>
      <tr><td>Patient responsibility detail</td><td>deductible ${money(t.deductible)} / copay ${money(t.copay)} / coinsurance ${money(t.coinsurance)}</td></tr>
      <tr><td>Previous balance</td><td>${money(doc.previous_balance)}</td></tr><tr class="b"><td>BALANCE DUE</td><td>${money(due)} &nbsp; (please pay by ${dotShort(doc.due_date)})</td></tr></table>
      <p class="sm">Thank you. We accept cash, check and all major cards. Keep this form for your records; it may be submitted to a flexible spending account.</p>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%} table.hd td{vertical-align:top}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}.t{margin-top:10pt;font-size:13pt;letter-spacing:1pt;font-weight:bold}
      td.pb{width:38%;border:2px solid #000;padding:4pt 6pt;font-size:9pt}
      table.ln{width:100%;margin-top:10pt} table.ln th{text-align:left;font-size:8pt;border-bottom:2px solid #000;padding:2pt} table.ln td{padding:2pt;border-bottom:1px solid #aaa;font-size:8.5pt}
      tr.tot td{font-weight:bold;border-top:1.5px solid #000}
      table.sm2{margin:10pt 0;width:75%} table.sm2 td{padding:2pt 4pt;font-size:8.5pt;border-bottom:1px dotted #777} tr.b td{font-weight:bold;font-size:10pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: `${p.last.toUpperCase()} ${p.first}`, billing: { kind: 'patient_statement', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, account: doc.account, statement_date: doc.statement_date, previous_balance: doc.previous_balance, amount_due: due, lines: doc.lines, totals: doc.totals } } };
  },
};

export default [coverU1, coverU2, labU1, labU2, labU3, labU4, dsU1, ovU1, mlU1, mlU2, imU1, radU1, refU1, billU1, billU2];
