import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCdaXml, decodeEntities, textOf, kid } from './xml.js';
import { extractCda } from './extract.js';

test('a document declaring entities (XXE) is rejected with an error and no resources', () => {
  const xxe = `<?xml version="1.0"?><!DOCTYPE ClinicalDocument [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><ClinicalDocument><title>&xxe;</title></ClinicalDocument>`;
  const x = extractCda(Buffer.from(xxe));
  assert.equal(x.resources.length, 0);
  assert.equal(x.issues[0].severity, 'error');
  assert.equal(x.issues[0].code, 'xml-entities');
  assert.ok(!JSON.stringify(x).includes('root:'));
});

test('billion laughs is rejected before any expansion', () => {
  const lol = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><ClinicalDocument><title>&lol3;</title></ClinicalDocument>`;
  const r = parseCdaXml(lol);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.code, 'xml-entities');
});

test('only the predefined entities and character references are decoded', () => {
  assert.equal(decodeEntities('a &lt;b&gt; &amp; &#233;&#x41; &custom;'), 'a <b> & éA &custom;');
  const r = parseCdaXml('<ClinicalDocument><title>Smith &amp; Sons</title></ClinicalDocument>');
  assert.ok(r.ok);
  assert.equal(r.ok && textOf(kid(r.root, 'title')), 'Smith & Sons');
});

test('excessive nesting is refused without throwing', () => {
  const deep = '<ClinicalDocument>' + '<a>'.repeat(1000) + '</a>'.repeat(1000) + '</ClinicalDocument>';
  const r = parseCdaXml(deep);
  assert.equal(r.ok, false);
});

test('namespace prefixes are dropped from element names (cda:ClinicalDocument)', () => {
  const r = parseCdaXml('<cda:ClinicalDocument xmlns:cda="urn:hl7-org:v3"><cda:title>T</cda:title></cda:ClinicalDocument>');
  assert.ok(r.ok);
  assert.equal(r.ok && textOf(kid(r.root, 'title')), 'T');
});

test('garbage input never throws and says why nothing was read', () => {
  const inputs = [Buffer.alloc(0), Buffer.from('not xml at all'), Buffer.from('<ClinicalDocument><unclosed>'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00]), Buffer.from('<html><body>hi</body></html>'), Buffer.from('<?xml version="1.0"?>')];
  for (const b of inputs) {
    const x = extractCda(b);
    assert.ok(Array.isArray(x.resources));
    if (!x.resources.length && !x.pages?.length) assert.ok(x.issues.length > 0, `an issue for ${b.toString('latin1').slice(0, 20)}`);
  }
});

test('text split by comments and CDATA reads as one text node', () => {
  const r = parseCdaXml('<ClinicalDocument><title>Blood <!-- vendor note -->pressure <![CDATA[& pulse]]></title></ClinicalDocument>');
  assert.ok(r.ok && !r.lenient);
  const title = r.ok ? kid(r.root, 'title') : undefined;
  assert.equal(title?.children.length, 1);
  assert.equal(textOf(title), 'Blood pressure & pulse');
});

test('a document that is not well-formed (raw &, HTML entity) is read leniently and says so', () => {
  const x = extractCda(Buffer.from('<ClinicalDocument xmlns="urn:hl7-org:v3"><title>Smith & Sons &nbsp;Clinic</title></ClinicalDocument>'));
  const warning = x.issues.find((i) => i.code === 'xml-not-well-formed');
  assert.ok(warning, 'a warning names the problem');
  assert.equal(warning.severity, 'warning');
  const r = parseCdaXml('<ClinicalDocument><title>Smith & Sons &nbsp;Clinic</title></ClinicalDocument>');
  assert.ok(r.ok && r.lenient);
  assert.equal(r.ok && textOf(kid(r.root, 'title')), 'Smith & Sons &nbsp;Clinic');
});
