// Web pages' encodings: BOM, HTTP charset, <meta charset>, http-equiv, sniffing,
// and the legacy Arabic and Hebrew code pages decoded to the right letters.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {charsetOfContentType, decodePage, encodingOf, looksLikeHtml, sniffEncoding} from '../src/parse/html/charset.js';

const ascii = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const cat = (...parts: (string | number[])[]): Uint8Array =>
	Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

// "سلام" in windows-1256, "שלום" in windows-1255 / iso-8859-8.
const salam1256 = [0xd3, 0xe1, 0xc7, 0xe3];
const shalom = [0xf9, 0xec, 0xe5, 0xed];

test('sniffEncoding: the order BOM, HTTP, meta, UTF-8, windows-1252', () => {
	const cases: [string, Uint8Array, string | undefined, string, string][] = [
		['meta charset windows-1256', cat('<meta charset="windows-1256"><p>', salam1256), undefined, 'windows-1256', 'meta'],
		[
			'http-equiv windows-1255',
			cat('<meta http-equiv="Content-Type" content="text/html; charset=windows-1255"><p>', shalom),
			undefined,
			'windows-1255',
			'meta',
		],
		['HTTP header only, iso-8859-8', cat('<p>', shalom), 'text/html; charset=ISO-8859-8', 'iso-8859-8', 'http'],
		['HTTP header beats meta', cat('<meta charset="windows-1256"><p>', shalom), 'text/html; charset="windows-1255"', 'windows-1255', 'http'],
		['UTF-8 BOM beats both', cat([0xef, 0xbb, 0xbf], '<meta charset="windows-1256">'), 'text/html; charset=windows-1255', 'utf-8', 'bom'],
		['UTF-16LE BOM', cat([0xff, 0xfe], '<\0p\0>\0'), undefined, 'utf-16le', 'bom'],
		['meta saying utf-16 means utf-8', ascii('<meta charset="utf-16"><p>x'), undefined, 'utf-8', 'meta'],
		['alias cp1256 in single quotes', cat("<meta charset='cp1256'>", salam1256), undefined, 'windows-1256', 'meta'],
		['unknown label ignored', ascii('<meta charset="klingon"><p>x'), 'text/html; charset=bogus', 'utf-8', 'utf-8'],
		['meta after 1 KiB of script', cat(`<script>${'x'.repeat(2000)}</script><meta charset="windows-1256">`, salam1256), undefined, 'windows-1256', 'meta'],
		['meta inside a comment ignored', ascii('<!-- <meta charset="windows-1256"> --><p>x'), undefined, 'utf-8', 'utf-8'],
		['no declaration, not UTF-8', cat('<p>', [0xe9, 0x20, 0x93]), undefined, 'windows-1252', 'default'],
	];
	for (const [name, bytes, header, encoding, source] of cases) {
		assert.deepEqual(sniffEncoding(bytes, header), {encoding, source}, name);
	}
});

test('decodePage: windows-1256, windows-1255, iso-8859-8 and windows-1252 decode to the right letters', () => {
	assert.match(decodePage(cat('<meta charset="windows-1256"><p>', salam1256)).text, /<p>سلام$/);
	assert.match(decodePage(cat('<p>', shalom), 'text/html; charset=windows-1255').text, /<p>שלום$/);
	assert.match(decodePage(cat('<p>', shalom), 'text/html; charset=iso-8859-8').text, /<p>שלום$/);
	assert.match(decodePage(cat('<p>', shalom), 'text/html; charset=iso-8859-8-i').text, /<p>שלום$/);
	// Node ≥ 20.18.3 gives C1 controls for these bytes; the page means € “ ” —.
	assert.equal(decodePage(cat('<p>', [0x80, 0x93, 0x94, 0x97]), 'text/html; charset=windows-1252').text, '<p>€“”—');
	assert.equal(decodePage(cat('<p>', [0x80]), 'text/html; charset=latin1').text, '<p>€');
	assert.equal(decodePage(cat([0xef, 0xbb, 0xbf], '<p>x')).text, '<p>x', 'the BOM is dropped');
});

test('decodePage counts invalid UTF-8 in a page declared UTF-8', () => {
	const r = decodePage(cat('<p>', [0xff, 0x41, 0xef, 0xbf, 0xbd]), 'text/html; charset=utf-8');
	assert.equal(r.invalid, 1, 'the 0xFF, not the valid U+FFFD');
	assert.equal(decodePage(ascii('<p>ok'), 'text/html; charset=utf-8').invalid, 0);
});

test('encodingOf and charsetOfContentType', () => {
	assert.equal(encodingOf('arabic'), 'iso-8859-6');
	assert.equal(encodingOf('hebrew'), 'iso-8859-8');
	assert.equal(encodingOf(' "CP1255" '), 'windows-1255');
	assert.equal(encodingOf('nope'), undefined);
	assert.equal(charsetOfContentType('text/html'), undefined);
	assert.equal(charsetOfContentType('text/html;charset=utf-8'), 'utf-8');
	assert.equal(charsetOfContentType(null), undefined);
});

test('looksLikeHtml: by content, not by name', () => {
	const yes = [
		'<!DOCTYPE html><html>',
		'\n  <html lang="ar">',
		'<!-- saved from url --><html>',
		'<head><title>x</title></head>',
		'<?xml version="1.0"?>\n<html>',
		'<meta charset="utf-8"><html><body>',
	];
	const no = ['# Title\n\nText', 'plain text <html> later', '<div>Markdown with a raw block</div>\n\nText', ''];
	for (const t of yes) assert.equal(looksLikeHtml(t), true, t);
	for (const t of no) assert.equal(looksLikeHtml(t), false, t);
});
