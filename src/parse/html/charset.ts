// Bytes of a web page → text: which encoding, then the decoding. The DOM is
// given a string, never bytes (linkedom cannot decode), so this is where a
// windows-1256 Arabic page or an iso-8859-8 Hebrew one becomes Unicode.
//
// Logic (the WHATWG encoding-sniffing order, simplified):
// 1. A BOM (UTF-8, UTF-16LE, UTF-16BE) wins over everything.
// 2. Then the charset of the HTTP Content-Type header.
// 3. Then a prescan of the first 1024 bytes (widened to 64 KiB, as pages put
//    a kilobyte of inline script before their meta) for <meta charset> or
//    <meta http-equiv="content-type" content="…charset=…">, comments skipped.
//    A meta that says UTF-16 means UTF-8 (the bytes were read as ASCII to
//    find it); x-user-defined means windows-1252.
// 4. Else UTF-8 if the bytes are valid UTF-8, else windows-1252 (the
//    browsers' default for unlabelled Western pages).
// 5. Labels go through TextDecoder, so every WHATWG alias is accepted
//    (cp1256, arabic, hebrew, iso-8859-8-i, visual, latin1 …); an unknown
//    label is ignored, never thrown.
// 6. Node ≥ 20.18.3 decodes windows-1252 (and its aliases latin1, ascii,
//    iso-8859-1) 0x80–0x9F as C1 controls (nodejs/node#56542): those 32
//    bytes are mapped by the WHATWG table here instead.
// 7. iso-8859-8 without -i is "visual" Hebrew in browsers (stored in display
//    order); it is decoded in stored order, like iso-8859-8-i. Rare today.

import {isUtf8} from 'node:buffer';

export type CharsetSource = 'bom' | 'http' | 'meta' | 'utf-8' | 'default';

export interface Sniffed {
	/** The WHATWG name of the encoding (TextDecoder's `encoding`). */
	readonly encoding: string;
	/** Where it was found. */
	readonly source: CharsetSource;
}

/** The WHATWG name of a charset label, or undefined when TextDecoder does not know it. */
export function encodingOf(label: string): string | undefined {
	const clean = label
		.trim()
		.replace(/^["']|["']$/g, '')
		.trim()
		.toLowerCase();
	if (!clean) return undefined;
	if (clean === 'x-user-defined') return 'windows-1252';
	try {
		return new TextDecoder(clean).encoding;
	} catch {
		return undefined;
	}
}

/** The charset parameter of a Content-Type header value, or undefined. */
export function charsetOfContentType(contentType: string | undefined | null): string | undefined {
	if (!contentType) return undefined;
	const m = /;\s*charset\s*=\s*("[^"]*"|'[^']*'|[^;\s]+)/i.exec(contentType);
	return m?.[1] ? encodingOf(m[1]) : undefined;
}

/** How far the meta prescan looks (Logic 3). */
const PRESCAN_BYTES = 64 * 1024;

/** The encoding a <meta> in the first bytes declares, or undefined (Logic 3). */
export function charsetOfMeta(bytes: Uint8Array): string | undefined {
	// Latin-1 keeps one character per byte: ASCII markup reads the same whatever the encoding.
	let head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');
	head = head.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
	for (const m of head.matchAll(/<meta\b([^>]*)>/gi)) {
		const attrs = m[1] ?? '';
		const charset = attrValue(attrs, 'charset');
		let label: string | undefined;
		if (charset !== undefined) label = charset;
		else if ((attrValue(attrs, 'http-equiv') ?? '').toLowerCase() === 'content-type') {
			const content = attrValue(attrs, 'content') ?? '';
			label = /charset\s*=\s*["']?([^"';\s]+)/i.exec(content)?.[1];
		}
		if (label === undefined) continue;
		const encoding = encodingOf(label);
		if (!encoding) continue;
		return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
	}
	return undefined;
}

function attrValue(attrs: string, name: string): string | undefined {
	const m = new RegExp(`(?:^|[\\s/"'])${name}\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>"']+)`, 'i').exec(attrs);
	if (!m?.[1]) return undefined;
	const v = m[1];
	return v.startsWith('"') || v.startsWith("'") ? v.slice(1, -1) : v;
}

/** The page's encoding (Logic 1–4). */
export function sniffEncoding(bytes: Uint8Array, contentType?: string | null): Sniffed {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return {encoding: 'utf-8', source: 'bom'};
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return {encoding: 'utf-16le', source: 'bom'};
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return {encoding: 'utf-16be', source: 'bom'};
	const http = charsetOfContentType(contentType);
	if (http) return {encoding: http, source: 'http'};
	const meta = charsetOfMeta(bytes);
	if (meta) return {encoding: meta, source: 'meta'};
	if (isUtf8(bytes)) return {encoding: 'utf-8', source: 'utf-8'};
	return {encoding: 'windows-1252', source: 'default'};
}

// WHATWG index-windows-1252 for 0x80–0x9F (Logic 6); 0 keeps the byte's own code point.
const cp1252High = [
	0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
	0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

function decode1252(bytes: Uint8Array): string {
	const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
	// eslint-disable-next-line no-control-regex
	return latin1.replace(/[\x80-\x9f]/g, (ch) => String.fromCharCode(cp1252High[ch.charCodeAt(0) - 0x80] ?? ch.charCodeAt(0)));
}

export interface DecodedPage {
	readonly text: string;
	readonly encoding: string;
	readonly source: CharsetSource;
	/** U+FFFD put in for bytes the encoding has no character for (beyond those in the input). */
	readonly invalid: number;
}

/** Decodes a page's bytes in the encoding sniffEncoding finds; the BOM is dropped. Never throws. */
export function decodePage(bytes: Uint8Array, contentType?: string | null): DecodedPage {
	const {encoding, source} = sniffEncoding(bytes, contentType);
	let text: string;
	if (encoding === 'windows-1252') text = decode1252(bytes);
	else {
		try {
			text = new TextDecoder(encoding).decode(bytes);
		} catch {
			text = new TextDecoder('utf-8').decode(bytes);
		}
	}
	let invalid = 0;
	if (encoding === 'utf-8' && source !== 'utf-8') {
		for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) invalid++;
		invalid = Math.max(0, invalid - countValidReplacement(bytes));
	}
	return {text, encoding, source, invalid};
}

function countValidReplacement(bytes: Uint8Array): number {
	let n = 0;
	for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
		if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
	}
	return n;
}

/**
 * Whether a text is an HTML page rather than Markdown or plain text, by its
 * content: it starts (after whitespace, a BOM and comments) with a doctype or
 * an <html>, <head> or <body> tag, or its first 4 KiB hold such a tag and the
 * text starts with '<'.
 */
export function looksLikeHtml(text: string): boolean {
	const head = text.slice(0, 4096).replace(/^\ufeff/, '');
	const start = head.replace(/^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, '');
	if (/^<!doctype\s+html/i.test(start) || /^<(?:html|head|body)[\s>]/i.test(start)) return true;
	return start.startsWith('<') && /<(?:html|head|body)[\s>]/i.test(head);
}
