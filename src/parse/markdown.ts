// Text → Article. marked's lexer does the CommonMark + GFM parsing (chosen by
// measurement: 0.2 s on a 6.7 MB file against mdast's 2.0 s); this module maps
// its tokens onto qari's own readonly model and splits the article into
// sections. Bad Markdown is still text: nothing here throws on content.
//
// Logic (hostile input):
// 1. marked lexes a container by lexing its inside again, recursively: a
//    quote nested 5,000 deep overflows the stack, and a staircase of 2,000
//    lines each one '>' deeper needs gigabytes. Before lexing, a line's
//    container markers beyond MAX_MARKERS and leading whitespace beyond
//    MAX_INDENT columns are dropped: deeper levels are shown at that depth
//    (the layout stops drawing gutters long before), the text is kept.
// 2. Blocks are lexed first, then each paragraph's inline content on its
//    own. Most of an article's prose takes two shortcuts past marked's
//    regular expressions, each checked against marked on random text: a
//    paragraph of plain lines is no table and no setext heading
//    (PlainTokenizer), and text with no inline syntax at all is one text token. Inline content is
//    lexed paragraph by paragraph: an inline failure (emphasis 20,000 deep
//    overflows the stack) turns that paragraph into plain text and leaves the rest of the article
//    alone. marked's inline rules are quadratic or worse: from every token
//    start its text rule's e-mail lookahead, its URL rule and its emphasis
//    rule can scan to the end of the text (`_a` or `_*a` repeated). So
//    inline content is lexed in pieces of at most INLINE_LIMIT units and
//    INLINE_SYNTAX_LIMIT syntax characters (splitInline), cut after
//    whitespace where brackets, code spans and emphasis runs are balanced
//    when there is such a place: the cost per unit is bounded whatever the
//    text, and ordinary paragraphs are one piece. Only a link or emphasis
//    that crosses a cut is lost.
// 3. If block lexing fails anyway, the text is lexed in blank-line chunks
//    (fences kept whole), and a chunk that fails is plain text.
// 4. Entity references may decode to controls (&#27; is ESC): every text
//    that enters the model passes through stripControls. Titles get their
//    bidi controls balanced (closeBidi): the reader shows them inside rows
//    of its own.

import {Lexer, Tokenizer, type Token, type Tokens} from 'marked';
import {closeBidi, stripControls} from './sanitize.js';
import {
	type Article,
	type Block,
	type Direction,
	type Inline,
	type Section,
	type Span,
	type Style,
	type TableAlign,
} from '../model/article.js';
import {forEachLeafBlock} from '../model/walk.js';
import {isHighSurrogate} from '../text/utf16.js';
import {readingMinutes} from './reading-time.js';
import {textStats, type TextStats} from './text-stats.js';
import {directionOfCounts, directionOfLang} from './direction.js';
import {isBlankLine, outlineOf, type OutlineHeading} from './outline.js';

export interface ParseOptions {
	/** Title when the text has neither front matter title nor a leading H1. */
	readonly fallbackTitle?: string;
	/**
	 * Parse the text as one document even where it could be cut into sections
	 * first (Logic 5). Only tests need this: the result is the same.
	 */
	readonly whole?: boolean;
}

/**
 * One section's worth of text before the Article is made: a heading (none for
 * the lead) and its content, parsed on first use.
 */
interface Part {
	/** The heading that opens the part; undefined for the lead. */
	readonly heading: HeadingBlock | undefined;
	/** UTF-16 units of Markdown source, heading line included. */
	readonly size: number;
	content(): PartContent;
}

interface PartContent {
	readonly blocks: readonly Block[];
	/** Words and letters of the blocks (not the heading), counted on first call. */
	stats(): TextStats;
}

function contentOf(blocks: readonly Block[]): PartContent {
	let stats: TextStats | undefined;
	return {blocks, stats: () => (stats ??= textStats(blocksText(blocks)))};
}

type HeadingBlock = Extract<Block, {kind: 'heading'}>;

