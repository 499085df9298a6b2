/**
 * Token shapes of a lab line (number, range, flag, word result, noise) and the small helpers
 * that read one token: number repairs, flags and their codes, names' stray marks, tokenizing.
 */
import { editDistance } from './fuzzy.js';
import type { LabRow, Tok } from './lab-row.js';

/** OCR repair of a decimal-number-shaped token: O/o -> 0, l/I/| -> 1, a leading S -> 5. */
export function repairNumber(t: string): string {
  // A point read as a colon ("13:1"; a time has two digits after its colon).
  const colon = /^(\d{1,3}):(\d)(HH|LL|H|L)?$/.exec(t);
  if (colon) return `${colon[1]}.${colon[2]}${colon[3] ?? ''}`;
  // A leading 5 read as a dollar sign before a number with one decimal ("$1.9" for 51.9): money prints two decimals
  // or none. Session 22 (m-2505, OCR).
  if (/^\$\d{1,2}\.\d(?:HH|LL|H|L)?$/.test(t)) return `5${t.slice(1)}`;
  // A leading 4 read as A before a point ("A.7" for 4.7): no value prints a letter before its point. Session 24 (h-3106
  // OCR).
  if (/^A\.\d{1,2}(?:HH|LL|H|L)?$/.test(t)) return `4${t.slice(1)}`;
  // A leading 5 read as S before whole digits ("S9H").
  if (/^S(?:\d{1,3}(?:HH|LL|H|L)?|HH|LL|H|L)$/.test(t)) return `5${t.slice(1)}`;
  // A leading 1 read as L, l, I or a bar before a zero and its point lost ("L007" is 1007, a specific gravity's
  // 1.007): no value is printed zero-led after a letter.
  if (/^[LlI|]0\d{1,3}$/.test(t)) return `1${t.slice(1)}`;
  if (!/\d/.test(t) || t.length < 3 || !/[.,]/.test(t)) return t;
  const m = /^([<>]?=?)(S?)([\dOolI|.,]+)(HH|LL|H|L)?$/.exec(t);
  if (!m) return t;
  const body = (m[2] === 'S' ? '5' : '') + m[3]!.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1');
  return `${m[1]}${body}${m[4] ?? ''}`;
}

/**
 * Triangles and heavy arrows printed as flags ("11.6 ▲", "3▼": a dialysis or LTC report's above / below goal marks) as
 * the up / down arrows the flag readers know; one glued after its value made a cell of its own. Session 23 (set-f).
 */
export function arrowFlags(s: string): string {
  return s.replace(/[▲△▴⬆⇧]/g, '↑').replace(/[▼▽▾⬇⇩]/g, '↓').replace(/(\d)([↑↓])(?=\s|$)/g, '$1 $2');
}

export const NUM = /^(?:[<>]=?)?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^(?:[<>]=?)?\d+(?:\.\d+)?$|^(?:[<>]=?)?\.\d+$/;

/**
 * A value with its flag glued after it ("151H", "6.2*", "151(H)"); also an arrow-like `<` / `>` after the value
 * ("2.9<", "44>": below / above the range, a results-review grid's flags). A comparator stands before its number
 * ("<0.5", ">60"), never after it, so a mark after the value can only be a flag. Session 20.
 */
