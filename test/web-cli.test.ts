// qari on web pages, end to end: bin/qari.js against a local HTTP server
// (127.0.0.1, nothing leaves the machine), on saved files and on a pipe.
// Every page's paragraphs come out, metadata and direction right, legacy
// charsets decoded; every failure is one line and exit 1.
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {createServer as createHttpsServer} from 'node:https';
import {type AddressInfo} from 'node:net';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {hostileBytes} from './helpers/hostile.js';
import {bin, root} from './helpers/run.js';
import {encode1255, encode1256, page, pages} from './helpers/web-pages.js';
import {html, type Route, startServer, type WebServer} from './helpers/web-server.js';

interface Result {
	readonly stdout: string;
	readonly stderr: string;
	readonly status: number | null;
}

/** bin/qari.js without blocking the event loop: the server answers from this process. */
function qari(args: readonly string[], input = '', env: Record<string, string> = {}): Promise<Result> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [bin, ...args], {cwd: root, env: {...process.env, NO_COLOR: '1', HTTPS_PROXY: '', HTTP_PROXY: '', ...env}});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		child.on('close', (status) => resolve({stdout, stderr, status}));
		child.stdin.end(input);
	});
}

const temp = mkdtempSync(join(tmpdir(), 'qari-web-'));
let server: WebServer;

