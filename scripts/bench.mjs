// `npm run bench`: the figures of issue 5 ("Fast at any size"), each against a
// reference measured in the same run, on this machine.
//
// Logic:
// 1. The corpus is the bundled article repeated: front matter once, then its
//    body ×1, ×10, ×100, ×500 (≈6.4 MB: the "6.7 MB" of the issue) and ×1000,
//    written to bench-corpus/ (ignored by git). fribidi and pandoc read the
//    same Markdown file qari reads.
// 2. Commands run one after another, never in parallel (the machines have two
//    cores and are shared): one warm-up round, then --runs rounds (default 5),
//    each round running every command of the figure in turn, in an order that
//    rotates. Figures are medians; a ratio is the median of the per-round
//    ratios, so a slow moment of the machine slows both sides of it.
// 3. Peak memory is the child's own process.resourceUsage().maxRSS, written on
//    exit by a preload (--import of a data: URL); no /usr/bin/time needed.
// 4. The reader runs in a real pseudo-terminal: tmux at 80×24. Start-up is the
//    time from asking tmux for the session to a capture showing the footer,
//    against `node -e 0` printing a marker under the same harness. Key
//    latency comes from a trace the reader writes through a preload
//    (scripts/bench-trace.mjs): the time from the key's bytes reaching stdin
//    to the end of the next frame written to the terminal.
// 5. A missing reference tool (fribidi, pandoc, tmux) skips its figures with a
//    message; nothing here is part of `npm test`.
//
// Usage: node scripts/bench.mjs [--runs N] [--only layout,visual,logical,memory,sections,reader,keys,scaling] [--no-build]

import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpusDir = join(root, 'bench-corpus');
const bin = join(root, 'bin', 'qari.js');
const article = join(root, 'content', 'assad-putin-moscow.md');
const traceModule = join(root, 'scripts', 'bench-trace.mjs');

// ---- options ----------------------------------------------------------------------------

const args = process.argv.slice(2);
const option = (name) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
};
const runs = Math.max(1, Number(option('--runs') ?? 5));
const only = option('--only')?.split(',');
const wanted = (figure) => !only || only.includes(figure);

// ---- helpers ----------------------------------------------------------------------------

const devNull = openSync('/dev/null', 'w');
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const now = () => performance.timeOrigin + performance.now();

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function has(command, versionArg) {
	const result = spawnSync(command, [versionArg], {stdio: 'ignore'});
	return result.status === 0;
}

/** Runs a command to completion (stdout to /dev/null); its wall time in ms, or throws with its stderr. */
function timeOnce(command) {
	const started = now();
	const result = spawnSync(command.argv[0], command.argv.slice(1), {
		cwd: root,
		stdio: ['ignore', devNull, 'pipe'],
		env: {...process.env, ...command.env},
		maxBuffer: 1 << 20,
	});
	const ms = now() - started;
	if (result.status !== 0) throw new Error(`${command.name} failed (${result.status ?? result.signal}): ${String(result.stderr).slice(0, 400)}`);
	return ms;
}

/**
 * Times every command of a figure: a warm-up round, then `runs` rounds in rotating
 * order (Logic 2). Returns {name: [ms per round]}.
 */
function timeRounds(commands, rounds = runs) {
	const times = Object.fromEntries(commands.map((c) => [c.name, []]));
	for (const c of commands) timeOnce(c);
	for (let r = 0; r < rounds; r++) {
		for (let k = 0; k < commands.length; k++) {
			const c = commands[(k + r) % commands.length];
			times[c.name].push(timeOnce(c));
		}
	}
	return times;
}

/** Median of the per-round ratios a/b. */
function ratio(a, b) {
	return median(a.map((x, i) => x / b[i]));
}

const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const qari = (name, ...argv) => ({name, argv: [process.execPath, bin, ...argv]});

const results = [];
/** One row of the summary table. */
function report(figure, measured, target, met) {
	results.push({figure, measured, target, met});
	console.log(`  → ${measured}  (target ${target}: ${met === undefined ? 'not measured' : met === true ? 'met' : met === false ? 'NOT met' : met})`);
}

