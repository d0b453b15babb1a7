// Preload for test/startup.test.ts: `node --import ./test/helpers/record-loads.mjs …`
// with QARI_LOAD_LOG=<file> appends the URL of every module the program loads to
// the file. Imported on the main thread it registers itself as the module hooks;
// in the hooks thread it is the hooks.
import {appendFileSync} from 'node:fs';
import {register} from 'node:module';
import {isMainThread} from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

export async function load(url, context, nextLoad) {
	const log = process.env.QARI_LOAD_LOG;
	if (log) appendFileSync(log, `${url}\n`);
	return nextLoad(url, context);
}
