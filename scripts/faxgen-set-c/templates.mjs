// faxgen template set 'set-c': a stand-in for faxgen's held-out template set, written in session 24 WITHOUT looking
// at the extraction/structuring rules (nothing under src/ was opened while it was written). Theme: SPECIALTY AND
// PROCEDURAL CARE not imitated before — OB / prenatal and fertility clinics, urology, ophthalmology, sleep medicine,
// occupational health, surgical pathology / cytology, an ambulatory surgery center, a specialty pharmacy and a travel
// clinic. Plug it in with
//   FAXGEN_EXTRA_TEMPLATES=scripts/faxgen-set-c/templates.mjs node ../shared/faxgen/faxgen.mjs --templates set-c ...
// Every template keeps set-a's ground-truth (`gt`) contract: names, values, units and flags exactly as printed.
// Specialty results that faxgen's catalog lacks (prenatal serology, timed GTT draws, serial beta-hCG, PSA history,
// urine microscopy, HPV / H. pylori ancillary tests, drug-screen analytes) are added by the templates with the same
// gt fields (see `xrow`). See README.md here: this set MEASURES generalization; do not tune rules to its layouts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAXGEN = fs.realpathSync(process.env.FAXGEN_DIR ? path.resolve(process.env.FAXGEN_DIR) : path.resolve(here, '../../../shared/faxgen'));
const lib = (p) => import(pathToFileURL(path.join(FAXGEN, 'lib', p)).href);
const { baseCss, labPanels, signatureSvg, barcodeSvg, medGt, esc } = await lib('templates/common.mjs');
const { fmtDate, fmtTime, fmtPhone, nameFL, provName, provLF, fmtAddr, money, parseIso, pad: zpad, addMinutes } = await lib('util.mjs');

const SET = 'set-c';
const M = (top, bottom = 0.6, left = 0.6, right = 0.6) => ({ top, bottom, left, right });

// ---------------------------------------------------------------- fonts
// URW Gothic / DejaVu Sans Condensed-less sans (Liberation Sans Narrow as narrow), URW Bookman / C059 (serif), Noto
// Sans Mono / Nimbus Mono PS (mono). Fax header line: Noto Mono, URW Bookman or Nimbus Sans Narrow.
export const fonts = {
  [SET]: {
    sans: ['URW Gothic', 'FreeSans'],
    serif: ['URW Bookman', 'C059'],
    mono: ['Noto Sans Mono', 'Nimbus Mono PS'],
    narrow: ['Liberation Sans Narrow', 'Nimbus Sans Narrow'],
    tti: ['Noto Mono', 'URW Bookman', 'Nimbus Sans Narrow'],
  },
};
const font = (env, kind) => env.rng.pick(fonts[SET][kind]);

// ---------------------------------------------------------------- dates
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WD3 = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const D = (iso) => parseIso(iso);
const mdy = (iso) => fmtDate(iso, 'us');
const mdyNP = (iso) => { const d = D(iso); return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`; };
/** 14 Mar 2024 */
const dMonY = (iso) => { const d = D(iso); return `${d.getUTCDate()} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };
/** 3/14/24 */
const mdyy = (iso) => { const d = D(iso); return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}`; };
/** Mar. 14, 2024 */
const monDotDY = (iso) => { const d = D(iso); return `${MON[d.getUTCMonth()]}. ${d.getUTCDate()}, ${d.getUTCFullYear()}`; };
const t24 = (dt) => fmtTime(dt, '24');
const t12 = (dt) => fmtTime(dt, '12n');
const ageOf = (dob, on) => { const a = D(dob), b = D(on); let y = b.getUTCFullYear() - a.getUTCFullYear(); if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) y--; return y; };
const addDaysIso = (iso, n) => { const d = parseIso(iso); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10) + (iso.length > 10 ? iso.slice(10, 16) : ''); };

// ---------------------------------------------------------------- fax header (TTI) lines
export const tti = {
  [SET]: [
    // HylaFAX server tag line ("From %%l|%c|Page %%P of %%T"): the caller id, a C ctime() date with the TIME BEFORE
    // THE YEAR and seconds, and "Page 2 of 5":  "From 2175550146 | Thu Mar 14 10:32:07 2024 | Page 2 of 5"
    (t) => { const d = D(t.dt); return [`From ${t.fax.area}${t.fax.exch}${t.fax.line}`, `|  ${WD3[d.getUTCDay()]} ${MON[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${t24(t.dt)}:${zpad(t.sec)} ${d.getUTCFullYear()}  |`, `Page ${t.page} of ${t.total}`]; },
    // Panasonic / HP desk fax: "Mar. 14. 2024 10:32AM" (period after month AND day), the sender, a job number and
    // "P. 2" with no total:  "Mar. 14. 2024 10:32AM  SENDER  No. 4821  P. 2"
    (t) => { const d = D(t.dt); return [`${MON[d.getUTCMonth()]}. ${d.getUTCDate()}. ${d.getUTCFullYear()} ${fmtTime(t.dt, '12n').replace(' ', '')}`, t.sender.slice(0, 28), `No. ${t.job}${t.fjob % 10}`, `P. ${t.page}`]; },
    // release-of-information vendor's outbound stamp: request number FIRST, "Released" + US date, sender, a dotted
    // phone number, "Pg 2/5":  "ROI Req# 48213077  Released 03/14/2024 10:32  SENDER  217.555.0146  Pg 2/5"
    (t) => [`ROI Req# ${t.job}${t.fjob}${zpad(t.sec)}`, `Released ${mdy(t.dt)} ${t24(t.dt)}`, t.sender.slice(0, 28), `${t.fax.area}.${t.fax.exch}.${t.fax.line}`, `Pg ${t.page}/${t.total}`],
  ],
};

// ---------------------------------------------------------------- helpers
function panelsWith(doc, opts, spell) {
  const panels = labPanels(doc, { ...opts, flagStyle: 'HL' });
  for (const P of panels) for (const r of P.rows) { r.flagPrinted = r.flag ? spell[r.flag] : ''; r.gt.flag_printed = r.flagPrinted || null; }
  return panels;
}
/** A result row for a test faxgen's catalog lacks, with the same gt fields as labPanels' rows. */
function xrow({ panel, name, value, unit = null, range = '', flag = null, flagPrinted = null, code, loinc = null, qual = false, spec = 'blood', at, low = null, high = null, ucum = undefined }) {
  return {
    name, value, unit, range, flag, flagPrinted: flagPrinted || '',
    gt: {
      panel, panel_loinc: null, test_name_printed: name, test_name: name, test_code: code, loinc, value, value_numeric: qual ? null : Number(value),
      unit: unit || null, unit_ucum: ucum === undefined ? unit || null : ucum, reference_range: range || null, reference_low: low, reference_high: high,
      flag, flag_printed: flagPrinted || null, specimen: spec, collection_date: at.slice(0, 10), collection_datetime: at,
    },
  };
}
const pageFooter = (f, left, right, pad = 0.6) => `<div style="font-family:'${f}';font-size:7pt;box-sizing:border-box;width:100%;padding:0 ${pad}in;display:flex;justify-content:space-between"><span>${left}</span><span>${right}</span></div>`;
const PN = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>';
const radGt = (doc) => ({ exam: doc.exam, modality: doc.modality, cpt: doc.cpt, exam_date: doc.exam_datetime.slice(0, 10), indication: doc.indication, findings: doc.findings, impression: doc.impression, radiologist: provName(doc.radiologist), birads: doc.birads });
const immGt = (s, printed = s.vaccine) => ({ vaccine: s.vaccine, vaccine_printed: printed, cvx: s.cvx, date: s.date, dose_number: s.dose_number, trade_name: s.trade_name, manufacturer_mvx: s.mvx, lot: s.lot, site: s.site });
const stmtGt = (doc, due) => ({ kind: 'patient_statement', payer: doc.payer, member_id: doc.member_id, claim_number: doc.claim_number, service_date: doc.date_of_service, account: doc.account, statement_date: doc.statement_date, previous_balance: doc.previous_balance, amount_due: due, lines: doc.lines, totals: doc.totals });
const isF = (p) => p.sex === 'F';
const reproAge = (p) => p.sex === 'F' && p.age >= 18 && p.age <= 45;

// ======================= FAX COVER SHEETS =======================
// cover.c1: FERTILITY / REPRODUCTIVE-ENDOCRINOLOGY clinic "Patient Care Coordination" outgoing cover with NUMBERED
// form fields (1. Recipient … 7. Sheets in this transmission), a left rule, a reproductive-health confidentiality note
// and "Reply to: Nurse line" — the heading never says "fax cover", only "Outgoing Transmission".
const coverC1 = {
  id: 'cover.c1', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'sans'); const s = doc.from_facility; const dt = doc.datetime;
    const fld = (n, k, v) => `<tr><td class="n">${n}.</td><td class="k">${k}</td><td class="v">${v}</td></tr>`;
    const body = `
      <div class="hd"><div class="fn">${esc(s.name)}</div><div class="sm">${esc(fmtAddr(s.address))}<br>Nurse line ${fmtPhone(s.phone, 'dot')} &middot; Secure fax ${fmtPhone(s.fax, 'dot')}</div></div>
      <div class="t">Patient Care Coordination &mdash; Outgoing Transmission</div>
      <table class="f">${fld(1, 'Recipient', `${esc(doc.to_name)}${doc.to_org ? ', ' + esc(doc.to_org) : ''}`)}${fld(2, 'Recipient fax', fmtPhone(doc.to_fax, 'dot'))}${fld(3, 'Sent by', esc(doc.from_person))}
      ${fld(4, 'Date / time', `${monDotDY(dt)} &nbsp; ${t12(dt)}`)}${fld(5, 'Subject', esc(doc.re))}${fld(6, 'Priority', doc.urgent ? 'STAT &mdash; please route today' : 'Routine')}${fld(7, 'Sheets in this transmission', `${doc.pages} (this sheet is no. 1)`)}</table>
      <div class="ms"><div class="k">Note</div>${esc(doc.message)}</div>
      <div class="cf">Reproductive and pregnancy-related health information is specially protected. It is sent for treatment and care coordination only and must not be re-disclosed without the patient's written consent. If this reached you in error, call ${fmtPhone(s.phone, 'dot')} and shred it.</div>`;
    const css = baseCss(f, 10) + `
      .hd{border-left:6pt solid #000;padding-left:8pt}.fn{font-size:15pt;font-weight:bold}.sm{font-size:8pt}
      .t{margin:18pt 0 10pt 0;font-size:13pt;letter-spacing:0.5pt}
      table.f{width:100%;border-collapse:collapse} table.f td{padding:5pt 4pt;border-bottom:0.6px solid #777;vertical-align:top} td.n{width:0.3in;font-weight:bold} td.k{width:2.1in;font-size:9pt}
      .ms{margin-top:16pt;min-height:140pt;border:1px solid #000;padding:6pt}.k{font-size:8pt;font-weight:bold;margin-bottom:3pt}.cf{margin-top:20pt;font-size:7.6pt;font-style:italic}`;
    return { css, body, margins: M(0.65, 0.6, 0.8, 0.8), fonts: [f] };
  },
};

