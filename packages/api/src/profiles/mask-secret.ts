/**
 * Masks a secret as the seed does: the first 2 and last 2 characters stay, the rest become `x`
 * (`K1ab…2P` → `K1xxxxxxxxxxxx2P`). Values of 4 characters or fewer are masked entirely.
 *
 * @example maskSecret("K1abcdefghijkl2P") // "K1xxxxxxxxxxxx2P"
 */
export function maskSecret(secret: string): string {
  const chars = [...secret];
  if (chars.length <= 4) return "x".repeat(chars.length);
  return `${chars.slice(0, 2).join("")}${"x".repeat(chars.length - 4)}${chars.slice(-2).join("")}`;
}
