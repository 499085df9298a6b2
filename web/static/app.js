// Minimal page for the foundation; the full web app replaces it (web/dist takes precedence).
const $ = (s) => document.querySelector(s);
const el = (tag, text) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = String(text); return e; };

async function api(path, init) {
  const res = await fetch(path, init);
  const body = await res.json();
  if (!res.ok) throw new Error(body?.issue?.[0]?.diagnostics ?? res.statusText);
  return body;
}

async function refresh() {
  const people = await api('/api/people');
  const ul = $('#people'); ul.replaceChildren();
  for (const p of people) ul.append(el('li', `${p.displayName}${p.birthDate ? ` (born ${p.birthDate})` : ''}: ${p.counts.documents} documents, ${p.counts.resources} facts`));
  if (!people.length) ul.append(el('li', 'No one yet: import a record to begin.'));
  const docs = await api('/api/documents?limit=200');
  const tb = $('#docs tbody'); tb.replaceChildren();
  for (const d of docs) {
    const tr = el('tr');
    const a = el('a', d.filename); a.href = `/api/documents/${d.id}/original`;
    const td = el('td'); td.append(a);
    tr.append(td, el('td', d.format), el('td', d.state), el('td', d.error ?? (d.label?.resources !== undefined ? `${d.label.resources} facts, ${d.label.pages} pages` : '')));
    tb.append(tr);
  }
}

$('#upload').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const fd = new FormData();
  for (const f of $('#files').files) fd.append('file', f, f.name);
  $('#upload-status').textContent = 'Importing…';
  try {
    const r = await api('/api/documents', { method: 'POST', body: fd });
    $('#upload-status').textContent = r.files.map((f) => `${f.path}: ${f.status}${f.message ? ` (${f.message})` : ''}`).join('; ');
  } catch (e) { $('#upload-status').textContent = `Import failed: ${e.message}`; }
  setTimeout(refresh, 500);
});

$('#search').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const ul = $('#hits'); ul.replaceChildren();
  try {
    const hits = await api(`/api/search?q=${encodeURIComponent($('#q').value)}`);
    for (const h of hits) ul.append(el('li', `${h.kind === 'page' ? `page ${h.page}` : h.resourceType}: ${h.snippet}`));
    if (!hits.length) ul.append(el('li', 'Nothing found.'));
  } catch (e) { ul.append(el('li', e.message)); }
});

refresh();
setInterval(refresh, 5000);
