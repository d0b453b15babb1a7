// UTF-16 code units in typed arrays, to and from strings in one native copy:
// a Buffer over the same memory reads and writes 'utf16le', which is the
// arrays' own layout on a little-endian machine (on a big-endian one, a
// per-chunk fallback). Shared by shaping, line runs and export.

/** Whether a Uint16Array holds its code units little-endian, as Buffer's 'utf16le' reads them. */
export const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

const CHUNK = 8192;

/** A Buffer over the same memory as `units`. */
export function bytesOf(units: Uint16Array): Buffer {
	return Buffer.from(units.buffer, units.byteOffset, units.byteLength);
}

/** The string of units[from, to); `bytes` is a Buffer over the same memory (bytesOf). */
export function unitsToString(units: Uint16Array, bytes: Buffer, from: number, to: number): string {
	if (LITTLE_ENDIAN) return bytes.toString('utf16le', from * 2, to * 2);
	let text = '';
	for (let k = from; k < to; k += CHUNK) text += String.fromCharCode.apply(null, units.subarray(k, Math.min(to, k + CHUNK)) as unknown as number[]);
	return text;
}

/** Copies text's code units into units[0, text.length); `bytes` is a Buffer over the same memory. */
export function copyUnits(text: string, units: Uint16Array, bytes: Buffer): void {
	if (LITTLE_ENDIAN) {
		bytes.write(text, 0, 'utf16le');
		return;
	}
	for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
}

/** Whether a code unit is a high (leading) surrogate. */
export function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}

/** Whether a code unit is a low (trailing) surrogate. */
export function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether a code unit is either half of a surrogate pair. */
export function isSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdfff;
}

/** The code point of a high and a low surrogate. */
export function pairCodePoint(high: number, low: number): number {
	return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
}