function skip(figure, target, why) {
	results.push({figure, measured: `skipped: ${why}`, target, met: undefined});
	console.log(`  skipped: ${why}`);
}

// ---- corpus -----------------------------------------------------------------------------

const sizes = [1, 10, 100, 500, 1000];

function buildCorpus() {
	mkdirSync(corpusDir, {recursive: true});
	const source = readFileSync(article, 'utf8');
	const front = /^---\n[\s\S]*?\n---\n/.exec(source)?.[0] ?? '';
	const body = source.slice(front.length);
	const files = {};
	for (const n of sizes) {
		const file = join(corpusDir, `x${n}.md`);
		const text = front + Array.from({length: n}, () => body).join('\n');
		if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
		files[n] = file;
	}
	return files;
}

// ---- the figures ------------------------------------------------------------------------

function figureVisual(corpus, tools) {
	console.log('\nexport --order visual --shape on --width 80 of ×500 vs fribidi --nopad --nobreak (same Markdown file)');
	const target = '≤ 3× fribidi';
	if (!tools.fribidi) return skip('visual export vs fribidi', target, 'fribidi is not installed (apt install fribidi)');
	const t = timeRounds([
		qari('qari', 'export', corpus[500], '--order', 'visual', '--shape', 'on', '--width', '80'),
		{name: 'fribidi', argv: ['fribidi', '--nopad', '--nobreak', corpus[500]]},
	]);
	const r = ratio(t.qari, t.fribidi);
	report('`export --order visual --shape on --width 80`, ×500, vs `fribidi --nopad --nobreak`', `${ms(median(t.qari))} vs ${ms(median(t.fribidi))}: ${r.toFixed(1)}× fribidi`, target, r <= 3);
}

/**
 * Issue 3: paragraphs laid out per second, in process (parsing and output
 * aside), against fribidi reordering and shaping the same paragraphs (one a
 * line, --nobreak: fribidi does not wrap correctly) as a whole process.
 */
function figureLayout(corpus, tools) {
	console.log('\nlayout: paragraphs per second, ×500, visual + shaped at 80 cells, vs fribidi --nopad --nobreak on the same paragraphs');
	const target = 'a ratio to fribidi (issue 3 sets none)';
	if (!tools.fribidi) return skip('layout throughput vs fribidi', target, 'fribidi is not installed');
	const lines = join(corpusDir, 'x500.paragraphs.txt');
	const child = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench-layout.ts'), corpus[500], lines, String(runs)], {cwd: root, encoding: 'utf8'});
	if (child.status !== 0) throw new Error(`bench-layout failed: ${child.stderr}`);
	const {paragraphs, times} = JSON.parse(child.stdout);
	const fribidi = timeRounds([{name: 'fribidi', argv: ['fribidi', '--nopad', '--nobreak', lines]}]).fribidi;
	const ours = paragraphs / (median(times) / 1000);
	const theirs = paragraphs / (median(fribidi) / 1000);
	report(
		'layout of the ×500 corpus in process (visual, shaped, 80 cells) vs `fribidi --nopad --nobreak` on the same paragraphs',
		`${Math.round(ours).toLocaleString('en')} vs ${Math.round(theirs).toLocaleString('en')} paragraphs/s (${paragraphs.toLocaleString('en')} paragraphs): ${(ours / theirs).toFixed(2)}× fribidi's rate`,
		target,
		'n/a',
	);
}

function figureLogical(corpus, tools) {
	console.log('\nexport --order logical --width 80 of ×500 vs pandoc -f markdown -t plain');
	const target = '≥ 10× faster than pandoc';
	if (!tools.pandoc) return skip('logical export vs pandoc', target, 'pandoc is not installed (apt install pandoc)');
	const t = timeRounds([
		qari('qari', 'export', corpus[500], '--order', 'logical', '--width', '80'),
		{name: 'pandoc', argv: ['pandoc', '-f', 'markdown', '-t', 'plain', corpus[500]]},
	]);
	const r = ratio(t.pandoc, t.qari);
	report('`export --order logical --width 80`, ×500, vs `pandoc -f markdown -t plain`', `${ms(median(t.qari))} vs ${ms(median(t.pandoc))}: ${r.toFixed(1)}× faster`, target, r >= 10);
}

