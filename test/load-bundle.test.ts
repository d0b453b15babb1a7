// bin/load-bundle.js: a CommonJS bundle compiled with its V8 code cache, and
// the same exports without one, or with one V8 refuses.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';

const require = createRequire(import.meta.url);
const {loadBundle, writeCodeCache} = require('../bin/load-bundle.js') as {
	loadBundle(file: string): Record<string, unknown>;
	writeCodeCache(file: string, warm: (exports: Record<string, unknown>) => Promise<void> | void): Promise<void>;
};

const temp = mkdtempSync(join(tmpdir(), 'qari-bundle-'));
after(() => rmSync(temp, {recursive: true, force: true}));

test('a bundle loads with its code cache, without one, and with a broken one: the same exports', async () => {
	const file = join(temp, 'bundle.cjs');
	writeFileSync(
		file,
		"'use strict';\nconst {basename} = require('node:path');\nexports.name = basename(__filename);\nexports.dir = __dirname;\nexports.twice = (n) => n * 2;\n",
	);
	const plain = loadBundle(file);
	assert.equal(plain['name'], 'bundle.cjs');
	let warmed = false;
	await writeCodeCache(file, (exports) => {
		warmed = (exports['twice'] as (n: number) => number)(2) === 4;
	});
	assert.ok(warmed);
	const cached = loadBundle(file);
	assert.equal(cached['name'], 'bundle.cjs');
	assert.equal(cached['dir'], temp);
	assert.equal((cached['twice'] as (n: number) => number)(21), 42);
	writeFileSync(`${file}.cache`, 'not a code cache');
	assert.equal((loadBundle(file)['twice'] as (n: number) => number)(1), 2);
});
