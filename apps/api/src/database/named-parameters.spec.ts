import { positional } from './named-parameters';

describe('positional parameters', () => {
  it('given PostgreSQL, then each name is bound once and reused', () => {
    expect(positional('postgres', 'SELECT :a, :b, :a', { a: 1, b: 'x' })).toEqual(['SELECT $1, $2, $1', [1, 'x']]);
  });

  it('given SQLite, then every use is bound in order, booleans as numbers', () => {
    expect(positional('sqlite', 'SELECT :a, :b, :a', { a: true, b: 'x' })).toEqual(['SELECT ?, ?, ?', [1, 'x', 1]]);
  });

  it('given a list, then it is spread', () => {
    expect(positional('postgres', 'x IN (:...ks) AND y = :y', { ks: ['a', 'b'], y: 2 })).toEqual([
      'x IN ($1, $2) AND y = $3',
      ['a', 'b', 2],
    ]);
    expect(() => positional('sqlite', 'x IN (:...ks)', { ks: [] })).toThrow(/non-empty/);
  });

  it('given casts, literals and unknown names, then they are left alone', () => {
    expect(positional('postgres', "SELECT :a::json, '10:30', :other", { a: '[]' })).toEqual(["SELECT $1::json, '10:30', :other", ['[]']]);
  });
});
