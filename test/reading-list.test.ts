// The reading list: `qari save` keeps a web page (or a file) as Markdown under
// $XDG_DATA_HOME/qari/articles/, `qari list` numbers the bundled and saved
// articles with how far they are read, `qari N` opens one (offline),
// `qari remove N` deletes it; a failed save writes nothing.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {articleKey} from '../src/cli/positions.js';
import {findListed, savedName} from '../src/cli/reading-list.js';
import {bin, root} from './helpers/run.js';
import {page} from './helpers/web-pages.js';
import {html, startServer} from './helpers/web-server.js';

const home = mkdtempSync(join(tmpdir(), 'qari-list-'));
const env = {XDG_DATA_HOME: join(home, 'data'), XDG_STATE_HOME: join(home, 'state')};
const articles = join(home, 'data', 'qari', 'articles');
after(() => rmSync(home, {recursive: true, force: true}));

function qari(args: readonly string[], input = ''): Promise<{stdout: string; stderr: string; status: number | null}> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [bin, ...args], {cwd: root, env: {...process.env, NO_COLOR: '1', ...env}});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		child.on('close', (status) => resolve({stdout, stderr, status}));
		child.stdin.end(input);
	});
}

test('save a URL, list it, open it offline by number, save again (updated, not doubled), remove it', async () => {
	const server = await startServer({'/news/assad.html': html(page('ar-news').html), '/gone': (_q, r) => r.writeHead(404).end()});
	const url = `${server.base}/news/assad.html`;
	let saved: Awaited<ReturnType<typeof qari>>;
	try {
		saved = await qari(['save', url]);
		assert.equal(saved.status, 0, saved.stderr);
		const first = readFileSync(join(articles, savedName(url)), 'utf8');
		const again = await qari(['save', url]);
		assert.equal(again.status, 0, again.stderr);
		assert.equal(readdirSync(articles).length, 1, 'the same URL saved twice is one file');
		assert.notEqual(readFileSync(join(articles, savedName(url)), 'utf8'), first, 'updated (a new saved time)');
		const failed = await qari(['save', `${server.base}/gone`]);
		assert.equal(failed.status, 1);
		assert.match(failed.stderr, /^qari: cannot fetch .*HTTP 404/);
	} finally {
		await server.close();
	}
	const files = readdirSync(articles);
	assert.deepEqual(files, [savedName(url)], 'one file, named from the URL; nothing from the failed save');
	assert.match(saved.stdout, /^saved '.+' as 2: .+\.md\n$/);
	const text = readFileSync(join(articles, files[0] ?? ''), 'utf8');
	assert.match(
		text,
		new RegExp(
			`^---\\ntitle: ${page('ar-news').title.replace(/[.]/g, '\\.')}\\nurl: ${url}\\nsite: أخبار الآن\\nbyline: فريق التحرير\\ndate: 2021-09-14T08:30:00\\+03:00\\nlang: ar\\ndir: rtl\\nsaved: \\d{4}-`,
		),
	);

	// Offline (the server is gone): by number, as JSON, with every paragraph.
	const json = await qari(['export', '--format', 'json', '2']);
	assert.equal(json.status, 0, json.stderr);
	const data = JSON.parse(json.stdout) as {title: string; meta: Record<string, string>; sections: {blocks: {text: string}[]}[]};
	assert.equal(data.title, page('ar-news').title);
	assert.equal(data.meta['url'], url);
	const all = data.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
	for (const p of page('ar-news').paragraphs) assert.ok(all.includes(p), p.slice(0, 40));

	// How far read: a remembered position (keyed by the URL) shows in the list.
	mkdirSync(join(home, 'state', 'qari'), {recursive: true});
	writeFileSync(join(home, 'state', 'qari', 'positions.json'), JSON.stringify({[articleKey(`url:${url}`)]: {section: 2, offset: 0, time: 1}}));
	const list = await qari(['list']);
	assert.equal(list.status, 0, list.stderr);
	const rows = list.stdout.trimEnd().split('\n');
	assert.equal(rows.length, 3);
	assert.match(rows[2] ?? '', /^2 .* ar +\d+ +\d+ +\d+% +127-0-0-1-news-assad-html-[0-9a-f]{8}$/);
	assert.doesNotMatch(rows[2] ?? '', / - +127/, 'a percentage, not a dash');

	// A local copy of the page is another source: another file.
	const copy = join(home, 'assad.html');
	writeFileSync(copy, page('ar-news').html);
	assert.equal((await qari(['save', copy])).status, 0);
	assert.equal(readdirSync(articles).length, 2, 'a file is another source');
	const removed = await qari(['remove', '3']);
	assert.equal(removed.status, 0, removed.stderr);
	assert.equal(readdirSync(articles).length, 1);
	const bundled = await qari(['remove', '1']);
	assert.equal(bundled.status, 1);
	assert.match(bundled.stderr, /bundled article/);
	assert.equal((await qari(['remove', '2'])).status, 0);
	assert.deepEqual(readdirSync(articles), []);
});

