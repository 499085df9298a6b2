import { suite } from '../../eval/ccda.js';
const r = await suite.run(process.argv[2] ?? '/work/shared/corpus', { limit: process.argv[3] ? +process.argv[3] : undefined });
console.log(r.table);
const { failures, ...m } = r.metrics as Record<string, unknown>;
console.log(JSON.stringify({ documents: r.documents, failed: r.failed, crashes: r.crashes, ...m }, null, 1).slice(0, 3000));
console.log((failures as string[]).join('\n'));
