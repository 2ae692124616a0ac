import { useState } from "react";
import { ApiRequestError, errorMessage } from "../api/api-error.ts";
import { groupByField } from "../api/envelope-errors.ts";
import type { ProfileView } from "../api/types.ts";
import { ErrorSummary } from "../components/messages.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useLoad } from "../components/use-load.ts";
import { Link, navigate, useLocation } from "../routing/router.tsx";
import { paths } from "../routing/routes.ts";
import { useConsole } from "../session/console-context.tsx";
import { DeleteProfileDialog } from "./delete-profile-dialog.tsx";
import {
  apiQueryFromFilters,
  filtersFromSearch,
  PAGE_SIZES,
  type ProfileFilters,
  searchFromFilters,
} from "./list-filters.ts";
import { ProfileFiltersForm } from "./profile-filters-form.tsx";
import { ProfilesTable } from "./profiles-table.tsx";

const FILTER_FIELDS = new Set(["title", "http_method", "created_from", "created_to", "status"]);

/** The Callback Profiles page: filters, the table, paging, Create New, delete with confirmation. */
export function ProfileListPage() {
  const { api, flash } = useConsole();
  const location = useLocation();
  const search = location.search.toString();
  const filters = filtersFromSearch(location.search);
  const { state, reload } = useLoad(
    () => api.listProfiles(apiQueryFromFilters(filtersFromSearch(new URLSearchParams(search)))),
    [api, search],
  );
  const [deleting, setDeleting] = useState<ProfileView | null>(null);

  const apply = (next: ProfileFilters) => navigate(paths.profiles(searchFromFilters(next)));
  const failure = state.status === "failed" ? state.error : null;
  const queryIssues =
    failure instanceof ApiRequestError
      ? groupByField(failure.issues, ([first]) =>
          first !== undefined && FILTER_FIELDS.has(first) ? first : null,
        )
      : { byField: {}, other: failure ? [errorMessage(failure)] : [] };
  const list = state.data;

  return (
    <section aria-labelledby="profiles-heading">
      <div className="page-title">
        <h1 id="profiles-heading" tabIndex={-1}>
          Callback Profiles
        </h1>
        <Link to={paths.newProfile()} className="button">
          Create New
        </Link>
      </div>
      <p className="lead">
        Callback profiles trigger your endpoints with callback data for the configured events.
      </p>
      <ProfileFiltersForm
        key={search}
        filters={filters}
        errors={queryIssues.byField}
        onApply={apply}
      />
      <ErrorSummary title="Could not load the profiles" messages={queryIssues.other} />
      {state.status === "loading" && list === null ? <p role="status">Loading profiles…</p> : null}
      {list !== null && list.profiles.length === 0 ? (
        <p className="empty" role="status">
          {location.search.size > 0
            ? "No profiles match these filters."
            : "No callback profiles yet. Create one with Create New."}
        </p>
      ) : null}
      {list !== null && list.profiles.length > 0 ? (
        <>
          <ProfilesTable profiles={list.profiles} onDelete={setDeleting} />
          <div className="list-footer">
            <Pagination
              page={filters.page}
              limit={filters.limit}
              total={list.total}
              noun="profiles"
              onPage={(page) => apply({ ...filters, page })}
            />
            <label className="page-size">
              Rows per page{" "}
              <select
                value={filters.limit}
                onChange={(event) =>
                  apply({ ...filters, page: 1, limit: Number(event.currentTarget.value) })
                }
              >
                {PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </>
      ) : null}
      {deleting ? (
        <DeleteProfileDialog
          profile={deleting}
          onCancel={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            flash("Profile deleted successfully", paths.profiles());
            reload();
          }}
        />
      ) : null}
    </section>
  );
}
