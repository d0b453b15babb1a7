import assert from 'node:assert/strict';
import {test} from 'node:test';
import {decodeArticle, sanitizeText} from '../src/parse/decode.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

// [name, input bytes, text, invalid count]
const decodeCases: [string, Uint8Array, string, number][] = [
	['plain', bytes('سلام'), 'سلام', 0],
	['BOM stripped', bytes([0xef, 0xbb, 0xbf], 'a'), 'a', 0],
	['CRLF and CR', bytes('a\r\nb\rc'), 'a\nb\nc', 0],
	['one bad byte', bytes('a', [0xff], 'b'), 'a\ufffdb', 1],
	['truncated sequence', bytes('a', [0xd8], ' b'), 'a\ufffd b', 1],
	['two bad sequences', bytes([0xc0, 0x80]), '\ufffd\ufffd', 2],
	['a real U+FFFD is not counted', bytes('\ufffd', [0xfe]), '\ufffd\ufffd', 1],
	['surrogate encoded in UTF-8', bytes([0xed, 0xa0, 0x80]), '\ufffd\ufffd\ufffd', 3],
];
for (const [name, input, text, invalid] of decodeCases) {
	test(`decode: ${name}`, () => {
		const result = decodeArticle(input);
		assert.ok(result.ok);
		assert.equal(result.text, text);
		assert.equal(result.invalid, invalid);
	});
}

test('decode: a NUL byte means binary', () => {
	assert.deepEqual(decodeArticle(bytes('abc', [0], 'def')), {ok: false, reason: 'binary'});
});

// [name, input, output]
const sanitizeCases: [string, string, string][] = [
	['CSI colour', 'a\x1b[31mred\x1b[0m', 'ared'],
	['CSI clear screen', '\x1b[2J\x1b[Hx', 'x'],
	['OSC title with BEL', '\x1b]0;pwned\x07t', 't'],
	['OSC hyperlink with ST', '\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\', 'link'],
	['DCS', '\x1bPq#0;2;0;0;0\x1b\\x', 'x'],
	['APC', '\x1b_Gf=100;AAAA\x1b\\y', 'y'],
	['bare ESC', 'a\x1bcb', 'ab'],
	['8-bit CSI: the introducer goes, the text stays', 'a\u009b31mb', 'a31mb'],
	['C0 and DEL', 'a\x07\x08\x7fb', 'ab'],
	['tab and newline kept', 'a\tb\nc', 'a\tb\nc'],
	['C1 (NEL is a line break)', 'a\u0085b\u0090c\u009dd', 'a\nbcd'],
	['unterminated OSC stops at the line end', '\x1b]0;x\nnext', '\nnext'],
	['U+FEFF inside', 'a\ufeffb', 'ab'],
	['bidi controls are kept (the layout confines them)', 'a\u202eb', 'a\u202eb'],
];
for (const [name, input, output] of sanitizeCases) {
	test(`sanitize: ${name}`, () => {
		assert.equal(sanitizeText(input).text, output);
	});
}

// Inputs of 4 KiB and more that are valid UTF-8 are decoded without the WHATWG
// decoder (Logic 2): the text must be exactly the decoder's.
const reference = new TextDecoder('utf-8', {fatal: false, ignoreBOM: true});
const large = (text: string, times: number) => bytes(text.repeat(times));
const largeCases: [string, Uint8Array, number][] = [
	['ASCII', large('plain text, line\n', 400), 0],
	['Arabic, emoji and noncharacters', large('سلام عليكم 😀 \ufffe\uffff \u{10ffff} ', 300), 0],
	['a BOM first, U+FEFF later, CRLF', bytes([0xef, 0xbb, 0xbf], 'سلام\r\n'.repeat(800), '\ufeff'), 0],
	['a real U+FFFD is not counted', large('\ufffd ب ', 1000), 0],
	['invalid bytes in a large file', bytes('ب'.repeat(3000), [0xff], 'a', [0xc0, 0x80], 'ب'.repeat(3000)), 3],
	['a lone surrogate encoded in UTF-8 (invalid)', bytes('a'.repeat(5000), [0xed, 0xa0, 0x80]), 3],
];
for (const [name, input, invalid] of largeCases) {
	test(`decode, large: ${name}`, () => {
		assert.ok(input.length >= 4096);
		const result = decodeArticle(input);
		assert.ok(result.ok);
		assert.equal(result.text, sanitizeText(reference.decode(input)).text);
		assert.equal(result.invalid, invalid);
	});
}

test('decode: a Uint8Array that is a view into a larger buffer', () => {
	const whole = bytes('xx', 'سلام '.repeat(1000), 'yy');
	const view = new Uint8Array(whole.buffer, whole.byteOffset + 2, whole.length - 4);
	const result = decodeArticle(view);
	assert.ok(result.ok);
	assert.equal(result.text, 'سلام '.repeat(1000));
});

test('sanitize: text with nothing to remove comes back as it is', () => {
	const text = 'سلام\tعليكم\n😀 plain';
	assert.deepEqual(sanitizeText(text), {text, removed: 0});
	assert.deepEqual(sanitizeText(`\ufeff${text}`), {text, removed: 0});
});
