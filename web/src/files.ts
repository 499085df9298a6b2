/** Files out of a drop: plain files, and whole folders walked through webkitGetAsEntry. */

export interface PickedFile {
  file: File;
  /** Path inside the dropped folder, or the file name. */
  path: string;
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const out: FileSystemEntry[] = [];
    // readEntries returns at most ~100 entries per call: keep reading until empty.
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) return resolve(out);
        out.push(...batch);
        next();
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, prefix: string, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ file, path: prefix + file.name });
  } else if (entry.isDirectory) {
    const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const c of children) await walk(c, `${prefix}${entry.name}/`, out);
  }
}

export async function filesFromDrop(dt: DataTransfer): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  const items = Array.from(dt.items ?? []).filter((i) => i.kind === 'file');
  // Entries must be taken synchronously, before the first await: the list empties after.
  const entries = items.map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null));
  const plain = items.map((i) => i.getAsFile());
  for (let i = 0; i < items.length; i++) {
    const e = entries[i];
    if (e) await walk(e, '', out);
    else if (plain[i]) out.push({ file: plain[i]!, path: plain[i]!.name });
  }
  if (!items.length) for (const f of Array.from(dt.files)) out.push({ file: f, path: f.name });
  return out;
}

export function filesFromInput(list: FileList | null): PickedFile[] {
  return Array.from(list ?? []).map((f) => ({ file: f, path: f.webkitRelativePath || f.name }));
}
