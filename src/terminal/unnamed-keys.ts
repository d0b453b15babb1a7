// Keys Ink 6.8 cannot name, taken out of the input before Ink reads it.
// Ink's parse-keypress reads a CSI or SS3 sequence with a Ctrl modifier whose
// code is not in its key table (ESC [1;5P: Ctrl+F1 as xterm and tmux send it;
// ESC [31m: a colour code in pasted text) as a Ctrl key with no name, and its
// useInput then throws (`undefined.startsWith`): the reader ended with an
// internal error on Ctrl+F1. The reader binds none of these keys.
//
// Logic:
// 1. The input is cut into escape sequences as Ink's input parser cuts it:
//    ESC (or several), then `[` (or `[[`) with parameter, intermediate and
//    final bytes, or `O` and one final byte.
// 2. A sequence is dropped when Ink would read it as Ctrl with no name: Ink's
//    own pattern (fnKeyRe) gives its code and modifier, the modifier has the
//    Ctrl bit, and the code is not one of Ink's key table (keyName in
//    node_modules/ink/build/parse-keypress.js). Everything else passes as it
//    came: SGR mouse reports (ESC [<…M), named keys with Ctrl (ESC [5;5~),
//    the kitty protocol's CSI … u (Ink reads it first).

/** The codes of Ink's key table (parse-keypress.js, keyName). */
const namedCodes = new Set([
	'OP',
	'OQ',
	'OR',
	'OS',
	'[11~',
	'[12~',
	'[13~',
	'[14~',
	'[[A',
	'[[B',
	'[[C',
	'[[D',
	'[[E',
	'[15~',
	'[17~',
	'[18~',
	'[19~',
	'[20~',
	'[21~',
	'[23~',
	'[24~',
	'[A',
	'[B',
	'[C',
	'[D',
	'[E',
	'[F',
	'[H',
	'OA',
	'OB',
	'OC',
	'OD',
	'OE',
	'OF',
	'OH',
	'[1~',
	'[2~',
	'[3~',
	'[4~',
	'[5~',
	'[6~',
	'[[5~',
	'[[6~',
	'[7~',
	'[8~',
	'[a',
	'[b',
	'[c',
	'[d',
	'[e',
	'[2$',
	'[3$',
	'[5$',
	'[6$',
	'[7$',
	'[8$',
	'Oa',
	'Ob',
	'Oc',
	'Od',
	'Oe',
	'[2^',
	'[3^',
	'[5^',
	'[6^',
	'[7^',
	'[8^',
	'[Z',
]);

/** Escape sequences as Ink's input parser cuts them (Logic 1). */
const sequence = /\u001B+(?:\[\[?[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]|O[\u0040-\u007E])/g;

/** Ink's fnKeyRe (parse-keypress.js). */
const fnKey = /^(?:\u001B+)(O|N|\[|\[\[)(?:(\d+)(?:;(\d+))?([~^$])|(?:1;)?(\d+)?([a-zA-Z]))/;

/** Whether Ink would read this one sequence as a Ctrl key with no name (Logic 2). */
export function inkCannotName(keys: string): boolean {
	// CSI … u is the kitty keyboard protocol, which Ink reads before this pattern.
	if (keys.endsWith('u') && /^\u001B\[[^[]/.test(keys)) return false;
	const parts = fnKey.exec(keys);
	if (!parts) return false;
	const code = [parts[1], parts[2], parts[4], parts[6]].filter(Boolean).join('');
	const modifier = Number(parts[3] || parts[5] || 1) - 1;
	return (modifier & 4) !== 0 && !namedCodes.has(code);
}

/** The input without the sequences Ink cannot name. */
export function dropUnnamedKeys(input: string): string {
	if (!input.includes('\u001B')) return input;
	return input.replace(sequence, (keys) => (inkCannotName(keys) ? '' : keys));
}
