import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {articleKey, loadPosition, positionsPath, savePosition} from '../src/cli/positions.js';

const temp = mkdtempSync(join(tmpdir(), 'qari-positions-'));
after(() => rmSync(temp, {recursive: true, force: true}));
const fresh = (name: string): string => positionsPath({XDG_STATE_HOME: join(temp, name)});

test('the file lives in $XDG_STATE_HOME/qari, else ~/.local/state/qari', () => {
	assert.equal(positionsPath({XDG_STATE_HOME: '/x/state'}), '/x/state/qari/positions.json');
	assert.equal(positionsPath({HOME: '/home/r'}), '/home/r/.local/state/qari/positions.json');
	// A relative XDG_STATE_HOME is invalid (XDG base directory spec) and ignored.
	assert.equal(positionsPath({XDG_STATE_HOME: 'rel', HOME: '/home/r'}), '/home/r/.local/state/qari/positions.json');
});

test('keys are the sha256 of the text', () => {
	assert.equal(articleKey(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
	assert.notEqual(articleKey('a'), articleKey('b'));
});

test('save then load round-trips; other articles are kept; nothing is left behind', () => {
	const path = fresh('round');
	const a = articleKey('article a');
	const b = articleKey('article b');
	assert.deepEqual(loadPosition(path, a), {position: undefined, warning: undefined});
	assert.equal(savePosition(path, a, {section: 2, offset: 140, time: 1000}), undefined);
	assert.equal(savePosition(path, b, {section: 1, offset: 7, time: 2000}), undefined);
	assert.deepEqual(loadPosition(path, a), {position: {section: 2, offset: 140, time: 1000}, warning: undefined});
	assert.deepEqual(loadPosition(path, b).position, {section: 1, offset: 7, time: 2000});
	assert.equal(savePosition(path, a, {section: 3, offset: 0, time: 3000}), undefined);
	assert.deepEqual(loadPosition(path, a).position, {section: 3, offset: 0, time: 3000});
	assert.deepEqual(readdirSync(dirname(path)), ['positions.json']);
});

test('a corrupt file is ignored with one warning and rebuilt by the next save', () => {
	for (const junk of ['{"truncated": ', 'null', '[1,2]', '\u0000\u0001binary']) {
		const path = fresh(`corrupt-${junk.length}`);
		mkdirSync(dirname(path), {recursive: true});
		writeFileSync(path, junk);
		const key = articleKey('x');
		const loaded = loadPosition(path, key);
		assert.equal(loaded.position, undefined);
		assert.match(loaded.warning ?? '', /ignoring the unreadable reading-position file '.*positions\.json' \(it will be rebuilt\)/);
		assert.equal(savePosition(path, key, {section: 1, offset: 5, time: 1}), undefined);
		assert.deepEqual(loadPosition(path, key), {position: {section: 1, offset: 5, time: 1}, warning: undefined});
	}
});

test('entries that are not positions are dropped, the rest kept', () => {
	const path = fresh('mixed');
	mkdirSync(dirname(path), {recursive: true});
	const good = articleKey('good');
	writeFileSync(
		path,
		JSON.stringify({[good]: {section: 1, offset: 3, time: 5}, [articleKey('bad')]: {section: -1, offset: 'x'}, 'not-a-key': {section: 1, offset: 0, time: 1}}),
	);
	assert.deepEqual(loadPosition(path, good), {position: {section: 1, offset: 3, time: 5}, warning: undefined});
	savePosition(path, articleKey('new'), {section: 1, offset: 0, time: 6});
	assert.deepEqual(Object.keys(JSON.parse(readFileSync(path, 'utf8')) as object).sort(), [good, articleKey('new')].sort());
});

test('only the most recent entries are kept', () => {
	const path = fresh('bounded');
	for (let i = 0; i < 12; i++) savePosition(path, articleKey(`a${i}`), {section: 1, offset: i, time: 100 + i}, 5);
	const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, {offset: number}>;
	assert.deepEqual(
		Object.values(data)
			.map((p) => p.offset)
			.sort((x, y) => x - y),
		[7, 8, 9, 10, 11],
	);
});

test('an unwritable place gives a message, never an exception', () => {
	const blocker = join(temp, 'blocker');
	writeFileSync(blocker, 'a file where a directory should be');
	const message = savePosition(join(blocker, 'qari', 'positions.json'), articleKey('x'), {section: 1, offset: 0, time: 1});
	assert.match(message ?? '', /^cannot save the reading position to /);
});

test('two processes saving at once never leave an unparsable file', async () => {
	const path = fresh('concurrent');
	const module = fileURLToPath(new URL('../src/cli/positions.ts', import.meta.url));
	const writer = (id: string) =>
		new Promise<number | null>((resolve, reject) => {
			const script = `
				const {savePosition, articleKey} = await import(${JSON.stringify(module)});
				for (let i = 0; i < 300; i++) {
					const problem = savePosition(${JSON.stringify(path)}, articleKey('${id}' + (i % 20)), {section: 1, offset: i, time: Date.now()});
					if (problem) { console.error(problem); process.exit(3); }
				}`;
			const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {stdio: ['ignore', 'ignore', 'inherit']});
			child.on('error', reject);
			child.on('exit', resolve);
		});
	const writers = Promise.all([writer('a'), writer('b')]);
	// Read while they write: every read sees a whole file (or none yet).
	let reads = 0;
	let done = false;
	void writers.then(() => (done = true));
	while (!done) {
		let text: string | undefined;
		try {
			text = readFileSync(path, 'utf8');
		} catch {
			text = undefined;
		}
		if (text !== undefined) {
			assert.doesNotThrow(() => JSON.parse(text ?? ''), 'a reader saw a partial file');
			reads++;
		}
		await new Promise((r) => setImmediate(r));
	}
	assert.deepEqual(await writers, [0, 0]);
	const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
	assert.ok(Object.keys(data).length > 0);
	assert.ok(reads > 0, 'the file was never seen during the writes');
	assert.deepEqual(readdirSync(dirname(path)), ['positions.json'], 'no temporary file is left');
});

test('a position keeps what is at the place (`near`); a malformed one is dropped, the place kept', () => {
	const path = fresh('near');
	const a = articleKey('url:https://example.com/a');
	assert.equal(savePosition(path, a, {section: 2, offset: 40, time: 1, near: {text: 'الفقرة', delta: 3}}), undefined);
	assert.deepEqual(loadPosition(path, a).position, {section: 2, offset: 40, time: 1, near: {text: 'الفقرة', delta: 3}});
	writeFileSync(path, JSON.stringify({[a]: {section: 2, offset: 40, time: 1, near: {text: 5, delta: -1}}}));
	assert.deepEqual(loadPosition(path, a).position, {section: 2, offset: 40, time: 1});
});
