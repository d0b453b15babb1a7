// Text → Article. marked's lexer does the CommonMark + GFM parsing (chosen by
// measurement: 0.2 s on a 6.7 MB file against mdast's 2.0 s); this module maps
// its tokens onto qari's own readonly model and splits the article into
// sections. Bad Markdown is still text: nothing here throws on content.

import {Lexer, type Token, type Tokens} from 'marked';
import {
	type Article,
	type Block,
	type Direction,
	type Inline,
	type Section,
	type Span,
	type Style,
	type TableAlign,
} from './article.js';
import {countWords, readingMinutes} from './words.js';
import {directionOfLang, majorityDirection} from './direction.js';

export interface ParseOptions {
	/** Title when the text has neither front matter title nor a leading H1. */
	readonly fallbackTitle?: string;
}

/** Parses Markdown (with optional `---` front matter) into an Article. */
export function parseMarkdown(source: string, options: ParseOptions = {}): Article {
	const {meta, body} = splitFrontMatter(source);
	const blocks = toBlocks(lexSafely(body));

	// The title: front matter wins; a leading H1 is the title and is not
	// repeated as a section; else the first line of text, else the fallback.
	let rest = blocks;
	const first = blocks[0];
	let title = meta['title'] ?? '';
	if (first?.kind === 'heading' && first.level === 1 && blocks.filter(isH1).length === 1) {
		title ||= inlineText(first.inline);
		rest = blocks.slice(1);
	}
	title ||= options.fallbackTitle ?? firstText(blocks) ?? 'Untitled';

	const lang = meta['lang'] ?? '';
	const dir: Direction = parseDir(meta['dir']) ?? directionOfLang(lang) ?? majorityDirection(blocksText(rest)) ?? 'ltr';
	return {title, meta, lang, dir, sections: splitSections(rest, title, lang, dir)};
}

function isH1(block: Block): boolean {
	return block.kind === 'heading' && block.level === 1;
}

function parseDir(value: string | undefined): Direction | undefined {
	const v = value?.toLowerCase();
	return v === 'rtl' || v === 'ltr' ? v : undefined;
}

/**
 * Front matter: a first line `---`, `key: value` lines, a closing `---`.
 * Only flat string values, which is all an article needs (title, lang, dir,
 * author, date, source); quotes around a value are removed.
 */
