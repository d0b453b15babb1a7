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
// 4. Elements nested deeper than MAX_NESTING have their content replaced by
//    its text: Readability's time grows faster than the square of the depth
//    (63 s for 2,000 nested <div>, a stack overflow at 4,000), and real pages
//    nest 20 to 40 deep.
//    linkedom's own parse is quadratic in the depth too (1.4 s at 40,000,
//    14 s at 100,000): before parsing, tags that would open elements beyond
//    MAX_SOURCE_NESTING are dropped from the source, with their end tags
//    (limitSourceNesting: one linear scan, and only when a first, cheaper
//    count says the page might nest that deep).
// 5. Readability makes links absolute from document.baseURI and compares
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
	const src = limitSourceNesting(html.replace(/\r\n?/g, '\n'));
	const {document} = parseHTML(src) as unknown as {document: DomDocument};
	if (/<[a-zA-Z][^>]*\s[A-Z][\w-]*\s*=/.test(src)) lowercaseAttributeNames(document);
	flattenDeep(document);
	if (url) setDocumentUrl(document, url);
	return document;
}

/** Tags opening elements deeper than this are dropped before parsing (Logic 4). */
export const MAX_SOURCE_NESTING = 1000;

// Void elements, and elements whose end tag is optional (a list of 5,000 <li> without </li> is not 5,000 deep).
const flatTags = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'source',
	'track',
	'wbr',
	'p',
	'li',
	'dt',
	'dd',
	'option',
	'optgroup',
	'tr',
	'td',
	'th',
	'tbody',
	'thead',
	'tfoot',
	'colgroup',
	'caption',
	'rb',
	'rt',
	'rp',
	'html',
	'head',
	'body',
	'!doctype',
]);
const rawTextTags = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** The source without the tags that would nest elements deeper than `limit` (Logic 4). */
export function limitSourceNesting(html: string, limit = MAX_SOURCE_NESTING): string {
	// Fewer '<' than twice the limit cannot nest that deep.
	let opens = 0;
	for (let i = html.indexOf('<'); i !== -1 && opens <= limit * 2; i = html.indexOf('<', i + 1)) opens++;
	if (opens <= limit * 2) return html;
	const tag = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*>/g;
	let depth = 0;
	let dropped = 0;
	let out = '';
	let from = 0;
	for (let m = tag.exec(html); m; m = tag.exec(html)) {
		const name = (m[2] ?? '').toLowerCase();
		if (!name) continue;
		const closing = m[1] === '/';
		if (!closing && rawTextTags.has(name)) {
			const end = html.toLowerCase().indexOf(`</${name}`, tag.lastIndex);
			tag.lastIndex = end === -1 ? html.length : end;
			continue;
		}
		if (flatTags.has(name) || m[0].endsWith('/>')) continue;
		if (closing) {
			if (dropped > 0 && depth <= limit) {
				dropped--;
			} else if (depth > 0) {
				depth--;
				continue;
			} else continue;
		} else if (depth < limit) {
			depth++;
			continue;
		} else dropped++;
		out += html.slice(from, m.index);
		from = tag.lastIndex;
	}
	return from === 0 ? html : out + html.slice(from);
}

/** Elements deeper than this hold only their text (Logic 4). */
export const MAX_NESTING = 100;

function flattenDeep(document: DomDocument): void {
	const root = document.documentElement;
	if (!root) return;
	// Iterative: the tree may be 100,000 deep.
	const stack: {el: DomElement; depth: number}[] = [{el: root, depth: 0}];
	while (stack.length) {
		const top = stack.pop();
		if (!top) break;
		const kids = top.el.children;
		if (top.depth >= MAX_NESTING && kids.length) {
			(top.el as {textContent: string | null}).textContent = top.el.textContent;
			continue;
		}
		for (let i = kids.length - 1; i >= 0; i--) {
			const kid = kids[i];
			if (kid) stack.push({el: kid, depth: top.depth + 1});
		}
	}
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
