// Types only: the article as parsed, which every other module shares. All
// readonly; the core builds these once and never mutates them. What the
// layout makes of it (lines, runs, pages) is in line.ts.

/** Reading direction of a paragraph, a section or an article. */
export type Direction = 'ltr' | 'rtl';

/** Inline style of a run of text. Absent flags are off. */
export interface Style {
	readonly strong?: boolean;
	readonly emphasis?: boolean;
	readonly code?: boolean;
	readonly strike?: boolean;
	/** Link target; the text of the span is the link's text. */
	readonly href?: string;
}

/** A run of logical text with one style. */
export interface Span {
	readonly text: string;
	readonly style: Style;
}

/** Inline content of a paragraph, heading or table cell, in logical order. */
export type Inline = readonly Span[];

export type TableAlign = 'left' | 'center' | 'right' | null;

/**
 * `dir` on a block: the direction an HTML wrapper around it declares (`<div dir="rtl">`,
 * `lang="fa"`, `style="direction: rtl"`). It is the context the block's own direction is
 * decided in (as the article's direction is for other blocks), not a forced direction:
 * an English paragraph inside `<div dir="rtl">` still reads left to right.
 * `align: 'center'` on a paragraph or heading: raw HTML centres it (`<p align="center">`).
 */
export type Block =
	| {readonly kind: 'paragraph'; readonly inline: Inline; readonly dir?: Direction; readonly align?: 'center'}
	| {readonly kind: 'heading'; readonly level: number; readonly inline: Inline; readonly dir?: Direction; readonly align?: 'center'}
	| {
			readonly kind: 'list';
			readonly ordered: boolean;
			readonly start: number;
			readonly items: readonly (readonly Block[])[];
			/** A tight list (no blank line between its items): no blank rows inside an item either. */
			readonly tight?: boolean;
			readonly dir?: Direction;
	  }
	| {readonly kind: 'quote'; readonly blocks: readonly Block[]; readonly dir?: Direction}
	| {readonly kind: 'code'; readonly lang: string; readonly text: string}
	| {
			readonly kind: 'table';
			readonly align: readonly TableAlign[];
			readonly header: readonly Inline[];
			readonly rows: readonly (readonly Inline[])[];
			readonly dir?: Direction;
	  }
	| {readonly kind: 'rule'};

export interface Section {
	/** 1-based position in the article. */
	readonly index: number;
	/** Plain-text title; the lead section has the article's title. */
	readonly title: string;
	/** Heading level that opened the section (0 for the lead). */
	readonly level: number;
	/**
	 * UTF-16 units of the section's Markdown source, heading line included:
	 * its length, known before it is parsed (the reader's progress bar).
	 */
	readonly size: number;
	/** The content; a section may be parsed only when this is first read. */
	readonly blocks: readonly Block[];
	readonly words: number;
	/** Reading time in whole minutes, at least 1 when there are words. */
	readonly minutes: number;
	/** Direction of most of the section's text (falls back to the article's). */
	readonly direction: Direction;
}

export interface Article {
	readonly title: string;
	/** Front matter as given (strings only). */
	readonly meta: Readonly<Record<string, string>>;
	/** BCP 47 language tag from front matter, or '' when unknown. */
	readonly lang: string;
	readonly dir: Direction;
	readonly sections: readonly Section[];
}

// text/paragraph.ts takes Inline and gives Runs, and imports both from here
// until the text engine has types of its own.
export type {Run} from './line.js';
