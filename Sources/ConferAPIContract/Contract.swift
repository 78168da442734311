// The types and server interface of this target are generated at build time from openapi.yaml
// (linked here from the project root) by the swift-openapi-generator build plugin, so the
// contract and the code cannot drift. Nothing else belongs in this target.