before(async () => {
	const routes: Record<string, Route> = {};
	for (const p of pages) routes[`/${p.name}.html`] = html(p.html);
	// Page a in windows-1256, declared only by <meta>; the header says text/html and nothing more.
	routes['/ar-1256.html'] = html(encode1256(page('ar-news').html.replace('<meta charset="utf-8">', '<meta charset="windows-1256">')), 'text/html');
	// The Hebrew page in windows-1255, its charset only in the HTTP header.
	routes['/he-1255.html'] = html(encode1255(page('he-wiki').html.replace('<meta charset="UTF-8">', '')), 'text/html; charset=windows-1255');
	routes['/invalid.html'] = html(
		Buffer.concat([Buffer.from('<html><body><p>bad '), Buffer.from([0xff, 0xfe]), Buffer.from(' bytes</p></body></html>')]),
		'text/html; charset=utf-8',
	);
	routes['/notes.md'] = html('# Notes\n\nمرحبا بالعالم', 'text/markdown; charset=utf-8');
	routes['/hostile.html'] = html(
		Buffer.concat([
			Buffer.from('<html><body><article><p>'),
			hostileBytes,
			Buffer.from('</p><p title="\x1b]0;owned\x07">t&#27;[2Jx <a href="javascript:alert(1)" onclick="x">l</a></p></article></body></html>'),
		]),
	);
	routes['/pdf'] = html('%PDF-1.4', 'application/pdf');
	routes['/png'] = html(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
	routes['/500'] = (_req, res) => {
		res.writeHead(500, 'Internal Server Error');
		res.end();
	};
	routes['/loop'] = (_req, res) => {
		res.writeHead(302, {location: '/loop'});
		res.end();
	};
	routes['/hang'] = () => undefined;
	routes['/big'] = (_req, res) => {
		res.writeHead(200, {'content-type': 'text/html', 'content-length': String(30 * 1024 * 1024)});
		res.end();
	};
	routes['*'] = (req, res) => {
		if ((req.url ?? '').startsWith('/%D9%85%D9%82%D8%A7%D9%84')) return html(page('ar-news').html)(req, res);
		res.writeHead(404, 'Not Found');
		res.end();
	};
	server = await startServer(routes);
});
after(async () => {
	await server.close();
	rmSync(temp, {recursive: true, force: true});
});

const unmark = (text: string): string => text.replace(/[\u200e\u200f\u2066-\u2069]/g, '');
/** Lines of the text export, a quote's broken lines (<br>) joined again. */
const linesOf = (stdout: string): string[] =>
	unmark(stdout)
		.replace(/\n│ /g, ' ')
		.split('\n')
		.map((l) => l.trim());

for (const p of pages) {
	test(`qari export URL: ${p.name}, every paragraph, no boilerplate; JSON metadata`, async () => {
		const url = `${server.base}/${p.name}.html`;
		const text = await qari(['export', '--width', '0', url]);
		assert.equal(text.status, 0, text.stderr);
		assert.equal(text.stderr, '');
		const lines = linesOf(text.stdout);
		for (const para of p.paragraphs)
			assert.ok(
				lines.some((l) => l.endsWith(para) || l === para),
				`missing: ${para.slice(0, 50)}`,
			);
		for (const b of p.boilerplate) assert.ok(!text.stdout.includes(b), `leaked: ${b}`);
		const json = await qari(['export', '--format', 'json', url]);
		const data = JSON.parse(json.stdout) as {title: string; dir: string; lang: string; meta: Record<string, string>};
		assert.equal(data.title, p.title);
		assert.equal(data.dir, p.dir);
		assert.equal(data.lang, p.lang);
		assert.deepEqual(data.meta, {...p.meta, url});
		// sections --json: the same title, language, direction and metadata, and the same sections, without their blocks.
		const sections = await qari(['sections', '--json', url]);
		assert.equal(sections.status, 0, sections.stderr);
		const listed = JSON.parse(sections.stdout) as typeof data & {sections: {title: string}[]};
		assert.deepEqual(
			{title: listed.title, dir: listed.dir, lang: listed.lang, meta: listed.meta},
			{title: data.title, dir: data.dir, lang: data.lang, meta: data.meta},
		);
		assert.deepEqual(
			listed.sections.map((s) => s.title),
			(data as unknown as {sections: {title: string}[]}).sections.map((s) => s.title),
		);
	});
}

test('windows-1256 declared only by <meta>, and windows-1255 only by the HTTP header', async () => {
	for (const [path, name] of [
		['/ar-1256.html', 'ar-news'],
		['/he-1255.html', 'he-wiki'],
	] as const) {
		const r = await qari(['export', '--width', '0', server.base + path]);
		assert.equal(r.status, 0, r.stderr);
		const lines = linesOf(r.stdout);
		for (const para of page(name).paragraphs)
			assert.ok(
				lines.some((l) => l.endsWith(para)),
				`${path}: missing ${para.slice(0, 40)}`,
			);
	}
});

test('a saved page, a page on a pipe (HTML by content), and --raw', async () => {
	const file = join(temp, 'saved page.htm');
	writeFileSync(file, page('fa-blog').html);
	const saved = await qari(['sections', '--json', file]);
	assert.equal(saved.status, 0, saved.stderr);
	assert.deepEqual(
		(JSON.parse(saved.stdout) as {sections: {title: string}[]}).sections.map((s) => s.title),
		['یادگیری پایتون', 'نخستین برنامه', 'درس‌ها'],
	);
	const piped = await qari(['export', '--width', '0', '-'], page('en-essay').html);
	assert.equal(piped.status, 0, piped.stderr);
	assert.match(piped.stdout, /^Arabic verse in English\n/);
	assert.doesNotMatch(piped.stdout, /Copyright Essays Ltd/);
	const raw = await qari(['export', '--raw', '--width', '0', '-'], page('en-essay').html);
	assert.match(raw.stdout, /Copyright Essays Ltd/, '--raw shows the whole page');
	const md = await qari(['export', '--format', 'json', `${server.base}/notes.md`]);
	assert.equal((JSON.parse(md.stdout) as {title: string}).title, 'Notes', 'Markdown over HTTP is read as Markdown');
});

test('a non-ASCII path is percent-encoded on the wire', async () => {
	const r = await qari(['export', '--format', 'json', `${server.base}/مقال`]);
	assert.equal(r.status, 0, r.stderr);
	assert.ok(server.requests.includes('/%D9%85%D9%82%D8%A7%D9%84'));
});

test('failures: one line on stderr, exit 1, nothing on stdout', async () => {
	const cases: [string[], RegExp][] = [
		[['export', `${server.base}/missing`], /HTTP 404 Not Found$/],
		[['export', `${server.base}/500`], /HTTP 500 Internal Server Error$/],
		[['export', `${server.base}/loop`], /redirect loop/],
		[['export', '--timeout', '1', `${server.base}/hang`], /timed out after 1 s$/],
		[['sections', `${server.base}/big`], /larger than 20 MB$/],
		[['export', `${server.base}/pdf`], /not a web page or text \(application\/pdf\)$/],
		[['export', `${server.base}/png`], /not a web page or text \(image\/png\)$/],
		[['export', 'ftp://127.0.0.1/x'], /no such file|only http/],
	];
	for (const [args, pattern] of cases) {
		const r = await qari(args);
		assert.equal(r.status, 1, `${args.join(' ')}: ${r.stderr}`);
		assert.equal(r.stdout, '');
		const lines = r.stderr.trimEnd().split('\n');
		assert.equal(lines.length, 1, r.stderr);
		assert.match(lines[0] ?? '', /^qari: /);
		assert.match(lines[0] ?? '', pattern);
	}
});

test('a host on the reserved .invalid domain: one line, exit 1, without asking the network', async () => {
	const r = await qari(['export', 'http://qari-test.invalid/article']);
	assert.equal(r.status, 1, r.stderr);
	assert.equal(r.stdout, '');
	assert.equal(r.stderr, "qari: cannot fetch 'http://qari-test.invalid/article': cannot find the host qari-test.invalid\n");
});

test('https with a self-signed certificate: one line naming the TLS error, exit 1', async (t) => {
	const dir = mkdtempSync(join(temp, 'tls-'));
	const key = join(dir, 'key.pem');
	const cert = join(dir, 'cert.pem');
	const made = spawnSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-keyout',
			key,
			'-out',
			cert,
			'-days',
			'2',
			'-subj',
			'/CN=127.0.0.1',
		],
		{stdio: 'ignore'},
	);
	if (made.error || made.status !== 0) {
		t.skip('openssl is not available');
		return;
	}
	const tls = createHttpsServer({key: readFileSync(key), cert: readFileSync(cert)}, (_req, res) => {
		res.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
		res.end('<html><body><p>secret</p></body></html>');
	});
	await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
	try {
		const {port} = tls.address() as AddressInfo;
		const url = `https://127.0.0.1:${port}/page.html`;
		const data = join(temp, 'tls-data');
		for (const args of [
			['export', url],
			['save', url],
		]) {
			const r = await qari(args, '', {NODE_TLS_REJECT_UNAUTHORIZED: '', NODE_EXTRA_CA_CERTS: '', XDG_DATA_HOME: data, XDG_STATE_HOME: data});
			assert.equal(r.status, 1, r.stderr);
			assert.equal(r.stdout, '');
			assert.match(
				r.stderr,
				/^qari: cannot fetch 'https:\/\/127\.0\.0\.1:\d+\/page\.html': TLS error \((?:DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\)\n$/,
			);
		}
		assert.equal(existsSync(join(data, 'qari', 'articles')), false, 'nothing saved');
	} finally {
		tls.closeAllConnections();
		await new Promise<void>((resolve) => tls.close(() => resolve()));
	}
});

