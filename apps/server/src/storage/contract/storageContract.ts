import { afterEach, beforeEach, describe } from 'vitest';
import type { Storage } from '../Storage';
import { accountContract } from './accountContract';
import { auditContract } from './auditContract';
import { commitmentContract } from './commitmentContract';
import { documentContract } from './documentContract';
import { exerciseContract } from './exerciseContract';
import { exerciseRecordContract } from './exerciseRecordContract';
import { invitationContract } from './invitationContract';
import { mesaAccessContract } from './mesaAccessContract';
import { mesaContract } from './mesaContract';
import { planContract } from './planContract';

/**
 * A backend under test. `rawExec` is a test-only side door (its own connection, never part of
 * {@link Storage}) through which the suite checks what the database itself refuses.
 */
export type ContractStorage = Storage & { rawExec?: (sql: string) => Promise<void> };

/** Hands each test the storage opened for it. */
export type CurrentStorage = () => ContractStorage;

/**
 * The one storage contract: every backend must pass it unchanged. `open` must return a fresh,
 * empty storage on every call (each test gets its own, and closes it afterwards).
 */
export function describeStorageContract(name: string, open: () => Promise<ContractStorage>): void {
  describe(`storage contract: ${name}`, () => {
    let storage: ContractStorage | undefined;
    const current: CurrentStorage = () => {
      if (!storage) throw new Error('no storage is open');
      return storage;
    };
    beforeEach(async () => {
      storage = await open();
    });
    afterEach(async () => {
      await storage?.close();
      storage = undefined;
    });

    documentContract(current);
    mesaContract(current);
    commitmentContract(current);
    planContract(current);
    accountContract(current);
    invitationContract(current);
    mesaAccessContract(current);
    auditContract(current);
    exerciseContract(current);
    exerciseRecordContract(current);
  });
}
