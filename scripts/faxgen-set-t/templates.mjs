// faxgen template set 'set-t': a FIFTH stand-in for faxgen's held-out template set, independent of
// set-a (faxgen), set-v, set-w, set-u and set-z (scripts/): other layouts, typefaces and fax-header formats.
// Written without reading Vessel's extraction/structuring/eval code. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-t/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-t ...
// faxgen's helpers are imported from $FAXGEN_DIR or, by default, ../shared/faxgen beside the repo.
// Every template keeps set-a's ground-truth (`gt`) contract (see faxgen's README, "Ground-truth schema"):
// every structured fact in a template's gt is printed on its page(s) in the form the gt says.
// See README.md here: this set measures generalization; do not tune extraction rules to its layouts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAXGEN = fs.realpathSync(process.env.FAXGEN_DIR ? path.resolve(process.env.FAXGEN_DIR) : path.resolve(here, '../../../shared/faxgen'));
const lib = (p) => import(pathToFileURL(path.join(FAXGEN, 'lib', p)).href);
const { baseCss, labPanels, signatureSvg, barcodeSvg, logoSvg, box, medGt, esc } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, phoneDigits, nameFL, nameFML, provName, fmtAddr, money, ageOn, addDays, parseIso, pad: zpad } = await lib('util.mjs');
const { MVX, CONDITIONS } = await lib('clinical.mjs');

const SET = 'set-t';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// Every installed Latin face is used by some earlier set; set-t takes the least used ones: FreeSans and the
// URW serif faces C059 / P052 / Nimbus Roman and Nimbus Mono PS (each drawn only by set-v), URW Gothic and
// Noto Sans Mono (set-w only), and two faces no set has printed: Nimbus Sans Narrow (headless Chromium does
// not match it by family name, so it is bound through @font-face local(); see NARROW_FACE) and Z003 (a
// calligraphic script, used only for the hand-filled values of cover.t1).
export const fonts = {
  [SET]: {
    sans: ['FreeSans', 'URW Gothic'],
    serif: ['C059', 'P052', 'Nimbus Roman'],
    mono: ['Nimbus Mono PS', 'Noto Sans Mono'],
    narrow: ['Nimbus Sans Narrow'],
    script: ['Z003'],
    tti: ['Nimbus Mono PS', 'Noto Sans Mono', 'FreeSans'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);
// bind the family name to the installed faces by PostScript / full name (Chromium's family lookup misses it)
const NARROW_FACE = [['Regular', 'normal', 'normal'], ['Bold', 'bold', 'normal'], ['Oblique', 'normal', 'italic'], ['BoldOblique', 'bold', 'italic']]
  .map(([s, w, st]) => `@font-face{font-family:'Nimbus Sans Narrow';font-weight:${w};font-style:${st};src:local('NimbusSansNarrow-${s}'),local('Nimbus Sans Narrow ${s.replace('Oblique', ' Oblique').trim()}')}`).join('\n');
const css0 = (family, size) => NARROW_FACE + baseCss(family, size);

// ---------------------------------------------------------------- dates and names as printed
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const dp = (iso) => { const d = parseIso(iso); return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), w: d.getUTCDay() }; };
/** "Mar 04, 1950" (month abbreviation, zero-padded day) */
const monPad = (iso) => { const x = dp(iso); return `${MON[x.m]} ${zpad(x.d)}, ${x.y}`; };
/** "1950-Mar-04" */
const ymdMon = (iso) => { const x = dp(iso); return `${x.y}-${MON[x.m]}-${zpad(x.d)}`; };
/** "14 MAR 2024" */
const dMONy = (iso) => { const x = dp(iso); return `${zpad(x.d)} ${MON[x.m].toUpperCase()} ${x.y}`; };
/** "1950/03/04" */
const ymdSlash = (iso) => fmtDate(iso, 'iso').replace(/-/g, '/');
/** "031424" (MMDDYY, remittance print) and "0314" (MMDD) */
const mmddyy = (iso) => { const x = dp(iso); return `${zpad(x.m + 1)}${zpad(x.d)}${String(x.y).slice(2)}`; };
const mmdd = (iso) => mmddyy(iso).slice(0, 4);
const h12 = (dt) => { const hh = Number(dt.slice(11, 13)); return { h: ((hh + 11) % 12) + 1, ap: hh < 12 ? 'AM' : 'PM', m: dt.slice(14, 16) }; };
const mi = (p) => (p.middle ? ' ' + p.middle[0] : '');
/** "TESTBURY, HAROLD J" */
const nameLFU = (p) => `${p.last}, ${p.first}${mi(p)}`.toUpperCase();
/** "Testbury, Harold J" */
const nameLFt = (p) => `${p.last}, ${p.first}${mi(p)}`;
/** "HAROLD J TESTBURY" */
const nameFMLU = (p) => `${p.first}${mi(p)} ${p.last}`.toUpperCase();
/** "Mockwood MD, Jane" (Cerner-style provider) */
const provCerner = (pr) => `${pr.last} ${pr.cred}, ${pr.first}`;
const sexWord = (p) => (p.sex === 'F' ? 'Female' : 'Male');

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // HylaFAX default TagLineFormat "From %%n|%c|Page %%P of %%T": dotted international number, C-locale date
    (t) => { const x = dp(t.dt); return [`From +1.${t.fax.area}.${t.fax.exch}.${t.fax.line}`, `${DAY[x.w]} ${MON[x.m]} ${zpad(x.d)} ${fmtTime(t.dt, '24')}:${zpad(t.sec)} ${x.y}`, `Page ${t.page} of ${t.total}`]; },
    // Canon imageRUNNER with the "YYYY MM/DD" date setting: "2024 03/14 10:32 FAX 2175550146 SENDER #0481 P.002/005"
    (t) => { const x = dp(t.dt); return [`${x.y} ${zpad(x.m + 1)}/${zpad(x.d)} ${fmtTime(t.dt, '24')}`, `FAX ${phoneDigits(t.fax)}`, t.sender.toUpperCase().slice(0, 24), `#${zpad(t.job + t.fjob, 4)} P.${zpad(t.page, 3)}/${zpad(t.total, 3)}`]; },
    // RightFax / hospital fax-server default header: "3/14/2024 10:32:07 AM PAGE 2/005 Fax Server" (no sender name)
    (t) => { const c = h12(t.dt); return [`${fmtDate(t.dt, 'us-nopad')} ${c.h}:${c.m}:${zpad(t.sec)} ${c.ap}`, `PAGE ${t.page}/${zpad(t.total, 3)}`, 'Fax Server']; },
  ],
};

// ---------------------------------------------------------------- helpers
const PN = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
const pageFooter = (f, left, right, padIn = 0.6, size = 7) => `<div style="font-family:'${f === 'Nimbus Sans Narrow' ? 'FreeSans' : f}';font-size:${size}pt;box-sizing:border-box;width:100%;padding:0 ${padIn}in;display:flex;justify-content:space-between"><span>${left}</span><span>${right}</span></div>`;
/** labPanels with our own flag spelling written back into the ground truth (gt.flag stays H/L/A) */
function panelsWith(doc, opts, spell) {
  const panels = labPanels(doc, { ...opts, flagStyle: 'HL' });
  for (const P of panels) for (const r of P.rows) { r.flagPrinted = r.flag ? spell(r) : ''; r.gt.flag_printed = r.flagPrinted || null; }
  return panels;
}
const labGt = (panels) => panels.flatMap((P) => P.rows.map((r) => r.gt));
const immGt = (s, printed) => ({ vaccine: s.vaccine, vaccine_printed: printed, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: s.lot, site: s.site });
const allergyText = (doc, none = 'NKDA') => (doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join(', ') : none);
const tz = (rng) => rng.pick(['CST', 'CDT', 'EST', 'EDT', 'MST', 'PDT']);

// ======================= FAX COVER SHEETS =======================
// cover.t1: PRE-PRINTED office fax pad FILLED IN BY HAND: black vertical "FAX" band down the left edge,
// the practice's name/phone/fax pre-printed, ruled blanks (Date / To / Fax # / Phone / From / Re /
// No. of pages incl. cover) with the values in handwriting (Z003 script), tick boxes Urgent / For Review /
// Please Reply / Please Recycle, handwritten message on ruled lines, short-form date "3/14/24".
const coverT1 = {
  id: 'cover.t1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const h = fonts[SET].script[0]; const s = doc.from_facility; const rng = env.rng;
    const x = dp(doc.date_of_service);
    // handwriting sits a little off the ruled line (a vertical offset, not a rotation: pdftotext splits
    // rotated runs into fragments, which would scramble the ground-truth text)
    const hand = (v, off = true) => `<span class="hw"${off ? ` style="position:relative;top:${rng.float(-3, 1).toFixed(1)}pt;left:${rng.float(0, 14).toFixed(0)}pt"` : ''}>${v}</span>`;
    const line = (label, v) => `<tr><td class="l">${label}</td><td class="bl">${hand(v)}</td></tr>`;
    const body = `
      <div class="wrap"><div class="band"><span>FAX</span></div><div class="main">
      <div class="pp"><div class="fn">${esc(s.name)}</div><div class="ad">${esc(fmtAddr(s.address))}</div><div class="ad">Phone ${fmtPhone(s.phone)} &nbsp;&nbsp; Fax ${fmtPhone(s.fax)}</div></div>
      <table class="fm">
        ${line('Date:', `${x.m + 1}/${x.d}/${String(x.y).slice(2)}`)}
        ${line('To:', esc(doc.to_name) + (doc.to_org ? ` &nbsp;&ndash; ${esc(doc.to_org)}` : ''))}
        ${line('Fax #:', fmtPhone(doc.to_fax, 'dash'))}
        ${line('Phone:', doc.to_phone ? fmtPhone(doc.to_phone, 'dash') : '')}
        ${line('From:', esc(doc.from_person))}
        ${line('Re:', esc(doc.re))}
        ${line('No. of pages (incl. cover):', String(doc.pages))}
      </table>
      <div class="tk">${box(doc.urgent)} Urgent &nbsp;&nbsp; ${box(!doc.urgent)} For Review &nbsp;&nbsp; ${box(false)} Please Comment &nbsp;&nbsp; ${box(false)} Please Reply &nbsp;&nbsp; ${box(false)} Please Recycle</div>
      <div class="cm">Comments:</div><div class="ruled">${hand(esc(doc.message), false)}</div>
      <div class="conf">CONFIDENTIALITY NOTICE: The documents accompanying this facsimile contain confidential health information that is legally privileged. This information is intended only for the use of the recipient named above. If you have received this fax in error, please notify us immediately by telephone and destroy the documents.</div>
      </div></div>`;
    const css = css0(f, 10.5) + `
      .wrap{display:flex;gap:14pt}.band{width:0.8in;flex:none;background:#000;color:#fff;min-height:9.2in;display:flex;align-items:flex-start;justify-content:center}
      .band span{writing-mode:vertical-rl;transform:rotate(180deg);font-size:64pt;font-weight:bold;letter-spacing:18pt;margin-top:30pt}
      .main{flex:1}.pp{border-bottom:2px solid #000;padding-bottom:5pt}.fn{font-size:17pt;font-weight:bold}.ad{font-size:9pt}
      table.fm{width:100%;margin-top:16pt} table.fm td{padding:9pt 4pt 1pt 0;vertical-align:bottom} td.l{width:1.15in;font-weight:bold;font-size:10pt;white-space:nowrap;padding-right:8pt} td.bl{border-bottom:1px solid #000}
      .hw{font-family:'${h}';font-size:15pt;line-height:1.05;margin-left:4pt}
      .tk{margin:18pt 0 10pt 0;font-size:9.5pt}.cm{font-weight:bold;margin-top:6pt}
      .ruled{min-height:170pt;background:repeating-linear-gradient(#fff 0,#fff 23pt,#000 23pt,#000 24pt);padding:4pt 2pt;line-height:24pt}
      .ruled .hw{line-height:24pt}
      .conf{margin-top:18pt;font-size:7.5pt;border:1px solid #000;padding:4pt}`;
    return { css, body, margins: M(0.5, 0.5, 0.55, 0.6), fonts: [f, h] };
  },
};

