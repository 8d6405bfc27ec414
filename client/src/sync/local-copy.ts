/**
 * The browser's copy of a board (y-indexeddb), and how it is replaced after a rebuild.
 *
 * y-indexeddb appends every update to an `updates` store and loads them all on open, so a
 * refused edit it stored would come back on the next reload. After a rebuild the store is
 * emptied and given the new document's state in one IndexedDB transaction, before a new
 * IndexeddbPersistence is attached; a reload at any moment therefore finds either the old
 * copy (whose refused part the server refuses again, and which is rebuilt again) or the new one.
 * The database keeps its name and version, so another tab holding it open blocks nothing.
 */
import * as idb from 'lib0/indexeddb';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

const UPDATES_STORE = 'updates';

/** The IndexedDB name of a session's board. */
export const localCopyName = (sessionId: string): string => `designroom:${sessionId}`;

async function overwrite(name: string, doc: Y.Doc): Promise<void> {
  const db = await idb.openDB(name, (db) =>
    idb.createStores(db, [
      [UPDATES_STORE, { autoIncrement: true }],
      ['custom'],
    ]),
  );
  try {
    const [store] = idb.transact(db, [UPDATES_STORE]);
    await idb.rtop(store!.clear());
    await idb.rtop(store!.add(Y.encodeStateAsUpdate(doc)));
  } finally {
    db.close();
  }
}

/** A board's copy in this browser, which can be moved to a rebuilt document. */
export class LocalCopy {
  private persistence: IndexeddbPersistence;
  private moving: Promise<void> = Promise.resolve();

  constructor(
    private readonly name: string,
    doc: Y.Doc,
  ) {
    this.persistence = new IndexeddbPersistence(name, doc);
  }

  /** Resolves once the stored updates are in the document. */
  get whenLoaded(): Promise<unknown> {
    return this.persistence.whenSynced;
  }

  /** Replaces the stored copy with `doc`'s state, then keeps storing `doc`'s updates. */
  replace(doc: Y.Doc): Promise<void> {
    const old = this.persistence;
    this.moving = this.moving
      .then(async () => {
        await old.destroy();
        await overwrite(this.name, doc);
      })
      .catch(() => {
        // IndexedDB unavailable (a private window, say): the server's copy is the only one.
      })
      .then(() => {
        this.persistence = new IndexeddbPersistence(this.name, doc);
      });
    return this.moving;
  }

  destroy(): Promise<void> {
    return this.moving.then(() => this.persistence.destroy());
  }
}
