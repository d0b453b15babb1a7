// The links list (`l`): a section's links and images, opened with $BROWSER or
// the desktop's opener, or shown; copied with OSC 52.
import './helpers/no-ci.js';
import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {render} from 'ink-testing-library';
import {parseMarkdown} from '../src/parse/markdown.js';
import {createBook} from '../src/reader/book.js';
import {sectionLinks} from '../src/reader/links.js';
import {type ScreenOptions} from '../src/reader/screen/rows.js';
import {chooseBidi, detectTerminal} from '../src/terminal/detect.js';
import {App} from '../src/ui/app.js';
import {copySequence, openLink} from '../src/ui/open-link.js';
import {waitForFrame} from './helpers/terminal.js';

const temp = mkdtempSync(join(tmpdir(), 'qari-links-'));
after(() => rmSync(temp, {recursive: true, force: true}));

const article = parseMarkdown(
	[
		'# مقال',
		'',
		'نص مع [رابط **عريض**](https://example.com/a) و<https://example.org/b> و![صورة](https://example.com/p.png).',
		'',
		'مرة أخرى [رابط **عريض**](https://example.com/a) و[ملف](file:///etc/passwd).',
		'',
		'## ثانٍ',
		'',
		'لا روابط هنا.',
	].join('\n'),
);

test('sectionLinks: one entry per link (its spans joined), images marked, repeats once', () => {
	const [first, second] = article.sections;
	assert.ok(first && second);
	const links = sectionLinks(first);
	assert.deepEqual(
		links.map((l) => [l.text, l.href, l.image]),
		[
			['رابط عريض', 'https://example.com/a', false],
			['https://example.org/b', 'https://example.org/b', false],
			['صورة', 'https://example.com/p.png', true],
			['ملف', 'file:///etc/passwd', false],
		],
	);
	assert.deepEqual(sectionLinks(second), []);
});

test('openLink: $BROWSER first (with %s), else xdg-open on the PATH, else the address is shown; never a file: link', () => {
	const calls: [string, readonly string[]][] = [];
	const spawner = (command: string, args: readonly string[]) => {
		calls.push([command, args]);
		return {on: () => undefined, unref: () => undefined};
	};
	const bin = join(temp, 'bin');
	const browsers = join(temp, 'browsers');
	for (const dir of [bin, browsers]) {
		rmSync(dir, {recursive: true, force: true});
		mkdirSync(dir, {recursive: true});
	}
	const executable = (dir: string, name: string) => {
		writeFileSync(join(dir, name), '#!/bin/sh\n');
		chmodSync(join(dir, name), 0o755);
	};
	executable(bin, 'xdg-open');
	for (const name of ['firefox', 'chromium', 'w3m']) executable(browsers, name);
	const none = join(temp, 'none');
	assert.equal(openLink('https://a.example/x', {BROWSER: 'firefox:chromium', PATH: browsers}, 'linux', spawner), 'opened with firefox: https://a.example/x');
	assert.equal(openLink('https://a.example/x', {BROWSER: 'w3m -N %s', PATH: browsers}, 'linux', spawner), 'opened with w3m: https://a.example/x');
	assert.equal(openLink('https://a.example/y', {PATH: bin}, 'linux', spawner), 'opened with xdg-open: https://a.example/y');
	assert.equal(openLink('https://a.example/z', {PATH: none}, 'linux', spawner), 'https://a.example/z', 'no opener: shown');
	assert.match(openLink('file:///etc/passwd', {BROWSER: 'firefox', PATH: browsers}, 'linux', spawner), /^not opened/);
	// A $BROWSER that does not exist is not "opened": the next of its list, else the desktop's opener, else the address.
	assert.equal(openLink('https://a.example/1', {BROWSER: 'nosuch:chromium', PATH: browsers}, 'linux', spawner), 'opened with chromium: https://a.example/1');
	assert.equal(openLink('https://a.example/2', {BROWSER: 'nosuch', PATH: bin}, 'linux', spawner), 'opened with xdg-open: https://a.example/2');
	assert.equal(openLink('https://a.example/3', {BROWSER: join(none, 'browser'), PATH: none}, 'linux', spawner), 'https://a.example/3');
	assert.equal(openLink('https://a.example/4', {BROWSER: join(browsers, 'w3m'), PATH: none}, 'linux', spawner), 'opened with w3m: https://a.example/4');
	assert.deepEqual(calls, [
		['firefox', ['https://a.example/x']],
		['w3m', ['-N', 'https://a.example/x']],
		[join(bin, 'xdg-open'), ['https://a.example/y']],
		['chromium', ['https://a.example/1']],
		[join(bin, 'xdg-open'), ['https://a.example/2']],
		[join(browsers, 'w3m'), ['https://a.example/4']],
	]);
	assert.equal(copySequence('https://a.example/x'), `\u001B]52;c;${Buffer.from('https://a.example/x').toString('base64')}\u0007`);
});

