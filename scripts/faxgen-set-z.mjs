// Dev-only faxgen template set 'set-z': two lab report layouts set-a does not use (range before the value
// under 'Latest Ref Rng & Units' with labels over values; Component/Value/Flag/Ref Range/Units with star
// flags, 'Pt:', 'DOB/Age/Sex'), other fonts (FreeSans/FreeSerif/C059/Nimbus) and another fax header line;
// set-a's other document types are reused. To measure structuring on layouts the sample never shows:
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-z.mjs node ../shared/faxgen/faxgen.mjs --templates set-z --out /tmp/fg-z --count 10 --seed 77
//   node bin/vessel.js eval fax --corpus /tmp/fg-z
// Not a held-out set: its layouts informed the structure rules (see structure/README.md, session 6).
import setA from '../../shared/faxgen/lib/templates/set_a.mjs';
import { baseCss, font, labPanels, esc, fmtDate, fmtTime, pad, padL } from '../../shared/faxgen/lib/templates/common.mjs';
import { fmtPhone, nameLF, nameFML, provLF, provName, fmtAddr, ageOn } from '../../shared/faxgen/lib/util.mjs';

const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });
const others = setA.filter((t) => t.type !== 'lab_report').map((t) => ({ ...t, id: t.id.replace('.a', '.z'), set: 'set-z' }));

// Z1: EHR result view: Component | Latest Ref Rng & Units | <date> ; range BEFORE value; flags (H)/(L)
const labZ1 = {
  id: 'lab.z1', set: 'set-z', type: 'lab_report', facilityKind: 'reflab', labNames: ['Harborview Results Center', 'Pinecrest Laboratory Network'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient;
    const panels = labPanels(doc, { unitStyle: 'e', nameStyle: 'full', flagStyle: 'PAREN', rangeStyle: 'e' });
    const d = fmtDate(doc.collected, 'us-nopad');
    const rows = panels.map((P) => `<tr class="ph"><td colspan="3">${esc(P.name)}</td></tr>` + P.rows.map((r) => `<tr><td>${esc(r.name)}</td><td>${esc(r.range)}${r.unit ? ' ' + esc(r.unit) : ''}</td><td class="${r.flag ? 'b' : ''}">${esc(r.value)}${r.flag ? ' ' + esc(r.flagPrinted) : ''}</td></tr>`).join('')).join('');
    const body = `
      <div class="t">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div>
      <table class="hd"><tr><td>Patient Name</td><td>DOB</td><td>MRN</td><td>Collection Date/Time</td></tr>
      <tr class="v"><td>${esc(nameLF(p, true))}</td><td>${fmtDate(p.dob, 'us')}</td><td>${esc(doc.mrn)}</td><td>${fmtDate(doc.collected, 'us')} ${fmtTime(doc.collected, '24c')}</td></tr></table>
      <div class="sm">Ordering provider: ${esc(provLF(doc.provider))} &nbsp; Reported: ${fmtDate(doc.reported, 'us')}</div>
      <table class="res"><thead><tr><th style="width:40%">Component</th><th style="width:34%">Latest Ref Rng &amp; Units</th><th>${d}</th></tr></thead><tbody>${rows}</tbody></table>`;
    const css = baseCss(f, 9.5) + `.t{font-size:15pt;font-weight:bold}.sm{font-size:8pt;margin:2pt 0}
      table.hd{width:100%;margin:8pt 0 4pt 0;font-size:8.5pt} table.hd td{padding:1pt 4pt 1pt 0} tr.v td{font-weight:bold;font-size:9.5pt}
      table.res{width:100%;margin-top:6pt} table.res th{text-align:left;border-bottom:1px solid #000;padding:2pt} table.res td{padding:1.5pt 2pt} tr.ph td{font-weight:bold;padding-top:5pt}`;
    return { css, body, margins: M(0.6), fonts: [f], gt: { lab_results: panels.flatMap((P) => P.rows.map((r) => r.gt)), name_printed: nameLF(p, true), performing_lab: doc.labName } };
  },
};

// Z2: hospital print: Component Value Flag Ref Range Units, star flags, "Pt:" label, two-line DOB/Age/Sex
const labZ2 = {
  id: 'lab.z2', set: 'set-z', type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient;
    const panels = labPanels(doc, { unitStyle: 'h', nameStyle: 'abbr', flagStyle: 'STAR', rangeStyle: 'h' });
    const rows = panels.map((P) => `<tr class="ph"><td colspan="5">${esc(P.name.toUpperCase())}</td></tr>` + P.rows.map((r) => `<tr><td>${esc(r.name)}</td><td class="r">${esc(r.value)}</td><td>${esc(r.flagPrinted)}</td><td>${esc(r.range)}</td><td>${esc(r.unit)}</td></tr>`).join('')).join('');
    const body = `
      <div class="t">${esc(doc.facility.name)} &mdash; Clinical Laboratory</div>
      <div class="sm">${esc(fmtAddr(doc.facility.address))}</div>
      <div class="box">Pt: ${esc(nameLF(p, true))} &nbsp;&nbsp;&nbsp; MR#: ${esc(doc.mrn)} &nbsp;&nbsp;&nbsp; Acct#: ${esc(doc.account)}<br>
      DOB/Age/Sex: ${fmtDate(p.dob, 'us')} ${ageOn(p.dob, doc.collected)} Y ${p.sex}<br>
      Collected: ${fmtDate(doc.collected, 'us')} ${fmtTime(doc.collected, '24c')} &nbsp;&nbsp; Received: ${fmtDate(doc.received, 'us')} &nbsp;&nbsp; Reported: ${fmtDate(doc.reported, 'us')}</div>
      <table class="res"><thead><tr><th style="width:38%">Component</th><th class="r" style="width:10%">Value</th><th style="width:8%">Flag</th><th style="width:22%">Ref Range</th><th>Units</th></tr></thead><tbody>${rows}</tbody></table>
      <div class="sm" style="margin-top:10pt">* = abnormal. Verified by ${esc(doc.techId)}. Medical Director: ${esc(provName(doc.lab_director))}</div>`;
    const css = baseCss(f, 10) + `.t{font-size:14pt;font-weight:bold}.sm{font-size:8pt}
      .box{border:1px solid #000;padding:4pt;margin:6pt 0;font-size:9.5pt;line-height:1.4}
      table.res{width:100%} table.res th{text-align:left;border-bottom:1px solid #000;padding:2pt} table.res th.r,td.r{text-align:right;padding-right:10pt} table.res td{padding:1.5pt 2pt} tr.ph td{font-weight:bold;padding-top:5pt;text-decoration:underline}`;
    return { css, body, margins: M(0.6), fonts: [f], gt: { lab_results: panels.flatMap((P) => P.rows.map((r) => r.gt)), name_printed: nameLF(p, true), performing_lab: doc.facility.name } };
  },
};

export default [...others, labZ1, labZ2];
export const fonts = { 'set-z': { sans: ['FreeSans', 'Nimbus Sans'], serif: ['FreeSerif', 'C059'], mono: ['FreeMono', 'Nimbus Mono PS'], narrow: ['Nimbus Sans Narrow'], tti: ['FreeMono', 'Nimbus Mono PS'] } };
const p2 = (n) => String(n).padStart(2, '0');
export const tti = { 'set-z': [
  (t) => [`${fmtDate(t.dt, 'us')} ${fmtTime(t.dt, '24')}`, `FAX ${fmtPhone(t.fax, 'dash')}`, t.sender.slice(0, 28), `Page ${t.page} of ${t.total}`],
] };
