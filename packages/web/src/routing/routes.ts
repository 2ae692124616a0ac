/** The console's pages, by URL path (history routing; the server answers index.html for them). */
export type Route =
  | { name: "home" }
  | { name: "profiles" }
  | { name: "profile-new" }
  | { name: "profile-edit"; id: string }
  | { name: "deliveries"; id: string }
  | { name: "notification" }
  | { name: "not-found" };

export const paths = {
  profiles: (search = "") => `/profiles${search}`,
  newProfile: () => "/profiles/new",
  profile: (id: string) => `/profiles/${encodeURIComponent(id)}`,
  deliveries: (id: string, search = "") =>
    `/profiles/${encodeURIComponent(id)}/deliveries${search}`,
  notification: () => "/notification",
};

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The route of a path name.
 * @example matchRoute("/profiles/IN_1/deliveries") // { name: "deliveries", id: "IN_1" }
 */
export function matchRoute(pathname: string): Route {
  const segments = pathname.split("/").filter((segment) => segment !== "");
  const [first, second, third, ...rest] = segments;
  if (first === undefined) return { name: "home" };
  if (first === "notification" && second === undefined) return { name: "notification" };
  if (first !== "profiles" || rest.length > 0) return { name: "not-found" };
  if (second === undefined) return { name: "profiles" };
  if (second === "new" && third === undefined) return { name: "profile-new" };
  const id = decoded(second);
  if (id === null) return { name: "not-found" };
  if (third === undefined) return { name: "profile-edit", id };
  if (third === "deliveries") return { name: "deliveries", id };
  return { name: "not-found" };
}
