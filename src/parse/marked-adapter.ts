// The marked adapter: marked's lexer (CommonMark + GFM; chosen by
// measurement: 0.2 s on a 6.7 MB file against mdast's 2.0 s), run so that
// no text makes it slow or makes it throw. Text comes in normalized (CRLF
// gone, nesting limited by nesting.ts); marked's tokens go out.
//
// Logic (hostile input):
// 1. Blocks are lexed first, then each paragraph's inline content on its
//    own. Most of an article's prose takes two shortcuts past marked's
//    regular expressions, each checked against marked on random text: a
//    paragraph of plain lines is no table and no setext heading, a block
//    whose first character (after three spaces at most) is no rule's marker
//    is no quote, list, HTML, heading, rule, fence or definition
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
// 2. If block lexing fails anyway, the text is lexed in blank-line chunks
//    (fences kept whole), and a chunk that fails is plain text.

import {Lexer, Tokenizer, type Token, type Tokens} from 'marked';
import {isHighSurrogate} from '../text/utf16.js';
import {isBlankLine} from './outline.js';

/** Inline content longer than twice this (UTF-16 units) is lexed in pieces of at most this size. */
export const INLINE_LIMIT = 4096;
/** A piece holds at most this many inline syntax characters (INLINE_SYNTAX), unless the whole run holds twice this or fewer. */
export const INLINE_SYNTAX_LIMIT = 64;

/** marked's lexer over normalized text (CRLF gone, nesting limited), robustly (Logic 2). */
export function lexSafely(text: string): Token[] {
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

/** marked's Lexer.lex, with every inline run lexed on its own (see Logic 1). */
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
 * expressions where the answer is plainly no (Logic 1). Both are tried at the
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
	// Rules that need a marker character after at most three spaces (` {0,3}` then the marker in
	// each of marked's expressions): asked only where it is there (Logic 1). Most blocks start
	// with a letter: no block quote, list, HTML, heading, rule, fence or link definition can,
	// and their expressions (the HTML and block quote ones are long) are not even compiled.
	override fences(src: string): Tokens.Code | undefined {
		const c = markerAt(src);
		return c === 0x60 || c === 0x7e ? super.fences(src) : undefined;
	}

	override heading(src: string): Tokens.Heading | undefined {
		return markerAt(src) === 0x23 ? super.heading(src) : undefined;
	}

	override hr(src: string): Tokens.Hr | undefined {
		const c = markerAt(src);
		return c === 0x2d || c === 0x5f || c === 0x2a ? super.hr(src) : undefined;
	}

	override blockquote(src: string): Tokens.Blockquote | undefined {
		return markerAt(src) === 0x3e ? super.blockquote(src) : undefined;
	}

	override list(src: string): Tokens.List | undefined {
		const c = markerAt(src);
		return c === 0x2a || c === 0x2b || c === 0x2d || (c >= 0x30 && c <= 0x39) ? super.list(src) : undefined;
	}

	override html(src: string): Tokens.HTML | undefined {
		return markerAt(src) === 0x3c ? super.html(src) : undefined;
	}

	override def(src: string): Tokens.Def | undefined {
		return markerAt(src) === 0x5b ? super.def(src) : undefined;
	}

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

/** The code unit after the first three spaces of `src` or fewer (NaN at its end): where a block's marker must be. */
function markerAt(src: string): number {
	let i = 0;
	while (i < 3 && src.charCodeAt(i) === 0x20) i++;
	return src.charCodeAt(i);
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
 * entities, e-mail and URL autolinks, hard breaks. Prose often has none. A
 * colon alone is none: marked's URL rule needs `://` after a scheme, or an
 * e-mail address ('@') after `mailto:` or `xmpp:`.
 */
const inlineSyntax = /[\\<>[\]!`*_~&@]|:\/\/|www\.| {2}\n/i;

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
 * text: each such start can cost a scan to the end of the piece (Logic 1).
 */
function isInlineSyntax(c: number): boolean {
	// \ < ! [ ] ( ) ` * _ ~ @
	return (
		c === 0x5c ||
		c === 0x3c ||
		c === 0x21 ||
		c === 0x5b ||
		c === 0x5d ||
		c === 0x28 ||
		c === 0x29 ||
		c === 0x60 ||
		c === 0x2a ||
		c === 0x5f ||
		c === 0x7e ||
		c === 0x40
	);
}

/** The characters of isInlineSyntax, for counting them in native code (most paragraphs are one piece). */
const syntaxCharacters = /[\\<![\]()`*_~@]/g;

/** How many syntax characters `src` holds, counting no further than `max` + 1. */
function countSyntax(src: string, max: number): number {
	syntaxCharacters.lastIndex = 0;
	let count = 0;
	while (count <= max && syntaxCharacters.test(src)) count++;
	return count;
}

function isCutSpace(c: number): boolean {
	return c === 0x20 || c === 0x0a || c === 0x09;
}

/**
 * Pieces of at most INLINE_LIMIT units and INLINE_SYNTAX_LIMIT syntax
 * characters (Logic 1), so that lexing costs at most a constant per unit
 * whatever the text. A piece ends after whitespace in its second half where
 * there is some, preferably where its brackets, code spans and '*' and '~'
 * runs are balanced (nothing is open there in ordinary prose); else at the
 * limit, never inside a surrogate pair.
 */
export function splitInline(src: string): string[] {
	if (src.length <= INLINE_LIMIT * 2 && countSyntax(src, INLINE_SYNTAX_LIMIT * 2) <= INLINE_SYNTAX_LIMIT * 2) return [src];
	let syntax: number;
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
export function splitChunks(text: string): string[] {
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