export const VALUE_FLAG = /^(\d+(?:\.\d+)?)((?:HH|LL|H|L|A)[*"”'’]?|\*|!|[<>]|\((?:HH|LL|H|L|A)\))$/;

export const RANGE = /^[([]?(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)[)\]]?$/;

export const CMP_RANGE = /^[([]?(<=|>=|<|>|≤|≥)(\d+(?:\.\d+)?)[)\]]?$/;

// Also in square brackets, as PowerChart prints them ("10.5 [H]"); ABV / BLW are above / below abbreviated (session 23).
export const FLAG = /^(?:\(?(?:HH|LL|H|L|A|AA|C|CH|CL|HI|LO|HIGH|LOW|ABV|BLW|ABN|ABNL|ABNORMAL|CRIT|CRITICAL|POS)\)?|\((?:ABOVE|BELOW)\)|\[(?:HH|LL|H|L|A|C|CH|CL)\]|\*{1,2}|\*?[HLA]\*?|\*(?:HI|LO|AB|ABN|HIGH|LOW)\*?|(?:HI|LO|HIGH|LOW)\*|!{1,2}|↑|↓)$/i;

/**
 * A flag printed in a column before the value ("LDL  H  162", "Occult Blood  ABNORMAL  Positive"); also an
 * interpretation column's side word ("Glucose  Above  179", "ALP  Below  28"), which no test name ends with.
 */
export const FLAG_BEFORE = /^(?:H|L|HH|LL|HIGH|LOW|ABOVE|BELOW|\*|\(H\)|\(L\)|↑|↓)$/i;

/** Flags that may also end a test name ("Vitamin A", "Hepatitis A"): taken as a flag only when the name without it is a test and with it is not. */
export const FLAG_BEFORE_AMBIGUOUS = /^(?:A|ABN|ABNL|ABNORMAL|\(A\)|C|CRIT|CRITICAL)$/i;

/** A label in front of a reference range ("Ref: 65-99", "Reference Range: ...", "Normal: Negative"). */
export const RANGE_LABEL = /^\(?(?:ref(?:erence)?|ref\.?range|range|normal|interval|nl|ref\.?rng|rng)[:.]?$/i;

// Urine sediment and serology words too (session 24, set-c): microscopy reports cells and crystals as "Rare", "Few",
// "Many", "Occasional", "None seen", references as a span of them ("Rare-Few"); immunity panels "Immune",
// "Equivocal", "Indeterminate".
export const QUAL = /^(?:negative|neg|positive|pos|trace|yellow|clear|cloudy|hazy|turbid|amber|straw|colorless|dark|red|orange|brown|small|moderate|large|none|normal|abnormal|detected|reactive|nonreactive|non-reactive|[1-4]\+|rare|few|many|occasional|seen|immune|equivocal|indeterminate|(?:none|rare|few|occasional)-(?:rare|few|moderate|many|occasional))$/i;

/** Words that begin a two-word qualitative result. */
export const QUAL_MODIFIER = /^(?:light|dark|pale|deep|slightly|very|not|non)$/i;

export const NOISE = /^(?:\(calc\)|calc|0[1-9])$/;

export const NOT_TEST =
  /^(?:or|and|of|to|the|dob|d\.o\.b|age|sex|gender|phone|tel|fax|page|specimen|client|acct|account|mrn|date|collected|received|reported|requisition|printed|clia|patient|id|control|rte|npi|pages|lab|room|bed|loc|ht|wt|bp|pulse|temp|resp|spo2|height|weight|total|claim|amount|member|group|cpt|dose|lot|cvx|fasting|ordering|attending|verified|resulted|medical|director|dir|branch|report|status|time|visit|zip|suite|apt|po|p\.o\.|box|phone:)$/i;

export const STAR = /^\*+$/;

/** A range, also with its first digit or bracket garbled into a letter or point ("(B5-99)", "p.70-1.33)", ".6-10.3)"). */
export const RANGE_SHAPED = /^[([]?[A-Za-z.]?\d*\.?\d+-\d+(?:\.\d+)?[)\]]?$/;

/** A printed flag; not a lower-then-upper mix ("lL" is a misread unit, flags print "L", "Low", "LOW"). */
export function isFlag(t: string): boolean {
  return FLAG.test(t) && !/^[a-z][A-Z]/.test(t);
}

/** "High" / "Low" as OCR misreads them ("igh", "Hiqh", "Iow"); never a test name or unit. */
export function flagSlip(t: string): 'H' | 'L' | undefined {
  if (/^\([1lI|]\)$/.test(t)) return 'L';
  // `HI` / `LO` with the I read as l, 1 or a bar, the O as a zero ("Hl", "H1", "L0"). Session 21 (k-2803).
  if (/^H[l1|]$/.test(t)) return 'H';
  if (/^L0$/.test(t)) return 'L';
  if (!/^[A-Za-z1|]{3,5}$/.test(t)) return undefined;
  const k = t.toLowerCase();
  if (k !== 'high' && editDistance(k, 'high', 1) <= 1) return 'H';
  if (/^[li1|]o[wv]$/.test(k) && k !== 'low') return 'L';
  return undefined;
}

export function flagCode(printed: string, numeric: number | undefined, low?: number, high?: number): LabRow['flag'] {
  // A flag word between stars (a point-of-care slip's `*HI*`, `*LO*`, `*AB*`; one star lost, `*HI`, `LO*`) is the word.
  const p = printed.replace(/[()[\]]/g, '').toUpperCase().replace(/^\*(HI|LO|AB|ABN|HIGH|LOW)\*?$|^(HI|LO|HIGH|LOW)\*$/, (_m, a: string | undefined, b: string | undefined) => ((a ?? b)!.startsWith('AB') ? 'A' : (a ?? b)!));
  const dir = (): 'H' | 'L' | undefined =>
    numeric === undefined ? undefined : high !== undefined && numeric > high ? 'H' : low !== undefined && numeric < low ? 'L' : undefined;
  if (/^(?:HH|CH|\*H\*?|H\*|!!)$/.test(p) && p !== 'H*') return 'HH';
  if (/^(?:LL|CL)$/.test(p)) return 'LL';
  if (/^(?:H|HI|HIGH|ABOVE|ABV|↑|H\*|>)$/.test(p)) return 'H';
  if (/^(?:L|LO|LOW|BELOW|BLW|↓|L\*|<)$/.test(p)) return 'L';
  const slip = flagSlip(printed);
  if (slip) return slip;
  if (/^(?:C|CRIT|CRITICAL)$/.test(p)) return dir() === 'L' ? 'LL' : dir() === 'H' ? 'HH' : 'A';
  // A star beside a value inside its range is a footnote mark (OCR reads ” and ™ as *), not a flag.
  if (/^\*+$/.test(p) && numeric !== undefined && (low !== undefined || high !== undefined)) return dir();
  return dir() ?? 'A';
}

export function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  const re = /\S+/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ t: m[0], start: m.index });
  return out;
}

