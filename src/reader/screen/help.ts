// The help screen: the mode qari runs in, then the key tables (made from the
// key table in keys.ts), left to right: it is English.

import {type Run, type RunStyle} from '../../model/line.js';
import {layoutParagraph} from '../../text/paragraph.js';
import {textWidth} from '../../text/width.js';
import {type HelpRow} from '../keys.js';
import {dimStyle, fitText, plainStyle, rowOf, strongStyle, type ScreenOptions, type ScreenRow} from './rows.js';

export interface HelpInfo {
	readonly page: readonly HelpRow[];
	readonly toc: readonly HelpRow[];
	readonly search: readonly HelpRow[];
	/** The go-to prompt's keys. */
	readonly goto?: readonly HelpRow[];
	/** The links list's keys. */
	readonly links?: readonly HelpRow[];
	/** `app` or `terminal`, and why. */
	readonly bidi: string;
	readonly reason: string;
	readonly shape: boolean;
}

/** The help screen's rows (left to right: it is English), wrapped to `width`. */
export function helpScreenRows(info: HelpInfo, width: number, options: ScreenOptions): ScreenRow[] {
	const ltr: ScreenOptions = {...options, dir: 'ltr'};
	const rows: ScreenRow[] = [];
	const text = (t: string, style: RunStyle = plainStyle, indent = 0): void => {
		const laid = layoutParagraph([{text: t, style}], {
			width: Math.max(1, width - indent),
			order: options.order,
			shape: options.shape,
			dir: 'ltr',
			fallback: 'ltr',
		});
		const pad: Run[] = indent ? [{text: ' '.repeat(indent), style: plainStyle}] : [];
		for (const line of laid.lines) rows.push({runs: [...pad, ...line.runs], width: indent + line.width});
	};
	const table = (title: string, entries: readonly HelpRow[]): void => {
		text(title, strongStyle);
		const keyWidth = Math.min(Math.max(...entries.map((e) => textWidth(e.keys))) + 2, Math.floor(width / 2));
		for (const entry of entries) {
			const keys = fitText(entry.keys, plainStyle, keyWidth - 2, 'ltr', ltr);
			const pad = ' '.repeat(Math.max(0, keyWidth - keys.width));
			const what = fitText(entry.help, plainStyle, width - keyWidth - 2, 'ltr', ltr);
			rows.push(rowOf([{text: '  ', style: plainStyle}, ...keys.runs, {text: pad, style: plainStyle}, ...what.runs]));
		}
		rows.push({runs: [], width: 0});
	};
	// The mode first: it is what explains a screen that looks wrong.
	text('Mode', strongStyle);
	text(`bidi: ${info.bidi} — ${info.reason}`, plainStyle, 2);
	text(
		info.bidi === 'app' ? 'qari reorders each line (--bidi terminal hands the terminal logical order)' : 'the terminal reorders (--bidi app makes qari do it)',
		plainStyle,
		2,
	);
	text(`shaping: ${info.shape ? 'on (Arabic presentation forms; --shape off to turn it off)' : 'off'}`, plainStyle, 2);
	rows.push({runs: [], width: 0});
	table('Reading', info.page);
	text('While a search is active, n and N go to the next and previous match; Esc clears the search, then n is the next section again.', dimStyle);
	rows.push({runs: [], width: 0});
	table('Table of contents', info.toc);
	if (info.links) table('Links list (l)', info.links);
	table('Search prompt', info.search);
	if (info.goto) table('Go-to prompt (:, or digits)', info.goto);
	return rows;
}