for (const mode of ['app', 'terminal'] as const) {
	test(`reader (${mode}): l lists the section's links, ↓ moves, Enter opens, y copies, Esc goes back; no links says so`, async () => {
		const order = mode === 'app' ? 'visual' : 'logical';
		const chrome: ScreenOptions = {order, shape: false, dir: article.dir};
		const book = createBook(article, {order, shape: false, dir: 'auto', baseDir: article.dir});
		const opened: string[] = [];
		const copied: string[] = [];
		const instance = render(
			<App
				book={book}
				chrome={chrome}
				bidi={chooseBidi(mode, detectTerminal({TERM: 'xterm-256color'}))}
				color={false}
				start={{section: 0, offset: 0}}
				onQuit={() => undefined}
				onOpenLink={(href) => {
					opened.push(href);
					return `opened: ${href}`;
				}}
				onCopy={(href) => {
					copied.push(href);
					return `copied: ${href}`;
				}}
			/>,
		);
		const frame = (): string => (instance.lastFrame() ?? '').replace(/[\u200e\u200f\u202a-\u202e]/g, '');
		const press = (keys: string, predicate: (f: string) => boolean, what: string): Promise<string> => {
			instance.stdin.write(keys);
			return waitForFrame(frame, predicate, what);
		};
		try {
			await waitForFrame(frame, (f) => f.includes('section 1/2'), 'the first frame');
			let f = await press('l', (x) => x.includes('Links and images in this section (4)'), 'the links list');
			assert.ok(f.includes('https://example.com/a') && f.includes('https://example.com/p.png'));
			await press('j', (x) => x !== f, 'the cursor on link 2');
			f = await press('\r', (x) => x.includes('opened: https://example.org/b'), 'link 2 opened');
			f = await press('y', (x) => x.includes('copied: https://example.org/b'), 'link 2 copied');
			assert.deepEqual(opened, ['https://example.org/b']);
			assert.deepEqual(copied, ['https://example.org/b']);
			await press('\u001b', (x) => !x.includes('Links and images'), 'back to the page');
			await press('n', (x) => x.includes('section 2/2'), 'section 2');
			await press('l', (x) => x.includes('no links in this section'), 'no links');
		} finally {
			instance.unmount();
		}
	});
}

test('--mouse: the wheel (SGR 1006 reports) scrolls three lines a notch; other buttons do nothing; the prompt takes no report as text', async () => {
	const {nameKey, actionForKey} = await import('../src/reader/keys.js');
	assert.equal(nameKey('[<65;10;5M', {}), 'wheeldown');
	assert.equal(nameKey('[<64;1;1M', {}), 'wheelup');
	assert.equal(nameKey('[<0;3;4m', {}), 'mouse');
	const ctx = {dir: 'rtl' as const, searching: false};
	assert.equal(actionForKey('page', 'wheeldown', ctx)?.type, 'lineDown');
	assert.equal(actionForKey('page', 'mouse', ctx), undefined);
	assert.equal(actionForKey('search', 'wheelup', ctx), undefined);
	const {enterSequence, leaveSequence, MOUSE_ON, MOUSE_OFF} = await import('../src/terminal/detect.js');
	const choice = {...chooseBidi('app', detectTerminal({})), mouse: true};
	assert.ok(enterSequence(choice).endsWith(MOUSE_ON));
	assert.ok(leaveSequence(choice).startsWith(MOUSE_OFF));
	assert.ok(!enterSequence(chooseBidi('app', detectTerminal({}))).includes(MOUSE_ON), 'off unless asked for');
	// Through Ink: three lines a notch.
	const long = parseMarkdown(`# T\n\n${Array.from({length: 80}, (_, i) => `line ${i}`).join('\n\n')}\n`);
	const longBook = createBook(long, {order: 'visual', shape: false, dir: 'auto', baseDir: long.dir});
	const instance = render(
		<App
			book={longBook}
			chrome={{order: 'visual', shape: false, dir: long.dir}}
			bidi={chooseBidi('app', detectTerminal({}))}
			color={false}
			start={{section: 0, offset: 0}}
			onQuit={() => undefined}
		/>,
	);
	try {
		const first = await waitForFrame(
			() => instance.lastFrame() ?? '',
			(f) => f.includes('line 0'),
			'the first frame',
		);
		const body = (f: string): string[] => f.split('\n').slice(3, -2);
		instance.stdin.write('\u001b[<65;10;5M');
		const f = await waitForFrame(
			() => instance.lastFrame() ?? '',
			(x) => x !== first,
			'the wheel scrolled',
		);
		assert.deepEqual(body(f).slice(0, 5), body(first).slice(3, 8), 'three lines down');
	} finally {
		instance.unmount();
	}
});