// cover.c2: OCCUPATIONAL-HEALTH clinic "EMPLOYER RESULTS NOTIFICATION" cover (Concentra-like workflow): addressed to
// the Designated Employer Representative, a two-row grid ATTN / COMPANY FAX / FROM / CALLBACK, the date in
// "Thursday 14 Mar 2024" form, "No. of sheets (this one included)", and a DOT-rule notice about drug-test results.
const coverC2 = {
  id: 'cover.c2', set: SET, type: 'fax_cover_sheet',
  render(doc, env) {
    const f = font(env, 'narrow'); const s = doc.from_facility; const dt = doc.datetime;
    const wd = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][D(dt).getUTCDay()];
    const body = `
      <table class="hd"><tr><td class="fn">${esc(s.name)}<div class="sm">Occupational Health Services &middot; ${esc(fmtAddr(s.address))}</div></td><td class="r"><div class="big">EMPLOYER RESULTS<br>NOTIFICATION</div></td></tr></table>
      <table class="g"><tr><th>ATTN</th><td>${esc(doc.to_name)}${doc.to_org ? '<br>' + esc(doc.to_org) : ''}</td><th>COMPANY FAX</th><td>${fmtPhone(doc.to_fax, 'dash')}</td></tr>
      <tr><th>FROM</th><td>${esc(doc.from_person)}</td><th>CALLBACK</th><td>${fmtPhone(s.phone, 'dash')}</td></tr>
      <tr><th>SENT</th><td>${wd} ${dMonY(dt)} ${t24(dt)}</td><th>NO. OF SHEETS<br><span class="sm">(this one included)</span></th><td>${doc.pages}</td></tr></table>
      <p><b>SUBJECT:</b> ${esc(doc.re)}${doc.urgent ? ' &nbsp; <b>[TIME SENSITIVE]</b>' : ''}</p>
      <div class="ms">${esc(doc.message)}</div>
      <div class="cf">Drug and alcohol test results are released to the Designated Employer Representative only, as required by 49 CFR Part 40. Medical details beyond fitness for duty are withheld. Misdirected? Call ${fmtPhone(s.phone, 'dash')}.</div>`;
    const css = baseCss(f, 10.5) + `
      table.hd{width:100%;border-bottom:4px solid #000} table.hd td{vertical-align:bottom;padding-bottom:4pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:8pt;font-weight:normal}.big{font-size:17pt;font-weight:bold;text-align:right;line-height:1.05}
      table.g{width:100%;margin:14pt 0;border-collapse:collapse} table.g th{text-align:left;font-size:8.5pt;background:#eee;border:1px solid #000;padding:4pt;width:17%} table.g td{border:1px solid #000;padding:4pt;width:33%}
      .ms{min-height:150pt;margin-top:8pt;line-height:1.5}.cf{margin-top:18pt;border-top:2px solid #000;padding-top:4pt;font-size:8pt}`;
    return { css, body, margins: M(0.6, 0.6, 0.75, 0.75), fonts: [f] };
  },
};

// ======================= LAB REPORTS =======================
// lab.c1 (clinic): FERTILITY / OB practice "Results Summary" (REI clinic EMR print): banner with patient and
// "Cycle #" / "EDD" (for a woman of reproductive age); a PRENATAL SEROLOGY block (blood type, antibody screen,
// rubella, HBsAg, HIV, RPR); a 3-HOUR 100 g GLUCOSE TOLERANCE TEST with the DRAW TIME of each timed specimen; a
// SERIAL QUANTITATIVE beta-hCG table (one row per draw: date drawn, day post-transfer, result, % rise); then the
// routine panels as Component / Value / Standard Range / Flag / Units (UNITS LAST, after the flag).
const labC1 = {
  id: 'lab.c1', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Lakeshore Fertility Lab', 'Women\u2019s Health Reference Lab'],
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'e', nameStyle: 'full', rangeStyle: 'e' }, { H: 'HI', L: 'LO', A: 'ABN' });
    const nm = `${p.first} ${p.middle ? p.middle + '. ' : ''}${p.last}`;
    const col = doc.collected;
    const extra = [];
    let sero = '', gtt = '', hcg = '';
    if (reproAge(p)) {
      const P = 'Prenatal Panel';
      const rub = rng.chance(0.85) ? 'Immune' : 'Non-immune';
      const rows = [
        xrow({ panel: P, name: 'ABO Group', value: rng.pick(['O', 'A', 'B', 'AB']), code: 'ABO', loinc: '883-9', qual: true, at: col }),
        xrow({ panel: P, name: 'Rh(D) Type', value: rng.chance(0.85) ? 'Positive' : 'Negative', code: 'RH', loinc: '10331-7', qual: true, at: col }),
        xrow({ panel: P, name: 'Antibody Screen', value: 'Negative', range: 'Negative', code: 'ABSCR', loinc: '890-4', qual: true, at: col }),
        xrow({ panel: P, name: 'Rubella IgG', value: rub, range: 'Immune', flag: rub === 'Immune' ? null : 'A', flagPrinted: rub === 'Immune' ? null : 'ABN', code: 'RUBG', loinc: '8014-3', qual: true, at: col }),
        xrow({ panel: P, name: 'Hepatitis B Surface Ag', value: 'Non-reactive', range: 'Non-reactive', code: 'HBSAG', loinc: '5196-1', qual: true, at: col }),
        xrow({ panel: P, name: 'HIV-1/2 Ag/Ab Screen', value: 'Non-reactive', range: 'Non-reactive', code: 'HIV', loinc: '56888-1', qual: true, at: col }),
        xrow({ panel: P, name: 'RPR (Syphilis) Screen', value: 'Non-reactive', range: 'Non-reactive', code: 'RPR', loinc: '20507-0', qual: true, at: col }),
      ];
      extra.push(...rows);
      sero = `<div class="sh">Prenatal Serology</div><table class="r"><tr><th>Component</th><th>Value</th><th>Standard Range</th><th>Flag</th></tr>${rows.map((r) => `<tr><td>${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td>${esc(r.range)}</td><td class="fl">${esc(r.flagPrinted)}</td></tr>`).join('')}</table>`;
      if (rng.chance(0.7)) {
        const G = 'Glucose Tolerance, 3 Hour (100 g)';
        const cut = [['Fasting', 95, 0], ['1 Hour', 180, 60], ['2 Hour', 155, 120], ['3 Hour', 140, 180]];
        const start = withTimeIso(col.slice(0, 10), rng.int(7, 8), rng.int(0, 20));
        const vals = cut.map(([, c]) => Math.round(c * rng.float(0.55, 1.08)));
        const rows2 = cut.map(([lbl, c, min], i) => {
          const at = addMinutes(start, min + (i ? rng.int(0, 4) : 0));
          const v = String(vals[i]); const fl = vals[i] >= c ? 'H' : null;
          const r = xrow({ panel: G, name: `Glucose, ${lbl}`, value: v, unit: 'mg/dL', range: `<${c}`, flag: fl, flagPrinted: fl ? 'HI' : null, code: `GTT${i}`, loinc: ['1558-6', '1504-0', '1518-0', '1530-5'][i], at, high: c });
          r.gt.reference_high = c; r.at = at; return r;
        });
        extra.push(...rows2);
        gtt = `<div class="sh">${G} &mdash; timed specimens</div><table class="r"><tr><th>Specimen</th><th>Drawn</th><th>Value</th><th>Standard Range</th><th>Flag</th><th>Units</th></tr>${rows2.map((r) => `<tr><td>${esc(r.name)}</td><td>${t24(r.at)}</td><td class="v">${esc(r.value)}</td><td>${esc(r.range)}</td><td class="fl">${esc(r.flagPrinted)}</td><td>${esc(r.unit)}</td></tr>`).join('')}</table>
        <p class="sm">Glucose load given at ${t24(start)}. Two or more values at or above the cut-offs (Carpenter-Coustan) are consistent with gestational diabetes.</p>`;
      }
      if (rng.chance(0.6)) {
        const H = 'hCG, Quantitative (serial)';
        let v = rng.float(40, 300); const rows3 = [];
        const day0 = rng.int(9, 12);
        for (let k = 0; k < 3; k++) {
          const at = withTimeIso(addDaysIso(col.slice(0, 10), (k - 2) * 2), rng.int(7, 10), rng.int(0, 59));
          const val = String(Math.round(v));
          const r = xrow({ panel: H, name: 'Beta hCG, Quant', value: val, unit: 'mIU/mL', range: '<5', flag: 'H', flagPrinted: 'HI', code: 'HCGQ', loinc: '21198-7', at, high: 5 });
          r.at = at; r.day = day0 + k * 2; r.rise = k ? Math.round((v / rows3[k - 1].num - 1) * 100) : null; r.num = v;
          rows3.push(r); v = v * rng.float(1.6, 2.3);
        }
        // The newest draw is the result, the one before it its previous_result (faxgen's cumulative convention).
        const last = rows3[rows3.length - 1], before = rows3[rows3.length - 2];
        last.gt = { ...last.gt, previous_result: { value: before.value, date: before.at.slice(0, 10) } };
        extra.push(last);
        hcg = `<div class="sh">Serial Beta hCG, Quant</div><table class="r"><tr><th>Date drawn</th><th>Day post transfer</th><th>Value</th><th>Units</th><th>% rise (48 h)</th></tr>${rows3.map((r) => `<tr><td>${mdy(r.at)} ${t24(r.at)}</td><td>${r.day}</td><td class="v">${esc(r.value)}</td><td>${esc(r.unit)}</td><td>${r.rise === null ? '&mdash;' : r.rise + '%'}</td></tr>`).join('')}</table>
        <p class="sm">Beta hCG reference (non-pregnant): &lt;5 mIU/mL. A rise of 53% or more in 48 hours is expected in a viable early pregnancy.</p>`;
      }
    }
    const routine = panels.map((P) => `<div class="sh">${esc(P.name)}</div><table class="r"><tr><th>Component</th><th>Value</th><th>Standard Range</th><th>Flag</th><th>Units</th></tr>${P.rows.map((r) => `<tr><td>${esc(r.name)}</td><td class="v">${esc(r.value)}</td><td>${esc(r.range)}</td><td class="fl">${esc(r.flagPrinted)}</td><td>${esc(r.unit)}</td></tr>`).join('')}</table>`).join('');
    const gt = [...extra.map((r) => r.gt), ...panels.flatMap((P) => P.rows.map((r) => r.gt))];
    const edd = reproAge(p) ? `EDD ${mdy(addDaysIso(col.slice(0, 10), rng.int(120, 250)))} &nbsp;&middot;&nbsp; ` : '';
    const body = `
      <div class="hd"><span class="fn">${esc(doc.facility.name)}</span><span class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dot')}</span></div>
      <div class="bn"><b>${esc(nm)}</b> &nbsp;&middot;&nbsp; Born ${dMonY(p.dob)} &nbsp;&middot;&nbsp; ${isF(p) ? 'Female' : 'Male'} &nbsp;&middot;&nbsp; Chart ${esc(doc.mrn)}<br>${edd}Cycle # ${rng.int(1, 4)} &nbsp;&middot;&nbsp; Physician ${esc(provName(doc.provider))}</div>
      <div class="t">Results Summary</div>
      <p class="sm">Specimens collected ${dMonY(col)} ${t24(col)} &middot; Final ${dMonY(doc.reported)} ${t24(doc.reported)} &middot; Performed by ${esc(doc.performingLab || doc.labName)} &middot; Req ${doc.accession}</p>
      ${sero}${gtt}${hcg}${routine}
      <p class="sm keep" style="margin-top:8pt">Results released to the care team after nurse review. CLIA ${doc.clia}. Lab director ${esc(provName(doc.lab_director))}.</p>`;
    const css = baseCss(f, 8.8) + `
      .hd{display:flex;justify-content:space-between;align-items:baseline;border-bottom:1px solid #000}.fn{font-weight:bold;font-size:12pt}.sm{font-size:7.4pt}
      .bn{border:1.5px solid #000;border-radius:5pt;padding:3pt 6pt;margin:5pt 0;line-height:1.4}.t{font-size:13pt;font-weight:bold;margin:3pt 0}
      .sh{font-weight:bold;margin:6pt 0 1pt 0;border-bottom:1.5px solid #000;font-size:9.2pt} table.r{width:100%;border-collapse:collapse} table.r th{text-align:left;font-size:7.6pt;font-weight:normal;font-style:italic;padding:1pt 3pt} table.r td{padding:0.8pt 3pt;border-bottom:0.3px dotted #888}
      td.v{font-weight:bold} td.fl{font-weight:bold}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Born ${dMonY(p.dob)} &middot; Results Summary`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.performingLab || doc.labName } };
  },
};
function withTimeIso(isoDate, h, m) { return `${isoDate.slice(0, 10)}T${zpad(h)}:${zpad(m)}`; }

