// The table of sections, as text or JSON.

import {type Article, type Direction} from './article.js';
import {layoutParagraph, type Order} from './text/paragraph.js';
import {textWidth} from './text/width.js';

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

export function formatSectionsJson(article: Article): string {
	return JSON.stringify(sectionRows(article)) + '\n';
}

export interface SectionsTextOptions {
	/** Titles in visual order (for a terminal that does not reorder) or logical. */
	readonly order: Order;
	readonly shape: boolean;
}

/**
 * A numbered table: index, title, words, minutes. Titles are isolated in
 * their column; in visual order an RTL title is reordered and right-aligned
 * within the column so the numbers on both sides stay put.
 */
export function formatSectionsText(article: Article, options: SectionsTextOptions): string {
	const rows = sectionRows(article);
	const titles = rows.map((row) => {
		const laid = layoutParagraph([{text: row.title, style: {}}], {
			width: 0,
			order: options.order,
			shape: options.shape,
			dir: 'auto',
			fallback: row.direction,
		});
		const text = laid.lines.map((l) => l.runs.map((r) => r.text).join('')).join(' ');
		return {text, width: textWidth(text), rtl: laid.direction === 'rtl'};
	});
	const indexWidth = Math.max(1, ...rows.map((r) => String(r.index).length));
	const titleWidth = Math.max(5, ...titles.map((t) => t.width));
	const wordsWidth = Math.max(5, ...rows.map((r) => String(r.words).length));
	const out = [`${'#'.padStart(indexWidth)}  ${'title'.padEnd(titleWidth)}  ${'words'.padStart(wordsWidth)}  min`];
	rows.forEach((row, i) => {
		const t = titles[i] ?? {text: '', width: 0, rtl: false};
		const room = ' '.repeat(titleWidth - t.width);
		const title = options.order === 'visual' && t.rtl ? room + t.text : t.text + room;
		out.push(`${String(row.index).padStart(indexWidth)}  ${title}  ${String(row.words).padStart(wordsWidth)}  ${String(row.minutes).padStart(3)}`);
	});
	return out.join('\n') + '\n';
}