/** Parses Markdown (with optional `---` front matter) into an Article. */
export function parseMarkdown(source: string, options: ParseOptions = {}): Article {
	const {meta, body} = splitFrontMatter(source);
	const text = limitNesting(body.replace(/\r\n?/g, '\n'));
	const outline = options.whole ? undefined : outlineOf(text);
	const plan = (outline && planFromOutline(text, outline)) ?? planWhole(text);

	// The title: front matter wins; a leading H1 is the title and is not
	// repeated as a section; else the first line of text, else the fallback.
	let title = meta['title'] ?? '';
	if (plan.titleHeading) title ||= inlineText(plan.titleHeading.inline);
	title ||= options.fallbackTitle ?? firstText(plan) ?? 'Untitled';
	title = closeBidi(stripControls(title));

	const lang = meta['lang'] ?? '';
	const dir: Direction = parseDir(meta['dir']) ?? directionOfLang(lang) ?? directionOfCounts(letterCounts(plan.parts)) ?? 'ltr';
	return {title, meta, lang, dir, sections: sectionsOf(plan.parts, title, lang, dir)};
}

interface Plan {
	/** The leading H1 that is the article's title (and not a section). */
	readonly titleHeading: HeadingBlock | undefined;
	/** The lead (possibly empty), then one part per top-level heading. */
	readonly parts: readonly Part[];
}

/** The whole text lexed at once; parts over its blocks. */
function planWhole(text: string): Plan {
	const {blocks, sizes} = blocksOf(text);
	let from = 0;
	let titleHeading: HeadingBlock | undefined;
	const first = blocks[0];
	if (first?.kind === 'heading' && first.level === 1 && blocks.filter(isH1).length === 1) {
		titleHeading = first;
		from = 1;
	}
	let top = Infinity;
	for (let i = from; i < blocks.length; i++) {
		const block = blocks[i];
		if (block?.kind === 'heading') top = Math.min(top, block.level);
	}
	const groups: {heading: HeadingBlock | undefined; size: number; blocks: Block[]}[] = [{heading: undefined, size: 0, blocks: []}];
	for (let i = from; i < blocks.length; i++) {
		const block = blocks[i];
		if (!block) continue;
		if (block.kind === 'heading' && block.level === top) groups.push({heading: block, size: 0, blocks: []});
		else groups[groups.length - 1]?.blocks.push(block);
		const group = groups[groups.length - 1];
		if (group) group.size += sizes[i] ?? 0;
	}
	return {
		titleHeading,
		parts: groups.map((group) => {
			const content = contentOf(group.blocks);
			return {heading: group.heading, size: group.size, content: () => content};
		}),
	};
}

/**
 * Parts cut at the outline's headings (outline.ts), each parsed on first use.
 * Undefined if a heading line does not lex as one heading (then the text is
 * parsed whole).
 */
function planFromOutline(text: string, outline: readonly OutlineHeading[]): Plan | undefined {
	const firstContent = text.search(/[^ \t\n]/);
	let headings = outline;
	let titleHeading: HeadingBlock | undefined;
	let from = 0;
	const lone = (line: string): HeadingBlock | undefined => {
		const {blocks} = blocksOf(line);
		const block = blocks[0];
		return blocks.length === 1 && block?.kind === 'heading' ? block : undefined;
	};
	const [first] = outline;
	if (first && first.level === 1 && first.start <= firstContent && outline.filter((h) => h.level === 1).length === 1) {
		titleHeading = lone(text.slice(first.start, first.end));
		if (!titleHeading) return undefined;
		headings = outline.slice(1);
		from = first.end;
	}
	let top = Infinity;
	for (const h of headings) top = Math.min(top, h.level);
	const cuts = headings.filter((h) => h.level === top);

	const parts: Part[] = [lazyPart(undefined, text.slice(from, cuts[0]?.start ?? text.length), (cuts[0]?.start ?? text.length) - from)];
	for (let i = 0; i < cuts.length; i++) {
		const cut = cuts[i];
		if (!cut) continue;
		const heading = lone(text.slice(cut.start, cut.end));
		if (!heading) return undefined;
		const next = cuts[i + 1]?.start ?? text.length;
		parts.push(lazyPart(heading, text.slice(cut.end, next), next - cut.start));
	}
	return {titleHeading, parts};
}

function lazyPart(heading: HeadingBlock | undefined, source: string | undefined, size: number): Part {
	let content: PartContent | undefined;
	return {
		heading,
		size,
		content(): PartContent {
			if (!content) {
				const {blocks} = blocksOf(source ?? '');
				content = contentOf(blocks);
				source = undefined;
			}
			return content;
		},
	};
}

