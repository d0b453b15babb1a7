// Fetching pages: every failure is one line (a UserError), redirects and the
// size cap are enforced, and nothing leaves 127.0.0.1.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {fetchPage, isWebUrl, proxyFor} from '../src/cli/fetch.js';
import {UserError} from '../src/cli/files.js';
import {html, startServer, type WebServer} from './helpers/web-server.js';

let server: WebServer;
const never: {res?: unknown}[] = [];

before(async () => {
	server = await startServer({
		'/ok': html('<html><body><p>hello</p></body></html>'),
		'/md': html('# Title\n\ntext', 'text/markdown'),
		'/none': (_req, res) => {
			res.writeHead(200);
			res.end('<html></html>');
		},
		'/500': (_req, res) => {
			res.writeHead(500, 'Internal Server Error');
			res.end();
		},
		'/loop': (_req, res) => {
			res.writeHead(302, {location: '/loop2'});
			res.end();
		},
		'/loop2': (_req, res) => {
			res.writeHead(301, {location: '/loop'});
			res.end();
		},
		'*': (req, res) => {
			const m = /^\/hop(\d+)$/.exec(req.url ?? '');
			if (m) {
				const n = Number(m[1]);
				res.writeHead(302, {location: n === 0 ? '/ok' : `/hop${n - 1}`});
				res.end();
				return;
			}
			if ((req.url ?? '').startsWith('/%D8%B3')) return html('<p>arabic path</p>')(req, res);
			res.writeHead(404, 'Not Found');
			res.end();
		},
		'/ftp': (_req, res) => {
			res.writeHead(302, {location: 'ftp://127.0.0.1/x'});
			res.end();
		},
		'/hang': (_req, res) => {
			never.push({res}); // never answers
		},
		'/big': (_req, res) => {
			res.writeHead(200, {'content-type': 'text/html', 'content-length': String(30 * 1024 * 1024)});
			res.end();
		},
		'/big-chunked': (_req, res) => {
			res.writeHead(200, {'content-type': 'text/html'});
			const chunk = Buffer.alloc(1024 * 1024, 0x61);
			let sent = 0;
			const send = (): void => {
				while (sent < 30) {
					sent++;
					if (!res.write(chunk)) {
						res.once('drain', send);
						return;
					}
				}
				res.end();
			};
			res.on('error', () => undefined);
			send();
		},
		'/to-invalid': (_req, res) => {
			res.writeHead(302, {location: 'http://qari-test.invalid/next'});
			res.end();
		},
		'/pdf': html('%PDF-1.4', 'application/pdf'),
		'/png': html(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
	});
});
after(() => server.close());

const failure = async (path: string, pattern: RegExp, options = {}): Promise<void> => {
	await assert.rejects(fetchPage(server.base + path, options), (error: unknown) => {
		assert.ok(error instanceof UserError, String(error));
		assert.match(error.message, pattern);
		assert.doesNotMatch(error.message, /\n/);
		return true;
	});
};

test('a page, its type and its address', async () => {
	const page = await fetchPage(`${server.base}/ok`);
	assert.equal(Buffer.from(page.bytes).toString(), '<html><body><p>hello</p></body></html>');
	assert.equal(page.contentType, 'text/html; charset=utf-8');
	assert.equal(page.url, `${server.base}/ok`);
	assert.equal((await fetchPage(`${server.base}/md`)).contentType, 'text/markdown');
	assert.equal((await fetchPage(`${server.base}/none`)).contentType, '', 'no type: the content decides');
});

test('redirects: up to 5 followed, a sixth refused, a loop named', async () => {
	assert.equal((await fetchPage(`${server.base}/hop4`)).url, `${server.base}/ok`);
	await failure('/hop5', /more than 5 redirects/);
	await failure('/loop', /redirect loop/);
	await failure('/ftp', /only http and https/);
});

test('HTTP errors name the status', async () => {
	await failure('/missing', /: HTTP 404 Not Found$/);
	await failure('/500', /: HTTP 500 Internal Server Error$/);
});

test('a server that never answers times out', async () => {
	await failure('/hang', /timed out after 0.3 s/, {timeoutMs: 300});
});

test('a 30 MB body is refused, by its length or as it arrives', async () => {
	await failure('/big', /larger than 20 MB/);
	await failure('/big-chunked', /larger than 20 MB/);
});

test('what is not a page is refused by its type', async () => {
	await failure('/pdf', /not a web page or text \(application\/pdf\)/);
	await failure('/png', /not a web page or text \(image\/png\)/);
});

test('a refused connection and a bad URL', async () => {
	const closed = await startServer({});
	const base = closed.base;
	await closed.close();
	await assert.rejects(fetchPage(`${base}/x`), /connection refused by 127\.0\.0\.1/);
	await assert.rejects(fetchPage('http://'), /not a valid URL/);
	await assert.rejects(fetchPage('file:///etc/passwd'), /only http and https/);
});

test('a host in the reserved .invalid domain is not found, without a look-up (RFC 6761)', async (t) => {
	const real = globalThis.fetch;
	let calls = 0;
	t.after(() => {
		globalThis.fetch = real;
	});
	globalThis.fetch = (...args: Parameters<typeof fetch>) => {
		calls++;
		return real(...args);
	};
	for (const address of ['http://qari-test.invalid/a', 'https://x.y.INVALID./']) {
		await assert.rejects(fetchPage(address), (error: unknown) => {
			assert.ok(error instanceof UserError, String(error));
			assert.match(error.message, /^cannot fetch '[^']+': cannot find the host [\w.-]+\.invalid\.?$/);
			return true;
		});
	}
	assert.equal(calls, 0, 'fetch was not called');
	// A redirect to such a host stops at the hop.
	await failure('/to-invalid', /cannot find the host qari-test\.invalid$/);
	assert.equal(calls, 1);
});

test('a non-ASCII path is percent-encoded on the wire', async () => {
	const page = await fetchPage(`${server.base}/سلام`);
	assert.equal(Buffer.from(page.bytes).toString(), '<p>arabic path</p>');
	assert.ok(server.requests.includes('/%D8%B3%D9%84%D8%A7%D9%85'), server.requests.join(' '));
});

test('isWebUrl and proxyFor', () => {
	assert.equal(isWebUrl('https://x.org/a'), true);
	assert.equal(isWebUrl('HTTP://x.org'), true);
	assert.equal(isWebUrl('page.html'), false);
	assert.equal(isWebUrl('ftp://x.org'), false);
	const url = new URL('https://news.example.com/a');
	assert.equal(proxyFor(url, {HTTPS_PROXY: 'http://proxy:3128'}), 'HTTPS_PROXY');
	assert.equal(proxyFor(url, {https_proxy: 'http://proxy:3128'}), 'HTTPS_PROXY');
	assert.equal(proxyFor(url, {HTTP_PROXY: 'http://proxy:3128'}), undefined);
	assert.equal(proxyFor(url, {HTTPS_PROXY: 'x', NO_PROXY: 'example.com'}), undefined);
	assert.equal(proxyFor(url, {HTTPS_PROXY: 'x', NO_PROXY: '.example.com'}), undefined);
	assert.equal(proxyFor(url, {HTTPS_PROXY: 'x', NO_PROXY: 'other.com,*'}), undefined);
	assert.equal(proxyFor(url, {HTTPS_PROXY: 'x', NO_PROXY: 'ample.com'}), 'HTTPS_PROXY');
});

test('a slow download shows a progress line on a terminal, erased at the end; none when not a terminal', {timeout: 120_000}, async () => {
	let written = '';
	let release: () => void = () => undefined;
	const progressed = new Promise<void>((resolve) => (release = resolve));
	const slow = await startServer({
		'/slow': (_req, res) => {
			res.writeHead(200, {'content-type': 'text/html'});
			res.write('<html><body>');
			// The rest only once the progress line is on the "terminal": waits on state, not on a clock.
			void progressed.then(() => res.end('<p>done</p></body></html>'));
		},
	});
	const terminal = {
		isTTY: true,
		write(chunk: string): boolean {
			written += chunk;
			if (written.includes('downloading')) release();
			return true;
		},
	} as unknown as NodeJS.WriteStream;
	try {
		const page = await fetchPage(`${slow.base}/slow`, {progress: terminal});
		assert.match(Buffer.from(page.bytes).toString(), /done/);
		assert.match(written, /^\r\x1b\[Kqari: downloading from 127\.0\.0\.1:\d+… 0\.0 MB/);
		assert.ok(written.endsWith('\r\x1b[K'), 'the line is erased');
		let plain = '';
		const pipe = {
			isTTY: false,
			write(c: string): boolean {
				plain += c;
				return true;
			},
		} as unknown as NodeJS.WriteStream;
		await fetchPage(`${server.base}/ok`, {progress: pipe});
		assert.equal(plain, '');
	} finally {
		release();
		await slow.close();
	}
});
