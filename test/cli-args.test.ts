// The fast argument parser must read every invocation it accepts exactly as
// yargs does, and hand everything else to yargs.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type CommandHandlers, type Invocation, parseInvocation} from '../src/cli/commands.js';
import {buildParser} from '../src/cli/yargs.js';

async function viaYargs(argv: string[]): Promise<Invocation | undefined> {
	let seen: Invocation | undefined;
	const handlers: CommandHandlers = {
		read: async (args) => {
			seen = {command: 'read', args};
		},
		sections: (args) => {
			seen = {command: 'sections', args};
		},
		export: (args) => {
			seen = {command: 'export', args};
		},
		list: (args) => {
			seen = {command: 'list', args};
		},
	};
	const io = {stdout: process.stdout, stderr: process.stderr};
	await buildParser(argv, io, handlers).parseAsync();
	return seen;
}

const accepted: string[][] = [
	[],
	['article.md'],
	['-'],
	['--width', '60'],
	['--width=0', 'a.md'],
	['-w', '40', '--bidi', 'terminal', '--shape', 'off', '--dir', 'rtl', '--order', 'logical'],
	['--section', '2', '--from-start', '--no-color'],
	['-s', 'التعاون الاقتصادي', '--color'],
	['sections'],
	['sections', 'a.md', '--json'],
	['sections', '--order', 'visual', '--shape=on'],
	['sections', '-'],
	['export'],
	['export', '-w', '40', '-s', '2'],
	['export', 'a.md', '--width', '10000', '--format', 'json', '--output', 'out.txt'],
	['export', '--order=visual', '--dir', 'ltr', '-o', 'x.txt'],
	['export', '--no-links', 'a.md'],
	['export', '--links'],
	['list'],
	['list', '--order', 'visual'],
];
for (const argv of accepted) {
	test(`fast and yargs agree: qari ${argv.join(' ')}`, async () => {
		const fast = parseInvocation(argv);
		assert.ok(fast, 'the fast parser takes it');
		assert.deepEqual(fast, await viaYargs(argv));
	});
}

// Left to yargs: help, version, completion, mistakes, anything unusual.
const declined: string[][] = [
	['--help'],
	['-h'],
	['--version'],
	['completion'],
	['sections', '--nope'],
	['export', '--width', '-1'],
	['export', '--width', 'wide'],
	['export', '--width', '10001'],
	['export', '--format', 'xml'],
	['export', '-o', '-'],
	['export', '--section'],
	['sections', 'a.md', 'b.md'],
	['sections', '--json', '--json'],
	['list', 'a.md'],
	['--debug'],
	['--', 'a.md'],
	['-wx'],
	['--fromStart'],
];
for (const argv of declined) {
	test(`left to yargs: qari ${argv.join(' ')}`, () => {
		assert.equal(parseInvocation(argv), undefined);
	});
}
