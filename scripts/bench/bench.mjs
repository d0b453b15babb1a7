// `npm run bench`: the figures of issues 5 and 10 ("Fast at any size", "Fast on
// any machine, measured fairly"), each against a reference measured in the
// same run, on this machine.
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
// 3. The 1-minute load average (/proc/loadavg) is sampled before a figure's
//    warm-up and after each of its rounds, and printed with the figure. A
//    target is judged only when every sample was at most 1.5; above that the
//    figure is still measured (the ratios are as fair as the rounds make
//    them) but reported "not judged". Peak memory does not depend on the
//    load and is always judged.
// 4. Peak memory is the child's own process.resourceUsage().maxRSS, written on
//    exit by a preload (--import of a data: URL); no /usr/bin/time needed.
// 5. Start-up is measured in a bare pseudo-terminal (scripts/bench/bench-pty.py,
//    Python's pty module): from the fork to the moment the footer of the
//    reader's first frame has been written to the terminal, against
//    `node -e` printing a marker under the same harness. No multiplexer's
//    start is added to both sides. The answer to a key sent at start is
//    measured there too.
// 6. Key latency runs the reader in tmux at 80×24 and comes from a trace the
//    reader writes through a preload (scripts/bench/bench-trace.mjs): the time from
//    the key's bytes reaching stdin to the end of the next frame written to
//    the terminal.
// 7. Scaling is the marginal cost of the visual export: the least-squares
//    slope of time against copies over ×100, ×500 and ×1000, per round, in
//    ms per ×100 copies, and the slope of each step, which a linear cost
//    keeps steady. (The time above ×1 divided by the copies made the
//    process's start and the JIT's warm-up look like sub-linear scaling.)
// 8. A missing reference tool (fribidi, pandoc, tmux, python3) skips its
//    figures with a message; nothing here is part of `npm test`.
//
// Usage: node scripts/bench/bench.mjs [--runs N] [--only layout,visual,logical,memory,sections,reader,keys,scaling] [--no-build]

import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const corpusDir = join(root, 'bench-corpus');
const bin = join(root, 'bin', 'qari.js');
const article = join(root, 'content', 'assad-putin-moscow.md');
const traceModule = join(root, 'scripts', 'bench', 'bench-trace.mjs');
const ptyHarness = join(root, 'scripts', 'bench', 'bench-pty.py');
/** Above this 1-minute load average a target is not judged (Logic 3). */
const MAX_LOAD = 1.5;

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

/** The 1-minute load average (/proc/loadavg on Linux). */
const loadNow = () => os.loadavg()[0];

/**
 * Times every command of a figure: a warm-up round, then `rounds` rounds in rotating
 * order (Logic 2), with the load average before and after each round (Logic 3).
 * Returns {times: {name: [ms per round]}, loads: [1-minute load averages]}.
 */
function timeRounds(commands, rounds = runs) {
	const times = Object.fromEntries(commands.map((c) => [c.name, []]));
	const loads = [loadNow()];
	for (const c of commands) timeOnce(c);
	for (let r = 0; r < rounds; r++) {
		for (let k = 0; k < commands.length; k++) {
			const c = commands[(k + r) % commands.length];
			times[c.name].push(timeOnce(c));
		}
		loads.push(loadNow());
	}
	return {times, loads};
}

/** Median of the per-round ratios a/b. */
function ratio(a, b) {
	return median(a.map((x, i) => x / b[i]));
}

const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const qari = (name, ...argv) => ({name, argv: [process.execPath, bin, ...argv]});

/** The load averages of a figure's rounds, for printing: "0.42" or "0.42–1.80". */
function loadRange(loads) {
	const lo = Math.min(...loads);
	const hi = Math.max(...loads);
	return lo.toFixed(2) === hi.toFixed(2) ? hi.toFixed(2) : `${lo.toFixed(2)}–${hi.toFixed(2)}`;
}

/**
 * The verdict on a target: met / NOT met only when the load stayed at most 1.5 in
 * every sample of the figure's rounds (Logic 3); `met` that is not a boolean is
 * shown as it is.
 */
function verdict(met, loads, loadFree = false) {
	if (met === undefined) return 'not measured';
	if (typeof met !== 'boolean') return met;
	const worst = Math.max(...loads);
	if (!loadFree && worst > MAX_LOAD) return `not judged (load ${worst.toFixed(2)} > ${MAX_LOAD}; ${met ? 'within' : 'outside'} the target at that load)`;
	return met ? 'met' : 'NOT met';
}

