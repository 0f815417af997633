// Drafts on this device and data files: the small part of drafts that is
// easier and smaller in JS than through web-sys bindings (docs/decisions.md).
// Drafts are JSON texts by key in IndexedDB (database "hitforms", store
// "drafts"), or in localStorage where IndexedDB is absent or refused. Every
// storage function returns a promise that rejects with the reason (quota,
// private mode…), so that the widget shows it instead of losing it.

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

/** Where drafts go: "indexeddb" or "localstorage". */
export function storageKind() {
  return database().then((db) => (db ? 'indexeddb' : 'localstorage'));
}

/** The draft text under `key`, or null. */
export function draftGet(key) {
  return run('readonly', (s) => s.get(key), (ls) => ls.getItem(key));
}

/** Stores the draft text under `key`. */
export function draftPut(key, text) {
  return run('readwrite', (s) => s.put(text, key), (ls) => ls.setItem(key, text));
}

/** Removes the draft under `key`. */
export function draftDelete(key) {
  return run('readwrite', (s) => s.delete(key), (ls) => ls.removeItem(key));
}

/** Every key that starts with `prefix`. */
export function draftKeys(prefix) {
  const mine = (keys) => keys.map(String).filter((k) => k.startsWith(prefix));
  return run('readonly', (s) => s.getAllKeys(), (ls) => Object.keys(ls)).then(mine);
}

/** Offers `text` as a download named `name` (a JSON file). */
export function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The chosen file of a file input as [name, text]; null when none is chosen. */
export function readChosen(input) {
  const file = input.files && input.files[0];
  input.value = '';
  return file ? file.text().then((text) => [file.name, text]) : Promise.resolve(null);
}
