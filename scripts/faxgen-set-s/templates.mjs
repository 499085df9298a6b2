// faxgen template set 'set-s': a SIXTH stand-in for faxgen's held-out template set, independent of set-a
// (faxgen), set-v, set-w, set-u, set-t and set-z (scripts/): other layouts, type treatments and fax-header
// formats. Written without reading Vessel's extraction, page-reading or eval code. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-s/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-s ...
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

const SET = 'set-s';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// Every Latin face installed with faxgen's packages is printed by some earlier set. set-s favours the least
// used ones and treatments no set has used: Nimbus Sans Narrow (bound through @font-face local(), as set-t
// found Chromium does not match it by family name) in BOLD for grids, FreeSerif and URW Bookman (set-v/u only)
// for letters, DejaVu Serif Condensed, FreeMono / Liberation Mono for terminal prints, and a fax header in
// DejaVu Sans Condensed (no earlier set prints its TTI line in it), Nimbus Sans or FreeMono.
export const fonts = {
  [SET]: {
    sans: ['Nimbus Sans', 'DejaVu Sans Condensed'],
    serif: ['FreeSerif', 'URW Bookman', 'DejaVu Serif Condensed'],
    mono: ['FreeMono', 'Liberation Mono'],
    narrow: ['Nimbus Sans Narrow'],
    tti: ['DejaVu Sans Condensed', 'Nimbus Sans', 'FreeMono'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);
const NARROW_FACE = [['Regular', 'normal', 'normal'], ['Bold', 'bold', 'normal'], ['Oblique', 'normal', 'italic'], ['BoldOblique', 'bold', 'italic']]
  .map(([s, w, st]) => `@font-face{font-family:'Nimbus Sans Narrow';font-weight:${w};font-style:${st};src:local('NimbusSansNarrow-${s}'),local('Nimbus Sans Narrow ${s.replace('Oblique', ' Oblique').trim()}')}`).join('\n');
const css0 = (family, size) => NARROW_FACE + baseCss(family, size);
// header/footer templates cannot use @font-face: the narrow face falls back to Nimbus Sans there
const hf = (f) => (f === 'Nimbus Sans Narrow' ? 'Nimbus Sans' : f);

// ---------------------------------------------------------------- dates and names as printed
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const dp = (iso) => { const d = parseIso(iso); return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), w: d.getUTCDay() }; };
const h12 = (dt) => { const hh = Number(dt.slice(11, 13)); return { h: ((hh + 11) % 12) + 1, ap: hh < 12 ? 'AM' : 'PM', m: dt.slice(14, 16) }; };
/** VistA / FileMan external date: "MAR 4,1950" */
const fileman = (iso) => { const x = dp(iso); return `${MON[x.m].toUpperCase()} ${x.d},${x.y}`; };
/** VistA date-time: "Mar 14, 2024@08:15" */
const vistaDt = (dt) => { const x = dp(dt); return `${MON[x.m]} ${zpad(x.d)}, ${x.y}@${dt.slice(11, 16)}`; };
/** "Mar 14 2024" (no comma) */
const monNoComma = (iso) => fmtDate(iso, 'mon-d-y-nocomma');
/** "14-Mar-2024" */
const dMonY = (iso) => fmtDate(iso, 'dmy-mon');
/** "Thursday, March 14, 2024" */
const longDate = (iso) => { const x = dp(iso); return `${DAY[x.w]}, ${MONTH[x.m]} ${x.d}, ${x.y}`; };
const t12 = (dt) => { const c = h12(dt); return `${c.h}:${c.m} ${c.ap}`; };
const mi = (p) => (p.middle ? ' ' + p.middle[0] : '');
/** "TESTBURY,HAROLD J" (VistA) */
const nameVista = (p) => `${p.last},${p.first}${mi(p)}`.toUpperCase();
/** "Harold J TESTBURY" (given names, surname in capitals) */
const nameFsurU = (p) => `${p.first}${mi(p)} ${p.last.toUpperCase()}`;
/** "Harold J. Testbury" */
const nameFMdot = (p) => `${p.first}${p.middle ? ' ' + p.middle[0] + '.' : ''} ${p.last}`;
/** "Testbury, Harold J." */
const nameLFdot = (p) => `${p.last}, ${p.first}${p.middle ? ' ' + p.middle[0] + '.' : ''}`;
/** "TESTBURY HAROLD J" (pharmacy system, no comma) */
const nameRx = (p) => `${p.last} ${p.first}${mi(p)}`.toUpperCase();
const provVista = (pr) => `${pr.last},${pr.first}`.toUpperCase();
const sexWord = (p) => (p.sex === 'F' ? 'Female' : 'Male');
const ageYM = (dob, on) => { const a = dp(dob), b = dp(on); let m = (b.y - a.y) * 12 + (b.m - a.m); if (b.d < a.d) m--; return m < 24 ? `${m} mos` : `${Math.floor(m / 12)} yrs ${m % 12} mos`; };

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // j2 / eFax delivery header: "From: 12175550146  Page: 2/5  Date: 3/14/2024 10:32:07 AM" (date LAST, 11-digit caller id)
    (t) => { const c = h12(t.dt); return [`From: 1${phoneDigits(t.fax)}`, `Page: ${t.page}/${t.total}`, `Date: ${fmtDate(t.dt, 'us-nopad')} ${c.h}:${c.m}:${zpad(t.sec)} ${c.ap}`]; },
    // Windows Fax and Scan (fxsvc header from the sender's TSID settings): long weekday date, sender, number, "Page 2 of 5"
    (t) => [`${longDate(t.dt)} ${t12(t.dt)}`, t.sender.slice(0, 30), fmtPhone(t.fax), `Page ${t.page} of ${t.total}`],
    // Ricoh / Kofax-connected MFP: "MAR/14/2024/THU 10:32 AM  SENDER  FAX No. :217 555 0146  #0481 P.002/005"
    (t) => { const x = dp(t.dt); return [`${MON[x.m].toUpperCase()}/${zpad(x.d)}/${x.y}/${DAY[x.w].slice(0, 3).toUpperCase()} ${t12(t.dt)}`, t.sender.toUpperCase().slice(0, 24), `FAX No. :${t.fax.area} ${t.fax.exch} ${t.fax.line}`, `#${zpad(t.job, 4)} P.${zpad(t.page, 3)}/${zpad(t.total, 3)}`]; },
  ],
};

// ---------------------------------------------------------------- helpers
const PN = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
const pageFooter = (f, left, right, padIn = 0.6, size = 7) => `<div style="font-family:'${hf(f)}';font-size:${size}pt;box-sizing:border-box;width:100%;padding:0 ${padIn}in;display:flex;justify-content:space-between"><span>${left}</span><span>${right}</span></div>`;
const runHeader = (f, left, right, padIn = 0.6, size = 7.5) => `<div style="font-family:'${hf(f)}';font-size:${size}pt;box-sizing:border-box;width:100%;padding:0 ${padIn}in;display:flex;justify-content:space-between;border-bottom:0.75px solid #000"><span>${left}</span><span>${right}</span></div>`;
/** labPanels with this template's own flag spelling written back into the gt (gt.flag stays H/L/A) */
function panelsWith(doc, opts, spell) {
  const panels = labPanels(doc, { ...opts, flagStyle: 'HL' });
  for (const P of panels) for (const r of P.rows) { r.flagPrinted = r.flag ? spell[r.flag] : ''; r.gt.flag_printed = r.flagPrinted || null; }
  return panels;
}
const gtRows = (panels) => panels.flatMap((P) => P.rows.map((r) => r.gt));
const allergyText = (doc, none = 'No Known Allergies') => (doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join('; ') : none);

// ======================= FAX COVER SHEETS =======================
// cover.s1 imitates a payer-style PRIOR-AUTHORIZATION / clinical-documentation fax request form: numbered
// sections (1 Recipient, 2 Sender, 3 Transmission), Standard / Urgent review tick boxes, enclosed-document
// tick list, ISO date.
const coverS1 = {
  id: 'cover.s1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const s = doc.from_facility; const rng = env.rng;
    const encl = ['Clinical notes', 'Laboratory results', 'Imaging reports', 'Medication list', 'Discharge summary', 'Other'];
    const ticked = new Set(rng.sample(encl.slice(0, 5), rng.int(1, 3)));
    const cell = (n, l, v, span = 1) => `<td colspan="${span}"><span class="n">${n}</span> <span class="l">${l}</span><div class="v">${v}</div></td>`;
    const body = `
      <table class="top"><tr><td><div class="fn">${esc(s.name)}</div><div class="sm">${esc(fmtAddr(s.address))}</div></td><td class="r"><div class="t">CLINICAL DOCUMENTATION<br>FAX TRANSMITTAL</div><div class="sm">Form CD-${rng.int(100, 999)} (rev. ${rng.int(1, 12)}/${rng.int(19, 23)})</div></td></tr></table>
      <div class="sec">SECTION 1 &ndash; RECIPIENT</div>
      <table class="g"><tr>${cell('1a', 'Name / Attention', esc(doc.to_name), 2)}${cell('1b', 'Organization', esc(doc.to_org || '&nbsp;'))}</tr>
      <tr>${cell('1c', 'Fax', fmtPhone(doc.to_fax))}${cell('1d', 'Phone', doc.to_phone ? fmtPhone(doc.to_phone) : '&nbsp;')}${cell('1e', 'Date sent', fmtDate(doc.date_of_service, 'iso'))}</tr></table>
      <div class="sec">SECTION 2 &ndash; SENDER</div>
      <table class="g"><tr>${cell('2a', 'Contact', esc(doc.from_person), 2)}${cell('2b', 'Facility', esc(s.name))}</tr>
      <tr>${cell('2c', 'Return fax', fmtPhone(s.fax))}${cell('2d', 'Call-back phone', fmtPhone(s.phone))}${cell('2e', 'Total pages incl. this form', String(doc.pages))}</tr></table>
      <div class="sec">SECTION 3 &ndash; TRANSMISSION</div>
      <table class="g"><tr>${cell('3a', 'Subject', esc(doc.re), 3)}</tr>
      <tr><td colspan="3"><span class="n">3b</span> <span class="l">Review type</span><div class="v">${box(!doc.urgent)} Standard &nbsp;&nbsp; ${box(doc.urgent)} Urgent / expedited</div></td></tr>
      <tr><td colspan="3"><span class="n">3c</span> <span class="l">Documents enclosed</span><div class="v">${encl.map((e) => `<span class="nb">${box(ticked.has(e))}${e}</span>`).join(' &nbsp; ')}</div></td></tr>
      <tr><td colspan="3" class="msg"><span class="n">3d</span> <span class="l">Additional information</span><div class="v">${esc(doc.message)}</div></td></tr></table>
      <p class="conf">This transmission may contain protected health information. It is intended only for the recipient in Section 1. If you received it in error, notify the sender at ${fmtPhone(s.phone)} and destroy all pages. Re-disclosure is prohibited by 45 CFR 164.</p>`;
    const css = css0(f, 10) + `
      table.top{width:100%;border-bottom:3px double #000} table.top td{vertical-align:bottom;padding-bottom:4pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:13pt;font-weight:bold;line-height:1.1}
      .sec{margin-top:10pt;font-weight:bold;font-size:9pt;border-bottom:1.5px solid #000;letter-spacing:0.5pt}
      table.g{width:100%} table.g td{border:1px solid #000;padding:2pt 4pt 4pt 4pt;vertical-align:top;width:33%}
      .n{font-size:7pt;font-weight:bold}.l{font-size:7pt}.v{font-size:10.5pt;min-height:13pt}
      td.msg .v{min-height:120pt} .conf{margin-top:14pt;font-size:7.5pt;font-style:italic}`;
    return { css, body, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f] };
  },
};

