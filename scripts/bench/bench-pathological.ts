// Pathological Markdown (issue 10, item 3): how long `qari export` and
// `qari sections` take on 2 MB of each shape in test/helpers/pathological.ts,
// against the bundled article repeated to the same size, measured in the same
// rounds. Not part of `npm test`: the suite has its own complexity check
// (test/markdown-complexity.test.ts) that asserts no time.
//
// Logic:
// 1. Each shape is written at --size bytes (default 2,000,000) and at a
//    quarter of that; the reference is the bundled article's body repeated to
//    both sizes, and a one-word file measures process start-up.
// 2. A round runs, one after another (the machines have two cores and are
//    shared): the reference and the shape at both sizes, export then
//    sections, in an order that rotates between rounds. Figures are medians
//    over --runs rounds (default 3); "×ref" is the median of the per-round
//    ratios of wall times at the full size (the same bytes, so the same as
//    the ratio of time per byte).
// 3. "n→4n" compares the child's CPU time (user + system, written on exit by
//    a preload) at the quarter and at the full size, start-up subtracted from
//    both: 4 is linear, 16 quadratic. CPU time moves less than wall time when
//    other work shares the machine.
// 4. A command that runs past --timeout seconds (default 60) is stopped and
//    shown as "> N s"; the shape's later rounds are skipped.
// 5. --fuzz N searches for slow input instead: N random texts built from
//    Markdown metacharacters (runs, nesting, lines, paragraphs), each parsed
//    and exported in process at 64 KB and timed (CPU); the slowest per byte
//    against the bundled article at the same size are timed again at 16 KB
//    and 64 KB, and reported with the seed and shape that make them.
//
// Usage:
//   node --import tsx scripts/bench/bench-pathological.ts [--size BYTES] [--runs N]
//        [--only name,name] [--timeout S] [--no-build] [--bin PATH]
//   --bin: another build's bin/qari.js (a copy of bin/ and dist/), to compare.
//   node --import tsx scripts/bench/bench-pathological.ts --in-process [--size BYTES] [--runs N] [--only …]
//   node --import tsx scripts/bench/bench-pathological.ts --fuzz N [--seed S]

import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {exportText} from '../../test/helpers/export-text.js';
import {parseMarkdown} from '../../src/parse/markdown.js';
import {fill, pathologies} from '../../test/helpers/pathological.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
};
const size = Number(option('--size') ?? 2_000_000);
const runs = Math.max(1, Number(option('--runs') ?? 3));
const timeoutS = Number(option('--timeout') ?? 60);
const only = option('--only')?.split(',');
const bin = option('--bin') ?? join(root, 'bin', 'qari.js');
const fuzzTrials = option('--fuzz') === undefined ? 0 : Number(option('--fuzz'));

const source = readFileSync(join(root, 'content', 'assad-putin-moscow.md'), 'utf8');
const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');

