// Loaded before every test file (package.json's test scripts: --import):
// property tests draw their cases from one fixed seed, so a run on CI is the
// run a contributor replays, and a rare case found at random cannot fail CI
// on one day and pass on the next. QARI_SEED=<n> draws other cases,
// QARI_SEED=random a fresh seed each run (printed when a property fails).
import fc from 'fast-check';

const wanted = process.env['QARI_SEED'] ?? '20261202';
if (wanted !== 'random') fc.configureGlobal({seed: Number(wanted)});
