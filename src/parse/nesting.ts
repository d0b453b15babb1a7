// The nesting limiter: container markers and indentation cut to a depth
// marked can lex, before it lexes.
//
// Logic: marked lexes a container by lexing its inside again, recursively: a
// quote nested 5,000 deep overflows the stack, and a staircase of 2,000 lines
// each one '>' deeper needs gigabytes. So a line's container markers beyond
// MAX_MARKERS and leading whitespace beyond MAX_INDENT columns are dropped:
// deeper levels are shown at that depth (the layout stops drawing gutters
// long before), the text is kept.

/** Container markers ('>', list markers) kept at the start of a line. */
export const MAX_MARKERS = 64;
/** Leading whitespace kept, in columns (tabs to multiples of 4). */
export const MAX_INDENT = 128;

/**
 * Drops container markers beyond MAX_MARKERS at the start of a line, and
 * whitespace beyond MAX_INDENT columns in front of its content. Lines that
 * need neither come back unchanged (the common case costs one short scan).
 */
export function limitNesting(text: string): string {
	// A line that needs either limit starts with at least 33 characters of
	// whitespace and markers (64 markers, or over 128 columns of whitespace at
	// up to 4 columns a character): one regex search rules out most texts.
	if (!mayNeedLimit.test(text)) return text;
	const lines = text.split('\n');
	let changed = false;
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n] ?? '';
		const limited = limitLine(line);
		if (limited !== line) {
			lines[n] = limited;
			changed = true;
		}
	}
	return changed ? lines.join('\n') : text;
}

function limitLine(line: string): string {
	let i = 0;
	let markers = 0;
	let keep = -1;
	for (;;) {
		// Whitespace before a marker (or before the content).
		let j = i;
		let columns = 0;
		while (j < line.length) {
			const c = line.charCodeAt(j);
			if (c === 0x20) columns++;
			else if (c === 0x09) columns += 4 - (columns % 4);
			else break;
			j++;
		}
		if (columns > MAX_INDENT) {
			const head = keep === -1 ? line.slice(0, i) : line.slice(0, keep);
			return head + ' '.repeat(MAX_INDENT) + line.slice(j);
		}
		// Counted whatever the whitespace before it (beyond 4 columns it may be
		// code): only absurd lines reach the limit, and for them it does not matter.
		const end = markerEnd(line, j);
		if (end === -1) break;
		markers++;
		if (markers === MAX_MARKERS) keep = end;
		i = end;
	}
	return keep === -1 || markers <= MAX_MARKERS ? line : line.slice(0, keep) + line.slice(i);
}

const mayNeedLimit = /^[ \t>*+.)0-9-]{33}/m;

/** The end of a container marker at `at` ('>', '-', '*', '+', '1.', '1)'), or -1. */
function markerEnd(line: string, at: number): number {
	const c = line.charCodeAt(at);
	if (c === 0x3e) return at + 1; // '>'
	const spaceAfter = (k: number): boolean => k >= line.length || line[k] === ' ' || line[k] === '\t';
	if ((c === 0x2d || c === 0x2a || c === 0x2b) && spaceAfter(at + 1)) return at + 1;
	let k = at;
	while (k < line.length && k - at < 9 && line.charCodeAt(k) >= 0x30 && line.charCodeAt(k) <= 0x39) k++;
	if (k > at && (line[k] === '.' || line[k] === ')') && spaceAfter(k + 1)) return k + 1;
	return -1;
}
