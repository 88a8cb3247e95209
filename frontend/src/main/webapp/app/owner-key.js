// The owner key: the secret with which this browser changes and deletes the models it saved on the server.
// The server hands it out with a first save and keeps only its hash; the page keeps it in local storage and
// presents it as "Authorization: Bearer KEY". Without it, saved models can still be opened by link, not changed.
const STORAGE_KEY = 'nn-playground.owner-key';
const FORM = /^nnp_[A-Za-z0-9_-]{43}$/;

/** The key kept in `storage`, or null (none yet, storage blocked, or something else stored there). */
export function ownerKey(storage) {
  try {
    const key = storage.getItem(STORAGE_KEY);
    return key && FORM.test(key) ? key : null;
  } catch {
    return null;
  }
}

/** Keeps a key the server issued; false when the browser refuses storage (the page then shows the key to copy). */
export function rememberOwnerKey(storage, key) {
  if (!FORM.test(key)) return false;
  try {
    storage.setItem(STORAGE_KEY, key);
    return true;
  } catch {
    return false;
  }
}

/** Request headers that present the key, if there is one. */
export function ownerHeaders(storage) {
  const key = ownerKey(storage);
  return key ? { Authorization: `Bearer ${key}` } : {};
}
