// marked's tokens → qari's own readonly blocks and inline spans; and the
// plain text of blocks and spans (titles, word counts, direction).
//
// Logic:
// 1. Character references are decoded outside code (entities.ts: all of
//    HTML5's, so `&rlm;` is an RLM and `&zwnj;` a ZWNJ). They may decode to
//    controls (&#27; is ESC): every text that enters the model passes
//    through stripControls.
// 2. Raw HTML is never rendered: its text is kept, its tags dropped
//    (stripTags, linear whatever the text).
// 3. Inline tokens are walked with an explicit stack (emphasis nests as deep
//    as marked can lex), neighbours of one style merged into one span, and
//    each distinct style is one object.

import {type Token, type Tokens} from 'marked';
import {decodeEntities} from './entities.js';
import {closeBidi, stripControls} from './sanitize.js';
import {type Block, type Inline, type Span, type Style, type TableAlign} from '../model/article.js';
import {forEachLeafBlock} from '../model/walk.js';

function toBlocks(tokens: readonly Token[]): Block[] {
	const blocks: Block[] = [];
	for (const token of tokens) {
		const block = toBlock(token);
		if (block) blocks.push(block);
	}
	return blocks;
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
			return text ? {kind: 'paragraph', inline: plainInline(text)} : undefined;
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
				// Character references in code are literal text (CommonMark 6.1). An
				// unclosed isolate in code would run on past the code's own isolate.
				push(closeBidi((token as Tokens.Codespan).text), intern({...style, code: true}));
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

/** Text as one unstyled span: controls stripped, each line break and the spaces around it one space, trimmed. */
export function plainInline(text: string): Inline {
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