// cover.s2 imitates the Windows Fax and Scan "fyi.cov" personal cover page: a big "FYI" block on the left, a
// label column (To: / Fax number: / From: / Fax number: / Business phone: / Date: / Pages: / Subject:) and
// a "Notes:" area; date-time in Windows' short format "3/14/2024 10:32:07 AM".
const coverS2 = {
  id: 'cover.s2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const s = doc.from_facility; const c = h12(doc.datetime);
    const when = `${fmtDate(doc.date_of_service, 'us-nopad')} ${c.h}:${c.m}:${zpad(env.rng.int(0, 59))} ${c.ap}`;
    const row = (l, v) => `<tr><td class="l">${l}</td><td class="v">${v}</td></tr>`;
    const body = `
      <table class="wrap"><tr><td class="fyi">FYI</td><td>
      <div class="co">${esc(s.name)}</div><div class="sm">${esc(fmtAddr(s.address))}</div>
      <table class="f">
        ${row('To:', esc(doc.to_name) + (doc.to_org ? `<br>${esc(doc.to_org)}` : ''))}
        ${row('Fax number:', fmtPhone(doc.to_fax, 'one'))}
        ${doc.to_phone ? row('Business phone:', fmtPhone(doc.to_phone, 'one')) : ''}
        <tr><td colspan="2"><hr></td></tr>
        ${row('From:', esc(doc.from_person))}
        ${row('Fax number:', fmtPhone(s.fax, 'one'))}
        ${row('Business phone:', fmtPhone(s.phone, 'one'))}
        <tr><td colspan="2"><hr></td></tr>
        ${row('Date &amp; time:', when)}
        ${row('Pages:', String(doc.pages))}
        ${row('Subject:', esc(doc.re))}
      </table></td></tr></table>
      ${doc.urgent ? '<div class="urg">Priority: URGENT</div>' : ''}
      <div class="nh">Notes:</div><div class="notes">${esc(doc.message)}</div>
      <div class="conf">The information contained in this facsimile is confidential and may be legally privileged health information. If the reader of this message is not the intended recipient, you are notified that any dissemination, distribution or copying is strictly prohibited. Please notify us by telephone at ${fmtPhone(s.phone)}.</div>`;
    const css = css0(f, 11) + `
      table.wrap{width:100%} table.wrap>tbody>tr>td{vertical-align:top}
      td.fyi{width:1.6in;font-size:58pt;font-weight:bold;font-family:'Nimbus Sans';border:4px solid #000;text-align:center;vertical-align:middle !important;letter-spacing:-2pt;height:2.2in}
      .co{font-size:13pt;font-weight:bold;padding-left:14pt}.sm{font-size:8pt;padding-left:14pt}
      table.f{margin:10pt 0 0 10pt;width:95%} table.f td{padding:2.5pt 4pt;vertical-align:top} td.l{font-weight:bold;width:1.45in} hr{border:0;border-top:1px solid #888;margin:2pt 0}
      .urg{margin-top:10pt;font-weight:bold;font-size:13pt}
      .nh{margin-top:18pt;font-weight:bold;font-size:12pt}.notes{min-height:170pt;border-top:1px solid #000;padding-top:6pt}
      .conf{font-size:7.5pt;margin-top:12pt}`;
    return { css, body, margins: M(0.7, 0.7, 0.8, 0.8), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.s1 imitates a VA CPRS / VistA "Lab Results - Chem & Hematology" interim report print: monospace, one
// block per specimen ("Report Released Date/Time: Mar 14, 2024@14:10", "Provider: MOCKWOOD,JANE",
// "Specimen: SERUM.", "Specimen Collection Date: Mar 14, 2024@08:15"), columns Test name / Result / units /
// Ref. range / Site Code, flag after the value (H, L, * for abnormal), FileMan DOB "MAR 4,1950", identity in a
// running header line "TESTBURY,HAROLD J   ID ...   MAR 4,1950 (74)" repeated on every page.
const labS1 = {
  id: 'lab.s1', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'caps', rangeStyle: 'e' }, { H: 'H', L: 'L', A: '*' });
    const site = `[${rng.int(400, 699)}]`;
    const spec = (P) => (P.rows.every((r) => r.gt.specimen === 'urine') ? 'URINE' : ['CBC', 'CBCND', 'A1C'].includes(P.key) ? 'BLOOD' : 'SERUM');
    const nw = Math.max(24, ...panels.flatMap((P) => P.rows.map((r) => r.name.length))) + 1;
    const blocks = panels.map((P) => {
      const lines = [
        `Report Released Date/Time: ${vistaDt(doc.reported)}`,
        `Provider: ${provVista(doc.provider)}`,
        `  Specimen: ${spec(P)}.            Accession [UID]: ${doc.accession}`,
        `    Specimen Collection Date: ${vistaDt(doc.collected)}`,
        `      ${pad('Test name', nw - 6)} ${padL('Result', 9)}    ${pad('units', 14)} ${pad('Ref.   range', 16)} Site Code`,
        ...P.rows.map((r) => `${pad(r.name, nw)} ${padL(r.value, 9)} ${pad(r.flagPrinted, 2)} ${pad(r.unit, 14)} ${pad(r.range, 16)} ${site}`),
        `Comment: ${P.name}`,
        '='.repeat(Math.min(96, nw + 60)),
      ];
      return `<pre class="blk">${esc(lines.join('\n'))}</pre>`;
    }).join('');
    const hdr = `${nameVista(p)}    ID ${doc.mrn}    ${fileman(p.dob)} (${ageOn(p.dob, doc.collected)})`;
    const body = `
      <pre class="top">${esc([
        `                         LABORATORY RESULTS -- CHEM & HEMATOLOGY`,
        `${doc.facility.name.toUpperCase()}  ${fmtAddr(doc.facility.address).toUpperCase()}`,
        '',
        `Patient: ${nameVista(p)}   ID: ${doc.mrn}   DOB: ${fileman(p.dob)}   SEX: ${p.sex === 'F' ? 'FEMALE' : 'MALE'}`,
        `Location: ${rng.pick(['PRIMARY CARE', 'MED CLINIC', '4 WEST', 'ER', 'CARDIOLOGY CLINIC'])}       Printed: ${vistaDt(doc.reported)}   Status: ${doc.status.toUpperCase()}`,
        '-'.repeat(88),
      ].join('\n'))}</pre>
      ${blocks}
      <pre class="ft">${esc([
        'KEY: "L"=Abnormal low, "H"=Abnormal high, "*"=Abnormal',
        '',
        'Performing Lab Sites:',
        `${site} ${doc.facility.name.toUpperCase()} [CLIA# ${doc.clia}]`,
        `      ${fmtAddr(doc.facility.address).toUpperCase()}`,
        `      Lab Director: ${provVista(doc.lab_director)}`,
        '',
        '                     ===== END OF LAB RESULTS =====',
      ].join('\n'))}</pre>`;
    const css = css0(f, 8) + `
      pre{font-family:'${f}';margin:0;white-space:pre;font-size:8pt;line-height:1.25} pre.blk{margin-top:8pt;break-inside:avoid} pre.top{font-weight:bold}
      pre.ft{margin-top:10pt}`;
    const header = runHeader(f, esc(hdr), `Printed: ${esc(vistaDt(doc.reported))}`, 0.55, 7.5);
    const footer = pageFooter(f, 'WORK COPY ONLY - NOT FOR MEDICAL RECORD', PN, 0.55, 7);
    return { css, body, header, footer, margins: M(0.5, 0.55, 0.55, 0.5), fonts: [f], gt: { lab_results: gtRows(panels), name_printed: nameVista(p), performing_lab: doc.facility.name } };
  },
};

// lab.s2 imitates a TRANSPOSED chemistry / hematology summary grid (long-term-care and clinic "lab summary"
// prints, Meditech/PCC style): each panel a strip of test-name COLUMNS with the rows Result / Flag / Units /
// Ref Range beneath, up to eight short LIS-named tests per strip, flag words HIGH / LOW / ABNL in their own row; bold narrow
// face for the values (test-name row regular: pdftotext splits "CHOL/HDL" in the bold face); "D/O/B:" and dates
// "Mar 14 2024 0815".
const labS2 = {
  id: 'lab.s2', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Tri-County Reference Laboratory', 'Lakeshore Clinical Lab Services'],
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'lis', rangeStyle: 'h' }, { H: 'HIGH', L: 'LOW', A: 'ABNL' });
    const per = 8;
    const strips = panels.map((P) => {
      let h = `<div class="ph">${esc(P.name)}</div>`;
      for (let i = 0; i < P.rows.length; i += per) {
        const rs = P.rows.slice(i, i + per);
        const fill = per - rs.length;
        const cells = (fn, cls = '') => rs.map((r) => `<td class="${cls}">${fn(r)}</td>`).join('') + '<td class="e"></td>'.repeat(fill);
        h += `<table class="st"><tr class="tn"><th>Test</th>${cells((r) => esc(r.name))}</tr>
          <tr class="rv"><th>Result</th>${cells((r) => esc(r.value), 'b')}</tr>
          <tr><th>Flag</th>${cells((r) => esc(r.flagPrinted))}</tr>
          <tr><th>Units</th>${cells((r) => esc(r.unit))}</tr>
          <tr><th>Ref Range</th>${cells((r) => esc(r.range))}</tr></table>`;
      }
      return `<div class="keep">${h}</div>`;
    }).join('');
    const t24 = (dt) => `${monNoComma(dt)} ${fmtTime(dt, '24c')}`;
    const g = (l, v) => `<td class="l">${l}</td><td class="v">${v}</td>`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &nbsp; Ph ${fmtPhone(doc.facility.phone, 'dot')} &nbsp; Fx ${fmtPhone(doc.facility.fax, 'dot')}</div></td><td class="r"><div class="t">LAB RESULTS SUMMARY</div><div class="sm">Result status: ${esc(doc.status)}</div></td></tr></table>
      <table class="id"><tr>${g('Patient:', `<b>${esc(nameLFdot(p))}</b>`)}${g('Collected:', t24(doc.collected))}</tr>
      <tr>${g('D/O/B:', `${monNoComma(p.dob)} &nbsp; (${ageOn(p.dob, doc.collected)} y)`)}${g('Received:', t24(doc.received))}</tr>
      <tr>${g('Gender:', sexWord(p))}${g('Reported:', t24(doc.reported))}</tr>
      <tr>${g('Chart #:', esc(doc.mrn))}${g('Lab Accession:', esc(doc.accession))}</tr>
      <tr>${g('Ordering:', esc(provName(doc.provider)))}${g('Performed at:', esc(doc.performingLab))}</tr></table>
      ${strips}
      <p class="sm" style="margin-top:8pt">HIGH / LOW = outside the reference range printed for this patient's age and sex. ABNL = abnormal qualitative result. Results reviewed: ______ Initials ______</p>`;
    const css = css0(f, 9) + `
      body{font-weight:bold}
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt}.sm{font-size:7.5pt;font-weight:normal}.t{font-size:13pt;letter-spacing:1pt}
      table.id{width:100%;margin:5pt 0 4pt 0} table.id td{padding:1pt 3pt;font-size:9pt} td.l{width:13%;font-weight:normal} td.v{width:37%}
      .ph{margin-top:8pt;font-size:9.5pt;border-bottom:1px solid #000;text-transform:uppercase}
      table.st{width:100%;table-layout:fixed;margin-top:3pt} table.st th{width:0.8in;text-align:left;font-size:7.5pt;font-weight:normal;padding:1pt 3pt;border:1px solid #000;background:#e4e4e4}
      table.st td{border:1px solid #000;padding:1pt 3pt;text-align:center;font-size:8pt;vertical-align:middle} tr.tn td{font-size:7.5pt;background:#f0f0f0;white-space:nowrap;font-weight:normal} tr.rv td{font-size:9.5pt} td.e{background:#fafafa}`;
    const footer = pageFooter(f, `${esc(nameLFdot(p))} &middot; D/O/B ${monNoComma(p.dob)} &middot; Chart # ${esc(doc.mrn)}`, PN, 0.5, 7);
    return { css, body, footer, margins: M(0.5, 0.55, 0.5, 0.5), fonts: [f], gt: { lab_results: gtRows(panels), name_printed: nameLFdot(p), performing_lab: doc.performingLab } };
  },
};

