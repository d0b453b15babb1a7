// Everything on the reader's screen that is not the article's body: the
// geometry of the screen, the header, the footer, the table of contents and
// the help screen, as rows of styled runs no wider than the text width.
// Pure: the UI turns rows into strings (render.ts) and draws them.
//
// Logic:
// 1. Geometry: the text is at most 100 cells (or --width) wide, centred with
//    a margin of at least 2 cells (1 below 60 columns). The frame is always
//    at least one row shorter than the terminal: Ink clears the whole screen
//    for a frame as tall as the terminal, which flickers. Small terminals get
//    a compact frame (one header row, no rules); too small ones get a one-
//    line message instead of a frame.
// 2. Any text that may be right to left (titles, a query) goes through the
//    paragraph layout, so it is reordered and shaped like the body. Rows of a
//    right-to-left article are laid out right to left: they start at the
//    right edge, their parts come in mirrored order, and the progress bar
//    fills from the right.

import {type Article, type Direction, type Run, type Style} from '../../model/article.js';
import {type HelpRow} from '../keys.js';
import {layoutParagraph, type Order} from '../../text/paragraph.js';
import {textWidth} from '../../text/width.js';

export interface ChromeOptions {
	readonly order: Order;
	readonly shape: boolean;
	/** The article's reading direction. */
	readonly dir: Direction;
}

/** A row of styled runs, left to right, `width` cells wide. */
export interface Row {
	readonly runs: readonly Run[];
	readonly width: number;
}

export interface Geometry {
	readonly columns: number;
	readonly rows: number;
	/** Text width of the body, header and footer. */
	readonly width: number;
	/** Blank cells left of the text. */
	readonly margin: number;
	/** Lines of body text per page. */
	readonly height: number;
	/** Compact frame: one header row, no rules. */
	readonly compact: boolean;
	/** Set when the terminal is too small for any frame: the one line to show. */
	readonly tooSmall: string | undefined;
}

/** The widest text qari lays out unless --width says otherwise. */
export const MAX_TEXT_WIDTH = 100;
export const MIN_TEXT_WIDTH = 16;
export const MIN_BODY_HEIGHT = 2;

/** Screen geometry for a terminal of `columns` × `rows`; `maxWidth` caps the text width. */
export function screenGeometry(columns: number, rows: number, maxWidth = MAX_TEXT_WIDTH): Geometry {
	const minMargin = columns >= 60 ? 2 : 1;
	const width = Math.max(0, Math.min(maxWidth > 0 ? maxWidth : MAX_TEXT_WIDTH, columns - 2 * minMargin));
	const margin = Math.max(0, Math.floor((columns - width) / 2));
	const compact = rows < 14;
	// Full: title, section, rule, body, rule, footer; compact: section, body, footer. One row spare.
	const chrome = compact ? 2 : 5;
	const height = rows - 1 - chrome;
	if (width < MIN_TEXT_WIDTH || height < MIN_BODY_HEIGHT) {
		const need = `${MIN_TEXT_WIDTH + 2}×${MIN_BODY_HEIGHT + 4}`;
		// The longest message that fits.
		const messages = [`qari: the terminal is too small (${columns}×${rows}, needs ${need}); q quits`, `too small: ${columns}×${rows}`, 'too small', '!'];
		const message = messages.find((m) => m.length <= columns) ?? '';
		return {columns, rows, width, margin, height: Math.max(1, height), compact, tooSmall: message};
	}
	return {columns, rows, width, margin, height, compact, tooSmall: undefined};
}

const plain: Style = {};
const dim: Style = {dim: true};
const strong: Style = {strong: true};

function rowOf(runs: readonly Run[]): Row {
	let width = 0;
	for (const run of runs) width += textWidth(run.text);
	return {runs, width};
}

/**
 * One paragraph of text in one row of at most `width` cells, cut with '…'
 * at its logical end when too long. `dir` is the paragraph direction.
 */
