// The search page's rules, joined to the site's one stylesheet (styles.ts): a reading column of results, no script.
export const SEARCH_CSS = `
.search-page{display:grid;grid-template-columns:minmax(0,46rem);gap:2.5rem 4rem}
@media (min-width:64rem){.search-page{grid-template-columns:minmax(0,46rem) minmax(0,20rem)}}
.search-aside{font-size:1rem;border-top:1px solid var(--line);padding-top:1.5rem}
.search-aside>h2,.search-aside .search-help h2{font:700 .85rem/1.3 var(--sans);text-transform:uppercase;
letter-spacing:.06em;color:var(--muted);margin:0 0 .75rem}
.search-aside .search-help{font-size:.95rem;margin-top:2rem}
.search-aside .search-help ul{padding-left:1.1rem}
@media (min-width:64rem){.search-aside{border-top:0;border-left:1px solid var(--line);padding:.4rem 0 0 2rem}}
.search-head{margin-bottom:1.5rem}
.search-head h1{font-size:2.2rem;overflow-wrap:anywhere}
.search-form label{margin-top:.25rem}
.search-row{display:flex;gap:0;align-items:stretch}
.search-row input[type=search]{flex:1;min-width:0;width:auto;font-size:1.1rem;border-right:0;border-radius:6px 0 0 6px}
.search-row button{margin:0;border-radius:0 6px 6px 0}
.search-count{font:600 1rem var(--sans);color:var(--muted);margin:1rem 0 0}
.search-results{list-style:none;margin:0;padding:0;border-top:1px solid var(--line)}
.search-results>li{border-bottom:1px solid var(--line);padding:1.25rem 0}
.search-hit{display:flow-root}
.search-thumb{float:right;width:10rem;margin:.2rem 0 .5rem 1.25rem}
.search-thumb img{display:block;width:100%;height:auto;aspect-ratio:4/3;object-fit:cover;border-radius:4px;
background:var(--line)}
.search-title{font-size:1.35rem;margin:.2rem 0 .4rem}
.search-title a{color:var(--ink);text-decoration:none}
.search-title a:hover{color:var(--accent);text-decoration:underline}
.search-excerpt{margin:0 0 .4rem;color:#2c2f3d;overflow-wrap:anywhere}
.search-excerpt mark{background:#fde9a8;color:inherit;padding:0 .1em;border-radius:2px}
.search-hit .byline{margin:0}
.pagination{display:grid;grid-template-columns:1fr auto 1fr;align-items:center;gap:1rem;margin:2rem 0 0;
font:600 1rem var(--sans)}
.pagination p{margin:0;color:var(--muted);text-align:center}
.pagination a[rel=next]{justify-self:end}
.pagination a{padding:.5rem 0}
.search-help,.search-empty{font-size:1.05rem}
.search-main .search-help h2,.search-empty h2{font-size:1.3rem;margin:1.75rem 0 .5rem}
.search-help ul,.search-empty ul{padding-left:1.25rem;margin:0}
.search-help li,.search-empty li{margin:.35rem 0}
.search-page .search-elsewhere{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.5rem}
.search-elsewhere a{display:inline-block;padding:.35rem .85rem;border:1px solid var(--line);border-radius:999px;
font:1rem var(--sans);text-decoration:none}
.search-elsewhere a:hover{border-color:var(--accent)}
@media (max-width:40rem){.search-head h1{font-size:1.75rem}.search-thumb{width:6rem;margin-left:.75rem}
.pagination{grid-template-columns:1fr 1fr}.pagination p{grid-column:1/-1;grid-row:1}}
`;
