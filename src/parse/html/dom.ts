// A page's text → a DOM (linkedom), with what linkedom leaves out that a
// reader needs. linkedom has no script engine and no resource loader: nothing
// on the page runs and nothing is fetched, whatever the page says. Why
// linkedom and not jsdom or happy-dom: README, "Reading web pages".
//
// Logic:
// 1. The text comes decoded (charset.ts) and sanitized (decode.ts'
//    sanitizeText: no escape sequence or control is left in it).
// 2. CR LF and CR → LF, the HTML input-stream preprocessing linkedom skips.
// 3. linkedom keeps attribute names as written (linkedom#235): <HTML DIR=RTL>
//    would have no `dir`. When the source has an upper-case attribute name,
//    every HTML element's attribute names are lower-cased (SVG keeps viewBox).
// 4. Readability makes links absolute from document.baseURI and compares
//    with documentURI; linkedom has neither. Both are defined from the page's
//    URL, with <base href> honoured.
//
// The types below are the little of the DOM qari uses: tsconfig has no DOM
// lib (the core runs in Node), and linkedom's own types are the DOM's.

import {parseHTML} from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
	readonly nodeType: number;
	readonly nodeName: string;
	readonly textContent: string | null;
	readonly childNodes: ArrayLike<DomNode>;
	readonly parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
	readonly localName: string;
	readonly namespaceURI: string | null;
	readonly attributes: ArrayLike<{readonly name: string; readonly value: string}>;
	readonly children: ArrayLike<DomElement>;
	getAttribute(name: string): string | null;
	hasAttribute(name: string): boolean;
	setAttribute(name: string, value: string): void;
	removeAttribute(name: string): void;
	querySelector(selector: string): DomElement | null;
	querySelectorAll(selector: string): ArrayLike<DomElement>;
	remove(): void;
}

export interface DomDocument {
	readonly documentElement: DomElement | null;
	readonly body: DomElement | null;
	readonly head: DomElement | null;
	readonly title: string;
	querySelector(selector: string): DomElement | null;
	querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export function isElement(node: DomNode): node is DomElement {
	return node.nodeType === ELEMENT_NODE;
}

/** Parses a page (Logic 1–4). `url` is the page's address ('' for a file or stdin: links stay as written). */
export function parsePage(html: string, url: string): DomDocument {
	const src = html.replace(/\r\n?/g, '\n');
	const {document} = parseHTML(src) as unknown as {document: DomDocument};
	if (/<[a-zA-Z][^>]*\s[A-Z][\w-]*\s*=/.test(src)) lowercaseAttributeNames(document);
	if (url) setDocumentUrl(document, url);
	return document;
}

function lowercaseAttributeNames(document: DomDocument): void {
	const all = document.querySelectorAll('*');
	for (let i = 0; i < all.length; i++) {
		const el = all[i];
		if (!el || (el.namespaceURI && el.namespaceURI !== 'http://www.w3.org/1999/xhtml')) continue;
		const attrs = Array.from(el.attributes, ({name, value}) => ({name, value}));
		for (const {name, value} of attrs) {
			const lower = name.toLowerCase();
			if (lower === name) continue;
			el.removeAttribute(name);
			if (!el.hasAttribute(lower)) el.setAttribute(lower, value);
		}
	}
}

function setDocumentUrl(document: DomDocument, pageUrl: string): void {
	let base = pageUrl;
	const href = document.querySelector('base[href]')?.getAttribute('href');
	if (href) {
		try {
			base = new URL(href, pageUrl).href;
		} catch {
			// A bad <base> is ignored, as browsers do.
		}
	}
	for (const [key, value] of [
		['URL', pageUrl],
		['documentURI', pageUrl],
		['baseURI', base],
	] as const) {
		Object.defineProperty(document, key, {value, configurable: true});
	}
}