// cover.t2: hospital EHR OUTGOING FAX ROUTING SHEET (generated by the enterprise fax service of an EHR,
// Epic/Cerner "fax cover" style): barcode + fax ID at the top right, routing grid with labels in the left
// column (Recipient / Organization / Fax / Sender / Department / Call-back / Sent / Total Pages / Subject /
// Priority), comments box, "generated automatically" footer; weekday date "Thu 03/14/2024 10:32 AM".
const coverT2 = {
  id: 'cover.t2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, env.rng.pick(['narrow', 'sans'])); const s = doc.from_facility; const rng = env.rng;
    const x = dp(doc.datetime); const c = h12(doc.datetime);
    const faxId = `${rng.letters(1)}${rng.digits(9)}`;
    const row = (l, v) => `<tr><th>${l}</th><td>${v}</td></tr>`;
    const body = `
      <table class="top"><tr><td><div class="fn">${esc(s.name)}</div><div class="sm">${esc(fmtAddr(s.address))}</div><div class="t">OUTGOING FAX &ndash; ROUTING SHEET</div></td>
      <td class="bc">${barcodeSvg(rng, 170, 34)}<div class="sm">Fax ID ${faxId}</div></td></tr></table>
      <table class="rt">
        ${row('Recipient', esc(doc.to_name))}
        ${row('Organization', doc.to_org ? esc(doc.to_org) : '&mdash;')}
        ${row('Recipient Fax', fmtPhone(doc.to_fax))}
        ${row('Recipient Phone', doc.to_phone ? fmtPhone(doc.to_phone) : '&mdash;')}
        ${row('Sender', esc(doc.from_person))}
        ${row('Department', esc(s.name))}
        ${row('Call-back Phone', fmtPhone(s.phone))}
        ${row('Return Fax', fmtPhone(s.fax))}
        ${row('Sent', `${DAY[x.w]} ${fmtDate(doc.datetime, 'us')} ${c.h}:${c.m} ${c.ap}`)}
        ${row('Total Pages', `${doc.pages} (including this routing sheet)`)}
        ${row('Subject', esc(doc.re))}
        ${row('Priority', doc.urgent ? '<b>STAT &ndash; please deliver immediately</b>' : 'Routine')}
      </table>
      <div class="cap">Comments</div><div class="cmt">${esc(doc.message)}</div>
      <div class="conf"><b>CONFIDENTIAL HEALTH INFORMATION.</b> Protected under HIPAA (45 CFR Parts 160 and 164). Redisclosure without additional patient consent or as permitted by law is prohibited. If received in error, call ${fmtPhone(s.phone)} and destroy all pages.</div>
      <div class="gen">This routing sheet was generated automatically by ${esc(s.name)} Enterprise Fax Services &middot; Job ${rng.digits(7)} &middot; Queue ${rng.pick(['HIM-ROI', 'AMB-OUT', 'LAB-RESULTS', 'CLIN-DOCS'])}</div>`;
    const css = css0(f, 10) + `
      table.top{width:100%;border-bottom:3px solid #000} table.top td{vertical-align:bottom;padding-bottom:5pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:8pt}.t{margin-top:12pt;font-size:18pt;letter-spacing:0.5pt}
      td.bc{text-align:right;width:2.2in} td.bc svg{margin-left:auto}
      table.rt{width:100%;margin-top:12pt;border:1px solid #000} table.rt th{width:1.6in;text-align:left;background:#e4e4e4;border:1px solid #000;padding:4pt 6pt;font-size:9pt;vertical-align:top} table.rt td{border:1px solid #000;padding:4pt 6pt;font-size:11pt}
      .cap{margin-top:12pt;font-weight:bold;font-size:9pt;text-transform:uppercase}.cmt{border:1px solid #000;min-height:100pt;padding:6pt}
      .conf{margin-top:14pt;font-size:8pt}.gen{margin-top:10pt;font-size:7pt;border-top:1px solid #000;padding-top:3pt}`;
    return { css, body, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.t1: hospital EHR (Cerner / Oracle Health PowerChart) "Lab Results" print: grey patient banner bar
// (NAME in capitals, "DOB: 03/04/1950  Age: 74 years  Sex: Male  MRN  FIN"), provider as "Mockwood MD, Jane",
// results grouped by panel under a COLLECTION DATE-TIME column header with time zone ("03/14/2024 08:15 CDT"),
// flags in square brackets after the value ("145 [H]"), units and reference range in their own right-hand
// columns, the banner repeated as a running header on every page, "Printed by / Print Date/Time" footer.
const labT1 = {
  id: 'lab.t1', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, env.rng.pick(['narrow', 'sans'])); const p = doc.patient; const rng = env.rng;
    const z = tz(rng);
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'full', rangeStyle: 'e' }, (r) => `[${r.flag}]`);
    const dt = (d) => `${fmtDate(d, 'us')} ${fmtTime(d, '24')} ${z}`;
    const fin = rng.digits(10);
    const tables = panels.map((P) => `<div class="sec">${esc(P.name)}</div>
      <table class="res"><thead><tr><th class="pc">Procedure</th><th class="dc">${dt(doc.collected)}</th><th class="uc">Units</th><th>Reference Range</th></tr></thead><tbody>
      ${P.rows.map((r) => `<tr><td class="pc">${esc(r.name)}</td><td class="dc${r.flag ? ' ab' : ''}">${esc(r.value)}${r.flag ? ` ${esc(r.flagPrinted)}` : ''}</td><td class="uc">${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>`).join('')}</tbody></table>`).join('');
    const printedBy = `${env.rng.pick(['MOCKLEY', 'SAMPLEWOOD', 'FAUXLEY', 'TESTOVA'])}, ${env.rng.pick(['KAREN', 'TINA', 'JOSE', 'ROBIN'])}`;
    const body = `
      <table class="top"><tr><td class="fn">${esc(doc.facility.name)}</td><td class="r sm">Lab Results &ndash; Chart Copy<br>${esc(fmtAddr(doc.facility.address))}</td></tr></table>
      <div class="ban"><div class="bn">${esc(nameLFU(p))}</div>
        <div class="bl">DOB: ${fmtDate(p.dob, 'us')} &nbsp;&nbsp; Age: ${ageOn(p.dob, doc.collected)} years &nbsp;&nbsp; Sex: ${sexWord(p)} &nbsp;&nbsp; MRN: ${esc(doc.mrn)} &nbsp;&nbsp; FIN: ${fin}</div>
        <div class="bl">Ordering Physician: ${esc(provCerner(doc.provider))} &nbsp;&nbsp; Loc: ${rng.pick(['OP Lab Draw', 'ED', 'Med Surg 4', 'Outpatient Clinic'])} &nbsp;&nbsp; Encounter Type: ${rng.pick(['Outpatient', 'Recurring Outpatient', 'Emergency'])}</div></div>
      <div class="meta">Accession: ${doc.accession} &nbsp;&nbsp; Collected: ${dt(doc.collected)} &nbsp;&nbsp; Received: ${dt(doc.received)} &nbsp;&nbsp; Verified: ${dt(doc.reported)} &nbsp;&nbsp; Status: ${esc(doc.status)}</div>
      ${tables}
      <div class="keep lg">Legend: [H] = High &nbsp; [L] = Low &nbsp; [A] = Abnormal &nbsp; [C] = Critical &nbsp;&nbsp; Performed at ${esc(doc.facility.name)} Laboratory, CLIA ${doc.clia}, ${esc(provName(doc.lab_director))}, Medical Director.</div>`;
    const css = css0(f, 9) + `
      table.top{width:100%} td.fn{font-size:13pt;font-weight:bold;vertical-align:bottom}.sm{font-size:7.5pt}
      .ban{background:#dcdcdc;border:1px solid #555;padding:3pt 6pt;margin:5pt 0}.bn{font-size:12pt;font-weight:bold}.bl{font-size:8.5pt}
      .meta{font-size:8pt;margin:4pt 0 2pt 0}
      .sec{margin-top:8pt;font-weight:bold;font-size:9.5pt;border-bottom:1.5px solid #000}
      table.res{width:100%} table.res th{text-align:left;font-size:8pt;border-bottom:1px solid #777;padding:2pt 3pt;font-weight:bold}
      table.res td{padding:1pt 3pt;border-bottom:1px solid #e2e2e2} th.pc,td.pc{width:36%} th.dc,td.dc{width:22%} th.uc,td.uc{width:16%} td.ab{font-weight:bold}
      .lg{margin-top:10pt;font-size:7pt;border-top:1px solid #000;padding-top:2pt}`;
    const footer = pageFooter(f, `${esc(nameLFU(p))} &nbsp; MRN: ${esc(doc.mrn)} &nbsp; FIN: ${fin} &nbsp;|&nbsp; Printed by: ${printedBy} &nbsp; Print Date/Time: ${dt(doc.faxDate + 'T' + fmtTime(doc.reported, '24'))}`, PN, 0.5, 6.5);
    // the banner bar repeats at the top of every printed page, as PowerChart prints it
    const header = `<div style="font-family:'FreeSans';font-size:7pt;box-sizing:border-box;width:100%;padding:0 0.5in"><div style="background:#dcdcdc;border:1px solid #555;padding:1pt 4pt;display:flex;justify-content:space-between"><b>${esc(nameLFU(p))}</b><span>DOB: ${fmtDate(p.dob, 'us')}</span><span>Age: ${ageOn(p.dob, doc.collected)} years</span><span>Sex: ${sexWord(p)}</span><span>MRN: ${esc(doc.mrn)}</span><span>FIN: ${fin}</span></div></div>`;
    return { css, body, header, headerHeight: 0.2, footer, margins: M(0.6, 0.55, 0.5, 0.5), fonts: [f], gt: { lab_results: labGt(panels), name_printed: nameLFU(p), performing_lab: doc.facility.name } };
  },
};

