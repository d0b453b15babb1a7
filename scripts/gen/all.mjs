// `npm run gen`: runs every generator of src/text/data/ over the vendored Unicode data
// (scripts/gen/ucd.mjs) and writes what they generate.
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {GENERATORS, root} from './ucd.mjs';

for (const name of GENERATORS) {
	const {generate} = await import(`./${name}`);
	for (const {path: file, text, summary} of generate()) {
		writeFileSync(path.join(root, file), text);
		console.log(`${name}: wrote ${file}${summary ? `: ${summary}` : ''}`);
	}
}
