// Downloading a page with Node's own fetch: the edge where network failures
// become one-line messages. Used by the CLI only, and only for a URL.
//
// Logic:
// 1. Only http: and https: (a URL's non-ASCII path and host are encoded by
//    the URL parser: percent-encoding and punycode on the wire).
// 2. Redirects are followed here, not by fetch (redirect: 'manual'), so
//    each hop is checked again: at most MAX_REDIRECTS, http(s) only, and a
//    loop says so.
// 3. One timer for the whole download, headers and body (default 20 s).
// 4. The body is read chunk by chunk and given up as soon as it passes the
//    size cap (a Content-Length above it is refused before reading).
// 5. Only what qari can read is read: HTML, XHTML, Markdown, plain text, or
//    no type at all (then the content decides). A PDF or an image is refused
//    by its type, before its body is read.
// 6. Every failure is a UserError of one line: DNS, refused, reset, TLS,
//    HTTP status, timeout, too large, wrong type.
// 7. Proxies: Node 20's fetch (its bundled undici) ignores HTTP_PROXY,
//    HTTPS_PROXY and NO_PROXY and exposes no way to set a proxy agent
//    (NODE_USE_ENV_PROXY arrived in Node 22.21/24). When a proxy variable
//    applies to the URL, a warning says the connection goes direct.
// 8. A progress line on stderr, on a terminal only, once a download has
//    taken a second; it is erased when the download ends.
// 9. A host in the reserved .invalid domain (RFC 6761 §6.4: resolvers should
//    answer "no such name" at once) is not looked up: it cannot be found,
//    and saying so does not wait on a resolver that may be slow or offline.

import {UserError} from './files.js';
import {escapeUnprintable} from '../parse/sanitize.js';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

export interface FetchOptions {
	readonly timeoutMs?: number;
	readonly maxBytes?: number;
	/** Where the progress line goes (Logic 8); none when not a terminal. */
	readonly progress?: NodeJS.WriteStream | undefined;
	/** Where warnings go (Logic 7). */
	readonly warn?: (message: string) => void;
	readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface FetchedPage {
	readonly bytes: Uint8Array;
	/** The Content-Type header ('' when none). */
	readonly contentType: string;
	/** The address after redirects. */
	readonly url: string;
}

/** Whether an argument names a URL qari fetches (http: or https:), rather than a file. */
export function isWebUrl(arg: string): boolean {
	return /^https?:\/\//i.test(arg);
}

const readableTypes = /^(?:text\/html|application\/xhtml\+xml|text\/markdown|text\/x-markdown|text\/plain|application\/xml|text\/xml)$/;

/** Downloads a page (Logic 1–8). Throws UserError. */
export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	let url = parseUrl(address);
	const proxy = proxyFor(url, options.env ?? {});
	if (proxy) options.warn?.(`${proxy} is set, but Node 20's fetch cannot use a proxy: connecting to ${url.host} directly`);
	const controller = new AbortController();
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		controller.abort();
	}, timeoutMs);
	const progress = startProgress(options.progress, url.host);
	try {
		const seen = new Set<string>([url.href]);
		for (let hops = 0; ; hops++) {
			let response: Response;
			if (reservedInvalid(url)) throw new UserError(`cannot fetch ${show(url.href)}: cannot find the host ${escapeUnprintable(url.hostname)}`);
			try {
				response = await fetch(url, {
					redirect: 'manual',
					signal: controller.signal,
					headers: {
						accept: 'text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8,*/*;q=0.1',
						'user-agent': 'qari (terminal article reader)',
					},
				});
			} catch (error) {
				throw networkError(error, url, timedOut, timeoutMs);
			}
			if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
				await response.body?.cancel().catch(() => undefined);
				if (hops >= MAX_REDIRECTS) throw new UserError(`cannot fetch ${show(address)}: more than ${MAX_REDIRECTS} redirects`);
				const next = parseUrl(response.headers.get('location') ?? '', url);
				if (seen.has(next.href)) throw new UserError(`cannot fetch ${show(address)}: redirect loop at ${show(next.href)}`);
				seen.add(next.href);
				url = next;
				continue;
			}
			if (!response.ok) {
				await response.body?.cancel().catch(() => undefined);
				const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
				throw new UserError(`cannot fetch ${show(url.href)}: HTTP ${escapeUnprintable(status)}`);
			}
			const contentType = response.headers.get('content-type') ?? '';
			const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
			if (mime && !readableTypes.test(mime)) {
				await response.body?.cancel().catch(() => undefined);
				throw new UserError(`cannot read ${show(url.href)}: not a web page or text (${escapeUnprintable(mime)})`);
			}
			const length = Number(response.headers.get('content-length') ?? '');
			if (Number.isFinite(length) && length > maxBytes) {
				await response.body?.cancel().catch(() => undefined);
				throw tooLarge(url, maxBytes);
			}
			const bytes = await readBody(
				response,
				maxBytes,
				url,
				(n) => progress.update(n),
				() => networkErrorOf(url, timedOut, timeoutMs),
			);
			return {bytes, contentType, url: url.href};
		}
	} finally {
		clearTimeout(timer);
		progress.end();
	}
}