export function cleanNameTokens(toks: string[]): string[] {
  // Lone punctuation is OCR dirt between a name and its value ("Magnesium’ )", ": Vitamin B12").
  const out = toks.filter((t) => !/^(?:[*•·\-–]|0[1-9]|[:;.,)(|'"’‘”“`^~_!]+)$/.test(t));
  // A footnote code glued to a name ("WBC01"); not the O of a one-letter name read as 0 ("C02" is CO2).
  if (out.length && !/^[A-Za-z]0\d$/.test(out[out.length - 1]!)) out[out.length - 1] = out[out.length - 1]!.replace(/([A-Za-z)])0[1-9]$/, '$1');
  // A footnote mark read as dirt after the name, also before the cell's colon ("MpY°:"), and before
  // a speck read as a letter after it ("Hematocrit”! i").
  for (let i = 0; i < out.length; i++) out[i] = out[i]!.replace(/([A-Za-z)])[!?™®”“"'’°*¹²³]+[:.]?$/, '$1');
  if (out.length) out[0] = out[0]!.replace(/^[*•·"'“”‘’]+/, '');
  // A bar inside a word is an I or l OCR read as a rule ("NEUTROPH|LS").
  for (let i = 0; i < out.length; i++) out[i] = out[i]!.replace(/([A-Za-z])\|(?=[A-Za-z])/g, (_m, a: string) => `${a}${/[A-Z]/.test(a) ? 'I' : 'l'}`);
  // A speck in the left margin read as a letter or digit before a capitalised name ("i MCH", "4 AST (SGOT)").
  if (out.length >= 2 && /^[a-z0-9]$/.test(out[0]!) && /^[A-Z]/.test(out[1]!)) out.shift();
  return out.filter(Boolean);
}

export const unparen = (t: string) => t.replace(/^\((.*)\)$/, '$1');

/**
 * The date of a previous result printed beside it (cumulative reports), also with its slashes
 * lost or read as a 7 ("05282024", "052872024", "0528/2024"): digits ending in a year.
 */
export const PREVIOUS_DATE = /^\d{1,2}\/\d{1,2}\/\d{2,4}$|^(?=[\d/]{8,10}$)\d[\d/]*(?:19|20)\d{2}$/;
