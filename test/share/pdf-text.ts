/** The text of a PDF we produced, read back through the project's own PDF reader (pdfjs). */
import { openPdf, pageTextLayer } from '../../src/sources/documents/pages/pdf.js';

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const r = await openPdf(bytes);
  if (!r.ok) throw new Error(r.message);
  const out: string[] = [];
  for (let i = 1; i <= r.doc.numPages; i++) out.push((await pageTextLayer(await r.doc.getPage(i))).text);
  await r.doc.destroy();
  return out.join('\n');
}
