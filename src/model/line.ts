// Types only: an article laid out for a terminal (lines of runs, pages), with
// the styles only a laid-out line has: search matches and dimmed marks.

import {type Style} from './article.js';

/**
 * The style of a laid-out run: the article's style plus what the layout and
 * the reader add. Such a style may also ride on a span handed to the
 * paragraph layout (a list marker, a screen row's text), which gives each
 * run its span's style object unchanged.
 */
export interface RunStyle extends Style {
	/** A search match (set by the reader, never by the parser). */
	readonly match?: boolean;
	/** The current search match. */
	readonly current?: boolean;
	/** Dimmed marks (list markers, quote bars, continuation marks, the screen's rules and hints). */
	readonly dim?: boolean;
	/** Bidi marks qari writes itself for a terminal that reorders rows (layout/implicit.ts); never article text. */
	readonly control?: boolean;
}

/** A piece of one laid-out line, in visual (left-to-right screen) order. */
export interface Run {
	readonly text: string;
	readonly style: RunStyle;
}

/** One laid-out terminal line. */
export interface Line {
	/** Visual runs, left to right, padding included: their width is `width`. */
	readonly runs: readonly Run[];
	/** Width of the line in terminal cells. */
	readonly width: number;
	/** Index of the block within the section this line belongs to. */
	readonly block: number;
	/**
	 * Logical character offset into the section's text stream where the line's
	 * content starts; used to keep the reader's place across a resize.
	 */
	readonly offset: number;
	/** Rows for a terminal that reorders (layout/implicit.ts): the direction the row states to it. */
	readonly dir?: 'ltr' | 'rtl';
}

/** One screenful of lines of a section. */
export interface Page {
	readonly lines: readonly Line[];
	/** Index of the first line of the page in the section's lines. */
	readonly start: number;
}
