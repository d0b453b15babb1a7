// The help screen: the mode qari runs in, then the key tables (made from the
// key table in keys.ts), in the chrome's language (i18n/): left to right in
// English, right to left (flush right, keys on the right) in the others.

import {type Run, type RunStyle} from '../../model/line.js';
import {layoutParagraph} from '../../text/paragraph.js';
import {textWidth} from '../../text/width.js';
import {type HelpRow} from '../keys.js';
import {unitRuns} from '../../layout/implicit.js';
import {localReason, messagesFor} from '../i18n/index.js';
import {alignRow, dimStyle, fitText, isImplicit, joinParts, plainStyle, rowOf, strongStyle, wordsDir, type ScreenOptions, type ScreenRow} from './rows.js';

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

/** The help screen's rows in the chrome's language (left to right in English, else right to left), wrapped to `width`. */
export function helpScreenRows(info: HelpInfo, width: number, options: ScreenOptions): ScreenRow[] {
	const t = messagesFor(options.lang);
	const dir = wordsDir(options);
	const side: ScreenOptions = {...options, dir};
	const rtl = dir === 'rtl';
	const rows: ScreenRow[] = [];
	const text = (words: string, style: RunStyle = plainStyle, indent = 0): void => {
		const laid = layoutParagraph([{text: words, style}], {
			width: Math.max(1, width - indent),
			order: options.order,
			shape: options.shape,
			dir,
			fallback: dir,
		});
		const pad: Run[] = indent ? [{text: ' '.repeat(indent), style: plainStyle}] : [];
		for (const line of laid.lines) {
			if (!rtl) rows.push({runs: [...pad, ...line.runs], width: indent + line.width});
			else {
				// Right to left: the indent on the right, the row flush right.
				const runs = isImplicit(options) ? unitRuns(line.runs, 'rtl') : line.runs;
				rows.push(alignRow(joinParts([rowOf(pad), rowOf(runs)], 0, side), width, side));
			}
		}
	};
	const table = (title: string, entries: readonly HelpRow[]): void => {
		text(title, strongStyle);
		const keyWidth = Math.min(Math.max(...entries.map((e) => textWidth(e.keys))) + 2, Math.floor(width / 2));
		for (const entry of entries) {
			const keys = fitText(entry.keys, plainStyle, keyWidth - 2, 'ltr', side);
			const pad = ' '.repeat(Math.max(0, keyWidth - keys.width));
			const what = fitText(entry.help, plainStyle, width - keyWidth - 2, dir, side);
			if (!rtl) rows.push(rowOf([{text: '  ', style: plainStyle}, ...keys.runs, {text: pad, style: plainStyle}, ...what.runs]));
			else {
				const parts = [rowOf([{text: '  ', style: plainStyle}]), keys, rowOf([{text: pad, style: plainStyle}]), what];
				rows.push(alignRow(joinParts(parts, 0, side), width, side));
			}
		}
		rows.push({runs: [], width: 0});
	};
	// The mode first: it is what explains a screen that looks wrong.
	text(t.modeTitle, strongStyle);
	text(t.bidiLine(info.bidi, localReason(info.reason, options.lang)), plainStyle, 2);
	text(info.bidi === 'app' ? t.bidiApp : t.bidiTerminal, plainStyle, 2);
	text(info.shape ? t.shapingOn : t.shapingOff, plainStyle, 2);
	rows.push({runs: [], width: 0});
	table(t.readingTitle, info.page);
	text(t.searchNote, dimStyle);
	rows.push({runs: [], width: 0});
	table(t.tocTitle, info.toc);
	if (info.links) table(t.linksListTitle, info.links);
	table(t.searchPromptTitle, info.search);
	if (info.goto) table(t.gotoPromptTitle, info.goto);
	return rows;
}