const results = [];
/** One row of the summary table; `loads` are the figure's load samples. */
function report(figure, measured, target, met, loads, loadFree = false) {
	const judged = verdict(met, loads, loadFree);
	results.push({figure, measured, load: loadRange(loads), target, judged});
	console.log(`  → ${measured}  [load ${loadRange(loads)}]  (target ${target}: ${judged})`);
}

function skip(figure, target, why) {
	results.push({figure, measured: `skipped: ${why}`, load: '–', target, judged: '–'});
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
	const target = '≤ 3× fribidi (aim ≤ 2.5×)';
	if (!tools.fribidi) return skip('visual export vs fribidi', target, 'fribidi is not installed (apt install fribidi)');
	const {times: t, loads} = timeRounds([
		qari('qari', 'export', corpus[500], '--order', 'visual', '--shape', 'on', '--width', '80'),
		{name: 'fribidi', argv: ['fribidi', '--nopad', '--nobreak', corpus[500]]},
	]);
	const r = ratio(t.qari, t.fribidi);
	report(
		'`export --order visual --shape on --width 80`, ×500, vs `fribidi --nopad --nobreak`',
		`${ms(median(t.qari))} vs ${ms(median(t.fribidi))}: ${r.toFixed(2)}× fribidi (rounds ${t.qari.map((x, i) => (x / t.fribidi[i]).toFixed(2)).join(' ')})`,
		target,
		r <= 3,
		loads,
	);
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
	const before = loadNow();
	const child = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench', 'bench-layout.ts'), corpus[500], lines, String(runs)], {
		cwd: root,
		encoding: 'utf8',
	});
	if (child.status !== 0) throw new Error(`bench-layout failed: ${child.stderr}`);
	const {paragraphs, times} = JSON.parse(child.stdout);
	const after = loadNow();
	const reference = timeRounds([{name: 'fribidi', argv: ['fribidi', '--nopad', '--nobreak', lines]}]);
	const fribidi = reference.times.fribidi;
	const ours = paragraphs / (median(times) / 1000);
	const theirs = paragraphs / (median(fribidi) / 1000);
	report(
		'layout of the ×500 corpus in process (visual, shaped, 80 cells) vs `fribidi --nopad --nobreak` on the same paragraphs',
		`${Math.round(ours).toLocaleString('en')} vs ${Math.round(theirs).toLocaleString('en')} paragraphs/s (${paragraphs.toLocaleString('en')} paragraphs): ${(ours / theirs).toFixed(2)}× fribidi's rate`,
		target,
		'n/a',
		[before, after, ...reference.loads],
	);
}

function figureLogical(corpus, tools) {
	console.log('\nexport --order logical --width 80 of ×500 vs pandoc -f markdown -t plain');
	const target = '≥ 10× faster than pandoc';
	if (!tools.pandoc) return skip('logical export vs pandoc', target, 'pandoc is not installed (apt install pandoc)');
	const {times: t, loads} = timeRounds([
		qari('qari', 'export', corpus[500], '--order', 'logical', '--width', '80'),
		{name: 'pandoc', argv: ['pandoc', '-f', 'markdown', '-t', 'plain', corpus[500]]},
	]);
	const r = ratio(t.pandoc, t.qari);
	report(
		'`export --order logical --width 80`, ×500, vs `pandoc -f markdown -t plain`',
		`${ms(median(t.qari))} vs ${ms(median(t.pandoc))}: ${r.toFixed(1)}× faster`,
		target,
		r >= 10,
		loads,
	);
}

const maxRssPreload =
	'data:text/javascript,' +
	encodeURIComponent(
		'import {writeFileSync} from "node:fs";' + 'process.on("exit", () => writeFileSync(process.env.QARI_BENCH_RSS, String(process.resourceUsage().maxRSS)));',
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
	const before = loadNow();
	const logical = peakMemory(['export', corpus[500], '--order', 'logical', '--width', '80']);
	const visual = peakMemory(['export', corpus[500], '--order', 'visual', '--shape', 'on', '--width', '80']);
	console.log(`  logical ${logical.toFixed(0)} MiB, visual ${visual.toFixed(0)} MiB`);
	const worst = Math.max(logical, visual);
	report(
		'peak memory of the ×500 export (logical / visual)',
		`${logical.toFixed(0)} MiB / ${visual.toFixed(0)} MiB`,
		'≤ 250 MiB',
		worst <= 250,
		[before, loadNow()],
		true,
	);
}