// lab.c2 (reflab): UROLOGY practice's in-house / reference lab report (urology group lab manner): columns Test /
// REFERENCE RANGE / RESULT / UNITS — the RANGE PRINTED BEFORE THE RESULT — with arrows for flags (↑ ↓, * for an
// abnormal qualitative); a PSA HISTORY table (one row per draw date, the current draw marked) for men; a urinalysis
// with a MICROSCOPIC section (WBC/RBC per hpf as ranges "3-5", casts, bacteria).
const labC2 = {
  id: 'lab.c2', set: SET, type: 'lab_report', facilityKind: 'reflab', labNames: ['Tri-County Urology Laboratory', 'Prostate & Kidney Reference Lab'],
  render(doc, env) {
    const f = font(env, env.rng.pick(['sans', 'narrow'])); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'h', nameStyle: 'caps', rangeStyle: 'h' }, { H: '\u2191', L: '\u2193', A: '*' });
    const col = doc.collected;
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}${p.middle ? ' ' + p.middle : ''}`;
    const extra = [];
    // PSA: a history table instead of a row (the current value is its last line)
    const psaP = panels.find((P) => P.key === 'PSA');
    let psaHtml = '';
    if (p.sex === 'M' && p.age >= 40) {
      const cur = psaP ? psaP.rows[0] : null;
      const curV = cur ? Number(cur.value) : rng.float(0.4, 6.5);
      const hist = [];
      let v = curV * rng.float(0.55, 0.9);
      for (let k = 3; k >= 1; k--) { hist.push({ at: withTimeIso(addDaysIso(col.slice(0, 10), -k * rng.int(150, 240)), rng.int(7, 11), rng.int(0, 59)), v }); v = v * rng.float(1.0, 1.25); }
      const rows = hist.map((h) => { const val = h.v.toFixed(2); const fl = Number(val) > 4 ? 'H' : null; return xrow({ panel: 'PSA HISTORY', name: 'PSA, TOTAL', value: val, unit: 'ng/mL', range: '0.00-4.00', flag: fl, flagPrinted: fl ? '\u2191' : null, code: 'PSA', loinc: '2857-1', at: h.at, low: 0, high: 4 }); });
      const curRow = cur ? { ...cur, gt: { ...cur.gt, test_name_printed: 'PSA, TOTAL', reference_range: '0.00-4.00', reference_low: 0, reference_high: 4 } } : (() => { const val = curV.toFixed(2); const fl = Number(val) > 4 ? 'H' : null; return xrow({ panel: 'PSA HISTORY', name: 'PSA, TOTAL', value: val, unit: 'ng/mL', range: '0.00-4.00', flag: fl, flagPrinted: fl ? '\u2191' : null, code: 'PSA', loinc: '2857-1', at: col, low: 0, high: 4 }); })();
      if (cur) { curRow.gt.flag = Number(cur.value) > 4 ? 'H' : null; curRow.flag = curRow.gt.flag; curRow.flagPrinted = curRow.flag ? '\u2191' : ''; curRow.gt.flag_printed = curRow.flagPrinted || null; curRow.name = 'PSA, TOTAL'; }
      rows.push(curRow); curRow.at = col;
      rows.forEach((r, i) => { if (i < rows.length - 1) r.at = hist[i].at; });
      // faxgen's cumulative convention (set-a lab.a3, sets q / r / v / w): the newest draw is the report's result, the
      // draw before it its previous_result; older draws are history, not results.
      const prev = rows[rows.length - 2];
      curRow.gt = { ...curRow.gt, previous_result: { value: prev.value, date: prev.at.slice(0, 10) } };
      extra.push(curRow);
      psaHtml = `<div class="sh">PSA, TOTAL &mdash; history (ng/mL; reference 0.00-4.00)</div><table class="rs"><tr><th>Drawn</th><th>Result</th><th></th><th>Note</th></tr>${rows.map((r, i) => `<tr><td>${mdyy(r.at)}</td><td class="v">${esc(r.value)} ${esc(r.flagPrinted)}</td><td></td><td>${i === rows.length - 1 ? 'current' : ''}</td></tr>`).join('')}</table>`;
    }
    const mainPanels = panels.filter((P) => P.key !== 'PSA' || !psaHtml);
    // urine microscopy (urology runs one on every UA, and on its own otherwise)
    const MP = 'URINALYSIS, MICROSCOPIC';
    const rbc = rng.pick(['0-2', '0-2', '3-5', '6-10']), wbc = rng.pick(['0-2', '0-5', '6-10']), bact = rng.pick(['None seen', 'None seen', 'Few', 'Moderate']);
    const micro = [
      xrow({ panel: MP, name: 'RBC, URINE', value: rbc, unit: '/HPF', range: '0-2', flag: rbc === '0-2' ? null : 'H', flagPrinted: rbc === '0-2' ? null : '\u2191', code: 'URBC', loinc: '13945-1', qual: true, spec: 'urine', at: col, low: 0, high: 2 }),
      xrow({ panel: MP, name: 'WBC, URINE', value: wbc, unit: '/HPF', range: '0-5', flag: wbc === '6-10' ? 'H' : null, flagPrinted: wbc === '6-10' ? '\u2191' : null, code: 'UWBC', loinc: '5821-4', qual: true, spec: 'urine', at: col, low: 0, high: 5 }),
      xrow({ panel: MP, name: 'BACTERIA', value: bact, unit: '/HPF', range: 'None seen', flag: bact === 'None seen' ? null : 'A', flagPrinted: bact === 'None seen' ? null : '*', code: 'UBACT', loinc: '25145-4', qual: true, spec: 'urine', at: col }),
      xrow({ panel: MP, name: 'SQUAMOUS EPITHELIAL CELLS', value: rng.pick(['Rare', 'Few']), unit: '/LPF', range: 'Rare-Few', code: 'USQEP', loinc: '11277-1', qual: true, spec: 'urine', at: col }),
      xrow({ panel: MP, name: 'HYALINE CASTS', value: rng.pick(['None seen', '0-2']), unit: '/LPF', range: '0-2', code: 'UHYAL', loinc: '5796-8', qual: true, spec: 'urine', at: col }),
    ];
    extra.push(...micro);
    const tr = (r) => `<tr><td class="tn">${esc(r.name)}</td><td>${esc(r.range)}</td><td class="v">${esc(r.value)}${r.flagPrinted ? ' ' + esc(r.flagPrinted) : ''}</td><td>${esc(r.unit || '')}</td></tr>`;
    const head = '<tr><th>Test</th><th>Reference Range</th><th>Result</th><th>Units</th></tr>';
    const tables = mainPanels.map((P) => `<div class="sh">${esc(P.name)}</div><table class="rs">${head}${P.rows.map(tr).join('')}</table>`).join('')
      + `<div class="sh">${MP}</div><table class="rs">${head}${micro.map(tr).join('')}</table>`;
    const gt = [...mainPanels.flatMap((P) => P.rows.map((r) => r.gt)), ...extra.map((r) => r.gt)];
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.labName)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; CLIA ${doc.clia}</div></td>
      <td class="r sm">Lab No. ${doc.accession}<br>Drawn ${mdyy(col)} ${t24(col)}<br>Verified ${mdyy(doc.reported)} ${t24(doc.reported)}<br>${esc(doc.status).toUpperCase()}</td></tr></table>
      <table class="pt"><tr><td>PATIENT<br><b>${esc(nm)}</b></td><td>SEX/AGE<br>${p.sex}/${ageOf(p.dob, col)}</td><td>BIRTHDATE<br>${mdyy(p.dob)}</td><td>CHART<br>${esc(doc.mrn)}</td><td>UROLOGIST<br>${esc(provLF(doc.provider, true))}</td></tr></table>
      ${psaHtml}${tables}
      <p class="sm keep" style="margin-top:8pt">\u2191 above reference range &nbsp; \u2193 below reference range &nbsp; * abnormal. Microscopy performed on centrifuged sediment (12 mL). Director: ${esc(provName(doc.lab_director))}.</p>`;
    const css = baseCss(f, 8.8) + `
      table.hd{width:100%;border-bottom:2.5px solid #000} table.hd td{vertical-align:bottom;padding-bottom:3pt}.fn{font-size:14pt;font-weight:bold}.sm{font-size:7.5pt}.r{text-align:right}
      table.pt{width:100%;margin:5pt 0;border-collapse:collapse} table.pt td{border:0.8px solid #000;padding:2pt 4pt;font-size:7.2pt;vertical-align:top} table.pt b{font-size:9.5pt}
      .sh{font-weight:bold;margin:6pt 0 1pt 0;font-size:9pt;text-decoration:underline} table.rs{width:100%;border-collapse:collapse} table.rs th{text-align:left;font-size:7.5pt;border-bottom:1px solid #000;padding:1pt 3pt} table.rs td{padding:0.8pt 3pt}
      .tn{width:38%} td.v{font-weight:bold}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Lab No. ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.labName } };
  },
};

// lab.c3 (hospital): SURGICAL PATHOLOGY / GYN CYTOLOGY report (hospital AP-LIS print, e.g. CoPath / Beaker AP
// manner): accession "S24-01234" / "GC24-…", Clinical history, Specimen source, GROSS DESCRIPTION, MICROSCOPIC
// DESCRIPTION, FINAL DIAGNOSIS in capitals with a numbered specimen line, an "ANCILLARY TESTING" table
// (high-risk HPV with genotypes for a Pap; H. pylori immunostain and Ki-67 for a biopsy) and the pathologist's
// electronic signature. The routine panels of the order are NOT printed — a pathology report carries none.
const labC3 = {
  id: 'lab.c3', set: SET, type: 'lab_report', facilityKind: 'hospital', labNames: null,
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const rng = env.rng;
    const col = doc.collected; const yy = String(D(col).getUTCFullYear()).slice(2);
    const nm = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle : ''}`;
    const path = doc.lab_director;
    let kind, acc, hist, source, gross, micro, dx, rows;
    if (isF(p) && p.age >= 21) {
      const P = 'HPV, High Risk with Genotyping';
      const hr = rng.chance(0.8) ? 'Not Detected' : 'Detected';
      rows = [
        xrow({ panel: P, name: 'HPV, High Risk (other)', value: hr, range: 'Not Detected', flag: hr === 'Detected' ? 'A' : null, flagPrinted: hr === 'Detected' ? 'Abnormal' : null, code: 'HRHPV', loinc: '59420-0', qual: true, spec: 'cervix', at: col }),
        xrow({ panel: P, name: 'HPV Genotype 16', value: 'Not Detected', range: 'Not Detected', code: 'HPV16', loinc: '59263-4', qual: true, spec: 'cervix', at: col }),
        xrow({ panel: P, name: 'HPV Genotype 18/45', value: 'Not Detected', range: 'Not Detected', code: 'HPV1845', loinc: '59420-0', qual: true, spec: 'cervix', at: col }),
      ];
      kind = 'GYN CYTOLOGY REPORT'; acc = `GC${yy}-${rng.digits(5)}`; hist = `Routine screening. LMP ${mdy(addDaysIso(col.slice(0, 10), -rng.int(5, 25)))}.`;
      source = 'Cervical/endocervical, ThinPrep liquid-based preparation';
      gross = 'One ThinPrep vial received labeled with the patient\u2019s name and date of birth.';
      micro = 'Specimen adequacy: Satisfactory for evaluation; endocervical/transformation zone component present.';
      dx = hr === 'Detected' ? 'ATYPICAL SQUAMOUS CELLS OF UNDETERMINED SIGNIFICANCE (ASC-US).' : 'NEGATIVE FOR INTRAEPITHELIAL LESION OR MALIGNANCY (NILM).';
    } else {
      const P = 'Immunohistochemistry';
      const hp = rng.chance(0.75) ? 'Negative' : 'Positive';
      const ki = String(rng.int(2, 12));
      rows = [
        xrow({ panel: P, name: 'Helicobacter pylori immunostain', value: hp, range: 'Negative', flag: hp === 'Positive' ? 'A' : null, flagPrinted: hp === 'Positive' ? 'Abnormal' : null, code: 'HPYIHC', loinc: null, qual: true, spec: 'tissue', at: col }),
        xrow({ panel: P, name: 'Ki-67 proliferation index', value: ki, unit: '%', range: '<15', code: 'KI67', loinc: '29593-9', spec: 'tissue', at: col, high: 15 }),
      ];
      kind = 'SURGICAL PATHOLOGY REPORT'; acc = `S${yy}-${rng.digits(5)}`; hist = 'Dyspepsia; rule out Helicobacter gastritis.';
      source = 'A. Stomach, antrum, biopsy; B. Stomach, body, biopsy';
      gross = `Received in formalin in two containers. A: ${rng.int(2, 4)} tan soft tissue fragments, 0.2-0.4 cm, entirely submitted. B: ${rng.int(2, 4)} fragments, entirely submitted.`;
      micro = 'Sections show gastric mucosa with mild chronic inflammation of the lamina propria; no intestinal metaplasia or dysplasia.';
      dx = hp === 'Positive' ? 'A-B. CHRONIC ACTIVE GASTRITIS, HELICOBACTER PYLORI-ASSOCIATED. NEGATIVE FOR DYSPLASIA.' : 'A-B. MILD CHRONIC GASTRITIS. NEGATIVE FOR HELICOBACTER PYLORI, INTESTINAL METAPLASIA AND DYSPLASIA.';
    }
    const body = `
      <div class="c"><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Department of Pathology and Laboratory Medicine &middot; ${esc(fmtAddr(doc.facility.address))}</div><div class="t">${kind}</div></div>
      <table class="pt"><tr><td>Patient: <b>${esc(nm)}</b></td><td>Accession: <b>${acc}</b></td></tr>
      <tr><td>DOB: ${mdy(p.dob)} (Age ${ageOf(p.dob, col)}) &nbsp; Sex: ${p.sex}</td><td>Collected: ${mdy(col)} &nbsp; Received: ${mdy(doc.received)}</td></tr>
      <tr><td>MRN: ${esc(doc.mrn)}</td><td>Submitting: ${esc(provName(doc.provider))}</td></tr></table>
      <div class="h">CLINICAL HISTORY</div><p>${esc(hist)}</p>
      <div class="h">SPECIMEN(S)</div><p>${esc(source)}</p>
      <div class="h">FINAL DIAGNOSIS</div><p class="dx">${esc(dx)}</p>
      <div class="h">GROSS DESCRIPTION</div><p>${esc(gross)}</p>
      <div class="h">MICROSCOPIC DESCRIPTION</div><p>${esc(micro)}</p>
      <div class="h">ANCILLARY TESTING</div><table class="rs"><tr><th>Test</th><th>Result</th><th>Expected</th><th>Interpretation</th></tr>${rows.map((r) => `<tr><td>${esc(r.name)}</td><td class="v">${esc(r.value)}${r.unit ? ' ' + esc(r.unit) : ''}</td><td>${esc(r.range)}</td><td>${esc(r.flagPrinted)}</td></tr>`).join('')}</table>
      <div class="keep sg">${signatureSvg(rng, 120, 28)}<div>*** Electronically signed by ${esc(provName(path))}, Pathologist, ${mdy(doc.reported)} ${t24(doc.reported)} ***</div>
      <div class="sm">The interpretation above is based on the material received. Ancillary tests were developed and validated by this laboratory (CLIA ${doc.clia}).</div></div>`;
    const css = baseCss(f, 9.6) + `
      .c{text-align:center}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.8pt}.t{font-size:13pt;font-weight:bold;letter-spacing:1.5pt;margin:6pt 0;border-top:1px solid #000;border-bottom:1px solid #000;padding:2pt 0}
      table.pt{width:100%;font-size:9pt} table.pt td{padding:1pt 4pt}.h{font-weight:bold;margin:8pt 0 1pt 0;font-size:9pt;letter-spacing:0.5pt} p{margin:1pt 0 2pt 10pt}.dx{font-weight:bold}
      table.rs{margin-left:10pt;border-collapse:collapse;min-width:70%} table.rs th{text-align:left;font-size:8pt;border-bottom:1px solid #000;padding:1pt 6pt 1pt 0} table.rs td{padding:1pt 6pt 1pt 0} td.v{font-weight:bold}.sg{margin-top:14pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${acc} &middot; ${kind}`, PN);
    return { css, body, footer, margins: M(0.6, 0.6, 0.75, 0.75), fonts: [f], gt: { lab_results: rows.map((r) => r.gt), name_printed: nm, performing_lab: doc.facility.name } };
  },
};

