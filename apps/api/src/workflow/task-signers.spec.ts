import { roundOutcome, signatureOf } from './task-signers';

const round = (policy: 'all' | 'ratio' | 'any', states: string[], ratio: number | null = null) =>
  states.map((state) => ({ state, policy, ratio }) as Parameters<typeof roundOutcome>[0][number]);

describe('加签 rounds', () => {
  it('会签 (all) needs every approval and fails at the first rejection', () => {
    expect(roundOutcome(round('all', ['approved', 'active']))).toBeNull();
    expect(roundOutcome(round('all', ['approved', 'approved']))).toBe('approved');
    expect(roundOutcome(round('all', ['rejected', 'active']))).toBe('rejected');
  });

  it('或签 (any) is decided by one approval, fails only when all reject', () => {
    expect(roundOutcome(round('any', ['active', 'approved', 'active']))).toBe('approved');
    expect(roundOutcome(round('any', ['rejected', 'active']))).toBeNull();
    expect(roundOutcome(round('any', ['rejected', 'rejected']))).toBe('rejected');
  });

  it('a ratio round needs its share of approvals (rounded up) and fails once that share is out of reach', () => {
    expect(roundOutcome(round('ratio', ['approved', 'approved', 'active', 'active', 'active'], 60))).toBeNull();
    expect(roundOutcome(round('ratio', ['approved', 'approved', 'approved', 'active', 'active'], 60))).toBe('approved');
    expect(roundOutcome(round('ratio', ['rejected', 'rejected', 'rejected', 'active', 'active'], 60))).toBe('rejected');
  });

  it("reads a signature's decision and opinion from a review form's usual fields", () => {
    expect(signatureOf({ decision: 'approve', comment: ' 同意 ' })).toEqual({ state: 'approved', opinion: '同意' });
    expect(signatureOf({ decision: 'return', opinion: '材料不全' })).toEqual({ state: 'rejected', opinion: '材料不全' });
    expect(signatureOf({})).toEqual({ state: 'approved', opinion: null });
  });
});
