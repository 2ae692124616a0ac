#!/usr/bin/env bun
import { runCoreDemo } from "./core-demo.ts";

const USAGE = `usage: rebound <command>

commands:
  start   run Rebound (today: a demo of @rebound/core; the API and dispatcher come next)
  help    show this text`;

function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  switch (command) {
    case "start":
      if (rest.length > 0) {
        console.error(`rebound start: unexpected arguments: ${rest.join(" ")}\n\n${USAGE}`);
        return 2;
      }
      return runCoreDemo((line) => console.log(line));
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(USAGE);
      return 0;
    default:
      console.error(`rebound: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}

process.exit(main(process.argv.slice(2)));
