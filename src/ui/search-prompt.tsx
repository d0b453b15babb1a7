// The search prompt, in place of the footer's last row.

import React from 'react';
import {Lines} from './lines.js';

export interface SearchPromptProps {
	readonly line: string;
}

export function SearchPrompt({line}: SearchPromptProps): React.JSX.Element {
	return <Lines lines={[line]} />;
}
