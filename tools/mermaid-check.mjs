// Parse every ```mermaid block of the Markdown files given as arguments with mermaid's own parser (in Node,
// on a jsdom window, no browser) and print one JSON record a block: file, line, diagram type, error.
import {readFileSync} from 'node:fs';
import process from 'node:process';
import {JSDOM} from 'jsdom';

const {window} = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = window;
globalThis.document = window.document;
const {default: mermaid} = await import('mermaid');
mermaid.initialize({startOnLoad: false});

const results = [];
for (const file of process.argv.slice(2)) {
	const lines = readFileSync(file, 'utf8').split('\n');
	for (let index = 0; index < lines.length; index++) {
		if (lines[index].trim() !== '```mermaid') {
			continue;
		}

		const start = index + 1;
		let end = start;
		while (end < lines.length && lines[end].trim() !== '```') {
			end++;
		}

		const text = lines.slice(start, end).join('\n');
		try {
			const parsed = await mermaid.parse(text);
			results.push({file, line: start, type: parsed.diagramType, error: null});
		} catch (error) {
			results.push({file, line: start, type: null, error: String(error?.message ?? error).split('\n')[0]});
		}

		index = end;
	}
}

process.stdout.write(JSON.stringify(results) + '\n');
