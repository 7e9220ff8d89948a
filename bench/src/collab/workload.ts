import * as Y from 'yjs';
import { PROBLEM_NODE_ID } from '@cocrea/domain';
import { addNode, applyTextChange, nodeText, seedTreeDoc } from '@cocrea/collab';
import type { BenchClient } from './client';
import { Histogram } from './histogram';
import { now } from './procs';

/**
 * The edit every client makes, on every server: typing one character into "its" node of the
 * problem tree (`applyTextChange`, a node's text is cleared after 40 characters) and, one edit in
 * 25, adding a child node (`addNode`) and typing there from then on. In the same transaction,
 * so in the same update, the client writes `{ s: seq, t: time }` under its key of the `bench`
 * map: the timestamp every peer reads to measure the latency.
 */
export const BENCH_MAP = 'bench';
const ADD_EVERY = 25;
const MAX_TEXT = 40;
const LETTERS = 'abcdefghijklmnñopqrstuvwxyz ';

export interface Stamp {
  s: number;
  t: number;
}

/** One edit as its writer saw it (crash scenario). */
export interface EditRecord {
  /** Time of the edit (shared clock, ms). */
  t: number;
  /** The writer's clock after the edit: the edit survived iff the server's state vector reaches it. */
  endClock: number;
  /** When the server acknowledged it (`NaN` if it never did). */
  ackedAt: number;
}

/** Seeds a stock server's document with the same shape as cocrea's seeded tree. */
export function seedLikeCocrea(doc: Y.Doc, docName: string): void {
  seedTreeDoc(doc, { mesaId: docName, problemText: 'Baja calidad del agua', createdAt: new Date().toISOString() });
}

export class Editor {
  readonly key: string;
  seq = 0;
  private current: string = PROBLEM_NODE_ID;
  private readonly author: { id: string; name: string };
  records: EditRecord[] | null = null;
  private unsubscribeAck: (() => void) | null = null;

  constructor(readonly client: BenchClient) {
    this.key = `c${client.spec.index}`;
    this.author = { id: `u${client.spec.index}`, name: `Persona ${client.spec.index}` };
  }

  /** `true` once {@link setup} has run. */
  isSetUp = false;

  /** Adds the node this client types into. */
  setup(): void {
    this.isSetUp = true;
    const kind = this.client.spec.index % 2 === 0 ? 'cause' : 'effect';
    this.current = addNode(this.client.doc, { parentId: PROBLEM_NODE_ID, kind, text: '', author: this.author });
  }

  /** Adds `count` nodes with a short text under this client's node (a small tree). */
  addChildren(count: number): void {
    for (let i = 0; i < count; i++) {
      addNode(this.client.doc, { parentId: this.current, text: `Causa ${i + 1} de la persona ${this.client.spec.index}`, author: this.author });
    }
  }

  /** Starts keeping an {@link EditRecord} per edit, with acknowledgement times. */
  recordEdits(): void {
    this.records = [];
    const firstIndex = this.client.localUpdates; // local update index of the first recorded edit - 1
    this.unsubscribeAck?.();
    this.unsubscribeAck = this.client.onAck((acked) => {
      const records = this.records;
      if (!records) return;
      const t = now();
      for (let i = Math.min(acked - firstIndex, records.length) - 1; i >= 0; i--) {
        const r = records[i] as EditRecord;
        if (!Number.isNaN(r.ackedAt)) break;
        r.ackedAt = t;
      }
    });
  }

  /** Makes one edit (one transaction, one update); returns its timestamp. */
  edit(): number {
    const doc = this.client.doc;
    const seq = ++this.seq;
    const t = now();
    doc.transact(() => {
      if (seq % ADD_EVERY === 0) {
        this.current = addNode(doc, { parentId: this.current, text: '', author: this.author });
      } else {
        const text = nodeText(doc, this.current);
        if (text) {
          const prev = text.toJSON();
          applyTextChange(text, prev.length >= MAX_TEXT ? '' : prev + (LETTERS[seq % LETTERS.length] as string));
        }
      }
      doc.getMap<Stamp>(BENCH_MAP).set(this.key, { s: seq, t });
    });
    this.records?.push({ t, endClock: Y.getState(doc.store, doc.clientID), ackedAt: Number.NaN });
    return t;
  }

  stopRecording(): void {
    this.unsubscribeAck?.();
    this.unsubscribeAck = null;
  }
}

/** Per-edit arrival summary, merged across processes: the first and the slowest peer, and how many got it. */
export interface EditArrival {
  min: number;
  max: number;
  n: number;
}

/**
 * Measures, at every client of a process, the arrival of other clients' stamps: one sample per
 * (edit, peer) in `deliveries`, and per edit the latest arrival and how many peers saw it.
 */
export class LatencyRecorder {
  readonly deliveries = new Histogram();
  readonly perEdit = new Map<string, EditArrival>();
  /** Stamps a peer never saw because a later one from the same writer arrived first. */
  skipped = 0;
  private from = Number.POSITIVE_INFINITY;
  private until = Number.NEGATIVE_INFINITY;

  /** Records stamps written in [from, until] (shared clock). */
  window(from: number, until: number): void {
    this.from = from;
    this.until = until;
  }

  /** `true` if an edit stamped at `t` is measured. */
  inWindow(t: number): boolean {
    return t >= this.from && t <= this.until;
  }

  /** Forgets every sample and closes the window (the observers stay). */
  reset(): void {
    this.deliveries.reset();
    this.perEdit.clear();
    this.skipped = 0;
    this.window(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
  }

  watch(client: BenchClient): void {
    const own = `c${client.spec.index}`;
    const lastSeq = new Map<string, number>();
    const map = client.doc.getMap<Stamp>(BENCH_MAP);
    map.observe((event, tr) => {
      if (!client.isRemote(tr.origin)) return;
      const arrived = now();
      for (const key of event.keysChanged as Set<string>) {
        if (key === own) continue;
        const v = map.get(key);
        if (!v) continue;
        const last = lastSeq.get(key);
        if (last !== undefined && v.s <= last) continue;
        if (last !== undefined) this.skipped += v.s - last - 1;
        lastSeq.set(key, v.s);
        if (v.t < this.from || v.t > this.until) continue;
        const ms = arrived - v.t;
        this.deliveries.record(ms);
        const id = `${key}:${v.s}`;
        const e = this.perEdit.get(id);
        if (e) {
          e.n++;
          if (ms > e.max) e.max = ms;
          if (ms < e.min) e.min = ms;
        } else this.perEdit.set(id, { min: ms, max: ms, n: 1 });
      }
    });
  }
}
