import { parseRebuildArgs } from './parse-rebuild-args';

describe('parseRebuildArgs', () => {
  it('reads the database, the projection and an optional batch size', () => {
    expect(parseRebuildArgs(['--database', 'postgres://x/db', '--projection', 'p'])).toEqual({
      database: 'postgres://x/db',
      projection: 'p',
      batchSize: 1000,
    });
    expect(parseRebuildArgs(['--database=u', '--projection=p', '--batch-size=50']).batchSize).toBe(
      50,
    );
  });

  it.each([
    [['--projection', 'p'], /--database is required/],
    [['--database', 'u'], /--projection is required/],
    [['--database', 'u', '--projection', 'p', '--batch-size', '0'], /positive integer/],
    [['--database', 'u', '--projection', 'p', '--force'], /Unknown option/],
  ])('refuses %j', (argv, error) => {
    expect(() => parseRebuildArgs(argv)).toThrow(error);
  });
});
