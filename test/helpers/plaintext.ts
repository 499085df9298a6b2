/** Looks for readable text in a data folder's files (checks that what is stored is encrypted). */
import fs from 'node:fs';
import path from 'node:path';

/** Every file under `dir` (recursively) containing `needle` as UTF-8 (as given or lower-cased) or UTF-16. */
export function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const variants = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le'), Buffer.from(needle.toLowerCase(), 'utf8')];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const bytes = fs.readFileSync(p);
        if (variants.some((v) => bytes.includes(v))) hits.push(path.relative(dir, p));
      }
    }
  };
  walk(dir);
  return hits;
}
