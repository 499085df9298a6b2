// Recipient viewer for SMART Health Links served by Vessel. The link's fragment holds
// `shlink:/<base64url JSON>` with the manifest URL and the AES-256-GCM key; the fragment is
// never sent to any server. Files are compact JWE (alg dir, enc A256GCM), decrypted here
// with WebCrypto. Shared narratives are rebuilt from an allow-list of elements, never
// inserted as HTML.

const $ = (id) => document.getElementById(id);

function b64urlBytes(s) {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function status(text, error = false) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', error);
}

export function parseShlink(hash) {
  const i = hash.indexOf('shlink:/');
  if (i < 0) throw new Error('This address does not hold a SMART Health Link.');
  const json = new TextDecoder().decode(b64urlBytes(hash.slice(i + 'shlink:/'.length)));
  const p = JSON.parse(json);
  if (typeof p.url !== 'string' || typeof p.key !== 'string' || b64urlBytes(p.key).length !== 32) throw new Error('The link is damaged.');
  return p;
}

export async function decryptJwe(jwe, keyBytes) {
  const [h, ek, iv, ct, tag] = jwe.split('.');
  const header = JSON.parse(new TextDecoder().decode(b64urlBytes(h)));
  if (header.alg !== 'dir' || header.enc !== 'A256GCM' || ek) throw new Error('Unsupported encryption.');
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'AES-GCM' }, false, ['decrypt']);
  const c = b64urlBytes(ct);
  const t = b64urlBytes(tag);
  const data = new Uint8Array(c.length + t.length);
  data.set(c);
  data.set(t, c.length);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: b64urlBytes(iv), additionalData: new TextEncoder().encode(h), tagLength: 128 }, key, data);
  if (header.zip === 'DEF') throw new Error('Compressed files are not supported by this viewer.');
  return new TextDecoder().decode(plain);
}

// --- rendering ---------------------------------------------------------------------------
const ALLOWED = new Set(['DIV', 'P', 'SPAN', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'UL', 'OL', 'LI', 'B', 'I', 'STRONG', 'EM', 'BR', 'H3', 'H4']);

function safeCopy(node, into) {
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) into.append(child.textContent);
    else if (child.nodeType === Node.ELEMENT_NODE) {
      const tag = child.tagName.toUpperCase();
      if (ALLOWED.has(tag)) {
        const el = document.createElement(tag.toLowerCase());
        safeCopy(child, el);
        into.append(el);
      } else if (tag !== 'SCRIPT' && tag !== 'STYLE') safeCopy(child, into);
    }
  }
}

function narrative(xhtml) {
  const box = document.createElement('div');
  const doc = new DOMParser().parseFromString(xhtml ?? '', 'application/xhtml+xml');
  if (doc.querySelector('parsererror')) box.textContent = '(narrative could not be read)';
  else safeCopy(doc.documentElement, box);
  return box;
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function renderBundle(b, out) {
  const entries = b.entry ?? [];
  const comp = entries[0]?.resource;
  if (b.type === 'document' && comp?.resourceType === 'Composition') {
    const pat = entries.find((e) => e.fullUrl === comp.subject?.reference)?.resource;
    out.append(el('h2', comp.title ?? 'Patient summary'));
    if (pat) {
      const n = pat.name?.[0];
      const name = n?.text ?? [n?.given?.join(' '), n?.family].filter(Boolean).join(' ');
      out.append(el('p', [name, pat.birthDate ? `born ${pat.birthDate}` : '', pat.gender ?? ''].filter(Boolean).join(' · '), 'patient'));
    }
    for (const s of comp.section ?? []) {
      const sec = el('section');
      sec.append(el('h2', s.title ?? 'Section'));
      sec.append(narrative(s.text?.div));
      out.append(sec);
    }
    return;
  }
  out.append(el('h2', `FHIR ${b.type ?? ''} bundle`));
  out.append(el('p', `${entries.length} resources`));
}

function renderDocumentReference(d, out) {
  const sec = el('section', undefined, 'doc');
  sec.append(el('h2', d.description ?? 'Document'));
  for (const c of d.content ?? []) {
    const a = c.attachment ?? {};
    if (!a.data) continue;
    const blob = new Blob([b64urlBytes(a.data.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))], { type: a.contentType ?? 'application/octet-stream' });
    const link = el('a', `Open ${a.title ?? 'the document'} (${a.contentType ?? 'file'}, ${Math.round((a.size ?? blob.size) / 1024)} KB)`);
    link.href = URL.createObjectURL(blob);
    link.download = a.title ?? 'document';
    sec.append(link);
    if ((a.contentType ?? '').startsWith('text/')) blob.text().then((t) => sec.append(el('pre', t)));
  }
  out.append(sec);
}

function render(json, out) {
  const r = JSON.parse(json);
  if (r.resourceType === 'Bundle') renderBundle(r, out);
  else if (r.resourceType === 'DocumentReference') renderDocumentReference(r, out);
  else out.append(el('p', `A ${r.resourceType ?? 'file'} was shared.`));
}

// --- flow --------------------------------------------------------------------------------
async function open(p, recipient, passcode) {
  status('Fetching the shared files…');
  const res = await fetch(p.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ recipient, passcode: passcode || undefined }) });
  const body = await res.json().catch(() => ({}));
  if (res.status === 401) {
    status(body.remainingAttempts > 0 ? `Wrong passcode. ${body.remainingAttempts} attempts left.` : 'Wrong passcode. The link is now disabled.', true);
    return false;
  }
  if (!res.ok) {
    status('This link is no longer active (expired, revoked or unknown).', true);
    $('unlock').hidden = true;
    return false;
  }
  const key = b64urlBytes(p.key);
  const out = $('content');
  out.replaceChildren();
  for (const f of body.files ?? []) {
    const jwe = f.embedded ?? (await (await fetch(f.location)).text());
    render(await decryptJwe(jwe, key), out);
  }
  $('unlock').hidden = true;
  status(`Shared with ${recipient}. ${body.files?.length ?? 0} file(s), decrypted in this browser.`);
  return true;
}

async function main() {
  let p;
  try {
    p = parseShlink(location.hash);
  } catch (err) {
    return status(err.message, true);
  }
  if (p.label) $('title').textContent = p.label;
  if (p.exp && p.exp * 1000 < Date.now()) return status('This link has expired.', true);
  const form = $('unlock');
  form.hidden = false;
  $('passcode-row').hidden = !(p.flag ?? '').includes('P');
  status((p.flag ?? '').includes('P') ? 'Enter your name and the passcode you were given.' : 'Enter your name or clinic to open the shared records.');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    open(p, $('recipient').value.trim(), $('passcode').value).catch((err) => status(`Could not open the link: ${err.message}`, true));
  });
}

if (typeof document !== 'undefined' && document.getElementById('status')) main();
