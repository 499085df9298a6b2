// faxgen template set 'set-r': a SEVENTH stand-in for faxgen's held-out template set, independent of set-a
// (faxgen), set-v, set-w, set-u, set-t, set-s and set-z (scripts/): other layouts, type treatments and fax-header
// formats. Written without reading Vessel's extraction, page-reading or eval code. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-r/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-r ...
// faxgen's helpers are imported from $FAXGEN_DIR or, by default, ../shared/faxgen beside the repo.
// Every template keeps set-a's ground-truth (`gt`) contract (faxgen README, "Ground-truth schema"): every
// structured fact in a template's gt is printed on its page(s) in the form the gt says.
// See README.md here: this set measures generalization; do not tune extraction rules to its layouts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAXGEN = fs.realpathSync(process.env.FAXGEN_DIR ? path.resolve(process.env.FAXGEN_DIR) : path.resolve(here, '../../../shared/faxgen'));
const lib = (p) => import(pathToFileURL(path.join(FAXGEN, 'lib', p)).href);
const { baseCss, labPanels, signatureSvg, barcodeSvg, logoSvg, box, medGt, esc, pad, padL } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, phoneDigits, provName, fmtAddr, money, ageOn, addDays, parseIso, pad: zpad } = await lib('util.mjs');
const { MVX } = await lib('clinical.mjs');

const SET = 'set-r';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// Faces chosen for this set: URW Gothic / Liberation Sans Narrow / FreeSans for sans, P052 / Nimbus Roman /
// DejaVu Serif for serif, Noto Mono / DejaVu Sans Mono for monospace; the fax header line in Liberation Sans
// Narrow (no earlier set prints its TTI in it), Noto Mono or URW Gothic.
export const fonts = {
  [SET]: {
    sans: ['URW Gothic', 'Liberation Sans Narrow', 'FreeSans'],
    serif: ['P052', 'Nimbus Roman', 'DejaVu Serif'],
    mono: ['Noto Mono', 'DejaVu Sans Mono'],
    narrow: ['Liberation Sans Narrow'],
    tti: ['Liberation Sans Narrow', 'Noto Mono', 'URW Gothic'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);
const css0 = (family, size) => baseCss(family, size);

// ---------------------------------------------------------------- dates and names as printed
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dp = (iso) => { const d = parseIso(iso); return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), w: d.getUTCDay() }; };
const h12 = (dt) => { const hh = Number(dt.slice(11, 13)); return { h: ((hh + 11) % 12) + 1, ap: hh < 12 ? 'AM' : 'PM', m: dt.slice(14, 16) }; };
const t12 = (dt) => { const c = h12(dt); return `${c.h}:${c.m} ${c.ap}`; };
/** "03-14-2024" */
const usDash = (iso) => { const x = dp(iso); return `${zpad(x.m + 1)}-${zpad(x.d)}-${x.y}`; };
/** "March 14 2024" (no comma) */
const longNoComma = (iso) => { const x = dp(iso); return `${MONTH[x.m]} ${x.d} ${x.y}`; };
/** "20240314" (LIS) */
const ymd = (iso) => iso.slice(0, 10).replace(/-/g, '');
/** "Mar-14-2024" */
const monDash = (iso) => { const x = dp(iso); return `${MON[x.m]}-${zpad(x.d)}-${x.y}`; };
const mi = (p) => (p.middle ? ' ' + p.middle[0] : '');
/** "Testbury, Harold" (no middle initial) */
const nameLFnoMI = (p) => `${p.last}, ${p.first}`;
/** "HAROLD J TESTBURY" */
const nameFMLU = (p) => `${p.first}${mi(p)} ${p.last}`.toUpperCase();
/** "Testbury, Harold J" */
const nameLFM = (p) => `${p.last}, ${p.first}${mi(p)}`;
/** "Harold Testbury" */
const nameFL = (p) => `${p.first} ${p.last}`;
/** "TESTBURY, Harold" */
const nameLuF = (p) => `${p.last.toUpperCase()}, ${p.first}`;
const sexWord = (p) => (p.sex === 'F' ? 'Female' : 'Male');
const allergyText = (doc, none = 'No Known Allergies') => (doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join('; ') : none);

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // Konica Minolta bizhub: "14.MAR.2024 10:32  SENDER  2175550146  NO.0481  P.2/5"
    (t) => { const x = dp(t.dt); return [`${zpad(x.d)}.${MON[x.m].toUpperCase()}.${x.y} ${t.dt.slice(11, 16)}`, t.sender.toUpperCase().slice(0, 26), phoneDigits(t.fax), `NO.${zpad(t.job, 4)}`, `P.${t.page}/${t.total}`]; },
    // RingCentral fax delivery: "Received 03/14/2024 10:32 AM CT   From: (217) 555-0146   SENDER   Page 2 of 5"
    (t) => [`Received ${fmtDate(t.dt, 'us')} ${t12(t.dt)} CT`, `From: ${fmtPhone(t.fax, 'paren')}`, t.sender.slice(0, 26), `Page ${t.page} of ${t.total}`],
    // Updox / practice e-fax inbox: LIS-like compact stamp "Sent: 20240314 103207  CSID: 2175550146  Pg: 02 of 05"
    (t) => [`Sent: ${ymd(t.dt)} ${t.dt.slice(11, 13)}${t.dt.slice(14, 16)}${zpad(t.sec)}`, `CSID: ${phoneDigits(t.fax)}`, t.sender.slice(0, 28), `Pg: ${zpad(t.page)} of ${zpad(t.total)}`],
    // Fax.Plus cloud fax: "Fax.Plus - Page 2/5 - Sent on 2024-03-14 10:32 from +12175550146"
    (t) => [`Page ${t.page}/${t.total}`, `${t.sender.slice(0, 28)}`, `Sent on ${fmtDate(t.dt, 'iso')} ${t.dt.slice(11, 16)} from +1${phoneDigits(t.fax)}`],
  ],
};

// ---------------------------------------------------------------- helpers
const PN = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
const pageFooter = (f, left, right, padIn = 0.6, size = 7) => `<div style="font-family:'${f}';font-size:${size}pt;box-sizing:border-box;width:100%;padding:0 ${padIn}in;display:flex;justify-content:space-between"><span>${left}</span><span>${right}</span></div>`;
const runHeader = (f, left, right, padIn = 0.6, size = 7.5) => `<div style="font-family:'${f}';font-size:${size}pt;box-sizing:border-box;width:100%;padding:0 ${padIn}in;display:flex;justify-content:space-between;border-bottom:0.75px solid #000"><span>${left}</span><span>${right}</span></div>`;
/** labPanels with this template's own flag spelling written back into the gt (gt.flag stays H/L/A) */
function panelsWith(doc, opts, spell) {
  const panels = labPanels(doc, { ...opts, flagStyle: 'HL' });
  for (const P of panels) for (const r of P.rows) { r.flagPrinted = r.flag ? spell[r.flag] : ''; r.gt.flag_printed = r.flagPrinted || null; }
  return panels;
}
const gtRows = (panels) => panels.flatMap((P) => P.rows.map((r) => r.gt));

