import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SaveTracker } from '@cocrea/collab';
import { newId } from '../src/ids';
import { adminOf, api, bearer, createMesa, join, signedIn, signIn, storageOf, waitFor, type ApiAnswer, type JoinResponse, type Session, type startTestServer } from './harness';
import type { MatrixRole } from './permissionsDoc';
import { feasibleReview, fillRoadmap } from './roadmapFixture';
import { dumpDifference, dumpState } from './stateDump';

/**
 * `ws` with a listener for `error`: a provider destroyed while its socket is reconnecting after
 * a refusal makes `ws` report "closed before the connection was established" as an event.
 */
class QuietWebSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    this.on('error', () => undefined);
  }
}

/** A test server as the matrix tests use it. */
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Where an action is tried: the caller's own mesa, another mesa, or its own mesa once closed. */
export type Scope = 'own' | 'other' | 'closed';

/** One HTTP request; `as` sends it with another session of the same account (sign-out). */
export interface Req {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  as?: Session;
}

/** A provider client whose refusals and socket closes are recorded. */
export interface Watched {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  tracker: SaveTracker;
  /** `permission-denied` reasons received. */
  denials: string[];
  /** Close events of the socket, in order. */
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/**
 * The cast and the stage of the permission matrix: one account per role, a participant, three
 * mesas (A: everyone's own — the expert is a member, the participant joined it; B: nobody's; C:
 * closed, with its own participant), and builders for fresh targets in the state an action needs.
 * Every fixture is made by the administrator over REST (or by a facilitator over the WebSocket).
 */
export class MatrixWorld {
  A = '';
  B = '';
  C = '';
  /** Like A (the expert is a member, a participant joined), but no commitment of it is ever finalized: its tree stays writable. */
  D = '';
  admin!: Session;
  facilitator!: Session;
  stm!: Session;
  expert!: Session;
  participant!: JoinResponse;
  /** A participant of the closed mesa C. */
  closedParticipant!: JoinResponse;
  /** A participant of mesa D. */
  liveParticipant!: JoinResponse;
  private readonly clients: Watched[] = [];

  constructor(readonly server: TestServer) {}

  /** Creates the cast. */
  async setUp(): Promise<void> {
    const base = this.server.url;
    this.admin = await adminOf(base);
    [this.A, this.B, this.C, this.D] = [await createMesa(base, 'Mesa A'), await createMesa(base, 'Mesa B'), await createMesa(base, 'Mesa C'), await createMesa(base, 'Mesa D')];
    this.facilitator = await signedIn(this.server, 'facilitator', { name: 'Fátima Facilitadora' });
    this.stm = await signedIn(this.server, 'stm', { name: 'Samuel STM' });
    this.expert = await signedIn(this.server, 'expert', { name: 'Elena Experta', mesaIds: [this.A, this.C, this.D] });
    this.participant = await join(base, this.A, 'Paula Participante');
    this.closedParticipant = await join(base, this.C, 'Carmen Participante');
    this.liveParticipant = await join(base, this.D, 'Diana Participante');
    await this.ok(this.admin.api('PATCH', `/api/mesas/${this.C}`, { status: 'cerrada' }));
  }

  /** The mesa an action in `scope` is tried on. */
  mesa(scope: Scope): string {
    return scope === 'own' ? this.A : scope === 'other' ? this.B : this.C;
  }

  /** Sends `req` as `role` (the participant of C for the `closed` scope). */
  send(role: MatrixRole, req: Req, scope: Scope = 'own'): Promise<ApiAnswer<{ error?: { code: string } } & Record<string, unknown>>> {
    if (req.as) return req.as.api(req.method, req.url, req.body);
    switch (role) {
      case 'admin':
      case 'facilitator':
      case 'stm':
      case 'expert':
        return this[role].api(req.method, req.url, req.body);
      case 'participant':
        return api(this.server.url, req.method, req.url, req.body, bearer((scope === 'closed' ? this.closedParticipant : this.participant).token));
      case 'public':
        return api(this.server.url, req.method, req.url, req.body);
    }
  }

