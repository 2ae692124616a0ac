import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type ApiClient, type ApiSession, createApiClient } from "./api/api-client.ts";
import { errorMessage } from "./api/api-error.ts";
import type { AccountView } from "./api/types.ts";
import { ErrorSummary, Notice } from "./components/messages.tsx";
import { DeliveriesPage } from "./deliveries/deliveries-page.tsx";
import { AppShell, type Section } from "./layout/app-shell.tsx";
import { NotificationPage } from "./notification/notification-page.tsx";
import { ProfileCreatePage } from "./profiles/profile-create-page.tsx";
import { ProfileEditPage } from "./profiles/profile-edit-page.tsx";
import { ProfileListPage } from "./profiles/profile-list-page.tsx";
import { Link, navigate, useLocation } from "./routing/router.tsx";
import { matchRoute, paths, type Route } from "./routing/routes.ts";
import { ConsoleContext, type ConsoleContextValue } from "./session/console-context.tsx";
import { clearSession, readSession, writeSession } from "./session/session-store.ts";
import { SignInPage } from "./session/sign-in-page.tsx";

function sectionOf(route: Route): Section {
  switch (route.name) {
    case "profiles":
    case "profile-new":
    case "profile-edit":
    case "deliveries":
      return "profiles";
    case "notification":
      return "notification";
    default:
      return null;
  }
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case "home":
    case "profiles":
      return <ProfileListPage />;
    case "profile-new":
      return <ProfileCreatePage />;
    case "profile-edit":
      return <ProfileEditPage key={route.id} id={route.id} />;
    case "deliveries":
      return <DeliveriesPage key={route.id} id={route.id} />;
    case "notification":
      return <NotificationPage />;
    case "not-found":
      return (
        <section aria-labelledby="not-found-heading">
          <h1 id="not-found-heading" tabIndex={-1}>
            Page not found
          </h1>
          <Link to={paths.profiles()}>Go to Callback Profiles</Link>
        </section>
      );
    default: {
      const unknown: never = route;
      throw new Error(`unknown route ${JSON.stringify(unknown)}`);
    }
  }
}

interface SignedIn {
  session: ApiSession;
  account: AccountView | null;
}

const EXPIRED =
  "The API no longer accepts this API key (revoked, or the server's data was reset). Sign in again.";

/** The console: sign-in gate, account load, navigation, flash messages and the pages. */
export function App() {
  const [signedIn, setSignedIn] = useState<SignedIn | null>(() => {
    const session = readSession();
    return session === null ? null : { session, account: null };
  });
  const [signInReason, setSignInReason] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ message: string; pathname: string } | null>(null);
  const location = useLocation();
  const route = matchRoute(location.pathname);

  const signOut = useCallback((reason: string | null) => {
    clearSession();
    setSignedIn(null);
    setSignInReason(reason);
  }, []);

  const session = signedIn?.session ?? null;
  const api: ApiClient | null = useMemo(() => {
    if (session === null) return null;
    return createApiClient({
      session,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (response.status === 401) signOut(EXPIRED);
        return response;
      },
    });
  }, [session, signOut]);

  useEffect(() => {
    if (api === null || signedIn?.account !== null) return;
    let current = true;
    api.getAccount().then(
      (account) => {
        if (current) setSignedIn((previous) => (previous ? { ...previous, account } : previous));
      },
      (error: unknown) => {
        if (current) setLoadError(errorMessage(error));
      },
    );
    return () => {
      current = false;
    };
  }, [api, signedIn?.account]);

  // Notices belong to one page: leaving it clears them.
  useEffect(() => {
    setNotice((previous) =>
      previous !== null && previous.pathname !== location.pathname ? null : previous,
    );
  }, [location.pathname]);

  // After in-app navigation, move the focus to the new page's heading (screen readers, keyboard).
  const firstPath = useRef(location.href);
  useEffect(() => {
    if (location.href === firstPath.current) return;
    firstPath.current = "";
    document.querySelector<HTMLElement>("main h1")?.focus();
  }, [location.href]);

  useEffect(() => {
    if (route.name === "home" && signedIn?.account) navigate(paths.profiles(), { replace: true });
  }, [route.name, signedIn?.account]);

  const context: ConsoleContextValue | null = useMemo(() => {
    if (api === null || !signedIn?.account) return null;
    return {
      api,
      account: signedIn.account,
      flash: (message, pathname) => setNotice({ message, pathname }),
    };
  }, [api, signedIn?.account]);

  if (signedIn === null) {
    return (
      <SignInPage
        reason={signInReason}
        onSignedIn={(newSession, account) => {
          writeSession(newSession);
          setSignInReason(null);
          setLoadError(null);
          setSignedIn({ session: newSession, account });
        }}
      />
    );
  }
  if (context === null) {
    return (
      <main id="main" className="sign-in">
        {loadError ? (
          <>
            <ErrorSummary title="Could not reach the Rebound API" messages={[loadError]} />
            <button type="button" className="button" onClick={() => window.location.reload()}>
              Try again
            </button>{" "}
            <button type="button" className="button secondary" onClick={() => signOut(null)}>
              Sign out
            </button>
          </>
        ) : (
          <p role="status">Loading account…</p>
        )}
      </main>
    );
  }
  return (
    <ConsoleContext.Provider value={context}>
      <AppShell
        account={context.account}
        section={sectionOf(route)}
        onSignOut={() => signOut(null)}
      >
        {notice !== null && notice.pathname === location.pathname ? (
          <Notice>{notice.message}</Notice>
        ) : null}
        <Page route={route} />
      </AppShell>
    </ConsoleContext.Provider>
  );
}