/** Blocks of normalized text, with the source units each accounts for (blank lines count with the block before). */
function blocksOf(text: string): {blocks: Block[]; sizes: number[]} {
	const blocks: Block[] = [];
	const sizes: number[] = [];
	let pending = 0;
	try {
		for (const token of lexSafely(text)) {
			const block = toBlock(token);
			if (block) {
				blocks.push(block);
				sizes.push(pending + token.raw.length);
				pending = 0;
			} else if (sizes.length) sizes[sizes.length - 1] = (sizes[sizes.length - 1] ?? 0) + token.raw.length;
			else pending += token.raw.length;
		}
		return {blocks, sizes};
	} catch {
		// Not expected (nesting is limited before lexing), but content must
		// never make the parser throw: then every chunk is a plain paragraph.
		const chunks = splitChunks(text).flatMap((chunk): Block[] => {
			const inline = plain(chunk);
			return inline.length ? [{kind: 'paragraph', inline}] : [];
		});
		return {blocks: chunks, sizes: chunks.map(() => text.length / chunks.length)};
	}
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
		meta[kv[1]] = stripControls(value);
	}
	return {meta, body: source.slice(match[0].length)};
}

/** Container markers ('>', list markers) kept at the start of a line. */
export const MAX_MARKERS = 64;
/** Leading whitespace kept, in columns (tabs to multiples of 4). */
export const MAX_INDENT = 128;
/** Inline content longer than twice this (UTF-16 units) is lexed in pieces of at most this size. */
export const INLINE_LIMIT = 4096;
/** A piece holds at most this many inline syntax characters (INLINE_SYNTAX), unless the whole run holds twice this or fewer. */
export const INLINE_SYNTAX_LIMIT = 64;

/**
 * Drops container markers beyond MAX_MARKERS at the start of a line, and
 * whitespace beyond MAX_INDENT columns in front of its content. Lines that
 * need neither come back unchanged (the common case costs one short scan).
 */
export function limitNesting(text: string): string {
	// A line that needs either limit starts with at least 33 characters of
	// whitespace and markers (64 markers, or over 128 columns of whitespace at
	// up to 4 columns a character): one regex search rules out most texts.
	if (!mayNeedLimit.test(text)) return text;
	const lines = text.split('\n');
	let changed = false;
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n] ?? '';
		const limited = limitLine(line);
		if (limited !== line) {
			lines[n] = limited;
			changed = true;
		}
	}
	return changed ? lines.join('\n') : text;
}

function limitLine(line: string): string {
	let i = 0;
	let markers = 0;
	let keep = -1;
	for (;;) {
		// Whitespace before a marker (or before the content).
		let j = i;
		let columns = 0;
		while (j < line.length) {
			const c = line.charCodeAt(j);
			if (c === 0x20) columns++;
			else if (c === 0x09) columns += 4 - (columns % 4);
			else break;
			j++;
		}
		if (columns > MAX_INDENT) {
			const head = keep === -1 ? line.slice(0, i) : line.slice(0, keep);
			return head + ' '.repeat(MAX_INDENT) + line.slice(j);
		}
		// Counted whatever the whitespace before it (beyond 4 columns it may be
		// code): only absurd lines reach the limit, and for them it does not matter.
		const end = markerEnd(line, j);
		if (end === -1) break;
		markers++;
		if (markers === MAX_MARKERS) keep = end;
		i = end;
	}
	return keep === -1 || markers <= MAX_MARKERS ? line : line.slice(0, keep) + line.slice(i);
}

const mayNeedLimit = /^[ \t>*+.)0-9-]{33}/m;

/** The end of a container marker at `at` ('>', '-', '*', '+', '1.', '1)'), or -1. */
function markerEnd(line: string, at: number): number {
	const c = line.charCodeAt(at);
	if (c === 0x3e) return at + 1; // '>'
	const spaceAfter = (k: number): boolean => k >= line.length || line[k] === ' ' || line[k] === '\t';
	if ((c === 0x2d || c === 0x2a || c === 0x2b) && spaceAfter(at + 1)) return at + 1;
	let k = at;
	while (k < line.length && k - at < 9 && line.charCodeAt(k) >= 0x30 && line.charCodeAt(k) <= 0x39) k++;
	if (k > at && (line[k] === '.' || line[k] === ')') && spaceAfter(k + 1)) return k + 1;
	return -1;
}

