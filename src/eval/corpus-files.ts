/**
 * The files of a corpus folder, for every eval suite: sorted (stable reports), hidden files
 * skipped, unreadable entries and broken links passed over instead of ending the eval, and
 * symbolic links to folders not followed (no loops). Held-out corpora are hostile too.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function listCorpusFiles(dir: string, accept: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      try {
        const link = lstatSync(p).isSymbolicLink();
        const st = statSync(p);
        if (st.isDirectory()) {
          if (!link) walk(p);
        } else if (st.isFile() && accept(name)) out.push(p);
      } catch {
        // a broken link or a file that vanished: not part of the corpus
      }
    }
  };
  walk(dir);
  return out;
}
