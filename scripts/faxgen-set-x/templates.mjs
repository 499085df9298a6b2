// faxgen template set 'set-x': another stand-in for faxgen's held-out template set, written without looking
// at the extraction rules and independent of set-a and of every earlier stand-in (set-q .. set-w, set-z):
// other layouts, typefaces and fax-header formats. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-x/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-x ...
// faxgen's helpers are imported from $FAXGEN_DIR or, by default, ../shared/faxgen beside the repo.
// Every template keeps set-a's ground-truth (`gt`) contract (see faxgen's README, "Ground-truth schema"):
// US dates, names/values exactly as printed. See README.md here: this set measures generalization;
// do not tune extraction rules to its layouts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAXGEN = fs.realpathSync(process.env.FAXGEN_DIR ? path.resolve(process.env.FAXGEN_DIR) : path.resolve(here, '../../../shared/faxgen'));
const lib = (p) => import(pathToFileURL(path.join(FAXGEN, 'lib', p)).href);
const { baseCss, labPanels, signatureSvg, barcodeSvg, logoSvg, box, medGt, esc } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, phoneDigits, nameFL, nameFML, provName, provLF, provDr, fmtAddr, money, ageOn, fmtDateTime, addDays, parseIso, pad: zpad } = await lib('util.mjs');

