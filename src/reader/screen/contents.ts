// The table of contents: a title row, then one row per section.
//
// Logic:
// 1. Each entry is three parts in reading order: a one-cell gutter (the
//    cursor '>' or '<' pointing at the title, '•' for the section on screen,
//    else blank), the numbered title, and its reading time. The gutter is
//    always there, so an entry does not move when the cursor reaches it.
// 2. The reading time is its own left-to-right part, so it reads "(5 min)"
//    in a right-to-left title; a long title is cut with '…' to leave it room.

import {type Article} from '../../model/article.js';
import {type RunStyle} from '../../model/line.js';
import {localDigits, messagesFor} from '../i18n/index.js';
import {alignRow, fitText, joinParts, ltrRow, placesVisually, plainStyle, rowOf, strongStyle, type ScreenOptions, type ScreenRow} from './rows.js';

/** The table of contents: a title row, then one row per section, the cursor's row highlighted; scrolled to keep the cursor visible. */
export function tocRows(article: Article, cursor: number, current: number, width: number, height: number, options: ScreenOptions): ScreenRow[] {
	const t = messagesFor(options.lang);
	const rows: ScreenRow[] = [alignRow(fitText(t.contents, strongStyle, width, options.dir === 'rtl' ? 'rtl' : 'ltr', options), width, options)];
	const room = Math.max(1, height - 1);
	const count = article.sections.length;
	const first = Math.max(0, Math.min(cursor - Math.floor(room / 2), count - room));
	// The cursor points at the title: '<' when the gutter is on the right.
	const arrow = options.dir === 'rtl' && placesVisually(options) ? '<' : '>';
	for (let i = first; i < Math.min(count, first + room); i++) {
		const s = article.sections[i];
		if (!s) continue;
		const style: RunStyle = i === cursor ? {strong: true, match: true} : plainStyle;
		const gutter = rowOf([{text: i === cursor ? arrow : i === current ? '•' : ' ', style}]);
		const spent = t.minutes(localDigits(s.minutes, options.lang));
		const minutes = s.minutes <= 0 ? undefined : t.rtl ? fitText(spent, style, width, 'rtl', options) : ltrRow(spent, style, options);
		const titleRoom = width - gutter.width - 1 - (minutes ? minutes.width + 1 : 0);
		// At a width too narrow for both, the title goes first.
		const keepMinutes = minutes !== undefined && titleRoom >= 8;
		const title = fitText(`${localDigits(i + 1, options.lang)}. ${s.title}`, style, keepMinutes ? titleRoom : width - gutter.width - 1, options.dir, options);
		const parts = keepMinutes && minutes ? [gutter, title, minutes] : [gutter, title];
		rows.push(alignRow(joinParts(parts, 1, options), width, options));
	}
	return rows;
}