// lab.t2: ambulatory EHR (athenaClinicals / eClinicalWorks) LAB RESULT DOCUMENT: patient line
// "HAROLD J TESTBURY (id #00482913, dob: 03/04/1950)", lower-case field labels ("ordering provider:",
// "collected:", "result status:"), table Observation / Value / Units / Range / Abnormal Flag / Status with
// capitalised observation names, HL7 interpretation words as the flag ("above high normal", "below low
// normal", "abnormal"), comparator results ("eGFR >60") and qualitative results in capitals, provider
// review stamp at the bottom.
const labT2 = {
  id: 'lab.t2', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Mid-State Reference Laboratory', 'Allied Clinical Laboratories', 'Keystone Pathology Laboratory'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const word = { H: 'above high normal', L: 'below low normal', A: 'abnormal' };
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'caps', rangeStyle: 'h' }, (r) => word[r.flag]);
    // eGFR above 60 is reported with a comparator, as most labs do since the CKD-EPI change; a few capitalised
    // catalog names are printed the way these interfaces pass them through ("pH", "ALT (SGPT)")
    const rename = { UPH: 'pH', ALT: 'ALT (SGPT)', AST: 'AST (SGOT)' };
    for (const P of panels) for (const r of P.rows) {
      if (rename[r.key]) { r.name = rename[r.key]; r.gt.test_name_printed = r.name; }
      if (r.key === 'EGFR' && Number(r.value) > 60) { r.value = '>60'; r.flag = null; r.flagPrinted = ''; Object.assign(r.gt, { value: '>60', value_numeric: null, flag: null, flag_printed: null }); }
    }
    const st = doc.status === 'Corrected' ? 'corrected' : 'final';
    const c = (d) => `${fmtDate(d, 'us')} ${h12(d).h}:${h12(d).m} ${h12(d).ap.toLowerCase()}`;
    const idLine = `${esc(nameFMLU(p))} (id #${esc(doc.mrn)}, dob: ${fmtDate(p.dob, 'us')})`;
    const rows = panels.map((P) => `<tr class="ph"><td colspan="6">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td>${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td><td class="fl">${esc(r.flagPrinted)}</td><td>${st}</td></tr>`).join('')).join('');
    const body = `
      <table class="hd"><tr><td><div class="pn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &nbsp; ph ${fmtPhone(doc.facility.phone, 'dash')} &nbsp; fax ${fmtPhone(doc.facility.fax, 'dash')}</div></td><td class="r"><div class="dt">LAB RESULT</div></td></tr></table>
      <div class="pt">${idLine}</div>
      <table class="kv">
        <tr><td>ordering provider:</td><td>${esc(provName(doc.provider))}</td><td>performing lab:</td><td>${esc(doc.performingLab)}</td></tr>
        <tr><td>collected:</td><td>${c(doc.collected)}</td><td>received:</td><td>${c(doc.received)}</td></tr>
        <tr><td>reported:</td><td>${c(doc.reported)}</td><td>result status:</td><td>${st}</td></tr>
        <tr><td>accession #:</td><td>${doc.accession}</td><td>specimen:</td><td>${doc.panels.some((k) => k === 'UA' || k === 'MALB') ? 'blood; urine' : 'blood'}${doc.fasting === 'Y' ? ', fasting' : ''}</td></tr>
      </table>
      <table class="res"><thead><tr><th style="width:34%">Observation</th><th>Value</th><th>Units</th><th>Range</th><th>Abnormal Flag</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep rv">reviewed by: ${esc(provName(doc.provider))} on ${fmtDate(addDays(doc.reported.slice(0, 10), 1), 'us')} &nbsp;&mdash;&nbsp; ${esc(rng.pick(['results discussed with patient by phone', 'patient notified via portal', 'no action needed, file to chart', 'recheck at next visit']))}</div>`;
    const css = css0(f, 9) + `
      table.hd{width:100%;border-bottom:1px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.pn{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}.dt{font-size:16pt;letter-spacing:1pt}
      .pt{font-size:11pt;font-weight:bold;margin:6pt 0 4pt 0}
      table.kv{width:100%;font-size:8.5pt;margin-bottom:6pt} table.kv td{padding:1pt 4pt 1pt 0} table.kv td:nth-child(odd){color:#333;width:15%;white-space:nowrap}
      table.res{width:100%} table.res th{text-align:left;font-size:8pt;background:#e8e8e8;border-top:1px solid #000;border-bottom:1px solid #000;padding:2pt 3pt}
      table.res td{padding:1.3pt 3pt;border-bottom:1px dotted #aaa;font-size:8.5pt} td.v{font-weight:bold} td.fl{font-style:italic}
      tr.ph td{font-weight:bold;padding-top:5pt;border-bottom:1px solid #000;font-size:8.5pt}
      .rv{margin-top:10pt;font-size:8pt;border:1px solid #777;padding:3pt}`;
    const footer = pageFooter(f, `${idLine}`, `page <span class="pageNumber"></span> of <span class="totalPages"></span>`, 0.6);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: labGt(panels), name_printed: nameFMLU(p), performing_lab: doc.performingLab } };
  },
};

// lab.t3: reference laboratory report in the SONIC / ARUP style with a TWO-LINE layout per test: the test
// name on its own line, then an indented line with result, flag, units and reference interval under a
// column header printed once per panel; identity "Patient ID / DOB: 00482913 / 1950-Mar-04", name as
// "Harold J. Testbury", "Sex / Age: M / 74Y", collection "14 MAR 2024 08:15"; flags HIGH / LOW / ABN;
// centred panel rules; "FINAL REPORT" stamp; footer with lab number.
const labT3 = {
  id: 'lab.t3', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Western Pathology Reference Laboratories', 'Sonoran Clinical Reference Lab', 'Great Basin Laboratory Services'],
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'q', nameStyle: 'full', rangeStyle: 'q' }, (r) => ({ H: 'HIGH', L: 'LOW', A: 'ABN' }[r.flag]));
    const dt = (d) => `${dMONy(d)} ${fmtTime(d, '24')}`;
    const blocks = panels.map((P) => `<div class="pr"><span>${esc(P.name.toUpperCase())}</span></div>
      <div class="ch"><span class="c1">Result</span><span class="c2">Flag</span><span class="c3">Units</span><span class="c4">Reference Interval</span></div>
      ${P.rows.map((r) => `<div class="t keep"><div class="tn">${esc(r.name)}</div><div class="tv"><span class="c1">${esc(r.value)}</span><span class="c2">${esc(r.flagPrinted)}</span><span class="c3">${esc(r.unit)}</span><span class="c4">${esc(r.range)}</span></div></div>`).join('')}`).join('');
    const body = `
      <table class="hd"><tr><td class="lg">${logoSvg(rng, rng.pick(['tri', 'wave', 'star']), 34)}</td><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Client Services ${fmtPhone(doc.facility.phone, 'one')}</div></td><td class="st">FINAL REPORT</td></tr></table>
      <table class="id">
        <tr><td>Patient:</td><td class="b">${esc(nameFML(p))}</td><td>Lab No.:</td><td>${doc.accession}</td></tr>
        <tr><td>Patient ID / DOB:</td><td>${esc(doc.mrn)} / ${ymdMon(p.dob)}</td><td>Collected:</td><td>${dt(doc.collected)}</td></tr>
        <tr><td>Sex / Age:</td><td>${p.sex} / ${ageOn(p.dob, doc.collected)}Y</td><td>Received:</td><td>${dt(doc.received)}</td></tr>
        <tr><td>Requesting Dr:</td><td>${esc(provName(doc.provider))}</td><td>Reported:</td><td>${dt(doc.reported)}</td></tr>
        <tr><td>Client:</td><td>${esc(doc.client.name)}</td><td>Report status:</td><td>${esc(doc.status)}</td></tr>
      </table>
      ${blocks}
      <div class="keep en">Reference intervals are age and sex specific. HIGH / LOW = outside the reference interval; ABN = abnormal result.<br>Laboratory Director: ${esc(provName(doc.lab_director))} &nbsp; CLIA ${doc.clia}. &nbsp; &mdash; End of report &mdash;</div>`;
    const css = css0(f, 9.5) + `
      table.hd{width:100%;border-bottom:2.5px solid #000} table.hd td{vertical-align:middle;padding-bottom:4pt} td.lg{width:46pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}
      td.st{text-align:right;font-size:11pt;font-weight:bold;letter-spacing:2pt}
      table.id{width:100%;margin:6pt 0 4pt 0;font-size:8.5pt} table.id td{padding:1pt 4pt 1pt 0} table.id td:nth-child(odd){width:16%;color:#333}
      .pr{text-align:center;border-bottom:1px solid #000;line-height:0.1em;margin:14pt 0 8pt 0}.pr span{background:#fff;padding:0 8pt;font-weight:bold;font-size:9pt;letter-spacing:0.8pt}
      .ch{display:flex;font-size:7.5pt;font-style:italic;padding-left:0.35in;border-bottom:1px dotted #777;margin-bottom:2pt}
      .t{margin:2pt 0 3pt 0}.tn{font-weight:bold}.tv{display:flex;padding-left:0.35in}
      .c1{width:1.0in}.c2{width:0.6in;font-weight:bold}.c3{width:1.3in}.c4{flex:1}
      .en{margin-top:14pt;font-size:7.5pt;border-top:1px solid #000;padding-top:3pt}`;
    const footer = pageFooter(f, `Lab No. ${doc.accession} &nbsp; ${esc(nameFML(p))} &nbsp; ${esc(doc.mrn)} / ${ymdMon(p.dob)}`, PN, 0.6);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: labGt(panels), name_printed: nameFML(p), performing_lab: doc.facility.name } };
  },
};

