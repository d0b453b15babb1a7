// The links list: a title row, then one row per link or image of the section
// on screen, numbered, the cursor's row highlighted: its text (in its own
// direction) and its address (left to right), as much of each as fits.

import {type RunStyle} from '../../model/line.js';
import {type SectionLink} from '../links.js';
import {localDigits, messagesFor} from '../i18n/index.js';
import {alignRow, fitText, joinParts, ltrRow, placesVisually, plainStyle, rowOf, strongStyle, wordsDir, type ScreenOptions, type ScreenRow} from './rows.js';

/** The links list, scrolled to keep the cursor visible. */
export function linkRows(links: readonly SectionLink[], cursor: number, width: number, height: number, options: ScreenOptions): ScreenRow[] {
	const t = messagesFor(options.lang);
	const title = t.linksTitle(localDigits(links.length, options.lang));
	const rows: ScreenRow[] = [alignRow(fitText(title, strongStyle, width, wordsDir(options), options), width, options)];
	const room = Math.max(1, height - 1);
	const first = Math.max(0, Math.min(cursor - Math.floor(room / 2), links.length - room));
	const arrow = options.dir === 'rtl' && placesVisually(options) ? '<' : '>';
	for (let i = first; i < Math.min(links.length, first + room); i++) {
		const link = links[i];
		if (!link) continue;
		const style: RunStyle = i === cursor ? {strong: true, match: true} : plainStyle;
		const gutter = rowOf([{text: i === cursor ? arrow : ' ', style}]);
		const label = `${localDigits(i + 1, options.lang)}. ${link.image ? t.image : ''}${link.text || link.href}`;
		const textRoom = Math.max(8, Math.floor((width - 2) / 2));
		const text = fitText(label, style, textRoom, options.dir, options);
		const address = fitText(link.href, {dim: true}, Math.max(1, width - 2 - text.width - 1), 'ltr', options);
		rows.push(alignRow(joinParts([gutter, text, address.width > 0 ? address : ltrRow('', plainStyle, options)], 1, options), width, options));
	}
	return rows;
}