/** marked's lexer over normalized text (CRLF gone, nesting limited), robustly (Logic 3). */
function lexSafely(text: string): Token[] {
	try {
		return lexBlocks(text);
	} catch {
		// Block lexing failed despite the limits: lex chunk by chunk, so one
		// bad chunk does not take the article's headings with it.
		const tokens: Token[] = [];
		for (const chunk of splitChunks(text)) {
			let lexed: Token[];
			try {
				lexed = lexBlocks(chunk);
			} catch {
				lexed = chunk.trim() ? [plainToken(chunk)] : [];
			}
			for (const token of lexed) tokens.push(token);
		}
		return tokens;
	}
}

/** marked's Lexer.lex, with every inline run lexed on its own (see Logic 2). */
function lexBlocks(text: string): Token[] {
	const lexer = new Lexer({gfm: true, tokenizer: new PlainTokenizer()});
	const tokens = lexer.blockTokens(text, lexer.tokens);
	const queue = lexer.inlineQueue;
	for (let q = 0; q < queue.length; q++) {
		const item = queue[q];
		if (!item) continue;
		for (const piece of splitInline(item.src)) {
			lexer.state.inRawBlock = false;
			let lexed: Token[];
			try {
				lexed = plainInlineTokens(piece) ?? lexer.inlineTokens(piece, []);
			} catch {
				lexed = [plainToken(piece)];
			}
			// No push(...lexed): a huge paragraph has more tokens than a call has arguments.
			for (const token of lexed) item.tokens.push(token);
		}
	}
	lexer.inlineQueue = [];
	return tokens;
}

/**
 * marked's tokenizer, with two of its rules answered without their regular
 * expressions where the answer is plainly no (Logic 2). Both are tried at the
 * start of every paragraph and scan it whole: the table rule (its delimiter
 * row must start with '|', ':', '-' or a space) and the setext heading rule
 * (its underline must start with '=', '-' or a space). A line is plain when
 * it starts with a letter, a quote or a parenthesis, or any non-ASCII
 * character but a space, so neither can match where the second line, or
 * every line up to a blank one, is plain. (The paragraph rule itself stays
 * marked's: blockTokens merges paragraphs only with its own.)
 * test/markdown.test.ts checks the tokens against marked on random text.
 */
export class PlainTokenizer extends Tokenizer {
	override table(src: string): Tokens.Table | undefined {
		const second = src.indexOf('\n') + 1;
		if (second === 0) return undefined;
		let end = src.indexOf('\n', second);
		if (end === -1) end = src.length;
		return isPlainLine(src, second, end) ? undefined : super.table(src);
	}

	override lheading(src: string): Tokens.Heading | undefined {
		return plainParagraphEnd(src) === -1 ? super.lheading(src) : undefined;
	}
}

/**
 * Where the paragraph at the start of `src` ends (before the newline of the
 * blank line that ends it, or at the end) when all its lines are plain; -1
 * when one is not, or `src` does not start with a line of text.
 */
function plainParagraphEnd(src: string): number {
	let end = src.indexOf('\n');
	if (end === -1) end = src.length;
	if (isBlankLine(src, 0, end) || !isPlainLine(src, 0, end)) return -1;
	while (end < src.length) {
		let after = src.indexOf('\n', end + 1);
		if (after === -1) after = src.length;
		// marked stops at a line of spaces and tabs followed by a newline: a
		// blank last line with no newline still continues the paragraph.
		if (isBlankLine(src, end + 1, after) && !(after === src.length && after > end + 1)) break;
		if (!isPlainLine(src, end + 1, after)) return -1;
		end = after;
	}
	return end;
}

/** Blank, or starting with a letter, '"', "'", '(' or a non-ASCII character that is not a space. */
function isPlainLine(text: string, start: number, end: number): boolean {
	if (isBlankLine(text, start, end)) return true;
	const c = text.charCodeAt(start);
	if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x22 || c === 0x27 || c === 0x28) return true;
	return c >= 0x80 && !/\s/.test(text.charAt(start));
}

