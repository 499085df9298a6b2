import { readFileSync } from 'node:fs';
import { parseCdaXml, decodeBytes, type CdaNode } from './xml.js';
import { listEntries, listSections } from './entries.js';
const [f, xp] = process.argv.slice(2);
const p = parseCdaXml(decodeBytes(readFileSync(f)));
if (!p.ok) throw new Error('x');
const ser = (n: CdaNode, ind = ''): string => n.name === '#text' ? (n.text.trim() ? ind + n.text.trim() + '\n' : '') : `${ind}<${n.name}${Object.entries(n.attrs).map(([k, v]) => ` ${k}="${v}"`).join('')}>\n${n.children.map((c) => ser(c, ind + ' ')).join('')}`;
for (const s of listSections(p.root)) for (const e of listEntries(s)) if (e.xpath.endsWith(xp)) console.log(ser(e.entry).slice(0, 2500));
