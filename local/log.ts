// Console output of the local stack: short steps, one clear line per problem.
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);

export const step = (message: string) => console.log(`${paint(36, '•')} ${message}`);
export const ok = (message: string) => console.log(`${paint(32, '✔')} ${message}`);
export const warn = (message: string) => console.warn(`${paint(33, '!')} ${message}`);
export const fail = (message: string) => console.error(`${paint(31, '✖')} ${message}`);
export const bold = (text: string) => paint(1, text);