test('invalid UTF-8 in a page declared UTF-8: one line, exit 1, nothing saved; a Markdown file is still read', async () => {
	const bad = Buffer.concat([
		Buffer.from('<html><head><meta charset="utf-8"></head><body><p>bad '),
		Buffer.from([0xff, 0xfe]),
		Buffer.from(' bytes</p></body></html>'),
	]);
	const file = join(temp, 'invalid.html');
	writeFileSync(file, bad);
	const data = join(temp, 'invalid-data');
	for (const args of [
		['export', `${server.base}/invalid.html`],
		['sections', file],
		['save', `${server.base}/invalid.html`],
		['save', file],
	]) {
		const r = await qari(args, '', {XDG_DATA_HOME: data, XDG_STATE_HOME: data});
		assert.equal(r.status, 1, `${args.join(' ')}: ${r.stderr}`);
		assert.equal(r.stdout, '');
		assert.match(r.stderr, /^qari: cannot read '.*invalid\.html': invalid UTF-8 \(2 bad sequences\) in a page declared UTF-8\n$/);
	}
	assert.equal(existsSync(join(data, 'qari', 'articles')) && readdirSync(join(data, 'qari', 'articles')).length > 0, false, 'nothing saved');
	const md = join(temp, 'invalid.md');
	writeFileSync(md, Buffer.concat([Buffer.from('# T\n\nbad '), Buffer.from([0xff]), Buffer.from(' bytes\n')]));
	const r = await qari(['export', '--width', '0', md]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /bad \ufffd bytes/);
	assert.match(r.stderr, /^qari: warning: .*1 invalid UTF-8 sequence replaced with U\+FFFD\n$/);
});

test('a hostile page: nothing a terminal acts on reaches stdout', async () => {
	for (const args of [['export'], ['export', '--order', 'visual'], ['export', '--format', 'json'], ['sections']]) {
		const r = await qari([...args, `${server.base}/hostile.html`]);
		assert.equal(r.status, 0, r.stderr);
		// eslint-disable-next-line no-control-regex
		assert.doesNotMatch(r.stdout, /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/, args.join(' '));
		assert.doesNotMatch(r.stdout, /javascript:|owned/);
	}
});

test('the JSON of a saved page is the JSON of the same page from the server', async () => {
	const file = join(temp, 'ar.html');
	writeFileSync(file, page('ar-news').html);
	const fromFile = JSON.parse((await qari(['export', '--format', 'json', file])).stdout) as {meta: Record<string, string>; sections: unknown};
	const fromWeb = JSON.parse((await qari(['export', '--format', 'json', `${server.base}/ar-news.html`])).stdout) as {
		meta: Record<string, string>;
		sections: unknown;
	};
	assert.equal(fromFile.meta['url'], undefined);
	assert.equal(fromWeb.meta['url'], `${server.base}/ar-news.html`);
	assert.equal(JSON.stringify(fromFile.sections).length > 1000, true);
	assert.ok(readFileSync(file).length > 0);
});
