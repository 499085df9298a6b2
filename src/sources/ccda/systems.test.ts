import { test } from 'node:test';
import assert from 'node:assert/strict';
import { systemUri } from './systems.js';
import { extractCda } from './extract.js';
import { cdaDocument } from './test-helpers.js';

test('European code systems (ATC, EDQM, IPS absent/unknown) get their FHIR URIs', () => {
  assert.equal(systemUri('2.16.840.1.113883.6.73'), 'http://www.whocc.no/atc');
  assert.equal(systemUri('0.4.0.127.0.16.1.1.2.1'), 'http://standardterms.edqm.eu');
  assert.equal(systemUri('2.16.840.1.113883.5.1150.1'), 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips');
  assert.equal(systemUri('1.2.3.4'), 'urn:oid:1.2.3.4');
});

test('an immunization coded in ATC and an IPS "no known allergies" keep canonical systems', () => {
  const xml = cdaDocument([
    {
      code: '11369-6',
      title: 'Immunizations',
      entries: [
        `<substanceAdministration classCode="SBADM" moodCode="EVN"><statusCode code="completed"/><effectiveTime value="20151104"/>
        <consumable><manufacturedProduct><manufacturedMaterial><code code="J07BA01" codeSystem="2.16.840.1.113883.6.73" displayName="Encephalitis, tick borne"/></manufacturedMaterial></manufacturedProduct></consumable></substanceAdministration>`,
      ],
    },
    {
      code: '48765-2',
      title: 'Allergies',
      entries: [
        `<act classCode="ACT" moodCode="EVN"><code code="CONC" codeSystem="2.16.840.1.113883.5.6"/><statusCode code="active"/>
        <entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN"><code code="419199007" codeSystem="2.16.840.1.113883.6.96"/>
        <value xsi:type="CD" code="no-known-allergies" displayName="No known allergies" codeSystem="2.16.840.1.113883.5.1150.1"/></observation></entryRelationship></act>`,
      ],
    },
  ]);
  const x = extractCda(Buffer.from(xml), 't.xml');
  const imm = x.resources.find((r) => r.resource.resourceType === 'Immunization')?.resource as any;
  assert.equal(imm.vaccineCode.coding[0].system, 'http://www.whocc.no/atc');
  const nka = x.resources.find((r) => r.resource.resourceType === 'AllergyIntolerance')?.resource as any;
  assert.deepEqual(nka.code.coding[0], { system: 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips', code: 'no-known-allergies', display: 'No known allergies' });
});