// lab.c4 (clinic): OCCUPATIONAL HEALTH "Employment Physical — Laboratory & Drug Test Results" (occ-med clinic
// print): employer / reason-for-test box, a CHAIN-OF-CUSTODY drug-test block (CCF #, specimen ID, collection site,
// "Laboratory result: NEGATIVE", MRO verification) whose analyte table has SCREEN and CONFIRMATION CUT-OFFS in
// ng/mL next to a word result, specimen-validity tests (urine creatinine, specific gravity, pH), then the physical's
// routine labs as "Test / Result (with the unit in the same cell) / Normal Values / Flag (HIGH / LOW / ABNORMAL)".
const labC4 = {
  id: 'lab.c4', set: SET, type: 'lab_report', facilityKind: 'clinic', labNames: ['Workforce Toxicology Laboratory', 'Employer Health Reference Lab'],
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const rng = env.rng;
    const panels = panelsWith(doc, { unitStyle: 'l', nameStyle: 'abbr', rangeStyle: 'e' }, { H: 'HIGH', L: 'LOW', A: 'ABNORMAL' });
    const col = doc.collected;
    const nm = `${p.first.toUpperCase()} ${p.last.toUpperCase()}`;
    const D5 = 'DRUG SCREEN, 5 PANEL (DOT)';
    const drugs = [['Amphetamines', 500, 250], ['Cocaine Metabolite', 150, 100], ['Marijuana Metabolite (THC)', 50, 15], ['Opiates', 2000, 2000], ['Phencyclidine (PCP)', 25, 25]];
    const drows = drugs.map(([n], i) => xrow({ panel: D5, name: n, value: 'NEGATIVE', code: `DS${i}`, qual: true, spec: 'urine', at: col }));
    const VP = 'SPECIMEN VALIDITY';
    const ucr = String(rng.int(38, 260)); const sg = (1.005 + rng.int(0, 22) / 1000).toFixed(3); const ph = (rng.float(5.0, 7.8)).toFixed(1);
    const vrows = [
      xrow({ panel: VP, name: 'Creatinine, Urine', value: ucr, unit: 'mg/dL', range: '>=20', code: 'UCREAT', loinc: '2161-8', spec: 'urine', at: col, low: 20 }),
      xrow({ panel: VP, name: 'Specific Gravity, Urine', value: sg, range: '1.003-1.030', code: 'USGV', loinc: '2965-2', spec: 'urine', at: col, low: 1.003, high: 1.030 }),
      xrow({ panel: VP, name: 'pH, Urine', value: ph, range: '4.5-9.0', code: 'UPHV', loinc: '2756-5', spec: 'urine', at: col, low: 4.5, high: 9.0 }),
    ];
    const reason = rng.pick(['Pre-employment', 'Random', 'Post-accident', 'Return to duty']);
    const employer = `${rng.pick(['Keystone', 'Bluewater', 'Summit Ridge', 'Prairie'])} ${rng.pick(['Freight Lines', 'Transit Authority', 'Logistics LLC', 'Paving Co.'])}`;
    const routine = panels.map((P) => `<tr class="ph"><td colspan="4">${esc(P.name)}</td></tr>${P.rows.map((r) => `<tr><td>${esc(r.name)}</td><td class="v">${esc(r.value)}${r.unit ? ' ' + esc(r.unit) : ''}</td><td>${esc(r.range)}</td><td class="fl">${esc(r.flagPrinted)}</td></tr>`).join('')}`).join('');
    const gt = [...drows.map((r) => r.gt), ...vrows.map((r) => r.gt), ...panels.flatMap((P) => P.rows.map((r) => r.gt))];
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Occupational Medicine &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone, 'dash')}</div></td><td class="r"><b>EMPLOYMENT PHYSICAL</b><br>Laboratory &amp; Drug Test Results</td></tr></table>
      <table class="bx"><tr><td>DONOR / EMPLOYEE<br><b>${esc(nm)}</b><br>DOB ${mdy(p.dob)} &nbsp; ID ${esc(doc.mrn)}</td><td>EMPLOYER<br><b>${esc(employer)}</b><br>Reason for test: ${reason}</td><td>COLLECTED<br><b>${mdy(col)} ${t24(col)}</b><br>Site: ${esc(doc.facility.place || doc.facility.name)} collection</td></tr></table>
      <div class="sh">CHAIN OF CUSTODY DRUG TEST &mdash; ${D5}</div>
      <p>CCF # ${rng.digits(7)} &nbsp;&middot;&nbsp; Specimen ID ${rng.digits(9)} &nbsp;&middot;&nbsp; Split specimen: Yes &nbsp;&middot;&nbsp; Laboratory: ${esc(doc.performingLab || doc.labName)}</p>
      <table class="rs"><tr><th>Analyte</th><th>Result</th><th>Screen cut-off (ng/mL)</th><th>Confirm cut-off (ng/mL)</th></tr>${drows.map((r, i) => `<tr><td>${esc(r.name)}</td><td class="v">${r.value}</td><td>${drugs[i][1]}</td><td>${drugs[i][2]}</td></tr>`).join('')}</table>
      <p><b>Laboratory result: NEGATIVE</b> &nbsp;&middot;&nbsp; MRO verification: Verified Negative, ${mdy(doc.reported)}, ${esc(provName(doc.lab_director))}, MRO</p>
      <div class="sh">${VP}</div><table class="rs"><tr><th>Test</th><th>Result</th><th>Normal Values</th><th></th></tr>${vrows.map((r) => `<tr><td>${esc(r.name)}</td><td class="v">${esc(r.value)}${r.unit ? ' ' + esc(r.unit) : ''}</td><td>${esc(r.range)}</td><td></td></tr>`).join('')}</table>
      ${panels.length ? `<div class="sh">PHYSICAL EXAMINATION LABORATORY</div><table class="rs"><tr><th>Test</th><th>Result</th><th>Normal Values</th><th>Flag</th></tr>${routine}</table>` : ''}
      <p class="sm keep" style="margin-top:8pt">Drug test results are reported per 49 CFR Part 40. Fitness-for-duty determination is made by the examining provider, ${esc(provName(doc.provider))}.</p>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:3px solid #000} table.hd td{vertical-align:bottom}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.5pt}.r{text-align:right}
      table.bx{width:100%;border-collapse:collapse;margin:5pt 0} table.bx td{border:1px solid #000;padding:3pt 5pt;font-size:7.5pt;vertical-align:top;width:33%} table.bx b{font-size:9.5pt}
      .sh{background:#000;color:#fff;font-weight:bold;padding:1.5pt 4pt;margin-top:7pt;font-size:8.6pt} p{margin:2pt 0} table.rs{width:100%;border-collapse:collapse} table.rs th{text-align:left;font-size:7.6pt;border-bottom:1px solid #000;padding:1pt 3pt} table.rs td{padding:0.8pt 3pt;border-bottom:0.3px solid #ccc}
      tr.ph td{font-weight:bold;padding-top:4pt} td.v{font-weight:bold} td.fl{font-weight:bold}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${esc(employer)}`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.6, 0.6), fonts: [f], gt: { lab_results: gt, name_printed: nm, performing_lab: doc.performingLab || doc.labName } };
  },
};

// ======================= DISCHARGE SUMMARY =======================
// discharge.c1 (hospital): AMBULATORY SURGERY CENTER "Operative Report & Discharge Instructions" (ASC EHR, e.g.
// HST Pathways / SIS manner): header "Date of Surgery" + "Discharged" with times, a two-column OPERATIVE DATA grid
// (Pre-op diagnosis / Post-op diagnosis / Procedure / Surgeon / Anesthesia MAC / EBL / Specimens / Implants), a short
// procedure narrative, then patient-facing HOME INSTRUCTIONS ("Medicines to START / keep TAKING / STOP"), warning
// signs "Call us if", and "Your follow-up" with the patient's and nurse's signature lines.
const dsC1 = {
  id: 'discharge.c1', set: SET, type: 'discharge_summary', facilityKind: 'hospital',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = nameFL(p);
    const proc = doc.procedures[0] || rng.pick(['Diagnostic arthroscopy, right knee', 'Cystoscopy with ureteral stent placement', 'Hysteroscopy with dilation and curettage', 'Phacoemulsification with intraocular lens, left eye']);
    const adm = `${doc.admit_date}T${zpad(rng.int(6, 9))}:${zpad(rng.int(0, 59))}`;
    const dis = `${doc.discharge_date}T${zpad(rng.int(11, 17))}:${zpad(rng.int(0, 59))}`;
    const grp = (st) => doc.medications.filter((m) => st.includes(m.status || 'Continue'));
    const ml = (list) => list.length ? list.map((m) => `<li>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)} &mdash; ${esc(m.sig)}</li>`).join('') : '<li>None</li>';
    const grid = [['Pre-operative diagnosis', doc.diagnoses[0] ? `${esc(doc.diagnoses[0].description)} (${doc.diagnoses[0].code})` : ''], ['Post-operative diagnosis', 'Same'], ['Procedure', esc(proc)], ['Surgeon', esc(provName(doc.provider))], ['Anesthesia', rng.pick(['MAC with local', 'General (LMA)', 'Regional block'])], ['Estimated blood loss', `${rng.int(2, 40)} mL`], ['Specimens', rng.pick(['None', 'To pathology'])], ['Complications', 'None']];
    const body = `
      <div class="hd"><span class="fn">${esc(doc.facility.name)} <span class="sm">Surgery Center</span></span><span class="t">Operative Report &amp; Discharge Instructions</span></div>
      <table class="pt"><tr><td>Patient: <b>${esc(nm)}</b></td><td>DOB: ${mdyNP(p.dob)}</td><td>MRN: ${esc(doc.mrn)}</td></tr>
      <tr><td>Date of Surgery: <b>${monDotDY(adm)}</b> ${t12(adm)}</td><td>Discharged: ${monDotDY(dis)} ${t12(dis)}</td><td>Case # ${esc(doc.account)}</td></tr></table>
      <div class="h">OPERATIVE DATA</div><table class="g">${grid.map(([k, v]) => `<tr><td class="k">${k}</td><td>${v}</td></tr>`).join('')}</table>
      <div class="h">INDICATIONS AND PROCEDURE</div><p>${esc(doc.hpi)} ${doc.course.map(esc).join(' ')}</p>
      <div class="h">OTHER DIAGNOSES</div><p>${doc.diagnoses.slice(1).map((x) => `${esc(x.description)} (${x.code})`).join('; ') || 'None'}</p>
      <div class="h">HOME INSTRUCTIONS</div>
      <div class="cols"><div><b>Medicines to START</b><ul>${ml(grp(['New']))}</ul><b>Medicines CHANGED</b><ul>${ml(grp(['Changed']))}</ul></div>
      <div><b>Keep TAKING</b><ul>${ml(grp(['Continue']))}</ul><b>STOP taking</b><ul>${ml(grp(['Stop']))}</ul></div></div>
      <p><b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance)} (${esc(a.reaction)})`).join(', ') : 'No known allergies'}</p>
      <p><b>Diet:</b> ${esc(doc.diet)}. <b>Activity:</b> ${esc(doc.activity)}. <b>Going home:</b> ${esc(doc.disposition)}, condition ${esc(doc.condition).toLowerCase()}.</p>
      <p><b>Call us if</b> you have a fever over 101&deg;F, bleeding that soaks the dressing, pain not relieved by your medicine, or you cannot urinate within 8 hours.</p>
      <p><b>Your follow-up:</b> ${doc.followup.map(esc).join('; ')}</p>
      ${doc.pending.length ? `<p><b>Results still pending:</b> ${doc.pending.map(esc).join(', ')}</p>` : ''}
      <table class="sg keep"><tr><td>${signatureSvg(rng, 120, 26)}Surgeon: ${esc(provName(doc.provider))}<br>Signed ${mdy(doc.signed)} ${t24(doc.signed)}</td><td>Patient / responsible adult: ____________________<br>Discharge nurse: ____________________</td></tr></table>`;
    const css = baseCss(f, 9) + `
      .hd{display:flex;justify-content:space-between;align-items:baseline;border-bottom:2.5px solid #000;padding-bottom:2pt}.fn{font-weight:bold;font-size:12pt}.sm{font-size:8pt;font-weight:normal}.t{font-size:11pt;font-weight:bold}
      table.pt{width:100%;margin:4pt 0;border-collapse:collapse} table.pt td{padding:2pt 4pt;border-bottom:0.5px solid #999}.h{font-weight:bold;font-size:9pt;margin:7pt 0 2pt 0;letter-spacing:1pt}
      table.g{width:100%;border-collapse:collapse} table.g td{border:0.6px solid #000;padding:1.5pt 4pt} td.k{width:1.8in;background:#eee;font-size:8.4pt} p{margin:1pt 0 3pt 0}
      .cols{display:flex;gap:14pt}.cols>div{flex:1} ul{margin:1pt 0 4pt 0;padding-left:14pt} table.sg{width:100%;margin-top:10pt} table.sg td{vertical-align:bottom;width:50%;font-size:8.4pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOS ${mdy(adm)} &middot; ${esc(doc.facility.name)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses } };
  },
};

// ======================= OFFICE VISIT =======================
// office_visit.c1 (specialist): OPHTHALMOLOGY / OPTOMETRY exam note (eye EHR, e.g. Compulink / NextTech manner):
// a VISUAL ACUITY grid (OD / OS / OU × sc / cc / PH, 20/xx), TONOMETRY (IOP mmHg OD / OS with method and time),
// REFRACTION table (sphere / cyl / axis / add), slit-lamp and dilated-fundus findings by structure in two eye
// columns, then "Impression / Plan" and the systemic vitals in one small line (BP and pulse only are typical).
const ovC1 = {
  id: 'office_visit.c1', set: SET, type: 'office_visit_note',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = `${p.last}, ${p.first}`;
    const va = () => `20/${rng.pick([20, 20, 25, 30, 40, 50, 70])}`;
    const iop = () => rng.int(11, 23);
    const rx = () => `${rng.pick(['-', '+'])}${(rng.int(0, 16) * 0.25).toFixed(2)} ${rng.pick(['-0.50', '-0.75', '-1.25', 'sph'])} x ${zpad(rng.int(1, 180), 3)}`;
    const ss = [['Lids/Lashes', 'Normal', 'Normal'], ['Conjunctiva', 'White and quiet', 'White and quiet'], ['Cornea', 'Clear', 'Clear'], ['Anterior chamber', 'Deep and quiet', 'Deep and quiet'], ['Lens', rng.pick(['1+ NS', 'Clear', 'Trace NS']), rng.pick(['1+ NS', 'Clear', '2+ NS'])], ['Disc (C/D)', `0.${rng.int(2, 6)}`, `0.${rng.int(2, 6)}`], ['Macula', 'Flat, good reflex', 'Flat, good reflex'], ['Periphery', 'Attached 360', 'Attached 360']];
    const body = `
      <table class="hd"><tr><td class="fn">${esc(doc.facility.name)}<div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><b>EYE EXAMINATION</b><br>${esc(doc.visit_type)}</td></tr></table>
      <table class="pt"><tr><td>Patient <b>${esc(nm)}</b></td><td>DOB ${mdy(p.dob)}</td><td>Acct ${esc(doc.mrn)}</td><td>Exam date <b>${mdy(doc.date_of_service)}</b></td><td>Doctor ${esc(provName(doc.provider))}</td></tr></table>
      <p><b>Chief complaint:</b> ${esc(doc.chief_complaint)} &nbsp; <b>Hx:</b> ${esc(doc.hpi)}</p>
      <div class="row"><div><div class="h">VISUAL ACUITY (distance)</div><table class="g"><tr><th></th><th>sc</th><th>cc</th><th>PH</th></tr><tr><td>OD</td><td>${va()}</td><td>${va()}</td><td>20/20</td></tr><tr><td>OS</td><td>${va()}</td><td>${va()}</td><td>20/20</td></tr><tr><td>OU</td><td>${va()}</td><td>20/20</td><td></td></tr></table></div>
      <div><div class="h">TONOMETRY</div><table class="g"><tr><th></th><th>IOP</th><th>Method</th></tr><tr><td>OD</td><td>${iop()} mmHg</td><td>Applanation</td></tr><tr><td>OS</td><td>${iop()} mmHg</td><td>Applanation</td></tr></table><p class="sm">Time ${t24(doc.signed)}; pupils dilated with 1% tropicamide / 2.5% phenylephrine.</p></div>
      <div><div class="h">MANIFEST REFRACTION</div><table class="g"><tr><th></th><th>Sph / Cyl x Axis</th><th>Add</th></tr><tr><td>OD</td><td>${rx()}</td><td>+${(rng.int(0, 10) * 0.25).toFixed(2)}</td></tr><tr><td>OS</td><td>${rx()}</td><td>+${(rng.int(0, 10) * 0.25).toFixed(2)}</td></tr></table></div></div>
      <div class="h">SLIT LAMP / DILATED FUNDUS EXAM</div><table class="g w"><tr><th>Structure</th><th>OD</th><th>OS</th></tr>${ss.map(([a, b, c]) => `<tr><td>${a}</td><td>${b}</td><td>${c}</td></tr>`).join('')}</table>
      <p class="sm">Systemic: BP ${v.bp} &nbsp; P ${v.hr} &nbsp; T ${v.temp} &nbsp; RR ${v.rr} &nbsp; SpO2 ${v.spo2}% &nbsp; Ht ${v.ht_in} in &nbsp; Wt ${v.wt_lb} lb &nbsp; BMI ${v.bmi}</p>
      <div class="h">IMPRESSION / PLAN</div>${doc.diagnoses.map((x, i) => `<p>${i + 1}) ${esc(x.description)} &mdash; ${x.code}</p>`).join('')}${doc.plan.map((x) => `<p class="in">&bull; ${esc(x)}</p>`).join('')}
      <p><b>Medications reviewed:</b> ${doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig)}`).join('; ') || 'none'}. <b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}.</p>
      <p>Return: ${esc(doc.followup)} for dilated exam.</p>
      <p class="sm keep">Electronically signed ${esc(provName(doc.provider))} &middot; ${mdyNP(doc.signed)} ${t12(doc.signed)}</p>`;
    const css = baseCss(f, 9) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.6pt;font-weight:normal}.r{text-align:right}
      table.pt{width:100%;margin:4pt 0;background:#eee} table.pt td{padding:2pt 4pt;font-size:8.4pt}.h{font-weight:bold;font-size:8.4pt;margin:6pt 0 2pt 0;border-bottom:1px solid #000}
      .row{display:flex;gap:12pt}.row>div{flex:1} table.g{border-collapse:collapse;width:100%} table.g th,table.g td{border:0.6px solid #666;padding:1pt 4pt;text-align:left;font-size:8.4pt} table.w{width:100%} p{margin:1pt 0 2pt 0}.in{margin-left:12pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Eye Examination ${mdy(doc.date_of_service)}`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// office_visit.c2 (specialist): SLEEP MEDICINE consultation (sleep-center EHR manner): "SLEEP MEDICINE CONSULTATION"
// with a questionnaire score table (Epworth Sleepiness Scale x/24, STOP-BANG x/8, Insomnia Severity Index) and a
// HOME SLEEP APNEA TEST summary table of numbers with units (AHI events/h, ODI, SpO2 nadir %, T90 %, total recording
// time min) that are NOT lab results, vitals with neck circumference, then assessment with codes and a CPAP plan.
const ovC2 = {
  id: 'office_visit.c2', set: SET, type: 'office_visit_note',
  render(doc, env) {
    const f = font(env, 'serif'); const p = doc.patient; const v = doc.vitals; const rng = env.rng;
    const nm = nameFL(p);
    const ahi = rng.float(3, 48).toFixed(1);
    const hsat = [['Total recording time', `${rng.int(320, 470)}`, 'min'], ['AHI (3% rule)', ahi, 'events/h'], ['ODI', (Number(ahi) * rng.float(0.7, 1.05)).toFixed(1), 'events/h'], ['SpO2 mean', `${rng.int(91, 96)}`, '%'], ['SpO2 nadir', `${rng.int(74, 89)}`, '%'], ['Time with SpO2 < 90% (T90)', rng.float(0.2, 18).toFixed(1), '%'], ['Pulse rate, mean', `${rng.int(58, 84)}`, 'bpm'], ['Snoring', `${rng.int(5, 60)}`, '% of TRT']];
    const sev = Number(ahi) >= 30 ? 'severe' : Number(ahi) >= 15 ? 'moderate' : Number(ahi) >= 5 ? 'mild' : 'no significant';
    const body = `
      <div class="c"><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Sleep Disorders Center &middot; ${esc(fmtAddr(doc.facility.address))} &middot; Tel ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)}</div></div>
      <div class="t">SLEEP MEDICINE CONSULTATION</div>
      <p><b>${esc(nm)}</b> &nbsp;|&nbsp; DOB ${dMonY(p.dob)} &nbsp;|&nbsp; MRN ${esc(doc.mrn)} &nbsp;|&nbsp; Seen ${dMonY(doc.date_of_service)} by ${esc(provName(doc.provider))}</p>
      <p><b>Reason for consultation:</b> ${esc(doc.chief_complaint)}; snoring and daytime sleepiness.</p>
      <p><b>History:</b> ${esc(doc.hpi)}</p>
      <table class="two"><tr><td><div class="h">Questionnaires</div><table class="g"><tr><th>Instrument</th><th>Score</th></tr><tr><td>Epworth Sleepiness Scale</td><td>${rng.int(4, 19)} / 24</td></tr><tr><td>STOP-BANG</td><td>${rng.int(2, 7)} / 8</td></tr><tr><td>Insomnia Severity Index</td><td>${rng.int(3, 20)} / 28</td></tr></table>
      <div class="h">Vital signs</div><p>BP ${v.bp} mmHg &middot; HR ${v.hr} &middot; RR ${v.rr} &middot; T ${v.temp} F &middot; SpO2 ${v.spo2}% &middot; Ht ${v.ht_in} in &middot; Wt ${v.wt_lb} lb &middot; BMI ${v.bmi} &middot; Neck ${rng.int(14, 19)} in &middot; Mallampati ${rng.pick(['II', 'III', 'IV'])}</p></td>
      <td><div class="h">Home sleep apnea test (${mdy(addDaysIso(doc.date_of_service, -rng.int(5, 30)))})</div><table class="g"><tr><th>Parameter</th><th>Value</th><th>Unit</th></tr>${hsat.map(([a, b, c]) => `<tr><td>${a}</td><td>${b}</td><td>${c}</td></tr>`).join('')}</table></td></tr></table>
      <div class="h">Assessment</div>${doc.diagnoses.map((x) => `<p>&bull; ${esc(x.description)} [${x.code}]</p>`).join('')}<p>&bull; HSAT consistent with ${sev} obstructive sleep apnea (AHI ${ahi}).</p>
      <div class="h">Plan</div>${doc.plan.map((x) => `<p>&ndash; ${esc(x)}</p>`).join('')}<p>&ndash; ${Number(ahi) >= 5 ? 'Auto-titrating CPAP 5-15 cm H2O with heated humidity; compliance download in 31-90 days.' : 'Sleep hygiene; in-lab polysomnography if symptoms persist.'} Drowsy-driving counseling given.</p>
      <div class="h">Current medications</div><p>${doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}, ${esc(m.sig)}`).join('<br>') || 'None'}</p>
      <p><b>Allergies:</b> ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}. &nbsp; <b>Follow-up:</b> ${esc(doc.followup)}.</p>
      <div class="keep" style="margin-top:10pt">${signatureSvg(rng, 120, 28)}${esc(provName(doc.provider))}, Diplomate, American Board of Sleep Medicine &middot; ${mdy(doc.signed)}</div>`;
    const css = baseCss(f, 9.2) + `
      .c{text-align:center}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.6pt}.t{text-align:center;font-size:12pt;letter-spacing:2pt;margin:8pt 0 6pt 0;border-bottom:1px solid #000;padding-bottom:3pt}
      .h{font-weight:bold;font-style:italic;margin:6pt 0 2pt 0} p{margin:1pt 0 3pt 0} table.two{width:100%} table.two>tbody>tr>td{vertical-align:top;width:50%;padding-right:10pt}
      table.g{border-collapse:collapse;width:100%} table.g th{text-align:left;font-size:8pt;border-bottom:1px solid #000;padding:1pt 3pt} table.g td{padding:1pt 3pt;border-bottom:0.3px solid #bbb;font-size:8.6pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; DOB ${dMonY(p.dob)} &middot; Sleep consultation`, PN);
    return { css, body, footer, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)), diagnoses: doc.diagnoses, vitals: doc.vitals } };
  },
};

