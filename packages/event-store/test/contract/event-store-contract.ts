import { afterAll, beforeAll, describe } from 'vitest';
import { appendContract } from './append.contract.js';
import { concurrencyContract } from './concurrency.contract.js';
import type { ContractContext, ContractHarness } from './harness.js';
import { integrityContract } from './integrity.contract.js';
import { readContract } from './read.contract.js';
import { subscriptionContract } from './subscription.contract.js';

export type { ContractHarness, HeldAppend } from './harness.js';

/**
 * The one contract every EventStore adapter passes. `setup` provisions the backend and returns a
 * harness; with `skipReason` the suite is registered but skipped, its name saying why.
 */
export function describeEventStoreContract(
  adapter: string,
  setup: () => Promise<ContractHarness>,
  skipReason?: string,
): void {
  const title = skipReason
    ? `${adapter} event store contract (skipped: ${skipReason})`
    : `${adapter} event store contract`;
  // The load tests take seconds (EventStoreDB over a network, longer): well past vitest's 5 s default.
  describe.skipIf(skipReason !== undefined)(title, { timeout: 90_000 }, () => {
    const ctx = {} as ContractContext;
    beforeAll(async () => {
      ctx.harness = await setup();
      ctx.store = await ctx.harness.open();
    }, 180_000);
    afterAll(async () => {
      await ctx.store?.close();
      await ctx.harness?.dispose();
    });

    describe('append', () => appendContract(ctx));
    describe('read', () => readContract(ctx));
    describe('concurrency', () => concurrencyContract(ctx));
    describe('subscriptions', () => subscriptionContract(ctx));
    describe('integrity', () => integrityContract(ctx));
  });
}
