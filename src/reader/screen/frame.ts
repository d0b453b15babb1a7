// The reader's screen as rows of text: header, body and footer for a pager
// state. Pure, and free of Ink and React: the Ink view (ui/app.tsx) draws
// these rows one <Text> each, and the CLI paints the first frame with them
// before Ink has even loaded (cli/reader-start.ts, Logic 3) — the same rows, so
// Ink's first frame lands on an identical screen.

import {type Book} from '../book.js';
import {hintsFor, type KeyContext} from '../keys.js';
import {pageAt, pageCount, pageNumber} from '../../layout/paginate.js';
import {linesOf, type PagerState} from '../pager.js';
import {renderRuns} from '../../terminal/sgr.js';
import {tocRows} from './contents.js';
import {linkRows} from './links.js';
import {sectionLinks} from '../links.js';
import {footerRow, promptRow, readFraction} from './footer.js';
import {type Geometry} from './geometry.js';
import {headerRows} from './header.js';
import {chromeOptions, isImplicit, ruleRow, wordsDir, type ScreenOptions, type ScreenRow} from './rows.js';
import {messagesFor} from '../i18n/index.js';
import {implicitRuns, markOf} from '../../layout/implicit.js';
import {type Direction} from '../../model/article.js';
import {type Run} from '../../model/line.js';
import {textWidth} from '../../text/width.js';

export interface FrameInput {
	readonly state: PagerState;
	readonly geometry: Geometry;
	readonly book: Book;
	readonly chrome: ScreenOptions;
	readonly color: boolean;
	/** The help screen's rows (called only when the help is shown). */
	readonly help: () => readonly ScreenRow[];
	readonly context: KeyContext;
}

export interface FrameRows {
	readonly header: readonly string[];
	/** Exactly the body's height: blank rows pad a short page. */
	readonly body: readonly string[];
	readonly footer: readonly string[];
	/** The search prompt, in place of the footer's last row while typing a search. */
	readonly prompt: string | undefined;
}

/** Header, body and footer for a state: `rows − 1` rows in all, rendered (styles, margin). */
export function frameRows({state, geometry, book, chrome, color, help, context}: FrameInput): FrameRows {
	const {width, height, margin, compact} = geometry;
	// The chrome in its language: right to left in a right-to-left one (rows.ts).
	const ui = chromeOptions(chrome);
	const t = messagesFor(chrome.lang);
	const pad = ' '.repeat(margin);
	const implicit = isImplicit(chrome);
	// A terminal that reorders lays a right-to-left row out from its right edge: the margin there comes first.
	const rightPad = ' '.repeat(Math.max(0, geometry.columns - margin - width));
	/** Runs as a terminal row: after the margin; for a terminal that reorders, after the row's mark and the margin on its start side. */
	const drawRuns = (runs: readonly Run[], dir: Direction): string => {
		if (!runs.length) return '';
		if (!implicit) return pad + renderRuns(runs, {color});
		const start = dir === 'rtl' ? rightPad : pad;
		if (!chrome.marksTakeCells) return markOf(dir) + start + renderRuns(runs, {color});
		// Each mark is a blank cell there: the row's mark takes a margin cell, the others' cells come off the row's
		// logical end, and a row that would still wrap gives up margin cells.
		// A zero-width joiner or non-joiner in the text is a cell there too; and the row stops short of the last column.
		const marks = markCount(runs) + joinerCount(runs);
		const trimmed = trimEnd(runs, marks);
		let cells = marks;
		for (const run of trimmed) if (!run.style.control) cells += textWidth(run.text);
		const excess = Math.max(0, start.length + cells - (geometry.columns - 1));
		const fromPad = Math.min(excess, Math.max(0, start.length - 1));
		return markOf(dir) + start.slice(1 + fromPad) + renderRuns(squeeze(trimmed, excess - fromPad), {color});
	};
	const draw = (row: ScreenRow, dir: Direction = ui.dir): string => drawRuns(implicit ? implicitRuns(row.runs, dir) : row.runs, dir);
	const article = book.article;
	const lines = linesOf(book, state);

	const header = headerRows(article, state.section, width, compact, ui);
	if (!compact) header.push(ruleRow(width, ui));

	let body: string[];
	if (state.view === 'toc') body = tocRows(article, state.tocCursor, state.section, width, height, ui).map((row) => draw(row));
	else if (state.view === 'links') {
		const section = article.sections[state.section];
		body = linkRows(section ? sectionLinks(section) : [], state.linkCursor, width, height, ui).map((row) => draw(row));
	} else if (state.view === 'help')
		body = help()
			.slice(state.helpTop, state.helpTop + height)
			.map((row) => draw(row, wordsDir(ui)));
	else body = pageAt(lines, state.top, height).lines.map((line) => drawRuns(line.runs, line.dir ?? 'ltr'));
	body = body.slice(0, height);
	while (body.length < height) body.push('');

	const footer: ScreenRow[] = compact ? [] : [ruleRow(width, ui)];
	if (state.view === 'search' || state.view === 'goto') {
		footer.push(promptRow(state.input, width, ui, state.view === 'goto' ? t.gotoPrompt : t.searchPrompt));
	} else if (state.view === 'help') {
		// The help's own pages, not the article's.
		const length = help().length;
		const atEnd = state.helpTop + height >= length;
		footer.push(
			footerRow(
				{
					page: pageNumber(length, state.helpTop, height),
					pages: pageCount(length, height),
					fraction: length === 0 ? 1 : Math.min(1, (state.helpTop + height) / length),
					message: state.message,
					hints: hintsFor('help', {...context, atEnd}, chrome.lang),
					label: t.help,
				},
				width,
				ui,
			),
		);
	} else {
		const last = state.section === book.count - 1 && state.top + height >= lines.length;
		footer.push(
			footerRow(
				{
					page: pageNumber(lines.length, state.top, height),
					pages: pageCount(lines.length, height),
					fraction: readFraction(article, state.section, state.top, height, lines.length),
					message: state.message,
					hints: hintsFor(state.view, context, chrome.lang),
					end: last && state.view === 'page',
				},
				width,
				ui,
			),
		);
	}
	const drawn = footer.map((row) => draw(row));
	const prompt = state.view === 'search' || state.view === 'goto' ? drawn.pop() : undefined;
	return {header: header.map((row) => draw(row)), body, footer: drawn, prompt};
}