const maxRssPreload =
	'data:text/javascript,' +
	encodeURIComponent(
		'import {writeFileSync} from "node:fs";' +
			'process.on("exit", () => writeFileSync(process.env.QARI_BENCH_RSS, String(process.resourceUsage().maxRSS)));',
	);

/** Peak resident memory (MiB) of a qari command, from the child's own maxRSS. */
function peakMemory(argv) {
	const dir = mkdtempSync(join(os.tmpdir(), 'qari-bench-'));
	const file = join(dir, 'rss');
	try {
		const values = [];
		for (let r = 0; r < Math.min(runs, 3); r++) {
			timeOnce({name: 'memory', argv: [process.execPath, `--import=${maxRssPreload}`, bin, ...argv], env: {QARI_BENCH_RSS: file}});
			values.push(Number(readFileSync(file, 'utf8')) / 1024);
		}
		return median(values);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

function figureMemory(corpus) {
	console.log('\npeak memory (maxRSS) of the exports of ×500');
	const logical = peakMemory(['export', corpus[500], '--order', 'logical', '--width', '80']);
	const visual = peakMemory(['export', corpus[500], '--order', 'visual', '--shape', 'on', '--width', '80']);
	console.log(`  logical ${logical.toFixed(0)} MiB, visual ${visual.toFixed(0)} MiB`);
	const worst = Math.max(logical, visual);
	report('peak memory of the ×500 export (logical / visual)', `${logical.toFixed(0)} MiB / ${visual.toFixed(0)} MiB`, '≤ 250 MiB', worst <= 250);
}

function figureSections() {
	console.log('\nsections on the bundled article vs node -e 0');
	const t = timeRounds([qari('qari', 'sections'), {name: 'node', argv: [process.execPath, '-e', '0']}], Math.max(runs, 10));
	const r = ratio(t.qari, t.node);
	report('`sections` on the bundled article vs `node -e 0`', `${ms(median(t.qari))} vs ${ms(median(t.node))}: ${r.toFixed(2)}×`, '≤ 1.5×', r <= 1.5);
}

// ---- the reader in tmux -----------------------------------------------------------------

function createTmux() {
	const socket = `qari-bench-${process.pid}`;
	const dir = mkdtempSync(join(os.tmpdir(), 'qari-bench-tmux-'));
	const config = join(dir, 'tmux.conf');
	writeFileSync(config, 'set -g remain-on-exit on\nset -g status off\n');
	let sessions = 0;
	let socketPath = '';
	const tmux = (...a) => {
		const result = spawnSync('tmux', ['-L', socket, '-f', config, ...a], {encoding: 'utf8'});
		if (result.status !== 0) throw new Error(`tmux ${a.join(' ')}: ${result.stderr}`);
		return result.stdout;
	};
	return {
		dir,
		tmux,
		/** Starts `command` in a new 80×24 session; returns its name and the time it was asked for. */
		start(command) {
			// A server that is still shutting down can refuse a session: try again.
			for (let attempt = 1; ; attempt++) {
				const name = `s${sessions++}`;
				const asked = now();
				try {
					tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', '-c', root, command);
					socketPath ||= tmux('display', '-p', '-t', name, '#{socket_path}').trim();
					return {name, asked};
				} catch (error) {
					if (attempt >= 3) throw error;
					sleep(100);
				}
			}
		},
		/** Polls the screen every few ms until `pattern` shows; the time it first did. */
		waitFor(name, pattern, timeout = 30_000) {
			const deadline = now() + timeout;
			for (;;) {
				const screen = tmux('capture-pane', '-p', '-t', name);
				if (pattern.test(screen)) return now();
				if (now() > deadline) throw new Error(`timed out waiting for ${pattern} in:\n${screen}`);
				sleep(3); // leave the cores to the program being measured
			}
		},
		kill(name) {
			spawnSync('tmux', ['-L', socket, '-f', config, 'kill-session', '-t', name], {stdio: 'ignore'});
		},
		close() {
			spawnSync('tmux', ['-L', socket, 'kill-server'], {stdio: 'ignore'});
			// tmux leaves the socket file of a killed server behind.
			if (socketPath) rmSync(socketPath, {force: true});
			// A reader killed a moment ago may still be saving its place there.
			rmSync(dir, {recursive: true, force: true, maxRetries: 10, retryDelay: 50});
		},
	};
}

const footer = /page \d+\/\d+/;
const readerCommand = (h, file, trace) =>
	`env -u CI -u CONTINUOUS_INTEGRATION XDG_STATE_HOME=${h.dir}/state ` +
	(trace ? `QARI_TRACE_FRAMES=${trace} ${process.execPath} --import ${traceModule}` : process.execPath) +
	` ${bin} --from-start ${file}`;

/** Start-up to the first complete frame, in tmux; the reference is `node -e 0` under the same harness. */
function figureReaderStart(corpus) {
	console.log('\nreader: start to first complete frame in tmux (80×24) vs node -e 0 in the same harness');
	const h = createTmux();
	try {
		const once = (command, pattern) => {
			const {name, asked} = h.start(command);
			const seen = h.waitFor(name, pattern);
			h.kill(name);
			return seen - asked;
		};
		// The shell stays: tmux 3.3 blanks a dead pane.
		const reference = `${process.execPath} -e 0 && printf 'qari-bench-%s\\n' ready; sleep 60`;
		// The first frame is painted before Ink has loaded (src/reader-setup.ts);
		// keys are handled once Ink is up. How long that takes shows in the
		// time to the answer to a key sent at start: n, the next section.
		const keyAtStart = (file) => {
			const {name, asked} = h.start(readerCommand(h, file));
			h.tmux('send-keys', '-t', name, 'n');
			const seen = h.waitFor(name, /section 2\/\d+/);
			h.kill(name);
			return seen - asked;
		};
		const measure = (file) => {
			const qariTimes = [];
			const nodeTimes = [];
			const keyTimes = [];
			once(readerCommand(h, file), footer); // warm-up
			once(reference, /qari-bench-ready/);
			for (let r = 0; r < runs; r++) {
				if (r % 2) {
					nodeTimes.push(once(reference, /qari-bench-ready/));
					qariTimes.push(once(readerCommand(h, file), footer));
				} else {
					qariTimes.push(once(readerCommand(h, file), footer));
					nodeTimes.push(once(reference, /qari-bench-ready/));
				}
				keyTimes.push(keyAtStart(file));
			}
			return {qari: qariTimes, node: nodeTimes, key: keyTimes};
		};
		const small = measure(corpus[1]);
		const rs = ratio(small.qari, small.node);
		console.log(`  bundled article: ${ms(median(small.qari))} vs ${ms(median(small.node))}: ${rs.toFixed(2)}×`);
		const big = measure(corpus[500]);
		const rb = ratio(big.qari, big.node);
		console.log(`  ×500 corpus: ${ms(median(big.qari))} vs ${ms(median(big.node))}: ${rb.toFixed(2)}×`);
		report(
			'reader: start to first complete frame, bundled article vs `node -e 0` (tmux)',
			`${ms(median(small.qari))} vs ${ms(median(small.node))}: ${rs.toFixed(2)}×`,
			'≤ 2×',
			rs <= 2,
		);
		report('reader: start to first complete frame, ×500 corpus vs `node -e 0` (tmux)', `${ms(median(big.qari))} vs ${ms(median(big.node))}: ${rb.toFixed(2)}×`, '≤ 3×', rb <= 3);
		for (const [what, m] of [
			['bundled article', small],
			['×500 corpus', big],
		]) {
			const r = ratio(m.key, m.node);
			console.log(`  ${what}: start to the answer to n sent at start: ${ms(median(m.key))} (${r.toFixed(2)}× node -e 0)`);
			report(`reader: start to the answer to a key sent at start (n), ${what} (tmux)`, `${ms(median(m.key))}: ${r.toFixed(2)}× \`node -e 0\``, 'none (keys wait until Ink is up)', 'n/a');
		}
	} finally {
		h.close();
	}
}

/** Reads the trace: [{event, t, size}]. */
function readTrace(file) {
	if (!existsSync(file)) return [];
	return readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const [event, t, size] = line.split(' ');
			return {event, t: Number(t), size: Number(size ?? 0)};
		});
}

