import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

type Fetch = (request: Request) => Response | Promise<Response>;

/** Where `vite build` writes the console (packages/web/dist), found from this file. */
export function webConsoleDir(): string {
  return fileURLToPath(new URL("../../packages/web/dist", import.meta.url));
}

export const WEB_BUILD_COMMAND = "npx -y pnpm@10.34.9 --filter @rebound/web build";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

// The console holds an API key: no framing, no third-party code, no referrer.
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
};

/** Vite names files in assets/ by content hash: they never change, so caches may keep them. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/** Paths the API process answers itself; everything else (GET/HEAD) is the console. */
export function isApiPath(pathname: string): boolean {
  return (
    pathname === "/v1" ||
    pathname.startsWith("/v1/") ||
    pathname === "/healthz" ||
    pathname === "/openapi.json" ||
    pathname === "/metrics"
  );
}

function text(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file or folder below `root` a URL path names, or null for anything that could leave it. */
function filePath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const segments = decoded.split("/").filter((segment) => segment !== "");
  if (segments.some((segment) => segment === "." || segment === "..")) return null;
  const path = resolve(root, ...segments);
  return path === root || path.startsWith(`${root}${sep}`) ? path : null;
}

async function fileResponse(path: string, cacheControl: string, head: boolean) {
  const body = head ? null : await readFile(path);
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
  return new Response(body, {
    headers: { "content-type": type, "cache-control": cacheControl, ...SECURITY_HEADERS },
  });
}

/**
 * Serves the built web console from `distDir`: its files (hashed assets cached for a year,
 * the rest revalidated), and index.html for any other path (the console routes in the browser).
 * Paths that escape the folder are refused; without a build, every path answers 503 saying
 * how to build it.
 */
export function createWebAssets(distDir: string): Fetch {
  const root = resolve(distDir);
  const index = join(root, "index.html");
  return async (request) => {
    const head = request.method === "HEAD";
    if (request.method !== "GET" && !head) return text(405, "method not allowed");
    if (!(await isFile(index))) {
      return text(503, `web console not built: run ${WEB_BUILD_COMMAND}`);
    }
    const { pathname } = new URL(request.url);
    const path = filePath(root, pathname);
    if (path === null) return text(400, "bad path");
    if (await isFile(path)) {
      const inAssets = path.startsWith(`${join(root, "assets")}${sep}`);
      return fileResponse(path, inAssets ? IMMUTABLE : "no-cache", head);
    }
    // A missing file (an old asset, a typo) is a 404; a page path gets the console.
    if (pathname.startsWith("/assets/") || extname(pathname) !== "") {
      return text(404, "not found");
    }
    return fileResponse(index, "no-cache", head);
  };
}

/** The API for its own paths and for other methods, the console for GET/HEAD of the rest. */
export function withWebConsole(api: Fetch, web: Fetch): Fetch {
  return (request) => {
    const { pathname } = new URL(request.url);
    const page = request.method === "GET" || request.method === "HEAD";
    return page && !isApiPath(pathname) ? web(request) : api(request);
  };
}
