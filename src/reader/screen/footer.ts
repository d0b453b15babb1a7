// The footer: `page p/P · n%`, a progress bar filled in reading direction and
// the key hints (or a message), as much as fits; in its place while typing, the
// search prompt. How much of the article is read is measured here too.

import {type Article, type Direction} from '../../model/article.js';
import {type Run} from '../../model/line.js';
import {clusterEnd} from '../../text/grapheme.js';
import {textWidth} from '../../text/width.js';
import {BOX_GLYPHS, glyphsFor, type Glyphs} from '../../layout/implicit.js';
import {localDigits, localMessage, messagesFor} from '../i18n/index.js';
import {alignRow, dimStyle, fitText, isImplicit, joinParts, ltrRow, placesVisually, plainStyle, strongStyle, wordsDir} from './rows.js';
import {type ScreenOptions, type ScreenRow} from './rows.js';

/** A progress bar `width` cells wide, filled in reading direction. */
export function progressBar(fraction: number, width: number, dir: Direction, glyphs: Glyphs = BOX_GLYPHS): ScreenRow {
	const f = Math.max(0, Math.min(1, fraction));
	const filled = Math.round(f * width);
	const done: Run = {text: glyphs.full.repeat(filled), style: plainStyle};
	const rest: Run = {text: glyphs.empty.repeat(width - filled), style: dimStyle};
	const runs = (dir === 'rtl' ? [rest, done] : [done, rest]).filter((r) => r.text);
	return {runs, width};
}

export interface FooterInfo {
	/** 1-based page within the section and the section's page count. */
	readonly page: number;
	readonly pages: number;
	/** Share of the article read, 0–1. */
	readonly fraction: number;
	/** A message replaces the hints. */
	readonly message: string;
	readonly hints: readonly string[];
	/** What the pages are of: 'page' (the section's), 'help'. */
	readonly label?: string;
	/** The end of the article is on screen: the position says so, as less's (END). */
	readonly end?: boolean;
}

const MAX_BAR = 24;
const MIN_BAR = 4;

/** The footer: `page p/P · n%`, the progress bar, then hints or a message; as much as fits. */
export function footerRow(info: FooterInfo, width: number, options: ScreenOptions): ScreenRow {
	const percent = Math.floor(info.fraction * 100);
	const t = messagesFor(options.lang);
	const n = (x: number): string => localDigits(x, options.lang);
	const label = info.label ?? t.page;
	const position = fitText(t.position(label, n(info.page), n(info.pages), n(percent), info.end === true), plainStyle, width, wordsDir(options), options);
	// The bar's width does not change as the reader goes on: measured beside the widest position (100%, END).
	const widest = Math.max(position.width, textWidth(t.position(label, n(info.pages), n(info.pages), n(100), true)));
	const gap = 2;
	let tail: ScreenRow | undefined;
	if (info.message) {
		const dir = t.rtl ? 'rtl' : options.dir === 'rtl' ? 'auto' : 'ltr';
		tail = fitText(localMessage(info.message, options.lang), strongStyle, Math.max(0, width - position.width - gap), dir, options);
	} else {
		// Hints in a right-to-left language are one right-to-left paragraph: the layout puts them in order.
		const mirrored = options.dir === 'rtl' && placesVisually(options) && !t.rtl;
		const hints = mirrored ? [...info.hints].reverse() : [...info.hints];
		// Drop hints from the end of the list until they fit beside a short bar.
		while (hints.length > 0 && widest + gap + MIN_BAR + gap + textWidth(hints.join('  ')) > width) {
			if (mirrored) hints.shift();
			else hints.pop();
		}
		if (hints.length > 0) tail = t.rtl ? fitText(hints.join('  '), dimStyle, width, 'rtl', options) : ltrRow(hints.join('  '), dimStyle, options);
	}
	const used = widest + (tail && tail.width > 0 ? gap + tail.width : 0);
	const barWidth = Math.min(MAX_BAR, width - used - gap);
	const parts: ScreenRow[] = [position];
	if (barWidth >= MIN_BAR) parts.push(progressBar(info.fraction, barWidth, options.dir, glyphsFor(isImplicit(options))));
	if (tail && tail.width > 0) parts.push(tail);
	return alignRow(joinParts(parts, gap, options), width, options);
}

/**
 * The search prompt, in place of the footer: `search:` and what is typed, in
 * reading order, the query a paragraph of its own with the cursor `▏` at its
 * logical end: right of a Latin query, left of an Arabic one. A query longer
 * than its room loses its start to `…`: its end, where one types, stays in sight.
 */
export function promptRow(input: string, width: number, options: ScreenOptions, prompt = 'search:'): ScreenRow {
	const label = fitText(prompt, plainStyle, width, wordsDir(options), options);
	const room = Math.max(1, width - label.width - 1);
	const query = fitText(inputEnd(input, glyphsFor(isImplicit(options)).cursor, room), plainStyle, room, 'auto', options);
	return alignRow(joinParts([label, query], 1, options), width, options);
}

/** What is typed and the cursor, in `room` cells: whole, or its last clusters after `…`. */
function inputEnd(input: string, cursor: string, room: number): string {
	const whole = `${input}${cursor}`;
	let width = textWidth(whole);
	if (width <= room) return whole;
	width += 1; // the ellipsis
	let start = 0;
	while (start < input.length && width > room) {
		const end = clusterEnd(input, start);
		width -= textWidth(input.slice(start, end));
		start = end;
	}
	return `…${input.slice(start)}${cursor}`;
}

/**
 * Share of the article read once the screen's last line is read: the sizes
 * of the sections before, plus this section's size in proportion to its
 * lines shown so far. Sizes are of the Markdown source, known before a
 * section is parsed, so the bar never makes the reader parse a whole book.
 */
export function readFraction(article: Article, section: number, top: number, height: number, lineCount: number): number {
	const sections = article.sections;
	const total = sections.reduce((n, s) => n + s.size, 0);
	const seen = lineCount === 0 ? 1 : Math.min(1, (top + height) / lineCount);
	if (total === 0) return sections.length === 0 ? 1 : (section + seen) / sections.length;
	let before = 0;
	for (let i = 0; i < section; i++) before += sections[i]?.size ?? 0;
	return Math.min(1, (before + (sections[section]?.size ?? 0) * seen) / total);
}
