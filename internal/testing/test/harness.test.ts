import { describe, expect, it } from 'vitest';
import { createDisposalStack, graphql } from '../src/index.js';

describe('graphql tag', () => {
  it('dedents, trims blank edges and interpolates', () => {
    const name = 'User';
    expect(graphql`
      type ${name} {
        id: ID!
      }
    `).toBe('type User {\n  id: ID!\n}\n');
  });
});

describe('disposal stack', () => {
  it('disposes last-in first-out, runs every disposer, and reports failures', async () => {
    const stack = createDisposalStack();
    const order: string[] = [];
    stack.defer(() => order.push('first'));
    stack.defer(() => {
      throw new Error('boom');
    });
    stack.use({ close: async () => void order.push('closed') });
    await expect(stack.disposeAll()).rejects.toThrow(AggregateError);
    expect(order).toEqual(['closed', 'first']);
    expect(stack.size).toBe(0);
  });
});
