// A minimal callback receiver for benchmarks: answers 200 to everything on 127.0.0.1 and prints
// its port. Run in its own Bun process so it never shares an event loop with what is measured.
// Optional argument: delay in ms before answering (to model a slow receiver).
import { bunServe } from "../src/bun-serve.ts";

const delayMs = Number(process.argv[2] ?? "0");
let received = 0;

const server = bunServe({
  hostname: "127.0.0.1",
  port: 0,
  async fetch(request) {
    await request.arrayBuffer();
    received += 1;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return new Response("ok");
  },
});

console.log(`RECEIVER_PORT=${server.port}`);
process.on("SIGTERM", () => {
  console.log(`RECEIVER_RECEIVED=${received}`);
  void server.stop(true).then(() => process.exit(0));
});
