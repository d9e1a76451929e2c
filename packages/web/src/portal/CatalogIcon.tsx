/*
 * The catalog's icon names (laptop, key, ...) drawn as simple line glyphs; a name without
 * a drawing shows the title's first letter, so a new icon never leaves a hole.
 */
const GLYPHS: Record<string, string> = {
  laptop: "M5 6h14v9H5z M3 18h18",
  "triangle-alert": "M12 4 21 19H3z M12 10v4 M12 16.5v.5",
  "life-buoy":
    "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8 M5.6 5.6l3.6 3.6 M14.8 14.8l3.6 3.6 M18.4 5.6l-3.6 3.6 M9.2 14.8l-3.6 3.6",
  key: "M8 11a4 4 0 1 0 0 .01 M11.5 12.5 20 4 M17 7l2 2",
  "key-round": "M15 3a6 6 0 1 0 0 .01 M10.5 13.5 4 20v-3h3v-3h3",
  "lock-open": "M6 11h12v9H6z M9 11V7a3 3 0 0 1 6 0",
  "git-pull-request":
    "M6 5a2 2 0 1 0 0 .01 M6 7v10 M6 19a2 2 0 1 0 0 .01 M18 19a2 2 0 1 0 0 .01 M18 17V9a3 3 0 0 0-3-3h-4",
  "user-plus": "M10 4a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7 M3 20c0-4 3-6 7-6s7 2 7 6 M19 8v6 M16 11h6",
  "book-open": "M3 5h6a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H3z M21 5h-6a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h7z",
  search: "M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13 M15.5 15.5 20 20",
  package: "M12 3 20 7.5v9L12 21l-8-4.5v-9z M4 7.5 12 12l8-4.5 M12 12v9",
};

export const CatalogIcon = ({ name, title }: { name: string | undefined; title: string }) => {
  const path = name === undefined ? undefined : GLYPHS[name];
  return (
    <span className="catalog-icon" aria-hidden="true">
      {path === undefined ? (
        title.slice(0, 1).toUpperCase()
      ) : (
        <svg viewBox="0 0 24 24" width="22" height="22" focusable="false" aria-hidden="true">
          <path
            d={path}
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      )}
    </span>
  );
};
