// Ink decides at import whether it runs in CI (then it draws no frame until
// it exits). runReader is tested against a real Ink instance, as a user on a
// terminal would get it — cli/read.ts clears CI the same way before importing the
// reader — so this module must be imported before anything that loads Ink.
delete process.env['CI'];
delete process.env['CONTINUOUS_INTEGRATION'];
