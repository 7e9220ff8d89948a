// The SQLite log writer thread (see SqliteLogWriter.ts). Plain JavaScript so that it starts the
// same way under tsx, vitest and a bare `node`. It owns a second connection to the same WAL file
// and performs every write of the document log: appending a group of updates (refusing those of
// locked documents), replacing a document's snapshot + folded log rows, and the locks. Reads stay on the main connection (WAL
// readers never wait for this writer).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${workerData.synchronous}`);
db.pragma('busy_timeout = 5000');

const insertUpdate = db.prepare('INSERT INTO document_updates (name, data, created_at) VALUES (?, ?, ?)');
const snapshotSeq = db.prepare('SELECT last_seq FROM document_snapshots WHERE name = ?');
const upsertSnapshot = db.prepare(
  `INSERT INTO document_snapshots (name, state, last_seq, updated_at) VALUES (?, ?, ?, ?)
   ON CONFLICT (name) DO UPDATE SET state = excluded.state, last_seq = excluded.last_seq, updated_at = excluded.updated_at`,
);
const deleteFolded = db.prepare('DELETE FROM document_updates WHERE name = ? AND seq > ? AND seq <= ?');

const isLocked = db.prepare('SELECT 1 FROM document_locks WHERE name = ? LIMIT 1').pluck();
const insertLock = db.prepare('INSERT OR IGNORE INTO document_locks (name, commitment_id, locked_at) VALUES (?, ?, ?)');
const deleteLocks = db.prepare('DELETE FROM document_locks WHERE commitment_id = ?');

/** Writes the entries of unlocked documents; returns the names it refused. */
const append = db.transaction((entries, now) => {
  const refused = new Set();
  const checked = new Set();
  for (const e of entries) {
    if (!checked.has(e.name)) {
      checked.add(e.name);
      if (isLocked.get(e.name)) refused.add(e.name);
    }
    if (!refused.has(e.name)) insertUpdate.run(e.name, e.data, now);
  }
  return [...refused];
});

// Appends run on this thread, one at a time: once the lock rows commit, none is in flight.
const lock = db.transaction((names, commitmentId, now) => {
  for (const n of names) insertLock.run(n, commitmentId, now);
});

/** Refuses (returns false) when the snapshot moved since the caller read it. */
const replaceSnapshot = db.transaction((m) => {
  const current = snapshotSeq.get(m.name)?.last_seq ?? 0;
  if (current !== m.fromSeq) return false;
  upsertSnapshot.run(m.name, m.state, m.toSeq, m.now);
  deleteFolded.run(m.name, m.fromSeq, m.toSeq);
  return true;
});

// Every write transaction is BEGIN IMMEDIATE: it takes the write lock first, waiting through
// busy_timeout. A deferred one that reads first (the lock check) would get SQLITE_BUSY at once
// when the main connection writes meanwhile, instead of waiting for it.
parentPort.on('message', (m) => {
  try {
    let result = null;
    if (m.op === 'append') result = append.immediate(m.entries, m.now);
    else if (m.op === 'snapshot') result = replaceSnapshot.immediate(m);
    else if (m.op === 'lock') lock.immediate(m.names, m.commitmentId, m.now);
    else if (m.op === 'unlock') deleteLocks.run(m.commitmentId);
    else if (m.op === 'close') db.close();
    else throw new Error(`unknown operation ${m.op}`);
    parentPort.postMessage({ id: m.id, ok: true, result });
  } catch (err) {
    parentPort.postMessage({ id: m.id, ok: false, message: err instanceof Error ? err.message : String(err), code: err?.code ?? null });
  }
});