// lab.s3 imitates a community reference laboratory report in the LifeLabs / Dynacare manner: two-column label
// grid (Name / Date of Birth (YYYY-MM-DD) / Sex / Patient ID | Ordering Practitioner / Collected / Received /
// Reported), table Test | Flag | Result | Reference Range - Units with the FLAG BEFORE the result and the
// units appended to the range, ISO dates, given name + SURNAME ("Harold J TESTBURY"), running header.
const labS3 = {
  id: 'lab.s3', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Bayshore Community Laboratories', 'Northfield Medical Laboratories'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: 'H', L: 'L', A: 'A' });
    const isoDt = (dt) => `${fmtDate(dt, 'iso')} ${fmtTime(dt, '24')}`;
    const ru = (r) => [r.range, r.unit].filter(Boolean).map(esc).join(' ');
    const rows = panels.map((P) => `<tr class="ph"><td colspan="4">${esc(P.name)}</td></tr>` + P.rows.map((r) => `<tr><td class="tn">${esc(r.name)}</td><td class="fl">${esc(r.flagPrinted)}</td><td class="${r.flag ? 'ab' : ''}">${esc(r.value)}</td><td>${ru(r)}</td></tr>`).join('')).join('');
    const g = (l, v) => `<tr><td class="l">${l}</td><td class="v">${v}</td></tr>`;
    const body = `
      <table class="hd"><tr><td style="width:46px">${logoSvg(rng, 'leaf', 38)}</td><td><div class="fn">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Client Services ${fmtPhone(doc.facility.phone, 'one')}</div></td><td class="r"><div class="fr">${doc.status === 'Corrected' ? 'CORRECTED REPORT' : 'FINAL REPORT'}</div><div class="sm">Lab No. ${esc(doc.accession)}</div></td></tr></table>
      <table class="two"><tr><td><table class="kv">
        ${g('Name', `<b>${esc(nameFsurU(p))}</b>`)}${g('Date of Birth (YYYY-MM-DD)', fmtDate(p.dob, 'iso'))}${g('Sex', sexWord(p))}${g('Patient ID', esc(doc.mrn))}${g('Phone', fmtPhone(p.phone, 'dash'))}
      </table></td><td><table class="kv">
        ${g('Ordering Practitioner', esc(provName(doc.provider)))}${g('Copy to', esc(doc.client.name))}${g('Collected', isoDt(doc.collected))}${g('Received', isoDt(doc.received))}${g('Reported', isoDt(doc.reported))}
      </table></td></tr></table>
      <table class="res"><thead><tr><th style="width:40%">Test</th><th style="width:7%">Flag</th><th style="width:14%">Result</th><th>Reference Range - Units</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:10pt">Flags: H = above reference range, L = below reference range, A = abnormal. Reference ranges are specific to the patient's age and sex.<br>
      Tests performed at ${esc(doc.labName)}, ${esc(fmtAddr(doc.facility.address))}. Medical Director: ${esc(provName(doc.lab_director))}. CLIA ${doc.clia}.</p>`;
    const css = css0(f, 9) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} table.hd td{vertical-align:middle;padding-bottom:4pt}.fn{font-size:15pt;font-weight:bold}.sm{font-size:7.5pt}.fr{font-size:12pt;font-weight:bold;letter-spacing:1pt}
      table.two{width:100%;margin:6pt 0} table.two>tbody>tr>td{width:50%;vertical-align:top}
      table.kv td{padding:1pt 4pt;font-size:8.5pt} td.l{color:#333;width:1.65in}
      table.res{width:100%} table.res th{text-align:left;font-size:8.5pt;border-top:1px solid #000;border-bottom:1px solid #000;padding:2pt 3pt;background:#ececec}
      table.res td{padding:1.5pt 3pt;border-bottom:0.5px dotted #999} tr.ph td{font-weight:bold;font-style:italic;padding-top:7pt;border-bottom:none} td.tn{padding-left:10pt !important} td.fl{font-weight:bold;text-align:center} td.ab{font-weight:bold}`;
    const header = runHeader(f, `${esc(nameFsurU(p))} &nbsp; DOB ${fmtDate(p.dob, 'iso')}`, `Lab No. ${esc(doc.accession)} &nbsp; Collected ${isoDt(doc.collected)}`, 0.6, 7);
    const footer = pageFooter(f, `${esc(doc.labName)} &middot; ${esc(doc.status)}`, PN, 0.6, 7);
    return { css, body, header, footer, margins: M(0.5, 0.55, 0.6, 0.6), fonts: [f], gt: { lab_results: gtRows(panels), name_printed: nameFsurU(p), performing_lab: doc.labName } };
  },
};

// lab.s4 imitates a PATIENT-PORTAL "test details" print with result TILES (FollowMyHealth / healow style):
// one panel per card, each component a tile (name, big value with unit, "Normal range: ..." line, flag as a
// word High / Low / Abnormal in a badge), two tiles per row; "Collected on March 14, 2024 8:15 AM".
const labS4 = {
  id: 'lab.s4', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Summit Outpatient Laboratory', 'Riverside Clinical Laboratory'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: 'High', L: 'Low', A: 'Abnormal' });
    const longDt = (dt) => `${fmtDate(dt, 'month-d-y')} ${t12(dt)}`;
    const tile = (r) => `<td class="tile"><div class="nm">${esc(r.name)}</div><div class="val">${esc(r.value)}${r.unit ? ` <span class="un">${esc(r.unit)}</span>` : ''}${r.flag ? ` <span class="badge">${esc(r.flagPrinted)}</span>` : ''}</div>${r.range ? `<div class="rg">Normal range: ${esc(r.range)}${r.unit ? ' ' + esc(r.unit) : ''}</div>` : '<div class="rg">&nbsp;</div>'}</td>`;
    const cards = panels.map((P) => {
      let rows = '';
      for (let i = 0; i < P.rows.length; i += 2) rows += `<tr>${tile(P.rows[i])}${P.rows[i + 1] ? tile(P.rows[i + 1]) : '<td class="tile e"></td>'}</tr>`;
      return `<div class="card"><div class="ct">${esc(P.name)}</div><div class="cm">Collected on ${longDt(doc.collected)} &nbsp;&middot;&nbsp; Resulted on ${longDt(doc.reported)}</div><table class="tiles">${rows}</table></div>`;
    }).join('');
    const body = `
      <div class="bar"><span class="pn">My Health Portal</span><span class="sm">${esc(doc.facility.name)}</span></div>
      <div class="who"><div class="name">${esc(nameFMdot(p))}</div><div>Date of Birth: ${fmtDate(p.dob, 'month-d-y')} &nbsp;&middot;&nbsp; ${sexWord(p)} &nbsp;&middot;&nbsp; Medical Record #: ${esc(doc.mrn)}</div></div>
      <h1>Test Results</h1>
      <div class="meta">Ordered by ${esc(provName(doc.provider))} &nbsp;&middot;&nbsp; Performed by ${esc(doc.performingLab)} &nbsp;&middot;&nbsp; Specimen ID ${esc(doc.accession)} &nbsp;&middot;&nbsp; Status: ${esc(doc.status)}</div>
      ${cards}
      <p class="sm" style="margin-top:8pt">Your provider may not have reviewed these results yet. A result outside the normal range is not always a problem; talk to your care team about what your results mean for you.</p>`;
    const css = css0(f, 9) + `
      .bar{display:flex;justify-content:space-between;align-items:baseline;border-bottom:3px solid #000;padding-bottom:2pt}.pn{font-size:15pt;font-weight:bold}.sm{font-size:7.5pt}
      .who{margin:6pt 0;font-size:9pt}.who .name{font-size:13pt;font-weight:bold}
      h1{font-size:16pt;margin:6pt 0 2pt 0}.meta{font-size:8pt;margin-bottom:4pt}
      .card{border:1.2px solid #000;border-radius:6pt;margin-top:7pt;padding:4pt 6pt 5pt 6pt;break-inside:auto}.ct{font-size:11pt;font-weight:bold}.cm{font-size:7.5pt;margin-bottom:3pt}
      table.tiles{width:100%;border-collapse:separate;border-spacing:4pt 3pt} td.tile{width:50%;border:0.75px solid #777;border-radius:4pt;padding:3pt 6pt;vertical-align:top} td.e{border:none}
      .nm{font-size:8.5pt}.val{font-size:13pt;font-weight:bold}.un{font-size:9pt;font-weight:normal}.badge{font-size:8pt;border:1px solid #000;border-radius:6pt;padding:0 4pt;vertical-align:2pt;font-weight:bold}.rg{font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nameFMdot(p))} &middot; printed ${fmtDate(doc.faxDate, 'month-d-y')}`, PN, 0.55, 7);
    return { css, body, footer, margins: M(0.5, 0.55, 0.55, 0.55), fonts: [f], gt: { lab_results: gtRows(panels), name_printed: nameFMdot(p), performing_lab: doc.performingLab } };
  },
};