// ======================= MEDICATION LIST =======================
// medication_list.c1 (pharmacy): SPECIALTY PHARMACY "Patient Medication Profile" (pharmacy-system print, e.g.
// PioneerRx / QS1 manner): Rx # / Drug (with NDC) / Qty / Days supply / Refills left / Last filled / Prescriber, with
// the SIG ON A SECOND LINE under each drug, a clinical-program header ("Program: Hepatology / Rheumatology"),
// "Profile printed 03/14/2024" and allergies in a boxed line; discontinued drugs marked "(inactive)".
const mlC1 = {
  id: 'medication_list.c1', set: SET, type: 'medication_list', facilityKind: 'pharmacy',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}, ${p.first.toUpperCase()}`;
    const rows = doc.medications.map((m) => {
      const ndc = `${rng.digits(5)}-${rng.digits(4)}-${rng.digits(2)}`;
      const rxn = `${rng.int(6, 9)}${rng.digits(6)}`;
      return `<tr><td>${rxn}</td><td><b>${esc(m.name)} ${esc(m.strength)} ${esc(m.form)}</b>${m.status !== 'Active' ? ' (inactive)' : ''}<br><span class="nd">NDC ${ndc}</span></td><td class="r">${m.qty ?? 30}</td><td class="r">${m.qty && m.qty >= 90 ? 90 : 30}</td><td class="r">${m.refills ?? 0}</td><td>${m.last_fill ? mdyy(m.last_fill) : ''}</td><td>${esc(provLF(m.prescriber || doc.provider, true))}</td></tr><tr class="sig"><td></td><td colspan="6">SIG: ${esc(m.sig)}</td></tr>`;
    }).join('');
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Specialty Pharmacy Services &middot; ${esc(fmtAddr(doc.facility.address))}<br>Ph ${fmtPhone(doc.facility.phone)} &middot; Fax ${fmtPhone(doc.facility.fax)} &middot; NCPDP ${rng.digits(7)}</div></td><td class="r t">PATIENT MEDICATION PROFILE</td></tr></table>
      <table class="pt"><tr><td>PATIENT: <b>${esc(nm)}</b></td><td>DOB: ${mdy(p.dob)}</td><td>GENDER: ${p.sex}</td><td>PT #: ${esc(doc.mrn)}</td></tr>
      <tr><td colspan="2">PROGRAM: ${rng.pick(['Rheumatology', 'Hepatology', 'Dermatology', 'Fertility', 'Oncology Support'])} &middot; Care coordinator: ${rng.pick(['J.', 'M.', 'K.'])} ${rng.pick(['Sampleton', 'Testwell', 'Mockford'])}, PharmD</td><td colspan="2">PROFILE PRINTED: ${mdy(doc.date_of_service)}</td></tr></table>
      <div class="al">ALLERGIES: ${doc.allergies.length ? doc.allergies.map((a) => `${esc(a.substance).toUpperCase()} (${esc(a.reaction)})`).join(', ') : 'NKDA'}</div>
      <table class="m"><thead><tr><th>RX #</th><th>DRUG</th><th class="r">QTY</th><th class="r">DAYS</th><th class="r">RF LEFT</th><th>LAST FILL</th><th>PRESCRIBER</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:8pt">Profile includes prescriptions dispensed by this pharmacy only. Verify with the patient before reconciling.</p>`;
    const css = baseCss(f, 8.2) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7.2pt}.r{text-align:right}.t{font-size:12pt;font-weight:bold}
      table.pt{width:100%;margin:4pt 0} table.pt td{padding:1.5pt 3pt}.al{border:1.5px solid #000;padding:2pt 4pt;margin:4pt 0;font-weight:bold}
      table.m{width:100%;border-collapse:collapse} table.m th{text-align:left;border-bottom:1px solid #000;border-top:1px solid #000;font-size:7.6pt;padding:1.5pt 2pt} table.m td{padding:1pt 2pt;vertical-align:top}
      tr.sig td{border-bottom:0.4px dashed #888;padding-bottom:3pt;font-size:7.8pt}.nd{font-size:7pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; Medication Profile`, PN);
    return { css, body, footer, margins: M(0.5, 0.6, 0.5, 0.5), fonts: [f], gt: { name_printed: nm, medications: doc.medications.map((m) => medGt(m)) } };
  },
};

// ======================= IMMUNIZATION =======================
// immunization.c1 (clinic): TRAVEL CLINIC "Travel Health Consultation — Vaccination Record" (travel-medicine
// clinic print): itinerary box (destinations, departure date), then a DOSE GRID — one row per vaccine, columns
// "Dose 1 / Dose 2 / Dose 3 / Booster", each cell holding the date (DD Mon YYYY) with the lot below — and the
// clinic's stamp block. Doses beyond the fourth of a vaccine continue on an extra row.
const imC1 = {
  id: 'immunization.c1', set: SET, type: 'immunization_record', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.first} ${p.last}`;
    const groups = [];
    for (const s of doc.immunizations) {
      let g = groups.find((x) => x.name === s.vaccine && x.doses.length < 4);
      if (!g) { g = { name: s.vaccine, doses: [] }; groups.push(g); }
      g.doses.push(s);
    }
    const rows = groups.map((g) => `<tr><td class="vn">${esc(g.name)}<div class="sm">${esc(g.doses[0].trade_name)}</div></td>${[0, 1, 2, 3].map((i) => { const s = g.doses[i]; return `<td>${s ? `${dMonY(s.date)}<div class="sm">Lot ${esc(s.lot)} &middot; ${esc(s.site || '')}</div>` : ''}</td>`; }).join('')}</tr>`).join('');
    const dest = rng.sample(['Kenya', 'Peru', 'Vietnam', 'India', 'Ghana', 'Thailand', 'Brazil', 'Tanzania'], rng.int(1, 3));
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">Travel Medicine Clinic &middot; ${esc(fmtAddr(doc.facility.address))} &middot; ${fmtPhone(doc.facility.phone)}</div></td><td class="r"><div class="t">Travel Health Consultation</div><div>Vaccination Record</div></td></tr></table>
      <table class="pt"><tr><td>Traveler: <b>${esc(nm)}</b></td><td>Date of birth: ${dMonY(p.dob)}</td><td>Record no. ${esc(doc.mrn)}</td></tr>
      <tr><td colspan="2">Itinerary: ${dest.join(', ')} &middot; departs ${dMonY(addDaysIso(doc.date_of_service, rng.int(10, 60)))}</td><td>Consult date: ${dMonY(doc.date_of_service)}</td></tr></table>
      <table class="m"><thead><tr><th>Vaccine</th><th>Dose 1</th><th>Dose 2</th><th>Dose 3</th><th>Booster</th></tr></thead><tbody>${rows}</tbody></table>
      <p class="sm" style="margin-top:6pt">Malaria prophylaxis and traveler's diarrhea self-treatment were discussed. Yellow fever vaccination, when required, is recorded on the International Certificate (ICVP), not on this record.</p>
      <div class="keep st">Clinic stamp &middot; ${esc(doc.facility.name)} &middot; Provider ${esc(provName(doc.provider))} &middot; ${mdy(doc.date_of_service)}</div>`;
    const css = baseCss(f, 8.6) + `
      table.hd{width:100%;border-bottom:2px solid #000} table.hd td{vertical-align:bottom}.fn{font-size:12pt;font-weight:bold}.sm{font-size:7pt}.r{text-align:right}.t{font-size:13pt;font-weight:bold}
      table.pt{width:100%;margin:5pt 0;border:1px solid #000} table.pt td{padding:2pt 4pt}
      table.m{width:100%;border-collapse:collapse} table.m th{text-align:left;background:#ddd;border:1px solid #000;font-size:8pt;padding:2pt} table.m td{border:1px solid #000;padding:2pt;vertical-align:top;width:18%} td.vn{width:28% !important;font-weight:bold}
      .st{margin-top:14pt;border:2px dashed #000;padding:6pt;width:60%;font-size:8pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ${dMonY(p.dob)} &middot; Travel vaccination record`, PN);
    return { css, body, footer, margins: M(0.55, 0.6, 0.55, 0.55), fonts: [f], gt: { name_printed: nm, immunizations: doc.immunizations.map((s) => immGt(s)) } };
  },
};

