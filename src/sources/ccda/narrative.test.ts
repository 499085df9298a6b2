import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectIds, resolveRef } from './narrative.js';
import { fragment } from './test-helpers.js';

const text = `<text><table><tbody>
  <tr ID="imm1"><td>Hepatitis B</td><td>CPT</td><td>90744</td><td>6/25/2001</td></tr>
  <tr><td><content ID="c1">Td  vaccine</content></td><td>90714</td></tr>
</tbody></table>
<paragraph ID="p1">Take with food<br/>Avoid alcohol</paragraph>
<list><item ID="i1">Asthma, <content>mild</content></item></list></text>`;

test('a reference to a table row keeps its cells apart; lines of a paragraph are joined by "; "', () => {
  const ids = collectIds(fragment(text));
  assert.equal(resolveRef('#imm1', ids), 'Hepatitis B | CPT | 90744 | 6/25/2001');
  assert.equal(resolveRef('#p1', ids), 'Take with food; Avoid alcohol');
  // Plain inline targets read as before: whitespace collapsed, inline markup joined.
  assert.equal(resolveRef('#c1', ids), 'Td vaccine');
  assert.equal(resolveRef('#i1', ids), 'Asthma, mild');
});