// lab.s5 imitates an employer / community BIOMETRIC WELLNESS-SCREENING results report (screening vendor's
// participant report, faxed to the PCP at the participant's request): "Participant:" identity, "Screening
// date", table Measure / Your Result / Desirable Range / Status where EVERY row carries a status word
// ("Within range" for normal rows, "Above range" / "Below range" / "Abnormal" for flagged ones), units in
// their own narrow column after the result, shaded panel rows.
const labS5 = {
  id: 'lab.s5', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['WellPath Screening Laboratory', 'Keystone Biometric Lab Services'],
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'q', nameStyle: 'full', rangeStyle: 'e' }, { H: 'Above range', L: 'Below range', A: 'Abnormal' });
    const rows = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>` + P.rows.map((r) => `<tr><td>${esc(r.name)}</td><td class="r ${r.flag ? 'b' : ''}">${esc(r.value)}</td><td>${esc(r.unit || '')}</td><td>${esc(r.range)}</td><td class="${r.flag ? 'b' : 'ok'}">${r.flag ? esc(r.flagPrinted) : r.range ? 'Within range' : ''}</td></tr>`).join('')).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.performingLab)}</div><div class="sm">Wellness screening results prepared for ${esc(doc.facility.name)}</div></td><td class="r"><div class="t">Screening Results Report</div><div class="sm">Confidential participant report</div></td></tr></table>
      <table class="id"><tr><td>Participant: <b>${esc(nameFMdot(p))}</b></td><td>Date of Birth: ${fmtDate(p.dob, 'us')}</td><td>Gender: ${sexWord(p)}</td></tr>
      <tr><td>Screening date: ${fmtDate(doc.collected, 'mon-d-y')} ${t12(doc.collected)}</td><td>Results released: ${fmtDate(doc.reported, 'mon-d-y')}</td><td>Participant ID: ${esc(doc.mrn)}</td></tr>
      <tr><td>Sample ID: ${esc(doc.accession)}</td><td>Fasting: ${doc.fasting === 'Y' ? 'Yes' : doc.fasting === 'N' ? 'No' : 'Not stated'}</td><td>Physician of record: ${esc(provName(doc.provider))}</td></tr>
      <tr><td>Report status: ${esc(doc.status)}</td><td></td><td></td></tr></table>
      <table class="res"><thead><tr><th style="width:38%">Measure</th><th class="r" style="width:11%">Your Result</th><th style="width:14%">Units</th><th style="width:17%">Desirable Range</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:9pt">"Within range" means your result falls inside the desirable range used by the laboratory for your age and sex. Results outside the range are not a diagnosis; please share this report with your health care provider. Screening performed by ${esc(doc.performingLab)} (CLIA ${doc.clia}), ${esc(fmtAddr(doc.facility.address))}.</p>`;
    const css = css0(f, 9.5) + `
      table.hd{width:100%;border-bottom:1px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:14pt;font-style:italic}
      table.id{width:100%;margin:6pt 0 8pt 0;background:#f0f0f0} table.id td{padding:2pt 5pt;font-size:9pt;width:33%}
      table.res{width:100%} table.res th{text-align:left;font-size:8.5pt;border-bottom:2px solid #000;padding:2pt 4pt} table.res th.r{text-align:right}
      table.res td{padding:2pt 4pt;border-bottom:0.5px solid #ccc} tr.ph td{background:#d8d8d8;font-weight:bold;font-size:9pt} td.ok{color:#333}`;
    const footer = pageFooter(f, `${esc(nameFMdot(p))} &middot; DOB ${fmtDate(p.dob, 'us')} &middot; Screening ${fmtDate(doc.collected, 'mon-d-y')}`, PN, 0.6, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gtRows(panels), name_printed: nameFMdot(p), performing_lab: doc.performingLab } };
  },
};