test('findListed: a number, a name with or without .md, a unique part; else one line', () => {
	const paths = ['/c/a.md', '/d/example-com-x-11111111.md', '/d/example-com-y-22222222.md'];
	assert.equal(findListed(paths, '2'), '/d/example-com-x-11111111.md');
	assert.equal(findListed(paths, 'example-com-y-22222222.md'), '/d/example-com-y-22222222.md');
	assert.equal(findListed(paths, 'x-111'), '/d/example-com-x-11111111.md');
	assert.throws(() => findListed(paths, '4'), /no article 4: the list has 3/);
	assert.throws(() => findListed(paths, 'example'), /names 2 articles/);
	assert.throws(() => findListed(paths, 'zzz'), /no saved article 'zzz'/);
});

test('a saved article opens by its bare name (not a mistyped command); an unknown word still is one', async () => {
	const file = join(home, 'bare.html');
	writeFileSync(file, page('fa-blog').html);
	const saved = await qari(['save', file]);
	assert.equal(saved.status, 0, saved.stderr);
	const name = savedName(file).replace(/\.md$/, '');
	const opened = await qari([name, '-w', '0']);
	assert.equal(opened.status, 0, opened.stderr);
	assert.ok(opened.stdout.startsWith(`${page('fa-blog').title}\n`), opened.stdout.slice(0, 80));
	const unknown = await qari(['bare-nothing-like-it']);
	assert.equal(unknown.status, 2);
	assert.equal(unknown.stderr, "qari: unknown command 'bare-nothing-like-it'\nsee 'qari --help'\n");
	assert.equal((await qari(['remove', name])).status, 0);
});

test('pages saved from standard input are named by their title, each its own file', async () => {
	const before = readdirSync(articles).length;
	assert.equal((await qari(['save', '-'], page('fa-blog').html)).status, 0);
	assert.equal((await qari(['save', '-'], page('he-wiki').html)).status, 0);
	const names = readdirSync(articles);
	assert.equal(names.length, before + 2);
	assert.ok(
		names.some((n) => /^یادگیری-پایتون-[0-9a-f]{8}\.md$/.test(n)),
		names.join(' '),
	);
	assert.ok(
		names.some((n) => /^ים-המלח-[0-9a-f]{8}\.md$/.test(n)),
		names.join(' '),
	);
	for (const n of names) assert.doesNotMatch(readFileSync(join(articles, n), 'utf8'), /^source:/m);
});

test('list with a saved file that cannot be read (binary, a directory): the others are listed, numbered as ever, and a warning says which', async () => {
	const broken = mkdtempSync(join(tmpdir(), 'qari-list-broken-'));
	try {
		const dir = join(broken, 'data', 'qari', 'articles');
		mkdirSync(join(dir, 'b-folder.md'), {recursive: true});
		writeFileSync(join(dir, 'a-junk.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
		writeFileSync(join(dir, 'c-good.md'), '# مقالة جيدة\n\nنص المقالة.\n');
		const child = spawn(process.execPath, [bin, 'list'], {
			cwd: root,
			env: {...process.env, NO_COLOR: '1', XDG_DATA_HOME: join(broken, 'data'), XDG_STATE_HOME: join(broken, 'state')},
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
		assert.equal(status, 0, stderr);
		assert.equal(
			stderr,
			[
				`qari: warning: cannot read '${join(dir, 'a-junk.md')}': binary file (contains NUL bytes)`,
				`qari: warning: cannot read '${join(dir, 'b-folder.md')}': is a directory`,
				'',
			].join('\n'),
		);
		const rows = stdout.split('\n').map((row) => row.replace(/ +/g, ' ').trim());
		assert.match(rows[2] ?? '', /^2 \? - - - - a-junk$/);
		assert.match(rows[3] ?? '', /^3 \? - - - - b-folder$/);
		assert.match(rows[4] ?? '', /^4 مقالة جيدة - 2 1 - c-good$/);
	} finally {
		rmSync(broken, {recursive: true, force: true});
	}
});
