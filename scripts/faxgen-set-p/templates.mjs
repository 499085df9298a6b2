// faxgen template set 'set-p': another stand-in for faxgen's held-out template set, written in session 19
// without looking at the extraction/structuring rules (src/sources/documents/structure/, .../pages/) and
// independent of set-a and of every earlier stand-in (set-q .. set-y, set-z): other layouts, typefaces and
// fax-header formats. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-p/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-p ...
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

const SET = 'set-p';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// DejaVu Sans Condensed / Nimbus Sans (sans), C059 / URW Bookman / DejaVu Serif Condensed (serif),
// Noto Mono / FreeMono (mono), Liberation Sans Narrow (narrow). Fax header line: DejaVu Sans Mono,
// Nimbus Sans Narrow or URW Bookman.
export const fonts = {
  [SET]: {
    sans: ['DejaVu Sans Condensed', 'Nimbus Sans'],
    serif: ['C059', 'URW Bookman', 'DejaVu Serif Condensed'],
    mono: ['Noto Mono', 'FreeMono'],
    narrow: ['Liberation Sans Narrow'],
    tti: ['DejaVu Sans Mono', 'Nimbus Sans Narrow', 'URW Bookman'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ord = (n) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] || 'th'}`;
/** March 14th, 2024 */
const longOrd = (iso) => { const d = parseIso(iso); return `${MONTH[d.getUTCMonth()]} ${ord(d.getUTCDate())}, ${d.getUTCFullYear()}`; };
/** 14.03.2024 */
const dotDMY = (iso) => { const d = parseIso(iso); return `${zpad(d.getUTCDate())}.${zpad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`; };
/** 2024/03/14 */
const ymdSlash = (iso) => iso.slice(0, 10).replace(/-/g, '/');
/** 03/14/24-0815 (Meditech) */
const mtDT = (iso) => `${fmtDate(iso, 'us-short')}-${fmtTime(iso, '24c')}`;
/** 14 March 2024 */
const dMonthY = (iso) => { const d = parseIso(iso); return `${d.getUTCDate()} ${MONTH[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };
const sexWord = (p) => (p.sex === 'F' ? 'Female' : 'Male');

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // eFax Corporate delivery banner with a GMT offset and sender -> recipient numbers:
    // "eFax Corporate  2024-03-14 10:32 (GMT-05:00)  From 217 555 0146 To 217 555 0199  SENDER  Page 2 of 5"
    (t) => [`eFax Corporate`, `${fmtDate(t.dt, 'iso')} ${fmtTime(t.dt, '24')} (GMT-0${5 + (t.job % 3)}:00)`, `From ${t.fax.area} ${t.fax.exch} ${t.fax.line} To ${t.toFax.area} ${t.toFax.exch} ${t.toFax.line}`, t.sender.slice(0, 24), `Page ${t.page} of ${t.total}`],
    // Canon i-SENSYS / imageCLASS with the European date setting (day-first, dotted), "+1" number, "Pg.002/005":
    // "14.03.2024 10:32  +1 217 555 0146  SENDER  Pg.002/005"
    (t) => [`${dotDMY(t.dt)} ${fmtTime(t.dt, '24')}`, `+1 ${t.fax.area} ${t.fax.exch} ${t.fax.line}`, t.sender.toUpperCase().slice(0, 26), `Pg.${zpad(t.page, 3)}/${zpad(t.total, 3)}`],
    // Esker / Zetafax server labelled fields, ordinal long date, seconds in the time, "Page 2 (of 5)":
    // "Date: March 14th, 2024  Time: 10:32:07  From: SENDER  Fax: 217-555-0146  Page 2 (of 5)"
    (t) => [`Date: ${longOrd(t.dt)}`, `Time: ${fmtTime(t.dt, '24')}:${zpad(t.sec)}`, `From: ${t.sender.slice(0, 22)}`, `Fax: ${fmtPhone(t.fax, 'dash')}`, `Page ${t.page} (of ${t.total})`],
  ],
};

// ---------------------------------------------------------------- helpers
function panelsWith(doc, opts, spell) {
  const panels = labPanels(doc, { ...opts, flagStyle: 'HL' });
  for (const P of panels) for (const r of P.rows) { r.flagPrinted = r.flag ? spell[r.flag] : ''; r.gt.flag_printed = r.flagPrinted || null; }
  return panels;
}
const noRange = (panels) => { for (const P of panels) for (const r of P.rows) { r.gt.reference_range = null; r.gt.reference_low = null; r.gt.reference_high = null; } };
const pageFooter = (f, left, right, pad = 0.6) => `<div style="font-family:'${f}';font-size:7pt;box-sizing:border-box;width:100%;padding:0 ${pad}in;display:flex;justify-content:space-between"><span>${left}</span><span>${right}</span></div>`;
const PN = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
const radGt = (doc) => ({ exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads });
const immGt = (s) => ({ vaccine: s.vaccine, vaccine_printed: s.vaccine, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: s.lot, site: s.site });
/** "TESTBURY Harold J" (European surname-first, no comma) */
const surFirst = (p) => `${p.last.toUpperCase()} ${p.first}${p.middle ? ' ' + p.middle[0] : ''}`;

// ======================= FAX COVER SHEETS =======================
// cover.p1: law-office / records-retrieval "TELECOPIER TRANSMISSION" cover: a MATRIX whose rows are the
// parties (TO / FROM) and whose columns are NAME / COMPANY / TELECOPY NO. / TELEPHONE NO., the date as
// "March 14th, 2024", "TOTAL NUMBER OF PAGES (INCLUDING THIS PAGE): 5", a client/matter line.
const coverP1 = {
  id: 'cover.p1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'serif'); const s = doc.from_facility; const rng = env.rng;
    const body = `
      <div class="lh">${esc(s.name.toUpperCase())}</div><div class="ad">${esc(fmtAddr(s.address))}</div>
      <div class="t">TELECOPIER TRANSMISSION</div>
      <table class="kv"><tr><td>DATE:</td><td>${longOrd(doc.date_of_service)}</td></tr><tr><td>CLIENT/MATTER NO.:</td><td>${rng.digits(5)}-${rng.digits(3)}</td></tr></table>
      <table class="mx"><tr><th></th><th>NAME</th><th>COMPANY</th><th>TELECOPY NO.</th><th>TELEPHONE NO.</th></tr>
      <tr><th>TO</th><td>${esc(doc.to_name)}</td><td>${esc(doc.to_org || '')}</td><td>${fmtPhone(doc.to_fax)}</td><td>${doc.to_phone ? fmtPhone(doc.to_phone) : ''}</td></tr>
      <tr><th>FROM</th><td>${esc(doc.from_person)}</td><td>${esc(s.name)}</td><td>${fmtPhone(s.fax)}</td><td>${fmtPhone(s.phone)}</td></tr></table>
      <p class="pg">TOTAL NUMBER OF PAGES (INCLUDING THIS PAGE): <b>${doc.pages}</b></p>
      <p><b>RE:</b> ${esc(doc.re)}${doc.urgent ? ' &nbsp; <b>[URGENT]</b>' : ''}</p>
      <p><b>MESSAGE:</b></p><div class="msg">${esc(doc.message)}</div>
      <div class="conf">THE INFORMATION CONTAINED IN THIS TELECOPY IS CONFIDENTIAL AND MAY CONTAIN PROTECTED HEALTH INFORMATION. IT IS INTENDED ONLY FOR THE USE OF THE ADDRESSEE NAMED ABOVE. IF YOU ARE NOT THE INTENDED RECIPIENT, ANY DISSEMINATION, DISTRIBUTION OR COPYING OF THIS COMMUNICATION IS STRICTLY PROHIBITED. IF YOU HAVE RECEIVED THIS TELECOPY IN ERROR, PLEASE NOTIFY US BY TELEPHONE AT ${fmtPhone(s.phone)}.</div>
      <p class="sm">IF YOU DO NOT RECEIVE ALL PAGES, PLEASE CALL ${fmtPhone(s.phone)} AS SOON AS POSSIBLE.</p>`;
    const css = baseCss(f, 10.5) + `
      .lh{text-align:center;font-size:15pt}.ad{text-align:center;font-size:8.5pt;border-bottom:1px solid #000;padding-bottom:4pt}
      .t{text-align:center;font-size:17pt;font-weight:bold;letter-spacing:3pt;margin:16pt 0 12pt 0}
      table.kv td{padding:2pt 10pt 2pt 0} table.mx{width:100%;margin:10pt 0} table.mx th{text-align:left;font-size:8.5pt;border-bottom:1px solid #000;padding:3pt} table.mx td{padding:6pt 3pt;border-bottom:1px solid #999;font-size:10pt}
      .pg{margin-top:8pt}.msg{min-height:150pt;border:1px solid #000;padding:6pt}.conf{margin-top:14pt;font-size:7.5pt}.sm{font-size:8pt;margin-top:8pt}`;
    return { css, body, margins: M(0.7, 0.7, 0.9, 0.9), fonts: [f] };
  },
};