/** How many bidi marks runs hold (qari's own, layout/implicit.ts). */
function markCount(runs: readonly Run[]): number {
	let n = 0;
	for (const run of runs) if (run.style.control) n += run.text.length;
	return n;
}

/** How many ZWNJ and ZWJ the text of runs holds (mlterm draws them as cells, as it draws marks). */
function joinerCount(runs: readonly Run[]): number {
	let n = 0;
	for (const run of runs) if (!run.style.control) n += (run.text.match(/[\u200c\u200d]/g) ?? []).length;
	return n;
}

/** Runs with up to `n` spaces taken off their end. */
function trimEnd(runs: readonly Run[], n: number): readonly Run[] {
	if (n === 0) return runs;
	const out = [...runs];
	let left = n;
	for (let i = out.length - 1; i >= 0 && left > 0; i--) {
		const run = out[i];
		if (!run) continue;
		if (run.style.control || run.text === '') continue;
		const kept = run.text.replace(/ +$/, '');
		const cut = Math.min(left, run.text.length - kept.length);
		if (cut === 0) break;
		out[i] = {text: run.text.slice(0, run.text.length - cut), style: run.style};
		left -= cut;
		if (out[i]?.text !== '') break;
	}
	return out;
}

/** Runs with `n` spaces taken from their widest gaps (padding inside a row, as between table columns), one at a time. */
function squeeze(runs: readonly Run[], n: number): readonly Run[] {
	if (n <= 0) return runs;
	const out = [...runs];
	for (let left = n; left > 0; left--) {
		let best = -1;
		let bestLength = 1;
		let bestAt = 0;
		out.forEach((run, i) => {
			if (run.style.control) return;
			for (const m of run.text.matchAll(/ {2,}/g)) {
				if (m[0].length > bestLength) {
					best = i;
					bestLength = m[0].length;
					bestAt = m.index ?? 0;
				}
			}
		});
		const run = out[best];
		if (!run) break;
		out[best] = {text: run.text.slice(0, bestAt) + run.text.slice(bestAt + 1), style: run.style};
	}
	return out;
}

/** The frame as the terminal shows it: every row, an empty one as a space (as ui/frame-view.tsx draws it). */
export function frameText(rows: FrameRows): string {
	const all = [...rows.header, ...rows.body, ...rows.footer, ...(rows.prompt === undefined ? [] : [rows.prompt])];
	return all.map((row) => (row === '' ? ' ' : row)).join('\n');
}