// lab.s6 imitates a regional reference-lab "Final Report" grid (ACL / Spectra / outreach style) in which the
// ORDERED TEST (panel) occupies a left-hand cell spanning all its result rows: Ordered Test | Result Name |
// Result | Abn | Units | Reference Interval | Site; patient box with "Birth Date:", "Sex: M  Age: 74 Y", date-times
// with a time-zone suffix "03/14/2024 08:15 CT"; flags High / Low / Abn.
const labS6 = {
  id: 'lab.s6', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Prairie Regional Laboratories', 'Harbor Point Reference Lab'],
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'abbr', rangeStyle: 'e' }, { H: 'High', L: 'Low', A: 'Abn' });
    const tz = rng.pick(['CT', 'ET', 'MT', 'PT']);
    const dt = (x) => `${fmtDate(x, 'us')} ${fmtTime(x, '24')} ${tz}`;
    const site = rng.pick(['PRL', 'HPR', 'MAIN']);
    const rows = panels.map((P) => P.rows.map((r, i) => `<tr class="${i === 0 ? 'first' : ''}">${i === 0 ? `<td class="ord" rowspan="${P.rows.length}">${esc(P.name)}</td>` : ''}<td>${esc(r.name)}</td><td class="r ${r.flag ? 'b' : ''}">${esc(r.value)}</td><td class="c b">${esc(r.flagPrinted)}</td><td>${esc(r.unit || '')}</td><td>${esc(r.range)}</td><td class="c">${site}</td></tr>`).join('')).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)} &middot; CLIA ${doc.clia}</div></td>
      <td class="box"><div class="l">Patient</div><div class="b big">${esc(nameLFdot(p).toUpperCase())}</div><div>Birth Date: ${fmtDate(p.dob, 'us')}</div><div>Sex: ${p.sex} &nbsp; Age: ${ageOn(p.dob, doc.collected)} Y</div><div>Patient #: ${esc(doc.mrn)}</div></td></tr></table>
      <table class="ids"><tr><td><span class="l">Requisition</span><br>${esc(doc.accession)}</td><td><span class="l">Collected</span><br>${dt(doc.collected)}</td><td><span class="l">Received</span><br>${dt(doc.received)}</td><td><span class="l">Reported</span><br>${dt(doc.reported)}</td><td><span class="l">Status</span><br>${esc(doc.status)}</td></tr>
      <tr><td colspan="2"><span class="l">Ordering Physician</span><br>${esc(provName(doc.provider))}</td><td colspan="3"><span class="l">Account</span><br>${esc(doc.account)} ${esc(doc.client.name)}, ${esc(fmtAddr(doc.client.address))}</td></tr></table>
      <table class="res"><thead><tr><th style="width:20%">Ordered Test</th><th style="width:27%">Result Name</th><th class="r" style="width:9%">Result</th><th style="width:6%">Abn</th><th style="width:11%">Units</th><th>Reference Interval</th><th style="width:6%">Site</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:8pt">Site ${site}: ${esc(doc.labName)}, ${esc(fmtAddr(doc.facility.address))}. Laboratory Director ${esc(provName(doc.lab_director))}. Abn: High / Low = outside reference interval; Abn = abnormal result.</p>`;
    const css = css0(f, 9) + `
      table.hd{width:100%} table.hd td{vertical-align:top}.fn{font-size:16pt;font-weight:bold;margin-top:6pt}.sm{font-size:7.5pt}
      td.box{width:2.6in;border:1.5px solid #000;padding:3pt 6pt;font-size:8.5pt}.l{font-size:7pt;text-transform:uppercase;color:#333}.big{font-size:11pt}
      table.ids{width:100%;margin:6pt 0;border-top:1.5px solid #000;border-bottom:1.5px solid #000} table.ids td{padding:2pt 4pt;font-size:8.5pt;vertical-align:top}
      table.res{width:100%} table.res th{text-align:left;font-size:8pt;background:#000;color:#fff;padding:2pt 3pt} table.res th.r{text-align:right}
      table.res td{padding:1.5pt 3pt;border-bottom:0.5px solid #bbb;vertical-align:top} tr.first td{border-top:1.2px solid #000} td.ord{font-weight:bold;border-right:1px solid #000;background:#efefef}`;
    const header = runHeader(f, `${esc(nameLFdot(p).toUpperCase())} &nbsp; Birth Date: ${fmtDate(p.dob, 'us')}`, `Requisition ${esc(doc.accession)} &nbsp; ${esc(doc.labName)}`, 0.55, 7);
    const footer = pageFooter(f, `Reported ${dt(doc.reported)} &middot; ${esc(doc.status)}`, PN, 0.55, 7);
    return { css, body, header, footer, margins: M(0.5, 0.55, 0.55, 0.55), fonts: [f], gt: { lab_results: gtRows(panels), name_printed: nameLFdot(p).toUpperCase(), performing_lab: doc.labName } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.s1 imitates a hospital INTER-FACILITY TRANSFER / continuity-of-care form (hospital to SNF or home
// health): boxed two-column identity grid (Name / D.O.B / Sex / MRN / Admitted / Discharged-transferred),
// disposition and code-status tick boxes, diagnosis table ICD-10 | Description | Principal, medication table
// with a STATUS column (NEW / CHANGED / CONTINUE / STOP) and full directions, dates "14-Mar-2024".
const dsS1 = {
  id: 'discharge.s1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const ST = { New: 'NEW', Changed: 'CHANGED', Continue: 'CONTINUE', Stop: 'STOP' };
    const g = (l, v) => `<td class="l">${l}</td><td class="v">${v}</td>`;
    const dispo = ['Home', 'Home with home health services', 'Skilled nursing facility'];
    const meds = doc.medications.map((m) => `<tr><td>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td class="c b">${ST[m.status] || esc(m.status)}</td><td class="c">${m.status === 'Stop' ? 'n/a' : dMonY(doc.discharge_date) + ' ' + zpad(rng.int(6, 12)) + ':00'}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Case Management ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)}</div></td><td class="r"><div class="t">INTER-FACILITY TRANSFER /<br>DISCHARGE CONTINUITY OF CARE</div></td></tr></table>
      <table class="id"><tr>${g('Name', `<b>${esc(nameLFdot(p))}</b>`)}${g('MRN', esc(doc.mrn))}</tr>
      <tr>${g('D.O.B', dMonY(p.dob))}${g('Sex', sexWord(p))}</tr>
      <tr>${g('Admitted', dMonY(doc.admit_date))}${g('Discharged / transferred', dMonY(doc.discharge_date))}</tr>
      <tr>${g('Attending', esc(provName(doc.provider)))}${g('Primary care', esc(provName(doc.pcp)))}</tr></table>
      <div class="row">Disposition: ${dispo.map((d) => `<span class="nb">${box(doc.disposition === d)}${d}</span>`).join(' &nbsp; ')}</div>
      <div class="row">Code status: ${['Full code', 'DNR', 'DNR/DNI', 'Comfort care'].map((c, i) => `<span class="nb">${box(i === 0)}${c}</span>`).join(' &nbsp; ')}</div>
      <div class="sec">1. REASON FOR ADMISSION</div><p>${esc(doc.reason[0].toUpperCase() + doc.reason.slice(1))}. Admitting diagnosis: ${esc(doc.admit_dx)}.</p>
      <div class="sec">2. DIAGNOSES</div>
      <table class="t"><tr><th style="width:14%">ICD-10</th><th>Description</th><th style="width:12%">Principal</th></tr>${doc.diagnoses.map((d) => `<tr><td>${d.code}</td><td>${esc(d.description)}</td><td class="c">${d.principal ? 'X' : ''}</td></tr>`).join('')}</table>
      <div class="sec">3. HOSPITAL COURSE</div><p>${esc(doc.hpi)}</p>${doc.course.map((c) => `<p>${esc(c)}</p>`).join('')}
      ${doc.procedures.length ? `<div class="sec">4. PROCEDURES</div><p>${doc.procedures.map(esc).join('; ')}</p>` : ''}
      <div class="sec">5. ALLERGIES</div><p>${allergyText(doc, 'NKDA')}</p>
      <div class="sec">6. MEDICATIONS AT TRANSFER</div>
      <table class="t"><tr><th style="width:28%">Medication</th><th>Directions</th><th style="width:10%">Status</th><th style="width:12%">Last dose given</th></tr>${meds}</table>
      <div class="sec">7. CONDITION / DIET / ACTIVITY</div><p>Condition: ${esc(doc.condition)}. Diet: ${esc(doc.diet)}. Activity: ${esc(doc.activity)}. Discharged to: ${esc(doc.disposition)}.</p>
      <div class="sec">8. FOLLOW-UP</div><ul>${doc.followup.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>
      ${doc.pending.length ? `<div class="sec">9. RESULTS PENDING AT TRANSFER</div><p>${esc(doc.pending.join(', '))}</p>` : ''}
      <table class="sig keep"><tr><td>${signatureSvg(rng, 150, 36)}<div>Physician: ${esc(provName(doc.provider))}</div><div class="sm">Signed ${dMonY(doc.signed)} ${fmtTime(doc.signed, '24')}</div></td><td>Report called to receiving nurse: ____________________<br><br>Time: ________ &nbsp; By: ____________________</td></tr></table>`;
    const css = css0(f, 9.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:11pt;font-weight:bold}
      table.id{width:100%;margin:6pt 0;border:1.5px solid #000} table.id td{border:1px solid #000;padding:2pt 4pt} td.l{width:17%;font-size:8pt;background:#eee} td.v{width:33%}
      .row{margin:2pt 0;font-size:9pt}
      .sec{margin-top:7pt;font-weight:bold;background:#ddd;padding:1pt 4pt;font-size:9pt}
      table.t{width:100%;margin-top:2pt} table.t th{text-align:left;font-size:8pt;border-bottom:1px solid #000;padding:1.5pt 3pt} table.t td{padding:1.5pt 3pt;border-bottom:0.5px solid #aaa;vertical-align:top;font-size:9pt}
      ul{margin:2pt 0;padding-left:18pt} table.sig{width:100%;margin-top:12pt} table.sig td{vertical-align:top;width:50%;font-size:9pt}`;
    const footer = pageFooter(f, `${esc(nameLFdot(p))} &middot; D.O.B ${dMonY(p.dob)} &middot; MRN ${esc(doc.mrn)}`, `Transfer form &middot; ${PN}`, 0.6, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameLFdot(p), medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.s1 imitates a clinic AFTER VISIT SUMMARY (Epic AVS handed to the patient and faxed on request):
// "Today's Visit: You saw ... on Thursday, March 14, 2024", reason for visit, diagnoses, vitals as
// label/value pairs (Blood Pressure / Pulse / Temperature / Respiration / Height / Weight / Oxygen
// Saturation / Body Mass Index), "What's Next", orders, "Your Medication List" split START / CONTINUE.
const ovS1 = {
  id: 'office_visit.s1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const vit = [['Blood Pressure', v.bp], ['Pulse', v.hr], ['Temperature', `${v.temp} &deg;F`], ['Respiration', v.rr], ['Height', `${Math.floor(v.ht_in / 12)}' ${v.ht_in % 12}"`], ['Weight', `${v.wt_lb} lb`], ['Oxygen Saturation', `${v.spo2}%`], ['Body Mass Index', `${v.bmi} kg/m2`]];
    const newM = doc.medications.filter((m) => m.status === 'New'); const oldM = doc.medications.filter((m) => m.status !== 'New');
    const medBlock = (ms) => ms.map((m) => `<div class="med"><b>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</b><div>${esc(m.sig)}</div></div>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="avs">AFTER VISIT SUMMARY</div><div class="nm">${esc(nameFMdot(p))}</div><div>MRN: ${esc(doc.mrn)} &nbsp;&middot;&nbsp; DOB: ${fmtDate(p.dob, 'us')}</div></td>
      <td class="r"><div class="b">${fmtDate(doc.date_of_service, 'us-nopad')} &nbsp;&middot;&nbsp; ${esc(doc.visit_type)}</div><div>${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))}<br>${fmtPhone(doc.facility.phone)}</div></td></tr></table>
      <div class="tv">Today's Visit</div>
      <p>You saw <b>${esc(provName(doc.provider))}</b> on ${longDate(doc.date_of_service)}.</p>
      <table class="two"><tr><td>
        <div class="h">Reason for Visit</div><p>${esc(doc.chief_complaint)}</p>
        <div class="h">Diagnoses</div>${doc.diagnoses.map((d) => `<div>${esc(d.description)} - ${d.code}</div>`).join('')}
        <div class="h">Allergies as of ${fmtDate(doc.date_of_service, 'us-nopad')}</div><div>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)}: ${esc(a.reaction)}`).join('<br>') : 'No Known Allergies'}</div>
      </td><td>
        <div class="h">Vitals</div><table class="vt">${vit.map(([k, x]) => `<tr><td>${k}</td><td class="b">${x}</td></tr>`).join('')}</table>
      </td></tr></table>
      <div class="tv">What's Next</div>
      <p>Return in ${esc(doc.followup)} with ${esc(provName(doc.provider))}.</p>
      ${doc.orders.length ? `<div class="h">Orders placed today</div><div>${doc.orders.map(esc).join(' &nbsp;&middot;&nbsp; ')}</div>` : ''}
      <div class="h">Instructions from ${esc(provName(doc.provider))}</div>${doc.plan.map((x) => `<div>&bull; ${esc(x)}</div>`).join('')}
      <div class="tv">Your Medication List</div>
      ${newM.length ? `<div class="mh">START taking these medications</div>${medBlock(newM)}` : ''}
      ${oldM.length ? `<div class="mh">CONTINUE these medications which have NOT CHANGED</div>${medBlock(oldM)}` : ''}
      ${!doc.medications.length ? '<p>You have no medications on file.</p>' : ''}
      <div class="sm" style="margin-top:10pt">${esc(doc.hpi)}</div>
      <div class="sm" style="margin-top:4pt">Signed by ${esc(provName(doc.provider))} on ${fmtDate(doc.signed, 'us-nopad')} ${t12(doc.signed)}</div>`;
    const css = css0(f, 9.5) + `
      table.hd{width:100%;border-bottom:2.5px solid #000} table.hd td{vertical-align:bottom;padding-bottom:4pt}.avs{font-size:8pt;letter-spacing:2pt;font-weight:bold}.nm{font-size:16pt;font-weight:bold}.sm{font-size:7.5pt}
      .tv{font-size:13pt;font-weight:bold;margin-top:9pt;border-bottom:1px solid #000}
      table.two{width:100%} table.two>tbody>tr>td{vertical-align:top;width:50%;padding-right:10pt}
      .h{font-weight:bold;margin-top:6pt;font-size:9.5pt} table.vt td{padding:0.5pt 8pt 0.5pt 0;font-size:9pt}
      .mh{font-weight:bold;margin-top:5pt;text-transform:none;border-left:4px solid #000;padding-left:4pt}.med{margin:2pt 0 2pt 10pt}`;
    const footer = pageFooter(f, `${esc(nameFMdot(p))} (MRN ${esc(doc.mrn)}) &middot; Printed ${fmtDate(doc.printDate, 'us-nopad')}`, PN, 0.6, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nameFMdot(p), medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// office_visit.s2 imitates a TELEHEALTH (synchronous video) visit note as printed from a small-practice EHR
// (Practice Fusion / Kareo style): run-in header "Patient: ... | DOB: 1950-03-04 | 74 y/o male", "Visit type:
// Video visit", patient location and consent statements, S: / O: / A: / P: blocks, PATIENT-REPORTED vitals on
// one line ("BP 128/82 (home cuff), HR 72, T 98.6 F, ..."), medications reviewed as a numbered list.
const ovS2 = {
  id: 'office_visit.s2', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const start = `${doc.date_of_service}T${zpad(rng.int(8, 16))}:${zpad(rng.pick([0, 15, 20, 30, 40, 45]))}`;
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Tel ${fmtPhone(doc.facility.phone, 'dot')} &middot; Fax ${fmtPhone(doc.facility.fax, 'dot')}</div>
      <div class="title">Telehealth Visit Note</div>
      <div class="run">Patient: <b>${esc(nameFMdot(p))}</b> &nbsp;|&nbsp; DOB: ${fmtDate(p.dob, 'iso')} &nbsp;|&nbsp; ${p.age} y/o ${p.sex === 'F' ? 'female' : 'male'} &nbsp;|&nbsp; Chart ID: ${esc(doc.mrn)}</div>
      <div class="run">Date of service: ${fmtDate(doc.date_of_service, 'iso')} ${t12(start)} &nbsp;|&nbsp; Visit type: Video visit (${esc(doc.visit_type)}) &nbsp;|&nbsp; Provider: ${esc(provName(doc.provider))}</div>
      <p class="cons">Patient was located at home; provider at ${esc(doc.facility.name)}. Identity verified with name and date of birth. Verbal consent for a telehealth visit was obtained. Total time: ${rng.int(15, 35)} minutes.</p>
      <div class="h">S:</div><p><i>Chief complaint:</i> ${esc(doc.chief_complaint)}</p><p>${esc(doc.hpi)}</p>
      <p><i>ROS:</i> ${doc.ros.map(([k, t]) => `${k}: ${esc(t)}`).join(' ')}</p>
      <p><i>Medications reviewed with patient:</i></p><ol>${doc.medications.map((m) => `<li>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} &ndash; ${esc(m.sig)}${m.status === 'New' ? ' (new today)' : ''}</li>`).join('') || '<li>None</li>'}</ol>
      <p><i>Allergies:</i> ${allergyText(doc, 'NKDA')}</p>
      <div class="h">O:</div><p><i>Patient-reported vitals:</i> BP ${v.bp} (home cuff), HR ${v.hr}, T ${v.temp} F, RR ${v.rr}, SpO2 ${v.spo2}% (home oximeter), Ht ${v.ht_in} in, Wt ${v.wt_lb} lb, BMI ${v.bmi}.</p>
      <p><i>Observed on video:</i> ${doc.exam.slice(0, 3).map(([k, t]) => `${k}: ${esc(t)}`).join(' ')}</p>
      <div class="h">A:</div><ol>${doc.diagnoses.map((d) => `<li>${esc(d.description)} [${d.code}]</li>`).join('')}</ol>
      <div class="h">P:</div>${doc.plan.map((x) => `<p>&ndash; ${esc(x)}</p>`).join('')}
      ${doc.orders.length ? `<p>&ndash; Labs ordered: ${doc.orders.map(esc).join(', ')}; patient to visit the lab.</p>` : ''}
      <p>&ndash; Follow up: ${esc(doc.followup)}, in person or by video.</p>
      <div class="keep" style="margin-top:8pt">${signatureSvg(rng, 130, 32)}<div>${esc(provName(doc.provider))} &middot; e-signed ${fmtDate(doc.signed, 'iso')} ${t12(doc.signed)}</div></div>`;
    const css = css0(f, 10) + `
      .fn{font-size:14pt;font-weight:bold}.sm{font-size:8pt}.title{font-size:13pt;font-weight:bold;margin:8pt 0 4pt 0;border-bottom:2px solid #000;font-variant:small-caps;letter-spacing:1pt}
      .run{font-size:9pt;margin:1pt 0}.cons{font-size:8.5pt;font-style:italic;margin:4pt 0 6pt 0}
      .h{font-weight:bold;font-size:11pt;margin-top:5pt} ol{margin:1pt 0 4pt 0;padding-left:20pt} p{margin:0 0 3pt 0}`;
    const footer = pageFooter(f, `${esc(nameFMdot(p))} &middot; DOB ${fmtDate(p.dob, 'iso')} &middot; Telehealth ${fmtDate(doc.date_of_service, 'iso')}`, PN, 0.75, 7);
    return { css, body, footer, margins: M(0.6, 0.6, 0.75, 0.75), fonts: [f], gt: { name_printed: nameFMdot(p), medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.s1 imitates a retail-pharmacy REFILL AUTHORIZATION REQUEST faxed to the prescriber: store
// header with NCPDP / NPI, "TO: prescriber" block, patient "TESTBURY HAROLD J" (no comma) with DOB, one
// request box per prescription (Rx #, drug, abbreviated sig, qty, days supply, last fill, refills left,
// APPROVE / DENY tick boxes and a refills blank), inactive prescriptions listed at the end.
const mlS1 = {
  id: 'medication_list.s1', set: SET, type: 'medication_list', facilityKind: 'pharmacy',
  render(doc, env) {
    const f = font(env, env.rng.pick(['mono', 'narrow'])); const p = doc.patient; const rng = env.rng; const ph = doc.facility;
    const us = (iso) => fmtDate(iso, 'us');
    const act = doc.medications.filter((m) => m.status === 'Active'); const inact = doc.medications.filter((m) => m.status !== 'Active');
    const req = act.map((m) => `<table class="rq keep"><tr><td class="l">Rx #</td><td>${rng.digits(7)}</td><td class="l">Drug</td><td colspan="3"><b>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</b></td></tr>
      <tr><td class="l">Sig</td><td colspan="5">${esc(m.sig_abbrev)}</td></tr>
      <tr><td class="l">Qty</td><td>${m.qty}</td><td class="l">Last fill</td><td>${us(m.last_fill)}</td><td class="l">Refills</td><td>0</td></tr>
      <tr><td class="l">Prescriber</td><td colspan="3">${esc(provName(m.prescriber))}</td><td class="l">Status</td><td>${m.status}</td></tr>
      <tr><td colspan="6" class="ans">${box(false)}APPROVE &nbsp; refills: ____ &nbsp;&nbsp; ${box(false)}DENY &nbsp;&nbsp; ${box(false)}NEW RX TO FOLLOW &nbsp;&nbsp; Sign: ______________</td></tr></table>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(ph.name)}</div><div class="sm">${esc(fmtAddr(ph.address))}<br>Ph ${fmtPhone(ph.phone)} &middot; Fax ${fmtPhone(ph.fax)} &middot; NCPDP ${rng.digits(7)} &middot; NPI ${rng.digits(10)}</div></td>
      <td class="r"><div class="t">REFILL AUTHORIZATION<br>REQUEST</div><div class="sm">Request date: ${us(doc.date_of_service)}</div></td></tr></table>
      <table class="to"><tr><td><b>TO:</b> ${esc(provName(doc.provider))}<br>Please fax response to ${fmtPhone(ph.fax)}</td>
      <td><b>PATIENT:</b> ${esc(nameRx(p))}<br>DOB: ${us(p.dob)} &nbsp; SEX: ${p.sex} &nbsp; PT ID: ${esc(doc.mrn)}<br>ADDR: ${esc(fmtAddr(p.address).toUpperCase())}<br>PHONE: ${fmtPhone(p.phone)}</td></tr></table>
      <div class="al"><b>ALLERGIES ON FILE:</b> ${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance.toUpperCase())} (${esc(a.reaction.toUpperCase())})`).join(', ') : 'NKDA'}</div>
      <div class="sec">PRESCRIPTIONS REQUESTING REFILL (${act.length})</div>
      ${req}
      ${inact.length ? `<div class="sec">INACTIVE / NOT REQUESTED</div><table class="in"><tr><th>Drug</th><th>Sig</th><th>Started</th><th>Status</th></tr>${inact.map((m) => `<tr><td>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig_abbrev)}</td><td>${us(m.start)}</td><td>${m.status}</td></tr>`).join('')}</table>` : ''}
      <p class="sm" style="margin-top:8pt">Patient has no refills remaining on the prescriptions above. Please indicate approval or denial and fax this form back. Controlled substances require a new prescription.</p>`;
    const css = css0(f, 9) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:13pt;font-weight:bold}
      table.to{width:100%;margin:6pt 0;border:1px solid #000} table.to td{vertical-align:top;padding:3pt 5pt;width:50%;font-size:9pt}
      .al{border:1.5px dashed #000;padding:2pt 5pt;margin-bottom:4pt}
      .sec{font-weight:bold;margin-top:7pt;border-bottom:1.5px solid #000}
      table.rq{width:100%;margin-top:5pt;border:1.2px solid #000} table.rq td{padding:1.5pt 4pt;font-size:8.8pt} td.l{font-size:7.5pt;width:11%;color:#222} td.ans{border-top:1px dotted #000;font-size:8pt}
      table.in{width:100%;margin-top:3pt} table.in th{text-align:left;font-size:8pt;border-bottom:1px solid #000} table.in td{font-size:8.5pt;padding:1pt 3pt}`;
    const footer = pageFooter(f, `${esc(nameRx(p))} DOB ${us(p.dob)}`, PN, 0.6, 7);
    return { css, body, footer, margins: M(0.5, 0.55, 0.6, 0.6), fonts: [f], gt: { name_printed: nameRx(p), medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)) } };
  },
};

// ======================= IMMUNIZATION RECORD =======================
// immunization.s1 imitates an immunization-registry (IIS) "Patient Immunization History and Forecast" print:
// history grouped by VACCINE GROUP, each row Date Administered (ISO) / Vaccine (CVX description) / CVX /
// Dose # / Age at admin ("74 yrs 2 mos") / Manufacturer (MVX) / Lot / Site, then a "Recommended vaccines"
// forecast table (recommendations are not administrations: outside the gt).
const imS1 = {
  id: 'immunization.s1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const groups = [...new Set(doc.immunizations.map((s) => s.short))];
    const hist = groups.map((gname) => {
      const shots = doc.immunizations.filter((s) => s.short === gname);
      return `<tr class="grp"><td colspan="8">Vaccine Group: ${esc(gname)}</td></tr>` + shots.map((s) => `<tr><td class="nb">${fmtDate(s.date, 'iso')}</td><td>${esc(s.vaccine)}<div class="tn">Trade name: ${esc(s.trade_name)}</div></td><td class="c">${s.cvx}</td><td class="c">${s.dose_number}</td><td class="nb">${ageYM(p.dob, s.date)}</td><td>${s.mvx}</td><td class="nb">${esc(s.lot)}</td><td class="nb">${esc(s.site)}</td></tr>`).join('');
    }).join('');
    const fc = p.age >= 18 ? [['Influenza', 'Recommended'], ['COVID-19', 'Recommended'], ['Td/Tdap', 'Up to date']] : [['Influenza', 'Recommended'], ['HPV', 'Up to date'], ['MenACWY', 'Due soon']];
    const due = addDays(doc.date_of_service, rng.int(20, 200));
    const body = `
      <div class="c"><div class="st">${esc(p.address.state)} IMMUNIZATION REGISTRY</div><div class="title">Patient Immunization History and Forecast</div><div class="sm">Report run ${fmtDate(doc.date_of_service, 'iso')} by ${esc(doc.facility.name)}</div></div>
      <table class="id"><tr><td class="l">Patient</td><td><b>${esc(nameLFdot(p))}</b></td><td class="l">Registry ID</td><td>${doc.registry_id}</td></tr>
      <tr><td class="l">Birth Date</td><td>${fmtDate(p.dob, 'iso')}</td><td class="l">Chart #</td><td>${esc(doc.mrn)}</td></tr>
      <tr><td class="l">Gender</td><td>${sexWord(p)}</td><td class="l">Address</td><td>${esc(fmtAddr(p.address))}</td></tr></table>
      <div class="sec">IMMUNIZATION HISTORY</div>
      <table class="h"><thead><tr><th style="width:12%">Date Admin</th><th>Vaccine</th><th>CVX</th><th>Dose #</th><th style="width:13%">Age at Admin</th><th>MVX</th><th>Lot</th><th>Site</th></tr></thead><tbody>${hist}</tbody></table>
      <div class="sec">RECOMMENDED VACCINES (FORECAST)</div>
      <table class="fc"><tr><th>Vaccine Group</th><th>Status</th><th>Earliest date</th></tr>${fc.map(([g, s]) => `<tr><td>${g}</td><td>${s}</td><td>${s === 'Up to date' ? '--' : fmtDate(due, 'iso')}</td></tr>`).join('')}</table>
      <p class="sm" style="margin-top:8pt">MVX codes: ${[...new Set(doc.immunizations.map((s) => s.mvx))].map((m) => `${m} = ${esc(MVX[m] || m)}`).join('; ')}. The forecast is based on the history above and the current ACIP schedule; doses given elsewhere and not reported to the registry are not shown.</p>`;
    const css = css0(f, 9) + `
      .st{font-size:9pt;letter-spacing:2pt}.title{font-size:15pt;font-weight:bold}.sm{font-size:7.5pt}
      table.id{width:100%;margin:8pt 0;border:1px solid #000} table.id td{padding:1.5pt 4pt;font-size:9pt} td.l{font-size:8pt;color:#333;width:14%}
      .sec{font-weight:bold;margin-top:8pt;border-bottom:2px solid #000;font-size:9.5pt}
      table.h{width:100%} table.h th{text-align:left;font-size:8pt;border-bottom:1px solid #000;padding:1.5pt 3pt} table.h td{padding:1.5pt 3pt;font-size:8.5pt;border-bottom:0.5px solid #bbb}
      tr.grp td{font-weight:bold;background:#e6e6e6;padding-top:3pt} .tn{font-size:7pt}
      table.fc{margin-top:3pt} table.fc th{text-align:left;font-size:8pt;border-bottom:1px solid #000;padding:1pt 12pt 1pt 0} table.fc td{font-size:8.5pt;padding:1pt 12pt 1pt 0}`;
    const footer = pageFooter(f, `${esc(nameLFdot(p))} &middot; Birth Date ${fmtDate(p.dob, 'iso')}`, PN, 0.6, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameLFdot(p), immunizations: doc.immunizations.map((s) => ({ vaccine: s.vaccine, vaccine_printed: s.vaccine, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: s.lot, site: s.site })) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.s1 imitates an EHR / portal "imaging result details" print (Epic-style result view): exam name
// as the title with "Final result" at the right, a result-details strip (Exam End / Last Resulted / Accession
// / CPT / Ordering provider), then "Narrative" (EXAMINATION / INDICATION / COMPARISON / TECHNIQUE / FINDINGS)
// and "Impression" headings, "Resulting agency", "Reading physician" block; DOB "Birth date: 3/4/1950".
const radS1 = {
  id: 'radiology.s1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const rng = env.rng;
    const dt = (x) => `${fmtDate(x, 'us-nopad')} ${t12(x)}`;
    const body = `
      <div class="pt"><b>${esc(nameLFdot(p))}</b> &nbsp; Birth date: ${fmtDate(p.dob, 'us-nopad')} &nbsp; ${sexWord(p)} &nbsp; MRN: ${esc(doc.mrn)}</div>
      <table class="tt"><tr><td class="ex">${esc(doc.exam)}</td><td class="r st">Final result</td></tr></table>
      <table class="dt"><tr><th>Exam End</th><th>Last Resulted</th><th>Accession #</th><th>CPT</th><th>Modality</th><th>Ordering Provider</th></tr>
      <tr><td>${dt(doc.exam_datetime)}</td><td>${dt(doc.signed)}</td><td>${doc.accession}</td><td>${doc.cpt}</td><td>${doc.modality}</td><td>${esc(provName(doc.provider))}</td></tr></table>
      <div class="h">Narrative</div>
      <p><b>EXAMINATION:</b> ${esc(doc.exam)}</p>
      <p><b>INDICATION:</b> ${esc(doc.indication)}.</p>
      <p><b>COMPARISON:</b> ${esc(doc.comparison)}</p>
      <p><b>TECHNIQUE:</b> ${esc(doc.technique)}</p>
      <p><b>FINDINGS:</b> ${doc.findings.map(esc).join(' ')}</p>
      <div class="h">Impression</div>
      ${doc.impression.map((x, i) => `<p>${doc.impression.length > 1 ? `${i + 1}. ` : ''}${esc(x)}</p>`).join('')}
      <div class="h">Reading Physician</div>
      <table class="rd keep"><tr><td>${signatureSvg(rng, 120, 30)}${esc(provName(doc.radiologist))}<br><span class="sm">Electronically signed ${dt(doc.signed)}</span></td>
      <td><b>Resulting Agency</b><br>${esc(doc.facility.name)}<br><span class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</span></td></tr></table>`;
    const css = css0(f, 10) + `
      .pt{font-size:9pt;border-bottom:1px solid #000;padding-bottom:2pt}
      table.tt{width:100%;margin-top:8pt} td.ex{font-size:15pt;font-weight:bold} td.st{font-size:10pt;font-weight:bold;border:1.5px solid #000;padding:1pt 6pt;width:1.1in;text-align:center}
      table.dt{width:100%;margin:6pt 0;border-top:1px solid #000;border-bottom:1px solid #000} table.dt th{text-align:left;font-size:7.5pt;font-weight:normal;padding:2pt 3pt 0 0} table.dt td{font-size:9pt;padding:0 3pt 2pt 0}
      .h{font-size:12pt;font-weight:bold;margin:9pt 0 3pt 0}.sm{font-size:7.5pt}
      table.rd{width:100%} table.rd td{vertical-align:top;width:50%;font-size:9.5pt}`;
    const footer = pageFooter(f, `${esc(nameLFdot(p))} &middot; ${esc(doc.exam)}`, PN, 0.65, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nameLFdot(p), radiology: { exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads } } };
  },
};

// ======================= REFERRAL =======================
// referral.s1 imitates a VA CPRS CONSULT REQUEST print (SF 513 layout rendered by VistA, monospace): "Consult
// Request: CARDIOLOGY OUTPT  Cons No: 123456", "To Service:", "Urgency:", "Reason For Request:",
// "Provisional Diagnosis:", "Active Outpatient Medications", patient banner "TESTBURY,HAROLD J ... MAR 4,1950".
const refS1 = {
  id: 'referral.s1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng; const to = doc.to_provider;
    const w = (s, n = 86) => { const out = []; let line = ''; for (const word of String(s).split(/\s+/)) { if ((line + ' ' + word).trim().length > n) { out.push(line); line = word; } else line = (line + ' ' + word).trim(); } if (line) out.push(line); return out; };
    const meds = doc.medications.length ? doc.medications.map((m) => `  ${m.name} ${m.strength} ${m.sig_abbrev}`) : ['  NONE'];
    const lines = [
      `                           MEDICAL RECORD -- CONSULTATION SHEET`,
      '-'.repeat(86),
      `${pad(nameVista(p), 34)} ID ${pad(doc.mrn, 14)} DOB: ${fileman(p.dob)}   AGE: ${p.age}`,
      '-'.repeat(86),
      `Current Pat. Status: Outpatient          Primary Eligibility: ${rng.pick(['NSC', 'SC LESS THAN 50%', 'SC 50% to 100%'])}`,
      `Order Information                         Cons No: ${rng.digits(6)}`,
      `To Service: ${doc.specialty.toUpperCase()} OUTPT`,
      `From: ${doc.facility.name.toUpperCase()}`,
      `Requesting Provider: ${provVista(doc.provider)}          Service is to be rendered on an OUTPATIENT basis`,
      `Place: Consultant's choice                Urgency: ${doc.urgency}`,
      `Attention: ${provName(to)}, ${doc.to_facility.name}`,
      `Orderable Item: ${doc.specialty.toUpperCase()} CONSULT     Consult: Consult Request`,
      `Request Date: ${vistaDt(doc.date_of_service + 'T' + zpad(rng.int(8, 16)) + ':' + zpad(rng.int(0, 59)))}`,
      '',
      'Provisional Diagnosis:',
      ...doc.diagnoses.map((d) => `  ${d.description} (ICD-10-CM ${d.code})`),
      '',
      'Reason For Request:',
      ...w(`Consult requested for ${doc.reason}. Patient has been followed in primary care; evaluation and recommendations for further management are requested.`).map((x) => '  ' + x),
      ...(doc.auth_number ? ['', `Community Care Authorization #: ${doc.auth_number}${doc.visits_authorized ? `   Visits authorized: ${doc.visits_authorized}` : ''}`] : []),
      '',
      'Active Outpatient Medications (including Supplies):',
      ...meds,
      '',
      `Allergies: ${doc.allergies.length ? doc.allergies.map((a) => a.substance.toUpperCase()).join(', ') : 'NO KNOWN ALLERGIES'}`,
      '',
      `Enclosed: ${doc.enclosures.join(', ')}`,
      '',
      `/es/ ${provVista(doc.provider)}  ${doc.provider.cred}`,
      `Signed: ${vistaDt(doc.date_of_service + 'T' + zpad(rng.int(16, 18)) + ':' + zpad(rng.int(0, 59)))}`,
      '-'.repeat(86),
      `${doc.facility.name}  ${fmtAddr(doc.facility.address)}  Fax ${fmtPhone(doc.facility.fax, 'dash')}`,
    ];
    const body = `<pre>${esc(lines.join('\n'))}</pre>`;
    const css = css0(f, 8.5) + `pre{font-family:'${f}';font-size:8.5pt;line-height:1.3;margin:0;white-space:pre}`;
    const footer = pageFooter(f, `${esc(nameVista(p))}  CONSULT REQUEST`, `SF 513 &nbsp; ${PN}`, 0.55, 7);
    return { css, body, footer, margins: M(0.55, 0.6, 0.55, 0.5), fonts: [f], gt: { name_printed: nameVista(p), diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / EOB =======================
// billing.s1 imitates a COMMERCIAL payer member EOB (Aetna / Cigna style): "Here's a summary of your claim"
// boxes (Amount billed / Your plan paid / Network savings / Your share), then "Claim details" with Service /
// Date / Amount billed / Member rate / Network discount / Deductible / Copay / Coinsurance / Plan paid / What
// you owe and remark codes, deductible-progress line; dates "Mar 14, 2024".
const billS1 = {
  id: 'billing.s1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const md = (iso) => fmtDate(iso, 'mon-d-y');
    const rows = doc.lines.map((l, i) => `<tr><td>${esc(l.description)}<div class="sm">Code ${l.cpt}${l.not_covered > 0 ? ' &middot; Remark A' + (i % 3 + 1) : ''}</div></td><td class="nb">${md(l.date)}</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.allowed)}</td><td class="r">${money(l.not_covered)}</td><td class="r">${money(l.deductible)}</td><td class="r">${money(l.copay)}</td><td class="r">${money(l.coinsurance)}</td><td class="r">${money(l.paid)}</td><td class="r b">${money(l.patient_resp)}</td></tr>`).join('');
    const dedMax = rng.pick([500, 1000, 1500, 2000]); const dedMet = Math.min(dedMax, Math.round(t.deductible + rng.int(0, 400)));
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.payer)}</div><div class="sm">${esc(doc.facility.address.line1)} &middot; ${esc(doc.facility.address.city)}, ${doc.facility.address.state} ${doc.facility.address.zip}</div></td>
      <td class="r"><div class="t">Explanation of Benefits</div><div class="b">THIS IS NOT A BILL</div><div class="sm">Statement date: ${md(doc.processed)}</div></td></tr></table>
      <table class="mem"><tr><td>Member: <b>${esc(nameFMdot(p))}</b><br>Member ID: ${doc.member_id}<br>Group: ${doc.group} &middot; ${esc(doc.plan_name)}</td>
      <td>Patient: <b>${esc(nameFMdot(p))}</b> (Self)<br>Date of Birth: ${md(p.dob)}<br>Claim ID: ${doc.claim_number}</td>
      <td>Provider: ${esc(provName(doc.provider))}<br>${esc(doc.client.name)}<br>Received: ${md(addDays(doc.processed, -rng.int(5, 20)))} &middot; Processed: ${md(doc.processed)}</td></tr></table>
      <div class="h">Here's a summary of your claim</div>
      <table class="sum"><tr><td><div class="cap">Amount billed</div><div class="big">${money(t.billed)}</div></td><td><div class="cap">Network savings</div><div class="big">${money(t.not_covered)}</div></td><td><div class="cap">Your plan paid</div><div class="big">${money(t.paid)}</div></td><td class="you"><div class="cap">Your share</div><div class="big">${money(t.patient_resp)}</div></td></tr></table>
      <div class="h">Claim details</div>
      <table class="cl"><thead><tr><th style="width:22%">Service</th><th>Date</th><th>Amount billed</th><th>Member rate</th><th>Network discount</th><th>Deductible</th><th>Copay</th><th>Co&shy;insurance</th><th>Plan paid</th><th>What you owe</th></tr></thead>
      <tbody>${rows}<tr class="tot"><td colspan="2">Total</td><td class="r">${money(t.billed)}</td><td class="r">${money(t.allowed)}</td><td class="r">${money(t.not_covered)}</td><td class="r">${money(t.deductible)}</td><td class="r">${money(t.copay)}</td><td class="r">${money(t.coinsurance)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.patient_resp)}</td></tr></tbody></table>
      <div class="owe">What you owe: <b>${money(t.patient_resp)}</b> &nbsp; <span class="sm">Your provider may bill you for this amount. Do not pay until you receive a bill.</span></div>
      <div class="h">Your deductible progress</div><p>In-network deductible: ${money(dedMet)} met of ${money(dedMax)} for this plan year.</p>
      <p class="sm"><b>Remarks.</b> A1: The member rate is the amount your plan has agreed to pay this in-network provider; the network discount is not owed. A2: Service paid at the in-network benefit level. A3: This service is subject to your plan's deductible. Questions? Call Member Services at ${fmtPhone(doc.facility.phone, 'one')}. You may request an appeal within 180 days of this statement.</p>`;
    const css = css0(f, 9) + `
      table.hd{width:100%;border-bottom:3px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:15pt;font-weight:bold}.sm{font-size:7pt}.t{font-size:15pt;font-weight:bold}
      table.mem{width:100%;margin:6pt 0} table.mem td{vertical-align:top;font-size:8.5pt;width:33%;padding-right:6pt}
      .h{font-size:11pt;font-weight:bold;margin:8pt 0 3pt 0}
      table.sum{width:100%;border-collapse:separate;border-spacing:5pt 0} table.sum td{border:1px solid #000;padding:3pt 6pt;width:25%} td.you{border:2.5px solid #000 !important}.cap{font-size:8pt}.big{font-size:14pt;font-weight:bold}
      table.cl{width:100%} table.cl th{font-size:7pt;text-align:right;border-bottom:1.5px solid #000;padding:1.5pt 2pt;vertical-align:bottom} table.cl th:first-child,table.cl th:nth-child(2){text-align:left}
      table.cl td{font-size:8pt;padding:2pt;border-bottom:0.5px solid #999;vertical-align:top} tr.tot td{font-weight:bold;border-top:1.5px solid #000}
      .owe{margin-top:6pt;border:1.5px solid #000;padding:3pt 6pt;font-size:10pt}`;
    const footer = pageFooter(f, `${esc(doc.payer)} &middot; Claim ID ${doc.claim_number}`, PN, 0.5, 7);
    return { css, body, footer, margins: M(0.5, 0.55, 0.5, 0.5), fonts: [f], gt: { name_printed: nameFMdot(p), billing: { kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: t.patient_resp } } };
  },
};

export default [coverS1, coverS2, labS1, labS2, labS3, labS4, labS5, labS6, dsS1, ovS1, ovS2, mlS1, imS1, radS1, refS1, billS1];
