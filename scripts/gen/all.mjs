// `npm run gen`: runs every generator (scripts/gen/ucd.mjs GENERATORS: src/text/data/
// from the vendored Unicode data, src/parse/data/ from gemoji) and writes what they generate.
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
