/**
 * What shows while a part of the page that is loaded on demand arrives. A dialog's is announced (a polite
 * status: the admin asked for it and waits); a panel's is plain text in the panel's place, read where it is.
 */
export function Loading({ what, overlay = false }: { what: string; overlay?: boolean }) {
  return overlay ? (
    <p
      role="status"
      className="fixed inset-x-0 top-14 z-50 mx-auto w-fit rounded-md border border-zinc-200 bg-white px-3 py-1.5 text-[13px] text-zinc-700 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
    >
      Loading {what}…
    </p>
  ) : (
    <p className="p-3 text-[13px] text-zinc-600 dark:text-zinc-400">Loading {what}…</p>
  );
}
