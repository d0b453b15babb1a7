// Text → Article: the parser's entry. Bad Markdown is still text: nothing
// here throws on content. The work is done by one module per step:
//
//   front-matter.ts      the `---` block of key: value lines
//   nesting.ts           container nesting limited before marked sees it
//   footnotes.ts         GFM footnotes taken out: numbers in the text, notes per section
//   outline.ts           where the headings are, without lexing
//   section-plan.ts      the text cut into parts at the top-level headings
//   marked-adapter.ts    marked's lexer, bounded on hostile text
//   tokens-to-blocks.ts  marked's tokens → the model's blocks and spans
//   sections.ts          parts → Sections, each parsed on first use
//
// Logic:
// 1. CRLF and CR become LF, then nesting is limited, footnotes are taken out
//    (footnotes.ts); the text is cut into sections before it is lexed
//    (ParseOptions.whole lexes it at once).
// 2. The title: front matter wins; a leading H1 is the title and is not
//    repeated as a section (unless the front matter's title differs: then
//    the H1 stays as the lead's first block); else the text of the article's first
//    most-important heading (an HTML <h1> too, or one after a link reference
//    definition), else the fallback (the file name), else the first line of
//    text. A title of the article's own (front matter, leading H1) heads the
//    lead section even when the lead is empty (an H1 followed by a logo, or
//    straight by `##`), so export and sections never lose it.
//    Titles get their bidi controls balanced (closeBidi): the reader shows
//    them inside rows of its own.
// 3. The direction: front matter's dir, else its lang's, else its prose
//    letters' (direction.ts articleDirection; this parses every section), else ltr.

import {type Article, type Direction} from '../model/article.js';
import {articleDirection, directionOfLang} from './direction.js';
import {extractFootnotes} from './footnotes.js';
import {splitFrontMatter} from './front-matter.js';
import {limitNesting} from './nesting.js';
import {outlineOf} from './outline.js';
import {closeBidi, stripControls} from './sanitize.js';
import {firstHeading, firstText, letterCounts, planFromOutline, planWhole, withTitleHeadingInLead} from './section-plan.js';
import {sectionsOf} from './sections.js';
import {inlineText} from './tokens-to-blocks.js';

export interface ParseOptions {
	/** Title when the text has neither front matter title nor a leading H1. */
	readonly fallbackTitle?: string;
	/**
	 * Parse the text as one document even where it could be cut into sections
	 * first (Logic 1). Only tests need this: the result is the same.
	 */
	readonly whole?: boolean;
}

/** Parses Markdown (with optional `---` front matter) into an Article. */
export function parseMarkdown(source: string, options: ParseOptions = {}): Article {
	const {meta, body} = splitFrontMatter(source);
	const normalized = limitNesting(body.replace(/\r\n?/g, '\n'));
	const footnotes = extractFootnotes(normalized);
	const text = footnotes?.text ?? normalized;
	const notes = footnotes?.notes ?? [];
	const outline = options.whole ? undefined : outlineOf(text);
	const planned = (outline && planFromOutline(text, outline, notes)) ?? planWhole(text, notes);
	// A front matter title that differs from the leading H1: the H1 stays as text of the lead.
	const fmTitle = meta['title'];
	const plan = fmTitle && planned.titleHeading && inlineText(planned.titleHeading.inline) !== fmTitle ? withTitleHeadingInLead(planned) : planned;

	// The title (Logic 2).
	let title = meta['title'] ?? '';
	if (plan.titleHeading) title ||= inlineText(plan.titleHeading.inline);
	// The lead is kept, empty or not, when it carries a title of the article's own.
	const keepLead = !!title;
	title ||= firstHeading(plan) ?? options.fallbackTitle ?? firstText(plan) ?? 'Untitled';
	title = closeBidi(stripControls(title));

	const lang = meta['lang'] ?? '';
	const dir: Direction = parseDir(meta['dir']) ?? directionOfLang(lang) ?? articleDirection(letterCounts(plan)) ?? 'ltr';
	return {title, meta, lang, dir, sections: sectionsOf(plan.parts, title, lang, dir, keepLead)};
}

function parseDir(value: string | undefined): Direction | undefined {
	const v = value?.toLowerCase();
	return v === 'rtl' || v === 'ltr' ? v : undefined;
}