// ======================= RADIOLOGY =======================
// radiology.c1 (imaging): TELERADIOLOGY FINAL REPORT read for a SPORTS-MEDICINE / orthopaedic clinic (vRad-style
// remote read): a key-value header block with "Study:", "Study date/time", "Received", "Read", "Site", "Referring",
// the body with "HISTORY:" / "TECHNIQUE:" / "COMPARISON:" / "FINDINGS:" / "IMPRESSION:" as run-in capitals, and a
// "Critical result communication: none" line and attestation footer.
const radC1 = {
  id: 'radiology.c1', set: SET, type: 'radiology_report', facilityKind: 'imaging',
  render(doc, env) {
    const f = font(env, 'mono'); const p = doc.patient; const rng = env.rng;
    const nm = `${p.last.toUpperCase()}^${p.first.toUpperCase()}`;
    const rec = addMinutes(doc.exam_datetime, rng.int(5, 40));
    const kv = [['Patient', esc(nm)], ['DOB', mdy(p.dob)], ['Sex', p.sex], ['MRN', esc(doc.mrn)], ['Study', esc(doc.exam)], ['Study date/time', `${mdy(doc.exam_datetime)} ${t24(doc.exam_datetime)}`], ['Received', `${mdy(rec)} ${t24(rec)}`], ['Read', `${mdy(doc.signed)} ${t24(doc.signed)}`], ['Site', `${esc(doc.facility.name)} Sports Medicine`], ['Referring', esc(provName(doc.provider))], ['Accession', doc.accession]];
    const body = `
      <div class="fn">${esc(doc.facility.name)} &mdash; Teleradiology Final Report</div>
      <table class="kv">${kv.map(([k, v]) => `<tr><td class="k">${k}:</td><td>${v}</td></tr>`).join('')}</table>
      <p><b>HISTORY:</b> ${esc(doc.indication)}</p><p><b>TECHNIQUE:</b> ${esc(doc.technique)}</p><p><b>COMPARISON:</b> ${esc(doc.comparison)}</p>
      <p><b>FINDINGS:</b> ${doc.findings.map(esc).join(' ')}</p>
      <p><b>IMPRESSION:</b></p>${doc.impression.map((x, i) => `<p class="in">${i + 1}. ${esc(x)}</p>`).join('')}
      ${doc.birads !== null && doc.birads !== undefined ? `<p>BI-RADS CATEGORY ${doc.birads}</p>` : ''}
      <p>Critical result communication: none required.</p>
      <p class="keep at">I have personally reviewed the images and agree with the findings above.<br>${esc(provName(doc.radiologist))}, board-certified radiologist (remote read) &middot; CPT ${doc.cpt}</p>`;
    const css = baseCss(f, 8.8) + `
      .fn{font-weight:bold;font-size:10.5pt;border-top:2px solid #000;border-bottom:2px solid #000;padding:3pt 0;margin-bottom:5pt}
      table.kv td{padding:0 6pt 0 0;font-size:8.6pt} td.k{font-weight:bold} p{margin:5pt 0}.in{margin:1pt 0 1pt 14pt}.at{margin-top:14pt;border-top:1px solid #000;padding-top:3pt}`;
    const footer = pageFooter(f, `${esc(nm)} &middot; ACC ${doc.accession}`, PN);
    return { css, body, footer, margins: M(0.6, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, radiology: radGt(doc) } };
  },
};