// lab.t4: hospital laboratory CRITICAL / ABNORMAL VALUE NOTIFICATION with the full result list: a call-log
// box at the top (Called to / Read back / Time / By) for the out-of-range results, then every result of
// the requisition in a compact mono listing "TEST NAME   VALUE UNITS   (LOW-HIGH)  flag" with flags
// "<" / ">" / "!" (the way some LIS print direction); identity "Name (Last, First, MI): TESTBURY, HAROLD J",
// "D.O.B.: 1950/03/04"; date-times "2024/03/14 08:15". Flagged tests appear twice (call log + listing).
const labT4 = {
  id: 'lab.t4', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'mono'); const s2 = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'lis', rangeStyle: 'h' }, (r) => ({ H: '>', L: '<', A: '!' }[r.flag]));
    const dt = (d) => `${ymdSlash(d)} ${fmtTime(d, '24')}`;
    const abn = panels.flatMap((P) => P.rows.filter((r) => r.flag));
    const callT = `${ymdSlash(doc.reported)} ${fmtTime(doc.reported, '24')}`;
    const rn = `${rng.pick(['J.', 'M.', 'S.', 'L.'])} ${rng.pick(['Mockton', 'Fauxley', 'Samplehurst', 'Testwood'])}, ${rng.pick(['RN', 'LPN', 'MA'])}`;
    const callRows = abn.length ? abn.map((r) => `<tr><td>${esc(r.name)}</td><td class="b">${esc(r.value)} ${esc(r.flagPrinted)}</td><td>${esc(r.unit)}</td><td>${callT}</td></tr>`).join('') : '<tr><td colspan="4">No results outside reference limits &ndash; no call required.</td></tr>';
    const w = Math.max(16, ...panels.flatMap((P) => P.rows.map((r) => r.name.length))) + 2;
    const listing = panels.map((P) => `<div class="pn">${esc(P.name)}</div>` + P.rows.map((r) => `<div class="ln">${esc(r.name.padEnd(w, ' '))}${esc(r.value.padStart(8, ' '))} ${esc((r.flagPrinted || ' ').padEnd(2, ' '))}${esc((r.unit || '').padEnd(14, ' '))}${r.range ? esc(`(${r.range})`) : ''}</div>`).join('')).join('');
    const body = `
      <div class="hd"><div class="fn">${esc(doc.facility.name)} &middot; Department of Laboratory Medicine</div><div class="t">ABNORMAL / CRITICAL VALUE NOTIFICATION</div></div>
      <table class="id">
        <tr><td>Name (Last, First, MI):</td><td class="b">${esc(nameLFU(p))}</td><td>Accession:</td><td>${doc.accession}</td></tr>
        <tr><td>D.O.B.:</td><td>${ymdSlash(p.dob)} &nbsp; Sex: ${p.sex}</td><td>Collected:</td><td>${dt(doc.collected)}</td></tr>
        <tr><td>Med. Record #:</td><td>${esc(doc.mrn)}</td><td>Received:</td><td>${dt(doc.received)}</td></tr>
        <tr><td>Ordering:</td><td>${esc(provName(doc.provider))}</td><td>Resulted:</td><td>${dt(doc.reported)} (${esc(doc.status)})</td></tr>
      </table>
      <div class="cl keep"><div class="clt">CALL LOG &ndash; results outside reference limits</div>
        <table><thead><tr><th>Test</th><th>Result</th><th>Units</th><th>Called</th></tr></thead><tbody>${callRows}</tbody></table>
        <div class="rb">Called to: ${rn} &nbsp;&nbsp; Read back: ${box(abn.length > 0)} yes &nbsp;&nbsp; Called by: ${esc(doc.techId)} (lab) &nbsp;&nbsp; Ordering provider notified: ${box(abn.length > 0)}</div></div>
      <div class="all">COMPLETE RESULTS FOR THIS REQUISITION</div>
      <div class="lst">${listing}</div>
      <div class="keep lg">&gt; above reference limit &nbsp; &lt; below reference limit &nbsp; ! abnormal &nbsp;&nbsp; Reference limits in parentheses. CLIA ${doc.clia}.</div>`;
    const css = css0(s2, 9) + `
      .hd{border-bottom:2px solid #000;padding-bottom:3pt}.fn{font-size:10.5pt;font-weight:bold}.t{font-size:15pt;font-weight:bold;margin-top:2pt}
      table.id{width:100%;margin:6pt 0;font-size:9pt} table.id td{padding:1pt 4pt 1pt 0} table.id td:nth-child(odd){width:19%}
      .cl{border:2px solid #000;padding:4pt 6pt;margin:6pt 0}.clt{font-weight:bold;font-size:9.5pt;margin-bottom:2pt}
      .cl table{width:100%} .cl th{text-align:left;font-size:8pt;border-bottom:1px solid #000} .cl td{padding:1pt 2pt;font-size:9pt}.rb{margin-top:4pt;font-size:8.5pt}
      .all{margin-top:10pt;font-weight:bold;font-size:9.5pt;border-bottom:1px solid #000}
      .lst{font-family:'${f}';font-size:8.5pt;white-space:pre;line-height:1.3}.pn{margin-top:5pt;font-weight:bold;text-decoration:underline}
      .lg{margin-top:10pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nameLFU(p))} &nbsp; MR# ${esc(doc.mrn)} &nbsp; ACC ${doc.accession}`, PN, 0.6);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f, s2], gt: { lab_results: labGt(panels), name_printed: nameLFU(p), performing_lab: doc.facility.name } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.t1: HIE / patient-portal print of a C-CDA "Discharge Summary" document (the CDA stylesheet look
// of health-information-exchange viewers): document title, header table (Patient / Date of birth
// "Mar 04, 1950" / Sex / Patient-IDs / Author / Encounter "from ... to ..."), table of contents, one section
// per CDA template with tables (Problems with ICD-10-CM and status, Discharge Medications with
// Started/Changed/Continued/Stopped, Allergies), "Generated by ... from C-CDA R2.1" footer.
const dsT1 = {
  id: 'discharge.t1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const rng = env.rng;
    const hie = rng.pick(['Heartland Health Information Exchange', 'TriState HIE Clinical Viewer', 'Prairie Community Health Connect']);
    const stWord = { New: 'Started', Changed: 'Changed', Continue: 'Continued', Stop: 'Stopped' };
    const docId = `2.16.840.1.113883.${rng.digits(5)}.${rng.digits(3)}^${rng.digits(8)}`;
    const sec = (id, title, inner) => `<div class="sh" id="${id}">${title}</div><div class="sb">${inner}</div>`;
    const toc = [['adm', 'Reason for Admission'], ['hc', 'Hospital Course'], ['dx', 'Discharge Diagnosis'], ['pr', 'Procedures'], ['med', 'Hospital Discharge Medications'], ['al', 'Allergies and Intolerances'], ['pt', 'Plan of Treatment']];
    const body = `
      <div class="ttl">Discharge Summary</div>
      <table class="hdr">
        <tr><th>Patient</th><td><b>${esc(nameFML(p))}</b></td><th>Date of birth</th><td>${monPad(p.dob)}</td></tr>
        <tr><th>Sex</th><td>${sexWord(p)}</td><th>Patient-IDs</th><td>${esc(doc.mrn)} (${esc(doc.facility.name)} MRN)</td></tr>
        <tr><th>Contact info</th><td colspan="3">${esc(fmtAddr(p.address))} &nbsp; Tel: ${fmtPhone(p.phone)}</td></tr>
        <tr><th>Encounter</th><td colspan="3">Inpatient, ${esc(doc.facility.name)}, from ${monPad(doc.admit_date)} to ${monPad(doc.discharge_date)}</td></tr>
        <tr><th>Author</th><td>${esc(provName(doc.provider))} (Attending)</td><th>Document created</th><td>${monPad(doc.signed)} ${fmtTime(doc.signed, '24')}</td></tr>
        <tr><th>Custodian</th><td>${esc(doc.facility.name)}, ${esc(fmtAddr(doc.facility.address))}</td><th>Document Id</th><td class="sm">${docId}</td></tr>
      </table>
      <div class="toc"><b>Table of Contents</b><ul>${toc.map(([id, t]) => `<li>${t}</li>`).join('')}</ul></div>
      ${sec('adm', 'Reason for Admission', `<p>${esc(doc.reason.charAt(0).toUpperCase() + doc.reason.slice(1))}.</p><p>${esc(doc.hpi)}</p>`)}
      ${sec('hc', 'Hospital Course', doc.course.map((c) => `<p>${esc(c)}</p>`).join(''))}
      ${sec('dx', 'Discharge Diagnosis', `<table class="t"><thead><tr><th>Problem</th><th>Code (ICD-10-CM)</th><th>Type</th><th>Status</th></tr></thead><tbody>${doc.diagnoses.map((d) => `<tr><td>${esc(d.description)}</td><td>${d.code}</td><td>${d.principal ? 'Principal diagnosis' : 'Secondary diagnosis'}</td><td>Active</td></tr>`).join('')}</tbody></table>`)}
      ${sec('pr', 'Procedures', doc.procedures.length ? `<table class="t"><thead><tr><th>Procedure</th><th>Date</th></tr></thead><tbody>${doc.procedures.map((x) => `<tr><td>${esc(x)}</td><td>${monPad(doc.admit_date)}</td></tr>`).join('')}</tbody></table>` : '<p>No procedures documented.</p>')}
      ${sec('med', 'Hospital Discharge Medications', `<table class="t"><thead><tr><th>Medication</th><th>Instructions</th><th>Status</th></tr></thead><tbody>${doc.medications.map((m) => `<tr><td>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>${stWord[m.status] || esc(m.status)}</td></tr>`).join('')}</tbody></table>`)}
      ${sec('al', 'Allergies and Intolerances', doc.allergies.length ? `<table class="t"><thead><tr><th>Substance</th><th>Reaction</th><th>Status</th></tr></thead><tbody>${doc.allergies.map((a) => `<tr><td>${esc(a.substance)}</td><td>${esc(a.reaction)}</td><td>Active</td></tr>`).join('')}</tbody></table>` : '<p>No Known Allergies</p>')}
      ${sec('pt', 'Plan of Treatment', `<p>Discharge disposition: ${esc(doc.disposition)}. Condition at discharge: ${esc(doc.condition)}. Diet: ${esc(doc.diet)}. Activity: ${esc(doc.activity)}.</p><ul>${doc.followup.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>${doc.pending.length ? `<p>Results pending at discharge: ${esc(doc.pending.join('; '))}</p>` : ''}`)}`;
    const css = css0(f, 9.5) + `
      .ttl{font-size:19pt;font-weight:bold;text-align:center;margin-bottom:6pt}
      table.hdr{width:100%;border-top:2px solid #000;border-bottom:2px solid #000} table.hdr th{text-align:left;background:#ececec;font-size:8pt;padding:2pt 4pt;width:14%;vertical-align:top} table.hdr td{padding:2pt 4pt;font-size:9pt;vertical-align:top}
      .sm{font-size:7pt;word-break:break-all}
      .toc{margin:6pt 0;font-size:8pt}.toc ul{margin:1pt 0;padding-left:16pt;columns:2}
      .sh{margin-top:9pt;font-size:11pt;font-weight:bold;background:#d9d9d9;padding:2pt 5pt;border-left:5px solid #000}.sb{padding:3pt 2pt}
      table.t{width:100%} table.t th{text-align:left;font-size:8pt;border-bottom:1.5px solid #000;padding:2pt 3pt;background:#f2f2f2} table.t td{padding:2pt 3pt;border-bottom:1px solid #ccc;vertical-align:top}
      p{margin:2pt 0 4pt 0} ul{margin:2pt 0;padding-left:18pt}`;
    const footer = pageFooter(f, `Generated by ${esc(hie)} from a C-CDA R2.1 document received from ${esc(doc.facility.name)} &nbsp;&middot;&nbsp; ${esc(nameFML(p))}, DOB ${monPad(p.dob)}`, PN, 0.55, 6.5);
    return { css, body, footer, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nameFML(p), medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.t1: OCCUPATIONAL HEALTH clinic "Visit Summary and Work Status Report" (workers'-comp
// status form, DWC-73 / PR-2 style): numbered boxed sections, "Name (Last, First, MI):", "Date of Birth
// (mm/dd/yyyy):", employer and claim boxes, "Date of Exam", vitals in a box grid (BP / Pulse / Temp /
// Resp / SpO2 / Height / Weight / BMI), diagnoses table, medication table, work-status tick boxes with
// dates, physician attestation.
const ovT1 = {
  id: 'office_visit.t1', set: SET, type: 'office_visit_note',
  render(doc, env) {
    const f = font(env, env.rng.pick(['narrow', 'sans'])); const p = doc.patient; const rng = env.rng; const v = doc.vitals;
    const employer = `${rng.pick(['Riverside', 'Summit', 'Harbor', 'Granite'])} ${rng.pick(['Logistics', 'Manufacturing Co.', 'School District', 'Foods Inc.', 'Builders LLC'])}`;
    const claim = `WC-${rng.digits(2)}-${rng.digits(6)}`;
    const status = rng.pick(['full', 'modified', 'off']);
    const rtw = addDays(doc.date_of_service, rng.int(1, 14));
    const vb = (l, val) => `<td><div class="cap">${l}</div><div class="vv">${val}</div></td>`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sub">Occupational Health Services</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)}</div></td>
      <td class="r"><div class="ttl">VISIT SUMMARY AND<br>WORK STATUS REPORT</div></td></tr></table>
      <div class="bx"><div class="bt">I. Patient / Employer Information</div>
      <table class="g"><tr><td colspan="2"><div class="cap">1. Name (Last, First, MI):</div><div class="vv b">${esc(nameLFU(p))}</div></td><td><div class="cap">2. Date of Birth (mm/dd/yyyy):</div><div class="vv">${fmtDate(p.dob, 'us')}</div></td><td><div class="cap">3. Sex:</div><div class="vv">${p.sex}</div></td></tr>
      <tr><td><div class="cap">4. Chart No.:</div><div class="vv">${esc(doc.mrn)}</div></td><td><div class="cap">5. Employer:</div><div class="vv">${esc(employer)}</div></td><td><div class="cap">6. Claim No.:</div><div class="vv">${claim}</div></td><td><div class="cap">7. Date of Exam:</div><div class="vv">${fmtDate(doc.date_of_service, 'us')}</div></td></tr></table></div>
      <div class="bx"><div class="bt">II. Subjective</div><p><b>Visit type:</b> ${esc(doc.visit_type)}. <b>Chief complaint:</b> ${esc(doc.chief_complaint)}.</p><p>${esc(doc.hpi)}</p></div>
      <div class="bx keep"><div class="bt">III. Objective</div>
      <table class="vt"><tr>${vb('BP', v.bp)}${vb('Pulse', v.hr)}${vb('Temp (F)', v.temp)}${vb('Resp', v.rr)}${vb('SpO2 %', v.spo2)}${vb('Height (in)', v.ht_in)}${vb('Weight (lb)', v.wt_lb)}${vb('BMI', v.bmi)}</tr></table>
      <p>${doc.exam.map((e) => `<b>${esc(e[0])}:</b> ${esc(e[1])}`).join(' ')}</p></div>
      <div class="bx"><div class="bt">IV. Assessment (ICD-10-CM)</div><table class="t">${doc.diagnoses.map((d, i) => `<tr><td class="n">${i + 1}.</td><td class="cd">${d.code}</td><td>${esc(d.description)}</td></tr>`).join('')}</table></div>
      <div class="bx"><div class="bt">V. Treatment Plan</div><ul>${doc.plan.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>${doc.orders.length ? `<p>Tests ordered: ${doc.orders.join(', ')}</p>` : ''}<p>Next visit: ${esc(doc.followup)}</p></div>
      <div class="bx"><div class="bt">VI. Current Medications &nbsp;/&nbsp; Allergies: ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</div>
      <table class="t"><thead><tr><th>Medication</th><th>Strength</th><th>Directions</th><th>Status</th></tr></thead><tbody>${doc.medications.length ? doc.medications.map((m) => `<tr><td>${esc(m.name)} ${esc(m.form)}</td><td class="nb">${esc(m.strength)}</td><td>${esc(m.sig)}</td><td class="nb">${m.status === 'New' ? 'New today' : 'Active'}</td></tr>`).join('') : '<tr><td colspan="4">None</td></tr>'}</tbody></table></div>
      <div class="bx keep"><div class="bt">VII. Work Status</div>
      <div>${box(status === 'full')} Released to FULL DUTY without restrictions as of ${fmtDate(status === 'full' ? doc.date_of_service : rtw, 'us')}</div>
      <div>${box(status === 'modified')} MODIFIED DUTY: no lifting over ${rng.pick([10, 15, 20, 25])} lb, ${rng.pick(['no repetitive bending', 'seated work only', 'no ladders', 'limit standing to 2 h/shift'])} until next visit</div>
      <div>${box(status === 'off')} Temporarily unable to work through ${fmtDate(rtw, 'us')}</div></div>
      <table class="sg keep"><tr><td>${signatureSvg(rng, 150, 32)}<div class="cap">Treating provider: ${esc(provName(doc.provider))}</div></td><td><div class="cap">Signed</div>${fmtDate(doc.signed, 'us')} ${fmtTime(doc.signed, '12n')}</td></tr></table>`;
    const css = css0(f, 9.5) + `
      table.hd{width:100%;border-bottom:3px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sub{font-size:10pt;font-style:italic}.sm{font-size:7.5pt}.ttl{font-size:13pt;font-weight:bold}
      .bx{border:1px solid #000;margin-top:5pt;padding:0 5pt 4pt 5pt}.bt{background:#000;color:#fff;font-weight:bold;font-size:8.5pt;margin:0 -5pt 3pt -5pt;padding:1pt 5pt}
      table.g{width:100%} table.g td{border:1px solid #888;padding:2pt 4pt;vertical-align:top;width:25%}
      .cap{font-size:7pt;color:#222}.vv{font-size:10pt}
      table.vt{width:100%} table.vt td{border:1px solid #888;padding:1pt 3pt;text-align:center}
      table.t{width:100%} table.t th{text-align:left;font-size:8pt;border-bottom:1px solid #000} table.t td{padding:1pt 3pt;vertical-align:top;border-bottom:1px dotted #999} td.n{width:14pt} td.cd{width:60pt;font-weight:bold}
      p{margin:2pt 0} ul{margin:2pt 0;padding-left:16pt}
      table.sg{width:100%;margin-top:8pt} table.sg td{vertical-align:bottom;border-top:1px solid #000;padding-top:2pt}`;
    const footer = pageFooter(f, `${esc(nameLFU(p))} &nbsp; DOB ${fmtDate(p.dob, 'us')} &nbsp; Claim ${claim}`, PN, 0.5);
    return { css, body, footer, margins: M(0.5, 0.55, 0.5, 0.5), fonts: [f], gt: { name_printed: nameLFU(p), medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.t1: HOME HEALTH "Certification and Plan of Care" (CMS-485 layout): numbered boxes 1-27
// (HI claim no., start of care, certification period From/To, medical record no., provider no., patient's
// name and address "TESTBURY, HAROLD J", date of birth, sex), box 10 "Medications: Dose/Frequency/Route
// (N)ew (C)hanged" with abbreviated sigs and (D/C) for discontinued drugs, ICD-10 boxes, allergies box 17,
// orders/goals boxes, attending physician signature; dates MM/DD/YYYY.
const mlT1 = {
  id: 'medication_list.t1', set: SET, type: 'medication_list',
  render(doc, env) {
    const f = font(env, env.rng.pick(['narrow', 'sans'])); const p = doc.patient; const rng = env.rng;
    const soc = addDays(doc.date_of_service, -rng.pick([0, 60, 120]));
    const to = addDays(doc.date_of_service, 59);
    const hi = `${rng.digits(1)}${rng.letters(1)}${rng.letters(1)}${rng.digits(1)}-${rng.letters(1)}${rng.letters(1)}${rng.digits(1)}-${rng.letters(1)}${rng.letters(1)}${rng.digits(2)}`;
    const dx = p.conditions.map((k) => CONDITIONS[k]).filter(Boolean);
    const dxTxt = (c) => `${c.icd} ${esc(c.desc)}`;
    const meds = doc.medications.map((m) => `<div>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} &ndash; ${esc(m.sig_abbrev)}${m.status === 'Discontinued' ? ' (D/C)' : m.start && m.start >= addDays(doc.date_of_service, -60) ? ' (N)' : ''}</div>`).join('');
    const B = (n, label, v, cls = '') => `<td class="${cls}"><div class="bl">${n}. ${label}</div><div class="bv">${v}</div></td>`;
    const body = `
      <table class="hd"><tr><td class="sm">Department of Health and Human Services<br>Centers for Medicare &amp; Medicaid Services</td><td class="r sm">Form Approved<br>OMB No. 0938-0357</td></tr></table>
      <div class="t">HOME HEALTH CERTIFICATION AND PLAN OF CARE</div>
      <table class="f">
        <tr>${B(1, "Patient's HI Claim No.", hi)}${B(2, 'Start Of Care Date', fmtDate(soc, 'us'))}${B(3, 'Certification Period', `From: ${fmtDate(doc.date_of_service, 'us')} &nbsp; To: ${fmtDate(to, 'us')}`)}${B(4, 'Medical Record No.', esc(doc.mrn))}${B(5, 'Provider No.', rng.digits(6))}</tr>
      </table>
      <table class="f">
        <tr>${B(6, "Patient's Name and Address", `<b>${esc(nameLFU(p))}</b><br>${esc(p.address.line1)}<br>${esc(p.address.city)}, ${p.address.state} ${p.address.zip}`, 'w50')}${B(7, "Provider's Name, Address and Telephone Number", `${esc(doc.facility.name)} &ndash; Home Health &amp; Hospice<br>${esc(fmtAddr(doc.facility.address))}<br>${fmtPhone(doc.facility.phone)}`, 'w50')}</tr>
        <tr>${B(8, 'Date of Birth', fmtDate(p.dob, 'us'))}${B(9, 'Sex', `${box(p.sex === 'M')} M &nbsp; ${box(p.sex === 'F')} F`)}</tr>
      </table>
      <table class="f"><tr>${B(10, 'Medications: Dose/Frequency/Route (N)ew (C)hanged', meds, 'med')}</tr></table>
      <table class="f">
        <tr>${B(11, 'ICD-10-CM / Principal Diagnosis', dx.length ? dxTxt(dx[0]) : 'Z74.09 Other reduced mobility')}${B(12, 'Surgical Procedure', 'N/A')}</tr>
        <tr>${B(13, 'Other Pertinent Diagnoses', [...dx.slice(1).map(dxTxt), rng.pick(['R26.81 Unsteadiness on feet', 'R53.81 Other malaise', 'Z91.81 History of falling'])].join('<br>'))}${B(14, 'DME and Supplies', rng.pick(['Walker, shower chair', 'Glucometer, test strips', 'Cane, raised toilet seat', 'Pill organizer']))}</tr>
        <tr>${B(15, 'Safety Measures', 'Fall precautions, clear pathways, bleeding precautions as applicable')}${B(16, 'Nutritional Req.', rng.pick(['Regular', '2 g sodium', 'Consistent carbohydrate']))}</tr>
        <tr>${B(17, 'Allergies', allergyText(doc, 'NKA'), 'w50')}${B(18, 'Functional Limitations / Activities Permitted', rng.pick(['Endurance; ambulation with walker', 'Ambulation; up as tolerated', 'Dyspnea with minimal exertion; partial weight bearing']))}</tr>
        <tr>${B(19, 'Mental Status', 'Oriented')}${B(20, 'Prognosis', rng.pick(['Good', 'Fair']))}</tr>
      </table>
      <table class="f"><tr>${B(21, 'Orders for Discipline and Treatments (Specify Amount/Frequency/Duration)', `SN 1w9: assess cardiopulmonary status, medication teaching and compliance, reconcile medication profile each visit. PT 2w4 for gait and strength. Report to physician: SBP &gt; 160 or &lt; 90, HR &gt; 110, weight gain &gt; 3 lb/day.`)}</tr>
      <tr>${B(22, 'Goals / Rehabilitation Potential / Discharge Plans', 'Patient/caregiver will verbalize and demonstrate correct use of all medications within 4 weeks. Discharge when goals met.')}</tr></table>
      <table class="f keep"><tr>${B(23, "Nurse's Signature and Date of Verbal SOC", `${esc(rng.pick(['K. Mockley, RN', 'T. Samplewood, RN', 'R. Testova, RN']))} &nbsp; ${fmtDate(soc, 'us')}`)}${B(25, 'Date HHA Received Signed POT', '')}</tr>
      <tr>${B(24, "Physician's Name and Address", `${esc(provName(doc.provider))}<br>${esc(fmtAddr(doc.facility.address))}`)}${B(27, "Attending Physician's Signature and Date Signed", `${signatureSvg(rng, 120, 24)}`)}</tr></table>`;
    const css = css0(f, 8.5) + `
      table.hd{width:100%}.sm{font-size:7pt}.t{text-align:center;font-weight:bold;font-size:11.5pt;margin:2pt 0 3pt 0}
      table.f{width:100%;border-collapse:collapse} table.f td{border:1px solid #000;vertical-align:top;padding:1pt 3pt 3pt 3pt}
      .bl{font-size:6.5pt}.bv{font-size:9pt;min-height:11pt} td.w50{width:50%} td.med .bv{columns:2;column-gap:14pt;font-size:8.5pt;min-height:80pt}`;
    const footer = pageFooter(f, `Form CMS-485 (C-3) (02-94) &nbsp; ${esc(nameLFU(p))} &nbsp; MR ${esc(doc.mrn)}`, PN, 0.45);
    return { css, body, footer, margins: M(0.45, 0.55, 0.45, 0.45), fonts: [f], gt: { name_printed: nameLFU(p), medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)) } };
  },
};

// ======================= IMMUNIZATION RECORD =======================
// immunization.t1: TRAVEL-CLINIC vaccination certificate (layout of the WHO "International Certificate of
// Vaccination or Prophylaxis" booklet page, as travel clinics print it): bilingual English/French captions
// ("Name / Nom", "Date of birth / Date de naissance" 04 MAR 1950), one row per dose: Vaccine (short name +
// product) | Dose | Date (14 MAR 2024) | Supervising clinician | Manufacturer and batch no. | Site; clinic stamp.
const imT1 = {
  id: 'immunization.t1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const p = doc.patient; const rng = env.rng;
    const siteWord = (s) => ({ LD: 'L deltoid', RD: 'R deltoid', LT: 'L thigh', RT: 'R thigh' }[s] || s);
    const rows = doc.immunizations.map((s) => `<tr><td><b>${esc(s.short)}</b><div class="pr">${esc(s.trade_name)}</div></td><td class="c">dose ${s.dose_number}</td><td class="nb">${dMONy(s.date)}</td><td class="sm">${esc(provName(doc.provider))}</td><td>${esc(MVX[s.mvx] || s.mvx)}<br>Lot ${esc(s.lot)}</td><td>${esc(siteWord(s.site))}</td></tr>`).join('');
    const body = `
      <div class="hd"><div class="fn">${esc(doc.facility.name)} &ndash; Travel &amp; Immunization Clinic</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></div>
      <div class="t">CERTIFICATE OF VACCINATION OR PROPHYLAXIS<div class="tf">CERTIFICAT DE VACCINATION OU DE PROPHYLAXIE</div></div>
      <table class="id">
        <tr><td><div class="cap">Name / Nom</div><div class="v">${esc(nameFML(p))}</div></td><td><div class="cap">Date of birth / Date de naissance</div><div class="v">${dMONy(p.dob)}</div></td><td><div class="cap">Sex / Sexe</div><div class="v">${p.sex}</div></td></tr>
        <tr><td colspan="2"><div class="cap">Address / Adresse</div><div class="v">${esc(fmtAddr(p.address))}</div></td><td><div class="cap">Record no. / N&deg; de dossier</div><div class="v">${esc(doc.mrn)}</div></td></tr>
      </table>
      <table class="im"><thead><tr><th style="width:24%">Vaccine or prophylaxis<div class="tf">Vaccin ou agent prophylactique</div></th><th>Dose</th><th>Date</th><th>Supervising clinician<div class="tf">Clinicien responsable</div></th><th>Manufacturer and batch no.<div class="tf">Fabricant et n&deg; du lot</div></th><th>Site</th></tr></thead><tbody>${rows}</tbody></table>
      <table class="ft keep"><tr><td class="stamp"><div>${esc(doc.facility.name.toUpperCase())}</div><div>OFFICIAL STAMP</div><div>${dMONy(doc.date_of_service)}</div></td><td>Certificate issued ${dMONy(doc.date_of_service)} from the clinic's immunization register (state registry ID ${doc.registry_id}).<br>${signatureSvg(rng, 130, 28)}${esc(provName(doc.provider))}</td></tr></table>`;
    const css = css0(f, 9) + `
      .hd{text-align:center;border-bottom:1px solid #000;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}
      .t{text-align:center;font-size:13pt;font-weight:bold;margin:8pt 0 6pt 0;letter-spacing:0.5pt}.tf{font-size:7pt;font-style:italic;font-weight:normal;letter-spacing:0}
      table.id{width:100%;margin-bottom:8pt} table.id td{border:1px solid #000;padding:2pt 4pt;vertical-align:top}.cap{font-size:7pt;font-style:italic}.v{font-size:11pt}
      table.im{width:100%;border:2px solid #000} table.im th{border:1px solid #000;font-size:8pt;padding:2pt;text-align:left;vertical-align:top} table.im td{border:1px solid #000;padding:2pt 3pt;vertical-align:top;font-size:8.5pt}.pr{font-size:7.5pt;font-style:italic}
      table.ft{width:100%;margin-top:12pt} td.stamp{width:2.2in;border:3px double #000;border-radius:50%;text-align:center;font-size:7.5pt;font-weight:bold;padding:12pt 6pt;transform:rotate(-4deg)} table.ft td{vertical-align:top;padding-left:10pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nameFML(p))} &nbsp; ${dMONy(p.dob)}`, PN, 0.6);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameFML(p), immunizations: doc.immunizations.map((s) => immGt(s, s.short)) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.t1: outpatient ULTRASOUND / DXA "worksheet-style" report (women's & diagnostic imaging centre):
// one-line header strip "PATIENT: TESTBURY, HAROLD | MR# | DOB 1950/03/04 | AGE | SEX", "EXAM DATE:
// 2024/03/14 08:15", a MEASUREMENTS table taken from the scanner (DXA: Region / BMD / T-score / Z-score;
// others: Structure / Measurement) above the narrative FINDINGS (numbered) and IMPRESSION, sonographer
// and radiologist lines, "Electronically signed ... on 2024/03/14 at 10:02".
const radT1 = {
  id: 'radiology.t1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last}, ${p.first}`.toUpperCase();
    const meas = [];
    if (doc.modality === 'DXA') {
      for (const x of doc.findings) { const m = /^(.+?):\s*BMD ([\d.]+) g\/cm2, T-score (-?[\d.]+)(?:, Z-score (-?[\d.]+))?/.exec(x); if (m) meas.push([m[1], m[2], m[3], m[4] ?? '&mdash;']); }
    } else {
      for (const x of doc.findings) for (const part of x.split(/(?<=\.)\s+/)) {
        const lm = /^([^:]{2,40}):\s*(.*)$/.exec(part); const vals = part.match(/\d+(?:\.\d+)?(?: x \d+(?:\.\d+)?)*\s?(?:cm|mm)\b/g);
        if (vals) meas.push([lm ? lm[1] : part.replace(/\s*(measuring|with).*$/, '').slice(0, 48), vals.join('; ')]);
      }
    }
    const measHtml = meas.length ? (doc.modality === 'DXA'
      ? `<table class="ms"><thead><tr><th>Region</th><th>BMD (g/cm2)</th><th>T-score</th><th>Z-score</th></tr></thead><tbody>${meas.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`
      : `<table class="ms"><thead><tr><th>Structure</th><th>Measurement</th></tr></thead><tbody>${meas.map((r) => `<tr><td>${esc(r[0])}</td><td>${esc(r[1])}</td></tr>`).join('')}</tbody></table>`) : '<p class="sm">No measurements recorded for this study.</p>';
    const tech = doc.modality === 'US' ? `Sonographer: ${rng.pick(['A. Mockley, RDMS', 'C. Samplewood, RDMS', 'D. Fakesby, RDCS'])}` : doc.modality === 'DXA' ? `Technologist: ${rng.pick(['B. Testova, RT(R)(BD)', 'L. Proxyman, CBDT'])}; scanner ${rng.pick(['Hologic Horizon A', 'GE Lunar iDXA'])}` : `Technologist: ${rng.pick(['R. Stubwood, RT(R)', 'M. Draftley, RT(R)(CT)'])}`;
    const body = `
      <table class="hd"><tr><td>${logoSvg(rng, rng.pick(['leaf', 'wave', 'mountain']), 30)}</td><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Scheduling ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)}</div></td><td class="r t">DIAGNOSTIC IMAGING REPORT</td></tr></table>
      <div class="strip">PATIENT: <b>${esc(nm)}</b> &nbsp;|&nbsp; MR# ${esc(doc.mrn)} &nbsp;|&nbsp; DOB ${ymdSlash(p.dob)} &nbsp;|&nbsp; AGE ${ageOn(p.dob, doc.exam_datetime)} &nbsp;|&nbsp; SEX ${p.sex}</div>
      <table class="ex"><tr><td>EXAM DATE:</td><td>${ymdSlash(doc.exam_datetime)} ${fmtTime(doc.exam_datetime, '24')}</td><td>ACCESSION:</td><td>${doc.accession}</td></tr>
      <tr><td>EXAMINATION:</td><td><b>${esc(doc.exam)}</b></td><td>CPT:</td><td>${doc.cpt}</td></tr>
      <tr><td>ORDERED BY:</td><td>${esc(provName(doc.provider))}</td><td>MODALITY:</td><td>${doc.modality}</td></tr></table>
      <div class="s">CLINICAL HISTORY:</div><p>${esc(doc.indication)}.</p>
      <div class="s">TECHNIQUE:</div><p>${esc(doc.technique)} ${esc(tech)}.</p>
      <div class="s">COMPARISON:</div><p>${esc(doc.comparison)}</p>
      <div class="s">MEASUREMENTS:</div>${measHtml}
      <div class="s">FINDINGS:</div><ol>${doc.findings.map((x) => `<li>${esc(x)}</li>`).join('')}</ol>
      <div class="s">IMPRESSION:</div><ol>${doc.impression.map((x) => `<li><b>${esc(x)}</b></li>`).join('')}</ol>
      ${doc.birads !== null && doc.birads !== undefined ? `<p>BI-RADS Category ${doc.birads}</p>` : ''}
      <div class="keep sg">Interpreted by: ${esc(provName(doc.radiologist))}<br>Electronically signed by ${esc(provName(doc.radiologist))} on ${ymdSlash(doc.signed)} at ${fmtTime(doc.signed, '24')}</div>`;
    const css = css0(f, 9.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:middle;padding:0 6pt 3pt 0}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:12pt;font-weight:bold}
      .strip{background:#e6e6e6;border:1px solid #000;padding:3pt 5pt;margin:6pt 0;font-size:9pt}
      table.ex{width:100%;font-size:9pt} table.ex td{padding:1pt 4pt 1pt 0;vertical-align:top} table.ex td:nth-child(odd){width:15%;font-weight:bold;font-size:8pt}
      .s{font-weight:bold;margin-top:7pt;font-size:9pt}p{margin:1pt 0 3pt 0}ol{margin:1pt 0;padding-left:18pt}
      table.ms{width:80%;margin:2pt 0 2pt 10pt;border:1px solid #000} table.ms th{background:#efefef;border:1px solid #000;font-size:8pt;padding:1.5pt 4pt;text-align:left} table.ms td{border:1px solid #000;padding:1.5pt 4pt;font-size:9pt}
      .sg{margin-top:12pt;border-top:1px solid #000;padding-top:3pt;font-size:8.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &nbsp; MR# ${esc(doc.mrn)} &nbsp; ACC ${doc.accession}`, PN, 0.6);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, radiology: { exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads } } };
  },
};

// ======================= REFERRAL =======================
// referral.t1: EHR AMBULATORY REFERRAL ORDER print (Epic "Referral" report style): title
// "Ambulatory referral to Cardiology", patient line "Testbury, Harold J  MRN: ...  DOB: 3/4/1950 (74 y.o. M)",
// "Referral Information" key/value grid in two columns (Referral ID, Status, Priority, Type, Referred By,
// Referred To Provider / Department, Number of Visits, Authorization Number, Start/Expiration Date),
// "Reason for Referral", diagnoses table, "Current Outpatient Medications" table with full sigs.
const refT1 = {
  id: 'referral.t1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng; const to = doc.to_provider;
    const age = ageOn(p.dob, doc.date_of_service);
    const kv = (l, v) => `<tr><th>${l}</th><td>${v}</td></tr>`;
    const left = [kv('Referral ID', rng.digits(8)), kv('Status', doc.auth_number ? 'Authorized' : 'Pending Review'), kv('Priority', esc(doc.urgency)), kv('Type', 'Consultation'), kv('Referred By', esc(provName(doc.provider))), kv('Referred By Dept', esc(doc.facility.name))].join('');
    const right = [kv('Referred To Provider', esc(provName(to))), kv('Referred To Dept', `${esc(doc.to_facility.name)}<br>Fax ${fmtPhone(doc.to_facility.fax)}`), kv('Specialty', esc(doc.specialty)), kv('Number of Visits', String(doc.visits_authorized ?? 1)), kv('Authorization Number', doc.auth_number ? esc(doc.auth_number) : 'Not required'), kv('Start / Expiration', `${fmtDate(doc.date_of_service, 'mon-d-y')} &ndash; ${fmtDate(addDays(doc.date_of_service, 180), 'mon-d-y')}`)].join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r sm">Referral Report<br>Order date: ${fmtDate(doc.date_of_service, 'mon-d-y')}</td></tr></table>
      <div class="pt"><b>${esc(nameLFt(p))}</b> &nbsp;&nbsp; MRN: ${esc(doc.mrn)} &nbsp;&nbsp; DOB: ${fmtDate(p.dob, 'us-nopad')} (${age} y.o. ${p.sex}) &nbsp;&nbsp; Phone: ${fmtPhone(p.phone)}</div>
      <div class="t">Ambulatory referral to ${esc(doc.specialty)}</div>
      <div class="h">Referral Information</div>
      <table class="two"><tr><td><table class="kv">${left}</table></td><td><table class="kv">${right}</table></td></tr></table>
      <div class="h">Reason for Referral</div><p>${esc(doc.reason.charAt(0).toUpperCase() + doc.reason.slice(1))}.</p>
      <div class="h">Diagnoses</div><table class="t2"><thead><tr><th>Diagnosis</th><th>ICD-10-CM</th></tr></thead><tbody>${doc.diagnoses.map((d) => `<tr><td>${esc(d.description)}</td><td>${d.code}</td></tr>`).join('')}</tbody></table>
      <div class="h">Current Outpatient Medications</div><table class="t2"><thead><tr><th style="width:40%">Medication</th><th>Sig</th></tr></thead><tbody>${doc.medications.length ? doc.medications.map((m) => `<tr><td>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td></tr>`).join('') : '<tr><td colspan="2">No current outpatient medications on file.</td></tr>'}</tbody></table>
      <div class="h">Allergies</div><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join('; ') : 'No Known Allergies'}</p>
      <div class="h">Enclosures</div><p>${doc.enclosures.map(esc).join(', ')}</p>
      <p class="sm" style="margin-top:10pt">Electronically signed by ${esc(provName(doc.provider))} on ${fmtDate(doc.date_of_service, 'mon-d-y')}. Please fax the consult note to ${fmtPhone(doc.facility.fax)}.</p>`;
    const css = css0(f, 9.5) + `
      table.hd{width:100%;border-bottom:1px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}
      .pt{background:#e9e9e9;padding:3pt 5pt;margin:6pt 0;font-size:9.5pt}.t{font-size:15pt;margin:4pt 0 6pt 0}
      .h{font-weight:bold;font-size:10pt;border-bottom:1.5px solid #000;margin:8pt 0 3pt 0}
      table.two{width:100%} table.two>tbody>tr>td{width:50%;vertical-align:top;padding-right:8pt}
      table.kv{width:100%} table.kv th{text-align:left;font-weight:normal;color:#333;width:42%;font-size:8.5pt;padding:1.5pt 4pt 1.5pt 0;vertical-align:top} table.kv td{font-size:9pt;padding:1.5pt 0;vertical-align:top}
      table.t2{width:100%} table.t2 th{text-align:left;font-size:8pt;border-bottom:1px solid #888;padding:1.5pt 3pt} table.t2 td{padding:1.5pt 3pt;border-bottom:1px solid #e0e0e0;vertical-align:top}
      p{margin:1pt 0 3pt 0}`;
    const footer = pageFooter(f, `${esc(nameLFt(p))} (MRN ${esc(doc.mrn)}) &nbsp; Printed ${fmtDate(doc.faxDate, 'us-nopad')}`, PN, 0.6);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameLFt(p), diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.t1: payer PROVIDER REMITTANCE ADVICE (Medicare-style MRA / 835 print sent to the practice, all
// capitals, monospace): payee block with NPI, check/EFT number and date, claim header "NAME TESTBURY,
// HAROLD J  HIC ... ACNT ... ICN ...", service lines "PERF PROV / SERV DATE (0314 031424) / POS / NOS /
// PROC / BILLED / ALLOWED / DEDUCT / COINS / GRP/RC-AMT / PROV PD" with adjustment group/reason codes
// (CO-45 discount, PR-3 copay), claim totals and "PT RESP". kind eob.
const billT1 = {
  id: 'billing.t1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const a = (n) => n.toFixed(2);
    const npi = rng.digits(10);
    const nm = nameLFU(p);
    const lines = doc.lines.map((l) => `<tr><td>${npi}</td><td>${mmdd(l.date)} ${mmddyy(l.date)}</td><td>11</td><td>1</td><td>${l.cpt}</td><td class="r">${a(l.billed)}</td><td class="r">${a(l.allowed)}</td><td class="r">${a(l.deductible)}</td><td class="r">${a(l.coinsurance)}</td><td>CO-45 ${a(l.not_covered)}${l.copay ? `<br>PR-3 ${a(l.copay)}` : ''}</td><td class="r">${a(l.paid)}</td></tr><tr class="dsc"><td></td><td colspan="10">${esc(l.description.toUpperCase())}</td></tr>`).join('');
    const body = `
      <div class="hd"><div>${esc(doc.payer.toUpperCase())}</div><div>PROVIDER REMITTANCE ADVICE</div></div>
      <table class="top"><tr><td>PAYEE: ${esc(doc.client.name.toUpperCase())}<br>${esc(fmtAddr(doc.client.address).toUpperCase())}<br>NPI: ${npi} &nbsp; TIN: XX-XXX${rng.digits(4)}</td>
      <td>DATE: ${fmtDate(doc.processed, 'us')}<br>CHECK/EFT #: ${rng.digits(9)}<br>PLAN: ${esc(doc.plan_name.toUpperCase())}</td></tr></table>
      <table class="clm"><tr><td>NAME ${esc(nm)}</td><td>HIC ${doc.member_id}</td><td>ACNT ${doc.account}</td><td>ICN ${doc.claim_number}</td><td>ASG Y &nbsp;MOA MA01</td></tr></table>
      <table class="ln"><thead><tr><th>PERF PROV</th><th>SERV DATE</th><th>POS</th><th>NOS</th><th>PROC</th><th class="r">BILLED</th><th class="r">ALLOWED</th><th class="r">DEDUCT</th><th class="r">COINS</th><th>GRP/RC-AMT</th><th class="r">PROV PD</th></tr></thead>
      <tbody>${lines}
      <tr class="tot"><td colspan="5">CLAIM TOTALS</td><td class="r">${a(t.billed)}</td><td class="r">${a(t.allowed)}</td><td class="r">${a(t.deductible)}</td><td class="r">${a(t.coinsurance)}</td><td>CO-45 ${a(t.not_covered)}${t.copay ? `<br>PR-3 ${a(t.copay)}` : ''}</td><td class="r">${a(t.paid)}</td></tr></tbody></table>
      <div class="pr">PT RESP ${a(t.patient_resp)} &nbsp;&nbsp; CLAIM INFORMATION FORWARDED TO: NONE &nbsp;&nbsp; NET ${a(t.paid)}</div>
      <div class="gl">GLOSSARY: GROUP, REASON, MOA, REMARK AND REASON CODES<br>
      CO &nbsp;CONTRACTUAL OBLIGATION. AMOUNT FOR WHICH THE PROVIDER IS FINANCIALLY LIABLE. THE PATIENT MAY NOT BE BILLED FOR THIS AMOUNT.<br>
      PR &nbsp;PATIENT RESPONSIBILITY. AMOUNT THAT MAY BE BILLED TO A PATIENT OR ANOTHER PAYER.<br>
      45 &nbsp;CHARGE EXCEEDS FEE SCHEDULE/MAXIMUM ALLOWABLE. &nbsp; 1 &nbsp;DEDUCTIBLE AMOUNT. &nbsp; 2 &nbsp;COINSURANCE AMOUNT. &nbsp; 3 &nbsp;CO-PAYMENT AMOUNT.<br>
      MA01 IF YOU DO NOT AGREE WITH WHAT WE APPROVED FOR THESE SERVICES, YOU MAY APPEAL OUR DECISION WITHIN 120 DAYS. PROVIDER SERVICES ${fmtPhone(doc.facility.phone, 'one')}.</div>`;
    const css = css0(f, 8) + `
      .hd{text-align:center;font-weight:bold;font-size:10pt;border-bottom:1px solid #000;padding-bottom:3pt}
      table.top{width:100%;margin:6pt 0} table.top td{vertical-align:top;font-size:8pt;width:50%}
      table.clm{width:100%;border-top:1px dashed #000;border-bottom:1px dashed #000;margin:4pt 0} table.clm td{padding:2pt 6pt 2pt 0;font-size:8pt;white-space:nowrap}
      table.ln{width:100%} table.ln th{text-align:left;font-size:7pt;font-weight:normal;border-bottom:1px solid #000;padding:1pt 2pt} table.ln td{font-size:7.5pt;padding:1pt 2pt;vertical-align:top;white-space:nowrap}
      tr.dsc td{font-size:6.5pt;padding-bottom:3pt;border-bottom:1px dotted #888} tr.tot td{border-top:1px solid #000;font-weight:bold}
      .pr{margin:6pt 0;font-size:8pt}.gl{margin-top:12pt;font-size:7pt;border-top:1px solid #000;padding-top:3pt;line-height:1.4}`;
    return { css, body, margins: M(0.5, 0.55, 0.45, 0.45), fonts: [f], gt: { name_printed: nm, billing: { kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: t.patient_resp } } };
  },
};

// billing.t2: hospital PATIENT FACE SHEET with an account summary (registration / patient-access print
// faxed for billing): grid of demographics (Patient Name, DOB, Age, Sex, Marital status, address, phone,
// MRN, Account #, patient type, service date-time "03/14/2024 0815"), GUARANTOR and INSURANCE blocks
// (primary payer, subscriber, member ID, group, plan), emergency contact, then "ACCOUNT SUMMARY AS OF"
// with charge lines Svc Date / CPT / Description / Charges / Ins Paid / Adjustments / Pt Resp, previous
// balance and amount due. kind patient_statement.
const billT2 = {
  id: 'billing.t2', set: SET, type: 'insurance_billing', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, env.rng.pick(['narrow', 'sans'])); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const due = Math.round((doc.previous_balance + t.patient_resp) * 100) / 100;
    const svcT = `${fmtDate(doc.date_of_service, 'us')} ${zpad(rng.int(7, 16))}${zpad(rng.int(0, 59))}`;
    const ec = `${rng.pick(['Linda', 'Paul', 'Maria', 'James', 'Grace'])} ${p.last}`;
    const cell = (l, v, span = 1) => `<td colspan="${span}"><div class="cap">${l}</div><div class="v">${v}</div></td>`;
    const rows = doc.lines.map((l) => `<tr><td>${fmtDate(l.date, 'us')}</td><td>${l.cpt}</td><td>${esc(l.description)}</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.paid)}</td><td class="r">${money(l.not_covered)}</td><td class="r">${money(l.patient_resp)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Patient Access Services &middot; ${esc(fmtAddr(doc.facility.address))} &middot; Patient Financial Services ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><div class="t">FACE SHEET</div><div class="sm">Printed ${fmtDate(doc.statement_date, 'us')}</div></td></tr></table>
      <div class="sec">PATIENT</div>
      <table class="g"><tr>${cell('Patient Name', `<b>${esc(nameLFU(p))}</b>`, 2)}${cell('MRN', esc(doc.mrn))}${cell('Account #', doc.account)}</tr>
      <tr>${cell('DOB', fmtDate(p.dob, 'us'))}${cell('Age', `${ageOn(p.dob, doc.date_of_service)}Y`)}${cell('Sex', p.sex)}${cell('Marital Status', rng.pick(['Married', 'Single', 'Widowed', 'Divorced']))}</tr>
      <tr>${cell('Address', esc(fmtAddr(p.address)), 2)}${cell('Home Phone', fmtPhone(p.phone))}${cell('Language', 'English')}</tr>
      <tr>${cell('Patient Type', rng.pick(['OUTPATIENT', 'OBSERVATION', 'RECURRING OP', 'CLINIC']))}${cell('Service Date/Time', svcT)}${cell('Attending', esc(provName(doc.provider)))}${cell('Financial Class', 'COMMERCIAL')}</tr></table>
      <div class="sec">GUARANTOR</div>
      <table class="g"><tr>${cell('Guarantor', esc(nameLFU(p)))}${cell('Relationship', 'SELF')}${cell('Guarantor Address', esc(fmtAddr(p.address)), 2)}</tr></table>
      <div class="sec">INSURANCE</div>
      <table class="g"><tr>${cell('Primary Payer', esc(doc.payer), 2)}${cell('Plan', esc(doc.plan_name))}${cell('Group #', doc.group)}</tr>
      <tr>${cell('Subscriber', esc(nameLFU(p)))}${cell('Member ID', doc.member_id)}${cell('Claim #', doc.claim_number)}${cell('Secondary Payer', 'NONE')}</tr></table>
      <div class="sec">EMERGENCY CONTACT</div>
      <table class="g"><tr>${cell('Name', esc(ec.toUpperCase()))}${cell('Relationship', rng.pick(['SPOUSE', 'CHILD', 'SIBLING']))}${cell('Phone', fmtPhone({ area: p.phone.area, exch: '555', line: '01' + zpad(rng.int(0, 99)) }))}${cell('', '')}</tr></table>
      <div class="sec">ACCOUNT SUMMARY AS OF ${fmtDate(doc.statement_date, 'us')}</div>
      <table class="ln"><thead><tr><th>Svc Date</th><th>CPT</th><th style="width:36%">Description</th><th class="r">Charges</th><th class="r">Ins Paid</th><th class="r">Adjustments</th><th class="r">Pt Resp</th></tr></thead><tbody>${rows}
      <tr class="tot"><td colspan="3">Account totals</td><td class="r">${money(t.billed)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.not_covered)}</td><td class="r">${money(t.patient_resp)}</td></tr></tbody></table>
      <table class="due"><tr><td>Deductible ${money(t.deductible)} &middot; Copay ${money(t.copay)} &middot; Coinsurance ${money(t.coinsurance)}</td><td class="r">Previous balance ${money(doc.previous_balance)}</td><td class="r b">AMOUNT DUE ${money(due)}</td></tr></table>
      <p class="sm">Payment due by ${fmtDate(doc.due_date, 'us')}. Questions about this account: Patient Financial Services ${fmtPhone(doc.facility.phone)}.</p>`;
    const css = css0(f, 9) + `
      table.hd{width:100%;border-bottom:2.5px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:17pt;font-weight:bold;letter-spacing:2pt}
      .sec{background:#000;color:#fff;font-weight:bold;font-size:8pt;padding:1pt 4pt;margin-top:6pt;letter-spacing:1pt}
      table.g{width:100%} table.g td{border:1px solid #777;padding:1pt 4pt;vertical-align:top;width:25%}.cap{font-size:6.5pt;color:#333;text-transform:uppercase}.v{font-size:9pt}
      table.ln{width:100%;margin-top:2pt} table.ln th{text-align:left;font-size:7.5pt;border-bottom:1.5px solid #000;padding:1.5pt 3pt} table.ln td{padding:1.5pt 3pt;border-bottom:1px solid #ccc;font-size:8.5pt}
      tr.tot td{font-weight:bold;border-top:1.5px solid #000}
      table.due{width:100%;margin:6pt 0;border-top:1px solid #000;border-bottom:1px solid #000} table.due td{padding:3pt 2pt;font-size:8.5pt} td.b{font-weight:bold;font-size:10.5pt}`;
    const footer = pageFooter(f, `${esc(nameLFU(p))} &nbsp; MRN ${esc(doc.mrn)} &nbsp; ACCT ${doc.account}`, PN, 0.5);
    return { css, body, footer, margins: M(0.5, 0.55, 0.5, 0.5), fonts: [f], gt: { name_printed: nameLFU(p), billing: { kind: 'patient_statement', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, account: doc.account, statement_date: doc.statement_date, previous_balance: doc.previous_balance, amount_due: due, lines: doc.lines, totals: doc.totals } } };
  },
};

export default [coverT1, coverT2, labT1, labT2, labT3, labT4, dsT1, ovT1, mlT1, imT1, radT1, refT1, billT1, billT2];