  /** The session of an account role. */
  session(role: 'admin' | 'facilitator' | 'stm' | 'expert'): Session {
    return this[role];
  }

  /** Throws unless `r` succeeded; returns its body. */
  async ok<T>(r: Promise<ApiAnswer<T>>): Promise<T> {
    const a = await r;
    if (a.status < 200 || a.status > 299) throw new Error(`fixture request failed: ${a.status} ${JSON.stringify(a.body)}`);
    return a.body;
  }

  /** A unique email. */
  email(label = 'x'): string {
    return `${label}-${newId(8).toLowerCase()}@cocrea.test`;
  }

  /** A pending invitation (by the admin) and its token. */
  async invitation(role: 'stm' | 'expert' | 'facilitator' = 'stm'): Promise<{ id: string; token: string }> {
    const body = await this.ok(
      this.admin.api<{ invitation: { id: string }; url: string }>('POST', '/api/invitations', { email: this.email(role), role, ...(role === 'expert' ? { mesaId: this.A } : {}) }),
    );
    return { id: body.invitation.id, token: body.url.split('/invitaciones/')[1] as string };
  }

  /** A new account of `role` (its session not needed). */
  async account(role: 'stm' | 'expert' = 'expert'): Promise<{ id: string; email: string }> {
    const s = await signedIn(this.server, role);
    return { id: s.account.id, email: s.account.email };
  }

  /** Another session of the same account as `s`. */
  anotherSession(s: Session): Promise<Session> {
    return this.signInAs(s.account.email);
  }

  /** A new session of the account with `email` (seeded with the test password). */
  signInAs(email: string): Promise<Session> {
    return signIn(this.server.url, email);
  }

  /** A commitment of `mesaId` brought by the admin (and a facilitator's client) to `state`. */
  async commitment(mesaId: string, state: 'preliminar' | 'revisado' | 'definitivo' | 'completo' | 'finalizado'): Promise<{ id: string; roadmap: string }> {
    const created = await this.ok(
      this.admin.api<{ commitment: { id: string }; documents: { roadmap: string } }>('POST', `/api/mesas/${mesaId}/commitments`, { title: `Compromiso ${newId(4)}` }),
    );
    const id = created.commitment.id;
    const to = ['preliminar', 'revisado', 'definitivo', 'completo', 'finalizado'].indexOf(state);
    if (to >= 1) await this.ok(this.admin.api('POST', `/api/commitments/${id}/review`, feasibleReview));
    if (to >= 2) await this.ok(this.admin.api('POST', `/api/commitments/${id}/definitive`));
    if (to >= 3) {
      const writer = await this.open(created.documents.roadmap, (await this.admin.token(mesaId)).token);
      fillRoadmap(writer.doc);
      await waitFor(() => writer.tracker.state.isSaved, 'roadmap filled');
      writer.destroy();
      // Let the roadmap unload and its log fold into the snapshot before anything reads it back:
      // a read racing that compaction is not what these tests are about.
      await this.quiet();
      await this.compacted(created.documents.roadmap);
    }
    if (to >= 4) await this.ok(this.admin.api('POST', `/api/commitments/${id}/finalize`));
    return { id, roadmap: created.documents.roadmap };
  }

  /** A draft PAM, with the finalized commitment `entry` if given; approved, or published, on request. */
  async pam(entry?: string, state: 'borrador' | 'aprobado' | 'publicado' = 'borrador'): Promise<string> {
    const { pam } = await this.ok(this.admin.api<{ pam: { id: string } }>('POST', '/api/pams', { title: `PAM ${newId(4)}`, municipality: 'Toluca', launchDate: '2027-02-01' }));
    if (entry) await this.ok(this.admin.api('POST', `/api/pams/${pam.id}/entries`, { commitmentId: entry }));
    if (state !== 'borrador') await this.ok(this.admin.api('POST', `/api/pams/${pam.id}/approve`));
    if (state === 'publicado') await this.ok(this.admin.api('POST', `/api/pams/${pam.id}/publish`));
    return pam.id;
  }

