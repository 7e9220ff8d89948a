import * as Y from 'yjs';
import { addDays, mexicoDayOfInstant, type Commitment, type CommitmentVersion } from '@cocrea/domain';
import { sampleCommitmentVersion } from '@cocrea/domain/fixtures';
import { roadmapDocumentName, seedRoadmapDoc } from '@cocrea/collab';
import { adminOf, createMesa, signedIn, storageOf, type ApiAnswer, type Session, type startTestServer } from './harness';

/** A test server. */
export type Server = Awaited<ReturnType<typeof startTestServer>>;

/** An error answer of the API. */
export interface ApiError {
  error: { code: string; message: string; details?: { missing?: string[]; problems?: string[] } };
}

/** Today in the Estado de México, as the server counts it. */
export const today = mexicoDayOfInstant(new Date().toISOString());

/** The smallest real PDF, PNG and a plain text. */
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

/** Uploads raw bytes as `session` (raw body, `Content-Type` the declared type, `?name=`). */
export async function upload(session: Session | null, exerciseId: string, bytes: Uint8Array, type: string, name: string, base = session?.base ?? ''): Promise<ApiAnswer<{ file: { kind: 'archivo'; name: string; mediaType: string; bytes: number; sha256: string } } & ApiError>> {
  const headers: Record<string, string> = { 'content-type': type };
  if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrfToken });
  const res = await fetch(`${base}/api/exercises/${exerciseId}/files?name=${encodeURIComponent(name)}`, { method: 'POST', headers, body: new Blob([new Uint8Array(bytes)]) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as never, headers: res.headers };
}

