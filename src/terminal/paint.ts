// A frame as tall as the terminal, drawn over the last one in place: no
// moment of blank screen, so nothing flickers in a terminal without
// synchronized updates (mode 2026).
//
// Logic:
// 1. Ink 6.8 draws a frame whose height reaches the terminal's rows by
//    clearing the whole terminal first (ink.js "Detect fullscreen":
//    ESC[2J ESC[3J ESC[H, then the frame). A terminal that shows the cleared
//    screen before the frame arrives flickers on every key; ESC[3J also drops
//    the scrollback. qari's frames fill the terminal, so every frame after
//    the first takes that path.
// 2. Instead each row is written where it belongs (cursor to row r, column 1)
//    and what is left of the old row after it is erased (EL): every cell is
//    overwritten, none is blanked first. Cursor positioning per row also
//    means a row the terminal measures differently cannot push the rows
//    below it.
// 3. EL erases from the cursor, and a row that reaches the last column
//    leaves the cursor there (the wrap is pending): EL would erase that
//    row's last cell. Such a row gets no EL; it has no old cells left.
// 4. A frame shorter than the terminal (the one-line "too small" message)
//    erases the rows below it, then puts the cursor back at the end of its
//    last row, where Ink expects it.

import {textWidth} from '../text/width.js';

const ESC = '\u001B';
/** What Ink writes before a frame as tall as the terminal (ansi-escapes' clearTerminal). */
export const INK_CLEAR_TERMINAL = `${ESC}[2J${ESC}[3J${ESC}[H`;
/** CSI, OSC (ended by BEL or ST) and two-character escapes: no cells of their own. */
const ESCAPES = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[@-Z\\-_]/g;

/** The cells a frame row takes (escape sequences take none). */
export function rowCells(row: string): number {
	return textWidth(row.replace(ESCAPES, ''));
}

/** `frame` (rows joined by newlines) drawn over the screen in place, for a terminal `columns` wide and `rows` tall (Logic 2–4). */
export function paintInPlace(frame: string, columns: number, rows: number): string {
	const lines = frame.split('\n');
	const shown = lines.slice(0, Math.max(1, rows));
	let out = '';
	for (let i = 0; i < shown.length; i++) {
		const line = shown[i] ?? '';
		out += `${ESC}[${i + 1};1H${line}`;
		if (rowCells(line) < columns) out += `${ESC}[K`;
	}
	if (shown.length < rows) {
		const last = shown[shown.length - 1] ?? '';
		out += `${ESC}[${shown.length + 1};1H${ESC}[J${ESC}[${shown.length};${Math.min(columns, rowCells(last) + 1)}H`;
	}
	return out;
}

/** Ink's write of a whole-terminal frame (Logic 1) as an in-place paint; other writes unchanged. */
export function inPlaceFrame(chunk: string, columns: number, rows: number): string {
	if (!chunk.startsWith(INK_CLEAR_TERMINAL)) return chunk;
	return paintInPlace(chunk.slice(INK_CLEAR_TERMINAL.length), columns, rows);
}
