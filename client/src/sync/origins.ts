/**
 * Transaction origins. Every edit this user makes is wrapped in `doc.transact(fn, LOCAL_ORIGIN)`:
 * the sync provider sends only those, the store skips re-projecting them twice, and
 * Y.UndoManager tracks only them, so undo never reverts someone else's work.
 */
export const LOCAL_ORIGIN = Symbol('local-edit');
/** Updates that arrived from the server (or from IndexedDB on load). */
export const REMOTE_ORIGIN = Symbol('remote');
