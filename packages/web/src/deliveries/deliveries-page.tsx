import { Fragment, useState } from "react";
import { errorMessage } from "../api/api-error.ts";
import { type CallbackListItem, DELIVERY_STATUSES, type DeliveryStatus } from "../api/types.ts";
import { formatDateTime, formatDuration } from "../components/format.ts";
import { ErrorSummary } from "../components/messages.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useLoad } from "../components/use-load.ts";
import { Link, navigate, useLocation } from "../routing/router.tsx";
import { paths } from "../routing/routes.ts";
import { useConsole } from "../session/console-context.tsx";
import { AttemptsTable } from "./attempts-table.tsx";
import {
  canRetry,
  DELIVERIES_PAGE_SIZE,
  deliveriesQuery,
  deliveryFiltersFromSearch,
  searchFromDeliveryFilters,
} from "./delivery-filters.ts";

const STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: "Pending",
  delivering: "Delivering",
  delivered: "Delivered",
  failed: "Failed",
  held: "Held",
  cancelled: "Cancelled",
};

/** The profile and one page of its callbacks (the list carries each one's latest latency). */
async function loadPage(
  api: ReturnType<typeof useConsole>["api"],
  profileId: string,
  search: string,
) {
  const filters = deliveryFiltersFromSearch(new URLSearchParams(search));
  const [profile, list] = await Promise.all([
    api.getProfile(profileId),
    api.listCallbacks(deliveriesQuery(profileId, filters)),
  ]);
  return { profile, total: list.total, callbacks: list.callbacks };
}

function lastLatency(callback: CallbackListItem): string {
  const ms = callback.last_attempt_duration_ms;
  return ms === null ? "—" : formatDuration(ms);
}

/** One callback's attempts, read when its row is opened (and again after a refresh). */
function CallbackAttempts({ id, refreshed }: { id: string; refreshed: string }) {
  const { api } = useConsole();
  const { state } = useLoad(() => api.getCallback(id), [api, id, refreshed]);
  if (state.status === "failed")
    return <ErrorSummary title="Attempts not loaded" messages={[errorMessage(state.error)]} />;
  if (state.data === null) return <p role="status">Loading attempts…</p>;
  return <AttemptsTable attempts={state.data.attempts} caption={`Attempts of callback ${id}`} />;
}

/** Recent callbacks of one profile: status, attempts, response code, latency, retry. */
export function DeliveriesPage({ id }: { id: string }) {
  const { api, flash } = useConsole();
  const location = useLocation();
  const search = location.search.toString();
  const filters = deliveryFiltersFromSearch(location.search);
  const { state, reload } = useLoad(() => loadPage(api, id, search), [api, id, search]);
  const [open, setOpen] = useState<string | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const here = paths.deliveries(id);
  const page = state.data;

  async function retry(callbackId: string) {
    setRetrying(callbackId);
    setFailure(null);
    try {
      await api.retryCallback(callbackId);
      flash("Callback queued for retry", here);
      reload();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setRetrying(null);
    }
  }

  const go = (next: typeof filters) =>
    navigate(paths.deliveries(id, searchFromDeliveryFilters(next)));
  const errors = [
    ...(state.status === "failed" ? [errorMessage(state.error)] : []),
    ...(failure ? [failure] : []),
  ];

  return (
    <section aria-labelledby="deliveries-heading">
      <div className="page-title">
        <h1 id="deliveries-heading" tabIndex={-1}>
          Deliveries{page ? ` of ${page.profile.title}` : ""}
        </h1>
        <Link to={paths.profile(id)} className="button secondary">
          Back to profile
        </Link>
      </div>
      <div className="toolbar">
        <label className="inline-label">
          Delivery status{" "}
          <select
            value={filters.status}
            onChange={(event) =>
              go({ status: event.currentTarget.value as DeliveryStatus | "", page: 1 })
            }
          >
            <option value="">All statuses</option>
            {DELIVERY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button secondary" onClick={reload}>
          Refresh
        </button>
      </div>
      <ErrorSummary title="Something went wrong" messages={errors} />
      {state.status === "loading" && page === null ? <p role="status">Loading callbacks…</p> : null}
      {page !== null && page.callbacks.length === 0 ? (
        <p className="empty" role="status">
          No callbacks{filters.status ? ` with status ${STATUS_LABELS[filters.status]}` : ""} yet.
        </p>
      ) : null}
      {page !== null && page.callbacks.length > 0 ? (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <section className="table-scroll" aria-label="Callbacks table" tabIndex={0}>
            <table className="data-table">
              <caption className="visually-hidden">Recent callbacks</caption>
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Event</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Response code</th>
                  <th scope="col">Latency</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {page.callbacks.map((callback) => (
                  <Fragment key={callback.id}>
                    <tr>
                      <td>
                        <time dateTime={callback.created_at}>
                          {formatDateTime(callback.created_at)}
                        </time>
                      </td>
                      <td>{callback.event}</td>
                      <td>
                        <span className={`delivery delivery-${callback.status}`}>
                          {STATUS_LABELS[callback.status]}
                        </span>
                        {callback.status === "pending" && callback.attempt_count > 0 ? (
                          <span className="hint">
                            {" "}
                            next try{" "}
                            <time dateTime={callback.next_attempt_at}>
                              {formatDateTime(callback.next_attempt_at)}
                            </time>
                          </span>
                        ) : null}
                      </td>
                      <td>{callback.attempt_count}</td>
                      <td>{callback.last_status_code ?? "—"}</td>
                      <td>{lastLatency(callback)}</td>
                      <td>
                        <span className="row-actions">
                          <button
                            type="button"
                            className="button small secondary"
                            aria-expanded={open === callback.id}
                            aria-controls={`attempts-${callback.id}`}
                            onClick={() => setOpen(open === callback.id ? null : callback.id)}
                          >
                            {open === callback.id ? "Hide attempts" : "Show attempts"}
                          </button>
                          <button
                            type="button"
                            className="button small"
                            disabled={!canRetry(callback.status) || retrying !== null}
                            aria-label={`Retry callback ${callback.id}`}
                            onClick={() => retry(callback.id)}
                          >
                            {retrying === callback.id ? "Retrying…" : "Retry"}
                          </button>
                        </span>
                      </td>
                    </tr>
                    {open === callback.id ? (
                      <tr id={`attempts-${callback.id}`}>
                        <td colSpan={7}>
                          {callback.last_error ? (
                            <p className="hint">Last error: {callback.last_error}</p>
                          ) : null}
                          <CallbackAttempts id={callback.id} refreshed={callback.modified_at} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </section>
          <Pagination
            page={filters.page}
            limit={DELIVERIES_PAGE_SIZE}
            total={page.total}
            noun="callbacks"
            onPage={(next) => go({ ...filters, page: next })}
          />
        </>
      ) : null}
    </section>
  );
}