/** Throws unless the answer has `status`; returns its body. */
export function expectStatus<T>(r: ApiAnswer<T>, status: number): T {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * An exercise built over REST by a facilitator: integrantes (three with STM accounts linked, one
 * suplente, the facilitator and an organisation), a mesa with one finalized commitment, and a
 * draft PAM of the exercise that includes it, launched 30 days ago. The STM is left empty.
 */
export class ExerciseWorld {
  fac!: Session;
  admin!: Session;
  accounts!: Record<'sc' | 'gm' | 'og' | 'ogSup' | 'outsider', Session>;
  expert!: Session;
  exerciseId = '';
  planId = '';
  mesaId = '';
  commitmentId = 'compPrueba01';
  members: Record<'mariana' | 'arturo' | 'sofia' | 'andres' | 'lucia' | 'colectivo', string> = { mariana: '', arturo: '', sofia: '', andres: '', lucia: '', colectivo: '' };
  launchDate = addDays(today, -30);

  constructor(readonly server: Server) {}

  async setUp(): Promise<void> {
    const s = this.server;
    this.admin = await adminOf(s.url);
    this.fac = await signedIn(s, 'facilitator', { name: 'Rosa Facilitadora' });
    this.accounts = {
      sc: await signedIn(s, 'stm', { name: 'Mariana Velázquez' }),
      gm: await signedIn(s, 'stm', { name: 'Arturo Salgado' }),
      og: await signedIn(s, 'stm', { name: 'Sofía Garduño' }),
      ogSup: await signedIn(s, 'stm', { name: 'Andrés Villafaña' }),
      outsider: await signedIn(s, 'stm', { name: 'Persona sin lugar' }),
    };
    this.expert = await signedIn(s, 'expert');
    const created = expectStatus(
      await this.fac.api<{ exercise: { id: string } }>('POST', '/api/exercises', {
        municipality: 'Metepec',
        title: 'Ejercicio de prueba',
        period: { startDate: addDays(today, -200), endDate: addDays(today, 400) },
      }),
      201,
    );
    this.exerciseId = created.exercise.id;
    const person = async (name: string, sector: string, accountId: string | null) => {
      const r = await this.fac.api<{ member: { id: string } }>('POST', `/api/exercises/${this.exerciseId}/members`, {
        kind: 'persona',
        name,
        sector,
        organization: `Organización de ${name}`,
        position: 'Integrante',
        contact: { email: `${(name.split(' ')[0] ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()}@privado.example.org`, phone: '722 555 0199' },
        joinedOn: addDays(today, -150),
        accountId,
      });
      return expectStatus(r, 201).member.id;
    };
    this.members.mariana = await person('Mariana Velázquez', 'sociedad_civil', this.accounts.sc.account.id);
    this.members.arturo = await person('Arturo Salgado', 'gobierno_municipal', this.accounts.gm.account.id);
    this.members.sofia = await person('Sofía Garduño', 'organo_garante', this.accounts.og.account.id);
    this.members.andres = await person('Andrés Villafaña', 'organo_garante', this.accounts.ogSup.account.id);
    this.members.lucia = await person('Lucía Benítez', 'sociedad_civil', null);
    this.members.colectivo = expectStatus(
      await this.fac.api<{ member: { id: string } }>('POST', `/api/exercises/${this.exerciseId}/members`, { kind: 'organizacion', name: 'Colectivo Transparente A.C.', sector: 'sociedad_civil', joinedOn: addDays(today, -150) }),
      201,
    ).member.id;

    this.mesaId = await createMesa(s.url, 'Mesa de agua potable');
    expectStatus(await this.fac.api('PUT', `/api/exercises/${this.exerciseId}/mesas/${this.mesaId}`), 200);
    await this.finalizedCommitment();
    this.planId = expectStatus(await this.fac.api<{ pam: { id: string } }>('POST', `/api/exercises/${this.exerciseId}/pam`, { title: 'PAM de prueba', launchDate: this.launchDate }), 201).pam.id;
    expectStatus(await this.fac.api('POST', `/api/pams/${this.planId}/entries`, { commitmentId: this.commitmentId }), 200);
  }

  /** A finalized commitment of the mesa, written straight to storage (finalizing over REST is commitment.test.ts's subject). */
  private async finalizedCommitment(): Promise<void> {
    const storage = await storageOf(this.server.dataDir);
    try {
      const v = sampleCommitmentVersion(1);
      const version: CommitmentVersion = { ...v, content: { ...v.content, commitment: { ...v.content.commitment, id: this.commitmentId, mesaId: this.mesaId }, mesa: { ...v.content.mesa, id: this.mesaId } } };
      const c: Commitment = {
        id: this.commitmentId,
        mesaId: this.mesaId,
        title: version.content.commitment.title,
        description: '',
        alternativeIds: [],
        status: 'definitivo',
        created: version.finalized,
        review: version.content.review,
        madeDefinitive: version.finalized,
        reopened: null,
        version: 0,
        editable: true,
      };
      const roadmap = new Y.Doc();
      seedRoadmapDoc(roadmap, { mesaId: this.mesaId, commitmentId: this.commitmentId });
      await storage.commitments.create(c, roadmapDocumentName(this.mesaId, this.commitmentId), Y.encodeStateAsUpdate(roadmap));
      await storage.commitments.finalize(version);
    } finally {
      await storage.close();
    }
  }

  /** Seats: `full` is the guide's minimum plus suplentes; otherwise only civil society's titular. */
  stm(full: boolean) {
    const m = this.members;
    return full
      ? {
          installedOn: addDays(today, -100),
          seats: [
            { id: 'seat-sc', sector: 'sociedad_civil', titularId: m.mariana, suplenteId: null },
            { id: 'seat-gm', sector: 'gobierno_municipal', titularId: m.arturo, suplenteId: null },
            { id: 'seat-og', sector: 'organo_garante', titularId: m.sofia, suplenteId: m.andres },
          ],
          facilitatorId: m.lucia,
        }
      : { seats: [{ id: 'seat-sc', sector: 'sociedad_civil', titularId: m.mariana, suplenteId: null }] };
  }

  /** Audit actions recorded about the plan. */
  async auditActions(): Promise<string[]> {
    const r = await this.admin.api<{ entries: { action: string }[] }>('GET', `/api/audit?planId=${this.planId}&limit=500`);
    return expectStatus(r, 200).entries.map((e) => e.action);
  }
}
