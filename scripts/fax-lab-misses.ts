/**
 * Where `vessel eval fax` loses lab results: per transmission, the expected results it did not
 * find and the predicted ones that matched nothing, each with the page line it came from.
 *
 *   node --import tsx scripts/fax-lab-misses.ts <dir of faxgen tx-*.json> [--cache DIR] [--text gt|gt-flat] [--ids tx-0003,tx-0009]
 *
 * Pages are read through the documents adapter (OCR) as the eval does; with --cache the page
 * texts are kept in DIR (one JSON per transmission) so structuring can be changed and re-scored
 * in seconds. --text scores the ground-truth text instead. Totals use the eval's own scoring.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractedPage } from '../src/core/types.js';
import { emptyTally, ocrPages, scoreTransmission, storedDocuments, tallyMetrics, type GtTransmission } from '../src/eval/fax.js';
import { structureTransmission } from '../src/sources/documents/structure/index.js';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dir = args[0];
if (!dir || !existsSync(dir)) {
  console.error('usage: node --import tsx scripts/fax-lab-misses.ts <dir of tx-*.json> [--cache DIR] [--text gt|gt-flat] [--ids tx-0001,...]');
  process.exit(2);
}
const cache = opt('--cache');
const text = opt('--text');
const ids = opt('--ids')?.split(',');
if (cache) mkdirSync(cache, { recursive: true });

const flat = (t: string) => t.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).join('\n');

/** The page line a result most likely came from: the line holding the name's first word and the value. */
function sourceLine(pages: ExtractedPage[], name: string, value: string, within: [number, number]): string | undefined {
  const word = name.toLowerCase().split(/[\s,(]+/)[0]!.slice(0, 5);
  const candidates = pages.filter((p) => p.page >= within[0] && p.page <= within[1]).flatMap((p) => (p.text ?? '').split('\n').map((l) => ({ p: p.page, l })));
  const hit = candidates.find((c) => c.l.toLowerCase().includes(word) && c.l.includes(value)) ?? candidates.find((c) => c.l.toLowerCase().includes(word));
  return hit ? `p${hit.p}: ${hit.l.trim().slice(0, 160)}` : undefined;
}

let documents: typeof import('../src/sources/documents/index.js') | null = null;
const total = emptyTally();
for (const file of readdirSync(dir).filter((n) => /^tx-\d+\.json$/.test(n)).sort()) {
  const gt = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GtTransmission;
  if (ids && !ids.includes(gt.id)) continue;
  let pages: ExtractedPage[];
  const cached = cache ? join(cache, file) : undefined;
  if (text) pages = gt.pages.map((p) => ({ page: p.page, text: text === 'gt-flat' ? flat(p.text) : p.text, method: 'plain' as const }));
  else if (cached && existsSync(cached)) pages = JSON.parse(readFileSync(cached, 'utf8')) as ExtractedPage[];
  else {
    documents ??= await import('../src/sources/documents/index.js');
    pages = await ocrPages(documents.documentsAdapter, gt, dir);
    if (cached) writeFileSync(cached, JSON.stringify(pages.map(({ page, text: t, method }) => ({ page, text: t, method }))));
  }
  const t = emptyTally();
  scoreTransmission(gt, storedDocuments(structureTransmission(pages)), t);
  for (const k of ['labGt', 'labPred', 'labOk', 'docs', 'typeOk', 'idDocs', 'idOk', 'dateDocs', 'dateOk', 'splitTp', 'splitFp', 'splitFn', 'innerTp', 'innerFp', 'innerFn'] as const) total[k] += t[k];
  console.log(`${gt.id}: lab ${t.labOk}/${t.labGt} found, ${t.labPred} predicted`);
  for (const e of t.errors) {
    console.log(`   ${e}`);
    const miss = / doc (\d+): lab (.+) (\S+) \S* ?\S* ?not found$/.exec(e);
    const extra = /: extra lab (.+?) (\S+) .*p(\d+)$/.exec(e);
    const docPages = miss ? gt.documents.find((d) => d.index === Number(miss[1]))?.pages : undefined;
    const line = miss && docPages ? sourceLine(pages, miss[2]!, miss[3]!, docPages) : extra ? sourceLine(pages, extra[1]!, extra[2]!, [Number(extra[3]), Number(extra[3])]) : undefined;
    if (line) console.log(`       | ${line}`);
  }
}
await documents?.closeSharedOcrPool?.();
console.log(JSON.stringify({ ...tallyMetrics(total), lab_results_expected: total.labGt, lab_results_predicted: total.labPred }));