/** Key press to the next complete frame, from the reader's own trace (Logic 4). */
function figureKeys(corpus) {
	console.log('\nreader: key press to the next complete frame on the ×500 corpus (trace inside the reader)');
	const h = createTmux();
	const trace = join(h.dir, 'trace');
	try {
		const {name, asked} = h.start(readerCommand(h, corpus[500], trace));
		const seen = h.waitFor(name, footer);
		const events = readTrace(trace);
		const start = events.find((e) => e.event === 'start');
		const first = events.find((e) => e.event === 'frame' && e.size > 500);
		if (start && first) console.log(`  in-process: process start to first frame ${ms(first.t - start.t)} (tmux showed it ${ms(seen - asked)} after the session was asked for)`);
		// The first frame is painted before Ink has loaded; keys are read once Ink has
		// drawn its own first frame (the second big one). This trace's early stdin
		// listener would otherwise see a key Ink then never hears of.
		for (const deadline = now() + 20_000; readTrace(trace).filter((e) => e.event === 'frame' && e.size > 500).length < 2; sleep(5)) {
			if (now() > deadline) throw new Error('Ink drew no frame');
		}
		const inked = readTrace(trace).filter((e) => e.event === 'frame' && e.size > 500)[1];
		if (start && inked) console.log(`  in-process: process start to Ink's first frame (keys handled from then on) ${ms(inked.t - start.t)}`);

		/** Sends keys; waits for the frame after them; returns ms from input to frame. */
		const press = (...keys) => {
			const before = readTrace(trace).length;
			h.tmux('send-keys', '-t', name, ...keys);
			const deadline = now() + 20_000;
			for (;;) {
				const fresh = readTrace(trace).slice(before);
				const input = fresh.findIndex((e) => e.event === 'input');
				const frame = input >= 0 ? fresh.slice(input).find((e) => e.event === 'frame') : undefined;
				if (input >= 0 && frame) {
					sleep(40); // let the frame settle before the next key
					return frame.t - (fresh[input]?.t ?? frame.t);
				}
				if (now() > deadline) throw new Error(`no frame after ${keys.join(' ')}`);
				sleep(2);
			}
		};
		const presses = Math.max(runs * 2, 10);
		const page = [];
		for (let k = 0; k < presses; k++) page.push(press('space'));
		const section = [];
		for (let k = 0; k < presses; k++) section.push(press('n'));
		// A new word each time: a search counts matches in every section of the book.
		const words = ['بوتين', 'الأسد', 'موسكو', 'الرئيس', 'السوري', 'الروسي', 'زيارة', 'العسكرية', 'السياسية', 'الكرملين', 'التعاون', 'الانتخابات'];
		const search = [];
		const nextMatch = [];
		const searchStarted = now();
		for (let k = 0; k < Math.min(presses, words.length); k++) {
			press('/');
			press('-l', words[k] ?? 'بوتين');
			search.push(press('Enter'));
			nextMatch.push(press('n'));
			press('Escape');
		}
		h.tmux('send-keys', '-t', name, 'q');
		const rows = [
			['next page (space)', page],
			['next section (n)', section],
			['search (Enter on a new word)', search],
			['next match (n)', nextMatch],
		];
		console.log(`  (the first search, ${ms(search[0] ?? 0)}, ran ${ms((searchStarted ?? 0) - seen)} after the first frame)`);
		for (const [what, values] of rows) {
			const m = median(values);
			console.log(`  ${what}: median ${ms(m)} (min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))}, ${values.length} presses)`);
			report(`reader, ×500 corpus: key to next frame, ${what}`, `median ${ms(m)}`, 'median ≤ 30 ms', m <= 30);
		}
	} finally {
		h.close();
	}
}