function figureSections() {
	console.log('\nsections on the bundled article vs node -e 0');
	const {times: t, loads} = timeRounds([qari('qari', 'sections'), {name: 'node', argv: [process.execPath, '-e', '0']}], Math.max(runs, 10));
	const r = ratio(t.qari, t.node);
	report('`sections` on the bundled article vs `node -e 0`', `${ms(median(t.qari))} vs ${ms(median(t.node))}: ${r.toFixed(2)}×`, '≤ 1.5×', r <= 1.5, loads);
}

// ---- the reader: start-up in a bare pty, keys in tmux ---------------------------------

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

/** The reader's environment in the pty: never CI (it would print), a state directory of its own. */
function readerEnv(stateDir) {
	const env = {...process.env, TERM: 'xterm-256color', XDG_STATE_HOME: stateDir};
	// A reader started under CI prints instead of drawing; TMUX would change the bidi mode it picks.
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'TMUX', 'TMUX_PANE']) delete env[name];
	return env;
}

/** The footer of a frame as written to the terminal: `page p/P · n%` (chrome.ts). */
const footerBytes = 'page \\d+/\\d+ \u00b7 \\d+%';

/**
 * Start-up to the first complete frame in a bare pseudo-terminal (Logic 5), against
 * `node -e` printing a marker under the same harness, and the answer to a key sent at
 * start (n: the next section), bundled article and ×500.
 */
function figureReaderStart(corpus) {
	console.log('\nreader: start to the footer of the first frame in a bare pty (80×24) vs node -e (a marker) in the same harness');
	const dir = mkdtempSync(join(os.tmpdir(), 'qari-bench-pty-'));
	try {
		const measure = (file) => {
			const reader = [process.execPath, bin, '--from-start', file];
			const spec = {
				rounds: runs,
				cols: 80,
				rows: 24,
				timeout: 60,
				env: readerEnv(join(dir, 'state')),
				commands: [
					{name: 'qari', argv: reader, pattern: footerBytes},
					{name: 'node', argv: [process.execPath, '-e', "process.stdout.write('qari-bench-ready\\n')"], pattern: 'qari-bench-ready'},
					{name: 'key', argv: reader, pattern: 'section 2/\\d+', keys: 'n'},
				],
			};
			const child = spawnSync('python3', [ptyHarness, JSON.stringify(spec)], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 24});
			if (child.status !== 0) throw new Error(`bench-pty failed (${child.status ?? child.signal}): ${child.stderr}`);
			return JSON.parse(child.stdout);
		};
		const figures = [
			['bundled article', corpus[1], 2],
			['×500 corpus', corpus[500], 3],
		].map(([what, file, limit]) => ({what, limit, ...measure(file)}));
		for (const {what, limit, times: t, loads} of figures) {
			const r = ratio(t.qari, t.node);
			report(
				`reader: start to the footer of the first frame, ${what}, vs \`node -e\` (bare pty)`,
				`${ms(median(t.qari))} vs ${ms(median(t.node))}: ${r.toFixed(2)}×`,
				`≤ ${limit}×`,
				r <= limit,
				loads,
			);
		}
		for (const {what, times: t, loads} of figures) {
			const r = ratio(t.key, t.node);
			report(
				`reader: start to the answer to a key sent at start (n), ${what} (bare pty)`,
				`${ms(median(t.key))}: ${r.toFixed(2)}× \`node -e\``,
				'none (keys wait until Ink is up)',
				'n/a',
				loads,
			);
		}
	} finally {
		rmSync(dir, {recursive: true, force: true, maxRetries: 10, retryDelay: 50});
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
	const loads = [loadNow()];
	try {
		const {name, asked} = h.start(readerCommand(h, corpus[500], trace));
		const seen = h.waitFor(name, footer);
		const events = readTrace(trace);
		const start = events.find((e) => e.event === 'start');
		const first = events.find((e) => e.event === 'frame' && e.size > 500);
		if (start && first)
			console.log(`  in-process: process start to first frame ${ms(first.t - start.t)} (tmux showed it ${ms(seen - asked)} after the session was asked for)`);
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
		loads.push(loadNow());
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
			report(`reader, ×500 corpus: key to next frame, ${what} (tmux)`, `median ${ms(m)}`, 'median ≤ 30 ms', m <= 30, loads);
		}
	} finally {
		h.close();
	}
}

