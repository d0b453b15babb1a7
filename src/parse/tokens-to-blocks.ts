// marked's tokens → qari's own readonly blocks and inline spans; and the
// plain text of blocks and spans (titles, word counts, direction).
//
// Logic:
// 1. Character references are decoded outside code (entities.ts: all of
//    HTML5's, so `&rlm;` is an RLM and `&zwnj;` a ZWNJ). They may decode to
//    controls (&#27; is ESC): every text that enters the model passes
//    through stripControls. GitHub's emoji shortcodes (`:warning:`) become
//    their emoji in text (emoji.ts), not in code.
// 2. Raw HTML is never rendered: its text is kept, its tags dropped
//    (stripTags, linear whatever the text), except what a browser does not
//    show as text: comments, <script> and <style> go with their content (also
//    when a blank line ends the HTML block before them: the section planner
//    drops the blocks up to their end). <br> in any form is a hard break,
//    <img> shows `[image: alt]` as a Markdown image does, and an HTML block
//    is cut into blocks at its block elements (htmlBlock): headings,
//    paragraphs, lists, summaries, tables (HtmlTable), rules. Inside a
//    paragraph or a cell, inline or in an HTML block, <b>, <em>, <code>,
//    <kbd>, <del>, <a href> and the like style the text up to their end tag,
//    as the Markdown they stand for would; <mark> is strong.
// 3. Inline tokens are walked with an explicit stack (emphasis nests as deep
//    as marked can lex), neighbours of one style merged into one span, and
//    each distinct style is one object.

import {type Token, type Tokens} from 'marked';
import {replaceShortcodes} from './emoji.js';
import {decodeEntities} from './entities.js';
import {declaredAlign} from './html-direction.js';
import {closeBidi, stripControls} from './sanitize.js';
import {type Block, type Inline, type Span, type Style, type TableAlign} from '../model/article.js';
import {forEachLeafBlock} from '../model/walk.js';

function toBlocks(tokens: readonly Token[]): Block[] {
	const blocks: Block[] = [];
	for (const token of tokens) for (const block of tokenBlocks(token)) blocks.push(block);
	return blocks;
}

/** The blocks a token stands for: an HTML block may make several, any other token one or none. */
export function tokenBlocks(token: Token): Block[] {
	if (token.type === 'html') return htmlBlock((token as Tokens.HTML).text).blocks;
	const block = toBlock(token);
	return block ? [block] : [];
}

/** The block a token stands for; undefined when it shows nothing (space, link definitions, empty text or HTML). */
export function toBlock(token: Token): Block | undefined {
	switch (token.type) {
		case 'heading': {
			const t = token as Tokens.Heading;
			return {kind: 'heading', level: t.depth, inline: toInline(t.tokens)};
		}
		case 'paragraph': {
			const t = token as Tokens.Paragraph;
			return {kind: 'paragraph', inline: toInline(t.tokens)};
		}
		case 'text': {
			// Tight list items and fallback chunks hold bare text tokens.
			const t = token as Tokens.Text;
			const inline = t.tokens ? toInline(t.tokens) : plainInline(t.text);
			return inline.length ? {kind: 'paragraph', inline} : undefined;
		}
		case 'blockquote':
			return {kind: 'quote', blocks: toBlocks((token as Tokens.Blockquote).tokens)};
		case 'list': {
			const t = token as Tokens.List;
			const start = typeof t.start === 'number' ? t.start : 1;
			const items = t.items.map((item) => toItem(item));
			return t.loose ? {kind: 'list', ordered: t.ordered, start, items} : {kind: 'list', ordered: t.ordered, start, items, tight: true};
		}
		case 'code': {
			const t = token as Tokens.Code;
			return {kind: 'code', lang: stripControls((t.lang ?? '').split(/\s/)[0] ?? ''), text: stripControls(t.text)};
		}
		case 'table': {
			const t = token as Tokens.Table;
			return {
				kind: 'table',
				align: t.align.map((a): TableAlign => a ?? null),
				header: t.header.map((cell) => toInline(cell.tokens)),
				rows: t.rows.map((row) => row.map((cell) => toInline(cell.tokens))),
			};
		}
		case 'hr':
			return {kind: 'rule'};
		case 'html':
			// An HTML block may make several blocks: tokenBlocks takes them all.
			return htmlBlock((token as Tokens.HTML).text).blocks[0];
		default:
			// space, def (link reference definitions): nothing to show.
			return undefined;
	}
}

