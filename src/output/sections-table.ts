// The table of sections (and other small tables), as text or JSON.
//
// Logic:
// 1. With a width to fit (a terminal's), the columns marked `shrink` give up
//    cells, in column order, each down to SHRINK_MIN at most, until the table
//    fits; a cell longer than its column is cut as the reader's header cuts a
//    title: laid out one cell narrower, its first line kept and '…' put at its
//    logical end (on the left of a right-to-left cell in visual order).
// 2. No width (a pipe): nothing is cut.

import {type Article, type Direction} from '../model/article.js';
import {layoutParagraph, type Order} from '../text/paragraph.js';
import {textWidth} from '../text/width.js';
import {stringifyJson} from './json.js';

export interface SectionRow {
	readonly index: number;
	readonly title: string;
	readonly words: number;
	readonly minutes: number;
	readonly direction: Direction;
}

export function sectionRows(article: Article): SectionRow[] {
	return article.sections.map(({index, title, words, minutes, direction}) => ({index, title, words, minutes, direction}));
}

/**
 * `sections --json`: the article's title, language, direction and metadata (a
 * web page's URL, site, byline, date), then its sections — the top level of
 * `export --format json`, without the blocks. One line.
 */
export function formatSectionsJson(article: Article): string {
	const data = {title: article.title, lang: article.lang, dir: article.dir, meta: article.meta, sections: sectionRows(article)};
	// Titles and metadata are the article's text: bidi and C1 controls are escaped too.
	return `${stringifyJson(data)}\n`;
}

export interface TableOptions {
	/** Text cells in visual order (for a terminal that does not reorder) or logical. */
	readonly order: Order;
	readonly shape: boolean;
	/** The width to fit in (Logic 1); none: as wide as the cells are. */
	readonly maxWidth?: number;
}

export interface Column {
	readonly header: string;
	/** Numbers align right; text columns hold any script and are laid out with bidi. */
	readonly kind: 'number' | 'text';
	/** May be narrowed to fit `maxWidth`, its cells cut with '…' (Logic 1). */
	readonly shrink?: boolean;
}

/** The narrowest a shrinking column is made. */
const SHRINK_MIN = 12;

/**
 * A plain table, columns two spaces apart, no trailing spaces. A text cell is
 * laid out as its own paragraph: in visual order an RTL cell is reordered,
 * shaped when asked, and right-aligned within its column, so the columns on
 * either side stay put.
 */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions): string {
	const layout = (raw: string, width: number) =>
		layoutParagraph([{text: raw, style: {}}], {width, order: options.order, shape: options.shape, dir: 'auto', fallback: 'ltr'});
	const cells = rows.map((row) =>
		columns.map((column, c) => {
			const raw = row[c] ?? '';
			if (column.kind === 'number') return {text: raw, width: textWidth(raw), rtl: false, raw};
			const laid = layout(raw, 0);
			const text = laid.lines.map((l) => l.runs.map((r) => r.text).join('')).join(' ');
			return {text, width: textWidth(text), rtl: laid.direction === 'rtl', raw};
		}),
	);
	// A loop, not Math.max(...): 100,000 sections are more arguments than a call takes.
	const widths = columns.map((column, c) => {
		let widest = textWidth(column.header);
		for (const row of cells) widest = Math.max(widest, row[c]?.width ?? 0);
		return widest;
	});
	if (options.maxWidth !== undefined) {
		// Logic 1: narrow the shrinking columns, in order, until the table fits.
		let over = widths.reduce((sum, w) => sum + w, 0) + 2 * (columns.length - 1) - options.maxWidth;
		columns.forEach((column, c) => {
			const width = widths[c] ?? 0;
			if (over <= 0 || !column.shrink) return;
			const narrower = Math.max(width - over, Math.min(width, Math.max(SHRINK_MIN, textWidth(column.header))));
			over -= width - narrower;
			widths[c] = narrower;
			for (const row of cells) {
				const cell = row[c];
				if (!cell || cell.width <= narrower) continue;
				const first = layout(cell.raw, Math.max(1, narrower - 1)).lines[0];
				const kept = first?.runs.map((r) => r.text).join('') ?? '';
				// The logical end of a right-to-left cell is on its left, in visual order.
				const text = options.order === 'visual' && cell.rtl ? `…${kept}` : `${kept}…`;
				row[c] = {...cell, text, width: textWidth(text)};
			}
		});
	}
	const line = (row: readonly {text: string; width: number; rtl: boolean}[]): string =>
		row
			.map((cell, c) => {
				const room = ' '.repeat(Math.max(0, (widths[c] ?? 0) - cell.width));
				const right = columns[c]?.kind === 'number' || (options.order === 'visual' && cell.rtl);
				return right ? room + cell.text : cell.text + room;
			})
			.join('  ')
			.trimEnd();
	const header = columns.map((column) => ({text: column.header, width: textWidth(column.header), rtl: false}));
	return `${[line(header), ...cells.map(line)].join('\n')}\n`;
}

/** The numbered list of sections: index, title, words, minutes. */
export function formatSectionsText(article: Article, options: TableOptions): string {
	return formatTable(
		[
			{header: '#', kind: 'number'},
			{header: 'title', kind: 'text', shrink: true},
			{header: 'words', kind: 'number'},
			{header: 'min', kind: 'number'},
		],
		// Not sectionRows: the text shows no direction, and a section counts its letters only for that.
		article.sections.map(({index, title, words, minutes}) => [String(index), title, String(words), String(minutes)]),
		options,
	);
}
