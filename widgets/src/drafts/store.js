// Drafts in IndexedDB, else localStorage; files; fetch (docs/decisions.md).

const STORE = 'drafts';
let opened;

function database() {
  return (opened ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open('hitforms', 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  }));
}

function run(mode, act, fallback) {
  return database().then((db) => {
    if (!db) return fallback(globalThis.localStorage);
    return new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result ?? null);
      tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('the draft store refused'));
    });
  });
}


export function draftGet(key) {
  return run('readonly', (s) => s.get(key), (ls) => ls.getItem(key));
}

export function draftPut(key, text) {
  return run('readwrite', (s) => s.put(text, key), (ls) => ls.setItem(key, text))
    .then(() => database()).then((db) => (db ? 'indexeddb' : 'localstorage'));
}

function draftDelete(key) {
  return run('readwrite', (s) => s.delete(key), (ls) => ls.removeItem(key));
}

export async function draftClear(prefix) {
  for (const key of await draftKeys(prefix)) await draftDelete(key);
}

function draftKeys(prefix) {
  const mine = (keys) => keys.map(String).filter((k) => k.startsWith(prefix));
  return run('readonly', (s) => s.getAllKeys(), (ls) => Object.keys(ls)).then(mine);
}

// [true, text] under `key`, else [false, text] of the newest readable draft
// of another version (key starting with `prefix`), else null.
export async function draftFind(key, prefix) {
  const text = await draftGet(key);
  if (text != null) return [true, text];
  let best = null;
  let when = '';
  for (const other of await draftKeys(prefix)) {
    const found = await draftGet(other);
    try {
      const saved = JSON.parse(found).savedAt;
      if (typeof saved === 'string' && saved > when) [best, when] = [found, saved];
    } catch {}
  }
  return best == null ? null : [false, best];
}

export const now = () => new Date().toISOString();
export const localTime = (iso, lang) => new Date(iso).toLocaleString(lang);

export function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  return response.text();
}

// The chosen file of a file input as [name, text], or null.
export function readChosen(input) {
  const file = input.files && input.files[0];
  input.value = '';
  return file ? file.text().then((text) => [file.name, text]) : Promise.resolve(null);
}