function toItem(item: Tokens.ListItem): Block[] {
	const blocks = toBlocks(item.tokens);
	if (item.task) {
		const box: Span = {text: item.checked ? '[x] ' : '[ ] ', style: {}};
		const first = blocks[0];
		if (first?.kind === 'paragraph') blocks[0] = {kind: 'paragraph', inline: [box, ...first.inline]};
		else blocks.unshift({kind: 'paragraph', inline: [box]});
	}
	return blocks;
}

/**
 * Flattens inline tokens into styled spans, merging neighbours of one style.
 * Walked with an explicit stack: emphasis can nest as deep as marked can lex.
 */
function toInline(tokens: readonly Token[] | undefined): Inline {
	const spans: Span[] = [];
	// Inline HTML elements open until their end tag (<b>, <em>, <code>, <kbd>, <a href>…), innermost last.
	const open: {readonly name: string; readonly style: Style}[] = [];
	const push = (raw: string, base: Style): void => {
		// Inline text is one line: a hard break is U+2028 (see 'br').
		let text = stripControls(raw).replace(/\n/g, ' ');
		if (!text) return;
		let style = base;
		if (open.length) {
			let merged: Style = base;
			for (const element of open) merged = {...merged, ...element.style};
			style = intern(merged);
			// As for a code span: an unclosed isolate must not run on past the code's own.
			if (style.code && !base.code) text = closeBidi(text);
		}
		const last = spans[spans.length - 1];
		if (last && sameStyle(last.style, style)) spans[spans.length - 1] = {text: last.text + text, style};
		else spans.push({text, style});
	};
	// One object per distinct style: the layout tells styles apart by identity,
	// and a huge paragraph has hundreds of thousands of emphasised words.
	const styles = new Map<string, Style>();
	const intern = (style: Style): Style => {
		const key = `${style.strong ? 's' : ''}${style.emphasis ? 'e' : ''}${style.code ? 'c' : ''}${style.strike ? 'x' : ''}${style.href === undefined ? '' : `|${style.href}`}`;
		const known = styles.get(key);
		if (known) return known;
		styles.set(key, style);
		return style;
	};
	const stack: {readonly list: readonly Token[]; index: number; readonly style: Style}[] = [{list: tokens ?? [], index: 0, style: {}}];
	const enter = (list: readonly Token[] | undefined, style: Style): void => {
		if (list?.length) stack.push({list, index: 0, style: intern(style)});
	};
	while (stack.length) {
		const frame = stack[stack.length - 1];
		if (!frame) break;
		const token = frame.list[frame.index++];
		if (!token) {
			stack.pop();
			continue;
		}
		const style = frame.style;
		switch (token.type) {
			case 'text': {
				const t = token as Tokens.Text;
				if (t.tokens?.length) enter(t.tokens, style);
				else push(decodeEntities(replaceShortcodes(t.text)), style);
				break;
			}
			case 'escape':
				push((token as Tokens.Escape).text, style);
				break;
			case 'strong':
				enter((token as Tokens.Strong).tokens, {...style, strong: true});
				break;
			case 'em':
				enter((token as Tokens.Em).tokens, {...style, emphasis: true});
				break;
			case 'del':
				enter((token as Tokens.Del).tokens, {...style, strike: true});
				break;
			case 'codespan':
				// Character references in code are literal text (CommonMark 6.1). An
				// unclosed isolate in code would run on past the code's own isolate.
				push(closeBidi((token as Tokens.Codespan).text), intern({...style, code: true}));
				break;
			case 'link': {
				const t = token as Tokens.Link;
				enter(t.tokens, {...style, href: stripControls(t.href)});
				break;
			}
			case 'image': {
				const t = token as Tokens.Image;
				// An image inside a link points where the link does (a flag that opens a translation).
				push(imageLabel(decodeEntities(t.text)), intern({...style, href: style.href ?? stripControls(t.href)}));
				break;
			}
			case 'br':
				// A hard line break: U+2028 LINE SEPARATOR, which the bidi
				// algorithm treats as whitespace and the wrapper as a forced break.
				push('\u2028', style);
				break;
			case 'html': {
				// A tag, or a comment: <br> is a hard break, <img> its label, an element
				// of inline style styles the text up to its end tag, the rest goes.
				const html = (token as Tokens.HTML).text;
				const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]{0,2000})>$/.exec(html.trim());
				const name = tag?.[2]?.toLowerCase() ?? '';
				const element = tag && !tag[1] ? inlineElementStyle(name, tag[3] ?? '') : undefined;
				if (element) {
					if (open.length < 64) open.push({name, style: element});
				} else if (tag?.[1] && open.some((e) => e.name === name)) {
					open.length = open.findLastIndex((e) => e.name === name);
				} else push(htmlText(html).text, style);
				break;
			}
			default:
				if ('text' in token && typeof token.text === 'string') push(token.text, style);
		}
	}
	return spans;
}

