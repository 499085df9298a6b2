import { readFileSync } from 'node:fs';
import { listFiles } from '../../eval/ccda.js';
import { detectFormat } from '../../detect/detect.js';
import { extractCda } from './extract.js';
import { convertCcdaToFhir, convertXmlToCcda } from '@medplum/ccda';
const files = listFiles('/work/shared/corpus/ccda').map((f) => readFileSync(f)).filter((b) => detectFormat(b.subarray(0, 65536), b.length) === 'cda-xml');
const mb = files.reduce((a, b) => a + b.length, 0) / 1e6;
let t = performance.now();
for (const b of files) extractCda(b);
const ours = (performance.now() - t) / 1000;
console.warn = console.log = () => {};
t = performance.now();
let ok = 0;
for (const b of files) { try { convertCcdaToFhir(convertXmlToCcda(b.toString('utf8'))); ok++; } catch { /* counted */ } }
const theirs = (performance.now() - t) / 1000;
process.stdout.write(JSON.stringify({ docs: files.length, mb: +mb.toFixed(1), vessel: { s: +ours.toFixed(1), docs_per_s: +(files.length / ours).toFixed(1), mb_per_s: +(mb / ours).toFixed(2) }, medplum: { s: +theirs.toFixed(1), docs_per_s: +(files.length / theirs).toFixed(1), mb_per_s: +(mb / theirs).toFixed(2), completed: ok } }) + '\n');
