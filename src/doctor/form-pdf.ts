/**
 * The health history form as a PDF (pdf-lib, standard Helvetica): sections as ruled tables
 * with a source column, blank ruled rows to fill in by hand, page breaks between rows.
 * Also the small drawing helpers the visit summary PDF uses.
 */
import { PDFDocument, PDFFont, PDFPage, StandardFonts, rgb } from 'pdf-lib';
import { describeSource } from './snapshot.js';
import type { FormSection, HealthForm } from './form.js';

export const PAGE = { width: 612, height: 792, margin: 40 };

/** Standard fonts encode WinAnsi only: anything else becomes a close ASCII or '?'. */
export function winAnsi(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\u2192/g, '->')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const para of winAnsi(text).split(/\n/)) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width) {
        line = next;
        continue;
      }
      if (line) out.push(line);
      // A single word wider than the column is cut.
      let w = word;
      while (font.widthOfTextAtSize(w, size) > width && w.length > 1) {
        let n = w.length - 1;
        while (n > 1 && font.widthOfTextAtSize(w.slice(0, n), size) > width) n--;
        out.push(w.slice(0, n));
        w = w.slice(n);
      }
      line = w;
    }
    out.push(line);
  }
  return out.length ? out : [''];
}

export class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
    private readonly footer: string,
  ) {
    this.newPage();
  }
  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
    const n = this.doc.getPageCount();
    this.page.drawText(winAnsi(`${this.footer} - page ${n}`), { x: PAGE.margin, y: 20, size: 7, font: this.font, color: rgb(0.4, 0.4, 0.4) });
  }
  ensure(h: number): void {
    if (this.y - h < PAGE.margin) this.newPage();
  }
  text(t: string, size: number, font = this.font, color = rgb(0, 0, 0)): void {
    for (const line of wrap(t, font, size, PAGE.width - 2 * PAGE.margin)) {
      this.ensure(size + 4);
      this.page.drawText(line, { x: PAGE.margin, y: this.y - size, size, font, color });
      this.y -= size + 4;
    }
  }
}

function columnWidths(sec: FormSection): number[] {
  const total = PAGE.width - 2 * PAGE.margin;
  const src = 120;
  const n = sec.columns.length;
  const first = n > 2 ? (total - src) * 0.34 : (total - src) * 0.4;
  const rest = n > 1 ? (total - src - first) / (n - 1) : 0;
  return [first, ...Array.from({ length: n - 1 }, () => rest), src];
}

function drawRow(w: Writer, cells: string[], widths: number[], opts: { bold?: boolean; size?: number; minHeight?: number; fill?: boolean }): void {
  const size = opts.size ?? 8.5;
  const font = opts.bold ? w.bold : w.font;
  const lines = cells.map((c, i) => wrap(c, font, i === cells.length - 1 ? 7 : size, widths[i] - 6));
  const h = Math.max(opts.minHeight ?? 0, ...lines.map((l) => l.length * (size + 2) + 6));
  w.ensure(h);
  let x = PAGE.margin;
  for (let i = 0; i < cells.length; i++) {
    w.page.drawRectangle({ x, y: w.y - h, width: widths[i], height: h, borderColor: rgb(0.55, 0.55, 0.55), borderWidth: 0.5, color: opts.fill ? rgb(0.92, 0.92, 0.92) : undefined });
    const sz = i === cells.length - 1 && !opts.bold ? 7 : size;
    lines[i].forEach((line, k) => w.page.drawText(line, { x: x + 3, y: w.y - 3 - (k + 1) * (size + 2) + 2, size: sz, font, color: i === cells.length - 1 && !opts.bold ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0) }));
    x += widths[i];
  }
  w.y -= h;
}

export async function formPdf(f: HealthForm): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(winAnsi(`Health history: ${f.name}`));
  doc.setProducer('Vessel');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, font, bold, `Health history - ${f.name} - prepared ${f.generated.slice(0, 10)}`);
  w.text('Health history', 18, bold);
  w.text(`${f.name} - prepared ${f.generated.slice(0, 10)} from your own records. Each answer names where it came from; blank rows are for anything the records do not say. Please check every answer.`, 9);
  for (const sec of f.sections) {
    w.ensure(60);
    w.y -= 8;
    w.text(sec.title, 12, bold);
    const widths = columnWidths(sec);
    drawRow(w, [...sec.columns, 'Source'], widths, { bold: true, fill: true });
    for (const r of sec.rows) drawRow(w, [...r.cells, describeSource(r.source)], widths, {});
    const blanks = sec.blankRows || (sec.rows.length ? 0 : 1);
    for (let i = 0; i < blanks; i++) drawRow(w, Array(widths.length).fill(''), widths, { minHeight: 18 });
  }
  return doc.save();
}