// ======================= FAX COVER SHEETS =======================
// cover.r1 imitates a hospital HIM RELEASE-OF-INFORMATION response cover (Ciox / Datavant "Records Fulfillment"
// manner, as sent back to a law office or insurer that requested records under a HIPAA authorization):
// request number, requester, "Authorization received / valid", records-enclosed checklist, redisclosure warning,
// date "March 14 2024".
const coverR1 = {
  id: 'cover.r1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility; const rng = env.rng;
    const req = `ROI-${rng.digits(7)}`;
    const kinds = ['Abstract', 'Lab results', 'Imaging reports', 'Progress notes', 'Discharge summary', 'Billing records', 'Complete chart'];
    const ticked = new Set(rng.sample(kinds.slice(0, 6), rng.int(1, 3)));
    const kv = (l, v) => `<tr><td class="l">${l}</td><td class="v">${v}</td></tr>`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(s.name)}</div><div class="sm">Health Information Management &middot; Release of Information<br>${esc(fmtAddr(s.address))}</div></td>
      <td class="r"><div class="t">RECORDS RELEASE</div><div class="t2">Fax Transmittal</div><div class="sm">Request No. ${req}</div></td></tr></table>
      <div class="band">CONFIDENTIAL &ndash; PROTECTED HEALTH INFORMATION ENCLOSED</div>
      <table class="two"><tr><td><div class="cap">DELIVER TO (REQUESTER)</div><table class="kv">
        ${kv('Attn', esc(doc.to_name))}${kv('Company', esc(doc.to_org || ''))}${kv('Fax', fmtPhone(doc.to_fax, 'dash'))}${doc.to_phone ? kv('Phone', fmtPhone(doc.to_phone, 'dash')) : ''}
      </table></td><td><div class="cap">RELEASED BY</div><table class="kv">
        ${kv('Specialist', esc(doc.from_person))}${kv('Facility', esc(s.name))}${kv('Fax', fmtPhone(s.fax, 'dash'))}${kv('Phone', fmtPhone(s.phone, 'dash'))}
      </table></td></tr></table>
      <table class="kv wide">${kv('Date', longNoComma(doc.date_of_service))}${kv('Total pages', `${doc.pages} (this cover included)`)}${kv('Regarding', esc(doc.re))}${kv('Priority', doc.urgent ? '<b>URGENT</b>' : 'Routine')}</table>
      <div class="cap" style="margin-top:8pt">AUTHORIZATION</div>
      <div>${box(true)}HIPAA-compliant authorization received and validated &nbsp; ${box(false)}Subpoena &nbsp; ${box(false)}Court order &nbsp; ${box(false)}Continuity of care</div>
      <div class="cap" style="margin-top:8pt">RECORDS ENCLOSED</div>
      <div>${kinds.map((k) => `<span class="nb">${box(ticked.has(k))}${k}</span>`).join(' &nbsp; ')}</div>
      <div class="cap" style="margin-top:8pt">COMMENTS</div><div class="msg">${esc(doc.message)}</div>
      <p class="warn">This information has been disclosed to you from records protected by federal and state confidentiality rules. Redisclosure without further written authorization of the individual is prohibited. If this fax reached you in error, call ${fmtPhone(s.phone, 'dash')} and destroy all copies.</p>`;
    const css = css0(f, 10) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:4pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:16pt;font-weight:bold;letter-spacing:1pt}.t2{font-size:10pt}
      .band{margin:6pt 0;padding:3pt;text-align:center;font-weight:bold;border:1.5px solid #000;font-size:9pt;letter-spacing:0.5pt}
      table.two{width:100%} table.two>tbody>tr>td{width:50%;vertical-align:top;padding-right:8pt}
      .cap{font-size:8pt;font-weight:bold;border-bottom:1px solid #000;margin-bottom:2pt;letter-spacing:1pt}
      table.kv td{padding:1.5pt 4pt;vertical-align:top} td.l{width:1.1in;font-size:8.5pt;color:#222} table.wide{margin-top:8pt;width:100%}
      .msg{min-height:110pt;padding:4pt;border:1px solid #777} .warn{margin-top:10pt;font-size:7.5pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f] };
  },
};

// cover.r2 imitates an UPDOX-style practice e-fax cover generated by the practice-management inbox: a wide
// black "fax" bar, Recipient and Sender side by side in two columns (Attn / Fax / Voice), "Page count:" and
// "Date:" on one strip, date as "Mar-14-2024", a comments area and a small "sent via secure fax" footer.
const coverR2 = {
  id: 'cover.r2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const s = doc.from_facility; const rng = env.rng;
    const col = (cap, rows) => `<td><div class="cap">${cap}</div>${rows.map(([l, v]) => `<div class="ln"><span class="l">${l}</span> ${v}</div>`).join('')}</td>`;
    const body = `
      <div class="bar"><span class="bx">fax</span><span class="org">${esc(s.name)}</span></div>
      <div class="sm">${esc(fmtAddr(s.address))}</div>
      <table class="cols"><tr>
        ${col('Recipient', [['Attn:', esc(doc.to_name)], ['Org:', esc(doc.to_org || '&mdash;')], ['Fax:', fmtPhone(doc.to_fax, 'dot')], ['Voice:', doc.to_phone ? fmtPhone(doc.to_phone, 'dot') : '&mdash;']])}
        ${col('Sender', [['Name:', esc(doc.from_person)], ['Org:', esc(s.name)], ['Fax:', fmtPhone(s.fax, 'dot')], ['Voice:', fmtPhone(s.phone, 'dot')]])}
      </tr></table>
      <table class="strip"><tr><td><span class="l">Date:</span> ${monDash(doc.date_of_service)}</td><td><span class="l">Page count:</span> ${doc.pages}</td><td><span class="l">Subject:</span> ${esc(doc.re)}</td></tr></table>
      ${doc.urgent ? '<div class="urg">&#9632; URGENT &ndash; please review today</div>' : ''}
      <div class="cap" style="margin-top:14pt">Comments</div><div class="msg">${esc(doc.message)}</div>
      <div class="ft">Sent via secure fax &middot; Message ID ${rng.digits(9)} &middot; The documents accompanying this transmission contain confidential health information that is legally privileged. If you are not the intended recipient, please notify the sender immediately.</div>`;
    const css = css0(f, 10.5) + `
      .bar{display:flex;align-items:center;border-bottom:5px solid #000;padding-bottom:4pt} .bx{background:#000;color:#fff;font-size:30pt;font-weight:bold;padding:0 12pt 4pt 12pt;margin-right:14pt} .org{font-size:15pt;font-weight:bold}
      .sm{font-size:8pt;margin-top:2pt}
      table.cols{width:100%;margin-top:14pt} table.cols td{width:50%;vertical-align:top;padding-right:12pt}
      .cap{font-size:12pt;font-weight:bold;border-bottom:1px solid #000;margin-bottom:4pt} .ln{margin:3pt 0} .l{display:inline-block;width:0.65in;font-size:9pt;color:#333}
      table.strip{width:100%;margin-top:14pt;border-top:1px solid #000;border-bottom:1px solid #000} table.strip td{padding:4pt 6pt 4pt 0;vertical-align:top}
      .urg{margin-top:10pt;font-weight:bold;font-size:12pt} .msg{min-height:180pt;padding-top:4pt} .ft{font-size:7pt;border-top:1px solid #000;padding-top:3pt;margin-top:10pt}`;
    return { css, body, margins: M(0.65, 0.6, 0.75, 0.75), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.r1 imitates an athenaOne / NextGen ambulatory "Lab Results" print with a PREVIOUS-RESULT column and a
// DELTA column: Test | Result | Flag | Previous (with its date) | Change | Units | Reference Range; "Patient Nm:",
// "Birthdate:", "Age/Sex:", dates "03-14-2024", name "Testbury, Harold" (no middle initial).
const labR1 = {
  id: 'lab.r1', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Prairie View Clinical Laboratory', 'Meadowbrook Lab Partners'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'full', rangeStyle: 'h' }, { H: 'H', L: 'L', A: 'A' });
    const prevDate = addDays(doc.collected.slice(0, 10), -rng.int(60, 400));
    for (const P of panels) for (const r of P.rows) {
      r.prev = ''; r.delta = '';
      if (!rng.chance(0.85)) continue;
      if (r.gt.value_numeric === null) { r.prev = r.value; r.gt.previous_result = { value: r.prev, date: prevDate }; continue; }
      const dec = (r.value.split('.')[1] || '').length;
      const pv = Math.max(0, r.gt.value_numeric * (1 + rng.normal(0, 0.09)));
      r.prev = pv.toFixed(dec);
      const d = r.gt.value_numeric - Number(r.prev);
      r.delta = Math.abs(d) < Math.pow(10, -dec) / 2 ? '0' : (d > 0 ? '+' : '-') + Math.abs(d).toFixed(dec);
      r.gt.previous_result = { value: r.prev, date: prevDate };
    }
    const rows = panels.map((P) => `<tr class="ph"><td colspan="7">${esc(P.name)}</td></tr>` + P.rows.map((r) => `<tr><td class="tn">${esc(r.name)}</td><td class="v${r.flag ? ' b' : ''}">${esc(r.value)}</td><td class="c b">${esc(r.flagPrinted)}</td><td class="pv">${esc(r.prev)}</td><td class="pv">${esc(r.delta)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>`).join('')).join('');
    const g = (l, v) => `<td class="l">${l}</td><td class="v2">${v}</td>`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; P ${fmtPhone(doc.facility.phone, 'dash')} &middot; F ${fmtPhone(doc.facility.fax, 'dash')}</div></td><td class="r"><div class="t">Lab Results</div><div class="sm">Document ID ${rng.digits(8)} &middot; ${esc(doc.status)}</div></td></tr></table>
      <table class="id"><tr>${g('Patient Nm:', `<b>${esc(nameLFnoMI(p))}</b>`)}${g('Ordering Prov:', esc(provName(doc.provider)))}</tr>
      <tr>${g('Birthdate:', usDash(p.dob))}${g('Collected:', `${usDash(doc.collected)} ${fmtTime(doc.collected, '24')}`)}</tr>
      <tr>${g('Age/Sex:', `${ageOn(p.dob, doc.collected)} / ${p.sex}`)}${g('Resulted:', `${usDash(doc.reported)} ${fmtTime(doc.reported, '24')}`)}</tr>
      <tr>${g('Patient ID:', esc(doc.mrn))}${g('Lab / Acc #:', `${esc(doc.performingLab)} / ${esc(doc.accession)}`)}</tr></table>
      <table class="res"><thead><tr><th style="width:31%">Test</th><th>Result</th><th class="c">Flag</th><th>Previous<br><span class="pd">${usDash(prevDate)}</span></th><th>Change</th><th>Units</th><th>Reference Range</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:8pt">Flag: H = high, L = low, A = abnormal. Change = current result minus previous result. Reviewed by: ____________ &nbsp; Date: ________</p>`;
    const css = css0(f, 9) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:16pt;font-weight:bold}
      table.id{width:100%;margin:5pt 0} table.id td{padding:1pt 4pt;font-size:8.5pt} td.l{width:13%;color:#333} td.v2{width:37%}
      table.res{width:100%} table.res th{text-align:left;font-size:8pt;border-bottom:1.5px solid #000;border-top:1px solid #000;padding:2pt 3pt;vertical-align:bottom} .pd{font-weight:normal;font-size:7pt}
      table.res td{padding:1.2pt 3pt;border-bottom:0.5px solid #ccc} tr.ph td{font-weight:bold;background:#e8e8e8;padding-top:4pt} td.tn{padding-left:8pt !important} td.pv{color:#333}`;
    const header = runHeader(f, `${esc(nameLFnoMI(p))} &nbsp; Birthdate ${usDash(p.dob)}`, `Lab Results &middot; ${usDash(doc.collected)}`, 0.55, 7);
    const footer = pageFooter(f, `Printed ${usDash(doc.reported)}`, PN, 0.55, 7);
    return { css, body, header, footer, margins: M(0.5, 0.55, 0.55, 0.55), fonts: [f], gt: { lab_results: gtRows(panels), name_printed: nameLFnoMI(p), performing_lab: doc.performingLab } };
  },
};

// lab.r2 imitates a BioReference / Sonora Quest style reference-lab report: flags in a separate LEFT MARGIN
// column ahead of the test name, "(H)" / "(L)" / "(A)", an "ABNORMAL RESULTS PRESENT" callout banner, a LIS
// requisition strip with compact dates "COLL 20240314 0815", "AGE/SEX: 74Y/M", name "HAROLD J TESTBURY",
// running header on every page.
const labR2 = {
  id: 'lab.r2', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Sonoran Reference Laboratories', 'Garden State BioClinical Lab'],
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'caps', rangeStyle: 'l' }, { H: '(H)', L: '(L)', A: '(A)' });
    const anyAbn = panels.some((P) => P.rows.some((r) => r.flag));
    const lis = (dt) => `${ymd(dt)} ${dt.slice(11, 13)}${dt.slice(14, 16)}`;
    const rows = panels.map((P) => `<tr class="ph"><td></td><td colspan="4">${esc(P.name)}</td></tr>` + P.rows.map((r) => `<tr><td class="mg">${esc(r.flagPrinted)}</td><td class="tn">${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>`).join('')).join('');
    const body = `
      <table class="hd"><tr><td>${logoSvg(rng, 'tri', 36)}</td><td><div class="fn">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'paren')} &middot; CLIA ${doc.clia} &middot; Lab Director ${esc(provName(doc.lab_director))}</div></td></tr></table>
      <table class="req"><tr><td>ACC# ${esc(doc.accession)}</td><td>COLL ${lis(doc.collected)}</td><td>RECV ${lis(doc.received)}</td><td>RPTD ${lis(doc.reported)}</td><td>${esc(doc.status.toUpperCase())}</td></tr></table>
      <table class="id"><tr><td><div class="c1">PATIENT</div><div class="nm">${esc(nameFMLU(p))}</div>DOB: ${fmtDate(p.dob, 'us')} &nbsp; AGE/SEX: ${ageOn(p.dob, doc.collected)}Y/${p.sex}<br>PT ID: ${esc(doc.mrn)}</td>
      <td><div class="c1">PHYSICIAN</div>${esc(provName(doc.provider)).toUpperCase()}<br>${esc(doc.client.name)}<br>${esc(fmtAddr(doc.client.address || doc.facility.address))}</td></tr></table>
      ${anyAbn ? '<div class="call">ABNORMAL RESULTS PRESENT &ndash; SEE FLAG COLUMN AT LEFT</div>' : ''}
      <table class="res"><thead><tr><th class="mg">FLAG</th><th style="width:40%">TEST</th><th>RESULT</th><th>UNITS</th><th>REFERENCE RANGE</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:10pt">(H) High &nbsp; (L) Low &nbsp; (A) Abnormal. Results flagged in the left margin fall outside the reference range for the patient's age and sex. &nbsp; *** END OF REPORT ***</p>`;
    const css = css0(f, 9) + `
      table.hd td{vertical-align:middle;padding-right:8pt}.fn{font-size:15pt;font-weight:bold}.sm{font-size:7pt}
      table.req{width:100%;margin-top:5pt;border:1px solid #000;font-family:'Noto Mono';font-size:8pt} table.req td{padding:2pt 5pt;border-right:1px solid #000}
      table.id{width:100%;margin:5pt 0} table.id td{width:50%;vertical-align:top;font-size:8.5pt;padding:2pt 4pt;border-bottom:1px solid #000}.c1{font-size:7pt;font-weight:bold;letter-spacing:1pt}.nm{font-size:11pt;font-weight:bold}
      .call{border:2px solid #000;font-weight:bold;text-align:center;padding:2pt;margin:4pt 0;font-size:9pt}
      table.res{width:100%} table.res th{text-align:left;font-size:8pt;border-bottom:1.5px solid #000;padding:2pt 3pt}
      table.res td{padding:1.3pt 3pt} th.mg,td.mg{width:0.55in;border-right:1.5px solid #000;text-align:center;font-weight:bold;background:#eee} tr.ph td{font-weight:bold;padding-top:6pt;text-decoration:underline} tr.ph td.mg,tr.ph td:first-child{text-decoration:none}`;
    const header = runHeader(f, `${esc(nameFMLU(p))} &nbsp; DOB: ${fmtDate(p.dob, 'us')} &nbsp; ACC# ${esc(doc.accession)}`, esc(doc.labName), 0.55, 7);
    const footer = pageFooter(f, `COLL ${lis(doc.collected)} &middot; ${esc(doc.status.toUpperCase())}`, PN, 0.55, 7);
    return { css, body, header, footer, margins: M(0.5, 0.55, 0.55, 0.55), fonts: [f, 'Noto Mono'], gt: { lab_results: gtRows(panels), name_printed: nameFMLU(p), performing_lab: doc.labName } };
  },
};

// lab.r3 imitates a community-hospital LIS "Laboratory Report" (Meditech Magic style) with a two-column label
// grid (Pt Name / Date Of Birth / Age/Sex / Unit No | Acct No / Location / Collected / Received), the
// URINALYSIS split into PHYSICAL and CHEMICAL sections, columns Test | Result | Flag | Ref Range | Units
// (range BEFORE units), flags "Hi" / "Lo" / "Abn", dates "March 14 2024 0815".
const UA_PHYS = new Set(['UCOLOR', 'UAPP', 'USG']);
const labR3 = {
  id: 'lab.r3', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'abbr', rangeStyle: 'e' }, { H: 'Hi', L: 'Lo', A: 'Abn' });
    const dt = (x) => `${longNoComma(x)} ${fmtTime(x, '24c')}`;
    const row = (r) => `<tr><td class="tn">${esc(r.name)}</td><td class="v${r.flag ? ' b' : ''}">${esc(r.value)}</td><td class="fl">${esc(r.flagPrinted)}</td><td>${esc(r.range)}</td><td>${esc(r.unit)}</td></tr>`;
    const rows = panels.map((P) => {
      let h = `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>`;
      const isUA = P.rows.length && P.rows.every((r) => r.gt.specimen === 'urine');
      if (isUA) {
        const ph = P.rows.filter((r) => UA_PHYS.has(r.key)); const ch = P.rows.filter((r) => !UA_PHYS.has(r.key));
        if (ph.length) h += '<tr class="sub"><td colspan="5">Physical</td></tr>' + ph.map(row).join('');
        if (ch.length) h += '<tr class="sub"><td colspan="5">Chemical</td></tr>' + ch.map(row).join('');
      } else h += P.rows.map(row).join('');
      return h;
    }).join('');
    const g = (l, v) => `<td class="l">${l}</td><td class="v2">${v}</td>`;
    const body = `
      <div class="t">${esc(doc.facility.name.toUpperCase())}</div><div class="sm c">LABORATORY &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'paren')}</div>
      <div class="ti">LABORATORY REPORT</div>
      <table class="id"><tr>${g('Pt Name:', `<b>${esc(nameLFM(p))}</b>`)}${g('Acct No:', `V${rng.digits(9)}`)}</tr>
      <tr>${g('Date Of Birth:', longNoComma(p.dob))}${g('Location:', rng.pick(['ER', '3 EAST', 'OUTPT LAB', 'ICU', '2 WEST']))}</tr>
      <tr>${g('Age/Sex:', `${ageOn(p.dob, doc.collected)}/${p.sex}`)}${g('Collected:', dt(doc.collected))}</tr>
      <tr>${g('Unit No:', esc(doc.mrn))}${g('Received:', dt(doc.received))}</tr>
      <tr>${g('Attending:', esc(provName(doc.provider)))}${g('Specimen:', esc(doc.accession))}</tr></table>
      <table class="res"><thead><tr><th style="width:36%">Test</th><th>Result</th><th>Flag</th><th>Ref Range</th><th>Units</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:9pt">Flags: Hi = above reference range; Lo = below reference range; Abn = abnormal. Report status: ${esc(doc.status)}. Verified ${dt(doc.reported)}.</p>`;
    const css = css0(f, 9.5) + `
      .t{font-size:13pt;font-weight:bold;text-align:center}.sm{font-size:7.5pt}.ti{margin:6pt 0 2pt 0;text-align:center;font-size:11pt;font-weight:bold;letter-spacing:3pt;border-top:1px solid #000;border-bottom:1px solid #000}
      table.id{width:100%;margin:4pt 0 6pt 0} table.id td{padding:1pt 4pt;font-size:9pt} td.l{width:15%} td.v2{width:35%}
      table.res{width:100%} table.res th{text-align:left;font-size:8.5pt;border-bottom:1px solid #000;padding:2pt 3pt}
      table.res td{padding:1.2pt 3pt} tr.ph td{font-weight:bold;padding-top:7pt;text-transform:uppercase;border-bottom:0.5px solid #000} tr.sub td{font-style:italic;padding-left:10pt;padding-top:3pt} td.tn{padding-left:16pt !important} td.fl{font-weight:bold}`;
    const header = runHeader(f, `${esc(nameLFM(p))} &nbsp; Unit No ${esc(doc.mrn)}`, `Collected ${dt(doc.collected)}`, 0.6, 7.5);
    const footer = pageFooter(f, `LABORATORY REPORT &middot; ${esc(doc.facility.name)}`, PN, 0.6, 7);
    return { css, body, header, footer, margins: M(0.55, 0.55, 0.6, 0.6), fonts: [f], gt: { lab_results: gtRows(panels), name_printed: nameLFM(p), performing_lab: doc.facility.name } };
  },
};