/** Least-squares slope and intercept of y against x. */
function fitLine(xs, ys) {
	const n = xs.length;
	const mx = xs.reduce((a, b) => a + b, 0) / n;
	const my = ys.reduce((a, b) => a + b, 0) / n;
	let sxy = 0;
	let sxx = 0;
	for (let i = 0; i < n; i++) {
		sxy += (xs[i] - mx) * (ys[i] - my);
		sxx += (xs[i] - mx) ** 2;
	}
	const slope = sxy / sxx;
	return {slope, intercept: my - slope * mx};
}

/**
 * The marginal cost of the visual export (Logic 7): per round, the slope of time
 * against copies over ×100, ×500 and ×1000 in ms per ×100 copies, and the slope of
 * each step; medians over the rounds. ×1 and ×10 are timed for the record.
 */
function figureScaling(corpus) {
	console.log('\nscaling: export --order visual --shape on --width 80 of ×1, ×10, ×100, ×500, ×1000: marginal cost per ×100 copies');
	const sizesTimed = [1, 10, 100, 500, 1000];
	const fitted = [100, 500, 1000];
	const commands = sizesTimed.map((n) => qari(`x${n}`, 'export', corpus[n], '--order', 'visual', '--shape', 'on', '--width', '80'));
	const {times: t, loads} = timeRounds(commands);
	const perRound = (f) => median(t.x1.map((_, r) => f((n) => t[`x${n}`][r])));
	const slope = perRound((at) => fitLine(fitted, fitted.map(at)).slope * 100);
	const intercept = perRound((at) => fitLine(fitted, fitted.map(at)).intercept);
	const step = (a, b) => perRound((at) => ((at(b) - at(a)) / (b - a)) * 100);
	const low = step(100, 500);
	const high = step(500, 1000);
	console.log(`  ${sizesTimed.map((n) => `×${n}: ${ms(median(t[`x${n}`]))}`).join(', ')}`);
	console.log(
		`  fit over ×100, ×500, ×1000: ${ms(slope)} per ×100 copies + ${ms(intercept)} fixed; steps ×100→×500 ${ms(low)} and ×500→×1000 ${ms(high)} per ×100`,
	);
	const steady = Math.max(low, high) / Math.min(low, high);
	report(
		'scaling of the visual export: marginal cost per ×100 copies (fit over ×100/×500/×1000; each step)',
		`${ms(slope)} per ×100 (${ms(intercept)} fixed); steps ${ms(low)} / ${ms(high)} per ×100`,
		'linear: the two steps within 1.3× of each other',
		steady <= 1.3,
		loads,
	);
}

// ---- main -------------------------------------------------------------------------------

if (!args.includes('--no-build')) {
	const build = spawnSync(process.execPath, [join(root, 'scripts', 'build', 'build.mjs')], {stdio: 'inherit'});
	if (build.status !== 0) process.exit(1);
}
const tools = {fribidi: has('fribidi', '--version'), pandoc: has('pandoc', '--version'), tmux: has('tmux', '-V'), python3: has('python3', '--version')};
const missing = Object.entries(tools)
	.filter(([, ok]) => !ok)
	.map(([tool]) => tool);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`qari bench: ${os.availableParallelism()} cores (${cpu}), node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(
	`load average at start: ${os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}; ${runs} runs after a warm-up; medians`,
);
console.log(`targets are judged only where the 1-minute load average stayed at most ${MAX_LOAD} through the figure's rounds`);
if (missing.length) console.log(`reference tools missing: ${missing.join(', ')} — their figures are skipped`);
const corpus = buildCorpus();
console.log(`corpus: bench-corpus/x500.md ${(readFileSync(corpus[500]).length / 1e6).toFixed(1)} MB (the bundled article's body ×500)`);

if (wanted('layout')) figureLayout(corpus, tools);
if (wanted('visual')) figureVisual(corpus, tools);
if (wanted('logical')) figureLogical(corpus, tools);
if (wanted('memory')) figureMemory(corpus);
if (wanted('sections')) figureSections();
if (wanted('reader')) {
	if (tools.python3) figureReaderStart(corpus);
	else skip('reader start-up', '≤ 2× / ≤ 3×', 'python3 is not installed (the pty harness, scripts/bench/bench-pty.py)');
}
if (wanted('keys')) {
	if (tools.tmux) figureKeys(corpus);
	else skip('reader key latency', 'median ≤ 30 ms', 'tmux is not installed');
}
if (wanted('scaling')) figureScaling(corpus);

console.log(
	`\nload average at the end: ${os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`,
);
console.log('\n| figure | measured | load (1-min) | target | met? |\n| --- | --- | --- | --- | --- |');
for (const row of results) console.log(`| ${row.figure} | ${row.measured} | ${row.load} | ${row.target} | ${row.judged} |`);
