import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectIds, resolveRef } from './narrative.js';
import { fragment } from './test-helpers.js';

const text = `<text><table><tbody>
  <tr ID="imm1"><td>Hepatitis B</td><td>CPT</td><td>90744</td><td>6/25/2001</td></tr>
  <tr><td><content ID="c1">Td  vaccine</content></td><td>90714</td></tr>
  <tr ID="med1"><td>Oseltamivir</td><td><content>until all consumed</content></td><td/><td/><td><table><tr><td>Started 30-Jan-2013</td></tr></table></td><td/></tr>
  <tr ID="med2"><td>Albuterol</td><td/><td/><td>2 puffs qid</td></tr>
</tbody></table>
<paragraph ID="p1">Take with food<br/>Avoid alcohol</paragraph>
<list><item ID="i1">Asthma, <content>mild</content></item></list></text>`;

test('a reference to a table row keeps its cells apart; lines of a paragraph are joined by "; "', () => {
  const ids = collectIds(fragment(text));
  assert.equal(resolveRef('#imm1', ids), 'Hepatitis B | CPT | 90744 | 6/25/2001');
  assert.equal(resolveRef('#p1', ids), 'Take with food; Avoid alcohol');
  // Empty cells leave no dangling bars, at a line's end or between cells.
  assert.equal(resolveRef('#med1', ids), 'Oseltamivir | until all consumed; Started 30-Jan-2013');
  assert.equal(resolveRef('#med2', ids), 'Albuterol | 2 puffs qid');
  // Plain inline targets read as before: whitespace collapsed, inline markup joined.
  assert.equal(resolveRef('#c1', ids), 'Td vaccine');
  assert.equal(resolveRef('#i1', ids), 'Asthma, mild');
});