// lab.r4 imitates a DIALYSIS CENTER "Monthly Labs" sheet (DaVita / Fresenius-clinic report to the nephrologist):
// the panels flow in TWO COLUMNS side by side, each row Test | Result | Units | Ref/Target, the flag
// ("HI" / "LO" / "AB") in a narrow column after the result, "Draw date: 03/14/24" two-digit year, "Patient:
// Harold Testbury", "DOB: Mar-04-1950", modality / chair / shift lines.
const labR4 = {
  id: 'lab.r4', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Renal Outreach Laboratory', 'Kidney Care Lab Services'],
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'abbr', rangeStyle: 'h' }, { H: 'HI', L: 'LO', A: 'AB' });
    const tbl = (P) => `<table class="pt keep"><tr class="ph"><td colspan="5">${esc(P.name)}</td></tr><tr class="ch"><td>Test</td><td>Result</td><td></td><td>Units</td><td>Ref/Target</td></tr>` + P.rows.map((r) => `<tr><td>${esc(r.name)}</td><td class="v${r.flag ? ' b' : ''}">${esc(r.value)}</td><td class="fl">${esc(r.flagPrinted)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>`).join('') + '</table>';
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Outpatient Dialysis &middot; ${esc(fmtAddr(doc.facility.address))} &middot; Ph ${fmtPhone(doc.facility.phone, 'paren')}</div></td><td class="r"><div class="t">MONTHLY LABS</div><div class="sm">${MONTH[dp(doc.collected).m]} ${dp(doc.collected).y} draw</div></td></tr></table>
      <table class="id"><tr><td>Patient: <b>${esc(nameFL(p))}</b></td><td>DOB: ${monDash(p.dob)}</td><td>Sex: ${p.sex}</td><td>Pt #: ${esc(doc.mrn)}</td></tr>
      <tr><td>Nephrologist: ${esc(provName(doc.provider))}</td><td>Draw date: ${fmtDate(doc.collected, 'us-short')} ${fmtTime(doc.collected, '24')}</td><td>Modality: ${rng.pick(['In-center HD', 'Home HD', 'PD'])}</td><td>Shift: ${rng.pick(['MWF', 'TTS'])} ${rng.pick(['1st', '2nd', '3rd'])}</td></tr>
      <tr><td colspan="2">Lab: ${esc(doc.performingLab)} &middot; Req # ${esc(doc.accession)}</td><td colspan="2">Resulted: ${fmtDate(doc.reported, 'us-short')} &middot; ${esc(doc.status)}</td></tr></table>
      <div class="flow">${panels.map(tbl).join('')}</div>
      <p class="sm" style="margin-top:8pt">HI / LO = outside the reference or treatment target; AB = abnormal. Reviewed at monthly QAPI: ______ &nbsp; RD: ______ &nbsp; RN: ______</p>`;
    const css = css0(f, 8.5) + `
      table.hd{width:100%;border-bottom:3px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7pt}.t{font-size:15pt;font-weight:bold;letter-spacing:2pt}
      table.id{width:100%;margin:5pt 0;border-bottom:1px solid #000} table.id td{padding:1pt 3pt;font-size:8.5pt}
      .flow{column-count:2;column-gap:14pt}
      table.pt{width:100%;margin-bottom:7pt;break-inside:avoid} table.pt td{padding:1pt 2pt;font-size:8pt;border-bottom:0.5px solid #bbb}
      tr.ph td{background:#000;color:#fff;font-weight:bold;font-size:8.5pt} tr.ch td{font-size:7pt;font-weight:bold;border-bottom:1px solid #000} td.fl{font-weight:bold;width:0.25in}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} &middot; DOB ${monDash(p.dob)} &middot; Monthly labs ${fmtDate(doc.collected, 'us-short')}`, PN, 0.5, 7);
    return { css, body, footer, margins: M(0.5, 0.55, 0.5, 0.5), fonts: [f], gt: { lab_results: gtRows(panels), name_printed: nameFL(p), performing_lab: doc.performingLab } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.r1 imitates a Meditech Expanse "Discharge Summary" with SIDE HEADINGS: a left label column
// (Admission Date / Discharge Date / Principal Dx / ...) and the text in the right column, meds in a table
// with an "Action" column (Start / Modify / Continue / Discontinue), dates "03-14-2024".
const dsR1 = {
  id: 'discharge.r1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const p = doc.patient; const rng = env.rng;
    const ACT = { New: 'Start', Changed: 'Modify', Continue: 'Continue', Stop: 'Discontinue' };
    const sec = (l, v) => `<tr><td class="sl">${l}</td><td class="sv">${v}</td></tr>`;
    const meds = `<table class="md"><tr><th>Action</th><th>Medication</th><th>Instructions</th></tr>${doc.medications.map((m) => `<tr><td class="b">${ACT[m.status] || esc(m.status)}</td><td>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td></tr>`).join('')}</table>`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dash')}</div></td>
      <td class="r"><div class="pl">${esc(nameLuF(p))}</div><div class="sm">DOB: ${usDash(p.dob)} &nbsp; ${p.age}${p.sex} &nbsp; Acct: ${esc(doc.mrn)}</div></td></tr></table>
      <div class="t">Discharge Summary</div>
      <table class="sd">
        ${sec('Admission Date', usDash(doc.admit_date))}
        ${sec('Discharge Date', usDash(doc.discharge_date))}
        ${sec('Attending', esc(provName(doc.provider)))}
        ${sec('PCP', esc(provName(doc.pcp)))}
        ${sec('Reason for Admission', `${esc(doc.reason[0].toUpperCase() + doc.reason.slice(1))}. Admitting diagnosis: ${esc(doc.admit_dx)}.`)}
        ${sec('Diagnoses', doc.diagnoses.map((d) => `${d.principal ? '<b>Principal:</b> ' : ''}${esc(d.description)} (${d.code})`).join('<br>'))}
        ${sec('History', esc(doc.hpi))}
        ${sec('Hospital Course', doc.course.map(esc).join('<br>'))}
        ${doc.procedures.length ? sec('Procedures', doc.procedures.map(esc).join('<br>')) : ''}
        ${sec('Allergies', allergyText(doc, 'NKDA'))}
        ${sec('Discharge Medications', meds)}
        ${sec('Condition', esc(doc.condition))}
        ${sec('Disposition', esc(doc.disposition))}
        ${sec('Diet / Activity', `${esc(doc.diet)} / ${esc(doc.activity)}`)}
        ${sec('Follow-up', doc.followup.map(esc).join('<br>'))}
        ${doc.pending.length ? sec('Pending Results', esc(doc.pending.join(', '))) : ''}
      </table>
      <div class="sig keep">${signatureSvg(rng, 140, 34)}Electronically signed by ${esc(provName(doc.provider))} on ${usDash(doc.signed)} at ${fmtTime(doc.signed, '24')}</div>`;
    const css = css0(f, 9.5) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.pl{font-size:12pt;font-weight:bold}
      .t{font-size:14pt;font-weight:bold;margin:8pt 0 4pt 0}
      table.sd{width:100%} table.sd td{vertical-align:top;padding:3pt 4pt;border-top:0.5px solid #aaa} td.sl{width:1.45in;font-weight:bold;font-size:8.5pt;background:#eee}
      table.md{width:100%} table.md th{text-align:left;font-size:8pt;border-bottom:1px solid #000;padding:1pt 3pt} table.md td{padding:1pt 3pt;font-size:9pt;vertical-align:top;border-bottom:0.5px dotted #999}
      .sig{margin-top:10pt;font-size:9pt}`;
    const footer = pageFooter(f, `${esc(nameLuF(p))} &middot; DOB ${usDash(p.dob)} &middot; Discharge Summary`, PN, 0.6, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameLuF(p), medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.r1 imitates a SPORTS / SCHOOL / CAMP PHYSICAL form (pre-participation physical evaluation, PPE
// layout): "Name" / "Date of birth" / "Age" / "Sex" boxes, vitals boxes (Height / Weight / BP / Pulse / Temp /
// Resp / SpO2 / BMI), a MEDICAL exam grid with NORMAL / ABNORMAL FINDINGS columns, assessment with ICD-10, current
// medicines, clearance tick boxes, dates "March 14 2024".
const ovR1 = {
  id: 'office_visit.r1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const vit = [['Height', `${v.ht_in} in`], ['Weight', `${v.wt_lb} lb`], ['BP', v.bp], ['Pulse', v.hr], ['Temp', `${v.temp} F`], ['Resp', v.rr], ['SpO2', `${v.spo2}%`], ['BMI', v.bmi]];
    const exam = doc.exam.map(([k, t]) => `<tr><td>${esc(k)}</td><td class="c">${box(true)}</td><td>${esc(t)}</td></tr>`).join('');
    const body = `
      <div class="t">PHYSICAL EVALUATION FORM</div><div class="sm c">${esc(doc.facility.name)} &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dash')}</div>
      <table class="bx"><tr><td style="width:40%"><span class="cp">Name</span>${esc(nameFL(p))}</td><td><span class="cp">Date of birth</span>${longNoComma(p.dob)}</td><td><span class="cp">Age</span>${p.age}</td><td><span class="cp">Sex</span>${sexWord(p)}</td></tr>
      <tr><td><span class="cp">Examiner</span>${esc(provName(doc.provider))}</td><td><span class="cp">Date of exam</span>${longNoComma(doc.date_of_service)}</td><td colspan="2"><span class="cp">Chart #</span>${esc(doc.mrn)}</td></tr></table>
      <div class="h">Reason / visit type</div><p>${esc(doc.visit_type)} &ndash; ${esc(doc.chief_complaint)}</p>
      <div class="h">History</div><p>${esc(doc.hpi)}</p>
      <div class="h">Vital signs</div>
      <table class="vt"><tr>${vit.map(([k]) => `<td class="cp2">${k}</td>`).join('')}</tr><tr>${vit.map(([, x]) => `<td>${x}</td>`).join('')}</tr></table>
      <div class="h">Medical examination</div>
      <table class="ex"><tr><th style="width:22%">MEDICAL</th><th style="width:9%">NORMAL</th><th>FINDINGS</th></tr>${exam}</table>
      <div class="h">Assessment</div>${doc.diagnoses.map((d) => `<div>${d.code} &nbsp; ${esc(d.description)}</div>`).join('')}
      <div class="h">Current medicines</div>${doc.medications.length ? doc.medications.map((m) => `<div>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} &ndash; ${esc(m.sig)}</div>`).join('') : '<div>None</div>'}
      <div class="h">Allergies</div><div>${allergyText(doc, 'None known')}</div>
      <div class="h">Plan</div>${doc.plan.map((x) => `<div>&bull; ${esc(x)}</div>`).join('')}${doc.orders.length ? `<div>&bull; Labs: ${doc.orders.map(esc).join(', ')}</div>` : ''}<div>&bull; Follow-up: ${esc(doc.followup)}</div>
      <div class="h">Clearance</div><div>${box(true)}Cleared without restriction &nbsp; ${box(false)}Cleared with recommendations &nbsp; ${box(false)}Not cleared pending evaluation</div>
      <div class="sig keep">${signatureSvg(rng, 130, 30)}Examiner signature: ${esc(provName(doc.provider))} &nbsp; Date: ${longNoComma(doc.signed)}</div>`;
    const css = css0(f, 9.5) + `
      .t{font-size:15pt;font-weight:bold;text-align:center;letter-spacing:1pt}.sm{font-size:7.5pt}
      table.bx{width:100%;margin-top:6pt} table.bx td{border:1px solid #000;padding:1pt 4pt 3pt 4pt;vertical-align:top}.cp{display:block;font-size:6.5pt;text-transform:uppercase}
      .h{margin-top:6pt;font-weight:bold;font-size:9.5pt;border-bottom:1px solid #000}
      table.vt{width:100%} table.vt td{border:1px solid #000;padding:1pt 3pt;text-align:center;font-size:9pt}.cp2{font-size:7pt;background:#e8e8e8}
      table.ex{width:100%} table.ex th{font-size:7.5pt;text-align:left;border-bottom:1px solid #000;padding:1pt 3pt} table.ex td{font-size:8.5pt;padding:1pt 3pt;border-bottom:0.5px solid #bbb;vertical-align:top}
      .sig{margin-top:10pt;font-size:9pt}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} &middot; DOB ${longNoComma(p.dob)}`, PN, 0.6, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameFL(p), medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.r1 imitates a hospital-pharmacy / anticoagulation-clinic "MY MEDICINE SCHEDULE" (pill card):
// one row per medicine with its purpose-free full directions and tick columns Morning / Noon / Evening /
// Bedtime, "Patient Name:" "TESTBURY, Harold", "DOB:" "03-04-1950".
const SLOTS = { QD: [1, 0, 0, 0], BID: [1, 0, 1, 0], TID: [1, 1, 1, 0], QID: [1, 1, 1, 1], QHS: [0, 0, 0, 1], QPM: [0, 0, 1, 0], QAM: [1, 0, 0, 0] };
const mlR1 = {
  id: 'medication_list.r1', set: SET, type: 'medication_list', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient;
    const rows = doc.medications.map((m) => { const s = SLOTS[m.frequency] || [0, 0, 0, 0]; return `<tr><td><b>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</b><div class="sg">${esc(m.sig)}</div></td>${s.map((x) => `<td class="c">${x ? '&#10003;' : ''}</td>`).join('')}<td>${esc(m.status)}</td></tr>`; }).join('');
    const body = `
      <table class="hd"><tr><td><div class="t">MY MEDICINE SCHEDULE</div><div class="sm">${esc(doc.facility.name)} &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dash')}</div></td></tr></table>
      <table class="id"><tr><td>Patient Name: <b>${esc(nameLuF(p))}</b></td><td>DOB: ${usDash(p.dob)}</td><td>ID: ${esc(doc.mrn)}</td></tr>
      <tr><td>Prescriber: ${esc(provName(doc.provider))}</td><td colspan="2">Updated: ${usDash(doc.date_of_service)}</td></tr></table>
      <div class="al">Allergies: ${allergyText(doc, 'No known allergies')}</div>
      <table class="sch"><thead><tr><th style="width:50%">Medicine and how to take it</th><th>Morning</th><th>Noon</th><th>Evening</th><th>Bedtime</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:8pt">Bring this schedule to every appointment. Do not stop or change any medicine without talking to your doctor or pharmacist.</p>`;
    const css = css0(f, 10) + `
      table.hd{width:100%;border-bottom:3px solid #000}.t{font-size:17pt;font-weight:bold}.sm{font-size:7.5pt}
      table.id{width:100%;margin:6pt 0} table.id td{padding:2pt 4pt}
      .al{border:1.5px solid #000;padding:3pt 5pt;font-weight:bold;margin-bottom:6pt}
      table.sch{width:100%} table.sch th{font-size:8.5pt;border:1px solid #000;background:#ddd;padding:2pt} table.sch td{border:1px solid #000;padding:3pt 4pt;vertical-align:middle}.sg{font-size:9pt}`;
    const footer = pageFooter(f, `${esc(nameLuF(p))} &middot; DOB ${usDash(p.dob)}`, PN, 0.6, 7);
    return { css, body, footer, margins: M(0.6, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameLuF(p), medications: doc.medications.map((m) => medGt(m)), allergies: doc.allergies } };
  },
};

// ======================= IMMUNIZATION =======================
// immunization_record.r1 imitates a PEDIATRIC / clinic "Immunization Record" print in the CDC wallet-card
// manner: rows grouped under VACCINE captions (Vaccine group in a shaded left cell spanning its doses), columns
// Dose / Date given (mm/dd/yyyy) / Product / Lot / Site / Given at, "Child's name:" or "Name:", "Birthdate:".
const imR1 = {
  id: 'immunization.r1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient;
    const groups = new Map();
    for (const s of doc.immunizations) { const k = s.short || s.vaccine; if (!groups.has(k)) groups.set(k, []); groups.get(k).push(s); }
    const rows = [...groups.entries()].map(([k, ss]) => ss.map((s, i) => `<tr>${i === 0 ? `<td class="g" rowspan="${ss.length}">${esc(k)}</td>` : ''}<td class="c">${s.dose_number}</td><td>${fmtDate(s.date, 'us')}</td><td>${esc(s.vaccine)}<div class="tn">${esc(s.trade_name)} (CVX ${s.cvx}, ${s.mvx})</div></td><td>${esc(s.lot)}</td><td>${esc(s.site)}</td></tr>`).join('')).join('');
    const label = p.age < 18 ? "Child's name:" : 'Name:';
    const body = `
      <table class="hd"><tr><td><div class="t">Immunization Record</div><div class="sm">${esc(doc.facility.name)} &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dash')}</div></td><td class="r">${logoSvg(env.rng, 'star', 34)}</td></tr></table>
      <table class="id"><tr><td>${label} <b>${esc(nameFL(p))}</b></td><td>Birthdate: ${fmtDate(p.dob, 'us')}</td><td>Sex: ${p.sex}</td><td>Record #: ${esc(doc.mrn)}</td></tr></table>
      <table class="im"><thead><tr><th style="width:17%">Vaccine</th><th>Dose</th><th>Date given</th><th style="width:36%">Product</th><th>Lot</th><th>Site</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:8pt">Printed ${fmtDate(doc.date_of_service, 'us')} by ${esc(provName(doc.provider))}. Keep this record with your important papers and bring it to every visit.</p>`;
    const css = css0(f, 9.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom}.t{font-size:16pt;font-weight:bold}.sm{font-size:7.5pt}
      table.id{width:100%;margin:6pt 0} table.id td{padding:2pt 4pt}
      table.im{width:100%} table.im th{text-align:left;font-size:8pt;border:1px solid #000;background:#ddd;padding:2pt} table.im td{border:1px solid #000;padding:2pt 3pt;vertical-align:top;font-size:9pt}
      td.g{background:#f0f0f0;font-weight:bold}.tn{font-size:7pt}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} &middot; Birthdate ${fmtDate(p.dob, 'us')}`, PN, 0.6, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameFL(p), immunizations: doc.immunizations.map((s) => ({ vaccine: s.vaccine, vaccine_printed: s.vaccine, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: s.lot, site: s.site })) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.r1 imitates a Fuji Synapse / PowerScribe community-hospital radiology print: monospace-free serif
// body, a boxed order strip (EXAM / ACC / ORDER # / CPT), "*** FINAL REPORT ***", HISTORY / TECHNIQUE /
// COMPARISON / FINDINGS / IMPRESSION in capitals with colons, and a transcription trailer
// "D: 03-14-2024 10:02  T: 03-14-2024 10:40", "Dictated by / Signed by".
const radR1 = {
  id: 'radiology.r1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const dt = (x) => `${usDash(x)} ${fmtTime(x, '24')}`;
    const body = `
      <div class="fn">${esc(doc.facility.name)} &ndash; Department of Radiology</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dash')}</div>
      <table class="id"><tr><td>Patient: <b>${esc(nameLuF(p))}</b></td><td>DOB: ${usDash(p.dob)}</td><td>Age/Sex: ${p.age}/${p.sex}</td><td>MRN: ${esc(doc.mrn)}</td></tr>
      <tr><td>Ordering: ${esc(provName(doc.provider))}</td><td colspan="3">Exam date: ${dt(doc.exam_datetime)}</td></tr></table>
      <table class="ord"><tr><td>EXAM: ${esc(doc.exam)}</td><td>ACC: ${doc.accession}</td><td>ORDER #: ${rng.digits(8)}</td><td>CPT: ${doc.cpt}</td><td>MOD: ${doc.modality}</td></tr></table>
      <div class="fr">*** FINAL REPORT ***</div>
      <p><b>HISTORY:</b> ${esc(doc.indication)}.</p>
      <p><b>TECHNIQUE:</b> ${esc(doc.technique)}</p>
      <p><b>COMPARISON:</b> ${esc(doc.comparison)}</p>
      <p><b>FINDINGS:</b></p>${doc.findings.map((x) => `<p class="in">${esc(x)}</p>`).join('')}
      <p><b>IMPRESSION:</b></p>${doc.impression.map((x, i) => `<p class="in">${i + 1}. ${esc(x)}</p>`).join('')}
      <div class="sig keep">Dictated by: ${esc(provName(doc.radiologist))}<br>Signed by: ${esc(provName(doc.radiologist))} &nbsp; ${dt(doc.signed)}<br>D: ${dt(doc.signed)} &nbsp; T: ${dt(doc.signed)} &nbsp; Job# ${rng.digits(6)}</div>`;
    const css = css0(f, 10.5) + `
      .fn{font-size:13pt;font-weight:bold}.sm{font-size:8pt}
      table.id{width:100%;margin:6pt 0 3pt 0} table.id td{padding:1pt 4pt;font-size:9.5pt}
      table.ord{width:100%;border:1.5px solid #000} table.ord td{padding:2pt 4pt;font-size:9pt;border-right:1px solid #000}
      .fr{text-align:center;font-weight:bold;margin:8pt 0}.in{margin-left:18pt} .sig{margin-top:12pt;font-size:9pt}`;
    const footer = pageFooter(f, `${esc(nameLuF(p))} &middot; ${esc(doc.exam)}`, PN, 0.7, 7);
    return { css, body, footer, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nameLuF(p), radiology: { exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads } } };
  },
};

// ======================= REFERRAL =======================
// referral.r1 imitates an HMO / IPA "REFERRAL AUTHORIZATION REQUEST" form faxed from the PCP to the specialist:
// member strip (Member Name / Date Of Birth / Member ID), "Referred From" and "Referred To" side by side,
// # of visits requested, auth #, ICD-10 table, current medications, dates "03-14-2024".
const refR1 = {
  id: 'referral.r1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng; const to = doc.to_provider;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Ph ${fmtPhone(doc.facility.phone, 'dash')} &middot; Fax ${fmtPhone(doc.facility.fax, 'dash')}</div></td><td class="r"><div class="t">REFERRAL AUTHORIZATION<br>REQUEST</div></td></tr></table>
      <table class="ms"><tr><td><span class="c1">Member Name</span>${esc(nameLFM(p))}</td><td><span class="c1">Date Of Birth</span>${usDash(p.dob)}</td><td><span class="c1">Chart</span>${esc(doc.mrn)}</td><td><span class="c1">Request date</span>${usDash(doc.date_of_service)}</td></tr></table>
      <table class="two"><tr><td><div class="cap">REFERRED FROM</div>${esc(provName(doc.provider))}<br>${esc(doc.facility.name)}<br>Fax ${fmtPhone(doc.facility.fax, 'dash')}</td>
      <td><div class="cap">REFERRED TO</div>${esc(provName(to))}<br>${esc(doc.to_facility.name)}<br>Specialty: ${esc(doc.specialty)}</td></tr></table>
      <table class="ms"><tr><td><span class="c1">Priority</span>${esc(doc.urgency)}</td><td><span class="c1"># of visits</span>${doc.visits_authorized ?? '&mdash;'}</td><td><span class="c1">Auth #</span>${doc.auth_number ? esc(doc.auth_number) : 'Pending'}</td></tr></table>
      <div class="cap" style="margin-top:8pt">REASON FOR REFERRAL</div><p>${esc(doc.reason[0].toUpperCase() + doc.reason.slice(1))}.</p>
      <div class="cap">DIAGNOSES</div><table class="dx">${doc.diagnoses.map((d) => `<tr><td class="cd">${d.code}</td><td>${esc(d.description)}</td></tr>`).join('')}</table>
      <div class="cap" style="margin-top:6pt">CURRENT MEDICATIONS</div>${doc.medications.length ? doc.medications.map((m) => `<div>${esc(m.name)} ${esc(m.strength)} &ndash; ${esc(m.sig_abbrev)}</div>`).join('') : '<div>None</div>'}
      <div class="cap" style="margin-top:6pt">ALLERGIES</div><div>${allergyText(doc, 'NKDA')}</div>
      <div class="cap" style="margin-top:6pt">ENCLOSED</div><div>${doc.enclosures.map((e) => `${box(true)}${esc(e)}`).join(' &nbsp; ')}</div>
      <div class="sig keep">${signatureSvg(rng, 130, 30)}Requesting provider: ${esc(provName(doc.provider))} &nbsp; Date: ${usDash(doc.date_of_service)}</div>`;
    const css = css0(f, 9.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:12pt;font-weight:bold}
      table.ms{width:100%;margin-top:6pt} table.ms td{border:1px solid #000;padding:1pt 4pt 3pt 4pt;vertical-align:top}.c1{display:block;font-size:6.5pt;text-transform:uppercase}
      table.two{width:100%;margin-top:6pt} table.two td{width:50%;vertical-align:top;border:1px solid #000;padding:3pt 5pt}
      .cap{font-size:8pt;font-weight:bold;letter-spacing:1pt;border-bottom:1px solid #000;margin-bottom:2pt} table.dx td{padding:1pt 6pt 1pt 0} td.cd{font-weight:bold}
      .sig{margin-top:12pt;font-size:9pt}`;
    const footer = pageFooter(f, `${esc(nameLFM(p))} &middot; DOB ${usDash(p.dob)} &middot; Referral`, PN, 0.6, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameLFM(p), diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.r1 imitates a state MEDICAID "Explanation of Medicaid Benefits" (EOMB) mailed to the recipient:
// "Recipient:" / "Medicaid ID", "This is not a bill", one table per provider with Date of Service / Procedure
// / Description / Amount Billed / Medicaid Allowed / Medicaid Paid / Copay / Your share, "Please tell us if you
// did not receive these services" fraud-line box, dates "03/14/2024".
const billR1 = {
  id: 'billing.r1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const p = doc.patient; const t = doc.totals;
    const us = (iso) => fmtDate(iso, 'us');
    const rows = doc.lines.map((l) => `<tr><td>${us(l.date)}</td><td>${l.cpt}</td><td>${esc(l.description)}</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.allowed)}</td><td class="r">${money(l.not_covered)}</td><td class="r">${money(l.deductible)}</td><td class="r">${money(l.copay)}</td><td class="r">${money(l.coinsurance)}</td><td class="r">${money(l.paid)}</td><td class="r b">${money(l.patient_resp)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.payer)}</div><div class="sm">Medicaid Program &middot; ${esc(fmtAddr(doc.facility.address))}</div></td><td class="r"><div class="t">EXPLANATION OF<br>MEDICAID BENEFITS</div><div class="nb b">THIS IS NOT A BILL</div></td></tr></table>
      <table class="id"><tr><td>Recipient: <b>${esc(nameFL(p).toUpperCase())}</b><br>Medicaid ID: ${doc.member_id}<br>Date of Birth: ${us(p.dob)}</td><td>Notice date: ${us(doc.processed)}<br>Claim/ICN: ${doc.claim_number}<br>Plan: ${esc(doc.plan_name)}</td></tr></table>
      <p>This notice lists services that were billed to Medicaid for you. Please read it carefully.</p>
      <div class="pv">Provider: ${esc(provName(doc.provider))} &middot; ${esc(doc.client.name)}</div>
      <table class="cl"><thead><tr><th>Date of Service</th><th>Procedure</th><th style="width:22%">Description</th><th>Amount Billed</th><th>Medicaid Allowed</th><th>Not Covered</th><th>Deductible</th><th>Copay</th><th>Coins.</th><th>Medicaid Paid</th><th>Your Share</th></tr></thead>
      <tbody>${rows}<tr class="tot"><td colspan="3">Claim total</td><td class="r">${money(t.billed)}</td><td class="r">${money(t.allowed)}</td><td class="r">${money(t.not_covered)}</td><td class="r">${money(t.deductible)}</td><td class="r">${money(t.copay)}</td><td class="r">${money(t.coinsurance)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.patient_resp)}</td></tr></tbody></table>
      <div class="fr"><b>Did you get these services?</b> If you did not receive a service listed above, call the Medicaid Fraud Hotline at ${fmtPhone(doc.facility.phone, 'dash')}. You have the right to ask for a fair hearing within 90 days of this notice.</div>`;
    const css = css0(f, 9.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:13pt;font-weight:bold}
      table.id{width:100%;margin:6pt 0;border:1px solid #000} table.id td{width:50%;vertical-align:top;padding:3pt 5pt;font-size:9pt}
      .pv{font-weight:bold;margin:6pt 0 2pt 0}
      table.cl{width:100%} table.cl th{font-size:7pt;text-align:left;border-bottom:1.5px solid #000;vertical-align:bottom;padding:1pt 2pt} table.cl td{font-size:8pt;padding:2pt;border-bottom:0.5px solid #999;vertical-align:top}
      tr.tot td{font-weight:bold;border-top:1.5px solid #000} .fr{margin-top:10pt;border:1.5px dashed #000;padding:4pt 6pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(doc.payer)} &middot; Medicaid ID ${doc.member_id}`, PN, 0.5, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.5, 0.5), fonts: [f], gt: { name_printed: nameFL(p).toUpperCase(), billing: { kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: t.patient_resp } } };
  },
};

// billing.r2 imitates a HOSPITAL GUARANTOR BILLING STATEMENT with the payment coupon at the TOP (tear-off
// above the dashed line: Statement Date / Account # / Amount Due / Pay By), then "Account Activity"
// Date / Description / Charges / Payments-Adjustments / Balance, then an "Insurance Claim Detail" table (Charges /
// Allowed / Ins Paid / Deductible / Copay / Coins / Your Part per CPT line), "Guarantor:" name.
const billR2 = {
  id: 'billing.r2', set: SET, type: 'insurance_billing', facilityKind: 'billing',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const t = doc.totals;
    const us = (iso) => fmtDate(iso, 'us');
    const due = Math.round((doc.previous_balance + t.patient_resp) * 100) / 100;
    let bal = doc.previous_balance;
    const act = [];
    act.push(`<tr><td>${us(addDays(doc.statement_date, -40))}</td><td>Previous balance</td><td></td><td></td><td class="r">${money(bal)}</td></tr>`);
    for (const l of doc.lines) { bal += l.billed; act.push(`<tr><td>${us(l.date)}</td><td>${l.cpt} ${esc(l.description)}</td><td class="r">${money(l.billed)}</td><td></td><td class="r">${money(Math.round(bal * 100) / 100)}</td></tr>`); }
    bal -= t.paid; act.push(`<tr><td>${us(doc.statement_date)}</td><td>Insurance payment &ndash; ${esc(doc.payer)} (claim ${doc.claim_number})</td><td></td><td class="r">-${money(t.paid)}</td><td class="r">${money(Math.round(bal * 100) / 100)}</td></tr>`);
    bal -= t.not_covered; act.push(`<tr><td>${us(doc.statement_date)}</td><td>Contractual adjustment</td><td></td><td class="r">-${money(t.not_covered)}</td><td class="r">${money(due)}</td></tr>`);
    const body = `
      <table class="cp"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))}<br>Billing questions ${fmtPhone(doc.facility.phone, 'dash')}</div></td>
      <td><table class="kv"><tr><td>Statement Date</td><td>${us(doc.statement_date)}</td></tr><tr><td>Account #</td><td>${doc.account}</td></tr><tr><td>Pay By</td><td>${us(doc.due_date)}</td></tr><tr class="due"><td>Amount Due</td><td>${money(due)}</td></tr><tr><td>Amount Enclosed</td><td>$__________</td></tr></table></td></tr></table>
      <div class="cut">&#9986; - - - - - - - - - - - detach and return the top portion with your payment - - - - - - - - - - -</div>
      <table class="id"><tr><td>Guarantor: <b>${esc(nameLuF(p))}</b><br>Patient: ${esc(nameLuF(p))} &nbsp; DOB ${us(p.dob)} &nbsp; MRN ${esc(doc.mrn)}</td><td>Service date: ${us(doc.date_of_service)}<br>Insurance: ${esc(doc.payer)} &middot; ID ${doc.member_id}</td></tr></table>
      <div class="h">Account Activity</div>
      <table class="ac"><thead><tr><th style="width:13%">Date</th><th>Description</th><th>Charges</th><th>Payments / Adjustments</th><th>Balance</th></tr></thead><tbody>${act.join('')}</tbody></table>
      <div class="h">Insurance Claim Detail</div>
      <table class="ac"><thead><tr><th style="width:13%">Date</th><th>CPT</th><th>Description</th><th>Charges</th><th>Allowed</th><th>Ins Paid</th><th>Deductible</th><th>Copay</th><th>Coins</th><th>Your Part</th></tr></thead><tbody>${doc.lines.map((l) => `<tr><td>${us(l.date)}</td><td>${l.cpt}</td><td>${esc(l.description)}</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.allowed)}</td><td class="r">${money(l.paid)}</td><td class="r">${money(l.deductible)}</td><td class="r">${money(l.copay)}</td><td class="r">${money(l.coinsurance)}</td><td class="r">${money(l.patient_resp)}</td></tr>`).join('')}</tbody></table>
      <table class="sum"><tr><td>Total charges ${money(t.billed)}</td><td>Insurance paid ${money(t.paid)}</td><td>Adjustments ${money(t.not_covered)}</td><td>Deductible ${money(t.deductible)} &middot; Copay ${money(t.copay)} &middot; Coinsurance ${money(t.coinsurance)}</td><td class="b">Your balance ${money(due)}</td></tr></table>
      <p class="sm" style="margin-top:8pt">Financial assistance is available. Payment plans may be arranged by calling our billing office. This statement reflects activity through ${us(doc.statement_date)}.</p>`;
    const css = css0(f, 9.5) + `
      table.cp{width:100%} table.cp>tbody>tr>td{vertical-align:top;width:50%}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}
      table.kv{width:100%;border:1.5px solid #000} table.kv td{padding:2pt 5pt;border-bottom:0.5px solid #999} tr.due td{font-weight:bold;font-size:11pt}
      .cut{margin:8pt 0;font-size:8pt;text-align:center}
      table.id{width:100%;border-top:2px solid #000} table.id td{width:50%;vertical-align:top;padding:4pt;font-size:9pt}
      .h{font-weight:bold;font-size:11pt;margin:6pt 0 2pt 0}
      table.ac{width:100%} table.ac th{text-align:left;font-size:8pt;border-bottom:1.5px solid #000;padding:1pt 3pt} table.ac td{padding:2pt 3pt;border-bottom:0.5px solid #bbb;font-size:8.5pt}
      table.sum{width:100%;margin-top:8pt;border:1px solid #000} table.sum td{padding:3pt;font-size:8pt;border-right:1px solid #000}`;
    const footer = pageFooter(f, `Account ${doc.account} &middot; ${esc(nameLuF(p))}`, PN, 0.55, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nameLuF(p), billing: { kind: 'patient_statement', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, account: doc.account, statement_date: doc.statement_date, previous_balance: doc.previous_balance, amount_due: due, lines: doc.lines, totals: doc.totals } } };
  },
};

export default [coverR1, coverR2, labR1, labR2, labR3, labR4, dsR1, ovR1, mlR1, imR1, radR1, refR1, billR1, billR2];
