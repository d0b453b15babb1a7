// DOM → qari's blocks: the element Readability picked (or the whole <body>
// with --raw) walked into the same Block model the Markdown parser makes.
// Nothing is rendered from the page but its text: no script, no style, no
// attribute other than href, alt, src (to name an image), dir, lang, start,
// align and the language class of code.
//
// Logic:
// 1. Block context vs inline context, as in CSS's default style sheet:
//    block elements (p, div, h1–h6, lists, blockquote, pre, table, figure,
//    hr …) end the paragraph being gathered; text and inline elements add
//    spans to it. An inline element holding block elements (a teaser card's
//    <a><h3>…</h3><p>…</p></a>) is walked as a block container.
//    A list is tight (no blank rows inside its items) unless an item holds a
//    <p>: the HTML CommonMark makes of a tight and of a loose list, and how a
//    browser spaces them.
// 2. Whitespace collapses as in HTML (runs of ASCII whitespace → one space,
//    none at a paragraph's edges); inside <pre> it is kept. NBSP is kept.
// 3. Direction: a `dir` on a block element is that paragraph's direction;
//    when the text's first strong letter would say otherwise, the paragraph
//    starts with an RLM or LRM (the layout takes a paragraph's direction from
//    its first strong character). `dir` on an inline element isolates its
//    text (RLI/LRI … PDI), <bdi> with FSI, <bdo> overrides (RLO/LRO … PDF),
//    as the HTML rendering rules say; the layout applies them and the
//    renderer removes them before anything is printed.
// 4. What is not shown: script, style, template, noscript, iframe, object,
//    embed, svg, canvas, form controls, and anything hidden by the `hidden`
//    attribute, aria-hidden="true" or an inline style display:none or
//    visibility:hidden (CSS that hides text hides it here too).
// 5. Images become `[image: alt]` (`[image]` without alt), linked to their
//    absolute http(s) address unless inside a link; a figure is its images
//    and its caption. <br> is U+2028 (the Markdown path's hard break).
// 6. Tables: a table whose cells hold block content (a layout table) is
//    walked as containers; a data table becomes a table block, its header the
//    <thead> row or a first row of <th> cells (else the first row).
// 7. Every text and attribute value passes through stripControls (&#27; is
//    ESC). Nesting deeper than MAX_DEPTH is read as plain text: a hostile page
//    nests 100,000 elements and the walk must not overflow the stack.

import {type Block, type Direction, type Inline, type Span, type Style, type TableAlign} from '../../model/article.js';
import {closeBidi, stripControls} from '../sanitize.js';
import {firstStrongDirection} from '../../text/bidi/classes.js';
import {type DomElement, type DomNode, isElement, TEXT_NODE} from './dom.js';
import {BLOCK_ELEMENTS} from '../html-elements.js';

/** Elements nested deeper than this are read as their text. */
export const MAX_DEPTH = 200;

const SKIP = new Set([
	'script',
	'style',
	'template',
	'noscript',
	'iframe',
	'object',
	'embed',
	'svg',
	'canvas',
	'math',
	'head',
	'title',
	'meta',
	'link',
	'base',
	'button',
	'input',
	'select',
	'textarea',
	'option',
	'datalist',
	'audio',
	'video',
	'source',
	'track',
	'map',
	'area',
	'param',
	'dialog',
]);

const BLOCK_SELECTOR = [...BLOCK_ELEMENTS].filter((t) => t !== 'html' && t !== 'body').join(',');

const RLM = '\u200f';
const LRM = '\u200e';

/** The blocks of an element's content. */
export function blocksOfElement(root: DomElement, inheritedDir?: Direction): Block[] {
	const builder = new Builder();
	builder.walkBlock(root, 0, inheritedDir ?? dirOf(root));
	builder.flush();
	return builder.blocks;
}

/** The `dir` attribute as a direction (case-insensitive), or undefined for none or auto. */
export function dirOf(el: DomElement): Direction | undefined {
	const v = el.getAttribute('dir')?.trim().toLowerCase();
	return v === 'rtl' || v === 'ltr' ? v : undefined;
}

