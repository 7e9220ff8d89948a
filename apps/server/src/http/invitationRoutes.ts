import type { Request } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import { hashPassword } from '../auth/passwords';
import { invitationAction } from '../auth/policy';
import { ACCOUNT_ROLES } from '../auth/principal';
import { digest, newSecret } from '../auth/secrets';
import { newId } from '../ids';
import { invitationStatus, type InvitationRecord } from '../storage/AccessStorage';
import type { MesaRepository } from '../storage/Storage';
import { actorOf, type AccessDeps } from './accessDeps';
import { denialError } from './auth';
import { HttpError, httpErrors, parseBody } from './errors';
import { newSession, setSessionCookie } from './sessionCookie';
import { requireStrongPassword } from './strongPassword';

const emailSchema = z
  .string({ error: 'Escribe un correo.' })
  .trim()
  .max(254, { error: 'El correo es demasiado largo.' })
  .pipe(z.email({ error: 'Escribe un correo válido.' }));

const createSchema = z
  .object({
    email: emailSchema,
    role: z.enum(ACCOUNT_ROLES, { error: 'Elige un rol: admin, facilitator, stm o expert.' }),
    mesaId: z.string({ error: 'Elige una mesa.' }).min(1, { error: 'Elige una mesa.' }).optional(),
    expiresInDays: z
      .number({ error: 'La vigencia se da en días.' })
      .int({ error: 'La vigencia se da en días completos.' })
      .min(1, { error: 'La vigencia va de 1 a 30 días.' })
      .max(30, { error: 'La vigencia va de 1 a 30 días.' })
      .default(7),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'expert' && !v.mesaId) ctx.addIssue({ code: 'custom', path: ['mesaId'], message: 'Una persona experta se invita a una mesa: elige cuál.' });
    if (v.role !== 'expert' && v.mesaId) ctx.addIssue({ code: 'custom', path: ['mesaId'], message: 'Solo una persona experta se invita a una mesa.' });
  });

const acceptSchema = z.object({
  name: z.string({ error: 'Escribe tu nombre.' }).trim().min(1, { error: 'Escribe tu nombre.' }).max(80, { error: 'El nombre admite como máximo 80 caracteres.' }),
  password: z
    .string({ error: 'Escribe una contraseña.' })
    .min(10, { error: 'La contraseña debe tener al menos 10 caracteres.' })
    .max(200, { error: 'La contraseña admite como máximo 200 caracteres.' }),
});

const gone = () => new HttpError(410, 'invitation_gone', 'Esta invitación ya no es válida: pide una nueva a quien te invitó.');
const accountExists = () => new HttpError(409, 'account_exists', 'Ya existe una cuenta con ese correo.');

/** An invitation as people who manage them see it: never its token. */
const view = (i: InvitationRecord) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  mesaId: i.mesaId,
  createdBy: i.createdBy,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
  status: invitationStatus(i, new Date().toISOString()),
});

/** `/api/invitations`: invite people to create an account (docs/api-accounts.md). */
export function invitationRoutes(deps: AccessDeps & { mesas: MesaRepository }): Router {
  const { gate, audit, accounts, invitations, mesas, sessions, limits, publicUrl } = deps;
  const r = Router();
  const base = (req: Request) => publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;

  r.post('/', limits.invitations, async (req, res) => {
    // Who may invite anyone at all is decided before the body is read; which role, after.
    gate.check(res, 'invitation.create.member');
    const input = parseBody(createSchema, req.body);
    const p = gate.check(res, invitationAction(input.role));
    if (input.mesaId && !(await mesas.get(input.mesaId))) throw httpErrors.mesaNotFound();
    if (await accounts.byEmail(input.email)) throw accountExists();
    const token = newSecret();
    const now = new Date();
    const invitation = await invitations.create({
      id: newId(),
      tokenHash: digest(token),
      email: input.email,
      role: input.role,
      mesaId: input.mesaId ?? null,
      createdBy: { id: p.id, name: p.name },
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    });
    await audit.record(actorOf(p), 'invitation.create', { mesaId: invitation.mesaId }, { invitationId: invitation.id, email: invitation.email, role: invitation.role });
    // The token is shown only here: the database keeps its SHA-256.
    res.status(201).json({ invitation: view(invitation), url: new URL(`/invitaciones/${token}`, base(req)).toString() });
  });

  r.get('/', async (_req, res) => {
    gate.check(res, 'invitation.manage');
    res.json({ invitations: (await invitations.list()).map(view) });
  });

  r.delete('/:id', async (req, res) => {
    const p = gate.check(res, 'invitation.manage');
    const before = await invitations.get(req.params.id);
    if (!before) throw new HttpError(404, 'invitation_not_found', 'No existe esa invitación.');
    if (before.acceptedAt) throw httpErrors.transition('La invitación ya fue aceptada: desactiva la cuenta si hace falta.');
    if (await invitations.revoke(before.id, new Date().toISOString())) {
      await audit.record(actorOf(p), 'invitation.revoke', { mesaId: before.mesaId }, { invitationId: before.id, email: before.email });
    }
    res.json({ invitation: view((await invitations.get(before.id)) as InvitationRecord) });
  });

  /** What a pending invitation offers, to whoever holds the link. */
  const pending = async (token: string): Promise<InvitationRecord> => {
    const i = await invitations.byTokenHash(digest(token));
    if (!i || invitationStatus(i, new Date().toISOString()) !== 'pendiente') throw gone();
    return i;
  };

  r.get('/:token', async (req, res) => {
    const i = await pending(req.params.token);
    const mesa = i.mesaId ? await mesas.get(i.mesaId) : undefined;
    res.json({ email: i.email, role: i.role, mesa: mesa ? { id: mesa.id, title: mesa.title } : null, expiresAt: i.expiresAt });
  });

  r.post('/:token/accept', limits.invitations, async (req, res) => {
    const token = String(req.params.token);
    const { name, password } = parseBody(acceptSchema, req.body);
    const i = await pending(token);
    await requireStrongPassword(password, { email: i.email, name });
    const accountId = newId();
    const { id, stored } = newSession(accountId, sessions);
    const outcome = await invitations.accept(
      digest(token),
      { id: accountId, email: i.email, name, role: i.role, passwordHash: await hashPassword(password), createdAt: stored.createdAt },
      stored,
      stored.createdAt,
    );
    if (outcome === 'gone') throw gone();
    if (outcome === 'account_exists') throw accountExists();
    const account = await accounts.get(accountId);
    if (!account) throw denialError('unauthenticated', res);
    setSessionCookie(res, id, stored, sessions.secure);
    await audit.record(actorOf(account), 'invitation.accept', { mesaId: i.mesaId }, { invitationId: i.id });
    res.status(201).json({ account, csrfToken: stored.csrfToken });
  });

  return r;
}