/**
 * A character or sequence that starts some inline rule of marked's (GFM):
 * escapes, tags and autolinks, links and images, emphasis, code, strike,
 * entities, e-mail and URL autolinks, hard breaks. Prose often has none.
 */
const inlineSyntax = /[\\<>[\]!`*_~&@:]|www\.| {2}\n/i;

/**
 * The tokens marked's inline lexer makes of text with no inline syntax (one
 * text token), without running its rules; undefined when there is syntax.
 * test/markdown.test.ts checks this against marked on random text.
 */
export function plainInlineTokens(src: string): Token[] | undefined {
	if (inlineSyntax.test(src)) return undefined;
	return src ? [{type: 'text', raw: src, text: src, escaped: false}] : [];
}

function plainToken(text: string): Tokens.Text {
	return {type: 'text', raw: text, text};
}

/**
 * Characters at which marked's inline lexer may start a token other than
 * text: each such start can cost a scan to the end of the piece (Logic 2).
 */
function isInlineSyntax(c: number): boolean {
	// \ < ! [ ] ( ) ` * _ ~ @
	return c === 0x5c || c === 0x3c || c === 0x21 || c === 0x5b || c === 0x5d || c === 0x28 || c === 0x29 || c === 0x60 || c === 0x2a || c === 0x5f || c === 0x7e || c === 0x40;
}

function isCutSpace(c: number): boolean {
	return c === 0x20 || c === 0x0a || c === 0x09;
}

/**
 * Pieces of at most INLINE_LIMIT units and INLINE_SYNTAX_LIMIT syntax
 * characters (Logic 2), so that lexing costs at most a constant per unit
 * whatever the text. A piece ends after whitespace in its second half where
 * there is some, preferably where its brackets, code spans and '*' and '~'
 * runs are balanced (nothing is open there in ordinary prose); else at the
 * limit, never inside a surrogate pair.
 */
export function splitInline(src: string): string[] {
	let syntax = 0;
	for (let i = 0; i < src.length && syntax <= INLINE_SYNTAX_LIMIT * 2; i++) if (isInlineSyntax(src.charCodeAt(i))) syntax++;
	if (src.length <= INLINE_LIMIT * 2 && syntax <= INLINE_SYNTAX_LIMIT * 2) return [src];
	const pieces: string[] = [];
	let start = 0;
	while (start < src.length) {
		let brackets = 0;
		let backticks = 0;
		let stars = 0;
		let tildes = 0;
		syntax = 0;
		let anySpace = -1;
		let balancedSpace = -1;
		let i = start;
		for (; i < src.length && i - start < INLINE_LIMIT; i++) {
			const c = src.charCodeAt(i);
			if (isCutSpace(c)) {
				anySpace = i + 1;
				if (brackets === 0 && backticks % 2 === 0 && stars % 2 === 0 && tildes % 2 === 0) balancedSpace = i + 1;
			} else if (isInlineSyntax(c)) {
				if (syntax === INLINE_SYNTAX_LIMIT) break;
				syntax++;
				if (c === 0x5b) brackets++;
				else if (c === 0x5d) brackets--;
				else if (c === 0x60) backticks++;
				else if (c === 0x2a) stars++;
				else if (c === 0x7e) tildes++;
			}
		}
		let cut = i;
		if (i < src.length) {
			const half = start + Math.floor((i - start) / 2);
			if (balancedSpace > half) cut = balancedSpace;
			else if (anySpace > half) cut = anySpace;
			else if (isHighSurrogate(src.charCodeAt(cut - 1))) cut++;
		}
		pieces.push(src.slice(start, cut));
		start = cut;
	}
	return pieces;
}

