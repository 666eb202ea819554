// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
export const templates = {};
