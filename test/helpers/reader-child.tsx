// A reader in a process of its own, for the tests of its ways out
// (hostile-reader.test.tsx): signals end a process, and an uncaught exception
// is a process-wide event, so neither can be tried inside the test runner.
// The terminal is fake but writes straight through to fd 1 and fd 2, so the
// parent sees every byte, in order, even when a signal ends the process.
//
//   node --import tsx test/helpers/reader-child.tsx MODE [--debug]
//
// MODE: SIGTERM | SIGHUP | SIGINT (sent to itself after the first frame),
// render (the layout throws while rendering), key (the layout of section 2
// throws when 'n' is pressed), timer (an exception from a timer), rejection
// (an unhandled promise rejection), quit (the q key).
import './no-ci.js';
import {EventEmitter} from 'node:events';
import {mkdtempSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {type Article} from '../../src/model/article.js';
import {bundledArticle, loadArticle} from '../../src/cli/files.js';
import {runReader} from '../../src/ui/run.js';
import {brokenSection} from './sections.js';
import {fakeStdin} from './terminal.js';

const mode = process.argv[2] ?? 'quit';
const debug = process.argv.includes('--debug');

/** Called once, when the first frame (its footer) has been written. */
let onFrame: (() => void) | undefined;
const stream = (fd: number) =>
	Object.assign(new EventEmitter(), {
		columns: 80,
		rows: 24,
		isTTY: true,
		write(data: string): boolean {
			writeSync(fd, data);
			if (fd === 1 && data.includes('page 1/')) {
				const act = onFrame;
				onFrame = undefined;
				act?.();
			}
			return true;
		},
	});
const stdout = stream(1);
const stderr = stream(2);
const stdin = fakeStdin();

const loaded = loadArticle(bundledArticle);
const broken = (from: number): Article => ({
	...loaded.article,
	sections: loaded.article.sections.map((section, i) => (i < from ? section : brokenSection(section, `the layout of section ${i + 1} broke`))),
});
const article = mode === 'render' ? broken(0) : mode === 'key' ? broken(1) : loaded.article;

// Never hang a test: a reader that does not end is a failure. Generous: the
// test runs eight of these at once, and on a busy two-core machine the
// others' start-up (tsx compiling Ink) can starve this one for seconds.
setTimeout(() => {
	writeSync(2, 'reader-child: still running after 60 s\n');
	process.exit(99);
}, 60_000).unref();

// Once the first frame has been drawn, on the next turn of the event loop
// (set before the reader starts: its first frame is written synchronously).
onFrame = () =>
	setImmediate(() => {
		if (mode === 'SIGTERM' || mode === 'SIGHUP' || mode === 'SIGINT') process.kill(process.pid, mode);
		else if (mode === 'key') stdin.type('n');
		else if (mode === 'timer')
			setTimeout(() => {
				throw new Error('a timer broke');
			}, 1);
		else if (mode === 'rejection') void Promise.reject(new Error('a promise broke'));
		else if (mode === 'quit') stdin.type('q');
	});

const done = runReader({
	article,
	text: loaded.text,
	stdin: stdin as unknown as NodeJS.ReadStream,
	stdout: stdout as unknown as NodeJS.WriteStream,
	stderr: stderr as unknown as NodeJS.WriteStream,
	env: {VTE_VERSION: '7200', TERM: 'xterm-256color'},
	bidi: 'auto',
	shape: 'auto',
	dir: 'auto',
	color: true,
	debug,
	fromStart: true,
	positionsFile: join(mkdtempSync(join(tmpdir(), 'qari-child-')), 'positions.json'),
});

process.exitCode = await done;
