// Where an article comes from: a file, standard input or an http(s) URL; and
// what it is: Markdown (or plain text) or a web page. The HTML stack (linkedom,
// Readability: dist/html.cjs) is loaded only when the input is a web page, so
// reading Markdown costs nothing more than before (test/startup.test.ts).
//
// Logic:
// 1. A web page is recognised by its Content-Type (text/html, XHTML), by its
//    name (.html, .htm, .xhtml), or by its content (looksLikeHtml: a
//    doctype or <html>, <head>, <body> first): `curl … | qari -` works.
// 2. A web page's bytes are decoded by its charset (charset.ts), then
//    sanitized by the same function as Markdown's (decode.ts sanitizeText):
//    no escape sequence or control reaches the DOM, whatever the page holds.
// 3. The reading position of a page from the web is keyed by its URL (its
//    text changes with every visit: ads, dates, comments), and so is that of
//    its saved copy (a Markdown file whose front matter has the URL): reading
//    one continues where the other was left. Anything else by its text.
// 4. A web page declared UTF-8 (HTTP charset, <meta>, BOM) whose bytes are not
//    UTF-8 is an error (one line, exit 1, nothing saved): its text is not what
//    its author wrote. An undeclared page with such bytes is windows-1252, as
//    in browsers. A Markdown or text file keeps the lenient path: U+FFFD and
//    a warning (files.ts).

import {basename} from 'node:path';
import {type Article} from '../model/article.js';
import {sanitizeText} from '../parse/decode.js';
import {decodePage, looksLikeHtml} from '../parse/html/charset.js';
import {DEFAULT_TIMEOUT_MS, fetchPage, isWebUrl} from './fetch.js';
import {articleOfBytes, readBytes, showName, type LoadedArticle, UserError} from './files.js';

export interface SourceOptions {
	/** Show the whole page instead of the extracted article. */
	readonly raw: boolean;
	/** Download timeout, seconds. */
	readonly timeout: number | undefined;
	readonly stderr: NodeJS.WriteStream;
	readonly env: Readonly<Record<string, string | undefined>>;
}

const htmlTypes = /^(?:text\/html|application\/xhtml\+xml)$/i;

/** Reads (or downloads), decodes and parses an article. Throws UserError. */
export async function loadSource(path: string, options: SourceOptions): Promise<LoadedArticle> {
	const warnings: string[] = [];
	let bytes: Uint8Array;
	let contentType = '';
	let url = '';
	if (isWebUrl(path)) {
		const page = await fetchPage(path, {
			timeoutMs: (options.timeout ?? DEFAULT_TIMEOUT_MS / 1000) * 1000,
			progress: options.stderr.isTTY ? options.stderr : undefined,
			warn: (message) => warnings.push(message),
			env: options.env,
		});
		bytes = page.bytes;
		contentType = page.contentType;
		url = page.url;
	} else bytes = readBytes(path);
	const mime = contentType.split(';')[0]?.trim() ?? '';
	const html = htmlTypes.test(mime) || (!url && /\.x?html?$/i.test(path)) || looksLikeHtml(headOf(bytes));
	if (!html) {
		const loaded = articleOfBytes(bytes, url || path);
		// A saved web page (its front matter has its URL) shares the page's reading position (Logic 3).
		const savedUrl = loaded.article.meta['url'];
		if (!url) return savedUrl && isWebUrl(savedUrl) ? {...loaded, text: `url:${savedUrl}`} : loaded;
		const article: Article = {...loaded.article, meta: {...loaded.article.meta, url}};
		return {...loaded, article, text: `url:${url}`, warnings: [...warnings, ...loaded.warnings]};
	}
	const shown = url ? showName(url) : showName(path);
	const decoded = decodePage(bytes, contentType);
	// Logic 4: a page that says it is UTF-8 and is not is refused, not guessed at.
	if (decoded.invalid > 0) {
		const n = decoded.invalid;
		throw new UserError(`cannot read ${shown}: invalid UTF-8 (${n} bad sequence${n === 1 ? '' : 's'}) in a page declared UTF-8`);
	}
	const {text} = sanitizeText(decoded.text);
	const {parseHtml} = await import('../parse/html/index.js');
	const fallbackTitle = url ? new URL(url).hostname : path === '-' ? 'standard input' : basename(path).replace(/\.x?html?$/i, '');
	const {article, extracted} = parseHtml(text, {url, raw: options.raw, fallbackTitle});
	if (!extracted && !options.raw) warnings.push(`${shown}: no article found in the page; showing all of it`);
	return {article, name: url || path, text: url ? `url:${url}` : text, warnings};
}

/** The first bytes as text for looksLikeHtml: Latin-1 keeps ASCII markup whatever the encoding; UTF-16 by its BOM. */
function headOf(bytes: Uint8Array): string {
	const head = bytes.subarray(0, 4096);
	if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
	if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
	return Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
}
