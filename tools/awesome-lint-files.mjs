// Lint several Markdown files with the npm awesome-lint in one process (`node awesome-lint-files.mjs FILE...`)
// and print, as JSON, every message of each: path, line, column, rule, fatal, reason (as json-reporter.mjs).
import process from 'node:process';
import lint from 'awesome-lint';

const results = [];
for (const filename of process.argv.slice(2)) {
	const vfiles = await lint({filename});
	for (const file of vfiles) {
		results.push({
			path: file.path,
			messages: file.messages.map(message => ({
				line: message.line ?? null,
				column: message.column ?? null,
				rule: message.ruleId ?? null,
				source: message.source ?? null,
				fatal: message.fatal ?? null,
				reason: message.reason,
			})),
		});
	}
}

console.log(JSON.stringify(results));
