// faxgen template set 'set-k': another stand-in for faxgen's held-out template set, written in session 20
// WITHOUT looking at the extraction/structuring rules (nothing under src/ was opened) and independent of set-a
// and of every earlier stand-in (set-l .. set-y, set-n, set-z). Theme: specialty clinics, hospital systems and
// sources outside the US mainstream (Canada, UK, Australia). Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-k/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-k ...
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
const { fmtDate, fmtTime, fmtPhone, nameFL, nameFML, nameLF, provName, provLF, fmtAddr, money, parseIso, pad: zpad } = await lib('util.mjs');

const SET = 'set-k';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// URW Gothic / FreeSans (sans), P052 / URW Bookman (serif), FreeMono / Nimbus Mono PS (mono),
// DejaVu Sans Condensed (narrow). Fax header line: FreeMono, Nimbus Mono PS or URW Gothic.
export const fonts = {
  [SET]: {
    sans: ['URW Gothic', 'FreeSans'],
    serif: ['P052', 'URW Bookman'],
    mono: ['FreeMono', 'Nimbus Mono PS'],
    narrow: ['DejaVu Sans Condensed'],
    tti: ['FreeMono', 'Nimbus Mono PS', 'URW Gothic'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** 4 March 1950 */
const dMonthY = (iso) => { const d = parseIso(iso); return `${d.getUTCDate()} ${MONTH[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };
/** 04 MAR 2024 */
const ddMONy = (iso) => { const d = parseIso(iso); return `${zpad(d.getUTCDate())} ${MON[d.getUTCMonth()].toUpperCase()} ${d.getUTCFullYear()}`; };
/** 04-Mar-2024 */
const ddMony = (iso) => { const d = parseIso(iso); return `${zpad(d.getUTCDate())}-${MON[d.getUTCMonth()]}-${d.getUTCFullYear()}`; };
/** 2024/03/14 (Canadian hospital manner) */
const ymdSl = (iso) => iso.slice(0, 10).replace(/-/g, '/');
/** Thursday, 14 March 2024 */
const WDL = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const wdDMonthY = (iso) => `${WDL[parseIso(iso).getUTCDay()]}, ${dMonthY(iso)}`;
const addDaysIso = (iso, n) => { const d = parseIso(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // Kofax / Esker cloud fax service stamp: "RX 14-MAR-2024 10:32 | CSID +1 217 555 0146 | SENDER | Pg 002 of 005 | Job 48213"
    (t) => [`RX ${ddMony(t.dt).toUpperCase()} ${fmtTime(t.dt, '24')}`, `CSID +1 ${t.fax.area} ${t.fax.exch} ${t.fax.line}`, t.sender.slice(0, 28), `Pg ${zpad(t.page, 3)} of ${zpad(t.total, 3)}`],
    // Sharp MX office MFP line with arrows: "SENDER >> 2175550146 >> 2024.03.14 10:32 >> [2/5]"
    (t) => [t.sender.toUpperCase().slice(0, 26), `>> ${t.fax.area}${t.fax.exch}${t.fax.line}`, `>> ${t.dt.slice(0, 10).replace(/-/g, '.')} ${fmtTime(t.dt, '24')}`, `>> [${t.page}/${t.total}]`],
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
const PNs = 'Page <span class="pageNumber"></span>/<span class="totalPages"></span>';
const radGt = (doc) => ({ exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads });
const immGt = (s) => ({ vaccine: s.vaccine, vaccine_printed: s.vaccine, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: s.lot, site: s.site });
const prevVal = (rng, r) => {
  const v = r.gt.value_numeric; if (v === null) return r.value;
  const dec = (r.value.split('.')[1] || '').length; const p = v * (1 + rng.float(-0.12, 0.12));
  return Math.max(0, p).toFixed(dec);
};
const upLast = (p) => `${p.last.toUpperCase()}, ${p.first}${p.middle ? ' ' + p.middle : ''}`;

// ======================= FAX COVER SHEET =======================
// cover.k1: HIE / Direct-secure-messaging e-fax gateway delivery cover (Kno2 / Medicity / Surescripts Clinical
// Direct manner): page generated by the exchange, "SECURE DOCUMENT DELIVERY" banner, a boxed TRANSACTION block
// (Transaction ID, Message-ID <…@direct…>, Submitted "2024-03-14T10:32:07-05:00", Document pages "4", checksum),
// From / To as Direct addresses plus fax numbers as "+1 217 555 0146", no free message field but a "Sender note".
const coverK1 = {
  id: 'cover.k1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility; const rng = env.rng;
    const ph = (p) => `+1 ${p.area} ${p.exch} ${p.line}`;
    const slug = s.name.toLowerCase().replace(/[^a-z]+/g, '').slice(0, 14);
    const tx = `${rng.letters(2).toUpperCase()}${rng.digits(4)}-${rng.digits(4)}-${rng.letters(4).toUpperCase()}${rng.digits(6)}`;
    const body = `
      <div class="bn"><span class="x">${esc(rng.pick(['CareRelay HIE', 'Prairie Health Information Exchange', 'ClearPath Direct']))}</span><span class="t">SECURE DOCUMENT DELIVERY</span></div>
      <div class="sm">This page was generated by the exchange. The attached clinical documents were submitted electronically and delivered to your fax line because no Direct address is on file.</div>
      <table class="tx"><tr><th colspan="2">TRANSACTION</th></tr>
      <tr><td>Transaction ID</td><td class="m">${tx}</td></tr>
      <tr><td>Message-ID</td><td class="m">&lt;${rng.digits(10)}.${rng.letters(6)}@direct.${slug}.org&gt;</td></tr>
      <tr><td>Submitted</td><td class="m">${doc.datetime.slice(0, 10)}T${fmtTime(doc.datetime, '24')}:${zpad(rng.int(0, 59))}-0${rng.int(5, 6)}:00</td></tr>
      <tr><td>Document pages</td><td class="m">${Math.max(0, doc.pages - 1)} (plus this page)</td></tr>
      <tr><td>Payload checksum</td><td class="m">sha256:${rng.digits(8)}${rng.letters(8)}${rng.digits(8)}</td></tr>
      <tr><td>Priority</td><td class="m">${doc.urgent ? 'URGENT' : 'Normal'}</td></tr></table>
      <table class="pt"><tr><th>From</th><th>To</th></tr>
      <tr><td><b>${esc(s.name)}</b><br>${esc(doc.from_person)}<br>${esc(fmtAddr(s.address))}<br>Tel ${ph(s.phone)} &middot; Fax ${ph(s.fax)}<br><span class="m">${esc(doc.from_person.split(' ')[0].toLowerCase())}@direct.${slug}.org</span></td>
      <td><b>${esc(doc.to_name)}</b>${doc.to_org ? '<br>' + esc(doc.to_org) : ''}<br>Fax ${ph(doc.to_fax)}${doc.to_phone ? '<br>Tel ' + ph(doc.to_phone) : ''}</td></tr></table>
      <div class="h">Subject</div><div>${esc(doc.re)}</div>
      <div class="h">Sender note</div><div class="msg">${esc(doc.message)}</div>
      <div class="conf">CONFIDENTIAL HEALTH INFORMATION. Delivered under the exchange's participation agreement. If received in error, notify the sender and the exchange help desk, and destroy all pages. Transaction ${tx}.</div>`;
    const css = baseCss(f, 9.5) + `
      .bn{display:flex;justify-content:space-between;align-items:baseline;border-bottom:4px double #000;padding-bottom:3pt}.x{font-size:13pt;font-weight:bold}.t{font-size:15pt;letter-spacing:1pt}
      .sm{font-size:8pt;margin:4pt 0 8pt 0}.m{font-family:'FreeMono';font-size:9pt}
      table.tx{width:75%;border:1.5px solid #000;margin:4pt 0 10pt 0} table.tx th{background:#000;color:#fff;text-align:left;padding:2pt 4pt} table.tx td{padding:1.5pt 4pt;border-bottom:0.5px dotted #777} table.tx td:first-child{width:1.5in;font-size:8.5pt}
      table.pt{width:100%;border-collapse:collapse} table.pt th{text-align:left;border-bottom:1px solid #000;width:50%} table.pt td{vertical-align:top;padding:3pt 6pt 3pt 0;line-height:1.4}
      .h{font-weight:bold;margin-top:10pt;font-size:9pt;text-transform:uppercase}.msg{min-height:90pt;line-height:1.45}.conf{font-size:7.5pt;margin-top:18pt;border:1px solid #000;padding:4pt}`;
    return { css, body, margins: M(0.7, 0.6, 0.75, 0.75), fonts: [f, 'FreeMono'] };
  },
};

// ======================= LAB REPORTS =======================
// lab.k1 (reflab): Australian / UK community PATHOLOGY report (Sonic / Healius / NHS pathology manner): practice
// "Requested by" block, "Surname TESTBURY  Given names Harold James", "Date of birth 4 March 1950", "Lab No.",
// "Collected 14 March 2024 08:15"; results under a bold panel heading with the COLUMN ORDER Test / Units / Result
// / Flag / Reference range (units BEFORE the result); flags printed as "HI" / "LO" / "AB"; a "Comment:" line.
const labK1 = {
  id: 'lab.k1', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Southern Cross Pathology', 'Harbourside Pathology Services'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: 'HI', L: 'LO', A: 'AB' });
    const rows = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="un">${esc(r.unit)}</td><td class="v${r.flag ? ' b' : ''}">${esc(r.value)}</td><td class="fl">${esc(r.flagPrinted)}</td><td>${esc(r.range)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const given = `${p.first}${p.middle ? ' ' + p.middle : ''}`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Tel ${fmtPhone(doc.facility.phone, 'dot')} &middot; NATA / RCPA accredited</div></td><td class="r"><div class="t">PATHOLOGY REPORT</div><div class="sm">${esc(doc.status)}</div></td></tr></table>
      <table class="id"><tr><td class="k">Surname</td><td><b>${esc(p.last.toUpperCase())}</b></td><td class="k">Requested by</td><td>${esc(provName(doc.provider))}</td></tr>
      <tr><td class="k">Given names</td><td>${esc(given)}</td><td class="k">Copy to</td><td>Patient record</td></tr>
      <tr><td class="k">Date of birth</td><td>${dMonthY(p.dob)}</td><td class="k">Lab No.</td><td>${doc.accession}</td></tr>
      <tr><td class="k">Sex</td><td>${p.sex === 'M' ? 'Male' : 'Female'}</td><td class="k">Your ref.</td><td>${esc(doc.mrn)}</td></tr>
      <tr><td class="k">Collected</td><td>${dMonthY(doc.collected)} ${fmtTime(doc.collected, '24')}</td><td class="k">Reported</td><td>${dMonthY(doc.reported)} ${fmtTime(doc.reported, '24')}</td></tr></table>
      <table class="res"><thead><tr><th style="width:38%">Test</th><th style="width:14%">Units</th><th style="width:11%">Result</th><th style="width:7%">Flag</th><th>Reference range</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep cm"><b>Comment:</b> ${doc.fasting === 'Y' ? 'Fasting specimen.' : 'Non-fasting specimen.'} Flags: HI above, LO below the reference range; AB abnormal.</div>
      <div class="keep lg">Authorised by ${esc(provName(doc.lab_director))}, Pathologist &middot; ${esc(doc.labName)} &middot; Specimen ${doc.specimen_id}</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:2.5px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.t{font-size:12pt;font-weight:bold;letter-spacing:1pt}.sm{font-size:7.5pt}
      table.id{width:100%;margin:6pt 0;border-bottom:1px solid #000} table.id td{padding:1pt 4pt 1pt 0} td.k{font-size:8pt;color:#333;width:1in}
      table.res{width:100%} table.res th{text-align:left;font-size:8pt;border-bottom:1px solid #000;padding:2pt} table.res td{padding:1pt 2pt}
      tr.ph td{font-weight:bold;padding-top:7pt;font-size:9.5pt;text-decoration:underline} td.tn{padding-left:8pt} td.un{font-size:8pt} td.fl{font-weight:bold}.cm{margin-top:10pt;font-size:8pt}.lg{margin-top:6pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(p.last.toUpperCase())}, ${esc(given)} &middot; DOB ${dMonthY(p.dob)} &middot; Lab No. ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: `${p.last.toUpperCase()}, ${given}`, performing_lab: doc.labName } };
  },
};

// lab.k2 (hospital): CANADIAN hospital-system lab chart copy (Ontario hospital LIS / Cerner Millennium Canada
// manner): "Health Card #: 1234 567 890 - AB" and "Chart #", name "TESTBURY, Harold James", dates "2024/03/14"
// (year-first with slashes), column order Procedure / Result / Abn / Ref Interval / Units, the flag in its own
// "Abn" column spelled "H" / "L" / "A" with a leading asterisk on the value line removed (plain), "Verified by"
// tech code per panel, "Performing site" legend.
const labK2 = {
  id: 'lab.k2', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'full', rangeStyle: 'l' }, { H: 'H', L: 'L', A: 'A' });
    const hc = `${rng.digits(4)} ${rng.digits(3)} ${rng.digits(3)} - ${rng.letters(2).toUpperCase()}`;
    const rows = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name)} &nbsp; <span class="vf">Verified ${ymdSl(doc.reported)} ${fmtTime(doc.reported, '24')} by ${doc.techId}</span></td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td class="fl">${esc(r.flagPrinted)}</td><td>${esc(r.range)}</td><td>${esc(r.unit)}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = upLast(p);
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div><div class="sm">Laboratory Medicine Program &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dash')}</div>
      <div class="t">CUMULATIVE LABORATORY REPORT &mdash; CHART COPY</div>
      <table class="id"><tr><td>Name: <b>${esc(nm)}</b></td><td>DOB: ${ymdSl(p.dob)}</td><td>Sex: ${p.sex}</td></tr>
      <tr><td>Health Card #: ${hc}</td><td>Chart #: ${esc(doc.mrn)}</td><td>Encounter: ${doc.account}</td></tr>
      <tr><td>Attending: ${esc(provLF(doc.provider))}</td><td>Collected: ${ymdSl(doc.collected)} ${fmtTime(doc.collected, '24')}</td><td>Received: ${ymdSl(doc.received)} ${fmtTime(doc.received, '24')}</td></tr></table>
      <table class="res"><thead><tr><th style="width:40%">Procedure</th><th style="width:12%">Result</th><th style="width:6%">Abn</th><th style="width:22%">Ref Interval</th><th>Units</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="keep lg">Abn: H = above, L = below reference interval, A = abnormal. Performing site: ${esc(doc.facility.name)} Core Laboratory, Medical Director ${esc(provName(doc.lab_director))}. Acc ${doc.accession}.</div>`;
    const css = baseCss(f, 9) + `
      .fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.t{font-size:11pt;font-weight:bold;margin:6pt 0 3pt 0;border-top:1px solid #000;border-bottom:1px solid #000;padding:2pt 0}
      table.id{width:100%;margin:2pt 0 6pt 0} table.id td{padding:1pt 4pt 1pt 0}
      table.res{width:100%} table.res th{text-align:left;font-size:8.5pt;border-bottom:1.5px solid #000;padding:2pt} table.res td{padding:0.8pt 2pt}
      tr.ph td{font-weight:bold;padding-top:6pt} .vf{font-weight:normal;font-size:7pt} td.tn{padding-left:10pt} td.fl{font-weight:bold;text-align:center}.lg{margin-top:10pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Chart # ${esc(doc.mrn)} &middot; printed ${ymdSl(doc.reported)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.facility.name } };
  },
};

// lab.k3 (clinic): ONCOLOGY / haematology day-unit "PRE-TREATMENT BLOODS" sheet with a trend: the cancer centre's
// chemo-day check form, each test ONE ROW of Test / Today / (flag word "Above" / "Below" / "Abnormal" printed in
// brackets after the value, "(Above)") / Units / Normal limits / then two "Cycle n-1", "Cycle n-2" columns of earlier
// values (not in the gt), a "Treatment may proceed ☐ Yes ☐ No" box and nurse initials. Patient "Mr Harold Testbury".
const labK3 = {
  id: 'lab.k3', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Riverside Cancer Centre Laboratory', 'Lakeview Haematology Day Unit Lab'],
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: '(Above)', L: '(Below)', A: '(Abnormal)' });
    const cyc = rng.int(3, 8);
    const rows = panels.map((P) => `<tr class="ph"><td colspan="6">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="v">${esc(r.value)}${r.flag ? ` <span class="fl">${esc(r.flagPrinted)}</span>` : ''}</td><td class="nw">${esc(r.unit)}</td><td>${esc(r.range)}</td><td class="o">${esc(prevVal(rng, r))}</td><td class="o">${esc(prevVal(rng, r))}</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const ttl = p.sex === 'M' ? 'Mr' : 'Ms';
    const nm = `${ttl} ${nameFL(p)}`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Oncology &amp; Haematology Day Unit &middot; ${esc(fmtAddr(doc.facility.address))}</div></td><td class="r"><div class="t">Pre-treatment Bloods</div><div class="sm">Cycle ${cyc}, Day 1</div></td></tr></table>
      <table class="id"><tr><td>Patient: <b>${esc(nm)}</b></td><td>Born: ${ddMony(p.dob)}</td><td>Hosp. No.: ${esc(doc.mrn)}</td></tr>
      <tr><td>Consultant: ${esc(provName(doc.provider))}</td><td>Sample taken: ${ddMony(doc.collected)} ${fmtTime(doc.collected, '24')}</td><td>Analysed by: ${esc(doc.performingLab)}</td></tr></table>
      <table class="res"><thead><tr><th style="width:34%">Test</th><th style="width:17%">Today</th><th style="width:12%">Units</th><th style="width:15%">Normal limits</th><th class="o">Cycle ${cyc - 1}</th><th class="o">Cycle ${cyc - 2}</th></tr></thead><tbody>${rows}</tbody></table>
      <table class="ok keep"><tr><td>Treatment may proceed: &#9744; Yes &nbsp; &#9744; No &nbsp; &#9744; Discuss with consultant</td><td>Checked by (nurse initials): ________</td></tr></table>
      <div class="keep lg">Results outside the normal limits are marked (Above), (Below) or (Abnormal). Earlier cycles shown for comparison only. Report released ${ddMony(doc.reported)}.</div>`;
    const css = baseCss(f, 9.3) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:14pt;font-style:italic}.sm{font-size:7.5pt}
      table.id{width:100%;margin:5pt 0 6pt 0} table.id td{padding:1pt 4pt 1pt 0}
      table.res{width:100%;border-collapse:collapse} table.res th{text-align:left;font-size:8.5pt;border:0.75px solid #000;padding:2pt;background:#e6e6e6} table.res td{border:0.5px solid #999;padding:1pt 3pt}
      tr.ph td{font-weight:bold;font-style:italic;background:#f3f3f3} td.tn{padding-left:8pt} td.nw{white-space:nowrap;font-size:8.5pt} .fl{font-weight:bold;font-size:8pt} .o{color:#444;font-size:8.5pt;text-align:center}
      table.ok{width:100%;margin-top:10pt;border:1px solid #000} table.ok td{padding:4pt}.lg{margin-top:6pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Hosp. No. ${esc(doc.mrn)}`, PNs);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.performingLab } };
  },
};

// lab.k4 (clinic): ANTICOAGULATION / nephrology specialty-clinic visit sheet (pharmacist-run warfarin clinic with CKD
// monitoring, DAWN AC / clinic spreadsheet manner): an "INR LOG" of earlier visits at the top (Date / INR / Target /
// Weekly dose mg / Next check — point-of-care values, not in the gt), then "LABORATORY RESULTS THIS VISIT" laid out
// SIDE BY SIDE, two tests per table row (Test | Result | +/- | Range | Unit ‖ Test | Result | +/- | Range | Unit),
// flags printed "+" above / "-" below / "*" abnormal in their own narrow column. Patient "TESTBURY Harold" (surname
// first, no comma), "D.O.B. 1950-03-04".
const labK4 = {
  id: 'lab.k4', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Northshore Anticoagulation Clinic Lab', 'Meadowbrook Kidney Care Lab'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: '+', L: '-', A: '*' });
    const cur = doc.collected.slice(0, 10);
    const log = Array.from({ length: rng.int(3, 5) }, (_, i) => addDaysIso(cur, -28 * (i + 1) - rng.int(0, 6))).reverse().map((d) => `<tr><td>${d}</td><td>${rng.float(1.6, 3.4).toFixed(1)}</td><td>2.0-3.0</td><td>${rng.pick([27.5, 30, 32.5, 35])}</td><td>${rng.int(2, 4)} wk</td></tr>`).join('');
    const cell = (r) => r ? `<td class="tn">${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td class="fl">${esc(r.flagPrinted)}</td><td>${esc(r.range)}</td><td class="un">${esc(r.unit)}</td>` : '<td></td><td></td><td></td><td></td><td></td>';
    const grids = panels.map((P) => { let h = `<tr class="ph"><td colspan="11">${esc(P.name)}</td></tr>`; for (let i = 0; i < P.rows.length; i += 2) h += `<tr>${cell(P.rows[i])}<td class="sp"></td>${cell(P.rows[i + 1])}</tr>`; return h; }).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const nm = `${p.last.toUpperCase()} ${p.first}`;
    const hd = '<th>Test</th><th>Result</th><th>+/-</th><th>Range</th><th>Unit</th>';
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Anticoagulation &amp; Renal Monitoring Service &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dot')}</div></td><td class="r t">CLINIC VISIT &mdash; LAB SHEET</td></tr></table>
      <table class="id"><tr><td>Patient: <b>${esc(nm)}</b></td><td>D.O.B. ${p.dob}</td><td>Clinic no. ${esc(doc.mrn)}</td><td>Indication: ${rng.pick(['AF', 'VTE', 'Mechanical valve'])}</td></tr>
      <tr><td>Referring: ${esc(provName(doc.provider))}</td><td>Drawn ${cur} ${fmtTime(doc.collected, '24')}</td><td colspan="2">Tested at ${esc(doc.performingLab)}</td></tr></table>
      <div class="h">INR LOG (point of care)</div>
      <table class="lg1"><thead><tr><th>Date</th><th>INR</th><th>Target</th><th>Weekly dose mg</th><th>Next check</th></tr></thead><tbody>${log}</tbody></table>
      <div class="h">LABORATORY RESULTS THIS VISIT</div>
      <table class="res"><thead><tr>${hd}<th class="sp"></th>${hd}</tr></thead><tbody>${grids}</tbody></table>
      <div class="keep lg">+ above range &nbsp; - below range &nbsp; * abnormal. Reported ${doc.reported.slice(0, 10)}. Reviewed by ${rng.pick(['T. Mockford, PharmD, CACP', 'L. Sampleby, RN'])}.</div>`;
    const css = baseCss(f, 8.6) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.t{font-size:11pt;font-weight:bold}.sm{font-size:7.5pt}
      table.id{width:100%;margin:4pt 0} table.id td{padding:1pt 6pt 1pt 0}.h{font-weight:bold;margin-top:6pt;border-bottom:1px solid #000}
      table.lg1{border-collapse:collapse;margin:2pt 0} table.lg1 th,table.lg1 td{border:0.5px solid #777;padding:1pt 8pt;font-size:8pt}
      table.res{width:100%;border-collapse:collapse} table.res th{text-align:left;font-size:7.5pt;border-bottom:1px solid #000;padding:1pt} table.res td{padding:0.8pt 2pt;font-size:8.3pt}
      tr.ph td{font-weight:bold;padding-top:5pt;background:#eee} td.fl{font-weight:bold;text-align:center;width:0.2in} td.sp,th.sp{width:0.15in;border-right:1px solid #000} td.un{font-size:7.5pt}.lg{margin-top:8pt;font-size:7.5pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${p.dob} &middot; ${esc(doc.mrn)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.5, 0.5), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.performingLab } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.k1: ORTHOPAEDIC day-surgery / short-stay "OPERATION & DISCHARGE SUMMARY" (orthopaedic specialty
// hospital manner): two-column top grid with "Date of admission" / "Date of operation" / "Date of discharge" all
// as "04-Mar-2024", "Operation performed" (the procedures) and "Surgeon / Assistant / Anaesthetic", then
// "Post-operative course", "Diagnoses (ICD-10)" as a code-first list "M17.11 — …", "Take-home medications (TTO)"
// as a table Drug / Dose / Directions / Supply, weight-bearing status, wound care, follow-up clinic.
const dsK1 = {
  id: 'discharge.k1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = upLast(p);
    const proc = doc.procedures.length ? doc.procedures.map(esc).join('; ') : 'No operative procedure on this admission';
    const meds = doc.medications.map((m) => `<tr><td>${esc(m.name)}</td><td>${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>${m.status && m.status !== 'Active' ? esc(m.status) : rng.pick(['14 days', '28 days', 'own supply'])}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Department of Orthopaedic Surgery &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r">${barcodeSvg(rng, 120, 22)}<div class="sm">${esc(doc.mrn)}</div></td></tr></table>
      <div class="t">OPERATION &amp; DISCHARGE SUMMARY</div>
      <table class="g"><tr><td class="k">Patient</td><td><b>${esc(nm)}</b></td><td class="k">Date of admission</td><td>${ddMony(doc.admit_date)}</td></tr>
      <tr><td class="k">Date of birth</td><td>${ddMony(p.dob)}</td><td class="k">Date of operation</td><td>${doc.procedures.length ? ddMony(addDaysIso(doc.admit_date, 0)) : '&mdash;'}</td></tr>
      <tr><td class="k">Hospital no.</td><td>${esc(doc.mrn)}</td><td class="k">Date of discharge</td><td><b>${ddMony(doc.discharge_date)}</b></td></tr>
      <tr><td class="k">Consultant</td><td>${esc(provName(doc.provider))}</td><td class="k">Discharged to</td><td>${esc(doc.disposition)}</td></tr></table>
      <div class="h">Operation performed</div><p>${proc}. Anaesthetic: ${rng.pick(['spinal with sedation', 'general', 'regional block + GA'])}. Surgeon: ${esc(provName(doc.provider))}.</p>
      <div class="h">Indication / presenting complaint</div><p>${esc(doc.reason)}. ${esc(doc.hpi)}</p>
      <div class="h">Post-operative course</div><p>${doc.course.map(esc).join(' ')} Condition on discharge: ${esc(doc.condition)}.</p>
      <div class="h">Diagnoses (ICD-10)</div>${doc.diagnoses.map((x) => `<p class="dx">${x.code} &mdash; ${esc(x.description)}</p>`).join('')}
      <div class="h">Allergies / ADRs</div><p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join('; ') : 'No known drug allergies'}</p>
      <div class="h">Take-home medications (TTO)</div>
      <table class="mt"><thead><tr><th>Drug</th><th>Dose</th><th>Directions</th><th>Supply</th></tr></thead><tbody>${meds}</tbody></table>
      <div class="h">Instructions</div><p>Weight bearing: ${rng.pick(['full weight bearing as tolerated', 'partial weight bearing with crutches', 'not applicable'])}. Wound: keep dressing dry, clips out at 10&ndash;14 days by practice nurse. Activity: ${esc(doc.activity)}. Diet: ${esc(doc.diet)}.</p>
      <p>Follow-up: ${doc.followup.map(esc).join('; ')}.${doc.pending.length ? ' Results awaited: ' + doc.pending.map(esc).join(', ') + '.' : ''}</p>
      <div class="keep sg">${signatureSvg(rng, 110, 26)}${esc(provName(doc.provider))} &middot; ${ddMony(doc.signed)}</div>`;
    const css = baseCss(f, 9.3) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}
      .t{font-size:13pt;font-weight:bold;margin:8pt 0 4pt 0}
      table.g{width:100%;border-collapse:collapse} table.g td{border:0.75px solid #000;padding:2pt 4pt} td.k{background:#e8e8e8;font-size:8pt;width:1.25in}
      .h{font-weight:bold;font-size:9.5pt;margin:7pt 0 1pt 0;border-bottom:0.75px solid #000} p{margin:1pt 0 2pt 0}.dx{margin-left:8pt}
      table.mt{width:100%;border-collapse:collapse} table.mt th{text-align:left;font-size:8pt;border-bottom:1px solid #000;padding:1.5pt} table.mt td{padding:1.5pt;border-bottom:0.5px solid #bbb}.sg{margin-top:12pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${esc(doc.mrn)} &middot; Operation &amp; Discharge Summary`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.k1: hospital EMERGENCY DEPARTMENT physician record (T-System / ED charting template manner): a
// triage strip (Arrival 14:05 · Triage level CTAS 3 / ESI 3 · Mode: walk-in), a VITAL SIGNS GRID with times as
// rows (only the first row carries faxgen's vitals, a recheck row later), "HPI", "ROS" and "EXAM" as tick-style
// lines, "MDM", "Clinical impression" with ICD codes, "Disposition: Discharged home", and a DISCHARGE MEDICATIONS
// list. Visit date printed "14/MAR/2024".
const ovK1 = {
  id: 'office_visit.k1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const d = parseIso(doc.date_of_service); const vd = `${zpad(d.getUTCDate())}/${MON[d.getUTCMonth()].toUpperCase()}/${d.getUTCFullYear()}`;
    const arr = `${zpad(rng.int(8, 20))}:${zpad(rng.int(0, 59))}`;
    const nm = nameLF(p, true);
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Emergency Department &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r t">ED PHYSICIAN RECORD</td></tr></table>
      <table class="st"><tr><td>PATIENT<br><b>${esc(nm)}</b></td><td>DOB<br>${fmtDate(p.dob, 'us')}</td><td>VISIT DATE<br>${vd}</td><td>ARRIVAL<br>${arr}</td><td>TRIAGE<br>ESI ${rng.int(3, 4)}</td><td>MODE<br>${rng.pick(['Walk-in', 'Private vehicle'])}</td><td>MRN<br>${esc(doc.mrn)}</td></tr></table>
      <div class="h">VITAL SIGNS</div>
      <table class="vs"><thead><tr><th>Time</th><th>BP</th><th>Pulse</th><th>Resp</th><th>Temp (F)</th><th>SpO2 %</th><th>Wt (lb)</th><th>Ht (in)</th><th>BMI</th></tr></thead>
      <tbody><tr><td>${arr}</td><td>${v.bp}</td><td>${v.hr}</td><td>${v.rr}</td><td>${v.temp}</td><td>${v.spo2}</td><td>${v.wt_lb}</td><td>${v.ht_in}</td><td>${v.bmi}</td></tr></tbody></table>
      <div class="h">CHIEF COMPLAINT</div><p>${esc(doc.chief_complaint)}</p>
      <div class="h">HPI</div><p>${esc(doc.hpi)}</p>
      <div class="h">ROS</div><p>${doc.ros.map(([k, x]) => `[x] ${esc(k)}: ${esc(x)}`).join(' &nbsp; ')}</p>
      <div class="h">EXAM</div><p>${doc.exam.map(([k, x]) => `[x] ${esc(k)}: ${esc(x)}`).join(' &nbsp; ')}</p>
      <div class="h">MEDICAL DECISION MAKING</div><p>${doc.plan.map(esc).join(' ')}</p>
      <div class="h">CLINICAL IMPRESSION</div>${doc.diagnoses.map((x, i) => `<p>${i + 1}) ${esc(x.description)} [${x.code}]</p>`).join('')}
      <div class="h">HOME / DISCHARGE MEDICATIONS</div>${doc.medications.length ? doc.medications.map((m) => `<p>&bull; ${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} &mdash; ${esc(m.sig)}</p>`).join('') : '<p>None</p>'}
      <p><b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</p>
      <div class="h">DISPOSITION</div><p>Discharged home in stable condition. ${esc(doc.followup)}</p>
      <div class="keep sg">${signatureSvg(rng, 110, 24)}${esc(provName(doc.provider))} &middot; electronically signed ${vd} ${fmtTime(doc.signed, '24')}</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.t{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}
      table.st{width:100%;border-collapse:collapse;margin:5pt 0} table.st td{border:1px solid #000;padding:2pt;font-size:8.5pt;vertical-align:top}
      .h{font-weight:bold;font-size:9pt;margin-top:6pt;background:#ddd;padding:0.5pt 3pt} p{margin:1pt 0}
      table.vs{border-collapse:collapse;margin:2pt 0} table.vs th,table.vs td{border:0.5px solid #555;padding:1pt 6pt;font-size:8.5pt;text-align:center}.sg{margin-top:10pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ED ${vd}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.k1 (pharmacy): SPECIALTY PHARMACY "THERAPY PROFILE" faxed to the prescriber (Accredo /
// CVS Specialty manner): "Therapy start" as the FIRST column (DD-MMM-YYYY), then Medication / Directions /
// Prescriber / Last fill / Status, patient line "Patient: Testbury, Harold  |  Born 04-Mar-1950  |  Patient ID",
// a "Clinical programme" line, allergies box, pharmacist attestation.
const mlK1 = {
  id: 'medication_list.k1', set: SET, type: 'medication_list', facilityKind: 'pharmacy',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last}, ${p.first}`;
    const rows = doc.medications.map((m) => `<tr><td>${ddMony(m.start)}</td><td><b>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</b></td><td>${esc(m.sig)}</td><td>${esc(provLF(doc.provider))}</td><td>${ddMony(addDaysIso(doc.date_of_service, -rng.int(3, 40)))}</td><td>${esc(m.status || 'Active')}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)} Specialty Pharmacy</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Tel ${fmtPhone(doc.facility.phone, 'dash')} &middot; Fax ${fmtPhone(doc.facility.fax, 'dash')}</div></td><td class="r t">THERAPY PROFILE</td></tr></table>
      <div class="pt">Patient: <b>${esc(nm)}</b> &nbsp;|&nbsp; Born ${ddMony(p.dob)} &nbsp;|&nbsp; Patient ID ${esc(doc.mrn)} &nbsp;|&nbsp; Profile date ${ddMony(doc.date_of_service)}</div>
      <div class="sm">Clinical programme: ${rng.pick(['Inflammatory conditions', 'Anticoagulation management', 'Oncology oral therapy', 'Multiple sclerosis'])} &middot; Prescriber on file: ${esc(provName(doc.provider))}</div>
      <div class="al">ALLERGIES: ${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join(', ') : 'No known allergies'}</div>
      <table class="ml"><thead><tr><th style="width:12%">Therapy start</th><th style="width:28%">Medication</th><th>Directions</th><th style="width:15%">Prescriber</th><th style="width:11%">Last fill</th><th style="width:9%">Status</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:10pt">Profile includes medicines dispensed by this pharmacy and those reported by the patient at the intake call. Please fax corrections to ${fmtPhone(doc.facility.fax, 'dash')}.</p>
      <div class="keep sg">${signatureSvg(rng, 100, 24)}Reviewed by ${rng.pick(['M. Sampleton, PharmD', 'K. Fauxwell, RPh'])}, clinical pharmacist &middot; ${ddMony(doc.date_of_service)}</div>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}
      .pt{margin:6pt 0 2pt 0;font-size:9.5pt}.al{border:1.5px solid #000;padding:3pt;margin:6pt 0;font-weight:bold}
      table.ml{width:100%;border-collapse:collapse} table.ml th{text-align:left;font-size:8pt;background:#000;color:#fff;padding:2pt} table.ml td{padding:2pt;border-bottom:0.5px solid #999;vertical-align:top}.sg{margin-top:10pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Therapy Profile`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION RECORD =======================
// immunization.k1: AUSTRALIAN IMMUNISATION REGISTER "Immunisation History Statement" (Services Australia /
// Medicare manner): "Immunisation history statement" title, "Name HAROLD JAMES TESTBURY" (given names first, all
// caps), "Date of birth 4 March 1950", "Medicare card no.", "Date of issue", a table Date given "04 MAR 2024" /
// Immunisation provider / Vaccine brand name (+ generic and CVX in small type) / Dose / Batch, "Next due" line.
const imK1 = {
  id: 'immunization.k1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = nameFML(p).replace(/\./g, '').toUpperCase();
    const rows = doc.immunizations.map((s) => `<tr><td>${ddMONy(s.date)}</td><td>${esc(doc.facility.name)}</td><td><b>${esc(s.trade_name)}</b><div class="g">${esc(s.vaccine)} &middot; CVX ${s.cvx} &middot; ${esc(s.mvx)} &middot; ${esc(s.site)}</div></td><td>${s.dose_number}</td><td>${esc(s.lot)}</td></tr>`).join('');
    const body = `
      <div class="top"><span class="ag">Immunisation register</span><span class="sm">${esc(doc.facility.name)} &middot; provider ${rng.digits(6)}${rng.letters(1).toUpperCase()}</span></div>
      <div class="t">Immunisation history statement</div>
      <table class="id"><tr><td class="k">Name</td><td><b>${esc(nm)}</b></td></tr>
      <tr><td class="k">Date of birth</td><td>${dMonthY(p.dob)}</td></tr>
      <tr><td class="k">Medicare card no.</td><td>${rng.digits(4)} ${rng.digits(5)} ${rng.digits(1)}</td></tr>
      <tr><td class="k">Date of issue</td><td>${dMonthY(doc.date_of_service)}</td></tr></table>
      <p class="sm">This statement shows the vaccines recorded for this person. Record ID ${doc.registry_id}.</p>
      <table class="v"><thead><tr><th style="width:14%">Date given</th><th style="width:24%">Immunisation provider</th><th>Vaccine brand name</th><th style="width:7%">Dose</th><th style="width:13%">Batch</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:10pt">Printed at the request of ${esc(provName(doc.provider))}, ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}. Chart ${esc(doc.mrn)}.</p>`;
    const css = baseCss(f, 9.5) + `
      .top{display:flex;justify-content:space-between;align-items:baseline;border-bottom:3px solid #000;padding-bottom:3pt}.ag{font-size:14pt;font-weight:bold}.sm{font-size:7.8pt}
      .t{font-size:18pt;margin:10pt 0 6pt 0} table.id td{padding:1.5pt 12pt 1.5pt 0} td.k{font-weight:bold;width:1.5in}
      table.v{width:100%;border-collapse:collapse;margin-top:6pt} table.v th{text-align:left;font-size:8.5pt;border-bottom:2px solid #000;padding:2pt} table.v td{padding:3pt 2pt;border-bottom:0.5px solid #999;vertical-align:top}.g{font-size:7.5pt;color:#333}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${dMonthY(p.dob)}`, PN);
    return { css, body, footer, margins: M(0.6, 0.6, 0.75, 0.75), fonts: [f], gt: { name_printed: nm, immunizations: doc.immunizations.map(immGt) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.k1: hospital CT-style report with a RADIATION DOSE REPORT block (Siemens/GE "Patient Protocol" dose
// page transcribed into the report, as EU/UK departments do): header "Examination", "Requested by", "Examined
// 14-Mar-2024 10:32", "NHS/Hospital no.", "DOB 04-Mar-1950"; "Clinical details", "Report", "Conclusion"; then a
// boxed DOSE REPORT table Series / Scan / kV / mAs / CTDIvol (mGy) / DLP (mGy·cm) with a Total DLP line (for non-CT
// modalities "DAP (Gy·cm²)" and a fluoro time). Reporter "Dr H. Testman, Consultant Radiologist, GMC".
const radK1 = {
  id: 'radiology.k1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const nm = upLast(p);
    const isCT = /^CT/i.test(doc.modality) || /\bCT\b/.test(doc.exam);
    const n = rng.int(1, 3);
    const series = Array.from({ length: n }, (_, i) => { const c = rng.float(3, 16).toFixed(2); const len = rng.int(25, 60); return [i + 1, ['Topogram', 'Helical', 'Helical C+'][i] || 'Helical', rng.pick([100, 120]), rng.int(80, 250), c, (c * len).toFixed(1)]; });
    const dose = isCT ? `<table class="dz"><tr><th colspan="6">DOSE REPORT</th></tr><tr><td>Series</td><td>Scan</td><td>kV</td><td>mAs</td><td>CTDIvol (mGy)</td><td>DLP (mGy&middot;cm)</td></tr>${series.map((s) => `<tr>${s.map((x) => `<td>${x}</td>`).join('')}</tr>`).join('')}<tr><td colspan="5" class="r">Total DLP</td><td>${series.reduce((a, s) => a + Number(s[5]), 0).toFixed(1)}</td></tr></table>`
      : `<table class="dz"><tr><th colspan="2">DOSE REPORT</th></tr><tr><td>DAP (Gy&middot;cm&sup2;)</td><td>${rng.float(0.02, 0.4).toFixed(3)}</td></tr><tr><td>Exposures</td><td>${rng.int(1, 3)}</td></tr></table>`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Department of Clinical Radiology &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><div class="t">Radiology Report</div></td></tr></table>
      <table class="id"><tr><td class="k">Patient</td><td><b>${esc(nm)}</b></td><td class="k">Hospital no.</td><td>${esc(doc.mrn)}</td></tr>
      <tr><td class="k">DOB</td><td>${ddMony(p.dob)}</td><td class="k">Accession</td><td>${doc.accession}</td></tr>
      <tr><td class="k">Examination</td><td>${esc(doc.exam)} (${doc.cpt})</td><td class="k">Examined</td><td>${ddMony(doc.exam_datetime)} ${fmtTime(doc.exam_datetime, '24')}</td></tr>
      <tr><td class="k">Requested by</td><td>${esc(provName(doc.provider))}</td><td class="k">Modality</td><td>${esc(doc.modality)}</td></tr></table>
      <div class="h">Clinical details</div><p>${esc(doc.indication)}</p>
      <div class="h">Technique</div><p>${esc(doc.technique)} Comparison: ${esc(doc.comparison)}</p>
      <div class="h">Report</div><p>${doc.findings.map(esc).join(' ')}</p>
      <div class="h">Conclusion</div>${doc.impression.map((x) => `<p class="cn"><b>${esc(x)}</b></p>`).join('')}
      ${doc.birads !== null && doc.birads !== undefined ? `<p>BI-RADS category ${doc.birads}.</p>` : ''}
      <div class="keep">${dose}</div>
      <div class="keep sg">Reported by ${esc(provName(doc.radiologist))}, Consultant Radiologist &middot; verified ${ddMony(doc.signed)} ${fmtTime(doc.signed, '24')}</div>`;
    const css = baseCss(f, 9.5) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:15pt}.sm{font-size:7.5pt}
      table.id{width:100%;margin:6pt 0} table.id td{padding:1pt 4pt 1pt 0} td.k{font-size:8pt;color:#333;width:0.95in}
      .h{font-weight:bold;font-style:italic;margin-top:7pt} p{margin:1pt 0}.cn{margin-left:10pt}
      table.dz{margin-top:12pt;border:1px solid #000;font-family:'FreeMono';font-size:8pt} table.dz th{text-align:left;border-bottom:1px solid #000;padding:2pt} table.dz td{padding:1pt 6pt}.sg{margin-top:10pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f, 'FreeMono'], gt: { name_printed: nm, radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.k1: GP-to-DERMATOLOGY referral LETTER in UK / Commonwealth manner: practice letterhead right-aligned,
// date as "Thursday, 14 March 2024", "Dear Dr Samplewell," then a bold "Re: Mr Harold TESTBURY  d.o.b. 04/03/1950"
// block (day-first!) with address and hospital number, the body as prose ("I would be grateful if you could see …"),
// "Current medication:" as a run-on list, "Problem list:" with codes, "Yours sincerely", and the priority
// written as "Two-week-wait / Urgent / Routine" in the subject line.
const refK1 = {
  id: 'referral.k1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const ttl = p.sex === 'M' ? 'Mr' : 'Mrs';
    const nm = `${ttl} ${p.first} ${p.last.toUpperCase()}`;
    const d = parseIso(p.dob); const dob = `${zpad(d.getUTCDate())}/${zpad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    const body = `
      <div class="lh"><div class="fn">${esc(doc.facility.name)}</div><div>${esc(doc.facility.address.line1)}</div><div>${esc(doc.facility.address.city)}, ${esc(doc.facility.address.state)} ${esc(doc.facility.address.zip)}</div><div>Tel ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)}</div></div>
      <p>${wdDMonthY(doc.date_of_service)}</p>
      <p>${esc(provName(to))}<br>${esc(doc.specialty)}<br>${esc(doc.to_facility.name)}<br>${esc(fmtAddr(doc.to_facility.address))}</p>
      <p>Dear Dr ${esc(to.last)},</p>
      <p class="re"><b>Re: ${esc(nm)} &nbsp; d.o.b. ${dob}</b><br>${esc(fmtAddr(p.address || doc.facility.address))} &nbsp; Hosp/NHS no. ${esc(doc.mrn)}<br>Priority: <b>${esc(doc.urgency)}</b>${doc.auth_number ? ` &nbsp; Authorisation ${esc(doc.auth_number)}` : ''}</p>
      <p>I would be grateful if you could see this ${rng.int(30, 80) > 50 ? 'pleasant' : ''} patient in your ${esc(doc.specialty)} clinic. ${esc(doc.reason)}.</p>
      <p>${ttl} ${esc(p.last)} has been otherwise well. I enclose ${doc.enclosures.map(esc).join(', ')}.</p>
      <p><b>Problem list:</b> ${doc.diagnoses.map((x) => `${esc(x.description)} (${x.code})`).join('; ')}.</p>
      <p><b>Current medication:</b> ${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join(', ') : 'nil'}.</p>
      <p><b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'no known drug allergies'}.</p>
      <p>Many thanks for your help with ${p.sex === 'M' ? 'his' : 'her'} care.</p>
      <p>Yours sincerely,</p>${signatureSvg(rng, 130, 30)}
      <p>${esc(provName(doc.provider))}<br>General Practitioner</p>`;
    const css = baseCss(f, 10.5) + `
      .lh{text-align:right;font-size:9pt;margin-bottom:14pt}.fn{font-size:13pt;font-weight:bold} p{margin:0 0 8pt 0;line-height:1.35}.re{border-left:3px solid #000;padding-left:6pt}`;
    return { css, body, margins: M(0.8, 0.8, 1.0, 1.0), fonts: [f], gt: { name_printed: nm, diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.k1 (billing office): hospital ITEMIZED STATEMENT with REVENUE CODES (hospital patient-financial-services
// "Detail Bill" manner), kind patient_statement: "ITEMIZED STATEMENT OF ACCOUNT", guarantor/patient block, columns
// Svc Date / Rev Code / Description / CPT-HCPCS / Qty / Charges, then an "Account activity" block (Insurance
// payment, Contractual adjustment, Patient balance), "Amount due" and due date, dates "03/14/24".
const billK1 = {
  id: 'billing.k1', set: SET, type: 'insurance_billing', facilityKind: 'billing',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const nm = nameLF(p, true);
    const rev = (c) => (/^992/.test(c) ? '0510' : /^(36415)$/.test(c) ? '0300' : /^8/.test(c) ? '0301' : /^7/.test(c) ? '0350' : /^90/.test(c) ? '0636' : '0510');
    const sd = (iso) => fmtDate(iso, 'us-short');
    const due = Math.round((doc.previous_balance + t.patient_resp) * 100) / 100;
    const rows = doc.lines.map((l) => `<tr><td>${sd(l.date)}</td><td>${rev(l.cpt)}</td><td>${esc(l.description.toUpperCase())}</td><td>${l.cpt}</td><td class="r">1</td><td class="r">${money(l.billed)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Patient Financial Services &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><div class="t">ITEMIZED STATEMENT<br>OF ACCOUNT</div></td></tr></table>
      <table class="id"><tr><td>PATIENT: <b>${esc(nm)}</b></td><td>ACCOUNT NO: ${doc.account}</td><td>STATEMENT DATE: ${sd(doc.statement_date)}</td></tr>
      <tr><td>DOB: ${sd(p.dob)}</td><td>SERVICE FROM: ${sd(doc.date_of_service)} THRU: ${sd(doc.date_of_service)}</td><td>DUE BY: ${sd(doc.due_date)}</td></tr>
      <tr><td>INSURANCE: ${esc(doc.payer.toUpperCase())}</td><td>POLICY: ${doc.member_id}</td><td>CLAIM: ${doc.claim_number}</td></tr></table>
      <table class="it"><thead><tr><th>SVC DATE</th><th>REV CODE</th><th>DESCRIPTION</th><th>CPT/HCPCS</th><th class="r">QTY</th><th class="r">CHARGES</th></tr></thead><tbody>${rows}
      <tr class="tt"><td colspan="5" class="r">TOTAL CHARGES</td><td class="r">${money(t.billed)}</td></tr></tbody></table>
      <table class="ac"><tr><th colspan="2">ACCOUNT ACTIVITY</th></tr>
      <tr><td>INSURANCE PAYMENT ${esc(doc.payer.toUpperCase())}</td><td class="r">-${money(t.paid)}</td></tr>
      <tr><td>CONTRACTUAL ADJUSTMENT</td><td class="r">-${money(t.not_covered)}</td></tr>
      <tr><td>DEDUCTIBLE / COPAY / COINSURANCE</td><td class="r">${money(t.patient_resp)}</td></tr>
      <tr><td>PREVIOUS BALANCE</td><td class="r">${money(doc.previous_balance)}</td></tr>
      <tr class="tt"><td>AMOUNT DUE</td><td class="r">${money(due)}</td></tr></table>
      <p class="sm">Revenue codes: 0300/0301 laboratory, 0350 CT/imaging, 0510 clinic, 0636 drugs requiring detailed coding. Questions about this bill: ${fmtPhone(doc.facility.phone)}. Financial assistance is available.</p>`;
    const css = baseCss(f, 8.8) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.t{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}
      table.id{width:100%;margin:6pt 0} table.id td{padding:1pt 4pt 1pt 0;font-size:8.3pt}
      table.it{width:100%;border-collapse:collapse;margin-top:4pt} table.it th{text-align:left;border-top:1px solid #000;border-bottom:1px solid #000;padding:2pt;font-size:8pt} table.it td{padding:1.2pt 2pt}
      tr.tt td{font-weight:bold;border-top:1px dashed #000} table.ac{width:60%;margin:12pt 0 8pt auto;border:1px solid #000} table.ac th{text-align:left;border-bottom:1px solid #000;padding:2pt} table.ac td{padding:1pt 4pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ACCT ${doc.account}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nm, billing: { kind: 'patient_statement', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, account: doc.account, statement_date: doc.statement_date, previous_balance: doc.previous_balance, amount_due: due, lines: doc.lines, totals: doc.totals } } };
  },
};

export default [coverK1, labK1, labK2, labK3, labK4, dsK1, ovK1, mlK1, imK1, radK1, refK1, billK1];