/** Whether the host is in the reserved .invalid domain (Logic 9). */
function reservedInvalid(url: URL): boolean {
	return /(?:^|\.)invalid\.?$/i.test(url.hostname);
}

function show(address: string): string {
	return `'${escapeUnprintable(address)}'`;
}

function parseUrl(address: string, base?: URL): URL {
	let url: URL;
	try {
		url = new URL(address, base);
	} catch {
		throw new UserError(`not a valid URL: ${show(address)}`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`cannot fetch ${show(url.href)}: only http and https URLs are supported`);
	return url;
}

function tooLarge(url: URL, maxBytes: number): UserError {
	return new UserError(`cannot fetch ${show(url.href)}: larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
}

async function readBody(response: Response, maxBytes: number, url: URL, onBytes: (n: number) => void, onError: () => UserError): Promise<Uint8Array> {
	const chunks: Uint8Array[] = [];
	let total = 0;
	if (!response.body) return new Uint8Array(0);
	const reader = response.body.getReader();
	try {
		for (;;) {
			const {done, value} = await reader.read();
			if (done) break;
			total += value.byteLength;
			if (total > maxBytes) {
				await reader.cancel().catch(() => undefined);
				throw tooLarge(url, maxBytes);
			}
			chunks.push(value);
			onBytes(total);
		}
	} catch (error) {
		if (error instanceof UserError) throw error;
		throw onError();
	}
	return Buffer.concat(chunks, total);
}

/** What went wrong during a read, once the cause is no longer at hand: a timeout or a broken connection. */
function networkErrorOf(url: URL, timedOut: boolean, timeoutMs: number): UserError {
	if (timedOut) return new UserError(`cannot fetch ${show(url.href)}: timed out after ${timeoutMs / 1000} s`);
	return new UserError(`cannot fetch ${show(url.href)}: the connection was closed before the page was complete`);
}

/** A fetch failure as one line (Logic 6). */
function networkError(error: unknown, url: URL, timedOut: boolean, timeoutMs: number): UserError {
	if (timedOut) return new UserError(`cannot fetch ${show(url.href)}: timed out after ${timeoutMs / 1000} s`);
	const cause = (error as {cause?: {code?: string; message?: string}}).cause;
	const code = cause?.code ?? (error as {code?: string}).code ?? '';
	const host = escapeUnprintable(url.hostname);
	const reasons: Record<string, string> = {
		ENOTFOUND: `cannot find the host ${host}`,
		EAI_AGAIN: `cannot resolve the host ${host} (no network?)`,
		ECONNREFUSED: `connection refused by ${host}`,
		ECONNRESET: `connection reset by ${host}`,
		EHOSTUNREACH: `host ${host} unreachable`,
		ENETUNREACH: 'network unreachable',
		ETIMEDOUT: `connection to ${host} timed out`,
		UND_ERR_CONNECT_TIMEOUT: `connection to ${host} timed out`,
		UND_ERR_SOCKET: `connection to ${host} failed`,
		UND_ERR_HEADERS_OVERFLOW: 'the response headers are too large',
	};
	let reason = reasons[code];
	if (!reason && /^(?:ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/.test(code)) reason = `TLS error (${escapeUnprintable(code)})`;
	reason ??= escapeUnprintable(((cause?.message ?? (error as Error).message) || 'network error').replace(/\s+/g, ' '));
	return new UserError(`cannot fetch ${show(url.href)}: ${reason}`);
}

/** The proxy variable that would apply to the URL, if any (Logic 7). */
export function proxyFor(url: URL, env: Readonly<Record<string, string | undefined>>): string | undefined {
	const get = (name: string): string => env[name] ?? env[name.toLowerCase()] ?? '';
	const name = url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
	if (!get(name)) return undefined;
	const noProxy = get('NO_PROXY')
		.split(/[\s,]+/)
		.filter(Boolean);
	const host = url.hostname.toLowerCase();
	for (const entry of noProxy) {
		const e = entry.toLowerCase().replace(/:\d+$/, '');
		if (e === '*' || host === e.replace(/^\./, '') || host.endsWith(e.startsWith('.') ? e : `.${e}`)) return undefined;
	}
	return name;
}

function startProgress(stream: NodeJS.WriteStream | undefined, host: string): {update(bytes: number): void; end(): void} {
	if (!stream?.isTTY) return {update: () => undefined, end: () => undefined};
	let bytes = 0;
	let shown = false;
	const draw = (): void => {
		shown = true;
		stream.write(`\r\x1b[Kqari: downloading from ${escapeUnprintable(host)}… ${(bytes / 1024 / 1024).toFixed(1)} MB`);
	};
	const timer = setInterval(draw, 1000);
	timer.unref();
	return {
		update(n: number): void {
			bytes = n;
		},
		end(): void {
			clearInterval(timer);
			if (shown) stream.write('\r\x1b[K');
		},
	};
}