// cover.p2: OpenText RightFax server-generated cover page (hospital fax server): boxed "FAX" banner with the
// server name, two-column field form "To Name / To Company / To Fax Number / To Voice Number" |
// "From Name / From Company / From Fax Number / From Voice Number", "Date/Time: 2024/03/14 10:32",
// "Number of Pages:", "Billing Code:", "Unique ID:", the notes block, "Sent by RightFax".
const coverP2 = {
  id: 'cover.p2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility; const rng = env.rng;
    const kv = (k, v) => `<tr><td class="k">${k}</td><td>${v}</td></tr>`;
    const body = `
      <table class="bn"><tr><td class="fx">FAX</td><td><div class="fn">${esc(s.name)}</div><div class="sm">${esc(fmtAddr(s.address))}</div></td></tr></table>
      <div class="two"><table>${kv('To Name:', esc(doc.to_name))}${kv('To Company:', esc(doc.to_org || ''))}${kv('To Fax Number:', fmtPhone(doc.to_fax, 'dash'))}${kv('To Voice Number:', doc.to_phone ? fmtPhone(doc.to_phone, 'dash') : '')}</table>
      <table>${kv('From Name:', esc(doc.from_person))}${kv('From Company:', esc(s.name))}${kv('From Fax Number:', fmtPhone(s.fax, 'dash'))}${kv('From Voice Number:', fmtPhone(s.phone, 'dash'))}</table></div>
      <table class="mt">${kv('Date/Time:', `${ymdSlash(doc.date_of_service)} ${fmtTime(doc.datetime, '24')}`)}${kv('Number of Pages:', `${doc.pages} (including cover)`)}${kv('Subject:', esc(doc.re))}${kv('Priority:', doc.urgent ? 'URGENT' : 'Normal')}${kv('Billing Code:', rng.digits(6))}${kv('Unique ID:', `RF${rng.digits(8)}`)}</table>
      <div class="nh">Notes:</div><div class="msg">${esc(doc.message)}</div>
      <div class="conf">This facsimile may contain Protected Health Information. Federal and state law prohibit redisclosure without the written consent of the patient. If you received this in error, call ${fmtPhone(s.phone, 'dash')}.</div>
      <div class="ap">Sent by RightFax &middot; Fax server ${esc(s.name.split(' ')[0].toUpperCase())}-FX0${rng.int(1, 4)}</div>`;
    const css = baseCss(f, 10) + `
      table.bn{width:100%;border:2px solid #000} table.bn td{padding:6pt;vertical-align:middle} td.fx{font-size:34pt;font-weight:bold;background:#000;color:#fff;width:1.4in;text-align:center}.fn{font-size:14pt;font-weight:bold}.sm{font-size:8pt}
      .two{display:flex;gap:20pt;margin-top:16pt}.two table{flex:1} td.k{font-weight:bold;padding:4pt 8pt 4pt 0;white-space:nowrap;font-size:9pt} td{padding:4pt 0}
      table.mt{margin-top:12pt;border-top:1px solid #000;width:100%}.nh{font-weight:bold;margin-top:10pt}.msg{border:1px solid #000;min-height:150pt;padding:6pt}
      .conf{margin-top:14pt;font-size:7.5pt}.ap{margin-top:24pt;font-size:7.5pt;text-align:right}`;
    return { css, body, margins: M(0.7, 0.7, 0.8, 0.8), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.p1 (hospital): MEDITECH MAGIC / C/S "LAB REPORT" chart print, monospace: header block
// "RUN DATE: 03/14/24  RUN TIME: 1032", "PATIENT: TESTBURY,HAROLD J   ACCT #: V000...   U #: M000...",
// "AGE/SX: 74/M  DOB: 03/04/1950", "SPEC #: 0314:C00123R  COLL: 03/14/24-0815  RECD: ...", then per
// department "Test / Result / Flag / Reference / Units" with the range in SQUARE BRACKETS "[65-99]".
const labP1 = {
  id: 'lab.p1', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'caps', rangeStyle: 'h' }, { H: 'H', L: 'L', A: 'A' });
    for (const P of panels) for (const r of P.rows) if (r.range) { r.range = `[${r.range}]`; r.gt.reference_range = r.range; }
    const name = `${p.last.toUpperCase()},${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`;
    const W = (s, n) => esc(String(s ?? '').padEnd(n - 1) + ' ');
    const lines = [];
    for (const P of panels) {
      lines.push('', `<b>${esc(P.name.toUpperCase())}</b>`, `${W('Test', 34)}${W('Result', 10)}${W('Flag', 6)}${W('Reference', 18)}Units`);
      for (const r of P.rows) lines.push(`${W(r.name, 34)}${W(r.value, 10)}${W(r.flagPrinted, 6)}${W(r.range, 18)}${esc(r.unit ?? '')}`);
    }
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const spec = `${doc.collected.slice(5, 7)}${doc.collected.slice(8, 10)}:C${rng.digits(5)}R`;
    const body = `
      <div class="hd"><b>${esc(doc.facility.name.toUpperCase())}</b>   LAB REPORT   ${esc(doc.status.toUpperCase())}</div>
      <pre>RUN DATE: ${fmtDate(doc.reported, 'us-short')}   RUN TIME: ${fmtTime(doc.reported, '24c')}   RUN USER: LAB.${rng.letters(3)}
PATIENT: <b>${esc(name)}</b>      ACCT #: V${rng.digits(9)}     U #: M${rng.digits(9)}
AGE/SX: ${ageOn(p.dob, doc.collected)}/${p.sex}     DOB: ${fmtDate(p.dob, 'us')}     LOC: ${rng.pick(['ER', 'MED', '3W', 'OPL'])}     STATUS: ${rng.pick(['REG ER', 'ADM IN', 'REG REF'])}
ATTEND DR: ${esc(provLF(doc.provider, true))}        OTHER DR: ${esc(provLF(doc.pcp || doc.provider, true))}
SPEC #: ${spec}   COLL: ${mtDT(doc.collected)}   RECD: ${mtDT(doc.received)}   STATUS: COMP
${lines.join('\n')}
</pre>
      <div class="nt">Flags: H = high, L = low, A = abnormal. Reference ranges in [ ]. Verified ${mtDT(doc.reported)} by ${esc(doc.techId)}. Lab Director ${esc(provName(doc.lab_director))}, CLIA ${doc.clia}.</div>`;
    const css = baseCss(f, 8.6) + `.hd{border-bottom:1px solid #000;padding-bottom:2pt;font-size:9pt} pre{font-family:'${f}';font-size:8.3pt;line-height:1.3;margin:4pt 0;white-space:pre}.nt{font-size:7.5pt;margin-top:8pt}`;
    const footer = pageFooter(f, `${esc(name)}  ${spec}`, `PAGE <span class="pageNumber"></span>`);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.5), fonts: [f], gt: { lab_results: gt, name_printed: name, performing_lab: doc.facility.name } };
  },
};

