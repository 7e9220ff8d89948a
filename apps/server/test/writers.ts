import pg from 'pg';
import * as Y from 'yjs';
import { PROBLEM_NODE_ID, type Author } from '@cocrea/domain';
import { addNode, readTree, treeNodes } from '@cocrea/collab';
import { mergeStored } from '../src/collab/DocumentCompactor';
import { PgDocumentStore } from '../src/storage/postgres/PgDocumentStore';
import type { TestClient } from './harness';

/**
 * A client that adds problem-tree nodes whose texts are unique tags (`<name>-<n>`), and counts
 * how many times each tag has appeared in its own copy of the document: a tag seen twice is
 * duplicated content, a tag never seen is a lost or unrelayed edit.
 */
export class Writer {
  /** Tags this client has added, in order (its SaveTracker counts the same edits). */
  readonly sent: string[] = [];
  /** Tag → number of nodes carrying it in this client's document. */
  readonly seen = new Map<string, number>();
  private running = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    readonly client: TestClient,
    private readonly author: Author,
  ) {
    const nodes = treeNodes(client.doc);
    const count = (m: unknown) => {
      const text: unknown = m instanceof Y.Map ? m.get('text') : undefined;
      if (!(text instanceof Y.Text)) return;
      const tag = text.toJSON();
      this.seen.set(tag, (this.seen.get(tag) ?? 0) + 1);
    };
    nodes.forEach(count);
    nodes.observe((e) => {
      for (const [key, change] of e.changes.keys) if (change.action === 'add') count(nodes.get(key));
    });
  }

  /** Local edits the server has confirmed durable ("Guardado"): the first `saved` of {@link sent}. */
  get saved(): number {
    return this.client.tracker.state.saved;
  }

  /** Adds one tagged node. */
  edit(): string {
    const tag = `${this.name}-${this.sent.length}`;
    this.sent.push(tag);
    addNode(this.client.doc, { parentId: PROBLEM_NODE_ID, kind: this.sent.length % 2 ? 'cause' : 'effect', text: tag, author: this.author });
    return tag;
  }

  /** Edits every `intervalMs` until {@link stop}. */
  start(intervalMs: number): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        this.edit();
        await new Promise((r) => setTimeout(r, intervalMs));
      }
    })();
  }

  /** Stops editing; resolves after the last edit. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Whether every tag in `tags` is in this client's document. */
  hasAll(tags: Iterable<string>): boolean {
    for (const t of tags) if (!this.seen.has(t)) return false;
    return true;
  }
}

/** Every tag any of `writers` sent. */
export const allSent = (writers: readonly Writer[]): string[] => writers.flatMap((w) => w.sent);

/** Every tag the writers' servers confirmed durable. */
export const allSaved = (writers: readonly Writer[]): string[] => writers.flatMap((w) => w.sent.slice(0, w.saved));

/** The state vector of a document, comparable with `===`. */
export const stateVector = (doc: Y.Doc): string => Buffer.from(Y.encodeStateVector(doc)).toString('base64');

/**
 * Tag → number of nodes carrying it, read from a whole document (a client's or one rebuilt from
 * storage), for the final exactly-once check.
 */
export function tagCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of readTree(doc).nodes) counts.set(n.text, (counts.get(n.text) ?? 0) + 1);
  return counts;
}

/** What `expected` lacks in `counts`, and what `counts` holds more than once. */
export function missingAndDuplicated(counts: ReadonlyMap<string, number>, expected: Iterable<string>): { missing: string[]; duplicated: string[] } {
  const missing = [...expected].filter((t) => !counts.has(t));
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([t]) => t);
  return { missing, duplicated };
}

/** A document as PostgreSQL holds it (snapshot + log, read directly, no server involved). */
export async function storedDocument(databaseUrl: string, name: string): Promise<Y.Doc> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const stored = await new PgDocumentStore(pool).load(name);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, mergeStored(stored));
    return doc;
  } finally {
    await pool.end();
  }
}