function figureScaling(corpus) {
	console.log('\nscaling: export --order visual --shape on --width 80 of ×1, ×10, ×100, ×500, ×1000');
	const sizesTimed = [1, 10, 100, 500, 1000];
	const commands = sizesTimed.map((n) => qari(`x${n}`, 'export', corpus[n], '--order', 'visual', '--shape', 'on', '--width', '80'));
	const t = timeRounds(commands);
	const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)]));
	// Process start and the first copy are a fixed cost: compare what each size adds to ×1.
	const above = (n) => m[`x${n}`] - m.x1;
	for (const n of sizesTimed) console.log(`  x${n}: ${ms(m[`x${n}`])}` + (n > 1 ? `, ${ms(above(n) / (n - 1))} per copy above ×1` : ''));
	// ×10 is still mostly process start and JIT warm-up (its first copies run before the
	// optimizing compiler has kicked in), so, as the issue allows, the target is judged on
	// the sizes where the work dominates; ×10→×100 is shown for the record.
	const pairs = [
		[10, 100, false],
		[100, 1000, true],
		[500, 1000, true],
	];
	// Below the band is faster than linear (later copies cost less: the JIT has warmed up);
	// that is reported as such, not as a failure to scale.
	let superLinear = false;
	let subLinear = false;
	const shown = [];
	for (const [a, b, judged] of pairs) {
		const got = above(b) / above(a);
		const want = (b - 1) / (a - 1);
		if (judged && got > want * 1.3) superLinear = true;
		if (judged && got < want / 1.3) subLinear = true;
		shown.push(`×${a}→×${b}: ${got.toFixed(1)}× (size ${want.toFixed(1)}×)${judged ? '' : ' [start-up dominated, not judged]'}`);
	}
	console.log(`  time above ×1: ${shown.join(', ')}`);
	report('scaling of the visual export, time above ×1', shown.join('; '), 'within 1.3× of the size ratio', superLinear ? false : subLinear ? 'sub-linear' : true);
}

