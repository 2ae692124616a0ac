import type { ProfileView } from "../api/types.ts";
import { CopyButton } from "../components/copy-button.tsx";
import { formatDateTime, profileStatusLabel } from "../components/format.ts";
import { Link } from "../routing/router.tsx";
import { paths } from "../routing/routes.ts";

export interface ProfilesTableProps {
  profiles: readonly ProfileView[];
  onDelete(profile: ProfileView): void;
}

/** The listing: name, profile ID (copyable), method, URL, status in words, created date. */
export function ProfilesTable({ profiles, onDelete }: ProfilesTableProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" aria-label="Callback profiles table" tabIndex={0}>
      <table className="data-table">
        <caption className="visually-hidden">Callback profiles</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Profile ID</th>
            <th scope="col">HTTP Method</th>
            <th scope="col">URL</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((profile) => (
            <tr key={profile.profile_id}>
              <th scope="row">
                <Link to={paths.profile(profile.profile_id)}>{profile.title}</Link>
              </th>
              <td>
                <span className="id-cell">
                  <code>{profile.profile_id}</code>
                  <CopyButton
                    value={profile.profile_id}
                    label={`Copy profile ID of ${profile.title}`}
                  />
                </span>
              </td>
              <td>{profile.http_method}</td>
              <td className="url-cell">{profile.url}</td>
              <td>
                <span className={`status status-${profile.status}`}>
                  {profileStatusLabel(profile.status)}
                </span>
              </td>
              <td>
                <time dateTime={profile.created_at}>{formatDateTime(profile.created_at)}</time>
              </td>
              <td>
                <span className="row-actions">
                  <Link
                    to={paths.profile(profile.profile_id)}
                    aria-label={`Edit ${profile.title}`}
                    className="button small secondary"
                  >
                    Edit
                  </Link>
                  <Link
                    to={paths.deliveries(profile.profile_id)}
                    aria-label={`Deliveries of ${profile.title}`}
                    className="button small secondary"
                  >
                    Deliveries
                  </Link>
                  <button
                    type="button"
                    className="button small danger"
                    aria-label={`Delete ${profile.title}`}
                    onClick={() => onDelete(profile)}
                  >
                    Delete
                  </button>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
