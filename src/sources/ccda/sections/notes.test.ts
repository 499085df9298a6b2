import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentReference } from '@medplum/fhirtypes';
import { mapNoteEntry } from './notes.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

test('a note activity becomes a DocumentReference carrying the note text', () => {
  const xml = `<act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.202"/><code code="34109-9" codeSystem="2.16.840.1.113883.6.1" displayName="Note"/><text><reference value="#note1"/></text><statusCode code="completed"/>
<author><time value="20160908083215-0500"/><assignedAuthor><assignedPerson><name><given>Nurse</given><family>Florence</family></name></assignedPerson></assignedAuthor></author></act>`;
  const [d] = mapNoteEntry(fragment(xml), testContext({ note1: 'Patient tolerated the procedure well.' })) as DocumentReference[];
  assert.equal(d.resourceType, 'DocumentReference');
  assert.equal(Buffer.from(d.content[0].attachment.data!, 'base64').toString(), 'Patient tolerated the procedure well.');
  assert.equal(d.date, '2016-09-08T08:32:15-05:00');
  assert.equal(d.author?.[0].display, 'Nurse Florence');
});
