// awesome-lint reporter (`awesome-lint --reporter tools/json-reporter.mjs`): every message as JSON on stdout.
export const report = files => JSON.stringify(files.map(file => ({
	path: file.path,
	messages: file.messages.map(message => ({
		line: message.line ?? null,
		column: message.column ?? null,
		rule: message.ruleId ?? null,
		source: message.source ?? null,
		fatal: message.fatal ?? null,
		reason: message.reason,
	})),
})));