// ======================= REFERRAL =======================
// referral.c1 (clinic): SLEEP-STUDY / SPECIALTY ORDER-REFERRAL FORM with CHECKBOXES (sleep-lab or REI intake order
// form faxed by a PCP): "Referral & Order Form", patient section with insurance, "Service requested" checkbox list
// ([X] Consult only [ ] Consult and treat [ ] Diagnostic test), the specialty written in, "Clinical indication",
// ICD-10 codes in a small two-column table, urgency checkboxes, authorization line, and the ordering provider NPI.
const refC1 = {
  id: 'referral.c1', set: SET, type: 'referral_letter', facilityKind: 'clinic',
  render(doc, env) {
    const f = font(env, 'narrow'); const p = doc.patient; const to = doc.to_provider; const rng = env.rng;
    const nm = `${p.last}, ${p.first}${p.middle ? ' ' + p.middle : ''}`;
    const cb = (on, t) => `<span class="cb">[${on ? 'X' : '&nbsp;&nbsp;'}] ${t}</span>`;
    const svc = rng.int(0, 2);
    const urg = /urgent/i.test(doc.urgency) ? 0 : /soon/i.test(doc.urgency) ? 1 : 2;
    const body = `
      <table class="hd"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))} &middot; P ${fmtPhone(doc.facility.phone, 'dash')} &middot; F ${fmtPhone(doc.facility.fax, 'dash')}</div></td><td class="r t">Referral &amp; Order Form</td></tr></table>
      <p>Date: <b>${mdyNP(doc.date_of_service)}</b> &nbsp;&nbsp; Referring provider: ${esc(provName(doc.provider))} &nbsp; NPI ${rng.digits(10)}</p>
      <div class="sec">TO</div><p>${esc(provName(to))} &middot; ${esc(doc.specialty)} &middot; ${esc(doc.to_facility.name)} &middot; Fax ${fmtPhone(doc.to_facility.fax, 'dash')}</p>
      <div class="sec">PATIENT</div><table class="g"><tr><td>Name: <b>${esc(nm)}</b></td><td>DOB: ${mdyNP(p.dob)}</td><td>Sex: ${p.sex}</td></tr><tr><td>Phone: ${fmtPhone(p.phone, 'dash')}</td><td colspan="2">Address: ${esc(fmtAddr(p.address))}</td></tr></table>
      <div class="sec">SERVICE REQUESTED</div><p>${cb(svc === 0, 'Consult only')} ${cb(svc === 1, 'Consult and treat')} ${cb(svc === 2, 'Diagnostic test / procedure')} &nbsp; Specialty: <u>${esc(doc.specialty)}</u></p>
      <p>Clinical indication: ${esc(doc.reason)}</p>
      <table class="g"><tr><th>ICD-10</th><th>Description</th></tr>${doc.diagnoses.map((x) => `<tr><td>${x.code}</td><td>${esc(x.description)}</td></tr>`).join('')}</table>
      <p>Urgency: ${cb(urg === 0, 'Urgent (48-72 h)')} ${cb(urg === 1, 'Soon (2 weeks)')} ${cb(urg === 2, 'Routine')} &nbsp; (${esc(doc.urgency)})</p>
      <p>Authorization: ${doc.auth_number ? `${esc(doc.auth_number)}${doc.visits_authorized ? ` &middot; ${doc.visits_authorized} visit(s)` : ''}` : 'pending / not required'}</p>
      <div class="sec">ATTACHED</div><p>${doc.enclosures.map((e) => cb(true, esc(e))).join(' ')}</p>
      <div class="sec">MEDICATIONS / ALLERGIES</div><p>${doc.medications.map((m) => `${esc(m.name)} ${esc(m.strength)} ${esc(m.sig_abbrev)}`).join('; ') || 'None'} &nbsp;/&nbsp; ${doc.allergies.length ? doc.allergies.map((a) => esc(a.substance)).join(', ') : 'NKDA'}</p>
      <table class="sg keep"><tr><td>${signatureSvg(rng, 110, 24)}Ordering provider signature</td><td>Date ${mdyNP(doc.date_of_service)}</td></tr></table>`;
    const css = baseCss(f, 9.6) + `
      table.hd{width:100%;border-bottom:3px solid #000} table.hd td{vertical-align:bottom}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.8pt}.r{text-align:right}.t{font-size:16pt;font-weight:bold}
      .sec{background:#ccc;font-weight:bold;font-size:8.4pt;padding:1pt 4pt;margin-top:7pt;letter-spacing:1pt} p{margin:2pt 0}.cb{margin-right:10pt;white-space:nowrap}
      table.g{width:100%;border-collapse:collapse;margin:2pt 0} table.g td,table.g th{border:0.6px solid #000;padding:1.5pt 4pt;text-align:left} table.sg{width:100%;margin-top:12pt} table.sg td{vertical-align:bottom}`;
    return { css, body, margins: M(0.55, 0.6, 0.7, 0.7), fonts: [f], gt: { name_printed: nm, diagnoses: doc.diagnoses, medications: doc.medications.map((m) => medGt(m, m.sig_abbrev)), referral: { specialty: doc.specialty, reason: doc.reason, urgency: doc.urgency, to_provider: provName(to), auth_number: doc.auth_number } } };
  },
};

