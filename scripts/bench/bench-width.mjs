// Times src/text/width.ts against string-width and Intl.Segmenter on a ~6 MB Arabic text (the
// seed article repeated), one call per paragraph as the layout makes them. Five timed runs after
// a warm-up; prints medians and ratios. Run: node --import tsx scripts/bench/bench-width.mjs
import {readFileSync} from 'node:fs';
import stringWidth from 'string-width';
import {measureClusters, textWidth} from '../../src/text/width.js';

const seed = readFileSync(new URL('../../test/fixtures/article-ar.seed.txt', import.meta.url), 'utf8');
const targetBytes = 6 * 1024 * 1024;
const repeats = Math.ceil(targetBytes / Buffer.byteLength(seed));
const text = Array.from({length: repeats}, () => seed).join('\n');
const paragraphs = text.split('\n');
const runs = 5;

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function time(name, fn) {
	const result = fn(); // warm-up
	const times = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		fn();
		times.push(performance.now() - started);
	}

	const ms = median(times);
	console.log(`${name.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms  (result ${result})`);
	return ms;
}

console.log(
	`text: ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB, ${text.length} UTF-16 units, ${paragraphs.length} paragraphs; median of ${runs} runs after a warm-up`,
);

const widthOurs = time('textWidth, per paragraph', () => {
	let total = 0;
	for (const paragraph of paragraphs) {
		total += textWidth(paragraph);
	}

	return total;
});
const widthTheirs = time('string-width, per paragraph', () => {
	let total = 0;
	for (const paragraph of paragraphs) {
		total += stringWidth(paragraph);
	}

	return total;
});

const measure = {starts: new Uint32Array(0), widths: new Uint8Array(0), count: 0};
const clustersOurs = time('measureClusters (reused Measure), per paragraph', () => {
	let count = 0;
	for (const paragraph of paragraphs) {
		count += measureClusters(paragraph, measure).count;
	}

	return count;
});
const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});
const clustersTheirs = time('Intl.Segmenter boundaries, per paragraph', () => {
	let count = 0;
	for (const paragraph of paragraphs) {
		const starts = [];
		for (const {index} of segmenter.segment(paragraph)) {
			starts.push(index);
		}

		count += starts.length;
	}

	return count;
});
time('textWidth, whole text in one call', () => textWidth(text));

console.log(`textWidth is ${(widthTheirs / widthOurs).toFixed(0)}x faster than string-width`);
console.log(`measureClusters is ${(clustersTheirs / clustersOurs).toFixed(0)}x faster than Intl.Segmenter (which gives no widths)`);