export function fitText(text: string, style: Style, width: number, dir: 'auto' | Direction, options: ChromeOptions): Row {
	if (width <= 0) return {runs: [], width: 0};
	const spans = [{text, style}];
	const base = {order: options.order, shape: options.shape, dir, fallback: options.dir};
	const whole = layoutParagraph(spans, {...base, width});
	const first = whole.lines[0];
	if (!first) return {runs: [], width: 0};
	if (whole.lines.length === 1) return {runs: first.runs, width: first.width};
	const cut = layoutParagraph(spans, {...base, width: Math.max(1, width - 1)}).lines[0];
	const runs = cut?.runs ?? [];
	const ellipsis: Run = {text: '…', style};
	// The logical end of a right-to-left line is on its left, in visual order.
	const atLeft = options.order === 'visual' && whole.direction === 'rtl';
	return rowOf(atLeft ? [ellipsis, ...runs] : [...runs, ellipsis]);
}

/** Pads a row to `width` on the side away from the reading direction's start. */
export function alignRow(row: Row, width: number, options: ChromeOptions): Row {
	const room = width - row.width;
	if (room <= 0 || options.dir !== 'rtl' || options.order !== 'visual') return row;
	return {runs: [{text: ' '.repeat(room), style: plain}, ...row.runs], width};
}

/** Joins parts with gaps, in reading order: mirrored for a right-to-left article in visual order. */
function joinParts(parts: readonly Row[], gap: number, options: ChromeOptions): Row {
	const ordered = options.dir === 'rtl' && options.order === 'visual' ? [...parts].reverse() : parts;
	const runs: Run[] = [];
	ordered.forEach((part, i) => {
		if (i > 0 && gap > 0) runs.push({text: ' '.repeat(gap), style: plain});
		runs.push(...part.runs);
	});
	return rowOf(runs);
}

/** Header rows: the article's title (unless compact) and `section i/N: title`. */
export function headerRows(article: Article, section: number, width: number, compact: boolean, options: ChromeOptions): Row[] {
	const s = article.sections[section];
	// The lead carries the article's title: unless compact, the title row above already says it.
	const title = s && (compact || s.title !== article.title) ? `: ${s.title}` : '';
	const label = `section ${section + 1}/${article.sections.length}${title}`;
	// The label's paragraph direction is the article's, so in a right-to-left
	// article "section i/N:" comes first, on the right.
	const sectionRow = alignRow(fitText(label, dim, width, options.dir, options), width, options);
	if (compact) return [sectionRow];
	return [alignRow(fitText(article.title, strong, width, 'auto', options), width, options), sectionRow];
}

/** A rule across the text width. */
export function ruleRow(width: number): Row {
	return {runs: [{text: '─'.repeat(Math.max(0, width)), style: dim}], width: Math.max(0, width)};
}

/** A progress bar `width` cells wide, filled in reading direction. */
export function progressBar(fraction: number, width: number, dir: Direction): Row {
	const f = Math.max(0, Math.min(1, fraction));
	const filled = Math.round(f * width);
	const done: Run = {text: '█'.repeat(filled), style: plain};
	const rest: Run = {text: '░'.repeat(width - filled), style: dim};
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
}

const MAX_BAR = 24;
const MIN_BAR = 4;

/** The footer: `page p/P · n%`, the progress bar, then hints or a message; as much as fits. */
export function footerRow(info: FooterInfo, width: number, options: ChromeOptions): Row {
	const percent = Math.floor(info.fraction * 100);
	const position = fitText(`page ${info.page}/${info.pages} · ${percent}%`, plain, width, 'ltr', options);
	const gap = 2;
	let tail: Row | undefined;
	if (info.message) {
		tail = fitText(info.message, strong, Math.max(0, width - position.width - gap), options.dir === 'rtl' ? 'auto' : 'ltr', options);
	} else {
		const hints = options.dir === 'rtl' && options.order === 'visual' ? [...info.hints].reverse() : [...info.hints];
		// Drop hints from the end of the list until they fit beside a short bar.
		while (hints.length > 0 && position.width + gap + MIN_BAR + gap + textWidth(hints.join('  ')) > width) {
			if (options.dir === 'rtl' && options.order === 'visual') hints.shift();
			else hints.pop();
		}
		if (hints.length > 0) tail = rowOf([{text: hints.join('  '), style: dim}]);
	}
	const used = position.width + (tail && tail.width > 0 ? gap + tail.width : 0);
	const barWidth = Math.min(MAX_BAR, width - used - gap);
	const parts: Row[] = [position];
	if (barWidth >= MIN_BAR) parts.push(progressBar(info.fraction, barWidth, options.dir));
	if (tail && tail.width > 0) parts.push(tail);
	return alignRow(joinParts(parts, gap, options), width, options);
}