// ---- main -------------------------------------------------------------------------------

if (!args.includes('--no-build')) {
	const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {stdio: 'inherit'});
	if (build.status !== 0) process.exit(1);
}
const tools = {fribidi: has('fribidi', '--version'), pandoc: has('pandoc', '--version'), tmux: has('tmux', '-V')};
const missing = Object.entries(tools)
	.filter(([, ok]) => !ok)
	.map(([tool]) => tool);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`qari bench: ${os.availableParallelism()} cores (${cpu}), node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(`load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${runs} runs after a warm-up; medians`);
if (missing.length) console.log(`reference tools missing: ${missing.join(', ')} — their figures are skipped`);
const corpus = buildCorpus();
console.log(`corpus: bench-corpus/x500.md ${(readFileSync(corpus[500]).length / 1e6).toFixed(1)} MB (the bundled article's body ×500)`);

if (wanted('layout')) figureLayout(corpus, tools);
if (wanted('visual')) figureVisual(corpus, tools);
if (wanted('logical')) figureLogical(corpus, tools);
if (wanted('memory')) figureMemory(corpus);
if (wanted('sections')) figureSections();
if (wanted('reader')) {
	if (tools.tmux) figureReaderStart(corpus);
	else skip('reader start-up', '≤ 2× / ≤ 3×', 'tmux is not installed');
}
if (wanted('keys')) {
	if (tools.tmux) figureKeys(corpus);
	else skip('reader key latency', 'median ≤ 30 ms', 'tmux is not installed');
}
if (wanted('scaling')) figureScaling(corpus);

console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('\n| figure | measured | target | met? |\n| --- | --- | --- | --- |');
for (const row of results) console.log(`| ${row.figure} | ${row.measured} | ${row.target} | ${row.met === undefined ? '–' : row.met === true ? 'yes' : row.met === false ? 'no' : row.met} |`);
