// The command line: the only module that touches argv, stdout, stderr and
// exit codes. Everything it prints comes from the pure core. Well-formed
// invocations are parsed here (cli-args.ts); help, completion and every
// usage mistake go to yargs (cli-yargs.ts), loaded only then.

import {existsSync, fstatSync, openSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {type Article, type Section} from '../model/article.js';
import {
	type Auto,
	type CommandHandlers,
	type ExportArgs,
	type Io,
	type ListArgs,
	type ReadArgs,
	type SectionsArgs,
	isUsageError,
	parseInvocation,
} from './commands.js';
import {escapeUnprintable} from '../parse/sanitize.js';
import {exportJson, exportTextBytes, exportTextChunks} from '../output/export.js';
import {bundledArticle, contentDir, listArticleFiles, loadArticle, UserError, type LoadedArticle} from './files.js';
import {firstPaint, prepareReader, terminalSize, type ReaderOptions, type ReaderSetup} from './reader-start.js';
import {formatSectionsJson, formatSectionsText, formatTable} from '../output/sections-table.js';
import {installSignalGuard, type SignalGuard} from './signal-guard.js';
import {leaveSequence} from '../terminal/detect.js';
import {type Order} from '../text/paragraph.js';

const commands = ['sections', 'export', 'list', 'completion'];

/** Runs the CLI with the given arguments; sets process.exitCode. */
export interface MainOptions {
	/**
	 * Loads the reader (Ink, React: src/ui/run.tsx, bundled as dist/reader.js).
	 * The entry point does the import: the CLI bundle runs from a V8 code cache
	 * (bin/load-bundle.js), where code cannot call import() itself.
	 */
	readonly importReader: () => Promise<typeof import('../ui/run.js')>;
}

export async function main(argv: readonly string[], io: Io, options: MainOptions): Promise<void> {
	const debug = argv.includes('--debug');
	io.stdout.on('error', (error: NodeJS.ErrnoException) => {
		// `qari export | head -1`: the reader of the pipe is gone; stop quietly.
		// EIO: the terminal hung up. Either way there is no one left to tell.
		if (error.code === 'EPIPE' || error.code === 'EIO') process.exit(process.exitCode ?? 0);
		throw error;
	});
	const handlers = commandHandlers(io, debug, options);
	try {
		const invocation = parseInvocation(argv);
		const first = argv[0];
		// `qari [file]` takes any word as a file: a bare word that is neither a
		// command nor an existing file is a mistyped command, not a missing file.
		const mistyped = first !== undefined && /^[a-z][a-z0-9-]*$/i.test(first) && !commands.includes(first) && !existsSync(first);
		if (invocation && !mistyped) {
			switch (invocation.command) {
				case 'read':
					return await handlers.read(invocation.args);
				case 'sections':
					return handlers.sections(invocation.args);
				case 'export':
					return handlers.export(invocation.args);
				case 'list':
					return handlers.list(invocation.args);
			}
		}
		const {buildParser} = await import('./yargs.js');
		const parser = buildParser(argv, io, handlers);
		if (mistyped) {
			parser.showHelp((s: string) => io.stderr.write(`${s}\n`));
			io.stderr.write(`\nqari: unknown command '${escapeUnprintable(first)}'\n`);
			process.exitCode = 2;
			return;
		}
		await parser.parseAsync();
	} catch (error) {
		if (isUsageError(error)) {
			process.exitCode = 2;
			return;
		}
		if (error instanceof UserError) {
			io.stderr.write(`qari: ${error.message}\n`);
		} else {
			const message = escapeUnprintable(((error as Error).message ?? String(error)).replace(/\s*\n\s*/g, ' '));
			if (debug) io.stderr.write(`qari: internal error: ${message}\n${(error as Error).stack ?? ''}\n`);
			else io.stderr.write(`qari: internal error: ${message} (run again with --debug for details)\n`);
		}
		process.exitCode = 1;
	}
}

/** What each command does, whichever parser read its arguments. */
function commandHandlers(io: Io, debug: boolean, options: MainOptions): CommandHandlers {
	return {
		read: (args) => runRead(args, io, debug, options),
		sections: (args) => runSections(args, io),
		export: (args) => runExport(args, io),
		list: (args) => runList(args, io),
	};
}

async function runRead(args: ReadArgs, io: Io, debug: boolean, main: MainOptions): Promise<void> {
	const print = (loaded: LoadedArticle): void => {
		const order = resolveOrder(args.order, io);
		const sections = args.section === undefined ? loaded.article.sections : [findSection(loaded.article, args.section)];
		const options = {width: resolveWidth(args.width, io), order, shape: resolveShape(args.shape, order), dir: args.dir, baseDir: loaded.article.dir};
		exportTextChunks(loaded.article, options, sections, (chunk) => io.stdout.write(chunk));
	};
	if (!io.stdout.isTTY) {
		print(load(args.file, io));
		return;
	}
	// A reader: the article may come through a pipe, then keys come
	// from the controlling terminal. With none, print instead.
	const piped = args.file === undefined && !process.stdin.isTTY && isPipeOrFile(0);
	const fromStdin = args.file === '-' || piped;
	const loaded = load(fromStdin ? '-' : args.file, io);
	let keys: NodeJS.ReadStream = process.stdin;
	let ownKeys: NodeJS.ReadStream | undefined;
	if (fromStdin || !process.stdin.isTTY) {
		try {
			// node:tty loads the whole net stack: only the reader needs it.
			const tty = await import('node:tty');
			ownKeys = new tty.ReadStream(openSync('/dev/tty', 'r'));
			keys = ownKeys;
		} catch {
			print(loaded);
			return;
		}
	}
	const section = args.section === undefined ? undefined : findSection(loaded.article, args.section).index - 1;
	// Ink reads CI once, when it is imported, and then draws nothing
	// until it exits. The user asked for a reader on a terminal.
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
	// Ink and React load while the first frame is drawn without them (reader-setup.ts).
	const reader = importReader(main.importReader);
	reader.catch(() => undefined);
	// Test only (holdForTest): the frame goes up once the bundle is loaded.
	const testDelay = testReaderDelay();
	if (testDelay > 0) await reader;
	const noColor = (process.env['NO_COLOR'] ?? '') !== '';
	const options: ReaderOptions = {
		article: loaded.article,
		text: loaded.text,
		stdin: keys,
		stdout: io.stdout,
		stderr: io.stderr,
		env: process.env,
		bidi: args.bidi,
		shape: args.shape,
		dir: args.dir,
		...(args.width ? {maxWidth: args.width} : {}),
		...(section === undefined ? {} : {section}),
		fromStart: args.fromStart,
		mouse: args.mouse,
		color: args.color && !noColor,
		debug,
	};
	const setup = prepareReader(options);
	// From here until the process ends, one guard answers SIGINT, SIGTERM and
	// SIGHUP (signal-guard.ts): the first paint and then the reader only tell
	// it how to give the terminal back. Before it, nothing is on the terminal
	// and a signal ends the process as it would any program.
	const signals = installSignalGuard(io.stderr);
	const painted = paintFirstFrame(setup, options, keys, io.stdout, signals);
	try {
		const {runReader} = await reader;
		if (painted && testDelay > 0) holdForTest(testDelay);
		process.exitCode = await runReader(options, setup, {painted: painted !== undefined, signals});
	} catch (error) {
		painted?.restore();
		throw error;
	} finally {
		ownKeys?.destroy();
	}
}

/**
 * Enters the alternate screen and draws the first frame (reader-setup.ts,
 * Logic 3), with the keyboard in raw mode so nothing typed meanwhile is
 * echoed. Until runReader takes the terminal over, a signal (through the
 * guard) or `restore` gives it back. Undefined if nothing was drawn.
 */
function paintFirstFrame(
	setup: ReaderSetup,
	options: ReaderOptions,
	keys: NodeJS.ReadStream,
	stdout: NodeJS.WriteStream,
	signals: SignalGuard,
): {restore(): void} | undefined {
	const frame = firstPaint(setup, terminalSize(stdout), {...(options.maxWidth ? {maxWidth: options.maxWidth} : {}), color: options.color});
	if (frame === undefined) return undefined;
	let restored = false;
	const restore = (): void => {
		if (restored) return;
		restored = true;
		try {
			keys.setRawMode?.(false);
			stdout.write(leaveSequence(setup.choice));
		} catch {
			// The terminal is gone.
		}
	};
	signals.own(restore);
	keys.setRawMode?.(true);
	stdout.write(frame);
	return {restore};
}

/**
 * Test only (QARI_TEST_READER_DELAY_MS=n): with the reader bundle loaded and
 * the first frame on the screen, holds the main thread n ms before runReader
 * takes the terminal over, as a slow evaluation of the bundle would. A signal
 * that arrives then waits in libuv, undispatched, until the hand-off is done:
 * the window in which one was lost (issue 10), made wide enough to hit every
 * time (test/signals.test.ts). runRead awaits the import before the paint in
 * this mode, so a frame on the screen means the hold has begun.
 */
function holdForTest(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** QARI_TEST_READER_DELAY_MS, or 0. */
function testReaderDelay(): number {
	const ms = Number(process.env['QARI_TEST_READER_DELAY_MS'] ?? '');
	return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/**
 * Loads the reader bundle. Ink's layout engine (yoga, compiled by Emscripten)
 * loads its WebAssembly through `fetch` when a global `fetch` exists, and the
 * first touch of Node's `fetch` loads the whole HTTP client (about 20 ms of
 * start-up); without it, it decodes the same embedded bytes directly.
 */
async function importReader(load: MainOptions['importReader']): Promise<typeof import('../ui/run.js')> {
	const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		if (fetch) Object.defineProperty(globalThis, 'fetch', fetch);
		else Reflect.deleteProperty(globalThis, 'fetch');
	}
}

function runSections(args: SectionsArgs, io: Io): void {
	const {article} = load(args.file, io);
	if (args.json) {
		io.stdout.write(formatSectionsJson(article));
		return;
	}
	const order = resolveOrder(args.order, io);
	io.stdout.write(formatSectionsText(article, {order, shape: resolveShape(args.shape, order)}));
}

function runExport(args: ExportArgs, io: Io): void {
	const {article} = load(args.file, io);
	const sections = args.section === undefined ? article.sections : [findSection(article, args.section)];
	const toFile = args.output !== undefined && args.output !== '-';
	const order = toFile ? resolveOrderForFile(args.order) : resolveOrder(args.order, io);
	const width = args.width ?? (toFile ? 80 : undefined);
	if (args.format !== 'json' && !toFile) {
		// Written in chunks as the lines are laid out: no buffer of the whole text (export.ts Logic 1).
		const options = {width: resolveWidth(width, io), order, shape: resolveShape(args.shape, order), dir: args.dir, baseDir: article.dir};
		exportTextChunks(article, options, sections, (chunk) => io.stdout.write(chunk));
		return;
	}
	const text =
		args.format === 'json'
			? exportJson(article, sections)
			: exportTextBytes(article, {width: resolveWidth(width, io), order, shape: resolveShape(args.shape, order), dir: args.dir, baseDir: article.dir}, sections);
	if (toFile && args.output) writeAtomically(args.output, text);
	else io.stdout.write(text);
}

function runList(args: ListArgs, io: Io): void {
	const rows = listArticleFiles(contentDir).map((path) => {
		const {article} = load(path, io);
		const words = article.sections.reduce((n, s) => n + s.words, 0);
		return [basename(path), article.title, article.lang || '-', String(article.sections.length), String(words)];
	});
	const order = resolveOrder(args.order, io);
	const columns = [
		{header: 'file', kind: 'text'},
		{header: 'title', kind: 'text'},
		{header: 'lang', kind: 'text'},
		{header: 'sections', kind: 'number'},
		{header: 'words', kind: 'number'},
	] as const;
	io.stdout.write(formatTable(columns, rows, {order, shape: resolveShape(args.shape, order)}));
}

/** Whether a path exists and is neither a regular file nor a directory (a device, a FIFO, a socket). */
function isSpecialFile(path: string): boolean {
	try {
		const stat = statSync(path);
		return !stat.isFile() && !stat.isDirectory();
	} catch {
		return false;
	}
}

/** Whether a file descriptor is a pipe or a regular file (not a terminal, not /dev/null). */
function isPipeOrFile(fd: number): boolean {
	try {
		const stat = fstatSync(fd);
		return stat.isFIFO() || stat.isFile() || stat.isSocket();
	} catch {
		return false;
	}
}

function load(file: string | undefined, io: Io): LoadedArticle {
	const loaded = loadArticle(file ?? bundledArticle);
	for (const warning of loaded.warnings) io.stderr.write(`qari: warning: ${warning}\n`);
	return loaded;
}

function resolveWidth(width: number | undefined, io: Io): number {
	if (width !== undefined) return width;
	return io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80;
}

function resolveOrder(order: Auto<Order>, io: Io): Order {
	if (order !== 'auto') return order;
	return io.stdout.isTTY ? 'visual' : 'logical';
}

function resolveOrderForFile(order: Auto<Order>): Order {
	return order === 'auto' ? 'logical' : order;
}

function resolveShape(shape: Auto<'on' | 'off'>, order: Order): boolean {
	return shape === 'auto' ? order === 'visual' : shape === 'on';
}

/** A section by number (1-based) or by title (exact, then ignoring case). */
export function findSection(article: Article, wanted: string): Section {
	const trimmed = wanted.trim();
	if (/^\d+$/.test(trimmed)) {
		const section = article.sections[Number(trimmed) - 1];
		if (section) return section;
		throw new UserError(`no section ${trimmed}: the article has ${article.sections.length}`);
	}
	const exact = article.sections.find((s) => s.title === trimmed);
	if (exact) return exact;
	const folded = trimmed.toLowerCase();
	const loose = article.sections.filter((s) => s.title.toLowerCase().includes(folded));
	if (loose.length === 1 && loose[0]) return loose[0];
	if (loose.length > 1) throw new UserError(`section '${trimmed}' is ambiguous: ${loose.map((s) => s.index).join(', ')} match`);
	throw new UserError(`no section titled '${trimmed}' (see 'qari sections')`);
}

function writeAtomically(path: string, text: string | Uint8Array): void {
	// Write beside the target, then rename: readers of `path` see the old file
	// or the whole new one, never a part. A target that is not a regular file
	// (/dev/null, a FIFO, a terminal) is written to as it is: renaming over it
	// would replace the device with a file (as root, even /dev/null).
	const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
	let wroteTemp = false;
	try {
		if (isSpecialFile(path)) {
			writeFileSync(path, text);
			return;
		}
		wroteTemp = true;
		writeFileSync(temp, text);
		renameSync(temp, path);
	} catch (error) {
		try {
			if (wroteTemp) rmSync(temp, {force: true});
		} catch {
			// Nothing was written where the path cannot hold a file.
		}
		const code = (error as NodeJS.ErrnoException).code ?? '';
		const reasons: Record<string, string> = {
			ENOENT: 'no such directory',
			ENOTDIR: 'a part of the path is not a directory',
			EACCES: 'permission denied',
			EPERM: 'permission denied',
			EISDIR: 'is a directory',
			EROFS: 'read-only file system',
			ENOSPC: 'no space left on the device',
			EDQUOT: 'disk quota exceeded',
			EFBIG: 'file too large',
		};
		throw new UserError(`cannot write '${escapeUnprintable(path)}': ${reasons[code] ?? (error as Error).message}`);
	}
}

