import { readFileSync } from 'node:fs';
import { extractCda } from './extract.ts';
import { invalidities } from './validate.ts';
const f = process.argv[2];
const x = extractCda(readFileSync(f), f);
const byType: Record<string, number> = {};
for (const r of x.resources) byType[r.resource.resourceType] = (byType[r.resource.resourceType] ?? 0) + 1;
console.log(byType, x.label, x.subjects);
console.log(x.issues.slice(0, 10));
for (const r of x.resources) { const p = invalidities(r.resource); if (p.length) console.log('INVALID', p); }
if (process.argv[3]) for (const r of x.resources.filter(r => r.resource.resourceType === process.argv[3])) console.log(JSON.stringify(r));
console.log(x.pages?.slice(0,3));