/** Blank-line-separated chunks; a fenced code block is never cut. */
function splitChunks(text: string): string[] {
	const chunks: string[] = [];
	let current: string[] = [];
	let fence = '';
	for (const line of text.split('\n')) {
		const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (fence) {
			if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = '';
		} else if (opener) fence = opener;
		if (!fence && !line.trim() && current.length) {
			chunks.push(current.join('\n'));
			current = [];
		} else current.push(line);
	}
	if (current.length) chunks.push(current.join('\n'));
	return chunks;
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

/**
 * Flattens inline tokens into styled spans, merging neighbours of one style.
 * Walked with an explicit stack: emphasis can nest as deep as marked can lex.
 */
function toInline(tokens: readonly Token[] | undefined): Inline {
	const spans: Span[] = [];
	const push = (raw: string, style: Style): void => {
		// Inline text is one line: a hard break is U+2028 (see 'br').
		const text = stripControls(raw).replace(/\n/g, ' ');
		if (!text) return;
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
				else push(decodeEntities(t.text), style);
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
				// An unclosed isolate in code would run on past the code's own isolate.
				push(closeBidi(decodeEntities((token as Tokens.Codespan).text)), intern({...style, code: true}));
				break;
			case 'link': {
				const t = token as Tokens.Link;
				enter(t.tokens, {...style, href: t.href});
				break;
			}
			case 'image': {
				const t = token as Tokens.Image;
				push(`[${t.text || 'image'}]`, intern({...style, href: t.href}));
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
	return spans;
}

function plain(text: string): Inline {
	const t = stripControls(text).replace(/\s*\n\s*/g, ' ').trim();
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
	forEachLeafBlock(blocks, (block) => {
		if (block.kind === 'paragraph' || block.kind === 'heading') out.push(inlineText(block.inline));
		else if (block.kind === 'code') out.push(block.text);
		else if (block.kind === 'table') out.push([...block.header, ...block.rows.flat()].map(inlineText).join(' '));
	});
	return out.join('\n');
}

/** The first line of text of the article's first three blocks (its title H1 included), at most 80 characters. */
function firstText(plan: Plan): string | undefined {
	const blocks: Block[] = plan.titleHeading ? [plan.titleHeading] : [];
	for (const part of plan.parts) {
		if (blocks.length >= 3) break;
		if (part.heading) blocks.push(part.heading);
		for (const block of part.content().blocks) blocks.push(block);
	}
	const line = blocksText(blocks.slice(0, 3)).split('\n').find((l) => l.trim());
	if (!line) return undefined;
	return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** Strong letters of every part, headings included: parses every part. */
function letterCounts(parts: readonly Part[]): {rtlLetters: number; ltrLetters: number} {
	let rtlLetters = 0;
	let ltrLetters = 0;
	for (const part of parts) {
		const stats = part.content().stats();
		const heading = part.heading ? textStats(inlineText(part.heading.inline)) : undefined;
		rtlLetters += stats.rtlLetters + (heading?.rtlLetters ?? 0);
		ltrLetters += stats.ltrLetters + (heading?.ltrLetters ?? 0);
	}
	return {rtlLetters, ltrLetters};
}

/**
 * The lead (blocks before the first section heading) is section 1 and carries
 * the article's title; then one section per heading of the top level present.
 * A section's blocks, words, minutes and direction are its part's content:
 * asking for them parses the part (once).
 */
function sectionsOf(all: readonly Part[], title: string, lang: string, dir: Direction): Section[] {
	// An article that starts straight with a heading has no lead; an article
	// with nothing at all still has one (empty) section.
	const parts = all.length > 1 && all[0]?.content().blocks.length === 0 ? all.slice(1) : all;
	return parts.map((part, i) => {
		const sectionTitle = part.heading ? closeBidi(inlineText(part.heading.inline)) : title;
		let derived: {words: number; minutes: number; direction: Direction} | undefined;
		const facts = (): {words: number; minutes: number; direction: Direction} => {
			if (!derived) {
				// One pass over the text for words and letters; the title's letters count for direction too.
				const body = part.content().stats();
				const heading = textStats(sectionTitle);
				derived = {
					words: body.words,
					minutes: readingMinutes(body.words, lang),
					direction: directionOfCounts({rtlLetters: body.rtlLetters + heading.rtlLetters, ltrLetters: body.ltrLetters + heading.ltrLetters}) ?? dir,
				};
			}
			return derived;
		};
		return Object.defineProperties(
			{index: i + 1, title: sectionTitle, level: part.heading?.level ?? 0, size: part.size},
			{
				blocks: {enumerable: true, get: () => part.content().blocks},
				words: {enumerable: true, get: () => facts().words},
				minutes: {enumerable: true, get: () => facts().minutes},
				direction: {enumerable: true, get: () => facts().direction},
			},
		) as Section;
	});
}
