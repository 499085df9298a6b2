/**
 * The shapes reading lab rows passes around: a lab row as read (LabRow), a printed token with
 * where it starts on its line (Tok), and a row still being read from a line's tokens (Draft).
 */

export interface LabRow {
  name: string;
  loinc?: string;
  loincDisplay?: string;
  /** Value as printed (comparator kept). */
  value: string;
  numeric?: number;
  comparator?: '<' | '>' | '<=' | '>=';
  unit?: string;
  ucum?: string;
  range?: { text: string; low?: number; high?: number };
  /** Printed flag and its normalised code. */
  flagPrinted?: string;
  flag?: 'H' | 'L' | 'HH' | 'LL' | 'A';
  page: number;
  lineIndex: number;
  /** Texts of the tokens that make up the row (for locating its words on the page). */
  tokens: string[];
  panel?: string;
}

export interface Tok {
  t: string;
  start: number;
}

export interface Draft {
  name: string[];
  nameToks: Tok[];
  value?: string;
  valueTok?: Tok;
  flag?: string;
  range?: string;
  unit?: string;
  /** The range was printed before the value. */
  rangeFirst?: boolean;
  /** A lab or footnote code ("01") was passed: the row's last column; a flag-like mark after it is dirt. */
  pastCode?: boolean;
  /** The flag was read after the reference range (a flag column at the end, or dirt at the line's end). */
  flagAfterRange?: boolean;
  extra: Tok[];
  /** The name's leading order / date cells were looked for (leadingCellsEnd). */
  cellsRead?: boolean;
  /** A leading cell named a urine panel. */
  urine?: boolean;
  /** The order / date cells dropped from before the name. */
  orderCell?: string;
  /** The row is the only one its line holds (no second column, nothing read as another row after it). */
  onlyOnLine?: boolean;
  /** The table's headers print the units column last, after the reference range. */
  unitsLast?: boolean;
  /** The table's headers print an order / panel / date column before the test's. */
  leadColumns?: boolean;
  /** The table's headers print a test-number column first ("Test No.   Test   Result ..."). */
  codeColumn?: boolean;
  /** Leading words that stand before a test's name on two or more rows of the document (repeatedLeads). */
  leads?: Set<string>;
  /** After its value and range, another value and range: a second column's result whose name OCR lost. */
  pastOtherResult?: boolean;
  /** Under column heads naming a result and a reference column: a test no table knows may print a word result. */
  wordTable?: boolean;
}