/** The style an inline HTML element gives its text, or undefined for one that gives none. */
function inlineElementStyle(name: string, attributes: string): Style | undefined {
	switch (name) {
		case 'b':
		case 'strong':
			return {strong: true};
		case 'i':
		case 'em':
		case 'cite':
		case 'dfn':
			return {emphasis: true};
		case 'code':
		case 'kbd':
		case 'samp':
		case 'tt':
			return {code: true};
		case 'mark':
			// Highlighted text: the model has no highlight, strong is the visible style it has.
			return {strong: true};
		case 's':
		case 'del':
		case 'strike':
			return {strike: true};
		case 'a': {
			const href = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
			const target = href?.[1] ?? href?.[2] ?? href?.[3];
			return target ? {href: decodeEntities(target)} : undefined;
		}
		default:
			return undefined;
	}
}

/** Text as one unstyled span: controls stripped, each line break and the spaces around it one space, trimmed. */
export function plainInline(text: string): Inline {
	const t = stripControls(text)
		.replace(/\s*\n\s*/g, ' ')
		.trim();
	return t ? [{text: t, style: {}}] : [];
}

function sameStyle(a: Style, b: Style): boolean {
	return !!a.strong === !!b.strong && !!a.emphasis === !!b.emphasis && !!a.code === !!b.code && !!a.strike === !!b.strike && a.href === b.href;
}

/** How an image shows in text: `[image: alt]`, or `[image]` without alt text. */
export function imageLabel(alt: string): string {
	const text = alt.replace(/\s+/g, ' ').trim();
	return text ? `[image: ${text}]` : '[image]';
}

/** Where hidden HTML content starts: a comment, a script, a style sheet. */
const hiddenStart = /<!--|<(script|style)(?=[\s>/])/gi;

/**
 * An HTML fragment's text (Logic 2): comments, <script> and <style> with their
 * content dropped, <br> (any form, `</br>` too) a hard break (U+2028), <img> its
 * `[image: alt]` label, other tags removed, character references decoded. `open`
 * is the end of hidden content that does not end in the fragment ('-->',
 * '</script>', '</style>'): what follows up to it is hidden too.
 */
