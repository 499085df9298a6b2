/**
 * Longest unit string given to the UCUM validator (ucum-lhc). Real units are a few characters
 * (`mg/dL`, `10*3/uL`, `mL/min/{1.73_m2}`); ucum-lhc's parser is quadratic on some long inputs
 * (a 100 KB `<999…x` took 7.5 s, 1 MB would take minutes) and logs the whole string. A longer
 * "unit" is kept as text, never validated.
 */
export const MAX_UCUM_LENGTH = 64;
