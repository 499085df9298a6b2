/**
 * One printed lab line made readable before it is tokenized: shapes made single tokens
 * ("70 - 99" -> "70-99", "> OR = 60" -> ">=60"), dot leaders, words for flags and ranges,
 * and the OCR slips of numbers, ranges and units that the line alone shows.
 */
import { editDistance } from './fuzzy.js';
import { arrowLetters, bracketFlagSlips } from './lab-flag-letters.js';
import { arrowFlags, FLAG, isFlag, QUAL } from './lab-tokens.js';
import { exactUcum, gluedUnit, slashedUnitNear, unitLike } from './lab-units.js';

/**
 * A word result OCR garbled ("Ncgatve", "Negat ve", "Negat-ve", "Neqative", "Posit ve"): a word, or a
 * word and a lowercase piece one space after it, two letters or fewer off Negative or Positive.
 */
function mendResultWords(s: string): string {
  const mend = (m: string, p: string, w: string) => {
    const k = w.toLowerCase().replace(/[^a-z]/g, '');
    if (k.length < 7 || k.length > 10) return m;
    for (const word of ['negative', 'positive']) {
      if (k !== word && k[0] === word[0] && editDistance(k, word, 2) <= 2) return `${p}${w[1] === w[1]!.toUpperCase() && /[A-Z]/.test(w[1]!) ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1)}`;
    }
    return m;
  };
  return s
    .replace(/(^|\s)([NnPp][A-Za-z'~-]{2,7} [a-z]{1,3})(?=\s|$)/g, mend)
    .replace(/(^|\s)([NnPp][A-Za-z'~-]{5,9})(?=\s|$)/g, mend);
}

/**
 * A 0 whose inside a speck filled reads as `@` ("@.2", "<15@", "1@*3/uL"): a 0 beside a digit,
 * a point or a comparator, or before a digit or a point. Read twice, as `0@` ("<130@" for <130),
 * it is one 0.
 */
export function atAsZero(s: string): string {
  return s.replace(/0@(?![\d.])/g, '0').replace(/(?<=[\d.<>=])@|@(?=[\d.*])/g, '0');
}

/** Normalise one printed line so shapes are single tokens: "70 - 99" -> "70-99", "> OR = 60" -> ">=60". */
export function normaliseLine(s: string): string {
  // Flags OCR read as letters (lab-flag-letters.ts): read once the line's ranges are single tokens. Session 24.
  return arrowLetters(bracketFlagSlips(normaliseShapes(s)));
}

function normaliseShapes(s: string): string {
  return mendResultWords(atAsZero(arrowFlags(s)))
    // Dot leaders from a test's name to its value ("GLUCOSE.........   86", "CARBON DIOXIDE.....27", ". . . ."):
    // a separator, spaces as wide (two at least), never part of the name's last word.
    // A lone H or L (or two) glued to the leader after a name word is dots OCR read as letters, no flag printed
    // before the value ("UREA NITROGEN (BUN) LL...     18 mg/dl": a flag column stands apart, never on the leader).
    .replace(/(?<=\S\s)(?:[HL]{1,2})(?=[.…]{3,}(?:\s|\d|$))/g, (m) => ' '.repeat(m.length))
    .replace(/([^\s.…])[.…]{3,}(?=\s|\d|$)/g, (m, c: string) => `${c}${' '.repeat(Math.max(2, m.length - 1))}`)
    .replace(/(^|\S)((?: \.){3,})(?= |$)/g, (_m, c: string, dots: string) => `${c}${' '.repeat(dots.length)}`)
    // A flag letter alone in its column that OCR read twice, as a capital and its small letter ("30.8  (%]
    // 38.5-50.0   Cc"): that flag. u-8494 OCR: 2 results (Session 16).
    .replace(/(?<=\S\s{2,})([CHLA])([chla])(?=\s*$|\s{2,})/g, (m, a: string, b: string) => (a.toLowerCase() === b ? `${a} ` : m))
    // A flag with its meaning spelled out in brackets after it, English or Spanish ("H (High)", "L (bajo)", "A
    // (anormal)"): the flag; the gloss had stopped the row before its unit and range. Session 23 (set-e).
    .replace(/(?<=(?:^|\s)(?:HH|LL|HI|LO|CH|CL|H|L|A)\*?)(\s?)\((?:high|low|abnormal|critical|alto|alta|bajo|baja|anormal|cr[ií]tico)\)(?=\s|$)/gi, (m) => ' '.repeat(m.length))
    // A word result's reference in brackets with its caption inside ("Slightly Cloudy (normal Clear) Abn", "(ref:
    // Negative)"): the bracketed word, as a number range's caption is read past ("(normal 65-99)"); read as printed,
    // the caption's bracket had started a new name and the flag after it was lost. Session 24 (g-7800).
    .replace(/\((?:normal|ref(?:erence)?(?: range)?|nl)[:.]?\s+([A-Za-z]+)\)/gi, (m, word: string) => (QUAL.test(word) ? `(${word})`.padEnd(m.length) : m))
    // HL7's interpretation names as EHR result pages print them (table 0078): the flag they stand for.
    .replace(/\b(above|below) (high|low|upper|lower) (normal|panic limits?)\b/gi, (m, side: string, _b: string, kind: string) => {
      const panic = /panic/i.test(kind);
      return /above/i.test(side) ? (panic ? 'HH' : 'H') : panic ? 'LL' : 'L';
    })
    // A screening report's status words for a result outside its range ("Above range", "Below normal range").
    .replace(/\b(above|below) (?:the )?(?:normal |reference |standard )?range\b/gi, (_m, side: string) => (/above/i.test(side) ? 'H' : 'L'))
    // An interpretation column's words for the side of the range, the line's last cell after a value ("Ferritin   8
    // 16-232   ng/mL   Decreased", "Potassium   5.6   3.5-5.3   mmol/L   Elevated"): the flag. Session 22 (set-h).
    // Also one space after the cell before it, as OCR prints lines, when that cell is a number, a range or a unit
    // (`Ferritin 8 16-232 ng/mL Decreased`), never a word of a name.
    .replace(/(?<=\S)(\s+)(elevated|increased|decreased|reduced)(\s*)$/i, (m, sp: string, w: string, e: string, at: number, all: string) => {
      const before = all.slice(0, at);
      const prev = /(\S+)$/.exec(before)?.[1] ?? '';
      const cellAfter = sp.length >= 2 || /[\d/%]/.test(prev) || /^[a-zA-Z]{1,4}$/.test(prev);
      return /\d/.test(before) && cellAfter ? `${sp}${/elevated|increased/i.test(w) ? 'H' : 'L'}${' '.repeat(Math.max(0, w.length - 1))}${e}` : m;
    })
    // Its words for a result outside the range without a side ("Out of range", "Outside normal range"): abnormal, the
    // side then comes from the range; and for one inside it ("In range", "Within normal limits"), a cell of its own at
    // the end of the line: no flag. Session 21 (set-j).
    .replace(/(?<=\S\s{2,})(?:out of|outside(?: of)?) (?:the )?(?:normal |reference |standard )?range(?=\s*$|\s{2,})/gi, 'A')
    .replace(/(?<=\S)\s{2,}(?:in|within) (?:the )?(?:normal |reference |standard )?(?:range|limits)\s*$/gi, '')
    // A caption printed between a test's name and its value on a consumer report ("Glucose   Your result  184 mg/dL",
    // "Your value: 5.9 %", "Result: Negative"): not part of the name. Only after a cell gap, before a number or a word.
    .replace(/(?<=\S\s{2,})(?:your (?:result|value)s?:?|result:|value:)\s+(?=[<>]?=?\d|[A-Za-z])/gi, '')
    .replace(/[µμ]/g, 'u')
    // A star glued after a word result ("Trace*", "Positive*", "2+*"): its abnormal flag, a cell apart, as after a
    // number ("6.2*"). Only a result word: a name's footnote mark ("Hematocrit*") stays. Session 20.
    .replace(/(^|\s)([A-Za-z][A-Za-z-]*|[1-4]\+)\*(?=\s|$)/g, (m, p: string, w: string) => (QUAL.test(w) ? `${p}${w} *` : m))
    // Dirt OCR puts before a number: a quote ("‘270"), a point before a range or comparator (".0.70-1.33", ".>=60").
    .replace(/(^|\s)[‘’'`"]+(?=\d)/g, '$1')
    .replace(/(^|\s)[.,:]+(?=0\.\d+-|[<>])/g, '$1')
    // A unit with its reference range glued after it in brackets ("mg/dL(65-99)", "%(<5.7)", "mL/min/1.73(>=60)",
    // "86mg/dL(65-99)"): the range its own token, so the unit, the range and a flag after them read. Only a unit
    // the tables know before brackets holding nothing but a range or a comparator and a number: a unit's own
    // brackets ("mg/dL(calc)", "mmol/mol(IFCC)") and a name's ("Vitamin D(25-OH)") stay.
    .replace(/(^|\s)([^\s()[\]]*[A-Za-z%][^\s()[\]]*)([([])((?:[<>]=?|≤|≥)?\d+(?:\.\d+)?|\d+(?:\.\d+)?-\d+(?:\.\d+)?)([)\]])(?=\s|$)/g, (m, p: string, u: string, o: string, r: string, c: string) => {
      const unit = u.replace(/^[<>]?=?\d+(?:\.\d+)?(?=[A-Za-z%])/, '');
      return (o === '(') === (c === ')') && (unitLike(unit) || exactUcum(unit)) ? `${p}${u} (${r})` : m;
    })
    // A value or range glued to its unit whose slash OCR lost or misread ("143gadL", "7-25mgdL", "88UL",
    // "13mg dL"): apart, so the row reads; the unit's own slips are mended where the test is known.
    // Power-of-ten units ("10E3/uL", "10*3") are not numbers glued to letters.
    .replace(/(^|\s)([<>]?=?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?)([a-zA-Z][a-zA-Z/]{1,6})(?=\s|$)/g, (m, p: string, v: string, u: string) => (!/^10$/.test(v) && gluedUnit(u) ? `${p}${v} ${u}` : m))
    // A degree mark OCR glued after a value ("29°   mCa/l": a speck), no F or C after it: dirt.
    // Also on a value line under its name, where the value opens the line ("376°   %   350-450"). t-8797 (Session 16).
    .replace(/(?<=(?:^|\s)\d+(?:\.\d+)?)°(?=\s|$)/g, ' ')
    // A value's point followed by a space OCR put in ("2. 7(calc)", "4. 7mmold"), in a value cell (two spaces or more
    // before it, one or two digits after): one number. q-1211 OCR (Session 16).
    .replace(/(?<=\S\s{2,})(\d{1,3})\. (\d{1,2})(?=[A-Za-z(%]|\s|$)/g, '$1.$2')
    // A decimal value glued to a power-of-ten unit, its mark OCR garbled ("4.3010%6/uL", "0.410%3/uL"): the value
    // ends where "10" and the power's mark begin (the fewest decimals). u-8494 OCR: see README (Session 16).
    .replace(/(^|\s)([<>]?=?\d+\.\d+?)(x?10[*%^eE°]\d\/[A-Za-z]{1,3}\.?)(?=\s|$)/g, '$1$2 $3')
    // A value glued to a unit the unit table knows as printed, of any length ("9.5Thousand/uL", "4.98Million/uL",
    // "110mL/min/1.73m2", "21(calc)": reference labs with no units column print the unit right after the result).
    .replace(/(^|\s)([<>]?=?\d+(?:\.\d+)?)([a-zA-Z(%][^\s]{1,24})(?=\s|$)/g, (m, p: string, v: string, u: string) => (!isFlag(u) && !FLAG.test(u) && exactUcum(u) ? `${p}${v} ${u}` : m))
    // A reference interval in words: "Less than 200", "Greater than 40", "60 or greater", "5.6 or less" (a
    // range, never a result).
    .replace(/\b(less|lower|greater|more|higher) than or equal to\s+(\d+(?:\.\d+)?)(?=\s|$)/gi, (_m, w: string, n: string) => `${/less|lower/i.test(w) ? '<=' : '>='}${n}`)
    .replace(/\b(less|lower|greater|more|higher) than\s+(\d+(?:\.\d+)?)(?=\s|$)/gi, (_m, w: string, n: string) => `${/less|lower/i.test(w) ? '<' : '>'}${n}`)
    .replace(/\b(up to|at least)\s+(\d+(?:\.\d+)?)(?=\s|$)/gi, (_m, w: string, n: string) => `${/up/i.test(w) ? '<=' : '>='}${n}`)
    .replace(/(^|\s)(\d+(?:\.\d+)?)\s+(?:or|and)\s+(greater|more|higher|above|over|less|lower|below|under)\b/gi, (_m, p: string, n: string, w: string) => `${p}${/less|lower|below|under/i.test(w) ? '<=' : '>='}${n}`)
    // A unit's slash read as a space, a colon, a point or a dash ("mg dL", "mmol L", "x10E3 uL", "mmo: L", "mg. dL",
    // "mg-dL"); its L would read as a flag.
    .replace(/(^|\s)(mg|g|mmol|mmo|umol|ng|pg|ug|mcg|mL|U|IU|mIU|uIU|mEq|x10E3|x10E6)(?:[:;.]?\s|-)(dL|L|uL|mL)(?=\s|$)/gi, '$1$2/$3')
    // A space after a unit's slash ("mEq/ L", "mg/ dL": text layers of some typefaces, OCR).
    .replace(/(^|\s)(mg|g|mmol|umol|nmol|ng|pg|ug|mcg|mEq|U|IU|mIU|uIU|mL|K|M|x10E3|x10E6)\/\s(dL|L|uL|mL|min|kg|24\s?h)(?=\s|$)/gi, '$1$2/$3')
    // A space before a unit's slash, or on both sides ("mg /dt", "mq /dl", "ma / dl"; a thin monospace
    // print at standard resolution): closed up when the joined token is a slashed unit or one edit
    // from one (its own slips are then mended against the test). Names around a slash ("BUN / Creat") are not.
    .replace(/(^|\s)([a-zA-Z]{1,4})(?:\s\/\s?|\/\s)([a-zA-Z1]{1,3})(?=\.?(?:\s|$))/g, (m, p: string, a: string, b: string) => (slashedUnitNear(`${a}/${b}`) ? `${p}${a}/${b}` : m))
    // A quote inside a unit before its slash ("ng'/mL").
    .replace(/([a-zA-Z])['’‘`]+(?=\/[a-zA-Z])/g, '$1')
    // Inside a bracketed range, letters OCR reads for digits are digits ("(D.B.3.9)" is (0.8.3.9), "(G.1-8.1)"
    // (6.1-8.1)): only in brackets holding nothing but digits, points, dashes, spaces and such letters,
    // two digits at least, each letter beside a digit or point.
    .replace(/\(([\dDOoBGSlI|.,\s-]{3,13})\)/g, (m, body: string) => {
      if ((body.match(/\d/g) ?? []).length < 2 || !/[DOoBGSlI|]/.test(body) || /[DOoBGSlI|](?![\d.,])(?<![\d.,][DOoBGSlI|])/.test(body)) return m;
      return `(${body.replace(/[DOo]/g, '0').replace(/B/g, '8').replace(/G/g, '6').replace(/S/g, '5').replace(/[lI|]/g, '1')})`;
    })
    // A range's point read as a colon ("13:2-17.1").
    .replace(/(^|[\s([])(\d{1,3}):(\d{1,2})-(?=\d+\.\d)/g, '$1$2.$3-')
    // A point read as a space inside a bracketed range ("(3.8 10 8)" is 3.8-10.8), the same decimals at both ends.
    .replace(/\((\d+)\.(\d+)\s+(\d+)\s+(\d+)\)/g, (m, a: string, da: string, b: string, db: string) => (da.length === db.length ? `(${a}.${da}-${b}.${db})` : m))
    .replace(/\((\d+)\s+(\d+)\s+(\d+)\.(\d+)\)/g, (m, a: string, da: string, b: string, db: string) => (da.length === db.length ? `(${a}.${da}-${b}.${db})` : m))
    // A value whose point was read as a space, before a range printing as many decimals ("5 00 (3.80-5.10)").
    .replace(/(^|\s)(\d{1,3}) (\d{1,2})(?=\s+[([]?\d+\.(\d+))/g, (m, p: string, a: string, b: string, dec: string) => (b.length === dec.length ? `${p}${a}.${b}` : m))
    // A range's low end whose point was read as a space ("38 3-50.0" is 38.3-50.0): the digits after the space as many
    // as the high end's decimals, no point in that low end as read (ranges print both ends alike), the range then
    // increasing and its low end over a quarter of its high end.
    .replace(/(^|\s)(\d{1,3}) (\d{1,2})-(\d{1,4})\.(\d{1,2})(?=[\s)\]]|$)/g, (m, p: string, a: string, b: string, hi: string, dh: string) => {
      const low = Number(`${a}.${b}`);
      const high = Number(`${hi}.${dh}`);
      return b.length === dh.length && low < high && low > high / 4 ? `${p}${a}.${b}-${hi}.${dh}` : m;
    })
    // A power-of-ten unit whose slash OCR lost ("10°3 ul", "10°3uL", "10'3 uL"): the slash back.
    .replace(/(10[°^*'"’][36])\s?(u[lL]|m[lL]|L)(?=[\s)\]]|$)/g, '$1/$2')
    // ... or read its "/u" as a 4 or a 0 ("10°34", "10"60L", "10"34L" for 10^3/uL, 10^6/uL).
    .replace(/(10[°^*'"’][36])[40][lL]?(?=[\s)\]]|$)/g, '$1/uL')
    // A value or range glued to a power-of-ten unit ("4410°3/uL" is 44 10°3/uL, "38-10810°3/uL" 38-108 10°3/uL).
    .replace(/(^|\s)(\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?)(10[°^*'"’]?[36]\/[a-zA-Z]+)(?=\s|$)/g, '$1$2 $3')
    // An eGFR unit whose slashes OCR lost ("mL min 1.73 m2").
    .replace(/\bmL\s+min\s+(?=1\.73)/g, 'mL/min/')
    // A range's dash read as a colon before a high end that lost its point ("27.0:330").
    .replace(/(^|[\s([])(\d{1,3}\.\d{1,2}):(\d{2,5})(?=[\s)\]%]|$)/g, '$1$2-$3')
    // A range whose high end lost the point its low end prints ("11.0-150" is 11.0-15.0, "7.5-125"):
    // ends of a printed range carry the same decimals, and the high end read as printed would make
    // a range over four times its low end.
    .replace(/(^|[\s([])(\d{1,3})\.(\d{1,2})-(\d{2,5})(?=[\s)\]%]|$)/g, (m, p: string, a: string, da: string, hi: string) => {
      const low = Number(`${a}.${da}`);
      const k = da.length;
      if (low < 1 || hi.length <= k || Number(hi) <= low * 4) return m;
      const high = `${hi.slice(0, hi.length - k)}.${hi.slice(hi.length - k)}`;
      return Number(high) > low ? `${p}${a}.${da}-${high}` : m;
    })
    .replace(/(\d+\.\d+):(\d+\.\d+)/g, '$1-$2')
    // After a comparator, letters OCR reads for digits are digits ("<i50" is <150, "<joo" <100).
    .replace(/(^|\s)([<>]=?)([0-9ijlI|oO]{2,5})(?=\s|$)/g, (m, p: string, c: string, n: string) => `${p}${c}${n.replace(/[ijlI|]/g, '1').replace(/[oO]/g, '0')}`)
    // » is how OCR reads a > ("»>=60", "»60").
    .replace(/»\s*>?=/g, '>=')
    .replace(/»(?=\d)/g, '>')
    // A range whose points were lost ("070-133" is 0.70-1.33, "00-05" is 0.0-0.5, "00-20%"): a low end
    // printed with a leading zero lost its point; the high end takes as many decimals.
    .replace(/(^|[\s([{])0(\d{1,2})-(\d{2,4})(?=[\s)\]}%]|$)/g, (m, p: string, lo: string, hi: string) => {
      const k = lo.length;
      if (hi.length <= k) return hi.length === k ? `${p}0.${lo}-0.${hi}` : m;
      return `${p}0.${lo}-${hi.slice(0, hi.length - k)}.${hi.slice(hi.length - k)}`;
    })
    // Inside a range, B is an 8 ("B.6-10.3") and a leading point lost its 0 ("(.50-1.05").
    .replace(/(^|[\s([{])B(\.\d+-\d+(?:\.\d+)?)(?=[\s)\]}]|$)/g, '$18$2')
    .replace(/(^|[\s([{])(\.\d+-\d+\.\d+)(?=[\s)\]}]|$)/g, '$10$2')
    // A range whose dash OCR lost between two decimals: "35.045.0" is 35.0-45.0 (both ends with the decimals of the last).
    .replace(/(^|[\s([{])(\d+)\.(\d+)\.(\d+)(?=[\s)\]}]|$)/g, (m, p: string, a: string, mid: string, c: string) => {
      const k = c.length;
      if (mid.length <= k) return m;
      const lo = `${a}.${mid.slice(0, k)}`;
      const hi = `${mid.slice(k)}.${c}`;
      return Number(lo) < Number(hi) && !/^0\d/.test(mid.slice(k)) ? `${p}${lo}-${hi}` : m;
    })
    // A range whose dash OCR read as a point: "(80.0.100.0)", "0.0.6.0" (both ends with the same decimals).
    .replace(/(^|[\s([{])(\d+\.(\d+))\.(\d+\.(\d+))(?=[\s)\]}]|$)/g, (m, p: string, a: string, da: string, b: string, db: string) => (da.length === db.length ? `${p}${a}-${b}` : m))
    // OCR: a bracketed range whose dash became a space, braces for brackets, commas for points.
    .replace(/[{[]\s?(\d+(?:[.,]\d+)?)\s*[-\s]\s*(\d+(?:[.,]\d+)?)\s?[)}\]]/g, (_m, a: string, b: string) => `(${a.replace(',', '.')}-${b.replace(',', '.')})`)
    .replace(/\((\d+(?:[.,]\d+)?)\s+(\d+(?:[.,]\d+)?)\)/g, (_m, a: string, b: string) => `(${a.replace(',', '.')}-${b.replace(',', '.')})`)
    // A unit glued to the range or value before it: "35.0-45.0%", "<200mg/dL".
    .replace(/((?:^|\s)[<>]?=?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?)(%|[a-zA-Z]{1,6}\/[a-zA-Z0-9.]+)(?=\s|$)/g, '$1 $2')
    // fL whose f OCR read as 1, i, l or a bar: glued to a range ("75-125iL", "7.5-12.51L", "75-1251L": a
    // range carries no flag, so a glued L is a unit's), or a token of its own after a number ("725 1L").
    .replace(/((?:^|[\s(])\d+(?:\.\d+)?-\d+(?:\.\d+)?)[1iIl|]L(?=[\s)]|$)/g, (m, a: string) => {
      const d = /(\d+)(?:\.(\d+))?-\d+(?:\.(\d+))?$/.exec(a)!;
      // "7.5-12.51L": the 1 belongs to fL only when the ends then print the same decimals.
      if (m.slice(a.length, a.length + 1) === '1' && (d[2] ?? '').length !== (d[3] ?? '').length) {
        // "7.5-1251L": the high end lost the point its low end prints, then 1L. Read as printed it would be over
        // four times the low end; its point goes back where the low end's decimals put it.
        const k = (d[2] ?? '').length;
        const hi = d[3] === undefined ? /-(\d+)$/.exec(a)![1]! : undefined;
        if (!k || !hi || hi.length <= k || Number(hi) <= Number(`${d[1]}.${d[2]}`) * 4) return m;
        return `${a.slice(0, a.length - hi.length)}${hi.slice(0, hi.length - k)}.${hi.slice(hi.length - k)} fL`;
      }
      return `${a} fL`;
    })
    // "80.0 100.01L": a decimal after another of its decimals, glued to 1L.
    .replace(/((?:^|\s)\d+\.(\d+)\s+\d+\.(\d+?))1L(?=\s|$)/g, (m, a: string, da: string, db: string) => (da.length === db.length ? `${a} fL` : m))
    .replace(/((?:^|\s)\d+(?:\.\d+)?\s+)[1iIl|]L(?=\s|$)/g, '$1fL')
    // A unit without a slash glued to a range: "7.5-12.5fL" (a flag glued to a value stays: "73H").
    .replace(/((?:^|\s)[<>]?=?\d+(?:\.\d+)?-\d+(?:\.\d+)?)([a-zA-Z]{2,4})(?=\s|$)/g, (m, a: string, u: string) => (exactUcum(u) ? `${a} ${u}` : m))
    .replace(/(?<![\d,])(\d{1,3}),(\d{1,2})(?=-\d)/g, '$1.$2')
    // A comma for the point of a range's high end whose low end prints the point ("1.9-3,7"): as many decimals.
    .replace(/(^|[\s([])(\d{1,3}\.(\d{1,2})-\d{1,3}),(\d{1,2})(?=[\s)\]]|$)/g, (m, p: string, a: string, da: string, db: string) => (da.length === db.length ? `${p}${a}.${db}` : m))
    .replace(/([<>])\s*OR\s*=\s*/gi, '$1=')
    // "> OR = 60" whose comparator OCR lost: keep it one token so "OR" does not start a test name.
    .replace(/(^|\s)=\s*OR\s*=\s*(?=\d)/g, '$1=')
    // Not a mark glued after a value ("2.9<   3.0": a low flag, the previous result's column after it). Session 20.
    .replace(/(?<![\d.])(<=|>=|≤|≥|<|>)\s+(?=\d|\.\d)/g, '$1')
    // Not a sign standing alone between a value and a complete range after it ("127   - 140 - 400", "17.9 + 13.2 - 17.1"):
    // a flag column printing `-` below / `+` above, the sign its own cell. Session 20 (set-k).
    .replace(/(\d)\s+(?:-|–|to)\s+(?=\d)(?!\d+(?:\.\d+)?\s*(?:-|–|to)\s*\.?\d)/g, '$1-')
    .replace(/(\d)\s*(?:–)\s*(?=\d)(?!\d+(?:\.\d+)?\s*(?:-|–|to)\s*\.?\d)/g, '$1-')
    .replace(/(\d)-\s+(?=\d)/g, '$1-')
    // A range dash OCR read as a plus ("3.5 + 5.3"; grades like "1+" have no number after them).
    .replace(/(\d)\s\+\s(?=\d)(?!\d+(?:\.\d+)?\s*(?:-|–|to)\s*\.?\d)/g, '$1-')
    // A power-of-ten unit glued to a range: "1.5-7.8103/uL" is 1.5-7.8 10^3/uL (the ends have the same decimals).
    .replace(/(^|\s)(\d+\.(\d+)-\d+\.)(\d+?)(10[^\s\d/]{0,2}[36]\/\S+)/g, (m, p: string, a: string, da: string, db: string, u: string) => (da.length === db.length ? `${p}${a}${db} ${u}` : m))
    .replace(/\bx\s+10\s*([\^*eE])\s*(\d+)/g, 'x10$1$2')
    // A power of ten after its x whose E OCR read as a letter or an 8, or lost, its exponent split off ("x10t 3 ut",
    // "x 1083 ul", "x 106 ul", "x10L3 wl"): x10E and the exponent, so the unit's other half reads beside it.
    .replace(/(^|\s)x\s?10(?:[A-DF-Za-z8]\s?|\s)?([36])(?=\s+[A-Za-z]{1,3}[.,]?(?:\s|$))/g, '$1x10E$2')
    // The body-surface part of an eGFR unit with its point lost or its 1 read as l ("mL/min/l 73").
    .replace(/(\S*min\/)[1lI|]\s?[.,]?\s?73(?=\s|$|m)/g, '$11.73')
    .replace(/\b(m[A-Za-z]\/m[a-z]{1,3}\/1\.73)\s+(m2|m\^2|sq\.?\s?m)\b/gi, '$1m2')
    .replace(/%\s+of\s+total\s+Hgb/gi, '%_of_total_Hgb')
    .replace(/\bmg\/g\s+creat(?:inine)?\b/gi, 'mg/g_creat')
    .replace(/\bcells\s+\/\s*uL\b/gi, 'cells/uL');
}