export function htmlText(html: string, stripped = true): {text: string; open: string | undefined} {
	let shown = '';
	let from = 0;
	let open: string | undefined;
	hiddenStart.lastIndex = 0;
	for (let m = hiddenStart.exec(html); m; m = hiddenStart.exec(html)) {
		shown += html.slice(from, m.index);
		const closer = m[1] ? `</${m[1].toLowerCase()}>` : '-->';
		const end = findCloser(html, closer, m.index + m[0].length);
		if (end === -1) {
			open = closer;
			from = html.length;
			break;
		}
		from = end;
		hiddenStart.lastIndex = end;
	}
	shown += html.slice(from);
	const marked = shown.replace(/<\/?br\b[^<>]{0,200}>/gi, '\u2028').replace(/<img\b([^<>]{0,2000})>/gi, (_, attributes: string) => {
		const alt = /(?:^|\s)alt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
		return alt ? ` ${imageLabel(decodeEntities(alt[1] ?? alt[2] ?? alt[3] ?? ''))} ` : '';
	});
	return {text: stripped ? stripTags(marked) : marked, open};
}

/** The offset just after the first `closer` (case-insensitive; '</script >' too) at or after `from`, or -1. */
export function findCloser(text: string, closer: string, from: number): number {
	if (closer === '-->') {
		const at = text.indexOf('-->', from);
		return at === -1 ? -1 : at + 3;
	}
	const pattern = new RegExp(`${closer.slice(0, -1)}\\s*>`, 'gi');
	pattern.lastIndex = from;
	const m = pattern.exec(text);
	return m ? m.index + m[0].length : -1;
}

/** Elements that end a paragraph in an HTML block: the text before and after them is a block of its own. */
const blockElements = new Set([
	'address',
	'article',
	'aside',
	'blockquote',
	'center',
	'dd',
	'details',
	'dialog',
	'div',
	'dl',
	'dt',
	'figcaption',
	'figure',
	'footer',
	'form',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'header',
	'hr',
	'li',
	'main',
	'nav',
	'ol',
	'p',
	'pre',
	'section',
	'summary',
	'table',
	'tbody',
	'td',
	'tfoot',
	'th',
	'thead',
	'tr',
	'ul',
]);

/**
 * What an HTML block shows (Logic 2): its text cut into blocks where block elements
 * start and end. Text in <h1>–<h6> is a heading (unless it is only images), in <li> a
 * list item (one list per <ul>/<ol>, nested ones flattened), in <summary> bold; a
 * <table> is a table block (htmlTable); <hr> is a rule; the rest are paragraphs,
 * `<br>`s kept as hard breaks, other line ends and runs of spaces one space. Cells
 * outside a <table> (a fragment) are one paragraph per row, cells apart by ' | '.
 * `open` as htmlText's.
 */
