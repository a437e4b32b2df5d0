// A table of the module beta: only beta may read it.
export const betaTable = { name: 'beta' };