// ======================= INSURANCE / BILLING =======================
// billing.c1 (billing): ANESTHESIA / SURGERY-CENTER PATIENT STATEMENT with a RUNNING-BALANCE LEDGER (practice-
// management statement manner): remit stub at the top ("Amount enclosed $____", account, statement date, due), then
// a ledger "Date / Code / Description / Charges / Pmts & Adj / Balance" where insurance payments and adjustments
// are their own lines, an aging strip (Current / 30 / 60 / 90+), and "PLEASE PAY THIS AMOUNT". kind patient_statement.
const billC1 = {
  id: 'billing.c1', set: SET, type: 'insurance_billing', facilityKind: 'billing',
  render(doc, env) {
    const f = font(env, 'sans'); const p = doc.patient; const t = doc.totals; const rng = env.rng;
    const nm = nameFL(p); const due = Math.round((t.patient_resp + doc.previous_balance) * 100) / 100;
    let bal = doc.previous_balance; const lines = [];
    if (doc.previous_balance) lines.push(['', '', 'Previous balance', '', '', bal]);
    for (const l of doc.lines) { bal += l.billed; lines.push([mdyNP(l.date), l.cpt, esc(l.description), money(l.billed), '', bal]); }
    const paidAt = mdyNP(addDaysIso(doc.date_of_service, rng.int(14, 40)));
    bal -= t.paid; lines.push([paidAt, '', `Payment &mdash; ${esc(doc.payer)}`, '', `-${money(t.paid)}`, bal]);
    bal -= t.not_covered; lines.push([paidAt, '', 'Contractual adjustment', '', `-${money(t.not_covered)}`, bal]);
    const rows = lines.map(([d, c, ds, ch, pa, b]) => `<tr><td>${d}</td><td>${c}</td><td>${ds}</td><td class="r">${ch}</td><td class="r">${pa}</td><td class="r">${money(Math.round(b * 100) / 100)}</td></tr>`).join('');
    const body = `
      <table class="stub"><tr><td><div class="fn">${esc(doc.facility.name)}</div><div class="sm">${esc(fmtAddr(doc.facility.address))}<br>Billing questions ${fmtPhone(doc.facility.phone)}</div></td>
      <td class="r"><table class="kv"><tr><td>Statement date</td><td>${mdy(doc.statement_date)}</td></tr><tr><td>Account</td><td>${doc.account}</td></tr><tr><td>Please pay by</td><td>${mdy(doc.due_date)}</td></tr><tr><td><b>Amount due</b></td><td><b>${money(due)}</b></td></tr><tr><td>Amount enclosed</td><td>$__________</td></tr></table></td></tr></table>
      <div class="cut">&#9986; - - - - - - - - detach and return the upper portion with your payment - - - - - - - -</div>
      <p>Patient: <b>${esc(nm)}</b> &nbsp; DOB ${mdy(p.dob)} &nbsp; Guarantor: ${esc(nm)} &nbsp; Insurance: ${esc(doc.payer)} (${doc.member_id})</p>
      <table class="lg"><thead><tr><th>Date</th><th>Code</th><th>Description</th><th class="r">Charges</th><th class="r">Pmts &amp; Adj</th><th class="r">Balance</th></tr></thead><tbody>${rows}</tbody></table>
      <table class="ag"><tr><th>Current</th><th>31-60</th><th>61-90</th><th>Over 90</th><th>PLEASE PAY THIS AMOUNT</th></tr><tr><td>${money(t.patient_resp)}</td><td>${money(doc.previous_balance)}</td><td>$0.00</td><td>$0.00</td><td><b>${money(due)}</b></td></tr></table>
      <p class="sm">Your insurance processed this claim on ${mdy(doc.processed)}: deductible ${money(t.deductible)}, copay ${money(t.copay)}, coinsurance ${money(t.coinsurance)}. Payment plans are available.</p>`;
    const css = baseCss(f, 9) + `
      table.stub{width:100%} table.stub td{vertical-align:top}.fn{font-size:13pt;font-weight:bold}.sm{font-size:7.6pt}.r{text-align:right} table.kv{margin-left:auto;border:1px solid #000} table.kv td{padding:1pt 5pt;font-size:8.4pt}
      .cut{text-align:center;font-size:7.5pt;margin:8pt 0}
      table.lg{width:100%;border-collapse:collapse;margin-top:4pt} table.lg th{text-align:left;border-bottom:1.2px solid #000;font-size:8pt;padding:1.5pt 3pt} table.lg td{padding:1.5pt 3pt;border-bottom:0.3px solid #bbb}
      table.ag{width:100%;margin-top:10pt;border-collapse:collapse} table.ag th,table.ag td{border:1px solid #000;padding:2pt 4pt;text-align:center;font-size:8.4pt}`;
    return { css, body, margins: M(0.55, 0.6, 0.6, 0.6), fonts: [f], gt: { name_printed: nm, billing: stmtGt(doc, due) } };
  },
};

export default [coverC1, coverC2, labC1, labC2, labC3, labC4, dsC1, ovC1, ovC2, mlC1, imC1, radC1, refC1, billC1];