export function htmlBlock(html: string): {blocks: Block[]; open: string | undefined} {
	const {text: marked, open} = htmlText(html, false);
	const blocks: Block[] = [];
	let buffer = '';
	let heading = 0;
	let summary = 0;
	let listDepth = 0;
	let items: Block[][] = [];
	let ordered = false;
	let cell = false;
	let table: HtmlTable | undefined;
	// Open block elements and whether each centres its content (align="center", text-align: center).
	const elements: {readonly name: string; readonly center: boolean}[] = [];
	const center = (): boolean => listDepth === 0 && elements.some((e) => e.center);
	const place = (block: Block): void => {
		if (listDepth > 0) {
			if (!items.length) items.push([]);
			items[items.length - 1]?.push(block);
		} else blocks.push(block);
	};
	const flush = (): void => {
		const inline = htmlInline(buffer, summary ? {strong: true} : {});
		buffer = '';
		if (!inline.length) return;
		const centred = center() ? {align: 'center' as const} : {};
		if (heading && !/^(?:\[image(?::[^\]]*)?\]\s*)+$/.test(inlineText(inline))) place({kind: 'heading', level: heading, inline, ...centred});
		else place({kind: 'paragraph', inline, ...centred});
	};
	const endTable = (): void => {
		if (!table) return;
		// Text a browser shows outside the cells (a <caption>, stray words) comes before the table.
		buffer = table.stray;
		flush();
		for (const block of table.blocks()) place(block);
		table = undefined;
	};
	let from = 0;
	for (const m of marked.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b([^<>]{0,2000})>/g)) {
		const name = (m[2] ?? '').toLowerCase();
		const closing = m[1] === '/';
		if (table) {
			table.text(marked.slice(from, m.index));
			from = m.index + m[0].length;
			if (table.tag(name, closing, m[3] ?? '', m[0])) endTable();
			continue;
		}
		buffer += marked.slice(from, m.index);
		from = m.index + m[0].length;
		if (!blockElements.has(name)) {
			// Elements of inline style are kept for htmlInline; other tags go.
			if (closing || inlineElementStyle(name, m[3] ?? '')) buffer += m[0];
			continue;
		}
		if (name === 'table' && !closing) {
			flush();
			table = new HtmlTable();
			continue;
		}
		if ((name === 'td' || name === 'th') && !closing) {
			// A row's cells are one paragraph: a bar between them, no block.
			if (cell) buffer += ' | ';
			cell = true;
			continue;
		}
		if (name === 'td' || name === 'th') continue;
		if (name === 'tr') cell = false;
		flush();
		if (closing) {
			const at = elements.findLastIndex((e) => e.name === name);
			if (at !== -1) elements.length = at;
		} else if (name !== 'hr' && elements.length < 64) {
			const attributes = m[3] ?? '';
			elements.push({name, center: /(?:^|\s)align\s*=\s*["']?center\b/i.test(attributes) || /text-align\s*:\s*center\b/i.test(attributes)});
		}
		if (/^h[1-6]$/.test(name)) heading = closing ? 0 : Number(name[1]);
		else if (name === 'summary') summary = closing ? 0 : 1;
		else if (name === 'hr') blocks.push({kind: 'rule'});
		else if (name === 'li' && !closing && listDepth > 0) items.push([]);
		else if (name === 'ul' || name === 'ol') {
			if (!closing) {
				if (listDepth++ === 0) {
					items = [];
					ordered = name === 'ol';
				}
			} else if (listDepth > 0 && --listDepth === 0) {
				const kept = items.filter((item) => item.length);
				if (kept.length) blocks.push({kind: 'list', ordered, start: 1, items: kept});
				items = [];
			}
		}
	}
	if (table) {
		// A table the block does not close is still a table: its text is never lost.
		table.text(marked.slice(from));
		endTable();
	} else buffer += marked.slice(from);
	flush();
	if (listDepth > 0) {
		const kept = items.filter((item) => item.length);
		if (kept.length) blocks.push({kind: 'list', ordered, start: 1, items: kept});
	}
	return {blocks, open};
}

/** A table with more columns than this is rows of text (HtmlTable.blocks); a colspan adds no more. */
const MAX_COLUMNS = 64;

/**
 * An HTML <table> as it is read (Logic 2): rows of cells, each cell's HTML kept (its inline
 * elements style its text, htmlInline), what is outside the cells kept as stray text.
 * Logic:
 * 1. <tr> starts a row, <td>/<th> a cell (a row of its own when none is open), their end
 *    tags and <thead>/<tbody>/<tfoot> end the cell; a cell with colspan is followed by
 *    empty ones, so the columns after it stay in place (bounded: MAX_COLUMNS); a
 *    column of such fillers only goes.
 * 2. A table inside a cell is flattened into the cell's text (its cells apart by spaces);
 *    other block elements in a cell are a space.
 * 3. The header is the first row (a <th> row or <thead> is first in every real table);
 *    a column's alignment is the first one its cells (or their rows) declare.
 */
class HtmlTable {
	readonly #rows: {html: string; align: TableAlign; filler?: true}[][] = [];
	#cell: {html: string; align: TableAlign} | undefined;
	#rowAlign: TableAlign = null;
	#nested = 0;
	stray = '';

	/** Text between tags: the open cell's, else stray. */
	text(text: string): void {
		if (this.#cell) this.#cell.html += text;
		else this.stray += text;
	}

	/** A tag inside the table; true when it ends the table. */
	tag(name: string, closing: boolean, attributes: string, raw: string): boolean {
		if (name === 'table') {
			if (!closing) this.#nested++;
			else if (this.#nested > 0) this.#nested--;
			else return true;
			this.text(' ');
			return false;
		}
		const block = blockElements.has(name) || name === 'caption';
		if (!this.#cell) {
			// Stray text is plain: its tags go, a block element's is a space.
			if (block) this.stray += ' ';
			if (this.#nested > 0 || !tableElements.has(name)) return false;
		} else if (this.#nested > 0 || !tableElements.has(name)) {
			// Inline elements are kept for their style; a block element is a space.
			this.#cell.html += block ? ' ' : raw;
			return false;
		}
		this.#cell = undefined;
		if (closing) return false;
		if (name === 'tr') {
			this.#rows.push([]);
			this.#rowAlign = declaredAlign(attributes) ?? null;
		} else if (name === 'td' || name === 'th') {
			if (!this.#rows.length) {
				this.#rows.push([]);
				this.#rowAlign = null;
			}
			const row = this.#rows[this.#rows.length - 1] ?? [];
			this.#cell = {html: '', align: declaredAlign(attributes) ?? this.#rowAlign};
			row.push(this.#cell);
			// (No colspan makes a row wider than MAX_COLUMNS + 1: past that the table is text anyway.)
			const span = Math.min(Number(/(?:^|\s)colspan\s*=\s*["']?(\d{1,4})/i.exec(attributes)?.[1] ?? 1), MAX_COLUMNS + 1 - row.length);
			for (let k = 1; k < span; k++) row.push({html: '', align: null, filler: true});
		}
		return false;
	}

	/**
	 * The table block (none when no cell has text); a table wider than MAX_COLUMNS is one
	 * paragraph per row, its cells apart by ' | ' (no terminal shows it as a table, and its
	 * padded rows would cost rows × columns).
	 */
	blocks(): Block[] {
		let rows = this.#rows
			.filter((row) => row.length)
			.map((row) => row.map((cell) => ({inline: htmlInline(cell.html), align: cell.align, filler: cell.filler})));
		if (!rows.some((row) => row.some((cell) => cell.inline.length))) return [];
		let columns = 0;
		for (const row of rows) columns = Math.max(columns, row.length);
		if (columns <= MAX_COLUMNS + 1) {
			// Columns made only by colspans go (colspan="100" spans a 3-column table's width).
			const kept = Array.from({length: columns}, (_, c) => c).filter((c) => rows.some((row) => row[c] && !row[c]?.filler));
			if (kept.length < columns) {
				rows = rows.map((row) => kept.flatMap((c) => (row[c] ? [row[c]] : [])));
				columns = kept.length;
			}
		}
		if (columns > MAX_COLUMNS) {
			return rows.flatMap((row): Block[] => {
				const inline: Span[] = [];
				for (const cell of row) {
					if (!cell.inline.length) continue;
					if (inline.length) inline.push({text: ' | ', style: {}});
					for (const span of cell.inline) inline.push(span);
				}
				return inline.length ? [{kind: 'paragraph', inline}] : [];
			});
		}
		const align = Array.from({length: columns}, (_, c): TableAlign => rows.find((row) => row[c]?.align)?.[c]?.align ?? null);
		const pad = (row: readonly {readonly inline: Inline}[]): Inline[] => Array.from({length: columns}, (_, c) => row[c]?.inline ?? []);
		const [header = [], ...body] = rows;
		return [{kind: 'table', align, header: pad(header), rows: body.map(pad)}];
	}
}

/** The elements that make a table's rows and cells. */
const tableElements = new Set(['tr', 'td', 'th', 'thead', 'tbody', 'tfoot']);

/**
 * HTML text (tags kept, `<br>` already U+2028, `<img>` its label) as styled spans: elements of
 * inline style (inlineElementStyle) style the text up to their end tag, other tags go;
 * character references decoded and controls stripped in the text; runs of white space one
 * space, none at the ends or next to a hard break.
 */
export function htmlInline(html: string, base: Style = {}): Inline {
	const spans: Span[] = [];
	const open: {readonly name: string; readonly style: Style}[] = [];
	let style = base;
	let text = '';
	const add = (raw: string): void => {
		for (const piece of stripControls(decodeEntities(raw))
			.replace(/[ \t\n\r\f]+/g, ' ')
			.split(/(\u2028)/)) {
			if (!piece) continue;
			const before = text || spans[spans.length - 1]?.text || '';
			if (piece === '\u2028') {
				// A hard break: no space before it, none at the start.
				if (text.endsWith(' ')) text = text.slice(0, -1);
				endSpan();
				const last = spans[spans.length - 1];
				if (last?.text.endsWith(' ')) spans[spans.length - 1] = {text: last.text.slice(0, -1), style: last.style};
				if (spans[spans.length - 1]?.text === '') spans.pop();
				if (spans.length) text = piece;
			} else text += before === '' || before.endsWith(' ') || before.endsWith('\u2028') ? piece.replace(/^ /, '') : piece;
		}
	};
	const endSpan = (): void => {
		if (!text) return;
		// As for a code span: an unclosed isolate must not run on past the code's own.
		if (style.code && !base.code) text = closeBidi(text);
		const last = spans[spans.length - 1];
		if (last && sameStyle(last.style, style)) spans[spans.length - 1] = {text: last.text + text, style};
		else spans.push({text, style});
		text = '';
	};
	let from = 0;
	for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b([^<>]{0,2000})>/g)) {
		add(html.slice(from, m.index));
		from = m.index + m[0].length;
		const name = (m[2] ?? '').toLowerCase();
		const element = m[1] ? undefined : inlineElementStyle(name, m[3] ?? '');
		if (element) {
			if (open.length >= 64) continue;
			open.push({name, style: element});
		} else if (m[1] && open.some((e) => e.name === name)) open.length = open.findLastIndex((e) => e.name === name);
		else continue;
		endSpan();
		style = base;
		for (const e of open) style = {...style, ...e.style};
	}
	add(html.slice(from));
	endSpan();
	// No space or hard break at the end.
	while (spans.length) {
		const last = spans[spans.length - 1];
		if (!last) break;
		let end = last.text.length;
		while (end > 0 && (last.text[end - 1] === ' ' || last.text[end - 1] === '\u2028')) end--;
		const trimmed = last.text.slice(0, end);
		if (trimmed) {
			spans[spans.length - 1] = {text: trimmed, style: last.style};
			break;
		}
		spans.pop();
	}
	return spans;
}

/** Text without its tags: what `<` … `>` encloses goes, as /<[^>]*>/g would, in linear time (a run of '<' with no '>' is text). */
function stripTags(html: string): string {
	let out = '';
	let from = 0;
	for (let open = html.indexOf('<'); open !== -1; open = html.indexOf('<', from)) {
		const close = html.indexOf('>', open + 1);
		if (close === -1) break;
		out += html.slice(from, open);
		from = close + 1;
	}
	return decodeEntities(out + html.slice(from));
}

/** Plain text of inline content (hard breaks as spaces). */
export function inlineText(inline: Inline): string {
	let text = '';
	for (const span of inline) text += span.text;
	return text.replace(/\u2028/g, ' ').trim();
}

/** Plain text of blocks, one paragraph per line. Iterative: nesting depth is unbounded. */
export function blocksText(blocks: readonly Block[]): string {
	const out: string[] = [];
	forEachLeafBlock(blocks, (block) => {
		if (block.kind === 'paragraph' || block.kind === 'heading') out.push(inlineText(block.inline));
		else if (block.kind === 'code') out.push(block.text);
		else if (block.kind === 'table') out.push([...block.header, ...block.rows.flat()].map(inlineText).join(' '));
	});
	return out.join('\n');
}