/** The bundled article's body repeated to `bytes` (cut at a paragraph). */
function reference(bytes: number): string {
	let text = fill(`${body}\n`, bytes);
	while (Buffer.byteLength(text) < bytes) text += `${body}\n`;
	const cut = text.lastIndexOf('\n\n', Math.floor((text.length * bytes) / Buffer.byteLength(text)));
	return cut > 0 ? text.slice(0, cut + 1) : text;
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

const seconds = (ms: number): string => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '—');
const times = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(1)}×` : '—');

if (fuzzTrials > 0) fuzz(fuzzTrials, Number(option('--seed') ?? Date.now() % 2 ** 31));
else if (args.includes('--in-process')) inProcess();
else bench();

// ---- the CLI on each shape (Logic 1–4) ---------------------------------------------------

interface Timing {
	readonly wall: number;
	readonly cpu: number;
	readonly timedOut: boolean;
	/** The first line of stderr when the command failed. */
	readonly failed?: string;
}

function bench(): void {
	if (!args.includes('--no-build') && !option('--bin')) {
		const built = spawnSync('npm', ['run', '--silent', 'build'], {cwd: root, stdio: 'inherit'});
		if (built.status !== 0) process.exit(1);
	}
	const dir = mkdtempSync(join(os.tmpdir(), 'qari-pathological-'));
	const cpuFile = join(dir, 'cpu');
	const preload = `data:text/javascript,${encodeURIComponent(
		`import {writeFileSync} from "node:fs"; process.on("exit", () => { const u = process.cpuUsage(); writeFileSync(${JSON.stringify(cpuFile)}, String((u.user + u.system) / 1000)); });`,
	)}`;
	const time = (argv: readonly string[]): Timing => {
		rmSync(cpuFile, {force: true});
		const started = performance.now();
		const result = spawnSync(process.execPath, [`--import=${preload}`, bin, ...argv], {
			cwd: root,
			stdio: ['ignore', 'ignore', 'pipe'],
			env: {...process.env, NO_COLOR: '1'},
			timeout: timeoutS * 1000,
			killSignal: 'SIGKILL',
		});
		const wall = performance.now() - started;
		if (result.error || result.signal) return {wall: Infinity, cpu: Infinity, timedOut: true};
		if (result.status !== 0) return {wall, cpu: Infinity, timedOut: false, failed: String(result.stderr).split('\n')[0] ?? `status ${result.status}`};
		return {wall, cpu: Number(readFileSync(cpuFile, 'utf8')), timedOut: false};
	};

	try {
		const quarter = Math.floor(size / 4);
		const write = (name: string, text: string): string => {
			const path = join(dir, `${name}.md`);
			writeFileSync(path, text);
			return path;
		};
		const tiny = write('tiny', 'word\n');
		const ref = {full: write('ref-full', reference(size)), quarter: write('ref-quarter', reference(quarter))};
		const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
		console.log(
			`pathological Markdown at ${size.toLocaleString('en')} and ${quarter.toLocaleString('en')} bytes, ${runs} rounds, node ${process.version}, load ${load()}`,
		);
		console.log('columns: wall median at the full size | ×ref (same bytes of the bundled article) | n→4n (CPU, start-up subtracted)');

		const startup = median(Array.from({length: 3}, () => time(['export', '--width', '80', tiny]).cpu));
		const rows: string[] = [];
		const misses: string[] = [];
		for (const p of pathologies) {
			if (only && !only.includes(p.name)) continue;
			const files = {full: write('full', p.make(size)), quarter: write('quarter', p.make(quarter))};
			const cell: Record<string, string> = {};
			for (const command of ['export', 'sections'] as const) {
				const argv = (file: string): string[] => (command === 'export' ? ['export', '--width', '80', file] : ['sections', file]);
				const jobs = [
					['ref', argv(ref.full)],
					['full', argv(files.full)],
					['quarter', argv(files.quarter)],
				] as const;
				const got: Record<string, Timing[]> = {ref: [], full: [], quarter: []};
				for (let r = 0; r < runs; r++) {
					for (let k = 0; k < jobs.length; k++) {
						const [name, job] = jobs[(k + r) % jobs.length] ?? jobs[0];
						got[name]?.push(time(job));
					}
					if (got['full']?.some((t) => t.timedOut || t.failed)) break;
				}
				const full = got['full'] ?? [];
				const refs = got['ref'] ?? [];
				const quarters = got['quarter'] ?? [];
				const failed = [...full, ...(got['quarter'] ?? [])].find((t) => t.failed)?.failed;
				if (failed) {
					cell[command] = `failed | — | —`;
					misses.push(`${p.name} ${command}: ${failed}`);
					continue;
				}
				if (full.some((t) => t.timedOut)) {
					cell[command] = `> ${timeoutS} s | — | —`;
					misses.push(`${p.name} ${command}: over ${timeoutS} s`);
					continue;
				}
				const wall = median(full.map((t) => t.wall));
				const ratio = median(full.map((t, i) => t.wall / (refs[i]?.wall ?? NaN)));
				const growth = (median(full.map((t) => t.cpu)) - startup) / (median(quarters.map((t) => t.cpu)) - startup);
				cell[command] = `${seconds(wall)} | ${times(ratio)} | ${growth.toFixed(1)}`;
				if (wall > 3000) misses.push(`${p.name} ${command}: ${seconds(wall)} (over 3 s)`);
				if (ratio > 10) misses.push(`${p.name} ${command}: ${times(ratio)} the reference`);
				if (growth > 5) misses.push(`${p.name} ${command}: n→4n ${growth.toFixed(1)}`);
			}
			const row = `| ${p.name} | ${cell['export']} | ${cell['sections']} |`;
			rows.push(row);
			console.log(row);
		}
		console.log(`\n| shape | export | ×ref | n→4n | sections | ×ref | n→4n |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}`);
		console.log(`\nload ${load()}; start-up (export of one word) ${startup.toFixed(0)} ms CPU`);
		console.log(
			misses.length
				? `over the targets (≤ 3 s, ≤ 10× ref, n→4n ≤ 5):\n  ${misses.join('\n  ')}`
				: 'every shape within the targets (≤ 3 s, ≤ 10× ref, n→4n ≤ 5)',
		);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

// ---- in process (Logic 6) ----------------------------------------------------------------

function inProcess(): void {
	const quarter = Math.floor(size / 4);
	for (let i = 0; i < 5; i++) costOf(reference(quarter));
	const refFull = bestOf(reference(size), runs);
	console.log(
		`in process, CPU ms, best of ${runs}: parse, every section's blocks, export at 80 columns; reference ${refFull.toFixed(0)} ms at ${size.toLocaleString('en')} bytes`,
	);
	console.log('| shape | ms | ×ref | n→4n |\n|---|---|---|---|');
	for (const p of pathologies) {
		if (only && !only.includes(p.name)) continue;
		const small = p.make(quarter);
		let atQuarter: number;
		let atFull: number;
		try {
			costOf(small);
			atQuarter = bestOf(small, runs);
			atFull = atQuarter * 4 > timeoutS * 1000 ? Infinity : bestOf(p.make(size), runs);
		} catch (error) {
			console.log(`| ${p.name} | threw: ${String(error).slice(0, 80)} | | |`);
			continue;
		}
		console.log(`| ${p.name} | ${atFull.toFixed(0)} | ${times(atFull / refFull)} | ${(atFull / atQuarter).toFixed(1)} |`);
	}
}