/** The search prompt, in place of the footer: `search: <typed>▏`. */
export function promptRow(input: string, width: number, options: ChromeOptions): Row {
	// The cursor goes at the logical end of what is typed; as a neutral
	// character it follows the paragraph, so it sits left of Arabic text.
	const text = `search: ${input}▏`;
	const row = fitText(text, plain, width, options.dir, options);
	return alignRow(row, width, options);
}

/** The table of contents: a title row, then one row per section, the cursor's row highlighted; scrolled to keep the cursor visible. */
export function tocRows(article: Article, cursor: number, current: number, width: number, height: number, options: ChromeOptions): Row[] {
	const rows: Row[] = [alignRow(fitText('Contents', strong, width, options.dir === 'rtl' ? 'rtl' : 'ltr', options), width, options)];
	const room = Math.max(1, height - 1);
	const count = article.sections.length;
	const first = Math.max(0, Math.min(cursor - Math.floor(room / 2), count - room));
	for (let i = first; i < Math.min(count, first + room); i++) {
		const s = article.sections[i];
		if (!s) continue;
		const mark = i === cursor ? '>' : i === current ? '•' : ' ';
		// An isolate keeps "(5 min)" left to right inside a right-to-left title.
		const minutes = s.minutes > 0 ? ` \u2066(${s.minutes} min)\u2069` : '';
		// '>' is a mirrored character: in a right-to-left row it becomes '<', pointing at the title.
		const style: Style = i === cursor ? {strong: true, match: true} : plain;
		rows.push(alignRow(fitText(`${mark} ${i + 1}. ${s.title}${minutes}`, style, width, options.dir, options), width, options));
	}
	return rows;
}

export interface HelpInfo {
	readonly page: readonly HelpRow[];
	readonly toc: readonly HelpRow[];
	readonly search: readonly HelpRow[];
	/** `app` or `terminal`, and why. */
	readonly bidi: string;
	readonly reason: string;
	readonly shape: boolean;
}

/** The help screen's rows (left to right: it is English), wrapped to `width`. */
export function helpScreenRows(info: HelpInfo, width: number, options: ChromeOptions): Row[] {
	const ltr: ChromeOptions = {...options, dir: 'ltr'};
	const rows: Row[] = [];
	const text = (t: string, style: Style = plain, indent = 0): void => {
		const laid = layoutParagraph([{text: t, style}], {width: Math.max(1, width - indent), order: options.order, shape: options.shape, dir: 'ltr', fallback: 'ltr'});
		const pad: Run[] = indent ? [{text: ' '.repeat(indent), style: plain}] : [];
		for (const line of laid.lines) rows.push({runs: [...pad, ...line.runs], width: indent + line.width});
	};
	const table = (title: string, entries: readonly HelpRow[]): void => {
		text(title, strong);
		const keyWidth = Math.min(Math.max(...entries.map((e) => textWidth(e.keys))) + 2, Math.floor(width / 2));
		for (const entry of entries) {
			const keys = fitText(entry.keys, plain, keyWidth - 2, 'ltr', ltr);
			const pad = ' '.repeat(Math.max(0, keyWidth - keys.width));
			const what = fitText(entry.help, plain, width - keyWidth - 2, 'ltr', ltr);
			rows.push(rowOf([{text: '  ', style: plain}, ...keys.runs, {text: pad, style: plain}, ...what.runs]));
		}
		rows.push({runs: [], width: 0});
	};
	// The mode first: it is what explains a screen that looks wrong.
	text('Mode', strong);
	text(`bidi: ${info.bidi} — ${info.reason}`, plain, 2);
	text(info.bidi === 'app' ? 'qari reorders each line (--bidi terminal hands the terminal logical order)' : 'the terminal reorders (--bidi app makes qari do it)', plain, 2);
	text(`shaping: ${info.shape ? 'on (Arabic presentation forms; --shape off to turn it off)' : 'off'}`, plain, 2);
	rows.push({runs: [], width: 0});
	table('Reading', info.page);
	text('While a search is active, n and N go to the next and previous match; Esc clears the search, then n is the next section again.', dim);
	rows.push({runs: [], width: 0});
	table('Table of contents', info.toc);
	table('Search prompt', info.search);
	return rows;
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
