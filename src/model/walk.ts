// Walking nested blocks without recursion: a hostile article can nest quotes
// and lists thousands deep, and every walk of the tree must survive it.

import {type Block} from './article.js';

/** A block that holds no other blocks. */
export type LeafBlock = Exclude<Block, {kind: 'quote' | 'list'}>;

/** Calls `visit` for every leaf block in document order, depth first, into quotes and list items. */
export function forEachLeafBlock(blocks: readonly Block[], visit: (block: LeafBlock) => void): void {
	const lists: (readonly Block[])[] = [blocks];
	const next: number[] = [0];
	while (lists.length > 0) {
		const top = lists.length - 1;
		const list = lists[top] ?? [];
		const i = next[top] ?? 0;
		if (i >= list.length) {
			lists.pop();
			next.pop();
			continue;
		}
		next[top] = i + 1;
		const block = list[i];
		if (!block) continue;
		if (block.kind === 'quote') {
			lists.push(block.blocks);
			next.push(0);
		} else if (block.kind === 'list') {
			// Last item first: the stack hands them back in order.
			for (let k = block.items.length - 1; k >= 0; k--) {
				lists.push(block.items[k] ?? []);
				next.push(0);
			}
		} else visit(block);
	}
}
