/** Builders for the tests: a statement fragment as a CdaNode, or a whole small C-CDA document. */
import type { CdaNode } from './xml.js';
import { elements, parseCdaXml } from './xml.js';

/** Parses `<observation …>…</observation>` (any single element) into a CdaNode. */
export function fragment(xml: string): CdaNode {
  const p = parseCdaXml(`<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${xml}</ClinicalDocument>`);
  if (!p.ok) throw new Error(p.message);
  return elements(p.root)[0];
}

export interface SectionSpec {
  template?: string;
  code: string;
  title: string;
  text?: string;
  entries?: string[];
}

/** A minimal C-CDA R2.1 CCD with the given sections. */
export function cdaDocument(sections: SectionSpec[], opts: { declaration?: boolean; header?: string } = {}): string {
  const body = sections
    .map(
      (s) => `<component><section>${s.template ? `<templateId root="${s.template}" extension="2015-08-01"/>` : ''}<code code="${s.code}" codeSystem="2.16.840.1.113883.6.1"/><title>${s.title}</title><text>${s.text ?? ''}</text>${(s.entries ?? []).map((e) => `<entry>${e}</entry>`).join('')}</section></component>`,
    )
    .join('');
  return `${opts.declaration === false ? '' : '<?xml version="1.0" encoding="UTF-8"?>\n'}<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:sdtc="urn:hl7-org:sdtc">
<realmCode code="US"/><typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
<templateId root="2.16.840.1.113883.10.20.22.1.1" extension="2015-08-01"/><templateId root="2.16.840.1.113883.10.20.22.1.2" extension="2015-08-01"/>
<id root="2.16.840.1.113883.19.5" extension="doc1"/><code code="34133-9" codeSystem="2.16.840.1.113883.6.1" displayName="Summarization of Episode Note"/>
<title>Summary of care</title><effectiveTime value="20190304123000-0500"/>
${opts.header ?? ''}<recordTarget><patientRole><id root="2.16.840.1.113883.19.5.99999.2" extension="998991"/>
<addr use="HP"><streetAddressLine>1357 Amber Drive</streetAddressLine><city>Beaverton</city><state>OR</state><postalCode>97867</postalCode></addr>
<telecom value="tel:+1(555)555-2003" use="HP"/><patient><name use="L"><given>Eve</given><family>Everywoman</family></name>
<administrativeGenderCode code="F" codeSystem="2.16.840.1.113883.5.1"/><birthTime value="19750501"/></patient></patientRole></recordTarget>
<author><time value="20190304"/><assignedAuthor><id root="2.16.840.1.113883.4.6" extension="111"/><assignedPerson><name><given>Henry</given><family>Seven</family></name></assignedPerson>
<representedOrganization><name>Good Health Clinic</name></representedOrganization></assignedAuthor></author>
<custodian><assignedCustodian><representedCustodianOrganization><id root="2.16.840.1.113883.19.5"/><name>Community Health and Hospitals</name></representedCustodianOrganization></assignedCustodian></custodian>
<component><structuredBody>${body}</structuredBody></component></ClinicalDocument>`;
}
