// The contributions' rules (agenda, offers, members' news and their search hits), joined to the site's stylesheet.
export const CONTRIBUTION_CSS = `
.page-links{display:flex;flex-wrap:wrap;gap:.4rem 1.5rem;margin:.5rem 0 0;font:600 .98rem var(--sans)}
.filter-bar{display:flex;flex-wrap:wrap;gap:1rem 3rem;margin:0 0 1.25rem}
.filters{display:flex;flex-wrap:wrap;align-items:baseline;gap:.5rem .9rem}
.filters-label{margin:0;font:700 .8rem/1.3 var(--sans);text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.filters ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.45rem}
.filters a{display:inline-block;padding:.3rem .85rem;border:1px solid var(--line);border-radius:999px;
font:500 .95rem var(--sans);color:var(--ink);text-decoration:none;background:#fff}
.filters a:hover{border-color:var(--accent);color:var(--accent)}
.filters a[aria-current=page]{background:var(--ink);border-color:var(--ink);color:#fff;font-weight:700}
.contribution-page .count{margin:0 0 1rem}
.contribution-list{list-style:none;margin:0;padding:0;border-top:1px solid var(--line);max-width:52rem}
.contribution-list>li{border-bottom:1px solid var(--line);padding:1.15rem 0}
.contribution-card .card-title{font-size:1.3rem;margin:.1rem 0 .35rem}
.contribution-card .byline{margin:.2rem 0 0}
.contribution-card .card-lede{-webkit-line-clamp:3}
.event-card{display:grid;grid-template-columns:4.75rem minmax(0,1fr);gap:0 1.25rem;align-items:start}
.event-date{margin:.15rem 0 0;padding:.45rem .3rem;border:2px solid var(--ink);border-radius:6px;text-align:center;
font:700 1rem/1.15 var(--sans);text-transform:uppercase;letter-spacing:.02em}
.when{margin:0;font:600 1rem/1.45 var(--sans);color:#2c2f3d}
.tag-online{font-weight:600;color:var(--accent-dark)}
.closes{margin:.3rem 0 0;font:600 .95rem var(--sans);color:#2c2f3d}
.contribution-empty{padding:1.5rem 1.25rem;background:var(--tint);border-radius:8px;max-width:52rem}
.contribution-empty p{margin:0}
.contribution-piece .piece-head{margin-bottom:1.5rem}
.facts{display:grid;grid-template-columns:minmax(0,1fr);gap:.35rem;margin:1rem 0 0;font:400 1.05rem/1.45 var(--sans)}
.facts>div{display:grid;grid-template-columns:9rem minmax(0,1fr);gap:1rem}
.facts dt{font-weight:700;color:var(--muted)}
.facts dd{margin:0}
.notice-over{background:#fff3cd;border:1px solid #f2a900;border-radius:8px;padding:.5rem .75rem;font:600 1rem var(--sans)}
.contribution-image{max-width:40rem;margin:0 0 2rem}
.contribution-body{display:grid;grid-template-columns:minmax(0,40rem) minmax(0,17rem);gap:2.5rem;
justify-content:space-between}
.contribution-text{overflow-wrap:anywhere}
.contribution-actions p{margin:0 0 1rem}
.contribution-actions .button{margin:0}
.secondary-button{background:#fff;color:var(--accent);border:2px solid var(--accent)}
.secondary-button:hover{background:var(--tint);color:var(--accent-dark)}
.propose-box{max-width:52rem}
.search-contributions{margin-top:2.5rem}
.search-contributions .contribution-list{border-top:0}
@media (max-width:64rem){.contribution-body{grid-template-columns:minmax(0,1fr)}}
@media (max-width:40rem){
.event-card{grid-template-columns:3.6rem minmax(0,1fr);gap:0 .85rem}
.event-date{font-size:.85rem}
.facts>div{grid-template-columns:minmax(0,1fr);gap:0}
.filter-bar{gap:1rem}
}
`;
