// Plain JavaScript on purpose: it must run, and explain itself, on the old Node it refuses.
const [major, minor] = process.versions.node.split(".").map(Number);
const supported = major >= 24 || (major === 22 && minor >= 12);
if (!supported) {
  console.error(
    `Kōhō needs Node.js 24 LTS (or 22.12 or later); this is Node.js ${process.versions.node}. Install Node 24 from https://nodejs.org or with \`nvm install\` (the .nvmrc names it).`,
  );
  process.exit(1);
}
