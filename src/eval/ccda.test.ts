import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from './ccda.js';
import { cdaDocument } from '../sources/ccda/test-helpers.js';

const allergy = `<act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.30"/><code code="CONC" codeSystem="2.16.840.1.113883.5.6"/><statusCode code="active"/>
<entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.7"/><code code="ASSERTION" codeSystem="2.16.840.1.113883.5.4"/><statusCode code="completed"/>
<value xsi:type="CD" code="419511003" codeSystem="2.16.840.1.113883.6.96"/><participant typeCode="CSM"><participantRole><playingEntity><code code="7980" codeSystem="2.16.840.1.113883.6.88" displayName="Penicillin"/></playingEntity></participantRole></participant></observation></entryRelationship></act>`;
const placeholder = `<act classCode="ACT" moodCode="EVN" nullFlavor="NI"><code code="CONC" codeSystem="2.16.840.1.113883.5.6"/></act>`;

test('eval ccda counts entries per section, ignores placeholders and non-CDA files, and reports the baseline', async () => {
  const root = mkdtempSync(join(tmpdir(), 'vessel-ccda-eval-'));
  try {
    const dir = join(root, 'ccda', 'vendor');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.xml'), cdaDocument([{ template: '2.16.840.1.113883.10.20.22.2.6.1', code: '48765-2', title: 'Allergies', text: 'Penicillin', entries: [allergy, placeholder] }]));
    writeFileSync(join(dir, 'b.ccd'), cdaDocument([{ code: '10164-2', title: 'HPI', text: 'Cough.' }], { declaration: false }).replace(/\n/g, ''));
    writeFileSync(join(dir, 'schematron.xml'), '<results><error/></results>');
    writeFileSync(join(dir, 'evil.xml'), '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><ClinicalDocument>&e;</ClinicalDocument>');
    const r = await suite.run(root, {});
    assert.equal(r.documents, 3, 'the schematron file is not a CDA document');
    assert.equal(r.crashes, 0);
    assert.equal(r.failed, 1, 'the XXE document is rejected');
    const m = r.metrics as Record<string, any>;
    assert.equal(m.entries_in_xml, 1, 'the nullFlavored placeholder is not counted');
    assert.equal(m.entries_mapped, 1);
    assert.equal(m.entry_recall, 100);
    assert.deepEqual(m.section_recall, { allergies: 100 });
    assert.equal(m.invalid_resources, 0);
    assert.equal(m.narrative_sections_kept_ratio, 1);
    for (const k of ['entries_in_xml', 'entries_mapped', 'entry_recall', 'section_recall', 'invalid_resources', 'narrative_sections_kept_ratio', 'failed']) assert.ok(k in m.baseline_medplum, k);
    assert.match(r.table ?? '', /@medplum\/ccda/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("ONC consensus: a code carried by at least half of a patient's vendors counts as intended, and each vendor is scored against it", async () => {
  const { oncConsensus } = await import('./ccda-onc.js');
  const patient = { resourceType: 'Patient' as const, name: [{ given: ['Jeremy'], family: 'Bates' }] };
  const allergyWith = (code: string) => ({ resourceType: 'AllergyIntolerance' as const, patient: { reference: 'Patient/p' }, code: { coding: [{ code }] } });
  const docs = ['A', 'B', 'C', 'D', 'E', 'F'].map((vendor, i) => ({
    file: `jddamore-ccda-samples/${vendor}/bates.xml`,
    // penicillin in four of six vendors (intended); latex in one (not)
    resources: [patient, ...(i < 4 ? [allergyWith('7980')] : []), ...(i === 5 ? [allergyWith('111088007')] : [])],
    medplum: [patient],
  }));
  const out = oncConsensus(docs) as Record<string, { vendors: number; consensus_allergies: number; found_ratio: Record<string, number>; per_vendor: Record<string, Record<string, string>> }>;
  const bates = out['jeremy bates'];
  assert.equal(bates.vendors, 6);
  assert.equal(bates.consensus_allergies, 1);
  assert.equal(bates.per_vendor.A.allergies, '1/1');
  assert.equal(bates.per_vendor.F.allergies, '0/1');
  assert.equal(bates.found_ratio.allergies, Math.round((4 / 6) * 1000) / 1000);
  // Fewer than five vendors: no consensus is claimed.
  assert.equal(oncConsensus(docs.slice(0, 4)), undefined);
});