export function splitFrontMatter(source: string): {meta: Record<string, string>; body: string} {
	const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
	if (!match) return {meta: {}, body: source};
	const meta: Record<string, string> = {};
	for (const line of (match[1] ?? '').split('\n')) {
		const kv = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/.exec(line);
		if (!kv?.[1]) continue;
		let value = kv[2] ?? '';
		if (/^(["']).*\1$/.test(value) && value.length >= 2) value = value.slice(1, -1);
		meta[kv[1]] = value;
	}
	return {meta, body: source.slice(match[0].length)};
}

function lexSafely(body: string): Token[] {
	try {
		return new Lexer({gfm: true}).lex(body);
	} catch {
		// A parser failure (e.g. recursion on absurd nesting) still shows the
		// text: one paragraph per blank-line-separated chunk.
		return body
			.split(/\n{2,}/)
			.filter((chunk) => chunk.trim())
			.map((chunk) => ({type: 'text', raw: chunk, text: chunk}) as Tokens.Text);
	}
}

function toBlocks(tokens: readonly Token[]): Block[] {
	const blocks: Block[] = [];
	for (const token of tokens) {
		const block = toBlock(token);
		if (block) blocks.push(block);
	}
	return blocks;
}

function toBlock(token: Token): Block | undefined {
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
			const inline = t.tokens ? toInline(t.tokens) : plain(t.text);
			return inline.length ? {kind: 'paragraph', inline} : undefined;
		}
		case 'blockquote':
			return {kind: 'quote', blocks: toBlocks((token as Tokens.Blockquote).tokens)};
		case 'list': {
			const t = token as Tokens.List;
			const start = typeof t.start === 'number' ? t.start : 1;
			return {kind: 'list', ordered: t.ordered, start, items: t.items.map((item) => toItem(item))};
		}
		case 'code': {
			const t = token as Tokens.Code;
			return {kind: 'code', lang: (t.lang ?? '').split(/\s/)[0] ?? '', text: t.text};
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
		case 'html': {
			// Raw HTML is shown as its text with the tags removed; never rendered.
			const text = stripTags((token as Tokens.HTML).text).trim();
			return text ? {kind: 'paragraph', inline: plain(text)} : undefined;
		}
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

/** Flattens inline tokens into styled spans, merging neighbours of one style. */
function toInline(tokens: readonly Token[] | undefined): Inline {
	const spans: Span[] = [];
	const push = (text: string, style: Style): void => {
		if (!text) return;
		const last = spans[spans.length - 1];
		if (last && sameStyle(last.style, style)) spans[spans.length - 1] = {text: last.text + text, style};
		else spans.push({text, style});
	};
	const walk = (list: readonly Token[] | undefined, style: Style): void => {
		for (const token of list ?? []) {
			switch (token.type) {
				case 'text': {
					const t = token as Tokens.Text;
					if (t.tokens?.length) walk(t.tokens, style);
					else push(decodeEntities(t.text).replace(/\n/g, ' '), style);
					break;
				}
				case 'escape':
					push((token as Tokens.Escape).text, style);
					break;
				case 'strong':
					walk((token as Tokens.Strong).tokens, {...style, strong: true});
					break;
				case 'em':
					walk((token as Tokens.Em).tokens, {...style, emphasis: true});
					break;
				case 'del':
					walk((token as Tokens.Del).tokens, {...style, strike: true});
					break;
				case 'codespan':
					push(decodeEntities((token as Tokens.Codespan).text), {...style, code: true});
					break;
				case 'link': {
					const t = token as Tokens.Link;
					walk(t.tokens, {...style, href: t.href});
					break;
				}
				case 'image': {
					const t = token as Tokens.Image;
					push(`[${t.text || 'image'}]`, {...style, href: t.href});
					break;
				}
				case 'br':
					// A hard line break: U+2028 LINE SEPARATOR, which the bidi
					// algorithm treats as whitespace and the wrapper as a forced break.
					push('\u2028', style);
					break;
				case 'html':
					push(stripTags((token as Tokens.HTML).text), style);
					break;
				default:
					if ('text' in token && typeof token.text === 'string') push(token.text, style);
			}
		}
	};
	walk(tokens, {});
	return spans;
}

function plain(text: string): Inline {
	const t = text.replace(/\s*\n\s*/g, ' ').trim();
	return t ? [{text: t, style: {}}] : [];
}

function sameStyle(a: Style, b: Style): boolean {
	return (
		!!a.strong === !!b.strong &&
		!!a.emphasis === !!b.emphasis &&
		!!a.code === !!b.code &&
		!!a.strike === !!b.strike &&
		a.href === b.href
	);
}

function stripTags(html: string): string {
	return decodeEntities(html.replace(/<[^>]*>/g, ''));
}

const namedEntities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'};

function decodeEntities(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
		}
		return namedEntities[body.toLowerCase()] ?? whole;
	});
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
	const stack: (readonly Block[])[] = [blocks];
	const indices: number[] = [0];
	while (stack.length) {
		const top = stack.length - 1;
		const list = stack[top] ?? [];
		const i = indices[top] ?? 0;
		if (i >= list.length) {
			stack.pop();
			indices.pop();
			continue;
		}
		indices[top] = i + 1;
		const block = list[i];
		if (!block) continue;
		switch (block.kind) {
			case 'paragraph':
			case 'heading':
				out.push(inlineText(block.inline));
				break;
			case 'code':
				out.push(block.text);
				break;
			case 'quote':
				stack.push(block.blocks);
				indices.push(0);
				break;
			case 'list':
				for (let k = block.items.length - 1; k >= 0; k--) {
					stack.push(block.items[k] ?? []);
					indices.push(0);
				}
				break;
			case 'table':
				out.push([...block.header, ...block.rows.flat()].map(inlineText).join(' '));
				break;
			case 'rule':
				break;
		}
	}
	return out.join('\n');
}

function firstText(blocks: readonly Block[]): string | undefined {
	const line = blocksText(blocks.slice(0, 3)).split('\n').find((l) => l.trim());
	if (!line) return undefined;
	return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/**
 * The lead (blocks before the first section heading) is section 1 and carries
 * the article's title; then one section per heading of the top level present.
 */
function splitSections(blocks: readonly Block[], title: string, lang: string, dir: Direction): Section[] {
	let top = Infinity;
	for (const block of blocks) if (block.kind === 'heading') top = Math.min(top, block.level);

	const groups: {title: string; level: number; blocks: Block[]}[] = [{title, level: 0, blocks: []}];
	for (const block of blocks) {
		if (block.kind === 'heading' && block.level === top) {
			groups.push({title: inlineText(block.inline), level: block.level, blocks: []});
		} else {
			const current = groups[groups.length - 1];
			current?.blocks.push(block);
		}
	}
	// An article that starts straight with a heading has no lead; an article
	// with nothing at all still has one (empty) section.
	if (groups.length > 1 && groups[0]?.blocks.length === 0) groups.shift();

	return groups.map((group, i) => {
		const text = blocksText(group.blocks);
		const words = countWords(text);
		return {
			index: i + 1,
			title: group.title,
			level: group.level,
			blocks: group.blocks,
			words,
			minutes: readingMinutes(words, lang),
			direction: majorityDirection(`${group.title}\n${text}`) ?? dir,
		};
	});
}
