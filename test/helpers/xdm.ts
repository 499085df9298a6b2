/** Builds IHE XDM METADATA.XML for tests (src/ingest/xdm.test.ts, test/foundation/xdm.test.ts). */
/** A METADATA.XML as XDM media writers make it (ebRIM 3.0, namespace prefixes, one entry with a split URI). */
export function xdmMetadata(docs: Array<{ id: string; uri: string | string[]; title: string; created: string; author?: string; institution?: string; mime?: string; classCode?: [string, string] }>): string {
  const slot = (name: string, values: string[]) => `<rim:Slot name="${name}"><rim:ValueList>${values.map((v) => `<rim:Value>${v}</rim:Value>`).join('')}</rim:ValueList></rim:Slot>`;
  const entries = docs.map((d) => `
    <rim:ExtrinsicObject id="${d.id}" mimeType="${d.mime ?? 'text/xml'}" objectType="urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1">
      ${slot('creationTime', [d.created])}
      ${slot('sourcePatientId', ['MRN-1^^^&amp;1.2.3.4&amp;ISO'])}
      ${slot('size', ['1234'])}
      ${slot('URI', Array.isArray(d.uri) ? d.uri : [d.uri])}
      <rim:Name><rim:LocalizedString xml:lang="en-us" value="${d.title}"/></rim:Name>
      <rim:Classification classificationScheme="urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d" classifiedObject="${d.id}" nodeRepresentation="" id="a-${d.id}">
        ${slot('authorPerson', [d.author ?? '^Welby^Marcus^^^Dr'])}
        ${slot('authorInstitution', [d.institution ?? 'Good Health Clinic^^^^^^^^^1.2.3.4.5'])}
      </rim:Classification>
      <rim:Classification classificationScheme="urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a" classifiedObject="${d.id}" nodeRepresentation="${(d.classCode ?? ['34133-9', 'Summary of episode note'])[0]}" id="c-${d.id}">
        ${slot('codingScheme', ['2.16.840.1.113883.6.1'])}
        <rim:Name><rim:LocalizedString value="${(d.classCode ?? ['34133-9', 'Summary of episode note'])[1]}"/></rim:Name>
      </rim:Classification>
      <rim:Classification classificationScheme="urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d" classifiedObject="${d.id}" nodeRepresentation="urn:ihe:pcc:xphr:2007" id="f-${d.id}">
        ${slot('codingScheme', ['1.3.6.1.4.1.19376.1.2.3'])}
      </rim:Classification>
      <rim:ExternalIdentifier identificationScheme="urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427" value="MRN-1^^^&amp;1.2.3.4&amp;ISO" id="p-${d.id}" registryObject="${d.id}"/>
      <rim:ExternalIdentifier identificationScheme="urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab" value="1.2.3.4.99.${d.id.length}" id="u-${d.id}" registryObject="${d.id}"/>
    </rim:ExtrinsicObject>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">
  <rim:RegistryObjectList>${entries}
    <rim:RegistryPackage id="SubmissionSet01">
      ${slot('submissionTime', ['20240312101500'])}
      <rim:Name><rim:LocalizedString value="Records for Jane Doe"/></rim:Name>
      <rim:Classification classificationScheme="urn:uuid:a7058bb9-b4e4-4316-ba5b-37e0d6fb9f4c" classifiedObject="SubmissionSet01" nodeRepresentation="" id="sa">
        ${slot('authorInstitution', ['Good Health Clinic'])}
      </rim:Classification>
      <rim:ExternalIdentifier identificationScheme="urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446" value="MRN-1^^^&amp;1.2.3.4&amp;ISO" id="sp" registryObject="SubmissionSet01"/>
    </rim:RegistryPackage>
  </rim:RegistryObjectList>
</lcm:SubmitObjectsRequest>`;
}
