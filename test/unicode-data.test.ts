// The generated Unicode tables of src/text/data/ are what scripts/gen/ makes of the Unicode
// data vendored in data/unicode/ (one version, UNICODE_VERSION): every generator runs in
// memory and its output must equal the committed file byte for byte, so `npm run gen` on a
// clean clone leaves `git status` clean.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
// @ts-expect-error -- plain JavaScript generators, no declarations
import {GENERATORS, UNICODE_VERSION, root} from '../scripts/gen/ucd.mjs';

test('unicode data: every generated table is what its generator makes of the vendored data', async () => {
	assert.equal(UNICODE_VERSION, '15.0.0');
	for (const name of GENERATORS as string[]) {
		const {generate} = (await import(`../scripts/gen/${name}`)) as {generate: () => Array<{path: string; text: string}>};
		for (const {path: file, text} of generate()) {
			const committed = readFileSync(path.join(root as string, file), 'utf8');
			assert.ok(committed === text, `${file} differs from what scripts/gen/${name} generates: run npm run gen`);
		}
	}
});
