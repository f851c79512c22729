// Extracts the GitHub REST operations the toolkit calls into a small, self-contained operations.json
// that the fake GitHub validates every request and response against (NJsonSchema, JSON Schema draft 4).
//
// Run by a maintainer after bumping @octokit/openapi in package.json (CI never runs it):
//   cp package.json extract.mjs /tmp/extract && cd /tmp/extract && npm install && node extract.mjs <repo>/tests/Onboarding.Testing/FakeGitHub/openapi
// Usage: node extract.mjs [OUTPUT_DIR] (default: the folder of this script)
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Keep in step with the calls of src/Onboarding.GitHub/GitHubClient.cs.
const operations = [
  ["GET", "/repos/{owner}/{repo}"],
  ["PATCH", "/repos/{owner}/{repo}"],
  ["POST", "/orgs/{org}/repos"],
  ["POST", "/repos/{template_owner}/{template_repo}/generate"],
  ["GET", "/orgs/{org}/teams/{team_slug}"],
  ["GET", "/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"],
  ["PUT", "/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"],
  ["GET", "/repos/{owner}/{repo}/collaborators/{username}/permission"],
  ["GET", "/repos/{owner}/{repo}/git/ref/{ref}"],
  ["POST", "/repos/{owner}/{repo}/git/refs"],
  ["PATCH", "/repos/{owner}/{repo}/git/refs/{ref}"],
  ["GET", "/repos/{owner}/{repo}/git/commits/{commit_sha}"],
  ["GET", "/repos/{owner}/{repo}/git/trees/{tree_sha}"],
  ["GET", "/repos/{owner}/{repo}/git/blobs/{file_sha}"],
  ["POST", "/repos/{owner}/{repo}/git/trees"],
  ["POST", "/repos/{owner}/{repo}/git/commits"],
  ["GET", "/repos/{owner}/{repo}/pulls"],
  ["POST", "/repos/{owner}/{repo}/pulls"],
  ["PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}"],
  ["GET", "/repos/{owner}/{repo}/issues"],
  ["POST", "/repos/{owner}/{repo}/issues"],
  ["GET", "/repos/{owner}/{repo}/issues/{issue_number}"],
  ["PATCH", "/repos/{owner}/{repo}/issues/{issue_number}"],
  ["GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}"],
  ["POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels"],
  ["DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"],
];

const require = createRequire(import.meta.url);
const apiPath = require.resolve("@octokit/openapi/generated/api.github.com.json");
const api = JSON.parse(readFileSync(apiPath, "utf8"));
const version = JSON.parse(readFileSync(join(dirname(apiPath), "..", "package.json"), "utf8")).version;

// Documentation-only keywords: dropped to keep the fixture small.
const dropped = new Set(["description", "example", "examples", "title", "externalDocs", "deprecated",
  "readOnly", "writeOnly", "discriminator", "xml", "summary"]);

const definitions = {};
const pending = [];

function refName(ref) {
  const prefix = "#/components/schemas/";
  if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(prefix.length);
}

// OpenAPI 3.0 -> JSON Schema draft 4 as NJsonSchema reads it: `nullable` becomes a "null" type.
function convert(node) {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== "object") return node;
  if (node.$ref) {
    const name = refName(node.$ref);
    if (!(name in definitions)) { definitions[name] = null; pending.push(name); }
    return { $ref: `#/definitions/${name}` };
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (dropped.has(key) || key.startsWith("x-") || key === "nullable") continue;
    out[key] = key === "properties" || key === "patternProperties"
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]))
      : convert(value);
  }
  if (node.nullable === true) {
    if (typeof out.type === "string") {
      out.type = [out.type, "null"];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum.push(null);
      return out;
    }
    return { anyOf: [{ type: "null" }, out] };
  }
  return out;
}

function jsonSchemaOf(content) {
  const media = content && (content["application/json"] ?? Object.values(content)[0]);
  return media?.schema ? convert(media.schema) : null;
}

const result = {};
for (const [method, path] of operations) {
  const operation = api.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${path} is not in @octokit/openapi ${version}`);
  const responses = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!/^2\d\d$/.test(status)) continue;
    responses[status] = jsonSchemaOf(response.content);
  }
  result[`${method} ${path}`] = {
    operationId: operation.operationId,
    request: jsonSchemaOf(operation.requestBody?.content),
    responses,
  };
}
while (pending.length > 0) {
  const name = pending.shift();
  definitions[name] = convert(api.components.schemas[name]);
}

const sorted = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]]));
const output = { source: `@octokit/openapi ${version} generated/api.github.com.json`, operations: result, definitions: sorted };
const outDir = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));
writeFileSync(join(outDir, "operations.json"), JSON.stringify(output, null, 2) + "\n");
console.log(`wrote ${Object.keys(result).length} operations, ${Object.keys(sorted).length} definitions to ${join(outDir, "operations.json")}`);