  /** A collaboration token of `role` for `mesaId` (accounts over REST; the participant's from its join). */
  async token(role: MatrixRole, mesaId = this.A): Promise<string> {
    if (role === 'public') return '';
    if (role === 'participant') return mesaId === this.C ? this.closedParticipant.token : mesaId === this.D ? this.liveParticipant.token : this.participant.token;
    return (await this.session(role).token(mesaId)).token;
  }

  /**
   * A provider on `documentName`, resolved once it has synced or been refused (then closed too).
   * Refusals and closes are recorded instead of retried forever: destroy it when done.
   */
  async open(documentName: string, token: string, { expectRefusal = false } = {}): Promise<Watched> {
    const doc = new Y.Doc();
    const denials: string[] = [];
    const closes: { code: number; reason: string }[] = [];
    const socket = new HocuspocusProviderWebsocket({
      url: `${this.server.url.replace('http', 'ws')}/collab`,
      WebSocketPolyfill: QuietWebSocket,
      delay: 50,
      minDelay: 50,
      maxDelay: 500,
      onClose: ({ event }) => {
        closes.push({ code: event.code, reason: event.reason });
      },
    });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName,
      document: doc,
      token,
      onAuthenticationFailed: ({ reason }) => {
        denials.push(reason);
      },
    });
    provider.attach();
    const tracker = new SaveTracker(doc, provider);
    const client: Watched = {
      doc,
      provider,
      tracker,
      denials,
      closes,
      destroy() {
        tracker.destroy();
        provider.destroy();
        socket.destroy();
        doc.destroy();
      },
    };
    this.clients.push(client);
    if (expectRefusal) await waitFor(() => denials.length > 0 && closes.length > 0, `${documentName} to be refused`);
    else await waitFor(() => provider.synced || denials.length > 0, `${documentName} to sync`);
    return client;
  }

  /**
   * Waits until the server is quiet: documents nobody holds are unloaded, every durable write
   * and compaction is done. Stored state compared after this changes only if something wrote.
   */
  async quiet(): Promise<void> {
    const idle = () => [...this.server.hocuspocus.documents.values()].filter((d) => d.getConnectionsCount() === 0).map((d) => d.name);
    await waitFor(() => idle().length === 0, 'idle documents to unload').catch((err: unknown) => {
      throw new Error(`${(err as Error).message}: ${idle().join(', ')}`);
    });
    await this.server.settled();
  }

  /** Runs `act`, and proves that it changed nothing stored, byte for byte. */
  async unchanged(act: () => Promise<void>): Promise<void> {
    await this.quiet();
    const before = await dumpState(this.server);
    await act();
    await this.quiet();
    const difference = dumpDifference(before, await dumpState(this.server));
    if (difference.length > 0) throw new Error(`a refused action changed stored state:\n${difference.join('\n')}`);
  }

  /** Waits until a document's log is folded into its snapshot (it unloads, then compacts). */
  async compacted(documentName: string): Promise<void> {
    const storage = await storageOf(this.server.dataDir);
    try {
      await waitFor(async () => (await storage.documents.tailLength(documentName)) === 0, `${documentName} to compact`);
    } finally {
      await storage.close();
    }
  }

  /** What the server stored for a document (snapshot + log), as a Y.Doc. */
  async stored(documentName: string): Promise<Y.Doc> {
    await this.server.settled();
    const storage = await storageOf(this.server.dataDir);
    try {
      const s = await storage.documents.load(documentName);
      const doc = new Y.Doc();
      if (s.snapshot) Y.applyUpdate(doc, s.snapshot);
      for (const u of s.updates) Y.applyUpdate(doc, u);
      return doc;
    } finally {
      await storage.close();
    }
  }

  /** Destroys every client still open. */
  tearDown(): void {
    for (const c of this.clients) c.destroy();
  }
}
