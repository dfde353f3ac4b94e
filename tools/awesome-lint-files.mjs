// Lint several Markdown files with the npm awesome-lint in one process (`node awesome-lint-files.mjs FILE...`)
// and print every message of each as JSON, as json-reporter.mjs reports them.
import process from 'node:process';
import lint from 'awesome-lint';
import {report} from './json-reporter.mjs';

const files = [];
for (const filename of process.argv.slice(2)) {
	files.push(...await lint({filename}));
}

console.log(report(files));
