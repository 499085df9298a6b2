import { readFileSync } from 'node:fs';
import { listFiles } from '../../eval/ccda.js';
import { detectFormat } from '../../detect/detect.js';
import { extractCda } from './extract.js';
import { parseCdaXml, decodeBytes } from './xml.js';
import { listEntries, listSections } from './entries.js';
import { collectIds } from './narrative.js';
const kindFilter = process.argv[3];
for (const f of listFiles(process.argv[2])) {
  const b = readFileSync(f);
  if (detectFormat(b.subarray(0, 65536), b.length) !== 'cda-xml') continue;
  const p = parseCdaXml(decodeBytes(b));
  if (!p.ok) continue;
  const x = extractCda(b, f);
  const located = new Set(x.resources.map((r) => r.location.xpath));
  for (const i of x.issues) if (i.code === 'duplicate-entry') located.add(i.location?.xpath);
  for (const s of listSections(p.root)) for (const e of listEntries(s, collectIds(p.root))) {
    if (e.placeholder || located.has(e.xpath)) continue;
    if (kindFilter && s.kind !== kindFilter) continue;
    const iss = x.issues.find((i) => i.location?.xpath === e.xpath);
    console.log(s.kind, '|', s.title, '|', e.statement?.name, e.statement?.attrs.moodCode, '|', f.replace('/work/shared/corpus/ccda/', ''), e.xpath.replace('/ClinicalDocument/component/structuredBody', ''), iss?.code, iss?.message?.slice(0, 100));
  }
}
