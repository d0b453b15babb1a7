// Issue 10, item 3: no Markdown costs more than linear time. Each shape of
// test/helpers/pathological.ts (runs of inline syntax, nesting, block
// constructs line by line) is parsed, every section's blocks made and
// exported at n and at 4n bytes; the CPU time at 4n must stay under 8× the
// time at n (linear is 4, quadratic 16). No time is asserted on its own: the
// figures against the bundled article are scripts/bench-pathological.ts's.
//
// Logic:
// 1. CPU time (process.cpuUsage), not wall time: other processes on the
//    machine slow the wall clock far more than this process's CPU time.
// 2. A cheap shape is measured over repeated runs until 40 ms of CPU have
//    passed, so that a garbage collection or a JIT tier-up is not the whole
//    figure; each size takes the best of three such measurements, and a
//    ratio over the bound is measured again twice before it fails.
// 3. `npm test` checks the shapes that were slow once (the quick set);
//    `npm run test:slow` (QARI_EXHAUSTIVE=1) checks every shape.

import assert from 'node:assert/strict';
import test from 'node:test';
import {exportTextChunks} from '../src/output/export.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {exhaustive} from './helpers/exhaustive.js';
import {pathologies} from './helpers/pathological.js';

const SMALL = 32 * 1024;
const BOUND = 8;

/** Shapes that were super-linear or far slower than prose once: the ones `npm test` checks. */
const quick = new Set(['_a', '_*a', '*_*_a', '<!--', '[', '_a…!@b.c', 'a!…@', '# lines', 'list items', 'table columns', '<td> then <tr>', '<td><br>', 'a\\n']);

function cpuMs(): number {
	const used = process.cpuUsage();
	return (used.user + used.system) / 1000;
}

function runOnce(text: string): void {
	const article = parseMarkdown(text);
	for (const section of article.sections) void section.blocks;
	exportTextChunks(article, {width: 80, order: 'visual', shape: true, dir: 'auto', baseDir: article.dir}, article.sections, () => {});
}

/** Mean CPU ms of one run, over as many runs as 40 ms take (at least one). */
function costOf(text: string): number {
	const started = cpuMs();
	let runs = 0;
	let spent = 0;
	do {
		runOnce(text);
		runs++;
		spent = cpuMs() - started;
	} while (spent < 40);
	return spent / runs;
}

function bestOf3(text: string): number {
	return Math.min(costOf(text), costOf(text), costOf(text));
}

for (const pathology of pathologies) {
	const skip = exhaustive || quick.has(pathology.name) ? false : 'run by npm run test:slow';
	test(`complexity: ${pathology.name} (${pathology.shape}) at 4n costs under ${BOUND}× n`, {skip, timeout: 300_000}, () => {
		const small = pathology.make(SMALL);
		const large = pathology.make(SMALL * 4);
		runOnce(small); // warm-up: the first run compiles
		let ratio = Infinity;
		const seen: string[] = [];
		for (let attempt = 0; attempt < 3 && ratio > BOUND; attempt++) {
			const atSmall = bestOf3(small);
			const atLarge = bestOf3(large);
			ratio = atLarge / atSmall;
			seen.push(`${atSmall.toFixed(1)} → ${atLarge.toFixed(1)} ms (${ratio.toFixed(1)}×)`);
		}
		assert.ok(ratio <= BOUND, `${pathology.name}: CPU time grows faster than the text: ${seen.join('; ')}`);
	});
}