const SET = 'set-x';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// Every Latin face on this machine is printed by some earlier set; set-x takes the least used ones
// (DejaVu Sans Light and DejaVu Math TeX Gyre: only set-u; Liberation Sans Narrow: set-r/u; the condensed
// DejaVu faces: set-s/w; Noto Mono / Noto Sans Mono: set-r/t/w) and prints the fax header line in a
// condensed sans or the math serif, which no earlier set does for its TTI.
export const fonts = {
  [SET]: {
    sans: ['DejaVu Sans Light', 'Liberation Sans Narrow', 'DejaVu Sans Condensed'],
    serif: ['DejaVu Math TeX Gyre', 'DejaVu Serif Condensed'],
    mono: ['Noto Mono', 'Noto Sans Mono'],
    narrow: ['Liberation Sans Narrow', 'DejaVu Sans Condensed'],
    tti: ['DejaVu Sans Condensed', 'DejaVu Math TeX Gyre', 'Noto Mono'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- fax header (TTI) lines
const MON = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DOW = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const h12 = (dt) => { const hh = Number(dt.slice(11, 13)); return { h: ((hh + 11) % 12) + 1, ap: hh < 12 ? 'AM' : 'PM', m: dt.slice(14, 16) }; };
const dash = (iso) => fmtDate(iso, 'us').replace(/\//g, '-');
export const tti = {
  [SET]: [
    // Panasonic KX-MB / KX-FL: "MAR-14-2024(THU) 10:32  SENDER  (FAX)217 555 0146  P.002/005"
    (t) => { const d = parseIso(t.dt); return [`${MON[d.getUTCMonth()]}-${zpad(d.getUTCDate())}-${d.getUTCFullYear()}(${DOW[d.getUTCDay()]}) ${fmtTime(t.dt, '24')}`, t.sender.toUpperCase().slice(0, 24), `(FAX)${t.fax.area} ${t.fax.exch} ${t.fax.line}`, `P.${zpad(t.page, 3)}/${zpad(t.total, 3)}`]; },
    // Brother MFC with the RECIPIENT number printed (a reader must not take it for the sender's):
    // "03/14/2024 10:32  TO:2175550199  FROM:SENDER  #4821 P.2 of 5"
    (t) => [`${fmtDate(t.dt, 'us')} ${fmtTime(t.dt, '24')}`, `TO:${phoneDigits(t.toFax)}`, `FROM:${t.sender.toUpperCase().slice(0, 22)}`, `#${t.job}${t.fjob % 10} P.${t.page} of ${t.total}`],
    // XMediusFAX / OpenText fax server, sender first, dashed date with zone: "SENDER  FAX:217-555-0146  03-14-2024 10:32 AM EST  Pg 2/5"
    (t) => { const c = h12(t.dt); return [t.sender.slice(0, 28), `FAX:${fmtPhone(t.fax, 'dash')}`, `${dash(t.dt)} ${c.h}:${c.m} ${c.ap} ${['EST', 'CST', 'MST', 'PST'][t.job % 4]}`, `Pg ${t.page}/${t.total}`]; },
  ],
};

// A FORWARDED fax: the document was first faxed to an intermediate office, which faxed it on. The older
// header line of that first transmission is part of the page image, printed on every page just under the
// new one (template running header), in another machine's format.
function forwarded(doc, env, chance = 0.35) {
  if (!env.rng.chance(chance)) return null;
  const rng = env.rng;
  const dt = `${addDays(doc.date_of_service, rng.int(0, 2))}T${zpad(rng.int(8, 17))}:${zpad(rng.int(0, 59))}`;
  const who = `${rng.pick(['VALLEY', 'NORTHGATE', 'CEDAR', 'HARBOR'])} ${rng.pick(['MED RECORDS', 'FAMILY MED', 'HIM DEPT', 'CLINIC'])}`;
  const num = `${rng.int(201, 989)}55501${zpad(rng.int(0, 99))}`;
  const c = h12(dt);
  const total = rng.int(2, 9);
  const style = rng.int(0, 1);
  const line = style === 0
    ? `${dash(dt)}  ${c.h}:${c.m}${c.ap[0].toLowerCase()}  FROM ${num}  ${who}  PG ${rng.int(1, total)} OF ${total}`
    : `Fwd: rcvd ${fmtDate(dt, 'us-nopad')} ${fmtTime(dt, '24')} from ${who} (${num.slice(0, 3)}) ${num.slice(3, 6)}-${num.slice(6)} p${rng.int(1, total)}`;
  return `<div style="font-family:'Noto Mono';font-size:7pt;padding:0 0.35in;white-space:nowrap">${esc(line)}</div>`;
}

// ---------------------------------------------------------------- helpers
const sexWord = (p) => (p.sex === 'F' ? 'Female' : 'Male');
// a generational suffix for some male patients, stable per patient (so every document of a transmission agrees)
function suffixOf(p) {
  if (p.sex !== 'M') return '';
  let h = 0; for (const ch of `${p.first}${p.last}${p.dob}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 4 === 0 ? ['Jr.', 'Sr.', 'II', 'III'][(h >>> 3) % 4] : '';
}
/** "Testbury Jr., Harold J" (Epic) or, upper, "TESTBURY JR, HAROLD J" (Cerner) */
function nameLFS(p, upper = false) {
  const sfx = suffixOf(p);
  const s = `${p.last}${sfx ? ' ' + (upper ? sfx.replace('.', '') : sfx) : ''}, ${p.first}${p.middle ? ' ' + p.middle[0] : ''}`;
  return upper ? s.toUpperCase() : s;
}
/** "Harold J. Testbury Jr." */
const nameFMLS = (p) => `${nameFML(p)}${suffixOf(p) ? ' ' + suffixOf(p) : ''}`;
const dobAge = (p, on) => `${fmtDate(p.dob, 'us')} (${ageOn(p.dob, on.slice(0, 10))} y.o.)`;
/** labPanels with our own flag spelling written back into the ground truth */
function panelsWith(doc, opts, spell) {
  const panels = labPanels(doc, { ...opts, flagStyle: 'HL' });
  for (const P of panels) for (const r of P.rows) { r.flagPrinted = r.flag ? spell[r.flag] : ''; r.gt.flag_printed = r.flagPrinted || null; }
  return panels;
}
const pageFooter = (f, left, right, pad = 0.6) => `<div style="font-family:'${f}';font-size:7pt;box-sizing:border-box;width:100%;padding:0 ${pad}in;display:flex;justify-content:space-between"><span>${left}</span><span>${right}</span></div>`;
const PN = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
const PN2 = '<span class="pageNumber"></span>/<span class="totalPages"></span>';

// ======================= FAX COVER SHEETS =======================
// cover.x1: health-system "TRANSITION OF CARE PACKET" cover: a document INDEX table (No. / Document /
// Sheets) instead of free text, "Sheet count" for the page number, sender/recipient as two stacked
// strips with the label inside a black tab.
const coverX1 = {
  id: 'cover.x1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility; const rng = env.rng;
    // one index row per document kind named in the subject line; a subject with a DOB or a request number stays whole
    const items = /DOB|#/.test(doc.re) ? [doc.re] : doc.re.split(/, | \/ | - /).map((x) => x.trim()).filter(Boolean).slice(0, 4);
    const strip = (tab, rows) => `<table class="st"><tr><td class="tab">${tab}</td><td>${rows}</td></tr></table>`;
    const body = `
      <div class="hd"><div class="fn">${esc(s.name)}</div><div class="sm">${esc(fmtAddr(s.address))} &nbsp;|&nbsp; Main ${fmtPhone(s.phone, 'dot')} &nbsp;|&nbsp; Fax ${fmtPhone(s.fax, 'dot')}</div></div>
      <div class="ttl">Transition of Care Packet &mdash; Fax Cover</div>
      ${strip('TO', `<b>${esc(doc.to_name)}</b>${doc.to_org ? ' &middot; ' + esc(doc.to_org) : ''}<br>Fax ${fmtPhone(doc.to_fax)}${doc.to_phone ? ' &nbsp; Tel ' + fmtPhone(doc.to_phone) : ''}`)}
      ${strip('FROM', `<b>${esc(doc.from_person)}</b> &middot; ${esc(s.name)}<br>Return fax ${fmtPhone(s.fax)} &nbsp; Tel ${fmtPhone(s.phone)}`)}
      <table class="meta"><tr><td>Sent ${fmtDate(doc.date_of_service, 'month-d-y')} at ${fmtTime(doc.datetime, '12n')}</td><td>Sheet count: ${doc.pages} (cover is sheet 1)</td><td>${doc.urgent ? '<b>*** URGENT ***</b>' : 'Routine'}</td></tr></table>
      <div class="sh">Packet index</div>
      <table class="ix"><tr><th>No.</th><th>Document</th></tr>${items.map((x, i) => `<tr><td>${i + 1}</td><td>${esc(x)}</td></tr>`).join('')}</table>
      <div class="sh">Note from sender</div><div class="msg">${esc(doc.message)}</div>
      <div class="conf">CONFIDENTIALITY: The pages that follow contain protected health information. They are intended solely for the recipient named above for treatment, payment or operations. If this fax reached you in error, call ${fmtPhone(s.phone)} and shred the pages.</div>`;
    const css = baseCss(f, 10) + `
      .hd{border-bottom:1px solid #000;padding-bottom:4pt}.fn{font-size:15pt;font-weight:bold}.sm{font-size:8pt}
      .ttl{font-size:14pt;margin:12pt 0 8pt 0;font-variant:small-caps;letter-spacing:1pt}
      table.st{width:100%;margin-bottom:5pt;border:1px solid #000} table.st td{padding:4pt 6pt;vertical-align:top} td.tab{width:0.7in;background:#000;color:#fff;font-weight:bold;text-align:center;vertical-align:middle}
      table.meta{width:100%;margin:6pt 0} table.meta td{padding:3pt 0;font-size:9.5pt}
      .sh{font-weight:bold;margin:8pt 0 2pt 0;border-bottom:1px solid #000}
      table.ix{width:100%} table.ix th{text-align:left;font-size:8.5pt} table.ix td{padding:2pt 4pt 2pt 0;border-bottom:1px dotted #888} table.ix td:first-child{width:0.5in}
      .msg{min-height:90pt;padding:4pt 0}.conf{margin-top:12pt;font-size:7.5pt}`;
    return { css, body, margins: M(0.65, 0.7, 0.75, 0.75), fonts: [f] };
  },
};

// cover.x2: WinFax PRO / Brother PC-FAX generated cover page: a large outlined "F A X", the fields in
// a right-aligned caption column ("Number of pages (including cover):", "Voice number:"), the message
// area ruled, the date as "Thursday, 3/14/2024".
const coverX2 = {
  id: 'cover.x2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'narrow'])); const s = doc.from_facility;
    const wd = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][parseIso(doc.date_of_service).getUTCDay()];
    const r = (l, v) => `<tr><td class="l">${l}</td><td class="v">${v}</td></tr>`;
    const body = `
      <div class="big">F A X</div>
      <table class="g">
        ${r('Date:', `${wd}, ${fmtDate(doc.date_of_service, 'us-nopad')}`)}
        ${r('Number of pages (including cover):', doc.pages)}
        <tr><td colspan="2" class="gap"></td></tr>
        ${r('To:', esc(doc.to_name))}${r('Company:', esc(doc.to_org || ''))}${r('Fax number:', fmtPhone(doc.to_fax, 'dash'))}${r('Voice number:', doc.to_phone ? fmtPhone(doc.to_phone, 'dash') : '')}
        <tr><td colspan="2" class="gap"></td></tr>
        ${r('From:', esc(doc.from_person))}${r('Company:', esc(s.name))}${r('Fax number:', fmtPhone(s.fax, 'dash'))}${r('Voice number:', fmtPhone(s.phone, 'dash'))}
        <tr><td colspan="2" class="gap"></td></tr>
        ${r('Subject:', esc(doc.re))}${doc.urgent ? r('Priority:', '<b>URGENT &ndash; please deliver immediately</b>') : ''}
      </table>
      <div class="ml">Comments:</div><div class="msg">${esc(doc.message)}</div>
      <div class="conf">${esc(s.name)} &middot; ${esc(fmtAddr(s.address))}<br>This facsimile may contain privileged and confidential information intended only for the addressee. Any review, dissemination or copying by anyone else is prohibited.</div>`;
    const css = baseCss(f, 10.5) + `
      .big{font-size:46pt;font-weight:bold;color:#fff;-webkit-text-stroke:1.5px #000;letter-spacing:6pt;margin-bottom:10pt}
      table.g{width:100%} table.g td{padding:2pt 6pt;vertical-align:top} td.l{width:42%;text-align:right;font-weight:bold} td.gap{height:8pt;border-bottom:1px solid #000}
      .ml{margin-top:14pt;font-weight:bold}.msg{min-height:150pt;background:repeating-linear-gradient(#fff 0,#fff 17pt,#999 17pt,#999 18pt);line-height:18pt;padding-top:1pt}
      .conf{margin-top:14pt;font-size:7.5pt;text-align:center}`;
    return { css, body, margins: M(0.8, 0.7, 0.9, 0.9), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.x1 (hospital): Cerner PowerChart "Laboratory Summary" chart print: banner "TESTBURY JR, HAROLD J"
// with "Birth Date:", "Encounter Date:", FIN / MRN; columns Test | Result | Units | Normal Low |
// Normal High | Interpretation — the reference range split in TWO columns, the flag as words
// "Above High Normal" / "Below Low Normal" / "Abnormal", units BEFORE the range.
const labX1 = {
  id: 'lab.x1', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'full', rangeStyle: 'e' }, { H: 'Above High Normal', L: 'Below Low Normal', A: 'Abnormal' });
    const cells = (r) => {
      const lo = r.gt.reference_low, hi = r.gt.reference_high;
      if (lo === null && hi === null) return `<td colspan="2">${esc(r.range)}</td>`;
      const dec = (r.value.split('.')[1] || '').length;
      const fmt = (v) => (v === null ? '' : Number(v).toFixed(dec));
      return `<td>${fmt(lo)}</td><td>${fmt(hi)}</td>`;
    };
    const rowsHtml = panels.map((P) => `<tr class="ph"><td colspan="6">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="tn">${esc(r.name)}</td><td class="${r.flag ? 'b' : ''}">${esc(r.value)}</td><td>${esc(r.unit)}</td>${cells(r)}<td>${esc(r.flagPrinted)}</td></tr>`).join('')).join('');
    // the range as printed is the two cells read left to right
    for (const P of panels) for (const r of P.rows) {
      const lo = r.gt.reference_low, hi = r.gt.reference_high; const dec = (r.value.split('.')[1] || '').length;
      if (lo !== null || hi !== null) r.gt.reference_range = [lo, hi].filter((v) => v !== null).map((v) => Number(v).toFixed(dec)).join(' ');
    }
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const banner = `<b>${esc(nameLFS(p, true))}</b> &nbsp;&nbsp; Birth Date: ${fmtDate(p.dob, 'us')} &nbsp;&nbsp; Age: ${ageOn(p.dob, doc.collected)} years &nbsp;&nbsp; Sex: ${sexWord(p)} &nbsp;&nbsp; MRN: ${esc(doc.mrn)} &nbsp;&nbsp; FIN: ${doc.account}`;
    const body = `
      <div class="t">${esc(doc.facility.name)} &ndash; Laboratory Summary</div>
      <div class="bn">${banner}</div>
      <table class="kv"><tr><td>Encounter Date: ${fmtDate(doc.collected, 'us')}</td><td>Location: ${rng.pick(['MED/SURG', 'TELEMETRY', 'ED', 'OUTPT LAB'])}</td><td>Attending: ${esc(provLF(doc.provider))} ${esc(doc.provider.cred)}</td></tr>
      <tr><td>Collected: ${fmtDate(doc.collected, 'us')} ${fmtTime(doc.collected, '24c')}</td><td>Received: ${fmtDate(doc.received, 'us')} ${fmtTime(doc.received, '24c')}</td><td>Accession: ${doc.accession} &nbsp; Status: ${doc.status === 'Corrected' ? 'Corrected' : 'Auth (Verified)'}</td></tr></table>
      <table class="res"><thead><tr><th style="width:34%">Test</th><th style="width:10%">Result</th><th style="width:12%">Units</th><th style="width:10%">Normal Low</th><th style="width:10%">Normal High</th><th>Interpretation</th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <div class="keep lg">Interpretation is blank when the result lies between Normal Low and Normal High. Performed at ${esc(doc.facility.name)} Clinical Laboratory, ${esc(fmtAddr(doc.facility.address))}. Director ${esc(provName(doc.lab_director))}.</div>`;
    const css = baseCss(f, 8.5) + `
      .t{font-size:12pt;font-weight:bold;margin-bottom:4pt}.bn{background:#d9d9d9;padding:3pt 5pt;font-size:8.5pt}
      table.kv{width:100%;margin:4pt 0 6pt 0} table.kv td{font-size:8pt;padding:1pt 6pt 1pt 0}
      table.res{width:100%} table.res th{text-align:left;font-size:7.5pt;border-bottom:1px solid #000;border-top:1px solid #000;padding:2pt} table.res td{padding:1.2pt 2pt}
      tr.ph td{font-weight:bold;padding-top:5pt;font-style:italic} td.tn{padding-left:10pt}.lg{margin-top:10pt;font-size:7pt}`;
    const fwd = forwarded(doc, env);
    const footer = pageFooter(f, `${esc(nameLFS(p, true))} &nbsp; MRN ${esc(doc.mrn)} &nbsp; Printed ${fmtDate(doc.faxDate, 'us')}`, PN);
    return { css, body, footer, header: fwd, margins: M(fwd ? 0.55 : 0.45, 0.55, 0.55, 0.55), fonts: [f], gt: { lab_results: gt, name_printed: nameLFS(p, true), performing_lab: doc.facility.name } };
  },
};

// lab.x2 (reflab): LabCorp-style "Patient Report": three detail boxes across the top (Specimen Details with
// "Specimen ID" / "Control ID" / "Acct #"; Patient Details with "DOB:" and "Age(y/m/d): 074/00/10";
// Physician Details), "Date collected: 03/14/2024 0815 Local"; then a result table with a leading
// 6-digit TEST NUMBER column: Test No. | Test | Result | Flag | Units | Reference Interval | Lab, flags
// "High" / "Low" / "Alert"; "01" lab-site codes keyed at the end.
const labX2 = {
  id: 'lab.x2', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Keystone Clinical Reference Laboratory', 'Prairie Path Laboratories'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'full', rangeStyle: 'l' }, { H: 'High', L: 'Low', A: 'Alert' });
    const code = (r) => String(100000 + (([...r.key].reduce((h, c) => h * 37 + c.charCodeAt(0), 7) >>> 0) % 899999)).padStart(6, '0');
    const a = parseIso(p.dob), b = parseIso(doc.collected.slice(0, 10));
    let yy = b.getUTCFullYear() - a.getUTCFullYear(), mm = b.getUTCMonth() - a.getUTCMonth(), dd = b.getUTCDate() - a.getUTCDate();
    if (dd < 0) { mm--; dd += 30; } if (mm < 0) { yy--; mm += 12; }
    const rowsHtml = panels.map((P) => `<tr class="ph"><td></td><td colspan="6">${esc(P.name)}</td></tr>` + P.rows.map((r) =>
      `<tr><td class="cd">${code(r)}</td><td>${esc(r.name)}</td><td class="${r.flag ? 'b' : ''}">${esc(r.value)}</td><td>${esc(r.flagPrinted)}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td><td class="c">01</td></tr>`).join('')).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <table class="top"><tr><td class="lab">${esc(doc.labName)}</td><td class="r"><div class="pr">Patient Report</div>${barcodeSvg(rng, 120, 18)}</td></tr></table>
      <table class="bx"><tr>
        <td><div class="cap">Specimen Details</div>Specimen ID: ${doc.specimen_id}<br>Control ID: ${rng.digits(8)}<br>Acct #: ${doc.account.slice(0, 8)} &nbsp; Phone: ${fmtPhone(doc.client.phone)}<br>Rte: ${zpad(rng.int(0, 99))}<br>Date collected: ${fmtDate(doc.collected, 'us')} ${fmtTime(doc.collected, '24c')} Local<br>Date received: ${fmtDate(doc.received, 'us')}<br>Date entered: ${fmtDate(doc.received, 'us')}<br>Date reported: ${fmtDate(doc.reported, 'us')} ${fmtTime(doc.reported, '24c')} ET</td>
        <td><div class="cap">Patient Details</div><b>${esc(nameLFS(p))}</b><br>DOB: ${fmtDate(p.dob, 'us')}<br>Age(y/m/d): ${zpad(yy, 3)}/${zpad(mm)}/${zpad(dd)}<br>Gender: ${p.sex} &nbsp; Patient ID: ${esc(doc.mrn)}<br>Fasting: ${doc.fasting === 'Y' ? 'Yes' : doc.fasting === 'N' ? 'No' : ''}</td>
        <td><div class="cap">Physician Details</div>${esc(provLF(doc.provider, true))}<br>${esc(doc.client.name)}<br>${esc(doc.client.address.line1)}<br>${esc(doc.client.address.city)}, ${doc.client.address.state} ${doc.client.address.zip}<br>NPI: ${rng.digits(10)}</td></tr></table>
      <div class="to"><b>Ordered Items:</b> ${panels.map((P) => esc(P.name)).join('; ')}</div>
      <table class="res"><thead><tr><th style="width:9%">Test No.</th><th style="width:36%">Test</th><th style="width:10%">Result</th><th style="width:7%">Flag</th><th style="width:12%">Units</th><th style="width:18%">Reference Interval</th><th>Lab</th></tr></thead><tbody>${rowsHtml}</tbody></table>
      <div class="keep lg"><table style="width:100%"><tr><td>01</td><td>${esc(doc.labCode)} &nbsp; ${esc(doc.labName)}<br>${esc(fmtAddr(doc.facility.address))}</td><td>Dir: ${esc(provName(doc.lab_director))}<br>For inquiries, the physician may contact Branch: ${fmtPhone(doc.facility.phone, 'one')}</td></tr></table></div>`;
    const css = baseCss(f, 8.5) + `
      table.top{width:100%} .lab{font-size:14pt;font-weight:bold}.pr{font-size:13pt;font-weight:bold}
      table.bx{width:100%;margin:5pt 0} table.bx td{width:33%;border:1px solid #000;vertical-align:top;padding:3pt 4pt;font-size:8pt}.cap{font-weight:bold;border-bottom:1px solid #000;margin-bottom:2pt}
      .to{font-size:8pt;margin:4pt 0}
      table.res{width:100%} table.res th{text-align:left;font-size:7.5pt;border-bottom:1.5px solid #000;padding:2pt} table.res td{padding:1.2pt 2pt} td.cd{font-size:7.5pt}
      tr.ph td{font-weight:bold;padding-top:5pt}.lg{margin-top:10pt;font-size:7pt;border-top:1px solid #000}`;
    const footer = pageFooter(f, `${esc(nameLFS(p))} &nbsp; Specimen ID: ${doc.specimen_id}`, `Page <span class="pageNumber"></span> of <span class="totalPages"></span> &nbsp; ${rng.pick(['FINAL', 'Final Report'])}`, 0.5);
    return { css, body, footer, margins: M(0.45, 0.55, 0.5, 0.5), fonts: [f], gt: { lab_results: gt, name_printed: nameLFS(p), performing_lab: doc.labName } };
  },
};

// lab.x3 (clinic): physician-office EHR "Results Report" (Greenway / Practice Fusion manner): one section per
// order ("ORDER: <panel>  Date Reported: ..."), columns Result Name | Value | Reference | Units | Status —
// reference BEFORE units, and a Status word printed on EVERY row ("Normal" for in-range rows,
// "High" / "Low" / "Abnormal" otherwise); the PATIENT BLOCK IS AT THE BOTTOM of the report
// ("Patient Name", "DOB (Age)", "Service Date").
const labX3 = {
  id: 'lab.x3', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Tri-County Outreach Laboratory', 'Lakeshore Lab Partners'],
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'abbr', rangeStyle: 'e' }, { H: 'High', L: 'Low', A: 'Abnormal' });
    const sec = panels.map((P) => `<div class="keep"><div class="oh">ORDER: ${esc(P.name.toUpperCase())} <span class="sm">&nbsp; Date Reported: ${fmtDate(doc.reported, 'us-nopad')} &nbsp; Result Status: ${doc.status === 'Corrected' ? 'Corrected' : 'Final'}</span></div>
      <table class="res"><tr><th style="width:36%">Result Name</th><th style="width:13%">Value</th><th style="width:20%">Reference</th><th style="width:15%">Units</th><th>Status</th></tr>${P.rows.map((r) =>
        `<tr><td>${esc(r.name)}</td><td>${esc(r.value)}</td><td>${esc(r.range)}</td><td>${esc(r.unit)}</td><td class="${r.flag ? 'b' : ''}">${r.flag ? esc(r.flagPrinted) : 'Normal'}</td></tr>`).join('')}</table></div>`).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <table class="hd"><tr><td>${logoSvg(rng, rng.pick(['leaf', 'cross', 'wave']), 26)}</td><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r t">Results Report</td></tr></table>
      <div class="sm" style="margin:4pt 0 8pt 0">Performing lab: ${esc(doc.performingLab)} &nbsp; Lab accession ${doc.accession} &nbsp; Specimen drawn ${fmtDate(doc.collected, 'us-nopad')} ${fmtTime(doc.collected, '12n')}</div>
      ${sec}
      <div class="keep rv">Reviewed by ${esc(provName(doc.provider))} &mdash; ${rng.pick(['no action needed', 'discussed with patient by phone', 'letter sent to patient', 'follow up at next visit'])}.</div>
      <table class="keep pb"><tr><td>Patient Name<br><b>${esc(nameLFS(p))}</b></td><td>DOB (Age)<br><b>${dobAge(p, doc.collected)}</b></td><td>Gender<br><b>${sexWord(p)}</b></td><td>Chart #<br><b>${esc(doc.mrn)}</b></td><td>Service Date<br><b>${fmtDate(doc.collected, 'us')}</b></td><td>Ordering Provider<br><b>${esc(provName(doc.provider))}</b></td></tr></table>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:1.5px solid #000} table.hd td{vertical-align:middle;padding:0 6pt 3pt 0}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt;font-weight:normal}.t{font-size:13pt}
      .oh{font-weight:bold;margin:8pt 0 2pt 0;font-size:9pt}
      table.res{width:100%;border:1px solid #888} table.res th{text-align:left;font-size:8pt;background:#eee;padding:2pt;border-bottom:1px solid #888} table.res td{padding:1.5pt 2pt;border-bottom:1px solid #ddd}
      .rv{margin-top:10pt;font-size:8.5pt;font-style:italic}
      table.pb{width:100%;margin-top:14pt;border-top:2px solid #000;border-bottom:2px solid #000} table.pb td{font-size:7.5pt;padding:3pt 4pt;vertical-align:top} table.pb b{font-size:9pt}`;
    const footer = pageFooter(f, `Results Report &middot; ${esc(doc.facility.name)}`, PN2);
    return { css, body, footer, margins: M(0.5, 0.55, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nameLFS(p), performing_lab: doc.performingLab } };
  },
};

// lab.x4 (hospital): hospitalist PROGRESS NOTE whose lab section is the "Recent Labs" block EHRs paste into
// notes: one line per panel, results run on with semicolons — "Sodium 139 mmol/L (136-145); Glucose
// 184 mg/dL (70-99) [H]; ..." — the patient "Last, First Suffix", "DOB (Age)", "Date of Service".
const labX4 = {
  id: 'lab.x4', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'l' }, { H: '[H]', L: '[L]', A: '[A]' });
    const item = (r) => `${esc(r.name)} <b>${esc(r.value)}</b>${r.unit ? ' ' + esc(r.unit) : ''}${r.range ? ` (${esc(r.range)})` : ''}${r.flag ? ' ' + esc(r.flagPrinted) : ''}`;
    const labs = panels.map((P) => `<p class="lb"><u>${esc(P.name)}</u>: ${P.rows.map(item).join('; ')}.</p>`).join('');
    const gt = panels.flatMap((P) => P.rows.map((r) => r.gt));
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div><div class="sm">Hospital Medicine Service &middot; ${esc(fmtAddr(doc.facility.address))}</div>
      <div class="t">Hospitalist Progress Note &ndash; Laboratory Data</div>
      <table class="pt"><tr><td>Patient: <b>${esc(nameLFS(p))}</b></td><td>DOB (Age): ${dobAge(p, doc.collected)}</td><td>MRN ${esc(doc.mrn)}</td></tr>
      <tr><td>Date of Service: ${fmtDate(doc.collected, 'us')}</td><td>Author: ${esc(provName(doc.provider))}</td><td>Room ${rng.int(201, 640)}-${rng.pick(['A', 'B'])}</td></tr></table>
      <p><b>Subjective:</b> ${rng.pick(['Resting comfortably, no overnight events.', 'Reports feeling better this morning; tolerating diet.', 'No new complaints. Ambulating in the hallway with PT.'])}</p>
      <p><b>Recent Labs</b> (collected ${fmtDate(doc.collected, 'us-nopad')} ${fmtTime(doc.collected, '24c')}, accession ${doc.accession}):</p>
      ${labs}
      <p><b>Assessment/Plan:</b> Labs reviewed as above. ${rng.pick(['Continue current management.', 'Will repeat basic labs in the morning.', 'Electrolytes to be replaced per protocol.'])}</p>
      <div class="keep sg">${signatureSvg(rng, 110, 26)}Electronically signed by ${esc(provName(doc.provider))} on ${fmtDate(doc.reported, 'us')} at ${fmtTime(doc.reported, '12n')}</div>`;
    const css = baseCss(f, 9.5) + `
      .fn{font-size:12pt;font-weight:bold}.sm{font-size:8pt}.t{font-size:12pt;font-weight:bold;margin:8pt 0 4pt 0;border-bottom:1px solid #000}
      table.pt{width:100%;margin-bottom:6pt} table.pt td{padding:1pt 6pt 1pt 0;font-size:9pt}
      p.lb{margin:0 0 5pt 12pt;text-indent:-12pt;line-height:1.35}.sg{margin-top:10pt;font-size:8.5pt}`;
    const fwd = forwarded(doc, env, 0.5);
    const footer = pageFooter(f, `${esc(nameLFS(p))} &nbsp; DOB ${fmtDate(p.dob, 'us')}`, PN);
    return { css, body, footer, header: fwd, margins: M(fwd ? 0.6 : 0.5, 0.6, 0.7, 0.7), fonts: [f], gt: { lab_results: gt, name_printed: nameLFS(p), performing_lab: doc.facility.name } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.x1: Allscripts Sunrise-style discharge summary: run-in bold capital labels ("ADMISSION DATE:"),
// the patient identity ONLY in a boxed banner at the BOTTOM of every page (footer: "Testbury Jr., Harold J
// | Date of Birth: 03/04/1950 | MRN"), encounter as a date range "Encounter Date: 03/10/2024 - 03/14/2024",
// discharge medication table Medication | How to take | What changed ("New prescription" / "Dose changed"
// / "No change" / "Stop taking").
const dsX1 = {
  id: 'discharge.x1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const chg = { New: 'New prescription', Changed: 'Dose changed', Continue: 'No change', Stop: 'Stop taking' };
    const L = (l, v) => `<p><b>${l}:</b> ${v}</p>`;
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; Health Information Management ${fmtPhone(doc.facility.phone)}</div>
      <div class="t">Discharge Summary</div>
      ${L('ENCOUNTER DATE', `${fmtDate(doc.admit_date, 'us')} - ${fmtDate(doc.discharge_date, 'us')} (${doc.los} days)`)}
      ${L('ADMISSION DATE', fmtDate(doc.admit_date, 'us'))}${L('DISCHARGE DATE', fmtDate(doc.discharge_date, 'us'))}
      ${L('ATTENDING PHYSICIAN', esc(provName(doc.provider)))}${L('PRIMARY CARE', esc(provName(doc.pcp)))}
      ${L('REASON FOR ADMISSION', esc(doc.reason))}
      <p><b>DIAGNOSES:</b></p><table class="dx">${doc.diagnoses.map((d) => `<tr><td>${d.principal ? 'Principal' : 'Secondary'}</td><td>${esc(d.description)}</td><td>${d.code}</td></tr>`).join('')}</table>
      ${L('HISTORY', esc(doc.hpi))}
      <p><b>HOSPITAL COURSE:</b> ${doc.course.map(esc).join(' ')}</p>
      ${L('PROCEDURES', doc.procedures.length ? doc.procedures.map(esc).join('; ') : 'None')}
      ${L('ALLERGIES', doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join('; ') : 'No Known Allergies')}
      <p><b>DISCHARGE MEDICATIONS:</b></p>
      <table class="md"><tr><th style="width:36%">Medication</th><th style="width:42%">How to take</th><th>What changed</th></tr>${doc.medications.map((m) => `<tr><td>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</td><td>${esc(m.sig)}</td><td>${chg[m.status] || ''}</td></tr>`).join('')}</table>
      ${L('CONDITION AT DISCHARGE', esc(doc.condition))}${L('DISPOSITION', esc(doc.disposition))}
      ${L('DIET / ACTIVITY', `${esc(doc.diet)}; ${esc(doc.activity)}`)}
      ${L('FOLLOW-UP', doc.followup.map(esc).join('; '))}
      ${doc.pending.length ? L('RESULTS PENDING AT DISCHARGE', esc(doc.pending.join('; '))) : ''}
      <div class="keep sg">${signatureSvg(rng, 130, 30)}${esc(provName(doc.provider))} &nbsp; Electronically signed ${fmtDateTime(doc.signed, 'us', '24c')}</div>`;
    const css = baseCss(f, 9.5) + `
      .fn{font-size:13pt;font-weight:bold}.sm{font-size:8pt}.t{font-size:16pt;margin:8pt 0;font-weight:bold;border-top:2px solid #000;border-bottom:2px solid #000;padding:2pt 0}
      table.dx{margin:0 0 5pt 14pt} table.dx td{padding:0 10pt 1pt 0}
      table.md{width:100%;margin-bottom:6pt;border:1px solid #000} table.md th{text-align:left;font-size:8.5pt;border-bottom:1px solid #000;padding:2pt} table.md td{padding:2pt;border-bottom:1px dotted #999;vertical-align:top}
      .sg{margin-top:10pt;font-size:8.5pt}`;
    const footer = `<div style="font-family:'${f}';font-size:7.5pt;width:100%;padding:0 0.6in;box-sizing:border-box"><div style="border:1px solid #000;padding:2pt 4pt;display:flex;justify-content:space-between"><span>${esc(nameLFS(p))} &nbsp;|&nbsp; Date of Birth: ${fmtDate(p.dob, 'us')} &nbsp;|&nbsp; MRN: ${esc(doc.mrn)} &nbsp;|&nbsp; Acct: ${doc.account}</span><span>${PN}</span></div></div>`;
    return { css, body, footer, margins: M(0.5, 0.75, 0.65, 0.65), fonts: [f], gt: { name_printed: nameLFS(p), medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.x1: Cerner ambulatory "Clinic Note" print: header grid ("Patient:" "Testbury Jr., Harold J",
// "Birth Date:", "Encounter Date:"), vital signs as a two-column measurement list with the blood pressure
// SPLIT into "Systolic Blood Pressure 132 mmHg" / "Diastolic Blood Pressure 84 mmHg", height/weight with
// units after the number; problems as "Problem: ... (ICD-10-CM I10)".
const ovX1 = {
  id: 'office_visit.x1', set: SET, type: 'office_visit_note', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const [sbp, dbp] = v.bp.split('/');
    const vit = [['Temperature Oral', `${v.temp} DegF`], ['Peripheral Pulse Rate', `${v.hr} bpm`], ['Respiratory Rate', `${v.rr} br/min`], ['Systolic Blood Pressure', `${sbp} mmHg`], ['Diastolic Blood Pressure', `${dbp} mmHg`], ['SpO2', `${v.spo2} %`], ['Height', `${v.ht_in} in`], ['Weight Measured', `${v.wt_lb} lb`], ['Body Mass Index', `${v.bmi} kg/m2`]];
    const half = Math.ceil(vit.length / 2);
    const vt = (list) => list.map(([k, x]) => `<tr><td>${k}</td><td class="r">${x}</td></tr>`).join('');
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dash')}</div>
      <table class="g"><tr><td>Patient:</td><td><b>${esc(nameLFS(p))}</b></td><td>Birth Date:</td><td>${fmtDate(p.dob, 'us')}</td><td>Sex:</td><td>${sexWord(p)}</td></tr>
      <tr><td>Encounter Date:</td><td>${fmtDate(doc.date_of_service, 'us')}</td><td>MRN:</td><td>${esc(doc.mrn)}</td><td>Type:</td><td>${esc(doc.visit_type)}</td></tr>
      <tr><td>Provider:</td><td colspan="5">${esc(provLF(doc.provider))} ${esc(doc.provider.cred)}</td></tr></table>
      <div class="t">Clinic Note</div>
      <p><b>Chief Complaint</b><br>${esc(doc.chief_complaint)}</p>
      <p><b>History of Present Illness</b><br>${esc(doc.hpi)}</p>
      <p><b>Review of Systems</b><br>${doc.ros.map(([k, t]) => `${esc(k)}: ${esc(t)}`).join('<br>')}</p>
      <p><b>Vital Signs</b> (${fmtDate(doc.date_of_service, 'us')} ${zpad(rng.int(8, 16))}:${zpad(rng.int(0, 59))})</p>
      <table class="vs"><tr><td><table>${vt(vit.slice(0, half))}</table></td><td><table>${vt(vit.slice(half))}</table></td></tr></table>
      <p><b>Physical Exam</b><br>${doc.exam.map(([k, t]) => `${esc(k)}: ${esc(t)}`).join('<br>')}</p>
      <p><b>Medications</b> (reviewed)<br>${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}, ${esc(m.sig)}${m.status === 'New' ? ' &ndash; ordered today' : ''}`).join('<br>') : 'No active medications'}</p>
      <p><b>Allergies</b><br>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join(', ') : 'No Known Allergies'}</p>
      <p><b>Assessment/Plan</b></p>${doc.diagnoses.map((d, i) => `<p class="ap">${i + 1}. Problem: ${esc(d.description)} (ICD-10-CM ${d.code})</p>`).join('')}
      <p>${doc.plan.map(esc).join(' ')}${doc.orders.length ? ` Orders: ${doc.orders.join(', ')}.` : ''} Return in ${esc(doc.followup)}.</p>
      <div class="keep sg">Electronically Signed on ${fmtDate(doc.signed, 'us')} ${fmtTime(doc.signed, '12n')}<br>${esc(provName(doc.provider))}</div>`;
    const css = baseCss(f, 9.5) + `
      .fn{font-size:12pt;font-weight:bold}.sm{font-size:8pt}
      table.g{width:100%;margin:6pt 0;border-top:1px solid #000;border-bottom:1px solid #000} table.g td{padding:1.5pt 4pt 1.5pt 0;font-size:8.5pt}
      .t{font-size:14pt;font-weight:bold;margin:4pt 0 6pt 0}
      table.vs{width:80%;margin:0 0 6pt 10pt} table.vs td{vertical-align:top;padding-right:18pt} table.vs table td{padding:0.5pt 10pt 0.5pt 0;font-size:9pt}
      p.ap{margin:0 0 2pt 10pt}.sg{margin-top:10pt;font-size:8.5pt}`;
    const fwd = forwarded(doc, env, 0.3);
    const footer = pageFooter(f, `${esc(nameLFS(p))} &nbsp; ${fmtDate(p.dob, 'us')} &nbsp; Clinic Note ${fmtDate(doc.date_of_service, 'us')}`, PN);
    return { css, body, footer, header: fwd, margins: M(fwd ? 0.55 : 0.5, 0.6, 0.65, 0.65), fonts: [f], gt: { name_printed: nameLFS(p), medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.x1: Epic "Current Outpatient Medications" print (Meds & Orders activity): patient line
// "Testbury Jr., Harold J  (DOB (Age): 03/04/1950 (74 y.o.))", table Medication | Sig | Dispense | Refill |
// Start Date | End Date | Taking? ("Taking" / "Not Taking"), discontinued meds in a "Recently Discontinued"
// block with their end date; "Date Reported" for the print date.
const mlX1 = {
  id: 'medication_list.x1', set: SET, type: 'medication_list', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const act = doc.medications.filter((m) => m.status === 'Active'); const dc = doc.medications.filter((m) => m.status !== 'Active');
    const row = (m, end) => `<tr><td><b>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</b></td><td>${esc(m.sig)}</td><td>${m.qty} ${/inhal|spray|pen|cream/.test(m.form) ? 'each' : m.form.split(' ').pop()}</td><td>${m.refills}</td><td>${fmtDate(m.start, 'us-nopad')}</td><td>${end}</td><td>${m.status === 'Active' ? 'Taking' : 'Not Taking'}</td></tr>`;
    const head = '<tr><th style="width:26%">Medication</th><th style="width:28%">Sig</th><th>Dispense</th><th>Refill</th><th>Start Date</th><th>End Date</th><th>Taking?</th></tr>';
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div>
      <div class="pt"><b>${esc(nameLFS(p))}</b> &nbsp;(DOB (Age): ${dobAge(p, doc.date_of_service)}) &nbsp; MRN: ${esc(doc.mrn)} &nbsp; PCP: ${esc(provName(doc.provider))}</div>
      <div class="sm">Date Reported: ${fmtDate(doc.date_of_service, 'us')} &nbsp;&middot;&nbsp; Pharmacy: ${rng.pick(['SAMPLE DRUG #0412', 'MOCKWELL PHARMACY', 'FAUX-MART PHARMACY 117'])}, ${fmtPhone(doc.facility.phone, 'dash').replace(/\d{4}$/, '01' + zpad(rng.int(0, 99)))}</div>
      <div class="t">Current Outpatient Medications</div>
      <table class="ml">${head}${act.map((m) => row(m, '')).join('')}</table>
      ${dc.length ? `<div class="t2">Recently Discontinued</div><table class="ml">${head}${dc.map((m) => row(m, fmtDate(addDays(m.start, rng.int(5, 14)), 'us-nopad'))).join('')}</table>` : ''}
      <div class="t2">Allergies as of ${fmtDate(doc.date_of_service, 'us')}</div>
      <p>${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} &ndash; ${esc(a.reaction)}`).join('<br>') : 'No Known Allergies'}</p>`;
    const css = baseCss(f, 9) + `
      .fn{font-size:12pt;font-weight:bold;margin-bottom:3pt}.pt{font-size:9.5pt;background:#e6e6e6;padding:3pt 4pt}.sm{font-size:7.5pt;margin-top:2pt}
      .t{font-size:12pt;font-weight:bold;margin:10pt 0 3pt 0}.t2{font-size:10pt;font-weight:bold;margin:10pt 0 3pt 0}
      table.ml{width:100%} table.ml th{text-align:left;font-size:7.5pt;border-bottom:1px solid #000;padding:2pt;color:#333} table.ml td{padding:2.5pt 2pt;vertical-align:top;border-bottom:1px solid #ccc;font-size:8.5pt}`;
    const fwd = forwarded(doc, env, 0.3);
    const footer = pageFooter(f, `${esc(nameLFS(p))} (MRN ${esc(doc.mrn)})`, `Printed ${fmtDate(doc.faxDate, 'us-nopad')} &nbsp; ${PN}`);
    return { css, body, footer, header: fwd, margins: M(fwd ? 0.55 : 0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nameLFS(p), medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION RECORD =======================
// immunization.x1: hospital / clinic nursing IMMUNIZATION MAR (medication administration record for
// vaccines): columns Given (date + 24-h time) | Vaccine | Dose | Route | Site | Lot / Exp | Mfr | VIS |
// Nurse; the patient "Name (Last, First):" with a suffix, "DOB (Age)", the dose number as "Dose 2 of
// series"; newest first.
const imX1 = {
  id: 'immunization.x1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['narrow', 'sans'])); const p = doc.patient; const rng = env.rng;
    const shots = [...doc.immunizations].reverse();
    const siteW = { LD: 'Left Deltoid', RD: 'Right Deltoid', LT: 'Left Thigh', RT: 'Right Thigh', 'L Deltoid': 'Left Deltoid', 'R Deltoid': 'Right Deltoid' };
    const rn = () => rng.pick(['KLM', 'JTS', 'ARP', 'MDW', 'SCB']);
    const rows = shots.map((s) => `<tr><td>${fmtDate(s.date, 'us')} ${zpad(rng.int(8, 17))}${zpad(rng.int(0, 59))}</td><td><b>${esc(s.vaccine)}</b><br><span class="sm">${esc(s.trade_name)} &middot; Dose ${s.dose_number} of series</span></td><td>${/covid/i.test(s.vaccine) ? '0.3 mL' : '0.5 mL'}</td><td>${esc(s.route || 'IM')}</td><td>${siteW[s.site] || esc(s.site)}</td><td>${esc(s.lot)}<br><span class="sm">exp ${fmtDate(addDays(s.date, rng.int(90, 400)), 'us-short')}</span></td><td>${esc(s.mvx)}</td><td>${fmtDate(addDays(s.date, -rng.int(100, 700)), 'us-short')}</td><td>${rn()}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Nursing Services &middot; ${esc(fmtAddr(doc.facility.address))}</div></td><td class="r t">IMMUNIZATION<br>ADMINISTRATION RECORD</td></tr></table>
      <table class="pt"><tr><td>Name (Last, First): <b>${esc(nameLFS(p))}</b></td><td>DOB (Age): ${dobAge(p, doc.date_of_service)}</td><td>Sex: ${p.sex}</td></tr>
      <tr><td>Med Rec #: ${esc(doc.mrn)}</td><td>State registry ID: ${doc.registry_id}</td><td>Allergies: ${doc.patient.allergies.length ? doc.patient.allergies.map((a) => esc(a.substance)).join(', ') : 'NKA'}</td></tr></table>
      <table class="mar"><thead><tr><th style="width:12%">Given</th><th style="width:27%">Vaccine</th><th>Dose</th><th>Route</th><th>Site</th><th>Lot / Exp</th><th>Mfr</th><th>VIS</th><th>RN</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:6pt">VIS = edition date of the Vaccine Information Statement given before administration. Mfr = MVX code. Record printed ${fmtDate(doc.date_of_service, 'us')}.</p>
      <div class="keep sg">Nurse signatures / initials on file. Verified by ${esc(provName(doc.provider))}.</div>`;
    const css = baseCss(f, 8.5) + `
      table.hd{width:100%;border-bottom:3px double #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7pt}.t{font-size:11pt;font-weight:bold;letter-spacing:0.5pt}
      table.pt{width:100%;margin:5pt 0} table.pt td{padding:1.5pt 6pt 1.5pt 0;font-size:8.5pt}
      table.mar{width:100%;border:1px solid #000} table.mar th{font-size:7.5pt;text-align:left;border:1px solid #000;padding:2pt;background:#e5e5e5} table.mar td{border:1px solid #000;padding:2pt;vertical-align:top;font-size:8pt}
      .sg{margin-top:10pt;font-size:8pt}`;
    const footer = pageFooter(f, `IMMUNIZATION MAR &nbsp; ${esc(nameLFS(p))}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.5, 0.5), fonts: [f], gt: { name_printed: nameLFS(p), immunizations: doc.immunizations.map((s) => ({ vaccine: s.vaccine, vaccine_printed: s.vaccine, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: s.lot, site: siteW[s.site] || s.site })) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.x1: community radiology group report with the IMPRESSION FIRST (boxed, above the findings),
// a header table Exam / Date of Service / Ordering / Reason, the patient as "Patient: TESTBURY JR, HAROLD J"
// "Birth Date", and "Date Reported" for the signature.
const radX1 = {
  id: 'radiology.x1', set: SET, type: 'radiology_report',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'serif'])); const p = doc.patient; const rng = env.rng;
    const body = `
      <table class="hd"><tr><td class="fn">${esc(doc.facility.name)}</td><td class="r sm">${esc(fmtAddr(doc.facility.address))}<br>Scheduling ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)}</td></tr></table>
      <table class="id"><tr><td>Patient: <b>${esc(nameLFS(p, true))}</b></td><td>Birth Date: ${fmtDate(p.dob, 'us')}</td><td>Sex: ${sexWord(p)}</td><td>MRN: ${esc(doc.mrn)}</td></tr></table>
      <table class="ex"><tr><th>Exam</th><td>${esc(doc.exam)} &nbsp; (CPT ${doc.cpt})</td></tr><tr><th>Date of Service</th><td>${fmtDate(doc.exam_datetime, 'us')} ${fmtTime(doc.exam_datetime, '12n')}</td></tr>
      <tr><th>Ordering</th><td>${esc(provName(doc.provider))}</td></tr><tr><th>Reason</th><td>${esc(doc.indication)}</td></tr><tr><th>Accession</th><td>${doc.accession}</td></tr></table>
      <div class="imp"><div class="h">IMPRESSION</div>${doc.impression.map((x, i) => `<div>${i + 1}) ${esc(x)}</div>`).join('')}${doc.birads !== null && doc.birads !== undefined ? `<div>BI-RADS Category ${doc.birads}.</div>` : ''}</div>
      <div class="h2">Technique</div><p>${esc(doc.technique)}</p>
      <div class="h2">Comparison</div><p>${esc(doc.comparison)}</p>
      <div class="h2">Findings</div>${doc.findings.map((x) => `<p>${esc(x)}</p>`).join('')}
      <div class="keep sg">Interpreted by ${esc(provName(doc.radiologist))}<br>Date Reported: ${fmtDate(doc.signed, 'us')} ${fmtTime(doc.signed, '12n')} &nbsp; (${rng.pick(['final', 'FINAL', 'Final - signed'])})</div>`;
    const css = baseCss(f, 10) + `
      table.hd{width:100%;border-bottom:1px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:8pt}
      table.id{width:100%;margin:6pt 0} table.id td{font-size:9pt;padding:1pt 6pt 1pt 0}
      table.ex{width:100%;margin-bottom:8pt} table.ex th{text-align:left;width:1.4in;font-size:8.5pt;vertical-align:top;padding:1pt 0} table.ex td{padding:1pt 0}
      .imp{border:2px solid #000;padding:5pt 7pt;margin:4pt 0 10pt 0}.h{font-weight:bold;letter-spacing:1pt;margin-bottom:2pt}
      .h2{font-weight:bold;font-variant:small-caps;margin-top:6pt}.sg{margin-top:12pt;font-size:9pt;border-top:1px solid #000;padding-top:3pt}`;
    const fwd = forwarded(doc, env, 0.3);
    const footer = pageFooter(f, `${esc(nameLFS(p, true))} &nbsp; ${fmtDate(p.dob, 'us')} &nbsp; Acc ${doc.accession}`, PN);
    return { css, body, footer, header: fwd, margins: M(fwd ? 0.6 : 0.5, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nameLFS(p, true), radiology: { exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads } } };
  },
};

// ======================= REFERRAL =======================
// referral_letter.x1: nurse-navigator / care-coordination referral written in SBAR form (Situation /
// Background / Assessment / Recommendation as a left label column), "Pt: First M. Last Suffix",
// "Date of Birth:", diagnoses inline "I10 Essential ...", meds with abbreviated sigs.
const refX1 = {
  id: 'referral.x1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, env.rng.pick(['serif', 'sans'])); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const row = (l, v) => `<tr><td class="l">${l}</td><td>${v}</td></tr>`;
    const body = `
      <div class="fn">${esc(doc.facility.name)}</div><div class="sm">Care Coordination &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)} &middot; fax ${fmtPhone(doc.facility.fax)}</div>
      <div class="t">Specialty Referral (SBAR)</div>
      <table class="hd"><tr><td>To: ${esc(provName(to))}, ${esc(doc.to_facility.name)}</td><td>Date: ${fmtDate(doc.date_of_service, 'us')}</td></tr>
      <tr><td>Pt: <b>${esc(nameFMLS(p))}</b> &nbsp; Date of Birth: ${fmtDate(p.dob, 'us')}</td><td>Chart: ${esc(doc.mrn)}</td></tr>
      <tr><td>Referring: ${esc(provName(doc.provider))}</td><td>Priority: ${esc(doc.urgency)}</td></tr></table>
      <table class="sb">
        ${row('S &ndash; Situation', `Referral to <b>${esc(doc.specialty)}</b> for ${esc(doc.reason)}.`)}
        ${row('B &ndash; Background', `${p.age}-year-old ${p.sex === 'F' ? 'female' : 'male'}. Problems: ${doc.diagnoses.map((d) => `${d.code} ${esc(d.description)}`).join('; ')}.<br>Medications: ${doc.medications.length ? doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join('; ') : 'none'}.<br>Allergies: ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}.`)}
        ${row('A &ndash; Assessment', `Requires specialist evaluation; enclosed: ${doc.enclosures.map((e) => esc(e.toLowerCase())).join(', ')}.`)}
        ${row('R &ndash; Recommendation', `Please schedule ${doc.urgency === 'Routine' ? 'at the next available appointment' : 'as soon as possible'} and fax the consult note back. Authorization: ${doc.auth_number ? esc(doc.auth_number) : 'not required / pending'}.`)}
      </table>
      <div class="keep sg">${signatureSvg(rng, 120, 28)}${esc(provName(doc.provider))} &nbsp; for ${esc(rng.pick(['RN Care Navigator', 'Referral Coordinator']))} ${esc(rng.pick(['K. Sampleton', 'D. Mockler', 'L. Fauxley']))}</div>`;
    const css = baseCss(f, 10) + `
      .fn{font-size:12pt;font-weight:bold}.sm{font-size:8pt}.t{font-size:14pt;font-weight:bold;margin:10pt 0 6pt 0}
      table.hd{width:100%;margin-bottom:8pt} table.hd td{padding:2pt 6pt 2pt 0}
      table.sb{width:100%;border:1.5px solid #000} table.sb td{border:1px solid #000;padding:5pt;vertical-align:top} td.l{width:1.5in;font-weight:bold;background:#eee}
      .sg{margin-top:14pt;font-size:9pt}`;
    return { css, body, margins: M(0.65, 0.7, 0.75, 0.75), fonts: [f], gt: { name_printed: nameFMLS(p), diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.x1 (payer): TPA / self-funded-plan EOB with a TRANSPOSED claim table: the rows are the amounts
// (Amount Billed, Discount, Allowed, Deductible, Copay, Coinsurance, Plan Paid, Patient Owes) and each
// service line is a COLUMN headed "Line 1 / 03/14/2024 / 99214"; "Patient:" "Last, First Suffix",
// "Date of Birth" printed, "Service Date".
const billX1 = {
  id: 'billing.x1', set: SET, type: 'insurance_billing', facilityKind: 'payer',
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const ls = doc.lines;
    const rows = [['Amount Billed', 'billed'], ['Discount', 'not_covered'], ['Allowed', 'allowed'], ['Deductible', 'deductible'], ['Copay', 'copay'], ['Coinsurance', 'coinsurance'], ['Plan Paid', 'paid'], ['Patient Owes', 'patient_resp']];
    const tbl = `<table class="tx"><tr><th></th>${ls.map((l, i) => `<th>Line ${i + 1}<br>${fmtDate(l.date, 'us')}<br>${l.cpt}</th>`).join('')}<th>Claim Total</th></tr>
      <tr><td class="l">Service</td>${ls.map((l) => `<td class="d">${esc(l.description)}</td>`).join('')}<td></td></tr>
      ${rows.map(([lab, k]) => `<tr${k === 'patient_resp' ? ' class="b"' : ''}><td class="l">${lab}</td>${ls.map((l) => `<td class="r">${money(l[k])}</td>`).join('')}<td class="r b">${money(t[k])}</td></tr>`).join('')}</table>`;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.payer)}</div><div class="sm">Administered for ${esc(doc.plan_name)} &middot; Group ${doc.group}</div></td><td class="r"><div class="t">Explanation of Benefits</div><div class="sm">Statement date ${fmtDate(doc.processed, 'us')} &middot; not a bill</div></td></tr></table>
      <table class="kv"><tr><td>Patient: <b>${esc(nameLFS(p))}</b></td><td>Date of Birth: ${fmtDate(p.dob, 'us')}</td><td>Member ID: ${doc.member_id}</td></tr>
      <tr><td>Provider: ${esc(provName(doc.provider))}</td><td>Service Date: ${fmtDate(doc.date_of_service, 'us')}</td><td>Claim #: ${doc.claim_number}</td></tr>
      <tr><td>Processed: ${fmtDate(doc.processed, 'us')}</td><td>Network: ${rng.pick(['In-network', 'PPO network'])}</td><td>Payment to: provider</td></tr></table>
      ${tbl}
      <div class="ow">You may owe the provider: <b>${money(t.patient_resp)}</b></div>
      <p class="sm">Discount is the amount above the allowed amount that the network provider agreed not to bill. If you disagree with this decision you may appeal within 180 days; call Member Services at ${fmtPhone(doc.facility.phone, 'one')}.</p>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:13pt;font-weight:bold}.t{font-size:13pt}.sm{font-size:7.5pt}
      table.kv{width:100%;margin:6pt 0} table.kv td{padding:1.5pt 6pt 1.5pt 0;font-size:8.5pt}
      table.tx{width:100%;border:1px solid #000;margin-top:4pt} table.tx th{font-size:7.5pt;border:1px solid #000;padding:2pt;background:#e5e5e5} table.tx td{border:1px solid #999;padding:2pt;font-size:8.5pt} td.l{font-weight:bold;width:1.2in} td.d{font-size:7.5pt}
      .ow{margin:8pt 0;font-size:11pt;border:1.5px solid #000;padding:4pt;display:inline-block}`;
    return { css, body, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nameLFS(p), billing: { kind: 'eob', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, processed_date: doc.processed, lines: doc.lines, totals: doc.totals, patient_responsibility: t.patient_resp } } };
  },
};

// billing.x2 (billing office): "PAST DUE - FINAL NOTICE" collection statement: aging buckets strip
// (Current / 31-60 / 61-90 / Over 90), charge list Date | Code | Description | Charge | Ins Paid | Adj |
// You Owe, "Responsible party" block with the patient name "LAST SUFFIX, FIRST" and "Birth Date".
const billX2 = {
  id: 'billing.x2', set: SET, type: 'insurance_billing', facilityKind: 'billing',
  render(doc, env) {
    const f = font(env, env.rng.pick(['mono', 'sans'])); const p = doc.patient; const t = doc.totals;
    const due = Math.round((doc.previous_balance + t.patient_resp) * 100) / 100;
    const rows = doc.lines.map((l) => `<tr><td>${fmtDate(l.date, 'us')}</td><td>${l.cpt}</td><td>${esc(l.description)}</td><td class="r">${money(l.billed)}</td><td class="r">${money(l.paid)}</td><td class="r">${money(l.not_covered)}</td><td class="r">${money(l.patient_resp)}</td></tr>`).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Business Office &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><div class="pd">PAST DUE &ndash; FINAL NOTICE</div></td></tr></table>
      <table class="kv"><tr><td>Responsible party / Patient<br><b>${esc(nameLFS(p, true))}</b><br>Birth Date ${fmtDate(p.dob, 'us')}<br>${esc(p.address.line1)}, ${esc(p.address.city)}, ${p.address.state} ${p.address.zip}</td>
      <td>Account No. ${doc.account}<br>Notice Date ${fmtDate(doc.statement_date, 'us')}<br>Date of Service ${fmtDate(doc.date_of_service, 'us')}<br>Insurance ${esc(doc.payer)} (ID ${doc.member_id}, claim ${doc.claim_number})</td></tr></table>
      <table class="ag"><tr><th>Current</th><th>31-60 days</th><th>61-90 days</th><th>Over 90 days</th><th>Total Due</th></tr><tr><td>${money(0)}</td><td>${money(t.patient_resp)}</td><td>${money(doc.previous_balance)}</td><td>${money(0)}</td><td class="b">${money(due)}</td></tr></table>
      <table class="ln"><tr><th>Date</th><th>Code</th><th style="width:36%">Description</th><th class="r">Charge</th><th class="r">Ins Paid</th><th class="r">Adj</th><th class="r">You Owe</th></tr>${rows}
      <tr class="tot"><td colspan="3">Totals</td><td class="r">${money(t.billed)}</td><td class="r">${money(t.paid)}</td><td class="r">${money(t.not_covered)}</td><td class="r">${money(t.patient_resp)}</td></tr></table>
      <p>Previous balance carried forward: ${money(doc.previous_balance)}. <b>Amount due now: ${money(due)}</b>, by ${fmtDate(doc.due_date, 'us')}. Unpaid balances may be referred to an outside agency. Payment plans are available &ndash; please call.</p>`;
    const css = baseCss(f, 8.5) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7.5pt}.pd{font-size:13pt;font-weight:bold;border:2px solid #000;padding:2pt 6pt;display:inline-block}
      table.kv{width:100%;margin:6pt 0} table.kv td{width:50%;vertical-align:top;padding:3pt;font-size:8.5pt}
      table.ag{width:100%;margin:4pt 0 8pt 0;border:1.5px solid #000} table.ag th,table.ag td{border:1px solid #000;padding:2pt;text-align:center;font-size:8.5pt}
      table.ln{width:100%} table.ln th{text-align:left;border-bottom:1px solid #000;font-size:7.5pt;padding:2pt} table.ln td{padding:1.5pt 2pt;font-size:8pt} tr.tot td{border-top:1px solid #000;font-weight:bold}`;
    return { css, body, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nameLFS(p, true), billing: { kind: 'patient_statement', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, account: doc.account, statement_date: doc.statement_date, previous_balance: doc.previous_balance, amount_due: due, lines: doc.lines, totals: doc.totals } } };
  },
};

export default [coverX1, coverX2, labX1, labX2, labX3, labX4, dsX1, ovX1, mlX1, imX1, radX1, refX1, billX1, billX2];
