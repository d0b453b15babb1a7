// The exhaustive sweeps (every code point, every pair of a class) take most of
// a minute: `npm test` skips them, `npm run test:slow` (which CI also runs)
// sets QARI_EXHAUSTIVE=1 and runs them with the other slow tests.
export const exhaustive = process.env['QARI_EXHAUSTIVE'] === '1';

/** The `skip` option of an exhaustive test. */
export const unlessExhaustive = exhaustive ? false : 'exhaustive sweep: run by npm run test:slow';
