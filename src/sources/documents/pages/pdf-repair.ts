/**
 * A PDF cut short (a download or a fax server's file that stopped part way) has no trailer:
 * pdfjs then finds no document catalog and opens nothing ("Invalid PDF structure"), though the
 * pages before the cut are whole in the file. `withRecoveredTrailer` appends a trailer naming the
 * catalog it finds in the body; pdfjs then rebuilds its index by scanning the objects and reads
 * every page whose objects are there. Pure.
 */

/** How far before `/Type /Catalog` its `N G obj` header may lie (a catalog dictionary is short). */
const CATALOG_REACH = 4096;

/**
 * The bytes with a trailer naming the document's catalog appended, or undefined when the file
 * ends as a PDF should (`startxref … %%EOF`: not a cut file) or no catalog object is written out
 * in its body (one kept in a compressed object stream cannot be found this way).
 */
export function withRecoveredTrailer(bytes: Uint8Array): Uint8Array | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (/startxref\s+\d+\s+%%EOF\s*$/.test(text.slice(-1024))) return undefined;
  const catalog = /\/Type\s*\/Catalog\b/g;
  for (let m = catalog.exec(text); m; m = catalog.exec(text)) {
    const before = text.slice(Math.max(0, m.index - CATALOG_REACH), m.index);
    const headers = [...before.matchAll(/(\d+)\s+(\d+)\s+obj\b/g)];
    const last = headers[headers.length - 1];
    if (!last) continue;
    // The object the cut fell in is closed first: pdfjs's scan skips an object up to the next
    // `obj` it meets, and a trailer after an open object would be skipped with it.
    const tail = `\nendstream\nendobj\ntrailer\n<< /Root ${last[1]} ${last[2]} R >>\n%%EOF\n`;
    const out = new Uint8Array(bytes.length + tail.length);
    out.set(bytes);
    out.set(Buffer.from(tail, 'latin1'), bytes.length);
    return out;
  }
  return undefined;
}
