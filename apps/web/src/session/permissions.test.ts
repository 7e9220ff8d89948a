import { describe, expect, it } from 'vitest';
import { can, invitableRoles, type Role } from './permissions';

const ROLES: Role[] = ['admin', 'facilitator', 'stm', 'expert', 'participant', 'public'];
const allowed = (rule: (r: Role) => boolean) => ROLES.filter(rule);

describe('what the interface offers each role (docs/permissions.md)', () => {
  it('lets only facilitators and admins convene and manage mesas, administer and decide', () => {
    for (const rule of [can.manageMesas, can.administer, can.decide, can.editPams]) expect(allowed(rule)).toEqual(['admin', 'facilitator']);
  });

  it('lets facilitators and the STM review and approve, and see PAMs', () => {
    for (const rule of [can.review, can.approvePam, can.seePams]) expect(allowed(rule)).toEqual(['admin', 'facilitator', 'stm']);
  });

  it('keeps the tree read-only for STM and experts, and for everyone once the mesa is closed', () => {
    expect(allowed((r) => can.editDocuments(r, 'abierta'))).toEqual(['admin', 'facilitator', 'participant']);
    expect(allowed((r) => can.editDocuments(r, 'cerrada'))).toEqual([]);
  });

  it('lets participants propose only while the mesa is open', () => {
    expect(allowed((r) => can.propose(r, 'abierta'))).toEqual(['admin', 'facilitator', 'participant']);
    expect(allowed((r) => can.propose(r, 'cerrada'))).toEqual(['admin', 'facilitator']);
  });

  it('lets admins change accounts, and facilitators invite only STM members and experts', () => {
    expect(allowed(can.manageAccounts)).toEqual(['admin']);
    expect(invitableRoles('admin')).toEqual(['stm', 'expert', 'facilitator', 'admin']);
    expect(invitableRoles('facilitator')).toEqual(['stm', 'expert']);
    expect(invitableRoles('stm')).toEqual([]);
  });
});
