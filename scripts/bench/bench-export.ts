// In-process timing of `qari export --order visual --shape on --width 80`, split into
// the part before Markdown parsing (read + decode + sanitize) and the part after it
// (layout + exportTextBytes: the bytes the CLI writes), with the time the garbage
// collector took in each, plus the sha256 of the exported bytes so a faster export
// can be shown to print the same bytes.
//
// The article is loaded once through the CLI's own loader (input.ts loadArticle:
// read, decodeArticle, parseMarkdown) and every section's blocks are read once, so
// sections parsed on first use are parsed before any timing. It is exported with the
// options cli.ts passes (dir 'auto', baseDir the article's direction).
// Each measured step runs once as a warm-up, then --runs times (default 5); figures
// are medians in milliseconds. Nothing is written but stdout.
//
// Usage:
//   node --import tsx scripts/bench/bench-export.ts FILE [--runs N] [--order visual|logical]
//        [--shape on|off|auto] [--width N] [--hashes] [--json]
//   --hashes: no timing; prints the sha256 of the decoded text, the JSON export and the
//             text export (the bytes exportTextBytes gives the CLI to write) in both
//             orders, shaped and not, at widths 0, 20, 40 and 80, one per line, and
//             checks that exportText's string is those bytes decoded.
//   --json:   one JSON object instead of the table (for scripts).

import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {PerformanceObserver} from 'node:perf_hooks';
import {exportJson, exportTextBytes} from '../../src/output/export.js';
import {exportText} from '../../test/helpers/export-text.js';
import {loadArticle} from '../../src/cli/files.js';
import {decodeArticle} from '../../src/parse/decode.js';
import {type Order} from '../../src/text/paragraph.js';

interface Args {
	file: string;
	runs: number;
	order: Order;
	shape: 'on' | 'off' | 'auto';
	width: number;
	hashes: boolean;
	json: boolean;
}

function parseArgs(argv: readonly string[]): Args {
	const args: Args = {file: '', runs: 5, order: 'visual', shape: 'on', width: 80, hashes: false, json: false};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? '';
		const value = (): string => argv[++i] ?? '';
		if (arg === '--runs') args.runs = Number(value());
		else if (arg === '--order') args.order = value() === 'logical' ? 'logical' : 'visual';
		else if (arg === '--shape') args.shape = value() as Args['shape'];
		else if (arg === '--width') args.width = Number(value());
		else if (arg === '--hashes') args.hashes = true;
		else if (arg === '--json') args.json = true;
		else args.file = arg;
	}
	if (!args.file) {
		process.stderr.write(
			'usage: node --import tsx scripts/bench/bench-export.ts FILE [--runs N] [--order visual|logical] [--shape on|off|auto] [--width N] [--hashes] [--json]\n',
		);
		process.exit(2);
	}
	return args;
}

const sha256 = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

/** cli.ts resolveShape. */
const shapeFor = (shape: Args['shape'], order: Order): boolean => (shape === 'auto' ? order === 'visual' : shape === 'on');

const args = parseArgs(process.argv.slice(2));
const {article} = loadArticle(args.file);
// Sections may be parsed when their blocks are first read: parse them all now.
let blocks = 0;
for (const section of article.sections) blocks += section.blocks.length;
/** What the CLI writes: exportTextBytes with the options cli.ts passes. */
const exportAt = (order: Order, width: number, shape: boolean): Uint8Array =>
	exportTextBytes(article, {width, order, shape, dir: 'auto', baseDir: article.dir}, article.sections);

if (args.hashes) {
	const decoded = decodeArticle(readFileSync(args.file));
	process.stdout.write(`decoded                  ${sha256(decoded.ok ? `${decoded.invalid}\n${decoded.removed}\n${decoded.text}` : 'binary')}\n`);
	process.stdout.write(`json                     ${sha256(exportJson(article))}\n`);
	for (const order of ['visual', 'logical'] as const) {
		for (const shape of [true, false]) {
			for (const width of [0, 20, 40, 80]) {
				const options = {width, order, shape, dir: 'auto', baseDir: article.dir} as const;
				const bytes = exportAt(order, width, shape);
				// The string and the bytes are two paths through export.ts: they must agree.
				const agrees = exportText(article, options, article.sections) === Buffer.from(bytes).toString('utf8');
				const name = `${order} ${shape ? 'shaped' : 'unshaped'} w${width}`;
				process.stdout.write(`${name.padEnd(24)} ${sha256(bytes)}${agrees ? '' : '  (exportText differs!)'}\n`);
			}
		}
	}
	process.exit(0);
}

// Garbage collection time, attributed to whichever step is running when it is reported.
let gcTime = 0;
const observer = new PerformanceObserver((list) => {
	for (const entry of list.getEntries()) gcTime += entry.duration;
});
observer.observe({entryTypes: ['gc']});
/** Lets the observer's queued entries arrive. */
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

interface Sample {
	ms: number;
	gc: number;
}

async function time(step: () => unknown): Promise<Sample> {
	await flush();
	const gcBefore = gcTime;
	const started = performance.now();
	step();
	const ms = performance.now() - started;
	await flush();
	return {ms, gc: gcTime - gcBefore};
}

const median = (values: readonly number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const shape = shapeFor(args.shape, args.order);
let output: Uint8Array = new Uint8Array(0);
const steps: Record<string, () => unknown> = {
	'load+decode+sanitize': () => decodeArticle(readFileSync(args.file)),
	'layout+exportTextBytes': () => {
		output = exportAt(args.order, args.width, shape);
	},
};
const results: Record<string, {ms: number; gc: number; runs: number[]}> = {};
for (const [name, step] of Object.entries(steps)) {
	await time(step); // warm-up
	const samples: Sample[] = [];
	for (let r = 0; r < args.runs; r++) samples.push(await time(step));
	results[name] = {ms: median(samples.map((s) => s.ms)), gc: median(samples.map((s) => s.gc)), runs: samples.map((s) => Math.round(s.ms * 10) / 10)};
}
observer.disconnect();

const summary = {
	file: args.file,
	blocks,
	options: {order: args.order, shape, width: args.width},
	runs: args.runs,
	bytes: output.length,
	sha256: sha256(output),
	steps: results,
};
if (args.json) {
	process.stdout.write(`${JSON.stringify(summary)}\n`);
} else {
	process.stdout.write(`${args.file}: export --order ${args.order} --shape ${shape ? 'on' : 'off'} --width ${args.width}, median of ${args.runs}\n`);
	for (const [name, r] of Object.entries(results)) {
		process.stdout.write(`  ${name.padEnd(22)} ${r.ms.toFixed(1).padStart(7)} ms   gc ${r.gc.toFixed(1).padStart(6)} ms   runs ${r.runs.join(' ')}\n`);
	}
	process.stdout.write(`  output ${summary.bytes} bytes, sha256 ${summary.sha256}\n`);
}