// ---- searching for slow input (Logic 5) ---------------------------------------------------

const atoms = [
	'*',
	'_',
	'~',
	'`',
	'[',
	']',
	'(',
	')',
	'!',
	'<',
	'>',
	'&',
	'#',
	'\\',
	'@',
	'.',
	':',
	'/',
	'-',
	'=',
	'|',
	'"',
	"'",
	' ',
	'\n',
	'\n\n',
	'a',
	'b',
	'ب',
	'1',
	'www.',
	'http://',
	'<!--',
	'-->',
	'mailto:',
	'<a ',
	'</a>',
	'&#',
	'**',
	'~~',
	'```',
	'> ',
	'- ',
	'1. ',
	'    ',
	'\t',
	'{',
	'?',
	';',
	'$',
];

/** mulberry32: a small seeded generator, so a case can be made again from its seed. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Shape {
	readonly describe: string;
	readonly make: (bytes: number) => string;
}

function randomShape(next: () => number): Shape {
	const pick = (): string => atoms[Math.floor(next() * atoms.length)] ?? 'a';
	const unit = (): string => Array.from({length: 1 + Math.floor(next() * 6)}, pick).join('');
	const a = unit();
	const b = unit();
	const c = unit();
	const kind = Math.floor(next() * 5);
	const q = JSON.stringify;
	switch (kind) {
		case 0:
			return {describe: `${q(a)} repeated`, make: (bytes) => fill(a, bytes)};
		case 1:
			return {describe: `${q(a)} repeated, then ${q(b)}`, make: (bytes) => fill(a, bytes - Buffer.byteLength(b)) + b};
		case 2:
			return {
				describe: `${q(a)} ×n, ${q(b)}, ${q(c)} ×n`,
				make: (bytes) => {
					const n = Math.max(1, Math.floor(bytes / (Buffer.byteLength(a) + Buffer.byteLength(c) + 1)));
					return a.repeat(n) + b + c.repeat(n);
				},
			};
		case 3:
			return {describe: `${q(a)} lines`, make: (bytes) => fill(`${a}\n`, bytes)};
		default: {
			const para = 500 + Math.floor(next() * 8000);
			return {describe: `paragraphs of ${para} bytes of ${q(a + b)}`, make: (bytes) => fill(`${fill(a + b, para)}\n\n`, bytes)};
		}
	}
}

function cpuNow(): number {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
}

/** CPU ms of parse + every section's blocks + export at 80 columns. */
function costOf(text: string): number {
	const started = cpuNow();
	const article = parseMarkdown(text);
	for (const section of article.sections) void section.blocks;
	exportText(article, {width: 80, order: 'logical', shape: false, dir: 'auto', baseDir: article.dir});
	return cpuNow() - started;
}

function bestOf(text: string, n: number): number {
	let best = Infinity;
	for (let i = 0; i < n; i++) best = Math.min(best, costOf(text));
	return best;
}

function fuzz(trials: number, seed: number): void {
	const big = 64 * 1024;
	const small = 16 * 1024;
	console.log(`searching ${trials} random shapes for slow input, seed ${seed}, ${big.toLocaleString('en')} bytes each`);
	for (let i = 0; i < 5; i++) costOf(reference(big));
	const refBig = bestOf(reference(big), 5);
	const refSmall = bestOf(reference(small), 5);
	const found: {seed: number; shape: Shape; ratio: number}[] = [];
	for (let t = 0; t < trials; t++) {
		const caseSeed = (seed + t * 7919) >>> 0;
		const shape = randomShape(random(caseSeed));
		let ratio: number;
		try {
			ratio = costOf(shape.make(big)) / refBig;
		} catch (error) {
			console.log(`seed ${caseSeed} (${shape.describe}) threw: ${String(error)}`);
			continue;
		}
		found.push({seed: caseSeed, shape, ratio});
		found.sort((x, y) => y.ratio - x.ratio);
		found.length = Math.min(found.length, 12);
	}
	console.log(
		`reference: the bundled article, ${refBig.toFixed(1)} ms CPU at ${big.toLocaleString('en')} bytes, ${refSmall.toFixed(1)} ms at ${small.toLocaleString('en')}`,
	);
	console.log('| seed | shape | ×ref at 64 KB | 16 KB → 64 KB |\n|---|---|---|---|');
	for (const f of found) {
		const atBig = bestOf(f.shape.make(big), 3);
		const atSmall = bestOf(f.shape.make(small), 3);
		console.log(`| ${f.seed} | ${f.shape.describe.replace(/\|/g, '\\|')} | ${times(atBig / refBig)} | ${(atBig / atSmall).toFixed(1)} |`);
	}
	console.log('(replay one: node --import tsx scripts/bench/bench-pathological.ts --fuzz 1 --seed SEED)');
}
