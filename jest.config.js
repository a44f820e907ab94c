/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  moduleNameMapper: {
    // office-addin-mock requires office-addin-manifest, whose dependencies are ESM-only; the mock never uses it.
    "^office-addin-manifest$": "<rootDir>/tests/support/office-addin-manifest-stub.js",
  },
  setupFiles: ["<rootDir>/tests/support/setup.js"],
  testTimeout: 30000,
};
