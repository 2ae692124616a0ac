export interface PaginationProps {
  /** 1-based. */
  page: number;
  limit: number;
  total: number;
  /** What is paged, e.g. "profiles". */
  noun: string;
  onPage(page: number): void;
}

/** "Showing 26–50 of 73 profiles" with Previous and Next page buttons. */
export function Pagination({ page, limit, total, noun, onPage }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const first = total === 0 ? 0 : (page - 1) * limit + 1;
  const last = Math.min(total, page * limit);
  return (
    <nav className="pagination" aria-label={`${noun} pages`}>
      <p>
        Showing {first}–{last} of {total} {noun}
      </p>
      <button
        type="button"
        className="button secondary small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        Previous page
      </button>
      <span>
        Page {Math.min(page, pages)} of {pages}
      </span>
      <button
        type="button"
        className="button secondary small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
