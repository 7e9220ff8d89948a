// The SQLite log writer thread (see SqliteLogWriter.ts). Plain JavaScript so that it starts the
// same way under tsx, vitest and a bare `node`. It owns a second connection to the same WAL file
// and performs every write of the document log: appending a group of updates (refusing those of
// locked documents), replacing a document's snapshot + folded log rows, and the locks. Reads stay on the main connection (WAL
// readers never wait for this writer).
import fs from 'node:fs';
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

// The files this connection writes through. Removing or replacing cocrea.sqlite-wal (or the
// database) under a running server is not noticed by SQLite: commits keep succeeding into a file
// nobody will ever read again, and whatever the last checkpoint had not copied is lost on restart.
// So the identity (device, inode) of both paths is checked after every write, before it is
// confirmed, and every second; on a change the writer stops confirming for good.
const FILES = [workerData.file, `${workerData.file}-wal`];
/** Reply code of every write refused once the files changed (SqliteLogWriter matches it). */
const HALTED = 'COCREA_SQLITE_FILES_CHANGED';
const identity = new Map();
/** Why this writer stopped confirming, or null. */
let halted = null;

function statOf(file) {
  try {
    const st = fs.statSync(file);
    return { dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}

/** What changed on disk since the connection opened its files, or null. */
function filesChanged() {
  for (const file of FILES) {
    const known = identity.get(file);
    const now = statOf(file);
    // The WAL appears with the first connection's first read; record it when first seen.
    if (!known) {
      if (now) identity.set(file, now);
      continue;
    }
    if (!now) return `${file} was removed while the server was running`;
    if (now.dev !== known.dev || now.ino !== known.ino) return `${file} was replaced while the server was running`;
  }
  return null;
}

/**
 * Stops confirming, after saving what was already confirmed: commits in a removed WAL are still
 * readable through this connection's open file, so a checkpoint copies them into the database
 * file; a removed database file is rebuilt from this connection with VACUUM INTO (a replaced one
 * gets a copy beside it). Nothing is written through this connection afterwards.
 */
function halt(reason) {
  halted = reason;
  const rescue = [];
  try {
    const dbNow = statOf(workerData.file);
    const dbKnown = identity.get(workerData.file);
    if (dbNow && dbKnown && dbNow.dev === dbKnown.dev && dbNow.ino === dbKnown.ino) {
      const [r] = db.pragma('wal_checkpoint(FULL)');
      rescue.push(`checkpointed ${r?.checkpointed ?? '?'} of ${r?.log ?? '?'} WAL frames into the database file${r?.busy ? ' (busy: incomplete)' : ''}`);
    } else {
      const target = dbNow ? `${workerData.file}.rescued-${Date.now()}` : workerData.file;
      db.prepare('VACUUM INTO ?').run(target);
      rescue.push(`copied the whole database into ${target}`);
    }
  } catch (err) {
    rescue.push(`rescue failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  halted = `${reason}; ${rescue.join('; ')}; writes are no longer confirmed until a restart`;
  parentPort.postMessage({ event: 'halted', reason: halted });
}

function check() {
  if (halted) return;
  const changed = filesChanged();
  if (changed) halt(changed);
}

function refuseIfHalted() {
  if (!halted) return;
  throw Object.assign(new Error(halted), { code: HALTED });
}

db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
check();
const watch = setInterval(check, 1000);

// Every write transaction is BEGIN IMMEDIATE: it takes the write lock first, waiting through
// busy_timeout. A deferred one that reads first (the lock check) would get SQLITE_BUSY at once
// when the main connection writes meanwhile, instead of waiting for it.
parentPort.on('message', (m) => {
  try {
    let result = null;
    if (m.op === 'close') {
      clearInterval(watch);
      db.close();
      parentPort.postMessage({ id: m.id, ok: true, result });
      return;
    }
    check();
    refuseIfHalted();
    if (m.op === 'append') result = append.immediate(m.entries, m.now);
    else if (m.op === 'snapshot') result = replaceSnapshot.immediate(m);
    else if (m.op === 'lock') lock.immediate(m.names, m.commitmentId, m.now);
    else if (m.op === 'unlock') deleteLocks.run(m.commitmentId);
    else throw new Error(`unknown operation ${m.op}`);
    // Committed, but confirmed only if it went to the files a restart will read.
    check();
    refuseIfHalted();
    parentPort.postMessage({ id: m.id, ok: true, result });
  } catch (err) {
    parentPort.postMessage({ id: m.id, ok: false, message: err instanceof Error ? err.message : String(err), code: err?.code ?? null });
  }
});