// lab.p2 (reflab): European private laboratory report in English (international / expat clinic
// lab, German/Swiss "Befund" manner): dotted day-first dates "14.03.2024", patient "TESTBURY Harold J"
// (surname first in capitals, no comma), "Date of birth 04.03.1950", columns Parameter / Result / Unit /
// Reference range / a GRAPHICAL RANGE BAR (drawn, no text), flags as ARROWS "↑" / "↓" / "!" after the value.
const labP2 = {
  id: 'lab.p2', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Alpenrose Medical Laboratory', 'Rheinfeld Diagnostics International'],
  render(doc, env) {
    const f = 'DejaVu Sans Condensed'; const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: '↑', L: '↓', A: '!' });
    const bar = (r) => {
      const lo = r.gt.reference_low, hi = r.gt.reference_high, v = r.gt.value_numeric;
      if (v === null || lo === null || hi === null || hi <= lo) return '';
      const x = Math.max(2, Math.min(78, 20 + ((v - lo) / (hi - lo)) * 40));
      return `<svg width="80" height="9" viewBox="0 0 80 9"><rect x="20" y="2" width="40" height="5" fill="#bbb"/><line x1="0" y1="4.5" x2="80" y2="4.5" stroke="#000" stroke-width="0.6"/><rect x="${(x - 1.5).toFixed(1)}" y="0" width="3" height="9" fill="#000"/></svg>`;
    };
    const rowsHtml = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="v">${r.flag ? '<b>' : ''}${esc(r.value)}${r.flag ? ' ' + esc(r.flagPrinted) + '</b>' : ''}</td><td class="nb">${esc(r.unit)}</td><td>${esc(r.range)}</td><td>${bar(r)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <table class="top"><tr><td><div class="lname">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Tel. ${fmtPhone(doc.facility.phone, 'dash')}<br>Accredited laboratory &middot; CLIA ${doc.clia}</div></td><td class="r">${logoSvg(rng, 'leaf', 36)}</td></tr></table>
      <table class="adr"><tr><td>${esc(provName(doc.provider))}<br>${esc(doc.client.name)}<br>${esc(doc.client.address?.line1 || '')}</td>
      <td><table class="kv"><tr><td>Patient</td><td><b>${esc(surFirst(p))}</b></td></tr><tr><td>Date of birth</td><td>${dotDMY(p.dob)}</td></tr><tr><td>Sex</td><td>${p.sex === 'F' ? 'female' : 'male'}</td></tr>
      <tr><td>Lab no.</td><td>${doc.accession}</td></tr><tr><td>Sample taken</td><td>${dotDMY(doc.collected)} ${fmtTime(doc.collected, '24')}</td></tr><tr><td>Received</td><td>${dotDMY(doc.received)} ${fmtTime(doc.received, '24')}</td></tr><tr><td>Report</td><td>${dotDMY(doc.reported)} &ndash; ${esc(doc.status)}</td></tr></table></td></tr></table>
      <div class="tt">Laboratory findings</div>
      <table class="res"><thead><tr><th style="width:38%">Parameter</th><th style="width:13%">Result</th><th style="width:12%">Unit</th><th style="width:17%">Reference range</th><th></th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <div class="keep lg">↑ above reference range &nbsp; ↓ below reference range &nbsp; ! pathological. Medically validated by ${esc(provName(doc.lab_director))}, specialist in laboratory medicine.</div>`;
    const css = baseCss(f, 9) + `
      table.top{width:100%;border-bottom:1px solid #000} table.top td{vertical-align:bottom;padding-bottom:3pt}.lname{font-size:14pt}.sm{font-size:7.5pt}
      table.adr{width:100%;margin:8pt 0} table.adr>tbody>tr>td{vertical-align:top;width:50%;font-size:9pt} table.kv td{padding:0.5pt 8pt 0.5pt 0;font-size:8.5pt}
      .tt{font-size:12pt;font-weight:bold;margin:4pt 0}
      table.res{width:100%} table.res th{text-align:left;font-size:8pt;font-weight:normal;font-style:italic;border-bottom:1px solid #000;padding:2pt} table.res td{padding:1.2pt 2pt;vertical-align:middle}
      tr.ph td{font-weight:bold;padding-top:6pt;border-bottom:0.5px solid #888} td.tn{padding-left:8pt}.lg{margin-top:10pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(surFirst(p))}, ${dotDMY(p.dob)} &middot; ${doc.accession}`, `Page <span class="pageNumber"></span>/<span class="totalPages"></span>`);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: surFirst(p), performing_lab: doc.labName } };
  },
};

// lab.p3 (clinic): primary-care / specialist CONSULT NOTE with the labs written INLINE as run-on text
// (typed or pasted into the note as a paragraph per panel): "CBC (3/14/2024): WBC 7.2, Hgb 9.6 g/dL (L),
// Plt 250 ..." — abbreviated names, units printed after the value when the test has them, flag "(L)" /
// "(H)" / "(abn)" after the unit, comma-separated, NO reference ranges (gt reference_range null).
const labP3 = {
  id: 'lab.p3', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Meadowlark Reference Lab', 'Bay Crest Laboratories'],
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'abbr', rangeStyle: 'e' }, { H: '(H)', L: '(L)', A: '(abn)' });
    noRange(panels);
    const when = fmtDate(doc.collected, 'us-nopad');
    const paras = panels.map((P) => `<p class="lb"><b>${esc(P.name)} (${when}):</b> ${P.rows.map((r) => `<span class="nb">${esc(r.name)} ${esc(r.value)}${r.unit ? ' ' + esc(r.unit) : ''}${r.flag ? ' ' + esc(r.flagPrinted) : ''}</span>`).join(', ')}.</p>`).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <div class="lh">${esc(doc.facility.name)}</div><div class="ad">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div>
      <div class="t">Lab Review Note</div>
      <table class="id"><tr><td>Patient: <b>${esc(nameFML(p))}</b></td><td>Date of birth: ${fmtDate(p.dob, 'month-d-y')}</td><td>Chart: ${esc(doc.mrn)}</td></tr>
      <tr><td>Provider: ${esc(provName(doc.provider))}</td><td>Note date: ${fmtDate(doc.reported, 'month-d-y')}</td><td>Lab: ${esc(doc.performingLab)}</td></tr></table>
      <p>${esc(p.first)} is seen for review of recent laboratory results drawn on ${fmtDate(doc.collected, 'month-d-y')} (${doc.fasting === 'Y' ? 'fasting' : 'non-fasting'}). ${rng.pick(['Results were discussed with the patient by telephone.', 'Patient reviewed results in the office today.', 'Results reviewed; patient notified through the portal.'])}</p>
      <h4>Results</h4>${paras}
      <h4>Assessment and plan</h4><p>${rng.pick(['Abnormal values noted above; will repeat in 3 months.', 'Continue current therapy. Recheck at next visit.', 'Values reviewed; no change to management at this time.'])}</p>
      <div class="keep sg">${signatureSvg(rng, 130, 32)}${esc(provName(doc.provider))}</div>`;
    const css = baseCss(f, 10) + `
      .lh{font-size:14pt;font-weight:bold}.ad{font-size:8pt;border-bottom:1px solid #000;padding-bottom:3pt}.t{font-size:13pt;margin:8pt 0 4pt 0;font-style:italic}
      table.id{width:100%;margin-bottom:6pt} table.id td{padding:1pt 6pt 1pt 0;font-size:9pt} h4{font-size:10.5pt;margin:8pt 0 3pt 0}.lb{margin:0 0 5pt 0;line-height:1.35;break-inside:avoid}.sg{margin-top:12pt}`;
    const footer = pageFooter(f, `${esc(nameFML(p))} &middot; DOB ${fmtDate(p.dob, 'us-nopad')}`, PN);
    return { css, body, footer, margins: M(0.6, 0.6, 0.8, 0.8), fonts: [f], gt: { lab_results: gt, name_printed: nameFML(p), performing_lab: doc.performingLab } };
  },
};

// lab.p4 (reflab): reference-lab report that opens with a boxed "SUMMARY OF ABNORMAL RESULTS" (each
// out-of-range result once, Test / Result / Status / Reference) and then prints the COMPLETE results
// table (the abnormal ones a second time): Test / Result / Units / Status / Reference Interval, status as
// words "High" / "Low" / "Abnormal" (empty when normal), dates "March 14th, 2024", name first-last.
const labP4 = {
  id: 'lab.p4', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Keystone Clinical Reference Lab', 'Prairie Gate Laboratories'],
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'full', rangeStyle: 'l' }, { H: 'High', L: 'Low', A: 'Abnormal' });
    const ab = panels.flatMap((P) => P.rows.filter((r) => r.flag));
    const summary = ab.length ? `<table class="sum"><tr><th colspan="4">SUMMARY OF ABNORMAL RESULTS</th></tr>${ab.map((r) => `<tr><td>${esc(r.name)}</td><td>${esc(r.value)} ${esc(r.unit ?? '')}</td><td>${esc(r.flagPrinted)}</td><td>${esc(r.range)}</td></tr>`).join('')}</table>` : `<div class="nsum">No abnormal results.</div>`;
    const rowsHtml = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td>${esc(r.unit)}</td><td class="b">${esc(r.flagPrinted)}</td><td>${esc(r.range)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <table class="top"><tr><td>${logoSvg(rng, 'star', 34)}</td><td><div class="lname">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r sm">Laboratory Report<br>${esc(doc.status)}</td></tr></table>
      <table class="id"><tr><td><span class="c">Patient</span><br><b>${esc(nameFML(p))}</b></td><td><span class="c">Birth date</span><br>${longOrd(p.dob)}</td><td><span class="c">Gender</span><br>${sexWord(p)}</td><td><span class="c">Patient ID</span><br>${esc(doc.mrn)}</td></tr>
      <tr><td><span class="c">Ordering provider</span><br>${esc(provName(doc.provider))}</td><td><span class="c">Collected</span><br>${longOrd(doc.collected)} ${fmtTime(doc.collected, '12n')}</td><td><span class="c">Reported</span><br>${longOrd(doc.reported)}</td><td><span class="c">Requisition</span><br>${doc.specimen_id}</td></tr></table>
      ${summary}
      <div class="tt">COMPLETE RESULTS</div>
      <table class="res"><thead><tr><th style="width:40%">Test</th><th style="width:11%">Result</th><th style="width:13%">Units</th><th style="width:11%">Status</th><th>Reference Interval</th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <div class="keep lg">Performing laboratory: ${esc(doc.labName)}, ${esc(fmtAddr(doc.facility.address))}. Director: ${esc(provName(doc.lab_director))}. CLIA ${doc.clia}.</div>`;
    const css = baseCss(f, 9) + `
      table.top{width:100%;border-bottom:2px solid #000} table.top td{vertical-align:middle;padding:0 6pt 3pt 0}.lname{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}
      table.id{width:100%;margin:6pt 0} table.id td{padding:2pt 4pt;font-size:9pt;vertical-align:top;border:0.5px solid #999}.c{font-size:6.5pt;text-transform:uppercase}
      table.sum{width:100%;border:2px solid #000;margin:6pt 0} table.sum th{background:#000;color:#fff;text-align:left;padding:3pt;font-size:9pt} table.sum td{padding:1.5pt 4pt}.nsum{border:1px solid #000;padding:3pt;margin:6pt 0}
      .tt{font-weight:bold;margin-top:8pt;font-size:10pt}
      table.res{width:100%} table.res th{text-align:left;font-size:8pt;border-bottom:1.5px solid #000;padding:2pt} table.res td{padding:1.3pt 2pt}
      tr.ph td{font-weight:bold;padding-top:5pt;font-style:italic} td.tn{padding-left:8pt}.lg{margin-top:10pt;font-size:7pt}`;
    const footer = pageFooter(f, `${esc(nameFML(p))} &middot; ${esc(doc.mrn)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nameFML(p), performing_lab: doc.labName } };
  },
};

// lab.p5 (clinic): Quest Quanum / Care360 "RESULT DETAIL" print where EVERY RESULT IS ITS OWN SMALL BLOCK with
// small captions OVER its values (RESULT | FLAG | UNITS | REFERENCE RANGE | STATUS repeated per test, the
// test name as the block title), flags "High" / "Low" / "Abnl", patient strip "Testbury, Harold J | DOB
// 1950/03/04 | Male | Chart ID …", dates year-first with slashes "2024/03/14 08:15".
const labP5 = {
  id: 'lab.p5', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Great Lakes Outreach Lab', 'Sandstone Reference Laboratory'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient;
    const panels = panelsWith(doc, { unitStyle: 'q', nameStyle: 'full', rangeStyle: 'e' }, { H: 'High', L: 'Low', A: 'Abnl' });
    const blocks = panels.map((P) => `<div class="pn">${esc(P.name)}</div>` + P.rows.map((r) =>
      `<table class="blk"><tr><td class="tn" colspan="5">${esc(r.name)}</td></tr><tr class="cap"><td>RESULT</td><td>FLAG</td><td>UNITS</td><td>REFERENCE RANGE</td><td>STATUS</td></tr>
      <tr><td class="v">${esc(r.value)}</td><td class="b">${esc(r.flagPrinted)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td><td>${doc.status === 'Corrected' ? 'Corrected' : 'Final'}</td></tr></table>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <div class="bar">Result Detail</div>
      <div class="ps"><b>${esc(nameLF(p))}</b> &nbsp;|&nbsp; DOB ${ymdSlash(p.dob)} &nbsp;|&nbsp; ${sexWord(p)} &nbsp;|&nbsp; Chart ID ${esc(doc.mrn)}</div>
      <table class="kv"><tr><td>Ordering Provider</td><td>${esc(provName(doc.provider))}</td><td>Lab</td><td>${esc(doc.performingLab)}</td></tr>
      <tr><td>Collection Date</td><td>${ymdSlash(doc.collected)} ${fmtTime(doc.collected, '24')}</td><td>Lab Reference #</td><td>${doc.accession}</td></tr>
      <tr><td>Result Date</td><td>${ymdSlash(doc.reported)} ${fmtTime(doc.reported, '24')}</td><td>Practice</td><td>${esc(doc.facility.name)}</td></tr></table>
      ${blocks}
      <div class="keep lg">Printed from the results inbox of ${esc(doc.facility.name)}.</div>`;
    const css = baseCss(f, 8.8) + `
      .bar{background:#333;color:#fff;font-size:12pt;font-weight:bold;padding:3pt 6pt}.ps{border-bottom:1px solid #000;padding:3pt 0;font-size:9.5pt}
      table.kv{width:100%;margin:4pt 0 6pt 0} table.kv td{padding:1pt 6pt 1pt 0;font-size:8.5pt} table.kv td:nth-child(odd){color:#333;width:17%}
      .pn{font-weight:bold;font-size:10pt;margin-top:6pt;border-bottom:1.5px solid #000}
      table.blk{break-inside:avoid;width:100%;margin:2pt 0 1pt 0;border-bottom:0.5px dotted #555} table.blk td{padding:0.5pt 3pt;width:20%} td.tn{font-weight:bold;padding-top:2pt}
      tr.cap td{font-size:6pt;color:#222}.lg{margin-top:10pt;font-size:7pt}`;
    const footer = pageFooter(f, `${esc(nameLF(p))} &middot; DOB ${ymdSlash(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nameLF(p), performing_lab: doc.performingLab } };
  },
};

// lab.p6 (hospital): Kaiser-style AFTER VISIT SUMMARY "Your Test Results" section: each test on TWO lines —
// the name in bold, then "Your value: 184 mg/dL (High) · Standard range: 65 - 99 mg/dL" (units repeated
// in the range text), flags as words in parentheses "(High)" / "(Low)" / "(Abnormal)".
const labP6 = {
  id: 'lab.p6', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: '(High)', L: '(Low)', A: '(Abnormal)' });
    for (const P of panels) for (const r of P.rows) if (r.range && r.unit && r.gt.value_numeric !== null) { r.range = `${r.range} ${r.unit}`; r.gt.reference_range = r.range; }
    const sec = panels.map((P) => `<div class="pn">${esc(P.name)} <span class="sm">(collected ${fmtDate(doc.collected, 'mon-d-y')})</span></div>` + P.rows.map((r) =>
      `<div class="it keep"><div class="tn">${esc(r.name)}</div><div class="vl">Your value: <b>${esc(r.value)}${r.unit ? ' ' + esc(r.unit) : ''}</b>${r.flag ? ' ' + esc(r.flagPrinted) : ''} &nbsp;&middot;&nbsp; Standard range: ${esc(r.range || 'not established')}</div></div>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <div class="hd"><div class="fn">${esc(doc.facility.name)}</div><div class="t">AFTER VISIT SUMMARY</div></div>
      <div class="nm">${esc(nameFL(p))}</div><div class="sm">Date of birth: ${fmtDate(p.dob, 'month-d-y')} &middot; Medical record number: ${esc(doc.mrn)}</div>
      <div class="box">Visit on ${fmtDate(doc.collected, 'month-d-y')} with ${esc(provName(doc.provider))}. ${rng.pick(['Thank you for choosing us for your care.', 'Please review the information below.'])}</div>
      <h3>Your Test Results</h3>${sec}
      <h3>What's next</h3><p>${rng.pick(['Your doctor will contact you if any follow-up is needed.', 'Schedule a follow-up visit in 3 months.', 'Sign in to the member website to message your care team.'])}</p>`;
    const css = baseCss(f, 9.5) + `
      .hd{display:flex;justify-content:space-between;border-bottom:3px solid #000;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.t{font-size:12pt}
      .nm{font-size:16pt;font-weight:bold;margin-top:8pt}.sm{font-size:8pt}.box{border:1px solid #000;padding:4pt;margin:6pt 0}
      h3{font-size:12pt;margin:10pt 0 4pt 0}.pn{font-weight:bold;font-size:10pt;margin-top:5pt;border-bottom:1px solid #888}
      .it{margin:2pt 0 2pt 8pt}.tn{font-weight:bold;font-size:9pt}.vl{font-size:9pt;padding-left:10pt}`;
    const footer = pageFooter(f, `${esc(nameFL(p))} (MRN ${esc(doc.mrn)})`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f], gt: { lab_results: gt, name_printed: nameFL(p), performing_lab: doc.facility.name } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.p1: UK NHS-style "DISCHARGE LETTER / TTO" (hospital-to-GP letter) as used by international
// hospital groups: "Dear Dr …", patient block "Mr Harold TESTBURY", dates day-first "10.03.2024", diagnoses
// "Primary diagnosis" / "Co-morbidities" as "I10 – …", medicines table Drug / Dose / Route / Frequency /
// Status ("New" / "Dose changed" / "Unchanged" / "Stopped"), "Information for GP" section.
const dsP1 = {
  id: 'discharge.p1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const title = `${p.sex === 'F' ? 'Mrs' : 'Mr'} ${p.first} ${p.last.toUpperCase()}`;
    const st = { New: 'New', Changed: 'Dose changed', Continue: 'Unchanged', Stop: 'Stopped' };
    const meds = doc.medications.map((m) => `<tr><td>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>${esc(m.frequency)}</td><td>${st[m.status] || esc(m.status)}</td></tr>`).join('');
    const pr = doc.diagnoses.find((d) => d.principal); const other = doc.diagnoses.filter((d) => !d.principal);
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))}<br>Switchboard ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><div class="t">DISCHARGE LETTER</div><div class="sm">Ward ${rng.pick(['7B', 'Cedar', 'Oak', '4 North'])} &middot; Consultant ${esc(provName(doc.provider))}</div></td></tr></table>
      <table class="pt"><tr><td>Patient</td><td><b>${esc(title)}</b></td><td>Hospital no.</td><td>${esc(doc.mrn)}</td></tr>
      <tr><td>Date of birth</td><td>${dotDMY(p.dob)}</td><td>Admitted</td><td>${dotDMY(doc.admit_date)}</td></tr>
      <tr><td>GP</td><td>${esc(doc.pcp ? provName(doc.pcp) : '')}</td><td>Discharged</td><td>${dotDMY(doc.discharge_date)}</td></tr></table>
      <p>Dear ${esc(doc.pcp ? 'Dr ' + doc.pcp.last : 'Colleague')},</p>
      <p>Your patient was admitted under our care with ${esc(doc.reason)} and was discharged on ${dotDMY(doc.discharge_date)}.</p>
      <h4>Primary diagnosis</h4><p>${pr ? `${pr.code} &ndash; ${esc(pr.description)}` : ''}</p>
      ${other.length ? `<h4>Co-morbidities</h4><p>${other.map((d) => `${d.code} &ndash; ${esc(d.description)}`).join('<br>')}</p>` : ''}
      <h4>Clinical summary</h4><p>${esc(doc.hpi)} ${doc.course.map(esc).join(' ')}</p>
      ${doc.procedures.length ? `<h4>Procedures</h4><p>${doc.procedures.map(esc).join('; ')}</p>` : ''}
      <h4>Allergies / adverse reactions</h4><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join(', ') : 'None known'}</p>
      <h4>Medicines on discharge (TTO)</h4>
      <table class="md"><tr><th>Drug</th><th>Directions</th><th>Frequency</th><th>Status</th></tr>${meds}</table>
      <h4>Information for GP</h4><p>${doc.followup.map(esc).join('. ')}. ${doc.pending.length ? 'Results pending at discharge: ' + doc.pending.map(esc).join(', ') + '.' : ''} Condition on discharge: ${esc(doc.condition)}. Discharged to: ${esc(doc.disposition)}.</p>
      <div class="keep">Yours sincerely,<br>${signatureSvg(rng, 130, 30)}${esc(provName(doc.provider))}<br><span class="sm">Typed ${dotDMY(doc.dictated)}</span></div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}
      table.pt{width:100%;margin:6pt 0;background:#eee} table.pt td{padding:2pt 5pt} h4{font-size:10pt;margin:7pt 0 2pt 0;color:#000;text-decoration:underline}
      table.md{width:100%} table.md th{text-align:left;border-bottom:1px solid #000;font-size:8.5pt;padding:2pt} table.md td{padding:1.5pt 2pt;border-bottom:0.5px solid #aaa;font-size:9pt}`;
    const footer = pageFooter(f, `${esc(title)} &middot; ${dotDMY(p.dob)} &middot; ${esc(doc.mrn)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: title, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.p1: athenaOne ENCOUNTER SUMMARY print: patient line "TESTBURY, Harold J  74yo M  DOB:
// 1950/03/04  ID #…", "Encounter Date: 2024/03/14", "HPI", "ROS", vitals in athena's semicolon list
// ("BP: 132/84 sitting L arm; Pulse: 72 bpm; Temp: 98.6 F; RR: 16; SpO2: 97%; Ht: 5 ft 10 in; Wt: 180 lbs;
// BMI: 25.8"), "ASSESSMENT / PLAN" with "1. Essential hypertension - I10:" followed by plan lines.
const ovP1 = {
  id: 'office_visit.p1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const v = doc.vitals;
    const name = `${p.last.toUpperCase()}, ${p.first}${p.middle ? ' ' + p.middle[0] : ''}`;
    const ht = `${Math.floor(v.ht_in / 12)} ft ${v.ht_in % 12} in`;
    const vit = `BP: ${v.bp} sitting L arm; Pulse: ${v.hr} bpm; Temp: ${v.temp} F; RR: ${v.rr}; SpO2: ${v.spo2}%; Ht: ${ht}; Wt: ${v.wt_lb} lbs; BMI: ${v.bmi}`;
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div>
      <div class="pl"><b>${esc(name)}</b> &nbsp; ${p.age}yo ${p.sex} &nbsp; DOB: ${ymdSlash(p.dob)} &nbsp; ID #${esc(doc.mrn)}</div>
      <div class="sm">Encounter Date: ${ymdSlash(doc.date_of_service)} &nbsp; Provider: ${esc(provName(doc.provider))} &nbsp; Visit type: ${esc(doc.visit_type)}</div>
      <h4>CHIEF COMPLAINT</h4><p>${esc(doc.chief_complaint)}</p>
      <h4>HPI</h4><p>${esc(doc.hpi)}</p>
      <h4>ROS</h4><p>${doc.ros.map(([k, x]) => `<i>${esc(k)}:</i> ${esc(x)}`).join(' ')}</p>
      <h4>MEDICATIONS</h4><p>${doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}, ${esc(m.sig)}`).join('<br>')}</p>
      <h4>ALLERGIES</h4><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)}: ${esc(a.reaction)}`).join('; ') : 'NKDA'}</p>
      <h4>VITALS</h4><p>${vit}</p>
      <h4>PHYSICAL EXAM</h4><p>${doc.exam.map(([k, x]) => `<i>${esc(k)}:</i> ${esc(x)}`).join(' ')}</p>
      <h4>ASSESSMENT / PLAN</h4>${doc.diagnoses.map((d, i) => `<p>${i + 1}. ${esc(d.description)} - ${d.code}${i === 0 ? ': ' + doc.plan.map(esc).join(' ') : ''}</p>`).join('')}
      ${doc.orders.length ? `<p><i>Lab:</i> ${doc.orders.map(esc).join(', ')}</p>` : ''}
      <h4>RETURN TO OFFICE</h4><p>${esc(doc.followup)}</p>
      <div class="keep sm" style="margin-top:8pt">Encounter signed-off by ${esc(provName(doc.provider))}, ${ymdSlash(doc.signed)}.</div>`;
    const css = baseCss(f, 9.5) + `.fn{font-size:12pt;font-weight:bold}.sm{font-size:8pt}.pl{margin-top:6pt;border-top:2px solid #000;border-bottom:1px solid #000;padding:3pt 0;font-size:10pt} h4{font-size:9pt;margin:6pt 0 1pt 0;letter-spacing:0.5pt}`;
    const footer = pageFooter(f, `${esc(name)} &nbsp; DOB: ${ymdSlash(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: name, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.p1: Surescripts "MEDICATION HISTORY" (external Rx history from PBM and pharmacy claims) as
// printed from an EHR: disclaimer banner, "Patient: Harold J. Testbury   DOB: 3/4/1950", columns Drug
// Description / Directions / Qty / Days Supply / Last Fill / Prescriber / Source (PBM / Pharmacy), dates
// "03/14/24", a "Reviewed" line; discontinued medicines shown with "Discontinued" in the Source cell.
const mlP1 = {
  id: 'medication_list.p1', set: SET, type: 'medication_list', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const rows = doc.medications.map((m) => `<tr><td><b>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</b></td><td>${esc(m.sig)}</td><td class="r">${rng.pick([30, 60, 90])}</td><td class="r">${rng.pick([30, 90])}</td><td>${fmtDate(m.last_fill || m.start, 'us-short')}</td><td>${esc(provLF(m.prescriber, true))}</td><td>${m.status === 'Active' ? rng.pick(['PBM', 'Pharmacy']) : esc(m.status)}</td></tr>`).join('');
    const body = `
      <div class="t">External Medication History</div>
      <div class="bn">Source: Surescripts medication history (PBM claims and pharmacy fill data). This list may be incomplete; verify with the patient.</div>
      <table class="pt"><tr><td>Patient: <b>${esc(nameFML(p))}</b></td><td>DOB: ${fmtDate(p.dob, 'us-nopad')}</td><td>Gender: ${sexWord(p)}</td><td>MRN: ${esc(doc.mrn)}</td></tr>
      <tr><td colspan="2">Requested by: ${esc(provName(doc.provider))}, ${esc(doc.facility.name)}</td><td colspan="2">Retrieved: ${fmtDate(doc.date_of_service, 'us-short')}</td></tr></table>
      <table class="ml"><thead><tr><th style="width:28%">Drug Description</th><th>Directions</th><th>Qty</th><th>Days Supply</th><th>Last Fill</th><th>Prescriber</th><th>Source</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="al"><b>Allergies on file:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</div>
      <div class="sm">Reviewed with patient by ${esc(provName(doc.provider))} on ${fmtDate(doc.date_of_service, 'us-short')}.</div>`;
    const css = baseCss(f, 9) + `
      .t{font-size:15pt;font-weight:bold}.bn{border:1px dashed #000;padding:3pt;font-size:8pt;margin:4pt 0}
      table.pt{width:100%;margin:4pt 0} table.pt td{padding:2pt 4pt}
      table.ml{width:100%} table.ml th{text-align:left;border-top:1.5px solid #000;border-bottom:1.5px solid #000;font-size:8pt;padding:2pt} table.ml td{padding:2pt;border-bottom:0.5px solid #999;vertical-align:top}
      .al{margin-top:8pt}.sm{font-size:8pt;margin-top:6pt}`;
    const footer = pageFooter(f, `${esc(nameFML(p))} ${fmtDate(p.dob, 'us-nopad')}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nameFML(p), medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION RECORD =======================
// immunization.p1: EHR "Immunization Summary BY VISIT DATE" (eClinicalWorks / NextGen manner): the
// administrations grouped under a date heading "2024/03/14" (newest visit first), each with Vaccine (CVX
// description) / Trade name / CVX / Dose # / Mfr / Lot / Site; "Patient Name: Testbury, Harold J".
const imP1 = {
  id: 'immunization.p1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient;
    const byDate = new Map();
    for (const s of doc.immunizations) { if (!byDate.has(s.date)) byDate.set(s.date, []); byDate.get(s.date).push(s); }
    const dates = [...byDate.keys()].sort().reverse();
    const rows = dates.map((d) => `<tr class="dh"><td colspan="7">${ymdSlash(d)} &nbsp; <span class="sm">(age ${ageOn(p.dob, d)} y)</span></td></tr>` + byDate.get(d).map((s) =>
      `<tr><td>${esc(s.vaccine)}</td><td>${esc(s.trade_name)}</td><td class="c">${s.cvx}</td><td class="c">${s.dose_number}</td><td>${esc(s.mvx)}</td><td>${esc(s.lot)}</td><td>${esc(s.site)}</td></tr>`).join('')).join('');
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div>
      <div class="t">Immunization Summary by Visit Date</div>
      <table class="pt"><tr><td>Patient Name: <b>${esc(nameLF(p))}</b></td><td>DOB: ${ymdSlash(p.dob)}</td><td>Sex: ${sexWord(p)}</td><td>Acct No: ${esc(doc.mrn)}</td></tr></table>
      <table class="im"><thead><tr><th style="width:34%">Vaccine</th><th>Trade name</th><th>CVX</th><th>Dose #</th><th>Mfr</th><th>Lot</th><th>Site</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="sm" style="margin-top:10pt">Printed ${ymdSlash(doc.date_of_service)} by ${esc(provName(doc.provider))}. Registry ID ${doc.registry_id}.</div>`;
    const css = baseCss(f, 9) + `
      .fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:14pt;margin:8pt 0 4pt 0}
      table.pt{width:100%;border:1px solid #000;margin-bottom:6pt} table.pt td{padding:3pt}
      table.im{width:100%} table.im th{text-align:left;font-size:8pt;border-bottom:1px solid #000;padding:2pt} table.im td{padding:1.5pt 2pt;font-size:8.5pt}
      tr.dh td{font-weight:bold;background:#e5e5e5;padding-top:3pt}`;
    const footer = pageFooter(f, `${esc(nameLF(p))} &middot; ${ymdSlash(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameLF(p), immunizations: doc.immunizations.map(immGt) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.p1: Intelerad / mPower "PATIENT REPORT" print laid out as a TWO-COLUMN TABLE — left column the
// section labels (Patient, Date of Birth, Study, Study Date "March 14th, 2024", Referrer, History, Technique,
// Comparison, Findings, Summary), right column the text; findings as bullets; impression called SUMMARY.
const radP1 = {
  id: 'radiology.p1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const rng = env.rng;
    const row = (k, v) => `<tr><td class="k">${k}</td><td>${v}</td></tr>`;
    const body = `
      <table class="hd"><tr><td>${logoSvg(rng, 'tri', 34)}</td><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><b>PATIENT REPORT</b></td></tr></table>
      <table class="g">
      ${row('Patient', `<b>${esc(nameFML(p))}</b> &nbsp; (${sexWord(p)})`)}
      ${row('Date of Birth', longOrd(p.dob))}
      ${row('Patient ID', esc(doc.mrn))}
      ${row('Study', `${esc(doc.exam)} &nbsp; [CPT ${doc.cpt}]`)}
      ${row('Study Date', `${longOrd(doc.exam_datetime)}, ${fmtTime(doc.exam_datetime, '12n')}`)}
      ${row('Accession', doc.accession)}
      ${row('Referrer', esc(provName(doc.provider)))}
      ${row('History', esc(doc.indication))}
      ${row('Technique', esc(doc.technique))}
      ${row('Comparison', esc(doc.comparison))}
      ${row('Findings', `<ul>${doc.findings.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`)}
      ${row('Summary', doc.impression.map((x) => `&bull; ${esc(x)}`).join('<br>'))}
      </table>
      <div class="keep sg">Reported by ${esc(provName(doc.radiologist))} &middot; Verified ${longOrd(doc.signed)} ${fmtTime(doc.signed, '24')}</div>`;
    const css = baseCss(f, 9.8) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:middle;padding:0 6pt 3pt 0}.fn{font-size:13pt;font-weight:bold}.sm{font-size:8pt}
      table.g{width:100%;margin-top:8pt} table.g td{padding:3pt 5pt;vertical-align:top;border-bottom:0.5px solid #bbb} td.k{width:1.3in;font-weight:bold;background:#eee}
      ul{margin:0;padding-left:14pt}.sg{margin-top:12pt;font-size:9pt}`;
    const footer = pageFooter(f, `${esc(nameFML(p))} &middot; ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nameFML(p), radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.p1: referral sent as an OUTLOOK E-MAIL PRINT: the Outlook print header (sender name in bold at
// the top, "From: / Sent: Thursday, March 14, 2024 10:32 AM / To: / Cc: / Subject: Referral - Testbury,
// Harold (DOB 3/4/1950) - Cardiology"), then the body typed by the referring office (patient, reason,
// diagnoses with codes, meds with abbreviated sigs, auth #), an e-mail signature block.
const refP1 = {
  id: 'referral.p1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng; const to = doc.to_provider;
    const d = parseIso(doc.date_of_service); const wd = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()];
    const sender = `${rng.pick(['Maria', 'Dana', 'Kelly', 'Tracy'])} ${rng.pick(['Mockridge', 'Sampleton', 'Testova', 'Fauxley'])}`; const role = rng.pick(['Referral Coordinator', 'Care Coordinator']);
    const mail = (n) => `${n.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`;
    const body = `
      <div class="on">${esc(sender)}</div><hr>
      <table class="mh"><tr><td>From:</td><td>${esc(sender)} &lt;${mail(sender)}&gt;</td></tr>
      <tr><td>Sent:</td><td>${wd}, ${fmtDate(doc.date_of_service, 'month-d-y')} ${rng.int(8, 11)}:${zpad(rng.int(0, 59))} AM</td></tr>
      <tr><td>To:</td><td>${esc(doc.to_facility.name)} Referrals &lt;${mail(doc.to_facility.name.split(' ')[0] + ' intake')}&gt;</td></tr>
      <tr><td>Cc:</td><td>${esc(provName(doc.provider))}</td></tr>
      <tr><td>Subject:</td><td>Referral - ${esc(nameLF(p))} (DOB ${fmtDate(p.dob, 'us-nopad')}) - ${esc(doc.specialty)}</td></tr></table>
      <p>Hello,</p>
      <p>Please accept this ${esc(doc.urgency.toLowerCase())} referral to ${esc(provName(to))} (${esc(doc.specialty)}) for our patient ${esc(nameFL(p))}, DOB ${fmtDate(p.dob, 'us-nopad')}, chart ${esc(doc.mrn)}.</p>
      <p>Reason for referral: ${esc(doc.reason)}.</p>
      <p>Diagnoses:<br>${doc.diagnoses.map((x) => `&nbsp;&nbsp;${x.code} ${esc(x.description)}`).join('<br>')}</p>
      <p>Current meds:<br>${doc.medications.length ? doc.medications.map((m) => `&nbsp;&nbsp;${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join('<br>') : '&nbsp;&nbsp;none'}</p>
      <p>Allergies: ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</p>
      <p>${doc.auth_number ? `Auth # ${doc.auth_number}${doc.visits_authorized ? ` (${doc.visits_authorized} visits)` : ''}.` : 'No authorization required per plan.'} Attached: ${doc.enclosures.map(esc).join(', ')}.</p>
      <p>Referring provider: ${esc(provName(doc.provider))}. Please call us to confirm the appointment.</p>
      <p>Thanks,<br>${esc(sender)}<br>${role}<br>${esc(doc.facility.name)}<br>P ${fmtPhone(doc.facility.phone, 'dot')} | F ${fmtPhone(doc.facility.fax, 'dot')}</p>`;
    const css = baseCss(f, 10) + `.on{font-size:13pt;font-weight:bold}hr{border:0;border-top:2px solid #000;margin:2pt 0 6pt 0} table.mh td{padding:0.5pt 8pt 0.5pt 0;vertical-align:top} table.mh td:first-child{font-weight:bold} table.mh{margin-bottom:10pt}`;
    const footer = pageFooter(f, '', `<span class="pageNumber"></span>`);
    return { css, body, footer, margins: M(0.6, 0.6, 0.8, 0.8), fonts: [f], gt: { name_printed: nameLF(p), diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.p1 (payer): WORKERS' COMPENSATION "EXPLANATION OF REVIEW" (bill-review EOR to the provider): carrier
// header, "Claimant: TESTBURY, HAROLD J", "Employer:", "Date of Injury:", "Carrier Claim #", lines DOS / Proc /
// Units / Charge / Fee Sched / Reduction / Ded / Copay / Coins / Recommended Pay / Pt Resp / Reason, dates
// "2024/03/14", reason-code glossary.
const billP1 = {
  id: 'billing.p1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const doi = ymdSlash(doc.date_of_service.slice(0, 8) + '01');
    const rows = doc.lines.map((l) => `<tr><td>${ymdSlash(l.date)}</td><td>${l.cpt}</td><td>${esc(l.description)}</td><td class="r">1</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.allowed)}</td><td class="r">${money(l.not_covered)}</td><td class="r">${money(l.deductible)}</td><td class="r">${money(l.copay)}</td><td class="r">${money(l.coinsurance)}</td><td class="r">${money(l.paid)}</td><td class="r">${money(l.patient_resp)}</td><td>${l.not_covered ? 'R45' : ''}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.payer)}</div><div class="sm">Workers' Compensation Bill Review &middot; ${esc(doc.facility.address.city)}, ${doc.facility.address.state}</div></td><td class="r"><div class="t">EXPLANATION OF REVIEW</div><div class="sm">Review date ${ymdSlash(doc.processed)}</div></td></tr></table>
      <table class="inf"><tr><td>Claimant: <b>${esc(nameLF(p, true))}</b></td><td>Claimant DOB: ${ymdSlash(p.dob)}</td><td>Carrier Claim #: ${doc.claim_number}</td></tr>
      <tr><td>Employer: ${esc(rng.pick(['Northgate Logistics', 'Cedar Valley Foods', 'Summit Builders LLC']))}</td><td>Date of Injury: ${doi}</td><td>Bill ID: ${doc.member_id}</td></tr>
      <tr><td>Provider: ${esc(provName(doc.provider))}, ${esc(doc.client.name)}</td><td>Plan: ${esc(doc.plan_name)}</td><td>Service date: ${ymdSlash(doc.date_of_service)}</td></tr></table>
      <table class="cl"><thead><tr><th>DOS</th><th>Proc</th><th>Description</th><th>Units</th><th>Charge</th><th>Fee Sched</th><th>Reduction</th><th>Ded</th><th>Copay</th><th>Coins</th><th>Recommended Pay</th><th>Pt Resp</th><th>Reason</th></tr></thead>
      <tbody>${rows}<tr class="tot"><td colspan="4">BILL TOTAL</td><td class="r">${money(t.billed)}</td><td class="r">${money(t.allowed)}</td><td class="r">${money(t.not_covered)}</td><td class="r">${money(t.deductible)}</td><td class="r">${money(t.copay)}</td><td class="r">${money(t.coinsurance)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.patient_resp)}</td><td></td></tr></tbody></table>
      <div class="rc"><b>Reason codes:</b> R45 &ndash; charge exceeds fee schedule/maximum allowable. Amounts reduced per the state fee schedule may not be billed to the injured worker.</div>
      <div class="sm" style="margin-top:8pt">Questions regarding this review: ${fmtPhone(doc.facility.phone, 'dash')}. Reconsideration requests must be received within 90 days.</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:3px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.t{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}
      table.inf{width:100%;margin:6pt 0} table.inf td{padding:2pt 4pt}
      table.cl{width:100%} table.cl th{font-size:7pt;border-bottom:1.5px solid #000;padding:2pt;text-align:left} table.cl td{padding:2pt;font-size:8pt;border-bottom:0.5px solid #999;vertical-align:top}
      tr.tot td{font-weight:bold;border-top:1.5px solid #000}.rc{margin-top:8pt;font-size:8pt}`;
    return { css, body, margins: M(0.55, 0.6, 0.45, 0.45), fonts: [f], gt: { name_printed: nameLF(p, true), billing: { kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: t.patient_resp } } };
  },
};

// billing.p2 (billing office): hospital PATIENT BILL in a UB-04-like form layout: numbered form-locator
// boxes ("3a PAT. CNTL #", "8 PATIENT NAME", "10 BIRTHDATE" as MMDDYYYY, "6 STATEMENT COVERS PERIOD"),
// revenue-code service lines "42 REV. CD. / 43 DESCRIPTION / 44 HCPCS / 45 SERV. DATE (MMDDYY) / 46 UNITS /
// 47 TOTAL CHARGES", then a patient-balance panel (insurance paid, adjustments, previous balance, AMOUNT DUE).
const REV = { '99': '0510', '36': '0300', '80': '0301', '85': '0305', '83': '0301', '84': '0301', '81': '0307', '90': '0636', '71': '0324', '74': '0350', '77': '0403' };
const billP2 = {
  id: 'billing.p2', set: SET, type: 'insurance_billing', facilityKind: 'billing',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const t = doc.totals;
    const due = Math.round((doc.previous_balance + t.patient_resp) * 100) / 100;
    const mdy = (iso) => `${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(2, 4)}`;
    const rows = doc.lines.map((l) => `<tr><td>${REV[l.cpt.slice(0, 2)] || '0510'}</td><td>${esc(l.description.toUpperCase())}</td><td>${l.cpt}</td><td>${mdy(l.date)}</td><td class="r">1</td><td class="r">${money(l.billed).replace('$', '')}</td></tr>`).join('');
    const fl = (n, cap, v, w = '') => `<td${w ? ` style="width:${w}"` : ''}><span class="c">${n} ${cap}</span><br>${v}</td>`;
    const body = `
      <div class="ti">PATIENT STATEMENT OF HOSPITAL SERVICES</div>
      <table class="fm"><tr>${fl('1', '', `${esc(doc.facility.name)}<br>${esc(fmtAddr(doc.facility.address))}`, '40%')}${fl('3a', 'PAT. CNTL #', doc.account)}${fl('4', 'TYPE OF BILL', '0131')}${fl('6', 'STATEMENT COVERS PERIOD', `${mdy(doc.date_of_service)} THROUGH ${mdy(doc.date_of_service)}`)}</tr>
      <tr>${fl('8', 'PATIENT NAME', `<b>${esc(`${p.last.toUpperCase()}, ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`)}</b>`)}${fl('10', 'BIRTHDATE', `${p.dob.slice(5, 7)}${p.dob.slice(8, 10)}${p.dob.slice(0, 4)}`)}${fl('11', 'SEX', p.sex)}${fl('50', 'PAYER NAME', esc(doc.payer))}</tr>
      <tr>${fl('60', 'INSURED\'S UNIQUE ID', doc.member_id)}${fl('64', 'DOCUMENT CONTROL NUMBER', doc.claim_number)}${fl('', 'STATEMENT DATE', fmtDate(doc.statement_date, 'us'))}${fl('', 'MED. REC. #', esc(doc.mrn))}</tr></table>
      <table class="ln"><thead><tr><th>42 REV. CD.</th><th>43 DESCRIPTION</th><th>44 HCPCS / RATE</th><th>45 SERV. DATE</th><th>46 SERV. UNITS</th><th>47 TOTAL CHARGES</th></tr></thead>
      <tbody>${rows}<tr class="tot"><td>0001</td><td>TOTAL CHARGES</td><td></td><td></td><td></td><td class="r">${money(t.billed).replace('$', '')}</td></tr></tbody></table>
      <table class="bal"><tr><td>Total charges</td><td class="r">${money(t.billed)}</td></tr><tr><td>Insurance payments (${esc(doc.payer)})</td><td class="r">-${money(t.paid)}</td></tr>
      <tr><td>Contractual adjustments</td><td class="r">-${money(t.not_covered)}</td></tr><tr><td>Previous balance</td><td class="r">${money(doc.previous_balance)}</td></tr>
      <tr class="b"><td>AMOUNT DUE FROM PATIENT</td><td class="r">${money(due)}</td></tr><tr><td>Due by</td><td class="r">${fmtDate(doc.due_date, 'us')}</td></tr></table>
      <div class="sm">Deductible ${money(t.deductible)}, copay ${money(t.copay)}, coinsurance ${money(t.coinsurance)} applied by your insurer. Questions: ${fmtPhone(doc.facility.phone)}. Financial assistance is available.</div>`;
    const css = baseCss(f, 8.5) + `
      .ti{font-size:12pt;font-weight:bold;text-align:center;margin-bottom:4pt}
      table.fm{width:100%;border:1.5px solid #000} table.fm td{border:1px solid #000;padding:2pt 3pt;vertical-align:top;font-size:8.5pt}.c{font-size:6pt}
      table.ln{width:100%;margin-top:6pt;border:1.5px solid #000} table.ln th{font-size:6.5pt;border:1px solid #000;padding:2pt;text-align:left} table.ln td{border-left:1px solid #000;padding:1.5pt 3pt}
      tr.tot td{border-top:1px solid #000;font-weight:bold} table.bal{margin:10pt 0 0 auto;width:55%;border:1.5px solid #000} table.bal td{padding:2pt 4pt} tr.b td{font-weight:bold;border-top:1px solid #000}.sm{font-size:7.5pt;margin-top:8pt}`;
    return { css, body, margins: M(0.55, 0.6, 0.5, 0.5), fonts: [f], gt: { name_printed: `${p.last.toUpperCase()}, ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle[0] : ''}`, billing: { kind: 'patient_statement', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, account: doc.account, statement_date: doc.statement_date, previous_balance: doc.previous_balance, amount_due: due, lines: doc.lines, totals: doc.totals } } };
  },
};

export default [coverP1, coverP2, labP1, labP2, labP3, labP4, labP5, labP6, dsP1, ovP1, mlP1, imP1, radP1, refP1, billP1, billP2];
