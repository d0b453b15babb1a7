// `qari [file]`: the reader on a terminal, or the article printed when
// there is none to read on (print.ts).
//
// Logic:
// 1. Keys come from stdin when it is the terminal; when the article comes
//    through a pipe, from the controlling terminal (/dev/tty). With no
//    terminal at all, the article is printed instead.
// 2. Ink and React (dist/reader.js) start loading at once, while
//    reader-start.ts decides the bidi mode, makes the book and paints the
//    first frame without them; the Ink reader then takes the terminal over.
// 3. From before the first paint until the process ends, one signal guard
//    (signal-guard.ts) answers SIGINT, SIGTERM and SIGHUP.

import {fstatSync, openSync} from 'node:fs';
import {type Io, type ReadArgs} from './commands.js';
import {findSection, load, printArticle} from './print.js';
import {paintFirstFrame, prepareReader, type ReaderOptions} from './reader-start.js';
import {installSignalGuard} from './signal-guard.js';

/** How the reader bundle is loaded: main's caller says (bin/qari.js). */
export interface ReaderImport {
	/**
	 * Loads the reader (Ink, React: src/ui/run.tsx, bundled as dist/reader.js).
	 * The entry point does the import: the CLI bundle runs from a V8 code cache
	 * (bin/load-bundle.js), where code cannot call import() itself.
	 */
	readonly importReader: () => Promise<typeof import('../ui/run.js')>;
}

export async function runRead(args: ReadArgs, io: Io, debug: boolean, main: ReaderImport): Promise<void> {
	if (!io.stdout.isTTY) {
		await printArticle(await load(args.file, io, args), args, io);
		return;
	}
	// A reader: the article may come through a pipe, then keys come
	// from the controlling terminal. With none, print instead.
	const piped = args.file === undefined && !process.stdin.isTTY && isPipeOrFile(0);
	const fromStdin = args.file === '-' || piped;
	const loaded = await load(fromStdin ? '-' : args.file, io, args);
	let keys: NodeJS.ReadStream = process.stdin;
	let ownKeys: NodeJS.ReadStream | undefined;
	if (fromStdin || !process.stdin.isTTY) {
		try {
			// node:tty loads the whole net stack: only the reader needs it.
			const tty = await import('node:tty');
			ownKeys = new tty.ReadStream(openSync('/dev/tty', 'r'));
			keys = ownKeys;
		} catch {
			await printArticle(loaded, args, io);
			return;
		}
	}
	const section = args.section === undefined ? undefined : findSection(loaded.article, args.section).index - 1;
	// Ink reads CI once, when it is imported, and then draws nothing
	// until it exits. The user asked for a reader on a terminal.
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
	// Ink and React load while the first frame is drawn without them (reader-start.ts).
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
		uiLang: args.uiLang,
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
async function importReader(load: ReaderImport['importReader']): Promise<typeof import('../ui/run.js')> {
	const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		if (fetch) Object.defineProperty(globalThis, 'fetch', fetch);
		else Reflect.deleteProperty(globalThis, 'fetch');
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
