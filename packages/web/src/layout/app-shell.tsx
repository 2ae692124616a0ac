import type { ReactNode } from "react";
import type { AccountView } from "../api/types.ts";
import { Link } from "../routing/router.tsx";
import { paths } from "../routing/routes.ts";

export type Section = "profiles" | "notification" | null;

export interface AppShellProps {
  account: AccountView;
  section: Section;
  onSignOut(): void;
  children: ReactNode;
}

/** Header (account, sign out), the Settings navigation (seed: Callback Profiles, Notification). */
export function AppShell({ account, section, onSignOut, children }: AppShellProps) {
  const current = (name: Section) => (section === name ? "page" : undefined);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">Rebound</span>
        <nav aria-label="Settings" className="app-nav">
          <Link to={paths.profiles()} aria-current={current("profiles")}>
            Callback Profiles
          </Link>
          <Link to={paths.notification()} aria-current={current("notification")}>
            Notification
          </Link>
        </nav>
        <div className="account">
          <span>
            {account.name} <span className="muted">({account.sid})</span>
          </span>
          <button type="button" className="button secondary small" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
