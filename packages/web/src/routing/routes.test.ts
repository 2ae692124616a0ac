import { describe, expect, it } from "vitest";
import { matchRoute, paths } from "./routes.ts";

describe("matchRoute", () => {
  it.each([
    ["/", { name: "home" }],
    ["/profiles", { name: "profiles" }],
    ["/profiles/", { name: "profiles" }],
    ["/profiles/new", { name: "profile-new" }],
    ["/profiles/IN_1", { name: "profile-edit", id: "IN_1" }],
    ["/profiles/IN%2F1/deliveries", { name: "deliveries", id: "IN/1" }],
    ["/notification", { name: "notification" }],
    ["/profiles/IN_1/other", { name: "not-found" }],
    ["/profiles/%E0%A4", { name: "not-found" }],
    ["/elsewhere", { name: "not-found" }],
  ])("%s", (pathname, route) => {
    expect(matchRoute(pathname)).toEqual(route);
  });

  it("round-trips the paths it builds", () => {
    expect(matchRoute(paths.profile("a/b c"))).toEqual({ name: "profile-edit", id: "a/b c" });
    expect(matchRoute(paths.deliveries("IN_9"))).toEqual({ name: "deliveries", id: "IN_9" });
  });
});
