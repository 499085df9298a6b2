/**
 * A page's OCR lines laid out on one column grid, as a text layer's are (pdf.ts `columnGrid`).
 *
 * Tesseract prints each line from its first word, with no indent, and spaces the words by its own
 * estimate of that line's space width: a caption over its value, a date head over its column, a
 * table's rows starting at different x, all lose where they stood, and structuring places cells by
 * their offsets in the text (grids, trend tables, caption-over-value forms). Here every line keeps
 * tesseract's words and its choice of one space (same cell) or more (a new cell), but a word after a
 * wider gap, and the line's first word, go to the column of their pixel position on one pitch for the
 * whole page (the median character width). Pure.
 */
import type { OcrLine } from './ocr-pool.js';

/** Pixel width of one character column: the median width per character of the page's words. */
function pagePitch(lines: OcrLine[]): number | undefined {
  const perChar = lines
    .flatMap((l) => l.words)
    .filter((w) => w.text.length >= 2)
    .map((w) => (w.box[2] - w.box[0]) / w.text.length)
    .sort((a, b) => a - b);
  return perChar.length ? Math.max(1, perChar[perChar.length >> 1]!) : undefined;
}

/**
 * The page's left text edge: the leftmost line with some text on it (two words, or a word of three
 * characters): a speck read as a lone mark in the margin does not push every line right.
 */
function leftEdge(lines: OcrLine[]): number {
  const real = lines.filter((l) => l.words.length >= 2 || l.words.some((w) => w.text.length >= 3));
  const xs = (real.length ? real : lines).flatMap((l) => l.words.map((w) => w.box[0]));
  return xs.length ? Math.min(...xs) : 0;
}

/** One line's text on the grid; its own text, only indented, when its words do not spell it. */
function layoutLine(line: OcrLine, left: number, pitch: number): string {
  const column = (x: number) => Math.max(0, Math.round((x - left) / pitch));
  const parts = line.text.trim().split(/(\s+)/);
  const tokens = parts.filter((_, i) => i % 2 === 0);
  const spelled = tokens.length === line.words.length && tokens.every((t, i) => t === line.words[i]!.text);
  if (!spelled) return line.words.length ? ' '.repeat(column(line.words[0]!.box[0])) + line.text.trim() : line.text.trim();
  let text = ' '.repeat(column(line.words[0]!.box[0])) + tokens[0];
  for (let i = 1; i < tokens.length; i++) {
    const gap = parts[2 * i - 1]!.length;
    // One space is tesseract's "same cell": kept. A wider gap starts a cell at its word's column, two spaces on at least.
    text = gap < 2 ? `${text} ` : text.padEnd(Math.max(text.length + 2, column(line.words[i]!.box[0])), ' ');
    text += tokens[i];
  }
  return text;
}

/** The page's lines as text, each on the page's column grid (see the module's comment). */
export function layoutOcrLines(lines: OcrLine[]): string[] {
  const pitch = pagePitch(lines);
  if (pitch === undefined) return lines.map((l) => l.text.trim());
  const left = leftEdge(lines);
  return lines.map((l) => layoutLine(l, left, pitch));
}