function isHidden(el: DomElement): boolean {
	if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
	const style = el.getAttribute('style');
	return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function collapse(text: string): string {
	return text.replace(/[\t\n\f\r ]+/g, ' ');
}

/** The language of a code block from its class (`language-ts`, `lang-js`), or ''. */
function codeLang(el: DomElement): string {
	const classes = `${el.getAttribute('class') ?? ''} ${el.querySelector('code')?.getAttribute('class') ?? ''}`;
	return stripControls(/(?:^|\s)lang(?:uage)?-([\w+#.-]+)/i.exec(classes)?.[1] ?? '');
}

/** An href fit to keep: absolute http(s), ftp or mailto, or a fragment; else undefined (javascript:, data: …). */
function linkOf(el: DomElement): string | undefined {
	const href = stripControls(el.getAttribute('href') ?? '').trim();
	if (/^(?:https?:\/\/|ftp:\/\/|mailto:)/i.test(href)) return href;
	return undefined;
}

/**
 * An image's address to list with the links (as a Markdown image's is:
 * export keeps every URL), when absolute http(s): Readability makes a page's
 * relative addresses absolute; data: and the like are left out. Never fetched.
 */
function imageSource(el: DomElement): string | undefined {
	const src = stripControls(el.getAttribute('src') ?? '').trim();
	return /^https?:\/\//i.test(src) ? src : undefined;
}

/** Whether a list item has a <p> of its own (a loose list's item, Logic 1). */
function holdsParagraph(item: DomElement): boolean {
	const children = item.children;
	for (let i = 0; i < children.length; i++) if (children[i]?.localName.toLowerCase() === 'p') return true;
	return false;
}

function imageText(el: DomElement): string {
	const alt = collapse(stripControls(el.getAttribute('alt') ?? '')).trim();
	return alt ? `[image: ${alt}]` : '[image]';
}

/** Gathers inline spans into paragraphs and blocks. */
class Builder {
	readonly blocks: Block[] = [];
	private spans: Span[] = [];
	private paragraphDir: Direction | undefined;
	private readonly styles = new Map<string, Style>();

	/** Interned styles: the layout tells styles apart by identity. */
	style(style: Style): Style {
		const key = `${style.strong ? 's' : ''}${style.emphasis ? 'e' : ''}${style.code ? 'c' : ''}${style.strike ? 'x' : ''}|${style.href ?? ''}`;
		const known = this.styles.get(key);
		if (known) return known;
		this.styles.set(key, style);
		return style;
	}

	/** Ends the paragraph being gathered, if it has text. */
	flush(): void {
		const inline = finishInline(this.spans, this.paragraphDir);
		this.spans = [];
		if (inline.length) this.blocks.push({kind: 'paragraph', inline});
	}

	/** Walks an element's children in block context. */
	walkBlock(el: DomElement, depth: number, dir: Direction | undefined): void {
		const children = el.childNodes;
		for (let i = 0; i < children.length; i++) {
			const child = children[i];
			if (child) this.blockChild(child, depth + 1, dir);
		}
	}

	private blockChild(node: DomNode, depth: number, dir: Direction | undefined): void {
		if (!isElement(node)) {
			if (node.nodeType === TEXT_NODE) this.addText(node.textContent ?? '', {}, dir);
			return;
		}
		const tag = node.localName.toLowerCase();
		if (SKIP.has(tag) || isHidden(node)) return;
		const ownDir = dirOf(node) ?? dir;
		if (depth > MAX_DEPTH) {
			this.addText(node.textContent ?? '', {}, ownDir);
			return;
		}
		if (!BLOCK_ELEMENTS.has(tag)) {
			// An inline element holding blocks is a container (Logic 1).
			if (tag !== 'img' && tag !== 'br' && node.querySelector(BLOCK_SELECTOR)) {
				this.flush();
				this.walkBlock(node, depth, ownDir);
				this.flush();
				return;
			}
			if (this.spans.length === 0) this.paragraphDir = dir;
			collectInline(node, {}, this.spans, depth, this);
			return;
		}
		this.flush();
		switch (tag) {
			case 'h1':
			case 'h2':
			case 'h3':
			case 'h4':
			case 'h5':
			case 'h6': {
				const inline = this.inlineOf(node, depth, ownDir);
				if (inline.length) this.blocks.push({kind: 'heading', level: Number(tag[1]), inline});
				return;
			}
			case 'hr':
				this.blocks.push({kind: 'rule'});
				return;
			case 'pre': {
				const text = stripControls(node.textContent ?? '')
					.replace(/^\n/, '')
					.replace(/\n+$/, '');
				if (text.trim()) this.blocks.push({kind: 'code', lang: codeLang(node), text: closeBidi(text)});
				return;
			}
			case 'ul':
			case 'ol':
			case 'menu':
			case 'dir': {
				const items: Block[][] = [];
				const kids = node.childNodes;
				let loose: Builder | undefined;
				let spaced = false;
				for (let i = 0; i < kids.length; i++) {
					const kid = kids[i];
					if (!kid) continue;
					if (isElement(kid) && kid.localName.toLowerCase() === 'li') {
						if (loose) items.push(loose.done());
						loose = undefined;
						if (isHidden(kid)) continue;
						spaced ||= holdsParagraph(kid);
						const item = new Builder();
						item.walkBlock(kid, depth + 1, dirOf(kid) ?? ownDir);
						const blocks = item.done();
						if (blocks.length) items.push(blocks);
					} else {
						loose ??= new Builder();
						loose.blockChild(kid, depth + 1, ownDir);
					}
				}
				if (loose) {
					const blocks = loose.done();
					if (blocks.length) items.push(blocks);
				}
				if (!items.length) return;
				const startAttr = Number.parseInt(node.getAttribute('start') ?? '', 10);
				const ordered = tag === 'ol';
				const list = {kind: 'list', ordered, start: ordered && Number.isFinite(startAttr) ? startAttr : 1, items} as const;
				this.blocks.push(spaced ? list : {...list, tight: true});
				return;
			}
			case 'blockquote': {
				const inner = new Builder();
				inner.walkBlock(node, depth, ownDir);
				const blocks = inner.done();
				if (blocks.length) this.blocks.push({kind: 'quote', blocks});
				return;
			}
			case 'table':
				this.table(node, depth, ownDir);
				return;
			case 'dt': {
				const inline = this.inlineOf(node, depth, ownDir);
				if (inline.length) this.blocks.push({kind: 'paragraph', inline: inline.map((s) => ({text: s.text, style: this.style({...s.style, strong: true})}))});
				return;
			}
			default:
				this.walkBlock(node, depth, ownDir);
				this.flush();
		}
	}

	/** The blocks gathered, the last paragraph ended. */
	done(): Block[] {
		this.flush();
		return this.blocks;
	}

	/** An element's content as one line of inline spans (headings, cells): blocks inside become spaces. */
	inlineOf(el: DomElement, depth: number, dir: Direction | undefined): Inline {
		const spans: Span[] = [];
		const children = el.childNodes;
		for (let i = 0; i < children.length; i++) {
			const child = children[i];
			if (!child) continue;
			if (isElement(child)) collectInline(child, {}, spans, depth + 1, this, true);
			else if (child.nodeType === TEXT_NODE) pushText(spans, collapse(stripControls(child.textContent ?? '')), this.style({}));
		}
		return finishInline(spans, dir);
	}

	addText(raw: string, style: Style, dir: Direction | undefined): void {
		const text = collapse(stripControls(raw));
		if (this.spans.length === 0) {
			if (!text.trim()) return;
			this.paragraphDir = dir;
		}
		pushText(this.spans, text, this.style(style));
	}

	private table(node: DomElement, depth: number, dir: Direction | undefined): void {
		const rows = tableRows(node);
		// A layout table holds blocks in its cells (Logic 6): walk it as containers.
		const layout = rows.some((row) => row.cells.some((cell) => cell.querySelector('p,div,ul,ol,table,h1,h2,h3,h4,h5,h6,blockquote,pre,figure')));
		if (layout || rows.length === 0) {
			for (const row of rows) {
				for (const cell of row.cells) {
					this.walkBlock(cell, depth + 1, dirOf(cell) ?? dir);
					this.flush();
				}
			}
			return;
		}
		const caption = node.querySelector('caption');
		if (caption && caption.parentNode === node) {
			const inline = this.inlineOf(caption, depth, dir);
			if (inline.length) this.blocks.push({kind: 'paragraph', inline: inline.map((s) => ({text: s.text, style: this.style({...s.style, emphasis: true})}))});
		}
		const headerIndex = rows.findIndex((row) => row.head || row.cells.every((c) => c.localName.toLowerCase() === 'th'));
		const headRow = headerIndex === 0 ? rows[0] : undefined;
		const bodyRows = headRow ? rows.slice(1) : rows;
		let columns = headRow ? headRow.cells.length : 0;
		for (const row of bodyRows) columns = Math.max(columns, row.cells.length);
		if (columns === 0) return;
		const cellsOf = (row: TableRow | undefined): Inline[] => {
			const out: Inline[] = [];
			for (let c = 0; c < columns; c++) {
				const cell = row?.cells[c];
				out.push(cell ? this.inlineOf(cell, depth + 2, dirOf(cell) ?? dir) : []);
			}
			return out;
		};
		const align: TableAlign[] = [];
		for (let c = 0; c < columns; c++) align.push(alignOf(headRow?.cells[c] ?? bodyRows[0]?.cells[c]));
		const header = cellsOf(headRow);
		const body = bodyRows.map(cellsOf);
		this.blocks.push({kind: 'table', align, header, rows: body});
	}
}

interface TableRow {
	readonly head: boolean;
	readonly cells: readonly DomElement[];
}

/** The rows of a table (not of tables inside it), through thead, tbody and tfoot. */
function tableRows(table: DomElement): TableRow[] {
	const rows: TableRow[] = [];
	const visit = (parent: DomElement, head: boolean): void => {
		const kids = parent.children;
		for (let i = 0; i < kids.length; i++) {
			const kid = kids[i];
			if (!kid || isHidden(kid)) continue;
			const tag = kid.localName.toLowerCase();
			if (tag === 'thead') visit(kid, true);
			else if (tag === 'tbody' || tag === 'tfoot') visit(kid, head);
			else if (tag === 'tr') {
				const cells: DomElement[] = [];
				const cellKids = kid.children;
				for (let k = 0; k < cellKids.length; k++) {
					const cell = cellKids[k];
					const cellTag = cell?.localName.toLowerCase();
					if (cell && (cellTag === 'td' || cellTag === 'th') && !isHidden(cell)) cells.push(cell);
				}
				if (cells.length) rows.push({head, cells});
			}
		}
	};
	visit(table, false);
	return rows;
}

function alignOf(cell: DomElement | undefined): TableAlign {
	if (!cell) return null;
	const value = (cell.getAttribute('align') ?? /text-align\s*:\s*(\w+)/i.exec(cell.getAttribute('style') ?? '')?.[1] ?? '').toLowerCase();
	return value === 'left' || value === 'center' || value === 'right' ? value : null;
}

function pushText(spans: Span[], text: string, style: Style): void {
	if (!text) return;
	const last = spans[spans.length - 1];
	// Collapsed whitespace: one space between spans, none doubled.
	if (last?.text.endsWith(' ') && text.startsWith(' ')) text = text.slice(1);
	if (!text) return;
	if (last && last.style === style) spans[spans.length - 1] = {text: last.text + text, style};
	else spans.push({text, style});
}

/** Trims a paragraph's spans (Logic 2), drops empty ones, and marks its direction (Logic 3). */
function finishInline(spans: readonly Span[], dir: Direction | undefined): Inline {
	const out: Span[] = [];
	for (const span of spans) if (span.text) out.push(span);
	while (out.length) {
		const first = out[0];
		if (!first) break;
		const text = first.text.replace(/^[ \u2028]+/, '');
		if (text) {
			out[0] = {text, style: first.style};
			break;
		}
		out.shift();
	}
	while (out.length) {
		const last = out[out.length - 1];
		if (!last) break;
		const text = last.text.replace(/[ \u2028]+$/, '');
		if (text) {
			out[out.length - 1] = {text, style: last.style};
			break;
		}
		out.pop();
	}
	if (!out.length || !out.some((s) => /\S/.test(s.text))) return [];
	if (dir) {
		let text = '';
		for (const span of out) {
			text += span.text;
			if (text.length > 200) break;
		}
		const found = firstStrongDirection(text);
		if (found !== null && found !== dir) {
			const first = out[0];
			if (first) out[0] = {text: (dir === 'rtl' ? RLM : LRM) + first.text, style: first.style};
		}
	}
	return out;
}

const INLINE_STYLE: Record<string, Style> = {
	em: {emphasis: true},
	i: {emphasis: true},
	cite: {emphasis: true},
	dfn: {emphasis: true},
	var: {emphasis: true},
	strong: {strong: true},
	b: {strong: true},
	code: {code: true},
	kbd: {code: true},
	samp: {code: true},
	tt: {code: true},
	s: {strike: true},
	del: {strike: true},
	strike: {strike: true},
};

/**
 * Adds an inline element's text to `spans` (Logic 1, 3, 5). In a heading or
 * cell (`flat`), block elements inside become a space.
 */
function collectInline(el: DomElement, outer: Style, spans: Span[], depth: number, builder: Builder, flat = false): void {
	const tag = el.localName.toLowerCase();
	if (SKIP.has(tag) || isHidden(el)) return;
	if (tag === 'br') {
		pushText(spans, '\u2028', builder.style(outer));
		return;
	}
	if (tag === 'wbr') return;
	if (tag === 'img') {
		const src = outer.href === undefined ? imageSource(el) : undefined;
		pushText(spans, imageText(el), builder.style(src ? {...outer, href: src} : outer));
		return;
	}
	if (depth > MAX_DEPTH) {
		pushText(spans, collapse(stripControls(el.textContent ?? '')), builder.style(outer));
		return;
	}
	let style = outer;
	const extra = INLINE_STYLE[tag];
	if (extra) style = {...style, ...extra};
	if (tag === 'a') {
		const href = linkOf(el);
		if (href) style = {...style, href};
	}
	// Isolates and overrides (Logic 3).
	const dir = dirOf(el);
	let open = '';
	let close = '';
	if (tag === 'bdo' && dir) {
		open = dir === 'rtl' ? '\u202e' : '\u202d';
		close = '\u202c';
	} else if (dir && !flat) {
		open = dir === 'rtl' ? '\u2067' : '\u2066';
		close = '\u2069';
	} else if (tag === 'bdi') {
		open = '\u2068';
		close = '\u2069';
	}
	const interned = builder.style(style);
	const quote = tag === 'q';
	if (open) pushText(spans, open, interned);
	if (quote) pushText(spans, '"', interned);
	const block = flat && BLOCK_ELEMENTS.has(tag);
	if (block) pushText(spans, ' ', interned);
	const children = el.childNodes;
	for (let i = 0; i < children.length; i++) {
		const child = children[i];
		if (!child) continue;
		if (isElement(child)) collectInline(child, style, spans, depth + 1, builder, flat);
		else if (child.nodeType === TEXT_NODE) pushText(spans, collapse(stripControls(child.textContent ?? '')), interned);
	}
	if (block) pushText(spans, ' ', interned);
	if (quote) pushText(spans, '"', interned);
	if (close) pushText(spans, close, interned);
}
