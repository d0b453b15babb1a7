// `npm run fuzz`: the hostile-input property (test/helpers/fuzz.ts) for
// 10,000 runs or more. Prints the seed first, so any run can be replayed,
// and the shrunk counterexample on failure.
//
//   node --import tsx scripts/fuzz.ts [--runs N] [--seed S]
import fc from 'fast-check';
import {checkCase, describeCase, fuzzCase} from '../test/helpers/fuzz.js';

function option(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i === -1 ? undefined : process.argv[i + 1];
}

const runs = Number(option('--runs') ?? 10_000);
const seed = Number(option('--seed') ?? Date.now() % 2 ** 31);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
	process.stderr.write('usage: node --import tsx scripts/fuzz.ts [--runs N] [--seed S]\n');
	process.exit(2);
}

process.stdout.write(`fuzz: ${runs} runs, seed ${seed}\n`);
const started = performance.now();
const details = fc.check(
	fc.property(fuzzCase, (c) => {
		checkCase(c);
	}),
	{numRuns: runs, seed},
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (details.failed) {
	const example = details.counterexample?.[0];
	process.stdout.write(`fuzz: FAILED after ${details.numRuns} runs (${seconds} s), seed ${seed}, path ${details.counterexamplePath ?? ''}\n`);
	if (example) process.stdout.write(`counterexample: ${describeCase(example)}\n`);
	const error = details.errorInstance;
	process.stdout.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
	process.stdout.write(`replay: node --import tsx scripts/fuzz.ts --runs ${runs} --seed ${seed}\n`);
	process.exit(1);
}
process.stdout.write(`fuzz: ${details.numRuns} runs passed in ${seconds} s (seed ${seed})\n`);
